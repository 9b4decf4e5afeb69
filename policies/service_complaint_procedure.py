"""客户投诉处理办法 (拜访客户管理制度 篇十五): shared/regulations/000_…, lines 521–536.

A retail chain's complaint procedure for end customers, agents and franchisees: who receives,
investigates and answers a complaint, the 7-day limit and the monthly statistics. Only articles
1, 2, 4, 7, 9, 11–15, 17, 18 and 25–28 survive. 第四条 states a principle, not a duty a record
can show; the deadlines and records are other rows of the catalogue (OTH-CMP-05, OTH-CMP-06).
"""

from __future__ import annotations

from checker.i18n import Text
from checker.rules import Regulation, Rule

REGULATION = Regulation(
    id="complaint-procedure",
    title=Text(
        "客户投诉处理办法（拜访客户管理制度篇十五）",
        "Customer complaint procedure (visiting customers, part 15)",
    ),
    short_title=Text("客户投诉处理办法", "Complaint Procedure"),
    source_file="000_0502e1545e4045f1.txt",
    section="篇十五",
    lines=(521, 536),
)

PARAMETERS = ()

RULES: list[Rule] = []

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {
    "SAL-SVC-09": (
        "exhortation",
        Text(
            "第四条“应以谦恭礼貌、迅速周到为原则”是处理投诉的原则，没有可核对的标准；“迅速”由第二十六条"
            "7天结案的期限体现（OTH-CMP-05）。F001制度7第五条（第223行）是另一公司的同一原则，同样不检查。",
            "第四条 'courteous, polite, prompt and thorough' is a principle with no measure a "
            "record can show; promptness is what 第二十六条's 7-day limit makes checkable "
            "(OTH-CMP-05). F001 制度7 第五条 (line 223) states the same principle for another "
            "company and is not checkable either.",
        ),
    ),
}
DEFERRED: dict[str, Text] = {}
