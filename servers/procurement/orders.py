"""Orders: agencies buy approved listings; each lifecycle step records who and when.

PLACED → CONFIRMED → DELIVERED → ACCEPTED → PAID, with DELIVERED → DISPUTED →
DELIVERED for a redelivery. Only the listing's vendor confirms and delivers;
only the ordering agency accepts, disputes and pays. A caller that is neither
party gets NOT_FOUND, so order names leak nothing across tenants.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import asyncpg

from jipan.interceptors.context import Principal
from jipan.servers.procurement.catalog import Listing, ListingState, can_see, listing_not_found, require_org
from jipan.servers.procurement.names import (
    DOMAIN,
    ListingKey,
    OrderKey,
    org_of,
    parse_agency,
    parse_listing,
    parse_vendor,
)
from jipan.servers.procurement.store import CatalogStore, OrderStore
from jipan.servers.runtime.errors import (
    COMMON_DOMAIN,
    Aborted,
    FailedPrecondition,
    FieldViolation,
    InvalidArgument,
    NotFound,
    PermissionDenied,
)
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
# Orderable listings remembered per process (see Orders.create): a few hundred
# bytes each; a listing not among the most recently ordered is read again.
ORDERABLE_LISTINGS_CACHED = 1024
# How often an order is priced again from a listing that changed before its INSERT.
PLACE_ATTEMPTS = 3


class Step(StrEnum):
    CONFIRM = "CONFIRMED"
    DELIVER = "DELIVERED"
    ACCEPT = "ACCEPTED"
    DISPUTE = "DISPUTED"
    PAY = "PAID"


@dataclass(frozen=True, slots=True)
class Transition:
    sources: frozenset[str]
    party: str  # "vendor" or "agency"


TRANSITIONS = {
    Step.CONFIRM: Transition(frozenset({"PLACED"}), "vendor"),
    Step.DELIVER: Transition(frozenset({"CONFIRMED", "DISPUTED"}), "vendor"),
    Step.ACCEPT: Transition(frozenset({"DELIVERED"}), "agency"),
    Step.DISPUTE: Transition(frozenset({"DELIVERED"}), "agency"),
    Step.PAY: Transition(frozenset({"ACCEPTED"}), "agency"),
}


@dataclass(frozen=True, slots=True)
class OrderPage:
    orders: list[asyncpg.Record]
    next_page_token: str


def order_key(row: asyncpg.Record) -> OrderKey:
    return OrderKey(row["agency"], row["id"])


def _event(state: str, principal: Principal, note: str) -> dict[str, Any]:
    return {
        "state": state,
        "actor": principal.subject,
        "actor_org": principal.org or "",
        "note": note,
        "event_time": datetime.now(UTC).isoformat(),
    }


def _not_found(name: str) -> NotFound:
    return NotFound("ORDER_NOT_FOUND", f"no order {name}", domain=DOMAIN, metadata={"name": name})


class Orders:
    def __init__(self, catalog: CatalogStore, store: OrderStore, page_tokens: PageTokens) -> None:
        self._catalog = catalog
        self._store = store
        self._page_tokens = page_tokens
        # APPROVED listings as last read here. Only a hint: an order priced from
        # one is placed by a statement that checks the listing is still APPROVED
        # with the same category and price tiers (insert_if_listing_unchanged),
        # and anything else goes the way of a fresh read.
        self._orderable: OrderedDict[ListingKey, Listing] = OrderedDict()

    def _remember_orderable(self, listing: Listing | None, key: ListingKey) -> None:
        if listing is None or listing.state is not ListingState.APPROVED:
            self._orderable.pop(key, None)
            return
        self._orderable[key] = listing
        self._orderable.move_to_end(key)
        if len(self._orderable) > ORDERABLE_LISTINGS_CACHED:
            self._orderable.popitem(last=False)

    async def create(
        self,
        principal: Principal,
        *,
        parent: str,
        listing_name: str,
        quantity: int,
        budget_code: str,
        request_id: str,
        request_body: bytes,
    ) -> asyncpg.Record:
        agency = parse_agency(parent)
        require_org(principal, agency, "parent")
        violations = []
        if quantity < 1:
            violations.append(FieldViolation("order.quantity", "must be at least 1"))
        if not budget_code.strip() or len(budget_code) > 100:
            violations.append(FieldViolation("order.budget_code", "required, at most 100 characters"))
        if violations:
            raise InvalidArgument("FIELD_INVALID", "order fields are invalid", field_violations=violations)
        listing_key = parse_listing(listing_name, "order.listing")
        key = uuid.UUID(request_id)
        fingerprint = hashlib.sha256(request_body).digest()
        history = [_event("PLACED", principal, "")]

        # The common case in one round trip: a listing this process saw APPROVED,
        # still as it was (the INSERT compares what the order was priced from).
        known = self._orderable.get(listing_key)
        known_tier = known.tier_for(quantity) if known is not None and can_see(principal, known) else None
        if known is not None and known_tier is not None:
            unchanged, row = await self._store.insert_if_listing_unchanged(
                agency=agency,
                order_id=uuid.uuid4(),
                request_id=key,
                fingerprint=fingerprint,
                listing=known,
                quantity=quantity,
                budget_code=budget_code,
                currency_code=known_tier.currency_code,
                unit_price_minor=known_tier.unit_price_minor,
                history=history,
            )
            if unchanged:
                if row is not None:
                    return row
                # (agency, request_id) already placed an order: a retry.
                existing = await self._store.find_by_request(agency, key)
                if existing is not None:
                    return self._replay(existing, fingerprint)
            # The listing changed since (or the conflicting order vanished): decide afresh.

        for _ in range(PLACE_ATTEMPTS):
            placed = await self._place_from_fresh_read(
                principal,
                agency=agency,
                listing_name=listing_name,
                listing_key=listing_key,
                quantity=quantity,
                budget_code=budget_code,
                request_id=key,
                fingerprint=fingerprint,
                history=history,
            )
            if placed is not None:
                return placed
            # The listing changed between the read and the INSERT (flagged, re-priced):
            # decide again on what it is now.
        raise Aborted(
            "LISTING_NOT_ORDERABLE",
            f"{listing_name} kept changing while the order was placed; retry",
            domain=DOMAIN,
            metadata={"listing": listing_name},
        )

    async def _place_from_fresh_read(
        self,
        principal: Principal,
        *,
        agency: str,
        listing_name: str,
        listing_key: ListingKey,
        quantity: int,
        budget_code: str,
        request_id: uuid.UUID,
        fingerprint: bytes,
        history: list[dict[str, Any]],
    ) -> asyncpg.Record | None:
        """The order priced from the listing as read now, or None when the listing changed
        before the INSERT (which compares what the order was priced from)."""
        listing = await self._catalog.get_listing(listing_key)
        self._remember_orderable(listing, listing_key)
        tier = None
        if listing is not None and can_see(principal, listing) and listing.state is ListingState.APPROVED:
            tier = listing.tier_for(quantity)
        if tier is None:
            # Not orderable (any more): a retry of an order placed earlier still gets
            # that order. The happy path skips this lookup: its INSERT catches a replay.
            existing = await self._store.find_by_request(agency, request_id)
            if existing is not None:
                return self._replay(existing, fingerprint)
        if listing is None or not can_see(principal, listing):
            raise listing_not_found(listing_name)
        if listing.state is not ListingState.APPROVED:
            raise FailedPrecondition(
                "LISTING_NOT_ORDERABLE",
                f"{listing_name} is {listing.state.value}, not APPROVED",
                domain=DOMAIN,
                metadata={"listing": listing_name, "state": listing.state.value},
            )
        if tier is None:
            raise InvalidArgument(
                "QUANTITY_OUT_OF_TIERS",
                f"no price tier of {listing_name} covers quantity {quantity}",
                domain=DOMAIN,
                metadata={"field": "order.quantity", "quantity": str(quantity)},
                field_violations=[FieldViolation("order.quantity", "outside every price tier")],
            )
        unchanged, row = await self._store.insert_if_listing_unchanged(
            agency=agency,
            order_id=uuid.uuid4(),
            request_id=request_id,
            fingerprint=fingerprint,
            listing=listing,
            quantity=quantity,
            budget_code=budget_code,
            currency_code=tier.currency_code,
            unit_price_minor=tier.unit_price_minor,
            history=history,
        )
        if not unchanged:
            self._orderable.pop(listing_key, None)
            return None
        if row is None:  # a concurrent call with the same request_id won
            existing = await self._store.find_by_request(agency, request_id)
            if existing is None:  # and vanished: decide again
                return None
            return self._replay(existing, fingerprint)
        return row

    @staticmethod
    def _replay(existing: asyncpg.Record, fingerprint: bytes) -> asyncpg.Record:
        if bytes(existing["request_fingerprint"]) != fingerprint:
            raise InvalidArgument(
                "REQUEST_ID_REUSED",
                "request_id was already used with a different request",
                domain=COMMON_DOMAIN,
                metadata={"field": "request_id", "request_id": str(existing["request_id"])},
            )
        return existing

    async def get(self, principal: Principal, key: OrderKey) -> asyncpg.Record:
        row = await self._store.get(key.agency, key.id)
        if row is None or org_of(principal) not in (row["agency"], row["vendor"]):
            raise _not_found(key.name)
        return row

    async def advance(self, principal: Principal, key: OrderKey, step: Step, note: str) -> asyncpg.Record:
        if step is Step.DISPUTE and not note.strip():
            raise InvalidArgument(
                "NOTE_REQUIRED",
                "a dispute needs a note giving its reason",
                domain=DOMAIN,
                metadata={"field": "note"},
                field_violations=[FieldViolation("note", "required for a dispute")],
            )
        transition = TRANSITIONS[step]
        async with self._store.pool.acquire() as conn, conn.transaction():
            row = await self._store.get(key.agency, key.id, conn, for_update=True)
            if row is None or org_of(principal) not in (row["agency"], row["vendor"]):
                raise _not_found(key.name)
            party = row[transition.party]
            if org_of(principal) != party:
                raise PermissionDenied(
                    "ORDER_PARTY_MISMATCH",
                    f"only the order's {transition.party} may move it to {step.value}",
                    domain=DOMAIN,
                    metadata={"name": key.name, "party": transition.party},
                )
            if row["state"] == step.value:
                return row  # the step was already made: a retry
            if row["state"] not in transition.sources:
                raise FailedPrecondition(
                    "ORDER_STATE_INVALID",
                    f"an order in {row['state']} cannot move to {step.value}",
                    domain=DOMAIN,
                    metadata={"name": key.name, "state": row["state"]},
                )
            return await self._store.advance(
                conn, key.agency, key.id, step.value, _event(step.value, principal, note)
            )

    async def list(
        self, principal: Principal, *, parent: str, state: str | None, page_size: int, page_token: str
    ) -> OrderPage:
        size = resolve_page_size(page_size, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
        agency = vendor = None
        if parent.startswith("vendors/"):
            vendor = parse_vendor(parent)
            require_org(principal, vendor, "parent")
        else:
            agency = parse_agency(parent)
            require_org(principal, agency, "parent")
        fingerprint = query_fingerprint("ListOrders", parent=parent, state=state or "")
        before = None
        if page_token:
            before = int(self._page_tokens.decode(page_token, fingerprint)["s"])
        rows = await self._store.list(
            agency=agency, vendor=vendor, state=state, before_seq=before, limit=size + 1
        )
        page = rows[:size]
        token = ""
        if len(rows) > size:
            token = self._page_tokens.encode(fingerprint, {"s": page[-1]["seq"]})
        return OrderPage(page, token)
