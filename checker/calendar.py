"""Working days on the PRC official calendar, and calendar-month arithmetic.

The official schedule (法定节假日 and the make-up workdays of 调休) comes from the
`chinesecalendar` package, which carries the State Council's notices year by year. A year it does
not carry is never guessed: the audit stops with a message saying how to supply the year in the
configuration, or the configuration opts into weekends-only for unknown years explicitly.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal, TypeVar

import chinese_calendar

Fallback = Literal["error", "weekends"]


class CalendarError(ValueError):
    """A date the working-day calendar cannot place."""


class DateRangeError(CalendarError):
    """A deadline or period that would end before 0001-01-01 or after 9999-12-31."""

    def __init__(self, day: date, moved: str) -> None:
        super().__init__(
            f"{day} {moved}：超出可表示的日期范围 / beyond the dates that can be represented "
            "(0001-01-01 to 9999-12-31)"
        )


D = TypeVar("D", date, datetime)


def shift(day: D, days: int) -> D:
    """`day` moved by `days` days; a DateRangeError past the representable dates, never an
    OverflowError (a record may be dated 9999-12-31, or give a loan of 10^12 days)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        raise DateRangeError(day, f"{days:+d} 天 days") from None


def _official_years() -> frozenset[int]:
    known = {d.year for d in chinese_calendar.holidays} | {
        d.year for d in chinese_calendar.workdays
    }
    return frozenset(range(min(known), max(known) + 1))


OFFICIAL_YEARS = _official_years()


@dataclass(frozen=True)
class WorkingCalendar:
    """Which days are working days.

    `extra_holidays` and `extra_workdays` override the official schedule (a company's own closing
    day, or a year the package does not carry yet); `additional_years` declares years that the
    extra lists describe completely. `fallback` says what to do with any other year.
    """

    extra_holidays: frozenset[date] = frozenset()
    extra_workdays: frozenset[date] = frozenset()
    additional_years: frozenset[int] = frozenset()
    fallback: Fallback = "error"
    _working: dict[int, tuple[date, ...]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        both = self.extra_holidays & self.extra_workdays
        if both:
            raise CalendarError(
                f"{min(both)} is both a holiday and a workday in the calendar configuration"
            )

    @property
    def known_years(self) -> frozenset[int]:
        return OFFICIAL_YEARS | self.additional_years

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_holidays:
            return False
        if day in self.extra_workdays:
            return True
        if day.year in OFFICIAL_YEARS:
            return chinese_calendar.is_workday(day)
        if day.year in self.additional_years or self.fallback == "weekends":
            return day.weekday() < 5
        raise CalendarError(
            f"the working-day calendar has no official schedule for {day.year} (known: "
            f"{min(self.known_years)}–{max(self.known_years)}); list that year's holidays and "
            f"make-up workdays under [calendar] extra_holidays / extra_workdays and add {day.year} "
            f'to additional_years, or set outside_known_years = "weekends"'
        )

    def _working_days_of(self, year: int) -> tuple[date, ...]:
        if year not in self._working:
            first = date(year, 1, 1)
            days = (
                first + timedelta(n) for n in range(366 if _stdlib_calendar.isleap(year) else 365)
            )
            self._working[year] = tuple(d for d in days if self.is_working_day(d))
        return self._working[year]

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (the start day is not counted).

        Negative when `end` is before `start`.
        """
        if end < start:
            return -self.working_days_between(end, start)
        total = 0
        for year in range(start.year, end.year + 1):
            days = self._working_days_of(year)
            low = bisect_right(days, start) if year == start.year else 0
            high = bisect_right(days, end) if year == end.year else len(days)
            total += high - low
        return total

    def on_working_day(self, day: date) -> date:
        """The last day of a calendar-day period, moved off a rest day to the next working day.

        民法典 第203条 as the catalogue reads it (§0): a period ending on a 法定休假日 or weekend
        ends on the next working day; a make-up workday (调休) is a working day.
        """
        while not self.is_working_day(day):
            day = shift(day, 1)
        return day

    def add_working_days(self, start: date, count: int) -> date:
        """The `count`-th working day after `start` (count ≥ 1): the last day of a deadline."""
        if count < 1:
            raise ValueError("count must be at least 1")
        year = start.year
        remaining = count
        position = bisect_right(self._working_days_of(year), start)
        while True:
            days = self._working_days_of(year)
            available = len(days) - position
            if remaining <= available:
                return days[position + remaining - 1]
            remaining -= available
            year += 1
            position = 0
            if year > date.max.year:
                raise DateRangeError(start, f"+{count} 个工作日 working days")


def add_months(day: date, months: int) -> date:
    """Same day-of-month `months` later; the month's last day when that day does not exist."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    if not date.min.year <= year <= date.max.year:
        raise DateRangeError(day, f"{months:+d} 个月 months")
    last = _stdlib_calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)
