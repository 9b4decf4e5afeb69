from checker.contract import data_contract
from tests.conftest import ROOT


def test_the_data_contract_document_is_generated_from_the_models():
    committed = (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")
    assert committed == data_contract(), (
        "regenerate: compliance schema --contract > docs/data-contract.md"
    )


def test_every_facts_module_says_how_it_partitions():
    from checker.facts import DOMAINS

    document = (ROOT / "docs" / "partitioning.md").read_text(encoding="utf-8")
    for domain in DOMAINS:
        name = domain.__name__.rsplit(".", 1)[1]
        assert f"| `{name}` |" in document, f"docs/partitioning.md: add a row for {name}"
