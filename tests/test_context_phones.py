"""Local telephone numbers as evidence of a report's home (``geokit.parsing.phones``,
``gazetteer/phone_areas.csv``). Every text here is a short local-news story written for the project;
the numbers are made up."""

from __future__ import annotations

import csv

import pytest

from geokit.gazetteer.phones import PHONE_FILE, PhoneAreas, read_phone_areas
from geokit.gazetteer.sources import GAZETTEER_DIR
from geokit.parsing.phones import find_phones


def _first(doc, text):
    hits = [t for t in doc.toponyms if t.text == text]
    assert hits, f"{text!r} not found among {[t.text for t in doc.toponyms]}"
    return hits[0]


@pytest.mark.parametrize("text, digits, said", [
    ("Anyone with information should call 519-661-5670.", "15196615670", "phone area code 519: Ontario"),
    ("The office is at (304) 399-6500 until noon.", "13043996500", "phone area code 304: West Virginia"),
    ("Tickets: 806.423.1253, weekdays.", "18064231253", "phone area code 806: Texas"),
    ("Call 1-905-555-0142 for details.", "19055550142", "phone area code 905: Ontario"),
    ("Call +1 519 661 5670 from abroad.", "15196615670", "phone area code 519: Ontario"),
    ("Our London office: +44 20 7946 0958.", "442079460958", "phone code +44: GB"),
    ("Or +44 (0)20 7946 0958 from abroad.", "442079460958", "phone code +44: GB"),
    ("The Antakya desk answers on +90 (326) 214 12 34.", "903262141234", "phone code +90 326: Hatay"),
])
def test_phone_numbers_are_found_and_placed(text, digits, said):
    found = find_phones(text)
    assert [p.digits for p in found] == [digits]
    assert found[0].describe() == said
    assert text[found[0].start:found[0].end].replace(" ", "").endswith(digits[-4:])


@pytest.mark.parametrize("text", [
    "The vote was held on 2012-11-05 in the council chamber.",  # a date
    "Case No. 519-661-5670 was closed.",  # an id
    "Order #519-661-5670 shipped late.",  # an id
    "The fund lost $519-661-5670 last year.",  # a sum
    "Attendance grew from 519 661 5670 to more.",  # counts without a phone's separators
    "Parcel 5519-661-5670-2 changed hands.",  # part of a longer code
    "Scores of 519-661-56702 were recorded.",  # one digit too many
    "Mixed 519-661.5670 separators are no phone number.",
    "ISBN 978-1-519-661-5670 is a book.",
    "The toll-free line 1-800-555-0100 serves the whole country.",  # no area
])
def test_what_is_not_a_phone_number(text):
    assert find_phones(text) == []


LONDON_PHONE = (
    "Police seek witnesses after crash\n\n"
    "Police are asking for help after a cyclist was hurt near a bus stop in London on Tuesday night. "
    "Officers said the driver left before they arrived. The cyclist, 41, is in hospital. "
    "Anyone with information is asked to call {number}."
)


def test_a_london_ontario_story_whose_only_canadian_clue_is_a_519_number(parser):
    london = _first(parser.parse(LONDON_PHONE.format(number="519-661-5670")), "London")
    assert london.place.country_code == "CA" and london.place.admin1 == "Ontario"
    assert "phone area code 519: Ontario" in london.reason
    # the same story with a number that is no phone number: the prominent London stays
    plain = _first(parser.parse(LONDON_PHONE.format(number="the desk, case No. 519-661-5670")), "London")
    assert plain.place.country_code == "GB" and "phone" not in plain.reason


HUNTINGTON = (
    "Flood warning for Huntington\n\n"
    "Residents of Huntington were told to move cars away from the river on Sunday. "
    "The city's emergency line is {number}."
)


def test_the_area_code_chooses_among_namesakes_of_one_country(parser):
    ny = _first(parser.parse(HUNTINGTON.format(number="(631) 351-3000")), "Huntington")
    assert (ny.place.country_code, ny.place.admin1) == ("US", "New York")
    assert "phone area code 631: New York" in ny.reason
    wv = _first(parser.parse(HUNTINGTON.format(number="(304) 399-6500")), "Huntington")
    assert (wv.place.country_code, wv.place.admin1) == ("US", "West Virginia")


def test_a_foreign_number_is_evidence_not_a_verdict(parser):
    """A +44 contact in a Paris, Texas story names the UK, but the story's own clues keep it home."""
    doc = parser.parse("PARIS, Texas — The Lamar County fair opens Friday in Paris. Vendors from Europe may "
                       "call the organisers' agent at +44 20 7946 0958.")
    assert [p.area.cc for p in find_phones(doc.text)] == ["GB"]
    paris = [t for t in doc.toponyms if t.text in ("Paris", "PARIS")]
    assert paris and all(t.place.country_code == "US" and t.place.admin1 == "Texas" for t in paris)


def test_the_committed_table_is_sound():
    rows = list(csv.DictReader((GAZETTEER_DIR / PHONE_FILE).open(encoding="utf-8", newline="")))
    prefixes = [r["prefix"] for r in rows]
    assert prefixes == sorted(prefixes) and len(set(prefixes)) == len(prefixes)
    with (GAZETTEER_DIR / "admin1.csv").open(encoding="utf-8", newline="") as fh:
        areas = {(r["country_code"], r["name"]) for r in csv.DictReader(fh)}
    named = [(r["country"], r["admin1"]) for r in rows if r["admin1"]]
    assert named and all(a in areas for a in named)  # the store's own area names
    table = read_phone_areas(GAZETTEER_DIR / PHONE_FILE)
    assert (table.lookup("13045551234").cc, table.lookup("13045551234").admin1) == ("US", "West Virginia")
    assert table.lookup("18765551234").cc == "JM"  # a Caribbean member of the NANP
    assert table.lookup("77271234567").cc == "KZ"  # +7 shared by Russia and Kazakhstan
    assert table.lookup("0000") is None


def test_a_missing_or_broken_table_gives_no_evidence(tmp_path):
    assert read_phone_areas(tmp_path / "absent.csv").lookup("15196615670") is None
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"prefix,country\n\xff\xfe1519,CA\n")
    assert isinstance(read_phone_areas(bad), PhoneAreas)
    odd = tmp_path / "odd.csv"
    odd.write_text("prefix,country,admin1\nabc,CA,\n1519,Canada,\n1304,US,West Virginia\n", encoding="utf-8")
    t = read_phone_areas(odd)
    assert t.lookup("15196615670") is None and t.lookup("13045551234").admin1 == "West Virginia"


def test_a_number_written_without_spaces_and_hostile_digit_runs():
    assert [p.describe() for p in find_phones("Call +442079460958 now.")] == ["phone code +44: GB"]
    assert find_phones("+" + "1" * 40 + " and +1 (((((( 5") == []
    many = ("+" + "9" * 30 + " ") * 2000 + "(304) 399-6500"
    assert [p.digits for p in find_phones(many)] == ["13043996500"]  # and quickly: no backtracking
