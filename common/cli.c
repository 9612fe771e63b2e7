/* cli.c - GNU-style option parsing shared by the Izde programs. */
#include "common/cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void izde_cli_init(struct izde_cli *c, int argc, char **argv, const char *prog,
                   const struct izde_cli_option *options, unsigned flags)
{
    memset(c, 0, sizeof(*c));
    c->argc = argc;
    c->argv = argv;
    c->prog = prog;
    c->options = options;
    c->flags = flags;
    c->index = 1;
}

static void report(const struct izde_cli *c, const char *fmt, const char *what)
{
    fprintf(stderr, "%s: ", c->prog);
    fprintf(stderr, fmt, what);
    fprintf(stderr, " (see %s --help)\n", c->prog);
}

static const struct izde_cli_option *find_long(const struct izde_cli *c, const char *name,
                                               size_t len)
{
    for (const struct izde_cli_option *o = c->options; o->name; o++)
        if (strlen(o->name) == len && memcmp(o->name, name, len) == 0)
            return o;
    return NULL;
}

static const struct izde_cli_option *find_short(const struct izde_cli *c, char ch)
{
    for (const struct izde_cli_option *o = c->options; o->name; o++)
        if (o->short_name && o->short_name == ch)
            return o;
    return NULL;
}

/* "--name", "--name=value" */
static int next_long(struct izde_cli *c, const char *arg, const char **value)
{
    const char *name = arg + 2, *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    const struct izde_cli_option *o = find_long(c, name, len);
    snprintf(c->current, sizeof(c->current), "--%.*s", (int)(len < 60 ? len : 60), name);
    const char *spelled = c->current;
    if (!o) {
        report(c, "unknown option '%s'", spelled);
        return IZDE_CLI_ERROR;
    }
    if (o->arg == IZDE_CLI_FLAG) {
        if (eq) {
            report(c, "option '%s' takes no value", spelled);
            return IZDE_CLI_ERROR;
        }
        *value = NULL;
        return o->id;
    }
    if (eq) {
        *value = eq + 1;
        return o->id;
    }
    if (o->arg == IZDE_CLI_OPTIONAL) {
        *value = NULL;
        return o->id;
    }
    if (c->index >= c->argc) {
        report(c, "option '%s' needs a value", spelled);
        return IZDE_CLI_ERROR;
    }
    *value = c->argv[c->index++];
    return o->id;
}

/* One letter of "-abc" or "-j2". */
static int next_short(struct izde_cli *c, const char **value)
{
    char ch = *c->cluster++;
    const struct izde_cli_option *o = find_short(c, ch);
    if ((unsigned char)ch < 0x80)
        snprintf(c->current, sizeof(c->current), "-%c", ch);
    else    /* half a UTF-8 letter says nothing: name the whole argument */
        snprintf(c->current, sizeof(c->current), "%s", c->argv[c->index - 1]);
    const char *spelled = c->current;
    if (!o) {
        c->cluster = NULL;
        report(c, "unknown option '%s'", spelled);
        return IZDE_CLI_ERROR;
    }
    if (o->arg != IZDE_CLI_VALUE) {
        if (!*c->cluster)
            c->cluster = NULL;
        *value = NULL;
        return o->id;
    }
    if (*c->cluster) {
        *value = c->cluster;
    } else if (c->index < c->argc) {
        *value = c->argv[c->index++];
    } else {
        c->cluster = NULL;
        report(c, "option '%s' needs a value", spelled);
        return IZDE_CLI_ERROR;
    }
    c->cluster = NULL;
    return o->id;
}

/* Under IZDE_CLI_DASH_OPERANDS, "-x..." is an option only when x is a known
 * short option and the rest makes sense for it: a flag alone ("-h"), or a
 * value ("-j2"). "-мектеп" is then a word to exclude. */
static int is_short_option(const struct izde_cli *c, const char *arg)
{
    if (!(c->flags & IZDE_CLI_DASH_OPERANDS))
        return 1;
    const struct izde_cli_option *o = find_short(c, arg[1]);
    return o && (o->arg == IZDE_CLI_VALUE || arg[2] == '\0');
}

int izde_cli_next(struct izde_cli *c, const char **value)
{
    *value = NULL;
    if (c->cluster)
        return next_short(c, value);
    if (c->index >= c->argc)
        return IZDE_CLI_END;
    const char *arg = c->argv[c->index++];
    if (c->operands_only || arg[0] != '-' || arg[1] == '\0') {
        *value = arg;
        return IZDE_CLI_OPERAND;
    }
    if (arg[1] == '-') {
        if (arg[2] == '\0') {
            c->operands_only = 1;
            return izde_cli_next(c, value);
        }
        return next_long(c, arg, value);
    }
    if (!is_short_option(c, arg)) {
        *value = arg;
        return IZDE_CLI_OPERAND;
    }
    c->cluster = arg + 1;
    return next_short(c, value);
}

void izde_cli_bad_value(const struct izde_cli *c, const char *wants, const char *value)
{
    fprintf(stderr, "%s: %s wants %s, got '%s' (see %s --help)\n", c->prog,
            c->current[0] ? c->current : "option", wants, value, c->prog);
}

int izde_cli_number(const char *s, unsigned long long min, unsigned long long max,
                    unsigned long long *out)
{
    if (*s < '0' || *s > '9')
        return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end != '\0' || errno || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}
