"""identity end to end: passkey ceremonies with a software authenticator, the
attack set, organisations and memberships, tokens and the key set every server
verifies them with (rotation included). Real servers, real PostgreSQL, the
real fido2 verification; nothing is bypassed.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import time
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import grpc
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from google.protobuf.field_mask_pb2 import FieldMask
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.clients import error_details as error_info
from jipan.identity.v1 import consent_service_pb2 as con_pb
from jipan.identity.v1 import consent_service_pb2_grpc as con_grpc
from jipan.identity.v1 import organization_service_pb2 as org_pb
from jipan.identity.v1 import organization_service_pb2_grpc as org_grpc
from jipan.identity.v1 import passkey_service_pb2 as pk_pb
from jipan.identity.v1 import passkey_service_pb2_grpc as pk_grpc
from jipan.identity.v1 import resources_pb2 as res
from jipan.identity.v1 import security_event_service_pb2 as ev_pb
from jipan.identity.v1 import security_event_service_pb2_grpc as ev_grpc
from jipan.identity.v1 import service_account_service_pb2 as sa_pb
from jipan.identity.v1 import service_account_service_pb2_grpc as sa_grpc
from jipan.identity.v1 import token_service_pb2 as tok_pb
from jipan.identity.v1 import token_service_pb2_grpc as tok_grpc
from jipan.interceptors.tokens import AccessTokenVerifier, DevSigningKey, jwk_thumbprint, mint_access_token
from jipan.servers import identity, system
from jipan.servers.identity.errors import IDENTITY_DOMAIN
from jipan.servers.identity.keys import SigningKeyRing
from jipan.servers.identity.organizations import Organizations, person_name
from jipan.servers.identity.passkeys import PasskeyCeremonies
from jipan.servers.identity.tokens import TokenIssuer
from jipan.servers.runtime.errors import InvalidArgument, PermissionDenied, Unavailable
from jipan.system.v1 import system_service_pb2 as sys_pb
from jipan.system.v1 import system_service_pb2_grpc as sys_grpc
from tests.mesh import RunningServer, make_pki, make_settings, running_server
from tests.webauthn_soft import (
    SoftAuthenticator,
    SoftCredential,
    attestation_ca,
    attestation_certificate,
    b64url,
    b64url_decode,
)

RP_ID = "passport.jipan.test"
ORIGIN = "https://passport.jipan.test"


@pytest.fixture(scope="module")
async def identity_server(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[RunningServer]:
    settings = make_settings(
        database_url,
        tmp_path_factory.mktemp("identity"),
        JIPAN_WEBAUTHN_RP_ID=RP_ID,
        JIPAN_WEBAUTHN_ORIGINS=f"{ORIGIN},https://other.jipan.test",
        JIPAN_KEY_SET_REFRESH_S="1",
        JIPAN_CONSENT_TOKEN_TTL_S="5",
    )
    # No signing-key cache: a rotation made by another replica is seen at once.
    async with running_server(settings, [system.SERVICE, identity.build_module(signing_key_cache_s=0)]) as s:
        yield s


@pytest.fixture
async def channel(identity_server: RunningServer) -> AsyncIterator[grpc.aio.Channel]:
    async with grpc.aio.insecure_channel(identity_server.address) as ch:
        yield ch


def unique(prefix: str) -> str:
    return f"{prefix}-{os.urandom(4).hex()}"


async def register(channel: grpc.aio.Channel, authenticator: SoftAuthenticator, user_name: str) -> res.Person:
    stub = pk_grpc.PasskeyServiceStub(channel)
    begun = await stub.BeginPasskeyRegistration(
        pk_pb.BeginPasskeyRegistrationRequest(user_name=user_name, display_name=user_name.title())
    )
    finished = await stub.FinishPasskeyRegistration(
        pk_pb.FinishPasskeyRegistrationRequest(
            credential_json=json.dumps(authenticator.create(begun.options_json))
        )
    )
    return finished.person


async def begin_sign_in(channel: grpc.aio.Channel, user_name: str = "") -> str:
    stub = pk_grpc.PasskeyServiceStub(channel)
    begun = await stub.BeginPasskeyAuthentication(
        pk_pb.BeginPasskeyAuthenticationRequest(user_name=user_name)
    )
    return begun.options_json


async def finish_sign_in(
    channel: grpc.aio.Channel, assertion: dict[str, Any], organization: str = "", scopes: tuple[str, ...] = ()
) -> pk_pb.FinishPasskeyAuthenticationResponse:
    stub = pk_grpc.PasskeyServiceStub(channel)
    return await stub.FinishPasskeyAuthentication(
        pk_pb.FinishPasskeyAuthenticationRequest(
            credential_json=json.dumps(assertion), organization=organization, scopes=list(scopes)
        )
    )


async def sign_in(
    channel: grpc.aio.Channel, authenticator: SoftAuthenticator, user_name: str = "", organization: str = ""
) -> pk_pb.FinishPasskeyAuthenticationResponse:
    options = await begin_sign_in(channel, user_name)
    return await finish_sign_in(channel, authenticator.get(options), organization)


def bearer(token: str) -> tuple[tuple[str, str], ...]:
    return (("authorization", f"Bearer {token}"),)


async def expect_reason(call: Any, reason: str, code: grpc.StatusCode | None = None) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    info = error_info(caught.value)
    assert (info.reason, info.domain) == (reason, IDENTITY_DOMAIN), caught.value.details()
    if code is not None:
        assert caught.value.code() == code


# --- ceremonies ---------------------------------------------------------------------------------


async def test_register_then_sign_in_by_user_name(
    identity_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    authenticator = SoftAuthenticator(ORIGIN)
    user_name = unique("mei")
    person = await register(channel, authenticator, user_name)
    assert person.name.startswith("people/")
    assert person.user_name == user_name

    options = json.loads(await begin_sign_in(channel, user_name))
    assert options["userVerification"] == "required"
    assert [c["id"] for c in options["allowCredentials"]] == [
        b64url(authenticator.credentials[0].credential_id)
    ]

    signed_in = await sign_in(channel, authenticator, user_name)
    assert signed_in.person.name == person.name
    assert signed_in.token_type == "Bearer"
    whoami = await sys_grpc.SystemServiceStub(channel).GetWhoAmI(
        sys_pb.GetWhoAmIRequest(), metadata=bearer(signed_in.access_token)
    )
    assert whoami.principal.subject == person.name
    assert "openid" in whoami.principal.scopes


async def test_discoverable_sign_in_finds_the_person_from_the_credential(channel: grpc.aio.Channel) -> None:
    authenticator = SoftAuthenticator(ORIGIN)
    person = await register(channel, authenticator, unique("lin"))
    options = await begin_sign_in(channel)
    assert "allowCredentials" not in json.loads(options)
    signed_in = await finish_sign_in(channel, authenticator.get(options))
    assert signed_in.person.name == person.name


async def test_access_token_is_an_rfc9068_eddsa_jwt_with_a_published_kid(
    identity_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    authenticator = SoftAuthenticator(ORIGIN)
    person = await register(channel, authenticator, unique("chen"))
    signed_in = await sign_in(channel, authenticator)
    header = jwt.get_unverified_header(signed_in.access_token)
    claims = jwt.decode(signed_in.access_token, options={"verify_signature": False})
    assert header["typ"] == "at+jwt"
    assert header["alg"] == "EdDSA"
    assert claims["sub"] == person.name
    assert claims["iss"] == identity_server.settings.token_issuer
    assert claims["aud"] == identity_server.settings.token_audience
    assert claims["exp"] - claims["iat"] == identity_server.settings.access_token_ttl_s
    assert claims["jti"]
    assert claims["scope"] == "openid"
    key_set = await tok_grpc.TokenServiceStub(channel).GetKeySet(tok_pb.GetKeySetRequest())
    assert header["kid"] in [k.kid for k in key_set.keys]
    assert all((k.kty, k.crv, k.alg, k.use) == ("OKP", "Ed25519", "EdDSA", "sig") for k in key_set.keys)


async def test_registration_rejects_a_taken_user_name(channel: grpc.aio.Channel) -> None:
    user_name = unique("taken")
    await register(channel, SoftAuthenticator(ORIGIN), user_name)
    stub = pk_grpc.PasskeyServiceStub(channel)
    await expect_reason(
        stub.BeginPasskeyRegistration(
            pk_pb.BeginPasskeyRegistrationRequest(user_name=user_name, display_name="x")
        ),
        "USER_NAME_TAKEN",
        grpc.StatusCode.ALREADY_EXISTS,
    )


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"origin": "https://evil.example"}, "ORIGIN_INVALID"),
        ({"rp_id": "evil.example"}, "RP_ID_HASH_INVALID"),
        ({"user_verified": False}, "USER_VERIFICATION_MISSING"),
    ],
)
async def test_registration_attacks(
    channel: grpc.aio.Channel, overrides: dict[str, Any], reason: str
) -> None:
    stub = pk_grpc.PasskeyServiceStub(channel)
    begun = await stub.BeginPasskeyRegistration(
        pk_pb.BeginPasskeyRegistrationRequest(user_name=unique("reg"), display_name="Reg")
    )
    credential = SoftAuthenticator(ORIGIN).create(begun.options_json, **overrides)
    await expect_reason(
        stub.FinishPasskeyRegistration(
            pk_pb.FinishPasskeyRegistrationRequest(credential_json=json.dumps(credential))
        ),
        reason,
    )


# --- the attack set -----------------------------------------------------------------------------


def _set_type(kind: str) -> Callable[[bytes], bytes]:
    def tamper(client_data: bytes) -> bytes:
        data = json.loads(client_data)
        data["type"] = kind
        return json.dumps(data).encode()

    return tamper


def _cross_origin(client_data: bytes) -> bytes:
    data = json.loads(client_data)
    data["crossOrigin"] = True
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"origin": "https://evil.example"}, "ORIGIN_INVALID"),
        ({"rp_id": "evil.example"}, "RP_ID_HASH_INVALID"),
        ({"user_verified": False}, "USER_VERIFICATION_MISSING"),
        ({"user_present": False}, "USER_PRESENCE_MISSING"),
        ({"tamper_client_data": _set_type("webauthn.create")}, "CLIENT_DATA_INVALID"),
        ({"tamper_client_data": lambda raw: raw[:-5]}, "CLIENT_DATA_INVALID"),
        # A change that keeps the client data well-formed is caught by the signature.
        ({"tamper_client_data": _cross_origin}, "SIGNATURE_INVALID"),
        ({"signing_key": ec.generate_private_key(ec.SECP256R1())}, "SIGNATURE_INVALID"),
    ],
    ids=[
        "wrong-origin",
        "wrong-rp-id-hash",
        "uv-missing",
        "up-missing",
        "client-data-type-tampered",
        "client-data-truncated",
        "client-data-content-tampered",
        "signature-by-another-key",
    ],
)
async def test_sign_in_attacks(channel: grpc.aio.Channel, overrides: dict[str, Any], reason: str) -> None:
    authenticator = SoftAuthenticator(ORIGIN)
    await register(channel, authenticator, unique("victim"))
    options = await begin_sign_in(channel)
    await expect_reason(finish_sign_in(channel, authenticator.get(options, **overrides)), reason)
    # The honest authenticator still signs in afterwards.
    assert (await sign_in(channel, authenticator)).access_token


async def test_replayed_assertion_is_told_apart_from_a_reused_challenge(channel: grpc.aio.Channel) -> None:
    authenticator = SoftAuthenticator(ORIGIN)
    await register(channel, authenticator, unique("replay"))
    options = await begin_sign_in(channel)
    assertion = authenticator.get(options)
    await finish_sign_in(channel, assertion)
    await expect_reason(
        finish_sign_in(channel, assertion), "ASSERTION_REPLAYED", grpc.StatusCode.UNAUTHENTICATED
    )
    # A fresh, validly signed assertion over the already used challenge.
    await expect_reason(finish_sign_in(channel, authenticator.get(options)), "CHALLENGE_USED")


async def test_one_assertion_presented_many_times_at_once_signs_in_once(
    identity_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    # Finish's writes are group-committed: presentations that arrive together
    # may be consumed in one batch (one transaction), and still only the first
    # consumes the challenge; a second sign-in of the same passkey at once in
    # the same batch does not advance its counter twice.
    authenticator = SoftAuthenticator(ORIGIN)
    await register(channel, authenticator, unique("twice"))
    assertion = authenticator.get(await begin_sign_in(channel))
    outcomes = await asyncio.gather(
        *(finish_sign_in(channel, assertion) for _ in range(6)), return_exceptions=True
    )
    signed_in = [o for o in outcomes if not isinstance(o, BaseException)]
    refused = [o for o in outcomes if isinstance(o, grpc.aio.AioRpcError)]
    assert len(signed_in) == 1
    assert len(refused) == 5
    assert {error_info(o).reason for o in refused} == {"ASSERTION_REPLAYED"}

    # Two fresh challenges signed with the same counter: one sign-in, one regression.
    first, second = await asyncio.gather(begin_sign_in(channel), begin_sign_in(channel))
    counter = authenticator.credentials[-1].counter + 1
    pair = await asyncio.gather(
        finish_sign_in(channel, authenticator.get(first, counter=counter)),
        finish_sign_in(channel, authenticator.get(second, counter=counter)),
        return_exceptions=True,
    )
    assert sorted(isinstance(o, BaseException) for o in pair) == [False, True]
    failed = next(o for o in pair if isinstance(o, grpc.aio.AioRpcError))
    assert error_info(failed).reason == "COUNTER_REGRESSION"


async def test_unknown_and_expired_challenges(
    identity_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    authenticator = SoftAuthenticator(ORIGIN)
    await register(channel, authenticator, unique("late"))
    forged = json.dumps({"challenge": b64url(os.urandom(32)), "rpId": RP_ID})
    await expect_reason(finish_sign_in(channel, authenticator.get(forged)), "CHALLENGE_UNKNOWN")

    options = await begin_sign_in(channel)
    await identity_server.runtime.database.execute(
        "UPDATE identity.challenges SET expire_time = now() - interval '1 second' WHERE challenge = $1",
        b64url_decode(json.loads(options)["challenge"]),
    )
    await expect_reason(finish_sign_in(channel, authenticator.get(options)), "CHALLENGE_EXPIRED")


async def test_counter_regression_is_rejected_and_recorded(
    identity_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    authenticator = SoftAuthenticator(ORIGIN)
    person = await register(channel, authenticator, unique("clone"))
    await finish_sign_in(channel, authenticator.get(await begin_sign_in(channel), counter=10))
    # A clone of the authenticator still at counter 7.
    options = await begin_sign_in(channel)
    await expect_reason(finish_sign_in(channel, authenticator.get(options, counter=7)), "COUNTER_REGRESSION")
    events = await identity_server.runtime.database.fetch(
        "SELECT kind, reason, detail FROM identity.security_events WHERE person_id = $1 AND kind = $2",
        person.name.removeprefix("people/"),
        "counter_regression",
    )
    assert len(events) == 1
    assert (events[0]["detail"]["stored"], events[0]["detail"]["presented"]) == (10, 7)


async def test_unknown_credential_is_rejected(channel: grpc.aio.Channel) -> None:
    authenticator = SoftAuthenticator(ORIGIN)
    await register(channel, authenticator, unique("known"))
    stranger = SoftCredential(os.urandom(32), ec.generate_private_key(ec.SECP256R1()), RP_ID, os.urandom(16))
    options = await begin_sign_in(channel)
    await expect_reason(
        finish_sign_in(channel, authenticator.get(options, credential=stranger)), "CREDENTIAL_UNKNOWN"
    )


async def test_a_failed_sign_in_uses_up_its_challenge(
    identity_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    # Finish consumes the challenge and reads the credential in one statement:
    # the challenge must be burnt even when no credential is found.
    authenticator = SoftAuthenticator(ORIGIN)
    await register(channel, authenticator, unique("burnt"))
    stranger = SoftCredential(os.urandom(32), ec.generate_private_key(ec.SECP256R1()), RP_ID, os.urandom(16))
    options = await begin_sign_in(channel)
    await expect_reason(
        finish_sign_in(channel, authenticator.get(options, credential=stranger)), "CREDENTIAL_UNKNOWN"
    )
    consumed = await identity_server.runtime.database.fetchval(
        "SELECT consume_time IS NOT NULL FROM identity.challenges WHERE challenge = $1",
        b64url_decode(json.loads(options)["challenge"]),
    )
    assert consumed is True
    await expect_reason(finish_sign_in(channel, authenticator.get(options)), "CHALLENGE_USED")


async def test_begin_binds_the_challenge_to_a_known_user_name_only(
    identity_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    authenticator = SoftAuthenticator(ORIGIN)
    user_name = unique("bound")
    person = await register(channel, authenticator, user_name)
    database = identity_server.runtime.database

    async def bound_to(options: str) -> Any:
        return await database.fetchval(
            "SELECT person_id FROM identity.challenges WHERE challenge = $1 AND ceremony = 'authentication'",
            b64url_decode(json.loads(options)["challenge"]),
        )

    known = await begin_sign_in(channel, user_name)
    assert (await bound_to(known)).hex == person.name.removeprefix("people/")
    assert len(b64url_decode(json.loads(known)["challenge"])) == 32
    # An unknown user name is not told apart: no allow list, a challenge bound to nobody.
    unknown = await begin_sign_in(channel, unique("nobody"))
    assert "allowCredentials" not in json.loads(unknown)
    assert await bound_to(unknown) is None
    signed_in = await finish_sign_in(channel, authenticator.get(known))
    assert signed_in.person.name == person.name


async def test_more_simultaneous_sign_ins_than_database_connections(
    identity_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    # A Finish that held a pooled connection while minting its tokens (the
    # signing key is read through the pool: this server caches no key) would
    # wait forever once every connection was held by such a Finish.
    count = identity_server.settings.database_pool_max * 2 + 4
    authenticators = [SoftAuthenticator(ORIGIN) for _ in range(count)]
    people = [await register(channel, a, unique("crowd")) for a in authenticators]
    options = await asyncio.gather(*(begin_sign_in(channel) for _ in authenticators))
    signed_in = await asyncio.wait_for(
        asyncio.gather(
            *(finish_sign_in(channel, a.get(o)) for a, o in zip(authenticators, options, strict=True))
        ),
        timeout=60,
    )
    assert [s.person.name for s in signed_in] == [p.name for p in people]


@pytest.mark.parametrize("credentials", [0, 1, 3])
@pytest.mark.parametrize("timeout", [None, 60000])
def test_sign_in_options_are_what_fido2_would_send(credentials: int, timeout: int | None) -> None:
    from fido2.server import Fido2Server
    from fido2.webauthn import (
        PublicKeyCredentialDescriptor,
        PublicKeyCredentialRpEntity,
        PublicKeyCredentialType,
        UserVerificationRequirement,
    )

    from jipan.servers.identity.passkeys import request_options_json

    server = Fido2Server(PublicKeyCredentialRpEntity(name="Passport", id=RP_ID))
    server.timeout = timeout  # type: ignore[assignment]  # (fido2 infers the attribute as None only)
    challenge = os.urandom(32)
    ids = [os.urandom(16 + i) for i in range(credentials)]
    options, _ = server.authenticate_begin(
        [PublicKeyCredentialDescriptor(type=PublicKeyCredentialType.PUBLIC_KEY, id=i) for i in ids] or None,
        user_verification=UserVerificationRequirement.REQUIRED,
        challenge=challenge,
    )
    assert request_options_json(challenge, RP_ID, timeout, ids) == json.dumps(dict(options.public_key))


def test_fido2_parses_with_type_hints_resolved_once() -> None:
    # Every fido2 data class resolved its type hints on every object made
    # (~2.6 ms of a sign-in on a slow host); fido2_hints resolves them once.
    import typing

    from fido2.webauthn import AuthenticationResponse, PublicKeyCredentialRequestOptions

    from jipan.servers.identity import fido2_hints

    assert fido2_hints.installed()
    for cls in (AuthenticationResponse, PublicKeyCredentialRequestOptions):
        assert fido2_hints.cached_type_hints(cls) == typing.get_type_hints(cls)
        assert fido2_hints.cached_type_hints(cls) is not fido2_hints.cached_type_hints(cls)
    # Anything but a bare class goes to typing unchanged.
    assert fido2_hints.cached_type_hints(test_fido2_parses_with_type_hints_resolved_once) == {
        "return": type(None)
    }


async def test_a_credential_of_another_user_name_is_rejected(channel: grpc.aio.Channel) -> None:
    alice, mallory = SoftAuthenticator(ORIGIN), SoftAuthenticator(ORIGIN)
    alice_name = unique("alice")
    await register(channel, alice, alice_name)
    await register(channel, mallory, unique("mallory"))
    options = await begin_sign_in(channel, alice_name)
    await expect_reason(
        finish_sign_in(channel, mallory.get(options, credential=mallory.credentials[0])), "CREDENTIAL_UNKNOWN"
    )


# --- organisations ------------------------------------------------------------------------------


async def _person_with_token(
    channel: grpc.aio.Channel, prefix: str
) -> tuple[res.Person, SoftAuthenticator, str]:
    authenticator = SoftAuthenticator(ORIGIN)
    person = await register(channel, authenticator, unique(prefix))
    return person, authenticator, (await sign_in(channel, authenticator)).access_token


async def test_organisation_admins_manage_members(channel: grpc.aio.Channel) -> None:
    stub = org_grpc.OrganizationServiceStub(channel)
    admin, _, admin_token = await _person_with_token(channel, "admin")
    member, member_auth, member_token = await _person_with_token(channel, "member")
    org_id = unique("moda")
    created = await stub.CreateOrganization(
        org_pb.CreateOrganizationRequest(
            organization_id=org_id,
            organization=res.Organization(display_name="Ministry", kind=res.ORGANIZATION_KIND_AGENCY),
        ),
        metadata=bearer(admin_token),
    )
    parent = created.organization.name
    assert parent == f"orgs/{org_id}"
    assert created.organization.kind == res.ORGANIZATION_KIND_AGENCY

    # Not a member yet: cannot read the organisation.
    await expect_reason(
        stub.GetOrganization(org_pb.GetOrganizationRequest(name=parent), metadata=bearer(member_token)),
        "NOT_A_MEMBER",
        grpc.StatusCode.PERMISSION_DENIED,
    )
    added = await stub.CreateMembership(
        org_pb.CreateMembershipRequest(
            parent=parent, membership=res.Membership(person=member.name, roles=["member"])
        ),
        metadata=bearer(admin_token),
    )
    assert added.membership.name == f"{parent}/memberships/{member.name.removeprefix('people/')}"
    await expect_reason(
        stub.CreateMembership(
            org_pb.CreateMembershipRequest(
                parent=parent, membership=res.Membership(person=member.name, roles=["x"])
            ),
            metadata=bearer(admin_token),
        ),
        "MEMBERSHIP_EXISTS",
    )
    # A plain member may not add people.
    outsider, _, _ = await _person_with_token(channel, "outsider")
    await expect_reason(
        stub.CreateMembership(
            org_pb.CreateMembershipRequest(
                parent=parent, membership=res.Membership(person=outsider.name, roles=["member"])
            ),
            metadata=bearer(member_token),
        ),
        "NOT_AN_ADMIN",
    )

    # Paginated listing, one per page.
    first = await stub.ListMemberships(
        org_pb.ListMembershipsRequest(parent=parent, page_size=1), metadata=bearer(member_token)
    )
    assert len(first.memberships) == 1
    assert first.next_page_token
    second = await stub.ListMemberships(
        org_pb.ListMembershipsRequest(parent=parent, page_size=1, page_token=first.next_page_token),
        metadata=bearer(member_token),
    )
    assert len(second.memberships) == 1
    assert second.next_page_token == ""
    assert {m.person for m in [*first.memberships, *second.memberships]} == {admin.name, member.name}

    # Promote, then sign in for the organisation: the token carries org and roles.
    updated = await stub.UpdateMembership(
        org_pb.UpdateMembershipRequest(
            membership=res.Membership(name=added.membership.name, roles=["auditor", "member"]),
            update_mask=FieldMask(paths=["roles"]),
        ),
        metadata=bearer(admin_token),
    )
    assert list(updated.membership.roles) == ["auditor", "member"]
    for_org = await sign_in(channel, member_auth, organization=parent)
    whoami = await sys_grpc.SystemServiceStub(channel).GetWhoAmI(
        sys_pb.GetWhoAmIRequest(), metadata=bearer(for_org.access_token)
    )
    assert whoami.principal.org == parent
    assert list(whoami.principal.roles) == ["auditor", "member"]

    # The last admin can neither be demoted nor removed.
    admin_membership = f"{parent}/memberships/{admin.name.removeprefix('people/')}"
    await expect_reason(
        stub.UpdateMembership(
            org_pb.UpdateMembershipRequest(
                membership=res.Membership(name=admin_membership, roles=["member"]),
                update_mask=FieldMask(paths=["roles"]),
            ),
            metadata=bearer(admin_token),
        ),
        "LAST_ADMIN",
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    await expect_reason(
        stub.DeleteMembership(
            org_pb.DeleteMembershipRequest(name=admin_membership), metadata=bearer(admin_token)
        ),
        "LAST_ADMIN",
    )
    await stub.DeleteMembership(
        org_pb.DeleteMembershipRequest(name=added.membership.name), metadata=bearer(admin_token)
    )
    await expect_reason(
        stub.ListMemberships(org_pb.ListMembershipsRequest(parent=parent), metadata=bearer(member_token)),
        "NOT_A_MEMBER",
    )
    # Signing in for an organisation one does not belong to is refused.
    await expect_reason(sign_in(channel, member_auth, organization=parent), "NOT_A_MEMBER")


async def _add_members(
    stub: org_grpc.OrganizationServiceAsyncStub,
    admin_token: str,
    parent: str,
    members: tuple[tuple[res.Person, list[str]], ...],
) -> None:
    for person, roles in members:
        await stub.CreateMembership(
            org_pb.CreateMembershipRequest(
                parent=parent, membership=res.Membership(person=person.name, roles=roles)
            ),
            metadata=bearer(admin_token),
        )


def _demote_right_after_the_admin_check(
    identity_server: RunningServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every admin check passes, then another admin demotes the caller to a member, committed
    before the caller's change locks the organisation (undo with monkeypatch.undo())."""
    database = identity_server.runtime.database
    checked = Organizations.require_admin

    async def demoted_right_after_the_check(self: Organizations, person_id: uuid.UUID, org: str) -> None:
        await checked(self, person_id, org)
        await database.execute(
            "UPDATE identity.memberships SET roles = '{member}' WHERE org_id = $1 AND person_id = $2",
            org,
            person_id,
        )

    monkeypatch.setattr(Organizations, "require_admin", demoted_right_after_the_check)


