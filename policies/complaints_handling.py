"""客户投诉管理制度 (拜访客户管理制度 篇四): shared/regulations/000_…, lines 92–128.

A property-management company's complaint procedure: registration, the 1-day / 3-day / one-week
deadlines and, in 第七条, one sanction: every complaint attributed to someone costs 200~1500 元.
F001 制度12 (lines 383–419) is the same regulation word for word (catalogue Part 4 V1); it is cited
here once, from F000. The deadlines of 第六条 are other rows of the catalogue (OTH-CMP-01…03).

The default profile leaves this regulation out: 制度9 (policies/complaints_sanctions.py) fines
the same complaints by a ladder from 30 元 up, and this flat 200~1500 元 would report every
30–100 元 fine that ladder prescribes (catalogue Part 4 V14: different companies' complaint
rules). A company that runs 篇四 selects it.
"""

from __future__ import annotations

from decimal import Decimal

from checker.conditions import F, any_of
from checker.i18n import Text
from checker.rules import Penalty, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="complaint-handling",
    title=Text(
        "客户投诉管理制度（拜访客户管理制度篇四）",
        "Customer complaint rules (visiting customers, part 4)",
    ),
    short_title=Text("客户投诉管理制度", "Complaint Rules"),
    source_file="000_0502e1545e4045f1.txt",
    section="篇四",
    lines=(92, 128),
    default_enabled=False,
    profile_note=Text(
        "与制度9同样对投诉案件罚款：篇四每案200~1500元，制度9按情节分档（30-100元起）；两者同时适用会把制度9"
        "规定的30-100元罚款报告为违规。默认采用分档更细的制度9，采用篇四（≡制度12）的公司自行选用。",
        "Like 制度9 it fines complaint cases, but a flat 200~1500 yuan a case where 制度9 grades "
        "from 30 yuan: applied together, every 30–100 yuan fine of 制度9 would be reported. The "
        "default profile runs the graded 制度9; a company that runs 篇四 (≡ 制度12) selects it.",
    ),
)

PARAMETERS = ()


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


RULES = [
    reg(
        "SAL-CPL-01",
        article="第七条1",
        line=127,
        text="第七条客户投诉处罚措施\n1、凡发生客户投诉案件,经职责归属处200~1500元/次罚款。",
        title=(
            "投诉案件经职责归属每次罚款200~1500元",
            "200~1500 yuan for every complaint attributed to someone",
        ),
        checks=[
            check(
                "StaffComplaint",
                F.substantiated.is_true(),
                "投诉{case_id}（{received_date}受理）成立并归属于本人，记录罚款{fine_cny}元",
                "complaint {case_id} (received {received_date}) was upheld and attributed; "
                "recorded fine: {fine_cny} yuan",
            ),
            check(
                "StaffComplaint",
                F.substantiated.is_true()
                & any_of(F.fine_cny.is_null(), F.fine_cny < 200, F.fine_cny > 1500),
                "记录的罚款{fine_cny}元不在200~1500元之间",
                "the recorded fine of {fine_cny} yuan is not within 200~1500",
            ),
        ],
        penalty=Penalty(
            stated=True,
            basis="第七条1",
            text="经职责归属处200~1500元/次罚款",
            fine_min_cny=Decimal(200),
            fine_max_cny=Decimal(1500),
        ),
        readings=(
            Reading(
                Text(
                    "“经职责归属”指投诉成立并确定了职责人；投诉不成立的不罚。每案一次（“/次”），罚款记在"
                    "被投诉人（职责人）名下；归属于部门的，以部门主管为职责人登记。200与1500元含在内。",
                    "'Attributed' means upheld with a responsible person named; complaints not "
                    "upheld are not fined. One fine a case ('/次'), on the employee held "
                    "responsible; a case attributed to a department is registered on its head. "
                    "200 and 1500 are included.",
                )
            ),
            Reading(
                Text(
                    "在200~1500元之间如何确定金额，原文未规定；F001制度12第七条1（第418行）与F002扩展1第9句为"
                    "同一条文。",
                    "The text gives no criteria for the amount within the range. F001 制度12 第七條1 "
                    "(line 418) and F002 扩展1 #9 are the same article.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
