"""migration_ratio for bench/cloud.py: a bucket migration's throughput over a raw copy's.

Two moto servers (signature checking on) stand in for AWS S3 and the domestic
S3-compatible store. The source bucket holds `objects` objects of 128 KiB and
two of 10 MiB (multipart). Each run copies it twice into fresh destination
buckets, alternating the order:

* raw: the same SDK (aioboto3, one client, the same 8 concurrent copies),
  get_object → read → put_object, nothing recorded, nothing checked;
* migration: CreateMigration through the cloud server, polled with
  GetOperation until done: listing, per-object records in PostgreSQL, MD5 on
  every request and per object, multipart for the large ones, the
  verification pass — everything a migration does.

migration_ratio = the median over runs of raw seconds / migration seconds
(the same bytes each way, so the ratio of throughputs; each run's pair back
to back, so both share the host's load of that moment).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import aioboto3
import grpc

from jipan.cloud.v1 import account_service_pb2 as apb
from jipan.cloud.v1 import account_service_pb2_grpc as apb_grpc
from jipan.cloud.v1 import migration_service_pb2 as mpb
from jipan.cloud.v1 import migration_service_pb2_grpc as mpb_grpc
from jipan.cloud.v1 import provisioning_service_pb2 as vpb
from jipan.cloud.v1 import provisioning_service_pb2_grpc as vpb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from jipan.servers import cloud, system
from tests.cloud.conftest import REGION, MotoKeys, _moto
from tests.mesh import make_settings, running_server

OWNER = "orgs/bench-migration"
SCOPES = ["cloud.read", "cloud.write"]
CONCURRENCY = 8  # the migration runner's default


def _session(store: MotoKeys) -> Any:
    return aioboto3.Session(
        aws_access_key_id=store.keys[0][0], aws_secret_access_key=store.keys[0][1], region_name=REGION
    )


async def _fill(store: MotoKeys, objects: int) -> int:
    total = 0
    async with _session(store).client("s3", endpoint_url=store.endpoint) as s3:
        await s3.create_bucket(Bucket="bench-source")
        bodies = [(f"small/{i:05d}", os.urandom(128 * 1024)) for i in range(objects)]
        bodies += [(f"large/{i}", os.urandom(10 * 1024 * 1024)) for i in range(2)]
        for key, body in bodies:
            await s3.put_object(Bucket="bench-source", Key=key, Body=body)
            total += len(body)
    return total


async def _raw_copy(source: MotoKeys, destination: MotoKeys, bucket: str) -> float:
    # Timed from before the clients are made, as the migration's time includes making its own.
    started = time.perf_counter()
    async with (
        _session(source).client("s3", endpoint_url=source.endpoint) as src,
        _session(destination).client("s3", endpoint_url=destination.endpoint) as dst,
    ):
        await dst.create_bucket(Bucket=bucket)
        keys: list[str] = []
        async for page in src.get_paginator("list_objects_v2").paginate(Bucket="bench-source"):
            keys += [item["Key"] for item in page.get("Contents", [])]
        queue = list(reversed(keys))

        async def worker() -> None:
            while queue:
                key = queue.pop()
                body = await (await src.get_object(Bucket="bench-source", Key=key))["Body"].read()
                await dst.put_object(Bucket=bucket, Key=key, Body=body)

        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        return time.perf_counter() - started


async def _migration(channel: grpc.aio.Channel, md: Any, accounts: list[str], bucket: str) -> float:
    started = time.perf_counter()
    operation = (
        await mpb_grpc.MigrationServiceStub(channel).CreateMigration(
            mpb.CreateMigrationRequest(
                parent=OWNER,
                migration=res.Migration(
                    source_account=accounts[0],
                    source_bucket="bench-source",
                    destination_account=accounts[1],
                    destination_bucket=bucket,
                ),
                request_id=str(uuid.uuid4()),
            ),
            metadata=md,
        )
    ).operation
    stub = vpb_grpc.ProvisioningServiceStub(channel)
    while not operation.done:
        await asyncio.sleep(0.1)
        operation = (
            await stub.GetOperation(vpb.GetOperationRequest(name=operation.name), metadata=md)
        ).operation
    elapsed = time.perf_counter() - started
    if operation.HasField("error"):
        raise RuntimeError(f"migration failed: {operation.error.reason} {operation.error.message}")
    assert operation.migration.objects_verified == operation.metadata.objects_total
    return elapsed


async def measure(dsn: str, objects: int, runs: int, say: Any) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="jipan-bench-migration-") as workdir:
        root = Path(workdir)
        (root / "aws").mkdir()
        (root / "domestic").mkdir()
        with (
            contextlib.contextmanager(_moto)(root / "aws") as aws,
            contextlib.contextmanager(_moto)(root / "domestic") as domestic,
        ):
            total = await _fill(aws, objects)
            say(f"source: {objects + 2} objects, {total / 2**20:.1f} MiB")
            settings = make_settings(dsn, root / "server", JIPAN_LOG_LEVEL="warning")
            async with (
                running_server(settings, [system.SERVICE, cloud.SERVICE]) as server,
                grpc.aio.insecure_channel(server.address) as channel,
            ):
                md = server.metadata(org=OWNER, scopes=SCOPES)
                accounts = []
                for provider, store in (("providers/aws", aws), ("providers/s3-compatible", domestic)):
                    account = await apb_grpc.AccountServiceStub(channel).CreateProviderAccount(
                        apb.CreateProviderAccountRequest(
                            account=res.ProviderAccount(
                                provider=provider, endpoint=store.endpoint, default_region=REGION
                            ),
                            account_id=provider.split("/")[1].replace("s3-compatible", "domestic"),
                            credentials=res.Credentials(
                                access_key=res.AccessKeyCredentials(
                                    access_key_id=store.keys[0][0], secret_access_key=store.keys[0][1]
                                )
                            ),
                            request_id=str(uuid.uuid4()),
                        ),
                        metadata=md,
                    )
                    accounts.append(account.account.name)
                raw, migrated = [], []
                for run in range(runs):
                    order = ("raw", "migration") if run % 2 == 0 else ("migration", "raw")
                    for kind in order:
                        bucket = f"bench-{kind}-{run}"
                        if kind == "raw":
                            raw.append(await _raw_copy(aws, domestic, bucket))
                        else:
                            migrated.append(await _migration(channel, md, accounts, bucket))
                        say(f"{kind} {run}: {(raw if kind == 'raw' else migrated)[-1]:.2f} s")
    raw_s, migration_s = statistics.median(raw), statistics.median(migrated)
    # Each run's two copies ran back to back: their ratio shares the machine's load of that
    # moment, which on this shared host swings by 3x within a minute. The figure is the
    # median of the per-run ratios; the ratio of the medians is beside it.
    pairs = [r / m for r, m in zip(raw, migrated, strict=True)]
    return {
        "migration_ratio": round(statistics.median(pairs), 3),
        "migration_ratio_per_run": [round(x, 3) for x in pairs],
        "migration_ratio_of_medians": round(raw_s / migration_s, 3),
        "migration_mib_per_s": round(total / 2**20 / migration_s, 2),
        "migration_raw_copy_mib_per_s": round(total / 2**20 / raw_s, 2),
        "migration_objects": objects + 2,
        "migration_mib": round(total / 2**20, 1),
    }
