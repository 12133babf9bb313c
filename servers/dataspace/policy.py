"""ODRL 2.2 usage policies: the documented subset Jipan parses, validates and enforces.

A policy is ODRL's JSON-LD compact form (the `http://www.w3.org/ns/odrl.jsonld`
context), e.g.

    {"@context": "http://www.w3.org/ns/odrl.jsonld", "@type": "Offer", "uid": "...",
     "permission": [{"uid": "p1", "action": "use",
                     "constraint": [{"leftOperand": "purpose", "operator": "isAnyOf",
                                     "rightOperand": ["research", "public-interest"]}],
                     "duty": [{"action": "attribute"}]}],
     "prohibition": [{"action": "distribute"}]}

What Jipan accepts (everything else is refused with the JSON path of the
offending member, never ignored: a constraint a provider wrote and the service
silently dropped would permit what the provider meant to forbid):

- rules: `permission` and `prohibition` (each a list; an `obligation` on the
  whole policy is refused), a rule's `uid` optional (one is made from its
  position: "permission[0]"), `target` and `assigner`/`assignee` informational;
- actions: use, read, distribute, aggregate, anonymize, derive. ODRL's action
  hierarchy holds: each of the others is `includedIn` use, so a permission to
  use covers them and a prohibition to use forbids them all;
- constraints (all of a rule's must hold; `and`/`or`/`xone` are not in the
  subset): `purpose` (eq, isAnyOf, neq, isNoneOf) against a vocabulary,
  `dateTime` (lt, lteq, gt, gteq; RFC 3339 with an offset), `count` (lt, lteq:
  the agreement's uses so far, this one included), `spatial` (eq, isAnyOf;
  ISO 3166-1 alpha-2 codes, e.g. "TW"), `recipient` (eq, isAnyOf: the consumer
  organisation, "orgs/{id}"), `jipan:role` (eq, isAnyOf: a role the consumer's
  principal holds) and `jipan:anonymisedK` (gteq: the use reads only data
  anonymised by the privacy service to at least that k);
- duties on a permission: `attribute` (returned with every decision as an
  obligation), `inform` (likewise: report the use), `delete` with one
  `dateTime` constraint (lteq/lt: delete by then; after that date the duty is
  overdue and the permission grants nothing).

Evaluation (ODRL 2.2 §2.6 with "what is not permitted is prohibited"): a
prohibition whose action covers the requested one and whose constraints all
hold refuses the use, naming it; otherwise the first permission whose action
covers the use, whose constraints all hold and whose duties are not overdue
permits it, with its duties as obligations; otherwise the use is refused,
naming the rule and constraint that came closest (fewest failed constraints,
then the first in the policy), or no rule at all when no permission covers
the action.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

from jipan.servers.runtime.errors import FieldViolation, InvalidArgument
from jipan.servers.runtime.untrusted import parse_json

ODRL_CONTEXT = "http://www.w3.org/ns/odrl.jsonld"
MAX_POLICY_BYTES = 64 * 1024
MAX_RULES = 100
MAX_CONSTRAINTS = 20
MAX_VALUES = 100
MAX_VALUE_LEN = 200

ACTIONS = ("use", "read", "distribute", "aggregate", "anonymize", "derive")
"""Every action but use is `includedIn` use (ODRL 2.2 vocabulary)."""

PURPOSES = (
    "research",
    "statistics",
    "public-interest",
    "public-service",
    "law-enforcement",
    "commercial",
    "education",
    "journalism",
    "fact-checking",
    "ai-training",
)
"""The purpose vocabulary (`purpose` constraints use these values)."""

POLICY_TYPES = ("Offer", "Agreement", "Set", "Policy")


class Operator(Enum):
    EQ = "eq"
    NEQ = "neq"
    LT = "lt"
    LTEQ = "lteq"
    GT = "gt"
    GTEQ = "gteq"
    IS_ANY_OF = "isAnyOf"
    IS_NONE_OF = "isNoneOf"


_OPERANDS: dict[str, tuple[Operator, ...]] = {
    "purpose": (Operator.EQ, Operator.IS_ANY_OF, Operator.NEQ, Operator.IS_NONE_OF),
    "dateTime": (Operator.LT, Operator.LTEQ, Operator.GT, Operator.GTEQ),
    "count": (Operator.LT, Operator.LTEQ),
    "spatial": (Operator.EQ, Operator.IS_ANY_OF),
    "recipient": (Operator.EQ, Operator.IS_ANY_OF),
    "jipan:role": (Operator.EQ, Operator.IS_ANY_OF),
    "jipan:anonymisedK": (Operator.GTEQ,),
}
_DUTIES = ("attribute", "inform", "delete")


@dataclass(frozen=True)
class Constraint:
    left: str
    operator: Operator
    values: tuple[Any, ...]
    """One value for the scalar operators; the set for isAnyOf/isNoneOf. dateTime values are
    aware datetimes, count and anonymisedK ints, the rest strings."""
    path: str

    def describe(self) -> str:
        shown = ", ".join(v.isoformat() if isinstance(v, datetime) else str(v) for v in self.values)
        return f"{self.left} {self.operator.value} {shown}"


@dataclass(frozen=True)
class Duty:
    action: str
    deadline: datetime | None
    """`delete` only: the date by which the data must be deleted."""
    path: str


@dataclass(frozen=True)
class Rule:
    uid: str
    kind: str
    """"permission" or "prohibition"."""
    action: str
    constraints: tuple[Constraint, ...]
    duties: tuple[Duty, ...]
    path: str

    def covers(self, action: str) -> bool:
        return self.action == action or self.action == "use"


@dataclass(frozen=True)
class Policy:
    uid: str
    type: str
    permissions: tuple[Rule, ...]
    prohibitions: tuple[Rule, ...]
    canonical: str
    """Canonical JSON (sorted keys, no spaces) of what was parsed: the bytes the digest covers."""

    @property
    def digest(self) -> bytes:
        return hashlib.sha256(self.canonical.encode()).digest()

    @property
    def rule_count(self) -> int:
        return len(self.permissions) + len(self.prohibitions)


@dataclass(frozen=True)
class UseContext:
    """What an access decision is asked about, at the moment of access."""

    action: str
    at: datetime
    uses: int
    """Uses of the agreement so far, this one included."""
    purpose: str = ""
    recipient: str = ""
    roles: frozenset[str] = frozenset()
    spatial: str = ""
    anonymised_k: int = 0
    """k the data read was anonymised to by the privacy service; 0 when it was not."""


@dataclass(frozen=True)
class Decision:
    permitted: bool
    rule: str
    """uid of the deciding rule (the permission that permits, the prohibition that refuses, or
    the permission that came closest); empty when no permission covers the action."""
    constraint: str
    """The failed constraint or overdue duty, described (empty when permitted)."""
    reason: str
    """POLICY_PERMITTED, POLICY_PROHIBITED, ACTION_NOT_PERMITTED, CONSTRAINT_UNSATISFIED, DUTY_OVERDUE."""
    obligations: tuple[str, ...] = field(default=())
    """Duties the consumer takes on with a permitted use (attribute, inform, delete by ...)."""


class PolicyInvalid(InvalidArgument):
    pass


def _invalid(path: str, message: str, field_name: str, domain: str) -> PolicyInvalid:
    return PolicyInvalid(
        "POLICY_INVALID",
        f"{path}: {message}",
        domain=domain,
        metadata={"path": path, "problem": message},
        field_violations=(FieldViolation(field=field_name, description=f"{path}: {message}"),),
    )


class _Parser:
    def __init__(self, field_name: str, domain: str) -> None:
        self._field = field_name
        self._domain = domain

    def fail(self, path: str, message: str) -> PolicyInvalid:
        return _invalid(path, message, self._field, self._domain)

    def string(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not value or len(value) > MAX_VALUE_LEN:
            raise self.fail(path, f"must be a non-empty string of at most {MAX_VALUE_LEN} characters")
        return value

    def objects(self, value: Any, path: str, limit: int) -> list[Mapping[str, Any]]:
        items = value if isinstance(value, list) else [value]
        if len(items) > limit:
            raise self.fail(path, f"at most {limit} entries")
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise self.fail(f"{path}[{i}]", "must be an object")
        return items

    def only(self, obj: Mapping[str, Any], path: str, allowed: Sequence[str]) -> None:
        for key in obj:
            if key not in allowed:
                raise self.fail(
                    f"{path}.{key}", f"is not in Jipan's ODRL subset (allowed: {', '.join(allowed)})"
                )

    def action(self, value: Any, path: str) -> str:
        if isinstance(value, dict):  # {"rdf:value": {"@id": "odrl:use"}} or {"@id": "use"}
            value = value.get("@id", value.get("rdf:value"))
            if isinstance(value, dict):
                value = value.get("@id")
        name = self.string(value, path)
        name = name.removeprefix("odrl:").removeprefix("http://www.w3.org/ns/odrl/2/")
        if name not in ACTIONS:
            raise self.fail(path, f"action {name!r} is not one of {', '.join(ACTIONS)}")
        return name

    def constraint(self, obj: Mapping[str, Any], path: str) -> Constraint:
        self.only(obj, path, ("leftOperand", "operator", "rightOperand", "uid", "@type"))
        for key in ("leftOperand", "operator", "rightOperand"):
            if key not in obj:
                raise self.fail(f"{path}.{key}", "is required")
        left = self.string(obj["leftOperand"], f"{path}.leftOperand").removeprefix("odrl:")
        if left not in _OPERANDS:
            raise self.fail(f"{path}.leftOperand", f"{left!r} is not one of {', '.join(_OPERANDS)}")
        op_name = self.string(obj["operator"], f"{path}.operator").removeprefix("odrl:")
        try:
            operator = Operator(op_name)
        except ValueError:
            raise self.fail(f"{path}.operator", f"{op_name!r} is not an ODRL operator") from None
        if operator not in _OPERANDS[left]:
            allowed = ", ".join(o.value for o in _OPERANDS[left])
            raise self.fail(f"{path}.operator", f"{left} takes {allowed}, not {op_name}")
        raw = obj["rightOperand"]
        rpath = f"{path}.rightOperand"
        many = operator in (Operator.IS_ANY_OF, Operator.IS_NONE_OF)
        if many:
            if not isinstance(raw, list) or not raw or len(raw) > MAX_VALUES:
                raise self.fail(rpath, f"{op_name} needs a list of 1 to {MAX_VALUES} values")
            items = raw
        else:
            if isinstance(raw, list):
                raise self.fail(rpath, f"{op_name} takes one value, not a list")
            items = [raw]
        values = tuple(
            self.value(left, item, f"{rpath}[{i}]" if many else rpath) for i, item in enumerate(items)
        )
        return Constraint(left=left, operator=operator, values=values, path=path)

    def value(self, left: str, raw: Any, path: str) -> Any:
        if isinstance(raw, dict) and "@value" in raw:
            raw = raw["@value"]
        if left == "dateTime":
            text = self.string(raw, path)
            try:
                moment = datetime.fromisoformat(text)
            except ValueError:
                raise self.fail(path, f"{text!r} is not an RFC 3339 date-time") from None
            if moment.tzinfo is None:
                raise self.fail(path, f"{text!r} has no UTC offset")
            return moment
        if left in ("count", "jipan:anonymisedK"):
            if isinstance(raw, bool) or not isinstance(raw, int) or not 0 < raw <= 1_000_000_000:
                raise self.fail(path, "must be an integer from 1 to 1,000,000,000")
            return raw
        text = self.string(raw, path)
        if left == "purpose" and text not in PURPOSES:
            raise self.fail(path, f"purpose {text!r} is not in the vocabulary ({', '.join(PURPOSES)})")
        if left == "spatial" and not (len(text) == 2 and text.isascii() and text.isupper()):
            raise self.fail(path, f"{text!r} is not an ISO 3166-1 alpha-2 code such as TW")
        if left == "recipient" and not text.startswith("orgs/"):
            raise self.fail(path, f"{text!r} is not an organisation name (orgs/{{id}})")
        return text

    def duty(self, obj: Mapping[str, Any], path: str) -> Duty:
        self.only(obj, path, ("action", "constraint", "uid", "@type"))
        if "action" not in obj:
            raise self.fail(f"{path}.action", "is required")
        value = obj["action"]
        name = self.string(value, f"{path}.action").removeprefix("odrl:")
        if name not in _DUTIES:
            raise self.fail(f"{path}.action", f"duty {name!r} is not one of {', '.join(_DUTIES)}")
        constraints = [
            self.constraint(c, f"{path}.constraint[{i}]")
            for i, c in enumerate(
                self.objects(obj.get("constraint", []), f"{path}.constraint", MAX_CONSTRAINTS)
            )
        ]
        deadline = None
        if name == "delete":
            if (
                len(constraints) != 1
                or constraints[0].left != "dateTime"
                or constraints[0].operator
                not in (
                    Operator.LT,
                    Operator.LTEQ,
                )
            ):
                raise self.fail(
                    path, "a delete duty needs exactly one dateTime lt/lteq constraint (its deadline)"
                )
            deadline = constraints[0].values[0]
        elif constraints:
            raise self.fail(f"{path}.constraint", f"a {name} duty takes no constraint")
        return Duty(action=name, deadline=deadline, path=path)

    def rule(self, obj: Mapping[str, Any], kind: str, index: int) -> Rule:
        path = f"{kind}[{index}]"
        allowed = ["uid", "action", "constraint", "target", "assigner", "assignee", "@type"]
        if kind == "permission":
            allowed.append("duty")
        self.only(obj, path, allowed)
        if "action" not in obj:
            raise self.fail(f"{path}.action", "is required")
        uid = self.string(obj["uid"], f"{path}.uid") if "uid" in obj else path
        constraints = tuple(
            self.constraint(c, f"{path}.constraint[{i}]")
            for i, c in enumerate(
                self.objects(obj.get("constraint", []), f"{path}.constraint", MAX_CONSTRAINTS)
            )
        )
        duties = tuple(
            self.duty(d, f"{path}.duty[{i}]")
            for i, d in enumerate(self.objects(obj.get("duty", []), f"{path}.duty", MAX_CONSTRAINTS))
        )
        return Rule(
            uid=uid,
            kind=kind,
            action=self.action(obj["action"], f"{path}.action"),
            constraints=constraints,
            duties=duties,
            path=path,
        )

    def policy(self, document: Any) -> Policy:
        if not isinstance(document, dict):
            raise self.fail("$", "a policy is a JSON object")
        self.only(
            document,
            "$",
            (
                "@context",
                "@type",
                "@id",
                "uid",
                "permission",
                "prohibition",
                "target",
                "assigner",
                "assignee",
                "profile",
            ),
        )
        context = document.get("@context", ODRL_CONTEXT)
        contexts = context if isinstance(context, list) else [context]
        if ODRL_CONTEXT not in contexts:
            raise self.fail("$.@context", f"must include {ODRL_CONTEXT}")
        kind = self.string(document.get("@type", "Offer"), "$.@type").removeprefix("odrl:")
        if kind not in POLICY_TYPES:
            raise self.fail("$.@type", f"{kind!r} is not one of {', '.join(POLICY_TYPES)}")
        uid = self.string(document.get("uid", document.get("@id", "policy")), "$.uid")
        permissions = tuple(
            self.rule(r, "permission", i)
            for i, r in enumerate(self.objects(document.get("permission", []), "$.permission", MAX_RULES))
        )
        prohibitions = tuple(
            self.rule(r, "prohibition", i)
            for i, r in enumerate(self.objects(document.get("prohibition", []), "$.prohibition", MAX_RULES))
        )
        if not permissions:
            raise self.fail(
                "$.permission", "a policy needs at least one permission (what is not permitted is prohibited)"
            )
        if len(permissions) + len(prohibitions) > MAX_RULES:
            raise self.fail("$", f"at most {MAX_RULES} rules")
        uids = [r.uid for r in (*permissions, *prohibitions)]
        duplicate = next((u for u in uids if uids.count(u) > 1), None)
        if duplicate is not None:
            raise self.fail("$", f"rule uid {duplicate!r} is used twice")
        canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return Policy(
            uid=uid, type=kind, permissions=permissions, prohibitions=prohibitions, canonical=canonical
        )


def parse_policy(text: str | bytes, *, field_name: str, domain: str) -> Policy:
    """The policy in `text` (ODRL JSON-LD, compact form), or PolicyInvalid naming the JSON path at fault."""
    document = parse_json(
        text,
        field=field_name,
        max_depth=16,
        max_bytes=MAX_POLICY_BYTES,
        reason="POLICY_INVALID",
        domain=domain,
    )
    return _Parser(field_name, domain).policy(document)


def _holds(constraint: Constraint, use: UseContext) -> bool:
    op = constraint.operator
    values = constraint.values
    left = constraint.left
    actual: Any
    if left == "purpose":
        actual = use.purpose
    elif left == "dateTime":
        actual = use.at
    elif left == "count":
        actual = use.uses
    elif left == "spatial":
        actual = use.spatial
    elif left == "recipient":
        actual = use.recipient
    elif left == "jipan:anonymisedK":
        return bool(use.anonymised_k >= values[0])
    else:  # jipan:role: the consumer holds one of the roles
        return any(role in use.roles for role in values)
    if op is Operator.EQ:
        return bool(actual == values[0])
    if op is Operator.NEQ:
        return bool(actual != values[0]) and actual != ""
    if op is Operator.IS_ANY_OF:
        return bool(actual in values)
    if op is Operator.IS_NONE_OF:
        return bool(actual not in values and actual != "")
    if op is Operator.LT:
        return bool(actual < values[0])
    if op is Operator.LTEQ:
        return bool(actual <= values[0])
    if op is Operator.GT:
        return bool(actual > values[0])
    return bool(actual >= values[0])


def _obligation(duty: Duty) -> str:
    if duty.deadline is not None:
        return f"delete by {duty.deadline.isoformat()}"
    return duty.action


def evaluate(policy: Policy, use: UseContext) -> Decision:
    """May `use` happen under `policy`, now? (see the module docstring for the rules)."""
    for rule in policy.prohibitions:
        if rule.covers(use.action) and all(_holds(c, use) for c in rule.constraints):
            return Decision(False, rule.uid, "", "POLICY_PROHIBITED")
    closest: tuple[int, Rule, str, str] | None = None
    for rule in policy.permissions:
        if not rule.covers(use.action):
            continue
        failed = [c for c in rule.constraints if not _holds(c, use)]
        overdue = [d for d in rule.duties if d.deadline is not None and use.at > d.deadline]
        if not failed and not overdue:
            return Decision(
                True, rule.uid, "", "POLICY_PERMITTED", tuple(_obligation(d) for d in rule.duties)
            )
        misses = len(failed) + len(overdue)
        if closest is None or misses < closest[0]:
            if failed:
                closest = (misses, rule, failed[0].describe(), "CONSTRAINT_UNSATISFIED")
            else:
                closest = (misses, rule, _obligation(overdue[0]), "DUTY_OVERDUE")
    if closest is None:
        return Decision(False, "", "", "ACTION_NOT_PERMITTED")
    return Decision(False, closest[1].uid, closest[2], closest[3])
