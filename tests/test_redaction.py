"""The report must not become a leak: titles and contents of 绝密 and 机密 items appear in no
output (table, JSON, statement, errors, warnings, a written report file) unless --reveal-titles."""

import json
import zipfile

import pytest
from click.testing import CliRunner

from cli import main
from tests.conftest import ROOT

DEMO_SECRECY = ROOT / "fixtures" / "demo-secrecy"

TITLE = "红杉计划收购底价测算"
SUMMARY = "报价上限九亿七千万元"
CONFIDENTIAL = "华南渠道返利政策"
ORDINARY = "物流服务框架合同"  # 秘密: its title stays


def write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture
def dataset(tmp_path):
    write(tmp_path, "compliance.toml", '[audit]\nas_of = 2026-06-30\nregulations = ["secrecy"]\n')
    write(
        tmp_path,
        "secrecy_companies.csv",
        "公司编号,公司名称,层级,保密资料保管专人\nHQ,集团总部,总公司,P07\n",
    )
    write(
        tmp_path,
        "secrecy_staff.csv",
        "人员编号,姓名,所在公司,部门,职务\n"
        "P01,陈总,HQ,总经办,总经理\nP05,郑经理,HQ,财务部,部门经理\nP06,王会计,HQ,财务部,员工\n",
    )
    write(
        tmp_path,
        "secret_items.csv",
        "事项编号,标题,类别,密级,保管公司,起草单位,标密单位,保密期限至,主管人员,保密措施,原件编号,内容摘要\n"
        f"S1,{TITLE},重要决策文件,绝密,HQ,财务部,财务部,2030-12-31,P05,保险柜,,{SUMMARY}\n"
        f"S2,{CONFIDENTIAL},经营情况,机密,HQ,财务部,财务部,2026-12-31,P05,,,\n"
        f"S3,{ORDINARY},合同,秘密,HQ,财务部,行政部,2026-12-31,P05,保险柜,,\n"
        # a copy registered against the title instead of the original's number
        f"S4,复印件,合同,秘密,HQ,财务部,财务部,2026-12-31,P05,保险柜,{TITLE},\n",
    )
    write(
        tmp_path,
        "secret_access.csv",
        "登记编号,事项编号,人员编号,知悉日期,指定人\n"
        "A1,S1,P06,2026-03-02,P05\n"
        # the title typed where the item's number belongs: rejected, naming what was typed
        f"A2,{TITLE},P06,2026-03-02,P01\n",
    )
    write(
        tmp_path,
        "secret_copies.csv",
        "登记编号,事项编号,人员编号,方式,日期,审批人,审批日期,确需理由\n"
        "K1,S1,P06,复制,2026-03-05,P05,2026-03-04,汇报\n",
    )
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, [*args], catch_exceptions=False)


def outputs(dataset, tmp_path, *extra: str) -> dict[str, str]:
    report_file = tmp_path / "out" / "report.json"
    written = run("audit", str(dataset), "-f", "json", "-o", str(report_file), *extra)
    assert written.exit_code == 1
    texts = {
        "table": run("audit", str(dataset), *extra).output,  # standard output and error
        "table en": run("audit", str(dataset), "--lang", "en", *extra).output,
        "json": run("audit", str(dataset), "-f", "json", *extra).stdout,
        "json en": run("audit", str(dataset), "-f", "json", "--lang", "en", *extra).stdout,
        "file": report_file.read_text(encoding="utf-8"),
        "statement": run("statement", str(dataset), "--month", "2026-03", *extra).output,
        "statement json": run(
            "statement", str(dataset), "--month", "2026-03", "-f", "json", *extra
        ).stdout,
    }
    for name in FORMATS:  # every other format renders the same report
        path = tmp_path / "out" / f"report.{name}"
        assert run("audit", str(dataset), "-f", f"{name}:{path}", *extra).exit_code == 1
        texts[name] = _text(path)
    return texts


FORMATS = ("junit", "sarif", "csv", "html", "xlsx")


def _text(path) -> str:
    if path.suffix != ".xlsx":
        return path.read_text(encoding="utf-8-sig")
    with zipfile.ZipFile(path) as book:  # the workbook's text is in its XML parts
        return "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml"))


def test_no_output_shows_a_secret_title_by_default(dataset, tmp_path):
    texts = outputs(dataset, tmp_path)
    for name, text in texts.items():
        assert TITLE not in text and SUMMARY not in text and CONFIDENTIAL not in text, name
        assert ORDINARY in text or name.startswith("statement"), name
    report = json.loads(texts["json"])
    # The items stay identified by id and grade, and the report says what it withheld.
    assert report["redaction"] == {
        "withheld": True,
        "grades": ["绝密", "机密"],
        "items": ["S1", "S2"],
    }
    messages = {v["record"]["key"]: v["message"] for v in report["violations"]}
    assert messages["A1"].startswith("绝密事项S1只限总公司副/总经理")
    assert messages["S2"] == "机密事项S2未载明保密措施"
    error = next(e for e in report["errors"] if e["source"].endswith("secret_access.csv:3"))
    assert error["field"] == "item_id" and "〔已隐去〕 不在涉密事项登记中" in error["message"]
    warning = next(w for w in report["warnings"] if "原件编号" in w["message"])
    assert "〔已隐去〕" in warning["message"]
    assert all(
        v["evidence"].get("item_title") in (None, "〔已隐去〕") for v in report["violations"]
    )
    assert "[withheld]" in texts["json en"]
    for name in ("table", "statement"):
        assert "已隐去 2 项绝密、机密事项的标题和内容" in texts[name]
    assert "Titles and contents of 2 绝密 and 机密 items are withheld" in texts["table en"]
    assert json.loads(texts["statement json"])["redaction"]["withheld"]


