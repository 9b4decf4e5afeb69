"""Bilingual text: Chinese is the users' language, English is available everywhere."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


@dataclass(frozen=True)
class Text:
    zh: str
    en: str

    def __call__(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en

    def format(self, **values: object) -> Text:
        return Text(self.zh.format(**values), self.en.format(**values))


# Labels shared by every output format and the CLI.
LABELS: dict[str, Text] = {
    "rule": Text("规则", "Rule"),
    "article": Text("条款", "Article"),
    "regulation": Text("制度", "Regulation"),
    "record": Text("记录", "Record"),
    "subject": Text("对象", "Subject"),
    "message": Text("说明", "Finding"),
    "penalty": Text("处罚", "Penalty"),
    "severity": Text("级别", "Severity"),
    "title": Text("标题", "Title"),
    "kind": Text("记录类型", "Record kind"),
    "violations": Text("违规数", "Violations"),
    "fines": Text("罚款(元)", "Fines (CNY)"),
    "points": Text("扣分", "Points"),
    "measures": Text("处理措施", "Measures"),
    "none_stated": Text("未规定", "none stated"),
    "repaired": Text("修复乱码后", "Repaired reading"),
    "delegated_to": Text("（交由《{document}》规定）", " (left to {document})"),
    "supplied": Text("；按本单位配置：{penalty}", "; as configured: {penalty}"),
    "no_violations": Text("未发现违规。", "No violations found."),
    "totals_by_regulation": Text("按制度汇总", "Totals per regulation"),
    "totals_by_subject": Text("按对象汇总", "Totals per subject"),
    "rejected": Text("被拒绝的记录", "Rejected records"),
    "source": Text("来源", "Source"),
    "field": Text("字段", "Field"),
    "reason": Text("原因", "Reason"),
    "rules_not_run": Text("未运行的规则", "Rules not run"),
    "summary_line": Text(
        "读取 {read} 条记录，审计 {audited} 条，拒绝 {rejected} 条；"
        "违规 {violations} 项（审计日期 {as_of}）",
        "{read} records read, {audited} audited, {rejected} rejected; "
        "{violations} violations (as of {as_of})",
    ),
    "sheet": Text("工作表/表", "Sheet/table"),
    "column": Text("列", "Column"),
    "value": Text("值", "Value"),
    "format": Text("格式", "Format"),
    "encoding": Text("编码", "Encoding"),
    "read": Text("读取", "Read"),
    "audited": Text("审计", "Audited"),
    "valid": Text("有效", "Valid"),
    "refused": Text("拒绝", "Rejected"),
    "inputs": Text("输入", "Inputs"),
    "problems": Text("数据问题", "Problems"),
    "no_problems": Text("未发现数据问题。", "No problems found."),
    "validation_line": Text(
        "读取 {read} 条记录，有效 {valid} 条，拒绝 {rejected} 条；"
        "问题 {errors} 项，警告 {warnings} 项",
        "{read} records read, {valid} valid, {rejected} rejected; {errors} problems, "
        "{warnings} warnings",
    ),
    "redacted": Text(
        "已隐去 {count} 项绝密、机密事项的标题和内容，仅以编号和密级标识（--reveal-titles 显示）。",
        "Titles and contents of {count} 绝密 and 机密 items are withheld; they are named by id "
        "and grade (--reveal-titles shows them).",
    ),
    "escalation": Text("升级", "escalation"),
    "fine_at_least": Text("不少于{amount}元", "at least {amount} CNY"),
    "fine_range": Text("{low}–{high}元", "{low}–{high} CNY"),
    "fine_fixed": Text("{amount}元", "{amount} CNY"),
    "points_value": Text("扣{points}分", "{points} points"),
    "gate_line": Text(
        "{read} 条记录，违规 {violations} 项（{severities}），豁免 {waived} 项，拒绝 {rejected} 条",
        "{read} records, {violations} violations ({severities}), {waived} waived, "
        "{rejected} rejected",
    ),
    "gate_new": Text("，基线之外新增 {new} 项", ", {new} new since the baseline"),
    "gate_passed": Text("通过", "passed"),
    "gate_failed": Text("未通过：{failing} 项计入门禁", "failed: {failing} counting"),
    "severity_count": Text("{label} {count}", "{count} {label}"),
    "waiver": Text("豁免", "Waiver"),
    "waivers": Text("豁免", "Waivers"),
    "baseline": Text("基线", "Baseline"),
    "gating": Text("计入门禁", "Counts"),
    "fingerprint": Text("指纹", "Fingerprint"),
    "citation": Text("引用", "Citation"),
    "record_key": Text("记录编号", "Record key"),
    "file": Text("文件", "File"),
    "row": Text("行", "Row"),
    "subject_name": Text("对象名称", "Subject name"),
    "date": Text("日期", "Date"),
    "fine_min": Text("罚款下限(元)", "Fine from (CNY)"),
    "fine_max": Text("罚款上限(元)", "Fine up to (CNY)"),
    "new": Text("新增", "new"),
    "known": Text("已在基线", "known"),
    "justification": Text("理由", "Justification"),
    "approver": Text("批准人", "Approver"),
    "approved": Text("批准日期", "Approved"),
    "expires": Text("到期", "Expires"),
    "state": Text("状态", "State"),
    "matched": Text("匹配", "Matched"),
    "yes": Text("是", "yes"),
    "no": Text("否", "no"),
    "empty": Text("空", "empty"),
}

SEVERITY_LABELS: dict[str, Text] = {
    "info": Text("提示", "info"),
    "warning": Text("警告", "warning"),
    "error": Text("错误", "error"),
    "critical": Text("严重", "critical"),
}


def label(key: str, lang: Lang) -> str:
    return LABELS[key](lang)


# Plural forms the English summary line uses for severities.
SEVERITY_PLURALS: dict[str, str] = {
    "info": "info",
    "warning": "warnings",
    "error": "errors",
    "critical": "critical",
}

WAIVER_STATES: dict[str, Text] = {
    "active": Text("已豁免", "waived"),
    "expired": Text("豁免已过期", "waiver expired"),
    "not_yet_approved": Text("豁免尚未生效", "waiver not yet approved"),
    "refused": Text("不可豁免", "not waivable"),
    "stale": Text("未匹配任何违规", "matches nothing"),
}
