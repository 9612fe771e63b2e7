/* server.c - runs libmicrohttpd (thread pool, timeouts), gives each worker its own session, routes requests. */
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "web/handler.h"

/* A slow or stalled client is dropped after this many idle seconds, so it
 * cannot hold a connection for long (the pool's threads poll many
 * connections each; a slow one never blocks a thread). */
#define WEB_TIMEOUT_SECONDS 15
/* Room for a request's head: a query at the session's limit (16 KB) is
 * up to 48 KB once percent-encoded in the URL, and must reach the session
 * to be told it is too long instead of being cut by the HTTP layer. */
#define WEB_CONNECTION_MEMORY (128 * 1024)
#define WEB_MAX_CONNECTIONS   512

struct web_server {
    struct MHD_Daemon *daemon;
    struct web_options opts;
    pthread_mutex_t lock; /* guards workers */
    struct web_worker *workers;
    pthread_key_t key; /* each thread's worker */
};

/* This thread's worker, made and listed on its first request. */
static struct web_worker *worker(struct web_server *srv)
{
    struct web_worker *w = pthread_getspecific(srv->key);
    if (w)
        return w;
    w = calloc(1, sizeof(*w));
    if (!w || pthread_setspecific(srv->key, w) != 0) {
        free(w);
        return NULL;
    }
    w->page = (struct izde_session_page)IZDE_SESSION_PAGE_INIT;
    pthread_mutex_lock(&srv->lock);
    w->next = srv->workers;
    srv->workers = w;
    pthread_mutex_unlock(&srv->lock);
    return w;
}

static enum MHD_Result plain(struct web_ctx *c, unsigned status, const char *text)
{
    return web_reply(c, status, "text/plain; charset=utf-8", text, strlen(text), 0);
}

/* Whether the request's headers say a body follows: a length other
 * than 0, or chunks. */
static int announces_body(struct MHD_Connection *conn)
{
    const char *length =
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    return (length && strspn(length, "0") != strlen(length)) ||
           MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
                                       MHD_HTTP_HEADER_TRANSFER_ENCODING) != NULL;
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *conn, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **req)
{
    (void)version;
    (void)upload;
    static char headers_read;
    struct web_server *srv = cls;
    struct web_ctx c = { conn, &srv->opts, worker(srv) };
    if (!c.w)
        return MHD_NO;
    if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
        return plain(&c, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET and HEAD\n");
    /* A response queued on the first call, before MHD has read all of the
     * request, makes it close the connection after answering: every page,
     * script and suggestion would then cost a new connection. So the
     * first call only notes the request. */
    if (!*req) {
        /* A request that announces a body is refused before MHD reads
         * it, however long it says it is, and MHD then closes the
         * connection, the body unread. */
        if (announces_body(conn))
            return plain(&c, MHD_HTTP_BAD_REQUEST, "a GET has no body\n");
        *req = &headers_read;
        return MHD_YES;
    }
    /* Without a length or chunks there is no body for MHD to pass on. */
    if (*upload_size)
        return MHD_NO;
    if (strcmp(url, "/") == 0)
        return web_route_page(&c);
    if (strcmp(url, "/api/search") == 0)
        return web_route_api_search(&c);
    if (strcmp(url, "/api/suggest") == 0)
        return web_route_api_suggest(&c);
    if (strcmp(url, "/izde.js") == 0)
        return web_route_script(&c);
    if (strncmp(url, "/doc/", 5) == 0)
        return web_route_doc(&c, url + 5);
    return plain(&c, MHD_HTTP_NOT_FOUND, "not found\n");
}

/* Reads "HOST:PORT" or "[V6]:PORT" into *ai. */
static izde_status_t parse_listen(const char *listen, struct addrinfo **ai, char **msg)
{
    const char *colon = strrchr(listen, ':');
    char host[256];
    size_t hlen = colon ? (size_t)(colon - listen) : 0;
    if (!colon || hlen == 0 || hlen >= sizeof host || !colon[1]) {
        *msg = strdup("--listen wants HOST:PORT, such as 127.0.0.1:8080");
        return IZDE_ERR_INVALID;
    }
    memcpy(host, listen, hlen);
    host[hlen] = '\0';
    if (host[0] == '[' && hlen > 2 && host[hlen - 1] == ']') {
        memmove(host, host + 1, hlen - 2);
        host[hlen - 2] = '\0';
    }
    struct addrinfo hints = { .ai_flags = AI_NUMERICSERV, .ai_socktype = SOCK_STREAM };
    int err = getaddrinfo(host, colon + 1, &hints, ai);
    if (err != 0) {
        size_t n = strlen(listen) + strlen(gai_strerror(err)) + 40;
        if ((*msg = malloc(n)))
            snprintf(*msg, n, "cannot listen on '%s': %s", listen, gai_strerror(err));
        return IZDE_ERR_INVALID;
    }
    return IZDE_OK;
}

izde_status_t web_server_start(const struct web_options *o, web_server_t **out, char **msg)
{
    *out = NULL;
    *msg = NULL;
    struct web_server *srv = calloc(1, sizeof(*srv));
    if (!srv)
        return IZDE_ERR_NOMEM;
    srv->opts = *o;
    pthread_mutex_init(&srv->lock, NULL);
    if (pthread_key_create(&srv->key, NULL) != 0) {
        free(srv);
        return IZDE_ERR_NOMEM;
    }
    struct addrinfo *ai = NULL;
    izde_status_t rc = parse_listen(o->listen, &ai, msg);
    if (rc != IZDE_OK) {
        web_server_stop(srv);
        return rc;
    }
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG;
    if (ai->ai_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    srv->daemon = MHD_start_daemon(flags, 0, NULL, NULL, answer, srv, MHD_OPTION_SOCK_ADDR,
                                   ai->ai_addr, MHD_OPTION_THREAD_POOL_SIZE, (unsigned)o->threads,
                                   MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)WEB_TIMEOUT_SECONDS,
                                   MHD_OPTION_CONNECTION_MEMORY_LIMIT,
                                   (size_t)WEB_CONNECTION_MEMORY, MHD_OPTION_CONNECTION_LIMIT,
                                   (unsigned)WEB_MAX_CONNECTIONS, MHD_OPTION_END);
    freeaddrinfo(ai);
    if (!srv->daemon) {
        size_t n = strlen(o->listen) + 80;
        if ((*msg = malloc(n)))
            snprintf(*msg, n, "cannot listen on '%s' (taken, or not an address of this host)",
                     o->listen);
        web_server_stop(srv);
        return IZDE_ERR_IO;
    }
    *out = srv;
    return IZDE_OK;
}

unsigned web_server_port(const web_server_t *s)
{
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info ? info->port : 0;
}

void web_server_stop(web_server_t *s)
{
    if (!s)
        return;
    if (s->daemon)
        MHD_stop_daemon(s->daemon);
    for (struct web_worker *w = s->workers, *next; w; w = next) {
        next = w->next;
        izde_session_close(w->session);
        izde_session_page_release(&w->page);
        izde_buf_release(&w->out);
        free(w);
    }
    pthread_key_delete(s->key);
    pthread_mutex_destroy(&s->lock);
    free(s);
}
