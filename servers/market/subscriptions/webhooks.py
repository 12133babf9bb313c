"""Webhook deliveries: which URIs are allowed, how a body is signed, one HTTP attempt.

Signature (also in README "Market: webhooks"): every POST carries

    Jipan-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>

plus `Jipan-Delivery` (the delivery's name, the same on every retry: receivers
dedupe on it) and `Jipan-Event` (NEW_VERSION, NEW_ADVISORY, NEW_ANSWER). A
receiver recomputes the HMAC over the exact bytes received, compares in
constant time and refuses a `t` more than five minutes from its clock.

Server-side request forgery: a webhook goes to public addresses only. The URI
must be https (http only when the operator allows private addresses, for
development and tests); an IP literal must be a global address; a host name is
resolved by the delivery's own resolver, which drops every non-global address
(loopback, RFC 1918, link-local and cloud metadata 169.254.169.254, CGNAT,
ULA, multicast, reserved) before aiohttp connects, so DNS that changes between
the check and the connection (rebinding) gains nothing. Redirects are not
followed.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import socket
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

SIGNATURE_HEADER = "Jipan-Signature"
DELIVERY_HEADER = "Jipan-Delivery"
EVENT_HEADER = "Jipan-Event"
USER_AGENT = "jipan-market-webhooks/1"
MAX_RESPONSE_BYTES = 4096


def sign(secret: str, body: bytes, at: int) -> str:
    """The `Jipan-Signature` header value for `body` sent at unix time `at`."""
    mac = hmac.new(secret.encode(), f"{at}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={at},v1={mac}"


def verify(secret: str, body: bytes, header: str, *, now: int | None = None, tolerance_s: int = 300) -> bool:
    """What a receiver does (tests and the bench use it): the signature holds and is recent."""
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    try:
        at = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs((now if now is not None else int(time.time())) - at) > tolerance_s:
        return False
    expected = sign(secret, body, at).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts.get("v1", ""))


def _global(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def uri_problem(uri: str, *, allow_private: bool) -> str:
    """Why `uri` cannot be a webhook, or "" when it can (at least until its name resolves)."""
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError:
        return "not a URI"
    if parts.scheme not in ("https", "http"):
        return "only https URIs"
    if parts.scheme == "http" and not allow_private:
        return "only https URIs"
    if not parts.hostname:
        return "no host"
    if parts.username is not None or parts.password is not None:
        return "credentials in the URI"
    if parts.fragment:
        return "a fragment"
    if port == 0:
        return "port 0"
    host = parts.hostname
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        if not allow_private and (
            host == "localhost" or host.endswith((".localhost", ".local", ".internal"))
        ):
            return "a private host name"
        return ""
    if not allow_private and not _global(host):
        return "a private or reserved address"
    return ""


class PublicOnlyResolver(AbstractResolver):
    """Resolves as usual, then keeps only global addresses (unless private ones are allowed)."""

    def __init__(self, *, allow_private: bool) -> None:
        self._inner = DefaultResolver()
        self._allow_private = allow_private

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        found = await self._inner.resolve(host, port, family)
        if self._allow_private:
            return found
        kept = [r for r in found if _global(r["host"])]
        if not kept:
            raise OSError(f"{host} resolves to no public address")
        return kept

    async def close(self) -> None:
        await self._inner.close()


@dataclass(frozen=True, slots=True)
class Outcome:
    status: int
    error: str
    started: datetime
    duration_ms: int

    @property
    def delivered(self) -> bool:
        return 200 <= self.status < 300


class WebhookSender:
    """One aiohttp session for all deliveries of a process."""

    def __init__(self, *, allow_private: bool, timeout_s: float) -> None:
        self._allow_private = allow_private
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)
        self._session: aiohttp.ClientSession | None = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None:
            connector = aiohttp.TCPConnector(
                resolver=PublicOnlyResolver(allow_private=self._allow_private), limit=64
            )
            self._session = aiohttp.ClientSession(
                connector=connector, timeout=self._timeout, headers={"User-Agent": USER_AGENT}
            )
        return self._session

    async def send(self, uri: str, body: bytes, secret: str, delivery: str, event: str) -> Outcome:
        started = datetime.now(UTC)
        clock = time.monotonic()

        def done(status: int, error: str) -> Outcome:
            return Outcome(status, error, started, int((time.monotonic() - clock) * 1000))

        problem = uri_problem(uri, allow_private=self._allow_private)
        if problem:
            return done(0, f"address refused: {problem}")
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: sign(secret, body, int(time.time())),
            DELIVERY_HEADER: delivery,
            EVENT_HEADER: event,
        }
        try:
            async with self._client().post(
                uri, data=body, headers=headers, allow_redirects=False
            ) as response:
                await response.content.read(MAX_RESPONSE_BYTES)
                status = response.status
        except TimeoutError:
            return done(0, "timeout")
        except aiohttp.ClientConnectorError as exc:
            refused = "no public address" in str(exc)
            return done(0, "address refused: private address" if refused else "connection failed")
        except (aiohttp.ClientError, OSError, ValueError) as exc:
            return done(0, f"failed ({type(exc).__name__})")
        return done(status, "" if 200 <= status < 300 else f"HTTP {status}")

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
