"""Provider and offer use cases, and matching a need against the catalog and the offers."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

from jipan.interceptors.context import Principal
from jipan.servers.market.catalog.domain import project_not_found
from jipan.servers.market.catalog.store import CatalogStore
from jipan.servers.market.names import (
    DOMAIN,
    caller_org,
    parse_offer,
    parse_project,
    parse_provider,
    provider_name,
)
from jipan.servers.market.providers import matching
from jipan.servers.market.providers.model import Offer, ProviderProfile
from jipan.servers.market.providers.store import ProviderStore
from jipan.servers.runtime import search
from jipan.servers.runtime.errors import (
    AlreadyExists,
    FieldViolation,
    InvalidArgument,
    NotFound,
    PermissionDenied,
)
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

MATCH_CANDIDATES = 200


def _org(principal: Principal) -> str:
    return caller_org(principal, "providers are organisations")


def _provider_not_found(name: str) -> NotFound:
    return NotFound(
        "PROVIDER_NOT_FOUND", "no provider with this name", domain=DOMAIN, metadata={"name": name}
    )


def _own(principal: Principal, organization: str, name: str) -> None:
    if _org(principal) != organization:
        raise PermissionDenied(
            "ORGANIZATION_MISMATCH",
            "a provider changes only its own profile and offers",
            domain=DOMAIN,
            metadata={"name": name},
        )


def _offer_invalid(problem: str) -> InvalidArgument:
    return InvalidArgument(
        "OFFER_INVALID",
        f"the offer is inconsistent: {problem}",
        domain=DOMAIN,
        metadata={"problem": problem},
        field_violations=[FieldViolation("offer", problem)],
    )


def _clean(values: tuple[str, ...], limit: int = 30) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip()[:100] for v in values if v.strip()))[:limit]


class Providers:
    def __init__(self, store: ProviderStore, catalog: CatalogStore, page_tokens: PageTokens) -> None:
        self.store = store
        self.catalog = catalog
        self.page_tokens = page_tokens

    async def create_provider(self, principal: Principal, profile: ProviderProfile) -> ProviderProfile:
        organization = _org(principal)
        if not profile.display_name.strip():
            raise InvalidArgument(
                "FIELD_INVALID",
                "provider.display_name is required",
                field_violations=[FieldViolation("provider.display_name", "required")],
            )
        created = await self.store.insert_provider(
            replace(
                profile,
                organization=organization,
                regions=_clean(profile.regions),
                certifications=_clean(profile.certifications),
            )
        )
        if created is None:
            raise AlreadyExists(
                "ALREADY_EXISTS",
                "the organisation already has a provider profile",
                domain=DOMAIN,
                metadata={"name": provider_name(organization)},
            )
        return created

    async def get_provider(self, name: str) -> ProviderProfile:
        found = await self.store.get_provider(parse_provider(name))
        if found is None:
            raise _provider_not_found(name)
        return found

    async def list_providers(self, page_size: int, page_token: str) -> tuple[list[ProviderProfile], str]:
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListProviders")
        after = str(self.page_tokens.decode(page_token, fingerprint)["after"]) if page_token else ""
        rows = await self.store.list_providers(after, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"after": rows[-1].organization})
        return rows, token

    async def update_provider(
        self, principal: Principal, name: str, fields: dict[str, Any]
    ) -> ProviderProfile:
        organization = parse_provider(name, "provider.name")
        _own(principal, organization, name)
        for key in ("regions", "certifications"):
            if key in fields:
                fields[key] = list(_clean(tuple(fields[key])))
        updated = await self.store.update_provider(organization, fields)
        if updated is None:
            raise _provider_not_found(name)
        return updated

    async def create_offer(self, principal: Principal, parent: str, offer: Offer) -> Offer:
        organization = parse_provider(parent, "parent")
        _own(principal, organization, parent)
        if await self.store.get_provider(organization) is None:
            raise _provider_not_found(parent)
        project_id = parse_project(offer.project_id, "offer.project")
        project = await self.catalog.get_project(project_id)
        if project is None:
            raise project_not_found(project_id)
        prices = [p for p in (offer.price_min, offer.price_max) if p is not None]
        if len({p.currency for p in prices}) > 1:
            raise _offer_invalid("price_min and price_max are in different currencies")
        if any(p.amount_minor < 0 for p in prices):
            raise _offer_invalid("a price is negative")
        if (
            offer.price_min
            and offer.price_max
            and offer.price_min.amount_minor > offer.price_max.amount_minor
        ):
            raise _offer_invalid("price_min is above price_max")
        if offer.response_time_s is not None and offer.response_time_s < 0:
            raise _offer_invalid("response_time is negative")
        cleaned = replace(
            offer,
            provider=organization,
            project_id=project_id,
            capabilities=_clean(offer.capabilities),
            regions=_clean(offer.regions),
        )
        tokens = search.tokens(
            cleaned.description_zh,
            cleaned.description_en,
            " ".join(cleaned.capabilities),
            cleaned.kind.value.lower(),
        )
        return await self.store.insert_offer(cleaned, tokens)

    async def get_offer(self, name: str) -> Offer:
        organization, offer_id = parse_offer(name)
        found = await self.store.get_offer(organization, offer_id)
        if found is None:
            raise NotFound(
                "OFFER_NOT_FOUND", "no offer with this name", domain=DOMAIN, metadata={"name": name}
            )
        return found

    async def list_offers(
        self, parent: str, project: str, page_size: int, page_token: str
    ) -> tuple[list[Offer], str]:
        organization = None if parent == "providers/-" else parse_provider(parent, "parent")
        project_id = parse_project(project, "project") if project else None
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListOffers", provider=organization or "-", project=project_id or "")
        after = int(self.page_tokens.decode(page_token, fingerprint)["after"]) if page_token else 0
        rows = await self.store.list_offers(organization, project_id, after, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"after": rows[-1][0]})
        return [offer for _, offer in rows], token

    async def delete_offer(self, principal: Principal, name: str) -> None:
        organization, offer_id = parse_offer(name)
        _own(principal, organization, name)
        if not await self.store.delete_offer(organization, offer_id):
            raise NotFound(
                "OFFER_NOT_FOUND", "no offer with this name", domain=DOMAIN, metadata={"name": name}
            )

    async def match(self, text: str, need: matching.Need, limit: int) -> list[matching.Ranked]:
        tokens = frozenset(search.query_tokens(text))
        if not tokens:
            raise InvalidArgument(
                "QUERY_INVALID",
                "need.text has no searchable words",
                domain=DOMAIN,
                metadata={"field": "need.text"},
                field_violations=[FieldViolation("need.text", "no searchable words")],
            )
        need = replace(need, tokens=tokens)
        wanted = sorted(tokens)
        # Two rounds of two independent reads, each pair on two pooled connections at once: the
        # candidate projects beside the offers that share the need's words (with their providers),
        # then the offers for those projects beside the projects the first offers are for.
        found, by_words = await asyncio.gather(
            self.catalog.projects_for_match(wanted, MATCH_CANDIDATES),
            self.store.offers_with_words(wanted, MATCH_CANDIDATES),
        )
        projects = {project.id: (project, shared) for project, shared in found}
        missing = sorted({offer.project_id for offer, _, _ in by_words} - set(projects))
        by_projects, extra = await asyncio.gather(
            self.store.offers_for_projects(wanted, list(projects), MATCH_CANDIDATES),
            self.catalog.get_projects(missing),
        )
        for project_id, project in extra.items():
            projects[project_id] = (project, frozenset())
        offers: dict[tuple[str, str], tuple[Offer, frozenset[str]]] = {}
        providers: dict[str, ProviderProfile] = {}
        for offer, shared, provider in [*by_words, *by_projects]:
            offers[(offer.provider, offer.id)] = (offer, shared)
            providers[provider.organization] = provider
        return matching.rank(need, projects, list(offers.values()), providers, limit or 20)
