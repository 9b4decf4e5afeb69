"""Audit history: each recorded audit with its configuration, its inputs' checksums and its
findings, in one SQLite file, so past audits can be listed and any two compared.

The database's schema is versioned (SQLite's user_version) and migrated forward when opened;
a database written by a newer version of the checker is refused rather than guessed at.
Everything recorded comes from the report model (and the effective configuration), so what the
report withholds the history does not hold either.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from checker.config import Config
from checker.report import Report
from checker.safety import brief

DATABASE_NAME = ".compliance-history.sqlite"  # beside the dataset; the loader skips dot files

# Each step takes the schema from the version before it to its own; never edit a released step.
MIGRATIONS: tuple[tuple[int, str], ...] = (
    (
        1,
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            recorded_at TEXT NOT NULL,      -- UTC, ISO 8601
            as_of TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            lang TEXT NOT NULL,
            datasets TEXT NOT NULL,         -- JSON list of the paths audited
            config TEXT NOT NULL,           -- JSON: key -> {value, source}
            inputs TEXT NOT NULL,           -- JSON list: path, kind, sha256, records, rejected
            records_read INTEGER NOT NULL,
            records_rejected INTEGER NOT NULL,
            violations INTEGER NOT NULL,
            waived INTEGER NOT NULL
        );
        CREATE TABLE findings (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            fingerprint TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            severity TEXT NOT NULL,
            citation TEXT NOT NULL,
            kind TEXT NOT NULL,
            record_key TEXT NOT NULL,
            source TEXT NOT NULL,
            subject_id TEXT NOT NULL,
            subject_name TEXT,
            date TEXT,
            message TEXT NOT NULL,
            waiver TEXT,                    -- id of the waiver in force, if any
            PRIMARY KEY (run_id, fingerprint)
        );
        """,
    ),
    (
        2,
        # The inputs become rows, so that "which audits read this file?" is a query on its
        # checksum; each run keeps the gate's verdict (unknown for runs recorded before).
        """
        CREATE TABLE inputs (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            kind TEXT,
            sha256 TEXT,
            records INTEGER NOT NULL,
            rejected INTEGER NOT NULL,
            PRIMARY KEY (run_id, path)
        );
        CREATE INDEX inputs_by_checksum ON inputs (sha256);
        INSERT INTO inputs
            SELECT runs.id, json_extract(item.value, '$.path'), json_extract(item.value, '$.kind'),
                   json_extract(item.value, '$.sha256'), json_extract(item.value, '$.records'),
                   json_extract(item.value, '$.rejected')
            FROM runs, json_each(runs.inputs) AS item;
        ALTER TABLE runs DROP COLUMN inputs;
        ALTER TABLE runs ADD COLUMN fail_on TEXT;
        ALTER TABLE runs ADD COLUMN failing INTEGER;
        ALTER TABLE runs ADD COLUMN passed INTEGER;
        CREATE INDEX findings_by_fingerprint ON findings (fingerprint);
        """,
    ),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]


class HistoryError(ValueError):
    """A history database that cannot be used, or a run that is not in it."""


def user_data_folder() -> Path:
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Application Support")
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "compliance"


def default_database(paths: tuple[Path, ...] | list[Path]) -> Path:
    """Beside the (first) dataset when its folder is writable, else in the user's data folder."""
    if paths:
        folder = paths[0] if paths[0].is_dir() else paths[0].parent
        if folder.is_dir() and os.access(folder, os.W_OK):
            return folder / DATABASE_NAME
    return user_data_folder() / "history.sqlite"


def _version(db: sqlite3.Connection, path: Path) -> int:
    ((version,),) = db.execute("PRAGMA user_version").fetchall()  # all: no statement left open
    if version > SCHEMA_VERSION:
        raise HistoryError(
            f"{path}: written by a newer compliance (history schema {version}; this one reads "
            f"up to {SCHEMA_VERSION}): upgrade compliance"
        )
    return version


def _statements(script: str) -> Iterator[str]:
    """A script's statements one by one (executescript would commit the open transaction)."""
    statement = ""
    for piece in script.split(";"):
        statement += piece + ";"
        if sqlite3.complete_statement(statement):
            if statement.strip(" \n;"):
                yield statement
            statement = ""


