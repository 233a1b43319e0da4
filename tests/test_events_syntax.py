"""The optional dependency parse (geokit.events.syntax): which predicate a place phrase hangs from.

Sentences written for the project. The parse is off by default; the tests that need spaCy's pipeline
(``pip install 'geokit[nlp]'``) skip with a reason when it is absent.
"""

from __future__ import annotations

import pytest

import geokit
from geokit.events import syntax


def _span(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


def _first_event(text: str):
    records = geokit.extract([{"id": "t", "text": text, "published": "2023-06-30"}], link=False).records()
    events = [r for r in records if r.kind == "event"]
    assert events, text
    return events[0]


@pytest.fixture
def parsed(monkeypatch):
    monkeypatch.setenv(syntax.PARSER_ENV, "on")
    if not syntax.available():
        pytest.skip("spaCy or its English pipeline is not installed (pip install 'geokit[nlp]')")


def test_off_by_default_and_when_turned_off(monkeypatch):
    text = "Gunmen who had trained in Libya killed six villagers in Kidal on Monday."
    monkeypatch.delenv(syntax.PARSER_ENV, raising=False)
    assert not syntax.enabled()
    assert syntax.attachment(text, _span(text, "killed"), _span(text, "Kidal")) is None
    monkeypatch.setenv(syntax.PARSER_ENV, "off")
    assert syntax.attachment(text, _span(text, "killed"), _span(text, "Kidal")) is None


def test_missing_pipeline_falls_back_to_rules(monkeypatch):
    monkeypatch.setenv(syntax.PARSER_ENV, "geokit_no_such_pipeline_package")
    assert syntax.enabled() and not syntax.available()
    text = "Gunmen killed six villagers in Kidal on Monday."
    assert syntax.attachment(text, _span(text, "killed"), _span(text, "Kidal")) is None
    assert _first_event(text).place.name == "Kidal"


def test_place_of_a_relative_clause_is_another_predicates(parsed):
    text = "Gunmen who had trained in Libya killed six villagers in Kidal on Monday."
    trig = _span(text, "killed")
    assert syntax.attachment(text, trig, _span(text, "Kidal")) == "own"
    assert syntax.attachment(text, trig, _span(text, "Libya")) == "other"


def test_noun_trigger_takes_its_verbs_places(parsed):
    text = "A bomb hidden in a van exploded in Quetta on Friday."
    assert syntax.attachment(text, _span(text, "bomb"), _span(text, "Quetta")) == "own"


@pytest.mark.parametrize("text,place", [
    # the participle's place ("stationed in Mosul") is not where the shelling happened
    ("Soldiers stationed in Mosul since March shelled villages near Tal Afar on Sunday.", "Afar"),
    # "a patient who had visited Mexico": the visit is the relative clause's, not the nurse's home
    ("A nurse living in Bavaria caught the virus from a patient who had visited Mexico.", "Mexico"),
])
def test_reader_takes_the_triggers_own_place(parsed, text, place):
    assert place in _first_event(text).place.name


def test_date_of_the_triggers_own_predicate(parsed):
    # "who were deployed on Friday" is the relative clause's date; the arrests were on Monday
    e = _first_event("Police who were deployed on Friday arrested 12 men in Garissa on Monday.")
    assert e.date == "2023-06-26"


@pytest.mark.parametrize("text,actor1,actor2", [
    # a relative clause or apposition is no part of the actor's name
    ("The militants, who are based in Pakistan, attacked a checkpoint in Kunar province on Sunday.",
     "The militants", "a checkpoint"),
    ("Gunmen who had trained in Libya killed six villagers in Kidal on Monday.", "Gunmen", "six villagers"),
    # passive: the "by" phrase acts, the subject is the target
    ("Five villagers were killed by soldiers in Beni on Sunday.", "soldiers", "Five villagers"),
])
def test_actors_from_subject_object_and_agent(parsed, text, actor1, actor2):
    e = _first_event(text)
    assert e.actors.get("actor1") == actor1 and e.actors.get("actor2") == actor2


def test_reflexive_object_is_no_target(parsed):
    e = _first_event("A suicide bomber blew himself up at a mosque in Kunduz on Friday, killing 50 people.")
    assert e.actors.get("actor1") == "A suicide bomber" and "actor2" not in e.actors


def test_place_inside_the_subject_describes_the_actor(parsed):
    text = "Police in Kenya fired tear gas at opposition supporters protesting in Kisumu."
    assert syntax.attachment(text, _span(text, "fired"), _span(text, "Kenya")) == "subject"
    assert _first_event(text).place.name == "Kisumu"
    # with no other place, the subject's place still places the event ("a bomb in Kabul killed ...")
    assert _first_event("A bomb in Kabul killed five people on Monday.").place.name == "Kabul"
