"""Sealed-bid e-tendering: publish, bid, withdraw, release shares, open, qualify, score, award.

Bids arrive sealed (clients/sealing.py, on the vendor's side) to the tender's
committee with its threshold; the server checks that a sealed bid is addressed
to exactly that committee, stores the sealed bytes in the object store,
anchors their SHA-256 on the ledger and keeps the receipt. At the opening time
committee members release their shares (unsealed on their side); a bid with
`threshold` valid shares is decrypted after its commitment has been checked
against the stored bytes and the ledger's anchor. Deadlines are checked with
the database's clock inside the writing statement, so no bid slips in late.
Every step is appended to the tender's audit trail.
"""

from __future__ import annotations

import base64
import contextlib
import re
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final, Literal

import asyncpg
from google.protobuf.message import DecodeError

from jipan.clients import sealing
from jipan.interceptors.context import Principal
from jipan.procurement.v1 import tender_pb2
from jipan.servers.procurement import ocds
from jipan.servers.procurement.anchoring import DecisionAnchor
from jipan.servers.procurement.catalog import require_org
from jipan.servers.procurement.names import DOMAIN, BidKey, TenderKey, org_of, parse_agency
from jipan.servers.procurement.store import Connection
from jipan.servers.procurement.tender_store import TenderStore
from jipan.servers.runtime.errors import (
    AlreadyExists,
    DataLoss,
    FailedPrecondition,
    FieldViolation,
    InvalidArgument,
    NotFound,
    PermissionDenied,
)
from jipan.servers.runtime.idempotency import RequestIds, scope_for
from jipan.servers.runtime.objectstore import ObjectStore
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

_ID = re.compile(r"[A-Za-z0-9-]{1,32}")
MAX_COMMITTEE = 20
CURRENCY = "TWD"
# A row as stored (asyncpg) or as a viewer may see it (a redacted copy).
Row = asyncpg.Record | Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class TenderDraft:
    title: str
    description: str
    lots: list[dict[str, Any]]  # id, title, description, budget_minor, currency_code
    award_method: str  # LOWEST_PRICE / MOST_ADVANTAGEOUS / ""
    criteria: list[dict[str, Any]]  # id, name, weight_percent
    bid_deadline: datetime | None
    opening_time: datetime | None
    committee: list[tuple[str, bytes]]
    threshold: int


@dataclass(frozen=True, slots=True)
class OpenedContent:
    lot_ids: list[str]
    price_minor: int
    currency_code: str
    proposal: str
    registration_number: str | None  # None unless a well-formed Unified Business Number


def _invalid(reason: str, message: str, field: str) -> InvalidArgument:
    return InvalidArgument(
        reason,
        message,
        domain=DOMAIN,
        metadata={"field": field},
        field_violations=[FieldViolation(field, message)],
    )


def _tender_not_found(name: str) -> NotFound:
    return NotFound("TENDER_NOT_FOUND", f"no tender {name}", domain=DOMAIN, metadata={"name": name})


def _same_submission(existing: asyncpg.Record, key: BidKey, bidder: str, commitment: bytes) -> asyncpg.Record:
    """The stored bid when it is this submission again (a retry); otherwise BID_EXISTS."""
    if existing["bidder"] == bidder and bytes(existing["commitment"]) == commitment:
        return existing
    raise AlreadyExists("BID_EXISTS", f"{key.name} exists", domain=DOMAIN, metadata={"name": key.name})


def _state_invalid(message: str, state: str) -> FailedPrecondition:
    """TENDER_STATE_INVALID, with the state that stands in the way in its metadata."""
    return FailedPrecondition("TENDER_STATE_INVALID", message, domain=DOMAIN, metadata={"state": state})


def _not_evaluable(state: str) -> FailedPrecondition:
    return _state_invalid("only opened bids of a tender not yet awarded are evaluated", state)


def _deadline_passed(key: TenderKey) -> FailedPrecondition:
    return FailedPrecondition(
        "BID_DEADLINE_PASSED", "the bid deadline has passed", domain=DOMAIN, metadata={"tender": key.name}
    )


def _require_qualified(bid: asyncpg.Record) -> None:
    if bid["qualified"] is not True:
        raise _state_invalid("only qualified bids are scored", "UNQUALIFIED")


def _winner(tender: asyncpg.Record, bids: Sequence[asyncpg.Record]) -> asyncpg.Record:
    """The bid the tender's award method chooses among its opened, qualified bids."""
    candidates = [b for b in bids if b["state"] == "OPENED" and b["qualified"] is True]
    if not candidates:
        raise FailedPrecondition("NO_QUALIFIED_BID", "no opened, qualified bid to award", domain=DOMAIN)
    if tender["award_method"] == "LOWEST_PRICE":
        return min(candidates, key=lambda b: (b["price_minor"], b["submit_time"]))
    weights = {c["id"]: c["weight_percent"] for c in tender["criteria"]}
    return max(candidates, key=lambda b: (weighted_score_centi(b["scores"], weights), -b["price_minor"]))


