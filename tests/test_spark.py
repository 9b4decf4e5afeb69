"""`--backend spark`: the same queries on Spark give byte-identical JSON reports to DuckDB's, on
every demo, with both engines, and on a seeded 10k synthetic dataset; without PySpark or Java the
audit says what to install (exit 2), and the DuckDB path never imports PySpark.

The tests that run Spark share one local[2] session (its start costs most of 20 seconds); they
skip without PySpark or Java, and fail when CI is set (.ci/run installs both)."""

from __future__ import annotations

import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
from checker.audit import audit_dataset
from checker.calendar import WorkingCalendar
from checker.columnar import ColumnarEngine, Measurer, plans_of
from checker.conditions import (
    AUDIT_DATE,
    F,
    P,
    R,
    days,
    months,
    next_working_day,
    related,
    working_day_after,
    working_days_between,
)
from checker.config import CONFIG_FILE_NAME, Config, load
from checker.facts import FACT_KINDS, Fact, RecordRef, Subject
from checker.formats import render
from checker.loading import Loaded, Source, input_options, load_dataset
from checker.records.member import Mandate
from checker.report import build_report
from checker.synthetic import generate
from tests.conftest import DEMO, ROOT, in_ci

DEMOS = sorted(p.parent for p in (ROOT / "fixtures").rglob(CONFIG_FILE_NAME))
MASTER = "local[2]"


def _missing() -> str | None:
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is missing (pip install -e '.[spark]'; .ci/run installs it)"
    home = os.environ.get("JAVA_HOME")
    if not (shutil.which("java") if not home else Path(home, "bin", "java").is_file()):
        return "java is missing (Debian package openjdk-17-jre-headless; .ci/run installs it)"
    return None


@pytest.fixture(scope="module")
def spark():
    """This module's one Spark session, started before the first test that needs it."""
    reason = _missing()
    if reason:
        pytest.fail(reason) if in_ci() else pytest.skip(reason)
    from checker.spark import backend_for

    backend = backend_for(MASTER)
    backend.session()
    return backend


def json_reports(dataset, catalog, config: Config, engine: str) -> dict[str, str]:
    """The JSON report of each backend, in Chinese (the primary language), as `-f json` writes."""
    out = {}
    for backend in ("duckdb", "spark"):
        chosen = config.with_values(
            {"audit.engine": engine, "audit.backend": backend, "audit.spark_master": MASTER}, "test"
        )
        result = audit_dataset(dataset, catalog, chosen, chosen["audit.as_of"])
        out[backend] = render("json", build_report(result, "zh"), "zh")
    return out


@pytest.mark.parametrize("folder", DEMOS, ids=lambda p: str(p.relative_to(ROOT / "fixtures")))
def test_every_demo_fast(spark, folder, catalog):
    config = load(catalog.parameters.values(), [folder / CONFIG_FILE_NAME])
    both = json_reports(load_dataset([folder], input_options(config)), catalog, config, "fast")
    assert both["spark"] == both["duckdb"]
    assert json.loads(both["spark"])["violations"], "a demo violates its rules"


def test_the_durable_engine_on_the_demo(spark, catalog):
    config = load(catalog.parameters.values(), [DEMO / CONFIG_FILE_NAME])
    both = json_reports(load_dataset([DEMO], input_options(config)), catalog, config, "durable")
    assert both["spark"] == both["duckdb"]


def test_a_generated_dataset_of_10k_records(spark, tmp_path, catalog, config):
    generated = generate(tmp_path, 10_000, seed=15, catalog=catalog, base=config)
    dataset = load_dataset([tmp_path], input_options(generated.config))
    both = json_reports(dataset, catalog, generated.config, "fast")
    assert both["spark"] == both["duckdb"]
    assert json.loads(both["spark"])["summary"]["records"]["audited"] == generated.records


def test_the_command_line(spark, tmp_path):
    """`compliance audit --backend spark --spark-master`: the same bytes as without it (on a
    small demo: a query costs Spark a tenth of a second or more)."""
    folder = ROOT / "fixtures" / "demo-service" / "gps"
    runner = CliRunner()
    for name, options in [
        ("duckdb", []),
        ("spark", ["--backend", "spark", "--spark-master", MASTER]),
    ]:
        out = tmp_path / f"{name}.json"
        result = runner.invoke(
            cli.main, ["audit", str(folder), "-q", "-f", f"json:{out}", *options]
        )
        assert result.exit_code == 1, result.output  # the demo violates its rules
    assert (tmp_path / "spark.json").read_bytes() == (tmp_path / "duckdb.json").read_bytes()


