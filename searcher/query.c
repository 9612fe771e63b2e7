/* query.c - query text to a Xapian query: words, phrases, exclusions, all-words-first. */
#include <stdlib.h>
#include <string.h>
#include "searcher/searcher.h"
#include "text/text.h"

/* Weight of the exact-form bonus beside the synonym of exact form and
 * stems: an exact match ranks above an inflected one, all else equal. */
#define EXACT_BONUS 0.25

/* Terms of one analysed chunk, grouped by word position. */
struct chunk_terms {
    struct sr_query *q;
    unsigned first_word;    /* q word index of the chunk's position 1 */
    int keep;               /* record terms in q->terms (positive chunks) */
    struct {
        char *text;
        size_t len;
        enum izde_term_kind kind;
        enum izde_lang lang;
        uint32_t pos;
        size_t start, end;
        int stop;
        int positional;
    } *items;
    size_t n, cap;
    izde_status_t rc;
};

static int collect(const struct izde_term *t, void *closure)
{
    struct chunk_terms *c = closure;
    void *grown = izde_array_grow(c->items, c->n, &c->cap, sizeof(*c->items), 16);
    if (!grown)
        goto nomem;
    c->items = grown;
    char *s = malloc(t->len + 1);
    if (!s)
        goto nomem;
    memcpy(s, t->text, t->len);
    s[t->len] = '\0';
    c->items[c->n].text = s;
    c->items[c->n].len = t->len;
    c->items[c->n].kind = t->kind;
    c->items[c->n].lang = t->lang;
    c->items[c->n].pos = t->pos;
    c->items[c->n].start = t->start;
    c->items[c->n].end = t->end;
    c->items[c->n].stop = t->stop;
    c->items[c->n].positional = t->positional;
    c->n++;
    return 0;
nomem:
    c->rc = IZDE_ERR_NOMEM;
    return 1;
}

static void chunk_release(struct chunk_terms *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->items[i].text);
    free(c->items);
}

static izde_status_t keep_term(struct sr_query *q, const char *text, size_t len,
                               enum izde_term_kind kind, enum izde_lang lang, unsigned word,
                               int stop)
{
    struct sr_qterm *grown = izde_array_grow(q->terms, q->nterms, &q->cap, sizeof(*grown), 16);
    if (!grown)
        return IZDE_ERR_NOMEM;
    q->terms = grown;
    char *s = strndup(text, len);
    if (!s)
        return IZDE_ERR_NOMEM;
    q->terms[q->nterms++] = (struct sr_qterm){ s, len, kind, lang, word, stop };
    q->has_content_terms |= !stop;
    return IZDE_OK;
}

/* A growing list of subqueries that frees what it holds. */
struct qlist {
    izde_query_t **items;
    size_t n, cap;
};

static izde_status_t qlist_push(struct qlist *l, izde_query_t *q)
{
    if (!q)
        return IZDE_ERR_NOMEM;
    izde_query_t **grown = izde_array_grow(l->items, l->n, &l->cap, sizeof(*grown), 8);
    if (!grown) {
        izde_query_free(q);
        return IZDE_ERR_NOMEM;
    }
    l->items = grown;
    l->items[l->n++] = q;
    return IZDE_OK;
}

static void qlist_release(struct qlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        izde_query_free(l->items[i]);
    free(l->items);
    memset(l, 0, sizeof(*l));
}

/* Combines l's queries with op; n == 1 gives a copy of the one. */
static izde_status_t qlist_combine(const struct qlist *l, izde_query_op_t op, uint32_t window,
                                   izde_query_t **out)
{
    return izde_query_combine(op, l->items, l->n, window, out);
}

/* A new handle on q (queries are immutable and shared inside). */
static izde_query_t *query_copy(const izde_query_t *q)
{
    izde_query_t *copy = NULL;
    izde_query_t *one[1] = { (izde_query_t *)q };
    return izde_query_combine(IZDE_Q_OR, one, 1, 0, &copy) == IZDE_OK ? copy : NULL;
}

