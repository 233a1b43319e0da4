"""Dates in news text read against the published date: every relative form, precision and uncertainty."""

from __future__ import annotations

import datetime as dt

import pytest

from geokit.parsing.dates import dateline_date, find_dates, parse_date, published_warnings

MON = dt.date(2012, 7, 2)  # a Monday
FRI = dt.date(2012, 3, 9)  # a Friday


def one(text, published, **kw):
    refs = find_dates(text, published, **kw)
    assert len(refs) == 1, refs
    return refs[0]


def test_on_monday_is_same_day_when_published_on_monday():
    r = one("soldiers fled on Monday, officials said", MON)
    assert (r.date, r.precision) == (MON, "day")


def test_weekday_is_most_recent_on_or_before_published():
    assert one("On Thursday, rebels said", FRI).date == dt.date(2012, 3, 8)
    assert one("he said Friday that", FRI).date == FRI
    assert one("they met on Tuesday", MON).date == dt.date(2012, 6, 26)


def test_weekday_in_future_sentence_reads_forward():
    assert one("ministers will meet on Friday", MON).date == dt.date(2012, 7, 6)
    assert one("talks resume next Monday", MON).date == dt.date(2012, 7, 9)
    # a reduced clause: "a ban, expected to be confirmed on Friday" is about the coming Friday
    assert one("the export ban, expected to be confirmed on Friday", MON).date == dt.date(2012, 7, 6)
    # a past expectation keeps the past reading
    assert one("the envoy, who was expected to arrive on Friday", MON).date == dt.date(2012, 6, 29)


def test_yesterday_today_tomorrow_overnight():
    pub = dt.date(2012, 6, 25)
    assert one("defected yesterday", pub).date == dt.date(2012, 6, 24)
    assert one("arrived today", pub).date == pub
    r = one("a meeting tomorrow", pub)
    assert r.date == dt.date(2012, 6, 26) and "future" in r.note
    r = one("defected overnight", pub)
    assert (r.date, r.last, r.precision) == (dt.date(2012, 6, 24), pub, "day")


def test_since_weekday_is_a_window_to_the_report():
    r = one("234 Syrians crossed since Thursday", FRI)
    assert (r.date, r.last) == (dt.date(2012, 3, 8), FRI)
    wide = one("1,200 people crossed since Monday", FRI)
    assert wide.date == dt.date(2012, 3, 5) and wide.precision == "week"


def test_last_week_and_this_week():
    r = one("the government announced last week", dt.date(2012, 6, 25))
    assert (r.date, r.last, r.precision) == (dt.date(2012, 6, 18), dt.date(2012, 6, 24), "week")
    assert one("earlier this week", dt.date(2012, 6, 28)).date == dt.date(2012, 6, 25)


def test_weekend_meeting_is_the_weekend_before():
    r = one("A weekend meeting in Geneva failed", MON)
    assert (r.date, r.last, r.precision) == (dt.date(2012, 6, 30), dt.date(2012, 7, 1), "week")
    # published on Sunday
    assert one("talks at the weekend", dt.date(2012, 7, 1)).date == dt.date(2012, 6, 30)


def test_month_day_takes_published_year_or_the_year_before():
    assert one("On June 24, a general fled", MON).date == dt.date(2012, 6, 24)
    r = one("On Dec 28 troops moved", dt.date(2013, 1, 3))
    assert r.date == dt.date(2012, 12, 28) and "2012" in r.note
    assert one("24 June 2012", None).date == dt.date(2012, 6, 24)


def test_numeric_date_day_month_with_ambiguity_noted():
    r = one("Syria army - AP - 8.3.2012", FRI)
    assert r.date == dt.date(2012, 3, 8) and "ambiguous" in r.note
    assert one("on 25.6.2012", None).date == dt.date(2012, 6, 25)  # only one reading is a date


def test_months_and_years():
    r = one("began in March 2011 as a protest", MON)
    assert (r.date, r.last, r.precision) == (dt.date(2011, 3, 1), dt.date(2011, 3, 31), "month")
    assert one("began last year in March", MON).date == dt.date(2011, 3, 1)
    assert one("deployed since April", MON).date == dt.date(2012, 4, 1)
    assert one("suspended last month", MON).date == dt.date(2012, 6, 1)
    r = one("a jet was shot down last year", MON)
    assert (r.date, r.precision) == (dt.date(2011, 1, 1), "year")


def test_anaphoric_dates_use_the_anchor_or_an_earlier_date_in_the_sentence():
    r = one("A few days earlier a pilot defected", MON, anchor=dt.date(2012, 6, 24))
    assert r.date == dt.date(2012, 6, 19) and r.last == dt.date(2012, 6, 22) and r.precision == "week"
    refs = find_dates("rebels held it on Friday, a day after they overran the post", dt.date(2012, 7, 20))
    assert [x.date for x in refs] == [dt.date(2012, 7, 20), dt.date(2012, 7, 19)]
    refs = find_dates("on the same day, and ten days after a jet was downed", MON, anchor=MON)
    assert [x.date for x in refs] == [MON, dt.date(2012, 6, 22)]


