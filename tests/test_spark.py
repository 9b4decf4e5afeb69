"""`--backend spark`: the same queries on Spark give byte-identical JSON reports to DuckDB's, on
every demo, with both engines, and on a seeded 10k synthetic dataset; without PySpark or Java the
audit says what to install (exit 2), and the DuckDB path never imports PySpark.

The tests that run Spark share one local[2] session (its start costs most of 20 seconds); they
skip without PySpark or Java, and fail when CI is set (.ci/run installs both)."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
from checker.audit import audit_dataset
from checker.config import CONFIG_FILE_NAME, Config, load
from checker.formats import render
from checker.loading import input_options, load_dataset
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
    """`compliance audit --backend spark --spark-master`: the same bytes as without it."""
    runner = CliRunner()
    for name, options in [
        ("duckdb", []),
        ("spark", ["--backend", "spark", "--spark-master", MASTER]),
    ]:
        out = tmp_path / f"{name}.json"
        result = runner.invoke(cli.main, ["audit", str(DEMO), "-q", "-f", f"json:{out}", *options])
        assert result.exit_code == 1, result.output  # the demo violates its rules
    assert (tmp_path / "spark.json").read_bytes() == (tmp_path / "duckdb.json").read_bytes()


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
