"""An OpenStack cloud's offerings: Nova's flavors joined with the operator's price sheet.

OpenStack has no price-list API: an OpenStack-based cloud (a domestic one
such as TWCC) publishes prices per flavor, in TWD, on its own pages. So an
OpenStack price list is two documents:

- `flavors`: the body of Nova's `GET /v2.1/flavors/detail` as the cloud
  answers it, unchanged — `flavors[]` with `id`, `name`, `vcpus`, `ram`
  (MiB), `disk`, `OS-FLV-DISABLED:disabled`, `os-flavor-access:is_public`
  and, from microversion 2.61, `extra_specs`. The GPUs of a flavor are read
  from its extra specs: `pci_passthrough:alias` ("v100:1[,alias:n]", a
  passthrough GPU per count, the model from the sheet's `gpu_aliases`, else
  the alias) and `resources:VGPU` (n virtual GPUs, the model from the sheet
  row's `gpu_model`).
- the price sheet (JSON, this module's format; README "OpenStack price
  sheet" shows one):

      {"format": "jipan.openstack-price-sheet/1",
       "cloud": "hsinchu-gov-cloud",            # who publishes it, [a-z0-9-]{1,40}
       "currency": "TWD",                       # ISO 4217, every price below
       "effective_date": "2025-11-01",          # the date the prices hold from
       "regions": {"tw-hsinchu-1": {"country": "TW", "zones": ["tw-hsinchu-1a"],
                                    "certifications": ["ISO_27001", "CNS_27001"],
                                    "sla_reference": "CNS 19086-3 SLA ..."}},
       "gpu_aliases": {"v100": "NVIDIA V100 32GB"},               # optional
       "instances": [{"flavor": "v.small", "region": "tw-hsinchu-1",
                      "price_per_hour": "1.90", "gpu_model": ""}],  # gpu_model optional
       "storage": [{"volume_type": "ssd", "region": "tw-hsinchu-1",
                    "price_per_gib_month": "3.20"}],                # optional
       "egress": [{"region": "tw-hsinchu-1", "price_per_gib": "1.50"}]}  # optional

  Zones are Nova's availability zone names: provisioning pins a spread
  group's servers to them (`availability_zone`). Region codes are the
  cloud's Keystone regions (where the adapter finds Nova). Prices are
  decimal strings (numbers are accepted), zero or more. The
  regions' facts are the operator's declaration (the hyperscalers' come
  from data/regions.json); certifications are the Certification enum's
  names without the prefix.

A flavor is priced by name, as the adapter boots it. Skipped (counted, not
errors): a priced flavor Nova does not list or lists as disabled, and a
listed flavor the sheet does not price. The offering's SKU is
"{cloud}/{flavor id}@{effective_date}" (a volume type's or egress's name in
place of the flavor id), so the date of the price stays on the offering.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from jipan.servers.cloud.catalog.documents import invalid, json_array, json_object, price_decimal
from jipan.servers.cloud.catalog.types import ListedPrice, OfferingKind, RegionFacts

FORMAT: Final = "jipan.openstack-price-sheet/1"
CERTIFICATIONS: Final = frozenset({"ISO_27001", "ISO_27017", "CNS_27001", "ISO_19086"})
_CLOUD = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")
_ALIAS = re.compile(r"^([A-Za-z0-9._-]+):([0-9]+)$")


def _text(value: Any, path: str, pattern: re.Pattern[str] = _NAME) -> str:
    if not isinstance(value, str) or not pattern.match(value):
        raise invalid("a required name is missing or malformed", path)
    return value


def _regions(document: Mapping[str, Any]) -> dict[str, RegionFacts]:
    regions: dict[str, RegionFacts] = {}
    for code, facts in json_object(document.get("regions"), "regions").items():
        path = f"regions.{code}"
        _text(code, path)
        facts = json_object(facts, path)
        zones = tuple(_text(z, f"{path}.zones") for z in json_array(facts.get("zones"), f"{path}.zones"))
        certifications = tuple(
            str(c) for c in json_array(facts.get("certifications", []), f"{path}.certifications")
        )
        if not zones or len(set(zones)) != len(zones):
            raise invalid("a region needs one or more distinct zones", f"{path}.zones")
        if not set(certifications) <= CERTIFICATIONS:
            raise invalid(f"certifications are among {sorted(CERTIFICATIONS)}", f"{path}.certifications")
        sla = facts.get("sla_reference", "")
        if not isinstance(sla, str) or len(sla) > 300:
            raise invalid("sla_reference is text of at most 300 characters", f"{path}.sla_reference")
        regions[code] = RegionFacts(
            country=_text(facts.get("country"), f"{path}.country", _COUNTRY),
            zones=zones,
            certifications=certifications,
            sla_reference=sla,
        )
    if not regions:
        raise invalid("the sheet declares no region", "regions")
    return regions


def _gpus(
    extra_specs: Mapping[str, Any], aliases: Mapping[str, Any], model: str, path: str
) -> tuple[int, str]:
    """(count, model) of a flavor's GPUs, from its extra specs."""
    passthrough = str(extra_specs.get("pci_passthrough:alias", "") or "")
    if passthrough:
        count, names = 0, []
        for part in passthrough.split(","):
            match = _ALIAS.match(part.strip())
            if match is None:
                raise invalid("pci_passthrough:alias is not alias:count[,alias:count]", path)
            count += int(match[2])
            names.append(str(aliases.get(match[1], match[1])))
        return count, model or " + ".join(dict.fromkeys(names))
    virtual = str(extra_specs.get("resources:VGPU", "") or "")
    if virtual:
        if not virtual.isdigit():
            raise invalid("resources:VGPU is not a count", path)
        return int(virtual), model
    return 0, ""


