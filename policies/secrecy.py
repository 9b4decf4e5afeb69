"""保密制度 (篇十四 ≡ F003 第四篇): shared/regulations/000_…, lines 475–520.

An unnamed group's secrecy rules for its head office (总公司) and subsidiaries: three grades, the
matters that are secret and the grade of each, marking and the secrecy period, who may know an
item of each grade, who approves excerpts, copies and certificate use, custodians, and reporting
leaks. Its sanctions are delegated: "奖惩具体标准参照<员工奖惩管理制度>执行", a document that is
not in the sources. Every rule therefore states no penalty and names the delegation; an
organisation may supply its own under `[penalties.SEC-…]`. Only a serious case carries a stated
consequence: 依法追究相关法律责任.

The headings of the original sections are lost and numbering restarts three times; articles are
cited as the text numbers them under the heading that survives (知晓范围3), 保管备份4)). The
category → grade table, the roles and who approves what are configuration (`secrecy.*`, see
checker/facts/secrecy.py) with the regulation's values as defaults.
"""

from __future__ import annotations

from datetime import date

from checker.conditions import AUDIT_DATE, F, FieldRef, P, When, any_of, days, when
from checker.derived import derived_field
from checker.i18n import Text
from checker.rules import Measure, Penalty, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="secrecy",
    title=Text("保密制度（篇十四）", "Secrecy rules (part 14)"),
    short_title=Text("保密制度", "Secrecy Rules"),
    source_file="000_0502e1545e4045f1.txt",
    section="篇十四",
    lines=(475, 520),
)

PARAMETERS = ()

DELEGATED = Penalty(
    stated=False,
    delegated_to=Text(
        "员工奖惩管理制度", "员工奖惩管理制度, the staff rewards and sanctions rules"
    ),
    note=Text(
        "奖惩3、“奖惩具体标准参照<员工奖惩管理制度>执行”，该制度未收录",
        "奖惩3、 leaves the standards to the 员工奖惩管理制度, which is not in the sources",
    ),
)
SECRET_GRADES = ["绝密", "机密", "秘密"]
STAFF = ("SecrecyStaff",)  # roles come from the staff register; without it these rules do not run

CATEGORIES = Reading(
    Text(
        "类别按对照表 secrecy.categories 判断（默认即原文：重要决策文件为绝密；年度规划、财务报表、统计资料"
        "（即统计报表）、重要会议记录、经营情况、厂家技术资料为机密；合同、协议、人事档案、工资、奖金、"
        "未公开信息、营业执照及组织机构代码证、税务登记证等相关证件为秘密；其余保密范围内的类别由起草单位"
        "定级）；登记簿中表外的类别被拒绝并列出已知类别。",
        "Categories are read through secrecy.categories (by default the text's: 重要决策文件 "
        "绝密; 年度规划, 财务报表, 统计资料 (= 统计报表), 重要会议记录, 经营情况, 厂家技术资料 "
        "机密; 合同, 协议, 人事档案, 工资, 奖金, 未公开信息 and the certificates 秘密; the other "
        "secret categories graded by the drafting unit); an item of a category not in the table "
        "is rejected, naming the known ones.",
    ),
    "secrecy.categories",
)
UNMARKED_ONCE = Reading(
    Text(
        "未标密级的事项只在SEC-03（原文定有密级的类别）或SEC-08（原文未定密级的类别）报告一次，不另按本条报告。",
        "An unmarked item is reported once, under SEC-03 (a category the text grades) or SEC-08 "
        "(one it does not), not again here.",
    )
)
OVER = Reading(
    Text(
        "高于原文所定密级的标密为过度定密，只作提示（info）；低于原文所定密级的为警告。",
        "A grade above the text's is over-classification, reported as information; a grade "
        "below it is a warning.",
    )
)
DECLASSIFIED = Reading(
    Text(
        "“保密期限届满”：默认保密期限至当日仍属保密、次日起自行解密；“要求继续保密”的事项不解密。"
        "知悉、摘抄复制和泄密按当天仍有效的密级判断，已解密的事项不再受知晓范围和复制审批限制。",
        "'The period expires': by default the item is secret through the end date and "
        "declassified from the next day; an item whose secrecy must continue is not. Access, "
        "copies and leaks are judged by the grade in force that day; a declassified item is "
        "no longer limited.",
    ),
    "secrecy.declassified_from",
)
ROLES = Reading(
    Text(
        "人员的职务按 secrecy.roles 对应到制度角色，属总公司还是子公司由所在公司的层级决定；名册中表外的职务"
        "使该人员被拒绝，涉及该人员的记录也被拒绝，不会按有权处理。",
        "Titles map to the regulation's roles through secrecy.roles, head office or subsidiary "
        "through the person's company; a title not in the table rejects the person and every "
        "record naming them, so an unknown role never passes.",
    ),
    "secrecy.roles",
)
ARCHIVE_LOANS = Reading(
    Text(
        "借出一份在涉密事项登记中的档案（档案登记的“涉密事项编号”）即让借阅人知悉该事项：借阅当日的密级按本制度"
        "计算，出借单的批准人视为指定人；借阅人不在涉密人员名册中的，不在任何知晓范围内。档案制度本身没有密级档案的"
        "借阅程序（目录第4部分D10），借阅仍须符合本规则。",
        "Lending a file entered in the secret-item register (the archive register's 涉密事项编号) "
        "gives the borrower knowledge of the item: its grade on the loan day is this "
        "regulation's, the slip's approver stands as the designator, and a borrower the secrecy "
        "staff register lacks is in no circle. The archive rules give no procedure for graded "
        "files (catalogue Part 4 D10); a loan must satisfy this rule as well.",
    )
)

