/* test_render.c - izde-search's renderers (searcher/render): text, colour, JSON, TREC and citations from hand-made pages. */
#include <string.h>
#include "common/buf.h"
#include "harness.h"
#include "searcher/render.h"

/* A page of two hits as izde_session_search returns it: ranks 1 and 2, the
 * second partial, snippets marked with the default marks. */
static struct izde_session_hit hits[2];

static void make_page(struct izde_session_page *p)
{
    *p = (struct izde_session_page)IZDE_SESSION_PAGE_INIT;
    p->query = "мектеп китеп";
    p->query_len = strlen(p->query);
    for (int i = 0; i < 2; i++) {
        izde_buf_release(&hits[i].snippet);
        memset(&hits[i], 0, sizeof(hits[i]));
    }
    hits[0] = (struct izde_session_hit){ .rank = 1, .score = 4.39999, .docid = 7 };
    hits[0].dd.path = "/corpus/ky school.txt";
    hits[0].dd.path_len = strlen(hits[0].dd.path);
    hits[0].dd.title = "Мектеп\nкитепканасы";      /* a newline from the file */
    hits[0].dd.title_len = strlen(hits[0].dd.title);
    hits[0].dd.lang = "ky";
    hits[0].dd.lang_len = 2;
    hits[0].dd.encoding = "UTF-8";
    hits[0].dd.encoding_len = 5;
    izde_buf_adds(&hits[0].snippet, "\x01Мектеп\x02 жана \x01китеп\x02…");
    hits[1] = (struct izde_session_hit){ .rank = 2, .score = 0.5, .partial = 1, .docid = 9 };
    hits[1].dd.path = "/corpus/b.txt";
    hits[1].dd.path_len = strlen(hits[1].dd.path);
    hits[1].dd.title = "B";
    hits[1].dd.title_len = 1;
    izde_buf_adds(&hits[1].snippet, "a \\ \x01" "b\x02");
    p->hits = hits;
    p->n = 2;
    p->counts = (struct sr_counts){ { 1, 1 }, { 1, 1 } };
}

static void test_text(void)
{
    struct izde_session_page p;
    struct izde_buf out = IZDE_BUF_INIT;
    struct sr_render_opts o = { 0 };
    make_page(&p);
    CHECK_INT(sr_render_text(&out, &p, &o), IZDE_OK);
    CHECK_STRN(out.p, out.len,
               "2 results (1 complete, 1 partial)\n"
               "\n1. Мектеп\\x0aкитепканасы\n"
               "   /corpus/ky school.txt  score 4.400\n"
               "   [Мектеп] жана [китеп]…\n"
               "\n2. B  (partial match)\n"
               "   /corpus/b.txt  score 0.500\n"
               "   a \\\\ [b]\n");

    /* --all: no partial counts; colour: bold title and matches. */
    izde_buf_clear(&out);
    o = (struct sr_render_opts){ .all_only = 1, .color = 1 };
    p.n = 1;
    p.counts = (struct sr_counts){ { 1, 1 }, { 0, 1 } };
    CHECK_INT(sr_render_text(&out, &p, &o), IZDE_OK);
    CHECK_STRN(out.p, out.len,
               "1 result\n"
               "\n1. \033[1mМектеп\\x0aкитепканасы\033[0m\n"
               "   /corpus/ky school.txt  score 4.400\n"
               "   \033[1mМектеп\033[0m жана \033[1mкитеп\033[0m…\n");

    /* Estimates say "about", and counts get thousands separators. */
    izde_buf_clear(&out);
    o = (struct sr_render_opts){ 0 };
    p.counts = (struct sr_counts){ { 1000, 0 }, { 234567, 1 } };
    p.n = 0;
    CHECK_INT(sr_render_text(&out, &p, &o), IZDE_OK);
    CHECK_STRN(out.p, out.len,
               "about 235,567 results (about 1,000 complete, 234,567 partial)\nno results\n");

    /* Nothing found: the suggestion, escaped; the explanation first. */
    izde_buf_clear(&out);
    p.counts = (struct sr_counts){ { 0, 1 }, { 0, 1 } };
    izde_buf_adds(&p.suggestion, "олимпиада\x1b");
    izde_buf_adds(&p.explain, "word 'x': x\n");
    o.explain = 1;
    CHECK_INT(sr_render_text(&out, &p, &o), IZDE_OK);
    CHECK_STRN(out.p, out.len, "word 'x': x\nno results\ndid you mean: олимпиада\\x1b\n");
    izde_buf_release(&p.suggestion);
    izde_buf_release(&p.explain);
    izde_buf_release(&out);
}