def test_no_published_date_leaves_relative_dates_unknown_with_a_reason():
    for text in ("fled on Monday", "defected yesterday", "since Thursday", "last week", "a weekend meeting"):
        r = one(text, None)
        assert r.date is None and r.precision == "unknown" and "published" in r.note
    r = one("on June 24", None)
    assert r.date is None and "year" in r.note


def test_contradictory_and_invalid_dates_are_flagged_not_guessed():
    r = one("On Monday, June 5, troops crossed", MON)
    assert r.date == dt.date(2012, 6, 5) and "contradictory" in r.note
    r = one("on June 31 the camp opened", MON)
    assert r.date is None and "invalid" in r.note


def test_offsets_point_into_the_text():
    text = "Officials said on Monday that"
    r = one(text, MON, offset=100)
    assert text[r.start - 100:r.end - 100] == "on Monday"


def test_published_helpers():
    assert parse_date("2012-07-02") == MON
    assert parse_date("June 25, 2012") == dt.date(2012, 6, 25)
    assert parse_date(None) is None
    with pytest.raises(ValueError):
        parse_date("next sometime")
    with pytest.raises(TypeError):
        parse_date(42)
    assert "future" in published_warnings(dt.date(2999, 1, 1))[0]
    assert published_warnings(MON) == []
    assert "no published date" in published_warnings(None)[0]
    assert dateline_date("BEIRUT, June 3, 2013 (Wire) — Shelling ...").date == dt.date(2013, 6, 3)
    assert dateline_date("No date here at all.") is None


def test_bad_input_type():
    with pytest.raises(TypeError):
        find_dates(None, MON)


def test_following_morning_and_previous_evening_read_against_the_anchor():
    import datetime as _dt

    from geokit.parsing.dates import find_dates as _find
    anchor = _dt.date(2013, 5, 12)
    (nxt,) = _find("They were moved the following morning.", _dt.date(2013, 5, 15), anchor=anchor)
    (prev,) = _find("They had gathered the previous evening.", _dt.date(2013, 5, 15), anchor=anchor)
    assert (nxt.date, nxt.precision) == (_dt.date(2013, 5, 13), "day")
    assert prev.date == _dt.date(2013, 5, 11)


def test_day_and_month_with_last_year():
    """'25 February last year' is in the year before the report, not in the report's year (issue 15)."""
    import datetime as _dt

    from geokit.parsing.dates import find_dates as _find

    (d,) = _find("The fight on 25 February last year left two hurt.", _dt.date(2016, 12, 7))
    assert d.iso() == "2015-02-25" and d.precision == "day"
    (n,) = _find("It opens on March 3 next year.", _dt.date(2016, 12, 7))
    assert n.iso() == "2017-03-03"


def test_a_day_range_in_one_month_is_a_window_from_its_first_day():
    import datetime as _dt

    from geokit.parsing.dates import find_dates as _find

    (ref,) = _find("Between 14 and 16 February 2023, fighting was reported.", _dt.date(2023, 6, 30))
    assert (ref.date, ref.last, ref.precision) == (_dt.date(2023, 2, 14), _dt.date(2023, 2, 16), "week")
    (ref,) = _find("Talks ran from 3 to 25 June 2023.", _dt.date(2023, 6, 30))
    assert ref.date == _dt.date(2023, 6, 3) and ref.precision == "month"


# ---------------------------------------------------------------- day ranges (round 6, agency excerpts)


@pytest.mark.parametrize("text,first,last", [
    ("were displaced between 3 and 5 May, field teams said", dt.date(2023, 5, 3), dt.date(2023, 5, 5)),
    ("arrivals from 10 to 14 March", dt.date(2023, 3, 10), dt.date(2023, 3, 14)),
    ("during the 12-18 February distribution", dt.date(2023, 2, 12), dt.date(2023, 2, 18)),
    ("on May 3-5, 2022", dt.date(2022, 5, 3), dt.date(2022, 5, 5)),
])
def test_a_day_range_is_one_window_from_its_first_day(text, first, last):
    (ref,) = find_dates(text, dt.date(2023, 6, 30))
    assert (ref.date, ref.last, ref.precision) == (first, last, "week")


def test_two_days_joined_by_and_are_no_range_without_between():
    refs = find_dates("shelling on 3 and 5 May", dt.date(2023, 6, 30))
    assert all(r.date == r.last for r in refs)


@pytest.mark.parametrize("text,first,last,precision", [
    ("fled in the first week of February", dt.date(2023, 2, 1), dt.date(2023, 2, 7), "week"),
    ("during the last week of May", dt.date(2023, 5, 25), dt.date(2023, 5, 31), "week"),
    ("registered in the first half of June", dt.date(2023, 6, 1), dt.date(2023, 6, 15), "month"),
    ("the second week of March 2021", dt.date(2021, 3, 8), dt.date(2021, 3, 14), "week"),
])
def test_a_part_of_a_month_is_its_window(text, first, last, precision):
    (ref,) = find_dates(text, dt.date(2023, 6, 30))
    assert (ref.date, ref.last, ref.precision) == (first, last, precision)
