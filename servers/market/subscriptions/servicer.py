"""SubscriptionService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import grpc
from google.protobuf.duration_pb2 import Duration

from jipan.interceptors.context import current_principal
from jipan.market.v1 import resources_pb2 as mres
from jipan.market.v1 import subscription_service_pb2 as spb
from jipan.market.v1 import subscription_service_pb2_grpc as spb_grpc
from jipan.servers.market.catalog.convert import timestamp
from jipan.servers.market.names import project_name
from jipan.servers.market.subscriptions.domain import (
    Subscriptions,
    delivery_name,
    notification_name,
    subscription_name,
)
from jipan.servers.market.subscriptions.model import (
    Delivery,
    DeliveryState,
    EventKind,
    Notification,
    Subscription,
)
from jipan.servers.runtime.errors import FieldViolation, InvalidArgument

Context = grpc.aio.ServicerContext[Any, Any]
_KINDS = {
    EventKind.NEW_VERSION: mres.EVENT_KIND_NEW_VERSION,
    EventKind.NEW_ADVISORY: mres.EVENT_KIND_NEW_ADVISORY,
    EventKind.NEW_ANSWER: mres.EVENT_KIND_NEW_ANSWER,
}
_KINDS_BACK = {v: k for k, v in _KINDS.items()}
_STATES = {
    DeliveryState.PENDING: mres.DELIVERY_STATE_PENDING,
    DeliveryState.DELIVERED: mres.DELIVERY_STATE_DELIVERED,
    DeliveryState.FAILED: mres.DELIVERY_STATE_FAILED,
}


def subscription_to_pb(subscription: Subscription) -> mres.Subscription:
    return mres.Subscription(
        name=subscription_name(subscription.organization, subscription.id),
        target=project_name(subscription.project_id),
        events=[_KINDS[e] for e in subscription.events],
        webhook_uri=subscription.webhook_uri,
        webhook_secret=subscription.webhook_secret,
        create_time=timestamp(subscription.create_time),
    )


def notification_to_pb(notification: Notification) -> mres.Notification:
    return mres.Notification(
        name=notification_name(notification),
        subscription=subscription_name(notification.organization, notification.subscription_id),
        kind=_KINDS[notification.kind],
        subject=notification.subject,
        summary=notification.summary,
        create_time=timestamp(notification.create_time),
    )


def delivery_to_pb(delivery: Delivery) -> mres.WebhookDelivery:
    message = mres.WebhookDelivery(
        name=delivery_name(delivery),
        notification=f"{delivery.organization}/notifications/{delivery.notification_id}",
        state=_STATES[delivery.state],
        attempts=delivery.attempts,
        last_status=delivery.last_status,
        create_time=timestamp(delivery.create_time),
        attempt_log=[
            mres.DeliveryAttempt(
                number=a.number,
                status=a.status,
                error=a.error,
                attempt_time=timestamp(a.attempt_time),
                duration=_duration(a.duration_ms),
            )
            for a in delivery.log
        ],
    )
    if delivery.state is DeliveryState.PENDING:
        message.next_attempt_time.CopyFrom(timestamp(delivery.next_attempt_time))
    return message


def _duration(milliseconds: int) -> Duration:
    duration = Duration()
    duration.FromTimedelta(timedelta(milliseconds=milliseconds))
    return duration


def _events(values: Any) -> list[EventKind]:
    out = []
    for i, value in enumerate(values):
        kind = _KINDS_BACK.get(value)
        if kind is None:
            raise InvalidArgument(
                "FIELD_INVALID",
                "subscription.events holds an unknown event kind",
                field_violations=[FieldViolation(f"subscription.events[{i}]", "unknown event kind")],
            )
        out.append(kind)
    return out


class SubscriptionServicer(spb_grpc.SubscriptionServiceServicer):
    def __init__(self, subscriptions: Subscriptions) -> None:
        self._subscriptions = subscriptions

    async def CreateSubscription(
        self, request: spb.CreateSubscriptionRequest, context: Context
    ) -> spb.CreateSubscriptionResponse:
        created = await self._subscriptions.subscribe(
            current_principal(),
            request.parent,
            request.subscription.target,
            _events(request.subscription.events),
            request.subscription.webhook_uri,
        )
        return spb.CreateSubscriptionResponse(subscription=subscription_to_pb(created))

    async def ListSubscriptions(
        self, request: spb.ListSubscriptionsRequest, context: Context
    ) -> spb.ListSubscriptionsResponse:
        rows, token = await self._subscriptions.list_subscriptions(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return spb.ListSubscriptionsResponse(
            subscriptions=[subscription_to_pb(s) for s in rows], next_page_token=token
        )

    async def DeleteSubscription(
        self, request: spb.DeleteSubscriptionRequest, context: Context
    ) -> spb.DeleteSubscriptionResponse:
        await self._subscriptions.unsubscribe(current_principal(), request.name)
        return spb.DeleteSubscriptionResponse()

    async def ListNotifications(
        self, request: spb.ListNotificationsRequest, context: Context
    ) -> spb.ListNotificationsResponse:
        rows, token = await self._subscriptions.list_notifications(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return spb.ListNotificationsResponse(
            notifications=[notification_to_pb(n) for n in rows], next_page_token=token
        )

    async def WatchNotifications(
        self, request: spb.WatchNotificationsRequest, context: Context
    ) -> AsyncIterator[spb.WatchNotificationsResponse]:
        async for notification in self._subscriptions.watch(
            current_principal(), request.parent, request.after
        ):
            yield spb.WatchNotificationsResponse(notification=notification_to_pb(notification))

    async def ListWebhookDeliveries(
        self, request: spb.ListWebhookDeliveriesRequest, context: Context
    ) -> spb.ListWebhookDeliveriesResponse:
        rows, token = await self._subscriptions.list_deliveries(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return spb.ListWebhookDeliveriesResponse(
            deliveries=[delivery_to_pb(d) for d in rows], next_page_token=token
        )
