/* scan.h - the scanned pages of one file in the helper: which pages need OCR, the OCR cache, the engine made on first need, and what it all cost (run only inside izde-extract, built with IZDE_HAVE_OCR). */
#ifndef IZDE_EXTRACT_SCAN_H
#define IZDE_EXTRACT_SCAN_H

#include <stddef.h>
#include "common/buf.h"
#include "common/status.h"
#include "extract/extract.h"
#include "extract/ocr.h"
#include "extract/outcome.h"

/* One per helper process. The settings come from the command line; the
 * rest is per file, from ix_scan_begin to ix_scan_end. */
struct ix_scan {
    const char *langs;      /* Tesseract languages */
    unsigned dpi;           /* rendering resolution for PDF pages */
    const char *cache_dir;  /* NULL: no cache */
    int progress_fd;        /* the parent learns here how many pages will be
                               read ("ocr N\n"), to give them time; -1: none */
    ix_ocr_t *ocr;          /* made on the first page to read */
    char *key;              /* the file's cache key */
    struct izde_buf cached; /* its cache entry's records */
    struct izde_buf fresh;  /* records of the pages read this time */
    unsigned long conf_sum; /* confidences of the file's OCR'd pages */
    double ms;              /* time the file's OCR took */
};

/* Whether a page's text layer is worth indexing: it has letters or digits,
 * at most a third of its characters are U+FFFD, controls or private-use
 * characters (what a PDF without a usable font map gives), and fewer than
 * two in five of its letters and digits are Latin-1 letters (À-ÿ: what
 * Windows-1251 Cyrillic gives under a Latin-1 font map). */
int ix_scan_usable(const char *s, size_t len);

/* Starts on the file at path, of which pages (indexes from 0, n of them)
 * need OCR: loads its cache entry, tells the parent how many are left to
 * read and raises this process's CPU limit to match. Returns IZDE_OK, or
 * fails o (the file cannot be read again, no memory). */
izde_status_t ix_scan_begin(struct ix_scan *s, const char *path, const unsigned *pages,
                            size_t n, struct ix_outcome *o);

/* Appends page's text to x->text from the cache; returns 1, or 0 when the
 * cache does not have it. */
int ix_scan_from_cache(struct ix_scan *s, unsigned page, struct ix_extract *x);

/* Reads page of the file with OCR and appends its text to x->text: an 8-bit
 * grey image (w x h, stride bytes a row) rendered at s->dpi, or, when px is
 * NULL, page of the image file at path. Returns IZDE_OK (a page stopped by
 * the time limit says so in x->notes), or fails o: no model for the
 * languages, an image leptonica cannot read, no memory. */
izde_status_t ix_scan_read(struct ix_scan *s, unsigned page, const unsigned char *px, int w,
                           int h, int stride, const char *path, struct ix_extract *x,
                           struct ix_outcome *o);

/* Ends the file: stores the pages read this time in the cache (a cache that
 * cannot be written is a note, not a failure) and finishes x's OCR figures. */
void ix_scan_end(struct ix_scan *s, struct ix_extract *x);

/* The text of an image file (PNG, JPEG, TIFF of one or more pages), its
 * pages separated by '\f'. Fails o when leptonica cannot read it. */
izde_status_t ix_scan_image(struct ix_scan *s, const char *path, size_t max_bytes,
                            struct ix_extract *x, struct ix_outcome *o);

/* Frees the engine and the buffers. */
void ix_scan_release(struct ix_scan *s);

#endif
