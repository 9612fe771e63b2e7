/* mkpdf.c - draws the test PDFs with cairo from team-written text, so the repository holds no PDF.
 *
 *   mkpdf OUT.pdf doc    two pages: title and author in the document info, a
 *                        one-column page, then a two-column page whose left
 *                        column must come out before its right one
 *   mkpdf OUT.pdf scan   one page of shapes and no text layer, like a scan
 *   mkpdf OUT.pdf edge   one page whose second line runs on past x = 400, where
 *                        the test crops the page (cairo cannot): text out
 *                        there and the lines after it are text all the same
 *   mkpdf OUT.pdf words  one page of Kyrgyz and Russian sentences in a large
 *                        type, to be rasterised into a scan for the OCR test
 *   mkpdf OUT.pdf garbled  the same sentences drawn as outlines, over a text
 *                        layer of U+FFFD: a text layer OCR must not trust
 *   mkpdf OUT.pdf blank    a page of text, then an empty page
 *   mkpdf OUT.pdf mojibake the same outlines, over an invisible text layer of
 *                        Windows-1251 Russian read as Latin-1 ("Áèáëèîòåêà")
 *   mkpdf OUT.pdf article  a three-page journal article: УДК, title, authors,
 *                        abstract and keywords on page 1, a word found only
 *                        on page 3, footers "Вестник ... 2021 № 3 113".."115" */
#include <cairo-pdf.h>
#include <cairo.h>
#include <stdio.h>
#include <string.h>

/* fontconfig, under cairo's toy font API, keeps its configuration until
 * exit; LeakSanitizer would count that against this test tool. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return "detect_leaks=0";
}

static void lines(cairo_t *cr, double x, double y, const char *const *text)
{
    for (int i = 0; text[i]; i++) {
        cairo_move_to(cr, x, y + 18.0 * i);
        cairo_show_text(cr, text[i]);
    }
}

/* The article of "mkpdf OUT.pdf article": each page ends with the
 * journal's running footer and its printed page number. */
