/* stemmer.c - the language table and the buffer handling shared by all stemmers. */
#include "stemmers/stemmer.h"
#include "stemmers/stemmer_impl.h"

#include <stdlib.h>
#include <string.h>

/* Longer words are not natural-language words (URLs, hashes, glued PDF
 * text); they pass through unstemmed. */
#define IZDE_STEM_MAX_BYTES 128

struct lang_entry {
    const char *names[4]; /* canonical code first, NULL-terminated */
    izde_stem_fn stem;
    izde_root_fn root;
    const unsigned *version;
};

static const struct lang_entry languages[] = {
    { { "ky", "kir", "kyrgyz", NULL }, izde_ky_stem, izde_ky_root, &izde_ky_version },
    { { "ru", "rus", "russian", NULL }, izde_ru_stem, izde_ru_root, &izde_ru_version },
};

#define N_LANGUAGES (sizeof(languages) / sizeof(languages[0]))

struct izde_stemmer {
    const struct lang_entry *lang;
    struct izde_stem_buf buf;
};

izde_status_t izde_stemmer_new(const char *lang, izde_stemmer_t **out)
{
    *out = NULL;
    if (!lang)
        return IZDE_ERR_INVALID;
    for (size_t i = 0; i < N_LANGUAGES; i++) {
        for (const char *const *n = languages[i].names; *n; n++) {
            if (strcmp(*n, lang) != 0)
                continue;
            izde_stemmer_t *st = calloc(1, sizeof(*st));
            if (!st)
                return IZDE_ERR_NOMEM;
            st->lang = &languages[i];
            st->buf.cap = 64;
            st->buf.p = malloc(st->buf.cap);
            if (!st->buf.p) {
                free(st);
                return IZDE_ERR_NOMEM;
            }
            st->buf.p[0] = '\0';
            *out = st;
            return IZDE_OK;
        }
    }
    return IZDE_ERR_UNSUPPORTED;
}

size_t izde_stemmer_root(const char *lang, const char *stem, size_t len)
{
    for (size_t i = 0; lang && i < N_LANGUAGES; i++)
        for (const char *const *n = languages[i].names; *n; n++)
            if (strcmp(*n, lang) == 0)
                return languages[i].root(stem, len);
    return len;
}

void izde_stemmer_free(izde_stemmer_t *st)
{
    if (!st)
        return;
    free(st->buf.p);
    free(st);
}

const char *izde_stemmer_stem(izde_stemmer_t *st, const char *word, size_t len,
                              size_t *stem_len)
{
    struct izde_stem_buf *b = &st->buf;
    if (len + 1 > b->cap) {
        size_t cap = b->cap;
        while (cap < len + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p)
            return NULL;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p, word, len);
    b->p[len] = '\0';
    b->len = len;
    if (len > 0 && len <= IZDE_STEM_MAX_BYTES && st->lang->stem(b) != 0)
        return NULL;
    *stem_len = b->len;
    return b->p;
}

unsigned izde_stemmer_version(const izde_stemmer_t *st)
{
    return *st->lang->version;
}

const char *izde_stemmer_lang(const izde_stemmer_t *st)
{
    return st->lang->names[0];
}

const char *const *izde_stemmer_languages(void)
{
    static const char *codes[N_LANGUAGES + 1];
    for (size_t i = 0; i < N_LANGUAGES; i++)
        codes[i] = languages[i].names[0];
    codes[N_LANGUAGES] = NULL;
    return codes;
}
