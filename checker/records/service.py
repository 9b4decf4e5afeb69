"""Record kinds of the customer-service norms (catalogue part B6).

Calls taken by customer-service agents with their quality review (`ServiceCall`), an agent away
from the seat (`ServiceSeatAbsence`), what a supervisor saw on the service floor
(`ServiceObservation`), visitors waiting to be greeted (`ServiceVisit`), customer complaints
(`ServiceComplaint`) and residents' complaints to a property office (`ResidentComplaint`), paid
repairs (`ServiceRepairJob`), and a store's VIP customers with their receipts, the store's new
products and promotions and the text messages sent (`VipMember`, `VipReceipt`, `VipStoreEvent`,
`VipMessage`). The regulations reading them come from different companies; a dataset is audited
under the one its company runs.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from checker.i18n import Text
from checker.records.base import (
    Flag,
    KindMeta,
    Money,
    Record,
    SubjectType,
    col,
    record_kind,
    tag_set,
)
from checker.records.sales import EMPLOYEE_ID, _meta

VIP_CUSTOMER = SubjectType("vip_customer", Text("VIP顾客", "VIP customer"))

CALL_PURPOSES = ("咨询", "投诉", "其他")
HUNG_UP_BY = ("客户", "客服", "断线")
CALL_FINDINGS = ("生硬语言", "推卸责任", "责备埋怨客户", "针锋相对")
FLOOR_CONDUCT = (
    # 篇七 (service floor)
    "大声喧哗",
    "看书",
    "与临台闲聊",
    # 制度15 第三章5, 第四章7 (showroom)
    "跟单时高声喧哗",
    "跟单时谈论客户",
    "收款未唱收唱付",
)
COMPLAINT_FINDINGS = ("推诿顾客", "打断客户说话")
RESIDENT_FINDINGS = ("推诿责任", "为难住户", "索取好处")
VIP_EVENT_TYPES = ("新品", "促销")
VIP_MESSAGE_TYPES = ("新品", "促销", "生日")


@record_kind(
    _meta(
        "ServiceCall", "客服通话记录", "service call", "service_calls", ("call_id",), "started_at"
    )
)
class ServiceCall(Record):
    """A call an agent answered, as the telephone system logged it and quality review scored it.

    The review columns stay empty for a call nobody reviewed; an empty column is not a finding.
    """

    call_id: str = col("通话编号", "Call number")
    employee_id: str = col(EMPLOYEE_ID, "The agent who answered")
    started_at: datetime = col("来电时间", "When the call came in")
    purpose: Literal[CALL_PURPOSES] | None = col(  # type: ignore[valid-type]
        "来电类型", "Enquiry, complaint or other", default=None
    )
    rings: int | None = col("接听前响铃声数", "Rings before the agent answered", default=None, ge=0)
    apologized: Flag | None = col("向来电人致歉", "The agent apologised for the wait", default=None)
    hung_up_by: Literal[HUNG_UP_BY] | None = col(  # type: ignore[valid-type]
        "先挂断方", "Who ended the call", default=None
    )
    customer_finished: Flag | None = col(
        "客户已讲完", "The caller had finished when the call ended", default=None
    )
    used_please: Flag | None = col("质检：用“请”字", "Review: the agent said 请", default=None)
    used_nin: Flag | None = col(
        "质检：用“您”字", "Review: the agent addressed the caller as 您", default=None
    )
    said_goodbye: Flag | None = col(
        "质检：以“再见”结尾", "Review: the agent ended with 再见", default=None
    )
    findings: tag_set(*CALL_FINDINGS) | None = col(  # type: ignore[valid-type]
        "质检发现", "Review: faults found in the agent's speech", default=None
    )
    interruptions: int | None = col(
        "质检：打断客户次数", "Review: times the agent interrupted the caller", default=None, ge=0
    )


@record_kind(
    _meta(
        "ServiceSeatAbsence",
        "客服离席登记",
        "agent away from the seat",
        "service_seat_absences",
        ("absence_id",),
        "left_at",
    )
)
class ServiceSeatAbsence(Record):
    absence_id: str = col("离席编号", "Absence number")
    employee_id: str = col(EMPLOYEE_ID, "The agent")
    left_at: datetime = col("离席时间", "When the agent left the seat")
    returned_at: datetime | None = col("返回时间", "When the agent came back", default=None)
    manager_approved: Flag | None = col("经理批准", "A manager approved the absence", default=None)
    reason: str | None = col("事由", "Why", default=None)


@record_kind(
    _meta(
        "ServiceObservation",
        "客服现场检查",
        "service-floor observation",
        "service_observations",
        ("observation_id",),
        "observed_date",
    )
)
class ServiceObservation(Record):
    """Conduct a supervisor saw on the service floor or at the counter, one occurrence per row."""

    observation_id: str = col("记录编号", "Observation number")
    employee_id: str = col(EMPLOYEE_ID, "Employee observed")
    observed_date: date = col("日期", "Date")
    conduct: Literal[FLOOR_CONDUCT] = col("行为", "What was observed")  # type: ignore[valid-type]
    observer: str | None = col("记录人", "Who observed it", default=None)


@record_kind(
    _meta(
        "ServiceVisit",
        "客户到访接待",
        "customer visit",
        "service_visits",
        ("visit_id",),
        "arrived_at",
    )
)
class ServiceVisit(Record):
    visit_id: str = col("到访编号", "Visit number")
    employee_id: str = col(EMPLOYEE_ID, "Receptionist on duty, or whoever greeted the customer")
    customer: str | None = col("客户", "Customer's name", default=None)
    arrived_at: datetime = col("到达时间", "When the customer arrived")
    greeted_at: datetime | None = col(
        "招呼时间", "When someone first greeted the customer", default=None
    )


@record_kind(
    _meta(
        "ServiceComplaint",
        "顾客投诉处理",
        "customer complaint",
        "service_complaints",
        ("case_id",),
        "received_at",
    )
)
class ServiceComplaint(Record):
    case_id: str = col("投诉编号", "Complaint number")
    employee_id: str = col(EMPLOYEE_ID, "Who received the complaint")
    received_at: datetime = col("受理时间", "When the complaint was received")
    serious: Flag | None = col("重大投诉", "A serious (重大) complaint", default=None)
    reported_at: datetime | None = col(
        "报告部门负责人时间", "When the department head or manager in charge was told", default=None
    )
    findings: tag_set(*COMPLAINT_FINDINGS) | None = col(  # type: ignore[valid-type]
        "查实问题", "Faults in the handling found on review", default=None
    )


@record_kind(
    _meta(
        "ResidentComplaint",
        "住户来访投诉处理",
        "resident's visit or complaint",
        "resident_complaints",
        ("case_id",),
        "received_date",
    )
)
class ResidentComplaint(Record):
    case_id: str = col("投诉编号", "Case number")
    employee_id: str = col(EMPLOYEE_ID, "Who in the responsible department handled it")
    resident: str | None = col("住户", "Resident", default=None)
    received_date: date = col("受理日期", "Day received")
    completed_date: date | None = col("处理完毕日期", "Day the handling was finished", default=None)
    resident_replied_date: date | None = col(
        "回复住户日期", "Day the resident was told", default=None
    )
    director_replied_date: date | None = col(
        "回复管理处主任日期", "Day the property office director was told", default=None
    )
    findings: tag_set(*RESIDENT_FINDINGS) | None = col(  # type: ignore[valid-type]
        "查实问题", "Misconduct found on review", default=None
    )


@record_kind(
    _meta(
        "ServiceRepairJob",
        "维修收费",
        "paid repair",
        "service_repair_jobs",
        ("job_id",),
        "job_date",
    )
)
class ServiceRepairJob(Record):
    job_id: str = col("维修单号", "《维修服务单》 number")
    employee_id: str = col(EMPLOYEE_ID, "The repair technician")
    job_date: date = col("维修日期", "Day of the repair")
    fee_cny: Money | None = col("收取费用(元)", "Fee collected from the customer", default=None)
    invoice_no: str | None = col("发票号码", "Invoice issued for the fee", default=None)
    returned_at: datetime | None = col("回到公司时间", "When the technician got back", default=None)
    remitted_at: datetime | None = col(
        "交财务时间", "When the money was handed to finance", default=None
    )


@record_kind(
    KindMeta(
        "VipMember",
        Text("VIP顾客名册", "VIP customer register"),
        "vip_members",
        ("card_no",),
        VIP_CUSTOMER,
        "card_no",
        "name",
        "issued_date",
    )
)
class VipMember(Record):
    card_no: str = col("vip卡号", "VIP card number")
    name: str = col("姓名", "Customer's name")
    store_id: str = col("门店", "Store that issued the card")
    issued_date: date = col("发卡日期", "Day the card was issued")
    birthday: date | None = col("生日", "Date of birth (the year may be any)", default=None)
    mobile: str | None = col("手机", "Mobile number", default=None)


@record_kind(
    _meta("VipReceipt", "收银小票", "till receipt", "vip_receipts", ("receipt_id",), "sale_date")
)
class VipReceipt(Record):
    receipt_id: str = col("小票号", "Receipt number")
    employee_id: str = col(EMPLOYEE_ID, "Cashier")
    store_id: str = col("门店", "Store")
    sale_date: date = col("销售日期", "Day of the sale")
    card_no: str | None = col("vip卡号", "VIP card shown; empty for other customers", default=None)
    customer_signed: Flag | None = col("顾客签名", "The VIP signed the receipt", default=None)


@record_kind(
    KindMeta(
        "VipStoreEvent",
        Text("门店新品及促销活动", "store new-product or promotion event"),
        "vip_store_events",
        ("event_id",),
        None,
        None,
        None,
        "start_date",
    )
)
class VipStoreEvent(Record):
    """A new-product launch or promotion of a store: reference data the reminders are owed for."""

    event_id: str = col("活动编号", "Event number")
    store_id: str = col("门店", "Store")
    event_type: Literal[VIP_EVENT_TYPES] = col("类型", "新品 or 促销")  # type: ignore[valid-type]
    title: str | None = col("活动名称", "Name of the event", default=None)
    start_date: date = col("开始日期", "First day of the event")


@record_kind(
    KindMeta(
        "VipMessage",
        Text("VIP短信", "text message to a VIP"),
        "vip_messages",
        ("message_id",),
        None,
        None,
        None,
        "sent_at",
    )
)
class VipMessage(Record):
    message_id: str = col("短信编号", "Message number")
    card_no: str = col("vip卡号", "VIP card the message went to")
    message_type: Literal[VIP_MESSAGE_TYPES] = col("类型", "新品, 促销 or 生日")  # type: ignore[valid-type]
    event_id: str | None = col(
        "活动编号", "The new product or promotion it announced", default=None
    )
    sent_at: datetime = col("发送时间", "When it was sent")
