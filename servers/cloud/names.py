"""The cloud service's error domain and resource names."""

from __future__ import annotations

import re

from jipan.interceptors.context import Principal
from jipan.servers.runtime.errors import InvalidArgument, PermissionDenied

DOMAIN = "cloud.jipan.tw"

_ORG = r"orgs/[A-Za-z0-9][A-Za-z0-9._:-]{0,99}"
_ID = r"[a-z][a-z0-9-]{0,62}"
_PARENT = re.compile(rf"^({_ORG})$")
_ACCOUNT = re.compile(rf"^({_ORG})/accounts/({_ID})$")
_OFFERING = re.compile(rf"^({_ORG})/offerings/([a-z0-9][a-z0-9.-]{{0,200}})$")
_PLACEMENT = re.compile(rf"^({_ORG})/placements/([0-9a-f-]{{36}})$")
_PROVIDER = re.compile(r"^providers/([a-z0-9-]{1,40})$")


def _invalid(field: str, value: str, shape: str) -> InvalidArgument:
    return InvalidArgument(
        "NAME_INVALID",
        f"{field} must look like {shape}",
        domain=DOMAIN,
        metadata={"field": field, "value": value[:200]},
    )


def org_of(principal: Principal) -> str:
    """The caller's organisation; accounts, offerings and placements belong to one."""
    if not principal.org:
        raise PermissionDenied(
            "ORGANIZATION_MISMATCH",
            "the token names no organisation (`org`); cloud resources belong to organisations",
            domain=DOMAIN,
        )
    return principal.org


def parse_parent(name: str, field: str = "parent") -> str:
    if _PARENT.match(name) is None:
        raise _invalid(field, name, "orgs/{organization}")
    return name


def parse_account(name: str, field: str = "name") -> tuple[str, str]:
    match = _ACCOUNT.match(name)
    if match is None:
        raise _invalid(field, name, "orgs/{organization}/accounts/{account}")
    return match.group(1), match.group(2)


def parse_offering(name: str, field: str = "name") -> tuple[str, str]:
    match = _OFFERING.match(name)
    if match is None:
        raise _invalid(field, name, "orgs/{organization}/offerings/{offering}")
    return match.group(1), match.group(2)


def parse_placement(name: str, field: str = "name") -> tuple[str, str]:
    match = _PLACEMENT.match(name)
    if match is None:
        raise _invalid(field, name, "orgs/{organization}/placements/{placement}")
    return match.group(1), match.group(2)


def parse_provider(name: str, field: str = "provider") -> str:
    match = _PROVIDER.match(name)
    if match is None:
        raise _invalid(field, name, "providers/{provider}")
    return match.group(1)


def account_name(owner: str, account_id: str) -> str:
    return f"{owner}/accounts/{account_id}"


def offering_name(owner: str, offering_id: str) -> str:
    return f"{owner}/offerings/{offering_id}"


def placement_name(owner: str, placement_id: str) -> str:
    return f"{owner}/placements/{placement_id}"


def provider_name(provider_id: str) -> str:
    return f"providers/{provider_id}"


_COST_IMPORT = re.compile(rf"^({_ORG})/costImports/([0-9a-f-]{{36}})$")
_BUDGET = re.compile(rf"^({_ORG})/budgets/([0-9a-f-]{{36}})$")


def cost_import_name(owner: str, import_id: str) -> str:
    return f"{owner}/costImports/{import_id}"


def budget_name(owner: str, budget_id: str) -> str:
    return f"{owner}/budgets/{budget_id}"


def notification_name(owner: str, notification_id: str) -> str:
    return f"{owner}/notifications/{notification_id}"
