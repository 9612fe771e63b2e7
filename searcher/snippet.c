/* snippet.c - the passage of a document that best shows why it matched. */
#include <stdlib.h>
#include <string.h>
#include "searcher/searcher.h"

#define SNIPPET_BYTES 300   /* about 150 Cyrillic letters */
#define LEAD_BYTES 60       /* context kept before the first match */
/* A snippet reads the text in chunks from the start, and stops at the
 * first chunk after which every query word the text may hold (the sieve's
 * word) has been seen, or after SCAN_MAX bytes; of each chunk it analyses
 * only the runs of text around words the sieve passes. Analysing text
 * costs about 0.1 s a megabyte, and a
 * 200 MB document used to cost 20 s on every search that showed it. The
 * first chunk is SCAN_FIRST, each next one twice the last, up to
 * SCAN_CHUNK: an article shows the query's words in its title and
 * abstract, and reading the rest of it for every hit was most of the
 * time of a page of results (measured: bench/query_latency --snippets). */
#define SCAN_FIRST (4 * 1024)
#define SCAN_CHUNK (256 * 1024)
#define SCAN_MAX (1024 * 1024)

struct match {
    size_t start, end;
    unsigned word;
    int backoff;            /* through a stem of the word's backoff only */
};

struct matches {
    const struct sr_query *q;
    int backoff;            /* the backoff's stems match too */
    size_t base;            /* offset of the chunk being analysed */
    struct match *items;
    size_t n, cap;
    int nomem;
};

static int find_match(const struct izde_term *t, void *closure)
{
    struct matches *m = closure;
    const struct sr_query *q = m->q;
    /* A word's own forms first: a backoff stem (which another word's own
     * stem may equal) counts only when none matches. */
    const struct sr_qterm *hit = NULL;
    for (int backoff = 0; !hit && backoff <= m->backoff; backoff++)
        for (size_t i = 0; !hit && i < q->nterms; i++)
            if (q->terms[i].backoff == backoff && q->terms[i].len == t->len &&
                memcmp(q->terms[i].text, t->text, t->len) == 0)
                hit = &q->terms[i];
    if (!hit || (hit->stop && q->has_content_terms))
        return 0;
    /* Exact form and stem of one word both match: keep one span, the
     * word's own if any of its terms is. */
    if (m->n && m->items[m->n - 1].start == m->base + t->start) {
        m->items[m->n - 1].backoff &= hit->backoff;
        return 0;
    }
    void *grown = izde_array_grow(m->items, m->n, &m->cap, sizeof(*m->items), 64);
    if (!grown) {
        m->nomem = 1;
        return 1;
    }
    m->items = grown;
    m->items[m->n++] = (struct match){ m->base + t->start, m->base + t->end, hit->word,
                                       hit->backoff };
    return 0;
}

/* Moves i back to the start of a UTF-8 character. */
static size_t char_start(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* White space, and every other control character (form feeds between PDF
 * pages among them): all of it becomes one space in a snippet, so the
 * caller's match markers can be control characters no text contains. */
static int is_space(char c)
{
    return (unsigned char)c <= ' ' || c == 0x7F;
}

/* Appends s[from, to) with runs of white space collapsed to one space. */
static izde_status_t add_collapsed(struct izde_buf *out, const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        if (is_space(s[i])) {
            if (out->len && out->p[out->len - 1] != ' ' && izde_buf_addc(out, ' '))
                return IZDE_ERR_NOMEM;
        } else if (izde_buf_addc(out, s[i])) {
            return IZDE_ERR_NOMEM;
        }
    }
    return IZDE_OK;
}

/* Where the chunk that starts at from ends: at a paragraph break, else at
 * white space, in its second half, so that no word (nor, mostly, a
 * paragraph, whose language is told from its words) is cut in two. */
static size_t chunk_end(const char *text, size_t from, size_t len, size_t size)
{
    if (len - from <= size)
        return len;
    size_t end = from + size, half = from + size / 2;
    for (size_t k = end; k > half; k--)
        if (text[k - 1] == '\n' && text[k - 2] == '\n')
            return k;
    for (size_t k = end; k > half; k--)
        if (is_space(text[k - 1]))
            return k;
    return char_start(text, end);
}

/* Whether the matches show every query word that chooses snippets and
 * that the text may hold (present, bits as izde_sieve_words gives). */
static int all_words_seen(const struct sr_query *q, const struct matches *m, uint64_t present)
{
    for (size_t i = 0; i < q->nterms; i++) {
        if ((q->terms[i].stop && q->has_content_terms) ||
            !(present & (uint64_t)1 << (q->terms[i].word % 64)))
            continue;
        size_t j = 0;
        while (j < m->n && m->items[j].word != q->terms[i].word)
            j++;
        if (j == m->n)
            return 0;
    }
    return 1;
}

