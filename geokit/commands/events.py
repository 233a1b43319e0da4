"""``geokit events FILE...``: events, movements and facts, linked across reports (JSONL, CSV or GeoJSON)."""

from __future__ import annotations

import json
import sys

from geokit.commands.batch import EXIT_PARTIAL
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
    p.add_argument("--errors", metavar="FILE", help="write the reports that failed as JSONL here (id, reason)")
    p.set_defaults(func=_run, format="jsonl")


def _run(args) -> int:
    from geokit.batch.inputs import InputIssue, iter_documents
    from geokit.events.extract import extract
    from geokit.export import to_csv, to_geojson, write_aside
    from geokit.parsing.dates import parse_date
    from geokit.parsing.parser import default_parser

    published = parse_date(args.published) if args.published else None
    problems: list[dict] = []

    def fail(id_, source, stage, reason) -> None:
        problems.append({"id": id_, "source": source, "stage": stage, "reason": reason})
        print(f"geokit events: {'skipped ' + source if stage == 'input' else id_}: {reason}", file=sys.stderr)

    # each report on its own: one that cannot be read or parsed is an error row, never the run's end
    parser = default_parser()
    docs, sources, seen = [], {}, 0
    for d in iter_documents(args.inputs, published=published):
        seen += 1
        if isinstance(d, InputIssue):
            fail(d.id, d.source, "input", d.reason)
            continue
        for w in d.warnings:
            print(f"geokit events: {d.id}: {w}", file=sys.stderr)
        try:
            docs.append(parser.parse(d.text, published=d.published or published, id=d.id))
            sources[d.id] = d.source
        except (Exception, RecursionError) as exc:
            fail(d.id, d.source, "parse", f"{type(exc).__name__}: {exc}")
    result = extract(docs, published=published, link=not args.no_link) if docs else None
    if result is not None:
        for w in result.warnings:
            print(f"geokit events: {w}", file=sys.stderr)
        done = set(result.documents)
        for doc in docs:  # extract reports a report whose rules failed as a warning and leaves it out
            if doc.id not in done:
                fail(doc.id, sources.get(doc.id, ""), "extract", "events could not be read (see the warning above)")
    if args.errors:
        with write_aside(args.errors) as fh:
            fh.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in problems)
    if result is None:
        raise InputError("no readable documents in the inputs" if seen else "no inputs")
    records = result.records()
    if args.format == "csv":
        text = to_csv(records)
    elif args.format == "geojson":
        text = json.dumps(to_geojson(records), ensure_ascii=False) + "\n"
    else:
        lines = []
        for r in records:
            try:
                line = json.dumps(r.to_dict(), ensure_ascii=False) + "\n"
                line.encode("utf-8")
            except (ValueError, TypeError, RecursionError) as exc:  # one record never costs the others
                fail(r.id, ", ".join(dict.fromkeys(s.doc for s in r.sources)), "encode", f"{type(exc).__name__}: {exc}")
                continue
            lines.append(line)
        text = "".join(lines)
    if args.output:
        with write_aside(args.output) as fh:  # moved into place only once whole
            fh.write(text)
    else:
        sys.stdout.write(text)
    print(f"geokit events: {len(result.documents)} reports -> {len(result.events)} events, "
          f"{len(result.movements)} movements, {len(result.facts)} facts", file=sys.stderr)
    if problems:
        where = f"; listed in {args.errors}" if args.errors else " (listed above)"
        print(f"geokit events: {len(problems)} of {seen} inputs failed{where}", file=sys.stderr)
        return EXIT_PARTIAL
    return 0
