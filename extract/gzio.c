/* gzio.c - the only zlib user. */
#include "extract/gzio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

static void set_err(char **errmsg, const char *msg)
{
    if (errmsg)
        *errmsg = strdup(msg);
}

izde_status_t izde_gz_read_file(const char *path, size_t max_bytes, struct izde_buf *out,
                                char **errmsg)
{
    if (errmsg)
        *errmsg = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        set_err(errmsg, strerror(errno));
        return IZDE_ERR_IO;
    }
    gzFile gz = gzdopen(fd, "rb");
    if (!gz) {
        close(fd);
        set_err(errmsg, "cannot start gzip decoding");
        return IZDE_ERR_NOMEM;
    }
    izde_status_t rc = IZDE_OK;
    size_t start = out->len;
    for (;;) {
        if (izde_buf_grow(out, 65536) != IZDE_OK) {
            rc = IZDE_ERR_NOMEM;
            break;
        }
        int n = gzread(gz, out->p + out->len, 65536);
        if (n < 0) {
            int zerr;
            const char *m = gzerror(gz, &zerr);
            if (zerr == Z_ERRNO) {
                set_err(errmsg, strerror(errno));
                rc = IZDE_ERR_IO;
            } else {
                set_err(errmsg, m && *m ? m : "corrupt gzip data");
                rc = IZDE_ERR_ENCODING;
            }
            break;
        }
        if (n == 0) {
            /* gzread returns 0 on a cleanly ended stream and on a truncated
             * one; only gzerror's Z_BUF_ERROR tells them apart. */
            int zerr;
            gzerror(gz, &zerr);
            if (zerr == Z_BUF_ERROR) {
                set_err(errmsg, "truncated gzip data");
                rc = IZDE_ERR_ENCODING;
            }
            break;
        }
        out->len += (size_t)n;
        out->p[out->len] = '\0';
        if (out->len - start > max_bytes) {
            set_err(errmsg, "decompressed size over the limit");
            rc = IZDE_ERR_UNSUPPORTED;
            break;
        }
    }
    gzclose(gz);
    return rc;
}
