"""公司管理制度 50句菁华 (公司客户管理制度 扩展2): shared/regulations/002_…, lines 234–337.

A general company's administrative sentences. Sentence 11 binds its site workers in customers'
homes: no clashes with the owner, no damage, no asking for things or making unreasonable demands,
no stealing or using the customer's belongings. No sanction is stated. The other sentences are
other rows of the catalogue (SEC-27, OTH-HRF-*); sentence 5, sealed documents that cannot be used
go back to finance to be destroyed, is ARC-38.
"""

from __future__ import annotations

from dataclasses import replace

from checker.conditions import F, any_of
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="company-admin-sentences",
    title=Text(
        "公司管理制度50句菁华（公司客户管理制度扩展2）",
        "Company administration, 50 key sentences (extension 2)",
    ),
    short_title=Text("公司管理制度", "Company Administration Rules"),
    source_file="002_5ebf93d90409536b.txt",
    section="扩展2",
    lines=(234, 337),
)

PARAMETERS = ()

SITE_CONDUCT = ("顶撞业主", "损坏业主物品", "索要物品", "无理要求", "偷窃业主物品", "私用业主物品")


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


RULES = [
    reg(
        "SAL-SVC-08",
        article="第11句",
        line=258,
        text=(
            "11、施工时注意文明用语,应维护本公司的文明形象,尊重业主的意见和建议,不得发生顶撞或冲突;"
            "爱护业主的设施,爱护成品物,不得损坏。不得向业主索要物品,不得向业主提出无理要求,"
            "更不得偷窃或私自使用客户物品。"
        ),
        title=(
            "施工人员不得顶撞业主、损坏、索要、偷窃或私用业主物品",
            "Site workers: no clashes, damage, demands, theft or use of the owner's things",
        ),
        checks=[
            check(
                "ConductObservation",
                F.conduct.is_in(list(SITE_CONDUCT)),
                "{observed_date}施工时{conduct}（记录人：{observer}；{note}）",
                "{observed_date}, on site: {conduct} (recorded by {observer}; {note})",
            ),
        ],
        penalty=replace(NONE_STATED, note=Text("原文未规定处罚", "no sanction stated")),
        readings=(
            Reading(
                Text(
                    "每条查实的行为记录报告一次。“冲突”不论起因均记为“顶撞业主”；“文明用语”“尊重业主的意见”"
                    "须凭主观评价，不在检查之内。",
                    "Every recorded occurrence is reported once. A clash of any origin is "
                    "recorded as 顶撞业主; polite language and respect for the owner's wishes "
                    "need a judgement and are not checked.",
                )
            ),
        ),
    ),
    reg(
        "ARC-38",
        article="第5句",
        line=246,
        text="5、已盖公章的文件若不能使用,必须交回财务部销毁。",
        title=(
            "作废的盖章文件交回财务部销毁",
            "Unusable sealed documents handed back to finance and destroyed",
        ),
        checks=[
            check(
                "VoidSealedDocument",
                any_of(F.returned_to.is_null(), F.returned_to != "财务部"),
                "已盖公章的{doc_name}（{doc_id}）{voided_date}作废，未交回财务部（交回：{returned_to}）",
                "sealed {doc_name} ({doc_id}), void since {voided_date}, was not handed back to "
                "finance (handed to: {returned_to})",
            ),
            check(
                "VoidSealedDocument",
                F.destroyed_date.is_null(),
                "已盖公章的{doc_name}（{doc_id}）{voided_date}作废，至审计日未销毁",
                "sealed {doc_name} ({doc_id}), void since {voided_date}, is not destroyed",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "原文未规定交回和销毁的期限：审计日仍未交回财务部或仍未销毁的即报告。",
                    "No deadline is given: a document not yet handed back or destroyed on the "
                    "audit date is reported.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
