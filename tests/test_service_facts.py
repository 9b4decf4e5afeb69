"""The customer-service facts computed before the engine: greeting delays, same-day deadlines,
VIP card validity, birthdays and the reminder a store owed each VIP."""

from datetime import date, datetime

import pytest

from checker.calendar import WorkingCalendar
from checker.columnar import Unplaced
from checker.facts.service import (
    anniversary,
    answering_messages,
    birthdays_between,
    card_expiry,
    done_late,
    greeting_seconds,
    reminder_status,
    reminders_owed,
)
from checker.records.service import ResidentComplaint, VipMember, VipMessage, VipStoreEvent
from tests.derived import measured

CAL = WorkingCalendar()


def member(**fields: object) -> VipMember:
    return VipMember.model_validate(
        {"card_no": "V1", "name": "赵敏", "store_id": "S1", "issued_date": date(2025, 6, 1)}
        | fields
    )


def event(event_id: str, start: date, store: str = "S1", kind: str = "促销") -> VipStoreEvent:
    return VipStoreEvent.model_validate(
        {"event_id": event_id, "store_id": store, "event_type": kind, "start_date": start}
    )


def message(kind: str, sent_at: datetime, event_id: str | None = None) -> VipMessage:
    return VipMessage.model_validate(
        {
            "message_id": "M",
            "card_no": "V1",
            "message_type": kind,
            "event_id": event_id,
            "sent_at": sent_at,
        }
    )


def test_greeting_seconds_drop_fractions_and_stay_empty_without_a_greeting():
    arrived = datetime(2026, 3, 6, 14, 0, 0)
    assert greeting_seconds(arrived, datetime(2026, 3, 6, 14, 1, 0)) == 60
    assert greeting_seconds(arrived, datetime(2026, 3, 6, 14, 1, 1)) == 61
    assert greeting_seconds(arrived, datetime(2026, 3, 6, 14, 1, 0, 999999)) == 60
    assert greeting_seconds(arrived, None) is None


def test_same_day_deadline_vs_the_next_day():
    day = date(2026, 3, 10)
    assert done_late(day, day, date(2026, 3, 31), 0) is False
    assert done_late(day, date(2026, 3, 11), date(2026, 3, 31), 0) is True
    assert done_late(day, date(2026, 3, 11), date(2026, 3, 31), 1) is False


def test_not_done_is_late_only_once_the_last_day_has_passed():
    day = date(2026, 3, 31)
    assert done_late(day, None, date(2026, 3, 31), 0) is False
    assert done_late(day, None, date(2026, 4, 1), 0) is True  # across a month's end
    assert done_late(None, None, date(2026, 4, 1), 0) is None


def test_anniversaries_and_card_expiry():
    assert anniversary(date(1992, 2, 29), 2026) == date(2026, 2, 28)
    assert anniversary(date(1992, 2, 29), 2028) == date(2028, 2, 29)
    assert card_expiry(date(2024, 3, 15)) == date(2026, 3, 15)
    assert card_expiry(date(2024, 2, 29)) == date(2026, 2, 28)


def test_birthdays_between_inclusive_bounds_and_across_a_year_end():
    birthday = date(1990, 1, 1)
    assert birthdays_between(birthday, date(2025, 12, 31), date(2026, 1, 1)) == [date(2026, 1, 1)]
    assert birthdays_between(birthday, date(2025, 1, 1), date(2026, 1, 1)) == [
        date(2025, 1, 1),
        date(2026, 1, 1),
    ]
    assert birthdays_between(birthday, date(2026, 1, 2), date(2026, 12, 31)) == []


def test_reminder_status_day_before_vs_the_day_vs_after():
    due = date(2026, 3, 15)
    before = datetime(2026, 3, 14, 23, 59, 59)
    on_the_day = datetime(2026, 3, 15, 0, 0, 0)
    after = datetime(2026, 3, 16, 9, 0, 0)
    assert reminder_status(due, [], False) == (None, "未发")
    assert reminder_status(due, [after, before], False) == (before, "按时")
    assert reminder_status(due, [on_the_day], False) == (on_the_day, "当天")
    assert reminder_status(due, [on_the_day], True) == (on_the_day, "按时")
    assert reminder_status(due, [after], True) == (after, "逾期")


