#!/usr/bin/env python3
"""Write the even-id or odd-id half of an events gold file (tuning on one half, reporting the other).

Usage: split_gold.py GOLD_JSON even|odd OUT_JSON

Documents are kept by the parity of their article id; an event or movement is kept when one of its
``reported_by`` documents is kept, with ``reported_by`` narrowed to the kept documents.
"""
import json
import sys


def split(gold: dict, parity: str) -> dict:
    want = 0 if parity == "even" else 1
    docs = [d for d in gold["documents"] if int(d["id"]) % 2 == want]
    keep = {f"{d['corpus']}:{d['id']}" for d in docs}
    out = dict(gold, documents=docs)
    for key in ("events", "movements"):
        items = []
        for item in gold.get(key, []):
            by = [r for r in item["reported_by"] if r in keep]
            if by:
                items.append(dict(item, reported_by=by))
        out[key] = items
    return out


def main() -> None:
    if len(sys.argv) != 4 or sys.argv[2] not in ("even", "odd"):
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as fh:
        gold = json.load(fh)
    with open(sys.argv[3], "w", encoding="utf-8") as fh:
        json.dump(split(gold, sys.argv[2]), fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
