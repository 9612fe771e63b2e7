/* text.c - UTF-8 repair, NFC and case folding, word breaks; the only file that calls ICU. */
#include "text/text.h"
#include "common/utf8.h"
#include "text/keyfold.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

struct izde_text {
    UBreakIterator *bi;
    UText *ut;
    const UNormalizer2 *nfc;
    const char *text;
    size_t len;
    size_t prev_end;        /* end of the previous token, for hyphen joins */
    int have_prev;
    UChar *u16a, *u16b;     /* scratch for the slow folding path */
    int32_t u16cap;
};

/* ------------------------------------------------------------ UTF-8 */

size_t izde_text_utf8_check(const char *s, size_t len, size_t *first_bad)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t bad = 0;
    if (first_bad)
        *first_bad = 0;
    for (size_t i = 0; i < len;) {
        /* ASCII runs are most of most texts. */
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = izde_utf8_seq_len(s, len, i);
        if (n == 0) {
            if (bad == 0 && first_bad)
                *first_bad = i;
            bad++;
            i++;
            /* A broken sequence counts once: skip its continuation bytes. */
            while (i < len && (u[i] & 0xC0) == 0x80)
                i++;
        } else {
            i += n;
        }
    }
    return bad;
}

izde_status_t izde_text_utf8_repair(const char *s, size_t len, struct izde_buf *out,
                                    size_t *nbad)
{
    const unsigned char *u = (const unsigned char *)s;
    *nbad = 0;
    if (izde_buf_grow(out, len + 16) != IZDE_OK)
        return IZDE_ERR_NOMEM;
    size_t run = 0; /* start of the pending valid run */
    for (size_t i = 0; i < len;) {
        size_t n = u[i] < 0x80 ? 1 : izde_utf8_seq_len(s, len, i);
        if (n) {
            i += n;
            continue;
        }
        if (izde_buf_add(out, s + run, i - run) != IZDE_OK ||
            izde_buf_add(out, "\xEF\xBF\xBD", 3) != IZDE_OK)
            return IZDE_ERR_NOMEM;
        (*nbad)++;
        i++;
        while (i < len && (u[i] & 0xC0) == 0x80)
            i++;
        run = i;
    }
    return izde_buf_add(out, s + run, len - run);
}

/* ------------------------------------------------------------ context */

izde_status_t izde_text_new(izde_text_t **out, char **errmsg)
{
    UErrorCode err = U_ZERO_ERROR;
    *out = NULL;
    if (errmsg)
        *errmsg = NULL;
    izde_text_t *t = calloc(1, sizeof(*t));
    if (!t)
        return IZDE_ERR_NOMEM;
    t->nfc = unorm2_getNFCInstance(&err);
    t->bi = ubrk_open(UBRK_WORD, "ky", NULL, 0, &err);
    t->ut = utext_openUTF8(NULL, "", 0, &err);
    if (U_FAILURE(err)) {
        if (errmsg)
            *errmsg = strdup(u_errorName(err));
        izde_text_free(t);
        return IZDE_ERR_ICU;
    }
    *out = t;
    return IZDE_OK;
}

void izde_text_free(izde_text_t *t)
{
    if (!t)
        return;
    if (t->bi)
        ubrk_close(t->bi);
    if (t->ut)
        utext_close(t->ut);
    free(t->u16a);
    free(t->u16b);
    free(t);
}

/* ------------------------------------------------------------ folding */

/* Characters that never belong in a term: soft hyphen (PDF text is full of
 * them), zero-width space and joiners, word joiner, BOM. */
