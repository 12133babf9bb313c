"""A client-streaming method through the gateway, half-duplex: dataspace's UploadDistribution.

The request body is the whole stream of Connect envelopes (a header, then
chunks); the gateway reads it, sends it as the gRPC request stream, and
answers with the single response and the end-of-stream message.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os

import grpc

from jipan.dataspace.v1 import catalog_service_pb2 as cpb
from jipan.dataspace.v1 import catalog_service_pb2_grpc as cpb_grpc
from tests.dataspace.test_dataspace import PROVIDER, SCOPES, publish
from tests.gateway.conftest import Gateway
from tests.gateway.connect import envelope, read_all

UPLOAD = "/jipan.dataspace.v1.CatalogService/UploadDistribution"


async def test_upload_in_binary_envelopes_stores_every_chunk(gateway: Gateway) -> None:
    async with grpc.aio.insecure_channel(gateway.server.address) as channel:
        dataset = await publish(gateway.server, cpb_grpc.CatalogServiceStub(channel))
    data = os.urandom(40_000)  # under the fixture's 64 KiB request limit, in three chunks
    body = envelope(
        cpb.UploadDistributionRequest(
            header=cpb.UploadDistributionHeader(
                dataset=dataset.name, distribution_id="csv", expected_sha256=hashlib.sha256(data).digest()
            )
        ).SerializeToString()
    )
    for start in range(0, len(data), 16_000):
        body += envelope(
            cpb.UploadDistributionRequest(chunk=data[start : start + 16_000]).SerializeToString()
        )
    headers = {
        **gateway.bearer(org=PROVIDER, scopes=SCOPES),
        "Content-Type": "application/connect+proto",
    }
    async with gateway.http.post(gateway.url + UPLOAD, data=body, headers=headers) as response:
        assert response.status == 200
        messages, end = await read_all(response)
    assert "error" not in end, end
    (only,) = messages
    uploaded = cpb.UploadDistributionResponse.FromString(only).dataset
    (distribution,) = uploaded.distributions
    assert distribution.uploaded
    assert distribution.byte_size == len(data)
    assert distribution.sha256 == hashlib.sha256(data).digest()


async def test_upload_refusal_ends_the_stream_with_the_servers_reason(gateway: Gateway) -> None:
    # JSON envelopes this time; the digest promised does not match what follows.
    async with grpc.aio.insecure_channel(gateway.server.address) as channel:
        dataset = await publish(gateway.server, cpb_grpc.CatalogServiceStub(channel))
    promised = base64.b64encode(hashlib.sha256(b"something else").digest()).decode()
    header = {"header": {"dataset": dataset.name, "distributionId": "csv", "expectedSha256": promised}}
    body = envelope(json.dumps(header).encode()) + envelope(json.dumps({"chunk": "aGVsbG8="}).encode())
    headers = {**gateway.bearer(org=PROVIDER, scopes=SCOPES), "Content-Type": "application/connect+json"}
    async with gateway.http.post(gateway.url + UPLOAD, data=body, headers=headers) as response:
        assert response.status == 200
        messages, end = await read_all(response)
    assert messages == []
    assert end["error"]["code"] == "invalid_argument", end
    (info,) = [d["debug"] for d in end["error"]["details"] if d["type"] == "google.rpc.ErrorInfo"]
    assert info["domain"] == "dataspace.jipan.tw", info
    assert info["reason"] == "UPLOAD_INVALID", info
    assert "expected_sha256" in info["metadata"]["problem"]
