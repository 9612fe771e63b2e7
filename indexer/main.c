/* main.c - izde-index: reads the options, runs, prints the summary and returns the exit status. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "common/diag.h"
#include "indexer/indexer.h"
#include "indexer/memmodel.h"

/* The first signal asks the run to stop (see ix_interrupt_signal); a
 * second one ends the process at once, which is safe too: the index only
 * changes by atomic commits. */
static void on_signal(int sig)
{
    if (ix_interrupt_signal) {
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    ix_interrupt_signal = sig;
}

static void catch_signals(void)
{
    static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        struct sigaction old, sa;
        /* An ignored signal stays ignored (nohup, a background job). */
        if (sigaction(sigs[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        /* Reads and waits resume; the writer looks at the flag itself. */
        sa.sa_flags = SA_RESTART;
        sigaction(sigs[i], &sa, NULL);
    }
}

/* Called when Xapian stops the process from inside a commit (see
 * izde_set_fatal_handler): the error gets the one plain line and the exit
 * status any other write error gets, instead of "terminate called" and a
 * core. _exit, not exit: analysis threads may still be running, and static
 * destructors must not run under them. The commit never happened, so the
 * last committed index is what searches see, as after a crash. */
static void on_fatal(void *closure)
{
    const char *db = closure;
    izde_diag_error("cannot write to '%s': the Xapian library stopped on a write error (a "
                    "full disk or a file size limit?); the last committed index is still live, "
                    "run izde-index again once there is space", db);
    _exit(IZDE_EXIT_FAILED);
}

int main(int argc, char **argv)
{
    izde_diag_init("izde-index");
    struct ix_options opts;
    ix_options_init(&opts);
    int status = ix_options_parse(&opts, argc, argv);
    if (status >= 0) {
        ix_options_release(&opts);
        return status;
    }
    izde_diag_set_quiet(opts.quiet);
    ix_memmodel_apply(&opts, opts.max_memory >> 20, opts.shards > 1 ? opts.shards : 1);
    if (opts.jobs_asked)
        izde_diag_warning("--max-memory %zu leaves room for %u reading threads, not %u",
                          opts.max_memory >> 20, opts.jobs, opts.jobs_asked);

    struct ix_report report = { 0 };
    if (ix_report_open(&report, opts.log_path) != IZDE_OK) {
        ix_options_release(&opts);
        return IZDE_EXIT_FAILED;
    }
    catch_signals();
    izde_set_fatal_handler(on_fatal, (void *)opts.db_path);

    double t0 = ix_now_seconds();
    izde_status_t rc = ix_run(&opts, &report);
    ix_report_summary(stderr, &report, rc, ix_now_seconds() - t0, opts.quiet);
    ix_report_close(&report, opts.log_path);
    ix_options_release(&opts);
    if (rc == IZDE_ERR_INTERRUPTED)
        return izde_diag_signal_exit_code(ix_interrupt_signal);
    if (rc != IZDE_OK)
        return izde_diag_exit_code(rc);
    return report.counts.n[IX_FAILED] ? IZDE_EXIT_FAILED : IZDE_EXIT_OK;
}
