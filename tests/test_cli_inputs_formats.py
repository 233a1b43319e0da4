"""Inputs recognised by what they are, outputs by their extension, ``~`` expanded.

geokit's own exports (records JSONL, GeoJSON, CSV) load as records wherever records are expected;
plain text and document JSONL are reports; anything else is one clear error naming the file.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from geokit.export import to_csv, to_geojson, to_jsonl
from geokit.maps.sample import synthetic_records


def _records(n_events=6, n_movements=2, n_facts=1, seed=11):
    data = synthetic_records(n_events=n_events, n_movements=n_movements, n_facts=n_facts, seed=seed)
    return data["events"] + data["movements"] + data["facts"]


def _summary_counts(out: str) -> tuple[int, int]:
    import re

    m = re.search(r"(\d+) events; (\d+) movements", out)
    assert m, out
    return int(m.group(1)), int(m.group(2))


@pytest.mark.parametrize("fmt", ["jsonl", "geojson", "csv"])
def test_map_loads_geokit_exports_as_records(tmp_path, capsys, fmt):
    from geokit.cli import main

    recs = _records()
    path = tmp_path / f"events.{fmt}"
    {"jsonl": to_jsonl, "geojson": to_geojson, "csv": to_csv}[fmt](recs, path)
    out = tmp_path / "m.html"
    assert main(["map", str(path), "-o", str(out), "--no-curated"]) == 0
    got = _summary_counts(capsys.readouterr().out)
    assert got == (6, 2)  # exactly the records, no phantom events parsed out of the JSON text


def test_map_with_a_bad_records_line_is_written_and_exits_3(tmp_path, capsys):
    """A records line that cannot be read is left out, said on stderr, and the exit code says so."""
    from geokit.cli import main

    path = tmp_path / "events.jsonl"
    to_jsonl(_records(), path)
    path.write_text(path.read_text("utf-8") + "{not json\n", "utf-8")
    out = tmp_path / "m.html"
    assert main(["map", str(path), "-o", str(out), "--no-curated"]) == 3
    captured = capsys.readouterr()
    assert out.exists() and _summary_counts(captured.out) == (6, 2)
    assert "invalid JSON" in captured.err


def test_map_refuses_a_file_that_is_neither_reports_nor_records(tmp_path, capsys):
    from geokit.cli import main

    odd = tmp_path / "settings.json"
    odd.write_text(json.dumps({"zoom": 4, "colour": "red"}), encoding="utf-8")
    assert main(["map", str(odd), "-o", str(tmp_path / "m.html")]) != 0
    err = capsys.readouterr().err
    assert "settings.json" in err and err.count("\n") <= 2
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert main(["map", str(image), "-o", str(tmp_path / "m.html")]) != 0
    assert "photo.png" in capsys.readouterr().err
    table = tmp_path / "people.csv"
    table.write_text("name,age\nAda,36\n", encoding="utf-8")
    assert main(["map", str(table), "-o", str(tmp_path / "m.html")]) != 0
    assert "people.csv" in capsys.readouterr().err


def test_map_reads_document_jsonl_and_text_as_reports(tmp_path, capsys, monkeypatch):
    import geokit
    from geokit.cli import main
    from geokit.model import Document

    seen = []

    class Ex:
        events, movements, facts, warnings = _records(2, 0, 0), [], [], []

    monkeypatch.setattr(geokit, "parse",
                        lambda text, **kw: Document(text=text, published=kw.get("published")))
    monkeypatch.setattr(geokit, "extract", lambda docs, **kw: seen.extend(docs) or Ex())
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "d1", "text": "Shelling was reported near the river crossing."}) + "\n",
                    encoding="utf-8")
    txt = tmp_path / "note.txt"
    txt.write_text("Families arrived at the camp overnight.", encoding="utf-8")
    assert main(["map", str(docs), str(txt), "-o", str(tmp_path / "m.html"), "--no-curated"]) == 0
    assert [d.id for d in seen] == ["d1", "note"]


def test_build_map_takes_the_extraction_itself():
    from geokit.maps import build_map

    recs = _records(4, 1, 1)

    class Extraction:  # the shape of geokit.extract's result
        events = [r for r in recs if r.kind == "event"]
        movements = [r for r in recs if r.kind == "movement"]
        facts = [r for r in recs if r.kind == "fact"]

    gm = build_map(Extraction())
    assert gm.counts["events"] == 4 and gm.counts["movements"] == 1


def test_map_save_expands_the_home_folder(tmp_path, monkeypatch):
    from geokit.maps import build_map

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    out = build_map(_records(2, 0, 0)).save("~/maps/m.html")
    assert out == tmp_path / "home" / "maps" / "m.html" and out.is_file()
    assert not (tmp_path / "~").exists()


# ----------------------------------------------------------------- -o picks the format


@pytest.fixture()
def report(tmp_path, store) -> Path:
    p = tmp_path / "r.txt"
    p.write_text("On Monday 40 soldiers fled from Syria into Reyhanli, Turkish officials said.",
                 encoding="utf-8")
    return p


def test_events_output_extension_picks_the_format(tmp_path, report):
    from geokit.cli import main

    assert main(["events", str(report), "--published", "2013-04-16", "-o", str(tmp_path / "x.csv")]) == 0
    rows = list(csv.DictReader((tmp_path / "x.csv").open(encoding="utf-8")))
    assert rows and "event_date" in rows[0]
    assert main(["events", str(report), "--published", "2013-04-16", "-o", str(tmp_path / "x.geojson")]) == 0
    assert json.loads((tmp_path / "x.geojson").read_text(encoding="utf-8"))["type"] == "FeatureCollection"
    assert main(["events", str(report), "--published", "2013-04-16", "-o", str(tmp_path / "x.jsonl")]) == 0
    assert json.loads((tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()[0])["kind"]


def test_events_refuses_a_format_that_contradicts_the_extension(tmp_path, report, capsys):
    from geokit.cli import main

    assert main(["events", str(report), "--jsonl", "-o", str(tmp_path / "x.csv")]) != 0
    err = capsys.readouterr().err
    assert "x.csv" in err and "--jsonl" in err
    assert not (tmp_path / "x.csv").exists()


def test_output_paths_expand_the_home_folder(tmp_path, report, monkeypatch):
    from geokit.cli import main

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    assert main(["events", str(report), "-o", "~/out/e.jsonl"]) == 0
    assert (tmp_path / "home" / "out" / "e.jsonl").is_file()
    assert main(["parse", str(report), "-o", "~/out/t.jsonl"]) == 0
    assert (tmp_path / "home" / "out" / "t.jsonl").is_file()
    assert not (tmp_path / "~").exists()


# ----------------------------------------------------------------- resolve: options that say what is wrong


def test_resolve_kind_is_a_cue_and_bad_options_say_so(store, capsys):
    from geokit.cli import build_parser, main

    assert main(["resolve", "Yayladagi", "--kind", "camp"]) == 0
    assert "camp" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["resolve", "Reyhanli", "--kind", "refugee-camp"])
    assert "camp" in capsys.readouterr().err  # argparse lists the valid kinds
    assert main(["resolve", "Tripoli", "--country", "Lebanon"]) == 0  # a country name is understood
    assert "LB" in capsys.readouterr().out
    assert main(["resolve", "Tripoli", "--country", "Atlantis"]) != 0
    assert "Atlantis" in capsys.readouterr().err
    sub = next(a for a in build_parser()._subparsers._group_actions[0].choices["resolve"]._actions
               if "--limit" in a.option_strings)
    assert sub.help


def test_parse_output_extension_picks_the_format_or_is_refused(tmp_path, report, capsys):
    from geokit.cli import main

    assert main(["parse", str(report), "-o", str(tmp_path / "t.txt")]) == 0
    assert (tmp_path / "t.txt").read_text(encoding="utf-8").startswith("# r\n")  # the table
    assert main(["parse", str(report), "-o", str(tmp_path / "t.jsonl")]) == 0
    assert (tmp_path / "t.jsonl").read_text(encoding="utf-8").startswith('{"id": "r"')
    capsys.readouterr()
    assert main(["parse", str(report), "-o", str(tmp_path / "t.csv")]) != 0
    assert "t.csv" in capsys.readouterr().err and not (tmp_path / "t.csv").exists()
    assert main(["events", str(report), "-o", str(tmp_path / "e.html")]) != 0
    assert "e.html" in capsys.readouterr().err and not (tmp_path / "e.html").exists()


def test_report_readers_refuse_records_and_read_json_and_csv_reports(tmp_path):
    from geokit.batch.inputs import InputIssue, iter_documents

    recs = tmp_path / "events.jsonl"
    to_jsonl(_records(2, 0, 0), recs)
    gj = tmp_path / "events.geojson"
    to_geojson(_records(2, 0, 0), gj)
    table = tmp_path / "reports.csv"
    table.write_text('id,text,published\nr1,"Shelling hit the town, officials said.",2013-05-11\n',
                     encoding="utf-8")
    single = tmp_path / "one.json"
    single.write_text('{"id": "j1", "text": "Families crossed the border at night."}', encoding="utf-8")
    items = list(iter_documents([recs, gj, table, single]))
    issues = [i for i in items if isinstance(i, InputIssue)]
    assert [i.source for i in issues] == [str(recs), str(gj)]
    assert all("geokit map" in i.reason for i in issues)  # says what the file is and where it goes
    docs = [i for i in items if not isinstance(i, InputIssue)]
    assert [(d.id, str(d.published)) for d in docs] == [("r1", "2013-05-11"), ("j1", "None")]


@pytest.mark.parametrize("fmt", ["jsonl", "geojson", "csv"])
def test_build_map_reads_an_export_file(tmp_path, fmt):
    from geokit.errors import MapError
    from geokit.maps import build_map

    path = tmp_path / f"events.{fmt}"
    {"jsonl": to_jsonl, "geojson": to_geojson, "csv": to_csv}[fmt](_records(5, 2, 1), path)
    gm = build_map(str(path))
    assert (gm.counts["events"], gm.counts["movements"], gm.counts["facts"]) == (5, 2, 1)
    other = tmp_path / "notes.txt"
    other.write_text("Not records at all.", encoding="utf-8")
    with pytest.raises(MapError, match="notes.txt"):
        build_map(other)


def test_batch_output_must_be_jsonl_or_parquet(tmp_path, report, capsys):
    from geokit.cli import main

    assert main(["batch", "parse", str(report), "-o", str(tmp_path / "rows.csv"), "-q"]) != 0
    assert "rows.csv" in capsys.readouterr().err and not (tmp_path / "rows.csv").exists()
    assert main(["batch", "parse", str(report), "-o", str(tmp_path / "rows.jsonl"), "-q"]) == 0
