/* query.c - a parsed query (qsyntax.c) to Xapian queries: words, phrases, fields, AND/OR/NOT, all-words-first. */
#include <stdlib.h>
#include <string.h>
#include "common/utf8.h"
#include "index/schema.h"
#include "searcher/qsyntax.h"
#include "searcher/searcher.h"
#include "text/text.h"

/* Weight of the exact-form bonus beside the synonym of exact form and
 * stems: an exact match ranks above an inflected one, all else equal. */
#define EXACT_BONUS 0.25

/* Terms of one analysed chunk, grouped by word position. */
struct chunk_terms {
    struct sr_query *q;
    unsigned first_word;    /* q word index of the chunk's position 1 */
    int keep;               /* positive: explain it, and record its terms in
                               q->terms unless it is a field's */
    const char *prefix;     /* a field's term prefix, or NULL for text */
    const char *field;      /* the field's name, for --explain */
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

/* The byte length of c's field prefix (0 for text). */
static size_t prefix_len(const struct chunk_terms *c)
{
    return c->prefix ? strlen(c->prefix) : 0;
}

static int collect(const struct izde_term *t, void *closure)
{
    struct chunk_terms *c = closure;
    size_t plen = prefix_len(c);
    void *grown = izde_array_grow(c->items, c->n, &c->cap, sizeof(*c->items), 16);
    if (!grown)
        goto nomem;
    c->items = grown;
    char *s = malloc(plen + t->len + 1);
    if (!s)
        goto nomem;
    memcpy(s, c->prefix ? c->prefix : "", plen);
    memcpy(s + plen, t->text, t->len);
    s[plen + t->len] = '\0';
    c->items[c->n].text = s;
    c->items[c->n].len = plen + t->len;
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
                               int stop, int backoff)
{
    struct sr_qterm *grown = izde_array_grow(q->terms, q->nterms, &q->cap, sizeof(*grown), 16);
    if (!grown)
        return IZDE_ERR_NOMEM;
    q->terms = grown;
    char *s = strndup(text, len);
    if (!s)
        return IZDE_ERR_NOMEM;
    q->terms[q->nterms++] = (struct sr_qterm){ s, len, kind, lang, word, stop, backoff };
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

/* Whether term i is the 5-letter prefix backoff (a T term, after the
 * field's prefix). */
static int is_backoff(const struct chunk_terms *c, size_t i)
{
    return c->items[i].kind == IZDE_TERM_STEM &&
           c->items[i].text[prefix_len(c)] == IZDE_PREFIX_TRUNC[0];
}

/* Kyrgyz makes words from words by suffixes (курулуш from кур-, шаардык
 * from шаар, жергиликтүү from жер), and a reader who looks for one finds
 * the other relevant. So the backoff of a Kyrgyz stem of at least
 * STEM_PREFIX_MIN letters also takes the stems it begins with, down to
 * that length (a document's шаар for a query's шаардык), and the
 * STEM_EXTENSIONS_MAX stems of the index that begin with it and are in
 * most documents (a document's курулуш for a query's куруу). Such a
 * document is a partial match, after the complete ones. The extensions
 * are read from the index here, not left to Xapian's wildcard, which
 * expands in each shard apart and so ranks shards unlike one index.
 * Measured on the dev known-item sets (MRR@10 even / odd half): short
 * 0.7392/0.7589 -> 0.7444/0.7651, lead 0.7425/0.7710 -> 0.7441/0.7741,
 * folded 0.7639/0.7454 -> 0.7685/0.7659; prefixes of 3 letters gained
 * more on short but lost 0.01 on lead in both halves, those of 5 less on
 * all. */
#define STEM_PREFIX_MIN 4
#define STEM_EXTENSIONS_MAX 20

/* A query of more words than this (a pasted sentence) gets no such
 * backoff: it made the dev lead set's queries of 4-11 words 1.35x as slow
 * for an MRR@10 within noise (even / odd +0.0016 / +0.0031). */
#define STEM_BACKOFF_MAX_WORDS 5

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

size_t sr_count_words(const char *text, size_t len)
{
    size_t words = 0;
    for (size_t i = 0; i < len; i++)
        if (!is_blank(text[i]) && (i == 0 || is_blank(text[i - 1])))
            words++;
    return words;
}

/* The most frequent terms that extend a prefix, ties to the first in byte
 * order. */
struct extensions {
    size_t prefix_len;
    size_t n;
    struct {
        char *text;
        size_t len;
        uint64_t freq;
    } best[STEM_EXTENSIONS_MAX];
    int nomem;
};

static int keep_extension(const char *term, size_t len, uint64_t freq, void *closure)
{
    struct extensions *e = closure;
    if (len == e->prefix_len)
        return 0;
    size_t slot = e->n;
    if (e->n == STEM_EXTENSIONS_MAX) {
        slot = 0;
        for (size_t k = 1; k < e->n; k++)
            if (e->best[k].freq < e->best[slot].freq)
                slot = k;
        if (freq <= e->best[slot].freq)
            return 0;
        free(e->best[slot].text);
    } else {
        e->n++;
    }
    e->best[slot].text = strndup(term, len);
    e->best[slot].len = len;
    e->best[slot].freq = freq;
    if (!e->best[slot].text) {
        e->nomem = 1;
        return 1;
    }
    return 0;
}

/* Where a word's backoff stems are kept for snippets: the query and the
 * word, or no query when the word's terms are not kept (a field's). */
struct backoff_keep {
    struct sr_query *q;
    unsigned word;
};

/* Adds the stem term text[0, len) to the backoff, and to the kept terms
 * so that a snippet marks the words that match only through it. */
static izde_status_t push_backoff_stem(const char *text, size_t len, struct qlist *backoffs,
                                       const struct backoff_keep *keep)
{
    izde_query_t *q = NULL;
    izde_status_t rc = izde_query_term(text, len, 1, &q);
    if (rc == IZDE_OK)
        rc = qlist_push(backoffs, q);
    if (rc == IZDE_OK && keep->q)
        rc = keep_term(keep->q, text, len, IZDE_TERM_STEM, IZDE_LANG_KY, keep->word, 0, 1);
    return rc;
}

static izde_status_t push_extensions(izde_rdb_t *vocab, const char *stem, struct qlist *backoffs,
                                     const struct backoff_keep *keep)
{
    struct extensions e = { .prefix_len = strlen(stem) };
    izde_status_t rc = izde_rdb_each_term(vocab, stem, keep_extension, &e);
    if (e.nomem)
        rc = IZDE_ERR_NOMEM;
    for (size_t k = 0; k < e.n; k++) {
        if (rc == IZDE_OK && e.best[k].text)
            rc = push_backoff_stem(e.best[k].text, e.best[k].len, backoffs, keep);
        free(e.best[k].text);
    }
    return rc;
}

/* text: a stem term, NUL-terminated. */
static izde_status_t push_stem_prefixes(izde_rdb_t *vocab, const char *text, size_t len,
                                        enum izde_term_kind kind, struct qlist *backoffs,
                                        const struct backoff_keep *keep)
{
    if (kind != IZDE_TERM_STEM ||
        (text[0] != IZDE_PREFIX_STEM_KY[0] && text[0] != IZDE_PREFIX_KBFOLD[0]))
        return IZDE_OK;
    izde_status_t rc = IZDE_OK;
    size_t end = 1; /* after the term prefix */
    int letters = 0;
    for (; rc == IZDE_OK && end < len; letters++) {
        if (letters >= STEM_PREFIX_MIN)
            rc = push_backoff_stem(text, end, backoffs, keep);
        izde_utf8_next(text, len, &end);
    }
    if (rc == IZDE_OK && letters >= STEM_PREFIX_MIN)
        rc = push_extensions(vocab, text, backoffs, keep);
    return rc;
}

/* One query word: SYNONYM(exact, stems...), so that BM25 sees one term,
 * in *out; in *loose the same with the prefix backoff added (NULL when the
 * word has none); also its exact form alone and its phrase key alone (each
 * may be NULL). The backoff is kept out of *out because it matches words
 * that only share five letters ('Кыргыз' for 'Кыргызстан'): a document
 * that has the word only that way must rank below every document that has
 * it (see the backoff tier in sr_query_parse). */
static izde_status_t word_query(struct chunk_terms *c, size_t from, size_t to, unsigned word,
                                izde_query_t **out, izde_query_t **loose, izde_query_t **exact,
                                izde_query_t **key)
{
    struct qlist alts = { 0 }, backoffs = { 0 };
    const struct backoff_keep keep = { c->keep && !c->prefix ? c->q : NULL, word };
    izde_status_t rc = IZDE_OK;
    *out = NULL;
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
        if (rc == IZDE_OK && !c->prefix && c->q->vocab)
            rc = push_stem_prefixes(c->q->vocab, c->items[i].text, c->items[i].len,
                                    c->items[i].kind, &backoffs, &keep);
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
    if (rc != IZDE_OK) {
        /* Reading the index for the backoff may fail after the exact
         * form and the phrase key were made. */
        izde_query_t **made[4] = { out, loose, exact, key };
        for (int k = 0; k < 4; k++) {
            izde_query_free(*made[k]);
            *made[k] = NULL;
        }
    }
    return rc;
}

static void explain_word(struct sr_query *q, struct chunk_terms *c, size_t from, size_t to,
                         const char *src, const char *what)
{
    izde_buf_addf(&q->explain, "%s '%.*s'%s:", what,
                  (int)(c->items[from].end - c->items[from].start), src + c->items[from].start,
                  c->items[from].stop ? " (stop word)" : "");
    for (size_t i = from; i < to; i++) {
        /* A field is searched without the backoff (see chunk_query). */
        if (!searched(c, from, i) || (c->prefix && is_backoff(c, i)))
            continue;
        const char *k = "exact";
        switch (c->items[i].kind) {
        case IZDE_TERM_EXACT: k = "exact"; break;
        case IZDE_TERM_VARIANT: k = "cyrillic"; break;
        case IZDE_TERM_COMPOUND: k = "compound"; break;
        case IZDE_TERM_STEM: {
            char kind = c->items[i].text[prefix_len(c)];
            k = kind == IZDE_PREFIX_KBFOLD[0]  ? "ky-keyboard"
                : kind == IZDE_PREFIX_TRUNC[0] ? "prefix"
                                               : izde_lang_code(c->items[i].lang);
            break;
        }
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
        if (c->keep && !c->prefix)
            for (size_t k = i; rc == IZDE_OK && k < j; k++)
                rc = keep_term(q, c->items[k].text, c->items[k].len, c->items[k].kind,
                               c->items[k].lang, word, c->items[i].stop, 0);
        if (c->keep)
            explain_word(q, c, i, j, src,
                         c->field ? c->field : phrase ? "phrase word" : "word");
        part_stop[parts.n] = c->items[i].stop;
        izde_query_t *wq = NULL, *lwq = NULL, *exact = NULL, *key = NULL;
        if (rc == IZDE_OK)
            rc = word_query(c, i, j, word, &wq, &lwq, &exact, &key);
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

/* The lists a conjunction of plain words and phrases fills, from which
 * its three tiers are built (see conjunction). */
struct tiers {
    struct qlist clauses;   /* each required word or phrase */
    struct qlist lclauses;  /* the same with the prefix backoff */
    struct qlist stops;     /* stop words: rewarded, not required */
    struct qlist excluded;  /* -word, NOT item */
    struct qlist bonus;     /* exact-form bonuses */
    struct qlist loose;     /* every content word alone, for the partial tier */
    int backoff;            /* some word has a prefix backoff */
};

static void tiers_release(struct tiers *t)
{
    qlist_release(&t->clauses);
    qlist_release(&t->lclauses);
    qlist_release(&t->stops);
    qlist_release(&t->excluded);
    qlist_release(&t->bonus);
    qlist_release(&t->loose);
}

/* Analyses text[start..end) into c; *phrase becomes 1 when it holds a
 * hyphenated word ('иш-аракет'), which is a phrase of its parts. */
static izde_status_t analyse_chunk(izde_analyzer_t *an, const char *text, size_t start,
                                   size_t end, struct chunk_terms *c, int *phrase)
{
    izde_status_t rc = izde_analyze_query(an, text + start, end - start, collect, c);
    if (c->rc != IZDE_OK)
        rc = c->rc;
    for (size_t k = 0; rc == IZDE_OK && k < c->n; k++)
        *phrase |= c->items[k].kind == IZDE_TERM_COMPOUND;
    return rc;
}

/* A word or phrase of the top-level conjunction, into t's lists: its
 * words are tiered, or (negate) excluded from every tier. */
static izde_status_t plain_chunk(struct sr_query *q, izde_analyzer_t *an, const char *text,
                                 size_t start, size_t end, int phrase, int negate,
                                 struct tiers *t)
{
    struct chunk_terms c = { .q = q, .keep = !negate };
    izde_status_t rc = analyse_chunk(an, text, start, end, &c, &phrase);
    if (rc == IZDE_OK && c.n > 0) {
        struct qlist ignored = { 0 };
        int ignored_backoff = 0;
        rc = chunk_clauses(q, &c, text + start, phrase, negate ? &t->excluded : &t->clauses,
                           negate ? &ignored : &t->lclauses,
                           negate ? &ignored_backoff : &t->backoff,
                           negate ? &t->excluded : &t->stops, negate ? NULL : &t->loose,
                           &t->bonus);
        qlist_release(&ignored);
    }
    chunk_release(&c);
    return rc;
}

/* *q = *q op sub (sub stays the caller's); a NULL *q becomes a copy of
 * sub. */
static izde_status_t attach(izde_query_op_t op, izde_query_t **q, const izde_query_t *sub)
{
    if (!*q) {
        *q = query_copy(sub);
        return *q ? IZDE_OK : IZDE_ERR_NOMEM;
    }
    izde_query_t *pair[2] = { *q, (izde_query_t *)sub }, *tmp = NULL;
    izde_status_t rc = izde_query_combine(op, pair, 2, 0, &tmp);
    if (rc == IZDE_OK) {
        izde_query_free(*q);
        *q = tmp;
    }
    return rc;
}

/* Every document, restricted by the items of filters and without those
 * of excluded (either list may be empty). */
static izde_status_t all_but(const izde_query_t *filters, const izde_query_t *excluded,
                             izde_query_t **out)
{
    izde_status_t rc = izde_query_match_all(out);
    if (rc == IZDE_OK && filters)
        rc = attach(IZDE_Q_FILTER, out, filters);
    if (rc == IZDE_OK && excluded)
        rc = attach(IZDE_Q_AND_NOT, out, excluded);
    return rc;
}

/* A word, phrase or text field's value as one query that must match: its
 * words ANDed (a phrase's as a phrase), stop words only rewarded unless
 * there is nothing else, the exact forms as a bonus. NULL when the text
 * has no words. prefix: the field's, or NULL. The prefix backoff is left
 * out: a required item must have the word, not five of its letters (and
 * in a field, whose text is short, a title that shares five letters is not
 * about the word); a phrase still matches on its keys, which are T terms. */
static izde_status_t chunk_query(struct sr_query *q, izde_analyzer_t *an, const char *text,
                                 size_t start, size_t end, int phrase, const char *prefix,
                                 const char *field, int keep, izde_query_t **out)
{
    struct chunk_terms c = { .q = q, .keep = keep, .prefix = prefix, .field = field };
    struct qlist clauses = { 0 }, lclauses = { 0 }, stops = { 0 }, bonus = { 0 };
    int backoff = 0;
    *out = NULL;
    izde_status_t rc = analyse_chunk(an, text, start, end, &c, &phrase);
    if (rc == IZDE_OK && c.n > 0)
        rc = chunk_clauses(q, &c, text + start, phrase, &clauses, &lclauses, &backoff, &stops,
                           NULL, &bonus);
    struct qlist *required = clauses.n ? &clauses : &stops;
    if (rc == IZDE_OK && required->n)
        rc = qlist_combine(required, IZDE_Q_AND, 0, out);
    for (size_t k = 0; rc == IZDE_OK && clauses.n && k < stops.n; k++) {
        rc = qlist_push(&bonus, stops.items[k]);
        stops.items[k] = NULL;
    }
    izde_query_t *bonus_q = NULL;
    if (rc == IZDE_OK && *out && bonus.n)
        rc = qlist_combine(&bonus, IZDE_Q_OR, 0, &bonus_q);
    if (rc == IZDE_OK && bonus_q)
        rc = attach(IZDE_Q_AND_MAYBE, out, bonus_q);
    izde_query_free(bonus_q);
    qlist_release(&clauses);
    qlist_release(&lclauses);
    qlist_release(&stops);
    qlist_release(&bonus);
    chunk_release(&c);
    return rc;
}

/* A code field (udc:, doi:, lang:) as its one boolean term, with no
 * weight. */
static izde_status_t code_query(const char *text, const struct sr_qnode *n, izde_query_t **out)
{
    const char *prefix = n->field == SR_QF_UDC   ? IZDE_PREFIX_UDC
                         : n->field == SR_QF_DOI ? IZDE_PREFIX_DOI
                                                 : IZDE_PREFIX_LANG;
    struct izde_buf term = IZDE_BUF_INIT;
    size_t end = n->end;
    /* The index keeps each leading part of a code without a final dot. */
    while (n->field == SR_QF_UDC && end > n->start && text[end - 1] == '.')
        end--;
    izde_status_t rc = izde_buf_adds(&term, prefix);
    if (rc == IZDE_OK)
        rc = izde_buf_add(&term, text + n->start, end - n->start);
    /* DOIs are stored ASCII-lowercased, and so are language codes. */
    for (size_t i = strlen(prefix); rc == IZDE_OK && i < term.len; i++)
        if (term.p[i] >= 'A' && term.p[i] <= 'Z')
            term.p[i] = (char)(term.p[i] - 'A' + 'a');
    izde_query_t *t = NULL;
    if (rc == IZDE_OK)
        rc = izde_query_term(term.p, term.len, 1, &t);
    if (rc == IZDE_OK)
        rc = izde_query_scale(t, 0, out);
    izde_query_free(t);
    izde_buf_release(&term);
    return rc;
}

static izde_status_t field_query(struct sr_query *q, izde_analyzer_t *an, const char *text,
                                 const struct sr_qnode *n, int keep, izde_query_t **out,
                                 int *scored)
{
    static const char *const prefixes[SR_QF_COUNT] = {
        [SR_QF_TITLE] = IZDE_PREFIX_TITLE, [SR_QF_AUTHOR] = IZDE_PREFIX_AUTHOR,
        [SR_QF_KEYWORD] = IZDE_PREFIX_KEYWORD, [SR_QF_JOURNAL] = IZDE_PREFIX_JOURNAL,
    };
    static const char *const labels[SR_QF_COUNT] = {
        [SR_QF_TITLE] = "title:", [SR_QF_AUTHOR] = "author:", [SR_QF_KEYWORD] = "kw:",
        [SR_QF_JOURNAL] = "journal:",
    };
    *scored = prefixes[n->field] != NULL;
    if (*scored)
        return chunk_query(q, an, text, n->start, n->end, n->phrase, prefixes[n->field],
                           labels[n->field], keep, out);
    return code_query(text, n, out);
}

static izde_status_t bool_query(struct sr_query *q, izde_analyzer_t *an, const char *text,
                                const struct sr_qnode *n, int keep, izde_query_t **out,
                                int *scored);

/* AND of n's kids: the scored ones ANDed, the unscored ones filtering,
 * the NOT ones excluded; every document when only filters and
 * exclusions are left. */
static izde_status_t and_query(struct sr_query *q, izde_analyzer_t *an, const char *text,
                               const struct sr_qnode *n, int keep, izde_query_t **out,
                               int *scored)
{
    struct qlist pos = { 0 }, filt = { 0 }, neg = { 0 };
    izde_status_t rc = IZDE_OK;
    for (size_t i = 0; rc == IZDE_OK && i < n->nkids; i++) {
        const struct sr_qnode *k = n->kids[i];
        int negated = k->kind == SR_QN_NOT, s = 0;
        izde_query_t *sub = NULL;
        rc = bool_query(q, an, text, negated ? k->kids[0] : k, keep && !negated, &sub, &s);
        if (rc == IZDE_OK && sub)
            rc = qlist_push(negated ? &neg : s ? &pos : &filt, sub);
    }
    izde_query_t *f = NULL, *x = NULL;
    *out = NULL;
    *scored = pos.n > 0;
    if (rc == IZDE_OK && filt.n)
        rc = qlist_combine(&filt, IZDE_Q_AND, 0, &f);
    if (rc == IZDE_OK && neg.n)
        rc = qlist_combine(&neg, IZDE_Q_OR, 0, &x);
    if (rc == IZDE_OK && pos.n) {
        rc = qlist_combine(&pos, IZDE_Q_AND, 0, out);
        if (rc == IZDE_OK && f)
            rc = attach(IZDE_Q_FILTER, out, f);
        if (rc == IZDE_OK && x)
            rc = attach(IZDE_Q_AND_NOT, out, x);
    } else if (rc == IZDE_OK && (f || x)) {
        rc = all_but(f, x, out);
    }
    izde_query_free(f);
    izde_query_free(x);
    qlist_release(&pos);
    qlist_release(&filt);
    qlist_release(&neg);
    return rc;
}

/* Any item as one boolean query (NULL when it has no words: '(,)').
 * keep: record its words' terms (not under NOT). *scored: whether the
 * query adds weight (words, text fields) or only filters (years, codes,
 * NOT). */
static izde_status_t bool_query(struct sr_query *q, izde_analyzer_t *an, const char *text,
                                const struct sr_qnode *n, int keep, izde_query_t **out,
                                int *scored)
{
    izde_status_t rc = IZDE_OK;
    *out = NULL;
    *scored = 1;
    switch (n->kind) {
    case SR_QN_WORD:
    case SR_QN_PHRASE:
        return chunk_query(q, an, text, n->start, n->end, n->kind == SR_QN_PHRASE, NULL, NULL,
                           keep, out);
    case SR_QN_FIELD:
        return field_query(q, an, text, n, keep, out, scored);
    case SR_QN_YEAR:
        *scored = 0;
        return izde_query_value_range(IZDE_SLOT_YEAR, n->year_lo[0] ? n->year_lo : NULL,
                                      strlen(n->year_lo), n->year_hi[0] ? n->year_hi : NULL,
                                      strlen(n->year_hi), out);
    case SR_QN_NOT: {
        izde_query_t *x = NULL;
        int s;
        *scored = 0;
        rc = bool_query(q, an, text, n->kids[0], 0, &x, &s);
        if (rc == IZDE_OK && x)
            rc = all_but(NULL, x, out);
        izde_query_free(x);
        return rc;
    }
    case SR_QN_AND:
        return and_query(q, an, text, n, keep, out, scored);
    case SR_QN_OR: {
        struct qlist any = { 0 };
        *scored = 0;
        for (size_t i = 0; rc == IZDE_OK && i < n->nkids; i++) {
            izde_query_t *sub = NULL;
            int s = 0;
            rc = bool_query(q, an, text, n->kids[i], keep, &sub, &s);
            *scored |= s;
            if (rc == IZDE_OK && sub)
                rc = qlist_push(&any, sub);
        }
        if (rc == IZDE_OK && any.n)
            rc = qlist_combine(&any, IZDE_Q_OR, 0, out);
        qlist_release(&any);
        return rc;
    }
    }
    return IZDE_ERR_INTERNAL;
}

/* The three tiers from t's lists: every word (all), every word with some
 * through the prefix backoff (lall), some words (any); and, when there
 * are both of the last two, their union (part), which counts them in one
 * search (see struct sr_query). */
static izde_status_t build_tiers(struct tiers *t, izde_query_t **all_out, izde_query_t **lall_out,
                                 izde_query_t **any_out, izde_query_t **part_out)
{
    izde_query_t *all = NULL, *lall = NULL, *any = NULL, *part = NULL, *excl = NULL,
                 *bonus_q = NULL;
    izde_status_t rc = qlist_combine(&t->clauses, IZDE_Q_AND, 0, &all);
    /* The backoff tier: every word, some only through their 5-letter
     * prefix. It ranks after the complete matches, whatever BM25 says,
     * and counts as partial: 'Кыргыз тили' does not contain
     * 'Кыргызстан'. */
    if (rc == IZDE_OK && t->backoff)
        rc = qlist_combine(&t->lclauses, IZDE_Q_AND, 0, &lall);
    /* The partial tier searches the words one by one (with their
     * backoff); with one plain word it is empty, and a lone phrase's
     * words still count there. */
    struct qlist *partial = t->loose.n > 0 ? &t->loose : &t->lclauses;
    if (rc == IZDE_OK && (t->clauses.n > 1 || t->loose.n > t->clauses.n))
        rc = qlist_combine(partial, IZDE_Q_OR, 0, &any);
    /* Every document of lall has some word of the partial list (each
     * clause, a phrase too, implies its content words, and the list is
     * every clause when there are none), so lall and any together are the
     * list's documents that are not in all: one walk of the list instead
     * of a walk of lall besides, which for frequent words is a walk of
     * every complete match. */
    if (rc == IZDE_OK && any && lall) {
        part = query_copy(any);
        if (!part)
            rc = IZDE_ERR_NOMEM;
        if (rc == IZDE_OK)
            rc = attach(IZDE_Q_AND_NOT, &part, all);
    }
    /* The partial matches exclude those of the tiers before, which rank
     * them already (lall holds all). */
    if (rc == IZDE_OK && any)
        rc = attach(IZDE_Q_AND_NOT, &any, lall ? lall : all);
    if (rc == IZDE_OK && lall)
        rc = attach(IZDE_Q_AND_NOT, &lall, all);
    if (rc == IZDE_OK && t->excluded.n > 0)
        rc = qlist_combine(&t->excluded, IZDE_Q_OR, 0, &excl);
    if (rc == IZDE_OK && t->bonus.n > 0)
        rc = qlist_combine(&t->bonus, IZDE_Q_OR, 0, &bonus_q);
    izde_query_t **slots[4] = { &all, &lall, &any, &part };
    for (int s = 0; rc == IZDE_OK && s < 4; s++) {
        if (!*slots[s])
            continue;
        /* part only counts: the bonus weighs, it does not choose. */
        if (bonus_q && s < 3)
            rc = attach(IZDE_Q_AND_MAYBE, slots[s], bonus_q);
        if (rc == IZDE_OK && excl)
            rc = attach(IZDE_Q_AND_NOT, slots[s], excl);
    }
    izde_query_free(excl);
    izde_query_free(bonus_q);
    *all_out = all;
    *lall_out = lall;
    *any_out = any;
    *part_out = part;
    return rc;
}

/* The top level when it is a conjunction (or one item): its plain words
 * and phrases keep the tiered ranking of a plain query, built exactly as
 * before the query language; every other item (field, year, group, NOT)
 * is required of every tier. With no plain words it is one boolean query:
 * filters and exclusions alone start from every document, except that
 * '-word' alone is still no query (as before: nothing to search for). */
static izde_status_t conjunction(struct sr_query *q, izde_analyzer_t *an, const char *text,
                                 size_t len, struct sr_qnode *const *items, size_t n)
{
    struct tiers t = { 0 };
    struct qlist required = { 0 }, filters = { 0 };
    int said_not = 0;
    izde_status_t rc = IZDE_OK;
    for (size_t i = 0; rc == IZDE_OK && i < n; i++) {
        const struct sr_qnode *it = items[i];
        const struct sr_qnode *kid = it->kind == SR_QN_NOT ? it->kids[0] : NULL;
        if (it->kind == SR_QN_WORD || it->kind == SR_QN_PHRASE) {
            rc = plain_chunk(q, an, text, it->start, it->end, it->kind == SR_QN_PHRASE, 0, &t);
            /* A phrase typed between two ASCII quotes is required of
             * every tier, partial matches too. Typographic quotes, an
             * unclosed quote and a mismatched pair come with pasted text
             * (a news lead's «Дастан» корпорациясы") and only rank, as
             * they always did. */
            if (rc == IZDE_OK && it->kind == SR_QN_PHRASE && text[it->at] == '"' &&
                it->end < len && text[it->end] == '"') {
                izde_query_t *strict = NULL;
                int scored;
                /* The same query word again: counted once. */
                unsigned nwords = q->nwords;
                rc = bool_query(q, an, text, it, 0, &strict, &scored);
                q->nwords = nwords;
                if (rc == IZDE_OK && strict)
                    rc = qlist_push(&filters, strict);
            }
        } else if (kid && (kid->kind == SR_QN_WORD || kid->kind == SR_QN_PHRASE)) {
            said_not |= !it->minus;
            rc = plain_chunk(q, an, text, kid->start, kid->end, kid->kind == SR_QN_PHRASE, 1,
                             &t);
        } else {
            izde_query_t *sub = NULL;
            int scored = 0;
            said_not |= kid != NULL;
            rc = bool_query(q, an, text, kid ? kid : it, !kid, &sub, &scored);
            if (rc == IZDE_OK && sub)
                rc = qlist_push(kid ? &t.excluded : scored ? &required : &filters, sub);
        }
    }
    /* Stop words are not required, only rewarded, unless the query has
     * nothing else: then they are the query. */
    if (rc == IZDE_OK && t.clauses.n == 0) {
        struct qlist tmp = t.clauses;
        t.clauses = t.stops;
        t.stops = tmp;
        for (size_t k = 0; rc == IZDE_OK && k < t.clauses.n; k++)
            rc = qlist_push(&t.lclauses, query_copy(t.clauses.items[k]));
    }
    for (size_t k = 0; rc == IZDE_OK && k < t.stops.n; k++) {
        rc = qlist_push(&t.bonus, t.stops.items[k]);
        t.stops.items[k] = NULL;
    }
    izde_query_t *req = NULL, *filt = NULL;
    if (rc == IZDE_OK && required.n)
        rc = qlist_combine(&required, IZDE_Q_AND, 0, &req);
    if (rc == IZDE_OK && filters.n)
        rc = qlist_combine(&filters, IZDE_Q_AND, 0, &filt);
    if (rc == IZDE_OK && t.clauses.n > 0) {
        rc = build_tiers(&t, &q->all, &q->backoff, &q->any, &q->partial);
        izde_query_t **slots[4] = { &q->all, &q->backoff, &q->any, &q->partial };
        for (int s = 0; rc == IZDE_OK && s < 4; s++) {
            if (*slots[s] && req)
                rc = attach(IZDE_Q_AND, slots[s], req);
            if (rc == IZDE_OK && *slots[s] && filt)
                rc = attach(IZDE_Q_FILTER, slots[s], filt);
        }
    } else if (rc == IZDE_OK && (req || filt || (t.excluded.n && said_not))) {
        izde_query_t *excl = NULL;
        if (t.excluded.n)
            rc = qlist_combine(&t.excluded, IZDE_Q_OR, 0, &excl);
        if (rc == IZDE_OK && req) {
            q->all = query_copy(req);
            if (!q->all)
                rc = IZDE_ERR_NOMEM;
            if (rc == IZDE_OK && filt)
                rc = attach(IZDE_Q_FILTER, &q->all, filt);
            if (rc == IZDE_OK && excl)
                rc = attach(IZDE_Q_AND_NOT, &q->all, excl);
        } else if (rc == IZDE_OK) {
            rc = all_but(filt, excl, &q->all);
        }
        izde_query_free(excl);
    }
    izde_query_free(req);
    izde_query_free(filt);
    qlist_release(&required);
    qlist_release(&filters);
    tiers_release(&t);
    return rc;
}

izde_status_t sr_query_parse(izde_analyzer_t *an, izde_rdb_t *vocab, const char *text,
                             size_t len, struct sr_query *q)
{
    memset(q, 0, sizeof(*q));
    q->vocab = sr_count_words(text, len) <= STEM_BACKOFF_MAX_WORDS ? vocab : NULL;
    struct sr_qnode *root = NULL;
    izde_status_t rc = sr_qsyntax_parse(text, len, &root, &q->error);
    if (rc == IZDE_OK && root && root->kind == SR_QN_OR) {
        /* 'a OR b' is one boolean query: no tiers of partial matches. */
        int scored;
        izde_query_t *all = NULL;
        rc = bool_query(q, an, text, root, 1, &all, &scored);
        q->all = all;
    } else if (rc == IZDE_OK && root) {
        struct sr_qnode *one[1] = { root };
        rc = root->kind == SR_QN_AND ? conjunction(q, an, text, len, root->kids, root->nkids)
                                     : conjunction(q, an, text, len, one, 1);
    }
    sr_qnode_free(root);
    q->vocab = NULL;
    if (rc != IZDE_OK) {
        /* The syntax error's message outlives the rest. */
        struct izde_buf error = q->error;
        q->error = (struct izde_buf)IZDE_BUF_INIT;
        sr_query_release(q);
        q->error = error;
    }
    return rc;
}

void sr_query_release(struct sr_query *q)
{
    izde_query_free(q->all);
    izde_query_free(q->any);
    izde_query_free(q->backoff);
    izde_query_free(q->partial);
    for (size_t i = 0; i < q->nterms; i++)
        free(q->terms[i].text);
    free(q->terms);
    izde_buf_release(&q->explain);
    izde_buf_release(&q->error);
    memset(q, 0, sizeof(*q));
}
