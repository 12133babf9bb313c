"""GovernanceService end to end: real server on port 0, real PostgreSQL, the ConsortiumRegistry on
the in-process EVM; every proposal and vote is a chain transaction signed by the account the
ledger holds for the caller's organisation."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable

import grpc
import pytest
from eth_account import Account
from web3 import Web3

from jipan.clients import error_details
from jipan.ledger.v1 import governance_service_pb2 as pb
from jipan.ledger.v1 import governance_service_pb2_grpc as pb_grpc
from jipan.ledger.v1 import resources_pb2 as res
from jipan.servers import system
from jipan.servers.ledger import service_module
from jipan.servers.ledger.chain import AnchorChain, load_artifact
from jipan.servers.runtime.settings import Settings
from tests.mesh import RunningServer, make_settings, running_server
from tests.test_ledger import ANVIL_KEY, anvil_node, free_port, write_keystore

FOUNDER = "orgs/moda"
GOVERN = ("ledger.govern", "ledger.read")
OPEN = res.PROPOSAL_STATE_OPEN
EXECUTED = res.PROPOSAL_STATE_EXECUTED


@pytest.fixture
async def governed(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[RunningServer]:
    """A fresh chain (so a fresh registry) per test: each starts with the founder as sole member."""
    chain = AnchorChain.in_process()
    settings = make_settings(
        database_url,
        tmp_path_factory.mktemp("governance"),
        JIPAN_LEDGER_FOUNDER_ORG=FOUNDER,
        JIPAN_LEDGER_FOUNDER_LEGAL_NAME="數位發展部 Ministry of Digital Affairs",
        JIPAN_LEDGER_FOUNDER_REGISTRATION_NUMBER="A1234567",
        JIPAN_LEDGER_QUORUM_PERCENT="67",
    )
    async with running_server(settings, [system.SERVICE, service_module(lambda _: chain)]) as running:
        yield running
    chain.close()


def admin(server: RunningServer, org: str) -> tuple[tuple[str, str], ...]:
    """A ledger administrator of `org`."""
    return server.metadata(
        subject=f"people/admin-of-{org[5:]}", scopes=GOVERN, org=org, roles=("ledger-admin",)
    )


def admission(org: str, legal_name: str, number: str) -> res.Proposal:
    return res.Proposal(
        admit_member=res.MemberAdmission(
            organization=org, legal_name=legal_name, registration_number=number, contact=f"ops@{org[5:]}.tw"
        )
    )


def node_addition(account: bytes, role: res.NodeRole.ValueType, operator: str = "") -> res.Proposal:
    return res.Proposal(
        add_node=res.NodeAddition(
            account=account, enode=f"enode://{account.hex()}@10.0.0.1:30303", role=role, operator=operator
        )
    )


async def propose(
    stub: pb_grpc.GovernanceServiceAsyncStub,
    md: tuple[tuple[str, str], ...],
    proposal: res.Proposal,
    request_id: str = "",
) -> res.Proposal:
    response = await stub.CreateProposal(
        pb.CreateProposalRequest(proposal=proposal, request_id=request_id), metadata=md
    )
    return response.proposal


async def test_founder_admits_a_second_member_alone_then_admissions_need_the_quorum(
    governed: RunningServer,
) -> None:
    async with grpc.aio.insecure_channel(governed.address) as channel:
        stub = pb_grpc.GovernanceServiceStub(channel)
        moda, cht = admin(governed, FOUNDER), admin(governed, "orgs/cht")

        first = await propose(stub, moda, admission("orgs/cht", "中華電信 Chunghwa Telecom", "96979933"))
        # One member: the proposer's own vote is the quorum; the change is on the chain at once.
        assert first.state == EXECUTED
        assert (first.votes, first.required_votes) == (1, 1)
        assert first.proposer == "members/moda"
        # The registry was deployed by that first call; its block is recorded with its address,
        # and the re-sync reads events from there.
        deploy_block = await governed.runtime.database.fetchval(
            "SELECT deploy_block FROM ledger.consortium_registries"
        )
        assert deploy_block >= 1
        assert first.voters == ["members/moda"]
        assert len(first.transaction_hash) == 32

        second = await propose(stub, moda, admission("orgs/sinica", "中央研究院 Academia Sinica", "03701606"))
        # Two members: ceil(67% of 2) = 2 votes.
        assert second.state == OPEN
        assert (second.votes, second.required_votes) == (1, 2)
        members = await stub.ListMembers(pb.ListMembersRequest(), metadata=moda)
        assert [m.name for m in members.members] == ["members/moda", "members/cht"]

        voted = await stub.VoteProposal(pb.VoteProposalRequest(name=second.name), metadata=cht)
        assert voted.proposal.state == EXECUTED
        assert list(voted.proposal.voters) == ["members/moda", "members/cht"]
        got = await stub.GetProposal(pb.GetProposalRequest(name=second.name), metadata=moda)
        assert got.proposal == voted.proposal

        members = await stub.ListMembers(pb.ListMembersRequest(), metadata=moda)
    assert [m.name for m in members.members] == ["members/moda", "members/cht", "members/sinica"]
    sinica = members.members[2]
    assert (sinica.organization, sinica.legal_name, sinica.registration_number, sinica.contact) == (
        "orgs/sinica",
        "中央研究院 Academia Sinica",
        "03701606",
        "ops@sinica.tw",
    )
    assert sinica.active
    assert len(sinica.account) == 20
    assert len({m.account for m in members.members}) == 3
    assert members.members[0].legal_name.startswith("數位發展部")


async def test_non_member_and_double_votes_are_refused_with_reasons(governed: RunningServer) -> None:
    async with grpc.aio.insecure_channel(governed.address) as channel:
        stub = pb_grpc.GovernanceServiceStub(channel)
        moda, cht, outsider = (
            admin(governed, FOUNDER),
            admin(governed, "orgs/cht"),
            admin(governed, "orgs/outsider"),
        )
        await propose(stub, moda, admission("orgs/cht", "Chunghwa Telecom", "96979933"))
        pending = await propose(stub, moda, admission("orgs/ntu", "National Taiwan University", "03734301"))

        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.VoteProposal(pb.VoteProposalRequest(name=pending.name), metadata=outsider)
        assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
        assert (error_details(caught.value).reason, error_details(caught.value).domain) == (
            "NOT_CONSORTIUM_MEMBER",
            "ledger.jipan.tw",
        )
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await propose(stub, outsider, admission("orgs/outsider", "Outsider Ltd", "1"))
        assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
        assert error_details(caught.value).reason == "NOT_CONSORTIUM_MEMBER"

        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.VoteProposal(pb.VoteProposalRequest(name=pending.name), metadata=moda)
        assert caught.value.code() == grpc.StatusCode.ALREADY_EXISTS
        assert error_details(caught.value).reason == "ALREADY_VOTED"

        done = await stub.VoteProposal(pb.VoteProposalRequest(name=pending.name), metadata=cht)
        assert done.proposal.state == EXECUTED
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.VoteProposal(
                pb.VoteProposalRequest(name=pending.name), metadata=admin(governed, "orgs/ntu")
            )
        assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
        assert error_details(caught.value).reason == "PROPOSAL_EXECUTED"

        # The contract's own checks: admitting a member twice.
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await propose(stub, moda, admission("orgs/cht", "Chunghwa Telecom", "96979933"))
        assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
        info = error_details(caught.value)
        assert info.reason == "PROPOSAL_REJECTED"
        assert info.metadata["chain_reason"] == "already a member"
        # Nothing failed was mirrored: the proposals are the two that the chain holds.
        listed = await stub.ListProposals(pb.ListProposalsRequest(), metadata=moda)
    assert [p.name for p in listed.proposals] == ["proposals/1", "proposals/0"]


async def test_nodes_are_added_with_roles_listed_and_removed(governed: RunningServer) -> None:
    validator, observer = b"\x11" * 20, b"\x22" * 20
    async with grpc.aio.insecure_channel(governed.address) as channel:
        stub = pb_grpc.GovernanceServiceStub(channel)
        moda = admin(governed, FOUNDER)
        added = await propose(stub, moda, node_addition(validator, res.NODE_ROLE_VALIDATOR))
        assert added.state == EXECUTED
        assert added.add_node.operator == "members/moda"
        await propose(stub, moda, node_addition(observer, res.NODE_ROLE_OBSERVER, operator="members/moda"))
        nodes = await stub.ListNodes(pb.ListNodesRequest(), metadata=moda)
        assert [(n.name, n.role, n.operator, n.active) for n in nodes.nodes] == [
            (f"nodes/0x{validator.hex()}", res.NODE_ROLE_VALIDATOR, "members/moda", True),
            (f"nodes/0x{observer.hex()}", res.NODE_ROLE_OBSERVER, "members/moda", True),
        ]
        assert nodes.nodes[0].enode.startswith("enode://")

        # A member with nodes cannot leave; the contract says why.
        await propose(stub, moda, admission("orgs/cht", "Chunghwa Telecom", "96979933"))
        removal = await propose(
            stub, moda, res.Proposal(remove_node=res.NodeRemoval(node=nodes.nodes[1].name))
        )
        assert removal.state == OPEN  # two members now: the quorum is two votes
        await stub.VoteProposal(
            pb.VoteProposalRequest(name=removal.name), metadata=admin(governed, "orgs/cht")
        )
        active = await stub.ListNodes(pb.ListNodesRequest(), metadata=moda)
        everything = await stub.ListNodes(pb.ListNodesRequest(show_removed=True), metadata=moda)
    assert [n.account for n in active.nodes] == [validator]
    assert [(n.account, n.active) for n in everything.nodes] == [(validator, True), (observer, False)]


async def test_lists_paginate_with_signed_tokens(governed: RunningServer) -> None:
    accounts = [bytes([i]) * 20 for i in range(1, 6)]
    async with grpc.aio.insecure_channel(governed.address) as channel:
        stub = pb_grpc.GovernanceServiceStub(channel)
        moda = admin(governed, FOUNDER)
        for account in accounts:
            await propose(stub, moda, node_addition(account, res.NODE_ROLE_OBSERVER))
        seen: list[bytes] = []
        token = ""
        pages = 0
        while True:
            page = await stub.ListNodes(pb.ListNodesRequest(page_size=2, page_token=token), metadata=moda)
            seen += [n.account for n in page.nodes]
            pages += 1
            token = page.next_page_token
            if not token:
                break
        assert (seen, pages) == (accounts, 3)

        first = await stub.ListProposals(pb.ListProposalsRequest(page_size=3), metadata=moda)
        rest = await stub.ListProposals(
            pb.ListProposalsRequest(page_size=3, page_token=first.next_page_token), metadata=moda
        )
        assert [p.name for p in [*first.proposals, *rest.proposals]] == [
            f"proposals/{i}" for i in (4, 3, 2, 1, 0)
        ]
        assert rest.next_page_token == ""

        members = await stub.ListMembers(pb.ListMembersRequest(page_size=1), metadata=moda)
        assert [m.name for m in members.members] == ["members/moda"]
        assert members.next_page_token == ""

        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.ListNodes(
                pb.ListNodesRequest(page_size=2, page_token=first.next_page_token), metadata=moda
            )
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert error_details(caught.value).reason == "PAGE_TOKEN_INVALID"
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.ListNodes(pb.ListNodesRequest(page_size=-1), metadata=moda)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


@pytest.mark.parametrize(
    ("call", "code", "reason"),
    [
        ("get-unknown", grpc.StatusCode.NOT_FOUND, "PROPOSAL_NOT_FOUND"),
        ("vote-unknown", grpc.StatusCode.NOT_FOUND, "PROPOSAL_NOT_FOUND"),
        ("get-malformed", grpc.StatusCode.INVALID_ARGUMENT, "PROPOSAL_NAME_INVALID"),
        ("bad-role", grpc.StatusCode.INVALID_ARGUMENT, "NODE_ROLE_INVALID"),
        ("no-change", grpc.StatusCode.INVALID_ARGUMENT, "PROPOSAL_CHANGE_INVALID"),
        ("unknown-member", grpc.StatusCode.NOT_FOUND, "MEMBER_NOT_FOUND"),
        ("unknown-node", grpc.StatusCode.NOT_FOUND, "NODE_NOT_FOUND"),
        ("bad-organization", grpc.StatusCode.INVALID_ARGUMENT, "PROPOSAL_CHANGE_INVALID"),
    ],
)
async def test_bad_input_gets_a_reason(
    governed: RunningServer, call: str, code: grpc.StatusCode, reason: str
) -> None:
    async with grpc.aio.insecure_channel(governed.address) as channel:
        stub = pb_grpc.GovernanceServiceStub(channel)
        moda = admin(governed, FOUNDER)
        requests: dict[str, Callable[[], Awaitable[object]]] = {
            "get-unknown": lambda: stub.GetProposal(
                pb.GetProposalRequest(name="proposals/999"), metadata=moda
            ),
            "vote-unknown": lambda: stub.VoteProposal(
                pb.VoteProposalRequest(name="proposals/999"), metadata=moda
            ),
            "get-malformed": lambda: stub.GetProposal(
                pb.GetProposalRequest(name="proposal/x"), metadata=moda
            ),
            "bad-role": lambda: propose(stub, moda, node_addition(b"\x33" * 20, res.NODE_ROLE_UNSPECIFIED)),
            "no-change": lambda: propose(stub, moda, res.Proposal()),
            "unknown-member": lambda: propose(
                stub, moda, res.Proposal(remove_member=res.MemberRemoval(member="members/nobody"))
            ),
            "unknown-node": lambda: propose(
                stub, moda, res.Proposal(remove_node=res.NodeRemoval(node="nodes/0x" + "44" * 20))
            ),
            "bad-organization": lambda: propose(stub, moda, admission("acme", "Acme", "1")),
        }
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await requests[call]()
    assert caught.value.code() == code
    assert error_details(caught.value).reason == reason


async def test_writes_need_the_govern_scope_and_the_ledger_admin_role(governed: RunningServer) -> None:
    request = pb.CreateProposalRequest(proposal=admission("orgs/cht", "Chunghwa Telecom", "96979933"))
    async with grpc.aio.insecure_channel(governed.address) as channel:
        stub = pb_grpc.GovernanceServiceStub(channel)
        no_scope = governed.metadata(scopes=("ledger.read",), org=FOUNDER, roles=("ledger-admin",))
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.CreateProposal(request, metadata=no_scope)
        assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
        assert error_details(caught.value).reason == "SCOPE_MISSING"

        no_role = governed.metadata(scopes=GOVERN, org=FOUNDER, roles=("member",))
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.CreateProposal(request, metadata=no_role)
        assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
        assert error_details(caught.value).reason == "ROLE_MISSING"
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.VoteProposal(pb.VoteProposalRequest(name="proposals/0"), metadata=no_role)
        assert error_details(caught.value).reason == "ROLE_MISSING"

        # Reading needs ledger.read only, no role.
        reader = governed.metadata(scopes=("ledger.read",), org=None, roles=())
        members = await stub.ListMembers(pb.ListMembersRequest(), metadata=reader)
    assert [m.name for m in members.members] == ["members/moda"]


async def test_request_id_replays_the_first_proposal(governed: RunningServer) -> None:
    request_id = str(uuid.uuid4())
    async with grpc.aio.insecure_channel(governed.address) as channel:
        stub = pb_grpc.GovernanceServiceStub(channel)
        moda = admin(governed, FOUNDER)
        first = await propose(stub, moda, node_addition(b"\x55" * 20, res.NODE_ROLE_VALIDATOR), request_id)
        replay = await propose(stub, moda, node_addition(b"\x55" * 20, res.NODE_ROLE_VALIDATOR), request_id)
        assert replay == first
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await propose(stub, moda, node_addition(b"\x66" * 20, res.NODE_ROLE_VALIDATOR), request_id)
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert error_details(caught.value).reason == "REQUEST_ID_REUSED"
        listed = await stub.ListProposals(pb.ListProposalsRequest(), metadata=moda)
    assert [p.name for p in listed.proposals] == [first.name]


async def test_governance_on_a_json_rpc_chain_signs_with_member_keystores(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Anvil over JSON-RPC: each organisation's key is a keystore file in the configured directory;
    the registry is deployed once, recorded, and reused by the next server on the same chain."""
    keys = tmp_path_factory.mktemp("member-keys")
    password = "correct horse battery staple"
    with anvil_node(free_port()) as url:
        w3 = Web3(Web3.HTTPProvider(url))
        for org in ("moda", "cht"):
            account = Account.create()
            (keys / f"{org}.json").write_text(json.dumps(Account.encrypt(account.key, password)))
            funding = w3.eth.send_transaction(
                {"from": w3.eth.accounts[0], "to": account.address, "value": Web3.to_wei(10, "ether")}
            )
            w3.eth.wait_for_transaction_receipt(funding)
        anchor_key, _ = write_keystore(keys.parent, ANVIL_KEY)
        settings = make_settings(
            database_url,
            tmp_path_factory.mktemp("governance-rpc"),
            JIPAN_LEDGER_CHAIN_URL=url,
            JIPAN_LEDGER_KEYSTORE_FILE=str(anchor_key),
            JIPAN_LEDGER_KEYSTORE_PASSWORD=password,
            JIPAN_LEDGER_MEMBER_KEYSTORE_DIR=str(keys),
            JIPAN_LEDGER_FOUNDER_ORG=FOUNDER,
            JIPAN_LEDGER_QUORUM_PERCENT="67",
        )
        async with (
            running_server(settings, [system.SERVICE, service_module()]) as server,
            grpc.aio.insecure_channel(server.address) as channel,
        ):
            stub = pb_grpc.GovernanceServiceStub(channel)
            moda = admin(server, FOUNDER)
            admitted = await propose(stub, moda, admission("orgs/cht", "Chunghwa Telecom", "96979933"))
            assert admitted.state == EXECUTED
            pending = await propose(stub, moda, node_addition(b"\x77" * 20, res.NODE_ROLE_VALIDATOR))
            assert pending.state == OPEN
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await stub.VoteProposal(pb.VoteProposalRequest(name=pending.name), metadata=moda)
            assert error_details(caught.value).reason == "ALREADY_VOTED"
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await propose(stub, admin(server, "orgs/nokey"), admission("orgs/x", "X", "1"))
            assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
            assert error_details(caught.value).reason == "SIGNING_ACCOUNT_UNAVAILABLE"

        # A new server on the same chain and database reuses the registry and its mirror.
        async with (
            running_server(settings, [system.SERVICE, service_module()]) as server,
            grpc.aio.insecure_channel(server.address) as channel,
        ):
            stub = pb_grpc.GovernanceServiceStub(channel)
            voted = await stub.VoteProposal(
                pb.VoteProposalRequest(name=pending.name), metadata=admin(server, "orgs/cht")
            )
            nodes = await stub.ListNodes(pb.ListNodesRequest(), metadata=admin(server, FOUNDER))
            members = await stub.ListMembers(pb.ListMembersRequest(), metadata=admin(server, FOUNDER))
    assert voted.proposal.state == EXECUTED
    assert [(n.account, n.role, n.operator) for n in nodes.nodes] == [
        (b"\x77" * 20, res.NODE_ROLE_VALIDATOR, "members/moda")
    ]
    assert [m.name for m in members.members] == ["members/moda", "members/cht"]


