#!/bin/bash
# regen_voc.sh LANG - rewrites tests/stemmers/LANG/output.txt from voc.txt.
# Run it only after a deliberate rule change, and review `git diff` before
# committing. Env: IZDE_BIN_DIR (default build/bin), IZDE_SOURCE_DIR.
set -u
lang=${1:-}
if [ -z "$lang" ]; then
    echo "usage: regen_voc.sh LANG" >&2
    exit 2
fi
src=${IZDE_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${IZDE_BIN_DIR:-$src/build/bin}
dir=$src/tests/stemmers/$lang
"$bin/izde-stem" --lang "$lang" < "$dir/voc.txt" > "$dir/output.txt.new" || {
    rm -f "$dir/output.txt.new"
    echo "regen_voc.sh: izde-stem --lang $lang failed" >&2
    exit 1
}
mv "$dir/output.txt.new" "$dir/output.txt"
echo "regen_voc.sh: wrote $dir/output.txt ($(wc -l < "$dir/output.txt") lines)"
