/* test_cite.c - a record as BibTeX, RIS and CSL-JSON (searcher/cite), each format's escaping, a record without article fields, and the field readers (searcher/fields) they use. */
#include <string.h>
#include "common/buf.h"
#include "harness.h"
#include "searcher/cite.h"
#include "searcher/fields.h"

static void set(const char **s, size_t *len, const char *v)
{
    *s = v;
    *len = strlen(v);
}

/* A journal article with every field, its title printed on two lines. */
static void make_article(struct izde_docdata *d)
{
    memset(d, 0, sizeof(*d));
    set(&d->path, &d->path_len, "/lib/Вестник 3/art.pdf");
    set(&d->title, &d->title_len, "Мектептеги\nинновациялар");
    set(&d->authors, &d->authors_len, "Асанова Г.Т.\nOsmonov K.T.");
    set(&d->year, &d->year_len, "2021");
    set(&d->journal, &d->journal_len, "Вестник КНУ");
    set(&d->issue, &d->issue_len, "3");
    set(&d->pages, &d->pages_len, "113-119");
    set(&d->doi, &d->doi_len, "10.1000/ab_c");
    set(&d->udc, &d->udc_len, "37.015");
    set(&d->keywords, &d->keywords_len, "инновация\nмектеп");
    set(&d->abstract, &d->abstract_len, "Кыскача.");
    set(&d->lang, &d->lang_len, "ky");
}

static void test_article(void)
{
    struct izde_docdata d;
    struct izde_buf out = IZDE_BUF_INIT;
    make_article(&d);
    CHECK_INT(sr_cite(&out, SR_CITE_BIBTEX, &d, "izde5"), IZDE_OK);
    CHECK_STRN(out.p, out.len,
               "@article{izde5,\n"
               "  title = {Мектептеги инновациялар},\n"
               "  author = {Асанова, Г.Т. and Osmonov, K.T.},\n"
               "  journal = {Вестник КНУ},\n"
               "  year = {2021},\n"
               "  number = {3},\n"
               "  pages = {113--119},\n"
               "  doi = {10.1000/ab_c},\n"
               "  keywords = {инновация, мектеп},\n"
               "  abstract = {Кыскача.},\n"
               "  udc = {37.015},\n"
               "  language = {ky},\n"
               "  url = {file:///lib/%D0%92%D0%B5%D1%81%D1%82%D0%BD%D0%B8%D0%BA%203/art.pdf}\n"
               "}\n");
    izde_buf_clear(&out);
    CHECK_INT(sr_cite(&out, SR_CITE_RIS, &d, "izde5"), IZDE_OK);
    CHECK_STRN(out.p, out.len,
               "TY  - JOUR\n"
               "ID  - izde5\n"
               "TI  - Мектептеги инновациялар\n"
               "AU  - Асанова, Г.Т.\n"
               "AU  - Osmonov, K.T.\n"
               "PY  - 2021\n"
               "T2  - Вестник КНУ\n"
               "IS  - 3\n"
               "SP  - 113\n"
               "EP  - 119\n"
               "DO  - 10.1000/ab_c\n"
               "KW  - инновация\n"
               "KW  - мектеп\n"
               "AB  - Кыскача.\n"
               "CN  - 37.015\n"
               "LA  - ky\n"
               "UR  - file:///lib/%D0%92%D0%B5%D1%81%D1%82%D0%BD%D0%B8%D0%BA%203/art.pdf\n"
               "ER  - \n");
    izde_buf_clear(&out);
    CHECK_INT(sr_cite(&out, SR_CITE_CSL_JSON, &d, "izde5"), IZDE_OK);
    CHECK_STRN(
        out.p, out.len,
        "{\"id\":\"izde5\",\"type\":\"article-journal\",\"title\":\"Мектептеги инновациялар\","
        "\"author\":[{\"family\":\"Асанова\",\"given\":\"Г.Т.\"},"
        "{\"family\":\"Osmonov\",\"given\":\"K.T.\"}],"
        "\"issued\":{\"date-parts\":[[2021]]},\"container-title\":\"Вестник КНУ\","
        "\"issue\":\"3\",\"page\":\"113-119\",\"DOI\":\"10.1000/ab_c\","
        "\"keyword\":\"инновация, мектеп\",\"abstract\":\"Кыскача.\","
        "\"call-number\":\"37.015\",\"language\":\"ky\","
        "\"URL\":\"file:///lib/%D0%92%D0%B5%D1%81%D1%82%D0%BD%D0%B8%D0%BA%203/art.pdf\"}");
    izde_buf_release(&out);
}

/* What each format must escape: LaTeX's specials and unbalanced braces
 * in BibTeX, quotes and controls in JSON, line breaks everywhere. */
