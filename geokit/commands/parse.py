"""``geokit parse FILE...``: toponyms with offsets, as JSONL (or a table)."""

from __future__ import annotations

import json
import sys

from geokit.errors import UsageError


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


def _run(args) -> int:
    from geokit.batch.inputs import InputIssue, iter_documents
    from geokit.parsing.parser import default_parser

    if args.workers > 1:
        from geokit.batch import run as batch

        if not args.output:
            raise UsageError("--workers needs -o OUTPUT (results are streamed to a file)")
        batch.run(args.inputs, task="parse", out=args.output, workers=args.workers, errors_path=args.errors)
        return 0
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    as_jsonl = args.jsonl or args.output or not sys.stdout.isatty()
    parser = default_parser()
    errors = seen = 0
    docs = iter_documents(args.inputs, published=args.published)
    progress = None
    if sys.stderr.isatty():
        from tqdm import tqdm

        progress = tqdm(unit="doc", file=sys.stderr, mininterval=0.5, delay=1.0)
    errf = open(args.errors, "w", encoding="utf-8") if args.errors else None
    try:
        for d in docs:
            seen += 1
            if progress:
                progress.update(1)
            if isinstance(d, InputIssue):
                errors += 1
                print(f"geokit parse: skipped {d.source}: {d.reason}", file=sys.stderr)
                if errf:
                    errf.write(json.dumps({"id": d.id, "source": d.source, "reason": d.reason}) + "\n")
                continue
            for w in d.warnings:
                print(f"geokit parse: {d.id}: {w}", file=sys.stderr)
            try:
                doc = parser.parse(d.text, published=d.published, spans=d.spans, id=d.id)
            except Exception as exc:  # one bad document never stops the batch
                errors += 1
                print(f"geokit parse: {d.id}: failed: {exc}", file=sys.stderr)
                if errf:
                    errf.write(json.dumps({"id": d.id, "source": d.source, "reason": str(exc)}) + "\n")
                continue
            if as_jsonl:
                out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
            else:
                out.write(f"# {d.id}\n")
                for t in doc.toponyms:
                    p = t.place
                    where = f"{p.name} ({p.geonameid or p.id}) {p.lat:.4f},{p.lon:.4f}" if p else f"no match: {t.reason}"
                    out.write(f"{t.start:6d}-{t.end:<6d} {t.kind:9s} {t.text!r:32s} {t.score:5.2f}  {where}\n")
    finally:
        if progress:
            progress.close()
        if args.output:
            out.close()
        if errf:
            errf.close()
    return 1 if errors and errors == seen else 0
