"""Fuzzing every loader (hypothesis): malformed rows, wrong types, huge fields, control
characters, truncated files and invalid encodings.

Whatever the input, the audit never fails with a traceback (exit code 3), every input accounts
for its rows (read = audited + rejected), every bad row is reported, and exit code 2 means that
nothing could be audited: an input was unusable (which stops the audit, as documented) or every
row was rejected. The examples are derandomised and bounded, so CI runs the same cases quickly.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cli
from tests.inputs import MEMBER_HEADER, parquet, sqlite, workbook

FUZZ = settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass(frozen=True)
class Row:
    values: tuple[Any, ...]  # 会员编号, 会员名称, 入会日期, 会员状态
    bad: bool  # the contract refuses it (the duplicate check is the oracle's, below)


GOOD_DATES = ["2024-01-02", "2024/1/2", "2024年1月2日", "20240102", "２０２４-０１-０２"]
BAD_DATES = ["2024-13-01", "someday", "03/05/2024", "2023-02-29", "#N/A", "1.2E+07", "1,2"]
STATUSES = ["正常", "暂停", "撤消"]
CONTROLS = ["\x00", "\x07", "\x1b[2J", "\x7f"]
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda t: t.strip().strip("\u200b\ufeff") and t.strip()[:1] not in ("#", "'", "="))


@st.composite
def rows(
    draw: Any, controls: tuple[str, ...] = tuple(CONTROLS), duplicates: bool = True
) -> list[Row]:
    drawn: list[Row] = []
    defects = ["none", "none", "date", "status", "empty", "type"]
    defects += ["control"] * bool(controls) + ["duplicate"] * duplicates
    for number in range(draw(st.integers(1, 12))):
        key = f"M{number:04d}"
        name = draw(st.one_of(TEXT, st.just("甲" * 40_000)))  # huge but valid
        day = draw(st.sampled_from(GOOD_DATES))
        status = draw(st.sampled_from(STATUSES))
        bad = False
        defect = draw(st.sampled_from(defects))
        if defect == "duplicate" and drawn:
            earlier = draw(st.sampled_from(drawn))
            if draw(st.booleans()):  # an exact copy of an earlier row
                drawn.append(earlier)
                continue
            # the key again with other values (a name no other row has); the oracle decides
            key, name, day, status = earlier.values[0], f"另{number}", GOOD_DATES[0], "正常"
        if defect == "date":
            day, bad = draw(st.sampled_from(BAD_DATES)), True
        elif defect == "status":
            status, bad = draw(st.sampled_from(["休眠", "", "normal", "正 常x"])), True
        elif defect == "empty":
            name, bad = "", True
        elif defect == "control":
            name, bad = f"{name}{draw(st.sampled_from(controls))}", True
        elif defect == "type":
            day, bad = draw(st.sampled_from([2024, -5, 3.5, True])), True
        drawn.append(Row((key, name, day, status), bad))
    return drawn


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def write_csv(folder: Path, data: list[Row]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(MEMBER_HEADER)
    writer.writerows([_text(v) for v in row.values] for row in data)
    (folder / "members.csv").write_text(out.getvalue(), encoding="utf-8")


def write_jsonl(folder: Path, data: list[Row]) -> None:
    lines = [
        json.dumps(dict(zip(MEMBER_HEADER, row.values, strict=True)), ensure_ascii=False)
        for row in data
    ]
    (folder / "members.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_json(folder: Path, data: list[Row]) -> None:
    items = [dict(zip(MEMBER_HEADER, row.values, strict=True)) for row in data]
    (folder / "members.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")


def write_xlsx(folder: Path, data: list[Row]) -> None:
    workbook(
        folder / "members.xlsx", {"会员名册": [MEMBER_HEADER, *[list(r.values) for r in data]]}
    )


def write_parquet(folder: Path, data: list[Row]) -> None:
    columns = {h: [_text(r.values[i]) for r in data] for i, h in enumerate(MEMBER_HEADER)}
    parquet(folder / "members.parquet", columns)


def write_sqlite(folder: Path, data: list[Row]) -> None:
    sqlite(folder / "export.sqlite", {"members": (MEMBER_HEADER, [list(r.values) for r in data])})


WRITERS = {  # the writer, and the rows it can hold
    "csv": (write_csv, rows()),
    "jsonl": (write_jsonl, rows()),
    "json": (write_json, rows()),
    "xlsx": (write_xlsx, rows(controls=())),  # a workbook cannot hold control characters
    "parquet": (write_parquet, rows()),
    # a table is read ordered by its key: repeated keys would be read in no given order
    "sqlite": (write_sqlite, rows(duplicates=False)),
}


def audit(*args: Any) -> tuple[int, dict[str, Any] | None, str]:
    result = CliRunner().invoke(
        cli.main,
        [
            "audit",
            *map(str, args),
            "--as-of",
            "2026-01-05",
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
        catch_exceptions=False,  # a traceback fails the test
    )
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    report = json.loads(result.stdout) if result.stdout.strip() else None
    return result.exit_code, report, result.output


def check_accounting(code: int, report: dict[str, Any] | None) -> None:
    if report is None:
        assert code == 2  # an unusable input stopped the audit, with a message
        return
    for item in report["inputs"]:
        assert item["records"] == item["audited"] + item["rejected"]
    records = report["summary"]["records"]
    assert records["read"] == records["audited"] + records["rejected"]
    assert (code == 2) == (records["audited"] == 0)


def reported_rows(code: int, report: dict[str, Any] | None, *args: Any) -> set[int]:
    """The rows reported rejected: by the audit's report or, when nothing could be audited (no
    report is written then), by validate, which lists every problem."""
    if report is None:
        assert code == 2
        result = CliRunner().invoke(
            cli.main, ["validate", *map(str, args), "--format", "json"], catch_exceptions=False
        )
        report = json.loads(result.stdout)
    return {e["row"] for e in report["errors"]}


def expected_bad(data: list[Row]) -> set[int]:
    """Positions (from 1) of the rows the checker must reject. A key that valid rows repeat: if
    they are all alike, every one but the first is rejected; if not, every one of them."""
    bad = {position for position, row in enumerate(data, start=1) if row.bad}
    by_key: dict[Any, list[int]] = {}
    for position, row in enumerate(data, start=1):
        if not row.bad:
            by_key.setdefault(row.values[0], []).append(position)
    for positions in by_key.values():
        if len(positions) > 1:
            alike = len({data[p - 1].values for p in positions}) == 1
            bad.update(positions[1:] if alike else positions)
    return bad


@pytest.mark.parametrize("form", sorted(WRITERS))
def test_rows_of_every_kind_of_damage_are_each_reported(form):
    write, strategy = WRITERS[form]
    first_row = {"csv": 2, "xlsx": 2}.get(form, 1)  # a header row comes first

    @FUZZ
    @given(strategy)
    def check(data: list[Row]) -> None:
        folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
        try:
            write(folder, data)
            code, report, _ = audit(folder)
            check_accounting(code, report)
            rejected = {row - first_row + 1 for row in reported_rows(code, report, folder)}
            assert rejected == expected_bad(data)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    check()


def _valid_file(form: str, folder: Path) -> Path:
    data = [Row((f"M{n:04d}", f"南宁{n}号公司", "2024-01-02", "正常"), False) for n in range(6)]
    WRITERS[form][0](folder, data)
    (path,) = folder.iterdir()
    return path


@pytest.mark.parametrize("form", sorted(WRITERS))
def test_truncated_and_corrupted_files_never_crash(form):
    @FUZZ
    @given(
        cut=st.floats(0, 1),
        noise=st.binary(max_size=40),
        at=st.floats(0, 1),
        encoding=st.sampled_from(["as-is", "gbk", "utf-16-le", "latin-1"]),
    )
    def check(cut: float, noise: bytes, at: float, encoding: str) -> None:
        folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
        try:
            path = _valid_file(form, folder)
            data = path.read_bytes()
            if encoding != "as-is" and form in ("csv", "jsonl", "json"):
                data = data.decode("utf-8").encode(encoding, errors="replace")
            position = int(len(data) * at)
            data = (data[:position] + noise + data[position:])[: max(1, int(len(data) * cut))]
            path.write_bytes(data)
            code, report, output = audit(folder)
            check_accounting(code, report)
            if report is None:
                assert "错误 error:" in output
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    check()


def test_a_database_with_damaged_rows(request):
    """The PostgreSQL loader under the same property, against the real server."""
    server = request.getfixturevalue("postgres")

    @settings(FUZZ, max_examples=8)
    @given(rows(controls=("\x07", "\x1b[2J", "\x7f"), duplicates=False))  # text holds no NUL
    def check(data: list[Row]) -> None:
        values = ", ".join(
            "(" + ", ".join(_sql(_text(v)) for v in row.values) + ")" for row in data
        )
        url = server.database(
            "fuzz",
            "CREATE TABLE members (会员编号 text, 会员名称 text, 入会日期 text, 会员状态 text);"
            f"INSERT INTO members VALUES {values};",
        )
        code, report, _ = audit("--db", url)
        check_accounting(code, report)
        assert reported_rows(code, report, "--db", url) == expected_bad(data)

    check()


def _sql(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
