"""Test support for the interceptor suites (no tests here): a probe contract and a served mesh.

The probe contract `jipan.probe.v1` is built in memory and added to the
default descriptor pool, exactly as a generated `_pb2` module registers its
file: the chain reads policies and field rules from there. It exists only in
this process (nothing is added to protos/) and covers what the real
contracts do not yet: scopes, org roles, an open method, nested and repeated
field rules, and all four streaming shapes.
"""

from __future__ import annotations

import asyncio
import io
import json
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
from google.protobuf.message import Message
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from jipan.common.v1 import authz_pb2, money_pb2, validation_pb2
from jipan.interceptors.chain import build_server_interceptors
from jipan.interceptors.context import (
    current_deadline,
    current_peer_identity,
    current_principal,
    current_request_id,
    principal_var,
)
from jipan.interceptors.tokens import DevSigningKey, KeySet, RemoteKeySet
from jipan.servers.runtime.errors import InvalidArgument, NotFound
from jipan.servers.runtime.settings import Settings, load_settings
from jipan.system.v1 import system_service_pb2 as system_pb
from jipan.system.v1 import system_service_pb2_grpc as system_grpc

PROBE_PACKAGE = "jipan.probe.v1"
PROBE_SERVICE = f"{PROBE_PACKAGE}.ProbeService"
SECRET = "SELECT password_hash FROM users WHERE id = 7"


# --- the probe contract ----------------------------------------------------------------------------


def _rules(fd: descriptor_pb2.FieldDescriptorProto, **rules: Any) -> None:
    fd.options.Extensions[validation_pb2.field_rules].CopyFrom(validation_pb2.FieldRules(**rules))


def _probe_file() -> descriptor_pb2.FileDescriptorProto:
    f = descriptor_pb2.FileDescriptorProto(
        name="jipan_tests/probe/v1/probe.proto",
        package=PROBE_PACKAGE,
        syntax="proto3",
        dependency=[
            "jipan/common/v1/authz.proto",
            "jipan/common/v1/validation.proto",
            "jipan/common/v1/money.proto",
            "jipan/system/v1/system_service.proto",
        ],
    )
    T = descriptor_pb2.FieldDescriptorProto
    color = f.enum_type.add(name="ProbeColor")
    color.value.add(name="PROBE_COLOR_UNSPECIFIED", number=0)
    color.value.add(name="PROBE_COLOR_RED", number=1)

    item = f.message_type.add(name="ProbeItem")
    _rules(
        item.field.add(name="name", number=1, type=T.TYPE_STRING, label=T.LABEL_OPTIONAL),
        required=True,
        max_len=5,
    )
    _rules(item.field.add(name="qty", number=2, type=T.TYPE_INT32, label=T.LABEL_OPTIONAL), gte=1, lte=10)

    form = f.message_type.add(name="ProbeForm")
    _rules(form.field.add(name="id", number=1, type=T.TYPE_STRING, label=T.LABEL_OPTIONAL), uuid=True)
    _rules(
        form.field.add(
            name="price",
            number=2,
            type=T.TYPE_MESSAGE,
            type_name=".jipan.common.v1.Money",
            label=T.LABEL_OPTIONAL,
        ),
        required=True,
    )
    _rules(
        form.field.add(
            name="items",
            number=3,
            type=T.TYPE_MESSAGE,
            type_name=f".{PROBE_PACKAGE}.ProbeItem",
            label=T.LABEL_REPEATED,
        ),
        max_len=3,
    )
    _rules(
        form.field.add(name="tags", number=4, type=T.TYPE_STRING, label=T.LABEL_REPEATED), pattern="^[a-z]+$"
    )
    _rules(
        form.field.add(
            name="color",
            number=5,
            type=T.TYPE_ENUM,
            type_name=f".{PROBE_PACKAGE}.ProbeColor",
            label=T.LABEL_OPTIONAL,
        ),
        defined_only=True,
    )
    _rules(form.field.add(name="digest", number=6, type=T.TYPE_BYTES, label=T.LABEL_OPTIONAL), exact_len=4)
    form.oneof_decl.add(name="_limit")
    _rules(
        form.field.add(
            name="limit",
            number=7,
            type=T.TYPE_INT32,
            label=T.LABEL_OPTIONAL,
            proto3_optional=True,
            oneof_index=0,
        ),
        gte=1,
    )
    _rules(
        form.field.add(name="note", number=8, type=T.TYPE_STRING, label=T.LABEL_OPTIONAL),
        min_len=2,
        max_len=4,
    )
    form.field.add(
        name="child",
        number=9,
        type=T.TYPE_MESSAGE,
        type_name=f".{PROBE_PACKAGE}.ProbeForm",
        label=T.LABEL_OPTIONAL,
    )

    service = f.service.add(name="ProbeService")
    whoami_in, whoami_out = ".jipan.system.v1.GetWhoAmIRequest", ".jipan.system.v1.GetWhoAmIResponse"

    def method(
        name: str, *, input_type: str = whoami_in, **shape: bool
    ) -> descriptor_pb2.MethodDescriptorProto:
        return service.method.add(name=name, input_type=input_type, output_type=whoami_out, **shape)

    method("GetScoped").options.Extensions[authz_pb2.auth_policy].CopyFrom(
        authz_pb2.AuthPolicy(level=authz_pb2.AUTH_LEVEL_AUTHENTICATED, scopes=["probe.read", "probe.audit"])
    )
    method("GetRoled").options.Extensions[authz_pb2.auth_policy].CopyFrom(
        authz_pb2.AuthPolicy(org_roles=["admin", "auditor"])
    )
    method("GetOpen").options.Extensions[authz_pb2.auth_policy].CopyFrom(
        authz_pb2.AuthPolicy(level=authz_pb2.AUTH_LEVEL_OPEN)
    )
    method("GetUndeclared")  # no option at all: authenticated by default
    method("GetSync")
    method("SubmitForm", input_type=f".{PROBE_PACKAGE}.ProbeForm")
    method("WatchWhoAmI", server_streaming=True)
    method("WatchWritten", server_streaming=True)
    method("UploadForms", input_type=f".{PROBE_PACKAGE}.ProbeForm", client_streaming=True)
    method(
        "ChatForms", input_type=f".{PROBE_PACKAGE}.ProbeForm", client_streaming=True, server_streaming=True
    )
    return f


