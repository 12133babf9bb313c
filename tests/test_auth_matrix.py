"""The auth matrix: every method of every registered service against every way a token can be wrong.

Generated from the descriptor pool (tests/descriptor_walk.py): a method added to
a contract, or a service added to `jipan.servers.registry`, is in the matrix the
day it is registered, with the policy its contract declares. The mesh runs as a
`jipan serve` subprocess (tests/subprocess_mesh.py) and is called from outside.

For every closed method (not health/reflection, not `AUTH_LEVEL_OPEN`), each
forged or broken token must be refused UNAUTHENTICATED with the exact
`ErrorInfo.reason` of the common ErrorReason enum; a token without a required
scope or role PERMISSION_DENIED `SCOPE_MISSING` / `ROLE_MISSING`; a good token
passes both stages. Open methods ignore tokens altogether. No answer anywhere
may be INTERNAL or UNKNOWN, and every refusal carries ErrorInfo.

Tenancy: a person with a passkey (tests/webauthn_soft.py) founds organisation B
in identity, and B gets resources in every service that keeps them (members,
service accounts, consents, passkeys, a draft listing, a tender with a bid of a
third organisation, a ledger receipt). Then a valid token of organisation A, with
every scope and every tenant role, calls each method whose resource fields
(`name`, `parent`, references) can hold one of B's names: it must be
PERMISSION_DENIED or NOT_FOUND. Only the methods that answer everyone with what
the caller may see (PUBLIC_READS) may answer OK, and then never with anything
private of B; where the name itself is the capability (CAPABILITY_READS), OK with
the resource is the design. A method in neither table is held to refusal, so a
new service starts strict.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import re
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import grpc
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from jipan.interceptors.tokens import DevSigningKey, jwk_thumbprint
from jipan.system.v1 import system_service_pb2 as sys_pb
from jipan.system.v1 import system_service_pb2_grpc as sys_grpc
from tests.descriptor_walk import (
    CORE_WRITE_RACE,
    Outcome,
    RpcMethod,
    all_grants,
    bearer,
    field_rules,
    fill_valid,
    invoke,
    lost_to_a_write_race,
    registered_methods,
    registered_modules,
    set_path,
    string_fields,
    valid_request,
)
from tests.subprocess_mesh import AUDIENCE, ISSUER, ServedMesh, served_mesh
from tests.tenants import (
    RESOURCE_FIELD,
    found_organisation,
    person_with_passkey,
    seed_cloud,
    seed_dataspace,
    seed_document,
    seed_factcheck,
    seed_federation,
    seed_identity,
    seed_inference,
    seed_ledger,
    seed_market,
    seed_privacy,
    seed_procurement,
)

UNAUTHENTICATED = grpc.StatusCode.UNAUTHENTICATED
PERMISSION_DENIED = grpc.StatusCode.PERMISSION_DENIED
NEVER = frozenset({grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN})
CONCURRENCY = 16

METHODS = registered_methods()
CLOSED = [m for m in METHODS if not m.open]
OPEN = [m for m in METHODS if m.open]
ALL_SCOPES, ALL_ROLES = all_grants(METHODS)


@pytest.fixture(scope="module")
async def mesh(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[ServedMesh]:
    async with served_mesh(database_url, tmp_path_factory.mktemp("auth-matrix")) as served:
        yield served


def _channel(mesh: ServedMesh) -> grpc.aio.Channel:
    assert mesh.channel is not None
    return mesh.channel


async def _over_methods(
    methods: Sequence[RpcMethod], call: Callable[[RpcMethod], Awaitable[str | None]]
) -> list[str]:
    """Run `call` for each method (bounded concurrency); the non-None results are failures."""
    limit = asyncio.Semaphore(CONCURRENCY)

    async def one(method: RpcMethod) -> str | None:
        async with limit:
            return await call(method)

    results = await asyncio.gather(*(one(method) for method in methods))
    return [result for result in results if result is not None]


def _verdict(
    method: RpcMethod, got: Outcome, code: grpc.StatusCode, reason: str | frozenset[str]
) -> str | None:
    reasons = {reason} if isinstance(reason, str) else reason
    if got.code == code and got.has_error_info and got.reason in reasons:
        return None
    return f"{method.id}: want {code.name} {'|'.join(sorted(reasons))}, got {got}"


def _summary(failures: list[str], total: int) -> str:
    """Failures grouped by what went wrong, so 80 methods failing alike read as one line."""
    groups: dict[str, list[str]] = {}
    for failure in failures:
        method, _, what = failure.partition(": ")
        groups.setdefault(what, []).append(method)
    lines = [f"{len(failures)} of {total} methods:"]
    for what, methods in sorted(groups.items(), key=lambda item: -len(item[1])):
        shown = ", ".join(methods[:8]) + (f" and {len(methods) - 8} more" if len(methods) > 8 else "")
        lines.append(f"  {what}\n    <- {shown}")
    return "\n".join(lines)


# --- tokens, broken every way ---------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": ISSUER,
        "sub": "people/0123456789abcdef0123456789abcdef",
        "aud": AUDIENCE,
        "iat": now,
        "nbf": now,
        "exp": now + 600,
        "jti": uuid.uuid4().hex,
        "client_id": "people/0123456789abcdef0123456789abcdef",
        "scope": " ".join(ALL_SCOPES),
        "org": "orgs/matrix-org",
        "roles": ALL_ROLES,
    }
    claims.update(overrides)
    return claims


def _signed(key: DevSigningKey, header_segment: str, payload_segment: str) -> str:
    """A compact JWS over exactly these segments, correctly signed with `key`."""
    signing_input = f"{header_segment}.{payload_segment}".encode("ascii")
    return f"{header_segment}.{payload_segment}.{_b64(key.private_key.sign(signing_input))}"


def _header(key: DevSigningKey, **overrides: Any) -> str:
    header: dict[str, Any] = {"alg": "EdDSA", "typ": "at+jwt", "kid": key.kid}
    header.update(overrides)
    return _b64(json.dumps(header).encode())


def _with_trailing_bits(segment: str) -> str:
    """The same bytes spelled with non-zero unused bits in the last character (RFC 4648 §3.5)."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    unused = {2: 4, 3: 2}.get(len(segment) % 4)
    assert unused, "a segment whose length is a multiple of 4 has no unused bits"
    last = alphabet.index(segment[-1])
    return segment[:-1] + alphabet[last | 1]


