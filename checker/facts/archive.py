"""Facts of an archive's ledger, computed before the engine (catalogue part D).

For a handover: when the clock starts (project end or disbursement), the last working day of each
stage (3 working days a角→b角, 2 more b角→archive) and of the text's 五天之内, whether an approved
delay excuses it, when the file was registered. For a certificate: the other projects filed in
its envelope. For a loan: whether the borrower borrows directly, the slip it was lent on and
whether its approver may approve that form, the deadline (the slip's date or period, renewals),
whether it came back in time.

What one record's own fields decide (the working days a stage took, a certificate's day for
its manager, a loan or renewal handled by an archivist, a register kept permanently, a角 and b角
one person), and what other records say of it (a file, certificate, loan or return in the
ledger, a certificate's handover, its manager's designation and its project's archive number,
the papers' custodian) are derived fields declared beside their rules in policies/archive_*.py.

Roles are matched through the configuration (`archive.roles`, the approver and borrower lists):
a role no list knows rejects its record with the known roles, never a silent pass. Each
computation is a small function tested on its own (tests/test_archive_facts.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import date
from typing import Literal

from pydantic import NonNegativeInt

from checker.calendar import CalendarError, WorkingCalendar, shift
from checker.config import Config, Parameter
from checker.facts import Computed, Fact, FactContext, Withheld
from checker.facts.secrecy import WITHHELD_GRADES, Register, SecrecyRules
from checker.i18n import Text
from checker.loading import Dataset, Loaded, Problem, rejected_values
from checker.records.archive import (
    PROJECT_PARTS,
    ArchiveCustodian,
    ArchiveDestruction,
    ArchiveFile,
    ArchiveHandover,
    ArchiveLedgerEntry,
    ArchiveLoan,
    LoanRenewal,
    LoanSlip,
    Personnel,
    TitleCertificate,
)
from checker.records.base import col
from checker.records.secrecy import SecretItem

KINDS = (
    "Personnel",
    "ArchiveCustodian",
    "ArchiveFile",
    "ArchiveDocument",
    "ArchiveHandover",
    "TitleCertificate",
    "ArchiveLedgerEntry",
    "LoanSlip",
    "ArchiveLoan",
    "LoanRenewal",
    "ArchiveDestruction",
    "DeskCheck",
    "VoidSealedDocument",
)

LOAN_SLIP, APPLICATION = "档案资料出借单", "借阅档案申请表"
# A list entry 主管副总经理 / 分管副总经理 is a 副总经理 who oversees the department concerned.
QUALIFIERS = ("主管", "分管")

PARAMETERS = (
    Parameter(
        "archive.roles",
        list[str],
        [
            "员工",
            "项目经理",
            "档案管理员",
            "权证管理人员",
            "部门经理",
            "部门总监",
            "总经理办公室主任",
            "客服专员",
            "客服经理",
            "销售总监",
        ],
        Text(
            "档案、借阅和客户档案记录中可出现的职务（审批、直接借阅、指定名单中的职务自动包括在内）；"
            "不在其中的职务使该记录被拒绝并列出已知职务。",
            "Roles archive, loan and client-file records may name (those of the approver, "
            "direct-borrower and designator lists are included); any other role rejects its "
            "record, listing the known roles.",
        ),
    ),
    Parameter(
        "archive.approvers",
        dict[str, list[str]],
        {LOAN_SLIP: ["董事长", "总经理", "主管副总经理"], APPLICATION: ["总经理办公室主任"]},
        Text(
            "各借阅表单的审批人职务：制度2六(一)《档案资料出借单》由董事长、总经理或主管副总经理批准；"
            "扩展8第28句《借阅档案申请表》由总经理办公室主任核批。“主管/分管”指分管借阅人部门"
            "（人员名册“分管部门”）的该职务。",
            "Who may approve each borrowing form: 制度2 六(一)'s 档案资料出借单 the chairman, the "
            "general manager or the deputy in charge; 扩展8 #28's 借阅档案申请表 the director of "
            "the general manager's office. 主管/分管 means the holder of that role who oversees "
            "the borrower's department (the roster's 分管部门).",
        ),
    ),
    Parameter(
        "arc2.direct_borrowers",
        list[str],
        ["董事长", "总经理", "副总经理"],
        Text(
            "制度2六(一)可直接通过档案管理员办理借阅、无须出借单的职务（按修复乱码后的读法，"
            "目录第4部分E2：董事长、总经理、副总经理）。",
            "制度2 六(一): roles that borrow directly through the archivist, without a slip (the "
            "repaired reading of catalogue Part 4 E2: chairman, general manager, deputies).",
        ),
    ),
    Parameter(
        "grp.direct_borrowers",
        list[str],
        ["总经理", "副总经理", "部门总监"],
        Text(
            "扩展7第44句可通过档案管理人员直接提档的职务（总经理、副总经理及各部门总监）。",
            "扩展7 #44: roles that take files directly through the archive staff (general "
            "manager, deputies, department directors).",
        ),
    ),
    Parameter(
        "arc2.custodian_designators",
        list[str],
        ["总经理"],
        Text(
            "制度2三(一)客户档案专人由谁指定（原文“總經理制定專人”，“制定”为“指定”之误）。",
            "制度2 三(一): who designates the client-file custodian (the text's 制定 is a typo "
            "for 指定, designate).",
        ),
    ),
    Parameter(
        "arc2.extension_approvers",
        list[str] | None,
        None,
        Text(
            "制度2四(五)“有权审批人”：可批准延后移交的职务；原文未列明，为空时任何记录在案的审批人均可"
            "（仍须有原因，且在应移交日之前批准）。",
            "制度2 四(五) 'those with authority to approve' a late handover; the text names none, "
            "so empty accepts any recorded approver (a reason and an approval before the missed "
            "day are still needed).",
        ),
    ),
    Parameter(
        "arc2.handover_clock_start",
        Literal["project_end", "disbursement"],
        "project_end",
        Text(
            "制度2四(五)移交时限的起算日：project_end（默认）＝项目结束日期，未记录时取贷款发放日期；"
            "disbursement＝贷款发放日期，担保项目无发放日时取项目结束日期。",
            "制度2 四(五): the handover clock starts at project_end (default: the project's end, "
            "or the disbursement when no end is recorded) or disbursement (the disbursement, or "
            "the project's end for a guarantee with no loan paid out).",
        ),
    ),
    Parameter(
        "arc2.handover_limit",
        Literal["stages", "five_days", "both"],
        "stages",
        Text(
            "制度2四(五)移交时限的读法：stages（默认）＝a角3个工作日、b角再2个工作日为违规标准，"
            "“五天之内”超出时仅提示；five_days＝以“五天之内”为标准，分段时限不报告；both＝两者都报告。",
            "制度2 四(五): stages (default) = 3 working days a角→b角 and 2 more b角→archive are "
            "the breaches, the headline 'within five days' is a notice when exceeded; five_days "
            "= the five days are the limit and the stages are not reported; both = both.",
        ),
    ),
    Parameter(
        "arc2.five_days",
        Literal["calendar", "working"],
        "calendar",
        Text(
            "“五天之内”的天：calendar（默认）＝日历日，第5天遇休息日顺延至下一个工作日；working＝工作日。",
            "The five days: calendar (default; a 5th day on a rest day moves to the next working "
            "day) or working days.",
        ),
    ),
    Parameter(
        "arc2.registration_days",
        NonNegativeInt,
        0,
        Text(
            "制度2四(七)“按时登记”：接收后几个工作日内须在档案登记本上登记（默认0，即接收当日）。",
            "制度2 四(七) 'register on time': working days after receipt by which the file is in "
            "the receipt book (default 0: the day it was received).",
        ),
    ),
    Parameter(
        "arc2.certificate_days",
        NonNegativeInt,
        0,
        Text(
            "制度2五(二)“第一时间”移交权证管理人员：收到后几天内（默认0，即收到当日）。",
            "制度2 五(二) 'at the first moment': days after receipt by which a certificate "
            "reaches the certificate manager (default 0: the same day).",
        ),
    ),
    Parameter(
        "arc2.contract_numbering",
        Literal["contains", "prefix"],
        "contains",
        Text(
            "制度2四(八)“按照档案号相应给档案中的合同编号”：contains（默认）＝合同编号含档案号；"
            "prefix＝合同编号以档案号开头。",
            "制度2 四(八) contracts numbered after the archive number: contains (default) = the "
            "contract number includes the archive number; prefix = it starts with it.",
        ),
    ),
    Parameter(
        "archive.stated_due_date",
        Literal["as_stated", "next_working_day"],
        "as_stated",
        Text(
            "借阅单或续借写明的归还日期遇休息日：as_stated（默认）＝以写明的日期为准（写明的日期是期日，"
            "不是按天数计算的期间）；next_working_day＝顺延至下一个工作日。按天数写明的借阅期限"
            "（借阅天数）总按期间计算，最后一日遇休息日顺延。",
            "A return date a slip or renewal states that falls on a rest day: as_stated "
            "(default: the date written is a fixed day, not a period counted in days) or "
            "next_working_day. A term written as a number of days is a period and always ends "
            "on a working day.",
        ),
    ),
    Parameter(
        "archive.renewal_deadline",
        Literal["on_due_date", "before_due_date"],
        "on_due_date",
        Text(
            "续借须在何时办理：on_due_date（默认）＝最迟在应还日当天；before_due_date＝应还日之前。",
            "When a renewal must be made: on_due_date (default: on the return day at the "
            "latest) or before_due_date (before that day).",
        ),
    ),
    Parameter(
        "arc2.renewals",
        Literal["approved_as_slip", "ignored"],
        "approved_as_slip",
        Text(
            "制度2没有续借条款：approved_as_slip（默认）＝续借经出借单审批人批准且在期限内办理的，"
            "视同修改出借单规定的期限；ignored＝不计续借，以出借单规定的期限为准。",
            "制度2 has no renewal clause: approved_as_slip (default) = a renewal approved by a "
            "slip approver and made in time amends the slip's term; ignored = renewals do not "
            "count, the slip's term stands.",
        ),
    ),
    Parameter(
        "arc8.application_filers",
        list[str],
        ["部门经理"],
        Text(
            "扩展8第28句《借阅档案申请表》由借阅人所在部门的哪个职务办理（部门经理）。",
            "扩展8 #28: which role of the borrower's department files the 借阅档案申请表 (the "
            "department manager).",
        ),
    ),
    Parameter(
        "arc8.exempt_borrowers",
        list[str],
        [],
        Text(
            "扩展8第28句“公司的其他人员”以外、借阅非密级档案无须申请表的职务；原文未列明，默认无。",
            "扩展8 #28 binds 'the company's other staff'; roles outside it, which borrow "
            "non-secret files without the form. The text names none; none by default.",
        ),
    ),
    Parameter(
        "arc8.destruction_designators",
        list[str],
        ["总经理", "分管副总经理", "总经理办公室主任"],
        Text(
            "扩展8第30句可指定监销人的职务；“分管”指分管该档案所属部门。",
            "扩展8 #30: who may designate the supervisor of a destruction; 分管 means overseeing "
            "the file's department.",
        ),
    ),
)


# --------------------------------------------------------------------------- roles


class Roles:
    """The roles the configuration knows, and who may act under which list."""

    def __init__(self, config: Config, roster: Mapping[str, Personnel]) -> None:
        known: set[str] = set()
        for key in sorted(ROLE_LISTS):
            value = config[key] or []
            for roles in value.values() if isinstance(value, dict) else [value]:
                known.update(base_role(r) for r in roles)
        self.known = sorted(known)
        self.roster = roster

    def problem(self, loaded: Loaded, field: str) -> Problem | None:
        """A record whose role field names a role no list knows: rejected, naming the known ones."""
        value = getattr(loaded.record, field)
        if value is None or base_role(value) in self.known:
            return None
        label = type(loaded.record).model_fields[field].title
        known = "、".join(self.known)
        return Problem(
            loaded.source,
            Text(
                f"{label}“{value}”不是已知职务（已知：{known}）；"
                "请改正数据，或在配置 [archive] roles 中加入",
                f"{label} {value!r} is not a known role (known: {known}); correct the data or "
                "add it to [archive] roles in the configuration",
            ),
            field=field,
        )

    def refusal(
        self, allowed: Iterable[str], role: str | None, person: str | None, dept: str | None
    ) -> Text | None:
        """Why `role` (held by `person`) may not act under `allowed` for a matter of `dept`.

        None when it may. An entry qualified 主管/分管 needs the person to oversee `dept` on the
        roster (人员名册 分管部门); with no department to oversee, any holder of the role may.
        """
        if role is None:
            return Text("未记录审批人", "no approver recorded")
        held = base_role(role)
        officer = self.roster.get(person or "")
        qualified = False
        for entry in allowed:
            if base_role(entry) != held:
                continue
            if base_role(entry) == entry or dept is None:
                return None
            if officer is not None and dept in officer.oversees:
                return None
            qualified = True
        if qualified:
            who = f"{person}（{role}）" if person else role
            return Text(f"{who}不分管{dept}", f"{person or role} ({role}) does not oversee {dept}")
        names = "、".join(allowed) or "无"
        return Text(
            f"{role}不在有权名单（{names}）中", f"{role} is not among those who may ({names})"
        )

    def permitted(
        self, allowed: Iterable[str], role: str | None, person: str | None, dept: str | None
    ) -> bool:
        return self.refusal(allowed, role, person, dept) is None


# Configuration keys holding role lists (or mappings of lists); the domains that declare such
# parameters add their keys, and every role in them is a known role.
ROLE_LISTS: set[str] = {
    "archive.roles",
    "archive.approvers",
    "arc2.direct_borrowers",
    "grp.direct_borrowers",
    "arc2.custodian_designators",
    "arc2.extension_approvers",
    "arc8.application_filers",
    "arc8.exempt_borrowers",
    "arc8.destruction_designators",
}


def base_role(role: str) -> str:
    """主管副总经理 → 副总经理: the role without the qualifier of oversight."""
    for qualifier in QUALIFIERS:
        if role.startswith(qualifier) and len(role) > len(qualifier):
            return role[len(qualifier) :]
    return role


def dept_of(
    record_dept: str | None, person: str | None, roster: Mapping[str, Personnel]
) -> str | None:
    """The department a record gives, else the roster's."""
    if record_dept:
        return record_dept
    officer = roster.get(person or "")
    return officer.dept if officer else None


