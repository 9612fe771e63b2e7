# incremental.sh - izde-index runs again: only what changed is done (per --log), --update, --full, --compact, the lock.
. "$(dirname "$0")/lib.sh"
db=$TMP/db
lib=$TMP/lib
mkdir -p "$lib/articles" "$lib/theses"

doc() { # doc FILE TITLE WORDS...: writes a small document
    local f=$1 t=$2
    shift 2
    printf '%s\n\n%s\n' "$t" "$*" > "$f"
}
doc "$lib/articles/a.txt" "Мектеп китепканасы" "мектеп окуучу китепкана тарых"
doc "$lib/articles/b.txt" "Мугалим" "мектеп мугалим сабак"
doc "$lib/articles/c.txt" "Билим берүү" "мектеп билим реформа"
doc "$lib/theses/d.md" "Диссертация" "мектеп педагогика изилдөө"

# actions LOG: "action basename" lines of a --log file, sorted.
actions() {
    python3 -c '
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    assert set(d) == {"path", "action", "reason", "ms"}, d
    print(d["action"], d["path"].rsplit("/", 1)[-1])' "$1" | sort
}
# total WORD: the number of documents izde-search finds for WORD.
total() {
    "$BIN/izde-search" --db "$db" --json --all "$1" >"$TMP/sout" 2>"$TMP/serr" || { echo "search failed"; cat "$TMP/serr" >&2; return; }
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$TMP/sout"
}

# First run: everything is added; the summary counts it.
expect_exit 0 "first run" "$BIN/izde-index" --db "$db" --log "$TMP/log1" "$lib"
printf '%s\n' "added a.txt" "added b.txt" "added c.txt" "added d.md" > "$TMP/want"
actions "$TMP/log1" > "$TMP/got"
diff -u "$TMP/want" "$TMP/got" && pass || fail "first run actions"
expect_grep "4 indexed, 0 skipped, 0 failed (4 added, 0 replaced, 0 unchanged, 0 removed)" "$TMP/err" "first summary"
[ "$(total мектеп)" = 4 ] && pass || fail "4 documents after first run"

# A second run with nothing changed reads nothing.
expect_exit 0 "no-op run" "$BIN/izde-index" --db "$db" --log "$TMP/log2" "$lib"
printf '%s\n' "unchanged a.txt" "unchanged b.txt" "unchanged c.txt" "unchanged d.md" > "$TMP/want"
actions "$TMP/log2" > "$TMP/got"
diff -u "$TMP/want" "$TMP/got" && pass || fail "no-op run actions"

# Change one, add one, delete one, touch one (same bytes, new time); then
# --update without PATH rescans the remembered root.
doc "$lib/articles/a.txt" "Мектеп китепканасы" "мектеп окуучу китепкана тарых жаңыланган"
doc "$lib/theses/e.txt" "Жаңы макала" "мектеп жаңы макала"
rm "$lib/articles/b.txt"
touch -d '2001-01-01' "$lib/articles/c.txt"
expect_exit 0 "update run" "$BIN/izde-index" --db "$db" --update --log "$TMP/log3"
printf '%s\n' "added e.txt" "removed b.txt" "replaced a.txt" "unchanged c.txt" "unchanged d.md" > "$TMP/want"
actions "$TMP/log3" > "$TMP/got"
diff -u "$TMP/want" "$TMP/got" && pass || fail "update actions"
expect_grep "2 indexed, 0 skipped, 0 failed (1 added, 1 replaced, 2 unchanged, 1 removed)" "$TMP/err" "update summary"
expect_grep '"action":"unchanged","reason":"same content, new time"' "$TMP/log3" "touched file not re-indexed"
[ "$(total мектеп)" = 4 ] && pass || fail "4 documents after update"
[ "$(total жаңыланган)" = 1 ] && pass || fail "changed text searchable"
[ "$(total мугалим)" = 0 ] && pass || fail "deleted file gone from results"
[ "$(total макала)" = 1 ] && pass || fail "new file searchable"

# A file that failed keeps nothing stale and the run says so (exit 1).
printf 'abc\0\0\0def' > "$lib/articles/bin.txt"
expect_exit 1 "update with a failing file" "$BIN/izde-index" --db "$db" --update --log "$TMP/log4"
expect_grep '"path":"[^"]*/bin.txt","action":"failed","reason":"binary content, not text"' "$TMP/log4" "failure logged"
rm "$lib/articles/bin.txt"

