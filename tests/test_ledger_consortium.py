"""ConsortiumRegistry (contracts/): admission and removal by member vote with a quorum.

The compiled artifact the service ships, deployed on the in-process EVM; every
call is a real transaction from one of eth-tester's funded accounts.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Callable
from typing import Any

import pytest
from eth_tester import EthereumTester, PyEVMBackend  # type: ignore[import-untyped]
from eth_tester.exceptions import TransactionFailed  # type: ignore[import-untyped]
from web3 import EthereumTesterProvider, Web3

from jipan.servers.ledger.contract_artifacts import ARTIFACTS

ADMIT_MEMBER, REMOVE_MEMBER, ADD_NODE, REMOVE_NODE = range(4)
VALIDATOR, OBSERVER = 1, 2
ZERO = "0x" + "00" * 20


@pytest.fixture
def w3() -> Web3:
    return Web3(EthereumTesterProvider(EthereumTester(PyEVMBackend())))


def accounts(w3: Web3) -> list[str]:
    """eth-tester's funded, unlocked accounts."""
    return [str(account) for account in w3.eth.accounts]


def deploy(w3: Web3, quorum_percent: int) -> Any:
    artifact = json.loads(ARTIFACTS["ConsortiumRegistry"])
    factory = w3.eth.contract(abi=artifact["abi"], bytecode=artifact["bytecode"])
    founder = accounts(w3)[0]
    tx = factory.constructor("數位發展部 Ministry of Digital Affairs", "A1234567", quorum_percent).transact(
        {"from": founder}
    )
    address = w3.eth.wait_for_transaction_receipt(tx)["contractAddress"]
    return w3.eth.contract(address=address, abi=artifact["abi"])


def sender(w3: Web3, registry: Any) -> Callable[..., Any]:
    def send(account: str, function: str, *args: Any) -> Any:
        tx = getattr(registry.functions, function)(*args).transact({"from": account})
        return w3.eth.wait_for_transaction_receipt(tx)

    return send


def reverted_with(error: pytest.ExceptionInfo[TransactionFailed], signature: str) -> bool:
    """Whether the transaction reverted with the custom error `signature` (its 4-byte selector)."""
    text = str(error.value.args[0]).removeprefix("execution reverted: ")
    try:
        data = ast.literal_eval(text)  # eth-tester reports custom errors as a bytes literal
    except (SyntaxError, ValueError):
        return False  # a decoded reason string instead
    return isinstance(data, bytes) and data[:4] == Web3.keccak(text=signature)[:4]


def test_founder_admits_alone_then_votes_need_the_quorum(w3: Web3) -> None:
    registry = deploy(w3, quorum_percent=51)
    send = sender(w3, registry)
    a, b, c, d = accounts(w3)[:4]
    assert registry.functions.isMember(a).call()
    assert registry.functions.memberOf(a).call()[1].startswith("數位發展部")

    # One member: 51% of 1 is 1 vote, the proposer's own.
    send(a, "propose", ADMIT_MEMBER, b, ZERO, 0, "Chunghwa Telecom", "96979933")
    assert registry.functions.isMember(b).call()
    # Two members: 2 votes needed; the proposal waits for the second.
    send(a, "propose", ADMIT_MEMBER, c, ZERO, 0, "Academia Sinica", "03701606")
    assert not registry.functions.isMember(c).call()
    proposal = registry.functions.proposal(1).call()
    assert (proposal[7], proposal[8], proposal[9]) == (1, 2, False)  # votes, required, executed
    send(b, "vote", 1)
    assert registry.functions.isMember(c).call()
    assert registry.functions.memberCount().call() == 3
    assert registry.functions.memberAccounts().call() == [a, b, c]

    # Three members: ceil(51% of 3) = 2 votes.
    send(b, "propose", ADMIT_MEMBER, d, ZERO, 0, "National Taiwan University", "03734301")
    assert registry.functions.proposal(2).call()[8] == 2
    assert not registry.functions.isMember(d).call()
    send(c, "vote", 2)
    assert registry.functions.isMember(d).call()


