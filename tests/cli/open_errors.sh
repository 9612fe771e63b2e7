# open_errors.sh - izde-search says in plain words why an index cannot be opened and what to do, never a raw Xapian message.
. "$(dirname "$0")/lib.sh"
mkdir -p "$TMP/lib"
printf 'Китеп\n\nалма жана өрүк\n' > "$TMP/lib/a.txt"

# no_raw: stderr carries no Xapian exception name.
no_raw() { expect_no_grep 'Error:\|Couldn.t\|Bad line' "$TMP/err" "$1: raw engine message"; }

expect_exit 3 "missing" "$BIN/izde-search" --db "$TMP/nonexistent" алма
expect_grep "no index at '$TMP/nonexistent' yet: run izde-index --db $TMP/nonexistent FOLDER" "$TMP/err" "missing"
no_raw missing

printf 'just some notes\n' > "$TMP/file.txt"
expect_exit 3 "a file" "$BIN/izde-search" --db "$TMP/file.txt" алма
expect_grep "'$TMP/file.txt' is not an Izde index (it is a file)" "$TMP/err" "a file"
no_raw "a file"

mkdir "$TMP/empty"
expect_exit 3 "an empty folder" "$BIN/izde-search" --db "$TMP/empty" алма
expect_grep "no index in '$TMP/empty' yet: run izde-index --db $TMP/empty FOLDER" "$TMP/err" "empty folder"
no_raw "empty folder"

mkdir "$TMP/other"
printf 'x\n' > "$TMP/other/notes.txt"
expect_exit 3 "a folder of other files" "$BIN/izde-search" --db "$TMP/other" алма
expect_grep "'$TMP/other' is not an Izde index (a folder of other files)" "$TMP/err" "other folder"
no_raw "other folder"

# A first --full stopped before its swap: DIR holds the lock file and the
# scratch build, but no database yet.
"$BIN/izde-index" -q --db "$TMP/built" "$TMP/lib" 2>/dev/null
mkdir "$TMP/building"
: > "$TMP/building/izde-index.pid"
mv "$TMP/built" "$TMP/building/build"
rm -f "$TMP/building/build/izde-index.pid"
expect_exit 3 "an index being built" "$BIN/izde-search" --db "$TMP/building" алма
expect_grep "'$TMP/building' holds an index that is still being built" "$TMP/err" "being built"
no_raw "being built"

# A second --db that is missing is named, not the first one.
"$BIN/izde-index" -q --db "$TMP/good" "$TMP/lib" 2>/dev/null
expect_exit 3 "second db missing" "$BIN/izde-search" --db "$TMP/good" --db "$TMP/gone" алма
expect_grep "no index at '$TMP/gone' yet" "$TMP/err" "second db missing"

# Control characters in the path are escaped in the message.
expect_exit 3 "escaped path" "$BIN/izde-search" --db "$TMP/x$(printf '\033')[31my" алма
expect_grep "x\\\\x1b\[31my" "$TMP/err" "escaped path"

# The good index still opens.
expect_exit 0 "good index" "$BIN/izde-search" --db "$TMP/good" алма
finish
