/* readers.h - the readers that run inside the izde-extract helper (helper_main.c), where a parser's crash costs one file. */
#ifndef IZDE_EXTRACT_READERS_H
#define IZDE_EXTRACT_READERS_H

#include <stddef.h>
#include "common/status.h"
#include "extract/extract.h"
#include "extract/outcome.h"

/* DOCX, ODT or EPUB at path (a ZIP archive), in this process. Decompressed
 * sizes are capped (see IX_ZIP_RATIO); other ZIP formats are refused as
 * unsupported. */
izde_status_t ix_extract_zip(struct ix_extract *x, const char *path, size_t max_bytes,
                             struct ix_outcome *o);

struct ix_scan;

/* PDF at path, in this process; its text is capped at max_bytes (over it:
 * too large). With scan (extract/scan.h; NULL: no OCR), pages without a
 * usable text layer are rendered and read by OCR. */
izde_status_t ix_extract_pdf(struct ix_extract *x, const char *path, size_t max_bytes,
                             struct ix_scan *scan, struct ix_outcome *o);

#endif
