/* stopwords.h - the function words of Kyrgyz, Russian and English, for ranking and snippets only. */
#ifndef IZDE_STOPWORDS_H
#define IZDE_STOPWORDS_H

#include <stddef.h>

/* Whether word (folded UTF-8, as izde_text_fold makes it) is a stop word of
 * any of the three languages. Stop words are still indexed and searchable;
 * they only weigh less in a query and do not pick snippets. */
int izde_stopword(const char *word, size_t len);

#endif
