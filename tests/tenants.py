"""Tenants with real resources in every service, for suites that call the mesh from outside.

A person registers a passkey (tests/webauthn_soft.py) and signs in through
identity, founds an organisation and gives it members, a service account with
a key, a consent and a passkey; the organisation lists a draft in the catalog,
opens a tender that a third organisation bids on, and anchors a digest on the
ledger. `Tenant.names` are the names of all of it, `Tenant.private` the strings
that must never reach another organisation. The auth matrix tries the names of
one tenant in another's calls; the fuzzer starts its requests from them so that
hostile values reach the domain code behind a resource that exists.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import grpc
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from google.protobuf.timestamp_pb2 import Timestamp
from PIL import Image

from jipan.clients import sealing
from jipan.cloud.v1 import account_service_pb2 as cloud_acc_pb
from jipan.cloud.v1 import account_service_pb2_grpc as cloud_acc_grpc
from jipan.cloud.v1 import billing_service_pb2 as cloud_bil_pb
from jipan.cloud.v1 import billing_service_pb2_grpc as cloud_bil_grpc
from jipan.cloud.v1 import catalog_service_pb2 as cloud_cat_pb
from jipan.cloud.v1 import catalog_service_pb2_grpc as cloud_cat_grpc
from jipan.cloud.v1 import migration_service_pb2 as cloud_mig_pb
from jipan.cloud.v1 import migration_service_pb2_grpc as cloud_mig_grpc
from jipan.cloud.v1 import placement_service_pb2 as cloud_plc_pb
from jipan.cloud.v1 import placement_service_pb2_grpc as cloud_plc_grpc
from jipan.cloud.v1 import resources_pb2 as cloudres
from jipan.common.v1 import money_pb2
from jipan.dataspace.v1 import catalog_service_pb2 as dcat_pb
from jipan.dataspace.v1 import catalog_service_pb2_grpc as dcat_grpc
from jipan.dataspace.v1 import negotiation_service_pb2 as dneg_pb
from jipan.dataspace.v1 import negotiation_service_pb2_grpc as dneg_grpc
from jipan.dataspace.v1 import resources_pb2 as dres
from jipan.dataspace.v1 import transfer_service_pb2 as dtr_pb
from jipan.dataspace.v1 import transfer_service_pb2_grpc as dtr_grpc
from jipan.document.v1 import document_service_pb2 as doc_pb
from jipan.document.v1 import document_service_pb2_grpc as doc_grpc
from jipan.factcheck.v1 import factcheck_service_pb2 as fc_pb
from jipan.factcheck.v1 import factcheck_service_pb2_grpc as fc_grpc
from jipan.factcheck.v1 import resources_pb2 as fcres
from jipan.factcheck.v1 import source_service_pb2 as src_pb
from jipan.factcheck.v1 import source_service_pb2_grpc as src_grpc
from jipan.federation.v1 import federation_service_pb2 as fed_pb
from jipan.federation.v1 import federation_service_pb2_grpc as fed_grpc
from jipan.federation.v1 import resources_pb2 as fedres
from jipan.identity.v1 import consent_service_pb2 as con_pb
from jipan.identity.v1 import consent_service_pb2_grpc as con_grpc
from jipan.identity.v1 import organization_service_pb2 as org_pb
from jipan.identity.v1 import organization_service_pb2_grpc as org_grpc
from jipan.identity.v1 import passkey_service_pb2 as pk_pb
from jipan.identity.v1 import passkey_service_pb2_grpc as pk_grpc
from jipan.identity.v1 import resources_pb2 as ires
from jipan.identity.v1 import service_account_service_pb2 as sa_pb
from jipan.identity.v1 import service_account_service_pb2_grpc as sa_grpc
from jipan.inference.v1 import model_registry_service_pb2 as mr_pb
from jipan.inference.v1 import model_registry_service_pb2_grpc as mr_grpc
from jipan.inference.v1 import resources_pb2 as mres
from jipan.ledger.v1 import ledger_service_pb2 as lpb
from jipan.ledger.v1 import ledger_service_pb2_grpc as lpb_grpc
from jipan.market.v1 import project_service_pb2 as mkt_pb
from jipan.market.v1 import project_service_pb2_grpc as mkt_grpc
from jipan.market.v1 import provider_service_pb2 as prov_pb
from jipan.market.v1 import provider_service_pb2_grpc as prov_grpc
from jipan.market.v1 import publisher_service_pb2 as pub_pb
from jipan.market.v1 import publisher_service_pb2_grpc as pub_grpc
from jipan.market.v1 import question_service_pb2 as qa_pb
from jipan.market.v1 import question_service_pb2_grpc as qa_grpc
from jipan.market.v1 import rating_service_pb2 as rating_pb
from jipan.market.v1 import rating_service_pb2_grpc as rating_grpc
from jipan.market.v1 import resources_pb2 as mktres
from jipan.market.v1 import space_service_pb2 as space_pb
from jipan.market.v1 import space_service_pb2_grpc as space_grpc
from jipan.market.v1 import subscription_service_pb2 as sub_pb
from jipan.market.v1 import subscription_service_pb2_grpc as sub_grpc
from jipan.market.v1 import trial_service_pb2 as trial_pb
from jipan.market.v1 import trial_service_pb2_grpc as trial_grpc
from jipan.privacy.v1 import privacy_service_pb2 as prv_pb
from jipan.privacy.v1 import privacy_service_pb2_grpc as prv_grpc
from jipan.privacy.v1 import resources_pb2 as prvres
from jipan.procurement.v1 import catalog_service_pb2 as cpb
from jipan.procurement.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.procurement.v1 import order_service_pb2 as order_pb
from jipan.procurement.v1 import order_service_pb2_grpc as order_grpc
from jipan.procurement.v1 import resources_pb2 as pres
from jipan.procurement.v1 import review_service_pb2 as review_pb
from jipan.procurement.v1 import review_service_pb2_grpc as review_grpc
from jipan.procurement.v1 import tender_pb2 as tpb
from jipan.procurement.v1 import tender_service_pb2 as spb
from jipan.procurement.v1 import tender_service_pb2_grpc as spb_grpc
from tests.descriptor_walk import all_grants, bearer, registered_methods
from tests.federation.peer_endpoint import start_bundle_endpoint
from tests.procurement.helpers import good_sla, software_listing, twd
from tests.subprocess_mesh import ORIGIN, ServedMesh
from tests.webauthn_soft import SoftAuthenticator, b64url

ALL_SCOPES, ALL_ROLES = all_grants(registered_methods())


def _channel(mesh: ServedMesh) -> grpc.aio.Channel:
    assert mesh.channel is not None
    return mesh.channel


OPERATOR_ROLES = frozenset(
    {
        "procurement-admin",
        "procurement-reviewer",
        "ledger-admin",
        "factcheck-admin",
        "market-admin",
        "market-moderator",
    }
)
"""Roles of the platform's operators, not of a tenant: procurement administrators see every
analytics view, reviewers read every submitted listing and its reviews, ledger administrators
govern the consortium, factcheck administrators re-fit the shared matching threshold, market
administrators and moderators mark official publishers and hide posts. A tenant's token never
holds them, so the attacker below does not."""
TENANT_ROLES = [role for role in ALL_ROLES if role not in OPERATOR_ROLES]

RESOURCE_FIELD = re.compile(
    r"^(name|parent|person|organization|org|membership|passkey|service_account|consent|client|listing|tender"
    r"|bid|vendor|agency|review|submitter|lot|order|model|model_name)$"
)
"""Fields that hold a resource name or a reference to one (AIP-122), by the contracts' naming."""


