"""客户资料管理办法 (制度13): shared/regulations/001_…, lines 420–453.

A company's rules for its client information (interpreted by its 销售中心): a file for every
customer contacted, finance accounts opened or renamed only on a paper application, letters,
faxes and calls recorded in the file (三, 七2); files read only with permission (六); a leaver
takes no client documents, which the leaver's department and the information department receive
(五); the leaver's customers are told at once and given a new contact (七4). No sanction is stated.

Two teasers in F004 (公司客户信息管理办法 L172–176, 客户的信息管理制度 L218–222) and F002 主表 #33
are versions of this text that differ in details (catalogue Part 4 V6): this module encodes F001's.
Other companies' rules on the same duties name other receivers and approvers, so the default
profile leaves it off; a company that runs it selects it.
"""

from __future__ import annotations

from checker.conditions import F
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="client-information",
    title=Text("客户资料管理办法（制度13）", "Client information rules (no. 13)"),
    short_title=Text("客户资料管理办法", "Client Information Rules"),
    source_file="001_0caae5353eb12260.txt",
    section="客戶公司管理制度13",
    lines=(420, 453),
    default_enabled=False,
    profile_note=Text(
        "一家公司的客户资料制度；同类义务在其他公司的制度中由不同部门接收、由不同人员批准（目录第4部分V6、V13），"
        "须由采用该制度的公司自行选用。",
        "One company's client-information rules; other companies' rules give the same duties "
        "to other receivers and approvers (catalogue Part 4 V6, V13): a company that runs "
        "them selects them.",
    ),
)

PARAMETERS = ()

VERSIONS = Reading(
    Text(
        "F004的“公司客户信息管理办法”（第174、176行）与“客户的信息管理制度”（第220、222行）是本办法的不同版本，"
        "后者由“其主管部门”接收离职员工资料；本模块按F001的文本编码。",
        "F004's 公司客户信息管理办法 (lines 174, 176) and 客户的信息管理制度 (lines 220, 222) are "
        "versions of these rules, the latter having the leaver's 'supervising department' "
        "receive the files; this module encodes F001's text.",
    )
)


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