izde_status_t sr_snippet_sieve(const struct sr_query *q, struct izde_sieve *sieve)
{
    izde_sieve_init(sieve);
    izde_status_t rc = IZDE_OK;
    for (size_t i = 0; rc == IZDE_OK && i < q->nterms; i++)
        if (!(q->terms[i].stop && q->has_content_terms))
            rc = izde_sieve_add(sieve, q->terms[i].text, q->terms[i].len, q->terms[i].word);
    return rc;
}

izde_status_t sr_snippet(izde_analyzer_t *an, const struct sr_query *q,
                         const struct izde_sieve *sieve, int partial, const char *text, size_t len,
                         const char *open, const char *close, struct izde_buf *out,
                         struct sr_span *matched)
{
    struct matches m = { .q = q, .backoff = partial };
    izde_buf_clear(out);
    izde_status_t rc = IZDE_OK;
    /* The words the text may hold: all, until a chunk leaves some unseen.
     * A partial match lacks some words, and the text is then not read to
     * its end (or SCAN_MAX) for a word the sieve says the rest lacks. */
    uint64_t present = ~(uint64_t)0;
    int sieved_rest = 0;
    size_t size = SCAN_FIRST;
    for (size_t from = 0; rc == IZDE_OK && !m.nomem && from < len && from < SCAN_MAX;
         size = size < SCAN_CHUNK ? 2 * size : SCAN_CHUNK) {
        size_t end = chunk_end(text, from, len, size);
        m.base = from;
        rc = izde_analyze_text_sieved(an, text + from, end - from, sieve, find_match, &m);
        from = end;
        if (all_words_seen(q, &m, present))
            break;
        if (!sieved_rest && from < len && from < SCAN_MAX) {
            sieved_rest = 1;
            present = izde_sieve_words(sieve, text + from, (len < SCAN_MAX ? len : SCAN_MAX) - from);
            for (size_t i = 0; i < m.n; i++)
                present |= (uint64_t)1 << (m.items[i].word % 64);
            if (all_words_seen(q, &m, present))
                break;
        }
    }
    if (m.nomem) {
        free(m.items);
        return IZDE_ERR_NOMEM;
    }
    if (rc != IZDE_OK) {
        free(m.items);
        return rc;
    }
    /* The window that shows the most distinct query words wins (4 each, 2
     * for each repeat), the earliest among equals, since abstracts come
     * first. A word shown only through the backoff counts 3, its repeats
     * nothing: a partial match's snippet shows the words it has, in their
     * own forms where it can. */
    size_t best = 0, best_score = 0;
    for (size_t i = 0; i < m.n; i++) {
        unsigned long seen = 0, own = 0;
        size_t score = 0;
        for (size_t j = i; j < m.n && m.items[j].end <= m.items[i].start + SNIPPET_BYTES - LEAD_BYTES; j++) {
            unsigned long bit = 1UL << (m.items[j].word % (8 * sizeof(long)));
            if (m.items[j].backoff) {
                score += seen & bit ? 0 : 3;
            } else if (!(own & bit)) {
                score += seen & bit ? 1 : 4;
                own |= bit;
            } else {
                score += 2;
            }
            seen |= bit;
        }
        if (score > best_score) {
            best_score = score;
            best = i;
        }
    }
    size_t anchor = m.n ? m.items[best].start : 0;
    size_t from = anchor > LEAD_BYTES ? anchor - LEAD_BYTES : 0;
    if (from > 0) {
        /* Start at a word boundary after from. */
        size_t k = from;
        while (k < anchor && !is_space(text[k]))
            k++;
        from = k < anchor ? k + 1 : char_start(text, from);
    }
    size_t to = from + SNIPPET_BYTES < len ? from + SNIPPET_BYTES : len;
    if (to < len) {
        size_t k = to;
        while (k > from && !is_space(text[k]))
            k--;
        to = k > from ? k : char_start(text, to);
    }
    if (from > 0)
        rc = izde_buf_adds(out, "…");
    size_t at = from;
    struct sr_span shown = { from, from };
    int shows_match = 0;
    for (size_t i = 0; rc == IZDE_OK && i < m.n; i++) {
        if (m.items[i].start < at || m.items[i].end > to)
            continue;
        if (!shows_match++)
            shown.start = m.items[i].start;
        shown.end = m.items[i].end;
        rc = add_collapsed(out, text, at, m.items[i].start);
        if (rc == IZDE_OK)
            rc = izde_buf_adds(out, open);
        if (rc == IZDE_OK)
            rc = izde_buf_add(out, text + m.items[i].start, m.items[i].end - m.items[i].start);
        if (rc == IZDE_OK)
            rc = izde_buf_adds(out, close);
        at = m.items[i].end;
    }
    if (rc == IZDE_OK)
        rc = add_collapsed(out, text, at, to);
    while (rc == IZDE_OK && out->len && out->p[out->len - 1] == ' ')
        out->p[--out->len] = '\0';
    if (rc == IZDE_OK && to < len)
        rc = izde_buf_adds(out, "…");
    if (matched)
        *matched = shown;
    free(m.items);
    return rc;
}
