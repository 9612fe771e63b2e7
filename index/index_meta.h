/* index_meta.h - the versions an index records, and the check that refuses an incompatible index. */
#ifndef IZDE_INDEX_META_H
#define IZDE_INDEX_META_H

#include "index/xapian_binding.h"
/* IZDE_INDEX_FORMAT, its history (izde_schema_history) and the metadata
 * keys (IZDE_META_*) live with the rest of what an index holds. */
#include "index/schema.h"

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
