/* test_session.c - the search session (searcher/session) on a tiny index built here: pages, filters, outcomes, retry. */
#define _XOPEN_SOURCE 700   /* nftw, in scratch.h */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "harness.h"
#include "scratch.h"
#include "index/docdata.h"
#include "index/index_meta.h"
#include "searcher/session.h"
#include "text/langid.h"

/* Adds the term as izde-index does: the phrase key with its position,
 * every other term without. */
static int add_term(const struct izde_term *t, void *closure)
{
    izde_wdb_t *w = closure;
    izde_status_t rc = t->positional ? izde_wdb_add_posting(w, t->text, t->len, t->pos)
                                     : izde_wdb_add_term(w, t->text, t->len, 1);
    return rc != IZDE_OK;
}

/* Indexes one document the way izde-index does (terms, L terms of its
 * languages, the stored record), under its path as id term. */
static izde_status_t add_doc(izde_wdb_t *w, izde_analyzer_t *an, const char *path,
                             const char *title, const char *text, const char *pages)
{
    struct izde_analysis_stats stats;
    memset(&stats, 0, sizeof(stats));
    uint32_t pos = 0;
    izde_status_t rc = izde_wdb_begin_doc(w);
    if (rc == IZDE_OK)
        rc = izde_analyze_text(an, text, strlen(text), &pos, &stats, add_term, w);
    enum izde_lang main_lang = IZDE_LANG_OTHER;
    for (int l = 1; rc == IZDE_OK && l < IZDE_LANG_COUNT; l++) {
        if (!stats.words[l])
            continue;
        if (stats.words[l] > stats.words[main_lang])
            main_lang = (enum izde_lang)l;
        char term[16];
        int n = snprintf(term, sizeof(term), IZDE_PREFIX_LANG "%s",
                         izde_lang_code((enum izde_lang)l));
        rc = izde_wdb_add_term(w, term, (size_t)n, 0);
    }
    const char *lang = izde_lang_code(main_lang);
    struct izde_docdata dd = { .path = path, .path_len = strlen(path), .title = title,
                               .title_len = strlen(title), .encoding = "UTF-8",
                               .encoding_len = 5, .lang = lang, .lang_len = strlen(lang),
                               .size = strlen(text), .text = text, .text_len = strlen(text),
                               .pages = pages, .pages_len = pages ? strlen(pages) : 0 };
    struct izde_buf data = IZDE_BUF_INIT;
    if (rc == IZDE_OK)
        rc = izde_docdata_encode(&dd, &data);
    if (rc == IZDE_OK)
        rc = izde_wdb_set_data(w, data.p, data.len);
    izde_buf_release(&data);
    izde_status_t rc2 = izde_wdb_end_doc(w, path, strlen(path), NULL);
    return rc ? rc : rc2;
}

static const struct {
    const char *path, *title, *text, *pages;
} docs[] = {
    { "/c/library.txt", "Мектеп китепканасы",
      "Мектеп китепканасы окуучуларга жардам берет. Китепканада китептер көп.", NULL },
    { "/c/teacher.txt", "Мугалимдин ишмердүүлүгү",
      "Мугалимдин инновациялык ишмердүүлүгү. Мугалим мектепте иштейт.", NULL },
    { "/c/olympiad.txt", "Олимпиада",
      "Окуучулар олимпиадага даярданышат. Олимпиада жыл сайын өтөт.", NULL },
    { "/c/reform.txt", "Реформа",
      "Реформа образования в школе. Школа и учитель, учитель и школа.", NULL },
    /* Pages at form feeds: a PDF printed as pages 7-8 with a cover sheet
     * after them, and pdftotext's text of pages 41-42. */
    { "/c/scan.PDF", "Скан", "Биринчи бет.\fЭкинчи бет: зымыркай учат.\fКумурска.", "7-8" },
    { "/c/notes.txt", "Эскертүү", "Бир.\fЭки: чегиртке секирет.", "41-42" },
    { NULL, NULL, NULL, NULL },
};

/* A word of its own for document i, in Cyrillic letters ("ббв"), so that
 * every document adds terms of its own to the index. */
static void own_word(int i, char *out, size_t size)
{
    static const char *const letters[] = { "б", "в", "г", "д", "ж", "з", "к", "л", "м", "н" };
    size_t used = 0;
    out[0] = '\0';
    do {
        used += (size_t)snprintf(out + used, size - used, "%s", letters[i % 10]);
        i /= 10;
    } while (i && used + 3 < size);
}

