"""Cell values to field values: both sides of every normalisation, and the documented forms."""

from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.safety import neutralise_formula
from checker.values import (
    EXAMPLES,
    MAC_EPOCH,
    FormError,
    is_empty,
    printable,
    read_date,
    read_datetime,
    read_flag,
    read_int,
    read_set,
    read_text,
    read_time,
    reader,
    shown,
)

money = reader("money")
in_wan = reader("money", "万元")
in_qian = reader("money", "千元")
percent = reader("decimal", "%")
number = reader("decimal")


def refused(read, value) -> str:
    with pytest.raises(FormError) as error:
        read(value)
    return error.value.text.en


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"{e.type}:{e.written!r}")
def test_every_documented_form_reads_as_documented(example):
    read = reader(example.type, example.unit)
    if example.read_as is None:
        refused(read, example.written)
    else:
        got = read(example.written)
        assert got == example.read_as and type(got) is type(example.read_as)


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "written",
    [
        "2024-03-05",
        "2024-3-5",
        "2024/3/5",
        "2024/03/05",
        "2024.3.5",
        "2024年3月5日",
        "2024年03月05日",
        "２０２４年３月５日",
        " 2024-03-05 ",
        "20240305",
        20240305,
        45356,
        45356.0,
        45356.99,
        "45356",
        Decimal("45356"),
        date(2024, 3, 5),
        datetime(2024, 3, 5),
        datetime(2024, 3, 5, 23, 59, 59),
        "2024-03-05 00:00:00",
        "2024-03-05T08:30",
        "2024/3/5 下午3:00",
        datetime(2024, 3, 4, 16, 0, tzinfo=UTC),  # 00:00 on the 5th in China
        "2024-03-04T16:00:00Z",
        "2024-03-05T07:59:59+08:00",
    ],
)
def test_dates_in_the_forms_spreadsheets_write(written):
    assert read_date(written) == date(2024, 3, 5)


def test_a_time_zone_moves_the_day_into_china():
    assert read_date(datetime(2024, 3, 4, 15, 59, tzinfo=UTC)) == date(2024, 3, 4)
    assert read_date("2024-03-04T15:59:59Z") == date(2024, 3, 4)
    assert read_date("2024-03-04T16:00:00Z") == date(2024, 3, 5)


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("03/05/2024", "ambiguous"),
        ("5/3/2024", "ambiguous"),
        ("05.03.24", "ambiguous"),
        ("24-3-5", "not a date"),
        ("2024-02-30", "no such day"),
        ("2023年2月29日", "no such day"),
        ("20241332", "no such day"),
        ("2024-03-05 25:00", "no such time of day"),
        ("2024-03-05 later", "not a time of day"),
        ("二〇二四年三月五日", "not a date"),
        ("someday", "not a date"),
        (2024, "Excel date serial"),  # a year is not a serial: never 1905-07-16
        (18263, "Excel date serial"),  # 1949-12-31
        (73051, "Excel date serial"),  # 2100-01-01
        (-1, "Excel date serial"),
        (True, "not a date"),
        (float("inf"), "finite"),
        ("2024-W10-2", "not a date"),  # an ISO week date Python would accept
    ],
)
def test_dates_that_would_need_a_guess_are_refused(written, reason):
    assert reason in refused(read_date, written)


def test_the_ends_of_the_serial_range():
    assert read_date(18264) == date(1950, 1, 1)
    assert read_date(73050) == date(2099, 12, 31)
    with pytest.raises(FormError):
        read_date(61)  # 1900-03-01 is a serial, but outside the dates taken as such


def test_leap_days():
    assert read_date("2024/2/29") == date(2024, 2, 29)
    assert "no such day" in refused(read_date, "2023/2/29")


def test_serial_numbers_of_the_1904_date_system():
    """A workbook saved in the 1904 date system counts its serials 1,462 days later."""
    in_1904 = reader("date", epoch=MAC_EPOCH)
    assert in_1904(45356 - 1462) == read_date(45356) == date(2024, 3, 5)
    assert reader("datetime", epoch=MAC_EPOCH)(43894.375) == datetime(2024, 3, 5, 9, 0)
    assert in_1904("43894") == date(2024, 3, 5)
    assert in_1904("2024-03-05") == date(2024, 3, 5)  # only serials move
    assert "1950–2099" in refused(in_1904, 45356 + 27000)  # 2102 in the 1904 system
    assert read_time(datetime(1904, 1, 1, 9, 5)) == time(9, 5)  # a time-only cell at its day zero


