"""A run that starts over (--no-resume) keeps the previous output until it has finished.

Before the fix, ``resume=False`` truncated the JSONL output (and deleted the Parquet parts) before any
work, so a run interrupted or failing early lost every earlier result. Now the new results are staged
beside the output and replace it at the end; the next resuming run continues an unfinished staging.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from batch_fns import fake_parse, fake_parse_v2, interrupt_on
from test_batch import by_id, errors_of, sample_docs, write_jsonl

from geokit.batch import run as batch
from geokit.batch import sinks
from geokit.cli import main


def _feed(tmp_path: Path, n: int = 12) -> Path:
    docs = sample_docs(n) + [{"id": "bad", "text": "EXPLODE near Kilis"}]
    return write_jsonl(tmp_path / "docs.jsonl", docs)


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_interrupted_start_over_keeps_jsonl_output_and_errors_then_resume_finishes_it(tmp_path):
    feed = _feed(tmp_path)
    out, errs = tmp_path / "out.jsonl", tmp_path / "errs.jsonl"
    first = batch.run(feed, out=out, fn=fake_parse, errors_path=errs, progress=False)
    assert first.processed == 12 and first.failed == 1
    old_out, old_errs = out.read_bytes(), errs.read_bytes()

    with pytest.raises(KeyboardInterrupt):
        batch.run(feed, out=out, fn=functools.partial(interrupt_on, "d06"), resume=False, errors_path=errs,
                  chunksize=1, progress=False)
    assert out.read_bytes() == old_out, "the interrupted start-over touched the previous output"
    assert errs.read_bytes() == old_errs
    assert _hidden(tmp_path) == [".out.jsonl.partial"]
    staged = len((tmp_path / ".out.jsonl.partial").read_text("utf-8").splitlines())
    assert 0 < staged < 6

    # the next resuming run continues the unfinished start-over (not the old output), then replaces it
    done = batch.run(feed, out=out, fn=fake_parse_v2, errors_path=errs, progress=False)
    assert (done.skipped, done.processed, done.failed) == (staged, 12 - staged, 1)
    assert _hidden(tmp_path) == []
    batch.run(feed, out=tmp_path / "ref.jsonl", fn=fake_parse_v2, progress=False)
    strip = lambda rows: {k: {f: v for f, v in r.items() if f != "seq"} for k, r in rows.items()}  # noqa: E731
    assert strip(by_id(out)) == strip(by_id(tmp_path / "ref.jsonl"))
    assert [e["id"] for e in errors_of(errs)] == ["bad"]


def test_second_start_over_discards_an_unfinished_one(tmp_path):
    feed = _feed(tmp_path)
    out = tmp_path / "out.jsonl"
    batch.run(feed, out=out, fn=fake_parse, progress=False)
    with pytest.raises(KeyboardInterrupt):
        batch.run(feed, out=out, fn=functools.partial(interrupt_on, "d04"), resume=False, progress=False)
    again = batch.run(feed, out=out, fn=fake_parse_v2, resume=False, progress=False)
    assert (again.skipped, again.processed) == (0, 12)
    assert by_id(out)["d00"]["toponyms"][0]["name"].isupper()
    assert len(by_id(out)) == 12 and _hidden(tmp_path) == []


def test_interrupted_start_over_keeps_parquet_parts_then_resume_finishes_it(tmp_path):
    gpd = pytest.importorskip("geopandas")
    pytest.importorskip("pyarrow")
    feed = _feed(tmp_path)
    out = tmp_path / "out.parquet"
    batch.run(feed, out=out, fn=fake_parse, part_docs=4, progress=False)
    old = gpd.read_parquet(out).sort_values(["doc", "start"]).reset_index(drop=True)
    old_parts = sorted(p.name for p in out.glob("part-*.parquet"))

    with pytest.raises(KeyboardInterrupt):
        batch.run(feed, out=out, fn=functools.partial(interrupt_on, "d09"), resume=False, part_docs=4,
                  chunksize=1, progress=False)
    assert sorted(p.name for p in out.glob("part-*.parquet")) == old_parts
    now = gpd.read_parquet(out).sort_values(["doc", "start"]).reset_index(drop=True)
    assert now.equals(old), "readers of the folder see the unfinished run's parts"

    staged = sum(len(sinks.ParquetSink._read_part_index(p))
                 for p in (out / ".partial").glob("part-*.parquet"))
    assert 0 < staged < 9
    done = batch.run(feed, out=out, fn=fake_parse_v2, part_docs=4, progress=False)
    assert (done.skipped, done.processed) == (staged, 12 - staged)
    new = gpd.read_parquet(out)
    assert len(new) == len(old) and new["name"].str.isupper().all()
    assert _hidden(out) == []


def test_parquet_swap_cut_short_is_finished_by_the_next_run(tmp_path, monkeypatch):
    gpd = pytest.importorskip("geopandas")
    pytest.importorskip("pyarrow")
    feed = _feed(tmp_path)
    out = tmp_path / "out.parquet"
    batch.run(feed, out=out, fn=fake_parse, part_docs=4, progress=False)
    n_rows = len(gpd.read_parquet(out))

    def crash(staging, target):
        raise OSError("the machine went down during the swap")

    with monkeypatch.context() as m:
        m.setattr(sinks, "_move_staged", crash)
        with pytest.raises(OSError, match="went down"):
            batch.run(feed, out=out, fn=fake_parse_v2, resume=False, part_docs=4, progress=False)
    again = batch.run(feed, out=out, fn=fake_parse_v2, part_docs=4, progress=False)
    assert (again.skipped, again.processed) == (12, 0)
    gdf = gpd.read_parquet(out)
    assert len(gdf) == n_rows and gdf["name"].str.isupper().all(), "old and new parts mixed"
    assert _hidden(out) == []


def test_cli_no_resume_interrupted_keeps_the_output(tmp_path, monkeypatch):
    from geokit.batch import tasks

    feed = _feed(tmp_path)
    out = tmp_path / "out.jsonl"
    batch.run(feed, out=out, fn=fake_parse, progress=False)
    old = out.read_bytes()
    monkeypatch.setattr(tasks, "task_function", lambda task: functools.partial(interrupt_on, "d03"))
    monkeypatch.setattr(batch, "task_function", tasks.task_function)
    monkeypatch.setattr(batch, "warm_gazetteer", lambda: None)
    assert main(["batch", "parse", str(feed), "-o", str(out), "--no-resume", "-q"]) == 130
    assert out.read_bytes() == old


def test_serial_parse_interrupted_keeps_its_errors_file(tmp_path, monkeypatch, capsys):
    from geokit.parsing import parser as parser_mod

    feed = write_jsonl(tmp_path / "docs.jsonl", [{"id": "a", "text": "Families left Kilis."},
                                                {"id": "b", "text": "Convoys reached Hatay."}])
    errs = tmp_path / "errs.jsonl"
    errs.write_text(json.dumps({"id": "x", "reason": "from the last run"}) + "\n", encoding="utf-8")
    old = errs.read_bytes()

    def interrupted(self, text, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(parser_mod.Parser, "parse", interrupted)
    assert main(["parse", str(feed), "--errors", str(errs), "-o", str(tmp_path / "o.jsonl")]) == 130
    assert errs.read_bytes() == old and _hidden(tmp_path) == []
