"""The real geoparser over a small collection: serial, process-pool and Dask paths agree document by
document."""

from __future__ import annotations

import json

import pytest

from geokit.batch import run as batch
from geokit.batch.sinks import read_jsonl

# Own sample reports (made up for these tests); place names are real, facts are not.
PLACES = [("Idlib", "Reyhanli"), ("Aleppo", "Kilis"), ("Hama", "Gaziantep"), ("Homs", "Tripoli"),
          ("Daraa", "Amman"), ("Latakia", "Antakya"), ("Raqqa", "Sanliurfa"), ("Deir ez-Zor", "Baghdad"),
          ("Jisr al-Shughur", "Hatay"), ("Damascus", "Beirut")]
TEMPLATES = [
    "About {n} families fled {a} on Monday and crossed into {b}, officials said.",
    "A convoy carrying {n} people left {a} for the border near {b} late on Friday.",
    "Aid workers in {b} reported {n} new arrivals from {a} during the past week.",
    "Shelling near {a} forced {n} residents to seek shelter in camps close to {b}.",
]


def reports() -> list[dict]:
    out = []
    for i in range(20):
        a, b = PLACES[i % len(PLACES)]
        text = TEMPLATES[i % len(TEMPLATES)].format(n=40 + 7 * i, a=a, b=b)
        out.append({"id": f"r{i:02d}", "text": text, "published": f"2012-07-{1 + i:02d}"})
    return out


def rows_by_id(path):
    return {r["id"]: r for r in read_jsonl(path)}


@pytest.fixture(scope="module")
def feed(tmp_path_factory):
    d = tmp_path_factory.mktemp("real")
    p = d / "reports.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in reports()), encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def serial(feed):
    out = feed.with_name("serial.jsonl")
    s = batch.run(feed, out=out, progress=False)
    assert s.processed == 20 and s.errors == 0
    return rows_by_id(out)


def test_serial_results_are_parses(serial):
    import geokit

    first = reports()[0]
    expected = geokit.parse(first["text"], published=first["published"]).to_dict()["toponyms"]
    assert serial["r00"]["toponyms"] == expected
    named = {t["text"] for r in serial.values() for t in r["toponyms"] if t["geonameid"]}
    assert {"Aleppo", "Kilis", "Damascus"} <= named


def test_process_pool_matches_serial(feed, serial):
    out = feed.with_name("pool.jsonl")
    s = batch.run(feed, out=out, workers=2, chunksize=3, progress=False, resume=False)
    assert s.processed == 20 and s.runner == "processes x2"
    assert rows_by_id(out) == serial


def test_dask_local_cluster_matches_serial(feed, serial):
    pytest.importorskip("distributed", reason="needs the dask extra: pip install 'geokit[dask]'")
    out = feed.with_name("dask.jsonl")
    s = batch.run(feed, out=out, workers=2, scheduler="local", chunksize=3, progress=False, resume=False)
    assert s.processed == 20 and s.runner.startswith("dask")
    assert rows_by_id(out) == serial


def test_cli_batch_parse_reports_bad_files_and_exit_status(tmp_path, capsys):
    from geokit.cli import main

    src = tmp_path / "in"
    src.mkdir()
    for r in reports()[:3]:
        (src / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    (src / "scan.txt").write_bytes(b"\x00\xff" * 300)
    out = tmp_path / "out.jsonl"
    rc = main(["batch", "parse", str(src), "-o", str(out), "--published", "2012-07-01", "-q"])
    err = capsys.readouterr().err
    assert rc == 3
    assert "3 processed" in err and "1 unreadable" in err and "scan" in err and "binary" in err
    assert sorted(rows_by_id(out)) == ["r00", "r01", "r02"]
    assert main(["batch", "parse", str(src / "r00.txt"), "-o", str(tmp_path / "one.jsonl"), "-q"]) == 0
    assert main(["batch", "parse", str(tmp_path / "nothing"), "-o", str(tmp_path / "x.jsonl"), "-q"]) == 1
    assert main(["batch", "parse", str(src), "-o", str(out), "--workers", "-2"]) == 1
    assert "--workers" in capsys.readouterr().err
