"""The model registry's rules: who owns and sees what, uploads, evaluation sets.

Long-running work (compression, deployment) is in operations.py. Nothing here
imports grpc: the servicer turns requests into these calls and the domain
types they return into messages.
"""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import structlog
from license_expression import ExpressionError, get_spdx_licensing

from jipan.inference.v1 import resources_pb2
from jipan.interceptors.context import Principal
from jipan.servers.inference import compression, sealing
from jipan.servers.inference.names import DOMAIN, check_org, parse_model, parse_version, version_name
from jipan.servers.inference.registry import provenance
from jipan.servers.inference.registry.signature import read_signature
from jipan.servers.inference.registry.store import RegistryStore
from jipan.servers.inference.registry.types import (
    Compression,
    DeploymentState,
    Model,
    Precision,
    Version,
    Visibility,
)
from jipan.servers.inference.serving.backend import ModelFormat, TensorSpec
from jipan.servers.runtime.errors import (
    AlreadyExists,
    FailedPrecondition,
    InvalidArgument,
    NotFound,
    PermissionDenied,
)
from jipan.servers.runtime.idempotency import RequestIds, scope_for
from jipan.servers.runtime.ledger_anchor import DecisionAnchor
from jipan.servers.runtime.objectstore import ObjectStore
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

UPLOAD_SCOPE = "/jipan.inference.v1.ModelRegistryService/UploadModelVersion"
_LICENSING = get_spdx_licensing()
UPDATABLE = frozenset({"display_name", "card", "visibility", "shared_with"})


@dataclass(frozen=True, slots=True)
class UploadHeader:
    parent: str
    request_id: str
    expected_sha256: bytes
    max_batch_size: int


@dataclass(frozen=True, slots=True)
class NewModel:
    model_id: str
    display_name: str
    card: resources_pb2.ModelCard
    visibility: Visibility
    shared_with: tuple[str, ...]


def org_of(principal: Principal) -> str:
    """The caller's organisation ("orgs/{id}"); writes and operations need one."""
    if not principal.org:
        raise PermissionDenied(
            "ORGANIZATION_MISMATCH",
            "the token names no organisation (`org`); models belong to organisations",
            domain=DOMAIN,
        )
    return principal.org


def check_license(card: resources_pb2.ModelCard, *, required: bool) -> None:
    if not card.license:
        if required:
            raise InvalidArgument(
                "LICENCE_INVALID",
                "model.card.license is required: the model's licence as an SPDX expression",
                domain=DOMAIN,
                metadata={"field": "model.card.license"},
            )
        return
    try:
        parsed = _LICENSING.parse(card.license, validate=True, strict=True)
    except ExpressionError as exc:
        raise InvalidArgument(
            "LICENCE_INVALID",
            "model.card.license is not a valid SPDX expression",
            domain=DOMAIN,
            metadata={"field": "model.card.license", "problem": str(exc)[:200]},
        ) from exc
    if parsed is None:
        raise InvalidArgument(
            "LICENCE_INVALID",
            "model.card.license is empty",
            domain=DOMAIN,
            metadata={"field": "model.card.license"},
        )


def _check_shared(shared_with: Sequence[str]) -> tuple[str, ...]:
    for index, org in enumerate(shared_with):
        check_org(org, f"model.shared_with[{index}]")
    return tuple(dict.fromkeys(shared_with))


def model_not_found(name: str) -> NotFound:
    return NotFound(
        "MODEL_NOT_FOUND", f"no model {name} that the caller may see", domain=DOMAIN, metadata={"name": name}
    )


def version_not_found(name: str) -> NotFound:
    return NotFound("VERSION_NOT_FOUND", f"no version {name}", domain=DOMAIN, metadata={"name": name})


