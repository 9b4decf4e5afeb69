"""客户信息保密管理制度: shared/regulations/004_…, lines 238–242.

A property-services company's rules for the customer information a developer (地产) hands over
(catalogue part C2, SEC-32 … SEC-36): the general manager approves any use outside the company;
paper prints need a manager's approval, a 受控文件 stamp, a use-by date and the recipient's
signature, and are neither passed on nor taken out of the office; the electronic file is kept by
the project lead, who may let the information officer view it only; once the control data is
confirmed every copy is destroyed under the project lead's supervision, with a record. No
sanction is stated. Titles are matched to the rule's roles through `customer_info.roles`, and who
may do what is `customer_info.duties` (checker/facts/confidentiality.py).
"""

from __future__ import annotations

from checker.conditions import AUDIT_DATE, F, FieldRef, P, When, any_of, days, when
from checker.derived import derived_field
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="customer-info-secrecy",
    title=Text("客户信息保密管理制度", "Customer information secrecy rules"),
    short_title=Text("客户信息保密管理制度", "Customer Information Secrecy"),
    source_file="004_d90c7661b0df2068.txt",
    section="客户信息保密管理制度",
    lines=(238, 242),
)

PARAMETERS = ()

DUTIES = Reading(
    Text(
        "职务按 customer_info.roles 对应到制度角色，表外的职务使记录被拒绝；谁可以批示、保管、被授权和监销"
        "按 customer_info.duties（默认即原文）。",
        "Titles map to the rule's roles through customer_info.roles (an unknown title rejects "
        "the record); who may approve, hold, be granted and supervise is customer_info.duties "
        "(by default the text's).",
    ),
    "customer_info.duties",
)
PRIOR = Reading(
    Text(
        "批示日期在当天或之前即为事先批示；有批示人而无批示日期的，不能证明事先批示。",
        "An approval dated on or before the day is prior; an approver without a date does not "
        "prove it.",
    )
)


def unset(field: str):
    """An empty yes/no column counts as not done: the record must show it was."""
    return any_of(getattr(F, field).is_false(), getattr(F, field).is_null())


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, penalty=NONE_STATED, **fields)  # type: ignore[arg-type]


def approved_before(day: FieldRef) -> When:
    """PRIOR: approved on or before the day; empty when nobody approved."""
    timely = when(F.approved_on <= day, True, False)  # no approval date proves nothing
    return when(F.approved_by_title.is_null(), None, timely)


for kind, day, article in (
    ("CustomerInfoRelease", F.released_on, "3.5"),
    ("CustomerInfoPrint", F.printed_on, "5.2.1.1"),
):
    derived_field(
        kind,
        "approval_timely",
        approved_before(day),
        article,
        "事先批示",
        "Approved on or before the day",
    )

# 5.2.1.1: a print not handed back or destroyed by its use-by date is paper customer information
# kept.
derived_field(
    "CustomerInfoPrint",
    "retained",
    when(
        F.use_until.is_null(),
        None,
        when(F.returned_on.or_else(AUDIT_DATE) > F.use_until, True, False),
    ),
    "5.2.1.1",
    "逾期保留",
    "Kept past its use-by date (not handed back or destroyed by then)",
)

# 5.2.2.2: once the control data is confirmed, the copy is destroyed; by when only if
# customer_info.destroy_days is set. A destroyed copy has no deadline (nor a date to move).
derived_field(
    "CustomerInfoFile",
    "destruction_deadline",
    when(F.destroyed_on.is_null(), F.confirmed_on, None) + days(P("customer_info.destroy_days")),
    "5.2.2.2",
    "销毁期限",
    "customer_info.destroy_days after confirming",
)
derived_field(
    "CustomerInfoFile",
    "destruction",
    when(
        F.destroyed_on.not_null(),
        "已销毁",
        when(
            F.confirmed_on.is_null(),
            "未确认",
            when(F.destruction_deadline < AUDIT_DATE, "逾期未销毁", "待销毁"),
        ),
    ),
    "5.2.2.2",
    "销毁情况",
    "Whether the copy was destroyed after the control data was confirmed",
    choices=("未确认", "已销毁", "待销毁", "逾期未销毁"),
)


