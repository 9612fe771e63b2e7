# ocr.sh - scans read by OCR: a PDF of page images and a PNG made here from our own sentences, found by a Kyrgyz word with ү ө ң and a Russian one, and a two-page TIFF; a text layer of U+FFFD is read by OCR instead; the cache spares a second --full run the OCR, a half-written cache entry is not read back; --no-ocr and a build without Tesseract skip them as before.
. "$(dirname "$0")/lib.sh"
in=$TMP/in
mkdir -p "$in"

# A build without Tesseract (cmake -DIZDE_OCR=OFF, or none installed) keeps
# the old refusal.
if "$BIN/izde-index" --help | grep -q "this build has no OCR"; then
    "$TOOLS/mkpdf" "$in/scan.pdf" scan || fail "mkpdf scan"
    expect_exit 0 "index a scan without OCR" "$BIN/izde-index" --db "$TMP/db" "$in"
    expect_grep "skipping '$in/scan.pdf': no text layer (scanned?), 1 page$" "$TMP/err" \
        "no OCR built in"
    finish
    exit
fi

# Making the scans needs pdftoppm and img2pdf; reading them, Tesseract's
# Kyrgyz and Russian models.
models=$(ls ${TESSDATA_PREFIX:-/nonexistent} /usr/share/tesseract-ocr/*/tessdata 2>/dev/null)
for need in kir rus eng; do
    if ! grep -qx "$need.traineddata" <<<"$models"; then
        echo "SKIP: no Tesseract model '$need' (tesseract-ocr-$need)"
        exit 77
    fi
done
for tool in pdftoppm img2pdf; do
    command -v "$tool" >/dev/null || { echo "SKIP: no $tool"; exit 77; }
done

"$TOOLS/mkpdf" "$TMP/words.pdf" words || fail "mkpdf words"
pdftoppm -r 200 -png "$TMP/words.pdf" "$TMP/page" || fail "pdftoppm"
img2pdf -o "$in/scan.pdf" "$TMP"/page-1.png || fail "img2pdf"
cp "$TMP/page-1.png" "$in/photo.png"
# A text PDF beside them: its pages are not read by OCR.
"$TOOLS/mkpdf" "$in/text.pdf" doc || fail "mkpdf doc"

db=$TMP/db
expect_exit 0 "index scans" "$BIN/izde-index" --db "$db" --log "$TMP/log1" "$in"
cp "$TMP/err" "$TMP/err1"
expect_grep "2 pages OCR'd, 0 from cache" "$TMP/err1" "summary counts OCR'd pages"
expect_no_grep "skipping" "$TMP/err1" "no scan skipped"

# Each OCR'd file's pages, time and confidence in --log; the text PDF has none.
python3 - "$TMP/log1" "$in" <<'PY' || fail "--log OCR figures"
import json, sys
rows = {json.loads(l)["path"].rsplit("/", 1)[-1]: json.loads(l) for l in open(sys.argv[1])}
for name in ("scan.pdf", "photo.png"):
    r = rows[name]
    assert r["action"] == "added", r
    assert r["ocr_pages"] == 1 and r["ocr_cached"] == 0, r
    assert r["ocr_ms"] > 0 and 50 <= r["ocr_conf"] <= 100, r
    # and each page's own: the scan's one page is the file's figures
    assert r["ocr_each"] == [{"page": 1, "ms": r["ocr_ms"], "conf": r["ocr_conf"]}], r
assert "ocr_pages" not in rows["text.pdf"], rows["text.pdf"]
PY

# Found by a Kyrgyz word with ң ү ө, by its keyboard-folded spelling, and by
# a Russian word.
for q in "мөңгүлүү" "монгулуу" "библиотека" "грамматику"; do
    expect_exit 0 "search $q" "$BIN/izde-search" --db "$db" --json "$q"
    json_paths "$TMP/out" | sort >"$TMP/paths"
    expect_grep "^scan.pdf$" "$TMP/paths" "scan found by '$q'"
    expect_grep "^photo.png$" "$TMP/paths" "image found by '$q'"
done

# --full reads every file again, but not the scans: the cache has them.
expect_exit 0 "full rebuild" "$BIN/izde-index" --db "$db" --full --log "$TMP/log2" "$in"
expect_grep "2 pages OCR'd, 2 from cache" "$TMP/err" "second run from the cache"
expect_grep '"ocr_pages":0,"ocr_cached":1' "$TMP/log2" "--log says cached"
expect_grep '"ocr_each":\[{"page":1,"cached":true,"conf":[0-9]*}\]' "$TMP/log2" "--log says which page was cached"
expect_exit 0 "search after --full" "$BIN/izde-search" --db "$db" --json "мөңгүлүү"
json_paths "$TMP/out" | sort >"$TMP/paths"
expect_grep "^scan.pdf$" "$TMP/paths" "scan found from cached text"

# The entry is named by the file's SHA-256, languages and resolution. One
# cut short, as a kill -9 in the middle of a plain write would leave it, is
# not read back: the file is read by OCR again.
key=$(sha256sum "$in/scan.pdf" | cut -d' ' -f1).kir+rus+eng.300
entry=$db/ocr-cache/$key
if [ -f "$entry" ]; then pass; else fail "cache entry $key missing"; fi
head -c 60 "$entry" >"$TMP/half" && cp "$TMP/half" "$entry"
expect_exit 0 "full rebuild, half entry" "$BIN/izde-index" --db "$db" --full "$in"
expect_grep "2 pages OCR'd, 1 from cache" "$TMP/err" "half entry read by OCR again"
expect_grep "^end$" "$entry" "entry written whole again"

# --ocr-cache elsewhere; other languages are another entry.
expect_exit 0 "own cache, Russian only" "$BIN/izde-index" --db "$TMP/db2" --ocr-cache "$TMP/cache" \
    --ocr-languages rus "$in"
expect_grep "2 pages OCR'd, 0 from cache" "$TMP/err" "other languages read anew"
if ls "$TMP/cache" | grep -q '\.rus\.300$'; then pass; else fail "no rus entry in --ocr-cache"; fi
# A language without a model fails each scan, naming it; the rest is indexed.
expect_exit 1 "no model" "$BIN/izde-index" --db "$TMP/db5" --ocr-languages zzz "$in"
expect_grep "cannot index '$in/scan.pdf': no Tesseract model for 'zzz'" "$TMP/err" "missing model named"
expect_grep "1 indexed, 0 skipped, 2 failed" "$TMP/err" "text PDF indexed without the model"
expect_exit 2 "bad --ocr-languages" "$BIN/izde-index" --db "$TMP/db2" --ocr-languages "kir;rm" "$in"

# A text layer that is not text is not trusted: the page is read by OCR
# (its sentences are drawn as outlines). garbled: replacement characters;
# mojibake: Windows-1251 Russian read through a Latin-1 font map, all
# accented Latin ("Áèáëèîòåêà") where the image holds Cyrillic.
for kind in garbled mojibake; do
    mkdir -p "$TMP/$kind"
    "$TOOLS/mkpdf" "$TMP/$kind/$kind.pdf" "$kind" || fail "mkpdf $kind"
    expect_exit 0 "index a $kind text layer" "$BIN/izde-index" --db "$TMP/db-$kind" "$TMP/$kind"
    expect_grep "1 page OCR'd" "$TMP/err" "$kind page read by OCR"
    expect_exit 0 "search $kind" "$BIN/izde-search" --db "$TMP/db-$kind" --json "мөңгүлүү"
    json_paths "$TMP/out" >"$TMP/paths"
    expect_grep "^$kind.pdf$" "$TMP/paths" "$kind PDF found by its image's words"
done

# A blank page (no text, no image) is not rendered for OCR: there is
# nothing to read, and Tesseract would take a tenth of a second to say so.
mkdir -p "$TMP/blank"
"$TOOLS/mkpdf" "$TMP/blank/blank.pdf" blank || fail "mkpdf blank"
expect_exit 0 "index a PDF with a blank page" "$BIN/izde-index" --db "$TMP/dbb" "$TMP/blank"
expect_no_grep "OCR'd" "$TMP/err" "blank page not read by OCR"
expect_grep "1 indexed" "$TMP/err" "the PDF with a blank page indexed"

# A TIFF of two pages (written by Pillow, where it is installed: an optional
# dependency) is two pages, separated as PDF pages are.
if /usr/bin/python3 -c 'import PIL' 2>/dev/null; then
    mkdir -p "$TMP/tiff"
    /usr/bin/python3 - "$TMP/page-1.png" "$TMP/tiff/two.tif" <<'PY' || fail "writing a TIFF"
import sys
from PIL import Image
a = Image.open(sys.argv[1]).convert("L")
b = a.crop((0, 0, a.width, a.height // 4))
a.save(sys.argv[2], save_all=True, append_images=[b], dpi=(200, 200), compression="tiff_lzw")
PY
    expect_exit 0 "index a two-page TIFF" "$BIN/izde-index" --db "$TMP/dbt" --log "$TMP/logt" \
        "$TMP/tiff"
    expect_grep '"ocr_pages":2' "$TMP/logt" "both TIFF pages read"
    expect_exit 0 "search TIFF" "$BIN/izde-search" --db "$TMP/dbt" --json "библиотека"
    json_paths "$TMP/out" >"$TMP/paths"
    expect_grep "^two.tif$" "$TMP/paths" "TIFF found"
else
    echo "note: no python3-pil, the two-page TIFF is not tested"
fi

# A scanned file gets more time for each page it reads: a limit of 1 s, less
# than loading the models and reading a page take, does not stop it.
IZDE_EXTRACT_TIMEOUT=1 expect_exit 0 "scans under a 1 s limit" "$BIN/izde-index" --db "$TMP/db4" \
    --ocr-cache "$TMP/cache4" "$in"
expect_grep "2 pages OCR'd, 0 from cache" "$TMP/err" "scan time added per page"

# --no-ocr: scans are skipped with the old messages.
expect_exit 0 "--no-ocr" "$BIN/izde-index" --db "$TMP/db3" --no-ocr "$in"
expect_grep "skipping '$in/scan.pdf': no text layer (scanned?), 1 page$" "$TMP/err" "--no-ocr pdf"
expect_grep "skipping '$in/photo.png': unsupported format: PNG image" "$TMP/err" "--no-ocr png"
expect_no_grep "OCR'd" "$TMP/err" "--no-ocr reads nothing"

finish
