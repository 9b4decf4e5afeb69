"""The synthetic dataset: every rule and kind from the fixtures, replicas that never see each
other, about the share of violating records asked for, the same files for the same seed."""

from __future__ import annotations

import hashlib

import pytest

from checker.audit import audit_dataset
from checker.facts import FACT_KINDS
from checker.loading import load_dataset
from checker.records import KINDS, field_specs
from checker.synthetic import generate, is_identifier


@pytest.fixture(scope="module")
def generated(tmp_path_factory, catalog, config):
    folder = tmp_path_factory.mktemp("synthetic")
    made = generate(folder, 20_000, seed=3, catalog=catalog, base=config)
    result = audit_dataset(load_dataset([folder]), catalog, made.config, made.config["audit.as_of"])
    return made, result


def test_every_rule_is_violated_and_every_record_kind_written(generated, catalog):
    _, result = generated
    assert {v.rule.id for v in result.violations} == set(catalog.rules)
    read = {entry.kind for entry in result.dataset.inputs}
    used = {FACT_KINDS[c.kind].record_kind for r in catalog.rules.values() for c in r.checks}
    assert used - {None} <= read
    assert not result.problems or all(not p.rejects_record for p in result.problems)


def test_replicas_violate_exactly_as_the_measured_profile_expects(generated):
    made, result = generated
    violating = {v.fact.record.source for v in result.violations}
    assert result.dataset.read == made.records >= 20_000
    # Isolation: each replica of a cluster violates as its first copy did, no more, no less.
    assert len(violating) == made.expected_violating
    # Every cluster comes once, so a small dataset violates more than the 5% asked for.
    assert len(violating) / made.records > 0.045


def test_identifiers_are_tagged_per_replica(generated):
    _, result = generated
    keys = [item.record.key() for item in result.dataset.records["Employee"]]
    assert len(keys) == len(set(keys)) and all("~" in key for key in keys)
    assert any(is_identifier(s) for s in field_specs(KINDS["Employee"]).values())


def test_the_same_seed_writes_the_same_files(tmp_path, catalog, config):
    def digest(folder):
        return {
            p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())
        }

    generate(tmp_path / "a", 3_000, seed=5, catalog=catalog, base=config)
    generate(tmp_path / "b", 3_000, seed=5, catalog=catalog, base=config)
    generate(tmp_path / "c", 3_000, seed=6, catalog=catalog, base=config)
    assert digest(tmp_path / "a") == digest(tmp_path / "b") != digest(tmp_path / "c")
