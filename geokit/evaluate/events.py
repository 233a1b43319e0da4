"""Scoring extracted events, movements and links against a gold file shaped like the seeds' ``events.json``.

Why: recall and precision of events, movements and cross-report links are the figures that
say whether extraction and linking work, and the lead's BENCHMARKS generation needs them
from one call: ``evaluate_seeds()`` (or ``score(extraction, gold)`` for any gold file).

Matching rules (stated once, used for every figure):

- An event matches a gold event when one of its sources is a report the gold lists, its
  type is one the gold accepts, its date is within a day of the gold date (for a week or
  month date: the gold day falls inside its window, a day either side), its place is one
  of the gold's acceptable places (same GeoNames id, or within ``PLACE_KM`` of the gold
  point) — or both are null —, and one of the gold figures appears among its figures
  (any source, any label: reports label the same group differently).
- A movement matches when its path origin -> via -> destination visits the gold origin
  and later the gold destination, with the same date and figure rules.
- Recall counts gold items matched one-to-one; precision counts extracted items that
  match some gold item (duplicates of a matched item are a linking problem, measured by
  the link figures). A gold date of null accepts any date.
- Links: every pair of reports that tell one gold event is a gold pair; a predicted pair
  is two reports among the sources of one extracted event; it is right when that event
  matches a gold event told by both.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import time
from pathlib import Path
from typing import Any

from geokit.events.linking import record_window
from geokit.gazetteer.geo import haversine_km
from geokit.model import PlaceRef, Record

PLACE_KM = 10.0


def _stem(doc: str) -> str:
    return Path(str(doc)).stem


def _docs(r: Record) -> set[str]:
    return {_stem(s.doc) for s in r.sources}


def _place_ok(p: PlaceRef | None, names, places: dict) -> bool:
    if names is None:  # the report names no place: none, or a coarse report-level fallback (issue 15)
        return p is None or p.geo_precision >= 2
    if p is None:
        return False
    for name in ([names] if isinstance(names, str) else names):
        g = places.get(name)
        if g is None:
            continue
        if p.geonameid is not None and p.geonameid in g.get("geonameids", []):
            return True
        if p.lat is not None and p.lon is not None and g.get("lat") is not None and \
                haversine_km(p.lat, p.lon, g["lat"], g["lon"]) <= PLACE_KM:
            return True
    return False


def _date_ok(r: Record, gold_date: str | None) -> bool:
    if gold_date is None:
        return True
    if not r.date:
        return False
    g = dt.date.fromisoformat(gold_date)
    lo, hi = record_window(r)
    return lo - dt.timedelta(days=1) <= g <= hi + dt.timedelta(days=1)


def _figures(r: Record) -> set[int]:
    out = {v for v in r.counts.values() if isinstance(v, int)}
    for s in r.sources:
        out |= {v for v in s.counts.values() if isinstance(v, int)}
    return out


def _counts_ok(r: Record, gold_counts) -> bool:
    values = [v for vs in (gold_counts.values() if isinstance(gold_counts, dict) else [gold_counts])
              for v in vs]
    return not values or bool(_figures(r) & set(values))


def event_failures(r: Record, g: dict, places: dict) -> list[str]:
    """Why an extracted event does not match a gold event (empty when it matches)."""
    why = []
    if not (_docs(r) & {_stem(d) for d in g.get("reported_by", [])}):
        why.append("report")
    if not ({r.type, *(getattr(r, "types", None) or ())} & set(g["type"])):  # any fair reading (issue 15)
        why.append("type")
    if not _date_ok(r, g.get("date")):
        why.append("date")
    if not _place_ok(r.place, g.get("location"), places):
        why.append("place")
    if not _counts_ok(r, g.get("counts") or {}):
        why.append("count")
    return why


def movement_failures(r: Record, g: dict, places: dict, reported_by: list[str]) -> list[str]:
    """Why an extracted movement does not match a gold movement (empty when it matches)."""
    why = []
    if not (_docs(r) & {_stem(d) for d in reported_by}):
        why.append("report")
    path = [r.origin, *r.via, r.destination]
    oi = [i for i, p in enumerate(path) if _place_ok(p, g.get("origin"), places)]
    di = [i for i, p in enumerate(path) if _place_ok(p, g.get("destination"), places)]
    if not oi:
        why.append("origin")
    if not di:
        why.append("destination")
    if oi and di and not any(i < j for i in oi for j in di):
        why.append("order")
    if not _date_ok(r, g.get("date")):
        why.append("date")
    if not _counts_ok(r, g.get("counts") or []):
        why.append("count")
    return why


def _match(preds: list[Record], golds: list[dict], fail, *, reuse: bool = False):
    """Matches of gold items (required first), near misses, and predictions matching any gold.

    Each gold item takes the unused matching prediction that matches the fewest gold items
    (the most specific one); with ``reuse`` a prediction may serve several gold items (a
    movement chain Syria -> Reyhanli -> camp covers two gold legs).
    """
    matched: dict[str, Record] = {}
    misses: dict[str, list[str]] = {}
    used: set[int] = set()
    fits = {i: {g["id"] for g in golds if not fail(p, g)} for i, p in enumerate(preds)}
    good = {i for i, ids in fits.items() if ids}
    for g in sorted(golds, key=lambda g: not g.get("required", True)):
        ok = [i for i in fits if g["id"] in fits[i] and (reuse or i not in used)]
        if ok:
            best = min(ok, key=lambda i: len(fits[i]))
            used.add(best)
            matched[g["id"]] = preds[best]
            continue
        near = [fail(p, g) for p in preds]
        near = [w for w in near if "report" not in w]
        misses[g["id"]] = min(near, key=len) if near else ["no candidate from its reports"]
    return matched, misses, good


def _pr(matched: dict, golds: list[dict], good: set[int], n_pred: int) -> dict[str, Any]:
    req = [g for g in golds if g.get("required", True)]
    return {
        "gold": len(golds), "gold_required": len(req), "predicted": n_pred,
        "recall_required": round(sum(g["id"] in matched for g in req) / len(req), 3) if req else None,
        "recall_all": round(len(matched) / len(golds), 3) if golds else None,
        "precision": round(len(good) / n_pred, 3) if n_pred else None,
    }


def score(extraction, gold: dict) -> dict[str, Any]:
    """Recall/precision of events, movements and links of an ``Extraction`` (or record list) against gold."""
    records = extraction.records() if hasattr(extraction, "records") else list(extraction)
    events = [r for r in records if r.kind == "event"]
    movements = [r for r in records if r.kind == "movement"]
    places = gold.get("places", {})
    gold_events = gold.get("events", [])
    by_id = {g["id"]: g for g in gold_events}

    ev_matched, ev_miss, ev_good = _match(events, gold_events, lambda p, g: event_failures(p, g, places))
    gold_moves = gold.get("movements", [])

    def mfail(p, g):
        return movement_failures(p, g, places, by_id.get(g.get("event"), {}).get("reported_by", []))

    mv_matched, mv_miss, mv_good = _match(movements, gold_moves, mfail, reuse=True)

    gold_pairs = {(g["id"], *sorted(pair)) for g in gold_events
                  for pair in itertools.combinations({_stem(d) for d in g.get("reported_by", [])}, 2)}
    found_pairs = set()
    pred_pairs = correct_pairs = 0
    for r in events:
        docs = sorted(_docs(r))
        ok_golds = [g for g in gold_events if not event_failures(r, g, places)]
        for a, b in itertools.combinations(docs, 2):
            pred_pairs += 1
            hit = [g for g in ok_golds if {a, b} <= {_stem(d) for d in g.get("reported_by", [])}]
            if hit:
                correct_pairs += 1
                found_pairs |= {(g["id"], a, b) for g in hit}
    links = {
        "gold_pairs": len(gold_pairs), "predicted_pairs": pred_pairs, "correct_pairs": correct_pairs,
        "recall": round(len(found_pairs & gold_pairs) / len(gold_pairs), 3) if gold_pairs else None,
        "precision": round(correct_pairs / pred_pairs, 3) if pred_pairs else None,
        "missed": sorted(f"{g}:{a}~{b}" for g, a, b in gold_pairs - found_pairs),
    }
    return {
        "events": {**_pr(ev_matched, gold_events, ev_good, len(events)), "matched": sorted(ev_matched),
                   "missed": ev_miss,
                   "unmatched": [events[i].id for i in range(len(events)) if i not in ev_good]},
        "movements": {**_pr(mv_matched, gold_moves, mv_good, len(movements)), "matched": sorted(mv_matched),
                      "missed": mv_miss,
                      "unmatched": [movements[i].id for i in range(len(movements)) if i not in mv_good]},
        "links": links,
    }


def default_seeds_dir() -> Path:
    """``../shared/corpus/seeds`` beside the checkout."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"


