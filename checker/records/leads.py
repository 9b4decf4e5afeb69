"""Record kinds of conference marketing (会议营销): 篇十三 of shared/regulations/000_….

Leads (顾客档案) from a 科普 session and how its department head shared them out; the joint
events (联合会议) of the two divisions, the daily sheets their managers drop in the 资源共享 box,
the invitations, who a customer at the event was credited to, the sales and the disputes there;
the customers each employee looks after, the services they gave, and customer grievances.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from checker.records.base import Flag, Money, Record, TextSet, col, record_kind
from checker.records.sales import EMPLOYEE_ID, _meta

DIVISIONS = ("第一事业部", "第二事业部")
SESSIONS = ("上午", "下午", "晚上")
BOX_LISTS = ("当天敲定表", "次日计划名单")
SERVICE_TYPES = ("邀约", "到会", "家访", "电话", "送货", "其他")
COMPLAINED_TO = ("未投诉", "姜总", "其他领导")


@record_kind(
    _meta(
        "KepuSession",
        "科普活动",
        "科普 session",
        "kepu_sessions",
        ("session_id",),
        "session_date",
        subject_field="head_id",
    )
)
class KepuSession(Record):
    """A 科普 (health talk) a department held, who ran it and which employees took part."""

    session_id: str = col("科普编号", "Session number (the batch its leads come from)")
    session_date: date = col("科普日期", "Day of the session")
    dept: str = col("部门", "Department that held it")
    head_id: str = col("部门负责人员工编号", "Head of the department, who shares out the leads")
    participants: TextSet = col("参加员工编号", "Employees who took part, separated by 、")


@record_kind(
    _meta(
        "LeadArchive",
        "科普顾客档案",
        "科普 lead",
        "lead_archives",
        ("lead_id",),
        "crm_entered_date",
        subject_field="head_id",
    )
)
class LeadArchive(Record):
    """One customer file gathered at a 科普, its passage through the CRM centre, its assignee."""

    lead_id: str = col("档案编号", "Lead number")
    session_id: str = col("科普编号", "The session it was gathered at")
    head_id: str = col("部门负责人员工编号", "Head of the department that gathered it")
    crm_entered_date: date | None = col(
        "交crm录入日期", "Day it was handed to the CRM centre", default=None
    )
    crm_returned_date: date | None = col(
        "crm返还日期", "Day the CRM centre returned it to the head", default=None
    )
    assigned_to: str | None = col("分配员工编号", "Employee it was given to", default=None)
    assigned_date: date | None = col("分配日期", "Day it was given out", default=None)


@record_kind(
    _meta(
        "JointEvent",
        "联合会议",
        "joint event",
        "joint_events",
        ("event_id",),
        "event_date",
        subject_field="coordinator_id",
    )
)
class JointEvent(Record):
    """A conference-marketing event the two divisions hold together."""

    event_id: str = col("会议编号", "Event number")
    event_date: date = col("会议日期", "Day of the event")
    session: Literal[SESSIONS] = col("时段", "Morning, afternoon or evening")  # type: ignore[valid-type]
    coordinator_id: str = col("协调助理员工编号", "The coordinating assistant")
    division1_manager_id: str = col("第一事业部经理员工编号", "Manager of the first division")
    division2_manager_id: str = col("第二事业部经理员工编号", "Manager of the second division")


@record_kind(
    _meta(
        "ShareBoxSubmission",
        "资源共享箱投表",
        "shared-box sheet",
        "share_box_submissions",
        ("submission_id",),
        "for_date",
        subject_field="manager_id",
    )
)
class ShareBoxSubmission(Record):
    """A sheet a division manager put in the 资源共享 box, for one day."""

    submission_id: str = col("投表编号", "Submission number")
    event_id: str = col("会议编号", "The joint event")
    dept: Literal[DIVISIONS] = col("事业部", "Division")  # type: ignore[valid-type]
    manager_id: str = col("经理员工编号", "Manager who submitted it")
    for_date: date = col(
        "所属日期", "The day whose confirmed customers (or next day's plan) it lists"
    )
    list_type: Literal[BOX_LISTS] = col("表别", "Confirmed-customer sheet or next day's plan")  # type: ignore[valid-type]
    submitted_at: datetime = col("投入时间", "When it went in the box")


@record_kind(
    _meta(
        "JointInvitation",
        "联合会议邀约",
        "invitation",
        "joint_invitations",
        ("invitation_id",),
        None,
    )
)
class JointInvitation(Record):
    """A customer invited to a joint event and confirmed (敲定) by an employee of a division."""

    invitation_id: str = col("邀约编号", "Invitation number")
    event_id: str = col("会议编号", "The joint event")
    customer_id: str = col("顾客编号", "Customer")
    dept: Literal[DIVISIONS] = col("事业部", "Division of the inviting employee")  # type: ignore[valid-type]
    employee_id: str = col(EMPLOYEE_ID, "Employee who invited the customer")
    invited_at: datetime = col("邀约敲定时间", "When the invitation was confirmed")
    reported_date: date | None = col(
        "上报顾客资源总监日期",
        "Day the file was reported to the customer-resources director",
        default=None,
    )


@record_kind(
    _meta(
        "JointArrival",
        "到会登记",
        "arrival",
        "joint_arrivals",
        ("arrival_id",),
        None,
        subject_field="recorded_by",
    )
)
class JointArrival(Record):
    """A customer who came to a joint event, and the division the invitation was credited to."""

    arrival_id: str = col("到会编号", "Arrival number")
    event_id: str = col("会议编号", "The joint event")
    customer_id: str = col("顾客编号", "Customer")
    credited_dept: Literal[DIVISIONS] = col("判定邀约部门", "Division credited with the invitation")  # type: ignore[valid-type]
    recorded_by: str = col("登记人员工编号", "Who decided the credit (the coordinating assistant)")


@record_kind(
    _meta(
        "JointSale",
        "会议销售",
        "event sale",
        "joint_sales",
        ("sale_id",),
        None,
        subject_field="credited_employee_id",
    )
)
class JointSale(Record):
    """A sale to a customer at a joint event, whose performance it counts for, who helped."""

    sale_id: str = col("销售编号", "Sale number")
    event_id: str = col("会议编号", "The joint event")
    customer_id: str = col("顾客编号", "Customer")
    amount_cny: Money = col("金额(元)", "Amount of the sale")
    credited_employee_id: str = col("业绩归属员工编号", "Employee the sale was credited to")
    assisting_employee_id: str | None = col(
        "借用员工编号", "The customer's former service employee who helped sell", default=None
    )
    inviter_consent: Flag | None = col(
        "现邀约员工同意", "The current inviter agreed to the help", default=None
    )
    two_pitching: Flag | None = col(
        "两人同时推产品", "Two employees pitched to the customer at once", default=None
    )


@record_kind(
    _meta(
        "JointDispute",
        "会议冲突",
        "dispute at an event",
        "joint_disputes",
        ("dispute_id",),
        "dispute_date",
        subject_field="coordinator_id",
    )
)
class JointDispute(Record):
    """A conflict between the divisions' staff at a joint event and how it was settled."""

    dispute_id: str = col("冲突编号", "Dispute number")
    event_id: str = col("会议编号", "The joint event")
    dispute_date: date = col("日期", "Day of the dispute")
    coordinator_id: str = col("协调助理员工编号", "The coordinating assistant")
    parties: TextSet = col("当事员工编号", "Employees in the dispute, separated by 、")
    before_customer: Flag = col("在顾客面前争议", "They argued in front of the customer")
    settled_after: Flag | None = col(
        "会后两部负责人陪同协调助理协商",
        "Settled after the event by both heads with the coordinating assistant",
        default=None,
    )
    coordinator_decided: Flag | None = col(
        "协调助理已作出判定", "The coordinating assistant could decide", default=None
    )
    referred_to_gm: Flag | None = col(
        "已上报总经理裁决", "Referred to the general manager", default=None
    )


