/* plan.c - deciding what a run does: id terms, what changed since the last run, roots. */
#include "indexer/indexer.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "index/schema.h"

uint64_t ix_hash_bytes(uint64_t h, const void *p, size_t len)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < len; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

izde_status_t ix_idterm(const char *path, size_t len, struct izde_buf *out)
{
    izde_buf_clear(out);
    if (1 + len <= IX_IDTERM_MAX) {
        if (izde_buf_adds(out, IZDE_PREFIX_ID) || izde_buf_add(out, path, len))
            return IZDE_ERR_NOMEM;
        return IZDE_OK;
    }
    /* "Q#" + 16 hex digits + the tail, which keeps the term readable and
     * makes a collision need the same hash and the same file name. */
    size_t room = IX_IDTERM_MAX - 2 - 16;
    size_t start = len - room;
    while (start < len && ((unsigned char)path[start] & 0xC0) == 0x80)
        start++;
    if (izde_buf_addf(out, IZDE_PREFIX_ID "#%016" PRIx64, ix_hash_bytes(IX_HASH_INIT, path, len)) ||
        izde_buf_add(out, path + start, len - start))
        return IZDE_ERR_NOMEM;
    return IZDE_OK;
}

int ix_path_under(const char *path, const char *root)
{
    size_t n = strlen(root);
    while (n > 1 && root[n - 1] == '/')
        n--;
    if (strncmp(path, root, n) != 0)
        return 0;
    if (n == 1 && root[0] == '/')
        return path[0] == '/';
    return path[n] == '\0' || path[n] == '/';
}

/* ------------------------------------------------------------ roots */

izde_status_t ix_roots_add(char ***roots, size_t *n, const char *root)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*roots)[i], root) == 0)
            return IZDE_OK;
    char **grown = realloc(*roots, (*n + 1) * sizeof(char *));
    if (!grown)
        return IZDE_ERR_NOMEM;
    *roots = grown;
    char *copy = strdup(root);
    if (!copy)
        return IZDE_ERR_NOMEM;
    grown[(*n)++] = copy;
    return IZDE_OK;
}

izde_status_t ix_roots_parse(const char *text, size_t len, char ***roots, size_t *n)
{
    /* Each root ends in a NUL, the one byte a path cannot hold; text
     * without one is the old form, a root a line. */
    char sep = memchr(text, '\0', len) ? '\0' : '\n';
    size_t i = 0;
    while (i < len) {
        size_t e = i;
        while (e < len && text[e] != sep)
            e++;
        if (e > i) {
            char *line = strndup(text + i, e - i);
            if (!line)
                return IZDE_ERR_NOMEM;
            izde_status_t rc = ix_roots_add(roots, n, line);
            free(line);
            if (rc)
                return rc;
        }
        i = e + 1;
    }
    return IZDE_OK;
}

izde_status_t ix_roots_format(char *const *roots, size_t n, struct izde_buf *out)
{
    for (size_t i = 0; i < n; i++)
        if (izde_buf_add(out, roots[i], strlen(roots[i]) + 1))
            return IZDE_ERR_NOMEM;
    return IZDE_OK;
}

void ix_roots_free(char **roots, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(roots[i]);
    free(roots);
}

/* ------------------------------------------------------------ files found */

void ix_filelist_release(struct ix_filelist *list)
{
    for (size_t i = 0; i < list->n; i++)
        free(list->items[i].path);
    free(list->items);
    for (size_t i = 0; i < list->nunreadable; i++)
        free(list->unreadable[i]);
    free(list->unreadable);
    memset(list, 0, sizeof(*list));
}

static int file_cmp(const void *a, const void *b)
{
    const struct ix_file *x = a, *y = b;
    return strcmp(x->path, y->path);
}

void ix_filelist_sort(struct ix_filelist *list)
{
    if (list->n < 2)
        return;
    qsort(list->items, list->n, sizeof(list->items[0]), file_cmp);
    size_t w = 1;
    for (size_t i = 1; i < list->n; i++) {
        if (strcmp(list->items[i].path, list->items[w - 1].path) == 0)
            free(list->items[i].path);
        else
            list->items[w++] = list->items[i];
    }
    list->n = w;
}

/* ------------------------------------------------------------ the plan */

void ix_plan_release(struct ix_plan *plan)
{
    free(plan->jobs);
    free(plan->unchanged);
    free(plan->removed);
    memset(plan, 0, sizeof(*plan));
}

static int under_any(const char *path, char *const *dirs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ix_path_under(path, dirs[i]))
            return 1;
    return 0;
}

izde_status_t ix_plan_make(const struct ix_filelist *files, struct ix_knownlist *known,
                           char *const *roots, size_t nroots, struct ix_plan *plan)
{
    memset(plan, 0, sizeof(*plan));
    plan->jobs = malloc((files->n + 1) * sizeof(*plan->jobs));
    plan->unchanged = malloc((files->n + 1) * sizeof(*plan->unchanged));
    plan->removed = malloc((known->n + 1) * sizeof(*plan->removed));
    if (!plan->jobs || !plan->unchanged || !plan->removed) {
        ix_plan_release(plan);
        return IZDE_ERR_NOMEM;
    }
    /* Both lists are sorted by path: one merge pass. */
    size_t k = 0;
    for (size_t i = 0; i < files->n; i++) {
        const struct ix_file *f = &files->items[i];
        while (k < known->n && strcmp(known->items[k].path, f->path) < 0)
            k++;
        struct ix_known *old = NULL;
        if (k < known->n && strcmp(known->items[k].path, f->path) == 0) {
            old = &known->items[k];
            old->seen = 1;
        }
        if (old && old->size == f->size && old->mtime == f->mtime)
            plan->unchanged[plan->nunchanged++] = old;
        else
            plan->jobs[plan->njobs++] = (struct ix_job){ f, old };
    }
    for (size_t j = 0; j < known->n; j++) {
        const struct ix_known *d = &known->items[j];
        if (d->seen || !under_any(d->path, roots, nroots) ||
            under_any(d->path, files->unreadable, files->nunreadable))
            continue;
        plan->removed[plan->nremoved++] = d;
    }
    return IZDE_OK;
}
