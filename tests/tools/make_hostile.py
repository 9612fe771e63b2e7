#!/usr/bin/env python3
"""make_hostile.py DIR SECRET_FILE - writes the hostile corpus the tests index.

Every file is generated here, so the repository holds no binary blob:
  entity.docx/.odt/.epub  the title repeats one internal entity 40,000 times
                          (about 40 MB expanded from a few KB; the real-world
                          case went to 2 GB): no nesting, so libxml2's bomb
                          guard does not fire
  laughs.docx             the billion-laughs bomb, nested entities in the body
  xxe.docx/.odt/.epub     titles and text that name SECRET_FILE as an
                          external entity: its content must never be indexed
  deep.docx/.epub/.html   a paragraph nested 300 elements deep (libxml2 stops
                          at 256) after a shallow one
  escape.epub             a chapter entry named '../escaped.txt'
  nul.txt                 Kyrgyz text with a few NUL bytes
  binary.txt              mostly NUL and control bytes: still binary
The shell test adds what Python cannot put in a ZIP: FIFOs and symlinks."""
import sys
import zipfile

d, secret = sys.argv[1], sys.argv[2]

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CP = ('xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')
OFF = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
TXT = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
DC = 'xmlns:dc="http://purl.org/dc/elements/1.1/"'


def docx(name, body, core=None, dtd=""):
    doc = (f'<?xml version="1.0"?>{dtd}<w:document {W}><w:body>{body}</w:body></w:document>')
    with zipfile.ZipFile(f"{d}/{name}", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", doc)
        if core is not None:
            z.writestr("docProps/core.xml", core)


def para(text):
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def odt(name, body, meta):
    with zipfile.ZipFile(f"{d}/{name}", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", f'<?xml version="1.0"?><office:document-content {OFF} {TXT}>'
                   f'<office:body><office:text><text:p>{body}</text:p></office:text>'
                   '</office:body></office:document-content>')
        z.writestr("meta.xml", meta)


def epub(name, opf_dtd, title, chapter, extra=None):
    with zipfile.ZipFile(f"{d}/{name}", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        z.writestr("META-INF/container.xml",
                   '<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:'
                   'container"><rootfiles><rootfile full-path="OEBPS/book.opf"/></rootfiles>'
                   '</container>')
        href = extra[0] if extra else "ch1.xhtml"
        z.writestr("OEBPS/book.opf",
                   f'<?xml version="1.0"?>{opf_dtd}<package xmlns="http://www.idpf.org/2007/opf">'
                   f'<metadata {DC}><dc:title>{title}</dc:title></metadata>'
                   f'<manifest><item id="c1" href="{href}" media-type="application/xhtml+xml"/>'
                   '</manifest><spine><itemref idref="c1"/></spine></package>')
        z.writestr("OEBPS/" + href if not extra else extra[1],
                   f'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{chapter}</p></body></html>')


# The entity repeat: 1,000 bytes, referenced 40,000 times.
REP = 40000
ent = '<!DOCTYPE r [<!ENTITY a "' + "кайталоо " * 56 + '">]>'
refs = "&a;" * REP
docx("entity.docx", para("энтитидокх сөзү"),
     f'<?xml version="1.0"?>{ent.replace("<!DOCTYPE r", "<!DOCTYPE cp:coreProperties")}'
     f'<cp:coreProperties {CP}><dc:title>{refs}</dc:title></cp:coreProperties>')
odt("entity.odt", "энтитиодт сөзү",
    f'<?xml version="1.0"?>{ent}<office:document-meta {OFF} {DC} '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta>'
    f'<dc:title>{refs}</dc:title></office:meta></office:document-meta>')
epub("entity.epub", ent, refs, "энтитиэпаб сөзү")

# Billion laughs: ten levels of ten.
lol = '<!DOCTYPE w:document [<!ENTITY l0 "лол">'
for i in range(1, 10):
    lol += f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">'
lol += "]>"
docx("laughs.docx", para("күлкүдокх сөзү") + para("&l9;"),
     f'<?xml version="1.0"?>{lol.replace("w:document", "cp:coreProperties")}'
     f'<cp:coreProperties {CP}><dc:title>&l9;</dc:title></cp:coreProperties>',
     dtd=lol)

# External entities naming a local file.
xxe = f'<!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
docx("xxe.docx", para("сырткыдокх &x;"),
     f'<?xml version="1.0"?>{xxe.replace("r [", "cp:coreProperties [")}'
     f'<cp:coreProperties {CP}><dc:title>&x;</dc:title></cp:coreProperties>',
     dtd=xxe.replace("r [", "w:document ["))
odt("xxe.odt", "сырткыодт &x;",
    f'<?xml version="1.0"?>{xxe}<office:document-meta {OFF} {DC}><office:meta>'
    '<dc:title>&x;</dc:title></office:meta></office:document-meta>')
epub("xxe.epub", xxe, "&x;", "сырткыэпаб")

# Deep nesting: the word past level 256 must not vanish without a word.
deep = "<w:sdt>" * 300 + para("терендеги сөз") + "</w:sdt>" * 300
docx("deep.docx", para("тайыздагы сөз") + deep)
divs = "<div>" * 300 + "<p>терендеги сөз</p>" + "</div>" * 300
epub("deep.epub", "", "Терең", "тайыздагыэпаб сөз</p>" + divs + "<p>")
open(f"{d}/deep.html", "w").write(
    f"<html><body><p>тайыздагыхтмл сөз</p>{divs}</body></html>")

# A chapter that names a path outside the archive's root.
epub("escape.epub", "", "Качкын", "качкынэпаб", extra=("../escaped.txt", "../escaped.txt"))

# A few NUL bytes in text (a bad copy, a UTF-16 fragment) do not make it binary.
open(f"{d}/nul.txt", "wb").write(
    "Нөлдүү текст: мугалимдер\0 жана окуучулар.\n".encode() * 20 + b"\0\0")
# Mostly NUL and control bytes: binary, skipped.
open(f"{d}/binary.txt", "wb").write(bytes(range(0, 32)) * 64 + b"abc")