@record_kind(
    _meta(
        "LeadAccount",
        "顾客归属",
        "customer owner",
        "lead_accounts",
        ("customer_id",),
        None,
        subject_field="owner_id",
    )
)
class LeadAccount(Record):
    """The employee and department a customer's file belongs to."""

    customer_id: str = col("顾客编号", "Customer")
    owner_id: str = col("跟踪服务员工编号", "Employee who looks after the customer")
    owner_dept: Literal[DIVISIONS] = col("所属事业部", "The owner's division")  # type: ignore[valid-type]


@record_kind(
    _meta(
        "LeadService",
        "顾客服务记录",
        "customer service",
        "lead_services",
        ("service_id",),
        "service_date",
    )
)
class LeadService(Record):
    """A service given to a customer: an invitation, the customer coming, a home visit…"""

    service_id: str = col("服务编号", "Service number")
    customer_id: str = col("顾客编号", "Customer")
    employee_id: str = col(EMPLOYEE_ID, "Employee who gave it")
    service_date: date = col("服务日期", "Day of the service")
    service_type: Literal[SERVICE_TYPES] = col("服务类别", "What it was")  # type: ignore[valid-type]


@record_kind(
    _meta(
        "CustomerGrievance",
        "顾客抱怨",
        "customer grievance",
        "customer_grievances",
        ("grievance_id",),
        "found_date",
    )
)
class CustomerGrievance(Record):
    """A customer's grievance about an employee, whether it reached 姜总, when it was resolved."""

    grievance_id: str = col("抱怨编号", "Grievance number")
    customer_id: str = col("顾客编号", "Customer")
    employee_id: str = col(EMPLOYEE_ID, "Employee concerned (当事员工)")
    manager_id: str | None = col(
        "部门经理员工编号", "Manager of the customer's department", default=None
    )
    found_date: date = col("发现日期", "Day the grievance was found or raised")
    complained_to: Literal[COMPLAINED_TO] = col(  # type: ignore[valid-type]
        "投诉对象", "Whom the customer complained to: nobody, 姜总 or another executive"
    )
    resolved_date: date | None = col("处理好日期", "Day it was resolved", default=None)
    handed_over_date: date | None = col(
        "顾客资源移交日期", "Day the customer was handed to another department", default=None
    )
