"""Record kinds of an archive's ledger (catalogue part D): files, handovers, certificates, loans.

A 小贷/担保 company's project files (F001 制度2) travel from the project managers (a角, b角) to the
archive (`ArchiveHandover`), are numbered and registered (`ArchiveFile`, `ArchiveDocument`,
`ArchiveLedgerEntry`); the title certificates go apart into the safe (`TitleCertificate`); staff
borrow files on a slip (`LoanSlip`) that the archivist releases and takes back (`ArchiveLoan`,
`LoanRenewal`); files are destroyed on an approved form (`ArchiveDestruction`). Other companies'
archive rules (F002 扩展8, 扩展7, 扩展5, 扩展2) read the same kinds.

Roles (职务) are free text matched against the configuration's role lists (`[archive]`), so an
organisation's own titles can be added; a role the configuration does not know rejects the
record, naming the known roles (checker/facts/archive.py).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator

from checker.i18n import Text
from checker.records.base import (
    SUBJECT_DIRECTORIES,
    Flag,
    KindMeta,
    Record,
    SubjectType,
    TextSet,
    col,
    record_kind,
    tag_set,
)
from checker.records.grades import marked_grade

STAFF = SubjectType("staff", Text("人员", "staff member"))
ARCHIVE = SubjectType("archive", Text("档案", "archive"))
PROJECT = SubjectType("project", Text("业务项目", "project"))
SUBJECT_DIRECTORIES["staff"] = ("Personnel", "name")
SUBJECT_DIRECTORIES["archive"] = ("ArchiveFile", "title")

SECRECY_GRADES = ("绝密", "机密", "秘密")


def _grade_as_marked(label: object) -> object:
    """A grade as clerks mark it (绝密★长期, 機密) is that grade; anything else is left to be
    refused, and its title is withheld all the same if the label names 绝密 or 机密."""
    return (marked_grade(label) or label) if isinstance(label, str) else label


MarkedGrade = Annotated[Literal[SECRECY_GRADES], BeforeValidator(_grade_as_marked)]  # type: ignore[valid-type]
PROJECT_PARTS = ("立项审批资料", "重要合同或单据", "项目调查资料", "客户或企业资料")  # 制度2 四(三)
CERTIFICATE_TYPES = (  # 制度2 五(一)
    "财产权属证明原件",
    "保证人财产权属证明原件",
    "他项权证原件",
    "动产抵押登记通知书",
    "股权出质设立登记通知书",
    "其他权属证明原件",
)
HANDOVER_PARTIES = ("a角", "b角", "档案管理员")
LINKED_PAIRS = ("正件与附件", "印件与定稿", "请示与批复", "转发文件与原件")  # 扩展8 #10
FORMS = ("档案资料出借单", "借阅档案申请表")  # 制度2 六(一); 扩展8 #28


def _meta(
    name: str,
    zh: str,
    en: str,
    stem: str,
    key: str,
    subject: SubjectType,
    subject_field: str,
    date_field: str | None,
    name_field: str | None = None,
) -> KindMeta:
    return KindMeta(
        name, Text(zh, en), stem, (key,), subject, subject_field, name_field, date_field
    )


PERSON = "人员编号"


@record_kind(
    _meta(
        "Personnel", "人员名册", "staff roster", "personnel", "person_id", STAFF, "person_id", None
    )
)
class Personnel(Record):
    """Who works where in which role; the officers' departments they oversee (分管)."""

    person_id: str = col(PERSON, "Staff number")
    name: str = col("姓名", "Name")
    role: str = col("职务", "Role, as the configuration's role lists name it")
    dept: str | None = col("部门", "Department", default=None)
    oversees: TextSet = col(
        "分管部门", "Departments an officer oversees (主管/分管)", default=frozenset()
    )
    left_date: date | None = col("离职日期", "Last day with the company", default=None)


