/* fuzz_util.h - what the fuzz targets share: invariant checks that stop the run. */
#ifndef IZDE_FUZZ_UTIL_H
#define IZDE_FUZZ_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include "common/status.h"
#include "text/text.h"

/* A broken invariant is a finding like a crash: say where, then abort, so
 * that libFuzzer saves the input and the replay test fails. */
#define FUZZ_CHECK(cond)                                                          \
    do {                                                                          \
        if (!(cond)) {                                                            \
            fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                       \
            abort();                                                              \
        }                                                                         \
    } while (0)

/* Setting up what every input shares must not fail. */
#define FUZZ_SETUP(rc)                                                            \
    do {                                                                          \
        izde_status_t fuzz_rc_ = (rc);                                            \
        if (fuzz_rc_ != IZDE_OK) {                                                \
            fprintf(stderr, "%s:%d: setup failed: %s\n", __FILE__, __LINE__,      \
                    izde_status_str(fuzz_rc_));                                   \
            abort();                                                              \
        }                                                                         \
    } while (0)

/* Whether s is valid UTF-8. */
static inline int fuzz_valid_utf8(const char *s, size_t len)
{
    return izde_text_utf8_check(s, len, NULL) == 0;
}

#endif
