# backoff.sh - a document that has a query word only through its 5-letter prefix backoff, or through a Kyrgyz stem it begins with or that extends it, never outranks one that has the word itself (exact or stem), and counts as a partial match.
. "$(dirname "$0")/lib.sh"
lib=$TMP/lib
mkdir -p "$lib"
# prefix.txt: short, and full of 'Кыргыз', which shares only the prefix
# 'кыргы' with 'Кыргызстан': BM25 alone puts it first.
printf 'Макала\n\nКыргыз тилиндеги китептер. Кыргыз тилиндеги окуу куралдары. Кыргыз элинин тарыхы жана кыргыз маданияты.\n' > "$lib/prefix.txt"
filler='Бул китеп мектептер, окуучулар, мугалимдер жана ата-энелер үчүн жазылган узун текст, анда көп сөздөр бар.'
printf 'Макала\n\n%s %s Кыргызстанда жаңы мектептер ачылды. %s\n' "$filler" "$filler" "$filler" > "$lib/stem.txt"
printf 'Макала\n\n%s %s Кыргызстан тоолуу өлкө. %s\n' "$filler" "$filler" "$filler" > "$lib/exact.txt"
printf 'Макала\n\n%s %s Кыргызстандын тарыхы узун. %s %s\n' "$filler" "$filler" "$filler" "$filler" > "$lib/history.txt"
expect_exit 0 "index" "$BIN/izde-index" -q --db "$TMP/db" "$lib"

expect_exit 0 "one word" "$BIN/izde-search" --db "$TMP/db" --json Кыргызстан
json_paths "$TMP/out" > "$TMP/order"
[ "$(tail -1 "$TMP/order")" = "prefix.txt" ] && pass || { fail "prefix-only match not last"; cat "$TMP/order" >&2; }
[ "$(wc -l < "$TMP/order")" -eq 4 ] && pass || fail "prefix-only match not found at all"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1]));
r = {x["path"].rsplit("/",1)[-1]: x["partial"] for x in d["results"]}
sys.exit(0 if r["prefix.txt"] and not r["stem.txt"] and not r["exact.txt"] and d["complete"] == 3 and d["partial"] == 1 else 1)' "$TMP/out" && pass || fail "prefix-only match should be the one partial match"

# Two words: 'Кыргызстан тарыхы' — prefix.txt has 'Кыргыз ... тарыхы'.
expect_exit 0 "two words" "$BIN/izde-search" --db "$TMP/db" --json Кыргызстан тарыхы
json_paths "$TMP/out" > "$TMP/order"
[ "$(head -1 "$TMP/order")" = "history.txt" ] && pass || { fail "stem match not first"; cat "$TMP/order" >&2; }

# --all: complete matches only, the prefix-only one is not among them.
expect_exit 0 "--all" "$BIN/izde-search" --db "$TMP/db" --json --all Кыргызстан
expect_no_grep "prefix.txt" "$TMP/out" "--all shows the prefix-only match"

# Kyrgyz derivations: a query word whose stem begins with a document's
# stem (шаардыктар: шаардык, a document's шаары: шаар), or whose stem a
# document's stem extends (сабагым: сабак, a document's сабакташтар:
# сабакташ), matches as a partial match, though their first five letters
# differ and a one-word query has no tier of some words.
der=$TMP/der
mkdir -p "$der"
printf 'Макала\n\nСабакташтар бирге окушат.\n' > "$der/classmates.txt"
printf 'Макала\n\nБишкек шаары чоң.\n' > "$der/city.txt"
printf 'Макала\n\nТоолор бийик.\n' > "$der/other.txt"
expect_exit 0 "index derivations" "$BIN/izde-index" -q --db "$TMP/der.db" "$der"
expect_exit 0 "stem extended" "$BIN/izde-search" --db "$TMP/der.db" --json сабагым
json_paths "$TMP/out" > "$TMP/order"
[ "$(cat "$TMP/order")" = "classmates.txt" ] && pass || { fail "сабагым does not find сабакташтар"; cat "$TMP/order" >&2; }
expect_exit 0 "stem shortened" "$BIN/izde-search" --db "$TMP/der.db" --json шаардыктар
json_paths "$TMP/out" > "$TMP/order"
[ "$(cat "$TMP/order")" = "city.txt" ] && pass || { fail "шаардыктар does not find шаары"; cat "$TMP/order" >&2; }
python3 -c 'import json,sys; d=json.load(open(sys.argv[1]));
sys.exit(0 if d["complete"] == 0 and d["results"][0]["partial"] else 1)' "$TMP/out" && pass || fail "a derivation should be a partial match"
# The snippet marks the word that matched through the backoff, so that the
# reader sees why the document was found.
marked() { # the words highlighted in the first result of $TMP/out
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; s=r["snippet"].encode()
print(" ".join(s[a:b].decode() for a, b in r["highlights"]))' "$TMP/out"
}
[ "$(marked)" = "шаары" ] && pass || fail "шаары not marked for шаардыктар: '$(marked)'"
expect_exit 0 "stem extended, again" "$BIN/izde-search" --db "$TMP/der.db" --json сабагым
[ "$(marked)" = "Сабакташтар" ] && pass || fail "Сабакташтар not marked for сабагым: '$(marked)'"
# A complete match shows the word's own forms only (шаары is no form of
# шаардык). A partial match's snippet prefers a window with a query word's
# own form (бийик) to an earlier one with only a backoff stem's (шаары).
win=$TMP/win
mkdir -p "$win"
printf 'Макала\n\nБишкек шаары чоң. Шаардык кеңеш чогулду.\n' > "$win/own.txt"
printf 'Макала\n\nБишкек шаары чоң. %s %s Тоолор бийик.\n' "$filler" "$filler" > "$win/far.txt"
expect_exit 0 "index windows" "$BIN/izde-index" -q --db "$TMP/win.db" "$win"
expect_exit 0 "complete match" "$BIN/izde-search" --db "$TMP/win.db" --json шаардык
json_paths "$TMP/out" > "$TMP/order"
[ "$(head -1 "$TMP/order") $(marked)" = "own.txt Шаардык" ] && pass ||
    fail "a complete match should mark its own forms only: $(head -1 "$TMP/order") '$(marked)'"
expect_exit 0 "own form first" "$BIN/izde-search" --db "$TMP/win.db" --json шаардык бийик
json_paths "$TMP/out" > "$TMP/order"
[ "$(head -1 "$TMP/order") $(marked)" = "far.txt бийик" ] && pass ||
    fail "the window with an own form should win: $(head -1 "$TMP/order") '$(marked)'"
finish
