/* session.c - a search from query text to a page of records and snippets, read from one revision. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "index/index_meta.h"
#include "searcher/fields.h"
#include "searcher/session.h"
#include "text/text.h"

struct izde_session {
    izde_rdb_t *db;
    izde_analyzer_t *an;
    const char *errmsg;     /* of the last failure: the engine's or a status's */
};

/* How many times a search is redone on the newest revision when a writer
 * discarded the one it was reading. A reader loses its revision only when
 * the writer commits twice during the few milliseconds it reads, so 50 in
 * a row means something other than a busy writer. */
#define SR_MAX_REOPENS 50

/* Whether rc may come from a writer committing while we read: Xapian
 * reports a discarded revision as DatabaseModifiedError, but a block the
 * writer reused just before the reader got to it can read as
 * DatabaseCorruptError ("Expected block N to be level 1"); seen in
 * tests/cli/concurrent.sh under ASan. */
static int transient(izde_status_t rc)
{
    return rc == IZDE_ERR_DB_MODIFIED || rc == IZDE_ERR_DB_CORRUPT;
}

/* Real damage reads as corrupt on every revision, so a corrupt error is
 * believed the SR_MAX_CORRUPT-th time. */
#define SR_MAX_CORRUPT 3

/* Hands a malloc'ed message to the caller's *msg, or frees it when the
 * caller did not want one (msg NULL). */
static void give_msg(char **msg, char *m)
{
    if (msg)
        *msg = m;
    else
        free(m);
}

/* Gives *msg the message what followed by detail. */
static void set_msg(char **msg, const char *what, const char *detail)
{
    struct izde_buf b = IZDE_BUF_INIT;
    izde_buf_addf(&b, "%s%s", what, detail);
    give_msg(msg, izde_buf_detach(&b, NULL));
}

izde_status_t izde_session_open(const char *const *paths, size_t n, izde_session_t **out,
                                char **msg)
{
    *out = NULL;
    if (msg)
        *msg = NULL;
    izde_session_t *s = calloc(1, sizeof(*s));
    if (!s)
        return IZDE_ERR_NOMEM;
    char *errmsg = NULL;
    izde_status_t rc = izde_analyzer_new(&s->an, &errmsg);
    if (rc != IZDE_OK) {
        set_msg(msg, "cannot start text analysis: ", errmsg ? errmsg : izde_status_str(rc));
        goto out;
    }
    struct izde_buf why = IZDE_BUF_INIT;
    rc = sr_open(paths, n, &s->db, &why);
    if (rc != IZDE_OK) {
        set_msg(msg, "", why.p ? why.p : izde_status_str(rc));
        izde_buf_release(&why);
        goto out;
    }
    izde_buf_release(&why);
    /* The version check reads the index too, so a commit can interrupt
     * it as it can a search (see read_page). */
    for (int attempt = 0; attempt < SR_MAX_CORRUPT; attempt++) {
        free(errmsg);
        errmsg = NULL;
        rc = izde_index_meta_check_read(s->db, paths[0], izde_analyzer_version(s->an), &errmsg);
        if (!transient(rc) || izde_rdb_reopen(s->db) != IZDE_OK)
            break;
    }
    if (rc != IZDE_OK) {
        struct izde_buf b = IZDE_BUF_INIT;
        izde_buf_addf(&b, "cannot open database '%s': %s", paths[0],
                      errmsg ? errmsg : izde_status_str(rc));
        give_msg(msg, izde_buf_detach(&b, NULL));
    }
out:
    free(errmsg);
    if (rc != IZDE_OK) {
        izde_session_close(s);
        return rc;
    }
    *out = s;
    return IZDE_OK;
}

void izde_session_close(izde_session_t *s)
{
    if (!s)
        return;
    izde_rdb_close(s->db);
    izde_analyzer_free(s->an);
    free(s);
}

const char *izde_session_errmsg(const izde_session_t *s, izde_status_t rc)
{
    const char *m = s && s->db ? izde_rdb_errmsg(s->db) : "";
    return m[0] ? m : izde_status_str(rc);
}

/* Each facet's name, value slot and whether the slot holds a list. */
static const struct {
    const char *name;
    uint32_t slot;
    int list;
} facet_kinds[IZDE_FACET_COUNT] = {
    [IZDE_FACET_YEAR] = { "year", IZDE_SLOT_YEAR, 0 },
    [IZDE_FACET_AUTHOR] = { "author", IZDE_SLOT_AUTHORS, 1 },
    [IZDE_FACET_KW] = { "kw", IZDE_SLOT_KEYWORDS, 1 },
    [IZDE_FACET_JOURNAL] = { "journal", IZDE_SLOT_JOURNAL, 0 },
    [IZDE_FACET_LANG] = { "lang", IZDE_SLOT_LANG, 0 },
    [IZDE_FACET_UDC] = { "udc", IZDE_SLOT_UDC, 0 },
};

