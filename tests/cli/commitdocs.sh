# commitdocs.sh - --commit-docs N: no commit before N documents, a first run and an --update commit their roots and their end, and --help says that commits are also limited to four a second.
. "$(dirname "$0")/lib.sh"

db=$TMP/db
revision() { xapian-delve "$db" | sed -n 's/^revision = //p'; }

# The help says what the option does: N documents, but no more than four
# commits a second (a fast run commits less than every N documents).
expect_exit 0 "help" "$BIN/izde-index" --help
expect_grep "commit after N documents" "$TMP/out" "help names --commit-docs"
expect_grep "four times a second" "$TMP/out" "help says four a second"

mkdir -p "$TMP/docs"
# Each round's word has another length: a changed file is told by its
# size even within the second of the last run.
write_docs() {
    for i in $(seq 1 200); do
        printf 'Документ %d %s\n\nмектеп окуучу мугалим билим сөз%d\n' "$i" "$1" "$i" > "$TMP/docs/d$i.txt"
    done
}
write_docs биринчи
expect_exit 0 "first run" "$BIN/izde-index" -q -j 2 --commit-docs 5 --db "$db" "$TMP/docs"
r0=$(revision)
# The roots are committed before the files, the rest at the end; between
# them, at most one commit per 5 documents, however fast the run.
[ "$r0" -ge 2 ] && [ "$r0" -le $((200 / 5 + 2)) ] && pass || fail "first run: $r0 commits for 200 documents with --commit-docs 5"

# Every file changed: with N above the count only the roots and the end
# are committed.
write_docs экинчи
expect_exit 0 "update, N above the count" "$BIN/izde-index" -q -j 2 --commit-docs 2000 --update --db "$db"
r1=$(revision)
[ $((r1 - r0)) -eq 2 ] && pass || fail "--commit-docs 2000: $((r1 - r0)) commits for 200 documents, want 2"

write_docs "үчүнчү жолу"
expect_exit 0 "update, N = 5" "$BIN/izde-index" -q -j 2 --commit-docs 5 --update --db "$db"
r2=$(revision)
[ $((r2 - r1)) -ge 2 ] && [ $((r2 - r1)) -le $((200 / 5 + 2)) ] && pass || fail "--commit-docs 5: $((r2 - r1)) commits for 200 documents"
expect_exit 0 "search after updates" "$BIN/izde-search" --db "$db" --json --limit 1 жолу
expect_grep '"total":200[,}]' "$TMP/out" "every document replaced"

finish
