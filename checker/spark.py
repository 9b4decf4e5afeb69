"""The queries of checker.columnar run on Spark: `--backend spark [--spark-master URL]`.

The same SQL Ibis compiles for DuckDB is compiled for Spark SQL (Ibis' `pyspark` dialect); each
Arrow table a query reads (a kind's fact rows, the parameters' one row, the calendar) becomes a
temporary view for that query, and the result comes back to the driver as an Arrow table, in
`_fact` order (the query orders by it, and collecting keeps the order).

PySpark is an optional extra (`pip install -e '.[spark]'`), imported only when this backend is
chosen, and it needs Java 17 or later: without either, the audit stops with exit code 2 and says
what to install.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from typing import Any

import pyarrow as pa

from checker.i18n import Text


class SparkUnavailable(ValueError):
    """Spark cannot run here: PySpark or Java is missing, or the session would not start."""

    def __init__(self, text: Text) -> None:
        super().__init__(f"{text.zh} / {text.en}")


# Every date, timestamp and time round-trips as itself: timestamps carry no time zone, like the
# fact rows' (a zone would shift them and make them aware), and the session's zone is UTC for
# the casts between dates and timestamps a date offset compiles to.
_SETTINGS = {
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.timestampType": "TIMESTAMP_NTZ",
    "spark.ui.showConsoleProgress": "false",  # no progress bars on the audit's standard error
    "spark.ui.enabled": "false",
}


def require_spark() -> None:
    """Stops with a clear message when PySpark or Java is missing."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise SparkUnavailable(
            Text(
                "--backend spark 需要 PySpark：请运行 pip install -e '.[spark]'",
                "--backend spark needs PySpark: pip install -e '.[spark]'",
            )
        ) from None
    home = os.environ.get("JAVA_HOME")
    java = os.path.join(home, "bin", "java") if home else shutil.which("java")
    if not java or not os.access(java, os.X_OK):
        raise SparkUnavailable(
            Text(
                "--backend spark 需要 Java 17 或更高版本（如 Debian 的 openjdk-17-jre-headless），"
                "未找到 java" + (f"（JAVA_HOME={home}）" if home else "（PATH 中没有）"),
                "--backend spark needs Java 17 or later (such as Debian's "
                "openjdk-17-jre-headless); no java found"
                + (f" (JAVA_HOME={home})" if home else " on the PATH"),
            )
        )


def _typed_as_the_rows(table: pa.Table) -> pa.Table:
    """A result typed as the fact rows and DuckDB's results are: Spark returns times in
    nanoseconds where they hold microseconds, and marks some columns never empty."""
    schema = pa.schema(
        field.with_type(pa.time64("us") if pa.types.is_time(field.type) else field.type)
        .with_nullable(True)
        .remove_metadata()
        for field in table.schema
    )
    return table if schema == table.schema else table.cast(schema)


class SparkBackend:
    """Runs checker.columnar's queries on one SparkSession, started on the first query."""

    dialect = "pyspark"

    def __init__(self, master: str) -> None:
        require_spark()
        import ibis

        if ibis.options.pyspark is None:  # Ibis' Spark SQL compiler reads them (NaN stays NaN)
            from ibis.backends.pyspark import Backend

            Backend.register_options()
        self.master = master
        self._session: Any = None
        # The table each view holds: an audit's kinds share the parameters' row and the
        # calendar (the same Arrow objects, immutable), which are made into Spark's once.
        self._views: dict[str, pa.Table] = {}

    def session(self) -> Any:
        if self._session is None:
            from pyspark.errors import PySparkException
            from pyspark.sql import SparkSession

            # A process has one SparkContext, and getOrCreate() would quietly reuse one that
            # runs on another master.
            active = SparkSession.getActiveSession()
            if active is not None and active.sparkContext.master != self.master:
                raise SparkUnavailable(
                    Text(
                        f"本进程已有运行在 {active.sparkContext.master} 上的 Spark 会话，"
                        f"不能再在 {self.master} 上运行",
                        f"this process already has a Spark session on "
                        f"{active.sparkContext.master}; it cannot run on {self.master} too",
                    )
                )
            builder = SparkSession.builder.master(self.master).appName("compliance")
            for key, value in _SETTINGS.items():
                builder = builder.config(key, value)
            try:
                self._session = builder.getOrCreate()
            except PySparkException as error:
                raise SparkUnavailable(
                    Text(
                        f"Spark 会话无法启动（master {self.master}）：{error}",
                        f"the Spark session would not start (master {self.master}): {error}",
                    )
                ) from None
            self._session.sparkContext.setLogLevel("ERROR")
        return self._session

    def query(self, sql: str, tables: Mapping[str, pa.Table]) -> pa.Table:
        spark = self.session()
        for name, table in tables.items():
            if self._views.get(name) is not table:
                spark.createDataFrame(table).createOrReplaceTempView(name)
                self._views[name] = table
        return _typed_as_the_rows(spark.sql(sql).toArrow())


_backends: dict[str, SparkBackend] = {}


def backend_for(master: str) -> SparkBackend:
    """This process's Spark backend for `master`: its session is started once, when the first
    query runs, and kept for the next audits."""
    if master not in _backends:
        _backends[master] = SparkBackend(master)
    return _backends[master]
