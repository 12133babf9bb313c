"""jipan.privacy.v1: the privacy toolkit — re-identification risk and differentially private releases.

PrivacyService keeps tabular datasets of an organisation (the CSV and its
column schema, store.py), measures their k-anonymity, ℓ-diversity and
prosecutor risk (assessment.py), and releases statistics with OpenDP's
Laplace mechanism (mechanisms.py), each release spending ε from the
dataset's privacy budget in one PostgreSQL statement and its ledger entry
anchored on the ledger (domain.py). Identifier columns are pseudonymised
with HMAC-SHA-256 under a key of each dataset's own, per recipient, with
rotating key versions and linking under its own scope (pseudonyms.py).
SuppressCells applies the threshold rule and, when asked, the (n, p)
dominance rule to aggregate tables for other services (disclosure.py;
procurement's k-anonymised analytics).
"""

from __future__ import annotations

import grpc

from jipan.privacy.v1 import privacy_service_pb2, privacy_service_pb2_grpc
from jipan.servers.privacy.domain import Privacy
from jipan.servers.privacy.names import DOMAIN, KEY_ERRORS
from jipan.servers.privacy.servicer import PrivacyServicer
from jipan.servers.privacy.store import MIGRATIONS, SCHEMA, PrivacyStore
from jipan.servers.runtime.idempotency import RequestIds
from jipan.servers.runtime.key_wrapping import open_key_wrapper
from jipan.servers.runtime.ledger_anchor import PENDING_SWEEP_S, LedgerAnchor
from jipan.servers.runtime.periodic import Periodic
from jipan.servers.runtime.runtime import Runtime, ServiceModule
from jipan.servers.runtime.startup import StartupStep

PRIVACY_SERVICE = privacy_service_pb2.DESCRIPTOR.services_by_name["PrivacyService"].full_name
LEDGER_SERVICE = "jipan.ledger.v1.LedgerService"


def attach(server: grpc.aio.Server, runtime: Runtime) -> None:
    settings = runtime.settings
    anchor = LedgerAnchor(
        settings, runtime, service="privacy", domain=DOMAIN, serves_ledger=LEDGER_SERVICE in runtime.services
    )
    runtime.on_shutdown(anchor.close)
    # The KEK that wraps the model keys wraps each dataset's pseudonym key too.
    keys = open_key_wrapper(settings, KEY_ERRORS)
    runtime.on_shutdown(keys.aclose)
    privacy = Privacy(
        PrivacyStore(runtime.database),
        anchor,
        runtime.page_tokens,
        RequestIds(),
        keys,
        max_bytes=settings.privacy_max_dataset_bytes,
        max_rows=settings.privacy_max_dataset_rows,
        objects=runtime.objects,
        lease_s=settings.privacy_operation_lease_s,
    )
    runtime.on_shutdown(privacy.operations.close)
    # Fail what a dead process left running (its lease lapsed: a previous process of this one, or
    # another replica's), tried again until it succeeds (AnonymiseDataset is UNAVAILABLE
    # meanwhile); and every half lease, for leases that lapse later.
    privacy.recovery = StartupStep("fail interrupted privacy operations", privacy.recover_operations)
    runtime.on_shutdown(privacy.recovery.start())
    half_lease = settings.privacy_operation_lease_s / 2
    sweep = Periodic(
        "privacy: lapsed operations", half_lease, privacy.recover_operations, first_delay_s=half_lease
    )
    runtime.on_shutdown(sweep.start())
    anchoring = Periodic("privacy: unanchored releases", PENDING_SWEEP_S, privacy.anchor_pending_releases)
    runtime.on_shutdown(anchoring.start())
    privacy_service_pb2_grpc.add_PrivacyServiceServicer_to_server(PrivacyServicer(privacy), server)


SERVICE = ServiceModule(
    name="privacy",
    service_names=(PRIVACY_SERVICE,),
    attach=attach,
    schema=SCHEMA,
    migrations=MIGRATIONS,
)
