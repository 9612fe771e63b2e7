/* walk.c - finding the files to index under the paths the user gives. */
#include "indexer/indexer.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "common/diag.h"
#include "extract/extract.h"

/* The list of extensions belongs to the extractor (extract/dispatch.c). */
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

static izde_status_t add_file(struct ix_filelist *list, const char *path, const struct stat *st,
                              int is_link)
{
    struct ix_file *items = izde_array_grow(list->items, list->n, &list->cap, sizeof(*items), 256);
    if (!items)
        return IZDE_ERR_NOMEM;
    list->items = items;
    char *copy = strdup(path);
    if (!copy)
        return IZDE_ERR_NOMEM;
    list->items[list->n++] =
        (struct ix_file){ copy, (uint64_t)st->st_size, (int64_t)st->st_mtime, is_link };
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
    ix_say_failed(NULL, path, why);
    ix_report_file(r, path, IX_FAILED, why, 0);
}

/* What the walk needs besides the path. */
struct walk_ctx {
    char *const *roots;
    size_t nroots;
    const struct ix_options *o;
    struct ix_filelist *list;
    struct ix_report *r;
};

static void report_skipped(struct ix_report *r, const char *path, const char *why)
{
    ix_say_skipped(NULL, path, why);
    ix_report_file(r, path, IX_SKIPPED, why, 0);
}

/* Whether the canonical path lies inside one of the roots. */
static int inside_roots(const struct walk_ctx *c, const char *real)
{
    for (size_t i = 0; i < c->nroots; i++) {
        size_t n = strlen(c->roots[i]);
        if (strncmp(real, c->roots[i], n) == 0 &&
            (real[n] == '\0' || real[n] == '/' || (n > 0 && c->roots[i][n - 1] == '/')))
            return 1;
    }
    return 0;
}

/* Vets a symbolic link to a file: indexed only when its
 * target lies inside an indexed root, so that a link to /etc/passwd does
 * not make it searchable, unless --follow-symlinks. Returns 1 to index. */
static int link_allowed(const struct walk_ctx *c, const char *path)
{
    if (c->o && c->o->follow_symlinks)
        return 1;
    char real[PATH_MAX];
    if (!realpath(path, real)) {
        report_failed(c->r, path, strerror(errno));
        return 0;
    }
    if (inside_roots(c, real))
        return 1;
    char why[PATH_MAX + 128];
    snprintf(why, sizeof(why),
             "symbolic link to '%s', outside the indexed folders (--follow-symlinks indexes it)",
             real);
    report_skipped(c->r, path, why);
    return 0;
}

/* What a file that is neither a directory nor a regular file is. */
static const char *file_kind(mode_t m)
{
    return S_ISFIFO(m) ? "a FIFO (named pipe), not a regular file"
         : S_ISSOCK(m) ? "a socket, not a regular file"
         : S_ISCHR(m) || S_ISBLK(m) ? "a device, not a regular file"
                                    : "not a regular file";
}

static izde_status_t walk(const struct walk_ctx *c, const char *path, int explicit, int depth)
{
    struct ix_filelist *list = c->list;
    struct ix_report *r = c->r;
    struct stat st, lst;
    int is_link = lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode);
    if (stat(path, &st) != 0) {
        if (is_link && errno == ELOOP)
            report_failed(r, path, "symbolic link loop (the link leads back to itself)");
        else if (is_link)
            report_failed(r, path, "broken symbolic link (its target does not exist)");
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
                    /* Symlinked directories are not followed: they can loop. */
                    if (lstat(child, &lst) == 0 && S_ISLNK(lst.st_mode) &&
                        stat(child, &st) == 0 && S_ISDIR(st.st_mode))
                        ;
                    else
                        rc = walk(c, child, 0, depth + 1);
                    free(child);
                }
            }
            free(names[i]);
        }
        free(names);
        return rc;
    }
    if (!S_ISREG(st.st_mode)) {
        report_skipped(r, path, file_kind(st.st_mode));
        return IZDE_OK;
    }
    if (!ix_supported_name(path)) {
        if (explicit) {
            ix_say_skipped(NULL, path, "unsupported file type");
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
    if (is_link && !link_allowed(c, path))
        return IZDE_OK;
    return add_file(list, path, &st, is_link);
}

izde_status_t ix_walk(const char *root, char *const *roots, size_t nroots,
                      const struct ix_options *o, struct ix_filelist *list,
                      struct ix_report *r)
{
    struct walk_ctx c = { roots, nroots, o, list, r };
    return walk(&c, root, 1, 0);
}
