/* fuzz_query.c - fuzz target: the searcher's query parser, snippets and JSON
 * strings (searcher/qsyntax.c, query.c, snippet.c, common/json.c).
 *
 * The input, repaired to UTF-8 as izde-search's --batch lines are, is parsed
 * as a query and its Xapian query described. Split at the first newline it
 * is also a query and a document: the snippet of the document for that
 * query must be valid UTF-8 with balanced match marks. Queries are parsed
 * against a small index made at start, so that the stem backoff reads its
 * vocabulary and the snippets mark its stems. The raw bytes go to
 * izde_json_escape_bytes, whose output must be one valid JSON string. */
#define _XOPEN_SOURCE 700   /* nftw, in scratch.h */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/scratch.h"
#include "analysis/analyze.h"
#include "common/buf.h"
#include "fuzz_util.h"
#include "common/json.h"
#include "searcher/searcher.h"
#include "text/text.h"
#include "index/xapian_binding.h"

static izde_analyzer_t *analyzer;
static izde_rdb_t *vocab;     /* in scratch.h's tmpdir */

/* Texts whose Kyrgyz stems extend, or are begun by, the stems of common
 * query words (шаар, шаардык; сабак, сабакташ; мектеп, мектептик). */
static const char *const vocab_texts[] = {
    "Бишкек шаары чоң. Шаардык кеңеш чогулду. Шаарларда жаңы мектептер ачылды.",
    "Сабакташтар бирге окушат. Сабактан кийин китепканага барышат.",
    "Мектептик китептер жана окуу куралдары. Мугалимдер окуучуларга жардам беришет.",
    "Курулуш иштери башталды. Кыргызстандын тарыхы узун, кыргыз тили бай.",
};

static int add_term(const struct izde_term *t, void *closure)
{
    return izde_wdb_add_term(closure, t->text, t->len, 1) != IZDE_OK;
}

static void remove_vocab(void)
{
    izde_rdb_close(vocab);
    scratch_remove();
}

static izde_status_t make_vocab(void)
{
    if (scratch_make("fuzz-vocab") != 0)
        return IZDE_ERR_IO;
    atexit(remove_vocab);
    izde_wdb_t *w = NULL;
    char *err = NULL;
    izde_status_t rc = izde_wdb_open(tmpdir, IZDE_WDB_CREATE_OR_OPEN, &w, &err);
    free(err);
    for (size_t i = 0; rc == IZDE_OK && i < sizeof vocab_texts / sizeof vocab_texts[0]; i++) {
        uint32_t pos = 0;
        char id[16];
        int n = snprintf(id, sizeof id, "/v/%zu", i);
        rc = izde_wdb_begin_doc(w);
        if (rc == IZDE_OK)
            rc = izde_analyze_text(analyzer, vocab_texts[i], strlen(vocab_texts[i]), &pos, NULL,
                                   add_term, w);
        izde_status_t end = izde_wdb_end_doc(w, id, (size_t)n, NULL);
        rc = rc ? rc : end;
    }
    izde_status_t closed = w ? izde_wdb_close(w) : IZDE_OK;
    rc = rc ? rc : closed;
    const char *paths[1] = { tmpdir };
    err = NULL;
    if (rc == IZDE_OK)
        rc = izde_rdb_open(paths, 1, &vocab, &err);
    free(err);
    return rc;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    FUZZ_SETUP(izde_analyzer_new(&analyzer, NULL));
    FUZZ_SETUP(make_vocab());
    return 0;
}

static size_t count(const char *s, size_t len, char c)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += s[i] == c;
    return n;
}

