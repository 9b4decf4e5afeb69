"""Safety of what the checker writes: no cell of a CSV or xlsx file it writes runs as a formula."""

from __future__ import annotations


def neutralise_formula(value: str) -> str:
    """A text cell a spreadsheet program would run as a formula, made inert with a leading '.

    Spreadsheet programs treat a cell starting with =, +, - or @ as a formula (and a leading tab
    or carriage return can hide one), so data echoed into a report could run commands or leak
    data when the report is opened (CSV injection). The quote makes the cell plain text.
    """
    return "'" + value if value.startswith(("=", "+", "-", "@", "\t", "\r")) else value
