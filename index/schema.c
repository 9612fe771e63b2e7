/* schema.c - the index's terms, slots and metadata as tables: what each holds, who writes and reads it, and the format's history. */
#include "index/schema.h"

/* Kept as data rather than comments so that a test can hold them to the
 * names code spells (tests/unit/test_schema.c) and a reader finds the whole
 * index described in one place. Positions: each word but a stop word has
 * one phrase key, the term that carries its position (analysis/analyze.c):
 * the T term of a Cyrillic word, the E stem of a Latin one, the exact form
 * of anything else. */
const struct izde_schema_prefix izde_schema_prefixes[] = {
    { "", "(exact)",
      "the case-folded word form (NFC, ё as е); also a hyphenated compound "
      "whole ('иш-аракет') and, on the document side, its joined reading "
      "('ишаракет'); positional for words neither Cyrillic nor Latin",
      "analysis/analyze.c (izde_analyze_text), stored by indexer/index.c",
      "searcher/query.c (words, exact bonus, phrases), searcher/suggest.c",
      IZDE_SCHEMA_POSITIONAL },
    { IZDE_PREFIX_STEM_KY, "IZDE_PREFIX_STEM_KY",
      "Kyrgyz stem of a Cyrillic word in a Kyrgyz sentence (or one a query "
      "word could be)",
      "analysis/analyze.c", "searcher/query.c, searcher/suggest.c (did you mean)", 0 },
    { IZDE_PREFIX_STEM_RU, "IZDE_PREFIX_STEM_RU",
      "Russian stem of a Cyrillic word in a Russian sentence (or one a query "
      "word could be)",
      "analysis/analyze.c", "searcher/query.c", 0 },
    { IZDE_PREFIX_STEM_EN, "IZDE_PREFIX_STEM_EN",
      "English (Snowball) stem of a Latin word; its phrase key",
      "analysis/analyze.c", "searcher/query.c", IZDE_SCHEMA_POSITIONAL },
    { IZDE_PREFIX_KBFOLD, "IZDE_PREFIX_KBFOLD",
      "Kyrgyz stem of the word spelt without ү, ө, ң (documents: words with "
      "them; queries: words without them)",
      "analysis/analyze.c", "searcher/query.c", 0 },
    { IZDE_PREFIX_TRUNC, "IZDE_PREFIX_TRUNC",
      "first 5 letters of a Cyrillic word, keyboard-folded, а..я packed one "
      "byte a letter (izde_term_display unpacks); its phrase key",
      "analysis/analyze.c", "searcher/query.c (prefix backoff tier, phrases)",
      IZDE_SCHEMA_POSITIONAL },
    { IZDE_PREFIX_ID, "IZDE_PREFIX_ID",
      "the document's id term: Q + absolute path, or Q# + 16 hex digits of "
      "the path's FNV-1a hash + its tail when too long",
      "indexer/plan.c (ix_idterm), added by the binding's replace/add_doc",
      "indexer/index.c (ix_known_load: every indexed document, which runs "
      "then replace or delete by it)",
      IZDE_SCHEMA_BOOLEAN },
    { IZDE_PREFIX_LANG, "IZDE_PREFIX_LANG",
      "L + code (ky, ru, en) of each language with words in the document",
      "indexer/index.c (build_doc)", "searcher/main.c (--lang filter)",
      IZDE_SCHEMA_BOOLEAN },
    { IZDE_PREFIX_TITLE, "IZDE_PREFIX_TITLE",
      "S + each term of the article's title (every language printed), as "
      "body text is analysed; positions within the field",
      "indexer/fields.c", "searcher/query.c (title:)", IZDE_SCHEMA_POSITIONAL },
    { IZDE_PREFIX_AUTHOR, "IZDE_PREFIX_AUTHOR",
      "A + each term of the authors' names (surname and initials, from the "
      "article or the document's properties)",
      "indexer/fields.c", "searcher/query.c (author:)", IZDE_SCHEMA_POSITIONAL },
    { IZDE_PREFIX_KEYWORD, "IZDE_PREFIX_KEYWORD",
      "W + each term of the keyword lists (every language)",
      "indexer/fields.c", "searcher/query.c (kw:)", IZDE_SCHEMA_POSITIONAL },
    { IZDE_PREFIX_JOURNAL, "IZDE_PREFIX_JOURNAL",
      "J + each term of the journal's name",
      "indexer/fields.c", "searcher/query.c (journal:)", IZDE_SCHEMA_POSITIONAL },
    { IZDE_PREFIX_UDC, "IZDE_PREFIX_UDC",
      "U + each leading part of the УДК code (U37, U37.015, ...)",
      "indexer/fields.c", "searcher/query.c (udc:)", IZDE_SCHEMA_BOOLEAN },
    { IZDE_PREFIX_DOI, "IZDE_PREFIX_DOI",
      "D + the DOI, ASCII case-folded",
      "indexer/fields.c", "searcher/query.c (doi:)", IZDE_SCHEMA_BOOLEAN },
    { IZDE_PREFIX_YEAR, "IZDE_PREFIX_YEAR",
      "Y + the year the article prints, four digits",
      "indexer/fields.c", "searcher/query.c (year:N)", IZDE_SCHEMA_BOOLEAN },
};
const size_t izde_schema_prefix_count =
    sizeof(izde_schema_prefixes) / sizeof(izde_schema_prefixes[0]);

