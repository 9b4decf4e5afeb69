"""A sales department's rules: 公司客户管理制度 50句菁华（扩展3） (shared/regulations/002_…, L339–442).

The section is a scrape of numbered sentences from an unnamed company's customer-management and
sales-department rules (a car dealer that also sells property: 交叉楼宇, 提车). Thirteen of its
sentences are catalogue rows SAL-DEP-01…10, 12…14; the rest are exhortations or headings that
the catalogue files elsewhere or not at all. Three rows are repeated in 扩展4 (#12, #20, #28):
they are encoded once, here, and the readings say so.

Both escalations are counted in Python before the engine (checker/facts/sales_department.py): a
key-account specialist's missing contacts accumulate in the window, the 6th and later carry
劝退; a refusal of another's customer is ranked per employee, the 3rd and later carry 除名, and
the message lists the earlier occurrences that made it so.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Literal

from checker.conditions import F, P, R, When, any_of, related, when
from checker.config import Parameter
from checker.derived import derived_field
from checker.facts.sales_department import DAILY_TARGETS, NOT_MY_CUSTOMER
from checker.i18n import Text
from checker.rules import (
    NONE_STATED,
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
    id="sales-dept-rules",
    title=Text(
        "公司客户管理制度 50句菁华（扩展3）销售部规定",
        "Sales department rules (customer management, 50 sentences, extension 3)",
    ),
    short_title=Text("销售部管理规定", "Sales Department Rules"),
    source_file="002_5ebf93d90409536b.txt",
    section="扩展3",
    lines=(339, 442),
    default_enabled=False,
    profile_note=Text(
        "摘录自未具名公司的制度片段，只适用于该公司的数据；其以非己客户为由拒绝客户的“100元、三次除名”与扩展4第36句"
        "“情节恶劣者除名”处罚同一行为（目录第4部分V11），须由采用该制度的公司自行选用。",
        "Fragments of an unnamed company's rules, for that company's data only; its '100 yuan, "
        "struck off at the third' for refusing another's customer sanctions the conduct 扩展4 "
        "#36 sanctions with dismissal when serious (catalogue Part 4 V11), so a company that "
        "runs them selects them.",
    ),
)

PARAMETERS = (
    Parameter(
        "dept3.prospecting_window",
        Literal["month", "ever"],
        "month",
        Text(
            "第5句“累积超过5次”的累计区间：按自然月（month，默认，原文以“每月”开头）或自始累计（ever）。",
            "Window of #5's 'more than 5 accumulated': the calendar month (month, default; the "
            "sentence begins 每月) or all time (ever).",
        ),
    ),
    Parameter(
        "dept3.shortfall_unit",
        Literal["contact", "day"],
        "contact",
        Text(
            "第5句“累积超过5次”的计次单位：每少一个（contact，默认，与“少一个罚款20元”一致）或每个未达标日（day）。",
            "What #5 counts toward 'more than 5': each missing contact (contact, default, as "
            "the fine is per missing one) or each day short of the targets (day).",
        ),
    ),
    Parameter(
        "dept3.roadshow_count",
        Literal["at_least", "exactly"],
        "at_least",
        Text(
            "第7句“每月必须按规定次数完成巡展4次”：至少4次（at_least，默认）或恰好4次（exactly）。",
            "#7's 'four roadshows a month': at least four (at_least, default) or exactly four "
            "(exactly).",
        ),
    ),
    Parameter(
        "dept3.probation_roles",
        list[str],
        ["销售顾问", "销售员", "销售代表"],
        Text(
            "第15句“累计销售5台”适用的新员工岗位。",
            "Roles of the new employees #15's five-vehicle target applies to.",
        ),
    ),
    Parameter(
        "dept3.training_roles",
        list[str],
        ["销售代表"],
        Text(
            "第18句周二、四培训日不得请假的岗位（原文：销售代表）。",
            "Roles that may not take leave on #18's Tuesday and Thursday training days (the "
            "text: 销售代表).",
        ),
    ),
    Parameter(
        "dept3.strike_window",
        Literal["ever", "year"],
        "ever",
        Text(
            "第24句“违规三次者予以除名”的计次区间：自始累计（ever，默认，原文未限期间）或按自然年（year）。",
            "Window of #24's 'struck off at the third offence': all time (ever, default; the "
            "text sets none) or the calendar year (year).",
        ),
    ),
    Parameter(
        "dept3.same_day_signoff",
        Literal["in_time", "late"],
        "in_time",
        Text(
            "第9句“工资发放之前”签字确认：发放当日签字视为按时（in_time，默认，记录只有日期）或逾期（late）。",
            "#9's sign-off 'before the pay is paid': signed on the pay day counts as in time "
            "(in_time, default; the records hold dates only) or late (late).",
        ),
    ),
    Parameter(
        "dept3.manager_roles",
        list[str],
        ["经理", "部门经理"],
        Text(
            "第10句每月填写《月来人来电统计成交状况分析表》的“经理”岗位。",
            "Roles of the 经理 who fills in #10's monthly table.",
        ),
    ),
)


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


def fine(article: str, text: str, amount: int, *measures: Measure, **extra: object) -> Penalty:
    return Penalty(
        stated=True,
        basis=article,
        text=text,
        fine_min_cny=Decimal(amount),
        fine_max_cny=Decimal(amount),
        measures=measures,
        **extra,  # type: ignore[arg-type]
    )


def none_stated(zh: str, en: str) -> Penalty:
    return replace(NONE_STATED, note=Text(zh, en))


DUTY_ONLY = none_stated("原文只规定义务，未规定处罚", "a duty; no sanction stated")

S5 = (
    "5、每月大客户专员必须保证每天外出开拓客户,并且每天给与20元的开拓费(请客户喝茶,油费等),"
    "但每天必须保证给两个潜在顾客见面,每天给5个潜在顾客打电话,拜访2个老客户,"
    "少一个罚款20元累积超过5次予以劝退。"
)
S24 = (
    "24、本着“客户第一,客户是上帝”的客户理念,本着“团结合作”的集体精神,任何一位客户都是公司的客户,"
    "都是每一位工作人员的客户,任何人不得以不是自己的客户为由拒绝、怠慢客户,"
    "也不得以自己的客户尚未接待完毕而不管不问,违者处以100元罚款,违规三次者予以除名。"
)


def _short(field: str, target: int) -> When:
    """Contacts missing against the day's target; a surplus does not carry."""
    count = getattr(F, field)
    return when(count < target, target - count, 0)


