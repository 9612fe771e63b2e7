#!/bin/sh
# stem_words.sh - stemmer benchmark on the words of a CoNLL-U file.
#
#   bench/stem_words.sh FILE.conllu LANG [bench_stem options...]
#   e.g. bench/stem_words.sh ../shared/data/ud-ru-gsd-dev.conllu ru --snowball russian
#
# Extracts the FORM column (lowercased, every token, so frequent words weigh
# as in running text) into a temporary file, which is removed afterwards and
# never committed, and runs bench_stem on it. BENCH_STEM names the binary
# (default: build/bench/bin/bench_stem, then build-*/bench/bin/bench_stem).
set -eu
if [ $# -lt 2 ]; then
    echo "usage: $0 FILE.conllu LANG [bench_stem options...]" >&2
    exit 2
fi
conllu=$1
lang=$2
shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${BENCH_STEM:-}
if [ -z "$bin" ]; then
    for b in "$here"/build/bench/bin/bench_stem "$here"/build-*/bench/bin/bench_stem; do
        if [ -x "$b" ]; then bin=$b; break; fi
    done
fi
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
    echo "$0: bench_stem not built (set BENCH_STEM)" >&2
    exit 1
fi
words=$(mktemp "${TMPDIR:-/tmp}/izde-stem-words.XXXXXX")
trap 'rm -f "$words"' EXIT INT TERM
# token lines have an integer ID and ten columns; the folding is Unicode
# lowercasing, as stem_eval.py does
/usr/bin/python3 -c '
import sys, unicodedata
out = open(sys.argv[2], "w", encoding="utf-8")
for line in open(sys.argv[1], encoding="utf-8"):
    c = line.rstrip("\n").split("\t")
    if len(c) == 10 and c[0].isdigit():
        out.write(unicodedata.normalize("NFC", c[1]).lower() + "\n")
' "$conllu" "$words"
"$bin" --lang "$lang" "$@" "$words"