def _payload_with_unused_bits(claims: dict[str, Any]) -> str:
    text = json.dumps(claims)
    while len(_b64(text.encode())) % 4 == 0:  # pad the JSON until its encoding has unused bits
        text += " "
    return _b64(text.encode())


def _flip(segment: str, index: int) -> str:
    char = segment[index]
    return segment[:index] + ("A" if char != "A" else "B") + segment[index + 1 :]


@dataclass(frozen=True)
class BrokenToken:
    """One way a token is wrong, what every closed method must answer, and why."""

    reason: str | frozenset[str]
    build: Callable[[ServedMesh], str | None]
    """The `authorization` metadata value (None: no metadata at all)."""
    code: grpc.StatusCode = UNAUTHENTICATED


def _good(mesh: ServedMesh, **claims: Any) -> str:
    key = mesh.dev_key
    return _signed(key, _header(key), _b64(json.dumps(_claims(**claims)).encode()))


def _bearer(build: Callable[[ServedMesh], str]) -> Callable[[ServedMesh], str]:
    return lambda mesh: f"Bearer {build(mesh)}"


def _altered_signature(mesh: ServedMesh) -> str:
    header, payload, signature = _good(mesh).split(".")
    return f"{header}.{payload}.{_flip(signature, 10)}"


def _foreign_key(mesh: ServedMesh, *, keep_kid: bool) -> str:
    stranger = Ed25519PrivateKey.generate()
    kid = mesh.dev_key.kid if keep_kid else jwk_thumbprint(stranger.public_key())
    return jwt.encode(_claims(), stranger, algorithm="EdDSA", headers={"typ": "at+jwt", "kid": kid})


def _hs256_with_public_key(mesh: ServedMesh) -> str:
    """The classic confusion: HMAC keyed with the verifier's public key (PEM, as servers hold it)."""
    public_pem = mesh.dev_key.public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    header = _b64(json.dumps({"alg": "HS256", "typ": "at+jwt", "kid": mesh.dev_key.kid}).encode())
    payload = _b64(json.dumps(_claims()).encode())
    digest = hmac.new(public_pem, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64(digest)}"


def _alg_none(mesh: ServedMesh) -> str:
    header = _b64(json.dumps({"alg": "none", "typ": "at+jwt", "kid": mesh.dev_key.kid}).encode())
    return f"{header}.{_b64(json.dumps(_claims()).encode())}."


