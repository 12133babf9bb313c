"""Subscription use cases: subscribe, list, unsubscribe; notifications listed and watched;
the delivery log; and `publish`, which the catalog, health and Q&A call when something happens.

Tenancy: every subscription, notification and delivery is one organisation's
("orgs/{org}/..."); only a token of that organisation reads or changes them,
whatever else it holds.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import replace

import structlog

from jipan.interceptors.context import Principal
from jipan.servers.market.catalog.domain import Announcement, project_not_found
from jipan.servers.market.catalog.store import CatalogStore
from jipan.servers.market.names import DOMAIN, invalid_name, parse_project
from jipan.servers.market.subscriptions.delivery import DeliveryWorker
from jipan.servers.market.subscriptions.feed import NotificationFeed
from jipan.servers.market.subscriptions.model import (
    Delivery,
    Event,
    EventKind,
    Notification,
    Subscription,
)
from jipan.servers.market.subscriptions.secrets import WebhookSecrets
from jipan.servers.market.subscriptions.store import SubscriptionStore
from jipan.servers.market.subscriptions.webhooks import uri_problem
from jipan.servers.runtime.errors import (
    FieldViolation,
    InvalidArgument,
    NotFound,
    PermissionDenied,
)
from jipan.servers.runtime.idempotency import Connection
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

_ORG_ID = r"[A-Za-z0-9][A-Za-z0-9._:-]{0,99}"
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_ORG = re.compile(rf"^orgs/({_ORG_ID})$")
_SUBSCRIPTION = re.compile(rf"^(orgs/{_ORG_ID})/subscriptions/({_UUID})$")
_NOTIFICATION = re.compile(rf"^(orgs/{_ORG_ID})/notifications/({_UUID})$")
WATCH_BATCH = 100
WATCH_POLL_S = 15.0
"""A watcher reads the table at least this often, though no NOTIFY woke it (the listening
connection lost and not yet reopened)."""
ANNOUNCE_SWEEP_S = 10.0
"""How often each replica publishes the events staged and left waiting (see `announce_staged`)."""
STAGED_GRACE_S = 5.0
"""A staged event this young is left to the publication that follows its commit."""
SWEEP_BATCH = 100


def subscription_name(organization: str, subscription_id: str) -> str:
    return f"{organization}/subscriptions/{subscription_id}"


def notification_name(notification: Notification) -> str:
    return f"{notification.organization}/notifications/{notification.id}"


def delivery_name(delivery: Delivery) -> str:
    return f"{subscription_name(delivery.organization, delivery.subscription_id)}/deliveries/{delivery.id}"


def webhook_body(notification: Notification, delivery_id: str) -> bytes:
    """What a webhook receives (canonical JSON, UTF-8): the notification and the delivery's name."""
    return json.dumps(
        {
            "delivery": f"{subscription_name(notification.organization, notification.subscription_id)}"
            f"/deliveries/{delivery_id}",
            "notification": notification_name(notification),
            "subscription": subscription_name(notification.organization, notification.subscription_id),
            "kind": f"EVENT_KIND_{notification.kind.value}",
            "subject": notification.subject,
            "summary": notification.summary,
            "create_time": notification.create_time.isoformat(),
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode()


def _own_org(principal: Principal, organization: str, field: str) -> None:
    if principal.org != organization:
        raise PermissionDenied(
            "ORGANIZATION_MISMATCH",
            f"{field} names another organisation than the caller's",
            domain=DOMAIN,
            metadata={"field": field, "org": principal.org or ""},
        )


def _parse_org(value: str, field: str) -> str:
    match = _ORG.match(value)
    if match is None:
        raise invalid_name(field, value, "orgs/{organization}")
    return value


def _parse_subscription(value: str, field: str) -> tuple[str, str]:
    match = _SUBSCRIPTION.match(value)
    if match is None:
        raise invalid_name(field, value, "orgs/{organization}/subscriptions/{subscription}")
    return match.group(1), match.group(2)


def _subscription_not_found(name: str) -> NotFound:
    return NotFound(
        "SUBSCRIPTION_NOT_FOUND", "no subscription with this name", domain=DOMAIN, metadata={"name": name}
    )


class Subscriptions:
    def __init__(
        self,
        store: SubscriptionStore,
        catalog: CatalogStore,
        feed: NotificationFeed,
        worker: DeliveryWorker,
        secrets: WebhookSecrets,
        page_tokens: PageTokens,
        *,
        allow_private_webhooks: bool,
    ) -> None:
        self.store = store
        self.secrets = secrets
        self.catalog = catalog
        self.feed = feed
        self.worker = worker
        self.page_tokens = page_tokens
        self.allow_private_webhooks = allow_private_webhooks

    # --- subscriptions ---------------------------------------------------------------------------

    async def subscribe(
        self, principal: Principal, parent: str, target: str, events: Sequence[EventKind], webhook_uri: str
    ) -> Subscription:
        organization = _parse_org(parent, "parent")
        _own_org(principal, organization, "parent")
        if not target:
            raise InvalidArgument(
                "FIELD_INVALID",
                "subscription.target is required",
                field_violations=[FieldViolation("subscription.target", "required")],
            )
        project_id = parse_project(target, "subscription.target")
        kinds = tuple(dict.fromkeys(events))
        if not kinds:
            raise InvalidArgument(
                "FIELD_INVALID",
                "subscription.events needs at least one event",
                field_violations=[FieldViolation("subscription.events", "at least one event")],
            )
        uri = webhook_uri.strip()
        if uri:
            problem = uri_problem(uri, allow_private=self.allow_private_webhooks)
            if problem:
                raise InvalidArgument(
                    "WEBHOOK_URI_INVALID",
                    f"subscription.webhook_uri cannot be used: {problem}",
                    domain=DOMAIN,
                    metadata={"uri": uri[:200], "problem": problem, "field": "subscription.webhook_uri"},
                    field_violations=[FieldViolation("subscription.webhook_uri", problem)],
                )
        if await self.catalog.get_project(project_id) is None:
            raise project_not_found(project_id)
        subscription_id = str(uuid.uuid4())
        shown, wrapped = ("", b"")
        if uri:
            shown, wrapped = await self.secrets.make(subscription_name(organization, subscription_id))
        created = await self.store.insert(organization, subscription_id, project_id, kinds, uri, wrapped)
        return replace(created, webhook_secret=shown)

    async def list_subscriptions(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Subscription], str]:
        organization = _parse_org(parent, "parent")
        _own_org(principal, organization, "parent")
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListSubscriptions", org=organization)
        after = int(self.page_tokens.decode(page_token, fingerprint)["after"]) if page_token else 0
        rows = await self.store.list_subscriptions(organization, after, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"after": rows[-1][0]})
        return [s for _, s in rows], token

    async def _own_subscription(self, principal: Principal, name: str, field: str) -> Subscription:
        organization, subscription_id = _parse_subscription(name, field)
        if principal.org != organization:
            raise _subscription_not_found(name)  # another's subscriptions do not exist for the caller
        found = await self.store.get(organization, subscription_id)
        if found is None:
            raise _subscription_not_found(name)
        return found

    async def unsubscribe(self, principal: Principal, name: str) -> None:
        found = await self._own_subscription(principal, name, "name")
        if not await self.store.delete(found.organization, found.id):
            raise _subscription_not_found(name)

    # --- notifications ---------------------------------------------------------------------------

    async def list_notifications(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Notification], str]:
        organization = _parse_org(parent, "parent")
        _own_org(principal, organization, "parent")
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListNotifications", org=organization)
        before = int(self.page_tokens.decode(page_token, fingerprint)["before"]) if page_token else None
        rows = await self.store.list_notifications(organization, before, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"before": rows[-1].seq})
        return rows, token

    async def watch(self, principal: Principal, parent: str, after: str) -> AsyncIterator[Notification]:
        """The organisation's notifications after `after` (or from now), as they come, forever."""
        organization = _parse_org(parent, "parent")
        _own_org(principal, organization, "parent")
        seq = 0
        if after:
            match = _NOTIFICATION.match(after)
            if match is None:
                raise invalid_name("after", after, "orgs/{organization}/notifications/{notification}")
            found = await self.store.notification_seq(organization, match.group(2))
            if match.group(1) != organization or found is None:
                raise NotFound(
                    "SUBSCRIPTION_NOT_FOUND",
                    "`after` names no notification of the caller's organisation",
                    domain=DOMAIN,
                    metadata={"name": after},
                )
            seq = found
        async with self.feed.subscribe(organization) as woken:
            if not after:
                seq = await self.store.last_notification_seq()
            while True:
                batch = await self.store.notifications_after(organization, seq, WATCH_BATCH)
                for notification in batch:
                    seq = notification.seq
                    yield notification
                if len(batch) == WATCH_BATCH:
                    continue
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(woken.wait(), WATCH_POLL_S)
                woken.clear()
                await self.feed.reopen()

    # --- deliveries ------------------------------------------------------------------------------

    async def list_deliveries(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Delivery], str]:
        found = await self._own_subscription(principal, parent, "parent")
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListWebhookDeliveries", subscription=parent)
        before = int(self.page_tokens.decode(page_token, fingerprint)["before"]) if page_token else None
        rows = await self.store.list_deliveries(found.organization, found.id, before, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"before": rows[-1][0]})
        return [d for _, d in rows], token

    # --- events ----------------------------------------------------------------------------------

    async def publish(
        self, event: Event, *, announces: str = "", staged: int | None = None
    ) -> list[Notification]:
        """Notify the event's subscribers and queue their webhooks. Never raises: the change that
        caused the event is already committed; a failure is logged, and a staged event (`staged`,
        its outbox row) stays staged for the sweep to publish again."""
        try:
            created, queued = await self.store.publish(
                event, webhook_body, announces=announces, staged=staged
            )
        except Exception as exc:
            log.error("notifications not made", kind=event.kind.value, subject=event.subject, error=repr(exc))
            return []
        for organization in {n.organization for n in created}:
            self.feed.wake(organization)  # this replica's watchers, before the NOTIFY round trip
        if queued:
            self.worker.wake()
        return created

    async def new_versions(self, conn: Connection, project_id: str, versions: Sequence[str]) -> Announcement:
        """In the import's transaction: stage a NEW_VERSION event per version; returns what
        announces them once the import is committed."""
        return self._announcement(
            await self.store.stage(
                conn,
                [
                    Event(
                        EventKind.NEW_VERSION,
                        project_id,
                        f"projects/{project_id}/versions/{version}",
                        f"projects/{project_id} has a new version {version}",
                    )
                    for version in versions
                ],
            )
        )

    async def new_advisories(self, project_id: str, version: str, advisory_ids: Sequence[str]) -> None:
        """Called with every advisory affecting the latest version at each health evaluation:
        only the ones never announced for the project become notifications."""
        if not advisory_ids:
            return
        try:
            fresh = await self.store.unannounced_advisories(project_id, advisory_ids)
        except Exception as exc:
            log.error("advisories not announced", project=project_id, error=repr(exc))
            return
        for advisory_id in fresh:
            # Recorded as announced with its notifications, in one transaction: a failure leaves
            # it unannounced for the next evaluation rather than announced and never notified.
            await self.publish(
                Event(
                    EventKind.NEW_ADVISORY,
                    project_id,
                    f"projects/{project_id}/versions/{version}",
                    f"advisory {advisory_id} affects projects/{project_id} {version}",
                    detail=advisory_id,
                ),
                announces=advisory_id,
            )

    async def new_answer(
        self, conn: Connection, project_id: str, question: str, answer: str, asker_org: str
    ) -> Announcement:
        """In the answer's transaction: stage the asker's NEW_ANSWER event; returns what
        announces it once the answer is committed."""
        return self._announcement(
            await self.store.stage(
                conn,
                [
                    Event(
                        EventKind.NEW_ANSWER,
                        project_id,
                        answer,
                        f"your question {question} has a new answer",
                        only_organization=asker_org,
                    )
                ],
            )
        )

    def _announcement(self, staged: Sequence[tuple[int, Event]]) -> Announcement:
        async def announce() -> None:
            for staged_id, event in staged:
                await self.publish(event, staged=staged_id)

        return announce

    async def announce_staged(self) -> int:
        """Publish the events staged at least STAGED_GRACE_S ago and still waiting (their
        process died, or their publication failed, after the change committed); how many.
        One taken meanwhile by its own publication is skipped (its row is gone)."""
        published, after = 0, 0
        while True:
            # Onwards from the last one tried: one whose publication fails again waits for the next round.
            staged = await self.store.staged(STAGED_GRACE_S, SWEEP_BATCH, after)
            for staged_id, event in staged:
                await self.publish(event, staged=staged_id)
                after = staged_id
            published += len(staged)
            if len(staged) < SWEEP_BATCH:
                if published:
                    log.info("staged announcements made", events=published)
                return published
