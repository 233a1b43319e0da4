"""``geokit batch {parse,events} INPUT... -o OUT``: a whole collection, on local cores or a Dask cluster.

``add_run_options`` and ``run_from_args`` are shared with ``geokit parse/events --workers``.
Exit status: 0 all documents done, 3 done with some documents reported in the errors file,
1 nothing could be read (or a fatal error).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from geokit.cli import CLIError

EXIT_PARTIAL = 3
# -o extensions that name another format: refused rather than filled with JSONL rows
REFUSED_EXT = (".csv", ".tsv", ".geojson", ".json", ".txt", ".html", ".htm", ".xlsx", ".gpkg", ".shp")


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
    p.add_argument("--published", metavar="DATE",
                   help="published date (YYYY-MM-DD) for documents without one")
    p.add_argument("--focus", metavar="REGION",
                   help="prior for the reports' home region (US-TX, TR, 'Paris, Texas'); a JSONL 'focus' "
                        "field wins")
    p.add_argument("--chunksize", type=int, default=8, metavar="N", help="documents per task (default 8)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar (there is none anyway when stderr is not a terminal)")
    p.add_argument("--linked", metavar="FILE",
                   help="events: linked records JSONL (default: OUT.linked.jsonl)")
    p.add_argument("--time-budget", type=float, default=None, metavar="SECONDS",
                   help="stop a document after this long and report it (default 600; 0 = no limit)")
    p.add_argument("--memory-budget", type=int, default=None, metavar="MB",
                   help="stop a document that needs more memory than this and report it (default 4096; 0 = "
                        "none)")
    p.add_argument("--no-link", dest="link", action="store_false",
                   help="events: stop after the per-document step (link later with geokit.batch.link)")


def run_from_args(args: argparse.Namespace, task: str, inputs: list[str], *, out: str | None = None,
                  errors_path: str | None = None, show_errors: bool = True):
    """Run a batch from parsed options; a bar on a terminal, then one summary line (and the first errors).

    ``out``/``errors_path`` replace ``args.out``/``args.errors`` (``geokit parse --workers`` to stdout
    runs into a temporary file). Returns (exit code, BatchSummary).
    """
    from geokit.batch import run as batch
    from geokit.batch.inputs import parse_published
    from geokit.commands import progress

    if args.workers < 0:
        raise CLIError("--workers must be >= 0")
    if args.chunksize < 1:
        raise CLIError("--chunksize must be >= 1")
    try:
        published = parse_published(args.published) if args.published else None
    except ValueError as exc:
        raise CLIError(f"--published: {exc}") from None
    out = out or expand_user(args.out)
    ext = os.path.splitext(out.rstrip("/"))[1].lower()
    if ext in REFUSED_EXT:
        raise CLIError(f"batch results are JSONL (.jsonl) or GeoParquet (.parquet), not {ext} "
                       f"({os.path.basename(out)!r}); `geokit events -o X{ext}` writes single tables")
    errors_path = errors_path or expand_user(args.errors)
    focus = getattr(args, "focus", None)
    if focus is not None:
        from geokit.parsing.parser import default_parser

        default_parser().focus_region(focus)  # a focus that names nothing is one clear error, before any work
    quiet = getattr(args, "quiet", False)
    total = progress.count_inputs(inputs) if progress.wanted(quiet) else None
    bar = progress.bar(f"geokit {task}", total, quiet=quiet)
    try:
        summary = batch.run(inputs, task=task, out=out, workers=args.workers, scheduler=args.scheduler,
                            resume=args.resume, errors_path=errors_path, progress=bar,
                            published=published, focus=focus, chunksize=args.chunksize,
                            link=getattr(args, "link", True),
                            linked_path=expand_user(getattr(args, "linked", None)),
                            **_budgets(args))
    except ImportError as exc:
        raise CLIError(str(exc)) from None
    finally:
        bar.close()
    if summary.skipped:
        print(f"geokit {task}: resumed {out}: {summary.skipped} of {summary.seen} reports were already done "
              "(--no-resume starts over)", file=sys.stderr)
    if show_errors:
        print(f"geokit {task}: {summary.seen} reports: {summary.line()}", file=sys.stderr)
        if summary.errors:
            _show_errors(summary.errors_path, summary.errors)
    if summary.seen == 0 and summary.input_errors:
        return 1, summary
    return (EXIT_PARTIAL if summary.errors else 0), summary


def expand_user(path: str | None) -> str | None:
    """``~`` and ``~user`` in a path given on the command line or in a notebook."""
    return os.path.expanduser(path) if path else path


def _budgets(args: argparse.Namespace) -> dict:
    """The budget options given (the library's defaults stand for those left out)."""
    out = {}
    if getattr(args, "time_budget", None) is not None:
        out["time_budget"] = args.time_budget
    if getattr(args, "memory_budget", None) is not None:
        out["memory_budget"] = args.memory_budget
    return out


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
    return run_from_args(args, args.task, args.inputs)[0]


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "batch", help="run parse or events over a collection (local processes or Dask)",
        description=__doc__.splitlines()[0])
    p.add_argument("task", choices=["parse", "events"], help="what to run on each document")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="text files, folders, globs, JSONL (.jsonl/.ndjson) or Parquet files, or - for stdin")
    add_run_options(p)
    p.set_defaults(func=_cmd)
