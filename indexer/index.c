/* index.c - reading and analysing files in worker threads, and one writer storing them in committed batches. */
#include "indexer/indexer.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "analysis/analyze.h"
#include "common/diag.h"
#include "index/docdata.h"
#include "extract/extract.h"

#define IX_MIN_COMMIT_INTERVAL 0.25  /* seconds */
/* How often a writer waiting for a file looks at ix_interrupt_signal: a
 * handler cannot signal a condition variable. */
#define IX_INTERRUPT_POLL_NS 100000000L

volatile sig_atomic_t ix_interrupt_signal;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------ what the index holds */

struct load_state {
    struct ix_knownlist *k;
    izde_status_t rc;
    size_t next;            /* merge cursor for value streams (docid order) */
};

static int load_id(const char *term, size_t len, izde_docid_t docid, void *closure)
{
    struct load_state *ls = closure;
    struct ix_knownlist *k = ls->k;
    struct ix_known *grown = izde_array_grow(k->items, k->n, &k->cap, sizeof(*grown), 1024);
    if (!grown)
        goto nomem;
    k->items = grown;
    struct ix_known *d = &k->items[k->n];
    memset(d, 0, sizeof(*d));
    d->idterm = strndup(term, len);
    /* "Q/..." holds the path; a hashed "Q#..." is resolved from the stored
     * record afterwards. */
    d->path = len > 1 && term[1] == '/' ? strndup(term + 1, len - 1) : NULL;
    d->docid = docid;
    if (!d->idterm || (len > 1 && term[1] == '/' && !d->path)) {
        free(d->idterm);
        free(d->path);
        goto nomem;
    }
    k->n++;
    return 0;
nomem:
    ls->rc = IZDE_ERR_NOMEM;
    return 1;
}

static int docid_cmp(const void *a, const void *b)
{
    const struct ix_known *x = a, *y = b;
    return x->docid < y->docid ? -1 : x->docid > y->docid;
}

/* The entry of docid; value streams come in docid order, as do the
 * entries while this runs, so a forward cursor finds each in turn. */
static struct ix_known *at_docid(struct load_state *ls, izde_docid_t docid)
{
    struct ix_knownlist *k = ls->k;
    while (ls->next < k->n && k->items[ls->next].docid < docid)
        ls->next++;
    return ls->next < k->n && k->items[ls->next].docid == docid ? &k->items[ls->next] : NULL;
}

static uint64_t sortable_decode(const char *s, size_t len)
{
    uint64_t v = 0;
    for (size_t i = 1; i < len && i <= 8; i++)
        v = (v << 8) | (unsigned char)s[i];
    return v;
}

static int load_size(izde_docid_t docid, const char *data, size_t len, void *closure)
{
    struct ix_known *d = at_docid(closure, docid);
    if (d)
        d->size = sortable_decode(data, len);
    return 0;
}

static int load_mtime(izde_docid_t docid, const char *data, size_t len, void *closure)
{
    struct ix_known *d = at_docid(closure, docid);
    if (d)
        d->mtime = (int64_t)sortable_decode(data, len);
    return 0;
}

static int load_hash(izde_docid_t docid, const char *data, size_t len, void *closure)
{
    struct ix_known *d = at_docid(closure, docid);
    if (d && len == 16) {
        memcpy(d->hash, data, 16);
        d->hash[16] = '\0';
    }
    return 0;
}

izde_status_t ix_known_load(izde_wdb_t *db, struct ix_knownlist *known)
{
    struct load_state ls = { .k = known };
    izde_status_t rc = izde_wdb_each_posting(db, IZDE_PREFIX_ID, load_id, &ls);
    if (rc == IZDE_OK && ls.rc != IZDE_OK)
        rc = ls.rc;
    if (rc != IZDE_OK)
        return rc;
    if (known->n > 1)
        qsort(known->items, known->n, sizeof(known->items[0]), docid_cmp);
    static int (*const loaders[])(izde_docid_t, const char *, size_t, void *) = {
        load_size, load_mtime, load_hash
    };
    static const uint32_t slots[] = { IZDE_SLOT_SIZE, IZDE_SLOT_MTIME, IZDE_SLOT_HASH };
    for (size_t i = 0; rc == IZDE_OK && i < 3; i++) {
        ls.next = 0;
        rc = izde_wdb_each_value(db, slots[i], loaders[i], &ls);
    }
    for (size_t i = 0; rc == IZDE_OK && i < known->n; i++) {
        struct ix_known *d = &known->items[i];
        if (d->path)
            continue;
        char *data;
        size_t len;
        rc = izde_wdb_get_data(db, d->docid, &data, &len);
        if (rc != IZDE_OK)
            break;
        struct izde_docdata dd;
        if (izde_docdata_decode(data, len, &dd) == IZDE_OK)
            d->path = strndup(dd.path, dd.path_len);
        else
            d->path = strdup(d->idterm);  /* unreadable record: never matches a file */
        free(data);
        if (!d->path)
            rc = IZDE_ERR_NOMEM;
    }
    if (rc == IZDE_OK)
        ix_knownlist_sort(known);
    return rc;
}

