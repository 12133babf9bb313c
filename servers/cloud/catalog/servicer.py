"""CatalogService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

import grpc

from jipan.cloud.v1 import catalog_service_pb2 as cpb
from jipan.cloud.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from jipan.interceptors.context import current_principal
from jipan.servers.cloud.accounts.servicer import timestamp
from jipan.servers.cloud.catalog.domain import Catalog
from jipan.servers.cloud.catalog.types import Offering, OfferingKind, PriceListFormat
from jipan.servers.cloud.names import offering_name, provider_name

Context = grpc.aio.ServicerContext[Any, Any]


def offering_to_pb(offering: Offering) -> res.Offering:
    return res.Offering(
        name=offering_name(offering.owner, offering.id),
        provider=provider_name(offering.provider),
        kind=res.OfferingKind.Value(f"OFFERING_KIND_{offering.kind.value}"),
        sku=offering.sku,
        type=offering.type,
        region=offering.region,
        zone=offering.zone,
        country=offering.country,
        vcpu=offering.vcpu,
        memory_gib=offering.memory_gib,
        gpu_count=offering.gpu_count,
        gpu_model=offering.gpu_model,
        certifications=[res.Certification.Value(f"CERTIFICATION_{c}") for c in offering.certifications],
        sla_reference=offering.sla_reference,
        unit_price=str(offering.unit_price.normalize()),
        currency_code=offering.currency_code,
        unit=offering.unit,
        unit_price_twd=str(offering.unit_price_twd.normalize()),
        exchange_rate_date=offering.exchange_rate_date.isoformat() if offering.exchange_rate_date else "",
        source=res.PriceListFormat.Value(f"PRICE_LIST_FORMAT_{offering.source.value}"),
        import_time=timestamp(offering.import_time),
    )


class CatalogServicer(cpb_grpc.CatalogServiceServicer):
    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog

    async def ImportOfferings(
        self, request: cpb.ImportOfferingsRequest, context: Context
    ) -> cpb.ImportOfferingsResponse:
        imported, skipped = await self._catalog.import_offerings(
            current_principal(),
            request.parent,
            PriceListFormat(res.PriceListFormat.Name(request.format).removeprefix("PRICE_LIST_FORMAT_")),
            request.content,
            [(r.currency_code, r.twd_per_unit, r.date) for r in request.exchange_rates],
            request.flavors,
        )
        return cpb.ImportOfferingsResponse(imported_count=imported, skipped_count=skipped)

    async def FetchOfferings(
        self, request: cpb.FetchOfferingsRequest, context: Context
    ) -> cpb.FetchOfferingsResponse:
        imported, skipped, fetched = await self._catalog.fetch_offerings(
            current_principal(),
            request.parent,
            request.provider_account,
            list(request.regions),
            [(r.currency_code, r.twd_per_unit, r.date) for r in request.exchange_rates],
        )
        return cpb.FetchOfferingsResponse(
            imported_count=imported, skipped_count=skipped, fetched_count=fetched
        )

    async def GetOffering(self, request: cpb.GetOfferingRequest, context: Context) -> cpb.GetOfferingResponse:
        return cpb.GetOfferingResponse(
            offering=offering_to_pb(await self._catalog.get(current_principal(), request.name))
        )

    async def ListOfferings(
        self, request: cpb.ListOfferingsRequest, context: Context
    ) -> cpb.ListOfferingsResponse:
        kind = (
            OfferingKind(res.OfferingKind.Name(request.kind).removeprefix("OFFERING_KIND_"))
            if request.kind != res.OFFERING_KIND_UNSPECIFIED
            else None
        )
        offerings, token = await self._catalog.list(
            current_principal(), request.parent, request.country, kind, request.page_size, request.page_token
        )
        return cpb.ListOfferingsResponse(
            offerings=[offering_to_pb(o) for o in offerings], next_page_token=token
        )
