"""Record kinds of the confidentiality provisions of other regulations (catalogue part C2).

Each comes from another company's rules: a property company's tenant files (篇九), a
distributor's reports of major client contacts to its information department (制度13), faxes
handled by a designated person (扩展2), and a property-services company's customer-information
secrecy rules (F004 客户信息保密管理制度): external use of customer information, controlled
paper prints, the electronic customer file and its destruction. Titles in the F004 records are
matched to that regulation's roles through `customer_info.roles`; an unknown title rejects the
record, naming the known ones.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from checker.i18n import Text
from checker.records.base import (
    SUBJECT_DIRECTORIES,
    Flag,
    KindMeta,
    Record,
    SubjectType,
    col,
    record_kind,
    tag_set,
)
from checker.records.sales import EMPLOYEE, EMPLOYEE_ID

TENANT = SubjectType("tenant", Text("租户", "tenant"))
SUBJECT_DIRECTORIES["tenant"] = ("Tenant", "name")
FILE_RIGHTS = ("查看", "打印", "复制", "转发")


def _meta(
    name: str,
    zh: str,
    en: str,
    stem: str,
    key: str,
    date_field: str | None,
    subject: SubjectType = EMPLOYEE,
    subject_field: str = "employee_id",
    subject_name_field: str | None = None,
) -> KindMeta:
    return KindMeta(
        name, Text(zh, en), stem, (key,), subject, subject_field, subject_name_field, date_field
    )


# --------------------------------------------------------------------------- 篇九 tenant files


@record_kind(
    _meta(
        "Tenant",
        "租户名册",
        "tenant register",
        "tenants",
        "tenant_id",
        "move_in_date",
        TENANT,
        "tenant_id",
        "name",
    )
)
class Tenant(Record):
    tenant_id: str = col("租户编号", "Tenant number")
    name: str = col("租户名称", "Tenant name")
    premises: str | None = col("租赁单元", "Unit let", default=None)
    move_in_date: date = col("入驻日期", "First day of the lease")
    move_out_date: date | None = col("退租日期", "Last day, if the tenant left", default=None)


@record_kind(
    _meta(
        "TenantFile",
        "租户档案",
        "tenant file",
        "tenant_files",
        "file_id",
        "opened_on",
        TENANT,
        "tenant_id",
    )
)
class TenantFile(Record):
    file_id: str = col("档案编号", "File number")
    tenant_id: str = col("租户编号", "Tenant number")
    opened_on: date = col("建档日期", "Date the file was opened")
    custodian: str | None = col("保管人", "Who keeps the file", default=None)
    catalogued: Flag | None = col(
        "有档案目录", "The file has a clear index (目录清晰)", default=None
    )
    kept_confidential: Flag | None = col(
        "按保密制度管理", "The file is kept under the secrecy rules", default=None
    )


# --------------------------------------------------------------------------- 制度13 client contacts


@record_kind(
    _meta(
        "ClientContact",
        "客户接触事项",
        "client contact",
        "client_contacts",
        "contact_id",
        "contact_date",
    )
)
class ClientContact(Record):
    """A dealing of a department with a client, and whether it was reported to 信息部."""

    contact_id: str = col("登记编号", "Contact number")
    employee_id: str = col(EMPLOYEE_ID, "Employee who dealt with the client")
    client: str = col("客户", "Client")
    contact_date: date = col("日期", "Date")
    matter: str = col("事项", "What it was about")
    major: Flag = col("重大事项", "A major matter")
    business_confidential: Flag | None = col(
        "该业务保密", "The business itself is confidential (the text's exception)", default=None
    )
    reported_on: date | None = col("报告信息部日期", "Date reported to 信息部", default=None)


# --------------------------------------------------------------------------- 扩展2 faxes


@record_kind(
    _meta("Fax", "传真登记", "fax", "faxes", "fax_id", "fax_date", subject_field="handled_by")
)
class Fax(Record):
    fax_id: str = col("传真编号", "Fax number")
    fax_date: date = col("日期", "Date sent or received")
    direction: Literal["收", "发"] = col("收发", "Received (收) or sent (发)")
    urgent: Flag = col("急件", "Urgent")
    trade_secret: Flag = col("涉及商业机密", "It concerns trade secrets")
    handled_by: str = col("经办人", "Employee number of whoever handled it")
    subject_line: str | None = col("事由", "What it was about", default=None)


# --------------------------------------------------------------------------- F004 customer info


@record_kind(
    _meta(
        "CustomerInfoRelease",
        "客户信息外部使用审批",
        "customer information for outside use",
        "customer_info_releases",
        "release_id",
        "released_on",
    )
)
class CustomerInfoRelease(Record):
    release_id: str = col("登记编号", "Release number")
    employee_id: str = col(EMPLOYEE_ID, "Employee who provided it")
    released_on: date = col("提供日期", "Date provided outside the company")
    recipient: str = col("外部使用方", "Who outside the company uses it")
    approved_by_title: str | None = col(
        "批示人职务", "Title of whoever approved it (customer_info.roles)", default=None
    )
    approved_on: date | None = col("批示日期", "Date approved", default=None)


@record_kind(
    _meta(
        "CustomerInfoPrint",
        "客户信息打印登记",
        "customer information print",
        "customer_info_prints",
        "print_id",
        "printed_on",
    )
)
class CustomerInfoPrint(Record):
    """A paper print of customer information, the approval it needs and what became of it."""

    print_id: str = col("打印编号", "Print number")
    employee_id: str = col(EMPLOYEE_ID, "Employee who received the print")
    printed_on: date = col("打印日期", "Date printed")
    approved_by_title: str | None = col(
        "批示人职务", "Title of whoever approved the print (customer_info.roles)", default=None
    )
    approved_on: date | None = col("批示日期", "Date approved", default=None)
    stamped: Flag | None = col("盖受控文件章", "Stamped 受控文件", default=None)
    use_until: date | None = col("使用期限", "Last day the print may be used", default=None)
    receipt_signed: Flag | None = col("接收人签收", "The recipient signed for it", default=None)
    returned_on: date | None = col("交回销毁日期", "Date handed back or destroyed", default=None)
    lent_to: str | None = col("转借他人", "Whom it was passed on to, if anyone", default=None)
    taken_out: Flag | None = col("带出办公区域", "Taken out of the office", default=None)


@record_kind(
    _meta(
        "CustomerInfoFile",
        "电子客户资料",
        "electronic customer file",
        "customer_info_files",
        "file_id",
        "received_on",
        subject_field="holder_id",
    )
)
class CustomerInfoFile(Record):
    """A copy of the electronic customer data the developer handed over, and its destruction."""

    file_id: str = col("资料编号", "File number")
    received_on: date = col("交付日期", "Date received from the developer (地产)")
    holder_id: str = col("保管人", "Employee number of whoever keeps this copy")
    holder_title: str = col("保管人职务", "Their title (customer_info.roles)")
    confirmed_on: date | None = col(
        "管控数据确认日期", "Date the control data built from it was confirmed", default=None
    )
    destroyed_on: date | None = col("销毁日期", "Date this copy was destroyed", default=None)
    destruction_supervisor_title: str | None = col(
        "监销人职务", "Title of whoever supervised the destruction", default=None
    )
    destruction_recorded: Flag | None = col(
        "有销毁记录", "The destruction was recorded", default=None
    )


@record_kind(
    _meta(
        "CustomerInfoGrant",
        "电子客户资料授权",
        "electronic customer file grant",
        "customer_info_grants",
        "grant_id",
        "granted_on",
        subject_field="grantee_id",
    )
)
class CustomerInfoGrant(Record):
    grant_id: str = col("授权编号", "Grant number")
    file_id: str = col("资料编号", "File number")
    grantee_id: str = col("被授权人", "Employee number of the grantee")
    grantee_title: str = col("被授权人职务", "Their title (customer_info.roles)")
    granted_by_title: str = col("授权人职务", "Title of whoever granted it")
    granted_on: date = col("授权日期", "Date granted")
    rights: tag_set(*FILE_RIGHTS) = col("权限", "查看, 打印, 复制, 转发")  # type: ignore[valid-type]