def test_another_master_in_the_same_process_is_refused(spark):
    from checker.spark import SparkUnavailable, backend_for

    with pytest.raises(SparkUnavailable, match="local\\[1\\]"):
        backend_for("local[1]").session()


# --------------------------------------------------------------------------- without Spark


def _audit(*options: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    code = "import sys, cli; sys.argv[0] = 'compliance'; cli.main()"
    return subprocess.run(
        [sys.executable, "-c", code, "audit", str(DEMO), "-q", *options],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
    )


def test_without_pyspark_the_audit_says_what_to_install(tmp_path):
    # A folder on the path whose `pyspark` cannot be imported stands for an install without it.
    (tmp_path / "pyspark").mkdir()
    (tmp_path / "pyspark" / "__init__.py").write_text("raise ImportError('no pyspark')\n")
    found = _audit("--backend", "spark", env={"PYTHONPATH": f"{tmp_path}:{ROOT}"})
    assert found.returncode == 2, found.stderr
    assert "pip install -e '.[spark]'" in found.stderr
    assert "Traceback" not in found.stderr


def test_without_java_the_audit_says_so(tmp_path):
    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("pyspark is missing: the audit stops at PySpark first")
    found = _audit("--backend", "spark", env={"JAVA_HOME": str(tmp_path)})
    assert found.returncode == 2, found.stderr
    assert "Java 17" in found.stderr and str(tmp_path) in found.stderr
    assert "Traceback" not in found.stderr


def test_the_duckdb_backend_never_imports_pyspark(tmp_path):
    code = (
        "import sys, cli\n"
        "try:\n"
        f"    cli.main(['audit', {str(DEMO)!r}, '-q', '-f', 'json:{tmp_path / 'r.json'}'])\n"
        "except SystemExit as done:\n"
        "    assert done.code == 1, done.code\n"
        "assert 'pyspark' not in sys.modules\n"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert found.returncode == 0, found.stderr


# --------------------------------------------------------------------------- computed operands

# No rule reads a computed operand yet (the regulations move to them one by one): these checks
# use every kind of one, so that the working days, date offsets, arithmetic and the audit date
# are measured on both backends, around holidays, make-up workdays, year ends and a year the
# calendar cannot place.
AS_OF = date(2026, 3, 16)
_MANDATES = related("Mandate", member_id=F.member_id)
_TEAM_DAYS = P("member.team_change_report_working_days")
COMPUTED = {
    "ChangeEvent": [
        F.reported_date.or_else(AUDIT_DATE) > working_day_after(F.occurred_date, 10),
        working_days_between(F.occurred_date, F.reported_date) > _TEAM_DAYS,
        F.reported_date <= working_day_after(F.known_date, _TEAM_DAYS),
        next_working_day(F.known_date) == F.reported_date,
        F.reported_date > F.occurred_date + days(30),
        F.decided_date - months(1) < F.occurred_date,
        (F.reported_date > F.occurred_date + days(15)) & ~(F.amount_cny > 100_000),
        F.amount_cny * 2 + F.amount_cny >= 150_000,
        F.decided_date + months(_TEAM_DAYS) < AUDIT_DATE,
    ],
    "Trade": [
        _MANDATES.count() >= 2,
        _MANDATES.where(R.valid_from <= F.trade_date).last(R.valid_to, by=(R.valid_from,))
        < F.trade_date,
        _MANDATES.where(R.valid_to.is_null() | (R.valid_to >= F.trade_date)).first(
            R.mandate_id, by=(R.valid_to,)
        )
        == "W3",
        F.trader_id.is_in(P("member.restricted_financial_products")),
        F.amount_cny.percent(33) > Decimal("0.01"),
        (F.trade_date - AUDIT_DATE) // 7 < -10,
    ],
    "LeaveRequest": [
        F.days + F.limit_days > Decimal("5.5"),
        F.days_over_limit * 2 >= F.days,
        F.end_date > F.start_date + days(F.days_ahead),
        working_days_between(F.start_date, F.end_date) < F.days,
        F.submitted_at.is_null() | (F.start_date < AUDIT_DATE - days(F.days_ahead)),
    ],
}
_DAYS = [
    None,
    *(date(2025, 9, 26) + timedelta(days=n) for n in range(16)),  # National Day, make-up days
    *(date(2025, 12, 29) + timedelta(days=n) for n in range(6)),  # a year's end
    date(2024, 2, 29),
    date(2026, 12, 31),  # the last day of the calendar's last year
    date(2027, 1, 4),  # a year the calendar cannot place
    date(2004, 1, 1),
]


def _computed_rules(catalog) -> list:
    rule = next(iter(catalog.rules.values()))
    return [
        replace(
            rule,
            id=f"SPARK-{kind}",
            checks=tuple(replace(rule.checks[0], kind=kind, when=when) for when in conditions),
        )
        for kind, conditions in COMPUTED.items()
    ]


def _computed_facts(count: int, seed: int) -> list[Fact]:
    draw = random.Random(seed)
    facts = []
    for number in range(count):
        kind = draw.choice(sorted(COMPUTED))
        values: dict = {}
        for name, spec in FACT_KINDS[kind].fields.items():
            pool = {
                "date": _DAYS,
                "datetime": [None, datetime(2025, 12, 31, 23, 59, 59), datetime(2026, 1, 1)],
                "money": [None, Decimal("0.01"), Decimal("50000.00"), Decimal("100000.00")],
                "decimal": [None, Decimal("0.5"), Decimal("2.5"), Decimal("5.000001")],
                "int": [None, 0, 1, 10, 15, 30],
            }.get(spec.type, [None])
            values[name] = draw.choice(pool)
        if kind == "Trade":
            values["member_id"] = draw.choice(["M1", "M2", "M3"])
            values["trader_id"] = draw.choice(["黄金", "T1", None])
        ref = RecordRef(kind, f"K{number}", Source("spark", number))
        facts.append(Fact(kind, f"K{number}", ref, Subject("t", f"S{number}", None), values, AS_OF))
    return facts


def _mandates(count: int, seed: int) -> dict[str, list[Loaded]]:
    draw = random.Random(seed)
    mandates = [
        Mandate(
            mandate_id=f"W{number % 5}",  # ties in every order
            member_id=draw.choice(["M1", "M2"]),
            trader_id="T1",
            valid_from=draw.choice([d for d in _DAYS if d]),
            valid_to=draw.choice(_DAYS),
        )
        for number in range(count)
    ]
    return {"Mandate": [Loaded(m, Source("mandates", n + 2)) for n, m in enumerate(mandates)]}


@pytest.mark.parametrize("team_days", [1, 250])
def test_computed_operands_measure_the_same_on_both_backends(spark, catalog, config, team_days):
    """The fast engine's matches and unplaced rows, and the measured rows the durable engine
    reads (every computed column), are the same on Spark as on DuckDB."""
    rules = _computed_rules(catalog)
    plans = plans_of(rules)
    facts = _computed_facts(600, seed=team_days)
    records = _mandates(40, seed=team_days)
    calendar = WorkingCalendar()
    found = {}
    for backend in ("duckdb", "spark"):
        chosen = config.with_values(
            {
                "audit.backend": backend,
                "audit.spark_master": MASTER,
                "member.team_change_report_working_days": team_days,
            },
            "test",
        )
        evaluation = ColumnarEngine(rules).evaluate(facts, chosen, calendar, AS_OF, records)
        # An error equals only itself: the calendar's reasons are compared as text.
        unplaced = [(u.fact_index, str(u.error)) for u in evaluation.unplaced]
        measured = Measurer(plans, chosen, calendar, AS_OF).run(facts, "rows", records)
        found[backend] = (evaluation.matches, unplaced, {p.kind: rows for p, rows in measured})
    matches, unplaced, measured = found["duckdb"]
    assert found["spark"][:2] == (matches, unplaced)
    for kind, rows in measured.items():
        theirs = found["spark"][2][kind]
        assert theirs["_fact"].to_pylist() == sorted(theirs["_fact"].to_pylist()), kind
        assert theirs.schema == rows.schema, (kind, set(theirs.schema) ^ set(rows.schema))
        differ = [name for name in rows.column_names if not theirs[name].equals(rows[name])]
        assert not differ, (kind, differ)
    assert matches and unplaced, "the facts reach both matches and unplaced rows"
