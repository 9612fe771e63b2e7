# lib.sh - shared helpers for the end-to-end shell tests (sourced).
set -u
: "${IZDE_BIN_DIR:?}" "${IZDE_SOURCE_DIR:?}"
BIN=$IZDE_BIN_DIR
# Test programs (mkpdf, dbtool, ...) live apart from the user programs.
TOOLS=${IZDE_TOOL_DIR:-$BIN}
SRC=$IZDE_SOURCE_DIR
TMP=$(mktemp -d "${TMPDIR:-/tmp}/izde-test.XXXXXX")
trap 'chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
failures=0
passes=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

pass() {
    passes=$((passes + 1))
}

# expect_exit WANT DESCRIPTION CMD...: runs CMD, stdout to $TMP/out, stderr
# to $TMP/err, and checks its exit status.
expect_exit() {
    local want=$1 what=$2
    shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"
    local got=$?
    if [ "$got" -ne "$want" ]; then
        fail "$what: exit $got, expected $want"
        sed 's/^/  stderr: /' "$TMP/err" >&2
    else
        pass
    fi
}

# expect_grep PATTERN FILE DESCRIPTION: FILE has a line matching PATTERN.
expect_grep() {
    if grep -q -- "$1" "$2"; then pass; else fail "$3: no '$1' in $(basename "$2")"; sed 's/^/  | /' "$2" | head -20 >&2; fi
}

expect_no_grep() {
    if grep -q -- "$1" "$2"; then fail "$3: unexpected '$1' in $(basename "$2")"; else pass; fi
}

# top_path FILE: the path of the first result of a --json search output.
json_paths() {
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("\n".join(r["path"].rsplit("/",1)[-1] for r in d["results"]))' "$1"
}

# write_article FILE JOURNAL YEAR UDC AUTHOR KEYWORDS: a two-page article in
# the shape the indexer reads fields from (running header with the journal,
# year and issue on each page, УДК, title, author, keyword line).
write_article() {
    local file=$1 journal=$2 year=$3 udc=$4 author=$5 kws=$6
    {
        printf '%s %s № 2\n\nУДК %s\n\nМЕКТЕП ЖАНА МУГАЛИМ\n\n%s\n\n' "$journal" "$year" "$udc" "$author"
        printf 'Негизги сөздөр: %s.\n\nМектепте мугалим балдарга күндө сабак берет жана үйгө тапшырма берет. Бүгүнкү күндө өлкөнүн мектептеринде көп өзгөрүүлөр болуп жатат.\n\f\n' "$kws"
        printf 'Мугалимдин ишмердүүлүгү өнүгүп, окуучулардын билими өсөт.\n\n%s %s № 2  45\n' "$journal" "$year"
    } >"$file"
}

# start_web LOG ARGS...: starts izde-web with ARGS on a free loopback port
# and waits until it listens; sets URL and adds its pid to pids, which the
# test's EXIT trap kills.
pids=()
start_web() {
    local log=$1
    shift
    "$BIN/izde-web" --listen 127.0.0.1:0 --threads 2 "$@" 2>"$log" &
    pids+=($!)
    for _ in $(seq 1 100); do
        grep -q "listening on" "$log" && break
        sleep 0.1
    done
    URL=$(sed -n 's/^izde-web: listening on \(http:[^ ]*\)\/$/\1/p' "$log")
    [ -n "$URL" ] || { fail "izde-web did not start: $(cat "$log")"; finish; exit 1; }
}

finish() {
    echo "$passes passed, $failures failed"
    [ "$failures" -eq 0 ]
}
