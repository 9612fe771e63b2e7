#!/usr/bin/env bash
# make_seeds.sh - writes the binary seed inputs of the fuzz targets into
# OUTDIR/<target>/: gzip and zlib streams, DOCX, ODT and EPUB containers,
# texts in legacy Cyrillic encodings and UTF-16/32. They are generated, not
# committed, and the same on every run (fixed timestamps). The text seeds
# are committed in fuzz/corpus/.
#
# Usage: fuzz/make_seeds.sh OUTDIR
# Needs python3 (a test dependency already); without it, says so and makes
# nothing, and the replay tests run the committed seeds only.
set -euo pipefail
out=${1:?usage: make_seeds.sh OUTDIR}
if ! command -v python3 >/dev/null; then
    echo "make_seeds: python3 not found, no generated seeds" >&2
    exit 0
fi
mkdir -p "$out"
python3 - "$out" <<'PY'
import gzip, io, os, struct, sys, zipfile, zlib

out = sys.argv[1]

def put(target, name, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

# fuzz_extract: the first byte picks the file name extension (fuzz_extract.c);
# 'A' + index, as in the committed seeds.
EXT = {".txt": 0, ".txt.gz": 1, ".pdf": 2, ".docx": 3, ".odt": 4, ".html": 5,
       ".epub": 6, ".md": 7, ".htm": 8, ".xhtml": 9, ".md.gz": 10, ".gz": 11, "": 12}
def extract(name, ext, data):
    put("fuzz_extract", name, bytes([ord("A") + EXT[ext]]) + data)

KY = ("Инновациялык ишмердүүлүк мектептин өнүгүшүнө таасир этет. Мугалим-\n"
      "дердин иш-аракети «жаңы технологиялар» менен байланышкан.\n\n"
      "Окуучулардын 85% ийгиликтүү, 12,5 пайызы — орто.\n")
RU = ("Педагогическая инновация: опыт школ Бишкека. Учите-\n"
      "ля кое-как справляются, ёлка «Ёжик» 2023 года.\n")
EN = "Innovative teaching in Kyrgyz schools, co-\noperation and self-assessment.\n"

def zmeta(zi_name, data, compress=zipfile.ZIP_DEFLATED):
    zi = zipfile.ZipInfo(zi_name, date_time=(2024, 1, 1, 0, 0, 0))
    zi.compress_type = compress
    return zi, data

def make_zip(entries):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        for name, data, *rest in entries:
            zi, d = zmeta(name, data.encode() if isinstance(data, str) else data, *rest)
            z.writestr(zi, d)
    return b.getvalue()

def gz(data):
    return gzip.compress(data, mtime=0)

# gzip-compressed text
extract("gz_ky.bin", ".txt.gz", gz(KY.encode()))
extract("gz_md.bin", ".md.gz", gz(("# Сабак\n\n" + RU).encode()))
extract("gz_repeat.bin", ".gz", gz(("аба " * 20000).encode()))
extract("gz_truncated.bin", ".txt.gz", gz(KY.encode())[:40])
extract("gz_binary.bin", ".txt.gz", gz(bytes(range(256))))
extract("gz_twice.bin", ".txt.gz", gz(gz(EN.encode())))
extract("gz_concat.bin", ".txt.gz", gz(KY.encode()) + gz(EN.encode()))

# legacy encodings and UTF-16/32, as plain text files
for name, enc, bom in [("cp1251", "cp1251", b""), ("koi8r", "koi8_r", b""),
                       ("cp866", "cp866", b""), ("iso88595", "iso8859_5", b""),
                       ("utf16le_bom", "utf-16-le", b"\xff\xfe"),
                       ("utf16be", "utf-16-be", b""),
                       ("utf32le_bom", "utf-32-le", b"\xff\xfe\x00\x00")]:
    text = RU if enc not in ("utf-16-le", "utf-16-be", "utf-32-le") else KY
    data = bom + text.encode(enc, errors="replace")
    extract("enc_" + name + ".bin", ".txt", data)
    put("fuzz_charset", name + ".bin", data)
put("fuzz_charset", "maccyr.bin", RU.encode("mac_cyrillic"))
put("fuzz_charset", "cp1251_short.bin", "Мектеп".encode("cp1251"))

# DOCX
CT = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"><Override PartName="/word/document.xml" ContentType="application/'
      'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DOC = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'
       '<w:p><w:r><w:t>Инновациялык ишмердүүлүк</w:t></w:r></w:p>'
       '<w:p><w:r><w:t xml:space="preserve">Мугалим-</w:t><w:br/><w:t>дердин иш</w:t>'
       '<w:noBreakHyphen/><w:t>аракети</w:t><w:tab/><w:t>85%</w:t></w:r>'
       '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
       '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>таблица</w:t></w:r></w:p></w:tc>'
       '<w:tc><w:p><w:r><w:t>ячейка</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
       '</w:body></w:document>')
