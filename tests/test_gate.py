"""The CI gate as a pipeline meets it: formats in one run, fail-on options, waivers, baselines."""

import json
import shutil

import pytest
from click.testing import CliRunner

import cli
from tests.conftest import CHANGES, DEMO, ROOT, small_dataset

AS_OF = ("--as-of", "2026-01-05")


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)


def report_of(result):
    return json.loads(result.stdout)


@pytest.fixture
def data(tmp_path):
    return small_dataset(tmp_path / "exports")


# --------------------------------------------------------------------------- formats


def test_every_format_in_one_run_each_file_whole(data, tmp_path):
    out = tmp_path / "out"
    specs = {
        "json": "report.json",
        "junit": "junit.xml",
        "sarif": "report.sarif",
        "xlsx": "report.xlsx",
        "html": "report.html",
        "csv": "violations.csv",
    }
    args = [a for name, file in specs.items() for a in ("-f", f"{name}:{out / file}")]
    result = run("audit", data, *AS_OF, "-f", "table", *args)
    assert result.exit_code == 1
    assert "MEM-10-1" in result.stdout and "按对象汇总" in result.stdout  # the table on stdout
    assert sorted(p.name for p in out.iterdir()) == sorted(specs.values())  # no temporary left
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [v["record"]["key"] for v in report["violations"]] == ["E1", "E3"]


def test_format_json_with_output_still_works(data, tmp_path):
    target = tmp_path / "r.json"
    result = run("audit", data, *AS_OF, "--format", "json", "--output", target)
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-f", "json", "-f", "csv"), "at most one format goes to standard output"),
        (("-f", "pdf:x.pdf"), "unknown format 'pdf'"),
        (("-f", "xlsx"), "--format xlsx needs a path"),
        (("-f", "json:a.json", "-f", "csv:a.json"), "two formats name the same file"),
        (("-f", "json:a.json", "--output", "b.json"), "--output FILE is the file of the one"),
        (("--fail-on-rule", "MEM-99-9"), "--fail-on-rule MEM-99-9: unknown rule"),
        (("--fail-on-rule", "MEM-10-1", "--ignore-rule", "MEM-10-1"), "both name MEM-10-1"),
    ],
)
def test_bad_format_and_gate_options_are_usage_errors(data, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = run("audit", data, *AS_OF, *args)
    assert result.exit_code == 2 and message in result.stderr
    assert not list(tmp_path.glob("*.json"))  # nothing written before the error


# --------------------------------------------------------------------------- gate


def test_the_summary_line_ends_the_run(data):
    result = run("audit", data, *AS_OF, "--lang", "en", "-f", "json")
    assert result.stderr.splitlines()[-1] == (
        "5 records, 2 violations (2 errors, 0 warnings), 0 waived, 0 rejected — failed: 2 counting"
    )
    zh = run("audit", data, *AS_OF)
    assert zh.stderr.splitlines()[-1] == (
        "5 条记录，违规 2 项（错误 2、警告 0），豁免 0 项，拒绝 0 条 — 未通过：2 项计入门禁"
    )


def test_quiet_prints_nothing_and_keeps_the_exit_code(data, tmp_path):
    result = run("audit", data, *AS_OF, "--quiet", "-f", f"json:{tmp_path / 'r.json'}")
    assert result.exit_code == 1 and result.output == ""
    assert (tmp_path / "r.json").is_file()
    assert run("audit", data, *AS_OF, "-q", "--fail-on", "never").output == ""


def test_fail_on_rule_fails_whatever_the_severity_and_ignore_rule_never_fails(data):
    assert run("audit", data, *AS_OF, "--fail-on", "critical").exit_code == 0
    failing = run("audit", data, *AS_OF, "--fail-on", "never", "--fail-on-rule", "MEM-10-1")
    assert failing.exit_code == 1
    ignored = run("audit", data, *AS_OF, "--ignore-rule", "MEM-10-1", "-f", "json")
    assert ignored.exit_code == 0
    report = report_of(ignored)
    assert len(report["violations"]) == 2  # still reported
    assert not any(v["gating"] for v in report["violations"])
    assert report["gate"] == {
        "fail_on": "info",
        "fail_on_rules": [],
        "ignored_rules": ["MEM-10-1"],
        "failing": 0,
        "passed": True,
    }


def test_the_gate_lists_in_the_configuration_and_the_options_that_replace_them(data):
    config = data / "compliance.toml"
    config.write_text('[audit]\nfail_on = "never"\nfail_on_rules = ["MEM-10-1"]\n', "utf-8")
    assert run("audit", data, *AS_OF).exit_code == 1
    report = report_of(run("audit", data, *AS_OF, "-f", "json"))
    assert report["gate"]["fail_on_rules"] == ["MEM-10-1"] and report["gate"]["failing"] == 2
    config.write_text('[audit]\nignore_rules = ["MEM-10-1"]\n', "utf-8")
    assert run("audit", data, *AS_OF).exit_code == 0
    # An option given replaces the configuration's list rather than adding to it.
    assert run("audit", data, *AS_OF, "--ignore-rule", "MEM-11-1").exit_code == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            'fail_on_rules = ["MEM-99-9"]',
            "compliance.toml: audit.fail_on_rules MEM-99-9: unknown rule",
        ),
        (
            'ignore_rules = ["X-1", "MEM-99-9"]',
            "compliance.toml: audit.ignore_rules MEM-99-9, X-1: unknown rules",
        ),
        (
            'fail_on_rules = ["MEM-10-1"]\nignore_rules = ["MEM-10-1"]',
            "fail_on_rules (--fail-on-rule) and ignore_rules (--ignore-rule) both name MEM-10-1",
        ),
        (
            'ignore_rules = "MEM-10-1"',
            "audit.ignore_rules = 'MEM-10-1': Input should be a valid list",
        ),
    ],
)
def test_bad_gate_lists_in_the_configuration_are_usage_errors(data, body, message):
    (data / "compliance.toml").write_text(f"[audit]\n{body}\n", "utf-8")
    result = run("audit", data, *AS_OF)
    assert result.exit_code == 2 and message in result.stderr


