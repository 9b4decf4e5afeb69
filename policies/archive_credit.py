"""小贷、担保业务档案管理实施细则 (制度2): shared/regulations/001_…, lines 55–86.

A small-loan and guarantee company's archive rules: the project managers (a角, b角) compile a
project's file with a signed inventory and hand it on within 3 working days, the b角 reviews,
codes and hands it to the archive within 2 more (the headline says 五天之内); the archivist
checks, registers and numbers it. Original title certificates go apart, "like cash", to the
certificate manager and into the safe under the project's archive number. The chairman, the
general manager and the deputies borrow directly through the archivist; everyone else on a
《档案资料出借单》 approved by the chairman, the general manager or the deputy in charge, returning
the file complete by the slip's term. No sanction is stated anywhere.

The source is a Traditional-Chinese web copy with pinyin glosses (removed from the quotes, as the
catalogue's §0 does) and GBK byte-shift damage that wipes out the item numbers and, in 六(一),
the words that give the chairman and the general manager their right to borrow directly
(catalogue Part 4 E2): each damaged rule quotes the raw line and carries its repaired reading.
"""

from __future__ import annotations

from dataclasses import replace

from checker.conditions import (
    AUDIT_DATE,
    F,
    P,
    R,
    any_of,
    days,
    related,
    when,
    working_days_between,
)
from checker.derived import derived_field
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="credit-archives",
    title=Text(
        "小贷、担保业务档案管理实施细则（制度2）",
        "Archive rules for small-loan and guarantee business (no. 2)",
    ),
    short_title=Text("业务档案管理实施细则", "Business Archive Rules"),
    source_file="001_0caae5353eb12260.txt",
    section="客戶公司管理制度2",
    lines=(55, 86),
)

PARAMETERS = ()


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


NUMBERING = Reading(
    Text(
        "本制度的项号多被GBK错位乱码损坏（目录第4部分E1、E3），此处按修复后的项号引用，引文保留原文。",
        "GBK byte-shift damage destroys most item numbers (catalogue Part 4 E1, E3): the "
        "article cites the repaired number, the quote keeps the raw text.",
    )
)
RECORDED_ONLY = Reading(
    Text(
        "是否审核、编码、核对等以记录为准：记录为“否”的报告，未填写的不作判断；签字栏为空即无人签字。",
        "Reviews, coding and checks are judged as recorded: a recorded 'no' is reported, an "
        "empty cell is not judged; an empty signature cell means nobody signed.",
    )
)
HANDED_ON = F.a_to_b_date.not_null()
RECEIVED = F.to_archive_date.not_null()
STAGES = P("arc2.handover_limit") != "five_days"
CLOCK = Reading(
    Text(
        "“项目结束后（一般为贷款发放后）”：默认自项目结束日期起算，未记录时取贷款发放日期；"
        "起算日不计入，工作日按国家法定节假日及调休计算。",
        "'After the project ends (usually after the loan is paid out)': by default from the "
        "project's end, or the disbursement when no end is recorded; the first day is not "
        "counted; working days follow the PRC holidays and make-up workdays.",
    ),
    "arc2.handover_clock_start",
)
LIMIT = Reading(
    Text(
        "3个工作日＋2个工作日与“五天之内”在跨周末或节假日时不一致（目录第4部分D1）：默认以分段的"
        "工作日时限为准（ARC-07a、ARC-07b），超过五天仅作提示（ARC-07c）。",
        "3 + 2 working days and 'within five days' disagree across a weekend or holiday "
        "(catalogue Part 4 D1): by default the working-day stages are the limit (ARC-07a, "
        "ARC-07b) and more than five days is a notice (ARC-07c).",
    ),
    "arc2.handover_limit",
)
EXTENSION = Reading(
    Text(
        "“特殊情况说明原因经有权审批人同意后可以酌情延后”：延后须有原因、审批人（有权审批人原文未列明，"
        "可配置）和不晚于应移交日的审批日期；批准延后至某日的，至该日前移交不算逾期，未写明日期的不算逾期。",
        "A delay counts with a reason, an approver (the text names no one with authority; "
        "configurable) and an approval no later than the missed day; handed over by the day "
        "the approval set, or at any time when it set none, is not late.",
    ),
    "arc2.extension_approvers",
)
DIRECT = Reading(
    Text(
        "原文“。ㄒ唬┕径麻L、總經理。副總經理”为GBK错位乱码：照字面只有“副總經理”能直接借阅，董事长、"
        "总经理的直接借阅权随乱码丢失。本规则按目录第4部分E2修复后的读法“（一）公司董事長、總經理、"
        "副總經理”编码：董事长、总经理、副总经理（任何一位，不限主管）可直接通过档案管理员借阅。",
        "The raw 。ㄒ唬┕径麻L、總經理。副總經理 is GBK byte-shift damage: read literally only the "
        "deputies borrow directly, and the chairman's and general manager's right is lost. This "
        "rule encodes catalogue Part 4 E2's repaired reading, （一）公司董事長、總經理、副總經理: "
        "the chairman, the general manager and any deputy (not only the one in charge) borrow "
        "directly through the archivist.",
    ),
    "arc2.direct_borrowers",
)
APPROVERS = Reading(
    Text(
        "出借单审批人为董事长、总经理或主管副总经理；主管副总经理须分管借阅人所在部门（人员名册"
        "“分管部门”），而直接借阅的副总经理不限主管（目录第4部分D5）。审批须在借出当日或之前。",
        "The slip is approved by the chairman, the general manager or the deputy in charge, "
        "who must oversee the borrower's department (the roster's 分管部门), whereas any deputy "
        "borrows directly (catalogue Part 4 D5). The approval must be on or before the loan day.",
    ),
    "archive.approvers",
)
DUE = Reading(
    Text(
        "期限以出借单为准：写明归还日期的，该日即期限（期日，不适用期间顺延；可配置为遇休息日顺延）；"
        "写明借阅天数的，自借出次日起算，最后一日遇休息日顺延至下一个工作日（目录§0）。当天归还不算逾期。"
        "直接借阅者没有出借单，也就没有期限（目录第4部分D4），不检查逾期。",
        "The term is the slip's: a stated return date is that day (a fixed day, not a period; "
        "configurable to move off a rest day); a number of days runs from the day after the "
        "loan and a last day on a rest day moves to the next working day (catalogue §0). "
        "Returned on the last day is on time. Direct borrowers have no slip and so no term "
        "(catalogue Part 4 D4); their loans are not checked for lateness.",
    ),
    "archive.stated_due_date",
)
RENEWALS = Reading(
    Text(
        "本制度没有续借条款：默认将经出借单审批人批准、并在期限内办理的续借视同修改出借单的期限；"
        "其他续借不计，以出借单的期限为准。",
        "制度2 has no renewal clause: by default a renewal approved by a slip approver and made "
        "within the term amends the slip's term; other renewals do not count.",
    ),
    "arc2.renewals",
)

