/* analyze.c - token to terms: the single path that the indexer and the searcher share. */
#include "analysis/analyze.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/stem.h"
#include "common/buf.h"
#include "common/hash.h"
#include "common/utf8.h"
#include "text/keyfold.h"
#include "text/stopwords.h"
#include "text/text.h"

/* History of the analysis itself (the stemmers version themselves):
 * 1 - NFC + case folding + ё→е, ICU words, K/R stems, compound terms.
 * 2 - sentence language by trigrams, E stems (Snowball English), F terms
 *     (Kyrgyz stems of keyboard-folded spellings), Latin look-alikes folded.
 * 3 - T terms (first letters of the keyboard-folded Cyrillic word).
 * 4 - positions on each word's phrase key (none for stop words) instead of
 *     its exact form; T terms packed one byte a letter.
 * 5 - a document's compound also as one word (иш-мердүүлүгү: the terms of
 *     ишмердүүлүгү, no position); hyphen repair joins more broken names.
 * 6 - the hyphen repair (extract/dehyphen.h) weighs a file's own words
 *     only, no longer those of files its thread read before: a break
 *     decided by an earlier file may now go the other way, and one
 *     collection gives one index whatever --jobs, --full or --update.
 * 7 - an article's fields (title, authors, keywords, journal, УДК, DOI,
 *     year) as their own terms and values (index/schema.h), and the words
 *     of its title, keywords and abstracts weighted above body text. */
#define IZDE_ANALYSIS_VERSION 7

/* Bit set of languages a word is stemmed in. */
#define LANG_BIT(l) (1u << (l))

/* Sentences shorter than this take the language of their paragraph, and
 * paragraphs shorter than it that of the paragraph before: a few words
 * are too little evidence. */
#define LANGID_MIN_WORDS 4

/* The terms of a word depend only on its bytes, its token kind and the
 * language it is analysed in, and most words of a text are words the
 * analyser has just seen: a snippet re-analyses the start of each hit,
 * and folding and stemming every word again was a third of the time of a
 * page of results (perf on izde-web, one connection). So the analyser
 * keeps the terms of recent words in a direct-mapped table, a slot per
 * hash of the word, the newest word winning a slot; a word longer than
 * WORD_CACHE_MAX_WORD bytes, or whose terms do not fit a slot, is
 * analysed every time. The terms sent to the callback are the same
 * either way, in the same order. 32768 slots of 128 bytes (4 MB an
 * analyser, touched as words come) found 84% of the words of the pages
 * of bench/query_latency --snippets on the 3000-document benchmark corpus
 * (4096 slots: 51%); 0.2% of its words have terms too long for a slot. */
#define WORD_CACHE_SLOTS 32768       /* a power of two */
#define WORD_CACHE_BYTES 124
#define WORD_CACHE_MAX_WORD 48

/* A slot: the key (language, token kind, length, the word's bytes), then
 * each term as kind, language, flags (TERM_STOP, TERM_POSITIONAL), its
 * length in two bytes, little end first, and its bytes. */
struct word_slot {
    uint32_t used;          /* bytes of data in use; 0 for an empty slot */
    unsigned char data[WORD_CACHE_BYTES];
};

#define TERM_STOP 1
#define TERM_POSITIONAL 2

/* A sentence of the paragraph being analysed, with its language evidence. */
struct sentence {
    size_t start, end;
    struct izde_langid_evidence ev;
    int read;               /* ev is filled */
    int pass;               /* the sieve passes it (any sentence without one) */
    size_t first;           /* then its first word the sieve passes, from start
                               (SIZE_MAX: it cannot tell; 0 without a sieve) */
};

