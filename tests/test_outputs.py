"""What the commands write: never onto their inputs, never a passing report of a failed audit,
and a path that cannot be written is a usage error (exit code 2) naming it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
from tests.conftest import CHANGES

AS_OF = ("--as-of", "2026-01-05")
MEMBERS = (
    "会员编号,会员名称,入会日期,会员状态\n"
    "M1,广西桂通商贸有限公司,2024-01-05,正常\n"
    "M2,南宁恒达物产有限公司,2024-02-01,正常\n"
    "M9,坏行,someday,正常\n"  # one rejected row: --rejected has something to write
)


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def data(tmp_path, monkeypatch):
    """D: the dataset folder; L: a symbolic link to it; the working folder is tmp_path."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "D"
    folder.mkdir()
    (folder / "members.csv").write_text(MEMBERS, encoding="utf-8")
    (folder / "change_events.csv").write_text(CHANGES, encoding="utf-8")
    (tmp_path / "L").symlink_to(folder, target_is_directory=True)
    (tmp_path / "members-link.csv").symlink_to(folder / "members.csv")
    return folder


# Every option that writes a file, as a command line around the path it writes to.
FILE_WRITERS = {
    "audit -f json": lambda i, p: ["audit", *i, *AS_OF, "-f", f"json:{p}"],
    "audit -f csv": lambda i, p: ["audit", *i, *AS_OF, "-f", "table", "-f", f"csv:{p}"],
    "audit -f xlsx": lambda i, p: ["audit", *i, *AS_OF, "-f", f"xlsx:{p}"],
    "audit --output": lambda i, p: ["audit", *i, *AS_OF, "-f", "junit", "--output", p],
    "audit --write-baseline": lambda i, p: ["audit", *i, *AS_OF, "--write-baseline", p],
    "audit --record-to": lambda i, p: ["audit", *i, *AS_OF, "--record-to", p],
    "audit --rejected FILE": lambda i, p: ["audit", *i, *AS_OF, "--rejected", p],
    "validate --output": lambda i, p: ["validate", *i, "--output", p],
    "validate --rejected FILE": lambda i, p: ["validate", *i, "--rejected", p],
    "statement --rejected FILE": lambda i, p: [
        "statement",
        *i,
        "--month",
        "2025-10",
        "--rejected",
        p,
    ],
}
# (the inputs, the output path, the input the message names)
FILE_PLACES = {
    "the input file in the input folder": (["D"], "D/members.csv", "members.csv"),
    "it through a symbolic link to the folder": (["D"], "L/members.csv", "members.csv"),
    "it through ..": (["D"], "L/../D/members.csv", "members.csv"),
    "it by its absolute path": (["D"], "{tmp}/D/members.csv", "members.csv"),
    "a new data file in the input folder": (["D"], "D/report.csv", "D"),
    "a new file in the input folder through the link": (["D"], "L/report.xlsx", "D"),
    "the input file given as a file": (["D/members.csv"], "D/../D/members.csv", "D/members.csv"),
    "the input file read through a link": (["members-link.csv"], "D/members.csv", "members-link"),
}


@pytest.mark.parametrize("place", FILE_PLACES)
@pytest.mark.parametrize("writer", FILE_WRITERS)
def test_no_output_replaces_an_input_or_lands_where_the_loader_reads(data, writer, place):
    inputs, out, named = FILE_PLACES[place]
    out = out.format(tmp=data.parent)
    before = snapshot(data)
    result = run(*FILE_WRITERS[writer](inputs, out))
    assert result.exit_code == 2, result.output
    assert out in result.stderr and named in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert snapshot(data) == before  # byte-identical, and nothing added


FOLDER_WRITERS = {
    "audit --rejected DIR": lambda i, p: ["audit", *i, *AS_OF, "--rejected", p],
    "validate --rejected DIR": lambda i, p: ["validate", *i, "--rejected", p],
    "statement --rejected DIR": lambda i, p: [
        "statement",
        *i,
        "--month",
        "2025-10",
        "--rejected",
        p,
    ],
}
FOLDER_PLACES = {
    "the input folder": (["D"], "D", "D"),
    "the input folder through a link": (["D"], "L", "D"),
    "a folder inside the input folder": (["D"], "D/rejected", "D"),
    "the folder of an input file": (["D/members.csv"], "D", "members.csv"),
}


@pytest.mark.parametrize("place", FOLDER_PLACES)
@pytest.mark.parametrize("writer", FOLDER_WRITERS)
def test_a_rejected_folder_is_never_an_input_folder(data, writer, place):
    inputs, out, named = FOLDER_PLACES[place]
    before = snapshot(data)
    result = run(*FOLDER_WRITERS[writer](inputs, out))
    assert result.exit_code == 2, result.output
    assert out in result.stderr and named in result.stderr, result.stderr
    assert snapshot(data) == before and not (data / "rejected").exists()


def test_the_configuration_and_waivers_are_inputs_too(data, tmp_path):
    waivers = tmp_path / "w.yaml"
    waivers.write_text("waivers: []\n", encoding="utf-8")
    (data / "compliance.toml").write_text('[audit]\nfail_on = "never"\n', encoding="utf-8")
    for args in (
        ["--waivers", waivers, "-f", f"json:{waivers}"],
        ["-f", f"json:{data / 'compliance.toml'}"],
        ["--config", waivers.with_suffix(".toml"), "-f", f"json:{waivers.with_suffix('.toml')}"],
    ):
        waivers.with_suffix(".toml").write_text("", encoding="utf-8")
        result = run("audit", data, *AS_OF, *args)
        assert result.exit_code == 2 and "would replace the input" in result.stderr
    assert waivers.read_text(encoding="utf-8") == "waivers: []\n"


