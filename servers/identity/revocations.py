"""identity's revocation feed: revoked access tokens, consents and sign-in sessions.

Access tokens are verified locally by every server, so revoking one means
telling every server. Identity appends each revocation to
`identity.revocations` in the transaction that revokes (RevokeConsent, a
refresh-token family's revocation, RevokeAccessToken); every server's
`RevocationList` (jipan.interceptors.revocation) polls the table past the
highest sequence it has seen, through ListRevocations or, in the process
that runs identity, straight from here.

Ordering: a row's `sequence` is drawn while holding a transaction-level
advisory lock, released at commit, so rows commit in sequence order and a
poller can never see sequence n+1 before n has committed (which plain
identity columns would allow, and a poller past n+1 would then miss n
forever). Revocations are rare; serialising them costs nothing.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import jwt
import structlog

from jipan.interceptors.context import Principal
from jipan.interceptors.revocation import (
    Revocation,
    RevocationKind,
    RevocationSource,
    TokenDigests,
    revocation_digest,
)
from jipan.interceptors.tokens import AccessTokenVerifier, KeySet
from jipan.servers.identity.events import record_event
from jipan.servers.identity.organizations import Page
from jipan.servers.runtime.errors import Unauthenticated
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size
from jipan.servers.runtime.settings import Settings

log = structlog.get_logger(__name__)

DEFAULT_PAGE_SIZE = 500
MAX_PAGE_SIZE = 1000
MAX_TOKEN_LIFETIME = timedelta(hours=1)
"""The longest any access token lives: access_token_ttl_s and consent_token_ttl_s are at most 3600."""
EXPIRY_MARGIN = timedelta(minutes=1)
"""Added to a row's expire_time: tokens' `exp` comes from the issuing replica's clock, not the database's."""
KEEP_EXPIRED = timedelta(days=1)
"""How long an expired row stays in the table (a verifier drops it after expiry plus its skew, ≤ 300 s)."""
_LOCK_KEY = int.from_bytes(hashlib.sha256(b"jipan.identity.revocations").digest()[:8], "big", signed=True)


async def record_revocation(conn: Any, kind: RevocationKind, value: str, expire_time: datetime) -> None:
    """Append a revocation of the claim `value` to the feed, in the caller's transaction."""
    if not conn.is_in_transaction():
        # The advisory lock is what orders the feed; outside a transaction it
        # would be released before the insert commits.
        raise RuntimeError("record_revocation must run inside a transaction")
    await conn.execute("SELECT pg_advisory_xact_lock($1)", _LOCK_KEY)
    await conn.execute(
        "INSERT INTO identity.revocations (kind, digest, expire_time) VALUES ($1, $2, $3)"
        " ON CONFLICT (kind, digest) DO UPDATE SET expire_time = GREATEST("
        " identity.revocations.expire_time, EXCLUDED.expire_time)",
        kind.value,
        revocation_digest(value),
        expire_time + EXPIRY_MARGIN,
    )
    await conn.execute(
        "DELETE FROM identity.revocations WHERE expire_time < now() - $1::interval", KEEP_EXPIRED
    )


def longest_token_expiry(not_after: datetime | None = None) -> datetime:
    """When every token issued until now has expired (capped at `not_after`)."""
    latest = datetime.now(UTC) + MAX_TOKEN_LIFETIME
    return latest if not_after is None else min(latest, not_after)


def _revocation(row: Any) -> Revocation:
    return Revocation(
        int(row["sequence"]),
        RevocationKind(row["kind"]),
        bytes(row["digest"]),
        row["expire_time"].timestamp(),
    )


def feed_source(pool: asyncpg.Pool) -> RevocationSource:
    """The feed after a sequence, read from the table: the source of the process running identity."""

    async def since(after_sequence: int) -> list[Revocation]:
        rows = await pool.fetch(
            "SELECT sequence, kind, digest, expire_time FROM identity.revocations"
            " WHERE sequence > $1 ORDER BY sequence",
            after_sequence,
        )
        return [_revocation(row) for row in rows]

    return since


