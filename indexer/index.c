/* index.c - reading each file, analysing it, and writing documents in committed batches. */
#include "indexer.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "analyze.h"
#include "buf.h"
#include "diag.h"
#include "docdata.h"
#include "extract.h"
#include "index_meta.h"
#include "xapian_binding.h"

#define TITLE_MAX_BYTES 200

/* A document made ready for the writer: everything but the database work. */
struct ix_doc {
    struct ix_extract x;     /* the file's text and metadata */
    const char *text;        /* x.text without a BOM */
    size_t text_len;
    struct izde_buf terms;   /* packed: kind(1) pos(4) len(2) bytes */
    struct izde_buf data;    /* the stored record */
    struct izde_analysis_stats stats;
    uint64_t hash;
};

struct ix_state {
    const struct ix_options *opts;
    izde_wdb_t *db;
    izde_analyzer_t *an;
    struct ix_doc doc;
    struct ix_counts *counts;
    int progress;            /* a live progress line on stderr */
};

static void doc_release(struct ix_doc *d)
{
    ix_extract_release(&d->x);
    izde_buf_release(&d->terms);
    izde_buf_release(&d->data);
}

static int collect_term(const struct izde_term *t, void *closure)
{
    struct ix_doc *d = closure;
    unsigned char hdr[7];
    hdr[0] = (unsigned char)t->kind;
    memcpy(hdr + 1, &t->pos, 4);
    uint16_t len = (uint16_t)t->len;
    memcpy(hdr + 5, &len, 2);
    return izde_buf_add(&d->terms, hdr, sizeof(hdr)) != IZDE_OK ||
           izde_buf_add(&d->terms, t->text, t->len) != IZDE_OK;
}

/* FNV-1a, 64 bit: cheap, and enough to tell a changed file from an
 * unchanged one of the same size and time. */
