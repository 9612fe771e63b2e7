/* memmodel.c - the --max-memory model: turning one number into the budgets of batches, files in flight and the hyphen repair. */
#include "indexer/memmodel.h"

#include "extract/dehyphen.h"

void ix_memmodel_apply(struct ix_options *o, size_t max_mb, unsigned writers)
{
    size_t usable = (max_mb - IX_MEM_BASE_MB) * ((size_t)1 << 20);
    o->commit_bytes = usable / 2 / IX_MEM_PER_TEXT_BYTE / (writers ? writers : 1);
    o->inflight_bytes = usable / 4 / IX_MEM_PER_TEXT_BYTE;
    o->max_memory = max_mb << 20;
    o->dehyphen_words = usable / 4 / IZDE_DEHYPHEN_BYTES_PER_WORD / (o->jobs ? o->jobs : 1);
    if (o->dehyphen_words > IZDE_DEHYPHEN_MEMORY_WORDS)
        o->dehyphen_words = IZDE_DEHYPHEN_MEMORY_WORDS;
}

int ix_memmodel_admits(uint64_t inflight, uint64_t size, uint64_t limit)
{
    return !limit || !inflight || inflight + size <= limit;
}