struct izde_analyzer {
    izde_text_t *text;
    izde_lang_stemmer_t *stem[IZDE_LANG_COUNT];  /* ky, ru, en (analysis/stem.c) */
    struct izde_buf folded;                 /* the word's exact term */
    struct izde_buf term;                   /* a prefixed stem, a compound */
    struct izde_buf kbfold;                 /* the word without ү, ө, ң */
    struct izde_buf variant;                /* Cyrillic reading of Latin */
    struct izde_buf packed;                 /* a T term's letters, packed */
    struct sentence *sent;                  /* the paragraph's sentences */
    size_t sent_cap;
    struct word_slot *words;                /* WORD_CACHE_SLOTS, made on first use */
    struct izde_buf recorded;               /* the terms of a word, as a slot holds them */
    char version[96];
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
    /* The version names each stemmer's ("analysis=6 ky=3 ru=1 en=snowball"),
     * so that an index of other stems is refused. */
    int n = snprintf(a->version, sizeof(a->version), "analysis=%d", IZDE_ANALYSIS_VERSION);
    for (int l = IZDE_LANG_OTHER + 1; rc == IZDE_OK && l < IZDE_LANG_COUNT; l++) {
        rc = izde_lang_stemmer_new((enum izde_lang)l, &a->stem[l]);
        if (rc == IZDE_OK)
            n += snprintf(a->version + n, sizeof(a->version) - (size_t)n, " %s=%s",
                          izde_lang_code((enum izde_lang)l),
                          izde_lang_stemmer_version(a->stem[l]));
    }
    if (rc != IZDE_OK) {
        izde_analyzer_free(a);
        return rc;
    }
    *out = a;
    return IZDE_OK;
}

void izde_analyzer_free(izde_analyzer_t *a)
{
    if (!a)
        return;
    izde_text_free(a->text);
    for (int i = 0; i < IZDE_LANG_COUNT; i++)
        izde_lang_stemmer_free(a->stem[i]);
    izde_buf_release(&a->folded);
    izde_buf_release(&a->term);
    izde_buf_release(&a->kbfold);
    izde_buf_release(&a->variant);
    izde_buf_release(&a->packed);
    free(a->sent);
    free(a->words);
    izde_buf_release(&a->recorded);
    free(a);
}

const char *izde_analyzer_version(const izde_analyzer_t *a)
{
    return a->version;
}

/* Sends prefix + s to fn as a STEM term of lang, the word's phrase key if
 * positional; too long a term is dropped, as for exact forms. */
static izde_status_t emit_prefixed(izde_analyzer_t *a, const char *prefix, const char *s,
                                   size_t slen, enum izde_lang lang, int positional,
                                   struct izde_term *t, izde_term_fn fn, void *closure)
{
    izde_buf_clear(&a->term);
    if (izde_buf_adds(&a->term, prefix) != IZDE_OK || izde_buf_add(&a->term, s, slen) != IZDE_OK)
        return IZDE_ERR_NOMEM;
    if (a->term.len > IZDE_MAX_TERM_BYTES)
        return IZDE_OK;
    t->text = a->term.p;
    t->len = a->term.len;
    t->kind = IZDE_TERM_STEM;
    t->lang = lang;
    t->positional = positional;
    return fn(t, closure) ? IZDE_ERR_INTERNAL : IZDE_OK;
}

/* Sends prefix + the stem of word in lang to fn as a STEM term. */
static izde_status_t emit_stem(izde_analyzer_t *a, const char *prefix, enum izde_lang lang,
                               int positional, const char *word, size_t len,
                               struct izde_term *t, izde_term_fn fn, void *closure)
{
    size_t slen;
    const char *s = izde_lang_stemmer_stem(a->stem[lang], word, len, &slen);
    if (!s)
        return IZDE_ERR_NOMEM;
    return emit_prefixed(a, prefix, s, slen, lang, positional, t, fn, closure);
}

/* The first IZDE_TRUNC_LETTERS letters of the keyboard-folded word, as a
 * T term: a backoff that joins the forms of names and loans the stemmers
 * do not know, whatever the keyboard. Both sides make it the same way.
 * It is a Cyrillic word's phrase key (keyed): one per word, like the exact
 * form, but a document repeats it more often, so its positions take 30%
 * less room than the exact forms' (measured on the 20k benchmark corpus),
 * and a phrase matches inflected forms ('кыргыз республикасынын' for
 * "кыргыз республикасы"). Position keys hold the term, so T terms are
 * packed: that made the position table another 20% smaller. */
static izde_status_t emit_truncated(izde_analyzer_t *a, const char *word, size_t len, int keyed,
                                    struct izde_term *t, izde_term_fn fn, void *closure)
{
    izde_status_t rc = izde_keyfold(word, len, &a->kbfold);
    if (rc != IZDE_OK)
        return rc;
    size_t end = 0;
    for (int n = 0; n < IZDE_TRUNC_LETTERS && end < a->kbfold.len; n++)
        izde_utf8_next(a->kbfold.p, a->kbfold.len, &end);
    izde_buf_clear(&a->packed);
    rc = izde_term_pack(a->kbfold.p, end, &a->packed);
    if (rc != IZDE_OK)
        return rc;
    return emit_prefixed(a, IZDE_PREFIX_TRUNC, a->packed.p, a->packed.len, IZDE_LANG_OTHER,
                         keyed, t, fn, closure);
}

