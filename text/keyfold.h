/* keyfold.h - Kyrgyz keyboard folding: ү, ө, ң as people type them without a Kyrgyz layout (у, о, н). */
#ifndef IZDE_KEYFOLD_H
#define IZDE_KEYFOLD_H

#include <stddef.h>
#include <stdint.h>
#include "common/buf.h"
#include "common/status.h"

/* The one place that knows which letters a keyboard without Kyrgyz
 * letters loses: the analysis path (F and T terms) and the searcher's
 * "did you mean" both fold through it, so they cannot disagree.
 * Every function takes folded (lower-case, NFC) text, as izde_text_fold
 * makes it: upper-case Ү, Ө, Ң are not folded here. */

/* cp with ү, ө, ң replaced by у, о, н; any other code point unchanged. */
uint32_t izde_keyfold_cp(uint32_t cp);

/* The Kyrgyz letter that folds to cp (у -> ү, о -> ө, н -> ң), or 0 when
 * none does. */
uint32_t izde_keyfold_kyrgyz(uint32_t cp);

/* Writes s (valid UTF-8) keyboard-folded into out, replacing its content:
 * the form a Kyrgyz word takes when typed on a keyboard without Kyrgyz
 * letters. Returns IZDE_OK or IZDE_ERR_NOMEM. */
izde_status_t izde_keyfold(const char *s, size_t len, struct izde_buf *out);

/* Whether s has one of the letters keyboard folding changes (ң, ө, ү). */
int izde_keyfold_has_kyrgyz(const char *s, size_t len);

#endif
