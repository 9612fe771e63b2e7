/* walk.c - finding the files to index under the paths the user gives. */
#include "indexer.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "diag.h"

static const char *const extensions[] = { ".txt", ".md", ".txt.gz", ".md.gz", NULL };

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n > m && strcasecmp(s + n - m, suffix) == 0;
}

int ix_supported_name(const char *name)
{
    for (const char *const *e = extensions; *e; e++)
        if (ends_with(name, *e))
            return 1;
    return 0;
}

void ix_filelist_release(struct ix_filelist *list)
{
    for (size_t i = 0; i < list->n; i++)
        free(list->items[i].path);
    free(list->items);
    list->items = NULL;
    list->n = list->cap = 0;
}

static izde_status_t add_file(struct ix_filelist *list, const char *path, const struct stat *st)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 256;
        struct ix_file *items = realloc(list->items, cap * sizeof(*items));
        if (!items)
            return IZDE_ERR_NOMEM;
        list->items = items;
        list->cap = cap;
    }
    char *copy = strdup(path);
    if (!copy)
        return IZDE_ERR_NOMEM;
    list->items[list->n++] = (struct ix_file){ copy, (uint64_t)st->st_size, (int64_t)st->st_mtime };
    return IZDE_OK;
}

/* Reports an extension the walk does not read, once per extension, so a
 * folder of PDFs is not silently ignored. */
static void report_unsupported(const char *path, struct ix_counts *counts)
{
    static char seen[32][16];
    static int nseen;
    const char *base = strrchr(path, '/');
    const char *dot = strrchr(base ? base : path, '.');
    const char *ext = dot ? dot : "(none)";
    counts->skipped++;
    for (int i = 0; i < nseen; i++)
        if (strcasecmp(seen[i], ext) == 0)
            return;
    if (nseen < 32)
        snprintf(seen[nseen++], sizeof(seen[0]), "%s", ext);
    izde_diag_warning("skipping '%s': unsupported file type '%s' (further files of this "
                      "type are skipped silently)", path, ext);
}

static izde_status_t walk(const char *path, int explicit, struct ix_filelist *list,
                          struct ix_counts *counts, int depth)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        struct stat lst;
        if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
            izde_diag_error("cannot index '%s': broken symbolic link", path);
        else
            izde_diag_error("cannot index '%s': %s", path, strerror(errno));
        counts->failed++;
        return IZDE_OK;
    }
    if (S_ISDIR(st.st_mode)) {
        if (depth > 64) {
            izde_diag_error("cannot index '%s': directories nested too deep", path);
            counts->failed++;
            return IZDE_OK;
        }
        /* Sorted, so that runs are repeatable and document ids follow the
         * order a librarian sees in a file manager. */
        struct dirent **names;
        int n = scandir(path, &names, NULL, alphasort);
        if (n < 0) {
            izde_diag_error("cannot read directory '%s': %s", path, strerror(errno));
            counts->failed++;
            return IZDE_OK;
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
                        rc = walk(child, 0, list, counts, depth + 1);
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
        counts->skipped++;
        return IZDE_OK;
    }
    if (!ix_supported_name(path)) {
        if (explicit) {
            izde_diag_warning("skipping '%s': unsupported file type", path);
            counts->skipped++;
        } else {
            report_unsupported(path, counts);
        }
        return IZDE_OK;
    }
    char real[PATH_MAX];
    if (!realpath(path, real)) {
        izde_diag_error("cannot index '%s': %s", path, strerror(errno));
        counts->failed++;
        return IZDE_OK;
    }
    return add_file(list, real, &st);
}

izde_status_t ix_walk(const char *path, struct ix_filelist *list, struct ix_counts *counts)
{
    return walk(path, 1, list, counts, 0);
}
