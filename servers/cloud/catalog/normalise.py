"""Listed prices → offerings: the region's country, zones and certifications, and TWD at a dated rate.

Region facts come from data/regions.json (data, kept by the catalogue's
operator), not from the hyperscalers' price lists, which do not carry them;
an OpenStack cloud's price sheet declares its own regions' facts. A price in a
region the data does not know is skipped: placing a workload where its
country is unknown could break a residency rule.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from jipan.servers.cloud.catalog.types import (
    UNIT_FOR_KIND,
    ExchangeRate,
    ListedPrice,
    Offering,
    OfferingKind,
    PriceListFormat,
)
from jipan.servers.cloud.names import DOMAIN
from jipan.servers.runtime.errors import InvalidArgument

TWD_PLACES = Decimal("0.0000000001")
_NOT_ID = re.compile(r"[^a-z0-9.-]+")


@cache
def regions() -> dict[str, dict[str, Any]]:
    loaded: dict[str, dict[str, Any]] = json.loads(
        resources.files("jipan.servers.cloud.catalog").joinpath("data/regions.json").read_text()
    )
    loaded.pop("_comment", None)
    return loaded


def offering_id(provider: str, kind: OfferingKind, type_: str, place: str) -> str:
    raw = f"{provider}-{kind.value}-{type_}-{place}".lower().replace("_", "-")
    return _NOT_ID.sub("-", raw).strip("-")[:200]


def _twd(price: ListedPrice, rates: Mapping[str, ExchangeRate]) -> tuple[Decimal, ExchangeRate | None]:
    if price.currency_code == "TWD":
        return price.unit_price, None
    rate = rates.get(price.currency_code)
    if rate is None:
        raise InvalidArgument(
            "EXCHANGE_RATE_MISSING",
            f"prices are in {price.currency_code} and the request has no rate for it",
            domain=DOMAIN,
            metadata={"currency": price.currency_code[:10]},
        )
    return (price.unit_price * rate.twd_per_unit).quantize(TWD_PLACES), rate


def normalise(
    owner: str,
    listed: Sequence[ListedPrice],
    rates: Mapping[str, ExchangeRate],
    source: PriceListFormat,
    now: datetime,
) -> tuple[list[Offering], int]:
    """(offerings, prices skipped for an unknown region)."""
    known = regions()
    offerings: list[Offering] = []
    skipped = 0
    for price in listed:
        region = (
            known.get(price.provider, {}).get(price.region)
            if price.place is None
            else {
                "country": price.place.country,
                "zones": price.place.zones,
                "certifications": price.place.certifications,
                "sla_reference": price.place.sla_reference,
            }
        )
        if region is None:
            skipped += 1
            continue
        twd, rate = _twd(price, rates)
        # Instances are placed per zone (spread groups need zones); storage and
        # egress are priced per region.
        zones = list(region["zones"]) if price.kind is OfferingKind.INSTANCE else [""]
        for zone in zones:
            offerings.append(
                Offering(
                    owner=owner,
                    id=offering_id(price.provider, price.kind, price.type, zone or price.region),
                    provider=price.provider,
                    kind=price.kind,
                    sku=price.sku,
                    type=price.type,
                    region=price.region,
                    zone=zone,
                    country=str(region["country"]),
                    vcpu=price.vcpu,
                    memory_gib=price.memory_gib,
                    gpu_count=price.gpu_count,
                    gpu_model=price.gpu_model,
                    certifications=tuple(region["certifications"]),
                    sla_reference=str(region["sla_reference"]),
                    unit_price=price.unit_price,
                    currency_code=price.currency_code,
                    unit=UNIT_FOR_KIND[price.kind],
                    unit_price_twd=twd,
                    exchange_rate_date=rate.date if rate else None,
                    source=source,
                    import_time=now,
                )
            )
    return offerings, skipped
