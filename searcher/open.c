/* open.c - opening the indexes to search, and saying in plain words why one cannot be. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include "common/escape.h"
#include "searcher/searcher.h"

/* Whether DIR/name exists. */
static int has(const char *dir, const char *name)
{
    struct izde_buf p = IZDE_BUF_INIT;
    struct stat st;
    int r = izde_buf_addf(&p, "%s/%s", dir, name) == IZDE_OK && stat(p.p, &st) == 0;
    izde_buf_release(&p);
    return r;
}

/* Whether dir is a folder that holds an index in izde-index's layout:
 * DIR/iamglass, or DIR/XAPIANDB naming DIR/gen-N (neither exists under a
 * path that is not a folder). */
static int holds_index(const char *dir)
{
    return has(dir, "iamglass") || has(dir, "XAPIANDB");
}

/* Whether the file's first line is a Xapian stub line ("glass DIR",
 * "remote ...", "auto DIR", ...): then it lists databases, and the failure
 * is about one of them. */
static int looks_like_stub(const char *path)
{
    static const char *const kinds[] = { "auto ", "glass ", "chert ", "remote ", "tcp ",
                                         "prog ", "inmemory" };
    char line[64] = "";
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    if (!fgets(line, sizeof(line), f))
        line[0] = '\0';
    fclose(f);
    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
        if (strncmp(line, kinds[i], strlen(kinds[i])) == 0)
            return 1;
    return 0;
}

/* Whether dir has entries other than "." and "..". */
static int has_entries(const char *dir)
{
    DIR *dh = opendir(dir);
    if (!dh)
        return 1;
    struct dirent *e;
    int any = 0;
    while (!any && (e = readdir(dh)) != NULL)
        any = strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(dh);
    return any;
}

/* Writes into out why path cannot be searched, judged from what is on disk
 * (izde-index's layout, indexer/dbdir.c: a glass database in DIR itself
 * (DIR/iamglass), or DIR/XAPIANDB naming DIR/gen-N; DIR/build while --full
 * builds). Returns 1 when the path explains the failure, 0 when it looks
 * like an index (then the engine's message is all there is). */
static int explain_path(const char *path, struct izde_buf *out)
{
    struct izde_buf p = IZDE_BUF_INIT;
    struct stat st;
    izde_escape_line(&p, path, strlen(path));
    const char *ep = p.p ? p.p : "";
    int r = 1;
    if (stat(path, &st) != 0) {
        if (errno == ENOENT)
            izde_buf_addf(out, "no index at '%s' yet: run izde-index --db %s FOLDER", ep, ep);
        else
            izde_buf_addf(out, "cannot read '%s': %s", ep, strerror(errno));
    } else if (!S_ISDIR(st.st_mode)) {
        if (looks_like_stub(path))
            r = 0;
        else
            izde_buf_addf(out,
                          "'%s' is not an Izde index (it is a file): give --db the folder "
                          "that izde-index --db wrote",
                          ep);
    } else if (holds_index(path)) {
        r = 0;
    } else if (has(path, "build") || has(path, "build-shard-1")) {
        izde_buf_addf(out,
                      "'%s' holds an index that is still being built (by izde-index --full, "
                      "running or stopped before the end): wait for it to finish, or run "
                      "izde-index --db %s --full to finish it",
                      ep, ep);
    } else if (!has_entries(path) || has(path, "izde-index.pid")) {
        izde_buf_addf(out, "no index in '%s' yet: run izde-index --db %s FOLDER", ep, ep);
    } else {
        izde_buf_addf(out,
                      "'%s' is not an Izde index (a folder of other files): give --db the "
                      "folder that izde-index --db wrote",
                      ep);
    }
    izde_buf_release(&p);
    return r;
}

/* Whether every path is a folder holding an index (holds_index). */
static int all_hold_index(const char *const *paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!holds_index(paths[i]))
            return 0;
    return 1;
}

izde_status_t sr_open(const char *const *paths, size_t n, izde_rdb_t **db,
                      struct izde_buf *msg)
{
    char *errmsg = NULL;
    izde_buf_clear(msg);
    izde_status_t rc = izde_rdb_open(paths, n, db, &errmsg);
    /* A writer committing while the index is opened can make it read as
     * damaged or changed for a moment; real damage stays. So can a swap
     * (--full, --compact) of an index that lived in DIR itself: Xapian saw
     * DIR/iamglass, and the swap removed it before Xapian opened it. The
     * folder then holds the new index, named by DIR/XAPIANDB. */
    for (int attempt = 1;
         attempt < 3 && (rc == IZDE_ERR_DB_CORRUPT || rc == IZDE_ERR_DB_MODIFIED ||
                         (rc == IZDE_ERR_DB_OPEN && all_hold_index(paths, n)));
         attempt++) {
        free(errmsg);
        rc = izde_rdb_open(paths, n, db, &errmsg);
    }
    if (rc == IZDE_OK || rc == IZDE_ERR_NOMEM) {
        free(errmsg);
        return rc;
    }
    /* The engine's messages name neither the cause nor the cure; the paths
     * themselves usually tell both. */
    for (size_t i = 0; i < n; i++)
        if (explain_path(paths[i], msg)) {
            free(errmsg);
            return rc;
        }
    struct izde_buf p = IZDE_BUF_INIT;
    izde_escape_line(&p, paths[0], strlen(paths[0]));
    if (rc == IZDE_ERR_DB_CORRUPT)
        izde_buf_addf(msg, "the index at '%s' is damaged (%s): rebuild it with izde-index --db %s --full",
                      p.p ? p.p : "", errmsg ? errmsg : "", p.p ? p.p : "");
    else
        izde_buf_addf(msg, "cannot open database '%s': %s", p.p ? p.p : "",
                      errmsg ? errmsg : izde_status_str(rc));
    izde_buf_release(&p);
    free(errmsg);
    return rc;
}
