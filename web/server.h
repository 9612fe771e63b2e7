/* server.h - izde-web's HTTP server: libmicrohttpd's thread pool, a search session per worker. */
#ifndef IZDE_WEB_SERVER_H
#define IZDE_WEB_SERVER_H

#include <stddef.h>
#include "common/status.h"

struct web_options {
    const char *const *dbs; /* the indexes, searched as one */
    size_t ndbs;
    const char *listen;     /* "HOST:PORT" ("[::1]:8080" for IPv6); port 0
                               picks a free one */
    unsigned threads;       /* worker threads, each with its own session */
    int files;              /* serve indexed files at /doc/ID (no --no-files) */
    int follow_links;       /* ... also through a symbolic link (--follow-symlinks) */
};

typedef struct web_server web_server_t;

/* Starts serving. The indexes are opened by each worker when it first
 * needs them, so a missing index does not stop the server: its requests
 * answer 503 until the index is there.
 * OUT: *out; *msg on failure (malloc'ed, the caller frees it).
 * Returns IZDE_OK, IZDE_ERR_INVALID for a listen address that cannot be
 * read, IZDE_ERR_IO when the server cannot start (the port is taken),
 * IZDE_ERR_NOMEM. */
izde_status_t web_server_start(const struct web_options *o, web_server_t **out, char **msg);

/* The port the server listens on (the one chosen, for port 0). */
unsigned web_server_port(const web_server_t *s);

/* Stops accepting, waits for the requests being served, closes every
 * session. NULL is a no-op. */
void web_server_stop(web_server_t *s);

#endif
