"""The registry's tables (migrations/) through asyncpg.

Rows become domain types here and nowhere else.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import asyncpg

from jipan.inference.v1 import resources_pb2
from jipan.servers.inference.registry.types import (
    Compression,
    DeploymentState,
    Model,
    Operation,
    OperationError,
    OperationKind,
    Precision,
    Version,
    Visibility,
)
from jipan.servers.inference.serving.backend import ModelFormat, TensorSpec
from jipan.servers.runtime.idempotency import Connection

SCHEMA = "inference"
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"

_SERVING = (
    "(deployment_state = 'DEPLOYED' OR (deployment_state = 'DEPLOYING'"
    " AND previous_state = 'DEPLOYED' AND serving_name <> ''))"
)
"""A version the gateway routes: DEPLOYED, or being deployed again while its previous
serving name still serves (a redeploy, or the one after a restart: then the backend
answers UNAVAILABLE until the version is loaded again)."""
_MODEL_COLUMNS = (
    "m.id, m.seq, m.owner, m.display_name, m.card, m.visibility, m.shared_with, m.builtin, "  # noqa: S608
    "m.evaluation_key, m.evaluation_samples, m.create_time, m.update_time, "
    "(SELECT max(v.version) FROM inference.versions v WHERE v.model = m.id "
    f"AND {_SERVING}) AS serving_version"
)
_VERSION_COLUMNS = (
    "model, version, uploader, format, precision, size_bytes, sha256, inputs, outputs, max_batch_size, "
    "builtin, source_version, compression, object_key, card, ledger_receipt, deployment_state, "
    "deployment_backend, serving_name, deploy_time, create_time"
)


def _card(data: bytes) -> resources_pb2.ModelCard:
    return resources_pb2.ModelCard.FromString(data)


def _model(row: asyncpg.Record) -> Model:
    return Model(
        id=row["id"],
        owner=row["owner"],
        display_name=row["display_name"],
        card=_card(row["card"]),
        visibility=Visibility(row["visibility"]),
        shared_with=tuple(row["shared_with"]),
        builtin=row["builtin"],
        evaluation_key=row["evaluation_key"],
        evaluation_samples=row["evaluation_samples"],
        serving_version=row["serving_version"],
        create_time=row["create_time"],
        update_time=row["update_time"],
    )


def specs_json(specs: Sequence[TensorSpec]) -> list[dict[str, Any]]:
    """Specs as the jsonb they are stored as (the pool's codec encodes Python values)."""
    return [{"name": s.name, "datatype": s.datatype, "shape": list(s.shape)} for s in specs]


def _specs(data: list[dict[str, Any]]) -> tuple[TensorSpec, ...]:
    return tuple(
        TensorSpec(name=item["name"], datatype=item["datatype"], shape=tuple(item["shape"])) for item in data
    )


def _compression(data: dict[str, Any] | None) -> Compression | None:
    if data is None:
        return None
    return Compression(**data)


def _version(row: asyncpg.Record) -> Version:
    return Version(
        model=row["model"],
        version=row["version"],
        uploader=row["uploader"],
        format=ModelFormat(row["format"].lower()),
        precision=Precision(row["precision"]),
        size_bytes=row["size_bytes"],
        sha256=bytes(row["sha256"]),
        inputs=_specs(row["inputs"]),
        outputs=_specs(row["outputs"]),
        max_batch_size=row["max_batch_size"],
        builtin=row["builtin"],
        source_version=row["source_version"],
        compression=_compression(row["compression"]),
        object_key=row["object_key"],
        card=_card(row["card"]),
        ledger_receipt=row["ledger_receipt"],
        deployment_state=DeploymentState(row["deployment_state"]),
        deployment_backend=row["deployment_backend"],
        serving_name=row["serving_name"],
        deploy_time=row["deploy_time"],
        create_time=row["create_time"],
    )


def _operation(row: asyncpg.Record, result: Version | None) -> Operation:
    error = None
    if row["error"] is not None:
        data: dict[str, Any] = row["error"]
        error = OperationError(**data)
    return Operation(
        id=row["id"].hex,
        kind=OperationKind(row["kind"]),
        model=row["model"],
        version=row["version"],
        requester=row["requester"],
        requester_org=row["requester_org"],
        progress_percent=row["progress_percent"],
        progress_message=row["progress_message"],
        done=row["done"],
        error=error,
        result=result,
        create_time=row["create_time"],
        update_time=row["update_time"],
        end_time=row["end_time"],
    )


class RegistryStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    # --- models -----------------------------------------------------------------------------------

    async def insert_model(
        self,
        *,
        model_id: str,
        owner: str,
        display_name: str,
        card: resources_pb2.ModelCard,
        visibility: Visibility,
        shared_with: Sequence[str],
        builtin: bool = False,
    ) -> Model | None:
        """The new model; None when the id is taken."""
        row = await self.pool.fetchrow(
            "INSERT INTO inference.models (id, owner, display_name, card, visibility, shared_with, builtin)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING RETURNING id",
            model_id,
            owner,
            display_name,
            card.SerializeToString(deterministic=True),
            visibility.value,
            list(shared_with),
            builtin,
        )
        return None if row is None else await self.get_model(model_id)

    async def get_model(self, model_id: str, conn: Connection | None = None) -> Model | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_MODEL_COLUMNS} FROM inference.models m WHERE m.id = $1",  # noqa: S608 (fixed columns)
            model_id,
        )
        return None if row is None else _model(row)

    async def list_models(self, org: str | None, after_id: str, limit: int) -> list[Model]:
        """Models `org` may see, by id, after `after_id`."""
        rows = await self.pool.fetch(
            f"SELECT {_MODEL_COLUMNS} FROM inference.models m WHERE m.id > $1"  # noqa: S608 (fixed columns)
            " AND (m.visibility = 'PUBLIC' OR m.owner = $2 OR $2 = ANY (m.shared_with))"
            " ORDER BY m.id LIMIT $3",
            after_id,
            org or "",
            limit,
        )
        return [_model(row) for row in rows]

    async def update_model(
        self,
        model_id: str,
        *,
        display_name: str,
        card: resources_pb2.ModelCard,
        visibility: Visibility,
        shared_with: Sequence[str],
    ) -> Model | None:
        row = await self.pool.fetchrow(
            "UPDATE inference.models SET display_name = $2, card = $3, visibility = $4, shared_with = $5,"
            " update_time = now() WHERE id = $1 RETURNING id",
            model_id,
            display_name,
            card.SerializeToString(deterministic=True),
            visibility.value,
            list(shared_with),
        )
        return None if row is None else await self.get_model(model_id)

    async def set_evaluation_set(self, model_id: str, key: str, samples: int) -> tuple[Model, str] | None:
        """Point the model at a new evaluation set: the model, and the key it replaced ('' for none).

        The replaced key is read in the same statement (the row locked), so two replacements at
        once each get the key the other one wrote or the one before both, never the same one.
        """
        row = await self.pool.fetchrow(
            "UPDATE inference.models m SET evaluation_key = $2, evaluation_samples = $3, update_time = now()"
            " FROM (SELECT id, evaluation_key FROM inference.models WHERE id = $1 FOR UPDATE) old"
            " WHERE m.id = old.id RETURNING old.evaluation_key AS replaced",
            model_id,
            key,
            samples,
        )
        if row is None:
            return None
        model = await self.get_model(model_id)
        return None if model is None else (model, str(row["replaced"] or ""))

    # --- versions ---------------------------------------------------------------------------------

    async def allocate_version(self, conn: Connection, model_id: str) -> int:
        number: int = await conn.fetchval(
            "UPDATE inference.models SET next_version = next_version + 1, update_time = now()"
            " WHERE id = $1 RETURNING next_version - 1",
            model_id,
        )
        return number

    async def insert_version(self, conn: Connection, version: Version) -> None:
        compression = None
        if version.compression is not None:
            c = version.compression
            compression = {
                "size_ratio": c.size_ratio,
                "mean_cosine": c.mean_cosine,
                "min_cosine": c.min_cosine,
                "top1_agreement": c.top1_agreement,
                "samples": c.samples,
                "evaluation_source": c.evaluation_source,
                "cosine_threshold": c.cosine_threshold,
            }
        await conn.execute(
            "INSERT INTO inference.versions (model, version, uploader, format, precision, size_bytes, sha256,"
            " inputs, outputs, max_batch_size, builtin, source_version, compression, object_key, card,"
            " ledger_receipt) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
            version.model,
            version.version,
            version.uploader,
            version.format.value.upper(),
            version.precision.value,
            version.size_bytes,
            version.sha256,
            specs_json(version.inputs),
            specs_json(version.outputs),
            version.max_batch_size,
            version.builtin,
            version.source_version,
            compression,
            version.object_key,
            version.card.SerializeToString(deterministic=True),
            version.ledger_receipt,
        )

    async def get_version(self, model_id: str, number: int, conn: Connection | None = None) -> Version | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_VERSION_COLUMNS} FROM inference.versions WHERE model = $1 AND version = $2",  # noqa: S608
            model_id,
            number,
        )
        return None if row is None else _version(row)

    async def list_versions(self, model_id: str, before: int, limit: int) -> list[Version]:
        rows = await self.pool.fetch(
            f"SELECT {_VERSION_COLUMNS} FROM inference.versions WHERE model = $1 AND version < $2"  # noqa: S608
            " ORDER BY version DESC LIMIT $3",
            model_id,
            before,
            limit,
        )
        return [_version(row) for row in rows]

    async def set_deployment(
        self,
        model_id: str,
        number: int,
        *,
        state: DeploymentState,
        expect: Sequence[DeploymentState],
        backend: str | None = None,
        serving_name: str | None = None,
        deployed_at: datetime | None = None,
        conn: Connection | None = None,
    ) -> bool:
        """Move a version to `state` when it is in one of `expect` (False otherwise)."""
        status = await (conn or self.pool).execute(
            "UPDATE inference.versions SET deployment_state = $3,"
            " deployment_backend = coalesce($5, deployment_backend),"
            " serving_name = coalesce($6, serving_name),"
            " deploy_time = CASE WHEN $3 = 'DEPLOYED' THEN $7 ELSE deploy_time END"
            " WHERE model = $1 AND version = $2 AND deployment_state = ANY ($4::text[])",
            model_id,
            number,
            state.value,
            [s.value for s in expect],
            backend,
            serving_name,
            deployed_at,
        )
        return status.endswith(" 1")

    async def start_transition(
        self,
        model_id: str,
        number: int,
        *,
        state: DeploymentState,
        expect: Sequence[DeploymentState],
        conn: Connection,
    ) -> Version | None:
        """Move a version to the busy `state` when it is in one of `expect`, remembering where it was.

        The row as it is now (None when the version was not in `expect`): an
        operation works on this, not on what it read before, which a concurrent
        operation may have changed since.
        """
        row = await conn.fetchrow(
            "UPDATE inference.versions SET previous_state = deployment_state, deployment_state = $3"  # noqa: S608
            " WHERE model = $1 AND version = $2 AND deployment_state = ANY ($4::text[])"
            f" RETURNING {_VERSION_COLUMNS}",
            model_id,
            number,
            state.value,
            [s.value for s in expect],
        )
        return None if row is None else _version(row)

    async def end_busy_state(
        self,
        model_id: str,
        number: int,
        *,
        busy: DeploymentState,
        restore: Sequence[DeploymentState],
        otherwise: DeploymentState,
    ) -> bool:
        """Move a `busy` version back to the state its operation started from when that is one of
        `restore`, else to `otherwise` (False when the version is not `busy`)."""
        status = await self.pool.execute(
            "UPDATE inference.versions SET deployment_state = CASE WHEN previous_state = ANY ($4::text[])"
            " THEN previous_state ELSE $5 END"
            " WHERE model = $1 AND version = $2 AND deployment_state = $3",
            model_id,
            number,
            busy.value,
            [s.value for s in restore],
            otherwise.value,
        )
        return status.endswith(" 1")

    async def delete_version(self, model_id: str, number: int) -> str | None:
        """Delete a version that is not deployed or busy; its object key, or None when no such row."""
        key: str | None = await self.pool.fetchval(
            "DELETE FROM inference.versions WHERE model = $1 AND version = $2"
            " AND deployment_state IN ('UNDEPLOYED', 'FAILED') RETURNING object_key",
            model_id,
            number,
        )
        return key

    async def versions_in_state(self, states: Sequence[DeploymentState]) -> list[Version]:
        rows = await self.pool.fetch(
            f"SELECT {_VERSION_COLUMNS} FROM inference.versions"  # noqa: S608 (fixed columns)
            " WHERE deployment_state = ANY ($1::text[]) ORDER BY model, version",
            [s.value for s in states],
        )
        return [_version(row) for row in rows]

    # --- operations -------------------------------------------------------------------------------

    async def insert_operation(
        self,
        conn: Connection,
        *,
        kind: OperationKind,
        model_id: str,
        number: int,
        requester: str,
        requester_org: str,
    ) -> str:
        op_id = uuid.uuid4()
        await conn.execute(
            "INSERT INTO inference.operations (id, kind, model, version, requester, requester_org)"
            " VALUES ($1, $2, $3, $4, $5, $6)",
            op_id,
            kind.value,
            model_id,
            number,
            requester,
            requester_org,
        )
        return op_id.hex

    async def progress(self, op_id: str, percent: int, message: str) -> None:
        await self.pool.execute(
            "UPDATE inference.operations SET progress_percent = $2, progress_message = $3,"
            " update_time = now()"
            " WHERE id = $1 AND NOT done",
            uuid.UUID(op_id),
            percent,
            message,
        )

    async def finish_operation(
        self, op_id: str, *, error: OperationError | None = None, result_version: int | None = None
    ) -> None:
        error_json = None
        if error is not None:
            error_json = {
                "code": error.code,
                "message": error.message,
                "reason": error.reason,
                "domain": error.domain,
                "metadata": error.metadata,
            }
        await self.pool.execute(
            "UPDATE inference.operations SET done = true, error = $2, result_version = $3,"
            " progress_percent = CASE WHEN $2::jsonb IS NULL THEN 100 ELSE progress_percent END,"
            " progress_message = CASE WHEN $2::jsonb IS NULL THEN 'done' ELSE 'failed' END,"
            " update_time = now(), end_time = now() WHERE id = $1 AND NOT done",
            uuid.UUID(op_id),
            error_json,
            result_version,
        )

    async def get_operation(self, op_id: str) -> Operation | None:
        row = await self.pool.fetchrow("SELECT * FROM inference.operations WHERE id = $1", uuid.UUID(op_id))
        if row is None:
            return None
        return await self._with_result(row)

    async def _with_result(self, row: asyncpg.Record) -> Operation:
        result = None
        if row["done"] and row["error"] is None and row["result_version"] is not None:
            result = await self.get_version(row["model"], row["result_version"])
        return _operation(row, result)

    async def list_operations(
        self, org: str, model_id: str | None, before_seq: int, limit: int
    ) -> list[tuple[int, Operation]]:
        rows = await self.pool.fetch(
            "SELECT * FROM inference.operations WHERE requester_org = $1 AND seq < $2"
            " AND ($3::text IS NULL OR model = $3) ORDER BY seq DESC LIMIT $4",
            org,
            before_seq,
            model_id,
            limit,
        )
        return [(row["seq"], await self._with_result(row)) for row in rows]

    async def unfinished_operations(self) -> list[Operation]:
        rows = await self.pool.fetch("SELECT * FROM inference.operations WHERE NOT done ORDER BY seq")
        return [_operation(row, None) for row in rows]


async def deployed_versions(store: RegistryStore, model_id: str) -> list[Version]:
    """The model's serving versions (the gateway's routing table for it, see _SERVING)."""
    rows = await store.pool.fetch(
        f"SELECT {_VERSION_COLUMNS} FROM inference.versions"  # noqa: S608 (fixed columns)
        f" WHERE model = $1 AND {_SERVING} ORDER BY version",
        model_id,
    )
    return [_version(row) for row in rows]
