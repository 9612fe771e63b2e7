/* document.c - a file's content into a document: hash, extract, analyse into terms, values and the stored record. */
#include "indexer/document.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "index/docdata.h"
#include "indexer/indexer.h"


void ix_document_clear(struct ix_document *d)
{
    free(d->why);
    free(d->warning);
    free(d->ocr.each);
    izde_doc_free(d->doc);
    memset(d, 0, sizeof(*d));
}

izde_status_t ix_reader_init(struct ix_reader *r, const struct ix_options *o, char **errmsg)
{
    memset(r, 0, sizeof(*r));
    r->opts = o;
    ix_extract_init(&r->x);
    ix_fields_init(&r->fields);
    r->x.max_memory = o->max_memory;
    r->x.ocr_langs = o->ocr_langs;
    r->x.ocr_cache = o->ocr_cache;
    return izde_analyzer_new(&r->an, errmsg);
}

void ix_reader_release(struct ix_reader *r)
{
    izde_analyzer_free(r->an);
    ix_extract_release(&r->x);
    ix_fields_release(&r->fields);
    izde_buf_release(&r->data);
    izde_buf_release(&r->io);
    izde_doc_free(r->doc);
}

/* FNV-1a over the file's bytes, so that a file that got a new time but
 * kept its content is not analysed again. */
static izde_status_t hash_file(struct ix_reader *r, const struct ix_file *f, uint64_t *hash,
                               char **why, int *skip)
{
    /* The file may have become a FIFO since the walk, which would block
     * the read and the run with it (O_NONBLOCK, then fstat), or a link
     * that leads elsewhere (O_NOFOLLOW but for links the walk vetted). */
    int fd = open(f->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (f->is_link ? 0 : O_NOFOLLOW));
    struct stat st;
    if (fd < 0 && errno == ELOOP && !f->is_link) {
        *skip = 1;
        *why = strdup("became a symbolic link since the scan");
        return *why ? IZDE_ERR_IO : IZDE_ERR_NOMEM;
    }
    if (fd < 0) {
        *why = strdup(strerror(errno));
        return *why ? IZDE_ERR_IO : IZDE_ERR_NOMEM;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        *skip = 1;
        *why = strdup("not a regular file any more");
        return *why ? IZDE_ERR_IO : IZDE_ERR_NOMEM;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    if (izde_buf_grow(&r->io, 65536) != IZDE_OK) {
        close(fd);
        return IZDE_ERR_NOMEM;
    }
    uint64_t h = IX_HASH_INIT;
    izde_status_t rc = IZDE_OK;
    for (;;) {
        ssize_t n = read(fd, r->io.p, 65536);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *why = strdup(strerror(errno));
            rc = *why ? IZDE_ERR_IO : IZDE_ERR_NOMEM;
            break;
        }
        if (n == 0)
            break;
        h = ix_hash_bytes(h, r->io.p, (size_t)n);
    }
    close(fd);
    *hash = h;
    return rc;
}

static int add_term(const struct izde_term *t, void *closure)
{
    struct ix_reader *r = closure;
    izde_status_t rc = t->positional ? izde_doc_add_posting(r->doc, t->text, t->len, t->pos)
                                     : izde_doc_add_term(r->doc, t->text, t->len, 1);
    if (rc != IZDE_OK) {
        r->term_rc = rc;
        return 1;
    }
    return 0;
}