/* ------------------------------------------------------------ one file, in a worker */

enum outcome {
    OUT_DOC,        /* doc is ready to store */
    OUT_TOUCHED,    /* new size or time, same bytes: update the values only */
    OUT_SKIP,
    OUT_FAIL,
    OUT_FATAL,      /* out of memory: the run stops */
};

/* Where a worker leaves one file for the writer. A ring of these keeps the
 * documents in plan order with bounded memory: file i uses slot i % nslots,
 * once the writer has released file i - nslots from it (seq == i). */
struct ix_slot {
    size_t seq;             /* the file this slot waits for or holds */
    uint64_t held;          /* its share of ix_run.inflight */
    int ready;              /* filled, for the writer to take */
    enum outcome out;
    char *why;              /* reason (malloc'ed) for SKIP, FAIL, FATAL */
    char *warning;          /* a warning to print (malloc'ed) or NULL */
    izde_doc_t *doc;        /* OUT_DOC; freed by the worker on reuse */
    uint64_t bytes;
    char hash[17];
    double ms;
};

struct ix_run;

struct ix_worker {
    struct ix_run *run;
    pthread_t thread;
    izde_analyzer_t *an;
    struct ix_extract x;
    struct izde_buf data;
    struct izde_buf io;     /* read buffer for hashing */
    izde_doc_t *doc;        /* being built */
    izde_status_t term_rc;  /* first failure inside the term callback */
};

struct ix_run {
    const struct ix_options *opts;
    const struct ix_plan *plan;
    struct ix_slot *slots;
    size_t nslots;
    pthread_mutex_t mu;
    pthread_cond_t slot_free;   /* a slot was released by the writer */
    pthread_cond_t slot_ready;  /* a slot was filled by a worker */
    size_t next;                /* the next job to hand out */
    unsigned nwriters;          /* writers storing the jobs (see route) */
    uint64_t inflight;          /* file bytes being read or analysed, or
                                   waiting for a writer */
    size_t admitted;            /* jobs that have taken their share */
    int stop;
};

void ix_options_set_memory(struct ix_options *o, size_t max_mb, unsigned writers)
{
    size_t usable = (max_mb - IX_MEM_BASE_MB) * ((size_t)1 << 20);
    o->commit_bytes = usable / 2 / IX_MEM_PER_TEXT_BYTE / (writers ? writers : 1);
    o->inflight_bytes = usable / 4 / IX_MEM_PER_TEXT_BYTE;
    o->max_memory = max_mb << 20;
    o->dehyphen_words = usable / 4 / IZDE_DEHYPHEN_BYTES_PER_WORD / (o->jobs ? o->jobs : 1);
    if (o->dehyphen_words > IZDE_DEHYPHEN_MEMORY_WORDS)
        o->dehyphen_words = IZDE_DEHYPHEN_MEMORY_WORDS;
}

/* FNV-1a over the file's bytes, so that a file that got a new time but
 * kept its content is not analysed again. */
static izde_status_t hash_file(struct ix_worker *w, const struct ix_file *f, uint64_t *hash,
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
    if (izde_buf_grow(&w->io, 65536) != IZDE_OK) {
        close(fd);
        return IZDE_ERR_NOMEM;
    }
    uint64_t h = IX_HASH_INIT;
    izde_status_t rc = IZDE_OK;
    for (;;) {
        ssize_t n = read(fd, w->io.p, 65536);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *why = strdup(strerror(errno));
            rc = *why ? IZDE_ERR_IO : IZDE_ERR_NOMEM;
            break;
        }
        if (n == 0)
            break;
        h = ix_hash_bytes(h, w->io.p, (size_t)n);
    }
    close(fd);
    *hash = h;
    return rc;
}

