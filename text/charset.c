/* charset.c - character set detection (ucsdet plus a Cyrillic plausibility check) and conversion (ucnv). */
#include "text/charset.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include "text/text.h"

/* How much of a file detection looks at. */
#define SAMPLE_MAX (256u * 1024u)

/* Izde's canonical names; anything else comes from ICU's alias table. */
static const char *const known[] = {
    "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "windows-1251", "KOI8-R",
    "IBM866", "ISO-8859-5", "x-mac-cyrillic", "windows-1252", "ISO-8859-1", NULL,
};

/* The single-byte Cyrillic sets scored against each other. */
static const char *const cyrillic_sets[] = {
    "windows-1251", "KOI8-R", "IBM866", "ISO-8859-5", NULL,
};

const char *izde_charset_canonical(const char *label)
{
    if (!label || !*label)
        return NULL;
    UErrorCode e = U_ZERO_ERROR;
    const char *iana = ucnv_getStandardName(label, "IANA", &e);
    /* Whether iana is ICU's (static) rather than the caller's label. Not
     * iana != label: given a name it returned before, ICU returns the same
     * pointer. */
    int from_icu = 1;
    if (U_FAILURE(e) || !iana) {
        /* Not an IANA name (x-mac-cyrillic): accept it if ICU can open it. */
        e = U_ZERO_ERROR;
        UConverter *cv = ucnv_open(label, &e);
        if (U_FAILURE(e))
            return NULL;
        ucnv_close(cv);
        iana = label;
        from_icu = 0;
    }
    for (const char *const *k = known; *k; k++) {
        e = U_ZERO_ERROR;
        const char *ki = ucnv_getStandardName(*k, "IANA", &e);
        if (strcasecmp(*k, iana) == 0 || (ki && strcasecmp(ki, iana) == 0))
            return *k;
    }
    e = U_ZERO_ERROR;
    const char *mime = ucnv_getStandardName(label, "MIME", &e);
    return (U_SUCCESS(e) && mime) ? mime : (from_icu ? iana : NULL);
}

izde_status_t izde_charset_to_utf8(const char *charset, const char *s, size_t len,
                                   struct izde_buf *out, size_t *nbad)
{
    if (nbad)
        *nbad = 0;
    if (len > INT32_MAX / 2)
        return IZDE_ERR_NOMEM;
    UErrorCode e = U_ZERO_ERROR;
    UConverter *cv = ucnv_open(charset, &e);
    if (U_FAILURE(e))
        return IZDE_ERR_UNSUPPORTED;
    /* Every byte becomes at most one UTF-16 unit, and one unit at most three
     * UTF-8 bytes; 4-byte UTF-32 units become two units. */
    int32_t ucap = (int32_t)len + 2;
    UChar *u = malloc((size_t)ucap * sizeof(UChar));
    if (!u) {
        ucnv_close(cv);
        return IZDE_ERR_NOMEM;
    }
    int32_t ulen = ucnv_toUChars(cv, u, ucap, s, (int32_t)len, &e);
    ucnv_close(cv);
    izde_status_t rc = IZDE_OK;
    if (U_FAILURE(e)) {
        rc = IZDE_ERR_ICU;
        goto out;
    }
    /* Count replacements (U+FFFD, and U+001A, the substitution character
     * single-byte converters use) and drop NULs, which text never holds. */
    size_t bad = 0;
    int32_t w = 0;
    for (int32_t i = 0; i < ulen; i++) {
        if (u[i] == 0xFFFD || u[i] == 0x1A) {
            bad++;
            u[w++] = 0xFFFD;
        } else if (u[i] != 0) {
            u[w++] = u[i];
        }
    }
    ulen = w;
    rc = izde_buf_grow(out, (size_t)ulen * 3);
    if (rc != IZDE_OK)
        goto out;
    int32_t n = 0;
    e = U_ZERO_ERROR;
    u_strToUTF8WithSub(out->p + out->len, (int32_t)(out->cap - out->len - 1), &n, u, ulen,
                       0xFFFD, NULL, &e);
    if (U_FAILURE(e)) {
        rc = IZDE_ERR_ICU;
        goto out;
    }
    out->len += (size_t)n;
    out->p[out->len] = '\0';
    if (nbad)
        *nbad = bad;
out:
    free(u);
    return rc;
}

/* ------------------------------------------------------------ UTF-16 */

/* Whether code unit c is something a text plausibly holds. */
static int plausible_unit(unsigned c)
{
    return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
           (c >= 0xA0 && c < 0x250) ||     /* Latin-1, Latin Extended */
           (c >= 0x400 && c < 0x530) ||    /* Cyrillic and its supplement */
           (c >= 0x2000 && c < 0x2070) ||  /* punctuation */
           c == 0x2116;                    /* numero sign */
}

