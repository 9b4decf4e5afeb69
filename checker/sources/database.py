"""Databases: an SQLite file, or PostgreSQL through `--db postgresql://…`.

Each record kind comes from a table or a query. Without `[database.tables]` or
`[database.queries]` in the configuration, every table (or PostgreSQL view) named after a kind is
read (`members`, `Member`, `会员名册`); with them, exactly the tables and queries they name. A table
is read ordered by the kind's key columns, so row numbers are stable from run to run; a query
runs as written (give it an ORDER BY).

Connections are read-only (SQLite opens the file read-only; PostgreSQL runs one READ ONLY
transaction and rolls it back), table names are quoted as identifiers, never pasted into SQL,
and the only SQL that runs is the configuration's: an SQLite view is SQL that came with the
data file (it may never end, or fill the memory), and is never run, whether named as a table or
read by a configured query (the message says to export it as a table). Dates and times with a
time zone are read in China time. A URL's password never appears in a report: the label drops it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from checker.sources import OrderBy, Part, RawRow, SourceError, Table, unreadable
from checker.values import EXCEL_EPOCH, printable

FETCH_ROWS = 2_000
QUERY_PREFIX = "query:"  # a part that is a configured query: "query:Member"


def _parts(names: list[str], tables: Mapping[str, str], queries: Mapping[str, str]) -> list[Part]:
    if not tables and not queries:
        return [Part(name) for name in sorted(names)]
    parts = [Part(table, kind) for kind, table in tables.items()]
    return parts + [Part(f"{QUERY_PREFIX}{kind}", kind) for kind in queries]


class SQLiteDatabase:
    format = "sqlite"
    serial_epoch = EXCEL_EPOCH
    encoding = None

    def __init__(self, path: Path, tables: Mapping[str, str], queries: Mapping[str, str]) -> None:
        self.label = str(path)
        self.tables, self.queries = tables, queries
        try:
            with path.open("rb") as handle:
                signature = handle.read(16)
        except OSError as error:
            raise unreadable(error) from None
        if signature != b"SQLite format 3\x00":
            raise SourceError("不是 SQLite 数据库文件", "not an SQLite database file")
        try:
            self.connection = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            self.connection.text_factory = lambda data: data.decode("utf-8", "surrogateescape")
            listed = self.connection.execute(
                "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
        except sqlite3.Error as error:
            raise SourceError(
                f"无法读取数据库：{error}", f"cannot read the database: {error}"
            ) from None
        self._names = [name for name, _ in listed]
        self._views = {name for name, type_ in listed if type_ == "view"}
        self._view_run: str | None = None  # the view a statement tried to run, if any
        self.connection.set_authorizer(self._authorize)

    def _authorize(self, action: int, arg1: Any, arg2: Any, db: Any, view: str | None) -> int:
        """Deny whatever a view (or trigger) would run: sqlite names it as the access's source."""
        if view is None:
            return sqlite3.SQLITE_OK
        self._view_run = view
        return sqlite3.SQLITE_DENY

    def parts(self) -> list[Part]:
        return _parts(self._names, self.tables, self.queries)

    def table(self, part: Part, order_by: OrderBy) -> Table:
        name = str(part.name)
        self._view_run = None
        try:
            if name.startswith(QUERY_PREFIX) and part.kind in self.queries:
                cursor = self.connection.execute(self.queries[part.kind])
            else:
                if name in self._views:
                    raise _view_refused(name)
                quoted = _quote_sqlite(name)
                header = _sqlite_columns(self.connection, quoted)
                keys = order_by(header)
                order = f" ORDER BY {', '.join(map(_quote_sqlite, keys))}" if keys else ""
                cursor = self.connection.execute(f"SELECT * FROM {quoted}{order}")
        except sqlite3.Error as error:
            if self._view_run is not None:
                raise _view_refused(self._view_run) from None
            raise SourceError(f"查询失败：{error}", f"the query failed: {error}") from None
        except UnicodeError:  # sqlite3 decodes column names as strict UTF-8
            raise SourceError(
                "列名含有无法按 UTF-8 解码的字节；请修正列名",
                "a column name holds bytes that are not UTF-8: correct the column names",
            ) from None
        header = [str(d[0]) for d in cursor.description or ()]
        return Table(_sqlite_rows(cursor), header=header)

    def close(self) -> None:
        self.connection.close()


