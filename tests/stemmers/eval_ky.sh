#!/bin/bash
# eval_ky.sh - Kyrgyz stemmer quality on the UD dev set: fails if F1 < 0.78.
# Skips (exit 77) when ../shared or its data or /usr/bin/python3 is absent.
# Env: IZDE_BIN_DIR, IZDE_SHARED_DIR (default: ../shared next to the source).
set -u
src=${IZDE_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${IZDE_BIN_DIR:-$src/build/bin}
shared=${IZDE_SHARED_DIR:-$src/../shared}
min=0.78
eval=$shared/eval/stem_eval.py
data=$shared/data/ud-ky-ktmu-train.conllu
if [ ! -f "$eval" ] || [ ! -f "$data" ] || [ ! -x /usr/bin/python3 ]; then
    echo "eval_ky.sh: skipped: $shared (stem_eval.py, ud-ky-ktmu-train.conllu) not available"
    exit 77
fi
out=$(/usr/bin/python3 "$eval" --conllu "$data" --stemmer "'$bin/izde-stem' --lang ky" --json)
rc=$?
if [ $rc -ne 0 ]; then
    echo "eval_ky.sh: stem_eval.py exited with $rc" >&2
    exit 1
fi
f1=$(printf '%s\n' "$out" | tail -n1)
printf '%s\n' "$out" | head -n1
if ! /usr/bin/python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) else 1)" "$f1" "$min"; then
    echo "eval_ky.sh: F1 $f1 is below $min" >&2
    exit 1
fi
echo "eval_ky.sh: F1 $f1 (minimum $min)"
