"""Document inputs: every format read, every kind of bad input reported without stopping the rest."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys

import pytest

from geokit.batch.inputs import (
    InputDoc,
    InputIssue,
    InputProblem,
    docs_from_records,
    iter_documents,
    parse_published,
    read_text_file,
)

REPORT_A = "Refugees crossed from Idlib into Hatay province on Tuesday, officials in Antakya said."
REPORT_B = "A convoy reached the camp near Kilis after two days on the road from Aleppo."


def _split(items):
    docs = [i for i in items if isinstance(i, InputDoc)]
    errs = [i for i in items if isinstance(i, InputIssue)]
    return docs, errs


def test_text_file_and_folder_recursive(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT_A, encoding="utf-8")
    sub = tmp_path / "deeper" / "more"
    sub.mkdir(parents=True)
    (sub / "b.md").write_text(REPORT_B, encoding="utf-8")
    (sub / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    docs, errs = _split(list(iter_documents(tmp_path)))
    assert errs == []
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].text == REPORT_A and docs[1].text == REPORT_B
    assert docs[0].source.endswith("a.txt")
    assert docs[0].published is None and docs[0].spans is None


def test_glob_and_default_published(tmp_path):
    for i in range(3):
        (tmp_path / f"r{i}.txt").write_text(f"{REPORT_A} #{i}", encoding="utf-8")
    docs, errs = _split(list(iter_documents(str(tmp_path / "r*.txt"), published="2012-06-24")))
    assert errs == []
    assert [d.id for d in docs] == ["r0", "r1", "r2"]
    assert all(d.published == dt.date(2012, 6, 24) for d in docs)
    _, errs = _split(list(iter_documents(str(tmp_path / "nothing*.txt"))))
    assert len(errs) == 1 and "no files match" in errs[0].reason


def test_missing_path_and_empty_folder_are_errors(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.bin").write_bytes(b"\x00\x01")
    (tmp_path / "ok.txt").write_text(REPORT_B, encoding="utf-8")
    docs, errs = _split(list(iter_documents([tmp_path / "nope.txt", empty, tmp_path / "ok.txt"])))
    assert [d.id for d in docs] == ["ok"]
    reasons = {e.source.rsplit("/", 1)[-1]: e.reason for e in errs}
    assert "no such file" in reasons["nope.txt"]
    assert "no text" in reasons["empty"] and "1 other file" in reasons["empty"]


def test_invalid_utf8_is_replaced_with_warning(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Gaziantep, Şanlıurfa ".encode() + b"caf\xe9 " + b"x" * 50)
    docs, errs = _split(list(iter_documents(p)))
    assert errs == []
    assert "\ufffd" in docs[0].text and docs[0].text.startswith("Gaziantep, Şanlıurfa")
    assert any("invalid UTF-8" in w for w in docs[0].warnings)
    _, errs = _split(list(iter_documents(p, encoding_errors="strict")))
    assert len(errs) == 1 and "invalid UTF-8" in errs[0].reason


def test_bom_and_utf16(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + REPORT_A.encode())
    (tmp_path / "wide.txt").write_bytes(REPORT_B.encode("utf-16"))
    text, warnings = read_text_file(tmp_path / "bom.txt")
    assert text == REPORT_A and warnings == []
    text, warnings = read_text_file(tmp_path / "wide.txt")
    assert text == REPORT_B


def test_binary_file_is_an_error_not_a_crash(tmp_path):
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "ok.txt").write_text(REPORT_A, encoding="utf-8")
    docs, errs = _split(list(iter_documents(tmp_path)))
    assert [d.id for d in docs] == ["ok"]
    assert len(errs) == 1 and errs[0].id == "blob" and "binary" in errs[0].reason
    with pytest.raises(InputProblem):
        read_text_file(tmp_path / "blob.txt")


def test_jsonl_ids_dates_spans_and_bad_lines(tmp_path):
    p = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "r1", "text": REPORT_A, "published": "2012-06-24T08:30:00Z", "spans": [[30, 35]]}),
        "",
        "{not json",
        json.dumps({"text": REPORT_B, "published": "last Tuesday"}),
        json.dumps({"id": "r3"}),
        json.dumps({"id": "r4", "text": "short", "spans": [[2, 99]]}),
        json.dumps(["a", "list"]),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errs = _split(list(iter_documents(p)))
    assert [d.id for d in docs] == ["r1", "feed:4"]
    assert docs[0].published == dt.date(2012, 6, 24) and docs[0].spans == [(30, 35)]
    assert docs[1].published is None and any("not an ISO date" in w for w in docs[1].warnings)
    by_line = {e.reason.split(":")[0]: e for e in errs}
    assert set(by_line) == {"line 3", "line 5", "line 6", "line 7"}
    assert "invalid JSON" in by_line["line 3"].reason
    assert "text" in by_line["line 5"].reason and by_line["line 5"].id == "r3"
    assert "outside the text" in by_line["line 6"].reason


def test_duplicate_ids_made_unique(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "report.txt").write_text(REPORT_A, encoding="utf-8")
    (tmp_path / "y" / "report.txt").write_text(REPORT_B, encoding="utf-8")
    feed = tmp_path / "z.jsonl"
    feed.write_text(json.dumps({"id": "report", "text": "third"}) + "\n", encoding="utf-8")
    docs, errs = _split(list(iter_documents(tmp_path)))
    assert errs == []
    assert [d.id for d in docs] == ["report", "report#2", "report#3"]
    assert docs[0].warnings == []
    assert "duplicate id 'report'" in docs[1].warnings[0]


def test_parquet_rows_and_corrupt_file(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({
        "id": ["p1", None, "p3"],
        "text": [REPORT_A, REPORT_B, None],
        "published": [dt.date(2012, 3, 1), None, None],
    })
    pq.write_table(table, tmp_path / "docs.parquet")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1" + b"garbage" * 100)
    docs, errs = _split(list(iter_documents([tmp_path / "docs.parquet", tmp_path / "broken.parquet"])))
    assert [d.id for d in docs] == ["p1", "docs:2"]
    assert docs[0].published == dt.date(2012, 3, 1) and docs[1].text == REPORT_B
    assert len(errs) == 2
    assert "row 3" in errs[0].reason and errs[0].id == "p3"
    assert "corrupt" in errs[1].reason and errs[1].source.endswith("broken.parquet")


def test_stdin_text_and_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(REPORT_A.encode())))
    docs, _ = _split(list(iter_documents("-")))
    assert len(docs) == 1 and docs[0].id == "stdin" and docs[0].text == REPORT_A
    feed = "\n".join(json.dumps({"id": f"s{i}", "text": REPORT_B}) for i in range(3))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(feed.encode())))
    docs, _ = _split(list(iter_documents("-")))
    assert [d.id for d in docs] == ["s0", "s1", "s2"]


def test_huge_text_yielded_whole(tmp_path):
    big = (REPORT_A + "\n") * 60_000  # ~5 MB
    (tmp_path / "big.txt").write_text(big, encoding="utf-8")
    docs, _ = _split(list(iter_documents(tmp_path / "big.txt")))
    assert len(docs[0].text) == len(big)


def test_published_parsing_and_bad_arguments():
    assert parse_published("2012-06-24") == dt.date(2012, 6, 24)
    assert parse_published(dt.datetime(2012, 6, 24, 5)) == dt.date(2012, 6, 24)
    with pytest.raises(ValueError, match="ISO date"):
        parse_published("24/06/2012")
    with pytest.raises(ValueError, match="encoding_errors"):
        iter_documents("x", encoding_errors="bogus")
    with pytest.raises(TypeError):
        iter_documents(42)


def test_content_hash_tracks_text_date_and_spans():
    a = InputDoc("a", REPORT_A)
    assert a.content_hash() == InputDoc("other-id", REPORT_A).content_hash()
    assert a.content_hash() != InputDoc("a", REPORT_A + " ").content_hash()
    assert a.content_hash() != InputDoc("a", REPORT_A, dt.date(2012, 1, 1)).content_hash()
    assert a.content_hash() != InputDoc("a", REPORT_A, spans=[(0, 8)]).content_hash()


def test_docs_from_records():
    docs, errs = _split(list(docs_from_records([{"id": "m", "text": REPORT_A}, {"id": "m", "text": REPORT_B},
                                                {"text": 5}])))
    assert [d.id for d in docs] == ["m", "m#2"]
    assert len(errs) == 1 and "not a string" in errs[0].reason


def test_jsonl_strict_decoding_fails_one_line_only(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n'
                  + json.dumps({"id": "b", "text": REPORT_B}).encode() + b"\n")
    docs, errs = _split(list(iter_documents(p, encoding_errors="strict")))
    assert [d.id for d in docs] == ["b"]
    assert len(errs) == 1 and "line 1" in errs[0].reason and "UTF-8" in errs[0].reason
    docs, errs = _split(list(iter_documents(p)))
    assert [d.id for d in docs] == ["a", "b"] and "\ufffd" in docs[0].text and docs[0].warnings
