#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer + UBSan; CMake preset
# "fuzz") and runs each for a bounded time: the loopback receiver's HTTP
# request parser, the JWKS / ID token parsing, the Clerk user JSON, the users
# file / CSV reader and the database URL parser, i.e. the code that reads
# bytes from the network or from files and settings an admin is handed. Exits non-zero when a fuzzer finds a crash, a leak
# or a hang; the reproducer is left in build/fuzz/artifacts/<fuzzer>/.
#
#   ROLECALL_FUZZ_SECONDS  time per fuzzer (default 30)
#
# The corpus grows in build/fuzz/corpus/<fuzzer> across runs; the seeds in
# tests/fuzz/corpus/<fuzzer> are read, never written.
set -euo pipefail
cd "$(dirname "$0")/.."

# libFuzzer ships with clang's runtime libraries (Debian: libclang-rt-dev).
./packaging/install-deps.sh clang libclang-rt-dev

seconds=${ROLECALL_FUZZ_SECONDS:-30}
fuzzers=(fuzz_httprequest fuzz_idtoken fuzz_clerkuser fuzz_userlist fuzz_connectionurl)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${fuzzers[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
summary=()
for name in "${fuzzers[@]}"; do
    corpus=build/fuzz/corpus/$name
    artifacts=build/fuzz/artifacts/$name
    log=build/fuzz/$name.log
    mkdir -p "$corpus" "$artifacts"
    echo "fuzz: running $name for ${seconds}s (log: $log)"
    start=$SECONDS
    rc=0
    "./build/fuzz/tests/fuzz/$name" -max_total_time="$seconds" -max_len=20000 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" \
        "$corpus" "tests/fuzz/corpus/$name" >"$log" 2>&1 || rc=$?
    elapsed=$((SECONDS - start))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    if [ "$rc" -eq 0 ]; then
        summary+=("$name: ${runs:-?} runs in ${elapsed} s, no crash")
    else
        status=1
        summary+=("$name: FAILED (exit $rc) after ${runs:-?} runs in ${elapsed} s; see $log and $artifacts/")
        tail -n 40 "$log" >&2
    fi
done

printf '%s\n' "${summary[@]}"
exit "$status"
