/* pool.c - the worker pool: threads reading and analysing files in plan order, and writer threads storing them in committed batches. */
#include "indexer/indexer.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "common/diag.h"
#include "index/docdata.h"
#include "indexer/document.h"
#include "indexer/memmodel.h"

#define IX_MIN_COMMIT_INTERVAL 0.25  /* seconds */
/* Set by izde-index's signal handler (main.c); the run, the walk and the
 * pool stop taking new work once it is. Defined here, at the bottom of the
 * three, so that none of them calls back up to read it. */
volatile sig_atomic_t ix_interrupt_signal;

/* How often a writer waiting for a file looks at ix_interrupt_signal: a
 * handler cannot signal a condition variable. */
#define IX_INTERRUPT_POLL_NS 100000000L

/* Where a worker leaves one file for the writer. A ring of these keeps the
 * documents in plan order with bounded memory: file i uses slot i % nslots,
 * once the writer has released file i - nslots from it (seq == i). */
struct ix_slot {
    size_t seq;             /* the file this slot waits for or holds */
    uint64_t held;          /* its share of ix_pool.inflight */
    int ready;              /* filled, for the writer to take */
    struct ix_document d;   /* its doc is freed by the worker on reuse */
};

/* What the workers and writers of one ix_pool_run share, under mu. */
struct ix_pool {
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

struct ix_worker {
    struct ix_pool *pool;
    pthread_t thread;
    struct ix_reader reader;
};

static void *worker_main(void *arg)
{
    struct ix_worker *w = arg;
    struct ix_pool *pool = w->pool;
    for (;;) {
        pthread_mutex_lock(&pool->mu);
        /* After an interrupt no new file is started. */
        if (pool->stop || ix_interrupt_signal || pool->next >= pool->plan->njobs) {
            pthread_mutex_unlock(&pool->mu);
            break;
        }
        size_t i = pool->next++;
        struct ix_slot *s = &pool->slots[i % pool->nslots];
        /* The file's size stands for its text (a PDF's is smaller, a
         * .gz's larger). Files take their share of the budget in plan
         * order: the writers store in that order, so a later file holding
         * budget that an earlier one waits for would wait for ever. */
        uint64_t size = pool->plan->jobs[i].file->size, limit = pool->opts->inflight_bytes;
        while (!pool->stop && (s->seq != i || pool->admitted != i ||
                               !ix_memmodel_admits(pool->inflight, size, limit)))
            pthread_cond_wait(&pool->slot_free, &pool->mu);
        s->held = size;
        pool->inflight += size;
        pool->admitted++;
        pthread_cond_broadcast(&pool->slot_free);
        int stop = pool->stop;
        pthread_mutex_unlock(&pool->mu);
        if (stop)
            break;
        ix_reader_read(&w->reader, &pool->plan->jobs[i], &s->d);
        pthread_mutex_lock(&pool->mu);
        s->ready = 1;
        pthread_cond_broadcast(&pool->slot_ready);
        pthread_mutex_unlock(&pool->mu);
    }
    return NULL;
}

static izde_status_t worker_init(struct ix_worker *w, struct ix_pool *pool)
{
    memset(w, 0, sizeof(*w));
    w->pool = pool;
    char *errmsg = NULL;
    izde_status_t rc = ix_reader_init(&w->reader, pool->opts, &errmsg);
    if (rc != IZDE_OK) {
        izde_diag_error("cannot start text analysis: %s", errmsg ? errmsg : izde_status_str(rc));
        free(errmsg);
    }
    return rc;
}

/* ------------------------------------------------------------ the writer */

struct writer {
    const struct ix_options *opts;
    izde_wdb_t *db;
    struct ix_report *r;
    struct izde_buf id;
    unsigned batch_docs;
    size_t batch_bytes;
    struct ix_progress progress;    /* on for the first writer only */
    double last_commit;
    /* With several writers (--shards): which one this is, its thread, and
     * the lock that keeps reports (counters, --log) to one at a time. */
    unsigned shard;
    struct ix_pool *pool;
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
                  double ms, uint64_t bytes, const struct ix_ocr_figures *ocr)
{
    wr->pend.n[a]++;
    if (ocr) {
        wr->pend.ocr_pages += ocr->pages;
        wr->pend.ocr_cached += ocr->cached;
    }
    if (wr->report_mu)
        pthread_mutex_lock(wr->report_mu);
    wr->r->counts.bytes += bytes;
    if (ocr)
        wr->r->ocr_seen += ocr->pages + ocr->cached;
    if (wr->report_mu)
        pthread_mutex_unlock(wr->report_mu);
    /* Without memory the line is lost, as ix_report_file would lose it;
     * the count stays right. */
    if (wr->r->log)
        ix_log_append(&wr->pend_log, path, a, reason, ms, ocr);
}

static izde_status_t db_failed(struct writer *wr, izde_status_t rc, const char *what)
{
    ix_progress_clear(&wr->progress);
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
    r->counts.ocr_pages += wr->pend.ocr_pages;
    r->counts.ocr_cached += wr->pend.ocr_cached;
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
    double t = ix_now_seconds();
    if (t - wr->last_commit < IX_MIN_COMMIT_INTERVAL)
        return IZDE_OK;
    wr->last_commit = t;
    return commit(wr);
}

static void show_progress(struct writer *wr, size_t done, size_t total, const char *path)
{
    double t = ix_now_seconds();
    if (!ix_progress_due(&wr->progress, t, done, total))
        return;
    if (wr->report_mu)
        pthread_mutex_lock(wr->report_mu);
    uint64_t bytes = wr->r->counts.bytes;
    size_t pages = wr->r->ocr_seen;
    if (wr->report_mu)
        pthread_mutex_unlock(wr->report_mu);
    ix_progress_draw(&wr->progress, t, done, total, bytes, pages, path);
}

static izde_status_t store(struct writer *wr, const struct ix_job *job, struct ix_document *d)
{
    const struct ix_file *f = job->file;
    const struct ix_known *old = job->old;
    double t0 = ix_now_seconds();
    izde_status_t rc = IZDE_OK;
    if (d->warning) {
        ix_say_warning(&wr->progress, d->warning);
        if (wr->report_mu)
            pthread_mutex_lock(wr->report_mu);
        wr->r->counts.warned++;
        if (wr->report_mu)
            pthread_mutex_unlock(wr->report_mu);
    }
    switch (d->out) {
    case IX_OUT_DOC:
        rc = ix_idterm(f->path, strlen(f->path), &wr->id);
        if (rc == IZDE_OK)
            /* The plan knows every committed document and each path comes
             * once per run, so a file without an old document is new. */
            rc = old ? izde_wdb_replace_doc(wr->db, wr->id.p, wr->id.len, d->doc, NULL)
                     : izde_wdb_add_doc(wr->db, wr->id.p, wr->id.len, d->doc, NULL);
        if (rc != IZDE_OK)
            return db_failed(wr, rc, "write document to");
        /* A large document is freed now rather than when its slot is
         * reused, so that --max-memory does not count it twice; small
         * ones are left to the worker, off the writer's thread. */
        if (d->bytes > wr->opts->commit_bytes / 4) {
            izde_doc_free(d->doc);
            d->doc = NULL;
        }
        defer(wr, f->path, old ? IX_REPLACED : IX_ADDED, old ? "changed" : "new",
              d->ms + (ix_now_seconds() - t0) * 1000.0, d->bytes, &d->ocr);
        return changed(wr, d->bytes);
    case IX_OUT_TOUCHED: {
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
              d->ms + (ix_now_seconds() - t0) * 1000.0, 0, NULL);
        return changed(wr, 0);
    }
    case IX_OUT_SKIP:
        ix_say_skipped(&wr->progress, f->path, d->why);
        /* An indexed file that became empty or too large leaves the index:
         * its old text is no longer what the file says. */
        if (old) {
            rc = izde_wdb_delete_doc(wr->db, old->idterm, strlen(old->idterm));
            if (rc != IZDE_OK)
                return db_failed(wr, rc, "delete document from");
        }
        report(wr, f->path, IX_SKIPPED, d->why, d->ms, 0);
        return old ? changed(wr, 0) : IZDE_OK;
    case IX_OUT_FAIL:
        /* The old document, if any, stays: the failure may pass. */
        ix_say_failed(&wr->progress, f->path, d->why);
        report(wr, f->path, IX_FAILED, d->why, d->ms, 0);
        return IZDE_OK;
    case IX_OUT_FATAL:
    default:
        ix_progress_clear(&wr->progress);
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
static int wait_ready(struct ix_pool *pool, struct ix_slot *s, size_t i)
{
    pthread_mutex_lock(&pool->mu);
    while (!(s->seq == i && s->ready) && !pool->stop && !ix_interrupt_signal) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += IX_INTERRUPT_POLL_NS;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&pool->slot_ready, &pool->mu, &until);
    }
    int ready = s->seq == i && s->ready;
    pthread_mutex_unlock(&pool->mu);
    return ready;
}

