/* run.c - one izde-index run: lock, roots, walk, plan, index, then the optional rebuild swap and compaction. */
#include "indexer/indexer.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "analysis/analyze.h"
#include "common/diag.h"
#include "index/index_meta.h"

/* The roots, each ended by a NUL (ix_roots_format); META_ROOTS_OLD held
 * them a line each, which split a path holding a newline. */
#define META_ROOTS IZDE_META_ROOTS
#define META_ROOTS_OLD IZDE_META_ROOTS_OLD

/* One run's state: its directory and databases, and the roots it reads,
 * walks and remembers (what the user asked is in opts). */
struct ix_run {
    const struct ix_options *opts;
    struct ix_report *r;
    struct ix_dbdir dir;
    izde_wdb_t *db;
    char *db_path;          /* the database written: live, or the build */
    char **stored;          /* roots the index remembered */
    size_t nstored;
    char **roots;           /* roots walked in this run */
    size_t nroots;
    char **keep;            /* roots to remember after this run */
    size_t nkeep;
    char **empty;           /* remembered roots found empty: unavailable
                               if the index holds documents under them */
    size_t nempty;
    char **given;           /* the PATHs, canonical */
    size_t ngiven;
    /* --shards: the build (db, db_path) is shard 0; these are the others,
     * merged with it at the end. */
    izde_wdb_t *shard_db[IX_MAX_SHARDS];
    char *shard_path[IX_MAX_SHARDS];
    size_t nshards;         /* all shards, the build included (0: none) */
};

/* Reports a database error, except a full disk: ix_run reports that once,
 * saying what stays live. */
static izde_status_t report_db_error(const char *what, const char *path, izde_status_t rc,
                                     char *errmsg)
{
    if (ix_is_no_space(errmsg)) {
        free(errmsg);
        return IZDE_ERR_NO_SPACE;
    }
    izde_diag_error("cannot %s '%s': %s", what, path, errmsg ? errmsg : izde_status_str(rc));
    free(errmsg);
    return rc;
}

/* Roots an earlier run remembered, read without the write lock and without
 * checking version stamps, so that --full can rebuild any index. */
static izde_status_t read_old_roots(struct ix_run *ru)
{
    char *live = ix_dbdir_live(&ru->dir);
    if (!live)
        return IZDE_ERR_NOMEM;
    izde_rdb_t *rdb;
    const char *paths[] = { live };
    izde_status_t rc = izde_rdb_open(paths, 1, &rdb, NULL);
    free(live);
    if (rc != IZDE_OK)
        return IZDE_OK;   /* nothing usable to rebuild from: PATHs decide */
    char *text = NULL;
    size_t len = 0;
    rc = izde_rdb_get_metadata(rdb, META_ROOTS, &text, &len);
    if (rc == IZDE_OK && len == 0) {
        free(text);
        text = NULL;
        rc = izde_rdb_get_metadata(rdb, META_ROOTS_OLD, &text, &len);
    }
    if (rc == IZDE_OK)
        rc = ix_roots_parse(text, len, &ru->stored, &ru->nstored);
    else
        rc = IZDE_OK;   /* unreadable: PATHs decide, as for no index */
    free(text);
    izde_rdb_close(rdb);
    return rc;
}

/* The roots the writable index remembers, into ru->stored. */
static izde_status_t load_roots(struct ix_run *ru)
{
    char *text = NULL;
    size_t len = 0;
    izde_status_t rc = izde_wdb_get_metadata(ru->db, META_ROOTS, &text, &len);
    if (rc == IZDE_OK && len == 0) {
        free(text);
        text = NULL;
        rc = izde_wdb_get_metadata(ru->db, META_ROOTS_OLD, &text, &len);
    }
    if (rc == IZDE_OK)
        rc = ix_roots_parse(text, len, &ru->stored, &ru->nstored);
    free(text);
    if (rc != IZDE_OK)
        rc = report_db_error("read database", ru->opts->db_path, rc,
                             strdup(izde_wdb_errmsg(ru->db)));
    return rc;
}

