"""Record kinds of client files (客户档案): what a file holds, who reads or borrows it, who leaves.

The client-file provisions of catalogue part D2 come from different companies (a distributor's
制度4, a sales company's 制度10, 制度13's 客户资料管理办法, a fund manager's and a hardware maker's
rules in F004, two property companies' content lists): each reads these kinds, and a dataset is
audited under the regulation its company runs. Roles are free text matched through the
configuration as for the archive (checker/records/archive.py).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from checker.records.archive import PERSON, STAFF, _meta
from checker.records.base import Flag, Record, TextSet, col, record_kind, tag_set

# The contents each regulation requires, one name per item across their lists.
PROPERTY_SECTIONS = (  # F000 篇十二 3.1–3.8
    "客户资料",
    "缴费记录",
    "装修工程文件",
    "迁入资料",
    "资料补充",
    "往来文件",
    "违规欠费记录",
    "报修记录",
)
PROPERTY8_SECTIONS = (  # F001 制度8 三1–12 (维修记录 is 报修记录)
    *PROPERTY_SECTIONS[:5],
    "联络资料",
    "紧急联络人资料",
    *PROPERTY_SECTIONS[5:],
    "投诉记录",
    "工程档案",
)
SALES_SECTIONS = ("联络资料", "信用状况", "交易记录")  # F001 制度10 4.1.2 a)
SECTIONS = tuple(dict.fromkeys((*PROPERTY8_SECTIONS, *SALES_SECTIONS)))
CUSTOMER = "客户编号"


@record_kind(
    _meta(
        "CustomerFile",
        "客户档案",
        "client file",
        "customer_files",
        "customer_id",
        STAFF,
        "owner_id",
        "first_contact_date",
    )
)
class CustomerFile(Record):
    """A customer's file and the employee who deals with the customer."""

    customer_id: str = col(CUSTOMER, "Customer number")
    customer_name: str = col("客户名称", "Customer")
    owner_id: str = col("负责人", "Employee in direct contact with the customer")
    dept: str | None = col("所属部门", "Department whose customer it is", default=None)
    first_contact_date: date | None = col(
        "首次接触日期", "Day the company first dealt with the customer", default=None
    )
    created_date: date | None = col(
        "建档日期", "Day the file was opened; empty if none", default=None
    )
    created_by: str | None = col("建档人", "Who opened it", default=None)
    reviewed_date: date | None = col(
        "上级审核日期", "Day the creator's direct superior reviewed it", default=None
    )
    custodian_id: str | None = col("保管人", "Who keeps the file", default=None)
    long_term_partner: Flag = col(
        "长期合作客户", "A main distributor, hospital, pharmacy or retailer", default=False
    )
    sections: tag_set(*SECTIONS) | None = col(  # type: ignore[valid-type]
        "档案内容", "What the file holds", default=None
    )
    approved_by_role: str | None = col("审批确认人职务", "Who approved the file", default=None)
    last_transaction_date: date | None = col("最近交易日期", "Latest transaction", default=None)
    last_updated_date: date | None = col("最近更新日期", "Latest update of the file", default=None)
    anonymous: Flag = col(
        "不愿透露个人信息", "The customer withholds personal information", default=False
    )
    gm_approved: Flag | None = col(
        "总经理已审批", "The general manager approved that", default=None
    )
    introducer_recorded: Flag | None = col(
        "已记录介绍人或代理人", "The introducer's or agent's details are recorded", default=None
    )
    in_system: Flag | None = col("业务系统已建档", "Opened in the business system", default=None)
    scanned: Flag | None = col("已扫描电子保存", "Scanned and kept electronically", default=None)
    paper: Flag | None = col("纸质保存", "Kept on paper", default=None)


@record_kind(
    _meta(
        "CustomerFileUpdate",
        "客户档案更新",
        "client file update",
        "customer_file_updates",
        "update_id",
        STAFF,
        "updated_by",
        "updated_date",
    )
)
class CustomerFileUpdate(Record):
    update_id: str = col("更新编号", "Update number")
    customer_id: str = col(CUSTOMER, "The customer")
    updated_by: str = col("更新人", "Who updated it")
    updated_date: date = col("更新日期", "Day of the update")


@record_kind(
    _meta(
        "ClientRecordEvent",
        "客户往来记录",
        "dealing with a customer",
        "client_record_events",
        "event_id",
        STAFF,
        "handler_id",
        "event_date",
    )
)
class ClientRecordEvent(Record):
    """A letter, fax or call with a customer, or a finance account opened or renamed."""

    event_id: str = col("记录编号", "Record number")
    customer_id: str = col(CUSTOMER, "The customer")
    handler_id: str = col("经办人", "Who dealt with it")
    event_type: Literal["信函", "传真", "长话", "财务开户", "财务更名"] = col("事项", "What it was")
    event_date: date = col("日期", "Day")
    paper_application: Flag | None = col(
        "有纸质申请", "A paper application was provided (accounts)", default=None
    )
    filed: Flag | None = col(
        "已记录在案并归入客户档案", "Recorded and put in the file", default=None
    )


