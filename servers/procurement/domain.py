"""The catalog's use cases: lots, listings, search."""

from __future__ import annotations

import functools
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from jipan.interceptors.context import Principal
from jipan.servers.procurement.catalog import (
    REVIEWER_ROLES,
    Category,
    Listing,
    ListingDraft,
    ListingState,
    Lot,
    apply_mask,
    can_see,
    check_draft,
    listing_not_found,
    require_org,
)
from jipan.servers.procurement.names import DOMAIN, LOT_ID, ListingKey, org_of, parse_lot, parse_vendor
from jipan.servers.procurement.store import CatalogStore
from jipan.servers.runtime import search
from jipan.servers.runtime.errors import AlreadyExists, FieldViolation, InvalidArgument, NotFound
from jipan.servers.runtime.idempotency import RequestIds, scope_for
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

LOT_PAGE = (50, 500)
SEARCH_PAGE = (20, 100)
MAX_SEARCH_OFFSET = 10_000


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    next_page_token: str


def lot_not_found(name: str) -> NotFound:
    return NotFound("LOT_NOT_FOUND", f"no lot {name}", domain=DOMAIN, metadata={"name": name})


class Catalog:
    def __init__(self, store: CatalogStore, page_tokens: PageTokens, request_ids: RequestIds) -> None:
        self._store = store
        self._page_tokens = page_tokens
        self._request_ids = request_ids

    async def create_lot(self, lot: Lot) -> Lot:
        violations = [
            FieldViolation(f"lot.{name}", "required, at most 500 characters")
            for name in ("display_name", "contract_number")
            if not getattr(lot, name).strip() or len(getattr(lot, name)) > 500
        ]
        if violations:
            raise InvalidArgument("FIELD_INVALID", "lot fields are missing", field_violations=violations)
        lot_id = lot.id or f"lot-{uuid.uuid4().hex[:12]}"
        if not LOT_ID.fullmatch(lot_id):
            raise InvalidArgument(
                "FIELD_INVALID", "lot_id is malformed", field_violations=[FieldViolation("lot_id", "pattern")]
            )
        stored = await self._store.insert_lot(
            Lot(lot_id, lot.display_name, lot.category, lot.contract_number, lot.description)
        )
        if stored is None:
            raise AlreadyExists(
                "LOT_EXISTS", f"lots/{lot_id} exists", domain=DOMAIN, metadata={"name": f"lots/{lot_id}"}
            )
        return stored

    async def get_lot(self, name: str) -> Lot:
        lot = await self._store.get_lot(parse_lot(name))
        if lot is None:
            raise lot_not_found(name)
        return lot

    async def list_lots(self, category: Category | None, page_size: int, page_token: str) -> Page[Lot]:
        size = resolve_page_size(page_size, default=LOT_PAGE[0], maximum=LOT_PAGE[1])
        fingerprint = query_fingerprint("ListLots", category=category.value if category else "")
        after = int(self._page_tokens.decode(page_token, fingerprint)["s"]) if page_token else 0
        rows = await self._store.list_lots(category, after, size + 1)
        page = rows[:size]
        token = self._page_tokens.encode(fingerprint, {"s": page[-1][0]}) if len(rows) > size else ""
        return Page([lot for _, lot in page], token)

    async def create_listing(
        self, principal: Principal, parent: str, draft: ListingDraft, request_id: str, request_body: bytes
    ) -> Listing:
        vendor = parse_vendor(parent)
        require_org(principal, vendor, "parent")
        lot = await self._store.get_lot(parse_lot(draft.lot, "listing.lot"))
        if lot is None:
            raise lot_not_found(draft.lot)
        check_draft(draft, lot.category)
        draft = replace(draft, lot=lot.id)
        key = ListingKey(vendor, uuid.uuid4())
        async with self._store.pool.acquire() as conn, conn.transaction():
            if request_id:
                scope = scope_for("CreateListing", principal.subject)
                first = await self._request_ids.claim(conn, scope, request_id, request_body)
                if first is not None:
                    listing = await self._store.get_listing(
                        ListingKey(vendor, uuid.UUID(json.loads(first)["id"])), conn
                    )
                    assert listing is not None
                    return listing
                await self._request_ids.record(
                    conn, scope, request_id, json.dumps({"id": str(key.id)}).encode()
                )
            return await self._store.insert_listing(conn, key, draft, lot.category)

    async def visible_listing(self, principal: Principal, key: ListingKey) -> Listing:
        listing = await self._store.get_listing(key)
        if listing is None or not can_see(principal, listing):
            raise listing_not_found(key.name)
        return listing

    async def update_listing(
        self, principal: Principal, key: ListingKey, new: ListingDraft, paths: Sequence[str]
    ) -> Listing:
        require_org(principal, key.vendor, "listing.name")
        async with self._store.pool.acquire() as conn, conn.transaction():
            current = await self._store.get_listing(key, conn, for_update=True)
            if current is None:
                raise listing_not_found(key.name)
            draft = apply_mask(current.draft, new, paths)
            check_draft(draft, current.category)
            return await self._store.update_listing_draft(conn, key, draft)

    async def search(
        self,
        principal: Principal,
        *,
        query: str,
        category: Category | None,
        lot: str,
        vendor: str,
        state: ListingState | None,
        max_unit_price_minor: int,
        page_size: int,
        page_token: str,
    ) -> Page[Listing]:
        size = resolve_page_size(page_size, default=SEARCH_PAGE[0], maximum=SEARCH_PAGE[1])
        lot_id = parse_lot(lot, "lot") if lot else None
        vendor_id = parse_vendor(vendor, "vendor") if vendor else None
        words = search.query_tokens(query)
        if query.strip() and not words:
            raise InvalidArgument(
                "FIELD_INVALID",
                "query has no searchable words",
                field_violations=[FieldViolation("query", "no letters, digits or CJK characters")],
            )
        fingerprint = query_fingerprint(
            "SearchListings",
            q=" ".join(words),
            c=category.value if category else "",
            l=lot_id or "",
            v=vendor_id or "",
            s=state.value if state else "",
            p=max_unit_price_minor,
            viewer=org_of(principal) or "",
        )
        # Name matches first, then the rest; each group newest first. The page
        # token holds the group and the offset within it.
        phase, offset = 0, 0
        if page_token:
            position = self._page_tokens.decode(page_token, fingerprint)
            phase, offset = int(position.get("p", 0)), int(position["o"])
        find = functools.partial(
            self._store.search_listings,
            query_tokens=words,
            viewer_org=org_of(principal),
            see_all=bool(principal.roles & REVIEWER_ROLES),
            category=category,
            lot=lot_id,
            vendor=vendor_id,
            state=state,
            max_unit_price_minor=max_unit_price_minor,
        )
        rows: list[Listing] = []
        next_position: dict[str, int] | None = None
        if phase == 0:
            rows = await find(in_name=True, offset=offset, limit=size + 1)
            if len(rows) > size:
                next_position = {"p": 0, "o": offset + size}
            elif words:  # the name matches ran out on this page: go on with the others
                phase, offset = 1, 0
            else:
                rows = rows[:size]
        if phase == 1 and next_position is None:
            room = size - len(rows)
            more = await find(in_name=False, offset=offset, limit=room + 1)
            if len(more) > room:
                next_position = {"p": 1, "o": offset + room}
            rows += more[:room]
        page = rows[:size]
        token = ""
        if next_position is not None and next_position["o"] < MAX_SEARCH_OFFSET:
            token = self._page_tokens.encode(fingerprint, next_position)
        return Page(page, token)
