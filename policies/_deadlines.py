"""Expressions the archive and client-file regulations share for their derived fields.

Not a regulation (the leading underscore keeps it out of the catalogue): a deadline of a
configurable number of working days, and whether something came after its deadline.
"""

from __future__ import annotations

from checker.conditions import AUDIT_DATE, Operand, P, When, when, working_day_after


def within_working_days(day: Operand, key: str) -> When:
    """The last day of `P(key)` working days after `day`; 0 means `day` itself.

    With 0 the calendar is not asked at all: a day in a year it does not know is no reason to
    reject the record (the count's start is empty then, so nothing is placed).
    """
    none = P(key) == 0
    return when(none, day, working_day_after(when(none, None, day), P(key)))


def overdue(done: Operand, due: Operand) -> When:
    """Done after `due`, or not done and the audit date is past it; empty while nothing is due."""
    day = done.or_else(AUDIT_DATE)
    return when(day > due, True, when(day <= due, False, None))  # neither: no `due`
