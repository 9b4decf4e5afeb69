"""Record kinds of a sales department's rules: F002 扩展3 (客户管理制度 50句菁华).

Staff, leave and observed conduct are the shared kinds of checker/records/sales.py; these are the
department's own registers: the key-account specialists' daily prospecting log, the market
specialists' roadshows, walk-in receptions, customer overlaps between salespeople, vehicle sales
and probation reviews, personal outings and after-hours presence, the Monday meeting roll,
unauthorised disclosures of stock, pay sign-offs and the manager's monthly visitor analysis.
Every kind is prefixed Dept so that it cannot clash with another regulation's kinds.
"""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from typing import Literal

from checker.records.base import Flag, Money, Record, col, record_kind
from checker.records.sales import EMPLOYEE_ID, _meta


@record_kind(
    _meta(
        "DeptProspectingDay",
        "大客户专员开拓日志",
        "key-account specialist's prospecting day",
        "dept_prospecting_days",
        ("day_id",),
        "work_date",
    )
)
class DeptProspectingDay(Record):
    """One working day of a 大客户专员: whether they went out and whom they met, called, visited."""

    day_id: str = col("日志编号", "Log entry number")
    employee_id: str = col(EMPLOYEE_ID, "The key-account specialist")
    work_date: date = col("日期", "Working day")
    went_out: Flag = col("外出开拓", "The specialist went out prospecting that day")
    prospects_met: int = col("面见潜在顾客数", "Prospective customers met in person", ge=0)
    prospects_called: int = col("致电潜在顾客数", "Prospective customers phoned", ge=0)
    old_clients_visited: int = col("拜访老客户数", "Existing customers visited", ge=0)


@record_kind(
    _meta(
        "DeptRoadshow", "市场专员巡展", "roadshow", "dept_roadshows", ("roadshow_id",), "show_date"
    )
)
class DeptRoadshow(Record):
    """A roadshow a 市场专员 held, its photos and what was drawn for it."""

    roadshow_id: str = col("巡展编号", "Roadshow number")
    employee_id: str = col(EMPLOYEE_ID, "The market specialist")
    show_date: date = col("巡展日期", "Day of the roadshow")
    venue: str | None = col("巡展地点", "Where it was held", default=None)
    photos_submitted: Flag = col("现场照片已交市场部", "Photos of the site handed to 市场部")
    expense_cny: Money | None = col("领取费用(元)", "Money drawn for it", default=None)
    gifts: str | None = col("领取礼品", "Gifts drawn for it", default=None)
    manager_approved: Flag | None = col("经理同意", "The manager agreed to the draw", default=None)
    gm_approved: Flag | None = col(
        "总经理同意", "The general manager agreed to the draw", default=None
    )


@record_kind(
    _meta(
        "DeptReception",
        "来客接待登记",
        "walk-in reception",
        "dept_receptions",
        ("reception_id",),
        "received_date",
    )
)
class DeptReception(Record):
    """A customer received by the salesperson whose turn it was (轮到的销售员)."""

    reception_id: str = col("接待编号", "Reception number")
    employee_id: str = col(EMPLOYEE_ID, "The salesperson whose turn it was")
    received_date: date = col("接待日期", "Day the customer came")
    customer: str = col("客户", "Customer")
    asked_prior_visit: Flag = col(
        "已问是否来过", "Asked whether the customer had come or been served before"
    )
    received: Flag = col("主动接待", "The salesperson on rotation received the customer")
    prior_salesperson_id: str | None = col(
        "原接待销售员编号", "Salesperson who served the customer before, if any", default=None
    )
    deal_date: date | None = col("成交日期", "Day of the deal, if any", default=None)
    bonus_share_pct: Decimal | None = col(
        "本人奖金分成(%)", "The receiver's share of the deal's bonus, in %", default=None, ge=0
    )


OVERLAP_CREDIT = ("部门", "本人", "对方")


@record_kind(
    _meta(
        "DeptCustomerOverlap",
        "客户交叉",
        "customer overlap",
        "dept_customer_overlaps",
        ("overlap_id", "employee_id"),
        "recorded_date",
    )
)
class DeptCustomerOverlap(Record):
    """One salesperson's side of a customer overlap (客户交叉) and where its credit went."""

    overlap_id: str = col("交叉编号", "Overlap case number")
    employee_id: str = col(EMPLOYEE_ID, "A salesperson involved")
    recorded_date: date = col("登记日期", "Day the overlap was recorded")
    unit: str = col("交叉楼宇", "The unit (楼宇) both claimed")
    quarrel: Flag = col("发生争吵", "The salespeople quarrelled")
    manager_ruled: Flag | None = col("部门经理已界定", "The department manager ruled", default=None)
    complied: Flag | None = col(
        "服从界定", "The salesperson complied with the ruling", default=None
    )
    credited_to: Literal[OVERLAP_CREDIT] | None = col(  # type: ignore[valid-type]
        "业绩计入", "Who got the sale credit: 部门, 本人 or 对方", default=None
    )
    bonus_paid_cny: Money | None = col(
        "发给本人的奖金(元)", "Bonus paid to this salesperson", default=None
    )