@dataclass
class Tenant:
    org_id: str
    person: str = ""
    person_token: str = ""
    names: list[str] = field(default_factory=list)
    """Names of the tenant's resources, to be tried in other tenants' calls."""
    private: list[str] = field(default_factory=list)
    """Strings that must never reach another tenant (ids of private resources)."""

    def token(self, mesh: ServedMesh) -> str:
        """A valid token for this organisation: every scope, and every role a tenant can hold."""
        return mesh.token(
            subject=self.person, scopes=ALL_SCOPES, org=f"orgs/{self.org_id}", roles=TENANT_ROLES
        )


async def person_with_passkey(mesh: ServedMesh, user_name: str) -> tuple[str, str, SoftAuthenticator]:
    """A person with a passkey, signed in through identity: (name, identity's token, authenticator)."""
    stub = pk_grpc.PasskeyServiceStub(_channel(mesh))
    authenticator = SoftAuthenticator(ORIGIN)
    begun = await stub.BeginPasskeyRegistration(
        pk_pb.BeginPasskeyRegistrationRequest(user_name=user_name, display_name=user_name)
    )
    finished = await stub.FinishPasskeyRegistration(
        pk_pb.FinishPasskeyRegistrationRequest(
            credential_json=json.dumps(authenticator.create(begun.options_json))
        )
    )
    options = await stub.BeginPasskeyAuthentication(
        pk_pb.BeginPasskeyAuthenticationRequest(user_name=user_name)
    )
    signed_in = await stub.FinishPasskeyAuthentication(
        pk_pb.FinishPasskeyAuthenticationRequest(
            credential_json=json.dumps(authenticator.get(options.options_json))
        )
    )
    return finished.person.name, signed_in.access_token, authenticator


def in_seconds(seconds: float) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(datetime.now(UTC) + timedelta(seconds=seconds))
    return stamp


async def found_organisation(mesh: ServedMesh, label: str) -> Tenant:
    """A person with a passkey founds an organisation in identity (they are its admin)."""
    suffix = uuid.uuid4().hex[:8]
    tenant = Tenant(org_id=f"{label}-{suffix}")
    tenant.person, tenant.person_token, _ = await person_with_passkey(mesh, f"{label}-{suffix}")
    orgs = org_grpc.OrganizationServiceStub(_channel(mesh))
    await orgs.CreateOrganization(
        org_pb.CreateOrganizationRequest(
            organization_id=tenant.org_id,
            organization=ires.Organization(display_name=label, kind=ires.ORGANIZATION_KIND_AGENCY),
        ),
        metadata=bearer(tenant.person_token),
    )
    tenant.names += [
        f"orgs/{tenant.org_id}",
        tenant.person,
        f"vendors/{tenant.org_id}",
        f"agencies/{tenant.org_id}",
    ]
    tenant.private.append(tenant.person.removeprefix("people/"))
    return tenant


async def seed_identity(mesh: ServedMesh, tenant: Tenant) -> None:
    channel = _channel(mesh)
    admin = bearer(tenant.person_token)
    member, _, _ = await person_with_passkey(mesh, f"member-{uuid.uuid4().hex[:8]}")
    membership = await org_grpc.OrganizationServiceStub(channel).CreateMembership(
        org_pb.CreateMembershipRequest(
            parent=f"orgs/{tenant.org_id}", membership=ires.Membership(person=member, roles=["member"])
        ),
        metadata=admin,
    )
    account_id = f"svc-{uuid.uuid4().hex[:8]}"
    accounts = sa_grpc.ServiceAccountServiceStub(channel)
    account = await accounts.CreateServiceAccount(
        sa_pb.CreateServiceAccountRequest(
            service_account_id=account_id,
            service_account=ires.ServiceAccount(
                organization=f"orgs/{tenant.org_id}", display_name="worker", scopes=["ledger.read"]
            ),
        ),
        metadata=admin,
    )
    key = Ed25519PrivateKey.generate()
    x = b64url(key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))
    account_key = await accounts.CreateServiceAccountKey(
        sa_pb.CreateServiceAccountKeyRequest(
            parent=account.service_account.name,
            service_account_key=ires.ServiceAccountKey(
                public_key=ires.JsonWebKey(kty="OKP", crv="Ed25519", x=x)
            ),
        ),
        metadata=admin,
    )
    consent = await con_grpc.ConsentServiceStub(channel).CreateConsent(
        con_pb.CreateConsentRequest(
            parent=tenant.person,
            consent=ires.Consent(
                client=account.service_account.name, scopes=["ledger.read"], expire_time=in_seconds(3600)
            ),
        ),
        metadata=admin,
    )
    passkeys = await pk_grpc.PasskeyServiceStub(channel).ListPasskeys(
        pk_pb.ListPasskeysRequest(parent=tenant.person), metadata=admin
    )
    tenant.names += [
        membership.membership.name,
        f"orgs/{tenant.org_id}/memberships/{tenant.person.removeprefix('people/')}",
        member,
        account.service_account.name,
        account_key.service_account_key.name,
        consent.consent.name,
        *(passkey.name for passkey in passkeys.passkeys),
    ]
    tenant.private += [
        member.removeprefix("people/"),
        account_id,
        consent.consent.name.rsplit("/", 1)[-1],
        *(passkey.name.rsplit("/", 1)[-1] for passkey in passkeys.passkeys),
    ]