def _register() -> None:
    pool = descriptor_pool.Default()
    try:
        pool.FindFileByName("jipan_tests/probe/v1/probe.proto")
    except KeyError:
        # Make sure the dependencies are in the pool before the probe file.
        _ = (authz_pb2, validation_pb2, money_pb2, system_pb)
        pool.AddSerializedFile(_probe_file().SerializeToString())


_register()
ProbeForm: Any = message_factory.GetMessageClass(
    descriptor_pool.Default().FindMessageTypeByName(f"{PROBE_PACKAGE}.ProbeForm")
)
ProbeItem: Any = message_factory.GetMessageClass(
    descriptor_pool.Default().FindMessageTypeByName(f"{PROBE_PACKAGE}.ProbeItem")
)
Money = money_pb2.Money


def valid_form(**fields: Any) -> Any:
    form = ProbeForm(price=Money(currency_code="TWD", amount_minor=100))
    for name, value in fields.items():
        if isinstance(value, list):
            getattr(form, name).extend(value)
        elif isinstance(value, Message):
            getattr(form, name).CopyFrom(value)
        else:
            setattr(form, name, value)
    return form


# --- servicers -------------------------------------------------------------------------------------


def _mode(context: grpc.aio.ServicerContext[Any, Any]) -> str:
    return dict(context.invocation_metadata() or ()).get("x-probe", "")  # type: ignore[return-value]


def whoami() -> system_pb.GetWhoAmIResponse:
    principal = principal_var.get()
    return system_pb.GetWhoAmIResponse(
        principal=system_pb.Principal(
            subject=principal.subject if principal else "",
            org=(principal.org or "") if principal else "",
            roles=sorted(principal.roles) if principal else [],
            scopes=sorted(principal.scopes) if principal else [],
            token_id=principal.token_id if principal else "",
            peer_certificate_identity=current_peer_identity() or "",
            request_id=current_request_id(),
        )
    )


@dataclass
class Observed:
    """What handlers saw, for assertions that cannot be made from the response."""

    deadlines: list[float | None] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)