RULES = [
    reg(
        "ARC-23",
        article="六",
        line=446,
        text="六、建立客戶信息查閱權限制,未經許可,不得隨意調閱客戶檔案。",
        title=("未经许可不得调阅客户档案", "No client file read without permission"),
        checks=[
            check(
                "ClientFileAccess",
                F.permitted.is_false(),
                "{accessor_id}于{accessed_date}调阅客户{customer_id}的档案，未经许可",
                "{accessor_id} read customer {customer_id}'s file on {accessed_date} without "
                "permission",
            )
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "由谁许可原文未载：有许可编号或批准人、且批准不晚于调阅当日即为经许可。",
                    "Who permits is not said: a permission number or an approver, approving "
                    "no later than the day of access, counts.",
                )
            ),
            VERSIONS,
        ),
    ),
    reg(
        "ARC-26",
        article="五",
        line=445,
        text="五、員工調離公司時,不得將客戶資料帶走,其業務部門會同信息部將其客戶資料接收、整理、歸檔。",
        title=(
            "员工调离不得带走客户资料，由业务部门会同信息部接收",
            "Leavers take no client files; their department and 信息部 receive them",
        ),
        checks=[
            check(
                "StaffDeparture",
                F.kept_files.is_true(),
                "{person_id}于{departure_date}离职，客户资料未全部交回（借阅未还{files_held}份）",
                "{person_id} left on {departure_date} without handing back every client "
                "document ({files_held} borrowed files not back)",
            ),
            check(
                "StaffDeparture",
                F.missing_receivers.not_null(),
                "{person_id}的客户资料未经{missing_receivers}接收（接收：{received_by}）",
                "{person_id}'s client files were not received by {missing_receivers} "
                "(received by: {received_by})",
            ),
            check(
                "StaffDeparture",
                F.handover_late.is_true(),
                "{person_id}于{departure_date}离职，客户资料{handover_date}才交接",
                "{person_id} left on {departure_date}; the client files were handed over on "
                "{handover_date}",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "原文没有交接期限：默认最迟在离职当日交接。接收须有离职员工所在的业务部门和信息部（部门名称可配置）。"
                    "基金公司的同一义务（由客服人员接收）见ARC-26-FUND。",
                    "No deadline is given: by default on the last day at the latest. The "
                    "leaver's own department and 信息部 (configurable) must both receive. The "
                    "fund manager's version (customer service receives) is ARC-26-FUND.",
                ),
                "client.handover_days",
            ),
            Reading(
                Text("信息部的名称可配置。", "The information department's name is configurable."),
                "cli13.information_dept",
            ),
            VERSIONS,
        ),
    ),
    reg(
        "ARC-27",
        article="七4",
        line=451,
        text="4、負責與客戶聯系的員工調離公司時,應由公司及時通知有關客戶,產指派其員工頂替調離員工迅速與客戶建立聯系。",
        title=(
            "员工调离时及时通知客户并指派接替人",
            "A leaver's customers told promptly and given a new contact",
        ),
        checks=[
            check(
                "ClientHandoverDuty",
                F.notice_late.is_true(),
                "{departure_date}离职员工的客户{customer_id}（{customer_name}）应于{notice_due}前通知，"
                "实际通知：{notified_date}",
                "the leaver's customer {customer_id} ({customer_name}) was due to be told by "
                "{notice_due}; told: {notified_date}",
            ),
            check(
                "ClientHandoverDuty",
                F.owner_late.is_true(),
                "客户{customer_id}（{customer_name}）应于{notice_due}前指派接替人，实际：{new_owner_id} {assigned_date}",
                "customer {customer_id} ({customer_name}) was due a new contact by {notice_due}; "
                "assigned: {new_owner_id} {assigned_date}",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "“产指派”即“并指派”（目录第4部分E16）。“及时”“迅速”未量化：默认离职后1个工作日内通知并指派。"
                    "离职员工的客户为客户档案中以其为负责人的客户及客户交接记录中的客户。",
                    "產指派 is 并指派 (catalogue Part 4 E16). 'Promptly' and 'at once' have no "
                    "number: by default within 1 working day of the last day. The leaver's "
                    "customers are those whose file names them, and those in the reassignments.",
                ),
                "client.notice_days",
            ),
            VERSIONS,
        ),
    ),
    reg(
        "ARC-32",
        article="三2 1)",
        line=434,
        text="1)、每發展、接觸一個新客戶,均應建立客戶檔案戶頭;\n"
        "4)客戶在財務上的開戶、更改戶名需提供紙制申請,并做好檔案記錄\n"
        "2、與客戶的信函、傳真、長話交往,均應按公司各項管理辦法記錄在案,并整合在客戶檔案內。",
        title=(
            "每个新客户建档；财务开户更名须纸质申请；往来记录归档",
            "A file for every new customer; paper applications; dealings filed",
        ),
        checks=[
            check(
                "CustomerFile",
                F.no_file.is_true(),
                "客户{customer_id}（{customer_name}）{first_contact_date}接触，未建立客户档案",
                "customer {customer_id} ({customer_name}), first dealt with on "
                "{first_contact_date}, has no file",
            ),
            check(
                "ClientRecordEvent",
                F.event_type.is_in(["财务开户", "财务更名"])
                & (F.paper_application.is_false() | F.filed.is_false()),
                "客户{customer_id}于{event_date}{event_type}，未提供纸质申请或未做档案记录",
                "customer {customer_id}'s {event_type} on {event_date} had no paper application "
                "or was not recorded in the file",
            ),
            check(
                "ClientRecordEvent",
                F.event_type.is_in(["信函", "传真", "长话"]) & F.filed.is_false(),
                "与客户{customer_id}的{event_type}（{event_date}）未记录在案并整合在客户档案内",
                "the {event_type} with customer {customer_id} on {event_date} is not recorded "
                "in the file",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "三2 1)没有建档期限，只检查接触过的客户是否有档案；有期限的是制度4（一周，ARC-30）和佛山公司制度"
                    "（及时，ARC-32-FS）。",
                    "三2 1) gives no deadline, so only whether a contacted customer has a file "
                    "is checked; 制度4 (a week, ARC-30) and the Foshan rules (promptly, "
                    "ARC-32-FS) have one.",
                )
            ),
            VERSIONS,
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
