"""NegotiationService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

import grpc

from jipan.dataspace.v1 import negotiation_service_pb2 as npb
from jipan.dataspace.v1 import negotiation_service_pb2_grpc as npb_grpc
from jipan.interceptors.context import current_principal
from jipan.servers.dataspace.catalog.servicer import caller_token
from jipan.servers.dataspace.convert import (
    agreement_to_pb,
    decision_to_pb,
    entry_to_pb,
    negotiation_to_pb,
    state_from_pb,
)
from jipan.servers.dataspace.federated import Connector
from jipan.servers.dataspace.negotiation.domain import Negotiations

Context = grpc.aio.ServicerContext[Any, Any]


class NegotiationServicer(npb_grpc.NegotiationServiceServicer):
    def __init__(self, negotiations: Negotiations, connector: Connector) -> None:
        self._n = negotiations
        self._c = connector

    async def RequestContract(
        self, request: npb.RequestContractRequest, context: Context
    ) -> npb.RequestContractResponse:
        if request.peer:
            negotiation = await self._c.request(
                current_principal(),
                caller_token(context),
                request.peer,
                request.dataset,
                request.offer_id,
                request.policy,
                request.request_id,
            )
        else:
            negotiation = await self._n.request(
                current_principal(), request.dataset, request.offer_id, request.policy, request.request_id
            )
        return npb.RequestContractResponse(negotiation=negotiation_to_pb(negotiation))

    async def OfferContract(
        self, request: npb.OfferContractRequest, context: Context
    ) -> npb.OfferContractResponse:
        negotiation = await self._c.send(
            current_principal(),
            caller_token(context),
            request.name,
            "OfferContract",
            policy_text=request.policy,
        )
        return npb.OfferContractResponse(negotiation=negotiation_to_pb(negotiation))

    async def CounterRequest(
        self, request: npb.CounterRequestRequest, context: Context
    ) -> npb.CounterRequestResponse:
        negotiation = await self._c.send(
            current_principal(),
            caller_token(context),
            request.name,
            "CounterRequest",
            policy_text=request.policy,
        )
        return npb.CounterRequestResponse(negotiation=negotiation_to_pb(negotiation))

    async def AcceptOffer(self, request: npb.AcceptOfferRequest, context: Context) -> npb.AcceptOfferResponse:
        negotiation = await self._c.send(
            current_principal(), caller_token(context), request.name, "AcceptOffer"
        )
        return npb.AcceptOfferResponse(negotiation=negotiation_to_pb(negotiation))

    async def AgreeContract(
        self, request: npb.AgreeContractRequest, context: Context
    ) -> npb.AgreeContractResponse:
        negotiation = await self._c.send(
            current_principal(), caller_token(context), request.name, "AgreeContract"
        )
        return npb.AgreeContractResponse(negotiation=negotiation_to_pb(negotiation))

    async def VerifyAgreement(
        self, request: npb.VerifyAgreementRequest, context: Context
    ) -> npb.VerifyAgreementResponse:
        negotiation = await self._c.send(
            current_principal(), caller_token(context), request.name, "VerifyAgreement"
        )
        return npb.VerifyAgreementResponse(negotiation=negotiation_to_pb(negotiation))

    async def FinalizeContract(
        self, request: npb.FinalizeContractRequest, context: Context
    ) -> npb.FinalizeContractResponse:
        negotiation = await self._c.send(
            current_principal(), caller_token(context), request.name, "FinalizeContract"
        )
        return npb.FinalizeContractResponse(negotiation=negotiation_to_pb(negotiation))

    async def TerminateNegotiation(
        self, request: npb.TerminateNegotiationRequest, context: Context
    ) -> npb.TerminateNegotiationResponse:
        negotiation = await self._c.send(
            current_principal(),
            caller_token(context),
            request.name,
            "TerminateNegotiation",
            code=request.code,
            reason=request.reason,
        )
        return npb.TerminateNegotiationResponse(negotiation=negotiation_to_pb(negotiation))

    async def NotifyNegotiation(
        self, request: npb.NotifyNegotiationRequest, context: Context
    ) -> npb.NotifyNegotiationResponse:
        negotiation = await self._c.notified(current_principal(), request)
        return npb.NotifyNegotiationResponse(negotiation=negotiation_to_pb(negotiation))

    async def GetNegotiation(
        self, request: npb.GetNegotiationRequest, context: Context
    ) -> npb.GetNegotiationResponse:
        negotiation = await self._c.get(current_principal(), caller_token(context), request.name)
        return npb.GetNegotiationResponse(negotiation=negotiation_to_pb(negotiation))

    async def ListNegotiations(
        self, request: npb.ListNegotiationsRequest, context: Context
    ) -> npb.ListNegotiationsResponse:
        negotiations, token = await self._n.list_negotiations(
            current_principal(),
            request.page_size,
            request.page_token,
            state_from_pb(request.state),
            request.role,
        )
        return npb.ListNegotiationsResponse(
            negotiations=[negotiation_to_pb(n) for n in negotiations], next_page_token=token
        )

    async def GetAgreement(
        self, request: npb.GetAgreementRequest, context: Context
    ) -> npb.GetAgreementResponse:
        agreement = await self._n.get_agreement(current_principal(), request.name)
        return npb.GetAgreementResponse(agreement=agreement_to_pb(agreement))

    async def AuthorizeUse(
        self, request: npb.AuthorizeUseRequest, context: Context
    ) -> npb.AuthorizeUseResponse:
        principal = current_principal()
        remote = await self._c.remote_agreement(principal, request.agreement)
        if remote is not None:
            return await self._c.authorize_use(principal, caller_token(context), remote[0], request)
        record = await self._n.authorize_use(
            principal,
            request.agreement,
            action=request.action,
            purpose=request.purpose,
            spatial=request.spatial,
            distribution_id=request.distribution_id,
            consent_token=request.consent_token,
            request_id=request.request_id,
        )
        return npb.AuthorizeUseResponse(decision=decision_to_pb(record))

    async def ListUsageLog(
        self, request: npb.ListUsageLogRequest, context: Context
    ) -> npb.ListUsageLogResponse:
        entries, token = await self._n.list_log(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return npb.ListUsageLogResponse(entries=[entry_to_pb(e) for e in entries], next_page_token=token)

    async def VerifyUsageLog(
        self, request: npb.VerifyUsageLogRequest, context: Context
    ) -> npb.VerifyUsageLogResponse:
        check, anchored = await self._n.verify_log(current_principal(), request.parent)
        return npb.VerifyUsageLogResponse(
            valid=check.valid,
            entries=check.entries,
            anchored=anchored,
            first_invalid_sequence=check.first_invalid_sequence,
            problem=check.problem,
        )
