# concurrent.sh - searches for large pages while izde-index commits every 5 documents: no search ever fails, and the searches provably overlapped many commits.
. "$(dirname "$0")/lib.sh"
db=$TMP/db
lib=$TMP/lib
min_seconds=${IZDE_CONCURRENT_SECONDS:-20}

# Three thousand small documents in ten folders; every one holds мугалим,
# so a page of 1000 hits reads 1000 records and makes 1000 snippets.
awk -v lib="$lib" 'BEGIN {
    for (d = 0; d < 10; d++) system("mkdir -p " lib "/d" d)
    for (i = 1; i <= 3000; i++) {
        f = lib "/d" (i % 10) "/f" i ".txt"
        printf "Документ %d\n\nмугалим мектеп окуучу сөз%d\n", i, i > f
        for (j = 1; j <= 8; j++)
            printf "билим берүү тарых китепкана сабак мугалимдер %d %d\n", i, j > f
        close(f)
    }
}'
printf 'q1\tмугалим\nq2\tмектеп окуучу\nq3\tбилим берүү тарых\nq4\tмугалимдер сабак\n' > "$TMP/queries.tsv"

expect_exit 0 "seed run" "$BIN/izde-index" -q --db "$db" "$lib"
revision() { xapian-delve "$db" | sed -n 's/^revision = //p'; }
rev0=$(revision)

# search_loop NAME ARGS...: runs izde-search ARGS until $TMP/stop exists;
# counts the runs, keeps every failure's stderr, and every JSON total.
search_loop() {
    local name=$1 n=0
    shift
    while [ ! -e "$TMP/stop" ]; do
        if "$BIN/izde-search" --db "$db" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err"; then
            grep -o '"total":[0-9]*' "$TMP/$name.out" | head -1 >> "$TMP/totals"
        else
            { echo "$name exit $?:"; cat "$TMP/$name.err"; } >> "$TMP/search.fail"
        fi
        n=$((n + 1))
    done
    echo "$n" > "$TMP/$name.count"
}
search_loop json --json --limit 1000 мугалим &
p1=$!
search_loop text --limit 1000 мектеп окуучу &
p2=$!
search_loop offset --json --limit 1000 --offset 1500 билим сабак &
p3=$!
search_loop batch --limit 1000 --batch "$TMP/queries.tsv" &
p4=$!

# The writer: rounds that edit a third of the files and add 100 new ones,
# each indexed with --update and a commit every 5 documents, until the
# searchers have run for min_seconds (and at least 3 rounds).
start=$(date +%s)
round=0
while :; do
    round=$((round + 1))
    awk -v lib="$lib" -v r="$round" 'BEGIN {
        for (i = r % 3 + 1; i <= 3000; i += 3)
            printf "правка %d мугалим\n", r >> (lib "/d" (i % 10) "/f" i ".txt")
        for (i = 1; i <= 100; i++) {
            k = 3000 + 100 * r + i
            f = lib "/d" (k % 10) "/f" k ".txt"
            printf "Жаңы %d\n\nмугалим мектеп окуучу билим сабак\n", k > f
            close(f)
        }
    }'
    "$BIN/izde-index" -q --commit-docs 5 --db "$db" --update >"$TMP/index.out" 2>"$TMP/index.err"
    st=$?
    [ "$st" -eq 0 ] && pass || { fail "writer round $round: exit $st"; cat "$TMP/index.err" >&2; }
    [ "$round" -ge 3 ] && [ $(($(date +%s) - start)) -ge "$min_seconds" ] && break
done
rev1=$(revision)
touch "$TMP/stop"
wait $p1 $p2 $p3 $p4

# No search failed.
if [ -s "$TMP/search.fail" ]; then
    fail "$(grep -c exit "$TMP/search.fail") searches failed while the index was written"
    head -6 "$TMP/search.fail" >&2
else
    pass
fi
# The searches overlapped commits: each loop ran many times, the writer
# committed many times meanwhile, and the searches saw several states of the
# index (totals that differ).
count=0
for name in json text offset batch; do
    c=$(cat "$TMP/$name.count")
    count=$((count + c))
    [ "$c" -ge 3 ] && pass || fail "$name searcher ran only $c times"
done
commits=$((rev1 - rev0))
[ "$commits" -ge 20 ] && pass || fail "only $commits commits during the searches"
distinct=$(sort -u "$TMP/totals" | wc -l)
[ "$distinct" -ge 3 ] && pass || fail "searches saw only $distinct index states"
echo "concurrent: $round writer rounds, $commits commits, $count searches, $distinct distinct totals"

# The final index answers with every document.
nfiles=$(find "$lib" -name '*.txt' | wc -l)
expect_exit 0 "final search" "$BIN/izde-search" --db "$db" --json --limit 1 мугалим
expect_grep "\"total\":$nfiles[,}]" "$TMP/out" "every file found"

finish
