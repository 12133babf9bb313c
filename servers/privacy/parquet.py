"""Datasets from Apache Parquet (pyarrow), read against the column schema into the CSV the service stores.

A dataset is kept as CSV (store.py); a Parquet file becomes that CSV once,
at creation, with each cell written the way table.py normalises it (numbers
in their canonical text, dates ISO 8601), so everything downstream reads one
format.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import pyarrow as pa  # type: ignore[import-untyped]  # pyarrow ships no type information
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from jipan.servers.privacy.names import DOMAIN
from jipan.servers.privacy.table import normalise_number, schema_invalid
from jipan.servers.privacy.types import Column, ColumnKind
from jipan.servers.runtime.errors import InvalidArgument


def parquet_invalid(problem: str, **metadata: str) -> InvalidArgument:
    return InvalidArgument(
        "PARQUET_INVALID",
        f"the content is not a Parquet file the service reads: {problem}",
        domain=DOMAIN,
        metadata={"problem": problem, **metadata},
    )


def _cell(value: Any, kind: ColumnKind, column: str) -> str:
    if value is None:
        return ""
    if kind is ColumnKind.NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise parquet_invalid(
                f"column {column!r} holds {type(value).__name__}, not numbers", column=column
            )
        if isinstance(value, float) and not math.isfinite(value):
            raise parquet_invalid(f"column {column!r} holds {value!r}", column=column)
        return normalise_number(repr(value) if isinstance(value, float) else str(value))
    if kind is ColumnKind.DATE:
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        raise parquet_invalid(f"column {column!r} holds {type(value).__name__}, not dates", column=column)
    return value if isinstance(value, str) else str(value)


def parquet_to_csv(content: bytes, columns: Sequence[Column], *, max_rows: int) -> bytes:
    try:
        parquet = pq.ParquetFile(io.BytesIO(content))
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise parquet_invalid(str(exc)[:200]) from exc
    rows = parquet.metadata.num_rows
    if rows > max_rows:
        raise InvalidArgument(
            "DATASET_TOO_LARGE",
            f"the dataset has more than {max_rows} rows",
            domain=DOMAIN,
            metadata={"limit_rows": str(max_rows)},
        )
    names = parquet.schema_arrow.names
    for name in names:
        if name not in {c.name for c in columns}:
            raise schema_invalid(f"Parquet column {name!r} has no schema entry", column=name)
    for column in columns:
        if column.name not in names:
            raise schema_invalid(
                f"schema column {column.name!r} is not in the Parquet file", column=column.name
            )
    try:
        table = parquet.read()
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise parquet_invalid(str(exc)[:200]) from exc
    kinds = {c.name: c.kind for c in columns}
    values = [[_cell(v, kinds[name], name) for v in table.column(name).to_pylist()] for name in names]
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(names)
    writer.writerows(zip(*values, strict=True))
    return out.getvalue().encode()
