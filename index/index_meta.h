/* index_meta.h - the versions an index records, and the check that refuses an incompatible index. */
#ifndef IZDE_INDEX_META_H
#define IZDE_INDEX_META_H

#include "index/xapian_binding.h"

/* History of the index format (terms, prefixes, slots, stored data):
 * 1 - first format: exact terms with positions, K/R stems, Q id terms,
 *     L language terms, slots mtime/size/hash, IZD1 data records. */
#define IZDE_INDEX_FORMAT "1"

#define IZDE_META_FORMAT "izde.format"
#define IZDE_META_ANALYSIS "izde.analysis"
/* The Izde version of the last run that wrote the index, so that a refusal
 * can say which Izde wrote it. */
#define IZDE_META_WRITER "izde.version"

/* Checks that the index at path (open for writing as db) was written with
 * this format and analysis version; an empty index is stamped with them.
 * OUT: *errmsg on failure (malloc'ed; says how to reindex).
 * Returns IZDE_OK, IZDE_ERR_DB_VERSION, or a database error. */
izde_status_t izde_index_meta_check_write(izde_wdb_t *db, const char *path,
                                          const char *analysis, char **errmsg);

/* The same check for a search over db (opened from path). */
izde_status_t izde_index_meta_check_read(izde_rdb_t *db, const char *path,
                                         const char *analysis, char **errmsg);

#endif
