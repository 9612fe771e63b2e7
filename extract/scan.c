/* scan.c - the scanned pages of one file (scan.h): usable text layers, cache look-ups, OCR with a time limit a page, and the figures for --log. */
#include "extract/scan.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "extract/ocr_cache.h"
#include "extract/textout.h"

int ix_scan_usable(const char *s, size_t len)
{
    size_t chars = 0, bad = 0, words = 0, latin1 = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        unsigned cp;
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + n > len)
            break;
        if (n == 1)
            cp = c;
        else if (n == 2)
            cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
        else if (n == 3)
            cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
        else
            cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) |
                 (s[i + 3] & 0x3Fu);
        i += n;
        if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f')
            continue;
        chars++;
        if (cp == 0xFFFD || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
            (cp >= 0xE000 && cp <= 0xF8FF))
            bad++;
        else if ((cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
                 cp >= 0xC0)
            words++;
        if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7)
            latin1++;
    }
    /* Accented Latin letters make a few percent of French or German text
     * and up to a sixth of Turkish or Hungarian; "Áèáëèîòåêà" is
     * Windows-1251 Cyrillic under a Latin-1 font map, and the page image
     * holds Cyrillic. */
    return words > 0 && bad * 3 <= chars && latin1 * 5 < words * 2;
}

izde_status_t ix_scan_begin(struct ix_scan *s, const char *path, const unsigned *pages,
                            size_t n, struct ix_outcome *o)
{
    free(s->key);
    s->key = NULL;
    izde_buf_clear(&s->cached);
    izde_buf_clear(&s->fresh);
    s->conf_sum = 0;
    s->ms = 0;
    izde_status_t rc = IZDE_OK;
    if (s->cache_dir) {
        rc = ix_ocr_cache_key(path, s->langs, s->dpi, &s->key);
        if (rc == IZDE_ERR_IO)
            return ix_fail(o, rc, "cannot read it again for the OCR cache: %s",
                           strerror(errno));
        if (rc == IZDE_OK) {
            rc = ix_ocr_cache_read(s->cache_dir, s->key, &s->cached);
            if (rc == IZDE_ERR_NOT_FOUND)
                rc = IZDE_OK;
        }
        if (rc != IZDE_OK)
            return ix_fail(o, rc, "%s", izde_status_str(rc));
    }
    size_t todo = 0;
    const char *t;
    size_t tl;
    int conf;
    for (size_t i = 0; i < n; i++)
        if (!ix_ocr_cache_find(&s->cached, pages[i], &t, &tl, &conf))
            todo++;
    if (todo == 0)
        return IZDE_OK;
    /* The parent's clock and this process's CPU limit both grow by a page's
     * allowance for each page to read. */
    if (s->progress_fd >= 0) {
        char line[32];
        int len = snprintf(line, sizeof(line), "ocr %zu\n", todo);
        if (write(s->progress_fd, line, (size_t)len) != len)
            s->progress_fd = -1;
    }
    struct rlimit rl;
    if (getrlimit(RLIMIT_CPU, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
        rl.rlim_cur += (rlim_t)todo * IX_OCR_PAGE_SECONDS;
        if (rl.rlim_max != RLIM_INFINITY && rl.rlim_cur > rl.rlim_max)
            rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_CPU, &rl);
    }
    return IZDE_OK;
}

int ix_scan_from_cache(struct ix_scan *s, unsigned page, struct ix_extract *x)
{
    const char *t;
    size_t tl;
    int conf;
    if (!ix_ocr_cache_find(&s->cached, page, &t, &tl, &conf))
        return 0;
    if (izde_buf_add(&x->text, t, tl) != IZDE_OK)
        return 0;
    x->ocr_cached++;
    s->conf_sum += (unsigned)conf;
    izde_buf_addf(&x->ocr_each, "%u -1 %d\n", page + 1, conf);
    return 1;
}

