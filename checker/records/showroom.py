"""Record kinds of a car dealer's showroom rules (F002 扩展4) and its sales company rules (扩展6).

Staff, leave and observed conduct are the shared kinds of checker/records/sales.py; these are the
showroom's own registers: customer greetings, the evening review of the eight showroom steps, the
daily 5S self-checks and the 三表卡, vehicle transfers and the stock of the second-tier stores,
empty posts and lunch duty, badge reissues, deposits and customer payments, mentors of
probationers, dress checks, arrival at meetings and the finance department's collection notices;
and, for 扩展6, the salesperson's daily report and the market staff's weekly tables.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Literal

from checker.records.base import Flag, Money, Record, TextSet, col, record_kind, tag_set
from checker.records.sales import EMPLOYEE_ID, _meta

# --------------------------------------------------------------------------- 扩展4 (showroom)


@record_kind(
    _meta(
        "ShowroomGreeting",
        "展厅客户节日生日问候",
        "holiday or birthday greeting to a customer",
        "showroom_greetings",
        ("greeting_id",),
        "occasion_date",
    )
)
class ShowroomGreeting(Record):
    """A holiday or a customer's birthday on which the sales representative owes a greeting."""

    greeting_id: str = col("问候编号", "Greeting number")
    employee_id: str = col(EMPLOYEE_ID, "The sales representative in charge of the customer")
    customer_name: str = col("客户", "Customer")
    occasion: Literal["节日", "生日"] = col("场合", "A holiday (节日) or the customer's birthday")
    occasion_name: str | None = col("节日名称", "Which holiday, e.g. 春节", default=None)
    occasion_date: date = col("日期", "Date of the holiday or birthday")
    greeted_on: date | None = col(
        "问候日期", "When the greeting was sent; empty if not", default=None
    )
    channel: str | None = col("方式", "Telephone, text message, visit …", default=None)


@record_kind(
    _meta(
        "ShowroomEveningReview",
        "展厅夕会评估",
        "evening review of the showroom steps",
        "showroom_evening_reviews",
        ("review_id",),
        "review_date",
    )
)
class ShowroomEveningReview(Record):
    """One day's evening meeting at which the team lead rates each consultant's eight steps."""

    review_id: str = col("夕会编号", "Evening meeting number")
    employee_id: str = col("销售组长员工编号", "The sales team lead who must do the review")
    review_date: date = col("日期", "Day")
    on_duty: TextSet = col("当日在岗销售顾问", "Employee numbers of the consultants on duty")
    evaluated: TextSet = col(
        "已评估销售顾问",
        "Employee numbers of the consultants whose eight steps were rated",
        default=frozenset(),
    )


@record_kind(
    _meta(
        "ShowroomSelfCheckDay",
        "展厅5S自检",
        "daily 5S self-check",
        "showroom_self_checks",
        ("day_id",),
        "check_date",
    )
)
class ShowroomSelfCheckDay(Record):
    """How many times the team lead and the 5S officer self-checked with the 5S form on a day."""

    day_id: str = col("自检编号", "Self-check day number")
    employee_id: str = col("销售组长员工编号", "The sales team lead")
    check_date: date = col("日期", "Day")
    lead_checks: int = col("销售组长自检次数", "Self-checks by the team lead", ge=0)
    five_s_checks: int = col("5S自检次数", "Self-checks by the 5S officer", ge=0)


@record_kind(
    _meta(
        "ShowroomCard",
        "展厅三表卡",
        "showroom form (三表卡)",
        "showroom_cards",
        ("card_id",),
        "card_date",
    )
)
class ShowroomCard(Record):
    """One of the three forms and cards (三表卡) a consultant fills in, to be signed by the lead."""

    card_id: str = col("表卡编号", "Form number")
    employee_id: str = col(EMPLOYEE_ID, "The consultant who filled it in")
    card_date: date = col("日期", "Date of the form")
    card_name: str = col("表卡名称", "Which form or card")
    lead_signed: Flag = col("销售组长已签字", "The sales team lead signed it")


@record_kind(
    _meta(
        "ShowroomVehicleTransfer",
        "展厅车辆调离",
        "vehicle transfer",
        "showroom_vehicle_transfers",
        ("transfer_id",),
        "transfer_date",
    )
)
class ShowroomVehicleTransfer(Record):
    transfer_id: str = col("调离编号", "Transfer number")
    vehicle_id: str = col("车架号", "Vehicle")
    employee_id: str = col(EMPLOYEE_ID, "Who moved the vehicle")
    transfer_date: date = col("调离日期", "Day of the transfer")
    damaged: Flag = col("发生受损", "The vehicle was scratched or damaged on the way")
    repair_cost_cny: Money | None = col("修复费用(元)", "Cost of the repair", default=None)


