"""Revoked access tokens, consents and sign-in sessions, as every server sees them.

Access tokens are verified locally (tokens.py), so a revocation at identity
reaches a server only if the server asks. Asking identity on every call
(introspection) would put identity on every call's path; instead each process
keeps a `RevocationList`, a copy of identity's revocation feed refreshed in
the background every `revocation_refresh_s` seconds, and the verifier looks
each token up in it (three set lookups; on the cached path too, so caching
never outlives a revocation).

The bound this gives: a revocation takes effect on every server within the
refresh interval plus one feed fetch. When the feed cannot be reached the list
keeps what it has and logs; a token revoked during such an outage keeps
working on that server until the feed is back or the token expires.

The feed is identity's `TokenService.ListRevocations` (remote, through
`jipan.clients.identity_revocations`) or identity's own table when identity
runs in the same process. Entries carry SHA-256 digests of the claim they
match (`jti`, `consent`, `sid`), never the values themselves; an entry is
dropped once every token it can match has expired (plus clock skew). Nothing
here imports grpc.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import structlog

from jipan.servers.runtime.errors import Unauthenticated
from jipan.servers.runtime.settings import Settings

log = structlog.get_logger(__name__)


class RevocationKind(StrEnum):
    """Which claim of an access token a revocation matches."""

    ACCESS_TOKEN = "access_token"  # noqa: S105 (a kind, not a secret): matches `jti`
    CONSENT = "consent"  # `consent`
    SESSION = "session"  # `sid` (identity's refresh-token family)


CLAIM_OF_KIND: Mapping[RevocationKind, str] = {
    RevocationKind.ACCESS_TOKEN: "jti",
    RevocationKind.CONSENT: "consent",
    RevocationKind.SESSION: "sid",
}


def revocation_digest(value: str) -> bytes:
    """What the feed carries for a claim value: its SHA-256."""
    return hashlib.sha256(value.encode("utf-8")).digest()


@dataclass(frozen=True, slots=True)
class Revocation:
    """One feed entry. `expires` (Unix seconds): after it (plus skew) no matching token verifies."""

    sequence: int
    kind: RevocationKind
    digest: bytes
    expires: float


@dataclass(frozen=True, slots=True)
class TokenDigests:
    """The digests of a verified token's revocable claims, computed once per token."""

    token: bytes
    consent: bytes | None
    session: bytes | None

    @classmethod
    def of_claims(cls, claims: Mapping[str, Any]) -> TokenDigests:
        # On every full token verification: no closure, no call for an absent claim.
        consent, sid = claims.get("consent"), claims.get("sid")
        return cls(
            revocation_digest(str(claims["jti"])),
            revocation_digest(consent) if isinstance(consent, str) and consent else None,
            revocation_digest(sid) if isinstance(sid, str) and sid else None,
        )


RevocationSource = Callable[[int], Awaitable[Sequence[Revocation]]]
"""Fetches every feed entry with a sequence greater than the argument, in sequence order."""


class RevocationList:
    """This process's copy of the revocation feed, and the check the verifier calls.

    `source` None: nothing can be revoked here (the embedded development key,
    no identity in reach); the list stays empty and no task runs.
    """

    def __init__(
        self,
        source: RevocationSource | None = None,
        *,
        refresh_s: float = 2.0,
        clock_skew_s: float = 30,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._source = source
        self._refresh_s = refresh_s
        self._skew = clock_skew_s
        self._clock = clock
        self._entries: dict[RevocationKind, dict[bytes, float]] = {kind: {} for kind in RevocationKind}
        self._tokens = self._entries[RevocationKind.ACCESS_TOKEN]
        self._consents = self._entries[RevocationKind.CONSENT]
        self._sessions = self._entries[RevocationKind.SESSION]
        self._sequence = 0
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._last_success: float | None = None

    @classmethod
    def from_settings(cls, source: RevocationSource | None, settings: Settings) -> RevocationList:
        return cls(source, refresh_s=settings.revocation_refresh_s, clock_skew_s=settings.token_clock_skew_s)

    @property
    def sequence(self) -> int:
        """The highest feed sequence applied."""
        return self._sequence

    @property
    def last_success(self) -> float | None:
        """When (clock) the feed was last read successfully; None before the first read."""
        return self._last_success

    def __len__(self) -> int:
        return sum(len(entries) for entries in self._entries.values())

    def __contains__(self, item: tuple[RevocationKind, bytes]) -> bool:
        kind, digest = item
        return digest in self._entries[kind]

    # --- the hot path ---------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        """Whether anything is revoked now: with an empty list no token needs its digests."""
        return bool(self._tokens or self._sessions or self._consents)

    def check(self, digests: TokenDigests) -> None:
        """Raise UNAUTHENTICATED TOKEN_REVOKED / CONSENT_REVOKED if the token is revoked."""
        if digests.token in self._tokens or (
            digests.session is not None and digests.session in self._sessions
        ):
            raise Unauthenticated("TOKEN_REVOKED", "the access token was revoked")
        if digests.consent is not None and digests.consent in self._consents:
            raise Unauthenticated("CONSENT_REVOKED", "the consent this token was issued under was revoked")

    # --- keeping it current ---------------------------------------------------------------------

    def apply(self, entries: Iterable[Revocation]) -> int:
        """Add feed entries (already expired ones are skipped); returns how many were added."""
        now = self._clock()
        added = 0
        for entry in entries:
            self._sequence = max(self._sequence, entry.sequence)
            if entry.expires + self._skew <= now:
                continue
            self._entries[entry.kind][entry.digest] = entry.expires
            added += 1
        return added

    def prune(self) -> int:
        """Drop entries no token can match any more (expired beyond the skew); returns how many."""
        horizon = self._clock() - self._skew
        dropped = 0
        for entries in self._entries.values():
            stale = [digest for digest, expires in entries.items() if expires <= horizon]
            for digest in stale:
                del entries[digest]
            dropped += len(stale)
        return dropped

    async def refresh(self) -> bool:
        """Read the feed past the last sequence now; False (logged) when it cannot be reached."""
        if self._source is None:
            return True
        async with self._lock:
            try:
                entries = await self._source(self._sequence)
            except Exception as exc:
                # Keep the list we have: a revoked token stays refused, and a
                # brief identity outage must not fail every call.
                log.warning(
                    "revocation feed unreachable; keeping the last list",
                    error=type(exc).__name__,
                    detail=str(exc)[:200],
                    sequence=self._sequence,
                    entries=len(self),
                )
                return False
            added = self.apply(entries)
            dropped = self.prune()
            self._last_success = self._clock()
            if added or dropped:
                log.info("revocations applied", added=added, dropped=dropped, sequence=self._sequence)
            return True

    async def _run(self) -> None:
        while True:
            await self.refresh()
            await asyncio.sleep(self._refresh_s)

    def start(self) -> None:
        """Refresh in the background (at once, then every refresh_s) until `stop`."""
        if self._source is not None and self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="revocation-refresh")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
