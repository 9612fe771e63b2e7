/* html.h - the one HTML escaper of izde-web, and URL encoding for the links it writes. */
#ifndef IZDE_WEB_HTML_H
#define IZDE_WEB_HTML_H

#include <stddef.h>
#include "common/buf.h"
#include "common/status.h"

/* Appends s (len bytes, any bytes) to out as HTML text that is safe both
 * between tags and inside a double- or single-quoted attribute: & < > " '
 * become entities, invalid UTF-8 becomes U+FFFD, and control characters
 * other than tab and newline become spaces (a browser would show them as
 * boxes or refuse the page). Returns IZDE_OK or IZDE_ERR_NOMEM. */
izde_status_t web_html(struct izde_buf *out, const char *s, size_t len);

/* web_html of a NUL-terminated string. */
izde_status_t web_htmls(struct izde_buf *out, const char *s);

/* Like web_html, for a snippet marked with open/close bytes
 * (IZDE_SNIPPET_OPEN/CLOSE of searcher/session.h): each marked match
 * becomes <mark>...</mark>. */
izde_status_t web_html_marked(struct izde_buf *out, const char *s, size_t len, char open,
                              char close);

/* Appends s for a URL's query component in an attribute: ASCII letters,
 * digits and -_.~ as they are, every other ASCII byte as %XX (a space
 * too), and the characters of valid UTF-8 from U+00A0 on as they are: a
 * browser sends them percent-encoded in UTF-8 when it follows the link,
 * and a Cyrillic letter takes 2 bytes of the page, not 6. Invalid bytes,
 * C1 controls and noncharacters are %XX. */
izde_status_t web_url_encode(struct izde_buf *out, const char *s, size_t len);

#endif
