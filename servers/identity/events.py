"""Reading security events: a person their own, an organisation's admins their members'.

Each event has a digest (`event_digest`) over its canonical form, the same
fields a reader sees, so that once anchored on the ledger (anchoring.py)
anyone holding the event can check it was not altered afterwards.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import asyncpg

from jipan.servers.identity.errors import denied
from jipan.servers.identity.organizations import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    Organizations,
    Page,
    org_id_of,
    person_name,
)
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size


async def record_event(
    conn: Any,
    kind: str,
    person_id: uuid.UUID | None,
    reason: str = "",
    detail: Mapping[str, Any] | None = None,
) -> None:
    """Append one security event (inside the caller's transaction)."""
    await conn.execute(
        "INSERT INTO identity.security_events (person_id, kind, reason, detail) VALUES ($1, $2, $3, $4)",
        person_id,
        kind,
        reason,
        dict(detail or {}),
    )


@dataclass(frozen=True, slots=True)
class SecurityEventRecord:
    id: int
    person_id: uuid.UUID
    kind: str
    reason: str
    details: dict[str, str]
    create_time: datetime
    anchor_receipt: str = ""

    @property
    def name(self) -> str:
        return f"{person_name(self.person_id)}/securityEvents/{self.id}"

    @property
    def digest(self) -> bytes:
        return event_digest(self)


def canonical_event(record: SecurityEventRecord) -> bytes:
    """The bytes an event's digest is taken over (documented on SecurityEvent.digest)."""
    # Events of no known person (a failed sign-in with an unknown credential) are never listed.
    name = record.name if record.person_id is not None else f"securityEvents/{record.id}"
    document = {
        "create_time": record.create_time.astimezone(UTC).isoformat(timespec="microseconds"),
        "details": record.details,
        "kind": record.kind,
        "name": name,
        "reason": record.reason,
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def event_digest(record: SecurityEventRecord) -> bytes:
    return hashlib.sha256(canonical_event(record)).digest()


def event_from_row(row: Any) -> SecurityEventRecord:
    detail = row["detail"] or {}
    return SecurityEventRecord(
        int(row["id"]),
        row["person_id"],
        row["kind"],
        row["reason"],
        {str(k): str(v) for k, v in detail.items()},
        row["create_time"],
        row["anchor_receipt"] or "",
    )


class SecurityEvents:
    def __init__(self, pool: asyncpg.Pool, organizations: Organizations, page_tokens: PageTokens) -> None:
        self._pool = pool
        self._organizations = organizations
        self._page_tokens = page_tokens

    async def list(
        self, subject: str, parent: str, page_size: int, page_token: str
    ) -> Page[SecurityEventRecord]:
        caller = await self._organizations.caller(subject)
        size = resolve_page_size(page_size, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
        fingerprint = query_fingerprint("ListSecurityEvents", parent=parent)
        before = 2**62
        if page_token:
            before = int(self._page_tokens.decode(page_token, fingerprint).get("before", 0))
        if parent.startswith("people/"):
            if parent != person_name(caller):
                raise denied("NOT_THE_CALLER", "a person reads only their own security events", parent=parent)
            rows = await self._pool.fetch(
                "SELECT * FROM identity.security_events WHERE person_id = $1 AND id < $2"
                " ORDER BY id DESC LIMIT $3",
                caller,
                before,
                size + 1,
            )
        else:
            org_id = org_id_of(parent)
            await self._organizations.require_admin(caller, org_id)
            rows = await self._pool.fetch(
                "SELECT e.* FROM identity.security_events e"
                " JOIN identity.memberships m ON m.person_id = e.person_id AND m.org_id = $1"
                " WHERE e.id < $2 ORDER BY e.id DESC LIMIT $3",
                org_id,
                before,
                size + 1,
            )
        items = [event_from_row(row) for row in rows[:size]]
        token = self._page_tokens.encode(fingerprint, {"before": items[-1].id}) if len(rows) > size else ""
        return Page(items, token)
