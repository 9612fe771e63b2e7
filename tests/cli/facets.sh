# facets.sh - izde-search --facets counts an article's fields over the matches, --sort orders them by year.
. "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/docs"
write_article "$TMP/docs/a.txt" ВЕСТНИК 2019 37.015.3 'Асанова Г.Т.' 'инновация, мектеп'
write_article "$TMP/docs/b.txt" ВЕСТНИК 2021 373.1 'Асанова Г.Т.' 'мектеп'
write_article "$TMP/docs/c.txt" ИЗВЕСТИЯ 2016 811.512 'Осмонов К.Т.' 'Мектеп, тил'
# A plain note with no article fields: matched, but counted in no facet
# but its language, and last whichever way the years go.
printf 'Мугалим мектепке барды, үйүнө келди.\n' >"$TMP/docs/note.txt"
expect_exit 0 "index" "$BIN/izde-index" --db "$TMP/db" "$TMP/docs"

expect_exit 0 "facets" "$BIN/izde-search" --db "$TMP/db" --facets year,author,kw,journal,lang,udc мугалим
expect_grep '^year: 2016 (1), 2019 (1), 2021 (1)$' "$TMP/out" "one count a year"
expect_grep '^author: Асанова Г.Т. (2), Осмонов К.Т. (1)$' "$TMP/out" "each author of a list counted"
# Lower-cased, so that "Мектеп" and "мектеп" are one keyword.
expect_grep '^kw: мектеп (3), инновация (1), тил (1)$' "$TMP/out" "keywords"
expect_grep '^journal: ВЕСТНИК (2), ИЗВЕСТИЯ (1)$' "$TMP/out" "journals"
expect_grep '^lang: ky (4)$' "$TMP/out" "languages"
expect_grep '^udc: 37 (1), 373 (1), 811 (1)$' "$TMP/out" "УДК top levels"

# Counts follow the query: only the documents with every word.
expect_exit 0 "facets of a narrower query" "$BIN/izde-search" --db "$TMP/db" --facets kw --json тил
python3 - "$TMP/out" <<'EOF' && pass || fail "facets of тил are those of c alone"
import json, sys
d = json.load(open(sys.argv[1]))
got = {f["value"]: f["count"] for f in d["facets"]["kw"]}
sys.exit(0 if got == {"мектеп": 1, "тил": 1} else print(got) or 1)
EOF

order() {
    "$BIN/izde-search" --db "$TMP/db" --json "$@" мугалим >"$TMP/out" &&
        json_paths "$TMP/out" | tr '\n' ' '
}
got=$(order --sort date)
[ "$got" = "c.txt a.txt b.txt note.txt " ] && pass || fail "--sort date: $got"
got=$(order --sort -date)
[ "$got" = "b.txt a.txt c.txt note.txt " ] && pass || fail "--sort -date: $got"

expect_exit 2 "unknown facet" "$BIN/izde-search" --db "$TMP/db" --facets year,color мугалим
expect_grep "facets" "$TMP/err" "the message names the option"
expect_exit 2 "unknown order" "$BIN/izde-search" --db "$TMP/db" --sort size мугалим

finish