static int add_term(const struct izde_term *t, void *closure)
{
    struct ix_worker *w = closure;
    izde_status_t rc = t->positional ? izde_doc_add_posting(w->doc, t->text, t->len, t->pos)
                                     : izde_doc_add_term(w->doc, t->text, t->len, 1);
    if (rc != IZDE_OK) {
        w->term_rc = rc;
        return 1;
    }
    return 0;
}

/* Builds the document of an extracted file into w->doc. */
static izde_status_t build_doc(struct ix_worker *w, const struct ix_file *f, const char *hash)
{
    struct ix_extract *x = &w->x;
    struct izde_analysis_stats stats;
    memset(&stats, 0, sizeof(stats));
    w->term_rc = IZDE_OK;
    uint32_t pos = 0;
    izde_status_t rc = izde_analyze_text(w->an, x->text.p, x->text.len, &pos, &stats, add_term, w);
    if (rc != IZDE_OK)
        return w->term_rc != IZDE_OK ? w->term_rc : rc;
    enum izde_lang main_lang = IZDE_LANG_OTHER;
    for (int l = 1; l < IZDE_LANG_COUNT; l++)
        if (stats.words[l] > stats.words[main_lang])
            main_lang = (enum izde_lang)l;
    for (int l = 1; rc == IZDE_OK && l < IZDE_LANG_COUNT; l++) {
        if (!stats.words[l])
            continue;
        char term[16];
        int n = snprintf(term, sizeof(term), IZDE_PREFIX_LANG "%s", izde_lang_code((enum izde_lang)l));
        rc = izde_doc_add_term(w->doc, term, (size_t)n, 0);
    }
    char num[9];
    size_t n;
    if (rc == IZDE_OK) {
        n = izde_sortable_u64((uint64_t)(f->mtime < 0 ? 0 : f->mtime), num);
        rc = izde_doc_set_value(w->doc, IZDE_SLOT_MTIME, num, n);
    }
    if (rc == IZDE_OK) {
        n = izde_sortable_u64(f->size, num);
        rc = izde_doc_set_value(w->doc, IZDE_SLOT_SIZE, num, n);
    }
    if (rc == IZDE_OK && *hash)
        rc = izde_doc_set_value(w->doc, IZDE_SLOT_HASH, hash, 16);
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
    izde_buf_clear(&w->data);
    rc = izde_docdata_encode(&dd, &w->data);
    if (rc == IZDE_OK)
        rc = izde_doc_set_data(w->doc, w->data.p, w->data.len);
    return rc;
}

/* Reads and analyses the file of job into s. Everything here is the
 * worker's own (analyser, buffers, document), so workers run in parallel. */
