"""jipan.market.v1: the open-source marketplace (源市集).

One sub-package per bounded context, each servicer → domain → store:
catalog/ (projects and versions imported from PyPI, npm and Maven metadata,
SPDX licences, purls, search with the CJK-aware component procurement's
catalog uses), advisories/ (per-version advisories from the one OSV store,
procurement's, over its gRPC contract), health/ (Scorecard-like checks with
evidence and badges), publishers/ (claims proved by a challenge file) and
providers/ (service providers, their offers, and matching a need against
projects and offers), qa/ (questions and answers), ratings/ (verified-purchase
ratings, checked through procurement's OrderService and anchored on the
ledger), subscriptions/ (notifications and signed webhooks with a delivery
log), trials/ (templates and trials provisioned through the cloud broker's
gRPC contract) and spaces/ (Co-Lab spaces: members, invitations, activity,
documents in the object store, decisions anchored on the ledger).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import grpc
import structlog

from jipan.clients.service_tokens import service_token_source
from jipan.market.v1 import (
    match_service_pb2,
    match_service_pb2_grpc,
    project_service_pb2,
    project_service_pb2_grpc,
    provider_service_pb2,
    provider_service_pb2_grpc,
    publisher_service_pb2,
    publisher_service_pb2_grpc,
    question_service_pb2,
    question_service_pb2_grpc,
    rating_service_pb2,
    rating_service_pb2_grpc,
    space_service_pb2,
    space_service_pb2_grpc,
    subscription_service_pb2,
    subscription_service_pb2_grpc,
    trial_service_pb2,
    trial_service_pb2_grpc,
)
from jipan.servers.market.advisories.client import AdvisoryStore
from jipan.servers.market.advisories.domain import VersionAdvisories
from jipan.servers.market.catalog.domain import Catalog
from jipan.servers.market.catalog.servicer import ProjectServicer
from jipan.servers.market.catalog.store import MIGRATIONS, SCHEMA, CatalogStore
from jipan.servers.market.health.domain import ProjectHealth
from jipan.servers.market.names import DOMAIN
from jipan.servers.market.providers.domain import Providers
from jipan.servers.market.providers.servicer import MatchServicer, ProviderServicer
from jipan.servers.market.providers.store import ProviderStore
from jipan.servers.market.publishers.domain import Publishers
from jipan.servers.market.publishers.servicer import PublisherServicer
from jipan.servers.market.publishers.store import PublisherStore
from jipan.servers.market.qa.domain import Questions
from jipan.servers.market.qa.servicer import QuestionServicer
from jipan.servers.market.qa.store import QuestionStore
from jipan.servers.market.ratings.domain import Ratings
from jipan.servers.market.ratings.orders import ProcurementOrders
from jipan.servers.market.ratings.servicer import RatingServicer
from jipan.servers.market.ratings.store import RatingStore
from jipan.servers.market.spaces.domain import Spaces
from jipan.servers.market.spaces.servicer import SpaceServicer
from jipan.servers.market.spaces.store import SpaceStore
from jipan.servers.market.subscriptions.delivery import DeliveryWorker, RetryPolicy
from jipan.servers.market.subscriptions.domain import ANNOUNCE_SWEEP_S, Subscriptions
from jipan.servers.market.subscriptions.feed import NotificationFeed
from jipan.servers.market.subscriptions.secrets import WebhookSecrets
from jipan.servers.market.subscriptions.servicer import SubscriptionServicer
from jipan.servers.market.subscriptions.store import SubscriptionStore
from jipan.servers.market.subscriptions.webhooks import WebhookSender
from jipan.servers.market.trials.broker import CloudBroker
from jipan.servers.market.trials.domain import Trials
from jipan.servers.market.trials.servicer import TrialServicer
from jipan.servers.market.trials.store import TrialStore
from jipan.servers.runtime.idempotency import RequestIds
from jipan.servers.runtime.key_wrapping import KeyErrors, open_key_wrapper
from jipan.servers.runtime.ledger_anchor import PENDING_SWEEP_S, LedgerAnchor
from jipan.servers.runtime.periodic import Periodic
from jipan.servers.runtime.runtime import Runtime, ServiceModule
from jipan.servers.runtime.settings import ConfigError

WEBHOOK_TIMEOUT_S = 10.0

PROJECT_SERVICE = project_service_pb2.DESCRIPTOR.services_by_name["ProjectService"].full_name
PUBLISHER_SERVICE = publisher_service_pb2.DESCRIPTOR.services_by_name["PublisherService"].full_name
PROVIDER_SERVICE = provider_service_pb2.DESCRIPTOR.services_by_name["ProviderService"].full_name
QUESTION_SERVICE = question_service_pb2.DESCRIPTOR.services_by_name["QuestionService"].full_name
MATCH_SERVICE = match_service_pb2.DESCRIPTOR.services_by_name["MatchService"].full_name
TRIAL_SERVICE = trial_service_pb2.DESCRIPTOR.services_by_name["TrialService"].full_name
REVIEW_SERVICE = "jipan.procurement.v1.ListingReviewService"
CLOUD_PROVISIONING_SERVICE = "jipan.cloud.v1.ProvisioningService"
log = structlog.get_logger(__name__)
SPACE_SERVICE = space_service_pb2.DESCRIPTOR.services_by_name["SpaceService"].full_name
RATING_SERVICE = rating_service_pb2.DESCRIPTOR.services_by_name["RatingService"].full_name
SUBSCRIPTION_SERVICE = subscription_service_pb2.DESCRIPTOR.services_by_name["SubscriptionService"].full_name
LEDGER_SERVICE = "jipan.ledger.v1.LedgerService"


def attach(server: grpc.aio.Server, runtime: Runtime) -> None:
    settings = runtime.settings
    if settings.market_procurement_target is None and REVIEW_SERVICE not in runtime.services:
        raise ConfigError(
            "market needs JIPAN_MARKET_PROCUREMENT_TARGET when this server does not serve procurement"
        )
    if settings.market_procurement_target is None and settings.tls_cert_file is not None:
        raise ConfigError(
            "with TLS on, set JIPAN_MARKET_PROCUREMENT_TARGET (and its CA file) "
            "for market's calls to procurement"
        )

    tokens = service_token_source(settings, "market", ["procurement.read"])
    runtime.on_shutdown(tokens.aclose)
    advisory_store = AdvisoryStore(
        settings.market_procurement_target or runtime.own_target,
        ca_file=settings.market_procurement_target_ca_file,
        client_cert=settings.outbound_certificate(),
        token_source=tokens,
    )
    runtime.on_shutdown(advisory_store.aclose)
    catalog = Catalog(CatalogStore(runtime.database), runtime.page_tokens)
    health = ProjectHealth(catalog, advisory_store)
    catalog.after_import = health.rescore
    project_service_pb2_grpc.add_ProjectServiceServicer_to_server(
        ProjectServicer(catalog, VersionAdvisories(catalog, advisory_store), health), server
    )
    publishers = Publishers(
        PublisherStore(runtime.database),
        catalog.store,
        runtime.page_tokens,
        allow_http_loopback=settings.market_claim_allow_http_loopback,
    )
    publisher_service_pb2_grpc.add_PublisherServiceServicer_to_server(PublisherServicer(publishers), server)
    providers = Providers(ProviderStore(runtime.database), catalog.store, runtime.page_tokens)
    provider_service_pb2_grpc.add_ProviderServiceServicer_to_server(ProviderServicer(providers), server)
    match_service_pb2_grpc.add_MatchServiceServicer_to_server(MatchServicer(providers), server)
    questions = Questions(QuestionStore(runtime.database), catalog.store, runtime.page_tokens, RequestIds())
    question_service_pb2_grpc.add_QuestionServiceServicer_to_server(QuestionServicer(questions), server)
    anchor = LedgerAnchor(
        settings, runtime, service="market", domain=DOMAIN, serves_ledger=LEDGER_SERVICE in runtime.services
    )
    runtime.on_shutdown(anchor.close)
    orders = ProcurementOrders(
        settings.market_procurement_target or runtime.own_target,
        ca_file=settings.market_procurement_target_ca_file,
        client_cert=settings.outbound_certificate(),
    )
    runtime.on_shutdown(orders.aclose)
    ratings = Ratings(
        RatingStore(runtime.database), providers.store, orders, anchor, runtime.page_tokens, RequestIds()
    )
    rating_service_pb2_grpc.add_RatingServiceServicer_to_server(RatingServicer(ratings), server)

    subscription_store = SubscriptionStore(runtime.database)
    # Webhook secrets are kept wrapped by the platform's one KEK (key file or AWS KMS).
    secrets = WebhookSecrets(
        open_key_wrapper(
            settings,
            KeyErrors(
                domain=DOMAIN,
                tampered_reason="WEBHOOK_SECRET_UNREADABLE",
                unavailable_reason="KEY_UNAVAILABLE",
            ),
        )
    )
    worker = DeliveryWorker(
        subscription_store,
        WebhookSender(allow_private=settings.market_webhook_allow_private, timeout_s=WEBHOOK_TIMEOUT_S),
        secrets,
        RetryPolicy(
            max_attempts=settings.market_webhook_max_attempts,
            base_s=settings.market_webhook_backoff_s,
            max_delay_s=settings.market_webhook_backoff_max_s,
            timeout_s=WEBHOOK_TIMEOUT_S,
        ),
    )
    subscriptions = Subscriptions(
        subscription_store,
        catalog.store,
        NotificationFeed(runtime.database),
        worker,
        secrets,
        runtime.page_tokens,
        allow_private_webhooks=settings.market_webhook_allow_private,
    )
    catalog.on_new_versions = subscriptions.new_versions
    health.on_advisories = subscriptions.new_advisories
    questions.on_answer = subscriptions.new_answer
    subscription_service_pb2_grpc.add_SubscriptionServiceServicer_to_server(
        SubscriptionServicer(subscriptions), server
    )
    # Pending deliveries of an earlier process (a restart) are taken up as soon as this one runs,
    # and so are the events it staged and did not live to announce.
    worker.start()
    runtime.on_shutdown(worker.aclose)
    sweep = Periodic("market: staged announcements", ANNOUNCE_SWEEP_S, subscriptions.announce_staged)
    runtime.on_shutdown(sweep.start())
    attach_trials(server, runtime, catalog.store)
    attach_spaces(server, runtime, catalog.store, anchor)


def attach_spaces(
    server: grpc.aio.Server, runtime: Runtime, catalog: CatalogStore, anchor: LedgerAnchor
) -> None:
    """Co-Lab spaces: documents in the runtime's object store, decisions anchored on the ledger
    (the same anchor as ratings')."""
    spaces = Spaces(
        SpaceStore(runtime.database),
        catalog,
        runtime.objects,
        anchor,
        runtime.page_tokens,
        RequestIds(),
        max_document_bytes=runtime.settings.market_max_document_bytes,
    )
    # Decisions whose anchoring failed (no retry came) or whose process died before it.
    anchoring = Periodic(
        "market: unanchored space decisions", PENDING_SWEEP_S, spaces.anchor_pending_decisions
    )
    runtime.on_shutdown(anchoring.start())
    space_service_pb2_grpc.add_SpaceServiceServicer_to_server(SpaceServicer(spaces), server)


def attach_trials(server: grpc.aio.Server, runtime: Runtime, catalog: CatalogStore) -> None:
    """Trials run through the cloud broker: JIPAN_MARKET_CLOUD_TARGET, or this server when it serves
    cloud. Without either, templates and trials answer TRIALS_NOT_CONFIGURED (market still serves
    the rest)."""
    settings = runtime.settings
    target: str | Callable[[], str] | None = settings.market_cloud_target
    if target is None and CLOUD_PROVISIONING_SERVICE in runtime.services:
        # Calling this server over plaintext is impossible once it speaks TLS only: trials then
        # need JIPAN_MARKET_CLOUD_TARGET (and its CA file); the rest of market runs regardless.
        target = runtime.own_target if settings.tls_cert_file is None else None
    if target is None:
        log.warning("market trials are not configured: set JIPAN_MARKET_CLOUD_TARGET")
    tokens = service_token_source(
        settings, "market", ["cloud.read", "cloud.write"], org=settings.market_trial_org
    )
    runtime.on_shutdown(tokens.aclose)
    broker = CloudBroker(
        target,
        organization=settings.market_trial_org,
        ca_file=settings.market_cloud_target_ca_file,
        client_cert=settings.outbound_certificate(),
        token_source=tokens,
    )
    runtime.on_shutdown(broker.aclose)
    trials = Trials(TrialStore(runtime.database), catalog, broker, runtime.page_tokens, RequestIds())
    trial_service_pb2_grpc.add_TrialServiceServicer_to_server(TrialServicer(trials), server)
    follow_ups = asyncio.get_running_loop().create_task(
        trials.run_follow_ups(settings.market_trial_sweep_s), name="market-trial-follow-ups"
    )

    async def stop() -> None:
        follow_ups.cancel()
        await asyncio.gather(follow_ups, return_exceptions=True)

    runtime.on_shutdown(stop)


SERVICE = ServiceModule(
    name="market",
    service_names=(
        PROJECT_SERVICE,
        PUBLISHER_SERVICE,
        PROVIDER_SERVICE,
        MATCH_SERVICE,
        QUESTION_SERVICE,
        TRIAL_SERVICE,
        SPACE_SERVICE,
        RATING_SERVICE,
        SUBSCRIPTION_SERVICE,
    ),
    attach=attach,
    schema=SCHEMA,
    migrations=MIGRATIONS,
)
