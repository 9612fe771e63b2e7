# dehyphen_unseen.sh - a word broken at a line end that occurs nowhere else is found by its whole form, and a compound broken at its own hyphen by its parts.
. "$(dirname "$0")/lib.sh"
mkdir -p "$TMP/in"
# The only occurrence of ишмердүүлүгү and методикалык is broken; the
# compound иш-аракет is broken at its own hyphen. No other file or word of
# the text says which is which.
printf '%s\n' \
    'Мугалимдин педагогикалык иш-' \
    'мердүүлүгү жана анын мето-' \
    'дикалык даярдыгы мектепте бааланат. Ата-энелер менен күч-' \
    'аракет жумшалат.' > "$TMP/in/a.txt"
expect_exit 0 "index" "$BIN/izde-index" -q --db "$TMP/db" "$TMP/in"
for q in ишмердүүлүк ишмердүүлүгү методикалык; do
    expect_exit 0 "search $q" "$BIN/izde-search" --db "$TMP/db" --json --all "$q"
    expect_grep "a.txt" "$TMP/out" "$q found"
done
for q in аракет күч-аракет; do
    expect_exit 0 "search $q" "$BIN/izde-search" --db "$TMP/db" --json --all "$q"
    expect_grep "a.txt" "$TMP/out" "$q found"
done
finish
