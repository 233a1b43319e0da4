"""Document inputs: turn paths (files, folders, globs, stdin, JSONL, Parquet) into documents.

Every command that reads a collection goes through ``iter_documents`` so that bad input is
handled one way everywhere: a problem with one file or line becomes an ``InputIssue`` in the
stream (the caller reports it and carries on), never an exception that loses the other documents.
The stream is lazy: a million-line JSONL file is read line by line, Parquet batch by batch.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geokit.errors import InputError
from geokit.model import replace_surrogates

# Suffixes picked up when walking a folder (a file named explicitly is read whatever its suffix).
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".rst"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
PARQUET_SUFFIXES = frozenset({".parquet", ".pq"})
JSON_SUFFIXES = frozenset({".json", ".geojson"})
TABLE_SUFFIXES = frozenset({".csv", ".tsv"})
# Lines/features of geokit's own exports (``geokit events``): records, not reports.
RECORD_KINDS = frozenset({"event", "movement", "fact"})
NOT_REPORTS = ("holds geokit records (events/movements/facts), not reports: draw them with `geokit map`, "
               "or give the reports they came from")
GLOB_CHARS = frozenset("*?[")

# How much of a file is sniffed for binary content, and the share of non-text characters
# (control characters, replacement characters) above which it is treated as binary.
SNIFF_BYTES = 8192
MAX_NONTEXT_SHARE = 0.30


@dataclass(slots=True)
class InputDoc:
    """One document to process: its id, text, published date, optional gold spans and origin."""

    id: str
    text: str
    published: dt.date | None = None
    spans: list[tuple[int, int]] | None = None
    source: str = ""
    warnings: list[str] = field(default_factory=list)
    focus: Any = None  # a prior for the report's home region ("US-TX", "Paris, Texas", [lat, lon])

    def content_hash(self) -> str:
        """A short hash of what the result depends on (text, date, spans): the resume key."""
        h = hashlib.blake2b(digest_size=12)
        h.update(self.text.encode("utf-8", "surrogatepass"))
        h.update(b"\x00" + (self.published.isoformat() if self.published else "").encode())
        if self.spans is not None:
            h.update(b"\x00" + json.dumps([list(s) for s in self.spans]).encode())
        if self.focus is not None:
            h.update(b"\x00focus" + json.dumps(self.focus, default=str).encode())
        return h.hexdigest()


@dataclass(slots=True)
class InputIssue:
    """A file, line or row that could not be read; ``id`` is None when no document id is known."""

    source: str
    id: str | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "reason": self.reason}


class InputProblem(InputError):
    """Raised by ``read_text_file`` for a file that is not readable text (binary, undecodable)."""


# ------------------------------------------------------------------ small parsers


def parse_published(value: Any) -> dt.date | None:
    """A date from a date, datetime or ISO string ("2012-06-24", "2012-06-24T10:00:00Z").

    Raises ValueError for anything else, so callers can turn it into a warning.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        try:
            return dt.date.fromisoformat(s)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(s).date()
        except ValueError:
            raise InputError(f"published date {value!r} is not an ISO date (YYYY-MM-DD)") from None
    # pandas/pyarrow timestamps and numpy datetimes expose .date() or to_pydatetime()
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date()
    raise InputError(f"published date {value!r} is not a date")


def parse_spans(value: Any, text_len: int) -> list[tuple[int, int]] | None:
    """Gold spans as [[start, end], ...] with 0 <= start < end <= len(text); ValueError otherwise."""
    if value is None:
        return None
    if not isinstance(value, list | tuple):
        raise InputError("spans must be a list of [start, end] pairs")
    out: list[tuple[int, int]] = []
    for item in value:
        if (
            not isinstance(item, list | tuple)
            or len(item) != 2
            or not all(isinstance(x, int) and not isinstance(x, bool) for x in item)
        ):
            raise InputError(f"span {item!r} is not a [start, end] pair of integers")
        s, e = item
        if not 0 <= s < e <= text_len:
            raise InputError(f"span {item!r} is outside the text (length {text_len})")
        out.append((s, e))
    return out


def _looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    chars = sample.decode("utf-8", "replace")
    bad = sum(1 for c in chars if c == "\ufffd" or (ord(c) < 32 and c not in "\t\n\r\f\v\x1b"))
    return bad / max(1, len(chars)) > MAX_NONTEXT_SHARE