# --------------------------------------------------------------------------- computed fields


class FileFacts(Computed):
    custodian_designated: bool = col(
        "已指定客户档案专人",
        "A client-file custodian designated by a permitted role on or before the filing day",
    )
    missing_parts: str | None = col(
        "缺少的资料部分", "Parts of 制度2 四(三) the file lacks; empty when none or not recorded"
    )


class DocumentFacts(Computed):
    contract_no_follows: bool | None = col(
        "合同编号按档案号", "The contract number follows the archive number; empty if no contract"
    )


class CustodianFacts(Computed):
    designator_permitted: bool = col(
        "指定人有权指定", "The designator's role may designate this custodian"
    )


class HandoverFacts(Computed):
    clock_start: date | None = col("起算日", "Day the handover clock starts")
    clock_basis: str | None = col("起算依据", "项目结束 or 贷款发放")
    a_to_b_due: date | None = col("应移交b角日", "Last day for the a角 (3 working days)")
    a_to_b_late: bool | None = col("a角逾期", "Late or still not handed on, not excused")
    to_archive_due: date | None = col("应移交档案室日", "Last day for the b角 (2 working days)")
    to_archive_late: bool | None = col("b角逾期", "Late or still not in the archive, not excused")
    five_day_due: date | None = col("五天之内截止日", "Last day of the text's 五天之内")
    five_day_late: bool | None = col("超过五天", "In the archive after that day, or still not")
    extension_valid: bool | None = col("延后审批有效", "An approved delay; empty if none asked")
    extension_note: str | None = col("延后审批问题", "Why the recorded delay does not count")
    extension_note_en: str | None = col("延后审批问题（英文）", "The same, in English")
    archive_no_shared: str | None = col(
        "档案号重复的项目", "Other projects whose handovers carry the same archive number"
    )
    registered_date: date | None = col("登记本登记日期", "Day the file went into the receipt book")
    registration_late: bool | None = col(
        "未按时登记", "Received, and not in the receipt book by the day allowed (or still not)"
    )
    registration_signed: bool | None = col("登记双方签字", "Both sides signed the entry")