BROKEN: dict[str, BrokenToken] = {
    "no-token": BrokenToken("TOKEN_MISSING", lambda mesh: None),
    "basic-scheme": BrokenToken("TOKEN_MISSING", lambda mesh: "Basic dXNlcjpwYXNzd29yZA=="),
    "not-a-jwt": BrokenToken("TOKEN_MALFORMED", lambda mesh: "Bearer not-a-jwt"),
    "two-segments": BrokenToken("TOKEN_MALFORMED", _bearer(lambda mesh: _good(mesh).rsplit(".", 1)[0])),
    "header-not-json": BrokenToken(
        "TOKEN_MALFORMED",
        _bearer(lambda mesh: _signed(mesh.dev_key, _b64(b"{not json"), _b64(json.dumps(_claims()).encode()))),
    ),
    "header-not-base64": BrokenToken(
        "TOKEN_MALFORMED", _bearer(lambda mesh: "%%%." + _good(mesh).split(".", 1)[1])
    ),
    "kid-not-a-string": BrokenToken(
        "TOKEN_MALFORMED",
        _bearer(
            lambda mesh: _signed(
                mesh.dev_key, _header(mesh.dev_key, kid=1), _b64(json.dumps(_claims()).encode())
            )
        ),
    ),
    "payload-not-json": BrokenToken(
        "TOKEN_MALFORMED",
        _bearer(lambda mesh: _signed(mesh.dev_key, _header(mesh.dev_key), _b64(b"{not json"))),
    ),
    "payload-not-an-object": BrokenToken(
        "TOKEN_MALFORMED", _bearer(lambda mesh: _signed(mesh.dev_key, _header(mesh.dev_key), _b64(b"[1, 2]")))
    ),
    "signature-altered": BrokenToken("TOKEN_SIGNATURE_INVALID", _bearer(_altered_signature)),
    "signature-padded": BrokenToken("TOKEN_MALFORMED", _bearer(lambda mesh: _good(mesh) + "==")),
    "signature-unused-bits-set": BrokenToken(
        "TOKEN_MALFORMED",
        _bearer(
            lambda mesh: (
                _good(mesh).rsplit(".", 1)[0] + "." + _with_trailing_bits(_good(mesh).rsplit(".", 1)[1])
            )
        ),
    ),
    "payload-unused-bits-set-and-signed": BrokenToken(
        "TOKEN_MALFORMED",
        _bearer(
            lambda mesh: _signed(
                mesh.dev_key, _header(mesh.dev_key), _with_trailing_bits(_payload_with_unused_bits(_claims()))
            )
        ),
    ),
    "payload-padded-and-signed": BrokenToken(
        "TOKEN_MALFORMED",
        _bearer(
            lambda mesh: _signed(
                mesh.dev_key,
                _header(mesh.dev_key),
                (lambda p: p + "=" * (-len(p) % 4))(_payload_with_unused_bits(_claims())),
            )
        ),
    ),
    "expired": BrokenToken(
        "TOKEN_EXPIRED",
        _bearer(
            lambda mesh: _good(
                mesh, iat=int(time.time()) - 7200, nbf=int(time.time()) - 7200, exp=int(time.time()) - 3600
            )
        ),
    ),
    "not-yet-valid": BrokenToken(
        "TOKEN_NOT_YET_VALID",
        _bearer(
            lambda mesh: _good(
                mesh, iat=int(time.time()) + 3600, nbf=int(time.time()) + 3600, exp=int(time.time()) + 7200
            )
        ),
    ),
    # An unsigned token is refused as unsigned or, having no signature segment, as malformed.
    "alg-none": BrokenToken(frozenset({"TOKEN_SIGNATURE_INVALID", "TOKEN_MALFORMED"}), _bearer(_alg_none)),
    "hs256-with-the-public-key": BrokenToken("TOKEN_SIGNATURE_INVALID", _bearer(_hs256_with_public_key)),
    "foreign-key": BrokenToken("TOKEN_KEY_UNKNOWN", _bearer(lambda mesh: _foreign_key(mesh, keep_kid=False))),
    "foreign-key-known-kid": BrokenToken(
        "TOKEN_SIGNATURE_INVALID", _bearer(lambda mesh: _foreign_key(mesh, keep_kid=True))
    ),
    "wrong-audience": BrokenToken(
        "TOKEN_AUDIENCE_INVALID", _bearer(lambda mesh: _good(mesh, aud="someone-else"))
    ),
    "wrong-issuer": BrokenToken(
        "TOKEN_ISSUER_INVALID", _bearer(lambda mesh: _good(mesh, iss="https://evil.example"))
    ),
    "not-an-access-token": BrokenToken(
        "TOKEN_CLAIMS_INVALID",
        _bearer(
            lambda mesh: _signed(
                mesh.dev_key, _header(mesh.dev_key, typ="JWT"), _b64(json.dumps(_claims()).encode())
            )
        ),
    ),
    "no-jti": BrokenToken(
        "TOKEN_CLAIMS_INVALID",
        _bearer(
            lambda mesh: _signed(
                mesh.dev_key,
                _header(mesh.dev_key),
                _b64(json.dumps({k: v for k, v in _claims().items() if k != "jti"}).encode()),
            )
        ),
    ),
}