def migrate(db: sqlite3.Connection, path: Path) -> None:
    if _version(db, path) == SCHEMA_VERSION:
        return
    # Audits recording at once to one new database: each takes the write lock (waiting up to
    # the connection's busy timeout), then reads the version again, so only the first migrates.
    # All steps are one transaction: a failed step leaves the database as it was.
    isolation = db.isolation_level
    db.isolation_level = None  # the transaction is ours, not the sqlite3 module's
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            version = _version(db, path)
            for target, script in MIGRATIONS:
                if target > version:
                    for statement in _statements(script):
                        db.execute(statement)
                    db.execute(f"PRAGMA user_version = {target}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    finally:
        db.isolation_level = isolation


@contextmanager
def open_history(path: Path, create: bool = False) -> Iterator[sqlite3.Connection]:
    if not create and not path.is_file():
        raise HistoryError(f"{path}: no history database (record one with audit --record-to)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise HistoryError(f"{path}: 无法创建 cannot create ({error.strerror or error})") from None
    try:
        with closing(sqlite3.connect(path, timeout=30)) as db:
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA foreign_keys = ON")
            migrate(db, path)
            yield db
    except sqlite3.DatabaseError as error:
        raise HistoryError(f"{path}: not a usable history database ({error})") from None


def _config(config: Config) -> str:
    def plain(value: Any) -> Any:
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return value if isinstance(value, (str, int, float, bool, type(None))) else str(value)

    return json.dumps(
        {k: {"value": plain(config[k]), "source": config.sources[k]} for k in config.values},
        ensure_ascii=False,
        sort_keys=True,
    )


def record_run(path: Path, report: Report, config: Config, datasets: list[Path]) -> int:
    """Record an audit; its run id."""
    s = report.summary
    with open_history(path, create=True) as db, db:
        gate = report.gate
        cursor = db.execute(
            "INSERT INTO runs (recorded_at, as_of, tool_version, lang, datasets, config,"
            " records_read, records_rejected, violations, waived, fail_on, failing, passed)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                datetime.now(UTC).isoformat(timespec="seconds"),
                report.as_of,
                report.tool.version,
                report.lang,
                json.dumps([str(p) for p in datasets], ensure_ascii=False),
                _config(config),
                s.records.read,
                s.records.rejected,
                s.violations.total,
                s.violations.waived,
                gate and gate.fail_on,
                gate and gate.failing,
                gate and gate.passed,
            ),
        )
        run_id = int(cursor.lastrowid or 0)
        db.executemany(
            "INSERT INTO inputs VALUES (?, ?, ?, ?, ?, ?)",
            [(run_id, i.path, i.kind, i.sha256, i.records, i.rejected) for i in report.inputs],
        )
        db.executemany(
            "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    run_id,
                    v.fingerprint,
                    v.rule_id,
                    v.severity,
                    v.citation,
                    v.record.kind,
                    v.record.key,
                    v.record.source,
                    v.subject.id,
                    v.subject.name,
                    v.date,
                    v.message,
                    v.waiver.id if v.waiver and v.waiver.state == "active" else None,
                )
                for v in report.violations
            ],
        )
    return run_id


@dataclass(frozen=True)
class Run:
    id: int
    recorded_at: str
    as_of: str
    tool_version: str
    datasets: list[str]
    records_read: int
    records_rejected: int
    violations: int
    waived: int
    passed: bool | None  # None: recorded before the history kept the gate's verdict


def _datasets(row: sqlite3.Row, path: Path) -> list[str]:
    """The run's dataset paths; a database edited by hand may hold anything there."""
    try:
        datasets = json.loads(row["datasets"])
    except (TypeError, ValueError, RecursionError):  # not JSON, too deep, a 5,000-digit number
        datasets = None
    if not isinstance(datasets, list) or not all(isinstance(d, str) for d in datasets):
        raise HistoryError(
            f"{path}: run {brief(row['id'])}: datasets {brief(row['datasets'])} is not a list "
            "of paths: not a usable history database"
        )
    return datasets


