# options.sh - options as people type them (--opt=value, -j2, --), --version, GNU-style messages,
# the default index (IZDE_DB, XDG_DATA_HOME) and colour only when wanted.
. "$(dirname "$0")/lib.sh"
docs=$SRC/corpus-samples

# --opt=value and -j2 are the same as --opt value and -j 2.
expect_exit 0 "--db=DIR -j2" "$BIN/izde-index" -q --db="$TMP/a.db" -j2 --max-memory=64 "$docs"
expect_exit 0 "--db=DIR --limit=3" "$BIN/izde-search" --db="$TMP/a.db" --limit=3 --json мугалим
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if len(d["results"]) == 3 else 1)' "$TMP/out" \
    && pass || fail "--limit=3 gave another number of results"
# "--" ends the options: a word that looks like one is searched.
expect_exit 0 "-- ends options" "$BIN/izde-search" --db "$TMP/a.db" --json -- мугалим --all
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["query"] == "мугалим --all" else 1)' "$TMP/out" \
    && pass || fail "'--' did not end the options"
# -word is still a word to exclude.
expect_exit 0 "-word excludes" "$BIN/izde-search" --db "$TMP/a.db" --json мугалим -мектеп
expect_exit 0 "-h" "$BIN/izde-search" -h
expect_grep "^usage: izde-search" "$TMP/out" "-h shows the help"

# GNU-style messages, one line, naming the option and the --help hint.
for p in izde-index izde-search izde-stem izde-meta izde-web; do
    expect_exit 2 "$p unknown option" "$BIN/$p" --frobnicate
    expect_grep "^$p: unknown option '--frobnicate' (see $p --help)$" "$TMP/err" "$p unknown option message"
done
expect_exit 2 "bad number" "$BIN/izde-index" --db "$TMP/a.db" --jobs=many "$docs"
expect_grep "^izde-index: --jobs wants a number from 1 to 256, got 'many' (see izde-index --help)$" "$TMP/err" "bad --jobs message"
expect_exit 2 "missing value" "$BIN/izde-search" --db "$TMP/a.db" мугалим --limit
expect_grep "option '--limit' needs a value" "$TMP/err" "missing value message"

# --version: one version everywhere, with the libraries and the index format.
for p in izde-index izde-search izde-stem izde-meta izde-web; do
    expect_exit 0 "$p --version" "$BIN/$p" --version
    head -1 "$TMP/out" | grep -Eq "^$p [0-9]+\.[0-9]+\.[0-9]+$" && pass || fail "$p --version: $(head -1 "$TMP/out")"
    head -1 "$TMP/out" | awk '{print $2}' >>"$TMP/versions"
done
[ "$(sort -u "$TMP/versions" | wc -l)" -eq 1 ] && pass || fail "programs print different versions"
expect_exit 0 "izde-search -V" "$BIN/izde-search" -V
expect_grep "^Xapian 1\.4\.[0-9]*, ICU [0-9.]*$" "$TMP/out" "--version names Xapian and ICU"
expect_grep "^index format [0-9]" "$TMP/out" "--version names the index format"

# The default index: IZDE_DB, else $XDG_DATA_HOME/izde/default; -v says which.
home=$TMP/home
expect_exit 0 "index into the XDG default" env -u IZDE_DB HOME="$home" XDG_DATA_HOME="$home/data" "$BIN/izde-index" -q "$docs"
[ -d "$home/data/izde/default" ] && pass || fail "no index at \$XDG_DATA_HOME/izde/default"
expect_exit 0 "search the XDG default" env -u IZDE_DB HOME="$home" XDG_DATA_HOME="$home/data" "$BIN/izde-search" -v мугалим
expect_grep "searching '$home/data/izde/default' (from XDG_DATA_HOME)" "$TMP/err" "-v names the default index"
expect_exit 0 "search IZDE_DB" env IZDE_DB="$TMP/a.db" HOME="$home" "$BIN/izde-search" -v мугалим
expect_grep "searching '$TMP/a.db' (from IZDE_DB)" "$TMP/err" "-v names IZDE_DB"
expect_exit 3 "no default index yet" env -u IZDE_DB HOME="$TMP/nohome" XDG_DATA_HOME= "$BIN/izde-search" мугалим
expect_grep "no index at '$TMP/nohome/.local/share/izde/default'" "$TMP/err" "a missing default index is named"

# Colour: --color=always bolds even into a pipe; never and NO_COLOR do not.
esc=$(printf '\033')
expect_exit 0 "--color=always" "$BIN/izde-search" --db "$TMP/a.db" --color=always мугалим
grep -q "$esc\[1m" "$TMP/out" && pass || fail "--color=always printed no bold"
expect_exit 0 "--color=never" "$BIN/izde-search" --db "$TMP/a.db" --color=never мугалим
grep -q "$esc" "$TMP/out" && fail "--color=never printed an escape" || pass
if command -v script >/dev/null; then
    # On a terminal: bold by default, none with NO_COLOR.
    script -qec "'$BIN/izde-search' --db '$TMP/a.db' мугалим" /dev/null >"$TMP/tty" 2>&1
    grep -q "$esc\[1m" "$TMP/tty" && pass || fail "no bold on a terminal"
    NO_COLOR=1 script -qec "'$BIN/izde-search' --db '$TMP/a.db' мугалим" /dev/null >"$TMP/tty" 2>&1
    grep -q "$esc\[1m" "$TMP/tty" && fail "NO_COLOR ignored on a terminal" || pass
fi
finish
