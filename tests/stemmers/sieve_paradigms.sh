#!/bin/bash
# sieve_paradigms.sh - the snippet sieve (analysis/sieve.h) on every form of
# our Kyrgyz paradigm files, one sentence each: a form's terms must all pass
# it, whatever its suffixes did to the stem's last letter (аймагы ->
# аймак, коюу -> кой, экөө -> эке).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$IZDE_SOURCE_DIR"/tests/stemmers/ky-paradigms*/*-gold.txt |
    sed -n 's/^\^\([^/]*\)\/.*/\1./p' | awk '{ print } NR % 8 == 0 { print "" }' >"$tmp/forms.txt"
[ -s "$tmp/forms.txt" ] || { echo "no paradigm forms under tests/stemmers" >&2; exit 1; }
exec "$IZDE_TOOL_DIR/test_sieve" "$tmp/forms.txt"
