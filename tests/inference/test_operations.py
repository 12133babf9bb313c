"""Deploy and undeploy operations against real PostgreSQL, on a fake serving backend.

What a shutdown, a crash or a backend failure in the middle of one leaves:
the registry's real store and operations code, a backend that records what
is loaded and can be held or made to fail, and the version bytes faked (the
sealing and provenance checks have tests of their own).
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import asyncpg
import numpy as np
import pytest

from jipan.inference.v1 import resources_pb2
from jipan.interceptors.context import Principal
from jipan.servers.inference.gateway.routes import Routes
from jipan.servers.inference.names import version_name
from jipan.servers.inference.registry import operations as operations_module
from jipan.servers.inference.registry.domain import Registry
from jipan.servers.inference.registry.operations import Operations
from jipan.servers.inference.registry.store import MIGRATIONS, SCHEMA, RegistryStore
from jipan.servers.inference.registry.types import DeploymentState, Precision, Version, Visibility
from jipan.servers.inference.sealing import FileKek
from jipan.servers.inference.serving.backend import Deployable, ModelFormat, TensorSpec
from jipan.servers.runtime.database import apply_migrations, create_pool
from jipan.servers.runtime.errors import InvalidArgument, Unavailable
from jipan.servers.runtime.idempotency import MIGRATIONS as IDEMPOTENCY_MIGRATIONS
from jipan.servers.runtime.idempotency import SCHEMA as IDEMPOTENCY_SCHEMA
from jipan.servers.runtime.idempotency import RequestIds
from jipan.servers.runtime.objectstore import FilesystemObjectStore
from tests.conftest import fresh_database

pytestmark = pytest.mark.timeout(60)

ORG = "orgs/moda"
PAYLOAD = b"model bytes"


@dataclass
class FakeBackend:
    """Records what is loaded; `hold` keeps loads waiting, `fail_load`/`fail_unload` make them fail."""

    kind: str = "embedded"
    target: str = "127.0.0.1:1"
    metadata: tuple[tuple[str, str], ...] = ()
    secure: bool = False
    loaded: set[str] = field(default_factory=set)
    hold: asyncio.Event | None = None
    loading: asyncio.Event = field(default_factory=asyncio.Event)
    fail_load: Exception | None = None
    fail_unload: Exception | None = None

    async def start(self) -> None:
        pass

    async def load(self, deployable: Deployable) -> None:
        self.loading.set()
        if self.hold is not None:
            await self.hold.wait()
        if self.fail_load is not None:
            raise self.fail_load
        self.loaded.add(deployable.serving_name)

    async def unload(self, serving_name: str) -> None:
        if self.fail_unload is not None:
            raise self.fail_unload
        self.loaded.discard(serving_name)

    async def close(self) -> None:
        pass


@dataclass
class Registries:
    store: RegistryStore
    routes: Routes

    def operations(self, backend: FakeBackend) -> Operations:
        """The operations of one process of the server (a restart makes new ones on the same store)."""
        registry = Registry(
            self.store,
            cast(Any, None),
            cast(Any, None),
            cast(Any, None),
            cast(Any, None),
            RequestIds(),
            max_bytes=1 << 20,
        )
        operations = Operations(registry, cast(Any, backend), on_change=self.routes.invalidate)

        async def verified_bytes(version: Version) -> bytes:
            return PAYLOAD

        operations._verified_bytes = verified_bytes  # type: ignore[method-assign]
        return operations


@pytest.fixture
async def registries(database_url: str) -> AsyncIterator[Registries]:
    async with fresh_database(database_url, "jipan_inference_ops") as own:
        pool: asyncpg.Pool = await create_pool(own, min_size=1, max_size=4)
        try:
            await apply_migrations(pool, SCHEMA, MIGRATIONS)
            await apply_migrations(pool, IDEMPOTENCY_SCHEMA, IDEMPOTENCY_MIGRATIONS)
            store = RegistryStore(pool)
            yield Registries(store, Routes(store, ttl_s=60.0))
        finally:
            await pool.close()


def owner() -> Principal:
    return Principal(
        subject="people/ann",
        issuer="test",
        audiences=(),
        expires_at=datetime.max.replace(tzinfo=UTC),
        token_id="",
        org=ORG,
    )


async def new_version(store: RegistryStore, model_id: str = "m1") -> Version:
    model = await store.insert_model(
        model_id=model_id,
        owner=ORG,
        display_name=model_id,
        card=resources_pb2.ModelCard(license="Apache-2.0"),
        visibility=Visibility.PRIVATE,
        shared_with=(),
    )
    assert model is not None
    async with store.pool.acquire() as conn, conn.transaction():
        number = await store.allocate_version(conn, model_id)
        await store.insert_version(
            conn,
            Version(
                model=model_id,
                version=number,
                uploader="people/ann",
                format=ModelFormat.ONNX,
                precision=Precision.FP32,
                size_bytes=len(PAYLOAD),
                sha256=hashlib.sha256(PAYLOAD).digest(),
                inputs=(TensorSpec("x", "FP32", (-1, 4)),),
                outputs=(TensorSpec("y", "FP32", (-1, 3)),),
                max_batch_size=8,
                builtin="",
                source_version=None,
                compression=None,
                object_key=f"{model_id}/{number}",
                card=resources_pb2.ModelCard(),
                ledger_receipt="",
                deployment_state=DeploymentState.UNDEPLOYED,
                deployment_backend="",
                serving_name="",
                deploy_time=None,
                create_time=datetime.now(UTC),
            ),
        )
    version = await store.get_version(model_id, number)
    assert version is not None
    return version


async def deployed(operations: Operations, version: Version) -> Version:
    """Deploy (or deploy again) and wait; the version's row after."""
    operation = await operations.deploy_as_system(ORG, version)
    await operations.wait(operation.id)
    return await current(operations.store, version)


