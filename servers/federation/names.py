"""The federation service's error domain and resource names."""

from __future__ import annotations

import re

from jipan.servers.runtime.errors import InvalidArgument

DOMAIN = "federation.jipan.tw"

_ORG = r"orgs/([A-Za-z0-9][A-Za-z0-9._:-]{0,99})"
_ID = r"[a-z][a-z0-9-]{0,62}"
_PEER = re.compile(rf"^{_ORG}/peers/({_ID})$")
_APPROVAL = re.compile(rf"^{_ORG}/peers/({_ID})/approvals/({_ID})$")
_LOG_ENTRY = re.compile(rf"^{_ORG}/peers/({_ID})/logEntries/([1-9][0-9]{{0,17}})$")


def _invalid(field: str, value: str, shape: str) -> InvalidArgument:
    return InvalidArgument(
        "NAME_INVALID",
        f"{field} must look like {shape}",
        domain=DOMAIN,
        metadata={"field": field, "value": value[:200]},
    )


def parse_peer(name: str, field: str = "name") -> tuple[str, str]:
    """ "orgs/{org}/peers/{peer}" → (org id, peer id)."""
    match = _PEER.match(name)
    if match is None:
        raise _invalid(field, name, "orgs/{organization}/peers/{peer}")
    return match.group(1), match.group(2)


def parse_approval(name: str, field: str = "name") -> tuple[str, str, str]:
    """ "orgs/{org}/peers/{peer}/approvals/{approval}" → (org id, peer id, approval id)."""
    match = _APPROVAL.match(name)
    if match is None:
        raise _invalid(field, name, "orgs/{organization}/peers/{peer}/approvals/{approval}")
    return match.group(1), match.group(2), match.group(3)


def parse_log_entry(name: str, field: str = "name") -> tuple[str, str, int]:
    """ "orgs/{org}/peers/{peer}/logEntries/{sequence}" → (org id, peer id, sequence)."""
    match = _LOG_ENTRY.match(name)
    if match is None:
        raise _invalid(field, name, "orgs/{organization}/peers/{peer}/logEntries/{sequence}")
    return match.group(1), match.group(2), int(match.group(3))


def peer_name(org_id: str, peer_id: str) -> str:
    return f"orgs/{org_id}/peers/{peer_id}"


def approval_name(org_id: str, peer_id: str, approval_id: str) -> str:
    return f"{peer_name(org_id, peer_id)}/approvals/{approval_id}"


def log_entry_name(org_id: str, peer_id: str, sequence: int) -> str:
    return f"{peer_name(org_id, peer_id)}/logEntries/{sequence}"