/* Whether term i of the word starting at from is searched. A stop word is
 * searched as written: its stems and prefix add nothing to a function word
 * but long posting lists to read (measured: cold p99 4.4 -> 4.0 ms on the
 * 20k benchmark, MRR@10 unchanged). */
static int searched(const struct chunk_terms *c, size_t from, size_t i)
{
    return !c->items[from].stop || c->items[i].kind == IZDE_TERM_EXACT;
}

/* Whether term i is the 5-letter prefix backoff (a T term). */
static int is_backoff(const struct chunk_terms *c, size_t i)
{
    return c->items[i].kind == IZDE_TERM_STEM && c->items[i].text[0] == IZDE_PREFIX_TRUNC[0];
}

/* One query word: SYNONYM(exact, stems...), so that BM25 sees one term,
 * in *out; in *loose the same with the prefix backoff added (NULL when the
 * word has none); also its exact form alone and its phrase key alone (each
 * may be NULL). The backoff is kept out of *out because it matches words
 * that only share five letters ('Кыргыз' for 'Кыргызстан'): a document
 * that has the word only that way must rank below every document that has
 * it (see the backoff tier in sr_query_parse). */
static izde_status_t word_query(struct chunk_terms *c, size_t from, size_t to,
                                izde_query_t **out, izde_query_t **loose, izde_query_t **exact,
                                izde_query_t **key)
{
    struct qlist alts = { 0 }, backoffs = { 0 };
    izde_status_t rc = IZDE_OK;
    *loose = NULL;
    *exact = NULL;
    *key = NULL;
    for (size_t i = from; rc == IZDE_OK && i < to; i++) {
        if (c->items[i].kind == IZDE_TERM_COMPOUND || !searched(c, from, i))
            continue;
        /* Two stemmers may give the same stem; the synonym needs it once. */
        int dup = 0;
        for (size_t j = from; j < i; j++)
            if (c->items[j].len == c->items[i].len &&
                memcmp(c->items[j].text, c->items[i].text, c->items[i].len) == 0)
                dup = 1;
        if (dup)
            continue;
        izde_query_t *t = NULL;
        rc = izde_query_term(c->items[i].text, c->items[i].len, 1, &t);
        if (rc == IZDE_OK && c->items[i].kind == IZDE_TERM_EXACT && !*exact)
            rc = izde_query_term(c->items[i].text, c->items[i].len, 1, exact);
        if (rc == IZDE_OK && c->items[i].positional && !*key)
            rc = izde_query_term(c->items[i].text, c->items[i].len, 1, key);
        if (rc == IZDE_OK)
            rc = qlist_push(is_backoff(c, i) ? &backoffs : &alts, t);
        else
            izde_query_free(t);
    }
    if (rc == IZDE_OK)
        rc = qlist_combine(&alts, IZDE_Q_SYNONYM, 0, out);
    for (size_t k = 0; rc == IZDE_OK && k < backoffs.n; k++) {
        rc = qlist_push(&alts, backoffs.items[k]);
        backoffs.items[k] = NULL;
    }
    if (rc == IZDE_OK && backoffs.n)
        rc = qlist_combine(&alts, IZDE_Q_SYNONYM, 0, loose);
    qlist_release(&alts);
    qlist_release(&backoffs);
    return rc;
}

static void explain_word(struct sr_query *q, struct chunk_terms *c, size_t from, size_t to,
                         const char *src, const char *what)
{
    izde_buf_addf(&q->explain, "%s '%.*s'%s:", what,
                  (int)(c->items[from].end - c->items[from].start), src + c->items[from].start,
                  c->items[from].stop ? " (stop word)" : "");
    for (size_t i = from; i < to; i++) {
        if (!searched(c, from, i))
            continue;
        const char *k = "exact";
        switch (c->items[i].kind) {
        case IZDE_TERM_EXACT: k = "exact"; break;
        case IZDE_TERM_VARIANT: k = "cyrillic"; break;
        case IZDE_TERM_COMPOUND: k = "compound"; break;
        case IZDE_TERM_STEM:
            k = c->items[i].text[0] == IZDE_PREFIX_KBFOLD[0]  ? "ky-keyboard"
                : c->items[i].text[0] == IZDE_PREFIX_TRUNC[0] ? "prefix"
                                                              : izde_lang_code(c->items[i].lang);
            break;
        }
        izde_buf_addf(&q->explain, " %s=", k);
        izde_term_display(c->items[i].text, c->items[i].len, &q->explain);
    }
    izde_buf_addc(&q->explain, '\n');
}