/* The documents of the live index, or -1 when DIR has none yet. */
static int64_t live_doccount(struct ix_run *ru)
{
    if (!ix_dbdir_has_index(ru->opts->db_path))
        return -1;
    char *live = ix_dbdir_live(&ru->dir);
    if (!live)
        return -1;
    const char *paths[] = { live };
    izde_rdb_t *rdb;
    uint64_t n = 0;
    int64_t count = -1;
    if (izde_rdb_open(paths, 1, &rdb, NULL) == IZDE_OK) {
        if (izde_rdb_doccount(rdb, &n) == IZDE_OK)
            count = (int64_t)n;
        izde_rdb_close(rdb);
    }
    free(live);
    return count;
}

/* Opens the database to write: the live one, or for --full a fresh build
 * directory (resumed if an interrupted --full left one of this version). */
static izde_status_t open_db(struct ix_run *ru, const char *analysis)
{
    char *errmsg = NULL;
    izde_status_t rc;
    if (ru->opts->full)
        ru->db_path = ix_dbdir_scratch(&ru->dir, "build");
    else
        ru->db_path = ix_dbdir_live(&ru->dir);
    if (!ru->db_path)
        return IZDE_ERR_NOMEM;
    for (int attempt = 0;; attempt++) {
        rc = izde_wdb_open(ru->db_path, IZDE_WDB_CREATE_OR_OPEN, &ru->db, &errmsg);
        if (rc == IZDE_OK)
            rc = izde_index_meta_check_write(ru->db, ru->opts->db_path, analysis, &errmsg);
        if (rc == IZDE_OK)
            return IZDE_OK;
        /* A leftover build of another version, or one a crash broke, is
         * only scratch: start it again. */
        if (ru->opts->full && attempt == 0 && rc != IZDE_ERR_NOMEM && rc != IZDE_ERR_DB_LOCKED) {
            izde_wdb_close(ru->db);
            ru->db = NULL;
            free(errmsg);
            errmsg = NULL;
            ix_remove_dbtree(ru->db_path);
            continue;
        }
        const char *what = rc == IZDE_ERR_DB_VERSION ? "use database" : "open database";
        izde_wdb_close(ru->db);
        ru->db = NULL;
        return report_db_error(what, ru->opts->db_path, rc, errmsg);
    }
}

/* --shards: opens shards 1..N-1 of a --full build, empty. They hold only
 * documents (no version stamps or roots: the build, shard 0, has those and
 * they survive the merge), so a build interrupted and resumed just writes
 * them again. */
static izde_status_t open_shards(struct ix_run *ru)
{
    ru->shard_db[0] = ru->db;
    ru->shard_path[0] = NULL;
    ru->nshards = 1;
    for (unsigned k = 1; k < ru->opts->shards; k++) {
        char name[32];
        snprintf(name, sizeof(name), "build-shard-%u", k);
        char *path = ix_dbdir_scratch(&ru->dir, name);
        if (!path)
            return IZDE_ERR_NOMEM;
        char *errmsg = NULL;
        izde_wdb_t *db;
        izde_status_t rc = izde_wdb_open(path, IZDE_WDB_OVERWRITE | IZDE_WDB_NO_SYNC, &db,
                                         &errmsg);
        if (rc != IZDE_OK) {
            free(path);
            return report_db_error("create shard of", ru->opts->db_path, rc, errmsg);
        }
        ru->shard_db[k] = db;
        ru->shard_path[k] = path;
        ru->nshards++;
    }
    return IZDE_OK;
}

/* Closes shards 1..N-1. Returns the first failure. */
static izde_status_t close_shards(struct ix_run *ru)
{
    izde_status_t rc = IZDE_OK;
    for (size_t k = 1; k < ru->nshards; k++) {
        izde_status_t crc = izde_wdb_close(ru->shard_db[k]);
        ru->shard_db[k] = NULL;
        if (rc == IZDE_OK)
            rc = crc;
    }
    return rc;
}

/* Compacts srcs into the scratch database named scratch and swaps it in.
 * step names the work in an error ("compact database"), built what was to
 * be swapped in ("compacted"). */
