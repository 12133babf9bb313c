"""jipan.ledger.v1: the consortium trust ledger (TBSI) — Merkle-batched anchoring of digests,
and the consortium's governance (GovernanceService) through the ConsortiumRegistry.

`attach` builds the chain backend (the in-process EVM unless
`ledger_chain_url` names a JSON-RPC node), the store, the batcher and the
servicer. The batcher starts with the server and resumes pending work.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import grpc

from jipan.ledger.v1 import (
    governance_service_pb2,
    governance_service_pb2_grpc,
    ledger_service_pb2,
    ledger_service_pb2_grpc,
)
from jipan.servers.ledger import store
from jipan.servers.ledger.batcher import AnchorBatcher
from jipan.servers.ledger.chain import AnchorChain
from jipan.servers.ledger.consortium import ConsortiumChain
from jipan.servers.ledger.domain import Ledger
from jipan.servers.ledger.feed import ConfirmationFeed
from jipan.servers.ledger.governance import Governance
from jipan.servers.ledger.governance_servicer import GovernanceServicer
from jipan.servers.ledger.governance_store import GovernanceStore
from jipan.servers.ledger.servicer import LedgerServicer
from jipan.servers.runtime.idempotency import RequestIds
from jipan.servers.runtime.runtime import Runtime, ServiceModule
from jipan.servers.runtime.settings import ConfigError, Settings

SERVICE_NAME = ledger_service_pb2.DESCRIPTOR.services_by_name["LedgerService"].full_name
GOVERNANCE_SERVICE_NAME = governance_service_pb2.DESCRIPTOR.services_by_name["GovernanceService"].full_name


def open_chain(settings: Settings) -> AnchorChain:
    if settings.ledger_chain_url is None:
        return AnchorChain.in_process()
    if settings.ledger_keystore_file is None or settings.ledger_keystore_password is None:
        raise ConfigError("JIPAN_LEDGER_CHAIN_URL needs JIPAN_LEDGER_KEYSTORE_FILE and _PASSWORD")
    try:
        return AnchorChain.json_rpc(
            settings.ledger_chain_url,
            settings.ledger_keystore_file,
            settings.ledger_keystore_password.get_secret_value(),
            confirmations=settings.ledger_confirmations,
            replace_after_s=settings.ledger_replace_after_s,
        )
    except (OSError, ValueError) as exc:  # never the key or password in the message
        raise ConfigError(f"cannot open the ledger keystore {settings.ledger_keystore_file}") from exc


def configured_contract(settings: Settings) -> bytes | None:
    value = settings.ledger_contract_address
    if value is None:
        return None
    if not re.fullmatch(r"0x[0-9a-fA-F]{40}", value):
        raise ConfigError("JIPAN_LEDGER_CONTRACT_ADDRESS must be 0x followed by 40 hex digits")
    return bytes.fromhex(value[2:])


def service_module(chain_for: Callable[[Settings], AnchorChain] = open_chain) -> ServiceModule:
    """The ledger's ServiceModule; `chain_for` picks the chain backend (tests pass one chain
    to several servers to play one long-lived chain across restarts)."""

    def attach(server: grpc.aio.Server, runtime: Runtime) -> None:
        settings = runtime.settings
        ledger_store = store.LedgerStore(runtime.database)
        chain = chain_for(settings)
        batcher = AnchorBatcher(
            ledger_store,
            chain,
            batch_size=settings.ledger_batch_size,
            window_s=settings.ledger_batch_window_s,
            retry_s=settings.ledger_retry_s,
            leader_poll_s=settings.ledger_leader_poll_s,
            leader_keepalive_s=settings.ledger_leader_keepalive_s,
            contract_address=configured_contract(settings),
        )
        ledger = Ledger(
            ledger_store,
            request_ids=RequestIds(),
            page_tokens=runtime.page_tokens,
            batcher=batcher,
            feed=ConfirmationFeed(runtime.database),
            auditor_org=settings.platform_org,
        )
        ledger_service_pb2_grpc.add_LedgerServiceServicer_to_server(LedgerServicer(ledger), server)
        # Governance signs with accounts the ledger holds per member organisation
        # (consortium.py) on the same chain and worker thread as the anchoring.
        governance = Governance(
            GovernanceStore(runtime.database),
            ConsortiumChain(
                chain,
                founder_org=settings.ledger_founder_org,
                quorum_percent=settings.ledger_quorum_percent,
                keystore_dir=settings.ledger_member_keystore_dir,
                keystore_password=(
                    None
                    if settings.ledger_keystore_password is None
                    else settings.ledger_keystore_password.get_secret_value()
                ),
            ),
            request_ids=RequestIds(),
            page_tokens=runtime.page_tokens,
            founder_legal_name=settings.ledger_founder_legal_name,
            founder_registration_number=settings.ledger_founder_registration_number,
        )
        governance_service_pb2_grpc.add_GovernanceServiceServicer_to_server(
            GovernanceServicer(governance), server
        )
        batcher.start()
        runtime.on_shutdown(batcher.stop)
        governance.start_sync(settings.ledger_governance_resync_s, settings.ledger_retry_s)
        runtime.on_shutdown(governance.stop_sync)

    return ServiceModule(
        name="ledger",
        service_names=(SERVICE_NAME, GOVERNANCE_SERVICE_NAME),
        attach=attach,
        schema=store.SCHEMA,
        migrations=store.MIGRATIONS,
    )


SERVICE = service_module()
