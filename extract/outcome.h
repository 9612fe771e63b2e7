/* outcome.h - what happened to one file: indexed, or skipped or failed and why; apart from izde_status_t, which stays for errors of the code (no memory, ...). */
#ifndef IZDE_EXTRACT_OUTCOME_H
#define IZDE_EXTRACT_OUTCOME_H

#include "common/status.h"

/* A file's fate. Skipped fates (empty, too large, unsupported, changed)
 * are not counted as failures; binary and failed are. The values are not
 * a wire format: extract/wire.h numbers them for the helper protocol. */
enum ix_fate {
    IX_FATE_INDEXED = 0,    /* its text was extracted */
    IX_FATE_EMPTY,          /* an empty file, or one with no words: skipped */
    IX_FATE_TOO_LARGE,      /* the file or its text is over --max-size: skipped */
    IX_FATE_UNSUPPORTED,    /* a format Izde does not read, a PDF without text: skipped */
    IX_FATE_CHANGED,        /* no longer the regular file the walk saw: skipped */
    IX_FATE_BINARY,         /* binary content, not text: failed */
    IX_FATE_FAILED,         /* unreadable, corrupt, the parser crashed...: failed */
    IX_FATE_COUNT
};

/* What happened to a file and, unless it was indexed, why: one line,
 * malloc'ed, owned by the outcome ("file is larger than --max-size"). */
struct ix_outcome {
    enum ix_fate fate;
    char *why;
};

/* Sets o to indexed with no reason (o's old reason is not freed). */
void ix_outcome_init(struct ix_outcome *o);
/* Frees the reason and sets o back to indexed, for a reader that decided
 * to go on after a part failed. */
void ix_outcome_clear(struct ix_outcome *o);

/* Settles o once reading a file ended in st: back to indexed with no
 * reason on IZDE_OK; otherwise every refused file has a fate (failed,
 * unless a reader chose one) and a reason (the status's text, unless a
 * reader gave one). In this process and in the helper alike. */
void ix_outcome_settle(struct ix_outcome *o, izde_status_t st);

/* Whether a file of this fate is skipped (not counted as failed). */
int ix_fate_skipped(enum ix_fate fate);

/* A short lowercase name ("too large"); static, never NULL. */
const char *ix_fate_name(enum ix_fate fate);

#endif