def _bid_not_found(name: str) -> NotFound:
    return NotFound("BID_NOT_FOUND", f"no bid {name}", domain=DOMAIN, metadata={"name": name})


def tender_state(row: Row) -> str:
    if row["award"] is not None:
        return "AWARDED"
    if row["opened_at"] is not None:
        return "OPENED"
    return "OPEN" if row["db_now"] < row["bid_deadline"] else "CLOSED"


def committee_of(row: Row) -> dict[str, bytes]:
    return {m["member"]: base64.b64decode(m["public_key"]) for m in row["committee"]}


def check_draft(draft: TenderDraft, now: datetime) -> None:
    if not draft.title.strip() or len(draft.title) > 500:
        raise _invalid("TENDER_INVALID", "title is required (at most 500 characters)", "tender.title")
    if not draft.lots or len(draft.lots) > 100:
        raise _invalid("TENDER_INVALID", "a tender has 1 to 100 lots", "tender.lots")
    seen: set[str] = set()
    for index, lot in enumerate(draft.lots):
        if not _ID.fullmatch(lot["id"]) or lot["id"] in seen:
            raise _invalid(
                "TENDER_INVALID", "lot ids are unique, 1-32 of [A-Za-z0-9-]", f"tender.lots[{index}].id"
            )
        if not lot["title"].strip():
            raise _invalid("TENDER_INVALID", "a lot needs a title", f"tender.lots[{index}].title")
        if lot["currency_code"] not in ("", CURRENCY) or lot["budget_minor"] < 0:
            raise _invalid(
                "TENDER_INVALID", f"budgets are non-negative {CURRENCY}", f"tender.lots[{index}].budget"
            )
        seen.add(lot["id"])
    if draft.award_method not in ("LOWEST_PRICE", "MOST_ADVANTAGEOUS"):
        raise _invalid("TENDER_INVALID", "award_method is required", "tender.award_method")
    if draft.award_method == "MOST_ADVANTAGEOUS":
        ids = [c["id"] for c in draft.criteria]
        if not draft.criteria or len(set(ids)) != len(ids) or not all(_ID.fullmatch(i) for i in ids):
            raise _invalid(
                "TENDER_INVALID", "most-advantageous tenders need criteria with unique ids", "tender.criteria"
            )
        if (
            any(c["weight_percent"] <= 0 for c in draft.criteria)
            or sum(c["weight_percent"] for c in draft.criteria) != 100
        ):
            raise _invalid(
                "TENDER_INVALID", "criteria weights are positive and add up to 100", "tender.criteria"
            )
    elif draft.criteria:
        raise _invalid("TENDER_INVALID", "lowest-price tenders take no criteria", "tender.criteria")
    if draft.bid_deadline is None or draft.bid_deadline <= now:
        raise _invalid("DEADLINE_INVALID", "bid_deadline must be in the future", "tender.bid_deadline")
    if draft.opening_time is None or draft.opening_time < draft.bid_deadline:
        raise _invalid(
            "DEADLINE_INVALID", "opening_time must not be before bid_deadline", "tender.opening_time"
        )
    members = [member for member, _ in draft.committee]
    keys = [key for _, key in draft.committee]
    if not 2 <= len(members) <= MAX_COMMITTEE:
        raise _invalid("TENDER_INVALID", f"a committee has 2 to {MAX_COMMITTEE} members", "tender.committee")
    if len(set(members)) != len(members) or len(set(keys)) != len(keys):
        raise _invalid("TENDER_INVALID", "committee members and keys are distinct", "tender.committee")
    for index, (member, key) in enumerate(draft.committee):
        if not member.strip() or len(member) > 200:
            raise _invalid("TENDER_INVALID", "a member is a subject", f"tender.committee[{index}].member")
        if len(key) != sealing.X25519_KEY_BYTES:
            raise _invalid(
                "TENDER_INVALID",
                "public_key is a 32-byte X25519 key",
                f"tender.committee[{index}].public_key",
            )
    if not 2 <= draft.threshold <= len(members):
        raise _invalid("TENDER_INVALID", "threshold is 2 to the committee's size", "tender.threshold")


BidAccess = Literal["FULL", "PUBLISHED"]

