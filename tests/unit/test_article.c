/* test_article.c - the article reader's author-name normaliser and label detection. */
#include "extract/article.h"
#include "harness.h"

/* name(s): the normalised name, "" when s is not a name. */
static struct izde_buf b;

static const char *name(const char *s)
{
    izde_buf_clear(&b);
    int rc = izde_article_author_name(s, strlen(s), &b);
    return rc == 1 ? b.p : "";
}

static void test_names(void)
{
    /* Every printed style reads as surname + initials. */
    CHECK_STR(name("Осмонов К.Т."), "Осмонов К.Т.");
    CHECK_STR(name("Осмонов К. Т."), "Осмонов К.Т.");
    CHECK_STR(name("К.Т. Осмонов"), "Осмонов К.Т.");
    CHECK_STR(name("К. Т. Осмонов"), "Осмонов К.Т.");
    CHECK_STR(name("К.Т.Осмонов"), "Осмонов К.Т.");
    CHECK_STR(name("Осмонов Канат Токтогулович"), "Осмонов К.Т.");
    CHECK_STR(name("ОСМОНОВ К.Т."), "Осмонов К.Т.");
    CHECK_STR(name("Үсөнов Д.М."), "Үсөнов Д.М.");
    CHECK_STR(name("Шер-Нияз С.А."), "Шер-Нияз С.А.");
    CHECK_STR(name("Osmonov K.T."), "Osmonov K.T.");
    /* Superscript marks and asterisks are not part of the name. */
    CHECK_STR(name("Сыдыкова Д.Б.1"), "Сыдыкова Д.Б.");
    CHECK_STR(name("Сыдыкова Д.Б.1,2"), "Сыдыкова Д.Б.");
    CHECK_STR(name("Сыдыкова Д.Б.*"), "Сыдыкова Д.Б.");
    CHECK_STR(name("Сыдыкова Д.Б.¹"), "Сыдыкова Д.Б.");
    /* Russian order: first name, patronymic, surname. */
    CHECK_STR(name("Мария Петровна Иванова"), "Иванова М.П.");
    /* Kyrgyz patronymics: "Бакыт кызы", "Асан уулу". */
    CHECK_STR(name("Асанова Айгүл Бакыт кызы"), "Асанова А.Б.");
    CHECK_STR(name("Токтогулов Нурлан Асан уулу"), "Токтогулов Н.А.");
    /* Not names: titles, sentences, words in capitals, a bare surname. */
    CHECK_STR(name("Centerra Gold Inc."), "");
    CHECK_STR(name("Встречаются и иные мотивы совершения"), "");
    CHECK_STR(name("КЫРГЫЗСТАНДА ӨЗҮН ЖАРДЫРУУГА"), "");
    CHECK_STR(name("Осмонов"), "");
    CHECK_STR(name("1 Осмонов К.Т."), "");
    CHECK_STR(name("Ош мамлекеттик университети"), "");
    CHECK_STR(name(""), "");
}

static enum izde_art_label label(const char *s, enum izde_art_lang *lang, const char **rest)
{
    size_t off = 0;
    enum izde_art_label l = izde_article_label(s, strlen(s), lang, &off);
    if (rest)
        *rest = s + off;
    return l;
}

