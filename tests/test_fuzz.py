"""Schema-aware fuzz over every method of every registered service.

Generated from the descriptor pool (tests/descriptor_walk.py), so a method is
fuzzed the day it is registered. For each method the fuzzer starts from a
request that obeys the contract's declared field rules (every field set to a
valid value), then replaces one field at a time with hostile values chosen by
the field's type and rules:

- strings: empty, NUL, the declared maximum and one more, 1 MiB where no
  maximum is declared, non-ASCII and bidi text, `../x`, `orgs/../../x`;
  page tokens that are not ours (non-ASCII, forged);
- fields that carry JSON by their name (`*_json`, `*_data`, sbom, osv...):
  65,536 nested `[` / `{"a":` (within the declared maximum);
- bytes: empty, NUL, invalid UTF-8, a truncated zip, gzip and Parquet file;
- numbers at their type's limits, NaN and infinities; enums with unknown numbers;
- timestamps with nanos -1 or 10^9, seconds 2^53+1, years 0 and 10000;
  durations past 10,000 years; field masks naming `../x` or NUL;
- repeated fields and maps with 10,000 entries;

and it sends raw bytes that do not parse as any message. Then a fixed number of
random combinations (several hostile fields at once) per method.

Requests start from real resources: the suite's organisation is seeded with a
person, members, service accounts, a consent, a draft listing, a tender with a
bid and a ledger receipt (tests/tenants.py), and each resource field of a
method's starting request names the one the server takes (the one no refusal
blames), so hostile values reach the domain code behind an existing resource.

It asserts what must hold for any input: never INTERNAL or UNKNOWN; every
refusal carries `google.rpc.ErrorInfo` (read from grpc-status-details-bin);
undecodable bytes are INVALID_ARGUMENT `REQUEST_MALFORMED`; the server
process (a `jipan serve` subprocess, tests/subprocess_mesh.py) stays alive,
and its resident memory stays bounded. A crash is recorded with the input that
caused it, the server is restarted, and the run goes on, so one report lists
every failure class.

The last test sums up every violation by class (kind of input -> answer), and with
JIPAN_FUZZ_REPORT=path writes that summary and every violation to a file.

Budget: the seed is fixed (JIPAN_FUZZ_SEED, default 20261206) so CI runs the
same inputs every time; JIPAN_FUZZ_EXAMPLES (default 6) random combinations per
method are added to the per-field catalogue. A longer exploration:

    JIPAN_FUZZ_EXAMPLES=200 JIPAN_FUZZ_SEED=$RANDOM scripts/test tests/test_fuzz.py
"""

from __future__ import annotations

import math
import os
import random
import re
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import grpc
import pytest
from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import DecodeError, Message

from jipan.servers.runtime.server import SERVER_OPTIONS
from tests.descriptor_walk import (
    DURATION,
    FIELD_MASK,
    JSON_FIELD,
    TIMESTAMP,
    Outcome,
    RpcMethod,
    all_grants,
    bearer,
    field_rules,
    fill_valid,
    invoke,
    is_map,
    is_repeated,
    registered_methods,
    set_path,
    string_fields,
    valid_scalar,
)
from tests.subprocess_mesh import ServedMesh, served_mesh
from tests.tenants import RESOURCE_FIELD, Tenant, seed_tenant

SEED = int(os.environ.get("JIPAN_FUZZ_SEED", "20261206"))
RANDOM_EXAMPLES = int(os.environ.get("JIPAN_FUZZ_EXAMPLES", "6"))
RSS_GROWTH_LIMIT = 1536 * 1024 * 1024
"""How far the server's resident memory may grow over the run (16 MiB requests are parsed
a few times over; a leak or an unbounded parse grows without limit)."""

MiB = 1024 * 1024
DEEP = 65_536
NEVER = frozenset({grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN})

METHODS = registered_methods()
SCOPES, ROLES = all_grants(registered_methods())

UNDECODABLE = {
    "overlong-varint-tag": b"\xff" * 11,
    "truncated-length": b"\x0a\xff\xff\xff\x0f",
    "length-past-end": b"\x0a\x10abc",
    "field-number-zero": b"\x00\x01",
    "unmatched-end-group": b"\x0c",
}


@dataclass(frozen=True)
class Mutation:
    """One hostile input: `label` names it in reports, `apply` writes it into a request."""

    label: str
    apply: Callable[[Message], None]


