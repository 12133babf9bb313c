"""jipan.cloud.v1: the multi-cloud broker.

One bounded context per sub-package, each servicer → domain → store:
accounts/ (provider accounts, credentials sealed under the KEK),
adapters/ (one async interface per provider: AWS and S3-compatible built),
catalog/ (offerings normalised from the providers' own price lists),
placement/ (residency-aware placement solved exactly with HiGHS),
provisioning/ (AIP-151 operations over a durable PostgreSQL state machine),
billing/ (provider cost exports as FOCUS 1.2 rows, costs, budgets and their
notifications) with forecast/ (ETS daily cost forecasts and their backtest),
migration/ (bucket copies between providers as resumable operations),
storage/ (one object written into a bucket of the caller's account, streamed
and checksummed: what dataspace's push transfers write through).
"""

from __future__ import annotations

import asyncio

import grpc
import structlog

from jipan.cloud.v1 import (
    account_service_pb2,
    account_service_pb2_grpc,
    billing_service_pb2,
    billing_service_pb2_grpc,
    catalog_service_pb2,
    catalog_service_pb2_grpc,
    migration_service_pb2,
    migration_service_pb2_grpc,
    placement_service_pb2,
    placement_service_pb2_grpc,
    provisioning_service_pb2,
    provisioning_service_pb2_grpc,
    storage_service_pb2,
    storage_service_pb2_grpc,
)
from jipan.servers.cloud.accounts.domain import Accounts
from jipan.servers.cloud.accounts.servicer import AccountServicer
from jipan.servers.cloud.accounts.store import AccountStore
from jipan.servers.cloud.billing.domain import Billing
from jipan.servers.cloud.billing.feed import NotificationFeed
from jipan.servers.cloud.billing.servicer import BillingServicer
from jipan.servers.cloud.billing.store import BillingStore
from jipan.servers.cloud.catalog.domain import Catalog
from jipan.servers.cloud.catalog.servicer import CatalogServicer
from jipan.servers.cloud.catalog.store import OfferingStore
from jipan.servers.cloud.migration.domain import Migrations
from jipan.servers.cloud.migration.servicer import MigrationOperations, MigrationServicer
from jipan.servers.cloud.migration.store import MigrationStore
from jipan.servers.cloud.names import DOMAIN
from jipan.servers.cloud.placement.domain import Placements
from jipan.servers.cloud.placement.servicer import PlacementServicer
from jipan.servers.cloud.placement.store import PlacementStore
from jipan.servers.cloud.provisioning.domain import Provisioning
from jipan.servers.cloud.provisioning.servicer import ProvisioningServicer
from jipan.servers.cloud.provisioning.store import ProvisioningStore
from jipan.servers.cloud.provisioning.types import OperationKind
from jipan.servers.cloud.storage.domain import ObjectWrites
from jipan.servers.cloud.storage.servicer import StorageServicer
from jipan.servers.cloud.store import MIGRATIONS, SCHEMA
from jipan.servers.runtime.idempotency import RequestIds
from jipan.servers.runtime.key_wrapping import KeyErrors, open_key_wrapper
from jipan.servers.runtime.runtime import Runtime, ServiceModule

ACCOUNT_SERVICE = account_service_pb2.DESCRIPTOR.services_by_name["AccountService"].full_name
CATALOG_SERVICE = catalog_service_pb2.DESCRIPTOR.services_by_name["CatalogService"].full_name
PLACEMENT_SERVICE = placement_service_pb2.DESCRIPTOR.services_by_name["PlacementService"].full_name
PROVISIONING_SERVICE = provisioning_service_pb2.DESCRIPTOR.services_by_name["ProvisioningService"].full_name
BILLING_SERVICE = billing_service_pb2.DESCRIPTOR.services_by_name["BillingService"].full_name
MIGRATION_SERVICE = migration_service_pb2.DESCRIPTOR.services_by_name["MigrationService"].full_name
STORAGE_SERVICE = storage_service_pb2.DESCRIPTOR.services_by_name["StorageService"].full_name
log = structlog.get_logger(__name__)


