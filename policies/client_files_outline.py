"""客户管理办法 fragments in 公司客户管理制度 50句菁华 (主表 #29–#34): shared/regulations/002_…, lines 61–71.

The headings of a client-management regulation lifted into F002's first list ("1总则", "4客户备案",
"5客户档案查阅", "9附则") with two of its sentences: another department's client files are read
only with the general manager's approval (#32), and a leaver's customers are told and given
another contact (#33, a version of 制度13 七4). Fragments of an unnamed company: the default
profile leaves them off.
"""

from __future__ import annotations

from checker.conditions import F, R, related, when
from checker.derived import derived_field
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="client-file-outline",
    title=Text(
        "客户管理办法（公司客户管理制度50句菁华主表第29–34句）",
        "Client management rules (fragments, main list #29–34)",
    ),
    short_title=Text("客户管理办法", "Client Management Rules"),
    source_file="002_5ebf93d90409536b.txt",
    section="主表",
    lines=(61, 71),
    default_enabled=False,
    profile_note=Text(
        "摘录自未具名公司的客户管理办法片段；查阅他部门档案须总经理批准，与制度13（未经许可）等规定不同"
        "（目录第4部分V13），须由采用该制度的公司自行选用。",
        "Fragments of an unnamed company's client rules; reading another department's files "
        "with the GM's approval differs from 制度13 and others (catalogue Part 4 V13): a "
        "company that runs them selects them.",
    ),
)

PARAMETERS = ()


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


# 第32句: the file's department is the access record's, else the client file's; a reader of
# another department needs the approval.
derived_field(
    "ClientFileAccess",
    "file_dept_used",
    F.file_dept.or_else(related("CustomerFile", customer_id=F.customer_id).last(R.dept)),
    "第32句",
    "档案所属部门(采用)",
    "The file's department, as recorded",
)
derived_field(
    "ClientFileAccess",
    "other_dept",
    when(
        F.accessor_dept.not_null() & F.file_dept_used.not_null(),
        when(F.accessor_dept != F.file_dept_used, True, False),
        None,
    ),
    "第32句",
    "非本部门档案",
    "The reader is from another department",
)

RULES = [
    reg(
        "ARC-22",
        article="第31–32句",
        line=65,
        text="31、5客户档案查阅\n32、非本业务部门客户档案,经总经理批准后,可以进行查阅。",
        title=(
            "查阅非本业务部门客户档案须经总经理批准",
            "Another department's client files read only with the GM's approval",
        ),
        checks=[
            check(
                "ClientFileAccess",
                F.other_dept.is_true() & F.gm_approved.is_false(),
                "{accessor_dept}的{accessor_id}于{accessed_date}查阅{file_dept_used}的客户{customer_id}档案，"
                "未事先经总经理批准（批准：{approver_role} {approved_date}）",
                "{accessor_id} of {accessor_dept} read customer {customer_id}'s file of "
                "{file_dept_used} on {accessed_date} without the GM's prior approval "
                "(approved: {approver_role} {approved_date})",
            )
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "“批准后”即查阅当日或之前批准；档案所属部门取查阅记录所填，未填时取客户档案的所属部门。",
                    "'After approval': approved on or before the day of access; the file's "
                    "department is the access record's, else the client file's.",
                ),
                "outline.access_approvers",
            ),
        ),
    ),
    reg(
        "ARC-27-ZB",
        provision="ARC-27",
        article="第33句",
        line=69,
        text="33、负责与客户联系的员工调离公司时,应由公司及时通知有关客户,并指派其他员工代替调离员工迅速与客户建立联系。",
        title=(
            "员工调离时及时通知客户并指派其他员工代替",
            "A leaver's customers told promptly, another employee taking over",
        ),
        checks=[
            check(
                "ClientHandoverDuty",
                F.notice_late.is_true(),
                "调离员工的客户{customer_id}应于{notice_due}前通知，实际通知：{notified_date}",
                "the leaver's customer {customer_id} was due to be told by {notice_due}; told: "
                "{notified_date}",
            ),
            check(
                "ClientHandoverDuty",
                F.owner_late.is_true(),
                "客户{customer_id}应于{notice_due}前指派其他员工代替，实际：{new_owner_id} {assigned_date}",
                "customer {customer_id} was due another contact by {notice_due}; assigned: "
                "{new_owner_id} {assigned_date}",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "与制度13七4（ARC-27）几乎同文，出自另一份客户管理办法；“及时”默认离职后1个工作日内。",
                    "Nearly the words of 制度13 七4 (ARC-27), from another client regulation; "
                    "'promptly' by default within 1 working day of leaving.",
                ),
                "client.notice_days",
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
