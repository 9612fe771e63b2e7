/* langid_cli.c - one line in, "LANG CONFIDENCE" out: drives the language identifier for tests and measurements. */
#include <stdio.h>
#include <stdlib.h>
#include "text/langid.h"

int main(void)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        double conf;
        enum izde_lang l = izde_langid_guess(line, (size_t)n, &conf);
        printf("%s %.3f\n", izde_lang_code(l), conf);
    }
    free(line);
    return 0;
}
