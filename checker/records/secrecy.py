"""Record kinds of the secrecy regulation (保密制度, catalogue part C) and the leaks it shares.

A group's secrecy register as its secrecy office keeps it: the companies of the group with their
custodians (`SecrecyCompany`), the people who may handle secret items with their titles
(`SecrecyStaff`), the graded items (`SecretItem`), who was given knowledge of an item
(`AccessGrant`), excerpts and copies (`CopyEvent`), company certificates copied or lent
(`CertificateUse`) and leaks (`LeakIncident`). `InformationRelease` logs information that left
the company, which several other companies' rules read.

Titles are as the organisation writes them and are matched to the regulation's roles through
the configuration (`secrecy.roles`); a title the table lacks rejects the person, naming the
known titles, so no check passes on an unknown role. Grades are kept as written (`绝密级`,
`机密`, `内部`), because a label that is not one of the three grades is itself a finding; they are
read by checker/records/grades.py (the spellings clerks use, and what withholds).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from checker.i18n import Text
from checker.records.base import (
    Flag,
    KindMeta,
    Money,
    Record,
    SubjectType,
    TextSet,
    col,
    record_kind,
)
from checker.records.sales import EMPLOYEE, EMPLOYEE_ID

UNIT = SubjectType("unit", Text("起草单位", "drafting unit"))
COMPANY = SubjectType("company", Text("公司", "company"))

PERSON_ID = "人员编号"
COMPANY_LEVELS = ("总公司", "子公司", "直属公司")
COPY_ACTIONS = ("摘抄", "复制", "复印")
CERTIFICATE_ACTIONS = ("复印", "借出")
LEAK_CONDUCT = ("泄露", "在公共场所讨论", "为他人窃取、刺探、收买或提供", "强制他人违反保密规定")
LEAK_CONSEQUENCES = ("未造成严重后果或经济损失", "造成一般经济损失", "造成严重后果或重大经济损失")
LEAK_FIELDS = ("科研", "生产", "业务", "其他")
RELEASE_CONTENT = ("公司文件", "客户信息", "vip顾客资料", "供货商资料", "商业机密", "用户个人信息")
RELEASE_CHANNELS = ("抄录", "复制", "传真", "网络传输", "邮寄", "口头", "其他")
RECIPIENTS = ("公司内部", "顾客", "其他外部单位或个人")

# Fields whose values no message, warning or rejected-row file may quote (README: secrecy): the
# reports withhold them for 绝密 and 机密 items, and a value that cannot be read (a cut, an
# escaped byte) could not be found to withhold.
WITHHELD_FIELDS: dict[str, frozenset[str]] = {
    "SecretItem": frozenset({"title", "summary"}),
    "ArchiveFile": frozenset({"title"}),
}


def _meta(
    name: str,
    zh: str,
    en: str,
    stem: str,
    key: str,
    date_field: str | None,
    subject: SubjectType | None = EMPLOYEE,
    subject_field: str | None = "person_id",
    subject_name_field: str | None = None,
) -> KindMeta:
    return KindMeta(
        name,
        Text(zh, en),
        stem,
        (key,),
        subject,
        subject_field if subject else None,
        subject_name_field,
        date_field,
    )


@record_kind(
    _meta(
        "SecrecyCompany",
        "保密公司名册",
        "group companies",
        "secrecy_companies",
        "company_id",
        None,
        COMPANY,
        "company_id",
        "name",
    )
)
class SecrecyCompany(Record):
    """A company of the group: the head office (总公司) or a subsidiary (子公司, 直属公司)."""

    company_id: str = col("公司编号", "Company number")
    name: str = col("公司名称", "Company name")
    level: Literal[COMPANY_LEVELS] = col(  # type: ignore[valid-type]
        "层级", "总公司 (head office), 子公司 or 直属公司 (a subsidiary)"
    )
    custodians: TextSet | None = col(
        "保密资料保管专人",
        "Person numbers of those designated to keep the company's secret files",
        default=None,
    )


@record_kind(
    _meta(
        "SecrecyStaff",
        "涉密人员名册",
        "secrecy staff register",
        "secrecy_staff",
        "person_id",
        None,
        subject_name_field="name",
    )
)
class SecrecyStaff(Record):
    """A person who may know, copy, approve or report on secret items, with the title they hold."""

    person_id: str = col(PERSON_ID, "Person number")
    name: str = col("姓名", "Name")
    company_id: str = col("所在公司", "Company number of the person's company")
    unit: str | None = col("部门", "Department", default=None)
    title: str = col("职务", "Title as the organisation names it (matched through secrecy.roles)")


@record_kind(
    _meta(
        "SecretItem",
        "涉密事项登记",
        "secret item",
        "secret_items",
        "item_id",
        "marked_on",
        UNIT,
        "drafted_by",
    )
)
class SecretItem(Record):
    """A document, file or other item of the register, graded or not.

    The title and the summary of a 绝密 or 机密 item are withheld from every report unless
    `--reveal-titles` is given.
    """

    item_id: str = col("事项编号", "Item number")
    title: str = col("标题", "Title (withheld from reports for 绝密 and 机密 items)")
    category: str = col("类别", "Category (matched through secrecy.categories)")
    grade: str | None = col(
        "密级",
        "Grade as marked: 绝密, 机密, 秘密 (also 绝密级, 絕密, 绝密★长期: the period after ★ is "
        "not read, 保密期限至 is); empty if unmarked. A label naming 绝密 or 机密 in any "
        "spelling withholds the title",
        default=None,
    )
    company_id: str = col("保管公司", "Company number of the company that holds it")
    drafted_by: str = col("起草单位", "Company or department that drafted it")
    marked_by: str | None = col(
        "标密单位", "Company or department that marked the grade", default=None
    )
    marked_on: date | None = col("标密日期", "Date the grade was marked", default=None)
    period_end: date | None = col("保密期限至", "Last day of the secrecy period", default=None)
    continue_secret: Flag | None = col(
        "要求继续保密", "Secrecy is required beyond the period", default=None
    )
    supervisor_id: str | None = col(
        "主管人员", "Person number of the supervisor responsible for the work", default=None
    )
    storage_measure: str | None = col("保密措施", "How it is kept (保险柜, 加密 …)", default=None)
    copy_of: str | None = col(
        "原件编号", "For a copy: the item number of the original", default=None
    )
    summary: str | None = col(
        "内容摘要", "Summary of the content (withheld like the title)", default=None
    )


@record_kind(
    _meta("AccessGrant", "知悉登记", "access grant", "secret_access", "access_id", "granted_on")
)
class AccessGrant(Record):
    """A person given knowledge of an item, and who designated them."""

    access_id: str = col("登记编号", "Grant number")
    item_id: str = col("事项编号", "Item number")
    person_id: str = col(PERSON_ID, "Person who was given knowledge of it")
    granted_on: date = col("知悉日期", "Date the person was given knowledge")
    designated_by: str | None = col(
        "指定人", "Person number of whoever designated the person", default=None
    )
    related: Flag | None = col(
        "工作相关", "The person works on the matter (a 相关人员 of a 秘密 item)", default=None
    )
    purpose: str | None = col("事由", "Why the person needs to know", default=None)


@record_kind(
    _meta("CopyEvent", "摘抄复制登记", "excerpt or copy", "secret_copies", "copy_id", "copied_on")
)
class CopyEvent(Record):
    copy_id: str = col("登记编号", "Event number")
    item_id: str = col("事项编号", "Item excerpted or copied")
    person_id: str = col(PERSON_ID, "Person who excerpted or copied it")
    action: Literal[COPY_ACTIONS] = col("方式", "摘抄, 复制 or 复印")  # type: ignore[valid-type]
    copied_on: date = col("日期", "Date of the excerpt or copy")
    approved_by: str | None = col("审批人", "Person number of the approver", default=None)
    approved_on: date | None = col("审批日期", "Date of the approval", default=None)
    justification: str | None = col("确需理由", "Why the excerpt or copy was needed", default=None)
    copy_item_id: str | None = col(
        "复制件编号", "Item number under which the copy was registered", default=None
    )


@record_kind(
    _meta(
        "CertificateUse",
        "证件使用登记",
        "certificate copied or lent",
        "certificate_uses",
        "use_id",
        "used_on",
    )
)
class CertificateUse(Record):
    use_id: str = col("登记编号", "Event number")
    company_id: str = col("保管公司", "Company number of the company holding the certificate")
    certificate: str = col("证件", "营业执照, 组织机构代码证, 税务登记证 …")
    action: Literal[CERTIFICATE_ACTIONS] = col("用途", "复印 or 借出")  # type: ignore[valid-type]
    person_id: str = col(PERSON_ID, "Person who copied or borrowed it")
    used_on: date = col("日期", "Date copied or lent")
    approved_by: str | None = col("审批人", "Person number of the approver", default=None)
    approved_on: date | None = col("审批日期", "Date of the approval", default=None)


@record_kind(
    _meta(
        "LeakIncident",
        "泄密事件登记",
        "leak incident",
        "leak_incidents",
        "incident_id",
        "discovered_on",
        subject_field="discovered_by",
    )
)
class LeakIncident(Record):
    """A leak found or committed: who found it, whom they told and when, and who is liable."""

    incident_id: str = col("事件编号", "Incident number")
    discovered_on: date = col("发现日期", "Date the leak was found or happened")
    discovered_by: str = col("发现人", "Person number of whoever found it")
    conduct: Literal[LEAK_CONDUCT] = col("情形", "What happened")  # type: ignore[valid-type]
    item_id: str | None = col("事项编号", "The item leaked, if registered", default=None)
    secret_field: Literal[LEAK_FIELDS] | None = col(  # type: ignore[valid-type]
        "机密类别", "科研, 生产, 业务 or 其他 secrets", default=None
    )
    reported_on: date | None = col("报告日期", "Date reported to head office", default=None)
    reported_to: str | None = col("报告对象", "Person number of whoever was told", default=None)
    responsible_id: str | None = col("责任人", "Person number of whoever is liable", default=None)
    dept_head_id: str | None = col(
        "部门领导", "Person number of the liable person's department head", default=None
    )
    intent: Literal["故意", "过失"] | None = col("主观", "Intent or negligence", default=None)
    consequence: Literal[LEAK_CONSEQUENCES] | None = col(  # type: ignore[valid-type]
        "后果", "The consequence the company found", default=None
    )
    loss_cny: Money | None = col("经济损失(元)", "Economic loss", default=None)
    serious: Flag | None = col("情节严重", "The company found the case serious", default=None)


@record_kind(
    _meta(
        "InformationRelease",
        "信息外发登记",
        "information release",
        "information_releases",
        "release_id",
        "released_on",
        subject_field="employee_id",
    )
)
class InformationRelease(Record):
    """Information an employee passed on: what, how, and to whom."""

    release_id: str = col("登记编号", "Release number")
    employee_id: str = col(EMPLOYEE_ID, "Employee who passed it on")
    released_on: date = col("日期", "Date")
    content: Literal[RELEASE_CONTENT] = col("内容类别", "What was passed on")  # type: ignore[valid-type]
    channel: Literal[RELEASE_CHANNELS] = col("方式", "How")  # type: ignore[valid-type]
    recipient: str = col("接收方", "Who received it")
    recipient_type: Literal[RECIPIENTS] = col(  # type: ignore[valid-type]
        "接收方类别", "公司内部, 顾客 or 其他外部单位或个人"
    )
    description: str | None = col("说明", "What exactly was passed on", default=None)
