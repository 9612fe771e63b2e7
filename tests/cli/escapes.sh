# escapes.sh - titles, paths and text from files cannot drive the terminal or break lines; --json keeps every path recoverable.
. "$(dirname "$0")/lib.sh"
lib=$TMP/lib
mkdir -p "$lib"
printf '\033[31mRED TITLE\033[0m\n\nалма \033]0;pwned\007 текст \302\233 c1\n' > "$lib/esc.txt"
printf 'Жөн\n\nалма жаңы\n' > "$lib/new
line.txt"
printf 'Жөн\n\nалма эски\n' > "$lib/bad$(printf '\377')name.txt"
printf 'Жөн\n\nалма бош\n' > "$lib/with space.txt"
printf 'Жөн\n\nалма тескери\n' > "$lib/back\\slash.txt"
expect_exit 0 "index" "$BIN/izde-index" -q --db "$TMP/db" "$lib"

# Text: no control byte at all but the newlines, escapes shown instead.
expect_exit 0 "text search" "$BIN/izde-search" --db "$TMP/db" --limit 100 алма
if LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$TMP/out"; then
    fail "text output holds control characters"; cat -A "$TMP/out" | head >&2
else pass; fi
LC_ALL=C grep -q "$(printf '\302\233')" "$TMP/out" && fail "text output holds a C1 control" || pass
expect_grep '^4\?[0-9]*\. \\x1b\[31mRED TITLE\\x1b\[0m' "$TMP/out" "escaped title"
expect_grep 'new\\x0aline.txt  score' "$TMP/out" "path with a newline on one line"
expect_grep 'bad\\xffname.txt  score' "$TMP/out" "invalid UTF-8 path escaped"
expect_grep 'back\\\\slash.txt  score' "$TMP/out" "backslash doubled"
expect_grep '\\xc2\\x9b c1' "$TMP/out" "C1 control in the snippet escaped"

# TREC: six fields on every line, whatever the path.
printf 'q1\tалма\n' > "$TMP/q.tsv"
expect_exit 0 "batch" "$BIN/izde-search" --db "$TMP/db" --batch "$TMP/q.tsv" --limit 100
[ "$(wc -l < "$TMP/out")" -eq 5 ] && pass || fail "batch: $(wc -l < "$TMP/out") lines for 5 hits"
awk 'NF != 6 { bad++ } END { exit bad > 0 }' "$TMP/out" && pass || fail "batch: a line without 6 fields"
expect_grep 'with\\x20space.txt 1\? \?[0-9]' "$TMP/out" "space in a TREC path"

# JSON: valid, and every path leads back to its file: bytes that are not
# UTF-8 are \udcXX escapes, which Python reverses with surrogateescape.
expect_exit 0 "json" "$BIN/izde-search" --db "$TMP/db" --json --limit 100 алма
python3 - "$TMP/out" <<'PY' && pass || fail "json paths do not name the files"
import json, os, re, sys
d = json.load(open(sys.argv[1]))
ok = len(d["results"]) == 5
for r in d["results"]:
    p = r["path"].encode("utf-8", "surrogateescape")
    ok = ok and os.path.exists(p)
sys.exit(0 if ok else 1)
PY
finish