static void parse_and_snippet(const char *query, size_t qlen, const char *doc, size_t dlen)
{
    struct sr_query q;
    izde_status_t rc = sr_query_parse(analyzer, vocab, query, qlen, &q);
    FUZZ_CHECK(rc == IZDE_OK || rc == IZDE_ERR_ICU || rc == IZDE_ERR_QUERY);
    /* Bad syntax, and only bad syntax, has a message: one line of valid
     * UTF-8 that names the character. */
    FUZZ_CHECK((rc == IZDE_ERR_QUERY) == (q.error.len > 0));
    if (q.error.len) {
        FUZZ_CHECK(fuzz_valid_utf8(q.error.p, q.error.len));
        FUZZ_CHECK(strstr(q.error.p, " at character ") != NULL);
    }
    if (rc != IZDE_OK) {
        FUZZ_CHECK(q.all == NULL && q.any == NULL && q.backoff == NULL);
        sr_query_release(&q);
        return;
    }
    for (size_t i = 0; i < q.nterms; i++) {
        FUZZ_CHECK(q.terms[i].text != NULL && q.terms[i].len > 0);
        FUZZ_CHECK(strlen(q.terms[i].text) <= q.terms[i].len);
        FUZZ_CHECK(q.terms[i].word < q.nwords || q.nwords == 0);
        /* The backoff's stems are Kyrgyz stems (or their keyboard folding). */
        FUZZ_CHECK(!q.terms[i].backoff || q.terms[i].text[0] == IZDE_PREFIX_STEM_KY[0] ||
                   q.terms[i].text[0] == IZDE_PREFIX_KBFOLD[0]);
    }
    if (q.all) {
        char *d = izde_query_describe(q.all);
        FUZZ_CHECK(d != NULL);
        free(d);
    }
    if (q.any) {
        char *d = izde_query_describe(q.any);
        FUZZ_CHECK(d != NULL);
        free(d);
    }
    if (q.explain.len)
        FUZZ_CHECK(fuzz_valid_utf8(q.explain.p, q.explain.len));

    struct izde_buf snip = IZDE_BUF_INIT;
    struct izde_sieve sieve;
    rc = sr_snippet_sieve(&q, &sieve);
    FUZZ_CHECK(rc == IZDE_OK);
    /* One-byte marks: when the document holds neither, every match put in
     * is opened once and closed once, in that order. As a complete match's
     * snippet and as a partial match's, which marks the backoff's stems. */
    size_t marks[2] = { 0, 0 };
    int plain = !memchr(doc, '\x01', dlen) && !memchr(doc, '\x02', dlen);
    for (int partial = 0; partial < 2; partial++) {
        rc = sr_snippet(analyzer, &q, &sieve, partial, doc, dlen, "\x01", "\x02", &snip, NULL);
        FUZZ_CHECK(rc == IZDE_OK || rc == IZDE_ERR_ICU);
        if (rc != IZDE_OK || !snip.len)
            continue;
        FUZZ_CHECK(fuzz_valid_utf8(snip.p, snip.len));
        if (plain) {
            marks[partial] = count(snip.p, snip.len, '\x01');
            FUZZ_CHECK(marks[partial] == count(snip.p, snip.len, '\x02'));
            int depth = 0;
            for (size_t i = 0; i < snip.len; i++) {
                depth += (snip.p[i] == '\x01') - (snip.p[i] == '\x02');
                FUZZ_CHECK(depth == 0 || depth == 1);
            }
        }
    }
    /* The backoff's stems only add matches: a partial match's snippet
     * shows at least one mark when a complete match's does. */
    FUZZ_CHECK(!marks[0] || marks[1]);
    izde_buf_release(&snip);
    sr_query_release(&q);
}

/* Whether s is one JSON string literal (RFC 8259) and valid UTF-8. */
static int is_json_string(const char *s, size_t len)
{
    if (len < 2 || s[0] != '"' || s[len - 1] != '"' || !fuzz_valid_utf8(s, len))
        return 0;
    for (size_t i = 1; i < len - 1; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"')
            return 0;
        if (c != '\\')
            continue;
        if (++i >= len - 1)
            return 0;
        if (strchr("\"\\/bfnrt", s[i]))
            continue;
        if (s[i] != 'u' || i + 4 >= len - 1)
            return 0;
        for (int k = 1; k <= 4; k++)
            if (!strchr("0123456789abcdefABCDEF", s[i + k]))
                return 0;
        i += 4;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *raw = (const char *)data;

    struct izde_buf json = IZDE_BUF_INIT;
    FUZZ_SETUP(izde_json_escape_bytes(&json, raw, size));
    FUZZ_CHECK(is_json_string(json.p, json.len));
    izde_buf_release(&json);

    struct izde_buf text = IZDE_BUF_INIT;
    size_t nbad;
    FUZZ_SETUP(izde_text_utf8_repair(raw, size, &text, &nbad));

    /* The whole input as a query, and as the document it is shown in. */
    parse_and_snippet(text.p, text.len, text.p, text.len);

    const char *nl = memchr(text.p, '\n', text.len);
    if (nl) {
        size_t qlen = (size_t)(nl - text.p);
        parse_and_snippet(text.p, qlen, nl + 1, text.len - qlen - 1);
    }
    izde_buf_release(&text);
    return 0;
}
