/* rank.c - one page of results: complete matches first, then partial ones to fill it. */
#include <string.h>
#include "searcher/searcher.h"

/* Counts at or below this are exact: the matcher looks at this many
 * documents before it estimates. Above it, a count is Xapian's estimate. */
#define SR_EXACT_COUNT 1000

static void search_opts(struct izde_search_opts *so, uint32_t offset, uint32_t limit,
                        enum sr_sort sort)
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
    if (sort != SR_SORT_RELEVANCE) {
        so->sort_slot = IZDE_SLOT_YEAR;
        so->sort_reverse = sort == SR_SORT_DATE_DESC;
    }
}

/* Sets *c from a search's bounds. A count is taken from the page's own
 * search only when it is exact and small: a larger page looks at more
 * documents, so its estimate (or exact count above SR_EXACT_COUNT) would
 * differ from a smaller page's, and the count must not depend on the page.
 * Otherwise a search of no hits that looks at SR_EXACT_COUNT documents
 * gives the same count for every page; its hits go to *out (may be NULL),
 * counted by spec (may be NULL) as well. */
static izde_status_t count_of(izde_rdb_t *db, const izde_query_t *query,
                              const izde_hits_t *page, const struct izde_facet_spec *spec,
                              struct sr_count *c, izde_hits_t *out)
{
    if (page && page->lower == page->upper && page->upper <= SR_EXACT_COUNT) {
        *c = (struct sr_count){ page->upper, 1 };
        return IZDE_OK;
    }
    struct izde_search_opts so;
    search_opts(&so, 0, 0, SR_SORT_RELEVANCE);
    /* A count needs no weights, and without them the matcher does not
     * compute BM25 for each document it looks at: on the 20k benchmark
     * corpus the ranking took 0.58x the time. Counts up to SR_EXACT_COUNT
     * are the same; Xapian's estimate above it changes but is no worse
     * (300 benchmark queries against their exact counts: the median error
     * a factor of 1.44 with and without weights). */
    so.weightless = 1;
    so.facets = spec;
    so.nfacets = spec != NULL;
    izde_hits_t hits = { 0 };
    izde_status_t rc = izde_rdb_search(db, query, &so, &hits);
    if (rc == IZDE_OK)
        *c = (struct sr_count){ hits.estimated, hits.lower == hits.upper };
    if (rc == IZDE_OK && out) {
        *out = hits;
        return rc;
    }
    izde_hits_release(&hits);
    return rc;
}

/* The three disjoint tiers of q, each ranked by BM25 and shown after the
 * one before: every word (complete), every word but some only through the
 * prefix backoff, some words. The last two are partial matches, and NULL
 * with all_only (or when q has none). */
static void tiers_of(const struct sr_query *q, int all_only, const izde_query_t *tiers[3])
{
    tiers[0] = q->all;
    tiers[1] = all_only ? NULL : q->backoff;
    tiers[2] = all_only ? NULL : q->any;
}

/* What is counted for each tier: the tier itself; or, with q->partial,
 * the complete matches, then every partial one in one search (and
 * nothing for the third). The same whether or not the page reads the
 * partial tiers, so that the count does not depend on the page. */
static void counted_of(const struct sr_query *q, int all_only, const izde_query_t *counted[3])
{
    tiers_of(q, all_only, counted);
    if (!all_only && q->partial) {
        counted[1] = q->partial;
        counted[2] = NULL;
    }
}

/* Adds tier t's count c to counts: the first tier is the complete
 * matches, the others partial ones. */
static void add_count(struct sr_counts *counts, int t, struct sr_count c)
{
    struct sr_count *sum = t == 0 ? &counts->complete : &counts->partial;
    sum->n += c.n;
    sum->exact = sum->exact && c.exact;
}

/* Estimates of the disjoint tiers may each run high: together they never
 * exceed the documents there are. */
static void clamp_counts(struct sr_counts *counts, uint64_t ndocs)
{
    if (counts->complete.n > ndocs)
        counts->complete.n = ndocs;
    if (counts->partial.n > ndocs - counts->complete.n)
        counts->partial.n = ndocs - counts->complete.n;
}

void sr_tally_release(struct sr_tally *tally)
{
    for (int t = 0; t < 3; t++) {
        izde_hits_release(&tally->hits[t]);
        tally->whole[t] = 0;
    }
}

/* Keeps in tally what the search behind tier t's count c saw (from, whose
 * facets move to the tally). */
static void keep_tally(struct sr_tally *tally, int t, struct sr_count c, izde_hits_t *from)
{
    izde_hits_release(&tally->hits[t]);
    tally->hits[t] = (izde_hits_t){ .facets = from->facets, .nfacets = from->nfacets,
                                    .examined = from->examined };
    from->facets = NULL;
    from->nfacets = 0;
    /* The matcher may know a count without looking at every document
     * (one term's frequency): only when the spy saw them all is the
     * tally the tier's. */
    tally->whole[t] = c.exact && from->examined == c.n && tally->hits[t].nfacets == 1;
}

