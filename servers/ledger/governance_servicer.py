"""GovernanceService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from datetime import datetime

import grpc
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.interceptors.context import current_principal
from jipan.ledger.v1 import governance_service_pb2 as pb
from jipan.ledger.v1 import governance_service_pb2_grpc as pb_grpc
from jipan.ledger.v1 import resources_pb2
from jipan.servers.ledger.governance import (
    Governance,
    ProposedChange,
    member_name,
    node_name,
    proposal_name,
)
from jipan.servers.ledger.governance_store import MemberRecord, NodeRecord, ProposalRecord

_ROLES = {"VALIDATOR": resources_pb2.NODE_ROLE_VALIDATOR, "OBSERVER": resources_pb2.NODE_ROLE_OBSERVER}
_ROLE_NAMES = {value: key for key, value in _ROLES.items()}


def _timestamp(value: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(value)
    return stamp


def _member(record: MemberRecord) -> resources_pb2.Member:
    return resources_pb2.Member(
        name=member_name(record.organization),
        organization=record.organization,
        legal_name=record.legal_name,
        registration_number=record.registration_number,
        contact=record.contact,
        account=record.account,
        active=record.active,
        admit_time=_timestamp(record.admit_time),
    )


def _node(record: NodeRecord) -> resources_pb2.Node:
    return resources_pb2.Node(
        name=node_name(record.account),
        account=record.account,
        enode=record.enode,
        role=_ROLES.get(record.role, resources_pb2.NODE_ROLE_UNSPECIFIED),
        operator=member_name(record.operator_organization),
        active=record.active,
        add_time=_timestamp(record.add_time),
    )


def _proposal(record: ProposalRecord) -> resources_pb2.Proposal:
    proposal = resources_pb2.Proposal(
        name=proposal_name(record),
        proposer=member_name(record.proposer_organization),
        votes=record.votes,
        required_votes=record.required_votes,
        state=resources_pb2.PROPOSAL_STATE_EXECUTED if record.executed else resources_pb2.PROPOSAL_STATE_OPEN,
        voters=[member_name(org) for org in record.voters],
        transaction_hash=record.transaction_hash,
        create_time=_timestamp(record.create_time),
    )
    if record.kind == "ADMIT_MEMBER":
        proposal.admit_member.CopyFrom(
            resources_pb2.MemberAdmission(
                organization=record.organization,
                legal_name=record.legal_name,
                registration_number=record.registration_number,
                contact=record.contact,
            )
        )
    elif record.kind == "REMOVE_MEMBER":
        proposal.remove_member.member = member_name(record.organization)
    elif record.kind == "ADD_NODE":
        proposal.add_node.CopyFrom(
            resources_pb2.NodeAddition(
                account=record.account,
                enode=record.enode,
                role=_ROLES.get(record.role, resources_pb2.NODE_ROLE_UNSPECIFIED),
                operator=member_name(record.operator_organization),
            )
        )
    else:
        proposal.remove_node.node = node_name(record.account)
    return proposal


def _change(proposal: resources_pb2.Proposal) -> ProposedChange:
    which = proposal.WhichOneof("change")
    if which == "admit_member":
        admit = proposal.admit_member
        return ProposedChange(
            "ADMIT_MEMBER",
            organization=admit.organization,
            legal_name=admit.legal_name,
            registration_number=admit.registration_number,
            contact=admit.contact,
        )
    if which == "remove_member":
        return ProposedChange("REMOVE_MEMBER", member=proposal.remove_member.member)
    if which == "add_node":
        add = proposal.add_node
        return ProposedChange(
            "ADD_NODE",
            node_account=add.account,
            enode=add.enode,
            role=_ROLE_NAMES.get(add.role, ""),
            operator=add.operator,
        )
    if which == "remove_node":
        return ProposedChange("REMOVE_NODE", node=proposal.remove_node.node)
    return ProposedChange("")


class GovernanceServicer(pb_grpc.GovernanceServiceServicer):
    def __init__(self, governance: Governance) -> None:
        self._governance = governance

    async def CreateProposal(
        self,
        request: pb.CreateProposalRequest,
        context: grpc.aio.ServicerContext[pb.CreateProposalRequest, pb.CreateProposalResponse],
    ) -> pb.CreateProposalResponse:
        principal = current_principal()
        record = await self._governance.create_proposal(
            principal.subject,
            principal.org,
            _change(request.proposal),
            request_id=request.request_id,
            request_body=request.SerializeToString(deterministic=True),
        )
        return pb.CreateProposalResponse(proposal=_proposal(record))

    async def VoteProposal(
        self,
        request: pb.VoteProposalRequest,
        context: grpc.aio.ServicerContext[pb.VoteProposalRequest, pb.VoteProposalResponse],
    ) -> pb.VoteProposalResponse:
        principal = current_principal()
        record = await self._governance.vote(
            principal.subject,
            principal.org,
            request.name,
            request_id=request.request_id,
            request_body=request.SerializeToString(deterministic=True),
        )
        return pb.VoteProposalResponse(proposal=_proposal(record))

    async def GetProposal(
        self,
        request: pb.GetProposalRequest,
        context: grpc.aio.ServicerContext[pb.GetProposalRequest, pb.GetProposalResponse],
    ) -> pb.GetProposalResponse:
        return pb.GetProposalResponse(proposal=_proposal(await self._governance.get_proposal(request.name)))

    async def ListProposals(
        self,
        request: pb.ListProposalsRequest,
        context: grpc.aio.ServicerContext[pb.ListProposalsRequest, pb.ListProposalsResponse],
    ) -> pb.ListProposalsResponse:
        page = await self._governance.list_proposals(
            page_size=request.page_size, page_token=request.page_token
        )
        return pb.ListProposalsResponse(
            proposals=[_proposal(p) for p in page.proposals], next_page_token=page.next_page_token
        )

    async def ListMembers(
        self,
        request: pb.ListMembersRequest,
        context: grpc.aio.ServicerContext[pb.ListMembersRequest, pb.ListMembersResponse],
    ) -> pb.ListMembersResponse:
        page = await self._governance.list_members(
            show_removed=request.show_removed, page_size=request.page_size, page_token=request.page_token
        )
        return pb.ListMembersResponse(
            members=[_member(m) for m in page.members], next_page_token=page.next_page_token
        )

    async def ListNodes(
        self,
        request: pb.ListNodesRequest,
        context: grpc.aio.ServicerContext[pb.ListNodesRequest, pb.ListNodesResponse],
    ) -> pb.ListNodesResponse:
        page = await self._governance.list_nodes(
            show_removed=request.show_removed, page_size=request.page_size, page_token=request.page_token
        )
        return pb.ListNodesResponse(
            nodes=[_node(n) for n in page.nodes], next_page_token=page.next_page_token
        )
