"""MigrationService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

import grpc

from jipan.cloud.v1 import migration_service_pb2 as mpb
from jipan.cloud.v1 import migration_service_pb2_grpc as mpb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from jipan.interceptors.context import current_principal
from jipan.servers.cloud.accounts.servicer import timestamp
from jipan.servers.cloud.migration.domain import Migrations, migration_name
from jipan.servers.cloud.migration.types import Migration, Progress
from jipan.servers.cloud.provisioning.servicer import operation_to_pb
from jipan.servers.cloud.provisioning.types import Operation

Context = grpc.aio.ServicerContext[Any, Any]


def migration_to_pb(migration: Migration) -> res.Migration:
    return res.Migration(
        name=migration_name(migration.owner, migration.id),
        source_account=migration.source_account,
        source_bucket=migration.source_bucket,
        destination_account=migration.destination_account,
        destination_bucket=migration.destination_bucket,
        state=res.MigrationState.Value(f"MIGRATION_STATE_{migration.state.value}"),
        objects_verified=migration.objects_verified,
        create_time=timestamp(migration.create_time),
    )


def migration_operation_to_pb(
    operation: Operation, migration: Migration | None, progress: Progress | None
) -> res.Operation:
    """A MIGRATE_BUCKET operation: progress in its metadata, the migration once it succeeded."""
    message = operation_to_pb(operation, None)
    if progress is not None:
        message.metadata.objects_done = progress.objects_done
        message.metadata.objects_total = progress.objects_total
        message.metadata.bytes_done = progress.bytes_done
        message.metadata.bytes_total = progress.bytes_total
    if operation.done and operation.error is None and migration is not None:
        message.migration.CopyFrom(migration_to_pb(migration))
    return message


class MigrationOperations:
    """Packs MIGRATE_BUCKET operations for ProvisioningService.GetOperation/ListOperations."""

    def __init__(self, migrations: Migrations) -> None:
        self._m = migrations

    async def __call__(self, operation: Operation) -> res.Operation:
        found = await self._m.of_operation(operation)
        migration, progress = found if found is not None else (None, None)
        return migration_operation_to_pb(operation, migration, progress)


class MigrationServicer(mpb_grpc.MigrationServiceServicer):
    def __init__(self, migrations: Migrations) -> None:
        self._m = migrations
        self._pack = MigrationOperations(migrations)

    async def CreateMigration(
        self, request: mpb.CreateMigrationRequest, context: Context
    ) -> mpb.CreateMigrationResponse:
        m = request.migration
        operation = await self._m.create(
            current_principal(),
            request.parent,
            m.source_account,
            m.source_bucket,
            m.destination_account,
            m.destination_bucket,
            request.request_id,
        )
        return mpb.CreateMigrationResponse(operation=await self._pack(operation))

    async def GetMigration(
        self, request: mpb.GetMigrationRequest, context: Context
    ) -> mpb.GetMigrationResponse:
        return mpb.GetMigrationResponse(
            migration=migration_to_pb(await self._m.get(current_principal(), request.name))
        )

    async def ListMigrations(
        self, request: mpb.ListMigrationsRequest, context: Context
    ) -> mpb.ListMigrationsResponse:
        migrations, token = await self._m.list(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return mpb.ListMigrationsResponse(
            migrations=[migration_to_pb(m) for m in migrations], next_page_token=token
        )
