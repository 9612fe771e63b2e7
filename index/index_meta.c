/* index_meta.c - stamping an index with its versions and refusing mismatches. */
#include "index/index_meta.h"

#include <stdlib.h>
#include <string.h>
#include "common/buf.h"
#include "izde_version.h"

static izde_status_t mismatch(const char *path, const char *writer, const char *what,
                              const char *found, const char *want, char **errmsg)
{
    if (errmsg) {
        struct izde_buf b = IZDE_BUF_INIT;
        izde_buf_addf(&b, "'%s' was written ", path);
        if (writer && *writer)
            izde_buf_addf(&b, "by Izde %s ", writer);
        izde_buf_addf(&b,
                      "with %s '%s', this is Izde " IZDE_VERSION " with '%s': rebuild it "
                      "with 'izde-index --full --db %s'",
                      what, found, want, path);
        *errmsg = izde_buf_detach(&b, NULL);
    }
    return IZDE_ERR_DB_VERSION;
}

/* Compares the two stamps; empty stamps are reported through *unstamped. */
static izde_status_t compare(const char *path, const char *writer, const char *format,
                             const char *analysis_found, const char *analysis, int *unstamped,
                             char **errmsg)
{
    *unstamped = 0;
    if (!*format && !*analysis_found) {
        *unstamped = 1;
        return IZDE_OK;
    }
    if (strcmp(format, IZDE_INDEX_FORMAT) != 0)
        return mismatch(path, writer, "index format", format, IZDE_INDEX_FORMAT, errmsg);
    if (strcmp(analysis_found, analysis) != 0)
        return mismatch(path, writer, "analysis", analysis_found, analysis, errmsg);
    return IZDE_OK;
}

/* The three stamps of an index, read through whichever handle the caller
 * has (w or r); malloc'ed, "" when missing. */
struct stamps {
    char *format, *analysis, *writer;
};

static izde_status_t read_stamps(izde_wdb_t *w, izde_rdb_t *r, struct stamps *s)
{
    static const char *const keys[] = { IZDE_META_FORMAT, IZDE_META_ANALYSIS, IZDE_META_WRITER };
    char **out[] = { &s->format, &s->analysis, &s->writer };
    size_t len;
    izde_status_t rc = IZDE_OK;
    for (size_t i = 0; rc == IZDE_OK && i < 3; i++)
        rc = w ? izde_wdb_get_metadata(w, keys[i], out[i], &len)
               : izde_rdb_get_metadata(r, keys[i], out[i], &len);
    return rc;
}

static void stamps_release(struct stamps *s)
{
    free(s->format);
    free(s->analysis);
    free(s->writer);
}

izde_status_t izde_index_meta_check_write(izde_wdb_t *db, const char *path,
                                          const char *analysis, char **errmsg)
{
    struct stamps s = { NULL, NULL, NULL };
    uint64_t count = 0;
    int unstamped;
    if (errmsg)
        *errmsg = NULL;
    izde_status_t rc = read_stamps(db, NULL, &s);
    if (!rc)
        rc = compare(path, s.writer, s.format, s.analysis, analysis, &unstamped, errmsg);
    if (!rc && unstamped) {
        rc = izde_wdb_doccount(db, &count);
        if (!rc && count > 0)
            rc = mismatch(path, NULL, "index format", "none", IZDE_INDEX_FORMAT, errmsg);
        if (!rc)
            rc = izde_wdb_set_metadata(db, IZDE_META_FORMAT, IZDE_INDEX_FORMAT,
                                       strlen(IZDE_INDEX_FORMAT));
        if (!rc)
            rc = izde_wdb_set_metadata(db, IZDE_META_ANALYSIS, analysis, strlen(analysis));
    }
    /* Committed with the run's first batch, like every metadata change. */
    if (!rc && strcmp(s.writer, IZDE_VERSION) != 0)
        rc = izde_wdb_set_metadata(db, IZDE_META_WRITER, IZDE_VERSION, strlen(IZDE_VERSION));
    if (rc && errmsg && !*errmsg)
        *errmsg = strdup(izde_wdb_errmsg(db));
    stamps_release(&s);
    return rc;
}

izde_status_t izde_index_meta_check_read(izde_rdb_t *db, const char *path,
                                         const char *analysis, char **errmsg)
{
    struct stamps s = { NULL, NULL, NULL };
    int unstamped;
    if (errmsg)
        *errmsg = NULL;
    izde_status_t rc = read_stamps(NULL, db, &s);
    if (!rc)
        rc = compare(path, s.writer, s.format, s.analysis, analysis, &unstamped, errmsg);
    if (!rc && unstamped) {
        uint64_t count = 0;
        rc = izde_rdb_doccount(db, &count);
        if (!rc && count > 0)
            rc = mismatch(path, NULL, "index format", "none", IZDE_INDEX_FORMAT, errmsg);
    }
    if (rc && errmsg && !*errmsg)
        *errmsg = strdup(izde_rdb_errmsg(db));
    stamps_release(&s);
    return rc;
}
