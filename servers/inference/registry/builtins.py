"""Registering the shipped models (builtin/) through the registry, like any uploaded model.

At start, each built-in model is created (public, owned by the platform
organisation), its bytes stored sealed and anchored as a version when that
exact digest is not there yet, its evaluation set stored, and the version
deployed. Restarts find them in place and only redeploy.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
from collections.abc import Sequence

import numpy as np
import structlog

from jipan.inference.v1 import resources_pb2
from jipan.servers.inference.builtin import BUILTIN_MODELS, BuiltinModel
from jipan.servers.inference.names import version_name
from jipan.servers.inference.registry.operations import SYSTEM, Operations
from jipan.servers.inference.registry.types import DeploymentState, Precision, Version, Visibility

log = structlog.get_logger(__name__)


def card_of(definition: BuiltinModel) -> resources_pb2.ModelCard:
    """The definition's card as the contract has it: numeric metrics as metrics, the others as notes."""
    card = definition.card
    metrics = card.get("metrics", {})
    languages = card.get("languages", ())
    numbers: dict[str, float] = {}
    notes = []
    for key, value in metrics.items() if isinstance(metrics, dict) else ():
        if isinstance(value, int | float) and not isinstance(value, bool):
            numbers[str(key)] = float(value)
        else:
            notes.append(f"{key}: {value}")
    evaluation = str(card.get("evaluation_data", ""))
    if notes:
        evaluation = "; ".join([evaluation, *notes]) if evaluation else "; ".join(notes)
    return resources_pb2.ModelCard(
        intended_use=str(card.get("intended_use", "")),
        training_data=str(card.get("training_data", "")),
        evaluation_data=evaluation,
        metrics=numbers,
        license=str(card.get("license", "")),
        limitations=str(card.get("limitations", "")),
        languages=[str(language) for language in languages] if isinstance(languages, list | tuple) else [],
    )


async def register_builtins(
    operations: Operations, owner: str, definitions: Sequence[BuiltinModel] = BUILTIN_MODELS
) -> list[Version]:
    """Ensure each built-in model has its version stored and deployed; the versions."""
    registry = operations.registry
    store = registry.store
    versions = []
    for definition in definitions:
        model = await store.get_model(definition.model_id)
        if model is None:
            model = await store.insert_model(
                model_id=definition.model_id,
                owner=owner,
                display_name=definition.display_name,
                card=card_of(definition),
                visibility=Visibility.PUBLIC,
                shared_with=(),
                builtin=True,
            ) or await store.get_model(definition.model_id)
        assert model is not None
        payload = await asyncio.to_thread(definition.load_bytes)
        sha256 = hashlib.sha256(payload).digest()
        existing = [v for v in await store.list_versions(model.id, 2**31 - 1, 100) if v.sha256 == sha256]
        if existing:
            version = existing[0]
        else:
            version, _ = await registry.add_version(
                model,
                uploader=SYSTEM,
                payload=payload,
                sha256=sha256,
                format=definition.format,
                precision=Precision.FP32,
                inputs=definition.inputs,
                outputs=definition.outputs,
                max_batch_size=definition.max_batch_size,
                builtin=definition.builtin,
            )
            log.info("built-in model registered", version=version_name(model.id, version.version))
        del payload
        if definition.evaluation_set is not None and model.evaluation_key is None:
            samples = await asyncio.to_thread(definition.evaluation_set)
            buffer = io.BytesIO()
            np.savez(buffer, **samples)
            await registry.store_evaluation_set(model, buffer.getvalue(), len(next(iter(samples.values()))))
        if version.deployment_state not in (DeploymentState.DEPLOYED, DeploymentState.DEPLOYING):
            operation = await operations.deploy_as_system(owner, version)
            await operations.wait(operation.id)
        refreshed = await store.get_version(version.model, version.version)
        assert refreshed is not None
        versions.append(refreshed)
    return versions
