/* analyze.c - token to terms: the single path that the indexer and the searcher share. */
#include "analyze.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "stemmer.h"
#include "text.h"

/* History of the analysis itself (the stemmers version themselves):
 * 1 - NFC + case folding + ё→е, ICU words, K/R stems, compound terms. */
#define IZDE_ANALYSIS_VERSION 1

/* Bit set of languages a word is stemmed in. */
#define LANG_BIT(l) (1u << (l))
/* For queries: each word is stemmed in every language it could be in. */
#define LANGS_PLAUSIBLE (1u << 31)

struct izde_analyzer {
    izde_text_t *text;
    izde_stemmer_t *stem[IZDE_LANG_COUNT];  /* NULL where we have none */
    struct izde_buf folded;                 /* the word's exact term */
    struct izde_buf term;                   /* prefixed stem, compound */
    char version[64];
};

izde_status_t izde_analyzer_new(izde_analyzer_t **out, char **errmsg)
{
    *out = NULL;
    if (errmsg)
        *errmsg = NULL;
    izde_analyzer_t *a = calloc(1, sizeof(*a));
    if (!a)
        return IZDE_ERR_NOMEM;
    izde_status_t rc = izde_text_new(&a->text, errmsg);
    if (rc == IZDE_OK)
        rc = izde_stemmer_new("ky", &a->stem[IZDE_LANG_KY]);
    if (rc == IZDE_OK)
        rc = izde_stemmer_new("ru", &a->stem[IZDE_LANG_RU]);
    if (rc != IZDE_OK) {
        izde_analyzer_free(a);
        return rc;
    }
    snprintf(a->version, sizeof(a->version), "analysis=%d ky=%u ru=%u",
             IZDE_ANALYSIS_VERSION, izde_stemmer_version(a->stem[IZDE_LANG_KY]),
             izde_stemmer_version(a->stem[IZDE_LANG_RU]));
    *out = a;
    return IZDE_OK;
}

void izde_analyzer_free(izde_analyzer_t *a)
{
    if (!a)
        return;
    izde_text_free(a->text);
    for (int i = 0; i < IZDE_LANG_COUNT; i++)
        izde_stemmer_free(a->stem[i]);
    izde_buf_release(&a->folded);
    izde_buf_release(&a->term);
    free(a);
}

const char *izde_analyzer_version(const izde_analyzer_t *a)
{
    return a->version;
}

static const char *stem_prefix(enum izde_lang lang)
{
    return lang == IZDE_LANG_KY ? IZDE_PREFIX_STEM_KY : IZDE_PREFIX_STEM_RU;
}

static int has_kyrgyz_letter(const char *s, size_t len)
{
    /* ң ө ү in UTF-8: D2 A3, D3 A9, D2 AF */
    for (size_t i = 0; i + 1 < len; i++) {
        unsigned char c = (unsigned char)s[i], d = (unsigned char)s[i + 1];
        if ((c == 0xD2 && (d == 0xA3 || d == 0xAF)) || (c == 0xD3 && d == 0xA9))
            return 1;
    }
    return 0;
}

/* Emits the terms of one token: its exact form, then a stem for each
 * language in langs that its script allows. This is the one place where a
 * word becomes terms, for documents and queries alike. */
static izde_status_t analyze_word(izde_analyzer_t *a, const char *src,
                                  const struct izde_token *tok, unsigned langs,
                                  enum izde_lang para_lang, uint32_t pos,
                                  izde_term_fn fn, void *closure)
{
    izde_status_t rc = izde_text_fold(a->text, src + tok->start, tok->end - tok->start,
                                      &a->folded);
    if (rc != IZDE_OK)
        return rc;
    if (a->folded.len == 0 || a->folded.len > IZDE_MAX_TERM_BYTES)
        return IZDE_OK;
    struct izde_term t = {
        .text = a->folded.p, .len = a->folded.len, .kind = IZDE_TERM_EXACT,
        .lang = para_lang, .pos = pos, .start = tok->start, .end = tok->end,
    };
    if (fn(&t, closure))
        return IZDE_ERR_INTERNAL;
    if (tok->kind != IZDE_TOKEN_WORD ||
        izde_text_script(a->folded.p, a->folded.len) != IZDE_SCRIPT_CYRILLIC)
        return IZDE_OK;
    if (langs == LANGS_PLAUSIBLE)
        langs = has_kyrgyz_letter(a->folded.p, a->folded.len)
                    ? LANG_BIT(IZDE_LANG_KY)
                    : LANG_BIT(IZDE_LANG_KY) | LANG_BIT(IZDE_LANG_RU);
    for (int l = 0; l < IZDE_LANG_COUNT; l++) {
        if (!(langs & LANG_BIT(l)) || !a->stem[l])
            continue;
        size_t slen;
        const char *s = izde_stemmer_stem(a->stem[l], a->folded.p, a->folded.len, &slen);
        if (!s)
            return IZDE_ERR_NOMEM;
        izde_buf_clear(&a->term);
        if (izde_buf_adds(&a->term, stem_prefix((enum izde_lang)l)) != IZDE_OK ||
            izde_buf_add(&a->term, s, slen) != IZDE_OK)
            return IZDE_ERR_NOMEM;
        t.text = a->term.p;
        t.len = a->term.len;
        t.kind = IZDE_TERM_STEM;
        t.lang = (enum izde_lang)l;
        if (fn(&t, closure))
            return IZDE_ERR_INTERNAL;
    }
    return IZDE_OK;
}

