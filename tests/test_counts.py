"""Figures with labels and qualifiers: digits, words, vague quantities, rank lists, and what is not a
count."""

from __future__ import annotations

import pytest

from geokit.events.counts import compare, counts_dict, find_counts, parse_number


def labelled(text):
    return counts_dict(find_counts(text))


@pytest.mark.parametrize("text,value", [
    ("Eighty-five", 85), ("85", 85), ("35,000", 35000), ("3.5 million", 3500000),
    ("two hundred and fifty", 250),
    ("one thousand two hundred", 1200), ("twelve", 12), ("dozens of", (24, 99)), ("several", (3, 9)),
    ("a handful of", (3, 9)), ("hundreds of", (200, 999)), ("a dozen", 12), ("banana", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_words_digits_and_labels():
    c = labelled("Eighty-five Syrian soldiers, including one general and at least 14 lower-ranking officers, "
                 "fled")
    assert c == {"soldiers": 85, "generals": 1, "officers": 14}
    assert labelled("when three military helicopters approached") == {"helicopters": 3}
    assert labelled("eight additional pilots had fled") == {"pilots": 8}
    assert labelled("84 troops crossed") == {"soldiers": 84}


def test_qualifiers_are_kept_beside_the_value():
    cs = find_counts("is housing more than 35,000 Syrian civilians")
    assert [(c.label, c.value, c.qualifier) for c in cs] == [("civilians", 35000, "more than")]
    cs = find_counts("host to nearly 33,000 refugees and at least 14 officers")
    assert [(c.value, c.qualifier) for c in cs] == [(33000, "nearly"), (14, "at least")]


def test_vague_quantities_are_ranges():
    assert labelled("included dozens of soldiers") == {"soldiers": [24, 99]}
    assert labelled("a handful of top military officers defected") == {"officers": [3, 9]}
    assert labelled("hundreds of demonstrators rallied") == {"protesters": [200, 999]}


def test_group_and_total_label_the_whole_party():
    assert labelled("as part of a group of 293 refugees") == {"group": 293}
    assert labelled("a total of 224 people") == {"group": 224}
    assert labelled("234 Syrians crossed") == {"people": 234}


def test_rank_lists_are_summed_into_officers():
    c = labelled("two generals and a colonel have defected")
    assert c == {"generals": 2, "colonels": 1, "officers": 3}
    c = labelled("a general, two colonels and major and a lieutenant were among 33 soldiers")
    assert c["officers"] == 5 and c["soldiers"] == 33
    # 24 is a date
    assert labelled("On June 24 a general, two colonels, a major and a lieutenant")["officers"] == 5
    assert labelled("a colonel and a lieutenant colonel")["officers"] == 2


def test_singular_and_appositive_counts():
    assert labelled("another Syrian pilot flew his plane") == {"pilots": 1}
    assert labelled("three officers, all of them fighter pilots, defected") == {"officers": 3, "pilots": 3}
    assert labelled("a rebel spokesman said") == {}  # "rebel" modifies "spokesman"


def test_casualties():
    assert labelled("a shell killed five in the town") == {"killed": 5}
    assert labelled("at least 12 people were killed") == {"killed": 12}
    assert labelled("struck the town, wounding three people") == {"wounded": 3}


def test_things_that_are_not_counts():
    assert labelled("the 300-member observer mission began 16 months ago") == {}
    assert labelled("access for $11 a month; 5 free articles; in 2012; 13 nautical miles") == {}
    assert labelled("the 14th general to defect") == {}
    assert labelled("major world powers convened") == {}
    assert labelled("General Smith said") == {}


def test_out_of_range_is_dropped_with_a_warning():
    warnings: list[str] = []
    assert counts_dict(find_counts("9999999999999 soldiers fled", warnings=warnings)) == {}
    assert warnings and "out of range" in warnings[0]


def test_offsets_and_bad_input():
    text = "They said 40 troops fled."
    (c,) = find_counts(text, offset=10)
    assert text[c.start - 10:c.end - 10] == "40 troops"
    with pytest.raises(TypeError):
        find_counts(None)


@pytest.mark.parametrize("a,b,verdict", [
    (85, 85, "equal"), (85, 84, "close"), (3, 4, "conflict"), (85, [24, 99], "within"),
    (14, [3, 9], "conflict"),
    ([3, 9], [5, 20], "overlap"), (33000, 35000, "close"), (100, 200, "conflict"),
])
def test_compare(a, b, verdict):
    assert compare(a, b) == verdict


def test_number_of_rose_to_a_million_keeps_the_scale():
    from geokit.events.counts import find_counts

    (c,) = find_counts("The number of IDPs in the region has risen to more than 1 million.")
    assert c.value == 1_000_000 and c.label == "people" and c.qualifier == "more than"
