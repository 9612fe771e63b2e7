/* test_langid.c - language identification on team-written sentences, pure, mixed and short. */
#include <stdlib.h>
#include "analysis/analyze.h"
#include "common/buf.h"
#include "harness.h"
#include "text/langid.h"
#include "text/langid_model.h"

static void check_lang(const char *text, enum izde_lang want)
{
    double conf;
    enum izde_lang got = izde_langid_guess(text, strlen(text), &conf);
    if (got != want)
        fprintf(stderr, "langid: '%s' -> %s\n", text, izde_lang_code(got));
    CHECK_INT(got, want);
}

/* Counts the stems of each language the analyser makes of text. */
static int count_stems(const struct izde_term *t, void *closure)
{
    int *n = closure;
    if (t->kind == IZDE_TERM_STEM)
        n[t->lang]++;
    return 0;
}

/* Every trigram of the model is found with its own log-probabilities
 * (langid.c finds them by hash), and trigrams it lacks get the floor. */
static void check_model_lookup(void)
{
    static const enum izde_lang cols[LANGID_MODEL_LANGS] = { IZDE_LANG_KY, IZDE_LANG_RU,
                                                             IZDE_LANG_EN };
    const uint32_t mask = (1u << 21) - 1;
    int wrong = 0;
    for (size_t i = 0; i < sizeof(langid_ngrams) / sizeof(langid_ngrams[0]); i++) {
        uint64_t k = langid_ngrams[i].key;
        uint32_t a = (uint32_t)(k >> 42), b = (uint32_t)(k >> 21) & mask, c = (uint32_t)k & mask;
        for (int l = 0; l < LANGID_MODEL_LANGS; l++)
            wrong += izde_langid_trigram_logp(a, b, c, cols[l]) != langid_ngrams[i].logp[l];
    }
    CHECK_INT(wrong, 0);
    /* "qqq" and three Arabic letters are in no model. */
    CHECK(izde_langid_trigram_logp('q', 'q', 'q', IZDE_LANG_KY) == langid_floor[0]);
    CHECK(izde_langid_trigram_logp(0x628, 0x628, 0x628, IZDE_LANG_EN) == langid_floor[2]);
}

int main(void)
{
    check_model_lookup();
    /* Pure sentences, including Kyrgyz without ң, ө, ү. */
    check_lang("Мугалимдер жаңы окуу китептерин алышты.", IZDE_LANG_KY);
    check_lang("Бала китепти окуп жатат жана мектепке барат.", IZDE_LANG_KY);
    check_lang("Биздин айылда жаш адистер аз калды.", IZDE_LANG_KY);
    check_lang("Учитель объяснил новую тему ученикам.", IZDE_LANG_RU);
    check_lang("В статье рассматривается роль школьной библиотеки.", IZDE_LANG_RU);
    check_lang("The library is open every day except Sunday.", IZDE_LANG_EN);
    /* Latin names inside Russian stay Russian. */
    check_lang("Компания Microsoft выпустила новую версию Windows для школ.", IZDE_LANG_RU);
    /* No letters at all. */
    check_lang("2023 — 45 %", IZDE_LANG_OTHER);
    check_lang("", IZDE_LANG_OTHER);
    check_lang("数学的教学方法研究", IZDE_LANG_OTHER);

    /* A paragraph that switches language between sentences: each sentence
     * is stemmed in its own language; a short fragment inherits. */
    izde_analyzer_t *a;
    char *err;
    CHECK_INT(izde_analyzer_new(&a, &err), IZDE_OK);
    const char *mixed = "Мугалимдердин кесиптик даярдыгы жакшырды деп айтууга болот. "
                        "Учителя проходят курсы повышения квалификации каждый год. "
                        "Teachers also learn from each other in school networks.";
    int n[IZDE_LANG_COUNT] = { 0 };
    uint32_t pos = 0;
    CHECK_INT(izde_analyze_text(a, mixed, strlen(mixed), &pos, NULL, count_stems, n), IZDE_OK);
    CHECK(n[IZDE_LANG_KY] >= 7);   /* Kyrgyz stems and F terms of the first */
    CHECK(n[IZDE_LANG_RU] >= 7);
    CHECK(n[IZDE_LANG_EN] >= 7);

    /* "Ключевые слова:" on its own line-paragraph follows a Russian one. */
    const char *frag = "Статья посвящена подготовке учителей в университетах страны.\n\n"
                       "Ключевые слова: школа.";
    int m[IZDE_LANG_COUNT] = { 0 };
    pos = 0;
    CHECK_INT(izde_analyze_text(a, frag, strlen(frag), &pos, NULL, count_stems, m), IZDE_OK);
    CHECK_INT(m[IZDE_LANG_KY], 0);
    izde_analyzer_free(a);
    return harness_finish();
}
