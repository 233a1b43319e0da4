"""``geokit resolve NAME``: ranked candidates for a place name."""

from __future__ import annotations

import json

from geokit.errors import UsageError


def register(sub) -> None:
    p = sub.add_parser("resolve", help="resolve a place name to ranked gazetteer candidates")
    p.add_argument("name", nargs="+", help="the place name (several words are joined)")
    p.add_argument("--country", help="ISO 3166 alpha-2 code(s), comma-separated, to restrict to")
    p.add_argument("--near", help="LAT,LON to prefer candidates near a point")
    p.add_argument("--kind", action="append", dest="kinds", help="restrict to a kind (camp, crossing, city, ...)")
    p.add_argument("--limit", type=int, default=5)
    p.add_argument("--json", action="store_true", help="one JSON array of candidates")
    p.set_defaults(func=_run)


def _run(args) -> int:
    import geokit

    near = None
    if args.near:
        try:
            lat, lon = (float(x) for x in args.near.split(","))
        except ValueError as exc:
            raise UsageError(f"--near must be LAT,LON, got {args.near!r}") from exc
        near = (lat, lon)
    country = args.country.split(",") if args.country else None
    cands = geokit.resolve(" ".join(args.name), country=country, near=near, kinds=args.kinds, limit=args.limit)
    if args.json:
        print(json.dumps([c.to_dict() for c in cands], ensure_ascii=False, indent=1))
        return 0 if cands else 1
    if not cands:
        print(f"no match for {' '.join(args.name)!r}")
        return 1
    print(f"{'score':>6s}  {'match':15s} {'geonameid':>10s}  {'name':28s} {'kind':9s} {'cc':3s} {'admin1':18s} "
          f"{'lat':>9s} {'lon':>9s}")
    for c in cands:
        gid = str(c.geonameid) if c.geonameid else c.id
        print(f"{c.score:6.3f}  {c.match:15s} {gid:>10s}  {c.name[:28]:28s} {c.kind:9s} {c.country_code:3s} "
              f"{(c.admin1 or '')[:18]:18s} {c.lat:9.4f} {c.lon:9.4f}")
    return 0
