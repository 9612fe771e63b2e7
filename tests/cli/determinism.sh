# determinism.sh - the same collection gives the same index, whatever --jobs and whether it was built whole or by --update (issue 17): a document's terms depend on the document alone.
. "$(dirname "$0")/lib.sh"

# The dumps need Xapian's Python bindings (optional in install-deps.sh); the
# system python has them where a pyenv one may not.
py=
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import xapian' 2>/dev/null; then
        py=$p
        break
    fi
done
[ -n "$py" ] || { echo "skip: no python3 with the xapian module (python3-xapian)"; exit 77; }

# A hyphen-rich collection, written here so the test owns its data. Pair k
# is two files: NNN-a.txt writes an invented compound x-y whole on one line,
# NNN-b.txt breaks it at a line end ("x-\ny") and nowhere else has it (each
# file has a broken word, or the repair would pass it by unread). Alone,
# NNN-b's break has no evidence either way; a repair that remembered
# NNN-a's words would keep it as x-y when the same worker read NNN-a first
# and join it otherwise, which depends on the scheduling of workers and on
# which files an --update re-reads.
mkdir -p "$TMP/in"
"$py" - "$TMP/in" <<'PY'
import sys
out = sys.argv[1]
onsets = ["б", "в", "г", "д", "з", "к", "л", "м", "н", "п", "р", "с", "т"]
vowels = ["а", "о", "и", "е", "ы", "у"]
codas = ["н", "р", "л", "с", "т", "м"]
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 16) % n
def syl():
    return onsets[rnd(len(onsets))] + vowels[rnd(len(vowels))]
def word(n):
    # Ends in a consonant; the second part starts with one (no rule of
    # the repair decides such a break without evidence).
    return "".join(syl() for _ in range(n)) + codas[rnd(len(codas))]
filler = ("Об этом сообщили в пресс-службе городской администрации. "
          "Работы продолжатся до конца месяца, жители получат уведомления.")
for k in range(40):
    x, y = word(2), word(2)
    with open(f"{out}/{k:03d}-a.txt", "w", encoding="utf-8") as f:
        f.write(f"Отчет номер {k}.\nКомиссия назвала {x}-{y} главной задачей го-\nда.\n{filler}\n")
    with open(f"{out}/{k:03d}-b.txt", "w", encoding="utf-8") as f:
        f.write(f"Заметка номер {k}.\nВ городе снова обсуждали {x}-\n{y} и планы на будущее.\n{filler}\n")
PY

dump() {
    # $1 database, $2 output; izde.version names the writer, the same here.
    "$py" "$SRC/scripts/dump_index.py" "$1" >"$2"
    local rc=$?
    [ "$rc" -eq 0 ] || fail "dump of $(basename "$1"): exit $rc"
}

# same DESCRIPTION A B: the two dumps are equal.
same() {
    if diff -u "$2" "$3" >"$TMP/diff"; then
        pass
    else
        fail "$1: the indexes differ ($(grep -c '^[-+]  term' "$TMP/diff") term lines)"
        head -20 "$TMP/diff" >&2
    fi
}

expect_exit 0 "index -j1" "$BIN/izde-index" -q -j1 --db "$TMP/j1" "$TMP/in"
expect_exit 0 "index -j4" "$BIN/izde-index" -q -j4 --db "$TMP/j4" "$TMP/in"
dump "$TMP/j1" "$TMP/j1.dump"
dump "$TMP/j4" "$TMP/j4.dump"
same "-j1 and -j4" "$TMP/j1.dump" "$TMP/j4.dump"

# Every broken compound of the pairs is in the index, one way or the other.
if [ "$(grep -c '^Q.*-b\.txt$' "$TMP/j1.dump")" -eq 40 ]; then pass; else fail "not every -b file indexed"; fi

# Change the files with the broken words (a line more; a touch alone is
# "same content, new time" and re-reads nothing): --update re-reads only
# those, a fresh build reads them all; both must agree.
for f in "$TMP"/in/*-b.txt; do
    echo 'Дополнено позже.' >>"$f"
done
expect_exit 0 "update" "$BIN/izde-index" -q -j1 --db "$TMP/j1" --update
expect_exit 0 "rebuild" "$BIN/izde-index" -q -j1 --db "$TMP/full" "$TMP/in"
dump "$TMP/j1" "$TMP/update.dump"
dump "$TMP/full" "$TMP/full.dump"
same "--update and a fresh build" "$TMP/full.dump" "$TMP/update.dump"
expect_exit 0 "full" "$BIN/izde-index" -q -j2 --db "$TMP/j1" --full
dump "$TMP/j1" "$TMP/refull.dump"
same "--full -j2 and a fresh build" "$TMP/full.dump" "$TMP/refull.dump"
finish
