/* known.h - the known-documents table: what the index already holds (path, size, time, content hash, docid), read once per run. */
#ifndef IZDE_INDEXER_KNOWN_H
#define IZDE_INDEXER_KNOWN_H

#include <stddef.h>
#include <stdint.h>
#include "common/status.h"
#include "index/xapian_binding.h"

/* A document the index holds. */
struct ix_known {
    char *path;             /* from its id term or its stored record */
    char *idterm;
    izde_docid_t docid;
    uint64_t size;
    int64_t mtime;
    char hash[17];          /* "" when unknown */
    int seen;               /* a file of this run has this path */
};

struct ix_knownlist {
    struct ix_known *items;
    size_t n, cap;
};

/* Loads what the index knows about its documents into known (empty),
 * sorted by path: every document with an id term, its size, time and
 * content hash from their value slots, and its path from the id term, or,
 * for a hashed id term, from its stored record (a record that cannot be
 * read gives the id term as path, which no file has). Returns IZDE_OK,
 * IZDE_ERR_NOMEM or a database status (the message is in
 * izde_wdb_errmsg(db)); on failure known holds what was read, for
 * ix_knownlist_release. */
izde_status_t ix_known_load(izde_wdb_t *db, struct ix_knownlist *known);

void ix_knownlist_release(struct ix_knownlist *k);
/* Sorts by path (for ix_plan_make). */
void ix_knownlist_sort(struct ix_knownlist *k);

#endif
