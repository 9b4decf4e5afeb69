"""Configuration: every parameter a regulation leaves open, with its default and its source.

An organisation adapts the checker with a TOML file and never edits code. Every key is declared
(by the checker or by a regulation's module) with a type, a default and a description; an unknown
key or a wrong type is an error naming the file and the key. Layers, later ones winning: the
defaults, `compliance.toml` beside the dataset, the file given with `--config`, command-line
options.
"""

from __future__ import annotations

import tomllib
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import PositiveInt, StringConstraints, TypeAdapter, ValidationError

from checker.i18n import Text
from checker.safety import brief

CONFIG_FILE_NAME = "compliance.toml"


class ConfigError(ValueError):
    """A configuration file that cannot be used."""


@dataclass(frozen=True)
class Parameter:
    key: str  # "section.name"
    type: Any  # a Python type pydantic can validate, e.g. Literal["a", "b"], int | None
    default: Any
    description: Text

    @property
    def family(self) -> str:
        """The field type family a condition may compare this parameter with."""
        tp = self.type
        if typing.get_origin(tp) in (typing.Union, types.UnionType):
            (tp,) = [a for a in typing.get_args(tp) if a is not type(None)]
        if typing.get_origin(tp) is Annotated:  # PositiveInt: an int
            tp = typing.get_args(tp)[0]
        if typing.get_origin(tp) is Literal:
            return "choice"
        return {
            int: "int",
            float: "decimal",
            bool: "bool",
            date: "date",
            time: "time",
            datetime: "datetime",
            str: "text",
        }.get(tp, "list")

    @property
    def choices(self) -> tuple[Any, ...]:
        tp = self.type
        return typing.get_args(tp) if typing.get_origin(tp) is Literal else ()