static int is_dropped(uint32_t cp)
{
    return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

/* Code points whose full case folding is one code point and which NFC
 * leaves alone next to each other: Latin (but ß, İ, ŉ, ǰ, which fold to
 * several) and Cyrillic (but its combining marks). Words made only of these
 * take the fast path. */
static int is_simple(uint32_t cp)
{
    if (cp < 0x300)
        return cp != 0xDF && cp != 0x130 && cp != 0x149 && cp != 0x1F0;
    return (cp >= 0x400 && cp <= 0x482) || (cp >= 0x48A && cp <= 0x52F);
}

static uint32_t post_fold(uint32_t cp)
{
    return cp == 0x451 ? 0x435 : cp; /* ё -> е */
}

static izde_status_t ensure_u16(izde_text_t *t, int32_t n)
{
    if (n <= t->u16cap)
        return IZDE_OK;
    int32_t cap = t->u16cap ? t->u16cap : 64;
    while (cap < n)
        cap *= 2;
    UChar *a = realloc(t->u16a, (size_t)cap * sizeof(UChar));
    if (!a)
        return IZDE_ERR_NOMEM;
    t->u16a = a;
    UChar *b = realloc(t->u16b, (size_t)cap * sizeof(UChar));
    if (!b)
        return IZDE_ERR_NOMEM;
    t->u16b = b;
    t->u16cap = cap;
    return IZDE_OK;
}

static izde_status_t fold_slow(izde_text_t *t, const char *s, size_t len,
                               struct izde_buf *out)
{
    UErrorCode err = U_ZERO_ERROR;
    /* Folding can grow a string (ß -> ss) by at most 3x; NFC by at most 3x. */
    if (len > INT32_MAX / 16 || ensure_u16(t, (int32_t)len * 4 + 8) != IZDE_OK)
        return IZDE_ERR_NOMEM;
    int32_t n;
    u_strFromUTF8WithSub(t->u16a, t->u16cap, &n, s, (int32_t)len, 0xFFFD, NULL, &err);
    n = unorm2_normalize(t->nfc, t->u16a, n, t->u16b, t->u16cap, &err);
    n = u_strFoldCase(t->u16a, t->u16cap, t->u16b, n, U_FOLD_CASE_DEFAULT, &err);
    n = unorm2_normalize(t->nfc, t->u16a, n, t->u16b, t->u16cap, &err);
    if (U_FAILURE(err))
        return IZDE_ERR_ICU;
    for (int32_t i = 0; i < n;) {
        UChar32 cp;
        U16_NEXT(t->u16b, i, n, cp);
        if (is_dropped((uint32_t)cp))
            continue;
        if (izde_utf8_add(out, post_fold((uint32_t)cp)) != IZDE_OK)
            return IZDE_ERR_NOMEM;
    }
    return IZDE_OK;
}

/* Latin letters that look like Cyrillic ones, as PDF text and hand typing
 * mix them into Cyrillic words ('мектеп' with a Latin 'e'). Folded forms. */
static uint32_t cyrillic_lookalike(uint32_t cp)
{
    switch (cp) {
    case 'a': return 0x430; /* а */
    case 'b': return 0x432; /* в (from B) */
    case 'c': return 0x441; /* с */
    case 'e': return 0x435; /* е */
    case 'h': return 0x43D; /* н (from H) */
    case 'k': return 0x43A; /* к */
    case 'm': return 0x43C; /* м */
    case 'o': return 0x43E; /* о */
    case 'p': return 0x440; /* р */
    case 't': return 0x442; /* т */
    case 'x': return 0x445; /* х */
    case 'y': return 0x443; /* у */
    default: return 0;
    }
}

/* Rewrites out in place when it is a Cyrillic word with Latin look-alikes
 * in it: some Cyrillic letter, and every Latin letter a look-alike. */
static void fold_lookalikes(struct izde_buf *out)
{
    int cyr = 0, alike = 0;
    for (size_t i = 0; i < out->len;) {
        uint32_t cp = izde_utf8_next(out->p, out->len, &i);
        int latin = (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F);
        if (cp >= 0x400 && cp <= 0x52F)
            cyr = 1;
        else if (latin && !cyrillic_lookalike(cp))
            return; /* a real Latin letter: a mixed-script word, left alone */
        else if (latin)
            alike = 1;
    }
    if (!cyr || !alike)
        return;
    /* Each replacement grows one byte to two: rebuild from the end. */
    size_t extra = 0;
    for (size_t i = 0; i < out->len; i++)
        extra += cyrillic_lookalike((unsigned char)out->p[i]) != 0;
    if (izde_buf_grow(out, extra) != IZDE_OK)
        return; /* keeping the mixed form is a lesser harm than failing */
    size_t r = out->len, w = out->len + extra;
    out->p[w] = '\0';
    while (r > 0) {
        unsigned char c = (unsigned char)out->p[--r];
        uint32_t cy = c < 0x80 ? cyrillic_lookalike(c) : 0;
        if (cy) {
            out->p[--w] = (char)(0x80 | (cy & 0x3F));
            out->p[--w] = (char)(0xC0 | (cy >> 6));
        } else {
            out->p[--w] = (char)c;
        }
    }
    out->len += extra;
}

izde_status_t izde_text_fold(izde_text_t *t, const char *s, size_t len,
                             struct izde_buf *out)
{
    izde_status_t rc = IZDE_OK;
    int slow = 0;
    izde_buf_clear(out);
    if (izde_buf_grow(out, len) != IZDE_OK)
        return IZDE_ERR_NOMEM;
    for (size_t i = 0; i < len && rc == IZDE_OK;) {
        uint32_t cp = izde_utf8_next(s, len, &i);
        if (is_dropped(cp))
            continue;
        if (!is_simple(cp)) {
            slow = 1;
            break;
        }
        if (cp < 0x80) {
            if (cp >= 'A' && cp <= 'Z')
                cp += 'a' - 'A';
        } else {
            cp = post_fold((uint32_t)u_foldCase((UChar32)cp, U_FOLD_CASE_DEFAULT));
        }
        rc = izde_utf8_add(out, cp);
    }
    if (slow) {
        izde_buf_clear(out);
        rc = fold_slow(t, s, len, out);
    }
    if (rc == IZDE_OK)
        fold_lookalikes(out);
    return rc;
}

/* Non-ASCII characters that never begin or continue a word for ICU:
 * spaces, quotes, dashes, currency and other punctuation a Kyrgyz or
 * Russian text is full of ('«', '—', '№'). Others the sieve cannot tell. */
static int is_punctuation(uint32_t cp)
{
    if (cp >= 0xA0 && cp <= 0xBF)
        return cp != 0xAA && cp != 0xB2 && cp != 0xB3 && cp != 0xB5 && cp != 0xB9 &&
               cp != 0xBA && cp < 0xBC;
    return cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x200A) ||
           (cp >= 0x2012 && cp <= 0x2029) || (cp >= 0x202F && cp <= 0x205F) ||
           (cp >= 0x20A0 && cp <= 0x20CF) || cp == 0x2116 || cp == 0x2122 || cp == 0xFFFD;
}

