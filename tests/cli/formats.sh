# formats.sh - PDF, DOCX, ODT, EPUB, HTML and legacy encodings, generated here from team-written text, indexed and found by body, title and author.
. "$(dirname "$0")/lib.sh"
db=$TMP/db
in=$TMP/in
mkdir -p "$in"

# PDF: metadata, one page with a line-end hyphen, one two-column page.
"$TOOLS/mkpdf" "$in/library.pdf" doc || fail "mkpdf"

# DOCX, ODT and EPUB: zip + XML written here.
python3 - "$in" <<'PY' || fail "writing zip documents"
import sys, zipfile
d = sys.argv[1]

def write(path, files, stored_first=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        if stored_first:
            z.writestr(zipfile.ZipInfo(stored_first[0]), stored_first[1])
        for name, data in files:
            z.writestr(name, data)

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
write(f"{d}/report.docx", [
    ("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    ("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Баштапкы бөлүм</w:t></w:r></w:p>'
        '<w:p><w:r><w:t xml:space="preserve">Мугалимдердин </w:t></w:r><w:r><w:t>квалификациясы</w:t></w:r>'
        '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> жогорулатылат.</w:t></w:r></w:p>'
        '<w:p><w:r><w:delText>өчүрүлгөнсөз</w:delText></w:r></w:p>'
        '</w:body></w:document>'),
    ("word/footnotes.xml", f'<?xml version="1.0"?><w:footnotes {W}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>Шилтемедеги эскертүү текст.</w:t></w:r></w:p></w:footnote>'
        '</w:footnotes>'),
    ("docProps/core.xml", '<?xml version="1.0"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Квалификация жөнүндө отчет</dc:title>'
        '<dc:creator>Айгүл Токтогулова</dc:creator></cp:coreProperties>'),
])

T = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
     'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
write(f"{d}/lesson.odt", [
    ("content.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {T}>'
        '<office:body><office:text>'
        '<text:h text:outline-level="1">Сабактын планы</text:h>'
        '<text:p>Окуучулар <text:span>географияны</text:span> үйрөнүшөт'
        '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        '<text:note-body><text:p>Эскертмедеги тоолор.</text:p></text:note-body></text:note>'
        ' ар бир жума.</text:p>'
        '</office:text></office:body></office:document-content>'),
    ("meta.xml", '<?xml version="1.0"?><office:document-meta '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta>'
        '<dc:title>География сабагы</dc:title><meta:initial-creator>Бакыт Осмонов</meta:initial-creator>'
        '</office:meta></office:document-meta>'),
], stored_first=("mimetype", "application/vnd.oasis.opendocument.text"))

X = '<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
write(f"{d}/book.epub", [
    ("META-INF/container.xml", '<?xml version="1.0"?><container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
        '</rootfiles></container>'),
    ("OEBPS/content.opf", '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Токтогулдун ырлары</dc:title>'
        '<dc:creator>Чыңгыз Жусупов</dc:creator></metadata>'
        '<manifest><item id="a" href="text/zz%20first.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="b" href="text/aa-second.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="nav" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/></manifest>'
        '<spine><itemref idref="a"/><itemref idref="b"/></spine></package>'),
    ("OEBPS/text/zz first.xhtml", X + '<head><title>I</title></head><body><h1>Биринчи глава</h1>'
        '<p>Комуз үнү тоолордо жаңырды.</p></body></html>'),
    ("OEBPS/text/aa-second.xhtml", X + '<head><title>II</title></head><body><h1>Экинчи глава</h1>'
        '<p>Акындар айтышта жеңишке жетти.</p></body></html>'),
    ("OEBPS/nav.xhtml", X + '<body><nav>мазмундун тизмеси</nav></body></html>'),
], stored_first=("mimetype", "application/epub+zip"))

# Extension that lies: a DOCX named .pdf.
import shutil
shutil.copy(f"{d}/report.docx", f"{d}/misnamed-docx.pdf")
PY
# ...and a PDF named .txt.
cp "$in/library.pdf" "$in/misnamed-pdf.txt"

# HTML: boilerplate dropped, title and author from the head; one declared
# windows-1251; one XHTML.
cat > "$in/page.html" <<'EOF'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Мектеп жаңылыктары</title>
<meta name="author" content="Нурлан Сыдыков"><style>p { color: red }</style></head>
<body><header><nav><a href="/">Башкы бет</a> навигациямени</nav></header>
<main><article><h1>Китеп көргөзмөсү</h1><p>Мектепте китеп көргөзмөсү ачылды.</p></article></main>
<div class="sidebar">капталдагыжарнама</div>
<script>var скрипттегисөз = 1;</script>
<footer>Бардык укуктар корголгон подвалсөз</footer></body></html>
EOF
printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Объявление</title></head><body><p>Родительское собрание состоится в пятницу.</p></body></html>\n' \
    | iconv -t cp1251 > "$in/notice.htm"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>XHTML баракча</title></head><body><p>Жаратылыш таануу сабагы.</p></body></html>\n' > "$in/page.xhtml"

# Legacy encodings and UTF-16, with and without a byte-order mark.
printf 'Учебник по истории для седьмого класса.\nГлава о древних городах.\n' | iconv -t cp1251 > "$in/ru-cp1251.txt"
printf 'Методическое пособие для учителей начальных классов.\n' | iconv -t koi8-r > "$in/ru-koi8.txt"
printf 'Сборник задач по арифметике с ответами.\n' | iconv -t cp866 > "$in/ru-cp866.txt"
printf 'Мектептеги окуучулардын жайкы эс алуусу жана саякаты.\n' | iconv -t cp1251 > "$in/ky-cp1251.txt"
printf 'Өзүбүздүн тилибиздеги окуу китептери көбөйдү.\n' | iconv -t utf-16le > "$in/ky-utf16le.txt"
printf 'Өзүбүздүн жаштардын чыгармачылыгы өнүктү.\n' | iconv -t utf-16be > "$in/ky-utf16be.txt"
{ printf '\xff\xfe'; printf 'Кыргыз тилиндеги сөздүктөр басылды.\n' | iconv -t utf-16le; } > "$in/ky-utf16le-bom.txt"
{ printf '\xfe\xff'; printf 'Кыргыз тилиндеги жомоктор жыйнагы.\n' | iconv -t utf-16be; } > "$in/ky-utf16be-bom.txt"

expect_exit 0 "index all formats" "$BIN/izde-index" -q --db "$db" "$in"

# search WORD FILE DESCRIPTION: a --json search for WORD finds FILE.
search() {
    expect_exit 0 "search $1" "$BIN/izde-search" --db "$db" --json --limit 50 "$1"
    json_paths "$TMP/out" > "$TMP/paths"
    if grep -qx -- "$2" "$TMP/paths"; then pass; else fail "$3: '$1' does not find $2"; sed 's/^/  | /' "$TMP/paths" >&2; fi
}
absent() {
    expect_exit 0 "search $1" "$BIN/izde-search" --db "$db" --json --all --limit 50 "$1"
    json_paths "$TMP/out" > "$TMP/paths"
    if grep -qx -- "$2" "$TMP/paths"; then fail "$3: '$1' finds $2"; else pass; fi
}
# title_of FILE: the title izde-search --json reports for FILE (after a search).
title_is() {
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
t=[r["title"] for r in d["results"] if r["path"].endswith("/"+sys.argv[2])]
sys.exit(0 if t and t[0]==sys.argv[3] else 1)' "$TMP/out" "$1" "$2" && pass || fail "title of $1 is not '$2'"
}
encoding_is() {
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
t=[r.get("encoding") for r in d["results"] if r["path"].endswith("/"+sys.argv[2])]
sys.exit(0 if t and t[0]==sys.argv[3] else 1)' "$TMP/out" "$1" "$2" && pass || fail "encoding of $1 is not '$2'"
}

# PDF: body, title, author; the line-end hyphen repaired; pages kept.
search китепканалары library.pdf "pdf body"
search даярдыгы library.pdf "pdf hyphen repaired"
search Асанкулов library.pdf "pdf author"
search китепканалар library.pdf "pdf title"
title_is library.pdf "Айылдык мектептердеги китепканалар"
search алмабактар misnamed-pdf.txt "pdf named .txt"
# Two columns come out column by column: the left column's last word is
# followed by the right column's first line, never interleaved.
search '"алмабактар оң мамычанын"' library.pdf "two-column order"
absent '"биринчи оң мамычанын"' library.pdf "columns not interleaved"
IZDE_EXTRACT_TIMEOUT=30 "$BIN/izde-extract" -- "$in/library.pdf" > "$TMP/helper" 2>/dev/null || fail "helper"
if grep -q "$(printf '\f')" "$TMP/helper"; then pass; else fail "pages separated by form feed"; fi

# DOCX: heading, body across runs, footnote, no deleted text; metadata.
search квалификациясы report.docx "docx body"
search бөлүм report.docx "docx heading"
search эскертүү report.docx "docx footnote"
search Токтогулова report.docx "docx author"
title_is report.docx "Квалификация жөнүндө отчет"
absent өчүрүлгөнсөз report.docx "docx deleted text"
search квалификациясы misnamed-docx.pdf "docx named .pdf"

# ODT
search географияны lesson.odt "odt body"
search планы lesson.odt "odt heading"
search Эскертмедеги lesson.odt "odt footnote"
search Осмонов lesson.odt "odt author"
title_is lesson.odt "География сабагы"

# EPUB: chapters in spine order (the file names sort the other way).
search комуз book.epub "epub chapter 1"
search айтышта book.epub "epub chapter 2"
search Жусупов book.epub "epub author"
title_is book.epub "Токтогулдун ырлары"
search '"жаңырды экинчи глава"' book.epub "epub spine order"

# HTML
search көргөзмөсү page.html "html body"
search Сыдыков page.html "html author"
title_is page.html "Мектеп жаңылыктары"
absent навигациямени page.html "html nav dropped"
absent скрипттегисөз page.html "html script dropped"
absent подвалсөз page.html "html footer dropped"
absent капталдагыжарнама page.html "html sidebar dropped"
search собрание notice.htm "html declared windows-1251"
encoding_is notice.htm windows-1251
search таануу page.xhtml "xhtml"

# Encodings
search истории ru-cp1251.txt "cp1251"
encoding_is ru-cp1251.txt windows-1251
search пособие ru-koi8.txt "koi8-r"
encoding_is ru-koi8.txt KOI8-R
search арифметике ru-cp866.txt "cp866"
encoding_is ru-cp866.txt IBM866
search саякаты ky-cp1251.txt "Kyrgyz cp1251"
encoding_is ky-cp1251.txt windows-1251
search китептери ky-utf16le.txt "utf-16le"
encoding_is ky-utf16le.txt UTF-16LE
search чыгармачылыгы ky-utf16be.txt "utf-16be"
encoding_is ky-utf16be.txt UTF-16BE
search сөздүктөр ky-utf16le-bom.txt "utf-16le bom"
search жомоктор ky-utf16be-bom.txt "utf-16be bom"
encoding_is ky-utf16be-bom.txt UTF-16BE
finish
