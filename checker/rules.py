"""What a rule is: one article of one regulation, its quoted text, its condition and its penalty.

A rule is data. Its checks pair a record kind with a declarative condition and a message; its
penalty is stated as the text states it (or `stated: false`); its readings document every choice
the text left open, with the configuration key that changes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker.conditions import Condition
from checker.config import Parameter
from checker.i18n import Text

Severity = Literal["info", "warning", "error", "critical"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error", "critical")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Regulation:
    id: str
    title: Text
    short_title: Text
    source_file: str  # in shared/regulations
    section: str
    lines: tuple[int, int]  # first and last line of the regulation in its source file
    effective_param: str | None = None  # configuration key holding the date it took effect
    # Whether the default profile applies it; a regulation left out says why (README: profiles).
    default_enabled: bool = True
    profile_note: Text | None = None

    @property
    def source(self) -> str:
        return f"{self.source_file} {self.section} L{self.lines[0]}–{self.lines[1]}"

    def normalise(self, text: str) -> str:
        """Source text as the catalogue quotes it (its §0): pinyin glosses removed where the
        source file carries them (F001's `經(jīng)理` is quoted `經理`)."""
        if self.source_file in PINYIN_GLOSSED_SOURCES:
            return _PINYIN_GLOSS.sub("", text)
        return text


# F001 glosses characters with pinyin in parentheses; F002's genuine `更改(g)标识` is left alone
# because only the files listed here are normalised (catalogue Part 4, E6).
PINYIN_GLOSSED_SOURCES = frozenset({"001_0caae5353eb12260.txt"})
_PINYIN_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


class Measure(Enum):
    """Sanctions and consequences as the regulations name them."""

    def __init__(self, zh: str, en: str, ends_relationship: bool) -> None:
        self.zh = zh
        self.en = en
        # Exclusion, revocation and the like outrank any fine (see README: severity).
        self.ends_relationship = ends_relationship

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    # Roughly from the lightest to the gravest; reports list measures in this order.
    VERBAL_WARNING = ("口头警告", "verbal warning", False)
    WRITTEN_NOTICE = ("书面通报", "written notice", False)
    RECTIFICATION_NOTICE_OR_CRITICISM = (
        "整改意见书或通报批评",
        "rectification notice or public criticism",
        False,
    )
    RECTIFICATION_DEADLINE = ("限时整改", "rectification within a set time", False)
    WARNING_TALK = ("对高级管理人员警示谈话", "warning talk with senior managers", False)
    MANDATORY_TRAINING = ("强制培训", "mandatory training", False)
    STAFF_TRAINING = (
        "对相关管理人员及工作人员强制培训",
        "mandatory training for the managers and staff involved",
        False,
    )
    COMPENSATION = ("经济赔偿金", "compensation", False)
    DISCRETIONARY = (
        "交易所严肃处理（第十七条所列措施之一或几种）",
        "dealt with seriously: one or more measures of Article 17 at the exchange's discretion",
        False,
    )
    MEMBERSHIP_SUSPENDED = ("暂停会员资格", "membership suspended", False)
    MEMBERSHIP_TERMINATED = ("终止会员资格", "membership terminated", True)
    MEMBERSHIP_CANCELLED = ("取消会员资格", "membership cancelled", True)
    MEMBERSHIP_REVOKED = ("撤销会员资格", "membership revoked", True)
    FEES_NOT_REFUNDED = (
        "会员资格费及会员管理费不予退还",
        "membership and management fees not refunded",
        False,
    )
    ANNOUNCEMENT = ("公告", "public announcement", False)
    # Staff sanctions of the sales and service regulations.
    CRITICISM_NOTICE = ("通报批评", "public criticism", False)
    COMPANY_NOTICE = ("通报全公司", "notice to the whole company", False)
    CUSTOMER_FEEDBACK = ("处理结果反馈客户", "the outcome reported back to the customer", False)
    REPRIMAND = ("申诫", "reprimand", False)
    MAJOR_DEMERIT = ("记大过", "major demerit", False)
    PERFORMANCE_PAY_WITHHELD = ("扣除当月绩效工资", "the month's performance pay withheld", False)
    DAY_NOT_COUNTED = (
        "不以出勤论处，扣除当日工资",
        "day not counted as worked, its pay deducted",
        False,
    )
    TREATED_AS_ABSENTEEISM = ("按旷工处理", "treated as absence without leave", False)
    COMPENSATE_LOSS = ("按公司损失赔偿", "compensation for the company's loss", False)
    CREDIT_LOST = ("业绩、提成或奖金不归本人", "sale credit, commission or bonus forfeited", False)
    CUSTOMER_REASSIGNED = ("顾客资源移交他人", "the customer handed to another employee", False)
    GM_DECISION = ("上报总经理裁决或处分", "referred to the general manager to decide", False)
    MENTOR_ACCOUNTABLE = ("追究带教人责任", "the mentor held responsible", False)
    DEPT_HEAD_ACCOUNTABLE = ("追究部门领导的责任", "the department head held responsible", False)
    LAWSUIT_RESERVED = ("公司保留诉讼法律的权利", "the company reserves the right to sue", False)
    PERSUADED_TO_LEAVE = ("劝退", "asked to resign", True)
    STRUCK_OFF = ("除名", "struck off the payroll", True)
    AUTOMATIC_SEPARATION = ("自动离职", "deemed to have resigned", True)
    DISMISSAL = ("辞退或开除", "dismissal", True)
    EXPULSION = ("开除", "expulsion", True)
    JUDICIAL_REFERRAL = ("移送司法机关处理", "referral to the judicial authorities", True)
    LEGAL_LIABILITY = ("依法追究相关法律责任", "legal liability pursued under the law", True)


@dataclass(frozen=True)
class Escalation:
    """A heavier consequence that follows when a condition outside the record is met later."""

    condition: Text
    measures: tuple[Measure, ...]


@dataclass(frozen=True)
class Penalty:
    stated: bool
    basis: str | None = None  # the article that states the sanction, e.g. 第十八条(十)
    text: str | None = None  # the sanction as quoted
    fine_min_cny: Decimal | None = None
    fine_max_cny: Decimal | None = None
    fine_min_field: str | None = None  # a minimum computed from the record (不少于违规得利)
    fine_field: str | None = None  # an amount computed from the record (half a day's pay)
    points: int | None = None
    points_field: str | None = None  # points computed from the record (a manager's double)
    # A configuration key holding a 元-per-point rate the text leaves open: once set, the points
    # are also a fine of points × rate.
    yuan_per_point_param: str | None = None
    from_pay: bool = False  # the text has the fine deducted from that month's pay
    measures: tuple[Measure, ...] = ()
    escalation: Escalation | None = None
    note: Text | None = None  # what the text says instead of a sanction, if anything
    # An unstated penalty the text leaves to another document (员工奖惩管理制度) that is not in
    # the sources.
    delegated_to: Text | None = None
    # Set on a penalty an organisation supplied in its configuration: where it came from.
    supplied_by: str | None = None
    other_measures: tuple[str, ...] = ()  # supplied measures the regulations do not name


NONE_STATED = Penalty(stated=False)


class SuppliedPenalty(BaseModel):
    """A penalty an organisation sets for a rule whose text states none (`[penalties.RULE_ID]`).

    The regulation still states none (`stated: false`); the report names the configuration it
    came from and the organisation's own basis for it.
    """

    model_config = ConfigDict(extra="forbid")

    basis: str = Field(min_length=1)  # the organisation's own rule, e.g. 《员工奖惩管理制度》第五条
    text: str | None = None
    fine_cny: int | float | None = None
    fine_min_cny: int | float | None = None
    fine_max_cny: int | float | None = None
    points: int | None = Field(default=None, ge=0)
    measures: list[str] = []
    from_pay: bool = False

    @model_validator(mode="after")
    def _amounts(self) -> SuppliedPenalty:
        if self.fine_cny is not None and (
            self.fine_min_cny is not None or self.fine_max_cny is not None
        ):
            raise ValueError("give fine_cny, or fine_min_cny and fine_max_cny, not both")
        for name in ("fine_cny", "fine_min_cny", "fine_max_cny"):
            value = getattr(self, name)
            exact = _yuan(value)
            if exact is not None and (exact < 0 or exact != round(exact, 2)):
                raise ValueError(
                    f"{name} must be an amount in 元, not negative, at most 2 decimals"
                )
        low, high = self.fine_min_cny, self.fine_max_cny
        if low is not None and high is not None and low > high:
            raise ValueError("fine_min_cny is above fine_max_cny")
        if not (self.fine_cny is not None or low is not None or high is not None) and not (
            self.points or self.measures
        ):
            raise ValueError("a penalty needs a fine, points or measures")
        return self


def penalty_parameter(rule_id: str, penalty: Penalty) -> Parameter:
    """The key under which an organisation may supply the penalty a rule's text does not state."""
    zh, en = f"{rule_id} 原文未规定处罚", f"{rule_id} states no penalty"
    if penalty.delegated_to:
        zh += f"（交由《{penalty.delegated_to.zh}》规定，该制度未收录）"
        en += f" (left to {penalty.delegated_to.en}, which is not in the sources)"
    return Parameter(
        f"penalties.{rule_id}",
        SuppliedPenalty | None,
        None,
        Text(
            zh + "：本单位可在此设定处罚，并写明依据（basis）。",
            en + ": an organisation may set one here, with its basis.",
        ),
    )


def _yuan(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def supplied(penalty: Penalty, value: SuppliedPenalty, source: str) -> Penalty:
    """An unstated penalty with the organisation's amounts from the configuration."""
    by_label = {m.zh: m for m in Measure}
    fixed = value.fine_cny is not None
    low = _yuan(value.fine_cny if fixed else value.fine_min_cny)
    high = _yuan(value.fine_cny if fixed else value.fine_max_cny)
    return replace(
        penalty,
        basis=value.basis,
        text=value.text,
        fine_min_cny=low,
        fine_max_cny=high,
        points=value.points,
        from_pay=value.from_pay,
        measures=tuple(by_label[m] for m in value.measures if m in by_label),
        other_measures=tuple(m for m in value.measures if m not in by_label),
        supplied_by=source,
    )


def severity_for(penalty: Penalty) -> Severity:
    """The documented mapping from the gravity of a stated sanction to a severity.

    critical: the sanction ends the relationship (revocation, cancellation, termination, referral
    to the judiciary); error: any other stated sanction (fines, points, rectification, warning
    talks, training, the exchange's discretionary measures); warning: a duty whose text states no
    sanction. `info` is reserved for notices that are not breaches, declared per check.
    """
    if not penalty.stated:
        return "warning"
    if any(m.ends_relationship for m in penalty.measures):
        return "critical"
    return "error"


@dataclass(frozen=True)
class Check:
    """One way a rule is violated: a condition over one kind of fact and the message it gives.

    `message` is a template; `{field}` placeholders are filled from the fact. A check may carry
    its own severity and penalty when the text attaches a different consequence to it.
    """

    kind: str
    when: Condition
    message: Text
    severity: Severity | None = None
    penalty: Penalty | None = None


@dataclass(frozen=True)
class Reading:
    """How the rule reads an ambiguity of the text, and the key that changes the reading."""

    text: Text
    param: str | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    regulation: Regulation
    article: str  # 第十条(一)
    line: int  # first line of the article in the regulation's source file
    text: str  # the article, quoted verbatim
    title: Text
    severity: Severity
    checks: tuple[Check, ...]
    penalty: Penalty
    readings: tuple[Reading, ...] = ()
    covers: tuple[str, ...] = ()  # other catalogue ids this rule encodes
    needs_params: tuple[str, ...] = ()  # not run until these parameters are set
    needs_kinds: tuple[str, ...] = ()  # not run unless the dataset has these kinds
    effective_from: date | None = None
    effective_to: date | None = None
    # The quote with the catalogue's repair of encoding damage (§0, Part 4 E1–E5) where the
    # source is damaged: `text` stays verbatim, this is the reading the rule encodes.
    repaired: str | None = None
    # The catalogue provision this rule encodes when the provision's id already names another
    # regulation's rule: a second company's version of the same duty (ARC-26 and ARC-26-FUND).
    provision: str | None = None
    # False where the text makes an exception inappropriate (README: waivers); a waiver naming
    # the rule is then refused and its findings count.
    waivable: bool = True
    # A field naming who answers for a violation when it is not the record's subject: the
    # archivist who lent a file answers for lending it without a slip, not the borrower.
    answered_by: str | None = None

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(check.kind for check in self.checks))

    def citation(self, lang: str = "zh") -> str:
        return citation(self.regulation.short_title(lang), self.article)


_ARTICLE = re.compile(r"^(第[一二三四五六七八九十百零]+条)(?:\(([一二三四五六七八九十]+)\))?(.*)$")


def citation(title: str, article: str) -> str:
    """《会员管理办法》第十条第（一）项 from 会员管理办法 and 第十条(一).

    Articles that are not numbered 第…条 (a store rule's 第8项, a fragment's 第24句, 七(一)1) are
    cited as the source numbers them.
    """
    match = _ARTICLE.match(article)
    if not match:
        return f"《{title}》{article}"
    clause, item, rest = match.groups()
    text = f"《{title}》{clause}"
    if item:
        text += f"第（{item}）项"
    if rest:
        text += f"第{rest}目" if rest.isdigit() else rest
    return text


def is_valid_article(article: str) -> bool:
    """An article reference as the source numbers it: 第十条(一), 第8项, 七(一)1, 备注."""
    return bool(article) and article == article.strip() and len(article) <= 30


def check(kind: str, when: Condition, zh: str, en: str, **extra: object) -> Check:
    """A check with its message in Chinese and English."""
    return Check(kind, when, Text(zh, en), **extra)  # type: ignore[arg-type]


def rule_of(
    regulation: Regulation,
    id: str,
    *,
    article: str,
    line: int,
    text: str,
    title: tuple[str, str],
    checks: list[Check],
    penalty: Penalty,
    **extra: object,
) -> Rule:
    """A rule of `regulation`, its severity following its penalty (README: severity)."""
    return Rule(
        id=id,
        regulation=regulation,
        article=article,
        line=line,
        text=text,
        title=Text(*title),
        severity=severity_for(penalty),
        checks=tuple(checks),
        penalty=penalty,
        **extra,  # type: ignore[arg-type]
    )
