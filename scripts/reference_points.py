"""Count the "far" answers of a gold-span run that are the right area graded at another point.

Reads the JSON Lines written by ``geokit eval CORPUS.xml --resolution-only --errors FILE.jsonl`` and
checks, for each answer that is a country, whether the gold point lies inside that country's outline
(Natural Earth, ``geokit/data/basemap/countries.geojson``), and for first-level areas and regions, inside
their bounding box (``Candidate.bbox`` from the store). Such an answer names the right area; the corpus
grades it against another reference point (GeoVirus: Wikipedia's).

    python scripts/reference_points.py errors.jsonl [more.jsonl ...]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from shapely import prepared
from shapely.geometry import Point, shape

import geokit

BASEMAP = Path(__file__).resolve().parents[1] / "geokit" / "data" / "basemap" / "countries.geojson"


def main(paths: list[str]) -> int:
    feats = json.loads(BASEMAP.read_text(encoding="utf-8"))["features"]
    outline = {f["properties"]["cc"]: prepared.prep(shape(f["geometry"])) for f in feats}
    for path in paths:
        rows = [json.loads(line) for line in open(path, encoding="utf-8")]
        far = [r for r in rows if r["type"] == "far"]
        inside: Counter = Counter()
        for r in far:
            hits = geokit.resolve(r["pred_name"], limit=10) if r.get("pred_name") else []
            p = next((h for h in hits
                      if abs(h.lat - r["pred_lat"]) < 1e-3 and abs(h.lon - r["pred_lon"]) < 1e-3), None)
            kind = p.kind if p is not None else ""
            gold = Point(r["gold_lon"], r["gold_lat"])
            ok = False
            if kind == "country" and p.country_code in outline:
                ok = outline[p.country_code].contains(gold)
            elif kind in ("admin1", "region", "continent", "admin2") and p.bbox:
                s, w, n, e = p.bbox
                ok = s <= r["gold_lat"] <= n and w <= r["gold_lon"] <= e
            if ok:
                inside[(kind, r["pred_name"])] += 1
        n = sum(inside.values())
        print(f"{path}: {len(far)} far answers; {n} name an area that holds the gold point "
              f"({', '.join(f'{k[1]} {v}' for k, v in inside.most_common(12))}, ...)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
