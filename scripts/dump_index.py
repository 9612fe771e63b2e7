#!/usr/bin/python3
"""dump_index.py DB - writes every document of a Xapian index as text, keyed
by its id term (Q + path) rather than its docid, so two builds of one
collection compare with diff whatever order their workers wrote in.

Per document: the id term, then each term with its wdf and positions, each
value slot, and the record (hex). Then the index's metadata keys and values,
except those named on the command line after --skip-meta (times of a run).
"""
import sys
import xapian


def main():
    args = sys.argv[1:]
    skip = set()
    if "--skip-meta" in args:
        i = args.index("--skip-meta")
        skip = set(args[i + 1:])
        args = args[:i]
    db = xapian.Database(args[0])
    docs = []
    for post in db.postlist(""):
        doc = db.get_document(post.docid)
        lines, qterm = [], None
        for t in doc.termlist():
            term = t.term.decode("utf-8", "backslashreplace")
            if term.startswith("Q"):
                qterm = term
            pos = " ".join(str(p) for p in db.positionlist(post.docid, t.term))
            lines.append(f"  term {term} wdf={t.wdf} pos={pos}")
        for v in doc.values():
            lines.append(f"  value {v.num} {v.value.hex()}")
        lines.append(f"  data {doc.get_data().hex()}")
        docs.append((qterm or f"(no id term, docid {post.docid})", lines))
    docs.sort()
    out = sys.stdout
    out.write(f"documents {db.get_doccount()}\n")
    for qterm, lines in docs:
        out.write(qterm + "\n")
        out.write("\n".join(lines) + "\n")
    for key in db.metadata_keys():
        k = key.decode("utf-8", "backslashreplace")
        if k in skip:
            continue
        out.write(f"meta {k} {db.get_metadata(key).hex()}\n")


if __name__ == "__main__":
    main()
