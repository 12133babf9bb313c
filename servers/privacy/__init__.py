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

import asyncio

import grpc

from jipan.privacy.v1 import privacy_service_pb2, privacy_service_pb2_grpc
from jipan.servers.privacy.domain import Privacy
from jipan.servers.privacy.names import DOMAIN, KEY_ERRORS
from jipan.servers.privacy.servicer import PrivacyServicer
from jipan.servers.privacy.store import MIGRATIONS, SCHEMA, PrivacyStore
from jipan.servers.runtime.idempotency import RequestIds
from jipan.servers.runtime.key_wrapping import open_key_wrapper
from jipan.servers.runtime.ledger_anchor import LedgerAnchor
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
    # meanwhile); then sweep for leases that lapse later, for the life of the process.
    recovery = StartupStep("fail interrupted privacy operations", privacy.recover_operations)
    privacy.recovery = recovery

    async def recover_then_sweep() -> None:
        await recovery.run_until_done()
        await privacy.sweep_operations()

    recovering = asyncio.get_running_loop().create_task(recover_then_sweep(), name="privacy-recover")

    async def stop_recovering() -> None:
        recovering.cancel()
        await asyncio.wait([recovering])

    runtime.on_shutdown(stop_recovering)
    privacy_service_pb2_grpc.add_PrivacyServiceServicer_to_server(PrivacyServicer(privacy), server)


SERVICE = ServiceModule(
    name="privacy",
    service_names=(PRIVACY_SERVICE,),
    attach=attach,
    schema=SCHEMA,
    migrations=MIGRATIONS,
)
