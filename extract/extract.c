/* extract.c - the text of a file: format detection by content, plain text in any encoding, the helper for PDF and ZIP formats, hyphen repair. */
#define _GNU_SOURCE     /* pipe2: a close-on-exec pipe with no window for other threads' spawns */
#include "extract/extract.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "text/charset.h"
#include "extract/extract_int.h"
#include "extract/gzio.h"
#include "text/text.h"

extern char **environ;

izde_status_t ix_fail(char **why, izde_status_t st, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    free(*why);
    *why = strdup(msg);
    return st;
}

void ix_note(struct ix_extract *x, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (x->notes.len)
        izde_buf_adds(&x->notes, "; ");
    izde_buf_adds(&x->notes, msg);
}

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
    izde_dehyphen_free(x->dh);
    x->dh = NULL;
}

static const char *const extensions[] = {
    ".txt", ".md", ".txt.gz", ".md.gz", ".pdf", ".docx", ".odt", ".epub", ".html", ".htm",
    ".xhtml", NULL,
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

/* ------------------------------------------------------------ text building */

void ix_textout_start(struct ix_textout *t, struct izde_buf *out)
{
    t->out = out;
    t->pending = 0;
}

void ix_textout_break(struct ix_textout *t, int level)
{
    if (level > t->pending)
        t->pending = level;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static izde_status_t flush_pending(struct ix_textout *t)
{
    static const char *const seps[] = { "", " ", "\n", "\n\n" };
    izde_status_t rc = IZDE_OK;
    if (t->pending && t->out->len > 0)
        rc = izde_buf_adds(t->out, seps[t->pending]);
    t->pending = 0;
    return rc;
}

izde_status_t ix_textout_add(struct ix_textout *t, const char *s, size_t len, int collapse)
{
    izde_status_t rc = IZDE_OK;
    for (size_t i = 0; i < len && rc == IZDE_OK; i++) {
        char c = s[i];
        if (c == '\0')
            continue;
        if (is_space(c)) {
            if (collapse) {
                ix_textout_break(t, 1);
            } else {
                /* Significant whitespace (pre, DOCX w:t) is kept. */
                rc = flush_pending(t);
                if (rc == IZDE_OK)
                    rc = izde_buf_addc(t->out, c == '\r' ? '\n' : c == '\v' ? ' ' : c);
            }
            continue;
        }
        rc = flush_pending(t);
        size_t j = i + 1;
        while (j < len && !is_space(s[j]) && s[j] != '\0')
            j++;
        if (rc == IZDE_OK)
            rc = izde_buf_add(t->out, s + i, j - i);
        i = j - 1;
    }
    return rc;
}

/* ------------------------------------------------------------ reading */

static izde_status_t read_all(int fd, size_t max, struct izde_buf *out, char **why)
{
    izde_status_t rc = IZDE_OK;
    for (;;) {
        if (izde_buf_grow(out, 65536) != IZDE_OK)
            return IZDE_ERR_NOMEM;
        ssize_t n = read(fd, out->p + out->len, out->cap - out->len - 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ix_fail(why, IZDE_ERR_IO, "%s", strerror(errno));
        }
        if (n == 0)
            break;
        out->len += (size_t)n;
        out->p[out->len] = '\0';
        if (out->len > max)
            return ix_fail(why, IZDE_ERR_UNSUPPORTED, "file is larger than --max-size");
    }
    return rc;
}

/* The magic numbers of formats we do not read, so they are named. */
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

/* Text that the charset detector calls binary for a few NUL bytes (a bad
 * copy, a fragment pasted from UTF-16) is text all the same: binary is
 * decided by the share of control bytes, at most 1 in IX_CONTROL_SHARE.
 * Returns a malloc'ed copy without the NULs (*nnul of them), or NULL when
 * the content is binary or memory is short. */
#define IX_CONTROL_SHARE 32

static char *drop_nuls(const char *s, size_t len, size_t *nnul)
{
    size_t control = 0, nul = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        nul += c == 0;
        control += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B;
    }
    if (nul == 0 || control > len / IX_CONTROL_SHARE)
        return NULL;
    char *copy = malloc(len - nul + 1);
    if (!copy)
        return NULL;
    size_t w = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i])
            copy[w++] = s[i];
    copy[w] = '\0';
    *nnul = nul;
    return copy;
}