CHIEFS = Reading(
    Text(
        "“总公司副/总经理”指总公司的总经理或副总经理（不含子公司的），即 secrecy.approvers.top_secret_designation"
        "所列角色；他们有权知晓全部公司秘密（知晓范围1)）。",
        "'总公司副/总经理' is the head office's 总经理 or 副总经理 (not a subsidiary's), the roles "
        "secrecy.approvers.top_secret_designation lists; they may know every secret (知晓范围1)).",
    ),
    "secrecy.approvers",
)
COPY_APPROVAL = Reading(
    Text(
        "审批日期在摘抄或复制当天或之前即为事先批准；有审批人而无审批日期的，不能证明事先批准。"
        "无任何审批的摘抄在本条报告；无任何审批的复制、复印是“私自复制”，在SEC-17报告。",
        "An approval dated on or before the day counts as prior; an approver without a date "
        "does not prove it. An excerpt without any approval is reported here; a copy without "
        "any is 私自复制, reported under SEC-17.",
    )
)


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, penalty=DELEGATED, **fields)  # type: ignore[arg-type]


# 3、密级的确定: the marked grade against the grade the category requires (绝密 the gravest).
derived_field(
    "SecretItem",
    "against_category",
    when(
        F.grade_level.not_null() & F.category_grade.is_in(SECRET_GRADES),
        when(
            F.grade_level == F.category_grade,
            "相符",
            when(
                (F.grade_level == "绝密")
                | ((F.grade_level == "机密") & (F.category_grade == "秘密")),
                "偏高",
                "偏低",
            ),
        ),
        None,
    ),
    "3、密级的确定",
    "与类别对照",
    "The marked grade against the grade its category requires",
    choices=("相符", "偏低", "偏高"),
)


def grade_rule(id: str, grade: str, line: int, text: str, categories: tuple[str, str]) -> Rule:
    """SEC-05/06/07: an item of a category the text grades, marked with another grade."""
    lower = check(
        "SecretItem",
        (F.category_grade == grade) & (F.against_category == "偏低"),
        f"事项{{item_id}}《{{title}}》为{{category}}，按3、公司密级的确定应为{grade}级，只标为{{grade_level}}",
        f"item {{item_id}} 《{{title}}》 is {{category}}, which the text grades {grade}; it is "
        "marked only {grade_level}",
    )
    higher = check(
        "SecretItem",
        (F.category_grade == grade) & (F.against_category == "偏高"),
        f"事项{{item_id}}《{{title}}》为{{category}}，原文定为{grade}级，标为{{grade_level}}（过度定密）",
        f"item {{item_id}} 《{{title}}》 is {{category}}, which the text grades {grade}; it is "
        "marked {grade_level} (over-classified)",
        severity="info",
    )
    checks = {"绝密": [lower], "机密": [lower, higher], "秘密": [higher]}[grade]
    return reg(
        id,
        article=f"3、密级的确定{'123'[SECRET_GRADES.index(grade)]})",
        line=line,
        text=text,
        title=(f"{categories[0]}为{grade}级", f"{categories[1]} are graded {grade}"),
        checks=checks,
        readings=(CATEGORIES, UNMARKED_ONCE, OVER),
    )


def approved_before(day: FieldRef) -> When:
    """COPY_APPROVAL: approved on or before the day; empty when nobody approved."""
    timely = when(F.approved_on <= day, True, False)  # no approval date proves nothing
    return when(F.approved_by.is_null(), None, timely)


# 保管备份1)2): excerpts and copies approved beforehand.
derived_field(
    "CopyEvent",
    "approval_timely",
    approved_before(F.copied_on),
    "保管备份1)2)",
    "事先批准",
    "Approved on or before the day (empty without an approver)",
)
# 保管备份4): certificates copied or lent with an approval beforehand.
derived_field(
    "CertificateUse",
    "approval_timely",
    approved_before(F.used_on),
    "保管备份4)",
    "事先批准",
    "Approved on or before the day",
)


def approval_checks(grades: list[str], rule: str) -> list:
    """SEC-15/16: an excerpt or copy at these grades approved by the wrong level, late, or not."""
    at = F.effective_grade.is_in(grades)
    return [
        check(
            "CopyEvent",
            at & F.approved_by.not_null() & F.approver_allowed.is_false(),
            "{effective_grade}事项{item_id}《{item_title}》{copied_on}被{person_label}{action}，"
            "审批人{approver_label}不在可批准之列（{approvers}）",
            "{effective_grade} item {item_id} 《{item_title}》 was taken ({action}) on "
            "{copied_on} by {person_label}; the approver {approver_label} may not approve it "
            "({approvers})",
        ),
        check(
            "CopyEvent",
            at & F.approved_by.not_null() & F.approval_timely.is_false(),
            "{effective_grade}事项{item_id}《{item_title}》{copied_on}{action}，未见事先批准"
            "（审批日期：{approved_on}）",
            "{effective_grade} item {item_id} 《{item_title}》 was taken ({action}) on "
            "{copied_on} without prior approval (approved: {approved_on})",
        ),
        check(
            "CopyEvent",
            at & (F.action == "摘抄") & F.approved_by.is_null(),
            "{effective_grade}事项{item_id}《{item_title}》{copied_on}被{person_label}摘抄，未经"
            f"批准（{rule}）",
            "{effective_grade} item {item_id} 《{item_title}》 was excerpted on {copied_on} by "
            "{person_label} without approval",
        ),
    ]