# A path too long for a term gets a hashed id term, and is replaced in place.
long=$lib/theses/$(printf 'x%.0s' $(seq 1 120))/$(printf 'y%.0s' $(seq 1 120))
mkdir -p "$long"
doc "$long/long.txt" "Узун жол" "мектеп узунжол"
expect_exit 0 "long path indexed" "$BIN/izde-index" --db "$db" --update
[ "$(total узунжол)" = 1 ] && pass || fail "long path searchable"
doc "$long/long.txt" "Узун жол" "мектеп узунжол экинчи"
expect_exit 0 "long path replaced" "$BIN/izde-index" --db "$db" --update --log "$TMP/log5"
expect_grep '"action":"replaced"' "$TMP/log5" "long path replaced, not added"
[ "$(total узунжол)" = 1 ] && pass || fail "long path: one document"
rm -r "$lib/theses/xxxxxxxx"*
expect_exit 0 "long path removed" "$BIN/izde-index" --db "$db" --update --log "$TMP/log6"
expect_grep '"action":"removed"' "$TMP/log6" "long path removed"
[ "$(total мектеп)" = 4 ] && pass || fail "4 documents after long path removed"

# --full rebuilds into a new directory and swaps it in; --jobs 1 gives the
# same index as the default.
expect_exit 0 "full rebuild" "$BIN/izde-index" --db "$db" --full --jobs 1 --log "$TMP/log7"
printf '%s\n' "added a.txt" "added c.txt" "added d.md" "added e.txt" > "$TMP/want"
actions "$TMP/log7" > "$TMP/got"
diff -u "$TMP/want" "$TMP/got" && pass || fail "full rebuild actions"
[ -f "$db/XAPIANDB" ] && pass || fail "full: stub layout"
xapian-check "$db/XAPIANDB" >/dev/null 2>&1 && pass || fail "full: xapian-check"
[ "$(total мектеп)" = 4 ] && pass || fail "4 documents after --full"
# ... and remembered the roots it rebuilt.
expect_exit 0 "update after full" "$BIN/izde-index" --db "$db" --update --log "$TMP/log8"
expect_no_grep '"action":"added"' "$TMP/log8" "nothing re-added after --full"

# --full works on an index of an incompatible version, which plain runs refuse.
"$TOOLS/dbtool" set-meta "$db" izde.analysis "analysis=0 ky=0 ru=0"
expect_exit 3 "old version refused" "$BIN/izde-index" --db "$db" --update
expect_grep "izde-index --full" "$TMP/err" "rebuild hint"
expect_exit 0 "full on old version" "$BIN/izde-index" --db "$db" --full "$lib"
[ "$(total мектеп)" = 4 ] && pass || fail "4 documents after --full of an old index"

# --compact rewrites the index and swaps it in; searches still answer.
expect_exit 0 "compact" "$BIN/izde-index" --db "$db" --update --compact
xapian-check "$db/XAPIANDB" >"$TMP/check" 2>&1 && pass || fail "compact: xapian-check"
# Compacted tables are written in 32 KB blocks (fewer B-tree levels, so
# Xapian's readahead reaches the leaves a cold query needs).
if grep -q "blocksize=" "$TMP/check" && ! grep "blocksize=" "$TMP/check" | grep -qv "blocksize=32K"; then
    pass
else
    fail "compact: every table in 32 KB blocks"
    grep "blocksize=" "$TMP/check" | sed 's/^/  /' >&2
fi
[ "$(total мектеп)" = 4 ] && pass || fail "4 documents after --compact"
[ "$(total жаңыланган)" = 1 ] && pass || fail "search after --compact"
[ "$(ls -d "$db"/gen-* | wc -l)" = 1 ] && pass || fail "one generation left"
# A plain glass index converts to the stub layout on --compact as well.
expect_exit 0 "plain index" "$BIN/izde-index" --db "$TMP/db2" "$lib/articles"
expect_exit 0 "compact plain index" "$BIN/izde-index" --db "$TMP/db2" --update --compact
[ ! -e "$TMP/db2/iamglass" ] && [ -f "$TMP/db2/XAPIANDB" ] && pass || fail "plain index converted"
expect_exit 0 "search compacted plain index" "$BIN/izde-search" --db "$TMP/db2" --json мектеп
expect_grep "a.txt" "$TMP/out" "compacted plain index answers"

# A second indexer fails at once, exit 75, naming the holder's pid.
if command -v flock >/dev/null; then
    echo 4242 > "$db/izde-index.pid"
    flock "$db/izde-index.pid" sleep 5 &
    holder=$!
    sleep 0.3
    expect_exit 75 "second indexer" timeout 4 "$BIN/izde-index" --db "$db" --update
    expect_grep "locked by izde-index process 4242" "$TMP/err" "lock holder named"
    kill "$holder" 2>/dev/null
    wait "$holder" 2>/dev/null
fi

# --update with nothing remembered is a usage error; the help lists it all.
expect_exit 2 "update of nothing" "$BIN/izde-index" --db "$TMP/empty" --update
expect_exit 0 "help" "$BIN/izde-index" --help
for opt in --update --full --compact --jobs --log --quiet "75 "; do
    expect_grep "$opt" "$TMP/out" "help mentions $opt"
done

finish
