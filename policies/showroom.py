"""A car dealer's showroom rules: 客户管理制度 60句菁华 (F002 扩展4, shared/regulations/002_…,
lines 444–567).

A fragment of numbered sentences, most of them duties without a sanction; the fines it does state
are in 元 (100 元 per consultant missed at the evening review, 50 元 per day a vehicle overstays
at a second-tier store, 50 元 per empty post, 20 元 for lateness to a meeting), and it strikes off
whoever refuses service in a serious case (#36) and expels a salesperson who takes a customer's
money (#23). #12, #20 and #28 repeat 扩展3 #7, #10 and #17 and are encoded with them (SAL-DEP-02,
SAL-DEP-13, SAL-DEP-07, policies/sales_department.py); the other sentences are outside the
catalogue's sales-department rows.

Not in the default profile: #36 sanctions refusing another salesperson's customer, the same
conduct on the same observations as 扩展3 #24 (SAL-DEP-10), with a different sanction (catalogue
Part 4, V11).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Literal, get_args

from checker.conditions import (
    AUDIT_DATE,
    F,
    FieldRef,
    P,
    R,
    When,
    all_of,
    any_of,
    related,
    when,
    working_day_after,
)
from checker.config import Parameter
from checker.derived import derived_field
from checker.facts.showroom import STOCK_DAYS, Timeliness
from checker.i18n import Text
from checker.rules import NONE_STATED, Measure, Penalty, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="showroom-rules",
    title=Text(
        "公司客户管理制度（扩展4）客户管理制度60句菁华",
        "Customer management rules, 60 key sentences (extension 4)",
    ),
    short_title=Text("展厅客户管理制度", "Showroom Rules"),
    source_file="002_5ebf93d90409536b.txt",
    section="扩展4",
    lines=(444, 567),
    default_enabled=False,
    profile_note=Text(
        "第36句对“以不是自己的客户为由拒绝客户服务”情节恶劣者除名，与扩展3第24句（SAL-DEP-10：每次罚款100元，"
        "三次除名）就同一行为记录规定了不同处罚（目录第4部分V11）；两者不应同时默认启用，"
        "由采用本制度的公司在 audit.regulations 中选用。",
        "#36 strikes off whoever refuses service to a customer 'not mine' in a serious case, "
        "while 扩展3 #24 (SAL-DEP-10) fines the same conduct on the same observations 100 yuan "
        "and strikes off at the third (catalogue Part 4, V11); the two are not both on by "
        "default, and a company that runs these rules selects them in audit.regulations.",
    ),
)

PARAMETERS = (
    Parameter(
        "showroom.self_check_reading",
        Literal["each", "joint"],
        "each",
        Text(
            "第7句“销售组长和5S…自检两次”：各自每天两次（each，默认），或两人合计每天两次（joint）。",
            "#7 '销售组长和5S…自检两次': each of them twice a day (each, default), or twice "
            "a day between them (joint).",
        ),
    ),
    Parameter(
        "showroom.meeting_lateness",
        Literal["early3", "start"],
        "early3",
        Text(
            "第27句的“迟到”：未在开始前3分钟到达即迟到、罚款20元（early3，默认）；或开始后到达才算迟到"
            "（start），开始前3分钟内到达只报告未提前到达、不罚款。",
            "#27's lateness: not there 3 minutes before the start is late and fined 20 yuan "
            "(early3, default); or only arriving after the start is late (start), and arriving "
            "within the last 3 minutes is reported without a fine.",
        ),
    ),
)


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


def fine(basis: str, text: str, amount: int, **extra: object) -> Penalty:
    return Penalty(
        stated=True,
        basis=basis,
        text=text,
        fine_min_cny=Decimal(amount),
        fine_max_cny=Decimal(amount),
        **extra,  # type: ignore[arg-type]
    )


def no_sanction(zh: str, en: str) -> Penalty:
    return replace(NONE_STATED, note=Text(zh, en))


DUTY = no_sanction("原文未规定处罚", "no sanction stated")
GREETING = no_sanction("问候义务，原文未规定处罚", "a duty to greet; no sanction stated")

TEXT_36 = (
    "36、销售代表有义务为客户做好售后服务,包括带客户店面参观,介绍公司发展情况,催交货款,带客户到财务部交款等。"
    "任何销售代表不得以不是自己的客户为由拒绝客户服务,一经发现情节恶劣者将予以除名。"
    "每逢节日、客户生日,销售代表须对客户表示祝福和问候。"
)

TIMELINESS = get_args(Timeliness)


def by_day(done: FieldRef, due: FieldRef) -> When:
    """Something due on or before `due`: 按时, 逾期 when done after it, 缺失 once `due` has
    passed with nothing done, else 未到期."""
    return when(
        done <= due, "按时", when(done.not_null(), "逾期", when(due < AUDIT_DATE, "缺失", "未到期"))
    )


# 第36句: 每逢节日、客户生日,销售代表须对客户表示祝福和问候
derived_field(
    "ShowroomGreeting",
    "timeliness",
    by_day(F.greeted_on, F.occasion_date),
    "第36句",
    "问候情况",
    "按时 (on or before the day), 逾期 (after it), 缺失 (none), 未到期",
    choices=TIMELINESS,
)
# 第7句: 每天销售组长和5S利用《5S考核细则》表自检两次
derived_field(
    "ShowroomSelfCheckDay",
    "total_checks",
    F.lead_checks + F.five_s_checks,
    "第7句",
    "自检合计次数",
    "Self-checks of the team lead and the 5S officer",
)
# 第15句: 库存超过30天 — the 31st day is the first beyond.
derived_field(
    "ShowroomVehicleStock",
    "days_in_stock",
    F.recalled_date.or_else(AUDIT_DATE) - F.in_date,
    "第15句",
    "库存天数",
    "Days from arrival to recall, or to the audit date if still there",
)
derived_field(
    "ShowroomVehicleStock",
    "days_over",
    when(F.days_in_stock > STOCK_DAYS, F.days_in_stock - STOCK_DAYS, 0),
    "第15句",
    "超期天数",
    "Days beyond 30",
)
derived_field(
    "ShowroomVehicleStock",
    "still_in_stock",
    when(F.recalled_date.is_null(), True, False),
    "第15句",
    "仍在二级店",
    "Not yet recalled on the audit date",
)
# 第37句: 主管接到财务部催款通知单后要及时通知各销售代表
derived_field(
    "ShowroomCollectionNotice",
    "forward_deadline",
    working_day_after(F.received_date, P("showroom.collection_forward_days")),
    "第37句",
    "通知期限",
    "Last working day to pass the notice on",
)
derived_field(
    "ShowroomCollectionNotice",
    "timeliness",
    by_day(F.forwarded_date, F.forward_deadline),
    "第37句",
    "通知情况",
    "Whether the representatives were told in time",
    choices=TIMELINESS,
)

# Names from the staff register (of several rows of one employee, the last read): the consultant
# the evening review missed (第6句), the probationer whose conduct the mentor answers for (第25句).
for _kind, _name, _key, _article, _label in (
    ("ShowroomConsultantEvaluation", "consultant_name", F.consultant_id, "第6句", "销售顾问姓名"),
    ("ShowroomTraineeIncident", "trainee_name", F.trainee_id, "第25句", "新员工姓名"),
):
    derived_field(
        _kind,
        _name,
        related("Employee", employee_id=_key).last(R.name),
        _article,
        _label,
        "Name, from the staff register",
    )

RULES = [
    reg(
        "SAL-DEP-11",
        article="第36句",
        line=518,
        text=TEXT_36,
        title=(
            "以非己客户为由拒绝服务情节恶劣者除名；节日、生日须问候客户",
            "Struck off for a serious refusal to serve another's customer; greet customers on "
            "holidays and birthdays",
        ),
        checks=[
            check(
                "ConductObservation",
                (F.conduct == "拒绝非己客户") & F.severe.is_true(),
                "{observed_date}以不是自己的客户为由拒绝客户服务，情节恶劣",
                "{observed_date}: refused to serve a customer as not theirs, a serious case",
            ),
            check(
                "ShowroomGreeting",
                F.timeliness == "逾期",
                "客户{customer_name}的{occasion}（{occasion_date}），{greeted_on}才问候",
                "customer {customer_name}'s holiday or birthday ({occasion_date}) greeted only "
                "on {greeted_on}",
                severity="warning",
                penalty=GREETING,
            ),
            check(
                "ShowroomGreeting",
                F.timeliness == "缺失",
                "客户{customer_name}的{occasion}（{occasion_date}）未表示祝福和问候",
                "customer {customer_name}'s holiday or birthday ({occasion_date}) went without "
                "a greeting",
                severity="warning",
                penalty=GREETING,
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="第36句",
            text="一经发现情节恶劣者将予以除名",
            measures=(Measure.STRUCK_OFF,),
        ),
        readings=(
            Reading(
                Text(
                    "只有认定为情节恶劣的拒绝服务才予除名；未认定情节恶劣的拒绝本句未规定处罚，不予报告"
                    "（扩展3第24句的罚款见SAL-DEP-10，属另一制度）。",
                    "Only a refusal found to be serious is struck off; a refusal not so found "
                    "carries no sanction here and is not reported (扩展3 #24's fine is "
                    "SAL-DEP-10, another regulation).",
                )
            ),
            Reading(
                Text(
                    "节日或生日当天或之前问候为按时；之后才问候为逾期，节日已过仍未问候为未问候。",
                    "A greeting on or before the day is on time; after it, late; none once the "
                    "day has passed, missing.",
                )
            ),
        ),
    ),
    reg(
        "SAL-DEP-15",
        article="第5句",
        line=456,
        text="5、试用期内一个月不允许休息。",
        title=(
            "试用期第一个月不得休息",
            "No rest in the first month of probation",
        ),
        checks=[
            check(
                "ShowroomProbationRest",
                F.approved.is_true() & F.exempt.is_false() & (F.rest_days > 0),
                "{hire_date}入职，试用期首月（至{first_month_end}）内{leave_type}"
                "{start_date}至{end_date}，休息{rest_days}天",
                "hired {hire_date}: leave from {start_date} to {end_date}, {rest_days} "
                "days inside the first month of probation (to {first_month_end})",
            )
        ],
        penalty=DUTY,
        readings=(
            Reading(
                Text(
                    "读作“试用期内，第一个月不允许休息”：自入职日起一个月（至次月同日前一天）内获批的请假"
                    "即为休息；默认任何请假类型都算，可配置除外的类型。",
                    "Read as 'during probation, no rest in the first month': approved leave in "
                    "the month from the hire date (to the day before the same date next month) is "
                    "rest; by default every kind of leave counts, and kinds can be exempted.",
                ),
                "showroom.rest_exempt_leave",
            ),
        ),
    ),
    reg(
        "SAL-DEP-16",
        article="第6句",
        line=458,
        text="6、每日夕会销售组长必须100%真实有效评估销售顾问的展厅八步骤,如有漏评罚款100元/每人次。",
        title=(
            "夕会漏评销售顾问展厅八步骤每人次罚款100元",
            "100 yuan per consultant the evening review misses",
        ),
        checks=[
            check(
                "ShowroomConsultantEvaluation",
                F.evaluated.is_false(),
                "{review_date}夕会漏评销售顾问{consultant_id} {consultant_name}的展厅八步骤",
                "evening review of {review_date}: consultant {consultant_id} "
                "{consultant_name} not rated",
            )
        ],
        penalty=fine("第6句", "如有漏评罚款100元/每人次", 100),
        readings=(
            Reading(
                Text(
                    "当日在岗而未被评估的每名销售顾问为一人次，罚销售组长100元；未开夕会即全部漏评。"
                    "评估是否“真实有效”须另行认定，不在检查之内。",
                    "Each consultant on duty and not rated is one 人次, 100 yuan charged to the "
                    "team lead; no evening meeting misses them all. Whether a rating was "
                    "'genuine' needs a finding and is not checked.",
                )
            ),
        ),
    ),
    reg(
        "SAL-DEP-17",
        article="第7句、第9句",
        line=460,
        text="7、每天销售组长和5S利用《5S考核细则》表自检两次。\n9、所有三表卡有销售组长循环签字确认。",
        title=(
            "每天5S自检两次；三表卡须销售组长签字",
            "5S self-check twice a day; the team lead signs every form",
        ),
        checks=[
            check(
                "ShowroomSelfCheckDay",
                (P("showroom.self_check_reading") == "each")
                & any_of(F.lead_checks < 2, F.five_s_checks < 2),
                "{check_date}销售组长自检{lead_checks}次、5S自检{five_s_checks}次，不足各两次",
                "{check_date}: the team lead self-checked {lead_checks} times and 5S "
                "{five_s_checks}, fewer than twice each",
            ),
            check(
                "ShowroomSelfCheckDay",
                (P("showroom.self_check_reading") == "joint") & (F.total_checks < 2),
                "{check_date}销售组长和5S合计自检{total_checks}次，不足两次",
                "{check_date}: the team lead and 5S self-checked {total_checks} times in all, "
                "fewer than two",
            ),
            check(
                "ShowroomCard",
                F.lead_signed.is_false(),
                "{card_date}的{card_name}（{card_id}）没有销售组长签字确认",
                "{card_name} ({card_id}) of {card_date} is not signed by the team lead",
            ),
        ],
        penalty=DUTY,
        readings=(
            Reading(
                Text(
                    "“销售组长和5S…自检两次”默认读作两人各自每天两次；自检记录只含营业日。",
                    "'销售组长和5S…自检两次' reads by default as twice a day each; the records "
                    "cover business days only.",
                ),
                "showroom.self_check_reading",
            ),
        ),
    ),
    reg(
        "SAL-DEP-18",
        article="第14句",
        line=474,
        text="14、车辆调离,车辆在调离过程中发生刮擦等受损现象,根据公司规定给予相应处罚(50%)。",
        title=(
            "车辆调离中受损，责任人承担50%",
            "Damage in a vehicle transfer: the driver bears 50%",
        ),
        checks=[
            check(
                "ShowroomVehicleTransfer",
                F.damaged.is_true(),
                "{transfer_date}调离车辆{vehicle_id}时受损，修复费用{repair_cost_cny}元，"
                "按50%应承担{charge_cny}元",
                "vehicle {vehicle_id} was damaged in the transfer of {transfer_date}: repair "
                "{repair_cost_cny} yuan, 50% is {charge_cny} yuan",
            )
        ],
        penalty=Penalty(
            stated=True,
            basis="第14句",
            text="根据公司规定给予相应处罚(50%)",
            fine_field="charge_cny",
            note=Text("修复费用的50%", "50% of the repair cost"),
        ),
        readings=(
            Reading(
                Text(
                    "“相应处罚(50%)”的基数原文未写明，读作修复费用的50%，由调离车辆的人员承担；"
                    "修复费用未记录时只报告受损、不计金额。",
                    "The base of '相应处罚(50%)' is not stated; it is read as 50% of the repair "
                    "cost, borne by whoever moved the vehicle; without a recorded cost the "
                    "damage is reported with no amount.",
                )
            ),
        ),
    ),
    reg(
        "SAL-DEP-19",
        article="第15句",
        line=476,
        text="15、二级店的车辆库存超过30天的必须调回4S部,5S负责监督并接收入库,未及时调回每超过一天罚款50元。",
        title=(
            "二级店库存超过30天未调回，每超一天罚款50元",
            "50 yuan a day for a vehicle left at a second-tier store beyond 30 days",
        ),
        checks=[
            check(
                "ShowroomVehicleStock",
                F.days_over > 0,
                "车辆{vehicle_id}在{store}库存{days_in_stock}天（{in_date}入库），超过30天"
                "{days_over}天，罚款{fine_cny}元",
                "vehicle {vehicle_id} stayed {days_in_stock} days at {store} (from {in_date}), "
                "{days_over} beyond 30: {fine_cny} yuan",
            )
        ],
        penalty=Penalty(
            stated=True,
            basis="第15句",
            text="未及时调回每超过一天罚款50元",
            fine_field="fine_cny",
            note=Text("50元×超过30天的天数", "50 yuan × days beyond 30"),
        ),
        readings=(
            Reading(
                Text(
                    "库存天数为入库日至调回4S部之日（未调回的至审计日）的日历天数；“超过30天”不含30天，"
                    "第31天起每天50元。罚款由记录中的责任人承担（原文未写明是二级店还是负责监督的5S）。",
                    "Days in stock run from arrival to the day received back at the 4S store (to "
                    "the audit date if not yet); 'over 30 days' excludes 30, so each day from the "
                    "31st costs 50 yuan. The fine goes to the person the record names (the text "
                    "does not say whether the store or the supervising 5S officer).",
                )
            ),
        ),
    ),
    reg(
        "SAL-DEP-20",
        article="第17句",
        line=480,
        text="17、上班时间不得出现空岗,午餐期间设值班人员,空岗一次罚款50元;因工作原因不能在岗时,必须找值班人员代替值班,出现问题由5S负责。",
        title=(
            "空岗一次罚款50元；午餐期间须设值班人员",
            "50 yuan per empty post; someone on duty over lunch",
        ),
        checks=[
            check(
                "ShowroomPostGap",
                F.covered_by.is_null(),
                "{gap_date} {left_at}起空岗，无值班人员代岗",
                "{gap_date}: post empty from {left_at} with nobody standing in",
            ),
            check(
                "ShowroomLunchDuty",
                F.on_duty.is_null(),
                "{duty_date}午餐期间未设值班人员",
                "nobody on lunch duty on {duty_date}",
                severity="warning",
                penalty=no_sanction(
                    "设值班人员的义务，原文未规定处罚（空岗另按每次50元）",
                    "a duty to arrange; no sanction stated (an empty post is fined apart)",
                ),
            ),
        ],
        penalty=fine("第17句", "空岗一次罚款50元", 50),
        readings=(
            Reading(
                Text(
                    "离岗而无人代岗即为空岗，每条记录一次；因工作原因离岗并由值班人员代岗的不是空岗。"
                    "“出现问题由5S负责”未规定处罚，不另计。",
                    "Leaving a post with nobody standing in is an empty post, once per record; "
                    "away on business with the duty person covering is not. '出现问题由5S负责' "
                    "states no sanction and is not counted apart.",
                )
            ),
        ),
    ),
    reg(
        "SAL-DEP-21",
        article="第18句",
        line=482,
        text="18、工牌申请,新员工先到销售助理处登记姓名和电话,申请试用期工牌,转正后,申请正式工牌;工牌需要重做者,损坏交1.5元,丢失交10元。",
        title=(
            "工牌重做：损坏交1.5元，丢失交10元",
            "Badge reissue: 1.5 yuan if damaged, 10 if lost",
        ),
        checks=[
            check(
                "ShowroomBadgeReissue",
                (F.reason == "损坏") & (F.fee_cny != Decimal("1.5")),
                "{reissue_date}工牌损坏重做，交费{fee_cny}元，应为1.5元",
                "badge damaged and reissued on {reissue_date}: paid {fee_cny} yuan, not 1.5",
            ),
            check(
                "ShowroomBadgeReissue",
                (F.reason == "丢失") & (F.fee_cny != Decimal(10)),
                "{reissue_date}工牌丢失重做，交费{fee_cny}元，应为10元",
                "badge lost and reissued on {reissue_date}: paid {fee_cny} yuan, not 10",
            ),
        ],
        penalty=no_sanction(
            "工本费标准，不是罚款；收费不符原文未规定处罚",
            "a replacement charge, not a fine; no sanction stated for charging otherwise",
        ),
        readings=(
            Reading(
                Text(
                    "1.5元、10元是重做工牌的收费，检查实收是否与之相符（多收少收都报告）；工牌申请手续无记录可查。",
                    "1.5 and 10 yuan are the charges for a new badge; what was charged is "
                    "checked against them (more or less is reported); the application steps "
                    "leave no record.",
                )
            ),
        ),
    ),
    reg(
        "SAL-DEP-22",
        article="第19句、第24句",
        line=484,
        text="19、客户签小定时,要登记在小定单登记表上。\n24、收取客人定金后,开出指定收据,并与客人签署一式四份的认购书,客人1份财务部1份,销售部2份。",
        title=(
            "小定登记；定金开指定收据并签一式四份认购书",
            "Register small deposits; a receipt and a four-copy subscription for a deposit",
        ),
        checks=[
            check(
                "ShowroomDeposit",
                (F.deposit_type == "小定") & F.registered.is_false(),
                "{deposit_date}客户{customer_name}的小定未登记在小定单登记表上",
                "the small deposit of {customer_name} on {deposit_date} is not in the register",
            ),
            check(
                "ShowroomDeposit",
                (F.deposit_type == "定金") & F.receipt_no.is_null(),
                "{deposit_date}收取客户{customer_name}定金，未开指定收据",
                "deposit of {customer_name} on {deposit_date}: no designated receipt",
            ),
            check(
                "ShowroomDeposit",
                (F.deposit_type == "定金")
                & any_of(
                    F.subscription_signed.is_false(),
                    F.copies_customer != 1,
                    F.copies_finance != 1,
                    F.copies_sales != 2,
                ),
                "{deposit_date}客户{customer_name}定金的认购书未按一式四份签署分存"
                "（客人{copies_customer}份、财务部{copies_finance}份、销售部{copies_sales}份）",
                "deposit of {customer_name} on {deposit_date}: the subscription is not signed in "
                "four copies (customer {copies_customer}, finance {copies_finance}, sales "
                "{copies_sales})",
            ),
        ],
        penalty=DUTY,
        readings=(
            Reading(
                Text(
                    "认购书须签署且客人1份、财务部1份、销售部2份；份数未记录的不据以判断。",
                    "The subscription must be signed and kept 1 / 1 / 2 by the customer, "
                    "finance and sales; copies not recorded are not judged.",
                )
            ),
        ),
    ),
    reg(
        "SAL-DEP-23",
        article="第23句",
        line=492,
        text="23、客户所交每笔房款,必须到财务交缴,严禁销售员私自收款,违者开除。",
        title=(
            "销售员私自收取客户款项者开除",
            "A salesperson taking a customer's money is expelled",
        ),
        checks=[
            check(
                "ShowroomCustomerPayment",
                F.received_by == "销售员",
                "{paid_date}客户{customer_name}的{amount_cny}元由销售员私自收取，未到财务交缴",
                "{paid_date}: {amount_cny} yuan of {customer_name} was taken by the salesperson, "
                "not paid in at finance",
            )
        ],
        penalty=Penalty(
            stated=True, basis="第23句", text="违者开除", measures=(Measure.EXPULSION,)
        ),
        readings=(
            Reading(
                Text(
                    "原文“房款”即客户所交的每笔款项；凡不是由财务部收取的，均视为销售员私自收款。",
                    "'房款' is every payment a customer makes; whatever finance did not take "
                    "counts as taken by the salesperson.",
                )
            ),
        ),
    ),
    reg(
        "SAL-DEP-24",
        article="第25句",
        line=496,
        text="25、试用期间由公司专门委派一名销售顾问带其熟悉业务流程,带教销售顾问对新员工负全责,出现问题追究带教销售顾问的责任。",
        title=(
            "试用期新员工须有带教销售顾问；出现问题追究带教人责任",
            "A mentor for every probationer, held responsible for the probationer's faults",
        ),
        checks=[
            check(
                "ShowroomTraineeIncident",
                F.mentor_id.not_null(),
                "新员工{trainee_id} {trainee_name}试用期内{observed_date}：{conduct}，"
                "追究带教销售顾问责任",
                "probationer {trainee_id} {trainee_name}, {observed_date}: {conduct}; the "
                "mentor answers for it",
            ),
            check(
                "ShowroomTraineeMentor",
                F.mentor_id.is_null(),
                "试用期（{hire_date}至{probation_end_date}）内未委派带教销售顾问",
                "no mentor appointed during probation ({hire_date} to {probation_end_date})",
                severity="warning",
                penalty=no_sanction(
                    "公司的委派义务，原文未规定处罚", "the company's duty; no sanction stated"
                ),
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="第25句",
            text="出现问题追究带教销售顾问的责任",
            measures=(Measure.MENTOR_ACCOUNTABLE,),
        ),
        readings=(
            Reading(
                Text(
                    "试用期为入职日至员工名册的试用期截止日期；“出现问题”读作试用期内的任何行为记录，"
                    "记在当日的带教人名下，责任大小原文未规定。仅在数据含带教安排时检查。",
                    "Probation runs from the hire date to the register's last day of "
                    "probation; 'a problem' is any conduct recorded during it, put to the mentor "
                    "of that day, to an extent the text leaves open. Checked only when the data "
                    "keeps the mentorships.",
                )
            ),
        ),
        needs_kinds=("ShowroomMentorship",),
    ),
    reg(
        "SAL-DEP-25",
        article="第26句",
        line=498,
        text="26、着公司统一工装上班,带工牌。工装必须干净整洁,(衬衣领口、袖口)男士须打统一领带,头发整齐,发梢不可过耳,穿深色袜子,皮鞋干净;女士须佩带统一发髻、丝带、化淡状,不可披肩散发。",
        title=("统一工装、工牌与仪容", "Uniform, badge and grooming"),
        checks=[
            check(
                "ShowroomDressCheck",
                F.passed.is_false(),
                "{check_date}着装检查“{item}”不合格",
                "{check_date}: dress item {item} not met",
            )
        ],
        penalty=DUTY,
        readings=(
            Reading(
                Text(
                    "只能依据逐项着装检查记录判断；“化淡状”即“化淡妆”；男士、女士的项目各按其检查。",
                    "Only the item-by-item dress checks can show it; '化淡状' is 化淡妆; the "
                    "men's and women's items are checked as recorded.",
                )
            ),
        ),
    ),
    reg(
        "SAL-DEP-26",
        article="第27句",
        line=500,
        text="27、销售部人员参加任何会议和培训及其他集体活动时,必须提前3分钟到达,迟到者罚款20元。",
        title=(
            "会议、培训须提前3分钟到达，迟到罚款20元",
            "Be at meetings 3 minutes early; 20 yuan for lateness",
        ),
        checks=[
            check(
                "ShowroomMeetingArrival",
                (P("showroom.meeting_lateness") == "early3") & (F.arrived_at > F.due_by),
                "{meeting_date}{activity}{starts_at}开始，{arrived_at}到达，未提前3分钟（{due_by}）",
                "{meeting_date}: the meeting began at {starts_at}; arrived {arrived_at}, "
                "after {due_by}",
            ),
            check(
                "ShowroomMeetingArrival",
                (P("showroom.meeting_lateness") == "start") & (F.arrived_at > F.starts_at),
                "{meeting_date}{activity}{starts_at}开始，{arrived_at}才到达，迟到",
                "{meeting_date}: the meeting began at {starts_at}; arrived late at {arrived_at}",
            ),
            check(
                "ShowroomMeetingArrival",
                all_of(
                    P("showroom.meeting_lateness") == "start",
                    F.arrived_at > F.due_by,
                    F.arrived_at <= F.starts_at,
                ),
                "{meeting_date}{activity}{starts_at}开始，{arrived_at}到达，未提前3分钟",
                "{meeting_date}: the meeting began at {starts_at}; arrived {arrived_at}, "
                "not 3 minutes early",
                severity="warning",
                penalty=no_sanction(
                    "按“开始后到达才算迟到”的读法，未提前3分钟不罚款",
                    "read as late only after the start, not being 3 minutes early is not fined",
                ),
            ),
        ],
        penalty=fine("第27句", "迟到者罚款20元", 20),
        readings=(
            Reading(
                Text(
                    "默认开始前3分钟之后到达即为迟到、罚款20元（恰好提前3分钟到达为按时）；也可读作开始后"
                    "到达才算迟到，此时开始前3分钟内到达只报告、不罚款。未到场不属迟到，不在本条检查。",
                    "By default arriving after 3 minutes before the start is late and fined 20 "
                    "yuan (exactly 3 minutes early is on time); it can also read as late only "
                    "after the start, when arriving within the last 3 minutes is reported "
                    "without a fine. Not attending is not lateness and is not checked here.",
                ),
                "showroom.meeting_lateness",
            ),
        ),
    ),
    reg(
        "SAL-DEP-27",
        article="第37句",
        line=520,
        text="37、向客户催收货款是销售代笔的重要任务之一。月末主管接到财务部催款通知单后要及时通知各销售代表,由销售代表选择适当时机用电话或其它方式委婉通知客户。",
        title=(
            "主管接到催款通知单后及时通知销售代表",
            "The supervisor passes on finance's collection notice promptly",
        ),
        checks=[
            check(
                "ShowroomCollectionNotice",
                F.timeliness == "逾期",
                "{received_date}接到催款通知单{notice_id}，最迟应在{forward_deadline}通知销售代表，"
                "{forwarded_date}才通知",
                "collection notice {notice_id} received {received_date} was due to be passed on "
                "by {forward_deadline}, and was on {forwarded_date}",
            ),
            check(
                "ShowroomCollectionNotice",
                F.timeliness == "缺失",
                "{received_date}接到催款通知单{notice_id}，期限{forward_deadline}已过，仍未通知销售代表",
                "collection notice {notice_id} received {received_date} is not passed on, "
                "past {forward_deadline}",
            ),
        ],
        penalty=DUTY,
        readings=(
            Reading(
                Text(
                    "“及时”未规定天数，默认接到后的下一个工作日内通知；销售代表如何通知客户属其自行选择，不检查。",
                    "'Promptly' has no number of days; by default by the next working day. How "
                    "the representatives tell the customers is their choice and not checked.",
                ),
                "showroom.collection_forward_days",
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