# 4、保密期限 "保密期限届满,除要求继续保密的事项外,自行解密": the first day an item is no longer
# secret, by secrecy.declassified_from; an item secret through 9999-12-31 never is.
_LAST_SECRET_DAY = when(F.period_end < date.max, F.period_end, None)
derived_field(
    "SecretItem",
    "declassified_on",
    when(
        F.period_end.is_null() | F.continue_secret.is_true(),
        None,
        when(
            P("secrecy.declassified_from") == "end_date",
            F.period_end,
            _LAST_SECRET_DAY + days(1),
        ),
    ),
    "4、保密期限",
    "自行解密日期",
    "First day no longer secret",
)
derived_field(
    "SecretItem",
    "expired",
    when(F.declassified_on <= AUDIT_DATE, True, False),
    "4、保密期限",
    "保密期限已届满",
    "Declassified by the audit date",
)

# 保管备份6) "立即向总公司领导报告": due secrecy.leak_report_days after the leak was found.
derived_field(
    "LeakIncident",
    "report_deadline",
    F.discovered_on + days(P("secrecy.leak_report_days")),
    "保管备份6)",
    "报告期限",
    "Last day to report (secrecy.leak_report_days)",
)
derived_field(
    "LeakIncident",
    "report_status",
    when(
        F.reported_on.not_null(),
        when(F.reported_on <= F.report_deadline, "按时", "逾期"),
        when(F.report_deadline < AUDIT_DATE, "未报告", "期限未到"),
    ),
    "保管备份6)",
    "报告情况",
    "How the report stands on the audit date",
    choices=("按时", "逾期", "未报告", "期限未到"),
)

# 奖惩2、: which item a leak falls under; an ordinary loss is 1) or 2) by secrecy.ordinary_loss;
# empty for conduct 篇十四 does not name.
_GRAVE_LEAK = any_of(
    F.consequence == "造成严重后果或重大经济损失",
    (F.consequence == "造成一般经济损失") & (P("secrecy.ordinary_loss") == "case_2"),
)
derived_field(
    "LeakLiability",
    "case",
    when(
        F.conduct == "为他人窃取、刺探、收买或提供",
        "3)",
        when(
            F.conduct == "强制他人违反保密规定",
            "4)",
            when(F.conduct == "泄露", when(_GRAVE_LEAK, "2)", "1)"), None),
        ),
    ),
    "奖惩2、",
    "所属情形",
    "Item of 奖惩2、 it falls under",
    choices=("1)", "2)", "3)", "4)"),
)

