"""客服人员职业操守 (公司客户管理制度 50句菁华, 主表 and 扩展1): shared/regulations/002_…, lines 1–232.

Sentences on customer-service staff's professional conduct that recur in the two lists (主表
#41 ≡ #50 ≡ 扩展1 #44, 扩展1 #36 and #56): supplier information is not passed to customers,
company trade secrets are not leaked, users' personal information is protected (catalogue
SEC-30). The lists lift sentences out of unnamed companies' rules, so the default profile leaves
this off; a company whose rules they are selects it. No sanction is stated.
"""

from __future__ import annotations

from checker.conditions import F
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, check, rule_of

REGULATION = Regulation(
    id="service-conduct-sentences",
    title=Text(
        "客服人员职业操守（公司客户管理制度50句菁华主表、扩展1）",
        "Customer-service professional conduct (50 key sentences, main list and ext. 1)",
    ),
    short_title=Text("客服职业操守", "Service Conduct Sentences"),
    source_file="002_5ebf93d90409536b.txt",
    section="主表、扩展1",
    lines=(1, 232),
    default_enabled=False,
    profile_note=Text(
        "网页汇编中摘出的句子，出处公司不明，只适用于采用这些规定的公司，须由其自行选用。",
        "Sentences lifted from unnamed companies' rules by a web compilation; a company whose "
        "rules they are selects them.",
    ),
)

PARAMETERS = ()
OUTSIDE = ["顾客", "其他外部单位或个人"]

RULES = [
    rule_of(
        REGULATION,
        "SEC-30",
        article="主表第41句等",
        line=85,
        text=(
            "41、遵守基本的职业操守,不得向顾客供货商的信息及资料\n"
            "36、遵守基本的职业操守,不遗漏公司任何商业机密。\n"
            "56、遵纪守法,维护用户个人保密及个人信息。"
        ),
        title=(
            "不向顾客泄露供货商资料，不泄露商业机密和用户个人信息",
            "No supplier information to customers; no trade secrets or users' personal data leaked",
        ),
        checks=[
            check(
                "InformationRelease",
                (F.content == "供货商资料") & (F.recipient_type == "顾客"),
                "{released_on}向{recipient}（顾客）提供供货商的信息及资料（{channel}：{description}）",
                "supplier information went to the customer {recipient} on {released_on} "
                "({channel}: {description})",
            ),
            check(
                "InformationRelease",
                (F.content == "商业机密") & F.recipient_type.is_in(OUTSIDE),
                "{released_on}以{channel}向{recipient}泄露公司商业机密（{description}）",
                "a company trade secret went to {recipient} on {released_on} by {channel} "
                "({description})",
            ),
            check(
                "InformationRelease",
                (F.content == "用户个人信息") & F.recipient_type.is_in(OUTSIDE),
                "{released_on}以{channel}向{recipient}提供用户个人信息（{description}），未维护用户个人信息",
                "users' personal information went to {recipient} on {released_on} by {channel} "
                "({description})",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "第41句缺动词，读作“不得向顾客泄露供货商的信息及资料”；扩展1第36句“不遗漏”读作“不泄露”。"
                    "主表第50句、扩展1第44句与第41句相同。",
                    "#41 lacks its verb and reads 'must not disclose supplier information to "
                    "customers'; 扩展1 #36 '不遗漏' reads as 'not leak'. 主表 #50 and 扩展1 #44 "
                    "repeat #41.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
