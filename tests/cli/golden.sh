# golden.sh - izde-search's text, JSON and TREC output on corpus-samples/, byte for byte.
# Runs every case of tests/golden/search/cases.txt and diffs stdout, stderr
# and the exit status with NAME.out. With --regen it writes NAME.out instead
# (only deliberately, from a build whose output is known good; review the
# diff in the commit). Paths are made relative: the corpus is copied to
# $TMP/corpus-samples and searched from $TMP, and "$TMP/" is cut out of
# every output. Scores are kept: one index built by one thread ranks the
# same on every run.
. "$(dirname "$0")/lib.sh"
GOLD=$SRC/tests/golden/search
regen=0
[ "${1:-}" = --regen ] && regen=1

cp -r "$SRC/corpus-samples" "$TMP/corpus-samples"
cp "$GOLD/queries.tsv" "$TMP/queries.tsv"
cd "$TMP" || exit 1
expect_exit 0 "index corpus-samples" "$BIN/izde-index" --db db -j 1 corpus-samples

while IFS=$'\t' read -r name args; do
    case $name in '#'* | '') continue ;; esac
    eval "set -- $args"
    NO_COLOR= "$BIN/izde-search" --db db "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
    st=$?
    {
        cat "$TMP/out"
        echo "--- stderr"
        cat "$TMP/err"
        echo "--- exit $st"
    } | sed "s|$TMP/||g" >"$TMP/$name.out"
    if [ $regen = 1 ]; then
        cp "$TMP/$name.out" "$GOLD/$name.out"
    elif diff -u "$GOLD/$name.out" "$TMP/$name.out" >"$TMP/diff"; then
        pass
    else
        fail "$name differs from tests/golden/search/$name.out"
        head -40 "$TMP/diff" >&2
    fi
done <"$GOLD/cases.txt"
finish
