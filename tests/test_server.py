"""The server runtime end to end: health, reflection, SystemService, TLS and mTLS."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import grpc
import pytest
from google.protobuf import descriptor_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from jipan.clients import error_details
from jipan.common.v1 import authz_pb2
from jipan.servers.registry import select_services
from jipan.servers.runtime.server import create_server
from jipan.servers.runtime.settings import ConfigError
from jipan.system.v1 import system_service_pb2 as pb
from jipan.system.v1 import system_service_pb2_grpc as pb_grpc
from tests.mesh import RunningServer, dev_token, make_pki, make_settings, running_server


@pytest.fixture(scope="module")
async def system_server(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[RunningServer]:
    settings = make_settings(database_url, tmp_path_factory.mktemp("data"))
    async with running_server(settings, select_services([])) as running:
        yield running


async def test_health_serving_without_token(system_server: RunningServer) -> None:
    async with grpc.aio.insecure_channel(system_server.address) as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        overall = await stub.Check(health_pb2.HealthCheckRequest(service=""))
        system = await stub.Check(health_pb2.HealthCheckRequest(service="jipan.system.v1.SystemService"))
    assert overall.status == health_pb2.HealthCheckResponse.SERVING
    assert system.status == health_pb2.HealthCheckResponse.SERVING


async def test_reflection_lists_services_without_token(system_server: RunningServer) -> None:
    async with grpc.aio.insecure_channel(system_server.address) as channel:
        stub = reflection_pb2_grpc.ServerReflectionStub(channel)
        responses = stub.ServerReflectionInfo(
            iter([reflection_pb2.ServerReflectionRequest(list_services="")])
        )
        names = [s.name async for r in responses for s in r.list_services_response.service]
    assert "jipan.system.v1.SystemService" in names
    assert "grpc.health.v1.Health" in names


def _reflection_v1(channel: grpc.aio.Channel) -> Any:
    """grpc.reflection.v1 over a generic channel: the same messages as v1alpha, another service path."""
    return channel.stream_stream(
        "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
        request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
        response_deserializer=reflection_pb2.ServerReflectionResponse.FromString,
    )


async def test_reflection_v1_and_v1alpha_are_both_served(system_server: RunningServer) -> None:
    async with grpc.aio.insecure_channel(system_server.address) as channel:
        requests = [
            reflection_pb2.ServerReflectionRequest(list_services=""),
            reflection_pb2.ServerReflectionRequest(file_containing_symbol="jipan.system.v1.SystemService"),
            reflection_pb2.ServerReflectionRequest(
                file_containing_symbol="grpc.reflection.v1.ServerReflection"
            ),
            reflection_pb2.ServerReflectionRequest(file_containing_symbol="no.such.Symbol"),
        ]
        v1 = [r async for r in _reflection_v1(channel)(iter(requests))]
        alpha_stub = reflection_pb2_grpc.ServerReflectionStub(channel)
        alpha = [r async for r in alpha_stub.ServerReflectionInfo(iter(requests[:1]))]
    names = {s.name for s in v1[0].list_services_response.service}
    assert {
        "jipan.system.v1.SystemService",
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
    } <= names
    assert names == {s.name for s in alpha[0].list_services_response.service}
    system_files = [
        descriptor_pb2.FileDescriptorProto.FromString(raw)
        for raw in v1[1].file_descriptor_response.file_descriptor_proto
    ]
    assert "jipan/system/v1/system_service.proto" in {f.name for f in system_files}
    (v1_file, *_) = [
        descriptor_pb2.FileDescriptorProto.FromString(raw)
        for raw in v1[2].file_descriptor_response.file_descriptor_proto
    ]
    assert (v1_file.package, [s.name for s in v1_file.service]) == (
        "grpc.reflection.v1",
        ["ServerReflection"],
    )
    assert v1_file.service[0].method[0].input_type == ".grpc.reflection.v1.ServerReflectionRequest"
    assert v1[3].error_response.error_code == grpc.StatusCode.NOT_FOUND.value[0]


async def _call_raw(channel: grpc.aio.Channel, path: str, shape: str, data: bytes, metadata: Any) -> None:
    """`data` as the request's bytes, whatever they encode (no serializer on the channel)."""
    call: Any
    if shape == "unary":
        call = channel.unary_unary(path)
        await call(data, metadata=metadata)
    elif shape == "server":
        call = channel.unary_stream(path)
        async for _ in call(data, metadata=metadata):
            pass
    else:
        call = channel.stream_stream(path)
        async for _ in call(iter([data]), metadata=metadata):
            pass


