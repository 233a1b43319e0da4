"""geokit.maps.charts: figures read as the reports give them (ranges stay ranges), dates as windows."""

from __future__ import annotations

import pytest

from geokit.maps import charts
from geokit.model import Event, Movement, PlaceRef, Source

mpl = pytest.importorskip("matplotlib", reason="matplotlib is not installed (pip install -e .[test])")
mpl.use("Agg")

ALEPPO = PlaceRef("Aleppo", 36.2, 37.16, 170063, 1, "SY")
KILIS = PlaceRef("Kilis", 36.72, 37.12, 300822, 1, "TR")
TURKEY = PlaceRef("Turkey", 39.0, 35.0, 298795, 4, "TR")


def _event(id_, type_, date, prec, counts, sources, place=KILIS):
    return Event(id=id_, type=type_, date=date, date_precision=prec, place=place, counts=counts,
                 sources=[Source(doc, 0, 10, "a sentence", c) for doc, c in sources])


def test_count_range_reads_numbers_and_ranges_only():
    assert charts.count_range(85) == (85.0, 85.0)
    assert charts.count_range([99, 24]) == (24.0, 99.0)
    assert charts.count_range(True) is None
    assert charts.count_range("dozens") is None
    assert charts.count_range([1, 2, 3]) is None


def test_main_figure_is_the_largest():
    assert (charts.main_figure({"officers": 14, "soldiers": [24, 99], "people": 85})
            == ("soldiers", 24.0, 99.0))
    assert charts.main_figure({}) is None


def test_date_window_follows_precision():
    mk = lambda d, p: Event(id="x", type="t", date=d, date_precision=p)  # noqa: E731
    assert charts.date_window(mk("2012-06-01", "month"))[1].isoformat() == "2012-06-30"
    assert charts.date_window(mk("2012-07-02", "week"))[1].isoformat() == "2012-07-08"
    a, b = charts.date_window(mk("2012-07-02", "day"))
    assert a == b
    assert charts.date_window(mk(None, "unknown")) is None
    assert charts.date_window(mk("not a date", "day")) is None


def test_route_label_marks_unknown_ends():
    m = Movement(id="m", type="displacement", origin=None, via=[KILIS], destination=TURKEY)
    assert charts.route_label(m) == "? -> Kilis -> Turkey"


def test_focus_bbox_ignores_a_far_outlier():
    pts = [(36.5, 36.2), (37.1, 36.7), (36.2, 35.9), (6.1, 46.2)]  # (lon, lat); the last is Geneva
    west, south, east, north = charts.focus_bbox(pts, margin=0.5)
    assert west > 30 and east < 40 and south > 34 and north < 38


def test_figures_side_by_side_keeps_each_reports_figure():
    agree = _event("a", "protest", "2012-06-24", "day", {"people": 300},
                   [("r1", {"people": 300}), ("r2", {"people": 300})])
    differ = _event("d", "defection", "2012-07-02", "day", {"soldiers": 85},
                    [("r1", {"soldiers": 85}), ("r2", {"soldiers": 84}), ("r3", {"soldiers": [24, 99]})])
    single = _event("s", "visit", "2012-03-09", "day", {}, [("r1", {})])
    fig = charts.figures_side_by_side([agree, single, differ], max_records=1)
    assert fig is not None and len(fig.axes) == 1
    ax = fig.axes[0]
    assert "defection" in ax.get_title()  # the disagreeing record comes first
    heights = sorted(round(p.get_height()) for p in ax.patches)
    assert heights == [24, 75, 84, 85]  # 85, 84, and the range 24-99 drawn as 24 + 75, never averaged
    assert charts.figures_side_by_side([single]) is None
    mpl.pyplot.close("all")


def test_timeline_and_routes_draw_every_dated_record():
    evs = [_event("1", "defection", "2012-07-02", "day", {"soldiers": 85}, [("r1", {})]),
           _event("2", "meeting", "2012-06-01", "month", {}, [("r1", {})]),
           _event("3", "protest", None, "unknown", {}, [("r1", {})])]
    ax = charts.timeline(evs)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["defection", "meeting", "protest"]
    assert len(ax.collections) == 2  # two dated dots
    assert "1 event(s) without a date" in ax.get_xlabel()
    mv = [Movement(id="m1", type="displacement", origin=ALEPPO, destination=KILIS,
                   counts={"people": [20, 99]}),
          Movement(id="m2", type="displacement", origin=None, destination=KILIS)]
    ax = charts.routes(mv)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Aleppo -> Kilis", "? -> Kilis"]
    mpl.pyplot.close("all")


def test_overview_draws_basemap_arrows_and_events():
    mv = [Movement(id="m", type="displacement", origin=ALEPPO, via=[KILIS], destination=TURKEY)]
    ev = [_event("1", "protest", "2012-06-24", "day", {}, [("r1", {})], place=ALEPPO)]
    ax = charts.overview(ev, mv)
    arrows = [c for c in ax.texts if getattr(c, "arrow_patch", None) is not None]
    assert len(arrows) == 2  # Aleppo -> Kilis, Kilis -> Turkey
    assert arrows[1].arrow_patch.get_linestyle() in ("--", "dashed")  # a leg to a whole country
    assert len(ax.collections) >= 3  # countries, provinces, borders, events
    mpl.pyplot.close("all")