/* Builds the index at path with docs[] and n_extra more documents (their
 * text says which round wrote them), stamped with analysis (the
 * analyzer's version, or another to test the check). */
static izde_status_t build(const char *path, izde_analyzer_t *an, const char *analysis,
                           int n_extra, int round)
{
    izde_wdb_t *w = NULL;
    char *err = NULL;
    izde_status_t rc = izde_wdb_open(path, IZDE_WDB_CREATE_OR_OPEN, &w, &err);
    free(err);
    err = NULL;
    if (rc == IZDE_OK)
        rc = izde_index_meta_check_write(w, path, analysis, &err);
    free(err);
    for (int i = 0; rc == IZDE_OK && docs[i].path; i++)
        rc = add_doc(w, an, docs[i].path, docs[i].title, docs[i].text, docs[i].pages);
    for (int i = 0; rc == IZDE_OK && i < n_extra; i++) {
        char p[32], word[32], text[128];
        snprintf(p, sizeof(p), "/c/extra-%d.txt", i);
        own_word(i, word, sizeof(word));
        snprintf(text, sizeof(text), "Жаңы мектеп ачылды: а%s, раунд %d.", word, round);
        rc = add_doc(w, an, p, "Мектеп", text, NULL);
    }
    izde_status_t rc2 = izde_wdb_close(w);
    return rc ? rc : rc2;
}

static struct izde_session_params params(uint32_t limit)
{
    return (struct izde_session_params){ .limit = limit, .suggest = 1, .snippets = 1 };
}

static izde_status_t search(izde_session_t *s, const char *q,
                            const struct izde_session_params *p, struct izde_session_page *page)
{
    return izde_session_search(s, q, strlen(q), p, page);
}

