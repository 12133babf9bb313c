"""SubscriptionService end to end: notifications listed and watched per organisation, signed
webhooks retried with backoff, the delivery log in PostgreSQL surviving a restart, SSRF refusals."""

from __future__ import annotations

import asyncio
import base64
import json
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import grpc
import pytest

from jipan.clients import error_details
from jipan.market.v1 import project_service_pb2 as ppb
from jipan.market.v1 import project_service_pb2_grpc as ppb_grpc
from jipan.market.v1 import question_service_pb2 as qpb
from jipan.market.v1 import question_service_pb2_grpc as qpb_grpc
from jipan.market.v1 import resources_pb2 as mres
from jipan.market.v1 import subscription_service_pb2 as spb
from jipan.market.v1 import subscription_service_pb2_grpc as spb_grpc
from jipan.procurement.v1 import review_service_pb2 as rpb
from jipan.procurement.v1 import review_service_pb2_grpc as rpb_grpc
from jipan.servers import ledger, market, procurement, system
from jipan.servers.market.catalog.store import CatalogStore
from jipan.servers.market.subscriptions.delivery import RetryPolicy
from jipan.servers.market.subscriptions.domain import Subscriptions
from jipan.servers.market.subscriptions.feed import NotificationFeed
from jipan.servers.market.subscriptions.model import Event, EventKind
from jipan.servers.market.subscriptions.secrets import WebhookSecrets
from jipan.servers.market.subscriptions.store import SubscriptionStore
from jipan.servers.market.subscriptions.webhooks import PublicOnlyResolver, sign, uri_problem, verify
from jipan.servers.runtime.errors import DataLoss
from jipan.servers.runtime.key_wrapping import FileKek, KeyErrors
from tests.conftest import fresh_database
from tests.market.webhook_receiver import WebhookReceiver
from tests.mesh import RunningServer, make_settings, running_server

FIXTURES = Path(__file__).with_name("fixtures")
OSV = Path(__file__).parent.parent / "procurement" / "fixtures"
SCOPES = ("market.read", "market.write", "procurement.read", "procurement.write")
Metadata = tuple[tuple[str, str], ...]
FAST = {
    "JIPAN_MARKET_WEBHOOK_ALLOW_PRIVATE": "true",
    "JIPAN_MARKET_WEBHOOK_BACKOFF_S": "0.05",
    "JIPAN_MARKET_WEBHOOK_BACKOFF_MAX_S": "0.2",
    "JIPAN_MARKET_WEBHOOK_MAX_ATTEMPTS": "4",
}
MODULES = [system.SERVICE, ledger.SERVICE, procurement.SERVICE, market.SERVICE]


@pytest.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_market_subs") as own:
        settings = make_settings(own, tmp_path_factory.mktemp("market-subs"), **FAST)
        async with running_server(settings, MODULES) as running:
            yield running


def meta(server: RunningServer, org: str, roles: tuple[str, ...] = ("member",)) -> Metadata:
    return server.metadata(subject=f"people/someone-at-{org}", scopes=SCOPES, org=f"orgs/{org}", roles=roles)


async def expect(call: object, code: grpc.StatusCode, reason: str) -> grpc.aio.AioRpcError:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code() == code, caught.value.details()
    assert error_details(caught.value).reason == reason, error_details(caught.value)
    return caught.value


def jinja2_until(version: str) -> bytes:
    """The committed PyPI document of jinja2 as it was when `version` was the newest release."""
    document = json.loads((FIXTURES / "pypi-jinja2.json").read_bytes())
    keys = list(document["releases"])
    document["releases"] = {k: document["releases"][k] for k in keys[: keys.index(version) + 1]}
    document["info"]["version"] = version
    return json.dumps(document).encode()


async def eventually(check: Callable[[], Awaitable[bool]], timeout_s: float = 20.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not await check():
        assert asyncio.get_running_loop().time() < deadline, "timed out waiting"
        await asyncio.sleep(0.05)


async def ask(
    qa: qpb_grpc.QuestionServiceAsyncStub,
    server: RunningServer,
    org: str,
    title: str,
    body: str,
    project: str = "projects/pypi-jinja2",
) -> mres.Question:
    """`org` asks a question about the project."""
    response = await qa.CreateQuestion(
        qpb.CreateQuestionRequest(
            parent=project,
            question=mres.Question(title=title, body=body),
            request_id=str(uuid.uuid4()),
        ),
        metadata=meta(server, org),
    )
    return response.question


async def answer_to(
    qa: qpb_grpc.QuestionServiceAsyncStub, server: RunningServer, org: str, question: str, body: str
) -> mres.Answer:
    """`org` answers the question."""
    response = await qa.CreateAnswer(
        qpb.CreateAnswerRequest(parent=question, answer=mres.Answer(body=body), request_id=str(uuid.uuid4())),
        metadata=meta(server, org),
    )
    return response.answer


# --- pure parts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("uri", "problem"),
    [
        ("https://hooks.example.com/jipan", ""),
        ("https://8.8.8.8/hook", ""),
        ("http://hooks.example.com/jipan", "only https URIs"),
        ("ftp://hooks.example.com/", "only https URIs"),
        ("https://127.0.0.1/hook", "a private or reserved address"),
        ("https://10.1.2.3/hook", "a private or reserved address"),
        ("https://192.168.0.10/hook", "a private or reserved address"),
        ("https://169.254.169.254/latest/meta-data", "a private or reserved address"),
        ("https://100.64.0.1/hook", "a private or reserved address"),
        ("https://[::1]/hook", "a private or reserved address"),
        ("https://[fd00::1]/hook", "a private or reserved address"),
        ("https://[::ffff:127.0.0.1]/hook", "a private or reserved address"),
        ("https://localhost/hook", "a private host name"),
        ("https://metadata.google.internal/", "a private host name"),
        ("https://user:pw@hooks.example.com/", "credentials in the URI"),
        ("https:///nohost", "no host"),
    ],
)
def test_webhook_uris_must_be_public_https(uri: str, problem: str) -> None:
    assert uri_problem(uri, allow_private=False) == problem


