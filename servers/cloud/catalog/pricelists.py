"""Loaders for the providers' own price-list formats → ListedPrice.

- AWS: the Price List Bulk API offer file (AmazonEC2): `products` keyed by
  SKU with `productFamily` and string `attributes`, and `terms.OnDemand`
  keyed by SKU then offer term, each with `priceDimensions` (`unit`,
  `pricePerUnit` by currency, `beginRange`/`endRange` tiers). Instances are
  "Compute Instance" products with Linux, shared tenancy, no
  pre-installed software and capacitystatus "Used" (the price of a running
  instance; the other statuses price unused reservations); storage is
  "Storage" (EBS volumes, per GB-month); egress is "Data Transfer" of type
  "AWS Outbound" to "External" (the first tier with a price above zero).
- Azure: pages of the retail prices API (`Items`): Virtual Machines with
  `type` "Consumption" that are neither Windows, Spot nor Low Priority,
  sized from machine_types.json by `armSkuName` (the list has no sizes);
  storage "Hot LRS Data Stored" of block blobs per GB/Month.
- GCP: pages of the Cloud Billing Catalog's services.skus.list (`skus`):
  OnDemand "Instance Core" and "Instance Ram" SKUs per machine series and
  region (`pricingInfo[0].pricingExpression.tieredRates`, `unitPrice` as
  units + nanos), combined into machine types from machine_types.json;
  "PDStandard" storage per GiBy.mo; PremiumInternetEgress per GiBy (the
  dearest destination's first paid tier: the destination is not known when
  placing).

- AWS Price List Query API (GetProducts): each `PriceList` entry is one
  offer-file product (with its `sku`) and its terms; priced by the offer
  file's own per-product code (`load_aws_price_list`).
- OpenStack: no price-list API exists; Nova's flavors joined with the
  cloud operator's price sheet (openstack_sheet.py).

AWS "GB" is taken as GiB, as AWS's own billing does. Everything a loader
does not price (other families, terms, operating systems) is counted as
skipped, not an error; a document of the wrong shape is PRICE_LIST_INVALID.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from jipan.servers.cloud.catalog.documents import invalid
from jipan.servers.cloud.catalog.documents import json_array as _list
from jipan.servers.cloud.catalog.documents import json_object as _object
from jipan.servers.cloud.catalog.documents import price_decimal as _decimal
from jipan.servers.cloud.catalog.openstack_sheet import load_openstack_price_sheet
from jipan.servers.cloud.catalog.types import ListedPrice, OfferingKind, PriceListFormat


@cache
def machine_types() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        resources.files("jipan.servers.cloud.catalog").joinpath("data/machine_types.json").read_text()
    )
    return loaded


# -- AWS offer file ------------------------------------------------------------------------------

_AWS_GIB = re.compile(r"^([0-9]+(?:\.[0-9]+)?)\s*GiB$")


def _aws_on_demand(terms: Mapping[str, Any], sku: str) -> list[Mapping[str, Any]]:
    """The on-demand price dimensions of a SKU, lowest tier first."""
    dimensions: list[Mapping[str, Any]] = []
    for term_code, term in _object(terms.get(sku, {}), f"terms.OnDemand.{sku}").items():
        term = _object(term, f"terms.OnDemand.{sku}.{term_code}")
        dimensions.extend(
            _object(term.get("priceDimensions", {}), f"terms.OnDemand.{sku}.{term_code}").values()
        )
    return sorted(dimensions, key=lambda d: _decimal(d.get("beginRange", "0"), f"{sku}.beginRange"))


def _aws_usd(dimension: Mapping[str, Any], sku: str) -> tuple[Decimal, str]:
    prices = _object(dimension.get("pricePerUnit"), f"terms.OnDemand.{sku}.pricePerUnit")
    if not prices:
        raise invalid("a price dimension has no pricePerUnit", f"terms.OnDemand.{sku}")
    currency, amount = next(iter(sorted(prices.items())))
    return _decimal(amount, f"terms.OnDemand.{sku}.pricePerUnit.{currency}"), str(currency)


def _aws_listed(
    sku: str, product: Any, terms: Mapping[str, Any], gpu_models: Mapping[str, str]
) -> ListedPrice | None:
    """One offer-file product priced by its on-demand `terms` (keyed by SKU); None: not priced."""
    product = _object(product, f"products.{sku}")
    attributes = _object(product.get("attributes", {}), f"products.{sku}.attributes")
    family = product.get("productFamily", "")
    dimensions = _aws_on_demand(terms, sku)
    if not dimensions:
        return None
    if family == "Compute Instance":
        if (
            attributes.get("operatingSystem") != "Linux"
            or attributes.get("tenancy") != "Shared"
            or attributes.get("preInstalledSw", "NA") != "NA"
            or attributes.get("capacitystatus", "Used") != "Used"
            or attributes.get("licenseModel", "No License required") != "No License required"
        ):
            return None
        instance_type = str(attributes.get("instanceType", ""))
        memory = _AWS_GIB.match(str(attributes.get("memory", "")).replace(",", ""))
        if not instance_type or memory is None or not str(attributes.get("vcpu", "")).isdigit():
            raise invalid("an instance lacks instanceType, vcpu or memory", f"products.{sku}.attributes")
        price, currency = _aws_usd(dimensions[0], sku)
        gpu = str(attributes.get("gpu", "0"))
        return ListedPrice(
            provider="aws",
            kind=OfferingKind.INSTANCE,
            sku=sku,
            type=instance_type,
            region=str(attributes.get("regionCode", "")),
            unit_price=price,
            currency_code=currency,
            vcpu=int(attributes["vcpu"]),
            memory_gib=float(memory.group(1)),
            gpu_count=int(gpu) if gpu.isdigit() else 0,
            gpu_model=gpu_models.get(instance_type.split(".", 1)[0], "") if gpu.isdigit() else "",
        )
    if family == "Storage" and attributes.get("volumeApiName"):
        price, currency = _aws_usd(dimensions[0], sku)
        return ListedPrice(
            provider="aws",
            kind=OfferingKind.STORAGE,
            sku=sku,
            type=str(attributes["volumeApiName"]),
            region=str(attributes.get("regionCode", "")),
            unit_price=price,
            currency_code=currency,
        )
    if (
        family == "Data Transfer"
        and attributes.get("transferType") == "AWS Outbound"
        and attributes.get("toLocation") == "External"
    ):
        paid = [d for d in dimensions if _aws_usd(d, sku)[0] > 0]
        if not paid:
            return None
        price, currency = _aws_usd(paid[0], sku)
        return ListedPrice(
            provider="aws",
            kind=OfferingKind.EGRESS,
            sku=sku,
            type="internet",
            region=str(attributes.get("fromRegionCode", "")),
            unit_price=price,
            currency_code=currency,
        )
    return None


def load_aws_offer_file(document: Any) -> tuple[list[ListedPrice], int]:
    document = _object(document, "$")
    products = _object(document.get("products"), "products")
    terms = _object(_object(document.get("terms"), "terms").get("OnDemand", {}), "terms.OnDemand")
    gpu_models: Mapping[str, str] = machine_types()["aws_gpu_models"]
    listed: list[ListedPrice] = []
    for sku, product in products.items():
        price = _aws_listed(str(sku), product, terms, gpu_models)
        if price is not None:
            listed.append(price)
    return listed, len(products) - len(listed)


def load_aws_price_list(entries: Iterable[Any]) -> tuple[list[ListedPrice], int]:
    """Entries of the Price List Query API's GetProducts `PriceList` (each decoded from its JSON
    string): `product` (an offer file's product, with its `sku`) and `terms` (its terms by kind,
    then by offer term): priced as the offer file's same product is."""
    gpu_models: Mapping[str, str] = machine_types()["aws_gpu_models"]
    listed: list[ListedPrice] = []
    skipped = 0
    for number, entry in enumerate(entries):
        path = f"PriceList[{number}]"
        entry = _object(entry, path)
        product = _object(entry.get("product"), f"{path}.product")
        sku = product.get("sku")
        if not isinstance(sku, str) or not sku:
            raise invalid("a price-list entry's product has no sku", f"{path}.product")
        on_demand = _object(_object(entry.get("terms", {}), f"{path}.terms").get("OnDemand", {}), path)
        price = _aws_listed(sku, product, {sku: on_demand}, gpu_models)
        if price is None:
            skipped += 1
        else:
            listed.append(price)
    return listed, skipped


