"""A sales company's rules: 销售公司管理制度 50句菁华 (F002 扩展6, shared/regulations/002_…,
lines 674–777).

Of the fragment's fifty sentences, two are the sales department's own record-keeping: the
salesperson's daily report, due before 9:00 the next morning and never accepted late (#17), and
the market staff's weekly plan and execution table, filled in every Friday (#18). The rest are
selling advice, a depot's safety points, travel and accounting rules outside the catalogue's
sales-department rows.
"""

from __future__ import annotations

from dataclasses import replace

from checker.conditions import AUDIT_DATE, F, days, when
from checker.derived import derived_field
from checker.i18n import Text
from checker.rules import NONE_STATED, Penalty, Reading, Regulation, Rule, check, rule_of
from policies.showroom import TIMELINESS, by_day

REGULATION = Regulation(
    id="sales-company-rules",
    title=Text(
        "公司客户管理制度（扩展6）销售公司管理制度50句菁华",
        "Sales company rules, 50 key sentences (extension 6)",
    ),
    short_title=Text("销售公司管理制度", "Sales Company Rules"),
    source_file="002_5ebf93d90409536b.txt",
    section="扩展6",
    lines=(674, 777),
)

PARAMETERS = ()


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


# 第17句: 第二天早上9:00之前交 — 之前 is strict, 9:00:00 is late; missing once the deadline's day
# is over.
derived_field(
    "SalesDailyReport",
    "timeliness",
    when(
        F.submitted_at < F.deadline,
        "按时",
        when(
            F.submitted_at.not_null(),
            "逾期",
            when(F.report_date + days(1) < AUDIT_DATE, "缺失", "未到期"),
        ),
    ),
    "第17句",
    "交表情况",
    "按时, 逾期, 缺失 or 未到期",
    choices=TIMELINESS,
)
# 第18句: 每周五填写本周计划表和上周执行表
derived_field(
    "SalesWeeklyPlan",
    "plan_timeliness",
    by_day(F.plan_filed_on, F.due_friday),
    "第18句",
    "计划表情况",
    "Whether the plan was filled in by the Friday",
    choices=TIMELINESS,
)
derived_field(
    "SalesWeeklyPlan",
    "execution_timeliness",
    by_day(F.execution_filed_on, F.due_friday),
    "第18句",
    "执行表情况",
    "Whether last week's execution table was filled in by the Friday",
    choices=TIMELINESS,
)

RULES = [
    reg(
        "SAL-DEP-28",
        article="第17句",
        line=710,
        text="17、销售员的日报表要在当天晚上或第二天早上9:00之前交,过时不候,也不能补交。如出现该种情况由主管视情况给予相应的处罚。",
        title=(
            "日报表须在次日9:00之前交",
            "The daily report is due before 9:00 the next morning",
        ),
        checks=[
            check(
                "SalesDailyReport",
                F.timeliness == "逾期",
                "{report_date}的日报表{submitted_at}才交，已过截止时间{deadline}，不能补交",
                "the report for {report_date} came in at {submitted_at}, past {deadline}; late "
                "reports are not accepted",
            ),
            check(
                "SalesDailyReport",
                F.timeliness == "缺失",
                "{report_date}的日报表截至{deadline}未交",
                "no report for {report_date} by {deadline}",
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="第17句",
            text="如出现该种情况由主管视情况给予相应的处罚",
            note=Text(
                "由主管视情况处罚，原文未规定金额",
                "a sanction at the supervisor's discretion; no amount stated",
            ),
        ),
        readings=(
            Reading(
                Text(
                    "“9:00之前”不含9:00：报告日次日9:00:00及以后交的为逾期；逾期不能补交，补交的记录仍报告。",
                    "'Before 9:00' excludes 9:00: handed in at 9:00:00 the next day or later is "
                    "late, and a late report accepted anyway is still reported.",
                ),
                "salesco.daily_report_deadline",
            ),
            Reading(
                Text(
                    "日报表按每个工作日一条记录；提交时间为空且截止日已过的为未交。",
                    "One record per working day; a report with no submission time whose deadline "
                    "day has passed is missing.",
                )
            ),
        ),
    ),
    reg(
        "SAL-DEP-29",
        article="第18句",
        line=712,
        text="18、3.1市场人员必须每周五填写周工作计划表和上周工作执行表,并以周工作计划开展工作;市场人员的周工作计划必须明确、工作内容详细,周工作计划的行程安排必须做到科学、合理,避免有绕行、来回路程重复等浪费公司费用现象的出现;上周工作执行表必须注明地点、时间、工作项目及结果、客户名称、客户来电等详细信息。",
        title=(
            "每周五填写周工作计划表和上周工作执行表",
            "Weekly plan and last week's execution table every Friday",
        ),
        checks=[
            check(
                "SalesWeeklyPlan",
                F.plan_timeliness == "逾期",
                "应在{due_friday}（周五）填写的周工作计划表{plan_filed_on}才填写",
                "the weekly plan due on Friday {due_friday} was filled in on {plan_filed_on}",
            ),
            check(
                "SalesWeeklyPlan",
                F.plan_timeliness == "缺失",
                "应在{due_friday}（周五）填写的周工作计划表未填写",
                "no weekly plan for Friday {due_friday}",
            ),
            check(
                "SalesWeeklyPlan",
                F.execution_timeliness == "逾期",
                "应在{due_friday}（周五）填写的上周工作执行表{execution_filed_on}才填写",
                "last week's execution table due on Friday {due_friday} was filled in on "
                "{execution_filed_on}",
            ),
            check(
                "SalesWeeklyPlan",
                F.execution_timeliness == "缺失",
                "应在{due_friday}（周五）填写的上周工作执行表未填写",
                "no execution table of last week for Friday {due_friday}",
            ),
            check(
                "SalesWeeklyPlan",
                F.missing_details.not_null(),
                "{due_friday}的上周工作执行表未注明：{missing_details}",
                "the execution table of {due_friday} leaves out: {missing_details}",
            ),
        ],
        penalty=replace(NONE_STATED, note=Text("原文未规定处罚", "no sanction stated")),
        readings=(
            Reading(
                Text(
                    "周五当天或之前填写为按时，之后为逾期，周五已过仍未填写为缺失。计划是否明确、行程是否"
                    "合理须审阅认定，不在检查之内。",
                    "Filled in on or before the Friday is on time, after it late, and none once "
                    "the Friday has passed missing. Whether a plan is clear or a route sensible "
                    "needs a review and is not checked.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
