# errors.sh - bad input and failure paths: messages that name the file, exit codes, nothing lost.
. "$(dirname "$0")/lib.sh"
db=$TMP/db

# Usage errors exit 2.
expect_exit 2 "index without args" "$BIN/izde-index"
expect_grep "^izde-index: no PATH to index (see izde-index --help)$" "$TMP/err" "usage hint"
expect_exit 2 "index bad option" "$BIN/izde-index" --db "$db" --frobnicate x
expect_exit 2 "index too little memory" "$BIN/izde-index" --db "$db" --max-memory 10 "$SRC/corpus-samples"
expect_grep "at least 64" "$TMP/err" "--max-memory names its minimum"
# Reading threads that do not fit --max-memory are fewer, with a warning.
expect_exit 0 "index with more threads than fit" "$BIN/izde-index" --db "$TMP/jobs.db" \
    --max-memory 64 --jobs 8 "$SRC/corpus-samples"
expect_grep "max-memory 64 leaves room for 3 reading threads, not 8" "$TMP/err" \
    "--jobs lowered to fit --max-memory"
expect_exit 0 "index help" "$BIN/izde-index" --help
expect_grep "75 " "$TMP/out" "help lists exit codes"
expect_exit 2 "search without query" "$BIN/izde-search" --db "$db"
expect_exit 2 "search bad limit" "$BIN/izde-search" --db "$db" --limit x мектеп

# A missing database is reported by name.
expect_exit 3 "missing database" "$BIN/izde-search" --db "$TMP/nope" мектеп
expect_grep "no index at '$TMP/nope' yet" "$TMP/err" "missing database named"

# Bad files: invalid UTF-8 repaired, empty skipped, binary failed, broken
# link failed; the good file is indexed all the same.
mkdir -p "$TMP/in"
printf 'Жакшы документ\n\nМугалим жана окуучу.\n' > "$TMP/in/good.txt"
printf 'Бузук \xff\xfe текст\n\nкитепкана окуу\n' > "$TMP/in/bad-utf8.txt"
: > "$TMP/in/empty.txt"
printf 'abc\0\0\0def' > "$TMP/in/binary.txt"
ln -s "$TMP/in/missing.txt" "$TMP/in/dangling.txt"
head -c 3000 /dev/urandom > "$TMP/in/noise.bin"
expect_exit 1 "index bad files" "$BIN/izde-index" --db "$db" "$TMP/in"
expect_grep "warning: '$TMP/in/bad-utf8.txt': invalid UTF-8 at byte 11, 2 sequences replaced" "$TMP/err" "invalid UTF-8 named"
expect_grep "skipping '$TMP/in/empty.txt': empty file" "$TMP/err" "empty named"
expect_grep "cannot index '$TMP/in/binary.txt': binary content" "$TMP/err" "binary named"
expect_grep "cannot index '$TMP/in/dangling.txt': broken symbolic link" "$TMP/err" "dangling link named"
expect_grep "unsupported file type '.bin'" "$TMP/err" "unsupported type named"
expect_grep "2 indexed, 2 skipped, 2 failed" "$TMP/err" "summary counts"
expect_exit 0 "repaired file searchable" "$BIN/izde-search" --db "$db" --json китепкана
expect_grep "bad-utf8.txt" "$TMP/out" "repaired file found"
expect_exit 0 "good file searchable" "$BIN/izde-search" --db "$db" --json окуучу
expect_grep "good.txt" "$TMP/out" "good file found"

# Another writer holds the lock: a distinct exit status, nothing damaged.
coproc HOLD { "$TOOLS/dbtool" hold "$db"; }
read -r line <&"${HOLD[0]}"
expect_exit 75 "locked database" "$BIN/izde-index" --db "$db" "$TMP/in/good.txt"
expect_grep "cannot open database '$db'" "$TMP/err" "locked database named"
expect_grep "lock" "$TMP/err" "lock reason given"
eval "exec ${HOLD[1]}>&-"
# The holder may be gone already, and bash then unsets HOLD_PID.
[ -n "${HOLD_PID-}" ] && wait "$HOLD_PID" 2>/dev/null
expect_exit 0 "search after lock" "$BIN/izde-search" --db "$db" --json окуучу
expect_grep "good.txt" "$TMP/out" "index intact after lock"

# An index from an incompatible analysis is refused with a reindex hint.
cp -r "$db" "$TMP/old"
"$TOOLS/dbtool" set-meta "$TMP/old" izde.analysis "analysis=0 ky=0 ru=0"
expect_exit 3 "old index search" "$BIN/izde-search" --db "$TMP/old" мектеп
expect_grep "izde-index --full" "$TMP/err" "reindex hint"
expect_exit 3 "old index write" "$BIN/izde-index" --db "$TMP/old" "$TMP/in/good.txt"

# A path that is not a database.
echo "not a database" > "$TMP/file"
expect_exit 3 "not a database" "$BIN/izde-search" --db "$TMP/file" мектеп

# Disk full (a file-size limit): the run stops with an error, and what was
# committed before stays searchable.
mkdir -p "$TMP/big"
for i in $(seq 1 300); do
    printf 'Документ %d\n\n' "$i" > "$TMP/big/d$i.txt"
    for j in $(seq 1 40); do printf 'сөз%d_%d мектеп окуучу мугалим билим\n' "$i" "$j"; done >> "$TMP/big/d$i.txt"
done
"$BIN/izde-index" -q --db "$TMP/full" "$TMP/in/good.txt" 2>/dev/null
(trap '' XFSZ; ulimit -f 300; "$BIN/izde-index" -q --commit-docs 50 --db "$TMP/full" "$TMP/big") >"$TMP/out" 2>"$TMP/err"
st=$?
[ "$st" -ne 0 ] && pass || fail "disk full: exit 0"
expect_grep "error: cannot" "$TMP/err" "disk full reported"
expect_exit 0 "search after disk full" "$BIN/izde-search" --db "$TMP/full" --json жакшы
expect_grep "good.txt" "$TMP/out" "committed data intact after disk full"

finish