# 第5句: 每天必须保证给两个潜在顾客见面,每天给5个潜在顾客打电话,拜访2个老客户
MET, CALLED, VISITED = DAILY_TARGETS
derived_field(
    "DeptProspectingDay",
    "met_short",
    _short("prospects_met", MET),
    "第5句",
    "面见差额",
    "Prospects not met of the 2 a day",
)
derived_field(
    "DeptProspectingDay",
    "called_short",
    _short("prospects_called", CALLED),
    "第5句",
    "电话差额",
    "Prospects not called of the 5 a day",
)
derived_field(
    "DeptProspectingDay",
    "visits_short",
    _short("old_clients_visited", VISITED),
    "第5句",
    "拜访差额",
    "Existing customers not visited of the 2 a day",
)
derived_field(
    "DeptProspectingDay",
    "shortfall",
    F.met_short + F.called_short + F.visits_short,
    "第5句",
    "少见人数",
    "Missing contacts that day",
)
# 第8句: 如果当日成交,奖金则五五分成 — unknown (empty) until there is a deal.
derived_field(
    "DeptReception",
    "deal_same_day",
    when(F.deal_date == F.received_date, True, when(F.deal_date != F.received_date, False, None)),
    "第8句",
    "当日成交",
    "The deal was on the day of the reception",
)
# 第16句: working hours run from staff.day_start (included) to staff.day_end (excluded).
derived_field(
    "DeptOuting",
    "during_work_hours",
    when((F.out_at >= P("staff.day_start")) & (F.out_at < P("staff.day_end")), True, False),
    "第16句",
    "上班时间内",
    "Left between staff.day_start and staff.day_end",
)
derived_field(
    "DeptAfterHours",
    "after_close",
    when(F.seen_at > P("staff.day_end"), True, False),
    "第17句",
    "下班后",
    "Seen after staff.day_end",
)

# 第10句: the manager's table for the month; of several for one month, the last one read.
_MONTHLY_TABLE = related("DeptMonthlyVisitReport", employee_id=F.employee_id, month=F.month)
derived_field(
    "DeptMonthlyReportDue",
    "report_id",
    _MONTHLY_TABLE.last(R.report_id),
    "第10句",
    "表单编号",
    "The table filled in, if any",
)
derived_field(
    "DeptMonthlyReportDue",
    "filled_date",
    _MONTHLY_TABLE.last(R.filled_date),
    "第10句",
    "填写日期",
    "When it was filled in",
)
# 第15句: the probationer's confirmation request, the earliest filled in (of one day, the first
# read), and whether the sales manager signed it and it was filed with administration.
_REVIEW = related("DeptProbationReview", employee_id=F.employee_id)
for _name, _field, _label, _description in (
    ("review_id", R.review_id, "转正申请编号", "The confirmation request, if any"),
    ("manager_signed", R.manager_signed, "销售经理签字", "The sales manager signed the request"),
    ("filed_with_admin", R.filed_with_admin, "已交行政备案", "The request was filed"),
):
    derived_field(
        "DeptProbationOutcome",
        _name,
        _REVIEW.first(_field, by=(R.submitted_date,)),
        "第15句",
        _label,
        _description,
    )