def test_the_walk_covers_every_served_service(mesh: ServedMesh) -> None:
    """The subprocess serves exactly the registry's services, and the matrix walks all of them."""
    walked = {method.service for method in METHODS}
    assert set(mesh.services) == walked
    assert set(mesh.services) == {name for names in registered_modules().values() for name in names}
    assert len(CLOSED) > 50, len(CLOSED)
    assert OPEN


async def test_reflection_lists_nothing_the_walk_misses(mesh: ServedMesh) -> None:
    stub = reflection_pb2_grpc.ServerReflectionStub(_channel(mesh))
    responses = stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]))
    listed = {
        s.name for response in [r async for r in responses] for s in response.list_services_response.service
    }
    unwalked = listed - {method.service for method in METHODS}
    assert unwalked <= {
        "grpc.health.v1.Health",
        "grpc.reflection.v1alpha.ServerReflection",
        "grpc.reflection.v1.ServerReflection",
    }


@pytest.mark.parametrize("case", sorted(BROKEN))
async def test_every_closed_method_refuses_the_broken_token(mesh: ServedMesh, case: str) -> None:
    broken = BROKEN[case]
    value = broken.build(mesh)
    metadata = () if value is None else (("authorization", value),)

    async def check(method: RpcMethod) -> str | None:
        got = await invoke(_channel(mesh), method, method.request_class()(), metadata)
        return _verdict(method, got, broken.code, broken.reason)

    failures = await _over_methods(CLOSED, check)
    assert not failures, _summary(failures, len(CLOSED))


@pytest.mark.parametrize("case", ["no-token", "signature-altered", "expired", "kid-not-a-string", "alg-none"])
async def test_open_methods_ignore_tokens_and_never_fail_internally(mesh: ServedMesh, case: str) -> None:
    value = BROKEN[case].build(mesh)
    metadata = () if value is None else (("authorization", value),)

    async def check(method: RpcMethod) -> str | None:
        got = await invoke(_channel(mesh), method, method.request_class()(), metadata)
        if got.code in NEVER or got.code == UNAUTHENTICATED or (not got.ok and not got.has_error_info):
            return f"{method.id}: got {got}"
        return None

    failures = await _over_methods(OPEN, check)
    assert not failures, _summary(failures, len(OPEN))


async def test_a_token_without_the_methods_scopes_is_refused(mesh: ServedMesh) -> None:
    scoped = [m for m in CLOSED if m.policy.scopes]
    assert scoped

    async def check(method: RpcMethod) -> str | None:
        others = [scope for scope in ALL_SCOPES if scope not in method.policy.scopes]
        token = mesh.token(scopes=others, org="orgs/matrix-org", roles=ALL_ROLES)
        got = await invoke(_channel(mesh), method, method.request_class()(), bearer(token))
        return _verdict(method, got, PERMISSION_DENIED, "SCOPE_MISSING")

    failures = await _over_methods(scoped, check)
    assert not failures, _summary(failures, len(scoped))


async def test_a_token_without_the_methods_roles_is_refused(mesh: ServedMesh) -> None:
    roled = [m for m in CLOSED if m.policy.org_roles]
    assert roled

    async def check(method: RpcMethod) -> str | None:
        others = [role for role in ALL_ROLES if role not in method.policy.org_roles]
        without_role = mesh.token(scopes=ALL_SCOPES, org="orgs/matrix-org", roles=others)
        without_org = mesh.token(scopes=ALL_SCOPES, org=None, roles=ALL_ROLES)
        failures = []
        for token in (without_role, without_org):
            got = await invoke(_channel(mesh), method, method.request_class()(), bearer(token))
            failures.append(_verdict(method, got, PERMISSION_DENIED, "ROLE_MISSING"))
        found = [f for f in failures if f]
        return "; ".join(found) if found else None

    failures = await _over_methods(roled, check)
    assert not failures, _summary(failures, len(roled))


