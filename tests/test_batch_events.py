"""Events at scale: per-document map step, then linking in blocks equals linking all at once."""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest

from geokit.batch import run as batch
from geokit.batch.link import (
    LINK_KEY,
    assign_blocks,
    link_output,
    link_rows,
    record_from_row,
    record_row,
)
from geokit.batch.sinks import read_jsonl


@pytest.fixture(scope="module")
def demo_feed(tmp_path_factory):
    from geokit.demo import load_demo

    reports = [{"id": r["id"], "text": r["text"], "published": r["published"]} for r in load_demo()]
    path = tmp_path_factory.mktemp("events") / "demo.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    return path, reports


@pytest.fixture(scope="module")
def extracted(demo_feed):
    import geokit

    _, reports = demo_feed
    ex = geokit.extract(reports)
    return sorted((r.to_dict() for r in ex.records()), key=lambda r: r["id"])


def _sorted(path):
    return sorted(read_jsonl(path), key=lambda r: r["id"])


def test_map_then_blocked_linking_equals_extract(demo_feed, extracted):
    feed, _ = demo_feed
    out = feed.with_name("serial.jsonl")
    s = batch.run(feed, task="events", out=out, progress=False, resume=False)
    assert s.processed == 10 and s.errors == 0
    assert s.link["records"] > s.link["linked"] > 0, "nothing was linked across or within reports"
    assert s.link["blocks"] > 1 and s.link["forced_cuts"] == 0
    assert _sorted(s.linked_path) == extracted


def test_process_pool_events_match_serial(demo_feed, extracted):
    feed, _ = demo_feed
    s = batch.run(feed, task="events", out=feed.with_name("pool.jsonl"), workers=2, chunksize=2,
                  progress=False, resume=False)
    errors = pathlib.Path(s.errors_path) if s.errors_path else None
    why = errors.read_text()[:2000] if errors and errors.exists() else ""
    assert s.processed == 10 and s.runner == "processes x2", f"{s}\nerrors file:\n{why}"
    assert _sorted(s.linked_path) == extracted


def test_linking_from_geoparquet_map_output(demo_feed, extracted):
    pytest.importorskip("pyarrow")
    feed, _ = demo_feed
    s = batch.run(feed, task="events", out=feed.with_name("ev.parquet"), progress=False, resume=False)
    assert _sorted(s.linked_path) == extracted


def test_records_rebuild_exactly_from_rows(demo_feed):
    import geokit
    from geokit.events.extract import extract_document

    _, reports = demo_feed
    n = 0
    for r in reports:
        pub = dt.date.fromisoformat(r["published"])
        res = extract_document(geokit.parse(r["text"], published=pub, id=r["id"]), pub)
        for rec in [*res.events, *res.movements, *res.facts]:
            row = json.loads(json.dumps(record_row(rec, published=pub, title=rec.id in res.titles,
                                                   window=res.windows.get(rec.id))))
            assert record_from_row(row) == rec
            n += 1
    assert n > 10


def test_assign_blocks_cuts_only_at_gaps_or_size():
    d = dt.date(2012, 6, 1).toordinal()
    keys = [("event|defection", d, d), ("event|defection", d + 1, d + 1), ("event|defection", d + 10, d + 10),
            ("event|meeting", d, d), ("event|defection", None, None), ("event|defection", d + 2, d + 40)]
    blocks, forced = assign_blocks(keys, max_block=100)
    assert forced == 0
    assert blocks[0] == blocks[1] == blocks[5] == blocks[2]  # the long window bridges the 10-day gap
    assert len({blocks[0], blocks[3], blocks[4]}) == 3  # other type, undated-unpublished: own blocks
    keys = [("g", d + i // 3, d + i // 3) for i in range(30)]
    blocks, forced = assign_blocks(keys, max_block=10)
    assert forced == 2 and len(set(blocks)) == 3  # cut at the first new day after 10 records: 12, 12, 6
    assert all(blocks[i] == blocks[i + 1] == blocks[i + 2] for i in range(0, 30, 3))  # never within a day


def test_link_output_reports_forced_cuts(demo_feed, tmp_path):
    feed, _ = demo_feed
    s = batch.run(feed, task="events", out=tmp_path / "ev.jsonl", progress=False, link=False)
    assert s.link is None and not (tmp_path / "ev.linked.jsonl").exists()
    whole = link_output(tmp_path / "ev.jsonl", tmp_path / "whole.jsonl")
    summary = link_output(tmp_path / "ev.jsonl", tmp_path / "tiny.jsonl", max_block=2, bucket_records=5)
    assert whole.forced_cuts == 0 and summary.forced_cuts > 0
    assert summary.records == whole.records and summary.blocks >= whole.blocks + summary.forced_cuts
    assert summary.largest_block < whole.largest_block
    rows = list(read_jsonl(tmp_path / "tiny.jsonl"))
    assert len(rows) == summary.linked and all(LINK_KEY not in r for r in rows)


def test_link_rows_with_bad_kind():
    with pytest.raises(ValueError, match="unknown kind"):
        link_rows([{"kind": "rumour", "id": "x", "date": "2012-06-01"}])
