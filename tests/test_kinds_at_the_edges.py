"""Facts over empty groups and at the calendar's edges, for every record kind: its file
header-only, every row of it rejected, or every date in it 0001-01-01 or 9999-12-31.

A kind is audited in the smallest demo dataset that holds it, with its demo configuration and,
as well, every regulation whose rules read that kind (some are off by default), so each domain's
facts run over a kind with no records while the other kinds have theirs. Whatever the kind, the
audit ends with a report, never an internal error (exit code 3).
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import cli
from checker.catalog import load_catalog
from checker.facts import FACT_KINDS
from checker.records import KINDS

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _datasets() -> dict[str, Path]:
    """Each kind's smallest demo dataset (a folder with a compliance.toml) that has its CSV."""
    stems = {model.meta.file_stem: kind for kind, model in KINDS.items()}
    folders = sorted(
        (sum(f.stat().st_size for f in c.parent.iterdir() if f.is_file()), str(c.parent))
        for c in FIXTURES.rglob("compliance.toml")
    )
    found: dict[str, Path] = {}
    for _, folder in folders:
        for path in sorted(Path(folder).glob("*.csv")):
            found.setdefault(stems.get(path.stem, ""), path)
    found.pop("", None)
    return found


def _regulations_reading() -> dict[str, set[str]]:
    """Record kind -> the regulations with a rule on its facts or needing it."""
    reading: dict[str, set[str]] = {}
    for rule in load_catalog().rules.values():
        for kind in {*rule.kinds, *rule.needs_kinds}:
            record_kind = FACT_KINDS[kind].record_kind if kind in FACT_KINDS else kind
            if record_kind:
                reading.setdefault(record_kind, set()).add(rule.regulation.id)
    return reading


DATASETS = _datasets()
READING = _regulations_reading()


def test_every_kind_has_a_demo_dataset():
    assert set(DATASETS) == set(KINDS)


@pytest.mark.parametrize("emptied", ["header only", "every row rejected"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_kind_without_records_never_crashes_the_audit(tmp_path, kind, emptied):
    source = DATASETS[kind]
    dataset = tmp_path / "dataset"
    copy(source, dataset)
    header, *rows = csv.reader(source.read_text(encoding="utf-8-sig").splitlines())
    with (dataset / source.name).open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        if emptied == "every row rejected":  # a control character rejects a row
            writer.writerows([f"{row[0]}\x07", *row[1:]] for row in rows if row)
    result = audit(tmp_path, kind)
    if result.exit_code == 0:
        report = json.loads(result.stdout)
        (emptied_input,) = [i for i in report["inputs"] if i["path"].endswith(source.name)]
        assert emptied_input["audited"] == 0
        assert emptied_input["rejected"] == emptied_input["records"]


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_kind_dated_at_the_calendars_edges_never_crashes_the_audit(tmp_path, kind, day):
    """A deadline past 9999-12-31 or a period before 0001-01-01 rejects its record, naming its
    row, and the audit goes on: the rest of the dataset is reported, and every row is counted."""
    source = DATASETS[kind]
    copy(source, tmp_path / "dataset")
    text = source.read_text(encoding="utf-8-sig")
    (tmp_path / "dataset" / source.name).write_text(ISO_DAY.sub(day, text), encoding="utf-8")
    result = audit(tmp_path, kind, '[calendar]\noutside_known_years = "weekends"\n')
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    for entry in report["inputs"]:
        assert entry["records"] == entry["audited"] + entry["rejected"], entry


ISO_DAY = re.compile(r"\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b")


def copy(source: Path, dataset: Path) -> None:
    """The demo dataset that holds `source`, its files only (sub-folders are other datasets)."""
    dataset.mkdir()
    for path in source.parent.iterdir():
        if path.is_file():
            shutil.copy(path, dataset / path.name)


def audit(tmp_path: Path, kind: str, settings: str = "") -> Result:
    """The dataset audited with its demo configuration and every regulation reading `kind`."""
    demo = tomllib.loads((DATASETS[kind].parent / "compliance.toml").read_text(encoding="utf-8"))
    regulations = {*demo.get("audit", {}).get("regulations", ()), *READING.get(kind, ())}
    extra = tmp_path / "extra.toml"
    extra.write_text(f"[audit]\nregulations = {json.dumps(sorted(regulations))}\n{settings}")
    dataset = tmp_path / "dataset"
    result = CliRunner().invoke(
        cli.main,
        ["audit", str(dataset), "--config", str(extra), "--format", "json", "--fail-on", "never"],
    )
    assert result.exit_code in (0, 2), result.output
    assert "internal error" not in result.output
    return result
