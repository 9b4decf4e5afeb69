"""The engine hardened against the measured hazards of durable-rules (shared/notes/durable-rules.md)."""

import json
import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from checker import columnar
from checker import engine as engine_module
from checker.audit import calendar_from
from checker.columnar import ColumnarEngine
from checker.engine import DurableEngine, EngineError
from tests.conftest import audit_rows, violations_of

AS_OF = date(2026, 3, 31)


def late_change(key, day=date(2025, 9, 26), change_type="法定代表人"):
    return dict(
        event_id=key,
        member_id="M1",
        change_type=change_type,
        occurred_date=day,
        reported_date=day + timedelta(days=40),
        report_written=True,
    )


def fnv1a32(text):
    value = 0x811C9DC5
    for byte in text.encode():
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def test_business_keys_that_collide_under_fnv1a_lose_nothing(catalog, config):
    first, second = "E-80e5d396", "E-bca5fc5e"  # found by a birthday search over random keys
    assert fnv1a32(first) == fnv1a32(second)
    result = audit_rows(
        catalog, config, {"ChangeEvent": [late_change(first), late_change(second)]}, AS_OF
    )
    assert sorted(violations_of(result, "MEM-10-1")) == sorted([first, second])


def test_identical_records_are_two_facts(catalog, config):
    rows = [late_change("E1"), late_change("E2")]
    result = audit_rows(catalog, config, {"ChangeEvent": rows}, AS_OF)
    assert violations_of(result, "MEM-10-1") == ["E1", "E2"]


def mixed_rows():
    changes = [
        late_change(
            f"E{n:03}",
            date(2025, 1, 2) + timedelta(days=n),
            random.Random(n).choice(["法定代表人", "名称", "经营团队变动"]),
        )
        for n in range(60)
    ]
    invoices = [
        dict(
            invoice_id=f"I{n:03}",
            member_id=f"M{n % 5}",
            fee_type="会员管理费",
            amount_cny=5000,
            due_date=date(2025, 3, 31),
            paid_date=date(2025, 3, 31) + timedelta(days=n % 3),
        )
        for n in range(30)
    ]
    members = [
        dict(
            member_id=f"M{n}", member_name=f"会员{n}", admitted_date=date(2024, 1, 2), status="正常"
        )
        for n in range(5)
    ]
    return {"ChangeEvent": changes, "FeeInvoice": invoices, "Member": members}


def comparable(result):
    return [
        (v.rule.id, v.fact.kind, v.fact.key, v.message.zh, sorted(v.evidence.items()))
        for v in result.violations
    ]


def test_shuffled_input_gives_the_same_report(catalog, config):
    tables = mixed_rows()
    expected = comparable(audit_rows(catalog, config, tables, AS_OF))
    assert len(expected) > 40
    for seed in range(3):
        shuffled = {
            kind: random.Random(seed).sample(rows, len(rows))
            for kind, rows in reversed(tables.items())
        }
        assert comparable(audit_rows(catalog, config, shuffled, AS_OF)) == expected


def test_fact_order_given_to_the_engine_does_not_matter(catalog, config):
    result = audit_rows(catalog, config, mixed_rows(), AS_OF)
    engine = DurableEngine(list(catalog.rules.values()))
    facts = result.facts
    expected = {
        (m.rule_id, facts[m.fact_index].key)
        for m in engine.evaluate(facts, config, calendar_from(config), AS_OF).matches
    }
    shuffled = random.Random(7).sample(facts, len(facts))
    again = {
        (m.rule_id, shuffled[m.fact_index].key)
        for m in engine.evaluate(shuffled, config, calendar_from(config), AS_OF).matches
    }
    assert again == expected and len(expected) > 40


def test_many_chunks_never_exhaust_the_live_sessions(catalog, config, monkeypatch):
    # durable-rules fails on the 1,025th live sid; chunks of two facts make 1,050 sids here.
    rows = [late_change(f"E{n}") for n in range(2100)]
    monkeypatch.setattr(engine_module, "CHUNK", 2)
    result = audit_rows(catalog, config, {"ChangeEvent": rows}, AS_OF)
    assert len(violations_of(result, "MEM-10-1")) == 2100


