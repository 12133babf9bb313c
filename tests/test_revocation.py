"""Revocation reaches every server within the bound: revocation refresh interval + one fetch.

The RevocationList on its own (entries, pruning, an unreachable feed, the
cached verification path), then the mesh: identity and a separate server
that trusts identity remotely (JIPAN_IDENTITY_TARGET), where a consent
token, an access token and a sign-in session are revoked at identity and
refused on the other server with their own ErrorInfo reasons.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

import asyncpg
import grpc
import jwt
import pytest
from structlog.testing import capture_logs

from jipan.clients import error_details as error_info
from jipan.identity.v1 import consent_service_pb2 as con_pb
from jipan.identity.v1 import consent_service_pb2_grpc as con_grpc
from jipan.identity.v1 import resources_pb2 as res
from jipan.identity.v1 import security_event_service_pb2 as ev_pb
from jipan.identity.v1 import security_event_service_pb2_grpc as ev_grpc
from jipan.identity.v1 import token_service_pb2 as tok_pb
from jipan.identity.v1 import token_service_pb2_grpc as tok_grpc
from jipan.interceptors.revocation import (
    Revocation,
    RevocationKind,
    RevocationList,
    TokenDigests,
    revocation_digest,
)
from jipan.interceptors.tokens import AccessTokenVerifier, DevSigningKey
from jipan.servers import identity, system
from jipan.servers.runtime.errors import COMMON_DOMAIN, Unauthenticated
from tests.conftest import dsn_with_database
from tests.mesh import RunningServer, make_settings, running_server
from tests.test_identity import (
    ORIGIN,
    RP_ID,
    _in,
    _person_with_token,
    _service_with_token,
    bearer,
    register,
    sign_in,
    unique,
    whoami_on,
)
from tests.webauthn_soft import SoftAuthenticator

REFRESH_S = 1.0
RPC_ALLOWANCE_S = 1.5
"""One ListRevocations call (and a loaded CI machine's scheduling) on top of the refresh interval."""

# --- the list on its own ------------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def entry(sequence: int, kind: RevocationKind, value: str, expires: float) -> Revocation:
    return Revocation(sequence, kind, revocation_digest(value), expires)


def digests(jti: str, consent: str | None = None, sid: str | None = None) -> TokenDigests:
    claims = {"jti": jti, "consent": consent, "sid": sid}
    return TokenDigests.of_claims({k: v for k, v in claims.items() if v is not None})


def reason_of(revocations: RevocationList, token: TokenDigests) -> str | None:
    try:
        revocations.check(token)
    except Unauthenticated as exc:
        refused = exc
    else:
        return None
    assert refused.domain == COMMON_DOMAIN
    return refused.reason


async def test_the_list_refuses_revoked_tokens_consents_and_sessions() -> None:
    clock = FakeClock()
    feed = [
        entry(1, RevocationKind.ACCESS_TOKEN, "jti-1", clock.now + 60),
        entry(2, RevocationKind.CONSENT, "people/p/consents/c", clock.now + 60),
        entry(5, RevocationKind.SESSION, "family-1", clock.now + 60),
    ]
    asked: list[int] = []

    async def source(after: int) -> Sequence[Revocation]:
        asked.append(after)
        return [e for e in feed if e.sequence > after]

    assert not RevocationList(source).active
    revocations = RevocationList(source, clock_skew_s=0, clock=clock)
    assert await revocations.refresh()
    assert (revocations.sequence, len(revocations)) == (5, 3)
    assert revocations.active
    assert reason_of(revocations, digests("jti-1")) == "TOKEN_REVOKED"
    assert reason_of(revocations, digests("jti-2", sid="family-1")) == "TOKEN_REVOKED"
    assert reason_of(revocations, digests("jti-2", consent="people/p/consents/c")) == "CONSENT_REVOKED"
    assert reason_of(revocations, digests("jti-2", consent="people/p/consents/other", sid="f2")) is None
    # The next poll asks only for what it has not seen.
    feed.append(entry(6, RevocationKind.ACCESS_TOKEN, "jti-2", clock.now + 60))
    assert await revocations.refresh()
    assert asked == [0, 5]
    assert reason_of(revocations, digests("jti-2")) == "TOKEN_REVOKED"


async def test_expired_entries_are_skipped_and_pruned() -> None:
    clock = FakeClock()
    feed = [
        entry(1, RevocationKind.ACCESS_TOKEN, "old", clock.now - 40),  # expired beyond the 30 s skew
        entry(2, RevocationKind.ACCESS_TOKEN, "soon", clock.now + 10),
        entry(3, RevocationKind.CONSENT, "later", clock.now + 100),
    ]

    async def source(after: int) -> Sequence[Revocation]:
        return [e for e in feed if e.sequence > after]

    revocations = RevocationList(source, clock_skew_s=30, clock=clock)
    await revocations.refresh()
    assert revocations.sequence == 3
    assert (RevocationKind.ACCESS_TOKEN, revocation_digest("old")) not in revocations
    assert (RevocationKind.ACCESS_TOKEN, revocation_digest("soon")) in revocations
    # A token is accepted until exp + skew, so the entry must stay that long...
    clock.now += 10 + 29
    await revocations.refresh()
    assert (RevocationKind.ACCESS_TOKEN, revocation_digest("soon")) in revocations
    # ...and no longer: past it, no token it matches verifies anyway.
    clock.now += 2
    await revocations.refresh()
    assert (RevocationKind.ACCESS_TOKEN, revocation_digest("soon")) not in revocations
    assert len(revocations) == 1
    assert revocations.prune() == 0


async def test_an_unreachable_feed_keeps_the_last_list_and_logs() -> None:
    clock = FakeClock()
    reachable = True

    async def source(after: int) -> Sequence[Revocation]:
        if not reachable:
            raise ConnectionError("identity is down")
        return [entry(1, RevocationKind.ACCESS_TOKEN, "jti-1", clock.now + 60)] if after < 1 else []

    revocations = RevocationList(source, clock=clock)
    assert await revocations.refresh()
    succeeded = revocations.last_success
    reachable = False
    clock.now += 5
    with capture_logs() as logs:
        assert not await revocations.refresh()
    assert reason_of(revocations, digests("jti-1")) == "TOKEN_REVOKED"
    assert revocations.last_success == succeeded
    [line] = [line for line in logs if line["log_level"] == "warning"]
    assert line["event"] == "revocation feed unreachable; keeping the last list"
    assert line["error"] == "ConnectionError"


async def test_the_background_refresh_polls_every_interval_until_stopped() -> None:
    feed: list[Revocation] = []
    calls = 0

    async def source(after: int) -> Sequence[Revocation]:
        nonlocal calls
        calls += 1
        return [e for e in feed if e.sequence > after]

    revocations = RevocationList(source, refresh_s=0.05)
    revocations.start()
    try:
        await asyncio.sleep(0.02)
        feed.append(entry(1, RevocationKind.ACCESS_TOKEN, "jti-1", time.time() + 60))
        # Several intervals: 0.3 s on a quiet host, up to 10 s on a loaded one.
        for _ in range(200):
            await asyncio.sleep(0.05)
            if calls >= 3 and reason_of(revocations, digests("jti-1")) == "TOKEN_REVOKED":
                break
        assert reason_of(revocations, digests("jti-1")) == "TOKEN_REVOKED"
        assert calls >= 3
    finally:
        await revocations.stop()
    stopped_at = calls
    await asyncio.sleep(0.1)
    assert calls == stopped_at
    # Without a source nothing runs and nothing is ever revoked.
    idle = RevocationList(None)
    idle.start()
    assert await idle.refresh()
    await idle.stop()


async def test_a_cached_verification_still_sees_a_later_revocation() -> None:
    key = DevSigningKey.generate()
    revocations = RevocationList(None)
    verifier = AccessTokenVerifier(key.key_set(), issuer="iss", audience="jipan", revocations=revocations)
    token = key.mint(subject="people/a", audience="jipan", issuer="iss", consent="people/a/consents/c")
    claims = jwt.decode(token, options={"verify_signature": False})
    principal = await verifier.verify(token)
    assert verifier.cached(token) is principal
    # Verified and cached while nothing was revoked (no digests computed then), revoked after.
    earlier = key.mint(subject="people/a", audience="jipan", issuer="iss")
    earlier_jti = jwt.decode(earlier, options={"verify_signature": False})["jti"]
    await verifier.verify(earlier)
    assert len(revocations) == 0
    revocations.apply([entry(1, RevocationKind.CONSENT, "people/a/consents/c", claims["exp"])])
    assert revocations.active
    with pytest.raises(Unauthenticated) as caught:
        verifier.cached(token)
    assert caught.value.reason == "CONSENT_REVOKED"
    # And a fresh verification of another token with a revoked jti is refused before it is cached.
    other = key.mint(subject="people/a", audience="jipan", issuer="iss")
    other_jti = jwt.decode(other, options={"verify_signature": False})["jti"]
    revocations.apply([entry(2, RevocationKind.ACCESS_TOKEN, other_jti, time.time() + 60)])
    with pytest.raises(Unauthenticated) as caught:
        await verifier.verify(other)
    assert caught.value.reason == "TOKEN_REVOKED"
    assert verifier.cached(other) is None
    assert verifier.cached(earlier) is not None
    revocations.apply([entry(3, RevocationKind.ACCESS_TOKEN, earlier_jti, time.time() + 60)])
    with pytest.raises(Unauthenticated) as caught:
        verifier.cached(earlier)
    assert caught.value.reason == "TOKEN_REVOKED"


# --- the mesh -----------------------------------------------------------------------------------


@asynccontextmanager
async def fresh_database(database_url: str, prefix: str) -> AsyncIterator[str]:
    """A database of its own beside the session's: identity's signing keys are sealed with a
    secret kept in the data dir, so two identity servers with different data dirs cannot
    share one `identity` schema."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(database_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield dsn_with_database(database_url, name)
        await admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = $1 AND pid <> pg_backend_pid()",
            name,
        )
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    finally:
        await admin.close()


@pytest.fixture(scope="module")
async def own_database(database_url: str) -> AsyncIterator[str]:
    async with fresh_database(database_url, "jipan_revocation") as dsn:
        yield dsn


@pytest.fixture(scope="module")
async def identity_server(
    own_database: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[RunningServer]:
    settings = make_settings(
        own_database,
        tmp_path_factory.mktemp("identity-revocation"),
        JIPAN_WEBAUTHN_RP_ID=RP_ID,
        JIPAN_WEBAUTHN_ORIGINS=ORIGIN,
        # Consent tokens that outlive the test: only revocation can stop them.
        JIPAN_CONSENT_TOKEN_TTL_S="600",
    )
    async with running_server(settings, [system.SERVICE, identity.build_module()]) as running:
        yield running


@pytest.fixture(scope="module")
async def remote_server(
    identity_server: RunningServer, database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[RunningServer]:
    """Another server of the mesh, in its own runtime and database, that knows identity only by address."""
    settings = make_settings(
        database_url,
        tmp_path_factory.mktemp("remote-verifier"),
        JIPAN_IDENTITY_TARGET=identity_server.address,
        JIPAN_REVOCATION_REFRESH_S=str(REFRESH_S),
    )
    async with running_server(settings, [system.SERVICE]) as running:
        yield running


@pytest.fixture
async def channel(identity_server: RunningServer) -> AsyncIterator[grpc.aio.Channel]:
    async with grpc.aio.insecure_channel(identity_server.address) as ch:
        yield ch


async def refused_within(server: RunningServer, token: str, bound_s: float) -> tuple[str, float]:
    """Call `server` with `token` until it is refused; the reason and how long that took."""
    started = time.monotonic()
    while True:
        try:
            await whoami_on(server, token)
        except grpc.aio.AioRpcError as exc:
            refused = exc
            break
        elapsed = time.monotonic() - started
        assert elapsed <= bound_s, f"still accepted {elapsed:.2f} s after the revocation"
        await asyncio.sleep(0.05)
    took = time.monotonic() - started
    info = error_info(refused)
    assert (refused.code(), info.domain) == (grpc.StatusCode.UNAUTHENTICATED, COMMON_DOMAIN)
    return info.reason, took


async def test_a_revoked_consent_is_refused_on_another_server_within_the_bound(
    identity_server: RunningServer, remote_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    consents = con_grpc.ConsentServiceStub(channel)
    app, app_token = await _service_with_token(identity_server, channel, ["health.read"])
    person, _, person_token = await _person_with_token(channel, "revoker")
    granted = (
        await consents.CreateConsent(
            con_pb.CreateConsentRequest(
                parent=person.name,
                consent=res.Consent(client=app, scopes=["health.read"], expire_time=_in(3600)),
            ),
            metadata=bearer(person_token),
        )
    ).consent
    issued = await tok_grpc.TokenServiceStub(channel).IssueConsentToken(
        tok_pb.IssueConsentTokenRequest(consent=granted.name), metadata=bearer(app_token)
    )
    token = issued.access_token
    # Verified and cached on both servers.
    for server in (remote_server, identity_server):
        assert (await whoami_on(server, token)).principal.consent == granted.name

    await consents.RevokeConsent(
        con_pb.RevokeConsentRequest(name=granted.name), metadata=bearer(person_token)
    )
    # The process that runs identity re-reads the feed before RevokeConsent returns.
    reason, _ = await refused_within(identity_server, token, 0)
    assert reason == "CONSENT_REVOKED"
    reason, took = await refused_within(remote_server, token, REFRESH_S + RPC_ALLOWANCE_S)
    assert reason == "CONSENT_REVOKED"
    assert took <= REFRESH_S + RPC_ALLOWANCE_S
    # The token had ten minutes left: only revocation stopped it.
    assert issued.expire_time.ToDatetime(UTC) > datetime.now(UTC) + timedelta(minutes=5)


async def test_a_revoked_access_token_is_refused_on_another_server_within_the_bound(
    identity_server: RunningServer, remote_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    tokens = tok_grpc.TokenServiceStub(channel)
    authenticator = SoftAuthenticator(ORIGIN)
    person = await register(channel, authenticator, unique("leaked"))
    leaked = (await sign_in(channel, authenticator)).access_token
    kept = (await sign_in(channel, authenticator)).access_token
    assert (await whoami_on(remote_server, leaked)).principal.subject == person.name

    # Open (RFC 7009): possession of the token is the credential.
    await tokens.RevokeAccessToken(tok_pb.RevokeAccessTokenRequest(token=leaked))
    reason, took = await refused_within(remote_server, leaked, REFRESH_S + RPC_ALLOWANCE_S)
    assert (reason, took <= REFRESH_S + RPC_ALLOWANCE_S) == ("TOKEN_REVOKED", True)
    assert (await refused_within(identity_server, leaked, 0))[0] == "TOKEN_REVOKED"
    # Only that token: another one of the same person still works.
    assert (await whoami_on(remote_server, kept)).principal.subject == person.name
    # The person sees the revocation among their security events.
    listed = await ev_grpc.SecurityEventServiceStub(channel).ListSecurityEvents(
        ev_pb.ListSecurityEventsRequest(parent=person.name), metadata=bearer(kept)
    )
    revoked = [e for e in listed.security_events if e.kind == res.SECURITY_EVENT_KIND_ACCESS_TOKEN_REVOKED]
    assert [e.details["jti"] for e in revoked] == [
        jwt.decode(leaked, options={"verify_signature": False})["jti"]
    ]
    # Introspection sees the revocation too (from identity's tables).
    _, service_token = await _service_with_token(identity_server, channel, ["health.read"])
    introspected = await tokens.IntrospectToken(
        tok_pb.IntrospectTokenRequest(token=leaked), metadata=bearer(service_token)
    )
    assert not introspected.active
    # Revoking again, or revoking garbage or a token identity did not sign, succeeds and says nothing.
    await tokens.RevokeAccessToken(tok_pb.RevokeAccessTokenRequest(token=leaked))
    await tokens.RevokeAccessToken(tok_pb.RevokeAccessTokenRequest(token="not.a.token"))
    await tokens.RevokeAccessToken(tok_pb.RevokeAccessTokenRequest(token=remote_server.token()))
    assert (await whoami_on(remote_server, kept)).principal.subject == person.name


async def test_sign_out_revokes_the_sessions_access_tokens_everywhere(
    identity_server: RunningServer, remote_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    tokens = tok_grpc.TokenServiceStub(channel)
    authenticator = SoftAuthenticator(ORIGIN)
    await register(channel, authenticator, unique("session"))
    signed_in = await sign_in(channel, authenticator)
    refreshed = await tokens.RefreshAccessToken(
        tok_pb.RefreshAccessTokenRequest(refresh_token=signed_in.refresh_token)
    )
    other_session = (await sign_in(channel, authenticator)).access_token
    sid = jwt.decode(signed_in.access_token, options={"verify_signature": False})["sid"]
    assert jwt.decode(refreshed.access_token, options={"verify_signature": False})["sid"] == sid
    for token in (signed_in.access_token, refreshed.access_token):
        await whoami_on(remote_server, token)

    await tokens.RevokeRefreshToken(tok_pb.RevokeRefreshTokenRequest(refresh_token=refreshed.refresh_token))
    for token in (signed_in.access_token, refreshed.access_token):
        reason, _ = await refused_within(remote_server, token, REFRESH_S + RPC_ALLOWANCE_S)
        assert reason == "TOKEN_REVOKED"
    await whoami_on(remote_server, other_session)


async def test_the_feed_is_open_paginated_and_carries_digests_only(
    identity_server: RunningServer, remote_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    tokens = tok_grpc.TokenServiceStub(channel)
    authenticator = SoftAuthenticator(ORIGIN)
    await register(channel, authenticator, unique("feed"))
    revoked = [(await sign_in(channel, authenticator)).access_token for _ in range(3)]
    start = (await tokens.ListRevocations(tok_pb.ListRevocationsRequest())).revocations
    after = max((r.sequence for r in start), default=0)
    # Not the whole feed: the default page is 500 and other tests revoke too.
    while True:
        page = await tokens.ListRevocations(tok_pb.ListRevocationsRequest(after_sequence=after))
        if not page.revocations:
            break
        after = page.revocations[-1].sequence
    for token in revoked:
        await tokens.RevokeAccessToken(tok_pb.RevokeAccessTokenRequest(token=token))

    seen: list[res.Revocation] = []
    page_token = ""
    while True:
        page = await tokens.ListRevocations(
            tok_pb.ListRevocationsRequest(after_sequence=after, page_size=2, page_token=page_token)
        )
        seen.extend(page.revocations)
        page_token = page.next_page_token
        if not page_token:
            break
    assert [r.sequence for r in seen] == sorted({r.sequence for r in seen})
    assert len(seen) == 3
    claims = [jwt.decode(t, options={"verify_signature": False}) for t in revoked]
    assert [r.digest for r in seen] == [hashlib.sha256(c["jti"].encode()).digest() for c in claims]
    assert {r.kind for r in seen} == {res.REVOCATION_KIND_ACCESS_TOKEN}
    # expire_time: the token's exp (plus identity's margin for clock differences), never earlier.
    for revocation, claim in zip(seen, claims, strict=True):
        assert claim["exp"] <= revocation.expire_time.seconds <= claim["exp"] + 120
    # A page token belongs to its query.
    first = await tokens.ListRevocations(tok_pb.ListRevocationsRequest(after_sequence=after, page_size=1))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await tokens.ListRevocations(
            tok_pb.ListRevocationsRequest(after_sequence=after + 1, page_token=first.next_page_token)
        )
    assert error_info(caught.value).reason == "PAGE_TOKEN_INVALID"
    # The remote server's list has caught up with the feed.
    await asyncio.sleep(REFRESH_S + RPC_ALLOWANCE_S)
    assert remote_server.runtime.revocations.sequence >= seen[-1].sequence


async def test_identity_deletes_rows_a_day_past_their_expiry(identity_server: RunningServer) -> None:
    pool = identity_server.runtime.database
    stale = hashlib.sha256(unique("stale").encode()).digest()
    await pool.execute(
        "INSERT INTO identity.revocations (kind, digest, expire_time)"
        " VALUES ('access_token', $1, now() - interval '25 hours')",
        stale,
    )
    authenticator = SoftAuthenticator(ORIGIN)
    async with grpc.aio.insecure_channel(identity_server.address) as ch:
        await register(ch, authenticator, unique("prune"))
        token = (await sign_in(ch, authenticator)).access_token
        await tok_grpc.TokenServiceStub(ch).RevokeAccessToken(tok_pb.RevokeAccessTokenRequest(token=token))
    assert not await pool.fetchval("SELECT count(*) FROM identity.revocations WHERE digest = $1", stale)