static void process(struct ix_worker *w, const struct ix_job *job, struct ix_slot *s)
{
    double t0 = now_seconds();
    const struct ix_file *f = job->file;
    free(s->why);
    free(s->warning);
    izde_doc_free(s->doc);
    s->why = s->warning = NULL;
    s->doc = NULL;
    s->bytes = 0;
    s->hash[0] = '\0';

    char *why = NULL;
    int skip = 0;
    uint64_t h;
    izde_status_t rc = IZDE_OK;
    /* A file larger than --max-size is left to extraction to refuse. */
    if (f->size <= w->run->opts->max_file_bytes) {
        rc = hash_file(w, f, &h, &why, &skip);
        if (rc == IZDE_OK)
            snprintf(s->hash, sizeof(s->hash), "%016" PRIx64, h);
    }
    if (rc == IZDE_OK && job->old && *s->hash && strcmp(job->old->hash, s->hash) == 0) {
        s->out = OUT_TOUCHED;
        goto done;
    }
    int indexed = 0;
    if (rc == IZDE_OK) {
        w->x.follow_link = f->is_link;
        struct ix_outcome o;
        rc = ix_extract_file(&w->x, f->path, w->run->opts->max_file_bytes, &o);
        why = o.why;
        skip = ix_fate_skipped(o.fate);
        indexed = rc == IZDE_OK && o.fate == IX_FATE_INDEXED;
    }
    if (indexed) {
        s->bytes = w->x.bytes_read;
        if (w->x.repaired || w->x.notes.len) {
            struct izde_buf b = IZDE_BUF_INIT;
            izde_buf_addf(&b, "'%s': ", f->path);
            if (w->x.repaired)
                izde_buf_addf(&b, "invalid UTF-8 at byte %zu, %zu sequence%s replaced%s",
                              w->x.first_bad, w->x.repaired, w->x.repaired == 1 ? "" : "s",
                              w->x.notes.len ? "; " : "");
            if (w->x.notes.len)
                izde_buf_add(&b, w->x.notes.p, w->x.notes.len);
            s->warning = izde_buf_detach(&b, NULL);
        }
        rc = izde_doc_new(&w->doc);
        if (rc == IZDE_OK)
            rc = build_doc(w, f, s->hash);
        if (rc == IZDE_OK) {
            s->doc = w->doc;
            w->doc = NULL;
            s->out = OUT_DOC;
            goto done;
        }
        izde_doc_free(w->doc);
        w->doc = NULL;
    }
    if (rc == IZDE_ERR_NOMEM)
        s->out = OUT_FATAL;
    else
        s->out = skip ? OUT_SKIP : OUT_FAIL;
    s->why = why ? why : strdup(izde_status_str(rc));
done:
    s->ms = (now_seconds() - t0) * 1000.0;
}

static void *worker_main(void *arg)
{
    struct ix_worker *w = arg;
    struct ix_run *run = w->run;
    for (;;) {
        pthread_mutex_lock(&run->mu);
        /* After an interrupt no new file is started. */
        if (run->stop || ix_interrupt_signal || run->next >= run->plan->njobs) {
            pthread_mutex_unlock(&run->mu);
            break;
        }
        size_t i = run->next++;
        struct ix_slot *s = &run->slots[i % run->nslots];
        /* The file's size stands for its text (a PDF's is smaller, a
         * .gz's larger). Files take their share of the budget in plan
         * order: the writers store in that order, so a later file holding
         * budget that an earlier one waits for would wait for ever. */
        uint64_t size = run->plan->jobs[i].file->size, limit = run->opts->inflight_bytes;
        while (!run->stop && (s->seq != i || run->admitted != i ||
                              (limit && run->inflight && run->inflight + size > limit)))
            pthread_cond_wait(&run->slot_free, &run->mu);
        s->held = size;
        run->inflight += size;
        run->admitted++;
        pthread_cond_broadcast(&run->slot_free);
        int stop = run->stop;
        pthread_mutex_unlock(&run->mu);
        if (stop)
            break;
        process(w, &run->plan->jobs[i], s);
        pthread_mutex_lock(&run->mu);
        s->ready = 1;
        pthread_cond_broadcast(&run->slot_ready);
        pthread_mutex_unlock(&run->mu);
    }
    return NULL;
}

static izde_status_t worker_init(struct ix_worker *w, struct ix_run *run)
{
    memset(w, 0, sizeof(*w));
    w->run = run;
    ix_extract_init(&w->x);
    w->x.dehyphen_words = run->opts->dehyphen_words;
    w->x.max_memory = run->opts->max_memory;
    char *errmsg = NULL;
    izde_status_t rc = izde_analyzer_new(&w->an, &errmsg);
    if (rc != IZDE_OK) {
        izde_diag_error("cannot start text analysis: %s", errmsg ? errmsg : izde_status_str(rc));
        free(errmsg);
    }
    return rc;
}

static void worker_release(struct ix_worker *w)
{
    izde_analyzer_free(w->an);
    ix_extract_release(&w->x);
    izde_buf_release(&w->data);
    izde_buf_release(&w->io);
    izde_doc_free(w->doc);
}

/* ------------------------------------------------------------ the writer */

struct writer {
    const struct ix_options *opts;
    izde_wdb_t *db;
    struct ix_report *r;
    struct izde_buf id;
    unsigned batch_docs;
    size_t batch_bytes;
    int progress;
    double t0, last_progress, last_commit;
    /* With several writers (--shards): which one this is, its thread, and
     * the lock that keeps reports (counters, --log) to one at a time. */
    unsigned shard;
    struct ix_run *run;
    pthread_t thread;
    pthread_mutex_t *report_mu;
    izde_status_t rc;
    /* The uncommitted batch: what its files came to, and their --log
     * lines, handed to the report when its commit is done. */
    struct ix_counts pend;
    size_t pend_jobs;
    struct izde_buf pend_log;
};

