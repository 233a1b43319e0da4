"""ACLED-notes and wire conventions read as general mechanisms (issue 15, round 6).

Sample texts are written for the project.
"""

from __future__ import annotations

import pytest

import geokit
from geokit.events.acled import coded_fatalities

PUB = "2023-06-30"


def _events(text: str, published: str = PUB):
    recs = geokit.extract([{"id": "t", "text": text, "published": published}], link=False).records()
    return [r for r in recs if r.kind == "event"]


@pytest.mark.parametrize("sentence,n", [
    ("7 fatalities.", 7), ("1 fatality.", 1), ("No fatalities.", 0), ("Fatalities coded as 12.", 12),
    ("Fatalities unknown; coded as 0.", 0), ("Soldiers returned fire.", None), ("Two people died.", None),
])
def test_coded_fatalities_sentence(sentence, n):
    assert coded_fatalities(sentence) == n


def test_a_coded_fatalities_sentence_gives_the_events_before_it_their_deaths():
    ev = _events("On 4 May 2023, rebels clashed with soldiers near Kidal (Kidal, Kidal). 11 fatalities.")
    assert ev and ev[0].fatalities == 11
    ev = _events("On 4 May 2023, rebels clashed with soldiers near Kidal. No fatalities.")
    assert ev and ev[0].fatalities == 0
    ev = _events("On 4 May 2023, rebels clashed with soldiers near Kidal.")
    assert ev and ev[0].fatalities is None