def evaluate_seeds(seeds_dir: str | Path | None = None) -> dict[str, Any]:
    """Extract + link over the seed reports (real parsing) and score against their ``events.json``.

    Raises FileNotFoundError when the seeds are not there. The result has the scores plus
    ``reports``, ``seconds`` (extraction + linking, parsing included) and per-kind counts.
    """
    from geokit.events.extract import extract

    seeds = Path(seeds_dir) if seeds_dir else default_seeds_dir()
    gold_path, meta_path = seeds / "events.json", seeds / "toponyms.json"
    if not gold_path.exists() or not meta_path.exists():
        raise FileNotFoundError(f"no seed gold in {seeds}")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    docs = [{"id": d["file"], "text": (seeds / d["file"]).read_text(encoding="utf-8"),
             "published": d["published"]}
            for d in meta["documents"]]
    t0 = time.perf_counter()
    ex = extract(docs)
    seconds = time.perf_counter() - t0
    result = score(ex, gold)
    result.update(reports=len(docs), seconds=round(seconds, 3),
                  extracted={"events": len(ex.events), "movements": len(ex.movements),
                             "facts": len(ex.facts)})
    return result


def evaluate_corpus(docs: list[dict], gold: dict) -> dict[str, Any]:
    """Extract + link over ``docs`` (dicts with id, text, published) and score against ``gold``.

    For any corpus with an events.json-shaped gold, e.g. the demo corpus
    (``geokit/demo/reports.jsonl`` with ``tests/data/own/events.json``).
    """
    from geokit.events.extract import extract

    t0 = time.perf_counter()
    ex = extract([{"id": d["id"], "text": d["text"], "published": d.get("published")} for d in docs])
    seconds = time.perf_counter() - t0
    result = score(ex, gold)
    result.update(reports=len(docs), seconds=round(seconds, 3),
                  extracted={"events": len(ex.events), "movements": len(ex.movements),
                             "facts": len(ex.facts)})
    return result


def markdown(result: dict[str, Any]) -> str:
    """A small Markdown table of a ``score``/``evaluate_seeds`` result (for BENCHMARKS.md)."""
    rows = ["| | gold (required) | extracted | recall (required) | recall (all) | precision |",
            "|---|---|---|---|---|---|"]
    for kind in ("events", "movements"):
        r = result[kind]
        rows.append(f"| {kind} | {r['gold']} ({r['gold_required']}) | {r['predicted']} | "
                    f"{r['recall_required']} | "
                    f"{r['recall_all']} | {r['precision']} |")
    lk = result["links"]
    rows.append(f"| links (report pairs) | {lk['gold_pairs']} | {lk['predicted_pairs']} | {lk['recall']} | | "
                f"{lk['precision']} |")
    return "\n".join(rows)
