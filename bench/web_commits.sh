#!/bin/bash
# web_commits.sh - what a commit costs izde-web's readers: after each commit, as many pages at once as the server has workers.
#
#   bench/web_commits.sh [BIN_DIR] [DOCS] [THREADS] [ROUNDS]
#
# Generates DOCS documents (default 20000) with
# ../shared/eval/make_bench_corpus.py, indexes them, and starts izde-web
# with THREADS workers (default 8). Then ROUNDS times (default 6): changes
# five documents, runs izde-index --update (a commit), and asks for
# THREADS result pages at once, one per worker. Every worker then meets
# the new revision, whose facet tables must be read again. Prints the
# server's processor time over the rounds (the writer is another process)
# and the slowest page of each round. Not a ctest test.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/bin}
docs=${2:-20000}
threads=${3:-8}
rounds=${4:-6}
shared=${IZDE_SHARED_DIR:-$here/../../shared}
command -v curl >/dev/null || { echo "no curl: scripts/install-deps.sh installs it" >&2; exit 2; }
[ -x "$bin/izde-web" ] || { echo "no $bin/izde-web: build first" >&2; exit 2; }
[ -f "$shared/eval/make_bench_corpus.py" ] || { echo "no $shared/eval/make_bench_corpus.py" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/izde-webcommits.XXXXXX")
web=
trap '[ -n "$web" ] && kill "$web" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
/usr/bin/python3 "$shared/eval/make_bench_corpus.py" --out "$tmp/corpus" --docs "$docs" >/dev/null
"$bin/izde-index" -q --db "$tmp/db" "$tmp/corpus/docs"
echo "corpus: $docs documents; $(nproc) cores; izde-web --threads $threads"

"$bin/izde-web" --db "$tmp/db" --listen 127.0.0.1:0 --threads "$threads" 2>"$tmp/web.log" &
web=$!
for _ in $(seq 1 100); do grep -qs "listening on" "$tmp/web.log" && break; sleep 0.1; done
url=$(sed -n 's/^izde-web: listening on \(http:[^ ]*\)\/$/\1/p' "$tmp/web.log")
[ -n "$url" ] || { cat "$tmp/web.log" >&2; exit 1; }

# pages TAG: THREADS pages at once, a query each; prints the slowest time.
pages() {
    for i in $(seq 1 "$threads"); do
        curl -s -o /dev/null -w '%{time_total}\n' "$url/?q=%D0%BC%D0%B5%D0%BA%D1%82%D0%B5%D0%BF+$1$i" &
    done | sort -n | tail -n 1
}
cpu() { awk '{ print $14 + $15 }' "/proc/$web/stat"; }
pages warm >/dev/null
pages warm2 >/dev/null
ticks=0
slowest=
for r in $(seq 1 "$rounds"); do
    find "$tmp/corpus/docs" -name '*.txt' | shuf -n 5 | while read -r f; do echo "жаңыртуу $r" >>"$f"; done
    "$bin/izde-index" -q --db "$tmp/db" --update
    c0=$(cpu)
    slowest="$slowest $(pages "r$r")"
    c1=$(cpu)
    ticks=$((ticks + c1 - c0))
done
echo "server processor time over $rounds commits, $threads pages after each:" \
     "$(echo "scale=2; $ticks / $(getconf CLK_TCK)" | bc) s"
echo "slowest page after each commit (s):$slowest"
