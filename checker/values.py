"""Cell values to field values: every normalisation the loader applies, in one place.

Spreadsheets, ERP exports and databases write the same value many ways. Each field type has one
reader here that accepts the forms listed in EXAMPLES (the data contract prints that list, and a
test checks every entry) and refuses anything it would have to guess: a day/month order, a
decimal comma, an amount whose unit the cell and its column disagree on. A refusal is a
`FormError` with the reason in Chinese and English; the loader turns it into a rejected row.

Readers take Python values as the sources deliver them (text from CSV; numbers, dates and
booleans from workbooks, JSON, Parquet and databases) and return the type the record model
validates: str, Decimal, int, bool, date, datetime, time or a list of texts.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from functools import partial
from typing import Any

from checker.i18n import Text
from checker.records.base import FALSE_WORDS, TRUE_WORDS, FieldType, split_tags
from checker.safety import FORMULA_TRIGGERS, MESSAGE_VALUE_CHARS, brief

CHINA = timezone(timedelta(hours=8))
"""Dates and times with a time zone are read as China Standard Time (UTC+8, no summer time)."""

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's 1900 date system)
MAC_EPOCH = date(1904, 1, 1)  # serial 0 of the 1904 date system (workbooks begun on old Macs)
SERIAL_RANGE = ((date(1950, 1, 1) - EXCEL_EPOCH).days, (date(2099, 12, 31) - EXCEL_EPOCH).days)
"""The Excel serial numbers taken as dates; any other number in a date column is refused."""

EXCEL_ERRORS = frozenset(
    {"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
    | {"#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"}
)

MONEY_UNITS: dict[str, Decimal] = {
    "元": Decimal(1),
    "人民币": Decimal(1),
    "人民币元": Decimal(1),
    "rmb": Decimal(1),
    "cny": Decimal(1),
    "yuan": Decimal(1),
    "千元": Decimal(1_000),
    "万元": Decimal(10_000),
    "万": Decimal(10_000),
    "人民币万元": Decimal(10_000),
    "万元人民币": Decimal(10_000),
    "亿元": Decimal(100_000_000),
    "亿": Decimal(100_000_000),
}
"""Units a money column's header may state (注册资本（万元）), with their scale in 元."""

_SCALE_WORDS = {"千": Decimal(1_000), "万": Decimal(10_000), "亿": Decimal(100_000_000)}
# Excel writes "'=x" to keep a cell as text, and so does checker.safety.neutralise_formula.
_NEUTRALISED = re.compile("^'(?=[" + re.escape("".join(FORMULA_TRIGGERS)) + "])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_INVALID_BYTE = re.compile(r"[\udc80-\udcff]")  # bytes the file's encoding could not decode
# Any other surrogate on its own is no character: no report could be encoded with it.
LONE_SURROGATE = re.compile(r"[\ud800-\udc7f\udd00-\udfff]")
_SUSPECT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


class FormError(ValueError):
    """A value the field cannot take, with the reason in both languages."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.text = Text(zh, en)


class Unreadable:
    """A cell a reader could not read at all (an Excel error, a formula never calculated)."""

    def __init__(self, shown: str, reason: Text) -> None:
        self.shown = shown
        self.reason = reason

    def __repr__(self) -> str:
        return self.shown


def is_empty(value: Any) -> bool:
    """An absent value: no cell, a blank cell, JSON null, SQL NULL, a NaN from a data frame."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, Decimal):
        return value.is_nan()
    return False


def printable(text: str) -> str:
    """Text from the data or a file name, safe to print and to encode: undecodable bytes as
    \\xNN, control characters (terminal escapes) and lone surrogates as \\uNNNN."""
    if not _SUSPECT.search(text) and "\n" not in text and "\t" not in text and "\r" not in text:
        return text
    text = _INVALID_BYTE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)
    text = _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    text = escape_surrogates(text)
    return text.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def escape_surrogates(text: str) -> str:
    """Each lone surrogate as \\uNNNN (an undecodable byte, \\udc80–\\udcff, stays as it is)."""
    return LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def clip(value: object) -> str:
    """A value from a side file (waivers) as a message quotes it: text as `shown` quotes it,
    anything else as `brief` does, never rendered whole (a huge number, nested aliases)."""
    return shown(value, MESSAGE_VALUE_CHARS) if isinstance(value, str) else brief(value)