/* Stores, in plan order, the jobs routed to wr. solo, when there are no
 * worker threads, reads and analyses each file here. On failure or
 * interrupt, stops the others. */
static izde_status_t write_jobs(struct writer *wr, struct ix_reader *solo)
{
    struct ix_pool *pool = wr->pool;
    const struct ix_plan *plan = pool->plan;
    izde_status_t rc = IZDE_OK;
    for (size_t i = 0; rc == IZDE_OK && i < plan->njobs; i++) {
        const struct ix_job *job = &plan->jobs[i];
        if (route(job, i, pool->nwriters) != wr->shard)
            continue;
        struct ix_slot *s = &pool->slots[i % pool->nslots];
        if (wr->progress.on)
            show_progress(wr, i, plan->njobs, job->file->path);
        if (solo) {
            if (ix_interrupt_signal)
                break;
            ix_reader_read(solo, job, &s->d);
        } else if (!wait_ready(pool, s, i)) {
            break;  /* interrupted, or another writer failed and reported it */
        }
        /* A Ctrl-C reaches the extraction helper too: a file that failed
         * after the interrupt may have failed because of it. */
        if (ix_interrupt_signal && s->d.out == IX_OUT_FAIL)
            break;
        wr->pend_jobs++;
        rc = store(wr, job, &s->d);
        pthread_mutex_lock(&pool->mu);
        pool->inflight -= s->held;
        s->held = 0;
        s->ready = 0;
        s->seq = i + pool->nslots;
        pthread_cond_broadcast(&pool->slot_free);
        pthread_mutex_unlock(&pool->mu);
    }
    if (rc != IZDE_OK || ix_interrupt_signal) {
        pthread_mutex_lock(&pool->mu);
        pool->stop = 1;
        pthread_cond_broadcast(&pool->slot_free);
        pthread_cond_broadcast(&pool->slot_ready);
        pthread_mutex_unlock(&pool->mu);
    }
    return rc;
}

