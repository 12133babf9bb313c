"""Passkey (WebAuthn / FIDO2) ceremonies: registration and sign-in.

The `fido2` library's `Fido2Server` does the cryptographic verification
(attestation parsing, the assertion signature over authenticatorData and the
clientDataJSON hash). Before it runs, each condition it would reject with a
bare ValueError is checked here first so that every failure has its own
ErrorReason; fido2 then re-checks all of them.

Challenges live in PostgreSQL (any replica can finish a ceremony another one
began). Finish consumes the challenge first, in its own statement, so a failed
attempt burns it too: a challenge is single-use whatever happens next.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NoReturn

import asyncpg
from fido2.attestation.base import InvalidAttestation, UnsupportedType, UntrustedAttestation
from fido2.server import Fido2Server
from fido2.utils import websafe_decode, websafe_encode
from fido2.webauthn import (
    AttestationConveyancePreference,
    AttestedCredentialData,
    AuthenticationResponse,
    AuthenticatorData,
    PublicKeyCredentialDescriptor,
    PublicKeyCredentialRpEntity,
    PublicKeyCredentialType,
    PublicKeyCredentialUserEntity,
    RegistrationResponse,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from jipan.servers.identity import fido2_hints
from jipan.servers.identity.attestation import AttestationRoots
from jipan.servers.identity.errors import (
    IDENTITY_DOMAIN,
    ceremony_failed,
    denied,
    exists,
    invalid,
    not_found,
    precondition,
)
from jipan.servers.identity.events import record_event
from jipan.servers.identity.organizations import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    Organizations,
    Page,
    PersonRecord,
    person_name,
)
from jipan.servers.identity.tokens import IssuedTokens, NewSession, TokenIssuer
from jipan.servers.runtime.errors import DomainError, FieldViolation, InvalidArgument
from jipan.servers.runtime.group_commit import grouped_fetchrow
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size
from jipan.servers.runtime.settings import Settings
from jipan.servers.runtime.untrusted import StructuredTextRefused, parse_json

REGISTRATION = "registration"
ENROLLMENT = "enrollment"
AUTHENTICATION = "authentication"
_UV_REQUIRED = {"user_verification": UserVerificationRequirement.REQUIRED}
_PASSKEY_NAME = re.compile(r"^people/(?P<person>[0-9a-f]{32})/passkeys/(?P<passkey>[A-Za-z0-9_-]{1,1366})$")
MAX_PASSKEY_LABEL = 100
_SCOPE = re.compile(r"^[a-z][a-z0-9._:-]{0,63}$")
_CHALLENGE_BYTES = 32

fido2_hints.install()

# A sign-in's Begin in one round trip: the person's passkeys (the allow list)
# and the new challenge, bound to that person when the user name is known.
_BEGIN_AUTHENTICATION = (
    "WITH person AS (SELECT p.id, coalesce(array_agg(c.id) FILTER (WHERE c.id IS NOT NULL), '{}') AS ids"
    " FROM identity.people p LEFT JOIN identity.credentials c ON c.person_id = p.id"
    " WHERE p.user_name = $1 GROUP BY p.id),"
    " issued AS (INSERT INTO identity.challenges (challenge, ceremony, person_id, expire_time)"
    " SELECT $2, $3, (SELECT id FROM person), now() + $4::interval RETURNING expire_time)"
    " SELECT issued.expire_time, person.id, person.ids FROM issued LEFT JOIN person ON true"
)

# A sign-in's Finish consumes its challenge and reads the presented credential
# in one round trip. The UPDATE runs whatever the SELECT finds (a CTE that
# modifies data always runs to completion), so an unknown credential burns the
# challenge as before. `consumed` false: the challenge was not consumable
# (_refuse_challenge). Always one row (group commit matches rows to callers).
_CONSUME_AND_READ_CREDENTIAL = (
    "WITH consumed AS (UPDATE identity.challenges SET consume_time = now(), response_digest = $3"
    " WHERE challenge = $1 AND ceremony = $2 AND consume_time IS NULL AND expire_time > now()"
    " RETURNING person_id)"
    " SELECT k.consumed IS NOT NULL AS consumed, k.person_id AS challenge_person_id, c.person_id,"
    " c.credential_data, c.sign_count, p.user_name, p.display_name, p.create_time"
    " FROM (VALUES (1)) AS one LEFT JOIN (SELECT true AS consumed, person_id FROM consumed) k ON true"
    " LEFT JOIN identity.credentials c ON k.consumed AND c.id = $4"
    " LEFT JOIN identity.people p ON p.id = c.person_id"
)

# A verified sign-in's writes, one statement (atomic, one round trip): the
# passkey's counter advances (WebAuthn §7.2 step 21; the condition is checked
# again here against a concurrent sign-in), and only if it did, the new
# refresh-token family and its first token (as TokenIssuer.refresh reads
# them) and the `signed_in` security event. A null expire_time: the counter did
# not grow. Always one row (group commit matches rows to callers).
_RECORD_SIGN_IN = (
    "WITH counted AS (UPDATE identity.credentials SET sign_count = $2, last_use_time = now()"
    " WHERE id = $1 AND (sign_count < $2 OR sign_count = 0 AND $2 = 0) RETURNING person_id),"
    " family AS (INSERT INTO identity.refresh_token_families (family_id, person_id)"
    " SELECT $3::uuid, person_id FROM counted),"
    " token AS (INSERT INTO identity.refresh_tokens"
    " (token_hash, family_id, person_id, org_id, scopes, expire_time)"
    " SELECT $4::bytea, $3::uuid, person_id, $5::text, $6::text[], now() + $7::interval FROM counted"
    " RETURNING expire_time),"
    " event AS (INSERT INTO identity.security_events (person_id, kind, detail)"
    " SELECT person_id, 'signed_in', $8::jsonb FROM counted)"
    " SELECT token.expire_time FROM (VALUES (1)) AS one LEFT JOIN token ON true"
)


@dataclass(frozen=True, slots=True)
class CeremonyOptions:
    options_json: str
    expire_time: datetime


@dataclass(frozen=True, slots=True)
class Registered:
    person: PersonRecord
    credential_id: bytes


@dataclass(frozen=True, slots=True)
class SignedIn:
    person: PersonRecord
    tokens: IssuedTokens


@dataclass(frozen=True, slots=True)
class PasskeyRecord:
    person_id: uuid.UUID
    credential_id: bytes
    display_name: str
    aaguid: uuid.UUID
    sign_count: int
    create_time: datetime
    last_use_time: datetime | None

    @property
    def name(self) -> str:
        return f"{person_name(self.person_id)}/passkeys/{websafe_encode(self.credential_id)}"


def _passkey(row: Any) -> PasskeyRecord:
    return PasskeyRecord(
        row["person_id"],
        bytes(row["id"]),
        row["display_name"],
        row["aaguid"],
        int(row["sign_count"]),
        row["create_time"],
        row["last_use_time"],
    )


@dataclass(frozen=True, slots=True)
class _ClientData:
    raw: bytes
    type: str
    challenge: bytes
    origin: str


@dataclass(frozen=True, slots=True)
class _Challenge:
    person_id: uuid.UUID | None
    user_name: str | None
    display_name: str | None


# A WebAuthn credential nests four levels; client data one.
_CREDENTIAL_MAX_DEPTH = 8


def _parse_json(credential_json: str) -> Mapping[str, Any]:
    document = parse_json(
        credential_json,
        field="credential_json",
        max_depth=_CREDENTIAL_MAX_DEPTH,
        reason="CREDENTIAL_MALFORMED",
        domain=IDENTITY_DOMAIN,
    )
    if not isinstance(document, dict) or not isinstance(document.get("response"), dict):
        raise invalid(
            "CREDENTIAL_MALFORMED", "credential_json has no `response` object", field="credential_json"
        )
    return document


def request_options_json(
    challenge: bytes, rp_id: str | None, timeout: int | None, credential_ids: Sequence[bytes]
) -> str:
    """A sign-in's PublicKeyCredentialRequestOptionsJSON, user verification required.

    What fido2's `authenticate_begin(...)` and `json.dumps(dict(options.public_key))`
    give for the same arguments (tests/test_identity.py compares them), without
    making fido2's option objects: ~0.15 ms of a Begin on a slow host. Only
    what the client is told; every check stays with fido2 at Finish.
    """
    options: dict[str, Any] = {"challenge": websafe_encode(challenge)}
    if timeout is not None:
        options["timeout"] = timeout
    if rp_id is not None:
        options["rpId"] = rp_id
    if credential_ids:
        options["allowCredentials"] = [
            {"type": PublicKeyCredentialType.PUBLIC_KEY.value, "id": websafe_encode(i)}
            for i in credential_ids
        ]
    options["userVerification"] = UserVerificationRequirement.REQUIRED.value
    return json.dumps(options)


def _client_data(document: Mapping[str, Any], expected_type: str) -> _ClientData:
    """clientDataJSON, decoded and checked for shape and ceremony type (WebAuthn §7.2 steps 5-8)."""
    try:
        raw = websafe_decode(str(document["response"]["clientDataJSON"]))
        data = parse_json(raw, field="credential_json", max_depth=_CREDENTIAL_MAX_DEPTH)
        challenge = websafe_decode(data["challenge"])
        kind, origin = data["type"], data["origin"]
    except (KeyError, TypeError, ValueError, StructuredTextRefused):
        raise invalid(
            "CLIENT_DATA_INVALID", "clientDataJSON is not valid client data", field="credential_json"
        ) from None
    if kind != expected_type or not isinstance(origin, str):
        raise invalid(
            "CLIENT_DATA_INVALID",
            f"clientDataJSON type is {kind!r}, expected {expected_type!r}",
            field="credential_json",
        )
    return _ClientData(raw, kind, challenge, origin)


class PasskeyCeremonies:
    def __init__(
        self,
        pool: asyncpg.Pool,
        settings: Settings,
        organizations: Organizations,
        tokens: TokenIssuer,
        page_tokens: PageTokens,
    ) -> None:
        self._page_tokens = page_tokens
        self._pool = pool
        # A sign-in's three writes, each group-committed with the same write of
        # concurrent sign-ins (runtime/group_commit.py): one round trip and one
        # commit per batch instead of per sign-in.
        self._begin_authentication = grouped_fetchrow(pool, _BEGIN_AUTHENTICATION)
        self._consume_and_read_credential = grouped_fetchrow(pool, _CONSUME_AND_READ_CREDENTIAL)
        self._record_sign_in_row = grouped_fetchrow(pool, _RECORD_SIGN_IN)
        self._settings = settings
        self._organizations = organizations
        self._tokens = tokens
        self._origins = frozenset(
            o.strip().rstrip("/") for o in settings.webauthn_origins.split(",") if o.strip()
        )
        self._allowed_aaguids = frozenset(
            uuid.UUID(a.strip()) for a in settings.webauthn_allowed_aaguids.split(",") if a.strip()
        )
        self._rp_id_hash = hashlib.sha256(settings.webauthn_rp_id.encode()).digest()
        self._ttl = timedelta(seconds=settings.webauthn_challenge_ttl_s)
        roots = settings.webauthn_attestation_roots_file
        self._server = Fido2Server(
            PublicKeyCredentialRpEntity(name=settings.webauthn_rp_name, id=settings.webauthn_rp_id),
            attestation=(
                AttestationConveyancePreference.NONE
                if roots is None
                else AttestationConveyancePreference.DIRECT
            ),
            verify_origin=self._origin_allowed,
            verify_attestation=None if roots is None else AttestationRoots.from_pem_file(roots),
        )

    def _origin_allowed(self, origin: str) -> bool:
        return origin in self._origins

    # --- challenges -------------------------------------------------------------------------

    async def _store_challenge(
        self,
        challenge: bytes,
        ceremony: str,
        *,
        person_id: uuid.UUID | None = None,
        user_name: str | None = None,
        display_name: str | None = None,
    ) -> datetime:
        expire_time: datetime = await self._pool.fetchval(
            "INSERT INTO identity.challenges (challenge, ceremony, person_id, user_name, display_name,"
            " expire_time) VALUES ($1, $2, $3, $4, $5, now() + $6::interval) RETURNING expire_time",
            challenge,
            ceremony,
            person_id,
            user_name,
            display_name,
            self._ttl,
        )
        await self._sweep_challenges()
        return expire_time

    async def _sweep_challenges(self) -> None:
        # Expired challenges are useless: about one Begin in 64 drops a batch
        # of them, so the table stays small without a sweeper process.
        if secrets.randbelow(64) == 0:
            await self._pool.execute(
                "DELETE FROM identity.challenges WHERE challenge IN (SELECT challenge"
                " FROM identity.challenges WHERE expire_time < now() - interval '1 hour' LIMIT 500)"
            )

    async def _consume_challenge(self, challenge: bytes, ceremony: str, digest: bytes) -> _Challenge:
        row = await self._pool.fetchrow(
            "UPDATE identity.challenges SET consume_time = now(), response_digest = $3"
            " WHERE challenge = $1 AND ceremony = $2 AND consume_time IS NULL AND expire_time > now()"
            " RETURNING person_id, user_name, display_name",
            challenge,
            ceremony,
            digest,
        )
        if row is not None:
            return _Challenge(row["person_id"], row["user_name"], row["display_name"])
        await self._refuse_challenge(self._pool, challenge, ceremony, digest)

    async def _refuse_challenge(self, db: Any, challenge: bytes, ceremony: str, digest: bytes) -> NoReturn:
        """Why a challenge could not be consumed, raised as the ceremony's failure."""
        row = await db.fetchrow(
            "SELECT consume_time, response_digest, expire_time <= now() AS expired"
            " FROM identity.challenges WHERE challenge = $1 AND ceremony = $2",
            challenge,
            ceremony,
        )
        if row is None:
            raise ceremony_failed("CHALLENGE_UNKNOWN", "the challenge was not issued by this service")
        if row["consume_time"] is not None:
            if row["response_digest"] is not None and bytes(row["response_digest"]) == digest:
                raise ceremony_failed("ASSERTION_REPLAYED", "this response was already presented")
            raise ceremony_failed("CHALLENGE_USED", "the challenge was already used")
        raise ceremony_failed("CHALLENGE_EXPIRED", "the challenge has expired; begin again")

    def _check_origin_and_flags(self, client: _ClientData, auth_data: AuthenticatorData) -> None:
        if client.origin not in self._origins:
            raise ceremony_failed(
                "ORIGIN_INVALID", "the origin is not allowed", {"origin": client.origin[:200]}
            )
        if auth_data.rp_id_hash != self._rp_id_hash:
            raise ceremony_failed("RP_ID_HASH_INVALID", "authenticatorData is for another relying party")
        if not auth_data.is_user_present():
            raise ceremony_failed("USER_PRESENCE_MISSING", "the authenticator did not see the user")
        if not auth_data.is_user_verified():
            raise ceremony_failed("USER_VERIFICATION_MISSING", "user verification is required")

    async def _record(
        self,
        kind: str,
        person_id: uuid.UUID | None,
        reason: str = "",
        detail: Mapping[str, Any] | None = None,
    ) -> None:
        await record_event(self._pool, kind, person_id, reason, detail)

    # --- registration -----------------------------------------------------------------------

    async def begin_registration(self, user_name: str, display_name: str) -> CeremonyOptions:
        taken = await self._pool.fetchval("SELECT true FROM identity.people WHERE user_name = $1", user_name)
        if taken:
            raise exists("USER_NAME_TAKEN", f"user name {user_name!r} is taken", user_name=user_name)
        person_id = uuid.uuid4()
        options, _state = self._server.register_begin(
            PublicKeyCredentialUserEntity(name=user_name, id=person_id.bytes, display_name=display_name),
            resident_key_requirement=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.REQUIRED,
        )
        challenge = options.public_key.challenge
        expire_time = await self._store_challenge(
            challenge, REGISTRATION, person_id=person_id, user_name=user_name, display_name=display_name
        )
        return CeremonyOptions(json.dumps(dict(options.public_key)), expire_time)

    async def _verify_new_credential(
        self, credential_json: str, ceremony: str
    ) -> tuple[_Challenge, AttestedCredentialData, int]:
        """Registration steps shared by sign-up and enrolment (WebAuthn §7.1)."""
        document = _parse_json(credential_json)
        client = _client_data(document, "webauthn.create")
        try:
            response = RegistrationResponse.from_dict(document)
        except Exception:
            raise invalid(
                "CREDENTIAL_MALFORMED",
                "credential_json is not a RegistrationResponseJSON",
                field="credential_json",
            ) from None
        attestation = response.response.attestation_object
        digest = hashlib.sha256(bytes(attestation) + client.raw).digest()
        pending = await self._consume_challenge(client.challenge, ceremony, digest)
        self._check_origin_and_flags(client, attestation.auth_data)
        credential = attestation.auth_data.credential_data
        if credential is None or credential.credential_id != response.raw_id:
            raise invalid("ATTESTATION_INVALID", "the attestation carries no matching credential data")
        try:
            auth_data = self._server.register_complete(
                {"challenge": websafe_encode(client.challenge), **_UV_REQUIRED}, response
            )
        except (UntrustedAttestation, UnsupportedType) as exc:
            raise denied("ATTESTATION_UNTRUSTED", f"the attestation is not trusted: {exc}") from None
        except (ValueError, InvalidAttestation) as exc:
            raise invalid("ATTESTATION_INVALID", f"the attestation does not verify: {exc}") from None
        assert auth_data.credential_data is not None
        aaguid = uuid.UUID(bytes=bytes(auth_data.credential_data.aaguid))
        if self._allowed_aaguids and aaguid not in self._allowed_aaguids:
            raise denied(
                "AUTHENTICATOR_NOT_ALLOWED", "this authenticator model is not accepted", aaguid=str(aaguid)
            )
        return pending, auth_data.credential_data, auth_data.counter

    async def _insert_credential(
        self, conn: Any, person_id: uuid.UUID, credential: AttestedCredentialData, counter: int, label: str
    ) -> Any:
        return await conn.fetchrow(
            "INSERT INTO identity.credentials"
            " (id, person_id, credential_data, aaguid, sign_count, display_name)"
            " VALUES ($1, $2, $3, $4, $5, $6) RETURNING *",
            credential.credential_id,
            person_id,
            bytes(credential),
            uuid.UUID(bytes=bytes(credential.aaguid)),
            counter,
            label,
        )

    async def finish_registration(self, credential_json: str) -> Registered:
        pending, credential, counter = await self._verify_new_credential(credential_json, REGISTRATION)
        assert pending.person_id is not None
        assert pending.user_name is not None
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                row = await conn.fetchrow(
                    "INSERT INTO identity.people (id, user_name, display_name)"
                    " VALUES ($1, $2, $3) RETURNING *",
                    pending.person_id,
                    pending.user_name,
                    pending.display_name or pending.user_name,
                )
                await self._insert_credential(conn, pending.person_id, credential, counter, "")
        except asyncpg.UniqueViolationError as exc:
            if exc.constraint_name == "credentials_pkey":
                raise exists("CREDENTIAL_EXISTS", "this credential is already registered") from None
            raise exists(
                "USER_NAME_TAKEN", f"user name {pending.user_name!r} is taken", user_name=pending.user_name
            ) from None
        assert row is not None  # INSERT ... RETURNING always returns the row
        person = PersonRecord(row["id"], row["user_name"], row["display_name"], row["create_time"])
        await self._record(
            "passkey_registered",
            person.id,
            detail={"credential_id": websafe_encode(credential.credential_id)},
        )
        return Registered(person, credential.credential_id)

    # --- a person's passkeys ----------------------------------------------------------------

    async def _own(self, subject: str, parent: str) -> uuid.UUID:
        person_id = await self._organizations.caller(subject)
        if parent != person_name(person_id):
            raise denied("NOT_THE_CALLER", "a person manages only their own passkeys", parent=parent)
        return person_id

    async def begin_enrollment(self, subject: str, parent: str) -> CeremonyOptions:
        person = await self._organizations.person(await self._own(subject, parent))
        ids = await self._pool.fetch("SELECT id FROM identity.credentials WHERE person_id = $1", person.id)
        options, _state = self._server.register_begin(
            PublicKeyCredentialUserEntity(
                name=person.user_name, id=person.id.bytes, display_name=person.display_name
            ),
            [
                PublicKeyCredentialDescriptor(type=PublicKeyCredentialType.PUBLIC_KEY, id=bytes(r["id"]))
                for r in ids
            ],
            resident_key_requirement=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.REQUIRED,
        )
        challenge = options.public_key.challenge
        expire_time = await self._store_challenge(challenge, ENROLLMENT, person_id=person.id)
        return CeremonyOptions(json.dumps(dict(options.public_key)), expire_time)

    async def finish_enrollment(
        self, subject: str, parent: str, credential_json: str, display_name: str
    ) -> PasskeyRecord:
        person_id = await self._own(subject, parent)
        pending, credential, counter = await self._verify_new_credential(credential_json, ENROLLMENT)
        if pending.person_id != person_id:
            # The challenge was issued to someone else: never bind their ceremony to this caller.
            raise ceremony_failed("CHALLENGE_UNKNOWN", "the challenge was not issued to this caller")
        try:
            async with self._pool.acquire() as conn:
                row = await self._insert_credential(conn, person_id, credential, counter, display_name)
        except asyncpg.UniqueViolationError:
            raise exists("CREDENTIAL_EXISTS", "this credential is already registered") from None
        await self._record(
            "passkey_enrolled", person_id, detail={"credential_id": websafe_encode(credential.credential_id)}
        )
        return _passkey(row)

    async def list_passkeys(
        self, subject: str, parent: str, page_size: int, page_token: str
    ) -> Page[PasskeyRecord]:
        person_id = await self._own(subject, parent)
        size = resolve_page_size(page_size, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
        fingerprint = query_fingerprint("ListPasskeys", parent=parent)
        after = b""
        if page_token:
            after = websafe_decode(str(self._page_tokens.decode(page_token, fingerprint).get("after", "")))
        rows = await self._pool.fetch(
            "SELECT * FROM identity.credentials WHERE person_id = $1 AND id > $2 ORDER BY id LIMIT $3",
            person_id,
            after,
            size + 1,
        )
        items = [_passkey(row) for row in rows[:size]]
        token = ""
        if len(rows) > size:
            token = self._page_tokens.encode(fingerprint, {"after": websafe_encode(items[-1].credential_id)})
        return Page(items, token)

    def _parse_passkey(self, name: str, field: str) -> tuple[str, bytes]:
        match = _PASSKEY_NAME.match(name)
        if match is None:
            raise not_found("PASSKEY_NOT_FOUND", f"no passkey {name[:200]!r}", **{field: name[:200]})
        return f"people/{match['person']}", websafe_decode(match["passkey"])

    async def update_passkey(
        self, subject: str, name: str, display_name: str, update_mask: Sequence[str]
    ) -> PasskeyRecord:
        parent, credential_id = self._parse_passkey(name, "passkey.name")
        person_id = await self._own(subject, parent)
        if list(update_mask) != ["display_name"]:
            raise InvalidArgument(
                "FIELD_INVALID",
                'update_mask may only name "display_name"',
                metadata={"field": "update_mask"},
                field_violations=[FieldViolation("update_mask", 'only "display_name" can change')],
            )
        if len(display_name) > MAX_PASSKEY_LABEL:
            raise InvalidArgument(
                "FIELD_INVALID",
                f"passkey.display_name is longer than {MAX_PASSKEY_LABEL} characters",
                metadata={"field": "passkey.display_name"},
                field_violations=[FieldViolation("passkey.display_name", "at most 100 characters")],
            )
        row = await self._pool.fetchrow(
            "UPDATE identity.credentials SET display_name = $3 WHERE id = $1 AND person_id = $2 RETURNING *",
            credential_id,
            person_id,
            display_name,
        )
        if row is None:
            raise not_found("PASSKEY_NOT_FOUND", f"no passkey {name!r}", name=name)
        return _passkey(row)

    async def delete_passkey(self, subject: str, name: str) -> None:
        parent, credential_id = self._parse_passkey(name, "name")
        person_id = await self._own(subject, parent)
        async with self._pool.acquire() as conn, conn.transaction():
            # The person row serialises revocations: two at once cannot remove the last two.
            await conn.execute("SELECT 1 FROM identity.people WHERE id = $1 FOR UPDATE", person_id)
            ids = {
                bytes(r["id"])
                for r in await conn.fetch(
                    "SELECT id FROM identity.credentials WHERE person_id = $1", person_id
                )
            }
            if credential_id not in ids:
                raise not_found("PASSKEY_NOT_FOUND", f"no passkey {name!r}", name=name)
            if len(ids) == 1:
                raise precondition("LAST_PASSKEY", "the last passkey cannot be revoked", name=name)
            await conn.execute("DELETE FROM identity.credentials WHERE id = $1", credential_id)
        await self._record(
            "passkey_revoked", person_id, detail={"credential_id": websafe_encode(credential_id)}
        )

    # --- authentication ---------------------------------------------------------------------

    async def begin_authentication(self, user_name: str) -> CeremonyOptions:
        challenge = secrets.token_bytes(_CHALLENGE_BYTES)
        row = await self._begin_authentication.submit(
            (user_name or None, challenge, AUTHENTICATION, self._ttl)
        )
        await self._sweep_challenges()
        # An unknown user name does not fail here: Begin answers with no
        # allow list (as for a discoverable sign-in) and Finish then finds
        # no matching credential.
        options = request_options_json(
            challenge, self._server.rp.id, self._server.timeout, [bytes(i) for i in row["ids"] or ()]
        )
        return CeremonyOptions(options, row["expire_time"])

    async def finish_authentication(
        self, credential_json: str, organization: str, scopes: Sequence[str]
    ) -> SignedIn:
        bad = [scope for scope in scopes if not _SCOPE.match(scope)]
        if bad:
            raise invalid("SCOPE_INVALID", f"not a scope name: {bad[0][:80]!r}", field="scopes")
        seen: dict[str, uuid.UUID] = {}
        try:
            return await self._authenticate(credential_json, organization, scopes, seen)
        except DomainError as exc:
            # Failures are recorded against the credential's owner once the
            # credential is known (a forged one is recorded without a person).
            await self._record("sign_in_failed", seen.get("person"), exc.reason)
            raise

    async def _authenticate(
        self, credential_json: str, organization: str, scopes: Sequence[str], seen: dict[str, uuid.UUID]
    ) -> SignedIn:
        # Each statement on a connection of its own from the pool, never one
        # held across the ceremony: minting the tokens reads the signing key
        # and the roles through the pool too, and a Finish holding a connection
        # while it waits for another would deadlock once every connection is
        # held by one (tests/test_identity.py runs more sign-ins than the pool).
        document = _parse_json(credential_json)
        client = _client_data(document, "webauthn.get")
        try:
            response = AuthenticationResponse.from_dict(document)
        except Exception:
            raise invalid(
                "CREDENTIAL_MALFORMED",
                "credential_json is not an AuthenticationResponseJSON",
                field="credential_json",
            ) from None
        assertion = response.response
        digest = hashlib.sha256(
            bytes(assertion.authenticator_data) + client.raw + assertion.signature
        ).digest()
        row = await self._consume_and_read_credential.submit(
            (client.challenge, AUTHENTICATION, digest, response.raw_id)
        )
        if not row["consumed"]:
            await self._refuse_challenge(self._pool, client.challenge, AUTHENTICATION, digest)
        pending_person = row["challenge_person_id"]
        if row["person_id"] is None or (pending_person is not None and row["person_id"] != pending_person):
            raise ceremony_failed("CREDENTIAL_UNKNOWN", "the credential is not registered")
        person_id: uuid.UUID = row["person_id"]
        seen["person"] = person_id
        if assertion.user_handle is not None and assertion.user_handle != person_id.bytes:
            raise ceremony_failed("USER_HANDLE_MISMATCH", "the user handle is not the credential's owner")
        self._check_origin_and_flags(client, assertion.authenticator_data)
        credential = AttestedCredentialData(bytes(row["credential_data"]))
        state = {"challenge": websafe_encode(client.challenge), **_UV_REQUIRED}
        try:
            self._server.authenticate_complete(state, [credential], response)
        except ValueError as exc:
            if "signature" in str(exc).lower():
                raise ceremony_failed(
                    "SIGNATURE_INVALID", "the assertion signature does not verify"
                ) from None
            raise ceremony_failed("CLIENT_DATA_INVALID", f"the assertion does not verify: {exc}") from None

        # WebAuthn §7.2 step 21: a counter that does not grow means the
        # credential may have been cloned (both zero: no counter at all).
        counter = assertion.authenticator_data.counter
        stored = int(row["sign_count"])
        refresh_expire_time = None
        if counter > stored or counter == stored == 0:
            session = await self._tokens.new_session(person_id, organization, scopes)
            refresh_expire_time = await self._record_sign_in(response.raw_id, counter, session, organization)
        if refresh_expire_time is None:
            await self._record(
                "counter_regression",
                person_id,
                "COUNTER_REGRESSION",
                {"credential_id": websafe_encode(response.raw_id), "stored": stored, "presented": counter},
            )
            raise ceremony_failed(
                "COUNTER_REGRESSION",
                "the signature counter did not increase",
                {"stored": str(stored), "presented": str(counter)},
            )
        person = PersonRecord(person_id, row["user_name"], row["display_name"], row["create_time"])
        return SignedIn(person, session.issued(refresh_expire_time))

    async def _record_sign_in(
        self, credential_id: bytes, counter: int, session: NewSession, organization: str
    ) -> datetime | None:
        """The refresh token's expiry, or None when the counter did not advance (nothing written)."""
        row = await self._record_sign_in_row.submit(
            (
                credential_id,
                counter,
                session.family_id,
                session.refresh_token_hash,
                session.org_id,
                list(session.scopes),
                session.refresh_ttl,
                {"organization": organization},
            )
        )
        expire_time: datetime | None = row["expire_time"]
        return expire_time
