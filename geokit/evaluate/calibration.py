"""Calibration of resolution scores: of the answers scored s or more, how many are right?

Run with gold spans (``parse(text, spans=...)``) so recognition errors do not blur the picture.
An answer is right when it has the gold GeoNames id or lies within ``within_km`` of the gold point, or, for
an area (country, first-level area, region), when the gold point lies inside it: corpora grade a country at
different reference points (GeoVirus at Wikipedia's), and the right country is right wherever it is pinned.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from geokit.gazetteer.geo import haversine_km


@dataclass(slots=True)
class Calibration:
    bins: dict[float, list[int]] = field(default_factory=dict)  # lower edge -> [answers, right]

    def add(self, score: float, right: bool) -> None:
        edge = min(int(score * 10), 9) / 10
        b = self.bins.setdefault(edge, [0, 0])
        b[0] += 1
        b[1] += int(right)

    def share_right(self, at_least: float = 0.9) -> tuple[int, float]:
        n = sum(v[0] for k, v in self.bins.items() if k >= at_least - 1e-9)
        ok = sum(v[1] for k, v in self.bins.items() if k >= at_least - 1e-9)
        return n, (ok / n if n else 0.0)

    def format(self) -> str:
        lines = ["score bin   answers  right"]
        for k in sorted(self.bins):
            n, ok = self.bins[k]
            lines.append(f"{k:.1f}-{k + 0.1:.1f}   {n:7d}  {ok / n:6.1%}")
        n, share = self.share_right(0.9)
        lines.append(f"scored >= 0.9: {n} answers, {share:.1%} right")
        return "\n".join(lines)



def right_answer(place, gold_ids, lat: float, lon: float, within_km: float, *,
                 areas_hold: bool = True) -> bool:
    """The same GeoNames id, within ``within_km``, or (``areas_hold``) an area answer that holds the gold
    point."""
    if place.geonameid is not None and place.geonameid in gold_ids:
        return True
    if haversine_km(place.lat, place.lon, lat, lon) <= within_km:
        return True
    return areas_hold and holds_point(place, lat, lon)


def holds_point(place, lat: float, lon: float) -> bool:
    """An area answer (country by its outline, else by its box) that holds the point."""
    from geokit.parsing.calibration import AREA_KINDS

    kind = getattr(place, "kind", "")
    if kind not in AREA_KINDS:
        return False
    if kind == "country":
        shape = _country_shapes().get(getattr(place, "country_code", ""))
        if shape is not None:
            from shapely.geometry import Point

            return shape.contains(Point(lon, lat))
    box = getattr(place, "bbox", None)
    if box is None:
        return False
    s, w, n, e = box
    return s <= lat <= n and (w <= lon <= e if w <= e else (lon >= w or lon <= e))


@lru_cache(maxsize=1)
def _country_shapes() -> dict:
    """ISO2 -> the Natural Earth outline the maps draw (shapely), for 'the gold point is inside it'."""
    from shapely.geometry import shape
    from shapely.prepared import prep

    from geokit.parsing.calibration import country_features

    out = {}
    for f in country_features():
        cc = (f.get("properties") or {}).get("cc")
        try:
            if cc and f.get("geometry"):
                out[cc] = prep(shape(f["geometry"]))
        except (ValueError, TypeError, AttributeError):
            continue
    return out

def graded(articles, *, parse=None, within_km: float = 161.0, areas_hold: bool = True):
    """(toponym, right) for every resolved gold span of the articles, parsed with the gold spans given."""
    if parse is None:
        from geokit.parsing.parser import parse
    for art in articles:
        try:
            doc = parse(art.text, spans=[(g.start, g.end) for g in art.gold])
        except Exception:  # an article that fails is left out, as in evaluate()
            continue
        pred = {(t.start, t.end): t for t in doc.toponyms}
        for g in art.gold:
            t = pred.get((g.start, g.end))
            if t is None or t.place is None or g.lat is None:
                continue
            yield t, right_answer(t.place, {g.geonameid}, g.lat, g.lon, within_km, areas_hold=areas_hold)


def calibrate(articles, *, parse=None, within_km: float = 161.0, areas_hold: bool = True) -> Calibration:
    """Bin every resolved gold span by its score and count the right answers."""
    cal = Calibration()
    for t, right in graded(articles, parse=parse, within_km=within_km, areas_hold=areas_hold):
        cal.add(t.score, right)
    return cal


# ------------------------------------------------------------------ fitting the final calibration step

FIT_EDGES = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001)
MIN_BIN = 8  # a bin with fewer answers is merged into its neighbour


def samples(articles, *, parse=None, within_km: float = 161.0) -> list[tuple[float, str, float, bool]]:
    """(raw score, place kind, extent km, right) for every resolved gold span, scores taken before
    calibration."""
    from geokit.parsing.calibration import extent_km, raw_scores

    with raw_scores():
        out = [(t.score, t.place.kind, extent_km(t.place), right)
               for t, right in graded(articles, parse=parse, within_km=within_km)]
    return out


def seed_samples(seeds_dir, *, parse=None, within_km: float = 10.0) -> list[tuple[float, str, float, bool]]:
    """The same for the seed reports' required toponyms (``toponyms.json``): right = a gold id or 10 km."""
    import json
    from pathlib import Path

    from geokit.parsing.calibration import extent_km, raw_scores

    if parse is None:
        from geokit.parsing.parser import parse
    gold = json.loads((Path(seeds_dir) / "toponyms.json").read_text(encoding="utf-8"))
    out = []
    with raw_scores():
        for d in gold["documents"]:
            text = (Path(seeds_dir) / d["file"]).read_text(encoding="utf-8")
            req = [x for x in d["toponyms"] if x.get("required")]
            doc = parse(text, spans=[(x["start"], x["end"]) for x in req])
            pred = {(t.start, t.end): t for t in doc.toponyms}
            for x in req:
                t = pred.get((x["start"], x["end"]))
                if t is None or t.place is None:
                    continue
                right = right_answer(t.place, set(x.get("geonameids") or []), x["lat"], x["lon"], within_km)
                out.append((t.score, t.place.kind, extent_km(t.place), right))
    return out