async def current(store: RegistryStore, version: Version) -> Version:
    row = await store.get_version(version.model, version.version)
    assert row is not None
    return row


async def routed(registries: Registries, version: Version) -> str | None:
    """The serving name the gateway would send the model's calls to (None: NOT_DEPLOYED)."""
    registries.routes.invalidate(version.model)
    route = await registries.routes.route(ORG, version.model)
    chosen = route.version("")
    return None if chosen is None else chosen.serving_name


async def a_deployed_version(registries: Registries) -> tuple[FakeBackend, Operations, Version]:
    """One process's operations on a fake backend, started, and a new version deployed there."""
    backend = FakeBackend()
    operations = registries.operations(backend)
    await operations.recover_state()
    return backend, operations, await deployed(operations, await new_version(registries.store))


async def test_a_shutdown_during_a_redeploy_leaves_the_version_deployed_for_the_next_start(
    registries: Registries,
) -> None:
    backend, operations, version = await a_deployed_version(registries)
    assert version.deployment_state is DeploymentState.DEPLOYED
    first = version.serving_name

    # The start-up redeploy (or an owner's) is loading when SIGTERM cancels it.
    backend.hold = asyncio.Event()
    backend.loading.clear()
    await operations.redeploy()
    await backend.loading.wait()
    await operations.close()
    row = await current(registries.store, version)
    assert row.deployment_state is DeploymentState.DEPLOYED
    assert row.serving_name == first

    # The next process redeploys it.
    again = FakeBackend()
    restarted = registries.operations(again)
    await restarted.recover_state()
    await restarted.redeploy()
    for _, operation in await registries.store.list_operations(ORG, version.model, 2**62, 10):
        await restarted.wait(operation.id)
    row = await current(registries.store, version)
    assert row.deployment_state is DeploymentState.DEPLOYED
    assert again.loaded == {row.serving_name}

    # A load that genuinely fails still fails the version.
    again.fail_load = Unavailable("BACKEND_UNAVAILABLE", "no capacity", domain="test")
    assert (await deployed(restarted, row)).deployment_state is DeploymentState.FAILED
    await restarted.close()


async def test_a_crash_during_a_redeploy_is_deployed_again_by_the_next_start(registries: Registries) -> None:
    backend, operations, version = await a_deployed_version(registries)
    backend.hold = asyncio.Event()
    backend.loading.clear()
    await operations.deploy_as_system(ORG, version)
    await backend.loading.wait()

    # SIGKILL: the row stays DEPLOYING; the next process's recovery finds it so.
    assert (await current(registries.store, version)).deployment_state is DeploymentState.DEPLOYING
    restarted = registries.operations(FakeBackend())
    await restarted.recover_state()
    row = await current(registries.store, version)
    assert row.deployment_state is DeploymentState.DEPLOYED
    assert row.serving_name == version.serving_name
    await operations.close()
    await restarted.close()


