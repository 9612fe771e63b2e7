# language.sh - language-aware search end to end: mixed-language articles, folded and Latin-typed queries.
. "$(dirname "$0")/lib.sh"
db=$TMP/db
expect_exit 0 "index corpus-samples" "$BIN/izde-index" --db "$db" "$SRC/corpus-samples"

# top QUERY... : the file name of the first hit.
top() {
    "$BIN/izde-search" --db "$db" --json "$@" > "$TMP/out" 2>"$TMP/err" || { echo "(exit $?)"; return; }
    json_paths "$TMP/out" | sed -n 1p
}
expect_top() {
    local want=$1; shift
    local got
    got=$(top "$@")
    [ "$got" = "$want" ] && pass || fail "'$*': top hit '$got', expected '$want'"
}

# A trilingual article is found by a Kyrgyz, a Russian, an English and a
# folded query, each in its own inflections.
expect_top trilingual-math-olympiad.txt математикалык олимпиадага
expect_top trilingual-math-olympiad.txt олимпиадных задач
expect_top trilingual-math-olympiad.txt solving olympiad problem
expect_top trilingual-math-olympiad.txt логикалык ой жугуртуусун
# Typed without ү/ө/ң, the seed query still finds its article.
expect_top ky-innovation-teacher.txt инновациялык ишмердуулук
# Latin-typed Kyrgyz and Russian.
expect_top ky-innovation-teacher.txt ishmerduuluk
expect_top ky-innovation-teacher.txt innovatsiyalyk ishmerduulugu
expect_top ru-school-reform.txt reforma obrazovaniya

# A stop word is searched only as written: no stems, no prefix term.
expect_exit 0 "explain stop word" "$BIN/izde-search" --db "$db" --explain жана мугалим
grep -qx "word 'жана' (stop word): exact=жана" "$TMP/out" && pass || fail "stop word searched beyond its exact form: $(grep жана "$TMP/out")"
expect_grep "word 'мугалим': exact=мугалим ky=K" "$TMP/out" "content word keeps its stems"

# One way only: a word spelled with Kyrgyz letters searches no folded or
# Russian alternatives; the same word typed without them does.
expect_exit 0 "explain precise" "$BIN/izde-search" --db "$db" --explain ишмердүүлүк
expect_grep "word 'ишмердүүлүк': exact=ишмердүүлүк ky=K" "$TMP/out" "explain shows Kyrgyz stem"
expect_no_grep "ky-keyboard" "$TMP/out" "precise word has no folded alternative"
expect_no_grep "ru=" "$TMP/out" "Kyrgyz-letter word is not tried as Russian"
expect_exit 0 "explain folded" "$BIN/izde-search" --db "$db" --explain ишмердуулук
expect_grep "ky-keyboard=F" "$TMP/out" "folded word searches the keyboard-folded stem"
expect_grep "ru=R" "$TMP/out" "folded word is tried as Russian too"

# Did you mean: a near miss gets the index spelling.
expect_exit 0 "did you mean" "$BIN/izde-search" --db "$db" китапкана
expect_grep "^did you mean: китепкана$" "$TMP/out" "suggestion"
expect_exit 0 "did you mean json" "$BIN/izde-search" --db "$db" --json китапкана
expect_grep '"suggestion":"китепкана"' "$TMP/out" "suggestion in JSON"

# --lang keeps documents that have text in that language.
expect_exit 0 "lang filter" "$BIN/izde-search" --db "$db" --json --limit 50 --lang en school
json_paths "$TMP/out" > "$TMP/paths"
grep -q en-reading-literacy.txt "$TMP/paths" && pass || fail "--lang en lost an English document"
grep -q '^ky-school-library.txt$' "$TMP/paths" && fail "--lang en returned a Kyrgyz-only document" || pass
expect_exit 2 "bad lang" "$BIN/izde-search" --db "$db" --lang xx school

# A query of stop words only still searches.
expect_exit 0 "stop words only" "$BIN/izde-search" --db "$db" --json жана менен
python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["total"] > 0 else 1)' "$TMP/out" && pass || fail "stop-word query found nothing"

finish