async def test_unparsable_bytes_to_any_served_method_are_request_malformed(
    system_server: RunningServer,
) -> None:
    """Health, both reflections and the services: one refusal, with ErrorInfo, never UNKNOWN."""
    garbage = b"\x0a\x02\xff\xfe"  # field 1, a string, holding invalid UTF-8
    async with grpc.aio.insecure_channel(system_server.address) as channel:
        for path, shape, message_type in (
            ("/grpc.health.v1.Health/Check", "unary", "grpc.health.v1.HealthCheckRequest"),
            ("/grpc.health.v1.Health/Watch", "server", "grpc.health.v1.HealthCheckRequest"),
            (
                "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
                "bidi",
                "grpc.reflection.v1.ServerReflectionRequest",
            ),
            (
                "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
                "bidi",
                "grpc.reflection.v1alpha.ServerReflectionRequest",
            ),
            (
                "/jipan.system.v1.SystemService/ListMethodPolicies",
                "unary",
                "jipan.system.v1.ListMethodPoliciesRequest",
            ),
        ):
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await _call_raw(channel, path, shape, garbage, system_server.metadata())
            assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT, path
            info = error_details(caught.value)
            assert (info.reason, info.domain) == ("REQUEST_MALFORMED", "common.jipan.tw"), path
            assert info.metadata["message_type"] == message_type


async def test_whoami_reports_the_token(system_server: RunningServer) -> None:
    async with grpc.aio.insecure_channel(system_server.address) as channel:
        stub = pb_grpc.SystemServiceStub(channel)
        response = await stub.GetWhoAmI(
            pb.GetWhoAmIRequest(),
            metadata=(
                *system_server.metadata(
                    subject="people/bob", scopes=["openid", "ledger.read"], roles=["admin"]
                ),
                ("x-request-id", "req-whoami-1"),
            ),
        )
    principal = response.principal
    assert principal.subject == "people/bob"
    assert principal.org == "orgs/moda"
    assert list(principal.roles) == ["admin"]
    assert list(principal.scopes) == ["ledger.read", "openid"]
    assert principal.issuer == system_server.settings.token_issuer
    assert list(principal.audiences) == ["jipan"]
    assert principal.request_id == "req-whoami-1"
    assert principal.expire_time.seconds > 0
    assert principal.peer_certificate_identity == ""


async def test_whoami_without_token_is_unauthenticated(system_server: RunningServer) -> None:
    async with grpc.aio.insecure_channel(system_server.address) as channel:
        stub = pb_grpc.SystemServiceStub(channel)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.GetWhoAmI(pb.GetWhoAmIRequest())
    assert caught.value.code() == grpc.StatusCode.UNAUTHENTICATED
    assert error_details(caught.value).reason == "TOKEN_MISSING"


async def test_version_lists_served_services(system_server: RunningServer) -> None:
    async with grpc.aio.insecure_channel(system_server.address) as channel:
        response = await pb_grpc.SystemServiceStub(channel).GetVersion(
            pb.GetVersionRequest(), metadata=system_server.metadata()
        )
    assert response.version
    assert list(response.services) == ["jipan.system.v1.SystemService"]
    assert response.start_time.seconds > 0