/* ix_report_file, and the byte count, from any writer: for outcomes that
 * write nothing to the batch (a failure, a skip). */
static void report(struct writer *wr, const char *path, enum ix_action a, const char *reason,
                   double ms, uint64_t bytes)
{
    if (wr->report_mu)
        pthread_mutex_lock(wr->report_mu);
    wr->r->counts.bytes += bytes;
    ix_report_file(wr->r, path, a, reason, ms);
    if (wr->report_mu)
        pthread_mutex_unlock(wr->report_mu);
}

/* The outcome of a document written to the batch: counted and logged only
 * after the commit that holds it (see commit), so that a crash in between
 * leaves no --log line for a document the index does not have. */
static void defer(struct writer *wr, const char *path, enum ix_action a, const char *reason,
                  double ms, uint64_t bytes)
{
    wr->pend.n[a]++;
    if (wr->report_mu)
        pthread_mutex_lock(wr->report_mu);
    wr->r->counts.bytes += bytes;
    if (wr->report_mu)
        pthread_mutex_unlock(wr->report_mu);
    /* Without memory the line is lost, as ix_report_file would lose it;
     * the count stays right. */
    if (wr->r->log)
        ix_log_append(&wr->pend_log, path, a, reason, ms);
}

int ix_is_no_space(const char *msg)
{
    return msg && strstr(msg, strerror(ENOSPC)) != NULL;
}

static izde_status_t db_failed(struct writer *wr, izde_status_t rc, const char *what)
{
    if (wr->progress)
        fputs("\r\033[K", stderr);
    /* A full disk gets one message from ix_run, which knows what is live. */
    if (ix_is_no_space(izde_wdb_errmsg(wr->db)))
        return IZDE_ERR_NO_SPACE;
    izde_diag_error("cannot %s '%s': %s", what, wr->opts->db_path, izde_wdb_errmsg(wr->db));
    return rc;
}

/* Commits the batch, then hands its outcomes to the report. */
static izde_status_t commit(struct writer *wr)
{
    wr->batch_docs = 0;
    wr->batch_bytes = 0;
    izde_status_t rc = izde_wdb_commit(wr->db);
    if (rc != IZDE_OK)
        return db_failed(wr, rc, "commit to");
    if (wr->report_mu)
        pthread_mutex_lock(wr->report_mu);
    struct ix_report *r = wr->r;
    for (int a = 0; a < IX_ACTION_COUNT; a++)
        r->counts.n[a] += wr->pend.n[a];
    r->jobs_done += wr->pend_jobs;
    if (r->log && wr->pend_log.len)
        fwrite(wr->pend_log.p, 1, wr->pend_log.len, r->log);
    if (wr->report_mu)
        pthread_mutex_unlock(wr->report_mu);
    memset(&wr->pend, 0, sizeof(wr->pend));
    wr->pend_jobs = 0;
    izde_buf_clear(&wr->pend_log);
    return IZDE_OK;
}

/* Counts one change and commits when the batch is full. */
static izde_status_t changed(struct writer *wr, size_t bytes)
{
    wr->batch_docs++;
    wr->batch_bytes += bytes;
    if (wr->batch_docs < wr->opts->commit_docs && wr->batch_bytes < wr->opts->commit_bytes)
        return IZDE_OK;
    /* A reader can read its revision until the second commit after it
     * (izde-search then reopens and retries): commits spaced at
     * least this far apart leave a search that much time. */
    double t = now_seconds();
    if (t - wr->last_commit < IX_MIN_COMMIT_INTERVAL)
        return IZDE_OK;
    wr->last_commit = t;
    return commit(wr);
}

