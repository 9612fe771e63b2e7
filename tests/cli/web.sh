# web.sh - izde-web end to end with curl: the API is izde-search --json byte for byte, every text is escaped, /doc/ serves only indexed files, a missing index is a 503 the server survives.
. "$(dirname "$0")/lib.sh"
# only_own_script FILE WHAT: the page holds one script element, its own
# (the suggestions and keys), none from a document or the query.
only_own_script() {
    local n
    n=$(grep -o '<script' "$1" | wc -l)
    [ "$n" -eq 1 ] && pass || fail "$2: $n script elements"
}
command -v curl >/dev/null || { echo "SKIP: curl is not installed (scripts/install-deps.sh)"; exit 77; }
db=$TMP/db
docs=$TMP/docs
mkdir -p "$docs"
cp "$SRC"/corpus-samples/* "$docs"/
# A document whose text is markup: it must reach the page as text.
printf '%s\n' 'Мектеп китепканасы жана коркунучтуу текст: <script>alert(1)</script> "><img src=x onerror=alert(2)> мектептеги китептер.' >"$docs/hostile.txt"
expect_exit 0 "index" "$BIN/izde-index" --db "$db" "$docs"

trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT

# get PATH [curl args...]: the body into $TMP/body, the status into $TMP/code.
get() {
    local path=$1
    shift
    curl -s -g --path-as-is -o "$TMP/body" -w '%{http_code}' "$@" "$URL$path" >"$TMP/code"
}

expect_code() {
    [ "$(cat "$TMP/code")" = "$1" ] && pass || fail "$2: HTTP $(cat "$TMP/code"), expected $1"
}

start_web "$TMP/log" --db "$db"

# The API equals izde-search --json for the same query, page and filter:
# inflected Kyrgyz, a phrase, a partial match, no hit with a suggestion,
# page 2, a language filter.
check_api() { # QUERY PAGE LIMIT [LANG]
    local q=$1 page=$2 limit=$3 lang=${4:-}
    local offset=$(((page - 1) * limit))
    local args=(--db "$db" --json --limit "$limit" --offset "$offset")
    [ -n "$lang" ] && args+=(--lang "$lang")
    "$BIN/izde-search" "${args[@]}" -- "$q" >"$TMP/cli.json" 2>"$TMP/err"
    get /api/search -G --data-urlencode "q=$q" -d "page=$page" -d "limit=$limit" ${lang:+-d lang=$lang}
    expect_code 200 "API '$q' page $page"
    if cmp -s "$TMP/cli.json" "$TMP/body"; then pass; else
        fail "API '$q' page $page differs from izde-search --json"
        diff <(head -c 400 "$TMP/cli.json") <(head -c 400 "$TMP/body") | sed 's/^/  /' >&2
    fi
}
check_api "мектептерде" 1 10
check_api "мугалимдин инновациялык ишмердүүлүгү" 1 10
check_api '"мектеп китепканасы"' 1 10
check_api "мектеп олимпиада" 1 10
check_api "мектпе" 1 10
check_api "мектеп" 2 3
check_api "мектеп" 1 5 ru
check_api "окуучулар" 1 10 ky

# The suggest API: the suggestion of a query without hits, null for a hit.
get /api/suggest -G --data-urlencode "q=мектпе"
expect_code 200 "suggest"
[ "$(cat "$TMP/body")" = '{"suggestion":"мектеп"}' ] && pass || fail "suggest мектпе: $(cat "$TMP/body")"
get /api/suggest -G --data-urlencode "q=мектеп"
[ "$(cat "$TMP/body")" = '{"suggestion":null}' ] && pass || fail "suggest of a hit: $(cat "$TMP/body")"

# API errors are JSON with a clear message.
get /api/search -G -d "q="
expect_code 400 "empty API query"
expect_grep '"error":"empty query' "$TMP/body" "empty API query"
get /api/search -G -d "q=x" -d "limit=101"
expect_code 400 "API limit over 100"
python3 -c 'print("сөз " * 1200)' >"$TMP/long"
get /api/search -G --data-urlencode "q@$TMP/long"
expect_code 400 "API query too long"
expect_grep 'query too long' "$TMP/body" "API query too long"
get /api/search -G --data-urlencode "q=мектеп (олимпиада"
expect_code 400 "API bad syntax"
expect_grep "\"error\":\"query: unbalanced '(' at character 8\"" "$TMP/body" "API bad syntax"
# The query language answers as izde-search's does.
check_api "мектеп OR олимпиада" 1 10
check_api "NOT мектеп" 1 10

# Facets and order through the API are izde-search's; a bad name is a 400.
get /api/search -G --data-urlencode "q=мугалим" -d "facets=kw,year" -d "sort=-date"
"$BIN/izde-search" --db "$db" --json --facets kw,year --sort -date мугалим >"$TMP/cli.json"
cmp -s "$TMP/body" "$TMP/cli.json" && pass || fail "API facets differ from izde-search --json"
expect_grep '"facets":{"year":\[\],"kw":\[' "$TMP/body" "API facets"
get /api/search -G -d "q=x" -d "facets=year,colour"
expect_code 400 "API unknown facet"
get /api/search -G -d "q=x" -d "sort=size"
expect_code 400 "API unknown order"
# The page shows the keywords of the complete matches, each a link that
# adds its clause to the query.
get / -G --data-urlencode "q=мугалим"
expect_grep '<nav class="facets"' "$TMP/body" "facets on the page"
expect_grep 'href="/?q=мугалим%20kw%3A%22билим%20берүү%22">билим берүү <span class="n">(1)</span></a>' "$TMP/body" "a keyword's link"

# The page: Kyrgyz labels, marked matches, hits in izde-search's order.
get / -G --data-urlencode "q=мектептерде"
expect_code 200 "page"
expect_grep '<html lang="ky">' "$TMP/body" "page in Kyrgyz"
expect_grep '<label for="q">Эмнени издейсиз?</label>' "$TMP/body" "search box label"
expect_grep '<mark>' "$TMP/body" "marked matches"
expect_grep '<details class="help">' "$TMP/body" "help box"
# The page lists the hits in izde-search's order, with the same partial
# marks: an inflected word, partial matches, English, later pages across
# the complete and partial matches' boundary, a language filter.
page_order() { # QUERY PAGE LIMIT LANG
    local lang_arg=() cli_lang=()
    [ -n "$4" ] && lang_arg=(-d "lang=$4") && cli_lang=(--lang "$4")
    get / -G --data-urlencode "q=$1" -d "page=$2" -d "limit=$3" "${lang_arg[@]}"
    "$BIN/izde-search" --db "$db" --json --limit "$3" --offset $(( ($2 - 1) * $3 )) \
        "${cli_lang[@]}" -- "$1" >"$TMP/cli.json"
    python3 - "$TMP/cli.json" "$TMP/body" <<'PY' && pass || fail "page order differs from izde-search for '$1' page $2 of $3 ${4:-}"
import html, json, re, sys
want = [(r["title"], r["partial"]) for r in json.load(open(sys.argv[1]))["results"]]
body = open(sys.argv[2]).read()
got = [(html.unescape(t), "hit partial" in c)
       for c, t in re.findall(r'<li value="\d+" class="([^"]*)">.*?<span class="title">(.*?)</span>', body)]
assert want and got == want, (got, want)
PY
}
page_order мектептерде 1 10 ""
page_order "school library" 1 10 ""
for page in 1 2 3; do page_order "мугалим окуучулар мектеп" $page 3 ""; done
page_order мектеп 1 10 ky
get / -G --data-urlencode "q=мектептерде"
# The language filter counts each language's hits as izde-search --lang does.
for lang in ky ru en; do
    "$BIN/izde-search" --db "$db" --json --lang $lang мектептерде >"$TMP/cli.json"
    want=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$TMP/cli.json")
    got=$(sed -n "s/.*class=\"lang-$lang\"[^>]*>[^<]*<span class=\"n\">(\([0-9]*\)).*/\1/p" "$TMP/body")
    [ "$got" = "$want" ] && pass || fail "language filter count for $lang: '$got', izde-search says $want"
