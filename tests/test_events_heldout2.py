"""Second held-out set (tests/data/events/heldout2.jsonl): six reports written before the
generalisation round.

Why: the first held-out set was looked at while the rules were broadened, so it is a development
set now; these six (every event type, movements with and without counts, each relative-date form)
were scored once, untouched, and never used to tune. The floors are the figures measured then
(events R 0.71, P 0.67), raised to the end-of-round figures.
"""

from __future__ import annotations

import json
from pathlib import Path

from test_events_samples import _parsed

import geokit
from geokit.evaluate.events import score

DATA = Path(__file__).parent / "data" / "events"


def _load():
    reports = [
        json.loads(line)
        for line in (DATA / "heldout2.jsonl").read_text(encoding="utf-8").splitlines()
        if line
    ]
    gold = json.loads((DATA / "heldout2_expected.json").read_text(encoding="utf-8"))
    return reports, gold


def test_heldout2_covers_every_event_type():
    reports, gold = _load()
    types = {t for e in gold["events"] for t in e["type"]}
    assert types >= {"defection", "border_crossing", "camp_placement", "air_incident", "military_deployment",
                     "military_operation", "meeting", "protest", "visit"}
    assert {d for e in gold["events"] for d in e["reported_by"]} == {r["id"] for r in reports}


def test_heldout2_figures_do_not_regress():
    reports, gold = _load()
    result = score(geokit.extract([_parsed(r) for r in reports]), gold)
    # 0.78 before issue 15. Two optional/plan items now read differently on purpose: XG2 "is due to tour the
    # camp tomorrow" is a plan (the events guide excludes plans; "due to" is a hedge now), and XA2 "fled Arsal
    # for Baalbek" (both in Lebanon, no border) is a displacement at Arsal, a type the gold predates.
    assert result["events"]["recall_all"] >= 0.71, result["events"]["missed"]
    assert result["events"]["precision"] >= 0.72, result["events"]["unmatched"]
    assert result["movements"]["recall_all"] >= 0.6, result["movements"]["missed"]