class CertificateFacts(Computed):
    unit_shared_with: str | None = col(
        "同袋存放的其他项目", "Other projects' certificates filed in the same envelope"
    )


class LoanFacts(Computed):
    direct_borrower: bool = col("可直接借阅(制度2)", "The borrower's role borrows without a slip")
    direct_borrower_group: bool = col(
        "可直接提档(扩展7)", "The borrower's role takes files directly under 扩展7 #44"
    )
    slip_found: bool = col("有借阅单", "A slip of this borrower for this file is recorded")
    slip_note: str | None = col("借阅单问题", "Why the slip named does not count")
    slip_note_en: str | None = col("借阅单问题（英文）", "The same, in English")
    slip_form: str | None = col("借阅单表单", "The form of the slip")
    approver_role: str | None = col("审批人职务", "The slip's approver")
    approval_permitted: bool | None = col(
        "审批人有权审批", "The approver may approve this form for this borrower"
    )
    approval_note: str | None = col("审批问题", "Why the approval does not count")
    approval_note_en: str | None = col("审批问题（英文）", "The same, in English")
    approved_in_time: bool | None = col("借出前已审批", "Approved on or before the loan day")
    filer_permitted: bool | None = col(
        "由部门经理办理", "The form was filed by the borrower's department manager (扩展8 #28)"
    )
    exempt_borrower: bool = col(
        "非“其他人员”", "A role 扩展8 #28 does not bind (arc8.exempt_borrowers)"
    )
    archive_grade: Literal["绝密", "机密", "秘密", "非密级", "未登记"] = col(
        "档案密级",
        "The file's grade on the loan day (from the secret-item register when the file is "
        "entered there), 非密级, or 未登记 when the archive register lacks the file",
    )
    secret_item_id: str | None = col("涉密事项编号", "The file's entry in the secret-item register")
    secret_grade: Literal["绝密", "机密", "秘密"] | None = col(
        "借阅时密级", "The grade in force on the loan day, by the secrecy rules"
    )
    within_secrecy_circle: bool | None = col(
        "借阅人在知晓范围内",
        "The secrecy rules let the borrower know the item (the slip's approver as designator)",
    )
    borrower_label: str | None = col(
        "借阅人(涉密人员)", "The borrower as the secrecy register names them"
    )
    approver_label: str | None = col("批准人(涉密人员)", "The slip's approver, likewise")
    due_date: date | None = col("应还日期", "The slip's deadline, on a working day as read")
    due_basis: str | None = col("期限依据", "Where the deadline comes from")
    due_basis_en: str | None = col("期限依据（英文）", "The same, in English")
    deadline: date | None = col("归还期限(制度2)", "The deadline with the renewals 制度2 counts")
    returned_late: bool | None = col("逾期归还(制度2)", "Returned after the deadline")
    still_out: bool | None = col("逾期未还(制度2)", "Not back and the deadline has passed")
    renewal_note: str | None = col("续借说明", "Renewals that did not count under 制度2")
    renewal_note_en: str | None = col("续借说明（英文）", "The same, in English")
    deadline_renewed: date | None = col(
        "续借后期限(扩展8)", "The deadline with every renewal the archivist processed"
    )
    kept_late: bool | None = col(
        "未按时归还(扩展8)", "Returned after that deadline, or still out after it"
    )


