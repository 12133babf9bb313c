"""jipan.cloud.v1: the multi-cloud broker.

One bounded context per sub-package, each servicer → domain → store:
accounts/ (provider accounts, credentials sealed under the KEK),
adapters/ (one async interface per provider: AWS and S3-compatible built),
catalog/ (offerings normalised from the providers' own price lists),
placement/ (residency-aware placement solved exactly with HiGHS).
Provisioning, billing and migration have their contract in protos/ and are
not served yet.
"""

from __future__ import annotations

import grpc

from jipan.cloud.v1 import (
    account_service_pb2,
    account_service_pb2_grpc,
    catalog_service_pb2,
    catalog_service_pb2_grpc,
    placement_service_pb2,
    placement_service_pb2_grpc,
)
from jipan.servers.cloud.accounts.domain import Accounts
from jipan.servers.cloud.accounts.servicer import AccountServicer
from jipan.servers.cloud.accounts.store import AccountStore
from jipan.servers.cloud.catalog.domain import Catalog
from jipan.servers.cloud.catalog.servicer import CatalogServicer
from jipan.servers.cloud.catalog.store import OfferingStore
from jipan.servers.cloud.placement.domain import Placements
from jipan.servers.cloud.placement.servicer import PlacementServicer
from jipan.servers.cloud.placement.store import PlacementStore
from jipan.servers.cloud.store import MIGRATIONS, SCHEMA
from jipan.servers.inference.sealing import open_key_wrapper
from jipan.servers.runtime.idempotency import RequestIds
from jipan.servers.runtime.runtime import Runtime, ServiceModule

ACCOUNT_SERVICE = account_service_pb2.DESCRIPTOR.services_by_name["AccountService"].full_name
CATALOG_SERVICE = catalog_service_pb2.DESCRIPTOR.services_by_name["CatalogService"].full_name
PLACEMENT_SERVICE = placement_service_pb2.DESCRIPTOR.services_by_name["PlacementService"].full_name


def attach(server: grpc.aio.Server, runtime: Runtime) -> None:
    # The KEK that wraps the model keys wraps each account's credentials key too.
    keys = open_key_wrapper(runtime.settings)
    runtime.on_shutdown(keys.aclose)
    accounts = Accounts(AccountStore(runtime.database), keys, runtime.page_tokens, RequestIds())
    account_service_pb2_grpc.add_AccountServiceServicer_to_server(AccountServicer(accounts), server)
    offerings = OfferingStore(runtime.database)
    catalog = Catalog(offerings, runtime.page_tokens)
    catalog_service_pb2_grpc.add_CatalogServiceServicer_to_server(CatalogServicer(catalog), server)
    placements = Placements(PlacementStore(runtime.database), offerings, runtime.page_tokens)
    placement_service_pb2_grpc.add_PlacementServiceServicer_to_server(PlacementServicer(placements), server)


SERVICE = ServiceModule(
    name="cloud",
    service_names=(ACCOUNT_SERVICE, CATALOG_SERVICE, PLACEMENT_SERVICE),
    attach=attach,
    schema=SCHEMA,
    migrations=MIGRATIONS,
)
