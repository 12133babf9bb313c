"""jipan.dataspace.v1: the plan's data spaces — a DCAT catalog, contract negotiation, usage control.

CatalogService (catalog/) publishes datasets described with DCAT, each
offered under ODRL usage policies (policy.py parses, validates and
evaluates Jipan's ODRL subset). NegotiationService (negotiation/) runs the
Dataspace Protocol's contract negotiation between a consumer organisation
and a dataset's publisher, keeps the agreements they reach, decides each
use against the agreement's policy at that moment, and records every
message and decision in a hash-chained usage log anchored on the ledger.
TransferService (transfer/) delivers distributions under agreements in
force, pulled, or pushed into a bucket of the consumer's provider account
through the cloud broker's StorageService (transfer/broker.py). Datasets of personal
data are released per person under the person's identity consent
(consent.py); `jipan:anonymisedK` is checked against the privacy service's
assessment (catalog/privacy.py).
"""

from __future__ import annotations

from pathlib import Path

import grpc

from jipan.clients.service_tokens import service_token_source
from jipan.dataspace.v1 import (
    catalog_service_pb2,
    catalog_service_pb2_grpc,
    negotiation_service_pb2,
    negotiation_service_pb2_grpc,
    transfer_service_pb2,
    transfer_service_pb2_grpc,
)
from jipan.interceptors.tokens import AccessTokenVerifier
from jipan.servers.dataspace.catalog.credibility import FactCheckSource
from jipan.servers.dataspace.catalog.domain import Catalog
from jipan.servers.dataspace.catalog.privacy import PrivacyAssessor
from jipan.servers.dataspace.catalog.servicer import CatalogServicer
from jipan.servers.dataspace.catalog.store import CatalogStore
from jipan.servers.dataspace.consent import ConsentCheck
from jipan.servers.dataspace.federated import Connector
from jipan.servers.dataspace.names import DOMAIN
from jipan.servers.dataspace.negotiation.domain import Negotiations
from jipan.servers.dataspace.negotiation.servicer import NegotiationServicer
from jipan.servers.dataspace.negotiation.store import NegotiationStore
from jipan.servers.dataspace.notifications import Backoff, NotificationStore
from jipan.servers.dataspace.remote import RemoteMeshes
from jipan.servers.dataspace.retired import RetiredObjects
from jipan.servers.dataspace.transfer.broker import CloudStorage
from jipan.servers.dataspace.transfer.domain import Transfers
from jipan.servers.dataspace.transfer.servicer import TransferServicer
from jipan.servers.dataspace.transfer.store import TransferStore
from jipan.servers.runtime.idempotency import RequestIds
from jipan.servers.runtime.ledger_anchor import LedgerAnchor
from jipan.servers.runtime.periodic import Periodic
from jipan.servers.runtime.runtime import Runtime, ServiceModule