@record_kind(
    _meta(
        "ShowroomVehicleStock",
        "二级店车辆库存",
        "vehicle stocked at a second-tier store",
        "showroom_vehicle_stock",
        ("stock_id",),
        "in_date",
    )
)
class ShowroomVehicleStock(Record):
    """A vehicle held at a second-tier store (二级店), which must return to the 4S store in time."""

    stock_id: str = col("库存编号", "Stock number")
    vehicle_id: str = col("车架号", "Vehicle")
    store: str = col("二级店", "The second-tier store")
    employee_id: str = col("责任人员工编号", "Who answers for recalling it")
    in_date: date = col("入库日期", "Day the vehicle arrived at the store")
    recalled_date: date | None = col(
        "调回4S部日期", "Day it was received back at the 4S store; empty if not yet", default=None
    )


@record_kind(
    _meta(
        "ShowroomPostGap",
        "展厅离岗登记",
        "employee away from a showroom post",
        "showroom_post_gaps",
        ("gap_id",),
        "gap_date",
    )
)
class ShowroomPostGap(Record):
    """A time during working hours when the holder of a post was away from it."""

    gap_id: str = col("离岗编号", "Number")
    employee_id: str = col(EMPLOYEE_ID, "The holder of the post")
    gap_date: date = col("日期", "Day")
    left_at: time = col("离岗时间", "When the post was left")
    returned_at: time | None = col("返岗时间", "When the holder came back", default=None)
    work_reason: Flag | None = col("因工作原因", "Away on company business", default=None)
    covered_by: str | None = col(
        "代岗值班人员", "Who stood in at the post; empty if nobody", default=None
    )


@record_kind(
    _meta(
        "ShowroomLunchDuty",
        "展厅午餐值班",
        "lunch duty",
        "showroom_lunch_duties",
        ("duty_id",),
        "duty_date",
    )
)
class ShowroomLunchDuty(Record):
    duty_id: str = col("值班编号", "Number")
    employee_id: str = col("安排人员工编号", "Who arranges the lunch duty (the 5S officer)")
    duty_date: date = col("日期", "Day")
    on_duty: str | None = col("值班人员", "Who was on duty; empty if nobody", default=None)


@record_kind(
    _meta(
        "ShowroomBadgeReissue",
        "工牌重做",
        "badge reissue",
        "showroom_badge_reissues",
        ("reissue_id",),
        "reissue_date",
    )
)
class ShowroomBadgeReissue(Record):
    reissue_id: str = col("重做编号", "Number")
    employee_id: str = col(EMPLOYEE_ID, "Whose badge")
    reissue_date: date = col("日期", "Day of the request")
    reason: Literal["损坏", "丢失"] = col("原因", "Damaged (损坏) or lost (丢失)")
    fee_cny: Money = col("交费(元)", "What the employee paid")


@record_kind(
    _meta(
        "ShowroomDeposit",
        "客户小定与定金",
        "customer deposit",
        "showroom_deposits",
        ("deposit_id",),
        "deposit_date",
    )
)
class ShowroomDeposit(Record):
    """A small deposit (小定) or a deposit (定金) a customer paid, with its paperwork."""

    deposit_id: str = col("定金编号", "Number")
    employee_id: str = col(EMPLOYEE_ID, "The salesperson")
    customer_name: str = col("客户", "Customer")
    deposit_date: date = col("日期", "Day")
    deposit_type: Literal["小定", "定金"] = col("类型", "小定 or 定金")
    registered: Flag | None = col(
        "已登记小定单登记表", "Entered in the 小定 register", default=None
    )
    receipt_no: str | None = col("指定收据编号", "The designated receipt issued", default=None)
    subscription_signed: Flag | None = col("已签认购书", "The 认购书 was signed", default=None)
    copies_customer: int | None = col("认购书客人份数", "Copies kept by the customer", default=None)
    copies_finance: int | None = col("认购书财务部份数", "Copies for finance", default=None)
    copies_sales: int | None = col(
        "认购书销售部份数", "Copies for the sales department", default=None
    )


@record_kind(
    _meta(
        "ShowroomCustomerPayment",
        "客户交款",
        "customer payment",
        "showroom_customer_payments",
        ("payment_id",),
        "paid_date",
    )
)
class ShowroomCustomerPayment(Record):
    payment_id: str = col("交款编号", "Number")
    employee_id: str = col(EMPLOYEE_ID, "The salesperson of the customer")
    customer_name: str = col("客户", "Customer")
    paid_date: date = col("日期", "Day")
    amount_cny: Money = col("金额(元)", "Amount")
    received_by: Literal["财务部", "销售员"] = col("收款方", "Who took the money")


