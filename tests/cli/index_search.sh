# index_search.sh - end to end: index corpus-samples/, search it, check results and formats.
. "$(dirname "$0")/lib.sh"
db=$TMP/db

expect_exit 0 "index corpus-samples" "$BIN/izde-index" --db "$db" "$SRC/corpus-samples"
expect_grep "15 indexed, 0 skipped, 0 failed" "$TMP/err" "index summary"

# The smallest memory cap commits and reads in small steps, and indexes the
# same: a search ranks the same documents with the same scores.
expect_exit 0 "index with --max-memory 64" "$BIN/izde-index" --db "$TMP/db-small" -j 3 --max-memory 64 "$SRC/corpus-samples"
expect_grep "15 indexed, 0 skipped, 0 failed" "$TMP/err" "index summary, --max-memory 64"
expect_exit 0 "search default index" "$BIN/izde-search" --db "$db" --limit 20 мугалим
cp "$TMP/out" "$TMP/out-default"
expect_exit 0 "search --max-memory index" "$BIN/izde-search" --db "$TMP/db-small" --limit 20 мугалим
cmp -s "$TMP/out" "$TMP/out-default" && pass || fail "--max-memory 64 index ranks differently"
# Files larger than the cap's share for files in flight are read one at a
# time, in order, by three threads: this once deadlocked.
mkdir -p "$TMP/large"
for k in $(seq 1 20); do
    for r in $(seq 1 60); do cat "$SRC"/corpus-samples/*.txt; done > "$TMP/large/part$k.txt"
done
expect_exit 0 "large files under --max-memory 64" timeout 120 "$BIN/izde-index" --db "$TMP/db-large" -j 3 --max-memory 64 "$TMP/large"
expect_grep "20 indexed, 0 skipped, 0 failed" "$TMP/err" "large files indexed"

# The seed query of the project finds the article about it first.
expect_exit 0 "search seed query" "$BIN/izde-search" --db "$db" --json инновациялык ишмердүүлүк
json_paths "$TMP/out" > "$TMP/paths"
[ "$(head -1 "$TMP/paths")" = ky-innovation-teacher.txt ] && pass || fail "seed query top hit: $(head -1 "$TMP/paths")"

# JSON shape: query, total, results with rank, path, title, score, snippet.
python3 - "$TMP/out" <<'PY' && pass || fail "JSON shape"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["query"] == "инновациялык ишмердүүлүк", d["query"]
assert isinstance(d["total"], int) and d["total"] >= 1
r = d["results"][0]
for k in ("rank", "path", "title", "score", "snippet", "partial"):
    assert k in r, k
assert r["rank"] == 1 and r["title"] == "Мугалимдин инновациялык ишмердүүлүгү", r
assert "ишмердүүлүгү" in r["snippet"]
words = {r["snippet"].encode()[a:b].decode() for a, b in r["highlights"]}
assert words <= {"инновациялык", "Инновациялык", "ишмердүүлүгү", "ишмердүүлүк"}, words
assert "ишмердүүлүгү" in words, words
PY

# Text output: rank, title, path, score and a snippet with [marked] matches.
expect_exit 0 "text output" "$BIN/izde-search" --db "$db" мектеп китепканасы
expect_grep "^1\. Мектеп китепканасынын ролу" "$TMP/out" "text output title"
expect_grep "ky-school-library.txt  score" "$TMP/out" "text output path and score"
expect_grep "\[китепканасы\]" "$TMP/out" "text output highlight"

# An inflected form finds the other forms of the word (Kyrgyz stemming).
mkdir -p "$TMP/only-inflected"
printf 'Жаңы мектеп\n\nМугалимдердин инновациялык ишмердүүлүгүн колдоо керек.\n' > "$TMP/only-inflected/a.txt"
expect_exit 0 "index inflected doc" "$BIN/izde-index" --db "$TMP/db2" "$TMP/only-inflected"
expect_exit 0 "search inflected doc" "$BIN/izde-search" --db "$TMP/db2" --json инновациялык ишмердүүлүк
expect_grep '"path":"[^"]*/a.txt"' "$TMP/out" "inflected form found"

