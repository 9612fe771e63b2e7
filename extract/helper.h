/* helper.h - the parent side of the izde-extract helper: PDF and ZIP-based documents are parsed in a child process, so that a crash, hang or memory hunger costs one file. */
#ifndef IZDE_EXTRACT_HELPER_H
#define IZDE_EXTRACT_HELPER_H

#include <stddef.h>
#include "common/status.h"
#include "extract/extract.h"
#include "extract/outcome.h"

/* Runs the helper on the file at path, a PDF (format "pdf") or a ZIP-based
 * document ("zip"), and takes its answer: the text into x->raw, the
 * metadata, notes and page count into x, its fate and reason into o. A
 * helper that crashed, timed out, answered too much or speaks another
 * protocol version fails the file with a reason. Returns IZDE_OK or the
 * status that stopped the reading (IZDE_ERR_NOMEM: this process). */
izde_status_t ix_helper_run(struct ix_extract *x, const char *path, const char *format,
                            size_t max_bytes, struct ix_outcome *o);

/* Whether x reads scans by OCR: a build with Tesseract, and languages
 * given (--no-ocr gives none). */
int ix_ocr_on(const struct ix_extract *x);

#endif