@record_kind(
    _meta(
        "ClientFileAccess",
        "客户档案查阅",
        "client file access",
        "client_file_accesses",
        "access_id",
        STAFF,
        "accessor_id",
        "accessed_date",
    )
)
class ClientFileAccess(Record):
    """Someone reading or borrowing a customer's file, with the permission they had."""

    access_id: str = col("查阅编号", "Access number")
    customer_id: str = col(CUSTOMER, "Whose file")
    accessor_id: str = col("查阅人", "Who read or borrowed it")
    accessor_dept: str | None = col("查阅人部门", "The reader's department", default=None)
    file_dept: str | None = col(
        "档案所属部门", "Department the file belongs to (else the client file's)", default=None
    )
    access_type: Literal["查阅", "借阅"] = col(
        "方式", "Read on the spot or borrowed", default="查阅"
    )
    accessed_date: date = col("查阅日期", "Day of the access")
    permission_id: str | None = col("许可编号", "The permission it was given on", default=None)
    approver_id: str | None = col("批准人", "Who approved", default=None)
    approver_role: str | None = col("批准人职务", "The approver's role", default=None)
    approved_date: date | None = col("批准日期", "Day of the approval", default=None)
    business_need: Flag | None = col("因工作需要", "Needed for work", default=None)
    purpose: str | None = col("用途", "What for", default=None)
    borrow_registered: Flag | None = col("已办理借阅登记", "The loan was registered", default=None)
    due_date: date | None = col("应还日期", "Return date of a loan", default=None)
    returned_date: date | None = col("归还日期", "Day a loan came back", default=None)


@record_kind(
    _meta(
        "StaffDeparture",
        "员工离职",
        "staff departure",
        "staff_departures",
        "departure_id",
        STAFF,
        "person_id",
        "departure_date",
    )
)
class StaffDeparture(Record):
    """An employee leaving or transferred out, and the client files they handed over."""

    departure_id: str = col("离职编号", "Departure number")
    person_id: str = col(PERSON, "Who left")
    dept: str | None = col("部门", "Their department", default=None)
    departure_date: date = col("离职日期", "Last day")
    files_returned: Flag | None = col(
        "客户资料已全部交回", "Every client document was handed back", default=None
    )
    handover_date: date | None = col(
        "资料交接日期", "Day the client files were handed over", default=None
    )
    received_by: TextSet = col(
        "接收部门", "Departments or staff who received the files", default=frozenset()
    )
    used_after: Flag | None = col(
        "离职后使用客户信息", "Used customers' information after leaving", default=None
    )


@record_kind(
    _meta(
        "ClientReassignment",
        "客户交接",
        "customer reassignment",
        "client_reassignments",
        "reassignment_id",
        STAFF,
        "leaver_id",
        "assigned_date",
    )
)
class ClientReassignment(Record):
    """A departing employee's customer told and given a new contact."""

    reassignment_id: str = col("交接编号", "Reassignment number")
    customer_id: str = col(CUSTOMER, "The customer")
    leaver_id: str = col("离职员工", "Who left")
    notified_date: date | None = col("通知客户日期", "Day the customer was told", default=None)
    notified_by: str | None = col("通知部门", "Who told the customer", default=None)
    new_owner_id: str | None = col("接替人", "The new contact", default=None)
    assigned_date: date | None = col("指派日期", "Day the new contact was assigned", default=None)


@record_kind(
    _meta(
        "ClientReportRequest",
        "客户信息报表",
        "client report request",
        "client_report_requests",
        "request_id",
        STAFF,
        "requester_id",
        "delivered_date",
    )
)
class ClientReportRequest(Record):
    """A periodic customer-information report another department asked for, or a change to one."""

    request_id: str = col("申请编号", "Request number")
    requester_id: str = col("申请人", "Who asked")
    from_dept: str = col("申请部门", "The asking department")
    request_type: Literal["定期统计报表", "报表修改"] = col("类型", "A report, or a change to one")
    csd_manager_approved_date: date | None = col(
        "客服部经理审查日期", "Day the customer-service manager agreed", default=None
    )
    gm_approved_date: date | None = col(
        "总经理批准日期", "Day the general manager approved", default=None
    )
    reviewed: Flag | None = col("已审查", "Checked before release", default=None)
    filed_with_csd: Flag | None = col("客服部已备案", "Filed with customer service", default=None)
    delivered_date: date | None = col("报发日期", "Day it was released", default=None)


@record_kind(
    _meta(
        "ClientFileInspection",
        "客户档案检查",
        "client file inspection",
        "client_file_inspections",
        "inspection_id",
        STAFF,
        "inspector_id",
        "inspected_date",
    )
)
class ClientFileInspection(Record):
    inspection_id: str = col("检查编号", "Inspection number")
    inspector_id: str = col("检查人", "Who inspected")
    inspected_date: date = col("检查日期", "Day of the inspection")
    record_kept: Flag = col("有检查记录", "The inspection was written up", default=True)