PROSPECTING_FINE = Penalty(
    stated=True,
    basis="第5句",
    text="少一个罚款20元",
    fine_field="fine_cny",
    note=Text("每少一个20元", "20 yuan per missing contact"),
)
DAY_DETAIL_ZH = (
    "{work_date}见潜在顾客{prospects_met}个（应2个）、电话{prospects_called}个（应5个）、"
    "拜访老客户{old_clients_visited}个（应2个），少{shortfall}个，罚款{fine_cny}元"
)
DAY_DETAIL_EN = (
    "{work_date}: met {prospects_met} prospects (2 due), called {prospects_called} (5 due), "
    "visited {old_clients_visited} customers (2 due): {shortfall} short, fined {fine_cny} yuan"
)

UNAPPROVED_DRAW = any_of(
    F.manager_approved.is_null(),
    F.manager_approved.is_false(),
    F.gm_approved.is_null(),
    F.gm_approved.is_false(),
)

STRIKE_FINE = fine("第24句", "违者处以100元罚款", 100)

RULES = [
    reg(
        "SAL-DEP-01",
        article="第5句",
        line=351,
        text=S5,
        title=(
            "大客户专员每天见2个、电话5个潜在顾客、拜访2个老客户",
            "Key-account specialists meet 2, call 5 prospects and visit 2 customers a day",
        ),
        checks=[
            check(
                "DeptProspectingDay",
                (F.shortfall > 0) & (F.cumulative <= 5),
                DAY_DETAIL_ZH + "；{window}累计{cumulative}次",
                DAY_DETAIL_EN + "; {cumulative} accumulated in {window}",
                penalty=PROSPECTING_FINE,
            ),
            check(
                "DeptProspectingDay",
                (F.shortfall > 0) & (F.cumulative > 5),
                DAY_DETAIL_ZH
                + "；{window}累计{cumulative}次，超过5次，予以劝退（此前：{earlier}）",
                DAY_DETAIL_EN + "; {cumulative} accumulated in {window}, more than 5: asked to "
                "resign (earlier: {earlier})",
                severity="critical",
                penalty=replace(
                    PROSPECTING_FINE,
                    text="少一个罚款20元累积超过5次予以劝退",
                    measures=(Measure.PERSUADED_TO_LEAVE,),
                ),
            ),
            check(
                "DeptProspectingDay",
                F.went_out.is_false(),
                "{work_date}未外出开拓客户",
                "{work_date}: did not go out prospecting",
                severity="warning",
                penalty=none_stated(
                    "“必须保证每天外出开拓客户”未规定处罚；见面、电话、拜访不足另按“少一个”罚款",
                    "going out daily carries no sanction of its own; missing contacts are fined",
                ),
            ),
        ],
        penalty=replace(
            PROSPECTING_FINE,
            escalation=Escalation(
                Text("累积超过5次", "more than 5 accumulated"), (Measure.PERSUADED_TO_LEAVE,)
            ),
        ),
        readings=(
            Reading(
                Text(
                    "“少一个”按三项分别计：见面不足2个、电话不足5个、拜访老客户不足2个，每少一个罚20元；"
                    "某项超额不抵补他项。每天20元的开拓费是公司给付的补贴，不是罚款，不计入处罚。",
                    "'Each one missing' counts the three targets separately (2 met, 5 called, 2 "
                    "visited), 20 yuan for each; a surplus in one does not make up another. The "
                    "20 yuan a day 开拓费 is an allowance the company pays, not a fine.",
                )
            ),
            Reading(
                Text(
                    "“累积超过5次”按自然月累计（原文以“每月”开头），第6次及以后予以劝退；"
                    "一天少几个可使累计跨过5次，该天即予劝退。",
                    "'More than 5 accumulated' counts within the calendar month (the sentence "
                    "begins 每月); the 6th and later carry 劝退, and a day whose shortfalls "
                    "carry the count past 5 is that day.",
                ),
                "dept3.prospecting_window",
            ),
            Reading(
                Text(
                    "“次”默认按每少一个计（与罚款单位一致），也可设为按未达标的天数计。",
                    "A 次 is by default one missing contact (the unit of the fine); it can be "
                    "set to one deficient day.",
                ),
                "dept3.shortfall_unit",
            ),
            Reading(
                Text(
                    "只检查开拓日志所记的日子；日志应只含大客户专员的工作日（原文“每天”是否含休息日未明）。",
                    "Only the days in the prospecting log are checked; the log should hold the "
                    "specialist's working days (whether 每天 includes rest days is unclear).",
                )
            ),
        ),
    ),
    reg(
        "SAL-DEP-02",
        article="第7句",
        line=355,
        text="7、市场专员有义务联系巡展地点,公司支持场地费用,如需费用或礼品经经理和总经理同意后申请领取,"
        "每月必须按规定次数完成巡展4次任务,并拍摄现场照片交市场部保存,以上规定违反任何一条,市场专员罚款50元。",
        title=(
            "市场专员每月巡展4次、交现场照片，费用礼品经经理和总经理同意",
            "Market specialists hold 4 roadshows a month, hand in photos, draw costs with approval",
        ),
        checks=[
            check(
                "DeptRoadshowMonth",
                F.roadshows < 4,
                "{month}只完成巡展{roadshows}次（{show_dates}），应4次",
                "{month}: {roadshows} roadshows ({show_dates}) of the 4 due",
            ),
            check(
                "DeptRoadshowMonth",
                (P("dept3.roadshow_count") == "exactly") & (F.roadshows > 4),
                "{month}巡展{roadshows}次（{show_dates}），不是规定的4次",
                "{month}: {roadshows} roadshows ({show_dates}), not the 4 set",
            ),
            check(
                "DeptRoadshow",
                F.photos_submitted.is_false(),
                "{show_date}巡展（{venue}）未拍摄现场照片交市场部",
                "roadshow of {show_date} ({venue}): no site photos handed to 市场部",
            ),
            check(
                "DeptRoadshow",
                (F.expense_cny > 0) & UNAPPROVED_DRAW,
                "{show_date}巡展领取费用{expense_cny}元，未经经理（{manager_approved}）和总经理"
                "（{gm_approved}）同意",
                "roadshow of {show_date}: drew {expense_cny} yuan without the manager's "
                "({manager_approved}) and general manager's ({gm_approved}) consent",
            ),
            check(
                "DeptRoadshow",
                F.gifts.not_null() & UNAPPROVED_DRAW,
                "{show_date}巡展领取礼品（{gifts}），未经经理（{manager_approved}）和总经理"
                "（{gm_approved}）同意",
                "roadshow of {show_date}: drew gifts ({gifts}) without the manager's "
                "({manager_approved}) and general manager's ({gm_approved}) consent",
            ),
        ],
        penalty=fine("第7句", "以上规定违反任何一条,市场专员罚款50元", 50),
        readings=(
            Reading(
                Text(
                    "每违反一条罚50元：当月巡展不足为一条，每次巡展未交照片、每次未经同意领取费用或礼品各为一条。"
                    "月度巡展次数只检查市场专员整月在职、且已结束的自然月（自数据中最早的销售部记录所在月起）。",
                    "Each breach costs 50 yuan: a month short of roadshows is one, each roadshow "
                    "without photos or with an unapproved draw is one. The count is checked for "
                    "complete months the specialist worked throughout, from the month of the "
                    "earliest department record in the data.",
                )
            ),
            Reading(
                Text(
                    "“巡展4次”默认为至少4次；也可设为恰好4次。费用或礼品须经经理和总经理两人同意，未记录同意视为未同意。",
                    "'4 roadshows' means at least four by default, or exactly four. A draw needs "
                    "both the manager and the general manager; a consent not recorded is none.",
                ),
                "dept3.roadshow_count",
            ),
            Reading(
                Text(
                    "扩展4第12句重复本句，只在此处按扩展3编码一次。",
                    "扩展4 #12 repeats this sentence; it is encoded once, here.",
                )
            ),
        ),
    ),
    reg(
        "SAL-DEP-03",
        article="第8句",
        line=357,
        text="8、销售员接待客户,首先要问客户是否来过,是否有其他销售员接待过,如果有其他销售上轮到的销售员应积极主动地接待客户,"
        "违者将给予处罚。如果当日成交,奖金则五五分成,否则属义务接待。",
        title=(
            "接待客户先问是否来过，轮到者主动接待，当日成交奖金五五分成",
            "Ask whether a customer came before; receive on rotation; same-day deals split 50/50",
        ),
        checks=[
            check(
                "DeptReception",
                F.asked_prior_visit.is_false(),
                "{received_date}接待{customer}，未先问是否来过、是否有其他销售员接待过",
                "{received_date}: received {customer} without asking whether they had come or "
                "been served before",
            ),
            check(
                "DeptReception",
                F.received.is_false(),
                "{received_date}轮到接待{customer}，未积极主动接待",
                "{received_date}: on rotation for {customer} and did not receive them",
            ),
            check(
                "DeptReception",
                F.prior_salesperson_id.not_null()
                & F.deal_same_day.is_true()
                & (F.bonus_share_pct != 50),
                "{received_date}接待{customer}当日成交（原接待{prior_salesperson_id}），"
                "本人奖金分成{bonus_share_pct}%，应五五分成",
                "{received_date}: {customer} (served before by {prior_salesperson_id}) bought "
                "that day; the receiver's share is {bonus_share_pct}%, not half",
                severity="warning",
                penalty=none_stated("奖金分成规定，未规定处罚", "a bonus rule; no sanction stated"),
            ),
            check(
                "DeptReception",
                F.prior_salesperson_id.not_null()
                & F.deal_same_day.is_false()
                & (F.bonus_share_pct > 0),
                "{received_date}接待{customer}，{deal_date}才成交，属义务接待，"
                "本人却分得奖金{bonus_share_pct}%",
                "{received_date}: {customer} bought only on {deal_date}, a courtesy reception, "
                "yet the receiver got {bonus_share_pct}% of the bonus",
                severity="warning",
                penalty=none_stated("奖金分成规定，未规定处罚", "a bonus rule; no sanction stated"),
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="第8句",
            text="违者将给予处罚",
            note=Text("原文未规定处罚种类和金额", "the kind and amount are not stated"),
        ),
        readings=(
            Reading(
                Text(
                    "“如果有其他销售上轮到的销售员应积极主动地接待客户”读作：即使客户曾由其他销售员接待，"
                    "轮到的销售员仍应主动接待；接待登记的员工为轮到的销售员。",
                    "The garbled clause reads: even when another salesperson served the customer "
                    "before, the one whose turn it is must receive them; the register names the "
                    "salesperson on rotation.",
                )
            ),
            Reading(
                Text(
                    "“违者将给予处罚”只及于问询和接待；奖金分成按本人分成比例检查：客户曾由他人接待且当日成交的为50%，"
                    "非当日成交的为义务接待，本人不分奖金。",
                    "'违者将给予处罚' covers asking and receiving; the split is checked on the "
                    "receiver's share: 50% when a customer served before buys that day, none "
                    "when they buy later (a courtesy reception).",
                )
            ),
        ),
    ),
    reg(
        "SAL-DEP-12",
        article="第9句",
        line=359,
        text="9、工资业绩的查看,工资发放之前每位销售顾问到销售经理处签字确认。",
        title=(
            "工资发放前销售顾问到销售经理处签字确认",
            "Consultants sign for their pay with the sales manager before it is paid",
        ),
        checks=[
            check(
                "DeptPaySignoff",
                F.signed_date.is_null(),
                "{pay_date}发放的工资业绩未签字确认",
                "pay of {pay_date}: not signed for",
            ),
            check(
                "DeptPaySignoff",
                any_of(
                    F.signed_date > F.pay_date,
                    (P("dept3.same_day_signoff") == "late") & (F.signed_date == F.pay_date),
                ),
                "{pay_date}发放的工资业绩{signed_date}才签字确认",
                "pay of {pay_date}: signed for only on {signed_date}",
            ),
        ],
        penalty=DUTY_ONLY,
        readings=(
            Reading(
                Text(
                    "记录只有日期：发放当日签字默认视为发放之前。",
                    "The records hold dates only: signing on the pay day counts as before by "
                    "default.",
                ),
                "dept3.same_day_signoff",
            ),
        ),
    ),
    reg(
        "SAL-DEP-13",
        article="第10句",
        line=361,
        text="10、经理每月填写《月来人来电统计成交状况分析表》",
        title=(
            "经理每月填写月来人来电统计成交状况分析表",
            "The manager fills in the monthly visitor, call and deal analysis",
        ),
        checks=[
            check(
                "DeptMonthlyReportDue",
                F.report_id.is_null(),
                "{month}未填写《月来人来电统计成交状况分析表》",
                "no monthly visitor, call and deal analysis for {month}",
            ),
        ],
        penalty=DUTY_ONLY,
        readings=(
            Reading(
                Text(
                    "每个已结束的自然月须有经理填写的分析表（原文未定填写期限，审计日当月不查）；"
                    "检查自数据中最早的销售部记录所在月起、经理整月在职的月份。",
                    "Every month that has ended needs the manager's table (no deadline is "
                    "stated, so the audit month is not checked), from the month of the earliest "
                    "department record, for months the manager worked throughout.",
                ),
                "dept3.manager_roles",
            ),
            Reading(
                Text(
                    "扩展4第20句另要求经理每日组织填写《来人来电统计表》；目录将两句并为一行，"
                    "此处只按扩展3编码月表，日表属扩展4的制度，未在本制度下检查。",
                    "扩展4 #20 also has the manager organise a daily 《来人来电统计表》; the "
                    "catalogue merges the two, but only the monthly table of 扩展3 is encoded "
                    "here; the daily one belongs to 扩展4's rules.",
                )
            ),
        ),
    ),
    reg(
        "SAL-DEP-04",
        article="第13句",
        line=367,
        text="13、如出现客户交叉现象,当事人应本着友好的.态度互相协商,协商不成交部门调解;"
        "如发生争吵,该交叉楼宇的业绩、奖金归部门。当所发生的客户交叉情况本标准没有明确时,"
        "由部门经理进行界定,销售员必须服从,否则该交叉楼宇的业绩、奖金归部门。",
        title=(
            "客户交叉发生争吵或不服从界定的，业绩、奖金归部门",
            "Overlap credit goes to the department after a quarrel or a defied ruling",
        ),
        checks=[
            check(
                "DeptCustomerOverlap",
                F.quarrel.is_true() & any_of(F.credited_to != "部门", F.bonus_paid_cny > 0),
                "{unit}客户交叉发生争吵，业绩计入{credited_to}、发给本人奖金{bonus_paid_cny}元，应归部门",
                "{unit}: a quarrel over the customer, yet the credit went to {credited_to} and "
                "{bonus_paid_cny} yuan of bonus to this salesperson; both belong to the department",
            ),
            check(
                "DeptCustomerOverlap",
                F.manager_ruled.is_true()
                & F.complied.is_false()
                & any_of(F.credited_to != "部门", F.bonus_paid_cny > 0),
                "{unit}客户交叉不服从部门经理界定，业绩计入{credited_to}、发给本人奖金{bonus_paid_cny}元，应归部门",
                "{unit}: the manager's ruling was defied, yet the credit went to {credited_to} "
                "and {bonus_paid_cny} yuan of bonus to this salesperson; both belong to the "
                "department",
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="第13句",
            text="如发生争吵,该交叉楼宇的业绩、奖金归部门 … 否则该交叉楼宇的业绩、奖金归部门",
            measures=(Measure.CREDIT_LOST,),
        ),
        readings=(
            Reading(
                Text(
                    "交叉登记每位当事销售员一行；争吵或不服从界定的，本人的业绩不得计入本人或对方、不得发给本人奖金。"
                    "业绩归属未记录的不报告。",
                    "Each salesperson in an overlap has a row; after a quarrel or a defied "
                    "ruling neither side may keep the credit and no bonus may be paid. A row "
                    "without the credit recorded is not reported.",
                )
            ),
        ),
    ),
    reg(
        "SAL-DEP-05",
        article="第15句",
        line=371,
        text="15、新员工试用期为二个月,累计销售5台即可转正,转正填写《试用期员工转正申请》,"
        "由销售经理签字生效后交行政备案;未完成销售任务者自动离职。",
        title=(
            "试用期二个月累计销售5台转正，未完成者自动离职",
            "Five vehicles in two months' probation, or the probationer leaves",
        ),
        checks=[
            check(
                "DeptProbationOutcome",
                (F.units_sold < 5) & F.still_employed.is_true(),
                "试用期{hire_date}至{probation_end}累计销售{units_sold}台，未完成5台，应自动离职，仍在职",
                "probation {hire_date} to {probation_end}: {units_sold} vehicles of the 5 due; "
                "deemed to have resigned, yet still employed",
            ),
            check(
                "DeptProbationOutcome",
                F.review_id.not_null() & F.manager_signed.is_false(),
                "转正申请{review_id}未经销售经理签字",
                "confirmation request {review_id} not signed by the sales manager",
                severity="warning",
                penalty=DUTY_ONLY,
            ),
            check(
                "DeptProbationOutcome",
                F.review_id.not_null() & F.filed_with_admin.is_false(),
                "转正申请{review_id}未交行政备案",
                "confirmation request {review_id} not filed with administration",
                severity="warning",
                penalty=DUTY_ONLY,
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="第15句",
            text="未完成销售任务者自动离职",
            measures=(Measure.AUTOMATIC_SEPARATION,),
        ),
        readings=(
            Reading(
                Text(
                    "试用期自入职日起二个月，止于两个月后对应日的前一天（1月31日入职的止于3月30日）；"
                    "期内销售台数之和少于5台且试用期满后仍在职的报告。试用期未满的不检查；"
                    "只检查入职日不早于数据中最早销售记录所在月的员工。",
                    "Probation runs two months from the hire date, to the day before the same "
                    "date two months on; fewer than 5 vehicles and still employed afterwards is "
                    "reported. Probations still running are not checked, nor those that began "
                    "before the month of the earliest sale in the data.",
                ),
                "dept3.probation_roles",
            ),
        ),
        needs_kinds=("DeptVehicleSale",),
    ),
    reg(
        "SAL-DEP-06",
        article="第16句",
        line=373,
        text="16、上班时间不得以任何理由外出公司办私事,违者罚款20元;有事请假批准后,方可离开。",
        title=(
            "上班时间未请假外出办私事罚20元",
            "20 yuan for leaving on private business during working hours without leave",
        ),
        checks=[
            check(
                "DeptOuting",
                (F.purpose == "私事") & F.leave_approved.is_false() & F.during_work_hours.is_true(),
                "{out_date} {out_at}未经请假批准外出办私事",
                "{out_date} {out_at}: out on private business without approved leave",
            ),
        ],
        penalty=fine("第16句", "违者罚款20元", 20),
        readings=(
            Reading(
                Text(
                    "上班时间按考勤的上下班时间（staff.day_start至staff.day_end，含上班时刻、不含下班时刻）；"
                    "请假获批的外出不报告。",
                    "Working hours are the staff day (staff.day_start included to "
                    "staff.day_end excluded); an outing with approved leave is not reported.",
                ),
                "staff.day_start",
            ),
        ),
    ),
    reg(
        "SAL-DEP-07",
        article="第17句",
        line=375,
        text="17、下班后任何人非工作原因不得逗留公司,不得上网玩游戏,违者罚款100元。",
        title=(
            "下班后非工作原因逗留或上网玩游戏罚100元",
            "100 yuan for staying after hours without work or gaming online",
        ),
        checks=[
            check(
                "DeptAfterHours",
                F.after_close.is_true() & F.work_reason.is_false(),
                "{presence_date} {seen_at}下班后非工作原因逗留公司",
                "{presence_date} {seen_at}: in the office after hours, not for work",
            ),
            check(
                "DeptAfterHours",
                F.after_close.is_true() & F.gaming.is_true(),
                "{presence_date} {seen_at}下班后在公司上网玩游戏",
                "{presence_date} {seen_at}: gaming online in the office after hours",
            ),
        ],
        penalty=fine("第17句", "违者罚款100元", 100),
        readings=(
            Reading(
                Text(
                    "下班后指晚于staff.day_end；同一次逗留又玩游戏的按一次罚100元。"
                    "扩展4第28句重复本句，只在此处按扩展3编码一次。",
                    "After hours is later than staff.day_end; staying and gaming on the same "
                    "occasion is one 100-yuan fine. 扩展4 #28 repeats this sentence; it is "
                    "encoded once, here.",
                ),
                "staff.day_end",
            ),
        ),
    ),
    reg(
        "SAL-DEP-08",
        article="第18句",
        line=377,
        text="18、每周一晚上为销售部全员会议,所有人员必须参加,未参加者按旷工处理。"
        "每周二、四为培训日,销售代表提前安排私人时间,不得请假。",
        title=(
            "周一晚全员会议未参加按旷工处理，周二、四培训日不得请假",
            "Missing the Monday meeting is absenteeism; no leave on Tuesday and Thursday training",
        ),
        checks=[
            check(
                "DeptMondayMeeting",
                F.attended.is_false(),
                "{meeting_date}销售部全员会议未参加，按旷工处理",
                "{meeting_date}: missed the department meeting; treated as absence without leave",
            ),
            check(
                "DeptTrainingDayLeave",
                F.training_day_count > 0,
                "请假{leave_id}（{leave_type}）含培训日{training_days}",
                "leave {leave_id} ({leave_type}) covers training days {training_days}",
                severity="warning",
                penalty=none_stated(
                    "培训日不得请假，原文未规定处罚",
                    "no leave on training days; no sanction stated",
                ),
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="第18句",
            text="未参加者按旷工处理",
            measures=(Measure.TREATED_AS_ABSENTEEISM,),
            note=Text("旷工的处罚本制度未载", "the sanction for absenteeism is not in this text"),
        ),
        readings=(
            Reading(
                Text(
                    "会议签到表列出应到人员，未出席的一人一行报告；旷工的处罚原文未载，只报告“按旷工处理”。",
                    "The roll lists everyone due; each absentee is reported. The sanction for "
                    "absenteeism is not in the text, so only 'treated as absenteeism' is "
                    "reported.",
                )
            ),
            Reading(
                Text(
                    "“不得请假”不论假别、是否获批，凡请假日期含周二、周四工作日的均报告（法定节假日不是培训日）。",
                    "'No leave' covers every kind, approved or not: any leave covering a working "
                    "Tuesday or Thursday is reported (public holidays are no training days).",
                ),
                "dept3.training_roles",
            ),
        ),
    ),
    reg(
        "SAL-DEP-09",
        article="第19句",
        line=379,
        text="19、销售顾问不得擅自通知客户提车,不得擅自透露公司车辆库存和在途信息,"
        "如因该情况造成客户来公司抢车,取消该销售顾问本台业绩和提成。",
        title=(
            "擅自通知提车、透露库存在途信息造成抢车的取消本台业绩和提成",
            "Unauthorised delivery calls or stock news that cause a rush cost the sale's credit",
        ),
        checks=[
            check(
                "DeptStockDisclosure",
                F.authorised.is_false() & F.customer_rush.is_true(),
                "{disclosed_date}擅自透露{info}，造成客户来公司抢车：取消本台（{sale_id}）业绩和提成"
                "（已取消：{credit_cancelled}）",
                "{disclosed_date}: unauthorised {info} caused customers to rush in; the credit "
                "and commission of sale {sale_id} are cancelled (done: {credit_cancelled})",
            ),
            check(
                "DeptStockDisclosure",
                F.authorised.is_false() & F.customer_rush.is_false(),
                "{disclosed_date}擅自透露{info}",
                "{disclosed_date}: unauthorised {info}",
                severity="warning",
                penalty=none_stated(
                    "未造成抢车的，原文未规定处罚", "without a rush, no sanction is stated"
                ),
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="第19句",
            text="如因该情况造成客户来公司抢车,取消该销售顾问本台业绩和提成",
            measures=(Measure.CREDIT_LOST,),
        ),
        readings=(
            Reading(
                Text(
                    "取消业绩和提成只在造成抢车时适用；报告同时列出是否已取消。",
                    "The credit is cancelled only when customers rushed in; the report shows "
                    "whether it was.",
                )
            ),
        ),
    ),
    reg(
        "SAL-DEP-10",
        article="第24句",
        line=389,
        text=S24,
        title=(
            "以非己客户为由拒绝、怠慢客户罚100元，三次除名",
            "100 yuan for refusing a customer as not one's own; struck off at the third",
        ),
        checks=[
            check(
                "DeptNotMyCustomerRank",
                F.conduct.is_in(list(NOT_MY_CUSTOMER)) & (F.offence_no < 3),
                "{observed_date}：{conduct}（第{offence_no}次），罚款100元",
                "{observed_date}: {conduct} (offence {offence_no}): 100 yuan",
                penalty=STRIKE_FINE,
            ),
            check(
                "DeptNotMyCustomerRank",
                F.conduct.is_in(list(NOT_MY_CUSTOMER)) & (F.offence_no >= 3),
                "{observed_date}：{conduct}，第{offence_no}次违规，罚款100元并予以除名（此前：{earlier}）",
                "{observed_date}: {conduct}, offence {offence_no}: 100 yuan and struck off "
                "(earlier: {earlier})",
                severity="critical",
                penalty=fine(
                    "第24句", "违者处以100元罚款,违规三次者予以除名", 100, Measure.STRUCK_OFF
                ),
            ),
        ],
        penalty=replace(
            STRIKE_FINE,
            text="违者处以100元罚款,违规三次者予以除名",
            escalation=Escalation(Text("违规三次", "a third offence"), (Measure.STRUCK_OFF,)),
        ),
        readings=(
            Reading(
                Text(
                    "行为记录中“拒绝非己客户”“怠慢非己客户”“对己方客户不管不问”每条为一次违规，每次100元；"
                    "按员工累计，第3次及以后予以除名。原文未限期间，默认自始累计。",
                    "Each record of refusing or neglecting a customer as not one's own, or "
                    "ignoring one's own, is one offence at 100 yuan; counted per employee, the "
                    "3rd and later carry 除名. The text sets no window, so all time by default.",
                ),
                "dept3.strike_window",
            ),
            Reading(
                Text(
                    "扩展4第36句对同一行为规定“情节恶劣者将予以除名”（目录V11），属另一制度，不在此合并。",
                    "扩展4 #36 strikes off the same conduct when serious (catalogue V11); it is "
                    "another regulation and is not merged here.",
                )
            ),
        ),
    ),
    reg(
        "SAL-DEP-14",
        article="第37句",
        line=415,
        text="37、工作时间不得看视频、听歌,禁止吃零食等其他与工作不相干事宜。",
        title=(
            "工作时间不得看视频、听歌、吃零食",
            "No videos, music or snacks during working hours",
        ),
        checks=[
            check(
                "ConductObservation",
                F.conduct.is_in(["看视频", "听歌", "吃零食"]),
                "{observed_date}工作时间{conduct}",
                "{observed_date}: {conduct} during working hours",
            ),
        ],
        penalty=DUTY_ONLY,
        readings=(
            Reading(
                Text(
                    "“等其他与工作不相干事宜”无法穷举，只检查行为记录中的看视频、听歌、吃零食。",
                    "'等其他与工作不相干事宜' cannot be listed; only recorded videos, music and "
                    "snacks are checked.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