def test_private_addresses_only_when_the_operator_allows_them() -> None:
    assert uri_problem("http://127.0.0.1:8080/hook", allow_private=True) == ""
    assert uri_problem("http://localhost/hook", allow_private=True) == ""


async def test_the_resolver_drops_private_addresses() -> None:
    resolver = PublicOnlyResolver(allow_private=False)
    try:
        with pytest.raises(OSError, match="no public address"):
            await resolver.resolve("localhost", 443)
    finally:
        await resolver.close()
    allowing = PublicOnlyResolver(allow_private=True)
    try:
        assert await allowing.resolve("localhost", 443)
    finally:
        await allowing.close()


def test_signature_is_hmac_sha256_over_time_and_body() -> None:
    import hashlib
    import hmac

    header = sign("whsec_test", b'{"a":1}', 1_700_000_000)
    expected = hmac.new(b"whsec_test", b'1700000000.{"a":1}', hashlib.sha256).hexdigest()
    assert header == f"t=1700000000,v1={expected}"
    assert verify("whsec_test", b'{"a":1}', header, now=1_700_000_100)
    assert not verify("whsec_test", b'{"a":2}', header, now=1_700_000_100)
    assert not verify("whsec_other", b'{"a":1}', header, now=1_700_000_100)
    assert not verify("whsec_test", b'{"a":1}', header, now=1_700_000_000 + 301)  # replayed late


async def test_webhook_secrets_are_kept_wrapped_and_bound_to_their_subscription(tmp_path: Path) -> None:
    errors = KeyErrors(domain="market.jipan.tw", tampered_reason="WEBHOOK_SECRET_UNREADABLE")
    box = WebhookSecrets(FileKek.load_or_create(tmp_path / "kek", errors))
    shown, wrapped = await box.make("orgs/a/subscriptions/1")
    assert shown.startswith("whsec_")
    assert len(shown) == 6 + 43
    assert shown.encode() not in wrapped
    assert base64.urlsafe_b64decode(shown[6:] + "=") not in wrapped
    assert await box.open("orgs/a/subscriptions/1", wrapped) == shown
    with pytest.raises(DataLoss) as moved:
        await WebhookSecrets(FileKek.load_or_create(tmp_path / "kek", errors)).open(
            "orgs/b/subscriptions/1", wrapped
        )
    assert moved.value.reason == "WEBHOOK_SECRET_UNREADABLE"
    with pytest.raises(DataLoss):  # another KEK
        await WebhookSecrets(FileKek.load_or_create(tmp_path / "other", errors)).open(
            "orgs/a/subscriptions/1", wrapped
        )


def test_backoff_doubles_with_jitter_up_to_the_cap() -> None:
    import random

    policy = RetryPolicy(max_attempts=8, base_s=10, max_delay_s=60)
    rng = random.Random(7)
    for attempts, step in [(1, 10), (2, 20), (3, 40), (4, 60), (7, 60)]:
        delays = [policy.delay_s(attempts, rng) for _ in range(200)]
        assert min(delays) >= step / 2
        assert max(delays) <= step
        assert max(delays) - min(delays) > step / 4  # jittered, not fixed


# --- end to end ----------------------------------------------------------------------------------


def _watch(
    subs: spb_grpc.SubscriptionServiceAsyncStub, server: RunningServer, org: str
) -> tuple[list[mres.Notification], asyncio.Task[None]]:
    """Watches `org`'s notifications from now: the list they are appended to, and the reading task."""
    watch = subs.WatchNotifications(
        spb.WatchNotificationsRequest(parent=f"orgs/{org}"), metadata=meta(server, org)
    )
    watched: list[mres.Notification] = []

    async def read_stream() -> None:
        async for response in watch:
            watched.append(response.notification)

    return watched, asyncio.create_task(read_stream())


