/* stem.c - the stemmer of each language: Kyrgyz and Russian by our rules, English by Xapian's Snowball. */
#include "analysis/stem.h"

#include <stdio.h>
#include <stdlib.h>
#include "index/xapian_binding.h"
#include "stemmers/stemmer.h"

enum engine {
    ENGINE_IZDE,       /* stemmers/: tables over libc */
    ENGINE_SNOWBALL,   /* the binding: Xapian's built-in Snowball */
};

/* One row a language that has a stemmer; name is what the engine calls it.
 * English has no rules of our own: Xapian's Snowball English serves it
 * (since analysis version 2). A change of row changes the terms, so it
 * needs a new analysis version (analysis/analyze.c). */
static const struct {
    enum izde_lang lang;
    enum engine engine;
    const char *name;
} languages[] = {
    { IZDE_LANG_KY, ENGINE_IZDE, "ky" },
    { IZDE_LANG_RU, ENGINE_IZDE, "ru" },
    { IZDE_LANG_EN, ENGINE_SNOWBALL, "english" },
};

struct izde_lang_stemmer {
    izde_stemmer_t *izde;       /* one of the two is set */
    izde_xstem_t *snowball;
    char version[16];
};

izde_status_t izde_lang_stemmer_new(enum izde_lang lang, izde_lang_stemmer_t **out)
{
    *out = NULL;
    for (size_t i = 0; i < sizeof(languages) / sizeof(languages[0]); i++) {
        if (languages[i].lang != lang)
            continue;
        izde_lang_stemmer_t *st = calloc(1, sizeof(*st));
        if (!st)
            return IZDE_ERR_NOMEM;
        izde_status_t rc;
        if (languages[i].engine == ENGINE_IZDE) {
            rc = izde_stemmer_new(languages[i].name, &st->izde);
            if (rc == IZDE_OK)
                snprintf(st->version, sizeof(st->version), "%u",
                         izde_stemmer_version(st->izde));
        } else {
            rc = izde_xstem_new(languages[i].name, &st->snowball);
            snprintf(st->version, sizeof(st->version), "snowball");
        }
        if (rc != IZDE_OK) {
            izde_lang_stemmer_free(st);
            return rc;
        }
        *out = st;
        return IZDE_OK;
    }
    return IZDE_ERR_UNSUPPORTED;
}

void izde_lang_stemmer_free(izde_lang_stemmer_t *st)
{
    if (!st)
        return;
    izde_stemmer_free(st->izde);
    izde_xstem_free(st->snowball);
    free(st);
}

const char *izde_lang_stemmer_stem(izde_lang_stemmer_t *st, const char *word, size_t len,
                                   size_t *stem_len)
{
    return st->izde ? izde_stemmer_stem(st->izde, word, len, stem_len)
                    : izde_xstem_stem(st->snowball, word, len, stem_len);
}

const char *izde_lang_stemmer_version(const izde_lang_stemmer_t *st)
{
    return st->version;
}