async def test_a_good_token_passes_authentication_and_authorization(mesh: ServedMesh) -> None:
    """The control: with every scope and role the same calls get past both stages."""
    token = mesh.token(scopes=ALL_SCOPES, org="orgs/matrix-org", roles=ALL_ROLES)

    async def check(method: RpcMethod) -> str | None:
        got = await invoke(_channel(mesh), method, method.request_class()(), bearer(token))
        if got.code in NEVER or (not got.ok and not got.has_error_info):
            return f"{method.id}: got {got}"
        if got.code == UNAUTHENTICATED or got.reason in ("SCOPE_MISSING", "ROLE_MISSING"):
            return f"{method.id}: a fully granted token was refused: {got}"
        return None

    failures = await _over_methods(CLOSED, check)
    assert not failures, _summary(failures, len(CLOSED))


async def test_a_token_identity_has_just_issued_verifies_at_once(mesh: ServedMesh) -> None:
    """Identity makes its first signing key at the first sign-in; a moment earlier an unknown kid
    made this process's key set refresh (which rate-limits the next refresh). The new person's
    token must verify anyway: the process that signs re-reads its published keys at once."""
    stranger = (("authorization", f"Bearer {_foreign_key(mesh, keep_kid=False)}"),)
    whoami = sys_grpc.SystemServiceStub(_channel(mesh))
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await whoami.GetWhoAmI(sys_pb.GetWhoAmIRequest(), metadata=stranger)
    assert refused.value.code() == UNAUTHENTICATED
    person, token, _ = await person_with_passkey(mesh, f"fresh-{uuid.uuid4().hex[:8]}")
    me = await whoami.GetWhoAmI(sys_pb.GetWhoAmIRequest(), metadata=bearer(token))
    assert me.principal.subject == person


# --- tenancy: organisation A calls with organisation B's names -----------------------------------

PUBLIC_READS = {
    # What the procurement contract publishes to every authenticated caller, on purpose:
    # the catalog (lots and published listings), published tenders and their OCDS
    # release, the bids list (each caller sees its own), the public audit trail.
    "CatalogService/GetLot",
    "CatalogService/ListLots",
    "CatalogService/GetListing",
    "CatalogService/SearchListings",
    "TenderService/GetTender",
    "TenderService/ListTenders",
    "TenderService/ListBids",
    "TenderService/ListTenderEvents",
    "TenderService/ExportTenderRelease",
    # The data space catalog is read by every member, and any member may ask a publisher
    # for a contract on a catalogued dataset: that is what the catalog is for.
    "CatalogService/GetDataset",
    "CatalogService/ListDatasets",
    "CatalogService/ExportCatalog",
    "NegotiationService/RequestContract",
    # The market's catalog: every authenticated caller reads every project (market README).
    "ProjectService/GetProject",
    "ProjectService/ListProjects",
    "ProjectService/SearchProjects",
    "ProjectService/GetVersion",
    "ProjectService/ListVersions",
    "ProjectService/ListVersionAdvisories",
    "ProjectService/GetProjectHealth",
    # Publishers are public; ListClaims answers each organisation with its own claims only.
    "PublisherService/GetPublisher",
    "PublisherService/ListClaims",
    # Any organisation may claim a public project; the claim (and its challenge) is its own,
    # and only a proof published where the project's metadata points makes it the publisher.
    "PublisherService/CreateClaim",
    # Service providers and their offers are public, for agencies to find them.
    "ProviderService/GetProvider",
    "ProviderService/ListProviders",
    "ProviderService/GetOffer",
    "ProviderService/ListOffers",
    # Q&A is public: anyone reads, asks about a public project, answers, votes and reports;
    # only the asker accepts (NOT_AUTHOR) and only moderators hide (an operator role).
    "QuestionService/GetQuestion",
    "QuestionService/ListQuestions",
    "QuestionService/ListAnswers",
    "QuestionService/CreateQuestion",
    "QuestionService/CreateAnswer",
    "QuestionService/VoteAnswer",
    "QuestionService/ReportContent",
    # Trial templates of public projects are public, for agencies to find what they may try.
    "TrialService/ListTrialTemplates",
    # Ratings are public (the order behind each is shown to its agency and the provider only).
    "RatingService/ListRatings",
    # The consortium's governance registry is public to every `ledger.read` holder.
    "GovernanceService/GetProposal",
    "GovernanceService/ListProposals",
    "GovernanceService/ListMembers",
    "GovernanceService/ListNodes",
    # Enumerating receipts answers everyone, with only the caller's organisation's receipts
    # (README "Ledger: who reads which receipts"): another's submitter gives an empty page.
    "LedgerService/ListAnchors",
    "LedgerService/WatchAnchors",
    # The key set and revocation feed are public by design.
    "TokenService/GetKeySet",
    "TokenService/ListRevocations",
}
"""Methods that may answer OK to an outsider: even then, nothing private of B may be in the answer."""