static void show_progress(struct writer *wr, size_t done, size_t total, const char *path)
{
    double t = now_seconds();
    if (done < total && t - wr->last_progress < 0.2)
        return;
    wr->last_progress = t;
    double el = t - wr->t0;
    if (wr->report_mu)
        pthread_mutex_lock(wr->report_mu);
    double mb = (double)wr->r->counts.bytes / 1e6;
    if (wr->report_mu)
        pthread_mutex_unlock(wr->report_mu);
    double rate = el > 0 ? mb / el : 0;
    double left = done ? el / (double)done * (double)(total - done) : 0;
    const char *base = strrchr(path, '/');
    fprintf(stderr, "\r\033[K%zu/%zu files  %.1f MB/s  ETA %.0f s  %.40s", done, total, rate,
            left, base ? base + 1 : path);
}

static izde_status_t store(struct writer *wr, const struct ix_job *job, struct ix_slot *s)
{
    const struct ix_file *f = job->file;
    const struct ix_known *old = job->old;
    double t0 = now_seconds();
    izde_status_t rc = IZDE_OK;
    if (s->warning) {
        if (wr->progress)
            fputs("\r\033[K", stderr);
        izde_diag_warning("%s", s->warning);
        if (wr->report_mu)
            pthread_mutex_lock(wr->report_mu);
        wr->r->counts.warned++;
        if (wr->report_mu)
            pthread_mutex_unlock(wr->report_mu);
    }
    switch (s->out) {
    case OUT_DOC:
        rc = ix_idterm(f->path, strlen(f->path), &wr->id);
        if (rc == IZDE_OK)
            /* The plan knows every committed document and each path comes
             * once per run, so a file without an old document is new. */
            rc = old ? izde_wdb_replace_doc(wr->db, wr->id.p, wr->id.len, s->doc, NULL)
                     : izde_wdb_add_doc(wr->db, wr->id.p, wr->id.len, s->doc, NULL);
        if (rc != IZDE_OK)
            return db_failed(wr, rc, "write document to");
        /* A large document is freed now rather than when its slot is
         * reused, so that --max-memory does not count it twice; small
         * ones are left to the worker, off the writer's thread. */
        if (s->bytes > wr->opts->commit_bytes / 4) {
            izde_doc_free(s->doc);
            s->doc = NULL;
        }
        defer(wr, f->path, old ? IX_REPLACED : IX_ADDED, old ? "changed" : "new",
              s->ms + (now_seconds() - t0) * 1000.0, s->bytes);
        return changed(wr, s->bytes);
    case OUT_TOUCHED: {
        char num[9];
        size_t n = izde_sortable_u64((uint64_t)(f->mtime < 0 ? 0 : f->mtime), num);
        rc = izde_wdb_set_doc_value(wr->db, old->docid, IZDE_SLOT_MTIME, num, n);
        if (rc == IZDE_OK) {
            n = izde_sortable_u64(f->size, num);
            rc = izde_wdb_set_doc_value(wr->db, old->docid, IZDE_SLOT_SIZE, num, n);
        }
        if (rc != IZDE_OK)
            return db_failed(wr, rc, "update document in");
        defer(wr, f->path, IX_UNCHANGED, "same content, new time",
              s->ms + (now_seconds() - t0) * 1000.0, 0);
        return changed(wr, 0);
    }
    case OUT_SKIP:
        if (wr->progress)
            fputs("\r\033[K", stderr);
        izde_diag_warning("skipping '%s': %s", f->path, s->why);
        /* An indexed file that became empty or too large leaves the index:
         * its old text is no longer what the file says. */
        if (old) {
            rc = izde_wdb_delete_doc(wr->db, old->idterm, strlen(old->idterm));
            if (rc != IZDE_OK)
                return db_failed(wr, rc, "delete document from");
        }
        report(wr, f->path, IX_SKIPPED, s->why, s->ms, 0);
        return old ? changed(wr, 0) : IZDE_OK;
    case OUT_FAIL:
        /* The old document, if any, stays: the failure may pass. */
        if (wr->progress)
            fputs("\r\033[K", stderr);
        izde_diag_error("cannot index '%s': %s", f->path, s->why);
        report(wr, f->path, IX_FAILED, s->why, s->ms, 0);
        return IZDE_OK;
    case OUT_FATAL:
    default:
        if (wr->progress)
            fputs("\r\033[K", stderr);
        izde_diag_error("out of memory while reading '%s'", f->path);
        return IZDE_ERR_NOMEM;
    }
}

/* Which writer stores job i: documents that replace an old one go to the
 * first database, which holds the old one; new ones are dealt round. */
