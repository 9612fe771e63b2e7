#!/usr/bin/env bash
# The layer check must fail on a house that breaks it: an include that runs
# upward, two rooms of one layer including each other, an unqualified
# include, and pass on a small house that keeps the order.
set -euo pipefail
check=$(dirname "$0")/check_layers.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp"/common "$tmp"/text "$tmp"/indexer "$tmp"/searcher
printf '#include "common/buf.h"\n' > "$tmp"/text/words.c
printf '/* buf */\n' > "$tmp"/common/buf.h
printf '#include "text/words.h"\n#include "common/buf.h"\n' > "$tmp"/indexer/run.c
printf '/* words */\n' > "$tmp"/text/words.h
python3 "$check" "$tmp" >/dev/null || { echo "FAIL: a house in order was rejected"; exit 1; }

expect_fail() {  # FILE LINE WHAT
    cp "$1" "$1.keep"
    printf '%s\n' "$2" >> "$1"
    if python3 "$check" "$tmp" >/dev/null; then
        echo "FAIL: not caught: $3"; exit 1
    fi
    mv "$1.keep" "$1"
}
expect_fail "$tmp"/common/buf.h '#include "text/words.h"' "common includes text (upward)"
expect_fail "$tmp"/indexer/run.c '#include "searcher/x.h"' "indexer includes searcher (same layer)"
expect_fail "$tmp"/indexer/run.c '#include "nowhere/x.h"' "a folder in no layer"
printf '/* run */\n' > "$tmp"/indexer/run.h
expect_fail "$tmp"/indexer/run.c '#include "run.h"' "an unqualified include"

# The linker's view: objects laid out as CMake lays them out.
obj="$tmp"/build/CMakeFiles/t.dir
mkdir -p "$obj"/common "$obj"/text
printf 'int words(void);\nint buf(void) { return 1; }\n' > "$tmp"/common/buf.c
printf 'int buf(void);\nint words(void) { return buf(); }\n' > "$tmp"/text/words.c
cc -c -o "$obj"/common/buf.c.o "$tmp"/common/buf.c
cc -c -o "$obj"/text/words.c.o "$tmp"/text/words.c
python3 "$check" "$tmp" "$tmp"/build >/dev/null || { echo "FAIL: objects in order were rejected"; exit 1; }
printf 'int words(void);\nint buf(void) { return words(); }\n' > "$tmp"/common/buf.c
cc -c -o "$obj"/common/buf.c.o "$tmp"/common/buf.c
if python3 "$check" "$tmp" "$tmp"/build >/dev/null; then
    echo "FAIL: not caught: common calls text, and the two call each other"; exit 1
fi
echo "check_layers catches every breach it was shown"