izde_status_t sr_rank(izde_rdb_t *db, const struct sr_query *q, uint32_t offset, uint32_t limit,
                      int all_only, enum sr_sort sort, struct sr_result *results, size_t *n,
                      struct sr_counts *counts, struct sr_tally *tally)
{
    *n = 0;
    *counts = (struct sr_counts){ { 0, 1 }, { 0, 1 } };
    if (tally)
        sr_tally_release(tally);
    if (!q->all)
        return IZDE_OK;
    uint64_t ndocs;
    izde_status_t rc = izde_rdb_doccount(db, &ndocs);
    const struct izde_facet_spec spec = { .prefix = tally ? tally->prefix : NULL };
    const izde_query_t *tiers[3], *counted_q[3];
    tiers_of(q, all_only, tiers);
    counted_of(q, all_only, counted_q);
    uint64_t before = 0;    /* documents of the tiers before (exact when used) */
    for (int t = 0; rc == IZDE_OK && t < 3; t++) {
        if (!tiers[t])      /* and so counted_q[t] (q->partial needs both) */
            continue;
        struct sr_count c = { 0, 1 };
        izde_hits_t hits = { 0 }, counted = { 0 };
        /* The page's own search counts its tier when that is what is
         * counted. */
        int own = tiers[t] == counted_q[t];
        int paged = *n < limit;
        if (paged) {
            /* When a tier does not fill the page, the matcher saw all of
             * its documents, so their exact count places the next tier. */
            uint32_t skip = offset > before ? offset - (uint32_t)before : 0;
            struct izde_search_opts so;
            search_opts(&so, skip, limit - (uint32_t)*n, sort);
            so.facets = tally && own ? &spec : NULL;
            so.nfacets = tally && own;
            rc = izde_rdb_search(db, tiers[t], &so, &hits);
            for (size_t i = 0; rc == IZDE_OK && i < hits.count && *n < limit; i++)
                results[(*n)++] = (struct sr_result){ (unsigned)(before + skip + i + 1),
                                                      hits.items[i].score, t > 0,
                                                      hits.items[i].docid };
            before += hits.upper;
        }
        if (rc == IZDE_OK && counted_q[t])
            rc = count_of(db, counted_q[t], paged && own ? &hits : NULL,
                          tally ? &spec : NULL, &c, &counted);
        if (rc == IZDE_OK && tally && counted_q[t])
            keep_tally(tally, t, c, counted.nfacets ? &counted : &hits);
        izde_hits_release(&hits);
        izde_hits_release(&counted);
        if (counted_q[t])
            add_count(counts, t, c);
    }
    clamp_counts(counts, ndocs);
    return rc;
}

/* The number of documents tier t of tally has with value. */
static uint64_t tally_count(const struct sr_tally *tally, int t, const char *value)
{
    const struct izde_facet *f = &tally->hits[t].facets[0];
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->values[i].value, value) == 0)
            return f->values[i].count;
    return 0;
}

izde_status_t sr_count_in(izde_rdb_t *db, const struct sr_query *q, int all_only,
                          const struct sr_tally *tally, const char *value,
                          struct sr_counts *counts)
{
    *counts = (struct sr_counts){ { 0, 1 }, { 0, 1 } };
    if (!q->all)
        return IZDE_OK;
    uint64_t ndocs;
    izde_status_t rc = izde_rdb_doccount(db, &ndocs);
    const izde_query_t *counted[3];
    counted_of(q, all_only, counted);
    for (int t = 0; rc == IZDE_OK && t < 3; t++) {
        if (!counted[t])
            continue;
        struct sr_count c = { 0, 1 };
        if (tally && tally->whole[t])
            c.n = tally_count(tally, t, value);
        else
            rc = count_of(db, counted[t], NULL, NULL, &c, NULL);
        add_count(counts, t, c);
    }
    clamp_counts(counts, ndocs);
    return rc;
}

izde_status_t sr_facets(izde_rdb_t *db, const struct sr_query *q,
                        const struct izde_facet_spec *specs, size_t n, izde_hits_t *out)
{
    *out = (izde_hits_t){ 0 };
    if (!q->all || n == 0)
        return IZDE_OK;
    uint64_t ndocs;
    izde_status_t rc = izde_rdb_doccount(db, &ndocs);
    if (rc != IZDE_OK)
        return rc;
    struct izde_search_opts so;
    search_opts(&so, 0, 0, SR_SORT_RELEVANCE);
    /* Every match is counted, not an estimate's sample. */
    so.check_at_least = ndocs > UINT32_MAX ? UINT32_MAX : (uint32_t)ndocs;
    so.facets = specs;
    so.nfacets = n;
    so.weightless = 1;
    return izde_rdb_search(db, q->all, &so, out);
}
