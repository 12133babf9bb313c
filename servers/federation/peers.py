"""Peers, their bundles and approvals, and token exchange for a peer's callers.

No grpc here: the bundle endpoint is reached through an injected
`BundleFetcher` (endpoint.py), tokens are signed with identity's key ring
and revocations appended to identity's feed through injected callables
(__init__.py wires them: federation runs in identity's processes).
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Awaitable, Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Generic, Protocol, TypeVar

import jwt
import structlog

from jipan.interceptors.authz import policy_for_method
from jipan.interceptors.tokens import AccessTokenVerifier, SigningKey, StaticKeySet, mint_access_token
from jipan.servers.federation.bundle import BundleInvalid, TrustBundle
from jipan.servers.federation.names import DOMAIN, approval_name, parse_approval, parse_peer
from jipan.servers.federation.store import FederationStore
from jipan.servers.federation.types import Approval, ExchangedToken, Peer, PeerState
from jipan.servers.runtime.errors import (
    AlreadyExists,
    FailedPrecondition,
    InvalidArgument,
    NotFound,
    PermissionDenied,
    Unauthenticated,
    Unavailable,
)
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size
from jipan.servers.runtime.settings import Settings

log = structlog.get_logger(__name__)
T = TypeVar("T")

DISCOVERY_METHOD = "/jipan.federation.v1.FederationService/ListOfferedMethods"
"""Every federated token may call it: a peer's caller learns what it may call."""
UNKNOWN_KID_RETRY_S = 10.0
"""A key id a peer's bundle did not have is looked for again at most this often: a token signed
with a forged key costs one bundle fetch, not one per call."""
ANY_REFRESH_MIN_S = 1.0
"""And the bundle is fetched for unknown keys at most this often whatever the key id, so tokens
with ever new made-up ids cannot turn into a stream of fetches; a real rotation (a key id not
seen before) is looked up within a second however recently a forged one was."""


def _key_id(token: str) -> str:
    """The `kid` of a token's header, as text ("" when it has none or is not a JWT)."""
    try:
        kid = jwt.get_unverified_header(token).get("kid")
    except jwt.PyJWTError:
        return ""
    return kid if isinstance(kid, str) else ""


class BundleUnreachable(Exception):
    """The peer's bundle endpoint did not answer."""


class BundleFetcher(Protocol):
    async def __call__(self, endpoint: str, ca_pem: str, *, issuer: str, audience: str) -> TrustBundle:
        """The peer's bundle; BundleUnreachable or BundleInvalid."""
        ...


RevokeTokens = Callable[[Any, Sequence[tuple[str, datetime]]], Awaitable[None]]
"""Appends revocations of (jti, expire_time) to identity's feed, in the caller's transaction."""


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    next_page_token: str


def _not_found(name: str) -> NotFound:
    return NotFound("PEER_NOT_FOUND", f"no peer {name[:200]}", domain=DOMAIN, metadata={"name": name[:200]})


