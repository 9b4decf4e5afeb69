"""Record kinds shared by the sales and service regulations, and those of the store and HR rules.

The regulations of part B of the catalogue come from different companies, but their records are
of the same few kinds: who works where in which role, attendance, leave, and what a supervisor
observed. One kind serves every regulation that reads it; which regulations apply to a dataset
is the configuration's choice (`audit.regulations`), never the record's.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Literal

from checker.i18n import Text
from checker.records.base import (
    SUBJECT_DIRECTORIES,
    SUBJECT_POSTINGS,
    Flag,
    KindMeta,
    Money,
    Record,
    SubjectType,
    col,
    record_kind,
)

EMPLOYEE = SubjectType("employee", Text("员工", "employee"))
SUBJECT_DIRECTORIES["employee"] = ("Employee", "name")
SUBJECT_POSTINGS["employee"] = "Assignment"

EMPLOYEE_ID = "员工编号"


def _meta(
    name: str,
    zh: str,
    en: str,
    stem: str,
    key: tuple[str, ...],
    date_field: str | None,
    subject_field: str | None = "employee_id",
) -> KindMeta:
    subject = EMPLOYEE if subject_field else None
    return KindMeta(name, Text(zh, en), stem, key, subject, subject_field, None, date_field)


ROLES = (
    "店长",
    "导购",
    "经理助理",
    "经理",
    "部门经理",
    "部门总监",
    "主管",
    "销售组长",
    "销售顾问",
    "销售代表",
    "销售员",
    "大客户专员",
    "市场专员",
    "客服代表",
    "员工",
)


@record_kind(
    _meta("Employee", "员工名册", "staff register", "employees", ("employee_id",), "hire_date")
)
class Employee(Record):
    employee_id: str = col(EMPLOYEE_ID, "Employee number")
    name: str = col("姓名", "Name")
    unit_id: str = col("部门或门店", "Store or department the employee belongs to")
    role: Literal[ROLES] = col("岗位", "Role")  # type: ignore[valid-type]
    hire_date: date = col("入职日期", "Date hired")
    probation_end_date: date | None = col("试用期截止日期", "Last day of probation", default=None)
    leave_date: date | None = col("离职日期", "Date the employee left", default=None)
    daily_wage_cny: Money | None = col("日工资(元)", "A day's pay", default=None)


@record_kind(
    _meta(
        "Assignment",
        "岗位变动",
        "assignment",
        "assignments",
        ("assignment_id",),
        "start_date",
    )
)
class Assignment(Record):
    """Where an employee worked in which role from one date to another (store or role changes)."""

    assignment_id: str = col("变动编号", "Assignment number")
    employee_id: str = col(EMPLOYEE_ID, "Employee number")
    unit_id: str = col("部门或门店", "Store or department")
    role: Literal[ROLES] = col("岗位", "Role")  # type: ignore[valid-type]
    start_date: date = col("开始日期", "First day in this store and role")
    end_date: date | None = col("结束日期", "Last day; empty while current", default=None)


@record_kind(
    _meta("Attendance", "考勤", "attendance", "attendance", ("attendance_id",), "work_date")
)
class Attendance(Record):
    attendance_id: str = col("考勤编号", "Attendance record number")
    employee_id: str = col(EMPLOYEE_ID, "Employee number")
    work_date: date = col("日期", "Working day")
    present: Flag = col("出勤", "The employee came to work that day")
    scheduled_in: time | None = col(
        "应到时间", "Start of the shift; empty means the regulation's", default=None
    )
    scheduled_out: time | None = col(
        "应退时间", "End of the shift; empty means the regulation's", default=None
    )
    clock_in: time | None = col("上班打卡", "Clock-in time; empty if not punched", default=None)
    clock_out: time | None = col("下班打卡", "Clock-out time; empty if not punched", default=None)


LEAVE_TYPES = ("事假", "病假", "年假", "婚假", "产假", "丧假", "调休", "其他")
APPROVER_ROLES = ("店长", "经理", "部门主管", "部门总监", "分管领导", "总经理", "无")


@record_kind(
    _meta("LeaveRequest", "请假", "leave request", "leave_requests", ("leave_id",), "start_date")
)
class LeaveRequest(Record):
    leave_id: str = col("请假编号", "Leave request number")
    employee_id: str = col(EMPLOYEE_ID, "Employee number")
    leave_type: Literal[LEAVE_TYPES] = col("请假类型", "Kind of leave")  # type: ignore[valid-type]
    start_date: date = col("开始日期", "First day of leave")
    end_date: date = col("结束日期", "Last day of leave")
    days: Decimal = col("请假天数", "Days of leave", gt=0)
    submitted_at: datetime | None = col("提交时间", "When the request was handed in", default=None)
    written: Flag | None = col("书面", "A written request (请假条)", default=None)
    approved: Flag = col("已批准", "The leave was approved")
    approver_role: Literal[APPROVER_ROLES] | None = col(  # type: ignore[valid-type]
        "审批人岗位", "Role of whoever approved", default=None
    )
    gm_signed: Flag | None = col("总经理签字", "The general manager signed", default=None)
    hr_filed: Flag | None = col("已报人事备案", "Filed with HR", default=None)
    emergency: Flag | None = col("突发事件", "Emergency leave, not asked in advance", default=None)
    phone_reported: Flag | None = col(
        "电话报告主管", "The employee phoned the supervisor in time", default=None
    )
    same_day_filed: Flag | None = col(
        "当日补办手续", "The request was completed the same day", default=None
    )


CONDUCT_TYPES = (
    # 篇十 #9–#13 (store staff)
    "干私活",
    "吃零食",
    "打瞌睡",
    "聚众聊天",
    "无所事事",
    "亲友走访",
    "相互排斥",
    "造谣",
    "拉帮结派",
    "接待不热情",
    "接待不礼貌",
    "接待不积极",
    "接待有失分寸",
    "当客发牢骚",
    "评头论足",
    "指指点点",
    "怠慢客户",
    # 扩展3 #37 (sales department)
    "看视频",
    "听歌",
    # 扩展7 #47–#50 (a lost disciplinary list)
    "擅离岗位",
    "初次不服从指挥",
    "上班睡觉",
    # 扩展3 #24, 扩展4 #36 (refusing another salesperson's customer)
    "拒绝非己客户",
    "怠慢非己客户",
    "对己方客户不管不问",
    # 制度9 七(五) (complaints)
    "辱骂客户",
    "殴打客户",
    "打击报复投诉客户",
    # 扩展2 #11 (site workers)
    "顶撞业主",
    "损坏业主物品",
    "索要物品",
    "无理要求",
    "偷窃业主物品",
    "私用业主物品",
)


@record_kind(
    _meta(
        "ConductObservation",
        "行为记录",
        "observed conduct",
        "conduct_observations",
        ("observation_id",),
        "observed_date",
    )
)
class ConductObservation(Record):
    """Conduct a supervisor observed or a finding established, one occurrence per row."""

    observation_id: str = col("记录编号", "Observation number")
    employee_id: str = col(EMPLOYEE_ID, "Employee number")
    observed_date: date = col("日期", "Date of the conduct")
    conduct: Literal[CONDUCT_TYPES] = col("行为", "What was observed")  # type: ignore[valid-type]
    severe: Flag | None = col("情节恶劣", "Found to be serious (情节恶劣)", default=None)
    observer: str | None = col("记录人", "Who observed or found it", default=None)
    note: str | None = col("说明", "Free text", default=None)


@record_kind(
    _meta(
        "PunchExemption",
        "忘打卡单",
        "missed-punch form",
        "punch_exemptions",
        ("exemption_id",),
        "work_date",
    )
)
class PunchExemption(Record):
    """A 《忘/未打卡单》: the employee's explanation of a day without a punch."""

    exemption_id: str = col("单据编号", "Form number")
    employee_id: str = col(EMPLOYEE_ID, "Employee number")
    work_date: date = col("日期", "The day without a punch")
    reason: str | None = col("原因", "Why the punch is missing", default=None)
    approver_role: Literal[APPROVER_ROLES] | None = col(  # type: ignore[valid-type]
        "批示人岗位", "Role of whoever signed the form", default=None
    )
    hr_filed: Flag | None = col("已报人力资源部备案", "Filed with HR", default=None)


@record_kind(_meta("Overtime", "加班", "overtime", "overtime", ("overtime_id",), "work_date"))
class Overtime(Record):
    overtime_id: str = col("加班编号", "Overtime number")
    employee_id: str = col(EMPLOYEE_ID, "Employee number")
    work_date: date = col("加班日期", "Day of the overtime")
    started_at: datetime = col("开始时间", "When the overtime began")
    form_filed_at: datetime | None = col(
        "申请表提交时间", "When the 《加班申请表》 was filed", default=None
    )
    hr_signed_at: datetime | None = col(
        "人力资源部签字时间", "When the HR manager signed it", default=None
    )
