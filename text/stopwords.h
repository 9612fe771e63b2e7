/* stopwords.h - the function words of Kyrgyz, Russian and English: lighter in ranking, no positions, no snippets. */
#ifndef IZDE_STOPWORDS_H
#define IZDE_STOPWORDS_H

#include <stddef.h>

/* Whether word (folded UTF-8, as izde_text_fold makes it) is a stop word of
 * any of the three languages. Stop words are still indexed and searchable;
 * they weigh less in a query, have no phrase key (a phrase skips them) and
 * do not pick snippets. Thread-safe. */
int izde_stopword(const char *word, size_t len);

#endif
