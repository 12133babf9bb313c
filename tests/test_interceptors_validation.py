"""Field rules compiled from the contract: each rule, paths, and reporting every violation at once.

Runs the compiled validators directly on messages of the in-memory probe
contract (test_interceptors_probe.py); test_interceptors.py covers the same
stage through a real server.
"""

from __future__ import annotations

from typing import Any

import pytest
from google.protobuf import descriptor_pool, message_factory
from google.protobuf.descriptor import Descriptor, FieldDescriptor, FileDescriptor
from google.protobuf.descriptor_pb2 import FieldDescriptorProto

from jipan.common.v1 import money_pb2, validation_pb2
from jipan.interceptors.validation import DURATION, TIMESTAMP, RequestValidator, _anchor_end, validator_for
from jipan.servers.runtime.errors import InvalidArgument
from jipan.system.v1 import system_service_pb2 as system_pb
from tests.test_interceptors_probe import ProbeForm, ProbeItem, valid_form


def form_validator() -> RequestValidator:
    validator = validator_for(ProbeForm.DESCRIPTOR)
    assert validator is not None
    return validator


def found(message: Any) -> set[tuple[str, str]]:
    return {(v.field, v.reason) for v in form_validator().violations(message)}


def test_a_valid_message_passes() -> None:
    form_validator()(
        valid_form(id="123e4567-e89b-12d3-a456-426614174000", tags=["abc"], note="台灣", limit=3)
    )


def test_a_type_without_rules_needs_no_validator() -> None:
    assert validator_for(system_pb.GetWhoAmIRequest.DESCRIPTOR) is None
    assert validator_for(system_pb.ListMethodPoliciesRequest.DESCRIPTOR) is not None


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"id": "not-a-uuid"}, {("id", "UUID")}),
        ({"id": "123E4567-E89B-12D3-A456-426614174000"}, set()),  # any case, any version
        ({"items": [ProbeItem(name="a", qty=1)] * 4}, {("items", "MAX_LEN")}),
        ({"items": [ProbeItem(qty=1)]}, {("items[0].name", "REQUIRED")}),
        ({"items": [ProbeItem(name="a", qty=11)]}, {("items[0].qty", "LTE")}),
        ({"tags": ["ok", "Not", "fine", ""]}, {("tags[1]", "PATTERN")}),  # empty strings are not judged
        ({"color": 7}, {("color", "DEFINED_ONLY")}),
        ({"color": 1}, set()),
        ({"digest": b"abc"}, {("digest", "EXACT_LEN")}),
        ({"digest": b"abcd"}, set()),
        ({"limit": 0}, {("limit", "GTE")}),  # set to 0: judged
        ({"note": "x"}, {("note", "MIN_LEN")}),
        ({"note": "abcde"}, {("note", "MAX_LEN")}),
        ({"note": "臺北市民"}, set()),  # four characters (twelve bytes): lengths count characters
    ],
    ids=lambda value: repr(value)[:40],
)
def test_each_rule(fields: dict[str, Any], expected: set[tuple[str, str]]) -> None:
    assert found(valid_form(**fields)) == expected


def test_an_unset_optional_field_is_not_judged() -> None:
    form = valid_form()
    assert not form.HasField("limit")
    assert found(form) == set()  # `gte: 1` would reject the default 0 if it were judged


def test_required_message_and_nested_rules() -> None:
    assert found(ProbeForm()) == {("price", "REQUIRED")}
    form = valid_form()
    form.price.currency_code = ""
    assert found(form) == {("price.currency_code", "REQUIRED")}


def test_recursive_types_are_checked_at_every_depth() -> None:
    form = valid_form(child=ProbeForm(child=valid_form(note="x")))
    assert found(form) == {("child.price", "REQUIRED"), ("child.child.note", "MIN_LEN")}


def test_a_trailing_newline_does_not_slip_past_an_anchored_pattern() -> None:
    form = valid_form()
    form.price.currency_code = "USD\n"  # Python's `$` alone would accept this
    assert found(form) == {("price.currency_code", "PATTERN")}


