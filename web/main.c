/* main.c - izde-web: options, then the HTTP server (server.c) until SIGINT or SIGTERM. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/version.h"
#include "common/cli.h"
#include "common/default_db.h"
#include "common/diag.h"
#include "web/server.h"

static void usage(void)
{
    printf("usage: izde-web [--db DIR [--db DIR2 ...]] [--listen HOST:PORT] [options]\n"
           "\n"
           "Serves a search page and a JSON API over the index, ranked exactly as\n"
           "izde-search ranks. Pages: /  (?q=WORDS&page=N&lang=ky|ru|en&ui=ky|ru|en);\n"
           "API: /api/search?q=WORDS&page=N&limit=N&lang=L (izde-search's JSON object),\n"
           "/api/suggest?q=WORDS; indexed files: /doc/ID.\n"
           "\n"
           "  --db DIR          an index to search (several are searched as one)\n"
           "                    (default: $IZDE_DB, else $XDG_DATA_HOME/izde/default,\n"
           "                    ~/.local/share/izde/default)\n"
           "  --listen ADDR     HOST:PORT to listen on (default 127.0.0.1:8080; port 0\n"
           "                    picks a free one); other hosts than loopback can reach a\n"
           "                    public address: the index and its files are then theirs\n"
           "  --threads N       worker threads, each with its own session (default 4)\n"
           "  --no-files        show metadata and snippets only, never the files\n"
           "  --follow-symlinks serve a file whose path is a symbolic link (for an index\n"
           "                    built with izde-index --follow-symlinks); otherwise such\n"
           "                    a file, like one changed since it was indexed, is 404\n"
           "  -h, --help        show this help\n"
           "  -V, --version     show the version\n"
           "\n"
           "It prints 'izde-web: listening on http://HOST:PORT/' once it serves, and\n"
           "stops on SIGINT or SIGTERM. A missing or unreadable index answers 503 until\n"
           "it can be opened; the server keeps running.\n"
           "\n"
           "exit status:\n"
           "  0   stopped by SIGINT or SIGTERM\n"
           "  1   could not start (the address is taken)\n"
           "  2   usage error\n");
}

enum { OPT_DB = 1, OPT_LISTEN, OPT_THREADS, OPT_NO_FILES, OPT_FOLLOW, OPT_HELP, OPT_VERSION };

static const struct izde_cli_option options[] = {
    { "db", 0, IZDE_CLI_VALUE, OPT_DB },
    { "listen", 0, IZDE_CLI_VALUE, OPT_LISTEN },
    { "threads", 0, IZDE_CLI_VALUE, OPT_THREADS },
    { "no-files", 0, IZDE_CLI_FLAG, OPT_NO_FILES },
    { "follow-symlinks", 0, IZDE_CLI_FLAG, OPT_FOLLOW },
    { "help", 'h', IZDE_CLI_FLAG, OPT_HELP },
    { "version", 'V', IZDE_CLI_FLAG, OPT_VERSION },
    { NULL, 0, 0, 0 },
};

/* The options into o; -1 to go on, else the exit status. */
static int parse_options(int argc, char **argv, struct web_options *o, const char **dbs)
{
    struct izde_cli cli;
    izde_cli_init(&cli, argc, argv, "izde-web", options, 0);
    const char *v;
    unsigned long long n;
    int id;
    while ((id = izde_cli_next(&cli, &v)) != IZDE_CLI_END) {
        switch (id) {
        case IZDE_CLI_OPERAND:
            izde_diag_usage("unexpected argument '%s'", v);
            return IZDE_EXIT_USAGE;
        case IZDE_CLI_ERROR:
            return IZDE_EXIT_USAGE;
        case OPT_HELP:
            usage();
            return IZDE_EXIT_OK;
        case OPT_VERSION:
            izde_version_print(stdout, "izde-web");
            return IZDE_EXIT_OK;
        case OPT_DB:
            dbs[o->ndbs++] = v;
            break;
        case OPT_LISTEN:
            o->listen = v;
            break;
        case OPT_THREADS:
            if (izde_cli_number(v, 1, 256, &n) != 0) {
                izde_cli_bad_value(&cli, "a number from 1 to 256", v);
                return IZDE_EXIT_USAGE;
            }
            o->threads = (unsigned)n;
            break;
        case OPT_NO_FILES:
            o->files = 0;
            break;
        case OPT_FOLLOW:
            o->follow_links = 1;
            break;
        }
    }
    return -1;
}

int main(int argc, char **argv)
{
    izde_diag_init("izde-web");
    const char **dbs = calloc((size_t)argc + 1, sizeof(char *));
    if (!dbs)
        return IZDE_EXIT_FAILED;
    struct web_options o = { .dbs = dbs, .listen = "127.0.0.1:8080", .threads = 4, .files = 1 };
    char *default_path = NULL;
    int status = parse_options(argc, argv, &o, dbs);
    if (status < 0 && o.ndbs == 0) {
        enum izde_db_origin origin;
        if (izde_default_db(&default_path, &origin) != IZDE_OK) {
            izde_diag_usage("no --db DIR, and neither IZDE_DB nor HOME is set");
            status = IZDE_EXIT_USAGE;
        } else {
            dbs[o.ndbs++] = default_path;
        }
    }
    if (status >= 0) {
        free(dbs);
        free(default_path);
        return status;
    }
    /* The workers inherit this mask, so SIGINT and SIGTERM reach sigwait. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);
    web_server_t *srv = NULL;
    char *msg = NULL;
    izde_status_t rc = web_server_start(&o, &srv, &msg);
    if (rc != IZDE_OK) {
        izde_diag_error("%s", msg ? msg : izde_status_str(rc));
        status = rc == IZDE_ERR_INVALID ? IZDE_EXIT_USAGE : IZDE_EXIT_FAILED;
    } else {
        fprintf(stderr, "izde-web: listening on http://%.*s:%u/\n",
                (int)(strrchr(o.listen, ':') - o.listen), o.listen, web_server_port(srv));
        int sig;
        sigwait(&stop, &sig);
        web_server_stop(srv);
        status = IZDE_EXIT_OK;
    }
    free(msg);
    free(dbs);
    free(default_path);
    return status;
}
