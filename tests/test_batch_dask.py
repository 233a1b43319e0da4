"""The Dask path gives the same results as the serial path, and survives a killed worker."""

from __future__ import annotations

import functools
import json

import pytest

pytest.importorskip("dask.bag", reason="needs the dask extra: pip install 'geokit[dask]'")
pytest.importorskip("distributed", reason="needs the dask extra: pip install 'geokit[dask]'")

import dask.bag as db  # noqa: E402
from batch_fns import fake_parse, hang_blocked_on, hang_on, hog_on, kill_once  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402
from test_batch import by_id, sample_docs, write_jsonl  # noqa: E402

from geokit.batch import dask as gdask  # noqa: E402
from geokit.batch import run as batch  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as lc, Client(lc) as client:
        yield lc, client


def test_parse_bag_matches_serial(tmp_path, cluster):
    _, client = cluster
    docs = sample_docs(20) + [{"id": "bad", "text": "EXPLODE near Hatay"}, {"id": "nil", "text": None}]
    feed = write_jsonl(tmp_path / "docs.jsonl", docs[:20])
    batch.run(feed, out=tmp_path / "serial.jsonl", fn=fake_parse, progress=False)
    serial = {k: {f: v for f, v in r.items() if f != "seq"}
              for k, r in by_id(tmp_path / "serial.jsonl").items()}
    rows = gdask.parse_bag(db.from_sequence(docs, npartitions=4), fn=fake_parse).compute()
    got = {r["id"]: r for r in rows}
    assert len(rows) == 22
    assert "makes the parser fail" in got.pop("bad")["error"]
    assert "text" in got.pop("nil")["error"]
    assert got == serial


def test_read_jsonl_bag_keeps_bad_lines_as_errors(tmp_path, cluster):
    feed = write_jsonl(tmp_path / "docs.jsonl", sample_docs(6))
    with open(feed, "a", encoding="utf-8") as fh:
        fh.write("{broken\n")
    rows = gdask.parse_bag(gdask.read_jsonl_bag(str(feed), blocksize=200), fn=fake_parse).compute()
    assert sorted(r["id"] for r in rows if "error" not in r) == [f"d{i:02d}" for i in range(6)]
    [bad] = [r for r in rows if "error" in r]
    assert "invalid JSON" in bad["error"]


def test_batch_run_on_scheduler_matches_serial(tmp_path, cluster):
    lc, _ = cluster
    feed = write_jsonl(tmp_path / "docs.jsonl", sample_docs(20))
    batch.run(feed, out=tmp_path / "serial.jsonl", fn=fake_parse, progress=False)
    s = batch.run(feed, out=tmp_path / "dask.jsonl", fn=fake_parse, scheduler=lc.scheduler_address,
                  chunksize=3, progress=False)
    assert s.processed == 20 and s.runner.startswith("dask")
    assert by_id(tmp_path / "dask.jsonl") == by_id(tmp_path / "serial.jsonl")
    again = batch.run(feed, out=tmp_path / "dask.jsonl", fn=fake_parse, scheduler=lc.scheduler_address,
                      progress=False)
    assert (again.processed, again.skipped) == (0, 20)


def test_killed_dask_worker_loses_nothing(tmp_path, cluster):
    lc, _ = cluster
    feed = write_jsonl(tmp_path / "docs.jsonl", sample_docs(20))
    fn = functools.partial(kill_once, str(tmp_path), "d11")
    errs = tmp_path / "errs.jsonl"
    s = batch.run(feed, out=tmp_path / "dask.jsonl", fn=fn, scheduler=lc.scheduler_address, chunksize=2,
                  errors_path=errs, progress=False)
    assert (tmp_path / "killed-d11").exists(), "no worker was killed"
    assert s.processed == 20 and s.errors == 0, errs.read_text("utf-8")
    batch.run(feed, out=tmp_path / "serial.jsonl", fn=fake_parse, progress=False)
    assert by_id(tmp_path / "dask.jsonl") == by_id(tmp_path / "serial.jsonl")


