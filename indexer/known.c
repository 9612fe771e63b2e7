/* known.c - the known-documents table: reading what the index holds, so that a run touches only what changed. */
#include "indexer/known.h"

#include <stdlib.h>
#include <string.h>
#include "analysis/analyze.h"
#include "index/docdata.h"

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

void ix_knownlist_release(struct ix_knownlist *k)
{
    for (size_t i = 0; i < k->n; i++) {
        free(k->items[i].path);
        free(k->items[i].idterm);
    }
    free(k->items);
    k->items = NULL;
    k->n = k->cap = 0;
}

static int known_cmp(const void *a, const void *b)
{
    const struct ix_known *x = a, *y = b;
    return strcmp(x->path, y->path);
}

void ix_knownlist_sort(struct ix_knownlist *k)
{
    if (k->n > 1)
        qsort(k->items, k->n, sizeof(k->items[0]), known_cmp);
}