def decode_text(data: bytes, *, encoding_errors: str = "replace") -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (a BOM is honoured, UTF-16 too), undecodable bytes replaced with a warning.

    Raises InputProblem for binary data or, with ``encoding_errors="strict"``, invalid UTF-8.
    """
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), warnings
        except UnicodeDecodeError as exc:
            raise InputProblem(f"invalid UTF-16 text: {exc.reason}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if _looks_binary(data[:SNIFF_BYTES]):
        raise InputProblem("binary file (not text): NUL bytes or mostly non-text characters")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as exc:
        if encoding_errors == "strict":
            raise InputProblem(f"invalid UTF-8 at byte {exc.start}: {exc.reason}") from None
        text = data.decode("utf-8", encoding_errors)
        if encoding_errors == "replace":
            n = text.count("\ufffd")
            warnings.append(f"invalid UTF-8 (first at byte {exc.start}); {n} character(s) replaced with "
                            "U+FFFD")
        else:
            warnings.append(f"invalid UTF-8 (first at byte {exc.start}); bad bytes handled with "
                            f"{encoding_errors!r}")
        return text, warnings


def read_text_file(path: str | os.PathLike, *, encoding_errors: str = "replace") -> tuple[str, list[str]]:
    """Read a text file as (text, warnings). Raises InputProblem (binary) or OSError (unreadable)."""
    with open(path, "rb") as fh:
        data = fh.read()
    return decode_text(data, encoding_errors=encoding_errors)


# ------------------------------------------------------------------ per-format readers


def _make_doc(
    obj: Any, *, default_id: str, source: str, published: dt.date | None
) -> InputDoc | InputIssue:
    """An InputDoc from a JSON object / Parquet row, or an InputIssue saying what is wrong."""
    if not isinstance(obj, dict):
        return InputIssue(source, None, f"expected a JSON object, got {type(obj).__name__}")
    raw_id = obj.get("id")
    doc_id = default_id if raw_id is None or raw_id == "" else str(raw_id)
    text = obj.get("text")
    if not isinstance(text, str):
        why = "missing 'text'" if text is None else f"'text' is {type(text).__name__}, not a string"
        return InputIssue(source, doc_id, why)
    warnings: list[str] = []
    pub = published
    if obj.get("published") not in (None, ""):
        try:
            pub = parse_published(obj["published"])
        except ValueError as exc:
            warnings.append(f"{exc}; ignored")
    try:
        spans = parse_spans(obj.get("spans"), len(text))
    except ValueError as exc:
        return InputIssue(source, doc_id, f"bad spans: {exc}")
    focus = obj.get("focus")
    if focus in ("", None):
        focus = None
    elif isinstance(focus, list) and len(focus) == 2 and all(isinstance(x, int | float) for x in focus):
        focus = (float(focus[0]), float(focus[1]))
    elif not isinstance(focus, str):
        return InputIssue(source, doc_id, "bad focus: a country or area code, a place name or [lat, lon]")
    return InputDoc(doc_id, text, pub, spans, source, warnings, focus)


def _iter_jsonl_stream(
    fh: io.BufferedIOBase, name: str, stem: str, published: dt.date | None, encoding_errors: str
) -> Iterator[InputDoc | InputIssue]:
    lineno_first = None
    for lineno, raw in enumerate(fh, 1):
        if not raw.strip():
            continue
        source = f"{name}:{lineno}"
        try:
            line = raw.decode("utf-8", "strict" if encoding_errors == "strict" else "replace")
        except UnicodeDecodeError as exc:
            yield InputIssue(source, None, f"line {lineno}: invalid UTF-8 at byte {exc.start}")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputIssue(source, None, f"line {lineno}: invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            yield InputIssue(source, None, f"line {lineno}: JSON nested too deeply to read")
            continue
        if lineno_first is None:
            lineno_first = lineno
            if is_record(obj):
                yield InputIssue(name, None, NOT_REPORTS)
                return
        item = _make_doc(obj, default_id=f"{stem}:{lineno}", source=source, published=published)
        if isinstance(item, InputIssue):
            item.reason = f"line {lineno}: {item.reason}"
        elif "\ufffd" in line and b"\xef\xbf\xbd" not in raw:
            item.warnings.append(f"line {lineno}: invalid UTF-8 replaced with U+FFFD")
        yield item


def _iter_jsonl(path: Path, published: dt.date | None,
                encoding_errors: str) -> Iterator[InputDoc | InputIssue]:
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield InputIssue(str(path), None, f"cannot open: {exc.strerror or exc}")
        return
    with fh:
        try:
            yield from _iter_jsonl_stream(fh, str(path), path.stem, published, encoding_errors)
        except (OSError, UnicodeDecodeError) as exc:
            yield InputIssue(str(path), None, f"read failed: {exc}")


def _iter_parquet(path: Path, published: dt.date | None,
                  batch_size: int = 1024) -> Iterator[InputDoc | InputIssue]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield InputIssue(str(path), None, "reading Parquet needs pyarrow: pip install 'geokit[dask]'")
        return
    try:
        pf = pq.ParquetFile(path)
        names = set(pf.schema_arrow.names)
    except Exception as exc:  # pyarrow raises ArrowInvalid/OSError for corrupt or truncated files
        yield InputIssue(str(path), None, f"corrupt or unreadable Parquet file: {exc}")
        return
    if "text" not in names:
        yield InputIssue(str(path), None, f"Parquet file has no 'text' column (columns: {sorted(names)})")
        return
    cols = [c for c in ("id", "text", "published", "spans") if c in names]
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=batch_size, columns=cols):
            for obj in batch.to_pylist():
                row += 1
                item = _make_doc(obj, default_id=f"{path.stem}:{row}", source=f"{path}#row{row}",
                                 published=published)
                if isinstance(item, InputIssue):
                    item.reason = f"row {row}: {item.reason}"
                yield item
    except Exception as exc:
        yield InputIssue(str(path), None, f"corrupt Parquet file after row {row}: {exc}")


def _read_or_issue(path: Path, encoding_errors: str,
                   id: str | None = None) -> tuple[str, list[str]] | InputIssue:
    """A whole input file's text and warnings, or the issue that says why it cannot be read."""
    try:
        return read_text_file(path, encoding_errors=encoding_errors)
    except InputProblem as exc:
        return InputIssue(str(path), id, str(exc))
    except OSError as exc:
        return InputIssue(str(path), id, f"cannot read: {exc.strerror or exc}")


