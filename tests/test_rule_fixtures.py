"""Every rule's fixtures: the same runner as `compliance rules test`."""

import pytest

from checker.catalog import load_catalog
from checker.fixtures import fixture_path, read_fixture, run_fixture

RULE_IDS = list(load_catalog().rules)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_fixtures(rule_id, catalog, config):
    path = fixture_path(rule_id)
    assert path.is_file(), f"{rule_id} has no fixture file {path}"
    fixture = read_fixture(path)
    assert fixture.rule_id == rule_id
    results = run_fixture(fixture, catalog, config)
    for result in results:
        assert not result.errors, f"{result.case.name}: {result.errors}"
        assert not result.missed, f"{result.case.name}: expected but not reported {result.missed}"
        assert not result.wrong, f"{result.case.name}: reported but not expected {result.wrong}"
    assert any(r.case.expect for r in results), "no fixture violates the rule"
    assert any(r.clean for r in results), "no fixture record passes the rule"
    fired = set().union(*(r.checks_fired for r in results))
    assert fired == set(range(len(catalog.rules[rule_id].checks))), (
        f"checks never exercised: {set(range(len(catalog.rules[rule_id].checks))) - fired}"
    )
