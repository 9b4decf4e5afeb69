"""The archive demos (fixtures/demo-archive and its sub-folders, one company each)."""

import json

import pytest
from click.testing import CliRunner

from cli import main
from tests.conftest import ROOT

DEMO = ROOT / "fixtures" / "demo-archive"
COMPANIES = {
    ".": "credit-archives",
    "company": "company-archives",
    "client-info": "client-data-rules",
    "fund": "fund-client-service",
    "outline": "client-file-outline",
    "foshan": "client-info-foshan",
    "pharma": "client-files-pharma",
    "sales": "client-files-sales",
    "property": "property-client-files",
    "property8": "property-client-files-8",
}


def audit(folder: str, *options: str) -> dict:
    result = CliRunner().invoke(
        main, ["audit", str(DEMO / folder), "--format", "json", *options], catch_exceptions=False
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


def test_every_archive_regulation_has_a_demo(catalog):
    # 扩展7, 扩展5 and 扩展2 carry their archive sentences in their companies' demos.
    elsewhere = ("group-hr", "basic-hr", "company-admin-sentences")
    archive_regulations = {
        r.regulation.id
        for r in catalog.rules.values()
        if r.id.startswith("ARC-") and r.regulation.id not in elsewhere
    }
    assert archive_regulations == set(COMPANIES.values())


def test_the_loan_ledger_is_mostly_clean():
    report = audit(".")
    loans = [v for v in report["violations"] if v["record"]["kind"] == "ArchiveLoan"]
    flagged = {v["record"]["key"] for v in loans}
    assert len(flagged) <= 9 and len({v["record"]["source"] for v in report["violations"]}) < (
        report["summary"]["records"]["read"] / 4
    )


def test_direct_borrowers_of_the_repaired_reading_pass_and_the_chairman_without_the_archivist_does_not():
    report = audit(".")
    by_loan = {}
    for v in report["violations"]:
        if v["record"]["kind"] == "ArchiveLoan":
            by_loan.setdefault(v["record"]["key"], set()).add(v["rule_id"])
    # The general manager and the deputies borrowed without a slip, through the archivist.
    for key in ("JY-2025-105", "JY-2026-012", "JY-2026-013"):
        assert key not in by_loan
    assert by_loan["JY-2026-014"] == {"ARC-14"}  # the chairman took the file himself
    assert by_loan["JY-2026-010"] == {"ARC-15", "ARC-16"}  # a staff member with no slip


def test_the_deadlines_of_the_demo_follow_the_calendar():
    report = audit(".")
    late = {v["record"]["key"]: v for v in report["violations"] if v["rule_id"] == "ARC-17"}
    # A slip stating Sunday 1 March, returned Monday: a stated date does not move.
    assert "JY-2026-002" in late
    # Six days from Friday 9 January, returned Thursday 15th; seven days from 9 March to the
    # 16th: on their last day, on time.
    assert "JY-2026-001" not in late and "JY-2026-003" not in late
    # Renewed with the general manager's approval on its due day: on time; renewed with the
    # archivist alone: the slip's term stands.
    assert "JY-2026-004" not in late and "续借XJ-2026-002" in late["JY-2026-005"]["message"]
    handovers = {
        v["record"]["key"]: v["rule_id"]
        for v in report["violations"]
        if v["record"]["kind"] == "ArchiveHandover" and v["rule_id"].startswith("ARC-07")
    }
    # Across the 2026 Spring Festival: the worked Saturday and 24 February are the b manager's
    # two working days; handed to the archive on the 25th is late, on the 24th is not.
    assert "YJ-XD2026-005" not in handovers and "YJ-XD2026-006" in handovers


def test_the_organisations_penalty_for_a_late_return_is_reported_as_supplied():
    report = audit(".")
    penalties = [v["penalty"] for v in report["violations"] if v["rule_id"] == "ARC-17"]
    assert penalties and all(p["stated"] is False for p in penalties)
    assert all(p["supplied_by"].endswith("compliance.toml: penalties.ARC-17") for p in penalties)
    assert all(p["fine_min_cny"] == 50 for p in penalties)
    others = [v["penalty"] for v in report["violations"] if v["rule_id"] != "ARC-17"]
    assert all(p["supplied_by"] is None for p in others)


def test_under_the_five_day_reading_the_headline_limit_is_the_breach(tmp_path):
    config = tmp_path / "five.toml"
    config.write_text('[arc2]\nhandover_limit = "five_days"\n', encoding="utf-8")
    report = audit(".", "--config", str(config))
    rules = {v["rule_id"] for v in report["violations"]}
    assert "ARC-07a" not in rules and "ARC-07b" not in rules
    five = [v for v in report["violations"] if v["rule_id"] == "ARC-07c"]
    assert {v["record"]["key"] for v in five if v["severity"] == "warning"} >= {
        "YJ-XD2026-006",
        "YJ-XD2026-009",
    }


def test_the_report_carries_the_repaired_reading_beside_the_verbatim_quote():
    rules = {r["id"]: r for r in audit(".")["rules"]}
    assert rules["ARC-14"]["text"].startswith("。ㄒ唬┕径麻L、總經理。副總經理")
    assert rules["ARC-14"]["repaired"].startswith("（一）公司董事長、總經理、副總經理")
    assert rules["ARC-16"]["repaired"] is None  # an undamaged line


def test_a_loan_of_a_graded_file_must_satisfy_the_secrecy_rules_too():
    report = audit("graded")
    records = report["summary"]["records"]
    assert records["read"] == records["audited"] > 0 and records["rejected"] == 0
    assert report["errors"] == [] and report["summary"]["rules"]["not_run"] == []
    secrecy = {
        (v["rule_id"], v["record"]["key"])
        for v in report["violations"]
        if v["rule_id"].startswith("SEC-")
    }
    assert secrecy == {
        # 制度2 lets the chairman approve a slip and borrow directly; the secrecy rules do not
        # put the chairman among those who know 绝密 and 机密 items.
        ("SEC-12", "JY-2026-104"),
        ("SEC-13", "JY-2026-102"),
        # A legal officer outside the secrecy staff register is in no circle.
        ("SEC-14", "JY-2026-106"),
    }
    archive = [v for v in report["violations"] if v["rule_id"].startswith("ARC-")]
    assert archive == []  # the same loans are in order under 制度2


def test_a_graded_files_title_is_withheld_like_its_items(tmp_path):
    (tmp_path / "archives.csv").write_text(
        "档案号,档案名称,密级\n鸿综字第099号,关于某上市公司并购贷款的可行性研究,机密\n",
        encoding="utf-8",
    )
    (tmp_path / "compliance.toml").write_text(
        '[audit]\nas_of = 2026-06-30\nregulations = ["credit-archives"]\n', encoding="utf-8"
    )
    title = "关于某上市公司并购贷款的可行性研究"

    def run(*options: str) -> str:
        result = CliRunner().invoke(
            main, ["audit", str(tmp_path), "--format", "json", *options], catch_exceptions=False
        )
        return result.stdout

    withheld = run()
    assert title not in withheld and "ARC-01" in withheld
    assert title in run("--reveal-titles")


def test_the_archivists_duties_are_the_archivists_violations_not_the_borrowers():
    report = audit(".")
    duties = [v for v in report["violations"] if v["rule_id"] in ("ARC-16", "ARC-18")]
    assert duties and {v["subject"]["id"] for v in duties} == {"P031"}  # the archivist
    assert all(v["subject"]["name"] == "罗海英" for v in duties)
    # The borrower still answers for returning the file late (ARC-17).
    late = [v for v in report["violations"] if v["rule_id"] == "ARC-17"]
    assert late and "P031" not in {v["subject"]["id"] for v in late}
