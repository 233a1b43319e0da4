"""Issue 11 (finding 4): recognition work grows linearly with a long run of capitalised names.

Before the fix every place in a run recomputed the run's words and its "First Last" person check
(``_judge``/``_person_run``): doubling a run of capitalised names quadrupled the work (8,000 names:
19 s; 100,000: past 120 s and 3 GB). The time figures live in ``geokit bench long_runs``; this test
counts Python-level calls (deterministic, no timing) on a smaller input.
"""

from __future__ import annotations

import sys

from geokit.bench.long_runs import capitalised_run


def _calls(fn, *args) -> int:
    fn(*args)  # warm the gazetteer caches, so both sizes do the same lookups
    n = 0

    def count(frame, event, arg):
        nonlocal n
        n += 1

    sys.setprofile(count)
    try:
        fn(*args)
    finally:
        sys.setprofile(None)
    return n


def test_recognition_work_is_linear_in_a_long_capitalised_run(parser):
    small = _calls(parser.recogniser.recognise, capitalised_run(600))
    large = _calls(parser.recogniser.recognise, capitalised_run(1200))
    assert large < 2.5 * small, (small, large)  # quadratic: about 3.7x


def test_long_run_still_finds_its_places(parser):
    doc = parser.parse(capitalised_run(300))
    names = {t.text for t in doc.toponyms if t.place is not None}
    assert {"Aleppo", "Idlib", "Gaziantep"} <= names
    assert len(doc.toponyms) >= 250
