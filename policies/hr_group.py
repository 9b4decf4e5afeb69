"""集团公司管理制度 (fragments): shared/regulations/002_…, 扩展7, lines 779–882.

Sentences of a dealer group's staff rules (滑县锦程汽车销售服务有限公司 is named in #40): how
leave is asked for and approved, the items of a lost disciplinary list, its secrecy rule
(#45–46: no leaks, no company secrets discussed in public, the department head answers) and who
takes archive files directly through the archive staff (#44, ARC-21). Fragments of one
company's rules, so the default profile leaves them off; that company selects them.
"""

from __future__ import annotations

from dataclasses import replace

from checker.conditions import F, all_of, any_of
from checker.i18n import Text
from checker.rules import (
    NONE_STATED,
    Escalation,
    Measure,
    Penalty,
    Reading,
    Regulation,
    Rule,
    check,
    rule_of,
)

REGULATION = Regulation(
    id="group-hr",
    title=Text("集团公司管理制度（扩展7）", "Group company management rules (fragments, ext. 7)"),
    short_title=Text("集团公司管理制度", "Group Management Rules"),
    source_file="002_5ebf93d90409536b.txt",
    section="扩展7",
    lines=(779, 882),
    default_enabled=False,
    profile_note=Text(
        "摘录自一家汽车销售集团的制度片段，只适用于该公司的数据，须由其自行选用。",
        "Fragments of one car dealer group's rules; they apply to that company's data only, "
        "which selects them.",
    ),
)

PARAMETERS = ()

LEAVE_TEXT = (
    "41、员工请假需提前一天写请假条,由部门总监签字后,交行政人事部备案。如遇突发事件或紧急情况未事先请假者,"
    "应利用电话及时向部门主管报告,并于当日由部门领导或其代理人按公司规定办理请假手续,否则亦视同旷工处理。"
)


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


NORMAL = F.emergency.is_false() | F.emergency.is_null()