async def test_a_version_being_redeployed_is_still_routed(registries: Registries) -> None:
    backend, operations, version = await a_deployed_version(registries)
    first = version.serving_name
    assert await routed(registries, version) == first

    backend.hold = asyncio.Event()
    backend.loading.clear()
    operation = await operations.deploy_as_system(ORG, version)
    await backend.loading.wait()
    assert (await current(registries.store, version)).deployment_state is DeploymentState.DEPLOYING
    assert await routed(registries, version) == first  # the previous load serves meanwhile
    model = await registries.store.get_model(version.model)
    assert model is not None
    assert model.serving_version == version.version

    backend.hold.set()
    await operations.wait(operation.id)
    row = await current(registries.store, version)
    assert row.deployment_state is DeploymentState.DEPLOYED
    assert await routed(registries, version) == row.serving_name != first
    assert backend.loaded == {row.serving_name}

    # A first deploy is not routed before it has loaded.
    other = await new_version(registries.store, "m2")
    backend.hold = asyncio.Event()
    backend.loading.clear()
    operation = await operations.deploy_as_system(ORG, other)
    await backend.loading.wait()
    assert await routed(registries, other) is None
    backend.hold.set()
    await operations.wait(operation.id)
    await operations.close()


async def test_a_failed_undeploy_returns_the_version_to_deployed(registries: Registries) -> None:
    backend, operations, version = await a_deployed_version(registries)
    name = version_name(version.model, version.version)

    backend.fail_unload = Unavailable("BACKEND_UNAVAILABLE", "the host process is gone", domain="test")
    operation = await operations.undeploy(owner(), name, "")
    await operations.wait(operation.id)
    failed = await registries.store.get_operation(operation.id)
    assert failed is not None
    assert failed.error is not None
    assert failed.error.reason == "BACKEND_UNAVAILABLE"
    row = await current(registries.store, version)
    assert row.deployment_state is DeploymentState.DEPLOYED
    assert await routed(registries, version) == version.serving_name

    # The retry the error asks for works (no OPERATION_CONFLICT), and so would a deploy.
    backend.fail_unload = None
    operation = await operations.undeploy(owner(), name, "")
    await operations.wait(operation.id)
    assert (await current(registries.store, version)).deployment_state is DeploymentState.UNDEPLOYED
    assert backend.loaded == set()
    await operations.close()


async def test_a_deploy_racing_another_unloads_what_that_one_loaded(registries: Registries) -> None:
    backend, operations, version = await a_deployed_version(registries)
    name = version_name(version.model, version.version)

    # Deploy A has read the version when deploy B runs to the end.
    read = operations._owned_version

    async def read_then_b_deploys(principal: Principal, name: str) -> Version:
        stale = await read(principal, name)
        await deployed(operations, stale)
        return stale

    operations._owned_version = read_then_b_deploys  # type: ignore[method-assign]
    operation = await operations.deploy(owner(), name, "")
    await operations.wait(operation.id)
    row = await current(registries.store, version)
    assert row.deployment_state is DeploymentState.DEPLOYED
    assert backend.loaded == {row.serving_name}  # B's load was unloaded, not leaked
    await operations.close()


async def test_an_evaluation_set_replaced_twice_from_one_read_leaves_one_object(
    registries: Registries, tmp_path: Path
) -> None:
    """Two replacements of a model's evaluation set from the same read of the model (two
    callers at once) each delete the set the row held, so exactly the current one is left;
    and a compression that read the model before a replacement reads the new set."""
    objects = FilesystemObjectStore(tmp_path / "objects")
    registry = Registry(
        registries.store,
        objects,
        FileKek(os.urandom(32)),
        cast(Any, None),
        cast(Any, None),
        RequestIds(),
        max_bytes=1 << 20,
    )
    version = await new_version(registries.store)
    model = await registries.store.get_model(version.model)
    assert model is not None

    def npz(value: float) -> bytes:
        out = io.BytesIO()
        np.savez(out, x=np.full((2, 4), value, np.float32))
        return out.getvalue()

    first = await registry.store_evaluation_set(model, npz(1.0), 2)
    await registry.store_evaluation_set(model, npz(2.0), 2)  # `model` still names no set
    latest = await registry.store_evaluation_set(first, npz(3.0), 2)  # `first` names the first set
    listed, _ = await objects.list(f"inference/models/{model.id}/evaluation/")
    assert [o.key for o in listed] == [latest.evaluation_key]
    samples, source = await registry.evaluation_samples(first, version.inputs)
    assert source == "evaluation-set"
    assert float(samples["x"][0, 0]) == 3.0


