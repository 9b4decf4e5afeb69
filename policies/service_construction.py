"""公司管理制度 50句菁华 (公司客户管理制度 扩展2): shared/regulations/002_…, lines 234–337.

A general company's administrative sentences. Sentence 11 binds its site workers in customers'
homes: no clashes with the owner, no damage, no asking for things or making unreasonable demands,
no stealing or using the customer's belongings. No sanction is stated. The other sentences are
other rows of the catalogue (OTH-HRF-*). Sentence 5 sends sealed documents that cannot be
used back to finance to be destroyed (ARC-38). Four sentences keep company information in: urgent
and trade-secret faxes go to designated staff (#3, SEC-27), no file leaves the company (#48,
SEC-28), and a lost disciplinary list names leaks of research, production or business secrets
(#39, SEC-31).
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

NO_SANCTION = replace(NONE_STATED, note=Text("原文未规定处罚", "no sanction stated"))
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
        penalty=NO_SANCTION,
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
    reg(
        "SEC-27",
        article="第3句",
        line=242,
        text="3、急件或涉及商业机密的传真应由专人处理。",
        title=(
            "急件或涉密传真由专人处理",
            "Urgent faxes and faxes on trade secrets go to designated staff",
        ),
        checks=[
            check(
                "Fax",
                (F.urgent.is_true() | F.trade_secret.is_true())
                & F.handled_by_designated.is_false(),
                "{fax_date}{direction}的传真{fax_id}（{subject_line}；急件：{urgent}，涉及商业机密：{trade_secret}）"
                "由{handled_by}处理，不是指定的专人",
                "fax {fax_id} ({direction}, {fax_date}; {subject_line}; urgent: {urgent}, trade "
                "secret: {trade_secret}) was handled by {handled_by}, not a designated person",
            )
        ],
        penalty=NO_SANCTION,
        needs_params=("admin.fax_handlers",),
        readings=(
            Reading(
                Text(
                    "原文未指明“专人”是谁，须由公司在 admin.fax_handlers 列明；未列明时本条不运行。",
                    "The text names no one: the company lists its designated persons in "
                    "admin.fax_handlers, and until then the rule does not run.",
                ),
                "admin.fax_handlers",
            ),
        ),
    ),
    reg(
        "SEC-28",
        article="第48句",
        line=332,
        text="48、严禁将公司任何文件进行抄录、复制、传递出公司(包括利用网络传输)。",
        title=(
            "公司文件不得抄录、复制、传递出公司",
            "No company file is copied or passed out of the company",
        ),
        checks=[
            check(
                "InformationRelease",
                (F.content == "公司文件") & (F.recipient_type != "公司内部"),
                "{released_on}将公司文件（{description}）以{channel}传递出公司，接收方：{recipient}",
                "a company file ({description}) left the company by {channel} on {released_on}, "
                "to {recipient}",
            )
        ],
        penalty=NO_SANCTION,
        readings=(
            Reading(
                Text(
                    "“抄录、复制、传递出公司”读作以抄录、复制或传递（含网络传输）的方式使文件离开公司；公司内部的复制"
                    "不属本句。",
                    "'Transcribe, copy or pass out of the company' reads as any of these taking a "
                    "file outside the company (network transfer included); copies kept inside "
                    "the company are not this sentence's concern.",
                )
            ),
        ),
    ),
    reg(
        "SEC-31",
        article="第39句",
        line=314,
        text="39、泄漏科研、生产、业务机密者",
        title=("泄漏科研、生产、业务机密", "Leaking research, production or business secrets"),
        checks=[
            check(
                "LeakLiability",
                (F.conduct == "泄露") & F.secret_field.is_in(["科研", "生产", "业务"]),
                "{responsible_label}泄漏{secret_field}机密（事件{incident_id}，{discovered_on}）",
                "{responsible_label} leaked {secret_field} secrets (incident {incident_id}, "
                "{discovered_on})",
            )
        ],
        penalty=replace(
            NONE_STATED,
            note=Text("所属处分条款的标题与处分已缺失", "the list's heading and sanction are lost"),
        ),
        readings=(
            Reading(
                Text(
                    "本句是某处分清单的一项，清单标题与处分已缺失；每起查实的泄漏报告一次，不计处罚。",
                    "The sentence is an item of a lost disciplinary list; each leak found is "
                    "reported once, without a sanction.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