def test_anchor_end_only_rewrites_an_unescaped_final_dollar() -> None:
    assert _anchor_end("^[A-Z]{3}$") == r"^[A-Z]{3}\Z"
    assert _anchor_end(r"price\$") == r"price\$"
    assert _anchor_end("a\\\\$") == "a\\\\\\Z"
    assert _anchor_end("^abc") == "^abc"


def test_all_violations_are_reported_in_one_error() -> None:
    form = ProbeForm(id="nope", note="x", digest=b"a", items=[ProbeItem(name="too-long", qty=0)])
    with pytest.raises(InvalidArgument) as caught:
        form_validator()(form)
    error = caught.value
    assert (error.reason, error.code.value) == ("FIELD_INVALID", "INVALID_ARGUMENT")
    fields = [v.field for v in error.field_violations]
    assert fields == ["id", "price", "items[0].name", "items[0].qty", "digest", "note"]  # declaration order
    assert error.metadata["fields"] == ",".join(fields)
    assert all(v.description for v in error.field_violations)


def test_money_rules_from_the_common_contract() -> None:
    validator = validator_for(money_pb2.Money.DESCRIPTOR)
    assert validator is not None
    assert [v.reason for v in validator.violations(money_pb2.Money(currency_code="usd"))] == ["PATTERN"]
    assert validator.violations(money_pb2.Money(currency_code="USD", amount_minor=-5)) == []


# --- rules every request obeys without declaring them ---------------------------------------------


def _contract_modules() -> None:
    """Import every generated contract, so the pool holds every service (present and future)."""
    import importlib
    from pathlib import Path

    import jipan.common.v1

    root = Path(next(iter(jipan.common.v1.__path__))).parents[1]  # .../jipan
    for module in sorted(root.glob("*/v1/*_pb2.py")):
        importlib.import_module(f"jipan.{module.parent.parent.name}.v1.{module.stem}")


def _request_types() -> dict[str, Descriptor]:
    _contract_modules()
    pool = descriptor_pool.Default()
    found: dict[str, Descriptor] = {}
    for service_name in sorted(_served_service_names()):
        service = pool.FindServiceByName(service_name)
        for method in service.methods:
            found[f"{service.full_name}/{method.name}"] = method.input_type
    return found


def _served_service_names() -> set[str]:
    pool = descriptor_pool.Default()
    names: set[str] = set()
    import sys

    for module in list(sys.modules.values()):
        descriptor = getattr(module, "DESCRIPTOR", None)
        if isinstance(descriptor, FileDescriptor) and descriptor.package.startswith("jipan."):
            names.update(s.full_name for s in pool.FindFileByName(descriptor.name).services_by_name.values())
    return names


def _paths_of(
    descriptor: Descriptor, wanted: str, prefix: str = "", seen: frozenset[str] = frozenset()
) -> list[str]:
    """Dotted paths (first element of repeated fields, a key of maps) to every field of type `wanted`."""
    paths: list[str] = []
    if descriptor.full_name in seen:
        return paths
    for fd in descriptor.fields:
        if fd.type != FieldDescriptor.TYPE_MESSAGE:
            continue
        message_type = fd.message_type
        assert message_type is not None
        if message_type.GetOptions().map_entry:
            value = message_type.fields_by_name["value"]
            if value.type != FieldDescriptor.TYPE_MESSAGE or value.message_type is None:
                continue
            step, message_type = f"{prefix}{fd.name}[k]", value.message_type
        elif fd.is_repeated:
            step = f"{prefix}{fd.name}[0]"
        else:
            step = f"{prefix}{fd.name}"
        if message_type.full_name == wanted:
            paths.append(step)
        else:
            paths.extend(_paths_of(message_type, wanted, step + ".", seen | {descriptor.full_name}))
    return paths


