"""客户资料管理办法 (客户公司管理制度13): shared/regulations/001_…, lines 420–453.

A distributor's rules for client records, run by its information department (信息部). Article
四 has every department report its major dealings with clients to 信息部, unless the business
itself is confidential (catalogue SEC-26). No sanction is stated. The archive articles (五 调离,
六 查阅权限, 七 联系) are rows of catalogue part D (ARC-23, ARC-26, ARC-27, ARC-32).
"""

from __future__ import annotations

from checker.conditions import F, any_of
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, check, rule_of

REGULATION = Regulation(
    id="client-data-rules",
    title=Text("客户资料管理办法（客户公司管理制度13）", "Client data rules (rules 13)"),
    short_title=Text("客户资料管理办法", "Client Data Rules"),
    source_file="001_0caae5353eb12260.txt",
    section="制度13",
    lines=(420, 453),
)

PARAMETERS = ()

RULES = [
    rule_of(
        REGULATION,
        "SEC-26",
        article="四",
        line=444,
        text="四、公司各部門與客戶接觸的重大事項,均須報告信息部(除該業(yè)務(wù)保密外),"
        "不得局限在業(yè)務(wù)人員個人范圍內(nèi)。",
        title=(
            "与客户接触的重大事项报告信息部（业务保密的除外）",
            "Major dealings with clients are reported to 信息部 unless the business is "
            "confidential",
        ),
        checks=[
            check(
                "ClientContact",
                F.major.is_true()
                & any_of(F.business_confidential.is_false(), F.business_confidential.is_null())
                & F.reported_on.is_null(),
                "{contact_date}与客户{client}接触的重大事项（{matter}）未报告信息部",
                "the major dealing with {client} on {contact_date} ({matter}) was not reported "
                "to 信息部",
            )
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "原文未定报告期限：至审计日仍未报告的重大事项即报告；该业务本身保密的除外。",
                    "No deadline is set: a major dealing still unreported on the audit date is "
                    "reported, unless the business itself is confidential.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
