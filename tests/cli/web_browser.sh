# web_browser.sh - izde-web in a real browser (Debian's chromium, headless): what a reader sees, and a reader's clicks.
. "$(dirname "$0")/lib.sh"
# only_own_script FILE WHAT: the page holds one script element, its own
# (the suggestions and keys), none from a document or the query.
only_own_script() {
    local n
    n=$(grep -o '<script' "$1" | wc -l)
    [ "$n" -eq 1 ] && pass || fail "$2: $n script elements"
}
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || { echo "SKIP: no chromium (scripts/install-deps.sh installs Debian's)"; exit 77; }
db=$TMP/db
docs=$TMP/docs
mkdir -p "$docs"
cp "$SRC"/corpus-samples/* "$docs"/
printf '%s\n' 'Мектеп китепканасы жана коркунучтуу текст: <script>document.title="pwned"</script> "><img src=x onerror=alert(2)> мектептеги китептер.' >"$docs/hostile.txt"
expect_exit 0 "index" "$BIN/izde-index" --db "$db" "$docs"

"$BIN/izde-web" --db "$db" --listen 127.0.0.1:0 --threads 2 2>"$TMP/log" &
pid=$!
trap 'kill $pid 2>/dev/null; chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 1 100); do grep -q "listening on" "$TMP/log" && break; sleep 0.1; done
URL=$(sed -n 's/^izde-web: listening on \(http:[^ ]*\)\/$/\1/p' "$TMP/log")
[ -n "$URL" ] || { fail "izde-web did not start: $(cat "$TMP/log")"; finish; exit 1; }

# dom URL: the DOM chromium built from the page, into $TMP/dom.
dom() {
    timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --user-data-dir="$TMP/profile" --dump-dom "$1" >"$TMP/dom" 2>"$TMP/chromium.err"
}
q() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

# titles_equal JSON DOM: the DOM's result titles are the JSON's, in order.
titles_equal() {
    python3 - "$1" "$2" <<'PY'
import html, json, re, sys
want = [r["title"] for r in json.load(open(sys.argv[1]))["results"]]
got = [html.unescape(t) for t in re.findall(r'<span class="title">(.*?)</span>', open(sys.argv[2]).read())]
assert want and got == want, (got, want)
PY
}

# Static: the page as chromium builds it.
dom "$URL/?q=$(q мектептерде)"
expect_grep '<label for="q">Эмнени издейсиз?</label>' "$TMP/dom" "Kyrgyz label in the DOM"
expect_grep '<mark>' "$TMP/dom" "highlights in the DOM"
expect_grep 'Табылды:' "$TMP/dom" "Kyrgyz hit count"
"$BIN/izde-search" --db "$db" --json мектептерде >"$TMP/cli.json"
titles_equal "$TMP/cli.json" "$TMP/dom" && pass || fail "the browser shows other titles than izde-search"
dom "$URL/?q=$(q коркунучтуу)"
expect_grep '&lt;script&gt;document.title' "$TMP/dom" "hostile text shown as text"
only_own_script "$TMP/dom" "no script element from document text"
expect_no_grep '<img' "$TMP/dom" "no img element from document text"
expect_no_grep '<title>pwned' "$TMP/dom" "no script ran"
dom "$URL/?q=$(q '"><script>document.title="pwned"</script>')"
only_own_script "$TMP/dom" "no script element from the query"

# Interactive: a reader types a query, submits, goes to page 2, filters by
# language. Selenium and chromium-driver are Debian packages; Debian's
# python3 has the former even where another python3 comes first in PATH.
PY=
for p in /usr/bin/python3 python3; do
    "$p" -c 'import selenium' 2>/dev/null && { PY=$p; break; }
done
if [ -z "$PY" ] || ! command -v chromedriver >/dev/null; then
    echo "note: no python3-selenium or chromium-driver: static checks only" >&2
    finish
    exit
fi
for spec in "1 3 " "2 3 " "1 3 ru"; do
    set -- $spec
    "$BIN/izde-search" --db "$db" --json --limit "$2" --offset $((($1 - 1) * $2)) ${3:+--lang $3} мектеп >"$TMP/cli-$1-${3:-all}.json"
done
timeout 120 "$PY" - "$URL" "$TMP" "$BIN/izde-search" "$db" <<'PY' && pass || fail "interactive browser run"
import json, subprocess, sys
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

url, tmp, search, db = sys.argv[1:5]
opts = Options()
for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
    opts.add_argument(a)
d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
d.set_page_load_timeout(30)

def titles():
    return [e.text for e in d.find_elements(By.CSS_SELECTOR, "ol.results .title")]

def want(name):
    return [r["title"] for r in json.load(open(f"{tmp}/cli-{name}.json"))["results"]]

try:
    d.get(url + "/?limit=3")
    assert d.find_element(By.CSS_SELECTOR, "label[for=q]").text == "Эмнени издейсиз?"
    box = d.find_element(By.ID, "q")
    box.send_keys("мектеп")
    box.send_keys(Keys.ENTER)
    assert titles() == want("1-all"), ("page 1", titles(), want("1-all"))
    assert d.find_elements(By.CSS_SELECTOR, "ol.results mark"), "no highlights"
    d.find_element(By.ID, "next").click()
    assert titles() == want("2-all"), ("page 2", titles(), want("2-all"))
    d.find_element(By.CSS_SELECTOR, "a.lang-ru").click()
    assert titles() == want("1-ru"), ("lang ru", titles(), want("1-ru"))
    d.find_element(By.CSS_SELECTOR, 'a[lang="en"]').click()
    assert d.find_element(By.CSS_SELECTOR, "label[for=q]").text == "What are you looking for?"
    assert titles() == want("1-ru"), ("ui=en keeps the results", titles())
    # A keyword facet narrows the search: its clause lands in the box, and
    # the page shows what izde-search finds for the new query.
    d.get(url + "/?q=%D0%BC%D0%B5%D0%BA%D1%82%D0%B5%D0%BF")
    facet = d.find_element(By.CSS_SELECTOR, "nav.facets a")
    facet.click()
    q = d.find_element(By.ID, "q").get_attribute("value")
    assert q.startswith("мектеп kw:") or q.startswith("мектеп year:"), ("facet query", q)
    def cli(query):
        return json.loads(subprocess.run([search, "--db", db, "--json", query],
                                         capture_output=True, check=True).stdout)
    narrowed = cli(q)
    assert titles() == [r["title"] for r in narrowed["results"]], ("facet", q, titles())
    assert 0 < narrowed["total"] < cli("мектеп")["total"], ("narrower", q, narrowed["total"])
    # The script: a misspelling typed (not submitted) gets the index's
    # spelling under the box, and its link searches it.
    d.get(url + "/")
    d.find_element(By.ID, "q").send_keys("мектпе")
    link = WebDriverWait(d, 10).until(
        lambda drv: drv.find_elements(By.ID, "live-suggestion") and
        drv.find_element(By.ID, "live-suggestion"))
    assert link.text == "мектеп", ("live suggestion", link.text)
    link.click()
    assert d.find_element(By.ID, "q").get_attribute("value") == "мектеп"
    # Keys: j and k move through the results, / goes back to the box.
    d.execute_script("document.activeElement.blur()")
    links = d.find_elements(By.CSS_SELECTOR, "ol.results .t a")
    ActionChains(d).send_keys("j").perform()
    assert d.switch_to.active_element == links[0], "j: first result"
    ActionChains(d).send_keys("j").send_keys("j").send_keys("k").perform()
    assert d.switch_to.active_element == links[1], "j j k: second result"
    ActionChains(d).send_keys("/").perform()
    assert d.switch_to.active_element.get_attribute("id") == "q", "/: the search box"
finally:
    d.quit()
PY
finish
