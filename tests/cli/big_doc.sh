# big_doc.sh - a snippet of a large document reads a bounded part of it; over-long queries are refused with exit 2.
. "$(dirname "$0")/lib.sh"
mb=${IZDE_BIG_DOC_MB:-24}
mkdir -p "$TMP/lib"
# One document of about mb MB: алмурут near the start, анар at 300 KB
# (past the first chunk a snippet reads), жүзүм only at the very end.
LC_ALL=C awk -v mb="$mb" 'BEGIN {
    printf "Чоң китеп\n\nбашы алмурут\n"
    line = "билим берүү тарых китепкана сабак мектеп окуучу мугалим\n"
    n = int(mb * 1024 * 1024 / length(line))
    for (i = 0; i < n; i++) {
        printf "%s", line
        if (i == 3000) printf "ортосу анар\n\n"
    }
    printf "аягы жүзүм\n"
}' > "$TMP/lib/big.txt"
printf 'Кичи\n\nалмурут анар жүзүм\n' > "$TMP/lib/small.txt"
size=$(wc -c < "$TMP/lib/big.txt")
[ "$size" -gt $((mb * 1024 * 1024 * 9 / 10)) ] && pass || fail "generated only $size bytes"
expect_exit 0 "index" "$BIN/izde-index" -q --max-memory 2048 --db "$TMP/db" "$TMP/lib"

# snippet_of WORD: the big document's snippet for WORD.
snippet_of() {
    "$BIN/izde-search" --db "$TMP/db" --json "$1" > "$TMP/s.json" || echo "exit $?"
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1]));
print([r["snippet"] for r in d["results"] if r["path"].endswith("big.txt")][0])' "$TMP/s.json"
}
# A word near the start, and one in the second chunk: shown as before.
s=$(snippet_of алмурут)
case $s in *"алмурут"*) pass ;; *) fail "алмурут: snippet '$s'" ;; esac
s=$(snippet_of анар)
case $s in *"ортосу анар"*) pass ;; *) fail "анар: snippet '$s'" ;; esac
# A word only at the end of 24 MB: the document matches, but its snippet
# does not read that far and shows the lead of the document.
expect_exit 0 "word at the end" "$BIN/izde-search" --db "$TMP/db" --json жүзүм
expect_grep "big.txt" "$TMP/out" "end word matches the big document"
s=$(snippet_of жүзүм)
case $s in "Чоң китеп башы алмурут"*…) pass ;; *) fail "жүзүм: snippet '$s'" ;; esac
[ "${#s}" -le 400 ] && pass || fail "snippet of ${#s} characters"

# Over-long queries: refused with a message and exit 2.
words=$(awk 'BEGIN { for (i = 0; i < 1001; i++) printf "с%d ", i }')
expect_exit 2 "1001 words" "$BIN/izde-search" --db "$TMP/db" $words
expect_grep "query too long (1001 words" "$TMP/err" "1001 words"
long=$(awk 'BEGIN { for (i = 0; i < 1700; i++) printf "алмурут" }')
expect_exit 2 "a 20 KB word" "$BIN/izde-search" --db "$TMP/db" "$long"
expect_grep "query too long (1 words, 23800 bytes)" "$TMP/err" "20 KB"
# 1000 words are fine; in --batch an over-long line is skipped, the rest run.
words=$(awk 'BEGIN { for (i = 0; i < 999; i++) printf "с%d ", i; printf "алмурут" }')
expect_exit 0 "1000 words" "$BIN/izde-search" --db "$TMP/db" $words
expect_grep "small.txt" "$TMP/out" "1000 words search"
printf 'q1\t%s\nq2\tалмурут\n' "$long" > "$TMP/q.tsv"
expect_exit 0 "batch" "$BIN/izde-search" --db "$TMP/db" --batch "$TMP/q.tsv"
expect_grep "q1' skipped: query too long" "$TMP/err" "batch message"
expect_grep "^q2 Q0 " "$TMP/out" "batch goes on"
finish
