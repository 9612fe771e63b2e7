#!/bin/bash
# jobs_speedup.sh - izde-index throughput with --jobs 1 against --jobs N on a generated corpus.
#
#   bench/jobs_speedup.sh [BIN_DIR] [DOCS] [ROUNDS] [JOBS] [-- extra izde-index options]
#
# Generates DOCS documents (default 5000) with ../shared/eval/make_bench_corpus.py
# into a temporary directory, then indexes them into a fresh index ROUNDS times
# (default 3) with --jobs 1 and --jobs JOBS (default: cores), alternating, so
# that other load on the machine hits both alike. Prints every wall time, the
# best of each, and the speed-up best(1) / best(N). Also prints the CPU time
# of the writer thread and of the workers for one --jobs N run when perf is
# installed: the writer's share bounds the speed-up one writer can give.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/bin}
docs=${2:-5000}
rounds=${3:-3}
jobs=${4:-$(nproc)}
shift $(($# < 4 ? $# : 4))
[ "${1:-}" = -- ] && shift
extra=("$@")
shared=$here/../../shared
[ -x "$bin/izde-index" ] || { echo "no $bin/izde-index: build first" >&2; exit 2; }
[ -f "$shared/eval/make_bench_corpus.py" ] || { echo "no $shared/eval/make_bench_corpus.py" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/izde-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 "$shared/eval/make_bench_corpus.py" --out "$tmp/corpus" --docs "$docs" >/dev/null
mb=$(du -sm "$tmp/corpus" | cut -f1)
echo "corpus: $docs documents, ${mb} MB; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"

run() { # run JOBS: prints the wall time in seconds
    rm -rf "$tmp/db"
    local t0 t1
    t0=$(date +%s.%N)
    "$bin/izde-index" -q --jobs "$1" "${extra[@]}" --db "$tmp/db" "$tmp/corpus" 2>"$tmp/err" ||
        { cat "$tmp/err" >&2; exit 1; }
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc -l
}

: > "$tmp/times"
for r in $(seq 1 "$rounds"); do
    a=$(run 1)
    b=$(run "$jobs")
    printf 'round %d: --jobs 1 %.2f s   --jobs %d %.2f s\n' "$r" "$a" "$jobs" "$b"
    echo "$a $b" >> "$tmp/times"
done
awk -v jobs="$jobs" -v docs="$docs" '
    NR == 1 || $1 < a { a = $1 }
    NR == 1 || $2 < b { b = $2 }
    END { printf "best: --jobs 1 %.2f s, --jobs %d %.2f s: speed-up %.2fx (%.0f vs %.0f docs/s)\n",
                 a, jobs, b, a / b, docs / a, docs / b }' "$tmp/times"

if command -v perf >/dev/null && perf record -q -o "$tmp/perf.data" -F 999 true 2>/dev/null; then
    rm -rf "$tmp/db"
    perf record -q -o "$tmp/perf.data" -F 999 "$bin/izde-index" -q --jobs "$jobs" "${extra[@]}" \
        --db "$tmp/db" "$tmp/corpus" >/dev/null 2>&1
    perf report -i "$tmp/perf.data" --sort pid --stdio -F sample,pid 2>/dev/null |
        awk '/izde/ { s = $1 / 999; t += s; if (!w) { w = s } else { k += s } }
             END { if (t) printf "CPU with --jobs N: writer thread %.2f s (%.0f%%), workers %.2f s; one writer caps the speed-up near %.2fx\n", w, 100 * w / t, k, t / w }'
fi
