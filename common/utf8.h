/* utf8.h - the one UTF-8 decoder (libc only, so the escapers below ICU can use it). */
#ifndef IZDE_UTF8_H
#define IZDE_UTF8_H

#include <stddef.h>

/* The length of the valid UTF-8 sequence at s[i] (i < len), or 0 when the
 * byte there starts none: no overlong forms, surrogates, or code points
 * above U+10FFFF. */
size_t izde_utf8_seq_len(const char *s, size_t len, size_t i);

#endif