async def test_method_policies_paginate_with_signed_tokens(system_server: RunningServer) -> None:
    async with grpc.aio.insecure_channel(system_server.address) as channel:
        stub = pb_grpc.SystemServiceStub(channel)
        md = system_server.metadata()
        seen: list[str] = []
        token = ""
        pages = 0
        while True:
            page = await stub.ListMethodPolicies(
                pb.ListMethodPoliciesRequest(page_size=1, page_token=token), metadata=md
            )
            seen += [p.method for p in page.method_policies]
            pages += 1
            token = page.next_page_token
            if not token:
                break
        everything = await stub.ListMethodPolicies(pb.ListMethodPoliciesRequest(), metadata=md)

    assert seen == [p.method for p in everything.method_policies]
    assert seen == sorted(seen)
    assert pages == len(seen) == 3
    whoami = next(p for p in everything.method_policies if p.method.endswith("/GetWhoAmI"))
    assert whoami.policy.level == authz_pb2.AUTH_LEVEL_AUTHENTICATED


async def test_page_token_tampered_or_reused_with_other_filter(system_server: RunningServer) -> None:
    async with grpc.aio.insecure_channel(system_server.address) as channel:
        stub = pb_grpc.SystemServiceStub(channel)
        md = system_server.metadata()
        first = await stub.ListMethodPolicies(pb.ListMethodPoliciesRequest(page_size=1), metadata=md)
        token = first.next_page_token
        tampered = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
        for request in (
            pb.ListMethodPoliciesRequest(page_size=1, page_token=tampered),
            pb.ListMethodPoliciesRequest(page_size=1, page_token="not-a-token"),
            # Non-ASCII once reached the HMAC comparison and came back INTERNAL.
            pb.ListMethodPoliciesRequest(page_size=1, page_token="下一頁"),
            pb.ListMethodPoliciesRequest(page_size=1, page_token=token[:-1] + "é"),
            pb.ListMethodPoliciesRequest(page_size=1, page_token="📄.📄"),
            pb.ListMethodPoliciesRequest(page_size=1, page_token=token + "=="),
            pb.ListMethodPoliciesRequest(
                service="jipan.system.v1.SystemService", page_size=1, page_token=token
            ),
        ):
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await stub.ListMethodPolicies(request, metadata=md)
            assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
            info = error_details(caught.value)
            assert info.reason == "PAGE_TOKEN_INVALID"
            assert info.domain == "common.jipan.tw"


async def test_unknown_service_filter_is_not_found(system_server: RunningServer) -> None:
    async with grpc.aio.insecure_channel(system_server.address) as channel:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await pb_grpc.SystemServiceStub(channel).ListMethodPolicies(
                pb.ListMethodPoliciesRequest(service="jipan.nope.v1.NopeService"),
                metadata=system_server.metadata(),
            )
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    info = error_details(caught.value)
    assert (info.reason, info.domain) == ("SERVICE_NOT_FOUND", "system.jipan.tw")
    assert info.metadata["service"] == "jipan.nope.v1.NopeService"


async def test_negative_page_size_is_invalid_argument(system_server: RunningServer) -> None:
    async with grpc.aio.insecure_channel(system_server.address) as channel:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await pb_grpc.SystemServiceStub(channel).ListMethodPolicies(
                pb.ListMethodPoliciesRequest(page_size=-1), metadata=system_server.metadata()
            )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_details(caught.value).reason == "FIELD_INVALID"


def _write_pki(directory: Path) -> tuple[dict[str, str], bytes, bytes, bytes]:
    pki = make_pki()
    files = {
        "ca.pem": pki.ca_pem,
        "server.pem": pki.server_cert_pem,
        "server.key": pki.server_key_pem,
    }
    for name, data in files.items():
        (directory / name).write_bytes(data)
    env = {
        "JIPAN_TLS_CERT_FILE": str(directory / "server.pem"),
        "JIPAN_TLS_KEY_FILE": str(directory / "server.key"),
    }
    return env, pki.ca_pem, pki.client_cert_pem, pki.client_key_pem


