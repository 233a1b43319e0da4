"""The demo corpus and its gold: loadable, self-consistent, and never copied from the seeds."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path

import pytest

from geokit import demo
from geokit.demo import demo_path, load_demo
from geokit.model import TOPONYM_KINDS

HERE = Path(__file__).resolve().parent
OWN = HERE / "data" / "own"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DUMPS = SHARED / "gazetteer" / "geonames"
needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"../shared not found at {SHARED}")

RUN = 8  # words in a row that a demo text may never share with a seed report


@pytest.fixture(scope="module")
def reports() -> list[dict]:
    return load_demo()


@pytest.fixture(scope="module")
def topo_gold() -> dict:
    return json.loads((OWN / "toponyms.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def event_gold() -> dict:
    return json.loads((OWN / "events.json").read_text(encoding="utf-8"))


# ------------------------------------------------------------------ the corpus


def test_corpus_loads_with_required_fields(reports):
    assert 8 <= len(reports) <= 10
    for r in reports:
        assert set(r) == {"id", "text", "published", "title"}
        assert all(isinstance(r[k], str) and r[k].strip() for k in r), r["id"]
        dt.date.fromisoformat(r["published"])
        assert r["text"].startswith(r["title"]), r["id"]
        words = len(r["text"].split())
        assert 150 <= words <= 450, (r["id"], words)
    ids = [r["id"] for r in reports]
    assert len(ids) == len(set(ids))


def test_corpus_is_package_data():
    path = demo_path()
    assert path.is_file()
    assert path.parent == Path(demo.__file__).parent
    assert (path.parent / "README.md").read_text(encoding="utf-8").count("not real articles") >= 1


def test_damaged_corpus_gives_clear_error(tmp_path, monkeypatch):
    bad = tmp_path / "reports.jsonl"
    good = json.dumps({"id": "a", "text": "t", "published": "2012-07-02", "title": "t"})
    cases = {
        "{not json": "line 1: not JSON",
        json.dumps({"id": "a", "text": "t", "published": "2012-07-02"}): "missing or empty ['title']",
        json.dumps({"id": "a", "text": "t", "published": "July 2", "title": "t"}): "not an ISO date",
        good + "\n" + good: "line 2: duplicate id 'a'",
    }
    monkeypatch.setattr(demo, "demo_path", lambda: bad)
    for content, message in cases.items():
        bad.write_text(content + "\n", encoding="utf-8")
        with pytest.raises(ValueError, match=re.escape(message)):
            demo.load_demo()


# ------------------------------------------------------------------ toponym gold


def test_toponym_gold_covers_every_report(reports, topo_gold):
    by_id = {r["id"]: r for r in reports}
    docs = topo_gold["documents"]
    assert sorted(d["id"] for d in docs) == sorted(by_id)
    for d in docs:
        assert d["file"] == d["id"]
        assert d["published"] == by_id[d["id"]]["published"]
        assert any(t["required"] for t in d["toponyms"]), d["id"]


def test_toponym_offsets_match_text(reports, topo_gold):
    texts = {r["id"]: r["text"] for r in reports}
    for d in topo_gold["documents"]:
        text = texts[d["id"]]
        prev_end = 0
        for t in d["toponyms"]:
            assert text[t["start"]:t["end"]] == t["text"], (d["id"], t)
            assert t["start"] >= prev_end, f"{d['id']}: overlapping or unsorted span {t}"
            prev_end = t["end"]
            # a span never cuts a word in two
            assert t["start"] == 0 or not text[t["start"] - 1].isalnum(), (d["id"], t)
            assert t["end"] == len(text) or not text[t["end"]].isalnum(), (d["id"], t)


def test_toponym_entries_follow_seed_conventions(topo_gold):
    for d in topo_gold["documents"]:
        for t in d["toponyms"]:
            assert t["kind"] in TOPONYM_KINDS, t
            assert t["required"] == (t["kind"] in ("literal", "metonymic")), t
            if t["kind"] == "non_toponym":
                assert (t["geonameids"] == [] and t["lat"] is None and t["lon"] is None
                        and t["name"] is None), t
            else:
                assert all(isinstance(i, int) for i in t["geonameids"]), t
                assert -90 <= t["lat"] <= 90 and -180 <= t["lon"] <= 180, t
                assert t["name"], t
                if not t["geonameids"]:
                    assert t.get("note"), f"a site without a GeoNames id needs a note: {t}"


def test_every_spelling_variant_is_annotated(topo_gold):
    """The variants the demo exists to exercise are in the gold, each with the same id."""
    ids_by_text: dict[str, set[int]] = {}
    for d in topo_gold["documents"]:
        for t in d["toponyms"]:
            if t["geonameids"]:
                ids_by_text.setdefault(t["text"], set()).add(t["geonameids"][0])
    for a, b in [("Reyhanli", "Reyhanlı"), ("Apaydin refugee camp", "Apaydın camp"),
                 ("Incirlik air base", "İncirlik"), ("Hatay Province", "Hatay province"),
                 ("Antakya", "Antioch"), ("AKCAKALE", "Akçakale")]:
        assert ids_by_text.get(a) and ids_by_text[a] == ids_by_text.get(b), (a, b)


# ------------------------------------------------------------------ events gold


def _dates(value):
    return [] if value is None else [dt.date.fromisoformat(value)]


def test_event_gold_is_consistent(reports, event_gold):
    ids = {r["id"] for r in reports}
    places = event_gold["places"]
    types = set(event_gold["event_types"])
    seen_ids: set[str] = set()
    covered: set[str] = set()
    for e in event_gold["events"]:
        assert e["id"] not in seen_ids
        seen_ids.add(e["id"])
        assert set(e["type"]) <= types, e["id"]
        _dates(e["date"])
        assert e.get("date_precision", "day") in ("day", "week", "month"), e["id"]
        assert e["location"] is None or all(p in places for p in e["location"]), e["id"]
        assert e["reported_by"] and set(e["reported_by"]) <= ids, e["id"]
        covered.update(e["reported_by"])
        for label, values in e["counts"].items():
            assert values and all(isinstance(v, int) and v > 0 for v in values), (e["id"], label)
    assert covered == ids, f"reports with no gold event: {sorted(ids - covered)}"
    assert {t for e in event_gold["events"] for t in e["type"]} == types, "every event type is covered"
    assert any(len(e["reported_by"]) > 1 for e in event_gold["events"]), "some events must need linking"
    for m in event_gold["movements"]:
        assert m["event"] in seen_ids, m["id"]
        for end in (m["origin"], m["destination"]):
            names = [end] if isinstance(end, str) else end
            assert all(p in places for p in names), m["id"]
        _dates(m["date"])
    for f in event_gold.get("facts", []):
        assert f["place"] in places and f["value"] > 0 and set(f["reported_by"]) <= ids, f["id"]


NUMBER_WORDS = {1: "a", 2: "two", 3: "three", 4: "four", 5: "five", 14: "14", 33: "33", 85: "85"}


def test_event_places_and_figures_come_from_the_reports(reports, topo_gold, event_gold):
    """No invented place or figure: each is in the text of a report that tells the event."""
    texts = {r["id"]: r["text"] for r in reports}
    mentioned = {d["id"]: {i for t in d["toponyms"] if t["kind"] in ("literal", "metonymic")
                           for i in t["geonameids"]} | {t["name"] for t in d["toponyms"] if t["name"]}
                 for d in topo_gold["documents"]}
    places = event_gold["places"]
    for e in event_gold["events"]:
        if e["location"]:
            keys = {i for p in e["location"] for i in places[p]["geonameids"]}
            no_id = [p for p in e["location"] if not places[p]["geonameids"]]
            found = [doc for doc in e["reported_by"]
                     if keys & mentioned[doc] or any(p.split(" ")[0] in texts[doc] for p in no_id)]
            assert found, f"{e['id']}: no report that tells it names any of {e['location']}"
        for values in e["counts"].values():
            for v in values:
                forms = {f"{v:,}", str(v), NUMBER_WORDS.get(v, str(v))}
                assert any(re.search(rf"(?<![\w,]){re.escape(f)}(?![\w,])", texts[doc], re.I)
                           for doc in e["reported_by"]
                           for f in forms), f"{e['id']}: figure {v} not in its reports"


def test_relative_dates_resolve_against_published(reports, event_gold):
    """Where a gold note reads 'on <Weekday>' against a published date, the gold date is that weekday
    within the week before (a slip of a day here would teach the extractor a wrong answer)."""
    published = {dt.date.fromisoformat(r["published"]) for r in reports}
    checked = 0
    for e in event_gold["events"]:
        for day, against in re.findall(r"'on (\w+day)' read against (?:\w+ )?(\d{4}-\d\d-\d\d)",
                                       e.get("note", "")):
            date, ref = dt.date.fromisoformat(e["date"]), dt.date.fromisoformat(against)
            assert ref in published, (e["id"], against)
            assert date.strftime("%A") == day and 0 < (ref - date).days < 7, e["id"]
            checked += 1
    assert checked >= 5


# ------------------------------------------------------------------ against ../shared


def _words(text: str) -> list[str]:
    text = text.replace("’", "'").replace("‘", "'").lower()
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text)


def _runs(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


@needs_shared
def test_no_demo_text_copies_a_seed_report(reports):
    seed_runs: set[tuple[str, ...]] = set()
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds, f"no seed reports in {SEEDS}"
    for path in seeds:
        seed_runs |= _runs(_words(path.read_text(encoding="utf-8")), RUN)
    for r in reports:
        shared = _runs(_words(r["text"]), RUN) & seed_runs
        assert not shared, f"{r['id']} shares {RUN}-word runs with a seed report: {sorted(shared)[:3]}"


def test_copy_guard_catches_a_copied_sentence():
    """The guard itself works: a sentence lifted with new quotes and case is caught."""
    original = "The quick brown fox jumped over the lazy dog near the river bank."
    copied = "Reports say THE QUICK BROWN FOX JUMPED OVER THE LAZY DOG today."
    assert _runs(_words(copied), RUN) & _runs(_words(original), RUN)
    assert not _runs(_words("A quick fox, brown, jumped the dog."), RUN) & _runs(_words(original), RUN)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


COUNTRIES = {163843, 298795, 248816}  # the seed gold's conventional country points


@pytest.fixture(scope="module")
def builder():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_gold", OWN / "build_gold.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@needs_shared
def test_gold_ids_exist_and_points_match(topo_gold, event_gold, builder):
    entries = [t for d in topo_gold["documents"] for t in d["toponyms"] if t["geonameids"]]
    entries += [p for p in event_gold["places"].values() if p["geonameids"]]
    ids = {i for t in entries for i in t["geonameids"]}
    points = {i: (lat, lon) for i, (_, lat, lon) in builder._gazetteer_rows(ids).items()}
    assert ids <= points.keys(), f"ids not in the GeoNames dumps or cities500: {sorted(ids - points.keys())}"
    for t in entries:
        first = t["geonameids"][0]
        if first not in COUNTRIES:
            km = _km(points[first], (t["lat"], t["lon"]))
            assert km < 5, f"{t.get('text', t)}: point is {km:.1f} km from GeoNames {first}"


@needs_shared
def test_toponym_gold_is_what_the_builder_writes(topo_gold, builder):
    assert builder.build() == topo_gold, ("tests/data/own/toponyms.json is stale: run "
                                          "tests/data/own/build_gold.py")
