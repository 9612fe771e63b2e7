/* test_analyze.c - the shared pipeline: terms, positions, stems, compounds, languages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/analyze.h"
#include "common/buf.h"
#include "harness.h"

/* Renders terms as "pos:kind:text" separated by spaces, with '@' after a
 * phrase key (the term indexed with its position). */
static int render(const struct izde_term *t, void *closure)
{
    struct izde_buf *b = closure;
    static const char kinds[] = { 'x', 's', 'c', 'v' };
    if (b->len)
        izde_buf_addc(b, ' ');
    izde_buf_addf(b, "%u:%c:", t->pos, kinds[t->kind]);
    izde_term_display(t->text, t->len, b);
    izde_buf_adds(b, t->positional ? "@" : "");
    return 0;
}

/* Keeps the T term as stored. */
static int raw_t(const struct izde_term *t, void *closure)
{
    if (t->len && t->text[0] == IZDE_PREFIX_TRUNC[0])
        izde_buf_add(closure, t->text, t->len);
    return 0;
}

/* How many phrase keys b has at position pos. */
static int keys_at(const struct izde_buf *b, unsigned pos)
{
    char want[16];
    snprintf(want, sizeof(want), "%u:", pos);
    int n = 0;
    for (const char *p = b->p; p && (p = strstr(p, want)) != NULL; p++) {
        if (p != b->p && p[-1] != ' ')
            continue;
        const char *end = strchr(p, ' ');
        if (!end)
            end = p + strlen(p);
        n += end[-1] == '@';
    }
    return n;
}

static int has(const struct izde_buf *b, const char *needle)
{
    return b->p && strstr(b->p, needle) != NULL;
}

/* Renders every field of each term, "pos:start-end:kind:lang:stop:text"
 * with '@' after a phrase key: what the recent-words cache of analyze.c
 * must give back as the analysis gave it. */
static int render_all(const struct izde_term *t, void *closure)
{
    struct izde_buf *b = closure;
    izde_buf_addf(b, "%u:%zu-%zu:%d:%d:%d:", t->pos, t->start, t->end, (int)t->kind,
                  (int)t->lang, t->stop);
    izde_buf_add(b, t->text, t->len);
    izde_buf_adds(b, t->positional ? "@\n" : "\n");
    return 0;
}

static int ignore(const struct izde_term *t, void *closure)
{
    (void)t;
    (void)closure;
    return 0;
}

/* The terms of text in every language, as a document's and as a query's,
 * each way from a new analyser when fresh is set (so that no word's
 * terms come from the cache), else all from a. */
static void analyse_all_ways(izde_analyzer_t *a, int fresh, const char *text,
                             struct izde_buf *out)
{
    char *err = NULL;
    for (int way = -1; way <= IZDE_LANG_COUNT; way++) {
        izde_analyzer_t *an = a;
        if (fresh)
            CHECK_INT(izde_analyzer_new(&an, &err), IZDE_OK);
        uint32_t pos = 7;
        if (way < 0)
            CHECK_INT(izde_analyze_text(an, text, strlen(text), &pos, NULL, render_all, out),
                      IZDE_OK);
        else if (way < IZDE_LANG_COUNT)
            CHECK_INT(izde_analyze_text_in(an, text, strlen(text), (enum izde_lang)way, &pos,
                                           render_all, out),
                      IZDE_OK);
        else
            CHECK_INT(izde_analyze_query(an, text, strlen(text), render_all, out), IZDE_OK);
        if (fresh)
            izde_analyzer_free(an);
    }
}

/* An analyser that has seen many words gives each word the terms a new one
 * gives it: the cache of recent words' terms (analyze.c) keys on the
 * language and the token kind, gives the word's own offsets and position,
 * and a word that lost its slot to another, or is too long for one, is
 * analysed anew. */
static void check_word_cache(void)
{
    /* The same words in several languages, at other offsets the second
     * time; stop words; a number; words of 24 and 25 letters (48 bytes,
     * the longest the cache keeps, and 50) and a longer one. */
    const char *probe =
        "Мектеп мектептеги окуучулар жана мугалим. Школа и мектеп, учитель 2021 года.\n\n"
        "The school teachers read мектеп. "
        "Мектептердегилердикиндейлердикиндерден мектептердегилердикиндей "
        "мектептердегилердикиндейл";
    izde_analyzer_t *warm;
    char *err = NULL;
    CHECK_INT(izde_analyzer_new(&warm, &err), IZDE_OK);
    struct izde_buf want = IZDE_BUF_INIT, got = IZDE_BUF_INIT, text = IZDE_BUF_INIT;
    analyse_all_ways(NULL, 1, probe, &want);
    /* Warm: the probe, then more distinct words than the cache has slots,
     * so that its words lose their slots, then the probe twice. */
    analyse_all_ways(warm, 0, probe, &got);
    CHECK(got.len == want.len && memcmp(got.p, want.p, want.len) == 0);
    static const char letters[] = "абвгдежзиклмнопрстуфхцчшыэюя";
    const size_t nl = (sizeof(letters) - 1) / 2;
    for (size_t i = 0; i < 40000; i++) {
        for (size_t k = i, n = 0; n < 4; k /= nl, n++)
            izde_buf_add(&text, letters + 2 * (k % nl), 2);
        izde_buf_adds(&text, i % 10 == 9 ? ".\n\n" : " ");
    }
    uint32_t pos = 0;
    CHECK_INT(izde_analyze_text(warm, text.p, text.len, &pos, NULL, ignore, NULL), IZDE_OK);
    izde_buf_clear(&got);
    analyse_all_ways(warm, 0, probe, &got);
    CHECK(got.len == want.len && memcmp(got.p, want.p, want.len) == 0);
    izde_buf_clear(&got);
    analyse_all_ways(warm, 0, probe, &got);
    CHECK(got.len == want.len && memcmp(got.p, want.p, want.len) == 0);
    izde_buf_release(&want);
    izde_buf_release(&got);
    izde_buf_release(&text);
    izde_analyzer_free(warm);
}

