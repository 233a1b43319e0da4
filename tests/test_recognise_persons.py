"""Given names are not areas: the worldwide admin-2 layer knows "Patrick" and "Michael" (Isle of Man),
"Sicilia" and "Damme", and person names around them must keep them out. Texts written for the project."""

from __future__ import annotations

import pytest


def _places(doc):
    return [t.text for t in doc.toponyms]


def _dropped_as_person(doc, word):
    return any(d.text == word and d.kind == "person" for d in doc.dropped)


@pytest.mark.parametrize("text, word", [
    ("The valuer, Patrick de Bayser, said the drawing was old.", "Patrick"),  # given name + particle
    ("Officials including Jean van Damme attended the meeting.", "Damme"),
    ("A white powder was found at the Michael J. Dillon courthouse on Monday.", "Michael"),  # an initial
    ("Four babies died last year. Michael McGimpsey, the health minister, expressed sympathy.",
     "Michael"),  # a surname with a capital inside
])
def test_a_given_name_in_a_person_name_is_no_place(parser, text, word):
    doc = parser.parse(text)
    assert word not in _places(doc)
    assert _dropped_as_person(doc, word)


def test_the_same_words_as_places_stay_places(parser):
    doc = parser.parse("He flew to Rio de Janeiro and later to Santiago de Chile.")
    assert {"Rio de Janeiro", "Santiago de Chile"} <= set(_places(doc))
    doc = parser.parse("The fair moved from Damme to Bruges last year.")
    assert "Damme" in _places(doc)


def test_a_province_before_ordinary_words_names_an_organisation_not_a_person(parser):
    """"Manitoba Underdogs Rescue" is an organisation named after the province (its place kept), where
    "Georgia Stevens" is a person."""
    doc = parser.parse("The puppy was found in the snow. According to Manitoba Underdogs Rescue, it will "
                       "recover.")
    assert "Manitoba" in _places(doc)
    doc = parser.parse("The winner was announced on Friday. Georgia Stevens thanked her family.")
    assert "Georgia" not in _places(doc)
