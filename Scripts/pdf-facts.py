#!/usr/bin/env python3
"""Prints what the PDF tests check that poppler does not show: the bookmarks (outline,
with level and page from 1), the document language and the tagged-PDF markers.
Uses pypdf (installed by Scripts/setup.sh)."""
import json
import sys

import pypdf

reader = pypdf.PdfReader(sys.argv[1])
outline = []


def walk(items, level):
    for item in items:
        if isinstance(item, list):
            walk(item, level + 1)
        else:
            outline.append({"level": level, "title": item.title, "page": reader.get_destination_page_number(item) + 1})


walk(reader.outline, 1)
root = reader.trailer["/Root"]
mark_info = root.get("/MarkInfo") or {}
print(json.dumps({
    "outline": outline,
    "lang": str(root.get("/Lang", "")),
    "structTree": "/StructTreeRoot" in root,
    "marked": bool(mark_info.get("/Marked", False)),
    "pages": len(reader.pages),
}, ensure_ascii=False))
