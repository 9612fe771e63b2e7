#!/bin/bash
# sieve_data.sh - the snippet sieve (analysis/sieve.h) on text we did not write:
# the sentences of the Kyrgyz and Russian UD treebanks, four to a paragraph,
# and the articles of the retrieval sets' corpus. test_sieve checks
# that every term of every word passes its word, and that a sieved
# analysis finds each sampled word's terms where a full one does. Skips
# (77) without ../shared.
set -eu
shared=${IZDE_SHARED_DIR:-$IZDE_SOURCE_DIR/../shared}
data=$shared/data
sets=$shared/eval/sets/corpus
if [ ! -f "$data/ud-ky-ktmu-train.conllu" ] || [ ! -f "$data/ud-ru-gsd-dev.conllu" ] || [ ! -d "$sets" ]; then
    echo "skip: no $data/ud-*.conllu or $sets" >&2
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=()
for ud in "$data/ud-ky-ktmu-train.conllu" "$data/ud-ru-gsd-dev.conllu"; do
    out=$tmp/$(basename "$ud" .conllu).txt
    sed -n 's/^# text = //p' "$ud" | awk '{ print } NR % 4 == 0 { print "" }' >"$out"
    files+=("$out")
done
mapfile -t articles < <(find "$sets" -name '*.txt' | sort)
exec "$IZDE_TOOL_DIR/test_sieve" "${files[@]}" "${articles[@]}"
