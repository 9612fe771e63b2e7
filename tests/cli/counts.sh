# counts.sh - hit counts: complete and partial apart, exact or estimated, the same for every page, never more than the documents.
. "$(dirname "$0")/lib.sh"
db=$TMP/db
lib=$TMP/lib
mkdir -p "$lib/small" "$lib/big"

# Small: three documents with both words, two with only one of them.
for i in 1 2 3; do printf 'Китеп %d\n\nалма жана өрүк бар\n' "$i" > "$lib/small/both$i.txt"; done
printf 'Китеп 4\n\nалма гана\n' > "$lib/small/one4.txt"
printf 'Китеп 5\n\nөрүк гана\n' > "$lib/small/one5.txt"
# Big: 1500 documents with тоо, 1200 of them also with суу: more than
# the counts are exact for.
awk -v lib="$lib/big" 'BEGIN { for (i = 1; i <= 1500; i++) {
    f = lib "/f" i ".txt"; printf "Бет %d\n\nтоо %s бийик\n", i, (i <= 1200 ? "суу" : "жер") > f; close(f) } }'
expect_exit 0 "index" "$BIN/izde-index" -q --db "$db" "$lib"
ndocs=1505

# counts ARGS...: "total complete partial total_exact complete_exact partial_exact" of a --json search.
counts() {
    "$BIN/izde-search" --db "$db" --json "$@" > "$TMP/c.json" || echo "exit $?"
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1]));
print(d["total"], d["complete"], d["partial"], d["total_exact"], d["complete_exact"], d["partial_exact"], len(d["results"]))' "$TMP/c.json" 2>&1
}

# The small set is exact and the same whatever the page.
want="5 3 2 True True True"
for page in "" "--limit 1" "--limit 2 --offset 3" "--offset 4" "--limit 1000"; do
    got=$(counts $page алма өрүк)
    [ "${got% *}" = "$want" ] && pass || fail "алма өрүк $page: counts '$got', want '$want'"
done
[ "$(counts --all алма өрүк)" = "3 3 0 True True True 3" ] && pass || fail "--all: $(counts --all алма өрүк)"
expect_exit 0 "text counts" "$BIN/izde-search" --db "$db" алма өрүк
expect_grep "^5 results (3 complete, 2 partial)$" "$TMP/out" "text counts"
expect_exit 0 "text counts, one result" "$BIN/izde-search" --db "$db" --limit 1 гана алма
expect_grep "^5 results (1 complete, 4 partial)$" "$TMP/out" "text counts with --limit 1"

# The big set: never more than the documents, and the same for every page.
first=
for page in "" "--limit 1" "--limit 1000" "--offset 900 --limit 200" "--offset 1300"; do
    got=$(counts $page тоо суу)
    set -- $got
    [ "$#" -eq 7 ] && [ "$1" -le "$ndocs" ] && [ "$1" -eq $(($2 + $3)) ] && pass ||
        fail "тоо суу $page: counts '$got' (at most $ndocs, total = complete + partial)"
    [ -z "$first" ] && first=${got% *}
    [ "${got% *}" = "$first" ] && pass || fail "тоо суу $page: counts '$got' differ from '$first'"
done
# 1500 documents with тоо, exactly as many as the bound: still within it.
set -- $(counts тоо)
[ "$1" -le "$ndocs" ] && [ "$1" -ge 1000 ] && pass || fail "тоо: total $1 of $ndocs documents"
finish
