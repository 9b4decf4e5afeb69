"""No output leaks a secret title, whatever the input (README: secrecy; issue 14).

Secret registers are generated with hostile titles — control characters, undecodable bytes,
titles longer than a message quotes, quotes, commas, new lines and formula triggers, titles in
rows above the header, in rows rejected for another reason, under grades written as clerks write
them (绝密★长期, 機密, 绝 密, 机密级) — and every output the checker has is run: every report
format, --rejected in each form, validate, statement, the baseline, the history and its diff, the
English texts, error paths and COMPLIANCE_DEBUG=1. Every byte written (standard output and error,
each file, each XML part of a workbook, a SQLite file's pages) is read, and no 6-character piece
of a withheld title may appear in it: raw, JSON-escaped, XML/HTML-escaped or CSV-quoted.

The titles are made of characters of CJK Extension A, which nothing else in the outputs holds,
so a piece found is a leak and nothing else.
"""

from __future__ import annotations

import csv
import html
import io
import json
import shutil
import traceback
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cli
from checker.config import load
from checker.facts.secrecy import SecrecyRules
from checker.records.archive import ArchiveFile
from checker.records.grades import marked_grade
from tests.conftest import ROOT

DEMO_ARCHIVE_GRADED = ROOT / "fixtures" / "demo-archive" / "graded"
RARE = st.characters(min_codepoint=0x3400, max_codepoint=0x4DB5)  # CJK Extension A
# Between runs of rare characters: what a hostile title holds. None of them is 6 long, so every
# 6-character piece of a title holds a rare character and cannot occur by chance.
HOSTILE = ['"', ",", "\n", "'", "《", "》", "“", "”", "=", "+", "@", "-", "\t", "<", "&", " ", "；"]
FORMULA_STARTS = ["", "=", "+", "-", "@", "=HYPERLINK(", "'"]
# Grades as clerks write them: each of these withholds the title.
WITHHELD_SPELLINGS = [
    "绝密",
    "机密",
    "绝密级",
    "机密级",
    "绝密★长期",
    "绝密★10年",
    "机密★5年",
    "機密★5年",
    "絕密",
    "機密",
    "机密級",
    "绝 密",
    "绝\u3000密",
    "机\u200b密",
    " 机密 ",
    "绝密☆长期",
    "绝密*20年",
    "绝密（★长期）",
    "ＴＯＰ绝密",
]
DEFECTS = ["none", "control", "bytes", "bad_date", "duplicate", "above", "summary"]
ITEM_HEADER = [
    "事项编号",
    "标题",
    "类别",
    "密级",
    "保管公司",
    "起草单位",
    "标密单位",
    "标密日期",
    "保密期限至",
    "主管人员",
    "保密措施",
    "原件编号",
    "内容摘要",
]

