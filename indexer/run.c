/* run.c - one izde-index run: lock, roots, walk, plan, index, then the optional rebuild swap and compaction. */
#include "indexer.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "analyze.h"
#include "diag.h"
#include "index_meta.h"

#define META_ROOTS "izde.roots"

struct run {
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
    /* --shards: the build (db, db_path) is shard 0; these are the others,
     * merged with it at the end. */
    izde_wdb_t *shard_db[IX_MAX_SHARDS];
    char *shard_path[IX_MAX_SHARDS];
    size_t nshards;         /* all shards, the build included (0: none) */
};

static izde_status_t report_db_error(const char *what, const char *path, izde_status_t rc,
                                     char *errmsg)
{
    izde_diag_error("cannot %s '%s': %s", what, path, errmsg ? errmsg : izde_status_str(rc));
    free(errmsg);
    return rc;
}

/* Roots an earlier run remembered, read without the write lock and without
 * checking version stamps, so that --full can rebuild any index. */
static izde_status_t read_old_roots(struct run *ru)
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
    if (izde_rdb_get_metadata(rdb, META_ROOTS, &text, &len) == IZDE_OK)
        rc = ix_roots_parse(text, len, &ru->stored, &ru->nstored);
    free(text);
    izde_rdb_close(rdb);
    return rc;
}

/* Opens the database to write: the live one, or for --full a fresh build
 * directory (resumed if an interrupted --full left one of this version). */
