"""客户信息管理制度（新）of 佛山市XXXXXX五金电器制品有限公司: shared/regulations/004_…, lines 158–160.

A hardware maker's client-information rules (in force from 2017-04-20): a new customer's file is
opened promptly with the client-information clerk (一1); another department gets the periodic
customer reports only with the customer-service manager's review and the general manager's
approval, changes to a report need the general manager's approval and are filed with customer
service, and nothing is released unreviewed (二2, 二3, 二5); the files are inspected every
half-year and the inspection written up (三1). No sanction is stated. The same text recurs at
L196–198. Its file-opening duty is this company's version of 制度13's (ARC-32): the default
profile leaves it off; the company selects it.
"""

from __future__ import annotations

from datetime import date

from checker.conditions import F, any_of
from checker.derived import derived_field
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, Rule, check, rule_of
from policies._deadlines import overdue, within_working_days

REGULATION = Regulation(
    id="client-info-foshan",
    title=Text(
        "佛山市XXXXXX五金电器制品有限公司客户信息管理制度（新）",
        "A Foshan hardware maker's client-information rules (new)",
    ),
    short_title=Text("客户信息管理制度", "Client Information Management Rules"),
    source_file="004_d90c7661b0df2068.txt",
    section="客户信息管理制度(新)",
    lines=(158, 160),
    default_enabled=False,
    profile_note=Text(
        "一家五金电器公司的制度；建档、报表审批等规定与制度13等其他公司的同类规定不同（目录第4部分V6、V15），"
        "须由该公司选用。",
        "One hardware maker's rules; its file-opening and report approvals differ from other "
        "companies' (catalogue Part 4 V6, V15): that company selects them.",
    ),
)

PARAMETERS = ()


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


REPORT = F.request_type == "定期统计报表"
CHANGE = F.request_type == "报表修改"
DELIVERED = F.delivered_date.not_null()
IN_FORCE = date(2017, 4, 20)

# A file opened "promptly" (一1): within foshan.file_days working days of the first contact.
derived_field(
    "CustomerFile",
    "prompt_due",
    within_working_days(F.first_contact_date, "foshan.file_days"),
    "一1",
    "及时建档截止日",
    "Last day to open it promptly (佛山)",
)
derived_field(
    "CustomerFile",
    "prompt_late",
    overdue(F.created_date, F.prompt_due),
    "一1",
    "未及时建档",
    "Opened after that day, or still not (佛山)",
)

RULES = [
    reg(
        "ARC-33",
        article="二2、二3、二5、三1",
        line=160,
        text="2、其他部门若因工作需要,要求客户服务部提供有关客户信息资料的定期统计报表,须经客户服务部经理的审查同意,并经总经理批准。\n"
        "3、客户信息统计报表如有个别项需要修改时,应报总经理批准,由客户服务部备案,不必再办理审批手续。\n"
        "5、为确保客户信息统计报表中数据资料的正确性,客户信息主管、客户服务部经理应对上报或分发的报表进行认真审查,审查后方可报发。\n"
        "1、每半年对客户档案的保管状况进行一次全面检查,做好检查记录。",
        title=(
            "报表须客服部经理审查、总经理批准，修改报总经理并备案，审查后报发；每半年检查档案",
            "Reports reviewed and approved, changes approved and filed, nothing released unreviewed; files inspected every half-year",
        ),
        checks=[
            check(
                "ClientReportRequest",
                REPORT
                & DELIVERED
                & any_of(F.csd_manager_approved_date.is_null(), F.gm_approved_date.is_null()),
                "{from_dept}申请的定期统计报表于{delivered_date}提供，未经客户服务部经理审查同意并经总经理批准"
                "（审查：{csd_manager_approved_date}，批准：{gm_approved_date}）",
                "the periodic report {from_dept} asked for was released on {delivered_date} "
                "without the customer-service manager's review and the GM's approval (review: "
                "{csd_manager_approved_date}, approval: {gm_approved_date})",
            ),
            check(
                "ClientReportRequest",
                REPORT
                & DELIVERED
                & any_of(
                    F.csd_manager_approved_date > F.delivered_date,
                    F.gm_approved_date > F.delivered_date,
                ),
                "{from_dept}申请的定期统计报表于{delivered_date}提供，审批晚于提供日期",
                "the periodic report for {from_dept} was released on {delivered_date}, before "
                "its approvals",
            ),
            check(
                "ClientReportRequest",
                CHANGE & any_of(F.gm_approved_date.is_null(), F.filed_with_csd.is_false()),
                "报表修改（{request_id}）未报总经理批准或未由客户服务部备案",
                "the report change {request_id} was not approved by the GM or not filed with "
                "customer service",
            ),
            check(
                "ClientReportRequest",
                DELIVERED & F.reviewed.is_false(),
                "报表{request_id}未经审查即于{delivered_date}报发",
                "report {request_id} was released on {delivered_date} without review",
            ),
            check(
                "InspectionHalfYear",
                F.inspected.is_false(),
                "{period}（{period_start}至{period_end}）未对客户档案的保管状况进行全面检查",
                "no inspection of the client files in {period_en} ({period_start} to {period_end})",
            ),
            check(
                "InspectionHalfYear",
                F.inspected.is_true() & F.recorded.is_false(),
                "{period}的客户档案检查未做检查记录",
                "the inspection of {period_en} was not written up",
            ),
        ],
        penalty=NONE_STATED,
        effective_from=IN_FORCE,
        readings=(
            Reading(
                Text(
                    "“每半年”按自然半年（1–6月、7–12月）计，自最早的客户档案、报表或检查所在的半年起，"
                    "至审计日前已结束的半年止；检查记录以客户档案检查登记为准。",
                    "'Every half-year' is a calendar half (January–June, July–December), from "
                    "the half holding the earliest file, report or inspection to the last half "
                    "ended by the audit date; inspections are those of the inspection register.",
                )
            ),
            Reading(
                Text(
                    "半年检查的责任部门为客户服务部（名称可配置）。",
                    "The customer-service department answers for the inspections (its name is "
                    "configurable).",
                ),
                "foshan.service_dept",
            ),
        ),
    ),
    reg(
        "ARC-32-FS",
        provision="ARC-32",
        article="一1",
        line=160,
        text="1、客户开发专员每发展、接触一个新客户,均应及时在客户信息专员处建立客户档案,客户档案应标准化、规范化。",
        title=(
            "每接触一个新客户及时建立客户档案",
            "A file opened promptly for every new customer",
        ),
        checks=[
            check(
                "CustomerFile",
                F.prompt_late.is_true() & F.created_date.not_null(),
                "客户{customer_id}（{customer_name}）{first_contact_date}接触，应于{prompt_due}前建档，{created_date}才建档",
                "customer {customer_id} ({customer_name}), first dealt with on "
                "{first_contact_date}, was due a file by {prompt_due}; opened {created_date}",
            ),
            check(
                "CustomerFile",
                F.prompt_late.is_true() & F.created_date.is_null(),
                "客户{customer_id}（{customer_name}）{first_contact_date}接触，至审计日未建档",
                "customer {customer_id} ({customer_name}), first dealt with on "
                "{first_contact_date}, still has no file",
            ),
        ],
        penalty=NONE_STATED,
        effective_from=IN_FORCE,
        readings=(
            Reading(
                Text(
                    "“及时”未量化：默认首次接触后1个工作日内建档。制度13的同一义务（ARC-32）没有期限。",
                    "'Promptly' has no number: by default within 1 working day of the first "
                    "contact. 制度13's version (ARC-32) has no deadline.",
                ),
                "foshan.file_days",
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