/* Builds the clauses of one chunk: a phrase (phrase != 0) or separate
 * words, appended to clauses; exact-form bonuses go to bonus. */
static izde_status_t chunk_clauses(struct sr_query *q, struct chunk_terms *c, const char *src,
                                   int phrase, struct qlist *clauses, struct qlist *lclauses,
                                   int *backoff, struct qlist *stops, struct qlist *loose,
                                   struct qlist *bonus)
{
    izde_status_t rc = IZDE_OK;
    struct qlist parts = { 0 }, lparts = { 0 }, keys = { 0 };
    uint32_t first_key = 0, last_key = 0;
    int keyless = 0;
    /* Which parts are stop words; a chunk is one whitespace-free run, so it
     * has few words, but a long hyphenated one is cut off rather than
     * overflowing. */
    int part_stop[64] = { 0 };
    for (size_t i = 0; rc == IZDE_OK && i < c->n;) {
        size_t j = i + 1;
        while (j < c->n && c->items[j].pos == c->items[i].pos &&
               c->items[j].kind != IZDE_TERM_COMPOUND)
            j++;
        if (c->items[i].kind == IZDE_TERM_COMPOUND) {
            /* The compound's parts follow as their own words; they are
             * searched as a phrase, which finds 'иш-аракет' and 'иш аракет'. */
            i = j;
            continue;
        }
        /* Before keeping its terms: a word past the cut is not searched,
         * and a kept term must stand for a word of the query. */
        if (parts.n >= sizeof(part_stop) / sizeof(part_stop[0]))
            break;
        unsigned word = q->nwords + (phrase ? 0 : (unsigned)parts.n);
        if (c->keep) {
            for (size_t k = i; rc == IZDE_OK && k < j; k++)
                rc = keep_term(q, c->items[k].text, c->items[k].len, c->items[k].kind,
                               c->items[k].lang, word, c->items[i].stop);
            explain_word(q, c, i, j, src, phrase ? "phrase word" : "word");
        }
        part_stop[parts.n] = c->items[i].stop;
        izde_query_t *wq = NULL, *lwq = NULL, *exact = NULL, *key = NULL;
        if (rc == IZDE_OK)
            rc = word_query(c, i, j, &wq, &lwq, &exact, &key);
        if (rc == IZDE_OK && lwq)
            *backoff = 1;
        /* lparts: the words with their backoff (a phrase matches exact
         * forms only). */
        if (rc == IZDE_OK)
            rc = qlist_push(&lparts, query_copy(phrase ? exact : lwq ? lwq : wq));
        if (rc == IZDE_OK)
            rc = qlist_push(&parts, phrase ? exact : wq);
        if (rc == IZDE_OK && phrase && key) {
            rc = qlist_push(&keys, key);
            if (rc == IZDE_OK) {
                if (keys.n == 1)
                    first_key = c->items[i].pos;
                last_key = c->items[i].pos;
            }
        } else {
            if (phrase && !key && !c->items[i].stop)
                keyless = 1;
            izde_query_free(key);
        }
        /* Every content word also stands alone among the partial matches,
         * phrase words included: a quoted name in a pasted sentence must
         * not hide a document that words it differently. */
        if (rc == IZDE_OK && loose && !part_stop[parts.n - 1])
            rc = qlist_push(loose, query_copy(lwq ? lwq : wq));
        if (phrase)
            izde_query_free(wq);
        izde_query_free(lwq);
        if (rc == IZDE_OK && !phrase && exact) {
            izde_query_t *scaled = NULL;
            rc = izde_query_scale(exact, EXACT_BONUS, &scaled);
            izde_query_free(exact);
            if (rc == IZDE_OK)
                rc = qlist_push(bonus, scaled);
        }
        i = j;
    }
    if (rc == IZDE_OK && parts.n > 0) {
        if (phrase && parts.n > 1) {
            /* Only phrase keys have positions. Stop words have none, so
             * the phrase steps over them: its keys in order, within the
             * span from the first to the last. With fewer than two keys,
             * or a word without one (too long a term), the words match
             * anywhere. */
            izde_query_t *p = NULL;
            rc = keys.n >= 2 && !keyless
                     ? qlist_combine(&keys, IZDE_Q_PHRASE, last_key - first_key + 1, &p)
                     : qlist_combine(&parts, IZDE_Q_AND, 0, &p);
            if (rc == IZDE_OK)
                rc = qlist_push(lclauses, query_copy(p));
            if (rc == IZDE_OK)
                rc = qlist_push(clauses, p);
            q->nwords++;
        } else {
            for (size_t k = 0; rc == IZDE_OK && k < parts.n; k++) {
                if (!part_stop[k]) {
                    rc = qlist_push(lclauses, lparts.items[k]);
                    lparts.items[k] = NULL;
                }
                if (rc == IZDE_OK) {
                    rc = qlist_push(part_stop[k] ? stops : clauses, parts.items[k]);
                    parts.items[k] = NULL;
                }
            }
            q->nwords += (unsigned)parts.n;
        }
    }
    qlist_release(&parts);
    qlist_release(&lparts);
    qlist_release(&keys);
    return rc;
}

