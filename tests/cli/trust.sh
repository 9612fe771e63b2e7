# trust.sh - izde-index's run control: vanished folders, --forget, interrupts, -q, failed runs leave nothing, --log after commit.
. "$(dirname "$0")/lib.sh"
db=$TMP/db
lib=$TMP/lib

doc() { # doc FILE WORDS...: writes a small document
    local f=$1
    shift
    mkdir -p "$(dirname "$f")"
    printf '%s\n\n%s\n' "$(basename "$f")" "$*" > "$f"
}
# docs DB: the number of documents in the live index of DB.
docs() {
    local c=$1
    [ -f "$1/XAPIANDB" ] && c=$1/XAPIANDB
    xapian-delve "$c" 2>/dev/null | sed -n 's/^number of documents = //p'
}
# found WORD: the number of documents izde-search finds for WORD in $db.
found() {
    "$BIN/izde-search" --db "$db" --json --all "$1" >"$TMP/sout" 2>"$TMP/serr" || { echo "search failed"; return; }
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$TMP/sout"
}
# many DIR N: N documents f1..fN under DIR, each with the word көпсөз.
many() {
    python3 - "$1" "$2" <<'PY'
import os, sys
d, n = sys.argv[1], int(sys.argv[2])
for i in range(1, n + 1):
    sub = os.path.join(d, "p%d" % (i % 8))
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, "f%d.txt" % i), "w") as f:
        f.write("Документ %d\n\nкөпсөз сөз%d мектеп окуучу\n" % (i, i))
        for j in range(30):
            f.write("билим берүү тарых китепкана сабак %d %d\n" % (i, j))
PY
}

## 1. A remembered folder that is gone keeps its documents, is named, and
## the run exits 1; --forget removes it on purpose.
doc "$lib/en/a.txt" англисче english
doc "$lib/en/b.txt" англисче english
doc "$lib/ky/c.txt" кыргызча мектеп
doc "$lib/ky/d.txt" кыргызча окуучу
expect_exit 0 "index two folders" "$BIN/izde-index" -q --db "$db" "$lib/en" "$lib/ky"
rm "$lib/ky/d.txt"
expect_exit 0 "update after a file went" "$BIN/izde-index" -q --db "$db" --update
[ "$(found окуучу)" = 0 ] && pass || fail "a file gone from a present folder leaves the index"
rm -rf "$lib/en"
expect_exit 1 "update with a vanished folder" "$BIN/izde-index" --db "$db" --update
expect_grep "'$lib/en'.*cannot be read.*No such file or directory" "$TMP/err" "vanished folder named"
expect_grep "\-\-forget" "$TMP/err" "vanished folder: says how to forget it"
[ "$(found англисче)" = 2 ] && pass || fail "documents of a vanished folder kept"
[ "$(found кыргызча)" = 1 ] && pass || fail "the other folder still indexed"
expect_exit 1 "--full with a vanished folder" "$BIN/izde-index" --db "$db" --full
expect_grep "'$lib/en'" "$TMP/err" "--full names the vanished folder"
[ "$(found англисче)" = 2 ] && pass || fail "--full kept the vanished folder's documents"
expect_exit 2 "--forget an unknown folder" "$BIN/izde-index" --db "$db" --forget "$lib/nope"
expect_grep "'$lib/nope' is not a folder" "$TMP/err" "unknown --forget named"
expect_exit 0 "--forget" "$BIN/izde-index" --db "$db" --forget "$lib/en"
expect_grep "forgot '$lib/en': 2 documents removed" "$TMP/err" "--forget summary"
[ "$(found англисче)" = 0 ] && pass || fail "--forget removed the documents"
[ "$(found кыргызча)" = 1 ] && pass || fail "--forget kept the other folder"
expect_exit 0 "update after --forget" "$BIN/izde-index" -q --db "$db" --update
[ ! -s "$TMP/err" ] && pass || fail "update after --forget is quiet"

# A remembered folder found empty while the index holds documents from it
# is taken for a disk that is not mounted: kept, named, exit 1.
doc "$lib/mnt/m.txt" орнотулган
expect_exit 0 "index a mount point" "$BIN/izde-index" -q --db "$db" "$lib/mnt"
rm "$lib/mnt/m.txt"
expect_exit 1 "update with an empty folder" "$BIN/izde-index" --db "$db" --update
expect_grep "'$lib/mnt'.*empty" "$TMP/err" "empty folder named"
[ "$(found орнотулган)" = 1 ] && pass || fail "documents of an emptied folder kept"
expect_exit 0 "--forget the empty folder" "$BIN/izde-index" -q --db "$db" --forget "$lib/mnt/"
[ "$(found орнотулган)" = 0 ] && pass || fail "--forget (PATH with a slash) removed the documents"

