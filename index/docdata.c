/* docdata.c - the stored document record: tagged, length-prefixed fields. */
#include "index/docdata.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Format history: "IZD1" - tags p t e l s m n z (zlib text); since analysis
 * version 4, x (the text as it is) instead of n z: Xapian compresses the
 * record itself, so ours only cost a second zlib pass that found nothing
 * (measured on the 20k benchmark corpus: 2 CPU s less, and Xapian's default
 * level packs the text 13% smaller than our level 1 did). Unknown tags are
 * skipped, so fields can be added without a reindex: a (author) and d
 * (date) from the document's properties were added that way, and are
 * written only when the document has them, so the index format stays 1
 * (older readers skip them, older records read as having none). The
 * article's fields came the same way (issue 21): A authors, Y year, J
 * journal, I issue, D DOI, U УДК, G printed pages, K keywords, B abstract. */
#define MAGIC "IZD1"

static izde_status_t add_field(struct izde_buf *out, char tag, const char *s, size_t len)
{
    unsigned char hdr[11];
    size_t n = 0;
    hdr[n++] = (unsigned char)tag;
    size_t v = len;
    do {
        hdr[n++] = (unsigned char)((v & 0x7F) | (v > 0x7F ? 0x80 : 0));
        v >>= 7;
    } while (v);
    if (izde_buf_add(out, hdr, n) != IZDE_OK || izde_buf_add(out, s, len) != IZDE_OK)
        return IZDE_ERR_NOMEM;
    return IZDE_OK;
}

izde_status_t izde_docdata_encode(const struct izde_docdata *d, struct izde_buf *out)
{
    char num[32];
    izde_status_t rc = izde_buf_adds(out, MAGIC);
    if (!rc)
        rc = add_field(out, 'p', d->path, d->path_len);
    if (!rc)
        rc = add_field(out, 't', d->title, d->title_len);
    if (!rc && d->author && d->author_len)
        rc = add_field(out, 'a', d->author, d->author_len);
    if (!rc && d->date && d->date_len)
        rc = add_field(out, 'd', d->date, d->date_len);
    if (!rc && d->encoding)
        rc = add_field(out, 'e', d->encoding, d->encoding_len);
    if (!rc && d->lang)
        rc = add_field(out, 'l', d->lang, d->lang_len);
    if (!rc)
        rc = add_field(out, 's', num, (size_t)snprintf(num, sizeof(num), "%" PRIu64, d->size));
    if (!rc)
        rc = add_field(out, 'm', num, (size_t)snprintf(num, sizeof(num), "%" PRId64, d->mtime));
    const struct {
        char tag;
        const char *s;
        size_t len;
    } article[] = {
        { 'A', d->authors, d->authors_len }, { 'Y', d->year, d->year_len },
        { 'J', d->journal, d->journal_len }, { 'I', d->issue, d->issue_len },
        { 'D', d->doi, d->doi_len },         { 'U', d->udc, d->udc_len },
        { 'G', d->pages, d->pages_len },     { 'K', d->keywords, d->keywords_len },
        { 'B', d->abstract, d->abstract_len },
    };
    for (size_t i = 0; !rc && i < sizeof(article) / sizeof(article[0]); i++)
        if (article[i].s && article[i].len)
            rc = add_field(out, article[i].tag, article[i].s, article[i].len);
    if (!rc)
        rc = add_field(out, 'x', d->text ? d->text : "", d->text_len);
    return rc;
}

izde_status_t izde_docdata_decode(const char *data, size_t len, struct izde_docdata *d)
{
    memset(d, 0, sizeof(*d));
    if (len < 4 || memcmp(data, MAGIC, 4) != 0)
        return IZDE_ERR_ENCODING;
    const unsigned char *u = (const unsigned char *)data;
    for (size_t i = 4; i < len;) {
        char tag = (char)u[i++];
        size_t flen = 0;
        int shift = 0;
        for (;;) {
            if (i >= len || shift > 56)
                return IZDE_ERR_ENCODING;
            unsigned char c = u[i++];
            flen |= (size_t)(c & 0x7F) << shift;
            shift += 7;
            if (!(c & 0x80))
                break;
        }
        if (flen > len - i)
            return IZDE_ERR_ENCODING;
        const char *f = data + i;
        char num[32];
        size_t nl = flen < sizeof(num) - 1 ? flen : sizeof(num) - 1;
        memcpy(num, f, nl);
        num[nl] = '\0';
        switch (tag) {
        case 'p': d->path = f; d->path_len = flen; break;
        case 't': d->title = f; d->title_len = flen; break;
        case 'a': d->author = f; d->author_len = flen; break;
        case 'd': d->date = f; d->date_len = flen; break;
        case 'e': d->encoding = f; d->encoding_len = flen; break;
        case 'l': d->lang = f; d->lang_len = flen; break;
        case 's': d->size = strtoull(num, NULL, 10); break;
        case 'm': d->mtime = strtoll(num, NULL, 10); break;
        case 'x': d->text = f; d->text_len = flen; break;
        case 'A': d->authors = f; d->authors_len = flen; break;
        case 'Y': d->year = f; d->year_len = flen; break;
        case 'J': d->journal = f; d->journal_len = flen; break;
        case 'I': d->issue = f; d->issue_len = flen; break;
        case 'D': d->doi = f; d->doi_len = flen; break;
        case 'U': d->udc = f; d->udc_len = flen; break;
        case 'G': d->pages = f; d->pages_len = flen; break;
        case 'K': d->keywords = f; d->keywords_len = flen; break;
        case 'B': d->abstract = f; d->abstract_len = flen; break;
        default: break;
        }
        i += flen;
    }
    if (!d->path)
        return IZDE_ERR_ENCODING;
    return IZDE_OK;
}
