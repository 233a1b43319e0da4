"""Our own sample reports (tests/data/events): every event type and relative-date form,
scored against expected.json.

Toponym spans come from each report's ``places`` list and are resolved by ``geokit.parse`` (the
gazetteer), so these tests measure event reading and linking, not name recognition.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import geokit
from geokit.evaluate.events import score

DATA = Path(__file__).parent / "data" / "events"


def _reports() -> list[dict]:
    return [
        json.loads(line) for line in (DATA / "reports.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]


def _parsed(report: dict):
    found = {
        (m.start(), m.end())
        for p in report["places"]
        for m in re.finditer(rf"\b{re.escape(p)}\b", report["text"])
    }
    spans = sorted(s for s in found if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in found))
    d = geokit.parse(report["text"], published=report.get("published"), spans=spans)
    d.id = report["id"]
    return d


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((DATA / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extraction():
    return geokit.extract([_parsed(r) for r in _reports()])


def test_samples_cover_every_event_type_and_date_form(expected):
    types = {t for e in expected["events"] for t in e["type"]}
    assert types >= {"defection", "border_crossing", "camp_placement", "air_incident", "military_deployment",
                     "military_operation", "meeting", "protest", "visit"}
    forms = " ".join(f for fs in expected["forms"].values() for f in fs)
    for form in (
        "on Monday", "yesterday", "overnight", "since Wednesday", "last week", "weekend", "tomorrow",
        "a few days earlier", "same day", "8.3.2012", "March 2011", "last year", "without a published date",
    ):
        assert form in forms, form
    assert {r["id"] for r in _reports()} == set(expected["forms"])


def test_every_required_event_and_movement_is_found(extraction, expected):
    result = score(extraction, expected)
    ev, mv = result["events"], result["movements"]
    missed = {k: v for k, v in ev["missed"].items()
              if next(e for e in expected["events"] if e["id"] == k).get("required", True)}
    assert not missed, missed
    assert mv["recall_required"] == 1.0, mv["missed"]
    assert ev["precision"] >= 0.8, ev["unmatched"]


def test_two_reports_of_one_crossing_are_linked_with_both_figures(extraction, expected):
    (link,) = expected["linked"]
    gold = next(e for e in expected["events"] if e["id"] == link["event"])
    merged = [e for e in extraction.events if {s.doc for s in e.sources} >= set(gold["reported_by"])]
    assert len(merged) == 1
    figures = {s.doc: s.counts.get("soldiers") for s in merged[0].sources if "soldiers" in s.counts}
    assert figures == link["figures"]
    assert any(lk.doc == "r2-kilis-wire" and "close" in lk.why for lk in merged[0].links)


def test_stock_is_a_fact(extraction, expected):
    (gold,) = expected["facts"]
    facts = [f for f in extraction.facts if f.sources[0].doc == gold["reported_by"][0]]
    assert any(f.place.name == gold["place"] and gold["value"] in f.counts.values() and f.date == gold["date"]
               for f in facts)
    assert not any(gold["value"] in e.counts.values() for e in extraction.events)


def test_report_without_published_date_says_so(extraction):
    (e,) = [e for e in extraction.events if e.sources[0].doc == "r8-undated"]
    assert e.date is None and e.date_precision == "unknown" and "published" in e.notes
    assert any(w.startswith("r8-undated") and "no published date" in w for w in extraction.warnings)


def test_sample_texts_are_ours_not_the_seeds():
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"
    if not seeds.exists():
        pytest.skip("../shared/corpus/seeds not present (CI has it; a fresh clone does not)")
    seed_text = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in seeds.glob("*.txt"))
    for r in _reports():
        words = r["text"].split()
        for i in range(len(words) - 7):
            run = " ".join(words[i:i + 8])
            assert run not in seed_text, (r["id"], run)