static void article(cairo_t *cr)
{
    static const char *const page1[] = {
        "УДК 37.015.3",
        "",
        "КОЛӨНӨРЧҮЛҮК САБАКТАРЫНЫН МЕКТЕПТЕГИ ОРДУ",
        "",
        "Асанова Г.Т., Осмонов К.Т.",
        "Кыргыз улуттук университети, Бишкек ш.",
        "",
        "Кыскача мазмуну: Макалада айылдык мектептердеги колөнөрчүлүк",
        "сабактарынын тажрыйбасы талданат.",
        "Негизги сөздөр: колөнөрчүлүк, мектеп, мугалим.",
        "",
        "Киришүү. Акыркы жылдары мектептерде колөнөрчүлүк сабактары",
        "кайрадан өтүлүп келет.",
        NULL,
    };
    static const char *const page2[] = {
        "Негизги бөлүк. Мугалимдер сабакты долбоор аркылуу өтүшөт,",
        "окуучулар кийиз жасоону үйрөнүшөт.",
        NULL,
    };
    static const char *const page3[] = {
        "Корутунду. Зергерчилик сабагы окуучулардын кызыгуусун арттырат.",
        "",
        "Адабияттар",
        "1. Токтосунова А. Мектеп жана коом. Бишкек, 2019.",
        NULL,
    };
    const char *const *pages[] = { page1, page2, page3 };
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    for (int p = 0; p < 3; p++) {
        char footer[64];
        snprintf(footer, sizeof(footer), "Вестник КНУ 2021 № 3 %d", 113 + p);
        cairo_set_font_size(cr, 11);
        lines(cr, 60, 80, pages[p]);
        cairo_set_font_size(cr, 9);
        cairo_move_to(cr, 60, 800);
        cairo_show_text(cr, footer);
        cairo_show_page(cr);
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: mkpdf OUT.pdf doc|scan|edge|words|garbled|mojibake|blank|article\n");
        return 2;
    }
    cairo_surface_t *s = cairo_pdf_surface_create(argv[1], 595, 842);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 0, 0, 0);
    if (strcmp(argv[2], "scan") == 0) {
        for (int i = 0; i < 30; i++) {
            cairo_rectangle(cr, 60, 60 + 22 * i, 300 + (i * 37) % 160, 10);
            cairo_fill(cr);
        }
        cairo_show_page(cr);
    } else if (strcmp(argv[2], "words") == 0 || strcmp(argv[2], "garbled") == 0 ||
               strcmp(argv[2], "mojibake") == 0) {
        int garbled = strcmp(argv[2], "words") != 0;
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr, 16);
        static const char *const page[] = {
            "Көчмөн малчылар жайлоодо түтүн булатышат.",
            "Мөңгүлүү тоолордон суу агып келет.",
            "Балдар мектепте өнөр үйрөнүшөт.",
            "",
            "Библиотека работает по субботам.",
            "Студенты изучают грамматику киргизского языка.",
            NULL,
        };
        for (int i = 0; page[i]; i++) {
            cairo_move_to(cr, 60, 100 + 28.0 * i);
            /* garbled: the sentences are outlines, not text, and the text
             * layer is replacement characters, as a PDF whose fonts lost
             * their character map gives. */
            if (garbled) {
                cairo_text_path(cr, page[i]);
                cairo_fill(cr);
            } else {
                cairo_show_text(cr, page[i]);
            }
        }
        if (strcmp(argv[2], "mojibake") == 0) {
            /* White on white: in the text layer, not in the image OCR sees. */
            static const char *const latin1[] = {
                "\xC3\x81\xC3\xA8\xC3\xA1\xC3\xAB\xC3\xA8\xC3\xAE\xC3\xB2\xC3\xA5\xC3\xAA"
                "\xC3\xA0 \xC3\xB0\xC3\xA0\xC3\xA1\xC3\xAE\xC3\xB2\xC3\xA0\xC3\xA5\xC3\xB2 "
                "\xC3\xAF\xC3\xAE \xC3\xB1\xC3\xB3\xC3\xA1\xC3\xA1\xC3\xAE\xC3\xB2\xC3\xA0"
                "\xC3\xAC.",
                "\xC3\x91\xC3\xB2\xC3\xB3\xC3\xA4\xC3\xA5\xC3\xAD\xC3\xB2\xC3\xBB "
                "\xC3\xA8\xC3\xA7\xC3\xB3\xC3\xB7\xC3\xA0\xC3\xBE\xC3\xB2 \xC3\xA3\xC3\xB0"
                "\xC3\xA0\xC3\xAC\xC3\xAC\xC3\xA0\xC3\xB2\xC3\xA8\xC3\xAA\xC3\xB3.",
                NULL,
            };
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_set_font_size(cr, 8);
            lines(cr, 60, 400, latin1);
        } else if (garbled) {
            cairo_set_font_size(cr, 8);
            cairo_move_to(cr, 60, 400);
            cairo_show_text(cr, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD 12 "
                                "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
        }
        cairo_show_page(cr);
    } else if (strcmp(argv[2], "blank") == 0) {
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr, 12);
        static const char *const page[] = { "Акыркы барак бош калды.", NULL };
        lines(cr, 60, 80, page);
        cairo_show_page(cr);
        cairo_show_page(cr);
    } else if (strcmp(argv[2], "edge") == 0) {
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr, 12);
        static const char *const page[] = {
            "Биринчи сап кыска.",
            "Экинчи сап барактын оң четинен ашып кетет, узун сап",
            "Үчүнчү сап: четтенкийинки сөз.",
            NULL,
        };
        lines(cr, 60, 80, page);
        cairo_show_page(cr);
    } else if (strcmp(argv[2], "article") == 0) {
        article(cr);
    } else {
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
                                       "Айылдык мектептердеги китепканалар");
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, "Жумабек Асанкулов");
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE,
                                       "2023-05-17T10:00:00");
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr, 12);
        static const char *const page1[] = {
            "Айылдык мектептердин китепканалары окуучулар үчүн маанилүү.",
            "Китепканачылар окурмандардын даярды-",
            "гы жөнүндө кам көрүшөт.",
            NULL,
        };
        lines(cr, 60, 80, page1);
        cairo_show_page(cr);
        /* Page 2: two columns side by side, each several lines long. */
        static const char *const left[] = {
            "Сол мамычанын биринчи",
            "сабында жомок башталат.",
            "Сол мамыча ушул жерде",
            "аяктайт: алмабактар.",
            NULL,
        };
        static const char *const right[] = {
            "Оң мамычанын биринчи",
            "сабында уландысы бар.",
            "Оң мамыча ушул жерде",
            "аяктайт: жүзүмзарлар.",
            NULL,
        };
        lines(cr, 60, 80, left);
        lines(cr, 320, 80, right);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(s);
    int bad = cairo_surface_status(s) != CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(s);
    return bad;
}
