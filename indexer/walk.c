/* walk.c - finding the files to index under the paths the user gives. */
#include "indexer.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "diag.h"
#include "extract.h"

/* The list of extensions belongs to the extractor (extract.c). */
int ix_supported_name(const char *name)
{
    return ix_extract_supported(name);
}

static izde_status_t add_unreadable(struct ix_filelist *list, const char *path)
{
    char **grown = izde_array_grow(list->unreadable, list->nunreadable, &list->capunreadable,
                                   sizeof(*grown), 8);
    if (!grown)
        return IZDE_ERR_NOMEM;
    list->unreadable = grown;
    char *copy = strdup(path);
    if (!copy)
        return IZDE_ERR_NOMEM;
    list->unreadable[list->nunreadable++] = copy;
    return IZDE_OK;
}

static izde_status_t add_file(struct ix_filelist *list, const char *path, const struct stat *st)
{
    struct ix_file *items = izde_array_grow(list->items, list->n, &list->cap, sizeof(*items), 256);
    if (!items)
        return IZDE_ERR_NOMEM;
    list->items = items;
    char *copy = strdup(path);
    if (!copy)
        return IZDE_ERR_NOMEM;
    list->items[list->n++] = (struct ix_file){ copy, (uint64_t)st->st_size, (int64_t)st->st_mtime };
    return IZDE_OK;
}

/* Reports an extension the walk does not read, once per extension, so a
 * folder of PDFs is not silently ignored. */
static void report_unsupported(const char *path, struct ix_report *r)
{
    static char seen[32][16];
    static int nseen;
    const char *base = strrchr(path, '/');
    const char *dot = strrchr(base ? base : path, '.');
    const char *ext = dot ? dot : "(none)";
    ix_report_file(r, path, IX_SKIPPED, "unsupported file type", 0);
    for (int i = 0; i < nseen; i++)
        if (strcasecmp(seen[i], ext) == 0)
            return;
    if (nseen < 32)
        snprintf(seen[nseen++], sizeof(seen[0]), "%s", ext);
    izde_diag_warning("skipping '%s': unsupported file type '%s' (further files of this "
                      "type are skipped silently)", path, ext);
}

static void report_failed(struct ix_report *r, const char *path, const char *why)
{
    izde_diag_error("cannot index '%s': %s", path, why);
    ix_report_file(r, path, IX_FAILED, why, 0);
}

static izde_status_t walk(const char *path, int explicit, struct ix_filelist *list,
                          struct ix_report *r, int depth)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        struct stat lst;
        if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
            report_failed(r, path, "broken symbolic link");
        else
            report_failed(r, path, strerror(errno));
        return IZDE_OK;
    }
    if (S_ISDIR(st.st_mode)) {
        if (depth > 64) {
            report_failed(r, path, "directories nested too deep");
            return add_unreadable(list, path);
        }
        /* Sorted, so that runs are repeatable and document ids follow the
         * order a librarian sees in a file manager. */
        struct dirent **names;
        int n = scandir(path, &names, NULL, alphasort);
        if (n < 0) {
            const char *why = strerror(errno);
            izde_diag_error("cannot read directory '%s': %s", path, why);
            ix_report_file(r, path, IX_FAILED, why, 0);
            return add_unreadable(list, path);
        }
        izde_status_t rc = IZDE_OK;
        for (int i = 0; i < n; i++) {
            const char *name = names[i]->d_name;
            /* Hidden entries are editors' and tools' files, not documents. */
            if (rc == IZDE_OK && name[0] != '.') {
                size_t len = strlen(path) + strlen(name) + 2;
                char *child = malloc(len);
                if (!child) {
                    rc = IZDE_ERR_NOMEM;
                } else {
                    snprintf(child, len, "%s%s%s", path,
                             path[strlen(path) - 1] == '/' ? "" : "/", name);
                    struct stat lst;
                    /* Symlinked directories are not followed: they can loop. */
                    if (lstat(child, &lst) == 0 && S_ISLNK(lst.st_mode) &&
                        stat(child, &st) == 0 && S_ISDIR(st.st_mode))
                        ;
                    else
                        rc = walk(child, 0, list, r, depth + 1);
                    free(child);
                }
            }
            free(names[i]);
        }
        free(names);
        return rc;
    }
    if (!S_ISREG(st.st_mode)) {
        izde_diag_warning("skipping '%s': not a regular file", path);
        ix_report_file(r, path, IX_SKIPPED, "not a regular file", 0);
        return IZDE_OK;
    }
    if (!ix_supported_name(path)) {
        if (explicit) {
            izde_diag_warning("skipping '%s': unsupported file type", path);
            ix_report_file(r, path, IX_SKIPPED, "unsupported file type", 0);
        } else {
            report_unsupported(path, r);
        }
        return IZDE_OK;
    }
    /* The root is canonical and symlinked directories are not followed, so
     * path is canonical but for a symlinked file, which is then known by
     * where the link sits in the folder: that is where a librarian looks,
     * and removing the link removes the document. */
    return add_file(list, path, &st);
}

izde_status_t ix_walk(const char *root, struct ix_filelist *list, struct ix_report *r)
{
    return walk(root, 1, list, r, 0);
}