async def seed_procurement(mesh: ServedMesh, tenant: Tenant) -> None:
    channel = _channel(mesh)
    own = bearer(tenant.token(mesh))
    catalog = cpb_grpc.CatalogServiceStub(channel)
    lot = await catalog.CreateLot(
        cpb.CreateLotRequest(
            lot=pres.Lot(
                display_name="套裝軟體",
                category=pres.CATEGORY_PACKAGED_SOFTWARE,
                contract_number=uuid.uuid4().hex,
            )
        ),
        metadata=bearer(mesh.token(scopes=ALL_SCOPES, org="orgs/platform-operator", roles=ALL_ROLES)),
    )
    listing = await catalog.CreateListing(
        cpb.CreateListingRequest(
            parent=f"vendors/{tenant.org_id}",
            listing=software_listing(lot.lot.name),
            request_id=str(uuid.uuid4()),
        ),
        metadata=own,
    )
    tenders = spb_grpc.TenderServiceStub(channel)
    members = []
    for _ in range(3):
        _, public_key = sealing.generate_member_key()
        members.append(tpb.CommitteeMember(member=f"people/{uuid.uuid4().hex}", public_key=public_key))
    tender = await tenders.CreateTender(
        spb.CreateTenderRequest(
            parent=f"agencies/{tenant.org_id}",
            tender=tpb.Tender(
                title="SOC monitoring",
                lots=[tpb.TenderLot(id="lot-1", title="monitoring", budget=twd(5_000_000))],
                award_method=tpb.AWARD_METHOD_LOWEST_PRICE,
                bid_deadline=in_seconds(3600),
                opening_time=in_seconds(3600),
                committee=members,
                threshold=2,
            ),
            request_id=str(uuid.uuid4()),
        ),
        metadata=own,
    )
    # A third organisation bids on B's tender: the bid is private to the bidder and to B.
    bidder = f"bidder-{uuid.uuid4().hex[:8]}"
    bid_id = str(uuid.uuid4())
    bid = await tenders.SealAndSubmitBid(
        spb.SealAndSubmitBidRequest(
            parent=tender.tender.name,
            bid_id=bid_id,
            content=tpb.BidContent(lot_ids=["lot-1"], price=twd(4_000_000), proposal="private proposal"),
        ),
        metadata=bearer(mesh.token(scopes=ALL_SCOPES, org=f"orgs/{bidder}", roles=ALL_ROLES)),
    )
    tenant.names += [listing.listing.name, tender.tender.name, bid.bid.name]
    tenant.private += [listing.listing.name.rsplit("/", 1)[-1], bid_id, bidder]


