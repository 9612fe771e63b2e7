# diskfull.sh - the disk fills up during a --full build and during an incremental run: non-zero exit, a message that says so, and the last committed index still live and searchable.
. "$(dirname "$0")/lib.sh"

# A small file system of its own (as root); skipped where mounting is not
# allowed.
mnt=$TMP/mnt
mkdir -p "$mnt"
if ! mount -t tmpfs -o size=2m izde-test "$mnt" 2>/dev/null; then
    echo "skipped: cannot mount a small tmpfs here (needs root and mount permission)"
    exit 77
fi
trap 'umount "$mnt" 2>/dev/null; chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
db=$mnt/db

docs() {
    local c=$1
    [ -f "$1/XAPIANDB" ] && c=$1/XAPIANDB
    xapian-delve "$c" 2>/dev/null | sed -n 's/^number of documents = //p'
}

# A small collection that fits, and a bigger one (many distinct words, so
# a large index) that does not.
mkdir -p "$TMP/small" "$TMP/big"
for i in $(seq 1 10); do
    printf 'Кичи %d\n\nкичинекей мектеп окуучу %d\n' "$i" "$i" > "$TMP/small/s$i.txt"
done
python3 - "$TMP/big" <<'PY'
import os, random, sys
random.seed(7)
letters = "абвгдежзийклмнопрстуфхцчшыэюяңөү"
for i in range(300):
    with open(os.path.join(sys.argv[1], "b%d.txt" % i), "w") as f:
        f.write("Чоң %d\n\n" % i)
        f.write(" ".join("".join(random.choice(letters) for _ in range(8)) for _ in range(800)))
        f.write("\n")
PY

expect_exit 0 "small collection" "$BIN/izde-index" -q --db "$db" "$TMP/small"
[ "$(docs "$db")" = 10 ] && pass || fail "small collection: $(docs "$db") documents"

# A --full rebuild that fills the disk: the old index stays live, and the
# half build is removed (the space comes back).
expect_exit 1 "--full fills the disk" "$BIN/izde-index" --db "$db" --full "$TMP/small" "$TMP/big"
expect_grep "no space left on device while writing the index at '$db': the last committed index (10 documents) is still live" "$TMP/err" "--full: disk full said"
expect_exit 0 "search after --full filled the disk" "$BIN/izde-search" --db "$db" --json кичинекей
expect_grep "s1.txt" "$TMP/out" "--full: first collection still found"
[ ! -e "$db/build" ] && pass || fail "--full: the half build is left on the full disk"

# An incremental run that fills the disk: what was committed stays, the
# index is sound.
expect_exit 1 "update fills the disk" "$BIN/izde-index" --commit-docs 20 --db "$db" "$TMP/big"
expect_grep "no space left on device while writing the index at '$db': the last committed index ([0-9]* documents) is still live" "$TMP/err" "update: disk full said"
expect_grep "indexed, .*; stopped by the error above" "$TMP/err" "update: the summary does not call it a success"
expect_exit 0 "search after update filled the disk" "$BIN/izde-search" --db "$db" --json кичинекей
expect_grep "s1.txt" "$TMP/out" "update: first collection still found"
check=$db
[ -f "$db/XAPIANDB" ] && check=$db/XAPIANDB
xapian-check "$check" >"$TMP/check" 2>&1 && pass || { fail "xapian-check after disk full"; tail -5 "$TMP/check" >&2; }

finish