static void test_json(void)
{
    struct izde_session_page p;
    struct izde_buf out = IZDE_BUF_INIT;
    struct sr_render_opts o = { 0 };
    make_page(&p);
    CHECK_INT(sr_render_json(&out, &p, &o), IZDE_OK);
    /* Highlights are byte ranges into the unmarked snippet: "Мектеп" is
     * 12 bytes, " жана " 10 more, "китеп" 10. */
    CHECK_STRN(out.p, out.len,
               "{\"query\":\"мектеп китеп\",\"total\":2,\"total_exact\":true,\"complete\":1,"
               "\"complete_exact\":true,\"partial\":1,\"partial_exact\":true,\"results\":["
               "{\"rank\":1,\"path\":\"/corpus/ky school.txt\",\"title\":\"Мектеп\\u000aкитепканасы\","
               "\"score\":4.4000,\"partial\":false,\"lang\":\"ky\",\"encoding\":\"UTF-8\","
               "\"snippet\":\"Мектеп жана китеп…\",\"highlights\":[[0,12],[22,32]]},"
               "{\"rank\":2,\"path\":\"/corpus/b.txt\",\"title\":\"B\",\"score\":0.5000,"
               "\"partial\":true,\"lang\":\"\",\"encoding\":\"\","
               "\"snippet\":\"a \\\\ b\",\"highlights\":[[4,5]]}]}\n");

    /* No hits: the suggestion and (asked for) the explanation. */
    izde_buf_clear(&out);
    p.n = 0;
    p.counts = (struct sr_counts){ { 0, 1 }, { 0, 1 } };
    izde_buf_adds(&p.suggestion, "мектеп");
    izde_buf_adds(&p.explain, "word 'x': x\n");
    o.explain = 1;
    CHECK_INT(sr_render_json(&out, &p, &o), IZDE_OK);
    CHECK_STRN(out.p, out.len,
               "{\"query\":\"мектеп китеп\",\"total\":0,\"total_exact\":true,\"complete\":0,"
               "\"complete_exact\":true,\"partial\":0,\"partial_exact\":true,"
               "\"suggestion\":\"мектеп\",\"explain\":\"word 'x': x\\u000a\",\"results\":[]}\n");
    izde_buf_release(&p.suggestion);
    izde_buf_release(&p.explain);
    izde_buf_release(&out);
}

/* An article's hit: a PDF whose snippet is on its pages 2-3, printed 114-115. */
static void make_article(struct izde_session_page *p, struct izde_session_hit *h)
{
    *p = (struct izde_session_page)IZDE_SESSION_PAGE_INIT;
    p->query = "зергер";
    p->query_len = strlen(p->query);
    *h = (struct izde_session_hit){ .rank = 1, .score = 1, .docid = 3, .page = 2,
                                    .page_last = 3, .printed_page = 114, .printed_last = 115 };
    struct izde_docdata *d = &h->dd;
    d->path = "/lib/art.pdf";
    d->path_len = strlen(d->path);
    d->title = "Окутуу";
    d->title_len = strlen(d->title);
    d->authors = "Асанова Г.Т.\nОсмонов К.\x1b\n";
    d->authors_len = strlen(d->authors);
    d->year = "2021";
    d->year_len = 4;
    d->journal = "Вестник КНУ";
    d->journal_len = strlen(d->journal);
    d->issue = "3";
    d->issue_len = 1;
    d->pages = "113-119";
    d->pages_len = strlen(d->pages);
    d->keywords = "инновация\nмектеп";
    d->keywords_len = strlen(d->keywords);
    d->udc = "37.015";
    d->udc_len = strlen(d->udc);
    izde_buf_adds(&h->snippet, "\x01зергер\x02");
    p->hits = h;
    p->n = 1;
    p->counts = (struct sr_counts){ { 1, 1 }, { 0, 1 } };
}

