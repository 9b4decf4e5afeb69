"""What an audit runs and reports: effective dates, enabled regulations, rules that cannot run."""

from datetime import date

from tests.conftest import audit_rows, violations_of

AS_OF = date(2026, 3, 31)


def late(key, day):
    return dict(
        event_id=key,
        member_id="M1",
        change_type="法定代表人",
        occurred_date=day,
        reported_date=date(2026, 3, 1),
        report_written=True,
    )


def test_a_rule_not_in_force_on_the_records_date_reports_nothing(catalog, config):
    rows = {"ChangeEvent": [late("BEFORE", date(2025, 9, 30)), late("AFTER", date(2025, 10, 9))]}
    everything = audit_rows(catalog, config, rows, AS_OF)
    assert violations_of(everything, "MEM-10-1") == ["AFTER", "BEFORE"]
    dated = audit_rows(catalog, config, rows, AS_OF, **{"member.effective_from": date(2025, 10, 1)})
    assert violations_of(dated, "MEM-10-1") == ["AFTER"]
    assert dated.not_in_force == 1


def test_disabled_rules_and_regulations_that_do_not_apply(catalog, config):
    rows = {"ChangeEvent": [late("E1", date(2025, 9, 30))]}
    assert (
        violations_of(
            audit_rows(catalog, config, rows, AS_OF, **{"audit.disabled_rules": ["MEM-10-1"]}),
            "MEM-10-1",
        )
        == []
    )
    assert audit_rows(catalog, config, rows, AS_OF, **{"audit.regulations": []}).violations == []


def test_rules_that_cannot_run_say_why_only_when_they_have_records(catalog, config):
    trades = {
        "Trade": [dict(trade_id="T1", member_id="M1", trader_id="R1", trade_date=date(2025, 5, 6))],
        "TradingMonth": [
            dict(member_id="M1", month="2025-05", trade_count=3, funds_cny=100, volume_cny=5000)
        ],
    }
    result = audit_rows(catalog, config, trades, AS_OF)
    reasons = {n.rule_id: n.reason.en for n in result.not_run}
    assert "Mandate" in reasons["MEM-14-2"] or "mandate" in reasons["MEM-14-2"]
    assert "member.max_volume_to_funds_ratio" in reasons["MEM-15-5"]
    assert "MEM-10-1" not in reasons  # no change events: nothing to say
    configured = audit_rows(
        catalog, config, trades, AS_OF, **{"member.max_volume_to_funds_ratio": 20.0}
    )
    assert violations_of(configured, "MEM-15-5") == ["M1/2025-05"]


def test_every_record_is_audited_or_rejected(catalog, config):
    rows = {
        "ChangeEvent": [
            late("E1", date(2025, 9, 30)),
            dict(event_id="E2", member_id="M1", change_type="法人", occurred_date=date(2025, 1, 2)),
        ]
    }
    result = audit_rows(catalog, config, rows, AS_OF)
    assert (result.dataset.read, result.audited, result.rejected) == (2, 1, 1)


def test_a_date_outside_the_calendar_rejects_only_that_record(catalog, config):
    rows = {
        "ChangeEvent": [
            late("E1", date(2025, 9, 30)),
            dict(
                event_id="E2", member_id="M1", change_type="名称", occurred_date=date(2026, 12, 28)
            ),
        ]
    }
    result = audit_rows(catalog, config, rows, date(2027, 1, 20))
    (problem,) = [p for p in result.problems if p.rejects_record]
    assert "2027" in problem.message.en and problem.source.row == 2
    assert violations_of(result, "MEM-10-1") == ["E1"]
    weekends = audit_rows(
        catalog, config, rows, date(2027, 1, 20), **{"calendar.outside_known_years": "weekends"}
    )
    assert violations_of(weekends, "MEM-10-3") == ["E2"]