def _share(b: list[float]) -> float:
    """Share right of a (pooled) bin [sum raw, answers, right, bins pooled], smoothed (right + 1) /
    (answers + 2) per original bin so that a small perfect bin never claims certainty."""
    return (b[2] + b[3]) / (b[1] + 2 * b[3])


def _pav(bins: list[list[float]]) -> list[list[float]]:
    """Pool adjacent violators: bins in raw-score order -> a non-decreasing smoothed share right."""
    out: list[list[float]] = []
    for b in bins:
        out.append(list(b))
        while len(out) > 1 and _share(out[-2]) > _share(out[-1]):
            last = out.pop()
            out[-1] = [out[-1][i] + last[i] for i in range(4)]
    return out


def fit_table(data: list[tuple[float, str, float, bool]], edges=FIT_EDGES, min_bin: int = MIN_BIN) -> dict:
    """class -> {"raw": knots, "p": probabilities, "n": answers per knot}: an isotonic fit of right on
    raw score, one knot per (merged) score bin at its mean raw score; shares smoothed (see ``_share``)."""
    from geokit.parsing.calibration import place_class

    table = {}
    for cls in sorted({place_class(k, x) for _, k, x, _ in data}):
        rows = [(s, r) for s, k, x, r in data if place_class(k, x) == cls]
        bins = []
        for lo, hi in zip(edges, edges[1:], strict=False):
            b = [(s, r) for s, r in rows if lo <= s < hi]
            if b:
                bins.append([sum(s for s, _ in b), len(b), sum(r for _, r in b)])
        merged: list[list[float]] = []
        for b in bins:  # a small bin joins the next one up; a small top bin joins the one below
            if merged and merged[-1][1] < min_bin:
                merged[-1] = [merged[-1][i] + b[i] for i in range(3)]
            else:
                merged.append(b)
        if len(merged) > 1 and merged[-1][1] < min_bin:
            last = merged.pop()
            merged[-1] = [merged[-1][i] + last[i] for i in range(3)]
        pooled = _pav([[*b, 1] for b in merged])
        table[cls] = {"raw": [round(b[0] / b[1], 4) for b in pooled],
                      "p": [round(_share(b), 4) for b in pooled],
                      "n": [int(b[1]) for b in pooled]}
    return table


def write_table(table: dict, record: dict, path) -> None:
    """The table as TOML with its fit record (what it was fitted on, when, how)."""
    from pathlib import Path

    lines = ["# Final calibration of toponym scores (geokit.parsing.calibration); written by",
             "# `python -m geokit.evaluate.calibration --write`. Do not edit by hand: refit.", "", "[fit]"]
    for k, v in record.items():
        lines.append(f"{k} = {json_value(v)}")
    for cls, t in table.items():
        lines += ["", f"[class.{cls}]"] + [f"{k} = {json_value(v)}" for k, v in t.items()]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def json_value(v) -> str:
    import json

    return json.dumps(v, ensure_ascii=False)


def main(argv=None) -> int:
    """Fit the table on the development data (even articles of the benchmarks and the seed reports)."""
    import argparse
    import datetime as dt
    from pathlib import Path

    from geokit.evaluate.corpus import load_corpus, select_half
    from geokit.parsing.calibration import LARGE_KM, TABLE_PATH, load_table

    ap = argparse.ArgumentParser(prog="python -m geokit.evaluate.calibration", description=main.__doc__)
    shared = Path(__file__).resolve().parents[2].parent / "shared"
    ap.add_argument("--shared", type=Path, default=shared, help="the ../shared folder (benchmarks, seeds)")
    ap.add_argument("--half", default="even", help="which half of each benchmark to fit on (default even)")
    ap.add_argument("--write", action="store_true", help=f"write {TABLE_PATH.name} (else only print)")
    args = ap.parse_args(argv)
    data, counts = [], {}
    for name in ("TR-News", "GeoVirus"):
        arts = select_half(load_corpus(args.shared / "benchmarks" / f"{name}.xml"), args.half)
        s = samples(arts)
        counts[f"{name} ({args.half} articles)"] = len(s)
        data += s
    s = seed_samples(args.shared / "corpus" / "seeds")
    counts["seed reports (required toponyms)"] = len(s)
    data += s
    table = fit_table(data)
    record = {"fitted_on": "; ".join(f"{k}: {v} answers" for k, v in counts.items()),
              "right": "same GeoNames id, within 161 km (seed reports: 10 km), or an area that holds "
                       "the gold point",
              "method": "isotonic (pool adjacent violators) per class over score bins "
                        f"{list(FIT_EDGES[1:-1])}, bins under {MIN_BIN} answers merged, "
                        "shares (right+1)/(n+2)",
              "classes": "area (country, first-level area, region), large_area (the same, box corner to "
                         f"corner >= {LARGE_KM:.0f} km), place (city, town, county, camp...), village",
              "date": dt.date.today().isoformat()}
    for cls, t in table.items():
        print(cls, list(zip(t["raw"], t["p"], t["n"], strict=False)))
    if args.write:
        write_table(table, record, TABLE_PATH)
        load_table.cache_clear()
        print(f"wrote {TABLE_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
