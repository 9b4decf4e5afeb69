"""The `compliance` command line.

Exit codes (never renumbered): 0 no violation at or above --fail-on; 1 violations at or above it;
2 usage error or unusable input (a missing file, an unknown kind, every record rejected, an output
onto an input or that cannot be written, out of memory); 3 internal error.
"""

from __future__ import annotations

import functools
import json
import os
import re
import string
import sys
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import click
from pydantic import BaseModel
from tabulate import tabulate

from checker import __version__
from checker.audit import AuditResult, run_audit
from checker.baseline import BaselineError, baseline_document, load_baseline
from checker.calendar import CalendarError
from checker.catalog import REASON_CATEGORIES, Catalog, RuleError, catalogue_ids, load_catalog
from checker.config import CONFIG_FILE_NAME, Config, ConfigError, load
from checker.contract import data_contract
from checker.derived import derived_read
from checker.engine import EngineError
from checker.facts import FACT_KINDS
from checker.fixtures import (
    FIXTURE_DIR,
    FixtureError,
    fixture_path,
    read_fixture,
    run_fixture,
)
from checker.formats import BINARY_FORMATS, FORMATS
from checker.formats import render as render_format
from checker.history import (
    DATABASE_NAME,
    HistoryError,
    default_database,
    diff_runs,
    list_runs,
    record_run,
)
from checker.i18n import SEVERITY_LABELS, WAIVER_STATES, Lang, label
from checker.loading import Dataset, Problem, input_options, load_dataset, rejected_rows
from checker.outputs import Target, check_targets
from checker.records import KINDS
from checker.rejected import RejectedFileError, write_rejected
from checker.report import Gate, build_report, penalty_out, report_schema, withholding
from checker.rules import SEVERITIES, Check, Rule, citation
from checker.safety import OutputError, write_atomically
from checker.spark import SparkUnavailable, require_spark
from checker.statement import build_statement, render_statement
from checker.table import gate_line, penalty_text
from checker.validation import build_validation, render_validation, validation_schema
from checker.waivers import WaiverError, load_waivers

EXIT_OK, EXIT_VIOLATIONS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
DEFAULT_CATALOGUE = Path(__file__).resolve().parent.parent / "shared" / "catalogue.md"
REVEAL_TITLES = click.option(
    "--reveal-titles",
    is_flag=True,
    help="Show the titles and contents of 绝密 and 机密 items, withheld by default "
    "/ 显示绝密、机密事项的标题和内容",
)
LANG = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Language of the report / 报告语言",
)


TABLE_OR_JSON = click.option(
    "--format",
    "-f",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)


class UsageProblem(Exception):
    """Bad input from the user: reported and exit code 2."""


