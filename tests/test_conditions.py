from datetime import date
from decimal import Decimal

import pytest

from checker.conditions import F, P, all_of, validate
from checker.facts import FACT_KINDS

FIELDS = FACT_KINDS["ChangeEvent"].fields
APPLICATION = FACT_KINDS["MemberApplication"].fields
PARAMS = {"member.team_change_report_working_days": "int", "member.capital_basis": "choice"}


def test_a_sound_condition_has_no_problems():
    condition = (
        F.change_type.is_in(["法定代表人"])
        & F.reported.is_true()
        & (F.working_days_elapsed > P("member.team_change_report_working_days"))
    )
    assert validate(condition, FIELDS, PARAMS) == []


@pytest.mark.parametrize(
    ("condition", "problem"),
    [
        (F.reportd_date.is_null(), "unknown field reportd_date"),
        (F.change_type == "法人", "'法人' is not a choice of change_type"),
        (F.occurred_date > 5, "compares date field occurred_date with 5"),
        (F.amount_cny < "many", "compares money field amount_cny with 'many'"),
        (F.reported == 1, "compares yes/no field reported"),
        (F.change_type < "名称", "choice values have no order"),
        (F.occurred_date < F.amount_cny, "compares date with money"),
        (F.working_days_elapsed > P("member.nope"), "unknown parameter member.nope"),
        (F.change_type.has("名称"), "has/lacks needs a set field"),
    ],
)
def test_problems_are_named(condition, problem):
    assert any(problem in p for p in validate(condition, FIELDS, PARAMS)), validate(
        condition, FIELDS, PARAMS
    )


def test_set_membership_needs_a_listed_choice():
    assert validate(F.materials.lacks("公司章程"), APPLICATION, {}) == []
    assert any(
        "not a choice of materials" in p
        for p in validate(F.materials.lacks("营业执照原件"), APPLICATION, {})
    )


def test_rendering_in_chinese_and_english():
    condition = all_of(
        F.change_type.is_in(["法定代表人"]), F.working_days_elapsed > 10, F.reported_date.is_null()
    )
    zh = condition.render(lambda name: FIELDS[name].label, "zh")
    en = condition.render(str, "en")
    assert zh == "变更事项 ∈ {法定代表人} 且 已过工作日 > 10 且 报告日期 为空"
    assert (
        en == "change_type ∈ {法定代表人} and working_days_elapsed > 10 and reported_date is empty"
    )
    nested = (F.amount_cny >= Decimal("50000")) | (F.occurred_date < date(2024, 1, 1))
    assert nested.render(str, "en") == "amount_cny ≥ 50,000 or occurred_date < 2024-01-01"


def test_conditions_are_data():
    condition = (F.change_type == "名称") & F.materials.lacks("公司章程") | (P("x.y") == "a")
    assert condition.to_data() == {
        "any": [
            {
                "all": [
                    {"op": "==", "left": {"field": "change_type"}, "right": {"value": "名称"}},
                    {"op": "lacks", "left": {"field": "materials"}, "value": "公司章程"},
                ]
            },
            {"op": "==", "left": {"param": "x.y"}, "right": {"value": "a"}},
        ]
    }
    assert condition.fields() == ["change_type", "materials"]
    assert condition.params() == ["x.y"]
