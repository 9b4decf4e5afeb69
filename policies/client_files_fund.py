"""客户服务管理办法 of XXXX(北京)投资基金管理有限公司: shared/regulations/004_…, lines 250–256.

A fund manager's client-service rules (a teaser flattened onto two long lines of F004): a client
who will not give personal details is taken on only with the general manager's approval and the
introducer's or agent's details recorded (第二章3⑤); every new client gets a file in the
business system, scanned and on paper (4); a leaver takes nothing and helps customer service
receive the files, and uses no client information afterwards (6); only customer service reads
client files without the general manager's permission (7); customer service tells a leaver's
clients and gives them a new contact (12). No sanction is stated.

Its departure and access duties are this company's versions of 制度13's (ARC-26, ARC-27): other
receivers and approvers, so the default profile leaves it off; the fund manager selects it.
"""

from __future__ import annotations

from checker.conditions import Condition, F, FieldRef, P, any_of, when
from checker.derived import derived_field
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="fund-client-service",
    title=Text(
        "XXXX（北京）投资基金管理有限公司客户服务管理办法",
        "A fund manager's client-service rules (Beijing)",
    ),
    short_title=Text("基金公司客户服务管理办法", "Fund Client Service Rules"),
    source_file="004_d90c7661b0df2068.txt",
    section="11-客户服务管理办法",
    lines=(250, 256),
    default_enabled=False,
    profile_note=Text(
        "一家基金管理公司的制度；离职交接由客服人员接收、调阅由总经理许可，与制度13等其他公司的同类规定不同"
        "（目录第4部分V6、V13），须由该公司选用。",
        "One fund manager's rules; leavers' files received by customer service and access "
        "permitted by the GM differ from other companies' versions (catalogue Part 4 V6, V13): "
        "that company selects them.",
    ),
)

PARAMETERS = ()

NOT_TRUE = Reading(
    Text(
        "总经理审批、介绍人信息等未记录（为空）的，视为没有。",
        "An approval or an introducer's details not recorded (empty) count as absent.",
    )
)


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


def absent(flag: FieldRef) -> Condition:
    return any_of(flag.is_false(), flag.is_null())


# 第二章7: whoever reads a client file from outside customer service needs the GM's permission.
derived_field(
    "ClientFileAccess",
    "outside_service",
    when(
        F.accessor_dept.not_null(),
        when(F.accessor_dept != P("fund.service_dept"), True, False),
        None,
    ),
    "第二章7",
    "客服部以外人员",
    "The reader is not in customer service",
)


