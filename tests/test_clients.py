"""The Python SDK against a real server."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc
import pytest

from jipan.clients import Client, error_details
from jipan.servers.registry import select_services
from jipan.system.v1 import system_service_pb2 as pb
from tests.mesh import RunningServer, make_settings, running_server


@pytest.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    settings = make_settings(database_url, tmp_path_factory.mktemp("sdk"))
    async with running_server(settings, select_services([])) as running:
        yield running


async def test_client_calls_with_its_token(server: RunningServer) -> None:
    async with Client(server.address, token=server.token(subject="people/sdk")) as jipan:
        me = await jipan.system.GetWhoAmI(pb.GetWhoAmIRequest())
        version = await jipan.system.GetVersion(pb.GetVersionRequest())
    assert me.principal.subject == "people/sdk"
    assert "jipan.system.v1.SystemService" in version.services


async def test_error_details_expose_reason_and_field_violations(server: RunningServer) -> None:
    async with Client(server.address) as anonymous:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await anonymous.system.GetWhoAmI(pb.GetWhoAmIRequest())
    missing = error_details(caught.value)
    assert (missing.code, missing.reason, missing.domain) == (
        grpc.StatusCode.UNAUTHENTICATED,
        "TOKEN_MISSING",
        "common.jipan.tw",
    )
    assert missing.request_id

    async with Client(server.address, token=server.token()) as jipan:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await jipan.system.ListMethodPolicies(
                pb.ListMethodPoliciesRequest(page_size=-1, service="bad service!")
            )
    invalid = error_details(caught.value)
    assert invalid.reason == "FIELD_INVALID"
    assert set(invalid.field_violations) == {"page_size", "service"}


def test_token_and_token_source_are_exclusive() -> None:
    async def source() -> str:
        return "t"

    with pytest.raises(ValueError, match="not both"):
        Client("127.0.0.1:1", token="t", token_source=source)
