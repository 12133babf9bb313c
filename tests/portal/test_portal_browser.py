"""The portal in a real browser: Debian's Chromium, driven by playwright-core, against `jipan up`.

The test starts `jipan up` (every registered service, dev mode, its Connect
gateway on a free port serving portal/dist) on a database of its own, seeds
what the flows need over gRPC (an app's service account, catalogue listings
whose names contain 「雲端備份」, a software lot and the OSV advisory for
log4j, a tender with a two-member committee whose private keys only this test
holds, a file anchored on the ledger), then runs portal/test/browser.mjs. The
script works the pages as a person would (passkeys through a CDP virtual
authenticator, consents, search, listing submission with an SBOM, a bid sealed
in the page, file verification) and runs axe-core on every page; this test
then checks the outcomes on the server side: the consent token is refused
after the revocation, the listing's review has the log4j finding, and the bid
sealed in Chromium opens with the committee's keys (clients/sealing.py).

Screenshots and results.json are written under the test's output folder
(`JIPAN_PORTAL_TEST_OUT`, default a pytest temporary folder). Skipped without
Chromium or the portal's build (scripts/bootstrap builds it).
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.clients import sealing
from jipan.cloud.v1 import account_service_pb2 as cloud_acc_pb
from jipan.cloud.v1 import account_service_pb2_grpc as cloud_acc_grpc
from jipan.cloud.v1 import billing_service_pb2 as billing_pb
from jipan.cloud.v1 import billing_service_pb2_grpc as billing_grpc
from jipan.cloud.v1 import catalog_service_pb2 as cloud_cat_pb
from jipan.cloud.v1 import catalog_service_pb2_grpc as cloud_cat_grpc
from jipan.cloud.v1 import resources_pb2 as cloud_res
from jipan.common.v1 import money_pb2
from jipan.factcheck.v1 import factcheck_service_pb2 as fc_pb
from jipan.factcheck.v1 import factcheck_service_pb2_grpc as fc_grpc
from jipan.factcheck.v1 import resources_pb2 as fc_res
from jipan.factcheck.v1 import source_service_pb2 as src_pb
from jipan.factcheck.v1 import source_service_pb2_grpc as src_grpc
from jipan.identity.v1 import resources_pb2 as ires
from jipan.identity.v1 import service_account_service_pb2 as sa_pb
from jipan.identity.v1 import service_account_service_pb2_grpc as sa_grpc
from jipan.interceptors.tokens import DevSigningKey, mint_access_token
from jipan.ledger.v1 import governance_service_pb2 as gov_pb
from jipan.ledger.v1 import governance_service_pb2_grpc as gov_grpc
from jipan.ledger.v1 import ledger_service_pb2 as lpb
from jipan.ledger.v1 import ledger_service_pb2_grpc as lpb_grpc
from jipan.ledger.v1 import resources_pb2 as lres
from jipan.market.v1 import project_service_pb2 as mpb
from jipan.market.v1 import project_service_pb2_grpc as mpb_grpc
from jipan.market.v1 import provider_service_pb2 as prov_pb
from jipan.market.v1 import provider_service_pb2_grpc as prov_grpc
from jipan.market.v1 import rating_service_pb2 as rating_pb
from jipan.market.v1 import rating_service_pb2_grpc as rating_grpc
from jipan.market.v1 import resources_pb2 as mres
from jipan.market.v1 import trial_service_pb2 as trial_pb
from jipan.market.v1 import trial_service_pb2_grpc as trial_grpc
from jipan.procurement.v1 import analytics_service_pb2 as apb
from jipan.procurement.v1 import analytics_service_pb2_grpc as apb_grpc
from jipan.procurement.v1 import catalog_service_pb2 as cpb
from jipan.procurement.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.procurement.v1 import order_service_pb2 as order_pb
from jipan.procurement.v1 import order_service_pb2_grpc as order_grpc
from jipan.procurement.v1 import resources_pb2 as pres
from jipan.procurement.v1 import review_service_pb2 as rpb
from jipan.procurement.v1 import review_service_pb2_grpc as rpb_grpc
from jipan.procurement.v1 import tender_pb2 as tpb
from jipan.procurement.v1 import tender_service_pb2 as tspb
from jipan.procurement.v1 import tender_service_pb2_grpc as tspb_grpc
from tests.cloud.conftest import REGION, MotoKeys, aws
from tests.cloud.test_accounts import keys
from tests.cloud.test_catalog import USD, excerpt
from tests.conftest import fresh_database
from tests.descriptor_walk import all_grants, registered_methods
from tests.procurement.helpers import good_sla, software_listing
from tests.subprocess_mesh import exiting_with_parent

__all__ = ["aws"]  # the session's moto server (tests/cloud/conftest.py): the trials' "AWS"

ROOT = Path(__file__).resolve().parents[2]
PORTAL = ROOT / "portal"
FIXTURES = ROOT / "tests" / "procurement" / "fixtures"
CHROMIUM = shutil.which("chromium")
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None
    or NODE is None
    or not (PORTAL / "dist" / "index.html").exists()
    or not (PORTAL / "node_modules" / "playwright-core").exists(),
    reason="needs Chromium (.ci/run installs it), node and the built portal (scripts/bootstrap)",
)

ISSUER = "https://identity.jipan.test"
AUDIENCE = "jipan-portal-tests"
DEV_PERSON = "people/397a02e48ac85ec48391bc99a560df01"
READY = re.compile(r"jipan ready on (\S+) .*?gateway (http://\S+?)/? ")
QUERY = "雲端備份"
LOG4SHELL = "GHSA-jfh8-c2jp-5v3q"
BID_PRICE = 4_321_000


@dataclass
class MarketSeed:
    """What the marketplace flows need: a provider offering the imported project, an agency (the
    rater) with a confirmed and a merely placed order of that provider's listing, a trial template."""

    project: str
    provider: str
    rater_token: str
    rater_org: str
    confirmed_order: str
    placed_order: str
    template: str
    failing_template: str = ""
    """A GCP machine's template: the trial organisation has no GCP account, so the broker refuses it."""
    seeded_ratings: int = 0
    """Ratings of the provider by the other agencies (the sales seed), before the browser's own."""
    seeded_failed_trials: list[str] = field(default_factory=list)


@dataclass
class ConsortiumSeed:
    """The consortium the dev mesh's ledger governs after the seed: three members, one validator
    node, four proposals (three executed, one open)."""

    members: list[str]
    nodes: list[str]
    proposals: dict[str, tuple[str, int, int]]
    """name → (state, votes, required votes)."""


@dataclass
class Seeded:
    address: str
    base_url: str
    staff_token: str
    app_token: str
    app: str
    software_lot: str
    tender: str
    committee: list[tuple[str, bytes]]
    """(member, private key) of the tender's committee."""
    hits: list[str]
    anchored_file: Path
    market: MarketSeed
    consortium: ConsortiumSeed
    fact_checks: FactCheckSeed
    output: list[str] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _bearer(token: str) -> tuple[tuple[str, str]]:
    return (("authorization", f"Bearer {token}"),)