class RenewalFacts(Computed):
    due_before: date | None = col("续借前应还日", "The deadline in force when it was renewed")
    renewed_late: bool | None = col("逾期续借", "Renewed after that deadline, as read")


class DestructionFacts(Computed):
    designator_permitted: bool | None = col(
        "监销人经有权者指定",
        "The supervisor was designated by, or is, an official who may; empty if not recorded",
    )


COMPUTED = {
    "ArchiveFile": FileFacts,
    "ArchiveDocument": DocumentFacts,
    "ArchiveCustodian": CustodianFacts,
    "ArchiveHandover": HandoverFacts,
    "TitleCertificate": CertificateFacts,
    "ArchiveLoan": LoanFacts,
    "LoanRenewal": RenewalFacts,
    "ArchiveDestruction": DestructionFacts,
}
DERIVED = ()


# --------------------------------------------------------------------------- computations


def late(done: date | None, due: date | None, as_of: date) -> bool | None:
    """Done after `due`, or not done and `due` is past; None while nothing is due."""
    if due is None:
        return None
    return done > due if done is not None else as_of > due


def clock_start(
    record: ArchiveHandover, basis: Literal["project_end", "disbursement"]
) -> tuple[date | None, str | None]:
    """When 制度2 四(五)'s handover clock starts, and on what."""
    order = (
        ((record.project_end_date, "项目结束"), (record.disbursed_date, "贷款发放"))
        if basis == "project_end"
        else ((record.disbursed_date, "贷款发放"), (record.project_end_date, "项目结束"))
    )
    for day, label in order:
        if day is not None:
            return day, label
    return None, None


