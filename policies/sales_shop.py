"""A store's staff rules: 拜访客户管理制度 篇十 (shared/regulations/000_…, lines 372–392).

Every breach costs 考核分: 3 points an item, 10 for an unexcused absence; the 店长 enforces, the
经理助理 supervises, and a 店长 found wanting loses double. The section names no amount in 元, so
its footnote's "所有罚款从当月工资中扣除" is checked on the store's ledger (SAL-SHOP-15) and no
fine is invented. 早上9点上班 (#4) and 17:30下班 (#6) are the 迟到/早退 of #8 and are deducted
once, there.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from typing import get_args

from checker.conditions import F, P, any_of, when
from checker.config import Parameter
from checker.derived import derived_field
from checker.facts.store import Band
from checker.i18n import Text
from checker.records.store import APPEARANCE_ITEMS, CIVILITY_ITEMS, QUALITY_ITEMS
from checker.rules import (
    NONE_STATED,
    Check,
    Measure,
    Penalty,
    Reading,
    Regulation,
    Rule,
    check,
    rule_of,
)

REGULATION = Regulation(
    id="shop-conduct",
    title=Text(
        "拜访客户管理制度（篇十）店面人员规范", "Store staff rules (visiting customers, part 10)"
    ),
    short_title=Text("店面人员规范", "Store Staff Rules"),
    source_file="000_0502e1545e4045f1.txt",
    section="篇十",
    lines=(372, 392),
)

PARAMETERS = (
    Parameter(
        "shop.yuan_per_point",
        float | None,
        None,
        Text(
            "考核分折算罚款的标准（元/分）：原文未规定，为空时只扣分；设定后每扣1分罚该金额，"
            "按备注“所有罚款从当月工资中扣除”。",
            "Yuan per point: the text states none, so by default points are only points; once "
            "set, each point is also a fine of this amount, taken from that month's pay as the "
            "footnote says.",
        ),
    ),
    Parameter(
        "shop.meeting_time",
        time,
        time(9, 5),
        Text("晨会开始时间（第4项：9:05由店长主持晨会）。", "Morning meeting time (#4: 9:05)."),
    ),
    Parameter(
        "shop.cleaning_time",
        time,
        time(9, 15),
        Text(
            "打扫卫生、检查办公设备的开始时间（第5项：9:15）。",
            "When cleaning and the equipment check begin (#5: 9:15).",
        ),
    ),
    Parameter(
        "shop.work_log_time",
        time,
        time(17, 10),
        Text("开始写工作日志的时间（第6项：17:10）。", "When the work log begins (#6: 17:10)."),
    ),
    Parameter(
        "shop.tidying_time",
        time,
        time(17, 20),
        Text("开始整理店面的时间（第6项：17:20）。", "When tidying the store begins (#6: 17:20)."),
    ),
)

FOOTNOTE = (
    "备注:所有人员必须执行上述规定、违反一次扣除考核相关分、店长负责执行、经理助理进行监督、"
    "发现店长监督不善、扣除店长双倍考核分。所有罚款从当月工资中扣除"
)


RATE = "shop.yuan_per_point"
POINTS_RATE = Reading(
    Text(
        "本篇只规定扣考核分，未规定每分折算多少元；默认只扣分不罚款。本单位设定折算标准后，"
        "扣分同时按分数×标准罚款，从违规当月工资中扣除（备注）。",
        "The section deducts points and states no yuan per point; by default points are only "
        "points. Once an organisation sets a rate, each deduction is also a fine of points × "
        "rate, taken from that month's pay (footnote).",
    ),
    RATE,
)


def points(article: str, text: str, value: int = 3, *measures: Measure) -> Penalty:
    return Penalty(
        stated=True,
        basis=article,
        text=text,
        points=value,
        measures=measures,
        yuan_per_point_param=RATE,
        from_pay=True,
    )


def reg(id: str, **fields: object) -> Rule:
    """A store rule; every rule that deducts points reads the configured 元-per-point rate."""
    penalty = fields["penalty"]
    if isinstance(penalty, Penalty) and penalty.yuan_per_point_param:
        fields["readings"] = (*fields.get("readings", ()), POINTS_RATE)  # type: ignore[misc]
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


def failed_item(items: tuple[str, ...]) -> list[Check]:
    return [
        check(
            "StoreAssessment",
            F.item.is_in(list(items)) & F.passed.is_false(),
            "{assessed_date}考核“{item}”不达标",
            "{item} not met in the assessment of {assessed_date}",
        )
    ]


def observed(conducts: list[str]) -> list[Check]:
    return [
        check(
            "ConductObservation",
            F.conduct.is_in(conducts),
            "{observed_date}：{conduct}",
            "{observed_date}: {conduct}",
        )
    ]


PER_OCCURRENCE = Reading(
    Text(
        "每条记录为一次违规，每次扣3分；同一天的多次行为分别记录、分别扣分。",
        "Each record is one breach and costs 3 points; several on one day are recorded and "
        "deducted separately.",
    )
)
ASSESSED = Reading(
    Text(
        "本项标准多为主观评价，只能依据店长或经理助理的逐项考核记录判断；每个不达标的项目扣3分。",
        "The standards are mostly judgements, so only the item-by-item assessment records can "
        "show them; each item not met costs 3 points.",
    )
)

# 第10项's bands: 超过十分钟…30分以内, 30分钟以上到3小时, 半天以上到一天. 超过十分钟 excludes ten
# minutes; 30 minutes falls in both of the first bands and shop.thirty_minutes_band decides;
# "3小时" closes its band; 半天 opens the next. The text has no band between three hours and half a
# day, nor beyond a day.
MINUTES, HALF_DAY = F.duration_minutes, P("shop.half_day_minutes")
derived_field(
    "PostAbsence",
    "band",
    when(
        MINUTES <= 10,
        "十分钟以内",
        when(
            (MINUTES < 30) | ((MINUTES == 30) & (P("shop.thirty_minutes_band") == "notice")),
            "十分钟至三十分钟",
            when(
                MINUTES <= 180,
                "三十分钟至三小时",
                when(
                    MINUTES < HALF_DAY,
                    "三小时至半天",
                    when(MINUTES <= HALF_DAY * 2, "半天至一天", "一天以上"),
                ),
            ),
        ),
    ),
    "第10项",
    "离岗时长档次",
    "Band of 篇十 #10 the absence falls in",
    choices=get_args(Band),
)

RULES = [
    reg(
        "SAL-SHOP-01",
        article="第1项",
        line=375,
        text="1、店员的职业素质:爱岗敬业、严以律己、以诚待人、积极工作的心态、创造\n性思维、持续学习(不达标的一项3分)",
        title=("职业素质不达标的一项扣3分", "3 points per professional quality not met"),
        checks=failed_item(QUALITY_ITEMS),
        penalty=points("第1项", "不达标的一项3分"),
        readings=(ASSESSED,),
    ),
    reg(
        "SAL-SHOP-02",
        article="第2项",
        line=377,
        text="2、店面人员的文明规范:着装整齐、大方得体、佩戴胸牌语言文明、行为规范、\n克以奉公、诚实待人、乐于奉献、实现价值(不达标的'一项3分)",
        title=("文明规范不达标的一项扣3分", "3 points per civility norm not met"),
        checks=failed_item(CIVILITY_ITEMS),
        penalty=points("第2项", "不达标的'一项3分"),
        readings=(
            ASSESSED,
            Reading(
                Text(
                    "“佩戴胸牌语言文明”为“佩戴胸牌、语言文明”两项；“克以奉公”即“克己奉公”。",
                    "'佩戴胸牌语言文明' is two items (badge; civil language); '克以奉公' is 克己奉公.",
                )
            ),
        ),
    ),
    reg(
        "SAL-SHOP-03",
        article="第3项",
        line=379,
        text="3、店面人员的仪容仪表:头发:干净无异味、不飘然异色、不留怪发型、手:\n"
        "无过多首饰、无染指甲,着装:服装统一、要求干净、整齐、无掉扣开线处,站立:上身稳定、双手安放两侧、不要背着双手也不要双手抱在胸前插入裤袋,身子不要测斜、坐姿端庄、不能翘二郎腿(不达标的一项3分)",
        title=("仪容仪表不达标的一项扣3分", "3 points per appearance item not met"),
        checks=failed_item(APPEARANCE_ITEMS),
        penalty=points("第3项", "不达标的一项3分"),
        readings=(
            ASSESSED,
            Reading(
                Text(
                    "考核项目按原文分为头发、首饰、指甲、服装、站姿、坐姿六项。",
                    "The items are hair, jewellery, nails, clothing, standing and sitting.",
                )
            ),
        ),
    ),
    reg(
        "SAL-SHOP-04",
        article="第4项",
        line=381,
        text="4、所有员工早上必须9点上班、9:05由店长主持晨会、分工当天的工作安排、\n注意事项(没按时完成一项3分)",
        title=("9:05由店长主持晨会", "The store manager chairs the 9:05 morning meeting"),
        checks=[
            check(
                "MorningMeeting",
                F.started_at.is_null(),
                "{meeting_date}未开晨会",
                "no morning meeting on {meeting_date}",
            ),
            check(
                "MorningMeeting",
                F.started_at > P("shop.meeting_time"),
                "{meeting_date}晨会{started_at}才开始",
                "the meeting of {meeting_date} began at {started_at}",
            ),
            check(
                "MorningMeeting",
                F.started_at.not_null() & (F.host_role != "店长"),
                "{meeting_date}晨会由{host_role}主持，不是店长",
                "the meeting of {meeting_date} was chaired by a {host_role}, not the manager",
            ),
        ],
        penalty=points("第4项", "没按时完成一项3分"),
        readings=(
            Reading(
                Text(
                    "晨会为一项，扣店长3分；“9点上班”按第8项迟到扣分，不在本项重复扣。",
                    "The meeting is one item, charged to the store manager; 9:00 arrival is "
                    "#8's lateness and is not deducted twice.",
                ),
                "shop.meeting_time",
            ),
        ),
    ),
    reg(
        "SAL-SHOP-05",
        article="第5项",
        line=383,
        text="5、9:15打扫卫生、检查办公设备是否能正常运行(没按时完成的一项3分)",
        title=("9:15打扫卫生、检查设备", "Cleaning and the equipment check at 9:15"),
        checks=[
            check(
                "StoreTask",
                F.task.is_in(["打扫卫生", "设备检查"]) & F.started_at.is_null(),
                "{task_date}未{task}",
                "{task} not done on {task_date}",
            ),
            check(
                "StoreTask",
                F.task.is_in(["打扫卫生", "设备检查"]) & (F.started_at > P("shop.cleaning_time")),
                "{task_date}{task}{started_at}才开始",
                "{task} began at {started_at} on {task_date}",
            ),
            check(
                "StoreTask",
                F.task.is_in(["打扫卫生", "设备检查"]) & F.done.is_false(),
                "{task_date}{task}未完成",
                "{task} not completed on {task_date}",
            ),
        ],
        penalty=points("第5项", "没按时完成的一项3分"),
        readings=(
            Reading(
                Text(
                    "9:15为开始时间（含9:15）；打扫卫生与设备检查各为一项。",
                    "9:15 is when the tasks begin (9:15 itself is on time); each is one item.",
                ),
                "shop.cleaning_time",
            ),
        ),
    ),
    reg(
        "SAL-SHOP-06",
        article="第6项",
        line=383,
        text="6、17:10开始写当天的工作日志、17:20开始整理店面、17:30下班(没按时完\n成的一项3分)",
        title=("17:10写工作日志、17:20整理店面", "Work log at 17:10, tidying at 17:20"),
        checks=[
            check(
                "WorkLogDay",
                F.log_started.is_null(),
                "{work_date}没有工作日志",
                "no work log on {work_date}",
            ),
            check(
                "WorkLogDay",
                F.log_started > P("shop.work_log_time"),
                "{work_date}工作日志{log_started}才开始写",
                "the work log of {work_date} began at {log_started}",
            ),
            check(
                "StoreTask",
                (F.task == "整理店面") & F.started_at.is_null(),
                "{task_date}未整理店面",
                "the store was not tidied on {task_date}",
            ),
            check(
                "StoreTask",
                (F.task == "整理店面") & (F.started_at > P("shop.tidying_time")),
                "{task_date}整理店面{started_at}才开始",
                "tidying began at {started_at} on {task_date}",
            ),
        ],
        penalty=points("第6项", "17:30下班(没按时完 … 成的一项3分)"),
        readings=(
            Reading(
                Text(
                    "出勤日均须写工作日志（仅在数据含店面日常工作记录时检查）；17:30下班按第8项早退扣分。",
                    "Every day worked needs a log (checked when the data has the daily tasks); "
                    "leaving before 17:30 is #8's early departure.",
                ),
                "shop.work_log_time",
            ),
            Reading(
                Text(
                    "17:20为整理店面的开始时间（含17:20）。",
                    "17:20 is when tidying begins (17:20 itself is on time).",
                ),
                "shop.tidying_time",
            ),
        ),
        needs_kinds=("StoreTask",),
    ),
    reg(
        "SAL-SHOP-07",
        article="第7项",
        line=385,
        text="7、延时、拖拉、没有按时完成工作任务的(扣分3分并根据公司损失尽心赔偿)",
        title=(
            "未按时完成工作任务扣3分并按损失赔偿",
            "3 points and compensation for work not done on time",
        ),
        checks=[
            check(
                "WorkTask",
                F.overdue.is_true() & F.completed_at.not_null(),
                "任务{task_id}期限{due_at}，{completed_at}才完成（公司损失{company_loss_cny}元）",
                "task {task_id} was due {due_at} and done {completed_at} (loss: "
                "{company_loss_cny} yuan)",
            ),
            check(
                "WorkTask",
                F.overdue.is_true() & F.completed_at.is_null(),
                "任务{task_id}期限{due_at}，至今未完成（公司损失{company_loss_cny}元）",
                "task {task_id} was due {due_at} and is not done (loss: {company_loss_cny} yuan)",
            ),
        ],
        penalty=points("第7项", "扣分3分并根据公司损失尽心赔偿", 3, Measure.COMPENSATE_LOSS),
        readings=(
            Reading(
                Text(
                    "“尽心赔偿”即“进行赔偿”；赔偿额按公司损失，原文未规定计算方法，报告只列出记录的损失。",
                    "'尽心赔偿' is 进行赔偿; the text gives no formula, so the report shows the "
                    "recorded loss only.",
                )
            ),
        ),
    ),
    reg(
        "SAL-SHOP-08a",
        article="第8项",
        line=386,
        text="8、严守工作时间、不得迟到、早退,不无故缺岗(前一项3分、缺岗10分)",
        title=("迟到、早退每次扣3分", "3 points per late arrival or early departure"),
        checks=[
            check(
                "PunchTime",
                F.seconds > 0,
                "{work_date}{lapse}：应{scheduled}，打卡{actual}",
                "{work_date}: {lapse} (due {scheduled}, punched {actual})",
            )
        ],
        penalty=points("第8项", "前一项3分"),
        readings=(
            Reading(
                Text(
                    "原文未规定宽限时间，晚于上班时间或早于下班时间即为迟到、早退；同日迟到和早退各扣一次。",
                    "No grace period is stated: any time after the start or before the end "
                    "counts; late and early on one day are two deductions.",
                ),
                "staff.day_start",
            ),
        ),
    ),
    reg(
        "SAL-SHOP-08b",
        article="第8项",
        line=386,
        text="8、严守工作时间、不得迟到、早退,不无故缺岗(前一项3分、缺岗10分)",
        title=("无故缺岗每次扣10分", "10 points per unexcused absence"),
        checks=[
            check(
                "Attendance",
                F.present.is_false() & F.on_approved_leave.is_false(),
                "{work_date}缺岗，无获批请假",
                "absent on {work_date} with no approved leave",
            )
        ],
        penalty=points("第8项", "缺岗10分", 10),
        readings=(
            Reading(
                Text(
                    "“无故”指没有获批的请假；考勤记录应只含排班的工作日。",
                    "'Without cause' means without approved leave; attendance records should "
                    "cover the rostered days only.",
                )
            ),
        ),
    ),
    reg(
        "SAL-SHOP-09",
        article="第9项",
        line=387,
        text="9、上班时间不干私活、不吃零食、不打瞌睡(每次考核一项3分)",
        title=(
            "上班干私活、吃零食、打瞌睡每次扣3分",
            "3 points for private work, snacks or dozing",
        ),
        checks=observed(["干私活", "吃零食", "打瞌睡"]),
        penalty=points("第9项", "每次考核一项3分"),
        readings=(PER_OCCURRENCE,),
    ),
    reg(
        "SAL-SHOP-10a",
        article="第10项",
        line=388,
        text="10、严禁上班时间聚众聊天、无所事事、不得随意带来亲戚朋友走访。",
        title=(
            "上班聚众聊天、无所事事、带亲友走访每次扣3分",
            "3 points for chatting in groups, idling or bringing visitors",
        ),
        checks=observed(["聚众聊天", "无所事事", "亲友走访"]),
        penalty=points("第10项", "每次考核一项3分"),
        readings=(PER_OCCURRENCE,),
    ),
    reg(
        "SAL-SHOP-10b",
        article="第10项",
        line=388,
        text="离岗超过十分钟以上到30分以内像预告通知、30分钟以上到3小时需向店长请假、半天以上到一天请假需向店长书面请假并由经理同意(每次考核一项3分)",
        title=("离岗按时长告知或请假", "Leaving the post: notice or leave by duration"),
        checks=[
            check(
                "PostAbsence",
                (F.band == "十分钟至三十分钟") & F.notice_given.is_false(),
                "离岗{duration_minutes}分钟（{left_at}起），未预先告知",
                "away {duration_minutes} minutes from {left_at} without notice",
            ),
            check(
                "PostAbsence",
                (F.band == "三十分钟至三小时") & F.manager_approved.is_false(),
                "离岗{duration_minutes}分钟（{left_at}起），未向店长请假",
                "away {duration_minutes} minutes from {left_at} without the manager's leave",
            ),
            check(
                "PostAbsence",
                (F.band == "半天至一天")
                & any_of(F.written_request.is_false(), F.director_approved.is_false()),
                "离岗{duration_minutes}分钟（{left_at}起），未向店长书面请假或未经经理同意",
                "away {duration_minutes} minutes from {left_at} without a written request to "
                "the manager and the area manager's consent",
            ),
        ],
        penalty=points("第10项", "每次考核一项3分"),
        readings=(
            Reading(
                Text(
                    "“像预告通知”即“向…预告通知”，告知对象原文未写明；“超过十分钟”不含10分钟；"
                    "恰好30分钟同属两档，默认按“30分以内”只须告知。",
                    "'像预告通知' is 向…预告通知, to whom unstated; 'over ten minutes' excludes "
                    "ten; exactly 30 minutes falls in both bands and by default counts as "
                    "'within 30', needing notice only.",
                ),
                "shop.thirty_minutes_band",
            ),
            Reading(
                Text(
                    "3小时至半天、超过一天的离岗原文未规定，不予报告；半天默认为255分钟。",
                    "Absences between three hours and half a day, or over a day, are not "
                    "regulated and not reported; half a day is 255 minutes by default.",
                ),
                "shop.half_day_minutes",
            ),
        ),
    ),
    reg(
        "SAL-SHOP-11",
        article="第11项",
        line=389,
        text="11、同事之间团结奋进、不得相互排斥、造谣,不拉帮结对、分帮派(每次考核一项3分)",
        title=("相互排斥、造谣、拉帮结派每次扣3分", "3 points for exclusion, rumours or cliques"),
        checks=observed(["相互排斥", "造谣", "拉帮结派"]),
        penalty=points("第11项", "每次考核一项3分"),
        readings=(PER_OCCURRENCE,),
    ),
    reg(
        "SAL-SHOP-12",
        article="第12项",
        line=390,
        text="12、接待客户要热情、礼貌、积极、不卑不亢。(每次考核一项3分)",
        title=(
            "接待客户热情、礼貌、积极、不卑不亢",
            "Warm, polite, active and poised with customers",
        ),
        checks=observed(["接待不热情", "接待不礼貌", "接待不积极", "接待有失分寸"]),
        penalty=points("第12项", "每次考核一项3分"),
        readings=(PER_OCCURRENCE,),
    ),
    reg(
        "SAL-SHOP-13",
        article="第13项",
        line=391,
        text="13、严禁当着客户发牢骚、对客户评头论足、指指点点、不得怠慢客户(每次考核一项3分)",
        title=(
            "当着客户发牢骚、评头论足、指指点点、怠慢客户每次扣3分",
            "3 points for grumbling before, judging, pointing at or neglecting customers",
        ),
        checks=observed(["当客发牢骚", "评头论足", "指指点点", "怠慢客户"]),
        penalty=points("第13项", "每次考核一项3分"),
        readings=(PER_OCCURRENCE,),
    ),
    reg(
        "SAL-SHOP-14",
        article="备注",
        line=392,
        text=FOOTNOTE,
        title=(
            "店长监督不善扣双倍考核分",
            "A store manager who failed to supervise loses double points",
        ),
        checks=[
            check(
                "SupervisionFinding",
                (F.found_by_role == "经理助理") & (F.staff_points > 0),
                "{found_date}经理助理发现店长监督不善：{related_violations}，共{staff_points}分，"
                "店长扣双倍{double_points}分",
                "on {found_date} the assistant manager found the manager failed to supervise: "
                "{related_violations}, {staff_points} points; the manager loses "
                "{double_points}",
            )
        ],
        penalty=Penalty(
            stated=True,
            basis="备注",
            text="发现店长监督不善、扣除店长双倍考核分",
            points_field="double_points",
            yuan_per_point_param=RATE,
            from_pay=True,
            note=Text("相关员工扣分的两倍", "twice the staff violations' points"),
        ),
        readings=(
            Reading(
                Text(
                    "“双倍考核分”按相关员工违规扣分的两倍计；相关违规按检查记录所列记录编号在本制度下查得。",
                    "'Double points' is twice the points of the staff violations the finding "
                    "names, looked up by the record numbers it lists.",
                )
            ),
        ),
    ),
    reg(
        "SAL-SHOP-15",
        article="备注",
        line=392,
        text=FOOTNOTE,
        title=(
            "扣分与罚款计入违规当月",
            "Points and fines booked in the month of the breach",
        ),
        checks=[
            check(
                "PointDeduction",
                F.recorded_month != F.violation_month,
                "{violation_date}的违规扣分记入{recorded_month}，不是当月",
                "points for {violation_date} booked in {recorded_month}, not that month",
            ),
            check(
                "PointDeduction",
                (F.fine_cny > 0) & F.pay_month.is_null(),
                "{violation_date}的罚款{fine_cny}元未从工资中扣除",
                "the fine of {fine_cny} yuan for {violation_date} was not deducted from pay",
            ),
            check(
                "PointDeduction",
                (F.fine_cny > 0) & (F.pay_month != F.violation_month),
                "{violation_date}的罚款{fine_cny}元从{pay_month}工资中扣除，不是当月",
                "the fine of {fine_cny} yuan for {violation_date} came off the {pay_month} pay, "
                "not that month's",
            ),
        ],
        penalty=replace(
            NONE_STATED,
            note=Text("记账要求，原文未规定处罚", "a booking rule; no sanction stated"),
        ),
        readings=(
            Reading(
                Text(
                    "本篇未规定任何元金额，也未规定扣分折算金额；仅检查台账是否计入违规当月。",
                    "The section states no amount in yuan and no rate for points; only the "
                    "ledger's months are checked.",
                ),
                RATE,
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