RULES = [
    reg(
        "SEC-02",
        article="1、密级划分",
        line=480,
        text="1、密级划分\n公司秘密的密级分为绝密、机密、秘密三级。",
        title=("密级分为绝密、机密、秘密三级", "Three grades: 绝密, 机密, 秘密"),
        checks=[
            check(
                "SecretItem",
                (F.category_grade != "不属于保密范围") & (F.marking == "密级无效"),
                "事项{item_id}《{title}》标为“{grade}”，不是绝密、机密、秘密三级之一",
                "item {item_id} 《{title}》 is marked '{grade}', none of the three grades "
                "绝密, 机密, 秘密",
            )
        ],
        readings=(
            Reading(
                Text(
                    "“绝密级”等带“级”字的写法即该级；secrecy.unclassified_labels 所列写法（默认非密、公开、无）"
                    "表示未定密级，按未标密级处理；其他写法（如“内部”）为无效密级。不属于保密范围的事项不在本条检查。",
                    "'绝密级' and the like are that grade; the labels of "
                    "secrecy.unclassified_labels (非密, 公开, 无) mean no grade and count as "
                    "unmarked; any other label (内部 …) is invalid. Items outside the secrecy "
                    "scope are not checked here.",
                ),
                "secrecy.unclassified_labels",
            ),
            CATEGORIES,
        ),
    ),
    reg(
        "SEC-03",
        article="2、保密范围",
        line=485,
        text=(
            "2、保密范围\n公司秘密包括下列事项:\n1)公司重大决策中的秘密事项;\n"
            "3)公司的合同、协议、意见书及可行性报告、重要会议记录;\n"
            "4)公司财务预决算报告、审计报告及各类财务报表、统计报表;\n"
            "5)公司所掌握的尚未进入市场或尚未公开的各类信息;\n"
            "8)公司持有、掌握的厂家技术资料、光盘、书籍、文档;\n"
            "9)公司营业执照、组织机构代码证、税务登记证等相关证件;\n"
            "10)公司员工的人事档案、工资、奖金及相关资料;"
        ),
        title=("保密范围内的事项须标明密级", "A matter within the secrecy scope is graded"),
        checks=[
            check(
                "SecretItem",
                F.category_grade.is_in(SECRET_GRADES) & (F.marking == "未标密级"),
                "事项{item_id}《{title}》为{category}，属保密范围，按3、公司密级的确定应为"
                "{category_grade}级，未标密级",
                "item {item_id} 《{title}》 is {category}, within the secrecy scope and graded "
                "{category_grade} by the text, but it is not marked",
            )
        ],
        readings=(
            CATEGORIES,
            Reading(
                Text(
                    "本条检查原文在3、中定有密级的类别；保密范围内原文未定密级的类别（意见书、审计报告、客户信息等）"
                    "未标密级时按SEC-08报告。未标密级即未作为公司秘密管理；“非密”等写法同未标。",
                    "This rule covers the categories 3、 grades; secret categories the text "
                    "leaves ungraded (意见书, 审计报告, 客户信息 …) are reported under SEC-08. An "
                    "unmarked item is not handled as a secret; labels such as 非密 count as "
                    "unmarked.",
                ),
                "secrecy.unclassified_labels",
            ),
        ),
    ),
    reg(
        "SEC-04",
        article="2、保密范围末句",
        line=497,
        text="一般性决定、决议、通告、通知、行政管理资料等内部文件不属于保密范围。",
        title=("一般性文件不属于保密范围", "General internal documents are not secret"),
        checks=[
            check(
                "SecretItem",
                (F.category_grade == "不属于保密范围") & (F.marking == "已标密级"),
                "事项{item_id}《{title}》为{category}，不属于保密范围，却标为{grade_level}（过度定密）",
                "item {item_id} 《{title}》 is {category}, outside the secrecy scope, yet marked "
                "{grade_level} (over-classified)",
                severity="info",
            )
        ],
        readings=(
            Reading(
                Text(
                    "过度定密只作提示（info）。“决议”与“重要会议记录为机密”“重大决策中的秘密事项”相冲突"
                    "（目录第4部分C3）：默认一般性决议不属于保密范围，记录重大决策的决议应登记为“重要决策文件”"
                    "或“重大决策秘密事项”；对照表可改。",
                    "Over-classification is information only. 决议 conflicts with 重要会议记录 "
                    "(机密) and 重大决策中的秘密事项 (catalogue Part 4 C3): by default a general "
                    "resolution is not secret, and one recording a major decision is registered "
                    "as 重要决策文件 or 重大决策秘密事项; the table can say otherwise.",
                ),
                "secrecy.categories",
            ),
        ),
    ),
    grade_rule(
        "SEC-05",
        "绝密",
        499,
        "1)公司经营发展中,直接影响公司权益和利益的重要决策文件、资料为绝密级;",
        (
            "直接影响公司权益和利益的重要决策文件",
            "Major decisions that directly affect the company's interests",
        ),
    ),
    grade_rule(
        "SEC-06",
        "机密",
        500,
        "2)公司的年度规划、财务报表、统计资料、重要会议记录、公司经营情况、厂家技术资料为机密级;",
        (
            "年度规划、财务报表、统计资料、重要会议记录、经营情况、厂家技术资料",
            "Annual plans, financial and statistical reports, important minutes, business results "
            "and manufacturers' technical documents",
        ),
    ),
    grade_rule(
        "SEC-07",
        "秘密",
        501,
        "3)公司合同、协议、人事档案、工资、奖金、尚未进入市场或尚未公开的各类信息、营业执照及相关证件为秘密级。",
        (
            "合同、协议、人事档案、工资、奖金、未公开信息、营业执照及相关证件",
            "Contracts, agreements, personnel files, pay, bonuses, unpublished information and "
            "the business licence and related certificates",
        ),
    ),
    reg(
        "SEC-08",
        article="2、保密范围2)6)7)等",
        line=487,
        text=(
            "2)公司尚未付诸实施的经营战略、经营方向、经营规划、经营项目及经营决策;\n"
            "6)公司的管理策略、客户信息、货源情报、产销策略;\n"
            "7)公司技术水平、技术力量、技术潜力、产品动向;\n"
            "11)其他经公司确认应当保密的事项。"
        ),
        title=(
            "原文未定密级的保密事项由起草单位定级",
            "Secret matters the text leaves ungraded are graded by the drafting unit",
        ),
        checks=[
            check(
                "SecretItem",
                (F.category_grade == "密级自定") & (F.marking == "未标密级"),
                "事项{item_id}《{title}》为{category}，属保密范围，原文未定其密级，应由起草单位{drafted_by}"
                "标明密级，未标",
                "item {item_id} 《{title}》 is {category}, within the secrecy scope; the text "
                "leaves its grade to the drafting unit {drafted_by}, which did not mark one",
            )
        ],
        readings=(
            CATEGORIES,
            Reading(
                Text(
                    "保密范围2、中有8类（或其部分：经营战略等、意见书、可行性报告、预决算报告、审计报告、管理策略、"
                    "客户信息、光盘书籍文档、人事相关资料、其他经确认的事项）在3、中没有密级（目录第4部分C1）；"
                    "工具无法替起草单位定级，只报告未标密级。",
                    "Eight of the scope's categories (or parts of them) get no grade in 3、 "
                    "(catalogue Part 4 C1); the checker cannot grade for the drafting unit and "
                    "reports only a missing grade.",
                )
            ),
        ),
    ),
    reg(
        "SEC-09",
        article="4、标明密级",
        line=502,
        text="4、属于公司秘密的文件、资料,由起草公司或部门依据本制度第三项“保密范围和密级划分”中的"
        "第1条密级划分、第3条公司密级的确定的规定标明密级,并确定保密期限。",
        title=(
            "起草单位标明密级并确定保密期限",
            "The drafting unit marks the grade and sets the secrecy period",
        ),
        checks=[
            check(
                "SecretItem",
                (F.category_grade != "不属于保密范围")
                & (F.marking == "已标密级")
                & F.period_end.is_null(),
                "{grade_level}事项{item_id}《{title}》未确定保密期限",
                "{grade_level} item {item_id} 《{title}》 has no secrecy period",
            ),
            check(
                "SecretItem",
                (F.marking == "已标密级") & (F.marked_by != F.drafted_by),
                "{grade_level}事项{item_id}《{title}》由{marked_by}标密，不是起草单位{drafted_by}",
                "{grade_level} item {item_id} 《{title}》 was marked by {marked_by}, not by the "
                "drafting unit {drafted_by}",
            ),
        ],
        readings=(
            UNMARKED_ONCE,
            Reading(
                Text(
                    "原文所引“第三项‘保密范围和密级划分’中的第1条…第3条”的标题已不存在（目录第4部分C8），"
                    "读作1、密级划分和3、公司密级的确定。原文未定默认或最长保密期限（C9），只要求确定期限。"
                    "登记簿未载标密单位的，不能判断由谁标密，不报告。",
                    "The headings the text cites no longer exist (catalogue Part 4 C8); they are "
                    "read as 1、密级划分 and 3、公司密级的确定. The text sets no default or longest "
                    "period (C9): a period must be set. Without a marking unit the register "
                    "cannot show who marked it and nothing is reported.",
                )
            ),
        ),
    ),
    reg(
        "SEC-10",
        article="4、保密期限",
        line=502,
        text="保密期限届满,除要求继续保密的事项外,自行解密。",
        title=(
            "保密期限届满自行解密",
            "An item declassifies itself when its period expires",
        ),
        checks=[
            check(
                "SecretItem",
                (F.marking == "已标密级") & F.expired.is_true(),
                "{grade_level}事项{item_id}《{title}》保密期限至{period_end}，已于{declassified_on}"
                "自行解密，登记簿仍作为{grade_level}管理",
                "{grade_level} item {item_id} 《{title}》 had its period end on {period_end} and "
                "was declassified on {declassified_on}, but the register still treats it as "
                "{grade_level}",
                severity="info",
            )
        ],
        readings=(
            DECLASSIFIED,
            Reading(
                Text(
                    "期限届满而未要求继续保密、登记簿仍标密级的事项只作提示（info）：应解密或办理继续保密。",
                    "An item past its period, with no requirement to stay secret, still marked in "
                    "the register is information: declassify it or record the extension.",
                )
            ),
        ),
    ),
    reg(
        "SEC-12",
        article="知晓范围1)2)",
        line=504,
        text="1)公司秘密(绝密、机密、秘密)总公司副/总经理有权全部知晓;2)绝密级只限总公司副/总经理指定的人员知晓;",
        title=(
            "绝密级只限总公司副/总经理及其指定的人员知晓",
            "绝密 only for the head office's 总经理 and 副总经理 and those they designate",
        ),
        checks=[
            check(
                "AccessGrant",
                (F.effective_grade == "绝密") & F.within_circle.is_false(),
                "绝密事项{item_id}《{item_title}》只限总公司副/总经理及其指定的人员知晓；"
                "{person_label}于{granted_on}知悉，指定人：{designated_by_label}",
                "绝密 item {item_id} 《{item_title}》 is only for the head office's 总经理 and "
                "副总经理 and those they designate; {person_label} was given knowledge on "
                "{granted_on}, designated by {designated_by_label}",
            ),
            check(
                "ArchiveLoan",
                (F.secret_grade == "绝密") & F.within_secrecy_circle.is_false(),
                "绝密档案{archive_no}（涉密事项{secret_item_id}）只限总公司副/总经理及其指定的人员知晓；"
                "{borrower_label}于{borrowed_date}借阅，出借单批准人：{approver_label}",
                "绝密 file {archive_no} (secret item {secret_item_id}) is only for the head office's "
                "总经理 and 副总经理 and those they designate; {borrower_label} borrowed it on "
                "{borrowed_date}, the slip approved by {approver_label}",
            ),
        ],
        covers=("SEC-11",),
        needs_kinds=STAFF,
        readings=(CHIEFS, ROLES, DECLASSIFIED, ARCHIVE_LOANS),
    ),
    reg(
        "SEC-13",
        article="知晓范围3)",
        line=505,
        text="3)机密级只限负责该项工作的主管人员以及该主管人员认为必须知道的人员知晓;",
        title=(
            "机密级只限主管人员及其认为必须知道的人员知晓",
            "机密 only for the responsible supervisor and those the supervisor deems must know",
        ),
        checks=[
            check(
                "AccessGrant",
                (F.effective_grade == "机密") & F.within_circle.is_false(),
                "机密事项{item_id}《{item_title}》只限负责该项工作的主管人员（{supervisor_label}）及其认为"
                "必须知道的人员知晓；{person_label}于{granted_on}知悉，指定人：{designated_by_label}",
                "机密 item {item_id} 《{item_title}》 is only for the supervisor responsible "
                "({supervisor_label}) and those the supervisor deems must know; {person_label} "
                "was given knowledge on {granted_on}, designated by {designated_by_label}",
            ),
            check(
                "ArchiveLoan",
                (F.secret_grade == "机密") & F.within_secrecy_circle.is_false(),
                "机密档案{archive_no}（涉密事项{secret_item_id}）只限负责该项工作的主管人员及其认为必须知道的人员知晓；"
                "{borrower_label}于{borrowed_date}借阅，出借单批准人：{approver_label}",
                "机密 file {archive_no} (secret item {secret_item_id}) is only for the supervisor "
                "responsible and those the supervisor deems must know; {borrower_label} borrowed "
                "it on {borrowed_date}, the slip approved by {approver_label}",
            ),
        ],
        needs_kinds=STAFF,
        readings=(
            Reading(
                Text(
                    "负责该项工作的主管人员为登记簿所载主管人员；总公司副/总经理有权知晓全部公司秘密（知晓范围1)），"
                    "其指定的人员亦可知晓（其可指定绝密级知悉人，举重以明轻）。登记簿未载主管人员的，只有总公司"
                    "副/总经理及其指定的人员可知晓。",
                    "The responsible supervisor is the one the register names; the head office's "
                    "总经理 and 副总经理 know everything (知晓范围1)) and may designate others "
                    "here too (they may for 绝密). Without a supervisor in the register only "
                    "they and those they designate may know.",
                ),
                "secrecy.approvers",
            ),
            ROLES,
            DECLASSIFIED,
            ARCHIVE_LOANS,
        ),
    ),
    reg(
        "SEC-14",
        article="知晓范围4)",
        line=506,
        text="4)秘密级只限相关人员知晓。",
        title=("秘密级只限相关人员知晓", "秘密 only for related persons"),
        checks=[
            check(
                "AccessGrant",
                (F.effective_grade == "秘密") & F.within_circle.is_false(),
                "秘密事项{item_id}《{item_title}》只限相关人员知晓；{person_label}于{granted_on}知悉，"
                "既非起草部门{item_unit}人员，知悉登记也未载明工作相关",
                "秘密 item {item_id} 《{item_title}》 is only for related persons; "
                "{person_label} was given knowledge on {granted_on}, is not of the drafting "
                "department {item_unit}, and the grant does not mark them as working on it",
            ),
            check(
                "ArchiveLoan",
                (F.secret_grade == "秘密") & F.within_secrecy_circle.is_false(),
                "秘密档案{archive_no}（涉密事项{secret_item_id}）只限相关人员知晓；{borrower_label}于"
                "{borrowed_date}借阅，出借单批准人：{approver_label}",
                "秘密 file {archive_no} (secret item {secret_item_id}) is only for related persons; "
                "{borrower_label} borrowed it on {borrowed_date}, the slip approved by "
                "{approver_label}",
            ),
        ],
        needs_kinds=STAFF,
        readings=(
            Reading(
                Text(
                    "“相关人员”原文未定义（目录第4部分C7）：默认为起草部门的人员、知悉登记载明工作相关者，以及"
                    "机密级、绝密级知晓范围内的人员。",
                    "'Related persons' is undefined (catalogue Part 4 C7): by default members of "
                    "the drafting department, those the grant marks as working on it, and anyone "
                    "the 机密 and 绝密 circles admit.",
                ),
                "secrecy.related_persons",
            ),
            ROLES,
            DECLASSIFIED,
            ARCHIVE_LOANS,
        ),
    ),
    reg(
        "SEC-15",
        article="保管备份1)",
        line=508,
        text="1)绝密级资料原则上不允许摘抄或复制,确需摘抄或复制者须经总公司副/总经理批准;",
        title=(
            "绝密级资料摘抄复制须经总公司副/总经理批准",
            "Excerpts and copies of 绝密 need the head office's 总经理 or 副总经理",
        ),
        checks=[
            *approval_checks(["绝密"], "须经总公司副/总经理批准"),
            check(
                "CopyEvent",
                (F.effective_grade == "绝密") & F.justification.is_null(),
                "绝密事项{item_id}《{item_title}》原则上不允许摘抄或复制，{copied_on}{action}未载明确需理由",
                "绝密 item {item_id} 《{item_title}》 may in principle not be excerpted or "
                "copied; the {action} of {copied_on} gives no reason it was needed",
            ),
        ],
        needs_kinds=STAFF,
        readings=(
            CHIEFS,
            COPY_APPROVAL,
            Reading(
                Text(
                    "“原则上不允许…确需…者”：每次摘抄或复制须载明确需理由。",
                    "'Not allowed in principle … where truly needed': every excerpt or copy "
                    "records why it was needed.",
                )
            ),
            ROLES,
            DECLASSIFIED,
        ),
    ),
    reg(
        "SEC-16",
        article="保管备份2)",
        line=509,
        text="2)机密级、秘密级资料需经子公司总经理批准后,方可摘抄或复制;",
        title=(
            "机密级、秘密级资料摘抄复制须经子公司总经理批准",
            "Excerpts and copies of 机密 and 秘密 need the subsidiary's 总经理",
        ),
        checks=approval_checks(["机密", "秘密"], "须经子公司总经理批准"),
        needs_kinds=STAFF,
        readings=(
            Reading(
                Text(
                    "子公司总经理指保管该资料的公司（本公司）的总经理；总公司总经理、副总经理层级更高，亦可批准。"
                    "总公司自己保管的资料没有子公司总经理（目录第4部分C5），由总公司总经理或副总经理批准。",
                    "The 子公司总经理 is the 总经理 of the company holding the item (本公司); the "
                    "head office's 总经理 and 副总经理 rank higher and may approve too. The head "
                    "office's own items have no 子公司总经理 (catalogue Part 4 C5): its 总经理 or "
                    "副总经理 approves.",
                ),
                "secrecy.approvers",
            ),
            COPY_APPROVAL,
            ROLES,
            DECLASSIFIED,
        ),
    ),
    reg(
        "SEC-17",
        article="保管备份3)",
        line=509,
        text="3)保密资料不得私自复制,复印件应视同原件管理;",
        title=(
            "不得私自复制，复印件视同原件管理",
            "No private copies; a copy is managed like its original",
        ),
        checks=[
            check(
                "CopyEvent",
                F.effective_grade.not_null()
                & F.action.is_in(["复制", "复印"])
                & F.approved_by.is_null(),
                "{effective_grade}事项{item_id}《{item_title}》{copied_on}被{person_label}私自{action}（无审批）",
                "{effective_grade} item {item_id} 《{item_title}》 was copied ({action}) "
                "privately by {person_label} on {copied_on}, with no approval",
            ),
            check(
                "SecretItem",
                F.managed_as_original.is_false(),
                "复印件{item_id}《{title}》（原件{copy_of}）密级{grade_level}、保密期限至{period_end}，"
                "与原件（{original_grade}，至{original_period_end}）不同，未视同原件管理",
                "copy {item_id} 《{title}》 (of {copy_of}) is graded {grade_level} until "
                "{period_end}, unlike its original ({original_grade}, until "
                "{original_period_end}): not managed like the original",
            ),
        ],
        readings=(
            COPY_APPROVAL,
            Reading(
                Text(
                    "“视同原件管理”：登记为复印件（载明原件编号）的事项须与原件密级、保密期限相同。",
                    "'Managed like the original': an item registered as a copy (with its "
                    "original's number) carries the original's grade and period.",
                )
            ),
            DECLASSIFIED,
        ),
    ),
    reg(
        "SEC-18",
        article="保管备份4)",
        line=510,
        text="4)各公司保管的公司证件需经子公司总经理批准后,方可复印或借出(营业执照、组织机构代码证经部门经理批准后,可复印);",
        title=(
            "公司证件复印或借出须经子公司总经理批准",
            "Company certificates copied or lent only with the subsidiary's 总经理",
        ),
        checks=[
            check(
                "CertificateUse",
                F.approved_by.is_null(),
                "{certificate}于{used_on}{action}（经办人{person_label}）未经批准，应由{approvers}批准",
                "{certificate} ({action}, {used_on}, by {person_label}): not approved; "
                "{approvers} approve it",
            ),
            check(
                "CertificateUse",
                F.approved_by.not_null() & F.approver_allowed.is_false(),
                "{certificate}于{used_on}{action}，审批人{approver_label}不在可批准之列（{approvers}）",
                "{certificate} ({action}, {used_on}): the approver {approver_label} may not "
                "approve it ({approvers})",
            ),
            check(
                "CertificateUse",
                F.approved_by.not_null() & F.approval_timely.is_false(),
                "{certificate}于{used_on}{action}，未见事先批准（审批日期：{approved_on}）",
                "{certificate} ({action}, {used_on}): not approved beforehand (approved: "
                "{approved_on})",
            ),
        ],
        needs_kinds=STAFF,
        readings=(
            Reading(
                Text(
                    "借出任何证件、复印营业执照和组织机构代码证以外的证件，须经保管该证件的公司（本公司）总经理"
                    "批准；复印营业执照、组织机构代码证经部门经理（或更高层级）批准即可，该例外只适用于复印，"
                    "不适用于借出（目录第4部分C6）。总公司总经理、副总经理亦可批准。",
                    "Lending any certificate, and copying any but the 营业执照 and 组织机构代码证, "
                    "needs the 总经理 of the company holding it (本公司); copying those two needs "
                    "a 部门经理 or higher, for copying only, never lending (catalogue Part 4 "
                    "C6). The head office's 总经理 and 副总经理 may approve too.",
                ),
                "secrecy.approvers",
            ),
            COPY_APPROVAL,
            ROLES,
        ),
    ),
    reg(
        "SEC-19",
        article="保管备份5)",
        line=511,
        text="5)各公司指派专人负责秘密文件、资料的保管,并采用相应的保密措施;",
        title=(
            "各公司指派专人保管秘密文件并采取保密措施",
            "Each company designates custodians and protects its secret files",
        ),
        checks=[
            check(
                "SecrecyCompany",
                (F.graded_items > 0) & F.has_custodian.is_false(),
                "{name}保管{graded_items}项密级事项，未指派专人负责保管",
                "{name} holds {graded_items} graded items and has designated no custodian",
            ),
            check(
                "SecretItem",
                (F.category_grade != "不属于保密范围")
                & (F.marking == "已标密级")
                & F.expired.is_false()
                & F.storage_measure.is_null(),
                "{grade_level}事项{item_id}《{title}》未载明保密措施",
                "{grade_level} item {item_id} 《{title}》 records no protective measure",
            ),
        ],
        readings=(
            Reading(
                Text(
                    "保管专人登记在保密公司名册；保密范围内每项仍有效的密级事项须载明保密措施（保险柜、加密存储等）。",
                    "Custodians are recorded in the group companies register; every item within "
                    "the scope with a grade in force records its protective measure (safe, "
                    "encryption …).",
                )
            ),
            DECLASSIFIED,
        ),
    ),
    reg(
        "SEC-20",
        article="保管备份6)",
        line=511,
        text="6)若发现或发生泄密情况,应立即向总公司领导报告,以便及时采取补救措施。",
        title=(
            "发现泄密立即向总公司领导报告",
            "A leak is reported to a head-office leader at once",
        ),
        checks=[
            check(
                "LeakIncident",
                F.report_status == "未报告",
                "{discovered_on}发现的泄密事件{incident_id}（{conduct}）至审计日未向总公司领导报告"
                "（报告期限：{report_deadline}）",
                "leak {incident_id} ({conduct}) found on {discovered_on} has not been reported "
                "to a head-office leader (due by {report_deadline})",
            ),
            check(
                "LeakIncident",
                F.report_status == "逾期",
                "{discovered_on}发现的泄密事件{incident_id}于{reported_on}才报告，未立即报告"
                "（报告期限：{report_deadline}）",
                "leak {incident_id} found on {discovered_on} was reported only on "
                "{reported_on}, not at once (due by {report_deadline})",
            ),
            check(
                "LeakIncident",
                F.reported_to_allowed.is_false(),
                "泄密事件{incident_id}报告给{reported_to_label}，不是总公司领导",
                "leak {incident_id} was reported to {reported_to_label}, who is not a "
                "head-office leader",
            ),
        ],
        needs_kinds=STAFF,
        readings=(
            Reading(
                Text(
                    "“立即”原文未定时限（目录第4部分C7）：默认发现当天报告，次日报告即为未立即报告；自发现之日起算。",
                    "'At once' has no number (catalogue Part 4 C7): by default the same day as "
                    "the leak was found; the next day is late.",
                ),
                "secrecy.leak_report_days",
            ),
            Reading(
                Text(
                    "“总公司领导”为总公司的董事长、总经理、副总经理及其他领导成员（职务对照为“领导”者）。",
                    "'Head-office leaders' are the head office's 董事长, 总经理, 副总经理 and other "
                    "leadership members (titles mapped to 领导).",
                ),
                "secrecy.approvers",
            ),
            ROLES,
        ),
    ),
    reg(
        "SEC-21",
        article="奖惩2、",
        line=515,
        text=(
            "2、有下列情形之一者,对有关部门或人员给予处罚,情节严重的,将依法追究相关法律责任:\n"
            "1)泄露公司秘密,尚未造成严重后果或经济损失的;\n"
            "2)故意或过失泄露公司秘密,造成严重后果或重大经济损失的;\n"
            "3)违反本制度规定,为他人窃取、刺探、收买或提供公司秘密的;\n"
            "4)利用职权强制他人违反保密规定的。"
        ),
        title=("泄密等情形给予处罚", "Leaks and the like are sanctioned"),
        checks=[
            check(
                "LeakLiability",
                F.case == "1)",
                "{responsible_label}泄露公司秘密（事件{incident_id}，{discovered_on}；后果：{consequence}），"
                "属奖惩2、1)",
                "{responsible_label} leaked a company secret (incident {incident_id}, "
                "{discovered_on}; consequence: {consequence}): item 1)",
            ),
            check(
                "LeakLiability",
                F.case == "2)",
                "{responsible_label}{intent}泄露公司秘密（事件{incident_id}，{discovered_on}；后果：{consequence}，"
                "经济损失{loss_cny}元），属奖惩2、2)",
                "{responsible_label} leaked a company secret ({intent}; incident {incident_id}, "
                "{discovered_on}; consequence: {consequence}, loss {loss_cny} yuan): item 2)",
            ),
            check(
                "LeakLiability",
                F.case == "3)",
                "{responsible_label}违反本制度，为他人窃取、刺探、收买或提供公司秘密（事件{incident_id}，{discovered_on}），"
                "属奖惩2、3)",
                "{responsible_label} helped others steal, spy on, buy or obtain company "
                "secrets (incident {incident_id}, {discovered_on}): item 3)",
            ),
            check(
                "LeakLiability",
                F.case == "4)",
                "{responsible_label}利用职权强制他人违反保密规定（事件{incident_id}，{discovered_on}），属奖惩2、4)",
                "{responsible_label} used their position to force others to break the secrecy "
                "rules (incident {incident_id}, {discovered_on}): item 4)",
            ),
            check(
                "LeakLiability",
                F.case.not_null() & F.serious.is_true(),
                "事件{incident_id}经认定情节严重，依法追究相关法律责任",
                "incident {incident_id} was found serious: legal liability is pursued",
                severity="critical",
                penalty=Penalty(
                    stated=True,
                    basis="奖惩2、",
                    text="情节严重的,将依法追究相关法律责任",
                    measures=(Measure.LEGAL_LIABILITY,),
                ),
            ),
        ],
        readings=(
            Reading(
                Text(
                    "后果、主观和“情节严重”为公司的认定，载于泄密事件登记；“重大经济损失”原文未定数额。造成一般"
                    "（非重大）经济损失的泄密介于1)与2)之间，默认按1)。在公共场所讨论不属本条四种情形（扩展7第45句"
                    "另有规定，SEC-29）。处罚标准交由《员工奖惩管理制度》，可在 [penalties.SEC-21] 设定。",
                    "Consequence, intent and seriousness are the company's findings, recorded "
                    "with the incident; 重大经济损失 has no amount. A leak with an ordinary loss "
                    "sits between 1) and 2), by default 1). Discussion in public is none of the "
                    "four (扩展7 #45 covers it, SEC-29). The sanction is left to the "
                    "员工奖惩管理制度 and may be set under [penalties.SEC-21].",
                ),
                "secrecy.ordinary_loss",
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {
    "SEC-01": (
        "exhortation",
        Text(
            "适用范围与总则：本制度适用于总公司及直属公司全体员工，每个员工有保密义务和制止他人泄密的权利；"
            "具体义务由SEC-02至SEC-21检查，数据集即一个集团的登记簿，由 [audit] regulations 选用本制度。",
            "Scope and general principle: the rules bind every employee of the head office and "
            "its subsidiaries; the duties themselves are SEC-02 to SEC-21, and a dataset (one "
            "group's register) selects the regulation with [audit] regulations.",
        ),
    ),
    "SEC-22": (
        "outside-finding",
        Text(
            "奖励条件：是否“避免可能由此造成公司损失”“最大限度减少损失”须由公司认定，且奖励不是违规；"
            "本工具报告违规，不核定奖励。",
            "Rewards: whether a report 'avoided the loss' or a remedy 'reduced it as far as "
            "possible' is the company's finding, and a reward is no breach; the checker reports "
            "breaches, not rewards.",
        ),
    ),
    "SEC-23": (
        "outside-finding",
        Text(
            "交叉引用：会员“履行保密责任”（篇八第十三条(五)）即MEM-13-5，是否泄密及是否归责于会员须经交易所认定。",
            "A cross-reference: the member's duty of confidentiality (篇八 第十三条(五)) is "
            "MEM-13-5; whether a member leaked is the exchange's finding.",
        ),
    ),
}
DEFERRED: dict[str, Text] = {}
