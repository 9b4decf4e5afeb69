"""Fuzzing every side file (hypothesis): waivers (YAML, TOML, JSON), baselines, the history
database (audit --record-to, history, diff) and the configuration (compliance.toml, --config).

Each example starts from a valid side file, mutates its structure (fields dropped, repeated or
of the wrong type, dates at calendar edges, deep nesting, long numbers) or its bytes, and runs
the commands that read it. Whatever the file: no exit code 3, no traceback, no hang, the audit's
accounting holds whenever it reports, and neither the dataset nor the side file read is changed.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import mutations as m
from tests.conftest import small_dataset
from tests.mutations import fuzz

AS_OF = "2025-12-01"


@pytest.fixture(autouse=True)
def _no_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COMPLIANCE_DEBUG", raising=False)


@pytest.fixture
def workspace() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-side-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def fresh(workspace: Path) -> Path:
    """A new example's folder: the small exchange dataset (two MEM-10-1 findings) in ds/."""
    folder = Path(tempfile.mkdtemp(dir=workspace))
    small_dataset(folder / "ds")
    return folder


def audit_with(folder: Path, *options: Any, context: str, read: list[Path]) -> m.Outcome:
    """Audit ds/ with these options; the oracle on it; `read` are side files that must not change."""
    before = m.hashes(folder / "ds") | {str(p): _hash(p) for p in read}
    outcome = m.run_cli("audit", folder / "ds", "--as-of", AS_OF, "-f", "json", *options)
    m.sound(outcome, context)
    if outcome.code != 2 or outcome.json() is not None:
        m.accounted(outcome, context, side_files=True)
    after = m.hashes(folder / "ds") | {str(p): _hash(p) for p in read}
    m.untouched(before, after, outcome, context)
    return outcome


def _hash(path: Path) -> str:
    return m.hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "absent"


# --------------------------------------------------------------------------- values