# -- Azure retail prices -------------------------------------------------------------------------


def _azure_pages(document: Any) -> Iterable[Mapping[str, Any]]:
    pages = document if isinstance(document, list) else [document]
    for index, page in enumerate(pages):
        page = _object(page, f"$[{index}]")
        for number, item in enumerate(_list(page.get("Items"), f"$[{index}].Items")):
            yield _object(item, f"$[{index}].Items[{number}]")


def load_azure_retail_prices(document: Any) -> tuple[list[ListedPrice], int]:
    sizes: Mapping[str, Mapping[str, Any]] = machine_types()["azure"]
    listed: list[ListedPrice] = []
    skipped = 0
    for item in _azure_pages(document):
        if item.get("type") != "Consumption":
            skipped += 1
            continue
        service = item.get("serviceName")
        sku_name = str(item.get("skuName", ""))
        product = str(item.get("productName", ""))
        price = _decimal(item.get("retailPrice"), f"Items.{item.get('skuId')}.retailPrice")
        currency = str(item.get("currencyCode", ""))
        region = str(item.get("armRegionName", ""))
        if service == "Virtual Machines" and item.get("unitOfMeasure") == "1 Hour":
            size = sizes.get(str(item.get("armSkuName", "")))
            if "Windows" in product or "Spot" in sku_name or "Low Priority" in sku_name or size is None:
                skipped += 1
                continue
            listed.append(
                ListedPrice(
                    provider="azure",
                    kind=OfferingKind.INSTANCE,
                    sku=str(item.get("skuId", "")),
                    type=str(item["armSkuName"]),
                    region=region,
                    unit_price=price,
                    currency_code=currency,
                    vcpu=int(size["vcpu"]),
                    memory_gib=float(size["memory_gib"]),
                    gpu_count=int(size["gpu_count"]),
                    gpu_model=str(size["gpu_model"]),
                )
            )
        elif (
            service == "Storage"
            and item.get("meterName") == "Hot LRS Data Stored"
            and item.get("unitOfMeasure") == "1 GB/Month"
            and float(item.get("tierMinimumUnits", 0)) == 0
        ):
            listed.append(
                ListedPrice(
                    provider="azure",
                    kind=OfferingKind.STORAGE,
                    sku=str(item.get("skuId", "")),
                    type="hot-lrs",
                    region=region,
                    unit_price=price,
                    currency_code=currency,
                )
            )
        else:
            skipped += 1
    return listed, skipped