class Registry:
    def __init__(
        self,
        store: RegistryStore,
        objects: ObjectStore,
        keys: sealing.KeyWrapper,
        anchor: DecisionAnchor,
        page_tokens: PageTokens,
        request_ids: RequestIds,
        *,
        max_bytes: int,
    ) -> None:
        self.store = store
        self.objects = objects
        self.keys = keys
        self.anchor = anchor
        self.page_tokens = page_tokens
        self.request_ids = request_ids
        self.max_bytes = max_bytes

    # --- models -----------------------------------------------------------------------------------

    async def create_model(self, principal: Principal, new: NewModel) -> Model:
        owner = org_of(principal)
        check_license(new.card, required=True)
        model = await self.store.insert_model(
            model_id=new.model_id,
            owner=owner,
            display_name=new.display_name,
            card=new.card,
            visibility=new.visibility,
            shared_with=_check_shared(new.shared_with),
        )
        if model is None:
            raise AlreadyExists(
                "MODEL_EXISTS",
                f"a model models/{new.model_id} exists",
                domain=DOMAIN,
                metadata={"name": f"models/{new.model_id}"},
            )
        log.info("model created", model=model.id, owner=owner)
        return model

    async def visible_model(self, principal: Principal, model_id: str) -> Model:
        model = await self.store.get_model(model_id)
        if model is None or not model.visible_to(principal.org):
            raise model_not_found(f"models/{model_id}")
        return model

    async def owned_model(self, principal: Principal, model_id: str) -> Model:
        """A model the caller's organisation owns (NOT_FOUND when it may not see it at all)."""
        model = await self.visible_model(principal, model_id)
        if model.owner != principal.org:
            raise PermissionDenied(
                "ORGANIZATION_MISMATCH",
                f"models/{model_id} belongs to {model.owner}; only its owner changes it",
                domain=DOMAIN,
                metadata={"owner": model.owner, "org": principal.org or ""},
            )
        if model.builtin:
            raise FailedPrecondition(
                "BUILTIN_READ_ONLY",
                f"models/{model_id} is a built-in model; the platform manages it",
                domain=DOMAIN,
                metadata={"name": f"models/{model_id}"},
            )
        return model

    async def get_model(self, principal: Principal, name: str) -> Model:
        return await self.visible_model(principal, parse_model(name))

    async def list_models(
        self, principal: Principal, page_size: int, page_token: str
    ) -> tuple[list[Model], str]:
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListModels", org=principal.org or "")
        after = ""
        if page_token:
            after = str(self.page_tokens.decode(page_token, fingerprint)["after"])
        models = await self.store.list_models(principal.org, after, size + 1)
        next_token = ""
        if len(models) > size:
            models = models[:size]
            next_token = self.page_tokens.encode(fingerprint, {"after": models[-1].id})
        return models, next_token

    async def update_model(
        self, principal: Principal, name: str, changes: NewModel, mask: Sequence[str]
    ) -> Model:
        model_id = parse_model(name, "model.name")
        unknown = sorted(set(mask) - UPDATABLE)
        if unknown or not mask:
            raise InvalidArgument(
                "UPDATE_MASK_INVALID",
                f"update_mask may name {', '.join(sorted(UPDATABLE))}"
                + (f"; not {', '.join(unknown)}" if unknown else ""),
                domain=DOMAIN,
                metadata={"field": "update_mask", "invalid_paths": " ".join(unknown)},
            )
        model = await self.owned_model(principal, model_id)
        card = changes.card if "card" in mask else model.card
        check_license(card, required=True)
        updated = await self.store.update_model(
            model_id,
            display_name=changes.display_name if "display_name" in mask else model.display_name,
            card=card,
            visibility=changes.visibility if "visibility" in mask else model.visibility,
            shared_with=_check_shared(changes.shared_with) if "shared_with" in mask else model.shared_with,
        )
        if updated is None:
            raise model_not_found(name)
        return updated

    async def update_evaluation_set(self, principal: Principal, name: str, npz: bytes) -> Model:
        model_id = parse_model(name)
        model = await self.owned_model(principal, model_id)
        versions = await self.store.list_versions(model_id, 2**31 - 1, 1)
        if not versions:
            raise FailedPrecondition(
                "EVALUATION_SET_INVALID",
                "upload a version first: the evaluation set is checked against the model's inputs",
                domain=DOMAIN,
                metadata={"problem": "no version"},
            )
        samples = await asyncio.to_thread(compression.load_evaluation_set, npz, versions[0].inputs)
        return await self.store_evaluation_set(model, npz, len(next(iter(samples.values()))))

    async def store_evaluation_set(self, model: Model, npz: bytes, count: int) -> Model:
        """Seal and store a checked evaluation set, replacing the model's previous one."""
        key = f"inference/models/{model.id}/evaluation/{uuid.uuid4().hex}.sealed"
        await self._put_sealed(key, model.id, npz)
        stored = await self.store.set_evaluation_set(model.id, key, count)
        if stored is None:
            await self.objects.delete(key)
            raise model_not_found(f"models/{model.id}")
        updated, replaced = stored
        if replaced:
            # The key the row held, not the one `model` was read with: a replacement between
            # that read and now wrote another, which this one replaces.
            await self.objects.delete(replaced)
        return updated

    async def evaluation_samples(
        self, model: Model, inputs: Sequence[TensorSpec]
    ) -> tuple[dict[str, npt.NDArray[np.generic]], str]:
        """The model's stored set, or seeded synthetic inputs when it has none."""
        if model.evaluation_key:
            try:
                npz = await self.read_sealed(model.evaluation_key, model.id)
            except NotFound:
                # Replaced (and the old object deleted) since `model` was read: read the new one.
                current = await self.store.get_model(model.id)
                if (
                    current is None
                    or not current.evaluation_key
                    or current.evaluation_key == model.evaluation_key
                ):
                    raise
                npz = await self.read_sealed(current.evaluation_key, model.id)
            return await asyncio.to_thread(compression.load_evaluation_set, npz, inputs), "evaluation-set"
        return compression.synthetic_samples(inputs, 16, seed=0), "synthetic"

    # --- sealed objects ---------------------------------------------------------------------------

    def _context(self, key: str, model_id: str) -> dict[str, str]:
        return {"model": model_id, "object": key}

    async def _put_sealed(self, key: str, model_id: str, plaintext: bytes | Sequence[bytes]) -> None:
        parts = [plaintext] if isinstance(plaintext, bytes) else list(plaintext)

        async def chunks() -> AsyncIterator[bytes]:
            for part in parts:
                yield part

        await self.objects.put_stream(
            key,
            sealing.encrypt_stream(chunks(), self.keys, self._context(key, model_id)),
            content_type="application/vnd.jipan.sealed",
        )

    async def read_sealed(self, key: str, model_id: str) -> bytes:
        return await sealing.decrypt_all(self.objects.open(key), self.keys, self._context(key, model_id))

    # --- versions ---------------------------------------------------------------------------------

    async def upload_version(
        self, principal: Principal, header: UploadHeader, chunks: AsyncIterator[bytes]
    ) -> tuple[Version, bool]:
        """The new version, and False when it is a replay of an earlier upload's request_id."""
        model_id = parse_model(header.parent, "header.parent")
        model = await self.owned_model(principal, model_id)
        parts: list[bytes] = []
        digest = hashlib.sha256()
        size = 0
        async for chunk in chunks:
            size += len(chunk)
            if size > self.max_bytes:
                raise InvalidArgument(
                    "MODEL_TOO_LARGE",
                    f"the upload exceeds {self.max_bytes} bytes",
                    domain=DOMAIN,
                    metadata={"limit_bytes": str(self.max_bytes)},
                )
            digest.update(chunk)
            parts.append(chunk)
        if size == 0:
            raise InvalidArgument(
                "UPLOAD_INVALID", "the upload carried no bytes after its header", domain=DOMAIN
            )
        sha256 = digest.digest()
        if header.expected_sha256 and header.expected_sha256 != sha256:
            raise InvalidArgument(
                "DIGEST_MISMATCH",
                "the received bytes do not have the SHA-256 the header announced",
                domain=DOMAIN,
                metadata={"expected": header.expected_sha256.hex(), "received": sha256.hex()},
            )
        model_bytes = b"".join(parts)
        parts.clear()
        signature = await asyncio.to_thread(read_signature, model_bytes, header.max_batch_size)
        return await self.add_version(
            model,
            uploader=principal.subject,
            payload=model_bytes,
            sha256=sha256,
            format=ModelFormat.ONNX,
            precision=Precision.FP32,
            inputs=signature.inputs,
            outputs=signature.outputs,
            max_batch_size=signature.max_batch_size,
            request_id=header.request_id,
            request_fingerprint=header.parent.encode()
            + b"|"
            + sha256
            + b"|"
            + str(header.max_batch_size).encode(),
        )

    async def add_version(
        self,
        model: Model,
        *,
        uploader: str,
        payload: bytes,
        sha256: bytes,
        format: ModelFormat,
        precision: Precision,
        inputs: tuple[TensorSpec, ...],
        outputs: tuple[TensorSpec, ...],
        max_batch_size: int,
        builtin: str = "",
        source_version: int | None = None,
        compression_report: Compression | None = None,
        request_id: str = "",
        request_fingerprint: bytes = b"",
    ) -> tuple[Version, bool]:
        """Seal and store `payload`, anchor its record, insert the version and its request_id together."""
        key = f"inference/models/{model.id}/versions/{uuid.uuid4().hex}.sealed"
        await self._put_sealed(key, model.id, payload)
        try:
            async with self.store.pool.acquire() as conn, conn.transaction():
                if request_id:
                    replay = await self.request_ids.claim(
                        conn, scope_for(UPLOAD_SCOPE, uploader), request_id, request_fingerprint
                    )
                    if replay is not None:
                        replayed_model, _, replayed_number = replay.decode().partition("/")
                        existing = await self.store.get_version(replayed_model, int(replayed_number), conn)
                        if existing is None:
                            raise version_not_found(replay.decode())
                        await self.objects.delete(key)
                        return existing, False
                number = await self.store.allocate_version(conn, model.id)
                name = version_name(model.id, number)
                receipt = await self.anchor.anchor(
                    provenance.record_digest(name, sha256, uploader, model.card),
                    provenance.record_metadata(name, sha256, uploader, model.card),
                )
                version = Version(
                    model=model.id,
                    version=number,
                    uploader=uploader,
                    format=format,
                    precision=precision,
                    size_bytes=len(payload),
                    sha256=sha256,
                    inputs=inputs,
                    outputs=outputs,
                    max_batch_size=max_batch_size,
                    builtin=builtin,
                    source_version=source_version,
                    compression=compression_report,
                    object_key=key,
                    card=model.card,
                    ledger_receipt=receipt,
                    deployment_state=DeploymentState.UNDEPLOYED,
                    deployment_backend="",
                    serving_name="",
                    deploy_time=None,
                    create_time=model.update_time,
                )
                await self.store.insert_version(conn, version)
                if request_id:
                    await self.request_ids.record(
                        conn, scope_for(UPLOAD_SCOPE, uploader), request_id, f"{model.id}/{number}".encode()
                    )
        except BaseException:
            await self.objects.delete(key)
            raise
        stored = await self.store.get_version(model.id, number)
        assert stored is not None
        log.info("model version stored", version=name, size_bytes=len(payload), receipt=receipt)
        return stored, True

    async def delete_version(self, principal: Principal, name: str) -> None:
        """Delete a version that serves nothing: the row, then its sealed bytes (the receipt stays)."""
        model_id, number = parse_version(name)
        await self.owned_model(principal, model_id)
        version = await self.store.get_version(model_id, number)
        if version is None:
            raise version_not_found(name)
        key = await self.store.delete_version(model_id, number)
        if key is None:
            current = await self.store.get_version(model_id, number)
            if current is None:
                raise version_not_found(name)
            raise FailedPrecondition(
                "VERSION_DEPLOYED",
                f"{name} is {current.deployment_state.value}; undeploy it first",
                domain=DOMAIN,
                metadata={"name": name, "state": current.deployment_state.value},
            )
        await self.objects.delete(key)
        log.info("model version deleted", version=name, receipt=version.ledger_receipt)

    async def get_version(self, principal: Principal, name: str) -> Version:
        model_id, number = parse_version(name)
        await self.visible_model(principal, model_id)
        version = await self.store.get_version(model_id, number)
        if version is None:
            raise version_not_found(name)
        return version

    async def list_versions(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Version], str]:
        model_id = parse_model(parent, "parent")
        await self.visible_model(principal, model_id)
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListModelVersions", parent=parent)
        before = 2**31 - 1
        if page_token:
            before = int(self.page_tokens.decode(page_token, fingerprint)["before"])
        versions = await self.store.list_versions(model_id, before, size + 1)
        next_token = ""
        if len(versions) > size:
            versions = versions[:size]
            next_token = self.page_tokens.encode(fingerprint, {"before": versions[-1].version})
        return versions, next_token