async def test_notifications_for_versions_advisories_and_answers(server: RunningServer) -> None:
    a, b = (f"{x}-{uuid.uuid4().hex[:6]}" for x in ("agency", "vendor"))
    receiver = WebhookReceiver()
    hook = await receiver.start()
    try:
        async with grpc.aio.insecure_channel(server.address) as channel:
            projects: ppb_grpc.ProjectServiceAsyncStub = ppb_grpc.ProjectServiceStub(channel)
            subs: spb_grpc.SubscriptionServiceAsyncStub = spb_grpc.SubscriptionServiceStub(channel)
            await projects.ImportProject(
                ppb.ImportProjectRequest(
                    format=mres.METADATA_FORMAT_PYPI_JSON, metadata=jinja2_until("3.1.4")
                ),
                metadata=meta(server, a),
            )
            every = [mres.EVENT_KIND_NEW_VERSION, mres.EVENT_KIND_NEW_ADVISORY, mres.EVENT_KIND_NEW_ANSWER]
            mine = (
                await subs.CreateSubscription(
                    spb.CreateSubscriptionRequest(
                        parent=f"orgs/{a}",
                        subscription=mres.Subscription(
                            target="projects/pypi-jinja2", events=every, webhook_uri=hook
                        ),
                    ),
                    metadata=meta(server, a),
                )
            ).subscription
            assert mine.webhook_secret.startswith("whsec_")
            assert len(mine.webhook_secret) > 40
            receiver.secrets[mine.name] = mine.webhook_secret
            theirs = (
                await subs.CreateSubscription(
                    spb.CreateSubscriptionRequest(
                        parent=f"orgs/{b}",
                        subscription=mres.Subscription(target="projects/pypi-jinja2", events=every),
                    ),
                    metadata=meta(server, b),
                )
            ).subscription
            assert theirs.webhook_secret == ""
            # The secret is shown once: never listed.
            listed = await subs.ListSubscriptions(
                spb.ListSubscriptionsRequest(parent=f"orgs/{a}"), metadata=meta(server, a)
            )
            assert [s.name for s in listed.subscriptions] == [mine.name]
            assert listed.subscriptions[0].webhook_secret == ""

            # A watches from now; B's stream must see only B's notifications.
            watched, reader = _watch(subs, server, a)
            await asyncio.sleep(0.3)  # the watch is listening

            # A new advisory affecting the latest version (3.1.4), seen when health is evaluated.
            records = [json.loads((OSV / "GHSA-gmj6-6f8f-6699.json").read_bytes())]
            await rpb_grpc.ListingReviewServiceStub(channel).ImportAdvisories(
                rpb.ImportAdvisoriesRequest(osv_data=json.dumps(records).encode()),
                metadata=meta(server, "moda", ("procurement-admin",)),
            )
            for _ in range(2):  # announced once, however often health is evaluated
                await projects.GetProjectHealth(
                    ppb.GetProjectHealthRequest(name="projects/pypi-jinja2/health"), metadata=meta(server, a)
                )
            # New versions.
            await projects.ImportProject(
                ppb.ImportProjectRequest(
                    format=mres.METADATA_FORMAT_PYPI_JSON,
                    metadata=(FIXTURES / "pypi-jinja2.json").read_bytes(),
                ),
                metadata=meta(server, b),
            )
            # A's question answered by B: only A hears of it.
            qa: qpb_grpc.QuestionServiceAsyncStub = qpb_grpc.QuestionServiceStub(channel)
            question = await ask(qa, server, a, "沙箱安全嗎？", "Is the sandbox safe?")
            answer = await answer_to(qa, server, b, question.name, "Use 3.1.5+.")

            want = {
                (mres.EVENT_KIND_NEW_ADVISORY, "projects/pypi-jinja2/versions/3.1.4"),
                (mres.EVENT_KIND_NEW_VERSION, "projects/pypi-jinja2/versions/3.1.5"),
                (mres.EVENT_KIND_NEW_VERSION, "projects/pypi-jinja2/versions/3.1.6"),
                (mres.EVENT_KIND_NEW_ANSWER, answer.name),
            }
            notes = await subs.ListNotifications(
                spb.ListNotificationsRequest(parent=f"orgs/{a}"), metadata=meta(server, a)
            )
            assert {(n.kind, n.subject) for n in notes.notifications} == want
            assert all(n.subscription == mine.name for n in notes.notifications)
            assert notes.notifications[0].kind == mres.EVENT_KIND_NEW_ANSWER  # newest first
            advisory = next(n for n in notes.notifications if n.kind == mres.EVENT_KIND_NEW_ADVISORY)
            assert "GHSA-gmj6-6f8f-6699" in advisory.summary
            page = await subs.ListNotifications(
                spb.ListNotificationsRequest(parent=f"orgs/{a}", page_size=3), metadata=meta(server, a)
            )
            rest = await subs.ListNotifications(
                spb.ListNotificationsRequest(
                    parent=f"orgs/{a}", page_size=3, page_token=page.next_page_token
                ),
                metadata=meta(server, a),
            )
            assert [n.name for n in page.notifications] + [n.name for n in rest.notifications] == [
                n.name for n in notes.notifications
            ]
            assert not rest.next_page_token
            theirs_notes = await subs.ListNotifications(
                spb.ListNotificationsRequest(parent=f"orgs/{b}"), metadata=meta(server, b)
            )
            assert {n.kind for n in theirs_notes.notifications} == {
                mres.EVENT_KIND_NEW_ADVISORY,
                mres.EVENT_KIND_NEW_VERSION,
            }

            await eventually(lambda: asyncio.sleep(0, len(watched) >= 4))
            reader.cancel()
            assert {(n.kind, n.subject) for n in watched} == want
            # Resuming after the second notification streams the rest, in order.
            resumed = subs.WatchNotifications(
                spb.WatchNotificationsRequest(parent=f"orgs/{a}", after=watched[1].name),
                metadata=meta(server, a),
            )
            again = []
            for _ in range(2):
                response = await resumed.read()
                assert isinstance(response, spb.WatchNotificationsResponse)
                again.append(response.notification.name)
            resumed.cancel()
            assert again == [n.name for n in watched[2:4]]

            # Every notification reached A's webhook once, signed with A's secret.
            await eventually(lambda: asyncio.sleep(0, len(receiver.received) >= 4))
            assert {r.body["notification"] for r in receiver.received} == {
                n.name for n in notes.notifications
            }
            assert all(r.signature_ok for r in receiver.received)
            assert {r.event for r in receiver.received} == {"NEW_ADVISORY", "NEW_VERSION", "NEW_ANSWER"}

            # The receiver answers before the worker commits what it saw: wait for the commits.
            async def all_delivered() -> bool:
                listed = await subs.ListWebhookDeliveries(
                    spb.ListWebhookDeliveriesRequest(parent=mine.name), metadata=meta(server, a)
                )
                return all(d.state == mres.DELIVERY_STATE_DELIVERED for d in listed.deliveries)

            await eventually(all_delivered)
            deliveries = await subs.ListWebhookDeliveries(
                spb.ListWebhookDeliveriesRequest(parent=mine.name), metadata=meta(server, a)
            )
            assert len(deliveries.deliveries) == 4
            for delivery in deliveries.deliveries:
                assert delivery.state == mres.DELIVERY_STATE_DELIVERED
                assert delivery.attempts == 1
                assert delivery.last_status == 200
                assert [(x.number, x.status, x.error) for x in delivery.attempt_log] == [(1, 200, "")]
    finally:
        await receiver.stop()


