"""Basemap detail: town labels placed by importance without overlap, rivers and lakes clipped to the
extent."""

from __future__ import annotations

import pytest

from geokit.maps import build_map
from geokit.maps.detail import (
    _clip_line,
    _inside,
    _pixel,
    district_lines,
    drained_lakes,
    extent,
    load_water,
    place_labels,
    town_labels,
    water_within,
)


def test_labels_never_overlap_and_the_most_important_shows_first():
    # three names a few hundred metres apart and one far away
    places = [("Smallplace", 36.27, 36.60, 1.0), ("Bigtown", 36.27, 36.57, 5.0),
              ("Midtown", 36.272, 36.58, 3.0),
              ("Faraway", 37.5, 38.5, 0.5)]
    zooms = place_labels(places)
    assert zooms[1] == 5, "the most important label shows from the first zoom"
    assert zooms[3] == 5, "a label with nothing near it shows at once, whatever its importance"
    assert zooms[2] is not None and zooms[0] is not None and zooms[2] > 5 and zooms[0] > 5
    for z in range(5, 15):
        shown = [i for i, mz in enumerate(zooms) if mz is not None and mz <= z]
        boxes = []
        for i in shown:
            x, y = _pixel(places[i][1], places[i][2], z)
            boxes.append((x - 5, y - 9, x + 10 + 6.2 * len(places[i][0]), y + 9))
        for a in range(len(boxes)):
            for b in range(a + 1, len(boxes)):
                A, B = boxes[a], boxes[b]
                assert not (A[0] < B[2] and B[0] < A[2] and A[1] < B[3] and B[1] < A[3]), (z, shown)


def test_clip_line_keeps_the_runs_inside_with_one_point_beyond():
    line = [[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]
    assert _clip_line(line, (0.5, 0.5, 2.5, 2.5)) == [[[0, 0], [1, 1], [2, 2], [3, 3]]]
    assert _clip_line(line, (10, 10, 11, 11)) == []


def test_water_is_clipped_to_the_extent():
    everything = sum(len(c) for _, c in load_water("rivers"))
    box = extent([(36.27, 36.57)], margin=0.3)
    near = water_within(box)
    assert near["rivers"], "the region's rivers reach Reyhanli's surroundings"
    assert sum(len(c) for c in near["rivers"]) < everything / 20
    s, w, n, e = box
    for line in near["rivers"]:
        inner = line[1:-1]
        assert all(s <= y <= n and w <= x <= e for x, y in inner)
    assert water_within(None) == {"rivers": [], "lakes": []}


def test_a_drained_lake_is_not_drawn_and_the_real_ones_nearby_are():
    gone = drained_lakes()
    assert gone and all(name and -90 <= lat <= 90 and -180 <= lon <= 180 for name, lat, lon in gone)
    raw = load_water("lakes", drop_drained=False)
    for name, lat, lon in gone:
        # each row still matches a shoreline of the source (else the row is stale and should go)
        assert any(_inside(ring, lon, lat) for _, ring in raw), name
        drawn = water_within(extent([(lat, lon)], margin=0.3))["lakes"]
        assert not any(_inside(ring, lon, lat) for ring in drawn), name
    # the Amik plain's drained lake goes; the small lake at Gölbaşı beside it (still water) stays
    drawn = water_within(extent([(36.33, 36.30)], margin=0.3))["lakes"]
    assert any(_inside(ring, 36.485, 36.507) for ring in drawn)
    assert len(load_water("lakes")) == len(raw) - len(gone)


def test_point_in_ring_even_odd():
    square = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]
    assert _inside(square, 1, 1) and not _inside(square, 3, 1) and not _inside(square, 1, -0.5)
    notch = [[0, 0], [4, 0], [4, 4], [3, 4], [3, 1], [1, 1], [1, 4], [0, 4], [0, 0]]  # a U shape
    assert _inside(notch, 0.5, 3) and not _inside(notch, 2, 3) and _inside(notch, 2, 0.5)


def test_town_labels_come_from_the_store_within_the_extent():
    box = extent([(36.27, 36.57)], margin=0.4)
    strings, rows = town_labels(box)
    names = {strings[r[0]] for r in rows}
    assert {"Reyhanlı", "Kırıkhan"} <= names
    assert all(box[0] <= r[1] <= box[2] and box[1] <= r[2] <= box[3] for r in rows)
    reyhanli = next(r for r in rows if strings[r[0]] == "Reyhanlı")
    assert reyhanli[3] <= 9, "a town of 60,000 is labelled by zoom 9"
    _, skipped = town_labels(box, skip={"gn:302355"})  # Reyhanlı drawn as a site: labelled there instead
    assert len(skipped) < len(rows)


