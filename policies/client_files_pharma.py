"""客户档案 rules of a pharmaceutical distributor (制度4): shared/regulations/001_…, lines 107–112.

Five items: the employee in direct contact opens a customer's file within a week, the direct
superior reviews it and a designated person keeps it (1); the main distributors, hospitals,
pharmacies and retailers with long-term ties have their files completed every quarter (2); files
are lent only under the borrowing rules, never to unrelated people or on personal terms (4); no
one keeps a file for themselves (5). No sanction is stated. Item 3 (kept and sorted "under the
company's rules") refers to rules not in the sources. The default profile leaves it off (its
deadlines differ from other companies', catalogue Part 4 V15); the distributor selects it.
"""

from __future__ import annotations

from checker.conditions import F, R, days, next_working_day, related, when
from checker.derived import derived_field
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, Rule, check, rule_of
from policies._deadlines import overdue

REGULATION = Regulation(
    id="client-files-pharma",
    title=Text(
        "医药经销商客户档案管理制度（制度4）", "A drug distributor's client-file rules (no. 4)"
    ),
    short_title=Text("客户档案管理制度", "Client File Rules"),
    source_file="001_0caae5353eb12260.txt",
    section="客戶公司管理制度4",
    lines=(107, 112),
    default_enabled=False,
    profile_note=Text(
        "一家医药经销商的制度；建档期限和审核人与其他公司的同类规定不同（目录第4部分V15），须由该公司选用。",
        "One drug distributor's rules; its deadline and reviewer for new files differ from "
        "other companies' (catalogue Part 4 V15): that company selects them.",
    ),
)

PARAMETERS = ()


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


BORROWED = F.access_type == "借阅"

# A borrowed file is back by the day its loan states (4–5: kept past it, it is kept for oneself).
derived_field(
    "ClientFileAccess",
    "held_late",
    when(BORROWED, overdue(F.returned_date, F.due_date), None),
    "4–5",
    "逾期未还",
    "A borrowed file back late, or still out and overdue",
)

# A borrowed file the borrower still held on leaving (5: kept for oneself), borrowed on or
# before the last day of the borrower's departure (the last read of their departures).
_LAST_DAY = related("StaffDeparture", person_id=F.accessor_id).last(R.departure_date)
derived_field(
    "ClientFileAccess",
    "held_at_departure",
    when(
        BORROWED & (F.accessed_date <= _LAST_DAY),
        when(F.returned_date.is_null() | (F.returned_date > _LAST_DAY), True, False),
        None,
    ),
    "4–5",
    "离职时未归还",
    "The borrower left before the file came back",
)

# A file opened within a week of the first contact (1): the week's last day, moved off a rest day
# (catalogue §0), by the employee in contact.
derived_field(
    "CustomerFile",
    "file_due",
    next_working_day(F.first_contact_date + days(7)),
    "1",
    "应建档日",
    "Last day of the week after the first contact",
)
derived_field(
    "CustomerFile",
    "created_late",
    overdue(F.created_date, F.file_due),
    "1",
    "未在一周内建档",
    "Opened later, or still not and overdue",
)
derived_field(
    "CustomerFile",
    "created_by_owner",
    when(F.created_by.not_null(), when(F.created_by == F.owner_id, True, False), None),
    "1",
    "由直接联系人建档",
    "Opened by the employee in contact",
)