def shown(value: Any, limit: int = 80) -> str:
    """A value as messages quote it: printable, long values cut."""
    if isinstance(value, Unreadable):
        return value.shown
    text = printable(value.isoformat(sep=" ") if isinstance(value, datetime) else str(value))
    if len(text) > limit:
        text = f"{text[:limit]}…（{len(text)}字 chars）"
    return text


# --------------------------------------------------------------------------- text


def _text(value: str) -> str:
    """The checks every text cell passes before its field's reader sees it."""
    if _SUSPECT.search(value):
        if _INVALID_BYTE.search(value):
            raise FormError(
                "含有无法按文件编码解码的字节（文件可能已损坏，或需要 --encoding）",
                "holds bytes the file's encoding cannot decode (a damaged file, or give "
                "--encoding)",
            )
        if found := LONE_SURROGATE.search(value):
            code = f"U+{ord(found.group()):04X}"
            raise FormError(
                f"含有孤立的代理项 {code}（不是文字，多为导出损坏）",
                f"holds the lone surrogate {code} (no character; usually export damage)",
            )
        found = _CONTROL.search(value)
        code = f"U+{ord(found.group()):04X}" if found else "?"
        raise FormError(
            f"含有不可见的控制字符 {code}（多为导出损坏）",
            f"holds the invisible control character {code} (usually export damage)",
        )
    if value[:1] == "'":
        value = _NEUTRALISED.sub("", value, count=1)
    text = value.strip().strip("\u200b\ufeff")
    if text[:1] == "#" and text in EXCEL_ERRORS:
        raise FormError(
            f"单元格是 Excel 错误值 {text}（其公式计算失败）",
            f"the cell holds the Excel error {text} (its formula failed)",
        )
    return text


def _plain(value: Any) -> str:
    """Text for a text field: numbers as written (1001, not 1001.0), dates in ISO form."""
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(value, ".15g")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, bytes):
        try:
            return _text(value.decode("utf-8"))
        except UnicodeDecodeError:
            raise FormError("是二进制数据，不是文本", "is binary data, not text") from None
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        raise FormError(
            f"应为文本，而不是{'对象' if isinstance(value, dict) else '列表'}",
            f"expected text, not a {'mapping' if isinstance(value, dict) else 'list'}",
        )
    return str(value)  # a UUID, an IP address: their text form


def read_text(value: Any) -> str:
    return _plain(value)


def read_set(value: Any) -> list[str]:
    if isinstance(value, (list, tuple, set, frozenset)):
        return sorted({_plain(v) for v in value if not is_empty(v)})
    return sorted(split_tags(_plain(value)))


# --------------------------------------------------------------------------- numbers

_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")


# Full-width forms (！ to ～, and ￥) as Chinese input methods and exports write them, to ASCII.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0xFFE5: "¥"}
# 〇 is a Chinese numeral like 二 (a number word, never a digit): refused as the forms refuse 二.
_DIGITS = frozenset("0123456789０１２３４５６７８９〇")


def _fold(value: str) -> str:
    """Full-width digits, signs and punctuation to ASCII (１２３４ → 1234, ％ → %).

    Any other digit or number character (², ①, ٥, Ⅻ, ½) is refused: Unicode folding, int() and
    Decimal() would read 15000² as 150002 and ①⓪⓪ as 100.
    """
    if value.isascii():
        return value.strip()
    for char in value:
        if char not in _DIGITS and unicodedata.category(char)[0] == "N":
            code = f"U+{ord(char):04X}"
            raise FormError(
                f"含有非标准数字字符“{char}”（{code}）",
                f"holds the non-standard digit character '{char}' ({code})",
            )
    return value.translate(_FULL_WIDTH).strip()


