# meta.sh - izde-meta reads an article's front matter by its structure and invents nothing.
. "$(dirname "$0")/lib.sh"

# checks FILE: reads "EXPR<TAB>WANT" lines from stdin and checks that each
# Python expression over the JSON object d on FILE's first line prints as
# WANT (a missing key prints "-"). One Python for all: it starts slowly.
checks() {
    local res
    res=$(python3 -c '
import json, sys
d = json.loads(open(sys.argv[1]).readline())
ok = bad = 0
for line in sys.stdin.read().splitlines():
    if not line.strip():
        continue
    expr, want = line.split("\t", 1)
    try:
        v = eval(expr, {"d": d})
    except (KeyError, IndexError, TypeError):
        v = "-"
    got = json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else str(v)
    if got == want:
        ok += 1
    else:
        bad += 1
        print("FAIL: %s: %s is %r, expected %r" % (sys.argv[2], expr, got, want), file=sys.stderr)
print(ok, bad)
' "$1" "$(basename "$2")")
    passes=$((passes + ${res% *}))
    failures=$((failures + ${res#* }))
}

# A Kyrgyz article: journal line with issue and year, УДК, a title in
# capitals, authors tied to their affiliations by superscript marks, labelled
# abstracts in three languages, numbered references, printed page numbers.
ky=$TMP/ky-article.txt
{
    printf 'Мугалим жана мектеп журналы, 2019, № 2\n\nУДК 373.1\n\n'
    printf 'МЕКТЕПТЕГИ ОКУУЧУЛАРДЫН ЧЫГАРМАЧЫЛЫК\nЖӨНДӨМҮН ӨНҮКТҮРҮҮ\n'
    printf 'Асанова Г.Т.1, доцент Осмонов К.Т.2*\n'
    printf '1Ош мамлекеттик университети, Ош ш., e-mail: asanova@example.kg\n'
    printf '2Нарын мамлекеттик университети, Нарын ш., e-mail: osmonov@example.kg\n'
    printf 'Аннотация. Макалада мектептеги окуучулардын чыгармачылык жөндөмүн\n'
    printf 'өнүктүрүүнүн жолдору каралат. Изилдөөнүн натыйжалары мугалимдер\n'
    printf 'үчүн сунуштар менен бекемделет.\n'
    printf 'Негизги сөздөр: чыгармачылык, окуучу, мектеп.\n\n'
    printf 'РАЗВИТИЕ ТВОРЧЕСКИХ СПОСОБНОСТЕЙ ШКОЛЬНИКОВ\n'
    printf 'Асанова Г.Т., Осмонов К.Т.\n'
    printf 'Аннотация. В статье рассматриваются пути развития творческих способностей\n'
    printf 'школьников. Результаты подтверждены рекомендациями для учителей.\n'
    printf 'Ключевые слова: творчество, ученик,\nшкола\n'
    printf 'DEVELOPING PUPILS'"'"' CREATIVITY AT SCHOOL\n'
    printf 'Asanova G.T., Osmonov K.T.\n'
    printf 'Abstract. The article considers ways of developing the creativity of\n'
    printf 'pupils. The results are supported by recommendations for teachers.\n'
    printf 'Key words: creativity, pupil, school.\n\n'
    printf 'Киришүү\nБүгүнкү күндө мектептерде окуучулардын чыгармачылыгы маанилүү.\n'
    printf 'Мугалимдер сабакта ар түрдүү ыкмаларды колдонушат жана жаңы\n'
    printf 'технологияларды өздөштүрүшөт. Окуучулар долбоорлордо иштешет.\n\n45\n'
    printf '\fМугалим жана мектеп журналы, 2019, № 2\n\n'
    printf 'Изилдөөгө эки мектептин окуучулары катышты. Алар тапшырмаларды\n'
    printf 'аткарып, өз ойлорун билдиришти.\n'
    printf 'Адабияттар\n'
    printf '1. Сыдыков А.Б. Мектеп жана чыгармачылык. – Бишкек, 2015.\n'
    printf '2. Иванов И.И. Творчество школьника. – М., 2010.\n'
    printf '3. Токтогулова Ж.К. Окутуунун ыкмалары. – Ош, 2018.\n\n46\n'
} > "$ky"

expect_exit 0 "izde-meta on a Kyrgyz article" "$BIN/izde-meta" "$ky"
out=$TMP/out
checks "$out" "$ky" <<'EOF'
d["id"]	ky-article
d["lang"]	ky
d["udc"]	373.1
d["year"]	2019
d["issue"]	2
d["journal"]	Мугалим жана мектеп журналы
d["title"]["ky"]	МЕКТЕПТЕГИ ОКУУЧУЛАРДЫН ЧЫГАРМАЧЫЛЫК ЖӨНДӨМҮН ӨНҮКТҮРҮҮ
d["title"]["ru"]	РАЗВИТИЕ ТВОРЧЕСКИХ СПОСОБНОСТЕЙ ШКОЛЬНИКОВ
d["title"]["en"]	DEVELOPING PUPILS' CREATIVITY AT SCHOOL
[a["name"] for a in d["authors"]]	["Асанова Г.Т.", "Осмонов К.Т."]
d["authors"][1]["affiliation"]	Нарын мамлекеттик университети, Нарын ш.
d["authors"][1]["email"]	osmonov@example.kg
d["abstract"]["ky"]	Макалада мектептеги окуучулардын чыгармачылык жөндөмүн өнүктүрүүнүн жолдору каралат. Изилдөөнүн натыйжалары мугалимдер үчүн сунуштар менен бекемделет.
d["keywords"]["ru"]	["творчество", "ученик", "школа"]
d["keywords"]["en"]	["creativity", "pupil", "school"]
d["pages"]	{"first": 45, "last": 46}
d["references"]	3
"doi" in d	False
EOF
# --explain says where each field was read from.
expect_exit 0 "izde-meta --explain" "$BIN/izde-meta" --explain "$ky"
checks "$out" "$ky" <<'EOF'
d["where"]["udc"]	{"page": 1, "line": 3}
d["where"]["references"]	{"page": 2, "line": 5}
EOF

# A Russian article in another layout: the page number beside the running
# title, a DOI, full names with degrees, affiliations without marks, an
# abstract without its label, and the English block after the references.
ru=$TMP/ru-article.txt
{
    printf 'Педагогический вестник. Т. 4. № 3. 2021\n\n'
    printf 'DOI: https://doi.org/10.12345/pv.2021.3.12\nУДК 37.01\n\n'
    printf 'Статья поступила 12.03.2021\n'
    printf 'О ПОДГОТОВКЕ УЧИТЕЛЕЙ\nСЕЛЬСКИХ ШКОЛ\n\n'
    printf 'Иванова Мария Петровна, канд. пед. наук, доцент\n'
    printf 'Кыргызский национальный университет, г. Бишкек\n'
    printf 'Петров Сергей Иванович, профессор\n'
    printf 'Ошский государственный университет, г. Ош\n'
    printf 'E-mail: petrov@example.kg\n\n'
    printf 'В статье обсуждается подготовка учителей для сельских школ. Показано,\n'
    printf 'что практика в школе важнее лекций.\n'
    printf 'Ключевые слова — учитель, сельская школа, практика\n\n'
    printf 'Введение\nПодготовка учителей остается важной задачей. Сельские школы\n'
    printf 'испытывают нехватку кадров, и выпускники редко едут в села.\n'
    printf '\f12 Педагогический вестник. Т. 4. № 3. 2021\n\n'
    printf 'Практика в сельской школе помогает студентам понять работу учителя.\n'
    printf 'Список литературы\n'
    printf '1. Сидоров А.А. Сельская школа. М., 2001.\n'
    printf '2. Кузнецов Б.Б. Учитель. СПб., 2005.\n\n'
    printf 'ON TRAINING TEACHERS FOR RURAL SCHOOLS\n'
    printf 'Ivanova M.P., Petrov S.I.\n'
    printf 'Abstract: The article discusses training teachers for rural schools.\n'
    printf 'Keywords: teacher, rural school, practice.\n'
    printf '\fПедагогический вестник. Т. 4. № 3. 2021 13\n\nКонец статьи.\n'
} > "$ru"

expect_exit 0 "izde-meta on a Russian article" "$BIN/izde-meta" "$ru"
checks "$out" "$ru" <<'EOF'
d["lang"]	ru
d["doi"]	10.12345/pv.2021.3.12
d["udc"]	37.01
d["journal"]	Педагогический вестник
d["issue"]	3
d["year"]	2021
d["title"]["ru"]	О ПОДГОТОВКЕ УЧИТЕЛЕЙ СЕЛЬСКИХ ШКОЛ
[a["name"] for a in d["authors"]]	["Иванова М.П.", "Петров С.И."]
[a.get("affiliation") for a in d["authors"]]	["Кыргызский национальный университет, г. Бишкек", "Ошский государственный университет, г. Ош"]
d["authors"][1]["email"]	petrov@example.kg
d["abstract"]["ru"]	В статье обсуждается подготовка учителей для сельских школ. Показано, что практика в школе важнее лекций.
d["keywords"]["ru"]	["учитель", "сельская школа", "практика"]
d["title"]["en"]	ON TRAINING TEACHERS FOR RURAL SCHOOLS
d["abstract"]["en"]	The article discusses training teachers for rural schools.
d["references"]	2
d["pages"]	{"first": 11, "last": 13}
EOF
# Nothing Kyrgyz is printed, so nothing Kyrgyz is invented.
checks "$out" "$ru" <<'EOF'
sorted(d["title"])	["en", "ru"]
"ky" in d.get("keywords", {})	False
EOF

# A third layout: names first (given name first, marked), the addresses of
# all authors on one line, the three titles one after the other, then the
# three abstracts, and a reference list without numbers.
tech=$TMP/tech-article.txt
{
    printf 'ВЕСТНИК ТЕХНИЧЕСКОГО УНИВЕРСИТЕТА № 2 (68), 2020\n\nУДК 004.8\n\n'
    printf 'Айгүл Асанова1, Бакыт Токтогулов2\n'
    printf '1Кыргыз техникалык университети, Бишкек ш.\n'
    printf '2Ош технологиялык университети, Ош ш.\n'
    printf 'e-mail: asanova@example.kg, toktogulov@example.kg\n\n'
    printf 'САНАРИПТИК БИЛИМ БЕРҮҮНҮН МАСЕЛЕЛЕРИ\n'
    printf 'ПРОБЛЕМЫ ЦИФРОВОГО ОБРАЗОВАНИЯ\n'
    printf 'PROBLEMS OF DIGITAL EDUCATION\n\n'
    printf 'Аннотация: Макалада санариптик билим берүүнүн маселелери талданат.\n'
    printf 'Негизги сөздөр: санарип, билим берүү.\n'
    printf 'Аннотация: В статье анализируются проблемы цифрового образования.\n'
    printf 'Ключевые слова: цифра, образование.\n'
    printf 'Abstract: The article analyses problems of digital education.\n'
    printf 'Key words: digital, education.\n\n'
    printf 'Киришүү\nСанариптик билим берүү акыркы жылдары тез өнүгүүдө. Мектептер\n'
    printf 'жана университеттер жаңы технологияларды колдонушат.\n\n'
    printf 'Адабияттар\n'
    printf 'Асанов А.А. Санарип дүйнө. – Бишкек, 2019.\n'
    printf 'Петров П.П. Цифровая школа: опыт и проблемы. – М.:\nНаука, 2018.\n'
    printf 'Smith J. Digital learning. – London, 2017.\n'
} > "$tech"
expect_exit 0 "izde-meta on a third layout" "$BIN/izde-meta" "$tech"
checks "$out" "$tech" <<'EOF'
d["journal"]	ВЕСТНИК ТЕХНИЧЕСКОГО УНИВЕРСИТЕТА
d["issue"]	2
d["year"]	2020
[a["name"] for a in d["authors"]]	["Асанова А.", "Токтогулов Б."]
[a.get("email") for a in d["authors"]]	["asanova@example.kg", "toktogulov@example.kg"]
d["authors"][1]["affiliation"]	Ош технологиялык университети, Ош ш.
d["title"]["ky"]	САНАРИПТИК БИЛИМ БЕРҮҮНҮН МАСЕЛЕЛЕРИ
d["title"]["ru"]	ПРОБЛЕМЫ ЦИФРОВОГО ОБРАЗОВАНИЯ
d["title"]["en"]	PROBLEMS OF DIGITAL EDUCATION
d["abstract"]["ru"]	В статье анализируются проблемы цифрового образования.
d["keywords"]["ky"]	["санарип", "билим берүү"]
d["references"]	3
d["lang"]	ky
EOF

# No keyword lists, and each author on one line with degree, affiliation and
# address: the abstract ends with its paragraph.
nokw=$TMP/nokw-article.txt
{
    printf 'ВЕСТНИК НАУКИ\n№ 4, 2018\n\nУДК 514\n\nМЕТОДЫ ОБУЧЕНИЯ ГЕОМЕТРИИ\n'
    printf 'Сидоров Алексей Викторович, к.п.н., доцент, Кыргызский государственный университет, г. Бишкек, sidorov@example.kg\n'
    printf 'Аннотация. В статье описаны методы обучения геометрии в школе, проверенные\n'
    printf 'учителями на практике в течение трех лет работы в сельских и городских школах.\n'
    printf 'Методы просты.\n'
    printf 'Введение\nГеометрия изучается в школе с седьмого класса. Учителя применяют\n'
    printf 'разные методы и проверяют их на уроках.\n'
} > "$nokw"
expect_exit 0 "izde-meta on an article without keywords" "$BIN/izde-meta" "$nokw"
checks "$out" "$nokw" <<'EOF'
[a["name"] for a in d["authors"]]	["Сидоров А.В."]
d["authors"][0].get("affiliation")	Кыргызский государственный университет, г. Бишкек
d["authors"][0].get("email")	sidorov@example.kg
d["title"]	{"ru": "МЕТОДЫ ОБУЧЕНИЯ ГЕОМЕТРИИ"}
d["abstract"]	{"ru": "В статье описаны методы обучения геометрии в школе, проверенные учителями на практике в течение трех лет работы в сельских и городских школах. Методы просты."}
"keywords" in d	False
d["lang"]	ru
d["journal"]	ВЕСТНИК НАУКИ
d["issue"]	4
d["year"]	2018
EOF

# A name broken at the line end, and an abstract without its label whose
# first line names universities: it is no affiliation.
wrap=$TMP/wrap-article.txt
{
    printf 'УДК 37\nОБ УЧЕБНИКАХ\n'
    printf 'Бейшенов Мирлан Кадырович, Шаршенова Бермет\nБейшеновна\n'
    printf 'В городе имеется несколько университетов, музеев, картинных галерей. Большая часть\n'
    printf 'видов рода распространена в Северной и Центральной Америке и в Европе.\n'
    printf 'Ключевые слова: учебник, школа.\n'
} > "$wrap"
expect_exit 0 "izde-meta on a wrapped name" "$BIN/izde-meta" "$wrap"
checks "$out" "$wrap" <<'EOF'
[a["name"] for a in d["authors"]]	["Бейшенов М.К.", "Шаршенова Б.Б."]
d["title"]	{"ru": "ОБ УЧЕБНИКАХ"}
d["abstract"]["ru"].split()[:3]	["В", "городе", "имеется"]
EOF

# A text with no front matter: a body only. Names and numbers in it are not
# authors, pages or a journal.
plain=$TMP/plain.txt
{
    printf 'Мектептеги окуу жылы сентябрда башталат. Мугалим Асанов А.А. жана\n'
    printf 'директор Осмонова Б.Б. жыйналышта сүйлөштү. 2020-жылы мектепке 120\n'
    printf 'окуучу кабыл алынган.\n\n'
    printf 'Окуучулар китепканага барышат, аннотация жазышат жана ачкыч сөздөрдү\n'
    printf 'тандашат.\n\n17\n'
} > "$plain"
expect_exit 0 "izde-meta on a text with no front matter" "$BIN/izde-meta" "$plain"
checks "$out" "$plain" <<'EOF'
sorted(k for k in d if k not in ("id", "path", "lang"))	[]
d["lang"]	ky
EOF

# A compressed text is named without its extensions.
gzip -c "$plain" > "$TMP/plain.txt.gz"
expect_exit 0 "izde-meta on a .txt.gz" "$BIN/izde-meta" "$TMP/plain.txt.gz"
checks "$out" "$TMP/plain.txt.gz" <<'EOF'
d["id"]	plain
EOF

# Several files: one line each, in order; a missing file is named, the
# others still printed, and the exit status says something failed.
expect_exit 1 "izde-meta with a missing file" "$BIN/izde-meta" "$ky" "$TMP/missing.pdf" "$plain"
[ "$(wc -l < "$out")" -eq 2 ] && pass || fail "two JSON lines expected for two readable files"
expect_grep 'missing.pdf' "$TMP/err" "the missing file is named"
expect_exit 2 "izde-meta with no file" "$BIN/izde-meta"
expect_exit 0 "izde-meta --help" "$BIN/izde-meta" --help
expect_grep 'explain' "$out" "--help names --explain"

# The founding article starts at its abstract: its abstracts and keyword
# lists come out whole, and no title or author is invented for it.
seed=${IZDE_SHARED_DIR:-}/seeds/000_eff225d9c19db179.txt
if [ -n "${IZDE_SHARED_DIR:-}" ] && [ -f "$seed" ]; then
    expect_exit 0 "izde-meta on the seed article" "$BIN/izde-meta" "$seed"
    checks "$out" "$seed" <<'EOF'
"title" in d or "authors" in d	False
d["abstract"]["ky"].split()[0]	Макалада
"ишмердүүлүгү" in d["abstract"]["ky"].split()	True
d["abstract"]["ru"].split()[-1]	эффективности».
d["abstract"]["en"].split()[0]	The
d["keywords"]["ky"][2]	педагогикалык инновация
[len(d["keywords"][l]) for l in ("ky", "ru", "en")]	[10, 10, 10]
d["keywords"]["ru"][2]	педагогические инновации
EOF
else
    echo "meta.sh: no ../shared/seeds here: the seed article's checks are skipped"
fi

# News, not an article: an issue-like number in its second line ("№ 2038",
# a military unit) is neither a year nor a journal's issue.
news=$TMP/news.txt
printf 'Бишкекте жаңы бекет ачылды\nМаалыматка караганда, № 2038 аскер бөлүгүндө бекеттер курулуп, пайдаланууга берилди.\n\nБекетте 30 адам иштейт.\n' >"$news"
"$BIN/izde-meta" "$news" >"$TMP/news.json"
checks "$TMP/news.json" "$news" <<'EOF'
d["year"]	-
d["journal"]	-
d["issue"]	-
EOF

# An article with a keyword line but no abstract prints no abstract, not
# an empty one.
short=$TMP/short.txt
printf 'ВЕСТНИК КНУ 2019 № 2\n\nУДК 37\n\nТЕМА\n\nАсанова Г.Т.\n\nНегизги сөздөр: мектеп.\n\nТекст мектеп.\n\f\nТекст.\n\nВЕСТНИК КНУ 2019 № 2  45\n' >"$short"
"$BIN/izde-meta" "$short" >"$TMP/short.json"
checks "$TMP/short.json" "$short" <<'EOF'
d["abstract"]	-
d["keywords"]["ky"]	["мектеп"]
d["year"]	2019
EOF

finish
