/* gzio.c - the only zlib user. */
#include "gzio.h"

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

izde_status_t izde_gz_compress(const char *data, size_t len, struct izde_buf *out)
{
    uLongf bound = compressBound((uLong)len);
    if (izde_buf_grow(out, bound) != IZDE_OK)
        return IZDE_ERR_NOMEM;
    /* Level 1: stored text is read back only for snippets, and faster
     * indexing matters more than the few percent a higher level saves. */
    if (compress2((Bytef *)out->p + out->len, &bound, (const Bytef *)data, (uLong)len, 1) !=
        Z_OK)
        return IZDE_ERR_NOMEM;
    out->len += bound;
    out->p[out->len] = '\0';
    return IZDE_OK;
}

izde_status_t izde_gz_uncompress(const char *data, size_t len, size_t orig_len,
                                 struct izde_buf *out)
{
    /* Deflate expands at most 1032:1, so a larger stated size is corrupt:
     * refused before allocating it, a bad record cannot cost gigabytes. */
    if (orig_len / 1032 > len)
        return IZDE_ERR_ENCODING;
    if (izde_buf_grow(out, orig_len) != IZDE_OK)
        return IZDE_ERR_NOMEM;
    uLongf n = (uLongf)orig_len;
    int zr = uncompress((Bytef *)out->p + out->len, &n, (const Bytef *)data, (uLong)len);
    if (zr != Z_OK || n != orig_len)
        return zr == Z_MEM_ERROR ? IZDE_ERR_NOMEM : IZDE_ERR_ENCODING;
    out->len += n;
    out->p[out->len] = '\0';
    return IZDE_OK;
}
