/* status.h - the one status enum shared by every module of Izde. */
#ifndef IZDE_STATUS_H
#define IZDE_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

/* Every fallible function in Izde returns one of these. Detail (which file,
 * which term) lives in the handle's error message, never in the code. */
typedef enum izde_status {
    IZDE_OK = 0,
    IZDE_ERR_NOMEM,          /* an allocation failed */
    IZDE_ERR_INVALID,        /* a bad argument (NULL, empty, out of range) */
    IZDE_ERR_IO,             /* a file could not be read or written */
    IZDE_ERR_NOT_FOUND,      /* a file, term or document does not exist */
    IZDE_ERR_UNSUPPORTED,    /* unknown language, format or feature */
    IZDE_ERR_ENCODING,       /* text could not be decoded or converted */
    IZDE_ERR_ICU,            /* ICU reported a failure */
    IZDE_ERR_DB,             /* any other Xapian error */
    IZDE_ERR_DB_OPEN,        /* database missing or not a database */
    IZDE_ERR_DB_LOCKED,      /* another writer holds the database */
    IZDE_ERR_DB_CORRUPT,     /* Xapian found the database corrupt */
    IZDE_ERR_DB_MODIFIED,    /* a reader's revision was overwritten; reopen */
    IZDE_ERR_DB_VERSION,     /* written by an incompatible Izde; reindex */
    IZDE_ERR_QUERY,          /* a query could not be built or run */
    IZDE_ERR_INTERNAL,       /* an unexpected exception or broken invariant */
    IZDE_ERR_INTERRUPTED,    /* stopped by a signal (SIGINT, SIGTERM, SIGHUP) */
    IZDE_ERR_NO_SPACE,       /* the disk filled up while writing */
    IZDE_STATUS_COUNT
} izde_status_t;

/* A short lowercase description of st ("database is locked"); static
 * storage, never NULL. */
const char *izde_status_str(izde_status_t st);

#ifdef __cplusplus
}
#endif

#endif