def guarded(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn known failures into clear messages and stable exit codes, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (
            UsageProblem,
            ConfigError,
            CalendarError,
            FixtureError,
            WaiverError,
            BaselineError,
            HistoryError,
            OutputError,
            SparkUnavailable,
        ) as error:
            click.echo(f"错误 error: {error}", err=True)
            sys.exit(EXIT_USAGE)
        except MemoryError:
            # Not a bug of the checker: the input is larger than this machine's memory.
            click.echo(
                "错误 error: 内存不足，无法处理这么大的输入；请把数据拆分成几部分分别审计 / "
                "out of memory: the input is too large for this machine; split it into parts "
                "and audit each",
                err=True,
            )
            sys.exit(EXIT_USAGE)
        except (RuleError, EngineError) as error:
            click.echo(f"内部错误 internal error: {error}", err=True)
            sys.exit(EXIT_INTERNAL)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as error:
            if os.environ.get("COMPLIANCE_DEBUG"):
                traceback.print_exc()  # then the same exit code as without it
                sys.exit(EXIT_INTERNAL)
            click.echo(
                f"内部错误 internal error: {type(error).__name__}: {error} "
                "(set COMPLIANCE_DEBUG=1 for the traceback)",
                err=True,
            )
            sys.exit(EXIT_INTERNAL)

    return wrapper


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageProblem(f"--as-of {value!r} is not a date (YYYY-MM-DD)") from None


def config_files(paths: tuple[Path, ...], explicit: Path | None) -> list[Path]:
    """compliance.toml beside the dataset (first found), then the --config file."""
    files: list[Path] = []
    for path in paths:
        folder = path if path.is_dir() else path.parent
        candidate = folder / CONFIG_FILE_NAME
        if candidate.is_file():
            files.append(candidate)
            break
    if explicit is not None:
        if not explicit.is_file():
            raise UsageProblem(f"--config {explicit}: no such file")
        files.append(explicit)
    return files


def effective_config(
    catalog: Catalog, paths: tuple[Path, ...], explicit: Path | None, overrides: dict[str, Any]
) -> Config:
    config = load(
        catalog.parameters.values(),
        config_files(paths, explicit),
        {k: v for k, v in overrides.items() if v is not None},
    )
    unknown_regulations = set(config["audit.regulations"] or ()) - set(catalog.regulations)
    if unknown_regulations:
        raise UsageProblem(
            f"{config.sources['audit.regulations']}: unknown regulation(s) "
            f"{', '.join(sorted(unknown_regulations))}; known: "
            f"{', '.join(catalog.regulations)}"
        )
    unknown_rules = set(config["audit.disabled_rules"]) - set(catalog.rules)
    if unknown_rules:
        raise UsageProblem(
            f"{config.sources['audit.disabled_rules']}: unknown rule(s) "
            f"{', '.join(sorted(unknown_rules))}"
        )
    return config


def dataset_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--encoding, --db and --rejected: how the commands that read a dataset read it."""
    options = (
        click.option(
            "--encoding",
            help="Encoding of CSV and JSON files, e.g. gb18030 (default: detect UTF-8, UTF-8 "
            "with BOM, GB18030/GBK) / 文本文件编码",
        ),
        click.option(
            "--db",
            envvar="COMPLIANCE_DB",
            metavar="URL",
            help="Also read a PostgreSQL database, postgresql://user@host/db (or $COMPLIANCE_DB); "
            "a table or query per kind in [database] of the configuration / 读取数据库",
        ),
        click.option(
            "--rejected",
            "rejected_file",
            type=click.Path(path_type=Path),
            help="Write the rejected rows as read, with the reasons, to FILE.xlsx, FILE.csv or a "
            "folder, to fix and re-run / 导出被拒绝的记录",
        ),
    )
    for option in reversed(options):
        command = option(command)
    return command


def check_dataset_arguments(paths: tuple[Path, ...], db: str | None) -> None:
    if not paths and db is None:
        raise UsageProblem("give a dataset (a folder or files) or --db URL")
    if db is not None and not db.startswith(("postgresql://", "postgres://")):
        raise UsageProblem("--db takes a postgresql:// URL (give an SQLite file as a path)")


def rejected_target(path: Path) -> Target:
    """--rejected FILE.xlsx, FILE.csv, or a folder (see checker.rejected)."""
    return Target("--rejected", path, folder=path.suffix.lower() not in (".xlsx", ".csv"))


def check_outputs(
    targets: list[Target],
    paths: tuple[Path, ...],
    config_file: Path | None,
    *read: Path | None,
) -> None:
    """Before anything is read or written: no output onto an input, none it cannot write."""
    read_files = [*config_files(paths, config_file), *(p for p in read if p is not None)]
    check_targets(targets, paths, read_files)


SHOWN_PROBLEMS = 10  # of a failed audit, on standard error: validate lists them all


def audit_or_stop(
    paths: tuple[Path, ...],
    db: str | None,
    catalog: Catalog,
    config: Config,
    lang: Lang,
    reveal_titles: bool,
    rejected_file: Path | None,
    quiet: bool,
    instead: str,
) -> AuditResult:
    """The audit of the dataset; exit 2 when an input is unusable or nothing could be audited."""
    result = run_audit(list(paths), catalog, config, config["audit.as_of"] or date.today(), db)
    if result.fatal:
        for problem in result.dataset.fatal:
            click.echo(f"错误 error: {problem.source}: {problem.message(lang)}", err=True)
        sys.exit(EXIT_USAGE)
    if result.dataset.read == 0 or result.audited == 0:
        nothing_audited(result, config, lang, reveal_titles, rejected_file, quiet, instead)
    return result


def nothing_audited(
    result: AuditResult,
    config: Config,
    lang: Lang,
    reveal_titles: bool,
    rejected_file: Path | None,
    quiet: bool,
    instead: str,
) -> NoReturn:
    """Exit 2, writing no report: an empty report would read as a pass. Why, on standard error,
    and the rejected rows to --rejected: they are what to fix."""
    if rejected_file is not None:
        save_rejected(
            rejected_file, result.dataset, result.problems, config, lang, reveal_titles, quiet
        )
    withhold = withholding(result.dataset, config, lang, reveal_titles)
    lines = [f"{p.source}: {p.message(lang)}" for p in result.problems if p.rejects_record]
    for line in (withhold(lines) if withhold else lines)[:SHOWN_PROBLEMS]:
        click.echo(f"  {line}", err=True)
    if len(lines) > SHOWN_PROBLEMS:
        click.echo(
            f"  … 另有 {len(lines) - SHOWN_PROBLEMS} 项（compliance validate 列出全部）"
            if lang == "zh"
            else f"  … {len(lines) - SHOWN_PROBLEMS} more (compliance validate lists them all)",
            err=True,
        )
    click.echo(f"错误 error: 没有可审计的记录，{instead}", err=True)
    sys.exit(EXIT_USAGE)


def save_rejected(
    path: Path,
    dataset: Dataset,
    problems: list[Problem],
    config: Config,
    lang: Lang,
    reveal_titles: bool,
    quiet: bool = False,
) -> None:
    withhold = withholding(dataset, config, lang, reveal_titles)
    try:
        written = write_rejected(path, dataset, problems, lang, withhold)
    except RejectedFileError as error:
        raise UsageProblem(str(error)) from None
    except OSError as error:
        raise UsageProblem(f"--rejected {path}: {error.strerror or error}") from None
    rows = sum(len(lost) for lost in rejected_rows(problems).values())
    if not quiet:
        click.echo(f"{', '.join(map(str, written)) or path}: {rows} rejected rows", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="compliance")
def main() -> None:
    """合规检查：按制度条款审计数据并报告违规及处罚。

    Rules-as-code compliance checker: audits records against regulations and reports every
    violation with its article and penalty.
    """


# --------------------------------------------------------------------------- audit


@dataclass(frozen=True)
class Output:
    format: str
    path: Path | None  # None: standard output


def parse_outputs(specs: tuple[str, ...], output: Path | None) -> list[Output]:
    """`-f FORMAT[:PATH]` as given (default: the table); `--output` names the one without a path."""
    outputs = []
    for spec in specs or ("table",):
        name, _, path = spec.partition(":")
        if name not in FORMATS:
            raise UsageProblem(
                f"--format {spec}: unknown format {name!r}; known: {', '.join(FORMATS)} "
                "(FORMAT or FORMAT:PATH)"
            )
        outputs.append(Output(name, Path(path) if path and path != "-" else None))
    to_stdout = [o for o in outputs if o.path is None]
    if output is not None:
        if len(to_stdout) != 1:
            raise UsageProblem(
                "--output FILE is the file of the one format given without a path "
                "(-f json --output report.json); give the others FORMAT:PATH"
            )
        outputs[outputs.index(to_stdout[0])] = Output(to_stdout[0].format, output)
    elif len(to_stdout) > 1:
        raise UsageProblem(
            "at most one format goes to standard output; give the others a path, e.g. "
            "-f junit:out/junit.xml"
        )
    for o in outputs:
        if o.path is None and o.format in BINARY_FORMATS:
            raise UsageProblem(f"--format {o.format} needs a path: -f {o.format}:report.{o.format}")
    paths = [o.path.resolve() for o in outputs if o.path is not None]
    if len(paths) != len(set(paths)):
        raise UsageProblem("two formats name the same file")
    return outputs


_GATE_OPTIONS = {"audit.fail_on_rules": "--fail-on-rule", "audit.ignore_rules": "--ignore-rule"}


def _gate_rules(catalog: Catalog, config: Config, key: str) -> frozenset[str]:
    """The rules a gate list names (from its option, or else the configuration), by rule id."""
    rules = {rule_id: catalog.find(rule_id) for rule_id in config[key]}
    unknown = sorted(rule_id for rule_id, rule in rules.items() if rule is None)
    if unknown:
        source = config.sources[key]
        where = _GATE_OPTIONS[key] if source == "command line" else f"{source}: {key}"
        raise UsageProblem(f"{where} {', '.join(unknown)}: unknown rule" + "s" * (len(unknown) > 1))
    return frozenset(rule.id for rule in rules.values() if rule is not None)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, readable=False))
@click.option(
    "--format",
    "-f",
    "formats",
    multiple=True,
    metavar="FORMAT[:PATH]",
    help=f"Report format, repeatable: {', '.join(FORMATS)}; with :PATH written to that file, "
    "else to standard output (one at most). Default: table / 报告格式",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the format given without a path to this file",
)
@LANG
@click.option("--as-of", "as_of", help="Audit date YYYY-MM-DD (default: today) / 审计日期")
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    help=f"Configuration file (after {CONFIG_FILE_NAME} beside the dataset)",
)
@click.option(
    "--fail-on",
    type=click.Choice([*SEVERITIES, "never"]),
    help="Lowest severity that makes the exit code 1 (default: any violation)",
)
@click.option(
    "--fail-on-rule",
    "fail_on_rules",
    multiple=True,
    metavar="RULE_ID",
    help="Findings of this rule fail the audit whatever their severity (repeatable)",
)
@click.option(
    "--ignore-rule",
    "ignore_rules",
    multiple=True,
    metavar="RULE_ID",
    help="Findings of this rule are reported but never fail the audit (repeatable)",
)
@click.option(
    "--waivers",
    "waivers_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Waivers file (YAML or TOML) / 豁免清单",
)
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Fail only on findings not in this baseline",
)
@click.option(
    "--write-baseline",
    "write_baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Record today's findings as a baseline file",
)
@click.option(
    "--record-to",
    "record_to",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="[PATH]",
    help=f"Record the audit in a history database (alone: {DATABASE_NAME} beside the dataset, "
    "or the user's data folder)",
)
@click.option("--quiet", "-q", is_flag=True, help="No table and no summary line; errors only")
@REVEAL_TITLES
@dataset_options
@click.option(
    "--engine",
    type=click.Choice(["fast", "durable"]),
    help="Rule engine (default: fast); both give identical reports / 规则引擎",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Worker processes of the durable engine above 20,000 facts (default: one per core)",
)
@click.option(
    "--backend",
    type=click.Choice(["duckdb", "spark"]),
    help="Where the conditions run (default: duckdb); spark needs the spark extra and Java / "
    "条件运行的位置",
)
@click.option(
    "--spark-master",
    "spark_master",
    metavar="URL",
    help="The Spark master with --backend spark (default: local[2])",
)
@guarded
def audit(
    paths: tuple[Path, ...],
    formats: tuple[str, ...],
    output: Path | None,
    lang: Lang,
    as_of: str | None,
    config_file: Path | None,
    fail_on: str | None,
    fail_on_rules: tuple[str, ...],
    ignore_rules: tuple[str, ...],
    waivers_file: Path | None,
    baseline_file: Path | None,
    write_baseline: Path | None,
    record_to: str | None,
    quiet: bool,
    reveal_titles: bool,
    encoding: str | None,
    db: str | None,
    rejected_file: Path | None,
    engine: str | None,
    workers: int | None,
    backend: str | None,
    spark_master: str | None,
) -> None:
    """Audit a dataset (a folder, files one by one, a database) / 审计数据集。"""
    check_dataset_arguments(paths, db)
    catalog = load_catalog()
    outputs = parse_outputs(formats, output)
    config = effective_config(
        catalog,
        paths,
        config_file,
        {
            "audit.as_of": _parse_date(as_of),
            "audit.fail_on": fail_on,
            "audit.fail_on_rules": list(fail_on_rules) or None,  # given: instead of the file's
            "audit.ignore_rules": list(ignore_rules) or None,
            "input.encoding": encoding,
            "audit.engine": engine,
            "audit.workers": workers,
            "audit.backend": backend,
            "audit.spark_master": spark_master,
        },
    )
    if config["audit.backend"] == "spark":
        require_spark()  # before the dataset is read, not after
    gate = Gate(
        fail_on=config["audit.fail_on"],
        fail_on_rules=_gate_rules(catalog, config, "audit.fail_on_rules"),
        ignore_rules=_gate_rules(catalog, config, "audit.ignore_rules"),
    )
    both = gate.fail_on_rules & gate.ignore_rules
    if both:
        raise UsageProblem(
            "fail_on_rules (--fail-on-rule) and ignore_rules (--ignore-rule) both name "
            + ", ".join(sorted(both))
        )
    waivers = load_waivers(waivers_file, catalog) if waivers_file else None
    baseline = load_baseline(baseline_file) if baseline_file else None
    database = None if record_to is None else Path(record_to or default_database(paths))
    targets = [
        Target("--output" if out.path == output else f"--format {out.format}", out.path)
        for out in outputs
        if out.path is not None
    ]
    targets += [Target("--write-baseline", write_baseline)] if write_baseline else []
    targets += [Target("--record-to", database)] if database else []
    targets += [rejected_target(rejected_file)] if rejected_file else []
    # --write-baseline may replace the --baseline it was given: that updates the baseline.
    same_baseline = bool(
        baseline_file and write_baseline and baseline_file.resolve() == write_baseline.resolve()
    )
    check_outputs(
        targets, paths, config_file, waivers_file, None if same_baseline else baseline_file
    )
    # No report, no baseline and no history of a failed audit.
    result = audit_or_stop(
        paths,
        db,
        catalog,
        config,
        lang,
        reveal_titles,
        rejected_file,
        quiet,
        "未写出报告 / no record could be audited; no report written",
    )
    report = build_report(
        result, lang, gate=gate, waivers=waivers, baseline=baseline, reveal_titles=reveal_titles
    )
    # What is kept for later (a baseline, the history) never holds secret titles.
    kept = (
        build_report(result, lang, gate=gate, waivers=waivers, baseline=baseline)
        if reveal_titles and (write_baseline is not None or record_to is not None)
        else report
    )
    for out in outputs:
        if out.path is not None:
            write_atomically(out.path, render_format(out.format, report, lang))
        elif formats or not quiet:  # the default table is not printed with --quiet
            click.echo(render_format(out.format, report, lang), nl=False)
    if write_baseline is not None:
        write_atomically(write_baseline, baseline_document(kept))
    if database is not None:
        run_id = record_run(database, kept, config, list(paths))
        if not quiet:
            click.echo(f"{database}: run {run_id}", err=True)
    for waiver in [] if quiet else report.waivers:
        if waiver.state not in ("active", "not_yet_approved"):
            click.echo(
                f"! {waiver.source} {waiver.id} ({waiver.rule_id}): "
                f"{WAIVER_STATES[waiver.state](lang)}",
                err=True,
            )
    if not quiet:
        click.echo(gate_line(report, lang), err=True)
    if rejected_file is not None:
        save_rejected(
            rejected_file, result.dataset, result.problems, config, lang, reveal_titles, quiet
        )
    if report.gate is not None and not report.gate.passed:
        sys.exit(EXIT_VIOLATIONS)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, readable=False))
@click.option("--month", required=True, help="Month of the statement, YYYY-MM / 月份")
@click.option("--employee", help="One employee's statement / 只看某员工")
@TABLE_OR_JSON
@LANG
@click.option("--as-of", "as_of", help="Audit date YYYY-MM-DD (default: today) / 审计日期")
@click.option("--config", "config_file", type=click.Path(path_type=Path))
@REVEAL_TITLES
@dataset_options
@guarded
def statement(
    paths: tuple[Path, ...],
    month: str,
    employee: str | None,
    output_format: str,
    lang: Lang,
    as_of: str | None,
    config_file: Path | None,
    reveal_titles: bool,
    encoding: str | None,
    db: str | None,
    rejected_file: Path | None,
) -> None:
    """Monthly penalty statement per employee / 员工月度处罚明细。

    Audits the dataset as `audit` does, then lists per employee the month's violations, points,
    fines, measures and the amount to deduct from that month's pay.
    """
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
        raise UsageProblem(f"--month {month!r} is not YYYY-MM")
    check_dataset_arguments(paths, db)
    catalog = load_catalog()
    config = effective_config(
        catalog, paths, config_file, {"audit.as_of": _parse_date(as_of), "input.encoding": encoding}
    )
    check_outputs([rejected_target(rejected_file)] if rejected_file else [], paths, config_file)
    result = audit_or_stop(
        paths,
        db,
        catalog,
        config,
        lang,
        reveal_titles,
        rejected_file,
        False,
        "未出明细 / no record could be audited; no statement",
    )
    report = build_report(result, lang, reveal_titles=reveal_titles)
    sheet = build_statement(report, month, employee)
    if output_format == "json":
        click.echo(json.dumps(sheet.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        click.echo(render_statement(sheet, lang))
    if rejected_file is not None:
        save_rejected(rejected_file, result.dataset, result.problems, config, lang, reveal_titles)


# --------------------------------------------------------------------------- validate


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, readable=False))
@TABLE_OR_JSON
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the result to this file instead of standard output",
)
@click.option("--config", "config_file", type=click.Path(path_type=Path))
@LANG
@dataset_options
@REVEAL_TITLES
@guarded
def validate(
    paths: tuple[Path, ...],
    output_format: str,
    output: Path | None,
    config_file: Path | None,
    lang: Lang,
    encoding: str | None,
    db: str | None,
    rejected_file: Path | None,
    reveal_titles: bool,
) -> None:
    """Check a dataset against the data contract, without auditing / 按数据规范校验数据。

    Lists every problem at once (file, sheet, row, column, value, reason) and, per input, the
    rows read, valid and rejected. Exit code 0: no problem; 1: some rows rejected; 2: an input
    unusable or no valid row.
    """
    check_dataset_arguments(paths, db)
    catalog = load_catalog()
    config = effective_config(catalog, paths, config_file, {"input.encoding": encoding})
    targets = [Target("--output", output)] if output else []
    targets += [rejected_target(rejected_file)] if rejected_file else []
    check_outputs(targets, paths, config_file)
    dataset = load_dataset(list(paths), input_options(config), db)
    report = build_validation(dataset, config, lang, reveal_titles)
    text = (
        json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
        if output_format == "json"
        else render_validation(report, lang) + "\n"
    )
    if output is not None:
        write_atomically(output, text)
        summary = report.summary
        click.echo(f"{output}: {summary.read} records, {summary.rejected} rejected")
    else:
        click.echo(text, nl=False)
    if rejected_file is not None:
        save_rejected(rejected_file, dataset, dataset.problems, config, lang, reveal_titles)
    summary = report.summary
    if summary.unusable or summary.valid == 0:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_VIOLATIONS if summary.rejected else EXIT_OK)


# --------------------------------------------------------------------------- history

HISTORY_DB = click.option(
    "--history",
    "database",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The history database (default: the one beside DATASET, or the user's data folder)",
)


def _database(dataset: Path | None, database: Path | None) -> Path:
    return database or default_database([dataset] if dataset else [])


@main.command()
@click.argument("dataset", required=False, type=click.Path(path_type=Path))
@HISTORY_DB
@click.option("--limit", type=click.IntRange(min=1), help="Only the latest N audits")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table")
@LANG
@guarded
def history(
    dataset: Path | None, database: Path | None, limit: int | None, output_format: str, lang: Lang
) -> None:
    """Past audits recorded with audit --record-to, the latest first / 审计历史。"""
    path = _database(dataset, database)
    runs = list_runs(path, limit)
    if output_format == "json":
        click.echo(json.dumps([asdict(r) for r in runs], ensure_ascii=False, indent=2))
        return
    zh = lang == "zh"
    headers = (
        [
            "编号",
            "记录时间(UTC)",
            "审计日期",
            "数据集",
            "记录",
            "拒绝",
            "违规",
            "豁免",
            "门禁",
            "版本",
        ]
        if zh
        else [
            "Run",
            "Recorded (UTC)",
            "As of",
            "Dataset",
            "Records",
            "Rejected",
            "Violations",
            "Waived",
            "Gate",
            "Version",
        ]
    )
    verdicts = {True: "通过" if zh else "passed", False: "未通过" if zh else "failed", None: ""}
    rows = [
        [
            r.id,
            r.recorded_at,
            r.as_of,
            "\n".join(r.datasets),
            r.records_read,
            r.records_rejected,
            r.violations,
            r.waived,
            verdicts[r.passed],
            r.tool_version,
        ]
        for r in runs
    ]
    click.echo(f"{path}")
    click.echo(tabulate(rows, headers=headers, tablefmt="simple"))


@main.command()
@click.argument("first")
@click.argument("second")
@click.argument("dataset", required=False, type=click.Path(path_type=Path))
@HISTORY_DB
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table")
@LANG
@guarded
def diff(
    first: str,
    second: str,
    dataset: Path | None,
    database: Path | None,
    output_format: str,
    lang: Lang,
) -> None:
    """What was fixed, what is new and what persists from run FIRST to run SECOND / 两次审计对比。

    A run is its id (compliance history lists them), latest or previous.
    """
    result = diff_runs(_database(dataset, database), first, second)
    if output_format == "json":
        click.echo(json.dumps(asdict(result), ensure_ascii=False, indent=2))
        return
    zh = lang == "zh"
    sections = (
        ("fixed", "已修复", "Fixed", result.fixed),
        ("new", "新增", "New", result.new),
        ("persisting", "持续存在", "Persisting", result.persisting),
    )
    for _, title_zh, title_en, findings in sections:
        click.echo(f"\n{title_zh if zh else title_en} ({len(findings)})")
        if findings:
            click.echo(
                tabulate(
                    [
                        [
                            f.rule_id,
                            f.citation,
                            f"{f.record_key}\n{f.source}",
                            " ".join(x for x in (f.subject_id, f.subject_name) if x),
                            f.message,
                        ]
                        for f in findings
                    ],
                    headers=["规则", "条款", "记录", "对象", "说明"]
                    if zh
                    else ["Rule", "Article", "Record", "Subject", "Finding"],
                    tablefmt="simple_grid",
                    maxcolwidths=[None, 24, 30, 20, 40],
                )
            )
    for change in result.inputs:
        click.echo(f"! {change.path}: {change.change}")
    b, a = result.before, result.after
    click.echo(
        f"\n{'运行' if zh else 'run'} {b.id} ({b.as_of}) → {a.id} ({a.as_of}): "
        + (
            f"已修复 {len(result.fixed)}，新增 {len(result.new)}，持续 {len(result.persisting)}"
            if zh
            else f"{len(result.fixed)} fixed, {len(result.new)} new, "
            f"{len(result.persisting)} persisting"
        )
    )


# --------------------------------------------------------------------------- rules


@main.group()
def rules() -> None:
    """List, show, test and account for the rules / 规则。"""


def _penalty_summary(rule: Rule, lang: Lang) -> str:
    title = rule.regulation.short_title(lang)
    return penalty_text(
        penalty_out(
            rule.penalty, title, lang, rule.penalty.fine_min_cny, rule.penalty.fine_max_cny
        ),
        lang,
    )


@rules.command("list")
@click.option("--regulation", help="Only this regulation's rules")
@LANG
@guarded
def rules_list(regulation: str | None, lang: Lang) -> None:
    """List the rules: id, article, title, severity, penalty."""
    catalog = load_catalog()
    if regulation is not None and regulation not in catalog.regulations:
        raise UsageProblem(
            f"unknown regulation {regulation}; known: {', '.join(catalog.regulations)}"
        )
    rows = [
        [
            r.id,
            r.article,
            r.title(lang),
            SEVERITY_LABELS[r.severity](lang),
            _penalty_summary(r, lang),
        ]
        for r in catalog.rules.values()
        if regulation in (None, r.regulation.id)
    ]
    headers = (
        ["规则", "条款", "标题", "级别", "处罚"]
        if lang == "zh"
        else ["Rule", "Article", "Title", "Severity", "Penalty"]
    )
    click.echo(
        tabulate(rows, headers=headers, tablefmt="simple", maxcolwidths=[None, None, 36, None, 40])
    )
    click.echo(f"\n{len(rows)} rules")


@rules.command("regulations")
@LANG
@guarded
def rules_regulations(lang: Lang) -> None:
    """The regulations, whether the default profile applies them, and why not."""
    catalog = load_catalog()
    counts = Counter(r.regulation.id for r in catalog.rules.values())
    zh = lang == "zh"
    rows = [
        [
            regulation.id,
            regulation.title(lang),
            regulation.source,
            counts[regulation.id],
            ("是" if zh else "yes") if regulation.default_enabled else ("否" if zh else "no"),
            regulation.profile_note(lang) if regulation.profile_note else "",
        ]
        for regulation in catalog.regulations.values()
    ]
    headers = (
        ["编号", "制度", "出处", "规则数", "默认适用", "说明"]
        if zh
        else ["Id", "Regulation", "Source", "Rules", "Default", "Why not"]
    )
    click.echo(
        tabulate(
            rows, headers=headers, tablefmt="simple", maxcolwidths=[None, 28, 24, None, None, 48]
        )
    )
    click.echo(
        "\n数据集的 compliance.toml 中 [audit] regulations = [...] 选择适用的制度。"
        if zh
        else "\nA dataset's compliance.toml selects regulations with [audit] regulations = [...]."
    )


def _labeler(kind: str, lang: Lang) -> Callable[[str], str]:
    fields = FACT_KINDS[kind].fields

    def label(name: str) -> str:
        if name.startswith("param:"):
            return f"参数[{name[6:]}]" if lang == "zh" else f"param[{name[6:]}]"
        return fields[name].label if lang == "zh" else name

    return label


def _check_fields(check: Check) -> list[str]:
    """The fields a check's condition and messages read."""
    texts = (check.message.zh, check.message.en)
    named = (n for text in texts for _, n, _, _ in string.Formatter().parse(text) if n)
    return [*check.when.fields(), *named]


def rule_data(rule: Rule) -> dict[str, Any]:
    """A rule as data: what `rules show --format json` prints."""
    return {
        "id": rule.id,
        "regulation_id": rule.regulation.id,
        "article": rule.article,
        "citation": rule.citation(),
        "source_line": rule.line,
        "text": rule.text,
        "repaired": rule.repaired,
        "provision": rule.provision or rule.id,
        "title": {"zh": rule.title.zh, "en": rule.title.en},
        "severity": rule.severity,
        "checks": [
            {
                "kind": c.kind,
                "condition": c.when.to_data(),
                "message": {"zh": c.message.zh, "en": c.message.en},
                "severity": c.severity,
                "derived_fields": [
                    {
                        "name": d.name,
                        "label": d.spec.label,
                        "description": d.spec.description,
                        "article": d.article,
                        "expression": d.expression.to_data(),
                    }
                    for d in derived_read(c.kind, _check_fields(c))
                ],
            }
            for c in rule.checks
        ],
        "penalty": penalty_out(
            rule.penalty,
            rule.regulation.short_title("zh"),
            "zh",
            rule.penalty.fine_min_cny,
            rule.penalty.fine_max_cny,
        ).model_dump(mode="json"),
        "readings": [{"zh": r.text.zh, "en": r.text.en, "param": r.param} for r in rule.readings],
        "covers": list(rule.covers),
        "needs_params": list(rule.needs_params),
        "needs_kinds": list(rule.needs_kinds),
        "effective_from": rule.effective_from and rule.effective_from.isoformat(),
        "effective_to": rule.effective_to and rule.effective_to.isoformat(),
        "waivable": rule.waivable,
    }


@rules.command("show")
@click.argument("rule_id")
@LANG
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@guarded
def rules_show(rule_id: str, lang: Lang, output_format: str) -> None:
    """Show one rule: quoted article, condition, penalty, readings and fixtures."""
    catalog = load_catalog()
    rule = catalog.find(rule_id)
    if rule is None:
        entry = catalog.coverage.get(rule_id)
        if entry is not None and entry.reason is not None:
            click.echo(f"{rule_id}: {entry.status} — {entry.reason(lang)}")
            return
        raise UsageProblem(f"unknown rule {rule_id}")
    if output_format == "json":
        click.echo(json.dumps(rule_data(rule), ensure_ascii=False, indent=2))
        return
    zh = lang == "zh"
    lines = [f"{rule.id}  {rule.title(lang)}"]
    if rule.id != rule_id:
        lines.append(f"({rule_id} {'由本规则一并检查' if zh else 'is encoded by this rule'})")
    regulation = rule.regulation
    lines += [
        f"{'制度' if zh else 'Regulation'}: {regulation.title(lang)} ({regulation.id}) — "
        f"{regulation.source}, {'第' if zh else 'line '}{rule.line}{'行' if zh else ''}",
        f"{'条款' if zh else 'Article'}: {rule.citation(lang)}",
        f"{'级别' if zh else 'Severity'}: {SEVERITY_LABELS[rule.severity](lang)}",
        f"{'原文' if zh else 'Text'}:",
        *(f"  {line}" for line in rule.text.splitlines()),
    ]
    if rule.repaired:
        lines.append(f"{label('repaired', lang)}:")
        lines.extend(f"  {line}" for line in rule.repaired.splitlines())
    if rule.provision:
        lines.append(
            f"{'目录条目' if zh else 'Catalogue provision'}: {rule.provision}"
            f"{'（本制度的版本）' if zh else ' (this regulation’s version)'}"
        )
    lines.append(f"{'检查' if zh else 'Checks'}:")
    for number, check in enumerate(rule.checks, start=1):
        kind = FACT_KINDS[check.kind]
        lines.append(
            f"  {number}. [{kind.title(lang)} {check.kind}] "
            f"{check.when.render(_labeler(check.kind, lang), lang)}"
        )
        lines.append(f"     → {check.message(lang)}")
        for derived in derived_read(check.kind, _check_fields(check)):
            expression = derived.expression.render(_labeler(check.kind, lang), lang)
            name = derived.spec.label if zh else derived.name
            lines.append(
                f"     {'派生字段' if zh else 'derived'} {name} = {expression}  [{derived.article}]"
            )
        if check.severity:
            lines.append(f"     ({SEVERITY_LABELS[check.severity](lang)})")
    penalty = rule.penalty
    basis = citation(regulation.short_title(lang), penalty.basis) if penalty.basis else ""
    lines.append(
        " ".join(
            x for x in ("处罚:" if zh else "Penalty:", basis, _penalty_summary(rule, lang)) if x
        )
    )
    if penalty.text:
        lines.append(f"  {'原文' if zh else 'text'}: {penalty.text}")
    if penalty.note:
        lines.append(f"  {penalty.note(lang)}")
    supplied_key = f"penalties.{rule.id}"
    if supplied_key in catalog.parameters:
        note = "原文未规定的处罚可由本单位配置" if zh else "An organisation may set the penalty"
        lines.append(f"  {note}: [{supplied_key}]")
    if rule.readings:
        lines.append(f"{'解读' if zh else 'Readings'}:")
        for reading in rule.readings:
            key = f" [{'配置项' if zh else 'config'} {reading.param}]" if reading.param else ""
            lines.append(f"  - {reading.text(lang)}{key}")
    if rule.covers:
        lines.append(f"{'一并检查' if zh else 'Also encodes'}: {', '.join(rule.covers)}")
    if not rule.waivable:
        lines.append(
            "不可豁免：豁免清单中针对本规则的条目不予采纳"
            if zh
            else "Not waivable: waivers naming this rule are refused"
        )
    if rule.needs_params or rule.needs_kinds:
        lines.append(
            f"{'运行条件' if zh else 'Runs only with'}: "
            f"{', '.join((*rule.needs_params, *rule.needs_kinds))}"
        )
    path = fixture_path(rule.id)
    lines.append(f"{'夹具' if zh else 'Fixtures'}: {path.relative_to(FIXTURE_DIR.parent.parent)}")
    if path.is_file():
        for case in read_fixture(path).cases:
            expected = ", ".join(sorted(case.expect)) or ("无违规" if zh else "no violation")
            lines.append(f"  - {case.name} → {expected}")
    click.echo("\n".join(lines))


@rules.command("test")
@click.argument("rule_ids", nargs=-1)
@guarded
def rules_test(rule_ids: tuple[str, ...]) -> None:
    """Run the per-rule fixtures: expected violations found, missed, or reported wrongly."""
    catalog = load_catalog()
    wanted = list(rule_ids) or list(catalog.rules)
    unknown = [r for r in wanted if r not in catalog.rules]
    if unknown:
        raise UsageProblem(f"unknown rule(s) {', '.join(unknown)}")
    base = load(catalog.parameters.values())
    rows, failed = [], 0
    for rule_id in wanted:
        path = fixture_path(rule_id)
        if not path.is_file():
            rows.append([rule_id, 0, 0, 0, 0, 0, "", f"no fixture {path}"])
            failed += 1
            continue
        results = run_fixture(read_fixture(path), catalog, base)
        fired = set().union(*(r.checks_fired for r in results))
        expected = sum(len(r.case.expect) for r in results)
        found = sum(len(r.found) for r in results)
        missed = sum(len(r.missed) for r in results)
        wrong = sum(len(r.wrong) for r in results)
        problems = [f"{r.case.name}: {'; '.join(r.errors)}" for r in results if r.errors]
        problems += [f"{r.case.name}: missed {sorted(r.missed)}" for r in results if r.missed]
        problems += [f"{r.case.name}: wrong {sorted(r.wrong)}" for r in results if r.wrong]
        failed += bool(problems)
        rows.append(
            [
                rule_id,
                len(results),
                expected,
                found,
                missed,
                wrong,
                f"{len(fired)}/{len(catalog.rules[rule_id].checks)}",
                "ok" if not problems else "\n".join(problems),
            ]
        )
    click.echo(
        tabulate(
            rows,
            headers=[
                "rule",
                "cases",
                "expected",
                "found",
                "missed",
                "wrong",
                "checks fired",
                "result",
            ],
            tablefmt="simple",
            maxcolwidths=[None] * 7 + [60],
        )
    )
    click.echo(f"\n{len(rows) - failed} passed, {failed} failed")
    sys.exit(EXIT_VIOLATIONS if failed else EXIT_OK)


@rules.command("coverage")
@click.option(
    "--catalogue",
    type=click.Path(path_type=Path, dir_okay=False),
    default=lambda: os.environ.get("COMPLIANCE_CATALOGUE", str(DEFAULT_CATALOGUE)),
    help="shared/catalogue.md",
)
@LANG
@guarded
def rules_coverage(catalogue: Path | str, lang: Lang) -> None:
    """Every catalogue provision of the regulations present: encoded, not-checkable or deferred."""
    catalog = load_catalog()
    path = Path(catalogue)
    if not path.is_file():
        raise UsageProblem(f"catalogue not found: {path} (--catalogue or COMPLIANCE_CATALOGUE)")
    ids = [i for i in catalogue_ids(path) if i.split("-")[0] in catalog.prefixes]
    rows = []
    counts: dict[str, dict[str, int]] = {}
    for provision in ids:
        entry = catalog.coverage.get(provision)
        if entry is None:
            status, detail = "deferred", ("尚未分析" if lang == "zh" else "not yet triaged")
        elif entry.status == "encoded":
            status = "encoded"
            parts = [] if entry.rule_id == provision else [f"→ {entry.rule_id}"]
            if entry.variants:  # other regulations' versions of the same duty
                parts.append(f"+ {', '.join(entry.variants)}")
            detail = " ".join(parts)
        else:
            status = entry.status
            category = REASON_CATEGORIES[entry.category](lang) if entry.category else ""
            detail = f"{category}: {entry.reason(lang)}" if entry.reason else category
        part = counts.setdefault(
            provision.split("-")[0], {"encoded": 0, "not-checkable": 0, "deferred": 0}
        )
        part[status] += 1
        rows.append([provision, status, detail])
    stray = sorted(set(catalog.coverage) - set(ids))
    click.echo(
        tabulate(
            rows,
            headers=["id", "status", "rule / reason"],
            tablefmt="simple",
            maxcolwidths=[None, None, 70],
        )
    )
    click.echo()
    for prefix, part in counts.items():  # one line per part of the catalogue: MEM, SAL …
        summary = ", ".join(f"{n} {s}" for s, n in part.items())
        click.echo(f"{prefix}: {summary} of {sum(part.values())}")
    if stray:
        click.echo(f"not in the catalogue: {', '.join(stray)}", err=True)
        sys.exit(EXIT_VIOLATIONS)


# --------------------------------------------------------------------------- schema, config


@main.command()
@click.argument("kind", required=False)
@click.option("--contract", is_flag=True, help="Print the data contract of every kind (Markdown)")
@click.option(
    "--report",
    "report_schema_flag",
    is_flag=True,
    help="Print the JSON Schema of the machine report",
)
@click.option(
    "--validation",
    "validation_schema_flag",
    is_flag=True,
    help="Print the JSON Schema of `validate --format json`",
)
@guarded
def schema(
    kind: str | None, contract: bool, report_schema_flag: bool, validation_schema_flag: bool
) -> None:
    """JSON Schema of a record kind; without KIND, list the kinds."""
    if contract:
        click.echo(data_contract(), nl=False)
        return
    if validation_schema_flag:
        click.echo(json.dumps(validation_schema(), ensure_ascii=False, indent=2))
        return
    if report_schema_flag:
        click.echo(json.dumps(report_schema(), ensure_ascii=False, indent=2))
        return
    if kind is None:
        rows = [
            [name, cls.meta.title.zh, f"{cls.meta.file_stem}.csv"] for name, cls in KINDS.items()
        ]
        click.echo(tabulate(rows, headers=["kind", "名称", "file"], tablefmt="simple"))
        return
    model = KINDS.get(kind) or next(
        (c for c in KINDS.values() if kind in (c.meta.file_stem, c.meta.title.zh)), None
    )
    if model is None:
        raise UsageProblem(f"unknown kind {kind}; known: {', '.join(KINDS)}")
    document = model.model_json_schema(by_alias=False)
    document["description"] = f"{model.meta.title.zh} — {model.meta.title.en}"
    click.echo(json.dumps(document, ensure_ascii=False, indent=2))


@main.group("config")
def config_group() -> None:
    """Configuration / 配置。"""


@config_group.command("show")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, readable=False))
@click.option("--config", "config_file", type=click.Path(path_type=Path))
@LANG
@guarded
def config_show(paths: tuple[Path, ...], config_file: Path | None, lang: Lang) -> None:
    """The effective configuration: each value, its default and where it came from."""
    catalog = load_catalog()
    config = effective_config(catalog, paths, config_file, {})
    rows = []
    unset_penalties = 0
    for key, parameter in config.parameters.items():
        if key.startswith("penalties.") and config[key] is None:
            unset_penalties += 1  # one line for all of them, below
            continue
        rows.append(
            [
                key,
                _show(config[key]),
                _show(parameter.default),
                config.sources[key],
                parameter.description(lang),
            ]
        )
    if unset_penalties:
        rows.append(
            [
                "penalties.<规则编号>" if lang == "zh" else "penalties.<RULE_ID>",
                "",
                "",
                "default",
                (
                    f"{unset_penalties} 条原文未规定处罚的规则可由本单位设定处罚"
                    "（fine_cny 或 fine_min_cny/fine_max_cny、points、measures，须写明 basis）"
                    if lang == "zh"
                    else f"{unset_penalties} rules whose text states no penalty take one from "
                    "the configuration (fine_cny or fine_min_cny/fine_max_cny, points, "
                    "measures, with its basis)"
                ),
            ]
        )
    headers = (
        ["配置项", "当前值", "默认值", "来源", "说明"]
        if lang == "zh"
        else ["key", "value", "default", "source", "description"]
    )
    click.echo(
        tabulate(rows, headers=headers, tablefmt="simple", maxcolwidths=[None, 20, 20, None, 50])
    )


def _show(value: Any) -> str:
    if isinstance(value, BaseModel):
        return ", ".join(
            f"{k}={_show(v)}" for k, v in value.model_dump(exclude_defaults=True).items()
        )
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, dict):  # a table such as secrecy.roles: title=role, …
        return "{" + ", ".join(f"{k}={_show(v)}" for k, v in value.items()) + "}"
    return "" if value is None else str(value)


if __name__ == "__main__":
    main()
