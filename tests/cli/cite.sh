# cite.sh - results a librarian can use: each hit's article fields and page in text and JSON, the PDF opened at the page of the words, and --format bibtex|ris|csl-json read back by real parsers.
. "$(dirname "$0")/lib.sh"

# Debian's python3 has the parsers (python3-bibtexparser, python3-citeproc)
# even where another python3 comes first in PATH.
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3

# pycheck NAME FILE: runs the Python on stdin with FILE as sys.argv[1]; each
# line it prints is "ok" or "FAIL: ...".
pycheck() {
    local name=$1 file=$2 line
    while IFS= read -r line; do
        case $line in
            ok) pass ;;
            *) fail "$name: $line" ;;
        esac
    done < <("$PY" - "$file" 2>&1 || echo "FAIL: python exited $?")
}

# The fixtures, written for this test: a three-page journal article as a
# PDF (footers "Вестник КНУ 2021 № 3 113".."115"; зергерчилик only on page
# 3), the same kind of article as pdftotext writes it (pages at form
# feeds), and a plain note in a folder whose name has a space.
lib=$TMP/lib
mkdir -p "$lib/эскертүүлөр 1"
"$TOOLS/mkpdf" "$lib/article.pdf" article || fail "mkpdf"
{
    printf 'УДК 37.016\n\nКИЙИЗ БАСУУНУН САБАКТАРЫ\n\nТөрөбекова А.Б.\n'
    printf 'Ош мамлекеттик университети, Ош ш.\n\n'
    printf 'Кыскача мазмуну: Макалада кийиз басуу сабактары каралат.\n'
    printf 'Негизги сөздөр: кийиз, өнөр.\n\nКириш сөз. Кийиз басуу илгертен келе жатат.\n\n'
    printf 'Илим жана билим 2020 № 2 41\n\f'
    printf 'Негизги бөлүк. Шырдак жасоо ыкмалары окуучуларга көрсөтүлдү.\n\n'
    printf 'Илим жана билим 2020 № 2 42\n'
} >"$lib/kiyiz.txt"
printf 'Эскертүү: зергерчилик боюнча кружок бейшембиде болот.\n' >"$lib/эскертүүлөр 1/note.txt"
expect_exit 0 "index" "$BIN/izde-index" --db "$TMP/db" -j 1 "$lib"
"$BIN/izde-meta" "$lib/article.pdf" >"$TMP/meta.json"
expect_grep '"pages":{"first":113,"last":115}' "$TMP/meta.json" "the PDF's printed pages"

search() {
    "$BIN/izde-search" --db "$TMP/db" "$@" >"$TMP/out" 2>"$TMP/err"
}

# Text: the fields' line, the printed page of the words, the PDF's page on
# the path; a plain file looks as before.
NO_COLOR=1 search зергерчилик
expect_grep '^   Асанова Г.Т., Осмонов К.Т. · 2021 · Вестник КНУ, № 3 · p. 115$' "$TMP/out" "fields line"
expect_grep "^   $lib/article.pdf#page=3  score" "$TMP/out" "PDF opened at the page of the word"
expect_grep "^   $lib/эскертүүлөр 1/note.txt  score" "$TMP/out" "plain file's path"
[ "$(grep -c ' · ' "$TMP/out")" = 1 ] && pass || fail "a fields line for the plain note"
NO_COLOR=1 search шырдак
expect_grep '^   Төрөбекова А.Б. · 2020 · Илим жана билим, № 2 · p. 42$' "$TMP/out" "text article's printed page"
expect_no_grep '#page=' "$TMP/out" "no #page for a file that is not a PDF"
NO_COLOR=1 search колөнөрчүлүк
expect_grep "article.pdf#page=1  score" "$TMP/out" "a word on the first page"

# JSON: every field, typed.
search --json зергерчилик
pycheck json "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
r = {x["path"].rsplit("/", 1)[-1]: x for x in d["results"]}
a, n = r.get("article.pdf", {}), r.get("note.txt", {})
want = {"authors": ["Асанова Г.Т.", "Осмонов К.Т."], "year": 2021, "journal": "Вестник КНУ",
        "issue": "3", "udc": "37.015.3", "pages": {"first": 113, "last": 115},
        "keywords": ["колөнөрчүлүк", "мектеп", "мугалим"], "page": 3, "page_last": 3,
        "printed_page": 115, "printed_last": 115, "lang": "ky"}