def test_non_members_and_double_votes_are_rejected(w3: Web3) -> None:
    registry = deploy(w3, quorum_percent=100)
    send = sender(w3, registry)
    a, b, outsider = accounts(w3)[:3]
    send(a, "propose", ADMIT_MEMBER, b, ZERO, 0, "Member B", "1")
    send(a, "propose", ADMIT_MEMBER, outsider, ZERO, 0, "Would-be member", "2")  # needs a and b

    with pytest.raises(TransactionFailed) as caught:
        send(outsider, "vote", 1)
    assert reverted_with(caught, "NotMember(address)")
    with pytest.raises(TransactionFailed) as caught:
        send(outsider, "propose", ADMIT_MEMBER, outsider, ZERO, 0, "Myself", "3")
    assert reverted_with(caught, "NotMember(address)")
    with pytest.raises(TransactionFailed) as caught:
        send(a, "vote", 1)
    assert reverted_with(caught, "AlreadyVoted(uint256,address)")
    with pytest.raises(TransactionFailed) as caught:
        send(a, "vote", 99)
    assert reverted_with(caught, "UnknownProposal(uint256)")
    assert not registry.functions.isMember(outsider).call()

    send(b, "vote", 1)  # 100%: both members
    assert registry.functions.isMember(outsider).call()
    with pytest.raises(TransactionFailed) as caught:
        send(outsider, "vote", 1)
    assert reverted_with(caught, "ProposalExecuted(uint256)")


def test_nodes_with_roles_and_removal_rules(w3: Web3) -> None:
    registry = deploy(w3, quorum_percent=51)
    send = sender(w3, registry)
    a, b, validator, observer = accounts(w3)[:4]
    send(a, "propose", ADMIT_MEMBER, b, ZERO, 0, "Member B", "1")
    send(a, "propose", ADD_NODE, validator, b, VALIDATOR, "", "")  # proposal 1: 2 of 2 votes
    send(b, "vote", 1)
    send(b, "propose", ADD_NODE, observer, b, OBSERVER, "", "")
    send(a, "vote", 2)
    assert registry.functions.nodeAccounts().call() == [validator, observer]
    active, operator, role, _ = registry.functions.nodeOf(validator).call()
    assert (active, operator, role) == (True, b, VALIDATOR)
    assert registry.functions.nodeOf(observer).call()[2] == OBSERVER

    # A member who still operates nodes cannot be removed; the last member never.
    with pytest.raises(TransactionFailed) as caught:
        send(a, "propose", REMOVE_MEMBER, b, ZERO, 0, "", "")
    assert "remove the member's nodes first" in str(caught.value)
    with pytest.raises(TransactionFailed):
        send(a, "propose", ADD_NODE, accounts(w3)[5], accounts(w3)[6], VALIDATOR, "", "")  # not a member

    for node in (validator, observer):
        proposal_id = registry.functions.proposalCount().call()
        send(a, "propose", REMOVE_NODE, node, ZERO, 0, "", "")
        send(b, "vote", proposal_id)
        assert not registry.functions.nodeOf(node).call()[0]
    proposal_id = registry.functions.proposalCount().call()
    send(a, "propose", REMOVE_MEMBER, b, ZERO, 0, "", "")
    send(b, "vote", proposal_id)
    assert not registry.functions.isMember(b).call()
    assert registry.functions.memberCount().call() == 1
    with pytest.raises(TransactionFailed):
        send(a, "propose", REMOVE_MEMBER, a, ZERO, 0, "", "")


def test_the_embedded_chain_holds_an_account_for_dozens_of_organisations() -> None:
    """eth-tester's default 10 funded accounts capped a development consortium at 9 member
    organisations; the embedded chain now funds EMBEDDED_ACCOUNTS, each org gets its own."""
    from jipan.servers.ledger.chain import EMBEDDED_ACCOUNTS, AnchorChain
    from jipan.servers.ledger.consortium import ConsortiumChain

    chain = AnchorChain.in_process()
    try:
        consortium = ConsortiumChain(chain, founder_org="orgs/moda", quorum_percent=67)
        accounts = {consortium.account_for(f"orgs/member-{i}") for i in range(40)}
        assert len(accounts) == 40
        assert len(chain.spare_keys) == EMBEDDED_ACCOUNTS - 1
        balances = [chain.web3.eth.get_balance(Web3.to_checksum_address(a)) for a in accounts]
        assert all(balance > 10**18 for balance in balances)  # funded: each can pay for its votes
    finally:
        chain.close()
