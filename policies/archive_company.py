"""公司资料管理制度 30句菁华 (公司客户管理制度 扩展8): shared/regulations/002_…, lines 884–947.

Sentences of an unnamed company's document and archive rules: archives are 受控 or 非受控 (#4),
a designated person keeps the papers (#5), a filed document is complete and stays with its
counterpart (#9, #10), loans come back on time or are renewed through the archive staff (#11),
important archives go to the office (#19), other staff borrow non-secret archives on a
《借阅档案申请表》 filed by their department manager and approved by the director of the general
manager's office (#28), and files are destroyed only on an approved form, registered, under a
supervisor designated by the general manager, the deputy in charge or that director (#29, #30).
#12–#18 come from a government office (局长, 微机室) and #20–#24 are a list of client-file
contents copied from 制度8; neither is an archive rule of this company.

The approvers contradict 制度2's (catalogue Part 4 V13): the default profile leaves this
regulation off; a company that runs it selects it.
"""

from __future__ import annotations

from checker.conditions import F, P, R, any_of, related, when
from checker.config import Parameter
from checker.derived import derived_field
from checker.i18n import Text
from checker.records.archive import LINKED_PAIRS
from checker.rules import NONE_STATED, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="company-archives",
    title=Text("公司资料管理制度（扩展8）", "Company document and archive rules (ext. 8)"),
    short_title=Text("公司资料管理制度", "Document Management Rules"),
    source_file="002_5ebf93d90409536b.txt",
    section="扩展8",
    lines=(884, 947),
    default_enabled=False,
    profile_note=Text(
        "摘录自未具名公司的制度片段；借阅由总经理办公室主任核批《借阅档案申请表》，与制度2由董事长、"
        "总经理或主管副总经理批准《档案资料出借单》冲突（目录第4部分V13），须由采用该制度的公司自行选用。",
        "Fragments of an unnamed company's rules; loans approved on a 借阅档案申请表 by the "
        "director of the general manager's office contradict 制度2's slip approved by the "
        "chairman, general manager or deputy in charge (catalogue Part 4 V13): a company that "
        "runs them selects them.",
    ),
)

PARAMETERS = (
    Parameter(
        "arc8.office",
        str,
        "办公室",
        Text(
            "扩展8第19句重要档案须送交统一管理的部门（办公室）。",
            "扩展8 #19: the department important archives go to (the office).",
        ),
    ),
)


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


NON_SECRET = (F.archive_grade == "非密级") & F.exempt_borrower.is_false()

# 第11句: a renewal goes through the archive staff.
derived_field(
    "LoanRenewal",
    "via_archivist",
    when(F.handled_by.not_null(), True, False),
    "第11句",
    "经档案管理员办理",
    "An archivist processed it",
)

# 第5句: someone designated to keep the papers (扩展8) on or before the day a file was filed.
derived_field(
    "ArchiveFile",
    "papers_custodian_designated",
    related("ArchiveCustodian")
    .where(
        (R.duty == "文件材料管理") & (F.filed_date.is_null() | (R.designated_date <= F.filed_date))
    )
    .exists(),
    "第5句",
    "已指定文件材料专人",
    "Someone designated to keep the papers (扩展8 #5) by then",
)

# 第29句: the destruction register is kept permanently.
derived_field(
    "ArchiveDestruction",
    "register_permanent",
    when(
        F.register_retention.not_null(),
        when(F.register_retention == "永久", True, False),
        None,
    ),
    "第29句",
    "登记表永久保存",
    "The register is kept permanently",
)

