"""Shared pieces of the procurement tests: a server, callers, and listing builders."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
import pytest

from jipan.clients import error_details
from jipan.common.v1 import money_pb2
from jipan.procurement.v1 import catalog_service_pb2 as cpb
from jipan.procurement.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.procurement.v1 import order_service_pb2 as opb
from jipan.procurement.v1 import order_service_pb2_grpc as opb_grpc
from jipan.procurement.v1 import resources_pb2 as res
from jipan.procurement.v1 import review_service_pb2_grpc as rpb_grpc
from jipan.servers import ledger, procurement, system
from tests.mesh import RunningServer, make_settings, running_server

READ_WRITE = ("procurement.read", "procurement.write")


@dataclass
class Caller:
    """Stubs that carry one principal's token."""

    channel: grpc.aio.Channel
    metadata: tuple[tuple[str, str], ...]
    org: str

    @property
    def catalog(self) -> cpb_grpc.CatalogServiceAsyncStub:
        return cpb_grpc.CatalogServiceStub(self.channel)

    @property
    def orders(self) -> opb_grpc.OrderServiceAsyncStub:
        return opb_grpc.OrderServiceStub(self.channel)

    @property
    def reviews(self) -> rpb_grpc.ListingReviewServiceAsyncStub:
        return rpb_grpc.ListingReviewServiceStub(self.channel)


def caller(
    server: RunningServer,
    channel: grpc.aio.Channel,
    org: str,
    roles: Sequence[str],
    *,
    subject: str | None = None,
    scopes: Sequence[str] = READ_WRITE,
) -> Caller:
    metadata = server.metadata(
        subject=subject or f"people/someone-at-{org}", scopes=scopes, org=f"orgs/{org}", roles=tuple(roles)
    )
    return Caller(channel, metadata, org)


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def twd(amount: int) -> money_pb2.Money:
    return money_pb2.Money(currency_code="TWD", amount_minor=amount)


def software_listing(lot: str, **overrides: Any) -> res.Listing:
    listing = res.Listing(
        lot=lot,
        product_name="公文管理系統 Document Manager",
        product_version="3.2.1",
        description="雲端公文管理與電子簽核 for agencies",
        price_tiers=[
            res.PriceTier(min_quantity=1, max_quantity=99, unit_price=twd(12000)),
            res.PriceTier(min_quantity=100, max_quantity=0, unit_price=twd(9000)),
        ],
        licence_terms=res.LicenceTerms(distribution=res.DISTRIBUTION_PROPRIETARY),
        support="5x8, 中文/English",
    )
    for key, value in overrides.items():
        if key == "price_tiers":
            del listing.price_tiers[:]
            listing.price_tiers.extend(value)
        elif isinstance(value, res.LicenceTerms | res.SlaAttestation):
            getattr(listing, key).CopyFrom(value)
        else:
            setattr(listing, key, value)
    return listing


def good_sla(**overrides: Any) -> res.SlaAttestation:
    values: dict[str, Any] = {
        "availability_basis_points": 9995,
        "rto_minutes": 240,
        "rpo_minutes": 60,
        "support_hours": res.SUPPORT_HOURS_ALWAYS,
        "data_locations": ["TW"],
        "incident_notification_minutes": 60,
    }
    values.update(overrides)
    return res.SlaAttestation(**values)


async def create_lot(admin: Caller, category: res.Category.ValueType = res.CATEGORY_PACKAGED_SOFTWARE) -> str:
    response = await admin.catalog.CreateLot(
        cpb.CreateLotRequest(
            lot=res.Lot(display_name="套裝軟體 第1組", category=category, contract_number=unique("LP5")),
        ),
        metadata=admin.metadata,
    )
    return response.lot.name


async def expect_error(call: object, code: grpc.StatusCode, reason: str) -> grpc.aio.AioRpcError:
    """Await `call`; it must fail with `code` and ErrorInfo `reason`. Returns the error."""
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code() == code, caught.value.details()
    assert error_details(caught.value).reason == reason, error_details(caught.value)
    return caught.value


@asynccontextmanager
async def procurement_server(database_url: str, data_dir: Path) -> AsyncIterator[RunningServer]:
    """system, ledger and procurement in one server, anchoring in 0.05 s windows (tests wait for receipts)."""
    settings = make_settings(database_url, data_dir, JIPAN_LEDGER_BATCH_WINDOW_S="0.05")
    async with running_server(settings, [system.SERVICE, ledger.SERVICE, procurement.SERVICE]) as running:
        yield running


def order_request(
    agency: Caller, listing: str, quantity: int, request_id: str | None = None
) -> opb.CreateOrderRequest:
    """A CreateOrder for `agency` (a fresh request_id unless one is given)."""
    return opb.CreateOrderRequest(
        parent=f"agencies/{agency.org}",
        order=res.Order(listing=listing, quantity=quantity, budget_code="113-資訊-01"),
        request_id=request_id or str(uuid.uuid4()),
    )