RULES = [
    reg(
        "ARC-25",
        article="4–5",
        line=111,
        text="4、檔案的`保管應嚴格執行檔案借閱制度,不得將檔案材料拿給無關人員閱讀或憑私人關系隨意借閱。\n"
        "5、客戶檔案是公司的重要財產,任何人不得據為己有。",
        title=(
            "客户档案按借阅制度借阅，不得给无关人员或凭私人关系借阅，任何人不得据为己有",
            "Client files lent only under the rules, never on personal terms, kept by no one",
        ),
        checks=[
            check(
                "ClientFileAccess",
                F.business_need.is_false(),
                "{accessor_id}于{accessed_date}{access_type}了客户{customer_id}的档案，并非工作需要（{purpose}）",
                "{accessor_id} read or borrowed customer {customer_id}'s file on "
                "{accessed_date} with no work need ({purpose})",
            ),
            check(
                "ClientFileAccess",
                BORROWED & F.borrow_registered.is_false(),
                "{accessor_id}于{accessed_date}借阅客户{customer_id}的档案，未办理借阅登记",
                "{accessor_id} borrowed customer {customer_id}'s file on {accessed_date} "
                "without registering the loan",
            ),
            check(
                "ClientFileAccess",
                F.held_late.is_true(),
                "{accessor_id}借阅的客户{customer_id}档案应于{due_date}归还，实际归还：{returned_date}",
                "{accessor_id} was due to return customer {customer_id}'s file by {due_date}; "
                "returned: {returned_date}",
            ),
            check(
                "ClientFileAccess",
                F.held_at_departure.is_true(),
                "{accessor_id}离职时仍持有借阅的客户{customer_id}档案（据为己有）",
                "{accessor_id} left still holding customer {customer_id}'s borrowed file",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "所称“档案借阅制度”不在原文中：以查阅记录中的“因工作需要”和借阅登记为准；借阅逾期未还"
                    "或离职时仍未归还，即为据为己有。",
                    "The borrowing rules it refers to are not in the sources: the access "
                    "record's work need and loan registration stand for them; a borrowed file "
                    "kept past its return date, or at departure, is kept for oneself.",
                )
            ),
        ),
    ),
    reg(
        "ARC-30",
        article="1–2",
        line=108,
        text="1、客戶檔案由與客戶直接聯系的人一周內負責建立,交直接上級審核,專人負責保管。\n"
        "2、與公司有長期合作關系的主要經銷商、醫院、藥店、零售商等每季度由直接責任人負責對客戶檔案進行填充、修改和完善,"
        "填充、修改和完善的內容按時交檔案管理人。",
        title=(
            "直接联系人一周内建档，上级审核，专人保管；长期客户每季度完善",
            "Files opened within a week by the contact, reviewed, kept; partners' completed each quarter",
        ),
        checks=[
            check(
                "CustomerFile",
                F.created_late.is_true(),
                "客户{customer_id}（{customer_name}）{first_contact_date}接触，应于{file_due}前建档，实际：{created_date}",
                "customer {customer_id} ({customer_name}), first dealt with on "
                "{first_contact_date}, was due a file by {file_due}; opened: {created_date}",
            ),
            check(
                "CustomerFile",
                F.created_by_owner.is_false(),
                "客户{customer_id}的档案由{created_by}建立，不是直接联系人{owner_id}",
                "customer {customer_id}'s file was opened by {created_by}, not the contact "
                "{owner_id}",
            ),
            check(
                "CustomerFile",
                F.created_date.not_null() & F.reviewed_date.is_null(),
                "客户{customer_id}的档案未交直接上级审核",
                "customer {customer_id}'s file was not reviewed by the direct superior",
            ),
            check(
                "CustomerFile",
                F.created_date.not_null() & F.custodian_id.is_null(),
                "客户{customer_id}的档案无专人保管",
                "customer {customer_id}'s file has no keeper",
            ),
            check(
                "PartnerQuarter",
                F.updated.is_false(),
                "长期合作客户{customer_id}（{customer_name}）{quarter}未填充、修改和完善档案",
                "long-term partner {customer_id} ({customer_name}): file not completed in "
                "{quarter_en}",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "“一周内”为7个日历日，自首次接触次日起算，第7天遇休息日顺延（目录§0）。“每季度”按自然季度，"
                    "自建档后的下一个完整季度起，至审计日前已结束的季度止。",
                    "'Within a week' is 7 calendar days from the day after the first contact, "
                    "a 7th day on a rest day moving to the next working day (catalogue §0). "
                    "'Every quarter' is a calendar quarter, from the first full quarter after "
                    "the file was opened to the last ended by the audit date.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