def _at(message: Any, path: str) -> Any:
    """The message at `path`, creating it (and one element of repeated fields) on the way."""
    for step in path.split("."):
        name, _, index = step.partition("[")
        if index == "k]":
            message = getattr(message, name)["k"]
        elif index:
            container = getattr(message, name)
            message = container[0] if len(container) else container.add()
        else:
            message = getattr(message, name)
    return message


BAD_TIMESTAMPS = [
    (0, -1),
    (2**53 + 1, 0),
    (-62_135_596_801, 0),  # a second before 0001-01-01
    (253_402_300_800, 0),  # a second after 9999-12-31T23:59:59
    (0, 1_000_000_000),
]
GOOD_TIMESTAMPS = [(-62_135_596_800, 0), (253_402_300_799, 999_999_999), (0, 0), (1_800_000_000, 5)]
BAD_DURATIONS = [
    (1, -1),
    (-1, 1),
    (315_576_000_001, 0),
    (-315_576_000_001, 0),
    (0, 1_000_000_000),
    (0, -1_000_000_000),
]
GOOD_DURATIONS = [(315_576_000_000, 999_999_999), (-315_576_000_000, -999_999_999), (0, -5), (0, 5), (0, 0)]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("jipan.identity.v1.ConsentService/CreateConsent", "consent.expire_time"),
        ("jipan.ledger.v1.LedgerService/ListAnchors", "create_time_range.start_time"),
        ("jipan.ledger.v1.LedgerService/ListAnchors", "create_time_range.end_time"),
        ("jipan.procurement.v1.TenderService/CreateTender", "tender.bid_deadline"),
        ("jipan.procurement.v1.TenderService/CreateTender", "tender.opening_time"),
    ],
)
def test_timestamps_out_of_range_in_the_methods_that_once_crashed(method: str, path: str) -> None:
    request_type = _request_types()[method]
    assert path in _paths_of(request_type, TIMESTAMP), _paths_of(request_type, TIMESTAMP)
    _assert_timestamp_rules(request_type, path)


def test_the_sla_lab_report_expiry_of_create_listing_is_range_checked() -> None:
    request_type = _request_types()["jipan.procurement.v1.CatalogService/CreateListing"]
    lab_paths = [p for p in _paths_of(request_type, TIMESTAMP) if "lab" in p]
    assert lab_paths, _paths_of(request_type, TIMESTAMP)
    for path in lab_paths:
        _assert_timestamp_rules(request_type, path)


def _assert_timestamp_rules(request_type: Descriptor, path: str) -> None:
    validator = validator_for(request_type)
    assert validator is not None
    message_class = message_factory.GetMessageClass(request_type)
    for seconds, nanos in BAD_TIMESTAMPS:
        request = message_class()
        stamp = _at(request, path)
        stamp.seconds, stamp.nanos = seconds, nanos
        assert (path.replace("[k]", "[k]"), "TIMESTAMP_RANGE") in {
            (v.field, v.reason) for v in validator.violations(request)
        }, (path, seconds, nanos)
    for seconds, nanos in GOOD_TIMESTAMPS:
        request = message_class()
        stamp = _at(request, path)
        stamp.seconds, stamp.nanos = seconds, nanos
        assert "TIMESTAMP_RANGE" not in {v.reason for v in validator.violations(request)}


def test_every_timestamp_and_duration_of_every_request_is_range_checked() -> None:
    """Descriptor-driven: a service added tomorrow is covered without a line here."""
    checked = 0
    for method, request_type in _request_types().items():
        validator = validator_for(request_type)
        message_class = message_factory.GetMessageClass(request_type)
        for wanted, bad, good, reason in (
            (TIMESTAMP, BAD_TIMESTAMPS, GOOD_TIMESTAMPS, "TIMESTAMP_RANGE"),
            (DURATION, BAD_DURATIONS, GOOD_DURATIONS, "DURATION_RANGE"),
        ):
            for path in _paths_of(request_type, wanted):
                assert validator is not None, method
                for values, expected in ((bad, True), (good, False)):
                    for seconds, nanos in values:
                        request = message_class()
                        value = _at(request, path)
                        value.seconds, value.nanos = seconds, nanos
                        reported = {(v.field, v.reason) for v in validator.violations(request)}
                        assert ((path, reason) in reported) is expected, (method, path, seconds, nanos)
                checked += 1
    assert checked >= 10  # the contracts of today have dozens


