"""The offering catalog: the three price-list loaders on committed excerpts of the real formats,
normalisation (zones, country, certifications, TWD at a dated rate), and CatalogService."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import grpc
import pytest

from jipan.cloud.v1 import catalog_service_pb2 as cpb
from jipan.cloud.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from jipan.servers.cloud.catalog import pricelists
from jipan.servers.cloud.catalog.types import ListedPrice, PriceListFormat
from jipan.servers.runtime.errors import DomainError
from tests.cloud.conftest import auth
from tests.cloud.test_accounts import refused
from tests.mesh import RunningServer

DATA = Path(__file__).parent / "data"
USD = res.ExchangeRate(currency_code="USD", twd_per_unit="32.5", date="2025-12-01")


def excerpt(name: str) -> bytes:
    return (DATA / name).read_bytes()


def by_key(listed: list[ListedPrice]) -> dict[tuple[str, str, str], ListedPrice]:
    return {(p.kind.value, p.type, p.region): p for p in listed}


def test_aws_offer_file() -> None:
    listed, skipped = pricelists.load(PriceListFormat.AWS_OFFER_FILE, excerpt("aws_ec2_offer.json"))
    prices = by_key(listed)
    # Windows and the unused-reservation capacity status are not on-demand Linux instances.
    assert skipped == 2
    assert set(prices) == {
        ("INSTANCE", "m5.large", "us-east-1"),
        ("INSTANCE", "m5.large", "ap-northeast-1"),
        ("INSTANCE", "g5.xlarge", "us-east-1"),
        ("STORAGE", "gp3", "us-east-1"),
        ("STORAGE", "gp3", "ap-northeast-1"),
        ("EGRESS", "internet", "us-east-1"),
    }
    m5 = prices[("INSTANCE", "m5.large", "us-east-1")]
    # The on-demand term's price, not the reserved one (0.06).
    assert (m5.unit_price, m5.currency_code, m5.vcpu, m5.memory_gib, m5.gpu_count) == (
        Decimal("0.0960000000"),
        "USD",
        2,
        8.0,
        0,
    )
    g5 = prices[("INSTANCE", "g5.xlarge", "us-east-1")]
    assert (g5.gpu_count, g5.gpu_model, g5.vcpu, g5.memory_gib) == (1, "NVIDIA A10G", 4, 16.0)
    assert prices[("STORAGE", "gp3", "ap-northeast-1")].unit_price == Decimal("0.096")
    # The first tier of outbound transfer.
    assert prices[("EGRESS", "internet", "us-east-1")].unit_price == Decimal("0.09")


def test_azure_retail_prices() -> None:
    listed, skipped = pricelists.load(
        PriceListFormat.AZURE_RETAIL_PRICES, excerpt("azure_retail_prices.json")
    )
    prices = by_key(listed)
    # Windows, Spot and the reservation are skipped.
    assert skipped == 3
    assert set(prices) == {
        ("INSTANCE", "Standard_D2s_v5", "japaneast"),
        ("INSTANCE", "Standard_NC4as_T4_v3", "japaneast"),
        ("STORAGE", "hot-lrs", "japaneast"),
    }
    d2 = prices[("INSTANCE", "Standard_D2s_v5", "japaneast")]
    assert (d2.unit_price, d2.vcpu, d2.memory_gib) == (Decimal("0.121"), 2, 8.0)
    t4 = prices[("INSTANCE", "Standard_NC4as_T4_v3", "japaneast")]
    assert (t4.gpu_count, t4.gpu_model) == (1, "NVIDIA T4")


def test_gcp_sku_list_composes_machine_types() -> None:
    listed, skipped = pricelists.load(PriceListFormat.GCP_SKU_LIST, excerpt("gcp_skus.json"))
    prices = by_key(listed)
    assert skipped == 1  # the preemptible core
    e2 = prices[("INSTANCE", "e2-standard-4", "asia-east1")]
    # 4 cores x 0.024637 + 16 GiB x 0.003301, from units + nanos.
    assert e2.unit_price == Decimal("0.024637") * 4 + Decimal("0.003301") * 16
    assert (e2.vcpu, e2.memory_gib) == (4, 16.0)
    assert ("INSTANCE", "e2-standard-4", "asia-northeast1") in prices
    # N2 has no SKUs in the excerpt: no n2 machine anywhere.
    assert not any(t == "n2-standard-4" for _, t, _ in prices)
    assert prices[("STORAGE", "pd-standard", "asia-east1")].unit_price == Decimal("0.04")
    # The free first tier is passed over for the first paid one.
    assert prices[("EGRESS", "internet", "asia-east1")].unit_price == Decimal("0.12")


@pytest.mark.parametrize(
    ("format", "document"),
    [
        (PriceListFormat.AWS_OFFER_FILE, {"products": []}),
        (
            PriceListFormat.AWS_OFFER_FILE,
            {
                "products": {
                    "X": {
                        "productFamily": "Compute Instance",
                        "attributes": {
                            "operatingSystem": "Linux",
                            "tenancy": "Shared",
                            "instanceType": "m5.large",
                            "vcpu": "2",
                        },
                    }
                },
                "terms": {
                    "OnDemand": {"X": {"X.T": {"priceDimensions": {"X.T.R": {"pricePerUnit": {"USD": "1"}}}}}}
                },
            },
        ),
        (PriceListFormat.AZURE_RETAIL_PRICES, {"Items": {}}),
        (PriceListFormat.AZURE_RETAIL_PRICES, {"Items": [{"type": "Consumption", "retailPrice": "-1"}]}),
        (
            PriceListFormat.GCP_SKU_LIST,
            {"skus": [{"category": {"usageType": "OnDemand"}, "serviceRegions": ["x"]}]},
        ),
    ],
)
def test_malformed_price_lists_are_refused(format: PriceListFormat, document: Any) -> None:
    with pytest.raises(DomainError) as caught:
        pricelists.load(format, json.dumps(document).encode())
    assert caught.value.reason == "PRICE_LIST_INVALID"


async def test_import_normalises_and_lists(server: RunningServer, channel: grpc.aio.Channel) -> None:
    stub = cpb_grpc.CatalogServiceStub(channel)
    md = auth(server, org="orgs/catalog")
    imported = await stub.ImportOfferings(
        cpb.ImportOfferingsRequest(
            parent="orgs/catalog",
            format=res.PRICE_LIST_FORMAT_GCP_SKU_LIST,
            content=excerpt("gcp_skus.json"),
            exchange_rates=[USD],
        ),
        metadata=md,
    )
    # 3 machine types x 2 regions x 3 zones, plus storage and egress in Taiwan.
    assert imported.imported_count == 3 * 2 * 3 + 2
    taiwan = await stub.ListOfferings(
        cpb.ListOfferingsRequest(
            parent="orgs/catalog", country="TW", kind=res.OFFERING_KIND_INSTANCE, page_size=4
        ),
        metadata=md,
    )
    assert len(taiwan.offerings) == 4
    assert taiwan.next_page_token
    rest = await stub.ListOfferings(
        cpb.ListOfferingsRequest(
            parent="orgs/catalog",
            country="TW",
            kind=res.OFFERING_KIND_INSTANCE,
            page_size=100,
            page_token=taiwan.next_page_token,
        ),
        metadata=md,
    )
    every = list(taiwan.offerings) + list(rest.offerings)
    assert len(every) == 9
    assert not rest.next_page_token
    assert {o.zone for o in every} == {"asia-east1-a", "asia-east1-b", "asia-east1-c"}
    one = next(o for o in every if o.type == "e2-standard-4" and o.zone == "asia-east1-b")
    assert one.country == "TW"
    assert one.currency_code == "USD"
    assert one.unit == "hour"
    assert list(one.certifications) == [res.CERTIFICATION_ISO_27001, res.CERTIFICATION_ISO_27017]
    assert Decimal(one.unit_price_twd) == (Decimal(one.unit_price) * Decimal("32.5")).quantize(
        Decimal("1e-10")
    )
    assert one.exchange_rate_date == "2025-12-01"
    got = await stub.GetOffering(cpb.GetOfferingRequest(name=one.name), metadata=md)
    assert got.offering == one

    # Importing again with another rate replaces the same offerings.
    again = await stub.ImportOfferings(
        cpb.ImportOfferingsRequest(
            parent="orgs/catalog",
            format=res.PRICE_LIST_FORMAT_GCP_SKU_LIST,
            content=excerpt("gcp_skus.json"),
            exchange_rates=[res.ExchangeRate(currency_code="USD", twd_per_unit="30", date="2025-12-02")],
        ),
        metadata=md,
    )
    assert again.imported_count == imported.imported_count
    replaced = (await stub.GetOffering(cpb.GetOfferingRequest(name=one.name), metadata=md)).offering
    assert replaced.exchange_rate_date == "2025-12-02"
    assert Decimal(replaced.unit_price_twd) == (Decimal(one.unit_price) * 30).quantize(Decimal("1e-10"))


async def test_import_refusals(server: RunningServer, channel: grpc.aio.Channel) -> None:
    stub = cpb_grpc.CatalogServiceStub(channel)
    md = auth(server, org="orgs/catalog")

    def imported(**kwargs: Any) -> Any:
        request = cpb.ImportOfferingsRequest(
            parent="orgs/catalog",
            format=res.PRICE_LIST_FORMAT_AWS_OFFER_FILE,
            content=excerpt("aws_ec2_offer.json"),
        )
        for key, value in kwargs.items():
            if key == "exchange_rates":
                request.exchange_rates.extend(value)
            else:
                setattr(request, key, value)
        return stub.ImportOfferings(request, metadata=md)

    await refused(imported(), grpc.StatusCode.INVALID_ARGUMENT, "EXCHANGE_RATE_MISSING")
    await refused(
        imported(
            exchange_rates=[res.ExchangeRate(currency_code="USD", twd_per_unit="-3", date="2025-12-01")]
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "EXCHANGE_RATE_MISSING",
    )
    await refused(
        imported(content=b"[1, 2", exchange_rates=[USD]),
        grpc.StatusCode.INVALID_ARGUMENT,
        "PRICE_LIST_INVALID",
    )
    await refused(
        imported(parent="orgs/someone-else", exchange_rates=[USD]),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )
    await refused(
        stub.GetOffering(cpb.GetOfferingRequest(name="orgs/catalog/offerings/nothing-here"), metadata=md),
        grpc.StatusCode.NOT_FOUND,
        "OFFERING_NOT_FOUND",
    )


def openstack_sheet(**changes: Any) -> bytes:
    sheet = json.loads(excerpt("openstack_price_sheet.json"))
    sheet.update(changes)
    return json.dumps(sheet).encode()


def test_openstack_price_sheet_joins_novas_flavors() -> None:
    listed, skipped = pricelists.load(
        PriceListFormat.OPENSTACK_PRICE_SHEET,
        excerpt("openstack_price_sheet.json"),
        excerpt("openstack_flavors_detail.json"),
    )
    prices = by_key(listed)
    # m1.legacy is priced but disabled in Nova, c.xlarge priced but not in Nova, and
    # ops.internal in Nova but not priced.
    assert skipped == 3
    assert set(prices) == {
        ("INSTANCE", "v.small", "tw-hsinchu-1"),
        ("INSTANCE", "v.medium", "tw-hsinchu-1"),
        ("INSTANCE", "g.v100x1", "tw-hsinchu-1"),
        ("INSTANCE", "g.a10-6q", "tw-hsinchu-1"),
        ("STORAGE", "ssd", "tw-hsinchu-1"),
        ("EGRESS", "internet", "tw-hsinchu-1"),
    }
    small = prices[("INSTANCE", "v.small", "tw-hsinchu-1")]
    assert (small.unit_price, small.currency_code, small.vcpu, small.memory_gib, small.gpu_count) == (
        Decimal("1.90"),
        "TWD",
        2,
        4.0,  # Nova's ram is MiB
        0,
    )
    assert small.sku == "hsinchu-gov-cloud/0a6f2d84-5c1e-4b7a-9e3d-2f8c1b6a4e01@2025-11-01"
    v100 = prices[("INSTANCE", "g.v100x1", "tw-hsinchu-1")]
    # pci_passthrough:alias "v100:1", the model from the sheet's gpu_aliases.
    assert (v100.gpu_count, v100.gpu_model, v100.vcpu, v100.memory_gib) == (1, "NVIDIA V100 32GB", 4, 90.0)
    a10 = prices[("INSTANCE", "g.a10-6q", "tw-hsinchu-1")]
    assert (a10.gpu_count, a10.gpu_model) == (1, "NVIDIA A10 (1/4 vGPU)")  # resources:VGPU
    assert small.place is not None
    assert small.place.country == "TW"
    assert small.place.zones == ("tw-hsinchu-1a", "tw-hsinchu-1b")
    assert "CNS_27001" in small.place.certifications


@pytest.mark.parametrize(
    ("sheet", "flavors"),
    [
        (openstack_sheet(format="something-else"), excerpt("openstack_flavors_detail.json")),
        (openstack_sheet(currency="twd"), excerpt("openstack_flavors_detail.json")),
        (openstack_sheet(effective_date="2025-13-01"), excerpt("openstack_flavors_detail.json")),
        (
            openstack_sheet(regions={"r": {"country": "Taiwan", "zones": ["a"]}}),
            excerpt("openstack_flavors_detail.json"),
        ),
        (
            openstack_sheet(regions={"r": {"country": "TW", "zones": ["a"], "certifications": ["SOC2"]}}),
            excerpt("openstack_flavors_detail.json"),
        ),
        (
            openstack_sheet(instances=[{"flavor": "v.small", "region": "elsewhere", "price_per_hour": "1"}]),
            excerpt("openstack_flavors_detail.json"),
        ),
        (
            openstack_sheet(
                instances=[{"flavor": "v.small", "region": "tw-hsinchu-1", "price_per_hour": "-1"}]
            ),
            excerpt("openstack_flavors_detail.json"),
        ),
        (openstack_sheet(), json.dumps({"flavors": [{"name": "v.small", "vcpus": "2"}]}).encode()),
        (openstack_sheet(), b""),  # the flavors document is required
        (openstack_sheet(), b"{not json"),
    ],
)
def test_malformed_openstack_price_sheets_are_refused(sheet: bytes, flavors: bytes) -> None:
    with pytest.raises(DomainError) as caught:
        pricelists.load(PriceListFormat.OPENSTACK_PRICE_SHEET, sheet, flavors)
    assert caught.value.reason == "PRICE_LIST_INVALID"


def test_flavors_only_go_with_an_openstack_price_sheet() -> None:
    with pytest.raises(DomainError) as caught:
        pricelists.load(
            PriceListFormat.AWS_OFFER_FILE,
            excerpt("aws_ec2_offer.json"),
            excerpt("openstack_flavors_detail.json"),
        )
    assert (caught.value.reason, (caught.value.metadata or {})["path"]) == ("PRICE_LIST_INVALID", "flavors")


async def test_import_an_openstack_clouds_offerings(server: RunningServer, channel: grpc.aio.Channel) -> None:
    """TWD prices need no exchange rate; the sheet's regions give country, zones, certifications."""
    stub = cpb_grpc.CatalogServiceStub(channel)
    md = auth(server, org="orgs/catalog-openstack")
    imported = await stub.ImportOfferings(
        cpb.ImportOfferingsRequest(
            parent="orgs/catalog-openstack",
            format=res.PRICE_LIST_FORMAT_OPENSTACK_PRICE_SHEET,
            content=excerpt("openstack_price_sheet.json"),
            flavors=excerpt("openstack_flavors_detail.json"),
        ),
        metadata=md,
    )
    # 4 flavors x 2 zones, plus storage and egress per region.
    assert (imported.imported_count, imported.skipped_count) == (4 * 2 + 2, 3)
    listed = (
        await stub.ListOfferings(
            cpb.ListOfferingsRequest(parent="orgs/catalog-openstack", country="TW", page_size=100),
            metadata=md,
        )
    ).offerings
    gpu = next(o for o in listed if o.type == "g.v100x1" and o.zone == "tw-hsinchu-1b")
    assert (gpu.provider, gpu.region, gpu.country) == ("providers/openstack", "tw-hsinchu-1", "TW")
    assert (gpu.gpu_count, gpu.gpu_model) == (1, "NVIDIA V100 32GB")
    assert list(gpu.certifications) == [
        res.CERTIFICATION_ISO_27001,
        res.CERTIFICATION_ISO_27017,
        res.CERTIFICATION_CNS_27001,
        res.CERTIFICATION_ISO_19086,
    ]
    assert gpu.sla_reference.startswith("CNS 19086")
    assert (gpu.unit_price, gpu.currency_code, gpu.unit_price_twd, gpu.exchange_rate_date) == (
        "62",
        "TWD",
        "62",
        "",
    )
    assert gpu.source == res.PRICE_LIST_FORMAT_OPENSTACK_PRICE_SHEET

    await refused(
        stub.ImportOfferings(
            cpb.ImportOfferingsRequest(
                parent="orgs/catalog-openstack",
                format=res.PRICE_LIST_FORMAT_OPENSTACK_PRICE_SHEET,
                content=excerpt("openstack_price_sheet.json"),
            ),
            metadata=md,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "PRICE_LIST_INVALID",
    )
