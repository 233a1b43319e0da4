"""The reader's wording patterns as data (geokit/events/rules/reader.toml, geokit.events.wording)."""

from __future__ import annotations

import pytest

from geokit.events import clauses, reader, wording


def test_every_pattern_has_an_id_a_reason_and_finds_its_example():
    pats = wording.patterns()
    assert len(pats) >= 25
    for pid, w in pats.items():
        assert w.id == pid and w.why and w.pattern.search(w.example), pid


def test_the_reader_uses_the_data_patterns():
    assert reader._IN_REPORT_FRAME is wording.wording("in_report_frame")
    # the clause helpers (geokit.events.clauses) hold the reader's type-word frame
    assert clauses._TYPE_NOUN_OF.search("troops entered the outskirts of ")
    assert not clauses._TYPE_NOUN_OF.search("troops entered the ")


def test_unknown_id_is_a_clear_error():
    with pytest.raises(KeyError, match="no wording pattern"):
        wording.wording("no_such_pattern")


@pytest.mark.parametrize("body,message", [
    ('[[pattern]]\nid = "a"\nwhy = "x"\nflags = "i"\npattern = \'\'\'\\bfoo\\b\'\'\'\nexample = "bar"\n',
     "does not find its example"),
    ('[[pattern]]\nid = "a"\nwhy = "x"\nflags = "q"\npattern = \'\'\'foo\'\'\'\nexample = "foo"\n',
     "unknown flag"),
    ('[[pattern]]\nid = "a"\nflags = ""\npattern = \'\'\'foo\'\'\'\nexample = "foo"\n' * 2, "duplicate id"),
])
def test_a_bad_file_is_refused_with_its_reason(tmp_path, monkeypatch, body, message):
    path = tmp_path / "reader.toml"
    path.write_text(body, encoding="utf-8")
    monkeypatch.setattr(wording, "WORDING_FILE", path)
    wording.patterns.cache_clear()
    try:
        with pytest.raises(ValueError, match=message):
            wording.patterns()
    finally:
        wording.patterns.cache_clear()
