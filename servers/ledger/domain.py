"""The ledger's rules: accepting digests, receipts, verification and listing (no gRPC here)."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from jipan.interceptors.context import Principal
from jipan.servers.ledger.batcher import AnchorBatcher
from jipan.servers.ledger.feed import OVERFLOW, ConfirmationFeed
from jipan.servers.ledger.store import LedgerStore, ReceiptRecord, ReceiptScope
from jipan.servers.runtime.errors import InvalidArgument, NotFound, ResourceExhausted
from jipan.servers.runtime.idempotency import RequestIds, scope_for
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

LEDGER_DOMAIN = "ledger.jipan.tw"
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
MAX_METADATA_VALUE = 256
_METADATA_KEY = re.compile(r"[A-Za-z0-9_.-]{1,64}")
_RECEIPT_NAME = re.compile(r"receipts/([0-9a-fA-F-]{36})")


AUDITOR_ROLE = "ledger-auditor"


@dataclass(frozen=True, slots=True)
class ReceiptReader:
    """Who may read which receipts: the ledger's one visibility rule.

    - By digest (VerifyDigest) or by name (GetReceipt): any authenticated caller. Knowing
      the digest is the capability: only who holds the data can compute it, and the
      answer says no more than "this was anchored, when, by whom". A receipt's name is
      a random UUID (122 bits) that its submitter hands out with the thing it anchors
      (a review's `ledger_receipt`, a bid's, a security event's), so that whoever it
      shows the thing to can check the anchor: knowing the name is the capability too.
    - By enumeration (ListAnchors, WatchAnchors), which needs no such knowledge: the
      receipts the caller submitted and those its organisation's members (and services)
      submitted, filtered by `submitter` within that. Another organisation's receipts are
      never listed: asking for its submitter gives nothing, not an error that would say
      it exists. Auditors see every receipt: the `ledger-auditor` role held in the
      consortium's founding organisation (JIPAN_LEDGER_FOUNDER_ORG). Roles are granted by
      each organisation's own administrators, so the role counts in that organisation
      only; elsewhere it gives nothing.
    """

    subject: str
    org: str
    auditor: bool

    @classmethod
    def of(cls, principal: Principal, auditor_org: str | None) -> ReceiptReader:
        org = principal.org or ""
        auditor = auditor_org is not None and org == auditor_org and AUDITOR_ROLE in principal.roles
        return cls(principal.subject, org, auditor)

    @property
    def scope(self) -> ReceiptScope | None:
        """What the store filters enumerations to (None: every receipt)."""
        return None if self.auditor else ReceiptScope(self.subject, self.org)


class DigestEntry(NamedTuple):
    """One submitted digest (a NamedTuple: one is made per digest on the hot path)."""

    digest: bytes
    metadata: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class ReceiptPage:
    receipts: list[ReceiptRecord]
    next_page_token: str


def receipt_name(receipt: ReceiptRecord) -> str:
    return f"receipts/{receipt.id}"


def _check_metadata(index: int, metadata: Mapping[str, str]) -> None:
    for key, value in metadata.items():
        if not _METADATA_KEY.fullmatch(key) or len(value) > MAX_METADATA_VALUE:
            raise InvalidArgument(
                "METADATA_INVALID",
                "metadata keys are 1-64 characters of [A-Za-z0-9_.-] and values at most "
                f"{MAX_METADATA_VALUE} characters",
                domain=LEDGER_DOMAIN,
                metadata={"field": f"digests[{index}].metadata", "key": key[:64]},
            )


class Ledger:
    """Accepts digests durably, hands them to the batcher, answers receipts."""

    def __init__(
        self,
        store: LedgerStore,
        *,
        request_ids: RequestIds,
        page_tokens: PageTokens,
        batcher: AnchorBatcher,
        feed: ConfirmationFeed,
        auditor_org: str | None = None,
    ) -> None:
        """`auditor_org`: the organisation whose `ledger-auditor` members read every receipt
        (ReceiptReader); None: nobody does."""
        self._store = store
        self._auditor_org = auditor_org
        self._feed = feed
        self._request_ids = request_ids
        self._page_tokens = page_tokens
        self._batcher = batcher

    def reader(self, principal: Principal) -> ReceiptReader:
        return ReceiptReader.of(principal, self._auditor_org)

    async def anchor_digests(
        self,
        submitter: str,
        entries: Sequence[DigestEntry],
        *,
        request_id: str,
        request_body: bytes,
        submitter_org: str = "",
    ) -> list[ReceiptRecord]:
        """One receipt per entry, in order; stored (committed) before this returns.

        A digest this submitter already sent keeps its first receipt (and
        metadata); a replayed `request_id` returns the same receipts.
        """
        for index, entry in enumerate(entries):
            _check_metadata(index, entry.metadata)
        scope = scope_for("jipan.ledger.v1.LedgerService/AnchorDigests", submitter)
        async with self._store.pool.acquire() as conn, conn.transaction():
            if request_id:
                first = await self._request_ids.claim(conn, scope, request_id, request_body)
                if first is not None:
                    ids = [uuid.UUID(i) for i in json.loads(first)]
                    return await self._store.receipts_by_id(conn, ids)
            unique: dict[bytes, Mapping[str, str]] = {}
            for entry in entries:
                unique.setdefault(entry.digest, entry.metadata)
            stored = await self._store.insert_receipts(conn, submitter, list(unique.items()), submitter_org)
            receipts = [stored[entry.digest] for entry in entries]
            if request_id:
                ids_json = json.dumps([str(r.id) for r in receipts]).encode()
                await self._request_ids.record(conn, scope, request_id, ids_json)
        self._batcher.notify(len(stored))
        return receipts

    async def get_receipt(self, name: str) -> ReceiptRecord:
        match = _RECEIPT_NAME.fullmatch(name)
        try:
            receipt_id = uuid.UUID(match[1]) if match else None
        except ValueError:
            receipt_id = None
        if receipt_id is None:
            raise InvalidArgument(
                "RECEIPT_NAME_INVALID",
                "a receipt name is receipts/{uuid}",
                domain=LEDGER_DOMAIN,
                metadata={"field": "name", "name": name[:100]},
            )
        found = await self._store.receipts_by_id(None, [receipt_id])
        if not found:
            raise NotFound(
                "RECEIPT_NOT_FOUND", "no receipt has this name", domain=LEDGER_DOMAIN, metadata={"name": name}
            )
        return found[0]

    async def verify_digest(self, digest: bytes, submitter: str) -> list[ReceiptRecord]:
        return await self._store.receipts_for_digest(digest, submitter or None)

    async def list_anchors(
        self,
        reader: ReceiptReader,
        *,
        submitter: str,
        start: datetime | None,
        end: datetime | None,
        page_size: int,
        page_token: str,
    ) -> ReceiptPage:
        size = resolve_page_size(page_size, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
        if start is not None and end is not None and end < start:
            raise InvalidArgument(
                "TIME_RANGE_INVALID",
                "create_time_range ends before it starts",
                domain=LEDGER_DOMAIN,
                metadata={"field": "create_time_range"},
            )
        fingerprint = query_fingerprint(
            "ListAnchors",
            submitter=submitter,
            start=start.isoformat() if start else "",
            end=end.isoformat() if end else "",
        )
        after: tuple[datetime, int] | None = None
        if page_token:
            position = self._page_tokens.decode(page_token, fingerprint)
            try:
                after = (datetime.fromisoformat(str(position["t"])), int(position["s"]))
            except (KeyError, ValueError, TypeError) as exc:
                raise InvalidArgument(
                    "PAGE_TOKEN_INVALID",
                    "page_token is not valid for this query: malformed",
                    metadata={"field": "page_token"},
                ) from exc
        rows = await self._store.list_receipts(
            submitter=submitter or None,
            start=start,
            end=end,
            after=after,
            limit=size + 1,
            readable_by=reader.scope,
        )
        page = rows[:size]
        next_token = ""
        if len(rows) > size:
            last = page[-1]
            next_token = self._page_tokens.encode(
                fingerprint, {"t": last.create_time.isoformat(), "s": last.seq}
            )
        return ReceiptPage(page, next_token)

    async def watch_confirmations(
        self, reader: ReceiptReader, submitter: str
    ) -> AsyncIterator[list[ReceiptRecord]]:
        """First an empty list once the watch is active, then each confirmed batch's receipts
        that `reader` may enumerate (a batch with none of them is skipped)."""
        async with self._feed.subscribe() as queue:
            yield []
            while True:
                batch_id = await queue.get()
                if batch_id == OVERFLOW:
                    raise ResourceExhausted(
                        "WATCH_TOO_SLOW",
                        "the watcher fell behind the confirmations; "
                        "watch again and catch up with ListAnchors",
                        domain=LEDGER_DOMAIN,
                    )
                receipts = await self._store.receipts_in_batch(batch_id, submitter or None, reader.scope)
                if receipts:
                    yield receipts
