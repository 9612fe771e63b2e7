/* packing.h - the one-byte letters of T terms: packing a folded word into a term, and unpacking a term to show it. */
#ifndef IZDE_PACKING_H
#define IZDE_PACKING_H

#include <stddef.h>
#include "common/buf.h"
#include "common/status.h"

/* Appends the packed form of s[0, len) (valid UTF-8) to out: the body of a
 * T term. Returns IZDE_OK or IZDE_ERR_NOMEM. */
izde_status_t izde_term_pack(const char *s, size_t len, struct izde_buf *out);

/* Appends term as a person reads it to out: T terms are stored packed,
 * other terms are copied. */
izde_status_t izde_term_display(const char *term, size_t len, struct izde_buf *out);

#endif
