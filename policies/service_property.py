"""物业管理处接待来访投诉 (拜访客户管理制度 篇二): shared/regulations/000_…, lines 54–72.

A property office's rules for residents' visits and complaints. Item 5 binds the department
responsible for a case: no shirking, no making things hard for the resident, no asking favours,
and once the case is dealt with, the outcome goes back to the resident and to the office's
director. No sanction is stated. 篇三 (lines 73–91) and F003 第三篇 are censored copies of the
same text (catalogue Part 4 V2, E9); this one is cited. Item 3's same-day investigation and the
return visits are other rows of the catalogue (OTH-CMP-04, OTH-VIS-05).
"""

from __future__ import annotations

from dataclasses import replace

from checker.conditions import AUDIT_DATE, F, FieldRef, P, When, any_of, days, when
from checker.derived import derived_field
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="property-resident-complaints",
    title=Text(
        "物业管理处接待来访投诉规定（拜访客户管理制度篇二）",
        "Property office rules on residents' visits and complaints (visiting customers, part 2)",
    ),
    short_title=Text("接待来访投诉规定", "Resident Complaint Rules"),
    source_file="000_0502e1545e4045f1.txt",
    section="篇二",
    lines=(54, 72),
)

PARAMETERS = ()


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


# 第5项 "处理完毕后应将结果回复住户和管理处主任": due property.reply_days calendar days after the
# case is finished; not yet told and that day passed is late too; unfinished cases are not due.
def _reply_late(replied: FieldRef) -> When:
    last_day = F.completed_date + days(P("property.reply_days"))
    late = replied.or_else(AUDIT_DATE) > last_day
    return when(F.completed_date.is_null(), None, when(late, True, False))


derived_field(
    "ResidentComplaint",
    "resident_reply_late",
    _reply_late(F.resident_replied_date),
    "第5项",
    "未及时回复住户",
    "The resident was not told by the day allowed; empty while unfinished",
)
derived_field(
    "ResidentComplaint",
    "director_reply_late",
    _reply_late(F.director_replied_date),
    "第5项",
    "未及时回复主任",
    "The director was not told by the day allowed; empty while unfinished",
)


RULES = [
    reg(
        "SAL-SVC-03",
        article="第5项",
        line=59,
        text=(
            "5. 责任部门在处理来访、投诉时,要热诚、主动、及时,要坚持原则,突出服务;不得推诿责任、"
            "为难住户或乘机索取好处,在处理完毕后应将结果回复住户和管理处主任,做到事事有着落、件件有回音。"
        ),
        title=(
            "不得推诿、为难住户或索取好处，处理结果回复住户和主任",
            "No shirking, obstructing or favours; the outcome told to the resident and the "
            "director",
        ),
        checks=[
            check(
                "ResidentComplaint",
                any_of(
                    F.findings.has("推诿责任"),
                    F.findings.has("为难住户"),
                    F.findings.has("索取好处"),
                ),
                "处理住户{resident}的投诉{case_id}时查实：{findings}",
                "handling case {case_id} of resident {resident}: {findings} found",
            ),
            check(
                "ResidentComplaint",
                F.resident_reply_late.is_true(),
                "投诉{case_id}于{completed_date}处理完毕，处理结果未及时回复住户{resident}"
                "（回复日期：{resident_replied_date}）",
                "case {case_id} was dealt with on {completed_date} but resident {resident} was "
                "not told in time (told on: {resident_replied_date})",
            ),
            check(
                "ResidentComplaint",
                F.director_reply_late.is_true(),
                "投诉{case_id}于{completed_date}处理完毕，处理结果未及时回复管理处主任"
                "（回复日期：{director_replied_date}）",
                "case {case_id} was dealt with on {completed_date} but the director was not "
                "told in time (told on: {director_replied_date})",
            ),
        ],
        penalty=replace(NONE_STATED, note=Text("原文未规定处罚", "no sanction stated")),
        readings=(
            Reading(
                Text(
                    "回复住户和回复主任是两项义务，缺一即报告。原文未定回复期限，默认须在处理完毕当天回复"
                    "（与第3项“当天进行调查”一致）；尚未处理完毕的案件不检查回复。",
                    "Telling the resident and telling the director are two duties; either "
                    "missing is reported. The text sets no deadline; by default the outcome is "
                    "due on the day the case is finished (as item 3's same-day investigation). "
                    "Cases not yet finished are not checked for replies.",
                ),
                "property.reply_days",
            ),
            Reading(
                Text(
                    "推诿、为难住户、索取好处以复查查实的记录为准；“热诚、主动、及时”须凭主观评价，不在检查之内。"
                    "篇三（第78行）及F003第三篇为同一条文的删字版本。",
                    "Shirking, obstructing the resident and asking favours are what a review "
                    "established; warmth and initiative need a judgement and are not checked. "
                    "篇三 (line 78) and F003 第三篇 are censored copies of this item.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
