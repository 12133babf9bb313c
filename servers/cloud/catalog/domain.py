"""The offering catalog of an organisation: import a price list (a document, or fetched from a
provider account's price-list API), read offerings."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation

import structlog

from jipan.interceptors.context import Principal
from jipan.servers.cloud.accounts.domain import Accounts, capability_unsupported
from jipan.servers.cloud.adapters.base import Capability
from jipan.servers.cloud.catalog import normalise, pricelists
from jipan.servers.cloud.catalog.documents import invalid
from jipan.servers.cloud.catalog.store import OfferingStore
from jipan.servers.cloud.catalog.types import ExchangeRate, Offering, OfferingKind, PriceListFormat
from jipan.servers.cloud.names import DOMAIN, org_of, parse_offering, parse_parent
from jipan.servers.runtime.errors import FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

MAX_PRICE_LIST_BYTES = 15 * 1024 * 1024
MAX_REGIONS = 20
# Entries one FetchOfferings may hold (every page of every region): a bound on memory, about ten
# times what AWS lists for a region's Linux instances, volumes and transfer.
MAX_FETCHED_ENTRIES = 50_000
_REGION_CODE = re.compile(r"[a-z]{2}(-[a-z0-9]+){1,3}-[0-9]{1,2}")


def own_parent(principal: Principal, parent: str) -> str:
    """The parent organisation, which must be the caller's."""
    owner = parse_parent(parent)
    if owner != org_of(principal):
        raise PermissionDenied(
            "ORGANIZATION_MISMATCH",
            "parent is not the caller's organisation",
            domain=DOMAIN,
            metadata={"parent": parent[:120]},
        )
    return owner


def parse_rates(given: Sequence[tuple[str, str, str]]) -> dict[str, ExchangeRate]:
    rates: dict[str, ExchangeRate] = {}
    for currency, amount, day in given:
        try:
            value = Decimal(amount)
            when = date.fromisoformat(day)
        except (InvalidOperation, ValueError):
            value, when = Decimal(-1), date.min
        if (
            len(currency) != 3
            or not currency.isupper()
            or not value.is_finite()
            or value <= 0
            or when == date.min
        ):
            raise InvalidArgument(
                "EXCHANGE_RATE_MISSING",
                "an exchange rate needs an ISO 4217 code, a positive decimal and a YYYY-MM-DD date",
                domain=DOMAIN,
                metadata={"currency": currency[:10]},
            )
        rates[currency] = ExchangeRate(currency, value, when)
    return rates


def _check_regions(regions: Sequence[str]) -> None:
    problem = ""
    if not regions or len(regions) > MAX_REGIONS:
        problem = f"regions must name 1 to {MAX_REGIONS} regions"
    elif len(set(regions)) != len(regions):
        problem = "regions must be distinct"
    elif any(_REGION_CODE.fullmatch(region) is None for region in regions):
        problem = "regions must be provider region codes such as ap-east-2"
    if problem:
        raise InvalidArgument("FIELD_INVALID", problem, metadata={"field": "regions"})


class Catalog:
    def __init__(self, store: OfferingStore, page_tokens: PageTokens, accounts: Accounts) -> None:
        self.store = store
        self.page_tokens = page_tokens
        self.accounts = accounts

    async def import_offerings(
        self,
        principal: Principal,
        parent: str,
        format: PriceListFormat,
        content: bytes,
        rates: Sequence[tuple[str, str, str]],
        flavors: bytes = b"",
    ) -> tuple[int, int]:
        owner = own_parent(principal, parent)
        if len(content) + len(flavors) > MAX_PRICE_LIST_BYTES:
            raise invalid(f"the price list is larger than {MAX_PRICE_LIST_BYTES} bytes")
        by_currency = parse_rates(rates)
        listed, skipped = await asyncio.to_thread(pricelists.load, format, content, flavors)
        offerings, unknown_region = normalise.normalise(owner, listed, by_currency, format, datetime.now(UTC))
        await self.store.upsert(offerings)
        log.info("offerings imported", org=owner, format=format.value, offerings=len(offerings))
        return len(offerings), skipped + unknown_region

    async def fetch_offerings(
        self,
        principal: Principal,
        parent: str,
        account_name: str,
        regions: Sequence[str],
        rates: Sequence[tuple[str, str, str]],
    ) -> tuple[int, int, int]:
        """(imported, skipped, fetched): the account's provider's price list for `regions`, all of
        it fetched before anything is written."""
        owner = own_parent(principal, parent)
        _check_regions(regions)
        by_currency = parse_rates(rates)
        account = await self.accounts.capable(
            principal, account_name, "provider_account", Capability.PRICE_LIST
        )
        if account.provider not in pricelists.ENTRY_LOADERS:
            raise capability_unsupported(account.provider, Capability.PRICE_LIST, "provider_account")
        _, adapter = await self.accounts.connect(principal, account_name, "provider_account")
        entries: list[Mapping[str, object]] = []
        try:
            async for entry in adapter.price_list(regions):
                entries.append(entry)
                if len(entries) > MAX_FETCHED_ENTRIES:
                    raise FailedPrecondition(
                        "PRICE_LIST_TOO_LARGE",
                        f"the provider listed more than {MAX_FETCHED_ENTRIES} prices; ask for fewer regions",
                        domain=DOMAIN,
                        metadata={"limit": str(MAX_FETCHED_ENTRIES)},
                    )
        finally:
            await adapter.aclose()
        listed, skipped = await asyncio.to_thread(pricelists.load_entries, account.provider, entries)
        _, source = pricelists.ENTRY_LOADERS[account.provider]
        offerings, unknown_region = normalise.normalise(owner, listed, by_currency, source, datetime.now(UTC))
        await self.store.upsert(offerings)
        log.info(
            "offerings fetched",
            org=owner,
            account=account_name,
            regions=len(regions),
            entries=len(entries),
            offerings=len(offerings),
        )
        return len(offerings), skipped + unknown_region, len(entries)

    async def get(self, principal: Principal, name: str) -> Offering:
        owner, offering_id = parse_offering(name)
        offering = await self.store.get(owner, offering_id) if owner == org_of(principal) else None
        if offering is None:
            raise NotFound(
                "OFFERING_NOT_FOUND",
                "no offering with this name",
                domain=DOMAIN,
                metadata={"name": name[:300]},
            )
        return offering

    async def list(
        self,
        principal: Principal,
        parent: str,
        country: str,
        kind: OfferingKind | None,
        page_size: int,
        page_token: str,
    ) -> tuple[list[Offering], str]:
        owner = own_parent(principal, parent)
        size = resolve_page_size(page_size, default=100, maximum=1000)
        fingerprint = query_fingerprint(
            "ListOfferings", org=owner, country=country, kind=kind.value if kind else ""
        )
        after = str(self.page_tokens.decode(page_token, fingerprint)["after"]) if page_token else ""
        rows = await self.store.list_page(owner, country, kind, after, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"after": rows[-1].id})
        return rows, token