async def test_failed_attempts_are_retried_and_logged(server: RunningServer) -> None:
    a = f"agency-{uuid.uuid4().hex[:6]}"
    # Each delivery fails twice (503), then succeeds.
    receiver = WebhookReceiver(status_for=lambda delivery, attempt: 503 if attempt <= 2 else 204)
    hook = await receiver.start()
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}/hook"
    try:
        async with grpc.aio.insecure_channel(server.address) as channel:
            projects: ppb_grpc.ProjectServiceAsyncStub = ppb_grpc.ProjectServiceStub(channel)
            subs: spb_grpc.SubscriptionServiceAsyncStub = spb_grpc.SubscriptionServiceStub(channel)
            await projects.ImportProject(
                ppb.ImportProjectRequest(
                    format=mres.METADATA_FORMAT_PYPI_JSON, metadata=(FIXTURES / "pypi-idna.json").read_bytes()
                ),
                metadata=meta(server, a),
            )
            created = {}
            for uri in (hook, dead):
                created[uri] = (
                    await subs.CreateSubscription(
                        spb.CreateSubscriptionRequest(
                            parent=f"orgs/{a}",
                            subscription=mres.Subscription(
                                target="projects/pypi-idna",
                                events=[mres.EVENT_KIND_NEW_ANSWER],
                                webhook_uri=uri,
                            ),
                        ),
                        metadata=meta(server, a),
                    )
                ).subscription
            receiver.secrets[created[hook].name] = created[hook].webhook_secret
            qa: qpb_grpc.QuestionServiceAsyncStub = qpb_grpc.QuestionServiceStub(channel)
            question = await ask(qa, server, a, "UTS 46?", "Which mapping?", "projects/pypi-idna")
            await answer_to(qa, server, a, question.name, "Both.")

            async def states() -> dict[str, mres.WebhookDelivery]:
                out = {}
                for uri, sub in created.items():
                    listed = await subs.ListWebhookDeliveries(
                        spb.ListWebhookDeliveriesRequest(parent=sub.name), metadata=meta(server, a)
                    )
                    assert len(listed.deliveries) == 1
                    out[uri] = listed.deliveries[0]
                return out

            async def settled() -> bool:
                return all(d.state != mres.DELIVERY_STATE_PENDING for d in (await states()).values())

            await eventually(settled)
            got = await states()
            ok = got[hook]
            assert ok.state == mres.DELIVERY_STATE_DELIVERED
            assert ok.attempts == 3
            assert ok.last_status == 204
            assert [(x.number, x.status, x.error) for x in ok.attempt_log] == [
                (1, 503, "HTTP 503"),
                (2, 503, "HTTP 503"),
                (3, 204, ""),
            ]
            times = [x.attempt_time.ToDatetime() for x in ok.attempt_log]
            assert times == sorted(times)
            assert len(receiver.received) == 1
            assert receiver.received[0].signature_ok
            assert receiver.received[0].delivery == ok.name
            failed = got[dead]
            assert failed.state == mres.DELIVERY_STATE_FAILED
            assert failed.attempts == 4  # JIPAN_MARKET_WEBHOOK_MAX_ATTEMPTS
            assert {(x.status, x.error) for x in failed.attempt_log} == {(0, "connection failed")}
    finally:
        await receiver.stop()


