"""ExtractDocumentText: a PDF read page by page in the background, as an AIP-151 operation.

The content is opened and checked (format, size, page count, embedded
images) before the call returns, so bad input is refused at once rather than
as a failed operation. The work then runs as a task of this process
(runtime.operations.OperationTasks, shared with inference's), at most
MAX_READING of them reading at once: each page read moves `pages_done` and
`update_time` (a waiting one only `update_time`, every minute); the end writes the text or the
error. The content lives only in that task. If the process dies, the row
stops moving: a poller that finds an unfinished operation silent for
`stale_after` fails it as OPERATION_INTERRUPTED (ABORTED), whichever
replica it asks.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
from collections.abc import Sequence
from datetime import datetime, timedelta

from jipan.interceptors.context import Principal
from jipan.servers.document.domain import ExtractedText, Operation, TextExtraction, check_languages
from jipan.servers.document.names import DOMAIN
from jipan.servers.document.source import PageSource, opened
from jipan.servers.document.store import DocumentStore
from jipan.servers.runtime.errors import InvalidArgument, NotFound
from jipan.servers.runtime.idempotency import RequestIds, scope_for
from jipan.servers.runtime.operations import OperationError, OperationTasks, interrupted
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

MAX_PAGES = 200
"""The pages one operation reads (a 15 MiB request holds about that many scanned pages)."""
STALE_AFTER = timedelta(minutes=10)
"""A page takes seconds (each model call times out after 30 s): ten silent minutes is a dead process."""
MAX_READING = 2
"""Operations of one process reading at once; the others wait their turn (each holds its content,
up to 15 MiB, and a rendered page, up to 60 MB of RGB, while it reads)."""
LIST_PAGE = (50, 200)
"""ListOperations' default and largest page (the contract's)."""
HEARTBEAT_S = 60.0
"""A waiting operation touches its row this often, so that it is not taken for a dead one."""
_NAME = re.compile(r"^operations/([0-9a-f]{32})$")
_METHOD = "/jipan.document.v1.DocumentService/ExtractDocumentText"


def _not_found(name: str) -> NotFound:
    return NotFound(
        "OPERATION_NOT_FOUND",
        f"no operation {name} of the caller or the caller's organisation",
        domain=DOMAIN,
        metadata={"name": name[:200]},
    )


def operation_name(op_id: str) -> str:
    return f"operations/{op_id}"


class TextExtractionOperations:
    def __init__(
        self,
        extraction: TextExtraction,
        store: DocumentStore,
        request_ids: RequestIds,
        page_tokens: PageTokens,
        *,
        stale_after: timedelta = STALE_AFTER,
        max_reading: int = MAX_READING,
        heartbeat_s: float = HEARTBEAT_S,
    ) -> None:
        self._extraction = extraction
        self._store = store
        self._request_ids = request_ids
        self._page_tokens = page_tokens
        self._stale_after = stale_after
        self._reading = asyncio.Semaphore(max_reading)
        self._heartbeat_s = heartbeat_s
        self._interrupted = interrupted(DOMAIN, "OPERATION_INTERRUPTED", by="shutdown")
        self._tasks = OperationTasks[ExtractedText](
            "document-operation", domain=DOMAIN, interrupted=self._interrupted, finish=self._finish
        )
        self._unread: dict[str, PageSource] = {}
        """Sources of spawned operations whose _run has not begun: a task cancelled before its
        first step never runs its body, so close() closes these (under PDFium's lock)."""

    async def _finish(self, op_id: str, result: ExtractedText | None, error: OperationError | None) -> None:
        await self._store.finish(op_id, result=result, error=error)

    async def start(
        self,
        principal: Principal,
        content: bytes,
        mime_type: str,
        languages: Sequence[str],
        request_id: str,
    ) -> Operation:
        check_languages(languages)
        source = await opened(content, mime_type, MAX_PAGES)
        try:
            op_id, replayed = await self._insert(principal, content, mime_type, languages, request_id, source)
        except BaseException:
            await asyncio.to_thread(source.close)
            raise
        if replayed:
            await asyncio.to_thread(source.close)
        else:
            hints = list(languages)
            self._unread[op_id] = source
            self._tasks.spawn(op_id, lambda op_id: self._run(op_id, hints))
        operation = await self._store.get_operation(op_id)
        if operation is None:
            raise _not_found(operation_name(op_id))
        return operation

    async def _insert(
        self,
        principal: Principal,
        content: bytes,
        mime_type: str,
        languages: Sequence[str],
        request_id: str,
        source: PageSource,
    ) -> tuple[str, bool]:
        fingerprint = json.dumps(
            [hashlib.sha256(content).hexdigest(), mime_type, list(languages)], separators=(",", ":")
        ).encode()
        scope = scope_for(_METHOD, principal.subject)
        async with self._store.pool.acquire() as conn, conn.transaction():
            if request_id:
                first = await self._request_ids.claim(conn, scope, request_id, fingerprint)
                if first is not None:
                    return first.decode(), True
            op_id = await self._store.insert_operation(
                conn,
                requester=principal.subject,
                requester_org=principal.org or "",
                pages_total=source.page_count,
            )
            if request_id:
                await self._request_ids.record(conn, scope, request_id, op_id.encode())
        return op_id, False

    async def _run(self, op_id: str, languages: list[str]) -> ExtractedText:
        async def done(pages: int) -> None:
            await self._store.progress(op_id, pages)

        source = self._unread.pop(op_id)  # this task owns it from here (no await before the try)
        try:
            while True:
                try:
                    await asyncio.wait_for(self._reading.acquire(), self._heartbeat_s)
                    break
                except TimeoutError:
                    await self._store.touch(op_id)
            try:
                return await self._extraction.read_pages(source, languages, on_page=done)
            finally:
                self._reading.release()
        finally:
            await asyncio.to_thread(source.close)

    async def get(self, principal: Principal, name: str) -> Operation:
        match = _NAME.match(name)
        if match is None:
            raise InvalidArgument(
                "FIELD_INVALID",
                'name must be "operations/{operation}"',
                metadata={"field": "name", "value": name[:200]},
            )
        op_id = match.group(1)
        operation = await self._store.get_operation(op_id)
        if operation is None or not _visible(operation, principal):
            raise _not_found(name)
        if not operation.done:
            await self._store.fail_if_stale(
                op_id,
                self._stale_after,
                OperationError(
                    code="ABORTED",
                    message="the server running the operation stopped; start it again",
                    reason="OPERATION_INTERRUPTED",
                    domain=DOMAIN,
                ),
            )
            operation = await self._store.get_operation(op_id)
            assert operation is not None
        return operation

    async def list(
        self, principal: Principal, *, done: bool | None, page_size: int, page_token: str
    ) -> tuple[list[Operation], str]:
        """The operations `get` would return to the caller, newest first (AIP-151, AIP-158)."""
        size = resolve_page_size(page_size, default=LIST_PAGE[0], maximum=LIST_PAGE[1])
        fingerprint = query_fingerprint(
            "ListOperations", subject=principal.subject, org=principal.org or "", done=repr(done)
        )
        after: tuple[datetime, str] | None = None
        if page_token:
            position = self._page_tokens.decode(page_token, fingerprint)
            after = (datetime.fromisoformat(str(position["t"])), str(position["i"]))
        rows = await self._store.list_operations(
            requester=principal.subject,
            requester_org=principal.org or "",
            done=done,
            after=after,
            limit=size + 1,
        )
        page = rows[:size]
        token = ""
        if len(rows) > size:
            last = page[-1]
            token = self._page_tokens.encode(fingerprint, {"t": last.create_time.isoformat(), "i": last.id})
        return page, token

    async def wait(self, op_id: str) -> None:
        """Until the operation's task in this process ends (tests)."""
        await self._tasks.wait(op_id)

    async def close(self) -> None:
        await self._tasks.close()  # records an operation cancelled before its first step too
        # Those never ran _run, so nothing closed their source.
        while self._unread:
            _, source = self._unread.popitem()
            await asyncio.to_thread(source.close)


def _visible(operation: Operation, principal: Principal) -> bool:
    if operation.requester == principal.subject:
        return True
    return bool(operation.requester_org) and operation.requester_org == principal.org
