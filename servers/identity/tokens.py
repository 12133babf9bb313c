"""Issuing tokens: short-lived access tokens and rotating refresh tokens.

Access tokens are RFC 9068 JWTs signed with the key ring's active key.
Refresh tokens are opaque random strings; only their SHA-256 is stored. Each
use rotates the token (the old one is marked used, a new one of the same
family returned). Presenting a used token again means it was copied: the
whole family is revoked (RFC 9700 §4.14.2) and a security event recorded, so
both the thief and the victim must sign in again with a passkey.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from jipan.interceptors.context import Principal
from jipan.interceptors.revocation import RevocationKind
from jipan.interceptors.tokens import AccessTokenVerifier, KeySet, mint_access_token
from jipan.servers.identity.errors import ceremony_failed, denied, invalid
from jipan.servers.identity.events import record_event
from jipan.servers.identity.keys import SigningKeyRing
from jipan.servers.identity.organizations import Organizations, org_id_of
from jipan.servers.identity.revocations import (
    RevocationFeed,
    consent_id,
    longest_token_expiry,
    record_revocation,
    verify_any_audience,
)
from jipan.servers.runtime.errors import Unauthenticated
from jipan.servers.runtime.settings import Settings

BASE_SCOPE = "openid"


@dataclass(frozen=True, slots=True)
class IssuedTokens:
    access_token: str
    expire_time: datetime
    refresh_token: str
    refresh_expire_time: datetime


@dataclass(frozen=True, slots=True)
class NewSession:
    """A sign-in's tokens before its refresh-token family is stored."""

    family_id: uuid.UUID
    org_id: str | None
    scopes: tuple[str, ...]
    access_token: str
    expire_time: datetime
    refresh_token: str
    refresh_ttl: timedelta

    @property
    def refresh_token_hash(self) -> bytes:
        return _hash(self.refresh_token)

    def issued(self, refresh_expire_time: datetime) -> IssuedTokens:
        return IssuedTokens(self.access_token, self.expire_time, self.refresh_token, refresh_expire_time)


_REFRESH_ROW_SQL = (
    "SELECT t.family_id, t.person_id, t.org_id, t.scopes, t.use_time,"
    " t.expire_time <= now() AS expired, f.revoke_time FROM identity.refresh_tokens t"
    " JOIN identity.refresh_token_families f USING (family_id)"
    " WHERE t.token_hash = $1"
)


def _unused(row: Any) -> bool:
    """A refresh token that may still be rotated (its family's revocation aside)."""
    return row["use_time"] is None and not row["expired"]