FOOT = (f'<?xml version="1.0"?><w:footnotes {W}><w:footnote w:type="separator" w:id="0">'
        '<w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r>'
        '<w:t>Шилтеме: Бишкек, 2023.</w:t></w:r></w:p></w:footnote></w:footnotes>')
CORE = ('<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
        'package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>Мектеп жана инновация</dc:title>'
        '<dc:creator>Асанов А.</dc:creator><dcterms:created>2023-05-01T00:00:00Z'
        '</dcterms:created></cp:coreProperties>')
docx = make_zip([("[Content_Types].xml", CT), ("word/document.xml", DOC),
                 ("word/footnotes.xml", FOOT), ("docProps/core.xml", CORE)])
extract("docx.bin", ".docx", docx)
extract("docx_truncated.bin", ".docx", docx[:len(docx) // 2])
extract("docx_badxml.bin", ".docx", make_zip([("word/document.xml", DOC[:-30])]))
extract("docx_stored.bin", ".docx",
        make_zip([("word/document.xml", DOC, zipfile.ZIP_STORED)]))
extract("xlsx.bin", ".docx", make_zip([("xl/workbook.xml", "<workbook/>")]))
extract("zip_other.bin", ".odt", make_zip([("readme.txt", EN)]))

# ODT
ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/"')
CONTENT = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}>'
           '<office:body><office:text><text:h>Педагогика</text:h>'
           '<text:p>Учите-<text:line-break/>ля<text:s text:c="3"/>и<text:tab/>ученики'
           '<text:note><text:note-body><text:p>Примечание</text:p></text:note-body>'
           '</text:note></text:p><table:table><table:table-row><table:table-cell>'
           '<text:p>1</text:p></table:table-cell></table:table-row></table:table>'
           '</office:text></office:body></office:document-content>')
META = (f'<?xml version="1.0"?><office:document-meta {ODT_NS}><office:meta>'
        '<dc:title>Педагогика</dc:title><meta:initial-creator>Иванов</meta:initial-creator>'
        '</office:meta></office:document-meta>')
MT = "application/vnd.oasis.opendocument.text"
extract("odt.bin", ".odt", make_zip([("mimetype", MT, zipfile.ZIP_STORED),
                                     ("content.xml", CONTENT), ("meta.xml", META)]))
extract("odt_nocontent.bin", ".odt", make_zip([("mimetype", MT, zipfile.ZIP_STORED)]))
extract("ods.bin", ".odt", make_zip([("mimetype", "application/vnd.oasis.opendocument."
                                      "spreadsheet", zipfile.ZIP_STORED)]))

# EPUB
CONTAINER = ('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:'
             'opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf"'
             ' media-type="application/oebps-package+xml"/></rootfiles></container>')
OPF = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
       '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Окуу китеби</dc:title>'
       '<dc:creator>Жолдошев</dc:creator></metadata><manifest>'
       '<item id="c1" href="ch1.xhtml" media-type="application/xhtml+xml"/>'
       '<item id="c2" href="sub/ch2.xhtml" media-type="application/xhtml+xml"/>'
       '<item id="missing" href="nope.xhtml" media-type="application/xhtml+xml"/>'
       '</manifest><spine><itemref idref="c1"/><itemref idref="c2"/><itemref idref="missing"/>'
       '<itemref idref="c1"/></spine></package>')
CH = ('<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
      '<head><title>{0}</title><style>p {{}}</style></head><body><h1>{0}</h1><p>{1}</p>'
      '<script>var x = "<p>";</script></body></html>')
epub = make_zip([("mimetype", "application/epub+zip", zipfile.ZIP_STORED),
                 ("META-INF/container.xml", CONTAINER), ("OEBPS/content.opf", OPF),
                 ("OEBPS/ch1.xhtml", CH.format("Биринчи бөлүм", KY)),
                 ("OEBPS/sub/ch2.xhtml", CH.format("Экинчи", "окуу&amp;китеп &#1186; &nbsp;"))])
extract("epub.bin", ".epub", epub)
extract("epub_nocontainer.bin", ".epub",
        make_zip([("mimetype", "application/epub+zip", zipfile.ZIP_STORED)]))