CAPABILITY_READS = {
    # Knowing the digest, or the receipt's random name its submitter hands out with what it
    # anchored, is the permission to read the receipt (README "Ledger: who reads which receipts").
    "LedgerService/VerifyDigest",
    "LedgerService/GetReceipt",
}
"""Methods where holding the exact name is the permission: OK with the resource is the design."""


@dataclass(frozen=True)
class Probe:
    method: RpcMethod
    path: str
    name: str

    def request(self) -> Any:
        request = valid_request(self.method)
        resource, _, leaf = self.path.rpartition(".")
        if resource and leaf == "name" and "update_mask" in request.DESCRIPTOR.fields_by_name:
            # An update (AIP-134): give it something to change, or it never reaches the ownership check.
            target = getattr(request, resource)
            fill_valid(target, everything=True)
            mask = getattr(request, "update_mask")  # noqa: B009 - the request's type is only known at run time
            mask.paths[:] = [fd.name for fd, _ in target.ListFields() if fd.name != "name"]
        set_path(request, self.path, self.name)
        return request


def _probes(methods: Sequence[RpcMethod], names: Sequence[str]) -> list[Probe]:
    probes = []
    for method in methods:
        for path, fd in string_fields(method.input):
            if not RESOURCE_FIELD.match(fd.name):
                continue
            rules = field_rules(fd)
            for name in names:
                if rules is not None and rules.pattern and not re.fullmatch(rules.pattern, name):
                    continue  # validation refuses it before any tenancy check could run
                probes.append(Probe(method, path, name))
    return probes