CORE_PARAMETERS: tuple[Parameter, ...] = (
    Parameter(
        "audit.as_of",
        date | None,
        None,
        Text(
            "审计日期：判断“至今仍未报告/未归还”等情形的基准日；为空时取当天。",
            "Audit date for 'still not reported / not returned' checks; empty means today.",
        ),
    ),
    Parameter(
        "audit.regulations",
        list[str] | None,
        None,
        Text(
            "适用的制度编号列表；为空时按默认配置适用（见 compliance rules regulations）。",
            "Ids of the regulations that apply; empty means the default profile (see "
            "compliance rules regulations).",
        ),
    ),
    Parameter(
        "audit.disabled_rules", list[str], [], Text("停用的规则编号。", "Rule ids not to run.")
    ),
    Parameter(
        "audit.fail_on",
        Literal["info", "warning", "error", "critical", "never"],
        "info",
        Text(
            "达到该级别（含）的违规使退出码为1；never 表示总是0。",
            "Violations at or above this severity make the exit code 1; never: always 0.",
        ),
    ),
    Parameter(
        "audit.fail_on_rules",
        list[str],
        [],
        Text(
            "这些规则的违规无论级别都使退出码为1（--fail-on-rule）。",
            "Rules whose findings make the exit code 1 whatever their severity (--fail-on-rule).",
        ),
    ),
    Parameter(
        "audit.ignore_rules",
        list[str],
        [],
        Text(
            "这些规则的违规照常报告，但从不使退出码为1（--ignore-rule）。",
            "Rules whose findings are reported but never make the exit code 1 (--ignore-rule).",
        ),
    ),
    Parameter(
        "audit.engine",
        Literal["fast", "durable"],
        "fast",
        Text(
            "规则引擎：fast（条件编译为 Ibis 表达式，在 DuckDB 上按列运行，默认）或 durable"
            "（durable-rules）；两者结果完全相同。",
            "Rule engine: fast (conditions compiled to Ibis expressions, run over columns on "
            "DuckDB, the default) or durable (durable-rules); both give identical reports.",
        ),
    ),
    Parameter(
        "audit.workers",
        PositiveInt | None,
        None,
        Text(
            "durable 引擎的工作进程数（超过20000条事实时使用），也是 DuckDB 的线程数；"
            "为空时每个CPU核一个。",
            "Worker processes of the durable engine (for audits of more than 20,000 facts), and "
            "DuckDB's threads; empty: one per CPU core.",
        ),
    ),
    Parameter(
        "audit.memory_limit",
        Annotated[
            str,
            StringConstraints(
                pattern=r"^[0-9]{1,6}(\.[0-9]{1,3})? ?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$"
            ),
        ],
        "2GB",
        Text(
            "DuckDB 的内存上限（如 2GB、500MB）；超出时写入系统临时目录，而不是占满内存。",
            "DuckDB's memory limit (such as 2GB or 500MB); beyond it, DuckDB spills to the "
            "system's temporary folder rather than take the machine's memory.",
        ),
    ),
    Parameter(
        "audit.backend",
        Literal["duckdb", "spark"],
        "duckdb",
        Text(
            "条件与计算字段（工作日、日历表）在哪里运行：duckdb（本进程内，默认）或 spark"
            "（需 pip install -e '.[spark]' 和 Java 17）；两者报告完全相同。",
            "Where the conditions and measured fields (working days, the calendar table) run: "
            "duckdb (in this process, the default) or spark (needs pip install -e '.[spark]' "
            "and Java 17); both give identical reports.",
        ),
    ),
    Parameter(
        "audit.spark_master",
        str,
        "local[2]",
        Text(
            "backend 为 spark 时的 Spark master 地址，如 local[2]、spark://主机:7077、yarn。",
            "The Spark master when the backend is spark, such as local[2], spark://host:7077 "
            "or yarn.",
        ),
    ),
    Parameter(
        "calendar.outside_known_years",
        Literal["error", "weekends"],
        "error",
        Text(
            "官方日历未覆盖的年份：error 报错；weekends 仅按周末计算（不含节假日）。",
            "Years the official calendar does not cover: error, or weekends only (no holidays).",
        ),
    ),
    Parameter(
        "calendar.extra_holidays",
        list[date],
        [],
        Text("额外的休息日（覆盖官方日历）。", "Extra days off, overriding the official calendar."),
    ),
    Parameter(
        "calendar.extra_workdays",
        list[date],
        [],
        Text(
            "额外的工作日（如调休上班日，覆盖官方日历）。",
            "Extra working days (e.g. make-up workdays), overriding the official calendar.",
        ),
    ),
    Parameter(
        "calendar.additional_years",
        list[int],
        [],
        Text(
            "由 extra_holidays/extra_workdays 完整描述的年份（官方日历尚未收录时）。",
            "Years that extra_holidays/extra_workdays describe completely (not yet in the "
            "official calendar).",
        ),
    ),
    Parameter(
        "input.encoding",
        str | None,
        None,
        Text(
            "文本文件（CSV、JSON）的编码，如 gb18030；"
            "为空时自动识别 UTF-8、带 BOM 的 UTF-8 和 GB18030/GBK。",
            "Encoding of text files (CSV, JSON), e.g. gb18030; empty detects UTF-8, UTF-8 with "
            "BOM and GB18030/GBK.",
        ),
    ),
    Parameter(
        "input.sheets",
        dict[str, str],
        {},
        Text(
            '工作表名 → 记录类型，用于未以记录类型命名的工作表，如 "2026年3月" = "clock_ins"。',
            'Sheet name -> record kind, for sheets not named after a kind, e.g. "2026年3月" = '
            '"clock_ins".',
        ),
    ),
    Parameter(
        "database.tables",
        dict[str, str],
        {},
        Text(
            "记录类型 → 数据表（可写 schema.table）；设置后只读取这里与 queries 中列出的类型。",
            "Record kind -> table (schema.table allowed); when set, only the kinds listed here "
            "and in queries are read.",
        ),
    ),
    Parameter(
        "database.queries",
        dict[str, str],
        {},
        Text(
            "记录类型 → 只读 SELECT 查询（请写 ORDER BY，使行号稳定）。",
            "Record kind -> a read-only SELECT query (give it an ORDER BY for stable row numbers).",
        ),
    ),
)