# Russian words, gzip files, Markdown files, numbers.
expect_exit 0 "russian query" "$BIN/izde-search" --db "$db" --json --all реформа образования
[ "$(json_paths "$TMP/out" | sed -n 1p)" = ru-school-reform.txt ] && pass || fail "russian query top hit"
expect_exit 0 "gzip document" "$BIN/izde-search" --db "$db" --json колдоо программасын
[ "$(json_paths "$TMP/out" | sed -n 1p)" = ky-rural-schools.txt.gz ] && pass || fail "gzip doc top hit"
expect_exit 0 "number" "$BIN/izde-search" --db "$db" --json 2023
[ "$(json_paths "$TMP/out" | sed -n 1p)" = trilingual-math-olympiad.txt ] && pass || fail "number search"

# Hyphenated compounds: the whole and its parts.
expect_exit 0 "compound whole" "$BIN/izde-search" --db "$db" --json --all социалдык-педагогикалык
[ "$(json_paths "$TMP/out" | sed -n 1p)" = ky-teacher-ethics.md ] && pass || fail "compound whole"
expect_exit 0 "compound part" "$BIN/izde-search" --db "$db" --json --all социалдык
[ "$(json_paths "$TMP/out" | sed -n 1p)" = ky-teacher-ethics.md ] && pass || fail "compound part"

# Phrases and exclusions. A phrase match ranks first; documents with the
# words apart follow only as partial matches, and --all drops them.
expect_exit 0 "phrase" "$BIN/izde-search" --db "$db" --json --all '"кесиптик этикасы"'
[ "$(json_paths "$TMP/out")" = ky-teacher-ethics.md ] && pass || fail "phrase: $(json_paths "$TMP/out" | tr '\n' ' ')"
# Phrases match on each word's phrase key (its first letters), so an
# inflected phrase finds the text's form, in order only.
expect_exit 0 "inflected phrase" "$BIN/izde-search" --db "$db" --json --all '"кесиптик этикага"'
[ "$(json_paths "$TMP/out")" = ky-teacher-ethics.md ] && pass || fail "inflected phrase: $(json_paths "$TMP/out" | tr '\n' ' ')"
# Stop words have no positions: a phrase steps over them, and only there.
expect_exit 0 "phrase over a stop word" "$BIN/izde-search" --db "$db" --json --all '"этикасы анын окуучуларга"'
[ "$(json_paths "$TMP/out")" = ky-teacher-ethics.md ] && pass || fail "phrase over a stop word: $(json_paths "$TMP/out" | tr '\n' ' ')"
expect_exit 0 "phrase gap" "$BIN/izde-search" --db "$db" --json --all '"этикасы окуучуларга"'
[ -z "$(json_paths "$TMP/out")" ] && pass || fail "phrase matched across a missing word"
expect_exit 0 "phrase order" "$BIN/izde-search" --db "$db" --json --all '"этикасы кесиптик"'
[ -z "$(json_paths "$TMP/out")" ] && pass || fail "reversed phrase matched"
# Between ASCII quotes a phrase is required, of partial matches too;
# between typographic ones (pasted text) its words still find partial
# matches.
expect_exit 0 "required phrase" "$BIN/izde-search" --db "$db" --json '"этикасы кесиптик"'
[ -z "$(json_paths "$TMP/out")" ] && pass || fail "a required phrase matched partly"
expect_exit 0 "phrase words partial" "$BIN/izde-search" --db "$db" --json '«этикасы кесиптик»'
python3 - "$TMP/out" <<'PY' && pass || fail "phrase words as partial matches"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["results"] and all(r["partial"] for r in d["results"]), d
assert any(r["path"].endswith("ky-teacher-ethics.md") for r in d["results"]), d
PY
expect_exit 0 "exclusion" "$BIN/izde-search" --db "$db" --json --limit 50 мугалим -этикасы
json_paths "$TMP/out" > "$TMP/paths"
grep -q ky-teacher-ethics.md "$TMP/paths" && fail "excluded doc returned" || pass
grep -q ky-innovation-teacher.txt "$TMP/paths" && pass || fail "exclusion dropped too much"

