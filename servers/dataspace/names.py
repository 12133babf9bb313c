"""The dataspace service's error domain and resource names."""

from __future__ import annotations

import re
import uuid

from jipan.servers.runtime.errors import InvalidArgument

DOMAIN = "dataspace.jipan.tw"

_ORG = r"orgs/[A-Za-z0-9][A-Za-z0-9._:-]{0,99}"
_ID = r"[a-z][a-z0-9-]{0,62}"
_DATASET = re.compile(rf"^({_ORG})/datasets/({_ID})$")
_ORG_ONLY = re.compile(rf"^{_ORG}$")
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_NEGOTIATION = re.compile(rf"^negotiations/({_UUID})$")
_AGREEMENT = re.compile(rf"^agreements/({_UUID})$")
_TRANSFER = re.compile(rf"^transfers/({_UUID})$")


def _invalid(field: str, value: str, shape: str) -> InvalidArgument:
    return InvalidArgument(
        "NAME_INVALID",
        f"{field} must look like {shape}",
        domain=DOMAIN,
        metadata={"field": field, "value": value[:200]},
    )


def parse_dataset(name: str, field: str = "name") -> tuple[str, str]:
    """ "orgs/{org}/datasets/{dataset}" → ("orgs/{org}", dataset id)."""
    match = _DATASET.match(name)
    if match is None:
        raise _invalid(field, name, "orgs/{organization}/datasets/{dataset}")
    return match.group(1), match.group(2)


def check_org(name: str, field: str) -> str:
    if _ORG_ONLY.match(name) is None:
        raise _invalid(field, name, "orgs/{organization}")
    return name


def parse_negotiation(name: str, field: str = "name") -> uuid.UUID:
    match = _NEGOTIATION.match(name)
    if match is None:
        raise _invalid(field, name, "negotiations/{negotiation} (a lowercase UUID)")
    return uuid.UUID(match.group(1))


def parse_agreement(name: str, field: str = "name") -> uuid.UUID:
    match = _AGREEMENT.match(name)
    if match is None:
        raise _invalid(field, name, "agreements/{agreement} (a lowercase UUID)")
    return uuid.UUID(match.group(1))


def dataset_name(publisher: str, dataset_id: str) -> str:
    return f"{publisher}/datasets/{dataset_id}"


def negotiation_name(negotiation_id: uuid.UUID) -> str:
    return f"negotiations/{negotiation_id}"


def agreement_name(agreement_id: uuid.UUID) -> str:
    return f"agreements/{agreement_id}"


def parse_transfer(name: str, field: str = "name") -> uuid.UUID:
    match = _TRANSFER.match(name)
    if match is None:
        raise _invalid(field, name, "transfers/{transfer} (a lowercase UUID)")
    return uuid.UUID(match.group(1))


def transfer_name(transfer_id: uuid.UUID) -> str:
    return f"transfers/{transfer_id}"