LIMIT = Decimal(10) ** 15
"""No number read reaches 10^15 (1,000万亿): beyond it the engine's integer 分 would overflow."""


def _number(value: Any) -> Decimal:
    """A number below LIMIT from a typed source, or from text with thousands separators."""
    number = _any_number(value)
    if abs(number) >= LIMIT:
        raise FormError("数值过大（不应达到 10^15）", "is too large (10^15 or more)")
    return number


def _any_number(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise FormError("应为数字，而不是是/否值", "expected a number, not yes/no")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise FormError("不是有限的数字", "is not a finite number")
        return Decimal(format(value, ".15g"))  # Excel's own precision: 0.1+0.2 is 0.3
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise FormError("不是有限的数字", "is not a finite number")
        return value
    text = _fold(_plain(value))
    if _NUMBER.fullmatch(text) or _GROUPED.fullmatch(text):
        return Decimal(text.replace(",", ""))
    _refuse_ambiguous(text)
    raise FormError("不是有效数字", "is not a number")


def _refuse_ambiguous(text: str) -> None:
    """The number forms refused because their value would be a guess."""
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+,\d+|[+-]?\d+,\d{1,2}", text):
        raise FormError(
            "含小数逗号，无法确定千位与小数（应写作 1,234.50）",
            "has a decimal comma: thousands and decimals are ambiguous (write 1,234.50)",
        )
    if re.fullmatch(r"[+-]?\d+(\.\d+)?[eE][+-]?\d+", text):
        raise FormError(
            "是科学计数法，表格导出时可能已舍入；请将该列设为数值格式后重新导出",
            "is in scientific notation, which the export may have rounded; format the column "
            "as a number and export again",
        )


def read_decimal(unit: str | None) -> Callable[[Any], Decimal]:
    def read(value: Any) -> Decimal:
        if isinstance(value, str) and _fold(value).endswith("%"):
            if unit != "%":
                raise FormError(
                    "含百分号，但本列不是百分比", "has a percent sign, but the column is not in %"
                )
            return _number(_fold(value)[:-1])
        return _number(value)

    return read


def read_int(value: Any) -> int:
    number = _number(value)
    if number != number.to_integral_value():
        raise FormError("不是整数", "is not a whole number")
    return int(number)


_AMOUNT = re.compile(
    r"(?P<currency>¥|RMB|CNY|人民币)?\s*(?P<number>[+-]?[\d,.]+)\s*"
    r"(?P<scale>[千万亿])?\s*(?P<yuan>元整|元|圆|RMB|CNY)?",
    re.IGNORECASE,
)


def _cents(amount: Decimal) -> Decimal:
    """The amount in 分 (two decimals), as the record keeps it: records share a repeated one."""
    if abs(amount) >= LIMIT:
        raise FormError("金额过大（不应达到 10^15 元）", "is too large (10^15 元 or more)")
    exact = amount.quantize(Decimal("0.01"))
    if amount != exact:
        raise FormError(
            f"折合 {amount} 元，超过两位小数（分）", f"is {amount} 元: more than two decimals (分)"
        )
    return exact


def read_money(unit: str | None) -> Callable[[Any], Decimal]:
    """Amounts in 元; a column whose header states 千元/万元/亿元 scales its bare numbers."""
    column_scale = MONEY_UNITS[unit] if unit else Decimal(1)

    def read(value: Any) -> Decimal:
        return _cents(_amount(value))

    def _amount(value: Any) -> Decimal:
        if not isinstance(value, str):
            return _number(value) * column_scale
        text = _fold(_plain(value))
        match = _AMOUNT.fullmatch(text)
        if match is None:
            _refuse_ambiguous(text)
            raise FormError(
                "不是有效金额（如 1234.50、1,234.50、12万元）",
                "is not an amount (e.g. 1234.50, 1,234.50, 12万元)",
            )
        number = _number(match["number"])
        if match["scale"]:  # 12万 and 12万元 say their own scale: 120,000 元 in any column
            return number * _SCALE_WORDS[match["scale"]]
        if (match["currency"] or match["yuan"]) and column_scale != 1:
            raise FormError(
                f"写明了“元”，但本列单位是{unit}：是 {number} 元还是 {number} {unit}无法确定",
                f"says 元 in a column in {unit}: {number} 元 or {number} {unit} is ambiguous",
            )
        return number * column_scale

    return read


# --------------------------------------------------------------------------- yes/no


def read_flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, Decimal)) and value in (0, 1):
        return bool(value)
    text = _fold(_plain(value)).lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise FormError(
        "不是有效的是/否值（是/否、Y/N、√/×、true/false、1/0）",
        "is not yes/no (是/否, Y/N, √/×, true/false, 1/0)",
    )


