"""Rating use cases: rate a provider for one confirmed order, list a provider's ratings.

Who may rate: the agency of a procurement order of one of the provider's
listings that the vendor has confirmed (CONFIRMED, DELIVERED, ACCEPTED,
DISPUTED or PAID), asked of procurement's OrderService with the caller's own
token; once per order. The rating's digest (SHA-256 of its canonical JSON
record) is anchored on the ledger before the rating is stored, so every
stored rating has a receipt.

The aggregate is a Bayesian average (C·m + Σ stars) / (C + n): the prior is
m = 3.0 stars (the middle of the 1-5 scale, saying nothing either way) with
the weight of C = 5 ratings, so a provider with one 5-star rating shows
(15 + 5) / 6 = 3.33, not 5.0, and its average earns its way up as verified
purchases accumulate.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from dataclasses import dataclass

from jipan.interceptors.context import Principal
from jipan.servers.market.names import DOMAIN, invalid_name, parse_provider, provider_name
from jipan.servers.market.providers.store import ProviderStore
from jipan.servers.market.ratings.model import Rating, RatingSummary
from jipan.servers.market.ratings.orders import ProcurementOrders
from jipan.servers.market.ratings.store import RatingStore
from jipan.servers.runtime.errors import (
    AlreadyExists,
    FailedPrecondition,
    FieldViolation,
    InvalidArgument,
    NotFound,
    PermissionDenied,
)
from jipan.servers.runtime.idempotency import RequestIds, scope_for
from jipan.servers.runtime.ledger_anchor import DecisionAnchor
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

CONFIRMED_STATES = frozenset({"CONFIRMED", "DELIVERED", "ACCEPTED", "DISPUTED", "PAID"})
"""procurement's order states from the vendor's confirmation on."""
MAX_REVIEW = 5000
_ORDER = re.compile(
    r"^agencies/([A-Za-z0-9][A-Za-z0-9._:-]{0,99})/orders/"
    r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$"
)
_RATING_IDS = uuid.UUID("3f0b6c52-8f2e-4d0a-9a57-5e1d2c7b9e40")


def bayesian_average(summary: RatingSummary) -> float:
    return summary.bayesian_average


def rating_digest(rating_name: str, provider: str, order: str, agency: str, stars: int, review: str) -> bytes:
    """SHA-256 of the rating's canonical record (sorted keys, no spaces, UTF-8): what the ledger anchors."""
    record = {
        "agency": agency,
        "order": order,
        "provider": provider,
        "rating": rating_name,
        "review": review,
        "stars": stars,
    }
    return hashlib.sha256(
        json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    ).digest()


def rating_name(rating: Rating) -> str:
    return f"{provider_name(rating.provider)}/ratings/{rating.id}"


@dataclass(frozen=True, slots=True)
class RatingPage:
    ratings: list[Rating]
    next_page_token: str
    summary: RatingSummary


def _not_verified(order: str, problem: str) -> FailedPrecondition:
    return FailedPrecondition(
        "PURCHASE_NOT_VERIFIED",
        f"no confirmed procurement order of this provider backs the rating: {problem}",
        domain=DOMAIN,
        metadata={"order": order, "problem": problem},
    )


