"""Issue 11 (findings 2, 3, 6): one bad report never loses the others, and the exit code tells the truth.

Each test here failed on the code before the fix: a lone surrogate stopped every command, a deeply
nested JSON line crashed them, a closed stderr was taken for a closed stdout, a failed run truncated
the existing output file and a run with failed reports exited 0.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geokit.batch.inputs import InputDoc, InputIssue, iter_documents
from geokit.cli import main

GOOD_A = {"id": "a", "text": "Shelling hit the outskirts of Aleppo on Monday, killing five people.",
          "published": "2012-07-02"}
GOOD_C = {"id": "c", "text": "About 300 families crossed from Idlib into Reyhanli on Tuesday.",
          "published": "2012-07-03"}
# json.dumps writes the lone surrogate as the escape \ud800, which every JSON reader accepts
SURROGATE_TEXT = {"id": "b", "text": "Bad \ud800 text: troops entered Homs on Sunday.",
                  "published": "2012-07-01"}
SURROGATE_ID = {"id": "b\udc80x", "text": "Troops entered Hama on Sunday.", "published": "2012-07-01"}
DEEP_LINE = "[" * 100_000


def write_lines(path: Path, lines: list) -> Path:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines),
                    encoding="utf-8")
    return path


def ids_of_jsonl(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text("utf-8").splitlines() if line.strip()]


def _no_surrogates(s: str) -> bool:
    return not any(0xD800 <= ord(c) <= 0xDFFF for c in s)


# ------------------------------------------------------------------ lone surrogates (finding 2)


def test_lone_surrogates_are_replaced_and_counted_at_input(tmp_path):
    feed = write_lines(tmp_path / "f.jsonl", [GOOD_A, SURROGATE_TEXT, SURROGATE_ID, GOOD_C])
    items = list(iter_documents(feed))
    docs = [d for d in items if isinstance(d, InputDoc)]
    assert [d.id[:1] for d in docs] == ["a", "b", "b", "c"]
    assert all(_no_surrogates(d.text) and _no_surrogates(d.id) for d in docs)
    assert "\ufffd" in docs[1].text and "\ufffd" in docs[2].id
    warned = [w for d in docs for w in d.warnings]
    assert sum("surrogate" in w for w in warned) == 2 and any("1 lone surrogate" in w for w in warned)
    # in-memory records go through the same door
    [rec] = list(iter_documents([{"id": "m\ud83d", "text": "x \udfff y"}]))
    assert _no_surrogates(rec.id + rec.text) and any("2 lone surrogate" in w for w in rec.warnings)


def test_events_with_a_lone_surrogate_writes_every_report(tmp_path, capsys):
    feed = write_lines(tmp_path / "f.jsonl", [GOOD_A, SURROGATE_TEXT, GOOD_C])
    out = tmp_path / "events.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    rc = main(["events", str(feed), "--no-link", "-o", str(out)])
    text = out.read_text("utf-8")  # valid UTF-8, or this raises
    docs = {s["doc"] for line in text.splitlines() for s in json.loads(line)["sources"]}
    assert {"a", "b", "c"} <= docs
    assert rc == 0
    assert "surrogate" in capsys.readouterr().err


def test_parse_with_a_lone_surrogate_in_an_id_goes_on(tmp_path):
    feed = write_lines(tmp_path / "f.jsonl", [GOOD_A, SURROGATE_ID, GOOD_C])
    out = tmp_path / "p.jsonl"
    assert main(["parse", str(feed), "-o", str(out)]) == 0
    ids = ids_of_jsonl(out)
    assert ids[0] == "a" and ids[2] == "c" and ids[1].startswith("b") and _no_surrogates(ids[1])


def test_batch_with_lone_surrogates_writes_every_document(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    feed = write_lines(tmp_path / "f.jsonl", [GOOD_A, SURROGATE_ID, SURROGATE_TEXT, GOOD_C])
    out = tmp_path / "b.jsonl"
    rc = main(["batch", "parse", str(feed), "-o", str(out), "-q"])
    assert len(ids_of_jsonl(out)) == 4
    # the warnings are rows of the errors file (level "warning"), not failures
    rows = [json.loads(x) for x in (tmp_path / "b.errors.jsonl").read_text("utf-8").splitlines()]
    assert sum("surrogate" in r["reason"] for r in rows) == 2 and all(r["level"] == "warning" for r in rows)
    assert rc == 0


# ------------------------------------------------------------------ deeply nested JSON (finding 3)


def test_deeply_nested_line_is_one_error_row(tmp_path):
    feed = write_lines(tmp_path / "f.jsonl", [GOOD_A, DEEP_LINE, '{"a":' * 50_000, GOOD_C])
    items = list(iter_documents(feed))
    assert [i.id for i in items if isinstance(i, InputDoc)] == ["a", "c"]
    errs = [i for i in items if isinstance(i, InputIssue)]
    assert len(errs) == 2 and all("nested" in e.reason for e in errs)
    assert errs[0].source.endswith(":2") and errs[1].source.endswith(":3")


def test_deeply_nested_line_on_stdin_and_first_line(tmp_path):
    data = (DEEP_LINE + "\n" + json.dumps(GOOD_A) + "\n").encode()
    proc = subprocess.run([sys.executable, "-m", "geokit.cli", "parse", "-", "--jsonl"], input=data,
                          capture_output=True, timeout=120, env=dict(os.environ))
    assert b"recursion" not in proc.stderr
    assert proc.stdout.count(b"\n") >= 1 or b"nested" in proc.stderr


def test_batch_with_a_deeply_nested_line_keeps_the_good_documents(tmp_path):
    feed = write_lines(tmp_path / "f.jsonl", [GOOD_A, DEEP_LINE, GOOD_C])
    out = tmp_path / "b.jsonl"
    rc = main(["batch", "parse", str(feed), "-o", str(out), "-q"])
    assert ids_of_jsonl(out) == ["a", "c"]
    rows = [json.loads(x) for x in (tmp_path / "b.errors.jsonl").read_text("utf-8").splitlines()]
    assert len(rows) == 1 and "nested" in rows[0]["reason"]
    assert rc == 3


# ------------------------------------------------------------------ outputs written aside (finding 2)


def test_failed_parse_run_leaves_the_existing_output_untouched(tmp_path, monkeypatch):
    from geokit.parsing import parser as P

    feed = write_lines(tmp_path / "f.jsonl", [GOOD_A, GOOD_C])
    out = tmp_path / "p.jsonl"
    out.write_text("the previous run's rows\n", encoding="utf-8")
    real = P.Parser.parse

    def parse_then_interrupt(self, text, **kw):
        if "Idlib" in text:
            raise KeyboardInterrupt
        return real(self, text, **kw)

    monkeypatch.setattr(P.Parser, "parse", parse_then_interrupt)
    assert main(["parse", str(feed), "-o", str(out)]) == 130
    assert out.read_text("utf-8") == "the previous run's rows\n"
    assert [p.name for p in tmp_path.iterdir() if p.name != "f.jsonl"] == ["p.jsonl"]  # no temporary left


def test_write_aside_keeps_the_old_file_when_writing_fails(tmp_path):
    from geokit.export import write_aside

    out = tmp_path / "events.csv"
    out.write_text("old table\n", encoding="utf-8")
    with pytest.raises(OSError):
        with write_aside(out) as fh:
            fh.write("half a new tab")
            raise OSError(28, "No space left on device")
    assert out.read_text("utf-8") == "old table\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]
    with write_aside(out) as fh:
        fh.write("new table\n")
    assert out.read_text("utf-8") == "new table\n"


# ------------------------------------------------------------------ exit codes (finding 6)


def test_parse_exit_code_is_non_zero_when_any_report_failed(tmp_path, capsys):
    feed = write_lines(tmp_path / "f.jsonl", [GOOD_A, '{"id": "cut", "text": "unterminated', GOOD_C])
    out = tmp_path / "p.jsonl"
    rc = main(["parse", str(feed), "-o", str(out)])
    assert ids_of_jsonl(out) == ["a", "c"]
    err = capsys.readouterr().err
    assert rc == 3 and "1 of 3" in err


def test_events_exit_code_is_non_zero_when_any_report_failed(tmp_path, capsys):
    feed = write_lines(tmp_path / "f.jsonl", [GOOD_A, ["not", "an", "object"], GOOD_C])
    out = tmp_path / "e.jsonl"
    errs = tmp_path / "e.errors.jsonl"
    rc = main(["events", str(feed), "-o", str(out), "--errors", str(errs)])
    assert rc == 3
    rows = [json.loads(x) for x in errs.read_text("utf-8").splitlines()]
    assert len(rows) == 1 and "object" in rows[0]["reason"]


def test_parse_with_workers_reports_failures_in_its_exit_code(tmp_path):
    feed = write_lines(tmp_path / "f.jsonl", [GOOD_A, "not json", GOOD_C])
    out = tmp_path / "p.jsonl"
    rc = main(["parse", str(feed), "--workers", "2", "-o", str(out)])
    assert sorted(ids_of_jsonl(out)) == ["a", "c"]
    assert rc == 3


def test_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(GOOD_A["text"], encoding="utf-8")
    (tmp_path / "in" / "locked" / "b.txt").write_text(GOOD_C["text"], encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)  # root ignores chmod 000, so the OS error is simulated
    items = list(iter_documents(tmp_path / "in"))
    assert [i.id for i in items if isinstance(i, InputDoc)] == ["a"]
    [err] = [i for i in items if isinstance(i, InputIssue)]
    assert err.source.endswith("locked") and "Permission denied" in err.reason


def _cli(args, **kw):
    return subprocess.Popen([sys.executable, "-m", "geokit.cli", *args], env=dict(os.environ), **kw)


def test_closed_stderr_is_not_a_closed_stdout(tmp_path):
    # every document has a bad date, so each one writes a warning to stderr
    docs = [{"id": f"d{i}", "text": f"Report {i}: families reached Kilis.", "published": "soon"}
            for i in range(300)]
    feed = write_lines(tmp_path / "f.jsonl", docs)
    out = tmp_path / "p.jsonl"
    proc = _cli(["parse", str(feed), "-o", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    proc.stderr.close()  # like `2>&1 | head -1` once head has exited
    rc = proc.wait(timeout=300)
    assert len(ids_of_jsonl(out)) == 300
    assert rc == 0


def test_stderr_closed_at_start_never_pollutes_stdout(tmp_path):
    feed = write_lines(tmp_path / "f.jsonl", [dict(GOOD_A, published="soon"), GOOD_C])
    proc = subprocess.run([sys.executable, "-c",
                           "import os, sys; os.close(2); from geokit.cli import main; "
                           "sys.exit(main(sys.argv[1:]))",
                           "parse", str(feed), "--jsonl"], capture_output=True, timeout=120,
                           env=dict(os.environ))
    lines = proc.stdout.decode().splitlines()
    assert [json.loads(x)["id"] for x in lines] == ["a", "c"]
    assert proc.returncode == 0


def test_broken_stdout_pipe_is_a_failure(tmp_path):
    docs = [{"id": f"d{i:03d}", "text": f"Report {i}: families reached Kilis from Aleppo and Idlib. " * 4}
            for i in range(400)]
    feed = write_lines(tmp_path / "f.jsonl", docs)
    proc = _cli(["parse", str(feed), "--jsonl"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read()
    rc = proc.wait(timeout=300)
    assert json.loads(first)["id"] == "d000"
    assert rc != 0
    assert b"Traceback" not in err


def test_demo_writes_every_good_report_and_says_some_failed(tmp_path, capsys):
    feed = write_lines(tmp_path / "f.jsonl", [GOOD_A, SURROGATE_TEXT, DEEP_LINE, GOOD_C])
    out = tmp_path / "outputs"
    rc = main(["demo", str(feed), "-o", str(out)])
    records = (out / "records.jsonl").read_text("utf-8")  # valid UTF-8, or this raises
    docs = {s["doc"] for line in records.splitlines() for s in json.loads(line)["sources"]}
    assert {"a", "b", "c"} <= docs
    assert rc == 3 and "1 input(s) could not be used" in capsys.readouterr().err


def test_deeply_nested_json_file_and_records_file(tmp_path):
    from geokit.export import read_records

    deep = tmp_path / "deep.json"
    deep.write_text(DEEP_LINE, encoding="utf-8")
    [issue] = list(iter_documents(deep))
    assert isinstance(issue, InputIssue) and "nested" in issue.reason
    rec = {"kind": "event", "id": "e1", "type": "clash", "date": "2012-07-01",
           "place": {"name": "Aleppo", "lat": 36.2, "lon": 37.16}, "sources": []}
    recs = write_lines(tmp_path / "records.jsonl", [rec, DEEP_LINE, dict(rec, id="e2")])
    got, warnings = read_records(recs)
    assert [r["id"] for r in got] == ["e1", "e2"] and len(warnings) == 1