# --------------------------------------------------------------------------- dates and times

_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_TIME = (
    re.compile(
        r"(?P<half>上午|下午|中午|晚上)?\s*(?P<h>\d{1,2})\s*:\s*(?P<m>\d{2})"
        r"(?:\s*:\s*(?P<s>\d{2}(?:\.\d+)?))?\s*(?P<ampm>AM|PM)?",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<half>上午|下午|中午|晚上)?\s*(?P<h>\d{1,2})\s*[时点]\s*(?P<m>\d{1,2})\s*分?"
        r"(?:\s*(?P<s>\d{1,2}(?:\.\d+)?)\s*秒)?(?P<ampm>)",
    ),
)
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # read before _fold: ASCII only
_ZONE = re.compile(r"(Z|[+-]\d{2}:?\d{2})$", re.IGNORECASE)


def _serial(number: Decimal, epoch: date) -> datetime:
    whole = int(number)
    if not SERIAL_RANGE[0] <= whole + (epoch - EXCEL_EPOCH).days <= SERIAL_RANGE[1]:
        raise FormError(
            f"数字 {number} 不是 1950–2099 年间日期的 Excel 序列号",
            f"the number {number} is not an Excel date serial of 1950–2099",
        )
    seconds = round((number - whole) * 86400)
    return datetime.combine(epoch + timedelta(days=whole), time()) + timedelta(seconds=seconds)


def _day(year: str, month: str, day: str) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise FormError(
            f"没有这一天：{year}-{month}-{day}", f"there is no such day: {year}-{month}-{day}"
        ) from None


def _time_of_day(text: str) -> time | None:
    for pattern in _TIME:
        match = pattern.fullmatch(text)
        if match:
            return _clock(match)
    return None


def _clock(match: re.Match[str]) -> time:
    hour, minute = int(match["h"]), int(match["m"])
    seconds = Decimal(match["s"] or 0)
    half = (match["half"] or match["ampm"] or "").upper()
    if half in ("下午", "晚上", "PM") and hour < 12:
        hour += 12
    elif half in ("上午", "AM") and hour == 12:
        hour = 0
    whole = int(seconds)
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= whole <= 59):
        written = match.group().strip()
        raise FormError(f"没有这个时刻：{written}", f"there is no such time of day: {written}")
    return time(hour, minute, whole, int((seconds - whole) * 1_000_000))


def _in_china(moment: datetime) -> datetime:
    """A moment with a time zone as China's clock shows it, without the zone."""
    try:
        return moment.astimezone(CHINA).replace(tzinfo=None)
    except OverflowError:  # 9999-12-31T23:59-12:00 is a day after 9999-12-31 in China
        raise FormError(
            "超出可表示的日期范围（换算为中国时间后早于 0001 年或晚于 9999 年）",
            "is beyond the dates that can be represented (before year 1 or after 9999 in "
            "China time)",
        ) from None


