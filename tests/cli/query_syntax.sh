# query_syntax.sh - the query language end to end: fields, years, УДК, AND/OR/NOT, parentheses, syntax errors.
. "$(dirname "$0")/lib.sh"

# Four articles in the shape of a journal's: a running header with journal,
# year and issue, the УДК, a title in capitals, an author, an affiliation,
# an abstract and a keyword line, a body, a page number.
mkdir "$TMP/corpus"
article() { # FILE JOURNAL YEAR UDC TITLE AUTHOR KEYWORDS-LINE ABSTRACT BODY
    printf '%s, %s, № 3\n\nУДК %s\n\n%s\n%s\n' "$2" "$3" "$4" "$5" "$6" >"$TMP/corpus/$1"
    printf 'Мамлекеттик университет, Ош ш., e-mail: author@example.kg\n' >>"$TMP/corpus/$1"
    printf 'Аннотация. %s\n%s\n\nКиришүү\n%s\n\n12\n' "$8" "$7" "$9" >>"$TMP/corpus/$1"
}
article a-innovation.txt 'Вестник ОшГУ' 2021 37.015.3 'МУГАЛИМДИН ИННОВАЦИЯЛЫК ИШМЕРДҮҮЛҮГҮ' \
    'Асанова Г.Т.' 'Негизги сөздөр: инновация, ишмердүүлүк, мугалим.' \
    'Макалада мугалимдин жаңы ыкмаларды колдонуусу каралат.' \
    'Мектепте мугалим жаңы ыкмаларды сабакта колдонот.'
article b-library.txt 'Вестник НарГУ' 2019 372.8 'МЕКТЕП КИТЕПКАНАСЫНЫН РОЛУ' \
    'Осмонов К.Т.' 'Негизги сөздөр: китепкана, окуучу, окуу.' \
    'Макалада мектеп китепканасынын окуучулар үчүн мааниси каралат.' \
    'Мектеп китепканасы окуучуларга китеп тандоого жардам берет.'
article c-language.txt 'Вестник КНУ' 2023 811.512.154 'КЫРГЫЗ ТИЛИН ОКУТУУНУН ЖОЛДОРУ' \
    'Петрова А.В.' 'Негизги сөздөр: тил, окутуу, сабак.' \
    'Макалада тилди окутууда ишмердүүлүктүн ролу каралат.' \
    'Тил сабагында окуучулар сүйлөшүүгө үйрөнүшөт.'
article d-upbringing.txt 'Вестник ЖАМУ' 2016 37.01 'МЕКТЕПТЕГИ ТАРБИЯ ИШТЕРИ' \
    'Токтогулов Б.К.' 'Негизги сөздөр: тарбия, мектеп, окуучу.' \
    'Макалада мектептеги тарбия иштеринин түрлөрү каралат.' \
    'Мектепте тарбия сабактан тышкары да жүрөт.'
expect_exit 0 "index the articles" "$BIN/izde-index" --db "$TMP/db" -j 1 "$TMP/corpus"

# finds WANT QUERY...: the complete matches of QUERY (--all), sorted, are
# the files WANT names (space-separated; "" for none).
finds() {
    local want=$1
    shift
    "$BIN/izde-search" --db "$TMP/db" --json --all --limit 50 "$@" >"$TMP/out" 2>"$TMP/err"
    local st=$? got
    got=$(json_paths "$TMP/out" 2>/dev/null | sed 's/\.txt$//' | sort | tr '\n' ' ')
    if [ $st -ne 0 ] || [ "${got% }" != "$want" ]; then
        fail "'$*' found '${got% }' (exit $st), expected '$want'"
        sed 's/^/  stderr: /' "$TMP/err" >&2
    else
        pass
    fi
}

