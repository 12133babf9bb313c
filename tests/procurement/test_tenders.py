"""Sealed-bid e-tendering end to end: bids sealed on the vendor's side (clients/sealing.py) to a
3-member committee with threshold 2, commitments anchored on the in-process chain through the
ledger's contract; the test reads the database and the object store directly to find no plaintext
before opening."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.clients import error_details, sealing
from jipan.common.v1 import money_pb2
from jipan.procurement.v1 import tender_pb2 as tpb
from jipan.procurement.v1 import tender_service_pb2 as spb
from jipan.procurement.v1 import tender_service_pb2_grpc as spb_grpc
from jipan.servers.procurement import ocds
from jipan.servers.procurement.tender_store import TenderStore
from jipan.servers.procurement.tenders import Tenders
from tests.mesh import RunningServer
from tests.procurement.helpers import READ_WRITE, expect_error, procurement_server, unique

WINDOW_S = 4.0  # long enough for the submissions on a loaded CI machine


@dataclass
class Party:
    stub: spb_grpc.TenderServiceAsyncStub
    metadata: tuple[tuple[str, str], ...]
    org: str
    subject: str


@dataclass
class Member:
    party: Party
    private_key: bytes
    public_key: bytes


@pytest.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with procurement_server(database_url, tmp_path_factory.mktemp("procurement-tenders")) as running:
        yield running


def party(
    server: RunningServer, channel: grpc.aio.Channel, org: str, roles: tuple[str, ...], subject: str = ""
) -> Party:
    subject = subject or f"people/{unique('p')}"
    metadata = server.metadata(subject=subject, scopes=READ_WRITE, org=f"orgs/{org}", roles=roles)
    return Party(spb_grpc.TenderServiceStub(channel), metadata, org, subject)


def stamp(moment: datetime) -> Timestamp:
    value = Timestamp()
    value.FromDatetime(moment)
    return value


def twd(amount: int) -> money_pb2.Money:
    return money_pb2.Money(currency_code="TWD", amount_minor=amount)


def committee(server: RunningServer, channel: grpc.aio.Channel, size: int = 3) -> list[Member]:
    members = []
    for _ in range(size):
        private_key, public_key = sealing.generate_member_key()
        members.append(Member(party(server, channel, "agency-committee", ()), private_key, public_key))
    return members


def tender_message(
    members: list[Member],
    *,
    deadline: datetime,
    method: tpb.AwardMethod.ValueType = tpb.AWARD_METHOD_LOWEST_PRICE,
) -> tpb.Tender:
    tender = tpb.Tender(
        title="113年度 雲端資安監控服務 SOC monitoring",
        description="24x7 monitoring of agency systems",
        lots=[tpb.TenderLot(id="lot-1", title="監控 monitoring", budget=twd(5_000_000))],
        award_method=method,
        bid_deadline=stamp(deadline),
        opening_time=stamp(deadline),
        committee=[tpb.CommitteeMember(member=m.party.subject, public_key=m.public_key) for m in members],
        threshold=2,
    )
    if method == tpb.AWARD_METHOD_MOST_ADVANTAGEOUS:
        tender.criteria.extend(
            [
                tpb.Criterion(id="tech", name="技術 technical", weight_percent=70),
                tpb.Criterion(id="price", name="價格 price", weight_percent=30),
            ]
        )
    return tender


async def award_tender(
    agency: Party, tender: tpb.Tender, contract_number: str, *, days: int = 365
) -> spb.AwardTenderResponse:
    """Awards `tender` for a contract from 2027-01-01 that lasts `days`."""
    start = datetime(2027, 1, 1, tzinfo=UTC)
    response: spb.AwardTenderResponse = await agency.stub.AwardTender(
        spb.AwardTenderRequest(
            name=tender.name,
            contract_number=contract_number,
            contract_start_time=stamp(start),
            contract_end_time=stamp(start + timedelta(days=days)),
        ),
        metadata=agency.metadata,
    )
    return response


async def create_tender(agency: Party, tender: tpb.Tender) -> tpb.Tender:
    response = await agency.stub.CreateTender(
        spb.CreateTenderRequest(parent=f"agencies/{agency.org}", tender=tender), metadata=agency.metadata
    )
    return response.tender


def seal(
    tender: tpb.Tender,
    vendor: Party,
    members: list[Member],
    price: int,
    proposal: str,
    registration_number: str = "",
) -> tuple[str, bytes]:
    bid_id = str(uuid.uuid4())
    content = tpb.BidContent(
        lot_ids=["lot-1"], price=twd(price), proposal=proposal, registration_number=registration_number
    )
    sealed = sealing.seal_bid(
        content.SerializeToString(),
        tender=tender.name,
        bidder=f"vendors/{vendor.org}",
        bid_id=bid_id,
        members=[(m.party.subject, m.public_key) for m in members],
        threshold=tender.threshold,
    )
    return bid_id, sealed.to_bytes()


async def submit(vendor: Party, tender: tpb.Tender, bid_id: str, sealed: bytes) -> tpb.Bid:
    response = await vendor.stub.SubmitBid(
        spb.SubmitBidRequest(parent=tender.name, bid_id=bid_id, sealed_bid=sealed), metadata=vendor.metadata
    )
    return response.bid


async def release(member: Member, tender: tpb.Tender, bids: list[tuple[str, bytes]]) -> int:
    """The member fetches each sealed bid from the server (GetSealedBid), unseals its own
    share with its private key and releases it; the bytes the vendor sealed must match."""
    shares = []
    for name, sealed_bytes in bids:
        fetched = await member.party.stub.GetSealedBid(
            spb.GetSealedBidRequest(name=name), metadata=member.party.metadata
        )
        assert fetched.sealed_bid == sealed_bytes
        share = sealing.unseal_share(
            sealing.SealedBid.from_bytes(fetched.sealed_bid), member.party.subject, member.private_key
        )
        shares.append(spb.ShareRelease(bid=name, share=share.to_bytes()))
    response = await member.party.stub.ReleaseShares(
        spb.ReleaseSharesRequest(parent=tender.name, shares=shares), metadata=member.party.metadata
    )
    return response.recorded


async def wait_until(moment: datetime) -> None:
    await asyncio.sleep(max((moment - datetime.now(UTC)).total_seconds() + 0.3, 0))


async def test_sealed_tender_from_bid_to_contract(server: RunningServer, channel: grpc.aio.Channel) -> None:
    agency = party(server, channel, unique("agency"), ("procurement-buyer",))
    vendor_a = party(server, channel, unique("vendor"), ("procurement-vendor",))
    vendor_b = party(server, channel, unique("vendor"), ("procurement-vendor",))
    members = committee(server, channel)
    deadline = datetime.now(UTC) + timedelta(seconds=WINDOW_S)
    tender = await create_tender(agency, tender_message(members, deadline=deadline))
    assert tender.state == tpb.TENDER_STATE_OPEN

    marker_a, marker_b = f"PROPOSAL-A-{uuid.uuid4().hex}", f"PROPOSAL-B-{uuid.uuid4().hex}"
    id_a, sealed_a = seal(tender, vendor_a, members, 4_200_000, marker_a)
    id_b, sealed_b = seal(tender, vendor_b, members, 4_500_000, marker_b)
    bid_a = await submit(vendor_a, tender, id_a, sealed_a)
    bid_b = await submit(vendor_b, tender, id_b, sealed_b)
    assert bid_a.state == tpb.BID_STATE_SEALED
    assert bid_a.commitment == sealing.commitment(sealed_a)
    assert bid_a.ledger_receipt.startswith("receipts/")
    assert (await submit(vendor_a, tender, id_a, sealed_a)).name == bid_a.name  # a retry is idempotent

    # A second bid of vendor B, withdrawn before the deadline.
    id_w, sealed_w = seal(tender, vendor_b, members, 1, "withdrawn")
    withdrawn = await submit(vendor_b, tender, id_w, sealed_w)
    gone = await vendor_b.stub.WithdrawBid(
        spb.WithdrawBidRequest(name=withdrawn.name), metadata=vendor_b.metadata
    )
    assert gone.bid.state == tpb.BID_STATE_WITHDRAWN

    # A sealed bid addressed to another bidder or committee is refused.
    _, forged = seal(tender, vendor_b, members[:2], 1, "x")
    await expect_error(
        submit(vendor_b, tender, str(uuid.uuid4()), forged),
        grpc.StatusCode.INVALID_ARGUMENT,
        "SEALED_BID_INVALID",
    )
    await expect_error(
        submit(vendor_a, tender, id_b, sealed_b), grpc.StatusCode.INVALID_ARGUMENT, "SEALED_BID_INVALID"
    )

    # Vendor A sees only its own bid.
    mine = await vendor_a.stub.ListBids(spb.ListBidsRequest(parent=tender.name), metadata=vendor_a.metadata)
    assert [b.name for b in mine.bids] == [bid_a.name]

    # Before opening: nothing in PostgreSQL or the object store holds either bid's content.
    async with server.runtime.database.acquire() as conn:
        rows = []
        for table in ("bids", "bid_shares", "tender_events", "tenders"):
            rows += await conn.fetch(f"SELECT * FROM procurement.{table}")
    dump = "\n".join(str(dict(row)) for row in rows)
    infos, _ = await server.runtime.objects.list(f"procurement/tenders/{agency.org}/")
    stored = [await server.runtime.objects.get(info.key) for info in infos]
    assert len(stored) == 3
    for marker in (marker_a, marker_b):
        assert marker not in dump
        assert all(marker.encode() not in blob for blob in stored)
    assert sealed_a in stored  # exactly the sealed bytes, nothing else

    await expect_error(
        release(members[0], tender, [(bid_a.name, sealed_a)]),
        grpc.StatusCode.FAILED_PRECONDITION,
        "OPENING_NOT_YET",
    )
    await wait_until(deadline)
    id_late, sealed_late = seal(tender, vendor_a, members, 1, "late")
    await expect_error(
        submit(vendor_a, tender, id_late, sealed_late),
        grpc.StatusCode.FAILED_PRECONDITION,
        "BID_DEADLINE_PASSED",
    )
    await expect_error(
        vendor_a.stub.WithdrawBid(spb.WithdrawBidRequest(name=bid_a.name), metadata=vendor_a.metadata),
        grpc.StatusCode.FAILED_PRECONDITION,
        "BID_DEADLINE_PASSED",
    )

    # An outsider cannot release shares; a member cannot release another member's share.
    stolen = sealing.unseal_share(
        sealing.SealedBid.from_bytes(sealed_a), members[0].party.subject, members[0].private_key
    )
    stolen_release = spb.ReleaseSharesRequest(
        parent=tender.name, shares=[spb.ShareRelease(bid=bid_a.name, share=stolen.to_bytes())]
    )
    outsider = party(server, channel, "agency-committee", ())
    await expect_error(
        outsider.stub.ReleaseShares(stolen_release, metadata=outsider.metadata),
        grpc.StatusCode.PERMISSION_DENIED,
        "NOT_COMMITTEE_MEMBER",
    )
    await expect_error(
        members[1].party.stub.ReleaseShares(stolen_release, metadata=members[1].party.metadata),
        grpc.StatusCode.INVALID_ARGUMENT,
        "SHARE_INVALID",
    )

    # One member is not enough.
    both = [(bid_a.name, sealed_a), (bid_b.name, sealed_b)]
    assert await release(members[0], tender, both) == 2
    assert await release(members[0], tender, both) == 0  # released again: counted once
    first = await agency.stub.OpenBids(spb.OpenBidsRequest(name=tender.name), metadata=agency.metadata)
    assert not first.opened
    assert sorted(first.pending) == sorted([bid_a.name, bid_b.name])

    assert await release(members[2], tender, both) == 2
    opened = await agency.stub.OpenBids(spb.OpenBidsRequest(name=tender.name), metadata=agency.metadata)
    assert not opened.pending
    contents = {b.name: b.content for b in opened.opened}
    assert contents[bid_a.name].proposal == marker_a
    assert contents[bid_b.name].price.amount_minor == 4_500_000

    for bid in (bid_a, bid_b):
        await agency.stub.QualifyBid(
            spb.QualifyBidRequest(name=bid.name, qualified=True), metadata=agency.metadata
        )
    await expect_error(
        agency.stub.QualifyBid(
            spb.QualifyBidRequest(name=bid_b.name, qualified=False), metadata=agency.metadata
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "TENDER_INVALID",
    )
    awarded = await award_tender(agency, tender, "LP5-113-001")
    assert awarded.tender.state == tpb.TENDER_STATE_AWARDED
    assert awarded.tender.award.bid == bid_a.name  # lowest price
    assert awarded.tender.award.value.amount_minor == 4_200_000

    events = await agency.stub.ListTenderEvents(
        spb.ListTenderEventsRequest(parent=tender.name), metadata=agency.metadata
    )
    kinds = [e.kind for e in events.events]
    assert kinds[0] == "TENDER_CREATED"
    assert kinds[-1] == "TENDER_AWARDED"
    assert kinds.count("BID_SUBMITTED") == 3
    assert kinds.count("BID_WITHDRAWN") == 1
    assert kinds.count("SHARE_RELEASED") == 4
    assert kinds.count("BID_OPENED") == 2

    exported = await vendor_b.stub.ExportTenderRelease(
        spb.ExportTenderReleaseRequest(name=tender.name), metadata=vendor_b.metadata
    )
    package = json.loads(exported.release_package_json)
    assert ocds.validate_release_package(package) == []
    assert [r["tag"] for r in package["releases"]] == [["tender"], ["award"], ["contract"]]
    award_release = package["releases"][1]
    assert {d["id"] for d in award_release["bids"]["details"]} == {
        id_a,
        id_b,
    }  # the withdrawn bid is not disclosed
    assert ocds.personal_data_paths(package) == []
    assert not any(m.party.subject in exported.release_package_json for m in members)


async def test_a_tampered_sealed_bid_fails_its_commitment(
    server: RunningServer, channel: grpc.aio.Channel
) -> None:
    agency = party(server, channel, unique("agency"), ("procurement-buyer",))
    vendor = party(server, channel, unique("vendor"), ("procurement-vendor",))
    members = committee(server, channel)
    deadline = datetime.now(UTC) + timedelta(seconds=WINDOW_S)
    tender = await create_tender(agency, tender_message(members, deadline=deadline))
    bid_id, sealed = seal(tender, vendor, members, 100, "honest")
    bid = await submit(vendor, tender, bid_id, sealed)
    await wait_until(deadline)
    for member in members[:2]:
        await release(member, tender, [(bid.name, sealed)])
    # An operator with object-store access swaps the stored sealed bid for another one sealed to the
    # same committee (a valid sealed bid, just not the anchored one).
    _, other = seal(tender, vendor, members, 1, "swapped")
    swapped = sealing.SealedBid.from_bytes(other)
    tender_id = tender.name.rsplit("/", 1)[-1]
    stored_as = f"{bid_id}/{sealing.commitment(sealed).hex()}.sealed"
    key = f"procurement/tenders/{agency.org}/{tender_id}/bids/{stored_as}"
    forged = json.loads(other)
    forged["bid_id"] = bid_id
    assert swapped.bid_id != bid_id
    await server.runtime.objects.put(key, json.dumps(forged, sort_keys=True, separators=(",", ":")).encode())
    await expect_error(
        agency.stub.OpenBids(spb.OpenBidsRequest(name=tender.name), metadata=agency.metadata),
        grpc.StatusCode.DATA_LOSS,
        "SEALED_BID_TAMPERED",
    )


@pytest.mark.parametrize(
    ("change", "reason", "field"),
    [
        ({"deadline": -60}, "DEADLINE_INVALID", "tender.bid_deadline"),
        ({"threshold": 1}, "TENDER_INVALID", "tender.threshold"),
        ({"threshold": 4}, "TENDER_INVALID", "tender.threshold"),
        ({"weights": (60, 30)}, "TENDER_INVALID", "tender.criteria"),
        ({"lots": 0}, "TENDER_INVALID", "tender.lots"),
    ],
    ids=["deadline-past", "threshold-1", "threshold-above-n", "weights-not-100", "no-lots"],
)
async def test_bad_tenders_are_rejected_and_nothing_is_stored(
    server: RunningServer, channel: grpc.aio.Channel, change: dict[str, object], reason: str, field: str
) -> None:
    agency = party(server, channel, unique("agency"), ("procurement-buyer",))
    members = committee(server, channel)
    deadline = datetime.now(UTC) + timedelta(seconds=float(change.get("deadline", 60)))  # type: ignore[arg-type]
    method = tpb.AWARD_METHOD_MOST_ADVANTAGEOUS if "weights" in change else tpb.AWARD_METHOD_LOWEST_PRICE
    tender = tender_message(members, deadline=deadline, method=method)
    if "threshold" in change:
        tender.threshold = int(change["threshold"])  # type: ignore[call-overload]
    if "weights" in change:
        for criterion, weight in zip(tender.criteria, change["weights"], strict=True):  # type: ignore[call-overload]
            criterion.weight_percent = weight
    if "lots" in change:
        del tender.lots[:]
    error = await expect_error(create_tender(agency, tender), grpc.StatusCode.INVALID_ARGUMENT, reason)
    assert error_details(error).metadata["field"] == field
    listed = await agency.stub.ListTenders(
        spb.ListTendersRequest(parent=f"agencies/{agency.org}"), metadata=agency.metadata
    )
    assert not listed.tenders


async def test_most_advantageous_award_uses_the_weighted_scores(
    server: RunningServer, channel: grpc.aio.Channel
) -> None:
    agency = party(server, channel, unique("agency"), ("procurement-buyer",))
    cheap = party(server, channel, unique("vendor"), ("procurement-vendor",))
    strong = party(server, channel, unique("vendor"), ("procurement-vendor",))
    members = committee(server, channel)
    deadline = datetime.now(UTC) + timedelta(seconds=WINDOW_S)
    tender = await create_tender(
        agency, tender_message(members, deadline=deadline, method=tpb.AWARD_METHOD_MOST_ADVANTAGEOUS)
    )
    id_c, sealed_c = seal(tender, cheap, members, 1_000_000, "cheap")
    id_s, sealed_s = seal(tender, strong, members, 1_400_000, "strong")
    bid_c = await submit(cheap, tender, id_c, sealed_c)
    bid_s = await submit(strong, tender, id_s, sealed_s)
    await wait_until(deadline)
    for member in members[:2]:
        await release(member, tender, [(bid_c.name, sealed_c), (bid_s.name, sealed_s)])
    await agency.stub.OpenBids(spb.OpenBidsRequest(name=tender.name), metadata=agency.metadata)
    for bid in (bid_c, bid_s):
        await agency.stub.QualifyBid(
            spb.QualifyBidRequest(name=bid.name, qualified=True), metadata=agency.metadata
        )
    scores = {bid_c.name: {"tech": 60, "price": 100}, bid_s.name: {"tech": 95, "price": 70}}
    for member in members:
        for name, points in scores.items():
            await member.party.stub.ScoreBid(
                spb.ScoreBidRequest(
                    name=name,
                    points=[spb.CriterionPoints(criterion_id=c, points=p) for c, p in points.items()],
                ),
                metadata=member.party.metadata,
            )
    await expect_error(
        members[0].party.stub.ScoreBid(
            spb.ScoreBidRequest(
                name=bid_c.name, points=[spb.CriterionPoints(criterion_id="tech", points=50)]
            ),
            metadata=members[0].party.metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "SCORES_INVALID",
    )
    listed = await agency.stub.ListBids(spb.ListBidsRequest(parent=tender.name), metadata=agency.metadata)
    totals = {b.name: b.weighted_score_centi for b in listed.bids}
    assert totals == {bid_c.name: 7200, bid_s.name: 8750}  # 0.7×60+0.3×100, 0.7×95+0.3×70 (×100)
    awarded = await award_tender(agency, tender, "LP5-113-002", days=30)
    assert awarded.tender.award.bid == bid_s.name


async def test_a_thin_client_has_the_server_seal_its_bid(
    server: RunningServer, channel: grpc.aio.Channel
) -> None:
    """SealAndSubmitBid: the server seals for a client that cannot; the bid says so, opens with
    the committee's shares like any other, and a retry returns the same bid."""
    agency = party(server, channel, unique("agency"), ("procurement-buyer",))
    vendor = party(server, channel, unique("vendor"), ("procurement-vendor",))
    members = committee(server, channel)
    deadline = datetime.now(UTC) + timedelta(seconds=WINDOW_S)
    tender = await create_tender(agency, tender_message(members, deadline=deadline))
    bid_id = str(uuid.uuid4())
    content = tpb.BidContent(lot_ids=["lot-1"], price=twd(3_900_000), proposal="thin client")
    request = spb.SealAndSubmitBidRequest(parent=tender.name, bid_id=bid_id, content=content)
    bid = (await vendor.stub.SealAndSubmitBid(request, metadata=vendor.metadata)).bid
    assert bid.sealed_by_server
    assert bid.state == tpb.BID_STATE_SEALED
    again = (await vendor.stub.SealAndSubmitBid(request, metadata=vendor.metadata)).bid
    assert (again.name, again.commitment) == (bid.name, bid.commitment)
    bad = spb.SealAndSubmitBidRequest(
        parent=tender.name, bid_id=str(uuid.uuid4()), content=tpb.BidContent(lot_ids=["lot-9"], price=twd(1))
    )
    await expect_error(
        vendor.stub.SealAndSubmitBid(bad, metadata=vendor.metadata),
        grpc.StatusCode.INVALID_ARGUMENT,
        "SEALED_BID_INVALID",
    )
    # Other vendors cannot fetch the sealed bytes.
    other = party(server, channel, unique("vendor"), ("procurement-vendor",))
    await expect_error(
        other.stub.GetSealedBid(spb.GetSealedBidRequest(name=bid.name), metadata=other.metadata),
        grpc.StatusCode.NOT_FOUND,
        "BID_NOT_FOUND",
    )
    fetched = await members[0].party.stub.GetSealedBid(
        spb.GetSealedBidRequest(name=bid.name), metadata=members[0].party.metadata
    )
    assert sealing.commitment(fetched.sealed_bid) == bid.commitment
    await wait_until(deadline)
    for member in members[1:]:
        await release(member, tender, [(bid.name, fetched.sealed_bid)])
    opened = await agency.stub.OpenBids(spb.OpenBidsRequest(name=tender.name), metadata=agency.metadata)
    assert [b.content.proposal for b in opened.opened] == ["thin client"]


