# bad_formats.sh - broken, hostile and unsupported documents: each named with its reason, the run goes on, the good file is indexed.
. "$(dirname "$0")/lib.sh"
db=$TMP/db
in=$TMP/in
mkdir -p "$in"
printf 'Жакшы документ: мугалим жана окуучу.\n' > "$in/good.txt"

"$TOOLS/mkpdf" "$TMP/good.pdf" doc || fail "mkpdf doc"
"$TOOLS/mkpdf" "$in/scan.pdf" scan || fail "mkpdf scan"
head -c 600 "$TMP/good.pdf" > "$in/truncated.pdf"
{ printf '%%PDF-1.4\n'; head -c 4000 /dev/urandom; } > "$in/garbage.pdf"
python3 - "$in" <<'PY' || fail "writing bad documents"
import sys, zipfile, os
d = sys.argv[1]

# An encrypted PDF: the standard security handler with a user password.
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -44 >>"]
out = bytearray(b"%PDF-1.4\n")
offs = []
for i, o in enumerate(objs, 1):
    offs.append(len(out))
    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs:
    out += b"%010d 00000 n \n" % o
out += (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<" % (len(objs) + 1)
        + b"33" * 16 + b"><" + b"33" * 16 + b">] >>\nstartxref\n%d\n%%%%EOF\n" % xref)
open(f"{d}/encrypted.pdf", "wb").write(out)

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
doc = (f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>бомбадагы сөз</w:t>'
       '</w:r></w:p></w:body></w:document>')
