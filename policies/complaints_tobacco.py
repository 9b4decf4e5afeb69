"""客戶投訴處理管理制度 of a tobacco branch company (制度14): shared/regulations/001_…, lines 454–489.

Of its complaint procedure only 四(三) concerns the staff complained about: a case found to be a
breach or dereliction of duty (违规或工作失职) goes to the department's leader and the
organisation's procedure; a general mistake or service shortfall is dealt with under the unit's
own rules and put right at once. The text states no sanction of its own, so the rule reports at
warning level. The deadlines and records of the rest of the regulation are other rows of the
catalogue (OTH-CMP).

The default profile leaves it out: one tobacco company's rules, for its own data; the "unit's
rules" it defers to would be that company's, not 制度9's ladder.
"""

from __future__ import annotations

from dataclasses import replace

from checker.conditions import F, any_of
from checker.config import Parameter
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="tobacco-complaints",
    title=Text(
        "卷烟客户投诉处理管理制度（制度14）",
        "A tobacco company's complaint handling rules (no. 14)",
    ),
    short_title=Text("卷烟客户投诉处理管理制度", "Tobacco Complaint Rules"),
    source_file="001_0caae5353eb12260.txt",
    section="制度14",
    lines=(454, 489),
    default_enabled=False,
    profile_note=Text(
        "一家烟草分公司的制度，只适用于该公司的数据；其“按所在单位有关规章制度处理”指该公司自己的规章，"
        "不与默认采用的制度9合并，须由该公司自行选用。",
        "One tobacco branch's rules, for that company's data only; the 'unit's rules' it "
        "defers to are its own, not 制度9's, so the company selects them.",
    ),
)

PARAMETERS: tuple[Parameter, ...] = ()


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


def not_done(flag: str) -> object:
    field = getattr(F, flag)
    return any_of(field.is_false(), field.is_null())


RULES = [
    reg(
        "SAL-CPL-9",
        article="四(三)",
        line=476,
        text="根據(jù)資料分類處理,部門要指定專人進行調(diào)查。投訴工作或服務(wù)的,根據(jù)事實和公司有關(guān)規(guī)定判定"
        "屬于違規(guī)或工作失職的,應(yīng)將具體狀況向本部門領(lǐng)導(dǎo)匯報,按組織程序處理;屬于一般工作失誤、"
        "服務(wù)欠缺的,按所在單位有關(guān)規(guī)章制度和考核規(guī)定對當(dāng)事人進行處理,并使其立即糾正",
        title=(
            "违规或失职须向部门领导汇报，一般失误须处理当事人并使其纠正",
            "Breaches go to the department's leader; minor mistakes are dealt with and put right",
        ),
        checks=[
            check(
                "ComplaintHandling",
                F.classification.is_in(["违规", "工作失职"]) & not_done("reported_to_leader"),
                "投诉{case_id}（{received_date}受理）定性为{classification}，未向本部门领导汇报",
                "complaint {case_id} (received {received_date}) was found to be {classification} "
                "and not reported to the department's leader",
            ),
            check(
                "StaffComplaint",
                F.classification.is_in(["一般工作失误", "服务欠缺"])
                & not_done("respondent_dealt_with"),
                "投诉{case_id}定性为{classification}，未按单位规章制度和考核规定处理当事人",
                "complaint {case_id} was found to be {classification}; the respondent was not "
                "dealt with under the unit's rules",
            ),
            check(
                "StaffComplaint",
                F.classification.is_in(["一般工作失误", "服务欠缺"]) & not_done("corrected"),
                "投诉{case_id}定性为{classification}，当事人未纠正",
                "complaint {case_id} was found to be {classification}; the respondent has not "
                "put it right",
            ),
        ],
        penalty=replace(
            NONE_STATED,
            note=Text(
                "原文未规定处罚：违规或失职“按组织程序处理”，一般失误按所在单位规章制度处理",
                "no sanction stated: breaches follow the organisation's procedure, minor "
                "mistakes the unit's own rules",
            ),
        ),
        readings=(
            Reading(
                Text(
                    "汇报由受理并调查的专人（受理人）负责，按投诉登记的受理人检查；未登记受理人的投诉不检查汇报。"
                    "未记录汇报、处理或纠正的，视为未做。",
                    "The appointed investigator (the handler) reports, so the report is checked on "
                    "the complaint's handler; a complaint without one is not checked for it. A "
                    "report, treatment or correction not recorded counts as not done.",
                )
            ),
            Reading(
                Text(
                    "“客户推荐类”即建议类（“推荐”为“建议”的同义替换）；定性为客户自身原因或商品问题的投诉不属本项。",
                    "'推薦' means suggestion; complaints found to be the customer's own or a "
                    "product problem are outside this item.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
