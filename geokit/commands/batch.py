"""``geokit batch {parse,events} INPUT... -o OUT``: a whole collection, on local cores or a Dask cluster.

``add_run_options`` and ``run_from_args`` are shared with ``geokit parse/events --workers``.
Exit status: 0 all documents done, 3 done with some documents reported in the errors file,
1 nothing could be read (or a fatal error).
"""

from __future__ import annotations

import argparse
import json
import sys

from geokit.cli import CLIError

EXIT_PARTIAL = 3


def add_run_options(p: argparse.ArgumentParser, *, out_required: bool = True) -> None:
    """The options of a batch run (output, workers, scheduler, errors file, resume)."""
    p.add_argument("-o", "--out", required=out_required, metavar="OUT",
                   help="results: OUT.jsonl (a row per document) or OUT.parquet (GeoParquet folder)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="local worker processes (1 = in this process, 0 = one per CPU; default 1)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on dask.distributed: 'local' or a scheduler address like tcp://host:8786")
    p.add_argument("--errors", metavar="FILE", help="errors JSONL (default: OUT.errors.jsonl)")
    p.add_argument("--no-resume", dest="resume", action="store_false",
                   help="start over instead of skipping documents already in OUT")
    p.add_argument("--published", metavar="DATE", help="published date (YYYY-MM-DD) for documents without one")
    p.add_argument("--chunksize", type=int, default=8, metavar="N", help="documents per task (default 8)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--linked", metavar="FILE",
                   help="events: linked records JSONL (default: OUT.linked.jsonl)")
    p.add_argument("--no-link", dest="link", action="store_false",
                   help="events: stop after the per-document step (link later with geokit.batch.link)")


def run_from_args(args: argparse.Namespace, task: str, inputs: list[str]) -> int:
    """Run a batch from parsed options; prints a summary and the first errors on stderr."""
    from geokit.batch import run as batch
    from geokit.batch.inputs import parse_published

    if args.workers < 0:
        raise CLIError("--workers must be >= 0")
    if args.chunksize < 1:
        raise CLIError("--chunksize must be >= 1")
    try:
        published = parse_published(args.published) if args.published else None
    except ValueError as exc:
        raise CLIError(f"--published: {exc}") from None
    try:
        summary = batch.run(inputs, task=task, out=args.out, workers=args.workers, scheduler=args.scheduler,
                            resume=args.resume, errors_path=args.errors, progress=not args.quiet,
                            published=published, chunksize=args.chunksize,
                            link=getattr(args, "link", True), linked_path=getattr(args, "linked", None))
    except ImportError as exc:
        raise CLIError(str(exc)) from None
    print(f"geokit {task}: {summary.line()}", file=sys.stderr)
    if summary.errors:
        _show_errors(summary.errors_path, summary.errors)
    if summary.seen == 0 and summary.input_errors:
        return 1
    return EXIT_PARTIAL if summary.errors else 0


def _show_errors(path: str, total: int, limit: int = 5) -> None:
    shown = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("level") != "error":
                continue
            where = row.get("id") or row.get("source")
            print(f"  {where}: {row['reason']}", file=sys.stderr)
            shown += 1
            if shown >= limit:
                break
    more = f" ({total - shown} more)" if total > shown else ""
    print(f"  errors{more} are listed in {path}", file=sys.stderr)


def _cmd(args: argparse.Namespace) -> int:
    return run_from_args(args, args.task, args.inputs)


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "batch", help="run parse or events over a collection (local processes or Dask)",
        description=__doc__.splitlines()[0])
    p.add_argument("task", choices=["parse", "events"], help="what to run on each document")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="text files, folders, globs, JSONL (.jsonl/.ndjson) or Parquet files, or - for stdin")
    add_run_options(p)
    p.set_defaults(func=_cmd)