RULES = [
    reg(
        "SEC-32",
        article="3.5",
        line=240,
        text="3.5总经理负责客户信息需提供于公司外部使用时批示。\n客户信息属于公司秘密信息",
        title=(
            "客户信息提供外部使用须经总经理批示",
            "Customer information used outside the company needs the general manager",
        ),
        checks=[
            check(
                "CustomerInfoRelease",
                F.approved_by_title.is_null(),
                "{released_on}向{recipient}提供客户信息供外部使用，未经总经理批示",
                "customer information went to {recipient} on {released_on} for outside use "
                "without the general manager's approval",
            ),
            check(
                "CustomerInfoRelease",
                F.approver_allowed.is_false(),
                "{released_on}向{recipient}提供客户信息，批示人为{approved_by_title}（{approver_role}），"
                "不是总经理",
                "customer information went to {recipient} on {released_on}, approved by "
                "{approved_by_title} ({approver_role}), not the general manager",
            ),
            check(
                "CustomerInfoRelease",
                F.approval_timely.is_false(),
                "{released_on}向{recipient}提供客户信息，未见事先批示（批示日期：{approved_on}）",
                "customer information went to {recipient} on {released_on} without prior "
                "approval (approved: {approved_on})",
            ),
        ],
        readings=(DUTIES, PRIOR),
    ),
    reg(
        "SEC-33",
        article="5.2.1.1",
        line=242,
        text="5.2.1.1 除客户档案外不得保留任何形式的纸质客户信息。特殊情况需经部门经理负责人批示后方可打印,"
        "打印件盖“受控文件”、使用期限后接收人签收领取。\n3.4.1 负责纸质客户信息打印申请批示。",
        title=(
            "纸质客户信息打印须经批示、盖受控章、注明期限并签收",
            "Paper prints of customer information: approved, stamped, dated and signed for",
        ),
        checks=[
            check(
                "CustomerInfoPrint",
                F.approved_by_title.is_null(),
                "打印件{print_id}（{printed_on}）未经部门经理负责人或服务中心项目经理批示",
                "print {print_id} ({printed_on}) was not approved by a department manager or "
                "a service-centre project manager",
            ),
            check(
                "CustomerInfoPrint",
                F.approver_allowed.is_false(),
                "打印件{print_id}（{printed_on}）由{approved_by_title}（{approver_role}）批示，无权批示打印",
                "print {print_id} ({printed_on}) was approved by {approved_by_title} "
                "({approver_role}), who may not approve prints",
            ),
            check(
                "CustomerInfoPrint",
                F.approval_timely.is_false(),
                "打印件{print_id}（{printed_on}）未见事先批示（批示日期：{approved_on}）",
                "print {print_id} ({printed_on}) was not approved beforehand (approved: "
                "{approved_on})",
            ),
            check(
                "CustomerInfoPrint",
                unset("stamped"),
                "打印件{print_id}（{printed_on}）未盖“受控文件”章",
                "print {print_id} ({printed_on}) is not stamped 受控文件",
            ),
            check(
                "CustomerInfoPrint",
                F.use_until.is_null(),
                "打印件{print_id}（{printed_on}）未注明使用期限",
                "print {print_id} ({printed_on}) has no use-by date",
            ),
            check(
                "CustomerInfoPrint",
                unset("receipt_signed"),
                "打印件{print_id}（{printed_on}）接收人未签收",
                "print {print_id} ({printed_on}) was not signed for by its recipient",
            ),
            check(
                "CustomerInfoPrint",
                F.retained.is_true(),
                "打印件{print_id}使用期限至{use_until}，逾期未交回或销毁（交回或销毁：{returned_on}），"
                "除客户档案外不得保留纸质客户信息",
                "print {print_id} could be used until {use_until} and was not handed back or "
                "destroyed by then (returned: {returned_on}); no paper customer information "
                "is kept outside the archive",
            ),
        ],
        readings=(
            Reading(
                Text(
                    "打印批示人原文有两处：3.4.1 服务中心项目经理、5.2.1.1 部门经理负责人，默认二者皆可。",
                    "Two approvers are named: the service-centre project manager (3.4.1) and "
                    "the department manager (5.2.1.1); by default either may approve.",
                ),
                "customer_info.duties",
            ),
            Reading(
                Text(
                    "“盖‘受控文件’、使用期限后接收人签收领取”读作：盖受控文件章、注明使用期限、接收人签收；是否栏为空"
                    "按未做处理。使用期限届满后未交回或销毁的打印件，即属“保留纸质客户信息”。",
                    "'Stamped 受控文件, a use-by date, then signed for' reads as three duties; an "
                    "empty yes/no column counts as not done. A print not handed back or "
                    "destroyed by its use-by date is paper customer information kept.",
                )
            ),
            PRIOR,
        ),
    ),
    reg(
        "SEC-34",
        article="5.2.1.2",
        line=242,
        text="5.2.1.2 使用过程中不得转借他人,不得带出办公区域。",
        title=(
            "打印件不得转借他人、不得带出办公区域",
            "Prints are not passed on or taken out of the office",
        ),
        checks=[
            check(
                "CustomerInfoPrint",
                F.lent_to.not_null(),
                "打印件{print_id}（{printed_on}）在使用中转借给{lent_to}",
                "print {print_id} ({printed_on}) was passed on to {lent_to}",
            ),
            check(
                "CustomerInfoPrint",
                F.taken_out.is_true(),
                "打印件{print_id}（{printed_on}）被带出办公区域",
                "print {print_id} ({printed_on}) was taken out of the office",
            ),
        ],
    ),
    reg(
        "SEC-35",
        article="5.2.2.1",
        line=242,
        text="5.2.2.1 交付时由地产提供电子版客户资料只能由项目负责人保管,若信息员因工作需要,项目负责人可授权给信息员使用。"
        "但需设置权限只能查看,不能打印、复制、转发。",
        title=(
            "电子版客户资料由项目负责人保管，只可授权信息员查看",
            "The project lead keeps the electronic customer file; the information officer "
            "may only view it",
        ),
        checks=[
            check(
                "CustomerInfoFile",
                F.holder_allowed.is_false(),
                "电子版客户资料{file_id}由{holder_title}（{holder_role}）保管，不是项目负责人",
                "electronic customer file {file_id} is kept by {holder_title} "
                "({holder_role}), not the project lead",
            ),
            check(
                "CustomerInfoGrant",
                F.grantee_allowed.is_false(),
                "电子版客户资料{file_id}授权给{grantee_title}（{grantee_role}）使用，只可授权信息员",
                "electronic customer file {file_id} was granted to {grantee_title} "
                "({grantee_role}); only the information officer may be",
            ),
            check(
                "CustomerInfoGrant",
                F.grantor_allowed.is_false(),
                "电子版客户资料{file_id}由{granted_by_title}（{grantor_role}）授权，不是项目负责人",
                "electronic customer file {file_id} was granted by {granted_by_title} "
                "({grantor_role}), not the project lead",
            ),
            check(
                "CustomerInfoGrant",
                any_of(F.rights.has("打印"), F.rights.has("复制"), F.rights.has("转发")),
                "电子版客户资料{file_id}的授权{grant_id}权限为{rights}，只能查看，不能打印、复制、转发",
                "grant {grant_id} on electronic customer file {file_id} allows {rights}; it "
                "may only allow viewing",
            ),
        ],
        readings=(
            DUTIES,
            Reading(
                Text(
                    "信息员凭项目负责人的授权使用项目负责人保管的资料，不另行保管；授权只可查看，含打印、复制、"
                    "转发权限即违反本条。",
                    "The information officer uses the project lead's copy under a grant and "
                    "keeps none; a grant may allow viewing only, and one allowing printing, "
                    "copying or forwarding breaks the rule.",
                )
            ),
        ),
    ),
    reg(
        "SEC-36",
        article="5.2.2.2",
        line=242,
        text="5.2.2.2 当信息员结合客户档案、地产提供的电子版客户资料完成管控数据的建立并确认无误后,"
        "信息员与项目负责人保留的电子信息均需销毁处理。\n5.2.2.3 销毁需由项目负责人监销并记录。",
        title=(
            "管控数据确认后销毁电子客户资料，项目负责人监销并记录",
            "Once the control data is confirmed the electronic copies are destroyed, "
            "supervised and recorded",
        ),
        checks=[
            check(
                "CustomerInfoFile",
                F.destruction == "逾期未销毁",
                "电子版客户资料{file_id}（{holder_title}保管）的管控数据于{confirmed_on}确认无误，"
                "至{destruction_deadline}仍未销毁",
                "the control data from electronic customer file {file_id} (kept by "
                "{holder_title}) was confirmed on {confirmed_on}; the copy was not destroyed "
                "by {destruction_deadline}",
            ),
            check(
                "CustomerInfoFile",
                F.destruction == "待销毁",
                "电子版客户资料{file_id}（{holder_title}保管）的管控数据于{confirmed_on}确认无误，尚未销毁",
                "the control data from electronic customer file {file_id} (kept by "
                "{holder_title}) was confirmed on {confirmed_on}; the copy is not destroyed yet",
                severity="info",
            ),
            check(
                "CustomerInfoFile",
                F.destroyed_on.not_null()
                & any_of(F.supervisor_allowed.is_false(), F.supervisor_allowed.is_null()),
                "电子版客户资料{file_id}于{destroyed_on}销毁，未由项目负责人监销（监销人：{destruction_supervisor_title}）",
                "electronic customer file {file_id} was destroyed on {destroyed_on} without the "
                "project lead supervising (supervisor: {destruction_supervisor_title})",
            ),
            check(
                "CustomerInfoFile",
                F.destroyed_on.not_null() & unset("destruction_recorded"),
                "电子版客户资料{file_id}于{destroyed_on}销毁，未作记录",
                "electronic customer file {file_id} was destroyed on {destroyed_on} without a "
                "record",
            ),
        ],
        readings=(
            Reading(
                Text(
                    "原文未定销毁期限：未设定 customer_info.destroy_days 时，确认无误后尚未销毁只作提示（info）；"
                    "设定后，逾期未销毁为警告。",
                    "The text sets no deadline: without customer_info.destroy_days a copy not "
                    "yet destroyed after confirmation is information; once set, a copy past the "
                    "deadline is a warning.",
                ),
                "customer_info.destroy_days",
            ),
            DUTIES,
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
