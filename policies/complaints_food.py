"""A food company's complaint sentence (公司客户管理制度 扩展1 #10): shared/regulations/002_…, line 131.

One numbered sentence of an unnamed company (its 营管办 handles complaints): a complaint about
after-sales service, an employee's dereliction or attitude earns the employee public criticism
(通报批评), and the sanction and criticism are reported back to the customer.

The default profile leaves it out: a lone fragment of an unnamed company, whose 通报批评 for
poor attitude would stand beside 制度9's 30–100 元 for the same complaint; a company that runs
it selects it.
"""

from __future__ import annotations

from typing import Literal

from checker.conditions import F, P, any_of
from checker.config import Parameter
from checker.i18n import Text
from checker.rules import Measure, Penalty, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="food-complaints",
    title=Text(
        "公司客户管理制度摘录（扩展1第10句：投诉的通报批评）",
        "Customer management fragment (ext. 1 #10: criticism on complaints)",
    ),
    short_title=Text("客户管理制度摘录（扩展1）", "Customer Rules Fragment (ext. 1)"),
    source_file="002_5ebf93d90409536b.txt",
    section="扩展1",
    lines=(131, 131),
    default_enabled=False,
    profile_note=Text(
        "未具名公司制度中的一句摘录；其对工作态度投诉的通报批评与默认采用的制度9（30-100元罚款）对同一投诉的"
        "处罚并存，须由采用该制度的公司自行选用。",
        "One sentence of an unnamed company's rules; its public criticism for attitude "
        "complaints would stand beside 制度9's 30–100 yuan for the same complaint, so a company "
        "that runs it selects it.",
    ),
)

PARAMETERS = (
    Parameter(
        "food.categories",
        Literal["listed", "all_service"],
        "listed",
        Text(
            "适用的投诉类别：原文列举的售后服务、工作失职、工作态度（listed，默认），"
            "或按“等”字扩及服务效率、专业素质（all_service）。",
            "Which complaints: those the text lists, after-sales service, dereliction and "
            "attitude (listed, default), or, reading '等' as open, also service efficiency and "
            "professional competence (all_service).",
        ),
    ),
)

LISTED = ["售后服务", "工作失职", "工作态度"]
EXTENDED = ["服务效率", "专业素质"]


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


IN_SCOPE = any_of(
    F.category.is_in(LISTED), (P("food.categories") == "all_service") & F.category.is_in(EXTENDED)
) & any_of(F.substantiated.is_true(), F.substantiated.is_null())

RULES = [
    reg(
        "SAL-CPL-8",
        article="第10句",
        line=131,
        text="10、3投诉资料是产品的售后服务,工作人员的失职,工作态度等营管办会对被投诉的当事人进行通报批评,"
        "并且将处罚和批评的结果反馈给客户。",
        title=(
            "售后服务、失职、工作态度投诉：通报批评当事人并将结果反馈客户",
            "Complaints of after-sales service, dereliction or attitude: public criticism, the "
            "outcome reported to the customer",
        ),
        checks=[
            check(
                "StaffComplaint",
                IN_SCOPE,
                "投诉{case_id}（{received_date}受理）涉及{category}，应对当事人通报批评并将结果反馈客户",
                "complaint {case_id} (received {received_date}) concerns {category}: public "
                "criticism, reported back to the customer",
            ),
            check(
                "StaffComplaint",
                IN_SCOPE & any_of(F.criticism_notice.is_false(), F.criticism_notice.is_null()),
                "未对当事人通报批评",
                "the employee was not publicly criticised",
            ),
            check(
                "StaffComplaint",
                IN_SCOPE & F.feedback_date.is_null(),
                "处罚和批评的结果未反馈客户",
                "the outcome was not reported back to the customer",
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="第10句",
            text="对被投诉的当事人进行通报批评,并且将处罚和批评的结果反馈给客户",
            measures=(Measure.CRITICISM_NOTICE, Measure.CUSTOMER_FEEDBACK),
        ),
        readings=(
            Reading(
                Text(
                    "“投诉资料”即投诉内容；“3”为原文残留的编号。投诉登记为不成立的不通报批评；未记录是否成立的按成立处理。",
                    "'投诉资料' is the complaint's content; the '3' is a stray number. Complaints "
                    "recorded as not upheld are not criticised; those without the column count "
                    "as upheld.",
                )
            ),
            Reading(
                Text(
                    "“等”是否扩及其他服务类投诉，原文不明；默认仅限列举的三类。",
                    "Whether '等' reaches other service complaints is unclear; by default only "
                    "the three listed.",
                ),
                "food.categories",
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
