/* test_page.c - izde-web's page from a made-up page of results: links to
 * files (PDFs at the snippet's page) or none with --no-files, partial hits under their
 * heading and badge, paging, the suggestion link, notices, every interface
 * string present in every language. */
#include <stdlib.h>
#include "harness.h"
#include "web/page.h"

static int has(const struct izde_buf *b, const char *needle)
{
    return b->p && strstr(b->p, needle) != NULL;
}

static void set_hit(struct izde_session_hit *h, unsigned rank, int partial, izde_docid_t docid,
                    const char *path, const char *title, const char *snippet)
{
    *h = (struct izde_session_hit){ .rank = rank, .partial = partial, .docid = docid };
    h->dd.path = path;
    h->dd.path_len = strlen(path);
    h->dd.title = title;
    h->dd.title_len = strlen(title);
    h->dd.lang = "ky";
    h->dd.lang_len = 2;
    izde_buf_adds(&h->snippet, snippet);
}

int main(void)
{
    struct izde_session_hit hits[3];
    set_hit(&hits[0], 4, 0, 7, "/lib/a.pdf", "Мектеп <b>", "a \x01мектеп\x02 b");
    set_hit(&hits[1], 5, 1, 8, "/lib/b.txt", "", "c");
    set_hit(&hits[2], 6, 1, 9, "/lib/c.TXT", "Үчүнчү", "d");
    hits[0].page = hits[0].page_last = 3; /* the session finds the snippet on page 3 */
    hits[0].printed_page = hits[0].printed_last = 115;
    hits[0].dd.authors = "Асанова Г.Т.\nОсмонов <К.Т.>";
    hits[0].dd.authors_len = strlen(hits[0].dd.authors);
    hits[0].dd.year = "2021";
    hits[0].dd.year_len = 4;
    hits[0].dd.journal = "Вестник КНУ";
    hits[0].dd.journal_len = strlen(hits[0].dd.journal);
    hits[0].dd.issue = "3";
    hits[0].dd.issue_len = 1;
    struct izde_session_page p = IZDE_SESSION_PAGE_INIT;
    p.hits = hits;
    p.n = 3;
    p.counts.complete = (struct sr_count){ 4, 1 };
    p.counts.partial = (struct sr_count){ 1200, 1 };
    struct web_query wq = {
        .q = "мектеп", .q_len = strlen("мектеп"), .page = 2, .limit = 3, .files = 1
    };
    struct izde_buf out = IZDE_BUF_INIT;

    CHECK_INT(web_page_render(&out, &wq, &p, NULL), IZDE_OK);
    CHECK(has(&out, "<html lang=\"ky\">"));
    CHECK(has(&out, "<a href=\"/doc/7#page=3\"><span class=\"title\">Мектеп &lt;b&gt;</span>"));
    /* An article's line: its fields escaped; a record without them has none. */
    CHECK(has(&out, "<div class=\"a\">Асанова Г.Т., Осмонов &lt;К.Т.&gt; · 2021 · Вестник КНУ, "
                    "№ 3 · Бет 115</div>"));
    CHECK(!has(&out, "/lib/b.txt</span></a></div><div class=\"a\">"));
    /* No title: the path stands in. Only a hit with a page gets one. */
    CHECK(has(&out, "<a href=\"/doc/8\"><span class=\"title\">/lib/b.txt</span>"));
    CHECK(has(&out, "a <mark>мектеп</mark> b"));
    CHECK(has(&out, "<li value=\"5\" class=\"hit partial\">"));
    CHECK(has(&out, "class=\"badge\">толук эмес"));
    /* One heading before the partial hits, after the complete one. */
    const char *heading = strstr(out.p, "partial-heading");
    CHECK(heading && heading > strstr(out.p, "/doc/7") && heading < strstr(out.p, "/doc/8"));
    CHECK(heading && !strstr(heading + 1, "partial-heading"));
    CHECK(has(&out, "<strong>1\xE2\x80\xAF"
                    "204</strong>"));
    CHECK(has(&out, "href=\"/?q=мектеп&amp;limit=3\">← Мурунку"));
    CHECK(has(&out,
              "href=\"/?q=мектеп&amp;page=3&amp;limit=3\">Кийинки"));
    CHECK(out.len < 50 * 1024);

    /* --no-files: no link to any document. */
    wq.files = 0;
    CHECK_INT(web_page_render(&out, &wq, &p, NULL), IZDE_OK);
    CHECK(!has(&out, "/doc/"));

    /* The last page has no next link; a suggestion is a link. */
    wq.page = 402;
    izde_buf_adds(&p.suggestion, "мектеп\"");
    CHECK_INT(web_page_render(&out, &wq, &p, NULL), IZDE_OK);
    CHECK(!has(&out, "rel=\"next\""));
    CHECK(has(&out, "id=\"suggestion\" href=\"/?q=мектеп%22"));
    CHECK(has(&out, ">мектеп&quot;</a>"));

    /* A page past the last (the index shrank since the reader's last
     * page): it says so and links the first page, not "nothing found". */
    p.n = 0;
    wq.page = 9;
    CHECK_INT(web_page_render(&out, &wq, &p, NULL), IZDE_OK);
    CHECK(has(&out, "<p class=\"none\">Бул бетте натыйжа жок. <a href=\"/?q=мектеп&amp;limit=3\">"
                    "Биринчи бетке</a></p>"));
    CHECK(!has(&out, "Эч нерсе табылган жок"));
    CHECK(has(&out, "rel=\"prev\""));
    /* With no hit at all, nothing was found. */
    p.counts.complete.n = p.counts.partial.n = 0;
    wq.page = 1;
    CHECK_INT(web_page_render(&out, &wq, &p, NULL), IZDE_OK);
    CHECK(has(&out, "<p class=\"none\">Эч нерсе табылган жок.</p>"));
    p.n = 3;

    /* A notice replaces the results; Russian interface. */
    wq.ui = WEB_UI_RU;
    CHECK_INT(web_page_render(&out, &wq, &p, "<недоступен>"), IZDE_OK);
    CHECK(has(&out, "<html lang=\"ru\">"));
    CHECK(has(&out, "role=\"alert\">&lt;недоступен&gt;</p>"));
    CHECK(!has(&out, "class=\"hit"));
    CHECK(has(&out, "<input type=\"hidden\" name=\"ui\" value=\"ru\">"));

    /* Every string in every language, and each language its own words. */
    for (int ui = 0; ui < WEB_UI_COUNT; ui++)
        for (int s = 0; s < WS_COUNT; s++)
            CHECK(web_str((enum web_ui)ui, (enum web_str)s)[0] != '\0');
    for (int s = 0; s < WS_COUNT; s++)
        if (s != WS_UI_SWITCH)
            CHECK(strcmp(web_str(WEB_UI_KY, (enum web_str)s),
                         web_str(WEB_UI_EN, (enum web_str)s)) != 0);
    CHECK_INT(web_ui_from_code("ru"), WEB_UI_RU);
    CHECK_INT(web_ui_from_code("<x>"), WEB_UI_KY);
    CHECK_INT(web_ui_from_code(NULL), WEB_UI_KY);

    izde_buf_release(&out);
    izde_buf_release(&p.suggestion);
    for (int i = 0; i < 3; i++)
        izde_buf_release(&hits[i].snippet);
    return harness_finish();
}
