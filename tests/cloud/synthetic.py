"""Generated catalogs and workloads for the placement tests and bench/cloud.py (seeded, reproducible).

Providers, regions and countries like the real ones (TW, JP, SG, HK, US),
three zones a region, instance types with vCPU 1-64, 1-8 GiB per vCPU,
some with GPUs, prices per vCPU and GiB that differ by provider and region
with noise; storage and egress prices per region (a few regions have none).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from decimal import Decimal

from jipan.servers.cloud.catalog.types import Offering, OfferingKind, PriceListFormat
from jipan.servers.cloud.placement.types import Flow, Workload

REGIONS = [
    ("aws", "ap-east-2", "TW"),
    ("aws", "ap-northeast-1", "JP"),
    ("aws", "ap-southeast-1", "SG"),
    ("aws", "us-east-1", "US"),
    ("azure", "japaneast", "JP"),
    ("azure", "eastasia", "HK"),
    ("azure", "southeastasia", "SG"),
    ("gcp", "asia-east1", "TW"),
    ("gcp", "asia-northeast1", "JP"),
    ("gcp", "us-central1", "US"),
    ("twcc", "tw-taichung", "TW"),
    ("twcc", "tw-hsinchu", "TW"),
    ("hicloud", "tw-taipei", "TW"),
    ("hicloud", "tw-kaohsiung", "TW"),
]
CERTS = {
    "aws": ("ISO_27001", "ISO_27017"),
    "azure": ("ISO_27001", "ISO_27017"),
    "gcp": ("ISO_27001", "ISO_27017"),
    "twcc": ("ISO_27001", "CNS_27001", "ISO_19086"),
    "hicloud": ("ISO_27001", "ISO_27017", "CNS_27001"),
}
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _offering(owner: str, index: int, **fields: object) -> Offering:
    base: dict[str, object] = {
        "owner": owner,
        "id": f"o{index:05d}",
        "sku": f"sku-{index}",
        "gpu_model": "",
        "sla_reference": "",
        "currency_code": "TWD",
        "exchange_rate_date": None,
        "source": PriceListFormat.AWS_OFFER_FILE,
        "import_time": NOW,
        "vcpu": 0,
        "memory_gib": 0.0,
        "gpu_count": 0,
    }
    base.update(fields)
    base["unit_price_twd"] = base["unit_price"]
    return Offering(**base)  # type: ignore[arg-type]


def catalog(instances: int, seed: int = 7, owner: str = "orgs/bench") -> list[Offering]:
    """`instances` instance offerings spread over every zone, plus storage and egress per region."""
    rng = random.Random(seed)
    offerings: list[Offering] = []
    zones = [(p, r, c, f"{r}-{z}") for p, r, c in REGIONS for z in "abc"]
    factor = {key: rng.uniform(0.8, 1.3) for key in REGIONS}
    for i in range(instances):
        provider, region, country, zone = zones[i % len(zones)]
        vcpu = rng.choice([1, 2, 4, 8, 16, 32, 64])
        memory = vcpu * rng.choice([1, 2, 4, 8])
        gpu = rng.choice([0] * 12 + [1, 2, 4, 8])
        hourly = (
            (vcpu * 0.9 + memory * 0.12 + gpu * 28.0)
            * factor[(provider, region, country)]
            * rng.uniform(0.9, 1.1)
        )
        offerings.append(
            _offering(
                owner,
                len(offerings),
                provider=provider,
                kind=OfferingKind.INSTANCE,
                type=f"t{vcpu}x{memory}g{gpu}-{i}",
                region=region,
                zone=zone,
                country=country,
                vcpu=vcpu,
                memory_gib=float(memory),
                gpu_count=gpu,
                certifications=CERTS[provider],
                unit_price=Decimal(f"{hourly:.4f}"),
                unit="hour",
            )
        )
    for provider, region, country in REGIONS:
        if region != "southeastasia":  # one region without storage
            offerings.append(
                _offering(
                    owner,
                    len(offerings),
                    provider=provider,
                    kind=OfferingKind.STORAGE,
                    type="ssd",
                    region=region,
                    zone="",
                    country=country,
                    certifications=CERTS[provider],
                    unit_price=Decimal(f"{rng.uniform(2.4, 4.0):.4f}"),
                    unit="GiB-month",
                )
            )
        if region != "tw-kaohsiung":  # one region without an egress price
            offerings.append(
                _offering(
                    owner,
                    len(offerings),
                    provider=provider,
                    kind=OfferingKind.EGRESS,
                    type="internet",
                    region=region,
                    zone="",
                    country=country,
                    certifications=CERTS[provider],
                    unit_price=Decimal(f"{rng.uniform(1.5, 4.0):.4f}"),
                    unit="GiB",
                )
            )
    return offerings


def workloads(count: int, seed: int = 11) -> tuple[list[Workload], list[Flow]]:
    """Tiers of three (web, app, db) with spread groups, residency and certifications on some,
    and traffic web → app → db inside a tier and between consecutive tiers."""
    rng = random.Random(seed)
    placed: list[Workload] = []
    flows: list[Flow] = []
    for i in range(count):
        tier = i // 3
        tw_only = tier % 3 == 0
        placed.append(
            Workload(
                id=f"w{i:03d}",
                vcpu=rng.choice([1, 2, 4, 8, 16]),
                memory_gib=float(rng.choice([2, 4, 8, 16, 32])),
                gpu_count=1 if rng.random() < 0.05 else 0,
                storage_gib=float(rng.choice([0, 20, 100, 500])),
                allowed_countries=("TW",) if tw_only else (),
                required_certifications=("CNS_27001",) if tier % 7 == 3 else (),
                spread_group=f"tier{tier}" if tier % 2 == 0 else "",
                internet_egress_gib_month=float(rng.choice([0, 10, 100, 1000])),
            )
        )
        if i % 3:
            flows.append(
                Flow(
                    source=f"w{i - 1:03d}",
                    destination=f"w{i:03d}",
                    gib_month=float(rng.choice([50, 500, 5000])),
                )
            )
        elif i:
            flows.append(
                Flow(source=f"w{i - 3:03d}", destination=f"w{i:03d}", gib_month=float(rng.choice([10, 100])))
            )
    return placed, flows
