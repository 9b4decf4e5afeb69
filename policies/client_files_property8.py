"""客户档案管理制度 of another property company (制度8): shared/regulations/001_…, lines 227–252.

A property company's customer-service department keeps a file per customer with twelve kinds of
material (三1–12): 篇十二's list plus contacts, emergency contacts, complaints and the works file
of a second fit-out. No sanction is stated. This company's version of ARC-36 (catalogue Part 4
V9), encoded apart as ARC-36-P8; the default profile applies neither list.
"""

from __future__ import annotations

from checker.conditions import F
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, check, rule_of

REGULATION = Regulation(
    id="property-client-files-8",
    title=Text("客户档案管理制度（制度8）", "Client file rules of a property company (no. 8)"),
    short_title=Text("客户档案管理制度", "Client File Rules"),
    source_file="001_0caae5353eb12260.txt",
    section="客戶公司管理制度8",
    lines=(227, 252),
    default_enabled=False,
    profile_note=Text(
        "另一家物业公司的客户档案内容清单，与篇十二的清单不同（目录第4部分V9），须由该公司选用。",
        "Another property company's list of file contents, unlike 篇十二's (catalogue Part 4 "
        "V9): that company selects it.",
    ),
)

PARAMETERS = ()

RULES = [
    rule_of(
        REGULATION,
        "ARC-36-P8",
        provision="ARC-36",
        article="三",
        line=235,
        text="一般客戶檔案包括以下的資料:\n1、 收集客戶單位資料\n2、 客戶繳費記錄包括各樣應付之押金\n3、 客戶裝修工程文件\n"
        "4、 客戶遷入時填具之資料\n5、 客戶資料補充\n6、 客戶聯絡資料\n7、 緊急事故聯絡人的`資料\n8、 客戶與管理處往來文件\n"
        "9、 客戶違規事項與欠費記錄\n10、 客戶維修記錄\n11、 客戶投訴記錄\n12、 客戶單位有關的工程檔案(與二次裝修工程有關資料)與工作程序",
        title=("客户档案包括三1–12所列资料", "A client file holds the materials of 三1–12"),
        checks=[
            check(
                "CustomerFile",
                F.missing_property8.not_null(),
                "客户{customer_id}（{customer_name}）的档案缺少{missing_property8}",
                "customer {customer_id} ({customer_name})'s file lacks {missing_property8}",
            )
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "按档案的“档案内容”逐项核对十二类资料（“维修记录”即“报修记录”，“工程档案”为二次装修工程资料）；"
                    "未填写档案内容的档案不检查。篇十二的八类清单见ARC-36。",
                    "The twelve kinds are checked against the file's 档案内容 (维修记录 is 报修"
                    "记录; 工程档案 is the second fit-out's file); files without 档案内容 are not "
                    "checked. 篇十二's eight-item list is ARC-36.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
