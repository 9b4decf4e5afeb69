"""南宁大宗商品交易所 会员管理办法 (shared/regulations/000_…, 篇八, lines 218–338).

Every provision of part A of shared/catalogue.md is either a rule below or listed in
NOT_CHECKABLE with its reason. Where the catalogue and the text differ, the text wins and the
rule's readings say so.

The sanctions of 第十八条(一)–(九) are carried by the 第十四条 rules they repeat; 第十九条(二) is
one rule with the duty of 第十三条(六); 第二十条(一)'s private transfer is MEM-09-1's sanction.
A violation is therefore counted once.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Literal

from pydantic import NonNegativeInt, PositiveInt

from checker.conditions import (
    AUDIT_DATE,
    Condition,
    F,
    P,
    R,
    all_of,
    any_of,
    months,
    related,
    when,
    working_day_after,
    working_days_between,
)
from checker.config import Parameter
from checker.derived import derived_field
from checker.facts.member import ENDED_STATUSES, OTHER_VENUE_TYPES, TEAM_CHANGE_TYPES
from checker.i18n import Text
from checker.records.member import GOVERNANCE_DOCS, TERMINATION_MATERIALS
from checker.rules import (
    NONE_STATED,
    Check,
    Escalation,
    Measure,
    Penalty,
    Reading,
    Regulation,
    Rule,
)

REGULATION = Regulation(
    id="nnce-membership",
    title=Text("南宁大宗商品交易所会员管理办法", "Nanning Commodity Exchange Membership Rules"),
    short_title=Text("会员管理办法", "Membership Rules"),
    source_file="000_0502e1545e4045f1.txt",
    section="篇八",
    lines=(218, 338),
    effective_param="member.effective_from",
)

PARAMETERS = (
    Parameter(
        "member.effective_from",
        date | None,
        None,
        Text(
            "本办法生效日期。第二十一条“自发布之日起生效”，原文未载发布日期；为空时审计全部记录。",
            "Date the rules took effect. 第二十一条 says 'from publication'; the source gives no "
            "date, so empty means every record is audited.",
        ),
    ),
    Parameter(
        "member.capital_basis",
        Literal["registered", "paid_in"],
        "registered",
        Text(
            "第五条(一)“注册资本金”按认缴（registered）还是实缴（paid_in）资本认定。",
            "Whether 第五条(一)'s 注册资本金 is the registered (subscribed) or the paid-in capital.",
        ),
    ),
    Parameter(
        "member.empty_staff_level",
        Literal["violation", "pass"],
        "violation",
        Text(
            "申请单位某一层级人员为零时，第五条(三)的比例要求视为不满足（violation）或不适用（pass）。",
            "When an applicant lists nobody at a level, 第五条(三)'s ratio is unmet (violation) "
            "or moot (pass).",
        ),
    ),
    Parameter(
        "member.senior_record_scope",
        Literal["all", "qualifying"],
        "all",
        Text(
            "第五条(三)1“最近3年内无违法违规或不良信用记录”约束全部高层（all），或仅约束满足5年经验的三分之一（qualifying）。",
            "Whether 第五条(三)1's clean-record clause binds all senior managers or only the "
            "experienced third.",
        ),
    ),
    Parameter(
        "member.report_clock_start",
        Literal["occurred", "decided", "known"],
        "occurred",
        Text(
            "第十条10个工作日的起算日：变更生效/登记日（occurred）、决议日（decided）或知悉日（known）；"
            "所选日期未填写时按生效日起算。",
            "Which date starts 第十条's 10 working days: the change taking effect "
            "(occurred), its decision (decided) or the member learning of it (known); "
            "falls back to occurred when that date is not recorded.",
        ),
    ),
    Parameter(
        "member.team_change_report_working_days",
        PositiveInt,
        10,
        Text(
            "第十八条(十)经营团队、业务联系人变动的报告期限（工作日）；原文未规定，默认比照第十条。",
            "Working days to report a change of management team or contact person "
            "(第十八条(十) states none; by default 第十条's 10).",
        ),
    ),
    Parameter(
        "member.request_default_working_days",
        PositiveInt,
        10,
        Text(
            "交易所要求配合事项未定期限时的完成期限（工作日），默认比照第十条。",
            "Working days to meet an exchange request that set no deadline (by default "
            "第十条's 10).",
        ),
    ),
    Parameter(
        "member.announcement_grace_days",
        NonNegativeInt,
        0,
        Text(
            "原文未定期限的公告（年检结果、终止公告）在多少天后仍未发布即予报告。",
            "Days after which a missing announcement without a stated deadline (inspection "
            "result, termination notice) is reported.",
        ),
    ),
    Parameter(
        "member.inspection_from_year",
        PositiveInt | None,
        None,
        Text(
            "年检登记检查的起始年度；为空时自会员入会年度起检查。",
            "First year whose annual inspection is checked; empty means from the admission year.",
        ),
    ),
    Parameter(
        "member.inspection_new_members",
        Literal["admitted_by_window_start", "admitted_by_window_end"],
        "admitted_by_window_start",
        Text(
            "当年新入会会员是否须参加当年年检：7月1日前入会（默认）或8月31日前入会。",
            "Whether a member joining during the year must register that year: admitted "
            "by 1 July (default) or by 31 August.",
        ),
    ),
    Parameter(
        "member.high_frequency_orders_per_day",
        PositiveInt | None,
        None,
        Text(
            "第十四条(十)“程序化高频交易”的日委托笔数阈值；原文未规定，为空时仅依据监控系统的策略标注。",
            "Programmatic orders per trader per day that count as high-frequency (第十四条(十) "
            "states none; empty means only the monitoring's strategy labels count).",
        ),
    ),
    Parameter(
        "member.max_volume_to_funds_ratio",
        float | None,
        None,
        Text(
            "第十五条(五)“资金量和交易量配比不符”的上限（交易量/资金量）；原文未规定，未设置时该规则不运行。",
            "Highest volume-to-funds ratio (第十五条(五) states none; the rule does not run until "
            "it is set).",
        ),
    ),
    Parameter(
        "member.restricted_financial_products",
        list[str],
        ["保险", "信贷", "黄金"],
        Text(
            "第十四条(十一)须经国务院金融管理部门批准的金融产品（原文以“等”结尾）。",
            "Financial products that need State Council approval (第十四条(十一)'s list ends "
            "in 等).",
        ),
    ),
    Parameter(
        "member.idle_and_venue_reading",
        Literal["conjunctive", "disjunctive"],
        "conjunctive",
        Text(
            "第二十条(三)“…的,且…的”：两种情形同时具备（conjunctive）或任一即可（disjunctive）。",
            "第二十条(三) '…的,且…的': both grounds together (conjunctive) or either "
            "(disjunctive).",
        ),
    ),
)

# --------------------------------------------------------------------------- sanctions

ART18 = Penalty(
    stated=True,
    basis="第十八条",
    text="经交易所审核认定后出具整改意见书或通报批评,并限时整改,整改不合格的取消其会员资格",
    measures=(Measure.RECTIFICATION_NOTICE_OR_CRITICISM, Measure.RECTIFICATION_DEADLINE),
    escalation=Escalation(
        Text("整改不合格", "rectification fails"), (Measure.MEMBERSHIP_CANCELLED,)
    ),
)
ART19 = Penalty(
    stated=True,
    basis="第十九条",
    text="经交易所审核认定后,对公司高级管理人员进行警示谈话并对相关管理人员及工作人员进行强制培训",
    measures=(Measure.WARNING_TALK, Measure.STAFF_TRAINING),
)
ART20 = Penalty(
    stated=True,
    basis="第二十条",
    text="经交易所审核认定后,撤消其会员资格 … 被撤消会员资格的,会员资格费及会员管理费不予退还",
    measures=(Measure.MEMBERSHIP_REVOKED, Measure.FEES_NOT_REFUNDED),
)
SERIOUS = Penalty(
    stated=True,
    basis="第十五条、第十七条",
    text="一旦发现违规操作,交易所将作出严肃处理 … 交易所有权采取以下一种或几种措施制止其违规行为",
    measures=(Measure.DISCRETIONARY,),
)


def item(penalty: Penalty, item_number: str) -> Penalty:
    """The sanction of one item of a sanction article: 第十八条 + 十 = 第十八条(十)."""
    return replace(penalty, basis=f"{penalty.basis}({item_number})")


def not_eligible(zh: str, en: str) -> Penalty:
    return replace(NONE_STATED, note=Text(zh, en))


ADMISSION = not_eligible(
    "未满足会员条件（原文未规定处罚）", "membership condition unmet (no sanction stated)"
)

# Readings shared by several rules.
INCLUSIVE = Reading(
    Text(
        "“以上/不低于/以内”含本数，“超过/低于”不含本数（民法典第1259条）。",
        "以上/不低于/以内 include the number, 超过/低于 exclude it (Civil Code art. 1259).",
    )
)
WORKING_DAYS = Reading(
    Text(
        "工作日按国务院公布的法定节假日及调休安排计算；起算日当天不计入，第10个工作日报告的为按期。",
        "Working days follow the State Council's holidays and make-up workdays; the start day is not "
        "counted and a report on the 10th working day is in time.",
    ),
    "calendar.extra_holidays",
)
CLOCK = Reading(
    Text(
        "原文未规定10个工作日自何日起算；默认自变更生效（登记）之日起算。",
        "The text does not say which date starts the 10 working days; by default the day the change "
        "took effect (was registered).",
    ),
    "member.report_clock_start",
)
EMPTY_IS_UNKNOWN = Reading(
    Text(
        "记录中为空的数量或金额视为未知，不作为违规依据；为空的日期表示该行为尚未发生。",
        "An empty count or amount is unknown and not evidence of a breach; an empty date means the "
        "act has not happened.",
    )
)


def reg(
    id: str,
    *,
    article: str,
    line: int,
    text: str,
    title: tuple[str, str],
    severity: str,
    checks: list[Check],
    penalty: Penalty,
    **extra: object,
) -> Rule:
    """A rule of this regulation; `title` is (Chinese, English)."""
    return Rule(
        id=id,
        regulation=REGULATION,
        article=article,
        line=line,
        text=text,
        title=Text(*title),
        severity=severity,  # type: ignore[arg-type]
        checks=tuple(checks),
        penalty=penalty,
        **extra,  # type: ignore[arg-type]
    )


def check(kind: str, when: Condition, zh: str, en: str, **extra: object) -> Check:
    return Check(kind, when, Text(zh, en), **extra)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- A1 admission


def _empty_level(count: str, level_zh: str, level_en: str) -> Check:
    return check(
        "MemberApplication",
        (getattr(F, count) == 0) & (P("member.empty_staff_level") == "violation"),
        f"申请材料未列出{level_zh}人员，无法满足任职条件",
        f"the application lists no {level_en}: the condition cannot be met",
    )


APPLICATION_MATERIALS_REQUIRED = (
    "公司证照",
    "公司章程",
    "法定代表人身份证",
    "被授权人身份证",
    "组织构架图",
    "高管简历",
    "公司工作对接表",
    "会员入市合同",
    "补充协议",
    "入会申请审核表",
    "承诺函",
)

ADMISSION_RULES = [
    reg(
        id="MEM-03-1",
        article="第三条",
        line=221,
        text="符合本办法所规定条件的企业法人或其他经济组织,均可以申请成为交易所会员",
        title=(
            "申请主体须为企业法人或其他经济组织",
            "Applicant must be an enterprise or other economic organisation",
        ),
        severity="warning",
        checks=[
            check(
                "MemberApplication",
                F.entity_type.not_in(["企业法人", "其他经济组织"]),
                "申请单位主体类型为“{entity_type}”，不是企业法人或其他经济组织，不具备申请资格",
                "the applicant is a {entity_type}, not an enterprise legal person or other economic "
                "organisation: not eligible to apply",
            )
        ],
        penalty=not_eligible(
            "不具备申请资格（原文未规定处罚）", "not eligible to apply (no sanction stated)"
        ),
    ),
    reg(
        id="MEM-05-1",
        article="第五条(一)",
        line=224,
        text="(一) 注册资本金不低于1000万元人民币",
        title=("注册资本不低于1000万元", "Registered capital of at least 10 million yuan"),
        severity="warning",
        checks=[
            check(
                "MemberApplication",
                F.capital_for_admission_cny < 10_000_000,
                "认定注册资本{capital_for_admission_cny}元，低于1000万元",
                "capital of {capital_for_admission_cny} yuan is below 10,000,000 yuan",
            ),
            check(
                "MemberApplication",
                F.capital_for_admission_cny.is_null(),
                "按实缴资本认定，但申请未填报实缴资本",
                "capital is read as paid-in capital, but the application gives none",
            ),
        ],
        penalty=ADMISSION,
        readings=(
            INCLUSIVE,
            Reading(
                Text(
                    "“不低于”含本数：恰为1000万元的符合条件。",
                    "不低于 includes the number: exactly 10,000,000 yuan passes.",
                )
            ),
            Reading(
                Text(
                    "“注册资本金”未区分认缴与实缴；默认按认缴（注册）资本认定。金额须以人民币元计。",
                    "注册资本金 does not say subscribed or paid-in; by default the "
                    "registered (subscribed) capital. Amounts are in yuan.",
                ),
                "member.capital_basis",
            ),
        ),
    ),
    reg(
        id="MEM-05-2",
        article="第五条(二)",
        line=225,
        text="(二) 有符合交易所业务需求的独立、固定的经营场所",
        title=("经营场所独立、固定", "Independent, fixed premises"),
        severity="warning",
        checks=[
            check(
                "MemberApplication",
                F.premises_independent.is_false(),
                "经营场所不独立",
                "the premises are not independent",
            ),
            check(
                "MemberApplication",
                F.premises_fixed.is_false(),
                "经营场所不固定",
                "the premises are not fixed",
            ),
        ],
        penalty=ADMISSION,
        readings=(
            Reading(
                Text(
                    "“符合业务需求”无法由记录判断；本规则检查独立、固定两项，场地权属证明见MEM-06-1④。",
                    "'Meets business needs' cannot be read from a record; the rule checks "
                    "independence and fixedness; proof of title is MEM-06-1 ④.",
                )
            ),
        ),
    ),
    reg(
        id="MEM-05-3a",
        article="第五条(三)1",
        line=227,
        text="1、高层管理人员至少三分之一以上拥有不低于5年的金融行业或相关行业从业经验",
        title=(
            "高层管理人员三分之一以上具有5年以上从业经验",
            "At least a third of senior managers with 5 years' experience",
        ),
        severity="warning",
        checks=[
            _empty_level("senior_staff_count", "高层管理", "senior managers"),
            check(
                "MemberApplication",
                F.senior_experienced_count < F.senior_required_count,
                "高层管理人员{senior_staff_count}人中须至少{senior_required_count}人具有5年以上金融或相关行业"
                "从业经验，实有{senior_experienced_count}人",
                "of {senior_staff_count} senior managers at least {senior_required_count} need 5 "
                "years in finance or a related industry; {senior_experienced_count} have",
            ),
        ],
        penalty=ADMISSION,
        needs_kinds=("ApplicantStaff",),
        readings=(
            Reading(
                Text(
                    "“至少三分之一以上”含本数：3人中1人达标即满足；“不低于5年”含5年。",
                    "'至少三分之一以上' includes a third: 1 of 3 is enough; 5 years counts.",
                )
            ),
            Reading(
                Text(
                    "第五条(三)导语所列董事、监事、高级管理人员和分支机构负责人如何对应高层/中层/基层未规定；"
                    "按申请单位在人员表中填报的层级认定。",
                    "The lead-in's directors, supervisors, senior managers and branch "
                    "heads are not mapped to the levels; the level the applicant gives "
                    "each person is used.",
                )
            ),
            Reading(
                Text(
                    "申请未列出该层级人员时，默认视为不满足条件。",
                    "An application that lists nobody at the level fails by default.",
                ),
                "member.empty_staff_level",
            ),
        ),
    ),
    reg(
        id="MEM-05-3b",
        article="第五条(三)1",
        line=227,
        text="最近3年内无违法违规或不良信用记录",
        title=(
            "高层管理人员最近3年内无违法违规或不良信用记录",
            "Senior managers without violations or bad credit in the last 3 years",
        ),
        severity="warning",
        checks=[
            check(
                "MemberApplication",
                (P("member.senior_record_scope") == "all") & (F.senior_recent_record_count > 0),
                "{senior_recent_record_count}名高层管理人员最近3年内有违法违规或不良信用记录",
                "{senior_recent_record_count} senior managers have a violation or bad-credit record "
                "in the last 3 years",
            ),
            check(
                "MemberApplication",
                all_of(
                    P("member.senior_record_scope") == "qualifying",
                    F.senior_experienced_count >= F.senior_required_count,
                    F.senior_experienced_clean_count < F.senior_required_count,
                ),
                "具有5年以上经验且最近3年内无不良记录的高层仅{senior_experienced_clean_count}人，"
                "少于须达标的{senior_required_count}人",
                "only {senior_experienced_clean_count} experienced senior managers have a clean "
                "record; {senior_required_count} are needed",
            ),
        ],
        penalty=ADMISSION,
        needs_kinds=("ApplicantStaff",),
        readings=(
            Reading(
                Text(
                    "“最近3年内”为申请日前3年至申请日（含两端）。",
                    "'In the last 3 years' is the 3 years up to and including the "
                    "application date.",
                )
            ),
            Reading(
                Text(
                    "该句紧接三分之一要求，可理解为约束全部高层或仅约束达标的三分之一；默认约束全部高层。",
                    "The clause may bind all senior managers or only the qualifying "
                    "third; by default all.",
                ),
                "member.senior_record_scope",
            ),
        ),
    ),
    reg(
        id="MEM-05-3c",
        article="第五条(三)2",
        line=228,
        text="2、中层管理人员至少三分之二以上拥有不低于3年的金融行业或相关行业从业经验",
        title=(
            "中层管理人员三分之二以上具有3年以上从业经验",
            "At least two thirds of middle managers with 3 years' experience",
        ),
        severity="warning",
        checks=[
            _empty_level("middle_staff_count", "中层管理", "middle managers"),
            check(
                "MemberApplication",
                F.middle_experienced_count < F.middle_required_count,
                "中层管理人员{middle_staff_count}人中须至少{middle_required_count}人具有3年以上从业经验，"
                "实有{middle_experienced_count}人",
                "of {middle_staff_count} middle managers at least {middle_required_count} need 3 "
                "years; {middle_experienced_count} have",
            ),
        ],
        penalty=ADMISSION,
        needs_kinds=("ApplicantStaff",),
        readings=(
            Reading(
                Text(
                    "“至少三分之二以上”含本数（3人中2人即满足）；人数不能整除时向上取整。",
                    "Two thirds inclusive (2 of 3 is enough), rounded up.",
                )
            ),
            Reading(
                Text(
                    "申请未列出该层级人员时，默认视为不满足条件。",
                    "An application that lists nobody at the level fails by default.",
                ),
                "member.empty_staff_level",
            ),
        ),
    ),
    reg(
        id="MEM-05-3d",
        article="第五条(三)3",
        line=229,
        text="3、基层员工至少拥有不低于1年的金融行业或相关行业从业经验",
        title=("基层员工具有1年以上从业经验", "Staff with at least 1 year's experience"),
        severity="warning",
        checks=[
            _empty_level("junior_staff_count", "基层", "staff"),
            check(
                "MemberApplication",
                F.junior_inexperienced_count > 0,
                "基层员工{junior_staff_count}人中{junior_inexperienced_count}人从业经验不足1年",
                "{junior_inexperienced_count} of {junior_staff_count} staff have less than 1 year",
            ),
        ],
        penalty=ADMISSION,
        needs_kinds=("ApplicantStaff",),
        readings=(
            Reading(
                Text(
                    "原文未给比例，按每一名基层员工均须满足理解；恰为1年的满足。",
                    "No ratio is given, so every staff member must meet it; exactly 1 year passes.",
                )
            ),
            Reading(
                Text(
                    "申请未列出该层级人员时，默认视为不满足条件。",
                    "An application that lists nobody at the level fails by default.",
                ),
                "member.empty_staff_level",
            ),
        ),
    ),
    reg(
        id="MEM-05-4",
        article="第五条(四)",
        line=230,
        text="(四) 拥有符合业务需求的计算机软、硬件设施及配套的通讯线路、专业人员及管理制度",
        title=(
            "具备计算机软硬件、通讯线路、专业人员及管理制度",
            "IT systems, lines, specialists and policies in place",
        ),
        severity="warning",
        checks=[
            check("MemberApplication", getattr(F, field).is_false(), f"缺少{zh}", f"lacks {en}")
            for field, zh, en in (
                ("it_hardware", "计算机硬件设施", "computer hardware"),
                ("it_software", "计算机软件设施", "computer software"),
                ("it_comm_lines", "配套的通讯线路", "communication lines"),
                ("it_specialists", "专业人员", "IT specialists"),
                ("it_policies", "管理制度", "IT management policies"),
            )
        ],
        penalty=ADMISSION,
        readings=(
            Reading(
                Text(
                    "“符合业务需求”无法由记录判断；检查各项是否具备。",
                    "'Meets business needs' cannot be read from a record; each item's "
                    "presence is checked.",
                )
            ),
        ),
    ),
    reg(
        id="MEM-05-5",
        article="第五条(五)",
        line=231,
        text="(五)有健全的法人治理结构、组织机构、财务管理制度、业务管理制度、交易、结算、风险控制制度等",
        title=("治理结构与管理制度健全", "Governance structure and policies in place"),
        severity="warning",
        checks=[
            check("MemberApplication", F.governance_docs.lacks(doc), f"缺少{doc}", f"lacks {doc}")
            for doc in GOVERNANCE_DOCS
        ],
        penalty=ADMISSION,
        readings=(
            Reading(
                Text(
                    "“健全”与“等”无法由记录判断；检查所列七项是否具备。",
                    "'Sound' and the open 等 cannot be read from a record; each of the "
                    "seven named items must be present.",
                )
            ),
        ),
    ),
    reg(
        id="MEM-05-6",
        article="第五条(六)",
        line=232,
        text="(六) 认缴交易所收取的各项费用",
        title=("认缴交易所各项费用", "Subscribe the exchange's fees"),
        severity="warning",
        checks=[
            check(
                "MemberApplication",
                F.fees_subscribed.is_false(),
                "未认缴交易所收取的各项费用",
                "the exchange's fees were not subscribed",
            )
        ],
        penalty=ADMISSION,
    ),
    reg(
        id="MEM-06-1",
        article="第六条(一)",
        line=235,
        text="(一) 申请单位注册登记完毕后向交易所提供以下材料,由交易所进行审核:\n"
        "①公司证照、公司章程(复印件加盖公章扫描);\n②法定代表人身份证、被授权人身份证;\n"
        "③公司组织构架图和高管简历;\n"
        "④办公场地自有的需提供房产证复印件,他有的需要提供租赁合同复印件,并加盖公章扫描;\n"
        "⑤公司工作对接表(主要负责人及各部门负责人联系方式);\n⑥会员入市合同和补充协议;\n"
        "⑦会员入会申请审核表和承诺函。",
        title=(
            "注册登记完毕后提交齐全的申请材料",
            "Complete application materials after registration",
        ),
        severity="warning",
        checks=[
            *(
                check("MemberApplication", F.materials.lacks(m), f"未提交{m}", f"{m} not submitted")
                for m in APPLICATION_MATERIALS_REQUIRED
            ),
            check(
                "MemberApplication",
                (F.premises_title == "自有") & F.materials.lacks("房产证复印件"),
                "办公场地自有，未提供房产证复印件",
                "owned premises but no copy of the title deed",
            ),
            check(
                "MemberApplication",
                (F.premises_title == "租赁") & F.materials.lacks("租赁合同复印件"),
                "办公场地租赁，未提供租赁合同复印件",
                "leased premises but no copy of the lease",
            ),
            check(
                "MemberApplication",
                all_of(
                    F.premises_title.is_null(),
                    F.materials.lacks("房产证复印件"),
                    F.materials.lacks("租赁合同复印件"),
                ),
                "未提供房产证或租赁合同复印件",
                "no copy of a title deed or a lease",
            ),
            check(
                "MemberApplication",
                F.copies_sealed.is_false(),
                "复印件未加盖公章",
                "the copies do not bear the company seal",
            ),
            check(
                "MemberApplication",
                F.application_date < F.registration_completed_date,
                "注册登记完毕（{registration_completed_date}）前即提交申请（{application_date}）",
                "applied on {application_date}, before registration was completed on "
                "{registration_completed_date}",
            ),
        ],
        penalty=not_eligible(
            "申请不予审核（原文未规定处罚）",
            "the application cannot be reviewed (no sanction stated)",
        ),
        readings=(EMPTY_IS_UNKNOWN,),
    ),
    reg(
        id="MEM-06-2",
        article="第六条(二)",
        line=243,
        text="(二) 由交易所审核通过后,与交易所签署合作协议,正式成为会员,申请单位缴纳完相关费用,在交易所网站进行公示;"
        "未被批准者交易所出具资格否定书,由申请者自行承担一切申办费用。",
        title=(
            "审核、签约、缴费、公示依序进行；未获批准者出具资格否定书",
            "Review, agreement, fees and publication in order; a rejection letter for the rejected",
        ),
        severity="warning",
        checks=[
            check(
                "MemberApplication",
                F.agreement_date.not_null() & F.review_result.is_null(),
                "未经审核通过即签署合作协议（{agreement_date}）",
                "the agreement was signed on {agreement_date} without a review result",
            ),
            check(
                "MemberApplication",
                F.agreement_date.not_null() & (F.review_result == "未通过"),
                "审核未通过，仍签署合作协议（{agreement_date}）",
                "the review failed but an agreement was signed on {agreement_date}",
            ),
            check(
                "MemberApplication",
                F.agreement_date < F.review_date,
                "合作协议（{agreement_date}）签署早于审核通过（{review_date}）",
                "the agreement ({agreement_date}) predates the review ({review_date})",
            ),
            check(
                "MemberApplication",
                F.publicity_date.not_null() & F.agreement_date.is_null(),
                "未签署合作协议即在网站公示（{publicity_date}）",
                "published on {publicity_date} without a signed agreement",
            ),
            check(
                "MemberApplication",
                F.publicity_date < F.agreement_date,
                "网站公示（{publicity_date}）早于签署合作协议（{agreement_date}）",
                "published on {publicity_date}, before the agreement was signed on "
                "{agreement_date}",
            ),
            check(
                "MemberApplication",
                F.publicity_date.not_null() & F.fees_paid_date.is_null(),
                "未缴纳完相关费用即在网站公示（{publicity_date}）",
                "published on {publicity_date} before the fees were paid",
            ),
            check(
                "MemberApplication",
                F.publicity_date < F.fees_paid_date,
                "网站公示（{publicity_date}）早于缴纳完费用（{fees_paid_date}）",
                "published on {publicity_date}, before the fees were paid on {fees_paid_date}",
            ),
            check(
                "MemberApplication",
                (F.review_result == "未通过") & F.rejection_letter_date.is_null(),
                "申请未被批准，交易所未出具资格否定书",
                "rejected without a rejection letter",
            ),
            check(
                "MemberApplication",
                (F.review_result == "未通过") & F.costs_borne_by_exchange.is_true(),
                "未被批准者的申办费用由交易所承担",
                "the exchange paid a rejected applicant's costs",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "先后顺序依句序：审核通过→签署合作协议→网站公示，公示前须缴纳完费用；"
                    "签约前先行缴费无损于任何一方，不予报告。原文未规定期限。",
                    "The order follows the sentence: review, agreement, publication, with the "
                    "fees paid before publication; paying before signing harms no one and is "
                    "not reported. No deadlines are stated.",
                )
            ),
        ),
    ),
    reg(
        id="MEM-07-1",
        article="第七条",
        line=244,
        text="第七条 会员缴齐交易所相关费用,在交易所指定结算银行开设专用资金结算账户,并签署银行三方监管协议后,"
        "向交易所申请现场实地复审,现场实地复审通过后方可取得交易资格。",
        title=(
            "缴费、开户、三方协议、现场复审通过后方可取得交易资格",
            "Trading only after fees, dedicated account, tripartite agreement and on-site review",
        ),
        severity="warning",
        checks=[
            check(
                "Member",
                F.trading_qualified_date.not_null() & F.fees_paid_full_date.is_null(),
                "费用未缴齐即取得交易资格（{trading_qualified_date}）",
                "trading qualification ({trading_qualified_date}) before the fees were paid in full",
            ),
            check(
                "Member",
                F.trading_qualified_date.not_null() & F.account_opened_date.is_null(),
                "未开设专用资金结算账户即取得交易资格",
                "trading qualification without a dedicated settlement account",
            ),
            check(
                "Member",
                F.trading_qualified_date.not_null() & F.tripartite_agreement_date.is_null(),
                "未签署银行三方监管协议即取得交易资格",
                "trading qualification without the bank tripartite agreement",
            ),
            check(
                "Member",
                F.trading_qualified_date.not_null() & F.onsite_review_passed_date.is_null(),
                "现场实地复审未通过即取得交易资格",
                "trading qualification without passing the on-site review",
            ),
            check(
                "Member",
                F.trading_qualified_date < F.onsite_review_passed_date,
                "取得交易资格（{trading_qualified_date}）早于现场复审通过（{onsite_review_passed_date}）",
                "qualified on {trading_qualified_date}, before the on-site review passed on "
                "{onsite_review_passed_date}",
            ),
            check(
                "Member",
                any_of(
                    F.trading_qualified_date < F.fees_paid_full_date,
                    F.trading_qualified_date < F.account_opened_date,
                    F.trading_qualified_date < F.tripartite_agreement_date,
                ),
                "取得交易资格（{trading_qualified_date}）时缴费、开户或三方协议尚未完成",
                "qualified on {trading_qualified_date} before fees, account and tripartite "
                "agreement were all done",
            ),
            check(
                "Member",
                F.onsite_review_passed_date < F.onsite_review_applied_date,
                "现场复审通过日期早于申请日期",
                "the on-site review passed before it was applied for",
            ),
            check(
                "Member",
                any_of(
                    F.onsite_review_applied_date < F.fees_paid_full_date,
                    F.onsite_review_applied_date < F.account_opened_date,
                    F.onsite_review_applied_date < F.tripartite_agreement_date,
                ),
                "申请现场复审（{onsite_review_applied_date}）时缴费、开户或三方协议尚未完成",
                "the on-site review was applied for on {onsite_review_applied_date} before fees, "
                "account and tripartite agreement were all done",
            ),
            check(
                "Member",
                F.settlement_bank_designated.is_false(),
                "结算银行“{settlement_bank}”不是交易所指定结算银行",
                "the settlement bank {settlement_bank} is not one the exchange designated",
            ),
            check(
                "Member",
                F.settlement_account_dedicated.is_false(),
                "资金结算账户不是专用账户",
                "the settlement account is not a dedicated one",
            ),
        ],
        penalty=NONE_STATED,
        readings=(EMPTY_IS_UNKNOWN,),
    ),
]

# --------------------------------------------------------------------------- A2 inspection, transfer, change reporting


REPORT_WORKING_DAYS = 10  # 第十条: 应当在10个工作日内

# The reporting clock of a change (第十条; 第十八条(十) for the team and contact-person changes
# 第十条 does not list). It starts on the date member.report_clock_start names; when that date is
# not recorded, on the date the change took effect, and clock_basis says so.
_BASIS = P("member.report_clock_start")
_DECIDED = (_BASIS == "decided") & F.decided_date.not_null()
_KNOWN = (_BASIS == "known") & F.known_date.not_null()
CLOCK_ARTICLE = "第十条、第十八条(十)"
derived_field(
    "ChangeEvent",
    "clock_start",
    when(_DECIDED, F.decided_date, when(_KNOWN, F.known_date, F.occurred_date)),
    CLOCK_ARTICLE,
    "起算日",
    "Day the reporting clock starts (not counted)",
)
derived_field(
    "ChangeEvent",
    "clock_basis",
    when(_DECIDED, "decided", when(_KNOWN, "known", "occurred")),
    CLOCK_ARTICLE,
    "起算依据",
    "Which date started the clock",
    choices=("occurred", "decided", "known"),
)
derived_field(
    "ChangeEvent",
    "report_deadline",
    working_day_after(
        F.clock_start,
        when(
            F.change_type.is_in(TEAM_CHANGE_TYPES),
            P("member.team_change_report_working_days"),
            REPORT_WORKING_DAYS,
        ),
    ),
    CLOCK_ARTICLE,
    "报告期限",
    "Last working day to report",
)
derived_field(
    "ChangeEvent",
    "working_days_elapsed",
    working_days_between(F.clock_start, F.reported_date.or_else(AUDIT_DATE)),
    CLOCK_ARTICLE,
    "已过工作日",
    "Working days from the clock start to the report, or to the audit date",
)
derived_field(
    "ChangeEvent",
    "reported",
    when(F.reported_date.not_null(), True, False),
    CLOCK_ARTICLE,
    "已报告",
    "A report date is recorded",
)


# When an exchange request had to be met (第十条(十), 第十八条(十一)): by its own deadline, else
# within 10 working days for a written report and member.request_default_working_days otherwise.
REQUEST_ARTICLE = "第十条(十)、第十八条(十一)"
_UNDATED = when(F.due_date.is_null(), F.request_date, None)  # the default only where it is used
derived_field(
    "ExchangeRequest",
    "deadline",
    F.due_date.or_else(
        working_day_after(
            _UNDATED,
            when(
                F.request_type == "书面报告",
                REPORT_WORKING_DAYS,
                P("member.request_default_working_days"),
            ),
        )
    ),
    REQUEST_ARTICLE,
    "完成期限",
    "The exchange's deadline, or the working-day default",
)
derived_field(
    "ExchangeRequest",
    "working_days_elapsed",
    working_days_between(F.request_date, F.completed_date.or_else(AUDIT_DATE)),
    REQUEST_ARTICLE,
    "已过工作日",
    "Working days from the request to completion, or to the audit date",
)
derived_field(
    "ExchangeRequest",
    "days_late",
    F.completed_date.or_else(AUDIT_DATE) - F.deadline,
    REQUEST_ARTICLE,
    "逾期天数",
    "Calendar days past the deadline (negative: days left)",
)


# 第五条(一)(三): the capital compared with 1000万 (registered or paid-in, as configured) and the
# applicant's staff by level, against the shares the text requires.
derived_field(
    "MemberApplication",
    "capital_for_admission_cny",
    when(
        P("member.capital_basis") == "registered",
        F.registered_capital_cny,
        F.paid_in_capital_cny,
    ),
    "第五条(一)",
    "认定注册资本(元)",
    "Capital compared with 1000万: registered or paid-in, as configured",
)
_STAFF = related("ApplicantStaff", application_id=F.application_id)
_SENIOR, _MIDDLE, _JUNIOR = (R.level == level for level in ("高层", "中层", "基层"))
# 最近3年内: from three years before the application up to its day.
_THREE_YEARS = F.application_date - months(36)
_RECENT = (R.last_misconduct_date >= _THREE_YEARS) & (R.last_misconduct_date <= F.application_date)
_CLEAN = (
    R.last_misconduct_date.is_null()
    | (R.last_misconduct_date < _THREE_YEARS)
    | (R.last_misconduct_date > F.application_date)
)
for _name, _expression, _label, _description in (
    ("senior_staff_count", _STAFF.where(_SENIOR).count(), "高层人数", "Senior managers listed"),
    (
        "senior_required_count",
        (F.senior_staff_count + 2) // 3,  # 至少三分之一以上: 1 of 3 is enough
        "高层须达标人数",
        "At least one third of them, rounded up",
    ),
    (
        "senior_experienced_count",
        _STAFF.where(_SENIOR & (R.finance_experience_years >= 5)).count(),
        "高层5年以上人数",
        "Senior managers with ≥ 5 years",
    ),
    (
        "senior_recent_record_count",
        _STAFF.where(_SENIOR & _RECENT).count(),
        "高层3年内有记录人数",
        "Senior managers with a violation or bad-credit record in 3 years",
    ),
    (
        "senior_experienced_clean_count",
        _STAFF.where(_SENIOR & (R.finance_experience_years >= 5) & _CLEAN).count(),
        "高层5年以上且无记录人数",
        "Senior managers with ≥ 5 years and no record in 3 years",
    ),
    ("middle_staff_count", _STAFF.where(_MIDDLE).count(), "中层人数", "Middle managers listed"),
    (
        "middle_required_count",
        (2 * F.middle_staff_count + 2) // 3,
        "中层须达标人数",
        "At least two thirds of them, rounded up",
    ),
    (
        "middle_experienced_count",
        _STAFF.where(_MIDDLE & (R.finance_experience_years >= 3)).count(),
        "中层3年以上人数",
        "Middle managers with ≥ 3 years",
    ),
    ("junior_staff_count", _STAFF.where(_JUNIOR).count(), "基层人数", "Staff listed"),
    (
        "junior_inexperienced_count",
        _STAFF.where(_JUNIOR & (R.finance_experience_years < 1)).count(),
        "基层不足1年人数",
        "Staff with less than 1 year",
    ),
):
    derived_field("MemberApplication", _name, _expression, "第五条(三)", _label, _description)

# 第十四条(十一): financial products that need the State Council's approval.
derived_field(
    "BusinessActivity",
    "restricted_financial_product",
    when(F.business_type.is_in(P("member.restricted_financial_products")), True, False),
    "第十四条(十一)",
    "属于须批准的金融产品",
    "The business type is in member.restricted_financial_products",
)


# The member's status in the register, read where a duty ends in termination, revocation or
# cancellation (第八条, 第十八条, 第二十条(四)): empty when the register lacks the member.
_MEMBER = related("Member", member_id=F.member_id)
for _kind, _article in (
    ("AnnualInspection", "第八条"),
    ("Rectification", "第十八条"),
    ("LegalFinding", "第二十条(四)"),
):
    derived_field(
        _kind,
        "member_status",
        _MEMBER.last(R.status),
        _article,
        "会员当前状态",
        "The member's status in the register",
    )
    derived_field(
        _kind,
        "member_ended",
        when(F.member_status.is_in(ENDED_STATUSES), True, when(_MEMBER.count() > 0, False, None)),
        _article,
        "会员资格已终止",
        "终止, 撤销 or 取消; empty if the member is unknown",
    )

derived_field(
    "AnnualInspection",
    "days_since_result",
    AUDIT_DATE - F.result_date.or_else(F.registration_date),
    "第八条",
    "审查后天数",
    "Days from the result (or, undated, the registration) to the audit date",
)
derived_field(
    "Rectification",
    "days_late",
    F.completed_date.or_else(AUDIT_DATE) - F.deadline,
    "第十八条",
    "逾期天数",
    "Days from the deadline to completion, or to the audit date",
)
derived_field(
    "Termination",
    "days_since_agreement",
    AUDIT_DATE - F.agreement_date,
    "第十一条(四)",
    "协议签署后天数",
    "Days from the agreement to the audit date",
)

# 第十一条(五): the reserve is refunded 40% four months and 60% six months after the exchange's
# notice terminating the membership (of the member's latest termination application).
derived_field(
    "MarginRefund",
    "exchange_notice_date",
    related("Termination", member_id=F.member_id).last(
        R.exchange_notice_date, by=(R.application_date,)
    ),
    "第十一条(五)",
    "交易所终止公告日期",
    "From the member's termination",
)
for _tranche, _months, _label, _description in (
    ("tranche1", 4, "首次", "first"),
    ("tranche2", 6, "二次", "second"),
):
    derived_field(
        "MarginRefund",
        f"{_tranche}_earliest",
        F.exchange_notice_date + months(_months),
        "第十一条(五)",
        f"{_label}最早退还日",
        f"Notice date + {_months} months",
    )
    derived_field(
        "MarginRefund",
        f"{_tranche}_available",
        when(getattr(F, f"{_tranche}_earliest") <= AUDIT_DATE, True, False),
        "第十一条(五)",
        f"{_label}已可退还",
        f"The audit date is on or after the {_description} date",
    )
derived_field(
    "MarginRefund",
    "required_reserve_cny",
    F.peak_margin_cny.percent(20),
    "第十一条(五)",
    "应留风险保障金(元)",
    "20% of the peak margin, to the 分",
)
derived_field(
    "MarginRefund",
    "tranche1_due_cny",
    F.reserve_cny.percent(40),
    "第十一条(五)",
    "首次应退金额(元)",
    "40% of the reserve retained",
)
derived_field(
    "MarginRefund",
    "tranche2_due_cny",
    F.reserve_cny - F.tranche1_due_cny,
    "第十一条(五)",
    "二次应退金额(元)",
    "The remaining 60% of the reserve retained",
)
derived_field(
    "MarginRefund",
    "refunded_total_cny",
    F.tranche1_cny + F.tranche2_cny,
    "第十一条(五)",
    "已退合计(元)",
    "Both tranches, when both are paid",
)

# Fees (第十一条(三), 第十九条).
derived_field(
    "FeeInvoice",
    "days_overdue",
    F.paid_date.or_else(AUDIT_DATE) - F.due_date,
    "第十九条(二)",
    "逾期天数",
    "Days from the due date to payment, or to the audit date",
)
derived_field(
    "FeeRefund",
    "revoked_before_refund",
    _MEMBER.where((R.status == "撤销") & (R.status_date <= F.refund_date)).exists(),
    "第十一条(三)",
    "退费前已撤销会员资格",
    "Membership revoked on or before the refund",
)
derived_field(
    "FeeRefund",
    "terminating_before_refund",
    related("Termination", member_id=F.member_id)
    .where(R.application_date <= F.refund_date)
    .exists(),
    "第十一条(三)",
    "退费前已申请终止",
    "A termination application on or before the refund",
)
_SCHEDULE = related("FeeSchedule", fee_type=F.fee_type)
derived_field(
    "TraderFee",
    "schedule_max_cny",
    _SCHEDULE.last(R.max_amount_cny),
    "第十九条(一)",
    "收费上限(元)",
    "From the fee schedule",
)
derived_field(
    "TraderFee",
    "on_schedule",
    _SCHEDULE.exists(),
    "第十九条(一)",
    "在收费标准内",
    "The fee type is on the schedule",
)

# 第十四条(二): a trade needs a mandate of its trader covering the trade date.
derived_field(
    "Trade",
    "mandate_id",
    related("Mandate", member_id=F.member_id, trader_id=F.trader_id)
    .where((R.valid_from <= F.trade_date) & (R.valid_to.is_null() | (R.valid_to >= F.trade_date)))
    .first(R.mandate_id, by=(R.valid_from, R.mandate_id)),
    "第十四条(二)",
    "委托编号",
    "A mandate of the trader covering the trade date",
)

# 第二十条(三): other-venue qualifications not reported to and approved by the exchange.
derived_field(
    "Member",
    "unapproved_other_venues",
    related("ChangeEvent", member_id=F.member_id)
    .where(
        R.change_type.is_in(OTHER_VENUE_TYPES)
        & (
            R.reported_date.is_null()
            | R.exchange_approved.is_null()
            | R.exchange_approved.is_false()
        )
    )
    .count(),
    "第二十条(三)",
    "未经报备批准的其它场所资格数",
    "Other-venue qualifications not reported and approved",
)


def reporting_checks(
    kind_types: tuple[str, ...], days: object, extra: Condition | None = None
) -> list[Check]:
    """Late, missing and unwritten reports of the given change types within `days` working days."""
    applies = F.change_type.is_in(kind_types)
    if extra is not None:
        applies = applies & extra
    return [
        check(
            "ChangeEvent",
            all_of(applies, F.reported.is_true(), F.working_days_elapsed > days),
            "“{change_type}”自{clock_start}起算，应于{report_deadline}前书面报告，{reported_date}才报告"
            "（第{working_days_elapsed}个工作日）",
            "{change_type}: the clock started {clock_start} and the report was due by "
            "{report_deadline}; it came on {reported_date} (working day "
            "{working_days_elapsed})",
        ),
        check(
            "ChangeEvent",
            all_of(applies, F.reported.is_false(), F.working_days_elapsed > days),
            "“{change_type}”自{clock_start}起已过{working_days_elapsed}个工作日，仍未报告（期限{report_deadline}）",
            "{change_type}: {working_days_elapsed} working days since {clock_start} and still "
            "not reported (due by {report_deadline})",
        ),
        check(
            "ChangeEvent",
            all_of(applies, F.reported.is_true(), F.report_written.is_false()),
            "“{change_type}”的报告不是书面报告",
            "the report of {change_type} was not in writing",
        ),
    ]


LEAD_IN = "第十条 会员有下列情况之一的,应当在10个工作日内向交易所提供以下书面报告:"


def change_rule(
    number: str,
    item_number: str,
    line: int,
    item_text: str,
    types: tuple[str, ...],
    title: tuple[str, str],
    extra: Condition | None = None,
    readings: tuple[Reading, ...] = (),
) -> Rule:
    return reg(
        id=f"MEM-10-{number}",
        article=f"第十条({item_number})",
        line=line,
        text=f"{LEAD_IN}\n{item_text}",
        title=title,
        severity="error",
        checks=reporting_checks(types, 10, extra),
        penalty=item(ART18, "十"),
        readings=(WORKING_DAYS, CLOCK, *readings),
    )


REPORTING_RULES = [
    reg(
        id="MEM-08-1",
        article="第八条",
        line=245,
        text="第八条 交易所对会员实行年检登记制度,年检登记时间为每年的7月1日至8月31日。",
        title=(
            "每年7月1日至8月31日办理年检登记",
            "Annual inspection registration 1 July – 31 August",
        ),
        severity="warning",
        checks=[
            check(
                "MemberInspectionYear",
                F.registered_in_window.is_false(),
                "{year}年未在年检登记期（{window_start}至{window_end}）内登记（当年登记日期：{registration_dates}）",
                "no registration in the {year} window ({window_start} – {window_end}); "
                "registrations that year: {registration_dates}",
            )
        ],
        penalty=not_eligible(
            "原文未规定逾期登记的处罚；审查未通过的终止会员资格（MEM-08-2）",
            "no sanction stated for missing the window; failing the inspection ends "
            "membership (MEM-08-2)",
        ),
        needs_kinds=("AnnualInspection",),
        readings=(
            Reading(
                Text(
                    "7月1日与8月31日均在登记期内。",
                    "1 July and 31 August are both inside the window.",
                )
            ),
            Reading(
                Text(
                    "当年新入会会员：默认7月1日前（含）入会的须参加当年年检。",
                    "Members admitted during the year must register that year when "
                    "admitted by 1 July (by default).",
                ),
                "member.inspection_new_members",
            ),
            Reading(
                Text(
                    "登记期尚未结束的年度不检查；会员在某年登记期结束前（含8月31日）退出的，"
                    "该年及以后不检查。",
                    "A window not yet closed on the audit date is not checked, nor any "
                    "window that closed after the member left (leaving on 31 August counts).",
                )
            ),
            Reading(
                Text(
                    "默认自入会年度起检查，可设定起始年度以匹配数据覆盖的年份。",
                    "Years are checked from admission unless a first year is set to "
                    "match the data.",
                ),
                "member.inspection_from_year",
            ),
        ),
    ),
    reg(
        id="MEM-08-2",
        article="第八条",
        line=245,
        text="经审查通过年检的,交易所将在网站上予以公告;经审查未通过年检的,交易所终止其会员资格,并予以公告。",
        title=(
            "年检结果公告；未通过的终止会员资格",
            "Inspection results announced; failing members terminated",
        ),
        severity="critical",
        checks=[
            check(
                "AnnualInspection",
                (F.result == "未通过") & F.member_ended.is_false(),
                "{year}年检未通过，会员资格仍为“{member_status}”，应终止会员资格并公告",
                "failed the {year} inspection but membership is still {member_status}: it must "
                "be terminated and announced",
            ),
            check(
                "AnnualInspection",
                all_of(
                    F.result.not_null(),
                    F.announced_date.is_null(),
                    F.days_since_result > P("member.announcement_grace_days"),
                ),
                "{year}年检审查结果（{result}）已作出{days_since_result}天，交易所未予公告",
                "the {year} inspection result ({result}) is {days_since_result} days old and was "
                "not announced",
                severity="warning",
                penalty=not_eligible(
                    "公告义务，原文未规定处罚", "a duty to announce; no sanction stated"
                ),
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="第八条",
            text="经审查未通过年检的,交易所终止其会员资格,并予以公告",
            measures=(Measure.MEMBERSHIP_TERMINATED, Measure.ANNOUNCEMENT),
        ),
        readings=(
            Reading(
                Text(
                    "原文未规定公告期限；默认至审计日仍未公告即报告，可设宽限天数。",
                    "No deadline is stated for the announcement; by default a missing "
                    "one is reported, after an optional grace period.",
                ),
                "member.announcement_grace_days",
            ),
        ),
    ),
    reg(
        id="MEM-09-1",
        article="第九条",
        line=246,
        text="第九条 交易所会员可以通过股权转让等方式转让其会员资格,禁止以承包、出租、抵押等方式私下转让会员资格。",
        title=("禁止私下转让会员资格", "No private transfer of membership"),
        severity="critical",
        checks=[
            check(
                "MembershipTransfer",
                F.method.is_in(["承包", "出租", "抵押"]),
                "以{method}方式转让会员资格",
                "membership transferred by {method}",
            ),
            check(
                "MembershipTransfer",
                F.exchange_approved.is_false(),
                "会员资格转让（{method}）未经交易所批准，属私下转让",
                "the transfer ({method}) was not approved by the exchange: a private transfer",
            ),
        ],
        penalty=item(ART20, "一"),
        readings=(
            Reading(
                Text(
                    "承包、出租、抵押一律禁止；其他方式（含股权转让）未经交易所批准即为“私下”转让。"
                    "处罚见第二十条(一)，故第二十条(一)的私下转让部分不另设规则。",
                    "承包, 出租 and 抵押 are banned outright; any other method, equity "
                    "transfer included, is private without the exchange's approval. "
                    "The sanction is 第二十条(一), whose private-transfer half has no "
                    "rule of its own.",
                )
            ),
        ),
    ),
    change_rule(
        "1",
        "一",
        248,
        "(一) 变更法定代表人;",
        ("法定代表人",),
        (
            "变更法定代表人10个工作日内书面报告",
            "Report a new legal representative within 10 working days",
        ),
    ),
    change_rule(
        "2",
        "二",
        249,
        "(二) 变更注册资本或股权结构;",
        ("注册资本", "股权结构"),
        (
            "变更注册资本或股权结构10个工作日内书面报告",
            "Report a change of capital or shareholding within 10 working days",
        ),
        readings=(
            Reading(
                Text(
                    "“股权结构”未设重要性门槛，任何股东变动均须报告。",
                    "No materiality threshold: any shareholder change counts.",
                )
            ),
        ),
    ),
    change_rule(
        "3",
        "三",
        250,
        "(三) 变更名称、住所或者营业场所、经营范围及联系方式;",
        ("名称", "住所", "营业场所", "经营范围", "联系方式"),
        (
            "变更名称、住所、营业场所、经营范围或联系方式10个工作日内书面报告",
            "Report a change of name, domicile, premises, scope or contacts within 10 working days",
        ),
    ),
    change_rule(
        "4",
        "四",
        251,
        "(四) 设立、合并或者终止分支机构;",
        ("设立分支机构", "合并分支机构", "终止分支机构"),
        (
            "设立、合并或终止分支机构10个工作日内书面报告",
            "Report opening, merging or closing a branch within 10 working days",
        ),
    ),
    change_rule(
        "5",
        "五",
        252,
        "(五) 变更分支机构的营业场所、负责人或者经营范围;",
        ("分支机构营业场所", "分支机构负责人", "分支机构经营范围"),
        (
            "变更分支机构营业场所、负责人或经营范围10个工作日内书面报告",
            "Report a branch's new premises, head or scope within 10 working days",
        ),
    ),
    change_rule(
        "6",
        "六",
        253,
        "(六) 经营状况发生重大变化;",
        ("经营状况重大变化",),
        (
            "经营状况重大变化10个工作日内书面报告",
            "Report a material change in business within 10 working days",
        ),
        readings=(
            Reading(
                Text(
                    "“重大”未定义；以记录中是否登记为“经营状况重大变化”为准。",
                    "'Material' is not defined; the record's classification decides.",
                )
            ),
        ),
    ),
    change_rule(
        "7",
        "七",
        254,
        "(七) 发生5万元以上诉讼案件或经济纠纷;",
        ("诉讼或经济纠纷",),
        (
            "5万元以上诉讼或经济纠纷10个工作日内书面报告",
            "Report litigation or disputes of 50,000 yuan or more within 10 working days",
        ),
        extra=F.amount_cny >= 50_000,
        readings=(
            INCLUSIVE,
            Reading(
                Text(
                    "“5万元以上”含5万元；金额按争议（诉请）金额计；金额为空的不予判断。",
                    "50,000 yuan or more, 50,000 included, on the amount in "
                    "dispute; an empty amount is not judged.",
                )
            ),
        ),
    ),
    change_rule(
        "8",
        "八",
        255,
        "(八) 取得其它交易所会员资格;",
        ("取得其它交易所会员资格",),
        (
            "取得其它交易所会员资格10个工作日内书面报告",
            "Report membership of another exchange within 10 working days",
        ),
    ),
    change_rule(
        "9",
        "九",
        256,
        "(九) 因涉嫌违法、违规受到司法机关立案调查、处罚的;",
        ("司法立案调查或处罚",),
        (
            "受司法机关立案调查、处罚10个工作日内书面报告",
            "Report a judicial investigation or penalty within 10 working days",
        ),
    ),
    reg(
        id="MEM-10-10",
        article="第十条(十)",
        line=257,
        text=f"{LEAD_IN}\n(十) 交易所要求报告的其它情况的;",
        title=(
            "交易所要求报告的事项10个工作日内书面报告",
            "Report what the exchange asks for within 10 working days",
        ),
        severity="error",
        checks=[
            check(
                "ExchangeRequest",
                all_of(
                    F.request_type == "书面报告",
                    F.completed_date.not_null(),
                    F.working_days_elapsed > 10,
                ),
                "交易所于{request_date}要求书面报告“{topic}”，{completed_date}才报告（第{working_days_elapsed}个工作日）",
                "asked on {request_date} for a written report on {topic}; reported on "
                "{completed_date} (working day {working_days_elapsed})",
            ),
            check(
                "ExchangeRequest",
                all_of(
                    F.request_type == "书面报告",
                    F.completed_date.is_null(),
                    F.working_days_elapsed > 10,
                ),
                "交易所于{request_date}要求书面报告“{topic}”，已过{working_days_elapsed}个工作日仍未报告",
                "asked on {request_date} for a written report on {topic}; "
                "{working_days_elapsed} working days on, not reported",
            ),
            check(
                "ExchangeRequest",
                all_of(
                    F.request_type == "书面报告", F.completed_date.not_null(), F.written.is_false()
                ),
                "对交易所要求的“{topic}”未作书面报告",
                "the report on {topic} was not in writing",
            ),
        ],
        penalty=item(ART18, "十"),
        readings=(
            WORKING_DAYS,
            Reading(
                Text(
                    "自交易所提出要求之日起算。目录将第十八条(十)的经营团队、业务联系人变动并入本条；"
                    "本规则按第十条(十)原文仅涵盖交易所的要求，团队与联系人变动见MEM-18-10。",
                    "The clock starts on the exchange's request. The catalogue folds "
                    "第十八条(十)'s team and contact changes in here; this rule follows "
                    "第十条(十)'s text (requests only) and those changes are MEM-18-10.",
                )
            ),
            Reading(
                Text(
                    "交易所为书面报告另定的完成日期不改变第十条的10个工作日（该日期仅作记录）。",
                    "A completion date the exchange sets for a written report does not change "
                    "第十条's 10 working days; it is kept for the record only.",
                )
            ),
        ),
    ),
]

# --------------------------------------------------------------------------- A3 termination and margin refund

GRACE = Reading(
    Text(
        "原文未规定公告期限；默认至审计日仍未公告即报告，可设宽限天数。",
        "No deadline is stated for the notices; by default a missing one is "
        "reported, after an optional grace period.",
    ),
    "member.announcement_grace_days",
)
REFUND_READINGS = (
    Reading(
        Text(
            "“自确立交易所发布…之日起”有误，按交易所发布终止公告之日起算；“四个月后/六个月后”指最早可退还日（含当日）。",
            "'自确立交易所发布…之日起' is garbled: counted from the exchange's termination "
            "notice; 'after four/six months' is the earliest day, that day included.",
        )
    ),
    Reading(
        Text(
            "40%与60%按实际留存的风险保障金计算，四舍五入到分；原文未规定最迟退还日，已到期未退还仅作提示。",
            "40% and 60% are of the reserve retained, rounded to the fen; no latest date is "
            "stated, so an unpaid tranche past its date is a notice, not a breach.",
        )
    ),
)

TERMINATION_RULES = [
    reg(
        id="MEM-11-1",
        article="第十一条(一)",
        line=259,
        text="(一) 会员应向交易所提供如下材料:\n1、 关于终止会员资格的股东会决议;\n2、 关于终止会员资格的申请;\n"
        "3、 客户安置及保证金清退方案;\n4、提交关于终止后的纠纷处理和责任归属声明;\n5、 交易所要求的其它材料。",
        title=("申请终止会员资格须提交齐全材料", "Complete materials to terminate membership"),
        severity="warning",
        checks=[
            *(
                check("Termination", F.materials.lacks(m), f"未提交{m}", f"{m} not submitted")
                for m in TERMINATION_MATERIALS
            ),
            check(
                "Termination",
                F.other_materials_requested.is_true() & F.other_materials_provided.is_false(),
                "未提交交易所要求的其它材料",
                "other materials the exchange asked for were not provided",
            ),
        ],
        penalty=not_eligible(
            "申请材料不全（原文未规定处罚）", "incomplete application (no sanction stated)"
        ),
    ),
    reg(
        id="MEM-11-2",
        article="第十一条(二)",
        line=265,
        text="(二) 会员应妥善处理、安置所有客户,清退所有客户保证金及交易、结算资料的后续保管事宜,"
        "交易所为其客户推荐至其他会员单位交易或者由客户自行销户、出金;所有交易、结算资料等档案按照交易所有关制度规定由交易所存放,"
        "并由申请终止的会员一次性付清所有保管费用。",
        title=(
            "终止前安置全部客户、清退保证金、一次性付清保管费",
            "Before termination: clients placed, margins refunded, storage fees paid at once",
        ),
        severity="warning",
        checks=[
            check(
                "Termination",
                F.agreement_date.not_null() & (F.clients_open > 0),
                "签署终止协议时仍有{clients_open}名客户未安置",
                "{clients_open} clients not placed at the agreement",
            ),
            check(
                "Termination",
                F.agreement_date.not_null() & (F.client_margin_outstanding_cny > 0),
                "签署终止协议时客户保证金{client_margin_outstanding_cny}元未清退",
                "{client_margin_outstanding_cny} yuan of client margin not refunded at the agreement",
            ),
            check(
                "Termination",
                F.storage_fee_payments > 1,
                "保管费分{storage_fee_payments}次支付，未一次性付清",
                "the storage fee was paid in {storage_fee_payments} instalments, not at once",
            ),
            check(
                "Termination",
                F.agreement_date.not_null() & (F.storage_fee_payments == 0),
                "签署终止协议时未支付保管费用",
                "no storage fee paid at the agreement",
            ),
            check(
                "Termination",
                F.agreement_date.not_null() & (F.storage_fee_outstanding_cny > 0),
                "签署终止协议时保管费尚欠{storage_fee_outstanding_cny}元",
                "{storage_fee_outstanding_cny} yuan of storage fee unpaid at the agreement",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            EMPTY_IS_UNKNOWN,
            Reading(
                Text(
                    "客户安置与保证金清退以签署终止协议时为判断时点（第十一条(四)“上述处置完成后”）。",
                    "Placement and refunds are judged when the termination agreement is "
                    "signed (第十一条(四): after the above is done).",
                )
            ),
        ),
    ),
    reg(
        id="MEM-11-3",
        article="第十一条(三)",
        line=266,
        text="(三) 会员应结清与交易所的所有费用,交易所已经收取会员的各种费用不予退还,在处理会员终止过程中产生的所有费用由会员自行承担。",
        title=(
            "结清费用；已收费用不退；终止费用由会员承担",
            "Fees settled; fees collected not refunded; termination costs borne by the member",
        ),
        severity="warning",
        checks=[
            check(
                "Termination",
                F.agreement_date.not_null() & (F.exchange_fees_outstanding_cny > 0),
                "签署终止协议时尚欠交易所费用{exchange_fees_outstanding_cny}元",
                "{exchange_fees_outstanding_cny} yuan owed to the exchange at the agreement",
            ),
            check(
                "Termination",
                F.costs_borne_by_exchange_cny > 0,
                "终止过程中的费用{costs_borne_by_exchange_cny}元由交易所承担",
                "the exchange paid {costs_borne_by_exchange_cny} yuan of termination costs",
            ),
            check(
                "FeeRefund",
                F.terminating_before_refund.is_true(),
                "会员申请终止后，交易所退还已收取的{fee_type}{amount_cny}元（{refund_date}）",
                "after the member applied to terminate, the exchange refunded {amount_cny} yuan "
                "of {fee_type} on {refund_date}",
            ),
        ],
        penalty=not_eligible(
            "已收费用不予退还（原文未规定处罚）",
            "fees collected are not refunded (no sanction stated)",
        ),
        readings=(EMPTY_IS_UNKNOWN,),
    ),
    reg(
        id="MEM-11-4",
        article="第十一条(四)",
        line=267,
        text="(四) 上述处置完成后,交易所与会员签署书面终止会员资格协议,由会员自行在公开媒体发布终止会员资格公告,"
        "交易所也将通过网站等方式发布终止会员资格公告。",
        title=(
            "处置完成后签署终止协议并双方公告",
            "Agreement after disposal; both parties announce",
        ),
        severity="warning",
        checks=[
            check(
                "Termination",
                F.agreement_date < F.disposal_completed_date,
                "终止协议（{agreement_date}）签署早于处置完成（{disposal_completed_date}）",
                "the agreement ({agreement_date}) predates the end of disposal "
                "({disposal_completed_date})",
            ),
            check(
                "Termination",
                all_of(
                    F.agreement_date.not_null(),
                    F.member_notice_date.is_null(),
                    F.days_since_agreement > P("member.announcement_grace_days"),
                ),
                "签署终止协议{days_since_agreement}天后，会员仍未在公开媒体发布终止公告",
                "{days_since_agreement} days after the agreement the member has not announced "
                "the termination in public media",
            ),
            check(
                "Termination",
                all_of(
                    F.agreement_date.not_null(),
                    F.exchange_notice_date.is_null(),
                    F.days_since_agreement > P("member.announcement_grace_days"),
                ),
                "签署终止协议{days_since_agreement}天后，交易所仍未发布终止会员资格公告",
                "{days_since_agreement} days after the agreement the exchange has not announced "
                "the termination",
            ),
        ],
        penalty=NONE_STATED,
        readings=(GRACE,),
    ),
    reg(
        id="MEM-11-5a",
        article="第十一条(五)",
        line=268,
        text="(五) 会员保证金退出办法按照保证金最大峰值计算,保留其最大峰值金额的20%用作风险保障金",
        title=(
            "按保证金最大峰值的20%留存风险保障金",
            "Retain 20% of the peak margin as risk reserve",
        ),
        severity="warning",
        checks=[
            check(
                "MarginRefund",
                F.reserve_cny != F.required_reserve_cny,
                "风险保障金{reserve_cny}元，应为保证金最大峰值{peak_margin_cny}元的20%即{required_reserve_cny}元",
                "the reserve is {reserve_cny} yuan; 20% of the {peak_margin_cny} yuan peak is "
                "{required_reserve_cny} yuan",
            )
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "20%四舍五入到分；多留或少留均报告。“会员保证金”与峰值计算区间原文未定义，以记录为准。",
                    "20% rounded to the fen; retaining more or less is reported. The "
                    "text defines neither the margin nor the peak's window; the record "
                    "decides.",
                )
            ),
        ),
    ),
    reg(
        id="MEM-11-5b",
        article="第十一条(五)",
        line=268,
        text="自确立交易所发布终止其会员资格公告之日起,四个月后退还风险保障金的40%",
        title=(
            "公告四个月后退还风险保障金的40%",
            "Refund 40% of the reserve four months after the notice",
        ),
        severity="warning",
        checks=[
            check(
                "MarginRefund",
                F.tranche1_date.not_null() & F.exchange_notice_date.is_null(),
                "交易所尚未发布终止公告即退还风险保障金（{tranche1_date}）",
                "reserve refunded on {tranche1_date} with no termination notice",
            ),
            check(
                "MarginRefund",
                F.tranche1_date < F.tranche1_earliest,
                "首次退还（{tranche1_date}）早于公告后四个月（{tranche1_earliest}）",
                "first refund on {tranche1_date}, before four months after the notice "
                "({tranche1_earliest})",
            ),
            check(
                "MarginRefund",
                F.tranche1_cny != F.tranche1_due_cny,
                "首次退还{tranche1_cny}元，应为风险保障金的40%即{tranche1_due_cny}元",
                "first refund of {tranche1_cny} yuan; 40% of the reserve is {tranche1_due_cny} yuan",
            ),
            check(
                "MarginRefund",
                F.tranche1_date.is_null() & F.tranche1_available.is_true(),
                "自{tranche1_earliest}起可退还风险保障金的40%（{tranche1_due_cny}元），尚未退还",
                "40% of the reserve ({tranche1_due_cny} yuan) may be refunded from "
                "{tranche1_earliest} and has not been",
                severity="info",
            ),
        ],
        penalty=NONE_STATED,
        readings=REFUND_READINGS,
    ),
    reg(
        id="MEM-11-5c",
        article="第十一条(五)",
        line=268,
        text="六个月后退还剩余的60%",
        title=("公告六个月后退还剩余的60%", "Refund the remaining 60% six months after the notice"),
        severity="warning",
        checks=[
            check(
                "MarginRefund",
                F.tranche2_date.not_null() & F.exchange_notice_date.is_null(),
                "交易所尚未发布终止公告即退还剩余风险保障金（{tranche2_date}）",
                "remaining reserve refunded on {tranche2_date} with no termination notice",
            ),
            check(
                "MarginRefund",
                F.tranche2_date < F.tranche2_earliest,
                "二次退还（{tranche2_date}）早于公告后六个月（{tranche2_earliest}）",
                "second refund on {tranche2_date}, before six months after the notice "
                "({tranche2_earliest})",
            ),
            check(
                "MarginRefund",
                F.tranche2_cny != F.tranche2_due_cny,
                "二次退还{tranche2_cny}元，应为剩余的60%即{tranche2_due_cny}元",
                "second refund of {tranche2_cny} yuan; the remaining 60% is {tranche2_due_cny} yuan",
            ),
            check(
                "MarginRefund",
                F.refunded_total_cny != F.reserve_cny,
                "两次退还合计{refunded_total_cny}元，与风险保障金{reserve_cny}元不符",
                "the two refunds total {refunded_total_cny} yuan, not the {reserve_cny} yuan "
                "reserve",
            ),
            check(
                "MarginRefund",
                F.tranche2_date.is_null() & F.tranche2_available.is_true(),
                "自{tranche2_earliest}起可退还剩余的60%（{tranche2_due_cny}元），尚未退还",
                "the remaining 60% ({tranche2_due_cny} yuan) may be refunded from "
                "{tranche2_earliest} and has not been",
                severity="info",
            ),
        ],
        penalty=NONE_STATED,
        readings=REFUND_READINGS,
    ),
]

# --------------------------------------------------------------------------- A4 duties and prohibitions

DUTY_RULES = [
    reg(
        id="MEM-13-3",
        article="第十三条(三)",
        line=279,
        text="(三) 接受交易所监督管理,参加交易所组织的各项活动;",
        title=("参加交易所组织的各项活动", "Take part in the exchange's activities"),
        severity="error",
        checks=[
            check(
                "ActivityAttendance",
                F.attended.is_false(),
                "未参加交易所组织的活动“{activity_name}”（{activity_date}）",
                "did not take part in the exchange's activity {activity_name} on {activity_date}",
            )
        ],
        penalty=item(ART18, "十一"),
        readings=(
            Reading(
                Text(
                    "原文未设请假等例外；缺席一律报告，是否认定由交易所审核（第十八条“经交易所审核认定后”）。"
                    "处罚依据第十八条(十一)。",
                    "The text allows no excuse; every absence is reported and the "
                    "exchange's review decides (第十八条). Sanction: 第十八条(十一).",
                )
            ),
        ),
    ),
    reg(
        id="MEM-14-1",
        article="第十四条(一)",
        line=284,
        text="(一)严格考核交易商的准入条件;",
        title=("严格考核交易商准入条件", "Check traders' eligibility"),
        severity="error",
        checks=[
            check(
                "TraderOnboarding",
                F.eligibility_check_date.is_null(),
                "交易商{trader_id}开户（{account_open_date}）未经准入审核",
                "trader {trader_id}'s account was opened on {account_open_date} without an "
                "eligibility check",
            ),
            check(
                "TraderOnboarding",
                F.eligibility_check_date > F.account_open_date,
                "准入审核（{eligibility_check_date}）晚于开户（{account_open_date}）",
                "the eligibility check ({eligibility_check_date}) came after the account was "
                "opened ({account_open_date})",
            ),
            check(
                "TraderOnboarding",
                F.eligibility_result == "不合格",
                "交易商{trader_id}准入审核不合格仍为其开户",
                "trader {trader_id} failed the eligibility check but the account was opened",
            ),
        ],
        penalty=item(ART18, "一"),
    ),
    reg(
        id="MEM-14-2",
        article="第十四条(二)",
        line=285,
        text="(二)严禁未经交易商委托、违背交易商意愿、假借交易商名义等方式开展交易活动;",
        title=("不得未经交易商委托开展交易", "No trading without the trader's mandate"),
        severity="error",
        checks=[
            check(
                "Trade",
                F.mandate_id.is_null(),
                "交易商{trader_id}于{trade_date}的交易{trade_id}没有覆盖该日的有效委托",
                "trade {trade_id} for trader {trader_id} on {trade_date} has no mandate covering "
                "that day",
            )
        ],
        penalty=item(ART18, "二"),
        needs_kinds=("Mandate",),
        readings=(
            Reading(
                Text(
                    "可由记录判断的是“未经委托”：交易日须在该交易商对该会员的委托有效期内（含首尾日）。"
                    "“违背意愿、假借名义”须经调查认定，不在本规则内。",
                    "What records can show is trading without a mandate: the trade date "
                    "must fall within a mandate of that trader to that member (both "
                    "ends included). Acting against the trader's will or in a false "
                    "name needs an investigation's finding.",
                )
            ),
        ),
    ),
    reg(
        id="MEM-14-3",
        article="第十四条(三)",
        line=286,
        text="(三)严禁代交易商签署协议、向交易商索取财物;",
        title=(
            "不得代交易商签署协议、索取财物",
            "No signing for traders, no soliciting money from them",
        ),
        severity="error",
        checks=[
            check(
                "TraderAgreement",
                F.signed_by == "会员工作人员",
                "协议{agreement_id}由会员工作人员代交易商{trader_id}签署",
                "agreement {agreement_id} was signed by member staff for trader {trader_id}",
            ),
            check(
                "TraderPayment",
                F.payee == "会员工作人员个人",
                "交易商{trader_id}向会员工作人员个人付款{amount_cny}元（{payment_date}）",
                "trader {trader_id} paid {amount_cny} yuan to a member employee personally on "
                "{payment_date}",
            ),
            check(
                "TraderPayment",
                (F.payee == "会员对公账户") & (F.purpose == "其他"),
                "会员向交易商{trader_id}收取规定费用以外的款项{amount_cny}元（{payment_date}）",
                "the member took {amount_cny} yuan from trader {trader_id} beyond the fees "
                "provided for, on {payment_date}",
            ),
        ],
        penalty=item(ART18, "三"),
        readings=(
            Reading(
                Text(
                    "交易商本人或其授权代理人签署的不属于代签；付给会员工作人员个人的款项，或付给会员的规定费用、保证金以外的款项，视为索取财物。",
                    "Signing by the trader or an authorised agent is not signing for "
                    "them; money paid to an employee personally, or to the member for "
                    "anything but the provided fees or margin, counts as soliciting.",
                )
            ),
        ),
    ),
    reg(
        id="MEM-14-9",
        article="第十四条(九)",
        line=292,
        text="(九)向交易商讲解业务及签订协议时,需向交易商介绍协议内容,并作出风险提示。",
        title=(
            "签订协议时介绍协议内容并作风险提示",
            "Explain the agreement and disclose risks when signing",
        ),
        severity="error",
        checks=[
            check(
                "TraderAgreement",
                F.content_explained.is_false(),
                "签订协议{agreement_id}时未向交易商介绍协议内容",
                "agreement {agreement_id} was signed without explaining its content",
            ),
            check(
                "TraderAgreement",
                F.risk_disclosure_date.is_null(),
                "协议{agreement_id}未作风险提示（无风险提示签署记录）",
                "no risk disclosure recorded for agreement {agreement_id}",
            ),
            check(
                "TraderAgreement",
                F.risk_disclosure_date > F.signed_date,
                "风险提示（{risk_disclosure_date}）晚于协议签署（{signed_date}）",
                "the risk disclosure ({risk_disclosure_date}) came after signing ({signed_date})",
            ),
        ],
        penalty=item(ART18, "九"),
        readings=(
            Reading(
                Text(
                    "风险提示须在签订协议时或之前作出；以风险提示书签署日期为证。",
                    "The risk disclosure must come at or before signing; its signing "
                    "date is the evidence.",
                )
            ),
        ),
    ),
    reg(
        id="MEM-14-10",
        article="第十四条(十)",
        line=293,
        text="(十)严禁程序化高频交易和程序化波段交易",
        title=(
            "禁止程序化高频交易和程序化波段交易",
            "No programmatic high-frequency or swing trading",
        ),
        severity="error",
        checks=[
            check(
                "ProgrammaticTrading",
                (F.programmatic_orders > 0) & F.strategy.is_in(["高频", "波段"]),
                "交易商{trader_id}于{trade_date}进行程序化{strategy}交易（{programmatic_orders}笔程序化委托）",
                "trader {trader_id} traded programmatically ({strategy}) on {trade_date}: "
                "{programmatic_orders} programmatic orders",
            ),
            check(
                "ProgrammaticTrading",
                F.programmatic_orders >= P("member.high_frequency_orders_per_day"),
                "交易商{trader_id}于{trade_date}程序化委托{programmatic_orders}笔，达到高频交易阈值",
                "trader {trader_id} placed {programmatic_orders} programmatic orders on "
                "{trade_date}, at or above the high-frequency threshold",
            ),
        ],
        penalty=SERIOUS,
        readings=(
            Reading(
                Text(
                    "原文未给出“高频”的标准；默认仅依据交易所监控系统对策略的标注，设定日委托笔数阈值后亦按笔数判断（达到即算）。",
                    "The text sets no threshold for high frequency; by default only the "
                    "monitoring's strategy labels count; once a daily order threshold is "
                    "set, reaching it counts too.",
                ),
                "member.high_frequency_orders_per_day",
            ),
            Reading(
                Text(
                    "本条未列专门处罚，适用第十七条措施。",
                    "No specific sanction: the measures of 第十七条 apply.",
                )
            ),
        ),
    ),
    reg(
        id="MEM-14-11",
        article="第十四条(十一)",
        line=294,
        text="(十一)未经国务院金融管理部门批准,不得从事保险、信贷、黄金等金融产品交易;",
        title=(
            "未经批准不得从事保险、信贷、黄金等金融产品交易",
            "No insurance, credit or gold products without State Council approval",
        ),
        severity="error",
        checks=[
            check(
                "BusinessActivity",
                F.restricted_financial_product.is_true() & F.state_approval_ref.is_null(),
                "从事{business_type}业务（{start_date}起）未经国务院金融管理部门批准",
                "{business_type} business since {start_date} without State Council financial "
                "regulator approval",
            )
        ],
        penalty=SERIOUS,
        readings=(
            Reading(
                Text(
                    "列举以“等”结尾；默认为保险、信贷、黄金，可扩充。",
                    "The list ends in 等; by default insurance, credit and gold, and it "
                    "can be extended.",
                ),
                "member.restricted_financial_products",
            ),
        ),
    ),
    reg(
        id="MEM-15-2",
        article="第十五条(二)",
        line=298,
        text="(二)以会员的名义从事本合同约定业务以外的经营活动的;",
        title=("不得以会员名义从事合同约定以外的业务", "No business outside the member contract"),
        severity="error",
        checks=[
            check(
                "BusinessActivity",
                F.within_contract_scope.is_false(),
                "以会员名义从事合同约定业务以外的经营活动：{business_type}（{start_date}起）",
                "business outside the member contract's scope: {business_type} since {start_date}",
            )
        ],
        penalty=SERIOUS,
    ),
    reg(
        id="MEM-15-5",
        article="第十五条(五)",
        line=301,
        text="(五)资金量和交易量配比不符的;",
        title=("资金量与交易量配比相符", "Trading volume in proportion to funds"),
        severity="error",
        checks=[
            check(
                "TradingMonth",
                F.volume_to_funds_ratio > P("member.max_volume_to_funds_ratio"),
                "{month}交易量与资金量之比为{volume_to_funds_ratio}，超过配比上限",
                "in {month} volume was {volume_to_funds_ratio} times funds, above the limit",
            )
        ],
        penalty=SERIOUS,
        needs_params=("member.max_volume_to_funds_ratio",),
        readings=(
            Reading(
                Text(
                    "原文未规定配比标准；须在配置中设定上限后本规则才运行。",
                    "The text gives no ratio; the rule runs once a limit is configured.",
                ),
                "member.max_volume_to_funds_ratio",
            ),
        ),
    ),
]

# --------------------------------------------------------------------------- A5 sanction articles

SANCTION_RULES = [
    reg(
        id="MEM-17-1",
        article="第十七条",
        line=306,
        text="第十七条 会员违反交易所有关规定的,交易所有权采取以下一种或几种措施制止其违规行为:",
        title=(
            "处理措施限于制度所列并对应违规事项",
            "Measures as the rules list them, tied to a violation",
        ),
        severity="warning",
        checks=[
            check(
                "SanctionRecord",
                F.unlisted_measure_count > 0,
                "处理决定{sanction_id}采取的措施“{unlisted_measures}”不在第十七条至第二十条所列措施之内",
                "decision {sanction_id} imposes {unlisted_measures}, which 第十七条–第二十条 do not "
                "list",
            ),
            check(
                "SanctionRecord",
                F.finding_ref.is_null(),
                "处理决定{sanction_id}未对应具体违规事项",
                "decision {sanction_id} names no violation",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "所列措施包括第十七条至第二十条的全部措施（撤销/撤消同义）；原文未规定措施的适用顺序。",
                    "The measures listed are those of 第十七条 to 第二十条 (撤销 and 撤消 "
                    "are one); the text sets no order of escalation.",
                )
            ),
        ),
    ),
    reg(
        id="MEM-17-2",
        article="第十七条(六)",
        line=312,
        text="(六)交易所对认定违规交易活动参与者罚取相应经济赔偿金,具体金额不少于违规得利部分;",
        title=("经济赔偿金不少于违规得利", "Compensation at least the illicit gain"),
        severity="error",
        checks=[
            check(
                "SanctionRecord",
                (F.illicit_gain_cny > 0)
                & (F.compensation_cny.is_null() | (F.compensation_cny < F.illicit_gain_cny)),
                "违规得利{illicit_gain_cny}元，经济赔偿金{compensation_cny}元，少于违规得利",
                "illicit gain of {illicit_gain_cny} yuan but compensation of {compensation_cny} "
                "yuan, less than the gain",
            )
        ],
        penalty=Penalty(
            stated=True,
            basis="第十七条(六)",
            text="罚取相应经济赔偿金,具体金额不少于违规得利部分",
            fine_min_field="illicit_gain_cny",
            measures=(Measure.COMPENSATION,),
        ),
        readings=(
            Reading(
                Text(
                    "“不少于”含本数：赔偿金等于违规得利的符合规定。",
                    "不少于 includes the number: compensation equal to the gain complies.",
                )
            ),
        ),
    ),
    reg(
        id="MEM-17-3",
        article="第十七条(七)",
        line=313,
        text="(七)会员单位涉嫌违法犯罪活动的,由司法机关进行处理。",
        title=("涉嫌违法犯罪的移送司法机关", "Suspected crimes referred to the judiciary"),
        severity="critical",
        checks=[
            check(
                "SanctionRecord",
                F.suspected_crime.is_true()
                & (F.referred_to_judiciary.is_false() | F.referred_to_judiciary.is_null()),
                "处理决定{sanction_id}认定涉嫌违法犯罪，未移送司法机关处理",
                "decision {sanction_id} finds a suspected crime that was not referred to the "
                "judiciary",
            )
        ],
        penalty=Penalty(
            stated=True,
            basis="第十七条(七)",
            text="由司法机关进行处理",
            measures=(Measure.JUDICIAL_REFERRAL,),
        ),
        # A suspected crime goes to the judiciary by law: no approver inside the exchange can
        # waive the referral.
        waivable=False,
    ),
    reg(
        id="MEM-18-10",
        article="第十八条(十)",
        line=324,
        text="(十)会员经营状况、注册资本、法人变更、经营团队及业务联系人变动等重要信息发生变更时,未向交易所做出书面报告的;",
        title=(
            "经营团队及业务联系人变动书面报告",
            "Report changes of management team and contact person",
        ),
        severity="error",
        checks=reporting_checks(TEAM_CHANGE_TYPES, P("member.team_change_report_working_days")),
        penalty=item(ART18, "十"),
        readings=(
            WORKING_DAYS,
            CLOCK,
            Reading(
                Text(
                    "经营状况、注册资本、法人变更已由MEM-10-*检查并承担本项处罚；本规则检查第十条未列的经营团队、"
                    "业务联系人变动。原文未规定期限，默认比照第十条10个工作日。",
                    "Business, capital and legal-representative changes are MEM-10-*, "
                    "which carry this item's sanction; this rule covers the team and "
                    "contact-person changes 第十条 does not list. No deadline is "
                    "stated: 第十条's 10 working days by default.",
                ),
                "member.team_change_report_working_days",
            ),
        ),
    ),
    reg(
        id="MEM-18-11",
        article="第十八条(十一)",
        line=325,
        text="(十一)未有效履行会员职责,积极配合交易所各项活动的;",
        title=("按期配合交易所要求", "Cooperate with the exchange's requests in time"),
        severity="error",
        checks=[
            check(
                "ExchangeRequest",
                all_of(F.request_type == "配合事项", F.completed_date.is_null(), F.days_late > 0),
                "交易所于{request_date}要求配合“{topic}”，期限{deadline}，至今未完成（逾期{days_late}天）",
                "asked on {request_date} to cooperate on {topic} by {deadline}; not done "
                "({days_late} days late)",
            ),
            check(
                "ExchangeRequest",
                all_of(F.request_type == "配合事项", F.completed_date.not_null(), F.days_late > 0),
                "交易所要求配合“{topic}”，期限{deadline}，{completed_date}才完成（逾期{days_late}天）",
                "cooperation on {topic} was due by {deadline} and done on {completed_date} "
                "({days_late} days late)",
            ),
        ],
        penalty=item(ART18, "十一"),
        readings=(
            Reading(
                Text(
                    "原文“未有效履行会员职责,积极配合”缺少否定词，按“未…积极配合”理解。",
                    "The text lacks a negation before 积极配合; read as failing to cooperate.",
                )
            ),
            Reading(
                Text(
                    "交易所未定期限的，默认比照第十条10个工作日。",
                    "A request without a deadline gets 第十条's 10 working days by default.",
                ),
                "member.request_default_working_days",
            ),
        ),
    ),
    reg(
        id="MEM-18-S",
        article="第十八条",
        line=314,
        text="经交易所审核认定后出具整改意见书或通报批评,并限时整改,整改不合格的取消其会员资格",
        title=("整改不合格的取消会员资格", "Membership cancelled when rectification fails"),
        severity="critical",
        checks=[
            check(
                "Rectification",
                F.passed.is_false() & F.member_ended.is_false(),
                "整改{rectification_id}经评定不合格，会员资格仍为“{member_status}”，应取消",
                "rectification {rectification_id} failed but membership is still "
                "{member_status}: it must be cancelled",
            ),
            check(
                "Rectification",
                all_of(F.completed_date.not_null(), F.days_late > 0, F.member_ended.is_false()),
                "整改{rectification_id}逾期{days_late}天完成（期限{deadline}），会员资格仍为“{member_status}”，应取消",
                "rectification {rectification_id} was done {days_late} days after its deadline "
                "{deadline}; membership is still {member_status}: it must be cancelled",
            ),
            check(
                "Rectification",
                all_of(F.completed_date.is_null(), F.days_late > 0, F.member_ended.is_false()),
                "整改{rectification_id}逾期{days_late}天未完成（期限{deadline}），会员资格仍为“{member_status}”，应取消",
                "rectification {rectification_id} is {days_late} days past its deadline {deadline} "
                "and not done; membership is still {member_status}: it must be cancelled",
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="第十八条",
            text="整改不合格的取消其会员资格",
            measures=(Measure.MEMBERSHIP_CANCELLED,),
        ),
        readings=(
            Reading(
                Text(
                    "“限时”由交易所逐案确定（整改期限）；逾期完成视为整改不合格。整改通知是否出具由各第十八条规则的处罚体现。",
                    "The time limit is set case by case (the deadline field); finishing "
                    "late counts as failing. That a notice is due for each 第十八条 "
                    "breach is carried by those rules' penalties.",
                )
            ),
        ),
    ),
    reg(
        id="MEM-19-1",
        article="第十九条(一)",
        line=328,
        text="(一) 会员有违规收费行为的;",
        title=("不得违规收费", "No unauthorised charges to traders"),
        severity="error",
        checks=[
            check(
                "TraderFee",
                F.on_schedule.is_false(),
                "向交易商{trader_id}收取收费标准以外的费用“{fee_type}”{amount_cny}元",
                "charged trader {trader_id} {amount_cny} yuan of {fee_type}, which the fee "
                "schedule does not list",
            ),
            check(
                "TraderFee",
                F.amount_cny > F.schedule_max_cny,
                "{fee_type}收费{amount_cny}元，超过标准上限{schedule_max_cny}元",
                "{fee_type} charged at {amount_cny} yuan, above the {schedule_max_cny} yuan limit",
            ),
        ],
        penalty=item(ART19, "一"),
        needs_kinds=("FeeSchedule",),
        readings=(
            Reading(
                Text(
                    "以数据集中的收费标准为准；收费等于上限的符合规定。",
                    "The fee schedule in the dataset decides; a charge equal to the "
                    "limit complies.",
                )
            ),
        ),
    ),
    reg(
        id="MEM-19-2",
        article="第十九条(二)",
        line=329,
        text="(二) 未按时缴纳交易所规定各项费用的;\n(六) 按交易所规定缴纳相关费用。",
        title=("按时缴纳交易所费用", "Pay the exchange's fees on time"),
        severity="error",
        checks=[
            check(
                "FeeInvoice",
                F.paid_date.not_null() & (F.days_overdue > 0),
                "{fee_type}{amount_cny}元应于{due_date}缴纳，{paid_date}才缴纳（逾期{days_overdue}天）",
                "{amount_cny} yuan of {fee_type} was due on {due_date} and paid on {paid_date} "
                "({days_overdue} days late)",
            ),
            check(
                "FeeInvoice",
                F.paid_date.is_null() & (F.days_overdue > 0),
                "{fee_type}{amount_cny}元应于{due_date}缴纳，至今未缴（逾期{days_overdue}天）",
                "{amount_cny} yuan of {fee_type} was due on {due_date} and is unpaid "
                "({days_overdue} days late)",
            ),
        ],
        penalty=item(ART19, "二"),
        covers=("MEM-13-6",),
        readings=(
            Reading(
                Text(
                    "第十三条(六)规定缴费义务，第十九条(二)规定其处罚；合为一条规则，逾期缴费只计一次。应缴日当天缴纳的为按时。",
                    "第十三条(六) states the duty and 第十九条(二) its sanction; one rule, "
                    "so a late fee counts once. Paying on the due date is on time.",
                )
            ),
        ),
    ),
    reg(
        id="MEM-20-1",
        article="第二十条(一)",
        line=332,
        text="将交易活动委托给他人管理或承包给他人经营的",
        title=("不得将交易活动委托他人管理或承包经营", "No handing trading over to others"),
        severity="critical",
        checks=[
            check(
                "Outsourcing",
                (F.scope == "交易活动") & F.arrangement_type.is_in(["委托管理", "承包经营"]),
                "将交易活动{arrangement_type}给{counterparty}（{start_date}起）",
                "trading activity handed over to {counterparty} ({arrangement_type}) since "
                "{start_date}",
            )
        ],
        penalty=item(ART20, "一"),
        readings=(
            Reading(
                Text(
                    "本项前半句“私下转让、出租会员资格”由MEM-09-1检查并承担本项处罚。",
                    "The first half, private transfer or lease of membership, is "
                    "MEM-09-1, which carries this item's sanction.",
                )
            ),
            Reading(
                Text(
                    "“会员资格费及会员管理费不予退还”虽列于第(五)项，按适用于所有撤消理解。",
                    "The no-refund clause sits in item (五) but is read as applying "
                    "to every revocation.",
                )
            ),
        ),
    ),
    reg(
        id="MEM-20-2",
        article="第二十条(二)",
        line=333,
        text="(二) 以交易所业务名义从事非交易所业务的;",
        title=("不得以交易所业务名义从事非交易所业务", "No other business in the exchange's name"),
        severity="critical",
        checks=[
            check(
                "BusinessActivity",
                F.in_exchange_name.is_true() & F.exchange_business.is_false(),
                "以交易所业务名义从事非交易所业务：{business_type}（{start_date}起）",
                "non-exchange business in the exchange's name: {business_type} since {start_date}",
            )
        ],
        penalty=item(ART20, "二"),
    ),
    reg(
        id="MEM-20-3",
        article="第二十条(三)",
        line=334,
        text="(三) 无正当理由连续3个月没有贸易经营的,且未经报备批准但取得其它交易场所会员或代理商资格的;",
        title=(
            "连续3个月无交易且未经批准取得其它场所资格",
            "Three idle months and an unapproved other venue",
        ),
        severity="critical",
        checks=[
            check(
                "Member",
                all_of(
                    P("member.idle_and_venue_reading") == "conjunctive",
                    F.idle_streak_months >= 3,
                    F.unapproved_other_venues > 0,
                ),
                "自{idle_streak_start}起连续{idle_streak_months}个月无贸易经营，且有{unapproved_other_venues}项其它交易场所资格未经报备批准",
                "{idle_streak_months} consecutive months without trading from {idle_streak_start}, "
                "and {unapproved_other_venues} other-venue qualifications not reported and "
                "approved",
            ),
            check(
                "Member",
                (P("member.idle_and_venue_reading") == "disjunctive") & (F.idle_streak_months >= 3),
                "自{idle_streak_start}起连续{idle_streak_months}个月无正当理由没有贸易经营",
                "{idle_streak_months} consecutive months without trading and without an accepted "
                "reason, from {idle_streak_start}",
            ),
            check(
                "Member",
                (P("member.idle_and_venue_reading") == "disjunctive")
                & (F.unapproved_other_venues > 0),
                "有{unapproved_other_venues}项其它交易场所会员或代理商资格未经报备批准",
                "{unapproved_other_venues} other-venue qualifications not reported and approved",
            ),
        ],
        penalty=item(ART20, "三"),
        needs_kinds=("TradingMonth",),
        readings=(
            Reading(
                Text(
                    "“…的,且…的”默认理解为两种情形同时具备。",
                    "'…的,且…的' is read as both grounds together by default.",
                ),
                "member.idle_and_venue_reading",
            ),
            Reading(
                Text(
                    "“连续3个月”指连续3个自然月成交为零且无经认可的正当理由（含3个月）；数据缺失的月份中断连续。"
                    f"其它场所资格指变更事项中“{'”“'.join(OTHER_VENUE_TYPES)}”且未报告或未获批准的。",
                    "Three consecutive calendar months with no trade and no accepted "
                    "reason (three included); a month without data breaks the run. "
                    "Other-venue qualifications are the change events of those types "
                    "not reported or not approved.",
                )
            ),
        ),
    ),
    reg(
        id="MEM-20-4",
        article="第二十条(四)",
        line=335,
        text="(四) 违反国家有关法律法规的;",
        title=("违反国家法律法规的撤消会员资格", "Membership revoked for violating national law"),
        severity="critical",
        checks=[
            check(
                "LegalFinding",
                F.confirmed_date.not_null() & F.member_ended.is_false(),
                "经交易所审核认定违反国家法律法规（{authority}，{finding_date}），会员资格仍为“{member_status}”，应撤消",
                "the exchange confirmed a violation of law ({authority}, {finding_date}) but "
                "membership is still {member_status}: it must be revoked",
            )
        ],
        penalty=item(ART20, "四"),
        readings=(
            Reading(
                Text(
                    "是否违反法律法规须由有权机关认定；本规则检查交易所审核认定后会员资格是否已撤消。",
                    "Whether the law was broken is for the authorities; the rule checks "
                    "that membership was revoked once the exchange confirmed it.",
                )
            ),
        ),
    ),
    reg(
        id="MEM-20-5",
        article="第二十条(五)",
        line=336,
        text="被撤消会员资格的,会员资格费及会员管理费不予退还。",
        title=(
            "撤消会员资格的不退会员资格费及管理费",
            "No refund of membership fees after revocation",
        ),
        severity="warning",
        checks=[
            check(
                "FeeRefund",
                F.fee_type.is_in(["会员资格费", "会员管理费"]) & F.revoked_before_refund.is_true(),
                "会员资格已撤消，仍于{refund_date}退还{fee_type}{amount_cny}元",
                "membership was revoked, yet {amount_cny} yuan of {fee_type} was refunded on "
                "{refund_date}",
            )
        ],
        penalty=not_eligible(
            "会员资格费及会员管理费不予退还（原文未规定违反的处罚）",
            "membership and management fees are not refunded (no sanction stated for a refund)",
        ),
        readings=(
            Reading(
                Text(
                    "以会员名册中的撤销日期判断退费是否在撤销之后（撤销当日退费亦属之）；"
                    "名册未载撤销日期的，无法判断先后，不予报告。",
                    "The revocation date in the member register decides whether the refund came "
                    "after it (a refund on that day counts); a revocation without a date cannot "
                    "be placed and is not reported.",
                )
            ),
        ),
    ),
]

RULES: tuple[Rule, ...] = (
    *ADMISSION_RULES,
    *REPORTING_RULES,
    *TERMINATION_RULES,
    *DUTY_RULES,
    *SANCTION_RULES,
)

OUTSIDE_FINDING = "outside-finding"
NOT_CHECKABLE: dict[str, tuple[str, Text]] = {
    "MEM-13-5": (
        OUTSIDE_FINDING,
        Text(
            "是否发生泄密及是否归责于会员须经交易所认定，数据中没有可据以判断的记录。",
            "Whether a leak happened and is the member's doing is the exchange's finding; no record "
            "the checker reads shows it.",
        ),
    ),
    "MEM-14-4": (
        OUTSIDE_FINDING,
        Text(
            "信息是否虚假、是否诱导开户须经调查认定。",
            "Whether information was false and induced account "
            "opening needs an investigation's finding.",
        ),
    ),
    "MEM-14-5": (
        OUTSIDE_FINDING,
        Text(
            "信息是否虚假或误导、是否恶意诱导须经调查认定。",
            "Whether information was false or misleading needs a finding.",
        ),
    ),
    "MEM-14-6": (
        OUTSIDE_FINDING,
        Text(
            "是否向交易商承诺收益须审阅沟通内容后认定。",
            "Whether a return was promised needs a review of what was said or written.",
        ),
    ),
    "MEM-14-7": (
        OUTSIDE_FINDING,
        Text(
            "贬损同行、不正当手段争揽业务须经调查认定。",
            "Disparaging competitors or unfair canvassing needs a finding.",
        ),
    ),
    "MEM-14-8": (
        OUTSIDE_FINDING,
        Text(
            "讲解是否真实客观、是否夸大须经审阅认定。",
            "Whether a briefing was accurate needs a finding.",
        ),
    ),
    "MEM-15-1": (
        OUTSIDE_FINDING,
        Text(
            "变相非法集资或融资须由有权机关认定。",
            "Illegal fund-raising is for the authorities to find.",
        ),
    ),
    "MEM-15-3": (
        OUTSIDE_FINDING,
        Text(
            "返佣承诺、获利保证或共担风险承诺须审阅沟通内容后认定。",
            "Rebate, profit or risk-sharing promises need a review of what was said or written.",
        ),
    ),
    "MEM-15-4": (
        "unintelligible",
        Text(
            "原文“误导交易商,明确竞价机制、集体连续竞价的”语义不明，无法确定违规条件。",
            "The text '误导交易商,明确竞价机制、集体连续竞价的' is garbled; no condition can be read "
            "from it.",
        ),
    ),
    "MEM-15-6": (
        OUTSIDE_FINDING,
        Text(
            "是否参与破坏市场公平、公正须经交易所认定。",
            "Taking part in disrupting the market needs the exchange's finding.",
        ),
    ),
    "MEM-15-7": (
        OUTSIDE_FINDING,
        Text(
            "本项即以“经过交易所认定”为要件，认定本身不在数据中。",
            "The item is itself the exchange's finding, which is not in the data.",
        ),
    ),
    "MEM-15-8": (
        OUTSIDE_FINDING,
        Text(
            "损失是否由监管不力或刻意隐瞒造成须经调查认定。",
            "Whether a loss came from lax supervision or concealment needs a finding.",
        ),
    ),
}

DEFERRED: dict[str, Text] = {}
