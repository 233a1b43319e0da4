"""Build ``gazetteer/phone_areas.csv``: telephone prefixes -> country and first-level area.

Local news prints local phone numbers ("call 519-661-5670", "(304) 399-6500"), and a reader takes
them as evidence of where the report is from. Google's libphonenumber knows which area each
prefix serves, but its Python port (PyPI ``phonenumbers``) is 48 MB, too heavy for a run-time
dependency; this script reads its data at development time and writes a compact table:

- NANP area codes (``1`` + NPA, e.g. ``1519``): the country that owns the code (US, CA, the
  Caribbean members) and, for the US and Canada, the state or province it serves. The area comes
  from the geocoder's description of the code ("Ontario"), or, where the code has none ("905"),
  from the majority of its exchanges' descriptions ("Mississauga, ON"), reading the postal
  abbreviations from the codes that have both. A code shared by several areas ("Northwest
  Territories/Nunavut/Yukon") or serving no area (toll-free 800, 888...) gives none.
- international calling codes (``44``, ``90``, ``7``): the country; where one code serves several
  countries, the others by their leading digits (``77`` -> KZ).
- outside the NANP, a geographic prefix whose description is the name of a first-level area of its
  country (``90326`` -> Hatay): that area, unless its parent prefix already says so. A longer
  prefix whose description is a town ("Iskenderun") inherits its parent's area: numbering plans
  are hierarchical, and a town's prefix lies inside its area's.

Areas are named as in ``gazetteer/admin1.csv`` (name and GeoNames admin1 code); areas of another
scheme (``foreign_code`` = 1) are skipped, since no place of the store carries them. The output is
sorted and has no timestamp, so the same inputs give the same bytes. Run by hand:

    .venv/bin/pip install phonenumbers==9.0.43
    .venv/bin/python gazetteer/tools/build_phone_areas.py
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from common import GAZ_DIR, write_csv

OUT = GAZ_DIR / "phone_areas.csv"
HEADER = ["prefix", "country", "admin1_code", "admin1", "label"]
MAJORITY = 0.8  # share of a NANP code's exchanges that must agree on one area
# exchange numbers tried to learn which country owns a NANP area code (only the code decides it;
# several are tried because a number's validity also depends on its exchange)
_SUBSCRIBERS = ("2345678", "4567890", "7654321", "3215678", "8881234", "9012345", "6543210", "2223333")


def _key(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def load_areas(path: Path) -> dict[str, dict[str, tuple[str, str]]]:
    """cc -> name key -> (admin1 code, admin1 name), from admin1.csv's names and alternates. An area's
    own name always names it; an alternate only when no other area of the country carries it
    ("Moscow" is an alternate of both Moskva and Moskovskaya: it names neither)."""
    own: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    alt: dict[str, dict[str, set[tuple[str, str]]]] = defaultdict(lambda: defaultdict(set))
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if (r.get("foreign_code") or "").strip() == "1" or not r["admin1_code"].strip():
                continue
            cc, val = r["country_code"], (r["admin1_code"].strip(), r["name"])
            own[cc][_key(r["name"])] = val
            for n in (r.get("alternates") or "").split("|"):
                if _key(n):
                    alt[cc][_key(n)].add(val)
    out: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    for cc, names in alt.items():
        for k, vals in names.items():
            if len(vals) == 1:
                out[cc][k] = next(iter(vals))
    for cc, names in own.items():
        out[cc].update(names)
    return out


def area_of(desc: str, cc: str, areas) -> tuple[str, str] | None:
    """The first-level area a geocoder description names ("Ontario", "Washington State"), if any."""
    if not desc or "/" in desc:
        return None  # "Nova Scotia/Prince Edward Island": more than one area
    table = areas.get(cc, {})
    k = _key(desc)
    hit = table.get(k)
    if hit is None and k.endswith(" state"):
        hit = table.get(k[: -len(" state")])
    return hit


def nanp_rows(areas) -> list[list[str]]:
    import phonenumbers
    from phonenumbers.geodata import GEOCODE_DATA

    by_npa: dict[str, list[str]] = defaultdict(list)
    for k, v in GEOCODE_DATA.items():
        if k.startswith("1") and len(k) >= 4 and v.get("en"):
            by_npa[k[1:4]].append((k, v["en"]))
    # postal abbreviations ("ON", "TX") from codes whose own description names the area
    abbr_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    owner: dict[str, str] = {}
    for npa in (f"{n}" for n in range(200, 1000)):
        regions = Counter()
        for sub in _SUBSCRIBERS:
            r = phonenumbers.region_code_for_number(phonenumbers.parse(f"+1{npa}{sub}"))
            if r:
                regions[r] += 1
        if regions:
            owner[npa] = regions.most_common(1)[0][0]
    for npa, cc in owner.items():
        own = dict(by_npa.get(npa, ())).get(f"1{npa}")
        hit = area_of(own, cc, areas) if own else None
        if hit is None:
            continue
        for _k, d in by_npa[npa]:
            m = re.search(r",\s*([A-Z]{2})$", d)
            if m:
                abbr_votes[(cc, m.group(1))][hit] += 1
    abbr = {key: votes.most_common(1)[0][0] for key, votes in abbr_votes.items()
            if votes.most_common(1)[0][1] >= 0.9 * sum(votes.values())}
    rows = []
    for npa, cc in sorted(owner.items()):
        descs = by_npa.get(npa, [])
        if cc in ("US", "CA") and not descs:
            continue  # toll-free and other non-geographic codes
        own = dict(descs).get(f"1{npa}", "")
        hit = area_of(own, cc, areas) if own else None
        label = own
        if hit is None and cc in ("US", "CA"):
            votes: Counter = Counter()
            for _k, d in descs:
                m = re.search(r",\s*([A-Z]{2})$", d)
                a = abbr.get((cc, m.group(1))) if m else area_of(d, cc, areas)
                votes[a] += 1
            if votes:
                best, n = votes.most_common(1)[0]
                if best is not None and n >= MAJORITY * sum(votes.values()):
                    hit, label = best, best[1]
        code, name = hit if hit else ("", "")
        rows.append([f"1{npa}", cc, code, name, label if hit else ""])
    return rows


def international_rows(areas) -> list[list[str]]:
    import phonenumbers
    from phonenumbers.geodata import GEOCODE_DATA
    from phonenumbers.phonenumberutil import PhoneMetadata

    table: dict[str, tuple[str, str, str, str]] = {}
    for code, regions in sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items()):
        if code == 1:
            continue  # the NANP is by area code (above)
        regions = [r for r in regions if r != "001"]  # "001": non-geographic services
        if not regions:
            continue
        table[str(code)] = (regions[0], "", "", "")
        for r in regions[1:]:
            md = PhoneMetadata.metadata_for_region(r)
            lead = md.leading_digits if md is not None else None
            if lead and re.fullmatch(r"\d+(?:\|\d+)*", lead):
                for d in lead.split("|"):
                    table[f"{code}{d}"] = (r, "", "", "")
    for k in sorted(GEOCODE_DATA, key=lambda k: (len(k), k)):
        if k.startswith("1"):
            continue
        desc = GEOCODE_DATA[k].get("en", "")
        parent = next((table[k[:i]] for i in range(len(k) - 1, 0, -1) if k[:i] in table), None)
        if parent is None or not desc:
            continue
        cc = parent[0]
        hit = area_of(desc, cc, areas)
        if hit is not None and hit != parent[1:3]:
            table[k] = (cc, *hit, desc)
    return [[k, *v] for k, v in table.items()]


def _write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--admin1", type=Path, default=GAZ_DIR / "admin1.csv")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    try:
        import phonenumbers
    except ImportError:
        print("needs PyPI phonenumbers (pip install phonenumbers==9.0.43), at development time only",
              file=sys.stderr)
        return 2
    areas = load_areas(a.admin1)
    rows = nanp_rows(areas) + international_rows(areas)
    rows.sort(key=lambda r: (r[0]))
    write_csv(a.out.name, HEADER, rows) if a.out.parent == GAZ_DIR else _write(a.out, rows)
    n_area = sum(1 for r in rows if r[2])
    print(f"wrote {a.out} ({len(rows)} prefixes, {n_area} with a first-level area; "
          f"phonenumbers {phonenumbers.__version__})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
