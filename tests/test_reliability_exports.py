"""Issue 11 (findings 8, 9): CSV cells cannot carry formulas or control characters, and duplicate
document ids in the library are never merged silently.

Both tests failed on the code before the fix: '=HYPERLINK(...)' reached the start of a CSV cell
verbatim (Excel and LibreOffice evaluate it) and two reports with one id became one event.
"""

from __future__ import annotations

import csv
import io

import pytest

from geokit.model import Document, Event, Movement, PlaceRef, Source, Toponym

PAYLOADS = ["=HYPERLINK(\"http://x.example\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
            "\t=1+1", "\r=1+1", "=cmd|'/C calc'!A0"]


def _cells(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _dangerous(cell: str) -> bool:
    return bool(cell) and cell[0] in "=+-@\t\r"


def test_csv_cells_starting_with_formula_characters_are_neutralised():
    from geokit.export import to_csv

    recs = []
    for n, p in enumerate(PAYLOADS):
        place = PlaceRef(name=p, lat=-33.5, lon=-70.25, country_code="CL")
        recs.append(Event(id=p if n % 2 else f"e{n}", type="clash", who=p, place=place, notes=p,
                          sources=[Source(doc=p, start=0, end=3, text="abc")]))
    recs.append(Movement(id="m1", type="displacement", origin=PlaceRef(name="@Origin", lat=1.0, lon=2.0),
                         destination=PlaceRef(name="-Dest", lat=-3.0, lon=-4.0), who="ok"))
    rows = _cells(to_csv(recs))
    assert len(rows) == len(recs)
    for row in rows:
        for col, cell in row.items():
            if col in ("latitude", "longitude", "origin_latitude", "origin_longitude", "destination_latitude",
                       "destination_longitude"):
                continue
            assert not _dangerous(cell), (col, cell)
    # the text is kept, behind the OWASP single quote
    assert rows[0]["actor1"] == "'" + PAYLOADS[0] and rows[1]["event_id"] == "'" + PAYLOADS[1]
    # numbers stay numbers: a negative coordinate is not a formula
    assert rows[0]["latitude"] == "-33.5" and rows[0]["longitude"] == "-70.25"
    assert rows[-1]["destination_latitude"] == "-3.0"


def test_csv_cells_lose_control_characters():
    from geokit.export import to_csv

    rec = Event(id="e1", type="clash", who="Ar\x1bmed\x07 men\x00", notes="line one\nline\x7f two",
                place=PlaceRef(name="Ho\x9bms", lat=34.7, lon=36.7))
    row = _cells(to_csv([rec]))[0]
    assert row["actor1"] == "Armed men" and row["location"] == "Homs"
    assert row["notes"] == "line one\nline two"  # newlines inside a quoted cell are data, kept


def test_places_csv_cells_are_neutralised(tmp_path):
    from geokit.batch.mainjob import PLACES_COLUMNS, _csv_text, place_rows
    from geokit.model import Candidate

    cand = Candidate(id="gn:1", geonameid=1, name="=Evil()", lat=-1.5, lon=-2.5, feature_class="P",
                     feature_code="PPL", country_code="SY", admin1="@x", population=10, kind="town",
                     source="test")
    doc = Document(text="in =Evil()", id="+cmd", toponyms=[Toponym(3, 10, "=Evil()", place=cand, score=0.9)])
    rows = _cells(_csv_text(place_rows([doc]), PLACES_COLUMNS))
    assert rows[0]["doc"] == "'+cmd" and rows[0]["name"] == "'=Evil()" and rows[0]["admin1"] == "'@x"
    assert rows[0]["lat"] == "-1.5"


def test_safe_cell_rules():
    from geokit.export import safe_cell

    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("  =1+1") == "'  =1+1"  # leading blanks do not hide a formula
    assert safe_cell("Aleppo") == "Aleppo" and safe_cell("") == ""
    assert safe_cell(-3.5) == -3.5 and safe_cell(7) == 7 and safe_cell(None) is None
    assert safe_cell("a\x1bb\x00c") == "abc"


# ------------------------------------------------------------------ duplicate ids (finding 9)


DOC_TEXT = "Shelling killed five people in Aleppo on 2 July 2012, activists said."


@pytest.mark.parametrize("link", [False, True])
def test_library_renames_duplicate_document_ids(link):
    import geokit

    other = "Shelling killed nine people in Homs on 3 July 2012, activists said."
    ex = geokit.extract([{"id": "a", "text": DOC_TEXT}, {"id": "a", "text": other}], link=link)
    docs = {s.doc for r in ex.events for s in r.sources}
    assert docs == {"a", "a#2"}
    assert len({r.id for r in ex.events}) == len(ex.events) == 2
    assert any("duplicate id 'a'" in w and "a#2" in w for w in ex.warnings)
    assert [d for d in ex.documents] == ["a", "a#2"]


def test_library_renames_duplicate_ids_of_parsed_documents():
    import geokit

    d1 = geokit.parse(DOC_TEXT, id="x")
    d2 = geokit.parse(DOC_TEXT.replace("Aleppo", "Idlib"), id="x")
    ex = geokit.extract([d1, d2], link=False)
    assert {s.doc for r in ex.events for s in r.sources} == {"x", "x#2"}
    assert d2.id == "x"  # the caller's document is not changed behind its back
