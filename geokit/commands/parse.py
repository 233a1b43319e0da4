"""``geokit parse FILE...``: toponyms with offsets, as JSONL (or a table on a terminal).

The same in a terminal, a pipe and CI: rows go to stdout (or ``-o FILE``) in input order, a
progress bar with its total is drawn on stderr only when stderr is a terminal, and one summary
line ends every run. ``--workers N`` parses in N processes and still streams to stdout in input
order; with ``-o`` it is a resumable batch (a rerun skips what is done and says so).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from geokit.commands import progress
from geokit.commands.batch import EXIT_PARTIAL, expand_user
from geokit.errors import UsageError

# -o by extension; the other known extensions are refused rather than filled with JSONL.
JSONL_EXT = (".jsonl", ".ndjson", ".json")
TABLE_EXT = (".txt", ".text")
BATCH_EXT = (".parquet", ".geoparquet")
OTHER_KNOWN = (".csv", ".tsv", ".geojson", ".html", ".htm", ".xlsx", ".gpkg", ".shp")
ROW_EXTRAS = ("content_hash", "seq", "warnings")  # batch bookkeeping that serial rows do not carry


def register(sub) -> None:
    p = sub.add_parser("parse", help="find and resolve the toponyms in text files or JSONL documents",
                       description=__doc__.splitlines()[0])
    p.add_argument("inputs", nargs="*", default=["-"], metavar="FILE",
                   help="text files, folders, globs, JSONL ({id,text,published?,spans?,focus?}); '-' or "
                        "none: stdin")
    p.add_argument("--jsonl", action="store_true",
                   help="JSONL output even on a terminal (the default when stdout is not a terminal)")
    p.add_argument("--published", metavar="DATE",
                   help="published date (YYYY-MM-DD) for inputs that do not give one")
    p.add_argument("--focus", metavar="REGION",
                   help="prior for the reports' home region: a country (TR), an area (US-TX: GeoNames admin1 "
                   "codes) or a place ('Paris, Texas'); evidence, not a filter. A JSONL 'focus' field wins")
    p.add_argument("--near", metavar="PLACE",
                   help="the same prior given as a place name or LAT,LON ('Paris, Texas', '36.2,36.16')")
    p.add_argument("--dropped", action="store_true",
                   help="also list names judged not to be places (person, organisation, media, word) and the "
                        "rule")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="parse in N processes (0 = one per CPU); rows still come out in input order")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write to FILE instead of stdout: .jsonl (JSONL), .txt (the table), "
                        ".parquet (with --workers); with --workers a rerun resumes")
    p.add_argument("--errors", metavar="FILE", help="write input errors as JSONL here")
    p.add_argument("--no-resume", dest="resume", action="store_false",
                   help="with --workers -o: start over instead of skipping documents already in the output")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar (there is none anyway when stderr is not a terminal)")
    p.set_defaults(func=_run)


def output_format(output: str | None, jsonl_flag: bool, workers: int) -> str:
    """"jsonl", "table" or "batch" (Parquet) from ``-o``'s extension; a contradiction is an error."""
    if not output:
        return "jsonl" if jsonl_flag or not sys.stdout.isatty() else "table"
    ext = Path(output).suffix.lower()
    if ext in TABLE_EXT:
        if jsonl_flag:
            raise UsageError(f"--jsonl contradicts the output {Path(output).name!r} (a .txt file gets the "
                             "table); "
                           "use a .jsonl name")
        return "table"
    if ext in BATCH_EXT:
        if workers == 1:
            raise UsageError(f"{Path(output).name!r}: Parquet output needs --workers N (or geokit batch "
                             "parse)")
        return "batch"
    if ext in OTHER_KNOWN:
        raise UsageError(f"geokit parse writes JSONL (.jsonl) or a table (.txt), not {ext} "
                         f"({Path(output).name!r})")
    return "jsonl"


def _run(args) -> int:
    progress.stdin_hint("parse", args.inputs)
    output = None if args.output in (None, "-") else expand_user(args.output)  # -o - is stdout
    errors_path = expand_user(args.errors)
    fmt = output_format(output, args.jsonl, args.workers)
    args.focus = focus_option(args.focus, args.near)
    if args.focus is not None:
        from geokit.parsing.parser import default_parser

        # a focus that names nothing is one clear error, before any work
        default_parser().focus_region(args.focus)
    if args.workers < 0:
        raise UsageError("--workers must be >= 0")
    if args.workers != 1:
        return _run_workers(args, output, errors_path, fmt)
    return _run_serial(args, output, errors_path, fmt)