# -- GCP Cloud Billing Catalog -------------------------------------------------------------------

_GCP_COMPONENT = re.compile(r"^([A-Z0-9]+) Instance (Core|Ram) running in ")


def _gcp_money(rate: Mapping[str, Any], path: str) -> tuple[Decimal, str]:
    price = _object(rate.get("unitPrice"), f"{path}.unitPrice")
    units = _decimal(price.get("units", "0"), f"{path}.unitPrice.units")
    nanos = _decimal(price.get("nanos", 0), f"{path}.unitPrice.nanos")
    return units + nanos / Decimal(1_000_000_000), str(price.get("currencyCode", ""))


def _gcp_rates(sku: Mapping[str, Any], path: str) -> tuple[str, list[tuple[Decimal, str]]]:
    infos = _list(sku.get("pricingInfo"), f"{path}.pricingInfo")
    if not infos:
        raise invalid("a SKU has no pricingInfo", path)
    expression = _object(
        _object(infos[0], f"{path}.pricingInfo[0]").get("pricingExpression"), f"{path}.pricingExpression"
    )
    rates = _list(expression.get("tieredRates"), f"{path}.pricingExpression.tieredRates")
    return str(expression.get("usageUnit", "")), [
        _gcp_money(_object(rate, f"{path}.tieredRates[{n}]"), f"{path}.tieredRates[{n}]")
        for n, rate in enumerate(rates)
    ]