@dataclass
class Findings:
    """Every violation seen, grouped by method and input, for one report."""

    failures: list[str] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    calls: int = 0
    peak_rss_growth: int = 0
    answers: Counter[str] = field(default_factory=Counter)
    """Every answer by code and reason: how far the inputs got (validation, the domain, OK)."""

    classes: dict[str, list[str]] = field(default_factory=dict)

    def add(self, method: RpcMethod, label: str, got: Outcome) -> None:
        self.failures.append(f"{method.id} [{label}]: {got}")
        # A class: the kind of input (the value's label, not the field) and what came back.
        kind = label.rsplit("=", 1)[-1] if "=" in label and not label.startswith("random#") else label
        answer = f"{got.code.name} {got.reason}" if got.has_error_info else f"{got.code.name} (no ErrorInfo)"
        self.classes.setdefault(f"{kind} -> {answer}", []).append(f"{method.id} {label.split('=')[0]}")

    def summary(self) -> str:
        lines = [
            f"{len(self.failures)} violations and {len(self.crashes)} crashes in {self.calls} calls;"
            f" server RSS grew by at most {self.peak_rss_growth // MiB} MiB"
        ]
        lines.append(
            "  answers: " + ", ".join(f"{what} {count}" for what, count in self.answers.most_common())
        )
        lines += [f"  CRASH {crash}" for crash in self.crashes]
        for what, where in sorted(self.classes.items(), key=lambda item: -len(item[1])):
            lines.append(f"  {what}: {len(where)}x, e.g. {', '.join(where[:4])}")
        return "\n".join(lines)


# --- hostile values by type -----------------------------------------------------------------------


def _int_limits(fd: FieldDescriptor) -> list[int]:
    if fd.cpp_type == FieldDescriptor.CPPTYPE_INT32:
        return [-1, -(2**31), 2**31 - 1]
    if fd.cpp_type == FieldDescriptor.CPPTYPE_INT64:
        return [-1, -(2**63), 2**63 - 1, 2**53 + 1]
    if fd.cpp_type == FieldDescriptor.CPPTYPE_UINT32:
        return [2**32 - 1]
    return [2**64 - 1, 2**63]


