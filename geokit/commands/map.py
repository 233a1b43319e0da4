"""``geokit map INPUT... -o outputs/NAME.html``: reports -> events -> one offline HTML map.

INPUT: text files, folders, globs, JSONL documents (``{"id", "text", "published"?}``) - or
the JSONL records of ``geokit events --jsonl`` (lines with ``kind`` event/movement/fact),
which are mapped as they are. The curated places (camps, crossings, air bases) are drawn
around the mapped area too unless ``--no-curated``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

RECORD_KINDS = ("event", "movement", "fact")


def register(subparsers) -> None:
    p = subparsers.add_parser("map", help="draw events, movements and places on an offline HTML map")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="text files, folders, globs, JSONL documents, or JSONL records of 'geokit events'")
    p.add_argument("-o", "--output", default="outputs/map.html", help="HTML file to write (default: %(default)s)")
    p.add_argument("--title", default=None, help="title shown on the map")
    p.add_argument("--published", default=None, help="published date (YYYY-MM-DD) for reports that carry none")
    p.add_argument("--tiles", default=None,
                   help="add an online tile layer, e.g. OpenStreetMap (off by default: the map is fully offline)")
    p.add_argument("--cluster", default="auto", choices=("auto", "markercluster", "fast", "none"),
                   help="how to cluster event markers (default: auto)")
    p.add_argument("--no-curated", action="store_true",
                   help="draw only the places the reports name, not the curated sites around them")
    p.set_defaults(func=run)


def _warn(msg: str) -> None:
    print(f"geokit map: warning: {msg}", file=sys.stderr)


def _record_lines(path: Path) -> list[dict[str, Any]] | None:
    """The records of a ``geokit events --jsonl`` file, or None when the file holds documents."""
    if path.suffix.lower() not in (".jsonl", ".ndjson") or not path.is_file():
        return None
    records: list[dict[str, Any]] = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                if not records:
                    return None
                _warn(f"{path}:{lineno}: invalid JSON, skipped")
                continue
            if not (isinstance(obj, dict) and obj.get("kind") in RECORD_KINDS and "text" not in obj):
                if not records:
                    return None
                _warn(f"{path}:{lineno}: not an event/movement/fact record, skipped")
                continue
            records.append(obj)
    return records


from geokit.maps.sites import curated_places, map_places  # noqa: E402,F401 - re-exported for callers


def run(args) -> int:
    from geokit.cli import CLIError
    from geokit.maps import build_map

    out = Path(args.output)
    if out.suffix.lower() not in (".html", ".htm"):
        raise CLIError(f"the output must be an .html file, not {out.name!r}")
    events: list[Any] = []
    movements: list[Any] = []
    facts: list[Any] = []
    doc_inputs: list[str] = []
    for spec in args.inputs:
        recs = _record_lines(Path(spec))
        if recs is None:
            doc_inputs.append(spec)
            continue
        for r in recs:
            {"event": events, "movement": movements, "fact": facts}[r["kind"]].append(r)

    documents: list[Any] = []
    if doc_inputs:
        import geokit
        from geokit.batch.inputs import InputIssue, iter_documents

        for item in iter_documents(doc_inputs, published=args.published):
            if isinstance(item, InputIssue):
                _warn(f"{item.source}: {item.reason}")
                continue
            for w in item.warnings:
                _warn(f"{item.id}: {w}")
            try:
                doc = geokit.parse(item.text, published=item.published)
            except (TypeError, ValueError) as exc:
                _warn(f"{item.id}: not parsed: {exc}")
                continue
            doc.id = item.id
            documents.append(doc)
        if documents:
            ex = geokit.extract(documents, published=args.published)
            for w in ex.warnings:
                _warn(w)
            events += list(ex.events)
            movements += list(ex.movements)
            facts += list(ex.facts)
    if not documents and not (events or movements or facts):
        raise CLIError("no readable reports or records in the inputs")

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
    return 0