def load_gcp_sku_list(document: Any) -> tuple[list[ListedPrice], int]:
    pages = document if isinstance(document, list) else [document]
    machines: Mapping[str, Mapping[str, Any]] = machine_types()["gcp"]
    components: dict[tuple[str, str, str], tuple[Decimal, str, str]] = {}  # (series, part, region) → price
    listed: list[ListedPrice] = []
    skipped = 0
    for index, page in enumerate(pages):
        for number, sku in enumerate(_list(_object(page, f"$[{index}]").get("skus"), f"$[{index}].skus")):
            path = f"skus[{number}]"
            sku = _object(sku, path)
            category = _object(sku.get("category", {}), f"{path}.category")
            regions = [str(r) for r in _list(sku.get("serviceRegions", []), f"{path}.serviceRegions")]
            if category.get("usageType") != "OnDemand" or len(regions) != 1:
                skipped += 1
                continue
            unit, rates = _gcp_rates(sku, path)
            description = str(sku.get("description", ""))
            component = _GCP_COMPONENT.match(description)
            group = category.get("resourceGroup")
            if category.get("resourceFamily") == "Compute" and component and group in ("CPU", "RAM"):
                want = "h" if group == "CPU" else "GiBy.h"
                if unit != want or not rates:
                    raise invalid(f"a {group} SKU is not priced per {want}", path)
                components[(component.group(1), group, regions[0])] = (*rates[0], str(sku.get("skuId", "")))
            elif category.get("resourceFamily") == "Storage" and group == "PDStandard" and unit == "GiBy.mo":
                price, currency = rates[0]
                listed.append(
                    ListedPrice(
                        "gcp",
                        OfferingKind.STORAGE,
                        str(sku.get("skuId", "")),
                        "pd-standard",
                        regions[0],
                        price,
                        currency,
                    )
                )
            elif (
                category.get("resourceFamily") == "Network"
                and group == "PremiumInternetEgress"
                and unit == "GiBy"
            ):
                paid = [rate for rate in rates if rate[0] > 0]
                if not paid:
                    skipped += 1
                    continue
                price, currency = paid[0]
                listed.append(
                    ListedPrice(
                        "gcp",
                        OfferingKind.EGRESS,
                        str(sku.get("skuId", "")),
                        "internet",
                        regions[0],
                        price,
                        currency,
                    )
                )
            else:
                skipped += 1
    # A machine type exists in a region when both its series' core and RAM are priced there.
    regions_seen = {region for (_, _, region) in components}
    for machine, spec in sorted(machines.items()):
        for region in sorted(regions_seen):
            core = components.get((spec["series"], "CPU", region))
            ram = components.get((spec["series"], "RAM", region))
            if core is None or ram is None or core[1] != ram[1]:
                continue
            hourly = core[0] * int(spec["vcpu"]) + ram[0] * Decimal(str(spec["memory_gib"]))
            listed.append(
                ListedPrice(
                    provider="gcp",
                    kind=OfferingKind.INSTANCE,
                    sku=f"{core[2]}+{ram[2]}",
                    type=machine,
                    region=region,
                    unit_price=hourly,
                    currency_code=core[1],
                    vcpu=int(spec["vcpu"]),
                    memory_gib=float(spec["memory_gib"]),
                )
            )
    return listed, skipped


LOADERS = {
    PriceListFormat.AWS_OFFER_FILE: load_aws_offer_file,
    PriceListFormat.AZURE_RETAIL_PRICES: load_azure_retail_prices,
    PriceListFormat.GCP_SKU_LIST: load_gcp_sku_list,
}


# The loader for each provider's price-list API entries (CatalogService.FetchOfferings), and the
# format its entries are of, which the offerings record as their source.
ENTRY_LOADERS = {"aws": (load_aws_price_list, PriceListFormat.AWS_OFFER_FILE)}


def load_entries(provider: str, entries: list[Mapping[str, Any]]) -> tuple[list[ListedPrice], int]:
    """The prices of entries fetched from `provider`'s price-list API."""
    loader, _ = ENTRY_LOADERS[provider]
    try:
        return loader(entries)
    except (AttributeError, TypeError, KeyError, ValueError, IndexError) as exc:
        raise invalid(f"a value has the wrong type ({type(exc).__name__})") from None


def _json(content: bytes, what: str) -> Any:
    try:
        return json.loads(content)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise invalid(f"{what} is not JSON: {exc}"[:200]) from None


def load(format: PriceListFormat, content: bytes, flavors: bytes = b"") -> tuple[list[ListedPrice], int]:
    """The prices of `content` (and, for an OpenStack price sheet, of Nova's `flavors`)."""
    openstack = format is PriceListFormat.OPENSTACK_PRICE_SHEET
    if openstack != bool(flavors):
        raise invalid(
            "flavors (Nova's GET /v2.1/flavors/detail) is required with an OpenStack price sheet"
            " and only with one",
            "flavors",
        )
    document = _json(content, "the price list")
    try:
        if openstack:
            return load_openstack_price_sheet(document, _json(flavors, "flavors"))
        return LOADERS[format](document)
    except (AttributeError, TypeError, KeyError, ValueError, IndexError) as exc:
        # JSON of the right outline with a value of the wrong type somewhere the
        # checks above do not look: still the caller's document, not our fault.
        raise invalid(f"a value has the wrong type ({type(exc).__name__})") from None