const char *izde_facet_name(enum izde_facet_kind k)
{
    return (unsigned)k < IZDE_FACET_COUNT ? facet_kinds[k].name : "?";
}

int izde_facet_from_name(const char *name, size_t len)
{
    for (int k = 0; k < IZDE_FACET_COUNT; k++)
        if (strlen(facet_kinds[k].name) == len && memcmp(facet_kinds[k].name, name, len) == 0)
            return k;
    return -1;
}

izde_status_t izde_facet_set_parse(const char *list, unsigned *set)
{
    *set = 0;
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        int k = izde_facet_from_name(p, n);
        if (k < 0)
            return IZDE_ERR_INVALID;
        *set |= 1u << k;
        p += n;
        if (*p == ',')
            p++;
    }
    return *set ? IZDE_OK : IZDE_ERR_INVALID;
}

izde_status_t izde_sort_parse(const char *name, enum sr_sort *sort)
{
    static const char *const names[] = { [SR_SORT_RELEVANCE] = "relevance",
                                          [SR_SORT_DATE] = "date",
                                          [SR_SORT_DATE_DESC] = "-date" };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (strcmp(name, names[i]) == 0) {
            *sort = (enum sr_sort)i;
            return IZDE_OK;
        }
    return IZDE_ERR_INVALID;
}

/* Counts the facets params asks for into p (read_page_once's part). */
static izde_status_t count_facets(izde_session_t *s, const struct sr_query *q,
                                  const struct izde_session_params *params,
                                  struct izde_session_page *p)
{
    struct izde_facet_spec specs[IZDE_FACET_COUNT];
    int kind[IZDE_FACET_COUNT];
    size_t n = 0;
    for (int k = 0; k < IZDE_FACET_COUNT; k++)
        if (params->facets & (1u << k)) {
            specs[n] = (struct izde_facet_spec){
                .slot = facet_kinds[k].slot, .list = facet_kinds[k].list,
                .max = params->facet_max ? params->facet_max : IZDE_FACET_DEFAULT_MAX
            };
            kind[n++] = k;
        }
    izde_hits_release(&p->facet_hits);
    memset(p->facet, 0, sizeof(p->facet));
    izde_status_t rc = sr_facets(s->db, q, specs, n, &p->facet_hits);
    for (size_t i = 0; rc == IZDE_OK && i < p->facet_hits.nfacets; i++)
        p->facet[kind[i]] = &p->facet_hits.facets[i];
    return rc;
}

/* Frees the hits' records and snippets; the arrays stay for the next
 * search. */
static void release_hits(struct izde_session_page *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->raw[i]);
        p->raw[i] = NULL;
    }
    p->n = 0;
}

void izde_session_page_release(struct izde_session_page *p)
{
    release_hits(p);
    for (size_t i = 0; i < p->cap; i++)
        izde_buf_release(&p->hits[i].snippet);
    free(p->hits);
    free(p->raw);
    izde_buf_release(&p->suggestion);
    izde_buf_release(&p->explain);
    izde_buf_release(&p->error);
    izde_buf_release(&p->query_buf);
    izde_hits_release(&p->facet_hits);
    *p = (struct izde_session_page)IZDE_SESSION_PAGE_INIT;
}

/* Makes room for limit hits. */
static izde_status_t reserve(struct izde_session_page *p, uint32_t limit)
{
    if (limit <= p->cap)
        return IZDE_OK;
    struct izde_session_hit *hits = realloc(p->hits, limit * sizeof(*hits));
    if (!hits)
        return IZDE_ERR_NOMEM;
    p->hits = hits;
    char **raw = realloc(p->raw, limit * sizeof(*raw));
    if (!raw)
        return IZDE_ERR_NOMEM;
    p->raw = raw;
    for (size_t i = p->cap; i < limit; i++) {
        p->hits[i] = (struct izde_session_hit){ .snippet = IZDE_BUF_INIT };
        p->raw[i] = NULL;
    }
    p->cap = limit;
    return IZDE_OK;
}

const char *const izde_session_langs[IZDE_SESSION_NLANGS] = { NULL, "ky", "ru", "en" };

int izde_session_same_lang(const char *a, const char *b)
{
    return a && b ? strcmp(a, b) == 0 : a == b;
}

