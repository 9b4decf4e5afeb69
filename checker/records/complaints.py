"""Record kinds of the complaint-sanction regulations (catalogue part B3).

A complaint about a member of staff (`StaffComplaint`: who was complained about, who received and
handled it, what the investigation found, what it cost) and the sanction decided on a finding
against one employee (`ComplaintPenalty`: the finding as 制度9 七 words it, the fine actually
imposed, the points deducted, the notices and measures). The regulations that read them come
from different companies; a dataset is audited under the one its company runs.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from checker.records.base import Flag, Money, Record, col, record_kind
from checker.records.sales import EMPLOYEE_ID, ROLES, _meta

CATEGORIES = (
    "产品质量",
    "售后服务",
    "工作失职",
    "工作态度",
    "服务效率",
    "专业素质",
    "咨询",
    "建议",
    "其他",
)
CLASSIFICATIONS = ("违规", "工作失职", "一般工作失误", "服务欠缺", "客户自身原因", "商品问题")


@record_kind(
    _meta(
        "StaffComplaint",
        "员工投诉案件",
        "complaint about staff",
        "staff_complaints",
        ("case_id",),
        "received_date",
        subject_field="respondent_id",
    )
)
class StaffComplaint(Record):
    """One customer complaint and the employee it is about (the 被投诉人 or 职责人)."""

    case_id: str = col("投诉编号", "Complaint number")
    received_date: date = col("受理日期", "Day the complaint was received")
    respondent_id: str = col(
        "被投诉人员工编号", "The employee complained about or held responsible"
    )
    handler_id: str | None = col("受理人员工编号", "Who received and handled it", default=None)
    dept_head_id: str | None = col(
        "部门主管员工编号", "Head of the respondent's department", default=None
    )
    category: Literal[CATEGORIES] | None = col(  # type: ignore[valid-type]
        "投诉类别", "What the complaint is about", default=None
    )
    substantiated: Flag | None = col(
        "投诉成立", "The complaint was upheld and attributed", default=None
    )
    fine_cny: Money | None = col("罚款(元)", "Fine imposed for the case", default=None)
    recorded_date: date | None = col(
        "登记日期", "Day it was entered in the complaint register", default=None
    )
    solution_date: date | None = col(
        "提出解决办法日期", "Day the handler proposed a solution", default=None
    )
    loss_cny: Money | None = col("损失金额(元)", "Loss the complaint caused", default=None)
    classification: Literal[CLASSIFICATIONS] | None = col(  # type: ignore[valid-type]
        "调查定性", "What the investigation found the complaint to be", default=None
    )
    reported_to_leader: Flag | None = col(
        "已向部门领导汇报", "Reported to the department's leader", default=None
    )
    respondent_dealt_with: Flag | None = col(
        "已按规章处理当事人", "The respondent was dealt with under the unit's rules", default=None
    )
    corrected: Flag | None = col("当事人已纠正", "The respondent put it right", default=None)
    criticism_notice: Flag | None = col(
        "已通报批评", "The respondent was publicly criticised", default=None
    )
    feedback_date: date | None = col(
        "处罚结果反馈客户日期", "Day the sanction was reported back to the customer", default=None
    )


# 制度9 七 in its own words (repaired: 容戶 = 客户, 不早重 = 不尊重, 利用職便 = 利用职务之便).
FINDINGS = (
    # 七(一)
    "服务态度不佳",
    "服务效率低下",
    "业务不熟悉",
    "不尊重客户",
    "讥笑客户",
    "议论客户",
    "指手划脚",
    "交头接耳",
    # 七(二)
    "接待态度冷淡",
    "擅自减少服务流程",
    "故意刁难客户",
    "与客户发生争执",
    # 七(三)
    "拒不承认投诉事实",
    "主管管理不力",
    # 七(四)
    "隐瞒不报投诉",
    "不配合解决投诉",
    # 七(五)
    "辱骂客户",
    "殴打客户",
    "打击报复投诉客户",
    "投诉处理不当致声誉重大损失",
    "不实承诺致损失",
)
DECIDERS = ("部门经理", "总经理", "人事行政部", "其他")


@record_kind(
    _meta(
        "ComplaintPenalty",
        "投诉处罚",
        "complaint sanction",
        "complaint_penalties",
        ("penalty_id",),
        "decided_date",
    )
)
class ComplaintPenalty(Record):
    """A finding against one employee on a complaint, and the sanction actually decided."""

    penalty_id: str = col("处罚编号", "Sanction number")
    case_id: str | None = col("投诉编号", "The complaint it follows", default=None)
    employee_id: str = col(EMPLOYEE_ID, "Employee sanctioned")
    role: Literal[ROLES] | None = col("岗位", "The employee's role", default=None)  # type: ignore[valid-type]
    decided_date: date = col("处罚日期", "Day the sanction was decided")
    finding: Literal[FINDINGS] | None = col(  # type: ignore[valid-type]
        "认定情节", "What was found, in 制度9 七's words", default=None
    )
    loss_cny: Money | None = col(
        "公司或发展商损失(元)", "Loss to the company or developer", default=None
    )
    fine_cny: Money | None = col("罚款(元)", "Fine imposed", default=None)
    points_deducted: int | None = col(
        "扣月度绩效考评分", "Points of the monthly performance score deducted", default=None
    )
    company_notice: Flag | None = col("通报全公司", "Announced to the whole company", default=None)
    reprimand: Flag | None = col("申诫", "Reprimand (申诫处分)", default=None)
    major_demerit: Flag | None = col("记大过", "Major demerit (记大过处分)", default=None)
    performance_pay_withheld: Flag | None = col(
        "扣除当月绩效工资", "The month's performance pay withheld", default=None
    )
    dismissed: Flag | None = col("辞退或开除", "Dismissed or expelled", default=None)
    decided_by: Literal[DECIDERS] | None = col(  # type: ignore[valid-type]
        "处罚决定人", "Who decided the sanction", default=None
    )
