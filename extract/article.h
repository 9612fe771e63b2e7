/* article.h - reading a journal article's metadata (title, authors, УДК, DOI, abstracts, keywords, pages) out of its text by its structure. */
#ifndef IZDE_ARTICLE_H
#define IZDE_ARTICLE_H

#include <stddef.h>
#include "common/buf.h"
#include "text/langid.h"
#include "common/status.h"

/* The languages of an article's parallel blocks, in output order. */
enum izde_art_lang { IZDE_ART_KY = 0, IZDE_ART_RU, IZDE_ART_EN, IZDE_ART_NLANG };

/* "ky", "ru", "en". */
const char *izde_art_lang_code(enum izde_art_lang l);

/* Where a field was read from: page (1-based, pages split at form feeds)
 * and line within that page (1-based). page 0: the field is absent. */
struct izde_art_src {
    unsigned page, line;
};

struct izde_art_author {
    char *name;                /* "Surname I.I." */
    char *affiliation;         /* NULL when not printed */
    char *email;               /* NULL when not printed */
    struct izde_art_src src;   /* the name's line */
};

/* Everything is malloc'ed and owned by the struct; NULL / 0 / -1 means the
 * article does not print it. Nothing is guessed from the body. */
struct izde_article {
    char *title[IZDE_ART_NLANG];
    char *abstract[IZDE_ART_NLANG];
    char **keywords[IZDE_ART_NLANG];
    size_t nkeywords[IZDE_ART_NLANG];
    struct izde_art_author *authors;
    size_t nauthors;
    char *udc, *doi, *journal, *issue;
    int year;                  /* 0: absent */
    long page_first, page_last;/* -1: absent */
    long references;           /* entries in the reference list; -1: no list */
    enum izde_lang lang;       /* body language; IZDE_LANG_OTHER: unknown */
    struct izde_art_src title_src[IZDE_ART_NLANG], abstract_src[IZDE_ART_NLANG],
        keywords_src[IZDE_ART_NLANG];
    struct izde_art_src udc_src, doi_src, journal_src, year_src, issue_src, pages_src,
        references_src, lang_src;
};

void izde_article_init(struct izde_article *a);
void izde_article_release(struct izde_article *a);

/* Reads the article in text (len bytes of valid UTF-8: lines split by '\n',
 * pages by '\f', as ix_extract_file gives them, line-end hyphens already
 * repaired) into a, which must be initialised (its old contents are
 * released). Returns IZDE_OK, IZDE_ERR_INVALID (NULL arguments) or
 * IZDE_ERR_NOMEM. */
izde_status_t izde_article_read(const char *text, size_t len, struct izde_article *a);

/* As izde_article_read, but for a caller that has told the body's
 * language itself (the indexer, from its analysis): a->lang is left
 * unknown, which saves reading the whole body once more. */
izde_status_t izde_article_read_fields(const char *text, size_t len, struct izde_article *a);

/* What a line starts with, for izde_article_label. */
enum izde_art_label {
    IZDE_ART_LABEL_NONE = 0,
    IZDE_ART_LABEL_UDC,        /* УДК, UDC, ӘОЖ */
    IZDE_ART_LABEL_DOI,        /* DOI, https://doi.org/ */
    IZDE_ART_LABEL_CODE,       /* other classification codes: ББК, ГРНТИ, МРНТИ, JEL */
    IZDE_ART_LABEL_ABSTRACT,   /* Аннотация, Abstract, Резюме, Кыскача мазмуну */
    IZDE_ART_LABEL_KEYWORDS,   /* Негизги сөздөр, Ключевые слова, Key words, Keywords */
    IZDE_ART_LABEL_REFERENCES, /* a whole line: Адабияттар, Литература, References, ... */
};

/* The label line (len bytes) starts with, case aside. OUT: *lang, the
 * language the label is written in when it tells (IZDE_ART_NLANG when it is
 * shared: "Аннотация" is Kyrgyz and Russian); *rest, the offset of the text
 * after the label and its punctuation. Either may be NULL. */
enum izde_art_label izde_article_label(const char *line, size_t len, enum izde_art_lang *lang,
                                       size_t *rest);

/* Appends to out the name in s (len bytes: one person, as printed:
 * "Осмонов К.Т.", "К. Т. Осмонов", "К.Т.Осмонов", "Осмонов Канат
 * Токтогулович", with superscript marks such as "1", "1,2", "*") in the
 * form "Осмонов К.Т.". Returns 1 when s is a name, 0 when it is not (out is
 * then unchanged), -1 when out cannot grow. */
int izde_article_author_name(const char *s, size_t len, struct izde_buf *out);

/* Appends a's fields as one JSON object (no newline) in the schema of the
 * articles evaluation README; id and path are written when not NULL;
 * explain adds "where": {"field": {"page": P, "line": L}, ...}. */
izde_status_t izde_article_json(const struct izde_article *a, const char *id, const char *path,
                                int explain, struct izde_buf *out);

#endif
