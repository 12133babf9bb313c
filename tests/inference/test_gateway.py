"""The registry and the Open Inference Protocol gateway end to end, on a real embedded Triton.

One server (system, ledger, inference) for the module: upload → deploy → infer
with tritonclient (aio and sync) through the chain → compress → undeploy, and
what the gateway refuses (shape, dtype, unknown model, another tenant, no
token, quota).
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import grpc
import numpy as np
import numpy.typing as npt
import onnxruntime
import pytest
import pytest_asyncio
import tritonclient.grpc as triton_sync
import tritonclient.grpc.aio as triton_aio
from google.protobuf import field_mask_pb2
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from tritonclient.grpc import service_pb2 as oip
from tritonclient.grpc import service_pb2_grpc as oip_grpc
from tritonclient.utils import InferenceServerException

from jipan.inference.v1 import model_registry_service_pb2 as rpb
from jipan.inference.v1 import resources_pb2 as res
from jipan.servers.runtime.objectstore import ObjectStore
from tests.inference.helpers import (
    auth,
    create_model,
    deploy,
    expect_error,
    inference_server,
    registry,
    upload,
    wait_operation,
)
from tests.inference.models import mlp_model
from tests.mesh import RunningServer

pytestmark = pytest.mark.timeout(180)

MODEL = mlp_model(inputs=16, hidden=64, outputs=8, layers=2, seed=3)


@pytest_asyncio.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with inference_server(
        database_url,
        tmp_path_factory.mktemp("inference"),
        JIPAN_INFERENCE_QUOTA_ORGS="orgs/limited=0.5/3",
    ) as running:
        yield running


@pytest_asyncio.fixture(scope="module")
async def channel(server: RunningServer) -> AsyncIterator[grpc.aio.Channel]:
    async with grpc.aio.insecure_channel(server.address) as chan:
        yield chan


@pytest_asyncio.fixture(scope="module")
async def deployed(server: RunningServer, channel: grpc.aio.Channel) -> res.ModelVersion:
    """A model of orgs/moda with version 1 deployed."""
    stub, metadata = registry(channel), auth(server)
    model = await create_model(stub, metadata, "mlp")
    version = await upload(stub, metadata, model.name, MODEL, expected_sha256=hashlib.sha256(MODEL).digest())
    operation = await deploy(stub, metadata, version.name)
    assert operation.WhichOneof("result") == "response", operation
    return operation.response


def reference(batch: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    session = onnxruntime.InferenceSession(MODEL, providers=["CPUExecutionProvider"])
    output: npt.NDArray[np.float32] = session.run(None, {"input": batch})[0]
    return output


async def test_upload_stores_version_with_digest_receipt_and_signature(
    server: RunningServer, channel: grpc.aio.Channel, deployed: res.ModelVersion
) -> None:
    assert deployed.name == "models/mlp/versions/1"
    assert deployed.sha256 == hashlib.sha256(MODEL).digest()
    assert deployed.size_bytes == len(MODEL)
    assert deployed.ledger_receipt.startswith("receipts/")
    assert deployed.deployment_state == res.DEPLOYMENT_STATE_DEPLOYED
    assert deployed.deployment_backend == "embedded"
    assert [(t.name, t.datatype, list(t.shape)) for t in deployed.inputs] == [("input", "FP32", [-1, 16])]
    assert [(t.name, t.datatype, list(t.shape)) for t in deployed.outputs] == [("output", "FP32", [-1, 8])]
    assert deployed.max_batch_size == 16
    model = (
        await registry(channel).GetModel(rpb.GetModelRequest(name="models/mlp"), metadata=auth(server))
    ).model
    assert model.serving_version == deployed.name
    assert model.owner == "orgs/moda"


async def test_object_store_holds_only_ciphertext(server: RunningServer, deployed: res.ModelVersion) -> None:
    files = [p for p in (server.settings.data_dir / "objects").rglob("*") if p.is_file()]
    assert files, "no object stored"
    windows = {MODEL[i : i + 64] for i in range(0, len(MODEL) - 64, 997)}
    for path in files:
        data = path.read_bytes()
        assert b"\x08\x09\x12" not in data[:16] or b"onnx" not in data  # no ONNX ModelProto header
        assert not any(window in data for window in windows), path


async def test_tritonclient_aio_with_a_token_runs_inference(
    server: RunningServer, deployed: res.ModelVersion
) -> None:
    headers = dict(auth(server))
    client = triton_aio.InferenceServerClient(server.address)
    try:
        assert await client.is_server_live(headers=headers)
        assert await client.is_model_ready("mlp", headers=headers)
        metadata = await client.get_model_metadata("mlp", headers=headers, as_json=True)
        assert metadata["name"] == "mlp"
        assert metadata["versions"] == ["1"]
        assert metadata["inputs"][0]["name"] == "input"
        batch = np.random.default_rng(0).standard_normal((4, 16)).astype(np.float32)
        # raw tensors (binary)
        tensor = triton_aio.InferInput("input", list(batch.shape), "FP32")
        tensor.set_data_from_numpy(batch)
        result = await client.infer("mlp", [tensor], headers=headers)
        np.testing.assert_allclose(result.as_numpy("output"), reference(batch), rtol=1e-4, atol=1e-5)
        assert result.get_response().model_name == "mlp"
        assert result.get_response().model_version == "1"
    finally:
        await client.close()


async def test_typed_tensor_contents_run_too(
    server: RunningServer, channel: grpc.aio.Channel, deployed: res.ModelVersion
) -> None:
    batch = np.random.default_rng(1).standard_normal((2, 16)).astype(np.float32)
    request = oip.ModelInferRequest(model_name="mlp")
    tensor = request.inputs.add(name="input", datatype="FP32", shape=[2, 16])
    tensor.contents.fp32_contents.extend(batch.ravel().tolist())
    answer = await oip_grpc.GRPCInferenceServiceStub(channel).ModelInfer(request, metadata=auth(server))
    output = np.frombuffer(answer.raw_output_contents[0], dtype=np.float32).reshape(2, 8)
    np.testing.assert_allclose(output, reference(batch), rtol=1e-4, atol=1e-5)


async def test_sync_tritonclient_works_unchanged(server: RunningServer, deployed: res.ModelVersion) -> None:
    # The server runs on this event loop: the blocking client runs in a thread.
    await asyncio.to_thread(_sync_client_session, server)


def _sync_client_session(server: RunningServer) -> None:
    headers = dict(auth(server))
    client = triton_sync.InferenceServerClient(server.address)
    try:
        assert client.is_model_ready("mlp", headers=headers)
        batch = np.ones((1, 16), dtype=np.float32)
        tensor = triton_sync.InferInput("input", [1, 16], "FP32")
        tensor.set_data_from_numpy(batch)
        result = client.infer("mlp", [tensor], headers=headers)
        np.testing.assert_allclose(result.as_numpy("output"), reference(batch), rtol=1e-4, atol=1e-5)
        with pytest.raises(InferenceServerException) as caught:
            client.infer("mlp", [tensor])  # no token
        assert "UNAUTHENTICATED" in str(caught.value.status())
    finally:
        client.close()


def _request(
    shape: list[int], datatype: str = "FP32", name: str = "input", model: str = "mlp"
) -> oip.ModelInferRequest:
    request = oip.ModelInferRequest(model_name=model)
    request.inputs.add(name=name, datatype=datatype, shape=shape)
    count = int(np.prod(shape)) if shape else 0
    request.raw_input_contents.append(np.zeros(count, dtype=np.float32).tobytes())
    return request


@pytest.mark.parametrize(
    ("request_args", "field"),
    [
        (([1, 15],), "inputs[0].shape"),
        (([1, 16, 1],), "inputs[0].shape"),
        (([17, 16],), "inputs[0].shape"),
        (([1, 16], "INT64"), "inputs[0].datatype"),
        (([1, 16], "FP32", "nope"), "inputs[0].name"),
    ],
)
async def test_wrong_shape_or_dtype_is_invalid_argument_with_field(
    server: RunningServer,
    channel: grpc.aio.Channel,
    deployed: res.ModelVersion,
    request_args: tuple[Any, ...],
    field: str,
) -> None:
    stub = oip_grpc.GRPCInferenceServiceStub(channel)
    details = await expect_error(
        stub.ModelInfer(_request(*request_args), metadata=auth(server)),
        grpc.StatusCode.INVALID_ARGUMENT,
        "TENSOR_INVALID",
    )
    assert field in details.field_violations, details


async def test_raw_bytes_of_the_wrong_size_are_refused(
    server: RunningServer, channel: grpc.aio.Channel, deployed: res.ModelVersion
) -> None:
    request = _request([1, 16])
    request.raw_input_contents[0] = b"\x00" * 10
    details = await expect_error(
        oip_grpc.GRPCInferenceServiceStub(channel).ModelInfer(request, metadata=auth(server)),
        grpc.StatusCode.INVALID_ARGUMENT,
        "TENSOR_INVALID",
    )
    assert "raw_input_contents[0]" in details.field_violations


async def test_unknown_model_and_other_tenants_model_are_not_found(
    server: RunningServer, channel: grpc.aio.Channel, deployed: res.ModelVersion
) -> None:
    stub = oip_grpc.GRPCInferenceServiceStub(channel)
    await expect_error(
        stub.ModelInfer(_request([1, 16], model="nope"), metadata=auth(server)),
        grpc.StatusCode.NOT_FOUND,
        "MODEL_NOT_FOUND",
    )
    other = auth(server, org="orgs/other")
    await expect_error(
        stub.ModelInfer(_request([1, 16]), metadata=other), grpc.StatusCode.NOT_FOUND, "MODEL_NOT_FOUND"
    )
    await expect_error(
        stub.ModelMetadata(oip.ModelMetadataRequest(name="mlp"), metadata=other),
        grpc.StatusCode.NOT_FOUND,
        "MODEL_NOT_FOUND",
    )
    await expect_error(
        registry(channel).GetModel(rpb.GetModelRequest(name="models/mlp"), metadata=other),
        grpc.StatusCode.NOT_FOUND,
        "MODEL_NOT_FOUND",
    )


async def test_no_token_and_missing_scope(
    server: RunningServer, channel: grpc.aio.Channel, deployed: res.ModelVersion
) -> None:
    stub = oip_grpc.GRPCInferenceServiceStub(channel)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.ModelInfer(_request([1, 16]))
    assert caught.value.code() == grpc.StatusCode.UNAUTHENTICATED
    await expect_error(
        stub.ModelInfer(_request([1, 16]), metadata=auth(server, scopes=["inference.models.read"])),
        grpc.StatusCode.PERMISSION_DENIED,
        "SCOPE_MISSING",
    )


async def test_sharing_a_model_lets_another_org_run_it(
    server: RunningServer, channel: grpc.aio.Channel, deployed: res.ModelVersion
) -> None:
    stub = registry(channel)
    model = res.Model(name="models/mlp", shared_with=["orgs/partner"])
    await stub.UpdateModel(
        rpb.UpdateModelRequest(model=model, update_mask=field_mask_pb2.FieldMask(paths=["shared_with"])),
        metadata=auth(server),
    )
    await asyncio.sleep(1.1)  # the gateway's routing cache
    answer = await oip_grpc.GRPCInferenceServiceStub(channel).ModelInfer(
        _request([1, 16]), metadata=auth(server, org="orgs/partner")
    )
    assert answer.model_name == "mlp"
    await expect_error(
        stub.UploadModelVersion(
            iter([rpb.UploadModelVersionRequest(header=rpb.UploadHeader(parent="models/mlp"))]),
            metadata=auth(server, org="orgs/partner"),
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )


async def test_quota_is_resource_exhausted_with_retry_info(
    server: RunningServer, channel: grpc.aio.Channel, deployed: res.ModelVersion
) -> None:
    stub = registry(channel)
    model = await create_model(stub, auth(server, org="orgs/limited"), visibility=res.VISIBILITY_PUBLIC)
    version = await upload(stub, auth(server, org="orgs/limited"), model.name, MODEL)
    assert (await deploy(stub, auth(server, org="orgs/limited"), version.name)).WhichOneof(
        "result"
    ) == "response"
    gateway = oip_grpc.GRPCInferenceServiceStub(channel)
    request = _request([1, 16], model=model.name.removeprefix("models/"))
    for _ in range(3):  # the burst
        await gateway.ModelInfer(request, metadata=auth(server, org="orgs/limited"))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await gateway.ModelInfer(request, metadata=auth(server, org="orgs/limited"))
    assert caught.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    status = rpc_status.from_call(caught.value)
    retry = [d for d in status.details if d.Is(error_details_pb2.RetryInfo.DESCRIPTOR)]
    assert retry, status
    info = error_details_pb2.RetryInfo()
    retry[0].Unpack(info)
    assert 0 < info.retry_delay.ToTimedelta().total_seconds() <= 2.0
    # Another organisation is not held back by it.
    await gateway.ModelInfer(request, metadata=auth(server, org="orgs/moda"))


async def test_compress_deploy_infer_then_undeploy(
    server: RunningServer, channel: grpc.aio.Channel, deployed: res.ModelVersion
) -> None:
    stub, metadata = registry(channel), auth(server)
    big = mlp_model(inputs=64, hidden=256, outputs=16, layers=2, seed=5)
    model = await create_model(stub, metadata)
    fp32 = await upload(stub, metadata, model.name, big)
    started = await stub.CompressModelVersion(
        rpb.CompressModelVersionRequest(name=fp32.name), metadata=metadata
    )
    assert started.operation.metadata.kind == res.OPERATION_KIND_COMPRESS
    done = await wait_operation(stub, metadata, started.operation)
    assert done.WhichOneof("result") == "response", done
    int8 = done.response
    assert int8.precision == res.PRECISION_INT8
    assert int8.source_version == fp32.name
    assert int8.compression.size_ratio >= 3.0
    assert int8.compression.mean_cosine >= 0.98
    assert int8.compression.evaluation_source == "synthetic"
    assert int8.size_bytes < fp32.size_bytes
    assert int8.ledger_receipt
    assert int8.ledger_receipt != fp32.ledger_receipt
    assert (await deploy(stub, metadata, int8.name)).WhichOneof("result") == "response"
    model_name = model.name.removeprefix("models/")
    batch = np.random.default_rng(2).standard_normal((3, 64)).astype(np.float32)
    request = oip.ModelInferRequest(model_name=model_name, model_version="2")
    request.inputs.add(name="input", datatype="FP32", shape=[3, 64])
    request.raw_input_contents.append(batch.tobytes())
    gateway = oip_grpc.GRPCInferenceServiceStub(channel)
    answer = await gateway.ModelInfer(request, metadata=metadata)
    assert answer.model_version == "2"
    got = np.frombuffer(answer.raw_output_contents[0], dtype=np.float32).reshape(3, 16)
    want = onnxruntime.InferenceSession(big, providers=["CPUExecutionProvider"]).run(None, {"input": batch})[
        0
    ]
    cosine = float((got * want).sum() / np.linalg.norm(got) / np.linalg.norm(want))
    assert cosine > 0.98
    # Compressing an int8 version is refused up front.
    await expect_error(
        stub.CompressModelVersion(rpb.CompressModelVersionRequest(name=int8.name), metadata=metadata),
        grpc.StatusCode.FAILED_PRECONDITION,
        "COMPRESSION_UNSUPPORTED",
    )
    # An impossible threshold fails the operation and publishes nothing.
    strict = await stub.CompressModelVersion(
        rpb.CompressModelVersionRequest(name=fp32.name, min_cosine=1.0), metadata=metadata
    )
    failed = await wait_operation(stub, metadata, strict.operation)
    assert failed.WhichOneof("result") == "error"
    assert failed.error.reason == "FIDELITY_BELOW_THRESHOLD"
    assert failed.error.code == grpc.StatusCode.FAILED_PRECONDITION.value[0]
    versions = await stub.ListModelVersions(
        rpb.ListModelVersionsRequest(parent=model.name), metadata=metadata
    )
    assert [v.name for v in versions.versions] == [int8.name, fp32.name]
    # Undeploy: not ready, and inference says so.
    undeploy = await stub.UndeployModelVersion(
        rpb.UndeployModelVersionRequest(name=int8.name), metadata=metadata
    )
    undone = await wait_operation(stub, metadata, undeploy.operation)
    assert undone.response.deployment_state == res.DEPLOYMENT_STATE_UNDEPLOYED
    ready = await gateway.ModelReady(oip.ModelReadyRequest(name=model_name), metadata=metadata)
    assert not ready.ready
    await expect_error(
        gateway.ModelInfer(request, metadata=metadata), grpc.StatusCode.FAILED_PRECONDITION, "NOT_DEPLOYED"
    )
    await expect_error(
        stub.UndeployModelVersion(rpb.UndeployModelVersionRequest(name=int8.name), metadata=metadata),
        grpc.StatusCode.FAILED_PRECONDITION,
        "NOT_DEPLOYED",
    )
    # Deleting: a deployed version is refused, an undeployed one goes with its sealed bytes.
    await expect_error(
        stub.DeleteModelVersion(
            rpb.DeleteModelVersionRequest(name="models/mlp/versions/1"), metadata=metadata
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "VERSION_DEPLOYED",
    )
    model_id_part = model.name.removeprefix("models/")
    objects = server.settings.data_dir / "objects"

    def stored() -> int:
        return sum(1 for p in objects.rglob("*") if p.is_file() and model_id_part in str(p))

    before = stored()
    await stub.DeleteModelVersion(rpb.DeleteModelVersionRequest(name=int8.name), metadata=metadata)
    assert stored() == before - 1
    await expect_error(
        stub.GetModelVersion(rpb.GetModelVersionRequest(name=int8.name), metadata=metadata),
        grpc.StatusCode.NOT_FOUND,
        "VERSION_NOT_FOUND",
    )
    await expect_error(
        stub.DeleteModelVersion(
            rpb.DeleteModelVersionRequest(name=fp32.name), metadata=auth(server, org="orgs/other")
        ),
        grpc.StatusCode.NOT_FOUND,
        "MODEL_NOT_FOUND",
    )


async def test_altered_stored_bytes_refuse_to_deploy_as_model_tampered(
    server: RunningServer, channel: grpc.aio.Channel, deployed: res.ModelVersion
) -> None:
    stub, metadata = registry(channel), auth(server)
    model = await create_model(stub, metadata)
    version = await upload(stub, metadata, model.name, MODEL)
    model_id = model.name.removeprefix("models/")
    objects = server.settings.data_dir / "objects"
    stored = [p for p in objects.rglob("*") if p.is_file() and model_id in str(p) and "versions" in str(p)]
    assert len(stored) == 1, stored
    data = bytearray(stored[0].read_bytes())
    data[len(data) // 2] ^= 0x01
    stored[0].write_bytes(bytes(data))
    operation = await deploy(stub, metadata, version.name)
    assert operation.WhichOneof("result") == "error", operation
    assert operation.error.reason in ("MODEL_TAMPERED", "OBJECT_CORRUPT"), operation.error
    assert operation.error.code == grpc.StatusCode.DATA_LOSS.value[0]
    state = (
        await stub.GetModelVersion(rpb.GetModelVersionRequest(name=version.name), metadata=metadata)
    ).version
    assert state.deployment_state == res.DEPLOYMENT_STATE_FAILED


async def test_bytes_resealed_validly_but_different_are_tampered_too(
    server: RunningServer, channel: grpc.aio.Channel, deployed: res.ModelVersion
) -> None:
    """An attacker with the KEK re-seals other weights under the same key: the ledger digest catches it."""
    from jipan.servers.inference import sealing

    stub, metadata = registry(channel), auth(server)
    model = await create_model(stub, metadata)
    version = await upload(stub, metadata, model.name, MODEL)
    model_id = model.name.removeprefix("models/")
    store = server.runtime.objects
    keys = [k async for k in _keys(store, f"inference/models/{model_id}/versions/")]
    assert len(keys) == 1
    other = mlp_model(inputs=16, hidden=64, outputs=8, layers=2, seed=99)
    wrapper = sealing.open_key_wrapper(server.settings)

    async def chunks() -> AsyncIterator[bytes]:
        yield other

    await store.put_stream(
        keys[0], sealing.encrypt_stream(chunks(), wrapper, {"model": model_id, "object": keys[0]})
    )
    operation = await deploy(stub, metadata, version.name)
    assert operation.WhichOneof("result") == "error", operation
    assert operation.error.reason == "MODEL_TAMPERED"
    assert operation.error.metadata["check"] == "sha256"


async def _keys(store: ObjectStore, prefix: str) -> AsyncIterator[str]:
    infos, _ = await store.list(prefix)
    for info in infos:
        yield info.key


async def test_upload_errors(
    server: RunningServer, channel: grpc.aio.Channel, deployed: res.ModelVersion
) -> None:
    stub, metadata = registry(channel), auth(server)
    model = await create_model(stub, metadata)
    await expect_error(
        upload(stub, metadata, model.name, b"not an onnx model"),
        grpc.StatusCode.INVALID_ARGUMENT,
        "MODEL_MALFORMED",
    )
    await expect_error(
        upload(stub, metadata, model.name, MODEL, expected_sha256=b"\x00" * 32),
        grpc.StatusCode.INVALID_ARGUMENT,
        "DIGEST_MISMATCH",
    )
    await expect_error(
        stub.UploadModelVersion(iter([rpb.UploadModelVersionRequest(chunk=b"abc")]), metadata=metadata),
        grpc.StatusCode.INVALID_ARGUMENT,
        "UPLOAD_INVALID",
    )
    await expect_error(
        stub.UploadModelVersion(
            iter([rpb.UploadModelVersionRequest(header=rpb.UploadHeader(parent=model.name))]),
            metadata=metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "UPLOAD_INVALID",
    )
    await expect_error(
        upload(stub, metadata, "models/nope", MODEL), grpc.StatusCode.NOT_FOUND, "MODEL_NOT_FOUND"
    )
    # Nothing of the refused uploads was kept.
    versions = await stub.ListModelVersions(
        rpb.ListModelVersionsRequest(parent=model.name), metadata=metadata
    )
    assert not versions.versions


async def test_upload_request_id_replays(
    server: RunningServer, channel: grpc.aio.Channel, deployed: res.ModelVersion
) -> None:
    import uuid

    stub, metadata = registry(channel), auth(server)
    model = await create_model(stub, metadata)
    request_id = str(uuid.uuid4())
    first = await upload(stub, metadata, model.name, MODEL, request_id=request_id)
    again = await upload(stub, metadata, model.name, MODEL, request_id=request_id)
    assert again.name == first.name
    versions = await stub.ListModelVersions(
        rpb.ListModelVersionsRequest(parent=model.name), metadata=metadata
    )
    assert len(versions.versions) == 1


async def test_create_model_errors(server: RunningServer, channel: grpc.aio.Channel) -> None:
    stub, metadata = registry(channel), auth(server)
    await expect_error(
        stub.CreateModel(
            rpb.CreateModelRequest(
                model=res.Model(card=res.ModelCard(license="not a licence((")), model_id="bad-licence"
            ),
            metadata=metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "LICENCE_INVALID",
    )
    model = await create_model(stub, metadata)
    await expect_error(
        stub.CreateModel(
            rpb.CreateModelRequest(
                model=res.Model(card=res.ModelCard(license="MIT")),
                model_id=model.name.removeprefix("models/"),
            ),
            metadata=metadata,
        ),
        grpc.StatusCode.ALREADY_EXISTS,
        "MODEL_EXISTS",
    )
    await expect_error(
        stub.CreateModel(
            rpb.CreateModelRequest(model=res.Model(card=res.ModelCard(license="MIT")), model_id="no-org"),
            metadata=auth(server, org=None),
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )


async def test_stream_infer_answers_each_request_and_reports_errors_in_stream(
    server: RunningServer, deployed: res.ModelVersion
) -> None:
    headers = dict(auth(server))
    client = triton_aio.InferenceServerClient(server.address)
    batch = np.full((1, 16), 0.5, dtype=np.float32)

    def inputs(shape: list[int]) -> list[triton_aio.InferInput]:
        tensor = triton_aio.InferInput("input", shape, "FP32")
        tensor.set_data_from_numpy(np.full(shape, 0.5, dtype=np.float32))
        return [tensor]

    async def requests(models: list[str], shapes: list[list[int]]) -> AsyncIterator[dict[str, object]]:
        for model, shape in zip(models, shapes, strict=True):
            yield {"model_name": model, "inputs": inputs(shape)}

    try:
        stream = client.stream_infer(
            requests(["mlp", "mlp", "mlp"], [[1, 16], [1, 15], [1, 16]]), headers=headers
        )
        answers = [answer async for answer in stream]
        assert len(answers) == 3
        (first, first_error), (_, second_error), (third, third_error) = answers
        assert first_error is None
        assert third_error is None
        np.testing.assert_allclose(first.as_numpy("output"), reference(batch), rtol=1e-4, atol=1e-5)
        assert "TENSOR_INVALID" in str(second_error)
        assert third.get_response().model_name == "mlp"
        # A model the caller may not run ends the stream, as a unary call would refuse it
        # (tritonclient hands the status over as the item's error, or raises it).
        stream = client.stream_infer(requests(["nope"], [[1, 16]]), headers=headers)
        ended: list[tuple[object, object]] = []
        raised: grpc.StatusCode | None = None
        try:
            ended = [answer async for answer in stream]
        except grpc.aio.AioRpcError as exc:
            raised = exc.code()
        if raised is None:
            assert len(ended) == 1
            assert ended[0][0] is None
            assert "NOT_FOUND" in str(ended[0][1])
        else:
            assert raised == grpc.StatusCode.NOT_FOUND
    finally:
        await client.close()


async def test_list_models_pages_through_what_the_caller_may_see(
    server: RunningServer, channel: grpc.aio.Channel, deployed: res.ModelVersion
) -> None:
    stub = registry(channel)
    mine = auth(server, org="orgs/pager")
    created = {(await create_model(stub, mine)).name for _ in range(3)}
    public = (
        await create_model(stub, auth(server, org="orgs/publisher"), visibility=res.VISIBILITY_PUBLIC)
    ).name
    hidden = (await create_model(stub, auth(server, org="orgs/publisher"))).name
    seen: list[str] = []
    token = ""
    while True:
        page = await stub.ListModels(rpb.ListModelsRequest(page_size=1, page_token=token), metadata=mine)
        assert len(page.models) <= 1
        seen += [m.name for m in page.models]
        token = page.next_page_token
        if not token:
            break
    assert created <= set(seen)
    assert public in seen
    assert hidden not in seen
    assert "models/mlp" not in seen  # orgs/moda's private model
    assert seen == sorted(seen)
    await expect_error(
        stub.ListModels(rpb.ListModelsRequest(page_token="forged"), metadata=mine),
        grpc.StatusCode.INVALID_ARGUMENT,
        "PAGE_TOKEN_INVALID",
    )


async def test_evaluation_set_is_stored_sealed_and_used_by_compression(
    server: RunningServer, channel: grpc.aio.Channel, deployed: res.ModelVersion
) -> None:
    import io

    stub, metadata = registry(channel), auth(server)
    big = mlp_model(inputs=64, hidden=256, outputs=16, layers=2, seed=8)
    model = await create_model(stub, metadata)
    fp32 = await upload(stub, metadata, model.name, big)
    buffer = io.BytesIO()
    samples = np.random.default_rng(4).standard_normal((12, 64)).astype(np.float32)
    np.savez(buffer, input=samples)
    updated = await stub.UpdateEvaluationSet(
        rpb.UpdateEvaluationSetRequest(name=model.name, npz=buffer.getvalue()), metadata=metadata
    )
    assert updated.model.has_evaluation_set
    assert updated.model.evaluation_samples == 12
    stored = [
        p
        for p in (server.settings.data_dir / "objects").rglob("*")
        if p.is_file() and "evaluation" in str(p) and model.name.removeprefix("models/") in str(p)
    ]
    assert len(stored) == 1
    assert samples.tobytes()[:64] not in stored[0].read_bytes()
    started = await stub.CompressModelVersion(
        rpb.CompressModelVersionRequest(name=fp32.name), metadata=metadata
    )
    done = await wait_operation(stub, metadata, started.operation)
    assert done.response.compression.evaluation_source == "evaluation-set"
    assert done.response.compression.samples == 12
    wrong = io.BytesIO()
    np.savez(wrong, other=samples)
    await expect_error(
        stub.UpdateEvaluationSet(
            rpb.UpdateEvaluationSetRequest(name=model.name, npz=wrong.getvalue()), metadata=metadata
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "EVALUATION_SET_INVALID",
    )
    operations = await stub.ListOperations(rpb.ListOperationsRequest(model=model.name), metadata=metadata)
    assert [o.name for o in operations.operations] == [done.name]


async def test_deployed_plaintext_is_written_nowhere_on_disk(
    server: RunningServer, deployed: res.ModelVersion
) -> None:
    """The embedded path decrypts in memory: neither the data dir nor Triton's workspace holds the weights."""
    import os
    import tempfile

    windows = {MODEL[i : i + 64] for i in range(len(MODEL) // 4, len(MODEL) - 64, 1013)}
    assert windows
    roots = [server.settings.data_dir, *Path(tempfile.gettempdir()).glob(f"jt-{os.getpid()}-*")]
    assert len(roots) >= 2, "the embedded Triton's workspace is where the backend says it is"
    scanned = 0
    for root in roots:
        for path in root.rglob("*"):
            if not path.is_file() or path.is_symlink() or path.stat().st_size > 64 << 20:
                continue
            try:
                data = path.read_bytes()
            except OSError:
                continue  # sockets, vanished files
            scanned += 1
            assert not any(window in data for window in windows), path
    assert scanned > 10