static void test_pages(izde_session_t *s)
{
    struct izde_session_page page = IZDE_SESSION_PAGE_INIT;
    struct izde_session_params p = params(10);

    /* An inflected form finds the others; the best first, with records
     * and marked snippets. */
    CHECK_INT(search(s, "китепканасынын", &p, &page), IZDE_OK);
    CHECK_INT(page.outcome, IZDE_PAGE_SEARCHED);
    CHECK_INT(page.n, 1);
    CHECK_INT(page.hits[0].rank, 1);
    CHECK(page.hits[0].score > 0);
    CHECK_STRN(page.hits[0].dd.path, page.hits[0].dd.path_len, "/c/library.txt");
    CHECK_STRN(page.hits[0].dd.title, page.hits[0].dd.title_len, "Мектеп китепканасы");
    CHECK_STRN(page.hits[0].dd.lang, page.hits[0].dd.lang_len, "ky");
    CHECK(strstr(page.hits[0].snippet.p, IZDE_SNIPPET_OPEN "китепканасы" IZDE_SNIPPET_CLOSE));
    CHECK(page.explain.len > 0);

    /* Words in different documents: complete matches first, partial after. */
    CHECK_INT(search(s, "мектеп олимпиада", &p, &page), IZDE_OK);
    CHECK(page.n >= 2);
    CHECK_INT(page.counts.complete.n, 0);
    CHECK(page.counts.partial.n >= page.n);
    CHECK(page.hits[0].partial);
    CHECK_INT(search(s, "мектеп олимпиада", &(struct izde_session_params){ .limit = 10,
                                                  .all_only = 1 }, &page), IZDE_OK);
    CHECK_INT(page.n, 0);

    /* Paging: the same counts on every page, ranks of the whole list. */
    CHECK_INT(search(s, "мектеп", &p, &page), IZDE_OK);
    size_t all = page.n;
    uint64_t total = page.counts.complete.n;
    CHECK(all >= 2);
    struct izde_session_params second = params(1);
    second.offset = 1;
    CHECK_INT(search(s, "мектеп", &second, &page), IZDE_OK);
    CHECK_INT(page.n, 1);
    CHECK_INT(page.hits[0].rank, 2);
    CHECK_INT(page.counts.complete.n, total);

    /* The language filter keeps documents with text in that language. */
    p.lang = "ru";
    CHECK_INT(search(s, "школа", &p, &page), IZDE_OK);
    CHECK_INT(page.n, 1);
    p.lang = "ky";
    CHECK_INT(search(s, "школа", &p, &page), IZDE_OK);
    CHECK_INT(page.n, 0);
    p.lang = NULL;

    /* The counts in each language, made with any filter, are those of a
     * search in that language, and every language's counts ignore the
     * filter. lang:ky is one term of 3,000 documents and more: Xapian
     * knows its count exactly without looking at them all, so the page's
     * search has not seen every one of them to count by language. */
    static const char *const mixed[] = { "школа", "мектеп олимпиада", "мектеп школа окуучулар",
                                         "lang:ky" };
    for (size_t k = 0; k < sizeof(mixed) / sizeof(mixed[0]); k++) {
        struct sr_counts want[IZDE_SESSION_NLANGS];
        for (size_t i = 0; i < IZDE_SESSION_NLANGS; i++) {
            p.lang = izde_session_langs[i];
            CHECK_INT(search(s, mixed[k], &p, &page), IZDE_OK);
            want[i] = page.counts;
        }
        CHECK(want[0].complete.n + want[0].partial.n > 0);
        p.lang_counts = 1;
        for (size_t f = 0; f < IZDE_SESSION_NLANGS; f++) {
            p.lang = izde_session_langs[f];
            CHECK_INT(search(s, mixed[k], &p, &page), IZDE_OK);
            for (size_t i = 0; i < IZDE_SESSION_NLANGS; i++) {
                CHECK_INT(page.lang_counts[i].complete.n, want[i].complete.n);
                CHECK_INT(page.lang_counts[i].partial.n, want[i].partial.n);
                CHECK_INT(page.lang_counts[i].complete.exact, want[i].complete.exact);
                CHECK_INT(page.lang_counts[i].partial.exact, want[i].partial.exact);
            }
        }
        p.lang_counts = 0;
        CHECK_INT(search(s, mixed[k], &p, &page), IZDE_OK);
        CHECK_INT(page.lang_counts[0].complete.n + page.lang_counts[0].partial.n, 0);
    }
    p.lang = NULL;

    /* Own marks, and no snippets when not asked for. */
    p.mark_open = "<b>";
    p.mark_close = "</b>";
    CHECK_INT(search(s, "олимпиада", &p, &page), IZDE_OK);
    CHECK(page.n == 1 && strstr(page.hits[0].snippet.p, "<b>Олимпиада</b>"));
    p.snippets = 0;
    CHECK_INT(search(s, "олимпиада", &p, &page), IZDE_OK);
    CHECK(page.n == 1 && page.hits[0].snippet.len == 0);
    p = params(10);

    /* Nothing found: a spelling the index knows, only when asked. */
    CHECK_INT(search(s, "олмипиада", &p, &page), IZDE_OK);
    CHECK_INT(page.n, 0);
    CHECK_STRN(page.suggestion.p, page.suggestion.len, "олимпиада");
    p.suggest = 0;
    CHECK_INT(search(s, "олмипиада", &p, &page), IZDE_OK);
    CHECK_INT(page.suggestion.len, 0);
    p.suggest = 1;
    izde_session_page_release(&page);
}

/* Every document query matches, counted one by one (-1 on failure). */
static long long exact_count(izde_rdb_t *db, const izde_query_t *query)
{
    if (!query)
        return 0;
    struct izde_search_opts so;
    izde_search_opts_init(&so);
    so.limit = 0;
    so.check_at_least = 1000000;
    so.weightless = 1;
    izde_hits_t hits = { 0 };
    long long n = -1;
    if (izde_rdb_search(db, query, &so, &hits) == IZDE_OK && hits.lower == hits.upper)
        n = (long long)hits.upper;
    izde_hits_release(&hits);
    return n;
}

/* The partial matches are counted in one search (q.partial, see
 * sr_query): it must count the documents of the backoff tier and of the
 * some-words tier, no more and no fewer, with phrases, exclusions and
 * fields as they come. */
