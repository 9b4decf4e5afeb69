"""Waiver governance on its own: the day a waiver holds, time zones, non-waivable rules."""

from datetime import date

import pytest

from checker.waivers import WaiverError, load_waivers

ENTRY = """
waivers:
  - rule: {rule}
    record: E1
    justification: 已补交
    approver: 李敏
    approved: 2026-03-01
    {expires}
"""


def waiver(tmp_path, catalog, expires="", rule="MEM-10-1", head=""):
    path = tmp_path / "w.yaml"
    path.write_text(head + ENTRY.format(rule=rule, expires=expires), encoding="utf-8")
    waivers = load_waivers(path, catalog)
    return waivers.waivers[0], waivers.zone


@pytest.mark.parametrize(
    ("expires", "as_of", "state"),
    [
        ("", "2026-02-28", "not_yet_approved"),  # the day before approval
        ("", "2026-03-01", "active"),  # the approval day
        ("", "2099-12-31", "active"),  # no expiry
        ("expires: 2026-12-31", "2026-12-31", "active"),  # the whole expiry day is covered
        ("expires: 2026-12-31", "2027-01-01", "expired"),
        ("expires: 2026-12-31T12:00:00+08:00", "2026-12-31", "expired"),  # half the day
        ("expires: 2027-01-01T00:00:00+08:00", "2026-12-31", "active"),
        # 2026-12-31 16:00 UTC is 2027-01-01 00:00 in Shanghai: the 31st is covered
        ("expires: 2026-12-31T16:00:00Z", "2026-12-31", "active"),
        ("expires: 2026-12-31T15:59:59Z", "2026-12-31", "expired"),
        ("expires: '2026-12-31'", "2026-12-31", "active"),  # quoted: still a day
        ("expires: 2026-12-31 18:00:00", "2026-12-31", "expired"),  # no offset: Shanghai
    ],
)
def test_the_audit_date_decides_in_shanghai_time(tmp_path, catalog, expires, as_of, state):
    entry, zone = waiver(tmp_path, catalog, expires)
    assert entry.state(date.fromisoformat(as_of), zone) == state


def test_the_files_time_zone_moves_the_end_of_an_expiry_day(tmp_path, catalog):
    entry, _ = waiver(tmp_path, catalog, "expires: 2026-12-31", head="time_zone: UTC\n")
    assert entry.ends.isoformat() == "2027-01-01T00:00:00+00:00"
    with pytest.raises(WaiverError, match="'Mars/Olympus' is not a known time zone"):
        waiver(tmp_path, catalog, head="time_zone: Mars/Olympus\n")


def test_a_rule_marked_not_waivable_refuses_its_waivers(tmp_path, catalog):
    assert catalog.rules["MEM-17-3"].waivable is False
    assert sum(not r.waivable for r in catalog.rules.values()) == 1
    entry, zone = waiver(tmp_path, catalog, rule="MEM-17-3")
    assert entry.state(date(2026, 6, 1), zone) == "refused"


def test_a_covered_catalogue_id_names_its_rule(tmp_path, catalog):
    entry, _ = waiver(tmp_path, catalog, rule="MEM-13-6")  # encoded by MEM-19-2
    assert entry.rule_id == "MEM-19-2"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("waivers: nope\n", "expected a list `waivers`"),
        ("waiver: []\n", "expected a list `waivers`"),
        ("waivers: []\nowner: x\n", "unknown top-level key(s) owner"),
        ("waivers:\n  - just a string\n", "waiver 1: expected a table of fields"),
        ("waivers: [\n", "not valid YAML"),
        ("waivers:\n  - {approved: 2026-02-30}\n", "not valid YAML"),
    ],
)
def test_unusable_files(tmp_path, catalog, text, message):
    path = tmp_path / "w.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WaiverError, match="^" + str(path).replace(".", r"\.") + ".*") as error:
        load_waivers(path, catalog)
    assert message in str(error.value)


def test_entries_are_checked_one_by_one(tmp_path, catalog):
    path = tmp_path / "w.toml"
    path.write_text(
        '[[waivers]]\nid = "A"\nrule = "MEM-10-1"\nrecord = "E1"\njustification = "x"\n'
        'approver = "y"\napproved = 2026-01-01\n'
        '[[waivers]]\nid = "A"\nrule = "MEM-10-1"\nrecord = "E2"\njustification = "  "\n'
        'approver = "y"\napproved = 2026-01-01\n',
        encoding="utf-8",
    )
    with pytest.raises(WaiverError, match=r"waiver 2 \(A\): justification must not be empty"):
        load_waivers(path, catalog)
    path.write_text(path.read_text(encoding="utf-8").replace('"  "', '"z"'), encoding="utf-8")
    with pytest.raises(WaiverError, match=r"waiver 2 \(A\): id A is used by waiver 1 too"):
        load_waivers(path, catalog)
    other = tmp_path / "w.json"
    other.write_text("{}", encoding="utf-8")
    with pytest.raises(WaiverError, match=r"YAML .* or TOML"):
        load_waivers(other, catalog)


@pytest.mark.parametrize(
    ("expires", "as_of", "state"),
    [
        ("expires: 9999-12-31", "2026-06-01", "active"),
        ("expires: 9999-12-31", "9999-12-31", "active"),  # its last day, covered whole
        ("expires: 9999-12-31T23:59:59+08:00", "9999-12-31", "expired"),  # not the whole day
        ("expires: 9999-12-31T23:59:59-12:00", "9999-12-30", "active"),
        ("", "9999-12-31", "active"),
    ],
)
def test_an_expiry_at_the_calendars_end_never_expires_in_practice(
    tmp_path, catalog, expires, as_of, state
):
    entry, zone = waiver(tmp_path, catalog, expires)
    assert entry.state(date.fromisoformat(as_of), zone) == state


def test_a_quoted_value_is_printable_and_cut(tmp_path, catalog):
    """A waiver's value in a message is escaped (no terminal escape reaches the terminal) and
    cut, as every value from a file is."""
    path = tmp_path / "w.toml"
    rule = "\\u001b[2J" + "X" * 200
    path.write_text(
        f'[[waivers]]\nrule = "{rule}"\nrecord = "E1"\njustification = "x"\napprover = "y"\n'
        "approved = 2026-01-01\n",
        encoding="utf-8",
    )
    with pytest.raises(WaiverError) as error:
        load_waivers(path, catalog)
    message = str(error.value)
    assert "unknown rule" in message and "\x1b" not in message and "\\u001b[2J" in message
    assert "X" * 100 not in message
