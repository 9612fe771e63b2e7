# diskfull_race.sh - the disk fills up (a file size limit) at many points of a run with several analysis threads: every run ends in a plain error and exit 1, never an abort, and the committed index stays searchable.
. "$(dirname "$0")/lib.sh"

# Xapian 1.4 calls std::terminate when some block writes of a commit fail
# (which ones depends on where the limit falls), so the limit is stepped
# across the last stretch of a run's largest file.
mkdir -p "$TMP/big"
for i in $(seq 1 300); do
    printf 'Документ %d\n\n' "$i" > "$TMP/big/d$i.txt"
    for j in $(seq 1 40); do printf 'сөз%d_%d мектеп окуучу мугалим билим\n' "$i" "$j"; done >> "$TMP/big/d$i.txt"
done
printf 'Жакшы документ\n\nМугалим жана окуучу.\n' > "$TMP/good.txt"
"$BIN/izde-index" -q --commit-docs 50 --db "$TMP/whole" "$TMP/good.txt" "$TMP/big" 2>/dev/null
# The largest file of a whole run, in the 1024-byte blocks of ulimit -f.
top=$(find "$TMP/whole" -type f -printf '%s\n' | sort -n | tail -1)
top=$(((top + 1023) / 1024))
aborts=0
for k in $(seq 1 20); do
    limit=$((top - 3 * k))
    rm -rf "$TMP/full"
    "$BIN/izde-index" -q --db "$TMP/full" "$TMP/good.txt" 2>/dev/null
    (trap '' XFSZ; ulimit -f "$limit"; "$BIN/izde-index" -q -j 4 --commit-docs 50 --db "$TMP/full" "$TMP/big") >"$TMP/out" 2>"$TMP/err"
    st=$?
    # Exit 0 when this run's files came out smaller than the measured ones.
    if { [ "$st" -ne 0 ] && [ "$st" -ne 1 ]; } || grep -q "terminate called" "$TMP/err" ||
        { [ "$st" -eq 1 ] && ! grep -q "error: cannot" "$TMP/err"; }; then
        aborts=$((aborts + 1))
        echo "ulimit -f $limit: exit $st: $(head -c 300 "$TMP/err")" >&2
    fi
    "$BIN/izde-search" --db "$TMP/full" --json жакшы >"$TMP/out" 2>&1 && grep -q good.txt "$TMP/out" ||
        { aborts=$((aborts + 1)); echo "ulimit -f $limit: committed index lost" >&2; }
done
[ "$aborts" -eq 0 ] && pass || fail "$aborts of 20 full-disk runs did not end in a plain error"

finish
