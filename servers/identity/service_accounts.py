"""Service accounts: workloads that act for an organisation without any secret.

An organisation's admins register the account and its Ed25519 public keys.
The workload signs a short JWT assertion (RFC 7523 §3) with its private key
and exchanges it for an access token (`sub` "services/{id}", `org` the owner).
Each assertion's `jti` is accepted once, so a captured assertion cannot be
replayed; assertions live at most MAX_ASSERTION_LIFETIME_S.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fido2.utils import websafe_decode

from jipan.interceptors.tokens import jwk_thumbprint
from jipan.servers.identity.errors import ceremony_failed, denied, exists, invalid, not_found
from jipan.servers.identity.organizations import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    Organizations,
    Page,
    org_id_of,
)
from jipan.servers.identity.tokens import TokenIssuer
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size
from jipan.servers.runtime.settings import Settings

MAX_ASSERTION_LIFETIME_S = 300
_SCOPE = re.compile(r"^[a-z][a-z0-9._:-]{0,63}$")
_KEY_NAME = re.compile(r"^services/(?P<service>[a-z][a-z0-9-]{2,62})/keys/(?P<kid>[A-Za-z0-9_-]{43})$")


@dataclass(frozen=True, slots=True)
class ServiceAccountRecord:
    id: str
    org_id: str
    display_name: str
    scopes: tuple[str, ...]
    create_time: datetime

    @property
    def name(self) -> str:
        return f"services/{self.id}"


@dataclass(frozen=True, slots=True)
class ServiceAccountKeyRecord:
    service_id: str
    kid: str
    public_key: Ed25519PublicKey
    create_time: datetime

    @property
    def name(self) -> str:
        return f"services/{self.service_id}/keys/{self.kid}"


@dataclass(frozen=True, slots=True)
class ServiceToken:
    access_token: str
    expire_time: datetime


def _account(row: Any) -> ServiceAccountRecord:
    return ServiceAccountRecord(
        row["id"], row["org_id"], row["display_name"], tuple(row["scopes"]), row["create_time"]
    )


def _checked_scopes(scopes: Sequence[str], field: str) -> list[str]:
    bad = [scope for scope in scopes if not _SCOPE.match(scope)]
    if bad:
        raise invalid("SCOPE_INVALID", f"not a scope name: {bad[0][:80]!r}", field=field)
    return list(dict.fromkeys(scopes))


def _rejected(reason: str, message: str) -> Exception:
    return ceremony_failed(reason, message)


class ServiceAccounts:
    def __init__(
        self,
        pool: asyncpg.Pool,
        settings: Settings,
        organizations: Organizations,
        tokens: TokenIssuer,
        page_tokens: PageTokens,
    ) -> None:
        self._pool = pool
        self._settings = settings
        self._organizations = organizations
        self._tokens = tokens
        self._page_tokens = page_tokens

    # --- management (org admins) ------------------------------------------------------------

    async def _account_for_admin(
        self, subject: str, service_id: str
    ) -> tuple[uuid.UUID, ServiceAccountRecord]:
        """The caller and the account, once the caller is an admin of its organisation.

        Checked before any lock, for an early answer; each change checks it again
        (`require_admin_locked`) in the transaction that makes it.
        """
        caller = await self._organizations.caller(subject)
        row = await self._pool.fetchrow("SELECT * FROM identity.service_accounts WHERE id = $1", service_id)
        if row is None:
            raise not_found(
                "SERVICE_ACCOUNT_NOT_FOUND", f"no service account services/{service_id}", name=service_id
            )
        account = _account(row)
        await self._organizations.require_admin(caller, account.org_id)
        return caller, account

    async def create(
        self, subject: str, service_id: str, organization: str, display_name: str, scopes: Sequence[str]
    ) -> ServiceAccountRecord:
        caller = await self._organizations.caller(subject)
        if not organization.startswith("orgs/"):
            raise invalid(
                "FIELD_INVALID",
                "service_account.organization must be orgs/{organization}",
                field="service_account.organization",
            )
        org_id = org_id_of(organization)
        await self._organizations.require_admin(caller, org_id)
        checked = _checked_scopes(scopes, "service_account.scopes")
        if not checked:
            raise invalid(
                "FIELD_INVALID",
                "service_account.scopes must name at least one scope",
                field="service_account.scopes",
            )
        async with self._pool.acquire() as conn, conn.transaction():
            await self._organizations.require_admin_locked(conn, caller, org_id)
            row = await conn.fetchrow(
                "INSERT INTO identity.service_accounts (id, org_id, display_name, scopes)"
                " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING *",
                service_id,
                org_id,
                display_name,
                checked,
            )
        if row is None:
            raise exists(
                "SERVICE_ACCOUNT_EXISTS", f"services/{service_id} exists", name=f"services/{service_id}"
            )
        return _account(row)

    async def list(
        self, subject: str, parent: str, page_size: int, page_token: str
    ) -> Page[ServiceAccountRecord]:
        caller = await self._organizations.caller(subject)
        org_id = org_id_of(parent)
        await self._organizations.require_admin(caller, org_id)
        size = resolve_page_size(page_size, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
        fingerprint = query_fingerprint("ListServiceAccounts", parent=parent)
        after = ""
        if page_token:
            after = str(self._page_tokens.decode(page_token, fingerprint).get("after", ""))
        rows = await self._pool.fetch(
            "SELECT * FROM identity.service_accounts WHERE org_id = $1 AND id > $2 ORDER BY id LIMIT $3",
            org_id,
            after,
            size + 1,
        )
        items = [_account(row) for row in rows[:size]]
        token = self._page_tokens.encode(fingerprint, {"after": items[-1].id}) if len(rows) > size else ""
        return Page(items, token)

    async def delete(self, subject: str, name: str) -> None:
        caller, account = await self._account_for_admin(subject, name.removeprefix("services/"))
        async with self._pool.acquire() as conn, conn.transaction():
            await self._organizations.require_admin_locked(conn, caller, account.org_id)
            await conn.execute("DELETE FROM identity.service_accounts WHERE id = $1", account.id)

    async def add_key(self, subject: str, parent: str, kty: str, crv: str, x: str) -> ServiceAccountKeyRecord:
        caller, account = await self._account_for_admin(subject, parent.removeprefix("services/"))
        try:
            if (kty, crv) != ("OKP", "Ed25519"):
                raise ValueError("not an Ed25519 OKP key")
            raw = websafe_decode(x)
            if len(raw) != 32:
                raise ValueError("an Ed25519 public key is 32 bytes")
            public_key = Ed25519PublicKey.from_public_bytes(raw)
        except ValueError as exc:
            raise invalid(
                "PUBLIC_KEY_INVALID",
                f"service_account_key.public_key: {exc}",
                field="service_account_key.public_key",
            ) from None
        kid = jwk_thumbprint(public_key)
        async with self._pool.acquire() as conn, conn.transaction():
            await self._organizations.require_admin_locked(conn, caller, account.org_id)
            row = await conn.fetchrow(
                "INSERT INTO identity.service_account_keys (service_id, kid, public_key) VALUES ($1, $2, $3)"
                " ON CONFLICT DO NOTHING RETURNING create_time",
                account.id,
                kid,
                raw,
            )
        if row is None:
            raise exists("SERVICE_ACCOUNT_KEY_EXISTS", "this key is already registered", kid=kid)
        return ServiceAccountKeyRecord(account.id, kid, public_key, row["create_time"])

    async def delete_key(self, subject: str, name: str) -> None:
        match = _KEY_NAME.match(name)
        if match is None:
            raise not_found("SERVICE_ACCOUNT_KEY_NOT_FOUND", f"no key {name[:200]!r}", name=name[:200])
        caller, account = await self._account_for_admin(subject, match["service"])
        async with self._pool.acquire() as conn, conn.transaction():
            await self._organizations.require_admin_locked(conn, caller, account.org_id)
            deleted = await conn.fetchval(
                "DELETE FROM identity.service_account_keys WHERE service_id = $1 AND kid = $2 RETURNING true",
                account.id,
                match["kid"],
            )
        if not deleted:
            raise not_found("SERVICE_ACCOUNT_KEY_NOT_FOUND", f"no key {name!r}", name=name)

    # --- the assertion grant ----------------------------------------------------------------

    async def issue_token(self, assertion: str, scopes: Sequence[str]) -> ServiceToken:
        wanted = _checked_scopes(scopes, "scopes")
        try:
            header = jwt.get_unverified_header(assertion)
            unverified = jwt.decode(assertion, options={"verify_signature": False})
        except jwt.PyJWTError:
            raise _rejected("CLIENT_ASSERTION_INVALID", "the assertion is not a well-formed JWT") from None
        issuer, kid = unverified.get("iss"), header.get("kid")
        if header.get("alg") != "EdDSA" or not isinstance(issuer, str) or not isinstance(kid, str):
            raise _rejected("CLIENT_ASSERTION_INVALID", "the assertion needs alg EdDSA, `kid` and `iss`")
        service_id = issuer.removeprefix("services/")
        row = await self._pool.fetchrow(
            "SELECT a.*, k.public_key FROM identity.service_accounts a"
            " JOIN identity.service_account_keys k ON k.service_id = a.id WHERE a.id = $1 AND k.kid = $2",
            service_id,
            kid,
        )
        if row is None or not issuer.startswith("services/"):
            raise _rejected("CLIENT_ASSERTION_KEY_UNKNOWN", "no such service account key")
        account = _account(row)
        key = Ed25519PublicKey.from_public_bytes(bytes(row["public_key"]))
        try:
            claims = jwt.decode(
                assertion,
                key,
                algorithms=["EdDSA"],
                audience=self._settings.token_issuer,
                issuer=issuer,
                leeway=self._settings.token_clock_skew_s,
                options={"require": ["iss", "sub", "aud", "exp", "iat", "jti"]},
            )
        except jwt.ExpiredSignatureError:
            raise _rejected("CLIENT_ASSERTION_EXPIRED", "the assertion has expired") from None
        except jwt.PyJWTError as exc:
            raise _rejected("CLIENT_ASSERTION_INVALID", f"the assertion does not verify: {exc}") from None
        if claims["sub"] != issuer or not isinstance(claims["jti"], str) or not claims["jti"]:
            raise _rejected(
                "CLIENT_ASSERTION_INVALID", "the assertion's `sub` must equal `iss`, with a `jti`"
            )
        if (
            int(claims["exp"]) - int(claims["iat"]) > MAX_ASSERTION_LIFETIME_S
            or int(claims["iat"]) > time.time() + self._settings.token_clock_skew_s
        ):
            raise _rejected(
                "CLIENT_ASSERTION_EXPIRED", f"an assertion may live at most {MAX_ASSERTION_LIFETIME_S} s"
            )
        fresh = await self._pool.fetchval(
            "INSERT INTO identity.assertion_ids (service_id, jti, expire_time) VALUES ($1, $2, $3)"
            " ON CONFLICT DO NOTHING RETURNING true",
            account.id,
            claims["jti"],
            datetime.fromtimestamp(int(claims["exp"]), UTC)
            + timedelta(seconds=self._settings.token_clock_skew_s),
        )
        if not fresh:
            raise _rejected("CLIENT_ASSERTION_REPLAYED", "this assertion was already used")
        not_allowed = [scope for scope in wanted if scope not in account.scopes]
        if not_allowed:
            raise denied(
                "SCOPE_NOT_ALLOWED",
                f"scope {not_allowed[0]!r} is not allowed for {account.name}",
                scope=not_allowed[0],
            )
        token, expire_time = await self._tokens.access_token(
            account.name, account.org_id, wanted or list(account.scopes), roles=(), base_scopes=()
        )
        return ServiceToken(token, expire_time)
