"""Consents (分層分群授權): a person's scoped, categorised, expiring grant to an app.

The app is a service account. It obtains access tokens for the person under
the consent (`consent` claim) from identity, which checks the consent at
every issuance; tokens live at most `consent_token_ttl_s`, and never past the
consent's expiry. A revocation stops new tokens at once and enters the
revocation feed (revocations.py) in the same transaction, so the tokens
already out are refused on every server within its revocation refresh
interval plus one fetch, without servers asking identity on each call. If a
server cannot reach the feed, consent_token_ttl_s (plus skew) is the backstop.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from jipan.interceptors.revocation import RevocationKind
from jipan.interceptors.tokens import mint_access_token
from jipan.servers.identity.errors import denied, invalid, not_found
from jipan.servers.identity.events import record_event
from jipan.servers.identity.keys import SigningKeyRing
from jipan.servers.identity.organizations import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    Organizations,
    Page,
    person_name,
)
from jipan.servers.identity.revocations import longest_token_expiry, record_revocation
from jipan.servers.runtime.errors import FieldViolation, InvalidArgument
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size
from jipan.servers.runtime.settings import Settings

MAX_CONSENT_DAYS = 366
_NAME = re.compile(r"^people/(?P<person>[0-9a-f]{32})/consents/(?P<consent>[0-9a-f]{32})$")
_WORD = re.compile(r"^[a-z][a-z0-9._:-]{0,63}$")


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    id: uuid.UUID
    person_id: uuid.UUID
    client_id: str
    scopes: tuple[str, ...]
    categories: tuple[str, ...]
    expire_time: datetime
    create_time: datetime
    revoke_time: datetime | None

    @property
    def name(self) -> str:
        return f"{person_name(self.person_id)}/consents/{self.id.hex}"

    def state(self, now: datetime) -> str:
        if self.revoke_time is not None:
            return "revoked"
        return "expired" if self.expire_time <= now else "active"


def _consent(row: Any) -> ConsentRecord:
    return ConsentRecord(
        row["id"],
        row["person_id"],
        row["client_id"],
        tuple(row["scopes"]),
        tuple(row["categories"]),
        row["expire_time"],
        row["create_time"],
        row["revoke_time"],
    )


def _words(values: Sequence[str], field: str, *, required: bool) -> list[str]:
    unique = list(dict.fromkeys(values))
    if (required and not unique) or any(not _WORD.match(v) for v in unique):
        raise InvalidArgument(
            "FIELD_INVALID",
            f"{field} must hold{' at least one' if required else ''} names like `ledger.read`",
            metadata={"field": field},
            field_violations=[FieldViolation(field, "names matching ^[a-z][a-z0-9._:-]{0,63}$")],
        )
    return unique


class Consents:
    def __init__(
        self,
        pool: asyncpg.Pool,
        settings: Settings,
        organizations: Organizations,
        keys: SigningKeyRing,
        page_tokens: PageTokens,
        on_revoked: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        self._on_revoked = on_revoked
        self._pool = pool
        self._settings = settings
        self._organizations = organizations
        self._keys = keys
        self._page_tokens = page_tokens

    async def _own(self, subject: str, parent: str) -> uuid.UUID:
        person_id = await self._organizations.caller(subject)
        if parent != person_name(person_id):
            raise denied("NOT_THE_CALLER", "a person manages only their own consents", parent=parent)
        return person_id

    async def create(
        self,
        subject: str,
        parent: str,
        client: str,
        scopes: Sequence[str],
        categories: Sequence[str],
        expire_time: datetime,
    ) -> ConsentRecord:
        person_id = await self._own(subject, parent)
        granted = _words(scopes, "consent.scopes", required=True)
        kinds = _words(categories, "consent.categories", required=False)
        now = datetime.now(UTC)
        if not now < expire_time <= now + timedelta(days=MAX_CONSENT_DAYS):
            raise invalid(
                "CONSENT_EXPIRY_INVALID", "consent.expire_time must be in the future, at most a year ahead"
            )
        client_id = client.removeprefix("services/")
        allowed = await self._pool.fetchval(
            "SELECT scopes FROM identity.service_accounts WHERE id = $1", client_id
        )
        if not client.startswith("services/") or allowed is None:
            raise not_found("SERVICE_ACCOUNT_NOT_FOUND", f"no app {client[:100]!r}", client=client[:100])
        outside = [scope for scope in granted if scope not in allowed]
        if outside:
            # An app declares (on its service account) every scope it may ever receive.
            raise denied("SCOPE_NOT_ALLOWED", f"{client} may not receive {outside[0]!r}", scope=outside[0])
        async with self._pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow(
                "INSERT INTO identity.consents (id, person_id, client_id, scopes, categories, expire_time)"
                " VALUES ($1, $2, $3, $4, $5, $6) RETURNING *",
                uuid.uuid4(),
                person_id,
                client_id,
                granted,
                kinds,
                expire_time,
            )
            record = _consent(row)
            await record_event(
                conn, "consent_granted", person_id, detail={"consent": record.name, "client": client}
            )
        return record

    async def list(self, subject: str, parent: str, page_size: int, page_token: str) -> Page[ConsentRecord]:
        size = resolve_page_size(page_size, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
        fingerprint = query_fingerprint("ListConsents", parent=parent)
        position: dict[str, Any] = {}
        if page_token:
            position = self._page_tokens.decode(page_token, fingerprint)
        before_time = datetime.fromisoformat(str(position.get("t", "9999-12-31T00:00:00+00:00")))
        before_id = uuid.UUID(hex=str(position.get("id", "f" * 32)))
        if parent.startswith("people/"):
            key: Any = await self._own(subject, parent)
            column = "person_id"
        else:
            if subject != parent:
                raise denied("NOT_THE_CALLER", "an app lists only the consents granted to it", parent=parent)
            key, column = parent.removeprefix("services/"), "client_id"
        rows = await self._pool.fetch(
            f"SELECT * FROM identity.consents WHERE {column} = $1"  # noqa: S608 (a fixed column name)
            " AND (create_time, id) < ($2, $3) ORDER BY create_time DESC, id DESC LIMIT $4",
            key,
            before_time,
            before_id,
            size + 1,
        )
        items = [_consent(row) for row in rows[:size]]
        token = ""
        if len(rows) > size:
            last = items[-1]
            token = self._page_tokens.encode(
                fingerprint, {"t": last.create_time.isoformat(), "id": last.id.hex}
            )
        return Page(items, token)

    def _parse(self, name: str) -> tuple[str, uuid.UUID]:
        match = _NAME.match(name)
        if match is None:
            raise not_found("CONSENT_NOT_FOUND", f"no consent {name[:200]!r}", name=name[:200])
        return f"people/{match['person']}", uuid.UUID(hex=match["consent"])

    async def revoke(self, subject: str, name: str) -> ConsentRecord:
        parent, consent_id = self._parse(name)
        person_id = await self._own(subject, parent)
        async with self._pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow(
                "SELECT * FROM identity.consents WHERE id = $1 AND person_id = $2 FOR UPDATE",
                consent_id,
                person_id,
            )
            if row is None:
                raise not_found("CONSENT_NOT_FOUND", f"no consent {name!r}", name=name)
            revoking = row["revoke_time"] is None
            if revoking:
                row = await conn.fetchrow(
                    "UPDATE identity.consents SET revoke_time = now() WHERE id = $1 RETURNING *", consent_id
                )
                await record_event(conn, "consent_revoked", person_id, detail={"consent": name})
            record = _consent(row)
            if revoking:
                # Tokens already issued under it (their `consent` claim is the
                # name): refused on every server once their lists catch up.
                await record_revocation(
                    conn, RevocationKind.CONSENT, record.name, longest_token_expiry(record.expire_time)
                )
        if revoking and self._on_revoked is not None:
            await self._on_revoked()
        return record

    async def issue_token(self, caller: str, name: str, scopes: Sequence[str]) -> tuple[str, datetime]:
        parent, consent_id = self._parse(name)
        row = await self._pool.fetchrow(
            "SELECT *, now() AS now FROM identity.consents WHERE id = $1 AND client_id = $2",
            consent_id,
            caller.removeprefix("services/"),
        )
        if row is None or not caller.startswith("services/") or parent != person_name(row["person_id"]):
            raise not_found("CONSENT_NOT_FOUND", f"no consent {name!r} granted to the caller", name=name)
        consent = _consent(row)
        state = consent.state(row["now"])
        if state == "revoked":
            raise denied("CONSENT_REVOKED", "the consent was revoked", name=name)
        if state == "expired":
            raise denied("CONSENT_EXPIRED", "the consent has expired", name=name)
        wanted = _words(scopes, "scopes", required=False) or list(consent.scopes)
        outside = [scope for scope in wanted if scope not in consent.scopes]
        if outside:
            raise denied("SCOPE_NOT_ALLOWED", f"the consent does not grant {outside[0]!r}", scope=outside[0])
        remaining = int((consent.expire_time - row["now"]).total_seconds())
        ttl = max(1, min(self._settings.consent_token_ttl_s, remaining))
        key = await self._keys.signing_key()
        extra: dict[str, Any] = {"client_id": caller}
        if consent.categories:
            extra["categories"] = list(consent.categories)
        token = mint_access_token(
            key,
            subject=person_name(consent.person_id),
            audience=self._settings.token_audience,
            issuer=self._settings.token_issuer,
            scopes=wanted,
            ttl_s=ttl,
            consent=consent.name,
            extra=extra,
        )
        return token, datetime.now(UTC) + timedelta(seconds=ttl)