@record_kind(
    _meta(
        "DeptVehicleSale",
        "销售台次",
        "vehicle sale",
        "dept_vehicle_sales",
        ("sale_id",),
        "sale_date",
    )
)
class DeptVehicleSale(Record):
    sale_id: str = col("销售编号", "Sale number")
    employee_id: str = col(EMPLOYEE_ID, "The salesperson credited")
    sale_date: date = col("销售日期", "Day of the sale")
    units: int = col("台数", "Vehicles sold", default=1, gt=0)


@record_kind(
    _meta(
        "DeptProbationReview",
        "试用期员工转正申请",
        "confirmation request",
        "dept_probation_reviews",
        ("review_id",),
        "submitted_date",
    )
)
class DeptProbationReview(Record):
    """A 《试用期员工转正申请》: signed by the sales manager and filed with administration."""

    review_id: str = col("申请编号", "Request number")
    employee_id: str = col(EMPLOYEE_ID, "The probationer")
    submitted_date: date = col("填写日期", "Day the form was filled in")
    manager_signed: Flag = col("销售经理签字", "The sales manager signed it")
    filed_with_admin: Flag = col("已交行政备案", "Filed with administration")


OUTING_PURPOSES = ("私事", "公事")


@record_kind(
    _meta(
        "DeptOuting",
        "外出登记",
        "outing from the office",
        "dept_outings",
        ("outing_id",),
        "out_date",
    )
)
class DeptOuting(Record):
    outing_id: str = col("外出编号", "Outing number")
    employee_id: str = col(EMPLOYEE_ID, "Employee number")
    out_date: date = col("日期", "Day of the outing")
    out_at: time = col("外出时间", "When the employee left")
    back_at: time | None = col("返回时间", "When the employee came back", default=None)
    purpose: Literal[OUTING_PURPOSES] = col("事由", "Private (私事) or business (公事)")  # type: ignore[valid-type]
    leave_approved: Flag = col("请假已批准", "Leave for the outing was approved")


@record_kind(
    _meta(
        "DeptAfterHours",
        "下班后逗留登记",
        "after-hours presence",
        "dept_after_hours",
        ("presence_id",),
        "presence_date",
    )
)
class DeptAfterHours(Record):
    """Someone found in the office after the working day (a guard's round or the door log)."""

    presence_id: str = col("登记编号", "Entry number")
    employee_id: str = col(EMPLOYEE_ID, "Employee number")
    presence_date: date = col("日期", "Day")
    seen_at: time = col("发现时间", "When the employee was seen")
    work_reason: Flag = col("因工作原因", "The employee stayed for work")
    gaming: Flag = col("上网玩游戏", "The employee was playing games online")


@record_kind(
    _meta(
        "DeptMondayMeeting",
        "销售部周一例会签到",
        "Monday department meeting roll",
        "dept_monday_meetings",
        ("meeting_date", "employee_id"),
        "meeting_date",
    )
)
class DeptMondayMeeting(Record):
    """One line of the roll of the Monday-evening meeting of the whole sales department."""

    meeting_date: date = col("会议日期", "Day of the meeting")
    employee_id: str = col(EMPLOYEE_ID, "Employee number")
    attended: Flag = col("出席", "The employee attended")


DISCLOSED_INFO = ("提车通知", "库存", "在途")


@record_kind(
    _meta(
        "DeptStockDisclosure",
        "擅自通知提车或透露库存",
        "disclosure of stock or delivery",
        "dept_stock_disclosures",
        ("disclosure_id",),
        "disclosed_date",
    )
)
class DeptStockDisclosure(Record):
    """A consultant told a customer to collect a car, or disclosed stock or cars in transit."""

    disclosure_id: str = col("记录编号", "Record number")
    employee_id: str = col(EMPLOYEE_ID, "The sales consultant")
    disclosed_date: date = col("日期", "Day of the disclosure")
    info: Literal[DISCLOSED_INFO] = col("内容", "提车通知, 库存 or 在途")  # type: ignore[valid-type]
    authorised: Flag = col("经公司授权", "The company authorised it")
    customer_rush: Flag = col("造成客户来公司抢车", "Customers came to the company to grab cars")
    sale_id: str | None = col("本台销售编号", "The sale of the car concerned", default=None)
    credit_cancelled: Flag | None = col(
        "已取消业绩和提成", "That sale's credit and commission were cancelled", default=None
    )


@record_kind(
    _meta(
        "DeptPaySignoff",
        "工资业绩签字确认",
        "pay sign-off",
        "dept_pay_signoffs",
        ("signoff_id",),
        "pay_date",
    )
)
class DeptPaySignoff(Record):
    """A sales consultant's monthly pay and performance, and when they signed for it."""

    signoff_id: str = col("确认编号", "Sign-off number")
    employee_id: str = col(EMPLOYEE_ID, "The sales consultant")
    pay_date: date = col("工资发放日期", "Day the pay was paid")
    signed_date: date | None = col(
        "签字确认日期", "Day the consultant signed with the sales manager", default=None
    )


@record_kind(
    _meta(
        "DeptMonthlyVisitReport",
        "月来人来电统计成交状况分析表",
        "monthly visitor, call and deal analysis",
        "dept_monthly_visit_reports",
        ("report_id",),
        "filled_date",
    )
)
class DeptMonthlyVisitReport(Record):
    report_id: str = col("表单编号", "Form number")
    employee_id: str = col(EMPLOYEE_ID, "The manager who filled it in")
    month: str = col("统计月份", "Month analysed, as 2026-03", pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    filled_date: date = col("填写日期", "Day it was filled in")
