"""The Connect protocol's wire rules, apart from any HTTP server (connectrpc.com/docs/protocol).

Codes and their HTTP statuses, the error JSON (with `google.rpc` details as
`{"type", "value", "debug"}`), the five-byte envelopes of streaming bodies and
their end-of-stream message, `Connect-Timeout-Ms`, and which headers travel
to gRPC as metadata and back.
"""

from __future__ import annotations

import base64
import binascii
import json
import struct
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import grpc
from google.protobuf import any_pb2, json_format
from google.rpc import error_details_pb2, status_pb2

from jipan.servers.runtime.errors import COMMON_DOMAIN

# gRPC status → (Connect code, HTTP status of a unary error). Connect spells
# CANCELLED "canceled".
_CODES: Final[dict[grpc.StatusCode, tuple[str, int]]] = {
    grpc.StatusCode.CANCELLED: ("canceled", 499),
    grpc.StatusCode.UNKNOWN: ("unknown", 500),
    grpc.StatusCode.INVALID_ARGUMENT: ("invalid_argument", 400),
    grpc.StatusCode.DEADLINE_EXCEEDED: ("deadline_exceeded", 504),
    grpc.StatusCode.NOT_FOUND: ("not_found", 404),
    grpc.StatusCode.ALREADY_EXISTS: ("already_exists", 409),
    grpc.StatusCode.PERMISSION_DENIED: ("permission_denied", 403),
    grpc.StatusCode.RESOURCE_EXHAUSTED: ("resource_exhausted", 429),
    grpc.StatusCode.FAILED_PRECONDITION: ("failed_precondition", 400),
    grpc.StatusCode.ABORTED: ("aborted", 409),
    grpc.StatusCode.OUT_OF_RANGE: ("out_of_range", 400),
    grpc.StatusCode.UNIMPLEMENTED: ("unimplemented", 501),
    grpc.StatusCode.INTERNAL: ("internal", 500),
    grpc.StatusCode.UNAVAILABLE: ("unavailable", 503),
    grpc.StatusCode.DATA_LOSS: ("data_loss", 500),
    grpc.StatusCode.UNAUTHENTICATED: ("unauthenticated", 401),
}
CODE_BY_NAME: Final = {name: code for code, (name, _status) in _CODES.items()}

# Envelope flags (Connect streaming bodies).
FLAG_COMPRESSED: Final = 0b01
FLAG_END_STREAM: Final = 0b10
_ENVELOPE: Final = struct.Struct(">BI")

MAX_TIMEOUT_DIGITS: Final = 10

# Request headers that become gRPC metadata: the caller's credentials, request
# id and trace context. Everything else a browser sends (cookies, user agent,
# sec-fetch-*) stays at the gateway. `x-jipan-*` is open for clients' own.
FORWARDED_HEADERS: Final = frozenset({"authorization", "x-request-id", "traceparent", "tracestate"})
FORWARDED_PREFIX: Final = "x-jipan-"
# Response metadata never shown as headers: gRPC's own and the pseudo ones.
_HIDDEN_METADATA_PREFIXES: Final = ("grpc-", ":")
_HIDDEN_METADATA: Final = frozenset({"content-type", "te", "user-agent"})


# The ErrorInfo reason (jipan.common.v1.ErrorReason, without its prefix) of
# each kind of refusal the gateway makes itself, by code.
_REASONS: Final = {
    grpc.StatusCode.INVALID_ARGUMENT: "REQUEST_MALFORMED",
    grpc.StatusCode.UNIMPLEMENTED: "NOT_IMPLEMENTED",
    grpc.StatusCode.RESOURCE_EXHAUSTED: "REQUEST_TOO_LARGE",
    grpc.StatusCode.PERMISSION_DENIED: "ORIGIN_NOT_ALLOWED",
    grpc.StatusCode.INTERNAL: "INTERNAL",
}


