#!/bin/bash
# symbols.sh - the C/C++ boundary: libizde_xapian.a exports exactly the C
# functions of index/xapian_binding.h, and nothing else of ours.
#
# Rules (cf. notmuch test/T360-symbol-hiding.sh):
#  1. Every strong global symbol (nm types other than U, W, V, w, v and the
#     lowercase local ones) is an unmangled izde_ name, i.e. has C linkage.
#  2. It is declared in xapian_binding.h, and every function declared there
#     is defined (the header is the contract).
#  3. Weak symbols are inline or template code the compiler emitted from
#     headers; they must belong to Xapian, the C++ library, or the implicit
#     members of our handle structs (izde_wdb::~izde_wdb()). A helper of ours
#     marked inline outside the anonymous namespace would show up here.
set -u

bin_dir=${IZDE_BIN_DIR:?IZDE_BIN_DIR is not set}
src_dir=${IZDE_SOURCE_DIR:?IZDE_SOURCE_DIR is not set}
lib=$bin_dir/../libizde_xapian.a
header=$src_dir/index/xapian_binding.h

if ! command -v nm >/dev/null 2>&1; then
    echo "symbols.sh: nm not found, skipping" >&2
    exit 77
fi
if [ ! -f "$lib" ]; then
    echo "symbols.sh: '$lib' not found (build the izde_xapian target)" >&2
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/izde-symbols-XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

status=0
fail() {
    echo "symbols.sh: $*" >&2
    status=1
}

if ! nm --defined-only "$lib" >"$tmp/nm.raw" 2>"$tmp/nm.err"; then
    fail "nm failed on '$lib': $(cat "$tmp/nm.err")"
    exit 1
fi
# "address type name" lines only (skip archive member headers and blanks).
awk 'NF == 3 { print $2, $3 }' "$tmp/nm.raw" >"$tmp/nm"

# 1. Strong globals: C linkage and the izde_ prefix.
awk '$1 ~ /^[A-Z]$/ && $1 !~ /^[UWV]$/ { print $2 }' "$tmp/nm" | sort -u >"$tmp/strong"
grep -Ev '^izde_[a-z0-9_]+$' "$tmp/strong" >"$tmp/bad_strong"
if [ -s "$tmp/bad_strong" ]; then
    fail "exported symbols outside the izde_ C interface:"
    c++filt <"$tmp/bad_strong" | sed 's/^/  /' >&2
fi

# 2. Exactly the functions of the header: strip comments, then take every
#    izde_name that is followed by '(' (prototypes; function-pointer
#    parameters have other names).
sed -e 's://.*$::' "$header" |
    awk 'BEGIN { RS = "\0" } { gsub(/\/\*([^*]|\*+[^*\/])*\*+\//, ""); print }' |
    grep -oE '\bizde_[a-z0-9_]+[[:space:]]*\(' | sed -E 's/[[:space:]]*\($//' |
    sort -u >"$tmp/declared"
if [ ! -s "$tmp/declared" ]; then
    fail "found no prototypes in '$header'"
fi
comm -23 "$tmp/declared" "$tmp/strong" >"$tmp/missing"
grep -E '^izde_' "$tmp/strong" | comm -13 "$tmp/declared" - >"$tmp/extra"
if [ -s "$tmp/missing" ]; then
    fail "declared in xapian_binding.h but not defined with C linkage:"
    sed 's/^/  /' "$tmp/missing" >&2
fi
if [ -s "$tmp/extra" ]; then
    fail "exported but not declared in xapian_binding.h:"
    sed 's/^/  /' "$tmp/extra" >&2
fi
# The exported izde_ functions must be code (T), not data. Local
# compiler-made pieces of them (izde_x.cold, izde_x.part.0 in optimised
# builds) are not exported and do not count.
awk '$1 != "T" && $1 != "t" && $2 ~ /^izde_/ { print $1, $2 }' "$tmp/nm" >"$tmp/notcode"
if [ -s "$tmp/notcode" ]; then
    fail "izde_ symbols that are not functions:"
    sed 's/^/  /' "$tmp/notcode" >&2
fi

# 3. Weak symbols come from headers, not from our own code.
awk '$1 ~ /^[WVwv]$/ { print $2 }' "$tmp/nm" | sort -u >"$tmp/weak_raw"
c++filt <"$tmp/weak_raw" >"$tmp/weak"
grep -vE '(^|[ (<,*&])(Xapian::|std::|__gnu_cxx::|__cxxabiv1::)|^izde_(wdb|rdb|query|xstem|doc)::|^(typeinfo|typeinfo name|vtable) for (Xapian::|std::)|^DW\.ref\.|^__gxx_personality_v0$|^operator (new|delete)(\[\])?\(|^_GLOBAL__' \
    "$tmp/weak" >"$tmp/bad_weak"
# A weak C-linkage izde_ symbol would mean an inline definition in the header.
grep -E '^izde_[a-z0-9_]+$' "$tmp/weak_raw" >>"$tmp/bad_weak"
if [ -s "$tmp/bad_weak" ]; then
    fail "weak symbols that do not come from Xapian or C++ headers:"
    sed 's/^/  /' "$tmp/bad_weak" >&2
fi

if [ "$status" -eq 0 ]; then
    echo "symbols.sh: $(wc -l <"$tmp/declared") izde_ functions exported, nothing else of ours"
fi
exit "$status"
