"""客户服务标准 (客戶公司管理制度15): shared/regulations/001_…, lines 490–652.

A jewellery wholesaler's (天竺工坊) service standards in fifteen chapters: the telephone, the
reception, accompanying buyers, settlement, packing, shipping, video sales, online orders, repairs,
returns, customer care and complaints. Its measurable duties are encoded here: answering by the
second ring and apologising after the fifth, greeting a visitor within a minute, quiet and
discreet company on the showroom floor, calling out the money taken and given, and reporting a
serious complaint at once. No sanction is stated anywhere. The text carries pinyin glosses and
synonym spinning (catalogue Part 4 E6, E8, E17); quotes keep them.
"""

from __future__ import annotations

from dataclasses import replace

from pydantic import PositiveInt

from checker.conditions import F, P, all_of, any_of
from checker.config import Parameter
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="customer-service-standards",
    title=Text("客户服务标准（客户公司管理制度15）", "Customer service standards (rules 15)"),
    short_title=Text("客户服务标准", "Customer Service Standards"),
    source_file="001_0caae5353eb12260.txt",
    section="制度15",
    lines=(490, 652),
)

PARAMETERS = (
    Parameter(
        "std15.answer_by_ring",
        PositiveInt,
        2,
        Text(
            "第一章1“電話鈴聲響兩聲后,務必接聽電話”：接听前最多可响几声（默认2：第3声仍未接听即违规；"
            "也可读作响过两声后的第3声内接听，即3）。",
            "第一章1 'answer after the phone has rung twice': the most rings allowed before the "
            "answer (default 2, so a third ring is late; read as 'during the third ring' it "
            "is 3).",
        ),
    ),
)

NO_SANCTION = replace(NONE_STATED, note=Text("原文未规定处罚", "no sanction stated"))


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


