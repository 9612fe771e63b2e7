/* status.c - descriptions of the status codes. */
#include "common/status.h"

const char *izde_status_str(izde_status_t st)
{
    switch (st) {
    case IZDE_OK: return "success";
    case IZDE_ERR_NOMEM: return "out of memory";
    case IZDE_ERR_INVALID: return "invalid argument";
    case IZDE_ERR_IO: return "input/output error";
    case IZDE_ERR_NOT_FOUND: return "not found";
    case IZDE_ERR_UNSUPPORTED: return "not supported";
    case IZDE_ERR_ENCODING: return "cannot decode text";
    case IZDE_ERR_ICU: return "unicode library error";
    case IZDE_ERR_DB: return "database error";
    case IZDE_ERR_DB_OPEN: return "cannot open database";
    case IZDE_ERR_DB_LOCKED: return "database is locked";
    case IZDE_ERR_DB_CORRUPT: return "database is corrupt";
    case IZDE_ERR_DB_MODIFIED: return "database changed while reading";
    case IZDE_ERR_DB_VERSION: return "index was written by an incompatible version";
    case IZDE_ERR_QUERY: return "query error";
    case IZDE_ERR_INTERNAL: return "internal error";
    case IZDE_ERR_INTERRUPTED: return "interrupted";
    case IZDE_ERR_NO_SPACE: return "no space left on device";
    case IZDE_STATUS_COUNT: break;
    }
    return "unknown status";
}