def test_outputs_beside_the_data_that_the_loader_skips_are_allowed(data, tmp_path):
    """Hidden files (the history database's default), documents, and folders elsewhere."""
    result = run(
        "audit",
        data,
        *AS_OF,
        "-f",
        f"json:{data / 'report.md'}",  # an ignored suffix: the loader skips it
        "--record-to",  # .compliance-history.sqlite beside the data: hidden
        "--rejected",
        tmp_path / "fix",
        "-q",
    )
    assert result.exit_code == 1, result.output
    assert (data / "report.md").is_file() and (tmp_path / "fix" / "members.csv").is_file()


def test_a_baseline_may_be_updated_in_place(data, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert run("audit", data, *AS_OF, "--write-baseline", baseline, "-q").exit_code == 1
    again = run("audit", data, *AS_OF, "--baseline", baseline, "--write-baseline", baseline, "-q")
    assert again.exit_code == 0, again.output


def test_two_outputs_onto_one_file_are_refused(data, tmp_path):
    result = run(
        "audit", data, *AS_OF, "-f", f"json:{tmp_path / 'r.json'}", "--write-baseline", "r.json"
    )
    assert result.exit_code == 2 and "names the same file as --format json" in result.stderr
    assert not (tmp_path / "r.json").exists()


# --------------------------------------------------------------------------- failed audits

REPORTS = {
    "json": "report.json",
    "junit": "junit.xml",
    "sarif": "report.sarif",
    "xlsx": "report.xlsx",
    "html": "report.html",
    "csv": "violations.csv",
}


@pytest.mark.parametrize("dataset", ["an empty folder", "every row rejected"])
def test_a_failed_audit_writes_no_report_and_no_passing_verdict(tmp_path, dataset):
    folder = tmp_path / "D"
    folder.mkdir()
    if dataset == "every row rejected":
        (folder / "members.csv").write_text(
            "会员编号,会员名称,入会日期,会员状态\nM1,甲,someday,正常\n", encoding="utf-8"
        )
    out = tmp_path / "out"
    files = [a for name, file in REPORTS.items() for a in ("-f", f"{name}:{out / file}")]
    for stdout_format in ("table", "json", "junit", "sarif", "html", "csv"):
        result = run(
            "audit",
            folder,
            *AS_OF,
            "-f",
            stdout_format,
            *files,
            "--write-baseline",
            out / "baseline.json",
            "--record-to",
            out / "history.sqlite",
            "--rejected",
            out / "rejected.xlsx",
        )
        assert result.exit_code == 2, result.output
        assert result.stdout == ""  # no table, no report, no verdict
        assert "通过" not in result.stderr and "passed" not in result.stderr
        assert "no report written" in result.stderr
        # The rejected rows are written: they are what to fix.
        assert sorted(p.name for p in out.iterdir()) == ["rejected.xlsx"]


def test_a_statement_of_nothing_audited_is_a_usage_error(tmp_path):
    (tmp_path / "D").mkdir()
    result = run("statement", tmp_path / "D", "--month", "2025-10")
    assert result.exit_code == 2 and "no record could be audited" in result.stderr
    assert result.stdout == ""


# --------------------------------------------------------------------------- unwritable

UNWRITABLE_WRITERS = {
    "audit -f json": lambda d, p: ["audit", d, *AS_OF, "-f", f"json:{p}"],
    "audit -f xlsx": lambda d, p: ["audit", d, *AS_OF, "-f", f"xlsx:{p}"],
    "audit --output": lambda d, p: ["audit", d, *AS_OF, "-f", "html", "--output", p],
    "audit --write-baseline": lambda d, p: ["audit", d, *AS_OF, "--write-baseline", p],
    "audit --record-to": lambda d, p: ["audit", d, *AS_OF, "--record-to", p],
    "audit --rejected": lambda d, p: ["audit", d, *AS_OF, "--rejected", p],
    "validate --output": lambda d, p: ["validate", d, "--output", p],
    "validate --rejected": lambda d, p: ["validate", d, "--rejected", p],
    "statement --rejected": lambda d, p: ["statement", d, "--month", "2025-10", "--rejected", p],
}


def _existing_folder(tmp: Path, folder: bool) -> str:
    if folder:  # --rejected takes a folder: a file where the folder goes, then
        (tmp / "plain").write_text("x", encoding="utf-8")
        return str(tmp / "plain")
    (tmp / "existing").mkdir()
    return str(tmp / "existing")


def _under_a_file(tmp: Path, folder: bool) -> str:
    (tmp / "plain").write_text("x", encoding="utf-8")
    return str(tmp / "plain" / "sub" / "out.csv")


def _read_only_folder(tmp: Path, folder: bool) -> str:
    if os.geteuid() == 0:
        pytest.skip("root writes into a read-only folder")
    (tmp / "locked").mkdir(mode=0o555)
    return str(tmp / "locked" / "out.csv")


UNWRITABLE = {
    "an existing folder": _existing_folder,
    "a full device": lambda tmp, folder: "/dev/full",
    "a parent that is a file": _under_a_file,
    "a read-only folder": _read_only_folder,
}


@pytest.mark.parametrize("where", UNWRITABLE)
@pytest.mark.parametrize("writer", UNWRITABLE_WRITERS)
def test_an_unwritable_output_is_a_usage_error_naming_it(data, tmp_path, writer, where):
    path = UNWRITABLE[where](tmp_path, writer.endswith("--rejected"))
    result = run(*UNWRITABLE_WRITERS[writer](data, path))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert path in result.stderr, result.stderr
