#!/bin/bash
# eval_stem.sh LANG CONLLU|PARADIGM_DIR MIN_F1 - a stemmer's quality on a UD
# dev set, or on a folder of paradigms of ours (a path in the source tree,
# tests/stemmers/...), run through ../shared/eval/stem_eval.py: fails if
# F1 < MIN_F1. Skips (exit 77) when ../shared, its data or /usr/bin/python3
# is absent.
# Env: IZDE_BIN_DIR, IZDE_SHARED_DIR (default: ../shared next to the source).
set -u
lang=$1 conllu=$2 min=$3
src=${IZDE_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${IZDE_BIN_DIR:-$src/build/bin}
shared=${IZDE_SHARED_DIR:-$src/../shared}
eval=$shared/eval/stem_eval.py
data=$shared/data/$conllu
gold=(--conllu "$data")
case $conllu in
tests/*) data=$src/$conllu gold=(--gold-paradigms "$data") ;;
esac
me="eval_stem.sh $lang"
if [ ! -f "$eval" ] || [ ! -e "$data" ] || [ ! -x /usr/bin/python3 ]; then
    echo "$me: skipped: $shared (stem_eval.py, $conllu) not available"
    exit 77
fi
out=$(/usr/bin/python3 "$eval" "${gold[@]}" --stemmer "'$bin/izde-stem' --lang $lang" --json)
rc=$?
if [ $rc -ne 0 ]; then
    echo "$me: stem_eval.py exited with $rc" >&2
    exit 1
fi
f1=$(printf '%s\n' "$out" | tail -n1)
printf '%s\n' "$out" | head -n1
if ! /usr/bin/python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) else 1)" "$f1" "$min"; then
    echo "$me: F1 $f1 is below $min" >&2
    exit 1
fi
echo "$me: F1 $f1 (minimum $min)"