/* Typographic quotes all mean '"'. Returns the byte length of a quote at
 * s, or 0. */
static size_t quote_len(const char *s, size_t avail)
{
    static const char *const quotes[] = { "\"", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x9C",
                                          "\xE2\x80\x9D", "\xE2\x80\x9E", NULL };
    for (const char *const *qt = quotes; *qt; qt++) {
        size_t n = strlen(*qt);
        if (n <= avail && memcmp(s, *qt, n) == 0)
            return n;
    }
    return 0;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

izde_status_t sr_query_parse(izde_analyzer_t *an, const char *text, size_t len,
                             struct sr_query *q)
{
    memset(q, 0, sizeof(*q));
    struct qlist clauses = { 0 }, lclauses = { 0 }, stops = { 0 }, excluded = { 0 },
                 bonus = { 0 }, loose = { 0 };
    int backoff = 0;
    izde_status_t rc = IZDE_OK;
    size_t i = 0;
    while (rc == IZDE_OK && i < len) {
        if (is_space(text[i])) {
            i++;
            continue;
        }
        int negate = 0;
        if (text[i] == '-' && i + 1 < len && !is_space(text[i + 1])) {
            negate = 1;
            i++;
        }
        size_t ql = quote_len(text + i, len - i);
        size_t start, end;
        int phrase = 0;
        if (ql) {
            phrase = 1;
            start = i + ql;
            end = start;
            while (end < len && !quote_len(text + end, len - end))
                end++;
            i = end < len ? end + quote_len(text + end, len - end) : end;
        } else {
            start = i;
            end = i;
            while (end < len && !is_space(text[end]) && !quote_len(text + end, len - end))
                end++;
            i = end;
        }
        struct chunk_terms c = { .q = q, .keep = !negate };
        rc = izde_analyze_query(an, text + start, end - start, collect, &c);
        if (c.rc != IZDE_OK)
            rc = c.rc;
        if (rc == IZDE_OK && c.n > 0) {
            /* A hyphenated word ('иш-аракет') is a phrase of its parts. */
            int compound = 0;
            for (size_t k = 0; k < c.n; k++)
                compound |= c.items[k].kind == IZDE_TERM_COMPOUND;
            struct qlist ignored = { 0 };
            int ignored_backoff = 0;
            rc = chunk_clauses(q, &c, text + start, phrase || compound,
                               negate ? &excluded : &clauses, negate ? &ignored : &lclauses,
                               negate ? &ignored_backoff : &backoff,
                               negate ? &excluded : &stops, negate ? NULL : &loose, &bonus);
            qlist_release(&ignored);
        }
        chunk_release(&c);
    }
    /* Stop words are not required, only rewarded, unless the query has
     * nothing else: then they are the query. */
    if (rc == IZDE_OK && clauses.n == 0) {
        struct qlist tmp = clauses;
        clauses = stops;
        stops = tmp;
        for (size_t k = 0; rc == IZDE_OK && k < clauses.n; k++)
            rc = qlist_push(&lclauses, query_copy(clauses.items[k]));
    }
    for (size_t k = 0; rc == IZDE_OK && k < stops.n; k++) {
        rc = qlist_push(&bonus, stops.items[k]);
        stops.items[k] = NULL;
    }
    if (rc == IZDE_OK && clauses.n > 0) {
        izde_query_t *all = NULL, *lall = NULL, *any = NULL, *tmp = NULL, *excl = NULL,
                     *bonus_q = NULL;
        rc = qlist_combine(&clauses, IZDE_Q_AND, 0, &all);
        /* The backoff tier: every word, some only through their 5-letter
         * prefix. It ranks after the complete matches, whatever BM25
         * says, and counts as partial: 'Кыргыз тили' does not contain
         * 'Кыргызстан'. */
        if (rc == IZDE_OK && backoff)
            rc = qlist_combine(&lclauses, IZDE_Q_AND, 0, &lall);
        /* The partial tier searches the words one by one (with their
         * backoff); with one plain word it is empty, and a lone phrase's
         * words still count there. */
        struct qlist *partial = loose.n > 0 ? &loose : &lclauses;
        if (rc == IZDE_OK && (clauses.n > 1 || loose.n > clauses.n))
            rc = qlist_combine(partial, IZDE_Q_OR, 0, &any);
        if (rc == IZDE_OK && any) {
            /* The partial matches exclude those of the tiers before, which
             * rank them already (lall holds all). */
            izde_query_t *pair[2] = { any, lall ? lall : all };
            rc = izde_query_combine(IZDE_Q_AND_NOT, pair, 2, 0, &tmp);
            izde_query_free(any);
            any = tmp;
        }
        if (rc == IZDE_OK && lall) {
            izde_query_t *pair[2] = { lall, all };
            rc = izde_query_combine(IZDE_Q_AND_NOT, pair, 2, 0, &tmp);
            izde_query_free(lall);
            lall = tmp;
        }
        if (rc == IZDE_OK && excluded.n > 0)
            rc = qlist_combine(&excluded, IZDE_Q_OR, 0, &excl);
        if (rc == IZDE_OK && bonus.n > 0)
            rc = qlist_combine(&bonus, IZDE_Q_OR, 0, &bonus_q);
        izde_query_t **slots[3] = { &all, &lall, &any };
        for (int s = 0; rc == IZDE_OK && s < 3; s++) {
            if (!*slots[s])
                continue;
            if (bonus_q) {
                izde_query_t *pair[2] = { *slots[s], bonus_q };
                rc = izde_query_combine(IZDE_Q_AND_MAYBE, pair, 2, 0, &tmp);
                izde_query_free(*slots[s]);
                *slots[s] = tmp;
            }
            if (rc == IZDE_OK && excl) {
                izde_query_t *pair[2] = { *slots[s], excl };
                rc = izde_query_combine(IZDE_Q_AND_NOT, pair, 2, 0, &tmp);
                izde_query_free(*slots[s]);
                *slots[s] = tmp;
            }
        }
        izde_query_free(excl);
        izde_query_free(bonus_q);
        q->all = all;
        q->backoff = lall;
        q->any = any;
    }
    qlist_release(&clauses);
    qlist_release(&lclauses);
    qlist_release(&stops);
    qlist_release(&loose);
    qlist_release(&excluded);
    qlist_release(&bonus);
    if (rc != IZDE_OK)
        sr_query_release(q);
    return rc;
}

void sr_query_release(struct sr_query *q)
{
    izde_query_free(q->all);
    izde_query_free(q->any);
    izde_query_free(q->backoff);
    for (size_t i = 0; i < q->nterms; i++)
        free(q->terms[i].text);
    free(q->terms);
    izde_buf_release(&q->explain);
    memset(q, 0, sizeof(*q));
}