ODD_DAYS = st.sampled_from(
    [
        date(1, 1, 1),
        date(9999, 12, 31),
        date(2024, 2, 29),
        date(2025, 10, 1),
        datetime.fromisoformat("9999-12-31T23:59:59-12:00"),
        datetime.fromisoformat("9999-12-31T23:59:59+14:00"),
        datetime.fromisoformat("0001-01-01T00:00:00+14:00"),
        datetime.fromisoformat("2026-06-30T24:00:00+08:00".replace("24", "23")),
        "2026-02-30",
        "9999-12-31",
        "0000-00-00",
        "2026-13-01",
        "20261231",
        "2026-1-1",
        "２０２６-０１-０１",
        "2026-01-01T00:00",
        "2026-01-01T00:00:00Z",
        "tomorrow",
        "",
    ]
)
EDGES = st.sampled_from(  # the last day, and moments whose day in another zone is past it
    [date(9999, 12, 31), "9999-12-31", datetime.fromisoformat("9999-12-31T20:00:00-08:00")]
)
ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.text(max_size=8),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.sampled_from(m.ODD_DIGITS),
    ODD_DAYS,
)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            return {True: "nan"}.get(value != value, "inf" if value > 0 else "-inf")
        return repr(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{ "
            + ", ".join(f"{json.dumps(str(k))} = {toml_value(v)}" for k, v in value.items())
            + " }"
        )
    if value is None:
        return '""'
    return json.dumps(str(value))


def yaml_value(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if value == value and abs(value) != float("inf") else ".nan"
    if value is None:
        return "null"
    return json.dumps(value, ensure_ascii=False, default=str)


# --------------------------------------------------------------------------- waivers

RULES = ["MEM-10-1", "MEM-08-1", "MEM-17-3", "NO-SUCH-RULE", "mem-10-1", ""]


@st.composite
def waiver_entries(draw: Any) -> list[dict[str, Any]]:
    entries = []
    for n in range(draw(st.integers(0, 4))):
        entry: dict[str, Any] = {
            "id": f"W{n}",
            "rule": draw(st.sampled_from(RULES)),
            draw(st.sampled_from(["record", "subject"])): draw(
                st.sampled_from(["E1", "E3", "M1", "M2", "X"])
            ),
            "justification": "系统停机",
            "approver": "陈立",
            "approved": draw(st.one_of(st.just(date(2025, 10, 25)), ODD_DAYS)),
        }
        if draw(st.booleans()):
            entry["expires"] = draw(st.one_of(EDGES, ODD_DAYS))
        for _ in range(draw(st.integers(0, 2))):
            op = draw(st.sampled_from(["drop", "wrong_type", "extra", "kind"]))
            key = draw(st.sampled_from(sorted(entry)))
            if op == "drop":
                entry.pop(key, None)
            elif op == "wrong_type":
                entry[key] = draw(ODD_VALUES)
            elif op == "extra":
                entry[draw(st.sampled_from(["expiry", "note", "Rule"]))] = "x"
            else:
                entry["kind"] = draw(st.sampled_from(["ChangeEvent", "change_events", "Nothing"]))
        entries.append(entry)
    return entries


def waivers_text(form: str, zone: Any, entries: list[dict[str, Any]], repeat: bool) -> str:
    """The document in YAML, TOML or JSON; `repeat` writes one field of the first entry twice."""
    if form == "toml":
        lines = [f"time_zone = {toml_value(zone)}"] if zone is not None else []
        for entry in entries:
            lines.append("[[waivers]]")
            lines += [f"{k} = {toml_value(v)}" for k, v in entry.items()]
            if repeat and entry is entries[0] and entry:
                k, v = next(iter(entry.items()))
                lines.append(f"{k} = {toml_value(v)}")
        return "\n".join(lines) + "\n"
    if form == "json":
        document: dict[str, Any] = {"waivers": entries}
        if zone is not None:
            document["time_zone"] = zone
        text = json.dumps(document, ensure_ascii=False, default=str)
        if repeat and entries:
            text = text.replace('{"id": ', '{"rule": "MEM-08-1", "id": ', 1)
        return text
    lines = [f"time_zone: {yaml_value(zone)}"] if zone is not None else []
    lines.append("waivers:" if entries else "waivers: []")
    for entry in entries:
        items = list(entry.items())
        if repeat and entry is entries[0] and items:
            items.append(items[0])
        for i, (k, v) in enumerate(items):
            lines.append(("  - " if i == 0 else "    ") + f"{k}: {yaml_value(v)}")
    return "\n".join(lines) + "\n"


ZONES = st.sampled_from(
    [
        None,
        "Asia/Shanghai",
        "UTC",
        "Etc/GMT+12",
        "Pacific/Kiritimati",
        "Mars/Olympus",
        "../../etc/passwd",
        "",
        8,
    ]
)


def test_waiver_files(workspace: Path) -> None:
    @fuzz(50)
    @given(
        form=st.sampled_from(["yaml", "toml", "json", "json-as-yaml"]),
        zone=ZONES,
        entries=waiver_entries(),
        repeat=st.booleans(),
        damage=st.booleans(),
        data=st.data(),
    )
    def run(
        form: str, zone: Any, entries: list[dict[str, Any]], repeat: bool, damage: bool, data: Any
    ) -> None:
        folder = fresh(workspace)
        writes = "json" if form == "json-as-yaml" else form
        text = waivers_text(writes, zone, entries, repeat)
        raw = text.encode("utf-8", "surrogatepass")
        ops: list[str] = []
        if damage:
            raw, ops = data.draw(m.byte_mutations(raw))
        suffix = {"json-as-yaml": ".yaml", "yaml": ".yaml"}.get(form, f".{form}")
        path = folder / f"waivers{suffix}"
        path.write_bytes(raw)
        context = f"waivers {form} zone={zone!r} repeat={repeat} bytes={ops}\n{text[:1500]}"
        audit_with(folder, "--waivers", path, context=context, read=[path])

    run()


# --------------------------------------------------------------------------- baselines


@pytest.fixture(scope="module")
def baseline_document() -> str:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-base-"))
    try:
        small_dataset(folder / "ds")
        out = m.run_cli(
            "audit", folder / "ds", "--as-of", AS_OF, "--write-baseline", folder / "b.json"
        )
        assert out.code == 1, out.output
        return (folder / "b.json").read_text(encoding="utf-8")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@st.composite
def baseline_mutations(draw: Any, text: str) -> tuple[bytes, list[str]]:
    document = json.loads(text)
    op = draw(
        st.sampled_from(
            [
                "version",
                "findings",
                "fingerprint",
                "nested",
                "long_number",
                "duplicate_key",
                "drop",
                "extra",
                "bytes",
            ]
        )
    )
    if op == "version":
        document["baseline_version"] = draw(ODD_VALUES)
    elif op == "findings":
        document["findings"] = draw(ODD_VALUES)
    elif op == "fingerprint" and document["findings"]:
        document["findings"][0]["fingerprint"] = draw(ODD_VALUES)
    elif op == "drop":
        document.pop(draw(st.sampled_from(sorted(document))))
    elif op == "extra":
        document["findings"].append({"fingerprint": "x" * draw(st.integers(0, 100_000))})
    text = json.dumps(document, default=str)
    if op == "nested":
        depth = draw(st.sampled_from([50, 5_000, 100_000]))
        text = text[:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}"
    elif op == "long_number":
        text = text[:-1] + ', "n": ' + "7" * draw(st.sampled_from([20, 4_300, 5_000])) + "}"
    elif op == "duplicate_key":
        text = text.replace('"findings":', '"findings": [], "findings":', 1)
    elif op == "bytes":
        return draw(m.byte_mutations(text.encode("utf-8")))
    return text.encode("utf-8"), [op]


def test_baseline_files(workspace: Path, baseline_document: str) -> None:
    @fuzz(25)
    @given(st.data())
    def run(data: Any) -> None:
        folder = fresh(workspace)
        raw, ops = data.draw(baseline_mutations(baseline_document))
        path = folder / "baseline.json"
        path.write_bytes(raw)
        context = f"baseline {ops}: {raw[:300]!r}"
        audit_with(folder, "--baseline", path, context=context, read=[path])

    run()


# --------------------------------------------------------------------------- history


@pytest.fixture(scope="module")
def history_database() -> Iterator[Path]:
    """A history of two audits of the small dataset, the second after a change."""
    folder = Path(tempfile.mkdtemp(prefix="fuzz-hist-"))
    small_dataset(folder / "ds")
    database = folder / "history.sqlite"
    for as_of in ("2025-11-01", AS_OF):
        out = m.run_cli("audit", folder / "ds", "--as-of", as_of, "--record-to", database, "-q")
        assert out.code in (0, 1), out.output
    yield database
    shutil.rmtree(folder, ignore_errors=True)


HISTORY_EDITS = [
    "PRAGMA user_version = 99",
    "PRAGMA user_version = -1",
    "PRAGMA user_version = 0",
    "DROP TABLE runs",
    "DELETE FROM runs",
    "UPDATE runs SET datasets = 'not json'",
    "UPDATE runs SET config = '[[[['",
    "UPDATE runs SET as_of = '9999-99-99'",
    "UPDATE runs SET recorded_at = NULL",
    "UPDATE runs SET id = id + 1000",
    "UPDATE runs SET tool_version = X'FFFE'",
    "CREATE TABLE extra (x)",
    "ALTER TABLE runs RENAME TO runs_old",
    "ALTER TABLE runs ADD COLUMN junk TEXT",
]


def _tables(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]


def test_history_database(workspace: Path, history_database: Path) -> None:
    tables = [t for t in _tables(history_database) if t != "runs"]
    edits = (
        HISTORY_EDITS
        + [f'DROP TABLE "{t}"' for t in tables]
        + [f'DELETE FROM "{t}"' for t in tables]
    )
    edits += [
        f"UPDATE \"{t}\" SET {c} = X'FF00'"
        for t in tables
        for c in _columns(history_database, t)[:3]
    ]

    @fuzz(25)
    @given(
        sql=st.lists(st.sampled_from(edits), max_size=3),
        damage=st.booleans(),
        command=st.sampled_from(["history", "history-json", "diff", "diff-ids", "record"]),
        data=st.data(),
    )
    def run(sql: list[str], damage: bool, command: str, data: Any) -> None:
        folder = fresh(workspace)
        path = folder / "history.sqlite"
        shutil.copy(history_database, path)
        applied = []
        with sqlite3.connect(path) as db:
            for statement in sql:
                try:
                    db.execute(statement)
                    applied.append(statement)
                except sqlite3.Error:
                    pass
        ops: list[str] = []
        if damage:
            raw, ops = data.draw(m.byte_mutations(path.read_bytes()))
            path.write_bytes(raw)
        context = f"history {command} sql={applied} bytes={ops}"
        before = m.hashes(folder / "ds")

        def body() -> None:
            if command == "record":
                audit_with(folder, "--record-to", path, context=context, read=[])
                return
            args = {
                "history": ["history", "--history", path],
                "history-json": ["history", "--history", path, "--format", "json", "--limit", "1"],
                "diff": ["diff", "previous", "latest", "--history", path],
                "diff-ids": [
                    "diff",
                    data.draw(st.sampled_from(["1", "0", "-1", "99", "١", "1e3"])),
                    "2",
                    "--history",
                    path,
                    "--format",
                    "json",
                ],
            }[command]
            outcome = m.run_cli(*args)
            m.sound(outcome, context)
            m.untouched(before, m.hashes(folder / "ds"), outcome, context)

        body()

    run()


def _columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as db:
        return [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]


# --------------------------------------------------------------------------- configuration

CONFIG_KEYS = {
    "audit": [
        "as_of",
        "regulations",
        "disabled_rules",
        "fail_on",
        "fail_on_rules",
        "ignore_rules",
        "engine",
        "workers",
    ],
    "calendar": ["outside_known_years", "extra_holidays", "extra_workdays", "additional_years"],
    "input": ["encoding", "sheets"],
    "database": ["tables", "queries"],
    "secrecy": ["roles"],
    "penalties.MEM-10-1": ["fine_cny", "fine_min_cny", "measures", "basis"],
    "nosuch": ["key"],
}
GOOD = {
    "audit.as_of": date(2025, 12, 1),
    "audit.regulations": ["nnce-membership"],
    "audit.fail_on": "warning",
    "calendar.extra_holidays": [date(2025, 10, 9)],
    "input.encoding": "utf-8",
}
ODD_CONFIG = st.one_of(
    ODD_VALUES,
    st.sampled_from(
        [
            "gb18030",
            "utf-16",
            "utf-7",
            "rot13",
            "hex",
            "idna",
            "punycode",
            "base64",
            "nope",
            ["nnce-membership", "nnce-membership"],
            ["secrecy", "x"],
            [],
            "never",
            "critical",
            "durable",
            0,
            -1,
            10**6,
            {"members": "会员名册"},
            {"members": "SELECT 1"},
            [date(1, 1, 1), date(9999, 12, 31)],
            [2026, 10**9],
            "weekends",
        ]
    ),
)


@st.composite
def config_texts(draw: Any) -> tuple[str, list[str]]:
    values = dict(GOOD)
    done = []
    for _ in range(draw(st.integers(1, 4))):
        section = draw(st.sampled_from(sorted(CONFIG_KEYS)))
        key = f"{section}.{draw(st.sampled_from(CONFIG_KEYS[section]))}"
        values[key] = draw(ODD_CONFIG)
        done.append(f"{key}={values[key]!r:.60}")
    sections: dict[str, list[str]] = {}
    for key, value in values.items():
        section, name = key.rsplit(".", 1)
        sections.setdefault(section, []).append(f"{name} = {toml_value(value)}")
    text = "".join(f"[{s}]\n" + "\n".join(lines) + "\n\n" for s, lines in sections.items())
    if draw(st.booleans()):
        text += draw(
            st.sampled_from(
                ["[audit]\n", "as_of = 2026-01-01\n", "[audit.as_of]\n", "x = \n", "\x00", '"""']
            )
        )
        done.append("tail")
    return text, done


def test_configuration_files(workspace: Path) -> None:
    @fuzz(30)
    @given(
        config=config_texts(),
        where=st.sampled_from(["beside", "--config"]),
        damage=st.booleans(),
        show=st.sampled_from([False, False, False, True]),  # config show takes a second
        data=st.data(),
    )
    def run(config: tuple[str, list[str]], where: str, damage: bool, show: bool, data: Any) -> None:
        text, ops = config
        folder = fresh(workspace)
        raw = text.encode("utf-8", "surrogatepass")
        if damage:
            raw, more = data.draw(m.byte_mutations(raw))
            ops += more
        path = folder / "ds" / "compliance.toml" if where == "beside" else folder / "other.toml"
        path.write_bytes(raw)
        context = f"config {where} {ops}\n{text[:1500]}"
        options = ["--config", path] if where == "--config" else []

        def body() -> None:
            audit_with(folder, *options, context=context, read=[path])
            checked = m.run_cli("validate", folder / "ds", "-f", "json", *options)
            m.sound(checked, context)
            if show:
                m.sound(m.run_cli("config", "show", folder / "ds", *options), context)

        body()

    run()