done
# ... and so does the filter the page was searched with, all or one language.
for lang in "" ky; do
    "$BIN/izde-search" --db "$db" --json ${lang:+--lang $lang} мектептерде >"$TMP/cli.json"
    want=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$TMP/cli.json")
    get / -G --data-urlencode "q=мектептерде" -d "lang=$lang"
    got=$(sed -n 's/.*<strong aria-current="true">[^<]*<span class="n">(\([0-9]*\)).*/\1/p' "$TMP/body")
    [ "$got" = "$want" ] && pass || fail "current filter '${lang:-all}' count: '$got', izde-search says $want"
done
get / -G --data-urlencode "q=мектептерде"
size=$(wc -c <"$TMP/body")
[ "$size" -le 51200 ] && pass || fail "page weighs $size bytes, over 50 KB"
get / -G --data-urlencode "q=мектеп" -d limit=50
size=$(wc -c <"$TMP/body")
[ "$size" -le 51200 ] && pass || fail "page of 50 hits weighs $size bytes, over 50 KB"
get / -G --data-urlencode "q=мектеп" -d ui=ru
expect_grep '<html lang="ru">' "$TMP/body" "?ui=ru"
expect_grep 'Что вы ищете?' "$TMP/body" "Russian label"
get / -G --data-urlencode "q=мектеп" -d ui=en
expect_grep 'What are you looking for?' "$TMP/body" "English label"
# Partial matches are marked; a no-hit query links its suggestion.
get / -G --data-urlencode "q=мектеп олимпиада"
expect_grep 'class="hit partial"' "$TMP/body" "partial hit class"
expect_grep 'class="badge">толук эмес' "$TMP/body" "partial badge"
get / -G --data-urlencode "q=мектпе"
expect_grep 'id="suggestion" href="/?q=мектеп">мектеп</a>' "$TMP/body" "did-you-mean link"
get / -G --data-urlencode "q=мектеп" -d limit=3 -d page=2
expect_grep 'rel="prev"' "$TMP/body" "page 2 links back"
expect_grep 'rel="next"' "$TMP/body" "page 2 links on"

