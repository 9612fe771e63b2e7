/* report.c - izde-index's terminal and --log: file outcomes, the progress line, per-file messages, the closing summary. */
#include "indexer/report.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "common/diag.h"
#include "common/json.h"
#include "common/utf8.h"

/* The sequence that takes the cursor to the line's start and erases it. */
#define ERASE_LINE "\r\033[K"

/* ------------------------------------------------------------ outcomes, --log */

izde_status_t ix_report_open(struct ix_report *r, const char *log_path)
{
    if (!log_path)
        return IZDE_OK;
    r->log = fopen(log_path, "a");
    if (!r->log) {
        izde_diag_error("cannot open log '%s': %s", log_path, strerror(errno));
        return IZDE_ERR_IO;
    }
    /* Line-buffered, so that a killed run leaves whole lines. */
    setvbuf(r->log, NULL, _IOLBF, 0);
    return IZDE_OK;
}

void ix_report_close(struct ix_report *r, const char *log_path)
{
    if (r->log && fclose(r->log) != 0)
        izde_diag_error("cannot write log '%s': %s", log_path, strerror(errno));
    r->log = NULL;
    izde_buf_release(&r->line);
}

static const char *const action_names[IX_ACTION_COUNT] = {
    [IX_ADDED] = "added",       [IX_REPLACED] = "replaced", [IX_UNCHANGED] = "unchanged",
    [IX_REMOVED] = "removed",   [IX_SKIPPED] = "skipped",   [IX_FAILED] = "failed",
};

const char *ix_action_name(enum ix_action a)
{
    return a < IX_ACTION_COUNT ? action_names[a] : "?";
}

/* ,"ocr_each":[...] from the helper's "PAGE MS CONF" lines; a line that
 * does not read as three numbers is left out. */
static izde_status_t ocr_each(struct izde_buf *out, const char *each)
{
    izde_status_t rc = izde_buf_adds(out, ",\"ocr_each\":[");
    const char *sep = "";
    for (const char *p = each; rc == IZDE_OK && *p;) {
        unsigned page;
        long ms;
        int conf;
        if (sscanf(p, "%u %ld %d", &page, &ms, &conf) == 3) {
            rc = ms < 0 ? izde_buf_addf(out, "%s{\"page\":%u,\"cached\":true,\"conf\":%d}", sep,
                                        page, conf)
                        : izde_buf_addf(out, "%s{\"page\":%u,\"ms\":%ld,\"conf\":%d}", sep, page,
                                        ms, conf);
            sep = ",";
        }
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : p + strlen(p);
    }
    return rc == IZDE_OK ? izde_buf_addc(out, ']') : rc;
}

izde_status_t ix_log_line(struct izde_buf *out, const char *path, enum ix_action a,
                          const char *reason, double ms, const struct ix_ocr_figures *ocr)
{
    if (!reason)
        reason = "";
    if (izde_buf_adds(out, "{\"path\":") || izde_json_escape_bytes(out, path, strlen(path)) ||
        izde_buf_addf(out, ",\"action\":\"%s\",\"reason\":", ix_action_name(a)) ||
        izde_json_escape_bytes(out, reason, strlen(reason)) ||
        izde_buf_addf(out, ",\"ms\":%.1f", ms < 0 ? 0.0 : ms))
        return IZDE_ERR_NOMEM;
    if (ocr && (ocr->pages || ocr->cached) &&
        izde_buf_addf(out, ",\"ocr_pages\":%u,\"ocr_cached\":%u,\"ocr_ms\":%u,\"ocr_conf\":%u",
                      ocr->pages, ocr->cached, ocr->ms, ocr->conf))
        return IZDE_ERR_NOMEM;
    if (ocr && ocr->each && ocr_each(out, ocr->each))
        return IZDE_ERR_NOMEM;
    return izde_buf_addc(out, '}');
}

izde_status_t ix_log_append(struct izde_buf *out, const char *path, enum ix_action a,
                            const char *reason, double ms, const struct ix_ocr_figures *ocr)
{
    if (ix_log_line(out, path, a, reason, ms, ocr) || izde_buf_addc(out, '\n'))
        return IZDE_ERR_NOMEM;
    return IZDE_OK;
}

void ix_report_file(struct ix_report *r, const char *path, enum ix_action a,
                    const char *reason, double ms)
{
    if (a < IX_ACTION_COUNT)
        r->counts.n[a]++;
    if (!r->log)
        return;
    izde_buf_clear(&r->line);
    if (ix_log_append(&r->line, path, a, reason, ms, NULL) == IZDE_OK)
        fwrite(r->line.p, 1, r->line.len, r->log);
}

double ix_now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------ the progress line */

int ix_progress_due(struct ix_progress *p, double now, size_t done, size_t total)
{
    /* Redrawing costs a write to the terminal per file otherwise. */
    if (done < total && now - p->last < 0.2)
        return 0;
    p->last = now;
    return 1;
}

/* Copies at most max characters of name into out (cap bytes, cap >= 1),
 * whole characters only: a Kyrgyz or Russian file name cut inside a letter
 * would show as mojibake. A control character or a byte that is not UTF-8
 * becomes '?', so a file's name cannot move the cursor or colour the line. */
static void progress_name(char *out, size_t cap, const char *name, size_t max)
{
    size_t len = strlen(name), o = 0;
    for (size_t i = 0, chars = 0; i < len && chars < max; chars++) {
        size_t n = izde_utf8_seq_len(name, len, i);
        unsigned char c = (unsigned char)name[i];
        int control = n == 0 || c < 0x20 || c == 0x7F ||
                      (n == 2 && c == 0xC2 && (unsigned char)name[i + 1] < 0xA0);
        size_t take = control ? 1 : n;
        if (o + take >= cap)
            break;
        if (control) {
            out[o++] = '?';
        } else {
            memcpy(out + o, name + i, n);
            o += n;
        }
        i += n ? n : 1;
    }
    out[o] = '\0';
}

