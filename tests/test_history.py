"""Audit history: runs recorded in SQLite, listed, compared, and old databases migrated."""

import hashlib
import json
import sqlite3
import sys
from contextlib import closing

import pytest
from click.testing import CliRunner

import cli
from checker.history import (
    DATABASE_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    HistoryError,
    default_database,
    diff_runs,
    list_runs,
    open_history,
)
from tests.conftest import CHANGES, small_dataset

AS_OF = ("--as-of", "2026-01-05")


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def data(tmp_path):
    return small_dataset(tmp_path / "exports")


def test_record_list_and_diff_fixed_new_and_persisting(data):
    first = run("audit", data, *AS_OF, "--record-to", "-q")
    assert first.exit_code == 1  # recording changes nothing of the verdict
    database = data / DATABASE_NAME
    assert database.is_file()
    # E1 fixed (reported in time), E3 persists, E4 new.
    (data / "change_events.csv").write_text(
        CHANGES.replace("2025-10-17", "2025-10-16") + "E4,M2,注册资本,2025-09-26,2025-10-21,是\n",
        encoding="utf-8",
    )
    second = run("audit", data, *AS_OF, "--record-to")
    assert f"{database}: run 2" in second.stderr
    runs = list_runs(database)
    assert [(r.id, r.violations, r.passed) for r in runs] == [(2, 2, False), (1, 2, False)]
    result = diff_runs(database, "1", "latest")
    assert [f.record_key for f in result.fixed] == ["E1"]
    assert [f.record_key for f in result.new] == ["E4"]
    assert [f.record_key for f in result.persisting] == ["E3"]
    assert [(c.path.rsplit("/", 1)[-1], c.change) for c in result.inputs] == [
        ("change_events.csv", "changed")
    ]
    shown = run("diff", "previous", "latest", data, "--lang", "en")
    assert shown.exit_code == 0
    assert "run 1 (2026-01-05) → 2 (2026-01-05): 1 fixed, 1 new, 1 persisting" in shown.output
    listed = run("history", data)
    assert listed.exit_code == 0 and "未通过" in listed.output
    as_json = json.loads(run("history", "--history", database, "--format", "json").stdout)
    assert [r["id"] for r in as_json] == [2, 1] and as_json[0]["datasets"] == [str(data)]


def test_a_run_records_its_configuration_and_the_inputs_checksums(data, tmp_path):
    database = tmp_path / "audits.sqlite"
    run("audit", data, *AS_OF, f"--record-to={database}", "--fail-on", "error", "-q")
    with open_history(database) as db:
        (config,) = db.execute("SELECT config FROM runs").fetchone()
        inputs = db.execute("SELECT path, sha256, records FROM inputs ORDER BY path").fetchall()
    config = json.loads(config)
    assert config["audit.as_of"] == {"value": "2026-01-05", "source": "command line"}
    assert config["audit.fail_on"]["value"] == "error"
    assert [(p.rsplit("/", 1)[-1], s, n) for p, s, n in inputs] == [
        (
            "change_events.csv",
            hashlib.sha256((data / "change_events.csv").read_bytes()).hexdigest(),
            3,
        ),
        ("members.csv", hashlib.sha256((data / "members.csv").read_bytes()).hexdigest(), 2),
    ]


def test_a_database_of_schema_1_is_migrated_with_its_runs(tmp_path):
    database = tmp_path / "old.sqlite"
    db = sqlite3.connect(database)
    version, script = MIGRATIONS[0]
    db.executescript(f"{script}\nPRAGMA user_version = {version};")
    inputs = [
        {
            "path": "d/members.csv",
            "kind": "Member",
            "sha256": "ab" * 32,
            "records": 2,
            "rejected": 0,
        }
    ]
    db.execute(
        "INSERT INTO runs VALUES (1, '2026-01-01T00:00:00+00:00', '2026-01-01', '0.1.0', 'zh',"
        " '[\"d\"]', '{}', ?, 2, 0, 1, 0)",
        (json.dumps(inputs),),
    )
    db.execute(
        "INSERT INTO findings VALUES (1, 'f1', 'MEM-10-1', 'error', 'c', 'ChangeEvent', 'E1',"
        " 'd/change_events.csv:2', 'M1', '甲', '2025-09-26', 'late', NULL)"
    )
    db.commit()
    db.close()
    (old,) = list_runs(database)
    assert (old.id, old.violations, old.passed) == (1, 1, None)  # no verdict was recorded then
    with open_history(database) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
        assert [tuple(r) for r in db.execute("SELECT path, sha256 FROM inputs")] == [
            ("d/members.csv", "ab" * 32)
        ]
        columns = {row[1] for row in db.execute("PRAGMA table_info(runs)")}
    assert "inputs" not in columns and {"fail_on", "failing", "passed"} <= columns
    assert [f.record_key for f in diff_runs(database, "1", "1").persisting] == ["E1"]