@record_kind(
    _meta(
        "ArchiveCustodian",
        "档案管理人员指定",
        "custodian designation",
        "archive_custodians",
        "designation_id",
        STAFF,
        "person_id",
        "designated_date",
    )
)
class ArchiveCustodian(Record):
    """Someone designated to keep the client files, the title certificates or the papers."""

    designation_id: str = col("指定编号", "Designation number")
    person_id: str = col(PERSON, "The person designated")
    duty: Literal["客户档案管理", "权证管理", "文件材料管理"] = col("职责", "What they keep")
    designated_by_role: str = col("指定人职务", "Role of whoever designated them")
    designated_date: date = col("指定日期", "Day of the designation")


@record_kind(
    _meta(
        "ArchiveFile",
        "档案",
        "archive file",
        "archives",
        "archive_no",
        ARCHIVE,
        "archive_no",
        "filed_date",
        "title",
    )
)
class ArchiveFile(Record):
    """One numbered file of the archive's register."""

    archive_no: str = col("档案号", "Archive number, e.g. 鸿借字第001号")
    title: str = col("档案名称", "Title of the file")
    project_id: str | None = col("项目编号", "The project the file documents", default=None)
    business: str | None = col("业务类别", "小贷, 担保 or another line of business", default=None)
    dept: str | None = col("所属部门", "Department the file belongs to", default=None)
    secrecy_grade: MarkedGrade | None = col(
        "密级",
        "绝密, 机密 or 秘密 in any spelling the secrecy register reads (绝密★长期, 機密, 秘密级); "
        "empty for a non-secret file",
        default=None,
    )
    secret_item_id: str | None = col(
        "涉密事项编号",
        "Its entry in the secret-item register (保密制度); the grade in force comes from there",
        default=None,
    )
    filed_date: date | None = col("归档日期", "Day the archive took the file in", default=None)
    parts: tag_set(*PROJECT_PARTS) | None = col(  # type: ignore[valid-type]
        "资料组成", "Which of the four parts of a project file it holds", default=None
    )
    control_class: Literal["受控", "非受控"] | None = col(
        "受控类别", "受控 or 非受控 archive", default=None
    )
    important: Flag | None = col("重要档案", "An important archive", default=None)
    holder: str | None = col("保管部门", "Who keeps the file", default=None)
    complete: Flag | None = col(
        "材料齐全", "Kinds, copies and pages of every document complete", default=None
    )
    pairs_split: tag_set(*LINKED_PAIRS) | None = col(  # type: ignore[valid-type]
        "分开归档的文件", "Documents filed apart from their counterpart", default=None
    )


@record_kind(
    _meta(
        "ArchiveDocument",
        "档案文件",
        "document in a file",
        "archive_documents",
        "doc_id",
        ARCHIVE,
        "archive_no",
        None,
    )
)
class ArchiveDocument(Record):
    """A document inside a file: a contract with its number, a customer's copy left behind."""

    doc_id: str = col("文件编号", "Document number")
    archive_no: str = col("档案号", "The file it is in")
    doc_name: str = col("文件名称", "Name of the document")
    contract_no: str | None = col("合同编号", "The contract's number, if a contract", default=None)
    customer_owned: Flag = col("属于客户", "A part that belongs to the customer", default=False)
    customer_collected: Flag = col("客户已取走", "The customer took it away", default=False)
    as_attachment: Flag = col("列入档案附件", "Filed as an attachment of the file", default=False)
    coded: Flag = col("已编码", "Given a code in the file", default=False)