def _iter_text(path: Path, published: dt.date | None,
               encoding_errors: str) -> Iterator[InputDoc | InputIssue]:
    read = _read_or_issue(path, encoding_errors, path.stem)
    if isinstance(read, InputIssue):
        yield read
        return
    text, warnings = read
    yield InputDoc(path.stem, text, published, None, str(path), warnings)


def _iter_stdin(published: dt.date | None, encoding_errors: str) -> Iterator[InputDoc | InputIssue]:
    """stdin: JSONL when its first non-blank line is a JSON object with "text", else one text document."""
    data = sys.stdin.buffer.read()
    first = next((ln for ln in data.splitlines() if ln.strip()), b"")
    is_jsonl = False
    if first.lstrip().startswith(b"{"):
        try:
            is_jsonl = isinstance(obj := json.loads(first), dict) and "text" in obj
        except (ValueError, RecursionError):
            is_jsonl = False
    if is_jsonl:
        yield from _iter_jsonl_stream(io.BytesIO(data), "<stdin>", "stdin", published, encoding_errors)
        return
    try:
        text, warnings = decode_text(data, encoding_errors=encoding_errors)
    except InputProblem as exc:
        yield InputIssue("<stdin>", "stdin", str(exc))
        return
    yield InputDoc("stdin", text, published, None, "<stdin>", warnings)


def is_record(obj: Any) -> bool:
    """A line/feature of geokit's own record exports (kind event/movement/fact, no report text)."""
    return isinstance(obj, dict) and obj.get("kind") in RECORD_KINDS and "text" not in obj


