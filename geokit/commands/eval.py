"""``geokit eval``: score the parser on a gold corpus (TR-News, GeoVirus, LGL...) end to end and/or
with gold spans, and optionally list every miss for error analysis."""

from __future__ import annotations

import argparse
import json
import sys

from geokit.errors import UsageError
from geokit.evaluate import (
    DEFAULT_KINDS,
    HALVES,
    EvalReport,
    evaluate,
    load_corpus,
    select_half,
    write_errors,
)


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "eval",
        help="score the geoparser on a gold XML corpus",
        description="Score geokit.parse on a corpus in the XML format of Gritta et al. "
        "(end-to-end recognition + resolution, then resolution with gold spans).",
    )
    p.add_argument("corpus", metavar="CORPUS.xml", help="gold corpus (e.g. ../shared/benchmarks/TR-News.xml)")
    modes = p.add_mutually_exclusive_group()
    modes.add_argument("--resolution-only", action="store_true",
                       help="only resolution with the gold spans (skip end-to-end)")
    modes.add_argument("--end2end-only", action="store_true", help="only the end-to-end evaluation")
    p.add_argument("--limit", type=int, metavar="N", help="only the first N articles")
    p.add_argument("--half", choices=HALVES, default="all",
                   help="only the articles at even or odd positions (1-based): tune on one half, "
                   "report the other (default: %(default)s)")
    p.add_argument("--kinds", default=",".join(sorted(DEFAULT_KINDS)),
                   help="toponym kinds counted as predictions end to end (default: %(default)s)")
    p.add_argument("--json", action="store_true", help="print the metrics as one JSON object")
    p.add_argument("--errors", metavar="FILE",
                   help="write false positives/negatives, far and unresolved resolutions "
                   "(.jsonl: JSON Lines; otherwise tab-separated)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.add_argument("--calibration", action="store_true",
                   help="also print how often answers are right per score bin (gold spans given)")
    p.add_argument("--points-only", action="store_true",
                   help="with --calibration: an area is right only by its id or point (within 161 km), not "
                        "because it holds the gold point")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 0:
        raise UsageError("--limit must be >= 0")
    kinds = {k.strip() for k in args.kinds.split(",") if k.strip()}
    if not kinds:
        raise UsageError("--kinds needs at least one kind")
    articles = select_half(load_corpus(args.corpus), args.half)
    modes = (["resolution"] if args.resolution_only
             else ["end2end"] if args.end2end_only else ["end2end", "resolution"])
    from geokit.commands import progress as bars

    progress = bars.wanted(quiet=args.no_progress)  # a terminal only; GEOKIT_PROGRESS=0/1 as everywhere
    reports: list[EvalReport] = []
    for mode in modes:
        rep = evaluate(articles, mode=mode, limit=args.limit, progress=progress, kinds=kinds)
        rep.corpus = args.corpus if args.half == "all" else f"{args.corpus} ({args.half} articles)"
        reports.append(rep)
    if args.json:
        print(json.dumps({r.mode: r.to_dict() for r in reports}, indent=2, ensure_ascii=False))
    else:
        print("\n\n".join(r.format() for r in reports))
    if args.errors:
        n = write_errors(reports, args.errors)
        print(f"wrote {n} misses to {args.errors}", file=sys.stderr)
    if args.calibration:
        from geokit.evaluate.calibration import calibrate

        arts = articles[: args.limit] if args.limit is not None else articles
        rule = "same GeoNames id or within 161 km"
        if not args.points_only:
            rule += ", or an area (country, first-level area, region) that holds the gold point"
        print(f"\ncalibration (gold spans; right = {rule})")
        print(calibrate(arts, areas_hold=not args.points_only).format())
    return 0
