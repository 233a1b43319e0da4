"""``geokit gazetteer build|info|add``: the offline store."""

from __future__ import annotations

import json
import sys
import time


def register(sub) -> None:
    p = sub.add_parser("gazetteer", help="build, inspect or deepen the offline gazetteer")
    gsub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    b = gsub.add_parser("build", help="build the store (only if stale, unless --force)")
    b.add_argument("--force", action="store_true", help="rebuild even when the store is up to date")
    b.set_defaults(func=_build)
    i = gsub.add_parser("info", help="counts by source and kind")
    i.add_argument("--json", action="store_true")
    i.set_defaults(func=_info)
    a = gsub.add_parser("add",
                        help="add GeoNames dumps (TR.txt format, admin1CodesASCII.txt) or folders of them")
    a.add_argument("paths", nargs="+", metavar="PATH")
    a.set_defaults(func=_add)


def _build(args) -> int:
    from geokit.commands import progress
    from geokit.gazetteer import store

    t0 = time.perf_counter()
    if progress.wanted():  # no bar to draw (one SQLite build), but a terminal should not look hung
        print("geokit gazetteer: building the store if it is stale (about a minute when it is)...",
              file=sys.stderr, flush=True)
    path = store.build(force=args.force)
    store.reset_cache()
    st = store.open_store(path)
    print(f"gazetteer: {st.meta['places']} places, {st.meta['names']} names in {path} "
          f"({time.perf_counter() - t0:.1f} s)")
    return 0


def _info(args) -> int:
    from geokit.gazetteer import store

    info = store.open_store().info()
    if args.json:
        print(json.dumps(info, indent=1, ensure_ascii=False))
        return 0
    m = info["meta"]
    print(f"store: {info['path']} ({info['size_mb']} MB), built {m.get('built')}, "
          f"{m['places']} places, {m['names']} names")
    regions = json.loads(m.get("regions") or "[]")
    if regions:
        print("added regions: " + ", ".join(regions))
    print(f"{'source':34s} {'kind':10s} {'places':>8s}")
    for row in info["counts"]:
        print(f"{row['source']:34s} {row['kind']:10s} {row['places']:8d}")
    skipped = [r for r in info["reports"] if r["skipped"]]
    for r in skipped:
        print(f"{r['source']}: {r['skipped']} malformed rows skipped, e.g. {r['problems'][:2]}")
    return 0


def _add(args) -> int:
    from geokit.commands import progress
    from geokit.gazetteer import store

    t0 = time.perf_counter()
    if progress.wanted():
        print("geokit gazetteer: reading the dumps and rebuilding the store (a minute or more)...",
              file=sys.stderr, flush=True)
    reports = store.add_regions(args.paths)
    for r in reports:
        line = f"{r.source}: {r.rows} rows"
        if r.skipped:
            line += f", {r.skipped} malformed lines skipped (e.g. {'; '.join(r.problems[:3])})"
        print(line)
    st = store.open_store()
    print(f"gazetteer rebuilt: {st.meta['places']} places ({time.perf_counter() - t0:.1f} s)")
    return 0
