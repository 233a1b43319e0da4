"""Flows: vague ends drawn at the border (never at a centroid), legs aggregated, the group's largest
figure."""

from __future__ import annotations

from geokit.gazetteer.geo import haversine_km
from geokit.maps import build_map
from geokit.maps.flows import anchor_route, areas, border_anchor
from geokit.maps.records import headline
from geokit.maps.safe import StringTable
from geokit.maps.spread import ring_offsets, site_refs, spread
from geokit.model import Movement, PlaceRef

SYRIA = (35.0, 38.0, 4)  # a country's point, as the gazetteer gives it
REYHANLI = (36.268, 36.567)
CROSSING = ("Test gate", 36.236, 36.662)  # a crossing on the Turkey-Syria border near Reyhanli


def _country_at(lat, lon):
    return areas().containing(lat, lon, "countries")[1]


def test_a_country_end_moves_to_the_crossing_nearest_the_other_end():
    a = border_anchor(SYRIA, REYHANLI, [CROSSING, ("Far gate", 32.6, 36.1)])
    assert a is not None and a.how == "at Test gate"
    assert (a.lat, a.lon) == (CROSSING[1], CROSSING[2])


def test_without_a_crossing_the_nearest_border_point_is_used():
    a = border_anchor(SYRIA, REYHANLI, [])
    assert a is not None and "border point" in a.how
    assert haversine_km(a.lat, a.lon, *REYHANLI) < 15, "the border is a few km from Reyhanli"
    assert haversine_km(a.lat, a.lon, SYRIA[0], SYRIA[1]) > 150, "never the country's centre"


def test_precise_ends_and_ends_inside_the_area_stay():
    assert border_anchor((36.2, 37.15, 1), REYHANLI, []) is None
    assert border_anchor(SYRIA, (36.2, 37.15), []) is None  # Aleppo is inside Syria


def test_a_route_through_a_vague_country_keeps_its_precise_stops():
    S = StringTable()
    pts = [[35.0, 38.0, S("Syria"), 4], [39.0, 35.0, S("Turkey"), 4], [36.206, 36.157, S("Antakya"), 1]]
    out, moved = anchor_route(pts, [], S)
    names = [S.strings[p[2]] for p in out]
    assert names == ["Syria", "Antakya"], "'via Turkey' to a Turkish town is left out"
    assert moved == 1 and haversine_km(out[0][0], out[0][1], 36.206, 36.157) < 60
    assert S.strings[out[0][4]].startswith("drawn at")


def test_two_vague_countries_make_a_stub_across_their_border():
    S = StringTable()
    pts = [[35.0, 38.0, S("Syria"), 4], [39.0, 35.0, S("Turkey"), 4]]
    out, moved = anchor_route(pts, [], S)
    assert moved == 2
    (la1, lo1), (la2, lo2) = out[0][:2], out[1][:2]
    assert haversine_km(la1, lo1, la2, lo2) < 40
    assert _country_at(la1, lo1) == "Syria" and _country_at(la2, lo2) == "Turkey"


def test_headline_is_the_largest_figure():
    assert headline({"generals": 1, "officers": 14, "soldiers": 85, "people": 293}) == "293 people"
    assert headline({"people": [200, 300], "soldiers": 7}) == "200–300 people"
    assert headline({}) == "" and headline(None) == ""


def test_build_map_never_draws_a_country_centroid():
    mv = [Movement(id=f"m{i}", type="defection", date=f"2012-06-0{i + 1}",
                   origin=PlaceRef(name="Syria", lat=35.0, lon=38.0, geo_precision=4),
                   destination=PlaceRef(name="Reyhanli", lat=36.268, lon=36.567, geo_precision=1),
                   counts={"soldiers": 10 * (i + 1)}) for i in range(3)]
    gm = build_map(movements=mv)
    page = gm.html()
    assert "[35.0,38.0" not in page and "[35,38" not in page


def test_rings_keep_co_located_markers_apart():
    for n in (2, 3, 7, 8, 9, 30):
        offs = ring_offsets(n, 11.0)
        assert len(offs) == n
        for i in range(n):
            for j in range(i + 1, n):
                dx, dy = offs[i][0] - offs[j][0], offs[i][1] - offs[j][1]
                assert dx * dx + dy * dy >= 13 * 13, (n, offs)  # 14-px markers barely touch at most
    rows = [[0] * 9 + [36.0, 36.0] for _ in range(3)] + [[0] * 9 + [37.0, 37.0]]
    spread([rows], sites=[])
    assert rows[3][-1] == 0 and all(isinstance(r[-1], list) for r in rows[:3])
    site_rows = [[0] * 9 + [38.0, 38.0]]
    spread([site_rows], sites=[(38.0, 38.0)])
    dx, dy = site_rows[0][-1]
    assert dx * dx + dy * dy >= 19 * 19, "a lone event at a site is drawn clear of the site's icon"


def test_a_site_lists_the_records_there():
    sites = [["Camp", "camp", 36.0, 36.0, "", "c1"], ["Gate", "crossing", 37.0, 37.0, "", "g1"]]
    events = [[0] * 9 + [36.001, 36.001], [0] * 9 + [36.5, 36.5]]
    moves = [[0] * 9 + [[[35.0, 35.0, 0, 1], [37.0, 37.0, 0, 1]]]]
    site_refs(sites, events, [], moves)
    assert sites[0][6] == [["event", 0]]
    assert sites[1][6] == [["movement", 0]]


def test_sites_at_one_point_are_set_side_by_side():
    from geokit.maps.spread import spread_sites

    groups = {"camp": [["A camp", "camp", 36.234, 36.322, "", "c", []]],
              "town": [["A village", "town", 36.2341, 36.3221, "", "t", []],
                       ["Far town", "town", 37.0, 37.0, "", "f", []]]}
    shared = spread_sites(groups)
    camp, village, far = groups["camp"][0], groups["town"][0], groups["town"][1]
    assert far[7] == 0 and isinstance(camp[7], list) and isinstance(village[7], list)
    dx, dy = camp[7][0] - village[7][0], camp[7][1] - village[7][1]
    assert dx * dx + dy * dy >= 24 * 24, "two 24-px icons must not overlap"
    assert shared[(36.234, 36.322)] == 2
