/* extract.c - the text of a file: plain text and gzip-compressed plain text. */
#include "extract.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "gzio.h"
#include "text.h"

void ix_extract_init(struct ix_extract *x)
{
    memset(x, 0, sizeof(*x));
    x->encoding = "UTF-8";
}

void ix_extract_release(struct ix_extract *x)
{
    izde_buf_release(&x->text);
    izde_buf_release(&x->title);
    izde_buf_release(&x->author);
    izde_buf_release(&x->raw);
}

static izde_status_t read_plain(const char *path, size_t max, struct izde_buf *out,
                                char **why)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *why = strdup(strerror(errno));
        return IZDE_ERR_IO;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        *why = strdup("not a regular file");
        close(fd);
        return IZDE_ERR_IO;
    }
    if ((uint64_t)st.st_size > max) {
        *why = strdup("file is larger than --max-size");
        close(fd);
        return IZDE_ERR_UNSUPPORTED;
    }
    izde_status_t rc = izde_buf_grow(out, (size_t)st.st_size);
    while (rc == IZDE_OK) {
        if (izde_buf_grow(out, 65536) != IZDE_OK) {
            rc = IZDE_ERR_NOMEM;
            break;
        }
        ssize_t n = read(fd, out->p + out->len, out->cap - out->len - 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *why = strdup(strerror(errno));
            rc = IZDE_ERR_IO;
            break;
        }
        if (n == 0)
            break;
        out->len += (size_t)n;
        out->p[out->len] = '\0';
        if (out->len > max) {
            *why = strdup("file is larger than --max-size");
            rc = IZDE_ERR_UNSUPPORTED;
        }
    }
    close(fd);
    return rc;
}

static int ends_with_gz(const char *path)
{
    size_t n = strlen(path);
    return n > 3 && strcasecmp(path + n - 3, ".gz") == 0;
}

/* Makes raw (UTF-8, possibly broken) into x->text: binary content is
 * refused, invalid sequences are replaced and counted, a BOM is dropped. */
static izde_status_t text_from_utf8(struct ix_extract *x, char **why)
{
    const char *s = x->raw.p;
    size_t len = x->raw.len;
    size_t probe = len < 8192 ? len : 8192;
    if (memchr(s, '\0', probe)) {
        *why = strdup("binary content, not text");
        return IZDE_ERR_ENCODING;
    }
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        len -= 3;
    }
    if (izde_text_utf8_check(s, len, &x->first_bad) > 0)
        return izde_text_utf8_repair(s, len, &x->text, &x->repaired);
    /* NUL bytes past the probe would cut C strings short later. */
    if (memchr(s, '\0', len)) {
        *why = strdup("binary content, not text");
        return IZDE_ERR_ENCODING;
    }
    return izde_buf_add(&x->text, s, len);
}

izde_status_t ix_extract_file(struct ix_extract *x, const char *path, size_t max_bytes,
                              char **why, int *skip)
{
    *why = NULL;
    *skip = 0;
    izde_buf_clear(&x->text);
    izde_buf_clear(&x->title);
    izde_buf_clear(&x->author);
    izde_buf_clear(&x->raw);
    x->encoding = "UTF-8";
    x->bytes_read = 0;
    x->repaired = 0;
    x->first_bad = 0;

    izde_status_t rc = ends_with_gz(path) ? izde_gz_read_file(path, max_bytes, &x->raw, why)
                                          : read_plain(path, max_bytes, &x->raw, why);
    if (rc == IZDE_ERR_UNSUPPORTED)
        *skip = 1;
    if (rc != IZDE_OK)
        return rc;
    x->bytes_read = x->raw.len;
    if (x->raw.len == 0) {
        *why = strdup("empty file");
        *skip = 1;
        return IZDE_ERR_INVALID;
    }
    return text_from_utf8(x, why);
}