static izde_status_t open_db(struct run *ru, const char *analysis)
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
static izde_status_t open_shards(struct run *ru)
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
static izde_status_t close_shards(struct run *ru)
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
static izde_status_t compact_and_swap(struct run *ru, const char *const *srcs, size_t n,
                                      const char *scratch, const char *step, const char *built)
{
    char *dest = ix_dbdir_scratch(&ru->dir, scratch);
    char *errmsg = NULL;
    izde_status_t rc = dest ? IZDE_OK : IZDE_ERR_NOMEM;
    if (rc == IZDE_OK) {
        ix_remove_dbtree(dest);
        rc = izde_db_compact(srcs, n, dest, &errmsg);
        if (rc != IZDE_OK)
            report_db_error(step, ru->opts->db_path, rc, errmsg);
    }
    if (rc == IZDE_OK) {
        rc = ix_dbdir_swap(&ru->dir, dest, &errmsg);
        if (rc != IZDE_OK) {
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
static izde_status_t merge_shards(struct run *ru)
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

/* Canonicalises one PATH the user gave: a root if it exists. */
static izde_status_t given_root(struct run *ru, const char *path)
{
    char real[PATH_MAX];
    if (!realpath(path, real)) {
        struct stat lst;
        const char *why = lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) ? "broken symbolic link"
                                                                         : strerror(errno);
        izde_diag_error("cannot index '%s': %s", path, why);
        ix_report_file(ru->r, path, IX_FAILED, why, 0);
        return IZDE_OK;
    }
    izde_status_t rc = ix_roots_add(&ru->roots, &ru->nroots, real);
    if (rc == IZDE_OK)
        rc = ix_roots_add(&ru->keep, &ru->nkeep, real);
    return rc;
}

/* A remembered root: walked again; forgotten (and its documents removed)
 * when it no longer exists. */
static izde_status_t stored_root(struct run *ru, const char *root)
{
    struct stat st;
    if (stat(root, &st) != 0 && errno == ENOENT) {
        izde_diag_warning("'%s' no longer exists: removing its documents and forgetting it",
                          root);
        return ix_roots_add(&ru->roots, &ru->nroots, root);
    }
    izde_status_t rc = ix_roots_add(&ru->roots, &ru->nroots, root);
    if (rc == IZDE_OK)
        rc = ix_roots_add(&ru->keep, &ru->nkeep, root);
    return rc;
}

static izde_status_t save_roots(struct run *ru)
{
    struct izde_buf b = IZDE_BUF_INIT;
    for (size_t i = 0; i < ru->nkeep; i++)
        if (izde_buf_adds(&b, ru->keep[i]) || izde_buf_addc(&b, '\n')) {
            izde_buf_release(&b);
            return IZDE_ERR_NOMEM;
        }
    izde_status_t rc = izde_wdb_set_metadata(ru->db, META_ROOTS, b.p ? b.p : "", b.len);
    izde_buf_release(&b);
    /* Committed at once: a first run killed early still leaves its roots
     * for the next --update. */
    if (rc == IZDE_OK)
        rc = izde_wdb_commit(ru->db);
    if (rc != IZDE_OK)
        izde_diag_error("cannot write to database '%s': %s", ru->opts->db_path,
                        izde_wdb_errmsg(ru->db));
    return rc;
}

static izde_status_t compact(struct run *ru)
{
    char *live = ix_dbdir_live(&ru->dir);
    if (!live)
        return IZDE_ERR_NOMEM;
    const char *srcs[] = { live };
    izde_status_t rc = compact_and_swap(ru, srcs, 1, "compact", "compact database", "compacted");
    free(live);
    return rc;
}

izde_status_t ix_run(const struct ix_options *opts, struct ix_report *r)
{
    struct run ru = { .opts = opts, .r = r };
    struct ix_filelist files = { 0 };
    struct ix_knownlist known = { 0 };
    struct ix_plan plan = { 0 };
    izde_analyzer_t *an = NULL;
    char *errmsg = NULL;

    izde_status_t rc = ix_dbdir_lock(&ru.dir, opts->db_path, &errmsg);
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
    if (rc == IZDE_OK && opts->full && opts->shards > 1)
        rc = open_shards(&ru);
    if (rc != IZDE_OK)
        goto out;
    if (!opts->full) {
        char *text = NULL;
        size_t len = 0;
        rc = izde_wdb_get_metadata(ru.db, META_ROOTS, &text, &len);
        if (rc == IZDE_OK)
            rc = ix_roots_parse(text, len, &ru.stored, &ru.nstored);
        free(text);
        if (rc != IZDE_OK) {
            report_db_error("read database", opts->db_path, rc, strdup(izde_wdb_errmsg(ru.db)));
            goto out;
        }
        /* A plain run remembers every root it ever indexed. */
        for (size_t i = 0; rc == IZDE_OK && i < ru.nstored; i++)
            rc = opts->update ? stored_root(&ru, ru.stored[i])
                              : ix_roots_add(&ru.keep, &ru.nkeep, ru.stored[i]);
    } else if (opts->update || opts->npaths == 0) {
        for (size_t i = 0; rc == IZDE_OK && i < ru.nstored; i++)
            rc = stored_root(&ru, ru.stored[i]);
    }
    for (size_t i = 0; rc == IZDE_OK && i < opts->npaths; i++)
        rc = given_root(&ru, opts->paths[i]);
    if (rc != IZDE_OK)
        goto nomem;
    if (ru.nroots == 0 && opts->npaths == 0) {
        izde_diag_usage("no PATH given and '%s' remembers none to update", opts->db_path);
        rc = IZDE_ERR_INVALID;
        goto out;
    }

    for (size_t i = 0; rc == IZDE_OK && i < ru.nroots; i++) {
        struct stat st;
        if (stat(ru.roots[i], &st) == 0)
            rc = ix_walk(ru.roots[i], ru.roots, ru.nroots, opts, &files, r);
    }
    if (rc != IZDE_OK)
        goto nomem;
    ix_filelist_sort(&files);
    rc = save_roots(&ru);
    if (rc != IZDE_OK)
        goto out;
    rc = ix_known_load(ru.db, &known);
    if (rc != IZDE_OK) {
        report_db_error("read database", opts->db_path, rc, strdup(izde_wdb_errmsg(ru.db)));
        goto out;
    }
    rc = ix_plan_make(&files, &known, ru.roots, ru.nroots, &plan);
    if (rc != IZDE_OK)
        goto nomem;
    if (ru.nshards > 1) {
        rc = ix_index_run(opts, ru.shard_db, ru.nshards, &plan, r);
    } else {
        izde_wdb_t *dbs[] = { ru.db };
        rc = ix_index_run(opts, dbs, 1, &plan, r);
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
    if (rc == IZDE_OK && ru.nshards > 1) {
        rc = merge_shards(&ru);
    } else if (rc == IZDE_OK && opts->full) {
        rc = ix_dbdir_swap(&ru.dir, ru.db_path, &errmsg);
        if (rc != IZDE_OK) {
            izde_diag_error("cannot swap in the rebuilt database: %s",
                            errmsg ? errmsg : izde_status_str(rc));
            free(errmsg);
        }
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
    for (size_t k = 1; k < ru.nshards; k++)
        free(ru.shard_path[k]);
    if (ru.db)
        izde_wdb_close(ru.db);
    ix_plan_release(&plan);
    ix_knownlist_release(&known);
    ix_filelist_release(&files);
    ix_roots_free(ru.stored, ru.nstored);
    ix_roots_free(ru.roots, ru.nroots);
    ix_roots_free(ru.keep, ru.nkeep);
    free(ru.db_path);
    izde_analyzer_free(an);
    ix_dbdir_unlock(&ru.dir);
    return rc;
}