async def seed_ledger(mesh: ServedMesh, tenant: Tenant) -> None:
    """B's person anchors a digest: the receipt, its digest and metadata are B's."""
    digest = hashlib.sha256(uuid.uuid4().bytes).digest()
    note = f"ledger-note-{uuid.uuid4().hex}"
    anchored = await lpb_grpc.LedgerServiceStub(_channel(mesh)).AnchorDigests(
        lpb.AnchorDigestsRequest(
            digests=[lpb.DigestSubmission(digest=digest, metadata={"note": note})],
            request_id=str(uuid.uuid4()),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    tenant.names += [receipt.name for receipt in anchored.receipts]
    tenant.private += [note]


async def seed_inference(mesh: ServedMesh, tenant: Tenant) -> None:
    """B's private model with a version and a compression operation on it."""
    from tests.inference.models import tiny_classifier

    stub = mr_grpc.ModelRegistryServiceStub(_channel(mesh))
    model_id = f"private-{uuid.uuid4().hex[:12]}"
    secret = f"model-card-{uuid.uuid4().hex}"
    await stub.CreateModel(
        mr_pb.CreateModelRequest(
            model=mres.Model(display_name=secret, card=mres.ModelCard(license="MIT", intended_use=secret)),
            model_id=model_id,
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    onnx = tiny_classifier()
    upload = [mr_pb.UploadModelVersionRequest(header=mr_pb.UploadHeader(parent=f"models/{model_id}"))]
    upload.append(mr_pb.UploadModelVersionRequest(chunk=onnx))
    version = await stub.UploadModelVersion(iter(upload), metadata=bearer(tenant.token(mesh)))
    compress = await stub.CompressModelVersion(
        mr_pb.CompressModelVersionRequest(name=version.version.name), metadata=bearer(tenant.token(mesh))
    )
    # The bare id is the Open Inference Protocol's `model_name` / ModelReady `name`.
    tenant.names += [f"models/{model_id}", version.version.name, compress.operation.name, model_id]
    tenant.private += [model_id, secret]


async def seed_privacy(mesh: ServedMesh, tenant: Tenant) -> None:
    """B's dataset (its display name private) with one release on its budget ledger, and an anonymisation."""
    stub = prv_grpc.PrivacyServiceStub(_channel(mesh))
    secret = f"dataset-{uuid.uuid4().hex}"
    columns = [
        prvres.Column(name="age", role=prvres.COLUMN_ROLE_QUASI_IDENTIFIER, kind=prvres.COLUMN_KIND_NUMBER),
        prvres.Column(name="note", role=prvres.COLUMN_ROLE_SENSITIVE, kind=prvres.COLUMN_KIND_TEXT),
    ]
    created = await stub.CreateDataset(
        prv_pb.CreateDatasetRequest(
            dataset=prvres.Dataset(display_name=secret, columns=columns, total_epsilon=10.0),
            dataset_id=f"d-{uuid.uuid4().hex[:12]}",
            content=f"age,note\n30,{secret}\n40,{secret}\n".encode(),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    released = await stub.CreateRelease(
        prv_pb.CreateReleaseRequest(
            parent=created.dataset.name,
            release=prvres.Release(query=prvres.Query(statistic=prvres.STATISTIC_COUNT), epsilon=0.1),
            request_id=str(uuid.uuid4()),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    anonymised = await stub.AnonymiseDataset(
        prv_pb.AnonymiseDatasetRequest(
            name=created.dataset.name,
            k=2,
            output_dataset_id=f"a-{uuid.uuid4().hex[:12]}",
            output_total_epsilon=1.0,
            request_id=str(uuid.uuid4()),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    tenant.names += [created.dataset.name, released.release.name, anonymised.operation.name]
    tenant.private += [secret]
    # A rotated pseudonym key (version 2), which LinkPseudonyms can name as a source version.
    await stub.RotatePseudonymKey(
        prv_pb.RotatePseudonymKeyRequest(name=created.dataset.name, request_id=str(uuid.uuid4())),
        metadata=bearer(tenant.token(mesh)),
    )


DATASPACE_POLICY = (
    '{"@context": "http://www.w3.org/ns/odrl.jsonld", "permission": [{"action": "use", "constraint":'
    ' [{"leftOperand": "purpose", "operator": "eq", "rightOperand": "research"}]}]}'
)


async def seed_dataspace(mesh: ServedMesh, tenant: Tenant) -> None:
    """B publishes a dataset (public: the catalog is) and holds an agreement, as consumer, for a
    third organisation's dataset: the negotiation, its agreement and its usage log are private."""
    channel = _channel(mesh)
    own = bearer(tenant.token(mesh))
    third = bearer(
        mesh.token(scopes=ALL_SCOPES, org=f"orgs/provider-{uuid.uuid4().hex[:8]}", roles=TENANT_ROLES)
    )
    catalog = dcat_grpc.CatalogServiceStub(channel)

    def new_dataset() -> dcat_pb.CreateDatasetRequest:
        return dcat_pb.CreateDatasetRequest(
            dataset_id=f"d-{uuid.uuid4().hex[:12]}",
            dataset=dres.Dataset(
                title="資料集",
                offers=[dres.Offer(id="research", policy=DATASPACE_POLICY)],
                distributions=[dres.Distribution(id="csv", media_type="text/csv")],
            ),
        )

    published = await catalog.CreateDataset(new_dataset(), metadata=own)
    theirs = await catalog.CreateDataset(new_dataset(), metadata=third)

    async def upload() -> AsyncIterator[dcat_pb.UploadDistributionRequest]:
        yield dcat_pb.UploadDistributionRequest(
            header=dcat_pb.UploadDistributionHeader(dataset=theirs.dataset.name, distribution_id="csv")
        )
        yield dcat_pb.UploadDistributionRequest(chunk=b"a,b\n1,2\n")

    await catalog.UploadDistribution(upload(), metadata=third)
    negotiations = dneg_grpc.NegotiationServiceStub(channel)
    started = await negotiations.RequestContract(
        dneg_pb.RequestContractRequest(
            dataset=theirs.dataset.name, offer_id="research", request_id=str(uuid.uuid4())
        ),
        metadata=own,
    )
    name = started.negotiation.name
    await negotiations.AgreeContract(dneg_pb.AgreeContractRequest(name=name), metadata=third)
    await negotiations.VerifyAgreement(dneg_pb.VerifyAgreementRequest(name=name), metadata=own)
    done = await negotiations.FinalizeContract(dneg_pb.FinalizeContractRequest(name=name), metadata=third)
    await negotiations.AuthorizeUse(
        dneg_pb.AuthorizeUseRequest(
            agreement=done.negotiation.agreement,
            action="read",
            purpose="research",
            request_id=str(uuid.uuid4()),
        ),
        metadata=own,
    )
    transfer = await dtr_grpc.TransferServiceStub(channel).RequestTransfer(
        dtr_pb.RequestTransferRequest(
            agreement=done.negotiation.agreement,
            distribution_id="csv",
            purpose="research",
            request_id=str(uuid.uuid4()),
        ),
        metadata=own,
    )
    tenant.names += [published.dataset.name, name, done.negotiation.agreement, transfer.transfer.name]
    tenant.private += [
        name.rsplit("/", 1)[-1],
        done.negotiation.agreement.rsplit("/", 1)[-1],
        transfer.transfer.name.rsplit("/", 1)[-1],
        transfer.transfer.access.token,
    ]
    await _seed_dataspace_personal(mesh, tenant, third)


async def _seed_dataspace_personal(
    mesh: ServedMesh, tenant: Tenant, third: tuple[tuple[str, str], ...]
) -> None:
    """Personal data (issue 18): a third organisation's health dataset with one person's data, and a
    transfer of it that B's app holds under the person's consent (whose names are the two
    organisations' business only); B's own personal dataset with a person's data (never shown)."""
    channel = _channel(mesh)
    catalog = dcat_grpc.CatalogServiceStub(channel)
    org = f"orgs/{tenant.org_id}"
    person = f"people/{uuid.uuid4().hex}"
    app = f"services/app-{uuid.uuid4().hex[:8]}"

    def personal() -> dcat_pb.CreateDatasetRequest:
        return dcat_pb.CreateDatasetRequest(
            dataset_id=f"p-{uuid.uuid4().hex[:12]}",
            dataset=dres.Dataset(
                title="個人健康資料",
                offers=[dres.Offer(id="research", policy=DATASPACE_POLICY)],
                distributions=[dres.Distribution(id="csv", media_type="text/csv")],
                personal_data=True,
                personal_data_category="health",
            ),
        )

    async def person_upload(dataset: str, subject: str) -> AsyncIterator[dcat_pb.UploadDistributionRequest]:
        yield dcat_pb.UploadDistributionRequest(
            header=dcat_pb.UploadDistributionHeader(
                dataset=dataset, distribution_id="csv", data_subject=subject
            )
        )
        yield dcat_pb.UploadDistributionRequest(chunk=f"pressure\n{uuid.uuid4().hex}\n".encode())

    theirs = await catalog.CreateDataset(personal(), metadata=third)
    await catalog.UploadDistribution(person_upload(theirs.dataset.name, person), metadata=third)
    own_person = f"people/{uuid.uuid4().hex}"
    mine = await catalog.CreateDataset(personal(), metadata=bearer(tenant.token(mesh)))
    await catalog.UploadDistribution(
        person_upload(mine.dataset.name, own_person), metadata=bearer(tenant.token(mesh))
    )
    own = bearer(tenant.token(mesh))
    negotiations = dneg_grpc.NegotiationServiceStub(channel)
    started = await negotiations.RequestContract(
        dneg_pb.RequestContractRequest(
            dataset=theirs.dataset.name, offer_id="research", request_id=str(uuid.uuid4())
        ),
        metadata=own,
    )
    name = started.negotiation.name
    await negotiations.AgreeContract(dneg_pb.AgreeContractRequest(name=name), metadata=third)
    await negotiations.VerifyAgreement(dneg_pb.VerifyAgreementRequest(name=name), metadata=own)
    done = await negotiations.FinalizeContract(dneg_pb.FinalizeContractRequest(name=name), metadata=third)
    consent = f"{person}/consents/{uuid.uuid4().hex}"
    consent_token = mesh.token(
        subject=person,
        scopes=["dataspace.read"],
        extra={"consent": consent, "client_id": app, "categories": ["health", "purpose:research"]},
    )
    transfer = await dtr_grpc.TransferServiceStub(channel).RequestTransfer(
        dtr_pb.RequestTransferRequest(
            agreement=done.negotiation.agreement,
            distribution_id="csv",
            purpose="research",
            request_id=str(uuid.uuid4()),
            consent_token=consent_token,
        ),
        metadata=bearer(mesh.token(subject=app, scopes=ALL_SCOPES, org=org, roles=TENANT_ROLES)),
    )
    tenant.names += [mine.dataset.name, name, done.negotiation.agreement, transfer.transfer.name]
    tenant.private += [
        transfer.transfer.name.rsplit("/", 1)[-1],
        transfer.transfer.access.token,
        person.removeprefix("people/"),
        consent.rsplit("/", 1)[-1],
        own_person.removeprefix("people/"),
    ]


async def seed_document(mesh: ServedMesh, tenant: Tenant) -> None:
    """B's background text extraction of a small picture (read, or failed if no model is deployed):
    its name is private too, so ListOperations of another organisation must not show it."""
    stub = doc_grpc.DocumentServiceStub(_channel(mesh))
    picture = io.BytesIO()
    Image.new("RGB", (64, 32), "white").save(picture, format="PNG")
    started = await stub.ExtractDocumentText(
        doc_pb.ExtractDocumentTextRequest(content=picture.getvalue(), request_id=str(uuid.uuid4())),
        metadata=bearer(tenant.token(mesh)),
    )
    tenant.names += [started.operation.name]
    tenant.private += [started.operation.name]


async def seed_factcheck(mesh: ServedMesh, tenant: Tenant) -> None:
    """B's draft fact-check and draft source record (their texts private): drafts are B's alone.

    Nothing published: published fact-checks and sources are public by design. No review task:
    SubmitClaim needs the text embedder, which the mesh's inference service may not serve.
    """
    secret = f"claim-{uuid.uuid4().hex}"
    org = f"orgs/{tenant.org_id}"
    created = await fc_grpc.FactCheckServiceStub(_channel(mesh)).CreateFactCheck(
        fc_pb.CreateFactCheckRequest(
            parent=org,
            fact_check=fcres.FactCheck(claim=secret, verdict=fcres.VERDICT_FALSE, language="en"),
            request_id=str(uuid.uuid4()),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    evidence = f"evidence-{uuid.uuid4().hex}"
    source = await src_grpc.SourceServiceStub(_channel(mesh)).CreateSource(
        src_pb.CreateSourceRequest(
            parent=org,
            source=fcres.Source(
                target=f"{tenant.org_id}.example", credibility=fcres.CREDIBILITY_MIXED, evidence=evidence
            ),
            request_id=str(uuid.uuid4()),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    tenant.names += [created.fact_check.name, source.source.name]
    tenant.private += [secret, evidence]


async def seed_market(mesh: ServedMesh, tenant: Tenant) -> None:
    """A project B imports (from a real PyPI JSON API document): the catalog is public, so
    its names are for the public reads and for UpdateProject, which only B (its importer) may call."""
    stub = mkt_grpc.ProjectServiceStub(_channel(mesh))
    fixture = Path(__file__).parent / "market" / "fixtures" / "pypi-idna.json"
    imported = await stub.ImportProject(
        mkt_pb.ImportProjectRequest(format=mktres.METADATA_FORMAT_PYPI_JSON, metadata=fixture.read_bytes()),
        metadata=bearer(tenant.token(mesh)),
    )
    project = imported.project
    claim = await pub_grpc.PublisherServiceStub(_channel(mesh)).CreateClaim(
        pub_pb.CreateClaimRequest(
            parent=project.name, claim=mktres.Claim(method=mktres.CLAIM_METHOD_CHALLENGE_FILE)
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    tenant.names += [
        project.name,
        f"{project.name}/versions/{project.latest_version}",
        f"{project.name}/health",
        claim.claim.name,
        f"publishers/{tenant.org_id}",
    ]
    providers = prov_grpc.ProviderServiceStub(_channel(mesh))
    provider = await providers.CreateProvider(
        prov_pb.CreateProviderRequest(provider=mktres.Provider(display_name="B support", regions=["TW"])),
        metadata=bearer(tenant.token(mesh)),
    )
    offer = await providers.CreateOffer(
        prov_pb.CreateOfferRequest(
            parent=provider.provider.name,
            offer=mktres.Offer(project=project.name, kind=mktres.OFFER_KIND_SUPPORT),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    qa = qa_grpc.QuestionServiceStub(_channel(mesh))
    question = await qa.CreateQuestion(
        qa_pb.CreateQuestionRequest(
            parent=project.name,
            question=mktres.Question(title="IDNA 2008?", body="Does it follow RFC 5891?"),
            request_id=str(uuid.uuid4()),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    answer = await qa.CreateAnswer(
        qa_pb.CreateAnswerRequest(
            parent=question.question.name, answer=mktres.Answer(body="Yes."), request_id=str(uuid.uuid4())
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    tenant.names += [provider.provider.name, offer.offer.name, question.question.name, answer.answer.name]
    # A claim and its challenge are the claiming organisation's alone.
    tenant.private += [claim.claim.challenge, claim.claim.name.rsplit("/", 1)[-1]]
    await seed_market_trials_and_spaces(mesh, tenant, project.name)
    await _seed_market_rating_and_subscription(mesh, tenant, project.name, question.question.name)


async def _seed_market_rating_and_subscription(
    mesh: ServedMesh, tenant: Tenant, project: str, question: str
) -> None:
    """A third organisation orders B's approved cloud listing, B confirms, and the buyer rates
    providers/B (ratings are public; which order it was is the agency's and B's alone). B follows
    its project with a webhook, and an answer to its question makes B a notification and a
    delivery (to a public host that does not resolve here: its attempts fail and are logged)."""
    channel = _channel(mesh)
    operator = bearer(mesh.token(scopes=ALL_SCOPES, org="orgs/platform-operator", roles=ALL_ROLES))
    lot = await cpb_grpc.CatalogServiceStub(channel).CreateLot(
        cpb.CreateLotRequest(
            lot=pres.Lot(
                display_name="雲端服務",
                category=pres.CATEGORY_CLOUD_SERVICES,
                contract_number=uuid.uuid4().hex,
            )
        ),
        metadata=operator,
    )
    listing = await cpb_grpc.CatalogServiceStub(channel).CreateListing(
        cpb.CreateListingRequest(
            parent=f"vendors/{tenant.org_id}",
            listing=software_listing(lot.lot.name, sla=good_sla()),
            request_id=str(uuid.uuid4()),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    submitted = await review_grpc.ListingReviewServiceStub(channel).SubmitListing(
        review_pb.SubmitListingRequest(listing=listing.listing.name), metadata=bearer(tenant.token(mesh))
    )
    rater = f"rater-{uuid.uuid4().hex[:8]}"
    rater_token = bearer(mesh.token(scopes=ALL_SCOPES, org=f"orgs/{rater}", roles=TENANT_ROLES))
    orders = order_grpc.OrderServiceStub(channel)
    order = await orders.CreateOrder(
        order_pb.CreateOrderRequest(
            parent=f"agencies/{rater}",
            order=pres.Order(listing=submitted.listing.name, quantity=1, budget_code="115-資訊-02"),
            request_id=str(uuid.uuid4()),
        ),
        metadata=rater_token,
    )
    await orders.ConfirmOrder(
        order_pb.ConfirmOrderRequest(name=order.order.name), metadata=bearer(tenant.token(mesh))
    )
    rating = await rating_grpc.RatingServiceStub(channel).CreateRating(
        rating_pb.CreateRatingRequest(
            parent=f"providers/{tenant.org_id}",
            rating=mktres.Rating(order=order.order.name, stars=4, review="準時交付"),
            request_id=str(uuid.uuid4()),
        ),
        metadata=rater_token,
    )
    subscriptions = sub_grpc.SubscriptionServiceStub(channel)
    subscription = await subscriptions.CreateSubscription(
        sub_pb.CreateSubscriptionRequest(
            parent=f"orgs/{tenant.org_id}",
            subscription=mktres.Subscription(
                target=project,
                events=[mktres.EVENT_KIND_NEW_VERSION, mktres.EVENT_KIND_NEW_ANSWER],
                webhook_uri="https://hooks.jipan-tenant.example/market",
            ),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    await qa_grpc.QuestionServiceStub(channel).CreateAnswer(
        qa_pb.CreateAnswerRequest(
            parent=question, answer=mktres.Answer(body="See RFC 5891 §4."), request_id=str(uuid.uuid4())
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    notified = await subscriptions.ListNotifications(
        sub_pb.ListNotificationsRequest(parent=f"orgs/{tenant.org_id}"), metadata=bearer(tenant.token(mesh))
    )
    tenant.names += [
        rating.rating.name,
        order.order.name,
        subscription.subscription.name,
        *(n.name for n in notified.notifications),
    ]
    tenant.private += [
        order.order.name.rsplit("/", 1)[-1],
        subscription.subscription.name.rsplit("/", 1)[-1],
        subscription.subscription.webhook_secret,
        "hooks.jipan-tenant.example",
    ]


MARKET_TRIAL_ORG = "orgs/market-trials"  # the default of JIPAN_MARKET_TRIAL_ORG


async def seed_market_trials_and_spaces(mesh: ServedMesh, tenant: Tenant, project: str) -> None:
    """A trial template of B's (B offers support for the project) and a trial B started, and a
    Co-Lab space B owns with an invitation, a document and a decision. The marketplace's trial
    organisation gets, once per mesh, the AWS excerpt's offerings and an AWS account whose endpoint
    refuses connections: the broker takes the trial (StartTrial answers PROVISIONING) and its
    deployment then fails at once, with nothing contacting AWS."""
    operator = bearer(
        mesh.token(
            subject="people/market-operator", scopes=["cloud.read", "cloud.write"], org=MARKET_TRIAL_ORG
        )
    )
    catalog = cloud_cat_grpc.CatalogServiceStub(_channel(mesh))
    sizes = await catalog.ListOfferings(
        cloud_cat_pb.ListOfferingsRequest(parent=MARKET_TRIAL_ORG, kind=cloudres.OFFERING_KIND_INSTANCE),
        metadata=operator,
    )
    if not sizes.offerings:
        await cloud_acc_grpc.AccountServiceStub(_channel(mesh)).CreateProviderAccount(
            cloud_acc_pb.CreateProviderAccountRequest(
                account=cloudres.ProviderAccount(
                    provider="providers/aws", endpoint="http://127.0.0.1:9", default_region="us-east-1"
                ),
                account_id="trials",
                credentials=cloudres.Credentials(
                    access_key=cloudres.AccessKeyCredentials(
                        access_key_id="AKIATRIALS", secret_access_key="x"
                    )
                ),
                request_id=str(uuid.uuid4()),
            ),
            metadata=operator,
        )
        await catalog.ImportOfferings(
            cloud_cat_pb.ImportOfferingsRequest(
                parent=MARKET_TRIAL_ORG,
                format=cloudres.PRICE_LIST_FORMAT_AWS_OFFER_FILE,
                content=(Path(__file__).parent / "cloud" / "data" / "aws_ec2_offer.json").read_bytes(),
                exchange_rates=[
                    cloudres.ExchangeRate(currency_code="USD", twd_per_unit="32.5", date="2025-12-01")
                ],
            ),
            metadata=operator,
        )
        sizes = await catalog.ListOfferings(
            cloud_cat_pb.ListOfferingsRequest(parent=MARKET_TRIAL_ORG, kind=cloudres.OFFERING_KIND_INSTANCE),
            metadata=operator,
        )
    trials = trial_grpc.TrialServiceStub(_channel(mesh))
    template = await trials.CreateTrialTemplate(
        trial_pb.CreateTrialTemplateRequest(
            parent=project,
            trial_template=mktres.TrialTemplate(
                offering=sizes.offerings[0].name,
                image="ami-03cf127a",
                ports=[443],
                max_hours=720,
                budget_cap=money_pb2.Money(currency_code="TWD", amount_minor=10**12),
            ),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    trial = await trials.StartTrial(
        trial_pb.StartTrialRequest(
            trial=mktres.Trial(template=template.trial_template.name, hours=1), request_id=str(uuid.uuid4())
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    secret = uuid.uuid4().hex
    spaces = space_grpc.SpaceServiceStub(_channel(mesh))
    space = await spaces.CreateSpace(
        space_pb.CreateSpaceRequest(
            space=mktres.Space(display_name=f"space-{secret}", projects=[project]),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    invited = f"invited-{uuid.uuid4().hex[:8]}"
    await spaces.UpdateSpaceMembers(
        space_pb.UpdateSpaceMembersRequest(
            name=space.space.name,
            members=[mktres.SpaceMember(organization=f"orgs/{invited}", role=mktres.SPACE_ROLE_VIEWER)],
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    document = await spaces.CreateSpaceDocument(
        iter(
            [
                space_pb.CreateSpaceDocumentRequest(
                    header=space_pb.CreateSpaceDocumentHeader(
                        parent=space.space.name, document=mktres.SpaceDocument(display_name=f"doc-{secret}")
                    )
                ),
                space_pb.CreateSpaceDocumentRequest(chunk=f"content-{secret}".encode()),
            ]
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    decision = await spaces.CreateDecision(
        space_pb.CreateDecisionRequest(
            parent=space.space.name,
            decision=mktres.Decision(title=f"title-{secret}", text=f"text-{secret}"),
            request_id=str(uuid.uuid4()),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    tenant.names += [
        template.trial_template.name,
        trial.trial.name,
        space.space.name,
        f"{space.space.name}/invitations/{invited}",
        document.document.name,
        decision.decision.name,
    ]
    # A space is its members' alone: its name, documents and decisions.
    tenant.private += [f"space-{secret}", f"doc-{secret}", f"content-{secret}", f"text-{secret}"]


async def seed_federation(mesh: ServedMesh, tenant: Tenant) -> None:
    """A peer of B's (registered from a stand-in bundle endpoint, pinned and activated) with an
    approval. A real second mesh is what tests/federation/test_two_meshes.py runs; the matrix
    needs only B's real resource names."""
    stub = fed_grpc.FederationServiceStub(_channel(mesh))
    issuer = f"https://identity.peer-{uuid.uuid4().hex[:8]}.jipan.test"
    endpoint, address = await start_bundle_endpoint(issuer, "peer-mesh")
    try:
        created = await stub.CreatePeer(
            fed_pb.CreatePeerRequest(
                peer_id=f"agency-{uuid.uuid4().hex[:8]}",
                peer=fedres.Peer(
                    display_name=f"peer of {tenant.org_id}",
                    issuer=issuer,
                    audience="peer-mesh",
                    bundle_endpoint=address,
                ),
            ),
            metadata=bearer(tenant.token(mesh)),
        )
    finally:
        # B keeps the fetched bundle (valid for hours); its later refreshes fail and say so.
        await endpoint.stop(0)
    peer = created.peer.name
    await stub.ActivatePeer(
        fed_pb.ActivatePeerRequest(name=peer, fingerprint=created.peer.pinned_fingerprint),
        metadata=bearer(tenant.token(mesh)),
    )
    approval = await stub.CreateApproval(
        fed_pb.CreateApprovalRequest(
            parent=peer,
            approval_id="whoami",
            approval=fedres.Approval(
                consumer="orgs/agency-a", methods=["/jipan.system.v1.SystemService/GetWhoAmI"]
            ),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    tenant.names += [peer, approval.approval.name, f"{peer}/logEntries/1"]
    tenant.private += [issuer]


async def seed_cloud(mesh: ServedMesh, tenant: Tenant) -> None:
    """B's AWS account (its display name and secret key private; nothing contacts AWS), offerings
    from the committed GCP excerpt and a placement over them."""
    stub = cloud_acc_grpc.AccountServiceStub(_channel(mesh))
    secret = f"secret-{uuid.uuid4().hex}"
    created = await stub.CreateProviderAccount(
        cloud_acc_pb.CreateProviderAccountRequest(
            account=cloudres.ProviderAccount(provider="providers/aws", display_name=f"account-{secret}"),
            account_id=f"a-{uuid.uuid4().hex[:12]}",
            credentials=cloudres.Credentials(
                access_key=cloudres.AccessKeyCredentials(
                    access_key_id="AKIATENANTB", secret_access_key=secret
                )
            ),
            request_id=str(uuid.uuid4()),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    org = f"orgs/{tenant.org_id}"
    await cloud_cat_grpc.CatalogServiceStub(_channel(mesh)).ImportOfferings(
        cloud_cat_pb.ImportOfferingsRequest(
            parent=org,
            format=cloudres.PRICE_LIST_FORMAT_GCP_SKU_LIST,
            content=(Path(__file__).parent / "cloud" / "data" / "gcp_skus.json").read_bytes(),
            exchange_rates=[
                cloudres.ExchangeRate(currency_code="USD", twd_per_unit="32.5", date="2025-12-01")
            ],
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    placed = await cloud_plc_grpc.PlacementServiceStub(_channel(mesh)).PlanPlacement(
        cloud_plc_pb.PlanPlacementRequest(
            parent=org,
            placement=cloudres.Placement(workloads=[cloudres.Workload(id="web", vcpu=2, memory_gib=8)]),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    tenant.names += [
        created.account.name,
        placed.placement.name,
        placed.placement.plans[0].assignments[0].offering,
    ]
    tenant.private += [secret]
    # Billing: B's bill (FOCUS rows tagged with a private project) and a budget it crosses.
    billing = cloud_bil_grpc.BillingServiceStub(_channel(mesh))
    project = f"project-{uuid.uuid4().hex}"
    bill = (Path(__file__).parent / "cloud" / "data" / "billing" / "focus_rows.csv").read_text()
    imported = await billing.ImportCostExport(
        cloud_bil_pb.ImportCostExportRequest(
            parent=org,
            layout=cloud_bil_pb.COST_EXPORT_LAYOUT_FOCUS,
            content=bill.replace('""alpha""', f'""{project}""').encode(),
            request_id=str(uuid.uuid4()),
        ),
        metadata=bearer(tenant.token(mesh)),
    )

    async def streamed_bill() -> AsyncIterator[cloud_bil_pb.StreamCostExportRequest]:
        # The same bill gzipped (other bytes: a second import) through the streaming upload.
        yield cloud_bil_pb.StreamCostExportRequest(
            header=cloud_bil_pb.CostExportHeader(
                parent=org, layout=cloud_bil_pb.COST_EXPORT_LAYOUT_FOCUS, request_id=str(uuid.uuid4())
            )
        )
        yield cloud_bil_pb.StreamCostExportRequest(
            chunk=gzip.compress(bill.replace('""alpha""', f'""{project}""').encode())
        )

    streamed = await billing.StreamCostExport(streamed_bill(), metadata=bearer(tenant.token(mesh)))
    budget = await billing.CreateBudget(
        cloud_bil_pb.CreateBudgetRequest(
            parent=org,
            budget=cloudres.Budget(
                display_name=f"budget-{secret}",
                monthly_amount_twd="1000",
                thresholds=[0.5, 1.0],
                tag_filter=f"project={project}",
            ),
            request_id=str(uuid.uuid4()),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    tenant.names += [imported.cost_import.name, streamed.cost_import.name, budget.budget.name]
    tenant.private += [project]
    await seed_cloud_migration(mesh, tenant)


async def seed_cloud_migration(mesh: ServedMesh, tenant: Tenant) -> None:
    """A bucket migration on an S3-compatible account at a closed loopback port (it fails
    PROVIDER_UNAVAILABLE at once; the migration and its operation remain, B's to read)."""
    org = f"orgs/{tenant.org_id}"
    secret = f"secret-{uuid.uuid4().hex}"
    store = await cloud_acc_grpc.AccountServiceStub(_channel(mesh)).CreateProviderAccount(
        cloud_acc_pb.CreateProviderAccountRequest(
            account=cloudres.ProviderAccount(
                provider="providers/s3-compatible", endpoint="http://127.0.0.1:9"
            ),
            account_id=f"m-{uuid.uuid4().hex[:12]}",
            credentials=cloudres.Credentials(
                access_key=cloudres.AccessKeyCredentials(
                    access_key_id="AKIATENANTBM", secret_access_key=secret
                )
            ),
            request_id=str(uuid.uuid4()),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    started = await cloud_mig_grpc.MigrationServiceStub(_channel(mesh)).CreateMigration(
        cloud_mig_pb.CreateMigrationRequest(
            parent=org,
            migration=cloudres.Migration(
                source_account=store.account.name,
                source_bucket="seed-source",
                destination_account=store.account.name,
                destination_bucket="seed-copy",
            ),
            request_id=str(uuid.uuid4()),
        ),
        metadata=bearer(tenant.token(mesh)),
    )
    tenant.names += [store.account.name, started.operation.metadata.target, started.operation.name]
    tenant.private += [secret]


async def seed_tenant(mesh: ServedMesh, label: str) -> Tenant:
    """An organisation founded by a person with a passkey, with resources in every service."""
    tenant = await found_organisation(mesh, label)
    await seed_identity(mesh, tenant)
    await seed_procurement(mesh, tenant)
    await seed_ledger(mesh, tenant)
    await seed_inference(mesh, tenant)
    await seed_privacy(mesh, tenant)
    await seed_dataspace(mesh, tenant)
    await seed_document(mesh, tenant)
    await seed_factcheck(mesh, tenant)
    await seed_federation(mesh, tenant)
    await seed_market(mesh, tenant)
    await seed_cloud(mesh, tenant)
    return tenant
