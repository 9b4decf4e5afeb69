"""客户服务部客户档案管理 of a property company (篇十二): shared/regulations/000_…, lines 427–446.

A property-management company's customer-service department keeps a file per resident holding
eight kinds of material (3.1–3.8): collected details, fee and deposit records, fit-out works,
move-in forms, supplements (ID, contacts, emergency contacts, changes), correspondence with the
company, breaches and arrears, repair reports. No sanction is stated. 制度8 is another property
company's longer list (catalogue Part 4 V9; ARC-36-P8): the default profile applies neither.
"""

from __future__ import annotations

from checker.conditions import F
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, check, rule_of

REGULATION = Regulation(
    id="property-client-files",
    title=Text("客户服务部客户档案管理（篇十二）", "Customer-service client files (part 12)"),
    short_title=Text("客户档案管理", "Client File Management"),
    source_file="000_0502e1545e4045f1.txt",
    section="篇十二",
    lines=(427, 446),
    default_enabled=False,
    profile_note=Text(
        "一家物业公司的客户档案内容清单，与制度8的清单不同（目录第4部分V9），须由该公司选用。",
        "One property company's list of file contents, unlike 制度8's (catalogue Part 4 V9): "
        "that company selects it.",
    ),
)

PARAMETERS = ()

RULES = [
    rule_of(
        REGULATION,
        "ARC-36",
        article="3.0",
        line=435,
        text="客户档案资料的管理主要是收集、整理、归档及使用四个环节。一般客户档案包括以下的资料:\n"
        "3.1收集客户资料\n3.2客户缴费记录包括各样应付押金\n3.3客户装修工程文件\n3.4客户迁入时填具之资料\n"
        "3.5客户资料补充\n3.6客户与物业公司往来文件\n3.7客户违规事项与欠费记录\n3.8客户报修记录",
        title=("客户档案包括3.1–3.8所列资料", "A client file holds the materials of 3.1–3.8"),
        checks=[
            check(
                "CustomerFile",
                F.missing_property.not_null(),
                "客户{customer_id}（{customer_name}）的档案缺少{missing_property}",
                "customer {customer_id} ({customer_name})'s file lacks {missing_property}",
            )
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "按档案的“档案内容”逐项核对八类资料；3.5的证件、联络、紧急联络人、人事变迁资料归入“资料补充”。"
                    "未填写档案内容的档案不检查。",
                    "The eight kinds are checked against the file's 档案内容; 3.5's ID, contact, "
                    "emergency and personnel details count as 资料补充. Files without 档案内容 "
                    "are not checked.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