static izde_status_t compact_and_swap(struct ix_run *ru, const char *const *srcs, size_t n,
                                      const char *scratch, const char *step, const char *built)
{
    char *dest = ix_dbdir_scratch(&ru->dir, scratch);
    char *errmsg = NULL;
    izde_status_t rc = dest ? IZDE_OK : IZDE_ERR_NOMEM;
    if (rc == IZDE_OK) {
        ix_remove_dbtree(dest);
        rc = izde_db_compact(srcs, n, dest, &errmsg);
        if (rc != IZDE_OK)
            rc = report_db_error(step, ru->opts->db_path, rc, errmsg);
    }
    if (rc == IZDE_OK) {
        rc = ix_dbdir_swap(&ru->dir, dest, &errmsg);
        if (rc != IZDE_OK && ix_is_no_space(errmsg)) {
            free(errmsg);
            rc = IZDE_ERR_NO_SPACE;
        } else if (rc != IZDE_OK) {
            izde_diag_error("cannot swap in the %s database: %s", built,
                            errmsg ? errmsg : izde_status_str(rc));
            free(errmsg);
        }
    }
    if (rc != IZDE_OK && dest)
        ix_remove_dbtree(dest);
    free(dest);
    return rc;
}

/* Merges the closed shards of a --full --shards build into one compacted
 * database and swaps it in; the shards are removed either way. */
static izde_status_t merge_shards(struct ix_run *ru)
{
    const char *srcs[IX_MAX_SHARDS];
    srcs[0] = ru->db_path;
    for (size_t k = 1; k < ru->nshards; k++)
        srcs[k] = ru->shard_path[k];
    izde_status_t rc =
        compact_and_swap(ru, srcs, ru->nshards, "merged", "merge the shards of", "rebuilt");
    for (size_t k = 0; k < ru->nshards; k++)
        ix_remove_dbtree(srcs[k]);
    return rc;
}

/* Canonicalises the PATHs the user gave, before anything is created or
 * locked: a PATH that does not exist is a usage error (exit 2), so that a
 * typo neither creates an index nor runs half a job. */
static izde_status_t check_given(struct ix_run *ru)
{
    izde_status_t rc = IZDE_OK;
    for (size_t i = 0; i < ru->opts->npaths; i++) {
        const char *path = ru->opts->paths[i];
        char real[PATH_MAX];
        if (!realpath(path, real)) {
            struct stat lst;
            const char *why = lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)
                                  ? "broken symbolic link"
                                  : strerror(errno);
            izde_diag_error("cannot index '%s': %s", path, why);
            if (rc == IZDE_OK)
                rc = IZDE_ERR_INVALID;
            continue;
        }
        if (rc == IZDE_OK && ix_roots_add(&ru->given, &ru->ngiven, real) != IZDE_OK)
            rc = IZDE_ERR_NOMEM;
    }
    return rc;
}

/* Why root cannot be walked now (static or strerror text), or NULL; sets
 * *empty for a directory with nothing in it. */
