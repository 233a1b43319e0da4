"""``geokit map INPUT... -o outputs/NAME.html``: reports -> events -> one offline HTML map.

INPUT: reports (text files, folders, globs, JSONL/JSON/CSV documents ``{"id", "text",
"published"?}``) or geokit's own records (``geokit events`` as JSONL, GeoJSON or CSV), which are
mapped as they are; each file is recognised by what it holds, and anything else is refused
with one line naming it. The curated places (camps, crossings, air bases) are drawn
around the mapped area too unless ``--no-curated``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def register(subparsers) -> None:
    p = subparsers.add_parser("map", help="draw events, movements and places on an offline HTML map")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="text files, folders, globs, JSONL documents, or JSONL records of 'geokit events'")
    p.add_argument("-o", "--output", default="outputs/map.html",
                   help="HTML file to write (default: %(default)s)")
    p.add_argument("--title", default=None, help="title shown on the map")
    p.add_argument("--published", default=None,
                   help="published date (YYYY-MM-DD) for reports that carry none")
    p.add_argument("--tiles", default=None,
                   help="add an online tile layer, e.g. OpenStreetMap (off by default: the map is fully "
                        "offline)")
    p.add_argument("--cluster", default="auto", choices=("auto", "markercluster", "fast", "none"),
                   help="how to cluster event markers (default: auto)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar (there is none anyway when stderr is not a terminal)")
    p.add_argument("--no-curated", action="store_true",
                   help="draw only the places the reports name, not the curated sites around them")
    p.set_defaults(func=run)


def _warn(msg: str) -> None:
    print(f"geokit map: warning: {msg}", file=sys.stderr)


from geokit.maps.sites import curated_places, map_places  # noqa: E402,F401 - re-exported for callers


def split_inputs(specs: list[str]) -> tuple[list[dict[str, Any]], list[str], list[str]]:
    """(records, report inputs, warnings): each file is taken for what it holds.

    geokit's own exports (records JSONL, GeoJSON, CSV) are records; everything else goes to the
    report reader, which reads text, document JSONL/JSON/CSV and Parquet and refuses the rest
    with one line naming the file.
    """
    from geokit.batch.inputs import expand_path
    from geokit.export import read_records

    records: list[dict[str, Any]] = []
    reports: list[str] = []
    warnings: list[str] = []
    for spec in specs:
        files = expand_path(spec)
        if not files:  # stdin, or nothing there: the report reader says what is wrong
            reports.append(spec)
            continue
        for f in files:
            got = read_records(f)
            if got is None:
                reports.append(str(f))
            else:
                records += got[0]
                warnings += got[1]
    return records, reports, warnings


def run(args) -> int:
    from geokit.commands import progress
    from geokit.errors import UsageError
    from geokit.maps import build_map

    out = Path(args.output).expanduser()
    if out.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"the output must be an .html file, not {out.name!r}")
    events: list[Any] = []
    movements: list[Any] = []
    facts: list[Any] = []
    records, doc_inputs, warnings = split_inputs(args.inputs)
    for w in warnings:
        _warn(w)
    for r in records:
        {"event": events, "movement": movements, "fact": facts}[r["kind"]].append(r)

    documents: list[Any] = []
    unreadable = 0
    if doc_inputs:
        import geokit
        from geokit.batch.inputs import InputIssue, iter_documents

        quiet = getattr(args, "quiet", False)
        total = progress.count_inputs(doc_inputs) if progress.wanted(quiet) else None
        bar = progress.bar("geokit map: parsing", total, quiet=quiet)
        try:
            for item in iter_documents(doc_inputs, published=args.published):
                bar.update(1)
                if isinstance(item, InputIssue):
                    unreadable += 1
                    progress.say(bar, f"geokit map: skipped {item.source}: {item.reason}")
                    continue
                for w in item.warnings:
                    progress.say(bar, f"geokit map: warning: {item.id}: {w}")
                try:
                    doc = geokit.parse(item.text, published=item.published)
                except (TypeError, ValueError) as exc:
                    unreadable += 1
                    progress.say(bar, f"geokit map: warning: {item.id}: not parsed: {exc}")
                    continue
                doc.id = item.id
                documents.append(doc)
        finally:
            bar.close()
        if documents:
            ex = geokit.extract(progress.ticking(documents, "geokit map: extracting", quiet=quiet),
                                published=args.published)
            for w in ex.warnings:
                _warn(w)
            events += list(ex.events)
            movements += list(ex.movements)
            facts += list(ex.facts)
    if not documents and not (events or movements or facts):
        raise UsageError("no readable reports or records in the inputs (expected text, document JSONL, "
                         "or geokit's records as JSONL, GeoJSON or CSV)")

    places = map_places(documents, events + movements + facts, curated=not args.no_curated)
    gm = build_map(events, movements, facts, places, title=args.title, tiles=args.tiles, cluster=args.cluster)
    gm.save(out)
    size = out.stat().st_size / 1e6
    print(f"wrote {out} ({size:.1f} MB): {gm.summary()}")
    for p in gm.problems[:20]:
        print(f"  not on the map{' (in part)' if p.partial else ''}: {p.kind} {p.id}: {p.label} - {p.reason}",
              file=sys.stderr)
    if len(gm.problems) > 20:
        print(f"  ... and {len(gm.problems) - 20} more (see the map's panel)", file=sys.stderr)
    skipped = unreadable + len(warnings)  # reports not read and record lines not read
    progress.summary("map", f"{progress.plural(len(documents), 'report')}, {len(records)} records read, "
                            f"{skipped} skipped -> {out}")
    return 3 if skipped else 0  # the map is written; exit 3 says some inputs were left out (as parse/events)