enum izde_sieve_class izde_text_sieve_class(uint32_t cp, uint32_t *folded)
{
    if (cp < 0x80) {
        if (cp == '-')
            return IZDE_SIEVE_HYPHEN;
        if (cp >= 'A' && cp <= 'Z')
            cp += 'a' - 'A';
        else if (!((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')))
            return IZDE_SIEVE_SEPARATOR;
        uint32_t twin = cyrillic_lookalike(cp);
        *folded = twin ? twin : cp;
        return IZDE_SIEVE_LETTER;
    }
    if (cp >= 0x410 && cp <= 0x44F) { /* А-Я, а-я: most of the letters read */
        *folded = cp < 0x430 ? cp + 0x20 : cp;
        return IZDE_SIEVE_LETTER;
    }
    /* ICU breaks words at a zero width space (UAX #29 does not count it
     * as Format), though folding drops it like the joiners. */
    if (cp == 0x200B)
        return IZDE_SIEVE_SEPARATOR;
    if (is_dropped(cp))
        return IZDE_SIEVE_DROPPED;
    if (cp == 0x2010 || cp == 0x2011)
        return IZDE_SIEVE_HYPHEN;
    if (is_punctuation(cp))
        return IZDE_SIEVE_SEPARATOR;
    /* Letters only: U+0482 is a sign, which ICU breaks a word at. */
    int letter = (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x400 && cp <= 0x481) ||
                 (cp >= 0x48A && cp <= 0x52F);
    if (!letter || !is_simple(cp))
        return IZDE_SIEVE_UNSURE;
    uint32_t f = post_fold((uint32_t)u_foldCase((UChar32)cp, U_FOLD_CASE_DEFAULT));
    uint32_t twin = f < 0x80 ? cyrillic_lookalike(f) : 0; /* ſ folds to s */
    *folded = izde_keyfold_cp(twin ? twin : f);
    return IZDE_SIEVE_LETTER;
}

izde_status_t izde_text_lower(const char *s, size_t len, struct izde_buf *out)
{
    izde_status_t rc = IZDE_OK;
    for (size_t i = 0; i < len && rc == IZDE_OK;)
        rc = izde_utf8_add(out, (uint32_t)u_tolower((UChar32)izde_utf8_next(s, len, &i)));
    return rc;
}

/* Latin spellings of Cyrillic letters, longest first within each letter, as
 * people type Kyrgyz and Russian on a Latin keyboard. */
static const struct {
    const char *latin;
    uint32_t cyr[2];
} translit[] = {
    { "shch", { 0x449, 0 } }, { "sch", { 0x449, 0 } }, { "sh", { 0x448, 0 } },
    { "ch", { 0x447, 0 } },   { "zh", { 0x436, 0 } },  { "kh", { 0x445, 0 } },
    { "ts", { 0x446, 0 } },   { "ya", { 0x44F, 0 } },  { "yu", { 0x44E, 0 } },
    { "yo", { 0x435, 0 } },   { "ye", { 0x435, 0 } },  { "ja", { 0x44F, 0 } },
    { "ju", { 0x44E, 0 } },   { "jo", { 0x435, 0 } },  { "a", { 0x430, 0 } },
    { "b", { 0x431, 0 } },    { "c", { 0x446, 0 } },   { "d", { 0x434, 0 } },
    { "e", { 0x435, 0 } },    { "f", { 0x444, 0 } },   { "g", { 0x433, 0 } },
    { "h", { 0x445, 0 } },    { "i", { 0x438, 0 } },   { "j", { 0x436, 0 } },
    { "k", { 0x43A, 0 } },    { "l", { 0x43B, 0 } },   { "m", { 0x43C, 0 } },
    { "n", { 0x43D, 0 } },    { "o", { 0x43E, 0 } },   { "p", { 0x43F, 0 } },
    { "q", { 0x43A, 0 } },    { "r", { 0x440, 0 } },   { "s", { 0x441, 0 } },
    { "t", { 0x442, 0 } },    { "u", { 0x443, 0 } },   { "v", { 0x432, 0 } },
    { "w", { 0x432, 0 } },    { "x", { 0x43A, 0x441 } }, { "y", { 0x44B, 0 } },
    { "z", { 0x437, 0 } },    { "\xc3\xbc", { 0x4AF, 0 } }, /* ü -> ү */
    { "\xc3\xb6", { 0x4E9, 0 } }, /* ö -> ө */
    { "\xc3\xb1", { 0x4A3, 0 } }, /* ñ -> ң */
};

static int is_latin_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

izde_status_t izde_text_latin_to_cyrillic(const char *s, size_t len, struct izde_buf *out)
{
    izde_buf_clear(out);
    for (size_t i = 0; i < len;) {
        /* Word-initial e is э (ekonomika); y after a vowel and before no
         * vowel is й (moy, kyrgyzstandagy stays ы). */
        if (i == 0 && s[0] == 'e') {
            if (izde_utf8_add(out, 0x44D))
                return IZDE_ERR_NOMEM;
            i++;
            continue;
        }
        if (s[i] == 'y' && i > 0 && is_latin_vowel(s[i - 1]) &&
            (i + 1 == len || !is_latin_vowel(s[i + 1]))) {
            if (izde_utf8_add(out, 0x439))
                return IZDE_ERR_NOMEM;
            i++;
            continue;
        }
        size_t k;
        for (k = 0; k < sizeof(translit) / sizeof(translit[0]); k++) {
            size_t n = strlen(translit[k].latin);
            if (n <= len - i && memcmp(s + i, translit[k].latin, n) == 0) {
                for (int c = 0; c < 2 && translit[k].cyr[c]; c++)
                    if (izde_utf8_add(out, translit[k].cyr[c]))
                        return IZDE_ERR_NOMEM;
                i += n;
                break;
            }
        }
        if (k == sizeof(translit) / sizeof(translit[0]))
            return IZDE_ERR_UNSUPPORTED; /* not a transliterable word */
    }
    return IZDE_OK;
}

/* ------------------------------------------------------------ words */

izde_status_t izde_text_words_begin(izde_text_t *t, const char *text, size_t len)
{
    UErrorCode err = U_ZERO_ERROR;
    if (len > INT64_MAX)
        return IZDE_ERR_INVALID;
    t->ut = utext_openUTF8(t->ut, text, (int64_t)len, &err);
    ubrk_setUText(t->bi, t->ut, &err);
    if (U_FAILURE(err))
        return IZDE_ERR_ICU;
    t->text = text;
    t->len = len;
    t->have_prev = 0;
    t->prev_end = 0;
    return IZDE_OK;
}

/* A hyphen that glues compounds: hyphen-minus, U+2010 hyphen, U+2011
 * non-breaking hyphen. Returns its byte length at s, or 0. */
static size_t hyphen_len(const char *s, size_t avail)
{
    if (avail >= 1 && s[0] == '-')
        return 1;
    if (avail >= 3 && memcmp(s, "\xE2\x80\x90", 3) == 0)
        return 3;
    if (avail >= 3 && memcmp(s, "\xE2\x80\x91", 3) == 0)
        return 3;
    return 0;
}

int izde_text_words_next(izde_text_t *t, struct izde_token *tok)
{
    int32_t start = ubrk_current(t->bi);
    for (;;) {
        int32_t end = ubrk_next(t->bi);
        if (end == UBRK_DONE)
            return 0;
        int32_t status = ubrk_getRuleStatus(t->bi);
        if (status >= UBRK_WORD_NONE_LIMIT) {
            tok->start = (size_t)start;
            tok->end = (size_t)end;
            tok->kind = status < UBRK_WORD_NUMBER_LIMIT ? IZDE_TOKEN_NUMBER : IZDE_TOKEN_WORD;
            size_t h = t->have_prev ? hyphen_len(t->text + t->prev_end,
                                                 t->len - t->prev_end) : 0;
            tok->hyphen_joined = h && t->prev_end + h == tok->start;
            t->prev_end = tok->end;
            t->have_prev = 1;
            return 1;
        }
        start = end;
    }
}

enum izde_script izde_text_script(const char *s, size_t len)
{
    int cyr = 0, lat = 0, other = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = izde_utf8_next(s, len, &i);
        if (cp >= '0' && cp <= '9')
            return IZDE_SCRIPT_DIGITS;
        if (cp == '-')
            continue;
        if (cp >= 0x400 && cp <= 0x52F)
            cyr = 1;
        else if ((cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7))
            lat = 1;
        else if (u_isdigit((UChar32)cp))
            return IZDE_SCRIPT_DIGITS;
        else
            other = 1;
    }
    if (cyr && !lat && !other)
        return IZDE_SCRIPT_CYRILLIC;
    if (lat && !cyr && !other)
        return IZDE_SCRIPT_LATIN;
    return IZDE_SCRIPT_OTHER;
}

int izde_text_is_alpha(uint32_t cp)
{
    return u_isalpha((UChar32)cp) != 0;
}

void izde_text_icu_version(char out[32])
{
    UVersionInfo v;
    u_getVersion(v);
    u_versionToString(v, out);
}
