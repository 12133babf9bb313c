"""A dataset's CSV read whole against its column schema, cells normalised by kind.

The CSV is the dataset's stored form (see store.py): it is checked once, at
creation, and read again by assessments and releases with the same code, so
a number or date compares equal however it was written ("30", "30.0").
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from jipan.servers.privacy.names import DOMAIN
from jipan.servers.privacy.types import Column, ColumnKind, ColumnRole
from jipan.servers.runtime.errors import InvalidArgument

# Cells longer than this are refused (csv's own default limit).
_MAX_CELL = 131072


@dataclass(frozen=True)
class Table:
    """The records column by column; "" is a missing value."""

    columns: dict[str, list[str]]
    row_count: int


def csv_invalid(problem: str, **metadata: str) -> InvalidArgument:
    return InvalidArgument(
        "CSV_INVALID",
        f"the content is not a valid CSV: {problem}",
        domain=DOMAIN,
        metadata={"problem": problem, **metadata},
    )


def schema_invalid(problem: str, **metadata: str) -> InvalidArgument:
    return InvalidArgument(
        "SCHEMA_INVALID",
        f"the column schema does not fit: {problem}",
        domain=DOMAIN,
        metadata={"problem": problem, **metadata},
    )


def normalise_number(cell: str) -> str:
    """The canonical text of a number: integers without a fraction, others as Python's shortest repr."""
    value = float(cell)
    if not math.isfinite(value):
        raise ValueError("not finite")
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def normalise_date(cell: str) -> str:
    return date.fromisoformat(cell).isoformat()


def check_schema(columns: Sequence[Column]) -> None:
    """Rules that hold whatever the CSV says."""
    if not columns:
        raise schema_invalid("dataset.columns is required: one entry per CSV header column")
    seen: set[str] = set()
    for column in columns:
        if not column.name:
            raise schema_invalid("a column has no name")
        if column.name in seen:
            raise schema_invalid(f"column {column.name!r} is named twice", column=column.name)
        seen.add(column.name)
    if not any(column.role is ColumnRole.QUASI_IDENTIFIER for column in columns):
        raise schema_invalid("no column is a quasi-identifier; assessments are formed over them")


def read_table(content: bytes, columns: Sequence[Column], *, max_rows: int) -> Table:
    """Parse and check the CSV; every refusal names the problem, and the line and column where it applies."""
    check_schema(columns)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise csv_invalid(f"not UTF-8 (byte {exc.start})") from exc
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if not header or all(not cell.strip() for cell in header):
            raise csv_invalid("no header row", line="1")
        header = [cell.strip() for cell in header]
        duplicates = sorted({name for name in header if header.count(name) > 1})
        if duplicates:
            raise csv_invalid(
                f"header column {duplicates[0]!r} appears twice", line="1", column=duplicates[0]
            )
        by_name = {column.name: column for column in columns}
        for name in header:
            if name not in by_name:
                raise schema_invalid(f"header column {name!r} has no schema entry", column=name)
        for column in columns:
            if column.name not in header:
                raise schema_invalid(
                    f"schema column {column.name!r} is not in the CSV header", column=column.name
                )
        kinds = [by_name[name].kind for name in header]
        values: list[list[str]] = [[] for _ in header]
        rows = 0
        for row in reader:
            if not row:
                continue  # a blank line
            line = str(reader.line_num)
            if len(row) != len(header):
                raise csv_invalid(f"{len(row)} cells where the header has {len(header)}", line=line)
            rows += 1
            if rows > max_rows:
                raise InvalidArgument(
                    "DATASET_TOO_LARGE",
                    f"the dataset has more than {max_rows} rows",
                    domain=DOMAIN,
                    metadata={"limit_rows": str(max_rows)},
                )
            for index, cell in enumerate(row):
                if len(cell) > _MAX_CELL:
                    raise csv_invalid("a cell is too long", line=line, column=header[index])
                kind = kinds[index]
                if cell and kind is not ColumnKind.TEXT:
                    cell = cell.strip()
                    try:
                        cell = normalise_number(cell) if kind is ColumnKind.NUMBER else normalise_date(cell)
                    except ValueError as exc:
                        raise csv_invalid(
                            f"{cell[:50]!r} is not a {kind.value.lower()}", line=line, column=header[index]
                        ) from exc
                values[index].append(cell)
    except csv.Error as exc:
        raise csv_invalid(str(exc), line=str(reader.line_num)) from exc
    return Table(columns=dict(zip(header, values, strict=True)), row_count=rows)
