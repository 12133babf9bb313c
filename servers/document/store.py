"""The document schema (migrations/0001_document.sql) through asyncpg: background text extractions.

Rows become domain types here and nowhere else. The text read is one jsonb
document per operation: it is written once, when the operation ends, and read
whole by GetOperation.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg

from jipan.servers.document.domain import ExtractedText, Operation, PageText, TextLine
from jipan.servers.runtime.idempotency import Connection
from jipan.servers.runtime.operations import OperationError

SCHEMA = "document"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_COLUMNS = (
    "id, requester, requester_org, pages_done, pages_total, done, result, error, "
    "create_time, update_time, end_time"
)


def _text_json(text: ExtractedText) -> dict[str, Any]:
    return {
        "pages": [
            {
                "width": page.width,
                "height": page.height,
                "lines": [
                    {
                        "text": line.text,
                        "polygon": [list(point) for point in line.polygon],
                        "confidence": line.confidence,
                        "reading_order": line.reading_order,
                    }
                    for line in page.lines
                ],
            }
            for page in text.pages
        ],
        "models": list(text.models),
    }


def _text(data: dict[str, Any]) -> ExtractedText:
    return ExtractedText(
        pages=tuple(
            PageText(
                width=page["width"],
                height=page["height"],
                lines=tuple(
                    TextLine(
                        text=line["text"],
                        polygon=tuple((int(x), int(y)) for x, y in line["polygon"]),
                        confidence=float(line["confidence"]),
                        reading_order=int(line["reading_order"]),
                    )
                    for line in page["lines"]
                ),
            )
            for page in data["pages"]
        ),
        models=tuple(data["models"]),
    )


def _error_json(error: OperationError) -> dict[str, Any]:
    return {
        "code": error.code,
        "message": error.message,
        "reason": error.reason,
        "domain": error.domain,
        "metadata": error.metadata,
    }


def _operation(row: asyncpg.Record) -> Operation:
    result = row.get("result")
    return Operation(
        id=row["id"],
        requester=row["requester"],
        requester_org=row["requester_org"],
        pages_done=row["pages_done"],
        pages_total=row["pages_total"],
        done=row["done"],
        result=_text(result) if result is not None else None,
        error=OperationError(**row["error"]) if row["error"] is not None else None,
        create_time=row["create_time"],
        update_time=row["update_time"],
        end_time=row["end_time"],
    )


class DocumentStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def insert_operation(
        self, conn: Connection, *, requester: str, requester_org: str, pages_total: int
    ) -> str:
        op_id = uuid.uuid4().hex
        await conn.execute(
            "INSERT INTO document.operations (id, requester, requester_org, pages_total) "
            "VALUES ($1, $2, $3, $4)",
            op_id,
            requester,
            requester_org,
            pages_total,
        )
        return op_id

    async def get_operation(self, op_id: str) -> Operation | None:
        query = f"SELECT {_COLUMNS} FROM document.operations WHERE id = $1"  # noqa: S608 (constant columns)
        row = await self.pool.fetchrow(query, op_id)
        return _operation(row) if row is not None else None

    async def list_operations(
        self,
        *,
        requester: str,
        requester_org: str,
        done: bool | None,
        after: tuple[datetime, str] | None,
        limit: int,
    ) -> list[Operation]:
        """The operations `requester` started or its organisation's (when it has one), newest
        first, strictly after the keyset position `after`; without their text (the result
        column is not even read)."""
        args: list[Any] = [requester, requester_org]
        conditions = ["(requester = $1 OR ($2 <> '' AND requester_org = $2))"]
        if done is not None:
            args.append(done)
            conditions.append(f"done = ${len(args)}")
        if after is not None:
            args += list(after)
            conditions.append(f"(create_time, id) < (${len(args) - 1}, ${len(args)})")
        args.append(limit)
        columns = _COLUMNS.replace("result, ", "")
        rows = await self.pool.fetch(
            f"SELECT {columns} FROM document.operations WHERE {' AND '.join(conditions)}"  # noqa: S608 (placeholders only)
            f" ORDER BY create_time DESC, id DESC LIMIT ${len(args)}",
            *args,
        )
        return [_operation(row) for row in rows]

    async def progress(self, op_id: str, pages_done: int) -> None:
        await self.pool.execute(
            "UPDATE document.operations SET pages_done = $2, update_time = now() WHERE id = $1 AND NOT done",
            op_id,
            pages_done,
        )

    async def touch(self, op_id: str) -> None:
        """The operation is alive (waiting for its turn): only update_time moves."""
        await self.pool.execute(
            "UPDATE document.operations SET update_time = now() WHERE id = $1 AND NOT done", op_id
        )

    async def finish(
        self, op_id: str, *, result: ExtractedText | None = None, error: OperationError | None = None
    ) -> None:
        await self.pool.execute(
            "UPDATE document.operations SET done = true, result = $2, error = $3, update_time = now(), "
            "end_time = now() WHERE id = $1 AND NOT done",
            op_id,
            _text_json(result) if result is not None else None,
            _error_json(error) if error is not None else None,
        )

    async def fail_if_stale(self, op_id: str, stale_after: timedelta, error: OperationError) -> None:
        """Fail the operation if it is unfinished and has not moved for `stale_after` (its process died)."""
        await self.pool.execute(
            "UPDATE document.operations SET done = true, error = $3, update_time = now(), end_time = now() "
            "WHERE id = $1 AND NOT done AND update_time < now() - $2::interval",
            op_id,
            stale_after,
            _error_json(error),
        )