def test_reminders_owed_only_while_the_card_is_valid_and_for_its_store():
    events = [
        event("E-ISSUE-DAY", date(2025, 6, 1)),
        event("E-NEXT-DAY", date(2025, 6, 2)),
        event("E-OTHER", date(2025, 7, 1), store="S2"),
        event("E-LAST-VALID", date(2027, 5, 31)),
        event("E-EXPIRED", date(2027, 6, 1)),
        event("E-FUTURE", date(2027, 5, 1), kind="新品"),
    ]
    owed = reminders_owed(member(), events, None, date(2027, 5, 31))
    assert [item[1] for item in owed if item[0] != "生日"] == [
        "E-NEXT-DAY",
        "E-FUTURE",
        "E-LAST-VALID",
    ]
    assert reminders_owed(member(), events, None, date(2027, 4, 30))[-1][1] == "E-NEXT-DAY"


def test_birthdays_owed_from_the_configured_day():
    vip = member(birthday=date(1980, 6, 10))
    days = [item[2] for item in reminders_owed(vip, [], None, date(2026, 12, 31))]
    assert days == [date(2025, 6, 10), date(2026, 6, 10)]
    days = [item[2] for item in reminders_owed(vip, [], date(2026, 1, 1), date(2026, 12, 31))]
    assert days == [date(2026, 6, 10)]
    assert reminders_owed(vip, [], date(2026, 1, 1), date(2026, 6, 9)) == []


def test_answering_messages_match_the_event_or_the_birthday_window():
    due = date(2026, 3, 20)
    messages = [
        message("生日", datetime(2026, 2, 18, 9)),  # 30 days before
        message("生日", datetime(2026, 2, 17, 9)),  # 31 days before
        message("促销", datetime(2026, 3, 1, 9), "E1"),
        message("促销", datetime(2026, 3, 2, 9), "E2"),
    ]
    assert answering_messages("生日", None, due, messages, 30) == [datetime(2026, 2, 18, 9)]
    assert answering_messages("促销", "E1", due, messages, 30) == [datetime(2026, 3, 1, 9)]
    assert answering_messages("新品", "E1", due, messages, 30) == []


def _measured(record, as_of: date, **settings):
    return measured(None, [record], as_of, **settings)[0]


def resident_case(**fields: object) -> ResidentComplaint:
    values = {"case_id": "C1", "employee_id": "E1", "received_date": date(2026, 3, 1)}
    return ResidentComplaint.model_validate(values | fields)


@pytest.mark.parametrize(
    ("completed", "replied", "as_of", "reply_days", "late"),
    [
        (date(2026, 3, 10), date(2026, 3, 10), date(2026, 3, 31), 0, False),  # the same day
        (date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 31), 0, True),  # the next day
        (date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 31), 1, False),
        (date(2025, 12, 31), date(2026, 1, 1), date(2026, 3, 31), 1, False),  # over a year end
        (date(2026, 3, 31), None, date(2026, 3, 31), 0, False),  # not yet told, not yet due
        (date(2026, 3, 31), None, date(2026, 4, 1), 0, True),  # across a month's end
        (None, None, date(2026, 4, 1), 0, None),  # unfinished: nothing due
        (None, date(2026, 3, 1), date(2026, 4, 1), 0, None),
    ],
)
def test_replies_to_the_resident_and_the_director_are_due_reply_days_after_completion(
    completed, replied, as_of, reply_days, late
):
    for field in ("resident_replied_date", "director_replied_date"):
        case = resident_case(completed_date=completed, **{field: replied})
        measured = _measured(case, as_of, **{"property.reply_days": reply_days})
        assert measured[field.replace("replied_date", "reply_late")] is late


def test_a_reply_deadline_past_the_last_date_rejects_the_case():
    case = resident_case(completed_date=date(9999, 12, 31))
    lost = _measured(case, date(2026, 4, 1), **{"property.reply_days": 1})
    assert isinstance(lost, Unplaced) and "9999-12-31" in str(lost.error)
    same_day = _measured(case, date(2026, 4, 1), **{"property.reply_days": 0})
    assert same_day["resident_reply_late"] is False
