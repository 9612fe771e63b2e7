/* rank.c - one page of results: complete matches first, then partial ones to fill it. */
#include "searcher.h"

izde_status_t sr_rank(izde_rdb_t *db, const struct sr_query *q, uint32_t offset, uint32_t limit,
                      int all_only, struct sr_result *results, size_t *n, uint64_t *total)
{
    *n = 0;
    *total = 0;
    if (!q->all)
        return IZDE_OK;
    for (int attempt = 0;; attempt++) {
        struct izde_search_opts so;
        izde_search_opts_init(&so);
        /* Okapi's usual k1 and b: on the dev known-item sets they rank
         * better than Xapian's defaults (k1 1, b 0.5), most for whole
         * sentences pasted as queries. */
        so.bm25_k1 = 1.2;
        so.bm25_b = 0.75;
        so.offset = offset;
        so.limit = limit;
        so.check_at_least = offset + limit;
        izde_hits_t hits = { 0 };
        izde_status_t rc = izde_rdb_search(db, q->all, &so, &hits);
        uint64_t complete = 0;
        if (rc == IZDE_OK) {
            for (size_t i = 0; i < hits.count; i++)
                results[(*n)++] = (struct sr_result){ offset + (unsigned)i + 1,
                                                      hits.items[i].score, 0,
                                                      hits.items[i].docid };
            /* check_at_least covers the page, so when the page is not full
             * the estimate is the exact number of complete matches; when
             * it is full, no partial match is needed. */
            complete = hits.estimated;
            *total = complete;
            izde_hits_release(&hits);
        }
        if (rc == IZDE_OK && q->any && !all_only) {
            uint32_t skip = offset > complete ? offset - (uint32_t)complete : 0;
            so.offset = skip;
            so.limit = limit - (uint32_t)*n;
            so.check_at_least = so.offset + so.limit;
            rc = izde_rdb_search(db, q->any, &so, &hits);
            if (rc == IZDE_OK) {
                for (size_t i = 0; i < hits.count && *n < limit; i++) {
                    results[*n] = (struct sr_result){ (unsigned)(complete + skip + i + 1),
                                                      hits.items[i].score, 1,
                                                      hits.items[i].docid };
                    (*n)++;
                }
                *total += hits.estimated;
                izde_hits_release(&hits);
            }
        }
        if (rc == IZDE_ERR_DB_MODIFIED && attempt == 0 && izde_rdb_reopen(db) == IZDE_OK) {
            *n = 0;
            continue;
        }
        return rc;
    }
}
