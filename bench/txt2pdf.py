#!/usr/bin/python3
"""txt2pdf.py - lays out text files as one-column A4 PDFs with a Cyrillic font, for bench/pdf_bench.sh.

    txt2pdf.py SRC_DIR OUT_DIR

Every SRC_DIR/**/*.txt becomes OUT_DIR/**/*.pdf: DejaVu Sans 10 pt, lines
wrapped at 95 characters, 64 lines a page, a form feed starts a new page.
Prints "files=N pages=P bytes=B" (B: the PDFs' total size).

tests/tools/mkpdf draws only its fixed test pages (doc, article, scan, ...);
none takes given text, and the benchmark must not change C code, so this
drives the same library (cairo) through ctypes: no pycairo needed.
"""
import ctypes
import os
import sys
import textwrap

WIDTH, HEIGHT = 595.0, 842.0  # A4 in points
MARGIN, LEADING, PER_PAGE, COLUMNS = 56.0, 11.5, 64, 95


def load_cairo():
    lib = ctypes.CDLL("libcairo.so.2")
    lib.cairo_pdf_surface_create.restype = ctypes.c_void_p
    lib.cairo_pdf_surface_create.argtypes = [ctypes.c_char_p, ctypes.c_double, ctypes.c_double]
    lib.cairo_create.restype = ctypes.c_void_p
    lib.cairo_create.argtypes = [ctypes.c_void_p]
    lib.cairo_select_font_face.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_int]
    lib.cairo_set_font_size.argtypes = [ctypes.c_void_p, ctypes.c_double]
    lib.cairo_move_to.argtypes = [ctypes.c_void_p, ctypes.c_double, ctypes.c_double]
    lib.cairo_show_text.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    for name in ("cairo_show_page", "cairo_destroy", "cairo_surface_finish", "cairo_surface_destroy"):
        getattr(lib, name).argtypes = [ctypes.c_void_p]
    lib.cairo_status.argtypes = [ctypes.c_void_p]
    lib.cairo_surface_status.argtypes = [ctypes.c_void_p]
    return lib


def pages_of(text):
    """The text's lines, wrapped, cut into pages; a form feed forces a page."""
    pages = []
    for block in text.split("\f"):
        lines = []
        for line in block.split("\n"):
            lines.extend(textwrap.wrap(line, COLUMNS) or [""])
        pages.extend(lines[i:i + PER_PAGE] for i in range(0, max(len(lines), 1), PER_PAGE))
    return pages


def write_pdf(cairo, src, dst):
    with open(src, encoding="utf-8") as f:
        pages = pages_of(f.read())
    surface = cairo.cairo_pdf_surface_create(dst.encode(), WIDTH, HEIGHT)
    cr = cairo.cairo_create(surface)
    cairo.cairo_select_font_face(cr, b"DejaVu Sans", 0, 0)
    cairo.cairo_set_font_size(cr, 10.0)
    for page in pages:
        for i, line in enumerate(page):
            if line:
                cairo.cairo_move_to(cr, MARGIN, MARGIN + LEADING * (i + 1))
                cairo.cairo_show_text(cr, line.encode("utf-8"))
        cairo.cairo_show_page(cr)
    status = cairo.cairo_status(cr)
    cairo.cairo_destroy(cr)
    cairo.cairo_surface_finish(surface)
    status = status or cairo.cairo_surface_status(surface)
    cairo.cairo_surface_destroy(surface)
    if status:
        sys.exit(f"txt2pdf.py: cairo status {status} writing '{dst}' from '{src}'")
    return len(pages)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: txt2pdf.py SRC_DIR OUT_DIR")
    src_dir, out_dir = sys.argv[1], sys.argv[2]
    cairo = load_cairo()
    files = pages = size = 0
    for d, _, names in os.walk(src_dir):
        for name in sorted(n for n in names if n.endswith(".txt")):
            rel = os.path.relpath(os.path.join(d, name), src_dir)
            dst = os.path.join(out_dir, rel[:-4] + ".pdf")
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            pages += write_pdf(cairo, os.path.join(d, name), dst)
            size += os.path.getsize(dst)
            files += 1
    print(f"files={files} pages={pages} bytes={size}")


if __name__ == "__main__":
    main()