def handover_deadlines(
    calendar: WorkingCalendar,
    start: date | None,
    a_to_b: date | None,
    five_days: Literal["calendar", "working"],
) -> tuple[date | None, date | None, date | None]:
    """The last day of each stage and of the five days.

    The a角 has 3 working days from the clock's start; the b角 2 working days from the day the
    a角 actually handed on (nothing is due of the b角 before that). 五天之内 in calendar days ends
    on the fifth day, moved off a rest day (catalogue §0); in working days, on the fifth.
    """
    if start is None:
        return None, None, None
    a_due = calendar.add_working_days(start, 3)
    b_due = calendar.add_working_days(a_to_b, 2) if a_to_b else None
    if five_days == "working":
        five = calendar.add_working_days(start, 5)
    else:
        five = calendar.on_working_day(shift(start, 5))
    return a_due, b_due, five


def extension_validity(
    record: ArchiveHandover, first_missed: date | None, approvers_ok: bool
) -> tuple[bool | None, Text | None]:
    """Whether a recorded delay counts: a reason, an approver with authority, approved in time."""
    asked = any(
        (record.extension_reason, record.extension_approver_role, record.extension_approved_date)
    )
    if not asked:
        return None, None
    problems: list[Text] = []
    if not record.extension_reason:
        problems.append(Text("未说明原因", "no reason given"))
    if not record.extension_approver_role:
        problems.append(Text("无审批人", "no approver"))
    elif not approvers_ok:
        role = record.extension_approver_role
        problems.append(Text(f"{role}无权审批", f"the {role} may not approve it"))
    if record.extension_approved_date is None:
        problems.append(Text("无审批日期", "no day of approval"))
    elif first_missed is not None and record.extension_approved_date > first_missed:
        day = record.extension_approved_date
        problems.append(
            Text(
                f"{day}才批准，晚于应移交日{first_missed}",
                f"approved on {day}, after the last day {first_missed}",
            )
        )
    if not problems:
        return True, None
    return False, Text("；".join(t.zh for t in problems), "; ".join(t.en for t in problems))


def excused(valid: bool | None, done: date | None, as_of: date, extended_to: date | None) -> bool:
    """A valid delay excuses lateness up to the new day it set (or entirely, if it set none)."""
    if not valid:
        return False
    return extended_to is None or (done or as_of) <= extended_to


def stated_due(
    calendar: WorkingCalendar, stated: date, reading: Literal["as_stated", "next_working_day"]
) -> date:
    return calendar.on_working_day(stated) if reading == "next_working_day" else stated


def slip_deadline(
    calendar: WorkingCalendar,
    slip: LoanSlip,
    borrowed: date,
    reading: Literal["as_stated", "next_working_day"],
) -> tuple[date | None, Text | None]:
    """The slip's deadline and its basis: a stated date as read, or a period of days.

    A period runs from the day the file was lent (not counted) and its last day moves off a rest
    day (catalogue §0); a stated date is a fixed day unless `reading` moves it too.
    """
    if slip.due_date is not None:
        due = stated_due(calendar, slip.due_date, reading)
        moved = due != slip.due_date
        return due, Text(
            f"借阅单写明{slip.due_date}" + (f"，遇休息日顺延至{due}" if moved else ""),
            f"the slip states {slip.due_date}"
            + (f", moved off a rest day to {due}" if moved else ""),
        )
    if slip.loan_days is not None:
        end = shift(borrowed, slip.loan_days)
        due = calendar.on_working_day(end)
        moved = due != end
        return due, Text(
            f"借阅{slip.loan_days}天至{end}" + (f"，遇休息日顺延至{due}" if moved else ""),
            f"{slip.loan_days} days to {end}"
            + (f", moved off a rest day to {due}" if moved else ""),
        )
    return None, None


def on_time(
    renewed: date, due: date | None, timing: Literal["on_due_date", "before_due_date"]
) -> bool | None:
    if due is None:
        return None
    return renewed <= due if timing == "on_due_date" else renewed < due


def renewal_chain(
    calendar: WorkingCalendar,
    due: date | None,
    renewals: Iterable[LoanRenewal],
    counts: Callable[[LoanRenewal], bool],
    timing: Literal["on_due_date", "before_due_date"],
    reading: Literal["as_stated", "next_working_day"],
    late_counts: bool,
) -> tuple[date | None, dict[str, date | None]]:
    """The deadline after the renewals that count, and the deadline in force at each renewal.

    Renewals are taken in the order they were made. One that does not count, or (unless
    `late_counts`) one made after the deadline in force, leaves the deadline as it was.
    """
    before: dict[str, date | None] = {}
    for renewal in sorted(renewals, key=lambda r: (r.renewed_date, r.renewal_id)):
        before[renewal.renewal_id] = due
        if due is None or not counts(renewal):
            continue
        if not late_counts and not on_time(renewal.renewed_date, due, timing):
            continue
        due = max(due, stated_due(calendar, renewal.new_due_date, reading))
    return due, before


def designated(
    designations: Iterable[ArchiveCustodian],
    by: date | None,
    permitted: Callable[[ArchiveCustodian], bool],
) -> bool:
    """A client-file custodian designated on or before `by`, by a permitted role."""
    return any(
        d.duty == "客户档案管理" and (by is None or d.designated_date <= by) and permitted(d)
        for d in designations
    )


