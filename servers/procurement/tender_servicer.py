"""TenderService over gRPC: unpack, call the domain, pack; and the OCDS export."""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import asyncpg
import grpc

from jipan.common.v1 import money_pb2
from jipan.interceptors.context import current_principal
from jipan.procurement.v1 import tender_pb2 as tpb
from jipan.procurement.v1 import tender_service_pb2 as spb
from jipan.procurement.v1 import tender_service_pb2_grpc as spb_grpc
from jipan.servers.procurement import ocds
from jipan.servers.procurement.convert import timestamp
from jipan.servers.procurement.names import BidKey, TenderKey, parse_bid, parse_tender
from jipan.servers.procurement.tenders import (
    Row,
    TenderDraft,
    Tenders,
    decode_content,
    tender_state,
    weighted_score_centi,
)
from jipan.servers.runtime.errors import InvalidArgument
from jipan.servers.runtime.settings import Settings

Context = grpc.aio.ServicerContext[Any, Any]

_METHODS = {
    tpb.AWARD_METHOD_LOWEST_PRICE: "LOWEST_PRICE",
    tpb.AWARD_METHOD_MOST_ADVANTAGEOUS: "MOST_ADVANTAGEOUS",
}
_METHODS_PB = {value: key for key, value in _METHODS.items()}
_STATES_PB = {
    "OPEN": tpb.TENDER_STATE_OPEN,
    "CLOSED": tpb.TENDER_STATE_CLOSED,
    "OPENED": tpb.TENDER_STATE_OPENED,
    "AWARDED": tpb.TENDER_STATE_AWARDED,
}
_BID_STATES_PB = {
    "SEALED": tpb.BID_STATE_SEALED,
    "WITHDRAWN": tpb.BID_STATE_WITHDRAWN,
    "OPENED": tpb.BID_STATE_OPENED,
}


def _time(stamp: Any, present: bool) -> datetime | None:
    return stamp.ToDatetime(tzinfo=UTC) if present else None


def draft_from_pb(tender: tpb.Tender) -> TenderDraft:
    return TenderDraft(
        title=tender.title,
        description=tender.description,
        lots=[
            {
                "id": lot.id,
                "title": lot.title,
                "description": lot.description,
                "budget_minor": lot.budget.amount_minor,
                "currency_code": lot.budget.currency_code,
            }
            for lot in tender.lots
        ],
        award_method=_METHODS.get(tender.award_method, ""),
        criteria=[{"id": c.id, "name": c.name, "weight_percent": c.weight_percent} for c in tender.criteria],
        bid_deadline=_time(tender.bid_deadline, tender.HasField("bid_deadline")),
        opening_time=_time(tender.opening_time, tender.HasField("opening_time")),
        committee=[(m.member, m.public_key) for m in tender.committee],
        threshold=tender.threshold,
    )


def tender_to_pb(row: asyncpg.Record) -> tpb.Tender:
    key = TenderKey(row["agency"], row["id"])
    message = tpb.Tender(
        name=key.name,
        title=row["title"],
        description=row["description"],
        lots=[
            tpb.TenderLot(
                id=lot["id"],
                title=lot["title"],
                description=lot["description"],
                budget=money_pb2.Money(
                    currency_code=lot["currency_code"] or "TWD", amount_minor=lot["budget_minor"]
                ),
            )
            for lot in row["lots"]
        ],
        award_method=_METHODS_PB[row["award_method"]],
        criteria=[
            tpb.Criterion(id=c["id"], name=c["name"], weight_percent=c["weight_percent"])
            for c in row["criteria"]
        ],
        bid_deadline=timestamp(row["bid_deadline"]),
        opening_time=timestamp(row["opening_time"]),
        committee=[
            tpb.CommitteeMember(member=m["member"], public_key=base64.b64decode(m["public_key"]))
            for m in row["committee"]
        ],
        threshold=row["threshold"],
        state=_STATES_PB[tender_state(row)],
        create_time=timestamp(row["create_time"]),
    )
    award = row["award"]
    if award is not None:
        message.award.CopyFrom(
            tpb.Award(
                bid=award["bid"],
                supplier=award["supplier"],
                value=money_pb2.Money(
                    currency_code=award["currency_code"], amount_minor=award["value_minor"]
                ),
                contract_number=award["contract_number"],
                contract_start_time=timestamp(award["contract_start_time"]),
                contract_end_time=timestamp(award["contract_end_time"]),
                award_time=timestamp(award["award_time"]),
            )
        )
    return message


