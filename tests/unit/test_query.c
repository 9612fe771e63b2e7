/* test_query.c - query text to terms and Xapian queries (searcher/query): words, phrases, exclusions, stop words, the query language. */
#include <stdlib.h>
#include <string.h>
#include "harness.h"
#include "searcher/searcher.h"

/* The query's term with this text, or NULL. */
static const struct sr_qterm *term(const struct sr_query *q, const char *text)
{
    for (size_t i = 0; i < q->nterms; i++)
        if (strcmp(q->terms[i].text, text) == 0)
            return &q->terms[i];
    return NULL;
}

/* Lines of q's explanation (one per positive query word). */
static int explain_lines(const struct sr_query *q)
{
    int n = 0;
    for (size_t i = 0; i < q->explain.len; i++)
        n += q->explain.p[i] == '\n';
    return n;
}

static izde_status_t parse(izde_analyzer_t *an, const char *text, struct sr_query *q)
{
    return sr_query_parse(an, NULL, text, strlen(text), q);
}

static void test_words(izde_analyzer_t *an)
{
    struct sr_query q;
    /* One word: its exact form, stems and keyboard-folded stem; one word
     * needs no "some words" tier. */
    CHECK_INT(parse(an, "Мектеп", &q), IZDE_OK);
    CHECK(q.all != NULL);
    CHECK(q.any == NULL);
    CHECK_INT(q.nwords, 1);
    const struct sr_qterm *t = term(&q, "мектеп");
    CHECK(t && t->kind == IZDE_TERM_EXACT && t->word == 0 && !t->stop);
    CHECK(term(&q, IZDE_PREFIX_STEM_KY "мекте") != NULL);
    CHECK(term(&q, IZDE_PREFIX_KBFOLD "мекте") != NULL);
    CHECK(term(&q, IZDE_PREFIX_STEM_RU "мектеп") != NULL);
    CHECK_INT(explain_lines(&q), 1);
    CHECK(strstr(q.explain.p, "word 'Мектеп': exact=мектеп ky=Kмекте") == q.explain.p);
    sr_query_release(&q);

    /* A word with ү is Kyrgyz only: no Russian stem, no keyboard form. */
    CHECK_INT(parse(an, "ишмердүүлүк", &q), IZDE_OK);
    CHECK(term(&q, "ишмердүүлүк") != NULL);
    CHECK(term(&q, IZDE_PREFIX_STEM_KY "ишмерд") != NULL);
    CHECK_INT(q.nterms, 3);
    sr_query_release(&q);

    /* Several words: each its own word index, and a partial tier. */
    CHECK_INT(parse(an, "мектеп жана китеп", &q), IZDE_OK);
    CHECK_INT(q.nwords, 3);
    CHECK(q.any != NULL);
    CHECK((t = term(&q, "китеп")) && t->word == 2);
    /* A stop word among content words chooses no snippet. */
    CHECK((t = term(&q, "жана")) && t->stop);
    CHECK(q.has_content_terms);
    CHECK_INT(explain_lines(&q), 3);
    sr_query_release(&q);

    /* A stop word alone is still searched. */
    CHECK_INT(parse(an, "ЖАНА", &q), IZDE_OK);
    CHECK(q.all != NULL);
    CHECK(!q.has_content_terms);
    sr_query_release(&q);

    /* A word typed in Latin letters also searches its Cyrillic reading. */
    CHECK_INT(parse(an, "school", &q), IZDE_OK);
    CHECK((t = term(&q, "щоол")) && t->kind == IZDE_TERM_VARIANT);
    sr_query_release(&q);
}

static void test_syntax(izde_analyzer_t *an)
{
    struct sr_query q;
    /* A phrase is one query word: its words share word index 0. */
    CHECK_INT(parse(an, "\"мектеп китепканасы\" окуу", &q), IZDE_OK);
    CHECK_INT(q.nwords, 2);
    const struct sr_qterm *t = term(&q, "китепканасы");
    CHECK(t && t->word == 0);
    CHECK((t = term(&q, "окуу")) && t->word == 1);
    CHECK(strstr(q.explain.p, "phrase word 'мектеп'") != NULL);
    sr_query_release(&q);

    /* «» quotes too, and an unclosed quote runs to the end. */
    CHECK_INT(parse(an, "«мектеп китеп", &q), IZDE_OK);
    CHECK((t = term(&q, "китеп")) && t->word == 0);
    sr_query_release(&q);

    /* Excluded words and phrases are not terms to show or suggest for. */
    CHECK_INT(parse(an, "мектеп -\"жаңы китеп\" -окуу", &q), IZDE_OK);
    CHECK(q.all != NULL);
    CHECK(term(&q, "мектеп") != NULL);
    CHECK(term(&q, "китеп") == NULL);
    CHECK(term(&q, "окуу") == NULL);
    CHECK_INT(explain_lines(&q), 1);
    sr_query_release(&q);

    /* Nothing left to search: no query at all (the caller says so). */
    static const char *const empty[] = { "-мектеп", "...", "", " \t ", "- -", NULL };
    for (int i = 0; empty[i]; i++) {
        CHECK_INT(parse(an, empty[i], &q), IZDE_OK);
        CHECK(q.all == NULL && q.backoff == NULL && q.any == NULL);
        CHECK_INT(q.nterms, 0);
        sr_query_release(&q);
    }
    /* Released twice is harmless: release leaves an empty query. */
    sr_query_release(&q);
}

