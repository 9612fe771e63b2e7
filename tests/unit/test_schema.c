/* test_schema.c - the index schema's tables: unique, prefix-free, Xapian-conventional, and true to what analysis emits. */
#include <stdlib.h>
#include <string.h>
#include "analysis/analyze.h"
#include "harness.h"
#include "index/index_meta.h"
#include "index/schema.h"

static int is_upper_word(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < 'A' || *s > 'Z')
            return 0;
    return 1;
}

/* Prefixes: one exact-form entry, first; the rest uppercase ASCII, none a
 * prefix of another, so the first letters of a term name its kind. */
static void test_prefixes(void)
{
    CHECK(izde_schema_prefix_count >= 8);
    CHECK_STR(izde_schema_prefixes[0].prefix, "");
    for (size_t i = 0; i < izde_schema_prefix_count; i++) {
        const struct izde_schema_prefix *p = &izde_schema_prefixes[i];
        CHECK(p->name && p->holds && *p->holds && p->written_by && *p->written_by &&
              p->read_by && *p->read_by);
        if (i > 0 && !is_upper_word(p->prefix)) {
            CHECK(!"prefix is not uppercase ASCII");
            fprintf(stderr, "  prefix '%s' (%s)\n", p->prefix, p->name);
        }
        for (size_t j = 0; j < izde_schema_prefix_count; j++) {
            const struct izde_schema_prefix *q = &izde_schema_prefixes[j];
            if (i == j || !*p->prefix || !*q->prefix)
                continue;
            if (strncmp(p->prefix, q->prefix, strlen(p->prefix)) == 0) {
                CHECK(!"a prefix begins another (or is repeated)");
                fprintf(stderr, "  '%s' (%s) and '%s' (%s)\n", p->prefix, p->name, q->prefix,
                        q->name);
            }
            if (strcmp(p->name, q->name) == 0)
                CHECK(!"a prefix name is repeated");
        }
    }
    /* Id, language and code terms filter; they must not add weight. */
    for (size_t i = 0; i < izde_schema_prefix_count; i++) {
        const char *pf = izde_schema_prefixes[i].prefix;
        if (strcmp(pf, IZDE_PREFIX_ID) == 0 || strcmp(pf, IZDE_PREFIX_LANG) == 0 ||
            strcmp(pf, IZDE_PREFIX_UDC) == 0 || strcmp(pf, IZDE_PREFIX_DOI) == 0 ||
            strcmp(pf, IZDE_PREFIX_YEAR) == 0)
            CHECK(izde_schema_prefixes[i].flags & IZDE_SCHEMA_BOOLEAN);
    }
}

/* Every slot once, each number once, and the enum's values among them. */
static void test_slots(void)
{
    static const uint32_t named[] = { IZDE_SLOT_MTIME,   IZDE_SLOT_SIZE,    IZDE_SLOT_HASH,
                                      IZDE_SLOT_YEAR,    IZDE_SLOT_PAGE,    IZDE_SLOT_LANG,
                                      IZDE_SLOT_UDC,     IZDE_SLOT_JOURNAL, IZDE_SLOT_AUTHORS,
                                      IZDE_SLOT_KEYWORDS };
    CHECK_INT(izde_schema_slot_count, sizeof(named) / sizeof(named[0]));
    for (size_t i = 0; i < izde_schema_slot_count; i++) {
        CHECK(izde_schema_slots[i].holds && izde_schema_slots[i].written_by &&
              izde_schema_slots[i].read_by);
        CHECK(izde_schema_slots[i].slot != 0xFFFFFFFFu);   /* Xapian's BAD_VALUENO */
        for (size_t j = i + 1; j < izde_schema_slot_count; j++) {
            if (izde_schema_slots[i].slot == izde_schema_slots[j].slot) {
                CHECK(!"a value slot is listed twice");
                fprintf(stderr, "  slot %u (%s, %s)\n", (unsigned)izde_schema_slots[i].slot,
                        izde_schema_slots[i].name, izde_schema_slots[j].name);
            }
        }
    }
    for (size_t k = 0; k < sizeof(named) / sizeof(named[0]); k++) {
        int found = 0;
        for (size_t i = 0; i < izde_schema_slot_count; i++)
            found += izde_schema_slots[i].slot == named[k];
        CHECK_INT(found, 1);
    }
}

static void test_metadata(void)
{
    for (size_t i = 0; i < izde_schema_meta_count; i++) {
        CHECK(strncmp(izde_schema_metadata[i].key, "izde.", 5) == 0);
        for (size_t j = i + 1; j < izde_schema_meta_count; j++)
            CHECK(strcmp(izde_schema_metadata[i].key, izde_schema_metadata[j].key) != 0);
    }
}

/* The history ends at the format this build writes, versions ascending. */
static void test_history(void)
{
    CHECK(izde_schema_history_count >= 1);
    if (izde_schema_history_count == 0)
        return;
    CHECK_STR(izde_schema_history[izde_schema_history_count - 1].format, IZDE_INDEX_FORMAT);
    for (size_t i = 0; i < izde_schema_history_count; i++) {
        CHECK(izde_schema_history[i].since && *izde_schema_history[i].since);
        CHECK(izde_schema_history[i].what && *izde_schema_history[i].what);
        if (i > 0)
            CHECK(atoi(izde_schema_history[i].format) > atoi(izde_schema_history[i - 1].format));
    }
}

/* Each term analysis makes is an exact form (its first byte no uppercase
 * ASCII letter) or starts with a prefix of the table. */
static int check_term(const struct izde_term *t, void *closure)
{
    int *bad = closure;
    unsigned char c = (unsigned char)t->text[0];
    if (t->len == 0) {
        (*bad)++;
        return 0;
    }
    int ok = 0;
    if (c < 'A' || c > 'Z') {
        ok = t->kind != IZDE_TERM_STEM;
    } else {
        for (size_t i = 1; i < izde_schema_prefix_count; i++) {
            size_t n = strlen(izde_schema_prefixes[i].prefix);
            if (t->len > n && memcmp(t->text, izde_schema_prefixes[i].prefix, n) == 0)
                ok = t->kind == IZDE_TERM_STEM;
        }
    }
    if (!ok) {
        (*bad)++;
        fprintf(stderr, "%s:%d: term '%.*s' (kind %d) fits no schema entry\n", __FILE__,
                __LINE__, (int)t->len, t->text, (int)t->kind);
    }
    return 0;
}

static void test_analysis_terms(void)
{
    static const char text[] =
        "Мугалимдердин кесиптик өнүгүүсү жана иш-аракет. ОКУТУУЧУЛАР МЕКТЕПТЕ!\n\n"
        "Учителя в сельских школах Кыргызстана работают.\n\n"
        "Teachers ASSESS Reading Literacy in 2024; ÉCOLE Ölçü 42 日本語.";
    izde_analyzer_t *a = NULL;
    CHECK_INT(izde_analyzer_new(&a, NULL), IZDE_OK);
    if (!a)
        return;
    int bad = 0;
    uint32_t pos = 0;
    CHECK_INT(izde_analyze_text(a, text, sizeof(text) - 1, &pos, NULL, check_term, &bad),
              IZDE_OK);
    CHECK_INT(izde_analyze_query(a, text, sizeof(text) - 1, check_term, &bad), IZDE_OK);
    CHECK_INT(bad, 0);
    izde_analyzer_free(a);
}

int main(void)
{
    test_prefixes();
    test_slots();
    test_metadata();
    test_history();
    test_analysis_terms();
    return harness_finish();
}