def test_date_and_time():
    assert read_datetime("2024-03-05 09:05") == datetime(2024, 3, 5, 9, 5)
    assert read_datetime("2024-03-05 09:05:30") == datetime(2024, 3, 5, 9, 5, 30)
    assert read_datetime("2024/3/5 9:05:30.5") == datetime(2024, 3, 5, 9, 5, 30, 500000)
    assert read_datetime("2024年3月5日 9时5分") == datetime(2024, 3, 5, 9, 5)
    assert read_datetime("2024-03-05 12:30 AM") == datetime(2024, 3, 5, 0, 30)
    assert read_datetime("2024-03-05 12:30 PM") == datetime(2024, 3, 5, 12, 30)
    assert read_datetime("2024-03-05 上午12:30") == datetime(2024, 3, 5, 0, 30)
    assert read_datetime(45356.5) == datetime(2024, 3, 5, 12, 0)
    assert read_datetime("2024-03-05T01:00:00Z") == datetime(2024, 3, 5, 9, 0)
    assert read_datetime(datetime(2024, 3, 5, 9, 5)) == datetime(2024, 3, 5, 9, 5)
    assert "missing" in refused(read_datetime, "2024-03-05")
    assert "missing" in refused(read_datetime, date(2024, 3, 5))
    assert "no such time" in refused(read_datetime, "2024-03-05 9:60")


def test_times_of_day():
    assert read_time("09:05") == time(9, 5)
    assert read_time("9:05:07") == time(9, 5, 7)
    assert read_time("9点05分") == time(9, 5)
    assert read_time("下午5:30") == time(17, 30)
    assert read_time("5:30 pm") == time(17, 30)
    assert read_time(time(9, 5)) == time(9, 5)
    assert read_time(0.5) == time(12, 0)
    assert read_time(timedelta(hours=17, minutes=30)) == time(17, 30)
    assert read_time(datetime(1899, 12, 30, 9, 5)) == time(9, 5)  # a time-only Excel cell
    assert "date and time" in refused(read_time, datetime(2024, 3, 5, 9, 5))
    assert "no such time" in refused(read_time, "24:00")
    assert "no such time" in refused(read_time, "9:61")
    assert "not a time" in refused(read_time, 1.5)
    assert "not a time" in refused(read_time, "9:5")  # minutes need two digits after a colon
    assert "not a time" in refused(read_time, "0905")


# --------------------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("1234.50", "1234.50"),
        ("1,234.50", "1234.50"),
        ("1,234,567.89", "1234567.89"),
        ("１，２３４．５０", "1234.50"),
        ("¥1,200", "1200"),
        ("￥1,200", "1200"),
        ("RMB 1200", "1200"),
        ("1200 CNY", "1200"),
        ("人民币1200元", "1200"),
        ("1200元", "1200"),
        ("1200元整", "1200"),
        ("-50", "-50"),
        ("12万", "120000"),
        ("12万元", "120000"),
        ("1.5万元", "15000"),
        ("3千", "3000"),
        ("2亿元", "200000000"),
        ("1,200万", "12000000"),
        (1200, "1200"),
        (1234.5, "1234.5"),
        (0.1 + 0.2, "0.3"),  # a workbook's float, at Excel's 15 digits
        (Decimal("1234.56"), "1234.56"),
    ],
)
def test_amounts_in_yuan(written, amount):
    assert money(written) == Decimal(amount)


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("1.234,50", "decimal comma"),
        ("1234,5", "decimal comma"),
        ("1,23", "decimal comma"),
        ("12,34,567", "not a number"),
        ("1 234", "not an amount"),
        ("1.2E+07", "scientific notation"),
        ("12.345", "more than two decimals"),
        ("1.2345678万", "more than two decimals"),
        ("US$100", "not an amount"),
        ("100美元", "not an amount"),
        ("一千元", "not an amount"),
        ("(1,234)", "not an amount"),
        ("", "not an amount"),
        (True, "not yes/no"),
        (float("nan"), "finite"),
        ("1" * 16, "too large"),
        (10**15, "too large"),
        ("999999999999万", "too large"),
    ],
)
def test_amounts_that_would_need_a_guess_are_refused(written, reason):
    assert reason in refused(money, written)


def test_a_column_in_wan_yuan_scales_bare_numbers_only():
    assert in_wan("500") == Decimal(5_000_000)
    assert in_wan(500) == Decimal(5_000_000)
    assert in_wan("1,200.5") == Decimal(12_005_000)
    assert in_wan("0.0001") == Decimal(1)
    assert in_wan("0.000001") == Decimal("0.01")
    assert "more than two decimals" in refused(in_wan, "0.0000001")
    assert in_wan("12万") == Decimal(120_000)  # the cell states its own scale
    assert in_wan("12万元") == Decimal(120_000)
    for ambiguous in ("500元", "¥500", "500 RMB", "人民币500"):
        assert "ambiguous" in refused(in_wan, ambiguous)
    assert in_qian("3") == Decimal(3000)
    assert "ambiguous" in refused(in_qian, "3元")
    assert reader("money", "元")("500元") == Decimal(500)


