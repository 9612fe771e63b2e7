#!/usr/bin/env bash
# Installs, with apt-get, whatever Izde needs to build and test that is missing.
set -euo pipefail

# Build: compilers, CMake, Xapian, ICU, zlib. Tests: xapian-tools (xapian-check,
# xapian-tcpsrv), python3 for the JSON checks.
packages=(build-essential g++ cmake pkg-config libxapian-dev libicu-dev zlib1g-dev
          xapian-tools python3
          # Document formats: PDF (poppler), DOCX/ODT/EPUB/HTML (libxml2, libzip);
          # tests draw their PDFs with cairo and zip their DOCX with zip.
          libpoppler-glib-dev libxml2-dev libzip-dev libcairo2-dev zip fonts-dejavu-core
          # OCR of scans (Tesseract with its Kyrgyz, Russian and English models);
          # tests/cli/ocr.sh makes its scans with pdftoppm and img2pdf.
          libtesseract-dev tesseract-ocr-kir tesseract-ocr-rus tesseract-ocr-eng
          poppler-utils img2pdf
          # Man pages (docs/man/*.scd); the Debian package and its test
          # (tests/cli/package.sh: dpkg-buildpackage, lintian).
          scdoc dpkg-dev debhelper fakeroot lintian
          # izde-web: libmicrohttpd; its tests use curl and a real browser
          # (chromium headless, driven by chromium-driver and selenium).
          libmicrohttpd-dev curl chromium chromium-driver python3-selenium
          # izde-search --format: its test reads the citations back with
          # real parsers (tests/cli/cite.sh).
          python3-bibtexparser python3-citeproc)
# Only for measuring: against Snowball (bench/) and the shared eval tools; and
# bench/run.sh (SQLite FTS5, omindex, /usr/bin/time) and bench/profile.sh (perf).
optional=(libstemmer-dev python3-xapian python3-stemmer
          sqlite3 libsqlite3-dev xapian-omega time linux-perf
          # bench/web_load.sh
          wrk
          # bench/pdf_bench.sh: Recoll's indexer against ours on the same PDFs
          recoll
          # scripts/ocr/make_scans.py: noise, skew and JPEG artefacts
          python3-pil)

missing=()
for p in "${packages[@]}" "${optional[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
