# crash.sh - kill -9 izde-index at random moments, with searches running: the index always opens and answers, and the next run finishes with one document per file.
. "$(dirname "$0")/lib.sh"
db=$TMP/db
lib=$TMP/lib
rounds=${IZDE_CRASH_ROUNDS:-12}

# Six hundred small documents; every one has the word ортоксөз and its own
# word сөзNNN.
for d in 1 2 3 4 5 6; do mkdir -p "$lib/d$d"; done
for i in $(seq 1 600); do
    {
        printf 'Документ %d\n\nортоксөз сөз%d мектеп окуучу мугалим\n' "$i" "$i"
        for j in $(seq 1 20); do printf 'билим берүү тарых китепкана сабак %d %d\n' "$i" "$j"; done
    } > "$lib/d$((i % 6 + 1))/f$i.txt"
done

# A first, finished run of one file, so that there is an index to search.
expect_exit 0 "seed run" "$BIN/izde-index" -q --db "$db" "$lib/d1/f6.txt"

# Searches run all along; any failure is recorded.
(
    n=0
    while [ ! -e "$TMP/stop" ]; do
        if ! "$BIN/izde-search" --db "$db" --json ортоксөз >/dev/null 2>"$TMP/search.last"; then
            cat "$TMP/search.last" >> "$TMP/search.fail"
        fi
        n=$((n + 1))
    done
    echo "$n" > "$TMP/search.count"
) &
searcher=$!

# index ARGS...: one run; exit 75 is retried (Xapian may release the lock of a
# killed writer a moment after it died).
index() {
    local st
    for try in 1 2 3 4 5; do
        "$BIN/izde-index" -q --commit-docs 10 --db "$db" "$@" >"$TMP/out" 2>"$TMP/err"
        st=$?
        [ "$st" -ne 75 ] && return "$st"
        sleep 0.2
    done
    return "$st"
}

# How long a whole run takes here (sanitizers and load slow it down), so
# that kills land anywhere inside a run rather than after it.
t0=$(date +%s%N)
"$BIN/izde-index" -q --jobs 1 --db "$TMP/calibrate" "$lib" 2>/dev/null
full_ms=$((($(date +%s%N) - t0) / 1000000))
rm -rf "$TMP/calibrate"
# pause MS: sleeps a random 5-95% of MS milliseconds.
pause() {
    sleep "$(awk -v ms="$1" -v seed="$RANDOM" 'BEGIN { srand(seed); printf "%.3f", ms * (0.05 + 0.9 * rand()) / 1000 }')"
}

killed=0
before=1
progress=
for r in $(seq 1 "$rounds"); do
    # Between rounds the collection changes: an edit, a deletion, an addition.
    case $r in
    3) printf 'Документ 10\n\nортоксөз сөз10 өзгөртүлгөн\n' > "$lib/d5/f10.txt" ;;
    4) rm "$lib/d6/f11.txt" ;;
    5) printf 'Документ 601\n\nортоксөз сөз601 жаңы\n' > "$lib/d2/f601.txt" ;;
    esac
    # ... and every round edits a quarter of the files, so that each run
    # has work to be killed in.
    for i in $(seq $((r * 50 % 600 + 1)) $((r * 50 % 600 + 150))); do
        f=$lib/d$((i % 6 + 1))/f$i.txt
        [ -f "$f" ] && [ "$i" -ne 10 ] && printf 'правка %d\n' "$r" >> "$f"
    done
    # Updates, then rebuilds (each resumed where the last one was killed).
    opts=(--update --jobs $((r % 2 + 1)) "$lib")
    [ "$r" -gt $((rounds - 4)) ] && [ "$r" -le $((rounds - 2)) ] && opts=(--full --jobs 1 "$lib")
    "$BIN/izde-index" -q --commit-docs 10 --db "$db" "${opts[@]}" >/dev/null 2>"$TMP/round.err" &
    pid=$!
    pause "$full_ms"
    if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
    wait "$pid" 2>/dev/null
    st=$?
    # Killed (137), finished (0), or lost the lock race (75): nothing else.
    case $st in 0 | 75 | 137) pass ;; *) fail "round $r: exit $st"; cat "$TMP/round.err" >&2 ;; esac
    # Whatever the moment, the index opens and answers, and holds at least
    # what it held before (one file is deleted in round 4).
    expect_exit 0 "round $r: search after kill" "$BIN/izde-search" --db "$db" --json ортоксөз
    check=$db
    [ -f "$db/XAPIANDB" ] && check=$db/XAPIANDB
    now=$(xapian-delve "$check" | sed -n 's/^number of documents = //p')
    [ "$now" -ge $((before - 1)) ] && pass || fail "round $r: $now documents, $before before"
    before=$now
    progress="$progress $now"
done
echo "crash: $rounds rounds, $killed killed while running (a whole run: $full_ms ms); documents after each:$progress"

# The next run (the same command) finishes the work.
index --update "$lib"
st=$?
[ "$st" -eq 0 ] && pass || { fail "final run: exit $st"; cat "$TMP/err" >&2; }
touch "$TMP/stop"
wait "$searcher"

nfiles=$(find "$lib" -name '*.txt' | wc -l)
check=$db
[ -f "$db/XAPIANDB" ] && check=$db/XAPIANDB
xapian-check "$check" >"$TMP/check" 2>&1 && pass || { fail "xapian-check"; tail -5 "$TMP/check" >&2; }

# Exactly one document per file: as many documents and id terms as files,
# each id term on one document.
docs=$(xapian-delve "$check" | sed -n 's/^number of documents = //p')
[ "$docs" = "$nfiles" ] && pass || fail "documents: $docs, files: $nfiles"
xapian-delve -A Q -1 -v "$check" | grep '^Q' > "$TMP/ids"
ids=$(grep -c . "$TMP/ids")
[ "$ids" = "$nfiles" ] && pass || fail "id terms: $ids, files: $nfiles"
# -v lists "term termfreq"; a duplicate would show a frequency above 1.
awk '$NF != 1 { bad++ } END { exit bad > 0 }' "$TMP/ids" && pass || fail "an id term on several documents"
expect_exit 0 "search common word" "$BIN/izde-search" --db "$db" --json --limit 1000 ортоксөз
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["results"]))' "$TMP/out")
[ "$n" = "$nfiles" ] && pass || fail "common word found in $n documents, $nfiles files"

# The changes made between kills are all there.
expect_exit 0 "edited file" "$BIN/izde-search" --db "$db" --json өзгөртүлгөн
expect_grep "f10.txt" "$TMP/out" "edit indexed"
expect_exit 0 "added file" "$BIN/izde-search" --db "$db" --json сөз601
expect_grep "f601.txt" "$TMP/out" "addition indexed"
expect_exit 0 "deleted file" "$BIN/izde-search" --db "$db" --json сөз11
expect_no_grep "f11.txt" "$TMP/out" "deletion indexed"

# The searches never failed.
if [ -s "$TMP/search.fail" ]; then
    fail "searches failed during indexing"
    head -5 "$TMP/search.fail" >&2
else
    pass
fi
echo "searches during the rounds: $(cat "$TMP/search.count")"

finish
