"""Jipan's ODRL subset: what parses, what is refused (with the JSON path), and how uses are decided."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from jipan.servers.dataspace.policy import (
    Policy,
    PolicyInvalid,
    UseContext,
    evaluate,
    parse_policy,
)
from jipan.servers.runtime.errors import InvalidArgument

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
CTX = "http://www.w3.org/ns/odrl.jsonld"


def parse(document: dict[str, Any]) -> Policy:
    return parse_policy(json.dumps(document), field_name="policy", domain="dataspace.jipan.tw")


def use(action: str = "read", **kwargs: Any) -> UseContext:
    defaults: dict[str, Any] = {
        "at": NOW,
        "uses": 1,
        "purpose": "research",
        "recipient": "orgs/b",
        "spatial": "TW",
    }
    defaults.update(kwargs)
    return UseContext(action=action, **defaults)


RESEARCH_IN_TW = {
    "@context": CTX,
    "@type": "Offer",
    "uid": "urn:offer:1",
    "permission": [
        {
            "uid": "research",
            "action": "use",
            "constraint": [
                {"leftOperand": "purpose", "operator": "isAnyOf", "rightOperand": ["research", "statistics"]},
                {"leftOperand": "spatial", "operator": "eq", "rightOperand": "TW"},
                {"leftOperand": "dateTime", "operator": "lteq", "rightOperand": "2027-01-01T00:00:00+08:00"},
                {"leftOperand": "count", "operator": "lteq", "rightOperand": 3},
            ],
            "duty": [{"action": "attribute"}],
        }
    ],
    "prohibition": [{"uid": "no-redistribution", "action": "distribute"}],
}


def test_a_permitted_use_names_its_permission_and_duties() -> None:
    decision = evaluate(parse(RESEARCH_IN_TW), use("read"))
    assert decision.permitted
    assert decision.rule == "research"
    assert decision.reason == "POLICY_PERMITTED"
    assert decision.obligations == ("attribute",)


def test_use_covers_the_narrower_actions_and_a_prohibition_wins() -> None:
    policy = parse(RESEARCH_IN_TW)
    for action in ("read", "aggregate", "anonymize", "derive"):
        assert evaluate(policy, use(action)).permitted, action
    refused = evaluate(policy, use("distribute"))
    assert not refused.permitted
    assert refused.reason == "POLICY_PROHIBITED"
    assert refused.rule == "no-redistribution"


@pytest.mark.parametrize(
    ("context", "constraint"),
    [
        ({"purpose": "commercial"}, "purpose isAnyOf research, statistics"),
        ({"spatial": "JP"}, "spatial eq TW"),
        ({"at": datetime(2027, 1, 2, tzinfo=UTC)}, "dateTime lteq 2027-01-01T00:00:00+08:00"),
        ({"uses": 4}, "count lteq 3"),
    ],
)
def test_each_failed_constraint_is_named(context: dict[str, Any], constraint: str) -> None:
    decision = evaluate(parse(RESEARCH_IN_TW), use("read", **context))
    assert not decision.permitted
    assert decision.reason == "CONSTRAINT_UNSATISFIED"
    assert decision.rule == "research"
    assert decision.constraint == constraint


def test_what_is_not_permitted_is_prohibited() -> None:
    policy = parse({"@context": CTX, "permission": [{"action": "read"}]})
    assert evaluate(policy, use("read")).permitted
    decision = evaluate(policy, use("derive"))
    assert not decision.permitted
    assert decision.reason == "ACTION_NOT_PERMITTED"
    assert decision.rule == ""


def test_an_overdue_delete_duty_ends_the_permission() -> None:
    deadline = NOW + timedelta(days=1)
    policy = parse(
        {
            "@context": CTX,
            "permission": [
                {
                    "uid": "until-deleted",
                    "action": "use",
                    "duty": [
                        {
                            "action": "delete",
                            "constraint": [
                                {
                                    "leftOperand": "dateTime",
                                    "operator": "lteq",
                                    "rightOperand": deadline.isoformat(),
                                }
                            ],
                        }
                    ],
                }
            ],
        }
    )
    before = evaluate(policy, use("read"))
    assert before.permitted
    assert before.obligations == (f"delete by {deadline.isoformat()}",)
    after = evaluate(policy, use("read", at=deadline + timedelta(seconds=1)))
    assert not after.permitted
    assert after.reason == "DUTY_OVERDUE"
    assert after.rule == "until-deleted"


def test_recipient_role_and_anonymisation_constraints() -> None:
    policy = parse(
        {
            "@context": CTX,
            "permission": [
                {
                    "uid": "agency-analysts",
                    "action": "aggregate",
                    "constraint": [
                        {
                            "leftOperand": "recipient",
                            "operator": "isAnyOf",
                            "rightOperand": ["orgs/b", "orgs/c"],
                        },
                        {"leftOperand": "jipan:role", "operator": "eq", "rightOperand": "analyst"},
                        {"leftOperand": "jipan:anonymisedK", "operator": "gteq", "rightOperand": 5},
                    ],
                }
            ],
        }
    )
    good = use("aggregate", roles=frozenset({"analyst"}), anonymised_k=5)
    assert evaluate(policy, good).permitted
    assert evaluate(policy, use("aggregate", roles=frozenset({"analyst"}), anonymised_k=4)).constraint == (
        "jipan:anonymisedK gteq 5"
    )
    assert not evaluate(policy, use("aggregate", roles=frozenset({"member"}), anonymised_k=5)).permitted
    assert not evaluate(
        policy, use("aggregate", roles=frozenset({"analyst"}), anonymised_k=9, recipient="orgs/x")
    ).permitted


def test_the_closest_permission_is_reported() -> None:
    policy = parse(
        {
            "@context": CTX,
            "permission": [
                {
                    "uid": "far",
                    "action": "use",
                    "constraint": [
                        {"leftOperand": "purpose", "operator": "eq", "rightOperand": "education"},
                        {"leftOperand": "spatial", "operator": "eq", "rightOperand": "JP"},
                    ],
                },
                {
                    "uid": "near",
                    "action": "use",
                    "constraint": [
                        {"leftOperand": "purpose", "operator": "eq", "rightOperand": "journalism"}
                    ],
                },
            ],
        }
    )
    decision = evaluate(policy, use("read"))
    assert decision.rule == "near"
    assert decision.constraint == "purpose eq journalism"


@pytest.mark.parametrize(
    ("document", "path"),
    [
        ([], "$"),
        ({"@context": "https://example.org/other", "permission": [{"action": "use"}]}, "$.@context"),
        ({"@context": CTX, "permission": []}, "$.permission"),
        (
            {"@context": CTX, "obligation": [{"action": "use"}], "permission": [{"action": "use"}]},
            "$.obligation",
        ),
        ({"@context": CTX, "permission": [{"action": "print"}]}, "permission[0].action"),
        (
            {"@context": CTX, "permission": [{"uid": "a", "action": "use"}, {"uid": "a", "action": "read"}]},
            "$",
        ),
        (
            {"@context": CTX, "permission": [{"action": "use", "constraint": [{"leftOperand": "purpose"}]}]},
            "permission[0].constraint[0].operator",
        ),
        (
            {
                "@context": CTX,
                "permission": [
                    {
                        "action": "use",
                        "constraint": [{"leftOperand": "purpose", "operator": "eq", "rightOperand": "fun"}],
                    }
                ],
            },
            "permission[0].constraint[0].rightOperand",
        ),
        (
            {
                "@context": CTX,
                "permission": [
                    {
                        "action": "use",
                        "constraint": [{"leftOperand": "count", "operator": "gt", "rightOperand": 3}],
                    }
                ],
            },
            "permission[0].constraint[0].operator",
        ),
        (
            {
                "@context": CTX,
                "permission": [
                    {
                        "action": "use",
                        "constraint": [
                            {
                                "leftOperand": "dateTime",
                                "operator": "lt",
                                "rightOperand": "2027-01-01T00:00:00",
                            }
                        ],
                    }
                ],
            },
            "permission[0].constraint[0].rightOperand",
        ),
        (
            {
                "@context": CTX,
                "permission": [
                    {
                        "action": "use",
                        "constraint": [{"leftOperand": "spatial", "operator": "eq", "rightOperand": "tw"}],
                    }
                ],
            },
            "permission[0].constraint[0].rightOperand",
        ),
        (
            {
                "@context": CTX,
                "permission": [
                    {
                        "action": "use",
                        "constraint": [{"leftOperand": "purpose", "operator": "or", "rightOperand": []}],
                    }
                ],
            },
            "permission[0].constraint[0].operator",
        ),
        (
            {"@context": CTX, "permission": [{"action": "use", "duty": [{"action": "delete"}]}]},
            "permission[0].duty[0]",
        ),
        ({"@context": CTX, "permission": [{"action": "use", "refinement": []}]}, "permission[0].refinement"),
        (
            {
                "@context": CTX,
                "permission": [{"action": "use"}],
                "prohibition": [{"action": "use", "duty": []}],
            },
            "prohibition[0].duty",
        ),
    ],
)
def test_policies_outside_the_subset_are_refused_with_the_path(document: Any, path: str) -> None:
    with pytest.raises(PolicyInvalid) as caught:
        parse(document)
    assert caught.value.reason == "POLICY_INVALID"
    assert caught.value.metadata["path"] == path, caught.value.metadata


def test_not_json_and_deep_json_are_refused() -> None:
    for text in ("{", "[" * 10_000):
        with pytest.raises(InvalidArgument) as caught:
            parse_policy(text, field_name="policy", domain="dataspace.jipan.tw")
        assert getattr(caught.value, "reason", "") == "POLICY_INVALID"


def test_the_digest_is_of_the_canonical_json() -> None:
    a = parse(RESEARCH_IN_TW)
    b = parse_policy(json.dumps(RESEARCH_IN_TW, indent=4, sort_keys=False), field_name="p", domain="d")
    assert a.digest == b.digest
    assert a.rule_count == 2
