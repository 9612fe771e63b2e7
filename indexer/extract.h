/* extract.h - turning one file, whatever its format, into text and metadata. */
#ifndef IZDE_EXTRACT_H
#define IZDE_EXTRACT_H

#include <stddef.h>
#include "buf.h"
#include "status.h"

/* What extraction gives the indexer. Reused from file to file: the buffers
 * keep their storage. */
struct ix_extract {
    struct izde_buf text;      /* valid UTF-8, never NUL-containing */
    struct izde_buf title;     /* empty: the indexer uses the first line */
    struct izde_buf author;
    const char *encoding;      /* static: "UTF-8", "windows-1251", ... */
    size_t bytes_read;         /* size of the input as read */
    size_t repaired;           /* invalid UTF-8 sequences replaced */
    size_t first_bad;          /* byte offset of the first of them */
    struct izde_buf raw;       /* scratch: the file as read */
};

void ix_extract_init(struct ix_extract *x);
void ix_extract_release(struct ix_extract *x);

/* Reads the file at path (at most max_bytes) and extracts its text.
 * OUT: *why, a malloc'ed reason when the status is not IZDE_OK; *skip, 1 when
 * the file is to be skipped (empty, too large, unsupported) rather than
 * counted as failed.
 * Returns IZDE_OK, IZDE_ERR_IO (unreadable), IZDE_ERR_ENCODING (binary or
 * corrupt content), IZDE_ERR_UNSUPPORTED, IZDE_ERR_INVALID (empty),
 * IZDE_ERR_NOMEM. */
izde_status_t ix_extract_file(struct ix_extract *x, const char *path, size_t max_bytes,
                              char **why, int *skip);

#endif
