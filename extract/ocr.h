/* ocr.h - the text of a page image, read by Tesseract (run only inside izde-extract, built with IZDE_HAVE_OCR). */
#ifndef IZDE_EXTRACT_OCR_H
#define IZDE_EXTRACT_OCR_H

#include <stddef.h>
#include "common/buf.h"
#include "common/status.h"

/* One Tesseract engine with its language models loaded. Loading takes
 * about 0.3 s, so a process keeps one and reads every page with it. */
typedef struct ix_ocr ix_ocr_t;

/* Loads the models of langs ("kir+rus+eng": Tesseract's names joined by
 * '+') from Tesseract's own data folder ($TESSDATA_PREFIX or the system's).
 * OUT: *out, or NULL and *errmsg (malloc'ed, the caller frees) naming the
 * languages. Returns IZDE_OK, IZDE_ERR_NOT_FOUND when a model is missing,
 * IZDE_ERR_NOMEM. */
izde_status_t ix_ocr_new(const char *langs, ix_ocr_t **out, char **errmsg);
void ix_ocr_free(ix_ocr_t *t);

/* What reading one image gave. */
struct ix_ocr_page {
    int conf;               /* Tesseract's mean word confidence, 0-100 */
    int stopped;            /* the time limit stopped it: the text is partial */
    double ms;              /* time taken */
};

/* Reads an 8-bit grey image (w x h pixels, stride bytes a row, 0 black)
 * scanned at dpi and appends its text to out, giving up after limit_ms.
 * Returns IZDE_OK (also when stopped), IZDE_ERR_ENCODING when Tesseract
 * cannot read the image, IZDE_ERR_NOMEM. */
izde_status_t ix_ocr_grey(ix_ocr_t *t, const unsigned char *px, int w, int h, int stride,
                          int dpi, unsigned limit_ms, struct izde_buf *out,
                          struct ix_ocr_page *pg);

/* The pages of an image file (PNG, JPEG, TIFF: a multi-page TIFF has
 * several). Returns IZDE_OK, IZDE_ERR_ENCODING when leptonica cannot read
 * it. */
izde_status_t ix_ocr_image_pages(const char *path, unsigned *pages);

/* Reads page i (from 0) of the image file at path, as ix_ocr_grey does. */
izde_status_t ix_ocr_image(ix_ocr_t *t, const char *path, unsigned i, unsigned limit_ms,
                           struct izde_buf *out, struct ix_ocr_page *pg);

#endif
