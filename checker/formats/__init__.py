"""The output formats: each renders the report model and nothing else.

Every format is a function of the report (checker.report.Report) and the language, so what the
report holds, or withholds, is what every format shows.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.formats import csv, html, junit, sarif, xlsx
from checker.i18n import Lang
from checker.report import Report
from checker.table import render as render_table


def _json(report: Report, lang: Lang) -> bytes:
    # As json.dumps(indent=2, ensure_ascii=False) writes it, faster, and straight to UTF-8: a
    # report of a million records is 110 MB, and its text would be two more copies in memory.
    return report.__pydantic_serializer__.to_json(report, indent=2) + b"\n"


def _table(report: Report, lang: Lang) -> str:
    return render_table(report, lang) + "\n"


FORMATS: dict[str, Callable[[Report, Lang], str | bytes]] = {
    "table": _table,
    "json": _json,
    "junit": junit.render,
    "sarif": sarif.render,
    "xlsx": xlsx.render,
    "html": html.render,
    "csv": csv.render,
}
BINARY_FORMATS = frozenset({"xlsx"})  # written to a file only


def render(name: str, report: Report, lang: Lang) -> str | bytes:
    return FORMATS[name](report, lang)