@dataclass(frozen=True, slots=True)
class RevokedAccessToken:
    principal: Principal | None
    """The revoked token's principal; None when it did not verify (and nothing was revoked)."""


class RevocationFeed:
    """Reads the feed, revokes single access tokens, and answers 'is this token revoked?'."""

    def __init__(
        self,
        pool: asyncpg.Pool,
        settings: Settings,
        key_set: KeySet,
        page_tokens: PageTokens,
        on_revoked: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        self._on_revoked = on_revoked
        self._pool = pool
        self._settings = settings
        self._key_set = key_set
        self._page_tokens = page_tokens

    async def list(self, after_sequence: int, page_size: int, page_token: str) -> Page[Revocation]:
        size = resolve_page_size(page_size, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
        fingerprint = query_fingerprint("ListRevocations", after_sequence=after_sequence)
        after = after_sequence
        if page_token:
            after = int(self._page_tokens.decode(page_token, fingerprint).get("after", after_sequence))
        rows = await self._pool.fetch(
            "SELECT sequence, kind, digest, expire_time FROM identity.revocations"
            " WHERE sequence > $1 ORDER BY sequence LIMIT $2",
            after,
            size + 1,
        )
        items = [_revocation(row) for row in rows[:size]]
        token = ""
        if len(rows) > size:
            token = self._page_tokens.encode(fingerprint, {"after": items[-1].sequence})
        return Page(items, token)

    async def revoke_access_token(self, token: str) -> RevokedAccessToken:
        """RFC 7009: revoke `token` if it is a valid identity token; otherwise do nothing."""
        principal = await verify_any_audience(token, self._key_set, self._settings)
        if principal is None:
            return RevokedAccessToken(None)
        async with self._pool.acquire() as conn, conn.transaction():
            await record_revocation(
                conn, RevocationKind.ACCESS_TOKEN, principal.token_id, principal.expires_at
            )
            person = _PERSON.fullmatch(principal.subject)
            await record_event(
                conn,
                "access_token_revoked",
                None if person is None else uuid.UUID(hex=person["person"]),
                detail={"jti": principal.token_id, "subject": principal.subject},
            )
        log.info("access token revoked", subject=principal.subject, jti=principal.token_id)
        if self._on_revoked is not None:
            await self._on_revoked()
        return RevokedAccessToken(principal)

    async def revoked(self, principal: Principal) -> bool:
        """Whether the feed holds the token, its consent or its session (identity's own, immediate view)."""
        digests = TokenDigests.of_claims(principal.claims)
        found: bool = await self._pool.fetchval(
            "SELECT EXISTS (SELECT 1 FROM identity.revocations WHERE"
            " (kind = 'access_token' AND digest = $1) OR (kind = 'consent' AND digest = $2)"
            " OR (kind = 'session' AND digest = $3))",
            digests.token,
            digests.consent,
            digests.session,
        )
        return found


_PERSON = re.compile(r"people/(?P<person>[0-9a-f]{32})")
_CONSENT_ID = re.compile(r"^people/[0-9a-f]{32}/consents/(?P<consent>[0-9a-f]{32})$")


def consent_id(name: str) -> uuid.UUID | None:
    match = _CONSENT_ID.match(name)
    return None if match is None else uuid.UUID(hex=match["consent"])


async def verify_any_audience(token: str, key_set: KeySet, settings: Settings) -> Principal | None:
    """The principal of a valid identity token meant for any server of the mesh; None when invalid.

    The audience is taken from the token itself: identity answers for tokens
    of every audience (introspection, revocation), and checks everything else
    (signature by a published key, issuer, time, required claims).
    """
    try:
        audience = jwt.decode(token, options={"verify_signature": False}).get("aud")
    except jwt.PyJWTError:
        return None
    if isinstance(audience, list):
        audience = audience[0] if audience else None
    if not isinstance(audience, str):
        return None
    verifier = AccessTokenVerifier(
        key_set,
        issuer=settings.token_issuer,
        audience=audience,
        clock_skew_s=settings.token_clock_skew_s,
        cache_size=1,
    )
    try:
        return await verifier.verify(token)
    except Unauthenticated:
        return None