def missing_parts(parts: frozenset[str] | None) -> str | None:
    if parts is None:
        return None
    return "、".join(p for p in PROJECT_PARTS if p not in parts) or None


def contract_no_follows(
    contract_no: str | None, archive_no: str, numbering: Literal["contains", "prefix"]
) -> bool | None:
    if contract_no is None:
        return None
    return (
        contract_no.startswith(archive_no) if numbering == "prefix" else archive_no in contract_no
    )


def shared_with(own: str, key: str | None, owners: Mapping[str, set[str]]) -> str | None:
    """The other owners of a key (an archive number, an envelope), listed; None if none."""
    if key is None:
        return None
    others = sorted(owners.get(key, set()) - {own})
    return "、".join(others) or None


def secret_loan(
    register: Register, item: SecretItem, borrower: str, approver: str | None, day: date
) -> tuple[str | None, bool, str, str | None]:
    """A loan of a graded file judged by the secrecy rules (保密制度 知晓范围).

    The grade is the item's on the loan day; the slip's approver stands as the one who
    designated the borrower. A borrower the secrecy staff register lacks is in no circle.
    """
    rules = register.rules
    grade = rules.grade_on(item, day)
    person = register.people.get(borrower)
    designator = register.people.get(approver or "")
    within = grade is None or (
        person is not None and rules.may_know(grade, person, item=item, designated_by=designator)
    )
    label = person.label if person else borrower
    return grade, within, label, designator.label if designator else approver


# --------------------------------------------------------------------------- build


def _index(items: Iterable[Loaded], field: str) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for item in items:
        value = getattr(item.record, field)
        if value is not None:
            grouped[value].append(item.record)
    return grouped


ROLE_FIELDS = {
    "Personnel": ("role",),
    "ArchiveCustodian": ("designated_by_role",),
    "ArchiveHandover": ("extension_approver_role",),
    "LoanSlip": ("filed_by_role", "approver_role"),
    "ArchiveLoan": ("borrower_role",),
    "LoanRenewal": ("approver_role",),
    "ArchiveDestruction": ("supervisor_designated_by_role",),
}


