"""``geokit parse FILE...``: toponyms with offsets, as JSONL (or a table)."""

from __future__ import annotations

import contextlib
import json
import sys

from geokit.commands.batch import EXIT_PARTIAL
from geokit.errors import UsageError
from geokit.export import write_aside


def register(sub) -> None:
    p = sub.add_parser("parse", help="find and resolve the toponyms in text files or JSONL documents")
    p.add_argument("inputs", nargs="*", default=["-"], metavar="FILE",
                   help="text files, folders, globs, JSONL ({id,text,published?,spans?}); '-' or none: stdin")
    p.add_argument("--jsonl", action="store_true", help="JSONL output (the default when not a terminal)")
    p.add_argument("--published", help="published date (YYYY-MM-DD) for inputs that do not give one")
    p.add_argument("--workers", type=int, default=1, help="parse in N processes (see geokit batch)")
    p.add_argument("-o", "--output", help="write to this file instead of stdout")
    p.add_argument("--errors", help="write input errors as JSONL here")
    p.set_defaults(func=_run)


class _NothingWritten(Exception):
    """Every input failed: the previous output file is kept as it was."""


def _run(args) -> int:
    if args.workers > 1:
        from geokit.batch import run as batch

        if not args.output:
            raise UsageError("--workers needs -o OUTPUT (results are streamed to a file)")
        summary = batch.run(args.inputs, task="parse", out=args.output, workers=args.workers,
                            errors_path=args.errors, progress=sys.stderr.isatty())
        print(f"geokit parse: {summary.line()}", file=sys.stderr)
        if summary.processed == 0 and summary.errors:
            return 1
        return EXIT_PARTIAL if summary.errors else 0
    # -o and --errors: written aside and moved into place at the end, so a failed run leaves the old
    # files whole; a run in which every input failed keeps the old output too
    with write_aside(args.errors) if args.errors else contextlib.nullcontext() as errf:
        try:
            with write_aside(args.output) if args.output else contextlib.nullcontext(sys.stdout) as out:
                errors, seen = _parse_all(args, out, errf)
                if args.output and seen and errors == seen:
                    raise _NothingWritten
        except _NothingWritten:
            pass
    if errors:
        where = f"; listed in {args.errors}" if args.errors else " (listed above)"
        print(f"geokit parse: {errors} of {seen} inputs failed{where}", file=sys.stderr)
        return 1 if errors == seen else EXIT_PARTIAL
    return 0


def _parse_all(args, out, errf) -> tuple[int, int]:
    """Parse every document into ``out``; one that cannot be read, parsed or encoded is an error row."""
    from geokit.batch.inputs import InputIssue, iter_documents
    from geokit.parsing.parser import default_parser

    as_jsonl = args.jsonl or args.output or not sys.stdout.isatty()
    parser = default_parser()
    errors = seen = 0
    docs = iter_documents(args.inputs, published=args.published)
    progress = None
    if sys.stderr.isatty():
        from tqdm import tqdm

        progress = tqdm(unit="doc", file=sys.stderr, mininterval=0.5, delay=1.0)

    def fail(id_, source, stage, reason) -> None:
        nonlocal errors
        errors += 1
        print(f"geokit parse: {'skipped ' + source if stage == 'input' else id_}: {reason}", file=sys.stderr)
        if errf:
            errf.write(json.dumps({"id": id_, "source": source, "stage": stage, "reason": reason},
                                  ensure_ascii=False) + "\n")

    try:
        for d in docs:
            seen += 1
            if progress:
                progress.update(1)
            if isinstance(d, InputIssue):
                fail(d.id, d.source, "input", d.reason)
                continue
            for w in d.warnings:
                print(f"geokit parse: {d.id}: {w}", file=sys.stderr)
            try:
                doc = parser.parse(d.text, published=d.published, spans=d.spans, id=d.id)
                if as_jsonl:
                    text = json.dumps(doc.to_dict(), ensure_ascii=False) + "\n"
                else:
                    text = f"# {d.id}\n"
                    for t in doc.toponyms:
                        p = t.place
                        where = (f"{p.name} ({p.geonameid or p.id}) {p.lat:.4f},{p.lon:.4f}" if p
                                 else f"no match: {t.reason}")
                        text += f"{t.start:6d}-{t.end:<6d} {t.kind:9s} {t.text!r:32s} {t.score:5.2f}  {where}\n"
                text.encode("utf-8")  # a row that cannot be written is this document's error, not the run's
            except (Exception, RecursionError) as exc:  # one bad document never stops the others
                fail(d.id, d.source, "process", f"failed: {type(exc).__name__}: {exc}")
                continue
            out.write(text)
    finally:
        if progress:
            progress.close()
    return errors, seen
