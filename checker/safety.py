"""Safety of what the checker writes for other programs to open."""

from __future__ import annotations

# A spreadsheet program runs a text cell that starts with one of these as a formula (CSV
# injection): =HYPERLINK(...), +cmd|..., -2+3, @SUM(...), and a leading tab or carriage return.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: str) -> str:
    """The text of a CSV or xlsx cell, with a leading single quote if it would run as a formula."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value
