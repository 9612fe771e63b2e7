#!/usr/bin/env bash
# The whole test suite: a warning-free Release build, then the same suite
# under AddressSanitizer and UndefinedBehaviorSanitizer (LeakSanitizer is on by
# default; a test tool that links a leaky system library turns it off itself).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
jobs=$(nproc)

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DIZDE_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DIZDE_WERROR=ON -DIZDE_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
# The package test builds a .deb of its own, which a sanitizer build would
# only repeat.
(cd build-asan && UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --output-on-failure -j"$jobs" -LE package)
