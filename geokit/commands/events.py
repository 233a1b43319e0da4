"""``geokit events FILE...``: events, movements and facts, linked across reports (JSONL, CSV or GeoJSON)."""

from __future__ import annotations

import json
import sys

from geokit.errors import InputError


def register(sub) -> None:
    p = sub.add_parser("events", help="extract events, movements and facts from reports and link them across reports")
    p.add_argument("inputs", nargs="*", default=["-"], metavar="FILE",
                   help="text files, folders, globs, JSONL ({id,text,published?}); '-' or none: stdin")
    p.add_argument("--published", help="published date (YYYY-MM-DD) for inputs that do not give one")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--jsonl", action="store_const", const="jsonl", dest="format",
                     help="one JSON record per line (default)")
    fmt.add_argument("--csv", action="store_const", const="csv", dest="format", help="ACLED-like CSV")
    fmt.add_argument("--geojson", action="store_const", const="geojson", dest="format",
                     help="GeoJSON: points for events and facts, lines for movements")
    p.add_argument("--no-link", action="store_true", help="keep one record per report (no cross-report linking)")
    p.add_argument("-o", "--output", help="write to this file instead of stdout")
    p.set_defaults(func=_run, format="jsonl")


def _run(args) -> int:
    from geokit.batch.inputs import InputIssue, iter_documents
    from geokit.events.extract import extract
    from geokit.export import to_csv, to_geojson, to_jsonl
    from geokit.parsing.dates import parse_date

    published = parse_date(args.published) if args.published else None
    docs, errors, seen = [], 0, 0
    for d in iter_documents(args.inputs, published=published):
        seen += 1
        if isinstance(d, InputIssue):
            errors += 1
            print(f"geokit events: skipped {d.source}: {d.reason}", file=sys.stderr)
            continue
        docs.append({"id": d.id, "text": d.text, "published": d.published})
    if not docs:
        raise InputError("no readable documents in the inputs" if seen else "no inputs")
    result = extract(docs, published=published, link=not args.no_link)
    for w in result.warnings:
        print(f"geokit events: {w}", file=sys.stderr)
    if args.format == "csv":
        text = to_csv(result.records())
    elif args.format == "geojson":
        text = json.dumps(to_geojson(result.records()), ensure_ascii=False) + "\n"
    else:
        text = to_jsonl(result.records())
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    print(f"geokit events: {len(docs)} reports -> {len(result.events)} events, {len(result.movements)} movements, "
          f"{len(result.facts)} facts", file=sys.stderr)
    return 1 if errors and errors == seen else 0
