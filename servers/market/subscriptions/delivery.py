"""The delivery worker: attempts due webhook deliveries, retrying with exponential backoff and jitter.

Deliveries live in PostgreSQL (state, attempts, next attempt time) and every
attempt is written to the delivery log before the next is scheduled, so a
restart loses nothing: the next process takes the pending deliveries whose
time has come, including any a dead process had taken (its lease ran out).

Backoff after attempt n (n ≥ 1): d = min(max_delay, base · 2^(n-1)); the next
attempt comes after d/2 + uniform(0, d/2) ("equal jitter": never sooner than
half the step, so receivers that failed together are not hit together again).
After `max_attempts` attempts without a 2xx the delivery is FAILED.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import structlog

from jipan.servers.market.names import DOMAIN
from jipan.servers.market.subscriptions.model import Attempt, Delivery, DeliveryState
from jipan.servers.market.subscriptions.secrets import WebhookSecrets
from jipan.servers.market.subscriptions.store import SubscriptionStore
from jipan.servers.market.subscriptions.webhooks import Outcome, WebhookSender
from jipan.servers.runtime.errors import DomainError

log = structlog.get_logger(__name__)

BATCH = 32
"""Deliveries taken (and attempted concurrently) at a time."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    max_attempts: int = 8
    base_s: float = 5.0
    max_delay_s: float = 3600.0
    timeout_s: float = 10.0

    def delay_s(self, attempts: int, rng: random.Random) -> float:
        step: float = min(self.max_delay_s, self.base_s * 2.0 ** (attempts - 1))
        return step / 2 + rng.uniform(0, step / 2)

    @property
    def lease_s(self) -> float:
        """How long a taken delivery is someone's: one attempt's timeout and a margin."""
        return self.timeout_s * 3 + 5


def delivery_name(delivery: Delivery) -> str:
    return f"{delivery.organization}/subscriptions/{delivery.subscription_id}/deliveries/{delivery.id}"


class DeliveryWorker:
    def __init__(
        self,
        store: SubscriptionStore,
        sender: WebhookSender,
        secrets: WebhookSecrets,
        policy: RetryPolicy,
        *,
        poll_s: float = 1.0,
        rng: random.Random | None = None,
    ) -> None:
        self._store = store
        self._sender = sender
        self._secrets = secrets
        self._policy = policy
        self._poll_s = poll_s
        self._rng = rng or random.SystemRandom()
        self._wake = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="market-webhooks")

    def wake(self) -> None:
        """New deliveries were queued: look now rather than at the next poll."""
        self._wake.set()

    async def _run(self) -> None:
        while not self._stopping:
            try:
                taken = await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the database is away: try again at the next poll
                log.warning("webhook deliveries not taken", error=repr(exc), domain=DOMAIN)
                taken = 0
            if taken >= BATCH:
                continue  # more may be due right now
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._poll_s)

    async def run_once(self) -> int:
        """Attempt every delivery due now (one batch); how many were taken."""
        due = await self._store.claim_due(BATCH, self._policy.lease_s)
        await asyncio.gather(*(self._attempt(delivery, secret) for delivery, secret in due))
        return len(due)

    async def _attempt(self, delivery: Delivery, wrapped_secret: bytes) -> None:
        number = delivery.attempts + 1
        event = _event_of(delivery)
        subscription = f"{delivery.organization}/subscriptions/{delivery.subscription_id}"
        try:
            secret = await self._secrets.open(subscription, wrapped_secret)
        except DomainError as exc:  # the KEK is away (retried) or the stored secret is damaged
            log.warning("webhook secret not opened", subscription=subscription, reason=exc.reason)
            outcome = Outcome(0, f"secret not available ({exc.reason})", datetime.now(UTC), 0)
        else:
            outcome = await self._sender.send(
                delivery.uri, delivery.body, secret, delivery_name(delivery), event
            )
        attempt = Attempt(number, outcome.status, outcome.error, outcome.started, outcome.duration_ms)
        if outcome.delivered:
            state, due = DeliveryState.DELIVERED, None
        elif number >= self._policy.max_attempts:
            state, due = DeliveryState.FAILED, None
        else:
            state = DeliveryState.PENDING
            due = datetime.now(UTC) + timedelta(seconds=self._policy.delay_s(number, self._rng))
        await self._store.record_attempt(delivery, attempt, state, due)
        # A failed attempt is worth an operator's look; a delivered one is in the delivery log.
        (log.debug if outcome.delivered else log.info)(
            "webhook attempt",
            delivery=delivery_name(delivery),
            attempt=number,
            status=outcome.status,
            error=outcome.error,
            state=state.value,
        )

    async def aclose(self) -> None:
        """Let the attempts in flight finish and be logged (each is bounded by the timeout), so
        that a stopping server leaves no delivery leased; then stop."""
        if self._task is not None:
            self._stopping = True
            self._wake.set()
            try:
                await asyncio.wait_for(asyncio.shield(self._task), self._policy.timeout_s + 2)
            except Exception:  # TimeoutError: cut the attempts short
                self._task.cancel()
                await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        await self._sender.aclose()
        await self._secrets.aclose()


def _event_of(delivery: Delivery) -> str:
    """The event kind, read back from the body the notification was queued with."""
    try:
        kind = json.loads(delivery.body).get("kind", "")
    except ValueError:
        return ""
    return str(kind).removeprefix("EVENT_KIND_")