for k, v in want.items():
    print("ok" if a.get(k) == v else "FAIL: article %s is %r, expected %r" % (k, a.get(k), v))
print("ok" if a.get("abstract", "").startswith("Макалада айылдык") else "FAIL: abstract %r" % a.get("abstract"))
print("ok" if a.get("snippet") and a.get("title") else "FAIL: old keys missing")
extra = set(n) & (set(want) | {"abstract"})
print("ok" if n and extra == {"lang"} else "FAIL: the note has %r" % sorted(extra))
PY

# BibTeX, read by bibtexparser: one entry per hit, every field back as
# written; the note is a @misc of its title and URL.
search --format bibtex зергерчилик
cp "$TMP/out" "$TMP/hits.bib"
pycheck bibtex "$TMP/hits.bib" <<'PY'
import sys
try:
    import bibtexparser
except ImportError:
    print("FAIL: no bibtexparser: install python3-bibtexparser (scripts/install-deps.sh)")
    sys.exit()
text = open(sys.argv[1], encoding="utf-8").read()
db = bibtexparser.loads(text)
print("ok" if len(db.entries) == text.count("\n@") + text.startswith("@") == 2 else
      "FAIL: %d entries parsed from %d" % (len(db.entries), text.count("@")))
e = {x["ENTRYTYPE"]: x for x in db.entries}
a, m = e.get("article", {}), e.get("misc", {})
want = {"title": "КОЛӨНӨРЧҮЛҮК САБАКТАРЫНЫН МЕКТЕПТЕГИ ОРДУ",
        "author": "Асанова, Г.Т. and Осмонов, К.Т.", "journal": "Вестник КНУ", "year": "2021",
        "number": "3", "pages": "113--115", "keywords": "колөнөрчүлүк, мектеп, мугалим",
        "udc": "37.015.3", "language": "ky"}
for k, v in want.items():
    print("ok" if a.get(k) == v else "FAIL: @article %s is %r, expected %r" % (k, a.get(k), v))
print("ok" if a.get("url", "").startswith("file:///") and a["url"].endswith("/article.pdf") else
      "FAIL: url %r" % a.get("url"))
print("ok" if m.get("title") == "Эскертүү: зергерчилик боюнча кружок бейшембиде болот." and
      "/%D1%8D%D1%81%D0%BA" in m.get("url", "") and "%201/note.txt" in m.get("url", "") else
      "FAIL: @misc %r" % m)
print("ok" if a.get("ID") != m.get("ID") else "FAIL: one key for two entries")
PY

# RIS, checked strictly: every line "XX  - value", each record from TY to
# ER, only tags of the RIS specification, one AU a person.
search --format ris зергерчилик
pycheck ris "$TMP/out" <<'PY'
import re, sys
tags = {"TY", "ID", "TI", "AU", "PY", "T2", "IS", "SP", "EP", "DO", "KW", "AB", "CN", "LA", "UR", "ER"}
records, cur = [], None
for i, line in enumerate(open(sys.argv[1], encoding="utf-8").read().split("\n"), 1):
    if line == "" and cur is None:
        continue
    m = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
    if not m or m.group(1) not in tags:
        print("FAIL: line %d is not a RIS tag line: %r" % (i, line))
        continue
    tag, val = m.groups()
    if (tag == "TY") != (cur is None):
        print("FAIL: line %d: %s %s a record" % (i, tag, "inside" if cur is not None else "outside"))
        continue
    if tag == "TY":
        cur = {"TY": [val]}
    elif tag == "ER":
        print("ok" if val == "" else "FAIL: ER with a value")
        records.append(cur)
        cur = None
    else:
        print("ok" if val and val == val.strip() else "FAIL: line %d: empty or padded value" % i)
        cur.setdefault(tag, []).append(val)
print("ok" if cur is None and len(records) == 2 else "FAIL: %d records, last open: %r" % (len(records), cur))
j = [r for r in records if r["TY"] == ["JOUR"]]
g = [r for r in records if r["TY"] == ["GEN"]]
print("ok" if len(j) == 1 and len(g) == 1 else "FAIL: types %r" % [r["TY"] for r in records])
if j:
    j = j[0]
    want = {"AU": ["Асанова, Г.Т.", "Осмонов, К.Т."], "PY": ["2021"], "T2": ["Вестник КНУ"],
            "IS": ["3"], "SP": ["113"], "EP": ["115"], "KW": ["колөнөрчүлүк", "мектеп", "мугалим"],
            "CN": ["37.015.3"]}
    for k, v in want.items():
        print("ok" if j.get(k) == v else "FAIL: JOUR %s is %r, expected %r" % (k, j.get(k), v))
