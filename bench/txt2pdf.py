#!/usr/bin/python3
"""txt2pdf.py - lays out text files as A4 PDFs with a Cyrillic font, in one or two columns, for bench/pdf_bench.sh.

    txt2pdf.py SRC_DIR OUT_DIR

Every SRC_DIR/**/*.txt becomes OUT_DIR/**/*.pdf: DejaVu Sans 10 pt, 64
lines a column, a form feed starts a new page. Files alternate in sorted
order between one column (lines wrapped at 95 characters) and two columns
(45 characters each, the left one read first), as journals print them.
Prints "files=N pages=P bytes=B two_column=T" (B: the PDFs' total size).

tests/tools/mkpdf draws only its fixed test pages (doc, article, scan, ...);
none takes given text, and the benchmark must not change C code, so this
drives the same library (cairo) through ctypes: no pycairo needed.
"""
import ctypes
import os
import sys
import textwrap

WIDTH, HEIGHT = 595.0, 842.0  # A4 in points
MARGIN, LEADING, PER_PAGE = 56.0, 11.5, 64
WIDE, NARROW, GUTTER = 95, 45, 20.0  # characters a line; points between columns


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


def pages_of(text, width, columns):
    """The text's lines, wrapped at width, cut into pages of columns columns
    (a list of columns, each a list of lines); a form feed forces a page."""
    pages = []
    per_page = PER_PAGE * columns
    for block in text.split("\f"):
        lines = []
        for line in block.split("\n"):
            lines.extend(textwrap.wrap(line, width) or [""])
        for i in range(0, max(len(lines), 1), per_page):
            page = lines[i:i + per_page]
            pages.append([page[c * PER_PAGE:(c + 1) * PER_PAGE] for c in range(columns)])
    return pages


def write_pdf(cairo, src, dst, columns):
    width = WIDE if columns == 1 else NARROW
    column_width = (WIDTH - 2 * MARGIN - GUTTER) / 2 + GUTTER
    with open(src, encoding="utf-8") as f:
        pages = pages_of(f.read(), width, columns)
    surface = cairo.cairo_pdf_surface_create(dst.encode(), WIDTH, HEIGHT)
    cr = cairo.cairo_create(surface)
    cairo.cairo_select_font_face(cr, b"DejaVu Sans", 0, 0)
    cairo.cairo_set_font_size(cr, 10.0)
    for page in pages:
        for c, column in enumerate(page):
            for i, line in enumerate(column):
                if line:
                    cairo.cairo_move_to(cr, MARGIN + c * column_width, MARGIN + LEADING * (i + 1))
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
    files = pages = size = two = 0
    for d, dirs, names in os.walk(src_dir):
        dirs.sort()
        for name in sorted(n for n in names if n.endswith(".txt")):
            rel = os.path.relpath(os.path.join(d, name), src_dir)
            dst = os.path.join(out_dir, rel[:-4] + ".pdf")
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            columns = 1 + files % 2
            pages += write_pdf(cairo, os.path.join(d, name), dst, columns)
            size += os.path.getsize(dst)
            two += columns == 2
            files += 1
    print(f"files={files} pages={pages} bytes={size} two_column={two}")


if __name__ == "__main__":
    main()