CATALOG_SERVICE = catalog_service_pb2.DESCRIPTOR.services_by_name["CatalogService"].full_name
NEGOTIATION_SERVICE = negotiation_service_pb2.DESCRIPTOR.services_by_name["NegotiationService"].full_name
TRANSFER_SERVICE = transfer_service_pb2.DESCRIPTOR.services_by_name["TransferService"].full_name
LEDGER_SERVICE = "jipan.ledger.v1.LedgerService"
SCHEMA = "dataspace"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def attach(server: grpc.aio.Server, runtime: Runtime) -> None:
    anchor = LedgerAnchor(
        runtime.settings,
        runtime,
        service="dataspace",
        domain=DOMAIN,
        serves_ledger=LEDGER_SERVICE in runtime.services,
    )
    runtime.on_shutdown(anchor.close)
    settings = runtime.settings

    privacy = PrivacyAssessor(
        settings.dataspace_privacy_target or runtime.own_target,
        ca_file=settings.dataspace_privacy_target_ca_file,
        client_cert=settings.outbound_certificate(),
    )
    runtime.on_shutdown(privacy.aclose)
    fact_checks = FactCheckSource(
        settings.dataspace_factcheck_target or runtime.own_target,
        ca_file=settings.dataspace_factcheck_target_ca_file,
        client_cert=settings.outbound_certificate(),
    )
    runtime.on_shutdown(fact_checks.aclose)
    # Consent tokens are verified as the chain verifies access tokens: identity's keys and the
    # process's revocation list (identity's feed).
    consents = ConsentCheck(
        AccessTokenVerifier.from_settings(settings, runtime.key_set, revocations=runtime.revocations)
    )
    catalog_store = CatalogStore(runtime.database)
    retired = RetiredObjects(runtime.database, runtime.objects)
    catalog = Catalog(
        catalog_store,
        runtime.page_tokens,
        runtime.objects,
        max_upload_bytes=settings.dataspace_max_upload_bytes,
        privacy=privacy,
        fact_checks=fact_checks,
        retired=retired,
    )
    negotiations = Negotiations(
        NegotiationStore(runtime.database), catalog_store, anchor, runtime.page_tokens, RequestIds(), consents
    )
    remote = None
    if settings.dataspace_peers:
        # The consumer's connector towards other meshes (remote.py): identity exchanges each
        # consumer's token, with dataspace's own service token as the actor.
        remote = RemoteMeshes(
            settings.dataspace_peers,
            identity_target=settings.identity_target or runtime.own_target,
            identity_ca_file=settings.identity_target_ca_file,
            client_cert=settings.outbound_certificate(),
            service_tokens=service_token_source(settings, "dataspace", ["dataspace.read"]),
        )
        runtime.on_shutdown(remote.aclose)
    connector = Connector(
        negotiations,
        remote,
        NotificationStore(runtime.database),
        Backoff(base_s=settings.dataspace_notify_backoff_s, max_s=settings.dataspace_notify_backoff_max_s),
    )
    # Undelivered NotifyNegotiation messages are retried from the outbox (notifications.py).
    connector.start()
    runtime.on_shutdown(connector.close)
    catalog_service_pb2_grpc.add_CatalogServiceServicer_to_server(CatalogServicer(catalog, connector), server)
    negotiation_service_pb2_grpc.add_NegotiationServiceServicer_to_server(
        NegotiationServicer(negotiations, connector), server
    )
    # Push transfers into a consumer's bucket go through the cloud broker, with the consumer's token.
    cloud = CloudStorage(
        settings.dataspace_cloud_target or runtime.own_target,
        ca_file=settings.dataspace_cloud_target_ca_file,
        client_cert=settings.outbound_certificate(),
    )
    runtime.on_shutdown(cloud.aclose)
    transfers = Transfers(
        TransferStore(runtime.database),
        negotiations,
        catalog_store,
        runtime.objects,
        runtime.page_tokens,
        RequestIds(),
        token_ttl_s=settings.dataspace_transfer_token_ttl_s,
        presign_ttl_s=settings.dataspace_presign_ttl_s,
        push_allow_http_loopback=settings.dataspace_push_allow_http_loopback,
        retired=retired,
        cloud=cloud,
        push_lease_s=settings.dataspace_push_lease_s,
    )
    # Registered after the anchor and the cloud client, so it runs before they close: the pushes
    # still running record their interruption, and the anchorings beside responses end.
    runtime.on_shutdown(transfers.close)
    # Pushes whose writer died (a previous process, another replica) end PUSH_INTERRUPTED once
    # their lease lapses: swept now and every half lease (stopped before the pushes are).
    sweep = Periodic(
        "dataspace: lapsed pushes", settings.dataspace_push_lease_s / 2, transfers.end_lapsed_pushes
    )
    runtime.on_shutdown(sweep.start())
    transfer_service_pb2_grpc.add_TransferServiceServicer_to_server(
        TransferServicer(transfers, connector), server
    )


SERVICE = ServiceModule(
    name="dataspace",
    service_names=(CATALOG_SERVICE, NEGOTIATION_SERVICE, TRANSFER_SERVICE),
    attach=attach,
    schema=SCHEMA,
    migrations=MIGRATIONS,
)