@record_kind(
    _meta(
        "ArchiveHandover",
        "档案移交",
        "file handover",
        "archive_handovers",
        "handover_id",
        PROJECT,
        "project_id",
        "project_end_date",
        "project_name",
    )
)
class ArchiveHandover(Record):
    """A project's file handed from the a角 to the b角 and from the b角 to the archive."""

    handover_id: str = col("移交编号", "Handover number")
    project_id: str = col("项目编号", "Project number")
    project_name: str | None = col("项目名称", "Project name", default=None)
    archive_no: str | None = col("档案号", "Number the archivist gave the file", default=None)
    a_role_id: str | None = col("a角", "Project manager a (staff number)", default=None)
    b_role_id: str | None = col("b角", "Project manager b (staff number)", default=None)
    archivist_id: str | None = col("档案管理员", "Archivist who took it in", default=None)
    project_end_date: date | None = col("项目结束日期", "Day the project ended", default=None)
    disbursed_date: date | None = col("贷款发放日期", "Day the loan was paid out", default=None)
    a_to_b_date: date | None = col("a角移交b角日期", "Day the a角 handed the file on", default=None)
    to_archive_date: date | None = col(
        "移交档案室日期", "Day the b角 handed it to the archive", default=None
    )
    inventory_copies: int | None = col("清单份数", "Copies of the inventory", default=None)
    inventory_pages: Flag | None = col(
        "清单列明页数", "The inventory gives each item's pages, covers included", default=None
    )
    inventory_signed: tag_set(*HANDOVER_PARTIES) = col(  # type: ignore[valid-type]
        "清单签字", "Who signed the inventory", default=frozenset()
    )
    b_reviewed: Flag | None = col("b角已审核", "The b角 reviewed the file", default=None)
    coded: Flag | None = col("已编码", "The b角 coded the file", default=None)
    materials_missing: Flag | None = col(
        "缺重要资料或签字", "Important documents or signatures were missing", default=None
    )
    supplement_list: Flag | None = col(
        "已列补充资料清单", "The b角 listed what the a角 must supply", default=None
    )
    archivist_checked: Flag | None = col(
        "档案管理员逐一核对", "The archivist checked it item by item", default=None
    )
    receipt_signed: tag_set("b角", "档案管理员") = col(  # type: ignore[valid-type]
        "接收签字", "Who signed the receipt", default=frozenset()
    )
    extension_reason: str | None = col("延后原因", "Why the handover was late", default=None)
    extension_approver_role: str | None = col(
        "延后审批人职务", "Who approved the delay", default=None
    )
    extension_approved_date: date | None = col(
        "延后审批日期", "Day the delay was approved", default=None
    )
    extended_to: date | None = col("延后至", "New last day the approval set", default=None)


@record_kind(
    _meta(
        "TitleCertificate",
        "重要权证",
        "title certificate",
        "title_certificates",
        "cert_id",
        PROJECT,
        "project_id",
        "received_date",
    )
)
class TitleCertificate(Record):
    """An original title certificate taken as security: kept like cash, in the safe."""

    cert_id: str = col("权证编号", "Certificate record number")
    project_id: str = col("项目编号", "Project number")
    cert_type: Literal[CERTIFICATE_TYPES] = col("权证类别", "Kind of certificate")  # type: ignore[valid-type]
    cert_no: str | None = col("权证号", "The certificate's own number", default=None)
    quantity: int = col("数量", "How many", default=1)
    received_date: date = col("收到日期", "Day the company received it")
    manager_id: str | None = col("权证管理人员", "Who it was handed to", default=None)
    to_manager_date: date | None = col(
        "移交权证管理人员日期", "Day it reached the certificate manager", default=None
    )
    handover_id: str | None = col("移交单编号", "The handover slip it went on", default=None)
    list_fields: tag_set("名称", "权证号", "数量") = col(  # type: ignore[valid-type]
        "移交清单列明", "What the handover list gives", default=frozenset()
    )
    list_signed: tag_set(*HANDOVER_PARTIES) = col(  # type: ignore[valid-type]
        "移交单签字", "Who signed the handover slip", default=frozenset()
    )
    to_archive_date: date | None = col("移交档案室日期", "Day the archive took it", default=None)
    storage: str | None = col("存放位置", "Where it is kept, e.g. 保险柜", default=None)
    stored_separately: Flag | None = col("单独保存", "Kept apart from files", default=None)
    cert_archive_no: str | None = col("权证档案编号", "Its archive number", default=None)
    storage_unit: str | None = col(
        "存放袋号", "The envelope or compartment it is filed in", default=None
    )