def bid_to_pb(row: Row, weights: dict[str, int]) -> tpb.Bid:
    key = BidKey(TenderKey(row["agency"], row["tender_id"]), row["id"])
    message = tpb.Bid(
        name=key.name,
        bidder=row["bidder"],
        state=_BID_STATES_PB[row["state"]],
        commitment=bytes(row["commitment"]),
        ledger_receipt=row["ledger_receipt"],
        shares_released=row["shares_released"],
        qualification_note=row["qualification_note"],
        scores=[
            tpb.Score(criterion_id=criterion, points=points, evaluator=member)
            for member, member_points in sorted(row["scores"].items())
            for criterion, points in sorted(member_points.items())
        ],
        weighted_score_centi=weighted_score_centi(row["scores"], weights),
        submit_time=timestamp(row["submit_time"]),
        sealed_by_server=row["sealed_by_server"],
    )
    if row["withdraw_time"] is not None:
        message.withdraw_time.CopyFrom(timestamp(row["withdraw_time"]))
    if row["qualified"] is not None:
        message.qualified = row["qualified"]
    if row["state"] == "OPENED" and row["content"] is not None:
        content = tpb.BidContent()
        content.ParseFromString(bytes(row["content"]))
        message.content.CopyFrom(content)
    return message


class TenderServicer(spb_grpc.TenderServiceServicer):
    def __init__(self, tenders: Tenders, settings: Settings) -> None:
        self._tenders = tenders
        self._settings = settings

    async def _weights(self, key: TenderKey) -> dict[str, int]:
        tender = await self._tenders.get(key)
        return {c["id"]: c["weight_percent"] for c in tender["criteria"]}

    async def CreateTender(
        self, request: spb.CreateTenderRequest, context: Context
    ) -> spb.CreateTenderResponse:
        row = await self._tenders.create(
            current_principal(),
            request.parent,
            draft_from_pb(request.tender),
            request.request_id,
            request.SerializeToString(deterministic=True),
        )
        return spb.CreateTenderResponse(tender=tender_to_pb(row))

    async def GetTender(self, request: spb.GetTenderRequest, context: Context) -> spb.GetTenderResponse:
        return spb.GetTenderResponse(tender=tender_to_pb(await self._tenders.get(parse_tender(request.name))))

    async def ListTenders(self, request: spb.ListTendersRequest, context: Context) -> spb.ListTendersResponse:
        rows, token = await self._tenders.list_tenders(request.parent, request.page_size, request.page_token)
        return spb.ListTendersResponse(tenders=[tender_to_pb(r) for r in rows], next_page_token=token)

    async def SubmitBid(self, request: spb.SubmitBidRequest, context: Context) -> spb.SubmitBidResponse:
        key = parse_tender(request.parent, "parent")
        row = await self._tenders.submit_bid(current_principal(), key, request.bid_id, request.sealed_bid)
        return spb.SubmitBidResponse(bid=bid_to_pb(row, {}))

    async def SealAndSubmitBid(
        self, request: spb.SealAndSubmitBidRequest, context: Context
    ) -> spb.SealAndSubmitBidResponse:
        key = parse_tender(request.parent, "parent")
        row = await self._tenders.seal_and_submit_bid(
            current_principal(), key, request.bid_id, request.content
        )
        return spb.SealAndSubmitBidResponse(bid=bid_to_pb(row, {}))

    async def WithdrawBid(self, request: spb.WithdrawBidRequest, context: Context) -> spb.WithdrawBidResponse:
        row = await self._tenders.withdraw_bid(current_principal(), parse_bid(request.name))
        return spb.WithdrawBidResponse(bid=bid_to_pb(row, {}))

    async def ListBids(self, request: spb.ListBidsRequest, context: Context) -> spb.ListBidsResponse:
        key = parse_tender(request.parent, "parent")
        rows, token = await self._tenders.list_bids(
            current_principal(), key, request.page_size, request.page_token
        )
        weights = await self._weights(key)
        return spb.ListBidsResponse(bids=[bid_to_pb(r, weights) for r in rows], next_page_token=token)

    async def GetSealedBid(
        self, request: spb.GetSealedBidRequest, context: Context
    ) -> spb.GetSealedBidResponse:
        data = await self._tenders.sealed_bid(current_principal(), parse_bid(request.name))
        return spb.GetSealedBidResponse(sealed_bid=data)

    async def ReleaseShares(
        self, request: spb.ReleaseSharesRequest, context: Context
    ) -> spb.ReleaseSharesResponse:
        key = parse_tender(request.parent, "parent")
        releases = [(parse_bid(r.bid, f"shares[{i}].bid"), r.share) for i, r in enumerate(request.shares)]
        if len({bid for bid, _ in releases}) != len(releases):
            raise InvalidArgument("SHARE_INVALID", "at most one share per bid", domain="procurement.jipan.tw")
        recorded = await self._tenders.release_shares(current_principal(), key, releases)
        return spb.ReleaseSharesResponse(recorded=recorded)

    async def OpenBids(self, request: spb.OpenBidsRequest, context: Context) -> spb.OpenBidsResponse:
        key = parse_tender(request.name)
        opened, pending = await self._tenders.open_bids(current_principal(), key)
        weights = await self._weights(key)
        return spb.OpenBidsResponse(opened=[bid_to_pb(r, weights) for r in opened], pending=pending)

    async def QualifyBid(self, request: spb.QualifyBidRequest, context: Context) -> spb.QualifyBidResponse:
        key = parse_bid(request.name)
        row = await self._tenders.qualify(current_principal(), key, request.qualified, request.note)
        return spb.QualifyBidResponse(bid=bid_to_pb(row, await self._weights(key.tender)))

    async def ScoreBid(self, request: spb.ScoreBidRequest, context: Context) -> spb.ScoreBidResponse:
        key = parse_bid(request.name)
        points = {p.criterion_id: p.points for p in request.points}
        if len(points) != len(request.points):
            raise InvalidArgument("SCORES_INVALID", "one score per criterion", domain="procurement.jipan.tw")
        row = await self._tenders.score(current_principal(), key, points)
        return spb.ScoreBidResponse(bid=bid_to_pb(row, await self._weights(key.tender)))

    async def AwardTender(self, request: spb.AwardTenderRequest, context: Context) -> spb.AwardTenderResponse:
        row = await self._tenders.award(
            current_principal(),
            parse_tender(request.name),
            request.contract_number,
            request.contract_start_time.ToDatetime(tzinfo=UTC),
            request.contract_end_time.ToDatetime(tzinfo=UTC),
        )
        return spb.AwardTenderResponse(tender=tender_to_pb(row))

    async def ListTenderEvents(
        self, request: spb.ListTenderEventsRequest, context: Context
    ) -> spb.ListTenderEventsResponse:
        rows, token = await self._tenders.events(
            current_principal(), parse_tender(request.parent, "parent"), request.page_size, request.page_token
        )
        return spb.ListTenderEventsResponse(
            events=[
                tpb.TenderEvent(
                    kind=r["kind"],
                    actor=r["actor"],
                    actor_org=r["actor_org"],
                    bid=r["bid"],
                    details={k: str(v) for k, v in r["details"].items()},
                    event_time=timestamp(r["event_time"]),
                )
                for r in rows
            ],
            next_page_token=token,
        )

    async def ExportTenderRelease(
        self, request: spb.ExportTenderReleaseRequest, context: Context
    ) -> spb.ExportTenderReleaseResponse:
        key = parse_tender(request.name)
        tender = await self._tenders.get(key)
        bids = await self._tenders.published_bids(tender)
        package = release_package(tender, bids, self._settings)
        return spb.ExportTenderReleaseResponse(release_package_json=json.dumps(package, ensure_ascii=False))