static const char *root_unavailable(const char *root, int *empty)
{
    struct stat st;
    *empty = 0;
    if (stat(root, &st) != 0)
        return strerror(errno);
    if (!S_ISDIR(st.st_mode))
        return NULL;
    DIR *dh = opendir(root);
    if (!dh)
        return strerror(errno);
    struct dirent *e;
    *empty = 1;
    while (*empty && (e = readdir(dh)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            *empty = 0;
    closedir(dh);
    return NULL;
}

/* Says that root cannot be used this run; it stays remembered, with its
 * documents, and the run fails (exit 1). */
static void report_unavailable(struct ix_run *ru, const char *root, const char *why)
{
    if (ru->opts->full)
        izde_diag_error("indexed folder '%s' cannot be read: %s; the rebuild would drop its "
                        "documents, so it is not started and the old index stays live (if the "
                        "folder is gone for good: izde-index --db '%s' --forget '%s')",
                        root, why, ru->opts->db_path, root);
    else
        izde_diag_error("indexed folder '%s' cannot be read: %s; its documents stay in the "
                        "index (if it is gone for good: izde-index --db '%s' --forget '%s')",
                        root, why, ru->opts->db_path, root);
    ix_report_file(ru->r, root, IX_FAILED, why, 0);
}

/* A remembered root: walked again, or, when it cannot be read (gone, no
 * permission, an unmounted disk), kept with its documents and reported.
 * Forgetting a root is only ever done by --forget. */
static izde_status_t stored_root(struct ix_run *ru, const char *root, int *unavailable)
{
    int empty;
    const char *why = root_unavailable(root, &empty);
    izde_status_t rc = ix_roots_add(&ru->keep, &ru->nkeep, root);
    if (rc != IZDE_OK)
        return rc;
    /* A rebuild cannot tell an empty folder's old documents from none. */
    if (empty && ru->opts->full)
        why = "the folder is empty (a disk not mounted?)";
    if (why) {
        report_unavailable(ru, root, why);
        *unavailable = 1;
        return IZDE_OK;
    }
    if (empty && (rc = ix_roots_add(&ru->empty, &ru->nempty, root)) != IZDE_OK)
        return rc;
    return ix_roots_add(&ru->roots, &ru->nroots, root);
}

/* Removes root from roots[0..*n-1]. */
static void roots_remove(char **roots, size_t *n, const char *root)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp(roots[i], root) == 0) {
            free(roots[i]);
            memmove(&roots[i], &roots[i + 1], (*n - i - 1) * sizeof(roots[0]));
            (*n)--;
            return;
        }
}

/* A remembered root found empty while the index holds documents under it
 * is taken for a disk that is not mounted: not walked, so its documents
 * stay. Files removed one by one from a folder that still has others go
 * as usual. */
static void check_empty_roots(struct ix_run *ru, const struct ix_knownlist *known)
{
    for (size_t i = 0; i < ru->nempty; i++) {
        size_t n = 0;
        for (size_t k = 0; k < known->n; k++)
            n += ix_path_under(known->items[k].path, ru->empty[i]);
        if (n == 0)
            continue;
        report_unavailable(ru, ru->empty[i], "the folder is empty (a disk not mounted?)");
        roots_remove(ru->roots, &ru->nroots, ru->empty[i]);
    }
}

/* Writes the roots to remember, uncommitted. */
static izde_status_t set_roots(struct ix_run *ru)
{
    struct izde_buf b = IZDE_BUF_INIT;
    if (ix_roots_format(ru->keep, ru->nkeep, &b) != IZDE_OK) {
        izde_buf_release(&b);
        return IZDE_ERR_NOMEM;
    }
    izde_status_t rc = izde_wdb_set_metadata(ru->db, META_ROOTS, b.p ? b.p : "", b.len);
    izde_buf_release(&b);
    /* The old form goes: an older izde-index must not read a stale list. */
    if (rc == IZDE_OK)
        rc = izde_wdb_set_metadata(ru->db, META_ROOTS_OLD, "", 0);
    return rc;
}

/* Writes the roots to remember and commits them at once: a first run
 * killed early still leaves its roots for the next --update. */
static izde_status_t save_roots(struct ix_run *ru)
{
    izde_status_t rc = set_roots(ru);
    if (rc == IZDE_OK)
        rc = izde_wdb_commit(ru->db);
    if (rc != IZDE_OK)
        rc = report_db_error("write to database", ru->opts->db_path, rc,
                             strdup(izde_wdb_errmsg(ru->db)));
    return rc;
}

/* --forget: drops each named root from the remembered ones and deletes
 * its documents, in one transaction (closing the database on a failure
 * cancels it: no document goes while its root is still remembered). */
