"""The identity services over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from datetime import UTC, datetime

import grpc
from fido2.utils import websafe_encode
from google.protobuf.timestamp_pb2 import Timestamp

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
from jipan.interceptors.context import current_principal
from jipan.interceptors.revocation import Revocation, RevocationKind
from jipan.interceptors.tokens import public_jwk
from jipan.servers.identity.consents import ConsentRecord, Consents
from jipan.servers.identity.events import SecurityEventRecord, SecurityEvents
from jipan.servers.identity.keys import SigningKeyRing
from jipan.servers.identity.organizations import (
    MembershipRecord,
    OrganizationRecord,
    Organizations,
    PersonRecord,
)
from jipan.servers.identity.passkeys import PasskeyCeremonies, PasskeyRecord
from jipan.servers.identity.revocations import RevocationFeed
from jipan.servers.identity.service_accounts import (
    ServiceAccountKeyRecord,
    ServiceAccountRecord,
    ServiceAccounts,
)
from jipan.servers.identity.tokens import TokenIntrospector, TokenIssuer

_KINDS = {
    "agency": res.ORGANIZATION_KIND_AGENCY,
    "vendor": res.ORGANIZATION_KIND_VENDOR,
    "other": res.ORGANIZATION_KIND_OTHER,
}
_KIND_NAMES = {value: name for name, value in _KINDS.items()}
BEARER = "Bearer"


def _timestamp(value: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(value)
    return stamp


_REVOCATION_KINDS = {
    RevocationKind.ACCESS_TOKEN: res.REVOCATION_KIND_ACCESS_TOKEN,
    RevocationKind.CONSENT: res.REVOCATION_KIND_CONSENT,
    RevocationKind.SESSION: res.REVOCATION_KIND_SESSION,
}


def _revocation(entry: Revocation) -> res.Revocation:
    return res.Revocation(
        sequence=entry.sequence,
        kind=_REVOCATION_KINDS[entry.kind],
        digest=entry.digest,
        expire_time=_timestamp(datetime.fromtimestamp(entry.expires, UTC)),
    )


def _person(record: PersonRecord) -> res.Person:
    return res.Person(
        name=record.name,
        user_name=record.user_name,
        display_name=record.display_name,
        create_time=_timestamp(record.create_time),
    )


def _organization(record: OrganizationRecord) -> res.Organization:
    return res.Organization(
        name=record.name,
        display_name=record.display_name,
        kind=_KINDS[record.kind],
        create_time=_timestamp(record.create_time),
    )


def _passkey(record: PasskeyRecord) -> res.Passkey:
    passkey = res.Passkey(
        name=record.name,
        display_name=record.display_name,
        aaguid=str(record.aaguid),
        sign_count=record.sign_count,
        create_time=_timestamp(record.create_time),
    )
    if record.last_use_time is not None:
        passkey.last_use_time.CopyFrom(_timestamp(record.last_use_time))
    return passkey


def _membership(record: MembershipRecord) -> res.Membership:
    return res.Membership(
        name=record.name,
        person=record.person,
        roles=list(record.roles),
        create_time=_timestamp(record.create_time),
        update_time=_timestamp(record.update_time),
    )


class PasskeyServicer(pk_grpc.PasskeyServiceServicer):
    def __init__(self, ceremonies: PasskeyCeremonies) -> None:
        self._ceremonies = ceremonies

    async def BeginPasskeyRegistration(
        self,
        request: pk_pb.BeginPasskeyRegistrationRequest,
        context: grpc.aio.ServicerContext[
            pk_pb.BeginPasskeyRegistrationRequest, pk_pb.BeginPasskeyRegistrationResponse
        ],
    ) -> pk_pb.BeginPasskeyRegistrationResponse:
        options = await self._ceremonies.begin_registration(request.user_name, request.display_name)
        return pk_pb.BeginPasskeyRegistrationResponse(
            options_json=options.options_json, expire_time=_timestamp(options.expire_time)
        )

    async def FinishPasskeyRegistration(
        self,
        request: pk_pb.FinishPasskeyRegistrationRequest,
        context: grpc.aio.ServicerContext[
            pk_pb.FinishPasskeyRegistrationRequest, pk_pb.FinishPasskeyRegistrationResponse
        ],
    ) -> pk_pb.FinishPasskeyRegistrationResponse:
        registered = await self._ceremonies.finish_registration(request.credential_json)
        return pk_pb.FinishPasskeyRegistrationResponse(
            person=_person(registered.person),
            credential_id=websafe_encode(registered.credential_id),
        )

    async def BeginPasskeyAuthentication(
        self,
        request: pk_pb.BeginPasskeyAuthenticationRequest,
        context: grpc.aio.ServicerContext[
            pk_pb.BeginPasskeyAuthenticationRequest, pk_pb.BeginPasskeyAuthenticationResponse
        ],
    ) -> pk_pb.BeginPasskeyAuthenticationResponse:
        options = await self._ceremonies.begin_authentication(request.user_name)
        return pk_pb.BeginPasskeyAuthenticationResponse(
            options_json=options.options_json, expire_time=_timestamp(options.expire_time)
        )

    async def FinishPasskeyAuthentication(
        self,
        request: pk_pb.FinishPasskeyAuthenticationRequest,
        context: grpc.aio.ServicerContext[
            pk_pb.FinishPasskeyAuthenticationRequest, pk_pb.FinishPasskeyAuthenticationResponse
        ],
    ) -> pk_pb.FinishPasskeyAuthenticationResponse:
        signed_in = await self._ceremonies.finish_authentication(
            request.credential_json, request.organization, list(request.scopes)
        )
        tokens = signed_in.tokens
        return pk_pb.FinishPasskeyAuthenticationResponse(
            person=_person(signed_in.person),
            access_token=tokens.access_token,
            token_type=BEARER,
            expire_time=_timestamp(tokens.expire_time),
            refresh_token=tokens.refresh_token,
            refresh_token_expire_time=_timestamp(tokens.refresh_expire_time),
        )

    async def BeginPasskeyEnrollment(
        self,
        request: pk_pb.BeginPasskeyEnrollmentRequest,
        context: grpc.aio.ServicerContext[
            pk_pb.BeginPasskeyEnrollmentRequest, pk_pb.BeginPasskeyEnrollmentResponse
        ],
    ) -> pk_pb.BeginPasskeyEnrollmentResponse:
        options = await self._ceremonies.begin_enrollment(current_principal().subject, request.parent)
        return pk_pb.BeginPasskeyEnrollmentResponse(
            options_json=options.options_json, expire_time=_timestamp(options.expire_time)
        )

    async def FinishPasskeyEnrollment(
        self,
        request: pk_pb.FinishPasskeyEnrollmentRequest,
        context: grpc.aio.ServicerContext[
            pk_pb.FinishPasskeyEnrollmentRequest, pk_pb.FinishPasskeyEnrollmentResponse
        ],
    ) -> pk_pb.FinishPasskeyEnrollmentResponse:
        record = await self._ceremonies.finish_enrollment(
            current_principal().subject, request.parent, request.credential_json, request.display_name
        )
        return pk_pb.FinishPasskeyEnrollmentResponse(passkey=_passkey(record))

    async def ListPasskeys(
        self,
        request: pk_pb.ListPasskeysRequest,
        context: grpc.aio.ServicerContext[pk_pb.ListPasskeysRequest, pk_pb.ListPasskeysResponse],
    ) -> pk_pb.ListPasskeysResponse:
        page = await self._ceremonies.list_passkeys(
            current_principal().subject, request.parent, request.page_size, request.page_token
        )
        return pk_pb.ListPasskeysResponse(
            passkeys=[_passkey(r) for r in page.items], next_page_token=page.next_page_token
        )

    async def UpdatePasskey(
        self,
        request: pk_pb.UpdatePasskeyRequest,
        context: grpc.aio.ServicerContext[pk_pb.UpdatePasskeyRequest, pk_pb.UpdatePasskeyResponse],
    ) -> pk_pb.UpdatePasskeyResponse:
        record = await self._ceremonies.update_passkey(
            current_principal().subject,
            request.passkey.name,
            request.passkey.display_name,
            list(request.update_mask.paths),
        )
        return pk_pb.UpdatePasskeyResponse(passkey=_passkey(record))

    async def DeletePasskey(
        self,
        request: pk_pb.DeletePasskeyRequest,
        context: grpc.aio.ServicerContext[pk_pb.DeletePasskeyRequest, pk_pb.DeletePasskeyResponse],
    ) -> pk_pb.DeletePasskeyResponse:
        await self._ceremonies.delete_passkey(current_principal().subject, request.name)
        return pk_pb.DeletePasskeyResponse()


class TokenServicer(tok_grpc.TokenServiceServicer):
    def __init__(
        self,
        keys: SigningKeyRing,
        tokens: TokenIssuer,
        service_accounts: ServiceAccounts,
        consents: Consents,
        introspector: TokenIntrospector,
        revocations: RevocationFeed,
    ) -> None:
        self._revocations = revocations
        self._introspector = introspector
        self._consents = consents
        self._keys = keys
        self._tokens = tokens
        self._service_accounts = service_accounts

    async def ExchangeToken(
        self,
        request: tok_pb.ExchangeTokenRequest,
        context: grpc.aio.ServicerContext[tok_pb.ExchangeTokenRequest, tok_pb.ExchangeTokenResponse],
    ) -> tok_pb.ExchangeTokenResponse:
        token, expire_time = await self._tokens.exchange(
            current_principal().subject, request.subject_token, request.audience, list(request.scopes)
        )
        return tok_pb.ExchangeTokenResponse(
            access_token=token, token_type=BEARER, expire_time=_timestamp(expire_time)
        )

    async def IntrospectToken(
        self,
        request: tok_pb.IntrospectTokenRequest,
        context: grpc.aio.ServicerContext[tok_pb.IntrospectTokenRequest, tok_pb.IntrospectTokenResponse],
    ) -> tok_pb.IntrospectTokenResponse:
        result = await self._introspector.introspect(current_principal().subject, request.token)
        principal = result.principal
        if not result.active or principal is None:
            return tok_pb.IntrospectTokenResponse(active=False)
        client_id = principal.claims.get("client_id")
        return tok_pb.IntrospectTokenResponse(
            active=True,
            subject=principal.subject,
            scopes=sorted(principal.scopes),
            client_id=client_id if isinstance(client_id, str) else "",
            organization=principal.org or "",
            roles=sorted(principal.roles),
            audiences=list(principal.audiences),
            expire_time=_timestamp(principal.expires_at),
            consent=principal.consent or "",
            token_id=principal.token_id,
        )

    async def IssueConsentToken(
        self,
        request: tok_pb.IssueConsentTokenRequest,
        context: grpc.aio.ServicerContext[tok_pb.IssueConsentTokenRequest, tok_pb.IssueConsentTokenResponse],
    ) -> tok_pb.IssueConsentTokenResponse:
        token, expire_time = await self._consents.issue_token(
            current_principal().subject, request.consent, list(request.scopes)
        )
        return tok_pb.IssueConsentTokenResponse(
            access_token=token, token_type=BEARER, expire_time=_timestamp(expire_time)
        )

    async def IssueServiceAccountToken(
        self,
        request: tok_pb.IssueServiceAccountTokenRequest,
        context: grpc.aio.ServicerContext[
            tok_pb.IssueServiceAccountTokenRequest, tok_pb.IssueServiceAccountTokenResponse
        ],
    ) -> tok_pb.IssueServiceAccountTokenResponse:
        issued = await self._service_accounts.issue_token(request.assertion, list(request.scopes))
        return tok_pb.IssueServiceAccountTokenResponse(
            access_token=issued.access_token, token_type=BEARER, expire_time=_timestamp(issued.expire_time)
        )

    async def RefreshAccessToken(
        self,
        request: tok_pb.RefreshAccessTokenRequest,
        context: grpc.aio.ServicerContext[
            tok_pb.RefreshAccessTokenRequest, tok_pb.RefreshAccessTokenResponse
        ],
    ) -> tok_pb.RefreshAccessTokenResponse:
        tokens = await self._tokens.refresh(request.refresh_token)
        return tok_pb.RefreshAccessTokenResponse(
            access_token=tokens.access_token,
            token_type=BEARER,
            expire_time=_timestamp(tokens.expire_time),
            refresh_token=tokens.refresh_token,
            refresh_token_expire_time=_timestamp(tokens.refresh_expire_time),
        )

    async def RevokeRefreshToken(
        self,
        request: tok_pb.RevokeRefreshTokenRequest,
        context: grpc.aio.ServicerContext[
            tok_pb.RevokeRefreshTokenRequest, tok_pb.RevokeRefreshTokenResponse
        ],
    ) -> tok_pb.RevokeRefreshTokenResponse:
        await self._tokens.revoke(request.refresh_token)
        return tok_pb.RevokeRefreshTokenResponse()

    async def RevokeAccessToken(
        self,
        request: tok_pb.RevokeAccessTokenRequest,
        context: grpc.aio.ServicerContext[tok_pb.RevokeAccessTokenRequest, tok_pb.RevokeAccessTokenResponse],
    ) -> tok_pb.RevokeAccessTokenResponse:
        await self._revocations.revoke_access_token(request.token)
        return tok_pb.RevokeAccessTokenResponse()

    async def ListRevocations(
        self,
        request: tok_pb.ListRevocationsRequest,
        context: grpc.aio.ServicerContext[tok_pb.ListRevocationsRequest, tok_pb.ListRevocationsResponse],
    ) -> tok_pb.ListRevocationsResponse:
        page = await self._revocations.list(request.after_sequence, request.page_size, request.page_token)
        return tok_pb.ListRevocationsResponse(
            revocations=[_revocation(entry) for entry in page.items], next_page_token=page.next_page_token
        )

    async def GetKeySet(
        self,
        request: tok_pb.GetKeySetRequest,
        context: grpc.aio.ServicerContext[tok_pb.GetKeySetRequest, tok_pb.GetKeySetResponse],
    ) -> tok_pb.GetKeySetResponse:
        # Make sure a key exists (first start) so the set is never empty.
        await self._keys.signing_key()
        jwks = await self._keys.published_jwks()
        return tok_pb.GetKeySetResponse(keys=[res.JsonWebKey(**key) for key in jwks["keys"]])


class OrganizationServicer(org_grpc.OrganizationServiceServicer):
    def __init__(self, organizations: Organizations) -> None:
        self._organizations = organizations

    async def CreateOrganization(
        self,
        request: org_pb.CreateOrganizationRequest,
        context: grpc.aio.ServicerContext[
            org_pb.CreateOrganizationRequest, org_pb.CreateOrganizationResponse
        ],
    ) -> org_pb.CreateOrganizationResponse:
        record = await self._organizations.create_organization(
            current_principal().subject,
            request.organization_id,
            request.organization.display_name,
            _KIND_NAMES.get(request.organization.kind, ""),
        )
        return org_pb.CreateOrganizationResponse(organization=_organization(record))

    async def GetOrganization(
        self,
        request: org_pb.GetOrganizationRequest,
        context: grpc.aio.ServicerContext[org_pb.GetOrganizationRequest, org_pb.GetOrganizationResponse],
    ) -> org_pb.GetOrganizationResponse:
        record = await self._organizations.get_organization(current_principal().subject, request.name)
        return org_pb.GetOrganizationResponse(organization=_organization(record))

    async def ListOrganizations(
        self,
        request: org_pb.ListOrganizationsRequest,
        context: grpc.aio.ServicerContext[org_pb.ListOrganizationsRequest, org_pb.ListOrganizationsResponse],
    ) -> org_pb.ListOrganizationsResponse:
        page = await self._organizations.list_organizations(
            current_principal().subject, request.page_size, request.page_token
        )
        return org_pb.ListOrganizationsResponse(
            organizations=[_organization(r) for r in page.items], next_page_token=page.next_page_token
        )

    async def CreateMembership(
        self,
        request: org_pb.CreateMembershipRequest,
        context: grpc.aio.ServicerContext[org_pb.CreateMembershipRequest, org_pb.CreateMembershipResponse],
    ) -> org_pb.CreateMembershipResponse:
        record = await self._organizations.create_membership(
            current_principal().subject,
            request.parent,
            request.membership.person,
            list(request.membership.roles),
        )
        return org_pb.CreateMembershipResponse(membership=_membership(record))

    async def UpdateMembership(
        self,
        request: org_pb.UpdateMembershipRequest,
        context: grpc.aio.ServicerContext[org_pb.UpdateMembershipRequest, org_pb.UpdateMembershipResponse],
    ) -> org_pb.UpdateMembershipResponse:
        record = await self._organizations.update_membership(
            current_principal().subject,
            request.membership.name,
            list(request.membership.roles),
            list(request.update_mask.paths),
        )
        return org_pb.UpdateMembershipResponse(membership=_membership(record))

    async def DeleteMembership(
        self,
        request: org_pb.DeleteMembershipRequest,
        context: grpc.aio.ServicerContext[org_pb.DeleteMembershipRequest, org_pb.DeleteMembershipResponse],
    ) -> org_pb.DeleteMembershipResponse:
        await self._organizations.delete_membership(current_principal().subject, request.name)
        return org_pb.DeleteMembershipResponse()

    async def ListMemberships(
        self,
        request: org_pb.ListMembershipsRequest,
        context: grpc.aio.ServicerContext[org_pb.ListMembershipsRequest, org_pb.ListMembershipsResponse],
    ) -> org_pb.ListMembershipsResponse:
        page = await self._organizations.list_memberships(
            current_principal().subject, request.parent, request.page_size, request.page_token
        )
        return org_pb.ListMembershipsResponse(
            memberships=[_membership(r) for r in page.items], next_page_token=page.next_page_token
        )


_EVENT_KINDS = {
    "passkey_registered": res.SECURITY_EVENT_KIND_PASSKEY_REGISTERED,
    "passkey_enrolled": res.SECURITY_EVENT_KIND_PASSKEY_ENROLLED,
    "passkey_revoked": res.SECURITY_EVENT_KIND_PASSKEY_REVOKED,
    "signed_in": res.SECURITY_EVENT_KIND_SIGNED_IN,
    "sign_in_failed": res.SECURITY_EVENT_KIND_SIGN_IN_FAILED,
    "counter_regression": res.SECURITY_EVENT_KIND_COUNTER_REGRESSION,
    "refresh_token_reused": res.SECURITY_EVENT_KIND_REFRESH_TOKEN_REUSED,
    "refresh_token_revoked": res.SECURITY_EVENT_KIND_REFRESH_TOKEN_REVOKED,
    "consent_granted": res.SECURITY_EVENT_KIND_CONSENT_GRANTED,
    "consent_revoked": res.SECURITY_EVENT_KIND_CONSENT_REVOKED,
    "access_token_revoked": res.SECURITY_EVENT_KIND_ACCESS_TOKEN_REVOKED,
}


def _security_event(record: SecurityEventRecord) -> res.SecurityEvent:
    return res.SecurityEvent(
        name=record.name,
        kind=_EVENT_KINDS.get(record.kind, res.SECURITY_EVENT_KIND_UNSPECIFIED),
        reason=record.reason,
        details=record.details,
        create_time=_timestamp(record.create_time),
        digest=record.digest,
        anchor_receipt=record.anchor_receipt,
    )


class SecurityEventServicer(ev_grpc.SecurityEventServiceServicer):
    def __init__(self, events: SecurityEvents) -> None:
        self._events = events

    async def ListSecurityEvents(
        self,
        request: ev_pb.ListSecurityEventsRequest,
        context: grpc.aio.ServicerContext[ev_pb.ListSecurityEventsRequest, ev_pb.ListSecurityEventsResponse],
    ) -> ev_pb.ListSecurityEventsResponse:
        page = await self._events.list(
            current_principal().subject, request.parent, request.page_size, request.page_token
        )
        return ev_pb.ListSecurityEventsResponse(
            security_events=[_security_event(r) for r in page.items], next_page_token=page.next_page_token
        )


def _service_account(record: ServiceAccountRecord) -> res.ServiceAccount:
    return res.ServiceAccount(
        name=record.name,
        organization=f"orgs/{record.org_id}",
        display_name=record.display_name,
        scopes=list(record.scopes),
        create_time=_timestamp(record.create_time),
    )


def _service_account_key(record: ServiceAccountKeyRecord) -> res.ServiceAccountKey:
    return res.ServiceAccountKey(
        name=record.name,
        public_key=res.JsonWebKey(**public_jwk(record.public_key, record.kid)),
        create_time=_timestamp(record.create_time),
    )


class ServiceAccountServicer(sa_grpc.ServiceAccountServiceServicer):
    def __init__(self, service_accounts: ServiceAccounts) -> None:
        self._service_accounts = service_accounts

    async def CreateServiceAccount(
        self,
        request: sa_pb.CreateServiceAccountRequest,
        context: grpc.aio.ServicerContext[
            sa_pb.CreateServiceAccountRequest, sa_pb.CreateServiceAccountResponse
        ],
    ) -> sa_pb.CreateServiceAccountResponse:
        account = request.service_account
        record = await self._service_accounts.create(
            current_principal().subject,
            request.service_account_id,
            account.organization,
            account.display_name,
            list(account.scopes),
        )
        return sa_pb.CreateServiceAccountResponse(service_account=_service_account(record))

    async def ListServiceAccounts(
        self,
        request: sa_pb.ListServiceAccountsRequest,
        context: grpc.aio.ServicerContext[
            sa_pb.ListServiceAccountsRequest, sa_pb.ListServiceAccountsResponse
        ],
    ) -> sa_pb.ListServiceAccountsResponse:
        page = await self._service_accounts.list(
            current_principal().subject, request.parent, request.page_size, request.page_token
        )
        return sa_pb.ListServiceAccountsResponse(
            service_accounts=[_service_account(r) for r in page.items], next_page_token=page.next_page_token
        )

    async def DeleteServiceAccount(
        self,
        request: sa_pb.DeleteServiceAccountRequest,
        context: grpc.aio.ServicerContext[
            sa_pb.DeleteServiceAccountRequest, sa_pb.DeleteServiceAccountResponse
        ],
    ) -> sa_pb.DeleteServiceAccountResponse:
        await self._service_accounts.delete(current_principal().subject, request.name)
        return sa_pb.DeleteServiceAccountResponse()

    async def CreateServiceAccountKey(
        self,
        request: sa_pb.CreateServiceAccountKeyRequest,
        context: grpc.aio.ServicerContext[
            sa_pb.CreateServiceAccountKeyRequest, sa_pb.CreateServiceAccountKeyResponse
        ],
    ) -> sa_pb.CreateServiceAccountKeyResponse:
        jwk = request.service_account_key.public_key
        record = await self._service_accounts.add_key(
            current_principal().subject, request.parent, jwk.kty, jwk.crv, jwk.x
        )
        return sa_pb.CreateServiceAccountKeyResponse(service_account_key=_service_account_key(record))

    async def DeleteServiceAccountKey(
        self,
        request: sa_pb.DeleteServiceAccountKeyRequest,
        context: grpc.aio.ServicerContext[
            sa_pb.DeleteServiceAccountKeyRequest, sa_pb.DeleteServiceAccountKeyResponse
        ],
    ) -> sa_pb.DeleteServiceAccountKeyResponse:
        await self._service_accounts.delete_key(current_principal().subject, request.name)
        return sa_pb.DeleteServiceAccountKeyResponse()


_CONSENT_STATES = {
    "active": res.CONSENT_STATE_ACTIVE,
    "expired": res.CONSENT_STATE_EXPIRED,
    "revoked": res.CONSENT_STATE_REVOKED,
}


def _consent(record: ConsentRecord) -> res.Consent:
    consent = res.Consent(
        name=record.name,
        client=f"services/{record.client_id}",
        scopes=list(record.scopes),
        categories=list(record.categories),
        expire_time=_timestamp(record.expire_time),
        create_time=_timestamp(record.create_time),
        state=_CONSENT_STATES[record.state(datetime.now(UTC))],
    )
    if record.revoke_time is not None:
        consent.revoke_time.CopyFrom(_timestamp(record.revoke_time))
    return consent


class ConsentServicer(con_grpc.ConsentServiceServicer):
    def __init__(self, consents: Consents) -> None:
        self._consents = consents

    async def CreateConsent(
        self,
        request: con_pb.CreateConsentRequest,
        context: grpc.aio.ServicerContext[con_pb.CreateConsentRequest, con_pb.CreateConsentResponse],
    ) -> con_pb.CreateConsentResponse:
        consent = request.consent
        record = await self._consents.create(
            current_principal().subject,
            request.parent,
            consent.client,
            list(consent.scopes),
            list(consent.categories),
            consent.expire_time.ToDatetime(UTC),
        )
        return con_pb.CreateConsentResponse(consent=_consent(record))

    async def ListConsents(
        self,
        request: con_pb.ListConsentsRequest,
        context: grpc.aio.ServicerContext[con_pb.ListConsentsRequest, con_pb.ListConsentsResponse],
    ) -> con_pb.ListConsentsResponse:
        page = await self._consents.list(
            current_principal().subject, request.parent, request.page_size, request.page_token
        )
        return con_pb.ListConsentsResponse(
            consents=[_consent(r) for r in page.items], next_page_token=page.next_page_token
        )

    async def RevokeConsent(
        self,
        request: con_pb.RevokeConsentRequest,
        context: grpc.aio.ServicerContext[con_pb.RevokeConsentRequest, con_pb.RevokeConsentResponse],
    ) -> con_pb.RevokeConsentResponse:
        record = await self._consents.revoke(current_principal().subject, request.name)
        return con_pb.RevokeConsentResponse(consent=_consent(record))
