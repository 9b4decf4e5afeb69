"""The store and sales-department demos (fixtures/demo-store, demo-sales) and their statements."""

import json

from click.testing import CliRunner

from cli import main
from tests.conftest import ROOT

STORE = ROOT / "fixtures" / "demo-store"


def run(*args: str):
    return CliRunner().invoke(main, [*args], catch_exceptions=False)


def test_every_store_rule_fires_and_most_records_are_clean(catalog):
    result = run("audit", str(STORE), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    shop_rules = {r.id for r in catalog.rules.values() if r.regulation.id == "shop-conduct"}
    assert {v["rule_id"] for v in report["violations"]} == shop_rules
    records = report["summary"]["records"]
    assert records["read"] == records["audited"] > 0 and report["errors"] == []
    violating = {v["record"]["source"] for v in report["violations"]}
    assert len(violating) / records["read"] < 0.25


def test_the_statement_puts_the_double_deduction_on_the_managers_line():
    result = run("statement", str(STORE), "--month", "2026-03", "--format", "json")
    assert result.exit_code == 0
    sheet = json.loads(result.stdout)
    people = {p["subject"]["id"]: p for p in sheet["employees"]}
    manager = people["E100"]
    double = next(line for line in manager["lines"] if line["rule_id"] == "SAL-SHOP-14")
    assert double["points"] == 12 and "XW-02" in double["message"] and "XW-03" in double["message"]
    assert manager["points"] == sum(line["points"] for line in manager["lines"])
    # 周佳怡 became manager on 16 March: her doze on 5 March was a sales assistant's, the meeting
    # chaired by a sales assistant on 19 March falls to her as the manager of that day.
    moved = people["E105"]
    assert [(line["rule_id"], line["posting"]) for line in moved["lines"]] == [
        ("SAL-SHOP-09", "南宁朝阳路店 导购"),
        ("SAL-SHOP-04", "南宁朝阳路店 店长"),
    ]
    assert moved["postings"] == [
        "南宁朝阳路店 导购（2024-03-01起）",
        "南宁朝阳路店 店长（2026-03-16起）",
    ]
    assert manager["postings"] == ["南宁朝阳路店 店长"]  # from the register: no assignment record


def test_a_configured_rate_turns_points_into_fines_from_that_months_pay(tmp_path):
    rate = tmp_path / "rate.toml"
    rate.write_text("[shop]\nyuan_per_point = 10.5\n", encoding="utf-8")
    plain = json.loads(run("statement", str(STORE), "--month", "2026-03", "-f", "json").output)
    result = run("statement", str(STORE), "--month", "2026-03", "-f", "json", "--config", str(rate))
    people = {p["subject"]["id"]: p for p in json.loads(result.output)["employees"]}
    manager = people["E100"]
    double = next(line for line in manager["lines"] if line["rule_id"] == "SAL-SHOP-14")
    assert double["fine_min_cny"] == double["fine_max_cny"] == 126  # 12 points × 10.5 元
    for person in people.values():
        assert person["pay_deduction_min_cny"] == person["pay_deduction_max_cny"]
        assert person["pay_deduction_min_cny"] == round(person["points"] * 10.5, 2)
    # Without a rate the text's points are only points.
    assert all(p["fine_min_cny"] == p["pay_deduction_min_cny"] == 0 for p in plain["employees"])


def test_the_statement_of_a_month_without_violations_says_so():
    result = run("statement", str(STORE), "--month", "2026-01")
    assert result.exit_code == 0 and "本月没有员工违规" in result.output
    assert run("statement", str(STORE), "--month", "2026-13").exit_code == 2


def test_every_hr_rule_fires_in_the_sales_department_demo(catalog):
    result = run("audit", str(ROOT / "fixtures" / "demo-sales"), "--format", "json")
    report = json.loads(result.stdout)
    hr_rules = {r.id for r in catalog.rules.values() if r.regulation.id in ("basic-hr", "group-hr")}
    assert {v["rule_id"] for v in report["violations"]} == hr_rules
    assert report["errors"] == [] and report["summary"]["rules"]["not_run"] == []
    statement = json.loads(
        run(
            "statement", str(ROOT / "fixtures" / "demo-sales"), "--month", "2026-03", "-f", "json"
        ).output
    )
    late = next(p for p in statement["employees"] if p["subject"]["id"] == "S05")
    # 45 minutes late: half of a 200-yuan day, taken from March's pay.
    assert late["pay_deduction_min_cny"] == late["pay_deduction_max_cny"] == 100