# A ZIP bomb: 3 MB of blanks inside document.xml compress to a few KB.
with zipfile.ZipFile(f"{d}/bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", doc + " " * (3 << 20))
with zipfile.ZipFile(f"{d}/good.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", doc.replace("бомбадагы", "жакшыдагы"))
data = open(f"{d}/good.docx", "rb").read()
open(f"{d}/truncated.docx", "wb").write(data[: len(data) // 2])
# A ZIP that is none of DOCX, ODT, EPUB.
with zipfile.ZipFile(f"{d}/other.docx", "w") as z:
    z.writestr("readme.txt", "just a zip")
# An EPUB whose package file is missing.
with zipfile.ZipFile(f"{d}/broken.epub", "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
    z.writestr("META-INF/container.xml", '<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/missing.opf"/></rootfiles></container>')
# An ODT with damaged XML: what precedes the damage is kept.
with zipfile.ZipFile(f"{d}/damaged.odt", "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
    z.writestr("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>бузулгандагы сабак</text:p><text:p>&&&<<')
# Legacy formats by content under a name that lies.
open(f"{d}/legacy-doc.txt", "wb").write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(2000))
open(f"{d}/letter.rtf", "wb").write(b"{\\rtf1\\ansi hello}")
open(f"{d}/old.doc", "wb").write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(2000))
PY
# An encrypted DOCX (ZipCrypto).
(cd "$TMP" && cp "$in/good.docx" plain.docx && mkdir -p x && cd x && unzip -q ../plain.docx &&
    zip -q -P secret -r "$in/encrypted.docx" word) || fail "zip -P"
# A compressed PDF, a very large file, a broken symbolic link.
gzip -c "$TMP/good.pdf" > "$in/paper.txt.gz"
head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$in/huge.txt"
ln -s "$in/nowhere.txt" "$in/dangling.txt"

expect_exit 1 "index bad documents" "$BIN/izde-index" --max-size 1 --db "$db" "$in"
cp "$TMP/err" "$TMP/index.err"
e=$TMP/index.err
expect_grep "cannot index '$in/encrypted.pdf': encrypted PDF" "$e" "encrypted pdf"
expect_grep "cannot index '$in/garbage.pdf': corrupt or truncated PDF" "$e" "corrupt pdf"
expect_grep "skipping '$in/scan.pdf': no text layer (scanned?)" "$e" "scanned pdf"
expect_grep "'$in/truncated.pdf'" "$e" "truncated pdf named"
expect_grep "cannot index '$in/bomb.docx': 'word/document.xml' expands beyond the size cap" "$e" "zip bomb"
expect_grep "cannot index '$in/truncated.docx': corrupt or truncated ZIP archive" "$e" "truncated docx"
expect_grep "cannot index '$in/encrypted.docx': encrypted document" "$e" "encrypted docx"
expect_grep "skipping '$in/other.docx': unsupported format: ZIP archive that is not DOCX, ODT or EPUB" "$e" "other zip"
expect_grep "cannot index '$in/broken.epub': EPUB package file 'OEBPS/missing.opf' is missing" "$e" "broken epub"
expect_grep "skipping '$in/legacy-doc.txt': unsupported format: legacy Microsoft Office document" "$e" "legacy doc named .txt"
expect_grep "unsupported file type '.rtf'" "$e" "rtf by name"
expect_grep "unsupported file type '.doc'" "$e" "doc by name"
expect_grep "skipping '$in/paper.txt.gz': compressed PDF" "$e" "compressed pdf"
expect_grep "skipping '$in/huge.txt': file is larger than --max-size" "$e" "huge file"
expect_grep "cannot index '$in/dangling.txt': broken symbolic link" "$e" "broken symlink"
# One line per file: no message spans lines or leaks from a library.
if grep -v '^izde-index: ' "$e" | grep -q .; then
    fail "stray output"; sed 's/^/  | /' "$e" >&2
else
    pass
fi

expect_exit 0 "good file found" "$BIN/izde-search" --db "$db" --json окуучу
expect_grep "good.txt" "$TMP/out" "good text indexed despite the rest"
expect_exit 0 "good docx found" "$BIN/izde-search" --db "$db" --json жакшыдагы
expect_grep "good.docx" "$TMP/out" "good docx indexed"
expect_exit 0 "damaged odt" "$BIN/izde-search" --db "$db" --json бузулгандагы
expect_grep "damaged.odt" "$TMP/out" "damaged odt indexed as far as sound"
expect_exit 0 "bomb not indexed" "$BIN/izde-search" --db "$db" --json --all бомбадагы
expect_no_grep "bomb.docx" "$TMP/out" "zip bomb not indexed"

# Unreadable file (not testable as root, who reads everything).
if [ "$(id -u)" -ne 0 ]; then
    printf 'жашыруун\n' > "$TMP/secret.txt"
    chmod 000 "$TMP/secret.txt"
    expect_exit 1 "unreadable" "$BIN/izde-index" --db "$TMP/db2" "$TMP/secret.txt"
    expect_grep "cannot index '$TMP/secret.txt': Permission denied" "$TMP/err" "unreadable named"
fi

# A PDF parser that hangs or crashes costs one file: the helper is killed
# after the time limit, a crash is reported, the run goes on.
mkdir -p "$TMP/pdfs"
cp "$TMP/good.pdf" "$TMP/pdfs/a.pdf"
printf 'Мугалимдер кеңешмеси.\n' > "$TMP/pdfs/b.txt"
printf '#!/bin/sh\nsleep 60\n' > "$TMP/hang.sh"
printf '#!/bin/sh\nkill -SEGV $$\n' > "$TMP/crash.sh"
chmod +x "$TMP/hang.sh" "$TMP/crash.sh"
start=$(date +%s)
IZDE_EXTRACT_HELPER=$TMP/hang.sh IZDE_EXTRACT_TIMEOUT=2 \
    expect_exit 1 "hanging parser" "$BIN/izde-index" --db "$TMP/db3" "$TMP/pdfs"
end=$(date +%s)
expect_grep "cannot index '$TMP/pdfs/a.pdf': PDF extraction took longer than 2 s, stopped" "$TMP/err" "hang named"
expect_grep "1 indexed" "$TMP/err" "run went on after the hang"
if [ $((end - start)) -lt 30 ]; then pass; else fail "hang not cut short ($((end - start)) s)"; fi
IZDE_EXTRACT_HELPER=$TMP/crash.sh \
    expect_exit 1 "crashing parser" "$BIN/izde-index" --db "$TMP/db4" "$TMP/pdfs"
expect_grep "cannot index '$TMP/pdfs/a.pdf': PDF parser crashed (signal 11)" "$TMP/err" "crash named"
expect_grep "1 indexed" "$TMP/err" "run went on after the crash"
finish
