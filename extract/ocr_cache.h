/* ocr_cache.h - OCR text kept by the scanned file's content, so that an unchanged scan is read once (run only inside izde-extract). */
#ifndef IZDE_EXTRACT_OCR_CACHE_H
#define IZDE_EXTRACT_OCR_CACHE_H

#include <stddef.h>
#include "common/buf.h"
#include "common/status.h"

/* An entry holds the text of the pages of one file that were OCR'd, as
 * records "page N CONF LEN\n<LEN bytes>\n" (N from 0). On disk it is
 * "IZDE-OCR 1\n", the records, then "end\n"; it is written to a temporary
 * file, fsync'ed and renamed into place, and one without its end line is
 * not read, so a killed run never leaves a half entry that is read back.
 *
 * The entry's name is the SHA-256 of the file's bytes, the languages and
 * the resolution ("<hex>.kir+rus+eng.300"): other languages or another
 * resolution read the pages anew. */

/* The key of the file at path for langs and dpi, malloc'ed into *key.
 * Returns IZDE_OK, IZDE_ERR_IO (with errno) when the file cannot be read,
 * IZDE_ERR_NOMEM. */
izde_status_t ix_ocr_cache_key(const char *path, const char *langs, unsigned dpi, char **key);

/* Appends the records of entry key in dir to records. Returns IZDE_OK,
 * IZDE_ERR_NOT_FOUND when there is no whole entry, IZDE_ERR_NOMEM. */
izde_status_t ix_ocr_cache_read(const char *dir, const char *key, struct izde_buf *records);

/* Whether records hold page; if so its text and confidence. */
int ix_ocr_cache_find(const struct izde_buf *records, unsigned page, const char **text,
                      size_t *len, int *conf);

/* Appends page's record to records. */
izde_status_t ix_ocr_cache_add(struct izde_buf *records, unsigned page, int conf,
                               const char *text, size_t len);

/* Writes records as entry key in dir (made if missing, one level), whole or
 * not at all. Returns IZDE_OK or IZDE_ERR_IO (errno says why). */
izde_status_t ix_ocr_cache_write(const char *dir, const char *key,
                                 const struct izde_buf *records);

#endif