def _iter_json(path: Path, published: dt.date | None,
               encoding_errors: str) -> Iterator[InputDoc | InputIssue]:
    """A JSON file: one report ``{"id", "text", ...}`` or a list of them; anything else is refused."""
    read = _read_or_issue(path, encoding_errors)
    if isinstance(read, InputIssue):
        yield read
        return
    try:
        obj = json.loads(read[0])
    except json.JSONDecodeError as exc:
        yield InputIssue(str(path), None, f"invalid JSON ({exc.msg} at line {exc.lineno}); expected a report "
                                          '{"id", "text"} or a list of them')
        return
    except RecursionError:
        yield InputIssue(str(path), None, "JSON nested too deeply to read")
        return
    if isinstance(obj, dict) and obj.get("type") == "FeatureCollection":
        feats = obj.get("features") or []
        if feats and all(is_record((f or {}).get("properties")) for f in feats[:5]):
            yield InputIssue(str(path), None, NOT_REPORTS)
        else:
            yield InputIssue(str(path), None, "a GeoJSON file, not reports (expected text, JSONL documents "
                                              '{"id", "text"}, CSV with a text column, or Parquet)')
        return
    items = obj if isinstance(obj, list) else [obj]
    if not items or not all(isinstance(x, dict) and isinstance(x.get("text"), str) for x in items):
        yield InputIssue(str(path), None, 'JSON that is not reports (expected {"id", "text", "published"?} '
                                          "or a list of them)")
        return
    for n, x in enumerate(items, 1):
        item = _make_doc(x, default_id=path.stem if len(items) == 1 else f"{path.stem}:{n}",
                         source=f"{path}#{n}", published=published)
        yield item


def _iter_table(path: Path, published: dt.date | None,
                encoding_errors: str) -> Iterator[InputDoc | InputIssue]:
    """A CSV/TSV table of reports (a ``text`` column, optional ``id`` and ``published``); else refused."""
    import csv

    read = _read_or_issue(path, encoding_errors)
    if isinstance(read, InputIssue):
        yield read
        return
    reader = csv.DictReader(io.StringIO(read[0], newline=""), delimiter="\t" if path.suffix.lower() == ".tsv"
                            else ",")
    fields = reader.fieldnames or []
    if "text" not in fields:
        if {"event_id", "kind", "latitude", "longitude"} <= set(fields):
            yield InputIssue(str(path), None, NOT_REPORTS)
        else:
            yield InputIssue(str(path), None,
                             f"a table without a 'text' column (columns: {', '.join(fields[:8])}"
                                              f"{', ...' if len(fields) > 8 else ''}); expected reports")
        return
    for n, row in enumerate(reader, 1):
        item = _make_doc({k: v for k, v in row.items() if k in ("id", "text", "published")},
                         default_id=f"{path.stem}:{n}", source=f"{path}#row{n}", published=published)
        if isinstance(item, InputIssue):
            item.reason = f"row {n}: {item.reason}"
        yield item


def _iter_file(path: Path, published: dt.date | None,
               encoding_errors: str) -> Iterator[InputDoc | InputIssue]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _iter_jsonl(path, published, encoding_errors)
    elif suffix in PARQUET_SUFFIXES:
        yield from _iter_parquet(path, published)
    elif suffix in JSON_SUFFIXES:
        yield from _iter_json(path, published, encoding_errors)
    elif suffix in TABLE_SUFFIXES:
        yield from _iter_table(path, published, encoding_errors)
    else:
        yield from _iter_text(path, published, encoding_errors)