def _moment(value: Any, epoch: date) -> datetime | date:
    """A date, or a date and time, from any of the accepted forms (see EXAMPLES); a serial number
    counts days from `epoch`."""
    if isinstance(value, datetime):
        return _in_china(value) if value.tzinfo else value
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        number = _number(value)
        if number == number.to_integral_value() and 10_000_101 <= number <= 99_991_231:
            text = str(int(number))
            return _day(text[:4], text[4:6], text[6:])
        return _serial(number, epoch)
    text = _fold(_plain(value))
    if re.fullmatch(r"\d{8}", text):
        return _day(text[:4], text[4:6], text[6:])
    if re.fullmatch(r"\d{1,7}(\.\d+)?", text):
        return _serial(Decimal(text), epoch)
    zone = _ZONE.search(text) if "T" in text.upper() or " " in text else None
    if zone and _DATE.match(text):
        try:
            moment = datetime.fromisoformat(text.upper().replace("Z", "+00:00"))
        except ValueError:
            pass  # not ISO after all: the patterns below report it
        else:
            return _moment(moment, epoch)
    match = _DATE.match(text)
    if match is None:
        if re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}", text):
            raise FormError(
                "日、月顺序无法确定（应写作 2024-03-05）",
                "the order of day and month is ambiguous (write 2024-03-05)",
            )
        raise FormError(
            "不是有效日期（如 2024-03-05、2024/3/5、2024年3月5日）",
            "is not a date (e.g. 2024-03-05, 2024/3/5, 2024年3月5日)",
        )
    day = _day(*match.groups())
    rest = text[match.end() :].lstrip(" T")
    if not rest:
        return day
    clock = _time_of_day(rest)
    if clock is None:
        raise FormError(
            f"日期后的“{rest}”不是有效时刻", f"{rest!r} after the date is not a time of day"
        )
    return datetime.combine(day, clock)


def read_date(value: Any, epoch: date = EXCEL_EPOCH) -> date:
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        try:
            return date.fromisoformat(value)  # the common case, 2024-03-05, at once
        except ValueError:
            pass
    moment = _moment(value, epoch)
    return moment.date() if isinstance(moment, datetime) else moment


def read_datetime(value: Any, epoch: date = EXCEL_EPOCH) -> datetime:
    moment = _moment(value, epoch)
    if not isinstance(moment, datetime):
        raise FormError(
            "缺少时刻（应写作 2024-03-05 09:05）", "the time of day is missing (2024-03-05 09:05)"
        )
    return moment


def read_time(value: Any) -> time:
    if isinstance(value, time):
        return value.replace(tzinfo=None)
    if isinstance(value, datetime):
        if value.date() in (EXCEL_EPOCH, date(1899, 12, 31), date(1900, 1, 1), MAC_EPOCH):
            return value.time()  # a time-only cell that a reader dated at Excel's day zero
        raise FormError(
            "是日期和时刻，本列只应填写时刻（如 09:05）",
            "is a date and time; the column takes a time of day (09:05)",
        )
    if isinstance(value, timedelta) and timedelta(0) <= value < timedelta(days=1):
        return (datetime.min + value).time()
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        number = _number(value)
        if 0 <= number < 1:  # Excel stores a time of day as a fraction of a day
            return (datetime.min + timedelta(seconds=round(number * 86400))).time()
        raise FormError("不是有效时刻（如 09:05）", "is not a time of day (e.g. 09:05)")
    clock = _time_of_day(_fold(_plain(value)))
    if clock is None:
        raise FormError("不是有效时刻（如 09:05）", "is not a time of day (e.g. 09:05)")
    return clock


# --------------------------------------------------------------------------- per field type


def reader(
    field_type: FieldType, unit: str | None = None, epoch: date = EXCEL_EPOCH
) -> Callable[[Any], Any]:
    """The function that reads a non-empty cell of a field of this type and column unit, in a
    file whose date serials count from `epoch`."""
    if field_type in ("date", "datetime") and epoch != EXCEL_EPOCH:
        return partial(read_date if field_type == "date" else read_datetime, epoch=epoch)
    if field_type == "money":
        return read_money(unit)
    if field_type == "decimal":
        return read_decimal(unit)
    return {
        "text": read_text,
        "choice": read_text,
        "int": read_int,
        "bool": read_flag,
        "date": read_date,
        "datetime": read_datetime,
        "time": read_time,
        "set": read_set,
    }[field_type]


# --------------------------------------------------------------------------- the documented forms


