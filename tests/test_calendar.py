from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.calendar import (
    OFFICIAL_YEARS,
    CalendarError,
    DateRangeError,
    WorkingCalendar,
    add_months,
    shift,
)

CAL = WorkingCalendar()


def test_official_years_cover_the_data():
    assert {2024, 2025, 2026} <= OFFICIAL_YEARS


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2025, 10, 1), False),  # National Day
        (date(2025, 10, 8), False),  # last day of the 2025 National Day break
        (date(2025, 9, 28), True),  # Sunday worked in exchange (调休)
        (date(2025, 10, 11), True),  # Saturday worked in exchange
        (date(2025, 10, 12), False),  # an ordinary Sunday
        (date(2026, 2, 14), True),  # Saturday before the 2026 Spring Festival, worked
        (date(2026, 2, 17), False),  # Spring Festival
        (date(2024, 5, 6), True),  # an ordinary Monday
    ],
)
def test_is_working_day_follows_the_official_schedule(day, working):
    assert CAL.is_working_day(day) is working


def test_ten_working_days_across_national_day_and_make_up_saturday():
    start = date(2025, 9, 26)  # Friday before the break
    assert CAL.add_working_days(start, 10) == date(2025, 10, 16)
    assert CAL.working_days_between(start, date(2025, 10, 16)) == 10
    assert CAL.working_days_between(start, date(2025, 10, 17)) == 11
    # Counting Monday–Friday alone would have put the deadline on 10 October.
    assert CAL.working_days_between(start, date(2025, 10, 10)) == 5


def test_the_start_day_is_not_counted_and_order_matters():
    monday = date(2024, 5, 6)
    assert CAL.working_days_between(monday, monday) == 0
    assert CAL.working_days_between(monday, date(2024, 5, 7)) == 1
    assert CAL.working_days_between(date(2024, 5, 7), monday) == -1


def test_counting_across_a_year_boundary():
    assert CAL.add_working_days(date(2025, 12, 30), 3) == date(2026, 1, 5)
    assert CAL.working_days_between(date(2025, 12, 30), date(2026, 1, 5)) == 3


def test_a_year_the_official_calendar_lacks_is_an_error_not_a_guess():
    with pytest.raises(CalendarError, match="2027"):
        CAL.add_working_days(date(2026, 12, 25), 10)
    with pytest.raises(CalendarError, match="additional_years"):
        CAL.is_working_day(date(2030, 1, 2))


def test_a_configured_year_and_the_explicit_weekend_fallback():
    supplied = WorkingCalendar(
        extra_holidays=frozenset({date(2027, 1, 1)}), additional_years=frozenset({2027})
    )
    assert supplied.is_working_day(date(2027, 1, 1)) is False  # a Friday made a holiday
    assert supplied.is_working_day(date(2027, 1, 4)) is True
    weekends = WorkingCalendar(fallback="weekends")
    assert weekends.is_working_day(date(2030, 1, 2)) is True
    assert weekends.is_working_day(date(2030, 1, 5)) is False  # Saturday


def test_overrides_win_over_the_official_schedule():
    company = WorkingCalendar(
        extra_holidays=frozenset({date(2024, 5, 6)}), extra_workdays=frozenset({date(2024, 5, 12)})
    )
    assert not company.is_working_day(date(2024, 5, 6))
    assert company.is_working_day(date(2024, 5, 12))


def test_a_day_both_holiday_and_workday_is_refused():
    with pytest.raises(CalendarError, match="both"):
        WorkingCalendar(
            extra_holidays=frozenset({date(2024, 5, 6)}),
            extra_workdays=frozenset({date(2024, 5, 6)}),
        )


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 10, 31), 4, date(2026, 2, 28)),  # month-end clamping
        (date(2024, 8, 31), 6, date(2025, 2, 28)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),  # leap year
        (date(2025, 3, 15), 6, date(2025, 9, 15)),
        (date(2025, 11, 30), 2, date(2026, 1, 30)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_a_calendar_period_ending_on_a_rest_day_ends_on_the_next_working_day():
    assert CAL.on_working_day(date(2026, 3, 4)) == date(2026, 3, 4)  # a Wednesday stays
    assert CAL.on_working_day(date(2026, 3, 15)) == date(2026, 3, 16)  # Sunday → Monday
    # Inside the Spring Festival break the next working day is the 24th …
    assert CAL.on_working_day(date(2026, 2, 17)) == date(2026, 2, 24)
    # … and the make-up Saturday before it is a working day of its own.
    assert CAL.on_working_day(date(2026, 2, 14)) == date(2026, 2, 14)


EDGE_DAYS = st.one_of(
    st.dates(max_value=date(1, 2, 1)), st.dates(min_value=date(9999, 11, 1)), st.dates()
)


@settings(max_examples=200, derandomize=True, database=None, deadline=None)
@given(
    EDGE_DAYS,
    st.integers(-(10**12), 10**12) | st.integers(-40, 40),
    st.sampled_from(["shift", "months", "working days", "next working day"]),
)
def test_a_deadline_past_the_representable_dates_is_a_calendar_error(day, count, how):
    """A record dated 9999-12-31, or a loan of 10^12 days: never an OverflowError or a
    ValueError the audit cannot place; a DateRangeError names the date and the move."""
    weekends = WorkingCalendar(fallback="weekends")
    move = {
        "shift": lambda: shift(day, count),
        "months": lambda: add_months(day, count),
        "working days": lambda: weekends.add_working_days(day, max(1, min(count, 10**4))),
        "next working day": lambda: weekends.on_working_day(day),
    }[how]
    try:
        moved = move()
    except DateRangeError as error:
        assert str(day) in str(error) and "超出可表示的日期范围" in str(error)
    else:
        assert date.min <= moved <= date.max


def test_a_span_past_the_known_years_still_asks_for_the_calendar():
    """Outside the official years a deadline stops as before, naming the year, not the range."""
    with pytest.raises(CalendarError, match="no official schedule for 9999") as error:
        CAL.add_working_days(date(9999, 12, 30), 5)
    assert not isinstance(error.value, DateRangeError)
