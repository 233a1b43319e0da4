"""The benchmark evaluator: corpus loading, offset snapping, matching and metrics, on own fixtures
with injected fake parsers so every figure can be checked by hand."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from geokit import evaluate as ev
from geokit.cli import main as cli_main
from geokit.model import Candidate, Document, Toponym

DATA = Path(__file__).resolve().parent / "data" / "eval"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TRN = DATA / "trnews_style.xml"

# one degree of latitude on the evaluator's sphere, by hand: 2 * pi * R / 360
DEG_KM = 2 * math.pi * 6371.0088 / 360


def cand(name: str, lat: float, lon: float, gid: int | None) -> Candidate:
    return Candidate(id=f"gn:{gid}", geonameid=gid, name=name, lat=lat, lon=lon, feature_class="P",
                     feature_code="PPL", country_code="", admin1="", population=0, kind="city", source="test")


def at(text: str, word: str, n: int = 1) -> tuple[int, int]:
    i = -1
    for _ in range(n):
        i = text.index(word, i + 1)
    return i, i + len(word)


def fake_end2end(text: str, published=None, spans=None) -> Document:
    """Hand-made predictions for trnews_style.xml: see test_end2end_metrics_by_hand."""
    tops: list[Toponym] = []
    if text.startswith("Floods"):
        s, e = at(text, "Dhaka")
        tops.append(Toponym(s, e, "Dhaka", "literal", cand("Dhaka", 23.81, 90.41, 1185241)))
        s, e = at(text, "Sylhet")  # two degrees north of the gold point: a far resolution
        tops.append(Toponym(s, e, "Sylhet", "literal", cand("Sylhet", 26.9, 91.87, 999)))
        s, e = at(text, "Dhaka", 2)  # recognised, not resolved
        tops.append(Toponym(s, e, "Dhaka", "literal", None, reason="no candidate"))
        s, e = at(text, "Monday")  # a false positive
        tops.append(Toponym(s, e, "Monday", "literal", cand("Monday", 0.0, 0.0, 1)))
        s, e = at(text, "Floods")  # a demonym-like prediction outside the scored kinds
        tops.append(Toponym(s, e, "Floods", "demonym", cand("x", 0.0, 0.0, 2)))
    else:
        s, e = at(text, "Lima")  # span off by 3 characters: still within the 10-character window
        tops.append(Toponym(s + 3, e + 3, "Lima", "metonymic", cand("Lima", -12.04, -77.03, 3936456)))
        s, e = at(text, "Cusco")  # gold has no coordinates: matched, not distance-scored
        tops.append(Toponym(s, e, "Cusco", "literal", cand("Cusco", -13.5, -71.97, 3941584)))
    return Document(text=text, toponyms=tops)


RESOLVE = {
    "Dhaka": cand("Dhaka", 23.81, 90.41, 1185241),
    "Sylhet": cand("Sylhet", 26.9, 91.87, 999),
    "Lima": cand("Lima", -12.04, -77.03, 3936456),
    "Cusco": cand("Cusco", -13.5, -71.97, 3941584),
}


def fake_resolution(text: str, published=None, spans=None) -> Document:
    """Resolves gold spans from a table; leaves out Chittagong entirely."""
    assert spans is not None, "resolution mode must pass the gold spans"
    tops = []
    for s, e in spans:
        name = text[s:e]
        if name in RESOLVE:
            tops.append(Toponym(s, e, name, "literal", RESOLVE[name]))
    return Document(text=text, toponyms=tops)


# ------------------------------------------------------------------ loading


def test_load_trnews_style_snaps_drifted_offset():
    arts = ev.load_corpus(TRN)
    assert [a.id for a in arts] == ["a1", "a2"]
    assert [len(a.gold) for a in arts] == [4, 2]
    a1 = arts[0]
    assert a1.snapped == 1 and a1.unresolvable == 0 and a1.offset_shift == 0
    # the drifted second Dhaka now points at the word itself
    assert (a1.gold[3].start, a1.gold[3].end) == at(a1.text, "Dhaka", 2)
    for a in arts:
        for g in a.gold:
            assert a.text[g.start:g.end] == g.text
    assert a1.gold[2].name == "Chattogram" and a1.gold[2].geonameid == 1205733
    assert a1.published is not None and a1.published.isoformat() == "2024-06-03"
    assert arts[1].published is None  # "not a date" is tolerated
    cusco = arts[1].gold[1]
    assert cusco.geonameid == 3941584 and not cusco.has_point


def test_load_geovirus_style_one_based_and_nested():
    arts = ev.load_corpus(DATA / "geovirus_style.xml")
    assert len(arts) == 3  # the commented-out template after the root is not an article
    assert [len(a.gold) for a in arts] == [3, 2, 0]
    assert all(a.offset_shift == -1 for a in arts)
    assert sum(a.snapped for a in arts) == 0
    names = sorted(g.text for a in arts for g in a.gold)
    assert names == ["Europe", "Goma", "Kenya", "Kisumu", "Nakuru"]
    for a in arts:
        for g in a.gold:
            assert a.text[g.start:g.end] == g.text
            assert g.geonameid is None and g.has_point
    kenya = next(g for g in arts[0].gold if g.text == "Kenya")
    assert kenya.name == "Republic of Kenya"
    assert arts[0].id == "#1" and arts[0].url == "https://example.org/outbreak"


def test_load_wiktor_style_inherits_page_fields():
    (page,) = ev.load_corpus(DATA / "wiktor_style.xml")
    assert page.id == "7"
    assert [(g.text, g.lat, g.lon) for g in page.gold] == [("Springfield", 39.8, -89.65)] * 2
    assert [page.text[g.start:g.end] for g in page.gold] == ["Springfield", "Springfield"]


def test_load_lenient_missing_and_broken_fields():
    (art,) = ev.load_corpus(DATA / "lgl_quirks.xml")  # the article without <text> is skipped
    assert [g.text for g in art.gold] == ["Geneva", "Geneva", "Nairobi", "Mombasa"]
    g1, g2, nairobi, mombasa = art.gold
    assert g1.geonameid is None and not g1.has_point  # no gaztag at all
    assert g2.geonameid == 2660646 and g2.lat is None and not g2.has_point  # lat "n/a"
    assert (nairobi.start, nairobi.end) == at(art.text, "Nairobi")  # placed by its phrase
    assert art.snapped == 1
    assert art.unresolvable == 1  # Mombasa's offset is 40 characters off: beyond the snap window
    assert 0 <= mombasa.start <= mombasa.end <= len(art.text)


@pytest.mark.parametrize(
    ("name", "exc", "msg"),
    [("missing.xml", FileNotFoundError, "not found"), ("not_xml.xml", ValueError, "not a readable XML"),
     ("no_articles.xml", ValueError, "no <article>")],
)
def test_load_bad_input_is_a_clear_error(name, exc, msg):
    with pytest.raises(exc, match=msg):
        ev.load_corpus(DATA / name)


# ------------------------------------------------------------------ metrics


def test_haversine_and_auc_basics():
    assert ev.haversine_km(10, 20, 12, 20) == pytest.approx(2 * DEG_KM, rel=1e-9)
    assert ev.haversine_km(0, 0, 0, 180) == pytest.approx(math.pi * 6371.0088)
    assert ev.auc_of_errors([]) is None
    assert ev.auc_of_errors([0.0, 0.0, 0.0]) == 0.0
    assert ev.auc_of_errors([ev.MAX_ERROR_KM] * 4) == pytest.approx(1.0)
    assert ev.auc_of_errors([0.0, ev.MAX_ERROR_KM]) == pytest.approx(0.5)
    # order of the input does not matter: the curve is over sorted errors
    assert ev.auc_of_errors([500.0, 0.0, 20.0]) == ev.auc_of_errors([0.0, 20.0, 500.0])


def test_matching_is_one_to_one_and_nearest_first():
    gold = [ev.GoldToponym(20, 25, "Dhaka")]
    preds = [Toponym(29, 34, "dhaka"), Toponym(21, 26, "DHAKA"), Toponym(20, 25, "Dacca")]
    assert ev.match_toponyms(preds, gold) == [(1, 0)]
    assert ev.match_toponyms([Toponym(31, 36, "Dhaka")], gold) == []  # centres 11 apart
    assert ev.match_toponyms([Toponym(20, 26, "Dhaka ")], [ev.GoldToponym(20, 26, "dhaka")]) == [(0, 0)]


def test_end2end_metrics_by_hand():
    rep = ev.evaluate(TRN, parse=fake_end2end, progress=False)
    # gold: Dhaka, Sylhet, Chittagong, Dhaka | Lima, Cusco(no point)  -> 6 gold, 1 without point
    # predictions scored: Dhaka, Sylhet(+2 deg), Dhaka(None), Monday | Lima(+3 chars), Cusco
    assert (rep.gold, rep.gold_without_point, rep.predicted) == (6, 1, 6)
    assert (rep.true_positives, rep.false_positives, rep.false_negatives) == (5, 1, 1)
    assert rep.precision == pytest.approx(5 / 6)
    assert rep.recall == pytest.approx(5 / 6)
    assert rep.f1 == pytest.approx(5 / 6)
    # distance-scored matches: Dhaka 0 km, Sylhet 2 degrees, Dhaka unresolved, Lima 0 km
    assert rep.distance_scored == 4 and rep.within == 2 and rep.unresolved == 1
    assert rep.accuracy_161 == pytest.approx(0.5)
    assert rep.accuracy_161_all == pytest.approx(2 / 5)
    far = 2 * DEG_KM
    assert rep.mean_km == pytest.approx((far + ev.MAX_ERROR_KM) / 4)
    assert rep.median_km == pytest.approx(far / 2)
    a = math.log(1 + far) / math.log(20039)
    # trapezoids over sorted [0, 0, a, 1] at x = 0, 1/3, 2/3, 1
    assert rep.auc == pytest.approx((0 + a / 2 + (a + 1) / 2) / 3)
    # ids among matched with a gold id: Dhaka ok, Sylhet wrong, Dhaka none, Lima ok, Cusco ok
    assert (rep.id_correct, rep.id_scored) == (3, 5)
    types = sorted(m.type for m in rep.misses)
    assert types == ["false_negative", "false_positive", "far", "unresolved"]
    far_miss = next(m for m in rep.misses if m.type == "far")
    assert far_miss.km == pytest.approx(far) and far_miss.gold_geonameid == 1185099
    assert far_miss.pred_geonameid == 999 and "[[Sylhet]]" in far_miss.context


def test_end2end_kinds_is_a_parameter():
    rep = ev.evaluate(TRN, parse=fake_end2end, progress=False, kinds={"literal", "metonymic", "demonym"})
    assert rep.predicted == 7 and rep.false_positives == 2
    rep = ev.evaluate(TRN, parse=fake_end2end, progress=False, kinds={"literal"})
    assert rep.predicted == 5 and rep.false_negatives == 2  # Lima was metonymic


def test_resolution_mode_by_hand():
    rep = ev.evaluate(TRN, mode="resolution", parse=fake_resolution, progress=False)
    # with points: Dhaka 0, Sylhet far, Chittagong missing, Dhaka 0, Lima 0
    assert rep.distance_scored == 5 and rep.within == 3 and rep.unresolved == 1
    assert rep.accuracy_161 == pytest.approx(3 / 5)
    # ids: all 6 gold have one; right for Dhaka x2, Lima, Cusco
    assert (rep.id_correct, rep.id_scored) == (4, 6)
    assert rep.id_accuracy == pytest.approx(4 / 6)
    d = rep.to_dict()
    assert d["mode"] == "resolution" and "f1" not in d and d["geonameid_accuracy"] == pytest.approx(0.6667)
    assert sorted(m.type for m in rep.misses) == ["far", "unresolved"]


def test_an_area_holding_the_gold_point_is_counted_apart():
    """A country answer pinned elsewhere than the corpus pins it: wrong at 161 km, right as an area."""
    from dataclasses import replace

    bangladesh = replace(cand("Bangladesh", 24.0, 90.0, 1210997), kind="country", country_code="BD",
                         feature_code="PCLI")
    abroad = replace(bangladesh, name="Nepal", lat=28.0, lon=84.0, country_code="NP")

    def by_area(answer):
        def parse(text, published=None, spans=None):
            table = dict(RESOLVE, Sylhet=answer)
            tops = [Toponym(s, e, text[s:e], "literal", table[text[s:e]])
                    for s, e in spans if text[s:e] in table]
            return Document(text=text, toponyms=tops)
        return ev.evaluate(TRN, mode="resolution", parse=parse, progress=False)

    rep = by_area(bangladesh)
    assert (rep.within, rep.within_or_area, rep.distance_scored) == (3, 4, 5)
    assert rep.to_dict()["accuracy_161_or_area"] == pytest.approx(0.8)
    assert "an area holding the gold point 80.0%" in rep.format()
    rep = by_area(abroad)  # a country that does not hold the point gains nothing
    assert (rep.within, rep.within_or_area) == (3, 3)


def test_resolution_receives_snapped_gold_spans():
    seen: list[str] = []

    def spy(text, published=None, spans=None):
        seen.extend(text[s:e] for s, e in spans)
        return Document(text=text)

    ev.evaluate(TRN, mode="resolution", parse=spy, progress=False)
    assert seen == ["Dhaka", "Sylhet", "Chittagong", "Dhaka", "Lima", "Cusco"]


def test_exception_in_one_article_does_not_abort():
    def flaky(text, published=None, spans=None):
        if "Lima" in text:
            raise RuntimeError("boom")
        return fake_end2end(text)

    rep = ev.evaluate(TRN, parse=flaky, progress=False)
    assert rep.failed == 1 and rep.articles == 2
    assert rep.failures[0].article == "a2" and "RuntimeError: boom" in rep.failures[0].error
    # article a1 still scored; a2's gold all count as missed
    assert (rep.true_positives, rep.false_positives, rep.false_negatives) == (3, 1, 1 + 2)
    assert rep.precision == pytest.approx(3 / 4) and rep.recall == pytest.approx(3 / 6)
    assert "FAILED a2" in rep.format()


def test_malformed_parse_result_fails_its_article_without_partial_counts():
    def bad(text, published=None, spans=None):
        doc = fake_end2end(text)
        if text.startswith("Floods"):
            doc.toponyms.append(Toponym(None, None, "Dhaka"))  # type: ignore[arg-type]
        return doc

    rep = ev.evaluate(TRN, parse=bad, progress=False)
    assert rep.failed == 1 and rep.failures[0].article == "a1"
    # only a2's two predictions count; a1's four gold are misses
    assert (rep.predicted, rep.true_positives, rep.false_negatives) == (2, 2, 4)
    assert all(m.article == "a2" for m in rep.misses)


def test_bad_arguments_are_clear_errors():
    with pytest.raises(ValueError, match="mode"):
        ev.evaluate(TRN, mode="fast", parse=fake_end2end)
    with pytest.raises(ValueError, match="limit"):
        ev.evaluate(TRN, parse=fake_end2end, limit=-1)
    with pytest.raises(TypeError, match="kinds"):
        ev.evaluate(TRN, parse=fake_end2end, kinds="literal")
    with pytest.raises(TypeError, match="Article"):
        ev.evaluate(["not an article"], parse=fake_end2end)


def test_limit_and_articles_input():
    arts = ev.load_corpus(TRN)
    rep = ev.evaluate(arts, parse=fake_end2end, limit=1, progress=False)
    assert rep.articles == 1 and rep.gold == 4 and rep.snapped == 1


def test_report_dict_and_format():
    rep = ev.evaluate(TRN, parse=fake_end2end, progress=False)
    d = rep.to_dict()
    json.dumps(d)  # serialisable
    assert d["f1"] == pytest.approx(0.8333) and d["true_positives"] == 5
    assert d["misses"] == {"false_positive": 1, "false_negative": 1, "far": 1, "unresolved": 1}
    assert d["snapped_offsets"] == 1 and d["gold_without_point"] == 1
    text = rep.format()
    assert "F1 0.833" in text and "TP 5  FP 1  FN 1" in text and "1 snapped" in text


def test_errors_file_formats(tmp_path):
    rep = ev.evaluate(TRN, parse=fake_end2end, progress=False)
    n = rep.write_errors(tmp_path / "misses.jsonl")
    rows = [json.loads(x) for x in (tmp_path / "misses.jsonl").read_text().splitlines()]
    assert n == len(rows) == 4
    fn = next(r for r in rows if r["type"] == "false_negative")
    assert fn["article"] == "a1" and fn["text"] == "Chittagong" and fn["gold_name"] == "Chattogram"
    assert ev.write_errors([rep], tmp_path / "misses.tsv") == 4
    lines = (tmp_path / "misses.tsv").read_text().splitlines()
    assert lines[0].startswith("mode\ttype\tarticle") and len(lines) == 5
    assert any("\tfar\ta1\t" in x and "\t222.4\t" in x for x in lines)


# ------------------------------------------------------------------ CLI


def test_cli_eval_json_and_errors(tmp_path, monkeypatch, capsys):
    def both(text, published=None, spans=None):
        return fake_resolution(text, spans=spans) if spans is not None else fake_end2end(text)

    monkeypatch.setattr(ev.run, "default_parse", lambda: both)
    errors = tmp_path / "errs.jsonl"
    rc = cli_main(["eval", str(TRN), "--json", "--errors", str(errors), "--no-progress"])
    assert rc == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"end2end", "resolution"}
    assert out["end2end"]["f1"] == pytest.approx(0.8333)
    assert out["resolution"]["accuracy_161"] == pytest.approx(0.6)
    modes = {json.loads(x)["mode"] for x in errors.read_text().splitlines()}
    assert modes == {"end2end", "resolution"}

    rc = cli_main(["eval", str(TRN), "--resolution-only", "--limit", "1", "--no-progress"])
    text = capsys.readouterr().out
    assert rc == 0 and text.startswith("resolution evaluation") and "1 articles" in text


def test_cli_eval_bad_corpus_is_one_line(capsys):
    assert cli_main(["eval", str(DATA / "not_xml.xml")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("geokit eval: error:") and err.count("\n") == 1


# ------------------------------------------------------------------ real corpora


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "benchmarks").is_dir(),
                    reason="needs ../shared/benchmarks beside the checkout")
@pytest.mark.parametrize(
    ("name", "articles", "toponyms", "shift"),
    # GeoVirus: 2,170 live <location> elements; a `grep -c` finds 2,197 because 27 sit in a
    # commented-out template after the root element.
    [("TR-News.xml", 118, 1319, 0), ("GeoVirus.xml", 229, 2170, -1)],
)
def test_shared_corpora_load_with_expected_counts(name, articles, toponyms, shift):
    arts = ev.load_corpus(SHARED / "benchmarks" / name)
    assert len(arts) == articles
    assert sum(len(a.gold) for a in arts) == toponyms
    assert {a.offset_shift for a in arts} == {shift}
    assert sum(a.unresolvable for a in arts) == 0
    bad = [(a.id, g.text) for a in arts for g in a.gold if a.text[g.start:g.end] != g.text]
    assert bad == []
    snapped = sum(a.snapped for a in arts)
    if name == "TR-News.xml":
        assert 100 <= snapped <= 130  # the README's "about 115" drifting offsets
        assert len({a.id for a in arts}) == articles


# ----------------------------------------------------------- speed bench (function only, no timing asserts)


def test_parser_bench_counts_and_survives_failures():
    from geokit.bench import parser as bench

    calls: list[str] = []

    def fake(text, published=None, spans=None):
        calls.append(text)
        if "boom" in text:
            raise ValueError("bad article")
        return Document(text=text, toponyms=[Toponym(0, 3, text[:3])])

    texts = ["Ankara is large.", "boom", "Hama and Homs."]
    out = bench.run(parse=fake, texts=texts)
    assert calls[0] == bench.WARMUP_TEXT and calls[1:] == texts  # warm-up (gazetteer load) first
    assert out["articles"] == 3 and out["characters"] == sum(map(len, texts))
    assert out["toponyms"] == 2 and out["failed_articles"] == 1 and out["source"] == "given"
    assert out["load_seconds"] >= 0 and out["articles_per_second"] > 0


def test_parser_bench_generated_texts_are_deterministic():
    from geokit.bench import parser as bench

    a, b = bench.generated_texts(5), bench.generated_texts(5)
    assert a == b and len(a) == 5 and all(len(t) > 200 for t in a)
    assert bench.generated_texts(5, seed=8) != a


def test_calibration_bins_and_share():
    from types import SimpleNamespace as NS

    from geokit.evaluate.calibration import calibrate
    from geokit.model import Candidate, Document, Toponym

    def cand(lat, lon, gid):
        return Candidate(id=f"gn:{gid}", geonameid=gid, name="x", lat=lat, lon=lon, feature_class="P",
                         feature_code="PPL", country_code="XX", admin1="", population=0, kind="city",
                         source="t")

    gold = [NS(start=0, end=1, lat=10.0, lon=10.0, geonameid=1),
            NS(start=2, end=3, lat=10.0, lon=10.0, geonameid=None),
            NS(start=4, end=5, lat=0.0, lon=0.0, geonameid=None)]
    art = NS(text="a b c", gold=gold)

    def fake_parse(text, spans=None):
        return Document(text, toponyms=[
            Toponym(0, 1, "a", place=cand(50.0, 50.0, 1), score=0.95),   # far, but the same id: right
            Toponym(2, 3, "b", place=cand(10.5, 10.0, 7), score=0.92),   # 56 km: right
            Toponym(4, 5, "c", place=cand(20.0, 20.0, 8), score=0.35),   # far: wrong
        ])

    cal = calibrate([art], parse=fake_parse)
    n, share = cal.share_right(0.9)
    assert (n, share) == (2, 1.0)
    assert cal.bins[0.3] == [1, 0]
    assert "scored >= 0.9: 2 answers" in cal.format()


def test_select_half_splits_by_position():
    from geokit.evaluate import Article, select_half

    arts = [Article(id=f"#{i}", text="x") for i in range(1, 8)]
    even, odd = select_half(arts, "even"), select_half(arts, "odd")
    assert [a.id for a in even] == ["#2", "#4", "#6"]
    assert [a.id for a in odd] == ["#1", "#3", "#5", "#7"]
    assert len(select_half(arts, "all")) == 7
    with pytest.raises(ValueError):
        select_half(arts, "third")
