/* ocr_cache.c - the OCR cache's entries (ocr_cache.h): SHA-256 keys by glib, whole-or-nothing files by rename. */
#include "extract/ocr_cache.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "IZDE-OCR 1\n"
#define END "end\n"

izde_status_t ix_ocr_cache_key(const char *path, const char *langs, unsigned dpi, char **key)
{
    *key = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return IZDE_ERR_IO;
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    unsigned char buf[65536];
    ssize_t n;
    while ((n = read(fd, buf, sizeof(buf))) > 0)
        g_checksum_update(sum, buf, (gssize)n);
    int e = errno;
    close(fd);
    if (n < 0) {
        g_checksum_free(sum);
        errno = e;
        return IZDE_ERR_IO;
    }
    struct izde_buf b = IZDE_BUF_INIT;
    izde_status_t rc = izde_buf_addf(&b, "%s.", g_checksum_get_string(sum));
    g_checksum_free(sum);
    /* The languages become part of a file name: only what Tesseract's
     * names are made of stays. */
    for (const char *p = langs; *p && rc == IZDE_OK; p++) {
        char c = *p;
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '_' || c == '+' || c == '-';
        rc = izde_buf_addc(&b, ok ? c : '_');
    }
    if (rc == IZDE_OK)
        rc = izde_buf_addf(&b, ".%u", dpi);
    if (rc != IZDE_OK) {
        izde_buf_release(&b);
        return rc;
    }
    *key = izde_buf_detach(&b, NULL);
    return IZDE_OK;
}

static char *entry_path(const char *dir, const char *key, const char *suffix)
{
    struct izde_buf b = IZDE_BUF_INIT;
    if (izde_buf_addf(&b, "%s/%s%s", dir, key, suffix) != IZDE_OK) {
        izde_buf_release(&b);
        return NULL;
    }
    return izde_buf_detach(&b, NULL);
}

/* The record at *p: its page, confidence and text; moves *p past it. */
static int next_record(const char **p, const char *end, unsigned *page, int *conf,
                       const char **text, size_t *len)
{
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    if (!nl || nl - *p > 64)
        return 0;
    char head[72];
    memcpy(head, *p, (size_t)(nl - *p));
    head[nl - *p] = '\0';
    unsigned long long n;
    if (sscanf(head, "page %u %d %llu", page, conf, &n) != 3 ||
        n >= (unsigned long long)(end - nl))
        return 0;
    *text = nl + 1;
    *len = (size_t)n;
    if (nl[1 + n] != '\n')
        return 0;
    *p = nl + 2 + n;
    return 1;
}

izde_status_t ix_ocr_cache_read(const char *dir, const char *key, struct izde_buf *records)
{
    char *path = entry_path(dir, key, "");
    if (!path)
        return IZDE_ERR_NOMEM;
    gchar *data = NULL;
    gsize len = 0;
    gboolean ok = g_file_get_contents(path, &data, &len, NULL);
    free(path);
    if (!ok)
        return IZDE_ERR_NOT_FOUND;
    size_t ml = strlen(MAGIC), el = strlen(END);
    izde_status_t rc = IZDE_ERR_NOT_FOUND;
    if (len >= ml + el && memcmp(data, MAGIC, ml) == 0 &&
        memcmp(data + len - el, END, el) == 0) {
        /* Every record must parse up to the end line. */
        const char *p = data + ml, *end = data + len - el, *text;
        unsigned page;
        int conf;
        size_t tl;
        while (p < end && next_record(&p, end, &page, &conf, &text, &tl))
            ;
        if (p == end)
            rc = izde_buf_add(records, data + ml, (size_t)(end - (data + ml)));
    }
    g_free(data);
    return rc;
}

int ix_ocr_cache_find(const struct izde_buf *records, unsigned page, const char **text,
                      size_t *len, int *conf)
{
    const char *p = records->p, *end = records->p + records->len;
    unsigned n;
    while (p && p < end && next_record(&p, end, &n, conf, text, len))
        if (n == page)
            return 1;
    return 0;
}

izde_status_t ix_ocr_cache_add(struct izde_buf *records, unsigned page, int conf,
                               const char *text, size_t len)
{
    izde_status_t rc = izde_buf_addf(records, "page %u %d %zu\n", page, conf, len);
    if (rc == IZDE_OK)
        rc = izde_buf_add(records, text, len);
    if (rc == IZDE_OK)
        rc = izde_buf_addc(records, '\n');
    return rc;
}

izde_status_t ix_ocr_cache_write(const char *dir, const char *key,
                                 const struct izde_buf *records)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return IZDE_ERR_IO;
    char *final = entry_path(dir, key, "");
    char *tmp = entry_path(dir, key, ".XXXXXX");
    if (!final || !tmp) {
        free(final);
        free(tmp);
        return IZDE_ERR_NOMEM;
    }
    /* A temporary name of its own: helpers of parallel jobs may write the
     * same entry at once, and the last rename wins whole. */
    int fd = mkstemp(tmp);
    int bad = fd < 0;
    if (!bad) {
        bad = izde_write_all(fd, MAGIC, strlen(MAGIC)) ||
              izde_write_all(fd, records->p ? records->p : "", records->len) ||
              izde_write_all(fd, END, strlen(END)) || fsync(fd) != 0;
        int e = errno;
        if (close(fd) != 0 && !bad) {
            bad = 1;
            e = errno;
        }
        if (!bad && rename(tmp, final) != 0) {
            bad = 1;
            e = errno;
        }
        if (bad) {
            unlink(tmp);
            errno = e;
        }
    }
    if (!bad) {
        /* The rename itself survives a crash only once the folder is on disk. */
        int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd >= 0) {
            fsync(dfd);
            close(dfd);
        }
    }
    free(final);
    free(tmp);
    return bad ? IZDE_ERR_IO : IZDE_OK;
}
