/* outcome.c - a file's fate: which fates are skips, and their names. */
#include "extract/outcome.h"

#include <stdlib.h>
#include <string.h>

void ix_outcome_init(struct ix_outcome *o)
{
    o->fate = IX_FATE_INDEXED;
    o->why = NULL;
}

void ix_outcome_clear(struct ix_outcome *o)
{
    free(o->why);
    ix_outcome_init(o);
}

void ix_outcome_settle(struct ix_outcome *o, izde_status_t st)
{
    if (st == IZDE_OK) {
        ix_outcome_clear(o);
        return;
    }
    if (o->fate == IX_FATE_INDEXED)
        o->fate = IX_FATE_FAILED;
    if (!o->why)
        o->why = strdup(izde_status_str(st));
}

int ix_fate_skipped(enum ix_fate fate)
{
    switch (fate) {
    case IX_FATE_EMPTY:
    case IX_FATE_TOO_LARGE:
    case IX_FATE_UNSUPPORTED:
    case IX_FATE_CHANGED:
        return 1;
    case IX_FATE_INDEXED:
    case IX_FATE_BINARY:
    case IX_FATE_FAILED:
    case IX_FATE_COUNT:
        break;
    }
    return 0;
}

const char *ix_fate_name(enum ix_fate fate)
{
    switch (fate) {
    case IX_FATE_INDEXED: return "indexed";
    case IX_FATE_EMPTY: return "empty";
    case IX_FATE_TOO_LARGE: return "too large";
    case IX_FATE_UNSUPPORTED: return "unsupported";
    case IX_FATE_CHANGED: return "changed";
    case IX_FATE_BINARY: return "binary";
    case IX_FATE_FAILED: return "failed";
    case IX_FATE_COUNT: break;
    }
    return "unknown fate";
}