static izde_status_t forget(struct ix_run *ru)
{
    const struct ix_options *opts = ru->opts;
    izde_status_t rc = IZDE_OK;
    char **drop = NULL;
    size_t ndrop = 0;
    for (size_t i = 0; rc == IZDE_OK && i < opts->nforget; i++) {
        /* The folder is usually gone: match it as written, or as its
         * canonical path while it still exists. */
        char real[PATH_MAX];
        const char *want = realpath(opts->forget[i], real) ? real : opts->forget[i];
        size_t n = strlen(want);
        while (n > 1 && want[n - 1] == '/')
            n--;
        size_t k = 0;
        while (k < ru->nstored &&
               !(strncmp(ru->stored[k], want, n) == 0 && ru->stored[k][n] == '\0'))
            k++;
        if (k == ru->nstored) {
            izde_diag_error("'%s' is not a folder '%s' remembers; see its --log or "
                            "izde-search --db '%s' for what it holds",
                            opts->forget[i], opts->db_path, opts->db_path);
            rc = IZDE_ERR_INVALID;
        } else {
            rc = ix_roots_add(&drop, &ndrop, ru->stored[k]);
        }
    }
    struct ix_knownlist known = { 0 };
    size_t *counts = rc == IZDE_OK ? calloc(ndrop + 1, sizeof(size_t)) : NULL;
    if (rc == IZDE_OK && !counts)
        rc = IZDE_ERR_NOMEM;
    if (rc == IZDE_OK) {
        rc = ix_known_load(ru->db, &known);
        if (rc == IZDE_OK)
            rc = izde_wdb_begin_transaction(ru->db);
        if (rc != IZDE_OK)
            rc = report_db_error("read database", opts->db_path, rc,
                                 strdup(izde_wdb_errmsg(ru->db)));
    }
    for (size_t k = 0; rc == IZDE_OK && k < known.n; k++) {
        const struct ix_known *d = &known.items[k];
        size_t j = 0;
        while (j < ndrop && !ix_path_under(d->path, drop[j]))
            j++;
        if (j == ndrop)
            continue;
        rc = izde_wdb_delete_doc(ru->db, d->idterm, strlen(d->idterm));
        if (rc != IZDE_OK)
            rc = report_db_error("delete document from", opts->db_path, rc,
                                 strdup(izde_wdb_errmsg(ru->db)));
        else
            counts[j]++;
    }
    for (size_t i = 0; rc == IZDE_OK && i < ru->nstored; i++) {
        size_t j = 0;
        while (j < ndrop && strcmp(drop[j], ru->stored[i]) != 0)
            j++;
        if (j == ndrop)
            rc = ix_roots_add(&ru->keep, &ru->nkeep, ru->stored[i]);
    }
    if (rc == IZDE_OK) {
        rc = set_roots(ru);
        if (rc == IZDE_OK)
            rc = izde_wdb_commit_transaction(ru->db);
        if (rc != IZDE_OK)
            rc = report_db_error("write to database", opts->db_path, rc,
                                 strdup(izde_wdb_errmsg(ru->db)));
    }
    /* Logged and counted once committed, as the writer does. */
    for (size_t k = 0; rc == IZDE_OK && k < known.n; k++)
        for (size_t j = 0; j < ndrop; j++)
            if (ix_path_under(known.items[k].path, drop[j])) {
                ix_report_file(ru->r, known.items[k].path, IX_REMOVED, "folder forgotten", 0);
                break;
            }
    for (size_t j = 0; rc == IZDE_OK && !opts->quiet && j < ndrop; j++)
        fprintf(stderr, "izde-index: forgot '%s': %zu document%s removed\n", drop[j], counts[j],
                counts[j] == 1 ? "" : "s");
    free(counts);
    ix_knownlist_release(&known);
    ix_roots_free(drop, ndrop);
    return rc;
}

static izde_status_t compact(struct ix_run *ru)
{
    char *live = ix_dbdir_live(&ru->dir);
    if (!live)
        return IZDE_ERR_NOMEM;
    const char *srcs[] = { live };
    izde_status_t rc = compact_and_swap(ru, srcs, 1, "compact", "compact database", "compacted");
    free(live);
    return rc;
}

/* Removes what a rebuild left (the build and its shards) once it cannot be
 * resumed usefully: after a full disk, the space goes back. */