async def test_tenants_see_only_their_own_subscriptions(server: RunningServer) -> None:
    a, b = (f"{x}-{uuid.uuid4().hex[:6]}" for x in ("agency", "other"))
    async with grpc.aio.insecure_channel(server.address) as channel:
        projects: ppb_grpc.ProjectServiceAsyncStub = ppb_grpc.ProjectServiceStub(channel)
        subs: spb_grpc.SubscriptionServiceAsyncStub = spb_grpc.SubscriptionServiceStub(channel)
        await projects.ImportProject(
            ppb.ImportProjectRequest(
                format=mres.METADATA_FORMAT_PYPI_JSON, metadata=(FIXTURES / "pypi-idna.json").read_bytes()
            ),
            metadata=meta(server, a),
        )
        sub = (
            await subs.CreateSubscription(
                spb.CreateSubscriptionRequest(
                    parent=f"orgs/{a}",
                    subscription=mres.Subscription(
                        target="projects/pypi-idna", events=[mres.EVENT_KIND_NEW_VERSION]
                    ),
                ),
                metadata=meta(server, a),
            )
        ).subscription
        other = meta(server, b)
        for call in (
            subs.ListSubscriptions(spb.ListSubscriptionsRequest(parent=f"orgs/{a}"), metadata=other),
            subs.ListNotifications(spb.ListNotificationsRequest(parent=f"orgs/{a}"), metadata=other),
            subs.CreateSubscription(
                spb.CreateSubscriptionRequest(
                    parent=f"orgs/{a}",
                    subscription=mres.Subscription(
                        target="projects/pypi-idna", events=[mres.EVENT_KIND_NEW_VERSION]
                    ),
                ),
                metadata=other,
            ),
        ):
            await expect(call, grpc.StatusCode.PERMISSION_DENIED, "ORGANIZATION_MISMATCH")
        stream = subs.WatchNotifications(spb.WatchNotificationsRequest(parent=f"orgs/{a}"), metadata=other)
        await expect(stream.read(), grpc.StatusCode.PERMISSION_DENIED, "ORGANIZATION_MISMATCH")
        await expect(
            subs.DeleteSubscription(spb.DeleteSubscriptionRequest(name=sub.name), metadata=other),
            grpc.StatusCode.NOT_FOUND,
            "SUBSCRIPTION_NOT_FOUND",
        )
        await expect(
            subs.ListWebhookDeliveries(spb.ListWebhookDeliveriesRequest(parent=sub.name), metadata=other),
            grpc.StatusCode.NOT_FOUND,
            "SUBSCRIPTION_NOT_FOUND",
        )
        # Bad input: clear reasons.
        for subscription, reason in (
            (mres.Subscription(target="projects/pypi-idna"), "FIELD_INVALID"),
            (mres.Subscription(target="nope", events=[mres.EVENT_KIND_NEW_VERSION]), "NAME_INVALID"),
            (
                mres.Subscription(
                    target="projects/pypi-idna", events=[mres.EVENT_KIND_NEW_VERSION], webhook_uri="ftp://x/"
                ),
                "WEBHOOK_URI_INVALID",
            ),
        ):
            await expect(
                subs.CreateSubscription(
                    spb.CreateSubscriptionRequest(parent=f"orgs/{a}", subscription=subscription),
                    metadata=meta(server, a),
                ),
                grpc.StatusCode.INVALID_ARGUMENT,
                reason,
            )
        await expect(
            subs.CreateSubscription(
                spb.CreateSubscriptionRequest(
                    parent=f"orgs/{a}",
                    subscription=mres.Subscription(
                        target="projects/no-such", events=[mres.EVENT_KIND_NEW_VERSION]
                    ),
                ),
                metadata=meta(server, a),
            ),
            grpc.StatusCode.NOT_FOUND,
            "PROJECT_NOT_FOUND",
        )
        await subs.DeleteSubscription(spb.DeleteSubscriptionRequest(name=sub.name), metadata=meta(server, a))
        await expect(
            subs.DeleteSubscription(spb.DeleteSubscriptionRequest(name=sub.name), metadata=meta(server, a)),
            grpc.StatusCode.NOT_FOUND,
            "SUBSCRIPTION_NOT_FOUND",
        )