class SystemProbe(system_grpc.SystemServiceServicer):
    """SystemService for the chain tests: GetVersion misbehaves on request (`x-probe` metadata)."""

    def __init__(self, observed: Observed) -> None:
        self.observed = observed

    async def GetWhoAmI(self, request: Any, context: Any) -> system_pb.GetWhoAmIResponse:
        current_principal()  # raises on an open call; this method is authenticated
        self.observed.deadlines.append(current_deadline())
        return whoami()

    async def GetVersion(self, request: Any, context: Any) -> system_pb.GetVersionResponse:
        mode = _mode(context)
        if mode == "crash":
            raise RuntimeError(f"database failed: {SECRET}")
        if mode == "domain":
            raise NotFound(
                "SERVICE_NOT_FOUND", "no such service", domain="system.jipan.tw", metadata={"service": "x.y"}
            )
        if mode == "abort":
            await context.abort(grpc.StatusCode.FAILED_PRECONDITION, "the handler said no")
        if mode == "slow":
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                self.observed.cancelled.append(current_request_id())
                raise
        if mode == "trailers":
            context.set_trailing_metadata((("x-handler", "yes"),))
        return system_pb.GetVersionResponse(version="probe")

    async def ListMethodPolicies(self, request: Any, context: Any) -> system_pb.ListMethodPoliciesResponse:
        return system_pb.ListMethodPoliciesResponse()


def _unary(fn: Callable[..., Any], request_type: Any) -> grpc.RpcMethodHandler[Any, Any]:
    return grpc.unary_unary_rpc_method_handler(
        fn,
        request_deserializer=request_type.FromString,
        response_serializer=system_pb.GetWhoAmIResponse.SerializeToString,
    )


def probe_handler() -> grpc.GenericRpcHandler:
    async def answer(request: Any, context: Any) -> system_pb.GetWhoAmIResponse:
        return whoami()

    def answer_sync(request: Any, context: Any) -> system_pb.GetWhoAmIResponse:
        return whoami()  # runs in a worker thread: the contextvars must have come along

    async def watch(request: Any, context: Any) -> AsyncIterator[system_pb.GetWhoAmIResponse]:
        mode = _mode(context)
        for index in range(3):
            if index == 2 and mode == "domain":
                raise InvalidArgument("PAGE_TOKEN_INVALID", "stream went bad", metadata={"at": "2"})
            if index == 2 and mode == "crash":
                raise RuntimeError(f"stream crashed: {SECRET}")
            yield whoami()

    async def watch_written(request: Any, context: Any) -> None:
        for _ in range(2):
            await context.write(whoami())

    async def upload(requests: AsyncIterator[Any], context: Any) -> system_pb.GetWhoAmIResponse:
        count = 0
        async for _ in requests:
            count += 1
        response = whoami()
        response.principal.roles.append(f"received:{count}")
        return response

    async def chat(requests: AsyncIterator[Any], context: Any) -> AsyncIterator[system_pb.GetWhoAmIResponse]:
        async for _ in requests:
            yield whoami()

    whoami_in = system_pb.GetWhoAmIRequest
    out = system_pb.GetWhoAmIResponse.SerializeToString
    return grpc.method_handlers_generic_handler(
        PROBE_SERVICE,
        {
            "GetScoped": _unary(answer, whoami_in),
            "GetRoled": _unary(answer, whoami_in),
            "GetOpen": _unary(answer, whoami_in),
            "GetUndeclared": _unary(answer, whoami_in),
            "GetSync": _unary(answer_sync, whoami_in),
            "SubmitForm": _unary(answer, ProbeForm),
            "WatchWhoAmI": grpc.unary_stream_rpc_method_handler(
                watch, request_deserializer=whoami_in.FromString, response_serializer=out
            ),
            "WatchWritten": grpc.unary_stream_rpc_method_handler(
                watch_written, request_deserializer=whoami_in.FromString, response_serializer=out
            ),
            "UploadForms": grpc.stream_unary_rpc_method_handler(
                upload, request_deserializer=ProbeForm.FromString, response_serializer=out
            ),
            "ChatForms": grpc.stream_stream_rpc_method_handler(
                chat, request_deserializer=ProbeForm.FromString, response_serializer=out
            ),
        },
    )


# --- a served mesh ---------------------------------------------------------------------------------