/* The stems of one Cyrillic word (folded, in word/len) for the languages in
 * langs. A Kyrgyz word gets its F term too: the Kyrgyz stem of the word as
 * typed without ү, ө, ң. Documents index it for words that have those
 * letters; a query word without them searches it (query != 0). Both sides
 * stem the folded spelling, so they meet on the same term. */
static izde_status_t cyrillic_stems(izde_analyzer_t *a, const char *word, size_t len,
                                    unsigned langs, int query, int keyed, struct izde_term *t,
                                    izde_term_fn fn, void *closure)
{
    izde_status_t rc = IZDE_OK;
    if (langs & LANG_BIT(IZDE_LANG_KY)) {
        rc = emit_stem(a, IZDE_PREFIX_STEM_KY, IZDE_LANG_KY, 0, word, len, t, fn, closure);
        int kyrgyz_letters = izde_keyfold_has_kyrgyz(word, len);
        if (rc == IZDE_OK && kyrgyz_letters && !query) {
            rc = izde_keyfold(word, len, &a->kbfold);
            if (rc == IZDE_OK)
                rc = emit_stem(a, IZDE_PREFIX_KBFOLD, IZDE_LANG_KY, 0, a->kbfold.p, a->kbfold.len,
                               t, fn, closure);
        } else if (rc == IZDE_OK && !kyrgyz_letters && query) {
            rc = emit_stem(a, IZDE_PREFIX_KBFOLD, IZDE_LANG_KY, 0, word, len, t, fn, closure);
        }
    }
    if (rc == IZDE_OK && (langs & LANG_BIT(IZDE_LANG_RU)))
        rc = emit_stem(a, IZDE_PREFIX_STEM_RU, IZDE_LANG_RU, 0, word, len, t, fn, closure);
    if (rc == IZDE_OK)
        rc = emit_truncated(a, word, len, keyed, t, fn, closure);
    return rc;
}

/* The languages a query word written in Cyrillic could be in. */
static unsigned query_langs(const char *word, size_t len)
{
    return izde_keyfold_has_kyrgyz(word, len)
               ? LANG_BIT(IZDE_LANG_KY)
               : LANG_BIT(IZDE_LANG_KY) | LANG_BIT(IZDE_LANG_RU);
}

/* Emits the terms of one token: its exact form, then stems. On the
 * document side lang is the sentence's language; on the query side
 * (lang == IZDE_LANG_COUNT) every plausible language is tried. This is the
 * one place where a word becomes terms, for documents and queries alike.
 * Each word but a stop word has one phrase key (positional): the T term of
 * a Cyrillic word, the English stem of a Latin one, the exact form of
 * anything else (numbers, other scripts). A Latin query word has a second
 * one, its Cyrillic reading's T term; phrases use the first. Stop words
 * are 14% of the words of Kyrgyz news, 18% of the benchmark corpus; a
 * phrase steps over them (searcher/query.c), and without their positions
 * the position table is 9% smaller. */