/* What incremental runs compare a file with (indexer/index.c): size and
 * time first, the content hash when they differ. */
const struct izde_schema_slot izde_schema_slots[] = {
    { IZDE_SLOT_MTIME, "IZDE_SLOT_MTIME",
      "the file's modification time, seconds (izde_sortable_u64; 0 before 1970)",
      "indexer/index.c (new documents; touched files in place)",
      "indexer/index.c (ix_known_load)" },
    { IZDE_SLOT_SIZE, "IZDE_SLOT_SIZE",
      "the file's size in bytes (izde_sortable_u64)",
      "indexer/index.c (new documents; touched files in place)",
      "indexer/index.c (ix_known_load)" },
    { IZDE_SLOT_HASH, "IZDE_SLOT_HASH",
      "FNV-1a hash of the file's bytes, 16 hex digits (unset for a file "
      "over --max-size)",
      "indexer/index.c (build_doc)", "indexer/index.c (same content, new time)" },
    { IZDE_SLOT_YEAR, "IZDE_SLOT_YEAR", "the year the article prints, four digits",
      "indexer/fields.c", "searcher/query.c (year: ranges), searcher/session.c "
      "(--sort date, --facets year)" },
    { IZDE_SLOT_PAGE, "IZDE_SLOT_PAGE", "the first printed page (izde_sortable_u64)",
      "indexer/fields.c", "(kept for sorting within an issue)" },
    { IZDE_SLOT_LANG, "IZDE_SLOT_LANG", "the main language's code",
      "indexer/fields.c", "searcher/session.c (--facets lang)" },
    { IZDE_SLOT_UDC, "IZDE_SLOT_UDC", "the УДК code's top level (\"37\")",
      "indexer/fields.c", "searcher/session.c (--facets udc)" },
    { IZDE_SLOT_JOURNAL, "IZDE_SLOT_JOURNAL", "the journal's name as printed",
      "indexer/fields.c", "searcher/session.c (--facets journal)" },
    { IZDE_SLOT_AUTHORS, "IZDE_SLOT_AUTHORS",
      "the authors' names, each ended by IZDE_VALUE_LIST_SEP",
      "indexer/fields.c", "searcher/session.c (--facets author)" },
    { IZDE_SLOT_KEYWORDS, "IZDE_SLOT_KEYWORDS",
      "the keywords lower-cased, each ended by IZDE_VALUE_LIST_SEP",
      "indexer/fields.c", "searcher/session.c (--facets kw)" },
};
const size_t izde_schema_slot_count = sizeof(izde_schema_slots) / sizeof(izde_schema_slots[0]);

/* The document data is the record of index/docdata.c ("IZD1", tagged
 * fields; its own history there). */
const struct izde_schema_meta izde_schema_metadata[] = {
    { IZDE_META_FORMAT, "IZDE_INDEX_FORMAT", "index/index_meta.c (first write)",
      "index/index_meta.c (every izde-index and izde-search)" },
    { IZDE_META_ANALYSIS, "the analysis and stemmer versions",
      "index/index_meta.c (first write)",
      "index/index_meta.c (every izde-index and izde-search)" },
    { IZDE_META_WRITER, "the Izde version of the last run that wrote",
      "index/index_meta.c (each write)", "index/index_meta.c (refusal message)" },
    { IZDE_META_ROOTS, "the remembered folders, each ended by a NUL",
      "indexer/run.c", "indexer/run.c (--update, --full, --forget)" },
    { IZDE_META_ROOTS_OLD, "the remembered folders a line each (before izde.roots.v2)",
      "indexer/run.c (cleared on upgrade)", "indexer/run.c (when v2 is missing)" },
};
const size_t izde_schema_meta_count =
    sizeof(izde_schema_metadata) / sizeof(izde_schema_metadata[0]);

/* Format 1 has held since the first index; the changes below came with a
 * new analysis version (or were readable by older code), which makes older
 * indexes refuse and ask for a rebuild all the same. The analysis versions
 * are those of analysis/analyze.c's history. */
const struct izde_schema_version izde_schema_history[] = {
    { "1", "9e5a59e, 2026-11-26 (Izde 0.1.0)",
      "exact forms with positions, K/R stems, Q id terms, L language terms, "
      "slots mtime/size/hash, IZD1 records (tags p t e l s m n z). Within "
      "it: E and F terms (7d8a6f6, analysis 2); T terms (a4f8c7e, analysis "
      "3); positions on each word's phrase key instead of its exact form, "
      "records with the text as x instead of zlib n z (2a7e69c, analysis 4; "
      "T terms packed, 1c3e7bf); hashed Q# id terms for long paths and the "
      "izde.roots key (a6efa25); izde.version (5329dde) and izde.roots.v2 "
      "(92be123), which older code ignores; joined compounds (313d1ca, "
      "analysis 5); hyphen repair by each file's own words (issue 17, "
      "analysis 6); article fields: prefixes S A W J U D Y, slots 3 to 9, "
      "record tags A Y J I D U G K B (issue 21, analysis 7)" },
};
const size_t izde_schema_history_count =
    sizeof(izde_schema_history) / sizeof(izde_schema_history[0]);
