/* langid.c - language identification from character trigram statistics. */
#include "text/langid.h"

#include <math.h>
#include <pthread.h>
#include <string.h>
#include "common/utf8.h"
#include "text/langid_model.h"
#include "text/text.h"

_Static_assert(LANGID_MODEL_LANGS <= IZDE_LANG_COUNT, "evidence has a score per model language");

static const char *const codes[IZDE_LANG_COUNT] = { "other", "ky", "ru", "en" };

/* The model's columns, in the order train_langid.py writes them. */
static const enum izde_lang model_langs[LANGID_MODEL_LANGS] = { IZDE_LANG_KY, IZDE_LANG_RU,
                                                                IZDE_LANG_EN };

const char *izde_lang_code(enum izde_lang lang)
{
    return (unsigned)lang < IZDE_LANG_COUNT ? codes[lang] : "other";
}

enum izde_lang izde_lang_from_code(const char *code)
{
    for (int i = 0; i < IZDE_LANG_COUNT; i++)
        if (strcmp(codes[i], code) == 0)
            return (enum izde_lang)i;
    return IZDE_LANG_COUNT;
}

/* Must agree with is_letter() and lower() of scripts/langid/train_langid.py. */
static int is_letter(uint32_t cp)
{
    return (cp >= 0x400 && cp <= 0x4FF) || (cp >= 'a' && cp <= 'z') ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

static uint32_t lower(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    if (cp >= 0x410 && cp <= 0x42F)
        return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F)
        return cp + 0x50;
    if (cp >= 0x460 && cp <= 0x4FF && cp % 2 == 0 && !(cp >= 0x482 && cp <= 0x489))
        return cp + 1;
    if (cp == 0x451)
        return 0x435;
    return cp;
}

#define NGRAMS (sizeof(langid_ngrams) / sizeof(langid_ngrams[0]))

/* The model's trigrams by hash (open addressing, linear probing): each
 * slot holds an index into langid_ngrams plus one, 0 when empty. Language
 * identification looks up every letter of every paragraph the indexer and
 * the snippets read, and a binary search of the model was 18% of the time
 * of a page of results (perf on izde-web, one connection). Twice the
 * model's size in slots keeps probes short; the values read are the same,
 * so every score is too. */
#define SLOT_BITS 14
_Static_assert(NGRAMS * 2 <= (1u << SLOT_BITS), "the trigram table is at most half full");
_Static_assert(NGRAMS < UINT16_MAX, "a slot holds an index of the model");
static uint16_t slots[1u << SLOT_BITS];
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;

static size_t slot_of(uint64_t key)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> (64 - SLOT_BITS));
}

static void fill_slots(void)
{
    for (size_t i = 0; i < NGRAMS; i++) {
        size_t k = slot_of(langid_ngrams[i].key);
        while (slots[k])
            k = (k + 1) & ((1u << SLOT_BITS) - 1);
        slots[k] = (uint16_t)(i + 1);
    }
}

static const struct langid_ngram *lookup(uint64_t key)
{
    pthread_once(&slots_once, fill_slots);
    for (size_t k = slot_of(key); slots[k]; k = (k + 1) & ((1u << SLOT_BITS) - 1))
        if (langid_ngrams[slots[k] - 1].key == key)
            return &langid_ngrams[slots[k] - 1];
    return NULL;
}

/* The model's entry for the trigram a b c, or NULL if it has none. */
static const struct langid_ngram *lookup_trigram(uint32_t a, uint32_t b, uint32_t c)
{
    return lookup(((uint64_t)a << 42) | ((uint64_t)b << 21) | c);
}

float izde_langid_trigram_logp(uint32_t a, uint32_t b, uint32_t c, enum izde_lang lang)
{
    int col = -1;
    for (int l = 0; l < LANGID_MODEL_LANGS; l++)
        if (model_langs[l] == lang)
            col = l;
    if (col < 0)
        return 0;
    const struct langid_ngram *g = lookup_trigram(a, b, c);
    return g ? g->logp[col] : langid_floor[col];
}

static void add_trigram(uint32_t a, uint32_t b, uint32_t c, double *score)
{
    const struct langid_ngram *g = lookup_trigram(a, b, c);
    for (int l = 0; l < LANGID_MODEL_LANGS; l++)
        score[l] += g ? g->logp[l] : langid_floor[l];
}

void izde_langid_add(struct izde_langid_evidence *e, const char *text, size_t len)
{
    /* The last two code points of the word so far, '_' framing it. */
    uint32_t p1 = '_', p2 = '_';
    int in_word = 0;
    for (size_t i = 0; i <= len;) {
        uint32_t cp = i < len ? lower(izde_utf8_next(text, len, &i)) : (i++, ' ');
        if (is_letter(cp)) {
            e->letters++;
            e->cyrillic += cp >= 0x400;
            if (in_word)
                add_trigram(p2, p1, cp, e->score);
            p2 = in_word ? p1 : '_';
            p1 = cp;
            in_word = 1;
        } else {
            if (in_word)
                add_trigram(p2, p1, '_', e->score);
            in_word = 0;
            p1 = p2 = '_';
            if (cp > 0x24F && cp != 0xFFFD && !(cp >= 0x2000 && cp <= 0x2BFF) &&
                izde_text_is_alpha(cp))
                e->other_letters++;
        }
    }
}

void izde_langid_merge(struct izde_langid_evidence *into, const struct izde_langid_evidence *e)
{
    for (int l = 0; l < IZDE_LANG_COUNT; l++)
        into->score[l] += e->score[l];
    into->letters += e->letters;
    into->cyrillic += e->cyrillic;
    into->other_letters += e->other_letters;
}

enum izde_lang izde_langid_decide(const struct izde_langid_evidence *e, double *confidence)
{
    if (confidence)
        *confidence = 0;
    if (e->letters == 0 || e->other_letters > e->letters)
        return IZDE_LANG_OTHER;
    /* The script decides between Cyrillic and Latin languages: names and
     * terms in Latin letters inside a Russian sentence must not make it
     * English. */
    int cyr_text = e->cyrillic * 2 > e->letters;
    int best = -1, second = -1;
    for (int l = 0; l < LANGID_MODEL_LANGS; l++) {
        if ((model_langs[l] == IZDE_LANG_EN) == cyr_text)
            continue;
        if (best < 0 || e->score[l] > e->score[best]) {
            second = best;
            best = l;
        } else if (second < 0 || e->score[l] > e->score[second]) {
            second = l;
        }
    }
    if (confidence) {
        /* The log-likelihood ratio of the two best, squashed to [0, 1). */
        double margin = second < 0 ? 40.0 : e->score[best] - e->score[second];
        *confidence = 1.0 - exp(-margin / 4.0);
    }
    return model_langs[best];
}

enum izde_lang izde_langid_guess(const char *text, size_t len, double *confidence)
{
    struct izde_langid_evidence e;
    memset(&e, 0, sizeof(e));
    izde_langid_add(&e, text, len);
    return izde_langid_decide(&e, confidence);
}