@record_kind(
    _meta(
        "ShowroomMentorship",
        "带教安排",
        "mentorship of a probationer",
        "showroom_mentorships",
        ("mentorship_id",),
        "start_date",
    )
)
class ShowroomMentorship(Record):
    mentorship_id: str = col("带教编号", "Number")
    employee_id: str = col("新员工员工编号", "The probationer")
    mentor_id: str = col("带教销售顾问员工编号", "The consultant appointed to mentor")
    start_date: date = col("开始日期", "First day of the mentorship")
    end_date: date | None = col("结束日期", "Last day; empty while current", default=None)


DRESS_ITEMS = (
    "统一工装",
    "工牌",
    "工装干净整洁",
    "统一领带",
    "头发整齐",
    "发梢不过耳",
    "深色袜子",
    "皮鞋干净",
    "统一发髻丝带",
    "淡妆",
    "不披肩散发",
)


@record_kind(
    _meta(
        "ShowroomDressCheck",
        "展厅着装检查",
        "dress check",
        "showroom_dress_checks",
        ("check_id",),
        "check_date",
    )
)
class ShowroomDressCheck(Record):
    """One item of 扩展4 #26 checked for one employee on one day."""

    check_id: str = col("检查编号", "Number")
    employee_id: str = col(EMPLOYEE_ID, "Employee checked")
    check_date: date = col("日期", "Day")
    item: Literal[DRESS_ITEMS] = col("检查项目", "The dress item")  # type: ignore[valid-type]
    passed: Flag = col("合格", "The item met the standard")


@record_kind(
    _meta(
        "ShowroomMeetingArrival",
        "销售部会议到场",
        "arrival at a meeting or training",
        "showroom_meeting_arrivals",
        ("arrival_id",),
        "meeting_date",
    )
)
class ShowroomMeetingArrival(Record):
    arrival_id: str = col("到场编号", "Number")
    employee_id: str = col(EMPLOYEE_ID, "Employee")
    meeting_date: date = col("日期", "Day")
    activity: Literal["会议", "培训", "集体活动"] = col("活动类型", "Meeting, training or activity")
    starts_at: time = col("开始时间", "When it began")
    arrived_at: time | None = col("到达时间", "When the employee arrived", default=None)


@record_kind(
    _meta(
        "ShowroomCollectionNotice",
        "催款通知单",
        "finance department's collection notice",
        "showroom_collection_notices",
        ("notice_id",),
        "received_date",
    )
)
class ShowroomCollectionNotice(Record):
    """A 催款通知单 from finance that the supervisor must pass on to the sales representatives."""

    notice_id: str = col("通知单编号", "Number")
    employee_id: str = col("主管员工编号", "The supervisor who received it")
    received_date: date = col("接到日期", "Day the supervisor received it")
    forwarded_date: date | None = col(
        "通知销售代表日期", "Day the representatives were told; empty if not yet", default=None
    )


# --------------------------------------------------------------------------- 扩展6 (sales company)


@record_kind(
    _meta(
        "SalesDailyReport",
        "销售员日报表",
        "salesperson's daily report",
        "sales_daily_reports",
        ("report_id",),
        "report_date",
    )
)
class SalesDailyReport(Record):
    report_id: str = col("日报编号", "Number")
    employee_id: str = col(EMPLOYEE_ID, "The salesperson")
    report_date: date = col("日期", "The day the report is about")
    submitted_at: datetime | None = col(
        "提交时间", "When it was handed in; empty if not", default=None
    )


EXECUTION_DETAILS = ("地点", "时间", "工作项目及结果", "客户名称", "客户来电")


@record_kind(
    _meta(
        "SalesWeeklyPlan",
        "市场人员周工作计划表",
        "market staff weekly plan and execution table",
        "sales_weekly_plans",
        ("plan_id",),
        "due_friday",
    )
)
class SalesWeeklyPlan(Record):
    """The weekly plan and last week's execution table due on one Friday."""

    plan_id: str = col("周表编号", "Number")
    employee_id: str = col(EMPLOYEE_ID, "The market staff member")
    due_friday: date = col("填报周五", "The Friday the tables are due")
    plan_filed_on: date | None = col("计划表填写日期", "When the plan was filled in", default=None)
    execution_filed_on: date | None = col(
        "执行表填写日期", "When last week's execution table was filled in", default=None
    )
    execution_details: tag_set(*EXECUTION_DETAILS) = col(  # type: ignore[valid-type]
        "执行表已注明事项", "Details the execution table gives", default=frozenset()
    )
