"""``geokit events FILE...``: events, movements and facts, linked across reports (JSONL, CSV or GeoJSON)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from geokit.commands.batch import EXIT_PARTIAL
from geokit.errors import InputError


def register(sub) -> None:
    p = sub.add_parser("events",
                       help="extract events, movements and facts from reports and link them across reports")
    p.add_argument("inputs", nargs="*", default=["-"], metavar="FILE",
                   help="text files, folders, globs, JSONL ({id,text,published?}); '-' or none: stdin")
    p.add_argument("--published", help="published date (YYYY-MM-DD) for inputs that do not give one")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--jsonl", action="store_const", const="jsonl", dest="format",
                     help="one JSON record per line (the default, and for -o X.jsonl)")
    fmt.add_argument("--csv", action="store_const", const="csv", dest="format",
                     help="ACLED-like CSV (the default for -o X.csv)")
    fmt.add_argument("--geojson", action="store_const", const="geojson", dest="format",
                     help="GeoJSON: points for events and facts, lines for movements (the default for -o "
                          "X.geojson)")
    p.add_argument("--no-link", action="store_true",
                   help="keep one record per report (no cross-report linking)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write to FILE instead of stdout; its extension (.jsonl, .csv, .geojson) picks the "
                        "format")
    p.add_argument("--errors", metavar="FILE",
                   help="write the inputs that failed as JSONL here (id, source, reason)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar (there is none anyway when stderr is not a terminal)")
    p.add_argument("--rules", action="append", default=[], metavar="FILE",
                   help="extra trigger rule file (TOML, the layout of geokit/events/rules/triggers.toml); "
                        "read before the built-in rules; repeatable")
    p.set_defaults(func=_run, format=None)


FORMAT_BY_EXT = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".geojson": "geojson",
                 ".json": "geojson"}
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
        raise UsageError(f"--{flag} contradicts the output {Path(output).name!r} (a {ext} file gets "
                         f"{by_ext}); "
                         f"drop --{flag} or name the file .{'jsonl' if flag == 'jsonl' else flag}")
    return flag or by_ext or "jsonl"


def _run(args) -> int:
    import geokit
    from geokit.batch.inputs import InputIssue, iter_documents
    from geokit.commands import progress
    from geokit.commands.batch import expand_user
    from geokit.events.triggers import add_rule_file
    from geokit.export import to_csv, to_geojson, write_aside
    from geokit.parsing.dates import parse_date

    for path in getattr(args, "rules", None) or []:
        try:
            add_rule_file(path)
        except ValueError as exc:
            raise InputError(str(exc)) from exc
    t0 = time.perf_counter()
    progress.stdin_hint("events", args.inputs)
    output = None if args.output in (None, "-") else expand_user(args.output)  # -o - is stdout
    fmt = output_format(output, args.format)
    published = parse_date(args.published) if args.published else None
    docs, sources, problems, seen = [], {}, [], 0
    quiet = getattr(args, "quiet", False)
    total = progress.count_inputs(args.inputs) if progress.wanted(quiet) else None
    bar = progress.bar("geokit events: parsing", total, quiet=quiet)

    def fail(id_, source, stage, reason) -> None:
        """One input that could not be used: a line on stderr and a row of --errors; the rest go on."""
        problems.append({"id": id_, "source": source, "stage": stage, "reason": reason})
        progress.say(bar,
                     f"geokit events: {'skipped ' + source if stage == 'input' else f'{id_}: skipped'}: "
                     f"{reason}")

    try:
        for d in iter_documents(args.inputs, published=published):
            seen += 1
            bar.update(1)
            if isinstance(d, InputIssue):
                fail(d.id, d.source, "input", d.reason)
                continue
            for w in d.warnings:
                progress.say(bar, f"geokit events: {d.id}: {w}")
            try:
                doc = geokit.parse(d.text, published=d.published)
            except (Exception, RecursionError) as exc:  # one report never stops the others
                fail(d.id, d.source, "parse", f"{type(exc).__name__}: {exc}")
                continue
            doc.id = d.id
            docs.append(doc)
            sources[d.id] = d.source
    finally:
        bar.close()
    result = None
    if docs:
        result = geokit.extract(progress.ticking(docs, "geokit events: extracting", quiet=quiet),
                                published=published, link=not args.no_link)
        for w in result.warnings:
            print(f"geokit events: {w}", file=sys.stderr)
        done = set(result.documents)
        for doc in docs:  # extract reports a report whose rules failed as a warning and leaves it out
            if doc.id not in done:
                fail(doc.id, sources.get(doc.id, ""), "extract",
                     "its events could not be read (see the warning above)")
    if args.errors:
        with write_aside(expand_user(args.errors)) as fh:
            fh.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in problems)
    if result is None:
        raise InputError("no readable documents in the inputs" if seen else "no inputs")
    records = result.records()
    if fmt == "csv":
        text = to_csv(records)
    elif fmt == "geojson":
        text = json.dumps(to_geojson(records), ensure_ascii=False) + "\n"
    else:
        lines = []
        for r in records:
            try:
                line = json.dumps(r.to_dict(), ensure_ascii=False) + "\n"
                line.encode("utf-8")
            except (ValueError, TypeError, RecursionError) as exc:  # one record never costs the others
                fail(r.id, ", ".join(dict.fromkeys(s.doc for s in r.sources)), "encode",
                     f"{type(exc).__name__}: {exc}")
                continue
            lines.append(line)
        text = "".join(lines)
    if output:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        with write_aside(output) as fh:  # moved into place once whole: a failed run keeps the old file
            fh.write(text)
    else:
        sys.stdout.write(text)
    progress.summary("events", f"{progress.plural(len(docs), 'report')} -> {len(result.events)} events, "
                               f"{len(result.movements)} movements, {len(result.facts)} facts"
                               f"{f', {len(problems)} skipped' if problems else ''} in "
                               f"{time.perf_counter() - t0:.1f} s "
                               f"-> {output or 'stdout'} ({fmt})")
    if problems:  # written, but the exit status says some inputs were left out
        where = f"; listed in {args.errors}" if args.errors else " (listed above)"
        print(f"geokit events: {len(problems)} of {seen} inputs failed{where}", file=sys.stderr)
        return EXIT_PARTIAL
    return 0
