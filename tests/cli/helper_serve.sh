#!/usr/bin/env bash
# helper_serve.sh - one izde-extract serves a worker's files one after another
# (--serve): started once for many PDFs, started anew after it crashes on a
# file, which alone fails; the run goes on.
. "$(dirname "$0")/lib.sh"

"$TOOLS/mkpdf" "$TMP/good.pdf" doc || fail "mkpdf doc"

# The helper itself answers two requests on one stdin, each in its frame.
p=$TMP/good.pdf
printf 'pdf 1000000 %d\n%s\nzip 1000000 %d\n%s\n' "${#p}" "$p" "${#p}" "$p" |
    "$BIN/izde-extract" --serve > "$TMP/served" 2>/dev/null
expect_grep "^IZDE-SERVE [0-9]" "$TMP/served" "a framed answer"
n=$(grep -c "^IZDE-SERVE " "$TMP/served")
[ "$n" -eq 2 ] && pass || fail "two requests gave $n answers"

# Many PDFs, one job: one helper.
d=$TMP/pdfs
mkdir -p "$d"
for i in 1 2 3 4 5 6; do cp "$TMP/good.pdf" "$d/p$i.pdf"; done
cat > "$TMP/count.sh" <<SH
#!/bin/sh
echo start >> "$TMP/starts"
exec "$BIN/izde-extract" "\$@"
SH
chmod +x "$TMP/count.sh"
IZDE_EXTRACT_HELPER=$TMP/count.sh expect_exit 0 "six PDFs" "$BIN/izde-index" -j 1 --db "$TMP/db1" "$d"
expect_grep "6 indexed" "$TMP/err" "all six indexed"
starts=$(wc -l < "$TMP/starts")
[ "$starts" -eq 1 ] && pass || fail "the helper was started $starts times for six PDFs with one job"

# A helper that crashes on one file: that file fails, named; a new helper
# reads the next. The fake speaks the serving protocol (extract/wire.h).
c=$TMP/three
mkdir -p "$c"
for f in a b-dies c; do cp "$TMP/good.pdf" "$c/$f.pdf"; done
cat > "$TMP/fake.sh" <<SH
#!/bin/bash
echo start >> "$TMP/starts2"
while IFS=' ' read -r fmt max len; do
    IFS= read -r path
    case \$path in *-dies.pdf) kill -SEGV \$\$ ;; esac
    t="мугалим \${path##*/}"
    tl=\$(printf %s "\$t" | wc -c)
    a=\$(printf 'IZDE-EXTRACT 4\nstatus 1\n0\nfate 1\n0\npages 1\n1\ntext %s\n%s\n' "\$tl" "\$t"; echo x)
    a=\${a%x}
    printf 'IZDE-SERVE %s\n%s' "\$(printf %s "\$a" | wc -c)" "\$a"
done
SH
chmod +x "$TMP/fake.sh"
IZDE_EXTRACT_HELPER=$TMP/fake.sh expect_exit 1 "a crash on the second of three" \
    "$BIN/izde-index" -j 1 --db "$TMP/db2" "$c"
expect_grep "cannot index '$c/b-dies.pdf': PDF parser crashed (signal 11)" "$TMP/err" "crash named"
expect_grep "2 indexed" "$TMP/err" "the files before and after indexed"
starts=$(wc -l < "$TMP/starts2")
[ "$starts" -eq 2 ] && pass || fail "a crash gave $starts helper starts, expected 2"
expect_exit 0 "search after the crash" "$BIN/izde-search" --db "$TMP/db2" --json c.pdf
expect_grep '"total":1,' "$TMP/out" "the file after the crash is found by its text"

# A helper's memory cap holds for its whole life: a file it lacks memory
# for after earlier files is read once more by a new helper. This fake
# runs out on its second file, whichever that is.
m=$TMP/mem
mkdir -p "$m"
for f in a b c; do cp "$TMP/good.pdf" "$m/$f.pdf"; done
cat > "$TMP/fake-mem.sh" <<SH
#!/bin/bash
echo start >> "$TMP/starts3"
n=0
while IFS=' ' read -r fmt max len; do
    IFS= read -r path
    n=\$((n + 1))
    t="мугалим \${path##*/}"
    tl=\$(printf %s "\$t" | wc -c)
    if [ \$n -eq 2 ]; then
        a=\$(printf 'IZDE-EXTRACT 4\nstatus 1\n1\nfate 1\n6\n'; echo x)
    else
        a=\$(printf 'IZDE-EXTRACT 4\nstatus 1\n0\nfate 1\n0\npages 1\n1\ntext %s\n%s\n' "\$tl" "\$t"; echo x)
    fi
    a=\${a%x}
    printf 'IZDE-SERVE %s\n%s' "\$(printf %s "\$a" | wc -c)" "\$a"
done
SH
chmod +x "$TMP/fake-mem.sh"
IZDE_EXTRACT_HELPER=$TMP/fake-mem.sh expect_exit 0 "out of memory in a used helper" \
    "$BIN/izde-index" -j 1 --db "$TMP/db3" "$m"
expect_grep "3 indexed" "$TMP/err" "each file read again by a new helper"
starts=$(wc -l < "$TMP/starts3")
[ "$starts" -eq 3 ] && pass || fail "$starts helper starts, expected 3"
finish