/* The tiers of q (what sr_rank reads) in *out, kept to documents with text
 * in lang (their L term), or as they are for NULL. */
static izde_status_t lang_tiers(const struct sr_query *q, const char *lang, struct sr_query *out)
{
    izde_query_t *filter = NULL;
    izde_status_t rc = IZDE_OK;
    if (lang) {
        char term[16];
        int len = snprintf(term, sizeof(term), IZDE_PREFIX_LANG "%s", lang);
        rc = izde_query_term(term, (size_t)len, 1, &filter);
    }
    const izde_query_t *from[4] = { q->all, q->backoff, q->any, q->partial };
    izde_query_t **to[4] = { &out->all, &out->backoff, &out->any, &out->partial };
    for (int i = 0; rc == IZDE_OK && i < 4; i++) {
        if (!from[i])
            continue;
        izde_query_t *pair[2] = { (izde_query_t *)from[i], filter };
        rc = izde_query_combine(filter ? IZDE_Q_FILTER : IZDE_Q_OR, pair, filter ? 2 : 1, 0,
                                to[i]);
    }
    izde_query_free(filter);
    return rc;
}

/* Keeps only documents with text in lang. */
static izde_status_t restrict_lang(struct sr_query *q, const char *lang)
{
    struct sr_query kept = { 0 };
    izde_status_t rc = lang_tiers(q, lang, &kept);
    izde_query_t **slots[4] = { &q->all, &q->backoff, &q->any, &q->partial };
    izde_query_t *tiers[4] = { kept.all, kept.backoff, kept.any, kept.partial };
    for (int i = 0; rc == IZDE_OK && i < 4; i++) {
        izde_query_free(*slots[i]);
        *slots[i] = tiers[i];
    }
    if (rc != IZDE_OK)
        sr_query_release(&kept);
    return rc;
}

/* The page's counts in each of izde_session_langs: langs[i] holds the
 * tiers of the query in that language, unused for the page's own. A
 * language's counts come from tally, what the page's own search saw in
 * each tier, where it saw a tier whole; the other tiers are counted with
 * a search each (a count, limit 0, not a page's). tally is NULL when the
 * page has a language of its own: the whole query's counts then fill
 * one. */
static izde_status_t count_langs(izde_session_t *s, const struct sr_query *langs,
                                 const struct izde_session_params *params,
                                 const struct sr_tally *tally, struct izde_session_page *p)
{
    struct sr_tally whole = { .prefix = IZDE_PREFIX_LANG };
    izde_status_t rc = IZDE_OK;
    for (size_t i = 0; rc == IZDE_OK && i < IZDE_SESSION_NLANGS; i++) {
        size_t n = 0;
        const char *lang = izde_session_langs[i];
        if (izde_session_same_lang(params->lang, lang)) {
            p->lang_counts[i] = p->counts;
        } else if (!lang) {     /* first, as izde_session_langs holds it */
            rc = sr_rank(s->db, &langs[i], 0, 0, params->all_only, params->sort, NULL, &n,
                         &p->lang_counts[i], &whole);
            tally = &whole;
        } else {
            rc = sr_count_in(s->db, &langs[i], params->all_only, tally, lang, &p->lang_counts[i]);
        }
    }
    sr_tally_release(&whole);
    return rc;
}

/* Reads everything the search needs from the index once: the ranking,
 * every hit's record and (with suggest, when nothing matched) the
 * suggestion. Snippets are made afterwards from these copies, so that the
 * index is read for as short a time as possible and one page never mixes
 * two revisions. */
static izde_status_t read_page_once(izde_session_t *s, const struct sr_query *q,
                                    const struct sr_query *langs,
                                    const struct izde_session_params *params,
                                    struct sr_result *res, struct izde_session_page *p)
{
    izde_buf_clear(&p->suggestion);
    /* Without a language of its own, the page's search sees the documents
     * the language counts count. */
    struct sr_tally tally = { .prefix = IZDE_PREFIX_LANG };
    int tallied = params->lang_counts && !params->lang;
    izde_status_t rc = sr_rank(s->db, q, params->offset, params->limit, params->all_only,
                               params->sort, res, &p->n, &p->counts, tallied ? &tally : NULL);
    if (rc == IZDE_OK && params->lang_counts)
        rc = count_langs(s, langs, params, tallied ? &tally : NULL, p);
    sr_tally_release(&tally);
    if (rc == IZDE_OK && params->facets)
        rc = count_facets(s, q, params, p);
    for (size_t i = 0; rc == IZDE_OK && i < p->n; i++) {
        size_t len;
        struct izde_session_hit *h = &p->hits[i];
        h->rank = res[i].rank;
        h->score = res[i].score;
        h->partial = res[i].partial;
        h->docid = res[i].docid;
        h->page = h->page_last = h->printed_page = h->printed_last = 0;
        rc = izde_rdb_get_data(s->db, h->docid, &p->raw[i], &len);
        if (rc == IZDE_OK)
            rc = izde_docdata_decode(p->raw[i], len, &h->dd);
    }
    if (rc == IZDE_OK && params->suggest && p->n == 0 && q->all)
        rc = sr_suggest(s->db, q, &p->suggestion);
    return rc;
}