def test_an_exception_swallowed_by_the_engine_is_raised(catalog, config, monkeypatch):
    def exploding(buffer, rule_name):
        def action(closure):
            raise RuntimeError("boom")

        return action

    monkeypatch.setattr(engine_module, "_recorder", exploding)
    engine = DurableEngine(list(catalog.rules.values()), name="test-exploding")
    facts = audit_rows(catalog, config, {"ChangeEvent": [late_change("E1")]}, AS_OF).facts
    with pytest.raises(EngineError, match="boom"):
        engine.evaluate(facts, config, calendar_from(config), AS_OF)


def test_a_ruleset_name_is_registered_once_per_process(catalog):
    rules = list(catalog.rules.values())
    DurableEngine(rules)  # the audit's own ruleset, reused
    with pytest.raises(EngineError, match="already registered"):
        DurableEngine(rules[:3])


def test_worker_processes_partitioned_by_subject_find_what_one_process_finds(
    catalog, config, monkeypatch
):
    facts = audit_rows(catalog, config, mixed_rows(), AS_OF).facts * 6
    expected = (
        DurableEngine(list(catalog.rules.values()))
        .evaluate(facts, config, calendar_from(config), AS_OF)
        .matches
    )
    # Small batches and short-lived processes: every worker is replaced several times.
    monkeypatch.setattr(engine_module, "IN_PROCESS_FACTS", 10)
    monkeypatch.setattr(engine_module, "_BATCH", 40)
    monkeypatch.setattr(engine_module, "_BATCHES_PER_PROCESS", 2)
    found = (
        DurableEngine(list(catalog.rules.values()), workers=2)
        .evaluate(facts, config, calendar_from(config), AS_OF)
        .matches
    )
    assert found == expected and len(found) > 200


def test_facts_no_check_reads_are_not_asserted_and_positions_hold(catalog, config, monkeypatch):
    facts = audit_rows(catalog, config, mixed_rows(), AS_OF).facts
    engine = DurableEngine(list(catalog.rules.values()))
    expected = engine.evaluate(facts, config, calendar_from(config), AS_OF).matches
    assert "Employee" not in engine._compiled.plans  # the staff register: no check reads it
    unread = [replace(fact, kind="Employee") for fact in facts]
    asserted: list[str] = []
    run = engine.run

    def counting(payloads):
        payloads = list(payloads)
        asserted.extend(payload["kind"] for payload in payloads)
        return run(payloads)

    monkeypatch.setattr(engine, "run", counting)
    mixed = [fact for pair in zip(unread, facts, strict=True) for fact in pair]
    found = engine.evaluate(mixed, config, calendar_from(config), AS_OF).matches
    assert len(asserted) == len(facts) and "Employee" not in asserted
    # Positions are those in the list given, between the facts left out.
    assert found == [replace(m, fact_index=2 * m.fact_index + 1) for m in expected]
    assert len(found) > 40


def test_compiled_queries_are_kept_and_a_damaged_one_is_compiled_again(
    catalog, config, tmp_path, monkeypatch
):
    facts = audit_rows(catalog, config, mixed_rows(), AS_OF).facts
    engine = ColumnarEngine(list(catalog.rules.values()))
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(tmp_path))

    def matches():
        columnar._compiled.cache_clear()  # as a new process would
        return engine.evaluate(facts, config, calendar_from(config), AS_OF).matches

    expected = matches()
    kept = sorted(tmp_path.glob("*.json"))
    assert kept and len(expected) > 40
    for path in kept:  # damaged, or another plan's query under this name
        document = json.loads(path.read_text())
        document["plan"] += " "
        path.write_text(json.dumps(document) if path == kept[0] else "{not json")
    assert matches() == expected
    assert all(json.loads(p.read_text())["plan"][-1] != " " for p in kept)
