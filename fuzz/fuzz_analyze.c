/* fuzz_analyze.c - fuzz target: the text analysis pipeline (text/text,
 * langid, analyze) over arbitrary bytes.
 *
 * The raw bytes go to what accepts any bytes (the UTF-8 check and repair);
 * the repaired text then goes, as the indexer sends it, through the
 * document and the query analysis, and each word through folding, keyboard
 * folding, transliteration and script classing. Every term must be valid
 * UTF-8 within the term length limit, with a span inside the text. */
#include <stdint.h>
#include <string.h>
#include "analysis/analyze.h"
#include "common/buf.h"
#include "common/utf8.h"
#include "fuzz_util.h"
#include "text/keyfold.h"
#include "text/langid.h"
#include "text/text.h"

static izde_analyzer_t *analyzer;
static izde_text_t *text_ctx;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    FUZZ_SETUP(izde_analyzer_new(&analyzer, NULL));
    FUZZ_SETUP(izde_text_new(&text_ctx, NULL));
    return 0;
}

struct term_check {
    size_t text_len;
    uint32_t last_pos;
    int query;
    size_t nterms;
};

static int check_term(const struct izde_term *t, void *closure)
{
    struct term_check *c = closure;
    FUZZ_CHECK(t->text != NULL);
    FUZZ_CHECK(t->len > 0);
    /* Xapian refuses index terms over 245 bytes. A query variant (the
     * Cyrillic reading of a Latin word) may be longer: query terms have no
     * such limit. */
    if (t->kind != IZDE_TERM_VARIANT)
        FUZZ_CHECK(t->len <= IZDE_MAX_TERM_BYTES);
    FUZZ_CHECK(c->query || t->kind != IZDE_TERM_VARIANT);
    /* T terms are stored packed; read back, every term is valid UTF-8. */
    struct izde_buf shown = IZDE_BUF_INIT;
    FUZZ_SETUP(izde_term_display(t->text, t->len, &shown));
    FUZZ_CHECK(fuzz_valid_utf8(shown.p, shown.len));
    FUZZ_CHECK(t->text[0] == IZDE_PREFIX_TRUNC[0] ? shown.len >= t->len
                                                 : fuzz_valid_utf8(t->text, t->len));
    izde_buf_release(&shown);
    FUZZ_CHECK(t->start <= t->end && t->end <= c->text_len);
    FUZZ_CHECK(t->pos >= 1);
    FUZZ_CHECK((unsigned)t->lang < IZDE_LANG_COUNT);
    /* Word positions never go back (phrases depend on them); a compound
     * comes after its parts with the position of its first part. */
    if (t->kind == IZDE_TERM_COMPOUND) {
        FUZZ_CHECK(t->pos <= c->last_pos);
    } else {
        FUZZ_CHECK(t->pos >= c->last_pos);
        c->last_pos = t->pos;
    }
    c->nterms++;
    return 0;
}