class LogLines:
    """The access log, as parsed JSON lines."""

    def __init__(self) -> None:
        self.stream = io.StringIO()

    def all(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stream.getvalue().splitlines() if line]

    def for_request(self, request_id: str) -> list[dict[str, Any]]:
        return [line for line in self.all() if line.get("request_id") == request_id]

    async def wait_for(self, request_id: str, timeout: float = 5.0) -> dict[str, Any]:
        """The line of `request_id`, waiting for it: a cancelled call is logged after the client returns."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            lines = self.for_request(request_id)
            if lines:
                return lines[0]
            await asyncio.sleep(0.01)
        raise AssertionError(f"no log line for request {request_id}")


@dataclass
class Mesh:
    settings: Settings
    key: DevSigningKey
    jwks: dict[str, Any]
    key_set: KeySet
    server: grpc.aio.Server
    port: int
    channel: grpc.aio.Channel
    spans: InMemorySpanExporter
    logs: LogLines
    observed: Observed

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.port}"

    def token(self, key: DevSigningKey | None = None, **claims: Any) -> str:
        claims.setdefault("subject", "people/alice")
        claims.setdefault("audience", self.settings.token_audience)
        claims.setdefault("issuer", self.settings.token_issuer)
        claims.setdefault("scopes", ["system.read"])
        return (key or self.key).mint(**claims)

    def auth(self, token: str | None = None, **extra: str) -> tuple[tuple[str, str], ...]:
        pairs = [("authorization", f"Bearer {token or self.token()}")]
        pairs.extend((key.replace("_", "-"), value) for key, value in extra.items())
        return tuple(pairs)

    @property
    def system(self) -> system_grpc.SystemServiceAsyncStub:
        return system_grpc.SystemServiceStub(self.channel)

    def probe(self, method: str, *, request: Any = system_pb.GetWhoAmIRequest, streaming: str = "") -> Any:
        path = f"/{PROBE_SERVICE}/{method}"
        out = system_pb.GetWhoAmIResponse.FromString
        serialize = request.SerializeToString
        if streaming == "out":
            return self.channel.unary_stream(path, request_serializer=serialize, response_deserializer=out)
        if streaming == "in":
            return self.channel.stream_unary(path, request_serializer=serialize, response_deserializer=out)
        if streaming == "both":
            return self.channel.stream_stream(path, request_serializer=serialize, response_deserializer=out)
        return self.channel.unary_unary(path, request_serializer=serialize, response_deserializer=out)


async def start_mesh(
    data_dir: Path,
    *,
    credentials: grpc.ServerCredentials | None = None,
    settings_overrides: dict[str, Any] | None = None,
    record_spans: bool = True,
    extra_handlers: Sequence[grpc.GenericRpcHandler] = (),
) -> Mesh:
    settings = load_settings({}, data_dir=str(data_dir), listen="127.0.0.1:0", **(settings_overrides or {}))
    key = DevSigningKey.load_or_create(data_dir)
    jwks: dict[str, Any] = {"keys": [key.public_jwk()]}

    async def fetch() -> dict[str, Any]:
        return jwks

    # A remote key set over a JWKS the tests can edit: rotation and retirement are real.
    key_set = RemoteKeySet(fetch, refresh_s=settings.key_set_refresh_s, min_refresh_interval_s=0)
    spans = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(spans))
    logs = LogLines()
    server = grpc.aio.server(
        interceptors=build_server_interceptors(
            settings,
            key_set,
            tracer_provider=provider if record_spans else None,
            log_stream=logs.stream,
        )
    )
    observed = Observed()
    system_grpc.add_SystemServiceServicer_to_server(SystemProbe(observed), server)
    # Generic handlers are asked in order: extra ones can take over probe methods.
    server.add_generic_rpc_handlers((*extra_handlers, probe_handler()))
    health_servicer = health.aio.HealthServicer()
    await health_servicer.set("", health_pb2.HealthCheckResponse.SERVING)
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    reflection.enable_server_reflection(
        ["jipan.system.v1.SystemService", "grpc.health.v1.Health", reflection.SERVICE_NAME], server
    )
    if credentials is None:
        port = server.add_insecure_port(settings.listen)
    else:
        port = server.add_secure_port(settings.listen, credentials)
    await server.start()
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{port}")
    return Mesh(settings, key, jwks, key_set, server, port, channel, spans, logs, observed)


async def stop_mesh(mesh: Mesh) -> None:
    await mesh.channel.close()
    await mesh.server.stop(None)
