"""Batch runs: same results serially and on a process pool, bad input reported, resume, worker deaths."""

from __future__ import annotations

import functools
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from batch_fns import fake_parse, kill_always, kill_once

from geokit.batch import run as batch
from geokit.batch.inputs import InputDoc
from geokit.batch.sinks import SinkError, read_jsonl

TOWNS = ["Kilis", "Reyhanli", "Antakya", "Gaziantep", "Idlib", "Aleppo", "Hama", "Homs", "Latakia", "Jisr"]


def sample_docs(n: int) -> list[dict]:
    """Small made-up reports, each distinct, with dates."""
    docs = []
    for i in range(n):
        a, b = TOWNS[i % len(TOWNS)], TOWNS[(i * 3 + 1) % len(TOWNS)]
        text = (f"Report {i}: about {10 + i} families left {a} on Monday and reached {b} "
                f"two days later, according to officials in Ankara.")
        docs.append({"id": f"d{i:02d}", "text": text, "published": f"2012-06-{1 + i % 28:02d}"})
    return docs


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def by_id(path: Path) -> dict[str, dict]:
    rows = list(read_jsonl(path))
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "an id was written twice"
    return {r["id"]: r for r in rows}


def errors_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOKIT_HOME", str(tmp_path / "home"))


def test_serial_and_process_pool_give_the_same_results(tmp_path):
    feed = write_jsonl(tmp_path / "docs.jsonl", sample_docs(24))
    s1 = batch.run(feed, out=tmp_path / "serial.jsonl", fn=fake_parse, progress=False)
    s2 = batch.run(feed, out=tmp_path / "pool.jsonl", fn=fake_parse, workers=2, chunksize=3, progress=False)
    assert s1.processed == s2.processed == 24 and s1.errors == s2.errors == 0
    assert s2.runner == "processes x2"
    serial, pool = by_id(tmp_path / "serial.jsonl"), by_id(tmp_path / "pool.jsonl")
    assert serial == pool
    expected = fake_parse(InputDoc("d05", sample_docs(24)[5]["text"]))["toponyms"]
    assert serial["d05"]["toponyms"] == expected and len(expected) >= 3
    assert serial["d05"]["published"] == "2012-06-06"


def test_a_clean_run_leaves_no_errors_file_and_a_clean_rerun_removes_a_stale_one(tmp_path):
    good = write_jsonl(tmp_path / "docs.jsonl", sample_docs(3))
    s = batch.run(good, out=tmp_path / "out.jsonl", fn=fake_parse, progress=False)
    assert s.processed == 3 and not Path(s.errors_path).exists()
    bad = tmp_path / "mixed.jsonl"
    bad.write_text(good.read_text("utf-8") + "not json\n", "utf-8")
    s = batch.run(bad, out=tmp_path / "out2.jsonl", fn=fake_parse, progress=False)
    assert len(errors_of(Path(s.errors_path))) == 1
    bad.write_text(good.read_text("utf-8"), "utf-8")  # fixed: the rerun has nothing to report
    s = batch.run(bad, out=tmp_path / "out2.jsonl", fn=fake_parse, progress=False)
    assert not Path(s.errors_path).exists()


