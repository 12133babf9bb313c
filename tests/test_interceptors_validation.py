"""Field rules compiled from the contract: each rule, paths, and reporting every violation at once.

Runs the compiled validators directly on messages of the in-memory probe
contract (test_interceptors_probe.py); test_interceptors.py covers the same
stage through a real server.
"""

from __future__ import annotations

from typing import Any

import pytest

from jipan.common.v1 import money_pb2
from jipan.interceptors.validation import RequestValidator, _anchor_end, validator_for
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