def test_nul_is_refused_in_every_string_of_every_request() -> None:
    checked = 0
    for method, request_type in _request_types().items():
        validator = validator_for(request_type)
        message_class = message_factory.GetMessageClass(request_type)
        for fd in request_type.fields:
            if fd.type != FieldDescriptor.TYPE_STRING:
                continue
            assert validator is not None, method
            request = message_class()
            if fd.is_repeated:
                getattr(request, fd.name).append("a\x00b")
                path = f"{fd.name}[0]"
            else:
                setattr(request, fd.name, "a\x00b")
                path = fd.name
            assert (path, "NUL") in {(v.field, v.reason) for v in validator.violations(request)}, method
            checked += 1
    assert checked >= 50


def test_nul_is_refused_at_any_depth_in_maps_and_well_known_types() -> None:
    from google.protobuf import struct_pb2

    validator = form_validator()
    assert found(valid_form(tags=["ok", "a\x00"])) >= {("tags[1]", "NUL")}
    form = valid_form()
    form.price.currency_code = "TW\x00"
    assert ("price.currency_code", "NUL") in found(form)
    form = valid_form(child=valid_form(note="a\x00"))
    assert ("child.note", "NUL") in found(form)
    # Struct: map<string, Value>, recursive through Value/ListValue.
    struct_validator = validator_for(struct_pb2.Struct.DESCRIPTOR)
    assert struct_validator is not None
    nested = struct_pb2.Struct()
    nested.update({"k\x00": "v", "ok": {"deep": ["x", "y\x00"]}})
    reasons = {(v.field, v.reason) for v in struct_validator.violations(nested)}
    assert ("fields['k\\x00']", "NUL") in reasons
    assert ("fields[ok].struct_value.fields[deep].list_value.values[1].string_value", "NUL") in reasons
    assert validator.violations(valid_form(note="ab")) == []


def test_utf8_text_rule_on_bytes() -> None:
    from google.protobuf import descriptor_pb2

    pool = descriptor_pool.Default()
    try:
        pool.FindMessageTypeByName("jipan_tests.text.v1.Upload")
    except KeyError:
        f = descriptor_pb2.FileDescriptorProto(
            name="jipan_tests/text/v1/text.proto",
            package="jipan_tests.text.v1",
            syntax="proto3",
            dependency=["jipan/common/v1/validation.proto"],
        )
        upload = f.message_type.add(name="Upload")
        field = upload.field.add(name="document_json", number=1, type=FieldDescriptorProto.TYPE_BYTES)
        field.options.Extensions[validation_pb2.field_rules].CopyFrom(
            validation_pb2.FieldRules(utf8_text=True)
        )
        upload.field.add(name="blob", number=2, type=FieldDescriptorProto.TYPE_BYTES)
        pool.AddSerializedFile(f.SerializeToString())
    descriptor = pool.FindMessageTypeByName("jipan_tests.text.v1.Upload")
    validator = validator_for(descriptor)
    assert validator is not None
    upload_class = message_factory.GetMessageClass(descriptor)

    def reasons(**fields: bytes) -> set[tuple[str, str]]:
        return {(v.field, v.reason) for v in validator.violations(upload_class(**fields))}

    assert reasons(document_json='{"名": "台灣"}'.encode()) == set()
    assert reasons(document_json=b'{"a": "\x00"}') == {("document_json", "UTF8_TEXT")}
    assert reasons(document_json=b"\xff\xfe{}") == {("document_json", "UTF8_TEXT")}
    assert reasons(document_json=b"\xed\xa0\x80") == {("document_json", "UTF8_TEXT")}  # a lone surrogate
    assert reasons(blob=b"\x00\xff") == set()  # bytes without the rule are bytes
