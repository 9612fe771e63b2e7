/* request.c - what every route needs: the worker's session on the newest revision, arguments, replies. */
#include <stdlib.h>
#include "common/diag.h"
#include "web/handler.h"

izde_session_t *web_session(struct web_ctx *c)
{
    struct web_worker *w = c->w;
    if (w->session) {
        /* A writer's commit since the last request: read the new revision.
         * A failure here is usually --full or --compact having swapped in
         * a new database (the old one is gone): opening anew finds it, and
         * only a failure to open is worth a message. */
        if (izde_session_refresh(w->session) == IZDE_OK)
            return w->session;
        izde_session_close(w->session);
        w->session = NULL;
    }
    char *msg = NULL;
    izde_status_t rc = izde_session_open(c->opts->dbs, c->opts->ndbs, &w->session, &msg);
    if (rc != IZDE_OK) {
        izde_diag_warning("%s", msg ? msg : izde_status_str(rc));
        w->session = NULL;
    }
    free(msg);
    return w->session;
}

void web_session_failed(struct web_ctx *c, izde_status_t rc)
{
    izde_diag_warning("search failed: %s", izde_session_errmsg(c->w->session, rc));
    izde_session_close(c->w->session);
    c->w->session = NULL;
}

const char *web_arg(const struct web_ctx *c, const char *name)
{
    return MHD_lookup_connection_value(c->conn, MHD_GET_ARGUMENT_KIND, name);
}

/* Pages ask the browser to run no script but izde-web's own file (no
 * inline script) and load nothing from elsewhere: a defence behind the
 * escaping, should a bug ever let markup through. */
static const char page_policy[] = "default-src 'none'; style-src 'unsafe-inline'; "
                                  "script-src 'self'; connect-src 'self'; "
                                  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

enum MHD_Result web_reply(struct web_ctx *c, unsigned status, const char *ctype, const char *body,
                          size_t len, int html)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (html) {
        MHD_add_response_header(r, "Content-Security-Policy", page_policy);
        MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    }
    enum MHD_Result ret = MHD_queue_response(c->conn, status, r);
    MHD_destroy_response(r);
    return ret;
}