async def test_tls_server(database_url: str, tmp_path: Path) -> None:
    env, ca, _, _ = _write_pki(tmp_path)
    settings = make_settings(database_url, tmp_path / "data", **env)
    async with running_server(settings, select_services([])) as running:
        target = f"localhost:{running.port}"
        async with grpc.aio.secure_channel(
            target, grpc.ssl_channel_credentials(root_certificates=ca)
        ) as channel:
            response = await pb_grpc.SystemServiceStub(channel).GetWhoAmI(
                pb.GetWhoAmIRequest(), metadata=running.metadata()
            )
        assert response.principal.subject == "people/alice"
        # The same port refuses plaintext.
        async with grpc.aio.insecure_channel(target) as channel:
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await pb_grpc.SystemServiceStub(channel).GetVersion(
                    pb.GetVersionRequest(), metadata=running.metadata(), timeout=5
                )
        assert caught.value.code() == grpc.StatusCode.UNAVAILABLE


async def test_mtls_requires_and_exposes_client_certificate(database_url: str, tmp_path: Path) -> None:
    env, ca, client_cert, client_key = _write_pki(tmp_path)
    env["JIPAN_TLS_CLIENT_CA_FILE"] = str(tmp_path / "ca.pem")
    settings = make_settings(database_url, tmp_path / "data", **env)
    async with running_server(settings, select_services([])) as running:
        target = f"localhost:{running.port}"
        with_cert = grpc.ssl_channel_credentials(
            root_certificates=ca, private_key=client_key, certificate_chain=client_cert
        )
        async with grpc.aio.secure_channel(target, with_cert) as channel:
            response = await pb_grpc.SystemServiceStub(channel).GetWhoAmI(
                pb.GetWhoAmIRequest(), metadata=running.metadata()
            )
        assert response.principal.peer_certificate_identity == "services/billing"

        without_cert = grpc.ssl_channel_credentials(root_certificates=ca)
        async with grpc.aio.secure_channel(target, without_cert) as channel:
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await pb_grpc.SystemServiceStub(channel).GetWhoAmI(
                    pb.GetWhoAmIRequest(), metadata=running.metadata(), timeout=5
                )
        assert caught.value.code() == grpc.StatusCode.UNAVAILABLE


async def test_tls_misconfiguration_is_a_config_error(database_url: str, tmp_path: Path) -> None:
    settings = make_settings(
        database_url,
        tmp_path / "data",
        JIPAN_TLS_CERT_FILE=str(tmp_path / "missing.pem"),
        JIPAN_TLS_KEY_FILE=str(tmp_path / "missing.key"),
    )
    modules = select_services([])
    from jipan.servers.runtime.runtime import open_runtime

    async with open_runtime(settings, modules) as runtime:
        with pytest.raises(ConfigError, match="cannot read TLS material"):
            await create_server(settings, modules, runtime)


async def test_taken_port_is_a_config_error(
    system_server: RunningServer, database_url: str, tmp_path: Path
) -> None:
    settings = make_settings(database_url, tmp_path / "data", JIPAN_LISTEN=system_server.address)
    modules = select_services([])
    from jipan.servers.runtime.runtime import open_runtime

    async with open_runtime(settings, modules) as runtime:
        with pytest.raises(ConfigError, match="cannot listen"):
            await create_server(settings, modules, runtime)