def test_parse_bag_rejects_non_bags():
    with pytest.raises(TypeError, match="dask.bag"):
        gdask.parse_bag([json.dumps({"text": "x"})])


# ------------------------------------------------------------------ budgets (as on the local pool)


def _budget_feed(tmp_path, n: int = 8):
    return write_jsonl(tmp_path / "docs.jsonl", sample_docs(n))


def _errors(path) -> list[dict]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


def test_dask_document_over_its_time_budget_is_an_error_row(tmp_path, cluster):
    lc, _ = cluster
    out, errs = tmp_path / "out.jsonl", tmp_path / "errs.jsonl"
    s = batch.run(_budget_feed(tmp_path), out=out, fn=functools.partial(hang_on, "d02"),
                  scheduler=lc.scheduler_address, chunksize=4, errors_path=errs, progress=False,
                  time_budget=1.0)
    assert set(by_id(out)) == {f"d{i:02d}" for i in range(8)} - {"d02"}
    [err] = _errors(errs)
    assert err["id"] == "d02" and "time budget" in err["reason"]
    assert (s.processed, s.failed) == (7, 1)


def test_dask_stuck_worker_is_restarted_and_its_chunk_mates_retried(tmp_path, cluster, monkeypatch):
    lc, _ = cluster
    monkeypatch.setattr(gdask, "HARD_GRACE", 2.0)
    out, errs = tmp_path / "out.jsonl", tmp_path / "errs.jsonl"
    s = batch.run(_budget_feed(tmp_path, 6), out=out, fn=functools.partial(hang_blocked_on, "d03"),
                  scheduler=lc.scheduler_address, chunksize=2, errors_path=errs, progress=False,
                  time_budget=1.0)
    assert set(by_id(out)) == {f"d{i:02d}" for i in range(6)} - {"d03"}
    [err] = _errors(errs)
    assert err["id"] == "d03" and "time budget" in err["reason"]
    assert (s.processed, s.failed) == (5, 1)


def test_dask_document_over_its_memory_budget_is_an_error_row(tmp_path, cluster):
    lc, _ = cluster
    out, errs = tmp_path / "out.jsonl", tmp_path / "errs.jsonl"
    s = batch.run(_budget_feed(tmp_path), out=out, fn=functools.partial(hog_on, "d03"),
                  scheduler=lc.scheduler_address, chunksize=8, errors_path=errs, progress=False,
                  memory_budget=256)
    assert set(by_id(out)) == {f"d{i:02d}" for i in range(8)} - {"d03"}
    [err] = _errors(errs)
    assert err["id"] == "d03" and "memory" in err["reason"].lower()
    assert s.failed == 1


def test_dask_cli_run_reports_failed_inputs_with_exit_3(tmp_path, cluster, capsys):
    from geokit.cli import main

    lc, _ = cluster
    feed = write_jsonl(tmp_path / "docs.jsonl", sample_docs(3))
    with open(feed, "a", encoding="utf-8") as fh:
        fh.write("{broken\n")
    out = tmp_path / "out.jsonl"
    assert main(["batch", "parse", str(feed), "-o", str(out), "--scheduler", lc.scheduler_address, "-q",
                 "--time-budget", "60", "--memory-budget", "2048"]) == 3
    assert len(by_id(out)) == 3
    [err] = _errors(tmp_path / "out.errors.jsonl")
    assert err["stage"] == "input" and "JSON" in err["reason"]


def test_parse_bag_documents_have_budgets_too(cluster):
    docs = sample_docs(4)
    rows = gdask.parse_bag(db.from_sequence(docs, npartitions=1), fn=functools.partial(hang_on, "d01"),
                           time_budget=1.0).compute()
    got = {r["id"]: r for r in rows}
    assert "time budget" in got.pop("d01")["error"]
    assert all("error" not in r for r in got.values()) and len(got) == 3
