"""The customer-service demos (fixtures/demo-service and its sub-folders, one company each)."""

import json

import pytest
from click.testing import CliRunner

from cli import main
from tests.conftest import ROOT

DEMO = ROOT / "fixtures" / "demo-service"
COMPANIES = {
    ".": "service-agent-norms",
    "property": "property-resident-complaints",
    "gps": "gps-customer-service",
    "vip": "store-vip-customers",
    "standards": "customer-service-standards",
    "principles": "complaint-principles",
    "construction": "company-admin-sentences",
}


def audit(folder: str) -> dict:
    result = CliRunner().invoke(
        main, ["audit", str(DEMO / folder), "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 1
    return json.loads(result.stdout)


@pytest.mark.parametrize(("folder", "regulation"), COMPANIES.items())
def test_every_rule_of_the_companys_regulation_fires_and_no_record_is_rejected(
    catalog, folder, regulation
):
    report = audit(folder)
    rules = {r.id for r in catalog.rules.values() if r.regulation.id == regulation}
    assert rules and {v["rule_id"] for v in report["violations"]} == rules
    records = report["summary"]["records"]
    assert records["read"] == records["audited"] > 0 and records["rejected"] == 0
    assert report["errors"] == [] and report["summary"]["rules"]["not_run"] == []


def test_every_check_of_the_service_standards_fires():
    report = audit("standards")
    keys = sorted(v["record"]["key"] for v in report["violations"])
    # DF-02, greeted at 60 seconds exactly, and TZ-0302-01, answered at the second ring, pass.
    assert keys == [
        "DF-03",  # greeted after 130 seconds
        "DF-04",  # nobody greeted
        "GD-01",
        "TS-02",  # serious, reported three days later
        "TS-03",
        "TZ-0306-03",  # third ring
        "TZ-0311-02",  # sixth ring, without an apology
        "TZ-0318-01",  # fifth ring: apologised, still late
    ]


def test_vip_reminders_count_from_the_configured_day_and_need_advance_notice():
    keys = sorted(v["record"]["key"] for v in audit("vip")["violations"])
    # IR-02: VIP customers' phone numbers sent to a partner shop (SEC-25).
    assert keys == ["IR-02", "VIP0002@HD-2603", "VIP0002@生日2026-03-20", "XP-260314-007"]