def build(ctx: FactContext) -> Iterator[Fact | Problem]:
    config, calendar, as_of = ctx.config, ctx.calendar, ctx.as_of
    roster = {p.record.person_id: p.record for p in ctx.records("Personnel")}
    roles = Roles(config, roster)
    rejected: set[tuple[str, str]] = set()  # (kind, key) of records with an unknown role
    for kind, fields in ROLE_FIELDS.items():
        for item in ctx.records(kind):
            for field in fields:
                problem = roles.problem(item, field)
                if problem is not None:
                    rejected.add((kind, item.record.key()))
                    yield problem

    def each(kind: str, compute: Callable[[Loaded], Computed] | None = None) -> Iterator:
        for item in ctx.records(kind):
            if (kind, item.record.key()) in rejected:
                continue
            try:
                yield ctx.fact(item, compute(item) if compute else None)
            except CalendarError as error:
                yield Problem(
                    item.source,
                    Text(f"无法计算工作日：{error}", f"cannot count working days: {error}"),
                )

    # A graded file entered in the secret-item register is judged by the secrecy rules; a file
    # naming an entry the register lacks is rejected, as the secrecy records are.
    secrecy = Register.of(ctx) if ctx.has("SecretItem") else None
    for item in ctx.records("ArchiveFile"):
        number = item.record.secret_item_id
        if secrecy is not None and number and number not in secrecy.items:
            rejected.add(("ArchiveFile", item.record.key()))
            yield Problem(
                item.source,
                Text(
                    f"涉密事项编号（secret_item_id）：{number} 不在涉密事项登记中",
                    f"secret_item_id: {number} is not in the register of secret items",
                ),
                field="secret_item_id",
            )

    designations = [d.record for d in ctx.records("ArchiveCustodian")]
    ledger: list[ArchiveLedgerEntry] = [e.record for e in ctx.records("ArchiveLedgerEntry")]
    files = {f.record.archive_no: f.record for f in ctx.records("ArchiveFile")}
    handovers = ctx.records("ArchiveHandover")
    numbers: dict[str, set[str]] = defaultdict(set)
    for item in handovers:
        if item.record.archive_no:
            numbers[item.record.archive_no].add(item.record.project_id)

    def custodian_permitted(d: ArchiveCustodian) -> bool:
        allowed = config["arc2.custodian_designators"]
        return d.duty != "客户档案管理" or roles.permitted(
            allowed, d.designated_by_role, None, None
        )

    yield from each("Personnel")
    yield from each(
        "ArchiveCustodian",
        lambda item: CustodianFacts(designator_permitted=custodian_permitted(item.record)),
    )
    yield from each(
        "ArchiveFile",
        lambda item: FileFacts(
            custodian_designated=designated(
                designations, item.record.filed_date, custodian_permitted
            ),
            missing_parts=missing_parts(item.record.parts),
        ),
    )
    yield from each(
        "ArchiveDocument",
        lambda item: DocumentFacts(
            contract_no_follows=contract_no_follows(
                item.record.contract_no, item.record.archive_no, config["arc2.contract_numbering"]
            )
        ),
    )

    receipts: dict[str, list[ArchiveLedgerEntry]] = defaultdict(list)
    for entry in ledger:
        if entry.book == "档案登记本" and entry.entry_type == "接收" and entry.archive_no:
            receipts[entry.archive_no].append(entry)

    def handover(item: Loaded) -> HandoverFacts:
        record: ArchiveHandover = item.record
        start, basis = clock_start(record, config["arc2.handover_clock_start"])
        a_due, b_due, five_due = handover_deadlines(
            calendar, start, record.a_to_b_date, config["arc2.five_days"]
        )
        a_late = late(record.a_to_b_date, a_due, as_of)
        b_late = late(record.to_archive_date, b_due, as_of)
        five_late = late(record.to_archive_date, five_due, as_of)
        first_missed = a_due if a_late else b_due if b_late else five_due if five_late else None
        approvers = config["arc2.extension_approvers"]
        valid, note = extension_validity(
            record,
            first_missed,
            approvers is None
            or roles.permitted(approvers, record.extension_approver_role, None, None),
        )
        extended_to = record.extended_to
        entries = sorted(receipts.get(record.archive_no or "", []), key=lambda e: e.entry_date)
        entry = entries[0] if entries else None
        registration_due = None
        if record.to_archive_date is not None:
            days = config["arc2.registration_days"]
            registration_due = (
                calendar.add_working_days(record.to_archive_date, days)
                if days
                else record.to_archive_date
            )
        return HandoverFacts(
            clock_start=start,
            clock_basis=basis,
            a_to_b_due=a_due,
            a_to_b_late=a_late and not excused(valid, record.a_to_b_date, as_of, extended_to)
            if a_late is not None
            else None,
            to_archive_due=b_due,
            to_archive_late=b_late
            and not excused(valid, record.to_archive_date, as_of, extended_to)
            if b_late is not None
            else None,
            five_day_due=five_due,
            five_day_late=five_late
            and not excused(valid, record.to_archive_date, as_of, extended_to)
            if five_late is not None
            else None,
            extension_valid=valid,
            extension_note=note.zh if note else None,
            extension_note_en=note.en if note else None,
            archive_no_shared=shared_with(record.project_id, record.archive_no, numbers),
            registered_date=entry.entry_date if entry else None,
            registration_late=late(entry.entry_date if entry else None, registration_due, as_of),
            registration_signed=entry.both_signed if entry else None,
        )

    yield from each("ArchiveHandover", handover)

    units: dict[str, set[str]] = defaultdict(set)
    for item in ctx.records("TitleCertificate"):
        if item.record.storage_unit:
            units[item.record.storage_unit].add(item.record.project_id)

    def certificate(item: Loaded) -> CertificateFacts:
        record: TitleCertificate = item.record
        return CertificateFacts(
            unit_shared_with=shared_with(record.project_id, record.storage_unit, units)
        )

    names = {h.record.project_id: h.record.project_name for h in handovers}
    for item in each("TitleCertificate", certificate):
        # A certificate's project is named as its handover names it.
        if isinstance(item, Fact) and item.subject.name is None:
            item = replace(item, subject=replace(item.subject, name=names.get(item.subject.id)))
        yield item

    slips = {s.record.slip_id: s.record for s in ctx.records("LoanSlip")}
    renewals = _index(ctx.records("LoanRenewal"), "loan_id")
    approvers = config["archive.approvers"]
    timing = config["archive.renewal_deadline"]
    reading = config["archive.stated_due_date"]
    deadlines_before: dict[str, date | None] = {}

    def loan(item: Loaded) -> LoanFacts:
        record: ArchiveLoan = item.record
        dept = dept_of(record.borrower_dept, record.borrower_id, roster)
        slip = slips.get(record.slip_id or "")
        slip_note = None
        if record.slip_id and slip is None:
            slip_note = Text(
                f"借阅单{record.slip_id}不在借阅单记录中",
                f"slip {record.slip_id} is not among the slips",
            )
        elif slip is not None and slip.archive_no != record.archive_no:
            slip_note = Text(
                f"借阅单{slip.slip_id}所借为档案{slip.archive_no}",
                f"slip {slip.slip_id} is for file {slip.archive_no}",
            )
        elif slip is not None and slip.applicant_id != record.borrower_id:
            slip_note = Text(
                f"借阅单{slip.slip_id}的借阅人为{slip.applicant_id}",
                f"slip {slip.slip_id} is {slip.applicant_id}'s",
            )
        valid_slip = slip if slip_note is None else None
        approval_note = approved_in_time = filer = None
        due = basis = None
        # A slip rejected for a role no list knows leaves its approval undecided: the rejection
        # is the finding, not a guess about that role.
        undecided = valid_slip is not None and ("LoanSlip", valid_slip.slip_id) in rejected
        if valid_slip is not None and not undecided:
            approval_note = roles.refusal(
                approvers.get(valid_slip.form, []),
                valid_slip.approver_role,
                valid_slip.approver_id,
                dept,
            )
            approved_in_time = (
                valid_slip.approved_date <= record.borrowed_date
                if valid_slip.approved_date
                else False
            )
            filer = roles.permitted(
                config["arc8.application_filers"], valid_slip.filed_by_role, None, None
            ) and (valid_slip.filed_by_dept is None or valid_slip.filed_by_dept == dept)
        if valid_slip is not None:
            due, basis = slip_deadline(calendar, valid_slip, record.borrowed_date, reading)
        own = renewals.get(record.loan_id, [])

        def approved(renewal: LoanRenewal) -> bool:
            if config["arc2.renewals"] == "ignored":
                return False
            return (
                roles.permitted(approvers.get(LOAN_SLIP, []), renewal.approver_role, None, dept)
                and renewal.approved_date is not None
                and renewal.approved_date <= renewal.renewed_date
            )

        deadline, _ = renewal_chain(
            calendar, due, own, approved, timing, reading, late_counts=False
        )
        ignored = [r.renewal_id for r in own if due is not None and not approved(r)]
        renewed, before = renewal_chain(
            calendar,
            due,
            own,
            lambda r: r.handled_by is not None,
            timing,
            reading,
            late_counts=True,
        )
        deadlines_before.update(before)
        file: ArchiveFile | None = files.get(record.archive_no)
        grade = (file.secrecy_grade or "非密级") if file else "未登记"
        link: tuple[str | None, bool | None, str | None, str | None] = (None, None, None, None)
        item = secrecy.items.get(file.secret_item_id or "") if secrecy and file else None
        if item is not None:
            approver = valid_slip.approver_id if valid_slip else None
            link = secret_loan(secrecy, item, record.borrower_id, approver, record.borrowed_date)
            grade = link[0] or "非密级"
        returned = record.returned_date
        return LoanFacts(
            direct_borrower=roles.permitted(
                config["arc2.direct_borrowers"], record.borrower_role, None, None
            ),
            direct_borrower_group=roles.permitted(
                config["grp.direct_borrowers"], record.borrower_role, None, None
            ),
            slip_found=valid_slip is not None,
            slip_note=slip_note.zh if slip_note else None,
            slip_note_en=slip_note.en if slip_note else None,
            slip_form=valid_slip.form if valid_slip else None,
            approver_role=valid_slip.approver_role if valid_slip else None,
            approval_permitted=approval_note is None if valid_slip and not undecided else None,
            approval_note=approval_note.zh if approval_note else None,
            approval_note_en=approval_note.en if approval_note else None,
            approved_in_time=approved_in_time,
            filer_permitted=filer,
            exempt_borrower=roles.permitted(
                config["arc8.exempt_borrowers"], record.borrower_role, None, None
            ),
            archive_grade=grade,
            secret_item_id=item.item_id if item else None,
            secret_grade=link[0],
            within_secrecy_circle=link[1],
            borrower_label=link[2],
            approver_label=link[3],
            due_date=due,
            due_basis=basis.zh if basis else None,
            due_basis_en=basis.en if basis else None,
            deadline=deadline,
            returned_late=returned > deadline if returned and deadline else None,
            still_out=as_of > deadline if returned is None and deadline else None,
            renewal_note=f"续借{'、'.join(ignored)}未经出借单审批人批准或逾期办理，不计"
            if ignored
            else None,
            renewal_note_en=f"renewal {', '.join(ignored)} was not approved by a slip approver "
            "or came too late, and does not count"
            if ignored
            else None,
            deadline_renewed=renewed,
            kept_late=late(returned, renewed, as_of),
        )

    yield from each("ArchiveLoan", loan)

    yield from each(
        "LoanRenewal",
        lambda item: RenewalFacts(
            due_before=deadlines_before.get(item.record.renewal_id),
            renewed_late=None
            if deadlines_before.get(item.record.renewal_id) is None
            else not on_time(
                item.record.renewed_date, deadlines_before[item.record.renewal_id], timing
            ),
        ),
    )

    def destruction(item: Loaded) -> DestructionFacts:
        record: ArchiveDestruction = item.record
        file = files.get(record.archive_no)
        allowed = config["arc8.destruction_designators"]
        dept = file.dept if file else None
        supervisor = roster.get(record.supervisor_id or "")
        # One of the officials supervising in person counts as well as their designee.
        in_person = supervisor is not None and roles.permitted(
            allowed, supervisor.role, supervisor.person_id, dept
        )
        role = record.supervisor_designated_by_role
        return DestructionFacts(
            designator_permitted=in_person
            or roles.permitted(allowed, role, record.supervisor_designated_by, dept)
            if role or in_person
            else None,
        )

    yield from each("ArchiveDestruction", destruction)
    yield from each("DeskCheck")
    yield from each("VoidSealedDocument")