# Hostile text and a hostile query come out as text.
get / -G --data-urlencode "q=коркунучтуу"
expect_grep '&lt;script&gt;alert(1)&lt;/script&gt;' "$TMP/body" "hostile title escaped"
expect_grep '&quot;&gt;&lt;img src=x onerror=alert(2)&gt;' "$TMP/body" "hostile snippet escaped"
only_own_script "$TMP/body" "no script element from the document"
expect_no_grep '<img' "$TMP/body" "no img element from the document"
get / -G --data-urlencode 'q="><img src=x onerror=alert(3)><script>alert(4)</script>'
expect_no_grep '<img' "$TMP/body" "hostile query: no img element"
only_own_script "$TMP/body" "hostile query: no script element"
expect_grep 'value="&quot;&gt;&lt;img src=x onerror=alert(3)&gt;' "$TMP/body" "hostile query escaped in the box"
# Invalid UTF-8 in the query is repaired, not echoed.
get '/?q=%D0%BC%FF%3C'
expect_code 200 "invalid UTF-8 query"
python3 -c 'import sys; open(sys.argv[1],"rb").read().decode("utf-8")' "$TMP/body" && pass || fail "page with invalid UTF-8 query is not UTF-8"
# A query over the session's limit is refused with a message.
get / -G --data-urlencode "q@$TMP/long"
expect_code 400 "page query too long"
expect_grep 'Суроо өтө узун' "$TMP/body" "too-long message"
# Bad syntax: the parser's message, escaped, with the character.
get / -G --data-urlencode 'q=year:<b>'
expect_code 400 "page bad syntax"
expect_grep "Суроо туура эмес жазылган: &#39;year:&lt;b&gt;&#39; at character 1" "$TMP/body" "bad-syntax message"

# /doc/ID serves an indexed file, found by its record; nothing else.
get / -G --data-urlencode "q=коркунучтуу"
id=$(grep -o 'href="/doc/[0-9]*"' "$TMP/body" | head -1 | tr -dc 0-9)
get "/doc/$id"
expect_code 200 "indexed document"
cmp -s "$TMP/body" "$docs/hostile.txt" && pass || fail "/doc/$id is not the indexed file"
curl -s -D "$TMP/headers" -o /dev/null "$URL/doc/$id"
grep -qi '^content-security-policy: sandbox' "$TMP/headers" && pass || fail "documents are not sandboxed"
# The page runs izde-web's own script file and no inline script.
curl -s -D "$TMP/headers" -o /dev/null "$URL/"
grep -qi "^content-security-policy: .*script-src 'self';" "$TMP/headers" && pass || fail "page policy"
grep -qi "script-src[^;]*unsafe-inline" "$TMP/headers" && fail "inline scripts allowed" || pass
curl -s -D "$TMP/headers" -o "$TMP/js" "$URL/izde.js"
grep -qi '^content-type: text/javascript' "$TMP/headers" && pass || fail "izde.js type"
expect_grep "/api/suggest" "$TMP/js" "izde.js asks for suggestions"
for bad in /doc/0 /doc/99999 /doc/1x /doc/ "/doc/../../etc/passwd" "/doc/..%2F..%2Fetc%2Fpasswd" "/doc/$TMP/docs/hostile.txt" "/doc/%2Fetc%2Fpasswd" /../etc/passwd; do
    get "$bad"
    expect_code 404 "GET $bad"