async def _chain_view(chain: AnchorChain, registry: bytes) -> dict[str, object]:
    """What the ConsortiumRegistry itself says: members, nodes and proposals."""

    def read() -> dict[str, object]:
        contract = chain.web3.eth.contract(
            address=Web3.to_checksum_address(registry), abi=load_artifact("ConsortiumRegistry")["abi"]
        )
        members = [
            (bytes.fromhex(a[2:]), contract.functions.memberOf(a).call())
            for a in contract.functions.memberAccounts().call()
        ]
        nodes = [
            (bytes.fromhex(a[2:]), contract.functions.nodeOf(a).call())
            for a in contract.functions.nodeAccounts().call()
        ]
        proposals = [
            contract.functions.proposal(i).call() for i in range(contract.functions.proposalCount().call())
        ]
        return {
            "members": [(account, m[0], m[1], m[2]) for account, m in members],
            "nodes": [(account, n[0], bytes.fromhex(n[1][2:]), int(n[2])) for account, n in nodes],
            "proposals": [(int(p[7]), int(p[8]), bool(p[9])) for p in proposals],
        }

    return await chain.run(read)


async def _mirror_view(
    stub: pb_grpc.GovernanceServiceAsyncStub, md: tuple[tuple[str, str], ...]
) -> dict[str, object]:
    """What the mirror answers, in the chain view's shape."""
    members = (await stub.ListMembers(pb.ListMembersRequest(show_removed=True), metadata=md)).members
    nodes = (await stub.ListNodes(pb.ListNodesRequest(show_removed=True), metadata=md)).nodes
    by_name = {m.name: m.account for m in members}
    proposals = (await stub.ListProposals(pb.ListProposalsRequest(), metadata=md)).proposals
    return {
        "members": [(m.account, m.active, m.legal_name, m.registration_number) for m in members],
        "nodes": [(n.account, n.active, by_name.get(n.operator, b""), int(n.role)) for n in nodes],
        "proposals": [(p.votes, p.required_votes, p.state == EXECUTED) for p in reversed(proposals)],
    }