async def test_shutdown_drains_in_flight_calls(database_url: str, tmp_path: Path) -> None:
    """`serve` stops accepting on stop, yet a call already running completes."""
    import asyncio

    from jipan.servers.runtime.runtime import Runtime, ServiceModule
    from jipan.servers.runtime.server import serve

    started = asyncio.Event()

    async def slow(
        request: pb.GetVersionRequest, context: grpc.aio.ServicerContext[object, object]
    ) -> object:
        started.set()
        await asyncio.sleep(0.5)
        return pb.GetVersionResponse(version="drained")

    def attach(server: grpc.aio.Server, runtime: Runtime) -> None:
        handler = grpc.unary_unary_rpc_method_handler(
            slow,
            request_deserializer=pb.GetVersionRequest.FromString,
            response_serializer=pb.GetVersionResponse.SerializeToString,
        )
        server.add_generic_rpc_handlers(
            (grpc.method_handlers_generic_handler("jipan.test.v1.SlowService", {"Wait": handler}),)
        )

    slow_module = ServiceModule(name="slow", service_names=(), attach=attach)
    settings = make_settings(database_url, tmp_path / "data", JIPAN_GRACE_PERIOD_S="5")
    stop = asyncio.Event()
    ready: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    serving = asyncio.create_task(
        serve(
            settings,
            [*select_services([]), slow_module],
            on_ready=lambda port, _: ready.set_result(port),
            stop=stop,
        )
    )
    port = await ready
    token = dev_token(settings, subject="people/drain")
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        wait = channel.unary_unary(
            "/jipan.test.v1.SlowService/Wait",
            request_serializer=pb.GetVersionRequest.SerializeToString,
            response_deserializer=pb.GetVersionResponse.FromString,
        )
        in_flight = asyncio.ensure_future(
            wait(pb.GetVersionRequest(), metadata=(("authorization", f"Bearer {token}"),))
        )
        await started.wait()
        stop.set()
        response = await in_flight
        await asyncio.wait_for(serving, 10)
    assert response.version == "drained"
    # After shutdown nothing listens any more.
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=2)
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE


async def test_on_shutdown_runs_before_the_pool_closes(database_url: str, tmp_path: Path) -> None:
    from jipan.servers.runtime.runtime import Runtime, ServiceModule, open_runtime

    seen: list[bool] = []

    def attach(server: grpc.aio.Server, runtime: Runtime) -> None:
        async def stop_background_work() -> None:
            # Background work may still need the database while it stops.
            seen.append(await runtime.database.fetchval("SELECT true"))

        runtime.on_shutdown(stop_background_work)

    module = ServiceModule(name="worker", service_names=(), attach=attach)
    settings = make_settings(database_url, tmp_path / "data")
    async with open_runtime(settings, [module]) as runtime:
        server, _ = await create_server(settings, [module], runtime)
        await server.start()
        await server.stop(0)
        assert seen == []
    assert seen == [True]


async def test_method_without_implementation_is_unimplemented(database_url: str, tmp_path: Path) -> None:
    """A contract method the servicer does not override: UNIMPLEMENTED with a reason, not INTERNAL."""

    from jipan.servers.runtime.runtime import Runtime, ServiceModule

    def attach(server: grpc.aio.Server, runtime: Runtime) -> None:
        # The generated base, which answers every method with NotImplementedError:
        # what a servicer that forgot a method looks like at run time.
        unimplemented = pb_grpc.SystemServiceServicer()  # type: ignore[abstract]
        pb_grpc.add_SystemServiceServicer_to_server(unimplemented, server)

    module = ServiceModule(
        name="bare-system", service_names=("jipan.system.v1.SystemService",), attach=attach
    )
    settings = make_settings(database_url, tmp_path / "data")
    async with (
        running_server(settings, [module]) as running,
        grpc.aio.insecure_channel(running.address) as channel,
    ):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await pb_grpc.SystemServiceStub(channel).GetVersion(
                pb.GetVersionRequest(), metadata=running.metadata()
            )
    assert caught.value.code() == grpc.StatusCode.UNIMPLEMENTED
    info = error_details(caught.value)
    assert (info.reason, info.domain) == ("NOT_IMPLEMENTED", "common.jipan.tw")
    assert info.metadata["method"] == "/jipan.system.v1.SystemService/GetVersion"