async def test_pending_deliveries_survive_a_restart(database_url: str, tmp_path: Path) -> None:
    """Server 1 cannot reach the receiver (it is down) and stops with the delivery pending; server 2,
    on the same database, delivers it. The log keeps server 1's attempts."""
    org = f"agency-{uuid.uuid4().hex[:6]}"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Replicas share the platform's KEK (the webhook secrets are wrapped by it) and nothing else here.
    slow = {**FAST, "JIPAN_MARKET_WEBHOOK_MAX_ATTEMPTS": "50", "JIPAN_MODEL_KEK_FILE": str(tmp_path / "kek")}
    async with fresh_database(database_url, "jipan_market_restart") as own:
        first_settings = make_settings(own, tmp_path / "one", **slow)
        async with (
            running_server(first_settings, MODULES) as first,
            grpc.aio.insecure_channel(first.address) as channel,
        ):
            await ppb_grpc.ProjectServiceStub(channel).ImportProject(
                ppb.ImportProjectRequest(
                    format=mres.METADATA_FORMAT_PYPI_JSON, metadata=jinja2_until("3.1.5")
                ),
                metadata=meta(first, org),
            )
            subs = spb_grpc.SubscriptionServiceStub(channel)
            sub = (
                await subs.CreateSubscription(
                    spb.CreateSubscriptionRequest(
                        parent=f"orgs/{org}",
                        subscription=mres.Subscription(
                            target="projects/pypi-jinja2",
                            events=[mres.EVENT_KIND_NEW_VERSION],
                            webhook_uri=f"http://127.0.0.1:{port}/hook",
                        ),
                    ),
                    metadata=meta(first, org),
                )
            ).subscription
            await ppb_grpc.ProjectServiceStub(channel).ImportProject(
                ppb.ImportProjectRequest(
                    format=mres.METADATA_FORMAT_PYPI_JSON,
                    metadata=(FIXTURES / "pypi-jinja2.json").read_bytes(),
                ),
                metadata=meta(first, org),
            )

            async def attempted_twice() -> bool:
                listed = await subs.ListWebhookDeliveries(
                    spb.ListWebhookDeliveriesRequest(parent=sub.name), metadata=meta(first, org)
                )
                return bool(listed.deliveries) and listed.deliveries[0].attempts >= 2

            await eventually(attempted_twice)
        receiver = WebhookReceiver(secrets={sub.name: sub.webhook_secret})
        await receiver.start(port)
        try:
            second_settings = make_settings(own, tmp_path / "two", **slow)
            async with (
                running_server(second_settings, MODULES) as second,
                grpc.aio.insecure_channel(second.address) as channel,
            ):
                subs = spb_grpc.SubscriptionServiceStub(channel)

                async def delivered() -> bool:
                    listed = await subs.ListWebhookDeliveries(
                        spb.ListWebhookDeliveriesRequest(parent=sub.name), metadata=meta(second, org)
                    )
                    return listed.deliveries[0].state == mres.DELIVERY_STATE_DELIVERED

                await eventually(delivered)
                listed = await subs.ListWebhookDeliveries(
                    spb.ListWebhookDeliveriesRequest(parent=sub.name), metadata=meta(second, org)
                )
            log = listed.deliveries[0].attempt_log
            assert len(log) >= 3
            assert all(x.status == 0 for x in log[:-1])
            assert log[-1].status == 200
            assert [x.number for x in log] == list(range(1, len(log) + 1))
            assert len(receiver.received) == 1
            assert receiver.received[0].signature_ok
        finally:
            await receiver.stop()


class _PausingConnection:
    """A pooled connection whose publishing transaction stops just before it commits (at the
    NOTIFY, after its notifications have drawn their seq) until `go` is set."""

    def __init__(self, conn: Any, paused: asyncio.Event, go: asyncio.Event) -> None:
        self._conn, self._paused, self._go = conn, paused, go

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)

    async def execute(self, query: str, *args: Any) -> Any:
        if "pg_notify" in query and not self._paused.is_set():
            self._paused.set()
            await self._go.wait()
        return await self._conn.execute(query, *args)


class _PausingPool:
    def __init__(self, pool: Any, paused: asyncio.Event, go: asyncio.Event) -> None:
        self._pool, self._paused, self._go = pool, paused, go

    @asynccontextmanager
    async def acquire(self) -> AsyncIterator[_PausingConnection]:
        async with self._pool.acquire() as conn:
            yield _PausingConnection(conn, self._paused, self._go)


async def _subscribe_to_jinja2(
    server: RunningServer, channel: grpc.aio.Channel, org: str, event: mres.EventKind.ValueType
) -> None:
    """Imports pypi-jinja2 (up to 3.1.4) and subscribes `org` to its events of one kind."""
    await ppb_grpc.ProjectServiceStub(channel).ImportProject(
        ppb.ImportProjectRequest(format=mres.METADATA_FORMAT_PYPI_JSON, metadata=jinja2_until("3.1.4")),
        metadata=meta(server, org),
    )
    await spb_grpc.SubscriptionServiceStub(channel).CreateSubscription(
        spb.CreateSubscriptionRequest(
            parent=f"orgs/{org}",
            subscription=mres.Subscription(target="projects/pypi-jinja2", events=[event]),
        ),
        metadata=meta(server, org),
    )


