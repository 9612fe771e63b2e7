#!/bin/bash
# check_voc.sh LANG - stems tests/stemmers/LANG/voc.txt with izde-stem and
# diffs the result against tests/stemmers/LANG/output.txt.
# LANG may also come from the environment (IZDE_STEM_LANG).
# Env: IZDE_BIN_DIR (where izde-stem is), IZDE_SOURCE_DIR (the source tree).
# Exit: 0 same, 1 different or izde-stem failed, 2 usage.
# After a deliberate rule change: tests/stemmers/regen_voc.sh LANG.
set -u
lang=${1:-${IZDE_STEM_LANG:-}}
if [ -z "$lang" ]; then
    echo "usage: check_voc.sh LANG" >&2
    exit 2
fi
src=${IZDE_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${IZDE_BIN_DIR:-$src/build/bin}
dir=$src/tests/stemmers/$lang
tmp=$(mktemp -d "${TMPDIR:-/tmp}/izde-voc.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

"$bin/izde-stem" --lang "$lang" < "$dir/voc.txt" > "$tmp/output.txt"
rc=$?
if [ $rc -ne 0 ]; then
    echo "check_voc.sh: izde-stem --lang $lang exited with $rc" >&2
    exit 1
fi
if ! diff -u "$dir/output.txt" "$tmp/output.txt"; then
    echo "check_voc.sh: $lang stems changed; if that is intended, run tests/stemmers/regen_voc.sh $lang," >&2
    echo "bump the stemmer version and review the diff in the commit" >&2
    exit 1
fi
exit 0