def _flavors(document: Any) -> dict[str, Mapping[str, Any]]:
    """Nova's enabled flavors by name."""
    listed = json_array(json_object(document, "flavors").get("flavors"), "flavors.flavors")
    by_name: dict[str, Mapping[str, Any]] = {}
    for index, flavor in enumerate(listed):
        path = f"flavors.flavors[{index}]"
        flavor = json_object(flavor, path)
        name = _text(flavor.get("name"), f"{path}.name")
        for key in ("vcpus", "ram"):
            if not isinstance(flavor.get(key), int) or flavor[key] < 0:
                raise invalid(f"a flavor's {key} is not a count", f"{path}.{key}")
        by_name[name] = flavor
    return by_name


def load_openstack_price_sheet(sheet: Any, flavors_document: Any) -> tuple[list[ListedPrice], int]:
    sheet = json_object(sheet, "$")
    if sheet.get("format") != FORMAT:
        raise invalid(f"the sheet's format is not {FORMAT!r}", "format")
    cloud = _text(sheet.get("cloud"), "cloud", _CLOUD)
    currency = _text(sheet.get("currency"), "currency", _CURRENCY)
    try:
        effective = date.fromisoformat(str(sheet.get("effective_date", ""))).isoformat()
    except ValueError:
        raise invalid("effective_date is not YYYY-MM-DD", "effective_date") from None
    regions = _regions(sheet)
    aliases = json_object(sheet.get("gpu_aliases", {}), "gpu_aliases")
    flavors = _flavors(flavors_document)
    priced: set[str] = set()
    listed: list[ListedPrice] = []
    skipped = 0

    def region_of(row: Mapping[str, Any], path: str) -> str:
        region = str(row.get("region", ""))
        if region not in regions:
            raise invalid("a row names a region the sheet does not declare", f"{path}.region")
        return region

    for index, row in enumerate(json_array(sheet.get("instances"), "instances")):
        path = f"instances[{index}]"
        row = json_object(row, path)
        name = _text(row.get("flavor"), f"{path}.flavor")
        region = region_of(row, path)
        price = price_decimal(row.get("price_per_hour"), f"{path}.price_per_hour")
        priced.add(name)
        flavor = flavors.get(name)
        if flavor is None or flavor.get("OS-FLV-DISABLED:disabled") is True:
            skipped += 1  # not (or no longer) offered by the cloud
            continue
        extra_specs = json_object(flavor.get("extra_specs") or {}, f"flavors.{name}.extra_specs")
        gpu_model = row.get("gpu_model", "")
        if not isinstance(gpu_model, str):
            raise invalid("gpu_model is text", f"{path}.gpu_model")
        gpu_count, gpu_model = _gpus(extra_specs, aliases, gpu_model, f"flavors.{name}.extra_specs")
        listed.append(
            ListedPrice(
                provider="openstack",
                kind=OfferingKind.INSTANCE,
                sku=f"{cloud}/{flavor.get('id', name)}@{effective}",
                type=name,
                region=region,
                unit_price=price,
                currency_code=currency,
                vcpu=int(flavor["vcpus"]),
                memory_gib=int(flavor["ram"]) / 1024,
                gpu_count=gpu_count,
                gpu_model=gpu_model,
                place=regions[region],
            )
        )
    skipped += len(set(flavors) - priced)  # listed by Nova, not priced by the sheet
    for index, row in enumerate(json_array(sheet.get("storage", []), "storage")):
        path = f"storage[{index}]"
        row = json_object(row, path)
        volume_type = _text(row.get("volume_type"), f"{path}.volume_type")
        region = region_of(row, path)
        listed.append(
            ListedPrice(
                provider="openstack",
                kind=OfferingKind.STORAGE,
                sku=f"{cloud}/volume-type:{volume_type}@{effective}",
                type=volume_type,
                region=region,
                unit_price=price_decimal(row.get("price_per_gib_month"), f"{path}.price_per_gib_month"),
                currency_code=currency,
                place=regions[region],
            )
        )
    for index, row in enumerate(json_array(sheet.get("egress", []), "egress")):
        path = f"egress[{index}]"
        row = json_object(row, path)
        region = region_of(row, path)
        listed.append(
            ListedPrice(
                provider="openstack",
                kind=OfferingKind.EGRESS,
                sku=f"{cloud}/egress:{region}@{effective}",
                type="internet",
                region=region,
                unit_price=price_decimal(row.get("price_per_gib"), f"{path}.price_per_gib"),
                currency_code=currency,
                place=regions[region],
            )
        )
    return listed, skipped