izde_status_t ix_scan_read(struct ix_scan *s, unsigned page, const unsigned char *px, int w,
                           int h, int stride, const char *path, struct ix_extract *x,
                           struct ix_outcome *o)
{
    izde_status_t rc = IZDE_OK;
    if (!s->ocr) {
        char *why = NULL;
        rc = ix_ocr_new(s->langs, &s->ocr, &why);
        if (rc != IZDE_OK) {
            rc = ix_fail(o, rc, "%s", why ? why : izde_status_str(rc));
            free(why);
            return rc;
        }
    }
    size_t start = x->text.len;
    struct ix_ocr_page pg;
    unsigned limit = IX_OCR_PAGE_SECONDS * 1000u;
    rc = px ? ix_ocr_grey(s->ocr, px, w, h, stride, (int)s->dpi, limit, &x->text, &pg)
            : ix_ocr_image(s->ocr, path, page, limit, &x->text, &pg);
    if (rc == IZDE_ERR_ENCODING)
        return ix_fail(o, rc, "OCR cannot read page %u: not an image leptonica reads",
                       page + 1);
    if (rc != IZDE_OK)
        return ix_fail(o, rc, "%s", izde_status_str(rc));
    /* Tesseract ends a page with an empty line; the pages are joined by
     * '\f' as a text layer's are. */
    while (x->text.len > start &&
           (x->text.p[x->text.len - 1] == '\n' || x->text.p[x->text.len - 1] == ' '))
        x->text.len--;
    if (x->text.p)
        x->text.p[x->text.len] = '\0';
    x->ocr_pages++;
    s->conf_sum += (unsigned)pg.conf;
    s->ms += pg.ms;
    if (izde_buf_addf(&x->ocr_each, "%u %u %d\n", page + 1, (unsigned)pg.ms, pg.conf) != IZDE_OK)
        return ix_fail(o, IZDE_ERR_NOMEM, "%s", izde_status_str(IZDE_ERR_NOMEM));
    if (pg.stopped)
        ix_note(x, "OCR of page %u stopped after %d s", page + 1, IX_OCR_PAGE_SECONDS);
    /* A page cut short is read again next time rather than kept. */
    else if (s->key)
        rc = ix_ocr_cache_add(&s->fresh, page, pg.conf, x->text.p + start, x->text.len - start);
    if (rc != IZDE_OK)
        return ix_fail(o, rc, "%s", izde_status_str(rc));
    return IZDE_OK;
}

void ix_scan_end(struct ix_scan *s, struct ix_extract *x)
{
    if (s->key && s->fresh.len) {
        /* The entry keeps what it had and gains this run's pages. */
        izde_status_t rc = izde_buf_add(&s->cached, s->fresh.p, s->fresh.len);
        if (rc == IZDE_OK && ix_ocr_cache_write(s->cache_dir, s->key, &s->cached) != IZDE_OK)
            ix_note(x, "OCR cache '%s' cannot be written: %s", s->cache_dir, strerror(errno));
    }
    unsigned n = x->ocr_pages + x->ocr_cached;
    x->ocr_conf = n ? (unsigned)(s->conf_sum / n) : 0;
    x->ocr_ms = (unsigned)s->ms;
}

izde_status_t ix_scan_image(struct ix_scan *s, const char *path, size_t max_bytes,
                            struct ix_extract *x, struct ix_outcome *o)
{
    unsigned n = 0;
    if (ix_ocr_image_pages(path, &n) != IZDE_OK)
        return ix_fail(o, IZDE_ERR_ENCODING, "corrupt or unreadable image");
    x->pages = n;
    unsigned *all = malloc(n * sizeof(*all));
    if (!all)
        return ix_fail(o, IZDE_ERR_NOMEM, "%s", izde_status_str(IZDE_ERR_NOMEM));
    for (unsigned i = 0; i < n; i++)
        all[i] = i;
    izde_status_t rc = ix_scan_begin(s, path, all, n, o);
    free(all);
    for (unsigned i = 0; i < n && rc == IZDE_OK; i++) {
        if (i > 0)
            rc = izde_buf_addc(&x->text, '\f');
        if (rc == IZDE_OK && !ix_scan_from_cache(s, i, x))
            rc = ix_scan_read(s, i, NULL, 0, 0, 0, path, x, o);
        if (rc == IZDE_OK && x->text.len > max_bytes)
            return ix_refuse(o, IX_FATE_TOO_LARGE, "text of the image is larger than --max-size");
    }
    if (rc == IZDE_OK)
        ix_scan_end(s, x);
    return rc == IZDE_OK || o->fate != IX_FATE_INDEXED ? rc
                                                        : ix_fail(o, rc, "%s", izde_status_str(rc));
}

void ix_scan_release(struct ix_scan *s)
{
    ix_ocr_free(s->ocr);
    s->ocr = NULL;
    free(s->key);
    s->key = NULL;
    izde_buf_release(&s->cached);
    izde_buf_release(&s->fresh);
}