def test_percentages_only_in_a_column_in_percent():
    assert percent("30%") == Decimal(30)
    assert percent("30") == Decimal(30)
    assert percent("１２．５％") == Decimal("12.5")
    assert "not in %" in refused(number, "30%")
    assert number("1,234.5") == Decimal("1234.5")


def test_whole_numbers():
    assert read_int("3") == 3
    assert read_int("3.0") == 3
    assert read_int(3.0) == 3
    assert read_int("1,200") == 1200
    assert read_int("３") == 3
    assert "whole number" in refused(read_int, "2.5")
    assert "whole number" in refused(read_int, 2.5)
    assert "not a number" in refused(read_int, "三")
    assert "not yes/no" in refused(read_int, False)


# --------------------------------------------------------------------------- yes/no, text, sets


@pytest.mark.parametrize(
    "written", ["是", "有", "Y", "y", "yes", "TRUE", "true", "1", "√", "✓", "✔", "Ｙ", True, 1, 1.0]
)
def test_yes(written):
    assert read_flag(written) is True


@pytest.mark.parametrize("written", ["否", "无", "N", "no", "FALSE", "0", "×", "✗", "✘", False, 0])
def test_no(written):
    assert read_flag(written) is False


@pytest.mark.parametrize("written", ["可能", "是的", "2", 2, "x", "对"])
def test_anything_else_is_not_yes_or_no(written):
    assert "not yes/no" in refused(read_flag, written)


def test_text_from_typed_sources_reads_as_written():
    assert read_text(1001) == "1001"
    assert read_text(1001.0) == "1001"
    assert read_text(12.5) == "12.5"
    assert read_text(Decimal("1001.00")) == "1001"
    assert read_text(date(2024, 3, 5)) == "2024-03-05"
    assert read_text(True) == "是"
    assert read_text("  M001\u200b ") == "M001"
    assert read_text("'-5") == "-5"
    assert read_text("it's") == "it's"
    assert read_text("O'-Neil") == "O'-Neil"  # only a leading quote is the formula guard
    assert read_text("line one\nline two") == "line one\nline two"
    assert "mapping" in refused(read_text, {"a": 1})
    assert "list" in refused(read_text, [1, 2])
    assert "binary" in refused(read_text, b"\xff\xfe")


@pytest.mark.parametrize("control", ["\x00", "\x07", "\x1b", "\x7f", "\x85"])
def test_control_characters_are_refused(control):
    assert "control character" in refused(read_text, f"甲{control}乙")


def test_bytes_the_encoding_could_not_decode_are_refused():
    damaged = b"\xe7\x94\xb2\xff".decode("utf-8", "surrogateescape")
    assert "cannot decode" in refused(read_text, damaged)
    assert shown(damaged) == "甲\\xff"


def test_excel_errors_are_refused():
    for error in ("#N/A", "#DIV/0!", "#REF!", " #VALUE! "):
        assert "Excel error" in refused(read_text, error)
    assert read_text("#1 store") == "#1 store"


def test_sets_from_one_cell_or_a_list():
    assert read_set("交易制度、结算制度；交易制度") == ["交易制度", "结算制度"]
    assert read_set(["b", "a", None, ""]) == ["a", "b"]


def test_empty_values():
    for empty in (None, "", "   ", "\u3000", float("nan"), Decimal("NaN")):
        assert is_empty(empty)
    for value in (0, "0", "-", "无", False):
        assert not is_empty(value)


def test_shown_values_are_safe_to_print():
    assert shown("\x1b[31mred") == "\\u001b[31mred"
    long = shown("x" * 500)
    assert len(long) < 120 and "500" in long


# --------------------------------------------------------------------------- formula neutralisation


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_gets_a_quote(trigger):
    assert neutralise_formula(f"{trigger}HYPERLINK(1)") == f"'{trigger}HYPERLINK(1)"


def test_plain_text_is_left_alone():
    for text in ("", "甲", "1+1", "a=b", " =1", "'=1"):
        assert neutralise_formula(text) == text


@settings(max_examples=200, derandomize=True, database=None)
@given(st.text())
def test_reading_undoes_the_quote_the_checker_writes(text):
    """What --rejected writes reads back as it was (text cells pass the same checks)."""
    written = neutralise_formula(text)
    assert not written.startswith(("=", "+", "-", "@", "\t", "\r"))
    try:
        original = read_text(text)
    except FormError:
        return
    assert read_text(written) == original


