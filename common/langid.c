/* langid.c - language identification from letter statistics. */
#include "langid.h"

#include <string.h>
#include "text.h"

static const char *const codes[IZDE_LANG_COUNT] = { "other", "ky", "ru", "en" };

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

/* NEEDSWORK: letter classes only. Kyrgyz text is recognised by its own
 * letters ң, ө, ү, which nearly every Kyrgyz sentence of a few words has;
 * a short Kyrgyz fragment without them reads as Russian. A character n-gram
 * model replaces this. */
enum izde_lang izde_langid_guess(const char *text, size_t len, double *confidence)
{
    size_t cyr = 0, lat = 0, ky_letters = 0, ky_words = 0, cyr_words = 0;
    int in_word = 0, word_has_ky = 0, word_is_cyr = 0;
    for (size_t i = 0; i <= len;) {
        uint32_t cp = i < len ? izde_text_next_cp(text, len, &i) : (i++, ' ');
        int is_cyr = cp >= 0x400 && cp <= 0x4FF;
        int is_lat = (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
        if (is_cyr || is_lat) {
            in_word = 1;
            if (is_cyr) {
                cyr++;
                word_is_cyr = 1;
                /* ң Ң ө Ө ү Ү */
                if (cp == 0x4A3 || cp == 0x4A2 || cp == 0x4E9 || cp == 0x4E8 ||
                    cp == 0x4AF || cp == 0x4AE) {
                    ky_letters++;
                    word_has_ky = 1;
                }
            } else {
                lat++;
            }
        } else if (in_word) {
            cyr_words += word_is_cyr;
            ky_words += word_has_ky;
            in_word = word_has_ky = word_is_cyr = 0;
        }
    }
    double conf = 0;
    enum izde_lang lang = IZDE_LANG_OTHER;
    if (cyr + lat > 0) {
        if (lat > cyr) {
            lang = IZDE_LANG_EN;
            conf = (double)lat / (double)(cyr + lat);
        } else if (ky_words * 8 >= cyr_words && ky_letters > 0) {
            lang = IZDE_LANG_KY;
            conf = cyr_words >= 3 ? 0.9 : 0.6;
        } else {
            lang = IZDE_LANG_RU;
            conf = cyr_words >= 5 ? 0.8 : 0.5;
        }
    }
    if (confidence)
        *confidence = conf;
    return lang;
}
