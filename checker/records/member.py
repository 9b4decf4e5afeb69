"""Record kinds of the member-declaration domain (南宁大宗商品交易所 会员管理办法).

One kind per register an exchange keeps: admission applications and the applicants' staff, the
member register, annual inspections, transfers, change reports, exchange requests, terminations
and margin refunds, fees, trader on-boarding, trades and mandates, trader agreements and payments,
programmatic trading, business activities, monthly trading, sanctions, rectifications, trader
fees with their schedule, outsourcing and legal findings.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import field_validator

from checker.i18n import Text
from checker.records.base import (
    SUBJECT_DIRECTORIES,
    Flag,
    KindMeta,
    Money,
    Record,
    SubjectType,
    TextSet,
    col,
    record_kind,
    tag_set,
)

MEMBER = SubjectType("member", Text("会员", "member"))
APPLICANT = SubjectType("applicant", Text("申请单位", "applicant"))

SUBJECT_DIRECTORIES["member"] = ("Member", "member_name")

MEMBER_ID = "会员编号"


def _meta(
    name: str,
    zh: str,
    en: str,
    stem: str,
    key: tuple[str, ...],
    date_field: str | None,
    subject: SubjectType | None = MEMBER,
    subject_field: str | None = "member_id",
    subject_name_field: str | None = None,
) -> KindMeta:
    return KindMeta(
        name, Text(zh, en), stem, key, subject, subject_field, subject_name_field, date_field
    )


GOVERNANCE_DOCS = (
    "法人治理结构",
    "组织机构",
    "财务管理制度",
    "业务管理制度",
    "交易制度",
    "结算制度",
    "风险控制制度",
)
APPLICATION_MATERIALS = (
    "公司证照",
    "公司章程",
    "法定代表人身份证",
    "被授权人身份证",
    "组织构架图",
    "高管简历",
    "房产证复印件",
    "租赁合同复印件",
    "公司工作对接表",
    "会员入市合同",
    "补充协议",
    "入会申请审核表",
    "承诺函",
)


@record_kind(
    _meta(
        "MemberApplication",
        "入会申请",
        "membership application",
        "member_applications",
        ("application_id",),
        "application_date",
        APPLICANT,
        "applicant_id",
        "applicant_name",
    )
)
class MemberApplication(Record):
    application_id: str = col("申请编号", "Application number")
    applicant_id: str = col("申请单位编号", "Applicant's number")
    applicant_name: str = col("申请单位名称", "Applicant's registered name")
    entity_type: str = col(
        "主体类型", "Legal form, e.g. 企业法人, 其他经济组织, 个体工商户, 自然人"
    )
    application_date: date = col("申请日期", "Date the application materials were submitted")
    registration_completed_date: date | None = col(
        "注册登记完成日期", "Date the applicant's company registration was completed", default=None
    )
    registered_capital_cny: Money = col("注册资本(元)", "Registered (subscribed, 认缴) capital")
    paid_in_capital_cny: Money | None = col("实缴资本(元)", "Paid-in (实缴) capital", default=None)
    premises_independent: Flag = col("经营场所独立", "Premises are independent")
    premises_fixed: Flag = col("经营场所固定", "Premises are fixed")
    premises_title: Literal["自有", "租赁"] | None = col(
        "经营场所权属", "自有 (owned) or 租赁 (leased)", default=None
    )
    it_hardware: Flag = col("计算机硬件", "Computer hardware in place")
    it_software: Flag = col("计算机软件", "Computer software in place")
    it_comm_lines: Flag = col("通讯线路", "Communication lines in place")
    it_specialists: Flag = col("专业人员", "IT specialists in place")
    it_policies: Flag = col("管理制度", "IT management policies in place")
    governance_docs: tag_set(*GOVERNANCE_DOCS) = col(  # type: ignore[valid-type]
        "治理制度", "Governance structures and policies the applicant has", default=frozenset()
    )
    fees_subscribed: Flag = col("认缴费用", "The applicant subscribed the exchange's fees")
    materials: tag_set(*APPLICATION_MATERIALS) = col(  # type: ignore[valid-type]
        "提交材料", "Materials submitted with the application", default=frozenset()
    )
    copies_sealed: Flag | None = col(
        "复印件加盖公章", "Copies bear the company seal (扫描件)", default=None
    )
    review_result: Literal["通过", "未通过"] | None = col(
        "审核结果", "Exchange review result; empty while pending", default=None
    )
    review_date: date | None = col("审核日期", "Date of the review decision", default=None)
    agreement_date: date | None = col(
        "合作协议签署日期", "Cooperation agreement signed", default=None
    )
    fees_paid_date: date | None = col("费用缴纳日期", "Fees paid in full", default=None)
    publicity_date: date | None = col(
        "网站公示日期", "Published on the exchange website", default=None
    )
    rejection_letter_date: date | None = col(
        "资格否定书日期", "Rejection letter (资格否定书) issued", default=None
    )
    costs_borne_by_exchange: Flag | None = col(
        "交易所承担申办费用", "The exchange paid the rejected applicant's costs", default=None
    )


@record_kind(
    _meta(
        "ApplicantStaff",
        "申请单位人员",
        "applicant staff",
        "applicant_staff",
        ("staff_id",),
        None,
        APPLICANT,
        "applicant_id",
    )
)
class ApplicantStaff(Record):
    staff_id: str = col("人员编号", "Staff number")
    application_id: str = col("申请编号", "Application the person is listed in")
    applicant_id: str = col("申请单位编号", "Applicant's number")
    name: str = col("姓名", "Name")
    position: str | None = col("职务", "Position", default=None)
    level: Literal["高层", "中层", "基层"] = col("层级", "高层 senior, 中层 middle, 基层 staff")
    finance_experience_years: Decimal = col(
        "金融从业年限", "Years of experience in finance or a related industry", ge=0
    )
    last_misconduct_date: date | None = col(
        "最近违法违规或不良信用记录日期",
        "Date of the latest violation or bad-credit record",
        default=None,
    )


MEMBER_STATUSES = ("正常", "暂停", "终止", "撤销", "取消")


@record_kind(
    _meta(
        "Member",
        "会员名册",
        "member register",
        "members",
        ("member_id",),
        "admitted_date",
        subject_name_field="member_name",
    )
)
class Member(Record):
    member_id: str = col(MEMBER_ID, "Member number")
    member_name: str = col("会员名称", "Member's registered name")
    admitted_date: date = col("入会日期", "Date the member was admitted")
    status: Literal[MEMBER_STATUSES] = col(  # type: ignore[valid-type]
        "会员状态", "正常 active, 暂停 suspended, 终止 terminated, 撤销 revoked, 取消 cancelled"
    )
    status_date: date | None = col("状态变更日期", "Date of the last status change", default=None)
    fees_paid_full_date: date | None = col(
        "费用缴齐日期", "Exchange fees paid in full", default=None
    )
    settlement_bank: str | None = col("结算银行", "Settlement bank", default=None)
    settlement_bank_designated: Flag | None = col(
        "指定结算银行", "The bank is one the exchange designated", default=None
    )
    settlement_account_dedicated: Flag | None = col(
        "专用资金结算账户", "The account is a dedicated settlement account", default=None
    )
    account_opened_date: date | None = col("结算账户开户日期", "Account opened", default=None)
    tripartite_agreement_date: date | None = col(
        "三方监管协议日期", "Bank tripartite supervision agreement signed", default=None
    )
    onsite_review_applied_date: date | None = col(
        "现场复审申请日期", "On-site review applied for", default=None
    )
    onsite_review_passed_date: date | None = col(
        "现场复审通过日期", "On-site review passed", default=None
    )
    trading_qualified_date: date | None = col(
        "取得交易资格日期", "Trading qualification granted", default=None
    )

    @field_validator("status", mode="before")
    @classmethod
    def _same_word(cls, value: object) -> object:
        # 第十七条 writes 撤销, 第二十条 writes 撤消: the same measure.
        return "撤销" if value == "撤消" else value


@record_kind(
    _meta(
        "AnnualInspection",
        "年检登记",
        "annual inspection",
        "annual_inspections",
        ("inspection_id",),
        "registration_date",
    )
)
class AnnualInspection(Record):
    inspection_id: str = col("年检编号", "Inspection number")
    member_id: str = col(MEMBER_ID, "Member number")
    year: int = col("年度", "Inspection year", ge=1990, le=2100)
    registration_date: date = col("登记日期", "Date the member registered for the inspection")
    result: Literal["通过", "未通过"] | None = col(
        "审查结果", "Empty while under review", default=None
    )
    result_date: date | None = col("审查日期", "Date of the result", default=None)
    announced_date: date | None = col(
        "公告日期", "Date the exchange announced the result", default=None
    )


@record_kind(
    _meta(
        "MembershipTransfer",
        "会员资格转让",
        "membership transfer",
        "membership_transfers",
        ("transfer_id",),
        "transfer_date",
    )
)
class MembershipTransfer(Record):
    transfer_id: str = col("转让编号", "Transfer number")
    member_id: str = col(MEMBER_ID, "Member number")
    transfer_date: date = col("转让日期", "Date of the transfer")
    method: Literal["股权转让", "承包", "出租", "抵押", "其他"] = col("转让方式", "Transfer method")
    transferee: str | None = col("受让方", "Transferee", default=None)
    exchange_approved: Flag = col("经交易所批准", "The exchange approved the transfer")


CHANGE_TYPES = (
    "法定代表人",
    "注册资本",
    "股权结构",
    "名称",
    "住所",
    "营业场所",
    "经营范围",
    "联系方式",
    "设立分支机构",
    "合并分支机构",
    "终止分支机构",
    "分支机构营业场所",
    "分支机构负责人",
    "分支机构经营范围",
    "经营状况重大变化",
    "诉讼或经济纠纷",
    "取得其它交易所会员资格",
    "取得其它交易场所代理商资格",
    "司法立案调查或处罚",
    "经营团队变动",
    "业务联系人变动",
)


@record_kind(
    _meta(
        "ChangeEvent",
        "变更事项",
        "reportable change",
        "change_events",
        ("event_id",),
        "occurred_date",
    )
)
class ChangeEvent(Record):
    event_id: str = col("事项编号", "Event number")
    member_id: str = col(MEMBER_ID, "Member number")
    change_type: Literal[CHANGE_TYPES] = col("变更事项", "What changed (第十条 items)")  # type: ignore[valid-type]
    occurred_date: date = col("发生日期", "Date the change took effect (registered, filed, served)")
    decided_date: date | None = col("决议日期", "Date the change was decided", default=None)
    known_date: date | None = col("知悉日期", "Date the member learned of it", default=None)
    reported_date: date | None = col(
        "报告日期", "Date the report reached the exchange", default=None
    )
    report_written: Flag | None = col("书面报告", "The report was in writing", default=None)
    amount_cny: Money | None = col("涉案金额(元)", "Amount in dispute (litigation)", default=None)
    exchange_approved: Flag | None = col(
        "交易所批准", "The exchange approved (other-venue qualifications)", default=None
    )
    description: str | None = col("说明", "Free text", default=None)


@record_kind(
    _meta(
        "ExchangeRequest",
        "交易所要求",
        "exchange request",
        "exchange_requests",
        ("request_id",),
        "request_date",
    )
)
class ExchangeRequest(Record):
    request_id: str = col("要求编号", "Request number")
    member_id: str = col(MEMBER_ID, "Member number")
    request_type: Literal["书面报告", "配合事项"] = col(
        "要求类型", "书面报告 a written report (第十条(十)); 配合事项 cooperation (第十八条(十一))"
    )
    topic: str = col("事项", "What the exchange asked for")
    request_date: date = col("要求日期", "Date of the request")
    due_date: date | None = col("要求完成日期", "Deadline the exchange set, if any", default=None)
    completed_date: date | None = col("完成日期", "Date the member complied", default=None)
    written: Flag | None = col("书面", "The reply was in writing", default=None)


TERMINATION_MATERIALS = (
    "股东会决议",
    "终止申请",
    "客户安置及保证金清退方案",
    "纠纷处理和责任归属声明",
)


@record_kind(
    _meta(
        "Termination",
        "终止会员资格",
        "voluntary termination",
        "terminations",
        ("termination_id",),
        "application_date",
    )
)
class Termination(Record):
    termination_id: str = col("终止编号", "Termination number")
    member_id: str = col(MEMBER_ID, "Member number")
    application_date: date = col("申请日期", "Date the member applied to terminate")
    materials: tag_set(*TERMINATION_MATERIALS) = col(  # type: ignore[valid-type]
        "提交材料", "Materials submitted", default=frozenset()
    )
    other_materials_requested: Flag | None = col(
        "交易所要求其它材料", "The exchange asked for other materials", default=None
    )
    other_materials_provided: Flag | None = col(
        "其它材料已提交", "The other materials were provided", default=None
    )
    disposal_completed_date: date | None = col(
        "处置完成日期", "Clients placed, margins refunded, records handed over", default=None
    )
    clients_open: int | None = col(
        "未安置客户数", "Clients not yet placed when the agreement was signed", default=None, ge=0
    )
    client_margin_outstanding_cny: Money | None = col(
        "未清退客户保证金(元)",
        "Client margin not yet refunded when the agreement was signed",
        default=None,
    )
    storage_fee_payments: int | None = col(
        "保管费支付次数", "Number of storage-fee payments", default=None, ge=0
    )
    storage_fee_outstanding_cny: Money | None = col(
        "未付保管费(元)", "Storage fee unpaid", default=None
    )
    exchange_fees_outstanding_cny: Money | None = col(
        "未结清交易所费用(元)", "Exchange fees unpaid when the agreement was signed", default=None
    )
    costs_borne_by_exchange_cny: Money | None = col(
        "交易所承担终止费用(元)", "Termination costs the exchange paid", default=None
    )
    agreement_date: date | None = col(
        "终止协议签署日期", "Written termination agreement signed", default=None
    )
    member_notice_date: date | None = col(
        "会员公告日期", "Member's notice in public media", default=None
    )
    exchange_notice_date: date | None = col(
        "交易所公告日期", "Exchange's termination notice", default=None
    )


@record_kind(
    _meta(
        "MarginRefund",
        "保证金退还",
        "margin refund",
        "margin_refunds",
        ("refund_id",),
        "tranche1_date",
    )
)
class MarginRefund(Record):
    refund_id: str = col("退还编号", "Refund number")
    member_id: str = col(MEMBER_ID, "Member number")
    peak_margin_cny: Money = col("保证金最大峰值(元)", "Peak margin")
    reserve_cny: Money = col("风险保障金(元)", "Amount retained as risk reserve")
    tranche1_date: date | None = col("首次退还日期", "First reserve refund paid", default=None)
    tranche1_cny: Money | None = col("首次退还金额(元)", "First reserve refund", default=None)
    tranche2_date: date | None = col("二次退还日期", "Second reserve refund paid", default=None)
    tranche2_cny: Money | None = col("二次退还金额(元)", "Second reserve refund", default=None)


@record_kind(
    _meta(
        "FeeInvoice",
        "交易所收费",
        "exchange fee invoice",
        "fee_invoices",
        ("invoice_id",),
        "due_date",
    )
)
class FeeInvoice(Record):
    invoice_id: str = col("账单编号", "Invoice number")
    member_id: str = col(MEMBER_ID, "Member number")
    fee_type: str = col("费用类型", "Fee type, e.g. 会员资格费, 会员管理费")
    amount_cny: Money = col("金额(元)", "Amount")
    due_date: date = col("应缴日期", "Due date")
    paid_date: date | None = col("缴纳日期", "Date paid", default=None)


@record_kind(
    _meta("FeeRefund", "费用退还", "fee refund", "fee_refunds", ("refund_id",), "refund_date")
)
class FeeRefund(Record):
    refund_id: str = col("退费编号", "Refund number")
    member_id: str = col(MEMBER_ID, "Member number")
    fee_type: str = col("费用类型", "Fee refunded, e.g. 会员资格费, 会员管理费")
    amount_cny: Money = col("金额(元)", "Amount refunded")
    refund_date: date = col("退还日期", "Date refunded")


@record_kind(
    _meta(
        "ActivityAttendance",
        "交易所活动出席",
        "exchange activity attendance",
        "activity_attendance",
        ("activity_id", "member_id"),
        "activity_date",
    )
)
class ActivityAttendance(Record):
    activity_id: str = col("活动编号", "Activity number")
    activity_name: str = col("活动名称", "Activity the exchange organised")
    activity_date: date = col("活动日期", "Date of the activity")
    member_id: str = col(MEMBER_ID, "Member number")
    attended: Flag = col("是否参加", "The member took part")


@record_kind(
    _meta(
        "TraderOnboarding",
        "交易商开户",
        "trader on-boarding",
        "trader_onboarding",
        ("trader_id",),
        "account_open_date",
    )
)
class TraderOnboarding(Record):
    trader_id: str = col("交易商编号", "Trader number")
    member_id: str = col(MEMBER_ID, "Member that opened the account")
    trader_name: str | None = col("交易商名称", "Trader's name", default=None)
    account_open_date: date = col("开户日期", "Trading account opened")
    eligibility_check_date: date | None = col(
        "准入审核日期", "Eligibility check done", default=None
    )
    eligibility_result: Literal["合格", "不合格"] | None = col(
        "准入审核结果", "Result", default=None
    )


@record_kind(
    _meta("Mandate", "交易委托", "trader mandate", "mandates", ("mandate_id",), "valid_from")
)
class Mandate(Record):
    mandate_id: str = col("委托编号", "Mandate number")
    member_id: str = col(MEMBER_ID, "Member mandated")
    trader_id: str = col("交易商编号", "Trader who gave the mandate")
    valid_from: date = col("生效日期", "First day the mandate covers")
    valid_to: date | None = col("失效日期", "Last day it covers; empty if open-ended", default=None)


@record_kind(_meta("Trade", "交易记录", "trade", "trades", ("trade_id",), "trade_date"))
class Trade(Record):
    trade_id: str = col("成交编号", "Trade number")
    member_id: str = col(MEMBER_ID, "Member that placed the trade")
    trader_id: str = col("交易商编号", "Trader the trade was for")
    trade_date: date = col("成交日期", "Trade date")
    product: str | None = col("交易品种", "Product", default=None)
    amount_cny: Money | None = col("成交金额(元)", "Trade value", default=None)


@record_kind(
    _meta(
        "TraderAgreement",
        "交易商协议",
        "trader agreement",
        "trader_agreements",
        ("agreement_id",),
        "signed_date",
    )
)
class TraderAgreement(Record):
    agreement_id: str = col("协议编号", "Agreement number")
    member_id: str = col(MEMBER_ID, "Member")
    trader_id: str = col("交易商编号", "Trader")
    signed_date: date = col("签署日期", "Date signed")
    signed_by: Literal["交易商本人", "授权代理人", "会员工作人员"] = col("签署人", "Who signed")
    content_explained: Flag = col("已介绍协议内容", "The member explained the agreement")
    risk_disclosure_date: date | None = col(
        "风险提示签署日期", "Risk disclosure signed", default=None
    )


@record_kind(
    _meta(
        "TraderPayment",
        "交易商付款",
        "payment from a trader",
        "trader_payments",
        ("payment_id",),
        "payment_date",
    )
)
class TraderPayment(Record):
    payment_id: str = col("付款编号", "Payment number")
    member_id: str = col(MEMBER_ID, "Member")
    trader_id: str = col("交易商编号", "Trader who paid")
    payment_date: date = col("付款日期", "Date")
    amount_cny: Money = col("金额(元)", "Amount")
    payee: Literal["交易所结算账户", "会员对公账户", "会员工作人员个人"] = col(
        "收款方", "Who received it"
    )
    purpose: Literal["规定费用", "保证金", "其他"] = col(
        "款项性质", "规定费用 a fee the rules provide for, 保证金 margin, 其他 anything else"
    )


@record_kind(
    _meta(
        "ProgrammaticTrading",
        "程序化交易",
        "programmatic trading by trader and day",
        "programmatic_trading",
        ("trader_id", "trade_date"),
        "trade_date",
    )
)
class ProgrammaticTrading(Record):
    member_id: str = col(MEMBER_ID, "Member")
    trader_id: str = col("交易商编号", "Trader")
    trade_date: date = col("交易日期", "Trading day")
    programmatic_orders: int = col("程序化委托笔数", "Orders placed by a program that day", ge=0)
    strategy: Literal["高频", "波段", "其他"] | None = col(
        "策略类型", "Strategy the exchange's monitoring assigned", default=None
    )


@record_kind(
    _meta(
        "BusinessActivity",
        "会员业务活动",
        "member business activity",
        "business_activities",
        ("activity_id",),
        "start_date",
    )
)
class BusinessActivity(Record):
    activity_id: str = col("业务编号", "Activity number")
    member_id: str = col(MEMBER_ID, "Member")
    business_type: str = col("业务类型", "Business line, e.g. 大宗商品交易, 保险, 信贷, 黄金")
    description: str | None = col("说明", "Free text", default=None)
    start_date: date = col("开始日期", "Start date")
    within_contract_scope: Flag = col("属于合同约定业务", "Within the member contract's scope")
    in_exchange_name: Flag = col("以交易所业务名义", "Conducted in the exchange's business name")
    exchange_business: Flag = col("属于交易所业务", "Is exchange business")
    state_approval_ref: str | None = col(
        "国务院金融管理部门批准文号",
        "Approval of the State Council financial regulator",
        default=None,
    )


@record_kind(
    _meta(
        "TradingMonth",
        "月度交易",
        "monthly trading",
        "trading_months",
        ("member_id", "month"),
        None,
    )
)
class TradingMonth(Record):
    member_id: str = col(MEMBER_ID, "Member")
    month: str = col("月份", "Calendar month as YYYY-MM", pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    trade_count: int = col("成交笔数", "Trades in the month", ge=0)
    funds_cny: Money | None = col("资金量(元)", "Funds", default=None)
    volume_cny: Money | None = col("交易量(元)", "Trading volume", default=None)
    idle_justified: Flag | None = col(
        "无交易正当理由", "The exchange accepted a reason for no trading", default=None
    )


@record_kind(
    _meta(
        "SanctionRecord",
        "处理记录",
        "sanction decision",
        "sanctions",
        ("sanction_id",),
        "decision_date",
    )
)
class SanctionRecord(Record):
    sanction_id: str = col("处理编号", "Decision number")
    member_id: str = col(MEMBER_ID, "Member")
    decision_date: date = col("处理日期", "Date of the decision")
    finding_ref: str | None = col(
        "违规事项编号", "The violation the decision answers", default=None
    )
    measures: TextSet = col("处理措施", "Measures imposed, separated by ；、,", default=frozenset())
    illicit_gain_cny: Money | None = col("违规得利(元)", "Illicit gain found", default=None)
    compensation_cny: Money | None = col("经济赔偿金(元)", "Compensation imposed", default=None)
    suspected_crime: Flag | None = col("涉嫌违法犯罪", "Suspected crime", default=None)
    referred_to_judiciary: Flag | None = col(
        "已移送司法机关", "Referred to the judiciary", default=None
    )


@record_kind(
    _meta(
        "Rectification",
        "整改",
        "rectification",
        "rectifications",
        ("rectification_id",),
        "issued_date",
    )
)
class Rectification(Record):
    rectification_id: str = col("整改编号", "Rectification number")
    member_id: str = col(MEMBER_ID, "Member")
    notice_type: Literal["整改意见书", "通报批评"] = col("通知类型", "Notice issued")
    issued_date: date = col("下达日期", "Date issued")
    deadline: date = col("整改期限", "Deadline the exchange set (限时整改)")
    completed_date: date | None = col("整改完成日期", "Date completed", default=None)
    passed: Flag | None = col(
        "整改合格", "Rectification accepted; empty while not assessed", default=None
    )


@record_kind(
    _meta(
        "FeeSchedule",
        "收费标准",
        "fee schedule",
        "fee_schedule",
        ("fee_type",),
        None,
        subject=None,
        subject_field=None,
    )
)
class FeeSchedule(Record):
    fee_type: str = col("费用类型", "Fee a member may charge traders")
    max_amount_cny: Money = col("收费上限(元)", "Highest amount allowed per charge")


@record_kind(
    _meta(
        "TraderFee",
        "向交易商收费",
        "fee charged to a trader",
        "trader_fees",
        ("fee_id",),
        "charged_date",
    )
)
class TraderFee(Record):
    fee_id: str = col("收费编号", "Charge number")
    member_id: str = col(MEMBER_ID, "Member")
    trader_id: str = col("交易商编号", "Trader charged")
    fee_type: str = col("费用类型", "Fee type")
    amount_cny: Money = col("金额(元)", "Amount charged")
    charged_date: date = col("收费日期", "Date charged")


@record_kind(
    _meta(
        "Outsourcing",
        "委托经营",
        "outsourcing arrangement",
        "outsourcing",
        ("arrangement_id",),
        "start_date",
    )
)
class Outsourcing(Record):
    arrangement_id: str = col("安排编号", "Arrangement number")
    member_id: str = col(MEMBER_ID, "Member")
    counterparty: str = col("受托方", "Party the work is given to")
    arrangement_type: Literal["委托管理", "承包经营", "技术服务", "其他"] = col("安排类型", "Type")
    scope: Literal["交易活动", "其他"] = col("委托范围", "交易活动 trading activity, or other work")
    start_date: date = col("开始日期", "Start date")


@record_kind(
    _meta(
        "LegalFinding",
        "违法认定",
        "legal finding",
        "legal_findings",
        ("finding_id",),
        "finding_date",
    )
)
class LegalFinding(Record):
    finding_id: str = col("认定编号", "Finding number")
    member_id: str = col(MEMBER_ID, "Member")
    authority: str = col("认定机关", "Authority that found the violation of law")
    finding_date: date = col("认定日期", "Date of the finding")
    confirmed_date: date | None = col(
        "交易所审核认定日期", "Date the exchange confirmed it", default=None
    )
    description: str | None = col("说明", "Free text", default=None)
