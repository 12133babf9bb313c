"""jipan.procurement.v1: the joint-supply-contract platform (數位服務採購環境再造).

CatalogService (lots, listings, search), ListingReviewService (the SBOM and
SLA review gate, advisories, vendor notifications), OrderService (agency
orders and their lifecycle), TenderService (sealed-bid e-tendering, OCDS
export) and AnalyticsService (sales aggregates with k-anonymity).
Organisations and roles come from the caller's access token (identity);
decision digests and bid commitments are anchored through the ledger's gRPC
contract (anchoring.py), never by touching its tables.
"""

from __future__ import annotations

import grpc

from jipan.procurement.v1 import (
    catalog_service_pb2,
    catalog_service_pb2_grpc,
    order_service_pb2,
    order_service_pb2_grpc,
    review_service_pb2,
    review_service_pb2_grpc,
    tender_service_pb2,
    tender_service_pb2_grpc,
)
from jipan.servers.procurement.analytics_servicer import ANALYTICS_SERVICE, attach_analytics
from jipan.servers.procurement.anchoring import LedgerAnchor
from jipan.servers.procurement.domain import Catalog
from jipan.servers.procurement.names import DOMAIN
from jipan.servers.procurement.orders import Orders
from jipan.servers.procurement.reviews import Reviews
from jipan.servers.procurement.servicer import CatalogServicer, ListingReviewServicer, OrderServicer
from jipan.servers.procurement.store import MIGRATIONS, SCHEMA, CatalogStore, OrderStore
from jipan.servers.procurement.tender_servicer import TenderServicer
from jipan.servers.procurement.tender_store import TenderStore
from jipan.servers.procurement.tenders import Tenders
from jipan.servers.runtime.idempotency import RequestIds
from jipan.servers.runtime.runtime import Runtime, ServiceModule
from jipan.servers.runtime.startup import StartupStep

CATALOG_SERVICE = catalog_service_pb2.DESCRIPTOR.services_by_name["CatalogService"].full_name
ORDER_SERVICE = order_service_pb2.DESCRIPTOR.services_by_name["OrderService"].full_name
REVIEW_SERVICE = review_service_pb2.DESCRIPTOR.services_by_name["ListingReviewService"].full_name
TENDER_SERVICE = tender_service_pb2.DESCRIPTOR.services_by_name["TenderService"].full_name
LEDGER_SERVICE = "jipan.ledger.v1.LedgerService"


def attach(server: grpc.aio.Server, runtime: Runtime) -> None:
    catalog_store = CatalogStore(runtime.database)
    catalog = Catalog(catalog_store, runtime.page_tokens, RequestIds())
    orders = Orders(catalog_store, OrderStore(runtime.database), runtime.page_tokens)
    catalog_service_pb2_grpc.add_CatalogServiceServicer_to_server(CatalogServicer(catalog), server)
    order_service_pb2_grpc.add_OrderServiceServicer_to_server(OrderServicer(orders), server)
    anchor = LedgerAnchor(
        runtime.settings,
        runtime,
        service="procurement",
        domain=DOMAIN,
        serves_ledger=LEDGER_SERVICE in runtime.services,
    )
    runtime.on_shutdown(anchor.close)
    reviews = Reviews(catalog_store, runtime.objects, anchor, runtime.page_tokens)
    runtime.on_shutdown(reviews.advisories.warm_in_background())
    # An import killed after storing its advisories left its packages marked for re-review:
    # finished now rather than at the next import (tried again until it succeeds).
    finishing = StartupStep(
        "procurement: finish interrupted re-reviews", reviews.finish_interrupted_rereviews
    )
    runtime.on_shutdown(finishing.start())
    review_service_pb2_grpc.add_ListingReviewServiceServicer_to_server(ListingReviewServicer(reviews), server)
    tenders = Tenders(
        TenderStore(runtime.database), runtime.objects, anchor, runtime.page_tokens, RequestIds()
    )
    tender_service_pb2_grpc.add_TenderServiceServicer_to_server(
        TenderServicer(tenders, runtime.settings), server
    )
    attach_analytics(server, runtime)


SERVICE = ServiceModule(
    name="procurement",
    service_names=(CATALOG_SERVICE, REVIEW_SERVICE, ORDER_SERVICE, TENDER_SERVICE, ANALYTICS_SERVICE),
    attach=attach,
    schema=SCHEMA,
    migrations=MIGRATIONS,
)
