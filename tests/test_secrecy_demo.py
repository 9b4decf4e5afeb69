"""The secrecy demo (fixtures/demo-secrecy and its sub-folders) and the other companies' demos
that carry a confidentiality rule of catalogue part C2: every encoded SEC rule fires somewhere."""

import json

import jsonschema
import pytest
from click.testing import CliRunner

from cli import main
from tests.conftest import ROOT

DEMO = ROOT / "fixtures" / "demo-secrecy"
FOLDERS = {
    DEMO: "secrecy",
    DEMO / "tenants": "tenant-relations",
    DEMO / "client-data": "client-data-rules",
    DEMO / "service-conduct": "service-conduct-sentences",
    DEMO / "customer-info": "customer-info-secrecy",
    # The companies whose demos already exist keep their secrecy records there.
    ROOT / "fixtures" / "demo-service" / "vip": "store-vip-customers",
    ROOT / "fixtures" / "demo-service" / "construction": "company-admin-sentences",
    ROOT / "fixtures" / "demo-sales": "group-hr",
}


def run(*args: str):
    return CliRunner().invoke(main, [*args], catch_exceptions=False)


def audit(folder) -> dict:
    result = run("audit", str(folder), "--format", "json")
    assert result.exit_code == 1
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def reports():
    return {folder: audit(folder) for folder in FOLDERS}


def test_every_encoded_sec_rule_fires_and_no_record_is_rejected(catalog, reports):
    fired = set()
    for folder, report in reports.items():
        records = report["summary"]["records"]
        assert records["read"] == records["audited"] > 0, folder
        assert report["errors"] == [] and report["summary"]["rules"]["not_run"] == [], folder
        fired |= {v["rule_id"] for v in report["violations"] if v["rule_id"].startswith("SEC-")}
    encoded = {r for r in catalog.rules if r.startswith("SEC-")}
    assert len(encoded) == 32 and fired == encoded  # SEC-11 is encoded by SEC-12


def test_each_folder_is_audited_under_its_own_companys_rules(catalog, reports):
    for folder, regulation in FOLDERS.items():
        regulations = {v["regulation_id"] for v in reports[folder]["violations"]}
        assert regulation in regulations and regulations <= set(catalog.regulations), folder
        if folder.is_relative_to(DEMO):
            assert regulations == {regulation}, folder


def test_the_group_register_is_mostly_clean(reports):
    report = reports[DEMO]
    violating = {v["record"]["source"] for v in report["violations"]}
    assert len(violating) / report["summary"]["records"]["read"] < 0.25


def test_the_delegated_sanctions_and_the_groups_own_amounts(reports):
    violations = reports[DEMO]["violations"]
    sec21 = [v for v in violations if v["rule_id"] == "SEC-21"]
    supplied = [v["penalty"] for v in sec21 if v["severity"] == "warning"]
    assert supplied and all(
        not p["stated"]
        and p["delegated_to"] == "员工奖惩管理制度"
        and p["supplied_by"].endswith("compliance.toml: penalties.SEC-21")
        and (p["fine_min_cny"], p["fine_max_cny"]) == (500, 5000)
        for p in supplied
    )
    # The serious leak carries the consequence the text states itself.
    serious = next(v for v in sec21 if v["severity"] == "critical")
    assert serious["record"]["key"] == "L02" and serious["penalty"]["stated"]
    assert [m["code"] for m in serious["penalty"]["measures"]] == ["legal_liability"]
    # A rule the group set no amount for still names the delegation.
    sec12 = next(v for v in violations if v["rule_id"] == "SEC-12")["penalty"]
    assert sec12["delegated_to"] == "员工奖惩管理制度" and sec12["supplied_by"] is None
    assert {v["severity"] for v in violations if v["rule_id"] in ("SEC-04", "SEC-10")} == {"info"}


def test_the_demo_withholds_secret_titles_and_says_so(reports):
    report = reports[DEMO]
    assert report["redaction"]["withheld"] and report["redaction"]["grades"] == ["绝密", "机密"]
    text = json.dumps(report, ensure_ascii=False)
    assert "2027—2029年集团战略投资决策方案" not in text and "西南冷链" not in text
    # 秘密 items keep their titles; an unmarked item whose category requires 机密 does not.
    assert "2026年物流服务框架合同" in text
    assert "S010" in report["redaction"]["items"] and "上半年经营情况分析" not in text
    table = run("audit", str(DEMO)).stdout
    assert "已隐去 18 项绝密、机密事项的标题和内容" in table


def test_the_secrecy_reports_validate_against_the_report_schema(reports):
    schema = json.loads((ROOT / "schemas" / "report-v1.schema.json").read_text(encoding="utf-8"))
    for folder in (DEMO, DEMO / "customer-info"):
        jsonschema.validate(reports[folder], schema)