/* After an attempt that ended with *rc, whether to make another on the
 * newest revision, which this reopens: only when a writer discarded the
 * revision being read, at most SR_MAX_REOPENS times, and a corrupt error
 * is believed the SR_MAX_CORRUPT-th time. When not, *rc is the status to
 * return (the reopen's, if that failed). */
static int try_again(izde_session_t *s, izde_status_t *rc, int attempt, int *corrupt)
{
    if (*rc == IZDE_ERR_DB_CORRUPT && ++*corrupt == SR_MAX_CORRUPT)
        return 0;
    if (!transient(*rc) || attempt == SR_MAX_REOPENS)
        return 0;
    izde_status_t reopened = izde_rdb_reopen(s->db);
    if (reopened != IZDE_OK && !transient(reopened)) {
        *rc = reopened;
        return 0;
    }
    return 1;
}

/* read_page_once, on the newest revision each time a writer discarded
 * the revision being read; the caller releases the hits of a failure. */
static izde_status_t read_page(izde_session_t *s, const struct sr_query *q,
                               const struct sr_query *langs,
                               const struct izde_session_params *params, struct sr_result *res,
                               struct izde_session_page *p)
{
    int corrupt = 0;
    for (int attempt = 0;; attempt++) {
        izde_status_t rc = read_page_once(s, q, langs, params, res, p);
        if (!try_again(s, &rc, attempt, &corrupt))
            return rc;
        release_hits(p);
    }
}

/* sr_query_parse, on the newest revision each time a writer discarded
 * the revision whose vocabulary it was reading. */
static izde_status_t parse_query(izde_session_t *s, const char *text, size_t len,
                                 struct sr_query *q)
{
    int corrupt = 0;
    for (int attempt = 0;; attempt++) {
        izde_status_t rc = sr_query_parse(s->an, s->db, text, len, q);
        if (!try_again(s, &rc, attempt, &corrupt))
            return rc;
        sr_query_release(q);
    }
}

/* Whether path names a PDF, whose pages a viewer opens at #page=N. The
 * record keeps no format, and a PDF is only ever read from a .pdf file. */
static int is_pdf(const char *path, size_t len)
{
    return path && len >= 4 && strncasecmp(path + len - 4, ".pdf", 4) == 0;
}

/* The page text[at] is on: one more than the form feeds before it. */
static unsigned page_of(const char *text, size_t at)
{
    unsigned page = 1;
    for (size_t i = 0; i < at; i++)
        page += text[i] == '\f';
    return page;
}

/* Sets the pages of the matches the snippet of h shows (matched):
 * the printed ones whenever the record numbers its pages (a PDF, or text
 * that pdftotext wrote, pages ended by form feeds), the PDF's own only
 * for a PDF, which a viewer can open at one. */
static void locate_snippet(struct izde_session_hit *h, const struct sr_span *matched)
{
    const struct izde_docdata *dd = &h->dd;
    unsigned first, last;
    if (!dd->text)
        return;
    unsigned page = page_of(dd->text, matched->start), page_last = page;
    for (size_t i = matched->start; i < matched->end; i++)
        page_last += dd->text[i] == '\f';
    if (is_pdf(dd->path, dd->path_len)) {
        h->page = page;
        h->page_last = page_last;
    }
    /* A page beyond the printed range (a cover sheet added to the PDF)
     * has no printed number we could trust. */
    if (sr_field_pages(dd, &first, &last) && first + page_last - 1 <= last) {
        h->printed_page = first + page - 1;
        h->printed_last = first + page_last - 1;
    }
}

