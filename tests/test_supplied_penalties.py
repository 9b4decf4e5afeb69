"""Penalties an organisation supplies for rules whose text states none (`[penalties.RULE_ID]`)."""

from datetime import date

import pytest

from checker.config import ConfigError, load
from checker.report import build_report
from checker.table import penalty_text
from tests.conftest import audit_rows

# MEM-08-1: an active member without an annual inspection; the text states no penalty.
MEMBER = {
    "member_id": "M1",
    "member_name": "甲公司",
    "admitted_date": "2024-03-01",
    "status": "正常",
}
INSPECTION = {
    "inspection_id": "I-1",
    "member_id": "M1",
    "year": 2026,
    "registration_date": "2026-07-01",
}
NO_INSPECTION = {"Member": [MEMBER], "AnnualInspection": [INSPECTION]}
AS_OF = date(2026, 11, 20)


def write(tmp_path, text):
    path = tmp_path / "compliance.toml"
    path.write_text(text, encoding="utf-8")
    return path


def configured(catalog, tmp_path, text):
    return load(catalog.parameters.values(), [write(tmp_path, text)])


def penalties(catalog, config):
    result = audit_rows(catalog, config, NO_INSPECTION, AS_OF)
    report = build_report(result, "zh")
    found = [v for v in report.violations if v.rule_id == "MEM-08-1"]
    assert found, "the fixture must violate MEM-08-1"
    return [v.penalty for v in found], report


def test_without_configuration_the_penalty_is_none_stated(catalog, config):
    found, _ = penalties(catalog, config)
    assert all(not p.stated and p.supplied_by is None and p.fine_min_cny is None for p in found)
    assert penalty_text(found[0], "zh") == "未规定"


def test_a_supplied_penalty_is_reported_as_coming_from_the_configuration(catalog, tmp_path):
    config = configured(
        catalog,
        tmp_path,
        "[penalties.MEM-08-1]\n"
        'basis = "本所《会员违规处理细则》第三条"\n'
        "fine_min_cny = 1000\nfine_max_cny = 5000.5\n"
        'measures = ["通报批评", "书面检讨"]\n',
    )
    found, report = penalties(catalog, config)
    penalty = found[0]
    assert not penalty.stated  # the regulation still states none
    assert penalty.supplied_by.endswith("compliance.toml: penalties.MEM-08-1")
    assert penalty.basis == "本所《会员违规处理细则》第三条"
    assert (penalty.fine_min_cny, penalty.fine_max_cny) == (1000, 5000.5)
    assert [(m.code, m.label) for m in penalty.measures] == [
        ("criticism_notice", "通报批评"),
        ("other", "书面检讨"),
    ]
    assert penalty_text(penalty, "zh").startswith(
        "未规定；按本单位配置：1,000–5,000.50元；通报批评"
    )
    totals = next(
        t for t in report.summary.totals_by_regulation if t.regulation_id == "nnce-membership"
    )
    assert totals.fine_min_cny >= 1000 * len(found)
    # Severity follows the text, not the organisation's amounts.
    assert {v.severity for v in report.violations if v.rule_id == "MEM-08-1"} == {"warning"}


def test_a_fixed_fine_is_its_own_minimum_and_maximum(catalog, tmp_path):
    config = configured(
        catalog, tmp_path, '[penalties.MEM-08-1]\nbasis = "细则第3条"\nfine_cny = 200\npoints = 2\n'
    )
    penalty = penalties(catalog, config)[0][0]
    assert (penalty.fine_min_cny, penalty.fine_max_cny, penalty.points) == (200, 200, 2)


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        (
            "fine_cny = 200\n",
            "basis: Field required",
        ),  # no basis: an amount must say where it comes from
        ('basis = "x"\n', "a fine, points or measures"),
        ('basis = "x"\nfine_min_cny = 500\nfine_max_cny = 200\n', "above"),
        ('basis = "x"\nfine_cny = 200\nfine_max_cny = 300\n', "not both"),
        ('basis = "x"\nfine_cny = 0.001\n', "2 decimals"),
        ('basis = "x"\nfine_cny = -5\n', "not negative"),
        ('basis = "x"\nfine = 200\n', "fine: Extra inputs"),  # a misspelt key is not ignored
    ],
)
def test_a_malformed_supplied_penalty_is_an_error_naming_the_key(
    catalog, tmp_path, text, complaint
):
    with pytest.raises(ConfigError) as error:
        configured(catalog, tmp_path, "[penalties.MEM-08-1]\n" + text)
    message = str(error.value)
    assert "compliance.toml" in message and "penalties.MEM-08-1" in message
    assert complaint in message


def test_a_rule_whose_text_states_its_penalty_cannot_take_another(catalog, tmp_path):
    with pytest.raises(ConfigError, match="only a rule whose text states no penalty"):
        configured(catalog, tmp_path, '[penalties.MEM-10-1]\nbasis = "x"\nfine_cny = 1\n')
    assert "penalties.MEM-10-1" not in catalog.parameters
    assert "penalties.MEM-08-1" in catalog.parameters