@dataclass(frozen=True)
class Config:
    """The effective configuration: a value and its source for every declared parameter."""

    parameters: Mapping[str, Parameter]
    values: Mapping[str, Any]
    sources: Mapping[str, str]

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def with_values(self, overrides: Mapping[str, Any], source: str) -> Config:
        return _apply(self, overrides, source)


def _validate(parameter: Parameter, value: Any, source: str) -> Any:
    try:
        return TypeAdapter(parameter.type).validate_python(value, strict=True)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"] if not isinstance(part, int))
        problem = first["msg"] if not where else f"{where}: {first['msg']}"
        raise ConfigError(f"{source}: {parameter.key} = {brief(value)}: {problem}") from None


def _apply(config: Config, overrides: Mapping[str, Any], source: str) -> Config:
    values = dict(config.values)
    sources = dict(config.sources)
    for key, value in overrides.items():
        parameter = config.parameters.get(key)
        if parameter is None:
            section = key.split(".")[0]
            known = sorted(k for k in config.parameters if k.startswith(section + "."))
            hint = f"; known keys in [{section}]: {', '.join(known)}" if known else ""
            if section == "penalties":
                hint = (
                    "; only a rule whose text states no penalty takes one from the configuration"
                    " (compliance rules list shows each rule's penalty)"
                )
            raise ConfigError(f"{source}: unknown key {key}{hint}")
        values[key] = _validate(parameter, value, source)
        sources[key] = source
    return Config(config.parameters, values, sources)


def defaults(parameters: Iterable[Parameter]) -> Config:
    by_key = {p.key: p for p in parameters}
    return Config(by_key, {k: p.default for k, p in by_key.items()}, {k: "default" for k in by_key})


def side_file_text(path: Path, error: Callable[[str], Exception]) -> str:
    """The text of a file the user wrote (configuration, waivers): UTF-8, a BOM allowed (Windows
    Notepad writes one). Unreadable or not UTF-8: `error(message)`, naming the file."""
    try:
        raw = path.read_bytes()
    except OSError as failure:
        raise error(f"{path}: cannot read ({failure.strerror})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as failure:
        raise error(
            f"{path}: 不是 UTF-8 编码（第 {failure.start} 字节处）/ not UTF-8 (at byte "
            f"{failure.start})"
        ) from None


def toml_document(text: str, path: Path, error: Callable[[str], Exception]) -> dict[str, Any]:
    """A TOML document, or `error(message)` naming the file: invalid (a key written twice among
    it), nested too deeply, a number too long to read."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as failure:
        raise error(f"{path}: not valid TOML: {failure}") from None
    except RecursionError:
        raise error(f"{path}: 嵌套过深 / nested too deeply") from None
    except ValueError:  # a number of more than 4,300 digits
        raise error(f"{path}: 数字过长 / a number too long to read") from None


def read_file(path: Path) -> dict[str, Any]:
    """Flatten a TOML file's [section] key = value pairs to section.key."""
    document = toml_document(side_file_text(path, ConfigError), path, ConfigError)
    flat: dict[str, Any] = {}
    for section, table in document.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: {section} must be a [section], e.g. [audit]")
        for key, value in table.items():
            # A table is a value too: a parameter typed as a mapping (leave limits per kind) takes
            # one, and any other parameter refuses it when the value is validated.
            flat[f"{section}.{key}"] = value
    return flat


def load(
    parameters: Iterable[Parameter],
    files: Iterable[Path] = (),
    overrides: Mapping[str, Any] | None = None,
) -> Config:
    config = defaults(parameters)
    for path in files:
        config = config.with_values(read_file(path), str(path))
    if overrides:
        config = config.with_values(overrides, "command line")
    return config