int main(void)
{
    izde_analyzer_t *a;
    char *err;
    CHECK_INT(izde_analyzer_new(&a, &err), IZDE_OK);
    CHECK(strstr(izde_analyzer_version(a), "analysis=") != NULL);
    struct izde_buf b = IZDE_BUF_INIT;
    uint32_t pos = 0;
    struct izde_analysis_stats stats = { { 0 } };

    /* Positions run on across paragraphs; exact forms are folded. */
    const char *text = "Мугалимдин ИШМЕРДҮҮЛҮГҮ.\n\nПедагогика менен иш-аракет.";
    CHECK_INT(izde_analyze_text(a, text, strlen(text), &pos, &stats, render, &b), IZDE_OK);
    CHECK(has(&b, "1:x:мугалимдин"));
    CHECK(has(&b, "2:x:ишмердүүлүгү"));
    CHECK(has(&b, "3:x:педагогика"));
    CHECK(has(&b, "5:x:иш"));
    CHECK(has(&b, "6:x:аракет"));
    CHECK(has(&b, "5:c:иш-аракет"));      /* the whole compound at its first part */
    CHECK_INT(pos, 6);
    /* A Kyrgyz paragraph's words get Kyrgyz stems. */
    CHECK(has(&b, ":s:K"));
    CHECK(stats.words[IZDE_LANG_KY] > 0);

    /* A Russian paragraph gets Russian stems, an English one English stems. */
    izde_buf_clear(&b);
    pos = 0;
    text = "Профессиональная компетентность учителя включает знание предмета.";
    CHECK_INT(izde_analyze_text(a, text, strlen(text), &pos, NULL, render, &b), IZDE_OK);
    CHECK(has(&b, ":s:R"));
    CHECK(!has(&b, ":s:K"));
    izde_buf_clear(&b);
    text = "Reading literacy is the foundation of learning.";
    CHECK_INT(izde_analyze_text(a, text, strlen(text), &pos, NULL, render, &b), IZDE_OK);
    CHECK(has(&b, "x:literacy"));
    CHECK(has(&b, "s:Eliteraci"));
    CHECK(!has(&b, ":s:K"));
    CHECK(!has(&b, ":s:R"));

    /* Query side: a word without ң/ө/ү may be Kyrgyz or Russian; one with
     * them is Kyrgyz only. Indexer and searcher give the same stem. */
    izde_buf_clear(&b);
    text = "образования ишмердүүлүк";
    CHECK_INT(izde_analyze_query(a, text, strlen(text), render, &b), IZDE_OK);
    CHECK(has(&b, "1:x:образования"));
    CHECK(has(&b, "1:s:R"));
    CHECK(has(&b, "1:s:K"));
    CHECK(has(&b, "2:x:ишмердүүлүк"));
    CHECK(!has(&b, "2:s:R"));
    struct izde_buf doc = IZDE_BUF_INIT;
    pos = 0;
    text = "Бул жерде ишмердүүлүк жөнүндө сөз болот.";
    CHECK_INT(izde_analyze_text(a, text, strlen(text), &pos, NULL, render, &doc), IZDE_OK);
    const char *q_stem = strstr(b.p, "2:s:K");
    CHECK(q_stem != NULL);
    if (q_stem) {
        const char *end = strchr(q_stem, ' ');
        size_t n = end ? (size_t)(end - q_stem - 2) : strlen(q_stem + 2);
        char want[128];
        snprintf(want, sizeof(want), "%.*s", (int)n, q_stem + 2);
        CHECK(has(&doc, want));
    }

    /* Folded query word: its keyboard-folded Kyrgyz stem equals the F term
     * the document made of the correctly spelled word. */
    izde_buf_clear(&b);
    text = "ишмердуулугу";
    CHECK_INT(izde_analyze_query(a, text, strlen(text), render, &b), IZDE_OK);
    const char *f = strstr(b.p, "1:s:F");
    CHECK(f != NULL);
    izde_buf_clear(&doc);
    pos = 0;
    text = "Мугалимдин ишмердүүлүгү жөнүндө сөз болот.";
    CHECK_INT(izde_analyze_text(a, text, strlen(text), &pos, NULL, render, &doc), IZDE_OK);
    if (f) {
        char want[128];
        const char *end = strchr(f, ' ');
        snprintf(want, sizeof(want), "%.*s", (int)(end ? end - f - 2 : (long)strlen(f) - 2), f + 2);
        CHECK(has(&doc, want));
    }
    CHECK(has(&doc, "s:Tишмер"));   /* the truncation backoff, folded */

    /* Latin-typed words: English stem, and the Cyrillic reading analysed
     * as a Cyrillic query word. */
    izde_buf_clear(&b);
    text = "obrazovanie ishmerduuluk";
    CHECK_INT(izde_analyze_query(a, text, strlen(text), render, &b), IZDE_OK);
    CHECK(has(&b, "1:x:obrazovanie"));
    CHECK(has(&b, "1:v:образование"));
    CHECK(has(&b, "1:s:Rобразован"));
    CHECK(has(&b, "2:v:ишмердуулук"));
    CHECK(has(&b, "2:s:F"));
    CHECK(has(&b, "2:s:Eishmerduuluk"));

    /* Mixed query: each word gets its own languages. */
    izde_buf_clear(&b);
    text = "мектеп school үй";
    CHECK_INT(izde_analyze_query(a, text, strlen(text), render, &b), IZDE_OK);
    CHECK(has(&b, "1:s:K"));
    CHECK(has(&b, "1:s:R"));
    CHECK(has(&b, "2:s:Eschool"));
    CHECK(has(&b, "3:s:Kүй"));
    CHECK(!has(&b, "3:s:F"));

    /* Every word but a stop word has exactly one phrase key: the T term of
     * a Cyrillic word, the English stem of a Latin one, the exact form of a
     * number; the compound term has none. */
    izde_buf_clear(&b);
    pos = 0;
    text = "Мугалимдин иш-аракеттери literacy 2024 жылы жана the.";
    CHECK_INT(izde_analyze_text(a, text, strlen(text), &pos, NULL, render, &b), IZDE_OK);
    CHECK_INT(pos, 8);
    for (unsigned p = 1; p <= 6; p++)
        CHECK_INT(keys_at(&b, p), 1);
    CHECK_INT(keys_at(&b, 7), 0);
    CHECK_INT(keys_at(&b, 8), 0);
    CHECK(has(&b, "7:x:жана"));
    CHECK(has(&b, "7:s:Tжана"));
    CHECK(has(&b, "1:s:Tмугал@"));
    CHECK(has(&b, "3:s:Tараке@"));
    CHECK(has(&b, "4:s:Eliteraci@"));
    CHECK(has(&b, "5:x:2024@"));
    CHECK(!has(&b, "1:x:мугалимдин@"));
    CHECK(!has(&b, "c:иш-аракеттери@"));

    /* T terms are stored one byte a letter а..я, other letters as UTF-8,
     * and read back as they were. */
    {
        struct izde_buf raw = IZDE_BUF_INIT, shown = IZDE_BUF_INIT;
        const char *w = "ишмердүүлүк";
        izde_buf_clear(&b);
        CHECK_INT(izde_analyze_query(a, w, strlen(w), render, &b), IZDE_OK);
        CHECK(has(&b, "1:s:Tишмер@"));
        const char *packed = "T\xC8\xD8\xCC\xC5\xD0";   /* и ш м е р */
        CHECK_INT(izde_analyze_query(a, w, strlen(w), raw_t, &raw), IZDE_OK);
        CHECK(raw.p && strcmp(raw.p, packed) == 0);
        CHECK_INT(izde_term_display(packed, strlen(packed), &shown), IZDE_OK);
        CHECK_STR(shown.p, "Tишмер");
        izde_buf_clear(&shown);
        const char *mixed = "T\xC0\xD3\x99";   /* а, then ә as UTF-8 */
        CHECK_INT(izde_term_display(mixed, strlen(mixed), &shown), IZDE_OK);
        CHECK_STR(shown.p, "Tаә");
        izde_buf_release(&raw);
        izde_buf_release(&shown);
    }

    /* Latin look-alikes inside a Cyrillic word are folded (a Latin 'e'). */
    izde_buf_clear(&b);
    CHECK_INT(izde_analyze_query(a, "м" "e" "ктеп", strlen("мeктеп"), render, &b), IZDE_OK);
    CHECK(has(&b, "1:x:мектеп"));

    /* Empty and punctuation-only text give no terms. */
    izde_buf_clear(&b);
    CHECK_INT(izde_analyze_query(a, "", 0, render, &b), IZDE_OK);
    CHECK_INT(izde_analyze_query(a, "?!", 2, render, &b), IZDE_OK);
    CHECK_INT(b.len, 0);

    check_word_cache();

    izde_buf_release(&b);
    izde_buf_release(&doc);
    izde_analyzer_free(a);
    izde_analyzer_free(NULL);
    return harness_finish();
}
