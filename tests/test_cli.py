"""The command line as a user and a CI pipeline meet it: output, files and exit codes."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

import cli
from tests.conftest import DEMO, ROOT

MEMBERS = "会员编号,会员名称,入会日期,会员状态\nM1,广西桂通商贸有限公司,2024-01-05,正常\n"
LATE = (
    "事项编号,会员编号,变更事项,发生日期,报告日期,书面报告\n"
    "E1,M1,法定代表人,2025-09-26,2025-10-17,是\n"
)
UNWRITTEN_SOON = (
    "事项编号,会员编号,变更事项,发生日期,报告日期,书面报告\n"
    "E1,M1,法定代表人,2025-09-26,2025-10-16,否\n"
)


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)


def dataset(tmp_path, changes=LATE, members=MEMBERS):
    (tmp_path / "members.csv").write_text(members, encoding="utf-8")
    (tmp_path / "change_events.csv").write_text(changes, encoding="utf-8")
    return tmp_path


def test_audit_prints_the_table_and_fails_on_violations(tmp_path):
    result = run("audit", dataset(tmp_path), "--as-of", "2026-01-05")
    assert result.exit_code == 1
    for expected in (
        "MEM-10-1",
        "第十条(一)",
        "会员管理办",
        "change_events.csv:2",
        "法定代表人",
        "按对象汇总",
        "M1 广西桂通商贸有限公司",
        "读取 2 条记录，审计 2 条，拒绝 0 条；违规 1 项",
    ):
        assert expected in result.output


def test_english(tmp_path):
    result = run("audit", dataset(tmp_path), "--as-of", "2026-01-05", "--lang", "en")
    for expected in ("Penalty", "Membership", "Totals per subject", "reportable change", "error"):
        assert expected in result.output
    assert "2 records read, 2 audited, 0 rejected; 1 violations" in result.output


@pytest.mark.parametrize(
    ("fail_on", "code"), [("never", 0), ("critical", 0), ("error", 1), ("warning", 1), ("info", 1)]
)
def test_fail_on(tmp_path, fail_on, code):
    assert (
        run("audit", dataset(tmp_path), "--as-of", "2026-01-05", "--fail-on", fail_on).exit_code
        == code
    )


def test_no_violation_exits_zero(tmp_path):
    clean = LATE.replace("2025-10-17", "2025-10-16")
    assert run("audit", dataset(tmp_path, clean), "--as-of", "2026-01-05").exit_code == 0


def test_json_report_to_a_file(tmp_path):
    out = tmp_path / "out" / "report.json"
    result = run(
        "audit", dataset(tmp_path), "--as-of", "2026-01-05", "--format", "json", "--output", out
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "2 条记录，违规 1 项（错误 1、警告 0），豁免 0 项，拒绝 0 条" in result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["schema_version"] == 1 and report["as_of"] == "2026-01-05"
    (violation,) = report["violations"]
    assert violation["citation"] == "《会员管理办法》第十条第（一）项"
    assert violation["evidence"]["working_days_elapsed"] == 11
    assert not list(out.parent.glob(".*.tmp"))


def test_usage_errors_exit_two(tmp_path):
    assert run("audit", tmp_path / "nowhere").exit_code == 2
    assert run("audit", dataset(tmp_path), "--as-of", "2026-02-30").exit_code == 2
    (tmp_path / "bad.toml").write_text("[member]\nreport_clock = 1\n", encoding="utf-8")
    result = run("audit", tmp_path, "--config", tmp_path / "bad.toml")
    assert result.exit_code == 2 and "unknown key member.report_clock" in result.output


def test_every_record_rejected_exits_two(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "members.csv").write_text(
        "会员编号,会员名称,入会日期,会员状态\nM1,甲,someday,正常\n", encoding="utf-8"
    )
    result = run("audit", folder, "--as-of", "2026-01-05")
    assert result.exit_code == 2
    assert "不是有效日期" in result.output


def test_a_config_beside_the_dataset_is_read(tmp_path):
    folder = dataset(tmp_path, UNWRITTEN_SOON)
    (folder / "compliance.toml").write_text(
        '[audit]\nas_of = 2026-01-05\nfail_on = "never"\n', encoding="utf-8"
    )
    result = run("audit", folder)
    assert result.exit_code == 0 and "审计日期 2026-01-05" in result.output
    shown = run("config", "show", folder).output
    assert "audit.fail_on" in shown and str(folder / "compliance.toml") in shown


def test_an_internal_error_exits_three(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("surprise")

    monkeypatch.setattr(cli, "run_audit", broken)
    result = run("audit", dataset(tmp_path))
    assert result.exit_code == 3 and "internal error" in result.output


def test_an_internal_error_with_compliance_debug_prints_the_traceback_and_exits_three(
    tmp_path, monkeypatch
):
    def broken(*args, **kwargs):
        raise KeyError("surprise")

    monkeypatch.setattr(cli, "run_audit", broken)
    monkeypatch.setenv("COMPLIANCE_DEBUG", "1")
    result = CliRunner().invoke(cli.main, ["audit", str(dataset(tmp_path))])
    assert result.exit_code == 3
    assert "Traceback" in result.stderr and "KeyError: 'surprise'" in result.stderr


def test_out_of_memory_is_no_internal_error(tmp_path, monkeypatch):
    def too_big(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(cli, "run_audit", too_big)
    result = run("audit", dataset(tmp_path))
    assert result.exit_code == 2 and "internal error" not in result.output
    assert "内存不足" in result.stderr and "split it into parts" in result.stderr


def test_rules_list_show_and_coverage():
    listed = run("rules", "list", "--regulation", "nnce-membership")
    assert listed.exit_code == 0 and "MEM-20-3" in listed.output and "55 rules" in listed.output
    assert run("rules", "list", "--regulation", "nope").exit_code == 2
    shown = run("rules", "show", "MEM-10-1").output
    for expected in (
        "第十条 会员有下列情况之一的,应当在10个工作日内向交易所提供以下书面报告:",
        "变更事项 ∈ {法定代表人}",
        "member.report_clock_start",
        "MEM-10-1.toml",
        "第十八条第（十）项",
    ):
        assert expected in shown
    assert "MEM-19-2" in run("rules", "show", "MEM-13-6").output
    assert (
        "outside-finding" in run("rules", "show", "MEM-15-7").output
        or "not-checkable" in run("rules", "show", "MEM-15-7").output
    )
    assert run("rules", "show", "MEM-99-9").exit_code == 2
    as_data = json.loads(run("rules", "show", "MEM-05-1", "--format", "json").output)
    assert as_data["checks"][0]["condition"]["op"] == "<"


@pytest.mark.skipif(
    not (ROOT.parent / "shared" / "catalogue.md").is_file(), reason="../shared is not present"
)
def test_coverage_accounts_for_every_member_provision():
    result = run("rules", "coverage")
    assert result.exit_code == 0
    assert "MEM: 56 encoded, 12 not-checkable, 0 deferred of 68" in result.output


def test_rules_test_runs_the_fixtures():
    result = run("rules", "test", "MEM-10-1")
    assert result.exit_code == 0 and "1 passed, 0 failed" in result.output
    assert run("rules", "test", "MEM-00-0").exit_code == 2


def test_schema_of_a_kind():
    schema = json.loads(run("schema", "ChangeEvent").output)
    assert schema["properties"]["reported_date"]["title"] == "报告日期"
    assert run("schema", "Nope").exit_code == 2
    assert "change_events.csv" in run("schema").output


def test_the_script_runs_without_the_console_entry_point():
    result = subprocess.run(
        [sys.executable, "cli.py", "audit", str(DEMO), "--fail-on", "never"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "MEM-" in result.stdout


def test_regulations_say_which_the_default_profile_applies_and_why_not():
    result = run("rules", "regulations")
    assert result.exit_code == 0
    line = next(x for x in result.output.splitlines() if x.startswith("basic-hr"))
    assert "否" in line and "V" in result.output  # off, citing the catalogue's conflict
    assert next(x for x in result.output.splitlines() if x.startswith("shop-conduct"))
