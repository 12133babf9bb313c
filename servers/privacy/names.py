"""The privacy service's error domain and resource names."""

from __future__ import annotations

import re

from jipan.servers.runtime.errors import InvalidArgument
from jipan.servers.runtime.key_wrapping import KeyErrors

DOMAIN = "privacy.jipan.tw"
# A pseudonym key that does not open, or a KEK out of reach, is the privacy service's error.
KEY_ERRORS = KeyErrors(domain=DOMAIN, tampered_reason="KEY_TAMPERED", unavailable_reason="KEY_UNAVAILABLE")

_ORG = r"orgs/[A-Za-z0-9][A-Za-z0-9._:-]{0,99}"
_ID = r"[a-z][a-z0-9-]{0,62}"
_DATASET = re.compile(rf"^({_ORG})/datasets/({_ID})$")
_OPERATION = re.compile(rf"^({_ORG})/operations/([0-9a-f]{{32}})$")


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


def dataset_name(owner: str, dataset_id: str) -> str:
    return f"{owner}/datasets/{dataset_id}"


def release_name(owner: str, dataset_id: str, sequence: int) -> str:
    return f"{owner}/datasets/{dataset_id}/releases/{sequence}"


def parse_operation(name: str, field: str = "name") -> tuple[str, str]:
    """ "orgs/{org}/operations/{id}" → ("orgs/{org}", id as 32 hex digits)."""
    match = _OPERATION.match(name)
    if match is None:
        raise _invalid(field, name, "orgs/{organization}/operations/{operation}")
    return match.group(1), match.group(2)


def operation_name(owner: str, op_id: str) -> str:
    return f"{owner}/operations/{op_id}"