LINE_82 = (
    "。ㄒ唬┕径麻L、總經理。副總經理需要借閱檔案可以直接通過檔案管理員辦理借閱手續,員工因工作需要借閱檔案的,"
    "必須按借閱需求填寫《檔案資料出借單》,并經公司董事長、總經理或主管副總經理批準;"
)
REPAIRED_82 = (
    "（一）公司董事長、總經理、副總經理需要借閱檔案可以直接通過檔案管理員辦理借閱手續,員工因工作需要借閱檔案的,"
    "必須按借閱需求填寫《檔案資料出借單》,并經公司董事長、總經理或主管副總經理批準;"
)
NOT_DIRECT = F.direct_borrower.is_false()

# 四(一): the a角 and the b角 are two people.
derived_field(
    "ArchiveHandover",
    "same_person",
    when(
        F.a_role_id.not_null() & F.b_role_id.not_null(),
        when(F.a_role_id == F.b_role_id, True, False),
        None,
    ),
    "四(一)",
    "a角b角同一人",
    "a角 and b角 are one person",
)

# 四(五): the working days each stage took, from the clock's start (checker/facts/archive.py,
# with the deadlines an approved delay may excuse) to the a角's handing on, and from there to
# the archive.
derived_field(
    "ArchiveHandover",
    "a_to_b_days",
    working_days_between(F.clock_start, F.a_to_b_date),
    "四(五)",
    "a角移交用时(工作日)",
    "Working days the a角 took",
)
derived_field(
    "ArchiveHandover",
    "to_archive_days",
    working_days_between(F.a_to_b_date, F.to_archive_date),
    "四(五)",
    "b角移交用时(工作日)",
    "Working days the b角 took",
)

# 五(一)(二): a certificate reaches the certificate manager "at the first moment", within
# arc2.certificate_days calendar days of its receipt.
derived_field(
    "TitleCertificate",
    "manager_due",
    F.received_date + days(P("arc2.certificate_days")),
    "五(一)(二)",
    "应移交权证管理人员日",
    "Last day for the certificate manager",
)
derived_field(
    "TitleCertificate",
    "manager_late",
    when(F.to_manager_date.or_else(AUDIT_DATE) > F.manager_due, True, False),
    "五(一)(二)",
    "未第一时间移交",
    "Not with the manager by then (or still not)",
)

# 三: the file ledger (档案台账) and the certificate ledger (权证台账) record each file's
# receipt and each certificate.
_LEDGER = "ArchiveLedgerEntry"
derived_field(
    "ArchiveFile",
    "in_file_ledger",
    related(_LEDGER, archive_no=F.archive_no)
    .where((R.book == "档案台账") & (R.entry_type == "接收"))
    .exists(),
    "三",
    "已登记档案台账",
    "The file's receipt is in the 档案台账",
)
derived_field(
    "TitleCertificate",
    "in_cert_ledger",
    related(_LEDGER, cert_id=F.cert_id).where(R.book == "权证台账").exists(),
    "三",
    "已登记权证台账",
    "The certificate is in the 权证台账",
)

# 五(一)(二): a certificate goes apart from its project's file, to someone designated to keep
# certificates (designated on or before the day it reached them, when that day is recorded).
derived_field(
    "TitleCertificate",
    "with_file_handover",
    when(
        F.handover_id.not_null(),
        related("ArchiveHandover", project_id=F.project_id, handover_id=F.handover_id).exists(),
        None,
    ),
    "五(一)(二)",
    "随档案资料移交",
    "It went on the same handover as the project's file",
)
derived_field(
    "TitleCertificate",
    "manager_designated",
    when(
        F.manager_id.not_null(),
        related("ArchiveCustodian", person_id=F.manager_id)
        .where(
            (R.duty == "权证管理")
            & (F.to_manager_date.is_null() | (R.designated_date <= F.to_manager_date))
        )
        .exists(),
        None,
    ),
    "五(一)(二)",
    "接收人为指定权证管理人员",
    "Whoever took it was designated to keep certificates",
)

# 五(五): the project's archive number is its file's in the archive register (the last read of
# the project's files), else the first its handovers give.
derived_field(
    "TitleCertificate",
    "file_archive_no",
    related("ArchiveFile", project_id=F.project_id)
    .last(R.archive_no)
    .or_else(
        related("ArchiveHandover", project_id=F.project_id)
        .where(R.archive_no.not_null())
        .first(R.archive_no)
    ),
    "五(五)",
    "项目档案号",
    "The archive number of the project's file",
)
derived_field(
    "TitleCertificate",
    "archive_no_matches",
    when(
        F.file_archive_no.not_null(),
        when(F.cert_archive_no == F.file_archive_no, True, False),
        None,
    ),
    "五(五)",
    "权证档案编号一致",
    "Its archive number is the project's; empty if the file has none",
)

