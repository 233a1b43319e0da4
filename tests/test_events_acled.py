"""Issue 15: twelve event types, ACLED classes, argument roles, one event per occurrence, rules as data.

Every report here is written for this test (short, in common news phrasings), never copied from a corpus.
Published date: Wednesday 15 May 2013, so "on Monday" is 13 May.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib

import pytest
from anyascii import anyascii

import geokit
from geokit.events import triggers
from geokit.events.acled import refinements, taxonomy

PUB = "2013-05-15"


def _records(text: str, published: str | None = PUB, link: bool = False):
    return geokit.extract([{"id": "t", "text": text, "published": published}], link=link).records()


def _events(text: str, published: str | None = PUB):
    return [r for r in _records(text, published) if r.kind == "event"]


def _named(place, stem: str) -> bool:
    return place is not None and stem.lower() in anyascii(place.name).lower().replace("'", "")


def _one(text: str, etype: str):
    found = [e for e in _events(text) if etype in e.types]
    assert found, [(e.type, e.types, e.rule, e.sources[0].text) for e in _events(text)]
    return found[0]


# ---------------------------------------------------------------- the twelve types, each with its ACLED class

TWELVE = [
    ("Two Syrian colonels defected to Turkey on Monday, officials said.", "defection", "Kilis",
     ("Strategic developments", "Change to group/activity")),
    ("About 400 Syrians crossed into Jordan near Ramtha on Monday.", "border_crossing", "Ramtha",
     ("Strategic developments", "Other")),
    ("The new arrivals were moved to a tented camp in Arsal on Monday.", "camp_placement", "Arsal",
     ("Strategic developments", "Other")),
    ("Floods displaced some 9,000 villagers in Sindh province on Monday.", "displacement", "Sindh",
     ("Strategic developments", "Other")),
    ("A Syrian helicopter violated Turkish airspace near Yayladagi on Monday.", "air_incident", "Yayladagi",
     ("Strategic developments", "Other")),
    ("The army deployed extra troops to Kilis on Monday.", "military_deployment", "Kilis",
     ("Strategic developments", "Change to group/activity")),
    ("Government troops clashed with rebels in Homs on Monday.", "military_operation", "Homs",
     ("Battles", "Armed clash")),
    ("A man was stabbed outside a cafe in Izmir on Monday.", "attack", "Izmir",
     ("Violence against civilians", "Attack")),
    ("Police arrested four men in Adana on Monday.", "arrest", "Adana",
     ("Strategic developments", "Arrests")),
    ("Hundreds of teachers marched through Amman on Monday.", "protest", "Amman",
     ("Protests", "Peaceful protest")),
    ("The foreign ministers held talks in Geneva on Monday.", "meeting", "Geneva",
     ("Strategic developments", "Other")),
    ("The UN refugee chief visited Gaziantep on Monday.", "visit", "Gaziantep",
     ("Strategic developments", "Other")),
]


@pytest.mark.parametrize(("text", "etype", "place", "acled"), TWELVE, ids=[t[1] for t in TWELVE])
def test_each_of_the_twelve_types_with_date_rule_and_acled(text, etype, place, acled):
    e = _one(text, etype)
    assert e.date == "2013-05-13" and e.date_precision == "day"
    assert e.rule and e.rule.split("+")[0] in {r.id for r in triggers.rules()}
    assert (e.acled["event_type"], e.acled["sub_event_type"]) == acled
    row = e.to_dict()
    assert row["time_precision"] == 1 and row["rule"] == e.rule and row["acled"] == e.acled
    if etype != "defection":  # "defected to Turkey": the country, not a town
        assert _named(e.place, place[:3]), e.place
        assert row["place"]["country_code"] and row["geo_precision"] in (1, 2, 3)


ACLED_TYPES = [
    ("Government forces clashed with rebels near Idlib on Monday.", "Battles", "Armed clash"),
    (
        "A roadside bomb exploded near a bus station in Diyarbakir on Monday, killing three soldiers.",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    (
        "Warplanes carried out air strikes on Raqqa on Monday, killing 12 people.",
        "Explosions/Remote violence",
        "Air/drone strike",
    ),
    (
        "A suicide bomber blew himself up at a checkpoint in Mosul on Monday.",
        "Explosions/Remote violence",
        "Suicide bomb",
    ),
    (
        "Gunmen kidnapped two engineers in Basra on Monday.",
        "Violence against civilians",
        "Abduction/forced disappearance",
    ),
    (
        "Police fired tear gas at protesters who marched in Ankara on Monday.",
        "Protests",
        "Protest with intervention",
    ),
    ("Rioters torched cars and threw stones at police in Izmir on Monday.", "Riots", "Violent demonstration"),
    (
        "The two sides signed a ceasefire agreement in Astana on Monday.",
        "Strategic developments",
        "Agreement",
    ),
    (
        "Soldiers fired on demonstrators in Conakry on Monday, killing two.",
        "Protests",
        "Excessive force against protesters",
    ),
    (
        "Riot police dispersed hundreds of students in Santiago on Tuesday.",
        "Protests",
        "Protest with intervention",
    ),
    (
        "Israeli aircraft struck targets in Gaza overnight, the army said.",
        "Explosions/Remote violence",
        "Air/drone strike",
    ),
    ("Police arrested 30 people in Tunis on Monday.", "Strategic developments", "Arrests"),
    (
        "Rebels overran the border post at Tal Abyad on Sunday.",
        "Battles",
        "Non-state actor overtakes territory",
    ),
]


@pytest.mark.parametrize(("text", "event_type", "sub_event_type"), ACLED_TYPES,
                         ids=[f"{i}-{t[2]}" for i, t in enumerate(ACLED_TYPES)])
def test_each_acled_event_type(text, event_type, sub_event_type):
    classes = {(e.acled["event_type"], e.acled["sub_event_type"]) for e in _events(text)}
    assert (event_type, sub_event_type) in classes, classes


def test_acled_taxonomy_is_acleds_own_six_types_and_25_sub_types():
    tax = taxonomy()
    assert set(tax) == {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
        "Strategic developments",
    }
    assert sum(len(v) for v in tax.values()) == 25
    for r in refinements():  # every refinement names a real ACLED pair and its example matches it
        assert r.acled[1] in tax[r.acled[0]] and r.pattern.search(r.example), r.id


# ---------------------------------------------------------------- argument roles


def test_roles_place_origin_destination_date_counts():
    text = "About 3,000 residents fled Aleppo for Azaz on Monday, aid workers said."
    (m,) = [r for r in _records(text) if r.kind == "movement"]
    assert _named(m.origin, "alepp") and _named(m.destination, "zaz")
    assert m.date == "2013-05-13" and 3000 in m.counts.values()


def test_actors_active_and_passive_in_acleds_sense():
    e = _one("Gunmen attacked a police patrol in Karachi on Monday.", "attack")
    assert e.actors.get("actor1") == "Gunmen" and "police patrol" in e.actors.get("actor2", "")
    a = _one("Twelve students were detained by riot police in Dhaka on Monday.", "arrest")
    assert a.actors.get("actor1", "").startswith("riot police") and "students" in a.actors.get("actor2", "")
    assert 12 in a.counts.values()


def test_fatalities_from_the_death_toll():
    e = _one("A car bomb killed nine people in a market in Baghdad on Monday.", "attack")
    assert e.fatalities == 9 and e.acled["sub_event_type"] == "Remote explosive/landmine/IED"
    p = _one("Police arrested 30 protesters in Tunis on Monday.", "arrest")
    assert p.fatalities is None


def test_the_place_tied_to_the_predicate_not_the_first_of_the_sentence():
    e = _one("Officials from Ankara said a bomb exploded in the town of Cizre on Monday.", "attack")
    assert e.place.name.startswith("Cizre")


def test_displacement_figures_keep_their_unit_and_origin():
    text = "Fighting drove 2,500 families from their homes in Sirte on Monday."
    d = _one(text, "displacement")
    assert d.counts.get("families") == 2500 and d.origin is not None and d.origin.name.startswith("Sirt")


def test_bare_figure_and_abroad_flight():
    text = (
        "Violence swept the north of Mali on Monday. A quarter of a million have been driven from their "
        "homes and another 6,000 have fled to neighbouring Niger."
    )
    moves = [r for r in _records(text) if r.kind == "movement"]
    assert any(m.destination is not None and m.destination.name == "Niger" and 6000 in m.counts.values()
               and m.origin is not None and m.origin.country_code == "ML" for m in moves), moves
    assert any(250000 in r.counts.values() for r in _records(text))


def test_undated_clause_takes_the_report_week_never_a_day():
    (e,) = [e for e in _events("Police arrested a journalist in Istanbul.") if e.type == "arrest"]
    assert e.date == PUB and e.date_precision == "week" and e.to_dict()["time_precision"] == 2
    (u,) = [e for e in _events("Police arrested a journalist in Istanbul.", None) if e.type == "arrest"]
    assert u.date is None and u.to_dict()["time_precision"] is None


def test_placeless_event_takes_a_coarser_report_place():
    text = ("A bomb exploded outside a bus station in Kayseri on Saturday, killing 13 soldiers. "
            "Seven people have been arrested in connection with the blast.")
    a = _one(text, "arrest")
    assert a.place is not None and a.place.name.startswith("Kayseri") and a.place.geo_precision >= 2
    assert "clause names none" in a.notes


# ---------------------------------------------------------------- one event per occurrence


def test_two_events_of_one_report_at_two_places_and_days_stay_apart():
    text = ("A bomb exploded near a church in Cairo on Sunday, killing 25 people. "
            "On Friday, two bombs exploded at a checkpoint in Alexandria.")
    bombs = [e for e in geokit.extract([{"id": "t", "text": text, "published": "2016-12-12"}]).events
             if "attack" in e.types]
    assert len(bombs) == 2
    assert {b.date for b in bombs} == {"2016-12-11", "2016-12-09"}


def test_a_series_over_a_year_is_not_an_occurrence():
    text = "The country has suffered a series of fatal bombings in 2016."
    assert not [e for e in _events(text, "2016-12-17") if e.type == "attack"]


def test_a_plan_or_a_fleeing_gunman_is_no_event():
    assert not _events("The minister is due to visit Kilis tomorrow.")
    assert not [e for e in _events("The gunmen fled in a car after the raid in Mardin on Monday.")
                if e.type == "displacement"]


# ---------------------------------------------------------------- rules as data


def test_every_builtin_rule_is_valid_and_its_example_matches():
    rules = triggers.rules()
    assert len({r.id for r in rules}) == len(rules)
    types = {r.type for r in rules} - {"flight"}
    assert types == set(triggers.EVENT_TYPES)
    for r in rules:
        assert r.example and r.pattern.search(r.example), r.id


def _user_rules(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('''
[[rule]]
id = "user.sit_in_camp"
type = "protest"
acled = ["Protests", "Peaceful protest"]
pattern = \'\'\'\\bsat\\s+in\\s+outside\\b\'\'\'
example = "Nurses sat in outside the ministry in Rabat on Monday."
''', encoding="utf-8")
    return path


def test_a_user_rule_file_adds_a_trigger(tmp_path):
    text = "Nurses sat in outside the ministry in Rabat on Monday."
    assert not [e for e in _events(text) if e.type == "protest"]
    path = _user_rules(tmp_path)
    try:
        rules = triggers.add_rule_file(path)
        assert [r.id for r in rules] == ["user.sit_in_camp"]
        (e,) = [e for e in _events(text) if e.type == "protest"]
        assert e.rule.startswith("user.sit_in_camp") and e.place.name == "Rabat"
    finally:
        triggers.clear_rule_files()
    assert not [e for e in _events(text) if e.type == "protest"]


def test_a_bad_user_rule_file_is_refused_and_changes_nothing(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[rule]]\nid = "x"\ntype = "picnic"\npattern = "a"\n', encoding="utf-8")
    n = len(triggers.rules())
    with pytest.raises(ValueError, match="unknown type"):
        triggers.add_rule_file(bad)
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('[[rule]]\nid = "y"\ntype = "protest"\nacled = ["Protests", "Picnic"]\npattern = "a"\n',
                     encoding="utf-8")
    with pytest.raises(ValueError, match="ACLED"):
        triggers.add_rule_file(wrong)
    assert len(triggers.rules()) == n
    # the shipped file parses
    tomllib.loads((triggers.RULES_DIR / "triggers.toml").read_text(encoding="utf-8"))


def test_a_broken_rule_file_in_the_environment_stops_extraction_with_a_clear_error(tmp_path, monkeypatch):
    """A rule file that does not compile is the caller's setup: extraction says so once, instead of
    skipping every report with the same warning."""
    from geokit.errors import GeokitError

    bad = tmp_path / "bad.toml"
    bad.write_text('[[rule]]\nid = "z"\ntype = "attack"\npattern = \'\'\'(?<!(?:a|bb)\\s)attack\'\'\'\n',
                   encoding="utf-8")
    monkeypatch.setenv(triggers.RULES_ENV, str(bad))
    with pytest.raises(GeokitError, match="bad.toml"):
        geokit.extract([{"id": "a", "text": "Gunmen attacked a bus in Kano.", "published": "2023-06-30"}])
    monkeypatch.delenv(triggers.RULES_ENV)
    assert geokit.extract("Gunmen attacked a bus in Kano on Monday.").events


def test_rule_file_from_the_environment_and_the_cli(tmp_path, monkeypatch):
    path = _user_rules(tmp_path)
    text = "Nurses sat in outside the ministry in Rabat on Monday."
    monkeypatch.setenv(triggers.RULES_ENV, str(path))
    assert [e for e in _events(text) if e.type == "protest"]
    monkeypatch.delenv(triggers.RULES_ENV)
    line = json.dumps({"id": "r", "text": text, "published": PUB})
    run = subprocess.run([sys.executable, "-m", "geokit.cli", "events", "--jsonl", "--rules", str(path), "-"],
                         input=line + "\n", capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    rows = [json.loads(x) for x in run.stdout.splitlines() if x.strip()]
    assert any(r["type"] == "protest" and r["rule"].startswith("user.sit_in_camp") for r in rows)


def test_the_attack_told_again_is_the_same_event_and_refines_its_place():
    text = (
        "A car bomb in southern Turkey killed eight soldiers on Sunday. The blast hit a bus in the city of "
        "Adana, officials said. The attack was condemned by the United Nations."
    )
    attacks = [e for e in _events(text, "2016-12-19") if "attack" in e.types]
    assert len(attacks) == 1, [(e.place, e.sources[0].text) for e in attacks]
    (a,) = attacks
    assert _named(a.place, "adana") and a.date == "2016-12-18" and len(a.sources) == 3 and a.fatalities == 8


def test_a_saint_in_a_church_name_is_not_the_place():
    text = "A bomb exploded inside the church of St. George in Alexandria on Sunday."
    (a,) = [e for e in _events(text, "2017-04-10") if "attack" in e.types]
    assert _named(a.place, "alexandr")
    text = "A bomb exploded at the Saint Peter and Saint Paul Coptic Church in Tanta on Sunday."
    (b,) = [e for e in _events(text, "2017-04-10") if "attack" in e.types]
    assert _named(b.place, "tanta")


def test_disease_and_disaster_deaths_are_not_attacks():
    assert not [e for e in _events("A cholera outbreak has killed 40 people in Harare since last month.")
                if "attack" in e.types]
    assert not [e for e in _events("Twelve people were killed in the floods in Assam on Monday.")
                if "attack" in e.types]
    assert [
        e for e in _events("Gunmen killed 12 people in a market in Kano on Monday.") if "attack" in e.types
    ]


def test_officials_travelling_and_returns_are_movements_dated_from_their_clause():
    recs = _records("The foreign minister flew to Moscow on Monday for talks with his Russian counterpart.")
    (m,) = [r for r in recs if r.kind == "movement"]
    assert m.type == "visit" and _named(m.destination, "mosc") and m.date == "2013-05-13"
    recs = _records("About 150 refugees returned to Jaffna from India on Monday.")
    (m,) = [r for r in recs if r.kind == "movement"]
    assert _named(m.origin, "india") and _named(m.destination, "jaffna") and 150 in m.counts.values()


def test_flight_and_crossing_of_one_group_is_one_displacement_abroad():
    text = "Several thousand people fled the fighting in North Kivu on Monday and crossed into Uganda."
    moves = [r for r in _records(text) if r.kind == "movement"]
    assert len(moves) == 1 and _named(moves[0].destination, "uganda")
    assert {"displacement", "border_crossing"} <= set(moves[0].types)


@pytest.mark.parametrize("text", [
    "The senator strongly attacked the governor's proposal to close the border on Monday.",
    "Officials said hackers hacked the ministry's emails in Oslo on Monday.",
    "The Met Office warned of heavy rain in Leeds on Monday.",
    "The mayor will hold a press conference in Boston on Monday.",
    "The insurgency has killed more than 800 people over four decades.",
    "After a brief shot at a career in football, he studied law in Dublin.",
    "Police seized 3,000 kilos of rotten meat at a market in Manila on Monday.",
    "Bird flu has killed two more women in Cairo this week.",
    "Thousands of birds were killed in the county of Braila on Monday to contain the virus.",
])
def test_words_that_only_look_like_events(text):
    assert not _events(text), [(e.type, e.rule) for e in _events(text)]


def test_the_word_gate_never_hides_a_match():
    """Every built-in rule has cue words, and a sentence it matches holds one of them (the speed gate of
    find_triggers: a rule none of whose cues is in the sentence is not run)."""
    for r in triggers.rules():
        assert r.cues, r.id
        if r.pattern.search(r.example):
            assert any(c in r.example.lower() for c in r.cues), (r.id, r.example)
    assert triggers._cues(r"\bprotests?\b|\bwere\s+(?:later\s+)?evacuated") == ("evacuated", "protest")
    # a word outside any optional part, one word per branch, look-aheads count, optional parts do not
    assert triggers._cues(r"\b(?:flew|flown|fly)\b(?=\s+to\s+(?:the\s+)?capital)") == ("capital",)
    assert triggers._cues(r"(?:very\s+)?big") == ("big",) and triggers._cues(r"(?:very\s+big\s+)?\d+") == ()
    assert set(triggers._cues(r"(?:ab|seized)\s+\d+\s+(?:guns|rifles)")) == {"guns", "rifles"}


def test_the_word_gate_keeps_every_match_on_real_sentences():
    """On the written sets and the genre sets, gated trigger finding equals running every rule."""
    import glob
    import json
    import re as _re

    texts = [d["text"] for f in glob.glob("tests/data/events_written/*.json")
             for d in json.load(open(f, encoding="utf-8"))["documents"]]
    texts += [d["text"] for f in glob.glob("tests/data/genres/*.json")
              for d in json.load(open(f, encoding="utf-8"))]
    assert len(texts) > 200
    rs = triggers.rules()
    for text in texts:
        for sent in _re.split(r"(?<=[.!?])\s+", text):
            present = triggers._present_cues(rs, sent.lower())
            for r in rs:
                if r.cues and present.isdisjoint(r.cues):
                    assert not r.pattern.search(sent), (r.id, sent)


def test_people_coming_home_take_no_origin_from_a_demonym():
    text = "Five Bulgarian nurses and a Palestinian doctor arrived in Sofia on Monday."
    (m,) = [r for r in _records(text) if r.kind == "movement"]
    assert m.origin is None and _named(m.destination, "sofia")
    (s,) = [r for r in _records("Forty Syrian refugees arrived in Amman on Monday.") if r.kind == "movement"]
    assert s.origin is not None and s.origin.country_code == "SY"


def test_agency_style_figures():
    recs = _events(
        "The fighting has forced an estimated 60,000 residents to flee to neighbouring districts of "
        "Kassala on Monday."
    )
    assert any(e.type == "displacement" and e.counts.get("people") == 60000 for e in recs)
    (c,) = [e for e in _events("Some 20,000 Rohingya crossed into Bangladesh on Monday.")
            if e.type == "border_crossing"]
    assert c.counts.get("people") == 20000
    text = ("The region has taken in thousands of newcomers: some 3,000 Syrians arrived in the Domiz camp "
            "on Monday.")
    assert any(3000 in e.counts.values() for e in _events(text))
