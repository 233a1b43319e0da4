"""Events and movements on 30 world-news reports written for the project (issue 15, round 7).

Why: geokit is also judged on GeoWebNews-like world news (wire copy, broadcasters' stories, regional
papers, live blogs) that is not in ../shared. ``tests/data/events_written/world_news.json`` holds 30 such
reports written by a geokit developer session and annotated per the shared guide before the extractor ran
on them. The reports run through the library (``geokit.extract``) and are scored with the shared scorer's
own matching (``../shared/tools/check_events.py``, ``score``). Tuning used the even ids only; the floors
below were set once, a little under the figures measured at the end of the round, for each half (the odd
half is held out). Run as a script to print both halves: ``python tests/test_events_written_world.py``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

import geokit

HERE = Path(__file__).resolve().parent
GOLD = HERE / "data" / "events_written" / "world_news.json"

# (events recall, events precision, movements recall, movements precision) per half
# measured at the end of round 7 on branch web8: even .92 .84 .80 .60; odd (held out) .88 .71 .67 .38; on main
# after merging the four round-7 branches: even .92 .84 .80 .60, odd .85 (28/33) .73 .67 .33
FLOORS = {
    "even": (0.88, 0.80, 0.70, 0.55),
    "odd": (0.82, 0.68, 0.60, 0.30),
}


def _scorer():
    for path in (os.environ.get("CHECK_EVENTS"), HERE.parent.parent / "shared" / "tools" / "check_events.py"):
        if path and Path(path).is_file():
            spec = importlib.util.spec_from_file_location("check_events", path)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            return mod
    return None


def _half(gold: dict, parity: str) -> dict:
    """The even- or odd-id half, as tests/tools/split_gold.py writes it."""
    want = 0 if parity == "even" else 1
    docs = [d for d in gold["documents"] if int(d["id"]) % 2 == want]
    keep = {f"{d['corpus']}:{d['id']}" for d in docs}
    out = dict(gold, documents=docs)
    for key in ("events", "movements"):
        out[key] = [dict(i, reported_by=[r for r in i["reported_by"] if r in keep])
                    for i in gold[key] if any(r in keep for r in i["reported_by"])]
    return out


def measure(parity: str) -> tuple[float, float, float, float]:
    mod = _scorer()
    if mod is None:
        pytest.skip("the shared scorer check_events.py is not beside the repository (set CHECK_EVENTS)")
    gold = _half(json.loads(GOLD.read_text(encoding="utf-8")), parity)
    docs = [{"id": f"{d['corpus']}:{d['id']}", "text": d["text"], "published": d["published"]}
            for d in gold["documents"]]
    rows = [r.to_dict() for r in geokit.extract(docs).records()]
    s = mod.score(gold, rows)
    er = s["ev_found"] / s["n_ev"] if s["n_ev"] else 1.0
    ep = s["ev_right"] / s["n_pred_e"] if s["n_pred_e"] else 0.0
    mr = s["mv_found"] / s["n_mv"] if s["n_mv"] else 1.0
    mp = s["mv_right"] / s["n_pred_m"] if s["n_pred_m"] else 0.0
    return er, ep, mr, mp


def test_the_written_set_is_well_formed():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert len(gold["documents"]) == 30
    for d in gold["documents"]:
        assert " ".join(d["text"].split()[:8]) == d["first_words"], d["id"]
    texts = {f"Written:{d['id']}": d["text"] for d in gold["documents"]}
    for item in gold["events"] + gold["movements"]:
        assert len(item["evidence"].split()) <= 12, item["id"]
        assert any(item["evidence"] in texts[r] for r in item["reported_by"]), item["id"]
    used = {n for e in gold["events"] for n in (e["location"] or [])}
    used |= {n for m in gold["movements"] for n in (m["origin"] or []) + (m["destination"] or [])}
    assert used <= set(gold["places"])


@pytest.mark.parametrize("parity", ["even", "odd"])
def test_world_news_events_reach_their_floors(parity):
    got = measure(parity)
    names = ("events recall", "events precision", "movements recall", "movements precision")
    low = [f"{n} {g:.2f} < {f:.2f}" for n, g, f in zip(names, got, FLOORS[parity], strict=True) if g < f]
    assert not low, f"{parity} half: " + "; ".join(low)


if __name__ == "__main__":
    for half in ("even", "odd"):
        print(half, " ".join(f"{v:.2f}" for v in measure(half)))
    sys.exit(0)
