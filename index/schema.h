/* schema.h - what an Izde index holds: every term prefix, value slot and metadata key, and the format's history. */
#ifndef IZDE_SCHEMA_H
#define IZDE_SCHEMA_H

#include <stddef.h>
#include <stdint.h>

/* The names below are what code spells; the tables in schema.c say, for
 * each, what it holds and who writes and reads it, and tests/unit/
 * test_schema.c holds the names and the tables to each other. A new prefix,
 * slot or key goes into both, and into the history when old indexes cannot
 * serve it. */

/* ------------------------------------------------------------ term prefixes */

/* Xapian's convention: a prefix is uppercase ASCII letters, and unprefixed
 * terms (Izde's exact word forms, always case-folded) never start with one.
 * No prefix here begins another, so a term's prefix is known from its first
 * letter (searcher/query.c and suggest.c rely on that). */
#define IZDE_PREFIX_STEM_KY "K"   /* Kyrgyz stem (stemmers/ky.c) */
#define IZDE_PREFIX_STEM_RU "R"   /* Russian stem (stemmers/ru.c) */
#define IZDE_PREFIX_STEM_EN "E"   /* English stem (Xapian's Snowball) */
/* The Kyrgyz stem of a word typed without ү, ө, ң: what a query typed on a
 * plain Russian keyboard finds a correctly spelled word by. */
#define IZDE_PREFIX_KBFOLD "F"
/* The first IZDE_TRUNC_LETTERS (analysis/analyze.h) letters of a Cyrillic
 * word, keyboard-folded and packed one byte a letter: a coarse backoff
 * beside the stems (measured: +0.02 MRR@10 on the Kyrgyz known-item sets,
 * see the README). */
#define IZDE_PREFIX_TRUNC "T"
/* The id term, one per document: "Q" + its absolute path, or for a path
 * too long for a term "Q#" + a 64-bit hash in hex + the path's tail
 * (indexer/plan.c, ix_idterm). */
#define IZDE_PREFIX_ID "Q"
#define IZDE_PREFIX_LANG "L"      /* "L" + language code, one per language present */

/* An article's fields (extract/article.c reads them, indexer/fields.c
 * writes them). The text fields hold the field's text analysed as body
 * text is, every term with the field's letter in front ("S" + "Kинновация",
 * "S" + "инновациялык"), so that a field query goes through the same
 * analysis as a word of text. */
#define IZDE_PREFIX_TITLE "S"     /* the title, in every language printed */
#define IZDE_PREFIX_AUTHOR "A"    /* the authors' names ("Асанова Г.Т.") */
#define IZDE_PREFIX_KEYWORD "W"   /* the keyword lists, every language */
#define IZDE_PREFIX_JOURNAL "J"   /* the journal's name */
/* The codes are filters, matched as written: */
#define IZDE_PREFIX_UDC "U"       /* U + each leading part of the УДК code:
                                     "U37", "U37.015", "U37.015.31" */
#define IZDE_PREFIX_DOI "D"       /* D + the DOI, ASCII case-folded */
#define IZDE_PREFIX_YEAR "Y"      /* Y + the year, four digits */

/* What a prefix entry's terms are; flags of struct izde_schema_prefix. */
enum izde_schema_term_flags {
    IZDE_SCHEMA_POSITIONAL = 1 << 0,   /* some of its terms carry positions */
    IZDE_SCHEMA_BOOLEAN = 1 << 1,      /* wdf 0: a filter, adds no weight */
};

struct izde_schema_prefix {
    const char *prefix;       /* "" for the unprefixed exact forms */
    const char *name;         /* the macro's name, for messages and tests */
    const char *holds;
    const char *written_by;
    const char *read_by;
    unsigned flags;           /* enum izde_schema_term_flags */
};

/* Every kind of term in the index, the exact forms first. */
extern const struct izde_schema_prefix izde_schema_prefixes[];
extern const size_t izde_schema_prefix_count;

/* ------------------------------------------------------------- value slots */

enum izde_slot {
    IZDE_SLOT_MTIME = 0,   /* modification time, izde_sortable_u64 */
    IZDE_SLOT_SIZE = 1,    /* file size in bytes, izde_sortable_u64 */
    IZDE_SLOT_HASH = 2,    /* content hash, 16 hex digits */
    /* An article's fields, set only when the article prints them. The
     * lists hold each value ended by IZDE_VALUE_LIST_SEP (index/
     * xapian_binding.h), for the facets that count each one. */
    IZDE_SLOT_YEAR = 3,    /* "2021": four digits sort as numbers do */
    IZDE_SLOT_PAGE = 4,    /* first printed page, izde_sortable_u64 */
    IZDE_SLOT_LANG = 5,    /* main language code of every document: "ky" */
    IZDE_SLOT_UDC = 6,     /* top level of the УДК code: "37" */
    IZDE_SLOT_JOURNAL = 7, /* the journal's name as printed */
    IZDE_SLOT_AUTHORS = 8, /* "Асанова Г.Т." and the others, a list */
    IZDE_SLOT_KEYWORDS = 9,/* the keywords, lower-cased, a list */
};

struct izde_schema_slot {
    uint32_t slot;
    const char *name;
    const char *holds;
    const char *written_by;
    const char *read_by;
};

extern const struct izde_schema_slot izde_schema_slots[];
extern const size_t izde_schema_slot_count;

/* ---------------------------------------------------------- metadata keys */

#define IZDE_META_FORMAT "izde.format"       /* IZDE_INDEX_FORMAT when stamped */
#define IZDE_META_ANALYSIS "izde.analysis"   /* izde_analyzer_version() */
/* The Izde version of the last run that wrote the index, so that a refusal
 * can say which Izde wrote it. */
#define IZDE_META_WRITER "izde.version"
/* The folders izde-index --update rescans, each ended by a NUL;
 * IZDE_META_ROOTS_OLD held them a line each, which split a path holding a
 * newline, and is read only to upgrade it. */
#define IZDE_META_ROOTS "izde.roots.v2"
#define IZDE_META_ROOTS_OLD "izde.roots"

struct izde_schema_meta {
    const char *key;
    const char *holds;
    const char *written_by;
    const char *read_by;
};

extern const struct izde_schema_meta izde_schema_metadata[];
extern const size_t izde_schema_meta_count;

/* ------------------------------------------------------ format and history */

/* The index format: what the prefixes, slots, id terms and stored records
 * mean. index/index_meta.c stamps it into every index and refuses to read
 * or extend an index with another; the analysis version (analysis/
 * analyze.c, its own history) is stamped and checked beside it, so a change
 * of which terms a word makes needs a new analysis version, not a new
 * format. Bump this, and add a row to izde_schema_history, when an index
 * written before would be misread: a prefix or slot that changes meaning,
 * an id term of another shape, a record older code cannot decode. New
 * record fields do not count (unknown tags are skipped, index/docdata.c).
 * The history, one row a version, is izde_schema_history in schema.c. */
#define IZDE_INDEX_FORMAT "1"

struct izde_schema_version {
    const char *format;       /* as IZDE_INDEX_FORMAT */
    const char *since;        /* the commit that introduced it, and its date */
    const char *what;         /* what it is, and what changed within it */
};

/* Every format, oldest first; the last is IZDE_INDEX_FORMAT. */
extern const struct izde_schema_version izde_schema_history[];
extern const size_t izde_schema_history_count;

#endif
