"""客户档案 rules of a sales company (制度10): shared/regulations/001_…, lines 313–343.

A coal seller's (营销总公司, 各礦) customer procedure: a client file holds the contacts, the
credit standing and the past transactions, has a designated keeper, is updated promptly after a
transaction and is approved by the sales director (4.1.2 a–c). No sanction is stated. The rest
(relationship visits, a yearly satisfaction survey) is not an archive rule. The default profile
leaves it off (its approver differs from other companies', catalogue Part 4 V15).
"""

from __future__ import annotations

from checker.conditions import F, when
from checker.derived import derived_field
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, Rule, check, rule_of
from policies._deadlines import overdue, within_working_days

REGULATION = Regulation(
    id="client-files-sales",
    title=Text(
        "客户档案与客户关系管理规定（制度10）", "A sales company's client-file rules (no. 10)"
    ),
    short_title=Text("客户管理规定", "Client Rules"),
    source_file="001_0caae5353eb12260.txt",
    section="客戶公司管理制度10",
    lines=(313, 343),
    default_enabled=False,
    profile_note=Text(
        "一家销售公司的制度；客户档案由销售总监审批，与其他公司的同类规定不同（目录第4部分V15），须由该公司选用。",
        "One sales company's rules; files approved by the sales director differ from other "
        "companies' (catalogue Part 4 V15): that company selects them.",
    ),
)

PARAMETERS = ()


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


# 4.1.2 a–c: a file updated promptly after a transaction, within sales10.update_days working days;
# an update before the latest transaction does not count.
derived_field(
    "CustomerFile",
    "update_due",
    within_working_days(F.last_transaction_date, "sales10.update_days"),
    "4.1.2 a–c",
    "应更新日",
    "Last day to update after the latest transaction",
)
derived_field(
    "CustomerFile",
    "update_late",
    overdue(
        when(F.last_updated_date >= F.last_transaction_date, F.last_updated_date, None),
        F.update_due,
    ),
    "4.1.2 a–c",
    "未及时更新",
    "Not updated by then (or still not)",
)


RULES = [
    reg(
        "ARC-31",
        article="4.1.2 a–c",
        line=325,
        text="a) 銷售部、人事部聯營辦負責建立各自客戶檔案,客戶檔案應包括以下內容:\n"
        "1. 客戶聯系方式,包括電話、聯系人、網址等;\n"
        "2. 客戶信用狀況描述;\n"
        "3. 客戶以往交易記錄等。\n"
        "b) 客戶檔案設專人管理,并根據客戶的交易情況對檔案內容進行及時更新;\n"
        "c) 客戶檔案由銷售總監進行審批確認。",
        title=(
            "客户档案含联系方式、信用状况、交易记录，专人管理、及时更新，销售总监审批",
            "Contacts, credit and transactions on file, a keeper, prompt updates, the sales director's approval",
        ),
        checks=[
            check(
                "CustomerFile",
                F.missing_sales.not_null(),
                "客户{customer_id}（{customer_name}）的档案缺少{missing_sales}",
                "customer {customer_id} ({customer_name})'s file lacks {missing_sales}",
            ),
            check(
                "CustomerFile",
                F.created_date.not_null() & F.custodian_id.is_null(),
                "客户{customer_id}的档案未设专人管理",
                "customer {customer_id}'s file has no keeper",
            ),
            check(
                "CustomerFile",
                F.update_late.is_true(),
                "客户{customer_id}于{last_transaction_date}有交易，档案应于{update_due}前更新，最近更新：{last_updated_date}",
                "customer {customer_id} traded on {last_transaction_date}; the file was due an "
                "update by {update_due}, last updated {last_updated_date}",
            ),
            check(
                "CustomerFile",
                F.created_date.not_null() & F.approved_by_role.is_null(),
                "客户{customer_id}的档案未经销售总监审批确认",
                "customer {customer_id}'s file was not approved by the sales director",
            ),
            check(
                "CustomerFile",
                F.approver_permitted.is_false(),
                "客户{customer_id}的档案由{approved_by_role}审批确认，不是销售总监",
                "customer {customer_id}'s file was approved by the {approved_by_role}, not the "
                "sales director",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "“及时更新”未量化：默认最近一次交易后1个工作日内更新档案。",
                    "'Updated promptly' has no number: by default within 1 working day of the "
                    "latest transaction.",
                ),
                "sales10.update_days",
            ),
            Reading(
                Text(
                    "审批确认人可配置（默认销售总监）。",
                    "The approver is configurable (the sales director).",
                ),
                "sales10.file_approvers",
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