static void remove_build(struct ix_run *ru)
{
    if (ru->opts->full && ru->db_path)
        ix_remove_dbtree(ru->db_path);
    for (size_t k = 1; k < ru->nshards; k++)
        ix_remove_dbtree(ru->shard_path[k]);
}

izde_status_t ix_run(const struct ix_options *opts, struct ix_report *r)
{
    struct ix_run ru = { .opts = opts, .r = r };
    struct ix_filelist files = { 0 };
    struct ix_knownlist known = { 0 };
    struct ix_plan plan = { 0 };
    izde_analyzer_t *an = NULL;
    char *errmsg = NULL;
    int unavailable = 0;

    /* Checks that create nothing come first. */
    izde_status_t rc = check_given(&ru);
    if (rc == IZDE_OK && opts->npaths == 0 && !ix_dbdir_has_index(opts->db_path)) {
        izde_diag_error("there is no index at '%s' yet: nothing to %s; give the folders to "
                        "index (izde-index --db '%s' PATH...)",
                        opts->db_path, opts->nforget ? "forget" : "update", opts->db_path);
        rc = IZDE_ERR_INVALID;
    }
    if (rc != IZDE_OK) {
        ix_roots_free(ru.given, ru.ngiven);
        return rc;
    }

    rc = ix_dbdir_lock(&ru.dir, opts->db_path, &errmsg);
    if (rc != IZDE_OK) {
        if (rc == IZDE_ERR_IO)
            rc = IZDE_ERR_DB_OPEN;
        report_db_error("open database", opts->db_path, rc, errmsg);
        goto out;
    }
    /* The analyser is only needed here for its version string. */
    rc = izde_analyzer_new(&an, &errmsg);
    if (rc != IZDE_OK) {
        report_db_error("start text analysis for", opts->db_path, rc, errmsg);
        goto out;
    }
    if (opts->full && (rc = read_old_roots(&ru)) != IZDE_OK)
        goto out;
    rc = open_db(&ru, izde_analyzer_version(an));
    if (rc != IZDE_OK)
        goto out;
    if (!opts->full && (rc = load_roots(&ru)) != IZDE_OK)
        goto out;
    if (opts->nforget) {
        rc = forget(&ru);
        goto out;
    }
    if (!opts->full) {
        /* A plain run remembers every root it ever indexed. */
        for (size_t i = 0; rc == IZDE_OK && i < ru.nstored; i++)
            rc = opts->update ? stored_root(&ru, ru.stored[i], &unavailable)
                              : ix_roots_add(&ru.keep, &ru.nkeep, ru.stored[i]);
    } else if (opts->update || opts->npaths == 0) {
        for (size_t i = 0; rc == IZDE_OK && i < ru.nstored; i++)
            rc = stored_root(&ru, ru.stored[i], &unavailable);
    }
    for (size_t i = 0; rc == IZDE_OK && i < ru.ngiven; i++) {
        rc = ix_roots_add(&ru.roots, &ru.nroots, ru.given[i]);
        if (rc == IZDE_OK)
            rc = ix_roots_add(&ru.keep, &ru.nkeep, ru.given[i]);
        /* Given again, it is available after all. */
        if (rc == IZDE_OK)
            roots_remove(ru.empty, &ru.nempty, ru.given[i]);
    }
    if (rc != IZDE_OK)
        goto nomem;
    if (ru.nroots == 0 && !unavailable) {
        izde_diag_usage("no PATH given and '%s' remembers none to update", opts->db_path);
        rc = IZDE_ERR_INVALID;
        goto out;
    }
    /* A rebuild without a remembered root would drop its documents. */
    if (opts->full && unavailable)
        goto out;
    if (opts->full && opts->shards > 1 && (rc = open_shards(&ru)) != IZDE_OK)
        goto out;

    r->started = 1;
    r->rebuild = opts->full;
    for (size_t i = 0; rc == IZDE_OK && i < ru.nroots && !ix_interrupt_signal; i++) {
        struct stat st;
        if (stat(ru.roots[i], &st) == 0)
            rc = ix_walk(ru.roots[i], ru.roots, ru.nroots, opts, &files, r);
    }
    if (rc != IZDE_OK)
        goto nomem;
    if (ix_interrupt_signal)
        goto out;
    ix_filelist_sort(&files);
    rc = save_roots(&ru);
    if (rc != IZDE_OK)
        goto out;
    rc = ix_known_load(ru.db, &known);
    if (rc != IZDE_OK) {
        rc = report_db_error("read database", opts->db_path, rc, strdup(izde_wdb_errmsg(ru.db)));
        goto out;
    }
    check_empty_roots(&ru, &known);
    rc = ix_plan_make(&files, &known, ru.roots, ru.nroots, &plan);
    if (rc != IZDE_OK)
        goto nomem;
    if (ru.nshards > 1) {
        rc = ix_pool_run(opts, ru.shard_db, ru.nshards, &plan, r);
    } else {
        izde_wdb_t *dbs[] = { ru.db };
        rc = ix_pool_run(opts, dbs, 1, &plan, r);
    }
    {
        izde_status_t crc = close_shards(&ru);
        izde_status_t crc0 = izde_wdb_close(ru.db);
        ru.db = NULL;
        if (crc == IZDE_OK)
            crc = crc0;
        if (rc == IZDE_OK && crc != IZDE_OK) {
            izde_diag_error("cannot close database '%s': %s", opts->db_path, izde_status_str(crc));
            rc = crc;
        }
    }
    /* An interrupted rebuild is not swapped in: the old index stays live
     * and the next --full resumes the build. */
    if (rc == IZDE_OK && ix_interrupt_signal)
        goto out;
    if (rc == IZDE_OK && ru.nshards > 1) {
        rc = merge_shards(&ru);
    } else if (rc == IZDE_OK && opts->full) {
        rc = ix_dbdir_swap(&ru.dir, ru.db_path, &errmsg);
        if (rc != IZDE_OK && ix_is_no_space(errmsg)) {
            rc = IZDE_ERR_NO_SPACE;
        } else if (rc != IZDE_OK) {
            izde_diag_error("cannot swap in the rebuilt database: %s",
                            errmsg ? errmsg : izde_status_str(rc));
        }
        free(errmsg);
        errmsg = NULL;
    }
    /* Merged shards come out compacted already. */
    if (rc == IZDE_OK && opts->compact && ru.nshards <= 1)
        rc = compact(&ru);
    goto out;
nomem:
    izde_diag_error("out of memory");
out:
    /* An unfinished batch is dropped: committed batches are whole, and the
     * next run redoes the rest. */
    close_shards(&ru);
    if (ru.db)
        izde_wdb_close(ru.db);
    ru.db = NULL;
    if ((rc == IZDE_OK || rc == IZDE_ERR_INTERRUPTED) && ix_interrupt_signal) {
        r->interrupted = 1;
        rc = IZDE_ERR_INTERRUPTED;
    }
    if (rc == IZDE_ERR_NO_SPACE) {
        remove_build(&ru);
        int64_t n = live_doccount(&ru);
        if (n >= 0)
            izde_diag_error("no space left on device while writing the index at '%s': the last "
                            "committed index (%lld documents) is still live",
                            opts->db_path, (long long)n);
        else
            izde_diag_error("no space left on device while writing the index at '%s': there "
                            "is no index yet", opts->db_path);
    }
    if (rc == IZDE_ERR_INTERRUPTED)
        r->live_docs = live_doccount(&ru);
    for (size_t k = 1; k < ru.nshards; k++)
        free(ru.shard_path[k]);
    ix_plan_release(&plan);
    ix_knownlist_release(&known);
    ix_filelist_release(&files);
    ix_roots_free(ru.stored, ru.nstored);
    ix_roots_free(ru.roots, ru.nroots);
    ix_roots_free(ru.keep, ru.nkeep);
    ix_roots_free(ru.empty, ru.nempty);
    ix_roots_free(ru.given, ru.ngiven);
    free(ru.db_path);
    izde_analyzer_free(an);
    ix_dbdir_unlock(&ru.dir);
    return rc;
}
