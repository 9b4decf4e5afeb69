"""Record kinds of a store's staff rules (F000 篇十: 店长, 导购 and their 考核分).

Attendance, leave and observed conduct are the shared kinds of checker/records/sales.py; these
are the store's own registers: assessments of the listed qualities, the morning meeting, the
daily tasks, assigned work, absences from the post, the assistant manager's supervision findings
and the ledger of points deducted.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Literal

from checker.records.base import Flag, Money, Record, TextSet, col, record_kind
from checker.records.sales import EMPLOYEE_ID, ROLES, _meta

QUALITY_ITEMS = ("爱岗敬业", "严以律己", "以诚待人", "积极工作的心态", "创造性思维", "持续学习")
CIVILITY_ITEMS = (
    "着装整齐",
    "大方得体",
    "佩戴胸牌",
    "语言文明",
    "行为规范",
    "克己奉公",
    "诚实待人",
    "乐于奉献",
    "实现价值",
)
APPEARANCE_ITEMS = ("头发", "首饰", "指甲", "服装", "站姿", "坐姿")


@record_kind(
    _meta(
        "StoreAssessment",
        "店员考核",
        "store staff assessment",
        "store_assessments",
        ("assessment_id",),
        "assessed_date",
    )
)
class StoreAssessment(Record):
    """One item of 篇十 #1–#3 assessed for one employee on one day."""

    assessment_id: str = col("考核编号", "Assessment number")
    employee_id: str = col(EMPLOYEE_ID, "Employee number")
    assessed_date: date = col("考核日期", "Date of the assessment")
    item: Literal[QUALITY_ITEMS + CIVILITY_ITEMS + APPEARANCE_ITEMS] = col(  # type: ignore[valid-type]
        "考核项目", "The quality, norm or appearance item assessed"
    )
    passed: Flag = col("达标", "The item met the standard")
    assessor: str | None = col("考核人", "Who assessed", default=None)


@record_kind(
    _meta(
        "MorningMeeting",
        "晨会",
        "morning meeting",
        "morning_meetings",
        ("meeting_id",),
        "meeting_date",
        subject_field="manager_id",
    )
)
class MorningMeeting(Record):
    meeting_id: str = col("晨会编号", "Meeting number")
    store_id: str = col("门店", "Store")
    meeting_date: date = col("日期", "Day")
    manager_id: str = col("店长员工编号", "The store manager, who must chair it")
    started_at: time | None = col("开始时间", "When it began; empty if not held", default=None)
    host_role: Literal[ROLES] | None = col(  # type: ignore[valid-type]
        "主持人岗位", "Role of whoever chaired it", default=None
    )


STORE_TASKS = ("打扫卫生", "设备检查", "工作日志", "整理店面")


@record_kind(
    _meta("StoreTask", "店面日常工作", "daily store task", "store_tasks", ("task_id",), "task_date")
)
class StoreTask(Record):
    """A fixed daily task of 篇十 #5–#6, by the employee who did (or should have done) it."""

    task_id: str = col("任务编号", "Task number")
    employee_id: str = col(EMPLOYEE_ID, "Employee responsible")
    task_date: date = col("日期", "Day")
    task: Literal[STORE_TASKS] = col("工作内容", "Which daily task")  # type: ignore[valid-type]
    started_at: time | None = col("开始时间", "When it began; empty if not done", default=None)
    done: Flag | None = col("已完成", "The task was completed", default=None)


@record_kind(
    _meta("WorkTask", "工作任务", "assigned work", "work_tasks", ("task_id",), "assigned_date")
)
class WorkTask(Record):
    task_id: str = col("任务编号", "Task number")
    employee_id: str = col(EMPLOYEE_ID, "Employee it was assigned to")
    assigned_date: date = col("布置日期", "Day it was assigned")
    due_at: datetime = col("完成期限", "Deadline")
    completed_at: datetime | None = col("完成时间", "When it was done", default=None)
    company_loss_cny: Money | None = col("公司损失(元)", "Loss the delay caused", default=None)


@record_kind(
    _meta(
        "PostAbsence",
        "离岗登记",
        "absence from the post",
        "post_absences",
        ("absence_id",),
        "left_at",
    )
)
class PostAbsence(Record):
    absence_id: str = col("离岗编号", "Absence number")
    employee_id: str = col(EMPLOYEE_ID, "Employee number")
    left_at: datetime = col("离岗时间", "When the employee left the post")
    returned_at: datetime = col("返岗时间", "When the employee came back")
    notice_given: Flag | None = col("事先告知", "Told the store in advance", default=None)
    manager_approved: Flag | None = col("店长准假", "The store manager gave leave", default=None)
    written_request: Flag | None = col("书面请假", "Asked the manager in writing", default=None)
    director_approved: Flag | None = col("经理同意", "The (area) manager agreed", default=None)


@record_kind(
    _meta(
        "SupervisionFinding",
        "监督检查",
        "supervision finding",
        "supervision_findings",
        ("finding_id",),
        "found_date",
        subject_field="manager_id",
    )
)
class SupervisionFinding(Record):
    """The assistant manager's finding that a store manager failed to supervise (篇十 备注)."""

    finding_id: str = col("检查编号", "Finding number")
    manager_id: str = col("店长员工编号", "The store manager found wanting")
    found_date: date = col("发现日期", "Date of the finding")
    found_by_role: Literal[ROLES] = col("发现人岗位", "Role of whoever found it")  # type: ignore[valid-type]
    related_records: TextSet = col(
        "相关违规记录",
        "Keys of the staff records whose violations went unsupervised (考勤、行为记录等编号)",
    )


@record_kind(
    _meta(
        "PointDeduction",
        "扣分台账",
        "points ledger",
        "point_deductions",
        ("deduction_id",),
        "violation_date",
    )
)
class PointDeduction(Record):
    deduction_id: str = col("扣分编号", "Ledger entry number")
    employee_id: str = col(EMPLOYEE_ID, "Employee number")
    violation_date: date = col("违规日期", "Date of the violation")
    points: int = col("扣分", "Points deducted", ge=0)
    recorded_month: str = col("扣分月份", "Month the points were booked (YYYY-MM)")
    fine_cny: Money | None = col("罚款(元)", "Fine, if any", default=None)
    pay_month: str | None = col("工资扣款月份", "Month the fine came off the pay", default=None)