/* The snippet of every hit, from the records already read. */
static izde_status_t make_snippets(izde_session_t *s, const struct sr_query *q,
                                   const struct izde_session_params *params,
                                   struct izde_session_page *p)
{
    const char *open = params->mark_open ? params->mark_open : IZDE_SNIPPET_OPEN;
    const char *close = params->mark_close ? params->mark_close : IZDE_SNIPPET_CLOSE;
    /* Only the runs of text that may hold a query word are analysed: most
     * of a snippet's time went to analysing the others. */
    struct izde_sieve sieve;
    izde_status_t rc = sr_snippet_sieve(q, &sieve);
    for (size_t i = 0; rc == IZDE_OK && i < p->n; i++) {
        struct izde_session_hit *h = &p->hits[i];
        struct sr_span matched;
        rc = sr_snippet(s->an, q, &sieve, h->partial, h->dd.text ? h->dd.text : "", h->dd.text_len,
                        open, close, &h->snippet, &matched);
        if (rc == IZDE_OK)
            locate_snippet(h, &matched);
    }
    return rc;
}

/* Keeps the query as it will be searched: invalid UTF-8 replaced. */
static izde_status_t take_query(struct izde_session_page *p, const char *text, size_t len)
{
    size_t nbad = 0;
    izde_status_t rc = izde_text_utf8_check(text, len, NULL) > 0
                           ? izde_text_utf8_repair(text, len, &p->query_buf, &nbad)
                           : izde_buf_add(&p->query_buf, text, len);
    p->query = p->query_buf.p ? p->query_buf.p : "";
    p->query_len = p->query_buf.len;
    p->repaired = nbad;
    return rc;
}

izde_status_t izde_session_search(izde_session_t *s, const char *text, size_t len,
                                  const struct izde_session_params *params,
                                  struct izde_session_page *p)
{
    izde_session_page_release(p);
    izde_status_t rc = take_query(p, text, len);
    if (rc != IZDE_OK)
        return rc;
    p->words = sr_count_words(p->query, p->query_len);
    if (p->query_len > IZDE_SESSION_MAX_QUERY_BYTES || p->words > IZDE_SESSION_MAX_QUERY_WORDS) {
        p->outcome = IZDE_PAGE_TOO_LONG;
        return IZDE_OK;
    }
    struct sr_query q = { 0 };
    struct sr_result *res = NULL;
    rc = parse_query(s, p->query, p->query_len, &q);
    if (rc == IZDE_ERR_QUERY && q.error.len) {
        p->outcome = IZDE_PAGE_BAD_SYNTAX;
        p->error = q.error;
        q.error = (struct izde_buf)IZDE_BUF_INIT;
        sr_query_release(&q);
        return IZDE_OK;
    }
    /* The language counts start from the query before its own filter. */
    struct sr_query langs[IZDE_SESSION_NLANGS] = { { 0 } };
    for (size_t i = 0; rc == IZDE_OK && params->lang_counts && i < IZDE_SESSION_NLANGS; i++)
        if (!izde_session_same_lang(params->lang, izde_session_langs[i]))
            rc = lang_tiers(&q, izde_session_langs[i], &langs[i]);
    if (rc == IZDE_OK && params->lang)
        rc = restrict_lang(&q, params->lang);
    if (rc == IZDE_OK)
        rc = reserve(p, params->limit);
    if (rc == IZDE_OK && !(res = calloc(params->limit, sizeof(*res))))
        rc = IZDE_ERR_NOMEM;
    if (rc == IZDE_OK)
        rc = read_page(s, &q, langs, params, res, p);
    if (rc == IZDE_OK && params->snippets)
        rc = make_snippets(s, &q, params, p);
    if (rc == IZDE_OK && !q.all)
        p->outcome = IZDE_PAGE_NO_WORDS;
    /* The explanation moves to the page instead of being copied. */
    p->explain = q.explain;
    q.explain = (struct izde_buf)IZDE_BUF_INIT;
    sr_query_release(&q);
    for (size_t i = 0; i < IZDE_SESSION_NLANGS; i++)
        sr_query_release(&langs[i]);
    free(res);
    if (rc != IZDE_OK)
        release_hits(p);
    return rc;
}

izde_status_t izde_session_refresh(izde_session_t *s)
{
    return izde_rdb_reopen(s->db);
}

izde_status_t izde_session_record(izde_session_t *s, izde_docid_t docid, char **raw,
                                  struct izde_docdata *dd)
{
    size_t len;
    *raw = NULL;
    izde_status_t rc = IZDE_ERR_DB_MODIFIED;
    for (int attempt = 0; transient(rc) && attempt < SR_MAX_CORRUPT; attempt++) {
        if (attempt && izde_rdb_reopen(s->db) != IZDE_OK)
            break;
        free(*raw);
        *raw = NULL;
        rc = izde_rdb_get_data(s->db, docid, raw, &len);
    }
    if (rc == IZDE_OK)
        rc = izde_docdata_decode(*raw, len, dd);
    if (rc != IZDE_OK) {
        free(*raw);
        *raw = NULL;
    }
    return rc;
}
