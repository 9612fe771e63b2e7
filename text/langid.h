/* langid.h - which language a stretch of text is in. */
#ifndef IZDE_LANGID_H
#define IZDE_LANGID_H

#include <stddef.h>
#include <stdint.h>

enum izde_lang {
    IZDE_LANG_OTHER = 0,
    IZDE_LANG_KY,
    IZDE_LANG_RU,
    IZDE_LANG_EN,
    IZDE_LANG_COUNT
};

/* "ky", "ru", "en", "other". */
const char *izde_lang_code(enum izde_lang lang);
/* The language with that code, or IZDE_LANG_COUNT if none. */
enum izde_lang izde_lang_from_code(const char *code);

/* The log-probability of the character trigram a b c (lowercased code
 * points, '_' framing a word) in lang (IZDE_LANG_KY, _RU or _EN), from the
 * identifier's own model; unseen trigrams get its floor. */
float izde_langid_trigram_logp(uint32_t a, uint32_t b, uint32_t c, enum izde_lang lang);

/* The evidence izde_langid_decide weighs: per-language log-probabilities
 * and letter counts. Evidence adds up: that of two stretches of text split
 * between words is that of the whole, so a paragraph's is the sum of its
 * sentences'. Start from all zeros. */
struct izde_langid_evidence {
    double score[IZDE_LANG_COUNT];
    size_t letters, cyrillic, other_letters;
};

/* Adds the evidence of text (valid UTF-8) to e. */
void izde_langid_add(struct izde_langid_evidence *e, const char *text, size_t len);

/* Adds the evidence e (of text beside the text into has seen) to into. */
void izde_langid_merge(struct izde_langid_evidence *into, const struct izde_langid_evidence *e);

/* The language e points to, as izde_langid_guess. */
enum izde_lang izde_langid_decide(const struct izde_langid_evidence *e, double *confidence);

/* Guesses the language of text (valid UTF-8).
 * OUT: *confidence in [0, 1] (may be NULL); 0 when the text has no letters,
 * in which case the answer is IZDE_LANG_OTHER. */
enum izde_lang izde_langid_guess(const char *text, size_t len, double *confidence);

#endif
