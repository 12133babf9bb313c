"""Dataspace figures (issue 18), JSON on the last line.

    python bench/dataspace.py            # ~1 min here
    python bench/dataspace.py --quick    # smoke run

* policy_eval_us_p50 (target ≤ 200): one access decision against a 20-rule
  ODRL policy (15 permissions with 3-4 constraints each and 5 prohibitions,
  the use matching the last permission, so every rule is looked at), in
  this process, the policy parsed once as the service does. Beside it the
  parse of the same policy, and `sha256_us` (hashlib over 1 KiB) as the
  primitive the host's speed shows in.
* negotiations_per_s (reported): request → agree → verify → finalize, each
  message a gRPC call that writes its state and usage log entry in one
  transaction and anchors the entry on the ledger, 8 consumer/provider
  pairs at once, against one server (system, ledger, dataspace) in this
  process. Beside it a SQL round trip.
* transfer_ratio (target ≥ 0.85): a pull transfer of a `--size-mib`
  (default 1024) distribution against reading the same object straight
  from the store, same run. The server's store is S3 (moto's server in this
  process, as in the tests): the transfer is RequestTransfer (policy check,
  use counted, logged and anchored), PresignDownload (token, state and
  policy checked again, logged) and a GET of the presigned URL that
  returns, streamed with aiohttp; the direct read is the store's own
  aioboto3 `get_object` stream of the same key. `transfer_ratio_grpc` is the
  other pull, DownloadTransfer's gRPC stream (1 MiB messages, the policy
  checked again), against the same direct read, on the embedded filesystem
  store of a second server.
* push_ratio (reported): a push transfer of the same distribution into
  another bucket of the same S3 server through the cloud broker
  (RequestTransfer with a cloud_destination: policy check, use counted and
  logged, the data streamed over gRPC to cloud's StorageService.WriteObject
  in this process, which hashes them and writes a multipart upload through
  the s3-compatible adapter, completion logged) against the same write
  without either service (the store's read into transfer/push.py's
  multipart writer), as a ratio of times (1.0: no overhead).
  `push_s3_ratio`: the deprecated push_destination (the connector writes to
  S3 itself) against the same write.
* consent_check_us_p50 (reported): what each request or download of
  personal data adds — the consent token verified (cached after the first
  time, as the interceptor chain caches access tokens; the first time in
  consent_check_first_us_p50) and matched against purpose and category.

PostgreSQL from JIPAN_DATABASE_URL (default the local test server); the
bench makes its own database and drops it.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import logging
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp
import grpc
from moto.server import ThreadedMotoServer

from bench.host import cpu_model, create_database, drop_database, load_1m, sql_roundtrip_us
from jipan.cloud.v1 import account_service_pb2 as apb
from jipan.cloud.v1 import account_service_pb2_grpc as apb_grpc
from jipan.cloud.v1 import resources_pb2 as cres
from jipan.dataspace.v1 import catalog_service_pb2 as cpb
from jipan.dataspace.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.dataspace.v1 import negotiation_service_pb2 as npb
from jipan.dataspace.v1 import negotiation_service_pb2_grpc as npb_grpc
from jipan.dataspace.v1 import resources_pb2 as res
from jipan.dataspace.v1 import transfer_service_pb2 as tpb
from jipan.dataspace.v1 import transfer_service_pb2_grpc as tpb_grpc
from jipan.interceptors.context import Principal
from jipan.interceptors.revocation import RevocationList
from jipan.interceptors.tokens import AccessTokenVerifier, DevSigningKey
from jipan.servers import cloud, dataspace, ledger, system
from jipan.servers.dataspace.consent import ConsentCheck
from jipan.servers.dataspace.policy import UseContext, evaluate, parse_policy
from jipan.servers.dataspace.transfer.push import S3Destination, push
from jipan.servers.runtime.objectstore import ObjectStore
from tests.mesh import make_settings, running_server

SERVER_DSN = os.environ.get("JIPAN_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
SCOPES = ["dataspace.read", "dataspace.write"]
CLOUD_SCOPES = ["cloud.write", "cloud.objects.write"]
CTX = "http://www.w3.org/ns/odrl.jsonld"
NOW = datetime(2026, 12, 6, tzinfo=UTC)


def say(message: str) -> None:
    print(f"[dataspace] {message}", file=sys.stderr, flush=True)


def twenty_rule_policy() -> str:
    purposes = ["research", "statistics", "public-interest", "education", "journalism"]
    permissions = []
    for i in range(15):
        constraints: list[dict[str, Any]] = [
            {"leftOperand": "purpose", "operator": "isAnyOf", "rightOperand": purposes[: 1 + i % 5]},
            {"leftOperand": "spatial", "operator": "eq", "rightOperand": "TW"},
            {
                "leftOperand": "dateTime",
                "operator": "lteq",
                "rightOperand": (NOW + timedelta(days=30)).isoformat(),
            },
        ]
        if i % 2:
            constraints.append({"leftOperand": "count", "operator": "lteq", "rightOperand": 1000})
        # Only the last permission admits the recipient the bench asks as.
        recipient = "orgs/consumer" if i == 14 else f"orgs/other-{i}"
        constraints.append({"leftOperand": "recipient", "operator": "eq", "rightOperand": recipient})
        permissions.append(
            {"uid": f"p{i}", "action": "use", "constraint": constraints, "duty": [{"action": "attribute"}]}
        )
    prohibitions = [
        {"uid": f"x{i}", "action": "distribute"}
        if i == 0
        else {
            "uid": f"x{i}",
            "action": "use",
            "constraint": [{"leftOperand": "purpose", "operator": "eq", "rightOperand": "commercial"}],
        }
        for i in range(5)
    ]
    return json.dumps({"@context": CTX, "permission": permissions, "prohibition": prohibitions})


def policy_figures(rounds: int) -> dict[str, Any]:
    text = twenty_rule_policy()
    parse_us = []
    for _ in range(200):
        started = time.perf_counter_ns()
        policy = parse_policy(text, field_name="policy", domain="bench")
        parse_us.append((time.perf_counter_ns() - started) / 1e3)
    assert policy.rule_count == 20
    use = UseContext(
        action="read", at=NOW, uses=3, purpose="research", recipient="orgs/consumer", spatial="TW"
    )
    decision = evaluate(policy, use)
    assert decision.permitted, decision
    assert decision.rule == "p14", decision
    samples = []
    for _ in range(rounds):
        started = time.perf_counter_ns()
        evaluate(policy, use)
        samples.append((time.perf_counter_ns() - started) / 1e3)
    block = os.urandom(1024)
    sha = []
    for _ in range(2000):
        started = time.perf_counter_ns()
        hashlib.sha256(block).digest()
        sha.append((time.perf_counter_ns() - started) / 1e3)
    return {
        "policy_eval_us_p50": round(statistics.median(samples), 1),
        "policy_eval_us_p99": round(statistics.quantiles(samples, n=100)[98], 1),
        "policy_parse_us_p50": round(statistics.median(parse_us), 1),
        "policy_rules": policy.rule_count,
        "sha256_us": round(statistics.median(sha), 2),
    }


async def negotiate(server: Any, channel: grpc.aio.Channel, pair: int, count: int) -> list[float]:
    provider = server.metadata(org=f"orgs/provider-{pair}", scopes=SCOPES)
    consumer = server.metadata(org=f"orgs/consumer-{pair}", scopes=SCOPES)
    catalog = cpb_grpc.CatalogServiceStub(channel)
    negotiations = npb_grpc.NegotiationServiceStub(channel)
    policy = json.dumps({"@context": CTX, "permission": [{"action": "use"}]})
    dataset = await catalog.CreateDataset(
        cpb.CreateDatasetRequest(
            dataset_id=f"d-{pair}",
            dataset=res.Dataset(title="bench", offers=[res.Offer(id="open", policy=policy)]),
        ),
        metadata=provider,
    )
    took = []
    for _ in range(count):
        started = time.perf_counter()
        name = (
            await negotiations.RequestContract(
                npb.RequestContractRequest(
                    dataset=dataset.dataset.name, offer_id="open", request_id=str(uuid.uuid4())
                ),
                metadata=consumer,
            )
        ).negotiation.name
        await negotiations.AgreeContract(npb.AgreeContractRequest(name=name), metadata=provider)
        await negotiations.VerifyAgreement(npb.VerifyAgreementRequest(name=name), metadata=consumer)
        done = await negotiations.FinalizeContract(npb.FinalizeContractRequest(name=name), metadata=provider)
        assert done.negotiation.state == res.NEGOTIATION_STATE_FINALIZED
        took.append(time.perf_counter() - started)
    return took


async def negotiation_figures(args: argparse.Namespace) -> dict[str, Any]:
    database, dsn = await create_database(SERVER_DSN, "jipan_bench_dataspace")
    try:
        with tempfile.TemporaryDirectory(prefix="jipan-bench-dataspace-") as workdir:
            settings = make_settings(
                dsn, Path(workdir), JIPAN_LEDGER_BATCH_WINDOW_S="0.02", JIPAN_LOG_LEVEL="warning"
            )
            async with (
                running_server(settings, [system.SERVICE, ledger.SERVICE, dataspace.SERVICE]) as server,
                grpc.aio.insecure_channel(server.address) as channel,
            ):
                say(f"{args.pairs} pairs × {args.negotiations} negotiations to FINALIZED")
                started = time.perf_counter()
                runs = await asyncio.gather(
                    *(negotiate(server, channel, pair, args.negotiations) for pair in range(args.pairs))
                )
                elapsed = time.perf_counter() - started
        every = [t for run in runs for t in run]
        return {
            "negotiations_per_s": round(len(every) / elapsed, 1),
            "negotiation_p50_ms": round(statistics.median(every) * 1e3, 1),
            "pairs": args.pairs,
            "bound_by": {"sql_roundtrip_us": round(await sql_roundtrip_us(dsn), 1)},
        }
    finally:
        await drop_database(SERVER_DSN, database)


async def agreed_transfer(
    server: Any, channel: grpc.aio.Channel, size: int
) -> tuple[str, res.TransferProcess]:
    """A dataset of `size` random bytes uploaded, negotiated to FINALIZED, and a transfer started."""
    provider = server.metadata(org="orgs/provider-transfer", scopes=SCOPES)
    consumer = server.metadata(org="orgs/consumer-transfer", scopes=SCOPES)
    catalog = cpb_grpc.CatalogServiceStub(channel)
    negotiations = npb_grpc.NegotiationServiceStub(channel)
    policy = json.dumps({"@context": CTX, "permission": [{"action": "use"}]})
    dataset = (
        await catalog.CreateDataset(
            cpb.CreateDatasetRequest(
                dataset_id=f"t-{uuid.uuid4().hex[:8]}",
                dataset=res.Dataset(
                    title="bench",
                    offers=[res.Offer(id="open", policy=policy)],
                    distributions=[res.Distribution(id="data", media_type="application/octet-stream")],
                ),
            ),
            metadata=provider,
        )
    ).dataset
    block = os.urandom(4 * 1024 * 1024)

    async def messages() -> Any:
        yield cpb.UploadDistributionRequest(
            header=cpb.UploadDistributionHeader(dataset=dataset.name, distribution_id="data")
        )
        sent = 0
        while sent < size:
            part = block[: min(len(block), size - sent)]
            sent += len(part)
            yield cpb.UploadDistributionRequest(chunk=part)

    await catalog.UploadDistribution(messages(), metadata=provider)
    name = (
        await negotiations.RequestContract(
            npb.RequestContractRequest(dataset=dataset.name, offer_id="open", request_id=str(uuid.uuid4())),
            metadata=consumer,
        )
    ).negotiation.name
    await negotiations.AgreeContract(npb.AgreeContractRequest(name=name), metadata=provider)
    await negotiations.VerifyAgreement(npb.VerifyAgreementRequest(name=name), metadata=consumer)
    done = await negotiations.FinalizeContract(npb.FinalizeContractRequest(name=name), metadata=provider)
    transfer = (
        await tpb_grpc.TransferServiceStub(channel).RequestTransfer(
            tpb.RequestTransferRequest(
                agreement=done.negotiation.agreement, distribution_id="data", request_id=str(uuid.uuid4())
            ),
            metadata=consumer,
        )
    ).transfer
    return dataset.name, transfer


async def direct_read_mib_s(objects: ObjectStore, key: str) -> float:
    started = time.perf_counter()
    total = 0
    async for chunk in objects.open(key, chunk_size=1024 * 1024):
        total += len(chunk)
    return total / 2**20 / (time.perf_counter() - started)


async def object_key_of(server: Any, dataset: str) -> str:
    async with server.runtime.database.acquire() as conn:
        rows = await conn.fetchval(
            "SELECT distributions FROM dataspace.datasets WHERE publisher || '/datasets/' || id = $1", dataset
        )
    return str(rows[0]["object_key"])


async def push_figures(
    server: Any, channel: grpc.aio.Channel, transfer: res.TransferProcess, key: str, endpoint: str, size: int
) -> dict[str, Any]:
    """A push of the distribution into another bucket of the same S3 server, against a plain copy."""
    async with aiohttp.ClientSession() as http, http.put(f"{endpoint}/bench-consumer"):
        pass
    consumer = server.metadata(org="orgs/consumer-transfer", scopes=[*SCOPES, *CLOUD_SCOPES])
    account = await apb_grpc.AccountServiceStub(channel).CreateProviderAccount(
        apb.CreateProviderAccountRequest(
            account=cres.ProviderAccount(
                provider="providers/s3-compatible", endpoint=endpoint, default_region="us-east-1"
            ),
            account_id="bench-consumer",
            credentials=cres.Credentials(
                access_key=cres.AccessKeyCredentials(access_key_id="bench", secret_access_key="bench")
            ),
            request_id=str(uuid.uuid4()),
        ),
        metadata=consumer,
    )
    say("s3: push into the consumer's bucket through the cloud broker")
    started = time.perf_counter()
    brokered = (
        await tpb_grpc.TransferServiceStub(channel).RequestTransfer(
            tpb.RequestTransferRequest(
                agreement=transfer.agreement,
                distribution_id="data",
                request_id=str(uuid.uuid4()),
                cloud_destination=tpb.CloudDestination(
                    account=account.account.name, bucket="bench-consumer", key="brokered"
                ),
            ),
            metadata=consumer,
        )
    ).transfer
    broker_s = time.perf_counter() - started
    assert brokered.state == res.TRANSFER_STATE_COMPLETED, brokered
    say("s3: push into the consumer's bucket (deprecated push_destination)")
    started = time.perf_counter()
    pushed = (
        await tpb_grpc.TransferServiceStub(channel).RequestTransfer(
            tpb.RequestTransferRequest(
                agreement=transfer.agreement,
                distribution_id="data",
                request_id=str(uuid.uuid4()),
                push_destination=tpb.S3Destination(
                    endpoint_url=endpoint,
                    bucket="bench-consumer",
                    key="pushed",
                    access_key_id="bench",
                    secret_access_key="bench",
                ),
            ),
            metadata=consumer,
        )
    ).transfer
    push_s = time.perf_counter() - started
    assert pushed.state == res.TRANSFER_STATE_COMPLETED, pushed
    say("s3: the same write without the service")
    started = time.perf_counter()
    await push(
        server.runtime.objects.open(key, chunk_size=8 * 2**20),
        S3Destination(endpoint, "bench-consumer", "copied", "", "bench", "bench"),
    )
    copy_s = time.perf_counter() - started
    return {
        "push_ratio": round(copy_s / broker_s, 3),
        "push_mib_s": round(size / 2**20 / broker_s, 1),
        "push_s3_ratio": round(copy_s / push_s, 3),
        "push_s3_mib_s": round(size / 2**20 / push_s, 1),
        "s3_copy_mib_s": round(size / 2**20 / copy_s, 1),
    }


def consent_figures(rounds: int) -> dict[str, Any]:
    """ConsentCheck.verify as every download of personal data pays it: the consent token verified
    (cached after the first time, as the chain's verifier caches access tokens) and matched."""
    key = DevSigningKey.generate()
    check = ConsentCheck(
        AccessTokenVerifier(key.key_set(), issuer="iss", audience="jipan", revocations=RevocationList())
    )
    caller = Principal(
        subject="services/app", issuer="iss", audiences=("jipan",), expires_at=NOW, token_id="t"
    )

    def token() -> str:
        return key.mint(
            subject="people/" + "a" * 32,
            audience="jipan",
            issuer="iss",
            scopes=["dataspace.read"],
            consent="people/" + "a" * 32 + "/consents/" + "c" * 32,
            extra={"client_id": "services/app", "categories": ["health", "purpose:research"]},
        )

    async def run() -> tuple[list[float], list[float]]:
        fresh, cached = [], []
        reused = token()
        for _ in range(rounds):
            new = token()
            started = time.perf_counter_ns()
            await check.verify(new, caller, purpose="research", category="health")
            fresh.append((time.perf_counter_ns() - started) / 1e3)
            started = time.perf_counter_ns()
            await check.verify(reused, caller, purpose="research", category="health")
            cached.append((time.perf_counter_ns() - started) / 1e3)
        return fresh, cached

    fresh, cached = asyncio.run(run())
    return {
        "consent_check_us_p50": round(statistics.median(cached), 1),
        "consent_check_first_us_p50": round(statistics.median(fresh), 1),
    }


async def transfer_figures(args: argparse.Namespace) -> dict[str, Any]:
    size = args.size_mib * 2**20
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # moto's server logs every request
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    host, port = moto.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "bench")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "bench")
    async with aiohttp.ClientSession() as http, http.put(f"{endpoint}/bench-dataspace"):
        pass
    figures: dict[str, Any] = {"transfer_mib": args.size_mib}
    database, dsn = await create_database(SERVER_DSN, "jipan_bench_transfer")
    try:
        for store in ("s3", "filesystem"):
            extra = (
                {"JIPAN_OBJECT_STORE_URL": "s3://bench-dataspace/objects", "JIPAN_S3_ENDPOINT_URL": endpoint}
                if store == "s3"
                else {}
            )
            with tempfile.TemporaryDirectory(prefix="jipan-bench-transfer-") as workdir:
                settings = make_settings(
                    dsn,
                    Path(workdir),
                    JIPAN_LOG_LEVEL="warning",
                    JIPAN_DATASPACE_PUSH_ALLOW_HTTP_LOOPBACK="true",
                    **extra,
                )
                services = [system.SERVICE, ledger.SERVICE, cloud.SERVICE, dataspace.SERVICE]
                async with (
                    running_server(settings, services) as server,
                    grpc.aio.insecure_channel(
                        server.address, options=[("grpc.max_receive_message_length", 8 * 2**20)]
                    ) as channel,
                ):
                    say(f"{store}: uploading and negotiating {args.size_mib} MiB")
                    dataset, transfer = await agreed_transfer(server, channel, size)
                    key = await object_key_of(server, dataset)
                    direct = await direct_read_mib_s(server.runtime.objects, key)
                    if store == "s3":
                        say("s3: presigned pull")
                        started = time.perf_counter()
                        got = 0
                        # One URL per download, after the policy check of that moment (PresignDownload).
                        presigned = await tpb_grpc.TransferServiceStub(channel).PresignDownload(
                            tpb.PresignDownloadRequest(name=transfer.name, token=transfer.access.token),
                            metadata=server.metadata(org="orgs/consumer-transfer", scopes=SCOPES),
                        )
                        presign_ms = (time.perf_counter() - started) * 1000
                        async with aiohttp.ClientSession() as http, http.get(presigned.url) as response:
                            async for chunk in response.content.iter_chunked(1024 * 1024):
                                got += len(chunk)
                        pulled = got / 2**20 / (time.perf_counter() - started)
                        assert got == size, (got, size)
                        figures.update(
                            transfer_ratio=round(pulled / direct, 3),
                            presigned_pull_mib_s=round(pulled, 1),
                            presign_ms=round(presign_ms, 1),
                            s3_direct_mib_s=round(direct, 1),
                        )
                        figures.update(await push_figures(server, channel, transfer, key, endpoint, size))
                    else:
                        say("filesystem: DownloadTransfer over gRPC")
                        consumer = server.metadata(org="orgs/consumer-transfer", scopes=SCOPES)
                        started = time.perf_counter()
                        got = 0
                        digest = hashlib.sha256()
                        async for message in tpb_grpc.TransferServiceStub(channel).DownloadTransfer(
                            tpb.DownloadTransferRequest(name=transfer.name, token=transfer.access.token),
                            metadata=consumer,
                        ):
                            got += len(message.chunk)
                            digest.update(message.chunk)
                        pulled = got / 2**20 / (time.perf_counter() - started)
                        assert digest.digest() == transfer.sha256
                        figures.update(
                            transfer_ratio_grpc=round(pulled / direct, 3),
                            grpc_pull_mib_s=round(pulled, 1),
                            filesystem_direct_mib_s=round(direct, 1),
                        )
    finally:
        await drop_database(SERVER_DSN, database)
        moto.stop()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run, not a measurement")
    parser.add_argument("--evals", type=int, default=20_000)
    parser.add_argument("--pairs", type=int, default=8)
    parser.add_argument("--negotiations", type=int, default=20)
    parser.add_argument("--size-mib", type=int, default=1024, help="the transferred distribution's size")
    args = parser.parse_args()
    if args.quick:
        args.evals, args.negotiations, args.size_mib = 1_000, 2, 16
    load_start = load_1m()
    started = time.monotonic()
    say(f"{args.evals} decisions against a 20-rule policy")
    figures = policy_figures(args.evals)
    figures.update(consent_figures(min(args.evals, 5_000)))
    figures.update(asyncio.run(negotiation_figures(args)))
    figures.update(asyncio.run(transfer_figures(args)))
    figures["host"] = {
        "cpu_model": cpu_model(),
        "nproc": os.cpu_count(),
        "loadavg_1m_start_end": [load_start, load_1m()],
        "seconds": round(time.monotonic() - started, 1),
        "quick": args.quick,
    }
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