async def _events(viewer: Party, tender: tpb.Tender, page_size: int = 0) -> list[tpb.TenderEvent]:
    events: list[tpb.TenderEvent] = []
    token = ""
    while True:
        page = await viewer.stub.ListTenderEvents(
            spb.ListTenderEventsRequest(parent=tender.name, page_size=page_size, page_token=token),
            metadata=viewer.metadata,
        )
        events.extend(page.events)
        token = page.next_page_token
        if not token:
            return events


async def _bids(viewer: Party, tender: tpb.Tender) -> list[tpb.Bid]:
    response = await viewer.stub.ListBids(spb.ListBidsRequest(parent=tender.name), metadata=viewer.metadata)
    return list(response.bids)


async def test_two_simultaneous_seal_and_submits_of_one_bid_keep_one_intact_bid(
    server: RunningServer, channel: grpc.aio.Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both calls pass the "no such bid yet" check and store their sealed bytes before either
    inserts the bid's row: one row wins, the other call answers with it (never INTERNAL), and
    the stored bytes are the ones the row commits to."""
    agency = party(server, channel, unique("agency"), ("procurement-buyer",))
    vendor = party(server, channel, unique("vendor"), ("procurement-vendor",))
    members = committee(server, channel)
    deadline = datetime.now(UTC) + timedelta(seconds=60)
    tender = await create_tender(agency, tender_message(members, deadline=deadline))
    request = spb.SealAndSubmitBidRequest(
        parent=tender.name,
        bid_id=str(uuid.uuid4()),
        content=tpb.BidContent(lot_ids=["lot-1"], price=twd(3_000_000), proposal="twice"),
    )

    both_sealed_and_stored = asyncio.Barrier(2)
    original = TenderStore.insert_bid

    async def insert_after_both_stored(self: TenderStore, *args: Any, **kwargs: Any) -> Any:
        await asyncio.wait_for(both_sealed_and_stored.wait(), timeout=30)
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(TenderStore, "insert_bid", insert_after_both_stored)
    first, second = await asyncio.gather(
        vendor.stub.SealAndSubmitBid(request, metadata=vendor.metadata),
        vendor.stub.SealAndSubmitBid(request, metadata=vendor.metadata),
    )
    assert (first.bid.name, first.bid.commitment) == (second.bid.name, second.bid.commitment)
    fetched = await vendor.stub.GetSealedBid(
        spb.GetSealedBidRequest(name=first.bid.name), metadata=vendor.metadata
    )
    assert sealing.commitment(fetched.sealed_bid) == first.bid.commitment


async def tender_ready_to_open(
    server: RunningServer, channel: grpc.aio.Channel
) -> tuple[Party, tpb.Tender, tpb.Bid]:
    """A lowest-price tender past its deadline with one bid whose shares are released."""
    agency = party(server, channel, unique("agency"), ("procurement-buyer",))
    vendor = party(server, channel, unique("vendor"), ("procurement-vendor",))
    members = committee(server, channel)
    deadline = datetime.now(UTC) + timedelta(seconds=WINDOW_S)
    tender = await create_tender(agency, tender_message(members, deadline=deadline))
    bid_id, sealed = seal(tender, vendor, members, 2_000_000, "only bid")
    bid = await submit(vendor, tender, bid_id, sealed)
    await wait_until(deadline)
    for member in members[:2]:
        await release(member, tender, [(bid.name, sealed)])
    return agency, tender, bid


async def event_kinds(agency: Party, tender: tpb.Tender) -> list[str]:
    events = await agency.stub.ListTenderEvents(
        spb.ListTenderEventsRequest(parent=tender.name, page_size=1000), metadata=agency.metadata
    )
    return [event.kind for event in events.events]


async def test_two_simultaneous_openings_record_each_bid_opened_once(
    server: RunningServer, channel: grpc.aio.Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    agency, tender, _ = await tender_ready_to_open(server, channel)
    # Both calls find the bid sealed and decrypt it before either marks it opened.
    both_decrypted = asyncio.Barrier(2)
    original = Tenders._open_one

    async def open_after_both_decrypted(self: Tenders, *args: Any, **kwargs: Any) -> Any:
        opened = await original(self, *args, **kwargs)
        await asyncio.wait_for(both_decrypted.wait(), timeout=30)
        return opened

    monkeypatch.setattr(Tenders, "_open_one", open_after_both_decrypted)
    first, second = await asyncio.gather(
        *(agency.stub.OpenBids(spb.OpenBidsRequest(name=tender.name), metadata=agency.metadata) for _ in "ab")
    )
    assert [b.name for b in first.opened] == [b.name for b in second.opened]
    assert (await event_kinds(agency, tender)).count("BID_OPENED") == 1


async def test_a_bid_cannot_be_disqualified_once_the_tender_is_awarded(
    server: RunningServer, channel: grpc.aio.Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QualifyBid checks 'not yet awarded', then the award is made, then the disqualification
    would be written: it must be refused, and the audit trail must not show a bid evaluated
    after the award."""
    agency, tender, bid = await tender_ready_to_open(server, channel)
    await agency.stub.OpenBids(spb.OpenBidsRequest(name=tender.name), metadata=agency.metadata)
    qualify = spb.QualifyBidRequest(name=bid.name, qualified=True)
    await agency.stub.QualifyBid(qualify, metadata=agency.metadata)

    checked, awarded = asyncio.Event(), asyncio.Event()
    original = Tenders._opened_bid

    async def award_after_the_check(self: Tenders, *args: Any, **kwargs: Any) -> Any:
        found = await original(self, *args, **kwargs)
        if not checked.is_set():
            checked.set()
            await asyncio.wait_for(awarded.wait(), timeout=30)
        return found

    monkeypatch.setattr(Tenders, "_opened_bid", award_after_the_check)
    disqualify = asyncio.ensure_future(
        agency.stub.QualifyBid(
            spb.QualifyBidRequest(name=bid.name, qualified=False, note="paperwork missing"),
            metadata=agency.metadata,
        )
    )
    await asyncio.wait_for(checked.wait(), timeout=30)
    award = await award_tender(agency, tender, "LP5-113-009", days=30)
    assert award.tender.award.bid == bid.name
    awarded.set()
    await expect_error(disqualify, grpc.StatusCode.FAILED_PRECONDITION, "TENDER_STATE_INVALID")
    kinds = await event_kinds(agency, tender)
    assert kinds[-1] == "TENDER_AWARDED"


async def test_bids_and_their_audit_trail_are_seen_by_whom_they_concern(
    server: RunningServer, channel: grpc.aio.Channel
) -> None:
    """Three organisations and the public: ListTenderEvents shows each caller exactly the bids
    ListBids shows them (a bidder its own, the agency all, anyone else what the OCDS release
    publishes once it is published), and never a person to anyone but the agency."""
    agency = party(server, channel, unique("agency"), ("procurement-buyer",))
    vendor_a = party(server, channel, unique("vendor"), ("procurement-vendor",))
    vendor_b = party(server, channel, unique("vendor"), ("procurement-vendor",))
    outsider = party(server, channel, unique("unrelated"), ("procurement-vendor",))
    members = committee(server, channel)
    deadline = datetime.now(UTC) + timedelta(seconds=WINDOW_S)
    tender = await create_tender(agency, tender_message(members, deadline=deadline))
    id_a, sealed_a = seal(
        tender, vendor_a, members, 4_200_000, "A's proposal", registration_number="22099131"
    )
    id_b, sealed_b = seal(tender, vendor_b, members, 4_500_000, "B's proposal")
    bid_a = await submit(vendor_a, tender, id_a, sealed_a)
    bid_b = await submit(vendor_b, tender, id_b, sealed_b)
    id_w, sealed_w = seal(tender, vendor_b, members, 1, "withdrawn")
    withdrawn = await submit(vendor_b, tender, id_w, sealed_w)
    await vendor_b.stub.WithdrawBid(spb.WithdrawBidRequest(name=withdrawn.name), metadata=vendor_b.metadata)

    def bids_in(events: list[tpb.TenderEvent]) -> set[str]:
        return {e.bid for e in events if e.bid}

    async def check_sealed_phase() -> None:
        everything = await _events(agency, tender)
        assert bids_in(everything) == {bid_a.name, bid_b.name, withdrawn.name}
        assert all(e.actor for e in everything)  # the agency sees who did what
        for vendor, own in ((vendor_a, {bid_a.name}), (vendor_b, {bid_b.name, withdrawn.name})):
            seen = await _events(vendor, tender)
            assert bids_in(seen) == own == {b.name for b in await _bids(vendor, tender)}
            assert seen[0].kind == "TENDER_CREATED"
            assert seen[0].actor == ""  # the agency's staff are not the bidder's business
        public = await _events(outsider, tender)
        assert [(e.kind, e.actor, e.bid, dict(e.details)) for e in public] == [("TENDER_CREATED", "", "", {})]
        assert public[0].actor_org == f"orgs/{agency.org}"
        assert await _bids(outsider, tender) == []
        text = str(public)
        for secret in (vendor_a.org, vendor_a.subject, bid_a.commitment.hex(), bid_a.ledger_receipt):
            assert secret not in text
        await expect_error(
            outsider.stub.GetSealedBid(spb.GetSealedBidRequest(name=bid_a.name), metadata=outsider.metadata),
            grpc.StatusCode.NOT_FOUND,
            "BID_NOT_FOUND",
        )
        await expect_error(
            vendor_b.stub.GetSealedBid(spb.GetSealedBidRequest(name=bid_a.name), metadata=vendor_b.metadata),
            grpc.StatusCode.NOT_FOUND,
            "BID_NOT_FOUND",
        )

    await check_sealed_phase()
    await wait_until(deadline)
    both = [(bid_a.name, sealed_a), (bid_b.name, sealed_b)]
    await release(members[0], tender, both)
    await release(members[1], tender, both)
    await agency.stub.OpenBids(spb.OpenBidsRequest(name=tender.name), metadata=agency.metadata)
    await agency.stub.QualifyBid(
        spb.QualifyBidRequest(name=bid_a.name, qualified=True), metadata=agency.metadata
    )
    await agency.stub.QualifyBid(
        spb.QualifyBidRequest(name=bid_b.name, qualified=False, note="missing certificate"),
        metadata=agency.metadata,
    )
    await check_sealed_phase()  # opened and evaluated, but nothing is published before the award

    await award_tender(agency, tender, "LP5-113-009")

    # Published: the opened bids and their trail as the award release carries them.
    public = await _events(outsider, tender)
    assert public == await _events(outsider, tender, page_size=1)  # pages skip hidden events
    assert [(e.kind, e.bid) for e in public] == [
        ("TENDER_CREATED", ""),
        ("BID_SUBMITTED", bid_a.name),
        ("BID_SUBMITTED", bid_b.name),
        ("BID_OPENED", bid_a.name),
        ("BID_OPENED", bid_b.name),
        ("BID_QUALIFIED", bid_a.name),
        ("BID_QUALIFIED", bid_b.name),
        ("TENDER_AWARDED", bid_a.name),
    ]
    assert all(e.actor == "" for e in public)
    assert {k for e in public for k in e.details} == {"qualified", "supplier", "contract_number"}
    assert "missing certificate" not in str(public)
    published = await _bids(outsider, tender)
    assert [b.name for b in published] == [bid_a.name, bid_b.name]
    for bid in published:
        assert bid.content.proposal == ""
        assert list(bid.content.lot_ids) == ["lot-1"]
        assert bid.content.price.amount_minor in (4_200_000, 4_500_000)
        assert not bid.commitment
        assert not bid.ledger_receipt
        assert not bid.qualification_note
    assert published[1].qualified is False
    # Vendor B: its own bids in full, A's as published.
    seen_b = {b.name: b for b in await _bids(vendor_b, tender)}
    assert set(seen_b) == {bid_a.name, bid_b.name, withdrawn.name}
    assert seen_b[bid_b.name].content.proposal == "B's proposal"
    assert seen_b[bid_b.name].qualification_note == "missing certificate"
    assert seen_b[bid_a.name].content.proposal == ""
    trail_b = await _events(vendor_b, tender)
    assert ("BID_WITHDRAWN", withdrawn.name) in [(e.kind, e.bid) for e in trail_b]
    assert not [e for e in trail_b if e.kind == "SHARE_RELEASED" and e.bid == bid_a.name]
    assert [e for e in trail_b if e.kind == "SHARE_RELEASED" and e.bid == bid_b.name]

    # The OCDS export agrees: every bid names its lots; parties carry their identifiers.
    exported = await outsider.stub.ExportTenderRelease(
        spb.ExportTenderReleaseRequest(name=tender.name), metadata=outsider.metadata
    )
    package = json.loads(exported.release_package_json)
    assert ocds.validate_release_package(package) == []
    award_release = package["releases"][1]
    assert [(d["id"], d["relatedLots"]) for d in award_release["bids"]["details"]] == [
        (id_a, ["lot-1"]),
        (id_b, ["lot-1"]),
    ]
    assert award_release["awards"][0]["relatedLots"] == ["lot-1"]
    identifiers = {p["id"]: p["identifier"] for p in award_release["parties"]}
    assert identifiers == {
        f"agencies/{agency.org}": {"scheme": None, "id": None},
        f"vendors/{vendor_a.org}": {"scheme": "TW-CR", "id": "22099131"},
        f"vendors/{vendor_b.org}": {"scheme": None, "id": None},
    }


async def test_a_malformed_registration_number_is_refused_when_the_server_seals(
    server: RunningServer, channel: grpc.aio.Channel
) -> None:
    agency = party(server, channel, unique("agency"), ("procurement-buyer",))
    vendor = party(server, channel, unique("vendor"), ("procurement-vendor",))
    members = committee(server, channel)
    tender = await create_tender(
        agency, tender_message(members, deadline=datetime.now(UTC) + timedelta(minutes=5))
    )
    for bad in ("2209913", "22099132", "2209913x"):
        content = tpb.BidContent(lot_ids=["lot-1"], price=twd(10), registration_number=bad)
        await expect_error(
            vendor.stub.SealAndSubmitBid(
                spb.SealAndSubmitBidRequest(parent=tender.name, bid_id=str(uuid.uuid4()), content=content),
                metadata=vendor.metadata,
            ),
            grpc.StatusCode.INVALID_ARGUMENT,
            "SEALED_BID_INVALID",
        )
