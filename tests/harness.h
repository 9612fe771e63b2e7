/* harness.h - a tiny unit-test harness: CHECK macros and the closing count line. */
#ifndef IZDE_TEST_HARNESS_H
#define IZDE_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_passed, harness_failed;

#define CHECK(cond)                                                           \
    do {                                                                      \
        if (cond) {                                                           \
            harness_passed++;                                                 \
        } else {                                                              \
            harness_failed++;                                                 \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                     \
    } while (0)

/* Compares a (pointer, length) result with an expected C string. */
#define CHECK_STRN(got, got_len, want)                                        \
    do {                                                                      \
        const char *g_ = (got);                                               \
        size_t gl_ = (got_len);                                               \
        const char *w_ = (want);                                              \
        if (g_ && gl_ == strlen(w_) && memcmp(g_, w_, gl_) == 0) {            \
            harness_passed++;                                                 \
        } else {                                                              \
            harness_failed++;                                                 \
            fprintf(stderr, "%s:%d: expected '%s' got '%.*s'\n", __FILE__, __LINE__, \
                    w_, g_ ? (int)gl_ : 6, g_ ? g_ : "(null)");               \
        }                                                                     \
    } while (0)

#define CHECK_STR(got, want) \
    do { const char *s2_ = (got); CHECK_STRN(s2_, s2_ ? strlen(s2_) : 0, want); } while (0)

#define CHECK_INT(got, want)                                                  \
    do {                                                                      \
        long long g_ = (long long)(got), w_ = (long long)(want);              \
        if (g_ == w_) {                                                       \
            harness_passed++;                                                 \
        } else {                                                              \
            harness_failed++;                                                 \
            fprintf(stderr, "%s:%d: expected %lld got %lld (%s)\n", __FILE__, __LINE__, \
                    w_, g_, #got);                                            \
        }                                                                     \
    } while (0)

/* Prints the closing line ctest logs show and returns main's exit status. */
static inline int harness_finish(void)
{
    printf("%d passed, %d failed\n", harness_passed, harness_failed);
    return harness_failed ? 1 : 0;
}

#endif
