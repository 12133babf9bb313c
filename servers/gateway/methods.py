"""The methods the gateway serves, read from the descriptor pool: nothing here names one.

Each served service's methods become a route `/<package.Service>/<Method>`
with the request and response message classes (for proto3 JSON) and the
call's shape (unary or streaming on either side).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

import grpc
from google.protobuf import descriptor_pool, json_format, message_factory
from google.protobuf.descriptor import MethodDescriptor
from google.protobuf.descriptor_pb2 import MethodOptions
from google.protobuf.message import DecodeError, Message

from jipan.servers.gateway.protocol import ConnectError
from jipan.servers.runtime.untrusted import json_depth_exceeds

MAX_JSON_DEPTH: Final = 64
"""Deeper request JSON is refused before the (recursive) parser sees it."""


class Shape(enum.Enum):
    UNARY = "unary"
    SERVER_STREAMING = "server_streaming"
    CLIENT_STREAMING = "client_streaming"
    BIDI_STREAMING = "bidi_streaming"


@dataclass(frozen=True)
class Method:
    """One served method: its path, shape and message types."""

    path: str
    descriptor: MethodDescriptor
    request_type: type[Message]
    response_type: type[Message]

    @property
    def shape(self) -> Shape:
        if self.descriptor.client_streaming:
            return Shape.BIDI_STREAMING if self.descriptor.server_streaming else Shape.CLIENT_STREAMING
        return Shape.SERVER_STREAMING if self.descriptor.server_streaming else Shape.UNARY

    @property
    def side_effect_free(self) -> bool:
        """Declared `idempotency_level = NO_SIDE_EFFECTS`: callable with Connect's GET."""
        options = self.descriptor.GetOptions()
        return bool(options.idempotency_level == MethodOptions.NO_SIDE_EFFECTS)

    def request_from_json(self, data: bytes) -> bytes:
        """A proto3 JSON request as the message's binary encoding; bad JSON (or UTF-8) is INVALID_ARGUMENT."""
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ConnectError(
                grpc.StatusCode.INVALID_ARGUMENT,
                f"request JSON is not UTF-8 (byte {exc.start})",
                metadata={"message_type": self.request_type.DESCRIPTOR.full_name},
            ) from None
        if not text.strip():
            return b""  # an empty body is the empty message, as in the binary encoding
        if json_depth_exceeds(text, MAX_JSON_DEPTH):
            raise ConnectError(
                grpc.StatusCode.INVALID_ARGUMENT, f"request JSON nests deeper than {MAX_JSON_DEPTH} levels"
            )
        try:
            # Unknown fields are ignored, as connect-go and connect-es do: a
            # newer client's field must not break an older server.
            message = json_format.Parse(text, self.request_type(), ignore_unknown_fields=True)
        except (json_format.ParseError, RecursionError, ValueError) as exc:
            raise ConnectError(
                grpc.StatusCode.INVALID_ARGUMENT,
                f"request is not a {self.request_type.DESCRIPTOR.full_name} in proto3 JSON: {exc}",
                metadata={"message_type": self.request_type.DESCRIPTOR.full_name},
            ) from None
        return message.SerializeToString()

    def response_to_json(self, raw: bytes) -> bytes:
        """The server's binary response as proto3 JSON (field names in lowerCamelCase)."""
        try:
            message = self.response_type.FromString(raw)
        except DecodeError as exc:  # the server's bytes: not the caller's fault
            raise ConnectError(
                grpc.StatusCode.INTERNAL, f"the server's response did not decode: {exc}"
            ) from None
        return json_format.MessageToJson(message, indent=None, ensure_ascii=False).encode("utf-8")


def served_methods(service_names: Iterable[str]) -> dict[str, Method]:
    """`/<service>/<method>` → Method for every method of the named services (in the default pool)."""
    pool = descriptor_pool.Default()
    methods: dict[str, Method] = {}
    for service_name in service_names:
        try:
            service = pool.FindServiceByName(service_name)
        except KeyError:
            continue  # a service served without a descriptor in this process (none today)
        for descriptor in service.methods:
            path = f"/{service.full_name}/{descriptor.name}"
            methods[path] = Method(
                path=path,
                descriptor=descriptor,
                request_type=message_factory.GetMessageClass(descriptor.input_type),
                response_type=message_factory.GetMessageClass(descriptor.output_type),
            )
    return methods
