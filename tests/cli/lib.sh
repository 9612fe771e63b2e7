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

finish() {
    echo "$passes passed, $failures failed"
    [ "$failures" -eq 0 ]
}
