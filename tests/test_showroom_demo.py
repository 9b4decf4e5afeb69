"""The showroom demo (fixtures/demo-showroom): a dealer running 扩展4 and 扩展6."""

import json

from click.testing import CliRunner

from cli import main
from tests.conftest import ROOT

DEMO = ROOT / "fixtures" / "demo-showroom"
REGULATIONS = ("showroom-rules", "sales-company-rules")


def audit() -> dict:
    result = CliRunner().invoke(main, ["audit", str(DEMO), "--format", "json"])
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def test_every_rule_of_both_regulations_fires_and_no_record_is_rejected(catalog):
    report = audit()
    rules = {r.id for r in catalog.rules.values() if r.regulation.id in REGULATIONS}
    assert {v["rule_id"] for v in report["violations"]} == rules
    records = report["summary"]["records"]
    assert records["read"] == records["audited"] > 0 and records["rejected"] == 0
    assert report["errors"] == [] and report["summary"]["rules"]["not_run"] == []
    violating = {v["record"]["source"] for v in report["violations"]}
    assert len(violating) / records["read"] < 0.25


def test_the_computed_fines_and_who_answers_for_them():
    found = {(v["rule_id"], v["record"]["key"]): v for v in audit()["violations"]}
    stock = found[("SAL-DEP-19", "KC-02")]
    assert "34天" in stock["message"] and stock["penalty"]["fine_min_cny"] == 200
    assert found[("SAL-DEP-18", "DL-02")]["penalty"]["fine_max_cny"] == 600
    missed = found[("SAL-DEP-16", "YH-0311@E204")]
    assert missed["subject"]["id"] == "E200" and missed["penalty"]["fine_min_cny"] == 100
    # The probationer's lapse is put to the mentor of the day.
    assert found[("SAL-DEP-24", "XW-02@带教责任")]["subject"]["id"] == "E202"