def _org(name: str, registration_number: str | None = None) -> ocds.OrganizationRef:
    return ocds.OrganizationRef(id=name, name=name.split("/", 1)[-1], registration_number=registration_number)


def _value(minor: int, currency: str) -> ocds.Value:
    # Money is integer minor units; TWD's minor unit is the dollar (see jipan.common.v1.Money).
    return ocds.Value.from_minor_units(minor, currency or "TWD", exponent=0)


def release_package(tender: Row, bids: Sequence[Row], settings: Settings) -> dict[str, Any]:
    """The tender's OCDS release package: the notice, plus the opened bids, the award and the
    contract once they exist. Sealed bids are not disclosed; people never appear."""
    state = tender_state(tender)
    agency = _org(f"agencies/{tender['agency']}")
    lots = tuple(
        ocds.LotRecord(
            id=lot["id"],
            title=lot["title"],
            description=lot["description"] or None,
            value=_value(lot["budget_minor"], lot["currency_code"]) if lot["budget_minor"] else None,
        )
        for lot in tender["lots"]
    )
    weights = "; ".join(f"{c['name']}: {c['weight_percent']}%" for c in tender["criteria"])
    record = ocds.TenderRecord(
        id=str(tender["id"]),
        title=tender["title"],
        description=tender["description"] or None,
        buyer=agency,
        procuring_entity=agency,
        tender_period=ocds.Period(start=tender["create_time"], end=tender["bid_deadline"]),
        award_criteria="priceOnly" if tender["award_method"] == "LOWEST_PRICE" else "ratedCriteria",
        award_criteria_details=weights or None,
        status="complete" if state == "AWARDED" else "active",
        lots=lots,
        main_procurement_category="services",
    )
    contents = {
        str(bid["id"]): decode_content(bytes(bid["content"]))
        for bid in bids
        if bid["state"] == "OPENED" and bid["content"] is not None
    }
    opened = [
        ocds.BidRecord(
            id=bid_id,
            date=bid["submit_time"],
            status="disqualified" if bid["qualified"] is False else "valid",
            tenderers=(_org(bid["bidder"], contents[bid_id].registration_number),),
            value=_value(bid["price_minor"], bid["currency_code"])
            if bid["price_minor"] is not None
            else None,
            # Every bid names the lots it covers (BidContent.lot_ids, checked at submission).
            related_lots=tuple(contents[bid_id].lot_ids),
        )
        for bid in bids
        if (bid_id := str(bid["id"])) in contents
    ]
    now = datetime.now(UTC)
    releases = [
        ocds.tender_release(record, ocid_prefix=settings.procurement_ocid_prefix, date=tender["create_time"])
    ]
    award = tender["award"]
    if award is not None:
        award_time = datetime.fromisoformat(award["award_time"])
        winner = contents.get(award["bid"].rsplit("/", 1)[-1])
        period = ocds.Period(
            start=datetime.fromisoformat(award["contract_start_time"]),
            end=datetime.fromisoformat(award["contract_end_time"]),
        )
        award_record = ocds.AwardRecord(
            id=f"{tender['id']}-award",
            date=award_time,
            status="active",
            suppliers=(_org(award["supplier"], winner.registration_number if winner else None),),
            value=_value(award["value_minor"], award["currency_code"]),
            related_bid=award["bid"].rsplit("/", 1)[-1],
            related_lots=tuple(winner.lot_ids) if winner else (),
            contract_period=period,
        )
        contract = ocds.ContractRecord(
            id=award["contract_number"],
            award_id=award_record.id,
            status="active",
            value=award_record.value,
            period=period,
            date_signed=award_time,
        )
        releases.append(
            ocds.award_release(
                record,
                [award_record],
                bids=opened,
                ocid_prefix=settings.procurement_ocid_prefix,
                date=award_time,
            )
        )
        releases.append(
            ocds.contract_release(
                record,
                [award_record],
                [contract],
                ocid_prefix=settings.procurement_ocid_prefix,
                date=award_time,
            )
        )
    uri = f"urn:jipan:procurement:{TenderKey(tender['agency'], tender['id']).name}"
    return ocds.release_package(
        releases, uri=uri, published_date=now, publisher_name=settings.procurement_publisher_name
    )
