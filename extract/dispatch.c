/* dispatch.c - the text of a file: read it, tell its format by content, hand it to its reader (plain text, HTML, or the helper for PDF and ZIP formats), then hyphen repair and the metadata header. */
#include "extract/extract.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text/text.h"
#include "extract/decode.h"
#include "extract/gzio.h"
#include "extract/helper.h"
#include "extract/html.h"
#include "extract/textout.h"
#include "extract/title.h"

void ix_extract_init(struct ix_extract *x)
{
    memset(x, 0, sizeof(*x));
    x->encoding = "UTF-8";
    x->format = "text";
    x->timeout_s = 30;
    const char *t = getenv("IZDE_EXTRACT_TIMEOUT");
    if (t && *t) {
        char *end;
        unsigned long v = strtoul(t, &end, 10);
        if (!*end && v > 0 && v < 86400)
            x->timeout_s = (unsigned)v;
    }
}

void ix_extract_release(struct ix_extract *x)
{
    izde_buf_release(&x->text);
    izde_buf_release(&x->title);
    izde_buf_release(&x->author);
    izde_buf_release(&x->date);
    izde_buf_release(&x->notes);
    izde_buf_release(&x->raw);
    izde_buf_release(&x->scratch);
    izde_buf_release(&x->ocr_each);
    izde_dehyphen_free(x->dh);
    x->dh = NULL;
    ix_helper_stop(x);
}

static const char *const extensions[] = {
    ".txt", ".md", ".txt.gz", ".md.gz", ".pdf", ".docx", ".odt", ".epub", ".html", ".htm",
    ".xhtml",
#ifdef IZDE_HAVE_OCR
    ".png", ".jpg", ".jpeg", ".tif", ".tiff",
#endif
    NULL,
};