RULES = [
    reg(
        "ARC-19",
        article="第11句",
        line=908,
        text="11、用毕按时归还,如需延长借阅时间,必须通知档案管理人员另行办理续借手续。",
        title=(
            "按时归还，延长借阅须经档案管理人员办理续借",
            "Returned on time, or renewed through the archive staff",
        ),
        checks=[
            check(
                "ArchiveLoan",
                F.kept_late.is_true() & F.returned_date.not_null(),
                "档案{archive_no}应于{deadline_renewed}前归还，{returned_date}才归还，未另行办理续借",
                "file {archive_no} was due back by {deadline_renewed} and came back on "
                "{returned_date}, not renewed",
            ),
            check(
                "ArchiveLoan",
                F.kept_late.is_true() & F.returned_date.is_null(),
                "档案{archive_no}应于{deadline_renewed}前归还，至审计日仍未归还，也未续借",
                "file {archive_no} was due back by {deadline_renewed} and is still out, not "
                "renewed",
            ),
            check(
                "LoanRenewal",
                F.renewed_late.is_true(),
                "续借{renewal_id}于{renewed_date}办理，已过应还日{due_before}",
                "renewal {renewal_id} was made on {renewed_date}, after the return day "
                "{due_before}",
            ),
            check(
                "LoanRenewal",
                F.via_archivist.is_false(),
                "续借{renewal_id}未通知档案管理人员办理",
                "renewal {renewal_id} did not go through the archive staff",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "“按时”以借阅申请表写明的归还日期或借阅天数为准（写明的日期不顺延，天数按期间计算，"
                    "最后一日遇休息日顺延）。续借默认最迟在应还日当天办理；逾期办理的续借本身报告一次，"
                    "其新期限仍计入（档案管理人员已办理），避免同一逾期报告两次。未经档案管理人员办理的续借不计。",
                    "'On time' is the return date or number of days the form states (a stated "
                    "date is not moved, a number of days is a period ending on a working day). "
                    "A renewal is due on the return day at the latest; one made later is "
                    "reported once and its new date still counts (the archive staff processed "
                    "it), so one lateness is not reported twice. A renewal not processed by "
                    "the archive staff does not count.",
                ),
                "archive.renewal_deadline",
            ),
            Reading(
                Text(
                    "本句的出处制度不明；制度2没有续借条款（目录第4部分D8）。",
                    "The regulation this sentence comes from is unknown; 制度2 has no renewal "
                    "clause (catalogue Part 4 D8).",
                ),
                "archive.stated_due_date",
            ),
        ),
    ),
    reg(
        "ARC-20",
        article="第28句",
        line=942,
        text="28、因工作需要,公司的其他人员需借阅非密级档案时,由部门经理办理《借阅档案申请表》送总经理办公室主任核批。",
        title=(
            "借阅非密级档案由部门经理办理申请表，总经理办公室主任核批",
            "Non-secret files borrowed on a form filed by the manager, approved by the office director",
        ),
        checks=[
            check(
                "ArchiveLoan",
                NON_SECRET & F.slip_found.is_false() & F.slip_note.is_null(),
                "{borrower_role}{borrower_id}于{borrowed_date}借阅非密级档案{archive_no}，未办理《借阅档案申请表》",
                "the {borrower_role} {borrower_id} borrowed non-secret file {archive_no} on "
                "{borrowed_date} without a borrowing application",
            ),
            check(
                "ArchiveLoan",
                NON_SECRET & F.slip_note.not_null(),
                "借阅档案{archive_no}的申请表不能使用：{slip_note}",
                "the application for file {archive_no} does not count: {slip_note_en}",
            ),
            check(
                "ArchiveLoan",
                NON_SECRET & F.slip_found.is_true() & (F.slip_form != "借阅档案申请表"),
                "借阅档案{archive_no}填写的是《{slip_form}》，不是《借阅档案申请表》",
                "the loan of file {archive_no} was on a {slip_form}, not a borrowing application",
            ),
            check(
                "ArchiveLoan",
                NON_SECRET & (F.slip_form == "借阅档案申请表") & F.filer_permitted.is_false(),
                "借阅档案{archive_no}的申请表不是由借阅人所在部门的部门经理办理",
                "the application for file {archive_no} was not filed by the borrower's "
                "department manager",
            ),
            check(
                "ArchiveLoan",
                NON_SECRET
                & (F.slip_form == "借阅档案申请表")
                & any_of(F.approval_permitted.is_false(), F.approved_in_time.is_false()),
                "借阅档案{archive_no}的申请表未在借出前经总经理办公室主任核批：{approval_note}",
                "the application for file {archive_no} was not approved by the office "
                "director before the loan: {approval_note_en}",
            ),
            check(
                "ArchiveLoan",
                F.archive_grade.is_in(["绝密", "机密", "秘密", "未登记"]),
                "档案{archive_no}的密级为“{archive_grade}”：本句只规定非密级档案的借阅，密级档案的借阅程序"
                "原文未载，此项仅作提示",
                "file {archive_no} is graded '{archive_grade}': the sentence covers non-secret "
                "files only and the procedure for graded files is not in the sources; a notice",
                severity="info",
            ),
        ],
        penalty=NONE_STATED,
        needs_kinds=("ArchiveFile",),
        readings=(
            Reading(
                Text(
                    "档案是否非密级以档案登记的“密级”为准（空为非密级），没有档案登记时本规则不运行。"
                    "“公司的其他人员”以外的职务原文未列明，默认所有人都须办理申请表。",
                    "Whether a file is non-secret is the register's 密级 (empty: non-secret); "
                    "without the register the rule does not run. Who is not 'other staff' is "
                    "not said: by default everyone needs the form.",
                ),
                "arc8.exempt_borrowers",
            ),
            Reading(
                Text(
                    "办理人须为借阅人所在部门的部门经理（申请表“填表人部门”为空时只核对职务）；核批人须为总经理"
                    "办公室主任，且在借出当日或之前核批。",
                    "The form is filed by the department manager of the borrower's own "
                    "department (only the role is checked when the filer's department is "
                    "empty); the director of the general manager's office approves it on or "
                    "before the loan day.",
                ),
                "arc8.application_filers",
            ),
            Reading(
                Text(
                    "密级档案的借阅程序在各来源中都没有（目录第4部分D10）：借阅密级档案仅作提示，由保密制度的规则检查。",
                    "No source gives a procedure for graded files (catalogue Part 4 D10): a loan "
                    "of one is a notice here and the secrecy rules check it.",
                ),
                "archive.approvers",
            ),
        ),
    ),
    reg(
        "ARC-28",
        article="第29句",
        line=944,
        text="29、经批准销毁的公司档案,档案管理员须认真核对,将批准的《公司档案资料销毁审批表》和将要销毁的档案资料做好登记并归档。登记表永久保存。",
        title=(
            "经批准方可销毁，核对、登记并归档审批表，登记表永久保存",
            "Destroyed only on an approved form, checked, registered, register kept for good",
        ),
        checks=[
            check(
                "ArchiveDestruction",
                any_of(F.form_id.is_null(), F.approved.is_false()),
                "档案{archive_no}于{destroyed_date}销毁，没有经批准的《公司档案资料销毁审批表》",
                "file {archive_no} was destroyed on {destroyed_date} without an approved "
                "destruction form",
            ),
            check(
                "ArchiveDestruction",
                F.approved_date > F.destroyed_date,
                "档案{archive_no}于{destroyed_date}销毁，{approved_date}才批准",
                "file {archive_no} was destroyed on {destroyed_date}, approved only on "
                "{approved_date}",
            ),
            check(
                "ArchiveDestruction",
                F.archivist_checked.is_false(),
                "销毁档案{archive_no}前档案管理员未核对",
                "the archivist did not check file {archive_no} before its destruction",
            ),
            check(
                "ArchiveDestruction",
                any_of(F.registered.is_false(), F.form_filed.is_false()),
                "销毁档案{archive_no}未登记或审批表未归档（登记：{registered}，归档：{form_filed}）",
                "the destruction of file {archive_no} was not registered or its form not filed "
                "(registered: {registered}, filed: {form_filed})",
            ),
            check(
                "ArchiveDestruction",
                F.register_permanent.is_false(),
                "销毁登记表保管期限为{register_retention}，应永久保存",
                "the destruction register is kept {register_retention}, not permanently",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "审批表由谁批准原文未载（目录第4部分D9），只检查是否批准以及批准是否在销毁之前。",
                    "Who approves the form is not in the fragment (catalogue Part 4 D9): only "
                    "that it was approved, before the destruction, is checked.",
                )
            ),
        ),
    ),
    reg(
        "ARC-29",
        article="第30句",
        line=946,
        text="30、在销毁公司档案资料时,必须由总经理或分管副总经理或总经理办公室主任指定专人监督销毁。",
        title=(
            "销毁须由总经理、分管副总经理或总经理办公室主任指定专人监督",
            "Destruction supervised by someone the GM, deputy in charge or office director designates",
        ),
        checks=[
            check(
                "ArchiveDestruction",
                F.supervisor_id.is_null(),
                "档案{archive_no}于{destroyed_date}销毁，无人监督",
                "file {archive_no} was destroyed on {destroyed_date} with no supervisor",
            ),
            check(
                "ArchiveDestruction",
                F.supervisor_id.not_null() & F.designator_permitted.is_false(),
                "监销人{supervisor_id}由{supervisor_designated_by_role}指定，不是总经理、分管副总经理或总经理办公室主任",
                "the supervisor {supervisor_id} was designated by the "
                "{supervisor_designated_by_role}, not the general manager, the deputy in charge "
                "or the office director",
            ),
            check(
                "ArchiveDestruction",
                F.supervisor_id.not_null() & F.designator_permitted.is_null(),
                "监销人{supervisor_id}由谁指定未记录",
                "who designated the supervisor {supervisor_id} is not recorded",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "这三位领导亲自监销或其指定的专人监销均可（人员名册中监销人本人的职务在名单内即可）；"
                    "“分管副总经理”须分管该档案的所属部门。",
                    "Those officials may supervise in person or designate someone (a supervisor "
                    "whose own roster role is on the list counts); the deputy must oversee the "
                    "file's department.",
                ),
                "arc8.destruction_designators",
            ),
        ),
    ),
    reg(
        "ARC-34",
        article="第5、9、10句",
        line=896,
        text="5、公司指定专人负责文件材料的管理。\n"
        "9、归档的文件材料种数、份数以及每份文件的页数均应齐全完整。\n"
        "10、在归档的文件材料中,应将每份文件的正件与附件、印件与定稿、请示与批复、转发文件与原件,分别立在一起,不得分开,文电应合一归档。",
        title=(
            "专人管理文件材料，归档材料齐全，正件与附件等不得分开",
            "Papers kept by a designated person, filed complete, counterparts together",
        ),
        checks=[
            check(
                "ArchiveFile",
                F.complete.is_false(),
                "档案{archive_no}（{title}）归档的文件材料种数、份数或页数不齐全",
                "file {archive_no} ({title}) was filed with documents, copies or pages missing",
            ),
            check(
                "ArchiveFile",
                any_of(*(F.pairs_split.has(pair) for pair in LINKED_PAIRS)),
                "档案{archive_no}中{pairs_split}分开归档",
                "in file {archive_no}, {pairs_split} were filed apart",
            ),
            check(
                "ArchiveFile",
                F.papers_custodian_designated.is_false(),
                "档案{archive_no}归档时（{filed_date}）公司尚未指定专人负责文件材料的管理",
                "when file {archive_no} was filed ({filed_date}) nobody had been designated to "
                "keep the papers",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "第25–27句（档案管理员向各部门收集、及时归档、按《文书立卷归档管理制度》整理）没有可核对的"
                    "期限，且所引制度不在来源中，不检查。扩展5第33句（下班前归档）是另一公司的同一义务，见ARC-34-HR。",
                    "#25–#27 (collecting from departments, filing promptly, under a 《文书立卷归档"
                    "管理制度》 not in the sources) give nothing to check. 扩展5 #33 (file "
                    "everything before leaving) is another company's version, ARC-34-HR.",
                )
            ),
        ),
    ),
    reg(
        "ARC-35",
        article="第4、19句",
        line=894,
        text="公司档案分为受控档案和非受控档案。\n"
        "19、一般业务性工作,各科自行建档保管,重要档案需送办公室统一管理,办公室要将重大活动、事件、奖励等事宜主动进档,统一管理。",
        title=(
            "档案分受控与非受控，重要档案送办公室统一管理",
            "Archives classed 受控 or 非受控; important ones kept by the office",
        ),
        checks=[
            check(
                "ArchiveFile",
                F.control_class.is_null(),
                "档案{archive_no}（{title}）未划分受控或非受控",
                "file {archive_no} ({title}) is classed neither 受控 nor 非受控",
            ),
            check(
                "ArchiveFile",
                F.important.is_true() & any_of(F.holder.is_null(), F.holder != P("arc8.office")),
                "重要档案{archive_no}（{title}）由{holder}保管，未送办公室统一管理",
                "important file {archive_no} ({title}) is kept by {holder}, not the office",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "保管部门以档案登记的“保管部门”为准，须为办公室（可配置名称）。",
                    "The keeper is the register's 保管部门, which must be the office (its name "
                    "is configurable).",
                ),
                "arc8.office",
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
