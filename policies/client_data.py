"""客户资料管理办法 (客户公司管理制度13): shared/regulations/001_…, lines 420–453.

A distributor's rules for client records, run by its information department (信息部). Article
四 has every department report its major dealings with clients to 信息部, unless the business
itself is confidential (catalogue SEC-26). The archive articles are rows of catalogue part D: a
file for every customer contacted, finance accounts opened or renamed only on a paper
application, letters, faxes and calls filed (三, 七2, ARC-32); files read only with permission (六,
ARC-23); a leaver takes no client documents, which the leaver's department and 信息部 receive (五,
ARC-26); the leaver's customers are told at once and given a new contact (七4, ARC-27). No
sanction is stated.

Two teasers in F004 (公司客户信息管理办法 L172–176, 客户的信息管理制度 L218–222) and F002 主表 #33
are versions of this text that differ in details (catalogue Part 4 V6): the rules encode F001's.
Other companies' rules on the same archive duties name other receivers and approvers (the fund
manager's ARC-26-FUND and ARC-27-FUND, 主表's ARC-27-ZB); a dataset is audited under one of them.
"""

from __future__ import annotations

from checker.conditions import F, any_of, when
from checker.derived import derived_field
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, check, rule_of
from policies._deadlines import overdue, within_working_days

REGULATION = Regulation(
    id="client-data-rules",
    title=Text("客户资料管理办法（客户公司管理制度13）", "Client data rules (rules 13)"),
    short_title=Text("客户资料管理办法", "Client Data Rules"),
    source_file="001_0caae5353eb12260.txt",
    section="制度13",
    lines=(420, 453),
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

# 六: a file read with a permission number or an approver, approved no later than the day.
derived_field(
    "ClientFileAccess",
    "permitted",
    when(
        (F.permission_id.not_null() | F.approver_role.not_null())
        & (F.approved_date.is_null() | (F.approved_date <= F.accessed_date)),
        True,
        False,
    ),
    "六",
    "有查阅许可",
    "A permission or an approval on or before the day",
)

# 五 (and the fund manager's 第二章6): a leaver's client files handed over within
# client.handover_days working days of the last day.
derived_field(
    "StaffDeparture",
    "handover_late",
    overdue(F.handover_date, within_working_days(F.departure_date, "client.handover_days")),
    "五",
    "资料交接逾期",
    "Files handed over after the day allowed",
)

# 三2 1): every new customer contacted has a file.
derived_field(
    "CustomerFile",
    "no_file",
    when(F.first_contact_date.not_null() & F.created_date.is_null(), True, False),
    "三2 1)",
    "未建档",
    "Contacted, and no file opened",
)


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
    rule_of(
        REGULATION,
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
    rule_of(
        REGULATION,
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
    rule_of(
        REGULATION,
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
    rule_of(
        REGULATION,
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
