"""门店vip顾客管理制度 (客戶公司管理制度11): shared/regulations/001_…, lines 344–382.

A retail chain's VIP card scheme: who qualifies, the discounts and points, the card's two-year
validity, the registers, and seven service duties toward VIP customers. Two of the duties leave a
record: a message ahead of every new product, promotion and birthday (item 5) and the VIP's
signature on the till receipt (item 6). The closing sentence says only that every breach "will be
dealt with" (都將進行處理), without saying how: no sanction is stated. The qualification and points
rules are other rows of the catalogue (OTH-VIP-*). Customers' data never leaves the company (vip卡
及資料的管理 3, SEC-25).
"""

from __future__ import annotations

from dataclasses import replace

from checker.conditions import F, all_of, any_of
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, Rule, check, rule_of

REGULATION = Regulation(
    id="store-vip-customers",
    title=Text("门店vip顾客管理制度（客户公司管理制度11）", "Store VIP customer rules (rules 11)"),
    short_title=Text("vip顾客管理制度", "VIP Customer Rules"),
    source_file="001_0caae5353eb12260.txt",
    section="制度11",
    lines=(344, 382),
)

PARAMETERS = ()

DEALT_WITH = replace(
    NONE_STATED,
    note=Text(
        "原文只称“都將進行處理”，未规定如何处理",
        "the text says only that breaches 'will be dealt with', not how",
    ),
)


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


RULES = [
    reg(
        "SAL-SVC-05",
        article="vip會員管理5、6",
        line=379,
        text=(
            "5、有新品和促銷活動及vip顧客過生日時,門店應(yīng)提前發(fā)短信提醒及問候;\n"
            "6、vip顧客購物需在收銀小票上簽名確認(rèn);\n"
            "所有門店人員必須保證本制度的準(zhǔn)確執(zhí)行。所有違反本制度或造成vip管理異常的行為都將進行處理。"
        ),
        title=(
            "新品、促销和生日提前短信提醒，vip购物小票签名确认",
            "Messages ahead of new products, promotions and birthdays; VIPs sign the receipt",
        ),
        checks=[
            check(
                "VipReceipt",
                all_of(
                    F.card_no.not_null(),
                    any_of(F.customer_signed.is_false(), F.customer_signed.is_null()),
                ),
                "收银小票{receipt_id}（{sale_date}，vip卡{card_no}）无顾客签名确认",
                "till receipt {receipt_id} ({sale_date}, VIP card {card_no}) was not signed by "
                "the customer",
            ),
            check(
                "VipReminder",
                F.status == "未发",
                "门店{store_id}未在{due_date}（{occasion}）之前向vip顾客{name}（卡号{card_no}）发送短信",
                "store {store_id} sent VIP {name} (card {card_no}) no message before "
                "{due_date} ({occasion})",
            ),
            check(
                "VipReminder",
                F.status.is_in(["当天", "逾期"]),
                "{due_date}（{occasion}）的短信{sent_at}才发给vip顾客{name}（卡号{card_no}），未提前发送",
                "the message for {due_date} ({occasion}) reached VIP {name} (card {card_no}) "
                "only at {sent_at}, not in advance",
            ),
        ],
        penalty=DEALT_WITH,
        readings=(
            Reading(
                Text(
                    "“提前”指活动首日或生日之前发送；当天发送默认不算提前。",
                    "'In advance' means before the event's first day or the birthday; by "
                    "default a message on the day itself is not in advance.",
                ),
                "vip.greeting_on_the_day",
            ),
            Reading(
                Text(
                    "新品和促销活动的短信须注明所提醒的活动编号；发卡门店的每一次活动都须提醒该店每位持有效卡"
                    "（发卡日在活动首日之前、未满二年有效期）的vip顾客。",
                    "A new-product or promotion message must name the event it announces; every "
                    "event of the issuing store is owed to each of its VIPs whose card is valid "
                    "(issued before the event's first day, within its two years).",
                )
            ),
            Reading(
                Text(
                    "生日按每年同月同日计（2月29日生日在平年按2月28日）；生日前后若干天内发送的“生日”短信算作该次"
                    "生日的问候。",
                    "A birthday falls on the same month and day every year (29 February on 28 "
                    "February in a common year); a birthday message sent within some days of it "
                    "answers that birthday.",
                ),
                "vip.birthday_match_days",
            ),
            Reading(
                Text(
                    "自哪一天起检查提醒由配置决定，默认自发卡日起。",
                    "The first day checked for reminders is configured; by default each card's "
                    "issue date.",
                ),
                "vip.reminders_from",
            ),
            Reading(
                Text(
                    "小票上有vip卡号即为vip顾客购物；签名栏为空按未签名处理。第1项（提醒出示vip卡）、第2–4项"
                    "（热情、欢迎、牢记姓氏）和第7项（依次相送）没有可核对的记录，不在检查之内。",
                    "A receipt with a VIP card number is a VIP's purchase; an empty signature "
                    "column counts as unsigned. Item 1 (asking for the card), items 2–4 "
                    "(warmth, welcome, remembering the surname) and item 7 (seeing the VIP off) "
                    "leave no record to check.",
                )
            ),
        ),
    ),
    reg(
        "SEC-25",
        article="vip卡及資料的管理3",
        line=372,
        text="3、顧客的資料一律不得外泄;",
        title=("顾客资料一律不得外泄", "VIP customers' data never leaves the company"),
        checks=[
            check(
                "InformationRelease",
                (F.content == "vip顾客资料") & (F.recipient_type != "公司内部"),
                "{released_on}将vip顾客资料（{description}）以{channel}提供给{recipient}，顾客资料一律不得外泄",
                "VIP customer data ({description}) went to {recipient} by {channel} on "
                "{released_on}; customer data never leaves the company",
            )
        ],
        penalty=DEALT_WITH,
        readings=(
            Reading(
                Text(
                    "“一律”：任何向公司以外（含顾客本人以外的顾客）提供vip顾客资料的行为都是外泄，不论是否经批准。",
                    "'Never': any VIP customer data given outside the company (another customer "
                    "included) is a leak, approved or not.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
