"""Dataspace between two meshes (issue 18), JSON on the last line.

    python bench/dataspace_federation.py            # two `jipan serve` processes, ~2 min here
    python bench/dataspace_federation.py --quick    # smoke run

Two meshes as tests/dataspace/test_two_meshes.py starts them (identity,
ledger, federation, dataspace each; own databases, issuers, keys, ledgers; B
has approved A's organisation for the connector's methods).

* cross_mesh_negotiation_ms_p50 (reported): one negotiation, request →
  agree → verify → finalize, its consumer on A (RequestContract and
  VerifyAgreement to A, which sends them to B through federation; a
  GetNegotiation on A after each provider message, which brings A's record
  and its agreement over; B is not configured to notify A) and its provider
  on B. Beside it
  local_negotiation_ms_p50: the same four messages between two
  organisations of B, on B, same run; their ratio is what federation costs.
  Sequential, one at a time: latency, not throughput.
* relay_ratio (reported): a `--size-mib` distribution of B downloaded by
  A's consumer through A (DownloadTransfer with `peer`, A relaying B's
  stream) against B's own consumer downloading it from B, same run.

PostgreSQL from JIPAN_DATABASE_URL (default the local test server); the
bench makes its own databases and drops them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.host import cpu_model, create_database, drop_database, load_1m
from jipan.dataspace.v1 import catalog_service_pb2 as cpb
from jipan.dataspace.v1 import negotiation_service_pb2 as npb
from jipan.dataspace.v1 import resources_pb2 as res
from jipan.dataspace.v1 import transfer_service_pb2 as tpb
from jipan.dataspace.v1 import transfer_service_pb2_grpc as tpb_grpc
from tests.dataspace.test_two_meshes import (
    MODULES,
    ORG_B,
    PEER,
    POLICY,
    SCOPES,
    Meshes,
    _free_port,
    _mesh,
    _peer_and_publish,
)

SERVER_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
LOCAL_CONSUMER = "orgs/agency-b-research"


def _database_url() -> str:
    return os.environ.get("JIPAN_DATABASE_URL", SERVER_DSN)


async def _cross_mesh(meshes: Meshes) -> float:
    started = time.perf_counter()
    name = (await meshes.request()).name
    await meshes.b_negotiations.AgreeContract(npb.AgreeContractRequest(name=name), metadata=meshes.provider())
    assert (await meshes.a_get(name)).state == res.NEGOTIATION_STATE_AGREED
    await meshes.a_negotiations.VerifyAgreement(
        npb.VerifyAgreementRequest(name=name), metadata=meshes.consumer()
    )
    await meshes.b_negotiations.FinalizeContract(
        npb.FinalizeContractRequest(name=name), metadata=meshes.provider()
    )
    assert (await meshes.a_get(name)).state == res.NEGOTIATION_STATE_FINALIZED
    return (time.perf_counter() - started) * 1000


async def _local(meshes: Meshes) -> float:
    consumer = meshes.token_for(meshes.b, LOCAL_CONSUMER, "people/0123456789abcdef0123456789abcdef", SCOPES)
    started = time.perf_counter()
    answer = await meshes.b_negotiations.RequestContract(
        npb.RequestContractRequest(dataset=meshes.dataset, offer_id="research", request_id=str(uuid.uuid4())),
        metadata=consumer,
    )
    name = answer.negotiation.name
    await meshes.b_negotiations.AgreeContract(npb.AgreeContractRequest(name=name), metadata=meshes.provider())
    await meshes.b_negotiations.GetNegotiation(npb.GetNegotiationRequest(name=name), metadata=consumer)
    await meshes.b_negotiations.VerifyAgreement(npb.VerifyAgreementRequest(name=name), metadata=consumer)
    done = await meshes.b_negotiations.FinalizeContract(
        npb.FinalizeContractRequest(name=name), metadata=meshes.provider()
    )
    await meshes.b_negotiations.GetNegotiation(npb.GetNegotiationRequest(name=name), metadata=consumer)
    assert done.negotiation.state == res.NEGOTIATION_STATE_FINALIZED
    return (time.perf_counter() - started) * 1000


async def _big_dataset(meshes: Meshes, size: int) -> str:
    created = await meshes.b_catalog.CreateDataset(
        cpb.CreateDatasetRequest(
            dataset_id=f"big-{uuid.uuid4().hex[:8]}",
            dataset=res.Dataset(
                title="大型資料",
                offers=[res.Offer(id="research", policy=json.dumps(POLICY))],
                distributions=[res.Distribution(id="csv", media_type="text/csv")],
            ),
        ),
        metadata=meshes.provider(),
    )
    block = bytes(range(256)) * 4096  # 1 MiB

    async def chunks() -> AsyncIterator[cpb.UploadDistributionRequest]:
        yield cpb.UploadDistributionRequest(
            header=cpb.UploadDistributionHeader(dataset=created.dataset.name, distribution_id="csv")
        )
        for _ in range(size // len(block)):
            yield cpb.UploadDistributionRequest(chunk=block)

    await meshes.b_catalog.UploadDistribution(chunks(), metadata=meshes.provider())
    name: str = created.dataset.name
    return name


async def _download(stub: Any, request: tpb.DownloadTransferRequest, metadata: Any) -> float:
    started = time.perf_counter()
    got = 0
    async for message in stub.DownloadTransfer(request, metadata=metadata):
        got += len(message.chunk)
    return got / 2**20 / (time.perf_counter() - started)


async def _relay_figures(meshes: Meshes, size: int) -> dict[str, Any]:
    meshes.dataset = await _big_dataset(meshes, size)
    # A's consumer: a cross-mesh agreement and B's transfer, downloaded through A.
    name = (await meshes.request()).name
    await meshes.b_negotiations.AgreeContract(npb.AgreeContractRequest(name=name), metadata=meshes.provider())
    await meshes.a_negotiations.VerifyAgreement(
        npb.VerifyAgreementRequest(name=name), metadata=meshes.consumer()
    )
    await meshes.b_negotiations.FinalizeContract(
        npb.FinalizeContractRequest(name=name), metadata=meshes.provider()
    )
    agreement = (await meshes.a_get(name)).agreement
    remote = (
        await meshes.a_transfers.RequestTransfer(
            tpb.RequestTransferRequest(
                agreement=agreement, distribution_id="csv", purpose="research", request_id=str(uuid.uuid4())
            ),
            metadata=meshes.consumer(),
        )
    ).transfer
    # B's own consumer, on B.
    consumer = meshes.token_for(meshes.b, LOCAL_CONSUMER, "people/0123456789abcdef0123456789abcdef", SCOPES)
    local_name = (
        await meshes.b_negotiations.RequestContract(
            npb.RequestContractRequest(
                dataset=meshes.dataset, offer_id="research", request_id=str(uuid.uuid4())
            ),
            metadata=consumer,
        )
    ).negotiation.name
    await meshes.b_negotiations.AgreeContract(
        npb.AgreeContractRequest(name=local_name), metadata=meshes.provider()
    )
    await meshes.b_negotiations.VerifyAgreement(
        npb.VerifyAgreementRequest(name=local_name), metadata=consumer
    )
    finalized = await meshes.b_negotiations.FinalizeContract(
        npb.FinalizeContractRequest(name=local_name), metadata=meshes.provider()
    )
    assert meshes.b.channel is not None
    b_transfers = tpb_grpc.TransferServiceStub(meshes.b.channel)
    local = (
        await b_transfers.RequestTransfer(
            tpb.RequestTransferRequest(
                agreement=finalized.negotiation.agreement,
                distribution_id="csv",
                purpose="research",
                request_id=str(uuid.uuid4()),
            ),
            metadata=consumer,
        )
    ).transfer
    relayed, direct = [], []
    for _ in range(2):  # alternate, so the host's load falls on both alike
        relayed.append(
            await _download(
                meshes.a_transfers,
                tpb.DownloadTransferRequest(name=remote.name, token=remote.access.token, peer=PEER),
                meshes.consumer(),
            )
        )
        direct.append(
            await _download(
                b_transfers, tpb.DownloadTransferRequest(name=local.name, token=local.access.token), consumer
            )
        )
    best_relayed, best_direct = max(relayed), max(direct)
    return {
        "relay_mib": size // 2**20,
        "relay_ratio": round(best_relayed / best_direct, 3),
        "relayed_mib_s": round(best_relayed, 1),
        "direct_mib_s": round(best_direct, 1),
    }


async def main(args: argparse.Namespace) -> dict[str, Any]:
    load_start = load_1m()
    database_url = _database_url()
    names: list[str] = []
    try:
        name_a, db_a = await create_database(database_url, "jipan_bench_dsfed_a")
        names.append(name_a)
        name_b, db_b = await create_database(database_url, "jipan_bench_dsfed_b")
        names.append(name_b)
        with tempfile.TemporaryDirectory(prefix="jipan-bench-dsfed-") as workdir:
            root = Path(workdir)
            b_listen = f"127.0.0.1:{_free_port()}"
            peers = json.dumps({PEER: {"target": b_listen, "audience": "mesh-b"}})
            a = _mesh(root, db_a, "a", f"127.0.0.1:{_free_port()}", JIPAN_DATASPACE_PEERS=peers)
            b = _mesh(root, db_b, "b", b_listen)
            await asyncio.gather(a.start(MODULES), b.start(MODULES))
            try:
                meshes = Meshes(a, b)
                await _peer_and_publish(meshes)
                await _cross_mesh(meshes)  # warm-up: channels, token caches
                await _local(meshes)
                cross, local = [], []
                for _ in range(args.negotiations):
                    cross.append(await _cross_mesh(meshes))
                    local.append(await _local(meshes))
                figures: dict[str, Any] = {
                    "negotiations": args.negotiations,
                    "cross_mesh_negotiation_ms_p50": round(statistics.median(cross), 1),
                    "local_negotiation_ms_p50": round(statistics.median(local), 1),
                    "cross_over_local": round(statistics.median(cross) / statistics.median(local), 2),
                }
                figures.update(await _relay_figures(meshes, args.size_mib * 2**20))
            finally:
                await asyncio.gather(a.stop(), b.stop())
    finally:
        for name in names:
            await drop_database(database_url, name)
    figures.update(cpu=cpu_model(), loadavg_1m_start_end=[load_start, load_1m()], provider_org=ORG_B)
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run, not a measurement")
    parser.add_argument("--negotiations", type=int, default=10)
    parser.add_argument("--size-mib", type=int, default=256, help="the relayed distribution's size")
    parsed = parser.parse_args()
    if parsed.quick:
        parsed.negotiations, parsed.size_mib = 2, 8
    print(json.dumps(asyncio.run(main(parsed)), ensure_ascii=False))
