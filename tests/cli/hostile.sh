# hostile.sh - a generated hostile corpus (entity repeats, bombs, external entities, deep XML, FIFOs, symlinks, NULs, a PDF line past the crop box) indexed before good files: each bad one is named with its reason, the run goes on and ends, the good ones are found.
. "$(dirname "$0")/lib.sh"
db=$TMP/db
in=$TMP/in
h=$in/a_hostile
g=$in/z_good
mkdir -p "$h" "$g" "$TMP/outside"
printf 'сырсөзжашыруун\n' > "$TMP/secret.txt"
python3 "$SRC/tests/tools/make_hostile.py" "$h" "$TMP/secret.txt" || fail "make_hostile.py"
# A PDF page cropped at x = 400 with a line that runs past the crop: the
# lines after it are still text of the page.
"$TOOLS/mkpdf" "$h/edge.pdf" edge || fail "mkpdf edge"
python3 - "$h/edge.pdf" <<'PY' || fail "cropping edge.pdf"
import re, sys
# A CropBox inside the MediaBox (cairo has no call for it), then the xref
# table written again for the shifted objects.
p = sys.argv[1]
b = open(p, "rb").read()
b = b.replace(b"/Type /Page %", b"/Type /Page /CropBox [0 0 400 842] %", 1)
x = b.rindex(b"\nxref\n") + 1
body = b[:x]
offs = {int(m.group(1)): m.start() for m in re.finditer(rb"(?m)^(\d+) 0 obj", body)}
n = max(offs) + 1
xref = b"xref\n0 %d\n0000000000 65535 f \n" % n + b"".join(
    b"%010d 00000 n \n" % offs[i] if i in offs else b"0000000000 65535 f \n" for i in range(1, n))
trailer = re.sub(rb"startxref\s+\d+", b"startxref\n%d" % x, b[b.index(b"trailer", x):])
open(p, "wb").write(body + xref + trailer)
PY
# AddressSanitizer reserves terabytes of address space, so its builds run
# the helper without the address-space cap: no memory bound to test there.
asan=0
ldd "$BIN/izde-extract" 2>/dev/null | grep -q libasan && asan=1
if [ "$asan" -eq 0 ]; then
    # A ZIP entry that takes far more memory to parse than its size: 15 MB
    # of empty paragraphs, a node of ~140 bytes for each 6.
    python3 - "$h/heavy.docx" <<'PY' || fail "heavy.docx"
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.'
               'openxmlformats.org/wordprocessingml/2006/main"><w:body>' + "<w:p/>" * 2500000 +
               "<w:p><w:r><w:t>ауырдокх</w:t></w:r></w:p></w:body></w:document>")
PY
fi
mkfifo "$h/pipe.txt" || fail "mkfifo"
ln -s /etc/passwd "$h/passwd.txt"
ln -s loop.txt "$h/loop.txt"
ln -s nowhere.txt "$h/broken.txt"
ln -s ../z_good/good.txt "$h/inside.txt"
printf 'тышкысөз сырттагы файл\n' > "$TMP/outside/out.txt"
ln -s "$TMP/outside/out.txt" "$h/outside.txt"
# The good files come after the hostile ones in the walk.
printf 'Жакшы документ: мугалим жана окуучу.\n' > "$g/good.txt"
"$TOOLS/mkpdf" "$g/good.pdf" doc || fail "mkpdf doc"
python3 - "$g/good.docx" <<'PY' || fail "good.docx"
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.'
               'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
               "жакшыдокх сөзү</w:t></w:r></w:p></w:body></w:document>")
PY

# A hang must fail the test, not stall it.
expect_exit 1 "index the hostile corpus" timeout 120 "$BIN/izde-index" --max-memory 64 -j 2 \
    --db "$db" "$in"
cp "$TMP/err" "$TMP/index.err"
e=$TMP/index.err
for f in entity.docx entity.odt entity.epub; do
    expect_grep "warning: '$h/$f': title cut at 4 KB" "$e" "$f: title capped"
done
expect_grep "warning: '$h/deep.docx': partly extracted: 'word/document.xml' nests elements deeper than" "$e" "deep xml named"
expect_grep "warning: '$h/deep.epub': partly extracted: 'OEBPS/ch1.xhtml' nests elements deeper than" "$e" "deep chapter named"
expect_grep "warning: '$h/deep.html': partly extracted: the document nests elements deeper than" "$e" "deep html named"
if [ "$asan" -eq 1 ]; then
    nfailed=4
else
    nfailed=5
    expect_grep "cannot index '$h/heavy.docx': needs more memory than --max-memory allows" "$e" "memory bound"
