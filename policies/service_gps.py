"""GPS产品客户服务制度 (拜访客户管理制度 篇十一): shared/regulations/000_…, lines 393–426.

A GPS business unit's installation, repair and complaint service. Repair item 9 has the technician
collect the fee from the customer against an invoice and hand the money to finance as soon as he
is back. The condition of "凡属" (which repairs are charged) is lost in the text (catalogue Part 4
E16), so the rule reads every repair for which a fee was collected. No sanction is stated.
"""

from __future__ import annotations

from dataclasses import replace

from checker.conditions import F, all_of
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="gps-customer-service",
    title=Text(
        "GPS产品客户服务制度（拜访客户管理制度篇十一）",
        "GPS product customer service rules (visiting customers, part 11)",
    ),
    short_title=Text("GPS客户服务制度", "GPS Service Rules"),
    source_file="000_0502e1545e4045f1.txt",
    section="篇十一",
    lines=(393, 426),
)

PARAMETERS = ()


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


RULES = [
    reg(
        "SAL-SVC-04",
        article="维修第9项",
        line=410,
        text="9. 凡属,应由维修人员直向接客户收取费用,并开具发票,回到公司后,立即将款交于财务。",
        title=(
            "维修收费须开具发票，回公司后立即交财务",
            "A repair fee needs an invoice and goes to finance on return",
        ),
        checks=[
            check(
                "ServiceRepairJob",
                all_of(F.fee_cny > 0, F.invoice_no.is_null()),
                "维修单{job_id}（{job_date}）收取费用{fee_cny}元，未开具发票",
                "repair {job_id} ({job_date}): {fee_cny} yuan collected without an invoice",
            ),
            check(
                "ServiceRepairJob",
                F.remit_late.is_true(),
                "维修单{job_id}收取的{fee_cny}元未在回到公司（{returned_at}）后立即交财务"
                "（交财务时间：{remitted_at}）",
                "repair {job_id}: the {fee_cny} yuan collected was not handed to finance on "
                "return ({returned_at}); handed over: {remitted_at}",
            ),
        ],
        penalty=replace(NONE_STATED, note=Text("原文未规定处罚", "no sanction stated")),
        readings=(
            Reading(
                Text(
                    "“凡属”后的收费条件原文缺失，本条适用于一切收取了费用的维修（保修期外维修只收零部件费用"
                    "另见OTH-SVC-02）。",
                    "The condition after 凡属 is missing; the rule covers every repair for which "
                    "a fee was collected (out-of-warranty repairs charging parts only are "
                    "OTH-SVC-02).",
                )
            ),
            Reading(
                Text(
                    "“立即”默认为回到公司当天交财务；回到公司时间为空的不检查交款。",
                    "'At once' means by default on the day the technician got back; without a "
                    "return time the hand-over is not checked.",
                ),
                "gps.remit_days",
            ),
            Reading(
                Text(
                    "第413行“按照公司规范语言进行,热情礼貌,不许怠慢任何一个客户”须凭主观评价，不在检查之内。",
                    "Line 413's 'standard language, warm and polite, slight no customer' needs a "
                    "judgement and is not checked.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
