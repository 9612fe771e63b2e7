#!/usr/bin/env bash
# pdf_bench.sh - full builds on a collection of text PDFs: izde-index against
# omindex and recollindex (both extract with pdftotext) on the same files, in one run.
#
#   bench/pdf_bench.sh [--docs N] [--build DIR] [--keep DIR]
#
#   --docs N     documents, each one PDF (default 2000)
#   --build DIR  the Release build with bin/izde-index (default build)
#   --keep DIR   work in DIR and keep the PDFs and indexes (default: a
#                temporary folder, removed at the end)
#
# Generates N text documents with ../shared/eval/make_bench_corpus.py (the
# shared folder sits beside the checkout or is named by IZDE_SHARED_DIR) and
# lays each out as a one-column A4 PDF in DejaVu Sans with bench/txt2pdf.py
# (no two-column pages and no scans yet). Then times each indexer under
# /usr/bin/time -v: wall, CPU (user + sys), peak RSS, MB/s (PDF bytes / wall)
# and pages/s (pages as txt2pdf.py drew them). omindex (xapian-omega) and
# recollindex (recoll) are skipped when not installed. Not a ctest test.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/build
docs_n=2000
keep=
while [ $# -gt 0 ]; do
    case $1 in
        --docs) docs_n=$2; shift 2 ;;
        --build) build=$(cd "$2" && pwd); shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "pdf_bench.sh: unknown option '$1'" >&2; echo "try 'bench/pdf_bench.sh --help'" >&2; exit 2 ;;
    esac
done

shared=${IZDE_SHARED_DIR:-$here/../shared}
gen=$shared/eval/make_bench_corpus.py
for f in "$gen" "$build/bin/izde-index" /usr/bin/time; do
    [ -e "$f" ] || { echo "pdf_bench.sh: missing '$f'" >&2; exit 1; }
done
. "$here/bench/lib.sh"
have pdftotext || echo "pdf_bench.sh: no pdftotext (poppler-utils): omindex and recoll index no PDF text" >&2

if [ -n "$keep" ]; then
    mkdir -p "$keep"; work=$(cd "$keep" && pwd)
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/izde-pdfbench.XXXXXX")
    trap 'rm -rf "$work"' EXIT
fi
log() { echo "pdf_bench.sh: $*" >&2; }

text=$work/text pdfs=$work/pdf
if [ ! -f "$work/pdf.stats" ]; then
    rm -rf "$text" "$pdfs"
    log "generating $docs_n documents"
    /usr/bin/python3 "$gen" --out "$text" --docs "$docs_n" >/dev/null
    log "laying them out as PDFs"
    /usr/bin/python3 "$here/bench/txt2pdf.py" "$text/docs" "$pdfs" >"$work/pdf.stats.tmp"
    mv "$work/pdf.stats.tmp" "$work/pdf.stats"
fi
stats=$(cat "$work/pdf.stats")
files=$(sed 's/.*files=\([0-9]*\).*/\1/' <<<"$stats")
pages=$(sed 's/.*pages=\([0-9]*\).*/\1/' <<<"$stats")
bytes=$(sed 's/.*bytes=\([0-9]*\).*/\1/' <<<"$stats")
load0=$(cut -d' ' -f1-3 /proc/loadavg)

declare -A V
cols=()
# record COLUMN: the figures of the last measure into the table
record() {
    cols+=("$1")
    V[$1,wall]=$wall V[$1,cpu]=$cpu V[$1,rss]=$rss_mb
    V[$1,mbs]=$(awk -v b="$bytes" -v s="$wall" 'BEGIN { printf "%.2f", b / 1e6 / s }')
    V[$1,pps]=$(awk -v p="$pages" -v s="$wall" 'BEGIN { printf "%.0f", p / s }')
}

# Each indexer starts from an empty index, with the page cache warm for all
# alike (the PDFs were just written).
rm -rf "$work/izde.db"
log "izde-index"
measure izde "$build/bin/izde-index" --db "$work/izde.db" -q "$pdfs" ||
    { log "izde-index failed: $(tail -3 "$work/izde.err")"; exit 1; }
record izde

if have omindex; then
    rm -rf "$work/omega.db"
    log "omindex"
    if measure omindex omindex --db "$work/omega.db" --url / "$pdfs"; then
        record omindex
    else
        log "omindex failed: $(tail -3 "$work/omindex.err")"
    fi
else
    log "no omindex (Debian xapian-omega): skipped"
fi

if have recollindex; then
    conf=$work/recoll
    rm -rf "$conf"; mkdir -p "$conf"
    # No spelling dictionary (aspell) and no monitoring: the build alone.
    printf 'topdirs = %s\nnoaspell = 1\nloglevel = 2\n' "$pdfs" >"$conf/recoll.conf"
    log "recollindex"
    if measure recoll recollindex -c "$conf"; then
        record recoll
    else
        log "recollindex failed: $(tail -3 "$work/recoll.err")"
    fi
else
    log "no recollindex (Debian recoll): skipped"
fi

# Documents each index holds, a check that all read the same collection
# (all three are Xapian databases; Recoll also counts each folder).
ndocs() { have xapian-delve && xapian-delve "$1" 2>/dev/null | sed -n 's/^number of documents = //p'; }
V[izde,docs]=$(ndocs "$work/izde.db")
[ -n "${V[omindex,wall]:-}" ] && V[omindex,docs]=$(ndocs "$work/omega.db")
[ -n "${V[recoll,wall]:-}" ] && V[recoll,docs]=$(ndocs "$work/recoll/xapiandb")

echo
echo "Izde PDF benchmark: $files text PDFs (one column), $pages pages," \
     "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB; $(nproc) cores"
echo "load average at start: $load0; at end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-18s' metric; printf ' %10s' "${cols[@]}"
for c in omindex recoll; do [ -n "${V[$c,wall]:-}" ] && printf ' %13s' "izde/$c"; done; echo
row() { # row LABEL KEY
    printf '%-18s' "$1"
    local c
    for c in "${cols[@]}"; do printf ' %10s' "${V[$c,$2]:--}"; done
    for c in omindex recoll; do
        [ -n "${V[$c,wall]:-}" ] || continue
        printf ' %13s' "$(awk -v a="${V[izde,$2]:-}" -v b="${V[$c,$2]:-}" 'BEGIN {
            if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else printf "-" }')"
    done
    echo
}
row "wall s" wall
row "CPU s (user+sys)" cpu
row "peak RSS MB" rss
row "MB/s" mbs
row "pages/s" pps
row "documents indexed" docs
echo "Ratios are izde divided by the other: below 1 is faster for times and memory,"
echo "above 1 is faster for MB/s and pages/s. MB: PDF bytes read; pages as drawn."