static void test_escaping(void)
{
    struct izde_docdata d;
    struct izde_buf out = IZDE_BUF_INIT;
    make_article(&d);
    set(&d.title, &d.title_len, "50% & {a_b} #1 $x\\y ~^\t\"q\"\r\nend");
    set(&d.doi, &d.doi_len, "10.1/{x}");
    d.abstract_len = d.keywords_len = d.udc_len = d.lang_len = 0;
    d.authors_len = d.journal_len = d.issue_len = d.pages_len = d.year_len = 0;
    CHECK_INT(sr_cite(&out, SR_CITE_BIBTEX, &d, "k"), IZDE_OK);
    CHECK(strstr(out.p,
                 "  title = {50\\% \\& \\textbraceleft{}a\\_b\\textbraceright{} \\#1 "
                 "\\$x\\textbackslash{}y \\textasciitilde{}\\textasciicircum{} \"q\" end},\n") !=
          NULL);
    CHECK(strstr(out.p, "  doi = {10.1/%7Bx%7D},\n") != NULL);
    izde_buf_clear(&out);
    CHECK_INT(sr_cite(&out, SR_CITE_RIS, &d, "k"), IZDE_OK);
    CHECK(strstr(out.p, "\nTI  - 50% & {a_b} #1 $x\\y ~^ \"q\" end\n") != NULL);
    izde_buf_clear(&out);
    CHECK_INT(sr_cite(&out, SR_CITE_CSL_JSON, &d, "k"), IZDE_OK);
    CHECK(strstr(out.p, "\"title\":\"50% & {a_b} #1 $x\\\\y ~^ \\\"q\\\" end\"") != NULL);
    izde_buf_release(&out);
}

/* An old record, or a plain file: a citation of its file name and path. */
static void test_plain(void)
{
    struct izde_docdata d;
    struct izde_buf out = IZDE_BUF_INIT;
    memset(&d, 0, sizeof(d));
    set(&d.path, &d.path_len, "/lib/notes.txt");
    set(&d.title, &d.title_len, "");
    CHECK_INT(sr_cite(&out, SR_CITE_BIBTEX, &d, "izde1"), IZDE_OK);
    CHECK_STRN(out.p, out.len,
               "@misc{izde1,\n  title = {notes.txt},\n  url = {file:///lib/notes.txt}\n}\n");
    izde_buf_clear(&out);
    CHECK_INT(sr_cite(&out, SR_CITE_RIS, &d, "izde1"), IZDE_OK);
    CHECK_STRN(out.p, out.len,
               "TY  - GEN\nID  - izde1\nTI  - notes.txt\nUR  - file:///lib/notes.txt\nER  - \n");
    izde_buf_clear(&out);
    set(&d.title, &d.title_len, "Эскертүүлөр");
    set(&d.path, &d.path_len, "rel dir/n.txt");
    CHECK_INT(sr_cite(&out, SR_CITE_CSL_JSON, &d, "izde1"), IZDE_OK);
    CHECK_STRN(out.p, out.len,
               "{\"id\":\"izde1\",\"type\":\"document\",\"title\":\"Эскертүүлөр\","
               "\"URL\":\"rel%20dir/n.txt\"}");
    izde_buf_release(&out);
}

static void test_fields(void)
{
    struct izde_docdata d;
    unsigned first, last;
    memset(&d, 0, sizeof(d));
    static const struct {
        const char *pages;
        int ok;
        unsigned first, last;
    } cases[] = {
        { "12-19", 1, 12, 19 },
        { "113", 1, 113, 113 },
        { "12\xE2\x80\x93"
          "19",
          1, 12, 19 },
        { "19-12", 0, 0, 0 },
        { "12-", 0, 0, 0 },
        { "xii", 0, 0, 0 },
        { "1234567", 0, 0, 0 },
        { "12 - 19", 0, 0, 0 },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        set(&d.pages, &d.pages_len, cases[i].pages);
        CHECK_INT(sr_field_pages(&d, &first, &last), cases[i].ok);
        CHECK_INT(first, cases[i].first);
        CHECK_INT(last, cases[i].last);
    }
    d.pages = NULL;
    CHECK_INT(sr_field_pages(&d, &first, &last), 0);
    set(&d.year, &d.year_len, "2021");
    CHECK_INT(sr_field_year(&d), 2021);
    set(&d.year, &d.year_len, "21");
    CHECK_INT(sr_field_year(&d), 0);
    set(&d.year, &d.year_len, "20x1");
    CHECK_INT(sr_field_year(&d), 0);

    const char *list = "\nА\r\n\nБ В", *item, *given;
    size_t at = 0, len, family_len, given_len;
    CHECK(sr_field_next(list, strlen(list), &at, &item, &len));
    CHECK_STRN(item, len, "А");
    CHECK(sr_field_next(list, strlen(list), &at, &item, &len));
    CHECK_STRN(item, len, "Б В");
    CHECK(!sr_field_next(list, strlen(list), &at, &item, &len));
    CHECK(!sr_field_next(NULL, 0, &at, &item, &len));

    sr_field_name("Асанова Г.Т.", strlen("Асанова Г.Т."), &family_len, &given, &given_len);
    CHECK_INT(family_len, strlen("Асанова"));
    CHECK_STRN(given, given_len, "Г.Т.");
    sr_field_name("Платон", strlen("Платон"), &family_len, &given, &given_len);
    CHECK_INT(family_len, strlen("Платон"));
    CHECK_INT(given_len, 0);
}

int main(void)
{
    test_article();
    test_escaping();
    test_plain();
    test_fields();
    return harness_finish();
}