def test_a_newer_or_foreign_database_is_refused_clearly(tmp_path, data):
    newer = tmp_path / "newer.sqlite"
    sqlite3.connect(newer).execute("PRAGMA user_version = 99").connection.close()
    with pytest.raises(HistoryError, match="newer compliance"):
        list_runs(newer)
    foreign = tmp_path / "notes.sqlite"
    foreign.write_text("not a database at all, just text\n" * 100, encoding="utf-8")
    result = run("audit", data, *AS_OF, f"--record-to={foreign}")
    assert result.exit_code == 2 and "not a usable history database" in result.stderr
    assert run("history", "--history", tmp_path / "none.sqlite").exit_code == 2
    run("audit", data, *AS_OF, "--record-to", "-q")
    missing = run("diff", "1", "7", data)
    assert missing.exit_code == 2 and "no run 7" in missing.stderr


def test_the_default_database_is_beside_the_dataset_else_in_the_users_data(tmp_path, monkeypatch):
    folder = small_dataset(tmp_path / "d")
    assert default_database([folder]) == folder / DATABASE_NAME
    assert default_database([folder / "members.csv"]) == folder / DATABASE_NAME
    # The database beside the data is never read as data.
    run("audit", folder, *AS_OF, "--record-to", "-q")
    again = run("audit", folder, *AS_OF, "-q")
    assert again.exit_code == 1, again.output
    # A folder the user cannot write to (root writes anywhere: pretend).
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr("checker.history.os.access", lambda *args: False)
    assert default_database([folder]) == tmp_path / "xdg" / "compliance" / "history.sqlite"


def _record(database, report, config, go, arrived) -> None:
    """In a child process: once told, say it is about to record, then record; exit 1 if that
    failed."""
    from checker.history import record_run

    go.wait()
    arrived.release()
    try:
        record_run(database, report, config, [database.parent])
    except Exception as error:  # the test reports what failed
        print(f"{type(error).__name__}: {error}", flush=True)
        sys.exit(1)


def test_audits_recording_at_once_to_one_new_database_are_all_recorded(data, tmp_path):
    """The first audits into a new database: every one recorded, the schema made once.

    This test holds the new database's write lock while the recorders start, so that all of
    them find it unmigrated and then queue for the lock: the race, every time.
    """
    import multiprocessing
    import time
    from datetime import date

    from checker.audit import run_audit
    from checker.catalog import load_catalog
    from checker.config import load
    from checker.report import build_report

    catalog = load_catalog()
    config = load(catalog.parameters.values())
    report = build_report(run_audit([data], catalog, config, date(2026, 1, 5)), "zh")
    database = tmp_path / "new.sqlite"
    context = multiprocessing.get_context("fork")
    go, arrived = context.Event(), context.Semaphore(0)
    workers = [
        context.Process(target=_record, args=(database, report, config, go, arrived))
        for _ in range(6)
    ]
    for worker in workers:
        worker.start()  # before any connection: a forked SQLite connection is not the child's
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    go.set()
    for _ in workers:
        assert arrived.acquire(timeout=60)
    time.sleep(1)  # each reads the schema version (none yet), then waits for the lock
    holder.execute("ROLLBACK")
    holder.close()
    for worker in workers:
        worker.join(timeout=120)
    assert [w.exitcode for w in workers] == [0] * len(workers)
    runs = list_runs(database)
    assert sorted(r.id for r in runs) == list(range(1, len(workers) + 1))
    with open_history(database) as db:
        assert db.execute("SELECT count(*) FROM findings").fetchone()[0] == 2 * len(workers)


@pytest.mark.parametrize(
    "datasets",
    ["[" * 100_000 + "]" * 100_000, "[" + "9" * 5000 + "]", "not json", '{"a": 1}', "[1]"],
    ids=["nested 100,000 deep", "a 5,000-digit number", "not JSON", "an object", "a number"],
)
def test_a_history_database_edited_by_hand_is_a_usage_error(data, tmp_path, datasets):
    database = tmp_path / "h.sqlite"
    run("audit", data, *AS_OF, f"--record-to={database}", "-q")
    with closing(sqlite3.connect(database)) as db, db:
        db.execute("UPDATE runs SET datasets = ?", (datasets,))
    for args in (("history", "--history", database), ("diff", "1", "1", "--history", database)):
        result = run(*args)
        assert result.exit_code == 2, result.output
        assert f"{database}: run 1: datasets" in result.stderr
        assert len(result.stderr) < 400  # the value is quoted, cut short


@pytest.mark.parametrize("reference", ["9" * 5000, "١", "99999999999999999999"])
def test_a_run_id_that_is_no_integer_of_the_database_is_a_usage_error(data, tmp_path, reference):
    database = tmp_path / "h.sqlite"
    run("audit", data, *AS_OF, f"--record-to={database}", "-q")
    result = run("diff", "1", reference, "--history", database)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert len(result.stderr) < 400