static void test_article(void)
{
    struct izde_session_page p;
    struct izde_session_hit h;
    struct izde_buf out = IZDE_BUF_INIT;
    struct sr_render_opts o = { 0 };
    make_article(&p, &h);
    /* The fields' line between title and path, escaped as they are; the
     * path opens the PDF at the snippet's page. */
    CHECK_INT(sr_render_text(&out, &p, &o), IZDE_OK);
    CHECK_STRN(out.p, out.len,
               "1 result\n"
               "\n1. Окутуу\n"
               "   Асанова Г.Т., Осмонов К.\\x1b · 2021 · Вестник КНУ, № 3 · pp. 114-115\n"
               "   /lib/art.pdf#page=2  score 1.000\n"
               "   [зергер]\n");
    izde_buf_clear(&out);
    CHECK_INT(sr_render_json(&out, &p, &o), IZDE_OK);
    CHECK(strstr(out.p, "\"highlights\":[[0,12]],\"authors\":[\"Асанова Г.Т.\","
                        "\"Осмонов К.\\u001b\"],\"year\":2021,\"journal\":\"Вестник КНУ\","
                        "\"issue\":\"3\",\"udc\":\"37.015\",\"pages\":{\"first\":113,"
                        "\"last\":119},\"keywords\":[\"инновация\",\"мектеп\"],\"page\":2,"
                        "\"page_last\":3,\"printed_page\":114,\"printed_last\":115}]}\n") != NULL);

    /* One page, and no printed numbers: the page is on the path only. */
    izde_buf_clear(&out);
    h.page_last = 2;
    h.printed_page = h.printed_last = 0;
    h.dd.journal = NULL;
    h.dd.authors_len = 0;
    CHECK_INT(sr_render_text(&out, &p, &o), IZDE_OK);
    CHECK(strstr(out.p, "\n1. Окутуу\n   2021 · № 3\n   /lib/art.pdf#page=2  score") != NULL);

    /* Citations of a page: CSL-JSON is one array; BibTeX entries follow
     * each other (the entries themselves: test_cite). */
    izde_buf_clear(&out);
    CHECK_INT(sr_render_cite(&out, SR_CITE_CSL_JSON, &p), IZDE_OK);
    CHECK(out.len > 4 && strncmp(out.p, "[\n{\"id\":\"izde3\",", 16) == 0 &&
          strcmp(out.p + out.len - 4, "}\n]\n") == 0);
    izde_buf_clear(&out);
    p.n = 0;
    CHECK_INT(sr_render_cite(&out, SR_CITE_CSL_JSON, &p), IZDE_OK);
    CHECK_STRN(out.p, out.len, "[]\n");
    izde_buf_release(&h.snippet);
    izde_buf_release(&out);
}

static void test_trec(void)
{
    struct izde_session_page p;
    struct izde_buf out = IZDE_BUF_INIT;
    make_page(&p);
    CHECK_INT(sr_render_trec(&out, "q7", &p), IZDE_OK);
    /* A space in a path would split the field: written \x20. */
    CHECK_STRN(out.p, out.len,
               "q7 Q0 /corpus/ky\\x20school.txt 1 4.4000 izde\n"
               "q7 Q0 /corpus/b.txt 2 0.5000 izde\n");
    /* Renderers append: a second query's lines follow the first's. */
    p.n = 1;
    CHECK_INT(sr_render_trec(&out, "q8", &p), IZDE_OK);
    CHECK(out.len > 0 && strstr(out.p, "izde\nq8 Q0 /corpus/ky\\x20school.txt 1 ") != NULL);
    izde_buf_release(&out);
}

int main(void)
{
    test_text();
    test_json();
    test_article();
    test_trec();
    for (int i = 0; i < 2; i++)
        izde_buf_release(&hits[i].snippet);
    return harness_finish();
}