fi
expect_grep "warning: '$h/nul.txt': 22 NUL bytes dropped" "$e" "NULs noted"
expect_grep "cannot index '$h/binary.txt': binary content" "$e" "binary still binary"
expect_grep "skipping '$h/pipe.txt': a FIFO (named pipe), not a regular file" "$e" "fifo skipped"
expect_grep "skipping '$h/passwd.txt': symbolic link to '/etc/passwd', outside the indexed folders (--follow-symlinks indexes it)" "$e" "link outside skipped"
expect_grep "skipping '$h/outside.txt': symbolic link to '$TMP/outside/out.txt', outside" "$e" "link outside skipped"
expect_grep "cannot index '$h/loop.txt': symbolic link loop" "$e" "loop named"
expect_grep "cannot index '$h/broken.txt': broken symbolic link" "$e" "broken link named"
expect_no_grep "'$h/inside.txt'" "$e" "link inside the root indexed quietly"
# Failed: heavy, binary, loop, broken, escape (its chapter is outside the
# archive's root, so the spine names none); skipped: the FIFO and the two
# links that lead outside.
expect_grep "izde-index: .* indexed, 3 skipped, $nfailed failed" "$e" "summary counts"
expect_grep "izde-index: 7 files indexed with warnings" "$e" "warnings counted"
# One line per file: no message spans lines or leaks from a library.
if grep -v '^izde-index: ' "$e" | grep -q .; then
    fail "stray output"; sed 's/^/  | /' "$e" >&2
else
    pass
fi
# Nothing was written outside by the EPUB entry named '../escaped.txt'.
if [ -e "$in/escaped.txt" ] || [ -e "$TMP/escaped.txt" ] || [ -e "$h/../escaped.txt" ]; then
    fail "an archive entry was written outside"
else
    pass
fi

found() {   # found WORD FILE...: a search for WORD lists each FILE
    local word=$1
    shift
    expect_exit 0 "search $word" "$BIN/izde-search" --db "$db" --json --all "$word"
    for f in "$@"; do expect_grep "$f" "$TMP/out" "$word finds $f"; done
}
not_found() {
    expect_exit 0 "search $1" "$BIN/izde-search" --db "$db" --json --all "$1"
    expect_grep '"total":0,' "$TMP/out" "$1 found nothing"
}
found окуучу good.txt inside.txt
found жакшыдокх good.docx
found китепканалары good.pdf
found энтитидокх entity.docx
found энтитиодт entity.odt
found энтитиэпаб entity.epub
found күлкүдокх laughs.docx
found сырткыдокх xxe.docx
found сырткыодт xxe.odt
found сырткыэпаб xxe.epub
found тайыздагы deep.docx
found тайыздагыэпаб deep.epub
found тайыздагыхтмл deep.html
found нөлдүү nul.txt
found четтенкийинки edge.pdf
not_found сырсөзжашыруун
not_found root
not_found тышкысөз

# Files replaced between the scan and the read: by a FIFO (whose open
# would block the run forever, the lock held) and by a link to a file
# outside. The fake helper swaps them in while the PDF before them is
# read; one job at a time keeps that order.
race=$TMP/race
mkdir -p "$race"
cp "$g/good.pdf" "$race/a.pdf"
printf 'Биринчи текст.\n' > "$race/b.txt"
printf 'Экинчи текст.\n' > "$race/c.txt"
cat > "$TMP/swap.sh" <<SH
#!/bin/sh
rm -f "$race/b.txt" "$race/c.txt"
mkfifo "$race/b.txt"
ln -s /etc/passwd "$race/c.txt"
exec "$BIN/izde-extract" "\$@"
SH
chmod +x "$TMP/swap.sh"
IZDE_EXTRACT_HELPER=$TMP/swap.sh expect_exit 0 "files swapped after the scan" \
    timeout 60 "$BIN/izde-index" -j 1 --db "$TMP/db3" "$race"
expect_grep "skipping '$race/b.txt': not a regular file any more" "$TMP/err" "fifo after the scan"
expect_grep "skipping '$race/c.txt': became a symbolic link since the scan" "$TMP/err" "link after the scan"
expect_exit 0 "search after the swap" "$BIN/izde-search" --db "$TMP/db3" --json --all root
expect_grep '"total":0,' "$TMP/out" "the swapped-in link was not followed"

# --follow-symlinks indexes a link whatever its target.
expect_exit 1 "follow symlinks" timeout 120 "$BIN/izde-index" --follow-symlinks --db "$TMP/db2" "$h"
expect_no_grep "'$h/outside.txt'" "$TMP/err" "followed link not reported"
expect_exit 0 "search followed" "$BIN/izde-search" --db "$TMP/db2" --json тышкысөз
expect_grep "outside.txt" "$TMP/out" "followed link indexed"
finish