RULES = [
    reg(
        "SAL-ATT-08",
        article="第41句",
        line=863,
        text=LEAVE_TEXT,
        title=(
            "请假提前一天写请假条并经部门总监签字备案",
            "Leave asked a day ahead, signed by the director and filed",
        ),
        checks=[
            check(
                "LeaveRequest",
                NORMAL & (F.days_ahead < 1),
                "{start_date}起的{leave_type}请假条{submitted_at}才提交，未提前一天",
                "the request for leave from {start_date} came {submitted_at}, not a day ahead",
            ),
            check(
                "LeaveRequest",
                NORMAL & any_of(F.approver_role.is_null(), F.approver_role != "部门总监"),
                "{start_date}起的{leave_type}未经部门总监签字",
                "the leave from {start_date} was not signed by the department director",
            ),
            check(
                "LeaveRequest",
                NORMAL & F.hr_filed.is_false(),
                "{start_date}起的{leave_type}未交行政人事部备案",
                "the leave from {start_date} was not filed with HR",
            ),
            check(
                "LeaveRequest",
                F.emergency.is_true()
                & any_of(F.phone_reported.is_false(), F.same_day_filed.is_false()),
                "{start_date}突发请假：未及时电话报告主管或未于当日补办手续",
                "emergency leave on {start_date}: the supervisor was not phoned in time or the "
                "request was not completed that day",
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="第41句",
            text="否则亦视同旷工处理",
            measures=(Measure.TREATED_AS_ABSENTEEISM,),
        ),
        readings=(
            Reading(
                Text(
                    "“提前一天”指至迟在请假首日的前一天提交；“亦视同旷工”理解为请假手续不全与紧急情况未补办同样视同旷工。",
                    "'A day ahead' means by the day before the first day of leave; '亦视同旷工' "
                    "reads as both an incomplete request and an emergency not regularised "
                    "count as absence.",
                )
            ),
        ),
    ),
    reg(
        "SAL-ATT-09",
        article="第42句",
        line=865,
        text="42、员工请假四天以内(含四天)由部门总监签字同意后,报行政人事部备案。",
        title=(
            "四天以内的请假由部门总监签字并备案",
            "Leave of up to four days signed by the director and filed",
        ),
        checks=[
            check(
                "LeaveRequest",
                all_of(
                    F.approved.is_true(),
                    F.days <= 4,
                    any_of(F.approver_role.is_null(), F.approver_role != "部门总监"),
                ),
                "{days}天的{leave_type}由{approver_role}批准，不是部门总监",
                "{days} days of {leave_type} approved by {approver_role}, not the director",
            ),
            check(
                "LeaveRequest",
                (F.days <= 4) & F.hr_filed.is_false(),
                "{days}天的{leave_type}未报行政人事部备案",
                "{days} days of {leave_type} not filed with HR",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "“四天以内(含四天)”含4天；超过4天的审批人片段未载，不检查。",
                    "Up to and including four days; who approves longer leave is not in the "
                    "fragment and is not checked.",
                )
            ),
        ),
    ),
    reg(
        "SAL-ATT-10",
        article="第48句",
        line=877,
        text="48、在工作时间内撤离工作岗位者。\n49、初次不服从主管人员合理指挥者。\n50、在工作时间,躺卧睡觉者。",
        title=(
            "擅离岗位、不服从指挥、上班睡觉",
            "Leaving the post, disobeying instructions, sleeping at work",
        ),
        checks=[
            check(
                "ConductObservation",
                F.conduct.is_in(["擅离岗位", "初次不服从指挥", "上班睡觉"]),
                "{observed_date}：{conduct}",
                "{observed_date}: {conduct}",
            )
        ],
        penalty=replace(
            NONE_STATED,
            note=Text("所属处分条款的标题与处分已缺失", "the list's heading and sanction are lost"),
        ),
        readings=(
            Reading(
                Text(
                    "第47句“连续三个月未休假、迟到者”语义残缺，不作检查；第48–50句逐条报告，不计处罚。",
                    "#47 is garbled and not checked; #48–#50 are reported without a sanction.",
                )
            ),
        ),
    ),
    reg(
        "ARC-21",
        article="第44句",
        line=869,
        text="44、总经理、副总经理及各部门总监可通过档案管理人员办理借阅手续,直接提档。",
        title=(
            "总经理、副总经理、各部门总监经档案管理人员直接提档",
            "The GM, deputies and department directors take files through the archive staff",
        ),
        checks=[
            check(
                "ArchiveLoan",
                F.direct_borrower_group.is_true() & F.via_archivist.is_false(),
                "{borrower_role}{borrower_id}于{borrowed_date}提取档案{archive_no}，未通过档案管理人员办理",
                "the {borrower_role} {borrower_id} took file {archive_no} on {borrowed_date} "
                "without going through the archive staff",
            )
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "本公司可直接提档的是总经理、副总经理及各部门总监，与制度2（董事长、总经理、副总经理）不同"
                    "（目录第4部分V13）；其他人员的借阅程序不在片段中，不检查。",
                    "This company's direct borrowers are the general manager, the deputies and "
                    "the department directors, unlike 制度2's chairman, general manager and "
                    "deputies (catalogue Part 4 V13); how others borrow is not in the fragment.",
                ),
                "grp.direct_borrowers",
            ),
        ),
    ),
    reg(
        "SEC-29",
        article="第45句",
        line=871,
        text="45、严禁和人交往中,泄露公司机密,严禁在公共场所讨论公司机密。\n"
        "46、违反上述规定要追究部门领导的责任,情节严重的,公司保留诉讼法律的权利。",
        title=(
            "不得在交往中泄露或在公共场所讨论公司机密",
            "No company secrets leaked to others or discussed in public",
        ),
        checks=[
            check(
                "LeakLiability",
                F.conduct == "泄露",
                "{responsible_label}在与人交往中泄露公司机密（事件{incident_id}，{discovered_on}），"
                "追究部门领导{dept_head_label}的责任",
                "{responsible_label} leaked company secrets to others (incident {incident_id}, "
                "{discovered_on}); the department head {dept_head_label} is held responsible",
            ),
            check(
                "LeakLiability",
                F.conduct == "在公共场所讨论",
                "{responsible_label}在公共场所讨论公司机密（事件{incident_id}，{discovered_on}），"
                "追究部门领导{dept_head_label}的责任",
                "{responsible_label} discussed company secrets in public (incident "
                "{incident_id}, {discovered_on}); the department head {dept_head_label} is held "
                "responsible",
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="第46句",
            text="违反上述规定要追究部门领导的责任,情节严重的,公司保留诉讼法律的权利",
            measures=(Measure.DEPT_HEAD_ACCOUNTABLE,),
            escalation=Escalation(Text("情节严重", "a serious case"), (Measure.LAWSUIT_RESERVED,)),
        ),
        readings=(
            Reading(
                Text(
                    "第46句紧随第45句，“上述规定”读作第45句（目录C2：仅凭相邻）。“公司机密”泛指公司秘密，"
                    "不限于机密级。每起查实的事件报告一次，对象为责任人，处理措施为追究其部门领导的责任。",
                    "#46 follows #45 and 'the above' is read as #45 (catalogue C2: adjacency "
                    "only). 公司机密 means company secrets in general, not the 机密 grade. Each "
                    "incident found is reported once against the person responsible; the "
                    "measure falls on their department head.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
