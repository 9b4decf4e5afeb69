"""The conference-marketing demo (fixtures/demo-meetings): every rule fires, nothing rejected."""

import json

from click.testing import CliRunner

from cli import main
from tests.conftest import ROOT

DEMO = ROOT / "fixtures" / "demo-meetings"


def audit() -> dict:
    result = CliRunner().invoke(
        main, ["audit", str(DEMO), "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 1
    return json.loads(result.stdout)


def test_every_rule_fires_and_no_record_is_rejected(catalog):
    report = audit()
    rules = {r.id for r in catalog.rules.values() if r.regulation.id == "conference-marketing"}
    assert {v["rule_id"] for v in report["violations"]} == rules
    records = report["summary"]["records"]
    assert records["read"] == records["audited"] > 0 and records["rejected"] == 0
    assert report["errors"] == [] and report["summary"]["rules"]["not_run"] == []


def test_grievance_fines_fall_on_each_person_liable():
    fines: dict[tuple[str, str], str] = {}
    for v in audit()["violations"]:
        if v["rule_id"] in ("SAL-MTG-10", "SAL-MTG-11"):
            fines[(v["rule_id"], v["record"]["key"])] = v["subject"]["id"]
    assert fines == {
        ("SAL-MTG-10", "BY-02@E11"): "E11",
        ("SAL-MTG-10", "BY-02@M02"): "M02",
        ("SAL-MTG-11", "BY-03@E12"): "E12",
        ("SAL-MTG-11", "BY-03@M02"): "M02",
    }


def test_a_dispute_in_front_of_a_customer_fines_both_parties():
    keys = sorted(v["record"]["key"] for v in audit()["violations"] if v["rule_id"] == "SAL-MTG-07")
    assert keys == ["CT-02", "CT-02@E02", "CT-02@E12"]