async def test_a_watcher_never_passes_a_notification_committed_after_a_later_one(
    server: RunningServer,
) -> None:
    """T1 draws seq N and is slow to commit; T2 draws N+1 and commits first. A watcher woken by
    T2 reads past N+1 and, its cursor being `seq > last`, would never see N: T2 must not commit
    before T1."""
    org = f"agency-{uuid.uuid4().hex[:6]}"
    async with grpc.aio.insecure_channel(server.address) as channel:
        await _subscribe_to_jinja2(server, channel, org, mres.EVENT_KIND_NEW_VERSION)
    pool = server.runtime.database
    store = SubscriptionStore(pool)
    start = await store.last_notification_seq()

    def event(version: str) -> Event:
        subject = f"projects/pypi-jinja2/versions/{version}"
        return Event(EventKind.NEW_VERSION, "pypi-jinja2", subject, version, only_organization=f"orgs/{org}")

    paused, go = asyncio.Event(), asyncio.Event()
    slow = SubscriptionStore(_PausingPool(pool, paused, go))  # type: ignore[arg-type]
    first = asyncio.create_task(slow.publish(event("9.0.0"), lambda n, d: b""))
    await paused.wait()
    second = asyncio.create_task(store.publish(event("9.0.1"), lambda n, d: b""))

    async def second_committed_or_waiting() -> bool:
        return second.done() or bool(
            await pool.fetchval(
                "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                " AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))"
            )
        )

    await eventually(second_committed_or_waiting)
    # What a watcher woken now reads, and where its cursor then stands.
    seen = await store.notifications_after(f"orgs/{org}", start, 100)
    cursor = max((n.seq for n in seen), default=start)
    go.set()
    (made_first, _), (made_second, _) = await asyncio.gather(first, second)
    seen += await store.notifications_after(f"orgs/{org}", cursor, 100)
    assert [n.id for n in seen] == [made_first[0].id, made_second[0].id]


async def _listening(server: RunningServer) -> list[int]:
    """The backends of the server's database that LISTEN for notifications now."""
    rows = await server.runtime.database.fetch(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle'"
        " AND query LIKE 'LISTEN %'"
    )
    return [int(r["pid"]) for r in rows]


async def test_a_watch_outlives_its_listen_connection(server: RunningServer) -> None:
    """The LISTEN connection dies (a database restart, a failover): the feed listens again, and a
    notification published from elsewhere (NOTIFY only, no local wake-up) still reaches the
    watcher, which otherwise waited forever."""
    org = f"agency-{uuid.uuid4().hex[:6]}"
    async with grpc.aio.insecure_channel(server.address) as channel:
        await _subscribe_to_jinja2(server, channel, org, mres.EVENT_KIND_NEW_VERSION)
        subs: spb_grpc.SubscriptionServiceAsyncStub = spb_grpc.SubscriptionServiceStub(channel)
        watched, reader = _watch(subs, server, org)
        try:

            async def listening() -> bool:
                return bool(await _listening(server))

            await eventually(listening)
            dead = await _listening(server)
            await server.runtime.database.execute(
                "SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid", dead
            )

            async def listening_again() -> bool:
                return bool(set(await _listening(server)) - set(dead))

            await eventually(listening_again)
            subject = "projects/pypi-jinja2/versions/9.1.0"
            store = SubscriptionStore(server.runtime.database)
            event = Event(EventKind.NEW_VERSION, "pypi-jinja2", subject, "9.1.0", f"orgs/{org}")
            (made,), _ = await store.publish(event, lambda n, d: b"")

            async def delivered() -> bool:
                return made.id in [n.name.rsplit("/", 1)[-1] for n in watched]

            await eventually(delivered)
        finally:
            reader.cancel()
            await asyncio.gather(reader, return_exceptions=True)