done
# A file swapped for a link since it was indexed (to a file outside the
# collection), or changed since, is not served: the record's size and time
# are the indexed file's.
printf 'алмаштырылчу файл\n' >"$docs/zz-swap.txt"
printf 'өзгөрчү файл\n' >"$docs/zz-edit.txt"
printf 'root:secret\n' >"$TMP/outside.txt"
expect_exit 0 "index two more" "$BIN/izde-index" --db "$db" "$docs"
get / -G --data-urlencode "q=алмаштырылчу"
swapid=$(grep -o 'href="/doc/[0-9]*"' "$TMP/body" | head -1 | tr -dc 0-9)
get / -G --data-urlencode "q=өзгөрчү"
editid=$(grep -o 'href="/doc/[0-9]*"' "$TMP/body" | head -1 | tr -dc 0-9)
get "/doc/$swapid"
expect_code 200 "the file before the swap"
cp -p "$docs/zz-swap.txt" "$TMP/outside-same.txt"
ln -sf "$TMP/outside-same.txt" "$docs/zz-swap.txt"
get "/doc/$swapid"
expect_code 404 "a file swapped for a link"
expect_no_grep "алмаштырылчу" "$TMP/body" "the link's target not served"
printf 'өзгөрдү, узунураак\n' >"$docs/zz-edit.txt"
get "/doc/$editid"
expect_code 404 "a file changed since it was indexed"
rm -f "$docs/zz-swap.txt" "$docs/zz-edit.txt"
expect_exit 0 "drop them" "$BIN/izde-index" --db "$db" "$docs"

# A document removed from the index is no longer served.
echo "жаңы документ" >"$docs/zz-new.txt"
expect_exit 0 "index a new document" "$BIN/izde-index" --db "$db" "$docs"
get / -G --data-urlencode "q=жаңы документ"
expect_grep 'zz-new.txt' "$TMP/body" "a commit is seen without a restart"
newid=$(grep -o 'href="/doc/[0-9]*"' "$TMP/body" | head -1 | tr -dc 0-9)
rm "$docs/zz-new.txt"
expect_exit 0 "remove it" "$BIN/izde-index" --db "$db" "$docs"
get "/doc/$newid"
expect_code 404 "a removed document"

# A rebuild swapped in by --full (a new directory; the old one goes) is
# found without a restart, with nothing said on stderr.
echo "жаңы документ" >"$docs/zz-full.txt"
expect_exit 0 "izde-index --full" "$BIN/izde-index" --db "$db" --full
get / -G --data-urlencode "q=жаңы документ"
expect_grep 'zz-full.txt' "$TMP/body" "a --full rebuild is seen without a restart"
expect_no_grep 'warning' "$TMP/log" "no warning for a swapped index"

# --no-files: no links, and /doc/ is 404 for everything.
start_web "$TMP/log-nofiles" --db "$db" --no-files
get / -G --data-urlencode "q=мектеп"
expect_no_grep 'href="/doc/' "$TMP/body" "--no-files page has no document links"
get "/doc/$id"
expect_code 404 "--no-files /doc/"