# A folder whose name holds a newline is one root, rescanned as such.
nl="$lib/new
line"
doc "$nl/e.txt" жаңысаптуу
expect_exit 0 "index a folder with a newline" "$BIN/izde-index" -q --db "$db" "$nl"
doc "$nl/e.txt" жаңысаптуу өзгөргөн
expect_exit 0 "update a folder with a newline" "$BIN/izde-index" --db "$db" --update
expect_no_grep "warning" "$TMP/err" "no warning about a split root"
[ "$(found өзгөргөн)" = 1 ] && pass || fail "file under a newline folder updated"

## 3. -q is quiet unless something failed; no summary after a fatal error.
expect_exit 0 "quiet no-op update" "$BIN/izde-index" -q --db "$db" --update
[ ! -s "$TMP/err" ] && pass || { fail "-q printed on a clean run"; cat "$TMP/err" >&2; }
if command -v flock >/dev/null; then
    expect_exit 75 "locked" flock "$db/izde-index.pid" "$BIN/izde-index" --db "$db" --update
    expect_grep "locked" "$TMP/err" "lock reported"
    expect_no_grep "indexed," "$TMP/err" "no summary after the lock error"
fi
doc "$lib/ky/bad.txt" x
printf 'abc\0\0\0def' > "$lib/ky/bad.txt"
expect_exit 1 "quiet run with a failure" "$BIN/izde-index" -q --db "$db" --update
expect_grep "cannot index '$lib/ky/bad.txt'" "$TMP/err" "-q still prints errors"
expect_grep "1 failed" "$TMP/err" "-q prints the summary after a failure"
rm "$lib/ky/bad.txt"

## 4. Failed arguments create nothing; the pid file goes on exit.
expect_exit 2 "update of a new index" "$BIN/izde-index" --db "$TMP/new1" --update
[ ! -e "$TMP/new1" ] && pass || fail "--update of nothing created '$TMP/new1'"
expect_grep "no index" "$TMP/err" "--update of nothing: says there is no index"
expect_exit 2 "mistyped PATH" "$BIN/izde-index" --db "$TMP/new2" "$lib/kyy"
expect_grep "cannot index '$lib/kyy': No such file or directory" "$TMP/err" "mistyped PATH named"
[ ! -e "$TMP/new2" ] && pass || fail "mistyped PATH created '$TMP/new2'"
expect_exit 2 "mistyped PATH, existing index" "$BIN/izde-index" --db "$db" "$lib/ky" "$lib/kyy"
[ ! -e "$db/izde-index.pid" ] && pass || fail "pid file left after a clean exit"

## 2 and 5. Interrupts: what was analysed is committed, one line says how
## far the run got, the exit code is the shell's, the next run goes on.
## The collection is large enough that a run is still going after the first
## commits (at most one each 0.25 s) have shown in --log.
## Every "added" line of --log is a document the index holds.
big=$TMP/big
many "$big" 5000
# interrupt SIGNAL WANT_EXIT ARGS...: starts izde-index (own process group,
# so that it does not inherit an ignored SIGINT), waits until its --log
# shows committed work, sends SIGNAL.
interrupt() {
    local sig=$1 want=$2
    shift 2
    : > "$TMP/ilog"
    set -m
    "$BIN/izde-index" --commit-docs 10 --jobs 2 --log "$TMP/ilog" "$@" >"$TMP/out" 2>"$TMP/err" &
    local pid=$!
    set +m
    local n=0
    while [ "$(grep -c '"added"' "$TMP/ilog")" -lt 20 ] && [ $n -lt 3000 ] && kill -0 "$pid" 2>/dev/null; do
        sleep 0.01
        n=$((n + 1))
    done
    kill "-$sig" "$pid" 2>/dev/null
    wait "$pid"
    local st=$?
    [ "$st" -eq "$want" ] && pass || { fail "$sig: exit $st, expected $want"; cat "$TMP/err" >&2; }
}
bdb=$TMP/bdb
interrupt INT 130 --db "$bdb" "$big"
expect_grep "^izde-index: interrupted: [0-9,]* of 5,000 files indexed and committed; run again to finish" "$TMP/err" "SIGINT: how far it got"
added=$(grep -c '"added"' "$TMP/ilog")
[ "$(docs "$bdb")" = "$added" ] && pass || fail "SIGINT: $(docs "$bdb") documents, $added 'added' lines in --log"
[ "$added" -gt 0 ] && [ "$added" -lt 5000 ] && pass || fail "SIGINT: $added added, not part of the run"
[ ! -e "$bdb/izde-index.pid" ] && pass || fail "SIGINT: pid file left"
interrupt TERM 143 --db "$bdb" "$big"
expect_grep "^izde-index: interrupted: " "$TMP/err" "SIGTERM: how far it got"
expect_exit 0 "run after interrupts" "$BIN/izde-index" -q --db "$bdb" "$big"
[ "$(docs "$bdb")" = 5000 ] && pass || fail "after interrupts: $(docs "$bdb") documents, 5000 files"