RULES = [
    reg(
        "ARC-24",
        article="第二章7",
        line=256,
        text="7.客户信息查阅实行权限管理,未经公司总经理许可,客服部以外人员不 得随意调阅客户档案。",
        title=(
            "客服部以外人员调阅客户档案须经总经理许可",
            "Outside customer service, client files are read only with the GM's permission",
        ),
        checks=[
            check(
                "ClientFileAccess",
                F.outside_service.is_true() & F.fund_permitted.is_false(),
                "{accessor_dept}的{accessor_id}于{accessed_date}调阅客户{customer_id}的档案，未经总经理许可",
                "{accessor_id} of {accessor_dept} read customer {customer_id}'s file on "
                "{accessed_date} without the general manager's permission",
            )
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "许可须由总经理作出，且不晚于调阅当日；客服部名称可配置。",
                    "The general manager permits, no later than the day of access; the "
                    "customer-service department's name is configurable.",
                ),
                "fund.access_approvers",
            ),
            Reading(
                Text("客服部的名称。", "The customer-service department's name."),
                "fund.service_dept",
            ),
        ),
    ),
    reg(
        "ARC-37",
        article="第二章3⑤、4",
        line=254,
        text="⑤针对不愿透漏个人信息的特殊客户,须由客服经理上报总经理审批,但\n"
        "客服部需要记录介绍人或全权代理人的相关信息。\n"
        "4.客服部应建立客户档案。每接洽、签约一个新客户,均应在业务系统中 建立客户档案;客户档案需要标准化、规范化,"
        "应包含本办法第三条规定的客户信息,并将客户信息文件扫描进行电子保存与纸质保存。",
        title=(
            "不愿透露信息的客户须总经理审批并记录介绍人；新客户系统建档、扫描及纸质保存",
            "Anonymous clients approved by the GM with the introducer recorded; files in the system, scanned and on paper",
        ),
        checks=[
            check(
                "CustomerFile",
                F.anonymous.is_true() & absent(F.gm_approved),
                "客户{customer_id}（{customer_name}）不愿透露个人信息，未经总经理审批",
                "customer {customer_id} ({customer_name}) withheld personal details without "
                "the general manager's approval",
            ),
            check(
                "CustomerFile",
                F.anonymous.is_true() & absent(F.introducer_recorded),
                "客户{customer_id}（{customer_name}）不愿透露个人信息，未记录介绍人或全权代理人信息",
                "customer {customer_id} ({customer_name}) withheld personal details and no "
                "introducer or agent is recorded",
            ),
            check(
                "CustomerFile",
                F.in_system.is_false(),
                "客户{customer_id}（{customer_name}）未在业务系统中建立客户档案",
                "customer {customer_id} ({customer_name}) has no file in the business system",
            ),
            check(
                "CustomerFile",
                F.scanned.is_false() | F.paper.is_false(),
                "客户{customer_id}（{customer_name}）的资料未同时扫描电子保存和纸质保存（电子：{scanned}，纸质：{paper}）",
                "customer {customer_id} ({customer_name}) is not kept both scanned and on paper "
                "(scanned: {scanned}, paper: {paper})",
            ),
        ],
        penalty=NONE_STATED,
        readings=(NOT_TRUE,),
    ),
    reg(
        "ARC-26-FUND",
        provision="ARC-26",
        article="第二章6",
        line=256,
        text="6.负责客户信息统计的员工离职时,不得将客户的任何资料带走,离职员 工应协助客服人员对客户资料进行接收、整理及归档,"
        "不得擅自使用有关客户的任何信息。",
        title=(
            "离职员工不得带走客户资料，协助客服人员接收归档，不得擅自使用",
            "Leavers take nothing, hand the files to customer service and use no client data",
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
                F.service_received.is_false(),
                "{person_id}的客户资料未由客服人员接收（接收：{received_by}）",
                "{person_id}'s client files were not received by customer service (received "
                "by: {received_by})",
            ),
            check(
                "StaffDeparture",
                F.handover_late.is_true(),
                "{person_id}于{departure_date}离职，客户资料{handover_date}才交接",
                "{person_id} left on {departure_date}; the files were handed over on "
                "{handover_date}",
            ),
            check(
                "StaffDeparture",
                F.used_after.is_true(),
                "{person_id}离职后擅自使用客户信息",
                "{person_id} used client information after leaving",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "本公司版本由客服人员接收（制度13为业务部门会同信息部，ARC-26），并禁止离职后使用客户信息；"
                    "交接期限原文未载，默认离职当日。",
                    "This company's version has customer service receive the files (制度13: the "
                    "leaver's department with 信息部, ARC-26) and forbids using client data "
                    "afterwards; no deadline is given, by default the last day.",
                ),
                "client.handover_days",
            ),
        ),
    ),
    reg(
        "ARC-27-FUND",
        provision="ARC-27",
        article="第二章12",
        line=256,
        text="12.负责与客户联系的员工离职时,应由客服部及时通知客户,并指派其 他员工迅速与客户建立联系。",
        title=(
            "员工离职时客服部及时通知客户并指派他人联系",
            "Customer service tells a leaver's clients promptly and assigns a new contact",
        ),
        checks=[
            check(
                "ClientHandoverDuty",
                F.notice_late.is_true(),
                "离职员工的客户{customer_id}应于{notice_due}前通知，实际通知：{notified_date}",
                "the leaver's client {customer_id} was due to be told by {notice_due}; told: "
                "{notified_date}",
            ),
            check(
                "ClientHandoverDuty",
                F.owner_late.is_true(),
                "客户{customer_id}应于{notice_due}前指派其他员工联系，实际：{new_owner_id} {assigned_date}",
                "client {customer_id} was due a new contact by {notice_due}; assigned: "
                "{new_owner_id} {assigned_date}",
            ),
            check(
                "ClientHandoverDuty",
                F.notified_by_service.is_false(),
                "客户{customer_id}由{notified_by}通知，不是客服部",
                "client {customer_id} was told by {notified_by}, not customer service",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "“及时”“迅速”未量化：默认离职后1个工作日内；本公司由客服部通知（制度13为“公司”，ARC-27）。",
                    "'Promptly' has no number: by default within 1 working day; here customer "
                    "service tells the client (制度13: 'the company', ARC-27).",
                ),
                "client.notice_days",
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
