/* test_memmodel.c - unit tests of the --max-memory model (indexer/memmodel.c): the budgets one number turns into. */
#include <stdint.h>
#include <stdio.h>

#include "harness.h"
#include "indexer/memmodel.h"

/* The model's shares, in bytes, add up to at most what --max-memory gives. */
static void check_adds_up(const struct ix_options *o, size_t max_mb, unsigned writers)
{
    unsigned more_jobs = o->jobs > IX_MEM_BASE_JOBS ? o->jobs - IX_MEM_BASE_JOBS : 0;
    uint64_t used = ((uint64_t)IX_MEM_BASE_MB << 20) +
                    ((uint64_t)more_jobs * IX_MEM_PER_JOB_MB << 20) +
                    (uint64_t)writers * o->commit_bytes * IX_MEM_PER_TEXT_BYTE +
                    (uint64_t)o->inflight_bytes * IX_MEM_PER_TEXT_BYTE;
    if (used > (uint64_t)max_mb << 20)
        fprintf(stderr, "%s:%d: %zu MB, %u writers: the shares take %llu bytes\n", __FILE__,
                __LINE__, max_mb, writers, (unsigned long long)used);
    CHECK(used <= (uint64_t)max_mb << 20);
}

static void test_apply(void)
{
    static const struct {
        size_t max_mb;
        unsigned jobs, writers;
        size_t commit, inflight;
        unsigned jobs_after, jobs_asked;
    } rows[] = {
        /* the default with two reading threads: 464 MB after the base;
         * half, a quarter (and a quarter of headroom) */
        { 512, 2, 1, 20272469, 10136234, 2, 0 },
        /* each reading thread beyond two takes its 6 MB first */
        { 512, 4, 1, 19748181, 9874090, 4, 0 },
        /* writers share the batch budget */
        { 512, 4, 4, 4937045, 9874090, 4, 0 },
        /* 0 writers count as one */
        { 512, 0, 0, 20272469, 10136234, 0, 0 },
        /* the smallest --max-memory */
        { IX_MEM_MIN_MB, 2, 1, 699050, 349525, 2, 0 },
        { 8192, 1, 1, 355816789, 177908394, 1, 0 },
        /* more threads than fit: lowered to what leaves 8 MB */
        { IX_MEM_MIN_MB, 8, 1, 436906, 218453, 3, 8 },
        { 128, 64, 1, 349525, 174762, 14, 64 },
        { 0, 0, 0, 0, 0, 0, 0 },
    };
    for (int i = 0; rows[i].max_mb; i++) {
        struct ix_options o = { .jobs = rows[i].jobs };
        ix_memmodel_apply(&o, rows[i].max_mb, rows[i].writers);
        CHECK_INT(o.commit_bytes, rows[i].commit);
        CHECK_INT(o.inflight_bytes, rows[i].inflight);
        CHECK_INT(o.max_memory, (uint64_t)rows[i].max_mb << 20);
        CHECK_INT(o.jobs, rows[i].jobs_after);
        CHECK_INT(o.jobs_asked, rows[i].jobs_asked);
        check_adds_up(&o, rows[i].max_mb, rows[i].writers ? rows[i].writers : 1);
    }
    /* The default must be allowed. */
    CHECK(IX_MEM_DEFAULT_MB >= IX_MEM_MIN_MB && IX_MEM_MIN_MB > IX_MEM_BASE_MB);
}

static void test_admits(void)
{
    static const struct {
        uint64_t inflight, size, limit;
        int want;
    } rows[] = {
        { 0, 10, 100, 1 },
        { 60, 40, 100, 1 },     /* exactly fills the budget */
        { 60, 41, 100, 0 },     /* would go over: waits */
        { 0, 1000, 100, 1 },    /* larger than all: read alone */
        { 1, 1000, 100, 0 },    /* ... but only alone */
        { 1u << 30, 1u << 30, 0, 1 },  /* no limit */
        { 0, 0, 0, -1 },
    };
    for (int i = 0; rows[i].want >= 0; i++) {
        int got = ix_memmodel_admits(rows[i].inflight, rows[i].size, rows[i].limit);
        if (got != rows[i].want)
            fprintf(stderr, "%s:%d: admits(%llu, %llu, %llu): expected %d got %d\n", __FILE__,
                    __LINE__, (unsigned long long)rows[i].inflight,
                    (unsigned long long)rows[i].size, (unsigned long long)rows[i].limit,
                    rows[i].want, got);
        CHECK(got == rows[i].want);
    }
}

int main(void)
{
    test_apply();
    test_admits();
    return harness_finish();
}