extract("epub_escape.bin", ".epub", make_zip([
    ("mimetype", "application/epub+zip", zipfile.ZIP_STORED),
    ("META-INF/container.xml", CONTAINER.replace("OEBPS/content.opf", "../../etc/x.opf"))]))

# HTML in legacy encodings
extract("html_cp1251.bin", ".html",
        ('<html><head><meta charset="windows-1251"><title>Мектеп</title></head>'
         '<body><p>' + RU + '</p></body></html>').encode("cp1251", errors="replace"))
extract("html_koi8.bin", ".htm",
        ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
         '</head><body>' + RU + '</body></html>').encode("koi8_r", errors="replace"))

# Text targets: what cannot be committed as text (invalid UTF-8, BOMs, NUL).
BROKEN = [
    ("bom.bin", b"\xef\xbb\xbf" + KY.encode()),
    ("bom_twice.bin", b"\xef\xbb\xbf\xef\xbb\xbf" + RU.encode()),
    ("truncated_seq.bin", "мектеп".encode()[:-1] + b" " + "иш-".encode() + b"\xd2"),
    ("stray_cont.bin", b"\x80\xbf " + "ишмердүүлүк".encode() + b" \xc0\xaf \xed\xa0\x80"),
    ("overlong.bin", b"\xe0\x80\xaf \xf0\x80\x80\xaf \xf4\x90\x80\x80 \xf8\x88\x80\x80\x80"),
    ("latin1.bin", "caf\u00e9 na\u00efve \u00abquote\u00bb".encode("latin-1")),
    ("nul.bin", "иш\x00аракет \"phrase\x00\" -\x00x".encode()),
    ("cp1251_in_utf8.bin", "Мектеп ".encode() + "Мектеп".encode("cp1251") + b"-\n" +
        "тин".encode()),
    ("utf16_as_text.bin", "Иш-\nаракет жана мектеп".encode("utf-16-le")),
    ("lone_quote_bad.bin", b"\xc2\xab \xc2 \xe2\x80 \xe2\x80\x9c\xe2\x80"),
]
for target in ("fuzz_analyze", "fuzz_query", "fuzz_dehyphen", "fuzz_charset"):
    for name, data in BROKEN:
        put(target, name, data)
for name, data in BROKEN:
    extract("text_" + name, ".txt", data)

# fuzz_docdata: records as izde_docdata_encode writes them (docdata.c).
def field(tag, data):
    n, v = len(data), b""
    while True:
        v += bytes([(n & 0x7F) | (0x80 if n > 0x7F else 0)])
        n >>= 7
        if not n:
            break
    return tag.encode() + v + data

def record(path, title, text, enc=b"UTF-8", lang=b"ky", extra=b""):
    r = b"IZD1" + field("p", path) + field("t", title)
    if enc is not None:
        r += field("e", enc)
    if lang is not None:
        r += field("l", lang)
    r += field("s", b"1234") + field("m", b"1700000000") + field("n", str(len(text)).encode())
    return r + extra + field("z", zlib.compress(text, 1))

put("fuzz_docdata", "ky.bin", record("/lib/ky.txt".encode(), "Инновация".encode(), KY.encode()))
put("fuzz_docdata", "empty.bin", record(b"/e", b"", b"", enc=None, lang=None))
put("fuzz_docdata", "unknown_tag.bin", record(b"/u", b"U", b"abc", extra=field("x", b"later")))
put("fuzz_docdata", "long.bin", record(b"/l" * 100, b"T", ("аба " * 5000).encode()))
bad = bytearray(record(b"/b", b"B", EN.encode()))
bad[-3] ^= 0xFF
put("fuzz_docdata", "bad_adler.bin", bytes(bad))
put("fuzz_docdata", "huge_len.bin", b"IZD1p" + b"\xff" * 8 + b"\x7f")
put("fuzz_docdata", "huge_n.bin", record(b"/h", b"H", b"abc").replace(b"n\x013", b"n\x0a4000000000"))
extract("fake_zip.bin", ".docx", b"PK\x03\x04 not really a zip\n")
extract("fake_gzip.bin", ".txt", b"\x1f\x8b\x08\x00 not really gzip\n")
extract("fake_pdf.bin", ".txt", b"%PDF-1.7\n\x00\x01 broken")
put("fuzz_docdata", "wrong_n.bin", record(b"/w", b"W", b"abc").replace(b"n\x013", b"n\x019"))
PY
n=$(find "$out" -type f | wc -l)
echo "make_seeds: $n seeds in $out" >&2