def write_row(out, row: dict[str, Any], fmt: str) -> None:
    """One document's row: the JSONL object, or its lines of the table."""
    if fmt != "table":
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    out.write(f"# {row['id']}\n")
    for t in row.get("toponyms", []):
        if t.get("name") is not None:
            gid = t.get("geonameid") or t.get("id")
            where = f"{t['name']} ({gid}) {t['lat']:.4f},{t['lon']:.4f}"
        else:
            where = f"no match: {t.get('reason', '')}"
        out.write(f"{t['start']:6d}-{t['end']:<6d} {t['kind']:9s} {t['text']!r:32s} {t['score']:5.2f}  "
                  f"{where}\n")


def _write_table(out, doc, dropped: bool = False) -> None:
    """The table from the parsed Document itself (full-precision scores, as the table always printed);
    a reason after a placed name says what context decided."""
    out.write(f"# {doc.id}\n")
    for t in doc.toponyms:
        p = t.place
        where = f"{p.name} ({p.geonameid or p.id}) {p.lat:.4f},{p.lon:.4f}" if p else f"no match: {t.reason}"
        note = f"  [{t.reason}]" if p is not None and t.reason else ""
        out.write(f"{t.start:6d}-{t.end:<6d} {t.kind:9s} {t.text!r:32s} {t.score:5.2f}  {where}{note}\n")
    for t in doc.dropped if dropped else ():
        out.write(f"{t.start:6d}-{t.end:<6d} {t.kind:12s} {t.text!r:29s}  not a place: {t.reason}\n")


def _tally(row: dict[str, Any], counts: dict[str, int]) -> None:
    tops = row.get("toponyms") or []
    counts["toponyms"] += len(tops)
    counts["resolved"] += sum(1 for t in tops if t.get("name") is not None)


def _summary_line(counts: dict[str, int], dest: str, seconds: float) -> str:
    text = (f"{progress.plural(counts['reports'], 'report')}, "
            f"{progress.plural(counts['toponyms'], 'toponym')} "
            f"({counts['resolved']} resolved)")
    if counts["skipped"]:
        text += f", {counts['skipped']} skipped"
    if counts.get("failed"):
        text += f", {counts['failed']} failed"
    return f"{text} in {seconds:.1f} s -> {dest}"


def _run_serial(args, output: str | None, errors_path: str | None, fmt: str) -> int:
    from geokit.batch.inputs import InputIssue, iter_documents
    from geokit.parsing.parser import default_parser

    t0 = time.perf_counter()
    total = progress.count_inputs(args.inputs) if progress.wanted(args.quiet) else None
    parser = default_parser()
    counts = {"reports": 0, "toponyms": 0, "resolved": 0, "skipped": 0, "failed": 0}
    errors = seen = 0
    tmp = None
    if output:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        tmp = f"{output}.part"
        out = open(tmp, "w", encoding="utf-8")  # written aside, moved into place when complete
    else:
        out = sys.stdout
    # the errors file too is written aside: a run stopped half-way keeps the previous one
    errf = open(f"{errors_path}.part", "w", encoding="utf-8") if errors_path else None
    bar = progress.bar("geokit parse", total, quiet=args.quiet)
    ok = finished = False
    try:
        for d in iter_documents(args.inputs, published=args.published, focus=args.focus):
            seen += 1
            bar.update(1)
            if isinstance(d, InputIssue):
                errors += 1
                counts["skipped"] += 1
                progress.say(bar, f"geokit parse: skipped {d.source}: {d.reason}")
                if errf:
                    errf.write(json.dumps({"id": d.id, "source": d.source, "reason": d.reason}) + "\n")
                continue
            for w in d.warnings:
                progress.say(bar, f"geokit parse: {d.id}: {w}")
            try:
                doc = parser.parse(d.text, published=d.published, spans=d.spans, id=d.id, focus=d.focus)
                row = doc.to_dict(dropped=args.dropped)
                json.dumps(row, ensure_ascii=False).encode("utf-8")  # unwritable: this document's error only
            except (Exception, RecursionError) as exc:  # one bad document never stops the batch
                errors += 1
                counts["failed"] += 1
                progress.say(bar, f"geokit parse: {d.id}: failed: {exc}")
                if errf:
                    errf.write(json.dumps({"id": d.id, "source": d.source, "reason": str(exc)}) + "\n")
                continue
            counts["reports"] += 1
            _tally(row, counts)
            with progress.beside(bar, out):
                if fmt == "table":
                    _write_table(out, doc, args.dropped)
                else:
                    write_row(out, row, fmt)
        ok = not (seen and errors == seen)  # every input failed: the previous output stays as it was
        finished = True  # the errors file lists this run's problems, even when every input failed
    finally:
        bar.close()
        if output:
            out.close()
            if ok:
                os.replace(tmp, output)
            else:
                Path(tmp).unlink(missing_ok=True)
        if errf:
            errf.close()
            if finished:
                os.replace(f"{errors_path}.part", errors_path)
            else:
                Path(f"{errors_path}.part").unlink(missing_ok=True)
    progress.summary("parse", _summary_line(counts, output or "stdout", time.perf_counter() - t0))
    if errors:  # the exit status tells the truth: some (3) or all (1) of the inputs failed
        where = f"; listed in {errors_path}" if errors_path else " (listed above)"
        print(f"geokit parse: {errors} of {seen} inputs failed{where}", file=sys.stderr)
        return 1 if errors == seen else EXIT_PARTIAL
    return 0


