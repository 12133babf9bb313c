"""Every method of every registered service, read from the descriptor pool (no tests here).

The auth-matrix and fuzz suites are generated from this walk, so a service is
covered the day its module is added to `jipan.servers.registry`: the walk asks
the registry which gRPC services each module serves, then reads each service's
methods, request types, declared policy (`jipan.common.v1.auth_policy`, through
`policy_for_method`, exactly as the authorization stage does) and field rules
(`jipan.common.v1.field_rules`) from the default descriptor pool. Nothing here
names a method.

It also calls methods generically: requests go out as raw bytes through
`channel.unary_unary` / `unary_stream` with no serializer, so a suite can send
a message of any type, or bytes that are no message at all, to any path, and
read back the code, the `google.rpc.Status` details and the raw response.
"""

from __future__ import annotations

import asyncio
import functools
import random
import re
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import grpc
from google.protobuf import descriptor_pool, message_factory
from google.protobuf.descriptor import Descriptor, FieldDescriptor, MethodDescriptor
from google.protobuf.message import Message
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from jipan.common.v1 import authz_pb2, validation_pb2
from jipan.interceptors.authz import policy_for_method

TIMESTAMP = "google.protobuf.Timestamp"
DURATION = "google.protobuf.Duration"
FIELD_MASK = "google.protobuf.FieldMask"


@dataclass(frozen=True)
class RpcMethod:
    """One method of a registered service, as the contract declares it."""

    module: str
    """The registry's module name (`jipan serve MODULE`)."""
    service: str
    descriptor: MethodDescriptor
    policy: authz_pb2.AuthPolicy

    @property
    def name(self) -> str:
        return self.descriptor.name

    @property
    def path(self) -> str:
        return f"/{self.service}/{self.descriptor.name}"

    @property
    def id(self) -> str:
        return f"{self.service.rsplit('.', 1)[-1]}/{self.descriptor.name}"

    @property
    def input(self) -> Descriptor:
        return self.descriptor.input_type

    @property
    def client_streaming(self) -> bool:
        return bool(self.descriptor.client_streaming)

    @property
    def server_streaming(self) -> bool:
        return bool(self.descriptor.server_streaming)

    @property
    def open(self) -> bool:
        return self.policy.level == authz_pb2.AUTH_LEVEL_OPEN

    def request_class(self) -> type[Message]:
        return message_class(self.input)


def message_class(descriptor: Descriptor) -> type[Message]:
    return message_factory.GetMessageClass(descriptor)


@functools.cache
def registered_modules() -> dict[str, tuple[str, ...]]:
    """The registry's modules and the gRPC services each serves (importing them fills the pool)."""
    from jipan.servers.registry import available_services

    return {name: module.service_names for name, module in available_services().items()}


def registered_methods() -> list[RpcMethod]:
    """Every method of every service of every registered module, in declaration order."""
    pool = descriptor_pool.Default()
    methods = []
    for module, services in registered_modules().items():
        for service in services:
            for method in pool.FindServiceByName(service).methods:
                methods.append(
                    RpcMethod(module, service, method, policy_for_method(f"/{service}/{method.name}"))
                )
    return methods


def all_grants(methods: Sequence[RpcMethod]) -> tuple[list[str], list[str]]:
    """Every scope and org role any method's policy names: a token holding them passes authorization."""
    scopes: set[str] = {"openid"}
    roles: set[str] = {"admin"}
    for method in methods:
        scopes.update(method.policy.scopes)
        roles.update(method.policy.org_roles)
    return sorted(scopes), sorted(roles)


# --- field rules ----------------------------------------------------------------------------------


def field_rules(fd: FieldDescriptor) -> validation_pb2.FieldRules | None:
    options = fd.GetOptions()
    if not options.HasExtension(validation_pb2.field_rules):
        return None
    rules: validation_pb2.FieldRules = options.Extensions[validation_pb2.field_rules]
    return rules