static izde_status_t analyze_word(izde_analyzer_t *a, const char *src,
                                  const struct izde_token *tok, enum izde_lang lang,
                                  uint32_t pos, izde_term_fn fn, void *closure)
{
    int query = lang == IZDE_LANG_COUNT;
    izde_status_t rc = izde_text_fold(a->text, src + tok->start, tok->end - tok->start,
                                      &a->folded);
    if (rc != IZDE_OK)
        return rc;
    if (a->folded.len == 0 || a->folded.len > IZDE_MAX_TERM_BYTES)
        return IZDE_OK;
    const char *w = a->folded.p;
    size_t n = a->folded.len;
    enum izde_script script =
        tok->kind == IZDE_TOKEN_WORD ? izde_text_script(w, n) : IZDE_SCRIPT_OTHER;
    int stop = izde_stopword(w, n);
    struct izde_term t = {
        .text = a->folded.p, .len = a->folded.len, .kind = IZDE_TERM_EXACT,
        .lang = query ? IZDE_LANG_OTHER : lang, .pos = pos, .start = tok->start,
        .end = tok->end,
        /* Only queries weigh stop words; documents index them as any word. */
        .stop = query && stop,
        .positional = !stop && script != IZDE_SCRIPT_CYRILLIC && script != IZDE_SCRIPT_LATIN,
    };
    if (fn(&t, closure))
        return IZDE_ERR_INTERNAL;
    switch (script) {
    case IZDE_SCRIPT_CYRILLIC: {
        unsigned langs;
        if (query)
            langs = query_langs(w, n);
        else if (lang == IZDE_LANG_KY || lang == IZDE_LANG_RU)
            langs = LANG_BIT(lang);
        else /* a Cyrillic word in an English sentence: a name, a term */
            langs = query_langs(w, n);
        return cyrillic_stems(a, w, n, langs, query, !stop, &t, fn, closure);
    }
    case IZDE_SCRIPT_LATIN:
        rc = emit_stem(a, IZDE_PREFIX_STEM_EN, IZDE_LANG_EN, !stop, w, n, &t, fn, closure);
        if (rc != IZDE_OK || !query)
            return rc;
        /* Kyrgyz or Russian typed in Latin letters: search the Cyrillic
         * reading too, as if it had been typed in Cyrillic. */
        if (izde_text_latin_to_cyrillic(w, n, &a->variant) != IZDE_OK || !a->variant.len)
            return IZDE_OK;
        t.text = a->variant.p;
        t.len = a->variant.len;
        t.kind = IZDE_TERM_VARIANT;
        t.lang = IZDE_LANG_OTHER;
        t.positional = 0;
        if (fn(&t, closure))
            return IZDE_ERR_INTERNAL;
        return cyrillic_stems(a, a->variant.p, a->variant.len,
                              query_langs(a->variant.p, a->variant.len), 1, !stop, &t, fn,
                              closure);
    default:
        return IZDE_OK;
    }
}

/* Where record_term writes, and whether it ran out of memory. */
struct recorder {
    struct izde_buf *buf;
    int nomem;
};

/* Appends term t to the recorder closure points to, as a slot holds it. */
static int record_term(const struct izde_term *t, void *closure)
{
    struct recorder *rec = closure;
    unsigned char head[5] = { (unsigned char)t->kind, (unsigned char)t->lang,
                              (unsigned char)((t->stop ? TERM_STOP : 0) |
                                              (t->positional ? TERM_POSITIONAL : 0)),
                              (unsigned char)(t->len & 0xFF), (unsigned char)(t->len >> 8) };
    rec->nomem = izde_buf_add(rec->buf, head, sizeof(head)) != IZDE_OK ||
                 izde_buf_add(rec->buf, t->text, t->len) != IZDE_OK;
    return rec->nomem;
}

/* Sends the recorded terms data[0, len) to fn as the terms of tok, at
 * position pos. */
static izde_status_t replay_terms(const unsigned char *data, size_t len,
                                  const struct izde_token *tok, uint32_t pos, izde_term_fn fn,
                                  void *closure)
{
    for (size_t i = 0; i < len;) {
        size_t n = data[i + 3] | (size_t)data[i + 4] << 8;
        struct izde_term t = {
            .text = (const char *)data + i + 5, .len = n,
            .kind = (enum izde_term_kind)data[i], .lang = (enum izde_lang)data[i + 1],
            .pos = pos, .start = tok->start, .end = tok->end,
            .stop = (data[i + 2] & TERM_STOP) != 0,
            .positional = (data[i + 2] & TERM_POSITIONAL) != 0,
        };
        if (fn(&t, closure))
            return IZDE_ERR_INTERNAL;
        i += 5 + n;
    }
    return IZDE_OK;
}

/* A word's slot. */
static size_t word_hash(const unsigned char *key, size_t len)
{
    return izde_fnv1a32(key, len) & (WORD_CACHE_SLOTS - 1);
}

/* The longest key of a slot: language, token kind, length, the word. */
#define WORD_KEY_MAX (3 + WORD_CACHE_MAX_WORD)

/* The cache key of tok analysed in lang into key (see struct word_slot):
 * its length, or 0 for a word too long to be kept. */