# --------------------------------------------------------------------------- digits

DIGITS = settings(max_examples=60, derandomize=True, database=None, deadline=None)
STANDARD = frozenset("0123456789０１２３４５６７８９")
NON_STANDARD = st.characters(categories=["Nd", "No", "Nl"]).filter(lambda c: c not in STANDARD)
"""Every digit or number character but ASCII and full-width 0-9: ², ①, ٥, Ⅻ, ½, 𝟏, 〇."""

ACCEPTED = {  # a form each reader accepts, in ASCII, and what it reads as
    "money": (money, "¥1,234.50元", Decimal("1234.50")),
    "money in 万元": (in_wan, "12.5", Decimal(125_000)),
    "decimal": (number, "-3.25", Decimal("-3.25")),
    "percent": (percent, "30%", Decimal(30)),
    "int": (read_int, "1,200", 1200),
    "date": (read_date, "2024-03-05", date(2024, 3, 5)),
    "Chinese date": (read_date, "2024年3月5日", date(2024, 3, 5)),
    "datetime": (read_datetime, "2024-03-05T09:05:00+08:00", datetime(2024, 3, 5, 9, 5)),
    "time": (read_time, "下午2:30", time(14, 30)),
    "yes/no": (read_flag, "1", True),
}


@pytest.mark.parametrize("name", ACCEPTED)
def test_a_non_standard_digit_is_refused_never_read_as_a_number(name):
    """Unicode folding, int() and Decimal() read 15000² as 150002, ①⓪⓪ as 100, ٥٠٠ as 500."""
    read, form, _ = ACCEPTED[name]

    @DIGITS
    @given(NON_STANDARD, st.integers(0, len(form)), st.booleans())
    def check(char: str, at: int, replace: bool) -> None:
        written = form[:at] + char + form[at + replace :]
        reason = refused(read, written)
        if char != "〇":  # a Chinese numeral, refused as 二 is: not a date, not a number
            assert f"'{char}'" in reason, reason

    check()


@pytest.mark.parametrize("name", ACCEPTED)
def test_full_width_forms_read_as_the_ascii_ones(name):
    read, form, read_as = ACCEPTED[name]
    full_width = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in form)
    assert read(form) == read(full_width) == read_as


@pytest.mark.parametrize("read", [money, in_wan, number, read_int, read_flag, read_date])
@pytest.mark.parametrize("written", ["15000²", "①⓪⓪", "٥٠٠", "²⁵", "¹", "𝟏𝟐", "Ⅻ", "½"])
def test_digits_that_only_look_like_numbers(read, written):
    assert "non-standard digit character" in refused(read, written)


@DIGITS
@given(NON_STANDARD)
def test_text_and_lists_keep_a_non_standard_digit_as_written(char):
    assert read_text(f"第{char}条") == f"第{char}条"
    assert read_set(f"甲{char}、乙") == sorted({f"甲{char}", "乙"})


# --------------------------------------------------------------------------- the calendar's edges

ZONES = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m)))
EDGES = st.one_of(
    st.datetimes(max_value=datetime(1, 1, 3)),
    st.datetimes(min_value=datetime(9999, 12, 29)),
    st.datetimes(),
)


@DIGITS
@given(EDGES, ZONES, st.sampled_from([read_date, read_datetime]), st.booleans())
def test_a_moment_at_the_calendars_edges_is_read_or_refused_never_a_crash(
    moment, zone, read, as_text
):
    """9999-12-31T23:59:59-12:00 is a day after 9999-12-31 in China: no date can hold it."""
    aware = moment.replace(tzinfo=zone)
    written = aware.isoformat() if as_text else aware
    try:
        in_china = aware.astimezone(timezone(timedelta(hours=8))).replace(tzinfo=None)
    except OverflowError:
        assert "beyond the dates that can be represented" in refused(read, written)
        return
    got = read(written)
    assert got == (in_china if read is read_datetime else in_china.date())


@pytest.mark.parametrize(
    "written", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", "9999-12-31 20:00Z"]
)
def test_the_edges_of_the_calendar_in_china_time(written):
    for read in (read_date, read_datetime):
        with pytest.raises(FormError) as error:
            read(written)
        assert "超出可表示的日期范围" in error.value.text.zh


@settings(max_examples=200, derandomize=True, database=None)
@given(
    st.text(max_size=5),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    st.text(max_size=5),
)
def test_a_lone_surrogate_is_printed_encodable_and_never_read(before, surrogate, after):
    value = before + surrogate + after
    printable(value).encode("utf-8")  # every report writes UTF-8: no character may stop it
    with pytest.raises(FormError):
        read_text(value)
