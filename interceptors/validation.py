"""Validation: the `jipan.common.v1.field_rules` declared in the contract, enforced.

Last stage before the handler, so handlers only ever see requests that obey
their contract, and only authorised callers get to learn the rules.

Each request type's rules are compiled once into a list of small checks
(patterns compiled, nested message types resolved) and cached by message
type. Validation reports every violation at once, as `BadRequest` field
violations with dotted paths (`price.currency_code`, `items[2].name`), so a
client can fix a whole form in one round trip.

Some rules need no declaration: they hold for every field of every request,
present and future, because no handler or store can do anything sensible
otherwise (validation.proto lists them): no NUL in any string (PostgreSQL
text cannot hold one), every google.protobuf.Timestamp and Duration within
the range the well-known types define (datetime and PostgreSQL cannot hold
more). And a request whose bytes do not parse at all never reaches a
handler: the chain's deserializer hands over a `MalformedRequest` (see
chain.py), which this stage refuses as REQUEST_MALFORMED.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import structlog
from google.protobuf.descriptor import Descriptor, FieldDescriptor

from jipan.common.v1 import validation_pb2
from jipan.interceptors.rpc import MalformedRequest, MethodPlan, RpcCall, StreamResponder, UnaryResponder
from jipan.servers.runtime.errors import FieldViolation, InvalidArgument

log = structlog.get_logger(__name__)

FIELD_INVALID = "FIELD_INVALID"
REQUEST_MALFORMED = "REQUEST_MALFORMED"

# The ranges google/protobuf/timestamp.proto and duration.proto define.
TIMESTAMP = "google.protobuf.Timestamp"
DURATION = "google.protobuf.Duration"
_TIMESTAMP_MIN_S = -62_135_596_800  # 0001-01-01T00:00:00Z
_TIMESTAMP_MAX_S = 253_402_300_799  # 9999-12-31T23:59:59Z
_DURATION_MAX_S = 315_576_000_000  # 10 000 years
_NANOS = 1_000_000_000

# Canonical text form, any version (the rule says "any version").
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")

_NUMBER_TYPES = frozenset(
    {
        FieldDescriptor.TYPE_DOUBLE,
        FieldDescriptor.TYPE_FLOAT,
        FieldDescriptor.TYPE_INT64,
        FieldDescriptor.TYPE_UINT64,
        FieldDescriptor.TYPE_INT32,
        FieldDescriptor.TYPE_FIXED64,
        FieldDescriptor.TYPE_FIXED32,
        FieldDescriptor.TYPE_UINT32,
        FieldDescriptor.TYPE_SFIXED32,
        FieldDescriptor.TYPE_SFIXED64,
        FieldDescriptor.TYPE_SINT32,
        FieldDescriptor.TYPE_SINT64,
    }
)
_MESSAGE_TYPES = frozenset({FieldDescriptor.TYPE_MESSAGE, FieldDescriptor.TYPE_GROUP})

Violations = list[FieldViolation]
# A compiled check: (message, path prefix such as "items[2].", violations found so far).
Check = Callable[[Any, str, Violations], None]
# A check of one value (an element of a repeated field, or a singular field's value).
ValueCheck = Callable[[Any, str, Violations], None]


def _anchor_end(pattern: str) -> str:
    # In Python `$` also matches before a trailing newline, so "^[A-Z]{3}$"
    # would accept "USD\n". The author anchored on purpose; make the final
    # anchor mean the end of the string.
    if pattern.endswith("$"):
        backslashes = len(pattern) - 1 - len(pattern[:-1].rstrip("\\"))
        if backslashes % 2 == 0:
            return pattern[:-1] + r"\Z"
    return pattern


@dataclass(slots=True)
class _MessageRules:
    full_name: str
    checks: list[Check] = field(default_factory=list)
    compiling: bool = True

    def check(self, message: Any, prefix: str, violations: Violations) -> None:
        for check in self.checks:
            check(message, prefix, violations)


class _Compiler:
    def __init__(self) -> None:
        self._rules: dict[str, _MessageRules] = {}

    def rules_for(self, descriptor: Descriptor) -> _MessageRules:
        existing = self._rules.get(descriptor.full_name)
        if existing is not None:
            return existing  # compiled, or being compiled higher up a recursive type
        rules = _MessageRules(descriptor.full_name)
        self._rules[descriptor.full_name] = rules
        whole = _WHOLE_MESSAGE_CHECKS.get(descriptor.full_name)
        if whole is not None:
            rules.checks.append(whole)
        else:
            for fd in descriptor.fields:
                rules.checks.extend(self._field_checks(fd))
        rules.compiling = False
        return rules

    def _nested(self, fd: FieldDescriptor) -> _MessageRules | None:
        nested = self.rules_for(_message_type(fd))
        # A type still compiling is recursive: keep the check (it fills in);
        # a finished type with no checks costs nothing to skip.
        return nested if nested.checks or nested.compiling else None

    def _field_checks(self, fd: FieldDescriptor) -> list[Check]:
        options = fd.GetOptions()
        declared = options.HasExtension(validation_pb2.field_rules)
        rules = options.Extensions[validation_pb2.field_rules] if declared else None
        name = fd.name
        is_map = fd.type in _MESSAGE_TYPES and _message_type(fd).GetOptions().map_entry
        checks: list[Check] = []

        if fd.is_repeated:
            element = self._element_check(fd, rules, repeated=True) if not is_map else None
            if rules is not None:
                checks.extend(_count_checks(name, rules))
            if element is not None:
                checks.append(_each_element(name, element))
            if is_map:
                entry = _message_type(fd)
                key_fd, value_fd = entry.fields_by_name["key"], entry.fields_by_name["value"]
                key_check = _nul_check if key_fd.type == FieldDescriptor.TYPE_STRING else None
                value_check: ValueCheck | None = None
                if value_fd.type in _MESSAGE_TYPES:
                    nested = self._nested(value_fd)
                    if nested is not None:
                        value_check = _message_value(nested)
                elif value_fd.type == FieldDescriptor.TYPE_STRING:
                    value_check = _nul_check
                if key_check is not None or value_check is not None:
                    checks.append(_each_map_entry(name, key_check, value_check))
            return checks

        if fd.type in _MESSAGE_TYPES:
            if rules is not None and rules.required:
                checks.append(_required_message(name))
            nested = self._nested(fd)
            if nested is not None:
                checks.append(_present_message(name, nested))
            return checks

        if rules is not None and rules.required:
            checks.append(_required_value(name, fd.has_presence))
        value_check = self._element_check(fd, rules, repeated=False)
        if value_check is not None:
            checks.append(_singular_value(name, value_check, fd.has_presence))
        return checks

    def _element_check(
        self, fd: FieldDescriptor, rules: validation_pb2.FieldRules | None, *, repeated: bool
    ) -> ValueCheck | None:
        """The rules that apply to each value (each element of a repeated field)."""
        if fd.type in _MESSAGE_TYPES:
            nested = self._nested(fd)
            if nested is None:
                return None
            return _message_value(nested)
        parts: list[ValueCheck] = []
        if fd.type == FieldDescriptor.TYPE_STRING:
            parts.append(_nul_check)  # declared or not
        if rules is None:
            return parts[0] if parts else None
        if fd.type == FieldDescriptor.TYPE_BYTES and rules.utf8_text:
            parts.append(_utf8_text_check)
        if rules.utf8_text and fd.type != FieldDescriptor.TYPE_BYTES:
            _misplaced(fd, "utf8_text applies to bytes (strings are always UTF-8)")
        if fd.type in (FieldDescriptor.TYPE_STRING, FieldDescriptor.TYPE_BYTES):
            unit = "characters" if fd.type == FieldDescriptor.TYPE_STRING else "bytes"
            if not repeated:  # on a repeated field, lengths count items (see _count_checks)
                parts.extend(_length_checks(rules, unit))
            if rules.pattern or rules.uuid:
                if fd.type == FieldDescriptor.TYPE_BYTES:
                    _misplaced(fd, "pattern/uuid apply to strings")
                else:
                    if rules.pattern:
                        parts.append(_pattern_check(fd, rules.pattern))
                    if rules.uuid:
                        parts.append(_uuid_check)
        elif fd.type in _NUMBER_TYPES or fd.type == FieldDescriptor.TYPE_ENUM:
            parts.extend(_bound_checks(rules))
            if rules.defined_only:
                if fd.type == FieldDescriptor.TYPE_ENUM and fd.enum_type is not None:
                    parts.append(_defined_check(frozenset(v.number for v in fd.enum_type.values)))
                else:
                    _misplaced(fd, "defined_only applies to enums")
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0]

        def all_of(value: Any, path: str, out: Violations) -> None:
            for part in parts:
                part(value, path, out)

        return all_of


def _message_type(fd: FieldDescriptor) -> Descriptor:
    message_type = fd.message_type
    assert message_type is not None, fd.full_name  # message fields always have one
    return message_type


def _misplaced(fd: FieldDescriptor, why: str) -> None:
    # A contract mistake, not the caller's: ignore the rule, say so once.
    log.warning("field rule ignored", field=fd.full_name, why=why)


def _violation(out: Violations, path: str, rule: str, description: str) -> None:
    out.append(FieldViolation(field=path, description=description, reason=rule))


# --- checks on one value -------------------------------------------------------------------------


def _length_checks(rules: validation_pb2.FieldRules, unit: str) -> list[ValueCheck]:
    checks: list[ValueCheck] = []
    # Lengths apply only to non-empty values; emptiness is `required`'s business.
    if rules.HasField("exact_len"):
        exact = rules.exact_len

        def exact_len(value: Any, path: str, out: Violations) -> None:
            if value and len(value) != exact:
                _violation(out, path, "EXACT_LEN", f"must be exactly {exact} {unit}")

        checks.append(exact_len)
    if rules.HasField("min_len"):
        minimum = rules.min_len

        def min_len(value: Any, path: str, out: Violations) -> None:
            if value and len(value) < minimum:
                _violation(out, path, "MIN_LEN", f"must be at least {minimum} {unit}")

        checks.append(min_len)
    if rules.HasField("max_len"):
        maximum = rules.max_len

        def max_len(value: Any, path: str, out: Violations) -> None:
            if len(value) > maximum:
                _violation(out, path, "MAX_LEN", f"must be at most {maximum} {unit}")

        checks.append(max_len)
    return checks


def _pattern_check(fd: FieldDescriptor, pattern: str) -> ValueCheck:
    try:
        compiled = re.compile(_anchor_end(pattern))
    except re.error as exc:
        raise ValueError(f"{fd.full_name}: invalid pattern {pattern!r} in field_rules: {exc}") from exc

    def matches(value: Any, path: str, out: Violations) -> None:
        if value and compiled.search(value) is None:
            _violation(out, path, "PATTERN", f"must match {pattern}")

    return matches


def _nul_check(value: Any, path: str, out: Violations) -> None:
    if "\x00" in value:
        _violation(out, path, "NUL", "must not contain NUL (U+0000)")


def _utf8_text_check(value: Any, path: str, out: Violations) -> None:
    if b"\x00" in value:
        _violation(out, path, "UTF8_TEXT", "must be text: it contains a NUL byte")
        return
    try:
        value.decode("utf-8")
    except UnicodeDecodeError as exc:
        _violation(out, path, "UTF8_TEXT", f"must be UTF-8 text: invalid byte at offset {exc.start}")


def _message_value(nested: _MessageRules) -> ValueCheck:
    def check(value: Any, path: str, out: Violations) -> None:
        nested.check(value, path + ".", out)

    return check


# --- well-known types checked as a whole -----------------------------------------------------------
# Called like any message's checks, with the prefix "field." of the field that holds the value.


def _timestamp_range(message: Any, prefix: str, out: Violations) -> None:
    if not (_TIMESTAMP_MIN_S <= message.seconds <= _TIMESTAMP_MAX_S and 0 <= message.nanos < _NANOS):
        _violation(
            out,
            prefix[:-1],
            "TIMESTAMP_RANGE",
            "must be a timestamp from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z"
            " with nanos in [0, 999999999]",
        )


def _duration_range(message: Any, prefix: str, out: Violations) -> None:
    seconds, nanos = message.seconds, message.nanos
    if not (
        -_DURATION_MAX_S <= seconds <= _DURATION_MAX_S
        and -_NANOS < nanos < _NANOS
        and not (seconds > 0 and nanos < 0)
        and not (seconds < 0 and nanos > 0)
    ):
        _violation(
            out,
            prefix[:-1],
            "DURATION_RANGE",
            "must be a duration within +-315576000000 s, nanos in (-1e9, 1e9) with the sign of seconds",
        )


_WHOLE_MESSAGE_CHECKS: dict[str, Check] = {TIMESTAMP: _timestamp_range, DURATION: _duration_range}


def _uuid_check(value: Any, path: str, out: Violations) -> None:
    if value and _UUID.fullmatch(value) is None:
        _violation(out, path, "UUID", "must be a UUID (8-4-4-4-12 hex digits)")


def _bound_checks(rules: validation_pb2.FieldRules) -> list[ValueCheck]:
    checks: list[ValueCheck] = []
    if rules.HasField("gte"):
        low = rules.gte

        def gte(value: Any, path: str, out: Violations) -> None:
            if not value >= low:  # `not >=` so that NaN fails too
                _violation(out, path, "GTE", f"must be >= {low}")

        checks.append(gte)
    if rules.HasField("lte"):
        high = rules.lte

        def lte(value: Any, path: str, out: Violations) -> None:
            if not value <= high:
                _violation(out, path, "LTE", f"must be <= {high}")

        checks.append(lte)
    return checks


def _defined_check(numbers: frozenset[int]) -> ValueCheck:
    def defined(value: Any, path: str, out: Violations) -> None:
        if value not in numbers:
            _violation(out, path, "DEFINED_ONLY", "must be one of the enum's declared values")

    return defined


# --- checks on one field of a message ------------------------------------------------------------


def _required_value(name: str, has_presence: bool) -> Check:
    def required(message: Any, prefix: str, out: Violations) -> None:
        present = message.HasField(name) if has_presence else bool(getattr(message, name))
        if not present:
            _violation(out, prefix + name, "REQUIRED", "is required")

    return required


def _singular_value(name: str, value_check: ValueCheck, has_presence: bool) -> Check:
    def check(message: Any, prefix: str, out: Violations) -> None:
        # A field with presence that is unset has no value to judge.
        if has_presence and not message.HasField(name):
            return
        value_check(getattr(message, name), prefix + name, out)

    return check


def _required_message(name: str) -> Check:
    def required(message: Any, prefix: str, out: Violations) -> None:
        if not message.HasField(name):
            _violation(out, prefix + name, "REQUIRED", "is required")

    return required


def _present_message(name: str, nested: _MessageRules) -> Check:
    def check(message: Any, prefix: str, out: Violations) -> None:
        if message.HasField(name):
            nested.check(getattr(message, name), prefix + name + ".", out)

    return check


def _count_checks(name: str, rules: validation_pb2.FieldRules) -> list[Check]:
    checks: list[Check] = []
    if rules.required:

        def required(message: Any, prefix: str, out: Violations) -> None:
            if not getattr(message, name):
                _violation(out, prefix + name, "REQUIRED", "needs at least one item")

        checks.append(required)
    for check in _length_checks(rules, "items"):

        def counted(message: Any, prefix: str, out: Violations, check: ValueCheck = check) -> None:
            check(getattr(message, name), prefix + name, out)

        checks.append(counted)
    return checks


def _each_element(name: str, element: ValueCheck) -> Check:
    def check(message: Any, prefix: str, out: Violations) -> None:
        for index, value in enumerate(getattr(message, name)):
            element(value, f"{prefix}{name}[{index}]", out)

    return check


def _each_map_entry(name: str, key_check: ValueCheck | None, value_check: ValueCheck | None) -> Check:
    def check(message: Any, prefix: str, out: Violations) -> None:
        container = getattr(message, name)
        for key in container:
            shown = repr(key) if isinstance(key, str) and "\x00" in key else key  # paths stay printable
            path = f"{prefix}{name}[{shown}]"
            if key_check is not None:
                key_check(key, path, out)
            if value_check is not None:
                value_check(container[key], path, out)

    return check


# --- entry points --------------------------------------------------------------------------------


class RequestValidator:
    """Validates messages of one type; raises InvalidArgument(FIELD_INVALID) with every violation."""

    __slots__ = ("_rules",)

    def __init__(self, rules: _MessageRules) -> None:
        self._rules = rules

    def violations(self, message: Any) -> list[FieldViolation]:
        found: Violations = []
        self._rules.check(message, "", found)
        return found

    def __call__(self, message: Any) -> None:
        found: Violations = []
        self._rules.check(message, "", found)
        if found:
            fields = [violation.field for violation in found]
            raise InvalidArgument(
                FIELD_INVALID,
                f"invalid request: {'; '.join(f'{v.field} {v.description}' for v in found)}",
                metadata={"fields": ",".join(fields)},
                field_violations=found,
            )


_COMPILER = _Compiler()


def validator_for(descriptor: Descriptor) -> RequestValidator | None:
    """The compiled validator of a message type, or None when it (and its nested types) declare no rules."""
    rules = _COMPILER.rules_for(descriptor)
    return RequestValidator(rules) if rules.checks else None


def malformed(request: MalformedRequest) -> InvalidArgument:
    return InvalidArgument(
        REQUEST_MALFORMED,
        f"the request bytes do not parse as {request.message_type}",
        metadata={"message_type": request.message_type, "size": str(request.size)},
    )


class ValidationStage:
    """Every method passes here: a request that did not parse is refused even where no rule is declared."""

    def wrap_unary(self, plan: MethodPlan, inner: UnaryResponder) -> UnaryResponder:
        validate = plan.validate_request
        if plan.request_streaming:

            async def validated_stream_in(requests: Any, call: RpcCall) -> Any:
                return await inner(_validated(requests, validate), call)

            return validated_stream_in

        if validate is None:

            async def parsed(request: Any, call: RpcCall) -> Any:
                if request.__class__ is MalformedRequest:
                    raise malformed(request)
                return await inner(request, call)

            return parsed

        async def validated(request: Any, call: RpcCall) -> Any:
            if request.__class__ is MalformedRequest:
                raise malformed(request)
            validate(request)
            return await inner(request, call)

        return validated

    def wrap_stream(self, plan: MethodPlan, inner: StreamResponder) -> StreamResponder:
        validate = plan.validate_request
        if plan.request_streaming:

            def validated_stream_in(requests: Any, call: RpcCall) -> AsyncIterator[Any]:
                return inner(_validated(requests, validate), call)

            return validated_stream_in

        async def validated(request: Any, call: RpcCall) -> AsyncIterator[Any]:
            if request.__class__ is MalformedRequest:
                raise malformed(request)
            if validate is not None:
                validate(request)
            async for response in inner(request, call):
                yield response

        return validated


async def _validated(requests: Any, validate: Callable[[Any], None] | None) -> AsyncIterator[Any]:
    # Client streams are checked message by message as the handler reads
    # them (through the request iterator; `context.read()` bypasses this and
    # gets a MalformedRequest as it is).
    async for request in requests:
        if request.__class__ is MalformedRequest:
            raise malformed(request)
        if validate is not None:
            validate(request)
        yield request
