#!/usr/bin/env bash
# README command 2: install what is missing, build, run every test (unit,
# integration against a real PostgreSQL, GUI offscreen, the real keychain),
# after a bounded libFuzzer run over the code that parses network input.
#
#   ROLECALL_FUZZ_SECONDS  seconds per fuzzer (default 30; 0 skips fuzzing)
#
# Tests run inside their own D-Bus session with a gnome-keyring unlocked in a
# fresh HOME, so the keychain test talks to a real Secret Service and nothing
# touches the caller's own keyring or settings.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

./packaging/install-deps.sh

# Warnings are errors in CI; a newcomer's newer compiler only warns.
preset=dev
if [ "${CI:-}" = "true" ]; then preset=ci; fi
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"

if [ "${ROLECALL_FUZZ_SECONDS:-30}" != 0 ]; then
  ./packaging/fuzz.sh
fi

test_home=$(mktemp -d "${TMPDIR:-/tmp}/rolecall-test-home.XXXXXX")
trap 'rm -rf "$test_home"' EXIT
export ROLECALL_TEST_PRESET="$preset" ROLECALL_ROOT="$root"

# gnome-keyring must be unlocked before anything asks for org.freedesktop.secrets
# (otherwise D-Bus starts a keyring without a login collection).
HOME="$test_home" XDG_RUNTIME_DIR="$test_home/run" dbus-run-session -- sh -c '
    mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
    printf "%s" rolecall-test-keyring | gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null
    cd "$ROLECALL_ROOT" && ctest --preset "$ROLECALL_TEST_PRESET" -j2 "$@"
' rolecall-tests "$@"
