"""The main job (``geokit demo`` / ``geokit.batch.mainjob.run_main``): outputs, reruns, bad inputs.

Sample texts here are written for these tests; the demo corpus ships with the package.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from geokit.batch.mainjob import (
    OUTPUT_NAMES,
    PLACES_COLUMNS,
    MainJobError,
    OutputError,
    run_main,
    write_outputs,
)

REMOTE = re.compile(r"^\s*(?:https?:)?//", re.I)
OWN_TEXT = ("Families from Idlib crossed into Turkey near Reyhanli on Tuesday and were taken to a camp "
            "in Hatay Province, local officials said.\n")


def _quiet():
    lines: list[str] = []
    return lines, lines.append


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory, store):
    out = tmp_path_factory.mktemp("main") / "outputs"
    said, say = _quiet()
    warned, warn = _quiet()
    result = run_main(None, out, say=say, warn=warn)
    return result, out, said, warned


def test_all_outputs_written_and_nothing_else(demo_run):
    result, out, _, _ = demo_run
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(OUTPUT_NAMES)  # no temporary files left behind
    for f in result.files:
        assert f.path.stat().st_size == f.bytes > 0


def test_demo_corpus_gives_records(demo_run):
    result, _, _, warned = demo_run
    assert len(result.documents) >= 5
    assert result.resolved > 20
    assert len(result.extraction.events) > 0
    assert len(result.extraction.movements) > 0
    assert not result.problems, warned


def test_places_csv_matches_the_texts(demo_run):
    result, out, _, _ = demo_run
    texts = {d.id: d.text for d in result.documents}
    with open(out / "places.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and list(rows[0]) == list(PLACES_COLUMNS)
    assert len(rows) == result.resolved
    for r in rows:
        start, end = int(r["start"]), int(r["end"])
        assert texts[r["doc"]][start:end] == r["text"]
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180
        assert 0 <= float(r["score"]) <= 1
        assert r["geonameid"] == "" or int(r["geonameid"]) > 0


def test_events_csv_and_geojson_parse(demo_run):
    result, out, _, _ = demo_run
    with open(out / "events.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(result.extraction.events) > 0
    ev = json.loads((out / "events.geojson").read_text("utf-8"))
    mv = json.loads((out / "movements.geojson").read_text("utf-8"))
    assert ev["type"] == mv["type"] == "FeatureCollection"
    assert ev["features"] and mv["features"]
    for f in ev["features"]:
        g = f["geometry"]
        assert g is None or g["type"] == "Point"
    line_types = {f["geometry"]["type"] for f in mv["features"] if f["geometry"]}
    assert line_types <= {"LineString", "MultiLineString", "Point"}
    records = [json.loads(line) for line in (out / "records.jsonl").read_text("utf-8").splitlines()]
    assert {r["kind"] for r in records} >= {"event", "movement"}


class _Fetches(HTMLParser):
    """Attributes of real tags (not text inside scripts) that would make a browser fetch a URL."""

    def __init__(self) -> None:
        super().__init__()
        self.remote: list[str] = []

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if (tag != "a" and key in ("src", "href", "srcset", "data", "poster")
                    and REMOTE.match(value or "")):
                self.remote.append(f"<{tag} {key}={value}>")


def test_map_is_self_contained(demo_run):
    _, out, _, _ = demo_run
    page = (out / "border_map.html").read_text("utf-8")
    assert "L.map(" in page or "leaflet" in page.lower()
    parser = _Fetches()
    parser.feed(page)
    assert not parser.remote, f"remote assets in the map: {parser.remote[:5]}"
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", page, re.I), "CSS url() to the network"
    assert "@import" not in page


def test_summary_lists_linked_reports_and_files(demo_run):
    result, _, _, _ = demo_run
    text = result.summary()
    assert f"reports: {len(result.documents)}" in text
    for name in OUTPUT_NAMES:
        assert name in text
    for r in result.linked():
        docs = {s.doc for s in r.sources}
        assert len(docs) > 1
        assert all(d in text for d in docs)


def test_rerun_overwrites_cleanly(tmp_path, store):
    src = tmp_path / "report.txt"
    src.write_text(OWN_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    run_main(None, out, say=lambda s: None, warn=lambda s: None)
    first = (out / "places.csv").read_text("utf-8")
    (out / "events.csv").write_text("stale\n", encoding="utf-8")
    result = run_main([src], out, say=lambda s: None, warn=lambda s: None)
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUT_NAMES)
    assert (out / "events.csv").read_text("utf-8") != "stale\n"
    places = (out / "places.csv").read_text("utf-8")
    assert places != first
    with open(out / "places.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["doc"] for r in rows} == {"report"}
    assert len(rows) == result.resolved > 0


def test_bad_inputs_are_reported_and_good_ones_processed(tmp_path, store):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text(OWN_TEXT, encoding="utf-8")
    (tmp_path / "in" / "noise.txt").write_bytes(bytes(range(256)) * 20)
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = tmp_path / "missing.txt"
    warned, warn = _quiet()
    result = run_main([missing, empty, tmp_path / "in"], tmp_path / "out", say=lambda s: None, warn=warn)
    assert [d.id for d in result.documents] == ["good"]
    joined = "\n".join(warned)
    assert "missing.txt" in joined and "no such file" in joined
    assert str(empty) in joined
    assert "noise.txt" in joined
    assert len(result.problems) == 3
    assert (tmp_path / "out" / "places.csv").exists()


def test_no_readable_input_is_an_error_and_writes_nothing(tmp_path, store):
    out = tmp_path / "out"
    with pytest.raises(MainJobError, match="no readable reports"):
        run_main([tmp_path / "nothing-here"], out, say=lambda s: None, warn=lambda s: None)
    assert not out.exists()


def test_output_folder_that_cannot_be_created(tmp_path, store):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot write to the output folder"):
        run_main(None, blocker / "outputs", say=lambda s: None, warn=lambda s: None)
    assert blocker.read_text() == "x"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root can write to read-only folders")
def test_read_only_output_folder(tmp_path, store):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        with pytest.raises(OutputError):
            run_main(None, out, say=lambda s: None, warn=lambda s: None)
        assert list(out.iterdir()) == []
    finally:
        out.chmod(0o755)


def test_failure_while_writing_keeps_old_outputs(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    write_outputs(out, {"a.txt": b"old a", "b.txt": b"old b"})
    real_fsync = os.fsync
    calls = []

    def flaky_fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", flaky_fsync)
    with pytest.raises(OutputError, match="No space left"):
        write_outputs(out, {"a.txt": b"new a", "b.txt": b"new b"})
    assert (out / "a.txt").read_bytes() == b"old a"
    assert (out / "b.txt").read_bytes() == b"old b"
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt"]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geokit.cli", *args], cwd=cwd, capture_output=True,
                          text=True,
                          env=dict(os.environ), timeout=300)


def test_cli_demo_writes_outputs_and_summary(tmp_path, store):
    proc = _cli("demo", "-o", "outputs", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "wrote" in proc.stdout and "border_map.html" in proc.stdout
    assert (tmp_path / "outputs" / "border_map.html").stat().st_size > 10_000


def test_cli_unwritable_output_is_one_line_and_nonzero(tmp_path, store):
    (tmp_path / "outputs").write_text("not a folder")
    proc = _cli("demo", "-o", "outputs/sub", cwd=tmp_path)
    assert proc.returncode != 0
    err = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(err) == 1 and "cannot write to the output folder" in err[0], proc.stderr
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "outputs").read_text() == "not a folder"


def test_bad_default_date_is_a_clear_error_and_leaves_no_folder(tmp_path, store):
    out = tmp_path / "out"
    with pytest.raises(ValueError, match="date"):
        run_main(None, out, published="the day after", say=lambda s: None, warn=lambda s: None)
    assert not out.exists()


def test_map_title_gives_the_span_the_time_slider_covers():
    import json
    import re

    from geokit.maps.geomap import build_map

    events = [{"id": "a", "type": "attack", "date": "2012-03-08", "lat": 36.2, "lon": 36.5},
              {"id": "b", "type": "attack", "date": "2012-10-03", "lat": 36.3, "lon": 36.6},
              {"id": "c", "type": "attack", "date": None, "lat": 36.3, "lon": 36.6},
              {"id": "d", "type": "attack", "date": "2011-01-01"}]  # not on the map: not in the slider
    page = build_map(events=events, title="geokit: 2 reports", title_span=True).html()
    want = "geokit: 2 reports · 2012-03-08 – 2012-10-03"
    assert json.dumps(want)[1:-1] in page or want in page
    days = [int(d) for d in re.search(r'"days":\s*\[([0-9,\s]+)\]', page).group(1).split(",")]
    epoch = dt.date(1970, 1, 1)
    assert [epoch + dt.timedelta(days=d) for d in (min(days), max(days))] == [dt.date(2012, 3, 8),
                                                                             dt.date(2012, 10, 3)]
    assert build_map(events=events[2:3], title="T", title_span=True).title == "T"  # nothing dated: no span
    assert "T · 2012" not in build_map(events=events, title="T").html()  # a caller's own title stays as given


def test_a_map_that_fails_to_write_leaves_the_earlier_file_whole(tmp_path, monkeypatch):
    from geokit.maps.geomap import GeoMap, build_map

    out = tmp_path / "map.html"
    gm = build_map(events=[{"id": "a", "type": "attack", "date": "2012-03-08", "lat": 36.2, "lon": 36.5}])
    gm.save(out)
    before = out.read_bytes()
    monkeypatch.setattr(GeoMap, "html", lambda self: "<html>" + "x" * 100_000 + "\ud800</html>")
    with pytest.raises(UnicodeEncodeError):
        gm.save(out)  # the page cannot be encoded half-way through the write
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]  # no temporary file left behind
