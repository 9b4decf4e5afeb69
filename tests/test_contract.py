from checker.contract import data_contract
from tests.conftest import ROOT


def test_the_data_contract_document_is_generated_from_the_models():
    committed = (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")
    assert committed == data_contract(), (
        "regenerate: compliance schema --contract > docs/data-contract.md"
    )
