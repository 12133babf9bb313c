"""ProviderService and MatchService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

import grpc
from google.protobuf.duration_pb2 import Duration

from jipan.common.v1 import money_pb2
from jipan.interceptors.context import current_principal
from jipan.market.v1 import match_service_pb2 as mpb
from jipan.market.v1 import match_service_pb2_grpc as mpb_grpc
from jipan.market.v1 import provider_service_pb2 as ppb
from jipan.market.v1 import provider_service_pb2_grpc as ppb_grpc
from jipan.market.v1 import resources_pb2 as mres
from jipan.servers.market.catalog.convert import family_from_pb, timestamp
from jipan.servers.market.names import offer_name, project_name, provider_name
from jipan.servers.market.providers import matching
from jipan.servers.market.providers.domain import Providers
from jipan.servers.market.providers.model import Offer, OfferKind, Price, ProviderProfile
from jipan.servers.market.ratings.model import RatingSummary
from jipan.servers.runtime.errors import FieldViolation, InvalidArgument

Context = grpc.aio.ServicerContext[Any, Any]
_KINDS = {
    OfferKind.SUPPORT: mres.OFFER_KIND_SUPPORT,
    OfferKind.INTEGRATION: mres.OFFER_KIND_INTEGRATION,
    OfferKind.HOSTING: mres.OFFER_KIND_HOSTING,
    OfferKind.TRAINING: mres.OFFER_KIND_TRAINING,
}
_KINDS_BACK = {v: k for k, v in _KINDS.items()}
_FACTORS = {
    matching.Factor.TEXT: mres.MATCH_FACTOR_TEXT,
    matching.Factor.CONSTRAINT: mres.MATCH_FACTOR_CONSTRAINT,
    matching.Factor.HEALTH: mres.MATCH_FACTOR_HEALTH,
    matching.Factor.RATING: mres.MATCH_FACTOR_RATING,
    matching.Factor.PUBLISHER: mres.MATCH_FACTOR_PUBLISHER,
}
_PROVIDER_FIELDS = {
    "display_name": "display_name",
    "description": None,
    "regions": "regions",
    "certifications": "certifications",
    "contact_uri": "contact_uri",
}


def _price(money: money_pb2.Money, present: bool) -> Price | None:
    return Price(money.currency_code, money.amount_minor) if present else None


def _money(price: Price | None) -> money_pb2.Money | None:
    return (
        None
        if price is None
        else money_pb2.Money(currency_code=price.currency, amount_minor=price.amount_minor)
    )


def summary_to_pb(summary: RatingSummary) -> mres.RatingSummary:
    return mres.RatingSummary(
        count=summary.count, mean=round(summary.mean, 4), bayesian_average=round(summary.bayesian_average, 4)
    )


def provider_to_pb(profile: ProviderProfile) -> mres.Provider:
    message = mres.Provider(
        name=provider_name(profile.organization),
        display_name=profile.display_name,
        description=mres.LocalizedText(zh_tw=profile.description_zh, en=profile.description_en),
        regions=list(profile.regions),
        certifications=list(profile.certifications),
        contact_uri=profile.contact_uri,
        rating=summary_to_pb(RatingSummary(profile.rating_count, profile.rating_stars_sum)),
    )
    if profile.create_time is not None:
        message.create_time.CopyFrom(timestamp(profile.create_time))
    return message


def offer_to_pb(offer: Offer) -> mres.Offer:
    message = mres.Offer(
        name=offer_name(offer.provider, offer.id),
        project=project_name(offer.project_id),
        kind=_KINDS[offer.kind],
        description=mres.LocalizedText(zh_tw=offer.description_zh, en=offer.description_en),
        capabilities=list(offer.capabilities),
        regions=list(offer.regions),
        on_premises=offer.on_premises,
        price_min=_money(offer.price_min),
        price_max=_money(offer.price_max),
        listing=offer.listing,
    )
    if offer.response_time_s is not None:
        message.response_time.CopyFrom(Duration(seconds=offer.response_time_s))
    if offer.create_time is not None:
        message.create_time.CopyFrom(timestamp(offer.create_time))
    return message


def _offer_from_pb(offer: mres.Offer) -> Offer:
    kind = _KINDS_BACK.get(offer.kind)
    if kind is None:
        raise InvalidArgument(
            "OFFER_INVALID",
            "offer.kind is required",
            domain="market.jipan.tw",
            metadata={"problem": "no kind"},
            field_violations=[FieldViolation("offer.kind", "required")],
        )
    return Offer(
        provider="",
        id="",
        project_id=offer.project,
        kind=kind,
        description_zh=offer.description.zh_tw,
        description_en=offer.description.en,
        capabilities=tuple(offer.capabilities),
        regions=tuple(offer.regions),
        on_premises=offer.on_premises,
        price_min=_price(offer.price_min, offer.HasField("price_min")),
        price_max=_price(offer.price_max, offer.HasField("price_max")),
        response_time_s=offer.response_time.seconds if offer.HasField("response_time") else None,
        listing=offer.listing,
    )


class ProviderServicer(ppb_grpc.ProviderServiceServicer):
    def __init__(self, providers: Providers) -> None:
        self._providers = providers

    async def CreateProvider(
        self, request: ppb.CreateProviderRequest, context: Context
    ) -> ppb.CreateProviderResponse:
        p = request.provider
        created = await self._providers.create_provider(
            current_principal(),
            ProviderProfile(
                organization="",
                display_name=p.display_name,
                description_zh=p.description.zh_tw,
                description_en=p.description.en,
                regions=tuple(p.regions),
                certifications=tuple(p.certifications),
                contact_uri=p.contact_uri,
            ),
        )
        return ppb.CreateProviderResponse(provider=provider_to_pb(created))

    async def GetProvider(self, request: ppb.GetProviderRequest, context: Context) -> ppb.GetProviderResponse:
        return ppb.GetProviderResponse(
            provider=provider_to_pb(await self._providers.get_provider(request.name))
        )

    async def ListProviders(
        self, request: ppb.ListProvidersRequest, context: Context
    ) -> ppb.ListProvidersResponse:
        rows, token = await self._providers.list_providers(request.page_size, request.page_token)
        return ppb.ListProvidersResponse(providers=[provider_to_pb(p) for p in rows], next_page_token=token)

    async def UpdateProvider(
        self, request: ppb.UpdateProviderRequest, context: Context
    ) -> ppb.UpdateProviderResponse:
        paths = set(request.update_mask.paths)
        unknown = sorted(paths - set(_PROVIDER_FIELDS))
        if unknown or not paths:
            raise InvalidArgument(
                "FIELD_INVALID",
                f"update_mask may name {', '.join(sorted(_PROVIDER_FIELDS))}",
                field_violations=[
                    FieldViolation("update_mask", f"not updatable: {', '.join(unknown) or '(empty)'}")
                ],
            )
        p = request.provider
        fields: dict[str, Any] = {}
        if "display_name" in paths:
            if not p.display_name.strip():
                raise InvalidArgument(
                    "FIELD_INVALID",
                    "provider.display_name is required",
                    field_violations=[FieldViolation("provider.display_name", "required")],
                )
            fields["display_name"] = p.display_name
        if "description" in paths:
            fields["description_zh"] = p.description.zh_tw
            fields["description_en"] = p.description.en
        if "regions" in paths:
            fields["regions"] = list(p.regions)
        if "certifications" in paths:
            fields["certifications"] = list(p.certifications)
        if "contact_uri" in paths:
            fields["contact_uri"] = p.contact_uri
        updated = await self._providers.update_provider(current_principal(), p.name, fields)
        return ppb.UpdateProviderResponse(provider=provider_to_pb(updated))

    async def CreateOffer(self, request: ppb.CreateOfferRequest, context: Context) -> ppb.CreateOfferResponse:
        offer = await self._providers.create_offer(
            current_principal(), request.parent, _offer_from_pb(request.offer)
        )
        return ppb.CreateOfferResponse(offer=offer_to_pb(offer))

    async def GetOffer(self, request: ppb.GetOfferRequest, context: Context) -> ppb.GetOfferResponse:
        return ppb.GetOfferResponse(offer=offer_to_pb(await self._providers.get_offer(request.name)))

    async def ListOffers(self, request: ppb.ListOffersRequest, context: Context) -> ppb.ListOffersResponse:
        rows, token = await self._providers.list_offers(
            request.parent, request.project, request.page_size, request.page_token
        )
        return ppb.ListOffersResponse(offers=[offer_to_pb(o) for o in rows], next_page_token=token)

    async def DeleteOffer(self, request: ppb.DeleteOfferRequest, context: Context) -> ppb.DeleteOfferResponse:
        await self._providers.delete_offer(current_principal(), request.name)
        return ppb.DeleteOfferResponse()


class MatchServicer(mpb_grpc.MatchServiceServicer):
    def __init__(self, providers: Providers) -> None:
        self._providers = providers

    async def MatchNeed(self, request: mpb.MatchNeedRequest, context: Context) -> mpb.MatchNeedResponse:
        n = request.need
        families = frozenset(f for f in (family_from_pb(v) for v in n.licence_families) if f is not None)
        need = matching.Need(
            tokens=frozenset(),
            licence_families=families,
            on_premises=n.on_premises,
            certifications=frozenset(c.strip() for c in n.certifications if c.strip()),
            budget=_price(n.budget, n.HasField("budget")),
            regions=frozenset(r.strip() for r in n.regions if r.strip()),
            offer_kinds=frozenset(_KINDS_BACK[k] for k in n.offer_kinds if k in _KINDS_BACK),
        )
        ranked = await self._providers.match(n.text, need, request.max_results)
        return mpb.MatchNeedResponse(
            matches=[
                mres.Match(
                    project=project_name(r.project_id),
                    offer=offer_name(r.offer.provider, r.offer.id) if r.offer else "",
                    score=r.score,
                    reasons=[
                        mres.MatchReason(
                            factor=_FACTORS[x.factor], detail=x.detail, contribution=x.contribution
                        )
                        for x in r.reasons
                    ],
                )
                for r in ranked
            ]
        )