def attach(server: grpc.aio.Server, runtime: Runtime) -> None:
    # The KEK that wraps the model keys wraps each credential version's data key too; its
    # failures are reported in cloud's domain.
    keys = open_key_wrapper(
        runtime.settings,
        KeyErrors(
            domain=DOMAIN, tampered_reason="CREDENTIALS_UNREADABLE", unavailable_reason="KEY_UNAVAILABLE"
        ),
    )
    runtime.on_shutdown(keys.aclose)
    ca_file = str(runtime.settings.cloud_ca_file) if runtime.settings.cloud_ca_file else ""
    accounts = Accounts(AccountStore(runtime.database), keys, runtime.page_tokens, RequestIds(), ca_file)
    account_service_pb2_grpc.add_AccountServiceServicer_to_server(AccountServicer(accounts), server)
    offerings = OfferingStore(runtime.database)
    catalog = Catalog(offerings, runtime.page_tokens, accounts)
    catalog_service_pb2_grpc.add_CatalogServiceServicer_to_server(CatalogServicer(catalog), server)
    placements = Placements(PlacementStore(runtime.database), offerings, runtime.page_tokens)
    placement_service_pb2_grpc.add_PlacementServiceServicer_to_server(PlacementServicer(placements), server)
    operations = ProvisioningStore(runtime.database)
    provisioning = Provisioning(
        operations,
        accounts,
        placements,
        offerings,
        runtime.page_tokens,
        RequestIds(),
        lease_s=runtime.settings.cloud_operation_lease_s,
        ttl_interval_s=runtime.settings.cloud_ttl_sweep_s,
    )
    migrations = Migrations(
        MigrationStore(runtime.database),
        operations,
        accounts,
        runtime.page_tokens,
        RequestIds(),
        lease_s=runtime.settings.cloud_operation_lease_s,
        sweep_s=runtime.settings.cloud_ttl_sweep_s,
    )
    billing = Billing(
        BillingStore(runtime.database), NotificationFeed(runtime.database), runtime.page_tokens, RequestIds()
    )
    billing_service_pb2_grpc.add_BillingServiceServicer_to_server(BillingServicer(billing), server)
    migration_service_pb2_grpc.add_MigrationServiceServicer_to_server(MigrationServicer(migrations), server)
    writes = ObjectWrites(accounts, max_bytes=runtime.settings.cloud_max_object_bytes)
    storage_service_pb2_grpc.add_StorageServiceServicer_to_server(StorageServicer(writes), server)
    provisioning_service_pb2_grpc.add_ProvisioningServiceServicer_to_server(
        ProvisioningServicer(provisioning, {OperationKind.MIGRATE_BUCKET: MigrationOperations(migrations)}),
        server,
    )

    async def start() -> None:
        await provisioning.start()
        await migrations.start()

    # Unfinished operations of an earlier process are resumed once this one runs.
    starting = asyncio.get_running_loop().create_task(start(), name="cloud-start")

    def report(task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("cloud provisioning start-up failed", error=repr(task.exception()))

    starting.add_done_callback(report)

    async def stop() -> None:
        starting.cancel()
        await asyncio.gather(starting, return_exceptions=True)
        await provisioning.close()
        await migrations.close()

    runtime.on_shutdown(stop)


SERVICE = ServiceModule(
    name="cloud",
    service_names=(
        ACCOUNT_SERVICE,
        CATALOG_SERVICE,
        PLACEMENT_SERVICE,
        PROVISIONING_SERVICE,
        BILLING_SERVICE,
        MIGRATION_SERVICE,
        STORAGE_SERVICE,
    ),
    attach=attach,
    schema=SCHEMA,
    migrations=MIGRATIONS,
)
