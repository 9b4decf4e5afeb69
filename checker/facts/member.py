"""Facts computed before the engine for the member-declaration domain.

Each function here computes one kind of cross-record or calendar fact and is tested on its own
(tests/test_member_facts.py): reporting clocks in working days, the member's status, mandates
covering a trade, staff ratios of an application, idle-month streaks, annual-inspection years,
refund tranches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import ROUND_CEILING, Decimal

from pydantic import BaseModel

from checker.facts import Computed, DerivedKind, Fact, FactContext
from checker.i18n import Text
from checker.loading import Loaded, Problem
from checker.records.base import col
from checker.records.member import (
    Member,
    TradingMonth,
)

KINDS = (
    "MemberApplication",
    "ApplicantStaff",
    "Member",
    "AnnualInspection",
    "MembershipTransfer",
    "ChangeEvent",
    "ExchangeRequest",
    "Termination",
    "MarginRefund",
    "FeeInvoice",
    "FeeRefund",
    "ActivityAttendance",
    "TraderOnboarding",
    "Mandate",
    "Trade",
    "TraderAgreement",
    "TraderPayment",
    "ProgrammaticTrading",
    "BusinessActivity",
    "TradingMonth",
    "SanctionRecord",
    "Rectification",
    "FeeSchedule",
    "TraderFee",
    "Outsourcing",
    "LegalFinding",
)

ENDED_STATUSES = ("终止", "撤销", "取消")
OTHER_VENUE_TYPES = ("取得其它交易所会员资格", "取得其它交易场所代理商资格")
TEAM_CHANGE_TYPES = ("经营团队变动", "业务联系人变动")


# --------------------------------------------------------------------------- computed fields


class MemberFacts(Computed):
    idle_streak_months: int = col(
        "最长连续无交易月数",
        "Longest run of consecutive months with no trade and no accepted reason",
    )
    idle_streak_start: str | None = col("连续无交易起始月", "First month of that run")


class InspectionYear(Computed):
    year: int = col("年度", "Inspection year")
    window_start: date = col("登记期开始", "7月1日 of the year")
    window_end: date = col("登记期截止", "8月31日 of the year")
    registration_dates: str | None = col("登记日期", "Registration dates found for the year")
    registered_in_window: bool = col("期内已登记", "A registration falls in the window")


class TradingMonthFacts(Computed):
    volume_to_funds_ratio: Decimal | None = col(
        "交易量资金比", "Volume divided by funds, rounded up to 8 decimals"
    )


class SanctionFacts(Computed):
    unlisted_measures: str | None = col(
        "制度未列措施", "Measures no article of 第十七–二十条 names"
    )
    unlisted_measure_count: int = col("制度未列措施数", "How many")


COMPUTED: dict[str, type[BaseModel]] = {
    "Member": MemberFacts,
    "TradingMonth": TradingMonthFacts,
    "SanctionRecord": SanctionFacts,
}

DERIVED = (
    DerivedKind(
        "MemberInspectionYear", Text("会员年度年检", "member's annual inspection"), InspectionYear
    ),
)

# Every measure 第十七条 to 第二十条 name; MEM-17-1 reports any other.
LISTED_MEASURES = frozenset(
    {
        "口头警告",
        "书面通报",
        "强制培训",
        "暂停会员资格",
        "撤销会员资格",
        "撤消会员资格",
        "经济赔偿金",
        "移送司法机关",
        "整改意见书",
        "通报批评",
        "限时整改",
        "取消会员资格",
        "警示谈话",
        "终止会员资格",
    }
)


# --------------------------------------------------------------------------- computations


def _month_index(month: str) -> int:
    year, number = month.split("-")
    return int(year) * 12 + int(number) - 1


def idle_streak(months: Iterable[TradingMonth]) -> tuple[int, str | None]:
    """第二十条(三): the longest run of consecutive months with no trade and no accepted reason.

    A month with no row breaks a run: the checker does not assume trading it has no data on.
    """
    idle = sorted(
        _month_index(m.month) for m in months if m.trade_count == 0 and not m.idle_justified
    )
    best, best_start, run, run_start, previous = 0, None, 0, None, None
    for index in idle:
        if previous is not None and index == previous + 1:
            run += 1
        else:
            run, run_start = 1, index
        if run > best:
            best, best_start = run, run_start
        previous = index
    start = None if best_start is None else f"{best_start // 12:04d}-{best_start % 12 + 1:02d}"
    return best, start


def inspection_years(
    member: Member,
    registrations: Iterable[date],
    as_of: date,
    from_year: int | None,
    new_member_rule: str,
) -> Iterator[InspectionYear]:
    """第八条: one obligation per year whose 7月1日–8月31日 window closed while a member.

    A year is due when the member was admitted by the window's first day (or, with
    member.inspection_new_members = "admitted_by_window_end", its last day), had not left before
    the window closed, and the window closed before the audit date.
    """
    dates = sorted(registrations)
    first = max(member.admitted_date.year, from_year or member.admitted_date.year)
    for year in range(first, as_of.year + 1):
        start, end = date(year, 7, 1), date(year, 8, 31)
        admitted_by = start if new_member_rule == "admitted_by_window_start" else end
        if member.admitted_date > admitted_by or end >= as_of:
            continue
        if (
            member.status in ENDED_STATUSES
            and member.status_date is not None
            and member.status_date <= end
        ):
            continue
        in_year = [d for d in dates if d.year == year]
        yield InspectionYear(
            year=year,
            window_start=start,
            window_end=end,
            registration_dates="、".join(d.isoformat() for d in in_year) or None,
            registered_in_window=any(start <= d <= end for d in in_year),
        )


def volume_to_funds(volume: Decimal | None, funds: Decimal | None) -> Decimal | None:
    """第十五条(五): volume ÷ funds, rounded *up* to 8 decimals.

    Rounding up keeps "ratio > limit" exact for any limit of up to 8 decimals: a month one fen
    over the limit stays over it, one exactly at the limit stays at it.
    """
    if not funds or volume is None:
        return None
    return (volume / funds).quantize(Decimal("1E-8"), rounding=ROUND_CEILING).normalize()


def unlisted_measures(measures: Iterable[str]) -> list[str]:
    return sorted(m for m in measures if m not in LISTED_MEASURES)


# --------------------------------------------------------------------------- building


def _group(items: Iterable[Loaded], field: str) -> dict[str, list[Loaded]]:
    groups: dict[str, list[Loaded]] = defaultdict(list)
    for item in items:
        groups[str(getattr(item.record, field))].append(item)
    return groups


def build(ctx: FactContext) -> Iterator[Fact | Problem]:
    params = ctx.config
    months_by_member = _group(ctx.records("TradingMonth"), "member_id")

    # Applications and their staff (第五条); staff listed for no known application are rejected.
    staff_by_application = _group(ctx.records("ApplicantStaff"), "application_id")
    applications = {a.record.application_id for a in ctx.records("MemberApplication")}
    for application_id, staff in staff_by_application.items():
        if application_id not in applications:
            for person in staff:
                yield Problem(
                    person.source,
                    Text(
                        f"入会申请中没有申请编号 {application_id}，无法核对该人员",
                        f"no application {application_id} in the dataset to check this person "
                        "against",
                    ),
                    field="application_id",
                )
    # Their staff counts are derived fields of policies/member.py.
    yield from ctx.each("MemberApplication")

    # The member register: idle months (第二十条(三)); annual inspections (第八条).
    def member_facts(item: Loaded) -> MemberFacts:
        streak, start = idle_streak(
            m.record for m in months_by_member.get(item.record.member_id, [])
        )
        return MemberFacts(idle_streak_months=streak, idle_streak_start=start)

    yield from ctx.each("Member", member_facts)
    registrations = _group(ctx.records("AnnualInspection"), "member_id")
    for item in ctx.records("Member"):
        for year in inspection_years(
            item.record,
            (r.record.registration_date for r in registrations.get(item.record.member_id, [])),
            ctx.as_of,
            params["member.inspection_from_year"],
            params["member.inspection_new_members"],
        ):
            yield ctx.fact(
                item,
                year,
                kind="MemberInspectionYear",
                occurrence=str(year.year),
                reference_date=year.window_end,
            )
    yield from ctx.each("AnnualInspection")

    # Reporting clocks (第十条, 第十八条(十)) and exchange requests (第十条(十), 第十八条(十一)):
    # derived fields of policies/member.py.
    yield from ctx.each("ChangeEvent")
    yield from ctx.each("ExchangeRequest")

    # Termination, the margin refund and fees (第十一条, 第十九条, 第二十条(五)).
    yield from ctx.each("Termination")
    yield from ctx.each("MarginRefund")
    yield from ctx.each("FeeInvoice")
    yield from ctx.each("FeeRefund")
    yield from ctx.each("TraderFee")

    # Traders (第十四条).
    yield from ctx.each("Trade")
    yield from ctx.each("BusinessActivity")

    yield from ctx.each(
        "TradingMonth",
        lambda m: TradingMonthFacts(
            volume_to_funds_ratio=volume_to_funds(m.record.volume_cny, m.record.funds_cny)
        ),
    )

    # Sanctions and their follow-up (第十七条 – 第二十条).
    def sanction(item: Loaded) -> SanctionFacts:
        unlisted = unlisted_measures(item.record.measures)
        return SanctionFacts(
            unlisted_measures="、".join(unlisted) or None, unlisted_measure_count=len(unlisted)
        )

    yield from ctx.each("SanctionRecord", sanction)
    yield from ctx.each("Rectification")
    yield from ctx.each("LegalFinding")

    for kind in (
        "MembershipTransfer",
        "ActivityAttendance",
        "TraderOnboarding",
        "TraderAgreement",
        "TraderPayment",
        "ProgrammaticTrading",
        "Outsourcing",
    ):
        yield from ctx.each(kind)
    # ApplicantStaff, Mandate and FeeSchedule are related records of derived fields
    # (policies/member.py); staff of no known application are rejected above.