def _run_workers(args, output: str | None, errors_path: str | None, fmt: str) -> int:
    from geokit.commands.batch import run_from_args

    args.scheduler = None
    args.chunksize = getattr(args, "chunksize", 8)
    if output:
        if fmt == "table":
            raise UsageError("with --workers, -o takes a .jsonl or .parquet output (the table goes to a "
                             "terminal)")
        args.out, args.errors = output, errors_path
        return run_from_args(args, "parse", args.inputs)[0]
    # stdout: the pool writes a private JSONL file; its rows are streamed out in input order
    t0 = time.perf_counter()
    args.resume = True  # a new private file: nothing to resume, and rows land in it as they come
    with tempfile.TemporaryDirectory(prefix="geokit-parse-") as tmp:
        rows_path = Path(tmp) / "rows.jsonl"
        err_path = errors_path or str(Path(tmp) / "errors.jsonl")
        streamer = _Streamer(rows_path, fmt)
        streamer.start()
        try:
            rc, summary = run_from_args(args, "parse", args.inputs, out=str(rows_path), errors_path=err_path,
                                        show_errors=False)
        finally:
            streamer.finish()
        counts = dict(streamer.counts, skipped=summary.input_errors, failed=summary.failed)
        _report_errors(err_path)
    progress.summary("parse", _summary_line(counts, "stdout", time.perf_counter() - t0)
                     + f" ({summary.runner})")
    return rc


class _Streamer(threading.Thread):
    """Follows the pool's JSONL file and writes its rows to stdout in input order as they complete."""

    def __init__(self, path: Path, fmt: str) -> None:
        super().__init__(daemon=True)
        self.path, self.fmt = path, fmt
        self.stop = threading.Event()
        self.waiting: dict[int, dict[str, Any]] = {}
        self.next_seq = 0
        self.counts = {"reports": 0, "toponyms": 0, "resolved": 0}
        self._pos = 0
        self._lock = threading.Lock()

    def run(self) -> None:
        while not self.stop.wait(0.2):
            self._poll()

    def finish(self) -> None:
        self.stop.set()
        self.join()
        self._poll()
        for seq in sorted(self.waiting):  # rows after a failed document (their gap never fills)
            self._emit(self.waiting.pop(seq))
        sys.stdout.flush()

    def _poll(self) -> None:
        with self._lock:
            if not self.path.exists():
                return
            with open(self.path, "rb") as fh:
                fh.seek(self._pos)
                data = fh.read()
            end = data.rfind(b"\n") + 1
            if not end:
                return
            self._pos += end
            for line in data[:end].splitlines():
                if line.strip():
                    row = json.loads(line)
                    self.waiting[int(row.get("seq") or 0)] = row
            while self.next_seq in self.waiting:
                self._emit(self.waiting.pop(self.next_seq))
                self.next_seq += 1
            sys.stdout.flush()

    def _emit(self, row: dict[str, Any]) -> None:
        for w in row.get("warnings") or []:
            print(f"geokit parse: {row['id']}: {w}", file=sys.stderr)
        clean = {k: v for k, v in row.items() if k not in ROW_EXTRAS}
        self.counts["reports"] += 1
        _tally(clean, self.counts)
        write_row(sys.stdout, clean, self.fmt)


def _report_errors(path: str) -> None:
    """The problems of a streamed run, one line each, as the serial command prints them."""
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            where = row.get("source") or row.get("id")
            if row.get("level") == "warning":
                print(f"geokit parse: {row.get('id') or where}: {row['reason']}", file=sys.stderr)
            elif row.get("stage") == "input":
                print(f"geokit parse: skipped {where}: {row['reason']}", file=sys.stderr)
            else:
                print(f"geokit parse: {row.get('id') or where}: failed: {row['reason']}", file=sys.stderr)


def focus_option(focus: str | None, near: str | None):
    """The --focus / --near options as one prior: a string, or a (lat, lon) pair for "LAT,LON"."""
    if focus and near:
        raise UsageError("give --focus or --near, not both")
    value = focus or near
    if not value:
        return None
    parts = value.split(",")
    if len(parts) == 2:
        try:
            return (float(parts[0]), float(parts[1]))
        except ValueError:
            pass
    return value.strip()
