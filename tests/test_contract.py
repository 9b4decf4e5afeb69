import subprocess
import sys

from tests.conftest import ROOT


def test_the_data_contract_document_is_generated_from_the_models():
    # In a process of its own: the derived fields the policies declare are in the contract
    # whether or not anything loaded the rules before.
    printed = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "schema", "--contract"],
        capture_output=True,
        check=True,
        cwd=ROOT,
    ).stdout.decode("utf-8")
    committed = (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")
    assert committed == printed, "regenerate: compliance schema --contract > docs/data-contract.md"
    assert "| `report_deadline` | date YYYY-MM-DD | 第十条" in printed


def test_every_facts_module_says_how_it_partitions():
    from checker.facts import DOMAINS

    document = (ROOT / "docs" / "partitioning.md").read_text(encoding="utf-8")
    for domain in DOMAINS:
        name = domain.__name__.rsplit(".", 1)[1]
        assert f"| `{name}` |" in document, f"docs/partitioning.md: add a row for {name}"
