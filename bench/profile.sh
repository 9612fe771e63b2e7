#!/usr/bin/env bash
# profile.sh - where izde-index spends its time: perf with DWARF call graphs, then
# every sample charged to the innermost Izde step on its stack.
#
#   bench/profile.sh [--build DIR] [--freq HZ] PATH...
#
# Indexes PATH... into a temporary database under `perf record --call-graph
# dwarf` (libxapian has no frame pointers and no symbols, so only DWARF
# unwinding sees which of our calls a Xapian sample belongs to), then prints a
# table: step, share of all samples, share on the writer thread, and how much
# of the step is zlib, libc memcmp/malloc, and the C++ tree maps. Needs perf
# (Debian linux-perf) and permission to use it (root, or
# kernel.perf_event_paranoid <= 1). Keeps perf.data in $IZDE_PROFILE_KEEP if set.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/build-bench
freq=99
while [ $# -gt 0 ]; do
    case $1 in
        --build) build=$2; shift 2 ;;
        --freq) freq=$2; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) break ;;
    esac
done
[ $# -gt 0 ] || { echo "profile.sh: give PATH... to index" >&2; exit 2; }
command -v perf >/dev/null || { echo "profile.sh: perf not found (apt-get install linux-perf)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
perf record -q -F "$freq" --call-graph dwarf,16384 -o "$tmp/perf.data" -- \
    "$build/bin/izde-index" --db "$tmp/db" -q "$@" >&2
[ -n "${IZDE_PROFILE_KEEP:-}" ] && cp "$tmp/perf.data" "$IZDE_PROFILE_KEEP"
perf script -i "$tmp/perf.data" -F pid,tid,ip,sym,dso 2>/dev/null | /usr/bin/python3 -c '
import re, sys
# Innermost Izde frame on the stack -> step. First match wins, leaf first.
STEPS = [
    ("izde_langid_guess", "langid (trigram language id)"),
    ("izde_ky_stem|izde_ru_stem|izde_stemmer_stem|izde_xstem_stem", "stemming (ky, ru, en)"),
    ("izde_text_fold|izde_keyfold", "folding (ICU NFC + case fold)"),
    ("izde_text_words_next|izde_text_words_begin", "ICU word break"),
    ("izde_stopword", "stop words"),
    ("izde_dehyphen_text", "dehyphenation"),
    ("izde_text_utf8", "UTF-8 check and repair"),
    ("izde_doc_add_posting|izde_doc_add_term|izde_doc_set_|izde_doc_new|izde_doc_free",
     "Xapian Document: add_posting/add_term"),
    ("izde_gz_|izde_docdata_encode", "stored record (zlib compress)"),
    ("izde_wdb_add_doc|izde_wdb_replace_doc", "Xapian add_document (writer thread)"),
    ("izde_wdb_commit|izde_wdb_close", "Xapian commit (writer thread)"),
    ("izde_analyze_text", "analysis, other"),
    ("ix_extract|ix_read|extract_", "reading files"),
]
steps = [(re.compile(p), name) for p, name in STEPS]
LEAF = [("zlib", re.compile(r"libz\.so")),
        ("memcmp", re.compile(r"memcmp")),
        ("malloc/free", re.compile(r"malloc|_int_free|cfree|free$|malloc_consolidate|unlink_chunk|operator new|operator delete")),
        ("rb-tree", re.compile(r"_Rb_tree")),
        ("kernel", re.compile(r"kernel|\[k\]"))]
total = 0; writer = 0
by = {}; by_w = {}; leaf = {}
def flush(head, frames):
    global total, writer
    if not head: return
    pid, tid = head
    name = "other"
    for sym, dso in frames:
        for rx, n in steps:
            if rx.search(sym):
                name = n; break
        else:
            continue
        break
    total += 1
    by[name] = by.get(name, 0) + 1
    if pid == tid:
        writer += 1; by_w[name] = by_w.get(name, 0) + 1
    if frames:
        sym, dso = frames[0]
        for lname, rx in LEAF:
            if rx.search(sym) or rx.search(dso):
                leaf[(name, lname)] = leaf.get((name, lname), 0) + 1
                break
head = None; frames = []
for line in sys.stdin:
    if not line.strip():
        flush(head, frames); head = None; frames = []; continue
    if not line.startswith((" ", "\t")):
        flush(head, frames); frames = []
        m = re.search(r"(\d+)/(\d+)", line)
        head = (m.group(1), m.group(2)) if m else None
        continue
    m = re.match(r"\s*[0-9a-f]+\s+(.*?)\s+\((.*)\)\s*$", line)
    if m: frames.append((m.group(1), m.group(2)))
flush(head, frames)
if not total:
    sys.exit("profile.sh: no samples")
print("samples %d, writer (main) thread %.0f%%, worker threads %.0f%%" %
      (total, 100.0 * writer / total, 100.0 * (total - writer) / total))
print("%-40s %7s %8s  %s" % ("step", "all", "writer", "leaf: zlib / memcmp / malloc+free / rb-tree / kernel"))
for name, n in sorted(by.items(), key=lambda kv: -kv[1]):
    parts = " / ".join("%.1f" % (100.0 * leaf.get((name, l), 0) / total) for l, _ in LEAF)
    print("%-40s %6.1f%% %7.1f%%  %s" % (name, 100.0 * n / total, 100.0 * by_w.get(name, 0) / total, parts))
'
