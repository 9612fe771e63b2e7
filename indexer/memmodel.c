/* memmodel.c - the --max-memory model: turning one number into the budgets of batches and files in flight. */
#include "indexer/memmodel.h"

void ix_memmodel_apply(struct ix_options *o, size_t max_mb, unsigned writers)
{
    size_t room = max_mb - IX_MEM_BASE_MB;
    size_t more = room > IX_MEM_MIN_USABLE_MB ? (room - IX_MEM_MIN_USABLE_MB) / IX_MEM_PER_JOB_MB
                                              : 0;
    o->jobs_asked = 0;
    if (o->jobs > IX_MEM_BASE_JOBS + more) {
        o->jobs_asked = o->jobs;
        o->jobs = IX_MEM_BASE_JOBS + (unsigned)more;
    }
    if (o->jobs > IX_MEM_BASE_JOBS)
        room -= (o->jobs - IX_MEM_BASE_JOBS) * (size_t)IX_MEM_PER_JOB_MB;
    size_t usable = room * ((size_t)1 << 20);
    o->commit_bytes = usable / 2 / IX_MEM_PER_TEXT_BYTE / (writers ? writers : 1);
    o->inflight_bytes = usable / 4 / IX_MEM_PER_TEXT_BYTE;
    o->max_memory = max_mb << 20;
}

int ix_memmodel_admits(uint64_t inflight, uint64_t size, uint64_t limit)
{
    return !limit || !inflight || inflight + size <= limit;
}
