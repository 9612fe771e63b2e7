/* suggest.c - "did you mean": a spelling from the index vocabulary for a query that found nothing. */
#include <stdlib.h>
#include <string.h>
#include "searcher/searcher.h"
#include "common/utf8.h"
#include "text/keyfold.h"
#include "text/text.h"

/* Words up to this many code points are compared; longer ones are rare
 * in queries and costly to compare. */
#define MAX_CPS 48

struct candidate_search {
    uint32_t word[MAX_CPS];   /* the query word, keyboard-folded */
    size_t n;
    unsigned max_dist;
    size_t prefix_len;        /* of the term prefix to look past ("K") */
    struct izde_buf best;
    unsigned best_dist;
    uint64_t best_freq;
};

/* Code points of s, keyboard-folded (ү ө ң as у о н), so that a word typed
 * without Kyrgyz letters is one edit-free match of the right spelling. */
static size_t folded_cps(const char *s, size_t len, uint32_t *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < max;)
        out[n++] = izde_keyfold_cp(izde_utf8_next(s, len, &i));
    return n;
}

/* Levenshtein distance, giving up (returning limit + 1) past limit. */
static unsigned distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
                         unsigned limit)
{
    if ((na > nb ? na - nb : nb - na) > limit)
        return limit + 1;
    unsigned row[MAX_CPS + 1];
    for (size_t j = 0; j <= nb; j++)
        row[j] = (unsigned)j;
    for (size_t i = 1; i <= na; i++) {
        unsigned diag = row[0], lo;
        row[0] = (unsigned)i;
        lo = row[0];
        for (size_t j = 1; j <= nb; j++) {
            unsigned up = row[j];
            unsigned v = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < v)
                v = up + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
            if (v < lo)
                lo = v;
        }
        if (lo > limit)
            return limit + 1;
    }
    return row[nb];
}

static int consider(const char *term, size_t len, uint64_t freq, void *closure)
{
    struct candidate_search *cs = closure;
    term += cs->prefix_len;
    len -= cs->prefix_len;
    uint32_t cps[MAX_CPS];
    size_t n = folded_cps(term, len, cps, MAX_CPS);
    if (n == MAX_CPS)
        return 0;
    unsigned d = distance(cs->word, cs->n, cps, n, cs->max_dist);
    if (d > cs->max_dist)
        return 0;
    if (cs->best.len == 0 || d < cs->best_dist || (d == cs->best_dist && freq > cs->best_freq)) {
        izde_buf_clear(&cs->best);
        izde_buf_add(&cs->best, term, len);
        cs->best_dist = d;
        cs->best_freq = freq;
    }
    return 0;
}

/* The closest index term to word (folded) among the terms with the given
 * prefix ("" for exact forms, "K" for Kyrgyz stems), without the prefix,
 * or none. The candidates are the terms whose word begins with the word's
 * first letter, or with its Kyrgyz counterpart when that letter is у or о. */
static izde_status_t suggest_word(izde_rdb_t *db, const char *tprefix, const char *word,
                                  size_t len, struct izde_buf *out)
{
    struct candidate_search cs = { 0 };
    cs.prefix_len = strlen(tprefix);
    cs.n = folded_cps(word, len, cs.word, MAX_CPS);
    if (cs.n < 3 || cs.n == MAX_CPS)
        return IZDE_OK;
    cs.max_dist = cs.n < 6 ? 1 : 2;
    size_t i = 0;
    uint32_t first = izde_utf8_next(word, len, &i);
    struct izde_buf prefix = IZDE_BUF_INIT;
    /* No Kyrgyz word begins with ң, so н needs no second look. */
    uint32_t firsts[2] = { first, first == 0x43D ? 0 : izde_keyfold_kyrgyz(first) };
    izde_status_t rc = IZDE_OK;
    for (int k = 0; k < 2 && rc == IZDE_OK && firsts[k]; k++) {
        izde_buf_clear(&prefix);
        rc = izde_buf_adds(&prefix, tprefix);
        if (rc == IZDE_OK)
            rc = izde_utf8_add(&prefix, firsts[k]);
        if (rc == IZDE_OK)
            rc = izde_rdb_each_term(db, prefix.p, consider, &cs);
    }
    if (rc == IZDE_OK && cs.best.len)
        rc = izde_buf_add(out, cs.best.p, cs.best.len);
    izde_buf_release(&prefix);
    izde_buf_release(&cs.best);
    return rc;
}

izde_status_t sr_suggest(izde_rdb_t *db, const struct sr_query *q, struct izde_buf *out)
{
    izde_buf_clear(out);
    int changed = 0;
    izde_status_t rc = IZDE_OK;
    struct izde_buf alt = IZDE_BUF_INIT;
    for (size_t i = 0; rc == IZDE_OK && i < q->nterms; i++) {
        const struct sr_qterm *t = &q->terms[i];
        if (t->kind != IZDE_TERM_EXACT)
            continue;
        /* A word is unknown when none of its terms is in the index. */
        uint64_t freq = 0, f;
        for (size_t j = 0; rc == IZDE_OK && j < q->nterms; j++) {
            if (q->terms[j].word == t->word && q->terms[j].kind != IZDE_TERM_COMPOUND &&
                !q->terms[j].backoff) {
                rc = izde_rdb_termfreq(db, q->terms[j].text, q->terms[j].len, &f);
                freq += f;
            }
        }
        izde_buf_clear(&alt);
        if (rc == IZDE_OK && freq == 0)
            rc = suggest_word(db, "", t->text, t->len, &alt);
        /* No form of it is close: perhaps its stem is close to a Kyrgyz
         * stem, which is a word too. */
        for (size_t j = 0; rc == IZDE_OK && freq == 0 && !alt.len && j < q->nterms; j++)
            if (q->terms[j].word == t->word && q->terms[j].text[0] == IZDE_PREFIX_STEM_KY[0] &&
                !q->terms[j].backoff)
                rc = suggest_word(db, IZDE_PREFIX_STEM_KY, q->terms[j].text + 1,
                                  q->terms[j].len - 1, &alt);
        if (rc != IZDE_OK)
            break;
        if (out->len)
            izde_buf_addc(out, ' ');
        if (alt.len) {
            izde_buf_add(out, alt.p, alt.len);
            changed = 1;
        } else {
            izde_buf_add(out, t->text, t->len);
        }
    }
    izde_buf_release(&alt);
    if (rc == IZDE_OK && !changed)
        izde_buf_clear(out);
    return rc;
}