@dataclass(frozen=True)
class Example:
    """One accepted or refused form; the data contract lists them and a test checks each."""

    type: FieldType
    written: Any
    read_as: Any  # None: refused
    note: str  # why it is read so, or why it is refused
    unit: str | None = None  # the unit the column's header states


EXAMPLES: tuple[Example, ...] = (
    Example("date", "2024-03-05", date(2024, 3, 5), "ISO"),
    Example("date", "2024/3/5", date(2024, 3, 5), "slashes or dots, no leading zeros"),
    Example("date", "2024年3月5日", date(2024, 3, 5), "Chinese"),
    Example("date", "20240305", date(2024, 3, 5), "eight digits, as ERP exports write"),
    Example("date", 45356, date(2024, 3, 5), "an Excel serial number (1950–2099)"),
    Example("date", datetime(2024, 3, 5, 14, 30), date(2024, 3, 5), "a date and time: its day"),
    Example(
        "date",
        "2024-03-04T18:30:00Z",
        date(2024, 3, 5),
        "with a time zone: the day in China (UTC+8)",
    ),
    Example("date", "03/05/2024", None, "day and month order is ambiguous"),
    Example(
        "date",
        "9999-12-31T23:59:59-12:00",
        None,
        "with a time zone, after 9999-12-31 (or before 0001-01-01) in China",
    ),
    Example("date", "2024-02-30", None, "no such day"),
    Example("date", 2024, None, "a number outside the serials of 1950–2099"),
    Example("datetime", "2024/3/5 9:05", datetime(2024, 3, 5, 9, 5), "any date form and H:MM[:SS]"),
    Example("datetime", "2024年3月5日 下午2:30", datetime(2024, 3, 5, 14, 30), "上午/下午, AM/PM"),
    Example("datetime", 45356.375, datetime(2024, 3, 5, 9, 0), "an Excel serial with a fraction"),
    Example("datetime", "2024-03-05", None, "the time of day is missing"),
    Example("time", "9:05", time(9, 5), "H:MM or HH:MM:SS"),
    Example("time", "9时5分", time(9, 5), "Chinese"),
    Example("time", 0.375, time(9, 0), "an Excel fraction of a day"),
    Example("time", "25:00", None, "no such time"),
    Example("money", "1,234.50", Decimal("1234.50"), "thousands separators"),
    Example("money", "１２３４", Decimal(1234), "full-width digits"),
    Example(
        "money",
        "15000²",
        None,
        "a digit but 0–9 and ０–９ (², ①, ٥), in numbers, dates, times, yes/no",
    ),
    Example("money", "¥1,200元", Decimal(1200), "¥, ￥, RMB, CNY, 元, 元整"),
    Example("money", "12万元", Decimal(120_000), "万, 千, 亿 in the cell scale it, in any column"),
    Example("money", "500", Decimal(5_000_000), "a bare number in a 万元 column", "万元"),
    Example("money", "500元", None, "元 in a 万元 column is ambiguous", "万元"),
    Example("money", "1.234,50", None, "a decimal comma is ambiguous"),
    Example("money", "1.2E+07", None, "scientific notation may be rounded"),
    Example("money", "12.345", None, "more than two decimals (分)"),
    Example("decimal", "30%", Decimal(30), "a percent sign in a column in %", "%"),
    Example("int", "1,200", 1200, "thousands separators, full-width digits"),
    Example("int", "2.5", None, "not a whole number"),
    Example("bool", "是", True, "是/否, 有/无, Y/N, yes/no, true/false, 1/0"),
    Example("bool", "√", True, "√/×, ✓/✗, ✔/✘"),
    Example("bool", "×", False, "√/×, ✓/✗, ✔/✘"),
    Example("bool", "可能", None, "anything else"),
    Example("text", 1001.0, "1001", "a number from a workbook, as written"),
    Example("text", "'=1+1", "=1+1", "a leading ' that keeps a formula as text is dropped"),
    Example("text", "#N/A", None, "an Excel error value"),
    Example("text", "甲\x07", None, "an invisible control character"),
)