def is_map(fd: FieldDescriptor) -> bool:
    return fd.message_type is not None and fd.message_type.GetOptions().map_entry


def is_repeated(fd: FieldDescriptor) -> bool:
    return bool(fd.is_repeated)


@functools.cache
def _matching_string(pattern: str) -> str:
    """The simplest string that fully matches `pattern` (hypothesis' shrinker finds it, deterministically)."""
    from hypothesis import HealthCheck, Phase, find, settings
    from hypothesis import strategies as st

    found: str = find(
        st.from_regex(pattern, fullmatch=True),
        lambda _: True,
        settings=settings(
            database=None,
            derandomize=True,
            phases=[Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
        ),
    )
    return found


def _length_bounds(rules: validation_pb2.FieldRules | None) -> tuple[int, int | None]:
    if rules is None:
        return 0, None
    if rules.HasField("exact_len"):
        return rules.exact_len, rules.exact_len
    low = rules.min_len if rules.HasField("min_len") else 0
    high = rules.max_len if rules.HasField("max_len") else None
    return low, high


def valid_scalar(fd: FieldDescriptor, rules: validation_pb2.FieldRules | None) -> Any:
    """A value of `fd`'s type that its declared rules accept (and that is non-empty)."""
    low, high = _length_bounds(rules)
    if fd.type == FieldDescriptor.TYPE_STRING:
        if rules is not None and rules.uuid:
            return str(uuid.UUID(int=random.Random(fd.full_name).getrandbits(128), version=4))
        if rules is not None and rules.pattern:
            return _matching_string(rules.pattern)
        size = max(low, 1)
        return "x" * (size if high is None else min(size, high))
    if fd.type == FieldDescriptor.TYPE_BYTES:
        size = max(low, 1)
        return b"\x01" * (size if high is None else min(size, high))
    if fd.type == FieldDescriptor.TYPE_ENUM:
        assert fd.enum_type is not None
        numbers = [value.number for value in fd.enum_type.values if value.number != 0]
        return numbers[0] if numbers else 0
    if fd.type == FieldDescriptor.TYPE_BOOL:
        return True
    if fd.cpp_type in (FieldDescriptor.CPPTYPE_FLOAT, FieldDescriptor.CPPTYPE_DOUBLE):
        return 1.0
    value = 1
    if rules is not None and rules.HasField("gte"):
        value = max(value, rules.gte)
    if rules is not None and rules.HasField("lte"):
        value = min(value, rules.lte)
    return value


def _well_known(message: Message) -> bool:
    name = message.DESCRIPTOR.full_name
    if name == TIMESTAMP:
        message.FromDatetime(datetime.now(UTC) + timedelta(days=30))  # type: ignore[attr-defined]
        return True
    if name == DURATION:
        message.FromSeconds(60)  # type: ignore[attr-defined]
        return True
    return False


def fill_valid(message: Message, *, depth: int = 0, everything: bool = False) -> Message:
    """Set what the declared rules require (required, min_len, exact_len, gte...), recursively.

    With `everything`, optional scalar and message fields are set too (to valid
    values), so a fuzzer starts from a request that reaches the domain code.
    """
    if _well_known(message) or depth > 4:
        return message
    descriptor: Descriptor = cast(Descriptor, message.DESCRIPTOR)
    for fd in descriptor.fields:
        rules = field_rules(fd)
        wanted = everything or (
            rules is not None
            and (
                rules.required
                or rules.HasField("min_len")
                or rules.HasField("exact_len")
                or rules.HasField("gte")
            )
        )
        if (
            not wanted
            or is_map(fd)
            or (fd.containing_oneof is not None and message.WhichOneof(fd.containing_oneof.name))
        ):
            continue
        if fd.message_type is not None:
            if fd.message_type.full_name == FIELD_MASK:
                continue
            if is_repeated(fd):
                count = max(_length_bounds(rules)[0], 1)
                for _ in range(count):
                    fill_valid(getattr(message, fd.name).add(), depth=depth + 1, everything=everything)
            else:
                fill_valid(getattr(message, fd.name), depth=depth + 1, everything=everything)
                getattr(message, fd.name).SetInParent()
        elif is_repeated(fd):
            count = max(_length_bounds(rules)[0], 1)
            element = valid_scalar(fd, rules if rules is not None and rules.pattern else None)
            getattr(message, fd.name).extend([element] * count)
        else:
            setattr(message, fd.name, valid_scalar(fd, rules))
    return message


def valid_request(method: RpcMethod, *, everything: bool = False) -> Message:
    request = method.request_class()()
    return fill_valid(request, everything=everything)


def string_fields(
    descriptor: Descriptor, *, prefix: str = "", depth: int = 1
) -> Iterator[tuple[str, FieldDescriptor]]:
    """Dotted paths of the singular string fields of a message and of its singular message fields."""
    for fd in descriptor.fields:
        if fd.type == FieldDescriptor.TYPE_STRING and not is_repeated(fd):
            yield prefix + fd.name, fd
        elif fd.message_type is not None and not is_repeated(fd) and depth > 0 and not is_map(fd):
            yield from string_fields(fd.message_type, prefix=f"{prefix}{fd.name}.", depth=depth - 1)


def set_path(message: Message, path: str, value: Any) -> None:
    *parents, leaf = path.split(".")
    target = message
    for part in parents:
        target = getattr(target, part)
    setattr(target, leaf, value)


# --- calling any method ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What one call came back with."""

    code: grpc.StatusCode
    reason: str = ""
    domain: str = ""
    has_error_info: bool = False
    details: str = ""
    response: bytes = b""
    blamed: frozenset[str] = frozenset()
    """Request fields the refusal names: BadRequest field violations, ErrorInfo's `field`."""
    write_race: bool = False
    """The client's lost write race (`lost_to_a_write_race`), not an answer of the server."""

    @property
    def ok(self) -> bool:
        return self.code == grpc.StatusCode.OK

    def __str__(self) -> str:
        if self.ok:
            return "OK"
        info = f"{self.reason}@{self.domain}" if self.has_error_info else "no ErrorInfo"
        return f"{self.code.name} {info} ({self.details[:120]!r})"


def _outcome_of_error(error: grpc.aio.AioRpcError) -> Outcome:
    info = None
    blamed: set[str] = set()
    try:
        status = rpc_status.from_call(error)
    except ValueError:  # the details' code disagrees with the call's: no trustworthy status
        status = None
    for packed in status.details if status is not None else ():
        if packed.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            packed.Unpack(info)
            if "field" in info.metadata:
                blamed.add(info.metadata["field"])
        elif packed.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            packed.Unpack(bad)
            blamed.update(violation.field for violation in bad.field_violations)
    return Outcome(
        code=error.code(),
        reason=info.reason if info is not None else "",
        domain=info.domain if info is not None else "",
        has_error_info=info is not None and bool(info.reason),
        details=error.details() or "",
        blamed=frozenset(blamed),
        write_race=lost_to_a_write_race(error),
    )


STREAM_FIRST_MESSAGE_S = 1.0
"""How long a server-streaming call may stay silent before it counts as accepted (a watch waits for news)."""


CORE_WRITE_RACE = "Internal error from Core"
"""What grpc.aio's client reports, with no ErrorInfo, when its write on a client
or bidi stream loses the race against the server ending the call (a refusal
before the handler reads): the client's own failure, not the server's status."""


def lost_to_a_write_race(error: grpc.aio.AioRpcError) -> bool:
    """grpc.aio's own INTERNAL, not the server's: the server ended the call while a message was
    being sent, and the client library replaced the server's status with the failed send's
    (grpc/aio/_call.py `_write` sets an internal error: details CORE_WRITE_RACE, debug string
    "Failed execute_batch"). The one test of that race for every suite."""
    if error.code() != grpc.StatusCode.INTERNAL:
        return False
    if any(key == "grpc-status-details-bin" for key, _ in error.trailing_metadata() or ()):
        return False  # a status the server sent, with its details
    return error.details() == CORE_WRITE_RACE or "execute_batch" in (error.debug_error_string() or "")


async def invoke(
    channel: grpc.aio.Channel,
    method: RpcMethod,
    request: Message | bytes,
    metadata: Sequence[tuple[str, str]] = (),
    *,
    timeout: float = 30.0,
) -> Outcome:
    """Call `method` with `request` (a message, or raw bytes sent as they are).

    A client-streaming method gets `request` as the only message of its stream;
    of a server-streaming method the first message (or the status) is read. A
    client-streaming or bidi call whose only answer is the client's lost write
    race is made again
    (at most eight times, a little later each time: a busy host loses the race
    three times in a row now and then), so the server's own status is what is
    judged.
    """
    for attempt in range(7 if method.client_streaming else 0):
        outcome = await _invoke_once(channel, method, request, metadata, timeout=timeout)
        if not outcome.write_race:
            return outcome
        await asyncio.sleep(0.01 * (attempt + 1))
    return await _invoke_once(channel, method, request, metadata, timeout=timeout)


async def _invoke_once(
    channel: grpc.aio.Channel,
    method: RpcMethod,
    request: Message | bytes,
    metadata: Sequence[tuple[str, str]],
    *,
    timeout: float,
) -> Outcome:
    payload = request if isinstance(request, bytes) else request.SerializeToString()
    options: dict[str, Any] = {"request_serializer": None, "response_deserializer": None}
    call: Any
    if method.client_streaming:
        # Written by hand, not from a request iterator: a server that refuses
        # before reading (a bad token) may end the call while grpc's iterator
        # task still writes, and the client then reports that failed write
        # (INTERNAL "Internal error from Core") instead of the server's status.
        streaming = channel.stream_stream if method.server_streaming else channel.stream_unary
        call = streaming(method.path, **options)(metadata=tuple(metadata), timeout=timeout)
        try:
            await call.write(payload)
            await call.done_writing()
        except (grpc.aio.AioRpcError, asyncio.InvalidStateError):
            pass  # the call already ended: reading below gets its status
    elif method.server_streaming:
        call = channel.unary_stream(method.path, **options)(
            payload, metadata=tuple(metadata), timeout=timeout
        )
    else:
        call = channel.unary_unary(method.path, **options)(payload, metadata=tuple(metadata), timeout=timeout)
    if not method.server_streaming:
        try:
            response = await call
        except grpc.aio.AioRpcError as error:
            return _outcome_of_error(error)
        return Outcome(grpc.StatusCode.OK, response=cast(bytes, response))
    try:
        first = await asyncio.wait_for(call.read(), STREAM_FIRST_MESSAGE_S)
    except TimeoutError:
        call.cancel()
        return Outcome(grpc.StatusCode.OK)  # the stream is open and waiting: accepted
    except grpc.aio.AioRpcError as error:
        return _outcome_of_error(error)
    call.cancel()
    if first is grpc.aio.EOF:
        code = await call.code()
        if code != grpc.StatusCode.OK:
            return Outcome(code, details=await call.details() or "")
        return Outcome(grpc.StatusCode.OK)
    return Outcome(grpc.StatusCode.OK, response=cast(bytes, first))


def bearer(token: str) -> tuple[tuple[str, str], ...]:
    return (("authorization", f"Bearer {token}"),)


JSON_FIELD = re.compile(r"(json|_data$|^data$|sbom|osv|payload|document|manifest)", re.IGNORECASE)
"""Field names that carry JSON (or a format that may be JSON, such as an SBOM) by the contracts' naming."""