int ix_progress_format(char *buf, size_t cap, size_t done, size_t total, double elapsed,
                       uint64_t bytes, size_t ocr_pages, const char *path)
{
    double mb = (double)bytes / 1e6;
    double rate = elapsed > 0 ? mb / elapsed : 0;
    double left = done ? elapsed / (double)done * (double)(total - done) : 0;
    const char *base = strrchr(path, '/');
    char name[4 * IX_PROGRESS_NAME_CHARS + 1];
    progress_name(name, sizeof(name), base ? base + 1 : path, IX_PROGRESS_NAME_CHARS);
    char pages[48] = "";
    if (ocr_pages)
        snprintf(pages, sizeof(pages), "  %zu page%s OCR'd", ocr_pages, ocr_pages == 1 ? "" : "s");
    return snprintf(buf, cap, ERASE_LINE "%zu/%zu files%s  %.1f MB/s  ETA %.0f s  %s", done,
                    total, pages, rate, left, name);
}

void ix_progress_draw(const struct ix_progress *p, double now, size_t done, size_t total,
                      uint64_t bytes, size_t ocr_pages, const char *path)
{
    char line[256];
    ix_progress_format(line, sizeof(line), done, total, now - p->t0, bytes, ocr_pages, path);
    fputs(line, stderr);
}

void ix_progress_clear(const struct ix_progress *p)
{
    if (p && p->on)
        fputs(ERASE_LINE, stderr);
}

/* ------------------------------------------------------------ per-file messages */

void ix_say_warning(const struct ix_progress *p, const char *msg)
{
    ix_progress_clear(p);
    izde_diag_warning("%s", msg);
}

void ix_say_skipped(const struct ix_progress *p, const char *path, const char *why)
{
    ix_progress_clear(p);
    izde_diag_warning("skipping '%s': %s", path, why);
}

void ix_say_failed(const struct ix_progress *p, const char *path, const char *why)
{
    ix_progress_clear(p);
    izde_diag_error("cannot index '%s': %s", path, why);
}

/* ------------------------------------------------------------ the summary */

/* n with thousands separated by commas ("1,464"), into buf. */
static const char *thousands(size_t n, char buf[32])
{
    char digits[24];
    int len = snprintf(digits, sizeof(digits), "%zu", n);
    int j = 0;
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            buf[j++] = ',';
        buf[j++] = digits[i];
    }
    buf[j] = '\0';
    return buf;
}

/* The one line that says how far an interrupted run got. */
static void report_interrupt(FILE *out, const struct ix_report *r)
{
    char done[32], total[32], live[32];
    thousands(r->jobs_done, done);
    thousands(r->jobs_total, total);
    if (!r->started || r->jobs_total == 0)
        fprintf(out, "izde-index: interrupted before any file was indexed; nothing "
                     "changed\n");
    else if (!r->rebuild)
        fprintf(out, "izde-index: interrupted: %s of %s files indexed and committed; run "
                     "again to finish\n", done, total);
    else if (r->live_docs >= 0)
        fprintf(out, "izde-index: interrupted: the rebuild got to %s of %s files and is "
                     "not swapped in; the old index (%s documents) stays live; run again "
                     "to go on\n", done, total, thousands((size_t)r->live_docs, live));
    else
        fprintf(out, "izde-index: interrupted: the first build got to %s of %s files; "
                     "there is no index yet; run again to go on\n", done, total);
}

void ix_report_summary(FILE *out, const struct ix_report *r, izde_status_t rc, double secs,
                       int quiet)
{
    const struct ix_counts *c = &r->counts;
    size_t indexed = c->n[IX_ADDED] + c->n[IX_REPLACED];
    double mb = (double)c->bytes / 1e6;
    if (rc == IZDE_ERR_INTERRUPTED)
        report_interrupt(out, r);
    /* The summary: after a run that got to its files, unless -q and all
     * went well; never after an error that came before any work. */
    int failed = rc != IZDE_OK || c->n[IX_FAILED] > 0;
    if (r->started && (!quiet || failed))
        fprintf(out,
                "izde-index: %zu indexed, %zu skipped, %zu failed (%zu added, %zu replaced, "
                "%zu unchanged, %zu removed); %.1f MB in %.2f s (%.2f MB/s, %.0f docs/s)%s\n",
                indexed, c->n[IX_SKIPPED], c->n[IX_FAILED], c->n[IX_ADDED], c->n[IX_REPLACED],
                c->n[IX_UNCHANGED], c->n[IX_REMOVED], mb, secs, secs > 0 ? mb / secs : 0.0,
                secs > 0 ? (double)indexed / secs : 0.0,
                rc != IZDE_OK && rc != IZDE_ERR_INTERRUPTED ? "; stopped by the error above" : "");
    if (r->started && (c->ocr_pages || c->ocr_cached) && (!quiet || failed))
        fprintf(out, "izde-index: %zu page%s OCR'd, %zu from cache\n", c->ocr_pages + c->ocr_cached,
                c->ocr_pages + c->ocr_cached == 1 ? "" : "s", c->ocr_cached);
    if (r->started && c->warned && (!quiet || failed))
        fprintf(out, "izde-index: %zu file%s indexed with warnings (cut, repaired or partly "
                     "extracted: see above)\n", c->warned, c->warned == 1 ? "" : "s");
}
