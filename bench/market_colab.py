"""Market Co-Lab spaces and trials (issue 14), JSON on the last line.

    python bench/market_colab.py            # 32 MiB documents, 50 decisions, 10 trials
    python bench/market_colab.py --quick    # smoke run

* document_upload_mib_s / document_download_mib_s: one document streamed
  through gRPC (1 MiB chunks) into the object store (the filesystem engine,
  the embedded default) and back, median of `--repeats`; SHA-256 and the size
  limit are checked on the way, as in service.
* decision_p50_ms / decision_p95_ms: CreateDecision, the ledger anchoring
  (the embedded chain's batcher) included, one at a time.
* trial_start_p50_ms: StartTrial (pricing at the broker, the trial row,
  PlanPlacement and CreateDeployment through cloud's gRPC contract);
  trial_running_p50_ms: from StartTrial until GetTrial says RUNNING, the
  broker's operation on moto's EC2 included (a moto server is started the way
  tests/cloud starts it).

One server (system, ledger, procurement, cloud, market) runs in this process
on a database of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import grpc

from bench.host import cpu_model, create_database, drop_database, load_1m
from jipan.cloud.v1 import account_service_pb2 as apb
from jipan.cloud.v1 import account_service_pb2_grpc as apb_grpc
from jipan.cloud.v1 import catalog_service_pb2 as cpb
from jipan.cloud.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.cloud.v1 import resources_pb2 as cres
from jipan.common.v1 import money_pb2
from jipan.market.v1 import project_service_pb2 as ppb
from jipan.market.v1 import project_service_pb2_grpc as ppb_grpc
from jipan.market.v1 import provider_service_pb2 as prov_pb
from jipan.market.v1 import provider_service_pb2_grpc as prov_grpc
from jipan.market.v1 import resources_pb2 as mres
from jipan.market.v1 import space_service_pb2 as spb
from jipan.market.v1 import space_service_pb2_grpc as spb_grpc
from jipan.market.v1 import trial_service_pb2 as tpb
from jipan.market.v1 import trial_service_pb2_grpc as tpb_grpc
from jipan.servers import cloud, ledger, market, procurement, system
from tests.cloud.conftest import REGION, _moto
from tests.mesh import RunningServer, make_settings, running_server

SERVER_DSN = os.environ.get("JIPAN_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
SCOPES = ["market.read", "market.write", "procurement.read"]
TRIAL_ORG = "orgs/bench-trials"
ROOT = Path(__file__).resolve().parents[1]
MIB = 1024 * 1024


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def meta(server: RunningServer, org: str) -> Any:
    return server.metadata(subject=f"people/bench-{org}", scopes=SCOPES, org=f"orgs/{org}", roles=["admin"])


def upload(parent: str, content: bytes) -> Iterator[spb.CreateSpaceDocumentRequest]:
    yield spb.CreateSpaceDocumentRequest(
        header=spb.CreateSpaceDocumentHeader(
            parent=parent,
            document=mres.SpaceDocument(display_name="bench.bin"),
            expected_sha256=hashlib.sha256(content).digest(),
        )
    )
    for start in range(0, len(content), MIB):
        yield spb.CreateSpaceDocumentRequest(chunk=content[start : start + MIB])


async def spaces_figures(
    server: RunningServer, channel: grpc.aio.Channel, args: argparse.Namespace
) -> dict[str, Any]:
    stub = spb_grpc.SpaceServiceStub(channel)
    md = meta(server, "bench-agency")
    space = (
        await stub.CreateSpace(spb.CreateSpaceRequest(space=mres.Space(display_name="bench")), metadata=md)
    ).space
    content = os.urandom(args.document_mib * MIB)
    up: list[float] = []
    down: list[float] = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        document = (await stub.CreateSpaceDocument(upload(space.name, content), metadata=md)).document
        up.append(time.perf_counter() - start)
        start = time.perf_counter()
        size = 0
        async for part in stub.DownloadSpaceDocument(
            spb.DownloadSpaceDocumentRequest(name=document.name), metadata=md
        ):
            size += len(part.chunk)
        down.append(time.perf_counter() - start)
        assert size == len(content)
    say(f"upload {args.document_mib / statistics.median(up):.1f} MiB/s")
    decision_ms: list[float] = []
    for i in range(args.decisions):
        start = time.perf_counter()
        await stub.CreateDecision(
            spb.CreateDecisionRequest(
                parent=space.name,
                decision=mres.Decision(title=f"決議 {i}", text="採用開放標準。" * 20),
                request_id=str(uuid.uuid4()),
            ),
            metadata=md,
        )
        decision_ms.append((time.perf_counter() - start) * 1000)
    say(f"decision p95 {p(decision_ms, 0.95):.1f} ms")
    return {
        "document_mib": args.document_mib,
        "document_upload_mib_s": round(args.document_mib / statistics.median(up), 1),
        "document_download_mib_s": round(args.document_mib / statistics.median(down), 1),
        "decisions": args.decisions,
        "decision_p50_ms": round(statistics.median(decision_ms), 2),
        "decision_p95_ms": round(p(decision_ms, 0.95), 2),
    }


async def trials_figures(
    server: RunningServer, channel: grpc.aio.Channel, args: argparse.Namespace, aws: Any
) -> dict[str, Any]:
    operator = server.metadata(
        subject="people/bench-operator", scopes=["cloud.read", "cloud.write"], org=TRIAL_ORG
    )
    await apb_grpc.AccountServiceStub(channel).CreateProviderAccount(
        apb.CreateProviderAccountRequest(
            account=cres.ProviderAccount(
                provider="providers/aws", endpoint=aws.endpoint, default_region=REGION
            ),
            account_id="aws",
            credentials=cres.Credentials(
                access_key=cres.AccessKeyCredentials(
                    access_key_id=aws.keys[0][0], secret_access_key=aws.keys[0][1]
                )
            ),
            request_id=str(uuid.uuid4()),
        ),
        metadata=operator,
    )
    catalog = cpb_grpc.CatalogServiceStub(channel)
    await catalog.ImportOfferings(
        cpb.ImportOfferingsRequest(
            parent=TRIAL_ORG,
            format=cres.PRICE_LIST_FORMAT_AWS_OFFER_FILE,
            content=(ROOT / "tests" / "cloud" / "data" / "aws_ec2_offer.json").read_bytes(),
            exchange_rates=[cres.ExchangeRate(currency_code="USD", twd_per_unit="32.5", date="2025-12-01")],
        ),
        metadata=operator,
    )
    offerings = (
        await catalog.ListOfferings(
            cpb.ListOfferingsRequest(parent=TRIAL_ORG, kind=cres.OFFERING_KIND_INSTANCE, page_size=1000),
            metadata=operator,
        )
    ).offerings
    size = next(o for o in offerings if o.type == "m5.large" and o.region == REGION)
    vendor = meta(server, "bench-vendor")
    await ppb_grpc.ProjectServiceStub(channel).ImportProject(
        ppb.ImportProjectRequest(
            format=mres.METADATA_FORMAT_PYPI_JSON,
            metadata=(ROOT / "tests" / "market" / "fixtures" / "pypi-idna.json").read_bytes(),
        ),
        metadata=vendor,
    )
    providers = prov_grpc.ProviderServiceStub(channel)
    provider = await providers.CreateProvider(
        prov_pb.CreateProviderRequest(provider=mres.Provider(display_name="Bench", regions=["TW"])),
        metadata=vendor,
    )
    await providers.CreateOffer(
        prov_pb.CreateOfferRequest(
            parent=provider.provider.name,
            offer=mres.Offer(project="projects/pypi-idna", kind=mres.OFFER_KIND_HOSTING),
        ),
        metadata=vendor,
    )
    trials = tpb_grpc.TrialServiceStub(channel)
    template = (
        await trials.CreateTrialTemplate(
            tpb.CreateTrialTemplateRequest(
                parent="projects/pypi-idna",
                trial_template=mres.TrialTemplate(
                    offering=size.name,
                    image="ami-03cf127a",
                    ports=[443],
                    max_hours=8,
                    budget_cap=money_pb2.Money(currency_code="TWD", amount_minor=10_000_000),
                ),
            ),
            metadata=vendor,
        )
    ).trial_template
    agency = meta(server, "bench-agency")
    start_ms: list[float] = []
    running_ms: list[float] = []
    for _ in range(args.trials):
        began = time.perf_counter()
        trial = (
            await trials.StartTrial(
                tpb.StartTrialRequest(
                    trial=mres.Trial(template=template.name, hours=1), request_id=str(uuid.uuid4())
                ),
                metadata=agency,
            )
        ).trial
        start_ms.append((time.perf_counter() - began) * 1000)
        while trial.state == mres.TRIAL_STATE_PROVISIONING:
            await asyncio.sleep(0.02)
            trial = (await trials.GetTrial(tpb.GetTrialRequest(name=trial.name), metadata=agency)).trial
        assert trial.state == mres.TRIAL_STATE_RUNNING, trial.problem
        running_ms.append((time.perf_counter() - began) * 1000)
        await trials.EndTrial(tpb.EndTrialRequest(name=trial.name), metadata=agency)
    say(
        f"trial start p50 {statistics.median(start_ms):.1f} ms,"
        f" running p50 {statistics.median(running_ms):.1f} ms"
    )
    return {
        "trials": args.trials,
        "trial_start_p50_ms": round(statistics.median(start_ms), 2),
        "trial_start_p95_ms": round(p(start_ms, 0.95), 2),
        "trial_running_p50_ms": round(statistics.median(running_ms), 2),
    }


async def run(args: argparse.Namespace) -> dict[str, Any]:
    database, dsn = await create_database(SERVER_DSN, "jipan_bench_colab")
    try:
        with (
            tempfile.TemporaryDirectory(prefix="jipan-bench-colab-") as workdir,
            contextlib.contextmanager(_moto)(Path(workdir)) as aws,
        ):
            settings = make_settings(
                dsn,
                Path(workdir),
                JIPAN_LOG_LEVEL="warning",
                JIPAN_MARKET_TRIAL_ORG=TRIAL_ORG,
                JIPAN_MARKET_MAX_DOCUMENT_BYTES=str(max(args.document_mib, 1) * MIB),
                JIPAN_LEDGER_BATCH_WINDOW_S="0.05",
            )
            modules = [system.SERVICE, ledger.SERVICE, procurement.SERVICE, cloud.SERVICE, market.SERVICE]
            async with (
                running_server(settings, modules) as server,
                grpc.aio.insecure_channel(
                    server.address,
                    options=[("grpc.max_receive_message_length", 8 * MIB)],
                ) as channel,
            ):
                figures = await spaces_figures(server, channel, args)
                figures |= await trials_figures(server, channel, args, aws)
    finally:
        await drop_database(SERVER_DSN, database)
    return {"bench": "market_colab", **figures, "cpu": cpu_model(), "load_1m": load_1m()}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--document-mib", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--decisions", type=int, default=50)
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--quick", action="store_true", help="4 MiB, 2 repeats, 10 decisions, 2 trials")
    args = parser.parse_args()
    if args.quick:
        args.document_mib, args.repeats, args.decisions, args.trials = 4, 2, 10, 2
    print(json.dumps(asyncio.run(run(args)), ensure_ascii=False))


if __name__ == "__main__":
    main()
