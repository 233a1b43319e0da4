"""Make the US county and state lines of geokit's basemap from npm ``us-atlas`` (U.S. Census Bureau shapes).

Why: the gazetteer knows US counties (``us_counties.csv``, kind ``admin2``) and places records in them; a map
of a US story should show those districts as the Turkey-Syria maps show provinces. The basemap's admin-1
layer covers only the focus countries, so the US state lines come from here too.

Source: ``counties-10m.json`` of npm ``us-atlas@3.0.1`` (ISC; data: U.S. Census Bureau cartographic
boundary files, public domain), TopoJSON whose arcs are shared by neighbouring counties: each arc is one
stretch of boundary, written once. An arc used by a state's outline is a state line (``1``), any other a
county line (``0``).

Output ``geokit/data/basemap/us_lines.json.gz`` (gzip without a timestamp: same input, same bytes):
``{"source", "scale", "items": [[bbox, level, flat]]}`` where ``flat`` is the arc as integers
``[x0, y0, dx1, dy1, ...]`` in units of ``scale`` degrees (0.001, about 100 m; the source's own grid is
coarser), first point absolute, the rest as steps (a third of the size of decimals).

Usage::

    npm pack us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz
    python gazetteer/tools/basemap_counties.py --us-atlas package --out geokit/data/basemap
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from topo import decode_arcs  # noqa: E402

SCALE = 0.001


def _arc_ids(arcs, out: set[int]) -> None:
    if isinstance(arcs, int):
        out.add(arcs if arcs >= 0 else ~arcs)
        return
    for a in arcs:
        _arc_ids(a, out)


def lines(topo: dict) -> list[list]:
    """Items ``[bbox, level, flat]`` for every county arc (level 1 where it is also a state line)."""
    arcs = decode_arcs(topo)
    county: set[int] = set()
    state: set[int] = set()
    for g in topo["objects"]["counties"]["geometries"]:
        _arc_ids(g.get("arcs", []), county)
    for g in topo["objects"]["states"]["geometries"]:
        _arc_ids(g.get("arcs", []), state)
    out = []
    for i in sorted(county | state):
        pts: list[tuple[int, int]] = []
        for x, y in arcs[i]:
            q = (round(x / SCALE), round(y / SCALE))
            if not pts or pts[-1] != q:
                pts.append(q)
        if len(pts) < 2:
            continue
        flat = [pts[0][0], pts[0][1]]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
            flat += [x1 - x0, y1 - y0]
        xs = [p[0] * SCALE for p in pts]
        ys = [p[1] * SCALE for p in pts]
        bbox = [round(min(xs), 3), round(min(ys), 3), round(max(xs), 3), round(max(ys), 3)]
        out.append([bbox, 1 if i in state else 0, flat])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--us-atlas", type=Path, required=True, help="the unpacked us-atlas package folder")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[2] / "geokit/data/basemap")
    args = ap.parse_args(argv)
    topo = json.loads((args.us_atlas / "counties-10m.json").read_text(encoding="utf-8"))
    items = lines(topo)
    doc = {"source": "U.S. Census Bureau cartographic boundaries via npm us-atlas 3.0.1 (counties-10m.json)",
           "scale": SCALE, "items": items}
    path = args.out / "us_lines.json.gz"
    path.write_bytes(gzip.compress(json.dumps(doc, separators=(",", ":")).encode("utf-8"), 9, mtime=0))
    n_state = sum(1 for i in items if i[1])
    print(f"{path}: {len(items)} lines ({n_state} state), {path.stat().st_size / 1e3:.0f} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