int ix_extract_supported(const char *name)
{
    size_t n = strlen(name);
    for (const char *const *e = extensions; *e; e++) {
        size_t m = strlen(*e);
        if (n > m && strcasecmp(name + n - m, *e) == 0)
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ reading */

static izde_status_t read_all(int fd, size_t max, struct izde_buf *out, struct ix_outcome *o)
{
    izde_status_t rc = IZDE_OK;
    for (;;) {
        if (izde_buf_grow(out, 65536) != IZDE_OK)
            return IZDE_ERR_NOMEM;
        ssize_t n = read(fd, out->p + out->len, out->cap - out->len - 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ix_fail(o, IZDE_ERR_IO, "%s", strerror(errno));
        }
        if (n == 0)
            break;
        out->len += (size_t)n;
        out->p[out->len] = '\0';
        if (out->len > max)
            return ix_refuse(o, IX_FATE_TOO_LARGE, "file is larger than --max-size");
    }
    return rc;
}

/* The magic numbers of formats we do not read, so they are named. */
/* Images are foreign too unless OCR reads them (is_scan_image). */
static const struct {
    const char *magic;
    size_t len;
    const char *name;
} foreign[] = {
    { "{\\rtf", 5, "RTF document" },
    { "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "legacy Microsoft Office document (.doc, .xls, .ppt)" },
    { "%!PS", 4, "PostScript document" },
    { "AT&TFORM", 8, "DjVu document" },
    { "\x89PNG", 4, "PNG image" },
    { "\xFF\xD8\xFF", 3, "JPEG image" },
    { "GIF8", 4, "GIF image" },
    { "II*\0", 4, "TIFF image" },
    { "MM\0*", 4, "TIFF image" },
    { "Rar!", 4, "RAR archive" },
    { "7z\xBC\xAF\x27\x1C", 6, "7z archive" },
    { "\x7F" "ELF", 4, "executable" },
    { "BZh", 3, "bzip2-compressed file" },
    { "\xFD" "7zXZ", 5, "xz-compressed file" },
};

enum kind { K_TEXT, K_GZIP, K_PDF, K_ZIP, K_FOREIGN };

static enum kind sniff(const char *s, size_t len, const char **name)
{
    *name = NULL;
    if (len >= 4 && memcmp(s, "PK\3\4", 4) == 0)
        return K_ZIP;
    if (len >= 4 && memcmp(s, "PK\5\6", 4) == 0)
        return K_ZIP;
    if (len >= 2 && (unsigned char)s[0] == 0x1F && (unsigned char)s[1] == 0x8B)
        return K_GZIP;
    /* The PDF header may follow some junk within the first kilobyte. */
    size_t n = len < 1024 ? len : 1024;
    for (size_t i = 0; i + 5 <= n; i++)
        if (s[i] == '%' && memcmp(s + i, "%PDF-", 5) == 0)
            return K_PDF;
    for (size_t i = 0; i < sizeof(foreign) / sizeof(foreign[0]); i++)
        if (len >= foreign[i].len && memcmp(s, foreign[i].magic, foreign[i].len) == 0) {
            *name = foreign[i].name;
            return K_FOREIGN;
        }
    return K_TEXT;
}

/* Whether decoded text is markup: starts (after a BOM and blanks, comments
 * aside) with a doctype, <html, or an XML declaration followed by <html. */
static int looks_like_html(const char *s, size_t len)
{
    size_t n = len < 4096 ? len : 4096, i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    if (i >= n || s[i] != '<')
        return 0;
    const char *p = s + i;
    size_t m = n - i;
    if ((m >= 14 && strncasecmp(p, "<!doctype html", 14) == 0) ||
        (m >= 5 && strncasecmp(p, "<html", 5) == 0) ||
        (m >= 5 && strncasecmp(p, "<head", 5) == 0))
        return 1;
    if ((m >= 5 && strncasecmp(p, "<?xml", 5) == 0) || (m >= 4 && strncasecmp(p, "<!--", 4) == 0)) {
        for (size_t k = 0; k + 5 <= m; k++)
            if (strncasecmp(p + k, "<html", 5) == 0)
                return 1;
    }
    return 0;
}

/* Whether a foreign format is an image OCR reads (see foreign[]). */
static int is_scan_image(const char *name)
{
    return strcmp(name, "PNG image") == 0 || strcmp(name, "JPEG image") == 0 ||
           strcmp(name, "TIFF image") == 0;
}

/* Runs the helper on path as format and takes its text into x->text,
 * invalid UTF-8 repaired (the helper's text comes from poppler, libxml2
 * or Tesseract: checked all the same). */
static izde_status_t from_helper(struct ix_extract *x, const char *path, const char *format,
                                 size_t max_bytes, struct ix_outcome *o)
{
    izde_buf_clear(&x->raw);
    izde_status_t rc = ix_helper_run(x, path, format, max_bytes, o);
    if (rc != IZDE_OK)
        return rc;
    rc = izde_text_utf8_check(x->raw.p ? x->raw.p : "", x->raw.len, &x->first_bad) > 0
             ? izde_text_utf8_repair(x->raw.p, x->raw.len, &x->text, &x->repaired)
             : izde_buf_add(&x->text, x->raw.p ? x->raw.p : "", x->raw.len);
    return rc != IZDE_OK ? ix_fail(o, rc, "%s", izde_status_str(rc)) : IZDE_OK;
}

/* ------------------------------------------------------------ finishing */

/* Whether the text has anything a search could find. */
static int has_words(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0xC2)
            return 1;
    }
    return 0;
}

/* Hyphen repair, then the metadata header (see extract.h). */
static izde_status_t finish(struct ix_extract *x, struct ix_outcome *o)
{
    izde_status_t rc = IZDE_OK;
    if (!x->dh)
        rc = izde_dehyphen_new(&x->dh);
    if (rc == IZDE_OK) {
        izde_buf_clear(&x->scratch);
        rc = izde_dehyphen_text(x->dh, x->text.p ? x->text.p : "", x->text.len, &x->scratch,
                                &x->dehyphen);
    }
    if (rc == IZDE_OK)
        rc = ix_meta_clean(x);
    if (rc != IZDE_OK)
        return ix_fail(o, rc, "%s", izde_status_str(rc));

    /* x->scratch holds the body; build header + body in x->text. */
    rc = ix_meta_header(x, x->scratch.p ? x->scratch.p : "", x->scratch.len);
    if (rc != IZDE_OK)
        return ix_fail(o, rc, "%s", izde_status_str(rc));
    /* Text never holds NUL: it would cut C strings short later. */
    if (memchr(x->text.p, '\0', x->text.len)) {
        size_t w = 0;
        for (size_t i = 0; i < x->text.len; i++)
            if (x->text.p[i])
                x->text.p[w++] = x->text.p[i];
        x->text.len = w;
        x->text.p[w] = '\0';
    }
    return IZDE_OK;
}

/* Takes the outcome rc of reading the file (or its gzip content) into
 * x->raw: a file over --max-size or an empty one is skipped, not failed. */
static izde_status_t took_raw(struct ix_extract *x, izde_status_t rc, struct ix_outcome *o)
{
    if (rc == IZDE_ERR_UNSUPPORTED)
        o->fate = IX_FATE_TOO_LARGE;
    else if (rc != IZDE_OK && o->fate == IX_FATE_INDEXED)
        o->fate = IX_FATE_FAILED;
    if (rc != IZDE_OK)
        return rc;
    x->bytes_read = x->raw.len;
    if (x->raw.len == 0)
        return ix_refuse(o, IX_FATE_EMPTY, "empty file");
    return IZDE_OK;
}

/* ------------------------------------------------------------ dispatch */

/* The reading behind ix_extract_file: each reader records the file's fate
 * in o; a non-OK status stops it. */
static izde_status_t extract(struct ix_extract *x, const char *path, size_t max_bytes,
                             struct ix_outcome *o)
{
    izde_buf_clear(&x->text);
    ix_extract_clear_report(x);
    x->encoding = "UTF-8";
    x->format = "text";
    x->bytes_read = 0;
    x->repaired = 0;
    x->first_bad = 0;
    memset(&x->dehyphen, 0, sizeof(x->dehyphen));

    /* O_NONBLOCK: a file that became a FIFO since the walk must not hang
     * the run; O_NOFOLLOW: nor may one that became a link lead elsewhere. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (x->follow_link ? 0 : O_NOFOLLOW));
    if (fd < 0) {
        int e = errno;
        struct stat lst;
        if (e == ENOENT && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
            return ix_fail(o, IZDE_ERR_IO, "broken symbolic link");
        if (e == ELOOP && !x->follow_link)
            return ix_refuse(o, IX_FATE_CHANGED, "became a symbolic link since the scan");
        return ix_fail(o, IZDE_ERR_IO, "%s", strerror(e));
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return ix_refuse(o, IX_FATE_CHANGED, "not a regular file any more");
    }
    if ((uint64_t)st.st_size > max_bytes) {
        close(fd);
        return ix_refuse(o, IX_FATE_TOO_LARGE, "file is larger than --max-size");
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    izde_status_t rc = read_all(fd, max_bytes, &x->raw, o);
    close(fd);
    rc = took_raw(x, rc, o);
    if (rc != IZDE_OK)
        return rc;

    const char *foreign_name;
    enum kind k = sniff(x->raw.p, x->raw.len, &foreign_name);
    if (k == K_GZIP) {
        izde_buf_clear(&x->raw);
        rc = took_raw(x, izde_gz_read_file(path, max_bytes, &x->raw, &o->why), o);
        if (rc != IZDE_OK)
            return rc;
        k = sniff(x->raw.p, x->raw.len, &foreign_name);
        if (k != K_TEXT)
            return ix_refuse(o, IX_FATE_UNSUPPORTED,
                             "compressed %s: unpack it first (only text is read from .gz)",
                             k == K_PDF ? "PDF" : k == K_ZIP ? "ZIP archive"
                             : k == K_GZIP ? "gzip file" : foreign_name);
    }

    switch (k) {
    case K_FOREIGN:
        if (!is_scan_image(foreign_name) || !ix_ocr_on(x))
            return ix_refuse(o, IX_FATE_UNSUPPORTED, "unsupported format: %s", foreign_name);
        x->format = "image";
        rc = from_helper(x, path, "image", max_bytes, o);
        if (rc != IZDE_OK)
            return rc;
        break;
    case K_PDF:
        x->format = "pdf";
        rc = from_helper(x, path, "pdf", max_bytes, o);
        if (rc != IZDE_OK)
            return rc;
        if (!has_words(x->text.p, x->text.len))
            return ix_refuse(o, IX_FATE_UNSUPPORTED, "no text layer (scanned?), %u page%s%s",
                             x->pages, x->pages == 1 ? "" : "s",
                             x->ocr_pages + x->ocr_cached ? ", and OCR found no words" : "");
        break;
    case K_ZIP:
        /* libxml2 and libzip in the helper: a crash or a document that
         * takes all memory to parse costs this file, not the run. */
        x->format = "zip";
        rc = from_helper(x, path, "zip", max_bytes, o);
        if (rc != IZDE_OK)
            return rc;
        break;
    case K_TEXT:
    case K_GZIP:
        if (looks_like_html(x->raw.p, x->raw.len)) {
            x->format = "html";
            rc = ix_extract_html(x, x->raw.p, x->raw.len, o);
        } else {
            rc = ix_decode_text(x, x->raw.p, x->raw.len, NULL, &x->text, &x->encoding, o);
        }
        if (rc != IZDE_OK)
            return rc;
        break;
    }
    if (!has_words(x->text.p ? x->text.p : "", x->text.len) && !x->title.len)
        return ix_refuse(o, IX_FATE_EMPTY, "no text in the %s document", x->format);
    return finish(x, o);
}

izde_status_t ix_extract_file(struct ix_extract *x, const char *path, size_t max_bytes,
                              struct ix_outcome *o)
{
    ix_outcome_init(o);
    izde_status_t rc = extract(x, path, max_bytes, o);
    ix_outcome_settle(o, rc);
    return rc == IZDE_ERR_NOMEM ? IZDE_ERR_NOMEM : IZDE_OK;
}