static izde_status_t decode(struct ix_extract *x, const char *s, size_t len,
                            const char *declared, struct izde_buf *out,
                            const char **encoding, char **why);

izde_status_t ix_decode_text(struct ix_extract *x, const char *s, size_t len,
                             const char *declared, struct izde_buf *out,
                             const char **encoding, char **why)
{
    size_t bom = 0, nnul = 0;
    const char *name = NULL;
    if (izde_charset_detect(s, len, &name, &bom) == IZDE_ERR_ENCODING) {
        char *clean = drop_nuls(s, len, &nnul);
        if (!clean)
            return ix_fail(why, IZDE_ERR_ENCODING, "binary content, not text");
        izde_status_t rc = decode(x, clean, len - nnul, declared, out, encoding, why);
        free(clean);
        if (rc == IZDE_OK)
            ix_note(x, "%zu NUL byte%s dropped", nnul, nnul == 1 ? "" : "s");
        return rc;
    }
    return decode(x, s, len, declared, out, encoding, why);
}

static izde_status_t decode(struct ix_extract *x, const char *s, size_t len,
                            const char *declared, struct izde_buf *out,
                            const char **encoding, char **why)
{
    size_t bom = 0;
    const char *name = NULL;
    izde_status_t rc = izde_charset_detect(s, len, &name, &bom);
    if (rc == IZDE_ERR_ENCODING)
        return ix_fail(why, rc, "binary content, not text");
    if (rc != IZDE_OK)
        return ix_fail(why, rc, "cannot tell the character set: %s", izde_status_str(rc));
    /* A declared charset counts unless the bytes prove it wrong: valid
     * UTF-8 or a byte-order mark beat a label. */
    if (declared && bom == 0 && strcmp(name, "UTF-8") != 0) {
        const char *d = izde_charset_canonical(declared);
        if (d && strncmp(d, "UTF-16", 6) != 0 && strncmp(d, "UTF-32", 6) != 0)
            name = d;
    }
    *encoding = name;
    s += bom;
    len -= bom;
    if (strcmp(name, "UTF-8") == 0) {
        if (izde_text_utf8_check(s, len, &x->first_bad) > 0)
            return izde_text_utf8_repair(s, len, out, &x->repaired);
        return izde_buf_add(out, s, len);
    }
    size_t nbad = 0;
    rc = izde_charset_to_utf8(name, s, len, out, &nbad);
    if (rc != IZDE_OK)
        return ix_fail(why, rc, "cannot convert from %s: %s", name, izde_status_str(rc));
    x->repaired += nbad;
    return IZDE_OK;
}

/* ------------------------------------------------------------ the helper */

static pthread_once_t helper_once = PTHREAD_ONCE_INIT;
static char helper_path[PATH_MAX];