static void *writer_main(void *arg)
{
    struct writer *wr = arg;
    wr->rc = write_jobs(wr, NULL);
    return NULL;
}

izde_status_t ix_pool_run(const struct ix_options *opts, izde_wdb_t *const *dbs, size_t ndbs,
                          const struct ix_plan *plan, struct ix_report *r)
{
    if (ndbs == 0 || ndbs > IX_MAX_SHARDS)
        return IZDE_ERR_INVALID;
    pthread_mutex_t report_mu = PTHREAD_MUTEX_INITIALIZER;
    struct writer wrs[IX_MAX_SHARDS];
    memset(wrs, 0, sizeof(wrs));
    for (size_t k = 0; k < ndbs; k++) {
        wrs[k] = (struct writer){ .opts = opts, .db = dbs[k], .r = r, .shard = (unsigned)k };
        wrs[k].progress.t0 = wrs[k].last_commit = ix_now_seconds();
    }
    struct writer *wr = &wrs[0];
    wr->progress.on = !opts->quiet && isatty(STDERR_FILENO);
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

    struct ix_pool pool = { .opts = opts, .plan = plan };
    unsigned nworkers = opts->jobs ? opts->jobs : 1;
    if (nworkers > plan->njobs)
        nworkers = (unsigned)plan->njobs;
    pool.nslots = 2 * (size_t)nworkers + 2 * ndbs;
    pool.slots = calloc(pool.nslots, sizeof(*pool.slots));
    struct ix_worker *workers = calloc(nworkers, sizeof(*workers));
    if (!pool.slots || !workers) {
        free(pool.slots);
        free(workers);
        izde_diag_error("out of memory");
        rc = IZDE_ERR_NOMEM;
        goto commit;
    }
    for (size_t i = 0; i < pool.nslots; i++)
        pool.slots[i].seq = i;
    pthread_mutex_init(&pool.mu, NULL);
    pthread_cond_init(&pool.slot_free, NULL);
    pthread_cond_init(&pool.slot_ready, NULL);
    unsigned ninit = 0;
    while (ninit < nworkers && (rc = worker_init(&workers[ninit], &pool)) == IZDE_OK)
        ninit++;
    if (rc != IZDE_OK)
        ix_reader_release(&workers[ninit].reader);  /* the one that failed */
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
    pool.nwriters = 1;
    if (rc == IZDE_OK && nthreads > 0 && ndbs > 1) {
        for (size_t k = 0; k < ndbs; k++) {
            wrs[k].pool = &pool;
            wrs[k].report_mu = &report_mu;
        }
        pool.nwriters = (unsigned)ndbs;
        for (unsigned k = 1; k < pool.nwriters; k++)
            if (pthread_create(&wrs[k].thread, NULL, writer_main, &wrs[k]) != 0) {
                /* Fewer writers: jobs are dealt among those that started. */
                pool.nwriters = k;
                break;
            }
    }
    wr->pool = &pool;
    if (rc == IZDE_OK)
        rc = write_jobs(wr, nthreads == 0 ? &workers[0].reader : NULL);
    for (unsigned k = 1; k < pool.nwriters; k++) {
        pthread_join(wrs[k].thread, NULL);
        if (rc == IZDE_OK)
            rc = wrs[k].rc;
    }
    pthread_mutex_lock(&pool.mu);
    pool.stop = 1;
    pthread_cond_broadcast(&pool.slot_free);
    pthread_mutex_unlock(&pool.mu);
    for (unsigned t = 0; t < nthreads; t++)
        pthread_join(workers[t].thread, NULL);
    for (unsigned t = 0; t < ninit; t++)
        ix_reader_release(&workers[t].reader);
    for (size_t i = 0; i < pool.nslots; i++)
        ix_document_clear(&pool.slots[i].d);
    free(pool.slots);
    free(workers);
    pthread_cond_destroy(&pool.slot_ready);
    pthread_cond_destroy(&pool.slot_free);
    pthread_mutex_destroy(&pool.mu);

commit:
    ix_progress_clear(&wr->progress);
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