/* Builds the document of an extracted file into r->doc. */
static izde_status_t build_doc(struct ix_reader *r, const struct ix_file *f, const char *hash)
{
    struct ix_extract *x = &r->x;
    struct izde_analysis_stats stats;
    memset(&stats, 0, sizeof(stats));
    r->term_rc = IZDE_OK;
    uint32_t pos = 0;
    izde_status_t rc = izde_analyze_text(r->an, x->text.p, x->text.len, &pos, &stats, add_term, r);
    if (rc != IZDE_OK)
        return r->term_rc != IZDE_OK ? r->term_rc : rc;
    enum izde_lang main_lang = IZDE_LANG_OTHER;
    for (int l = 1; l < IZDE_LANG_COUNT; l++)
        if (stats.words[l] > stats.words[main_lang])
            main_lang = (enum izde_lang)l;
    for (int l = 1; rc == IZDE_OK && l < IZDE_LANG_COUNT; l++) {
        if (!stats.words[l])
            continue;
        char term[16];
        int n = snprintf(term, sizeof(term), IZDE_PREFIX_LANG "%s", izde_lang_code((enum izde_lang)l));
        rc = izde_doc_add_term(r->doc, term, (size_t)n, 0);
    }
    char num[9];
    size_t n;
    if (rc == IZDE_OK) {
        n = izde_sortable_u64((uint64_t)(f->mtime < 0 ? 0 : f->mtime), num);
        rc = izde_doc_set_value(r->doc, IZDE_SLOT_MTIME, num, n);
    }
    if (rc == IZDE_OK) {
        n = izde_sortable_u64(f->size, num);
        rc = izde_doc_set_value(r->doc, IZDE_SLOT_SIZE, num, n);
    }
    if (rc == IZDE_OK && *hash)
        rc = izde_doc_set_value(r->doc, IZDE_SLOT_HASH, hash, 16);
    if (rc != IZDE_OK)
        return rc;

    struct izde_docdata dd = { 0 };
    dd.path = f->path;
    dd.path_len = strlen(f->path);
    ix_extract_title(x, &dd.title, &dd.title_len);
    dd.author = x->author.p;
    dd.author_len = x->author.len;
    dd.date = x->date.p;
    dd.date_len = x->date.len;
    dd.encoding = x->encoding;
    dd.encoding_len = strlen(x->encoding);
    dd.lang = izde_lang_code(main_lang);
    dd.lang_len = strlen(dd.lang);
    dd.size = f->size;
    dd.mtime = f->mtime;
    dd.text = x->text.p;
    dd.text_len = x->text.len;
    rc = ix_fields_add(&r->fields, r->an, x, dd.lang, r->doc, &dd);
    if (rc != IZDE_OK)
        return rc;
    izde_buf_clear(&r->data);
    rc = izde_docdata_encode(&dd, &r->data);
    if (rc == IZDE_OK)
        rc = izde_doc_set_data(r->doc, r->data.p, r->data.len);
    return rc;
}

void ix_reader_read(struct ix_reader *r, const struct ix_job *job, struct ix_document *d)
{
    double t0 = ix_now_seconds();
    const struct ix_file *f = job->file;
    ix_document_clear(d);

    char *why = NULL;
    int skip = 0;
    uint64_t h;
    izde_status_t rc = IZDE_OK;
    /* A file larger than --max-size is left to extraction to refuse. */
    if (f->size <= r->opts->max_file_bytes) {
        rc = hash_file(r, f, &h, &why, &skip);
        if (rc == IZDE_OK)
            snprintf(d->hash, sizeof(d->hash), "%016" PRIx64, h);
    }
    if (rc == IZDE_OK && job->old && *d->hash && strcmp(job->old->hash, d->hash) == 0) {
        d->out = IX_OUT_TOUCHED;
        goto done;
    }
    int indexed = 0;
    if (rc == IZDE_OK) {
        r->x.follow_link = f->is_link;
        struct ix_outcome o;
        rc = ix_extract_file(&r->x, f->path, r->opts->max_file_bytes, &o);
        why = o.why;
        skip = ix_fate_skipped(o.fate);
        indexed = rc == IZDE_OK && o.fate == IX_FATE_INDEXED;
    }
    if (indexed) {
        d->bytes = r->x.bytes_read;
        d->ocr = (struct ix_ocr_figures){ r->x.ocr_pages, r->x.ocr_cached, r->x.ocr_ms,
                                          r->x.ocr_conf, NULL };
        /* Without it the log only lacks the pages' figures. */
        if (r->x.ocr_each.len)
            d->ocr.each = strndup(r->x.ocr_each.p, r->x.ocr_each.len);
        if (r->x.repaired || r->x.notes.len) {
            struct izde_buf b = IZDE_BUF_INIT;
            izde_buf_addf(&b, "'%s': ", f->path);
            if (r->x.repaired)
                izde_buf_addf(&b, "invalid UTF-8 at byte %zu, %zu sequence%s replaced%s",
                              r->x.first_bad, r->x.repaired, r->x.repaired == 1 ? "" : "s",
                              r->x.notes.len ? "; " : "");
            if (r->x.notes.len)
                izde_buf_add(&b, r->x.notes.p, r->x.notes.len);
            d->warning = izde_buf_detach(&b, NULL);
        }
        rc = izde_doc_new(&r->doc);
        if (rc == IZDE_OK)
            rc = build_doc(r, f, d->hash);
        if (rc == IZDE_OK) {
            d->doc = r->doc;
            r->doc = NULL;
            d->out = IX_OUT_DOC;
            goto done;
        }
        izde_doc_free(r->doc);
        r->doc = NULL;
    }
    if (rc == IZDE_ERR_NOMEM)
        d->out = IX_OUT_FATAL;
    else
        d->out = skip ? IX_OUT_SKIP : IX_OUT_FAIL;
    d->why = why ? why : strdup(izde_status_str(rc));
done:
    d->ms = (ix_now_seconds() - t0) * 1000.0;
}