# --full and --shards: an interrupted rebuild is not swapped in.
for mode in "--full" "--shards 2"; do
    sdb=$TMP/sdb${mode#--}
    sdb=${sdb// /}
    many "$TMP/seed" 5
    expect_exit 0 "seed for $mode" "$BIN/izde-index" -q --db "$sdb" "$TMP/seed"
    interrupt TERM 143 --db "$sdb" $mode "$big"
    expect_grep "^izde-index: interrupted: .*the old index (5 documents) stays live" "$TMP/err" "$mode interrupt: old index live"
    [ "$(docs "$sdb")" = 5 ] && pass || fail "$mode interrupt: $(docs "$sdb") live documents, 5 before"
    expect_exit 0 "$mode after interrupt" "$BIN/izde-index" -q --db "$sdb" $mode "$big"
    [ "$(docs "$sdb")" = 5000 ] && pass || fail "$mode finished: $(docs "$sdb") documents"
    rm -rf "$TMP/seed"
done

# kill -9: --log holds no line for a document that was not committed.
kdb=$TMP/kdb
: > "$TMP/klog"
"$BIN/izde-index" --commit-docs 7 --jobs 1 --log "$TMP/klog" --db "$kdb" "$big" 2>/dev/null &
pid=$!
while [ "$(grep -c '"added"' "$TMP/klog")" -lt 50 ] && kill -0 "$pid" 2>/dev/null; do sleep 0.01; done
kill -9 "$pid"
wait "$pid" 2>/dev/null
python3 -c '
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    if d["action"] == "added":
        print("Q" + d["path"])' "$TMP/klog" | sort > "$TMP/logged"
xapian-delve -A Q -1 "$kdb" | grep '^Q' | sort > "$TMP/held"
missing=$(comm -23 "$TMP/logged" "$TMP/held" | wc -l)
[ "$missing" = 0 ] && pass || fail "kill -9: $missing 'added' lines for documents not in the index"

# A first --full killed before its swap leaves no index for the searcher to
# choke on: izde-search says there is none (exit 3).
fdb=$TMP/fdb
: > "$TMP/flog"
"$BIN/izde-index" --commit-docs 10 --jobs 1 --log "$TMP/flog" --db "$fdb" --full "$big" 2>/dev/null &
pid=$!
while [ "$(grep -c . "$TMP/flog" 2>/dev/null)" -lt 20 ] && kill -0 "$pid" 2>/dev/null; do sleep 0.01; done
kill -9 "$pid"
wait "$pid" 2>/dev/null
[ -d "$fdb/build" ] && [ ! -e "$fdb/XAPIANDB" ] && [ ! -e "$fdb/iamglass" ] && pass || fail "first --full: build dir only"
expect_exit 3 "search a first --full killed" "$BIN/izde-search" --db "$fdb" --json көпсөз
expect_no_grep "corrupt" "$TMP/err" "no corruption reported"

## 5. --log: a path with a newline and invalid UTF-8 is one line, and its
## bytes come back.
odd=$TMP/odd
mkdir -p "$odd"
printf 'Тор\n\nтордогу сөз\n' > "$odd/$(printf 'a\nb\377c.txt')"
printf 'Тор\n\nтордогу сөз\n' > "$odd/plain.txt"
expect_exit 0 "index odd names" "$BIN/izde-index" -q --db "$TMP/odb" --log "$TMP/olog" "$odd"
[ "$(wc -l < "$TMP/olog")" = 2 ] && pass || fail "--log: $(wc -l < "$TMP/olog") lines for 2 files"
python3 -c '
import json, os, sys
want = set(os.listdir(os.fsencode(sys.argv[2])))
got = set()
for line in open(sys.argv[1], encoding="utf-8"):
    p = json.loads(line)["path"]
    got.add(os.path.basename(p.encode("utf-8", "surrogateescape")))
sys.exit(0 if got == want else 1)' "$TMP/olog" "$odd" && pass || fail "--log paths do not give back the file names' bytes"

finish