static unsigned route(const struct ix_job *job, size_t i, unsigned nwriters)
{
    return job->old ? 0 : (unsigned)(i % nwriters);
}

/* Waits until file i is ready in slot s; 0 when the run stopped first (a
 * writer failed, or a signal asked to stop: files already analysed are
 * still stored, the others are not waited for). */
static int wait_ready(struct ix_run *run, struct ix_slot *s, size_t i)
{
    pthread_mutex_lock(&run->mu);
    while (!(s->seq == i && s->ready) && !run->stop && !ix_interrupt_signal) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += IX_INTERRUPT_POLL_NS;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&run->slot_ready, &run->mu, &until);
    }
    int ready = s->seq == i && s->ready;
    pthread_mutex_unlock(&run->mu);
    return ready;
}

/* Stores, in plan order, the jobs routed to wr. solo, when there are no
 * worker threads, reads and analyses each file here. On failure or
 * interrupt, stops the others. */
static izde_status_t write_jobs(struct writer *wr, struct ix_worker *solo)
{
    struct ix_run *run = wr->run;
    const struct ix_plan *plan = run->plan;
    izde_status_t rc = IZDE_OK;
    for (size_t i = 0; rc == IZDE_OK && i < plan->njobs; i++) {
        const struct ix_job *job = &plan->jobs[i];
        if (route(job, i, run->nwriters) != wr->shard)
            continue;
        struct ix_slot *s = &run->slots[i % run->nslots];
        if (wr->progress)
            show_progress(wr, i, plan->njobs, job->file->path);
        if (solo) {
            if (ix_interrupt_signal)
                break;
            process(solo, job, s);
        } else if (!wait_ready(run, s, i)) {
            break;  /* interrupted, or another writer failed and reported it */
        }
        /* A Ctrl-C reaches the extraction helper too: a file that failed
         * after the interrupt may have failed because of it. */
        if (ix_interrupt_signal && s->out == OUT_FAIL)
            break;
        wr->pend_jobs++;
        rc = store(wr, job, s);
        pthread_mutex_lock(&run->mu);
        run->inflight -= s->held;
        s->held = 0;
        s->ready = 0;
        s->seq = i + run->nslots;
        pthread_cond_broadcast(&run->slot_free);
        pthread_mutex_unlock(&run->mu);
    }
    if (rc != IZDE_OK || ix_interrupt_signal) {
        pthread_mutex_lock(&run->mu);
        run->stop = 1;
        pthread_cond_broadcast(&run->slot_free);
        pthread_cond_broadcast(&run->slot_ready);
        pthread_mutex_unlock(&run->mu);
    }
    return rc;
}

static void *writer_main(void *arg)
{
    struct writer *wr = arg;
    wr->rc = write_jobs(wr, NULL);
    return NULL;
}