# --------------------------------------------------------------------------- redaction


def withheld(dataset: Dataset, config: Config) -> Iterable[Withheld]:
    """Titles of files graded 绝密 or 机密, on the archive register or through their secret item.

    A graded file's title is as secret as the item's: reports withhold both (README: secrecy).
    """
    rules = SecrecyRules.from_config(config)
    items = {i.record.item_id: i.record for i in dataset.records.get("SecretItem", [])}

    def grade(label: str | None, item_id: str | None) -> str | None:
        # The gravest of the file's own label (in any spelling) and its item's grade.
        item = items.get(item_id or "")
        found = [rules.withheld_grade_of(label, None), item and rules.withheld_grade(item)]
        return min(
            (g for g in found if g in WITHHELD_GRADES), key=WITHHELD_GRADES.index, default=None
        )

    for loaded in dataset.records.get("ArchiveFile", []):
        file: ArchiveFile = loaded.record
        withheld_as = grade(file.secrecy_grade, file.secret_item_id)
        if withheld_as is not None:
            yield Withheld(file.archive_no, withheld_as, (file.title,))
    for cells in rejected_values(dataset, "ArchiveFile"):
        withheld_as = grade(cells.get("secrecy_grade"), cells.get("secret_item_id"))
        if withheld_as is not None and "title" in cells:
            yield Withheld(cells.get("archive_no", "?"), withheld_as, (cells["title"],))
