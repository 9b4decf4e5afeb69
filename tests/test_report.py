"""The machine report: schema kept with the code, the demo's report valid, deterministic, complete."""

import json
from pathlib import Path

import jsonschema
import pytest

from checker.audit import run_audit
from checker.config import load
from checker.report import build_report, report_schema
from tests.conftest import DEMO, ROOT

SCHEMA_FILE = ROOT / "schemas" / "report-v1.schema.json"


def test_the_committed_schema_is_the_generated_one():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == report_schema(), (
        "regenerate: compliance schema --report > schemas/report-v1.schema.json"
    )


@pytest.fixture(scope="module")
def demo(catalog):
    config = load(catalog.parameters.values(), [DEMO / "compliance.toml"])
    return run_audit([DEMO], catalog, config, config["audit.as_of"])


def demo_json(demo, lang="zh"):
    return build_report(demo, lang).model_dump(mode="json")


def test_the_demo_report_validates_against_the_schema(demo):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    for lang in ("zh", "en"):
        jsonschema.validate(demo_json(demo, lang), schema)


def test_the_report_is_deterministic(demo, catalog):
    config = load(catalog.parameters.values(), [DEMO / "compliance.toml"])
    again = run_audit([DEMO], catalog, config, config["audit.as_of"])
    assert json.dumps(demo_json(again), ensure_ascii=False) == json.dumps(
        demo_json(demo), ensure_ascii=False
    )


def test_every_rule_fires_in_the_demo_and_most_records_are_clean(demo, catalog):
    report = demo_json(demo)
    exchange_rules = {r.id for r in catalog.rules.values() if r.regulation.id == "nnce-membership"}
    assert {v["rule_id"] for v in report["violations"]} == exchange_rules
    assert report["errors"] == [] and report["summary"]["rules"]["not_run"] == []
    records = report["summary"]["records"]
    assert records["read"] == records["audited"] > 0
    violating = {v["record"]["source"] for v in report["violations"]}
    assert len(violating) / records["read"] < 0.25


def test_summary_totals_add_up(demo):
    report = demo_json(demo)
    violations = report["violations"]
    summary = report["summary"]
    assert summary["violations"]["total"] == len(violations)
    assert sum(summary["violations"]["by_severity"].values()) == len(violations)
    assert sum(t["violations"] for t in summary["penalties_by_subject"]) == len(violations)
    assert sum(t["violations"] for t in summary["totals_by_regulation"]) == len(violations)
    for totals in summary["penalties_by_subject"]:
        mine = [
            v
            for v in violations
            if (v["subject"]["type"], v["subject"]["id"])
            == (totals["subject"]["type"], totals["subject"]["id"])
        ]
        assert totals["fine_min_cny"] == sum(v["penalty"]["fine_min_cny"] or 0 for v in mine)
        assert sum(m["count"] for m in totals["measures"]) == sum(
            len(v["penalty"]["measures"]) for v in mine
        )


def test_violations_carry_article_penalty_and_evidence(demo):
    report = demo_json(demo)
    for v in report["violations"]:
        assert v["citation"].startswith("《会员管理办法》第")
        assert v["record"]["source"].rsplit(":", 1)[1].isdigit()
        assert v["evidence"], v["rule_id"]
        if not v["penalty"]["stated"]:
            assert v["penalty"]["fine_min_cny"] is None and v["penalty"]["measures"] == []
    compensation = [v for v in report["violations"] if v["rule_id"] == "MEM-17-2"]
    for v in compensation:  # 不少于违规得利: the minimum comes from the record
        assert v["penalty"]["fine_min_cny"] == v["evidence"]["illicit_gain_cny"]
        assert v["penalty"]["fine_max_cny"] is None


def test_shuffled_files_give_the_same_findings(demo, catalog, tmp_path):
    for path in DEMO.iterdir():
        lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
        if path.suffix == ".csv":
            lines = lines[:1] + lines[:0:-1]  # rows reversed
        (tmp_path / path.name).write_text("".join(lines), encoding="utf-8")
    config = load(catalog.parameters.values(), [tmp_path / "compliance.toml"])
    reversed_run = run_audit([tmp_path], catalog, config, config["audit.as_of"])

    def findings(result):
        return [(v.rule.id, v.fact.key, v.message.zh, v.evidence) for v in result.violations]

    assert findings(reversed_run) == findings(demo)
    assert Path(reversed_run.violations[0].fact.record.source.file).parent == tmp_path
