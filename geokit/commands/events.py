"""``geokit events FILE...``: events, movements and facts, linked across reports (JSONL, CSV or GeoJSON)."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from geokit.errors import InputError


def register(sub) -> None:
    p = sub.add_parser("events", help="extract events, movements and facts from reports and link them across reports")
    p.add_argument("inputs", nargs="*", default=["-"], metavar="FILE",
                   help="text files, folders, globs, JSONL ({id,text,published?}); '-' or none: stdin")
    p.add_argument("--published", help="published date (YYYY-MM-DD) for inputs that do not give one")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--jsonl", action="store_const", const="jsonl", dest="format",
                     help="one JSON record per line (the default, and for -o X.jsonl)")
    fmt.add_argument("--csv", action="store_const", const="csv", dest="format", help="ACLED-like CSV (the default for -o X.csv)")
    fmt.add_argument("--geojson", action="store_const", const="geojson", dest="format",
                     help="GeoJSON: points for events and facts, lines for movements (the default for -o X.geojson)")
    p.add_argument("--no-link", action="store_true", help="keep one record per report (no cross-report linking)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write to FILE instead of stdout; its extension (.jsonl, .csv, .geojson) picks the format")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar (there is none anyway when stderr is not a terminal)")
    p.set_defaults(func=_run, format=None)


FORMAT_BY_EXT = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".geojson": "geojson", ".json": "geojson"}
REFUSED_EXT = (".html", ".htm", ".txt", ".parquet", ".xlsx", ".gpkg", ".shp", ".tsv")


def output_format(output: str | None, flag: str | None) -> str:
    """The format from ``-o``'s extension and/or the flag; a contradiction is an error, not a surprise."""
    from geokit.errors import UsageError

    if not output:
        return flag or "jsonl"
    ext = Path(output).suffix.lower()
    by_ext = FORMAT_BY_EXT.get(ext)
    if ext in REFUSED_EXT:
        raise UsageError(f"geokit events writes .jsonl, .csv or .geojson, not {ext} ({Path(output).name!r})")
    if flag and by_ext and flag != by_ext:
        raise UsageError(f"--{flag} contradicts the output {Path(output).name!r} (a {ext} file gets {by_ext}); "
                         f"drop --{flag} or name the file .{'jsonl' if flag == 'jsonl' else flag}")
    return flag or by_ext or "jsonl"


def _run(args) -> int:
    import geokit
    from geokit.batch.inputs import InputIssue, iter_documents
    from geokit.commands import progress
    from geokit.commands.batch import expand_user
    from geokit.export import to_csv, to_geojson, to_jsonl
    from geokit.parsing.dates import parse_date

    t0 = time.perf_counter()
    progress.stdin_hint("events", args.inputs)
    output = None if args.output in (None, "-") else expand_user(args.output)  # -o - is stdout
    fmt = output_format(output, args.format)
    published = parse_date(args.published) if args.published else None
    docs, errors, seen = [], 0, 0
    quiet = getattr(args, "quiet", False)
    total = progress.count_inputs(args.inputs) if progress.wanted(quiet) else None
    bar = progress.bar("geokit events: parsing", total, quiet=quiet)
    try:
        for d in iter_documents(args.inputs, published=published):
            seen += 1
            bar.update(1)
            if isinstance(d, InputIssue):
                errors += 1
                progress.say(bar, f"geokit events: skipped {d.source}: {d.reason}")
                continue
            try:
                doc = geokit.parse(d.text, published=d.published)
            except (TypeError, ValueError) as exc:
                errors += 1
                progress.say(bar, f"geokit events: {d.id}: skipped: {exc}")
                continue
            doc.id = d.id
            docs.append(doc)
    finally:
        bar.close()
    if not docs:
        raise InputError("no readable documents in the inputs" if seen else "no inputs")
    result = geokit.extract(progress.ticking(docs, "geokit events: extracting", quiet=quiet),
                            published=published, link=not args.no_link)
    for w in result.warnings:
        print(f"geokit events: {w}", file=sys.stderr)
    if fmt == "csv":
        text = to_csv(result.records())
    elif fmt == "geojson":
        text = json.dumps(to_geojson(result.records()), ensure_ascii=False) + "\n"
    else:
        text = to_jsonl(result.records())
    if output:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        tmp = f"{output}.part"
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, output)
    else:
        sys.stdout.write(text)
    progress.summary("events", f"{progress.plural(len(docs), 'report')} -> {len(result.events)} events, "
                               f"{len(result.movements)} movements, {len(result.facts)} facts"
                               f"{f', {errors} skipped' if errors else ''} in {time.perf_counter() - t0:.1f} s "
                               f"-> {output or 'stdout'} ({fmt})")
    return 1 if errors and errors == seen else 0
