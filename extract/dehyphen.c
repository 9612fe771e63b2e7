/* dehyphen.c - line-break hyphen repair, deciding each "part-\nrest" by the evidence of the document alone: the repairer's life cycle and the rewriting pass (evidence in dehyphen_lexicon.c, the decision in dehyphen_decide.c). */
#include "extract/dehyphen_int.h"

void izde_dehyphen_set_evidence(izde_dehyphen_t *d, int use)
{
    d->no_evidence = !use;
}

izde_status_t izde_dehyphen_new(izde_dehyphen_t **out)
{
    *out = NULL;
    izde_dehyphen_t *d = calloc(1, sizeof(*d));
    if (!d)
        return IZDE_ERR_NOMEM;
    if (izde_stemmer_new("ky", &d->ky) != IZDE_OK || izde_stemmer_new("ru", &d->ru) != IZDE_OK) {
        izde_dehyphen_free(d);
        return IZDE_ERR_NOMEM;
    }
    *out = d;
    return IZDE_OK;
}

void izde_dehyphen_free(izde_dehyphen_t *d)
{
    if (!d)
        return;
    izde_stemmer_free(d->ky);
    izde_stemmer_free(d->ru);
    izde_buf_release(&d->arena);
    izde_buf_release(&d->k1);
    izde_buf_release(&d->k2);
    free(d->words.e);
    free(d->stems.e);
    free(d->cur);
    free(d);
}

/* ------------------------------------------------------------ rewriting */

izde_status_t izde_dehyphen_text(izde_dehyphen_t *d, const char *s, size_t len,
                                 struct izde_buf *out, struct izde_dehyphen_stats *stats)
{
    struct izde_dehyphen_stats local = { 0, 0, 0 };

    /* No hyphen before a line or page break: nothing to decide. */
    int any = 0;
    for (size_t p = 0; p < len && !any; p++) {
        if (s[p] != '\n' && s[p] != '\f')
            continue;
        size_t nl = p;
        while (nl > 0 && (s[nl - 1] == ' ' || s[nl - 1] == '\t' || s[nl - 1] == '\r'))
            nl--;
        any = nl > 0 && (s[nl - 1] == '-' || (unsigned char)s[nl - 1] == 0x90 ||
                         (unsigned char)s[nl - 1] == 0xAD);
    }
    if (!any) {
        if (stats)
            *stats = local;
        return izde_buf_add(out, s, len);
    }

    /* Kyrgyz text: ң ө ү are 2-5% of its letters; Russian has none. The
     * trigram rule below is for Kyrgyz pair words only. */
    size_t ky_letters = 0, cyr_letters = 0;
    for (size_t p = 0; p + 1 < len; p++) {
        unsigned char a = (unsigned char)s[p], b = (unsigned char)s[p + 1];
        if (a == 0xD0 || a == 0xD1) {
            cyr_letters++;
            p++;
        } else if ((a == 0xD2 && (b == 0xA2 || b == 0xA3 || b == 0xAE || b == 0xAF)) ||
                   (a == 0xD3 && (b == 0xA8 || b == 0xA9))) {
            ky_letters++;
            cyr_letters++;
            p++;
        }
    }
    d->kyrgyz = ky_letters * 200 >= cyr_letters && ky_letters > 0;

    /* The evidence is this text's words alone: what earlier texts of the
     * same context held would make a document's terms depend on which
     * thread read it after which files, so -j2 runs, --update and --full
     * would index one collection differently (issue 17). */
    dh_forget(d);
    izde_status_t rc = dh_collect(d, s, len);
    if (rc == IZDE_OK)
        dh_merge_current(d);
    if (rc != IZDE_OK)
        return rc;

    size_t copied = 0, i = 0;
    size_t pend_s = 0, pend_e = 0;     /* a line break moved behind a word */
    while (i < len && rc == IZDE_OK) {
        char c = s[i];
        if (pend_e && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) {
            /* The moved break takes the place of the next space. */
            rc = izde_buf_add(out, s + copied, i - copied);
            if (rc != IZDE_OK)
                break;
            if (c == ' ' || c == '\t') {
                rc = izde_buf_add(out, s + pend_s, pend_e - pend_s);
                i++;
            } else if (memchr(s + pend_s, '\f', pend_e - pend_s) && !memchr(s + i, '\f', 1)) {
                rc = izde_buf_addc(out, '\f');
            }
            copied = i;
            pend_s = pend_e = 0;
            continue;
        }
        size_t hl, ys;
        int soft;
        if ((c == '-' || (unsigned char)c == 0xE2 || (unsigned char)c == 0xC2) &&
            break_at(s, len, i, &hl, &soft, &ys)) {
            size_t xs = word_start(s, i), ye = word_end(s, len, ys);
            enum verdict v = soft ? JOIN : dh_decide(d, s, xs, i, ys, ye, &rc);
            if (rc != IZDE_OK)
                break;
            if (soft)
                local.soft++;
            else if (v == JOIN)
                local.joined++;
            else
                local.kept++;
            rc = izde_buf_add(out, s + copied, (v == JOIN ? i : i + hl) - copied);
            if (rc == IZDE_OK)
                rc = izde_buf_add(out, s + ys, ye - ys);
            if (!pend_e) {
                pend_s = i + hl;
                pend_e = ys;
            }
            copied = i = ye;
            continue;
        }
        i++;
    }
    if (rc == IZDE_OK)
        rc = izde_buf_add(out, s + copied, len - copied);
    if (rc == IZDE_OK && pend_e)
        rc = izde_buf_addc(out, '\n');
    if (stats)
        *stats = local;
    return rc;
}
