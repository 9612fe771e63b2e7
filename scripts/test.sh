#!/usr/bin/env bash
# The whole test suite: a warning-free Release build, then the same suite
# under AddressSanitizer and UndefinedBehaviorSanitizer (LeakSanitizer is on by
# default; a test tool that links a leaky system library turns it off itself).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
jobs=$(nproc)

# build DIR CMAKE_OPTIONS...: configures and builds quietly; on failure
# shows the end of the log, where the compiler's message is.
build() {
    local dir=$1
    shift
    echo "==> building $dir ($*)"
    if ! { cmake -S . -B "$dir" "$@" && cmake --build "$dir" -j"$jobs"; } >"$dir.log" 2>&1; then
        echo "build of $dir failed; the end of $dir.log:" >&2
        tail -40 "$dir.log" >&2
        exit 1
    fi
}

build build -DCMAKE_BUILD_TYPE=Release -DIZDE_WERROR=ON
echo "==> testing build"
(cd build && ctest --output-on-failure -j"$jobs")

build build-asan -DCMAKE_BUILD_TYPE=Debug -DIZDE_WERROR=ON -DIZDE_SANITIZE=ON
echo "==> testing build-asan (AddressSanitizer + UndefinedBehaviorSanitizer)"
# The package test builds a .deb of its own, which a sanitizer build would
# only repeat.
(cd build-asan && UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --output-on-failure -j"$jobs" -LE package)
