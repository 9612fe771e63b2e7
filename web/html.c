/* html.c - escapes document text and queries for izde-web's pages; nothing reaches a page unescaped. */
#include <string.h>
#include "common/utf8.h"
#include "web/html.h"

/* Appends the bytes of s[from..to) that need no escaping in one call: the
 * escaper runs over whole snippets and titles for every hit. */
static izde_status_t flush(struct izde_buf *out, const char *s, size_t from, size_t to)
{
    return to > from ? izde_buf_add(out, s + from, to - from) : IZDE_OK;
}

/* Whether the code point of the valid sequence at s[i] may stand in a
 * page as it is: not a C1 control or a noncharacter, which HTML parsers
 * report as errors. */
static int plain_in_page(const char *s, size_t len, size_t i)
{
    uint32_t cp = izde_utf8_next(s, len, &i);
    return cp >= 0xA0 && !(cp >= 0xFDD0 && cp <= 0xFDEF) && (cp & 0xFFFE) != 0xFFFE;
}

/* The escaper shared by web_html and web_html_marked; marks are bytes
 * (0 for none) that become <mark> and </mark>. */
static izde_status_t escape(struct izde_buf *out, const char *s, size_t len, char open, char close)
{
    izde_status_t rc = IZDE_OK;
    size_t run = 0, i = 0;
    while (rc == IZDE_OK && i < len) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        size_t step = 1;
        if (open && (char)c == open) {
            rep = "<mark>";
        } else if (close && (char)c == close) {
            rep = "</mark>";
        } else if (c == '&') {
            rep = "&amp;";
        } else if (c == '<') {
            rep = "&lt;";
        } else if (c == '>') {
            rep = "&gt;";
        } else if (c == '"') {
            rep = "&quot;";
        } else if (c == '\'') {
            rep = "&#39;";
        } else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
            rep = " ";
        } else if (c >= 0x80) {
            step = izde_utf8_seq_len(s, len, i);
            if (step == 0) {
                rep = "\xEF\xBF\xBD"; /* U+FFFD */
                step = 1;
            } else if ((c == 0xC2 || c == 0xEF || c >= 0xF0) && !plain_in_page(s, len, i)) {
                /* HTML parsers report these as errors: a C1 control goes
                 * the way of the others, a noncharacter is replaced. Only
                 * their lead bytes are looked at further (not Cyrillic's). */
                rep = c == 0xC2 ? " " : "\xEF\xBF\xBD";
            }
        }
        if (rep) {
            rc = flush(out, s, run, i);
            if (rc == IZDE_OK)
                rc = izde_buf_adds(out, rep);
            run = i + step;
        }
        i += step;
    }
    return rc == IZDE_OK ? flush(out, s, run, len) : rc;
}

izde_status_t web_html(struct izde_buf *out, const char *s, size_t len)
{
    return escape(out, s, len, 0, 0);
}

izde_status_t web_htmls(struct izde_buf *out, const char *s)
{
    return escape(out, s ? s : "", s ? strlen(s) : 0, 0, 0);
}

izde_status_t web_html_marked(struct izde_buf *out, const char *s, size_t len, char open,
                              char close)
{
    return escape(out, s, len, open, close);
}

izde_status_t web_url_encode(struct izde_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    izde_status_t rc = IZDE_OK;
    for (size_t i = 0; rc == IZDE_OK && i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        size_t seq = c >= 0x80 ? izde_utf8_seq_len(s, len, i) : 0;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            rc = izde_buf_addc(out, (char)c);
        } else if (seq && plain_in_page(s, len, i)) {
            rc = izde_buf_add(out, s + i, seq);
            i += seq - 1;
        } else {
            char esc[3] = { '%', hex[c >> 4], hex[c & 15] };
            rc = izde_buf_add(out, esc, 3);
        }
    }
    return rc;
}