# All-words matches first, partial matches after and marked; --all drops them.
expect_exit 0 "partial" "$BIN/izde-search" --db "$db" --json китепкана zzzzqqq
python3 - "$TMP/out" <<'PY' && pass || fail "partial matches marked"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["results"] and all(r["partial"] for r in d["results"]), d
PY
expect_exit 0 "all only" "$BIN/izde-search" --db "$db" --json --all китепкана zzzzqqq
[ -z "$(json_paths "$TMP/out")" ] && pass || fail "--all returned partial matches"

# Paging runs through complete and then partial matches without a gap.
"$BIN/izde-search" --db "$db" --json --limit 10 мектеп китепканасы > "$TMP/all.json"
"$BIN/izde-search" --db "$db" --json --limit 3 --offset 2 мектеп китепканасы > "$TMP/page.json"
python3 - "$TMP/all.json" "$TMP/page.json" <<'PY' && pass || fail "paging"
import json, sys
full = json.load(open(sys.argv[1]))["results"]
page = json.load(open(sys.argv[2]))["results"]
key = lambda r: (r["rank"], r["path"], r["partial"])
assert [key(r) for r in page] == [key(r) for r in full[2:5]], (page, full)
assert not full[0]["partial"] and full[1]["partial"], full
PY

# Lenient syntax never fails.
for q in '"мектеп китепканасы' '«кесиптик этикасы»' 'мектеп -' '- -- мектеп' '„мектеп“' '"' ; do
    expect_exit 0 "lenient '$q'" "$BIN/izde-search" --db "$db" -- "$q" мектеп
done

# Reindexing replaces: the same number of documents afterwards.
"$BIN/izde-search" --db "$db" --json --limit 100 мектеп > "$TMP/before.json"
expect_exit 0 "reindex" "$BIN/izde-index" --db "$db" "$SRC/corpus-samples"
"$BIN/izde-search" --db "$db" --json --limit 100 мектеп > "$TMP/after.json"
[ "$(json_paths "$TMP/before.json" | sort)" = "$(json_paths "$TMP/after.json" | sort)" ] && pass || fail "reindex changed results"
[ "$(json_paths "$TMP/after.json" | sort | uniq -d)" = "" ] && pass || fail "duplicates after reindex"

# Batch mode: TREC lines; a bad line does not stop the batch.
printf 'q1\tмектеп китепканасы\nbad line without tab\nq2\tреформа образования\nq3\t!!!\n' > "$TMP/queries.tsv"
expect_exit 0 "batch" "$BIN/izde-search" --db "$db" --batch "$TMP/queries.tsv" --limit 3
expect_grep "^q1 Q0 .*/ky-school-library.txt 1 [0-9.]* izde$" "$TMP/out" "batch q1"
expect_grep "^q2 Q0 .*/ru-school-reform.txt 1 [0-9.]* izde$" "$TMP/out" "batch q2"
expect_grep "queries.tsv:2: expected qid<TAB>query" "$TMP/err" "batch bad line"
expect_no_grep "a query mean" "$TMP/err" "batch: no timings unless asked"
# -v: the time a query took, over the two queries searched (not the bad
# line, not the one without words), in order: median <= p99 <= slowest.
expect_exit 0 "batch -v" "$BIN/izde-search" -v --db "$db" --batch "$TMP/queries.tsv" --limit 3
expect_grep "^izde-search: 2 queries of '.*queries.tsv' in [0-9]* ms: a query mean [0-9.]* ms, median [0-9.]* ms, p99 [0-9.]* ms, slowest [0-9.]* ms$" \
    "$TMP/err" "batch -v timings"
sed -n 's/.*mean \([0-9.]*\) ms, median \([0-9.]*\) ms, p99 \([0-9.]*\) ms, slowest \([0-9.]*\) ms$/\1 \2 \3 \4/p' "$TMP/err" |
    awk 'NR == 1 { ok = $2 <= $3 && $3 <= $4 && $1 <= $4 && $1 > 0 } END { exit !(NR == 1 && ok) }' &&
    pass || fail "batch -v: no times, or out of order"
cmp -s <("$BIN/izde-search" --db "$db" --batch "$TMP/queries.tsv" --limit 3 2>/dev/null) "$TMP/out" && pass ||
    fail "batch -v changed the run lines"

finish
