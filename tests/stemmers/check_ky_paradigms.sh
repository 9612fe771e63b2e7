#!/bin/bash
# check_ky_paradigms.sh - the generated Kyrgyz paradigms (issue 17) are what
# scripts/ky_paradigms/gen.py makes from the lemma list, and the generator
# still reproduces at least 95% of the hand-written paradigm forms.
set -euo pipefail
src="${IZDE_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 "$src/scripts/ky_paradigms/gen.py" --lemmas "$src/scripts/ky_paradigms/fresh_lemmas.tsv" \
    --out "$tmp/fresh" 2>/dev/null
if ! diff -r "$tmp/fresh" "$src/tests/stemmers/ky-paradigms-fresh" -x README >"$tmp/diff"; then
    echo "FAIL: tests/stemmers/ky-paradigms-fresh differs from what gen.py makes; regenerate it:" >&2
    head -20 "$tmp/diff" >&2
    exit 1
fi

python3 "$src/scripts/ky_paradigms/validate.py" --lemmas "$src/scripts/ky_paradigms/old_lemmas.tsv" \
    --gold "$src/tests/stemmers/ky-paradigms" >"$tmp/validate"
tail -n1 "$tmp/validate"
share=$(tail -n1 "$tmp/validate" | sed -n 's/^reproduced \([0-9]*\)\/\([0-9]*\) .*/\1 \2/p')
if [ -z "$share" ]; then
    echo "FAIL: validate.py printed no summary" >&2
    exit 1
fi
read -r found total <<<"$share"
if [ $((found * 100)) -lt $((total * 95)) ]; then
    echo "FAIL: the generator reproduces $found of $total hand-written forms, under 95%" >&2
    cat "$tmp/validate" >&2
    exit 1
fi
echo "ok: fresh paradigms regenerate; $found/$total hand-written forms reproduced"
