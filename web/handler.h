/* handler.h - what izde-web's server (server.c), its routes (routes.c) and their helpers (request.c) share. */
#ifndef IZDE_WEB_HANDLER_H
#define IZDE_WEB_HANDLER_H

#include <microhttpd.h>
#include "common/buf.h"
#include "searcher/session.h"
#include "web/server.h"

/* One worker thread's state, made on its first request and kept until the
 * server stops: sessions are one per thread, and the page and output
 * buffers are reused by every request the thread serves. */
struct web_worker {
    izde_session_t *session;    /* NULL until opened, or after a failure */
    struct izde_session_page page;
    struct izde_buf out;
    struct web_worker *next;    /* the server's list, to close at stop */
};

/* One request being answered. */
struct web_ctx {
    struct MHD_Connection *conn;
    const struct web_options *opts;
    struct web_worker *w;
};

/* The worker's session, on the newest revision of the index: opened on
 * first use, refreshed on every later one, reopened after a failure.
 * NULL when the index cannot be opened now (the reason is logged). */
izde_session_t *web_session(struct web_ctx *c);

/* Forgets the worker's session after a failed read, so that the next
 * request opens the index anew (it may have been replaced or repaired). */
void web_session_failed(struct web_ctx *c, izde_status_t rc);

/* The value of query argument name (decoded by libmicrohttpd), or NULL. */
const char *web_arg(const struct web_ctx *c, const char *name);

/* Queues the answer: body (len bytes, copied) with its content type.
 * html adds the page's security headers. */
enum MHD_Result web_reply(struct web_ctx *c, unsigned status, const char *ctype,
                          const char *body, size_t len, int html);

/* The routes (routes.c); each answers the request. The functions above
 * are request.c's. */
enum MHD_Result web_route_page(struct web_ctx *c);
enum MHD_Result web_route_api_search(struct web_ctx *c);
enum MHD_Result web_route_api_suggest(struct web_ctx *c);
enum MHD_Result web_route_doc(struct web_ctx *c, const char *id);
enum MHD_Result web_route_script(struct web_ctx *c);

#endif