def test_reveal_titles_lifts_it_everywhere(dataset, tmp_path):
    texts = outputs(dataset, tmp_path, "--reveal-titles")
    assert TITLE in texts["table"] and TITLE in texts["json"] and TITLE in texts["file"]
    assert TITLE in texts["statement"] and TITLE in texts["statement json"]
    assert all(TITLE in texts[name] for name in FORMATS)
    assert CONFIDENTIAL in texts["json"]
    report = json.loads(texts["json"])
    assert report["redaction"] == {"withheld": False, "grades": [], "items": []}
    assert "已隐去" not in texts["table"]


def test_what_is_kept_for_later_never_holds_a_secret_title(dataset, tmp_path_factory):
    kept_in = tmp_path_factory.mktemp("kept")  # not the dataset folder: the loader reads it
    database, baseline = kept_in / "history.db", kept_in / "baseline.json"
    result = run(
        "audit",
        str(dataset),
        "--reveal-titles",
        "--record-to",
        str(database),
        "--write-baseline",
        str(baseline),
    )
    assert TITLE in result.stdout  # the reader asked to see them
    for kept in (database, baseline):
        content = kept.read_bytes()
        assert TITLE.encode() not in content and SUMMARY.encode() not in content, kept.name
    findings = run("diff", "latest", "latest", "--history", str(database)).output
    assert "绝密事项S1只限" in findings and TITLE not in findings


def test_a_quoted_title_goes_with_its_quotes_and_the_longest_title_wins():
    from checker.report import _Scrubber

    scrub = _Scrubber({"红杉计划", "红杉计划二期", "A"}, "〔已隐去〕")
    assert scrub("事项S1《红杉计划二期》未载明") == "事项S1未载明"
    assert scrub("item S1 《红杉计划》 has") == "item S1 has"
    assert scrub("标题“红杉计划”，'红杉计划'") == "标题，"
    assert scrub("事项编号：红杉计划二期 不在登记中") == "事项编号：〔已隐去〕 不在登记中"
    assert scrub("《红杉计划") == "《〔已隐去〕" and scrub("A组") == "〔已隐去〕组"
    assert scrub("与此无关的说明") == "与此无关的说明"
    for untitled in (set(), {""}):  # an item withheld with no title
        assert _Scrubber(untitled, "〔已隐去〕")("A组") == "A组"


def test_every_string_of_a_model_is_withheld_and_what_holds_none_is_kept():
    from checker.facts import Withheld
    from checker.report import EscalationOut, MeasureItem, RecordOut, Withholding

    withhold = Withholding([Withheld("S1", "绝密", (TITLE,))], "zh")
    measure = MeasureItem(code="other", label=f"通报《{TITLE}》")
    clean = MeasureItem(code="warning", label="警告")
    shared = EscalationOut(condition=TITLE, measures=[clean, measure])
    data = {"items": [shared, shared], "record": RecordOut(kind="K", key="k", source="f:2")}
    withheld = withhold(data)
    assert TITLE not in str(withheld) and withheld["items"][0] is withheld["items"][1]
    assert withheld["items"][0].measures[0] is clean and withheld["record"] is data["record"]
    assert withheld["items"][0].measures[1].label == "通报"
    assert shared.condition == TITLE  # the original is left as it was
    untouched = {"a": ["x", ("y",)], "b": 1}
    assert withhold(untouched) is untouched


def test_a_fingerprint_never_hashes_a_secret_title(tmp_path):
    """SEC-05 reads S002's title into its message; the fingerprint stays the same when only that
    机密 title changes, so it cannot be used to test guesses of the title."""
    import shutil

    def fingerprints(folder) -> dict[str, str]:
        result = run("audit", str(folder), "-f", "json", "--reveal-titles")
        return {
            (v["rule_id"], v["record"]["key"]): (v["fingerprint"], v["evidence"].get("title"))
            for v in json.loads(result.stdout)["violations"]
        }

    folder = tmp_path / "secrecy"
    shutil.copytree(
        DEMO_SECRECY,
        folder,
        ignore=shutil.ignore_patterns("*-*", "client*", "customer*", "service*", "tenants"),
    )
    before = fingerprints(folder)
    items = folder / "secret_items.csv"
    items.write_text(
        items.read_text(encoding="utf-8").replace(
            "华南区域并购谈判底价", "华南区域并购谈判底价（修订）"
        ),
        encoding="utf-8",
    )
    after = fingerprints(folder)
    assert before[("SEC-05", "S002")][1] == "华南区域并购谈判底价"
    assert after[("SEC-05", "S002")][1] == "华南区域并购谈判底价（修订）"
    assert after[("SEC-05", "S002")][0] == before[("SEC-05", "S002")][0]