class Federation:
    def __init__(
        self,
        store: FederationStore,
        settings: Settings,
        page_tokens: PageTokens,
        *,
        fetch_bundle: BundleFetcher,
        signing_key: Callable[[], Awaitable[SigningKey]],
        revoke_tokens: RevokeTokens,
        on_revoked: Callable[[], Awaitable[object]],
        served_methods: Collection[str],
        trust_client_roots: Callable[[bytes], None] | None = None,
    ) -> None:
        self._trust_client_roots = trust_client_roots
        self._store = store
        self._settings = settings
        self._page_tokens = page_tokens
        self._fetch = fetch_bundle
        self._signing_key = signing_key
        self._revoke_tokens = revoke_tokens
        self._on_revoked = on_revoked
        self._served = frozenset(served_methods)
        self._verifiers: dict[tuple[uuid.UUID, str], AccessTokenVerifier] = {}
        self._retried: dict[tuple[uuid.UUID, str], float] = {}
        self._refreshed_for_unknown: dict[uuid.UUID, float] = {}
        self._task: asyncio.Task[None] | None = None

    # --- peers ----------------------------------------------------------------------------------

    def _owned(self, org: str | None, org_id: str) -> None:
        if org is None:
            raise PermissionDenied(
                "ORGANIZATION_MISMATCH", "the token names no organisation; peers belong to one", domain=DOMAIN
            )

    async def _peer(self, org: str | None, name: str) -> Peer:
        org_id, peer_id = parse_peer(name)
        self._owned(org, org_id)
        peer = await self._store.peer(org_id, peer_id) if org == f"orgs/{org_id}" else None
        if peer is None:
            raise _not_found(name)
        return peer

    async def _fetch_or_raise(self, endpoint: str, ca_pem: str, issuer: str, audience: str) -> TrustBundle:
        try:
            return await self._fetch(endpoint, ca_pem, issuer=issuer, audience=audience)
        except BundleUnreachable as exc:
            raise Unavailable(
                "BUNDLE_UNREACHABLE",
                f"the peer's bundle endpoint did not answer: {exc}",
                domain=DOMAIN,
                metadata={"endpoint": endpoint[:200]},
            ) from None
        except BundleInvalid as exc:
            raise FailedPrecondition(
                "BUNDLE_INVALID",
                f"the peer's bundle is not accepted: {exc}",
                domain=DOMAIN,
                metadata={"problem": str(exc)},
            ) from None

    async def create_peer(
        self,
        org: str | None,
        peer_id: str,
        *,
        display_name: str,
        issuer: str,
        audience: str,
        bundle_endpoint: str,
        bundle_endpoint_ca_pem: str,
    ) -> Peer:
        if org is None:
            self._owned(org, "")
        assert org is not None
        org_id = org.removeprefix("orgs/")
        for field, value in (
            ("peer.issuer", issuer),
            ("peer.audience", audience),
            ("peer.bundle_endpoint", bundle_endpoint),
        ):
            if not value:
                raise InvalidArgument("FIELD_INVALID", f"{field} is required", metadata={"field": field})
        if issuer == self._settings.token_issuer:
            raise InvalidArgument(
                "FIELD_INVALID", "a mesh is not its own peer", metadata={"field": "peer.issuer"}
            )
        bundle = await self._fetch_or_raise(bundle_endpoint, bundle_endpoint_ca_pem, issuer, audience)
        peer = await self._store.insert_peer(
            org_id=org_id,
            peer_id=peer_id,
            display_name=display_name,
            issuer=issuer,
            audience=audience,
            bundle_endpoint=bundle_endpoint,
            bundle_endpoint_ca_pem=bundle_endpoint_ca_pem,
            bundle=bundle,
        )
        if peer is None:
            raise AlreadyExists(
                "PEER_EXISTS",
                f"orgs/{org_id}/peers/{peer_id} exists, or another peer has issuer {issuer[:200]}",
                domain=DOMAIN,
                metadata={"peer_id": peer_id, "issuer": issuer[:200]},
            )
        log.info("peer registered", peer=peer.name, issuer=issuer, fingerprint=bundle.fingerprint)
        return peer

    async def get_peer(self, org: str | None, name: str) -> Peer:
        return await self._peer(org, name)

    async def list_peers(self, org: str | None, page_size: int, page_token: str) -> Page[Peer]:
        self._owned(org, "")
        assert org is not None
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListPeers", org=org)
        after = str(self._page_tokens.decode(page_token, fingerprint)["after"]) if page_token else ""
        peers = await self._store.peers(org.removeprefix("orgs/"), after, size + 1)
        token = ""
        if len(peers) > size:
            peers = peers[:size]
            token = self._page_tokens.encode(fingerprint, {"after": peers[-1].peer_id})
        return Page(peers, token)

    async def activate_peer(self, org: str | None, name: str, fingerprint: str) -> Peer:
        peer = await self._peer(org, name)
        if fingerprint.lower() != peer.pinned_fingerprint:
            raise FailedPrecondition(
                "FINGERPRINT_MISMATCH",
                "the fingerprint is not the one pinned at first contact",
                domain=DOMAIN,
                metadata={"pinned": peer.pinned_fingerprint},
            )
        async with self._store.pool.acquire() as conn:
            activated = await self._store.set_state(conn, peer.id, PeerState.ACTIVE)
        await self.trust_active_peers()
        return activated

    async def suspend_peer(self, org: str | None, name: str) -> tuple[Peer, int]:
        peer = await self._peer(org, name)
        async with self._store.pool.acquire() as conn, conn.transaction():
            suspended = await self._store.set_state(conn, peer.id, PeerState.SUSPENDED)
            live = await self._store.take_live_tokens(conn, peer.id, None)
            await self._revoke_tokens(conn, live)
        await self._on_revoked()
        await self.trust_active_peers()
        log.info("peer suspended", peer=peer.name, revoked=len(live))
        return suspended, len(live)

    async def refresh_peer(self, org: str | None, name: str) -> Peer:
        return await self._refresh(await self._peer(org, name), raise_errors=True)

    async def _refresh(self, peer: Peer, *, raise_errors: bool) -> Peer:
        try:
            bundle = await self._fetch_or_raise(
                peer.bundle_endpoint, peer.bundle_endpoint_ca_pem, peer.issuer, peer.audience
            )
        except (Unavailable, FailedPrecondition) as exc:
            # Keep the last good bundle (within its validity): the peer's endpoint
            # being down must not cut the federation off.
            log.warning(
                "peer bundle refresh failed; keeping the last bundle", peer=peer.name, error=exc.message
            )
            stale = await self._store.store_bundle_error(peer.id, exc.message)
            if raise_errors and peer.bundle.expire_time <= datetime.now(UTC):
                raise
            return stale
        stored = await self._store.store_bundle(peer.id, bundle)
        if stored is None:
            problem = "the bundle's sequence number went backwards"
            if raise_errors:
                raise FailedPrecondition(
                    "BUNDLE_INVALID", problem, domain=DOMAIN, metadata={"problem": problem}
                )
            return await self._store.store_bundle_error(peer.id, problem)
        if bundle.sequence != peer.bundle.sequence:
            log.info("peer bundle refreshed", peer=peer.name, sequence=bundle.sequence)
            await self.trust_active_peers()
        return stored

    async def refresh_due(self) -> None:
        """Refresh every peer whose bundle is past its refresh hint, then the trusted client CAs."""
        for peer in await self._store.peers_due_for_refresh():
            await self._refresh(peer, raise_errors=False)
        await self.trust_active_peers()

    async def trust_active_peers(self) -> None:
        """Have this server's mTLS accept client certificates of exactly the ACTIVE peers' CAs
        (every replica re-reads them each refresh tick, so a suspension reaches all of them)."""
        if self._trust_client_roots is None:
            return
        pems = []
        for peer in await self._store.active_peers():
            if peer.bundle.expire_time > datetime.now(UTC):
                pems.append(peer.bundle.ca_pem())
        self._trust_client_roots(b"".join(pems))

    async def _run(self, interval_s: float) -> None:
        while True:
            try:
                await self.refresh_due()
            except Exception as exc:  # the loop must survive a database blip
                log.warning(
                    "peer bundle refresh loop failed", error=type(exc).__name__, detail=str(exc)[:200]
                )
            await asyncio.sleep(interval_s)

    def start(self, interval_s: float = 5.0) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(interval_s), name="peer-bundles")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    # --- approvals ------------------------------------------------------------------------------

    async def create_approval(
        self,
        org: str | None,
        approver: str,
        parent: str,
        approval_id: str,
        consumer: str,
        methods: Sequence[str],
    ) -> Approval:
        peer = await self._peer(org, parent)
        if not (consumer.startswith(("orgs/", "services/", "people/")) and 6 < len(consumer) <= 300):
            raise InvalidArgument(
                "APPROVAL_INVALID",
                "approval.consumer must be orgs/{org}, services/{account} or people/{person} of the peer",
                domain=DOMAIN,
                metadata={"consumer": consumer[:200]},
            )
        if not methods:
            raise InvalidArgument(
                "APPROVAL_INVALID",
                "approval.methods needs at least one method",
                domain=DOMAIN,
                metadata={"method": ""},
            )
        for method in methods:
            if method not in self._served or method == DISCOVERY_METHOD:
                raise InvalidArgument(
                    "APPROVAL_INVALID",
                    f"this mesh does not serve {method[:200]} (methods are /package.Service/Method)",
                    domain=DOMAIN,
                    metadata={"method": method[:200]},
                )
        approval = await self._store.insert_approval(
            peer, approval_id, consumer, sorted(set(methods)), approver
        )
        if approval is None:
            raise AlreadyExists(
                "APPROVAL_EXISTS",
                f"{approval_name(peer.org_id, peer.peer_id, approval_id)} exists",
                domain=DOMAIN,
                metadata={"approval_id": approval_id},
            )
        return approval

    async def list_approvals(
        self, org: str | None, parent: str, page_size: int, page_token: str
    ) -> Page[Approval]:
        peer = await self._peer(org, parent)
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListApprovals", parent=parent)
        after = str(self._page_tokens.decode(page_token, fingerprint)["after"]) if page_token else ""
        approvals = await self._store.approvals(peer, after, size + 1)
        token = ""
        if len(approvals) > size:
            approvals = approvals[:size]
            token = self._page_tokens.encode(fingerprint, {"after": approvals[-1].approval_id})
        return Page(approvals, token)

    async def delete_approval(self, org: str | None, name: str) -> int:
        org_id, peer_id, approval_id = parse_approval(name)
        peer = await self._peer(org, f"orgs/{org_id}/peers/{peer_id}")
        async with self._store.pool.acquire() as conn, conn.transaction():
            if not await self._store.delete_approval(conn, peer.id, approval_id):
                raise NotFound(
                    "APPROVAL_NOT_FOUND",
                    f"no approval {name[:200]}",
                    domain=DOMAIN,
                    metadata={"name": name[:200]},
                )
            live = await self._store.take_live_tokens(conn, peer.id, approval_id)
            await self._revoke_tokens(conn, live)
        await self._on_revoked()
        log.info("approval withdrawn", approval=name, revoked=len(live))
        return len(live)

    # --- token exchange -------------------------------------------------------------------------

    def _verifier(self, peer: Peer) -> AccessTokenVerifier:
        key = (peer.id, peer.bundle.fingerprint)
        verifier = self._verifiers.get(key)
        if verifier is None:
            if len(self._verifiers) > 256:
                self._verifiers.clear()
            verifier = AccessTokenVerifier(
                StaticKeySet(peer.bundle.token_keys()),
                issuer=peer.issuer,
                audience=self._settings.token_audience,
                clock_skew_s=self._settings.token_clock_skew_s,
            )
            self._verifiers[key] = verifier
        return verifier

    async def exchange(self, subject_token: str) -> ExchangedToken:
        try:
            issuer = jwt.decode(subject_token, options={"verify_signature": False}).get("iss")
        except jwt.PyJWTError:
            issuer = None
        peer = await self._store.peer_by_issuer(issuer) if isinstance(issuer, str) else None
        if peer is None:
            raise Unauthenticated(
                "PEER_UNKNOWN", "the subject token's issuer is not a registered peer", domain=DOMAIN
            )
        if peer.state is not PeerState.ACTIVE:
            raise PermissionDenied(
                "PEER_NOT_ACTIVE",
                f"the peer is {peer.state.value}",
                domain=DOMAIN,
                metadata={"state": peer.state.value},
            )
        if peer.bundle.expire_time <= datetime.now(UTC):
            peer = await self._refresh(peer, raise_errors=False)
            if peer.bundle.expire_time <= datetime.now(UTC):
                raise FailedPrecondition(
                    "BUNDLE_EXPIRED",
                    "the peer's bundle has expired and could not be refreshed",
                    domain=DOMAIN,
                )
        try:
            principal = await self._verifier(peer).verify(subject_token)
        except Unauthenticated as exc:
            clock = asyncio.get_running_loop().time()
            kid = _key_id(subject_token)
            if (
                exc.reason != "TOKEN_KEY_UNKNOWN"
                or clock - self._retried.get((peer.id, kid), -1e9) < UNKNOWN_KID_RETRY_S
                or clock - self._refreshed_for_unknown.get(peer.id, -1e9) < ANY_REFRESH_MIN_S
            ):
                raise self._subject_invalid(exc) from None
            # The peer may have rotated its keys: fetch its bundle now and retry, at most once per
            # interval for this key id (a forged key must not block a real rotation's lookup).
            self._retried[(peer.id, kid)] = clock
            self._refreshed_for_unknown[peer.id] = clock
            if len(self._retried) > 10_000:  # made-up key ids must not grow this without end
                self._retried = {k: t for k, t in self._retried.items() if clock - t < UNKNOWN_KID_RETRY_S}
            peer = await self._refresh(peer, raise_errors=False)
            try:
                principal = await self._verifier(peer).verify(subject_token)
            except Unauthenticated as again:
                raise self._subject_invalid(again) from None
        consumers = [principal.subject] + ([principal.org] if principal.org else [])
        approvals = await self._store.approvals_for(peer, consumers)
        methods = sorted({method for approval in approvals for method in approval.methods})
        if not methods:
            raise PermissionDenied(
                "PEER_NOT_APPROVED",
                "no approval lets this caller of the peer call any method here",
                domain=DOMAIN,
                metadata={"consumer": principal.subject[:200], "method": ""},
            )
        scopes = sorted({scope for method in methods for scope in policy_for_method(method).scopes})
        now = datetime.now(UTC)
        remaining = int((principal.expires_at - now).total_seconds())
        ttl = max(1, min(self._settings.federation_token_ttl_s, remaining))
        jti = uuid.uuid4().hex
        act: dict[str, Any] = {"sub": principal.subject, "iss": peer.issuer}
        if principal.org:
            act["org"] = principal.org
        token = mint_access_token(
            await self._signing_key(),
            subject=peer.name,
            audience=self._settings.token_audience,
            issuer=self._settings.token_issuer,
            scopes=scopes,
            org=f"orgs/{peer.org_id}",
            ttl_s=ttl,
            extra={
                "jti": jti,
                "act": act,
                "client_id": peer.name,
                "fed": {"peer": peer.name, "peer_issuer": peer.issuer, "methods": methods},
            },
        )
        expire_time = now + timedelta(seconds=ttl)
        # A suspension or withdrawal since the reads above revoked every token recorded by then:
        # this one is recorded only if the peer and its approvals still stand (else it is not handed out).
        outcome = await self._store.record_issued(jti, peer.id, approvals, expire_time)
        if outcome == "peer_not_active":
            raise PermissionDenied(
                "PEER_NOT_ACTIVE",
                "the peer was suspended during the exchange",
                domain=DOMAIN,
                metadata={"state": PeerState.SUSPENDED.value},
            )
        if outcome == "approval_withdrawn":
            raise PermissionDenied(
                "PEER_NOT_APPROVED",
                "an approval this exchange relied on was withdrawn during it; exchange again",
                domain=DOMAIN,
                metadata={"consumer": principal.subject[:200], "method": ""},
            )
        return ExchangedToken(token, expire_time, tuple(methods), peer.name)

    @staticmethod
    def _subject_invalid(exc: Unauthenticated) -> Unauthenticated:
        return Unauthenticated(
            "SUBJECT_TOKEN_INVALID",
            f"subject_token: {exc.message}",
            domain=DOMAIN,
            metadata={"cause": exc.reason},
        )

    # --- discovery ------------------------------------------------------------------------------

    async def offered_methods(self, claims: Any, org: str | None) -> list[str]:
        fed = claims.get("fed") if claims is not None else None
        if isinstance(fed, dict):
            return sorted(str(m) for m in fed.get("methods", []) if isinstance(m, str))
        if org is None:
            return []
        return await self._store.org_approved_methods(org.removeprefix("orgs/"))