def _stamp(moment: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp


async def _seed(address: str, base_url: str, data_dir: Path, work: Path, moto: MotoKeys | None) -> Seeded:
    key = DevSigningKey.load_or_create(data_dir)
    scopes, roles = all_grants(registered_methods())  # as `jipan token --dev --all-grants`

    def token(subject: str, org: str | None, token_roles: list[str] | tuple[str, ...]) -> str:
        return mint_access_token(
            key,
            subject=subject,
            audience=AUDIENCE,
            issuer=ISSUER,
            scopes=scopes,
            org=org,
            roles=token_roles,
            ttl_s=3600,
        )

    staff = token(DEV_PERSON, "orgs/dev", roles)
    agency = token("people/portal-agency-buyer", "orgs/moda", ["procurement-buyer"])
    async with grpc.aio.insecure_channel(address) as channel:
        accounts = sa_grpc.ServiceAccountServiceStub(channel)
        account = await accounts.CreateServiceAccount(
            sa_pb.CreateServiceAccountRequest(
                service_account_id=f"portal-app-{uuid.uuid4().hex[:8]}",
                service_account=ires.ServiceAccount(
                    organization="orgs/dev", display_name="報表 app", scopes=["procurement.read"]
                ),
            ),
            metadata=_bearer(staff),
        )
        app = account.service_account.name
        app_token = mint_access_token(
            key, subject=app, audience=AUDIENCE, issuer=ISSUER, scopes=["procurement.read"], ttl_s=3600
        )

        catalog = cpb_grpc.CatalogServiceStub(channel)
        review = rpb_grpc.ListingReviewServiceStub(channel)
        cloud_lot = await catalog.CreateLot(
            cpb.CreateLotRequest(
                lot=pres.Lot(
                    display_name="雲端服務",
                    category=pres.CATEGORY_CLOUD_SERVICES,
                    contract_number=uuid.uuid4().hex,
                )
            ),
            metadata=_bearer(staff),
        )
        software_lot = await catalog.CreateLot(
            cpb.CreateLotRequest(
                lot=pres.Lot(
                    display_name="套裝軟體",
                    category=pres.CATEGORY_PACKAGED_SOFTWARE,
                    contract_number=uuid.uuid4().hex,
                )
            ),
            metadata=_bearer(staff),
        )
        await review.ImportAdvisories(
            rpb.ImportAdvisoriesRequest(
                osv_data=json.dumps([json.loads((FIXTURES / f"{LOG4SHELL}.json").read_text())]).encode()
            ),
            metadata=_bearer(staff),
        )
        hits: list[str] = []
        for product in [f"{QUERY} CloudVault {n}" for n in (1, 2, 3)] + ["視訊會議 Meet"]:
            listing = await catalog.CreateListing(
                cpb.CreateListingRequest(
                    parent="vendors/dev",
                    listing=software_listing(
                        cloud_lot.lot.name,
                        product_name=product,
                        description=product,
                        licence_terms=pres.LicenceTerms(distribution=pres.DISTRIBUTION_SAAS),
                        sla=good_sla(),
                    ),
                    request_id=str(uuid.uuid4()),
                ),
                metadata=_bearer(staff),
            )
            submitted = await review.SubmitListing(
                rpb.SubmitListingRequest(listing=listing.listing.name), metadata=_bearer(staff)
            )
            assert submitted.listing.state == pres.LISTING_STATE_APPROVED, submitted
            if QUERY in product:
                hits.append(listing.listing.name)

        members = [(f"people/portal-committee-{n}", *sealing.generate_member_key()) for n in (1, 2)]
        deadline = datetime.now(UTC) + timedelta(hours=2)
        tender = await tspb_grpc.TenderServiceStub(channel).CreateTender(
            tspb.CreateTenderRequest(
                parent="agencies/moda",
                tender=tpb.Tender(
                    title="115年度 雲端資安監控服務",
                    description="全天候監控機關系統",
                    lots=[
                        tpb.TenderLot(
                            id="lot-1",
                            title="監控",
                            budget=money_pb2.Money(currency_code="TWD", amount_minor=5_000_000),
                        )
                    ],
                    award_method=tpb.AWARD_METHOD_LOWEST_PRICE,
                    bid_deadline=_stamp(deadline),
                    opening_time=_stamp(deadline),
                    committee=[tpb.CommitteeMember(member=m, public_key=public) for m, _, public in members],
                    threshold=2,
                ),
            ),
            metadata=_bearer(agency),
        )

        imported = await mpb_grpc.ProjectServiceStub(channel).ImportProject(
            mpb.ImportProjectRequest(
                format=mres.METADATA_FORMAT_PYPI_JSON,
                metadata=(ROOT / "tests" / "market" / "fixtures" / "pypi-jinja2.json").read_bytes(),
                categories=["Web"],
            ),
            metadata=_bearer(staff),
        )

        anchored_file = work / "公文-115-001.pdf"
        anchored_file.write_bytes(b"%PDF-1.7\n" + os.urandom(4096))
        ledger = lpb_grpc.LedgerServiceStub(channel)
        anchored = await ledger.AnchorDigests(
            lpb.AnchorDigestsRequest(
                digests=[lpb.DigestSubmission(digest=hashlib.sha256(anchored_file.read_bytes()).digest())],
                request_id=str(uuid.uuid4()),
            ),
            metadata=_bearer(staff),
        )
        receipt = anchored.receipts[0].name
        for _ in range(200):
            got = await ledger.GetReceipt(lpb.GetReceiptRequest(name=receipt), metadata=_bearer(staff))
            if got.receipt.state == lres.RECEIPT_STATE_CONFIRMED:
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError(f"the seeded anchor never confirmed: {got.receipt}")
        await _seed_cloud_costs(channel, _bearer(staff))
        market = await _seed_market(channel, token, roles, imported.project.name, cloud_lot.lot.name, moto)
        consortium = await _seed_consortium(channel, token)
        fact_checks = await _seed_fact_checks(channel, _bearer(staff))
    return Seeded(
        address=address,
        base_url=base_url,
        staff_token=staff,
        app_token=app_token,
        app=app,
        software_lot=software_lot.lot.name,
        tender=tender.tender.name,
        committee=[(m, private) for m, private, _ in members],
        hits=hits,
        anchored_file=anchored_file,
        market=market,
        consortium=consortium,
        fact_checks=fact_checks,
    )


@dataclass
class FactCheckSeed:
    salt: str
    """The one fact-check about salt water (zh-TW), found by searching 鹽水."""
    english: list[str]
    withdrawn: str
    """Published, then withdrawn: never in a search."""
    voted: str
    """Imported from Cofacts with readers' votes (VOTED), found by searching 泡麵."""
    published: int
    farm_url: str
    """A link on the content farm a published source record rates FABRICATED."""


SALT_CLAIM = "喝溫鹽水可以殺死新冠病毒，衛福部呼籲大家多喝鹽水預防感染"
VOTED_CLAIM = "網傳下個月起泡麵一包要漲到一百元"
VOTED = (1234, 5)
"""Cofacts readers who found the voted fact-check helpful, and who did not."""
FACTCHECK_PAGE = 10  # portal/src/pages/factcheck.tsx


async def _seed_fact_checks(channel: grpc.aio.Channel, staff: tuple[tuple[str, str]]) -> FactCheckSeed:
    """Published fact-checks of orgs/dev (more than a page of the portal's search), one withdrawn, and
    a published source record for a content farm: all through the factcheck service's contract."""
    facts = fc_grpc.FactCheckServiceStub(channel)

    async def publish(claim: str, language: str, verdict: fc_res.Verdict.ValueType, **fields: Any) -> str:
        draft = await facts.CreateFactCheck(
            fc_pb.CreateFactCheckRequest(
                parent="orgs/dev",
                fact_check=fc_res.FactCheck(claim=claim, language=language, verdict=verdict, **fields),
                request_id=str(uuid.uuid4()),
            ),
            metadata=staff,
        )
        done = await facts.PublishFactCheck(
            fc_pb.PublishFactCheckRequest(name=draft.fact_check.name), metadata=staff
        )
        return done.fact_check.name

    withdrawn = await publish("鹽水可以治療所有感冒（舊版查核）", "zh-TW", fc_res.VERDICT_FALSE)
    await facts.WithdrawFactCheck(
        fc_pb.WithdrawFactCheckRequest(name=withdrawn, reason="重複的查核，請見新版。"), metadata=staff
    )
    salt = await publish(
        SALT_CLAIM,
        "zh-TW",
        fc_res.VERDICT_FALSE,
        title="喝鹽水能殺死病毒？",
        explanation="疾管署澄清：鹽水不能殺死病毒，也沒有預防感染的效果。",
        evidence=[fc_res.EvidenceLink(uri="https://www.cdc.gov.tw/", title="衛生福利部疾病管制署")],
    )
    english = [
        await publish(
            f"Claim {n}: riders without a helmet will be fined NT$6,000 from tomorrow", "en", verdict
        )
        for n, verdict in enumerate((fc_res.VERDICT_MISLEADING, fc_res.VERDICT_FALSE, fc_res.VERDICT_TRUE))
    ]
    others = [
        await publish(f"第 {n} 則：颱風天停班停課由總統府統一公布", "zh-TW", fc_res.VERDICT_MOSTLY_FALSE)
        for n in range(FACTCHECK_PAGE - 3)
    ]
    # One from Cofacts' open data, published as imported: it carries its readers' votes.
    voted = await facts.ImportFactChecks(
        fc_pb.ImportFactChecksRequest(
            parent="orgs/dev",
            format=fc_pb.IMPORT_FORMAT_COFACTS_CSV,
            cofacts_articles=f"id,text,createdAt\nv1,{VOTED_CLAIM},2024-05-01T00:00:00.000Z\n".encode(),
            cofacts_article_replies=(
                "articleId,replyId,negativeFeedbackCount,positiveFeedbackCount,status\n"
                f"v1,r1,{VOTED[1]},{VOTED[0]},NORMAL\n"
            ).encode(),
            cofacts_replies="id,type,reference,text\nr1,RUMOR,,經濟部：未接獲業者調漲泡麵價格的申報。\n".encode(),
            publish=True,
            request_id=str(uuid.uuid4()),
        ),
        metadata=staff,
    )
    sources = src_grpc.SourceServiceStub(channel)
    await sources.CreateSource(
        src_pb.CreateSourceRequest(
            parent="orgs/dev",
            source=fc_res.Source(
                target="content-farm.example",
                credibility=fc_res.CREDIBILITY_FABRICATED,
                evidence="抄襲新聞並捏造引述。",
                status=fc_res.SOURCE_STATUS_PUBLISHED,
            ),
            request_id=str(uuid.uuid4()),
        ),
        metadata=staff,
    )
    return FactCheckSeed(
        salt=salt,
        english=english,
        withdrawn=withdrawn,
        voted=voted.fact_checks[0],
        published=1 + len(english) + len(others) + voted.imported_count,
        farm_url="http://www.content-farm.example/2024/05/story.html?utm_source=line",
    )


TRIAL_ORG = "orgs/market-trials"  # the default of JIPAN_MARKET_TRIAL_ORG
FOUNDER = "orgs/founder"  # the default of JIPAN_LEDGER_FOUNDER_ORG
MEMBER_ROLES = ("member", "procurement-buyer", "procurement-vendor")
"""What orgs/dev's admin grants the person who signed up in the browser."""
RATINGS_PAGE = TRIALS_PAGE = 5  # portal/src/pages/market.tsx
SALES_AGENCIES = 5
"""Agencies besides the rater that buy the provider's listing: six in all, over the k-anonymity
threshold (JIPAN_PROCUREMENT_K_ANONYMITY, default 5), so the market view publishes the cell."""
FAILED_TRIALS = 4
"""Failed trials seeded in the rater's organisation: with the browser's two, its list has two pages."""


async def _seed_consortium(
    channel: grpc.aio.Channel, token: Callable[[str, str | None, list[str] | tuple[str, ...]], str]
) -> ConsortiumSeed:
    """Through the ledger's GovernanceService, as the founder's and a member's ledger admins (as
    tests/test_ledger_governance.py does): a validator node and Chunghwa Telecom's admission carry
    alone (one member), Academia Sinica's admission needs and gets Chunghwa's vote (two of two),
    and an observer node's addition stays open (one vote of three members)."""
    governance = gov_grpc.GovernanceServiceStub(channel)

    def admin(org: str) -> tuple[tuple[str, str]]:
        return _bearer(token(f"people/ledger-admin-of-{org[5:]}", org, ["ledger-admin"]))

    async def propose(metadata: tuple[tuple[str, str]], proposal: lres.Proposal) -> lres.Proposal:
        made = await governance.CreateProposal(
            gov_pb.CreateProposalRequest(proposal=proposal, request_id=str(uuid.uuid4())), metadata=metadata
        )
        return made.proposal

    def node(account: bytes, role: lres.NodeRole.ValueType) -> lres.Proposal:
        return lres.Proposal(
            add_node=lres.NodeAddition(
                account=account, enode=f"enode://{account.hex()}@10.0.0.1:30303", role=role
            )
        )

    def admission(org: str, legal_name: str, number: str) -> lres.Proposal:
        return lres.Proposal(
            admit_member=lres.MemberAdmission(
                organization=org,
                legal_name=legal_name,
                registration_number=number,
                contact=f"ops@{org[5:]}.tw",
            )
        )

    founder, cht = admin(FOUNDER), admin("orgs/cht")
    assert (await propose(founder, node(os.urandom(20), lres.NODE_ROLE_VALIDATOR))).state == EXECUTED
    assert (
        await propose(founder, admission("orgs/cht", "中華電信股份有限公司", "96979933"))
    ).state == EXECUTED
    sinica = await propose(founder, admission("orgs/sinica", "中央研究院", "03701606"))
    assert (sinica.state, sinica.votes, sinica.required_votes) == (OPEN, 1, 2), sinica
    voted = await governance.VoteProposal(gov_pb.VoteProposalRequest(name=sinica.name), metadata=cht)
    assert voted.proposal.state == EXECUTED, voted
    observer = await propose(founder, node(os.urandom(20), lres.NODE_ROLE_OBSERVER))
    assert observer.state == OPEN, observer
    members = await governance.ListMembers(gov_pb.ListMembersRequest(page_size=100), metadata=founder)
    nodes = await governance.ListNodes(gov_pb.ListNodesRequest(page_size=100), metadata=founder)
    proposals = await governance.ListProposals(gov_pb.ListProposalsRequest(page_size=100), metadata=founder)
    return ConsortiumSeed(
        members=[m.name for m in members.members],
        nodes=[n.name for n in nodes.nodes],
        proposals={
            p.name: (
                lres.ProposalState.Name(p.state).removeprefix("PROPOSAL_STATE_"),
                p.votes,
                p.required_votes,
            )
            for p in proposals.proposals
        },
    )


OPEN = lres.PROPOSAL_STATE_OPEN
EXECUTED = lres.PROPOSAL_STATE_EXECUTED


async def _seed_market(
    channel: grpc.aio.Channel,
    token: Callable[[str, str | None, list[str] | tuple[str, ...]], str],
    roles: list[str] | tuple[str, ...],
    project: str,
    cloud_lot: str,
    moto: MotoKeys | None,
) -> MarketSeed:
    """Organisation B offers support for the project as a provider and sells an approved cloud
    listing; the rater agency orders it twice, B confirms one order (the rating's purchase) and
    leaves the other placed (a rating from it is refused). The marketplace's trial organisation
    gets an AWS account on moto and the AWS excerpt's offerings, and B publishes a trial template
    of an m5.large, so a trial started in the browser reaches RUNNING on moto's EC2."""
    vendor = f"portal-provider-{uuid.uuid4().hex[:8]}"
    rater = f"portal-rater-{uuid.uuid4().hex[:8]}"
    b = _bearer(token(f"people/staff-of-{vendor}", f"orgs/{vendor}", roles))
    rater_token = token(f"people/buyer-at-{rater}", f"orgs/{rater}", ["procurement-buyer", "member"])
    providers = prov_grpc.ProviderServiceStub(channel)
    provider = await providers.CreateProvider(
        prov_pb.CreateProviderRequest(
            provider=mres.Provider(
                display_name="臺灣開源維運股份有限公司",
                description=mres.LocalizedText(zh_tw="Jinja2 導入與維運支援", en="Jinja2 support"),
                regions=["TW"],
            )
        ),
        metadata=b,
    )
    await providers.CreateOffer(
        prov_pb.CreateOfferRequest(
            parent=provider.provider.name, offer=mres.Offer(project=project, kind=mres.OFFER_KIND_SUPPORT)
        ),
        metadata=b,
    )
    catalog = cpb_grpc.CatalogServiceStub(channel)
    listing = await catalog.CreateListing(
        cpb.CreateListingRequest(
            parent=f"vendors/{vendor}",
            listing=software_listing(cloud_lot, product_name="Jinja2 維運服務", sla=good_sla()),
            request_id=str(uuid.uuid4()),
        ),
        metadata=b,
    )
    submitted = await rpb_grpc.ListingReviewServiceStub(channel).SubmitListing(
        rpb.SubmitListingRequest(listing=listing.listing.name), metadata=b
    )
    assert submitted.listing.state == pres.LISTING_STATE_APPROVED, submitted
    orders = order_grpc.OrderServiceStub(channel)
    placed = []
    for budget in ("115-資訊-03", "115-資訊-04"):
        order = await orders.CreateOrder(
            order_pb.CreateOrderRequest(
                parent=f"agencies/{rater}",
                order=pres.Order(listing=submitted.listing.name, quantity=1, budget_code=budget),
                request_id=str(uuid.uuid4()),
            ),
            metadata=_bearer(rater_token),
        )
        placed.append(order.order.name)
    await orders.ConfirmOrder(order_pb.ConfirmOrderRequest(name=placed[0]), metadata=b)
    # Five more agencies buy the listing (confirmed: sales) and rate the provider, so the market's
    # k-anonymised sales view publishes the listing's month and the ratings list has two pages.
    ratings = rating_grpc.RatingServiceStub(channel)
    for n in range(SALES_AGENCIES):
        agency = f"portal-agency-{n}-{uuid.uuid4().hex[:6]}"
        buyer = _bearer(token(f"people/buyer-at-{agency}", f"orgs/{agency}", ["procurement-buyer", "member"]))
        order = await orders.CreateOrder(
            order_pb.CreateOrderRequest(
                parent=f"agencies/{agency}",
                order=pres.Order(
                    listing=submitted.listing.name, quantity=n + 1, budget_code=f"115-資訊-1{n}"
                ),
                request_id=str(uuid.uuid4()),
            ),
            metadata=buyer,
        )
        await orders.ConfirmOrder(order_pb.ConfirmOrderRequest(name=order.order.name), metadata=b)
        await ratings.CreateRating(
            rating_pb.CreateRatingRequest(
                parent=provider.provider.name,
                rating=mres.Rating(
                    order=order.order.name, stars=5 - n % 3, review=f"第 {n + 1} 個機關的評語"
                ),
                request_id=str(uuid.uuid4()),
            ),
            metadata=buyer,
        )
    seed = MarketSeed(
        project=project,
        provider=provider.provider.name,
        rater_token=rater_token,
        rater_org=f"orgs/{rater}",
        confirmed_order=placed[0],
        placed_order=placed[1],
        template="",
        seeded_ratings=SALES_AGENCIES,
    )
    if moto is None:
        return seed

    operator = _bearer(token("people/market-operator", TRIAL_ORG, roles))
    await cloud_acc_grpc.AccountServiceStub(channel).CreateProviderAccount(
        cloud_acc_pb.CreateProviderAccountRequest(
            account=cloud_res.ProviderAccount(
                provider="providers/aws", endpoint=moto.endpoint, default_region=REGION
            ),
            account_id="aws",
            credentials=keys(moto.keys[0]),
            request_id=str(uuid.uuid4()),
        ),
        metadata=operator,
    )
    clouds = cloud_cat_grpc.CatalogServiceStub(channel)
    await clouds.ImportOfferings(
        cloud_cat_pb.ImportOfferingsRequest(
            parent=TRIAL_ORG,
            format=cloud_res.PRICE_LIST_FORMAT_AWS_OFFER_FILE,
            content=excerpt("aws_ec2_offer.json"),
            exchange_rates=[USD],
        ),
        metadata=operator,
    )
    offerings = await clouds.ListOfferings(
        cloud_cat_pb.ListOfferingsRequest(
            parent=TRIAL_ORG, kind=cloud_res.OFFERING_KIND_INSTANCE, page_size=1000
        ),
        metadata=operator,
    )
    size = next(o for o in offerings.offerings if o.type == "m5.large" and o.region == REGION)
    template = await trial_grpc.TrialServiceStub(channel).CreateTrialTemplate(
        trial_pb.CreateTrialTemplateRequest(
            parent=project,
            trial_template=mres.TrialTemplate(
                offering=size.name,
                image="ami-03cf127a",  # one of the images moto serves in every region
                ports=[8080, 443],
                max_hours=8,
                budget_cap=money_pb2.Money(currency_code="TWD", amount_minor=100_000),
            ),
        ),
        metadata=b,
    )
    seed.template = template.trial_template.name

    # A GCP machine's template: the trial organisation lists GCP's offerings but holds no GCP
    # account, so the broker refuses every trial of it and the trial is FAILED with its problem.
    await clouds.ImportOfferings(
        cloud_cat_pb.ImportOfferingsRequest(
            parent=TRIAL_ORG,
            format=cloud_res.PRICE_LIST_FORMAT_GCP_SKU_LIST,
            content=excerpt("gcp_skus.json"),
            exchange_rates=[USD],
        ),
        metadata=operator,
    )
    offerings = await clouds.ListOfferings(
        cloud_cat_pb.ListOfferingsRequest(
            parent=TRIAL_ORG, kind=cloud_res.OFFERING_KIND_INSTANCE, page_size=1000
        ),
        metadata=operator,
    )
    gcp = next(o for o in offerings.offerings if o.type == "e2-standard-4" and o.region == "asia-east1")
    failing = await trial_grpc.TrialServiceStub(channel).CreateTrialTemplate(
        trial_pb.CreateTrialTemplateRequest(
            parent=project,
            trial_template=mres.TrialTemplate(
                offering=gcp.name,
                image="projects/debian-cloud/global/images/family/debian-12",
                ports=[8080],
                max_hours=4,
                budget_cap=money_pb2.Money(currency_code="TWD", amount_minor=100_000),
            ),
        ),
        metadata=b,
    )
    seed.failing_template = failing.trial_template.name
    trials = trial_grpc.TrialServiceStub(channel)
    rater_md = _bearer(rater_token)
    for _ in range(FAILED_TRIALS):
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await trials.StartTrial(
                trial_pb.StartTrialRequest(
                    trial=mres.Trial(template=seed.failing_template, hours=1), request_id=str(uuid.uuid4())
                ),
                metadata=rater_md,
            )
        assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION, refused.value
    listed = await trials.ListTrials(
        trial_pb.ListTrialsRequest(parent=f"orgs/{rater}", page_size=50), metadata=rater_md
    )
    seed.seeded_failed_trials = [t.name for t in listed.trials if t.state == mres.TRIAL_STATE_FAILED]
    assert len(seed.seeded_failed_trials) == FAILED_TRIALS, listed
    return seed


CLOUD_DATA = Path(__file__).resolve().parents[1] / "cloud" / "data" / "billing"
BUDGET = "雲端維運預算"


async def _seed_cloud_costs(channel: grpc.aio.Channel, metadata: tuple[tuple[str, str]]) -> None:
    """90 days of orgs/dev's costs as one FOCUS export (the committed backtest series) and a budget,
    so the cloud page has months, services, a forecast and a budget to show."""
    with open(CLOUD_DATA / "daily_costs_twd.csv") as f:
        series = list(csv.DictReader(f))[:90]
    header = (CLOUD_DATA / "focus_rows.csv").read_text().splitlines()[0]
    lines = [header]
    for row in series:
        day, cost = row["day"], row["effective_cost_twd"]
        lines.append(
            f"{cost},twcc-0001,,TWD,2026-01-01T00:00:00Z,2024-11-01T00:00:00Z,Usage,,"
            f",{day}T15:00:00Z,{day}T00:00:00Z,{cost},{cost},NCHC,{cost},1,Days,TWCC,TWCC,Compute,TWCC VCS,,"
        )
    billing = billing_grpc.BillingServiceStub(channel)
    await billing.ImportCostExport(
        billing_pb.ImportCostExportRequest(
            parent="orgs/dev",
            layout=billing_pb.COST_EXPORT_LAYOUT_FOCUS,
            content=("\n".join(lines) + "\n").encode(),
            request_id=str(uuid.uuid4()),
        ),
        metadata=metadata,
    )
    await billing.CreateBudget(
        billing_pb.CreateBudgetRequest(
            parent="orgs/dev",
            budget=cloud_res.Budget(display_name=BUDGET, monthly_amount_twd="500000", thresholds=[0.5, 0.9]),
            request_id=str(uuid.uuid4()),
        ),
        metadata=metadata,
    )


@asynccontextmanager
async def running_portal_mesh(
    own_database: str, work: Path, moto: MotoKeys | None = None
) -> AsyncIterator[Seeded]:
    """`jipan up` on `own_database`, seeded; without `moto` (bench/portal.py) no trial template."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIPAN_")}
    env.update(
        {
            "XDG_STATE_HOME": str(work / "state"),
            "JIPAN_DATA_DIR": str(work / "data"),
            "JIPAN_DATABASE_URL": own_database,
            "JIPAN_LISTEN": "127.0.0.1:0",
            "JIPAN_GATEWAY_PORT": str(port),
            "JIPAN_GATEWAY_STATIC_DIR": str(PORTAL / "dist"),
            "JIPAN_WEBAUTHN_RP_ID": "localhost",
            "JIPAN_WEBAUTHN_ORIGINS": f"http://localhost:{port}",
            "JIPAN_REVOCATION_REFRESH_S": "1",
            "JIPAN_LEDGER_BATCH_WINDOW_S": "0.05",
            "JIPAN_GRACE_PERIOD_S": "1",
            "JIPAN_TOKEN_ISSUER": ISSUER,
            "JIPAN_TOKEN_AUDIENCE": AUDIENCE,
            "JIPAN_INFERENCE_BUILTIN_MODELS": "false",
            "JIPAN_LOG_LEVEL": "warning",
        }
    )
    process = subprocess.Popen(
        exiting_with_parent([sys.executable, "-m", "jipan.servers.cli", "up"]),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output: list[str] = []

    def wait_ready() -> tuple[str, str] | None:
        assert process.stdout is not None
        for line in process.stdout:
            output.append(line)
            if match := READY.search(line):
                return match.group(1), match.group(2)
        return None

    try:
        ready = await asyncio.wait_for(asyncio.to_thread(wait_ready), 180)
        assert ready, "jipan up never became ready (or printed no gateway):\n" + "".join(output[-60:])

        def drain() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                output.append(line)

        threading.Thread(target=drain, daemon=True).start()
        # WebAuthn on plain http needs the `localhost` origin identity was told about.
        base_url = f"http://localhost:{port}"
        seeded = await _seed(ready[0], base_url, work / "data", work, moto)
        seeded.output = output
        yield seeded
    finally:
        process.terminate()
        try:
            await asyncio.to_thread(process.wait, 30)
        except subprocess.TimeoutExpired:
            process.kill()
            await asyncio.to_thread(process.wait)


def _output_dir(tmp_path: Path) -> Path:
    chosen = os.environ.get("JIPAN_PORTAL_TEST_OUT")
    out = Path(chosen) if chosen else tmp_path / "portal-browser"
    out.mkdir(parents=True, exist_ok=True)
    return out


def _steps(results: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {step["name"]: step for step in results["steps"]}


async def test_the_portals_flows_in_chromium(database_url: str, tmp_path: Path, aws: MotoKeys) -> None:
    out = _output_dir(tmp_path)
    unknown_file = tmp_path / "not-anchored.txt"
    unknown_file.write_bytes(os.urandom(64))
    async with (
        fresh_database(database_url, "jipan_portal") as own_database,
        running_portal_mesh(own_database, tmp_path / "mesh", aws) as mesh,
    ):
        # The market's sales view publishes closed months only, released a week after they end
        # (JIPAN_PROCUREMENT_ANALYTICS_RELEASE_LAG_DAYS): the seeded orders are moved 40 days back,
        # into a month that is always released, before anything reads that view.
        conn = await asyncpg.connect(own_database)
        try:
            await conn.execute("UPDATE procurement.orders SET create_time = create_time - interval '40 days'")
        finally:
            await conn.close()
        config = {
            "base_url": mesh.base_url,
            "chromium": CHROMIUM,
            "out_dir": str(out),
            "user_name": f"citizen-{uuid.uuid4().hex[:8]}",
            "staff_token": mesh.staff_token,
            "app_token": mesh.app_token,
            "consent_client": mesh.app,
            "consent_scope": "procurement.read",
            "consent_probe": {
                "method": "jipan.procurement.v1.CatalogService/SearchListings",
                "body": {"query": QUERY},
            },
            "query": QUERY,
            "software_lot": mesh.software_lot,
            "sbom_file": str(FIXTURES / "sbom-1.5-log4j.cdx.json"),
            "tender": mesh.tender,
            "anchored_file": str(mesh.anchored_file),
            "unknown_file": str(unknown_file),
            "market_query": "jinja2",
            "rater_token": mesh.market.rater_token,
            "provider": mesh.market.provider,
            "confirmed_order": mesh.market.confirmed_order,
            "placed_order": mesh.market.placed_order,
            "trial_template": mesh.market.template,
            "failing_template": mesh.market.failing_template,
            "organization": "orgs/dev",
            "organization_roles": list(MEMBER_ROLES),
            "factcheck": {"query": "鹽水", "voted_query": "泡麵", "farm_url": mesh.fact_checks.farm_url},
        }
        config_file = tmp_path / "config.json"
        config_file.write_text(json.dumps(config))
        done = await asyncio.to_thread(
            subprocess.run,
            [str(NODE), str(PORTAL / "test" / "browser.mjs"), str(config_file)],
            capture_output=True,
            text=True,
            timeout=420,
            cwd=PORTAL,
        )
        log = done.stdout + done.stderr
        (out / "browser.log").write_text(log)
        assert done.returncode == 0, log
        results = json.loads((out / "results.json").read_text())
        steps = _steps(results)
        assert "exception" not in steps, log
        assert "pageerror" not in steps, log

        # Keyboard: skip link first, then focus on the content; a menu link focuses the new page's heading.
        assert steps["keyboard"]["firstTab"] == "skip", steps["keyboard"]
        assert steps["keyboard"]["afterSkip"] == "main", steps["keyboard"]
        assert steps["keyboard"]["focusAfterNavigation"] == "H1", steps["keyboard"]

        # Passkeys: created on the virtual authenticator as a discoverable credential, then used.
        assert steps["register"]["state"] == "ok", steps["register"]
        assert steps["authenticator"] == {"name": "authenticator", "credentials": 1, "resident": 1}
        assert steps["sign-in"]["state"] == "ok", steps["sign-in"]
        assert "passkey-renamed" in steps

        # Consent: the app's token works, then is refused after the one-click revocation.
        before = steps["consent-token-before"]
        assert (before["issued"], before["status"]) == (200, 200), before
        assert steps["revoke"]["state"] == "ok"
        after = steps["consent-token-after"]
        assert after["status"] == 401, after
        assert after["code"] == "unauthenticated", after
        assert after["reason"] in ("CONSENT_REVOKED", "TOKEN_REVOKED"), after

        # The person signed in with the passkey for orgs/dev, after its admin granted the roles
        # through identity's CreateMembership: the token names the organisation and those roles.
        org_sign_in = steps["org-sign-in"]
        assert org_sign_in["granted"] == 200, org_sign_in
        assert org_sign_in["state"] == "ok", org_sign_in
        assert org_sign_in["sub"] == org_sign_in["person"], org_sign_in
        assert org_sign_in["org"] == "orgs/dev", org_sign_in
        assert sorted(org_sign_in["roles"]) == sorted(MEMBER_ROLES), org_sign_in
        assert "token-sign-in" not in steps  # no development token pasted for the procurement pages

        # Chinese search finds exactly the three seeded listings.
        assert steps["search"]["state"] == "ok"
        assert sorted(steps["search-hits"]["hits"]) == sorted(f"{QUERY} CloudVault {n}" for n in (1, 2, 3))
        assert steps["listing"]["receipt"].startswith("receipts/"), steps["listing"]

        # An order placed from the listing page goes through its whole lifecycle in the page.
        assert steps["order"]["state"] == "ok", steps["order"]
        assert steps["order-lifecycle"]["steps"] == [
            "confirmOrder",
            "deliverOrder",
            "acceptOrder",
            "payOrder",
        ]
        assert steps["order-lifecycle"]["state"] == "PAID", steps["order-lifecycle"]

        # Sales charts: the market view (k-anonymised: the person is a buyer, not an operator)
        # publishes the listing six agencies bought; its category bar carries the same total as the
        # k-anonymised AggregateSales over gRPC; TWD is "NT$" in both languages.
        async with grpc.aio.insecure_channel(mesh.address) as channel:
            by_category = await apb_grpc.AnalyticsServiceStub(channel).AggregateSales(
                apb.AggregateSalesRequest(parent="market", dimension=apb.SALES_DIMENSION_CATEGORY),
                metadata=_bearer(mesh.market.rater_token),
            )
        published = [c for c in by_category.cells if not c.suppressed]
        assert published, by_category
        cloud_total = next(
            c.figures.total.amount_minor for c in published if c.category == pres.CATEGORY_CLOUD_SERVICES
        )
        sales = {group["group"]: group for group in steps["sales"]["zh"]}
        sales_en = {group["group"]: group for group in steps["sales"]["en"]}
        assert {"label": "雲端服務", "display": f"NT${cloud_total:,}"} in sales["byCategory"]["bars"], sales
        assert {"label": "Cloud services", "display": f"NT${cloud_total:,}"} in sales_en["byCategory"]["bars"]
        assert len(sales["byMonth"]["bars"]) >= 1, sales
        every_display = [b["display"] for g in (*sales.values(), *sales_en.values()) for b in g["bars"]]
        assert every_display, sales
        assert all(d.startswith("NT$") for d in every_display), every_display
        # Switching language re-renders the page in place: a half-filled form keeps its input.
        # ... and a status line already shown (the order placed) is shown again in the new language.
        switched = steps["language-keeps-input"]
        typed = "typed before switching"
        assert (switched["en"], switched["zh"]) == (typed, typed), switched
        assert switched["orderedEn"].startswith("Ordered: agencies/dev/orders/"), switched
        assert switched["orderedZh"].startswith("已下單: agencies/dev/orders/"), switched

        # The listing submitted with the log4j SBOM shows the advisory as a finding, with a receipt.
        assert steps["submit-listing"]["state"] == "ok", steps["submit-listing"]
        assert any(LOG4SHELL in row for row in steps["findings"]["findings"]), steps["findings"]
        assert steps["findings"]["receipt"].startswith("receipts/"), steps["findings"]

        # The bid sealed in Chromium is stored sealed and opens with the committee's private keys.
        assert steps["bid"]["state"] == "ok", steps["bid"]
        commitment_hex = re.search(r"[0-9a-f]{64}", steps["bid"]["text"])
        assert commitment_hex, steps["bid"]
        async with grpc.aio.insecure_channel(mesh.address) as channel:
            tenders = tspb_grpc.TenderServiceStub(channel)
            bids = await tenders.ListBids(
                tspb.ListBidsRequest(parent=mesh.tender), metadata=_bearer(mesh.staff_token)
            )
            assert len(bids.bids) == 1, bids
            bid = bids.bids[0]
            assert bid.commitment.hex() == commitment_hex.group(0)
            assert not bid.sealed_by_server
            sealed_bytes = await tenders.GetSealedBid(
                tspb.GetSealedBidRequest(name=bid.name), metadata=_bearer(mesh.staff_token)
            )
        sealed = sealing.SealedBid.from_bytes(sealed_bytes.sealed_bid)
        assert sealed.bidder == "vendors/dev"
        assert sealed.tender == mesh.tender
        shares = [sealing.unseal_share(sealed, member, private) for member, private in mesh.committee]
        content = tpb.BidContent.FromString(
            sealing.open_bid(sealed, shares, expected_commitment=bid.commitment)
        )
        assert content.price.amount_minor == BID_PRICE
        assert list(content.lot_ids) == ["lot-1"]
        assert content.proposal == "技術建議書：24 小時監控"

        # The file's digest, computed in the browser, is found on the chain; an unknown file is not.
        assert steps["verify-anchored"]["state"] == "ok", steps["verify-anchored"]
        assert (
            steps["verify-anchored"]["digest"] == hashlib.sha256(mesh.anchored_file.read_bytes()).hexdigest()
        )
        assert steps["verify-unknown"]["reason"] == "NOT_ANCHORED", steps["verify-unknown"]

        # The consortium seeded through GovernanceService is shown: its members (legal names),
        # its active node, and every proposal with its votes, the open one at one vote of two.
        consortium = steps["consortium"]
        assert [m["name"] for m in consortium["members"]] == mesh.consortium.members, consortium
        assert len(mesh.consortium.members) == 3
        assert any("中央研究院" in m["text"] for m in consortium["members"]), consortium
        assert consortium["nodes"] == mesh.consortium.nodes, consortium
        assert len(consortium["nodes"]) == 1, consortium
        shown = {p["name"]: (p["state"], p["votes"]) for p in consortium["proposals"]}
        assert shown == {
            name: (state, f"{votes}/{required}")
            for name, (state, votes, required) in mesh.consortium.proposals.items()
        }, consortium
        assert sorted(state for state, _ in shown.values()) == ["EXECUTED", "EXECUTED", "EXECUTED", "OPEN"]
        assert any("members/cht" in p["voters"] for p in consortium["proposals"]), consortium

        # Marketplace: the imported project is found, its page shows its badges, a question is asked.
        assert steps["market-search"]["hits"] == ["Jinja2"], steps["market-search"]
        assert steps["market-project"]["heading"] == "Jinja2", steps["market-project"]
        assert steps["market-question"]["state"] == "ok", steps["market-question"]

        # Ratings: the provider offering the project is shown with its ratings; the rater agency's
        # merely placed order is refused (PURCHASE_NOT_VERIFIED), its confirmed order rates it, and
        # the rating is then listed with its stars and the aggregate counts it.
        rate = steps["market-rate"]
        assert rate["provider"] == mesh.market.provider, rate
        assert rate["orders"] == sorted([mesh.market.confirmed_order, mesh.market.placed_order]), rate
        assert rate["refused"]["state"] == "error", rate
        assert rate["refused"]["reason"] == "PURCHASE_NOT_VERIFIED", rate
        assert rate["refused"]["text"].startswith("無法評價："), rate  # explained in Chinese first
        assert rate["rated"]["state"] == "ok", rate
        # Six ratings (five seeded agencies and this one), five a page: next shows the sixth,
        # previous shows the first page again.
        first, second, back = rate["pages"]
        assert (first["page"], second["page"], back["page"]) == ("1", "2", "1"), rate
        assert (len(first["rows"]), len(second["rows"])) == (RATINGS_PAGE, 1), rate
        assert back["rows"] == first["rows"], rate
        every_rating = first["rows"] + second["rows"]
        assert len({r["name"] for r in every_rating}) == mesh.market.seeded_ratings + 1, rate
        assert {"stars": "4", "review": "導入順利，回應快速"} in [
            {"stars": r["stars"], "review": r["review"]} for r in every_rating
        ], rate
        assert rate["summary_count"] == str(mesh.market.seeded_ratings + 1), rate
        async with grpc.aio.insecure_channel(mesh.address) as channel:
            listed = await rating_grpc.RatingServiceStub(channel).ListRatings(
                rating_pb.ListRatingsRequest(parent=mesh.market.provider),
                metadata=_bearer(mesh.market.rater_token),
            )
        assert [
            (r.stars, r.review)
            for r in listed.ratings
            if r.agency == mesh.market.rater_org.replace("orgs/", "agencies/")
        ] == [(4, "導入順利，回應快速")]
        assert listed.summary.count == mesh.market.seeded_ratings + 1

        # Trials: the template listed, a trial started in the page reaches RUNNING on moto's EC2 with
        # its endpoint shown, is ended from the page and shows ENDED; the organisation's list has it.
        trial = steps["market-trial"]
        assert sorted(trial["templates"]) == sorted([mesh.market.template, mesh.market.failing_template]), (
            trial
        )
        assert trial["started"]["state"] == "ok", trial
        assert trial["states"][0] in ("PROVISIONING", "RUNNING"), trial
        assert "RUNNING" in trial["states"], trial
        assert trial["endpoint"].startswith(f"providers/aws/regions/{REGION}/instances/"), trial
        assert trial["final"] == "ENDED", trial
        # The list reloaded itself (no refresh click): newest first, so the trial leads page one.
        assert trial["listed"][0] == trial["trial"], trial
        assert trial["listed_states"][0] == "ENDED", trial
        assert {"Providers offering services", "Agency ratings", "Trial plans"} <= set(
            steps["market-en"]["headings"]
        ), steps["market-en"]
        async with grpc.aio.insecure_channel(mesh.address) as channel:
            got = await trial_grpc.TrialServiceStub(channel).GetTrial(
                trial_pb.GetTrialRequest(name=trial["trial"]), metadata=_bearer(mesh.market.rater_token)
            )
        assert got.trial.state in (mres.TRIAL_STATE_ENDING, mres.TRIAL_STATE_ENDED), got
        assert got.trial.template == mesh.market.template

        # The trial the broker refuses: the start explains it (the trial organisation has no GCP
        # account) and the organisation's list shows it FAILED with the broker's problem.
        failed = steps["market-trial-failed"]
        assert failed["started"]["state"] == "error", failed
        assert failed["started"]["reason"] == "TRIALS_NOT_CONFIGURED", failed
        assert failed["started"]["text"].startswith("此試用方案的雲端尚未設定帳號"), failed
        card = failed["card"]
        assert card, failed
        assert card["state"] == "FAILED", failed
        assert "providers/gcp" in card["problem"], failed
        async with grpc.aio.insecure_channel(mesh.address) as channel:
            stored = await trial_grpc.TrialServiceStub(channel).GetTrial(
                trial_pb.GetTrialRequest(name=card["trial"]), metadata=_bearer(mesh.market.rater_token)
            )
        assert stored.trial.state == mres.TRIAL_STATE_FAILED, stored.trial
        assert stored.trial.template == mesh.market.failing_template, stored.trial
        assert stored.trial.problem, stored.trial
        assert stored.trial.problem in card["problem"], (stored.trial, card)
        # Six trials (four seeded failures, the ended one, this one), five a page, newest first.
        first, second, back = failed["pages"]
        assert (first["page"], second["page"], back["page"]) == ("1", "2", "1"), failed
        assert [r["trial"] for r in first["rows"][:2]] == [card["trial"], trial["trial"]], failed
        assert (len(first["rows"]), len(second["rows"])) == (TRIALS_PAGE, 1), failed
        assert back["rows"] == first["rows"], failed
        assert {r["trial"] for r in first["rows"] + second["rows"]} >= set(mesh.market.seeded_failed_trials)

        # Cloud costs of the seeded bill: months and services charted, the forecast with its band,
        # the budget listed; no panel in error.
        cloud = steps["cloud"]
        assert all(state in ("ok:", "idle:") for state in cloud["states"]), cloud
        assert cloud["charts"] >= 3, cloud
        assert cloud["bars"] >= 4, cloud
        assert BUDGET in cloud["budgets"], cloud

        # The Content-Security-Policy: sent with the page, strict, and nothing on any page broke it
        # (no securitypolicyviolation event, no console line about it).
        policy = results["headers"]["index"]["content-security-policy"]
        assert "script-src 'self'" in policy, policy
        assert "unsafe" not in policy, policy
        assert "connect-src 'self'" in policy, policy
        assert results["csp"] == [], results["csp"]

        # axe: no serious or critical WCAG 2.1 A/AA violation on any page.
        serious = {
            page: [v for v in found if v["impact"] in ("serious", "critical")]
            for page, found in results["axe"].items()
        }
        # Fact-checks, read with no session: every published one a page at a time (never the
        # withdrawn one), a search, one as ClaimReview, a language filter, a link's source.
        seeded_facts = mesh.fact_checks
        fact = steps["factcheck"]
        first_page, second_page = fact["pages"]
        assert (first_page["page"], second_page["page"]) == ("1", "2"), fact["pages"]
        assert len(first_page["rows"]) == FACTCHECK_PAGE, fact["pages"]
        listed_facts = [row["name"] for row in first_page["rows"] + second_page["rows"]]
        assert len(set(listed_facts)) == len(listed_facts) == seeded_facts.published, listed_facts
        assert seeded_facts.withdrawn not in listed_facts
        assert [row["name"] for row in fact["bySalt"]] == [seeded_facts.salt], fact["bySalt"]
        assert fact["bySalt"][0]["verdict"] == "FALSE"
        assert fact["claimReview"]["@type"] == "ClaimReview", fact["claimReview"]
        assert fact["claimReview"]["claimReviewed"] == SALT_CLAIM
        assert fact["claimReview"]["reviewRating"]["alternateName"] == "錯誤"
        assert fact["explanation"].startswith("疾管署澄清"), fact
        assert [row["name"] for row in fact["byVotes"]] == [seeded_facts.voted], fact["byVotes"]
        assert fact["votes"] is not None, fact
        assert (fact["votes"]["helpful"], fact["votes"]["unhelpful"]) == tuple(map(str, VOTED)), fact["votes"]
        assert fact["votes"]["text"] == "Cofacts 讀者：1,234 人認為有幫助，5 人認為沒有", fact["votes"]
        assert sorted(row["name"] for row in fact["inEnglish"]) == sorted(seeded_facts.english), fact[
            "inEnglish"
        ]
        assert {row["lang"] for row in fact["inEnglish"]} == {"en"}
        assert fact["farm"]["state"] == "ok", fact["farm"]
        assert (fact["farm"]["host"], fact["farm"]["credibility"]) == ("content-farm.example", ["FABRICATED"])
        assert (fact["shortener"]["state"], fact["shortener"]["shortener"]) == ("ok", "true"), fact[
            "shortener"
        ]
        assert fact["english"]["heading"] == "Fact-checks", fact["english"]
        assert set(fact["english"]["verdicts"]) == {"Misleading", "False", "True"}, fact["english"]
        assert fact["english"]["outcome"] == "No assessment of this source is on record.", fact["english"]

        assert set(results["axe"]) >= {
            "factcheck",
            "factcheck-link",
            "factcheck-en",
            "home",
            "passport",
            "procurement",
            "chain",
            "market",
            "market-rated",
            "market-trial",
            "market-en",
            "market-trial-failed",
            "procurement-en",
            "cloud",
        }
        assert not any(serious.values()), serious

        # Every page's first load: interactive, its JavaScript within budget (bench/portal.py records).
        # Its JavaScript came pre-compressed (brotli: Chromium asks for it on http://localhost).
        for page, perf in results["perf"].items():
            assert perf["interactive_ms"] is not None, (page, perf)
            assert perf["js_gzip_bytes"] <= 300 * 1024, (page, perf)
            assert perf["js_encodings"] == ["br"], (page, perf)
            assert perf["js_transfer_bytes"] < perf["js_bytes"] / 2, (page, perf)
        assert len(results["screenshots"]) >= 8
