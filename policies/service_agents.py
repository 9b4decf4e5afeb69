"""客服代表工作规范 (拜访客户管理制度 篇七): shared/regulations/000_…, lines 161–217.

A call centre's rules for its customer-service agents (众品网): the service language of items 6–7
(请 / 您 / 再见, no curt words, no shifting blame, no reproaching the customer) and the seat
discipline of the duty rules (no leaving the seat without a manager's approval, no loud talk,
reading, chatting or hanging up on a caller). The text states no sanction for any of them. The
shift-swap rules of the same section are other rows of the catalogue (OTH-SHF-*).
"""

from __future__ import annotations

from dataclasses import replace

from checker.conditions import F, all_of, any_of
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="service-agent-norms",
    title=Text(
        "客服代表工作规范（拜访客户管理制度篇七）",
        "Rules for customer-service agents (visiting customers, part 7)",
    ),
    short_title=Text("客服代表工作规范", "Service Agent Rules"),
    source_file="000_0502e1545e4045f1.txt",
    section="篇七",
    lines=(161, 217),
)

PARAMETERS = ()

NO_SANCTION = replace(NONE_STATED, note=Text("原文未规定处罚", "no sanction stated"))


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


RULES = [
    reg(
        "SAL-SVC-01",
        article="第6、7项",
        line=167,
        text=(
            "6、客服代表在受理客户咨询、投诉时,必须严格执行规范的服务用语,态度和蔼、亲切,热情处理客户的咨询或投诉;\n"
            "7、客服代表在工作过程中,应严格按照“三要、三不、四个一样”的要求去做。即:\n"
            "三要:要“请”字当头,“您”字不离口,“再见”结尾。\n"
            "三不:不使用生硬语言,不说推卸责任的话,不责备、埋怨客户。"
        ),
        title=(
            "服务用语“三要、三不”",
            "Service language: the three musts and the three must-nots",
        ),
        checks=[
            check(
                "ServiceCall",
                F.used_please.is_false(),
                "通话{call_id}（{started_at}）质检：未以“请”字当头",
                "call {call_id} ({started_at}), review: the agent did not use 请 (please)",
            ),
            check(
                "ServiceCall",
                F.used_nin.is_false(),
                "通话{call_id}（{started_at}）质检：未称“您”",
                "call {call_id} ({started_at}), review: the agent did not address the caller as 您",
            ),
            check(
                "ServiceCall",
                F.said_goodbye.is_false(),
                "通话{call_id}（{started_at}）质检：未以“再见”结尾",
                "call {call_id} ({started_at}), review: the agent did not end with 再见 (goodbye)",
            ),
            check(
                "ServiceCall",
                any_of(
                    F.findings.has("生硬语言"),
                    F.findings.has("推卸责任"),
                    F.findings.has("责备埋怨客户"),
                ),
                "通话{call_id}（{started_at}）质检发现：{findings}",
                "call {call_id} ({started_at}), review found: {findings}",
            ),
        ],
        penalty=NO_SANCTION,
        readings=(
            Reading(
                Text(
                    "是否用了“请”“您”“再见”、是否有生硬语言、推卸责任、责备埋怨客户，以质检对通话的评定为准；"
                    "未经质检的通话（相应栏为空）不检查。第7项适用于一切通话，不限于咨询和投诉。",
                    "Whether the agent said 请, 您 and 再见, or spoke curtly, shifted blame or "
                    "reproached the caller, is what the call's quality review found; a call "
                    "nobody reviewed (those columns empty) is not checked. Item 7 covers every "
                    "call, not only enquiries and complaints.",
                )
            ),
            Reading(
                Text(
                    "“态度和蔼、亲切”和“四个一样”须凭主观评价，不在检查之内。",
                    "A kind and friendly manner and the 'four alike' need a judgement and are "
                    "not checked.",
                )
            ),
        ),
    ),
    reg(
        "SAL-SVC-02",
        article="值班第5项、工作纪律第5项",
        line=176,
        text=(
            "5、自觉遵守劳动纪律,履行操作员职责。严禁在工作场所内大声喧哗,未经经理批准不得擅离职守。\n"
            "5、上班时间不能看书,不能与临台闲聊(业务交流除外)、不能私挂用户电话;手机铃声调为振动。"
        ),
        title=(
            "不得擅离职守、大声喧哗、看书、闲聊或私挂用户电话",
            "No leaving the seat unapproved, loud talk, reading, chatting or hanging up on callers",
        ),
        checks=[
            check(
                "ServiceSeatAbsence",
                any_of(F.manager_approved.is_false(), F.manager_approved.is_null()),
                "{left_at}离席（事由：{reason}），未经经理批准",
                "left the seat at {left_at} (reason: {reason}) without a manager's approval",
            ),
            check(
                "ServiceCall",
                all_of(F.hung_up_by == "客服", F.customer_finished.is_false()),
                "通话{call_id}（{started_at}）：客户未讲完，客服先挂断电话",
                "call {call_id} ({started_at}): the agent hung up before the caller had finished",
            ),
            check(
                "ServiceObservation",
                F.conduct.is_in(["大声喧哗", "看书", "与临台闲聊"]),
                "{observed_date}上班时{conduct}（记录人：{observer}）",
                "{observed_date}: {conduct} at work (observed by {observer})",
            ),
        ],
        penalty=NO_SANCTION,
        readings=(
            Reading(
                Text(
                    "离席登记中“经理批准”为空按未经批准处理：批准须有记录。离席时长不论。",
                    "An absence whose manager-approval column is empty counts as unapproved: an "
                    "approval must be on record. How long the absence lasted does not matter.",
                )
            ),
            Reading(
                Text(
                    "“私挂用户电话”指客户未讲完时由客服先挂断；“客户已讲完”为空的通话不判断。"
                    "与临台的业务交流不是闲聊，检查人员不应将其记为“与临台闲聊”。",
                    "Hanging up on a caller means the agent ended the call before the caller "
                    "had finished; calls where that is not recorded are not judged. Talk with "
                    "the next desk about work is not chatting and should not be recorded as such.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