finds 'a-innovation b-library d-upbringing' мектеп
# NOT excludes (it used to be a word to find), like '-'.
finds 'b-library d-upbringing' мектеп NOT мугалим
finds 'b-library d-upbringing' мектеп -мугалим
finds 'b-library c-language d-upbringing' NOT мугалим
# OR unions; lowercase or is a word.
finds 'b-library d-upbringing' китепкана OR тарбия
finds '' китепкана or тарбия
# Parentheses group; NOT binds tighter than AND, AND tighter than OR.
finds 'b-library d-upbringing' мектеп '(китепкана OR тарбия)'
finds 'a-innovation b-library' '(китепкана OR ишмердүүлүк)' 'NOT тил'
finds 'b-library c-language' китепкана OR тил сабак
# Fields go through the analysis: author:Асанова finds Асанова Г.Т., a
# keyword is found by another form of it, a title phrase in order only.
finds 'a-innovation' author:Асанова
finds 'a-innovation' 'author:"Асанова Г.Т."'
finds 'a-innovation' kw:ишмердүүлүгү
finds 'a-innovation' kw:инновация
# A keyword list is in the language the article states for it: the Kyrgyz
# list's инновация has its Kyrgyz stem, which инновациялык shares.
finds 'a-innovation' kw:инновациялык
# A quoted keyword is one keyword: not the end of one and the next's start.
finds '' 'kw:"ишмердүүлүк мугалим"'
finds 'b-library' 'title:"мектеп китепканасы"'
# A phrase between ASCII quotes is required of the partial matches too;
# between typographic quotes (pasted text) it only ranks them.
every() {
    "$BIN/izde-search" --db "$TMP/db" --json --limit 50 "$@" >"$TMP/out" 2>"$TMP/err" &&
        json_paths "$TMP/out" | sed 's/\.txt$//' | sort | tr '\n' ' '
}
got=$(every '"мектеп китепканасы"' тарбия)
[ "$got" = "b-library " ] && pass || fail "a required phrase: '$got'"
got=$(every '«мектеп китепканасы»' тарбия)
case $got in *b-library*d-upbringing*) pass ;; *) fail "a pasted phrase only ranks: '$got'" ;; esac
finds '' 'title:"китепканасы мектеп"'
finds 'b-library d-upbringing' title:мектеп
# ишмердүүлүк is in c's abstract, not its keywords.
finds 'a-innovation c-language' ишмердүүлүк
finds 'c-language' ишмердүүлүк -kw:ишмердүүлүк
# Years in every form, from the running header.
finds 'a-innovation b-library' year:2019..2021
finds 'b-library d-upbringing' year:..2019
finds 'c-language' year:2022..
finds 'a-innovation' year:2021
finds 'b-library d-upbringing' мектеп year:..2020
# УДК: a code finds the codes under it, not another that starts alike.
finds 'a-innovation d-upbringing' udc:37
finds 'a-innovation' udc:37.015
finds 'c-language' udc:811.512
# A field is required of every tier: no partial match lacks it.
"$BIN/izde-search" --db "$TMP/db" --json мектеп тарбия author:Осмонов >"$TMP/out" 2>"$TMP/err"
got=$(json_paths "$TMP/out" | tr '\n' ' ')
[ "$got" = "b-library.txt " ] && pass || fail "мектеп тарбия author:Осмонов found '$got'"

# Bad syntax: exit 2, and the message points at the character.
expect_exit 2 "unbalanced parenthesis" "$BIN/izde-search" --db "$TMP/db" мектеп '(китеп'
expect_grep "query: unbalanced '(' at character 8" "$TMP/err" "unbalanced parenthesis"
expect_exit 2 "backwards years" "$BIN/izde-search" --db "$TMP/db" мектеп year:2024..2020
expect_grep "'year:2024..2020' at character 8 runs backwards" "$TMP/err" "backwards years"
expect_exit 2 "trailing AND" "$BIN/izde-search" --db "$TMP/db" мектеп AND
expect_grep "'AND' at character 8 has nothing after it" "$TMP/err" "trailing AND"
expect_exit 2 "empty field" "$BIN/izde-search" --db "$TMP/db" title:
expect_grep "'title:' at character 1 needs a value" "$TMP/err" "empty field"
# In a batch the line is skipped with its message; the others run.
printf 'q1\tмектеп (\nq2\tkw:тарбия\n' >"$TMP/queries.tsv"
expect_exit 0 "batch with bad syntax" "$BIN/izde-search" --db "$TMP/db" --batch "$TMP/queries.tsv"
expect_grep "queries.tsv:1: query 'q1' skipped: unbalanced '(' at character 8" "$TMP/err" "batch"
expect_grep "^q2 Q0 .*d-upbringing.txt 1 " "$TMP/out" "batch"
finish