/* The share (0..1000) of the units of s read in one byte order that are
 * plausible text. */
static unsigned utf16_score(const unsigned char *s, size_t len, int big_endian)
{
    size_t n = len / 2, good = 0;
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = big_endian ? (unsigned)(s[2 * i] << 8 | s[2 * i + 1])
                                : (unsigned)(s[2 * i + 1] << 8 | s[2 * i]);
        good += plausible_unit(c);
    }
    return (unsigned)(good * 1000 / n);
}

/* Counts valid multi-byte UTF-8 sequences and invalid bytes. */
static void utf8_census(const unsigned char *s, size_t len, size_t *good, size_t *bad)
{
    *good = *bad = 0;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t n = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
                 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
        size_t k = 1;
        while (n > 1 && k < n && i + k < len && (s[i + k] & 0xC0) == 0x80)
            k++;
        if (n == 1) {
            i++;
        } else if (n > 1 && k == n) {
            (*good)++;
            i += n;
        } else {
            (*bad)++;
            i++;
        }
    }
}

/* ------------------------------------------------------------ Cyrillic */

/* Letter frequencies of Russian text (per 10000), for а..я; Kyrgyz ң ө ү
 * and the letters of other Cyrillic alphabets get a modest share. */
static const unsigned short ru_freq[32] = {
    801, 159, 454, 170, 298, 845, 94, 165, 735, 121, 349, 440, 321, 670, 1097, 281,
    473, 547, 626, 262, 26, 97, 48, 144, 73, 36, 4, 190, 174, 32, 64, 201,
};

static double letter_logp(UChar32 lower)
{
    if (lower >= 0x430 && lower <= 0x44F)
        return log(ru_freq[lower - 0x430] / 10000.0 + 1e-4);
    if (lower == 0x451)                          /* ё */
        return log(0.002);
    if (lower == 0x4A3 || lower == 0x4E9 || lower == 0x4AF)   /* ң ө ү */
        return log(0.015);
    return log(0.001);
}

#define BAD_LOGP (-10.0)

/* Scores decoded text: the mean log-probability of its non-ASCII
 * characters, where a Cyrillic letter in a word of consistent case and
 * script scores its frequency and anything else scores BAD_LOGP.
 * OUT: *cyr_share, the share (0..1) of non-ASCII characters that were such
 * well-formed Cyrillic letters. */
static double cyrillic_score(const UChar *u, int32_t n, double *cyr_share)
{
    double sum = 0;
    size_t counted = 0, good = 0;
    int32_t i = 0;
    while (i < n) {
        UChar32 c;
        int32_t start = i;
        U16_NEXT(u, i, n, c);
        if (!u_isalpha(c)) {
            if (c >= 0x80) {
                sum += BAD_LOGP;
                counted++;
            }
            continue;
        }
        /* A word: letters up to the next non-letter. */
        int32_t end = i, nlower = 0, nupper = 0, nlatin = 0, ncyr = 0, nhigh = 0;
        int first_upper = u_isupper(c), case_ok = 1;
        UChar32 prev = 0;
        int32_t j = start;
        while (j < n) {
            UChar32 d;
            int32_t k = j;
            U16_NEXT(u, k, n, d);
            if (!u_isalpha(d))
                break;
            if (d >= 0x80)
                nhigh++;
            if (d >= 0x400 && d < 0x530)
                ncyr++;
            else if (d < 0x250)
                nlatin++;
            if (u_isupper(d)) {
                nupper++;
                if (prev && u_islower(prev))
                    case_ok = 0;    /* "пРИВЕТ", "пРиВеТ" */
            } else {
                nlower++;
            }
            prev = d;
            j = k;
        }
        end = j;
        /* Mixed case after the first letter is fine only as all capitals. */
        if (nupper > 1 && nlower > 0)
            case_ok = 0;
        if (nupper == 1 && !first_upper && nlower > 0)
            case_ok = 0;
        int pure = ncyr > 0 && nlatin == 0;
        for (int32_t p = start; p < end;) {
            UChar32 d;
            U16_NEXT(u, p, end, d);
            if (d < 0x80)
                continue;
            counted++;
            if (pure && case_ok && d >= 0x400 && d < 0x530) {
                sum += letter_logp(u_tolower(d));
                good++;
            } else {
                sum += BAD_LOGP;
            }
        }
        (void)nhigh;
        i = end;
    }
    *cyr_share = counted ? (double)good / (double)counted : 0;
    return counted ? sum / (double)counted : BAD_LOGP;
}

