#!/usr/bin/env bash
# pdf_bench.sh - full builds on a collection of PDFs, text (one and two
# columns) and scanned: izde-index against omindex and recollindex (both
# extract with pdftotext) on the same files, in one run; and OCR's speed in
# izde-extract against Tesseract's own command line on the same pages.
#
#   bench/pdf_bench.sh [--docs N] [--scans S] [--ocr-pages P] [--build DIR] [--keep DIR]
#
#   --docs N       text documents, each one PDF (default 2000)
#   --scans S      of these, S also as image-only scans (default 50)
#   --ocr-pages P  scanned pages for the OCR speed check (default 10; 0: none)
#   --build DIR    the Release build with bin/izde-index (default build)
#   --keep DIR     work in DIR and keep the PDFs and indexes (default: a
#                  temporary folder, removed at the end)
#
# Generates N text documents with ../shared/eval/make_bench_corpus.py (the
# shared folder sits beside the checkout or is named by IZDE_SHARED_DIR) and
# lays each out as an A4 PDF in DejaVu Sans with bench/txt2pdf.py, every
# other one in two columns. The first S PDFs are rasterised at 200 dpi in
# grey (pdftoppm) and wrapped back into image-only PDFs (img2pdf), in
# scans/. Then times each indexer under /usr/bin/time -v: wall, CPU (user +
# sys), peak RSS, MB/s (PDF bytes / wall) and pages/s (pages as drawn).
# Izde runs twice: as installed (scans read by OCR) and with --no-ocr, which
# reads what the other two read (they have no OCR); the text-PDF comparison
# is that column's. omindex (xapian-omega) and recollindex (recoll) are
# skipped when not installed. Not a ctest test.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/build
docs_n=2000
scans_n=50
ocr_pages=10
keep=
while [ $# -gt 0 ]; do
    case $1 in
        --docs) docs_n=$2; shift 2 ;;
        --scans) scans_n=$2; shift 2 ;;
        --ocr-pages) ocr_pages=$2; shift 2 ;;
        --build) build=$(cd "$2" && pwd); shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        -h|--help) sed -n '2,29p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
# pdf.stats: what txt2pdf.py drew and the scans made; a kept folder made
# with other settings is made again.
want="docs=$docs_n scans=$scans_n"
if [ ! -f "$work/pdf.stats" ] || ! grep -q "^$want " "$work/pdf.stats"; then
    rm -rf "$text" "$pdfs" "$work/scanpng" "$work/pdf.stats"
    log "generating $docs_n documents"
    /usr/bin/python3 "$gen" --out "$text" --docs "$docs_n" >/dev/null
    log "laying them out as PDFs"
    stats=$(/usr/bin/python3 "$here/bench/txt2pdf.py" "$text/docs" "$pdfs/text")
    spages=0
    if [ "$scans_n" -gt 0 ]; then
        have pdftoppm && have img2pdf ||
            { echo "pdf_bench.sh: scans need pdftoppm (poppler-utils) and img2pdf" >&2; exit 1; }
        log "scanning $scans_n of them at 200 dpi"
        mkdir -p "$work/scanpng" "$pdfs/scans"
        # (No "| head" under pipefail: sort would die of SIGPIPE.)
        mapfile -t all < <(find "$pdfs/text" -name '*.pdf' | sort)
        for f in "${all[@]:0:$scans_n}"; do
            b=$(basename "$f" .pdf)
            pdftoppm -r 200 -gray -png "$f" "$work/scanpng/$b"
            img2pdf -o "$pdfs/scans/$b.pdf" "$work/scanpng/$b"-*.png
        done
        spages=$(find "$work/scanpng" -name '*.png' | wc -l)
    fi
    sbytes=$(find "$pdfs/scans" -name '*.pdf' -printf '%s\n' 2>/dev/null | awk '{ s += $1 } END { print s + 0 }')
    echo "$want $stats scan_pages=$spages scan_bytes=$sbytes" >"$work/pdf.stats"
fi
stats=$(cat "$work/pdf.stats")
stat() { sed "s/.* $1=\([0-9]*\).*/\1/" <<<" $stats"; }
files=$(( $(stat files) + scans_n )) two=$(stat two_column)
spages=$(stat scan_pages)
pages=$(( $(stat pages) + spages ))
bytes=$(( $(stat bytes) + $(stat scan_bytes) ))
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
rm -rf "$work/izde.db" "$work/izde.log"
log "izde-index"
# A new index has an empty OCR cache (it lives in the index folder).
measure izde "$build/bin/izde-index" --db "$work/izde.db" --log "$work/izde.log" -q "$pdfs" ||
    { log "izde-index failed: $(tail -3 "$work/izde.err")"; exit 1; }