async def test_organisation_a_never_reaches_organisation_bs_resources(mesh: ServedMesh) -> None:
    a = await found_organisation(mesh, "tenant-a")
    b = await found_organisation(mesh, "tenant-b")
    await seed_identity(mesh, b)
    await seed_procurement(mesh, b)
    await seed_ledger(mesh, b)
    await seed_inference(mesh, b)
    await seed_privacy(mesh, b)
    await seed_dataspace(mesh, b)
    await seed_document(mesh, b)
    await seed_factcheck(mesh, b)
    await seed_federation(mesh, b)
    await seed_market(mesh, b)
    await seed_cloud(mesh, b)
    probes = _probes(CLOSED, b.names)
    limit = asyncio.Semaphore(CONCURRENCY)

    async def call(probe: Probe, token: str) -> Outcome:
        async with limit:
            return await invoke(_channel(mesh), probe.method, probe.request(), bearer(token))

    # The attacks first, on B's untouched resources; then B's own calls (which may change
    # them) tell which names the field accepts at all: where even B gets INVALID_ARGUMENT
    # the name is of the wrong kind for the field and the attack proves nothing.
    attacks = await asyncio.gather(*(call(probe, a.token(mesh)) for probe in probes))
    controls = await asyncio.gather(*(call(probe, b.token(mesh)) for probe in probes))

    failures: dict[str, list[str]] = {}
    judged: set[str] = set()
    for probe, attack, control in zip(probes, attacks, controls, strict=True):
        where = f"{probe.method.id} {probe.path}"
        failures.setdefault(where, [])
        if attack.code in NEVER or control.code in NEVER:
            failures[where].append(f"={probe.name}: attacker got {attack}, owner got {control}")
            continue
        if not attack.ok and not attack.has_error_info:
            failures[where].append(f"={probe.name}: refusal without ErrorInfo: {attack}")
            continue
        if control.code == grpc.StatusCode.INVALID_ARGUMENT:
            continue
        if control.code == attack.code == grpc.StatusCode.UNIMPLEMENTED:
            continue  # a method nobody can use (Triton's extensions the gateway does not serve)
        judged.add(probe.method.id)
        if attack.ok:
            leaked = [secret for secret in b.private if secret.encode() in attack.response]
            if probe.method.id in CAPABILITY_READS:
                continue
            if probe.method.id not in PUBLIC_READS:
                failures[where].append(
                    f"={probe.name}: OK for another organisation (leaks {leaked or 'nothing seen'})"
                )
            elif leaked:
                failures[where].append(f"={probe.name}: public read leaks B's private {leaked}")
        elif attack.code not in (PERMISSION_DENIED, grpc.StatusCode.NOT_FOUND):
            failures[where].append(
                f"={probe.name}: want PERMISSION_DENIED or NOT_FOUND, got {attack} (owner: {control})"
            )

    # Lists of the caller's own (no resource field to aim at B: ListOperations and the like)
    # answer A with A's items only: none of B's private strings in them, while B's own
    # answer to the same request shows B's (so the check is not vacuous).
    own_lists = [
        method
        for method in CLOSED
        if method.name.startswith("List")
        and not any(RESOURCE_FIELD.match(fd.name) for _, fd in string_fields(method.input))
    ]
    mine = await asyncio.gather(
        *(
            invoke(_channel(mesh), method, valid_request(method), bearer(a.token(mesh)))
            for method in own_lists
        )
    )
    theirs = await asyncio.gather(
        *(
            invoke(_channel(mesh), method, valid_request(method), bearer(b.token(mesh)))
            for method in own_lists
        )
    )
    shown_to_owner: set[str] = set()
    for method, attack, control in zip(own_lists, mine, theirs, strict=True):
        where = f"{method.id} (the caller's own)"
        if attack.ok:
            leaked = [secret for secret in b.private if secret.encode() in attack.response]
            if leaked and method.id not in PUBLIC_READS:
                failures.setdefault(where, []).append(f": another organisation's list leaks {leaked}")
        if control.ok and any(secret.encode() in control.response for secret in b.private):
            shown_to_owner.add(method.id)
    assert "DocumentService/ListOperations" in shown_to_owner, "B's own OCR operation was not listed to B"

    failed = {where: found for where, found in failures.items() if found}
    report = [
        # A leak first: it says more than the refusals that went wrong beside it.
        f"{where}{min(found, key=lambda f: 'leaks [' not in f)}"
        + (f" (and {len(found) - 1} more names)" if len(found) > 1 else "")
        for where, found in sorted(failed.items())
    ]
    assert not failed, f"{len(failed)} of {len(failures)} method fields:\n" + "\n".join(report)
    organisation_methods = {m.id for m in CLOSED if m.service.endswith("OrganizationService")}
    unreached = (
        organisation_methods
        - judged
        - {"OrganizationService/CreateOrganization", "OrganizationService/ListOrganizations"}
    )
    assert not unreached, (
        f"identity's organisation methods never reached with B's real names: {sorted(unreached)}"
    )


def test_only_the_clients_lost_write_race_is_made_again() -> None:
    """invoke() and tests.mesh.stream_unary retry a call only on grpc.aio's own failed send, never
    on a status the server sent: an INTERNAL of the server's, with or without details, is judged."""
    from grpc.aio import AioRpcError, Metadata

    def error(
        code: grpc.StatusCode, details: str, debug: str = "", trailers: Metadata | None = None
    ) -> AioRpcError:
        return AioRpcError(
            code, Metadata(), trailers or Metadata(), details=details, debug_error_string=debug
        )

    assert lost_to_a_write_race(error(grpc.StatusCode.INTERNAL, CORE_WRITE_RACE))
    assert lost_to_a_write_race(
        error(grpc.StatusCode.INTERNAL, "", debug='UNKNOWN:Failed "execute_batch" {grpc_status:13}')
    )
    assert not lost_to_a_write_race(error(grpc.StatusCode.INTERNAL, "the server's own fault"))
    assert not lost_to_a_write_race(error(grpc.StatusCode.UNAUTHENTICATED, CORE_WRITE_RACE))
    with_details = Metadata(("grpc-status-details-bin", b"\x08\x0d"))
    assert not lost_to_a_write_race(error(grpc.StatusCode.INTERNAL, CORE_WRITE_RACE, trailers=with_details))