def _string_values(fd: FieldDescriptor) -> Iterator[tuple[str, str]]:
    rules = field_rules(fd)
    limit = rules.max_len if rules is not None and rules.HasField("max_len") else None
    yield "empty", ""
    yield "nul", "\x00"
    yield "nul-inside", "ab\x00cd"
    yield "non-ascii", "頁碼🙂\u202etxt"
    yield "dot-dot", "../x"
    yield "name-escape", "orgs/../../x"
    if limit is not None:
        yield "at-max-len", "x" * limit
        yield "over-max-len", "x" * (limit + 1)
    else:
        yield "one-mib", "x" * MiB
    if rules is not None and rules.pattern:
        valid = str(valid_scalar(fd, rules))
        yield "valid-plus-nul", valid + "\x00"
        yield "valid-plus-newline", valid + "\n"
    if JSON_FIELD.search(fd.name):
        depth = min(DEEP, limit or DEEP)
        yield "deep-json-array", "[" * depth
        yield "deep-json-object", '{"a":' * (depth // 5)
    if fd.name.endswith("page_token"):
        # Shaped like ours (body.mac) so that they get past a first split on the dot.
        yield "page-token-non-ascii", "ページ.トークン"
        yield "page-token-non-ascii-mac", "eyJ2IjoxfQ.ページ"
        yield "page-token-padded", "eyJ2IjoxfQ==.AAAAAAAAAAAAAAAAAAAAAAAAAAA"
        yield "page-token-forged", "eyJ2IjoxLCJxIjoieCIsInAiOnt9fQ.forged"


def _bytes_values(fd: FieldDescriptor) -> Iterator[tuple[str, bytes]]:
    rules = field_rules(fd)
    limit = rules.max_len if rules is not None and rules.HasField("max_len") else None
    yield "empty", b""
    yield "nul", b"\x00"
    yield "invalid-utf8", b"\xff\xfe\xfd"
    yield "truncated-zip", b"PK\x03\x04" + bytes(64)
    yield "truncated-gzip", b"\x1f\x8b\x08\x00" + bytes(64)
    yield "truncated-parquet", b"PAR1" + bytes(64) + b"PAR1"
    yield (
        ("at-max-len", b"x" * limit)
        if limit is not None and limit <= 16 * MiB - 4096
        else ("one-mib", b"x" * MiB)
    )
    if limit is not None and limit < 16 * MiB - 4096:
        yield "over-max-len", b"x" * (limit + 1)
    if JSON_FIELD.search(fd.name):
        depth = min(DEEP, limit or DEEP)
        yield "deep-json-array", b"[" * depth
        yield "deep-json-object", b'{"a":' * (depth // 5)


def _scalar_values(fd: FieldDescriptor) -> list[tuple[str, Any]]:
    if fd.type == FieldDescriptor.TYPE_STRING:
        return list(_string_values(fd))
    if fd.type == FieldDescriptor.TYPE_BYTES:
        return list(_bytes_values(fd))
    if fd.type == FieldDescriptor.TYPE_ENUM:
        return [("enum-unknown", 99_999), ("enum-negative", -1), ("enum-max", 2**31 - 1)]
    if fd.type == FieldDescriptor.TYPE_BOOL:
        return [("true", True)]
    if fd.cpp_type in (FieldDescriptor.CPPTYPE_FLOAT, FieldDescriptor.CPPTYPE_DOUBLE):
        return [("nan", math.nan), ("inf", math.inf), ("-inf", -math.inf), ("-0", -0.0)]
    return [(f"int-{value}", value) for value in (0, *_int_limits(fd))]


def _well_known_values(type_name: str) -> list[tuple[str, dict[str, Any]]]:
    if type_name == TIMESTAMP:
        return [
            ("nanos-negative", {"seconds": 1_800_000_000, "nanos": -1}),
            ("nanos-a-second", {"seconds": 1_800_000_000, "nanos": 1_000_000_000}),
            ("seconds-2^53+1", {"seconds": 2**53 + 1}),
            ("year-0", {"seconds": -62_135_596_801}),
            ("year-10000", {"seconds": 253_402_300_800}),
            ("seconds-min-int64", {"seconds": -(2**63)}),
        ]
    if type_name == DURATION:
        return [
            ("duration-past-10000-years", {"seconds": 315_576_000_001}),
            ("duration-mixed-signs", {"seconds": 1, "nanos": -1}),
            ("duration-negative", {"seconds": -5}),
        ]
    if type_name == FIELD_MASK:
        return [
            ("mask-dot-dot", {"paths": ["../x"]}),
            ("mask-nul", {"paths": ["\x00"]}),
            ("mask-empty-path", {"paths": [""]}),
            ("mask-unknown", {"paths": ["no_such_field", "name.name"]}),
        ]
    return []


def _resolve(request: Message, path: tuple[str, ...]) -> Message:
    target = request
    for part in path:
        child = getattr(target, part)
        if isinstance(child, Message):
            child.SetInParent()
            target = child
        else:  # a repeated message field: mutate its first element
            target = child[0] if len(child) else child.add()
    return target


def _setter(path: tuple[str, ...], fd: FieldDescriptor, value: Any) -> Callable[[Message], None]:
    def apply(request: Message) -> None:
        target = _resolve(request, path)
        if is_repeated(fd):
            getattr(target, fd.name)[:] = [value]
        else:
            setattr(target, fd.name, value)

    return apply


def _well_known_setter(
    path: tuple[str, ...], fd: FieldDescriptor, fields: dict[str, Any]
) -> Callable[[Message], None]:
    def apply(request: Message) -> None:
        target = _resolve(request, path)
        if is_repeated(fd):
            container = getattr(target, fd.name)
            del container[:]
            element = container.add()
        else:
            element = getattr(target, fd.name)
            element.Clear()
        for name, value in fields.items():
            if isinstance(value, list):
                getattr(element, name).extend(value)
            else:
                setattr(element, name, value)
        element.SetInParent()

    return apply


def _flood(path: tuple[str, ...], fd: FieldDescriptor, count: int) -> Callable[[Message], None]:
    def apply(request: Message) -> None:
        target = _resolve(request, path)
        container = getattr(target, fd.name)
        if is_map(fd):
            assert fd.message_type is not None
            for index in range(count):
                key = (
                    f"k{index}"
                    if fd.message_type.fields_by_name["key"].type == FieldDescriptor.TYPE_STRING
                    else index
                )
                value_fd = fd.message_type.fields_by_name["value"]
                if value_fd.message_type is not None:
                    container[key].SetInParent()
                else:
                    container[key] = valid_scalar(value_fd, None)
        elif fd.message_type is not None:
            # A fresh valid element, never one a previous mutation flooded: 10,000 of those
            # would be 10,000 squared, the client's memory rather than the server's problem.
            del container[:]
            copy = fill_valid(container.add()).SerializeToString()
            del container[:]
            for _ in range(count):
                container.add().MergeFromString(copy)
        else:
            container[:] = [valid_scalar(fd, None)] * count

    return apply


def _map_entry(path: tuple[str, ...], fd: FieldDescriptor, key: str) -> Callable[[Message], None]:
    def apply(request: Message) -> None:
        assert fd.message_type is not None
        key_fd, value_fd = fd.message_type.fields_by_name["key"], fd.message_type.fields_by_name["value"]
        if key_fd.type != FieldDescriptor.TYPE_STRING:
            return
        container = getattr(_resolve(request, path), fd.name)
        if value_fd.message_type is not None:
            container[key].SetInParent()
        else:
            container[key] = valid_scalar(value_fd, None)

    return apply


def mutations(method: RpcMethod) -> list[Mutation]:
    """The per-field catalogue of hostile inputs of one method (top level and two levels down)."""
    found: list[Mutation] = []

    def walk(descriptor: Any, path: tuple[str, ...], depth: int) -> None:
        for fd in descriptor.fields:
            where = ".".join((*path, fd.name))
            if is_map(fd):
                found.append(Mutation(f"{where}=10000-entries", _flood(path, fd, 10_000)))
                found.append(Mutation(f"{where}=nul-key", _map_entry(path, fd, "\x00")))
                found.append(Mutation(f"{where}=huge-key", _map_entry(path, fd, "k" * MiB)))
                continue
            if is_repeated(fd):
                found.append(Mutation(f"{where}=10000-items", _flood(path, fd, 10_000)))
            if fd.message_type is not None:
                special = _well_known_values(fd.message_type.full_name)
                for label, fields in special:
                    found.append(Mutation(f"{where}={label}", _well_known_setter(path, fd, fields)))
                if not special and depth < 2 and fd.message_type.full_name not in path:
                    walk(fd.message_type, (*path, fd.name), depth + 1)
                continue
            for label, value in _scalar_values(fd):
                found.append(Mutation(f"{where}={label}", _setter(path, fd, value)))

    walk(method.input, (), 0)
    return found


def _random_combinations(method: RpcMethod, catalogue: list[Mutation], count: int) -> list[Mutation]:
    rng = random.Random(f"{SEED}/{method.path}")
    combos = []
    for index in range(count):
        picked = rng.sample(catalogue, min(len(catalogue), rng.randint(2, 4)))

        def apply(request: Message, picked: list[Mutation] = picked) -> None:
            for mutation in picked:
                mutation.apply(request)

        combos.append(Mutation(f"random#{index}(" + ", ".join(m.label for m in picked) + ")", apply))
    return combos


# --- the run --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
async def mesh(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[ServedMesh]:
    async with served_mesh(database_url, tmp_path_factory.mktemp("fuzz")) as served:
        yield served


@pytest.fixture(scope="module")
def findings() -> Findings:
    return Findings()


@pytest.fixture(scope="module")
async def tenant(mesh: ServedMesh) -> Tenant:
    """The fuzzing organisation, with real resources in every service (tests/tenants.py)."""
    return await seed_tenant(mesh, "fuzz")


def _token(mesh: ServedMesh, tenant: Tenant) -> tuple[tuple[str, str], ...]:
    """Every scope and role: calls get past authorization to the validation and domain code."""
    return bearer(
        mesh.token(subject=tenant.person, scopes=SCOPES, org=f"orgs/{tenant.org_id}", roles=ROLES, ttl_s=3600)
    )


def _blames(got: Outcome, path: str) -> bool:
    leaf = path.rsplit(".", 1)[-1]
    return any(blamed in (path, leaf) or blamed.startswith(f"{path}.") for blamed in got.blamed)


async def _base_request(mesh: ServedMesh, tenant: Tenant, method: RpcMethod) -> Message:
    """A request with every field valid by the rules, its resource fields naming the tenant's
    real resources where the server takes them: hostile values then reach the domain code
    behind an existing resource instead of stopping at "no such name"."""
    assert mesh.channel is not None
    base = fill_valid(method.request_class()(), everything=True)
    for path, fd in string_fields(method.input):
        if not RESOURCE_FIELD.match(fd.name):
            continue
        rules = field_rules(fd)
        best: tuple[int, str] | None = None
        for name in tenant.names:
            if rules is not None and rules.pattern and not re.fullmatch(rules.pattern, name):
                continue
            probe = method.request_class()()
            probe.CopyFrom(base)
            set_path(probe, path, name)
            got = await invoke(mesh.channel, method, probe, _token(mesh, tenant), timeout=30)
            if _blames(got, path) or got.code in NEVER:
                continue
            rank = 3 if got.ok else 1 if got.code == grpc.StatusCode.NOT_FOUND else 2
            if best is None or rank > best[0]:
                best = (rank, name)
        if best is not None:
            set_path(base, path, best[1])
    return base


SERVER_MAX_REQUEST = dict(SERVER_OPTIONS)["grpc.max_receive_message_length"]
"""Larger requests are refused by gRPC's transport itself (RESOURCE_EXHAUSTED), before any
interceptor could attach ErrorInfo: the one refusal without it that is by design."""


def _acceptable(got: Outcome) -> bool:
    """What any input may get: OK, or a refusal with ErrorInfo; never INTERNAL or UNKNOWN."""
    return got.code not in NEVER and (got.ok or got.has_error_info)


def _too_large(got: Outcome) -> bool:
    return got.code == grpc.StatusCode.RESOURCE_EXHAUSTED


def _malformed(got: Outcome) -> bool:
    return got.code == grpc.StatusCode.INVALID_ARGUMENT and got.reason == "REQUEST_MALFORMED"


async def _send(
    mesh: ServedMesh,
    tenant: Tenant,
    findings: Findings,
    method: RpcMethod,
    label: str,
    payload: bytes,
    acceptable: Callable[[Outcome], bool] = _acceptable,
) -> None:
    assert mesh.channel is not None
    findings.calls += 1
    got = await invoke(mesh.channel, method, payload, _token(mesh, tenant), timeout=60)
    findings.answers[f"{got.code.name}:{got.reason}" if got.reason else got.code.name] += 1
    if got.code == grpc.StatusCode.UNAVAILABLE and not got.has_error_info:
        await mesh.wait_for_exit(5.0)  # a crashing process takes a moment to be reaped
    if not mesh.alive:
        findings.crashes.append(f"{method.id} [{label}]: server died with exit status {mesh.exit_status}")
        await mesh.restart()
    elif not acceptable(got) and not (len(payload) > SERVER_MAX_REQUEST and _too_large(got)):
        findings.add(method, label, got)


@pytest.mark.parametrize("method", METHODS, ids=[m.id for m in METHODS])
async def test_fuzz_method(mesh: ServedMesh, tenant: Tenant, findings: Findings, method: RpcMethod) -> None:
    failures_before, crashes_before = len(findings.failures), len(findings.crashes)
    for label, data in UNDECODABLE.items():
        try:
            method.request_class().FromString(data)
        except DecodeError:
            await _send(mesh, tenant, findings, method, f"undecodable:{label}", data, _malformed)
    catalogue = mutations(method)
    base = await _base_request(mesh, tenant, method)
    for mutation in [*catalogue, *_random_combinations(method, catalogue, RANDOM_EXAMPLES)]:
        request = method.request_class()()
        request.CopyFrom(base)
        try:
            mutation.apply(request)
            payload = request.SerializeToString()
        except (ValueError, TypeError, OverflowError):
            continue  # not representable on the wire (e.g. an enum out of int32 range)
        await _send(mesh, tenant, findings, method, mutation.label, payload)
    if mesh.alive:
        growth = mesh.rss_bytes() - mesh.baseline_rss
        findings.peak_rss_growth = max(findings.peak_rss_growth, growth)
        if growth > RSS_GROWTH_LIMIT:
            findings.failures.append(f"{method.id}: server RSS grew by {growth // MiB} MiB")
    new = findings.crashes[crashes_before:] + findings.failures[failures_before:]
    assert not new, f"{len(new)} violations:\n" + "\n".join(new)


def test_fuzz_server_survived_and_memory_stayed_bounded(mesh: ServedMesh, findings: Findings) -> None:
    """After the whole run: no crash anywhere, the server's RSS within bounds; the classes of failure."""
    report = os.environ.get("JIPAN_FUZZ_REPORT")
    if report:
        with open(report, "w", encoding="utf-8") as out:
            out.write(findings.summary() + "\n" + "\n".join(findings.failures) + "\n")
    assert mesh.alive
    assert not findings.crashes, findings.summary()
    assert not findings.failures, findings.summary()
    assert findings.calls > len(METHODS)
    assert mesh.rss_bytes() < mesh.baseline_rss + RSS_GROWTH_LIMIT, (mesh.rss_bytes(), mesh.baseline_rss)
