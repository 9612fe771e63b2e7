/* strings.c - izde-web's interface in Kyrgyz, Russian and English: the only place its words live. */
#include <string.h>
#include "web/strings.h"

static const char *const table[WEB_UI_COUNT][WS_COUNT] = {
    [WEB_UI_KY] = {
        [WS_HTML_LANG] = "ky",
        [WS_TITLE] = "Izde — китепкананын издөөсү",
        [WS_SEARCH_LABEL] = "Эмнени издейсиз?",
        [WS_SEARCH_BUTTON] = "Издөө",
        [WS_FOUND] = "Табылды:",
        [WS_ABOUT] = "болжол менен",
        [WS_COMPLETE] = "бардык сөздөр бар",
        [WS_PARTIAL] = "айрым сөздөр гана бар",
        [WS_PARTIAL_HEADING] = "Айрым сөздөр гана табылган документтер",
        [WS_PARTIAL_BADGE] = "толук эмес",
        [WS_NO_RESULTS] = "Эч нерсе табылган жок.",
        [WS_PAGE_EMPTY] = "Бул бетте натыйжа жок.",
        [WS_FIRST_PAGE] = "Биринчи бетке",
        [WS_DID_YOU_MEAN] = "Балким, муну издегенсиз:",
        [WS_PREV] = "← Мурунку",
        [WS_NEXT] = "Кийинки →",
        [WS_PAGE] = "Бет",
        [WS_LANG_FILTER] = "Документтин тили:",
        [WS_LANG_ALL] = "баары",
        [WS_LANG_KY] = "кыргызча",
        [WS_LANG_RU] = "орусча",
        [WS_LANG_EN] = "англисче",
        [WS_UI_SWITCH] = "Интерфейс:",
        [WS_HELP_SUMMARY] = "Кантип издөө керек",
        [WS_HELP_WORDS] = "Сөздөрдү жазыңыз: бардык сөздөр бар документтер биринчи, "
                          "айрымдары гана барлары андан кийин чыгат.",
        [WS_HELP_PHRASE] = "\"тырмакчадагы сөздөр\" ушул тартипте изделет.",
        [WS_HELP_EXCLUDE] = "-сөз: бул сөз бар документтер чыгарылбайт.",
        [WS_HELP_FORMS] = "Сөздүн башка формалары да табылат: «мектептерде» → «мектеп».",
        [WS_HELP_KEYS] = "Баскычтар: / — издөө талаасы; j, k — кийинки, мурунку натыйжа.",
        [WS_HELP_SYNTAX] = "Талаалар: title:, author:Асанова, kw:, journal:, udc:37, doi:, lang:ky, "
                           "year:2020..2024; AND, OR, NOT (баш тамга менен) жана кашаалар.",
        [WS_TOO_LONG] = "Суроо өтө узун: эң көп %d сөз жана %d байт болушу мүмкүн.",
        [WS_NO_WORDS] = "Суроодо издей турган сөз жок.",
        [WS_BAD_SYNTAX] = "Суроо туура эмес жазылган: %s.",
        [WS_UNAVAILABLE] = "Индекс азыр жеткиликсиз. Бир аздан кийин кайра аракет кылыңыз.",
        [WS_RESULTS] = "Натыйжалар",
        [WS_FACETS] = "Тактоо",
        [WS_FACET_YEAR] = "Жылы:",
        [WS_FACET_AUTHOR] = "Автору:",
        [WS_FACET_KW] = "Негизги сөздөр:",
        [WS_FACET_JOURNAL] = "Журнал:",
        [WS_FACET_UDC] = "УДК:",
    },
    [WEB_UI_RU] = {
        [WS_HTML_LANG] = "ru",
        [WS_TITLE] = "Izde — поиск по библиотеке",
        [WS_SEARCH_LABEL] = "Что вы ищете?",
        [WS_SEARCH_BUTTON] = "Найти",
        [WS_FOUND] = "Найдено:",
        [WS_ABOUT] = "около",
        [WS_COMPLETE] = "со всеми словами",
        [WS_PARTIAL] = "только с некоторыми словами",
        [WS_PARTIAL_HEADING] = "Документы, где найдены только некоторые слова",
        [WS_PARTIAL_BADGE] = "неполное совпадение",
        [WS_NO_RESULTS] = "Ничего не найдено.",
        [WS_PAGE_EMPTY] = "На этой странице результатов нет.",
        [WS_FIRST_PAGE] = "На первую страницу",
        [WS_DID_YOU_MEAN] = "Возможно, вы искали:",
        [WS_PREV] = "← Назад",
        [WS_NEXT] = "Вперёд →",
        [WS_PAGE] = "Страница",
        [WS_LANG_FILTER] = "Язык документа:",
        [WS_LANG_ALL] = "все",
        [WS_LANG_KY] = "киргизский",
        [WS_LANG_RU] = "русский",
        [WS_LANG_EN] = "английский",
        [WS_UI_SWITCH] = "Интерфейс:",
        [WS_HELP_SUMMARY] = "Как искать",
        [WS_HELP_WORDS] = "Введите слова: сначала идут документы со всеми словами, "
                          "затем с некоторыми.",
        [WS_HELP_PHRASE] = "\"слова в кавычках\" ищутся как фраза, в этом порядке.",
        [WS_HELP_EXCLUDE] = "-слово: документы с этим словом исключаются.",
        [WS_HELP_FORMS] = "Находятся и другие формы слова: «школах» → «школа».",
        [WS_HELP_KEYS] = "Клавиши: / — поле поиска; j, k — следующий, предыдущий результат.",
        [WS_HELP_SYNTAX] = "Поля: title:, author:Асанова, kw:, journal:, udc:37, doi:, lang:ky, "
                           "year:2020..2024; AND, OR, NOT (заглавными) и скобки.",
        [WS_TOO_LONG] = "Слишком длинный запрос: не больше %d слов и %d байт.",
        [WS_NO_WORDS] = "В запросе нет слов для поиска.",
        [WS_BAD_SYNTAX] = "Запрос записан неверно: %s.",
        [WS_UNAVAILABLE] = "Индекс сейчас недоступен. Попробуйте немного позже.",
        [WS_RESULTS] = "Результаты",
        [WS_FACETS] = "Уточнить",
        [WS_FACET_YEAR] = "Год:",
        [WS_FACET_AUTHOR] = "Автор:",
        [WS_FACET_KW] = "Ключевые слова:",
        [WS_FACET_JOURNAL] = "Журнал:",
        [WS_FACET_UDC] = "УДК:",
    },
    [WEB_UI_EN] = {
        [WS_HTML_LANG] = "en",
        [WS_TITLE] = "Izde — library search",
        [WS_SEARCH_LABEL] = "What are you looking for?",
        [WS_SEARCH_BUTTON] = "Search",
        [WS_FOUND] = "Found:",
        [WS_ABOUT] = "about",
        [WS_COMPLETE] = "with every word",
        [WS_PARTIAL] = "with only some words",
        [WS_PARTIAL_HEADING] = "Documents with only some of the words",
        [WS_PARTIAL_BADGE] = "partial match",
        [WS_NO_RESULTS] = "Nothing found.",
        [WS_PAGE_EMPTY] = "There are no results on this page.",
        [WS_FIRST_PAGE] = "To the first page",
        [WS_DID_YOU_MEAN] = "Did you mean:",
        [WS_PREV] = "← Previous",
        [WS_NEXT] = "Next →",
        [WS_PAGE] = "Page",
        [WS_LANG_FILTER] = "Document language:",
        [WS_LANG_ALL] = "all",
        [WS_LANG_KY] = "Kyrgyz",
        [WS_LANG_RU] = "Russian",
        [WS_LANG_EN] = "English",
        [WS_UI_SWITCH] = "Interface:",
        [WS_HELP_SUMMARY] = "How to search",
        [WS_HELP_WORDS] = "Type words: documents with every word come first, then those "
                          "with only some.",
        [WS_HELP_PHRASE] = "\"words in quotes\" are searched as a phrase, in that order.",
        [WS_HELP_EXCLUDE] = "-word: leaves out documents with that word.",
        [WS_HELP_FORMS] = "Other forms of a word match too: \"schools\" → \"school\".",
        [WS_HELP_KEYS] = "Keys: / — the search box; j, k — next, previous result.",
        [WS_HELP_SYNTAX] = "Fields: title:, author:Асанова, kw:, journal:, udc:37, doi:, lang:ky, "
                           "year:2020..2024; AND, OR, NOT (in capitals) and parentheses.",
        [WS_TOO_LONG] = "The query is too long: at most %d words and %d bytes.",
        [WS_NO_WORDS] = "The query has no words to search for.",
        [WS_BAD_SYNTAX] = "The query is not well formed: %s.",
        [WS_UNAVAILABLE] = "The index is not available right now. Please try again shortly.",
        [WS_RESULTS] = "Results",
        [WS_FACETS] = "Narrow down",
        [WS_FACET_YEAR] = "Year:",
        [WS_FACET_AUTHOR] = "Author:",
        [WS_FACET_KW] = "Keywords:",
        [WS_FACET_JOURNAL] = "Journal:",
        [WS_FACET_UDC] = "UDC:",
    },
};

const char *web_str(enum web_ui ui, enum web_str s)
{
    if ((unsigned)ui >= WEB_UI_COUNT || (unsigned)s >= WS_COUNT)
        return "";
    const char *t = table[ui][s];
    return t ? t : table[WEB_UI_EN][s] ? table[WEB_UI_EN][s] : "";
}

enum web_ui web_ui_from_code(const char *code)
{
    if (code && strcmp(code, "ru") == 0)
        return WEB_UI_RU;
    if (code && strcmp(code, "en") == 0)
        return WEB_UI_EN;
    return WEB_UI_KY;
}

const char *web_ui_code(enum web_ui ui)
{
    return table[ui < WEB_UI_COUNT ? ui : WEB_UI_KY][WS_HTML_LANG];
}
