/* test_stem.c - the stemmer of each language (analysis/stem): who stems what, and what the index records of it. */
#include <string.h>
#include "analysis/stem.h"
#include "harness.h"
#include "stemmers/stemmer.h"

/* Expects word to stem to want in lang. */
static void check_stem(izde_lang_stemmer_t *st, const char *word, const char *want)
{
    size_t n = 0;
    const char *s = st ? izde_lang_stemmer_stem(st, word, strlen(word), &n) : NULL;
    CHECK_STRN(s, n, want);
}

int main(void)
{
    izde_lang_stemmer_t *ky = NULL, *ru = NULL, *en = NULL, *other = (izde_lang_stemmer_t *)1;
    CHECK_INT(izde_lang_stemmer_new(IZDE_LANG_KY, &ky), IZDE_OK);
    CHECK_INT(izde_lang_stemmer_new(IZDE_LANG_RU, &ru), IZDE_OK);
    CHECK_INT(izde_lang_stemmer_new(IZDE_LANG_EN, &en), IZDE_OK);
    CHECK_INT(izde_lang_stemmer_new(IZDE_LANG_OTHER, &other), IZDE_ERR_UNSUPPORTED);
    CHECK(other == NULL);

    /* Kyrgyz and Russian are our rules: the same stems as stemmers/ gives. */
    static const char *const ky_words[] = { "мектептерибиздин", "окуучулар", "китепке" };
    static const char *const ru_words[] = { "учителями", "школах", "образования" };
    izde_stemmer_t *own = NULL;
    CHECK_INT(izde_stemmer_new("ky", &own), IZDE_OK);
    for (size_t i = 0; own && i < 3; i++) {
        size_t n;
        const char *want = izde_stemmer_stem(own, ky_words[i], strlen(ky_words[i]), &n);
        check_stem(ky, ky_words[i], want);
        CHECK(n < strlen(ky_words[i]));   /* the rules did stem it */
    }
    izde_stemmer_free(own);
    own = NULL;
    CHECK_INT(izde_stemmer_new("ru", &own), IZDE_OK);
    for (size_t i = 0; own && i < 3; i++) {
        size_t n;
        const char *want = izde_stemmer_stem(own, ru_words[i], strlen(ru_words[i]), &n);
        check_stem(ru, ru_words[i], want);
        CHECK(n < strlen(ru_words[i]));
    }
    izde_stemmer_free(own);

    /* English is Snowball's (Porter 2): our rules would pass Latin through. */
    check_stem(en, "teachers", "teacher");
    check_stem(en, "running", "run");
    check_stem(en, "literacy", "literaci");
    check_stem(en, "", "");

    /* What the analysis version names them by. */
    char want[16];
    own = NULL;
    CHECK_INT(izde_stemmer_new("ky", &own), IZDE_OK);
    snprintf(want, sizeof(want), "%u", own ? izde_stemmer_version(own) : 0u);
    izde_stemmer_free(own);
    CHECK_STR(ky ? izde_lang_stemmer_version(ky) : NULL, want);
    CHECK_STR(en ? izde_lang_stemmer_version(en) : NULL, "snowball");

    izde_lang_stemmer_free(ky);
    izde_lang_stemmer_free(ru);
    izde_lang_stemmer_free(en);
    izde_lang_stemmer_free(NULL);
    return harness_finish();
}
