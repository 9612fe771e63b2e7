/* helper.h - the parent side of the izde-extract helper: PDF, ZIP-based documents and scans are read in a child process that serves one file after another, so that a crash, hang or memory hunger costs one file. */
#ifndef IZDE_EXTRACT_HELPER_H
#define IZDE_EXTRACT_HELPER_H

#include <stddef.h>
#include "common/status.h"
#include "extract/extract.h"
#include "extract/outcome.h"

/* Has x's helper (started on first use, and again after a crash, a
 * time-out or IX_HELPER_FILES files) read the file at path, a PDF (format
 * "pdf"), a ZIP-based document ("zip") or a scan ("image"), and takes its
 * answer: the text into x->raw, the
 * metadata, notes and page count into x, its fate and reason into o. A
 * helper that crashed, timed out, answered too much or speaks another
 * protocol version fails the file with a reason. Returns IZDE_OK or the
 * status that stopped the reading (IZDE_ERR_NOMEM: this process). */
izde_status_t ix_helper_run(struct ix_extract *x, const char *path, const char *format,
                            size_t max_bytes, struct ix_outcome *o);

/* Ends x's helper, if it has one running (ix_extract_release does). */
void ix_helper_stop(struct ix_extract *x);

/* Whether x reads scans by OCR: a build with Tesseract, and languages
 * given (--no-ocr gives none). */
int ix_ocr_on(const struct ix_extract *x);

#endif