@pytest.mark.parametrize("change", ["create", "update", "delete"])
async def test_an_admin_demoted_during_a_membership_change_cannot_complete_it(
    identity_server: RunningServer, channel: grpc.aio.Channel, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    # The caller's admin check ran before the organisation's lock: an admin
    # demoted between the check and the lock still completed the change.
    stub = org_grpc.OrganizationServiceStub(channel)
    founder, _, founder_token = await _person_with_token(channel, "founder")
    admin, _, admin_token = await _person_with_token(channel, "demoted")
    member, _, _ = await _person_with_token(channel, "member")
    org_id = unique("demote")
    parent = f"orgs/{org_id}"
    await stub.CreateOrganization(
        org_pb.CreateOrganizationRequest(
            organization_id=org_id,
            organization=res.Organization(display_name="Demote", kind=res.ORGANIZATION_KIND_OTHER),
        ),
        metadata=bearer(founder_token),
    )
    await _add_members(stub, founder_token, parent, ((admin, ["admin"]), (member, ["member"])))
    newcomer, _, _ = await _person_with_token(channel, "newcomer")
    database = identity_server.runtime.database
    _demote_right_after_the_admin_check(identity_server, monkeypatch)
    member_membership = f"{parent}/memberships/{member.name.removeprefix('people/')}"
    call: Any
    if change == "create":
        call = stub.CreateMembership(
            org_pb.CreateMembershipRequest(
                parent=parent, membership=res.Membership(person=newcomer.name, roles=["member"])
            ),
            metadata=bearer(admin_token),
        )
    elif change == "update":
        call = stub.UpdateMembership(
            org_pb.UpdateMembershipRequest(
                membership=res.Membership(name=member_membership, roles=["admin"]),
                update_mask=FieldMask(paths=["roles"]),
            ),
            metadata=bearer(admin_token),
        )
    else:
        call = stub.DeleteMembership(
            org_pb.DeleteMembershipRequest(name=member_membership), metadata=bearer(admin_token)
        )
    await expect_reason(call, "NOT_AN_ADMIN", grpc.StatusCode.PERMISSION_DENIED)
    monkeypatch.undo()
    rows = await database.fetch("SELECT person_id, roles FROM identity.memberships WHERE org_id = $1", org_id)
    assert {person_name(row["person_id"]): list(row["roles"]) for row in rows} == {
        founder.name: ["admin"],
        admin.name: ["member"],
        member.name: ["member"],
    }


async def test_platform_roles_are_granted_and_issued_only_in_the_platform_organisation(
    channel: grpc.aio.Channel, database_url: str
) -> None:
    """Any organisation's admins grant roles to their own members, so a role that acts across
    every organisation (procurement-admin, ...) must not be one they can give themselves."""
    stub = org_grpc.OrganizationServiceStub(channel)
    _, _, admin_token = await _person_with_token(channel, "platform-admin")
    member, member_auth, _ = await _person_with_token(channel, "platform-member")
    org_id = unique("vendor")
    parent = (
        await stub.CreateOrganization(
            org_pb.CreateOrganizationRequest(
                organization_id=org_id,
                organization=res.Organization(display_name="Vendor", kind=res.ORGANIZATION_KIND_VENDOR),
            ),
            metadata=bearer(admin_token),
        )
    ).organization.name
    for roles in (["procurement-admin"], ["member", "procurement-reviewer"]):
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await stub.CreateMembership(
                org_pb.CreateMembershipRequest(
                    parent=parent, membership=res.Membership(person=member.name, roles=roles)
                ),
                metadata=bearer(admin_token),
            )
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
        info = error_info(refused.value)
        assert (info.reason, info.metadata["roles"]) == ("ROLE_RESERVED", roles[-1])
    added = await stub.CreateMembership(
        org_pb.CreateMembershipRequest(
            parent=parent, membership=res.Membership(person=member.name, roles=["member"])
        ),
        metadata=bearer(admin_token),
    )
    await expect_reason(
        stub.UpdateMembership(
            org_pb.UpdateMembershipRequest(
                membership=res.Membership(name=added.membership.name, roles=["ledger-auditor", "member"]),
                update_mask=FieldMask(paths=["roles"]),
            ),
            metadata=bearer(admin_token),
        ),
        "ROLE_RESERVED",
        grpc.StatusCode.PERMISSION_DENIED,
    )
    # A platform role held from before the rule (written here by hand) never reaches a token.
    conn = await asyncpg.connect(database_url)
    try:
        await conn.execute(
            "UPDATE identity.memberships SET roles = $3 WHERE org_id = $1 AND person_id = $2",
            org_id,
            uuid.UUID(hex=member.name.removeprefix("people/")),
            ["member", "procurement-admin"],
        )
    finally:
        await conn.close()
    for_org = await sign_in(channel, member_auth, organization=parent)
    whoami = await sys_grpc.SystemServiceStub(channel).GetWhoAmI(
        sys_pb.GetWhoAmIRequest(), metadata=bearer(for_org.access_token)
    )
    assert list(whoami.principal.roles) == ["member"]


def test_platform_roles_are_reserved_outside_the_platform_organisation_only() -> None:
    from jipan.servers.identity.organizations import PlatformRoles
    from jipan.servers.runtime.settings import load_settings

    platform = PlatformRoles.from_settings(
        load_settings(
            {"JIPAN_PLATFORM_ORG": "orgs/operator", "JIPAN_PLATFORM_ROLES": " procurement-admin, x-auditor "}
        )
    )
    assert platform.roles == {"procurement-admin", "x-auditor"}
    assert platform.reserved("operator", ["procurement-admin", "member"]) == []
    assert platform.reserved("vendor", ["x-auditor", "member", "procurement-admin"]) == [
        "procurement-admin",
        "x-auditor",
    ]
    platform.refuse_reserved("operator", ["procurement-admin"])
    with pytest.raises(PermissionDenied) as refused:
        platform.refuse_reserved("vendor", ["procurement-admin"])
    assert refused.value.reason == "ROLE_RESERVED"


async def test_a_member_of_one_organisation_cannot_act_on_another(channel: grpc.aio.Channel) -> None:
    stub = org_grpc.OrganizationServiceStub(channel)
    _, a_auth, a_token = await _person_with_token(channel, "a-admin")
    _, _, b_token = await _person_with_token(channel, "b-admin")
    victim, _, _ = await _person_with_token(channel, "victim")
    org_a, org_b = unique("org-a"), unique("org-b")
    for org_id, token in ((org_a, a_token), (org_b, b_token)):
        await stub.CreateOrganization(
            org_pb.CreateOrganizationRequest(
                organization_id=org_id,
                organization=res.Organization(display_name=org_id, kind=res.ORGANIZATION_KIND_VENDOR),
            ),
            metadata=bearer(token),
        )
    # An admin token *for org A* (org claim and admin role) still cannot touch org B.
    a_for_a = (await sign_in(channel, a_auth, organization=f"orgs/{org_a}")).access_token
    await expect_reason(
        stub.CreateMembership(
            org_pb.CreateMembershipRequest(
                parent=f"orgs/{org_b}", membership=res.Membership(person=victim.name, roles=["admin"])
            ),
            metadata=bearer(a_for_a),
        ),
        "NOT_A_MEMBER",
    )
    mine = await stub.ListOrganizations(org_pb.ListOrganizationsRequest(), metadata=bearer(a_for_a))
    assert [o.name for o in mine.organizations] == [f"orgs/{org_a}"]


# --- key set and rotation -----------------------------------------------------------------------


@pytest.fixture(scope="module")
async def verifying_server(
    identity_server: RunningServer, database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[RunningServer]:
    """Another server of the mesh (system only) that trusts identity's published keys."""
    settings = make_settings(
        database_url,
        tmp_path_factory.mktemp("verifier"),
        JIPAN_IDENTITY_TARGET=identity_server.address,
        JIPAN_KEY_SET_REFRESH_S="1",
        # A small skew keeps the rotation and expiry tests short.
        JIPAN_TOKEN_CLOCK_SKEW_S="1",
    )
    async with running_server(settings, [system.SERVICE]) as running:
        yield running


async def whoami_on(server: RunningServer, token: str) -> sys_pb.GetWhoAmIResponse:
    async with grpc.aio.insecure_channel(server.address) as ch:
        return await sys_grpc.SystemServiceStub(ch).GetWhoAmI(
            sys_pb.GetWhoAmIRequest(), metadata=bearer(token)
        )


async def test_identity_tokens_verify_on_a_server_configured_with_identity_target(
    verifying_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    authenticator = SoftAuthenticator(ORIGIN)
    person = await register(channel, authenticator, unique("remote"))
    token = (await sign_in(channel, authenticator)).access_token
    assert (await whoami_on(verifying_server, token)).principal.subject == person.name
    # The embedded development key is not trusted there.
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await whoami_on(verifying_server, verifying_server.token())
    assert error_info(caught.value).reason == "TOKEN_KEY_UNKNOWN"


async def test_key_rotation_keeps_tokens_in_flight_valid_until_the_key_is_retired(
    identity_server: RunningServer, verifying_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    authenticator = SoftAuthenticator(ORIGIN)
    person = await register(channel, authenticator, unique("rotate"))
    before = (await sign_in(channel, authenticator)).access_token
    unused_before = (await sign_in(channel, authenticator)).access_token
    assert (await whoami_on(verifying_server, before)).principal.subject == person.name

    # Another replica rotates the key.
    await identity.signing_key_ring(identity_server.runtime).rotate()
    after = (await sign_in(channel, authenticator)).access_token
    old_kid = jwt.get_unverified_header(before)["kid"]
    new_kid = jwt.get_unverified_header(after)["kid"]
    assert old_kid != new_kid
    published = await tok_grpc.TokenServiceStub(channel).GetKeySet(tok_pb.GetKeySetRequest())
    assert [k.kid for k in published.keys][:2] == [new_kid, old_kid]

    # The verifier has never seen the new kid and refetches the set (unknown
    # kids refetch at most every 10 s, a stale set always: wait for staleness
    # so an earlier test's fetch does not matter). The old key is still within
    # its overlap window, so tokens in flight still work.
    await asyncio.sleep(1.1)
    assert (await whoami_on(verifying_server, after)).principal.subject == person.name
    assert (await whoami_on(verifying_server, before)).principal.subject == person.name

    # Past the overlap window the old key is no longer published; once the
    # verifier's cached set is stale, a token signed with it is refused.
    await identity_server.runtime.database.execute(
        "UPDATE identity.signing_keys SET retire_time = now() - interval '1 day' WHERE kid = $1", old_kid
    )
    await asyncio.sleep(1.1)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await whoami_on(verifying_server, unused_before)
    assert error_info(caught.value).reason == "TOKEN_KEY_UNKNOWN"
    assert (await whoami_on(verifying_server, after)).principal.subject == person.name


# --- a person's passkeys ------------------------------------------------------------------------


async def test_enrol_list_rename_and_revoke_passkeys(channel: grpc.aio.Channel) -> None:
    stub = pk_grpc.PasskeyServiceStub(channel)
    phone = SoftAuthenticator(ORIGIN)
    person, _, token = await _person_with_token(channel, "keys")
    # _person_with_token registered with its own authenticator; enrol a second one.
    begun = await stub.BeginPasskeyEnrollment(
        pk_pb.BeginPasskeyEnrollmentRequest(parent=person.name), metadata=bearer(token)
    )
    assert len(json.loads(begun.options_json)["excludeCredentials"]) == 1
    enrolled = await stub.FinishPasskeyEnrollment(
        pk_pb.FinishPasskeyEnrollmentRequest(
            parent=person.name,
            credential_json=json.dumps(phone.create(begun.options_json)),
            display_name="phone",
        ),
        metadata=bearer(token),
    )
    assert enrolled.passkey.name.startswith(f"{person.name}/passkeys/")
    assert enrolled.passkey.display_name == "phone"
    # The new passkey signs in (discoverable login picks the phone's credential).
    assert (await sign_in(channel, phone)).person.name == person.name

    first = await stub.ListPasskeys(
        pk_pb.ListPasskeysRequest(parent=person.name, page_size=1), metadata=bearer(token)
    )
    second = await stub.ListPasskeys(
        pk_pb.ListPasskeysRequest(parent=person.name, page_size=1, page_token=first.next_page_token),
        metadata=bearer(token),
    )
    assert second.next_page_token == ""
    names = [p.name for p in [*first.passkeys, *second.passkeys]]
    assert enrolled.passkey.name in names
    assert len(set(names)) == 2
    used = next(p for p in [*first.passkeys, *second.passkeys] if p.name == enrolled.passkey.name)
    assert used.sign_count == 1
    assert used.HasField("last_use_time")

    renamed = await stub.UpdatePasskey(
        pk_pb.UpdatePasskeyRequest(
            passkey=res.Passkey(name=enrolled.passkey.name, display_name="work phone"),
            update_mask=FieldMask(paths=["display_name"]),
        ),
        metadata=bearer(token),
    )
    assert renamed.passkey.display_name == "work phone"

    other = next(name for name in names if name != enrolled.passkey.name)
    await stub.DeletePasskey(pk_pb.DeletePasskeyRequest(name=other), metadata=bearer(token))
    await expect_reason(
        stub.DeletePasskey(pk_pb.DeletePasskeyRequest(name=enrolled.passkey.name), metadata=bearer(token)),
        "LAST_PASSKEY",
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    await expect_reason(
        stub.DeletePasskey(pk_pb.DeletePasskeyRequest(name=other), metadata=bearer(token)),
        "PASSKEY_NOT_FOUND",
    )


async def test_a_revoked_passkey_no_longer_signs_in(channel: grpc.aio.Channel) -> None:
    stub = pk_grpc.PasskeyServiceStub(channel)
    laptop, phone = SoftAuthenticator(ORIGIN), SoftAuthenticator(ORIGIN)
    person = await register(channel, laptop, unique("revoke"))
    token = (await sign_in(channel, laptop)).access_token
    begun = await stub.BeginPasskeyEnrollment(
        pk_pb.BeginPasskeyEnrollmentRequest(parent=person.name), metadata=bearer(token)
    )
    await stub.FinishPasskeyEnrollment(
        pk_pb.FinishPasskeyEnrollmentRequest(
            parent=person.name, credential_json=json.dumps(phone.create(begun.options_json))
        ),
        metadata=bearer(token),
    )
    laptop_name = f"{person.name}/passkeys/{b64url(laptop.credentials[0].credential_id)}"
    await stub.DeletePasskey(pk_pb.DeletePasskeyRequest(name=laptop_name), metadata=bearer(token))
    await expect_reason(
        finish_sign_in(channel, laptop.get(await begin_sign_in(channel))), "CREDENTIAL_UNKNOWN"
    )


async def test_passkeys_are_managed_only_by_their_owner(channel: grpc.aio.Channel) -> None:
    stub = pk_grpc.PasskeyServiceStub(channel)
    owner, _, _ = await _person_with_token(channel, "owner")
    _, _, intruder_token = await _person_with_token(channel, "intruder")
    await expect_reason(
        stub.ListPasskeys(pk_pb.ListPasskeysRequest(parent=owner.name), metadata=bearer(intruder_token)),
        "NOT_THE_CALLER",
        grpc.StatusCode.PERMISSION_DENIED,
    )
    await expect_reason(
        stub.BeginPasskeyEnrollment(
            pk_pb.BeginPasskeyEnrollmentRequest(parent=owner.name), metadata=bearer(intruder_token)
        ),
        "NOT_THE_CALLER",
    )


async def test_an_enrolment_challenge_cannot_be_finished_by_someone_else(channel: grpc.aio.Channel) -> None:
    stub = pk_grpc.PasskeyServiceStub(channel)
    victim, _, victim_token = await _person_with_token(channel, "victim")
    attacker, _, attacker_token = await _person_with_token(channel, "attacker")
    begun = await stub.BeginPasskeyEnrollment(
        pk_pb.BeginPasskeyEnrollmentRequest(parent=victim.name), metadata=bearer(victim_token)
    )
    await expect_reason(
        stub.FinishPasskeyEnrollment(
            pk_pb.FinishPasskeyEnrollmentRequest(
                parent=attacker.name,
                credential_json=json.dumps(SoftAuthenticator(ORIGIN).create(begun.options_json)),
            ),
            metadata=bearer(attacker_token),
        ),
        "CHALLENGE_UNKNOWN",
    )


async def test_invalid_scope_names_are_refused_before_the_ceremony(channel: grpc.aio.Channel) -> None:
    authenticator = SoftAuthenticator(ORIGIN)
    await register(channel, authenticator, unique("scopes"))
    options = await begin_sign_in(channel)
    assertion = authenticator.get(options)
    await expect_reason(finish_sign_in(channel, assertion, scopes=("Bad Scope",)), "SCOPE_INVALID")
    # The challenge was not burnt by the refused request.
    granted = await finish_sign_in(channel, assertion, scopes=("ledger.read",))
    assert (
        jwt.decode(granted.access_token, options={"verify_signature": False})["scope"] == "openid ledger.read"
    )


# --- refresh tokens -----------------------------------------------------------------------------


async def test_refresh_tokens_rotate_and_reuse_revokes_the_family(
    identity_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    stub = tok_grpc.TokenServiceStub(channel)
    authenticator = SoftAuthenticator(ORIGIN)
    person = await register(channel, authenticator, unique("refresh"))
    signed_in = await sign_in(channel, authenticator)
    first = signed_in.refresh_token
    assert first

    rotated = await stub.RefreshAccessToken(tok_pb.RefreshAccessTokenRequest(refresh_token=first))
    assert rotated.refresh_token not in ("", first)
    assert (await whoami_on(identity_server, rotated.access_token)).principal.subject == person.name
    second = await stub.RefreshAccessToken(
        tok_pb.RefreshAccessTokenRequest(refresh_token=rotated.refresh_token)
    )

    # The first token, stolen and replayed: refused, and the family (including
    # the legitimate holder's newest token) is revoked.
    await expect_reason(
        stub.RefreshAccessToken(tok_pb.RefreshAccessTokenRequest(refresh_token=first)),
        "REFRESH_TOKEN_REUSED",
        grpc.StatusCode.UNAUTHENTICATED,
    )
    await expect_reason(
        stub.RefreshAccessToken(tok_pb.RefreshAccessTokenRequest(refresh_token=second.refresh_token)),
        "REFRESH_TOKEN_REVOKED",
    )
    events = await identity_server.runtime.database.fetchval(
        "SELECT count(*) FROM identity.security_events"
        " WHERE person_id = $1 AND kind = 'refresh_token_reused'",
        person.name.removeprefix("people/"),
    )
    assert events == 1
    # Another sign-in starts a new, independent family.
    again = await sign_in(channel, authenticator)
    assert (
        await stub.RefreshAccessToken(tok_pb.RefreshAccessTokenRequest(refresh_token=again.refresh_token))
    ).access_token


@pytest.mark.parametrize("failing", ["roles", "signing_key"])
async def test_a_refresh_that_fails_to_mint_leaves_the_refresh_token_unused(
    identity_server: RunningServer, channel: grpc.aio.Channel, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    # Minting the access token reads the roles and the signing key. A failure
    # there once came after the rotation was committed: the client's retry
    # with the same refresh token was taken for a replay, the family revoked.
    stub = tok_grpc.TokenServiceStub(channel)
    person, authenticator, token = await _person_with_token(channel, "blip")
    parent = f"orgs/{unique('blip')}"
    await org_grpc.OrganizationServiceStub(channel).CreateOrganization(
        org_pb.CreateOrganizationRequest(
            organization_id=parent.removeprefix("orgs/"),
            organization=res.Organization(display_name="Blip", kind=res.ORGANIZATION_KIND_OTHER),
        ),
        metadata=bearer(token),
    )
    signed_in = await sign_in(channel, authenticator, organization=parent)

    async def blip(*_: object) -> Any:
        raise Unavailable("DATABASE_UNAVAILABLE", "the database went away", domain=IDENTITY_DOMAIN)

    if failing == "roles":
        monkeypatch.setattr(Organizations, "token_roles", blip)
    else:
        monkeypatch.setattr(SigningKeyRing, "signing_key", blip)
    await expect_reason(
        stub.RefreshAccessToken(tok_pb.RefreshAccessTokenRequest(refresh_token=signed_in.refresh_token)),
        "DATABASE_UNAVAILABLE",
        grpc.StatusCode.UNAVAILABLE,
    )
    monkeypatch.undo()

    # The retry with the same token rotates it, as if the failed call never happened.
    retried = await stub.RefreshAccessToken(
        tok_pb.RefreshAccessTokenRequest(refresh_token=signed_in.refresh_token)
    )
    claims = jwt.decode(retried.access_token, options={"verify_signature": False})
    assert (claims["sub"], claims["org"], claims["roles"]) == (person.name, parent, ["admin"])
    assert await stub.RefreshAccessToken(
        tok_pb.RefreshAccessTokenRequest(refresh_token=retried.refresh_token)
    )
    events = await identity_server.runtime.database.fetchval(
        "SELECT count(*) FROM identity.security_events"
        " WHERE person_id = $1 AND kind = 'refresh_token_reused'",
        person.name.removeprefix("people/"),
    )
    assert events == 0
    # A genuine replay of the token, now used, is still caught.
    await expect_reason(
        stub.RefreshAccessToken(tok_pb.RefreshAccessTokenRequest(refresh_token=signed_in.refresh_token)),
        "REFRESH_TOKEN_REUSED",
    )


async def test_refresh_token_errors_and_sign_out(
    identity_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    stub = tok_grpc.TokenServiceStub(channel)
    authenticator = SoftAuthenticator(ORIGIN)
    await register(channel, authenticator, unique("signout"))
    await expect_reason(
        stub.RefreshAccessToken(tok_pb.RefreshAccessTokenRequest(refresh_token="not-a-token")),
        "REFRESH_TOKEN_INVALID",
    )
    signed_in = await sign_in(channel, authenticator)
    await stub.RevokeRefreshToken(tok_pb.RevokeRefreshTokenRequest(refresh_token=signed_in.refresh_token))
    await expect_reason(
        stub.RefreshAccessToken(tok_pb.RefreshAccessTokenRequest(refresh_token=signed_in.refresh_token)),
        "REFRESH_TOKEN_REVOKED",
    )
    # Revoking something unknown succeeds and says nothing.
    await stub.RevokeRefreshToken(tok_pb.RevokeRefreshTokenRequest(refresh_token="unknown"))

    expiring = await sign_in(channel, authenticator)
    await identity_server.runtime.database.execute(
        "UPDATE identity.refresh_tokens SET expire_time = now() - interval '1 second' WHERE token_hash = $1",
        hashlib.sha256(expiring.refresh_token.encode()).digest(),
    )
    await expect_reason(
        stub.RefreshAccessToken(tok_pb.RefreshAccessTokenRequest(refresh_token=expiring.refresh_token)),
        "REFRESH_TOKEN_EXPIRED",
    )


async def test_refreshed_tokens_carry_the_roles_held_now(channel: grpc.aio.Channel) -> None:
    orgs = org_grpc.OrganizationServiceStub(channel)
    tokens = tok_grpc.TokenServiceStub(channel)
    _, _, admin_token = await _person_with_token(channel, "boss")
    member, member_auth, _ = await _person_with_token(channel, "staff")
    org_id = unique("agency")
    await orgs.CreateOrganization(
        org_pb.CreateOrganizationRequest(
            organization_id=org_id,
            organization=res.Organization(display_name="Agency", kind=res.ORGANIZATION_KIND_OTHER),
        ),
        metadata=bearer(admin_token),
    )
    added = await orgs.CreateMembership(
        org_pb.CreateMembershipRequest(
            parent=f"orgs/{org_id}", membership=res.Membership(person=member.name, roles=["member"])
        ),
        metadata=bearer(admin_token),
    )
    signed_in = await sign_in(channel, member_auth, organization=f"orgs/{org_id}")
    await orgs.UpdateMembership(
        org_pb.UpdateMembershipRequest(
            membership=res.Membership(name=added.membership.name, roles=["reviewer"]),
            update_mask=FieldMask(paths=["roles"]),
        ),
        metadata=bearer(admin_token),
    )
    refreshed = await tokens.RefreshAccessToken(
        tok_pb.RefreshAccessTokenRequest(refresh_token=signed_in.refresh_token)
    )
    claims = jwt.decode(refreshed.access_token, options={"verify_signature": False})
    assert (claims["org"], claims["roles"]) == (f"orgs/{org_id}", ["reviewer"])
    await orgs.DeleteMembership(
        org_pb.DeleteMembershipRequest(name=added.membership.name), metadata=bearer(admin_token)
    )
    await expect_reason(
        tokens.RefreshAccessToken(tok_pb.RefreshAccessTokenRequest(refresh_token=refreshed.refresh_token)),
        "NOT_A_MEMBER",
    )


# --- security events ----------------------------------------------------------------------------


async def test_security_events_are_listed_for_the_person_and_their_org_admins(
    channel: grpc.aio.Channel,
) -> None:
    events = ev_grpc.SecurityEventServiceStub(channel)
    orgs = org_grpc.OrganizationServiceStub(channel)
    person, authenticator, token = await _person_with_token(channel, "audited")
    options = await begin_sign_in(channel)
    await expect_reason(
        finish_sign_in(channel, authenticator.get(options, origin="https://evil.example")), "ORIGIN_INVALID"
    )

    first = await events.ListSecurityEvents(
        ev_pb.ListSecurityEventsRequest(parent=person.name, page_size=2), metadata=bearer(token)
    )
    rest = await events.ListSecurityEvents(
        ev_pb.ListSecurityEventsRequest(parent=person.name, page_token=first.next_page_token),
        metadata=bearer(token),
    )
    listed = [*first.security_events, *rest.security_events]
    assert [(e.kind, e.reason) for e in listed] == [
        (res.SECURITY_EVENT_KIND_SIGN_IN_FAILED, "ORIGIN_INVALID"),
        (res.SECURITY_EVENT_KIND_SIGNED_IN, ""),
        (res.SECURITY_EVENT_KIND_PASSKEY_REGISTERED, ""),
    ]
    assert all(e.name.startswith(f"{person.name}/securityEvents/") for e in listed)

    # Another person cannot read them; an admin of an org the person belongs to can.
    admin, _, admin_token = await _person_with_token(channel, "auditor")
    await expect_reason(
        events.ListSecurityEvents(
            ev_pb.ListSecurityEventsRequest(parent=person.name), metadata=bearer(admin_token)
        ),
        "NOT_THE_CALLER",
    )
    org_id = unique("audit")
    await orgs.CreateOrganization(
        org_pb.CreateOrganizationRequest(
            organization_id=org_id,
            organization=res.Organization(display_name="Audit", kind=res.ORGANIZATION_KIND_AGENCY),
        ),
        metadata=bearer(admin_token),
    )
    await orgs.CreateMembership(
        org_pb.CreateMembershipRequest(
            parent=f"orgs/{org_id}", membership=res.Membership(person=person.name, roles=["member"])
        ),
        metadata=bearer(admin_token),
    )
    for_org = await events.ListSecurityEvents(
        ev_pb.ListSecurityEventsRequest(parent=f"orgs/{org_id}"), metadata=bearer(admin_token)
    )
    people = {e.name.split("/securityEvents/")[0] for e in for_org.security_events}
    assert people == {person.name, admin.name}
    await expect_reason(
        events.ListSecurityEvents(
            ev_pb.ListSecurityEventsRequest(parent=f"orgs/{org_id}"), metadata=bearer(token)
        ),
        "NOT_AN_ADMIN",
    )


# --- service accounts (RFC 7523 assertions) -----------------------------------------------------


def _assertion(
    key: Ed25519PrivateKey,
    service: str,
    audience: str,
    *,
    lifetime_s: int = 60,
    iat_offset_s: int = 0,
    jti: str | None = None,
    subject: str | None = None,
) -> str:
    now = int(time.time()) + iat_offset_s
    claims = {
        "iss": service,
        "sub": subject or service,
        "aud": audience,
        "iat": now,
        "exp": now + lifetime_s,
        "jti": jti or os.urandom(8).hex(),
    }
    return jwt.encode(claims, key, algorithm="EdDSA", headers={"kid": jwk_thumbprint(key.public_key())})


async def test_service_accounts_sign_in_with_assertions(
    identity_server: RunningServer, verifying_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    accounts = sa_grpc.ServiceAccountServiceStub(channel)
    tokens = tok_grpc.TokenServiceStub(channel)
    orgs = org_grpc.OrganizationServiceStub(channel)
    _, _, admin_token = await _person_with_token(channel, "ops")
    _, _, stranger_token = await _person_with_token(channel, "stranger")
    org_id = unique("billing")
    await orgs.CreateOrganization(
        org_pb.CreateOrganizationRequest(
            organization_id=org_id,
            organization=res.Organization(display_name="Billing", kind=res.ORGANIZATION_KIND_VENDOR),
        ),
        metadata=bearer(admin_token),
    )
    service_id = unique("invoicer")
    created = await accounts.CreateServiceAccount(
        sa_pb.CreateServiceAccountRequest(
            service_account_id=service_id,
            service_account=res.ServiceAccount(
                organization=f"orgs/{org_id}", display_name="Invoicer", scopes=["ledger.write", "ledger.read"]
            ),
        ),
        metadata=bearer(admin_token),
    )
    service = created.service_account.name
    assert service == f"services/{service_id}"
    await expect_reason(
        accounts.CreateServiceAccount(
            sa_pb.CreateServiceAccountRequest(
                service_account_id=unique("x"),
                service_account=res.ServiceAccount(organization=f"orgs/{org_id}", scopes=["a"]),
            ),
            metadata=bearer(stranger_token),
        ),
        "NOT_A_MEMBER",
    )
    key = Ed25519PrivateKey.generate()
    x = b64url(key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))
    registered = await accounts.CreateServiceAccountKey(
        sa_pb.CreateServiceAccountKeyRequest(
            parent=service,
            service_account_key=res.ServiceAccountKey(
                public_key=res.JsonWebKey(kty="OKP", crv="Ed25519", x=x)
            ),
        ),
        metadata=bearer(admin_token),
    )
    assert registered.service_account_key.name == f"{service}/keys/{jwk_thumbprint(key.public_key())}"
    listed = await accounts.ListServiceAccounts(
        sa_pb.ListServiceAccountsRequest(parent=f"orgs/{org_id}"), metadata=bearer(admin_token)
    )
    assert [a.name for a in listed.service_accounts] == [service]

    issuer = identity_server.settings.token_issuer
    assertion = _assertion(key, service, issuer)
    issued = await tokens.IssueServiceAccountToken(
        tok_pb.IssueServiceAccountTokenRequest(assertion=assertion, scopes=["ledger.read"])
    )
    principal = (await whoami_on(verifying_server, issued.access_token)).principal
    assert (principal.subject, principal.org, list(principal.scopes)) == (
        service,
        f"orgs/{org_id}",
        ["ledger.read"],
    )
    everything = await tokens.IssueServiceAccountToken(
        tok_pb.IssueServiceAccountTokenRequest(assertion=_assertion(key, service, issuer))
    )
    assert sorted((await whoami_on(verifying_server, everything.access_token)).principal.scopes) == [
        "ledger.read",
        "ledger.write",
    ]

    async def refused(assertion: str, reason: str, scopes: tuple[str, ...] = ()) -> None:
        await expect_reason(
            tokens.IssueServiceAccountToken(
                tok_pb.IssueServiceAccountTokenRequest(assertion=assertion, scopes=list(scopes))
            ),
            reason,
        )

    await refused(assertion, "CLIENT_ASSERTION_REPLAYED")
    await refused(_assertion(key, service, issuer), "SCOPE_NOT_ALLOWED", ("cloud.admin",))
    await refused(_assertion(key, service, "https://elsewhere"), "CLIENT_ASSERTION_INVALID")
    await refused(_assertion(key, service, issuer, subject="services/other"), "CLIENT_ASSERTION_INVALID")
    await refused(_assertion(key, service, issuer, iat_offset_s=-600), "CLIENT_ASSERTION_EXPIRED")
    await refused(_assertion(key, service, issuer, lifetime_s=3600), "CLIENT_ASSERTION_EXPIRED")
    await refused(_assertion(Ed25519PrivateKey.generate(), service, issuer), "CLIENT_ASSERTION_KEY_UNKNOWN")
    forged = _assertion(key, service, issuer)
    header, payload, _ = forged.split(".")
    other = _assertion(Ed25519PrivateKey.generate(), service, issuer).split(".")[2]
    await refused(f"{header}.{payload}.{other}", "CLIENT_ASSERTION_INVALID")
    await refused("not-a-jwt", "CLIENT_ASSERTION_INVALID")

    # Removing the key (or the account) stops its assertions.
    await accounts.DeleteServiceAccountKey(
        sa_pb.DeleteServiceAccountKeyRequest(name=registered.service_account_key.name),
        metadata=bearer(admin_token),
    )
    await refused(_assertion(key, service, issuer), "CLIENT_ASSERTION_KEY_UNKNOWN")
    await accounts.DeleteServiceAccount(
        sa_pb.DeleteServiceAccountRequest(name=service), metadata=bearer(admin_token)
    )
    await expect_reason(
        accounts.DeleteServiceAccount(
            sa_pb.DeleteServiceAccountRequest(name=service), metadata=bearer(admin_token)
        ),
        "SERVICE_ACCOUNT_NOT_FOUND",
    )


# --- token exchange (RFC 8693) ------------------------------------------------------------------


async def _service_with_token(
    identity_server: RunningServer, channel: grpc.aio.Channel, scopes: list[str]
) -> tuple[str, str]:
    """A fresh org with a service account holding `scopes`: its name and an access token."""
    orgs = org_grpc.OrganizationServiceStub(channel)
    accounts = sa_grpc.ServiceAccountServiceStub(channel)
    _, _, admin_token = await _person_with_token(channel, "svc-admin")
    org_id = unique("svc-org")
    await orgs.CreateOrganization(
        org_pb.CreateOrganizationRequest(
            organization_id=org_id,
            organization=res.Organization(display_name="Svc", kind=res.ORGANIZATION_KIND_OTHER),
        ),
        metadata=bearer(admin_token),
    )
    created = await accounts.CreateServiceAccount(
        sa_pb.CreateServiceAccountRequest(
            service_account_id=unique("svc"),
            service_account=res.ServiceAccount(organization=f"orgs/{org_id}", scopes=scopes),
        ),
        metadata=bearer(admin_token),
    )
    key = Ed25519PrivateKey.generate()
    x = b64url(key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))
    await accounts.CreateServiceAccountKey(
        sa_pb.CreateServiceAccountKeyRequest(
            parent=created.service_account.name,
            service_account_key=res.ServiceAccountKey(
                public_key=res.JsonWebKey(kty="OKP", crv="Ed25519", x=x)
            ),
        ),
        metadata=bearer(admin_token),
    )
    issued = await tok_grpc.TokenServiceStub(channel).IssueServiceAccountToken(
        tok_pb.IssueServiceAccountTokenRequest(
            assertion=_assertion(key, created.service_account.name, identity_server.settings.token_issuer)
        )
    )
    return created.service_account.name, issued.access_token


@pytest.mark.parametrize("change", ["create", "delete", "add_key", "delete_key"])
async def test_an_admin_demoted_during_a_service_account_change_cannot_complete_it(
    identity_server: RunningServer, channel: grpc.aio.Channel, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    # As with memberships: the admin check ran apart from the write, so an admin
    # demoted between the two still created, deleted or re-keyed a service account.
    accounts = sa_grpc.ServiceAccountServiceStub(channel)
    orgs = org_grpc.OrganizationServiceStub(channel)
    _, _, founder_token = await _person_with_token(channel, "founder")
    admin, _, admin_token = await _person_with_token(channel, "demoted")
    org_id = unique("keys")
    await orgs.CreateOrganization(
        org_pb.CreateOrganizationRequest(
            organization_id=org_id,
            organization=res.Organization(display_name="Keys", kind=res.ORGANIZATION_KIND_OTHER),
        ),
        metadata=bearer(founder_token),
    )
    await _add_members(orgs, founder_token, f"orgs/{org_id}", ((admin, ["admin"]),))
    service_id = unique("worker")
    await accounts.CreateServiceAccount(
        sa_pb.CreateServiceAccountRequest(
            service_account_id=service_id,
            service_account=res.ServiceAccount(organization=f"orgs/{org_id}", scopes=["ledger.read"]),
        ),
        metadata=bearer(founder_token),
    )

    def public_key() -> res.JsonWebKey:
        raw = Ed25519PrivateKey.generate().public_key()
        x = b64url(raw.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))
        return res.JsonWebKey(kty="OKP", crv="Ed25519", x=x)

    kept = await accounts.CreateServiceAccountKey(
        sa_pb.CreateServiceAccountKeyRequest(
            parent=f"services/{service_id}",
            service_account_key=res.ServiceAccountKey(public_key=public_key()),
        ),
        metadata=bearer(founder_token),
    )
    database = identity_server.runtime.database
    _demote_right_after_the_admin_check(identity_server, monkeypatch)
    call: Any
    if change == "create":
        call = accounts.CreateServiceAccount(
            sa_pb.CreateServiceAccountRequest(
                service_account_id=unique("rogue"),
                service_account=res.ServiceAccount(organization=f"orgs/{org_id}", scopes=["ledger.read"]),
            ),
            metadata=bearer(admin_token),
        )
    elif change == "delete":
        call = accounts.DeleteServiceAccount(
            sa_pb.DeleteServiceAccountRequest(name=f"services/{service_id}"), metadata=bearer(admin_token)
        )
    elif change == "add_key":
        call = accounts.CreateServiceAccountKey(
            sa_pb.CreateServiceAccountKeyRequest(
                parent=f"services/{service_id}",
                service_account_key=res.ServiceAccountKey(public_key=public_key()),
            ),
            metadata=bearer(admin_token),
        )
    else:
        call = accounts.DeleteServiceAccountKey(
            sa_pb.DeleteServiceAccountKeyRequest(name=kept.service_account_key.name),
            metadata=bearer(admin_token),
        )
    await expect_reason(call, "NOT_AN_ADMIN", grpc.StatusCode.PERMISSION_DENIED)
    monkeypatch.undo()
    services = await database.fetch("SELECT id FROM identity.service_accounts WHERE org_id = $1", org_id)
    assert [row["id"] for row in services] == [service_id]
    keys = await database.fetch(
        "SELECT kid FROM identity.service_account_keys WHERE service_id = $1", service_id
    )
    assert [f"services/{service_id}/keys/{row['kid']}" for row in keys] == [kept.service_account_key.name]


async def test_a_service_exchanges_a_persons_token_for_a_narrower_one(
    identity_server: RunningServer, verifying_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    tokens = tok_grpc.TokenServiceStub(channel)
    service, service_token = await _service_with_token(identity_server, channel, ["ledger.read"])
    authenticator = SoftAuthenticator(ORIGIN)
    person = await register(channel, authenticator, unique("delegator"))
    options = await begin_sign_in(channel)
    user = await finish_sign_in(channel, authenticator.get(options), scopes=("ledger.read", "ledger.write"))

    exchanged = await tokens.ExchangeToken(
        tok_pb.ExchangeTokenRequest(
            subject_token=user.access_token, audience="ledger", scopes=["ledger.read"]
        ),
        metadata=bearer(service_token),
    )
    claims = jwt.decode(exchanged.access_token, options={"verify_signature": False})
    user_claims = jwt.decode(user.access_token, options={"verify_signature": False})
    assert claims["sub"] == person.name
    assert claims["aud"] == "ledger"
    assert claims["act"] == {"sub": service}
    assert claims["scope"] == "ledger.read"
    assert claims["exp"] <= user_claims["exp"]
    # Signed by identity's published key, and useless on a server of another audience.
    published = await tokens.GetKeySet(tok_pb.GetKeySetRequest())
    assert jwt.get_unverified_header(exchanged.access_token)["kid"] in [k.kid for k in published.keys]
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await whoami_on(verifying_server, exchanged.access_token)
    assert error_info(caught.value).reason == "TOKEN_AUDIENCE_INVALID"
    # The ledger (a service) can introspect it against its own audience.
    introspected = await tokens.IntrospectToken(
        tok_pb.IntrospectTokenRequest(token=exchanged.access_token), metadata=bearer(service_token)
    )
    assert (introspected.active, list(introspected.audiences)) == (True, ["ledger"])

    await expect_reason(
        tokens.ExchangeToken(
            tok_pb.ExchangeTokenRequest(
                subject_token=user.access_token, audience="ledger", scopes=["cloud.admin"]
            ),
            metadata=bearer(service_token),
        ),
        "SCOPE_NOT_ALLOWED",
    )
    # A person cannot exchange tokens, only a service account.
    await expect_reason(
        tokens.ExchangeToken(
            tok_pb.ExchangeTokenRequest(subject_token=user.access_token, audience="ledger"),
            metadata=bearer(user.access_token),
        ),
        "SERVICE_ACCOUNT_REQUIRED",
        grpc.StatusCode.PERMISSION_DENIED,
    )
    header, payload, signature = user.access_token.split(".")
    tampered = f"{header}.{payload}.{signature[:-4]}AAAA"
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await tokens.ExchangeToken(
            tok_pb.ExchangeTokenRequest(subject_token=tampered, audience="ledger"),
            metadata=bearer(service_token),
        )
    info = error_info(caught.value)
    assert (info.reason, info.metadata["cause"]) == ("SUBJECT_TOKEN_INVALID", "TOKEN_SIGNATURE_INVALID")


# --- tokens refused by the mesh -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("expired", "TOKEN_EXPIRED"),
        ("not-yet-valid", "TOKEN_NOT_YET_VALID"),
        ("tampered", "TOKEN_SIGNATURE_INVALID"),
        ("unknown-key", "TOKEN_KEY_UNKNOWN"),
        ("wrong-audience", "TOKEN_AUDIENCE_INVALID"),
        ("wrong-issuer", "TOKEN_ISSUER_INVALID"),
    ],
)
async def test_bad_tokens_are_refused_by_a_server_trusting_identity(
    identity_server: RunningServer, verifying_server: RunningServer, case: str, reason: str
) -> None:
    key = await identity.signing_key_ring(identity_server.runtime).signing_key()
    settings = identity_server.settings
    now = int(time.time())
    claims: dict[str, Any] = {}
    audience, issuer = settings.token_audience, settings.token_issuer
    signer: Any = key
    if case == "expired":
        claims = {"iat": now - 3600, "nbf": now - 3600, "exp": now - 1800}
    elif case == "not-yet-valid":
        claims = {"iat": now + 3600, "nbf": now + 3600, "exp": now + 7200}
    elif case == "unknown-key":
        signer = DevSigningKey.generate()
    elif case == "wrong-audience":
        audience = "someone-else"
    elif case == "wrong-issuer":
        issuer = "https://evil.example"
    token = mint_access_token(
        signer,
        subject="people/" + "0" * 32,
        audience=audience,
        issuer=issuer,
        scopes=["openid"],
        extra=claims,
    )
    if case == "tampered":
        header, payload, signature = token.split(".")
        forged = json.loads(b64url_decode(payload))
        forged["sub"] = "people/" + "f" * 32
        token = f"{header}.{b64url(json.dumps(forged).encode())}.{signature}"
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await whoami_on(verifying_server, token)
    assert error_info(caught.value).reason == reason


async def test_an_aaguid_allow_list_refuses_other_authenticators(identity_server: RunningServer) -> None:
    """The domain on the same database with an allow-list (a replica configured differently)."""
    runtime = identity_server.runtime
    allowed = "cb69481e-8ff7-4039-93ec-0a2729a154a8"
    settings = identity_server.settings.model_copy(update={"webauthn_allowed_aaguids": allowed})
    organizations = Organizations(runtime.database, runtime.page_tokens)
    ring = identity.signing_key_ring(runtime)
    tokens = TokenIssuer(
        runtime.database,
        settings,
        organizations,
        ring,
        AccessTokenVerifier.from_settings(settings, runtime.key_set),
    )
    ceremonies = PasskeyCeremonies(runtime.database, settings, organizations, tokens, runtime.page_tokens)

    generic = SoftAuthenticator(ORIGIN)
    begun = await ceremonies.begin_registration(unique("generic"), "Generic")
    with pytest.raises(PermissionDenied) as caught:
        await ceremonies.finish_registration(json.dumps(generic.create(begun.options_json)))
    assert caught.value.reason == "AUTHENTICATOR_NOT_ALLOWED"

    listed = SoftAuthenticator(ORIGIN, aaguid=uuid.UUID(allowed).bytes)
    begun = await ceremonies.begin_registration(unique("listed"), "Listed")
    registered = await ceremonies.finish_registration(json.dumps(listed.create(begun.options_json)))
    assert registered.person.user_name.startswith("listed-")


# --- consents -----------------------------------------------------------------------------------


def _in(seconds: float) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(datetime.now(UTC) + timedelta(seconds=seconds))
    return stamp


async def test_consents_grant_list_issue_and_revoke(
    identity_server: RunningServer, verifying_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    consents = con_grpc.ConsentServiceStub(channel)
    tokens = tok_grpc.TokenServiceStub(channel)
    app, app_token = await _service_with_token(identity_server, channel, ["health.read", "tax.read"])
    _, other_app_token = await _service_with_token(identity_server, channel, ["health.read"])
    person, _, person_token = await _person_with_token(channel, "citizen")
    _, _, stranger_token = await _person_with_token(channel, "nosy")

    await expect_reason(
        consents.CreateConsent(
            con_pb.CreateConsentRequest(
                parent=person.name,
                consent=res.Consent(client=app, scopes=["bank.read"], expire_time=_in(3600)),
            ),
            metadata=bearer(person_token),
        ),
        "SCOPE_NOT_ALLOWED",
    )
    await expect_reason(
        consents.CreateConsent(
            con_pb.CreateConsentRequest(
                parent=person.name,
                consent=res.Consent(client=app, scopes=["health.read"], expire_time=_in(-5)),
            ),
            metadata=bearer(person_token),
        ),
        "CONSENT_EXPIRY_INVALID",
    )
    granted = (
        await consents.CreateConsent(
            con_pb.CreateConsentRequest(
                parent=person.name,
                consent=res.Consent(
                    client=app, scopes=["health.read"], categories=["vaccinations"], expire_time=_in(3600)
                ),
            ),
            metadata=bearer(person_token),
        )
    ).consent
    assert granted.state == res.CONSENT_STATE_ACTIVE
    assert granted.name.startswith(f"{person.name}/consents/")

    as_person = await consents.ListConsents(
        con_pb.ListConsentsRequest(parent=person.name), metadata=bearer(person_token)
    )
    as_app = await consents.ListConsents(con_pb.ListConsentsRequest(parent=app), metadata=bearer(app_token))
    assert [c.name for c in as_person.consents] == [granted.name]
    assert granted.name in [c.name for c in as_app.consents]
    await expect_reason(
        consents.ListConsents(
            con_pb.ListConsentsRequest(parent=person.name), metadata=bearer(stranger_token)
        ),
        "NOT_THE_CALLER",
    )
    await expect_reason(
        consents.ListConsents(con_pb.ListConsentsRequest(parent=app), metadata=bearer(other_app_token)),
        "NOT_THE_CALLER",
    )

    issued = await tokens.IssueConsentToken(
        tok_pb.IssueConsentTokenRequest(consent=granted.name), metadata=bearer(app_token)
    )
    claims = jwt.decode(issued.access_token, options={"verify_signature": False})
    assert (claims["sub"], claims["consent"], claims["scope"]) == (person.name, granted.name, "health.read")
    assert claims["categories"] == ["vaccinations"]
    assert claims["client_id"] == app
    assert claims["exp"] - claims["iat"] == 5
    principal = (await whoami_on(verifying_server, issued.access_token)).principal
    assert (principal.subject, principal.consent) == (person.name, granted.name)
    # A resource server (any service account) may introspect the token.
    introspected = await tokens.IntrospectToken(
        tok_pb.IntrospectTokenRequest(token=issued.access_token), metadata=bearer(other_app_token)
    )
    assert introspected.active
    assert (introspected.subject, introspected.consent, introspected.client_id) == (
        person.name,
        granted.name,
        app,
    )
    await expect_reason(
        tokens.IntrospectToken(
            tok_pb.IntrospectTokenRequest(token=issued.access_token), metadata=bearer(person_token)
        ),
        "SERVICE_ACCOUNT_REQUIRED",
    )
    garbage = await tokens.IntrospectToken(
        tok_pb.IntrospectTokenRequest(token="not.a.token"), metadata=bearer(other_app_token)
    )
    assert not garbage.active

    await expect_reason(
        tokens.IssueConsentToken(
            tok_pb.IssueConsentTokenRequest(consent=granted.name, scopes=["tax.read"]),
            metadata=bearer(app_token),
        ),
        "SCOPE_NOT_ALLOWED",
    )
    await expect_reason(
        tokens.IssueConsentToken(
            tok_pb.IssueConsentTokenRequest(consent=granted.name), metadata=bearer(other_app_token)
        ),
        "CONSENT_NOT_FOUND",
    )

    # Revocation: no new token at once; the one already issued is refused on
    # every server within the revocation refresh interval (2 s by default) plus
    # one feed fetch (tests/test_revocation.py measures the bound).
    revoked = await consents.RevokeConsent(
        con_pb.RevokeConsentRequest(name=granted.name), metadata=bearer(person_token)
    )
    revoked_at = time.monotonic()
    assert revoked.consent.state == res.CONSENT_STATE_REVOKED
    # Introspection sees the revocation at once (it reads identity's tables).
    after_revocation = await tokens.IntrospectToken(
        tok_pb.IntrospectTokenRequest(token=issued.access_token), metadata=bearer(other_app_token)
    )
    assert not after_revocation.active
    await expect_reason(
        tokens.IssueConsentToken(
            tok_pb.IssueConsentTokenRequest(consent=granted.name), metadata=bearer(app_token)
        ),
        "CONSENT_REVOKED",
    )

    async def until_refused() -> None:
        while time.monotonic() - revoked_at < 2 + 1:
            await whoami_on(verifying_server, issued.access_token)
            await asyncio.sleep(0.1)

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await until_refused()
    assert error_info(caught.value).reason == "CONSENT_REVOKED"
    events = await ev_grpc.SecurityEventServiceStub(channel).ListSecurityEvents(
        ev_pb.ListSecurityEventsRequest(parent=person.name, page_size=2), metadata=bearer(person_token)
    )
    assert [e.kind for e in events.security_events] == [
        res.SECURITY_EVENT_KIND_CONSENT_REVOKED,
        res.SECURITY_EVENT_KIND_CONSENT_GRANTED,
    ]


async def test_consent_tokens_never_outlive_the_consent(
    identity_server: RunningServer, channel: grpc.aio.Channel
) -> None:
    consents = con_grpc.ConsentServiceStub(channel)
    tokens = tok_grpc.TokenServiceStub(channel)
    app, app_token = await _service_with_token(identity_server, channel, ["health.read"])
    person, _, person_token = await _person_with_token(channel, "brief")
    granted = (
        await consents.CreateConsent(
            con_pb.CreateConsentRequest(
                parent=person.name,
                consent=res.Consent(client=app, scopes=["health.read"], expire_time=_in(3)),
            ),
            metadata=bearer(person_token),
        )
    ).consent
    issued = await tokens.IssueConsentToken(
        tok_pb.IssueConsentTokenRequest(consent=granted.name), metadata=bearer(app_token)
    )
    claims = jwt.decode(issued.access_token, options={"verify_signature": False})
    assert claims["exp"] <= granted.expire_time.seconds + 1
    await identity_server.runtime.database.execute(
        "UPDATE identity.consents SET expire_time = now() - interval '1 second' WHERE id = $1",
        uuid.UUID(hex=granted.name.rsplit("/", 1)[1]),
    )
    await expect_reason(
        tokens.IssueConsentToken(
            tok_pb.IssueConsentTokenRequest(consent=granted.name), metadata=bearer(app_token)
        ),
        "CONSENT_EXPIRED",
    )
    listed = await consents.ListConsents(
        con_pb.ListConsentsRequest(parent=person.name), metadata=bearer(person_token)
    )
    assert listed.consents[0].state == res.CONSENT_STATE_EXPIRED


async def test_attestation_roots_accept_only_verified_attestation(
    identity_server: RunningServer, tmp_path: Path
) -> None:
    """With attestation roots configured, only a packed attestation chaining to one registers."""
    runtime = identity_server.runtime
    trusted, untrusted = attestation_ca("Trusted Root"), attestation_ca("Other Root")
    roots = tmp_path / "roots.pem"
    roots.write_bytes(trusted[1].public_bytes(serialization.Encoding.PEM))
    settings = identity_server.settings.model_copy(update={"webauthn_attestation_roots_file": roots})
    organizations = Organizations(runtime.database, runtime.page_tokens)
    tokens = TokenIssuer(
        runtime.database,
        settings,
        organizations,
        identity.signing_key_ring(runtime),
        AccessTokenVerifier.from_settings(settings, runtime.key_set),
    )
    ceremonies = PasskeyCeremonies(runtime.database, settings, organizations, tokens, runtime.page_tokens)

    async def register_with(attestation: tuple[ec.EllipticCurvePrivateKey, bytes] | None) -> str:
        begun = await ceremonies.begin_registration(unique("attested"), "Attested")
        assert json.loads(begun.options_json)["attestation"] == "direct"
        credential = SoftAuthenticator(ORIGIN).create(begun.options_json, attestation=attestation)
        registered = await ceremonies.finish_registration(json.dumps(credential))
        return registered.person.name

    assert (await register_with(attestation_certificate(trusted))).startswith("people/")
    for attestation in (None, attestation_certificate(untrusted)):
        with pytest.raises(PermissionDenied) as denied_error:
            await register_with(attestation)
        assert denied_error.value.reason == "ATTESTATION_UNTRUSTED"
    # A statement signed by another key than the certificate's.
    _, certificate = attestation_certificate(trusted)
    with pytest.raises(InvalidArgument) as invalid_error:
        await register_with((ec.generate_private_key(ec.SECP256R1()), certificate))
    assert invalid_error.value.reason == "ATTESTATION_INVALID"


async def test_a_replica_with_another_sealing_secret_is_unavailable_not_internal(
    database_url: str, tmp_path_factory: pytest.TempPathFactory, identity_server: RunningServer
) -> None:
    """Replicas must share JIPAN_SIGNING_KEY_SECRET; one that does not cannot unseal the active
    key and says so (UNAVAILABLE, SIGNING_KEY_UNAVAILABLE) instead of failing with INTERNAL."""
    await identity.signing_key_ring(identity_server.runtime).signing_key()  # an active key exists
    settings = make_settings(
        database_url,
        tmp_path_factory.mktemp("identity-wrong-secret"),
        JIPAN_SIGNING_KEY_SECRET="another secret, not the one the keys were sealed with",
    )
    async with running_server(settings, [system.SERVICE, identity.SERVICE]) as replica:
        ring = identity.signing_key_ring(replica.runtime)
        with pytest.raises(Unavailable) as caught:
            await ring.signing_key()
        assert caught.value.reason == "SIGNING_KEY_UNAVAILABLE"


async def test_servers_fetch_identitys_keys_over_tls_when_given_its_roots(
    database_url: str, tmp_path_factory: pytest.TempPathFactory, identity_server: RunningServer
) -> None:
    """JIPAN_IDENTITY_TARGET_CA_FILE: the key set (and the revocation feed) come over TLS,
    verified against those roots; without them a TLS identity cannot be reached in plaintext."""
    directory = tmp_path_factory.mktemp("identity-tls")
    pki = make_pki()
    (directory / "ca.pem").write_bytes(pki.ca_pem)
    (directory / "server.pem").write_bytes(pki.server_cert_pem)
    (directory / "server.key").write_bytes(pki.server_key_pem)
    tls_settings = make_settings(
        database_url,
        directory / "identity",
        JIPAN_TLS_CERT_FILE=str(directory / "server.pem"),
        JIPAN_TLS_KEY_FILE=str(directory / "server.key"),
    )
    async with running_server(tls_settings, [system.SERVICE, identity.SERVICE]) as tls_identity:
        key = await identity.signing_key_ring(tls_identity.runtime).signing_key()
        token = mint_access_token(
            key,
            subject="people/tls-check",
            audience=tls_identity.settings.token_audience,
            issuer=tls_identity.settings.token_issuer,
            scopes=["openid"],
        )
        target = f"localhost:{tls_identity.port}"
        verifier_settings = make_settings(
            database_url,
            directory / "verifier",
            JIPAN_IDENTITY_TARGET=target,
            JIPAN_IDENTITY_TARGET_CA_FILE=str(directory / "ca.pem"),
        )
        async with running_server(verifier_settings, [system.SERVICE]) as verifier:
            assert (await whoami_on(verifier, token)).principal.subject == "people/tls-check"
        plaintext_settings = make_settings(database_url, directory / "plain", JIPAN_IDENTITY_TARGET=target)
        async with running_server(plaintext_settings, [system.SERVICE]) as plain:
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await whoami_on(plain, token)
            assert caught.value.code() == grpc.StatusCode.UNAVAILABLE


async def test_a_server_acts_as_its_service_account_through_identity(
    identity_server: RunningServer,
    verifying_server: RunningServer,
    channel: grpc.aio.Channel,
    database_url: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """JIPAN_SERVICE_ACCOUNT + _KEY_FILE: the process signs RFC 7523 assertions with its key
    and carries the access tokens identity issues, renewing them; no shared secret anywhere."""
    from jipan.clients.service_tokens import service_token_source

    accounts = sa_grpc.ServiceAccountServiceStub(channel)
    orgs = org_grpc.OrganizationServiceStub(channel)
    _, _, admin_token = await _person_with_token(channel, "platform")
    org_id = unique("platform")
    await orgs.CreateOrganization(
        org_pb.CreateOrganizationRequest(
            organization_id=org_id,
            organization=res.Organization(display_name="Platform", kind=res.ORGANIZATION_KIND_AGENCY),
        ),
        metadata=bearer(admin_token),
    )
    service_id = unique("procurement")
    await accounts.CreateServiceAccount(
        sa_pb.CreateServiceAccountRequest(
            service_account_id=service_id,
            service_account=res.ServiceAccount(
                organization=f"orgs/{org_id}",
                display_name="Procurement",
                scopes=["ledger.anchor", "ledger.read"],
            ),
        ),
        metadata=bearer(admin_token),
    )
    key = Ed25519PrivateKey.generate()
    x = b64url(key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))
    await accounts.CreateServiceAccountKey(
        sa_pb.CreateServiceAccountKeyRequest(
            parent=f"services/{service_id}",
            service_account_key=res.ServiceAccountKey(
                public_key=res.JsonWebKey(kty="OKP", crv="Ed25519", x=x)
            ),
        ),
        metadata=bearer(admin_token),
    )
    directory = tmp_path_factory.mktemp("service-account")
    key_file = directory / "key.pem"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    settings = make_settings(
        database_url,
        directory / "data",
        JIPAN_IDENTITY_TARGET=identity_server.address,
        JIPAN_SERVICE_ACCOUNT=f"services/{service_id}",
        JIPAN_SERVICE_ACCOUNT_KEY_FILE=str(key_file),
    )
    tokens = service_token_source(settings, "procurement", ["ledger.anchor"])
    try:
        token = await tokens()
        assert await tokens() == token  # cached until a minute before it expires
        principal = (await whoami_on(verifying_server, token)).principal
        assert principal.subject == f"services/{service_id}"
        assert principal.org == f"orgs/{org_id}"
        assert list(principal.scopes) == ["ledger.anchor"]
    finally:
        await tokens.aclose()
