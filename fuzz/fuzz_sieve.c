/* fuzz_sieve.c - fuzz target: the sieve (analysis/sieve.c) and the sieved
 * analysis against the full analysis, on arbitrary text.
 *
 * The input's first line is the query and the whole input the text, so
 * that the query's words are in it. A sieve of the query's terms, as a
 * snippet builds it, must never cost a match: the sieved analysis finds
 * each query term where the full analysis finds it, in the same language;
 * izde_sieve_words claims every query word the full analysis finds;
 * izde_sieve_find finds a word at or before the first match. Snippets rest
 * on these: a sieve that fails a sentence with a match loses a highlight,
 * or a hit's best window. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/analyze.h"
#include "analysis/sieve.h"
#include "common/buf.h"
#include "fuzz_util.h"
#include "text/text.h"

#define MAX_QUERY 256

static izde_analyzer_t *analyzer;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    FUZZ_SETUP(izde_analyzer_new(&analyzer, NULL));
    return 0;
}

/* The query's terms, each as "word\tterm" in one buffer, with their
 * offsets: terms are bytes (T terms packed), so no separator is safe. */
struct qterms {
    struct izde_buf text;
    size_t off[IZDE_SIEVE_MAX * 4], len[IZDE_SIEVE_MAX * 4];
    unsigned word[IZDE_SIEVE_MAX * 4];
    size_t n;
};

static int add_qterm(const struct izde_term *t, void *closure)
{
    struct qterms *q = closure;
    if (q->n == sizeof(q->off) / sizeof(q->off[0]))
        return 0;
    q->off[q->n] = q->text.len;
    q->len[q->n] = t->len;
    q->word[q->n] = t->pos - 1;
    FUZZ_SETUP(izde_buf_add(&q->text, t->text, t->len));
    q->n++;
    return 0;
}

/* The query terms found, in order: "start-end:lang:index\n" each, and the
 * words they belong to. */
struct found {
    const struct qterms *q;
    struct izde_buf out;
    uint64_t words;
    size_t first;       /* start of the first match; SIZE_MAX for none */
};

static int record(const struct izde_term *t, void *closure)
{
    struct found *f = closure;
    for (size_t i = 0; i < f->q->n; i++) {
        if (f->q->len[i] != t->len || memcmp(f->q->text.p + f->q->off[i], t->text, t->len) != 0)
            continue;
        FUZZ_SETUP(izde_buf_addf(&f->out, "%zu-%zu:%d:%zu\n", t->start, t->end, (int)t->lang, i));
        f->words |= (uint64_t)1 << (f->q->word[i] % 64);
        if (t->start < f->first)
            f->first = t->start;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct izde_buf text = IZDE_BUF_INIT;
    size_t nbad = 0;
    FUZZ_SETUP(izde_text_utf8_repair((const char *)data, size, &text, &nbad));
    if (!text.len) {
        izde_buf_release(&text);
        return 0;
    }
    const char *nl = memchr(text.p, '\n', text.len);
    size_t qlen = nl ? (size_t)(nl - text.p) : text.len;
    /* Cut at a character boundary. */
    if (qlen > MAX_QUERY)
        for (qlen = MAX_QUERY; qlen && (text.p[qlen] & 0xC0) == 0x80; qlen--)
            ;

    struct qterms q = { .text = IZDE_BUF_INIT };
    izde_status_t rc = izde_analyze_query(analyzer, text.p, qlen, add_qterm, &q);
    FUZZ_CHECK(rc == IZDE_OK || rc == IZDE_ERR_ICU);
    struct izde_sieve sieve;
    izde_sieve_init(&sieve);
    for (size_t i = 0; rc == IZDE_OK && i < q.n; i++)
        FUZZ_SETUP(izde_sieve_add(&sieve, q.text.p + q.off[i], q.len[i], q.word[i]));

    struct found full = { &q, IZDE_BUF_INIT, 0, SIZE_MAX };
    struct found sieved = { &q, IZDE_BUF_INIT, 0, SIZE_MAX };
    uint32_t pos = 0;
    izde_status_t rc_full = izde_analyze_text(analyzer, text.p, text.len, &pos, NULL, record,
                                              &full);
    izde_status_t rc_sieved = izde_analyze_text_sieved(analyzer, text.p, text.len, &sieve,
                                                       record, &sieved);
    FUZZ_CHECK(rc_full == IZDE_OK || rc_full == IZDE_ERR_ICU);
    FUZZ_CHECK(rc_sieved == IZDE_OK || rc_sieved == IZDE_ERR_ICU);
    if (rc == IZDE_OK && rc_full == IZDE_OK && rc_sieved == IZDE_OK) {
        FUZZ_CHECK(full.out.len == sieved.out.len);
        FUZZ_CHECK(!full.out.len || memcmp(full.out.p, sieved.out.p, full.out.len) == 0);
        uint64_t may = izde_sieve_words(&sieve, text.p, text.len);
        FUZZ_CHECK((full.words & ~may) == 0);
        size_t at = 0;
        int any = izde_sieve_find(&sieve, text.p, text.len, &at);
        if (full.first != SIZE_MAX) {
            FUZZ_CHECK(any && (at == SIZE_MAX || at <= full.first));
            FUZZ_CHECK(izde_sieve_passes(&sieve, text.p, text.len));
        }
    }
    izde_buf_release(&q.text);
    izde_buf_release(&full.out);
    izde_buf_release(&sieved.out);
    izde_buf_release(&text);
    return 0;
}