# What the tender's OCDS releases publish of its audit trail (tender_servicer.release_package):
# the notice from creation; once awarded, the opened bids (submission, opening, qualification)
# and the award. For each kind, the `details` keys the releases carry too. Never a person:
# `actor` is a subject (a person's), and OCDS names organisations only.
PUBLISHED_EVENTS: Final[Mapping[str, frozenset[str]]] = {
    "TENDER_CREATED": frozenset(),
    "BID_SUBMITTED": frozenset(),
    "BID_OPENED": frozenset(),
    "BID_QUALIFIED": frozenset({"qualified"}),
    "TENDER_AWARDED": frozenset({"supplier", "contract_number"}),
}


@dataclass(frozen=True, slots=True)
class TenderViewer:
    """What one caller may see of one tender's bids and audit trail: the one rule that
    ListBids, GetSealedBid, ListTenderEvents and the OCDS export apply.

    - The tendering agency and the committee members see everything.
    - A bidder sees its own bids, and their events, in full.
    - Everyone else sees what the tender's OCDS releases publish, and only once they are
      published: the notice (TENDER_CREATED) from creation; the opened bids (bidder, lots,
      price, qualification; not the proposal, scores or notes) and their events once the
      tender is awarded (the award release carries them). A bid that is withdrawn or never
      opened is never published. People (event actors) are never published.
    """

    sees_all: bool
    bidder: str | None
    published: bool

    @classmethod
    def of(cls, principal: Principal, tender: Row) -> TenderViewer:
        org = org_of(principal)
        return cls(
            sees_all=org == tender["agency"] or principal.subject in committee_of(tender),
            bidder=None if org is None else f"vendors/{org}",
            published=tender["award"] is not None,
        )

    @classmethod
    def public(cls, tender: Row) -> TenderViewer:
        """Anyone: what the OCDS releases publish."""
        return cls(sees_all=False, bidder=None, published=tender["award"] is not None)

    def bid_access(self, bid: Row) -> BidAccess | None:
        if self.sees_all or (self.bidder is not None and bid["bidder"] == self.bidder):
            return "FULL"
        if self.published and bid["state"] == "OPENED":
            return "PUBLISHED"
        return None

    def bid(self, bid: Row) -> Row | None:
        """`bid` as this viewer may see it, or None."""
        access = self.bid_access(bid)
        if access != "PUBLISHED":
            return bid if access == "FULL" else None
        content = tender_pb2.BidContent()
        if bid["content"] is not None:
            content.ParseFromString(bytes(bid["content"]))
            content.ClearField("proposal")
        return {
            **dict(bid.items()),
            "commitment": b"",
            "ledger_receipt": "",
            "shares_released": 0,
            "qualification_note": "",
            "scores": {},
            "content": content.SerializeToString(deterministic=True),
        }

    def event(self, event: Row, bids: Mapping[str, Row]) -> Row | None:
        """`event` as this viewer may see it, or None; `bids` are the tender's, by name."""
        if self.sees_all:
            return event
        access: BidAccess | None = "PUBLISHED"  # a tender-level event: the notice
        if event["bid"]:
            bid = bids.get(event["bid"])
            access = None if bid is None else self.bid_access(bid)
        if access == "FULL":
            return event
        allowed = PUBLISHED_EVENTS.get(event["kind"])
        if access is None or allowed is None:
            return None
        details = {k: v for k, v in event["details"].items() if k in allowed}
        return {**dict(event.items()), "actor": "", "details": details}


async def _visible_rows(
    fetch: Callable[[int, int], Awaitable[Sequence[asyncpg.Record]]],
    view: Callable[[asyncpg.Record], Row | None],
    after_seq: int,
    wanted: int,
) -> list[Row]:
    """Up to `wanted` rows after `after_seq` (by `seq`) that `view` shows, as it shows them.

    Reads in chunks until it has enough or the rows run out: the rule stays in Python, in
    one place (TenderViewer), rather than copied into SQL.
    """
    shown: list[Row] = []
    chunk = max(wanted, 64)
    while len(shown) < wanted:
        rows = await fetch(after_seq, chunk)
        for row in rows:
            visible = view(row)
            if visible is not None:
                shown.append(visible)
                if len(shown) == wanted:
                    break
        if len(rows) < chunk:
            break
        after_seq = rows[-1]["seq"]
    return shown