class ConnectError(Exception):
    """A refusal the gateway itself makes (bad framing, size, unknown method), in Connect terms.

    It carries an ErrorInfo in the common domain like the servers' refusals
    (none for a deadline already past: gRPC's own deadline errors have none).
    """

    def __init__(
        self,
        code: grpc.StatusCode,
        message: str,
        *,
        http_status: int | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.http_status = http_status if http_status is not None else http_status_of(code)
        self.metadata = dict(metadata or {})

    def details(self) -> list[any_pb2.Any]:
        reason = _REASONS.get(self.code)
        if reason is None:
            return []
        packed = any_pb2.Any()
        packed.Pack(error_details_pb2.ErrorInfo(reason=reason, domain=COMMON_DOMAIN, metadata=self.metadata))
        return [packed]


def code_name(code: grpc.StatusCode) -> str:
    return _CODES.get(code, ("unknown", 500))[0]


def http_status_of(code: grpc.StatusCode) -> int:
    return _CODES.get(code, ("unknown", 500))[1]


def b64(raw: bytes) -> str:
    """Standard base64 without padding: what Connect asks implementations to emit."""
    return base64.b64encode(raw).decode("ascii").rstrip("=")


def unb64(text: str) -> bytes:
    """Standard or URL-safe base64, padded or not (Connect: accept all four)."""
    cleaned = text.strip().replace("-", "+").replace("_", "/")
    return base64.b64decode(cleaned + "=" * (-len(cleaned) % 4), validate=True)


def _detail_json(packed: any_pb2.Any) -> dict[str, Any]:
    type_name = packed.type_url.rpartition("/")[2]
    detail: dict[str, Any] = {"type": type_name, "value": b64(packed.value)}
    # `debug`: the detail as JSON where its type is known (connect-go's and
    # connect-es's clients ignore it; people reading the network panel do not).
    try:
        debug = json.loads(json_format.MessageToJson(packed, indent=None))
    except (TypeError, KeyError, json_format.Error):  # a type this process does not know
        return detail
    debug.pop("@type", None)
    detail["debug"] = debug
    return detail


@dataclass
class ErrorReply:
    """A failed call: its code, message, `google.rpc` details and metadata."""

    code: grpc.StatusCode
    message: str
    details: Sequence[any_pb2.Any] = ()
    headers: list[tuple[str, str]] = field(default_factory=list)
    """Initial metadata (sent as HTTP headers)."""
    trailers: list[tuple[str, str]] = field(default_factory=list)
    """Trailing metadata (unary: `trailer-` headers; streams: the end-stream metadata)."""

    @classmethod
    def of(cls, error: ConnectError) -> ErrorReply:
        return cls(error.code, error.message, error.details())

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"code": code_name(self.code)}
        if self.message:
            body["message"] = self.message
        if self.details:
            body["details"] = [_detail_json(detail) for detail in self.details]
        return body


def status_details(status_bin: bytes | None) -> list[any_pb2.Any]:
    """The details of a `grpc-status-details-bin` trailer (empty when absent or unreadable)."""
    if not status_bin:
        return []
    status = status_pb2.Status()
    try:
        status.ParseFromString(status_bin)
    except Exception:  # a peer's malformed trailer: the code and message still stand
        return []
    return list(status.details)


def envelope(payload: bytes, flags: int = 0) -> bytes:
    return _ENVELOPE.pack(flags, len(payload)) + payload


def end_stream(error: ErrorReply | None, trailers: Iterable[tuple[str, str]]) -> bytes:
    """The end-of-stream envelope: `{"error": ..., "metadata": {...}}` (JSON whatever the codec)."""
    message: dict[str, Any] = {}
    if error is not None:
        message["error"] = error.body()
    metadata: dict[str, list[str]] = {}
    for key, value in trailers:
        metadata.setdefault(key, []).append(value)
    if metadata:
        message["metadata"] = metadata
    return envelope(json.dumps(message, separators=(",", ":")).encode(), FLAG_END_STREAM)


def split_envelopes(body: bytes) -> Iterator[tuple[int, bytes]]:
    """(flags, payload) of each envelope of a whole request body; a torn one is refused."""
    offset = 0
    while offset < len(body):
        if len(body) - offset < _ENVELOPE.size:
            raise ConnectError(
                grpc.StatusCode.INVALID_ARGUMENT, "request body ends inside an envelope prefix"
            )
        flags, length = _ENVELOPE.unpack_from(body, offset)
        offset += _ENVELOPE.size
        if len(body) - offset < length:
            raise ConnectError(
                grpc.StatusCode.INVALID_ARGUMENT,
                f"request envelope declares {length} bytes but {len(body) - offset} follow",
            )
        yield flags, body[offset : offset + length]
        offset += length