@record_kind(
    KindMeta(
        "ArchiveLedgerEntry",
        Text("档案台账", "archive ledger entry"),
        "archive_ledger",
        ("entry_id",),
        None,  # the ledger is evidence for the other kinds' checks
        None,
        date_field="entry_date",
    )
)
class ArchiveLedgerEntry(Record):
    """A line of the receipt book (档案登记本) or of the file or certificate ledger (台账)."""

    entry_id: str = col("登记编号", "Entry number")
    book: Literal["档案登记本", "档案台账", "权证台账"] = col("账簿", "Which book")
    entry_type: Literal["接收", "借出", "归还", "销毁"] = col("登记事项", "What was entered")
    entry_date: date = col("登记日期", "Day of the entry")
    archive_no: str | None = col("档案号", "The file", default=None)
    cert_id: str | None = col("权证编号", "The certificate", default=None)
    loan_id: str | None = col("借阅编号", "The loan", default=None)
    name: str | None = col("档案名称", "Name entered", default=None)
    both_signed: Flag | None = col("双方签字", "Both sides signed the entry", default=None)


@record_kind(
    _meta(
        "LoanSlip",
        "借阅单",
        "borrowing slip",
        "loan_slips",
        "slip_id",
        STAFF,
        "applicant_id",
        "approved_date",
    )
)
class LoanSlip(Record):
    """A 《档案资料出借单》 or 《借阅档案申请表》: who asks for a file, who approved, until when."""

    slip_id: str = col("借阅单号", "Slip number")
    form: Literal[FORMS] = col("表单", "Which form")  # type: ignore[valid-type]
    archive_no: str = col("档案号", "The file asked for")
    applicant_id: str = col("借阅人", "Who borrows (staff number)")
    purpose: str | None = col("借阅用途", "What the file is needed for", default=None)
    filed_by_id: str | None = col("填表人", "Who filled in the form", default=None)
    filed_by_role: str | None = col("填表人职务", "The filer's role", default=None)
    filed_by_dept: str | None = col("填表人部门", "The filer's department", default=None)
    approver_id: str | None = col("审批人", "Who approved (staff number)", default=None)
    approver_role: str | None = col("审批人职务", "The approver's role", default=None)
    approved_date: date | None = col("审批日期", "Day of the approval", default=None)
    due_date: date | None = col("应还日期", "Return date the slip states", default=None)
    loan_days: int | None = col(
        "借阅天数", "Loan period in days the slip states instead of a date", default=None, ge=1
    )


@record_kind(
    _meta(
        "ArchiveLoan",
        "档案借阅",
        "loan of a file",
        "archive_loans",
        "loan_id",
        STAFF,
        "borrower_id",
        "borrowed_date",
    )
)
class ArchiveLoan(Record):
    """A file lent out by the archivist, and its return (the 借阅登记)."""

    loan_id: str = col("借阅编号", "Loan number")
    archive_no: str = col("档案号", "The file lent")
    borrower_id: str = col("借阅人", "Who borrowed (staff number)")
    borrower_role: str = col("借阅人职务", "The borrower's role")
    borrower_dept: str | None = col("借阅人部门", "The borrower's department", default=None)
    slip_id: str | None = col("借阅单号", "The slip it was lent on", default=None)
    handled_by: str | None = col(
        "经办档案管理员", "The archivist who lent it; empty if taken without", default=None
    )
    borrowed_date: date = col("借出日期", "Day it was lent")
    returned_date: date | None = col("归还日期", "Day it came back", default=None)
    returned_complete: Flag | None = col("归还完整", "Everything lent came back", default=None)
    return_checked: Flag | None = col(
        "归还核对", "The archivist checked it was complete", default=None
    )
    reshelved: Flag | None = col("已复位", "Put back in its place", default=None)


