#!/usr/bin/env python3
"""check_layers.py - keeps the house as drawn: reads every #include "dir/file.h"
of the production folders and fails when a folder reaches above its layer or
when two rooms of one layer include each other; given a build folder, reads
the symbols of every object file too and fails when a file calls into a
higher layer or when files call each other in a circle.

Usage: check_layers.py [SOURCE_DIR [BUILD_DIR]]
       (default SOURCE_DIR: the repository of this script)

Cycles are found between object files, not between #include lines: a shared
internal header (declarations of several .c files) hides who calls whom,
while the linker's view (what each object defines and what it needs) does not.

The layer order is the one in the README's architecture section; a folder may
include its own files and any folder of a lower layer. Tests, benchmarks and
fuzz targets sit above everything and are not checked.
"""
import os
import re
import subprocess
import sys

# Lowest first. Folders on one line are rooms of the same layer: they may not
# include each other, only what lies below.
LAYERS = [
    ["common"],
    ["stemmers"],
    ["text"],
    ["index"],
    ["analysis"],
    ["extract"],
    ["searcher", "indexer"],
    ["meta", "web"],
]
RANK = {d: i for i, layer in enumerate(LAYERS) for d in layer}
SOURCE_EXT = (".c", ".h", ".cc")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def sources(root):
    for folder in RANK:
        top = os.path.join(root, folder)
        if not os.path.isdir(top):
            continue
        for dirpath, _, files in os.walk(top):
            for f in sorted(files):
                if f.endswith(SOURCE_EXT):
                    yield os.path.relpath(os.path.join(dirpath, f), root)


def objects(build):
    """Yields (source path, object path) of every production object file,
    from CMake's layout: CMakeFiles/<target>.dir/<source path>.o."""
    top = os.path.join(build, "CMakeFiles")
    for dirpath, _, files in os.walk(top):
        for f in files:
            if not f.endswith(".o"):
                continue
            obj = os.path.join(dirpath, f)
            rel = os.path.relpath(obj, top).split(os.sep)
            src = os.path.join(*rel[1:])[:-2]
            if rel[0].endswith(".dir") and rel[1] in RANK:
                yield src, obj


def symbols(obj):
    """(defined, needed) global symbols of one object file."""
    out = subprocess.run(["nm", "-P", obj], check=True, capture_output=True,
                         text=True).stdout
    defined, needed = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        name, kind = parts[0], parts[1]
        if kind == "U":
            needed.add(name)
        elif kind in "TDBRVW":
            defined.add(name)
    return defined, needed


def check_objects(root, build):
    problems = []
    owner, needs = {}, {}
    for src, obj in objects(build):
        if not os.path.exists(os.path.join(root, src)):
            continue  # left behind by a file since moved or deleted
        defined, needed = symbols(obj)
        needs[src] = needed
        for name in defined:
            # main and a symbol defined twice (one per program) say nothing
            # about who calls whom.
            owner[name] = None if name in owner or name == "main" else src
    if not needs:
        return [f"no object files under {build}/CMakeFiles: build first"]
    edges = {}
    for src, needed in needs.items():
        folder = src.split(os.sep)[0]
        for name in needed:
            dst = owner.get(name)
            if not dst or dst == src:
                continue
            edges.setdefault(src, set()).add(dst)
            dfolder = dst.split(os.sep)[0]
            if dfolder != folder and RANK[dfolder] >= RANK[folder]:
                problems.append(f"{src} calls {name} of {dst}, a folder above or "
                                f"beside its layer")

    state, stack = {}, []

    def visit(m):
        state[m] = 1
        stack.append(m)
        for t in sorted(edges.get(m, ())):
            if state.get(t) == 1:
                problems.append("files call each other in a circle: " +
                                " -> ".join(stack[stack.index(t):] + [t]))
            elif t not in state:
                visit(t)
        stack.pop()
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m)
    return problems


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else \
        os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    build = sys.argv[2] if len(sys.argv) > 2 else None
    problems = []
    nfiles = 0
    for path in sources(root):
        nfiles += 1
        folder = path.split(os.sep)[0]
        with open(os.path.join(root, path), encoding="utf-8", errors="replace") as fh:
            for lineno, line in enumerate(fh, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                target = m.group(1)
                if "/" not in target:
                    # Generated headers (izde_version.h) live outside the tree.
                    if not os.path.exists(os.path.join(root, folder, target)):
                        continue
                    problems.append(f"{path}:{lineno}: include \"{target}\" "
                                    f"by its folder-qualified name, \"{folder}/{target}\"")
                    continue
                tfolder = target.split("/")[0]
                if tfolder not in RANK:
                    problems.append(f"{path}:{lineno}: \"{target}\" is in no layer")
                    continue
                if tfolder != folder and RANK[tfolder] >= RANK[folder]:
                    where = "above" if RANK[tfolder] > RANK[folder] else "beside"
                    problems.append(f"{path}:{lineno}: {folder}/ includes \"{target}\", "
                                    f"a folder {where} its layer")

    if build:
        problems += check_objects(root, build)

    for p in problems:
        print(p)
    if nfiles == 0:
        print(f"check_layers: no sources under {root}")
        return 1
    print(f"check_layers: {nfiles} files{', their objects' if build else ''}: "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
