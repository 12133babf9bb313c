"""This mesh's own trust bundle, as GetTrustBundle publishes it.

Token keys: identity's published key set (every key that may have signed a
valid token), plus the embedded development key when no remote identity is
configured (the servers of such a mesh accept tokens it signs). CA
certificates: `federation_ca_file`, else `tls_client_ca_file`. Log keys:
the message log's keys. The sequence number grows whenever the fingerprint
changes (a rotation, a new CA), kept in federation.bundle_state so every
replica publishes the same number.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from jipan.interceptors.tokens import DevSigningKey, keys_from_jwks
from jipan.servers.federation.bundle import TrustBundle, build_document, fingerprint_of, load_certificates
from jipan.servers.federation.messagelog import published_log_keys
from jipan.servers.runtime.settings import Settings


class OwnBundle:
    def __init__(
        self,
        pool: asyncpg.Pool,
        settings: Settings,
        identity_jwks: Callable[[], Awaitable[Mapping[str, Any]]],
        ensure_log_key: Callable[[], Awaitable[object]],
    ) -> None:
        self._pool = pool
        self._settings = settings
        self._identity_jwks = identity_jwks
        self._ensure_log_key = ensure_log_key

    async def _token_keys(self) -> dict[str, Ed25519PublicKey]:
        keys = keys_from_jwks(await self._identity_jwks())
        if self._settings.identity_target is None:
            dev = DevSigningKey.load_or_create(self._settings.data_dir)
            keys[dev.kid] = dev.public_key
        return keys

    def _ca_pem(self) -> bytes:
        path = self._settings.federation_ca_file or self._settings.tls_client_ca_file
        return path.read_bytes() if path is not None else b""

    async def current(self) -> TrustBundle:
        await self._ensure_log_key()
        token_keys = await self._token_keys()
        certificates = load_certificates(self._ca_pem())
        log_keys = await published_log_keys(self._pool)
        fingerprint = fingerprint_of(token_keys, certificates, log_keys)
        sequence: int = await self._pool.fetchval(
            "INSERT INTO federation.bundle_state (fingerprint, sequence) VALUES ($1, 1)"
            " ON CONFLICT (singleton) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,"
            " sequence = federation.bundle_state.sequence + 1"
            " WHERE federation.bundle_state.fingerprint <> EXCLUDED.fingerprint"
            " RETURNING sequence",
            fingerprint,
        ) or await self._pool.fetchval("SELECT sequence FROM federation.bundle_state")
        refresh = self._settings.federation_bundle_refresh_s
        now = datetime.now(UTC)
        return TrustBundle(
            issuer=self._settings.token_issuer,
            audience=self._settings.token_audience,
            sequence=sequence,
            refresh_hint_s=refresh,
            document=build_document(
                token_keys, certificates, log_keys, sequence=sequence, refresh_hint_s=refresh
            ),
            fingerprint=fingerprint,
            issue_time=now,
            expire_time=now + timedelta(seconds=self._settings.federation_bundle_validity_s),
        )
