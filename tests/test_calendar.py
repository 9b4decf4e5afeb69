from datetime import date

import pytest

from checker.calendar import OFFICIAL_YEARS, CalendarError, WorkingCalendar, add_months

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