async def test_an_advisory_whose_notifications_failed_is_announced_again(
    server: RunningServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An advisory was recorded as announced, then its notifications failed (only logged): it was
    never announced again. Both are now one transaction, and the next evaluation announces it."""
    org = f"agency-{uuid.uuid4().hex[:6]}"
    async with grpc.aio.insecure_channel(server.address) as channel:
        await _subscribe_to_jinja2(server, channel, org, mres.EVENT_KIND_NEW_ADVISORY)
    pool = server.runtime.database

    class Worker:
        def wake(self) -> None:
            pass

    store = SubscriptionStore(pool)
    subscriptions = Subscriptions(
        store,
        CatalogStore(pool),
        NotificationFeed(pool),
        Worker(),  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
        server.runtime.page_tokens,
        allow_private_webhooks=True,
    )
    original = SubscriptionStore.publish
    failures = [ConnectionResetError("the database went away")]

    async def failing_once(self: SubscriptionStore, *args: Any, **kwargs: Any) -> Any:
        if failures:
            raise failures.pop()
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(SubscriptionStore, "publish", failing_once)
    advisory = f"GHSA-test-{uuid.uuid4().hex[:8]}"
    await subscriptions.new_advisories("pypi-jinja2", "3.1.4", [advisory])  # failed, logged
    assert not failures
    await subscriptions.new_advisories("pypi-jinja2", "3.1.4", [advisory])  # the next evaluation
    await subscriptions.new_advisories("pypi-jinja2", "3.1.4", [advisory])  # and the one after
    notes = await store.notifications_after(f"orgs/{org}", 0, 1000)
    assert [n.kind for n in notes if advisory in n.summary] == [EventKind.NEW_ADVISORY]


def _sweeper(server: RunningServer) -> Subscriptions:
    """Another replica's Subscriptions on the server's database: what its sweep publishes."""
    pool = server.runtime.database

    class Worker:
        def wake(self) -> None:
            pass

    return Subscriptions(
        SubscriptionStore(pool),
        CatalogStore(pool),
        NotificationFeed(pool),
        Worker(),  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
        server.runtime.page_tokens,
        allow_private_webhooks=True,
    )


def _pypi(name: str, *versions: str) -> bytes:
    return json.dumps(
        {"info": {"name": name, "version": versions[-1]}, "releases": {v: [] for v in versions}}
    ).encode()


async def test_versions_whose_announcement_failed_are_announced_by_the_sweep(
    server: RunningServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import committed its new versions, then their publication failed (the database went
    away for a moment; only logged): the versions are known, so no later import announces them,
    and subscribers never heard of them. They stay staged with the import, and a sweep (any
    replica's) publishes them once, however often it runs."""
    org = f"agency-{uuid.uuid4().hex[:6]}"
    name = f"outbox-{uuid.uuid4().hex[:8]}"
    async with grpc.aio.insecure_channel(server.address) as channel:
        projects = ppb_grpc.ProjectServiceStub(channel)
        request = ppb.ImportProjectRequest(format=mres.METADATA_FORMAT_PYPI_JSON, metadata=_pypi(name, "1.0"))
        await projects.ImportProject(request, metadata=meta(server, org))
        await spb_grpc.SubscriptionServiceStub(channel).CreateSubscription(
            spb.CreateSubscriptionRequest(
                parent=f"orgs/{org}",
                subscription=mres.Subscription(
                    target=f"projects/pypi-{name}", events=[mres.EVENT_KIND_NEW_VERSION]
                ),
            ),
            metadata=meta(server, org),
        )
        original = SubscriptionStore.publish
        failures = [ConnectionResetError("the database went away"), ConnectionResetError("and again")]

        async def failing(self: SubscriptionStore, *args: Any, **kwargs: Any) -> Any:
            if failures:
                raise failures.pop()
            return await original(self, *args, **kwargs)

        monkeypatch.setattr(SubscriptionStore, "publish", failing)
        request = ppb.ImportProjectRequest(
            format=mres.METADATA_FORMAT_PYPI_JSON, metadata=_pypi(name, "1.0", "1.1", "2.0")
        )
        imported = await projects.ImportProject(request, metadata=meta(server, org))
        assert sorted(imported.added_versions) == ["1.1", "2.0"]
    assert not failures
    store = SubscriptionStore(server.runtime.database)
    assert await store.notifications_after(f"orgs/{org}", 0, 100) == []

    monkeypatch.setattr("jipan.servers.market.subscriptions.domain.STAGED_GRACE_S", 0.0)
    sweeper = _sweeper(server)
    await sweeper.announce_staged()
    await sweeper.announce_staged()
    notes = await store.notifications_after(f"orgs/{org}", 0, 100)
    assert sorted(n.subject for n in notes) == [
        f"projects/pypi-{name}/versions/1.1",
        f"projects/pypi-{name}/versions/2.0",
    ]
    assert not await server.runtime.database.fetchval(
        "SELECT count(*) FROM market.announcements WHERE project_id = $1", f"pypi-{name}"
    )


async def test_an_answer_staged_by_a_process_that_died_is_announced_by_another_replica(
    server: RunningServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answer committed with its notification staged, and the process died before it
    announced it: another replica's sweep announces it."""
    asker = f"agency-{uuid.uuid4().hex[:6]}"
    async with grpc.aio.insecure_channel(server.address) as channel:
        await _subscribe_to_jinja2(server, channel, asker, mres.EVENT_KIND_NEW_ANSWER)
        questions = qpb_grpc.QuestionServiceStub(channel)
        question = await ask(questions, server, asker, "Is 3.1 supported?", "Until when?")

        def dies_before_announcing(self: Subscriptions, staged: Any) -> Any:
            async def died() -> None:
                pass

            return died

        monkeypatch.setattr(Subscriptions, "_announcement", dies_before_announcing)
        answer = await answer_to(
            questions, server, f"maintainer-{uuid.uuid4().hex[:6]}", question.name, "Until 2027."
        )
    monkeypatch.undo()
    store = SubscriptionStore(server.runtime.database)
    assert await store.notifications_after(f"orgs/{asker}", 0, 100) == []
    sweeper = _sweeper(server)
    monkeypatch.setattr("jipan.servers.market.subscriptions.domain.STAGED_GRACE_S", 0.0)
    await sweeper.announce_staged()
    notes = await store.notifications_after(f"orgs/{asker}", 0, 100)
    assert [(n.kind, n.subject) for n in notes] == [(EventKind.NEW_ANSWER, answer.name)]