static izde_status_t decode_sample(const char *charset, const char *s, size_t len,
                                   UChar *u, int32_t ucap, int32_t *ulen)
{
    UErrorCode e = U_ZERO_ERROR;
    UConverter *cv = ucnv_open(charset, &e);
    if (U_FAILURE(e))
        return IZDE_ERR_ICU;
    *ulen = ucnv_toUChars(cv, u, ucap, s, (int32_t)len, &e);
    ucnv_close(cv);
    return U_FAILURE(e) ? IZDE_ERR_ICU : IZDE_OK;
}

/* ICU's best guess, or NULL. */
static const char *icu_guess(const char *s, size_t len)
{
    UErrorCode e = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&e);
    const char *name = NULL;
    ucsdet_setText(d, s, (int32_t)len, &e);
    const UCharsetMatch *m = ucsdet_detect(d, &e);
    if (U_SUCCESS(e) && m) {
        const char *n = ucsdet_getName(m, &e);
        if (U_SUCCESS(e) && n && ucsdet_getConfidence(m, &e) >= 10)
            name = izde_charset_canonical(n);
    }
    ucsdet_close(d);
    return name;
}

izde_status_t izde_charset_detect(const char *s, size_t len, const char **name, size_t *bom)
{
    const unsigned char *b = (const unsigned char *)s;
    *name = NULL;
    size_t dummy;
    if (!bom)
        bom = &dummy;
    *bom = 0;

    if (len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0) {
        *name = "UTF-8";
        *bom = 3;
        return IZDE_OK;
    }
    if (len >= 4 && memcmp(b, "\xFF\xFE\0\0", 4) == 0) {
        *name = "UTF-32LE";
        *bom = 4;
        return IZDE_OK;
    }
    if (len >= 4 && memcmp(b, "\0\0\xFE\xFF", 4) == 0) {
        *name = "UTF-32BE";
        *bom = 4;
        return IZDE_OK;
    }
    if (len >= 2 && (memcmp(b, "\xFF\xFE", 2) == 0 || memcmp(b, "\xFE\xFF", 2) == 0)) {
        *name = b[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        *bom = 2;
        return IZDE_OK;
    }

    size_t n = len < SAMPLE_MAX ? len : SAMPLE_MAX;
    /* UTF-16 without a mark has NUL bytes (ASCII) or control bytes
     * (0x04 of Cyrillic) in every other position. */
    size_t ctl = 0;
    for (size_t i = 0; i < n; i++)
        ctl += b[i] < 0x09 || (b[i] > 0x0D && b[i] < 0x20 && b[i] != 0x1B);
    if (n >= 2 && ctl * 8 >= n) {
        unsigned le = utf16_score(b, n, 0), be = utf16_score(b, n, 1);
        if (le >= 950 && le > be + 300) {
            *name = "UTF-16LE";
            return IZDE_OK;
        }
        if (be >= 950 && be > le + 300) {
            *name = "UTF-16BE";
            return IZDE_OK;
        }
    }
    if (memchr(s, '\0', n))
        return IZDE_ERR_ENCODING;
    /* Valid UTF-8, allowing a sequence cut at the end of the sample. */
    size_t first_bad = 0, nbad = izde_text_utf8_check(s, n, &first_bad);
    if (nbad == 0 || (n < len && nbad == 1 && first_bad + 4 > n)) {
        *name = "UTF-8";
        return IZDE_OK;
    }
    /* UTF-8 with a few broken bytes is UTF-8 to repair, not a legacy
     * charset: single-byte text almost never forms valid sequences. */
    size_t good_seq, bad_bytes;
    utf8_census(b, n, &good_seq, &bad_bytes);
    if (good_seq >= 4 && good_seq >= 4 * bad_bytes) {
        *name = "UTF-8";
        return IZDE_OK;
    }

    /* Single-byte: score each Cyrillic set, keep the most plausible. */
    UChar *u = malloc((n + 1) * sizeof(UChar));
    if (!u)
        return IZDE_ERR_NOMEM;
    const char *best = NULL;
    double best_score = -1e9, best_share = 0;
    for (const char *const *c = cyrillic_sets; *c; c++) {
        int32_t ulen = 0;
        if (decode_sample(*c, s, n, u, (int32_t)n + 1, &ulen) != IZDE_OK)
            continue;
        double share, score = cyrillic_score(u, ulen, &share);
        if (score > best_score) {
            best_score = score;
            best_share = share;
            best = *c;
        }
    }
    free(u);
    /* Most non-ASCII characters are letters of well-formed Cyrillic words:
     * the text is Cyrillic. Otherwise (Western European text, say) ICU
     * decides. */
    if (best && best_share >= 0.6) {
        *name = best;
        return IZDE_OK;
    }
    const char *g = icu_guess(s, n);
    *name = (g && strcmp(g, "UTF-8") != 0) ? g : "windows-1252";
    return IZDE_OK;
}