def _walk_folder(folder: Path) -> tuple[list[Path], int, list[InputIssue]]:
    """Readable files under a folder (recursive, sorted, hidden entries and links out of it skipped), the
    count skipped, and the folders that could not be read (each one an issue: a silent gap would lose its
    files)."""
    found: list[Path] = []
    skipped = 0
    unreadable: list[InputIssue] = []
    inside = os.path.realpath(folder)

    def onerror(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else folder
        unreadable.append(InputIssue(os.fspath(where), None, f"cannot read folder: {exc.strerror or exc}"))

    for root, dirs, files in os.walk(folder, onerror=onerror):  # links to folders are not followed
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            full = os.path.join(root, name)
            if os.path.islink(full) and os.path.commonpath([inside, os.path.realpath(full)]) != inside:
                skipped += 1  # a link out of the folder: reading it would walk outside what was given
                continue
            suffix = Path(name).suffix.lower()
            if suffix in TEXT_SUFFIXES or suffix in JSONL_SUFFIXES or suffix in PARQUET_SUFFIXES:
                found.append(Path(root) / name)
            else:
                skipped += 1
    return found, skipped, unreadable


def expand_path(spec: str | os.PathLike) -> list[Path] | None:
    """The files a path, folder or glob names, in reading order; None for ``-`` (stdin)."""
    s = os.fspath(spec)
    if s == "-":
        return None
    path = Path(s).expanduser()
    if path.is_dir():
        return _walk_folder(path)[0]
    if path.is_file():
        return [path]
    if GLOB_CHARS & set(s):
        return [Path(m) for m in sorted(glob.glob(os.path.expanduser(s), recursive=True))
                if Path(m).is_file()]
    return []


def _count_file(path: Path) -> int:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        with open(path, "rb") as fh:
            return sum(1 for line in fh if line.strip())
    if suffix in PARQUET_SUFFIXES:
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    if suffix in TABLE_SUFFIXES or suffix in JSON_SUFFIXES:
        return sum(1 for _ in _iter_file(path, None, "replace"))
    return 1


def count_documents(paths: str | os.PathLike | Iterable[str | os.PathLike]) -> int | None:
    """How many items ``iter_documents(paths)`` will yield (about: a bad file may yield one error
    instead of its lines); None when unknown (stdin). For progress bars, read once more cheaply."""
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    total = 0
    for spec in paths:
        if not isinstance(spec, str | os.PathLike):
            total += 1
            continue
        files = expand_path(spec)
        if files is None:
            return None
        total += sum(_count_file(f) for f in files) if files else 1
    return total


def _iter_path(spec: str | os.PathLike, published: dt.date | None,
               encoding_errors: str) -> Iterator[InputDoc | InputIssue]:
    s = os.fspath(spec)
    if s == "-":
        yield from _iter_stdin(published, encoding_errors)
        return
    path = Path(s).expanduser()
    if path.is_dir():
        files, skipped, unreadable = _walk_folder(path)
        yield from unreadable
        if not files and not unreadable:
            extra = f" ({skipped} other file(s) skipped)" if skipped else ""
            yield InputIssue(str(path), None, f"folder has no text (.txt/.md), JSONL or Parquet files{extra}")
        for f in files:
            yield from _iter_file(f, published, encoding_errors)
        return
    if path.is_file():
        yield from _iter_file(path, published, encoding_errors)
        return
    if GLOB_CHARS & set(s):
        matches = sorted(glob.glob(os.path.expanduser(s), recursive=True))
        files = [Path(m) for m in matches if Path(m).is_file()]
        if not files:
            yield InputIssue(s, None, "no files match this pattern")
        for f in files:
            yield from _iter_file(f, published, encoding_errors)
        return
    if path.exists():
        yield InputIssue(str(path), None, "not a regular file or folder")
    else:
        yield InputIssue(str(path), None, "no such file or folder")


# ------------------------------------------------------------------ public API


def replace_lone_surrogates(items: Iterable[InputDoc | InputIssue]) -> Iterator[InputDoc | InputIssue]:
    """Lone surrogates (valid in JSON, unwritable as UTF-8) in ids, texts and sources become U+FFFD,
    counted in a warning: one such character must not make every output of the run unwritable."""
    for item in items:
        if isinstance(item, InputDoc):
            item.id, n_id = replace_surrogates(item.id)
            item.text, n_text = replace_surrogates(item.text)  # same length: spans stay valid
            item.source = replace_surrogates(item.source)[0]
            if n_id + n_text:
                where = " and ".join(w for w, n in (("id", n_id), ("text", n_text)) if n)
                item.warnings.append(f"{n_id + n_text} lone surrogate(s) in the {where} replaced with U+FFFD")
        else:
            item.source = replace_surrogates(item.source)[0]
            item.reason = replace_surrogates(item.reason)[0]
            if item.id is not None:
                item.id = replace_surrogates(item.id)[0]
        yield item


def confined_paths(inputs: str | os.PathLike | Iterable[str | os.PathLike]) -> list[str | os.PathLike]:
    """A path or a list of paths (a notebook parameter) as a list, refusing any walk of too much.

    ``"a.txt"`` is one path, never its characters. A folder (or a recursive ``**`` glob) that is the
    filesystem root, the home or working folder, or one above either, is refused with an
    InputError: walking it reads files nobody meant as reports (and "/" walks the filesystem).
    Name the folder that holds the reports instead. Links out of a walked folder are skipped.
    """
    items = [inputs] if isinstance(inputs, str | os.PathLike) else list(inputs)
    cwd = Path.cwd().resolve()
    home = Path.home().resolve()
    for item in items:
        if not isinstance(item, str | os.PathLike):
            raise InputError(f"inputs must be paths (a path or a list of paths), not {type(item).__name__}")
        s = os.fspath(item)
        if not s.strip() or s == "-":
            raise InputError(f"{s!r} is not a path to reports (stdin cannot be read here); name a file or a "
                             "folder")
        path = Path(s).expanduser()
        if GLOB_CHARS & set(s):
            if "**" not in s:
                continue  # one folder's matching files, named by the pattern
            stem = s[: min(s.index(c) for c in GLOB_CHARS if c in s)]
            path = Path(os.path.expanduser(stem or ".")) if stem.endswith(("/", os.sep)) or not stem else \
                Path(os.path.expanduser(stem)).parent
        if not path.is_dir():
            continue
        real = path.resolve()
        if (real == Path(real.anchor) or real == home or real in home.parents or cwd == real
                or real in cwd.parents):
            what = ("the filesystem root" if real == Path(real.anchor) else "the home folder" if real == home
                    else "the working folder" if real == cwd else "a folder above the working or home folder")
            raise InputError(f"{s!r} is {what}: walking it would read files that are not reports; "
                             "name the folder that holds your reports (e.g. 'reports/') or the files")
    return items


def unique_ids(items: Iterable[InputDoc | InputIssue]) -> Iterator[InputDoc | InputIssue]:
    """Make document ids unique in a stream: the second "a" becomes "a#2" (with a warning).

    Keeps one set of ids seen (a few dozen bytes per document), the only per-collection state.
    """
    seen: set[str] = set()
    for item in items:
        if isinstance(item, InputDoc):
            if item.id in seen:
                n = 2
                while f"{item.id}#{n}" in seen:
                    n += 1
                new = f"{item.id}#{n}"
                item.warnings.append(f"duplicate id {item.id!r} (from {item.source}) renamed to {new!r}")
                item.id = new
            seen.add(item.id)
        yield item


def iter_documents(
    paths: str | os.PathLike | Iterable[str | os.PathLike | InputDoc | InputIssue | dict],
    *,
    published: dt.date | str | None = None,
    encoding_errors: str = "replace",
    focus: Any = None,
) -> Iterator[InputDoc | InputIssue]:
    """Documents from files, folders (recursive), globs, ``-`` (stdin), JSONL and Parquet files.

    Items may also be ready ``InputDoc``/``InputIssue`` objects or ``{"id", "text", ...}`` dicts,
    so callers can mix files with in-memory documents. ``published`` is the default date of
    documents that carry none, ``focus`` their default home-region prior (a JSONL "focus" wins). Problems come
    out as ``InputIssue`` items in order, so one bad
    file never stops the others; ids are made unique across the whole stream.
    """
    if encoding_errors not in ("replace", "strict", "ignore", "backslashreplace", "surrogateescape"):
        raise InputError(
            f"encoding_errors must be 'replace', 'strict', 'ignore', ... not {encoding_errors!r}")
    default_pub = parse_published(published) if published is not None else None
    if isinstance(paths, str | os.PathLike | InputDoc | InputIssue | dict):
        paths = [paths]
    elif not isinstance(paths, Iterable):
        raise TypeError(f"paths must be a path or a list of paths, not {type(paths).__name__}")

    def gen() -> Iterator[InputDoc | InputIssue]:
        for n, p in enumerate(paths, 1):
            if isinstance(p, InputDoc | InputIssue):
                yield p
            elif isinstance(p, dict):
                yield _make_doc(p, default_id=f"doc:{n}", source=f"<records>#{n}", published=default_pub)
            elif isinstance(p, str | os.PathLike):
                yield from _iter_path(p, default_pub, encoding_errors)
            else:
                yield InputIssue(repr(p)[:80], None, f"not a path or document: {type(p).__name__}")

    def with_focus(items: Iterator[InputDoc | InputIssue]) -> Iterator[InputDoc | InputIssue]:
        for item in items:
            if isinstance(item, InputDoc) and item.focus is None:
                item.focus = focus
            yield item

    docs = replace_lone_surrogates(gen())
    return unique_ids(with_focus(docs) if focus is not None else docs)


def docs_from_records(
        records: Iterable[dict[str, Any] | InputDoc | InputIssue]) -> Iterator[InputDoc | InputIssue]:
    """Documents from in-memory dicts ({"id", "text", "published"?, "spans"?}) or ready InputDocs."""
    return iter_documents(records)
