/* gzio.h - reading gzip-compressed files (.txt.gz, .md.gz). */
#ifndef IZDE_GZIO_H
#define IZDE_GZIO_H

#include <stddef.h>
#include "common/buf.h"
#include "common/status.h"

/* Appends the decompressed content of the gzip file at path to out, reading
 * at most max_bytes of output (a guard against decompression bombs).
 * OUT: *errmsg, malloc'ed reason on failure (caller frees; may be NULL).
 * Returns IZDE_OK, IZDE_ERR_IO (unreadable), IZDE_ERR_ENCODING (corrupt or
 * truncated stream), IZDE_ERR_UNSUPPORTED (over max_bytes), IZDE_ERR_NOMEM. */
izde_status_t izde_gz_read_file(const char *path, size_t max_bytes, struct izde_buf *out,
                                char **errmsg);

#endif