RULES = [
    reg(
        "SAL-SVC-06",
        article="第一章1、第二章1、第三章5、第四章7",
        line=492,
        text=(
            "1電話鈴聲響兩聲后,務(wù)必接聽電話;鈴響五聲后,應(yīng)始終電人賠禮\n"
            "1客戶到達公司后,務(wù)必在1分鐘內(nèi)有人主動上前與客戶打招呼,"
            "主動熱忱的問候“某某先生,您好”\n"
            "5.在跟單過程中,應(yīng)做到熱忱周到大方,不得高聲喧嘩,談?wù)摽蛻?/p>\n"
            "7.收款時要唱收唱付:(收您××元,找您××元)"
        ),
        title=(
            "两声内接电话、五声致歉，一分钟内招呼来客，跟单不喧哗、不谈论客户，唱收唱付",
            "Answer by the second ring, apologise after the fifth, greet visitors within a "
            "minute, no loud talk or gossip, call out money taken and given",
        ),
        checks=[
            check(
                "ServiceCall",
                F.rings > P("std15.answer_by_ring"),
                "来电{call_id}（{started_at}）响铃{rings}声才接听",
                "call {call_id} ({started_at}) was answered only after {rings} rings",
            ),
            check(
                "ServiceCall",
                all_of(F.rings >= 5, any_of(F.apologized.is_false(), F.apologized.is_null())),
                "来电{call_id}响铃{rings}声后接听，未向来电人致歉",
                "call {call_id} was answered after {rings} rings without an apology",
            ),
            check(
                "ServiceVisit",
                F.greeting_seconds > 60,
                "客户{customer}于{arrived_at}到达，{greeting_seconds}秒后才有人上前招呼",
                "customer {customer} arrived at {arrived_at} and was greeted only after "
                "{greeting_seconds} seconds",
            ),
            check(
                "ServiceVisit",
                F.greeted_at.is_null(),
                "客户{customer}于{arrived_at}到达，无人上前招呼",
                "customer {customer} arrived at {arrived_at} and nobody greeted them",
            ),
            check(
                "ServiceObservation",
                F.conduct.is_in(["跟单时高声喧哗", "跟单时谈论客户", "收款未唱收唱付"]),
                "{observed_date}：{conduct}（记录人：{observer}）",
                "{observed_date}: {conduct} (observed by {observer})",
            ),
        ],
        penalty=NO_SANCTION,
        readings=(
            Reading(
                Text(
                    "“響兩聲后,務必接聽”读作接听前最多响两声，第3声仍未接听即违规。",
                    "'Answer after two rings' is read as at most two rings before the answer; "
                    "still ringing at the third is late.",
                ),
                "std15.answer_by_ring",
            ),
            Reading(
                Text(
                    "“應始終電人賠禮”为“应向来电人赔礼”之误：响满五声（含第5声）后接听须致歉；"
                    "致歉栏为空按未致歉处理。",
                    "'應始終電人賠禮' is garbled for 'apologise to the caller': from the fifth "
                    "ring on (five included) an apology is due; an empty apology column counts "
                    "as none.",
                )
            ),
            Reading(
                Text(
                    "“1分鐘內”含60秒整：到达后60秒内（含）有人招呼合规，61秒起违规；不足1秒的零头舍去。"
                    "无招呼时间的到访按无人招呼报告。",
                    "'Within a minute' includes 60 seconds: greeted at 60 seconds is in time, at "
                    "61 late (fractions of a second dropped). A visit without a greeting time is "
                    "reported as nobody greeting.",
                )
            ),
            Reading(
                Text(
                    "第三章5“談?wù)摽蛻?/p>”为“谈论客户”（E8）。高声喧哗、谈论客户、未唱收唱付以现场检查记录为准；"
                    "“熱忱周到大方”须凭主观评价，不在检查之内。",
                    "第三章5's garbled ending reads 'gossip about customers' (E8). Loud talk, "
                    "gossip and not calling out the money are what a supervisor recorded; "
                    "warmth and courtesy need a judgement and are not checked.",
                )
            ),
        ),
    ),
    reg(
        "SAL-SVC-07",
        article="第十四章",
        line=608,
        text=(
            "全體員工均有熱忱接待聽取顧客投訴的職責(zé),并設(shè)身處地為其解決實際問題,"
            "不行以職權(quán)范圍為借口推諉顧客,當(dāng)住戶(顧客)來電或上門投訴時,須堅持以下處理原則:\n"
            "一.聽清晰在接待住戶(顧客)投訴時,應(yīng)耐煩聽住戶(顧客)講完,聽清投訴的內(nèi)容,"
            "不得打斷其說話,更不能急于表態(tài)\n"
            "六報告重大投訴,務(wù)必馬上報告部門負(fù)責(zé)人或分管經(jīng)理"
        ),
        title=(
            "不得推诿、打断投诉顾客，重大投诉马上报告",
            "No shirking or interrupting complainants; serious complaints reported at once",
        ),
        checks=[
            check(
                "ServiceComplaint",
                F.report_late.is_true(),
                "重大投诉{case_id}于{received_at}受理，未马上报告部门负责人或分管经理"
                "（报告时间：{reported_at}）",
                "serious complaint {case_id}, received {received_at}, was not reported at once "
                "to the head of department or manager in charge (reported: {reported_at})",
            ),
            check(
                "ServiceComplaint",
                any_of(F.findings.has("推诿顾客"), F.findings.has("打断客户说话")),
                "受理投诉{case_id}时查实：{findings}",
                "handling complaint {case_id}: {findings} found",
            ),
        ],
        penalty=NO_SANCTION,
        readings=(
            Reading(
                Text(
                    "“馬上”默认为受理当天报告；受理当天尚未报告的，审计日在当天时不报告，次日起报告。"
                    "“重大”以公司投诉分级的记录为准。",
                    "'At once' means by default on the day the complaint was received; one not "
                    "yet reported is reported from the next day on. Whether a complaint is "
                    "serious is the company's own grading.",
                ),
                "std15.serious_report_days",
            ),
            Reading(
                Text(
                    "推诿、打断说话以复查查实的记录为准；“耐煩聽”（耐心听）、“急于表态”及第二至五项的"
                    "问清、跟进、回复、记录须凭主观评价或另有记录，不在本条检查之内。",
                    "Shirking and interrupting are what a review established; patient "
                    "listening, not committing too early and items 二–五 (asking, following up, "
                    "replying, recording) need a judgement and are not checked here.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