def test_bad_inputs_reported_and_everything_else_processed(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    good = sample_docs(6)
    for d in good[:3]:
        (src / f"{d['id']}.txt").write_text(d["text"], encoding="utf-8")
    (src / "sub" / "d00.txt").write_text("Duplicate id from Mersin.", encoding="utf-8")
    (src / "scan.txt").write_bytes(b"\x00\x01\x02" * 400)
    (src / "broken.parquet").write_bytes(b"PAR1 this is not parquet at all")
    feed = good[3:] + [{"id": "bad", "text": "EXPLODE in Hatay"}]
    write_jsonl(src / "feed.jsonl", feed)
    with open(src / "feed.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"id": "cut", "text": "unterminated\n')
    errs = tmp_path / "errs.jsonl"
    s = batch.run([src, tmp_path / "missing.txt"], out=tmp_path / "out.jsonl", fn=fake_parse,
                  errors_path=errs, workers=2, chunksize=2, progress=False)
    out = by_id(tmp_path / "out.jsonl")
    assert set(out) == {"d00", "d01", "d02", "d00#2", "d03", "d04", "d05"}
    assert s.processed == 7 and s.failed == 1 and s.input_errors == 4 and s.warnings == 1
    rows = errors_of(errs)
    reasons = {(r["stage"], r["level"]): [] for r in rows}
    for r in rows:
        reasons[(r["stage"], r["level"])].append(r)
    failed = reasons[("process", "error")]
    assert [r["id"] for r in failed] == ["bad"] and "makes the parser fail" in failed[0]["reason"]
    inputs = {Path(r["source"].split(":")[0]).name: r["reason"] for r in reasons[("input", "error")]}
    assert "binary" in inputs["scan.txt"]
    assert "corrupt" in inputs["broken.parquet"]
    assert "no such file" in inputs["missing.txt"]
    assert "invalid JSON" in inputs["feed.jsonl"] and "line 5" in inputs["feed.jsonl"]
    dup = reasons[("input", "warning")]
    assert dup[0]["id"] == "d00#2" and "duplicate id" in dup[0]["reason"]


def test_rerun_skips_done_documents_and_redoes_changed_ones(tmp_path):
    docs = sample_docs(10)
    feed = write_jsonl(tmp_path / "docs.jsonl", docs)
    out = tmp_path / "out.jsonl"
    first = batch.run(feed, out=out, fn=fake_parse, progress=False)
    again = batch.run(feed, out=out, fn=fake_parse, progress=False)
    assert (first.processed, again.processed, again.skipped) == (10, 0, 10)
    docs[4]["text"] = "Changed: the convoy turned back towards Sanliurfa."
    write_jsonl(feed, docs)
    third = batch.run(feed, out=out, fn=fake_parse, progress=False)
    assert (third.processed, third.skipped) == (1, 9)
    rows = by_id(out)  # asserts the stale row for d04 is gone
    assert len(rows) == 10 and [t["text"] for t in rows["d04"]["toponyms"]] == ["Changed", "Sanliurfa"]
    fresh = batch.run(feed, out=out, fn=fake_parse, resume=False, progress=False)
    assert fresh.processed == 10 and len(by_id(out)) == 10


def test_worker_killed_once_loses_nothing(tmp_path):
    feed = write_jsonl(tmp_path / "docs.jsonl", sample_docs(20))
    fn = functools.partial(kill_once, str(tmp_path), "d07")
    s = batch.run(feed, out=tmp_path / "out.jsonl", fn=fn, workers=2, chunksize=2, progress=False)
    assert (tmp_path / "killed-d07").exists(), "the worker was never killed"
    assert s.processed == 20 and s.errors == 0
    batch.run(feed, out=tmp_path / "serial.jsonl", fn=fake_parse, progress=False)
    assert by_id(tmp_path / "out.jsonl") == by_id(tmp_path / "serial.jsonl")


def test_document_that_always_kills_its_worker_is_reported_then_rerun_completes(tmp_path):
    feed = write_jsonl(tmp_path / "docs.jsonl", sample_docs(16))
    out, errs = tmp_path / "out.jsonl", tmp_path / "errs.jsonl"
    s = batch.run(feed, out=out, fn=functools.partial(kill_always, "d09"), workers=2, chunksize=3,
                  errors_path=errs, progress=False)
    assert s.processed == 15 and s.failed == 1
    assert set(by_id(out)) == {f"d{i:02d}" for i in range(16)} - {"d09"}
    [err] = errors_of(errs)
    assert err["id"] == "d09" and err["stage"] == "worker" and "died" in err["reason"]
    again = batch.run(feed, out=out, fn=fake_parse, workers=2, errors_path=errs, progress=False)
    assert (again.processed, again.skipped, again.errors) == (1, 15, 0)
    assert len(by_id(out)) == 16 and not errs.exists()  # nothing left to report: no errors file


def test_killed_run_keeps_finished_results_and_rerun_completes(tmp_path):
    feed = write_jsonl(tmp_path / "docs.jsonl", sample_docs(40))
    out = tmp_path / "out.jsonl"
    tests_dir = Path(__file__).resolve().parent
    script = textwrap.dedent(f"""
        import functools, sys
        sys.path.insert(0, {str(tests_dir)!r})
        from batch_fns import slow_parse
        from geokit.batch import run as batch
        if __name__ == "__main__":
            batch.run({str(feed)!r}, out={str(out)!r}, fn=functools.partial(slow_parse, 0.05),
                      workers=2, chunksize=1, progress=False)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            if out.exists() and out.read_text("utf-8").count("\n") >= 6:
                break
            time.sleep(0.05)
        else:
            pytest.fail("the batch run wrote nothing")
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers, mid-run
        proc.wait()
    kept = out.read_text("utf-8").count("\n")
    assert 6 <= kept < 40
    s = batch.run(feed, out=out, fn=fake_parse, progress=False)
    assert s.skipped >= 6 and s.processed + s.skipped == 40
    assert len(by_id(out)) == 40


def test_parquet_output_is_geoparquet_and_resumable(tmp_path):
    gpd = pytest.importorskip("geopandas")
    pytest.importorskip("pyarrow")
    docs = sample_docs(12)
    feed = write_jsonl(tmp_path / "docs.jsonl", docs)
    out = tmp_path / "out.parquet"
    s = batch.run(feed, out=out, fn=fake_parse, part_docs=5, progress=False)
    assert s.processed == 12 and len(list(out.glob("part-*.parquet"))) == 3
    gdf = gpd.read_parquet(out)
    expected = sum(len(fake_parse(InputDoc(d["id"], d["text"]))["toponyms"]) for d in docs)
    assert len(gdf) == expected and gdf.geometry.notna().all()
    row = gdf[gdf["doc"] == "d03"].iloc[0]
    assert (row.geometry.x, row.geometry.y) == pytest.approx((row["lon"], row["lat"]))
    docs[3]["text"] = "Only Ceylanpinar now."
    write_jsonl(feed, docs)
    again = batch.run(feed, out=out, fn=fake_parse, part_docs=5, progress=False)
    assert (again.processed, again.skipped) == (1, 11)
    gdf = gpd.read_parquet(out)
    assert list(gdf[gdf["doc"] == "d03"]["text"]) == ["Only", "Ceylanpinar"]


def test_progress_bar_reports_rate(tmp_path, capsys):
    feed = write_jsonl(tmp_path / "docs.jsonl", sample_docs(5))
    batch.run(feed, out=tmp_path / "out.jsonl", fn=fake_parse, progress=True)
    err = capsys.readouterr().err
    assert "geokit parse" in err and "doc/s" in err and "5doc" in err.replace(" ", "")


def test_bad_arguments_and_foreign_output(tmp_path):
    feed = write_jsonl(tmp_path / "docs.jsonl", sample_docs(2))
    with pytest.raises(ValueError, match="task"):
        batch.run(feed, task="summarise", out=tmp_path / "o.jsonl")
    with pytest.raises(ValueError, match="workers"):
        batch.run(feed, out=tmp_path / "o.jsonl", workers=-2)
    with pytest.raises(TypeError, match="callable"):
        batch.run(feed, out=tmp_path / "o.jsonl", fn="parse")
    foreign = tmp_path / "notes.jsonl"
    foreign.write_text('{"title": "my own notes"}\n', encoding="utf-8")
    with pytest.raises(SinkError, match="not a geokit batch result"):
        batch.run(feed, out=foreign, fn=fake_parse, progress=False)
    assert foreign.read_text("utf-8") == '{"title": "my own notes"}\n'


def test_fn_returning_wrong_type_is_a_per_document_error(tmp_path):
    feed = write_jsonl(tmp_path / "docs.jsonl", sample_docs(3))
    errs = tmp_path / "e.jsonl"
    s = batch.run(feed, out=tmp_path / "o.jsonl", fn=id, errors_path=errs, progress=False)
    assert s.processed == 0 and s.failed == 3
    assert all("must return a dict" in r["reason"] for r in errors_of(errs))