# 六(二), 六(四): the loan and the return are entered in the ledger.
derived_field(
    "ArchiveLoan",
    "loan_ledger",
    related(_LEDGER, loan_id=F.loan_id).where(R.entry_type == "借出").exists(),
    "六(二)",
    "借出已登记台账",
    "The loan is in the ledger",
)
derived_field(
    "ArchiveLoan",
    "return_ledger",
    when(
        F.returned_date.not_null(),
        related(_LEDGER, loan_id=F.loan_id).where(R.entry_type == "归还").exists(),
        None,
    ),
    "六(四)",
    "归还已登记台账",
    "The return is in the ledger",
)

# 六(一): the directors borrow through the archivist.
derived_field(
    "ArchiveLoan",
    "via_archivist",
    when(F.handled_by.not_null(), True, False),
    "六(一)",
    "经档案管理员办理",
    "An archivist lent it",
)

ARCHIVIST_ANSWERS = Reading(
    Text(
        "本项是档案管理员的职责：违规记在经办该借阅的档案管理员名下，未记经办人的记在借阅人名下。",
        "This is the archivist's duty: the violation is the archivist's who handled the loan, "
        "or the borrower's when no archivist is recorded.",
    )
)

RULES = [
    reg(
        "ARC-01",
        article="三",
        line=59,
        text="三、 檔案管理人員應建立檔案臺帳及權證檔案臺帳記錄,便于資料查詢、借閱、管理。\n"
        "。ㄒ唬┛蛻魴n案管理由總經理制定專人負責。",
        repaired="三、 檔案管理人員應建立檔案臺帳及權證檔案臺帳記錄,便于資料查詢、借閱、管理。\n"
        "（一）客戶檔案管理由總經理制（指）定專人負責。",
        title=(
            "建立档案台账和权证台账，由总经理指定专人管理客户档案",
            "A file ledger and a certificate ledger; a custodian designated by the general manager",
        ),
        checks=[
            check(
                "ArchiveFile",
                F.in_file_ledger.is_false(),
                "档案{archive_no}（{title}）未登记档案台账",
                "file {archive_no} ({title}) is not in the file ledger",
            ),
            check(
                "TitleCertificate",
                F.in_cert_ledger.is_false(),
                "权证{cert_id}（{cert_type}）未登记权证档案台账",
                "certificate {cert_id} ({cert_type}) is not in the certificate ledger",
            ),
            check(
                "ArchiveCustodian",
                (F.duty == "客户档案管理") & F.designator_permitted.is_false(),
                "客户档案专人{person_id}由{designated_by_role}指定，不是总经理",
                "client-file custodian {person_id} was designated by the {designated_by_role}, "
                "not the general manager",
            ),
            check(
                "ArchiveFile",
                F.custodian_designated.is_false(),
                "档案{archive_no}归档时（{filed_date}）尚无总经理指定的客户档案管理专人",
                "when file {archive_no} was filed ({filed_date}) no client-file custodian had "
                "been designated by the general manager",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "“制定专人”是“指定专人”之误（目录第4部分E16、D6），按“由总经理指定”编码；指定人须是"
                    "配置的职务（默认总经理），且在档案归档之日或之前指定。台账按档案逐卷、按权证逐件检查。",
                    "制定专人 is a typo for 指定专人 (catalogue Part 4 E16, D6), encoded as "
                    "'designated by the general manager'; the designator must hold a configured "
                    "role (default 总经理) and designate on or before a file's filing day. The "
                    "ledgers are checked file by file and certificate by certificate.",
                ),
                "arc2.custodian_designators",
            ),
            NUMBERING,
        ),
    ),
    reg(
        "ARC-02",
        article="四(一)",
        line=63,
        text="。ㄒ唬I務的具體經辦人員\n。椖拷理a、b角)為檔案移交人;",
        repaired="（一）業務的具體經辦人員（項目經理a、b角）為檔案移交人;",
        title=("项目a角、b角为档案移交人", "The project's a and b managers hand the file over"),
        checks=[
            check(
                "ArchiveHandover",
                any_of(F.a_role_id.is_null(), F.b_role_id.is_null()),
                "项目{project_id}的档案移交缺少a角或b角（a角：{a_role_id}，b角：{b_role_id}）",
                "the handover of project {project_id} lacks its a or b manager (a: {a_role_id}, "
                "b: {b_role_id})",
            ),
            check(
                "ArchiveHandover",
                F.same_person.is_true(),
                "项目{project_id}的a角与b角为同一人（{a_role_id}）",
                "project {project_id}'s a and b managers are one person ({a_role_id})",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "a角、b角分设是双人复核之意，原文未明言不得为同一人；同一人担任两角按违规报告。",
                    "Two roles imply review by a second person, though the text does not say "
                    "they must differ; one person in both is reported.",
                )
            ),
            NUMBERING,
        ),
    ),
    reg(
        "ARC-03",
        article="四(二)",
        line=65,
        text="。ǘ┎宽椖拷理a角將項目資料按檔案清單\n"
        "。ǜ胶螅┑囊筮M行分類整理,編制好冊內資料清單\n"
        "。ň唧w到每一項內容的頁數,包含資料中的封面及所有紙張)移交項目經理b角,清單一式三份,a、 b角各執一份,"
        "檔案資料中一份,a、b角、檔案管理人員三方分別簽字確認。",
        repaired="（二）項目經理a角將項目資料按檔案清單（附後）的要求進行分類整理,編制好冊內資料清單"
        "（具體到每一項內容的頁數,包含資料中的封面及所有紙張）移交項目經理b角,清單一式三份,a、 b角各執一份,"
        "檔案資料中一份,a、b角、檔案管理人員三方分別簽字確認。",
        title=(
            "a角编制列明页数的清单一式三份，三方签字",
            "The a manager's inventory: pages listed, three copies, three signatures",
        ),
        checks=[
            check(
                "ArchiveHandover",
                HANDED_ON & F.inventory_pages.is_false(),
                "项目{project_id}的册内资料清单未具体到每项内容的页数",
                "project {project_id}'s inventory does not give each item's pages",
            ),
            check(
                "ArchiveHandover",
                HANDED_ON & (F.inventory_copies != 3),
                "项目{project_id}的清单为{inventory_copies}份，应一式三份",
                "project {project_id}'s inventory has {inventory_copies} copies, not three",
            ),
            check(
                "ArchiveHandover",
                HANDED_ON
                & any_of(
                    F.inventory_signed.lacks("a角"),
                    F.inventory_signed.lacks("b角"),
                    F.inventory_signed.lacks("档案管理员"),
                ),
                "项目{project_id}的清单签字不全（已签：{inventory_signed}），应a角、b角、档案管理人员三方签字",
                "project {project_id}'s inventory is not signed by all three (signed: "
                "{inventory_signed})",
            ),
        ],
        penalty=NONE_STATED,
        readings=(RECORDED_ONLY, NUMBERING),
    ),
    reg(
        "ARC-04",
        article="四(三)",
        line=67,
        text="()項目經理b角根據清單內容對檔案資料進行審核,確認檔案及相關有權人員簽字完整并編碼之后移交給檔案管理員,"
        "若資料中有重要資料或簽字缺少,項目經理b角須列出補充資料清單要求項目經理a角補齊;",
        repaired="（三）項目經理b角根據清單內容對檔案資料進行審核,確認檔案及相關有權人員簽字完整并編碼之后移交給檔案管理員,"
        "若資料中有重要資料或簽字缺少,項目經理b角須列出補充資料清單要求項目經理a角補齊;",
        title=(
            "b角审核、编码后移交，缺资料须列补充清单",
            "The b manager reviews and codes the file; missing items get a supplement list",
        ),
        checks=[
            check(
                "ArchiveHandover",
                RECEIVED & any_of(F.b_reviewed.is_false(), F.coded.is_false()),
                "项目{project_id}的档案未经b角{b_role_id}审核或编码即移交档案管理员（审核：{b_reviewed}，编码：{coded}）",
                "project {project_id}'s file reached the archivist without the b manager "
                "{b_role_id}'s review or coding (reviewed: {b_reviewed}, coded: {coded})",
            ),
            check(
                "ArchiveHandover",
                F.materials_missing.is_true() & F.supplement_list.is_false(),
                "项目{project_id}缺少重要资料或签字，b角{b_role_id}未列出补充资料清单",
                "project {project_id} lacked important documents or signatures and the b "
                "manager {b_role_id} listed none to supply",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "本项项号在原文中缺失为“()”，其后的“（三）项目资料…”又重复了（三）（目录第4部分E3）；按位置为（三）。",
                    "The item number is lost as '()', and the next item repeats （三） "
                    "(catalogue Part 4 E3); by position this is (三).",
                )
            ),
            RECORDED_ONLY,
        ),
    ),
    reg(
        "ARC-05",
        article="四(三)之二",
        line=68,
        text="。ㄈ╉椖抠Y料包括四部分:立項審批資料、重要合同或單據等、項目調查資料、客戶或企業資料;",
        repaired="（三）項目資料包括四部分:立項審批資料、重要合同或單據等、項目調查資料、客戶或企業資料;",
        title=("项目资料包括四部分", "A project file has four parts"),
        checks=[
            check(
                "ArchiveFile",
                F.missing_parts.not_null(),
                "档案{archive_no}（{title}）缺少{missing_parts}",
                "file {archive_no} ({title}) lacks {missing_parts}",
            )
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "四部分按档案的“资料组成”逐项核对；未填写资料组成的档案（非项目档案）不检查。"
                    "“具体内容及顺序附表”的附表不在原文中，不检查内容顺序。",
                    "The four parts are checked against the file's 资料组成; files without it "
                    "(not project files) are not checked. The attached table of contents and "
                    "order is not in the text, so the order is not checked.",
                )
            ),
            NUMBERING,
        ),
    ),
    reg(
        "ARC-06",
        article="四(四)",
        line=70,
        text="。ㄋ模I務發生后與客戶所簽署的合同,屬于客戶但客戶未拿走的部分,應列入檔案附件交檔案室保存,"
        "列入附件的資料不進行編碼;",
        repaired="（四）業務發生后與客戶所簽署的合同,屬于客戶但客戶未拿走的部分,應列入檔案附件交檔案室保存,"
        "列入附件的資料不進行編碼;",
        title=(
            "客户未取走的合同列入附件，附件不编码",
            "Customer copies left behind filed as attachments, not coded",
        ),
        checks=[
            check(
                "ArchiveDocument",
                F.customer_owned.is_true()
                & F.customer_collected.is_false()
                & F.as_attachment.is_false(),
                "档案{archive_no}中属于客户但客户未取走的{doc_name}未列入档案附件",
                "{doc_name} in file {archive_no}, the customer's and not collected, is not "
                "filed as an attachment",
            ),
            check(
                "ArchiveDocument",
                F.as_attachment.is_true() & F.coded.is_true(),
                "档案{archive_no}的附件{doc_name}进行了编码",
                "attachment {doc_name} of file {archive_no} was coded",
            ),
        ],
        penalty=NONE_STATED,
        readings=(NUMBERING,),
    ),
    reg(
        "ARC-07a",
        article="四(五)",
        line=71,
        text="。ㄎ澹n案的'移交時限為項目結束后\n"
        "。ㄒ话銥橘J款發放后)的五天之內,具體為項目經理a角三個工作日內移交項目經理b角",
        repaired="（五）檔案的移交時限為項目結束后（一般為貸款發放后）的五天之內,"
        "具體為項目經理a角三個工作日內移交項目經理b角",
        title=("a角3个工作日内移交b角", "The a manager hands on within 3 working days"),
        checks=[
            check(
                "ArchiveHandover",
                STAGES & F.a_to_b_late.is_true() & HANDED_ON,
                "项目{project_id}：a角{a_role_id}应于{a_to_b_due}前移交b角（{clock_basis}日{clock_start}起3个工作日），"
                "{a_to_b_date}才移交（第{a_to_b_days}个工作日）",
                "project {project_id}: the a manager {a_role_id} was due to hand on by "
                "{a_to_b_due} (3 working days from {clock_start}), and did on {a_to_b_date} "
                "(working day {a_to_b_days})",
            ),
            check(
                "ArchiveHandover",
                STAGES & F.a_to_b_late.is_true() & F.a_to_b_date.is_null(),
                "项目{project_id}：a角{a_role_id}应于{a_to_b_due}前移交b角（{clock_basis}日{clock_start}起3个工作日），至今未移交",
                "project {project_id}: the a manager {a_role_id} was due to hand on by "
                "{a_to_b_due} (3 working days from {clock_start}) and has not",
            ),
        ],
        penalty=NONE_STATED,
        readings=(CLOCK, LIMIT, EXTENSION),
    ),
    reg(
        "ARC-07b",
        article="四(五)",
        line=72,
        text="項目經理b角兩個工作日內移交檔案室,特殊情況說明原因經有權審批人同意后可以酌情延后;",
        title=(
            "b角2个工作日内移交档案室",
            "The b manager hands to the archive within 2 working days",
        ),
        checks=[
            check(
                "ArchiveHandover",
                STAGES & F.to_archive_late.is_true() & RECEIVED,
                "项目{project_id}：b角{b_role_id}应于{to_archive_due}前移交档案室（{a_to_b_date}接收后2个工作日），"
                "{to_archive_date}才移交（第{to_archive_days}个工作日）",
                "project {project_id}: the b manager {b_role_id} was due to hand to the archive "
                "by {to_archive_due} (2 working days from {a_to_b_date}), and did on "
                "{to_archive_date} (working day {to_archive_days})",
            ),
            check(
                "ArchiveHandover",
                STAGES & F.to_archive_late.is_true() & F.to_archive_date.is_null(),
                "项目{project_id}：b角{b_role_id}应于{to_archive_due}前移交档案室（{a_to_b_date}接收后2个工作日），至今未移交",
                "project {project_id}: the b manager {b_role_id} was due to hand to the archive "
                "by {to_archive_due} (2 working days from {a_to_b_date}) and has not",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "b角的两个工作日自其实际接收（a角移交）之日起算；a角未移交前b角无期限。",
                    "The b manager's two working days run from the day the a manager actually "
                    "handed on; nothing is due of the b manager before that.",
                )
            ),
            LIMIT,
            EXTENSION,
        ),
    ),
    reg(
        "ARC-07c",
        article="四(五)",
        line=71,
        text="。ㄎ澹n案的'移交時限為項目結束后\n"
        "。ㄒ话銥橘J款發放后)的五天之內\n"
        "特殊情況說明原因經有權審批人同意后可以酌情延后;",
        repaired="（五）檔案的移交時限為項目結束后（一般為貸款發放后）的五天之內,…"
        "特殊情況說明原因經有權審批人同意后可以酌情延后;",
        title=(
            "项目结束后五天之内移交档案室；延后须经有权审批人同意",
            "In the archive within five days of the project's end; delays approved",
        ),
        checks=[
            check(
                "ArchiveHandover",
                (P("arc2.handover_limit") == "stages") & F.five_day_late.is_true(),
                "项目{project_id}：{clock_basis}日{clock_start}后五天之内（至{five_day_due}）未移交档案室"
                "（移交日期：{to_archive_date}）；分段的工作日时限为准，此项仅作提示",
                "project {project_id}: not in the archive within five days of {clock_start} "
                "(by {five_day_due}; handed over: {to_archive_date}); the working-day stages "
                "govern, this is a notice",
                severity="info",
            ),
            check(
                "ArchiveHandover",
                (P("arc2.handover_limit") != "stages") & F.five_day_late.is_true(),
                "项目{project_id}：{clock_basis}日{clock_start}后五天之内（至{five_day_due}）未移交档案室"
                "（移交日期：{to_archive_date}）",
                "project {project_id}: not in the archive within five days of {clock_start} "
                "(by {five_day_due}; handed over: {to_archive_date})",
            ),
            check(
                "ArchiveHandover",
                F.extension_valid.is_false(),
                "项目{project_id}的延后移交不符合要求：{extension_note}",
                "project {project_id}'s delay does not count: {extension_note_en}",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            LIMIT,
            Reading(
                Text(
                    "“五天”默认为日历日，第五天遇休息日顺延至下一个工作日（目录§0）；也可读作工作日。",
                    "Five calendar days by default, a fifth day on a rest day moving to the next "
                    "working day (catalogue §0); or five working days.",
                ),
                "arc2.five_days",
            ),
            CLOCK,
            EXTENSION,
        ),
    ),
    reg(
        "ARC-08",
        article="四(六)",
        line=73,
        text="。n案管理員在接交檔案時,按照項目經理b角提供的清單一一核對檔案資料,雙方確認無誤,"
        "項目經理b角、檔案管理員雙方簽字確認;",
        repaired="（六）檔案管理員在接交檔案時,按照項目經理b角提供的清單一一核對檔案資料,雙方確認無誤,"
        "項目經理b角、檔案管理員雙方簽字確認;",
        title=(
            "档案管理员按清单逐一核对，双方签字",
            "The archivist checks item by item; both sign",
        ),
        checks=[
            check(
                "ArchiveHandover",
                RECEIVED & F.archivist_checked.is_false(),
                "档案管理员{archivist_id}接收项目{project_id}档案时未按清单逐一核对",
                "the archivist {archivist_id} took project {project_id}'s file without checking "
                "it against the inventory",
            ),
            check(
                "ArchiveHandover",
                RECEIVED
                & any_of(F.receipt_signed.lacks("b角"), F.receipt_signed.lacks("档案管理员")),
                "项目{project_id}档案接收未经b角、档案管理员双方签字（已签：{receipt_signed}）",
                "project {project_id}'s receipt is not signed by both the b manager and the "
                "archivist (signed: {receipt_signed})",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "本项项号（六）在原文中完全丢失（目录第4部分E3）。",
                    "The number (六) is lost entirely (catalogue Part 4 E3).",
                )
            ),
            RECORDED_ONLY,
        ),
    ),
    reg(
        "ARC-09",
        article="四(七)",
        line=74,
        text="。ㄆ撸n案管理員在檔案登記本上按時登記所接收的檔案名稱,雙方簽字確認;",
        repaired="（七）檔案管理員在檔案登記本上按時登記所接收的檔案名稱,雙方簽字確認;",
        title=("按时登记档案登记本，双方签字", "Received files registered on time, both signing"),
        checks=[
            check(
                "ArchiveHandover",
                RECEIVED & F.registration_late.is_true() & F.registered_date.not_null(),
                "项目{project_id}的档案{to_archive_date}接收，{registered_date}才登记档案登记本",
                "project {project_id}'s file was received on {to_archive_date} and entered in "
                "the receipt book on {registered_date}",
            ),
            check(
                "ArchiveHandover",
                RECEIVED & F.registration_late.is_true() & F.registered_date.is_null(),
                "项目{project_id}的档案{to_archive_date}接收，档案登记本中没有登记（档案号：{archive_no}）",
                "project {project_id}'s file was received on {to_archive_date} and is not in "
                "the receipt book (archive number: {archive_no})",
            ),
            check(
                "ArchiveHandover",
                F.registration_signed.is_false(),
                "项目{project_id}的档案登记未经双方签字确认",
                "project {project_id}'s entry in the receipt book is not signed by both sides",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "“按时”未量化：默认接收当日登记；可配置为接收后若干个工作日内。登记按档案号对应。",
                    "'On time' has no number: by default the day of receipt, or a number of "
                    "working days after it. Entries are matched by archive number.",
                ),
                "arc2.registration_days",
            ),
        ),
    ),
    reg(
        "ARC-10",
        article="四(八)",
        line=75,
        text="。ò耍n案管理員對接收的檔案統一編號,并按照檔案號相應給檔案中的合同編號。",
        repaired="（八）檔案管理員對接收的檔案統一編號,并按照檔案號相應給檔案中的合同編號。",
        title=(
            "接收的档案统一编号，合同按档案号编号",
            "Received files numbered; contracts numbered after the file",
        ),
        checks=[
            check(
                "ArchiveHandover",
                RECEIVED & F.archive_no.is_null(),
                "项目{project_id}的档案已于{to_archive_date}接收，未编档案号",
                "project {project_id}'s file was received on {to_archive_date} and has no "
                "archive number",
            ),
            check(
                "ArchiveHandover",
                F.archive_no_shared.not_null(),
                "档案号{archive_no}与项目{archive_no_shared}重复",
                "archive number {archive_no} is also given to project {archive_no_shared}",
            ),
            check(
                "ArchiveDocument",
                F.contract_no_follows.is_false(),
                "档案{archive_no}中《{doc_name}》的编号{contract_no}未按档案号编制",
                "contract {doc_name} in file {archive_no} is numbered {contract_no}, not after "
                "the archive number",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "合同编号的格式原文未规定：默认须含档案号（如“鸿借字第001号-01”），可配置为须以档案号开头。"
                    "同一档案号在档案登记中出现两次的行在读取时即被拒绝（重复编号）。",
                    "The contract number's format is not given: by default it must include the "
                    "archive number (鸿借字第001号-01), or start with it. A number twice in the "
                    "archive register is refused when read (a duplicate key).",
                ),
                "arc2.contract_numbering",
            ),
        ),
    ),
    reg(
        "ARC-11",
        article="五(一)(二)",
        line=77,
        text="。ㄒ唬┲匾獧證資料包括:貸款或者擔?蛻舻呢敭a權屬證明原件、保證人的財產權屬證明原件、"
        "他項權證原件、動產抵押登記通知書、股權出質設立登記通知書、其他權屬證明原件;\n"
        "。ǘ┲匾臋證應與檔案資料分開移交,重要權證視同現金管理,相關權屬證書在第一時間移交公司指定的權證管理人員,"
        " a角列出重要權證移交清單,ab角及檔案員三方在對清單上所列權證的名稱、權證號、數量核對無誤后,"
        "單獨移交檔案室存檔并在移交單上簽字確認;",
        repaired="（一）重要權證資料包括:貸款或者擔保客戶的財產權屬證明原件、保證人的財產權屬證明原件、"
        "他項權證原件、動產抵押登記通知書、股權出質設立登記通知書、其他權屬證明原件;\n"
        "（二）重要的權證應與檔案資料分開移交,重要權證視同現金管理,相關權屬證書在第一時間移交公司指定的權證管理人員,"
        " a角列出重要權證移交清單,ab角及檔案員三方在對清單上所列權證的名稱、權證號、數量核對無誤后,"
        "單獨移交檔案室存檔并在移交單上簽字確認;",
        title=(
            "重要权证与档案分开移交，第一时间交权证管理人员，清单三方签字",
            "Title certificates handed over apart, at once, on a signed list",
        ),
        checks=[
            check(
                "TitleCertificate",
                F.with_file_handover.is_true(),
                "权证{cert_id}（{cert_type}）随项目档案一并移交（移交单{handover_id}），未分开移交",
                "certificate {cert_id} ({cert_type}) went with the project's file (handover "
                "{handover_id}), not apart",
            ),
            check(
                "TitleCertificate",
                F.manager_late.is_true(),
                "权证{cert_id}于{received_date}收到，应于{manager_due}前移交权证管理人员，实际：{to_manager_date}",
                "certificate {cert_id}, received {received_date}, was due with the certificate "
                "manager by {manager_due}; it reached them: {to_manager_date}",
            ),
            check(
                "TitleCertificate",
                F.manager_designated.is_false(),
                "权证{cert_id}交给{manager_id}，其未被指定为权证管理人员",
                "certificate {cert_id} went to {manager_id}, who is not a designated "
                "certificate manager",
            ),
            check(
                "TitleCertificate",
                any_of(
                    F.list_fields.lacks("名称"),
                    F.list_fields.lacks("权证号"),
                    F.list_fields.lacks("数量"),
                ),
                "权证{cert_id}的移交清单未列明名称、权证号、数量（已列：{list_fields}）",
                "certificate {cert_id}'s handover list lacks name, number or quantity (given: "
                "{list_fields})",
            ),
            check(
                "TitleCertificate",
                any_of(
                    F.list_signed.lacks("a角"),
                    F.list_signed.lacks("b角"),
                    F.list_signed.lacks("档案管理员"),
                ),
                "权证{cert_id}的移交单未经a角、b角、档案员三方签字（已签：{list_signed}）",
                "certificate {cert_id}'s handover slip is not signed by all three (signed: "
                "{list_signed})",
            ),
        ],
        penalty=replace(
            NONE_STATED,
            note=Text(
                "原文要求“视同现金管理”，现金管理规定不在原文中",
                "'managed like cash': the cash rules are not in the sources",
            ),
        ),
        readings=(
            Reading(
                Text(
                    "“第一时间”未量化：默认收到当日移交权证管理人员，可配置天数。权证登记的移交单与项目档案"
                    "的移交编号相同，即为未分开移交。权证清单（E5）须修复乱码后才能读出“担保客户”。",
                    "'At the first moment' has no number: by default the day of receipt, or a "
                    "configured number of days. A certificate on the same handover number as "
                    "the project's file was not handed over apart. The list of certificates is "
                    "readable only after repair (E5).",
                ),
                "arc2.certificate_days",
            ),
            Reading(
                Text(
                    "五(三)在原文中缺失（目录第4部分E4），无法还原，不检查。",
                    "五(三) is missing from the text (catalogue Part 4 E4) and cannot be "
                    "reconstructed.",
                )
            ),
        ),
    ),
    reg(
        "ARC-12",
        article="五(四)",
        line=79,
        text="。ㄋ模n案管理員應將所收到的權證存入保險柜單獨保存;",
        repaired="（四）檔案管理員應將所收到的權證存入保險柜單獨保存;",
        title=("权证存入保险柜单独保存", "Certificates kept apart in the safe"),
        checks=[
            check(
                "TitleCertificate",
                F.to_archive_date.not_null() & any_of(F.storage.is_null(), F.storage != "保险柜"),
                "权证{cert_id}（{cert_type}）未存入保险柜（存放：{storage}）",
                "certificate {cert_id} ({cert_type}) is not in the safe (kept in: {storage})",
            ),
            check(
                "TitleCertificate",
                F.to_archive_date.not_null() & F.stored_separately.is_false(),
                "权证{cert_id}未单独保存",
                "certificate {cert_id} is not kept apart",
            ),
        ],
        penalty=NONE_STATED,
        readings=(NUMBERING,),
    ),
    reg(
        "ARC-13",
        article="五(五)",
        line=80,
        text="。ㄎ澹┐鏅n的權證應按項目按項目編號分開保存,且權證編號應與項目的檔案編號一致。"
        "如檔案號為鴻借字第001號檔案對應的權證檔案編號也為鴻借字第001號。",
        repaired="（五）存檔的權證應按項目按項目編號分開保存,且權證編號應與項目的檔案編號一致。"
        "如檔案號為鴻借字第001號檔案對應的權證檔案編號也為鴻借字第001號。",
        title=(
            "权证按项目分开保存，编号与项目档案号一致",
            "Certificates filed per project under the project's archive number",
        ),
        checks=[
            check(
                "TitleCertificate",
                F.archive_no_matches.is_false(),
                "权证{cert_id}的档案编号为{cert_archive_no}，与项目{project_id}的档案号{file_archive_no}不一致",
                "certificate {cert_id} is filed as {cert_archive_no}, not under project "
                "{project_id}'s archive number {file_archive_no}",
            ),
            check(
                "TitleCertificate",
                F.unit_shared_with.not_null(),
                "权证{cert_id}与项目{unit_shared_with}的权证同存于{storage_unit}，未按项目分开保存",
                "certificate {cert_id} shares {storage_unit} with project {unit_shared_with}'s "
                "certificates",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "项目的档案号取自档案登记（项目编号）或档案移交记录；项目档案尚未编号的不检查编号是否一致。",
                    "The project's archive number comes from the archive register or the "
                    "handover; before the file has one, the numbers are not compared.",
                )
            ),
        ),
    ),
    reg(
        "ARC-14",
        article="六(一)",
        line=82,
        text="。ㄒ唬┕径麻L、總經理。副總經理需要借閱檔案可以直接通過檔案管理員辦理借閱手續",
        repaired="（一）公司董事長、總經理、副總經理需要借閱檔案可以直接通過檔案管理員辦理借閱手續",
        title=(
            "董事长、总经理、副总经理直接借阅须经档案管理员办理",
            "Direct borrowers still borrow through the archivist",
        ),
        checks=[
            check(
                "ArchiveLoan",
                F.direct_borrower.is_true() & F.via_archivist.is_false(),
                "{borrower_role}{borrower_id}于{borrowed_date}借阅档案{archive_no}，未通过档案管理员办理",
                "the {borrower_role} {borrower_id} took file {archive_no} on {borrowed_date} "
                "without going through the archivist",
            )
        ],
        penalty=NONE_STATED,
        readings=(DIRECT,),
    ),
    reg(
        "ARC-15",
        article="六(一)",
        line=82,
        text="員工因工作需要借閱檔案的,必須按借閱需求填寫《檔案資料出借單》,并經公司董事長、總經理或主管副總經理批準;",
        title=(
            "员工借阅须填出借单，经董事长、总经理或主管副总经理批准",
            "Staff borrow on a slip approved by the chairman, GM or deputy in charge",
        ),
        checks=[
            check(
                "ArchiveLoan",
                NOT_DIRECT & F.slip_found.is_false() & F.slip_note.is_null(),
                "{borrower_role}{borrower_id}于{borrowed_date}借阅档案{archive_no}，未填写《档案资料出借单》",
                "the {borrower_role} {borrower_id} borrowed file {archive_no} on "
                "{borrowed_date} without a lending slip",
            ),
            check(
                "ArchiveLoan",
                NOT_DIRECT & F.slip_note.not_null(),
                "{borrower_role}{borrower_id}借阅档案{archive_no}的借阅单不能使用：{slip_note}",
                "the slip for {borrower_id}'s loan of file {archive_no} does not count: "
                "{slip_note_en}",
            ),
            check(
                "ArchiveLoan",
                NOT_DIRECT & F.slip_found.is_true() & (F.slip_form != "档案资料出借单"),
                "借阅档案{archive_no}填写的是《{slip_form}》，不是《档案资料出借单》",
                "the loan of file {archive_no} was on a {slip_form}, not a lending slip",
            ),
            check(
                "ArchiveLoan",
                NOT_DIRECT & (F.slip_form == "档案资料出借单") & F.approval_permitted.is_false(),
                "借阅档案{archive_no}的出借单审批不符：{approval_note}",
                "the lending slip for file {archive_no} was not approved by someone who may: "
                "{approval_note_en}",
            ),
            check(
                "ArchiveLoan",
                NOT_DIRECT
                & F.slip_found.is_true()
                & F.approver_role.not_null()
                & F.approved_in_time.is_false(),
                "档案{archive_no}于{borrowed_date}借出时出借单尚未批准",
                "file {archive_no} was lent on {borrowed_date} before the slip was approved",
            ),
        ],
        penalty=NONE_STATED,
        readings=(APPROVERS, DIRECT),
    ),
    reg(
        "ARC-16",
        article="六(二)",
        line=83,
        text="(二)檔案管理員憑《出借單》辦理檔案借閱手續并登記臺帳;",
        title=(
            "档案管理员凭出借单办理借阅并登记台账",
            "The archivist lends on the slip and enters the loan in the ledger",
        ),
        checks=[
            check(
                "ArchiveLoan",
                NOT_DIRECT & F.via_archivist.is_true() & F.slip_found.is_false(),
                "档案管理员{handled_by}未凭出借单即将档案{archive_no}借给{borrower_id}（{borrowed_date}）",
                "the archivist {handled_by} lent file {archive_no} to {borrower_id} on "
                "{borrowed_date} without a slip",
            ),
            check(
                "ArchiveLoan",
                F.loan_ledger.is_false(),
                "档案{archive_no}于{borrowed_date}借给{borrower_id}，未登记台账",
                "the loan of file {archive_no} to {borrower_id} on {borrowed_date} is not in "
                "the ledger",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "直接借阅者无须出借单，但其借阅同样要登记台账。借阅与台账按借阅编号对应。",
                    "Direct borrowers need no slip, but their loans go into the ledger too. "
                    "Loans and ledger entries are matched by loan number.",
                )
            ),
            ARCHIVIST_ANSWERS,
        ),
        answered_by="handled_by",
    ),
    reg(
        "ARC-17",
        article="六(三)",
        line=84,
        text="。ㄈn案借閱人必須在《檔案資料出借單》規定的期限內,將所借資料完整歸還檔案管理員;",
        repaired="（三）檔案借閱人必須在《檔案資料出借單》規定的期限內,將所借資料完整歸還檔案管理員;",
        title=("在出借单规定的期限内完整归还", "Returned complete within the slip's term"),
        checks=[
            check(
                "ArchiveLoan",
                F.slip_found.is_true() & F.due_date.is_null(),
                "借阅档案{archive_no}的借阅单未规定归还期限",
                "the slip for the loan of file {archive_no} states no term",
            ),
            check(
                "ArchiveLoan",
                F.returned_late.is_true(),
                "档案{archive_no}应于{deadline}前归还（{due_basis}），{returned_date}才归还",
                "file {archive_no} was due back by {deadline} ({due_basis_en}) and came back on "
                "{returned_date}",
            ),
            check(
                "ArchiveLoan",
                F.still_out.is_true(),
                "档案{archive_no}应于{deadline}前归还（{due_basis}），至审计日仍未归还",
                "file {archive_no} was due back by {deadline} ({due_basis_en}) and is still out",
            ),
            check(
                "ArchiveLoan",
                any_of(F.returned_late.is_true(), F.still_out.is_true())
                & F.renewal_note.not_null(),
                "{renewal_note}",
                "{renewal_note_en}",
            ),
            check(
                "ArchiveLoan",
                F.returned_complete.is_false(),
                "档案{archive_no}于{returned_date}归还时不完整",
                "file {archive_no} came back incomplete on {returned_date}",
            ),
        ],
        penalty=NONE_STATED,
        readings=(DUE, RENEWALS),
    ),
    reg(
        "ARC-18",
        article="六(四)",
        line=85,
        text="。ㄋ模n案管理員核對資料完整無誤后將檔案復位,并登記臺帳。",
        repaired="（四）檔案管理員核對資料完整無誤后將檔案復位,并登記臺帳。",
        title=("归还后核对、复位并登记台账", "Returns checked, reshelved and entered"),
        checks=[
            check(
                "ArchiveLoan",
                F.returned_date.not_null() & F.return_checked.is_false(),
                "档案{archive_no}于{returned_date}归还，档案管理员未核对资料是否完整",
                "file {archive_no} came back on {returned_date} and the archivist did not check it",
            ),
            check(
                "ArchiveLoan",
                F.returned_date.not_null() & F.reshelved.is_false(),
                "档案{archive_no}于{returned_date}归还后未复位",
                "file {archive_no}, back on {returned_date}, was not put back in its place",
            ),
            check(
                "ArchiveLoan",
                F.return_ledger.is_false(),
                "档案{archive_no}于{returned_date}归还，未登记台账",
                "the return of file {archive_no} on {returned_date} is not in the ledger",
            ),
        ],
        penalty=NONE_STATED,
        readings=(RECORDED_ONLY, ARCHIVIST_ANSWERS),
        answered_by="handled_by",
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