/* Emits the whole compound src[start, end) ('иш-аракет') as one term. */
static izde_status_t emit_compound(izde_analyzer_t *a, const char *src, size_t start,
                                   size_t end, enum izde_lang lang, uint32_t pos,
                                   izde_term_fn fn, void *closure)
{
    izde_status_t rc = izde_text_fold(a->text, src + start, end - start, &a->term);
    if (rc != IZDE_OK)
        return rc;
    if (a->term.len > IZDE_MAX_TERM_BYTES)
        return IZDE_OK;
    struct izde_term t = {
        .text = a->term.p, .len = a->term.len, .kind = IZDE_TERM_COMPOUND,
        .lang = lang, .pos = pos, .start = start, .end = end,
    };
    return fn(&t, closure) ? IZDE_ERR_INTERNAL : IZDE_OK;
}

/* Tokenises text[base, base + len) and analyses each token with langs;
 * offsets in the emitted terms are relative to text. */
static izde_status_t analyze_span(izde_analyzer_t *a, const char *text, size_t base,
                                  size_t len, unsigned langs, enum izde_lang lang,
                                  uint32_t *pos, uint32_t *nwords, izde_term_fn fn,
                                  void *closure)
{
    izde_status_t rc = izde_text_words_begin(a->text, text + base, len);
    if (rc != IZDE_OK)
        return rc;
    struct izde_token tok;
    size_t compound_start = 0, prev_end = 0;
    uint32_t compound_pos = 0;
    int compound_parts = 0;
    while (izde_text_words_next(a->text, &tok)) {
        tok.start += base;
        tok.end += base;
        if (tok.hyphen_joined) {
            compound_parts++;
        } else {
            if (compound_parts > 1) {
                rc = emit_compound(a, text, compound_start, prev_end, lang, compound_pos,
                                   fn, closure);
                if (rc != IZDE_OK)
                    return rc;
            }
            compound_start = tok.start;
            compound_pos = *pos + 1;
            compound_parts = 1;
        }
        prev_end = tok.end;
        (*pos)++;
        (*nwords)++;
        rc = analyze_word(a, text, &tok, langs, lang, *pos, fn, closure);
        if (rc != IZDE_OK)
            return rc;
    }
    if (compound_parts > 1)
        return emit_compound(a, text, compound_start, prev_end, lang, compound_pos, fn,
                             closure);
    return IZDE_OK;
}

/* End of the paragraph that starts at start: the first blank line (a line
 * with only spaces) ends it. */
static size_t paragraph_end(const char *s, size_t len, size_t start)
{
    for (size_t i = start; i < len; i++) {
        if (s[i] != '\n')
            continue;
        size_t j = i + 1;
        while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
            j++;
        if (j < len && s[j] == '\n')
            return j + 1;
    }
    return len;
}

izde_status_t izde_analyze_text(izde_analyzer_t *a, const char *text, size_t len,
                                uint32_t *pos, struct izde_analysis_stats *stats,
                                izde_term_fn fn, void *closure)
{
    for (size_t start = 0; start < len;) {
        size_t end = paragraph_end(text, len, start);
        enum izde_lang lang = izde_langid_guess(text + start, end - start, NULL);
        unsigned langs = lang == IZDE_LANG_KY || lang == IZDE_LANG_RU ? LANG_BIT(lang) : 0;
        uint32_t nwords = 0;
        izde_status_t rc = analyze_span(a, text, start, end - start, langs, lang, pos,
                                        &nwords, fn, closure);
        if (rc != IZDE_OK)
            return rc;
        if (stats)
            stats->words[lang] += nwords;
        start = end;
    }
    return IZDE_OK;
}

izde_status_t izde_analyze_query(izde_analyzer_t *a, const char *text, size_t len,
                                 izde_term_fn fn, void *closure)
{
    uint32_t pos = 0, nwords = 0;
    return analyze_span(a, text, 0, len, LANGS_PLAUSIBLE, IZDE_LANG_OTHER, &pos, &nwords,
                        fn, closure);
}
