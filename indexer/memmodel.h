/* memmodel.h - the memory model behind --max-memory: the budget it gives each part of a run. */
#ifndef IZDE_INDEXER_MEMMODEL_H
#define IZDE_INDEXER_MEMMODEL_H

#include <stddef.h>
#include <stdint.h>
#include "indexer/options.h"

/* --max-memory: the model behind it, measured on the benchmark corpora
 * (peak RSS against batch size; see the README): the process itself takes
 * about IX_MEM_BASE_MB, each byte of text waiting in a writer's uncommitted
 * batch, or in a document being analysed, about IX_MEM_PER_TEXT_BYTE bytes
 * (Xapian's maps of terms and positions), and each file of the run
 * IX_MEM_PER_FILE (its path, its plan entry, its old record). */
#define IX_MEM_BASE_MB 48
#define IX_MEM_PER_TEXT_BYTE 12
/* The base covers IX_MEM_BASE_JOBS reading threads; each more takes about
 * IX_MEM_PER_JOB_MB (its analyser's word cache of 4 MB, ICU and stemmer
 * state, buffers: --jobs 8 peaked 34 MB above --jobs 2 under
 * --max-memory 64). Batches and files in flight keep at least
 * IX_MEM_MIN_USABLE_MB, and --jobs is lowered to what fits. */
#define IX_MEM_BASE_JOBS 2
#define IX_MEM_PER_JOB_MB 6
#define IX_MEM_MIN_USABLE_MB 8
#define IX_MEM_MIN_MB 64
#define IX_MEM_DEFAULT_MB 512
#define IX_MEM_PER_FILE 300

/* Sets o->commit_bytes, inflight_bytes and max_memory so that a run with
 * writers writer threads stays near max_mb megabytes (at least
 * IX_MEM_MIN_MB); lowers o->jobs to what fits, and then sets
 * o->jobs_asked to what it was (else 0). Of what is left after the base
 * and the reading threads beyond IX_MEM_BASE_JOBS, half goes to the
 * writers' batches and a quarter to documents in flight. The last quarter
 * is headroom: for the hyphen repair's count of the words of the text each
 * thread repairs (some 50 bytes a distinct word) and the allocator's
 * slack. It held the repair's memory of earlier files until the repair
 * came to use each file's own words only (issue 17), and stays so that
 * commits and reads are as they were. The files of the run come on top
 * (IX_MEM_PER_FILE each). */
void ix_memmodel_apply(struct ix_options *o, size_t max_mb, unsigned writers);

/* Whether a file of size bytes may start being read and analysed while
 * files holding inflight bytes are in flight, under a limit of limit
 * bytes (o->inflight_bytes; 0: none). A file larger than the limit is admitted
 * once nothing else is in flight: it is read alone rather than never. */
int ix_memmodel_admits(uint64_t inflight, uint64_t size, uint64_t limit);

#endif