def _view_refused(view: str) -> SourceError:
    shown = printable(view)
    return SourceError(
        f"“{shown}”是视图（VIEW）：视图是随数据文件而来的 SQL，不予执行"
        "（可能永不结束或耗尽内存）；请将其导出为数据表",
        f"{shown!r} is a view: a view is SQL that came with the data file and is never run (it "
        "may never end, or exhaust the memory); export it as a table",
    )


def _quote_sqlite(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sqlite_columns(connection: sqlite3.Connection, quoted: str) -> list[str]:
    cursor = connection.execute(f"SELECT * FROM {quoted} LIMIT 0")
    return [str(d[0]) for d in cursor.description or ()]


def _sqlite_rows(cursor: sqlite3.Cursor) -> Iterator[RawRow]:
    number = 0
    try:
        while batch := cursor.fetchmany(FETCH_ROWS):
            for row in batch:
                number += 1
                yield RawRow(number, list(row))
    except sqlite3.Error as error:
        raise SourceError(f"读取中断：{error}", f"reading stopped: {error}") from None


# --------------------------------------------------------------------------- PostgreSQL


def redact(url: str) -> str:
    """The URL without its password, for reports and messages."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        credentials, host = netloc.rsplit("@", 1)
        netloc = f"{credentials.split(':', 1)[0]}@{host}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k.lower() != "password"])
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


class PostgresDatabase:
    format = "postgresql"
    serial_epoch = EXCEL_EPOCH
    encoding = None

    def __init__(self, url: str, tables: Mapping[str, str], queries: Mapping[str, str]) -> None:
        import psycopg

        self.label = redact(url)
        self.tables, self.queries = tables, queries
        try:
            self.connection = psycopg.connect(url, connect_timeout=15)
            self.connection.read_only = True
            with self.connection.cursor() as cursor:
                cursor.execute("SET TIME ZONE 'Asia/Shanghai'")
                cursor.execute(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = ANY (current_schemas(false))"
                )
                self._names = [row[0] for row in cursor.fetchall()]
        except psycopg.Error as error:
            raise SourceError(
                f"无法连接或读取数据库：{_pg_message(error)}",
                f"cannot connect to or read the database: {_pg_message(error)}",
            ) from None
        self._cursors = 0

    def parts(self) -> list[Part]:
        return _parts(self._names, self.tables, self.queries)

    def table(self, part: Part, order_by: OrderBy) -> Table:
        import psycopg
        from psycopg import sql

        name = str(part.name)
        self._cursors += 1
        try:
            if name.startswith(QUERY_PREFIX) and part.kind in self.queries:
                query: Any = self.queries[part.kind].strip().rstrip(";")
            else:
                table = sql.Identifier(*name.split(".", 1))
                with self.connection.cursor() as probe:
                    probe.execute(sql.SQL("SELECT * FROM {} LIMIT 0").format(table))
                    header = [column.name for column in probe.description or ()]
                keys = order_by(header)
                query = sql.SQL("SELECT * FROM {}").format(table)
                if keys:
                    query = sql.SQL("{} ORDER BY {}").format(
                        query, sql.SQL(", ").join(map(sql.Identifier, keys))
                    )
            cursor = self.connection.cursor(name=f"compliance_{self._cursors}")
            cursor.itersize = FETCH_ROWS
            cursor.execute(query)
            rows = cursor.fetchmany(FETCH_ROWS)  # the description is known once rows are asked
            header = [column.name for column in cursor.description or ()]
        except psycopg.Error as error:
            self.connection.rollback()
            raise SourceError(
                f"查询失败：{_pg_message(error)}", f"the query failed: {_pg_message(error)}"
            ) from None
        return Table(_pg_rows(cursor, rows), header=header)

    def close(self) -> None:
        if not self.connection.closed:
            self.connection.rollback()  # nothing was written; end the read-only transaction
            self.connection.close()


def _pg_message(error: Exception) -> str:
    diag = getattr(error, "diag", None)
    text = getattr(diag, "message_primary", None) or str(error).strip() or type(error).__name__
    return text.splitlines()[0]


def _pg_rows(cursor: Any, first: list[Any]) -> Iterator[RawRow]:
    import psycopg

    number = 0
    batch = first
    try:
        while batch:
            for row in batch:
                number += 1
                yield RawRow(number, list(row))
            batch = cursor.fetchmany(FETCH_ROWS)
    except psycopg.Error as error:
        raise SourceError(
            f"读取中断：{_pg_message(error)}", f"reading stopped: {_pg_message(error)}"
        ) from None
    finally:
        cursor.close()
