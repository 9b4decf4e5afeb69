"""客户投诉处理原则 (客戶公司管理制度9 六): shared/regulations/001_…, lines 285–291.

The six principles of 制度9 for handling a complaint: patience, sincerity, a quick response, fit
words, attention by rank and a follow-up visit. Two leave a trace in a reviewed call: the agent
interrupting the customer (六1) and answering tit for tat (六4). No sanction is attached to the
principles; 制度9's fines (七) are encoded in policies/complaints_sanctions.py, which audits the
same company's sanction records. The same two principles recur in F002 (主表 #10–11, 扩展3 #42).
"""

from __future__ import annotations

from dataclasses import replace

from checker.conditions import F, all_of
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="complaint-principles",
    title=Text(
        "客户投诉处理原则（客户公司管理制度9第六部分）",
        "Principles of complaint handling (rules 9, part six)",
    ),
    short_title=Text("投诉处理原则", "Complaint Principles"),
    source_file="001_0caae5353eb12260.txt",
    section="制度9 六",
    lines=(285, 291),
)

PARAMETERS = ()


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


RULES = [
    reg(
        "SAL-SVC-10",
        article="六1、六4",
        line=286,
        text=(
            "1、耐心:耐心傾聽客戶的投訴,不要打斷客戶的.抱怨和牢騷,鼓勵客戶提出意見.\n"
            "4.語言得體:盡量用婉轉(zhuǎn)的語言與客戶溝通,不能和客戶針鋒相對"
        ),
        title=(
            "受理投诉不打断客户、不与客户针锋相对",
            "Complaints: do not interrupt the customer or answer tit for tat",
        ),
        checks=[
            check(
                "ServiceCall",
                all_of(F.purpose == "投诉", F.interruptions > 0),
                "投诉来电{call_id}（{started_at}）质检：打断客户{interruptions}次",
                "complaint call {call_id} ({started_at}), review: the agent interrupted the "
                "customer {interruptions} times",
            ),
            check(
                "ServiceCall",
                all_of(F.purpose == "投诉", F.findings.has("针锋相对")),
                "投诉来电{call_id}（{started_at}）质检：与客户针锋相对",
                "complaint call {call_id} ({started_at}), review: the agent answered the "
                "customer tit for tat",
            ),
        ],
        penalty=replace(NONE_STATED, note=Text("原文未规定处罚", "no sanction stated")),
        readings=(
            Reading(
                Text(
                    "只检查记为“投诉”的来电；打断次数和“针锋相对”以质检评定为准，未质检的通话不检查。一次打断即报告。",
                    "Only calls recorded as complaints are checked; interruptions and tit-for-"
                    "tat are what the quality review found, and unreviewed calls are not "
                    "checked. A single interruption is reported.",
                )
            ),
            Reading(
                Text(
                    "原则本身不附处罚。质检发现若查实为七(二)3“與客戶發生爭執”，其罚款在《客户服务投诉管理制度》"
                    "的处罚记录中核对，不在本条。",
                    "The principles carry no sanction. Where a review establishes 七(二)3's "
                    "'quarrel with the customer', its fine is checked on the sanction records "
                    "of 制度9 七, not here.",
                )
            ),
            Reading(
                Text(
                    "F002主表第10–11句（第23、25行）与扩展3第42句（第425行，“接听客户的投诉电话时,不允许打断客户”）"
                    "是同一原则的摘录，不另立规则；六2、六3、六5、六6须凭主观评价。",
                    "F002 主表 #10–11 (lines 23, 25) and 扩展3 #42 (line 425, 'do not interrupt a "
                    "customer calling to complain') are excerpts of the same principles and get "
                    "no rule of their own; 六2, 六3, 六5 and 六6 need a judgement.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
