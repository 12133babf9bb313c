"""Webhook secrets: made at subscription, shown once, kept only wrapped by the platform's KEK.

The secret is 32 random bytes, shown as "whsec_" + base64url (no padding);
that string is the HMAC-SHA256 key. The database holds the 32 bytes wrapped
(AES-256-GCM under the key file, or AWS KMS) and bound to the subscription's
name, so a wrapped secret copied onto another subscription does not open.
Opened secrets are kept in memory per subscription, so a delivery does not
cost a KMS call.
"""

from __future__ import annotations

import base64
import os

from jipan.servers.runtime.key_wrapping import KeyWrapper

SECRET_BYTES = 32
PREFIX = "whsec_"
CACHE_LIMIT = 10_000


def _shown(raw: bytes) -> str:
    return PREFIX + base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _context(subscription: str) -> dict[str, str]:
    return {"purpose": "market.webhook-secret", "subscription": subscription}


class WebhookSecrets:
    def __init__(self, keys: KeyWrapper) -> None:
        self._keys = keys
        self._opened: dict[tuple[str, bytes], str] = {}

    async def make(self, subscription: str) -> tuple[str, bytes]:
        """A new secret for the subscription named `subscription`: (shown once, stored wrapped)."""
        raw = os.urandom(SECRET_BYTES)
        return _shown(raw), await self._keys.wrap(raw, _context(subscription))

    async def open(self, subscription: str, wrapped: bytes) -> str:
        """The secret string (the HMAC key). Raises the KEK's DataLoss / Unavailable."""
        key = (subscription, wrapped)
        found = self._opened.get(key)
        if found is None:
            found = _shown(await self._keys.unwrap(wrapped, _context(subscription)))
            if len(self._opened) >= CACHE_LIMIT:
                self._opened.clear()
            self._opened[key] = found
        return found

    async def aclose(self) -> None:
        await self._keys.aclose()
