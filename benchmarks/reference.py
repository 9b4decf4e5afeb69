"""Reference parity for a migration step: the JSON reports of this checkout and of a git revision,
byte for byte, on every rule fixture case, every demo and a seeded synthetic dataset.

Issue 15 moves facts from Python to expressions regulation by regulation; before the old facts of
a regulation are deleted, the reports must not change. Run from the repository root:

    python benchmarks/reference.py REV [--records 100000]

REV is checked out in a temporary git worktree; both checkouts run in this interpreter's
environment (one process each). Exit 0 when every report is identical, 1 with the differing names.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def dump(root: Path, out: Path, generated: Path, records: int) -> None:
    """Every report of the checkout at `root`, one JSON file per report and language."""
    sys.path.insert(0, str(root))
    os.chdir(root)  # reports name their inputs relative to here, as the same in both checkouts
    from checker.audit import audit_dataset
    from checker.catalog import load_catalog
    from checker.config import CONFIG_FILE_NAME, load
    from checker.fixtures import FIXTURE_DIR, read_fixture
    from checker.loading import load_dataset, load_rows
    from checker.report import build_report
    from checker.synthetic import generate

    catalog = load_catalog()
    config = load(catalog.parameters.values())
    out.mkdir(parents=True)

    def write(name, dataset, chosen):
        result = audit_dataset(dataset, catalog, chosen, chosen["audit.as_of"])
        for lang in ("zh", "en"):
            report = build_report(result, lang).model_dump(mode="json")
            (out / f"{name}.{lang}.json").write_text(json.dumps(report, ensure_ascii=False))

    for path in sorted(FIXTURE_DIR.glob("*.toml")):
        fixture = read_fixture(path)
        regulation = catalog.rules[fixture.rule_id].regulation.id
        for number, case in enumerate(fixture.cases):
            settings = {"audit.regulations": [regulation], **case.config, "audit.as_of": case.as_of}
            chosen = config.with_values(settings, path.name)
            write(f"fixture-{path.stem}-{number}", load_rows(case.records, path.name), chosen)
    for folder in sorted({p.parent.relative_to(root) for p in root.glob("fixtures/**/*.toml")}):
        if (folder / CONFIG_FILE_NAME).is_file():
            chosen = load(catalog.parameters.values(), [folder / CONFIG_FILE_NAME])
            write("demo-" + folder.as_posix().replace("/", "_"), load_dataset([folder]), chosen)
    if not (generated / CONFIG_FILE_NAME).is_file():
        generate(generated, records, seed=8, catalog=catalog, base=config)
    chosen = load(catalog.parameters.values(), [generated / CONFIG_FILE_NAME])
    write("synthetic", load_dataset([generated]), chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision")
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        root, out, generated = map(Path, args.child)
        dump(root, out, generated, args.records)
        return
    with tempfile.TemporaryDirectory() as work:
        work_path = Path(work)
        old = work_path / "old"
        subprocess.run(["git", "worktree", "add", "-q", "--detach", old, args.revision], check=True)
        try:
            for name, root in (("before", old), ("after", ROOT)):
                command = [sys.executable, __file__, args.revision, "--records", str(args.records)]
                child = [root, work_path / name, work_path / "generated"]
                subprocess.run([*command, "--child", *map(str, child)], check=True)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", old], check=True)
        before, after = work_path / "before", work_path / "after"
        names = sorted({p.name for p in before.iterdir()} | {p.name for p in after.iterdir()})
        differ = [
            n
            for n in names
            if not (before / n).is_file()
            or not (after / n).is_file()
            or not filecmp.cmp(before / n, after / n, shallow=False)
        ]
        print(f"{len(names) - len(differ)} of {len(names)} reports identical to {args.revision}")
        for name in differ:
            print(f"  differs: {name}")
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
