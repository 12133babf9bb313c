"""The factcheck service's error domain, resource names and the organisation check."""

from __future__ import annotations

import re
import uuid

from jipan.interceptors.context import Principal
from jipan.servers.runtime.errors import InvalidArgument, PermissionDenied

DOMAIN = "factcheck.jipan.tw"

_ORG = r"orgs/[A-Za-z0-9][A-Za-z0-9._:-]{0,99}"
_ID = r"[a-z0-9][a-z0-9-]{0,62}"
_PARENT = re.compile(rf"^{_ORG}$")
_FACT_CHECK = re.compile(rf"^({_ORG})/factChecks/({_ID})$")
_REVIEW_TASK = re.compile(rf"^({_ORG})/reviewTasks/({_ID})$")
_SOURCE = re.compile(rf"^({_ORG})/sources/({_ID})$")


def _invalid(field: str, value: str, shape: str) -> InvalidArgument:
    return InvalidArgument(
        "NAME_INVALID",
        f"{field} must look like {shape}",
        domain=DOMAIN,
        metadata={"field": field, "value": value[:200]},
    )


def _parse(pattern: re.Pattern[str], name: str, field: str, shape: str) -> tuple[str, str]:
    match = pattern.match(name)
    if match is None:
        raise _invalid(field, name, shape)
    return match.group(1), match.group(2)


def parse_fact_check(name: str, field: str = "name") -> tuple[str, str]:
    """ "orgs/{org}/factChecks/{id}" → ("orgs/{org}", id)."""
    return _parse(_FACT_CHECK, name, field, "orgs/{organization}/factChecks/{fact_check}")


def parse_review_task(name: str, field: str = "name") -> tuple[str, str]:
    return _parse(_REVIEW_TASK, name, field, "orgs/{organization}/reviewTasks/{review_task}")


def parse_source(name: str, field: str = "name") -> tuple[str, str]:
    return _parse(_SOURCE, name, field, "orgs/{organization}/sources/{source}")


def fact_check_name(owner: str, fact_check_id: str) -> str:
    return f"{owner}/factChecks/{fact_check_id}"


def review_task_name(owner: str, task_id: str) -> str:
    return f"{owner}/reviewTasks/{task_id}"


def source_name(owner: str, source_id: str) -> str:
    return f"{owner}/sources/{source_id}"


def new_id() -> str:
    """A server-chosen resource id: 32 hex digits (a random UUID)."""
    return uuid.uuid4().hex


def organization(principal: Principal) -> str:
    """The caller's organisation, "orgs/{id}"; ORGANIZATION_MISMATCH without one."""
    if not principal.org:
        raise PermissionDenied(
            "ORGANIZATION_MISMATCH",
            "the token names no organisation (`org`); fact-checks, review tasks and sources belong to"
            " organisations",
            domain=DOMAIN,
        )
    return principal.org


def own_parent(principal: Principal, parent: str, field: str = "parent") -> str:
    """`parent` ("orgs/{id}"), which must be the caller's organisation."""
    if _PARENT.match(parent) is None:
        raise _invalid(field, parent, "orgs/{organization}")
    owner = organization(principal)
    if parent != owner:
        raise PermissionDenied(
            "ORGANIZATION_MISMATCH",
            f"{field} must be the caller's organisation",
            domain=DOMAIN,
            metadata={"field": field, "org": owner},
        )
    return owner


def valid_publisher(value: str, field: str) -> str:
    if _PARENT.match(value) is None:
        raise _invalid(field, value, "orgs/{organization}")
    return value
