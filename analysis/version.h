/* version.h - what --version prints: the program's version and what it runs with. */
#ifndef IZDE_VERSION_INFO_H
#define IZDE_VERSION_INFO_H

#include <stdio.h>

/* Writes "PROG VERSION", then the Xapian and ICU versions this process runs
 * with and the index format and analysis versions it reads and writes. */
void izde_version_print(FILE *f, const char *prog);

#endif