def test_around_the_records_villages_are_labelled_even_in_a_wide_extent():
    wide = (29.0, 25.0, 42.0, 46.0)  # Istanbul to Cairo to Baghdad: thousands of towns compete
    story = (36.268, 36.567)
    s0, r0 = town_labels(wide, limit=2000)
    s1, r1 = town_labels(wide, limit=2000, focus=[story])

    def near(strings, rows):
        return {strings[r[0]] for r in rows if abs(r[1] - story[0]) < 0.2 and abs(r[2] - story[1]) < 0.25}

    before, after = near(s0, r0), near(s1, r1)
    assert len(after) >= 3 * max(1, len(before)) and len(after) >= 60, (len(before), len(after))
    assert {"Güveççi", "Bükülmez"} & after
    assert len(r1) <= 2000 + 6000 + 10, "local candidates are capped"
    far = [r for r in r1 if abs(r[1] - story[0]) > 1 and abs(r[2] - story[1]) > 1]
    assert len(far) <= len(r0), "away from the records nothing more is labelled"


def test_build_map_draws_detail_only_around_the_records():
    ev = [{"id": "a", "type": "shelling", "date": "2012-06-01", "lat": 36.27, "lon": 36.57}]
    gm = build_map(events=ev)
    assert gm.counts["towns"] > 20 and gm.counts["rivers"] > 0
    bare = build_map(events=ev, towns=False)
    assert bare.counts["towns"] == 0
    assert len(bare.html()) < len(gm.html())


def test_us_county_and_state_lines_are_drawn_near_us_records_only():
    # a story in Laurel County, Kentucky (London, KY): its county lines and the Kentucky-Tennessee line nearby
    ky = [{"id": "k", "type": "flood", "date": "2021-02-01", "lat": 37.13, "lon": -84.08}]
    gm = build_map(events=ky)
    assert gm.counts["district_lines"] > 20
    lines = district_lines(extent([(37.13, -84.08)]), focus=[(37.13, -84.08)])
    assert len(lines["counties"]) > 20 and lines["states"], "Laurel County's neighbours; the KY-TN line"
    # lines run on about 2 degrees around the record (not cut at the records' box), no further
    assert all(-86.1 <= x <= -82.0 and 35.1 <= y <= 39.2 for line in lines["counties"] for x, y in line[1:-1])
    # a Syrian story has none, and a map of both draws the US lines only around the US record
    sy = [{"id": "s", "type": "shelling", "date": "2012-06-01", "lat": 36.27, "lon": 36.57}]
    assert build_map(events=sy).counts["district_lines"] == 0
    both = district_lines(extent([(37.13, -84.08), (36.27, 36.57)]), focus=[(37.13, -84.08), (36.27, 36.57)])
    assert both["counties"] and all(x > -90 for line in both["counties"] for x, _ in line[1:-1])


def _detail(gm):
    from geokit.maps.detail import Detail

    return next(c for c in gm.folium._children.values() if isinstance(c, Detail))


def test_an_event_placed_by_its_province_is_labelled_as_approximate():
    from geokit.model import Event, PlaceRef

    ev = [Event(id="p", type="shelling", date="2012-06-01", date_precision="day",
                place=PlaceRef(name="Testprovince", lat=36.31, lon=36.17, geo_precision=3)),
          Event(id="t", type="shelling", date="2012-06-02", date_precision="day",
                place=PlaceRef(name="Testvillage", lat=36.27, lon=36.57, geo_precision=1))]
    d = _detail(build_map(events=ev))
    names = {d.strings[r[0]]: r for r in d.towns}
    assert "Testprovince (region, approx.)" in names and "Testvillage" in names
    assert "Testprovince" not in names, "a province's point is never labelled as if it were a place"


def _legend(gm):
    from geokit.maps.legend import Legend

    return next(c for c in gm.folium._children.values() if isinstance(c, Legend)).block


def test_the_legend_and_layers_have_only_the_borders_and_provinces_around_the_records():
    sy = build_map(events=[{"id": "s", "type": "shelling", "date": "2012-06-01", "lat": 36.27, "lon": 36.57}])
    assert _legend(sy)["borders"] == ["Turkey–Syria border"] and _legend(sy)["admin1"] is True
    ky = build_map(events=[{"id": "k", "type": "flood", "date": "2021-02-01", "lat": 37.13, "lon": -84.08}])
    assert _legend(ky)["borders"] == [] and _legend(ky)["admin1"] is False

    def parts(gm):
        from geokit.maps.basemap import BasemapPart

        return sorted(c.part for c in gm.folium._children.values() if isinstance(c, BasemapPart))

    assert parts(sy) == ["admin1", "borders"] and parts(ky) == [], "nor drawn and listed in the layer control"


def test_a_broken_store_costs_the_labels_not_the_map():
    class Broken:
        def features(self, *a, **k):
            raise OSError("database disk image is malformed")

    ev = [{"id": "a", "type": "shelling", "date": "2012-06-01", "lat": 36.27, "lon": 36.57}]
    gm = build_map(events=ev, store=Broken())
    assert gm.counts["towns"] == 0 and gm.counts["events"] == 1
    assert "town labels left out" in gm.summary()


@pytest.mark.parametrize("bad", [[], [(None, None)]])
def test_no_points_no_extent(bad):
    assert extent(bad) is None