# --------------------------------------------------------------------------- waivers


def waivers_file(tmp_path, body, name="waivers.yaml"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


WAIVE_E1 = """
waivers:
  - id: W-1
    rule: MEM-10-1
    record: E1
    justification: 法定代表人变更的书面报告已于次日补交，交易所已确认
    approver: 李敏（合规部）
    approved: 2025-12-01
    expires: 2026-01-05
"""


def test_a_waived_finding_is_reported_counted_as_waived_and_does_not_fail(data, tmp_path):
    waivers = waivers_file(tmp_path, WAIVE_E1)
    only_e1 = small_dataset(tmp_path / "e1", CHANGES.replace("2025-10-20", "2025-10-16"))
    result = run("audit", only_e1, *AS_OF, "--waivers", waivers, "-f", "json")
    assert result.exit_code == 0
    report = report_of(result)
    (finding,) = report["violations"]
    assert finding["waiver"] == {"id": "W-1", "state": "active"} and not finding["gating"]
    assert report["summary"]["violations"]["waived"] == 1
    assert report["summary"]["penalties_by_subject"][0]["waived"] == 1
    assert (
        ", 1 waived," in run("audit", only_e1, *AS_OF, "--waivers", waivers, "--lang", "en").stderr
    )
    # The finding not named still fails the gate.
    both = run("audit", data, *AS_OF, "--waivers", waivers, "-f", "json")
    assert both.exit_code == 1
    assert [v["gating"] for v in report_of(both)["violations"]] == [False, True]


def test_a_waiver_holds_on_its_expiry_day_and_expires_the_day_after(data, tmp_path):
    waivers = waivers_file(tmp_path, WAIVE_E1)
    on_the_day = report_of(run("audit", data, *AS_OF, "--waivers", waivers, "-f", "json"))
    assert on_the_day["waivers"][0]["state"] == "active"
    assert on_the_day["waivers"][0]["expires"] == "2026-01-05"
    assert on_the_day["waivers"][0]["ends"] == "2026-01-06T00:00:00+08:00"
    after = run("audit", data, "--as-of", "2026-01-06", "--waivers", waivers, "-f", "json")
    report = report_of(after)
    assert after.exit_code == 1
    assert report["violations"][0]["waiver"] == {"id": "W-1", "state": "expired"}
    assert report["violations"][0]["gating"] and report["summary"]["violations"]["waived"] == 0
    assert "W-1 (MEM-10-1): 豁免已过期" in after.stderr


def test_a_waiver_that_matches_nothing_is_stale(data, tmp_path):
    waivers = waivers_file(tmp_path, WAIVE_E1.replace("record: E1", "record: E2"))
    result = run("audit", data, *AS_OF, "--waivers", waivers, "-f", "json", "--lang", "en")
    report = report_of(result)
    assert report["waivers"][0]["state"] == "stale" and report["waivers"][0]["matched"] == 0
    assert "W-1 (MEM-10-1): matches nothing" in result.stderr
    assert result.exit_code == 1


def test_a_subject_waiver_covers_every_finding_of_the_subject_for_that_rule(data, tmp_path):
    body = WAIVE_E1.replace("record: E1", "subject: M2").replace("expires: 2026-01-05\n", "")
    report = report_of(
        run("audit", data, *AS_OF, "--waivers", waivers_file(tmp_path, body), "-f", "json")
    )
    assert [v["waiver"] and v["waiver"]["id"] for v in report["violations"]] == [None, "W-1"]
    assert report["waivers"][0]["expires"] is None


def test_waivers_in_toml_work_the_same(data, tmp_path):
    body = """
time_zone = "Asia/Shanghai"
[[waivers]]
rule = "MEM-10-1"
record = "E1"
justification = "已补交"
approver = "李敏"
approved = 2025-12-01
expires = 2026-01-05T23:59:59-05:00  # 2026-01-06 12:59:59 in Shanghai
"""
    waivers = waivers_file(tmp_path, body, "waivers.toml")
    report = report_of(run("audit", data, *AS_OF, "--waivers", waivers, "-f", "json"))
    assert report["violations"][0]["waiver"] == {"id": "#1", "state": "active"}
    later = report_of(
        run("audit", data, "--as-of", "2026-01-06", "--waivers", waivers, "-f", "json")
    )
    assert later["violations"][0]["waiver"]["state"] == "expired"  # does not cover all of the 6th


def test_malformed_waivers_are_errors_naming_the_entry(data, tmp_path):
    cases = {
        "justification: 法定代表人变更的书面报告已于次日补交，交易所已确认\n": "justification is required",
        "expires:": "expiry:",  # a misspelt key must not make a waiver permanent
        "record: E1": "record: E1\n    kind: Nope\n    colour: red",
        "rule: MEM-10-1": "rule: MEM-99-9",
        "approved: 2025-12-01": "approved: 2026-02-01",
        "    record: E1\n": "",
    }
    expected = [
        "waiver 1 (W-1): justification is required",
        "waiver 1 (W-1): expiry unknown field",
        "waiver 1 (W-1): colour unknown field",
        "waiver 1 (W-1): unknown rule MEM-99-9",
        "waiver 1 (W-1): expires before it was approved",
        "waiver 1 (W-1): names neither a record nor a subject",
    ]
    for (old, new), message in zip(cases.items(), expected, strict=True):
        waivers = waivers_file(tmp_path, WAIVE_E1.replace(old, new))
        result = run("audit", data, *AS_OF, "--waivers", waivers)
        assert result.exit_code == 2, message
        assert f"{waivers}: {message}" in result.stderr, result.stderr


# --------------------------------------------------------------------------- baselines


def test_a_baseline_fails_only_on_new_findings(data, tmp_path):
    baseline = tmp_path / "baseline.json"
    first = run("audit", data, *AS_OF, "--write-baseline", baseline, "-q")
    assert first.exit_code == 1  # writing a baseline does not change the verdict
    document = json.loads(baseline.read_text(encoding="utf-8"))
    assert [f["record"] for f in document["findings"]] == ["E1", "E3"]
    again = run("audit", data, *AS_OF, "--baseline", baseline, "-f", "json")
    assert again.exit_code == 0
    assert {v["baseline"] for v in report_of(again)["violations"]} == {"known"}
    # A new late report: only it counts.
    (data / "change_events.csv").write_text(
        CHANGES + "E4,M2,注册资本,2025-09-26,2025-10-21,是\n", encoding="utf-8"
    )
    grown = run("audit", data, *AS_OF, "--baseline", baseline, "-f", "json", "--lang", "en")
    report = report_of(grown)
    assert grown.exit_code == 1
    assert [(v["record"]["key"], v["baseline"], v["gating"]) for v in report["violations"]] == [
        ("E1", "known", False),
        ("E3", "known", False),
        ("E4", "new", True),
    ]
    assert report["baseline"]["new"] == 1 and report["baseline"]["fixed"] == 0
    assert ", 1 new since the baseline — failed: 1 counting" in grown.stderr


def test_a_reordered_export_keeps_old_findings_old(data, tmp_path):
    baseline = tmp_path / "baseline.json"
    run("audit", data, *AS_OF, "--write-baseline", baseline, "-q")
    header, *rows = CHANGES.splitlines(keepends=True)
    (data / "change_events.csv").write_text(header + "".join(reversed(rows)), encoding="utf-8")
    result = run("audit", data, *AS_OF, "--baseline", baseline, "-f", "json")
    report = report_of(result)
    assert [v["record"]["source"].rsplit(":")[-1] for v in report["violations"]] == ["4", "2"]
    assert result.exit_code == 0 and report["summary"]["violations"]["new"] == 0


def test_the_same_key_in_another_file_is_not_hidden(data, tmp_path):
    baseline = tmp_path / "baseline.json"
    run("audit", data, *AS_OF, "--write-baseline", baseline, "-q")
    other = tmp_path / "other-branch"
    shutil.copytree(data, other)
    result = run("audit", other, *AS_OF, "--baseline", baseline, "-f", "json")
    assert result.exit_code == 1
    assert {v["baseline"] for v in report_of(result)["violations"]} == {"new"}


def test_a_change_to_a_field_the_rule_read_is_a_new_finding(data, tmp_path):
    baseline = tmp_path / "baseline.json"
    run("audit", data, *AS_OF, "--write-baseline", baseline, "-q")
    (data / "change_events.csv").write_text(
        CHANGES.replace(
            "E3,M2,法定代表人,2025-09-26,2025-10-20", "E3,M2,法定代表人,2025-09-26,2025-10-21"
        ),
        encoding="utf-8",
    )
    report = report_of(run("audit", data, *AS_OF, "--baseline", baseline, "-f", "json"))
    assert [v["baseline"] for v in report["violations"]] == ["known", "new"]


def test_fingerprints_do_not_move_with_the_audit_date_or_the_working_folder(data, monkeypatch):
    # E5 is still not reported: the working days elapsed grow with the audit date.
    (data / "change_events.csv").write_text(
        CHANGES + "E5,M2,法定代表人,2025-11-03,,\n", encoding="utf-8"
    )

    def audit(dataset, *extra):
        return report_of(run("audit", dataset, *extra, "-f", "json"))["violations"]

    monkeypatch.chdir(data.parent)
    today = audit(data.name, *AS_OF)
    later = audit(data.name, "--as-of", "2026-06-30")
    assert [v["evidence"] for v in later] != [v["evidence"] for v in today]
    assert [v["fingerprint"] for v in later] == [v["fingerprint"] for v in today]
    given_absolute = audit(data.resolve(), *AS_OF)
    assert [v["fingerprint"] for v in given_absolute] == [v["fingerprint"] for v in today]


def test_a_fingerprint_keeps_the_value_earlier_versions_wrote(tmp_path, monkeypatch):
    """Baselines written before stay valid: the value is pinned, relative path or absolute."""
    from checker.baseline import fingerprint

    fields = {"grade": "机密", "amount": 1.5, "due": "2026-03-31", "n": 3, "ok": True, "none": None}
    pinned = "9b1a12d0e1425ecb56c27edbb1dbf061"
    absolute = str(tmp_path / "data" / "." / "secret_items.csv")
    monkeypatch.chdir(tmp_path)
    for file in ("data/secret_items.csv", absolute):
        assert fingerprint("SEC-05", file, "secret_item", "S002", fields) == pinned
    monkeypatch.chdir(tmp_path / "..")  # the same absolute path is another file from elsewhere
    assert fingerprint("SEC-05", absolute, "secret_item", "S002", fields) != pinned


def test_a_fixed_finding_is_counted_against_the_baseline(data, tmp_path):
    baseline = tmp_path / "baseline.json"
    run("audit", data, *AS_OF, "--write-baseline", baseline, "-q")
    (data / "change_events.csv").write_text(
        CHANGES.replace("2025-10-20", "2025-10-16"), encoding="utf-8"
    )
    report = report_of(run("audit", data, *AS_OF, "--baseline", baseline, "-f", "json"))
    assert report["baseline"] == {"file": str(baseline), "known": 1, "new": 0, "fixed": 1}


def test_a_file_that_is_not_a_baseline_is_a_usage_error(data, tmp_path):
    bad = tmp_path / "baseline.json"
    bad.write_text('{"findings": []}', encoding="utf-8")
    result = run("audit", data, *AS_OF, "--baseline", bad)
    assert result.exit_code == 2 and "not a baseline of version 1" in result.stderr


def test_the_demo_waivers_show_every_state():
    result = run(
        "audit", DEMO, "--waivers", ROOT / "fixtures" / "waivers" / "demo.yaml", "-f", "json"
    )
    report = report_of(result)
    assert {w["id"]: (w["state"], w["matched"]) for w in report["waivers"]} == {
        "W-2026-01": ("active", 1),
        "W-2026-02": ("expired", 1),
        "W-2026-03": ("stale", 0),
        "W-2026-04": ("refused", 1),
    }
    assert report["summary"]["violations"]["waived"] == 1
    assert report["gate"]["failing"] == report["summary"]["violations"]["total"] - 1