LEAK_SETTINGS = settings(
    max_examples=6,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass(frozen=True)
class Item:
    title: str
    grade: str
    defect: str
    long: bool = False


@st.composite
def titles(draw: Any, long: bool) -> str:
    runs = draw(st.lists(st.text(RARE, min_size=6, max_size=12), min_size=1, max_size=4))
    if long:  # past the 80 characters a message quotes
        runs.append(draw(st.text(RARE, min_size=90, max_size=120)))
    separators = draw(st.lists(st.sampled_from(HOSTILE), min_size=len(runs), max_size=len(runs)))
    start = draw(st.sampled_from(FORMULA_STARTS))
    return start + "".join(r + s for r, s in zip(runs, separators, strict=True)).rstrip()


@st.composite
def items(draw: Any) -> Item:
    grade = draw(st.sampled_from(WITHHELD_SPELLINGS))
    long = draw(st.booleans())
    return Item(draw(titles(long)), grade, draw(st.sampled_from(DEFECTS)), long)


# --------------------------------------------------------------------------- the dataset


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def write_dataset(folder: Path, secrets: list[Item], plain: list[tuple[str, str]]) -> None:
    """A secrecy register holding `secrets` (titles to withhold) and `plain` (秘密 titles)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "compliance.toml").write_text(
        '[audit]\nas_of = 2026-06-30\nregulations = ["secrecy"]\n', encoding="utf-8"
    )
    (folder / "secrecy_companies.csv").write_text(
        "公司编号,公司名称,层级,保密资料保管专人\nHQ,集团总部,总公司,P07\n", encoding="utf-8"
    )
    (folder / "secrecy_staff.csv").write_text(
        "人员编号,姓名,所在公司,部门,职务\n"
        "P01,陈总,HQ,总经办,总经理\nP05,郑经理,HQ,财务部,部门经理\nP06,王会计,HQ,财务部,员工\n",
        encoding="utf-8",
    )
    above: list[list[str]] = []
    rows: list[list[str]] = []
    access = [["登记编号", "事项编号", "人员编号", "知悉日期", "指定人"]]
    for n, item in enumerate(secrets, start=1):
        number = "S1" if item.defect == "duplicate" else f"S{n}"
        title = item.title
        if item.defect == "control":
            title = title[:3] + "\x01\x1b[2J" + title[3:]
        elif item.defect == "bytes":
            title = title[:3] + "\udcff\udcfe" + title[3:]
        if item.defect == "above":
            above.append([item.grade, title, "保密事项登记表"])
            continue
        summary = title if item.defect == "summary" else ""
        shown = "备忘录" if item.defect == "summary" else title
        marked_on = "2026-13-45" if item.defect == "bad_date" else "2026-01-10"
        rows.append(
            [number, shown, "文档", item.grade, "HQ", "财务部", "财务部", marked_on,
             "2030-12-31", "P05", "", title if n % 3 == 0 else "", summary]
        )  # fmt: skip
        access.append([f"A{n}", number, "P06", "2026-03-02", "P05"])
        access.append([f"B{n}", shown, "P06", "2026-03-02", "P01"])  # the title for the number
    for n, (title, grade) in enumerate(plain, start=100):
        rows.append(
            [f"S{n}", title, "合同", grade, "HQ", "财务部", "财务部", "2026-01-10", "2026-12-31",
             "P05", "保险柜", "", ""]
        )  # fmt: skip
    if not rows:  # a register of title rows alone: no header in the first rows
        rows.append(["S999", "年度报告", "合同", "秘密", "HQ", "财务部", "财务部", "2026-01-10",
                     "2026-12-31", "P05", "保险柜", "", ""])  # fmt: skip
    text = _csv([*above, ITEM_HEADER, *rows])
    (folder / "secret_items.csv").write_bytes(text.encode("utf-8", "surrogateescape"))
    (folder / "secret_access.csv").write_bytes(_csv(access).encode("utf-8", "surrogateescape"))
    (folder / "secret_copies.csv").write_text(
        "登记编号,事项编号,人员编号,方式,日期,审批人,审批日期,确需理由\n"
        "K1,S1,P06,复制,2026-03-05,P05,2026-03-04,汇报\n",
        encoding="utf-8",
    )


# --------------------------------------------------------------------------- every output


def run(*args: str, env: dict[str, str] | None = None) -> list[tuple[str, bytes]]:
    result = CliRunner().invoke(cli.main, list(args), env=env, catch_exceptions=True)
    name = " ".join(a for a in args if "/" not in a)  # the command without its paths
    written = [(f"{name} stdout", result.stdout_bytes), (f"{name} stderr", result.stderr_bytes)]
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        text = "".join(traceback.format_exception(result.exception))
        written.append((f"{name} exception", text.encode("utf-8", "surrogateescape")))
    assert result.exit_code in (0, 1, 2), (args, result.output, written[-1])
    return written


def every_output(data: Path, out: Path) -> list[tuple[str, bytes]]:
    """Every byte every command writes for the dataset."""
    d = str(data)
    history = str(out / "history.sqlite")
    files = {f: str(out / f"report.{f}") for f in ("json", "junit", "sarif", "xlsx", "html", "csv")}
    written = run(
        "audit", d, "-f", "table",
        *[a for f, path in files.items() for a in ("-f", f"{f}:{path}")],
        "--rejected", str(out / "rejected.xlsx"),
        "--write-baseline", str(out / "baseline.json"),
        "--record-to", history,
    )  # fmt: skip
    written += run("audit", d, "--lang", "en", "-f", "json", "--rejected", str(out / "rejected"),
                   "--record-to", history)  # fmt: skip
    written += run("audit", d, "--lang", "en", "--rejected", str(out / "rejected.csv"))
    written += run("audit", d, "-f", "csv", "--baseline", str(out / "baseline.json"))
    written += run("validate", d)
    written += run("validate", d, "--lang", "en", "-f", "json")
    written += run("validate", d, "-f", "json", "-o", str(out / "validation.json"),
                   "--rejected", str(out / "validate-rejected.xlsx"))  # fmt: skip
    written += run("validate", d, "-o", str(out / "validation.txt"), "--rejected",
                   str(out / "validate-rejected"))  # fmt: skip
    written += run("statement", d, "--month", "2026-03")
    written += run("statement", d, "--month", "2026-03", "-f", "json", "--lang", "en")
    written += run("history", "--history", history)
    written += run("history", "--history", history, "--format", "json", "--lang", "en")
    written += run("diff", "previous", "latest", "--history", history)
    written += run("diff", "previous", "latest", "--history", history, "--format", "json")
    written += run("audit", str(data / "secret_items.csv"), "-f", "json",
                   env={"COMPLIANCE_DEBUG": "1"})  # fmt: skip
    written += run("audit", d, "--as-of", "2026-06-30", "-f", "sarif",
                   env={"COMPLIANCE_DEBUG": "1"})  # fmt: skip
    for path in sorted(out.rglob("*")):
        if path.is_file():
            written += _file(path)
    return written


def _file(path: Path) -> list[tuple[str, bytes]]:
    if path.suffix != ".xlsx":
        return [(path.name, path.read_bytes())]
    with zipfile.ZipFile(path) as book:
        return [(f"{path.name}/{n}", book.read(n)) for n in book.namelist()]


def forms(piece: str) -> set[bytes]:
    """The bytes a piece of text takes in the outputs: raw, JSON, XML or HTML, CSV."""
    texts = {
        piece,
        json.dumps(piece)[1:-1],
        json.dumps(piece, ensure_ascii=False)[1:-1],
        html.escape(piece),
        html.escape(piece, quote=False),
        piece.replace('"', '""'),
    }
    return {t.encode("utf-8", "surrogateescape") for t in texts}


def pieces(title: str) -> set[str]:
    """Every 6-character piece holding a character of the title's own (Extension A)."""
    return {
        title[i : i + 6]
        for i in range(max(1, len(title) - 5))
        if any("\u3400" <= c <= "\u4db5" for c in title[i : i + 6])
    }


def assert_no_leak(secret_titles: list[str], written: list[tuple[str, bytes]]) -> None:
    wanted = {f: p for t in secret_titles for p in pieces(t) for f in forms(p)}
    for name, content in written:
        for form, piece in wanted.items():
            assert form not in content, f"{name} holds {piece!r}"


def check(tmp_path: Path, secrets: list[Item], plain: list[tuple[str, str]]) -> None:
    data, out = tmp_path / "data", tmp_path / "out"
    out.mkdir(parents=True)
    write_dataset(data, secrets, plain)
    assert_no_leak([i.title for i in secrets], every_output(data, out))


# --------------------------------------------------------------------------- the tests


@pytest.mark.parametrize(
    "secrets",
    [
        pytest.param([Item("㐀㐁㐂㐃㐄㐅,\n㐆㐇㐈㐉㐊㐋", "绝密★长期", "control")], id="control"),
        pytest.param([Item("㑀㑁㑂㑃㑄㑅㑆㑇" * 12, "絕密", "bytes", True)], id="long-bytes"),
        pytest.param([Item('=㒀㒁㒂㒃㒄㒅"㒆㒇㒈㒉', "绝 密", "bad_date")], id="formula-bad-date"),
        pytest.param([Item("㓀㓁㓂㓃㓄㓅㓆", "机密级", "above")], id="above-header"),
        pytest.param(
            [Item("㔀㔁㔂㔃㔄㔅", "机密", "none"), Item("㔆㔇㔈㔉㔊㔋", "绝\u3000密", "duplicate")],
            id="duplicate",
        ),
        pytest.param(
            [Item(f"㕀㕁㕂㕃㕄㕅{n}", "机密★5年", "above") for n in range(12)], id="no-header"
        ),
        pytest.param([Item("㖀㖁㖂㖃㖄㖅" * 20, "機密★5年", "summary", True)], id="long-summary"),
    ],
)
def test_hand_made_hostile_registers_leak_nothing(tmp_path, secrets):
    check(tmp_path, secrets, [("物流服务框架合同", "秘密★5年")])


def test_generated_hostile_registers_leak_nothing(tmp_path_factory):
    @LEAK_SETTINGS
    @given(st.lists(items(), min_size=1, max_size=4))
    def leak_nothing(secrets: list[Item]) -> None:
        check(tmp_path_factory.mktemp("leak"), secrets, [("物流服务框架合同", "秘密")])

    leak_nothing()


@pytest.mark.parametrize(
    ("label", "grade"),
    [
        *[(s, "绝密") for s in WITHHELD_SPELLINGS if "绝" in s or "絕" in s],
        *[(s, "机密") for s in WITHHELD_SPELLINGS if "机" in s or "機" in s],
        ("秘密★5年", "秘密"),
        ("秘密级", "秘密"),
        ("秘 密", "秘密"),
    ],
)
def test_every_spelling_of_a_grade_is_that_grade(catalog, label, grade):
    """A marking as clerks write it is its grade; a label that only names 绝密 or 机密 (ＴＯＰ绝密)
    is no grade (an invalid marking, a finding) but withholds the title all the same."""
    rules = SecrecyRules.from_config(load(catalog.parameters.values()))
    assert rules.withheld_grade_of(label, None) == grade
    assert marked_grade(label) == (None if label.startswith("ＴＯＰ") else grade)


@pytest.mark.parametrize("label", ["内部", "非密", "公开", "", "秘", "密"])
def test_a_label_of_no_grade_withholds_nothing(catalog, label):
    rules = SecrecyRules.from_config(load(catalog.parameters.values()))
    assert marked_grade(label) is None and rules.withheld_grade_of(label, None) is None


@pytest.mark.parametrize("grade", ["绝密★长期", "機密", "机密级", "绝 密", "ＴＯＰ绝密"])
def test_a_graded_archive_register_leaks_nothing(tmp_path, grade):
    """The archive's own register (制度2 with 篇十四): a file graded in a clerk's spelling, one
    rejected for a bad date, one rejected for a grade that is none (ＴＯＰ绝密)."""
    data, out = tmp_path / "data", tmp_path / "out"
    shutil.copytree(DEMO_ARCHIVE_GRADED, data)
    titles = ["㗀㗁㗂㗃㗄㗅,\n㗆㗇", "=㘀㘁㘂㘃㘄㘅㘆"]
    rows = [
        ["鸿综字第901号", titles[0], "", "董事会", grade, "", "2025-10-09"],
        ["鸿综字第902号", titles[1], "", "董事会", grade, "", "2025-13-45"],
    ]
    with (data / "archives.csv").open("a", encoding="utf-8", newline="") as register:
        csv.writer(register, lineterminator="\n").writerows(rows)
    out.mkdir()
    assert_no_leak(titles, every_output(data, out))


@pytest.mark.parametrize(
    ("label", "grade"),
    [("绝密★长期", "绝密"), ("機密", "机密"), ("秘密级", "秘密"), ("绝 密", "绝密")],
)
def test_an_archive_files_grade_reads_as_the_secrecy_register_reads_it(label, grade):
    record = ArchiveFile.model_validate({"档案号": "A1", "档案名称": "合同", "密级": label})
    assert record.secrecy_grade == grade