class Ratings:
    def __init__(
        self,
        store: RatingStore,
        providers: ProviderStore,
        orders: ProcurementOrders,
        anchor: DecisionAnchor,
        page_tokens: PageTokens,
        request_ids: RequestIds,
    ) -> None:
        self.store = store
        self.providers = providers
        self.orders = orders
        self.anchor = anchor
        self.page_tokens = page_tokens
        self.request_ids = request_ids

    async def rate(
        self,
        principal: Principal,
        caller_token: str,
        parent: str,
        order: str,
        stars: int,
        review: str,
        request_id: str,
    ) -> Rating:
        if not principal.org:
            raise PermissionDenied(
                "ORGANIZATION_MISMATCH",
                "the token names no organisation (`org`); agencies rate",
                domain=DOMAIN,
            )
        agency = principal.org
        provider = parse_provider(parent, "parent")
        if not order:
            raise InvalidArgument(
                "FIELD_INVALID",
                "rating.order is required",
                field_violations=[FieldViolation("rating.order", "required")],
            )
        match = _ORDER.match(order)
        if match is None:
            raise invalid_name("rating.order", order, "agencies/{agency}/orders/{order}")
        if f"orgs/{match.group(1)}" != agency:
            raise PermissionDenied(
                "ORGANIZATION_MISMATCH",
                "rating.order is another agency's order: an agency rates its own purchases",
                domain=DOMAIN,
                metadata={"field": "rating.order", "org": agency},
            )
        if not 1 <= stars <= 5:
            raise InvalidArgument(
                "FIELD_INVALID",
                "rating.stars must be 1-5",
                field_violations=[FieldViolation("rating.stars", "must be 1-5")],
            )
        if len(review) > MAX_REVIEW:
            raise InvalidArgument(
                "FIELD_INVALID",
                f"rating.review is longer than {MAX_REVIEW} characters",
                field_violations=[FieldViolation("rating.review", f"at most {MAX_REVIEW} characters")],
            )
        if await self.providers.get_provider(provider) is None:
            raise NotFound(
                "PROVIDER_NOT_FOUND", "no provider with this name", domain=DOMAIN, metadata={"name": parent}
            )
        request = json.dumps([parent, order, stars, review]).encode()
        rating_id = str(uuid.uuid5(_RATING_IDS, order))
        name = f"{provider_name(provider)}/ratings/{rating_id}"
        digest = rating_digest(name, provider_name(provider), order, agency, stars, review)
        receipt = ""
        # procurement and the ledger are asked before a connection is taken: in one process they
        # answer from the same pool, and a transaction held open across their calls (one per
        # concurrent rating) would leave them none. An order that carries a rating already needs
        # neither: the transaction below replays it or refuses it.
        if await self.store.by_order(order) is None:
            await self._verify_purchase(order, caller_token, provider)
            # The anchor is idempotent by digest: a retry, or a rating that loses the race below,
            # gets the ledger's existing receipt rather than a second one.
            receipt = await self.anchor.anchor(digest, {"kind": "market.rating", "rating": name})
        async with self.store.pool.acquire() as conn, conn.transaction():
            scope = scope_for("market.CreateRating", principal.subject)
            first = await self.request_ids.claim(conn, scope, request_id, request)
            if first is not None:
                replayed = await self.store.by_order(first.decode(), conn)
                assert replayed is not None
                return replayed
            if not receipt or await self.store.by_order(order, conn) is not None:
                raise self._already_rated(order)
            stored = await self.store.insert(
                conn,
                provider=provider,
                rating_id=rating_id,
                order=order,
                agency=agency,
                stars=stars,
                review=review,
                digest=digest,
                ledger_receipt=receipt,
            )
            if stored is None:  # another request rated the order in the meantime
                raise self._already_rated(order)
            await self.request_ids.record(conn, scope, request_id, order.encode())
        return stored

    async def _verify_purchase(self, order: str, caller_token: str, provider: str) -> None:
        purchased, seen = await self.orders.get(order, caller_token)
        if purchased is None:
            raise _not_verified(order, f"procurement does not show this order to the caller ({seen})")
        if purchased.vendor != provider.removeprefix("orgs/"):
            raise _not_verified(order, "the order is of another vendor's listing")
        if purchased.agency == purchased.vendor:
            raise _not_verified(order, "an organisation does not rate its own listing")
        if purchased.state not in CONFIRMED_STATES:
            raise _not_verified(order, f"the order is {purchased.state}, not confirmed by the vendor")

    @staticmethod
    def _already_rated(order: str) -> AlreadyExists:
        return AlreadyExists(
            "ORDER_ALREADY_RATED",
            "this order already carries a rating",
            domain=DOMAIN,
            metadata={"order": order},
        )

    async def list_ratings(self, parent: str, page_size: int, page_token: str) -> RatingPage:
        provider = parse_provider(parent, "parent")
        if await self.providers.get_provider(provider) is None:
            raise NotFound(
                "PROVIDER_NOT_FOUND", "no provider with this name", domain=DOMAIN, metadata={"name": parent}
            )
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListRatings", provider=provider)
        before = int(self.page_tokens.decode(page_token, fingerprint)["before"]) if page_token else None
        rows = await self.store.list_ratings(provider, before, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"before": rows[-1][0]})
        summary = (await self.store.summaries([provider])).get(provider, RatingSummary(0, 0))
        return RatingPage([r for _, r in rows], token, summary)

    async def summaries(self, providers: list[str]) -> dict[str, RatingSummary]:
        return await self.store.summaries(providers)
