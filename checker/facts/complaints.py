"""Facts of the complaint-sanction regulations, computed before the engine.

How the sanction actually recorded departs from the text of its tier of 制度9 七 (the tier itself,
and whether a record imposes anything, are derived fields in policies/complaints_sanctions.py);
and, per complaint, the handling by whoever received it (`ComplaintHandling`, whose subject is
the handler, not the employee complained about). Its registration and solution delays, and
whether the respondent, the department head or the handler was sanctioned on the complaint
(制度7 第六条), are derived fields beside the rules that read them
(policies/complaints_sanctions.py, policies/complaints_dealer.py). Each computation is a small
function tested on its own (tests/test_complaints_facts.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal

from pydantic import NonNegativeInt

from checker.config import Parameter
from checker.facts import Computed, DerivedKind, Fact, FactContext, Subject
from checker.i18n import Text
from checker.loading import Problem
from checker.records.base import col
from checker.records.complaints import ComplaintPenalty

KINDS = ("StaffComplaint", "ComplaintPenalty")

PARAMETERS = (
    Parameter(
        "cpl9.report_days",
        NonNegativeInt,
        0,
        Text(
            "制度9七(四)1“接到投诉…隐瞒不报”：受理后多少天内未登记《客户投诉记录表》即视为隐瞒不报"
            "（默认0，即受理当天须登记）。",
            "制度9 七(四)1 'received a complaint and did not report it': days after receipt by "
            "which it must be in the complaint register (default 0: the day it was received).",
        ),
    ),
    Parameter(
        "dealer.solution_working_days",
        NonNegativeInt,
        1,
        Text(
            "制度7第四条3：受理后几个工作日内须提出解决办法（默认1个工作日）。",
            "制度7 第四条3: working days after receipt by which a solution is due (default 1).",
        ),
    ),
)

TIERS = {
    "七(一)": (
        "服务态度不佳",
        "服务效率低下",
        "业务不熟悉",
        "不尊重客户",
        "讥笑客户",
        "议论客户",
        "指手划脚",
        "交头接耳",
    ),
    "七(二)": ("接待态度冷淡", "擅自减少服务流程", "故意刁难客户", "与客户发生争执"),
    "七(三)": ("拒不承认投诉事实", "主管管理不力"),
    "七(四)": ("隐瞒不报投诉", "不配合解决投诉"),
    "七(五)": (
        "辱骂客户",
        "殴打客户",
        "打击报复投诉客户",
        "投诉处理不当致声誉重大损失",
        "不实承诺致损失",
    ),
}


class PenaltyFacts(Computed):
    departures: str | None = col(
        "与制度不符之处", "How the recorded sanction departs from the tier's text"
    )
    departures_en: str | None = col("与制度不符之处（英文）", "The same departures, in English")


class ComplaintHandling(Computed):
    """A complaint as its handler dealt with it: registering it, proposing a solution."""

    case_id: str = col("投诉编号", "Complaint number")
    received_date: date = col("受理日期", "Day the complaint was received")
    respondent_id: str = col("被投诉人员工编号", "The employee complained about")
    handler_id: str = col("受理人员工编号", "Who received and handled it")
    recorded_date: date | None = col("登记日期", "Day it was entered in the complaint register")
    solution_date: date | None = col("提出解决办法日期", "Day a solution was proposed")
    classification: str | None = col("调查定性", "What the investigation found it to be")
    reported_to_leader: bool | None = col("已向部门领导汇报", "Reported to the department leader")


COMPUTED = {"ComplaintPenalty": PenaltyFacts}
DERIVED = (
    DerivedKind("ComplaintHandling", Text("投诉受理", "complaint handling"), ComplaintHandling),
)


# --------------------------------------------------------------------------- computations


def tier_of(finding: str | None) -> str | None:
    """The paragraph of 制度9 七 whose list names the finding."""
    for tier, findings in TIERS.items():
        if finding in findings:
            return tier
    return None


def _fine(amount: Decimal | None) -> str:
    return f"{amount}元" if amount else "未罚款"


def departures(tier: str | None, penalty: ComplaintPenalty) -> list[tuple[str, str]]:
    """How the recorded sanction departs from the text of its tier, as (zh, en) pairs.

    A fine outside the tier's amount, points or a notice missing or different, a measure the
    tier names but the record lacks, and one the record has but the tier does not name. 七(五)
    asks only for dismissal: a fine there may be the 经济责任 of a serious case.
    """
    if tier is None:
        return []
    found: list[tuple[str, str]] = []
    fine = penalty.fine_cny
    points = penalty.points_deducted or 0
    if tier == "七(五)":
        if not penalty.dismissed:
            found.append(("未予辞退或开除", "not dismissed"))
        return found
    wanted_fine, wanted_points = {
        "七(一)": (None, 0),
        "七(二)": (Decimal(200), 5),
        "七(三)": (Decimal(300), 10),
        "七(四)": (Decimal(1000), 0),
    }[tier]
    if wanted_fine is None:
        if fine is None or not Decimal(30) <= fine <= Decimal(100):
            found.append(
                (f"罚款{_fine(fine)}，应为30-100元", f"fine: {fine or 0} yuan, not 30–100")
            )
    elif fine != wanted_fine:
        found.append(
            (
                f"罚款{_fine(fine)}，应为{wanted_fine}元",
                f"fine: {fine or 0} yuan, not {wanted_fine}",
            )
        )
    if points != wanted_points:
        found.append(
            (
                f"扣{points}分，应扣{wanted_points}分",
                f"points deducted: {points}, not {wanted_points}",
            )
        )
    measures = (
        ("company_notice", "通报全公司", "notice to the whole company", tier != "七(一)"),
        ("reprimand", "申诫", "reprimand", tier == "七(三)"),
        ("major_demerit", "记大过", "major demerit", tier == "七(四)"),
        (
            "performance_pay_withheld",
            "扣除当月绩效工资",
            "the month's performance pay withheld",
            tier == "七(四)",
        ),
        ("dismissed", "辞退或开除", "dismissal", False),
    )
    for field, zh, en, wanted in measures:
        imposed = bool(getattr(penalty, field))
        if wanted and not imposed:
            found.append((f"未{zh}", f"missing: {en}"))
        elif imposed and not wanted:
            found.append((f"另加{zh}（本档未规定）", f"added, not in this tier: {en}"))
    return found


def penalty_facts(penalty: ComplaintPenalty) -> PenaltyFacts:
    found = departures(tier_of(penalty.finding), penalty)
    return PenaltyFacts(
        departures="；".join(zh for zh, _ in found) or None,
        departures_en="; ".join(en for _, en in found) or None,
    )


# --------------------------------------------------------------------------- build


def build(ctx: FactContext) -> Iterator[Fact | Problem]:
    yield from ctx.each("ComplaintPenalty", lambda p: penalty_facts(p.record))
    yield from ctx.each("StaffComplaint")

    for item in ctx.records("StaffComplaint"):
        case = item.record
        if case.handler_id is None:
            continue
        handling = ComplaintHandling(
            case_id=case.case_id,
            received_date=case.received_date,
            respondent_id=case.respondent_id,
            handler_id=case.handler_id,
            recorded_date=case.recorded_date,
            solution_date=case.solution_date,
            classification=case.classification,
            reported_to_leader=case.reported_to_leader,
        )
        fact = ctx.fact(item, handling, kind="ComplaintHandling", occurrence="受理")
        name = ctx.subject_name("employee", case.handler_id, item.source)
        yield replace(fact, subject=Subject("employee", case.handler_id, name))