izde_status_t ix_index_run(const struct ix_options *opts, izde_wdb_t *const *dbs, size_t ndbs,
                           const struct ix_plan *plan, struct ix_report *r)
{
    if (ndbs == 0 || ndbs > IX_MAX_SHARDS)
        return IZDE_ERR_INVALID;
    pthread_mutex_t report_mu = PTHREAD_MUTEX_INITIALIZER;
    struct writer wrs[IX_MAX_SHARDS];
    memset(wrs, 0, sizeof(wrs));
    for (size_t k = 0; k < ndbs; k++) {
        wrs[k] = (struct writer){ .opts = opts, .db = dbs[k], .r = r, .shard = (unsigned)k };
        wrs[k].t0 = wrs[k].last_commit = now_seconds();
    }
    struct writer *wr = &wrs[0];
    wr->progress = !opts->quiet && isatty(STDERR_FILENO);
    izde_status_t rc = IZDE_OK;

    for (size_t i = 0; i < plan->nunchanged; i++)
        ix_report_file(r, plan->unchanged[i]->path, IX_UNCHANGED, "same size and time", 0);
    r->jobs_total = plan->njobs;
    for (size_t i = 0; rc == IZDE_OK && i < plan->nremoved && !ix_interrupt_signal; i++) {
        const struct ix_known *d = plan->removed[i];
        rc = izde_wdb_delete_doc(wr->db, d->idterm, strlen(d->idterm));
        if (rc != IZDE_OK) {
            db_failed(wr, rc, "delete document from");
            break;
        }
        ix_report_file(r, d->path, IX_REMOVED, "file no longer exists", 0);
        rc = changed(wr, 0);
    }
    if (rc != IZDE_OK || plan->njobs == 0 || ix_interrupt_signal)
        goto commit;

    struct ix_run run = { .opts = opts, .plan = plan };
    unsigned nworkers = opts->jobs ? opts->jobs : 1;
    if (nworkers > plan->njobs)
        nworkers = (unsigned)plan->njobs;
    run.nslots = 2 * (size_t)nworkers + 2 * ndbs;
    run.slots = calloc(run.nslots, sizeof(*run.slots));
    struct ix_worker *workers = calloc(nworkers, sizeof(*workers));
    if (!run.slots || !workers) {
        free(run.slots);
        free(workers);
        izde_diag_error("out of memory");
        rc = IZDE_ERR_NOMEM;
        goto commit;
    }
    for (size_t i = 0; i < run.nslots; i++)
        run.slots[i].seq = i;
    pthread_mutex_init(&run.mu, NULL);
    pthread_cond_init(&run.slot_free, NULL);
    pthread_cond_init(&run.slot_ready, NULL);
    unsigned ninit = 0;
    while (ninit < nworkers && (rc = worker_init(&workers[ninit], &run)) == IZDE_OK)
        ninit++;
    if (rc != IZDE_OK)
        worker_release(&workers[ninit]);  /* the one that failed */
    /* With one worker there is no thread: the writer reads and analyses
     * each file itself, which is the plain sequential indexer. */
    unsigned nthreads = 0;
    if (rc == IZDE_OK && nworkers > 1) {
        while (nthreads < nworkers &&
               pthread_create(&workers[nthreads].thread, NULL, worker_main, &workers[nthreads]) == 0)
            nthreads++;
        if (nthreads == 0)
            izde_diag_warning("cannot start worker threads: indexing in one thread");
    }
    /* The other writers get their own threads; this one is writer 0. A
     * sequential run (no worker threads) has one writer only. */
    run.nwriters = 1;
    if (rc == IZDE_OK && nthreads > 0 && ndbs > 1) {
        for (size_t k = 0; k < ndbs; k++) {
            wrs[k].run = &run;
            wrs[k].report_mu = &report_mu;
        }
        run.nwriters = (unsigned)ndbs;
        for (unsigned k = 1; k < run.nwriters; k++)
            if (pthread_create(&wrs[k].thread, NULL, writer_main, &wrs[k]) != 0) {
                /* Fewer writers: jobs are dealt among those that started. */
                run.nwriters = k;
                break;
            }
    }
    wr->run = &run;
    if (rc == IZDE_OK)
        rc = write_jobs(wr, nthreads == 0 ? &workers[0] : NULL);
    for (unsigned k = 1; k < run.nwriters; k++) {
        pthread_join(wrs[k].thread, NULL);
        if (rc == IZDE_OK)
            rc = wrs[k].rc;
    }
    pthread_mutex_lock(&run.mu);
    run.stop = 1;
    pthread_cond_broadcast(&run.slot_free);
    pthread_mutex_unlock(&run.mu);
    for (unsigned t = 0; t < nthreads; t++)
        pthread_join(workers[t].thread, NULL);
    for (unsigned t = 0; t < ninit; t++)
        worker_release(&workers[t]);
    for (size_t i = 0; i < run.nslots; i++) {
        free(run.slots[i].why);
        free(run.slots[i].warning);
        izde_doc_free(run.slots[i].doc);
    }
    free(run.slots);
    free(workers);
    pthread_cond_destroy(&run.slot_ready);
    pthread_cond_destroy(&run.slot_free);
    pthread_mutex_destroy(&run.mu);

commit:
    if (wr->progress)
        fputs("\r\033[K", stderr);
    /* After a failed write the uncommitted batch is lost and the committed
     * ones are intact; commit only when all went well (an interrupt is
     * not a failure: what was stored is committed). */
    for (size_t k = 0; rc == IZDE_OK && k < ndbs; k++)
        rc = commit(&wrs[k]);
    for (size_t k = 0; k < ndbs; k++) {
        izde_buf_release(&wrs[k].id);
        izde_buf_release(&wrs[k].pend_log);
    }
    pthread_mutex_destroy(&report_mu);
    return rc;
}
