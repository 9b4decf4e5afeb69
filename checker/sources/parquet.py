"""Parquet files, read with pyarrow in batches: one table, its columns the header.

Timestamps keep their time zone (the values reader turns them into China time); nanosecond
timestamps are read to the microsecond; NaN from a data frame is an empty value.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from checker.sources import OrderBy, Part, RawRow, SourceError, Table, unreadable
from checker.values import EXCEL_EPOCH

BATCH_ROWS = 10_000


def _error(error: Exception) -> SourceError:
    return SourceError(
        f"无法读取 Parquet 文件：{type(error).__name__}: {error}",
        f"cannot read the Parquet file: {type(error).__name__}: {error}",
    )


class ParquetFile:
    format = "parquet"
    serial_epoch = EXCEL_EPOCH
    encoding = None

    def __init__(self, path: Path) -> None:
        import pyarrow.parquet as pq

        self.label = str(path)
        try:
            self.file = pq.ParquetFile(path)
        except (PermissionError, FileNotFoundError) as error:
            raise unreadable(error) from None
        except Exception as error:  # pyarrow raises several kinds on a damaged file
            raise _error(error) from None

    def parts(self) -> list[Part]:
        return [Part(None)]

    def table(self, part: Part, order_by: OrderBy) -> Table:
        return Table(self._rows(), header=list(self.file.schema_arrow.names))

    def _rows(self) -> Iterator[RawRow]:
        import pyarrow as pa

        schema = self.file.schema_arrow
        readable = pa.schema(
            [
                field.with_type(pa.timestamp("us", field.type.tz))
                if pa.types.is_timestamp(field.type) and field.type.unit == "ns"
                else field.with_type(pa.time64("us"))
                if pa.types.is_time64(field.type) and field.type.unit == "ns"
                else field
                for field in schema
            ]
        )
        number = 0
        try:
            for batch in self.file.iter_batches(batch_size=BATCH_ROWS):
                if batch.schema != readable:
                    batch = batch.cast(readable, safe=False)
                columns: list[list[Any]] = [column.to_pylist() for column in batch.columns]
                for cells in zip(*columns, strict=True):
                    number += 1
                    yield RawRow(number, list(cells))
        except Exception as error:  # a damaged page fails while the file is read
            raise _error(error) from None

    def close(self) -> None:
        self.file.close()
