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
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.clients import sealing
from jipan.cloud.v1 import billing_service_pb2 as billing_pb
from jipan.cloud.v1 import billing_service_pb2_grpc as billing_grpc
from jipan.cloud.v1 import resources_pb2 as cloud_res
from jipan.common.v1 import money_pb2
from jipan.identity.v1 import resources_pb2 as ires
from jipan.identity.v1 import service_account_service_pb2 as sa_pb
from jipan.identity.v1 import service_account_service_pb2_grpc as sa_grpc
from jipan.interceptors.tokens import DevSigningKey, mint_access_token
from jipan.ledger.v1 import ledger_service_pb2 as lpb
from jipan.ledger.v1 import ledger_service_pb2_grpc as lpb_grpc
from jipan.ledger.v1 import resources_pb2 as lres
from jipan.market.v1 import project_service_pb2 as mpb
from jipan.market.v1 import project_service_pb2_grpc as mpb_grpc
from jipan.market.v1 import resources_pb2 as mres
from jipan.procurement.v1 import catalog_service_pb2 as cpb
from jipan.procurement.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.procurement.v1 import resources_pb2 as pres
from jipan.procurement.v1 import review_service_pb2 as rpb
from jipan.procurement.v1 import review_service_pb2_grpc as rpb_grpc
from jipan.procurement.v1 import tender_pb2 as tpb
from jipan.procurement.v1 import tender_service_pb2 as tspb
from jipan.procurement.v1 import tender_service_pb2_grpc as tspb_grpc
from tests.conftest import fresh_database
from tests.descriptor_walk import all_grants, registered_methods
from tests.procurement.helpers import good_sla, software_listing
from tests.subprocess_mesh import _terminate_with_parent

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


async def _seed(address: str, base_url: str, data_dir: Path, work: Path) -> Seeded:
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

        await mpb_grpc.ProjectServiceStub(channel).ImportProject(
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
    )


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
async def running_portal_mesh(own_database: str, work: Path) -> AsyncIterator[Seeded]:
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
        [sys.executable, "-m", "jipan.servers.cli", "up"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=_terminate_with_parent,
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
        seeded = await _seed(ready[0], base_url, work / "data", work)
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


async def test_the_portals_flows_in_chromium(database_url: str, tmp_path: Path) -> None:
    out = _output_dir(tmp_path)
    unknown_file = tmp_path / "not-anchored.txt"
    unknown_file.write_bytes(os.urandom(64))
    async with (
        fresh_database(database_url, "jipan_portal") as own_database,
        running_portal_mesh(own_database, tmp_path / "mesh") as mesh,
    ):
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

        # Marketplace: the imported project is found, its page shows its badges, a question is asked.
        assert steps["market-search"]["hits"] == ["Jinja2"], steps["market-search"]
        assert steps["market-project"]["heading"] == "Jinja2", steps["market-project"]
        assert steps["market-question"]["state"] == "ok", steps["market-question"]

        # Cloud costs of the seeded bill: months and services charted, the forecast with its band,
        # the budget listed; no panel in error.
        cloud = steps["cloud"]
        assert all(state in ("ok:", "idle:") for state in cloud["states"]), cloud
        assert cloud["charts"] >= 3, cloud
        assert cloud["bars"] >= 4, cloud
        assert BUDGET in cloud["budgets"], cloud

        # axe: no serious or critical WCAG 2.1 A/AA violation on any page.
        serious = {
            page: [v for v in found if v["impact"] in ("serious", "critical")]
            for page, found in results["axe"].items()
        }
        assert set(results["axe"]) >= {"home", "passport", "procurement", "chain", "market", "cloud"}
        assert not any(serious.values()), serious

        # Every page's first load: interactive, its JavaScript within budget (bench/portal.py records).
        for page, perf in results["perf"].items():
            assert perf["interactive_ms"] is not None, (page, perf)
            assert perf["js_gzip_bytes"] <= 300 * 1024, (page, perf)
        assert len(results["screenshots"]) >= 8
