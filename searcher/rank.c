/* rank.c - one page of results: complete matches first, then partial ones to fill it. */
#include "searcher.h"

/* Counts at or below this are exact: the matcher looks at this many
 * documents before it estimates. Above it, a count is Xapian's estimate. */
#define SR_EXACT_COUNT 1000

static void search_opts(struct izde_search_opts *so, uint32_t offset, uint32_t limit)
{
    izde_search_opts_init(so);
    /* Okapi's usual k1 and b: on the dev known-item sets they rank
     * better than Xapian's defaults (k1 1, b 0.5), most for whole
     * sentences pasted as queries. */
    so->bm25_k1 = 1.2;
    so->bm25_b = 0.75;
    so->offset = offset;
    so->limit = limit;
    so->check_at_least = offset + limit > SR_EXACT_COUNT ? offset + limit : SR_EXACT_COUNT;
}

/* Sets *c from a search's bounds. A count is taken from the page's own
 * search only when it is exact and small: a larger page looks at more
 * documents, so its estimate (or exact count above SR_EXACT_COUNT) would
 * differ from a smaller page's, and the count must not depend on the page.
 * Otherwise a search of no hits that looks at SR_EXACT_COUNT documents
 * gives the same count for every page. */
static izde_status_t count_of(izde_rdb_t *db, const izde_query_t *query,
                              const izde_hits_t *page, struct sr_count *c)
{
    if (page && page->lower == page->upper && page->upper <= SR_EXACT_COUNT) {
        *c = (struct sr_count){ page->upper, 1 };
        return IZDE_OK;
    }
    struct izde_search_opts so;
    search_opts(&so, 0, 0);
    izde_hits_t hits = { 0 };
    izde_status_t rc = izde_rdb_search(db, query, &so, &hits);
    if (rc == IZDE_OK)
        *c = (struct sr_count){ hits.estimated, hits.lower == hits.upper };
    izde_hits_release(&hits);
    return rc;
}

izde_status_t sr_rank(izde_rdb_t *db, const struct sr_query *q, uint32_t offset, uint32_t limit,
                      int all_only, struct sr_result *results, size_t *n, struct sr_counts *counts)
{
    *n = 0;
    *counts = (struct sr_counts){ { 0, 1 }, { 0, 1 } };
    if (!q->all)
        return IZDE_OK;
    uint64_t ndocs;
    izde_status_t rc = izde_rdb_doccount(db, &ndocs);
    struct izde_search_opts so;
    search_opts(&so, offset, limit);
    izde_hits_t hits = { 0 };
    if (rc == IZDE_OK)
        rc = izde_rdb_search(db, q->all, &so, &hits);
    /* When the page is not full of complete matches, the matcher saw them
     * all, so their exact count places the partial ones. */
    uint64_t complete = hits.upper;
    if (rc == IZDE_OK) {
        for (size_t i = 0; i < hits.count; i++)
            results[(*n)++] = (struct sr_result){ offset + (unsigned)i + 1, hits.items[i].score,
                                                  0, hits.items[i].docid };
        rc = count_of(db, q->all, &hits, &counts->complete);
    }
    izde_hits_release(&hits);
    if (rc != IZDE_OK || !q->any || all_only)
        return rc;
    int paged = *n < limit;
    if (paged) {
        uint32_t skip = offset > complete ? offset - (uint32_t)complete : 0;
        search_opts(&so, skip, limit - (uint32_t)*n);
        rc = izde_rdb_search(db, q->any, &so, &hits);
        for (size_t i = 0; rc == IZDE_OK && i < hits.count && *n < limit; i++)
            results[(*n)++] = (struct sr_result){ (unsigned)(complete + skip + i + 1),
                                                  hits.items[i].score, 1, hits.items[i].docid };
    }
    if (rc == IZDE_OK)
        rc = count_of(db, q->any, paged ? &hits : NULL, &counts->partial);
    izde_hits_release(&hits);
    /* Estimates of the two disjoint sets may each run high: together they
     * never exceed the documents there are. */
    if (counts->complete.n > ndocs)
        counts->complete.n = ndocs;
    if (counts->partial.n > ndocs - counts->complete.n)
        counts->partial.n = ndocs - counts->complete.n;
    return rc;
}