static size_t word_key(const char *src, const struct izde_token *tok, enum izde_lang lang,
                       unsigned char key[WORD_KEY_MAX])
{
    size_t n = tok->end - tok->start;
    if (n > WORD_CACHE_MAX_WORD)
        return 0;
    key[0] = (unsigned char)lang;
    key[1] = (unsigned char)tok->kind;
    key[2] = (unsigned char)n;
    memcpy(key + 3, src + tok->start, n);
    return 3 + n;
}

/* The slot of key (klen bytes), making the cache on first use; NULL when
 * the word is not to be kept (klen 0) or there is no memory for the cache,
 * and the word is then analysed as if it were not cached. */
static struct word_slot *word_slot(izde_analyzer_t *a, const unsigned char *key, size_t klen)
{
    if (!klen || (!a->words && !(a->words = calloc(WORD_CACHE_SLOTS, sizeof(*a->words)))))
        return NULL;
    return &a->words[word_hash(key, klen)];
}

/* analyze_word, through slot, the slot of tok's key (klen bytes; slot NULL
 * for a word not to be kept): the terms of recent words (see struct
 * word_slot). */
static izde_status_t analyze_word_cached(izde_analyzer_t *a, const char *src,
                                         const struct izde_token *tok, enum izde_lang lang,
                                         const unsigned char *key, size_t klen,
                                         struct word_slot *slot, uint32_t pos,
                                         izde_term_fn fn, void *closure)
{
    if (!slot)
        return analyze_word(a, src, tok, lang, pos, fn, closure);
    if (slot->used >= klen && memcmp(slot->data, key, klen) == 0)
        return replay_terms(slot->data + klen, slot->used - klen, tok, pos, fn, closure);
    struct recorder rec = { &a->recorded, 0 };
    izde_buf_clear(&a->recorded);
    izde_status_t rc = analyze_word(a, src, tok, lang, pos, record_term, &rec);
    if (rec.nomem)
        return IZDE_ERR_NOMEM;
    if (rc != IZDE_OK)
        return rc;
    const unsigned char *terms = (const unsigned char *)a->recorded.p;
    if (klen + a->recorded.len <= WORD_CACHE_BYTES) {
        memcpy(slot->data, key, klen);
        if (a->recorded.len)
            memcpy(slot->data + klen, terms, a->recorded.len);
        slot->used = (uint32_t)(klen + a->recorded.len);
    }
    return replay_terms(terms, a->recorded.len, tok, pos, fn, closure);
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

/* Emits the terms of the compound src[start, end) written as one word
 * ('иш-мердүүлүгү' as 'ишмердүүлүгү'): its exact form and stems, with no
 * position, on the document side only. A line-end break that the hyphen
 * repair could not tell from a compound's own hyphen is kept as a hyphen
 * (extract/dehyphen.h), and this reading makes the broken word found by its
 * whole form all the same; Kyrgyz also writes many pair words both ways. */
static izde_status_t emit_joined(izde_analyzer_t *a, const char *src, size_t start, size_t end,
                                 enum izde_lang lang, uint32_t pos, izde_term_fn fn,
                                 void *closure)
{
    izde_status_t rc = izde_text_fold(a->text, src + start, end - start, &a->variant);
    if (rc != IZDE_OK)
        return rc;
    /* The hyphens out, in place: '-', U+2010, U+2011. */
    size_t w = 0;
    for (size_t r = 0; r < a->variant.len;) {
        if (a->variant.p[r] == '-') {
            r++;
        } else if (r + 3 <= a->variant.len &&
                   (memcmp(a->variant.p + r, "\xE2\x80\x90", 3) == 0 ||
                    memcmp(a->variant.p + r, "\xE2\x80\x91", 3) == 0)) {
            r += 3;
        } else {
            a->variant.p[w++] = a->variant.p[r++];
        }
    }
    a->variant.len = w;
    if (w == 0 || w > IZDE_MAX_TERM_BYTES ||
        izde_text_script(a->variant.p, w) != IZDE_SCRIPT_CYRILLIC)
        return IZDE_OK;
    struct izde_term t = {
        .text = a->variant.p, .len = w, .kind = IZDE_TERM_EXACT, .lang = lang, .pos = pos,
        .start = start, .end = end,
    };
    if (fn(&t, closure))
        return IZDE_ERR_INTERNAL;
    unsigned langs = lang == IZDE_LANG_KY || lang == IZDE_LANG_RU
                         ? LANG_BIT(lang)
                         : query_langs(a->variant.p, w);
    return cyrillic_stems(a, a->variant.p, w, langs, 0, 0, &t, fn, closure);
}

/* Emits a compound of the document or the query: the whole as one term at
 * its first part's position, and on the document side its joined reading
 * at its last part's (unpositioned terms too keep positions from going
 * back). */
static izde_status_t compound_terms(izde_analyzer_t *a, const char *src, size_t start,
                                    size_t end, enum izde_lang lang, int query, uint32_t first,
                                    uint32_t last, izde_term_fn fn, void *closure)
{
    izde_status_t rc = emit_compound(a, src, start, end, lang, first, fn, closure);
    if (rc == IZDE_OK && !query)
        rc = emit_joined(a, src, start, end, lang, last, fn, closure);
    return rc;
}

/* Tokenises text[base, base + len) and analyses each token in lang
 * (IZDE_LANG_COUNT: as a query); offsets in the terms are relative to text. */
static izde_status_t analyze_span(izde_analyzer_t *a, const char *text, size_t base,
                                  size_t len, enum izde_lang lang, uint32_t *pos,
                                  uint32_t *nwords, izde_term_fn fn, void *closure)
{
    izde_status_t rc = izde_text_words_begin(a->text, text + base, len);
    if (rc != IZDE_OK)
        return rc;
    enum izde_lang term_lang = lang == IZDE_LANG_COUNT ? IZDE_LANG_OTHER : lang;
    int query = lang == IZDE_LANG_COUNT;
    struct izde_token tok, next = { 0 };
    size_t compound_start = 0, prev_end = 0;
    uint32_t compound_pos = 0;
    int compound_parts = 0;
    for (int have = izde_text_words_next(a->text, &tok); have; tok = next) {
        tok.start += base;
        tok.end += base;
        /* The word's slot is mostly not in the processor's caches: asked
         * for before the tokeniser looks for the next word, it arrives
         * while that runs (perf: the wait for it was most of this
         * function's time). */
        unsigned char key[WORD_KEY_MAX];
        size_t klen = word_key(text, &tok, lang, key);
        struct word_slot *slot = word_slot(a, key, klen);
        if (slot)
            __builtin_prefetch(slot);
        have = izde_text_words_next(a->text, &next);
        if (tok.hyphen_joined) {
            compound_parts++;
        } else {
            if (compound_parts > 1) {
                rc = compound_terms(a, text, compound_start, prev_end, term_lang, query,
                                    compound_pos, *pos, fn, closure);
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
        rc = analyze_word_cached(a, text, &tok, lang, key, klen, slot, *pos, fn, closure);
        if (rc != IZDE_OK)
            return rc;
    }
    if (compound_parts > 1)
        return compound_terms(a, text, compound_start, prev_end, term_lang, query,
                              compound_pos, *pos, fn, closure);
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

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* End of the sentence that starts at start, before end: after ., !, ? or
 * ; followed by white space. */
static size_t sentence_end(const char *s, size_t start, size_t end)
{
    for (size_t i = start; i + 1 < end; i++)
        if ((s[i] == '.' || s[i] == '!' || s[i] == '?' || s[i] == ';') && is_space(s[i + 1]))
            return i + 1;
    return end;
}

/* Whether s has at least LANGID_MIN_WORDS words, roughly: runs of
 * non-space bytes. Enough to tell a fragment from a sentence; it stops
 * at the last word it needs, since it is asked of every sentence. */
static int has_min_words(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (!is_space(s[i]) && (i == 0 || is_space(s[i - 1])) && ++n == LANGID_MIN_WORDS)
            return 1;
    return 0;
}

/* Splits the paragraph text[start, end) into a->sent, unread, each
 * marked as sieve (NULL: passes all) passes it; para_first is the start of
 * the paragraph's first word it passes (from start; SIZE_MAX: unknown).
 * Returns how many in *n. */
static izde_status_t split_sentences(izde_analyzer_t *a, const char *text, size_t start,
                                     size_t end, const struct izde_sieve *sieve,
                                     size_t para_first, size_t *n)
{
    *n = 0;
    for (size_t s = start; s < end;) {
        struct sentence *grown = izde_array_grow(a->sent, *n, &a->sent_cap, sizeof(*grown), 32);
        if (!grown)
            return IZDE_ERR_NOMEM;
        a->sent = grown;
        struct sentence *t = &a->sent[(*n)++];
        t->start = s;
        t->end = sentence_end(text, s, end);
        t->read = 0;
        t->first = 0;
        /* The sieve read the paragraph up to its first word that passes:
         * the sentences before it fail, the one that holds it passes. */
        if (!sieve)
            t->pass = 1;
        else if (para_first != SIZE_MAX && t->end <= start + para_first)
            t->pass = 0;
        else if (para_first != SIZE_MAX && s <= start + para_first) {
            t->pass = 1;
            t->first = start + para_first - s;
        } else
            t->pass = izde_sieve_find(sieve, text + s, t->end - s, &t->first);
        s = t->end;
    }
    return IZDE_OK;
}

/* The language evidence of sentence t, read once. */
static const struct izde_langid_evidence *sentence_evidence(const char *text, struct sentence *t)
{
    if (!t->read) {
        memset(&t->ev, 0, sizeof(t->ev));
        izde_langid_add(&t->ev, text + t->start, t->end - t->start);
        t->read = 1;
    }
    return &t->ev;
}

/* The language of the paragraph text[start, end), whose n sentences are in
 * a->sent: its own, the sum of its sentences' evidence, or for a paragraph
 * too short to tell, that of the last one that told (*prev), which it then
 * becomes. */
static enum izde_lang paragraph_lang(izde_analyzer_t *a, const char *text, size_t start,
                                     size_t end, size_t n, enum izde_lang *prev)
{
    struct izde_langid_evidence ev;
    memset(&ev, 0, sizeof(ev));
    for (size_t k = 0; k < n; k++)
        izde_langid_merge(&ev, sentence_evidence(text, &a->sent[k]));
    enum izde_lang para = izde_langid_decide(&ev, NULL);
    if (*prev != IZDE_LANG_COUNT && !has_min_words(text + start, end - start))
        para = *prev;
    if (para != IZDE_LANG_OTHER)
        *prev = para;
    return para;
}

/* The language of sentence k of n when it tells its own (a paragraph may
 * switch language between sentences: a Russian quotation in Kyrgyz text),
 * else IZDE_LANG_COUNT: the paragraph's. */
static enum izde_lang sentence_lang(izde_analyzer_t *a, const char *text, size_t k, size_t n)
{
    struct sentence *t = &a->sent[k];
    if (n < 2 || !has_min_words(text + t->start, t->end - t->start))
        return IZDE_LANG_COUNT;
    double conf;
    enum izde_lang l = izde_langid_decide(sentence_evidence(text, t), &conf);
    return l != IZDE_LANG_OTHER && conf >= 0.5 ? l : IZDE_LANG_COUNT;
}

/* Analyses, of the sentence t (which the sieve passed) in lang, the runs
 * of non-space text with a word the sieve passes. Words are found in a run as
 * in the sentence: ICU breaks a word at white space whatever surrounds
 * it, and a compound ('иш-аракет') has none. */
static izde_status_t analyze_words_sieved(izde_analyzer_t *a, const char *text,
                                          const struct sentence *t, enum izde_lang lang,
                                          const struct izde_sieve *sieve, uint32_t *pos,
                                          izde_term_fn fn, void *closure)
{
    uint32_t nwords = 0;
    size_t end = t->end, word = t->first;
    for (size_t at = t->start; at < end;) {
        if (at > t->start && !izde_sieve_find(sieve, text + at, end - at, &word))
            return IZDE_OK;
        if (word == SIZE_MAX) /* the sieve cannot tell where: all of it */
            return analyze_span(a, text, at, end - at, lang, pos, &nwords, fn, closure);
        size_t run = at + word, run_end = run;
        while (run > at && !is_space(text[run - 1]))
            run--;
        while (run_end < end && !is_space(text[run_end]))
            run_end++;
        izde_status_t rc = analyze_span(a, text, run, run_end - run, lang, pos, &nwords, fn,
                                        closure);
        if (rc != IZDE_OK)
            return rc;
        at = run_end;
    }
    return IZDE_OK;
}

/* Reads the paragraphs text[from, to) for language only, as analyze_text
 * would, to bring *prev up to date. */
static izde_status_t read_languages(izde_analyzer_t *a, const char *text, size_t from,
                                    size_t to, enum izde_lang *prev)
{
    for (size_t start = from; start < to;) {
        size_t end = paragraph_end(text, to, start), n;
        izde_status_t rc = split_sentences(a, text, start, end, NULL, SIZE_MAX, &n);
        if (rc != IZDE_OK)
            return rc;
        paragraph_lang(a, text, start, end, n, prev);
        start = end;
    }
    return IZDE_OK;
}

/* izde_analyze_text, and with a sieve izde_analyze_text_sieved. With a
 * sieve, a sentence is read for language only when the sentences it passes
 * need it: one long enough tells its own, others take their paragraph's,
 * and a short paragraph the language of the ones before, which are then
 * read. So a sentence the sieve passes gets the language and the terms it
 * would get without the sieve. */
static izde_status_t analyze_text(izde_analyzer_t *a, const char *text, size_t len,
                                  uint32_t *pos, struct izde_analysis_stats *stats,
                                  const struct izde_sieve *sieve, izde_term_fn fn,
                                  void *closure)
{
    enum izde_lang prev = IZDE_LANG_COUNT;
    size_t unread = len; /* the first paragraph not read since prev was told */
    for (size_t start = 0; start < len;) {
        size_t end = paragraph_end(text, len, start), n, first = SIZE_MAX;
        izde_status_t rc = IZDE_OK;
        if (sieve && !izde_sieve_find(sieve, text + start, end - start, &first)) {
            if (unread == len)
                unread = start;
            start = end;
            continue;
        }
        if (unread != len && !has_min_words(text + start, end - start)) {
            rc = read_languages(a, text, unread, start, &prev);
            unread = len;
        }
        if (rc == IZDE_OK)
            rc = split_sentences(a, text, start, end, sieve, first, &n);
        if (rc != IZDE_OK)
            return rc;
        /* Without a sieve every paragraph's language is told, for the
         * sentences that take it and for the short paragraphs after it. */
        int need_para = !sieve;
        for (size_t k = 0; k < n && !need_para; k++)
            need_para = a->sent[k].pass && sentence_lang(a, text, k, n) == IZDE_LANG_COUNT;
        enum izde_lang para = IZDE_LANG_COUNT;
        if (need_para) {
            para = paragraph_lang(a, text, start, end, n, &prev);
            if (para != IZDE_LANG_OTHER)
                unread = len;
        } else if (unread == len) {
            unread = start;
        }
        for (size_t k = 0; k < n; k++) {
            if (!a->sent[k].pass)
                continue;
            enum izde_lang lang = sentence_lang(a, text, k, n);
            if (lang == IZDE_LANG_COUNT)
                lang = para;
            uint32_t nwords = 0;
            size_t s = a->sent[k].start, e = a->sent[k].end;
            rc = sieve ? analyze_words_sieved(a, text, &a->sent[k], lang, sieve, pos, fn, closure)
                       : analyze_span(a, text, s, e - s, lang, pos, &nwords, fn, closure);
            if (rc != IZDE_OK)
                return rc;
            if (stats)
                stats->words[lang] += nwords;
        }
        start = end;
    }
    return IZDE_OK;
}

izde_status_t izde_analyze_text(izde_analyzer_t *a, const char *text, size_t len,
                                uint32_t *pos, struct izde_analysis_stats *stats,
                                izde_term_fn fn, void *closure)
{
    return analyze_text(a, text, len, pos, stats, NULL, fn, closure);
}

izde_status_t izde_analyze_text_sieved(izde_analyzer_t *a, const char *text, size_t len,
                                       const struct izde_sieve *sieve, izde_term_fn fn,
                                       void *closure)
{
    uint32_t pos = 0;
    return analyze_text(a, text, len, &pos, NULL, sieve, fn, closure);
}

izde_status_t izde_analyze_text_in(izde_analyzer_t *a, const char *text, size_t len,
                                   enum izde_lang lang, uint32_t *pos, izde_term_fn fn,
                                   void *closure)
{
    uint32_t nwords = 0;
    return analyze_span(a, text, 0, len, lang, pos, &nwords, fn, closure);
}

izde_status_t izde_analyze_query(izde_analyzer_t *a, const char *text, size_t len,
                                 izde_term_fn fn, void *closure)
{
    uint32_t pos = 0, nwords = 0;
    return analyze_span(a, text, 0, len, IZDE_LANG_COUNT, &pos, &nwords, fn, closure);
}