static void test_labels(void)
{
    enum izde_art_lang lang;
    const char *rest;
    CHECK_INT(label("Негизги сөздөр: мектеп, окуучу.", &lang, &rest), IZDE_ART_LABEL_KEYWORDS);
    CHECK_INT(lang, IZDE_ART_KY);
    CHECK_STR(rest, "мектеп, окуучу.");
    CHECK_INT(label("Ключевые слова – школа", &lang, &rest), IZDE_ART_LABEL_KEYWORDS);
    CHECK_INT(lang, IZDE_ART_RU);
    CHECK_STR(rest, "школа");
    CHECK_INT(label("KEYWORDS: school", &lang, &rest), IZDE_ART_LABEL_KEYWORDS);
    CHECK_INT(lang, IZDE_ART_EN);
    CHECK_INT(label("Key words: school", &lang, NULL), IZDE_ART_LABEL_KEYWORDS);
    /* A no-break space inside the label: the rest starts after it all the same. */
    CHECK_INT(label("Ключевые\xc2\xa0слова:\xc2\xa0школа", &lang, &rest), IZDE_ART_LABEL_KEYWORDS);
    CHECK_STR(rest, "школа");
    /* "Аннотация" is Kyrgyz and Russian: the label does not tell. */
    CHECK_INT(label("Аннотация. Макалада", &lang, &rest), IZDE_ART_LABEL_ABSTRACT);
    CHECK_INT(lang, IZDE_ART_NLANG);
    CHECK_STR(rest, "Макалада");
    CHECK_INT(label("АННОТАЦИЯ", &lang, NULL), IZDE_ART_LABEL_ABSTRACT);
    CHECK_INT(label("Abstract: The article", &lang, &rest), IZDE_ART_LABEL_ABSTRACT);
    CHECK_INT(lang, IZDE_ART_EN);
    CHECK_STR(rest, "The article");
    CHECK_INT(label("УДК 37.015.3", NULL, &rest), IZDE_ART_LABEL_UDC);
    CHECK_STR(rest, "37.015.3");
    CHECK_INT(label("UDC: 378.147", NULL, &rest), IZDE_ART_LABEL_UDC);
    CHECK_STR(rest, "378.147");
    CHECK_INT(label("DOI: 10.33514/1694-3311-2021-3-68", NULL, NULL), IZDE_ART_LABEL_DOI);
    CHECK_INT(label("DOI: https://doi.org/10.1/x", NULL, NULL), IZDE_ART_LABEL_DOI);
    /* Reference headers are whole lines. */
    CHECK_INT(label("Адабияттар", NULL, NULL), IZDE_ART_LABEL_REFERENCES);
    CHECK_INT(label("Колдонулган адабияттар:", NULL, NULL), IZDE_ART_LABEL_REFERENCES);
    CHECK_INT(label("Список литературы", NULL, NULL), IZDE_ART_LABEL_REFERENCES);
    CHECK_INT(label("СПИСОК ЛИТЕРАТУРЫ", NULL, NULL), IZDE_ART_LABEL_REFERENCES);
    CHECK_INT(label("References", NULL, NULL), IZDE_ART_LABEL_REFERENCES);
    CHECK_INT(label("Литература по теме урока была", NULL, NULL), IZDE_ART_LABEL_NONE);
    /* Words that only start like a label are not one. */
    CHECK_INT(label("Аннотациялар жазылат", NULL, NULL), IZDE_ART_LABEL_NONE);
    CHECK_INT(label("Abstraction is", NULL, NULL), IZDE_ART_LABEL_NONE);
    CHECK_INT(label("Удкандын сөзү", NULL, NULL), IZDE_ART_LABEL_NONE);
    CHECK_INT(label("Doing well", NULL, NULL), IZDE_ART_LABEL_NONE);
    CHECK_INT(label("Мугалим жана мектеп", NULL, NULL), IZDE_ART_LABEL_NONE);
    CHECK_INT(label("", NULL, NULL), IZDE_ART_LABEL_NONE);
}

/* Reading, twice into the same struct: nothing leaks, nothing is left over. */
static void test_read(void)
{
    struct izde_article a;
    izde_article_init(&a);
    const char *t = "Журнал, 2020, № 1\nУДК 37\nТЕМА\nАсанов А.А.\nАннотация. Текст.\n"
                    "Негизги сөздөр: бир, эки.\n";
    CHECK_INT(izde_article_read(t, strlen(t), &a), IZDE_OK);
    CHECK_STR(a.udc, "37");
    CHECK_INT(a.nauthors, 1);
    CHECK_INT(a.nkeywords[IZDE_ART_KY], 2);
    const char *u = "Жөн эле текст.\n";
    CHECK_INT(izde_article_read(u, strlen(u), &a), IZDE_OK);
    CHECK(a.udc == NULL);
    CHECK_INT(a.nauthors, 0);
    CHECK_INT(a.nkeywords[IZDE_ART_KY], 0);
    CHECK_INT(izde_article_read(NULL, 0, &a), IZDE_ERR_INVALID);
    izde_article_release(&a);
}

int main(void)
{
    test_names();
    test_labels();
    test_read();
    izde_buf_release(&b);
    return harness_finish();
}