async def restarted_after_a_deploy(
    registries: Registries, monkeypatch: pytest.MonkeyPatch, fail_load: Exception, retry_s: float = 0.05
) -> tuple[Operations, FakeBackend, Version]:
    """A version deployed by one process; the next process, whose loads fail with `fail_load`
    (retried after `retry_s` if it is UNAVAILABLE), recovered and redeploying it."""
    monkeypatch.setattr(operations_module, "REDEPLOY_RETRY_FIRST_S", retry_s)
    _, operations, version = await a_deployed_version(registries)
    await operations.close()
    backend = FakeBackend(fail_load=fail_load)
    restarted = registries.operations(backend)
    await restarted.recover_state()
    await restarted.redeploy()
    return restarted, backend, version


async def operations_ended(operations: Operations, version: Version) -> None:
    for _, operation in await operations.store.list_operations(ORG, version.model, 2**62, 50):
        await operations.wait(operation.id)


UNREACHABLE = Unavailable("LEDGER_UNAVAILABLE", "the ledger is not reachable", domain="test")


async def wait_until(condition: Any, what: str, timeout_s: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while not condition():
        assert loop.time() < deadline, what
        await asyncio.sleep(0.02)


async def test_a_redeploy_at_start_that_finds_a_dependency_unavailable_stays_deployed_and_is_retried(
    registries: Registries, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ledger (or the backend) not reachable yet when the next process redeploys: the
    version stays DEPLOYED and is tried again, later each time, until it serves, instead of
    being FAILED for good (the start after would not redeploy it either)."""
    restarted, again, version = await restarted_after_a_deploy(registries, monkeypatch, UNREACHABLE)
    try:
        await operations_ended(restarted, version)  # the first redeploy has failed
        row = await current(registries.store, version)
        assert row.deployment_state is DeploymentState.DEPLOYED
        assert not again.loaded

        again.fail_load = None  # the ledger is back
        await wait_until(lambda: bool(again.loaded), "the redeploy was never tried again")
        await operations_ended(restarted, version)
        row = await current(registries.store, version)
        assert row.deployment_state is DeploymentState.DEPLOYED
        assert again.loaded == {row.serving_name}
        assert await routed(registries, version) == row.serving_name
    finally:
        await restarted.close()


async def test_a_redeploy_at_start_that_fails_otherwise_is_failed_and_not_retried(
    registries: Registries, monkeypatch: pytest.MonkeyPatch
) -> None:
    restarted, _, version = await restarted_after_a_deploy(
        registries, monkeypatch, InvalidArgument("MODEL_MALFORMED", "not a model", domain="test")
    )
    try:
        await operations_ended(restarted, version)
        assert (await current(registries.store, version)).deployment_state is DeploymentState.FAILED
        assert len(restarted._redeploy_retries) == 0
    finally:
        await restarted.close()


async def test_a_version_undeployed_while_its_redeploy_waits_to_be_retried_is_left_alone(
    registries: Registries, monkeypatch: pytest.MonkeyPatch
) -> None:
    restarted, again, version = await restarted_after_a_deploy(registries, monkeypatch, UNREACHABLE, 0.3)
    try:
        await wait_until(lambda: len(restarted._redeploy_retries) > 0, "no retry scheduled")
        # Its owner undeploys it meanwhile (as UndeployVersion's operation ends).
        assert await registries.store.set_deployment(
            version.model,
            version.version,
            state=DeploymentState.UNDEPLOYED,
            expect=[DeploymentState.DEPLOYED],
            serving_name="",
        )
        again.fail_load = None
        await wait_until(lambda: len(restarted._redeploy_retries) == 0, "the retry never ended")
        assert not again.loaded
        assert (await current(registries.store, version)).deployment_state is DeploymentState.UNDEPLOYED
    finally:
        await restarted.close()