def timeout_s(header: str | None) -> float | None:
    """`Connect-Timeout-Ms` in seconds (None when absent); malformed values are refused."""
    if header is None:
        return None
    # isdigit() alone takes "²" and other non-ASCII digits that int() refuses.
    if not (header.isascii() and header.isdigit()) or len(header) > MAX_TIMEOUT_DIGITS:
        raise ConnectError(
            grpc.StatusCode.INVALID_ARGUMENT,
            f"Connect-Timeout-Ms must be a positive integer of at most {MAX_TIMEOUT_DIGITS} digits",
        )
    return int(header) / 1000.0


_GRPC_TIMEOUT_UNITS: Final = {"H": 3600.0, "M": 60.0, "S": 1.0, "m": 1e-3, "u": 1e-6, "n": 1e-9}


def grpc_timeout_s(header: str | None) -> float | None:
    """gRPC-Web's `grpc-timeout` (up to 8 digits and a unit) in seconds; None when absent."""
    if header is None:
        return None
    value, unit = header[:-1], header[-1:]
    if not (value.isascii() and value.isdigit()) or len(value) > 8 or unit not in _GRPC_TIMEOUT_UNITS:
        raise ConnectError(grpc.StatusCode.INVALID_ARGUMENT, f"grpc-timeout {header!r} is malformed")
    if int(value) == 0:
        raise ConnectError(grpc.StatusCode.DEADLINE_EXCEEDED, "grpc-timeout is 0: the deadline has passed")
    return int(value) * _GRPC_TIMEOUT_UNITS[unit]


# gRPC-Web's trailers frame flag (PROTOCOL-WEB.md).
FLAG_GRPC_WEB_TRAILERS: Final = 0x80


def grpc_web_trailers(error: ErrorReply | None, trailers: Iterable[tuple[str, str]]) -> bytes:
    """gRPC-Web's trailers frame: grpc-status, grpc-message, the Status details and the metadata."""
    code = grpc.StatusCode.OK if error is None else error.code
    lines = [f"grpc-status: {code.value[0]}"]
    if error is not None:
        lines.append(f"grpc-message: {urllib.parse.quote(error.message, safe=' ')}")
        status = status_pb2.Status(code=code.value[0], message=error.message, details=list(error.details))
        lines.append(f"grpc-status-details-bin: {b64(status.SerializeToString())}")
    lines += [f"{key}: {value}" for key, value in trailers]
    return envelope("".join(f"{line}\r\n" for line in lines).encode("utf-8"), FLAG_GRPC_WEB_TRAILERS)


def forwarded_metadata(headers: Mapping[str, str]) -> list[tuple[str, str | bytes]]:
    """The request headers that travel to gRPC, as metadata."""
    forwarded: list[tuple[str, str | bytes]] = []
    for key, value in headers.items():
        name = key.lower()
        if name in FORWARDED_HEADERS or name.startswith(FORWARDED_PREFIX):
            if name.endswith("-bin"):
                try:
                    forwarded.append((name, unb64(value)))
                except (binascii.Error, ValueError):
                    raise ConnectError(
                        grpc.StatusCode.INVALID_ARGUMENT, f"header {name} is not base64"
                    ) from None
            else:
                forwarded.append((name, value))
    return forwarded


def shown_metadata(metadata: Iterable[tuple[str, str | bytes]] | None) -> list[tuple[str, str]]:
    """gRPC metadata as HTTP header pairs (binary values base64, gRPC's own keys hidden)."""
    shown: list[tuple[str, str]] = []
    for key, value in metadata or ():
        if key.startswith(_HIDDEN_METADATA_PREFIXES) or key in _HIDDEN_METADATA:
            continue
        shown.append((key, b64(value) if isinstance(value, bytes) else value))
    return shown


def status_bin_of(metadata: Iterable[tuple[str, str | bytes]] | None) -> bytes | None:
    for key, value in metadata or ():
        if key == "grpc-status-details-bin" and isinstance(value, bytes):
            return value
    return None