static void test_partial_count(const char *path, izde_analyzer_t *an)
{
    izde_rdb_t *db = NULL;
    const char *paths[1] = { path };
    CHECK_INT(izde_rdb_open(paths, 1, &db, NULL), IZDE_OK);
    if (!db)
        return;
    static const char *const queries[] = {
        "мектеп олимпиада",
        "китепкана окуучулар",
        "мектеп олимпиада -китепканасы",
        "\"мектеп китепканасы\" окуучулар",
        "\"жаңы мектеп\" китептер",
        "title:реформа школа учитель",
        "мугалим ишмердүүлүк жаңы",
        "китеп окуучу ачылды",
        "мугалимдик мектепте",
        "китепканалык окуучуларга жардам",
        "олимпиадачы окуучулар",
        "олимпиадачы окуучулар -китепканасы",
        "title:мектеп окуучулар олимпиада",
    };
    int with_backoff = 0, with_any = 0, united = 0;
    for (size_t k = 0; k < sizeof(queries) / sizeof(queries[0]); k++) {
        struct sr_query q;
        CHECK_INT(sr_query_parse(an, db, queries[k], strlen(queries[k]), &q), IZDE_OK);
        long long backoff = exact_count(db, q.backoff), any = exact_count(db, q.any);
        long long partial = q.partial ? exact_count(db, q.partial) : backoff + any;
        CHECK(backoff >= 0 && any >= 0);
        if (partial != backoff + any)
            fprintf(stderr, "query '%s': partial %lld, backoff %lld + any %lld\n", queries[k],
                    partial, backoff, any);
        CHECK_INT(partial, backoff + any);
        with_backoff += backoff > 0;
        with_any += any > 0;
        united += q.partial != NULL;
        sr_query_release(&q);
    }
    /* Else the sums above prove nothing. */
    CHECK(with_backoff > 0 && with_any > 0 && united > 0);
    izde_rdb_close(db);
}

/* Each hit knows the page of its snippet's words: in the file for a PDF
 * (for #page=N), as printed when the record gives its printed pages and
 * the page is within them. */
static void test_hit_pages(izde_session_t *s)
{
    struct izde_session_page page = IZDE_SESSION_PAGE_INIT;
    struct izde_session_params p = params(10);
    static const struct {
        const char *q;
        unsigned page, printed;
    } cases[] = {
        { "зымыркай", 2, 8 },   /* context from page 1 is shown, the word is on 2 */
        { "кумурска", 3, 0 },   /* the cover sheet: no printed number */
        { "чегиртке", 0, 42 },  /* not a PDF: printed page only */
        { "китепканасы", 0, 0 },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        CHECK_INT(search(s, cases[i].q, &p, &page), IZDE_OK);
        CHECK_INT(page.n, 1);
        if (page.n != 1)
            continue;
        CHECK_INT(page.hits[0].page, cases[i].page);
        CHECK_INT(page.hits[0].page_last, cases[i].page);
        CHECK_INT(page.hits[0].printed_page, cases[i].printed);
        CHECK_INT(page.hits[0].printed_last, cases[i].printed);
    }
    /* Without snippets nothing is located. */
    p.snippets = 0;
    CHECK_INT(search(s, "зымыркай", &p, &page), IZDE_OK);
    CHECK_INT(page.n, 1);
    CHECK_INT(page.n ? page.hits[0].page : 0, 0);
    izde_session_page_release(&page);
}

static void test_outcomes(izde_session_t *s)
{
    struct izde_session_page page = IZDE_SESSION_PAGE_INIT;
    struct izde_session_params p = params(10);
    CHECK_INT(search(s, "... -мектеп", &p, &page), IZDE_OK);
    CHECK_INT(page.outcome, IZDE_PAGE_NO_WORDS);
    CHECK_INT(page.n, 0);

    /* Bad syntax: not searched, the parser's message on the page (and
     * gone with the next search). */
    CHECK_INT(search(s, "мектеп (олимпиада", &p, &page), IZDE_OK);
    CHECK_INT(page.outcome, IZDE_PAGE_BAD_SYNTAX);
    CHECK_STR(page.error.p, "unbalanced '(' at character 8");
    CHECK_INT(page.n, 0);
    CHECK_INT(search(s, "мектеп", &p, &page), IZDE_OK);
    CHECK_INT(page.outcome, IZDE_PAGE_SEARCHED);
    CHECK_INT(page.error.len, 0);

    /* Over the limits: not searched, words and bytes counted. */
    struct izde_buf q = IZDE_BUF_INIT;
    for (int i = 0; i <= IZDE_SESSION_MAX_QUERY_WORDS; i++)
        izde_buf_adds(&q, "сөз ");
    CHECK_INT(izde_session_search(s, q.p, q.len, &p, &page), IZDE_OK);
    CHECK_INT(page.outcome, IZDE_PAGE_TOO_LONG);
    CHECK_INT(page.words, IZDE_SESSION_MAX_QUERY_WORDS + 1);
    CHECK_INT(page.query_len, q.len);
    izde_buf_clear(&q);
    for (int i = 0; i < 3000; i++)
        izde_buf_adds(&q, "сөздөр");
    CHECK_INT(izde_session_search(s, q.p, q.len, &p, &page), IZDE_OK);
    CHECK_INT(page.outcome, IZDE_PAGE_TOO_LONG);
    CHECK_INT(page.words, 1);
    izde_buf_release(&q);

    /* Invalid UTF-8 is repaired, counted and searched. */
    CHECK_INT(izde_session_search(s, "олимпиада \xff", strlen("олимпиада \xff"), &p, &page),
              IZDE_OK);
    CHECK_INT(page.repaired, 1);
    CHECK_STRN(page.query, page.query_len, "олимпиада \xef\xbf\xbd");
    CHECK_INT(page.outcome, IZDE_PAGE_SEARCHED);
    CHECK_INT(page.n, 1);
    izde_session_page_release(&page);
    izde_session_page_release(&page); /* twice is harmless */
}