def _run(row: sqlite3.Row, path: Path) -> Run:
    return Run(
        id=row["id"],
        recorded_at=row["recorded_at"],
        as_of=row["as_of"],
        tool_version=row["tool_version"],
        datasets=_datasets(row, path),
        records_read=row["records_read"],
        records_rejected=row["records_rejected"],
        violations=row["violations"],
        waived=row["waived"],
        passed=None if row["passed"] is None else bool(row["passed"]),
    )


def list_runs(path: Path, limit: int | None = None) -> list[Run]:
    """The recorded audits, the latest first."""
    with open_history(path) as db:
        rows = db.execute(
            "SELECT * FROM runs ORDER BY id DESC LIMIT ?", (-1 if limit is None else limit,)
        ).fetchall()
    return [_run(row, path) for row in rows]


def resolve_run(db: sqlite3.Connection, path: Path, reference: str) -> int:
    """A run id, or `latest` / `previous`."""
    ids = [row[0] for row in db.execute("SELECT id FROM runs ORDER BY id DESC LIMIT 2")]
    named = {"latest": ids[:1], "previous": ids[1:2]}
    if reference in named:
        if not named[reference]:
            raise HistoryError(f"{path}: there is no {reference} run")
        return named[reference][0]
    # A run id is an SQLite integer: at most 19 digits (int() refuses 5,000).
    if not (reference.isascii() and reference.isdigit() and len(reference) <= 19):
        raise HistoryError(f"{brief(reference)} is not a run id (a number, latest or previous)")
    if int(reference) >= 2**63 or (
        db.execute("SELECT 1 FROM runs WHERE id = ?", (int(reference),)).fetchone() is None
    ):
        raise HistoryError(f"{path}: no run {reference} (compliance history lists them)")
    return int(reference)


@dataclass(frozen=True)
class Finding:
    fingerprint: str
    rule_id: str
    severity: str
    citation: str
    record_key: str
    source: str
    subject_id: str
    subject_name: str | None
    message: str
    waiver: str | None


@dataclass(frozen=True)
class InputChange:
    path: str
    change: str  # added, removed, changed


@dataclass(frozen=True)
class Diff:
    before: Run
    after: Run
    fixed: list[Finding]  # in the first run, gone from the second
    new: list[Finding]  # in the second run only
    persisting: list[Finding]  # in both (as the second run reports them)
    inputs: list[InputChange]


def _findings(db: sqlite3.Connection, run_id: int) -> dict[str, Finding]:
    rows = db.execute(
        "SELECT fingerprint, rule_id, severity, citation, record_key, source, subject_id,"
        " subject_name, message, waiver FROM findings WHERE run_id = ?"
        " ORDER BY rule_id, subject_id, record_key, fingerprint",
        (run_id,),
    )
    return {row["fingerprint"]: Finding(**dict(row)) for row in rows}


def _inputs(db: sqlite3.Connection, run_id: int) -> dict[str, str | None]:
    rows = db.execute("SELECT path, sha256 FROM inputs WHERE run_id = ?", (run_id,))
    return {row["path"]: row["sha256"] for row in rows}


def diff_runs(path: Path, first: str, second: str) -> Diff:
    with open_history(path) as db:
        a, b = resolve_run(db, path, first), resolve_run(db, path, second)
        runs = {
            row["id"]: _run(row, path)
            for row in db.execute("SELECT * FROM runs WHERE id IN (?, ?)", (a, b))
        }
        before, after = _findings(db, a), _findings(db, b)
        old_inputs, new_inputs = _inputs(db, a), _inputs(db, b)
    changes = [
        InputChange(
            p, "removed" if p not in new_inputs else "added" if p not in old_inputs else "changed"
        )
        for p in sorted(old_inputs.keys() | new_inputs.keys())
        if p not in old_inputs or p not in new_inputs or old_inputs[p] != new_inputs[p]
    ]
    return Diff(
        before=runs[a],
        after=runs[b],
        fixed=[f for k, f in before.items() if k not in after],
        new=[f for k, f in after.items() if k not in before],
        persisting=[f for k, f in after.items() if k in before],
        inputs=changes,
    )
