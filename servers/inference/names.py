"""The inference service's error domain and resource names."""

from __future__ import annotations

import re

from jipan.servers.runtime.errors import InvalidArgument

DOMAIN = "inference.jipan.tw"

_ID = r"[a-z][a-z0-9-]{0,62}"
_MODEL = re.compile(rf"^models/({_ID})$")
_VERSION = re.compile(rf"^models/({_ID})/versions/([1-9][0-9]{{0,8}})$")
_OPERATION = re.compile(r"^operations/([0-9a-f]{32})$")
_ORG = re.compile(r"^orgs/[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")


def _invalid(field: str, value: str, shape: str) -> InvalidArgument:
    return InvalidArgument(
        "NAME_INVALID",
        f"{field} must look like {shape}",
        domain=DOMAIN,
        metadata={"field": field, "value": value[:200]},
    )


def parse_model(name: str, field: str = "name") -> str:
    """ "models/{model}" → model id."""
    match = _MODEL.match(name)
    if match is None:
        raise _invalid(field, name, "models/{model}")
    return match.group(1)


def parse_version(name: str, field: str = "name") -> tuple[str, int]:
    """ "models/{model}/versions/{version}" → (model id, version number)."""
    match = _VERSION.match(name)
    if match is None:
        raise _invalid(field, name, "models/{model}/versions/{version}")
    return match.group(1), int(match.group(2))


def parse_operation(name: str, field: str = "name") -> str:
    match = _OPERATION.match(name)
    if match is None:
        raise _invalid(field, name, "operations/{operation}")
    return match.group(1)


def check_org(name: str, field: str) -> str:
    if _ORG.match(name) is None:
        raise _invalid(field, name, "orgs/{organization}")
    return name


def model_name(model_id: str) -> str:
    return f"models/{model_id}"


def version_name(model_id: str, version: int) -> str:
    return f"models/{model_id}/versions/{version}"
