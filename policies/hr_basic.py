"""公司基本管理制度 (fragments): shared/regulations/002_…, 扩展5, lines 569–672.

Numbered sentences lifted out of one company's HR rules: clocking in and out, lateness deducted
from pay in tiers, missed-punch forms, leave limits and overtime. The company is not named and the
fragments contradict the store rules of 篇十 on the same lateness (catalogue Part 4 V12), so the
default profile leaves this regulation off; a company that runs these rules selects it. Sentence
33 (documents filed before leaving work) is this company's version of ARC-34 (ARC-34-HR).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Literal

from checker.conditions import F, P, all_of, any_of, when
from checker.config import Parameter
from checker.derived import derived_field
from checker.i18n import Text
from checker.rules import NONE_STATED, Measure, Penalty, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="basic-hr",
    title=Text("公司基本管理制度（扩展5）", "Company basic management rules (fragments, ext. 5)"),
    short_title=Text("公司基本管理制度", "Basic Management Rules"),
    source_file="002_5ebf93d90409536b.txt",
    section="扩展5",
    lines=(569, 672),
    default_enabled=False,
    profile_note=Text(
        "摘录自未具名公司的制度片段；迟到早退按元扣款，与篇十店面规范按考核分扣分的规定冲突（目录第4部分V12），须由采用该制度的公司自行选用。",
        "Fragments of an unnamed company's rules; their lateness fines in yuan conflict with "
        "篇十's points for the same lateness (catalogue Part 4 V12): a company that runs them "
        "selects them.",
    ),
)

PARAMETERS = (
    Parameter(
        "hr.thirty_minutes",
        Literal["twenty_yuan", "half_day"],
        "twenty_yuan",
        Text(
            "迟到或早退恰为30分钟：属“11-30分钟扣20元”（twenty_yuan，默认）或“30分钟以上扣半天工资”（half_day）。",
            "Exactly 30 minutes late or early: the 11–30 minute band, 20 yuan (twenty_yuan, "
            "default), or '30 minutes and more', half a day's pay (half_day).",
        ),
    ),
)

TIERS = "1-3分钟扣5元/次 4-10分钟扣10元/次 11-30分钟扣20元/次 30分钟以上扣半天工资/次"
ABSENTEEISM = Penalty(
    stated=True,
    basis="第8句",
    text="否则按旷工论处",
    measures=(Measure.TREATED_AS_ABSENTEEISM,),
)
ROUNDING = Reading(
    Text(
        "不足一分钟的秒数默认进一计分钟（3分20秒计4分钟、扣10元），避免3分与4分之间的空档。",
        "Part minutes count up by default (3 min 20 s is 4 minutes, 10 yuan), closing the gap "
        "between 3 and 4.",
    ),
    "staff.minute_rounding",
)
THIRTY = Reading(
    Text(
        "恰好30分钟同属“11-30分钟”和“30分钟以上”，默认扣20元。",
        "Exactly 30 minutes is in both '11–30' and '30 and more'; by default 20 yuan.",
    ),
    "hr.thirty_minutes",
)


def tier(low: int, high: int, fine: int) -> Penalty:
    return Penalty(
        stated=True,
        basis="第42句",
        text=f"{low}-{high}分钟扣{fine}元/次",
        fine_min_cny=Decimal(fine),
        fine_max_cny=Decimal(fine),
        from_pay=True,
    )


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


# 第42句: the shift a day's punches are measured against (its punches, PunchTime, are measured in
# checker/facts/sales.py against the same times).
derived_field(
    "Attendance",
    "day_start",
    F.scheduled_in.or_else(P("staff.day_start")),
    "第42句",
    "应到时间(执行)",
    "The record's shift start, or staff.day_start",
)
derived_field(
    "Attendance",
    "day_end",
    F.scheduled_out.or_else(P("staff.day_end")),
    "第42句",
    "应退时间(执行)",
    "The record's shift end, or staff.day_end",
)
derived_field(
    "PunchTime",
    "lapse",
    when(F.punch == "上班", "迟到", "早退"),
    "第42句",
    "违规类型",
    "What a lapse of this punch is called",
    choices=("迟到", "早退"),
)
# 第41句: 出勤日未打卡
derived_field(
    "Attendance",
    "punch_missing",
    when(F.present.is_true() & any_of(F.clock_in.is_null(), F.clock_out.is_null()), True, False),
    "第41句",
    "漏打卡",
    "Present, but the clock-in or clock-out is missing",
)
# 第12句: 提前填写《加班申请表》,交人力资源部经理签字确认后,方可安排加班 — at the start itself is
# in advance; a form not filed (not signed) is not.
derived_field(
    "Overtime",
    "filed_in_advance",
    when(F.form_filed_at <= F.started_at, True, False),
    "第12句",
    "提前提交申请",
    "The form was filed before the overtime began",
)
derived_field(
    "Overtime",
    "signed_in_advance",
    when(F.hr_signed_at <= F.started_at, True, False),
    "第12句",
    "提前签字确认",
    "HR signed before the overtime began",
)

RULES = [
    reg(
        "SAL-ATT-01",
        article="第42句",
        line=655,
        text="42、公司不允许员工迟到/早退,若迟到/早退,按一定比例在工资中扣除 " + TIERS,
        title=("迟到早退按分钟分档扣款", "Lateness and early leaving fined by the minute"),
        checks=[
            check(
                "PunchTime",
                (F.minutes >= 1) & (F.minutes <= 3),
                "{work_date}{lapse}{minutes}分钟（应{scheduled}，打卡{actual}），扣5元",
                "{work_date}: {lapse} {minutes} min (due {scheduled}, punched {actual}): 5 yuan",
                penalty=tier(1, 3, 5),
            ),
            check(
                "PunchTime",
                (F.minutes >= 4) & (F.minutes <= 10),
                "{work_date}{lapse}{minutes}分钟（应{scheduled}，打卡{actual}），扣10元",
                "{work_date}: {lapse} {minutes} min (due {scheduled}, punched {actual}): 10 yuan",
                penalty=tier(4, 10, 10),
            ),
            check(
                "PunchTime",
                any_of(
                    (F.minutes >= 11) & (F.minutes < 30),
                    (F.minutes == 30) & (P("hr.thirty_minutes") == "twenty_yuan"),
                ),
                "{work_date}{lapse}{minutes}分钟（应{scheduled}，打卡{actual}），扣20元",
                "{work_date}: {lapse} {minutes} min (due {scheduled}, punched {actual}): 20 yuan",
                penalty=tier(11, 30, 20),
            ),
            check(
                "PunchTime",
                any_of(
                    F.minutes > 30,
                    (F.minutes == 30) & (P("hr.thirty_minutes") == "half_day"),
                ),
                "{work_date}{lapse}{minutes}分钟（应{scheduled}，打卡{actual}），扣半天工资"
                "{half_day_wage_cny}元",
                "{work_date}: {lapse} {minutes} min (due {scheduled}, punched {actual}): half a "
                "day's pay, {half_day_wage_cny} yuan",
                penalty=Penalty(
                    stated=True,
                    basis="第42句",
                    text="30分钟以上扣半天工资/次",
                    fine_field="half_day_wage_cny",
                    from_pay=True,
                    note=Text("半天工资（员工名册日工资的一半）", "half a day's pay"),
                ),
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="第42句",
            text=TIERS,
            fine_min_cny=Decimal(5),
            fine_max_cny=Decimal(20),
            from_pay=True,
            note=Text("30分钟以上扣半天工资", "half a day's pay from 30 minutes"),
        ),
        readings=(
            ROUNDING,
            THIRTY,
            Reading(
                Text(
                    "同一天迟到和早退为两次；半天工资按员工名册日工资的一半计，日工资未登记的金额为空。",
                    "Late and early on one day are two occurrences; half a day's pay is half "
                    "the register's daily wage, empty when none is recorded.",
                ),
                "staff.day_start",
            ),
        ),
    ),
    reg(
        "SAL-ATT-02",
        article="第41句",
        line=653,
        text="41、公司员工一律实行上下班打卡管理,出勤日未打卡的须填写《忘/为打卡单》,并说明原因,"
        "但一个月不得超过三次,否则不以出勤论处,须扣除当日工资。",
        title=(
            "未打卡须填忘打卡单，每月不超过三次",
            "A missed punch needs a form, at most three a month",
        ),
        checks=[
            check(
                "Attendance",
                F.punch_missing.is_true() & F.exemption_id.is_null(),
                "{work_date}漏打卡且未填写忘打卡单，不以出勤论处，扣当日工资{daily_wage_cny}元",
                "{work_date}: a missing punch and no form; the day does not count and its "
                "pay ({daily_wage_cny} yuan) is deducted",
            ),
            check(
                "Attendance",
                F.punch_missing.is_true() & (F.exemption_rank > 3),
                "{work_date}为当月第{exemption_rank}张忘打卡单（{exemption_id}），超过三次，"
                "不以出勤论处，扣当日工资{daily_wage_cny}元",
                "{work_date}: form {exemption_id} is the month's number {exemption_rank}, over "
                "three; the day does not count and its pay ({daily_wage_cny} yuan) is deducted",
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="第41句",
            text="否则不以出勤论处,须扣除当日工资",
            fine_field="daily_wage_cny",
            from_pay=True,
            measures=(Measure.DAY_NOT_COUNTED,),
            note=Text("当日工资", "the day's pay"),
        ),
        readings=(
            Reading(
                Text(
                    "“一个月”按自然月计，忘打卡单按日期排序，第4张起不以出勤论处。",
                    "A month is a calendar month; forms are ranked by date and the fourth and "
                    "later do not count.",
                )
            ),
        ),
    ),
    reg(
        "SAL-ATT-03",
        article="第29句",
        line=629,
        text="29、员工如因私因公未能打卡的,经分管领导批示后向人力资源部报备。",
        title=(
            "忘打卡单经分管领导批示并报人力资源部",
            "Missed-punch forms signed by the responsible leader and filed with HR",
        ),
        checks=[
            check(
                "PunchExemption",
                any_of(F.approver_role.is_null(), F.approver_role != "分管领导"),
                "{work_date}的忘打卡单未经分管领导批示",
                "the form for {work_date} was not signed by the responsible leader",
            ),
            check(
                "PunchExemption",
                F.hr_filed.is_false(),
                "{work_date}的忘打卡单未报人力资源部备案",
                "the form for {work_date} was not filed with HR",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "批示人为空即未经批示。",
                    "An empty signer means the form was not signed.",
                )
            ),
        ),
    ),
    reg(
        "SAL-ATT-04",
        article="第44句",
        line=659,
        text="44、一次性迟到或早退30分钟以上。",
        title=("一次迟到或早退30分钟以上", "Late or early by 30 minutes or more at once"),
        checks=[
            check(
                "PunchTime",
                F.minutes >= 30,
                "{work_date}一次性{lapse}{minutes}分钟",
                "{work_date}: {lapse} by {minutes} minutes at once",
            )
        ],
        penalty=replace(
            NONE_STATED,
            note=Text(
                "片段未载处罚（多为旷工认定条件）",
                "the fragment states no sanction (usually a criterion of absence)",
            ),
        ),
        readings=(
            ROUNDING,
            Reading(
                Text(
                    "“30分钟以上”含30分钟。本句上下文缺失，通常是旷工的认定条件；与第42句扣半天工资并存，"
                    "此处只提示，不另计处罚。",
                    "'30 minutes and more' includes 30. The context is lost; such a sentence "
                    "usually defines absence. It stands beside #42's half-day deduction and "
                    "adds no sanction here.",
                )
            ),
        ),
    ),
    reg(
        "SAL-ATT-05",
        article="第5句",
        line=581,
        text="5、5.1不经请假或请假未获批准而擅自不上班者。",
        title=("未经请假或未获批准擅自不上班", "Absent without leave or approval"),
        checks=[
            check(
                "Attendance",
                F.present.is_false() & F.on_approved_leave.is_false(),
                "{work_date}未经请假或请假未获批准而不上班",
                "absent on {work_date} without approved leave",
            )
        ],
        penalty=replace(
            NONE_STATED,
            note=Text("片段为旷工定义，未载处罚", "a fragment defining absence; no sanction"),
        ),
    ),
    reg(
        "SAL-ATT-06",
        article="第8句",
        line=587,
        text="8、1.3公司员工因特殊原因需超出上述假期时限的,须经总经理签字批准,否则按旷工论处。",
        title=(
            "超出假期时限须总经理签字，否则按旷工论处",
            "Leave beyond its limit needs the general manager's signature",
        ),
        checks=[
            check(
                "LeaveRequest",
                all_of(
                    F.days_over_limit > 0,
                    any_of(F.gm_signed.is_false(), F.gm_signed.is_null()),
                ),
                "{leave_type}{days}天，超出时限{limit_days}天{days_over_limit}天，未经总经理签字批准",
                "{days} days of {leave_type}, {days_over_limit} beyond the {limit_days}-day "
                "limit, without the general manager's signature",
            )
        ],
        penalty=ABSENTEEISM,
        needs_params=("staff.leave_limits",),
        readings=(
            Reading(
                Text(
                    "“上述假期时限”不在片段中，须按公司制度设定；超出部分按旷工论处。",
                    "The limits are not in the fragment and must be set from the company's "
                    "rules; the excess counts as absence.",
                ),
                "staff.leave_limits",
            ),
        ),
    ),
    reg(
        "SAL-ATT-07",
        article="第12句",
        line=595,
        text="12、1加班申请——由公司安排加班的,需由拟加班部门经理(主管)提前填写《加班申请表》,"
        "交人力资源部经理签字确认后,方可安排加班,加班申请表须交考勤员汇总;",
        title=(
            "加班须提前申请并经人力资源部经理签字",
            "Overtime applied for in advance and signed by HR",
        ),
        checks=[
            check(
                "Overtime",
                F.filed_in_advance.is_false(),
                "{work_date}加班（{started_at}开始）前未提交《加班申请表》",
                "no overtime form before the overtime of {work_date} began at {started_at}",
            ),
            check(
                "Overtime",
                F.signed_in_advance.is_false(),
                "{work_date}加班（{started_at}开始）前人力资源部经理未签字确认",
                "HR had not signed before the overtime of {work_date} began at {started_at}",
            ),
        ],
        penalty=NONE_STATED,
    ),
    reg(
        "ARC-34-HR",
        provision="ARC-34",
        article="第33句",
        line=637,
        text="33、员工不得将公司文件遗留或存放在不恰当的地方,下班之前必须将所有文件资料归档。",
        title=(
            "下班前将所有文件资料归档，不得遗留",
            "Every document filed before leaving work, none left out",
        ),
        checks=[
            check(
                "DeskCheck",
                F.unfiled_docs > 0,
                "{check_date}下班检查：{person_id}有{unfiled_docs}份公司文件未归档（{where}）",
                "{check_date}, end-of-day round: {person_id} left {unfiled_docs} company "
                "documents unfiled ({where})",
            )
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "以下班检查记录为准，每次检查发现未归档即报告一次。目录ARC-34把本句与扩展8的归档条款列在一起；"
                    "两者出自不同公司，分别编码（扩展8见ARC-34）。",
                    "Each end-of-day round that finds documents left out is reported once. The "
                    "catalogue lists this sentence with 扩展8's filing rules under ARC-34; they "
                    "come from different companies and are encoded apart (扩展8: ARC-34).",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