# A missing index: 503 with a plain message, and the server answers once
# the index is there.
start_web "$TMP/log-missing" --db "$TMP/missing"
get / -G --data-urlencode "q=мектеп"
expect_code 503 "missing index"
expect_grep 'Индекс азыр жеткиликсиз' "$TMP/body" "missing index message"
get /api/search -G --data-urlencode "q=мектеп"
expect_code 503 "API on a missing index"
get /
expect_code 200 "the bare form needs no index"
expect_exit 0 "make the index" "$BIN/izde-index" --db "$TMP/missing" "$SRC/corpus-samples"
get /api/search -G --data-urlencode "q=мектеп"
expect_code 200 "the server answers once the index exists"
# A corrupt index: 503, and the server keeps running.
for f in "$TMP"/missing/*.glass; do head -c 8192 /dev/urandom >"$f"; done
get /api/search -G --data-urlencode "q=мугалим"
expect_code 503 "corrupt index"
get /
expect_code 200 "the server still answers after a corrupt index"

# Slow clients: twenty connections that never finish their request do not
# keep a reader (two worker threads here) from being answered.
start_web "$TMP/log-slow" --db "$db"
port=${URL##*:}
fds=()
for _ in $(seq 1 20); do
    exec {fd}<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /?q=' >&$fd && fds+=($fd)
done
get /api/search -G --data-urlencode "q=мектеп" --max-time 5
expect_code 200 "answered while 20 slow clients hold connections"
for fd in "${fds[@]}"; do exec {fd}>&-; done

# Only GET and HEAD.
get / -X POST -d q=x
expect_code 405 "POST"
get / -X GET -d q=x
expect_code 400 "a GET with a body"
# One that says its body is a gigabyte long is answered at once, the
# body unread, as is one in chunks.
for announce in 'Content-Length: 1000000000' 'Transfer-Encoding: chunked'; do
    exec {fd}<>"/dev/tcp/127.0.0.1/$port"
    printf 'GET /?q=x HTTP/1.1\r\nHost: x\r\n%s\r\n\r\nabc' "$announce" >&$fd
    status=$(timeout 5 head -n 1 <&$fd | tr -d '\r')
    exec {fd}>&-
    [ "$status" = "HTTP/1.1 400 Bad Request" ] && pass ||
        fail "a GET announcing a body ($announce): '$status' within 5 s, not a 400"
done
get /api/search -H 'Content-Length: 0' -G --data-urlencode "q=мектеп"
expect_code 200 "a GET whose body is 0 bytes long"

# Connections are kept: a page, its script and the suggestions as the
# reader types come over one connection, not one each.
connects=$(curl -s -o /dev/null -o /dev/null -o /dev/null -w '%{num_connects} ' \
    "$URL/?q=x" "$URL/izde.js" "$URL/api/suggest?q=x")
[ "$connects" = "1 0 0 " ] && pass || fail "keep-alive: new connections per request: $connects"

# Facets follow the index: a server that counted them once counts an
# article committed afterwards (its tables are read anew per revision).
facet_db=$TMP/facet-db
mkdir -p "$TMP/facet-docs"
article() { # NAME YEAR
    printf 'ВЕСТНИК %s № 2\n\nУДК 37\n\nМЕКТЕП\n\nАсанова Г.Т.\n\nНегизги сөздөр: мектеп.\n\nМектепте мугалим балдарга күндө сабак берет жана үйгө тапшырма берет. Бүгүнкү күндө өлкөнүн мектептеринде көп өзгөрүүлөр болуп жатат.\n\f\nВЕСТНИК %s № 2  45\n' "$2" "$2" >"$TMP/facet-docs/$1.txt"
}
article a 2019
expect_exit 0 "index one article" "$BIN/izde-index" --db "$facet_db" "$TMP/facet-docs"
start_web "$TMP/log-facets" --db "$facet_db"
get /api/search -G --data-urlencode "q=мектеп" -d facets=year,kw
expect_grep '"facets":{"year":\[{"value":"2019","count":1}\],"kw":\[{"value":"мектеп","count":1}\]}' "$TMP/body" "facets of one article"
article b 2021
expect_exit 0 "add an article" "$BIN/izde-index" --db "$facet_db" --update
get /api/search -G --data-urlencode "q=мектеп" -d facets=year,kw
expect_grep '"facets":{"year":\[{"value":"2019","count":1},{"value":"2021","count":1}\],"kw":\[{"value":"мектеп","count":2}\]}' "$TMP/body" "facets after a commit"
# The page counts the УДК codes too, each a link that narrows by its code.
get / -G --data-urlencode "q=мектеп"
expect_grep '<div>УДК: <a href="/?q=мектеп%20udc%3A37">37 <span class="n">(2)</span></a></div>' "$TMP/body" "the page's УДК facet"
get / -G --data-urlencode "q=мектеп udc:37"
expect_grep 'Табылды: <strong>2' "$TMP/body" "the УДК facet's link finds both"
finish