record izde
rm -rf "$work/izde-text.db"
log "izde-index --no-ocr"
measure izde-text "$build/bin/izde-index" --db "$work/izde-text.db" --no-ocr -q "$pdfs" ||
    { log "izde-index --no-ocr failed: $(tail -3 "$work/izde-text.err")"; exit 1; }
record izde-text

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
V[izde-text,docs]=$(ndocs "$work/izde-text.db")
[ -n "${V[omindex,wall]:-}" ] && V[omindex,docs]=$(ndocs "$work/omega.db")
[ -n "${V[recoll,wall]:-}" ] && V[recoll,docs]=$(ndocs "$work/recoll/xapiandb")

echo
echo "Izde PDF benchmark: $files PDFs ($((files - scans_n)) with text, $two of them in two" \
     "columns; $scans_n scans of $spages pages at 200 dpi), $pages pages," \
     "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB; $(nproc) cores"
echo "load average at start: $load0; at end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-18s' metric; printf ' %10s' "${cols[@]}"
for c in omindex recoll; do [ -n "${V[$c,wall]:-}" ] && printf ' %17s' "izde-text/$c"; done; echo
row() { # row LABEL KEY
    printf '%-18s' "$1"
    local c
    for c in "${cols[@]}"; do printf ' %10s' "${V[$c,$2]:--}"; done
    for c in omindex recoll; do
        [ -n "${V[$c,wall]:-}" ] || continue
        printf ' %17s' "$(awk -v a="${V[izde-text,$2]:-}" -v b="${V[$c,$2]:-}" 'BEGIN {
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
echo "izde reads the scans by OCR (kir+rus+eng, 300 dpi); izde-text (--no-ocr), omindex"
echo "and recoll index no text from them. Ratios are izde-text divided by the other: below"
echo "1 is faster for times and memory, above 1 is faster for MB/s and pages/s."
echo "MB: PDF bytes read; pages as drawn."
awk -F'"ocr_pages":' 'NF > 1 { split($2, a, ","); p += a[1]; split($0, b, "\"ocr_ms\":"); split(b[2], c, ","); ms += c[1] }
    END { if (p) printf "OCR in the izde run: %d pages in %.1f s of OCR (%.2f pages/s a helper)\n", p, ms / 1000, p / (ms / 1000) }' "$work/izde.log"

# OCR speed: the same page images, languages and resolution, one core.
# izde-extract reads them as image files, all in one serving helper;
# tesseract is started for each, as a script would.
if [ "$ocr_pages" -gt 0 ] && [ "$spages" -gt 0 ] && have tesseract; then
    mapfile -t imgs < <(find "$work/scanpng" -name '*.png' | sort)
    imgs=("${imgs[@]:0:$ocr_pages}")
    log "OCR of ${#imgs[@]} pages: izde-extract, then tesseract"
    export OMP_THREAD_LIMIT=1
    for f in "${imgs[@]}"; do printf 'image 268435456 %d\n%s\n' "$(printf %s "$f" | wc -c)" "$f"; done >"$work/ocr.req"
    measure ocr-izde "$build/bin/izde-extract" --serve --ocr kir+rus+eng --ocr-dpi 200 <"$work/ocr.req"
    izw=$wall izc=$cpu
    measure ocr-cli sh -c 'for f; do tesseract "$f" - -l kir+rus+eng --dpi 200 >/dev/null 2>&1; done' sh "${imgs[@]}"
    echo
    echo "OCR of ${#imgs[@]} scanned pages (200 dpi, kir+rus+eng, OMP_THREAD_LIMIT=1):"
    printf '%-34s %8s %8s %8s\n' "" "wall s" "CPU s" "pages/s"
    printf '%-34s %8s %8s %8s\n' "izde-extract --serve (one process)" "$izw" "$izc" \
        "$(awk -v n="${#imgs[@]}" -v s="$izw" 'BEGIN { printf "%.2f", n / s }')"
    printf '%-34s %8s %8s %8s\n' "tesseract CLI (a process a page)" "$wall" "$cpu" \
        "$(awk -v n="${#imgs[@]}" -v s="$wall" 'BEGIN { printf "%.2f", n / s }')"
fi
