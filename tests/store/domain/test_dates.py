"""haicap.store.domain.dates: the one rule for reading a date a person typed, and the one format."""

from __future__ import annotations

import datetime as dt

import pytest

from haicap.store.domain.dates import DATE_FORMAT, format_date, parse_date


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2025-11-25", dt.date(2025, 11, 25)),
        ("25/11/2025", dt.date(2025, 11, 25)),
        ("5.3.2026", dt.date(2026, 3, 5)),
        ("4-1-2026", dt.date(2026, 1, 4)),
        ("2026-1-4", dt.date(2026, 1, 4)),
        ("  04/01/2026 ", dt.date(2026, 1, 4)),
    ],
)
def test_parse_date_reads_both_ways_of_writing(given: str, expected: dt.date) -> None:
    assert parse_date(given) == expected


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("31/02/2025", "'31/02/2025' không phải là ngày có thật"),
        ("01/13/2026", "'01/13/2026' không phải là ngày có thật"),  # day first: there is no 13th month
        ("hôm qua", "'hôm qua' không phải là ngày"),
        ("20260104", "'20260104' không phải là ngày"),
        ("", "'' không phải là ngày"),
    ],
)
def test_parse_date_refuses_and_says_why(given: str, reason: str) -> None:
    with pytest.raises(ValueError) as refused:
        parse_date(given)
    assert str(refused.value).startswith(reason)


def test_format_date_writes_day_first_with_two_digits() -> None:
    assert format_date(dt.date(2026, 1, 4)) == "04/01/2026"
    assert dt.date(2026, 1, 4).strftime(DATE_FORMAT) == "04/01/2026"


def test_what_is_formatted_reads_back() -> None:
    day = dt.date(2025, 11, 25)
    assert parse_date(format_date(day)) == day