static void find_helper(void)
{
    const char *env = getenv("IZDE_EXTRACT_HELPER");
    if (env && *env) {
        snprintf(helper_path, sizeof(helper_path), "%s", env);
        return;
    }
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    if (n <= 0)
        return;
    self[n] = '\0';
    char *slash = strrchr(self, '/');
    if (!slash)
        return;
    *slash = '\0';
    /* Beside the program in the build tree; under PREFIX/lib/izde once
     * installed (cmake --install, the .deb), where programs that are not run
     * by hand belong. */
    snprintf(helper_path, sizeof(helper_path), "%.*s/izde-extract", PATH_MAX - 20, self);
    if (access(helper_path, X_OK) != 0)
        snprintf(helper_path, sizeof(helper_path), "%.*s/../lib/izde/izde-extract",
                 PATH_MAX - 40, self);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Reads one "TAG LEN\n<LEN bytes>\n" record of the helper's answer. */
static int take_field(const char **p, const char *end, char tag[16], const char **val,
                      size_t *vlen)
{
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    if (!nl || nl - *p > 40)
        return 0;
    char head[48];
    memcpy(head, *p, (size_t)(nl - *p));
    head[nl - *p] = '\0';
    unsigned long long n;
    if (sscanf(head, "%15s %llu", tag, &n) != 2 || n > (unsigned long long)(end - nl - 1))
        return 0;
    *val = nl + 1;
    *vlen = (size_t)n;
    *p = nl + 1 + n;
    if (*p < end && **p == '\n')
        (*p)++;
    return 1;
}

static const char no_memory[] = "needs more memory than --max-memory allows";

/* Runs the helper on the file at path, a PDF (format "pdf") or a ZIP-based
 * document ("zip"), and takes its answer: the text into x->raw, the
 * metadata and notes into x. */
static izde_status_t run_helper(struct ix_extract *x, const char *path, const char *format,
                                size_t max_bytes, char **why, int *skip)
{
    const char *label = strcmp(format, "pdf") == 0 ? "PDF" : "document";
    pthread_once(&helper_once, find_helper);
    if (!helper_path[0] || access(helper_path, X_OK) != 0)
        return ix_fail(why, IZDE_ERR_UNSUPPORTED,
                       "%s helper 'izde-extract' not found next to this program", label);
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return ix_fail(why, IZDE_ERR_IO, "cannot start the %s helper: %s", label,
                       strerror(errno));
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    /* poppler reports syntax errors on stderr; the helper's answer says
     * what matters. */
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    char limit[32], memory[32];
    snprintf(limit, sizeof(limit), "%zu", max_bytes);
    snprintf(memory, sizeof(memory), "%zu", x->max_memory + IX_HELPER_BASE_MEMORY);
    /* Without x->max_memory the helper keeps its own default cap. */
    char *argv[] = { helper_path, "--format", (char *)format, "--max-bytes", limit, "--",
                     (char *)path, NULL, NULL, NULL };
    if (x->max_memory) {
        argv[5] = "--max-memory";
        argv[6] = memory;
        argv[7] = "--";
        argv[8] = (char *)path;
    }
    pid_t pid;
    int err = posix_spawn(&pid, helper_path, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    if (err != 0) {
        close(fds[0]);
        return ix_fail(why, IZDE_ERR_IO, "cannot start the %s helper: %s", label,
                       strerror(err));
    }

    /* Read the answer until EOF, the deadline, or the size cap. */
    izde_buf_clear(&x->scratch);
    double deadline = now_s() + x->timeout_s;
    size_t cap = max_bytes + 65536;
    int timed_out = 0, too_big = 0;
    izde_status_t rc = IZDE_OK;
    for (;;) {
        double left = deadline - now_s();
        if (left <= 0) {
            timed_out = 1;
            break;
        }
        struct pollfd pfd = { fds[0], POLLIN, 0 };
        int pr = poll(&pfd, 1, (int)(left * 1000) + 1);
        if (pr < 0 && errno == EINTR)
            continue;
        if (pr == 0)
            continue;
        if (izde_buf_grow(&x->scratch, 65536) != IZDE_OK) {
            rc = IZDE_ERR_NOMEM;
            break;
        }
        ssize_t n = read(fds[0], x->scratch.p + x->scratch.len,
                         x->scratch.cap - x->scratch.len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        x->scratch.len += (size_t)n;
        x->scratch.p[x->scratch.len] = '\0';
        if (x->scratch.len > cap) {
            too_big = 1;
            break;
        }
    }
    close(fds[0]);
    if (timed_out || too_big || rc != IZDE_OK)
        kill(pid, SIGKILL);
    int status = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof(ru));
    while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR)
        ;
    if (rc != IZDE_OK)
        return rc;
    if (timed_out)
        return ix_fail(why, IZDE_ERR_ENCODING, "%s extraction took longer than %u s, stopped",
                       label, x->timeout_s);
    if (too_big) {
        *skip = 1;
        return ix_fail(why, IZDE_ERR_UNSUPPORTED, "text of the %s is larger than --max-size",
                       label);
    }
    if (WIFSIGNALED(status)) {
        /* Libraries that cannot allocate often abort or crash rather than
         * fail: a death near the limit is taken for want of memory. */
        int sig = WTERMSIG(status);
        if (x->max_memory && (sig == SIGABRT || sig == SIGSEGV || sig == SIGBUS ||
                              sig == SIGKILL) &&
            (size_t)ru.ru_maxrss * 1024 >= x->max_memory / 2)
            return ix_fail(why, IZDE_ERR_ENCODING, "%s", no_memory);
        return ix_fail(why, IZDE_ERR_ENCODING, "%s parser crashed (signal %d)", label, sig);
    }

    /* The answer: records status, skip, why, title, author, date, pages,
     * note, format, text. */
    const char *p = x->scratch.p, *end = x->scratch.p + x->scratch.len;
    if (x->scratch.len < 15 || memcmp(p, "IZDE-EXTRACT 1\n", 15) != 0)
        return ix_fail(why, IZDE_ERR_ENCODING, "%s helper failed (exit status %d)", label,
                       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    p += 15;
    char tag[16];
    const char *v;
    size_t vl;
    long st = IZDE_ERR_INTERNAL;
    while (take_field(&p, end, tag, &v, &vl)) {
        if (strcmp(tag, "status") == 0)
            st = strtol(v, NULL, 10);
        else if (strcmp(tag, "skip") == 0)
            *skip = v[0] == '1';
        else if (strcmp(tag, "why") == 0)
            ix_fail(why, IZDE_OK, "%.*s", (int)vl, v);
        else if (strcmp(tag, "pages") == 0)
            x->pages = (unsigned)strtoul(v, NULL, 10);
        else if (strcmp(tag, "title") == 0)
            rc = izde_buf_add(&x->title, v, vl);
        else if (strcmp(tag, "author") == 0)
            rc = izde_buf_add(&x->author, v, vl);
        else if (strcmp(tag, "date") == 0)
            rc = izde_buf_add(&x->date, v, vl);
        else if (strcmp(tag, "note") == 0)
            rc = izde_buf_add(&x->notes, v, vl);
        else if (strcmp(tag, "format") == 0)
            x->format = vl == 4 && memcmp(v, "docx", 4) == 0 ? "docx"
                      : vl == 3 && memcmp(v, "odt", 3) == 0  ? "odt"
                      : vl == 4 && memcmp(v, "epub", 4) == 0 ? "epub"
                                                             : x->format;
        else if (strcmp(tag, "text") == 0)
            rc = izde_buf_add(&x->raw, v, vl);
        if (rc != IZDE_OK)
            return rc;
    }
    if (st < 0 || st >= IZDE_STATUS_COUNT)
        st = IZDE_ERR_INTERNAL;
    /* Out of memory in the helper is the helper's limit, not ours: the
     * file fails, the run goes on. */
    if (st == IZDE_ERR_NOMEM)
        return ix_fail(why, IZDE_ERR_ENCODING, "%s", no_memory);
    if (st != IZDE_OK && !*why)
        ix_fail(why, (izde_status_t)st, "%s", izde_status_str((izde_status_t)st));
    return (izde_status_t)st;
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

/* Makes metadata one clean line: valid UTF-8, whitespace collapsed. */
static izde_status_t clean_line(struct izde_buf *b, struct izde_buf *tmp)
{
    izde_buf_clear(tmp);
    izde_status_t rc = IZDE_OK;
    if (izde_text_utf8_check(b->p ? b->p : "", b->len, NULL) > 0) {
        size_t nbad;
        rc = izde_text_utf8_repair(b->p, b->len, tmp, &nbad);
        if (rc != IZDE_OK)
            return rc;
        izde_buf_clear(b);
        rc = izde_buf_add(b, tmp->p, tmp->len);
        izde_buf_clear(tmp);
    }
    struct ix_textout t;
    ix_textout_start(&t, tmp);
    if (rc == IZDE_OK && b->len)
        rc = ix_textout_add(&t, b->p, b->len, 1);
    izde_buf_clear(b);
    if (rc == IZDE_OK && tmp->len)
        rc = izde_buf_add(b, tmp->p, tmp->len);
    return rc;
}

/* Cuts a metadata field to IX_META_MAX bytes at a character boundary,
 * with a note naming it. */
static void cap_meta(struct ix_extract *x, struct izde_buf *b, const char *name)
{
    if (b->len <= IX_META_MAX)
        return;
    size_t n = IX_META_MAX;
    while (n > 0 && ((unsigned char)b->p[n] & 0xC0) == 0x80)
        n--;
    b->len = n;
    b->p[n] = '\0';
    ix_note(x, "%s cut at %d KB", name, IX_META_MAX / 1024);
}

/* Hyphen repair, then the metadata header (see extract.h). */
static izde_status_t finish(struct ix_extract *x, char **why)
{
    izde_status_t rc = IZDE_OK;
    if (!x->dh) {
        rc = izde_dehyphen_new(&x->dh);
        if (rc == IZDE_OK && x->dehyphen_words)
            izde_dehyphen_set_memory(x->dh, x->dehyphen_words);
    }
    if (rc == IZDE_OK) {
        izde_buf_clear(&x->scratch);
        rc = izde_dehyphen_text(x->dh, x->text.p ? x->text.p : "", x->text.len, &x->scratch,
                                &x->dehyphen);
    }
    if (rc == IZDE_OK)
        rc = clean_line(&x->title, &x->raw);
    if (rc == IZDE_OK)
        rc = clean_line(&x->author, &x->raw);
    if (rc == IZDE_OK)
        rc = clean_line(&x->date, &x->raw);
    if (rc != IZDE_OK)
        return ix_fail(why, rc, "%s", izde_status_str(rc));
    cap_meta(x, &x->title, "title");
    cap_meta(x, &x->author, "author");
    cap_meta(x, &x->date, "date");

    /* x->scratch holds the body; build header + body in x->text. */
    izde_buf_clear(&x->text);
    const char *body = x->scratch.p ? x->scratch.p : "";
    size_t blen = x->scratch.len, skipws = 0;
    while (skipws < blen && (body[skipws] == '\n' || body[skipws] == ' ' || body[skipws] == '\r'))
        skipws++;
    int title_dup = x->title.len && blen - skipws >= x->title.len &&
                    memcmp(body + skipws, x->title.p, x->title.len) == 0 &&
                    (blen - skipws == x->title.len || body[skipws + x->title.len] == '\n');
    if (x->title.len && !title_dup)
        rc = izde_buf_addf(&x->text, "%s\n", x->title.p);
    if (rc == IZDE_OK && x->author.len)
        rc = izde_buf_addf(&x->text, "%s\n", x->author.p);
    if (rc == IZDE_OK && x->text.len)
        rc = izde_buf_addc(&x->text, '\n');
    if (rc == IZDE_OK)
        rc = izde_buf_add(&x->text, body, blen);
    if (rc != IZDE_OK)
        return ix_fail(why, rc, "%s", izde_status_str(rc));
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
static izde_status_t took_raw(struct ix_extract *x, izde_status_t rc, int *skip, char **why)
{
    if (rc == IZDE_ERR_UNSUPPORTED)
        *skip = 1;
    if (rc != IZDE_OK)
        return rc;
    x->bytes_read = x->raw.len;
    if (x->raw.len == 0) {
        *skip = 1;
        return ix_fail(why, IZDE_ERR_INVALID, "empty file");
    }
    return IZDE_OK;
}

/* ------------------------------------------------------------ dispatch */

izde_status_t ix_extract_file(struct ix_extract *x, const char *path, size_t max_bytes,
                              char **why, int *skip)
{
    *why = NULL;
    *skip = 0;
    izde_buf_clear(&x->text);
    izde_buf_clear(&x->title);
    izde_buf_clear(&x->author);
    izde_buf_clear(&x->date);
    izde_buf_clear(&x->notes);
    izde_buf_clear(&x->raw);
    x->encoding = "UTF-8";
    x->format = "text";
    x->pages = 0;
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
            return ix_fail(why, IZDE_ERR_IO, "broken symbolic link");
        if (e == ELOOP && !x->follow_link) {
            *skip = 1;
            return ix_fail(why, IZDE_ERR_IO, "became a symbolic link since the scan");
        }
        return ix_fail(why, IZDE_ERR_IO, "%s", strerror(e));
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        *skip = 1;
        return ix_fail(why, IZDE_ERR_IO, "not a regular file any more");
    }
    if ((uint64_t)st.st_size > max_bytes) {
        close(fd);
        *skip = 1;
        return ix_fail(why, IZDE_ERR_UNSUPPORTED, "file is larger than --max-size");
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    izde_status_t rc = read_all(fd, max_bytes, &x->raw, why);
    close(fd);
    rc = took_raw(x, rc, skip, why);
    if (rc != IZDE_OK)
        return rc;

    const char *foreign_name;
    enum kind k = sniff(x->raw.p, x->raw.len, &foreign_name);
    if (k == K_GZIP) {
        izde_buf_clear(&x->raw);
        rc = took_raw(x, izde_gz_read_file(path, max_bytes, &x->raw, why), skip, why);
        if (rc != IZDE_OK)
            return rc;
        k = sniff(x->raw.p, x->raw.len, &foreign_name);
        if (k != K_TEXT) {
            *skip = 1;
            return ix_fail(why, IZDE_ERR_UNSUPPORTED,
                           "compressed %s: unpack it first (only text is read from .gz)",
                           k == K_PDF ? "PDF" : k == K_ZIP ? "ZIP archive"
                           : k == K_GZIP ? "gzip file" : foreign_name);
        }
    }

    switch (k) {
    case K_FOREIGN:
        *skip = 1;
        return ix_fail(why, IZDE_ERR_UNSUPPORTED, "unsupported format: %s", foreign_name);
    case K_PDF:
        x->format = "pdf";
        izde_buf_clear(&x->raw);
        rc = run_helper(x, path, "pdf", max_bytes, why, skip);
        if (rc != IZDE_OK)
            return rc;
        /* The helper's text is UTF-8 from poppler; check it all the same. */
        if (izde_text_utf8_check(x->raw.p ? x->raw.p : "", x->raw.len, &x->first_bad) > 0)
            rc = izde_text_utf8_repair(x->raw.p, x->raw.len, &x->text, &x->repaired);
        else
            rc = izde_buf_add(&x->text, x->raw.p ? x->raw.p : "", x->raw.len);
        if (rc != IZDE_OK)
            return ix_fail(why, rc, "%s", izde_status_str(rc));
        if (!has_words(x->text.p, x->text.len)) {
            *skip = 1;
            return ix_fail(why, IZDE_ERR_UNSUPPORTED, "no text layer (scanned?), %u page%s",
                           x->pages, x->pages == 1 ? "" : "s");
        }
        break;
    case K_ZIP:
        /* libxml2 and libzip in the helper: a crash or a document that
         * takes all memory to parse costs this file, not the run. */
        x->format = "zip";
        izde_buf_clear(&x->raw);
        rc = run_helper(x, path, "zip", max_bytes, why, skip);
        if (rc != IZDE_OK)
            return rc;
        rc = izde_text_utf8_check(x->raw.p ? x->raw.p : "", x->raw.len, &x->first_bad) > 0
                 ? izde_text_utf8_repair(x->raw.p, x->raw.len, &x->text, &x->repaired)
                 : izde_buf_add(&x->text, x->raw.p ? x->raw.p : "", x->raw.len);
        if (rc != IZDE_OK)
            return ix_fail(why, rc, "%s", izde_status_str(rc));
        break;
    case K_TEXT:
    case K_GZIP:
        if (looks_like_html(x->raw.p, x->raw.len)) {
            x->format = "html";
            rc = ix_extract_html(x, x->raw.p, x->raw.len, why);
        } else {
            rc = ix_decode_text(x, x->raw.p, x->raw.len, NULL, &x->text, &x->encoding, why);
        }
        if (rc != IZDE_OK)
            return rc;
        break;
    }
    if (!has_words(x->text.p ? x->text.p : "", x->text.len) && !x->title.len) {
        *skip = 1;
        return ix_fail(why, IZDE_ERR_INVALID, "no text in the %s document", x->format);
    }
    return finish(x, why);
}