static uint64_t content_hash(const char *s, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* The first non-empty line, trimmed and cut to TITLE_MAX_BYTES at a
 * character boundary. */
static void find_title(const char *s, size_t len, const char **title, size_t *tlen)
{
    size_t i = 0;
    for (;;) {
        while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
            i++;
        size_t e = i;
        while (e < len && s[e] != '\n')
            e++;
        size_t end = e;
        while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r'))
            end--;
        if (end > i || e >= len) {
            if (end - i > TITLE_MAX_BYTES) {
                end = i + TITLE_MAX_BYTES;
                while (end > i && ((unsigned char)s[end] & 0xC0) == 0x80)
                    end--;
            }
            *title = s + i;
            *tlen = end - i;
            return;
        }
        i = e;
    }
}

/* Reads and analyses one file into st->doc. Returns IZDE_OK, or a status
 * with *why set (malloc'ed) when the file is to be skipped or has failed;
 * *skip tells which. */
static izde_status_t prepare(struct ix_state *st, const struct ix_file *f, char **why,
                             int *skip)
{
    struct ix_doc *d = &st->doc;
    *why = NULL;
    *skip = 0;
    izde_buf_clear(&d->terms);
    izde_buf_clear(&d->data);
    memset(&d->stats, 0, sizeof(d->stats));

    struct ix_extract *x = &d->x;
    izde_status_t rc = ix_extract_file(x, f->path, st->opts->max_file_bytes, why, skip);
    if (rc != IZDE_OK)
        return rc;
    if (x->repaired) {
        izde_diag_warning("'%s': invalid UTF-8 at byte %zu, %zu sequence%s replaced", f->path,
                          x->first_bad, x->repaired, x->repaired == 1 ? "" : "s");
        st->counts->warned++;
    }
    d->text = x->text.p;
    d->text_len = x->text.len;
    d->hash = content_hash(d->text, d->text_len);

    uint32_t pos = 0;
    rc = izde_analyze_text(st->an, d->text, d->text_len, &pos, &d->stats, collect_term, d);
    if (rc != IZDE_OK) {
        *why = strdup(izde_status_str(rc));
        return rc;
    }

    enum izde_lang main_lang = IZDE_LANG_OTHER;
    for (int l = 1; l < IZDE_LANG_COUNT; l++)
        if (d->stats.words[l] > d->stats.words[main_lang])
            main_lang = (enum izde_lang)l;
    struct izde_docdata dd = { 0 };
    dd.path = f->path;
    dd.path_len = strlen(f->path);
    if (x->title.len) {
        dd.title = x->title.p;
        dd.title_len = x->title.len;
    } else {
        find_title(d->text, d->text_len, &dd.title, &dd.title_len);
    }
    dd.encoding = x->encoding;
    dd.encoding_len = strlen(x->encoding);
    dd.lang = izde_lang_code(main_lang);
    dd.lang_len = strlen(dd.lang);
    dd.size = f->size;
    dd.mtime = f->mtime;
    dd.text = d->text;
    dd.text_len = d->text_len;
    rc = izde_docdata_encode(&dd, &d->data);
    if (rc != IZDE_OK)
        *why = strdup(izde_status_str(rc));
    return rc;
}

/* Writes st->doc as the document of f. A failure here is a database
 * failure, which ends the run. */
static izde_status_t store(struct ix_state *st, const struct ix_file *f)
{
    struct ix_doc *d = &st->doc;
    izde_wdb_t *db = st->db;
    izde_status_t rc = izde_wdb_begin_doc(db);
    for (size_t i = 0; rc == IZDE_OK && i < d->terms.len;) {
        const unsigned char *h = (const unsigned char *)d->terms.p + i;
        uint32_t pos;
        uint16_t len;
        memcpy(&pos, h + 1, 4);
        memcpy(&len, h + 5, 2);
        const char *term = (const char *)h + 7;
        if (h[0] == IZDE_TERM_EXACT)
            rc = izde_wdb_add_posting(db, term, len, pos);
        else
            rc = izde_wdb_add_term(db, term, len, 1);
        i += 7 + (size_t)len;
    }
    for (int l = 1; rc == IZDE_OK && l < IZDE_LANG_COUNT; l++) {
        if (!d->stats.words[l])
            continue;
        char term[16];
        int n = snprintf(term, sizeof(term), IZDE_PREFIX_LANG "%s", izde_lang_code((enum izde_lang)l));
        rc = izde_wdb_add_term(db, term, (size_t)n, 0);
    }
    char num[9];
    size_t n;
    if (rc == IZDE_OK) {
        n = izde_sortable_u64((uint64_t)(f->mtime < 0 ? 0 : f->mtime), num);
        rc = izde_wdb_set_value(db, IZDE_SLOT_MTIME, num, n);
    }
    if (rc == IZDE_OK) {
        n = izde_sortable_u64(f->size, num);
        rc = izde_wdb_set_value(db, IZDE_SLOT_SIZE, num, n);
    }
    if (rc == IZDE_OK) {
        char hex[17];
        snprintf(hex, sizeof(hex), "%016" PRIx64, d->hash);
        rc = izde_wdb_set_value(db, IZDE_SLOT_HASH, hex, 16);
    }
    if (rc == IZDE_OK)
        rc = izde_wdb_set_data(db, d->data.p, d->data.len);
    struct izde_buf id = IZDE_BUF_INIT;
    if (rc == IZDE_OK && (izde_buf_adds(&id, IZDE_PREFIX_ID) || izde_buf_adds(&id, f->path)))
        rc = IZDE_ERR_NOMEM;
    if (rc == IZDE_OK)
        rc = izde_wdb_end_doc(db, id.p, id.len, NULL);
    izde_buf_release(&id);
    return rc;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void show_progress(struct ix_state *st, size_t done, size_t total, double t0,
                          const char *path)
{
    double el = now_seconds() - t0;
    double mb = (double)st->counts->bytes / 1e6;
    double rate = el > 0 ? mb / el : 0;
    double left = done ? el / (double)done * (double)(total - done) : 0;
    const char *base = strrchr(path, '/');
    fprintf(stderr, "\r\033[K%zu/%zu files  %.1f MB/s  %.0f s left  %.40s", done, total, rate,
            left, base ? base + 1 : path);
}

/* Reports a failed database call and keeps the status. */
static izde_status_t db_failed(struct ix_state *st, izde_status_t rc, const char *what)
{
    izde_diag_error("cannot %s '%s': %s", what, st->opts->db_path, izde_wdb_errmsg(st->db));
    return rc;
}

izde_status_t ix_index_files(const struct ix_options *opts, const struct ix_filelist *list,
                             struct ix_counts *counts)
{
    struct ix_state st = { .opts = opts, .counts = counts };
    char *errmsg = NULL;
    izde_status_t rc = izde_analyzer_new(&st.an, &errmsg);
    if (rc != IZDE_OK) {
        izde_diag_error("cannot start text analysis: %s", errmsg ? errmsg : izde_status_str(rc));
        free(errmsg);
        return rc;
    }
    rc = izde_wdb_open(opts->db_path, IZDE_WDB_CREATE_OR_OPEN, &st.db, &errmsg);
    if (rc != IZDE_OK) {
        izde_diag_error("cannot open database '%s': %s", opts->db_path,
                        errmsg ? errmsg : izde_status_str(rc));
        free(errmsg);
        izde_analyzer_free(st.an);
        return rc;
    }
    rc = izde_index_meta_check_write(st.db, opts->db_path, izde_analyzer_version(st.an), &errmsg);
    if (rc != IZDE_OK) {
        izde_diag_error("cannot use database '%s': %s", opts->db_path,
                        errmsg ? errmsg : izde_status_str(rc));
        free(errmsg);
        goto out;
    }
    st.progress = !opts->quiet && isatty(STDERR_FILENO);
    double t0 = now_seconds();
    unsigned batch_docs = 0;
    size_t batch_bytes = 0;
    for (size_t i = 0; i < list->n; i++) {
        const struct ix_file *f = &list->items[i];
        char *why;
        int skip;
        if (st.progress)
            show_progress(&st, i, list->n, t0, f->path);
        izde_status_t prc = prepare(&st, f, &why, &skip);
        if (prc == IZDE_ERR_NOMEM) {
            free(why);
            rc = prc;
            izde_diag_error("out of memory while reading '%s'", f->path);
            break;
        }
        if (prc != IZDE_OK) {
            if (st.progress)
                fputs("\r\033[K", stderr);
            if (skip) {
                izde_diag_warning("skipping '%s': %s", f->path, why);
                counts->skipped++;
            } else {
                izde_diag_error("cannot index '%s': %s", f->path, why);
                counts->failed++;
            }
            free(why);
            continue;
        }
        rc = store(&st, f);
        if (rc != IZDE_OK) {
            db_failed(&st, rc, "write document to");
            break;
        }
        counts->indexed++;
        counts->bytes += st.doc.x.bytes_read;
        batch_docs++;
        batch_bytes += st.doc.x.bytes_read;
        if (batch_docs >= opts->commit_docs || batch_bytes >= opts->commit_bytes) {
            rc = izde_wdb_commit(st.db);
            if (rc != IZDE_OK) {
                db_failed(&st, rc, "commit to");
                break;
            }
            batch_docs = 0;
            batch_bytes = 0;
        }
    }
    if (st.progress)
        fputs("\r\033[K", stderr);
    if (rc == IZDE_OK) {
        rc = izde_wdb_commit(st.db);
        if (rc != IZDE_OK)
            db_failed(&st, rc, "commit to");
    }
out:
    /* After a failed write the uncommitted batch is lost, the committed
     * ones are intact: close without a further commit attempt mattering. */
    {
        izde_status_t crc = izde_wdb_close(st.db);
        if (rc == IZDE_OK && crc != IZDE_OK) {
            izde_diag_error("cannot close database '%s': %s", opts->db_path,
                            izde_status_str(crc));
            rc = crc;
        }
    }
    izde_analyzer_free(st.an);
    doc_release(&st.doc);
    return rc;
}
