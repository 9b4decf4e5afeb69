"""Fuzzing every input form from valid files of several record kinds (hypothesis).

Each example writes a valid seed table (members, a secrecy register, a department's vehicle
sales) in one form — CSV in UTF-8, UTF-8 with BOM, GBK, GB18030 and UTF-16, JSON, JSON Lines,
xlsx, Parquet, SQLite — mutates it at the level of its structure (rows, columns, cells, the
sheet XML, the zip, the database's tables) or of its bytes, then audits (with every report
format written to files and the rejected rows exported) and validates it. Whatever the input:
no exit code 3, no traceback, no hang, read = audited + rejected per input, no input changed,
and no secret title in any output. See tests/mutations.py; COMPLIANCE_FUZZ=long for a long run.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from tests import mutations as m
from tests.mutations import FORMS, KINDS, Table, fuzz


@pytest.fixture(autouse=True)
def _no_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    # COMPLIANCE_DEBUG re-raises internal errors; the fuzz suite checks what users see.
    monkeypatch.delenv("COMPLIANCE_DEBUG", raising=False)


@contextmanager
def scratch(kind: m.Kind) -> Iterator[Path]:
    """A fresh folder holding the files the kind's audit needs besides its own (hypothesis runs
    an example many times within one test: no tmp_path)."""
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        m.dataset(folder, kind)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def audit_and_validate(folder: Path, kind: m.Kind, titles: set[str], context: str) -> None:
    """Audit and validate a dataset folder; every property the suite checks, on both."""
    out = Path(tempfile.mkdtemp(prefix="fuzz-out-"))
    try:
        before = m.hashes(folder)
        outcome = m.run_cli(
            "audit",
            folder,
            "--as-of",
            kind.as_of,
            "--fail-on",
            "never",
            "-f",
            "json",
            "-f",
            f"xlsx:{out / 'report.xlsx'}",
            "-f",
            f"html:{out / 'report.html'}",
            "-f",
            f"csv:{out / 'report.csv'}",
            "-f",
            f"sarif:{out / 'report.sarif'}",
            "--rejected",
            out / "rejected.xlsx",
        )
        m.sound(outcome, context)
        m.accounted(outcome, context)
        m.untouched(before, m.hashes(folder), outcome, context)
        m.no_leak(titles, m.read_outputs(out, outcome), outcome, context)
        checked = m.run_cli("validate", folder, "-f", "json", "--rejected", out / "rejected.csv")
        m.sound(checked, context)
        m.accounted(checked, context, validate=True)
        m.untouched(before, m.hashes(folder), checked, context)
        m.no_leak(titles, m.read_outputs(out, checked), checked, context)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def _write(folder: Path, form: str, table: Table) -> Path | None:
    """Write the table in `form`; None when this form cannot hold it (the example is skipped)."""
    path = folder / m.file_name(form, table.stem)
    try:
        m.table_bytes(form, table, path)
    except (ValueError, TypeError, OverflowError) as error:  # pyarrow's and openpyxl's refusals
        event(f"{form} cannot hold it: {type(error).__name__}")
        return None
    return path


CASES = [(kind, form) for kind in KINDS for form in FORMS]


@pytest.mark.parametrize(("kind_name", "form"), CASES)
def test_structure_mutations(kind_name: str, form: str) -> None:
    """Rows duplicated, swapped, deleted; columns extra or missing; odd cells; header only."""
    kind = KINDS[kind_name]
    seed = kind.seed()

    @fuzz(6)
    @given(st.data())
    def run(data: Any) -> None:
        table, ops = data.draw(m.table_mutations(seed))
        with scratch(kind) as folder:
            if _write(folder, form, table) is None:
                return
            context = f"{kind_name} {form} table {ops}"
            audit_and_validate(folder, kind, m.secret_titles(table), context)

    run()


@pytest.mark.parametrize(("kind_name", "form"), CASES)
def test_byte_mutations(kind_name: str, form: str) -> None:
    """Truncated, flipped, inserted, deleted and duplicated bytes; empty files."""
    kind = KINDS[kind_name]
    seed = kind.seed()

    @fuzz(5)
    @given(st.data())
    def run(data: Any) -> None:
        with scratch(kind) as folder:
            path = _write(folder, form, seed)
            assert path is not None
            mutated, ops = data.draw(m.byte_mutations(path.read_bytes()))
            path.write_bytes(mutated)
            # Titles are checked only while the bytes holding them are intact: a flipped byte
            # in a grade can make a secret item an ordinary one, legitimately shown.
            audit_and_validate(folder, kind, set(), f"{kind_name} {form} bytes {ops}")

    run()


TEXT_FORMS = [f for f in FORMS if f.startswith("csv")] + ["jsonl"]


@pytest.mark.parametrize(("kind_name", "form"), [(k, f) for k in KINDS for f in TEXT_FORMS])
def test_line_mutations(kind_name: str, form: str) -> None:
    """Lines duplicated, swapped, deleted; stray and cut quotes; control and odd characters."""
    kind = KINDS[kind_name]
    seed = kind.seed()

    @fuzz(6)
    @given(st.data())
    def run(data: Any) -> None:
        if form == "jsonl":
            text, encoding, bom = m.jsonl_text(seed), "utf-8", b""
        else:
            (encoding, bom), text = m.TEXT_ENCODINGS[form], m.csv_text(seed)
        mutated, ops = data.draw(m.line_mutations(text))
        with scratch(kind) as folder:
            (folder / m.file_name(form, seed.stem)).write_bytes(bom + m._encode(mutated, encoding))
            # Lines moved whole keep every cell in its column: the titles stay secret.
            keeps = set(ops) <= {"duplicate", "swap", "delete", "insert"}
            titles = m.secret_titles(seed) if keeps else set()
            audit_and_validate(folder, kind, titles, f"{kind_name} {form} lines {ops}")

    run()


@pytest.mark.parametrize("kind_name", sorted(KINDS))
def test_json_mutations(kind_name: str) -> None:
    """Duplicate keys, escaped lone surrogates, deep nesting, long numbers, other top levels."""
    kind = KINDS[kind_name]
    seed = kind.seed()

    @fuzz(10)
    @given(st.data())
    def run(data: Any) -> None:
        text, ops = data.draw(m.json_mutations(seed))
        with scratch(kind) as folder:
            (folder / f"{seed.stem}.json").write_bytes(m._encode(text, "utf-8"))
            audit_and_validate(folder, kind, set(), f"{kind_name} json {ops}")

    run()


@pytest.mark.parametrize("kind_name", sorted(KINDS))
def test_xlsx_sheet_and_zip_mutations(kind_name: str) -> None:
    """The sheet's XML inside the zip (rows reordered or twice, XFD cells, broken markup), and
    the zip itself (a member's deflate stream damaged, a member dropped)."""
    kind = KINDS[kind_name]
    seed = kind.seed()

    @fuzz(12)
    @given(st.data())
    def run(data: Any) -> None:
        with scratch(kind) as folder:
            path = folder / f"{seed.stem}.xlsx"
            m.write_xlsx(path, seed)
            level = data.draw(st.sampled_from(["xml", "xml", "deflate", "drop"]))
            if level == "xml":
                edits: list[str] = []

                def edit(name: str, content: bytes) -> bytes:
                    if name != m.SHEET:
                        return content
                    xml, done = data.draw(m.sheet_xml_mutations(content.decode("utf-8")))
                    edits.extend(done)
                    return xml.encode("utf-8")

                m.rewrite_zip(path, edit)
                ops = ["xml", *edits]
            elif level == "deflate":
                member = data.draw(
                    st.sampled_from(
                        [m.SHEET, "xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml"]
                    )
                )
                at = data.draw(st.floats(0, 1))
                m.corrupt_deflate(path, member, at) if member in _members(path) else None
                ops = ["deflate", member]
            else:
                member = data.draw(st.sampled_from(sorted(_members(path))))
                m.rewrite_zip(path, lambda name, content: None if name == member else content)
                ops = ["drop", member]
            titles = m.secret_titles(seed) if level == "xml" else set()
            audit_and_validate(folder, kind, titles, f"{kind_name} xlsx {ops}")

    run()


def _members(path: Path) -> set[str]:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return set(archive.namelist())


@pytest.mark.parametrize("kind_name", sorted(KINDS))
def test_sqlite_mutations(kind_name: str) -> None:
    """Tables and columns renamed, declared types changed, views and other tables, blobs,
    a column name that is not UTF-8, raw bytes."""
    kind = KINDS[kind_name]
    seed = kind.seed()

    @fuzz(12)
    @given(st.data())
    def run(data: Any) -> None:
        with scratch(kind) as folder:
            path = folder / "export.sqlite"
            m.write_sqlite(path, seed)
            ops = data.draw(m.sqlite_mutations(path, seed))
            titles = m.secret_titles(seed) if "raw_bytes" not in ops else set()
            audit_and_validate(folder, kind, titles, f"{kind_name} sqlite {ops}")

    run()