/* Each word of text (valid UTF-8) through the per-word functions. */
static void words(const char *text, size_t len)
{
    struct izde_buf folded = IZDE_BUF_INIT, kb = IZDE_BUF_INIT, cyr = IZDE_BUF_INIT;
    struct izde_token tok;
    size_t prev_end = 0;
    FUZZ_SETUP(izde_text_words_begin(text_ctx, text, len));
    while (izde_text_words_next(text_ctx, &tok)) {
        FUZZ_CHECK(tok.start < tok.end && tok.end <= len);
        FUZZ_CHECK(tok.start >= prev_end);
        prev_end = tok.end;
        const char *w = text + tok.start;
        size_t wl = tok.end - tok.start;
        FUZZ_CHECK(fuzz_valid_utf8(w, wl));
        izde_status_t rc = izde_text_fold(text_ctx, w, wl, &folded);
        FUZZ_CHECK(rc == IZDE_OK || rc == IZDE_ERR_ICU);
        if (rc != IZDE_OK)
            continue;
        FUZZ_CHECK(fuzz_valid_utf8(folded.p ? folded.p : "", folded.len));
        if (folded.len == 0)
            continue;
        FUZZ_SETUP(izde_keyfold(folded.p, folded.len, &kb));
        FUZZ_CHECK(fuzz_valid_utf8(kb.p, kb.len));
        FUZZ_CHECK(!izde_keyfold_has_kyrgyz(kb.p, kb.len));
        rc = izde_text_latin_to_cyrillic(folded.p, folded.len, &cyr);
        FUZZ_CHECK(rc == IZDE_OK || rc == IZDE_ERR_UNSUPPORTED);
        if (rc == IZDE_OK)
            FUZZ_CHECK(fuzz_valid_utf8(cyr.p ? cyr.p : "", cyr.len));
        (void)izde_text_script(folded.p, folded.len);
        /* Folding is idempotent on the exact term. */
        struct izde_buf again = IZDE_BUF_INIT;
        if (izde_text_fold(text_ctx, folded.p, folded.len, &again) == IZDE_OK)
            FUZZ_CHECK(fuzz_valid_utf8(again.p ? again.p : "", again.len));
        izde_buf_release(&again);
    }
    izde_buf_release(&folded);
    izde_buf_release(&kb);
    izde_buf_release(&cyr);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *raw = (const char *)data;

    /* Bytes as they come: the check and the repair must agree. */
    size_t first_bad = 0, nbad = 0;
    size_t bad = izde_text_utf8_check(raw, size, &first_bad);
    struct izde_buf text = IZDE_BUF_INIT;
    FUZZ_SETUP(izde_text_utf8_repair(raw, size, &text, &nbad));
    FUZZ_CHECK(nbad == bad);
    FUZZ_CHECK(fuzz_valid_utf8(text.p, text.len));
    if (bad == 0) {
        FUZZ_CHECK(text.len == size && memcmp(text.p, raw, size) == 0);
    } else {
        FUZZ_CHECK(first_bad < size);
        FUZZ_CHECK(fuzz_valid_utf8(raw, first_bad));
    }

    /* Code points of the repaired text read back the same. */
    struct izde_buf copy = IZDE_BUF_INIT;
    for (size_t i = 0; i < text.len;)
        FUZZ_SETUP(izde_utf8_add(&copy, izde_utf8_next(text.p, text.len, &i)));
    FUZZ_CHECK(copy.len == text.len && memcmp(copy.p ? copy.p : "", text.p, text.len) == 0);
    izde_buf_release(&copy);

    double conf = 0;
    enum izde_lang lang = izde_langid_guess(text.p, text.len, &conf);
    FUZZ_CHECK((unsigned)lang < IZDE_LANG_COUNT);
    FUZZ_CHECK(conf >= 0 && conf <= 1);

    words(text.p, text.len);

    /* Document side, twice in one position space, as title and body are. */
    struct term_check c = { .text_len = text.len };
    uint32_t pos = 0;
    struct izde_analysis_stats stats = { { 0 } };
    izde_status_t rc = izde_analyze_text(analyzer, text.p, text.len, &pos, &stats, check_term, &c);
    FUZZ_CHECK(rc == IZDE_OK || rc == IZDE_ERR_ICU);
    uint32_t pos1 = pos;
    rc = izde_analyze_text(analyzer, text.p, text.len, &pos, NULL, check_term, &c);
    FUZZ_CHECK(rc == IZDE_OK || rc == IZDE_ERR_ICU);
    FUZZ_CHECK(pos >= pos1);

    /* Query side. */
    struct term_check q = { .text_len = text.len, .query = 1 };
    rc = izde_analyze_query(analyzer, text.p, text.len, check_term, &q);
    FUZZ_CHECK(rc == IZDE_OK || rc == IZDE_ERR_ICU);

    izde_buf_release(&text);
    return 0;
}
