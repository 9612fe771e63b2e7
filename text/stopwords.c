/* stopwords.c - the team's stop word lists, in folded form (ё written е). */
#include "text/stopwords.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Conjunctions, postpositions, pronouns, particles and the most frequent
 * auxiliary forms of each language. */
static const char *const words[] = {
    /* Kyrgyz */
    "ага", "айрым", "ал", "алар", "алардын", "аларга", "анан", "анда", "андан", "анткени",
    "анын", "ар", "аркылуу", "бар", "бардык", "башка", "бери", "биз", "бизде", "биздин",
    "бир", "бирок", "бою", "боюнча", "болгон", "болот", "болуп", "бул", "булар", "бүгүн",
    "да", "дагы", "де", "деген", "деп", "же", "жана", "жатат", "жок", "жөнүндө",
    "кайда", "кандай", "качан", "катары", "ким", "кийин", "көп", "мен", "менен", "минтип",
    "мурун", "мындай", "ошол", "ошондой", "ошондуктан", "ошону", "ошентип", "себеби", "сен",
    "силер", "сиз", "сыяктуу", "соң", "тууралуу", "ушул", "ушундай", "үчүн", "чейин",
    "эгер", "эле", "элек", "эми", "эмес", "эмне", "эң", "экен", "өз", "өтө",
    /* Russian */
    "а", "без", "бы", "был", "была", "были", "было", "быть", "в", "вам", "вас", "весь",
    "во", "вот", "все", "всего", "всех", "вы", "где", "да", "даже", "для", "до", "его",
    "ее", "если", "есть", "еще", "же", "за", "здесь", "и", "из", "или", "им", "их", "к",
    "как", "какой", "когда", "который", "которые", "кто", "ли", "между", "мы",
    "на", "над", "нас", "не", "него", "нее", "нет", "ни", "но", "о", "об", "он", "она",
    "они", "оно", "от", "по", "под", "после", "при", "про", "с", "со", "так", "также",
    "там", "то", "того", "тоже", "только", "том", "у", "уже", "чем", "что", "чтобы",
    "эта", "эти", "это", "этого", "этой", "этом", "этот", "я",
    /* English */
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "has", "have",
    "in", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was",
    "were", "which", "with",
};

#define NWORDS (sizeof(words) / sizeof(words[0]))

/* The words ordered by length, then bytes: the indexer asks for every word
 * of every document (stop words have no phrase key), so a lookup must be a
 * binary search, not a scan. */
static const char *sorted[NWORDS];
static size_t sorted_len[NWORDS];
static pthread_once_t sorted_once = PTHREAD_ONCE_INIT;

static int cmp_word(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen != blen)
        return alen < blen ? -1 : 1;
    return memcmp(a, b, alen);
}

static int cmp_entry(const void *x, const void *y)
{
    const char *a = *(const char *const *)x, *b = *(const char *const *)y;
    return cmp_word(a, strlen(a), b, strlen(b));
}

static void sort_words(void)
{
    memcpy(sorted, words, sizeof(words));
    qsort(sorted, NWORDS, sizeof(sorted[0]), cmp_entry);
    for (size_t i = 0; i < NWORDS; i++)
        sorted_len[i] = strlen(sorted[i]);
}

int izde_stopword(const char *word, size_t len)
{
    pthread_once(&sorted_once, sort_words);
    size_t lo = 0, hi = NWORDS;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_word(sorted[mid], sorted_len[mid], word, len);
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}