PY

# CSL-JSON: an array of CSL items, and (python3-citeproc) a bibliography
# rendered from it.
search --format csl-json зергерчилик
pycheck csl "$TMP/out" <<'PY'
import json, sys
items = json.load(open(sys.argv[1], encoding="utf-8"))
print("ok" if isinstance(items, list) and len(items) == 2 else "FAIL: not an array of 2: %r" % items)
t = {i.get("type"): i for i in items}
a, d = t.get("article-journal", {}), t.get("document", {})
want = {"title": "КОЛӨНӨРЧҮЛҮК САБАКТАРЫНЫН МЕКТЕПТЕГИ ОРДУ",
        "author": [{"family": "Асанова", "given": "Г.Т."}, {"family": "Осмонов", "given": "К.Т."}],
        "issued": {"date-parts": [[2021]]}, "container-title": "Вестник КНУ", "issue": "3",
        "page": "113-115", "keyword": "колөнөрчүлүк, мектеп, мугалим", "call-number": "37.015.3"}
for k, v in want.items():
    print("ok" if a.get(k) == v else "FAIL: item %s is %r, expected %r" % (k, a.get(k), v))
print("ok" if set(d) == {"id", "type", "title", "URL", "language"} else "FAIL: document %r" % d)
print("ok" if len({i.get("id") for i in items}) == 2 else "FAIL: ids %r" % [i.get("id") for i in items])
try:
    from citeproc import (Citation, CitationItem, CitationStylesBibliography,
                          CitationStylesStyle, formatter)
    from citeproc.source.json import CiteProcJSON
except ImportError:
    print("note: no python3-citeproc: not rendered", file=sys.stderr)
    sys.exit()
bib = CitationStylesBibliography(CitationStylesStyle("harvard1", validate=False),
                                 CiteProcJSON(items), formatter.plain)
for i in items:
    bib.register(Citation([CitationItem(i["id"])]))
out = "\n".join(str(e) for e in bib.bibliography())
print("ok" if "Асанова, Г.Т. & Осмонов, К.Т., 2021. КОЛӨНӨРЧҮЛҮК" in out and "pp.113–115" in out else
      "FAIL: citeproc rendered %r" % out)
PY

# izde-web links a PDF hit at the page of its words, and its API carries
# the same fields as --json.
if command -v curl >/dev/null; then
    "$BIN/izde-web" --listen 127.0.0.1:0 --threads 1 --db "$TMP/db" 2>"$TMP/web.log" &
    web=$!
    for _ in $(seq 1 100); do
        grep -q "listening on" "$TMP/web.log" && break
        sleep 0.1
    done
    url=$(sed -n 's/^izde-web: listening on \(http:[^ ]*\)\/$/\1/p' "$TMP/web.log")
    curl -s "$url/?q=%D0%B7%D0%B5%D1%80%D0%B3%D0%B5%D1%80%D1%87%D0%B8%D0%BB%D0%B8%D0%BA" >"$TMP/page.html"
    expect_grep '<a href="/doc/[0-9]*#page=3">' "$TMP/page.html" "izde-web links the PDF at page 3"
    curl -s "$url/api/search?q=%D0%BA%D0%B8%D0%B9%D0%B8%D0%B7" >"$TMP/api.json"
    expect_grep '"authors":\["Төрөбекова А.Б."\],"year":2020,' "$TMP/api.json" "izde-web's API fields"
    kill "$web"
    wait "$web" 2>/dev/null
else
    echo "note: no curl: izde-web not checked" >&2
fi

# No hits: valid empty output; a format that does not exist is a usage error.
search --format csl-json жоккелбессөз
[ "$(cat "$TMP/out")" = "[]" ] && pass || fail "no hits: csl-json is not []: $(cat "$TMP/out")"
search --format bibtex жоккелбессөз
[ -s "$TMP/out" ] && fail "no hits: bibtex is not empty" || pass
expect_exit 2 "--format xml" "$BIN/izde-search" --db "$TMP/db" --format xml мектеп
expect_grep "text, json, bibtex, ris or csl-json" "$TMP/err" "the formats named"
finish