@record_kind(
    _meta(
        "LoanRenewal",
        "续借",
        "loan renewal",
        "loan_renewals",
        "renewal_id",
        STAFF,
        "borrower_id",
        "renewed_date",
    )
)
class LoanRenewal(Record):
    """A loan extended: when, through whom, until when (扩展8 #11 另行办理续借手续)."""

    renewal_id: str = col("续借编号", "Renewal number")
    loan_id: str = col("借阅编号", "The loan renewed")
    borrower_id: str = col("借阅人", "Who asked")
    renewed_date: date = col("办理日期", "Day the renewal was done")
    handled_by: str | None = col(
        "经办档案管理员", "Archivist who processed it; empty if none", default=None
    )
    new_due_date: date = col("续借至", "New return date")
    approver_role: str | None = col("审批人职务", "Who approved it, if anyone", default=None)
    approved_date: date | None = col("审批日期", "Day of the approval", default=None)


@record_kind(
    _meta(
        "ArchiveDestruction",
        "档案销毁",
        "destruction of a file",
        "archive_destructions",
        "destruction_id",
        ARCHIVE,
        "archive_no",
        "destroyed_date",
    )
)
class ArchiveDestruction(Record):
    """A file destroyed: its approval form, the register, the supervisor."""

    destruction_id: str = col("销毁编号", "Destruction number")
    archive_no: str = col("档案号", "The file destroyed")
    destroyed_date: date = col("销毁日期", "Day it was destroyed")
    form_id: str | None = col("销毁审批表编号", "The approval form", default=None)
    approved: Flag | None = col("审批表已批准", "The form was approved", default=None)
    approved_date: date | None = col("批准日期", "Day the form was approved", default=None)
    archivist_checked: Flag | None = col("档案管理员核对", "The archivist checked it", default=None)
    registered: Flag | None = col("已登记", "Entered in the destruction register", default=None)
    form_filed: Flag | None = col("审批表已归档", "The approved form was filed", default=None)
    register_retention: str | None = col(
        "登记表保管期限", "How long the register is kept, e.g. 永久", default=None
    )
    supervisor_id: str | None = col("监销人", "Who supervised the destruction", default=None)
    supervisor_designated_by: str | None = col(
        "监销指定人", "Who designated the supervisor (staff number)", default=None
    )
    supervisor_designated_by_role: str | None = col(
        "监销指定人职务", "Role of whoever designated the supervisor", default=None
    )


@record_kind(
    _meta(
        "DeskCheck",
        "下班文件检查",
        "end-of-day desk check",
        "desk_checks",
        "check_id",
        STAFF,
        "person_id",
        "check_date",
    )
)
class DeskCheck(Record):
    """What an end-of-day round found on a desk (扩展5 #33)."""

    check_id: str = col("检查编号", "Check number")
    person_id: str = col(PERSON, "Whose desk")
    check_date: date = col("检查日期", "Day of the round")
    unfiled_docs: int = col("未归档文件数", "Company documents left out, not filed", ge=0)
    where: str | None = col("存放位置", "Where they were left", default=None)


@record_kind(
    _meta(
        "VoidSealedDocument",
        "作废盖章文件",
        "voided sealed document",
        "voided_sealed_documents",
        "doc_id",
        STAFF,
        "holder_id",
        "voided_date",
    )
)
class VoidSealedDocument(Record):
    """A document that bears the company seal and cannot be used (扩展2 #5)."""

    doc_id: str = col("文件编号", "Document number")
    doc_name: str | None = col("文件名称", "Document", default=None)
    holder_id: str = col("持有人", "Who held it")
    voided_date: date = col("作废日期", "Day it was found unusable")
    returned_to: str | None = col("交回部门", "Where it was handed back", default=None)
    returned_date: date | None = col("交回日期", "Day it was handed back", default=None)
    destroyed_date: date | None = col("销毁日期", "Day it was destroyed", default=None)
