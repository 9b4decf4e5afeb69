"""The sales-department demo (fixtures/demo-sales/department): 扩展3's rules on a dealer's records."""

import json

from click.testing import CliRunner

from cli import main
from tests.conftest import ROOT

DEMO = ROOT / "fixtures" / "demo-sales" / "department"


def audit() -> dict:
    result = CliRunner().invoke(
        main, ["audit", str(DEMO), "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 1
    return json.loads(result.stdout)


def test_every_rule_fires_and_no_record_is_rejected(catalog):
    report = audit()
    rules = {r.id for r in catalog.rules.values() if r.regulation.id == "sales-dept-rules"}
    assert len(rules) == 13
    assert {v["rule_id"] for v in report["violations"]} == rules
    records = report["summary"]["records"]
    assert records["read"] == records["audited"] > 0 and records["rejected"] == 0
    assert report["errors"] == [] and report["summary"]["rules"]["not_run"] == []
    violating = {v["record"]["source"] for v in report["violations"]}
    assert len(violating) / records["read"] < 0.25


def test_the_escalations_fall_on_the_occurrences_that_trigger_them():
    found = {(v["rule_id"], v["record"]["key"]): v for v in audit()["violations"]}
    # 周婷's 6th missing contact of March, on the 24th, carries 劝退; her earlier days do not.
    sixth = found[("SAL-DEP-01", "KH-21-0324")]
    assert sixth["severity"] == "critical" and "KH-21-0317" in sixth["message"]
    assert found[("SAL-DEP-01", "KH-21-0317")]["severity"] == "error"
    # 王磊's third refusal of another's customer strikes him off and cites the first two.
    third = found[("SAL-DEP-10", "XW-03")]
    assert third["severity"] == "critical"
    assert "XW-01" in third["message"] and "XW-02" in third["message"]
    assert found[("SAL-DEP-10", "XW-05")]["severity"] == "error"  # 林子豪's first
