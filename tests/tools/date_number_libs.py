#!/usr/bin/env python3
"""Compare geokit's relative-date and number-word readers with dateparser and text2num (issue 15).

Usage: pip install dateparser text2num; python tests/tools/date_number_libs.py
The phrases were written for this comparison; the published date is Wednesday 2017-03-15.
Prints right/total, time per phrase and the misses of each reader.
"""

from __future__ import annotations

import datetime as dt
import time

from geokit.events.counts import parse_number
from geokit.parsing.dates import find_dates

PUB = dt.date(2017, 3, 15)
DATES = {
    "on Monday": dt.date(2017, 3, 13), "on Tuesday": dt.date(2017, 3, 14),
    "last Friday": dt.date(2017, 3, 10), "yesterday": dt.date(2017, 3, 14), "today": dt.date(2017, 3, 15),
    "on Sunday night": dt.date(2017, 3, 12), "two days ago": dt.date(2017, 3, 13),
    "last week": dt.date(2017, 3, 8), "on March 10": dt.date(2017, 3, 10),
    "on 10 March": dt.date(2017, 3, 10), "March 10, 2017": dt.date(2017, 3, 10),
    "in February": dt.date(2017, 2, 1), "last month": dt.date(2017, 2, 1),
    "on Dec. 24": dt.date(2016, 12, 24), "overnight": dt.date(2017, 3, 14),
    "earlier this week": dt.date(2017, 3, 13), "three weeks ago": dt.date(2017, 2, 22),
    "on Wednesday morning": dt.date(2017, 3, 15), "late on Saturday": dt.date(2017, 3, 11),
    "last Thursday": dt.date(2017, 3, 9),
}
NUMBERS = {
    "eighty-five": 85, "Eighty-five": 85, "two hundred and thirty": 230, "three thousand": 3000,
    "1.2 million": 1_200_000, "half a million": 500_000, "a dozen": 12, "twenty-one": 21, "nine hundred": 900,
    "forty thousand": 40_000, "a quarter of a million": 250_000, "35,000": 35_000, "two million": 2_000_000,
    "one hundred and five": 105, "seventeen": 17, "3 million": 3_000_000,
}


def geokit_date(phrase: str) -> dt.date | None:
    found = [d for d in find_dates(f"The attack happened {phrase}.", PUB) if d.date is not None]
    return found[0].date if found else None


def dateparser_date(phrase: str) -> dt.date | None:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": dt.datetime(2017, 3, 15, 12), "PREFER_DATES_FROM": "past"}
    found = search_dates(f"The attack happened {phrase}.", languages=["en"], settings=settings)
    return found[0][1].date() if found else None


def text2num_number(phrase: str) -> int | None:
    from text_to_num import alpha2digit, text2num

    try:
        return text2num(phrase.lower().replace(",", ""), "en")
    except ValueError:
        try:
            return int(float(alpha2digit(phrase, "en").replace(",", "")))
        except ValueError:
            return None


def right_date(phrase: str, got: dt.date | None, want: dt.date) -> bool:
    if got is None:
        return False
    if got == want or (want.day == 1 and (got.year, got.month) == (want.year, want.month)):
        return True  # a month-precision answer names the month
    return "week" in phrase and abs((got - want).days) <= 3


def main() -> None:
    for name, fn in (("geokit dates", geokit_date), ("dateparser", dateparser_date)):
        t0, misses = time.perf_counter(), []
        for phrase, want in DATES.items():
            got = fn(phrase)
            if not right_date(phrase, got, want):
                misses.append((phrase, got))
        ms = (time.perf_counter() - t0) * 1000 / len(DATES)
        print(f"{name}: {len(DATES) - len(misses)}/{len(DATES)} right, {ms:.2f} ms/phrase, misses {misses}")
    for name, fn in (("geokit numbers", parse_number), ("text2num", text2num_number)):
        t0, misses = time.perf_counter(), []
        for phrase, want in NUMBERS.items():
            got = fn(phrase)
            if got != want:
                misses.append((phrase, got))
        us = (time.perf_counter() - t0) * 1e6 / len(NUMBERS)
        print(
            f"{name}: {len(NUMBERS) - len(misses)}/{len(NUMBERS)} right, {us:.1f} us/phrase, misses {misses}"
        )


if __name__ == "__main__":
    main()
