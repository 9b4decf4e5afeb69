"""客戶服務投訴管理制度 (制度9): shared/regulations/001_…, lines 253–312.

A regional company's complaint rules end with a ladder of sanctions (七): 30–100 元 a time for
poor service (一); 200 元, 5 points of the monthly score and a notice to the whole company for
coldness, obstruction or quarrels (二); a reprimand, 300 元, 10 points and a notice for denying a
complaint or a supervisor's failure (三); a major demerit, 1,000 元, the month's performance pay
and a notice for concealing or worsening a complaint (四); dismissal for abuse, violence,
retaliation, grave damage to reputation or untrue promises (五). Each rule reports the conduct
found, with the text's sanction; SAL-CPL-6 (the 注) reports a recorded sanction that departs from
the text, or a 部门经理's own case not decided by the 总经理.

The default profile applies this regulation, not 篇四 / 制度12 (policies/complaints_handling.py):
both fine the same complaints, and 篇四's flat 200~1500 元 a case would report every 30–100 元
fine this ladder prescribes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from checker.conditions import AUDIT_DATE, Condition, F, P, When, any_of, days, when
from checker.config import Parameter
from checker.derived import derived_field
from checker.facts.complaints import TIERS
from checker.i18n import Text
from checker.rules import (
    Check,
    Escalation,
    Measure,
    Penalty,
    Reading,
    Regulation,
    Rule,
    check,
    rule_of,
)

REGULATION = Regulation(
    id="complaint-sanctions",
    title=Text("客户服务投诉管理制度（制度9）", "Customer service complaint rules (no. 9)"),
    short_title=Text("客户服务投诉管理制度", "Service Complaint Rules"),
    source_file="001_0caae5353eb12260.txt",
    section="制度9",
    lines=(253, 312),
)

PARAMETERS = (
    Parameter(
        "cpl9.gm_departure",
        Literal["allowed", "reported"],
        "allowed",
        Text(
            "总经理按“注”视情节作出的处分与七的档次不符时：视为总经理的裁量，不报告（allowed，默认），"
            "或照样报告（reported）。",
            "A sanction the general manager decided under the 注 that departs from 七's tier: "
            "the manager's discretion, not reported (allowed, default), or reported all the same "
            "(reported).",
        ),
    ),
)

HEADS = {
    "七(一)": "(一)員工有下列情節(jié)之一者.處以30-100元/次的經(jīng)濟處罰:",
    "七(二)": "(二)員工有下列情節(jié)之一者,同時給予經(jīng)濟處罰,罰款200元,扣除月度績效考評分5分,"
    "并通報全公司。",
    "七(三)": "(三)員工有下列情節(jié)之一者,給予申誡處分,同時給予經(jīng)濟處罰,罰款300元,"
    "扣除月度績效考評分10分,并通報全公司.",
    "七(四)": "(四)員工有下列情節(jié)之一者,給予記大過處分.同時給予經(jīng)濟處罰,罰款1000元,"
    "扣除當(dāng)月績效工資,井通報全公司。",
    "七(五)": "(五)員工有下列情節(jié)之一者,予以辭退或開除,情節(jié)嚴(yán)重的追究其經(jīng)濟職責(zé)及法律職責(zé),"
    "并視狀況移交司法機關(guān)處理",
}

TIER_PENALTIES = {
    "七(一)": Penalty(
        stated=True,
        basis="七(一)",
        text="處以30-100元/次的經(jīng)濟處罰",
        fine_min_cny=Decimal(30),
        fine_max_cny=Decimal(100),
    ),
    "七(二)": Penalty(
        stated=True,
        basis="七(二)",
        text="罰款200元,扣除月度績效考評分5分,并通報全公司",
        fine_min_cny=Decimal(200),
        fine_max_cny=Decimal(200),
        points=5,
        measures=(Measure.COMPANY_NOTICE,),
    ),
    "七(三)": Penalty(
        stated=True,
        basis="七(三)",
        text="給予申誡處分,同時給予經(jīng)濟處罰,罰款300元,扣除月度績效考評分10分,并通報全公司",
        fine_min_cny=Decimal(300),
        fine_max_cny=Decimal(300),
        points=10,
        measures=(Measure.COMPANY_NOTICE, Measure.REPRIMAND),
    ),
    "七(四)": Penalty(
        stated=True,
        basis="七(四)",
        text="給予記大過處分.同時給予經(jīng)濟處罰,罰款1000元,扣除當(dāng)月績效工資,井通報全公司",
        fine_min_cny=Decimal(1000),
        fine_max_cny=Decimal(1000),
        measures=(
            Measure.COMPANY_NOTICE,
            Measure.MAJOR_DEMERIT,
            Measure.PERFORMANCE_PAY_WITHHELD,
        ),
        note=Text(
            "另扣除当月绩效工资（金额以工资记录为准）",
            "plus the month's performance pay (its amount is on the payroll)",
        ),
    ),
    "七(五)": Penalty(
        stated=True,
        basis="七(五)",
        text="予以辭退或開除,情節(jié)嚴(yán)重的追究其經(jīng)濟職責(zé)及法律職責(zé),并視狀況移交司法機關(guān)處理",
        measures=(Measure.DISMISSAL,),
        escalation=Escalation(
            Text("情节严重", "if serious"),
            (Measure.COMPENSATE_LOSS, Measure.JUDICIAL_REFERRAL),
        ),
    ),
}

FINDING_IS_THE_RECORD = Reading(
    Text(
        "情节须经调查认定；以投诉处罚表中的“认定情节”为准，每条认定为一次（“/次”）。"
        "实际处罚是否与本档一致由SAL-CPL-6检查。",
        "The conduct needs a finding: the 认定情节 of the complaint-sanction register, each "
        "finding one occurrence ('/次'). Whether the sanction imposed matches this tier is "
        "SAL-CPL-6's check.",
    )
)


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


def _tier_of_finding() -> When | None:
    """The paragraph of 七 whose list names the finding; empty for none."""
    tier: When | None = None
    for paragraph, findings in reversed(TIERS.items()):
        tier = when(F.finding.is_in(findings), paragraph, tier)
    return tier


derived_field(
    "ComplaintPenalty",
    "tier",
    _tier_of_finding(),
    "七",
    "处罚档次",
    "The tier of 制度9 七 the finding falls in",
)


def imposes(penalty: Any) -> Condition:
    """七: a record imposes a sanction when it has a fine, points, a notice or a measure. Of the
    fact itself (`F`), or of related penalties (`R`: whom a complaint's sanctions reached,
    policies/complaints_dealer.py)."""
    return any_of(
        penalty.fine_cny > 0,
        penalty.points_deducted > 0,
        penalty.company_notice.is_true(),
        penalty.reprimand.is_true(),
        penalty.major_demerit.is_true(),
        penalty.performance_pay_withheld.is_true(),
        penalty.dismissed.is_true(),
    )


derived_field(
    "ComplaintPenalty",
    "sanctioned",
    when(imposes(F), True, False),
    "七",
    "已处罚",
    "Some fine, points, notice or measure was imposed",
)
# 七(四)1 隐瞒不报: not in the register by cpl9.report_days after receipt; a complaint not yet
# registered is late once that day has passed.
derived_field(
    "ComplaintHandling",
    "report_late",
    when(
        F.recorded_date.or_else(AUDIT_DATE) > F.received_date + days(P("cpl9.report_days")),
        True,
        False,
    ),
    "七(四)1",
    "未及时登记",
    "Not in the register by the day cpl9.report_days allows (or still not)",
)


def found(findings: list[str]) -> Check:
    return check(
        "ComplaintPenalty",
        F.finding.is_in(findings),
        "{decided_date}认定{finding}（投诉{case_id}）",
        "{decided_date}: found {finding} (complaint {case_id})",
    )


def tier_rule(
    id: str,
    tier: str,
    item: int,
    line: int,
    quote: str,
    title: tuple[str, str],
    findings: list[str],
    *readings: Reading,
    checks: tuple[Check, ...] = (),
) -> Rule:
    return reg(
        id,
        article=f"{tier}{item}",
        line=line,
        text=f"{HEADS[tier]}\n{quote}",
        title=title,
        checks=[found(findings), *checks],
        penalty=TIER_PENALTIES[tier],
        readings=(FINDING_IS_THE_RECORD, *readings),
    )


OBSERVED = Reading(
    Text(
        "同一行为应只记录一次：在行为记录表（辱骂、殴打、打击报复）或投诉处罚表中；两处都记录会报告两次。",
        "Record the conduct once, in the conduct register or the complaint-sanction register; "
        "recorded in both it is reported twice.",
    )
)


def observed(conducts: list[str]) -> Check:
    return check(
        "ConductObservation",
        F.conduct.is_in(conducts),
        "{observed_date}：{conduct}",
        "{observed_date}: {conduct}",
    )


RULES = [
    tier_rule(
        "SAL-CPL-1-1",
        "七(一)",
        1,
        294,
        "1.服務(wù)態(tài)度不佳,服務(wù)效率低下",
        ("服务态度不佳、服务效率低下罚30-100元/次", "Poor service or slow service: 30–100 yuan"),
        ["服务态度不佳", "服务效率低下"],
        Reading(
            Text(
                "“30-100元”含两端；F002扩展1第14句为同一条文的摘录。",
                "'30-100元' includes both ends; F002 扩展1 #14 quotes the same item.",
            )
        ),
    ),
    tier_rule(
        "SAL-CPL-1-2",
        "七(一)",
        2,
        295,
        "2.對業(yè)務(wù)工作不熟悉,無法帶給專業(yè)服務(wù)",
        ("业务不熟悉、无法提供专业服务罚30-100元/次", "Not knowing the business: 30–100 yuan"),
        ["业务不熟悉"],
        Reading(Text("“带给”即“提供”。", "'带给' means 提供 (provide).")),
    ),
    tier_rule(
        "SAL-CPL-1-3",
        "七(一)",
        3,
        296,
        "3.不尊重客戶,譏笑、議論容戶,在客戶面前指手劃腳、交頭接耳。",
        ("不尊重、讥笑、议论客户罚30-100元/次", "Disrespecting or mocking customers: 30–100 yuan"),
        ["不尊重客户", "讥笑客户", "议论客户", "指手划脚", "交头接耳"],
        Reading(
            Text(
                "“容户”即“客户”。不尊重客户而与客户发生争执的，属七(二)3（SAL-CPL-2-3），"
                "应认定为“与客户发生争执”，不在本项重复认定。",
                "'容戶' is 客户. Disrespect that ends in a quarrel is 七(二)3 (SAL-CPL-2-3) and "
                "is found as 与客户发生争执, not here as well.",
            )
        ),
    ),
    tier_rule(
        "SAL-CPL-2-1",
        "七(二)",
        1,
        298,
        "1.接待客戶態(tài)度冷淡,擅自減少服務(wù)流程",
        (
            "接待态度冷淡、擅自减少服务流程罚200元、扣5分并通报全公司",
            "Cold reception or skipped service steps: 200 yuan, 5 points, company notice",
        ),
        ["接待态度冷淡", "擅自减少服务流程"],
    ),
    tier_rule(
        "SAL-CPL-2-2",
        "七(二)",
        2,
        299,
        "2.利用職便,故意刁難客戶者",
        (
            "利用职务之便故意刁难客户罚200元、扣5分并通报全公司",
            "Obstructing customers through one's position: 200 yuan, 5 points, company notice",
        ),
        ["故意刁难客户"],
        Reading(Text("“利用职便”即“利用职务之便”。", "'利用職便' is 利用职务之便.")),
    ),
    tier_rule(
        "SAL-CPL-2-3",
        "七(二)",
        3,
        300,
        "3.不早重客戶,與客戶發(fā)生爭執(zhí)者.",
        (
            "与客户发生争执罚200元、扣5分并通报全公司",
            "Quarrelling with customers: 200 yuan, 5 points, company notice",
        ),
        ["与客户发生争执"],
        Reading(
            Text(
                "“不早重”即“不尊重”；与七(一)3的区别在于发生争执。",
                "'不早重' is 不尊重; the quarrel is what sets it apart from 七(一)3.",
            )
        ),
    ),
    tier_rule(
        "SAL-CPL-3-1",
        "七(三)",
        1,
        302,
        "1.對投訴事實拒不承認(rèn)者.",
        (
            "拒不承认投诉事实：申诫、罚300元、扣10分并通报全公司",
            "Denying the facts of a complaint: reprimand, 300 yuan, 10 points, company notice",
        ),
        ["拒不承认投诉事实"],
    ),
    tier_rule(
        "SAL-CPL-3-2",
        "七(三)",
        2,
        303,
        "2.主管管理不力,不能有效監(jiān)督服務(wù)工作及解決投訴者",
        (
            "主管管理不力：申诫、罚300元、扣10分并通报全公司",
            "A supervisor's failure to supervise: reprimand, 300 yuan, 10 points, notice",
        ),
        ["主管管理不力"],
        Reading(
            Text(
                "认定本身即针对主管；岗位栏不作为条件（各公司对“主管”的称谓不一）。",
                "The finding is itself against a supervisor; the role column is not a condition "
                "(companies name supervisors differently).",
            )
        ),
    ),
    tier_rule(
        "SAL-CPL-4-1",
        "七(四)",
        1,
        305,
        "1.接到投訴或遇見可能發(fā)生的投訴,隱瞞不報者",
        (
            "接到投诉隐瞒不报：记大过、罚1000元、扣当月绩效工资并通报全公司",
            "Concealing a complaint: major demerit, 1,000 yuan, performance pay, notice",
        ),
        ["隐瞒不报投诉"],
        Reading(
            Text(
                "原文未规定上报期限；受理人未在受理后cpl9.report_days天内（默认当天）登记《客户投诉记录表》"
                "的，视为隐瞒不报（四(一)1：人事行政经理受理并填写记录表）。“遇见可能发生的投诉”只能依认定。",
                "No reporting deadline is stated: a complaint its handler has not entered in the "
                "register within cpl9.report_days of receipt (default: that day) counts as "
                "concealed (四(一)1: the receiver fills in the register). A foreseen complaint "
                "can only be found.",
            ),
            "cpl9.report_days",
        ),
        checks=(
            check(
                "ComplaintHandling",
                F.report_late.is_true() & F.recorded_date.is_null(),
                "投诉{case_id}于{received_date}受理，至今未登记《客户投诉记录表》",
                "complaint {case_id}, received {received_date}, is not in the register",
            ),
            check(
                "ComplaintHandling",
                F.report_late.is_true() & F.recorded_date.not_null(),
                "投诉{case_id}于{received_date}受理，{recorded_date}才登记《客户投诉记录表》",
                "complaint {case_id}, received {received_date}, was registered only on "
                "{recorded_date}",
            ),
        ),
    ),
    tier_rule(
        "SAL-CPL-4-2",
        "七(四)",
        2,
        306,
        "2.不配合解決客戶投訴,延誤處理時機,使投訴進一步惡化者",
        (
            "不配合解决投诉致投诉恶化：记大过、罚1000元、扣当月绩效工资并通报全公司",
            "Obstructing a complaint until it worsens: major demerit, 1,000 yuan, pay, notice",
        ),
        ["不配合解决投诉"],
        Reading(
            Text(
                "“延误处理时机”“进一步恶化”须经认定，五的期限（一、二个工作日）逾期本身不构成本项。",
                "Delay and worsening need a finding; missing 五's deadlines is not this item by "
                "itself.",
            )
        ),
    ),
    tier_rule(
        "SAL-CPL-5-1",
        "七(五)",
        1,
        308,
        "1.辱罵、毆打客戶者.",
        ("辱骂、殴打客户予以辞退或开除", "Abusing or hitting a customer: dismissal"),
        ["辱骂客户", "殴打客户"],
        OBSERVED,
        checks=(observed(["辱骂客户", "殴打客户"]),),
    ),
    tier_rule(
        "SAL-CPL-5-2",
        "七(五)",
        2,
        309,
        "2.對投訴客戶進行打擊報復(fù)者",
        ("对投诉客户打击报复予以辞退或开除", "Retaliating against a complainant: dismissal"),
        ["打击报复投诉客户"],
        OBSERVED,
        checks=(observed(["打击报复投诉客户"]),),
    ),
    tier_rule(
        "SAL-CPL-5-3",
        "七(五)",
        3,
        310,
        "3.因未能妥善處理客戶投訴,對公司或發(fā)展商聲譽造成重大損失者.",
        (
            "投诉处理不当致公司或发展商声誉重大损失予以辞退或开除",
            "Mishandling a complaint to the grave harm of the company's reputation: dismissal",
        ),
        ["投诉处理不当致声誉重大损失"],
        Reading(
            Text(
                "“重大损失”原文未定义，以认定为准。",
                "'Grave' is not defined; the finding decides.",
            )
        ),
    ),
    reg(
        "SAL-CPL-5-4",
        article="七(五)4",
        line=311,
        text=f"{HEADS['七(五)']}\n4.對客戶給予不實之承諾,導(dǎo)致公司或發(fā)展商受損失者。",
        title=(
            "对客户作不实承诺致公司或发展商受损失予以辞退或开除",
            "An untrue promise to a customer that cost the company: dismissal",
        ),
        checks=[
            check(
                "ComplaintPenalty",
                (F.finding == "不实承诺致损失") & (F.loss_cny > 0),
                "{decided_date}认定对客户作不实承诺，致损失{loss_cny}元（投诉{case_id}）",
                "{decided_date}: an untrue promise to a customer cost {loss_cny} yuan "
                "(complaint {case_id})",
            )
        ],
        penalty=TIER_PENALTIES["七(五)"],
        readings=(
            FINDING_IS_THE_RECORD,
            Reading(
                Text(
                    "须有损失：未记录损失或损失为0的不实承诺不属本项。F002扩展1第17句为同一条文的摘录。",
                    "A loss is required: an untrue promise with no recorded loss is not this "
                    "item. F002 扩展1 #17 quotes the same item.",
                )
            ),
        ),
    ),
    reg(
        "SAL-CPL-6",
        article="七 注",
        line=312,
        text="注:部門經(jīng)理負(fù)責(zé)本部門投訴事件的處罰管理,如部門經(jīng)理未根據(jù)本制度對投訴人員進行處罰的"
        "或部門經(jīng)理本人被投訴的,由人事行政部提報,總經(jīng)理視情節(jié)給予處分",
        title=(
            "未按本制度处罚或部门经理本人被投诉的，由总经理视情节处分",
            "Sanctions not as this regulation says, or a department manager's own case, go to "
            "the general manager",
        ),
        checks=[
            check(
                "ComplaintPenalty",
                F.departures.not_null()
                & any_of(
                    F.decided_by.is_null(),
                    F.decided_by != "总经理",
                    P("cpl9.gm_departure") == "reported",
                ),
                "{decided_date}对“{finding}”的处罚与{tier}不符：{departures}（决定人：{decided_by}）",
                "{decided_date}: the sanction for {finding} departs from {tier}: "
                "{departures_en} (decided by: {decided_by})",
            ),
            check(
                "ComplaintPenalty",
                (F.role == "部门经理") & any_of(F.decided_by.is_null(), F.decided_by != "总经理"),
                "部门经理本人被投诉（{finding}），处分未由总经理决定（决定人：{decided_by}）",
                "a department manager's own complaint ({finding}) was not decided by the "
                "general manager (decided by: {decided_by})",
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="七 注",
            text="由人事行政部提報,總經(jīng)理視情節(jié)給予處分",
            measures=(Measure.GM_DECISION,),
        ),
        readings=(
            Reading(
                Text(
                    "“未根据本制度进行处罚”指记录的处罚与认定情节所属档次不符：罚款金额、扣分、通报、申诫、记大过、"
                    "扣当月绩效工资缺少或不同，或另加本档未规定的处分；七(五)只要求辞退或开除。"
                    "总经理视情节给予的处分，默认不报告。",
                    "'Not sanctioned under this regulation' means the recorded sanction departs "
                    "from the finding's tier: a fine, points, notice, reprimand, demerit or "
                    "performance pay missing or different, or a sanction the tier does not name; "
                    "七(五) asks for dismissal only. A sanction the general manager decided at "
                    "discretion is not reported by default.",
                ),
                "cpl9.gm_departure",
            ),
            Reading(
                Text(
                    "“总经理视情节给予处分”的对象是被投诉人员；违规记在被投诉人名下，处分轻重由总经理决定。",
                    "The general manager decides the sanction of the employee complained about; "
                    "the violation stays on that employee, its measure the manager's decision.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