class Tenders:
    def __init__(
        self,
        store: TenderStore,
        objects: ObjectStore,
        anchor: DecisionAnchor,
        page_tokens: PageTokens,
        request_ids: RequestIds,
    ) -> None:
        self._store = store
        self._objects = objects
        self._anchor = anchor
        self._page_tokens = page_tokens
        self._request_ids = request_ids

    async def _record(
        self,
        conn: Connection,
        principal: Principal,
        key: TenderKey,
        kind: str,
        *,
        bid: str = "",
        details: Mapping[str, str] | None = None,
    ) -> None:
        """Append one step to the tender's audit trail: who (subject and `org` claim) did what."""
        await self._store.record_event(
            conn,
            key.agency,
            key.id,
            kind=kind,
            actor=principal.subject,
            actor_org=principal.org or "",
            bid=bid,
            details=details,
        )

    # -- tenders ------------------------------------------------------------

    async def create(
        self, principal: Principal, parent: str, draft: TenderDraft, request_id: str, request_body: bytes
    ) -> asyncpg.Record:
        agency = parse_agency(parent)
        require_org(principal, agency, "parent")
        check_draft(draft, datetime.now(UTC))
        key = TenderKey(agency, uuid.uuid4())
        async with self._store.pool.acquire() as conn, conn.transaction():
            if request_id:
                scope = scope_for("CreateTender", principal.subject)
                first = await self._request_ids.claim(conn, scope, request_id, request_body)
                if first is not None:
                    row = await self._store.get_tender(agency, uuid.UUID(first.decode()), conn)
                    assert row is not None
                    return row
                await self._request_ids.record(conn, scope, request_id, str(key.id).encode())
            await self._store.insert_tender(
                conn,
                agency,
                key.id,
                title=draft.title,
                description=draft.description,
                lots=draft.lots,
                award_method=draft.award_method,
                criteria=draft.criteria,
                bid_deadline=draft.bid_deadline,
                opening_time=draft.opening_time,
                committee=[
                    {"member": member, "public_key": base64.b64encode(public_key).decode()}
                    for member, public_key in draft.committee
                ],
                threshold=draft.threshold,
            )
            await self._record(conn, principal, key, "TENDER_CREATED")
            row = await self._store.get_tender(agency, key.id, conn)
        assert row is not None
        return row

    async def get(self, key: TenderKey) -> asyncpg.Record:
        row = await self._store.get_tender(key.agency, key.id)
        if row is None:
            raise _tender_not_found(key.name)
        return row

    async def list_tenders(
        self, parent: str, page_size: int, page_token: str
    ) -> tuple[list[asyncpg.Record], str]:
        agency = parse_agency(parent) if parent else None
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListTenders", parent=parent)
        before = int(self._page_tokens.decode(page_token, fingerprint)["s"]) if page_token else None
        rows = await self._store.list_tenders(agency, before, size + 1)
        page = rows[:size]
        token = self._page_tokens.encode(fingerprint, {"s": page[-1]["seq"]}) if len(rows) > size else ""
        return page, token

    # -- bids ---------------------------------------------------------------

    async def seal_and_submit_bid(
        self, principal: Principal, key: TenderKey, bid_id: str, content: tender_pb2.BidContent
    ) -> asyncpg.Record:
        """SealAndSubmitBid: seal `content` here, exactly as a vendor's client would, then
        submit it. The server sees the plaintext once, in memory (recorded on the bid)."""
        org = org_of(principal)
        if org is None:
            raise PermissionDenied("ORGANIZATION_MISMATCH", "a bid is made by an organisation", domain=DOMAIN)
        tender = await self.get(key)
        existing = await self._store.get_bid(key.agency, key.id, uuid.UUID(bid_id))
        if existing is not None and existing["bidder"] == f"vendors/{org}" and existing["sealed_by_server"]:
            return existing  # a retry: sealing again would give other bytes
        lots = {lot["id"] for lot in tender["lots"]}
        if not content.lot_ids or not set(content.lot_ids) <= lots:
            raise _invalid(
                "SEALED_BID_INVALID", "content.lot_ids must name lots of the tender", "content.lot_ids"
            )
        if content.price.currency_code not in ("", CURRENCY) or content.price.amount_minor <= 0:
            raise _invalid(
                "SEALED_BID_INVALID", f"content.price is a positive {CURRENCY} amount", "content.price"
            )
        if content.registration_number and not ocds.is_unified_business_number(content.registration_number):
            raise _invalid(
                "SEALED_BID_INVALID",
                "content.registration_number is an 8-digit Unified Business Number with its check digit",
                "content.registration_number",
            )
        sealed = sealing.seal_bid(
            content.SerializeToString(deterministic=True),
            tender=key.name,
            bidder=f"vendors/{org}",
            bid_id=str(uuid.UUID(bid_id)),
            members=list(committee_of(tender).items()),
            threshold=tender["threshold"],
        )
        try:
            return await self.submit_bid(principal, key, bid_id, sealed.to_bytes(), sealed_by_server=True)
        except AlreadyExists:
            # Sealed at the same time by another call for this bid: that one's bytes were
            # stored, so answer as a retry would.
            raced = await self._store.get_bid(key.agency, key.id, uuid.UUID(bid_id))
            if raced is not None and raced["bidder"] == f"vendors/{org}" and raced["sealed_by_server"]:
                return raced
            raise

    async def submit_bid(
        self,
        principal: Principal,
        key: TenderKey,
        bid_id: str,
        sealed_bytes: bytes,
        *,
        sealed_by_server: bool = False,
    ) -> asyncpg.Record:
        org = org_of(principal)
        if org is None:
            raise PermissionDenied("ORGANIZATION_MISMATCH", "a bid is made by an organisation", domain=DOMAIN)
        bidder = f"vendors/{org}"
        tender = await self.get(key)
        if tender_state(tender) != "OPEN":
            raise _deadline_passed(key)
        bid_uuid = uuid.UUID(bid_id)
        bid_key = BidKey(key, bid_uuid)
        try:
            sealed = sealing.SealedBid.from_bytes(sealed_bytes)
        except sealing.SealingError as exc:
            raise _invalid("SEALED_BID_INVALID", f"sealed_bid is malformed: {exc}", "sealed_bid") from exc
        expected = {
            "tender": key.name,
            "bidder": bidder,
            "bid_id": str(bid_uuid),
            "threshold": tender["threshold"],
            "recipients": sorted(committee_of(tender).items()),
        }
        actual = {
            "tender": sealed.tender,
            "bidder": sealed.bidder,
            "bid_id": sealed.bid_id,
            "threshold": sealed.threshold,
            "recipients": sorted((r.member_id, r.public_key) for r in sealed.recipients),
        }
        wrong = [name for name in expected if expected[name] != actual[name]]
        if wrong:
            raise _invalid(
                "SEALED_BID_INVALID",
                f"the sealed bid's {', '.join(wrong)} do(es) not match this tender, bidder and bid id",
                "sealed_bid",
            )
        commitment = sealing.commitment(sealed_bytes)
        existing = await self._store.get_bid(key.agency, key.id, bid_uuid)
        if existing is not None:
            return _same_submission(existing, bid_key, bidder, commitment)
        # The key names the commitment: a submission of other bytes for the same bid id at
        # the same time writes its own object, never over the one the stored row commits to.
        object_key = f"procurement/tenders/{key.agency}/{key.id}/bids/{bid_uuid}/{commitment.hex()}.sealed"
        await self._objects.put(object_key, sealed_bytes, content_type="application/json")
        receipt = await self._anchor.anchor(
            commitment, {"kind": "procurement.bid", "bid": bid_key.name[:256]}
        )
        async with self._store.pool.acquire() as conn, conn.transaction():
            row = await self._store.insert_bid(
                conn,
                agency=key.agency,
                tender_id=key.id,
                bid_id=bid_uuid,
                bidder=bidder,
                commitment=commitment,
                object_key=object_key,
                ledger_receipt=receipt,
                sealed_by_server=sealed_by_server,
            )
            if row is None:
                raced = await self._store.get_bid(key.agency, key.id, bid_uuid, conn)
                if raced is None:
                    raise _deadline_passed(key)
                if bytes(raced["commitment"]) != commitment:  # this object is no bid's
                    with contextlib.suppress(Exception):
                        await self._objects.delete(object_key)
                return _same_submission(raced, bid_key, bidder, commitment)
            await self._record(
                conn,
                principal,
                key,
                "BID_SUBMITTED",
                bid=bid_key.name,
                details={"commitment": commitment.hex(), "ledger_receipt": receipt},
            )
        bid = await self._store.get_bid(key.agency, key.id, bid_uuid)
        assert bid is not None
        return bid

    async def withdraw_bid(self, principal: Principal, key: BidKey) -> asyncpg.Record:
        bid = await self._store.get_bid(key.tender.agency, key.tender.id, key.id)
        if bid is None or bid["bidder"] != f"vendors/{org_of(principal)}":
            raise _bid_not_found(key.name)
        if bid["state"] == "WITHDRAWN":
            return bid
        async with self._store.pool.acquire() as conn, conn.transaction():
            row = await self._store.withdraw_bid(conn, key.tender.agency, key.tender.id, key.id)
            if row is None:
                raise FailedPrecondition(
                    "BID_DEADLINE_PASSED", "bids cannot be withdrawn after the deadline", domain=DOMAIN
                )
            await self._record(
                conn,
                principal,
                key.tender,
                "BID_WITHDRAWN",
                bid=key.name,
            )
        return row

    async def list_bids(
        self, principal: Principal, key: TenderKey, page_size: int, page_token: str
    ) -> tuple[list[Row], str]:
        """The bids `principal` may see (TenderViewer), each as much of it as they may see."""
        tender = await self.get(key)
        viewer = TenderViewer.of(principal, tender)
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListBids", parent=key.name)
        after = int(self._page_tokens.decode(page_token, fingerprint)["s"]) if page_token else 0

        async def fetch(after_seq: int, limit: int) -> Sequence[asyncpg.Record]:
            return await self._store.list_bids(
                key.agency, key.id, bidder=None, after_seq=after_seq, limit=limit
            )

        rows = await _visible_rows(fetch, viewer.bid, after, size + 1)
        page = rows[:size]
        token = self._page_tokens.encode(fingerprint, {"s": page[-1]["seq"]}) if len(rows) > size else ""
        return page, token

    async def sealed_bid(self, principal: Principal, key: BidKey) -> bytes:
        """The stored sealed bytes, for the committee, the tendering agency and the bidder."""
        tender = await self.get(key.tender)
        bid = await self._store.get_bid(key.tender.agency, key.tender.id, key.id)
        if bid is None or TenderViewer.of(principal, tender).bid_access(bid) != "FULL":
            raise _bid_not_found(key.name)
        data, _ = await self._sealed(bid)
        return data

    # -- opening ------------------------------------------------------------

    def _require_member(self, principal: Principal, tender: asyncpg.Record) -> None:
        if principal.subject not in committee_of(tender):
            raise PermissionDenied(
                "NOT_COMMITTEE_MEMBER",
                "only the tender's committee members may do this",
                domain=DOMAIN,
                metadata={"subject": principal.subject},
            )

    def _require_opening(self, tender: asyncpg.Record) -> None:
        if tender["db_now"] < tender["opening_time"]:
            raise FailedPrecondition(
                "OPENING_NOT_YET",
                "the opening time has not come",
                domain=DOMAIN,
                metadata={"opening_time": tender["opening_time"].isoformat()},
            )

    async def _sealed(self, bid: asyncpg.Record) -> tuple[bytes, sealing.SealedBid]:
        data = await self._objects.get(bid["object_key"])
        try:
            return data, sealing.SealedBid.from_bytes(data)
        except sealing.SealingError as exc:
            raise DataLoss(
                "SEALED_BID_TAMPERED",
                "the stored sealed bid is unreadable",
                domain=DOMAIN,
                metadata={"bid": bid["object_key"]},
            ) from exc

    async def release_shares(
        self, principal: Principal, key: TenderKey, releases: Sequence[tuple[BidKey, bytes]]
    ) -> int:
        tender = await self.get(key)
        self._require_member(principal, tender)
        self._require_opening(tender)
        recorded = 0
        for index, (bid_key, share_bytes) in enumerate(releases):
            field = f"shares[{index}]"
            if bid_key.tender != key:
                raise _invalid("SHARE_INVALID", "the bid belongs to another tender", f"{field}.bid")
            bid = await self._store.get_bid(key.agency, key.id, bid_key.id)
            if bid is None:
                raise _bid_not_found(bid_key.name)
            if bid["state"] == "WITHDRAWN":
                continue
            try:
                share = sealing.Share.from_bytes(share_bytes)
                if share.member_id != principal.subject:
                    raise sealing.ShareInvalid("the share is another member's")
                _, sealed = await self._sealed(bid)
                sealing.check_share(sealed, share)
            except sealing.SealingError as exc:
                raise _invalid("SHARE_INVALID", str(exc), f"{field}.share") from exc
            async with self._store.pool.acquire() as conn, conn.transaction():
                if await self._store.add_share(
                    conn, key.agency, key.id, bid_key.id, principal.subject, share_bytes
                ):
                    recorded += 1
                    await self._record(
                        conn,
                        principal,
                        key,
                        "SHARE_RELEASED",
                        bid=bid_key.name,
                    )
        return recorded

    async def open_bids(self, principal: Principal, key: TenderKey) -> tuple[list[asyncpg.Record], list[str]]:
        tender = await self.get(key)
        require_org(principal, key.agency, "name")
        self._require_opening(tender)
        pending: list[str] = []
        for bid in await self._store.all_bids(key.agency, key.id):
            bid_key = BidKey(key, bid["id"])
            if bid["state"] != "SEALED":
                continue
            if bid["shares_released"] < tender["threshold"]:
                pending.append(bid_key.name)
                continue
            content = await self._open_one(tender, bid)
            async with self._store.pool.acquire() as conn, conn.transaction():
                newly_opened = await self._store.mark_opened(
                    conn,
                    key.agency,
                    key.id,
                    bid["id"],
                    content=content[0],
                    price_minor=content[1].price_minor,
                    currency_code=content[1].currency_code,
                )
                if not newly_opened:  # another OpenBids opened it first and recorded that
                    continue
                await self._store.set_tender_opened(conn, key.agency, key.id)
                await self._record(
                    conn,
                    principal,
                    key,
                    "BID_OPENED",
                    bid=bid_key.name,
                    details={
                        "commitment": bytes(bid["commitment"]).hex(),
                        "ledger_receipt": bid["ledger_receipt"],
                    },
                )
        opened = [b for b in await self._store.all_bids(key.agency, key.id) if b["state"] == "OPENED"]
        return opened, pending

    async def _open_one(self, tender: asyncpg.Record, bid: asyncpg.Record) -> tuple[bytes, OpenedContent]:
        data, sealed = await self._sealed(bid)
        commitment = bytes(bid["commitment"])
        tampered = DataLoss(
            "SEALED_BID_TAMPERED",
            "the sealed bid does not match the commitment anchored at submission",
            domain=DOMAIN,
            metadata={"bid": bid["object_key"]},
        )
        if sealing.commitment(data) != commitment:
            raise tampered
        receipts = await self._anchor.anchored_receipts(commitment)
        if bid["ledger_receipt"] not in receipts:
            raise tampered
        shares = [
            sealing.Share.from_bytes(raw)
            for raw in await self._store.shares(bid["agency"], bid["tender_id"], bid["id"])
        ]
        try:
            plaintext = sealing.open_bid(sealed, shares, expected_commitment=commitment)
        except sealing.SharesInsufficient as exc:
            raise FailedPrecondition("SHARE_INVALID", str(exc), domain=DOMAIN) from exc
        except sealing.SealingError as exc:
            raise tampered from exc
        return plaintext, decode_content(plaintext)

    # -- evaluation ---------------------------------------------------------

    async def _opened_bid(
        self, key: BidKey, authorize: Callable[[asyncpg.Record], None] | None = None
    ) -> tuple[asyncpg.Record, asyncpg.Record]:
        """The tender and its opened bid; `authorize(tender)` runs before the bid is looked at,
        so a caller who may not act on the tender learns nothing about its bids."""
        tender = await self.get(key.tender)
        if authorize is not None:
            authorize(tender)
        bid = await self._store.get_bid(key.tender.agency, key.tender.id, key.id)
        if bid is None:
            raise _bid_not_found(key.name)
        if bid["state"] != "OPENED" or tender["award"] is not None:
            raise _not_evaluable(bid["state"])
        return tender, bid

    async def _lock_opened_bid(self, conn: Connection, key: BidKey) -> asyncpg.Record:
        """Lock the tender (as award does) and check again, inside the caller's transaction,
        that the bid is opened and the tender not awarded: an evaluation written after the
        award would change a decided tender. Returns the bid as it is now."""
        tender = await self._store.get_tender(key.tender.agency, key.tender.id, conn, for_update=True)
        bid = await self._store.get_bid(key.tender.agency, key.tender.id, key.id, conn)
        if tender is None or bid is None:
            raise _bid_not_found(key.name)
        if bid["state"] != "OPENED" or tender["award"] is not None:
            raise _not_evaluable("AWARDED" if tender["award"] is not None else bid["state"])
        return bid

    async def qualify(self, principal: Principal, key: BidKey, qualified: bool, note: str) -> asyncpg.Record:
        require_org(principal, key.tender.agency, "name")
        if not qualified and not note.strip():
            raise _invalid("TENDER_INVALID", "a disqualification needs a note", "note")
        await self._opened_bid(key)
        async with self._store.pool.acquire() as conn, conn.transaction():
            await self._lock_opened_bid(conn, key)
            await self._store.qualify(conn, key.tender.agency, key.tender.id, key.id, qualified, note)
            await self._record(
                conn,
                principal,
                key.tender,
                "BID_QUALIFIED",
                bid=key.name,
                details={"qualified": str(qualified).lower(), "note": note[:500]},
            )
        bid = await self._store.get_bid(key.tender.agency, key.tender.id, key.id)
        assert bid is not None
        return bid

    async def score(self, principal: Principal, key: BidKey, points: Mapping[str, int]) -> asyncpg.Record:
        tender, bid = await self._opened_bid(key, lambda t: self._require_member(principal, t))
        criteria = {c["id"] for c in tender["criteria"]}
        if tender["award_method"] != "MOST_ADVANTAGEOUS" or set(points) != criteria:
            raise _invalid("SCORES_INVALID", "scores must cover every criterion of the tender once", "points")
        _require_qualified(bid)
        async with self._store.pool.acquire() as conn, conn.transaction():
            _require_qualified(await self._lock_opened_bid(conn, key))
            await self._store.score(conn, key.tender.agency, key.tender.id, key.id, principal.subject, points)
            await self._record(
                conn,
                principal,
                key.tender,
                "BID_SCORED",
                bid=key.name,
            )
        row = await self._store.get_bid(key.tender.agency, key.tender.id, key.id)
        assert row is not None
        return row

    async def award(
        self, principal: Principal, key: TenderKey, contract_number: str, start: datetime, end: datetime
    ) -> asyncpg.Record:
        require_org(principal, key.agency, "name")
        if end <= start:
            raise _invalid("TENDER_INVALID", "the contract ends after it starts", "contract_end_time")
        tender = await self.get(key)
        if tender["award"] is not None:
            raise _state_invalid("the tender is already awarded", "AWARDED")
        async with self._store.pool.acquire() as conn, conn.transaction():
            locked = await self._store.get_tender(key.agency, key.id, conn, for_update=True)
            assert locked is not None
            if locked["award"] is not None:
                raise FailedPrecondition(
                    "TENDER_STATE_INVALID", "the tender is already awarded", domain=DOMAIN
                )
            # The bids as evaluated now: qualifying and scoring lock the tender too, so none
            # changes between this read and the award.
            winner = _winner(locked, await self._store.all_bids(key.agency, key.id, conn))
            bid_key = BidKey(key, winner["id"])
            award = {
                "bid": bid_key.name,
                "supplier": winner["bidder"],
                "value_minor": winner["price_minor"],
                "currency_code": winner["currency_code"],
                "contract_number": contract_number,
                "contract_start_time": start.isoformat(),
                "contract_end_time": end.isoformat(),
                "award_time": datetime.now(UTC).isoformat(),
            }
            row = await self._store.set_award(conn, key.agency, key.id, award)
            await self._record(
                conn,
                principal,
                key,
                "TENDER_AWARDED",
                bid=bid_key.name,
                details={"supplier": winner["bidder"], "contract_number": contract_number},
            )
        return row

    async def events(
        self, principal: Principal, key: TenderKey, page_size: int, page_token: str
    ) -> tuple[list[Row], str]:
        """The audit trail as `principal` may see it (TenderViewer): the events of the bids
        they may see, each with as much as they may see of it."""
        tender = await self.get(key)
        viewer = TenderViewer.of(principal, tender)
        size = resolve_page_size(page_size, default=100, maximum=1000)
        fingerprint = query_fingerprint("ListTenderEvents", parent=key.name)
        after = int(self._page_tokens.decode(page_token, fingerprint)["s"]) if page_token else 0
        bids = {BidKey(key, bid["id"]).name: bid for bid in await self._store.all_bids(key.agency, key.id)}

        async def fetch(after_seq: int, limit: int) -> Sequence[asyncpg.Record]:
            return await self._store.events(key.agency, key.id, after_seq, limit)

        rows = await _visible_rows(fetch, lambda event: viewer.event(event, bids), after, size + 1)
        page = rows[:size]
        token = self._page_tokens.encode(fingerprint, {"s": page[-1]["seq"]}) if len(rows) > size else ""
        return page, token

    async def published_bids(self, tender: Row) -> list[Row]:
        """The bids the OCDS export publishes, as published (TenderViewer.public)."""
        viewer = TenderViewer.public(tender)
        bids = (viewer.bid(bid) for bid in await self._store.all_bids(tender["agency"], tender["id"]))
        return [bid for bid in bids if bid is not None]


def weighted_score_centi(scores: Mapping[str, Mapping[str, int]], weights: Mapping[str, int]) -> int:
    """Sum over criteria of weight% × the mean of the members' points, in hundredths of a point."""
    if not scores:
        return 0
    total = 0.0
    for criterion, weight in weights.items():
        points = [member_points[criterion] for member_points in scores.values() if criterion in member_points]
        if points:
            total += weight * sum(points) / len(points)
    return round(total)  # weight (percent) × points (0-100) / 100 × 100 hundredths


def decode_content(plaintext: bytes) -> OpenedContent:
    """The sealed BidContent message (decoded by the servicer's converter)."""
    content = tender_pb2.BidContent()
    try:
        content.ParseFromString(plaintext)
    except DecodeError as exc:
        raise InvalidArgument(
            "SEALED_BID_INVALID", "the opened bid is not a BidContent message", domain=DOMAIN
        ) from exc
    return OpenedContent(
        lot_ids=list(content.lot_ids),
        price_minor=content.price.amount_minor,
        currency_code=content.price.currency_code or CURRENCY,
        proposal=content.proposal,
        registration_number=content.registration_number
        if ocds.is_unified_business_number(content.registration_number)
        else None,
    )
