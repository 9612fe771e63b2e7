/* test_langid.c - language identification on team-written sentences, pure, mixed and short. */
#include <stdlib.h>
#include "analysis/analyze.h"
#include "common/buf.h"
#include "harness.h"
#include "text/langid.h"

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

int main(void)
{
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