def _hash(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


def _new_refresh_token() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode("ascii")


class TokenIssuer:
    def __init__(
        self,
        pool: asyncpg.Pool,
        settings: Settings,
        organizations: Organizations,
        keys: SigningKeyRing,
        verifier: AccessTokenVerifier,
        on_revoked: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        self._verifier = verifier
        self._on_revoked = on_revoked
        self._pool = pool
        self._settings = settings
        self._organizations = organizations
        self._keys = keys

    async def _access_token(
        self, person_id: uuid.UUID, org_id: str | None, scopes: Sequence[str], session: uuid.UUID
    ) -> tuple[str, datetime]:
        roles: tuple[str, ...] = ()
        if org_id is not None:
            # Roles as they are now: a removed member gets no new token for the org.
            roles = await self._organizations.token_roles(person_id, org_id)
        return await self.access_token(
            f"people/{person_id.hex}", org_id, scopes, roles=roles, session=session
        )

    async def access_token(
        self,
        subject: str,
        org_id: str | None,
        scopes: Sequence[str],
        *,
        roles: Sequence[str],
        base_scopes: Sequence[str] = (BASE_SCOPE,),
        session: uuid.UUID | None = None,
    ) -> tuple[str, datetime]:
        """An access token for any principal (a person, a service account).

        `session` is the refresh-token family of a person's sign-in, carried
        as `sid` so that revoking the family revokes its access tokens too.
        """
        key = await self._keys.signing_key()
        ttl = self._settings.access_token_ttl_s
        token = mint_access_token(
            key,
            subject=subject,
            audience=self._settings.token_audience,
            issuer=self._settings.token_issuer,
            scopes=list(dict.fromkeys([*base_scopes, *scopes])),
            org=f"orgs/{org_id}" if org_id is not None else None,
            roles=roles,
            ttl_s=ttl,
            extra={"sid": session.hex} if session is not None else None,
        )
        return token, datetime.now(UTC) + timedelta(seconds=ttl)

    async def _store_refresh(
        self, conn: Any, family_id: uuid.UUID, person_id: uuid.UUID, org_id: str | None, scopes: Sequence[str]
    ) -> tuple[str, datetime]:
        token = _new_refresh_token()
        expire_time: datetime = await conn.fetchval(
            "INSERT INTO identity.refresh_tokens"
            " (token_hash, family_id, person_id, org_id, scopes, expire_time)"
            " VALUES ($1, $2, $3, $4, $5, now() + $6::interval) RETURNING expire_time",
            _hash(token),
            family_id,
            person_id,
            org_id,
            list(scopes),
            timedelta(seconds=self._settings.refresh_token_ttl_s),
        )
        return token, expire_time

    async def new_session(self, person_id: uuid.UUID, organization: str, scopes: Sequence[str]) -> NewSession:
        """The tokens for a person who just proved themselves with a passkey: a new family.

        Nothing is stored here: the caller stores the family and its first
        refresh token (`NewSession.family_row`) in the statement that records
        the sign-in, so that the passkey's counter, the session and the event
        are written at once, in one round trip (passkeys.py).
        """
        org_id = org_id_of(organization) if organization else None
        family_id = uuid.uuid4()
        access, expire_time = await self._access_token(person_id, org_id, scopes, family_id)
        return NewSession(
            family_id=family_id,
            org_id=org_id,
            scopes=tuple(scopes),
            access_token=access,
            expire_time=expire_time,
            refresh_token=_new_refresh_token(),
            refresh_ttl=timedelta(seconds=self._settings.refresh_token_ttl_s),
        )

    async def refresh(self, refresh_token: str) -> IssuedTokens:
        token_hash = _hash(refresh_token)
        # The access token is minted before anything is written: reading the
        # roles or the signing key can fail (a database blip, NOT_A_MEMBER, an
        # unloadable key), and a rotation committed before such a failure would
        # leave the client holding a used token, its retry taken for a replay
        # (the family revoked, a false refresh_token_reused event). Minting
        # reads through the pool, so no pooled connection is held meanwhile
        # (see PasskeyCeremonies._authenticate). The token's family, person,
        # org and scopes never change, so the unlocked read is safe to mint from.
        # A client that loses the answer after the commit (cancelled, cut off)
        # still finds its retry taken for a replay: no grace window is allowed,
        # since a thief replaying within it would go unnoticed.
        seen = await self._pool.fetchrow(_REFRESH_ROW_SQL, token_hash)
        minted: tuple[str, datetime] | None = None
        if seen is not None and seen["revoke_time"] is None and _unused(seen):
            minted = await self._access_token(
                seen["person_id"], seen["org_id"], seen["scopes"], seen["family_id"]
            )
        rotated: tuple[str, datetime] | None = None
        async with self._pool.acquire() as conn:
            async with conn.transaction():
                row = await conn.fetchrow(_REFRESH_ROW_SQL + " FOR UPDATE OF t, f", token_hash)
                if row is None:
                    raise ceremony_failed(
                        "REFRESH_TOKEN_INVALID", "the refresh token was not issued by identity"
                    )
                if row["revoke_time"] is not None:
                    raise ceremony_failed("REFRESH_TOKEN_REVOKED", "the refresh token's family was revoked")
                if _unused(row) and minted is not None:
                    await conn.execute(
                        "UPDATE identity.refresh_tokens SET use_time = now() WHERE token_hash = $1",
                        token_hash,
                    )
                    rotated = await self._store_refresh(
                        conn, row["family_id"], row["person_id"], row["org_id"], row["scopes"]
                    )
            if row["use_time"] is not None:
                await self._revoke_family(conn, row["family_id"], row["person_id"], "reuse")
                raise ceremony_failed(
                    "REFRESH_TOKEN_REUSED",
                    "the refresh token was already used; every session of it is revoked",
                )
        if rotated is None or minted is None:
            raise ceremony_failed("REFRESH_TOKEN_EXPIRED", "the refresh token has expired; sign in again")
        return IssuedTokens(*minted, *rotated)

    async def _revoke_family(
        self, conn: Any, family_id: uuid.UUID, person_id: uuid.UUID, reason: str
    ) -> None:
        async with conn.transaction():
            revoked = await conn.fetchval(
                "UPDATE identity.refresh_token_families SET revoke_time = now(), revoke_reason = $2"
                " WHERE family_id = $1 AND revoke_time IS NULL RETURNING true",
                family_id,
                reason,
            )
            if revoked:
                kind = "refresh_token_reused" if reason == "reuse" else "refresh_token_revoked"
                await record_event(conn, kind, person_id, detail={"family": str(family_id)})
                # The family's access tokens (`sid`) stop working on every server too.
                await record_revocation(conn, RevocationKind.SESSION, family_id.hex, longest_token_expiry())
        if revoked and self._on_revoked is not None:
            await self._on_revoked()

    async def revoke(self, refresh_token: str) -> None:
        row = await self._pool.fetchrow(
            "SELECT family_id, person_id FROM identity.refresh_tokens WHERE token_hash = $1",
            _hash(refresh_token),
        )
        if row is None:
            return
        async with self._pool.acquire() as conn:
            await self._revoke_family(conn, row["family_id"], row["person_id"], "sign_out")

    async def exchange(
        self, actor: str, subject_token: str, audience: str, scopes: Sequence[str]
    ) -> tuple[str, datetime]:
        """RFC 8693: a token for `audience` on behalf of the subject token's principal, acted by `actor`."""
        if not actor.startswith("services/"):
            raise denied(
                "SERVICE_ACCOUNT_REQUIRED", "only a service account may exchange tokens", caller=actor
            )
        try:
            subject = await self._verifier.verify(subject_token)
        except Unauthenticated as exc:
            raise invalid(
                "SUBJECT_TOKEN_INVALID",
                f"subject_token: {exc.message}",
                field="subject_token",
                cause=exc.reason,
            ) from None
        wanted = list(dict.fromkeys(scopes)) or sorted(subject.scopes)
        missing = [scope for scope in wanted if scope not in subject.scopes]
        if missing:
            raise denied(
                "SCOPE_NOT_ALLOWED",
                f"the subject token does not hold scope {missing[0][:80]!r}",
                scope=missing[0],
            )
        act: dict[str, Any] = {"sub": actor}
        prior = subject.claims.get("act")
        if isinstance(prior, dict):
            act["act"] = prior
        now = datetime.now(UTC)
        remaining = int((subject.expires_at - now).total_seconds())
        ttl = max(1, min(self._settings.access_token_ttl_s, remaining))
        key = await self._keys.signing_key()
        token = mint_access_token(
            key,
            subject=subject.subject,
            audience=audience,
            issuer=self._settings.token_issuer,
            scopes=wanted,
            org=subject.org,
            roles=sorted(subject.roles),
            ttl_s=ttl,
            consent=subject.consent,
            # The subject token's session: revoking the sign-in revokes what was exchanged from it.
            extra={"act": act, "client_id": actor, "sid": subject.claims.get("sid")},
        )
        return token, now + timedelta(seconds=ttl)


@dataclass(frozen=True, slots=True)
class Introspection:
    active: bool
    principal: Principal | None = None


class TokenIntrospector:
    """RFC 7662-style introspection for protected resources (service accounts)."""

    def __init__(
        self, pool: asyncpg.Pool, settings: Settings, key_set: KeySet, revocations: RevocationFeed
    ) -> None:
        self._pool = pool
        self._settings = settings
        self._key_set = key_set
        self._revocations = revocations

    async def introspect(self, caller: str, token: str) -> Introspection:
        if not caller.startswith("services/"):
            raise denied(
                "SERVICE_ACCOUNT_REQUIRED", "only a service account may introspect tokens", caller=caller
            )
        principal = await verify_any_audience(token, self._key_set, self._settings)
        if principal is None:
            return Introspection(False)
        # Identity's own tables: a revocation is seen here at once, not a poll later.
        if await self._revocations.revoked(principal):
            return Introspection(False)
        if principal.consent is not None:
            consent = consent_id(principal.consent)
            in_force = consent is not None and await self._pool.fetchval(
                "SELECT revoke_time IS NULL AND expire_time > now() FROM identity.consents WHERE id = $1",
                consent,
            )
            if not in_force:
                return Introspection(False)
        return Introspection(True, principal)
