"""kill -9 of `jipan serve cloud` in the middle of a bucket migration: the restarted server
resumes from the per-object records (progress is never lost or counted twice), every object
arrives intact, and no credential appears in anything the server logged."""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from pathlib import Path

import grpc
import pytest

from jipan.cloud.v1 import account_service_pb2 as apb
from jipan.cloud.v1 import account_service_pb2_grpc as apb_grpc
from jipan.cloud.v1 import migration_service_pb2 as mpb
from jipan.cloud.v1 import migration_service_pb2_grpc as mpb_grpc
from jipan.cloud.v1 import provisioning_service_pb2 as vpb
from jipan.cloud.v1 import provisioning_service_pb2_grpc as vpb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from tests.cloud.conftest import REGION, SCOPES, AzuriteBlob, MotoKeys
from tests.cloud.test_accounts import keys
from tests.cloud.test_migration import azure_keys, fill_s3, read_azure
from tests.conftest import fresh_database
from tests.subprocess_mesh import ServedMesh

ORG = "orgs/crash-migration"
OBJECTS = 200


def _channel(mesh: ServedMesh) -> grpc.aio.Channel:
    assert mesh.channel is not None
    return mesh.channel


async def test_kill_9_mid_migration_resumes_and_logs_no_credentials(
    database_url: str, tmp_path: Path, aws: MotoKeys, azurite: AzuriteBlob
) -> None:
    objects = {
        f"part/{i:05d}": hashlib.sha256(str(i).encode()).digest() * (40 + i % 50) for i in range(OBJECTS)
    }
    await fill_s3(aws, "crash-source", objects)
    async with fresh_database(database_url, "jipan_cloud_migration_crash") as own:
        mesh = ServedMesh(
            tmp_path / "data",
            own,
            env_overrides={
                "JIPAN_CLOUD_OPERATION_LEASE_S": "1",
                "JIPAN_CLOUD_TTL_SWEEP_S": "0.5",
                # The production level; every line is kept (debug would bring botocore's request
                # dumps, more than the mesh keeps, so a grep of them would miss lines).
                "JIPAN_LOG_LEVEL": "info",
            },
        )
        await mesh.start(["system", "cloud"])
        try:
            md = (("authorization", f"Bearer {mesh.token(scopes=SCOPES, org=ORG)}"),)
            accounts = apb_grpc.AccountServiceStub(_channel(mesh))
            made = []
            for account_id, provider, endpoint, credentials in (
                ("aws", "providers/aws", aws.endpoint, keys(aws.keys[0])),
                ("azure", "providers/azure-blob", azurite.endpoint, azure_keys(azurite)),
            ):
                made.append(
                    (
                        await accounts.CreateProviderAccount(
                            apb.CreateProviderAccountRequest(
                                account=res.ProviderAccount(
                                    provider=provider, endpoint=endpoint, default_region=REGION
                                ),
                                account_id=account_id,
                                credentials=credentials,
                                request_id=str(uuid.uuid4()),
                            ),
                            metadata=md,
                        )
                    ).account
                )
            operation = (
                await mpb_grpc.MigrationServiceStub(_channel(mesh)).CreateMigration(
                    mpb.CreateMigrationRequest(
                        parent=ORG,
                        migration=res.Migration(
                            source_account=made[0].name,
                            source_bucket="crash-source",
                            destination_account=made[1].name,
                            destination_bucket="crash-destination",
                        ),
                        request_id=str(uuid.uuid4()),
                    ),
                    metadata=md,
                )
            ).operation
            stub = vpb_grpc.ProvisioningServiceStub(_channel(mesh))
            for _ in range(3000):
                seen = (
                    await stub.GetOperation(vpb.GetOperationRequest(name=operation.name), metadata=md)
                ).operation
                if seen.metadata.objects_done >= 20:
                    break
                await asyncio.sleep(0.01)
            else:
                pytest.fail("the migration made no progress")
            assert mesh.process is not None
            mesh.process.kill()  # SIGKILL: no shutdown, no lease released
            await asyncio.to_thread(mesh.process.wait)
            done_before = seen.metadata.objects_done
            assert done_before < OBJECTS, "the migration finished before the kill; nothing to resume"

            await mesh.restart()
            stub = vpb_grpc.ProvisioningServiceStub(_channel(mesh))
            first = (
                await stub.GetOperation(vpb.GetOperationRequest(name=operation.name), metadata=md)
            ).operation
            # Recorded progress survived the kill: the copy resumes, it does not start over.
            assert first.metadata.objects_done >= done_before
            assert first.metadata.objects_total == OBJECTS
            for _ in range(1200):
                done = (
                    await stub.GetOperation(vpb.GetOperationRequest(name=operation.name), metadata=md)
                ).operation
                if done.done:
                    break
                await asyncio.sleep(0.1)
            else:
                pytest.fail("the migration was not resumed")
            assert not done.HasField("error"), done.error
            assert done.metadata.objects_done == done.metadata.objects_total == OBJECTS
            assert done.metadata.bytes_done == sum(len(b) for b in objects.values())
            assert done.migration.objects_verified == OBJECTS
            assert await read_azure(azurite, "crash-destination") == objects
        finally:
            await mesh.stop()
        assert len(mesh.output) < 1000, "the mesh dropped early log lines; the grep would miss them"
        logged = "".join(mesh.output)
        assert "migrations resumed" in logged  # the restarted server's own lines are in it
        for secret in (aws.keys[0][1], azurite.account_key, azurite.account_key[:24]):
            assert secret not in logged
