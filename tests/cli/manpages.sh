# manpages.sh - every option in a program's --help is in its man page, and every option in the man page is in --help.
. "$(dirname "$0")/lib.sh"
options() { grep -o -- '--[a-z][a-z-]*' | sort -u; }
for p in izde-index izde-search izde-stem izde-meta izde-web; do
    page=$SRC/docs/man/$p.1.scd
    [ -f "$page" ] || { fail "no man page source for $p"; continue; }
    "$BIN/$p" --help | options >"$TMP/help"
    # Options named in the OPTIONS section (scdoc writes them as *--name*).
    sed -n '/^# OPTIONS/,/^# [A-Z]/p' "$page" | grep -o -- '\*--[a-z][a-z-]*' | tr -d '*' | sort -u >"$TMP/man"
    missing=$(comm -23 "$TMP/help" "$TMP/man" | tr '\n' ' ')
    extra=$(comm -13 "$TMP/help" "$TMP/man" | tr '\n' ' ')
    [ -z "$missing" ] && pass || fail "$p: in --help but not in the man page: $missing"
    [ -z "$extra" ] && pass || fail "$p: in the man page but not in --help: $extra"
done
finish
