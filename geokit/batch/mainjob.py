"""The main job as a library function: reports -> toponyms -> events and movements -> ``outputs/``.

``run_main()`` is what ``geokit demo`` (and so the README's first command) runs: it builds the
gazetteer when needed, parses the demo corpus or the user's files, extracts and links events
and movements, and writes the border map, the tables and the GeoJSON to one folder.

Why it is careful about writing: a user re-runs it often and opens the files meanwhile, so
every output is first written to a hidden temporary file in the same folder and only then
moved into place with ``os.replace`` (atomic on one file system). A failure at any point
leaves the previous outputs as they were and no half-written file behind. Bad inputs are
reported one line each and skipped; the good ones are still processed.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geokit.errors import ExportError, InputError
from geokit.export import safe_row
from geokit.model import Candidate, Document, Record

OUTPUT_NAMES = ("border_map.html", "events.csv", "events.geojson", "movements.geojson", "places.csv",
                "records.jsonl")
PLACES_COLUMNS = ("doc", "start", "end", "text", "kind", "geonameid", "place_id", "name", "place_kind",
                  "country_code", "admin1", "lat", "lon", "score")
# Point-like gazetteer kinds worth an icon of their own on the map when a report names them.

Say = Callable[[str], None]


class MainJobError(InputError):
    """The main job cannot run at all (nothing readable, outputs not writable); the message says why."""


class OutputError(MainJobError, ExportError):
    """The output folder cannot be written; nothing was written."""


@dataclass(slots=True)
class OutputFile:
    name: str
    path: Path
    bytes: int


@dataclass
class MainResult:
    """What one run read, found and wrote (``summary()`` is the text ``geokit demo`` prints)."""

    inputs: str
    documents: list[Document]
    extraction: Any  # geokit.events.extract.Extraction
    map: Any  # geokit.maps.GeoMap
    files: list[OutputFile] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    built_gazetteer: bool = False
    seconds: float = 0.0

    @property
    def toponyms(self) -> int:
        return sum(len(d.toponyms) for d in self.documents)

    @property
    def resolved(self) -> int:
        return sum(1 for d in self.documents for t in d.toponyms if t.place is not None)

    def linked(self) -> list[Record]:
        """Events and movements told by more than one report."""
        ex = self.extraction
        return [r for r in [*ex.events, *ex.movements] if len({s.doc for s in r.sources}) > 1]

    def summary(self) -> str:
        ex = self.extraction
        lines = [f"reports: {len(self.documents)} read from {self.inputs}"
                 + (f", {len(self.problems)} problem(s) reported above" if self.problems else "")]
        demonyms = sum(1 for d in self.documents for t in d.toponyms if t.kind == "demonym")
        lines.append(f"toponyms: {self.toponyms} found, {self.resolved} resolved ({demonyms} demonyms)")
        by_type = Counter(e.type for e in ex.events)
        lines.append(f"events: {len(ex.events)}"
                     + (" (" + ", ".join(f"{t} {n}" for t, n in by_type.most_common())
                        + ")" if by_type else ""))
        lines.append(f"movements: {len(ex.movements)}; facts (standing figures): {len(ex.facts)}")
        linked = self.linked()
        lines.append(f"linked across reports: {len(linked)}")
        for r in linked:
            lines += ["  " + linked_line(r)] + ["      " + f for f in figures_by_report(r)]
        if self.map is not None:
            lines.append(f"map: {self.map.summary()}")
        if self.files:
            folder = self.files[0].path.parent
            lines.append(f"wrote {folder}/ in {self.seconds:.1f} s:")
            lines += [f"  {f.name:20s} {human_size(f.bytes):>9s}" for f in self.files]
        return "\n".join(lines)


# ------------------------------------------------------------------ summary helpers


def human_size(n: int) -> str:
    for unit in ("B", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} MB"  # pragma: no cover


def _place_name(r: Record) -> str:
    if r.kind == "movement":
        legs = [p.name for p in (r.origin, *r.via, r.destination) if p is not None]
        return " -> ".join(legs) or "places unknown"
    return r.place.name if r.place else "place unknown"


def linked_line(r: Record) -> str:
    docs = sorted({s.doc for s in r.sources})
    return f"{r.kind} {r.type}, {r.date or 'date unknown'}, {_place_name(r)}: {len(docs)} reports"


def _fmt_count(v: Any) -> str:
    if isinstance(v, list | tuple) and len(v) == 2:
        return f"{v[0]}-{v[1]}"
    return str(v)


def figures_by_report(r: Record) -> list[str]:
    """One line per report with its own figures; labels whose figures differ are marked."""
    per_doc: dict[str, dict[str, Any]] = {}
    for s in r.sources:
        d = per_doc.setdefault(s.doc, {})
        for k, v in (s.counts or {}).items():
            d.setdefault(k, v)
    values: dict[str, set[str]] = {}
    for d in per_doc.values():
        for k, v in d.items():
            values.setdefault(k, set()).add(_fmt_count(v))
    differ = {k for k, vs in values.items() if len(vs) > 1}
    out = []
    for doc, d in per_doc.items():
        figs = ", ".join(f"{k} {_fmt_count(v)}{' (differs)' if k in differ else ''}" for k, v in d.items())
        out.append(f"{doc}: {figs or 'no figures'}")
    return out


# ------------------------------------------------------------------ steps


def ensure_gazetteer(say: Say) -> bool:
    """Build the default store when missing or stale, saying so first; True when it was built."""
    from geokit.gazetteer import store

    fresh = getattr(store, "_fresh", None)
    path = store.default_path()
    if fresh is not None and fresh(path):
        return False
    say(f"building the gazetteer at {path} (only needed once; about a minute)...")
    t0 = time.perf_counter()
    store.build(path, force=False)
    store.reset_cache()
    st = store.open_store(path)
    say(f"gazetteer ready: {st.meta.get('places')} places ({time.perf_counter() - t0:.0f} s)")
    return True


def read_documents(inputs: str | os.PathLike | Iterable[str | os.PathLike] | None, published: Any,
                   warn: Say) -> tuple[list, list[str]]:
    """Readable InputDocs and the problems (one line each) from files, folders, globs or JSONL."""
    from geokit.batch.inputs import InputIssue, iter_documents
    from geokit.demo import demo_path

    paths = (list(inputs) if not isinstance(inputs, str | os.PathLike)
             else [inputs]) if inputs else [demo_path()]
    docs, problems = [], []
    for item in iter_documents(paths, published=published):
        if isinstance(item, InputIssue):
            msg = f"skipped {item.source}" + (f" ({item.id})" if item.id else "") + f": {item.reason}"
            problems.append(msg)
            warn(msg)
            continue
        for w in item.warnings:
            warn(f"{item.id}: {w}")
        docs.append(item)
    return docs, problems


def load_reports(inputs: str | os.PathLike | Iterable[str | os.PathLike] | None = None, *,
                 published: Any = None,
                 warn: Say = print) -> list[Document]:
    """Parsed reports from files, folders, globs or JSONL (default: the demo corpus).

    The notebooks' one-line reader: ``inputs`` is a path or a list of paths; a folder that would
    walk far more than reports (".", "~", "/") is refused (see ``confined_paths``); problems with
    single inputs go to ``warn`` and are skipped.
    """
    from geokit.batch.inputs import confined_paths

    if inputs:
        inputs = confined_paths(inputs)
    docs, problems = read_documents(inputs, published, warn)
    return parse_documents(docs, warn, problems)


def parse_documents(docs: list, warn: Say, problems: list[str],
                    tick: Callable[[int, int], Any] | None = None) -> list[Document]:
    """Parse each document; one that fails is reported and skipped, never the whole run."""
    from geokit.parsing.parser import default_parser

    parser = default_parser()
    out = []
    for n, d in enumerate(docs, 1):
        try:
            out.append(parser.parse(d.text, published=d.published, spans=d.spans, id=d.id))
        except Exception as exc:  # one bad report never stops the others
            msg = f"skipped {d.id}: could not parse it: {exc}"
            problems.append(msg)
            warn(msg)
        if tick is not None:
            tick(n, len(docs))
    return out


def extract_records(documents: list[Document], warn: Say, problems: list[str]):
    """``geokit.extract`` over all reports; a report that makes it fail is found, reported and left out."""
    from geokit.events.extract import extract, extract_document

    try:
        ex = extract(documents)
    except Exception:
        good = []
        for d in documents:
            try:
                extract_document(d, d.published)
                good.append(d)
            except Exception as exc:  # reported; the rest go on
                msg = f"{d.id}: events could not be read: {exc}"
                problems.append(msg)
                warn(msg)
        ex = extract(good)
    for w in ex.warnings:
        warn(w)
    return ex


def place_rows(documents: list[Document]) -> list[dict[str, Any]]:
    """Every resolved toponym: where it is in which report and the place it resolved to."""
    rows = []
    for d in documents:
        for t in d.toponyms:
            p = t.place
            if p is None:
                continue
            rows.append({"doc": d.id, "start": t.start, "end": t.end, "text": t.text, "kind": t.kind,
                         "geonameid": p.geonameid if p.geonameid is not None else "", "place_id": p.id,
                         "name": p.name, "place_kind": p.kind, "country_code": p.country_code,
                         "admin1": p.admin1,
                         "lat": round(p.lat, 5), "lon": round(p.lon, 5), "score": round(t.score, 4)})
    return rows


def map_places(documents: list[Document], ex) -> list[Candidate]:
    """Places drawn with their own icons: sites the reports name, and curated sites around them."""
    from geokit.maps.sites import map_places as sites

    return sites(documents, ex.records())


def _title(documents: list[Document]) -> str:
    """The map's title: how many reports; the map adds the span of the records' days, the range its time
    slider covers (the reports' publication dates are in the tables)."""
    return f"geokit: {len(documents)} report{'s' if len(documents) != 1 else ''}"


# ------------------------------------------------------------------ rendering and writing


def _csv_text(rows: list[dict[str, Any]], columns: Iterable[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    w.writerows(safe_row(r) for r in rows)
    return buf.getvalue()


def render_outputs(documents: list[Document], ex, geomap) -> dict[str, bytes]:
    """Every output file's bytes, made in memory before anything is written."""
    from geokit.export import to_csv, to_geojson

    def gj(records) -> bytes:
        return json.dumps(to_geojson(list(records)), ensure_ascii=False).encode("utf-8")

    return {
        "border_map.html": geomap.html().encode("utf-8"),
        "events.csv": to_csv(list(ex.events)).encode("utf-8"),
        "events.geojson": gj(ex.events),
        "movements.geojson": gj(ex.movements),
        "places.csv": _csv_text(place_rows(documents), PLACES_COLUMNS).encode("utf-8"),
        "records.jsonl": ex.to_jsonl().encode("utf-8"),
    }


def check_writable(out_dir: Path) -> None:
    """Fail early, before the work, when ``out_dir`` cannot be created or written."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out_dir, prefix=".geokit-check-", delete=True):
            pass
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OutputError(f"cannot write to the output folder {out_dir}: {reason}") from None


def write_outputs(out_dir: Path, contents: dict[str, bytes]) -> list[OutputFile]:
    """All files to temporary names first, then each moved into place; on failure nothing changes."""
    tmps: dict[str, str] = {}
    try:
        for name, data in contents.items():
            fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=f".{name}.", suffix=".tmp")
            tmps[name] = tmp
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
        for name, tmp in tmps.items():
            os.replace(tmp, out_dir / name)
    except BaseException as exc:  # also Ctrl-C: never leave temporary files behind
        for tmp in tmps.values():
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"could not write the outputs to {out_dir}: {exc.strerror or exc}") from None
        raise
    return [OutputFile(name, out_dir / name, len(data)) for name, data in contents.items()]


def _stderr(msg: str) -> None:
    print(f"geokit demo: {msg}", file=sys.stderr, flush=True)


def run_main(inputs: Iterable[str | os.PathLike] | None = None, out_dir: str | os.PathLike = "outputs", *,
             published: Any = None, title: str | None = None, say: Say = print, warn: Say = _stderr,
             tick: Callable[[int, int], Any] | None = None) -> MainResult:
    """Run the main job: read, parse, extract, link, map, and write ``out_dir``.

    ``inputs``: files, folders, globs or JSONL documents (default: the demo corpus).
    Raises ``OutputError`` when ``out_dir`` is not writable and ``MainJobError`` when no
    input is readable; problems with single inputs go to ``warn`` and are skipped.
    ``tick(done, total)`` is called after each report is parsed (the CLI's progress bar).
    """
    t0 = time.perf_counter()
    out = Path(out_dir).expanduser()
    inputs = list(inputs) if inputs else None
    created = not out.exists()
    check_writable(out)
    try:
        return _run(inputs, out, published, title, say, warn, t0, tick)
    except BaseException:
        if created:
            with contextlib.suppress(OSError):
                out.rmdir()  # leave no empty folder behind for a run that wrote nothing
        raise


def _run(inputs, out: Path, published, title, say: Say, warn: Say, t0: float, tick=None) -> MainResult:
    built = ensure_gazetteer(say)
    docs, problems = read_documents(inputs, published, warn)
    documents = parse_documents(docs, warn, problems, tick=tick)
    if not documents:
        raise MainJobError(f"no readable reports in the inputs ({len(problems)} problem(s) above); nothing "
                           "written")
    ex = extract_records(documents, warn, problems)
    from geokit.maps import build_map

    geomap = build_map(ex.events, ex.movements, ex.facts, map_places(documents, ex),
                       title=title or _title(documents), title_span=not title)
    contents = render_outputs(documents, ex, geomap)
    result = MainResult(inputs=", ".join(map(str, inputs)) if inputs else "the demo corpus",
                        documents=documents, extraction=ex, map=geomap, problems=problems,
                        built_gazetteer=built)
    result.files = write_outputs(out, contents)
    result.seconds = time.perf_counter() - t0
    return result
