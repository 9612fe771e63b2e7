/* langid.h - which language a stretch of text is in. */
#ifndef IZDE_LANGID_H
#define IZDE_LANGID_H

#include <stddef.h>

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

/* Guesses the language of text (valid UTF-8).
 * OUT: *confidence in [0, 1] (may be NULL); 0 when the text has no letters,
 * in which case the answer is IZDE_LANG_OTHER. */
enum izde_lang izde_langid_guess(const char *text, size_t len, double *confidence);

#endif