/* A writer commits several times after the session opened: the revision
 * the session holds is gone, Xapian says DatabaseModifiedError, and the
 * session reopens and redoes the search on the newest revision. Without
 * the retry the search fails (or sees only the old documents). */
static void test_retry(izde_session_t *s, const char *path, izde_analyzer_t *an)
{
    struct izde_session_page page = IZDE_SESSION_PAGE_INIT;
    struct izde_session_params p = params(10);
    CHECK_INT(search(s, "мектеп", &p, &page), IZDE_OK);
    uint64_t before = page.counts.complete.n;
    /* Every document rewritten, more added, several commits: the blocks
     * of the session's revision are reused by the newer ones. */
    for (int round = 1; round <= 4; round++)
        CHECK_INT(build(path, an, izde_analyzer_version(an), 3000 + round * 100, round),
                  IZDE_OK);
    /* A word the session has not read yet: its blocks are not cached. */
    p.all_only = 1;
    CHECK_INT(search(s, "абвг мектеп", &p, &page), IZDE_OK);
    CHECK_INT(page.counts.complete.n, 1);
    p.all_only = 0;
    CHECK_INT(search(s, "мектеп", &p, &page), IZDE_OK);
    CHECK_INT(page.counts.complete.n, before + 400);
    izde_session_page_release(&page);
}

static void test_open_errors(izde_analyzer_t *an)
{
    izde_session_t *s = (izde_session_t *)1;
    char *msg = NULL;
    char path[600];
    const char *paths[1] = { path };
    snprintf(path, sizeof(path), "%s/none", tmpdir);
    CHECK(izde_session_open(paths, 1, &s, &msg) != IZDE_OK);
    CHECK(s == NULL);
    CHECK(msg && strstr(msg, "no index at '") && strstr(msg, "/none' yet: run izde-index"));
    free(msg);

    /* An index of another analysis version is refused, saying how to rebuild. */
    snprintf(path, sizeof(path), "%s/old", tmpdir);
    CHECK_INT(build(path, an, "analysis=0 ky=0 ru=0", 0, 0), IZDE_OK);
    CHECK_INT(izde_session_open(paths, 1, &s, &msg), IZDE_ERR_DB_VERSION);
    CHECK(msg && strncmp(msg, "cannot open database '", 22) == 0 && strstr(msg, "--full"));
    free(msg);
    CHECK_INT(izde_session_open(paths, 1, &s, NULL), IZDE_ERR_DB_VERSION);
    izde_session_close(NULL);
}

int main(void)
{
    if (scratch_make("session") != 0)
        return 1;
    izde_analyzer_t *an = NULL;
    char *err = NULL;
    CHECK_INT(izde_analyzer_new(&an, &err), IZDE_OK);
    char path[600];
    snprintf(path, sizeof(path), "%s/db", tmpdir);
    CHECK_INT(build(path, an, izde_analyzer_version(an), 3000, 0), IZDE_OK);
    izde_session_t *s = NULL;
    const char *paths[1] = { path };
    char *msg = NULL;
    CHECK_INT(izde_session_open(paths, 1, &s, &msg), IZDE_OK);
    CHECK(msg == NULL);
    if (s) {
        test_pages(s);
        test_hit_pages(s);
        test_outcomes(s);
        test_retry(s, path, an);
    }
    test_partial_count(path, an);
    izde_session_close(s);
    test_open_errors(an);
    izde_analyzer_free(an);
    scratch_remove();
    return harness_finish();
}
