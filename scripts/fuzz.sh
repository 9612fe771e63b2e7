#!/usr/bin/env bash
# Runs every libFuzzer target (fuzz/) for a set time, one after another, and
# records the run: new crashes are copied into fuzz/regressions/<target>/ and
# listed, and each target gets a line in fuzz/LOG.md.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   SECONDS_PER_TARGET  default 300
#   TARGET              fuzz_analyze fuzz_query fuzz_docdata fuzz_extract
#                       fuzz_charset fuzz_dehyphen fuzz_sieve fuzz_page
#                       (default: all)
#
# Builds build-fuzz/ with clang and -DIZDE_FUZZ=ON (ASan + UBSan + libFuzzer).
# The growing corpus of each target stays in build-fuzz/fuzz/corpus/<target>/
# between runs; the committed seeds (fuzz/corpus/), the generated ones and
# every earlier crash (fuzz/regressions/) are read as seeds on each run.
# libFuzzer runs in fork mode, so one crash does not end the run: every
# distinct crashing input is kept. UBSan findings already recorded and still
# open are suppressed by fuzz/ubsan.supp.
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-300}
shift || true
all=(fuzz_analyze fuzz_query fuzz_docdata fuzz_extract fuzz_charset fuzz_dehyphen fuzz_sieve
     fuzz_page)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

# Longest input per target: long enough for the format, short enough that
# each run is fast (ICU segmentation and the stemmers are per word).
max_len() {
    case $1 in
    fuzz_query) echo 1024 ;;
    fuzz_docdata) echo 4096 ;;
    fuzz_extract) echo 65536 ;;
    *) echo 8192 ;;
    esac
}

build=build-fuzz
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DIZDE_FUZZ=ON >/dev/null
cmake --build "$build" -j"${IZDE_FUZZ_BUILD_JOBS:-2}" --target "${targets[@]}" >/dev/null
bash fuzz/make_seeds.sh "$build/fuzz/seeds"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/fuzz/ubsan.supp"

[ -f fuzz/LOG.md ] || { echo "fuzz.sh: fuzz/LOG.md is missing" >&2; exit 2; }
status=0
for t in "${targets[@]}"; do
    work="$build/fuzz/corpus/$t"
    art="$build/fuzz/artifacts/$t"
    log="$build/fuzz/$t.log"
    mkdir -p "$work" "$art" "fuzz/regressions/$t"
    seeds=("fuzz/corpus/$t" "fuzz/regressions/$t")
    [ -d "$build/fuzz/seeds/$t" ] && seeds+=("$build/fuzz/seeds/$t")
    before=$(ls "$art" | sort)
    echo "fuzz.sh: $t for ${secs}s (log: $log)" >&2
    start=$(date +%s)
    # -timeout: a single input running longer is a finding (a hang).
    "$build/fuzz/bin/$t" -fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 \
        -max_total_time="$secs" -max_len="$(max_len "$t")" -timeout=20 \
        -rss_limit_mb=2048 -artifact_prefix="$art/" "$work" "${seeds[@]}" >"$log" 2>&1 || true
    elapsed=$(( $(date +%s) - start ))
    # The last status line of fork mode: "#EXECS: cov: ... oom/timeout/crash: O/T/C ...".
    last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -1 || true)
    execs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"${last:-#0:}")
    counts=$(sed -nE 's/.*oom\/timeout\/crash: ([0-9]+\/[0-9]+\/[0-9]+).*/\1/p' <<<"$last")
    new=()
    while read -r f; do
        [ -n "$f" ] || continue
        grep -qxF "$f" <<<"$before" && continue
        # The same input found before (artifact names are content hashes).
        [ -e "fuzz/regressions/$t/$f" ] || [ -e "fuzz/open/$t/$f" ] && continue
        cp "$art/$f" "fuzz/regressions/$t/$f"
        new+=("fuzz/regressions/$t/$f")
    done <<<"$(ls "$art" | sort)"
    for f in "${new[@]}"; do
        echo "fuzz.sh: NEW CRASH $t: $f" >&2
        echo "  reproduce: $build/fuzz/bin/$t $f" >&2
        echo "  minimize:  $build/fuzz/bin/$t -minimize_crash=1 -runs=100000 $f" >&2
    done
    [ ${#new[@]} -gt 0 ] && status=1
    printf '| %s | %s | %s | %s | %s | %s |\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$t" \
        "$elapsed" "$execs" "${#new[@]}" "oom/timeout/crash ${counts:-0/0/0}, corpus $(ls "$work" | wc -l)" \
        >>fuzz/LOG.md
    echo "fuzz.sh: $t: ${elapsed}s, $execs execs, ${#new[@]} new crashes" >&2
done
exit $status
