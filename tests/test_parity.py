"""The fast engine and the durable-rules engine give identical reports: violations, evidence,
penalties, totals and order, on every rule fixture, every demo and a generated dataset."""

from __future__ import annotations

import pytest

from checker.audit import audit_dataset
from checker.catalog import load_catalog
from checker.config import CONFIG_FILE_NAME, Config, load
from checker.fixtures import FIXTURE_DIR, read_fixture
from checker.loading import Dataset, load_dataset, load_rows
from checker.report import build_report
from checker.synthetic import generate
from tests.conftest import ROOT

ENGINES = ("fast", "durable")
FIXTURES = sorted(FIXTURE_DIR.glob("*.toml"))
DEMOS = sorted(p.parent for p in (ROOT / "fixtures").rglob(CONFIG_FILE_NAME))


def reports(dataset: Dataset, catalog, config: Config, **settings) -> dict[str, dict]:
    """The report of each engine, in both languages."""
    out = {}
    for engine in ENGINES:
        chosen = config.with_values({"audit.engine": engine, **settings}, "test")
        result = audit_dataset(dataset, catalog, chosen, chosen["audit.as_of"])
        out[engine] = {
            lang: build_report(result, lang).model_dump(mode="json") for lang in ("zh", "en")
        }
    return out


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_every_fixture_case(path, catalog, config):
    fixture = read_fixture(path)
    regulation = catalog.rules[fixture.rule_id].regulation.id
    for case in fixture.cases:
        settings = {"audit.regulations": [regulation], **case.config, "audit.as_of": case.as_of}
        dataset = load_rows(case.records, path.name)
        both = reports(dataset, catalog, config.with_values(settings, str(path)))
        assert both["fast"] == both["durable"], case.name


def test_the_demos_are_all_there():
    assert len(DEMOS) >= 10 and ROOT / "fixtures" / "demo" in DEMOS


@pytest.mark.parametrize("folder", DEMOS, ids=lambda p: str(p.relative_to(ROOT / "fixtures")))
def test_every_demo(folder, catalog):
    config = load(catalog.parameters.values(), [folder / CONFIG_FILE_NAME])
    both = reports(load_dataset([folder]), catalog, config)
    assert both["fast"] == both["durable"]
    assert both["fast"]["zh"]["violations"], "a demo violates its rules"


def test_a_generated_dataset_of_100k_records(tmp_path, catalog, config):
    generated = generate(tmp_path, 100_000, seed=8, catalog=catalog, base=config)
    dataset = load_dataset([tmp_path])
    # More than 20,000 facts: the durable engine runs in one worker process per core.
    both = {}
    for engine in ENGINES:
        chosen = generated.config.with_values({"audit.engine": engine}, "test")
        result = audit_dataset(dataset, catalog, chosen, chosen["audit.as_of"])
        both[engine] = build_report(result, "zh").model_dump(mode="json")
    assert both["fast"] == both["durable"]
    report = both["fast"]
    assert report["summary"]["records"] == {
        "read": generated.records,
        "audited": generated.records,
        "rejected": 0,
    }
    assert {v["rule_id"] for v in report["violations"]} == set(load_catalog().rules)
    violating = {v["record"]["source"] for v in report["violations"]}
    assert len(violating) == generated.expected_violating
    assert 0.045 < len(violating) / generated.records < 0.055