/* The query language: what is required of which tier, what is one
 * boolean query, and what a field searches. */
static void test_language(izde_analyzer_t *an)
{
    struct sr_query q;
    char *d;
    /* NOT excludes from every tier, as '-' does. */
    CHECK_INT(parse(an, "мектеп китеп NOT окуу", &q), IZDE_OK);
    CHECK(q.all && q.any);
    CHECK((d = izde_query_describe(q.any)) && strstr(d, "AND_NOT (окуу SYNONYM"));
    free(d);
    CHECK(term(&q, "окуу") == NULL);
    sr_query_release(&q);

    /* NOT alone is every document without it; '-' alone stays no query. */
    CHECK_INT(parse(an, "NOT мектеп", &q), IZDE_OK);
    CHECK(q.all && !q.backoff && !q.any);
    CHECK((d = izde_query_describe(q.all)) && strstr(d, "<alldocuments> AND_NOT"));
    free(d);
    sr_query_release(&q);

    /* A top-level OR is one boolean query; its words are kept for snippets. */
    CHECK_INT(parse(an, "мектеп OR китеп", &q), IZDE_OK);
    CHECK(q.all && !q.backoff && !q.any);
    CHECK(term(&q, "мектеп") && term(&q, "китеп"));
    sr_query_release(&q);

    /* A field is required of every tier and searched with its prefix, by
     * its forms but not by the 5-letter backoff; it is explained, but
     * its prefixed terms are no snippet's. */
    CHECK_INT(parse(an, "мектеп китеп author:Асанова", &q), IZDE_OK);
    CHECK(q.all && q.backoff && q.any);
    CHECK((d = izde_query_describe(q.any)) && strstr(d, IZDE_PREFIX_AUTHOR "асанова") &&
          strstr(d, IZDE_PREFIX_AUTHOR IZDE_PREFIX_STEM_RU));
    free(d);
    CHECK((d = izde_query_describe(q.all)) &&
          !strstr(d, IZDE_PREFIX_AUTHOR IZDE_PREFIX_TRUNC));
    free(d);
    CHECK(term(&q, IZDE_PREFIX_AUTHOR "асанова") == NULL);
    CHECK(strstr(q.explain.p, "author: 'Асанова': exact=Aасанова") != NULL);
    sr_query_release(&q);

    /* Filters alone: every document, filtered, with no weight. */
    CHECK_INT(parse(an, "year:2020..2024 udc:37. lang:KY doi:10.1/AbC", &q), IZDE_OK);
    CHECK(q.all && !q.any);
    CHECK((d = izde_query_describe(q.all)) && strstr(d, "<alldocuments>") &&
          strstr(d, "VALUE_RANGE 3 2020 2024") && strstr(d, "0 * U37 ") &&
          strstr(d, "0 * Lky") && strstr(d, "0 * D10.1/abc"));
    free(d);
    CHECK_INT(q.nterms, 0);
    sr_query_release(&q);

    /* Bad syntax: the status and the message, nothing else. */
    CHECK_INT(parse(an, "мектеп AND", &q), IZDE_ERR_QUERY);
    CHECK(q.all == NULL);
    CHECK_STR(q.error.p, "'AND' at character 8 has nothing after it");
    sr_query_release(&q);
}

int main(void)
{
    izde_analyzer_t *an = NULL;
    char *err = NULL;
    CHECK_INT(izde_analyzer_new(&an, &err), IZDE_OK);
    if (!an)
        return harness_finish();
    test_words(an);
    test_syntax(an);
    test_language(an);
    izde_analyzer_free(an);
    return harness_finish();
}