async def test_resync_rebuilds_a_mirror_that_missed_writes(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Transactions sent behind the mirror's back (a vote that carries a node, a new proposal)
    and mirror rows lost or invented: the periodic resync, and the one at the next start,
    make the mirror say what the chain says, keeping what only the mirror knew."""
    chain = AnchorChain.in_process()
    data_dir = tmp_path_factory.mktemp("resync")

    def settings(resync_s: str) -> Settings:
        return make_settings(
            database_url,
            data_dir,
            JIPAN_LEDGER_FOUNDER_ORG=FOUNDER,
            JIPAN_LEDGER_QUORUM_PERCENT="67",
            JIPAN_LEDGER_GOVERNANCE_RESYNC_S=resync_s,
        )

    node = bytes.fromhex("44" * 20)
    outsider = Account.create()
    async with running_server(settings("0.3"), [system.SERVICE, service_module(lambda _: chain)]) as running:
        registry_of = "SELECT address FROM ledger.consortium_registries WHERE chain_id = $1"
        async with grpc.aio.insecure_channel(running.address) as channel:
            stub = pb_grpc.GovernanceServiceStub(channel)
            moda = admin(running, FOUNDER)
            await propose(stub, moda, admission("orgs/cht", "Chunghwa Telecom", "96979933"))
            # Two members now: the node needs both votes and stays OPEN in the mirror.
            open_node = await propose(stub, moda, node_addition(node, res.NODE_ROLE_VALIDATOR))
            assert open_node.state == OPEN
            registry = bytes(await running.runtime.database.fetchval(registry_of, chain.chain_id))
            members = (await stub.ListMembers(pb.ListMembersRequest(), metadata=moda)).members
            keys = {bytes.fromhex(Account.from_key(k).address[2:]): k for k in chain.spare_keys}
            cht_key = keys[next(m.account for m in members if m.organization == "orgs/cht")]
            moda_key = keys[next(m.account for m in members if m.organization == FOUNDER)]

            def behind_the_back() -> None:
                contract = chain.web3.eth.contract(
                    address=Web3.to_checksum_address(registry),
                    abi=load_artifact("ConsortiumRegistry")["abi"],
                )
                for key, call in (
                    (cht_key, contract.functions.vote(int(open_node.name.split("/")[1]))),
                    (
                        moda_key,
                        contract.functions.propose(0, outsider.address, "0x" + "00" * 20, 0, "Outsider", "1"),
                    ),
                ):
                    signer = Account.from_key(key)
                    tx = call.build_transaction(
                        {
                            "from": signer.address,
                            "nonce": chain.web3.eth.get_transaction_count(signer.address),
                        }
                    )
                    tx_hash = chain.web3.eth.send_raw_transaction(signer.sign_transaction(tx).raw_transaction)
                    assert chain.web3.eth.wait_for_transaction_receipt(tx_hash)["status"] == 1

            await chain.run(behind_the_back)
            expected = await _chain_view(chain, registry)
            assert expected["proposals"] == [(1, 1, True), (2, 2, True), (1, 2, False)]
            # The periodic resync (every 0.3 s) catches up without a restart.
            deadline = asyncio.get_running_loop().time() + 20
            while await _mirror_view(stub, moda) != expected:
                assert asyncio.get_running_loop().time() < deadline, await _mirror_view(stub, moda)
                await asyncio.sleep(0.1)
            nodes = (await stub.ListNodes(pb.ListNodesRequest(), metadata=moda)).nodes
            # The enode was only ever in the mirror (in the proposal): the node row gets it.
            assert [(n.name, n.enode, n.operator) for n in nodes] == [
                (f"nodes/0x{node.hex()}", f"enode://{node.hex()}@10.0.0.1:30303", "members/moda")
            ]
            voters = (
                await stub.GetProposal(pb.GetProposalRequest(name=open_node.name), metadata=moda)
            ).proposal
            assert list(voters.voters) == ["members/moda", "members/cht"]

    # The mirror loses a member and a vote and gains a member the chain never had.
    async with running_server(settings("0"), [system.SERVICE]) as plain:
        db = plain.runtime.database
        await db.execute(
            "DELETE FROM ledger.consortium_votes WHERE registry = $1 AND proposal_id = 1 AND voter <> $2",
            registry,
            bytes.fromhex(Account.from_key(moda_key).address[2:]),
        )
        await db.execute(
            "DELETE FROM ledger.consortium_members WHERE registry = $1 AND organization = 'orgs/cht'",
            registry,
        )
        await db.execute(
            "INSERT INTO ledger.consortium_members (registry, account, organization, legal_name,"
            " registration_number, active, admit_time)"
            " VALUES ($1, $2, 'orgs/ghost', 'Ghost', '0', true, now())",
            registry,
            bytes.fromhex("55" * 20),
        )
    # The next start resyncs before its first answer is needed (here: at once).
    async with (
        running_server(settings("0"), [system.SERVICE, service_module(lambda _: chain)]) as running,
        grpc.aio.insecure_channel(running.address) as channel,
    ):
        stub = pb_grpc.GovernanceServiceStub(channel)
        moda = admin(running, FOUNDER)
        deadline = asyncio.get_running_loop().time() + 20
        while await _mirror_view(stub, moda) != expected:
            assert asyncio.get_running_loop().time() < deadline, await _mirror_view(stub, moda)
            await asyncio.sleep(0.1)
        members = (await stub.ListMembers(pb.ListMembersRequest(), metadata=moda)).members
        voted = (await stub.GetProposal(pb.GetProposalRequest(name=open_node.name), metadata=moda)).proposal
        outsider_proposal = (
            await stub.GetProposal(pb.GetProposalRequest(name="proposals/2"), metadata=moda)
        ).proposal
    # cht's row is back with its organisation and contact, which only the mirror knew:
    # they come from the admission proposal it kept.
    assert [(m.name, m.contact) for m in members] == [("members/moda", ""), ("members/cht", "ops@cht.tw")]
    assert list(voted.voters) == ["members/moda", "members/cht"]
    assert (outsider_proposal.proposer, outsider_proposal.votes, outsider_proposal.state) == (
        "members/moda",
        1,
        OPEN,
    )
    chain.close()
