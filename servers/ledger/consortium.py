"""The ConsortiumRegistry contract, signed by the accounts the ledger holds for member organisations.

Each member organisation acts on the chain through one account held here,
selected by the caller's `org` claim. On the embedded chain the accounts are
eth-tester's funded accounts other than the anchoring one (99 of them,
chain.EMBEDDED_ACCOUNTS): the founding organisation gets the first, the others
are assigned as organisations first act or are proposed for admission (in
memory: the embedded chain itself lives only as long as the process). On a
JSON-RPC chain each organisation's key is an encrypted keystore file
`{org}.json` in the configured directory, decrypted on first use and never
logged.

Every call runs on the AnchorChain's worker thread (py-evm is not thread-safe),
and a write is first dry-run with `eth_call` so that a revert comes back as the
contract's custom error, decoded into `Reverted`.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eth_abi.abi import decode as abi_decode
from eth_account import Account
from eth_account.signers.local import LocalAccount
from eth_tester.exceptions import TransactionFailed  # type: ignore[import-untyped]
from eth_typing import ChecksumAddress
from web3 import Web3
from web3.exceptions import ContractLogicError, Web3RPCError
from web3.logs import DISCARD

from jipan.servers.ledger.chain import AnchorChain, ChainUnavailable, _is_unavailable, load_artifact

KINDS = ("ADMIT_MEMBER", "REMOVE_MEMBER", "ADD_NODE", "REMOVE_NODE")
ROLES = ("", "VALIDATOR", "OBSERVER")
ZERO_ACCOUNT = b"\x00" * 20

# The contract's custom errors and the types of their arguments.
_ERRORS: dict[str, tuple[str, ...]] = {
    "NotMember": ("address",),
    "AlreadyVoted": ("uint256", "address"),
    "UnknownProposal": ("uint256",),
    "ProposalExecuted": ("uint256",),
    "InvalidProposal": ("string",),
}
_SELECTORS = {
    bytes(Web3.keccak(text=f"{name}({','.join(types)})")[:4]): name for name, types in _ERRORS.items()
}


class Reverted(Exception):
    """The ConsortiumRegistry refused the call: `error` is its custom error's name."""

    def __init__(self, error: str, detail: str = "") -> None:
        super().__init__(f"{error}: {detail}" if detail else error)
        self.error = error
        self.detail = detail


class NoSigningAccount(Exception):
    """The ledger holds no account for this organisation."""


class GovernanceUnavailable(Exception):
    """Governance is not set up on this chain backend."""


def _revert_data(exc: BaseException) -> bytes | str | None:
    """The revert payload: raw bytes (custom error) or a decoded reason string."""
    data = getattr(exc, "data", None)
    if isinstance(data, str) and data.startswith("0x"):
        return bytes.fromhex(data[2:])
    text = str(exc.args[0]) if exc.args else ""
    text = text.removeprefix("execution reverted: ")
    try:
        value = ast.literal_eval(text)  # eth-tester reports custom errors as a bytes literal
    except (SyntaxError, ValueError):
        return text or None
    return value if isinstance(value, bytes) else text


def decode_revert(exc: BaseException) -> Reverted:
    data = _revert_data(exc)
    if isinstance(data, bytes) and data[:4] in _SELECTORS:
        name = _SELECTORS[data[:4]]
        args = abi_decode(list(_ERRORS[name]), data[4:])
        return Reverted(name, str(args[0]) if name == "InvalidProposal" else "")
    # eth-tester decodes an InvalidProposal(string) payload into its text.
    return Reverted("InvalidProposal", str(data or "reverted"))


@dataclass(frozen=True, slots=True)
class Transaction:
    hash: bytes
    block_number: int
    block_time: datetime
    proposal_id: int | None
    """The id in the Proposed event, when the transaction made a proposal."""


@dataclass(frozen=True, slots=True)
class ChainProposal:
    id: int
    kind: str
    account: bytes
    operator: bytes
    role: str
    legal_name: str
    registration_number: str
    proposer: bytes
    votes: int
    required: int
    executed: bool


@dataclass(frozen=True, slots=True)
class ChainMember:
    active: bool
    legal_name: str
    registration_number: str
    admit_time: datetime


@dataclass(frozen=True, slots=True)
class ChainNode:
    active: bool
    operator: bytes
    role: str
    add_time: datetime


@dataclass(frozen=True, slots=True)
class ChainEvent:
    """A Proposed or Voted event: which proposal, whose account, in which transaction."""

    proposal_id: int
    account: bytes
    """The proposer (Proposed) or the voter (Voted)."""
    transaction_hash: bytes
    block_number: int
    block_time: datetime


@dataclass(frozen=True, slots=True)
class RegistrySnapshot:
    """Everything the registry holds, read at one block: state and the events behind it."""

    block_number: int
    proposals: tuple[ChainProposal, ...]
    proposed: dict[int, ChainEvent]
    """The Proposed event of each proposal, by id."""
    votes: tuple[ChainEvent, ...]
    members: tuple[tuple[bytes, ChainMember], ...]
    """Every account ever admitted, in order."""
    nodes: tuple[tuple[bytes, ChainNode], ...]
    """Every node ever added, in order."""


def _address(value: bytes) -> ChecksumAddress:
    return Web3.to_checksum_address(value)


def _raw(address: str) -> bytes:
    return bytes.fromhex(address[2:])


class ConsortiumChain:
    """One ConsortiumRegistry, deployed by the founding organisation's account."""

    def __init__(
        self,
        chain: AnchorChain,
        *,
        founder_org: str,
        quorum_percent: int,
        keystore_dir: Path | None = None,
        keystore_password: str | None = None,
    ) -> None:
        self._chain = chain
        self._keystore_dir = keystore_dir
        self._keystore_password = keystore_password
        self._artifact = load_artifact("ConsortiumRegistry")
        self._contract: Any = None
        self._accounts: dict[str, LocalAccount] = {}
        self._free: list[LocalAccount] = [Account.from_key(key) for key in chain.spare_keys]
        self.founder_org = founder_org
        self.quorum_percent = quorum_percent
        self.deploy_block = 0
        """The registry's deployment block: events are read from there (0 when unknown)."""

    @property
    def w3(self) -> Web3:
        return self._chain.web3

    @property
    def registry(self) -> bytes:
        assert self._contract is not None, "deploy first"
        return _raw(str(self._contract.address))

    @property
    def deployed(self) -> bool:
        return self._contract is not None

    def account_for(self, org: str) -> bytes:
        """The account the ledger holds for `org`, assigned on first use."""
        account = self._accounts.get(org)
        if account is None:
            account = self._assign(org)
            self._accounts[org] = account
        return _raw(account.address)

    def _assign(self, org: str) -> LocalAccount:
        if self._chain.embedded:
            if not self._free:
                raise NoSigningAccount(org)
            return self._free.pop(0)
        if self._keystore_dir is None or self._keystore_password is None:
            raise GovernanceUnavailable("no member keystore directory is configured")
        path = self._keystore_dir / f"{org.removeprefix('orgs/')}.json"
        try:
            key = Account.decrypt(path.read_text(), self._keystore_password)
        except (OSError, ValueError) as exc:  # never the key or the password in the message
            raise NoSigningAccount(org) from exc
        account: LocalAccount = Account.from_key(key)
        return account

    async def _run(self, fn: Callable[[], Any]) -> Any:
        try:
            return await self._chain.run(fn)
        except (ContractLogicError, TransactionFailed) as exc:
            raise decode_revert(exc) from exc
        except Web3RPCError as exc:
            if "revert" in str(exc).lower():
                raise decode_revert(exc) from exc
            raise
        except Exception as exc:
            if _is_unavailable(exc):
                raise ChainUnavailable(f"{type(exc).__name__}: {exc}") from exc
            raise

    def _send(self, account: LocalAccount, call: Any, *, dry_run: bool = True) -> Any:
        """Dry-run, then sign, send and wait (worker thread only)."""
        w3 = self.w3
        if dry_run:
            call.call({"from": account.address})  # a revert surfaces here, with its custom error
        nonce = w3.eth.get_transaction_count(account.address, "pending")
        tx = call.build_transaction(
            {"from": account.address, "nonce": nonce, "chainId": int(w3.eth.chain_id)}
        )
        tx_hash = w3.eth.send_raw_transaction(account.sign_transaction(tx).raw_transaction)
        receipt = w3.eth.wait_for_transaction_receipt(tx_hash, timeout=120)
        if receipt["status"] != 1:
            raise Reverted("InvalidProposal", f"transaction {tx_hash.hex()} reverted")
        return receipt

    def _transaction(self, receipt: Any) -> Transaction:
        block = self.w3.eth.get_block(receipt["blockNumber"])
        proposal_id = None
        if self._contract is not None and receipt.get("to") is not None:
            events = self._contract.events.Proposed().process_receipt(receipt, errors=DISCARD)
            if events:
                proposal_id = int(events[0]["args"]["id"])
        return Transaction(
            hash=bytes(receipt["transactionHash"]),
            block_number=int(receipt["blockNumber"]),
            block_time=datetime.fromtimestamp(int(block["timestamp"]), UTC),
            proposal_id=proposal_id,
        )

    async def read_chain_id(self) -> int:
        result: int = await self._run(lambda: int(self.w3.eth.chain_id))
        return result

    async def attach(self, address: bytes, deploy_block: int = 0) -> bool:
        """Use the registry at `address` when one answers there (a JSON-RPC chain that outlives
        the process); False when nothing is there (a fresh embedded chain)."""
        self.deploy_block = deploy_block

        def attach() -> bool:
            checksum = _address(address)
            if not bytes(self.w3.eth.get_code(checksum)):
                return False
            contract = self.w3.eth.contract(address=checksum, abi=self._artifact["abi"])
            contract.functions.quorumPercent().call()
            self._contract = contract
            return True

        result: bool = await self._run(attach)
        return result

    async def deploy(self, legal_name: str, registration_number: str) -> Transaction:
        """Deploy a registry whose founding member is the founder organisation's account."""
        self.account_for(self.founder_org)
        founder = self._accounts[self.founder_org]

        def deploy() -> Transaction:
            factory = self.w3.eth.contract(abi=self._artifact["abi"], bytecode=self._artifact["bytecode"])
            receipt = self._send(
                founder,
                factory.constructor(legal_name, registration_number, self.quorum_percent),
                dry_run=False,
            )
            self._contract = self.w3.eth.contract(
                address=receipt["contractAddress"], abi=self._artifact["abi"]
            )
            self.deploy_block = int(receipt["blockNumber"])
            return self._transaction(receipt)

        result: Transaction = await self._run(deploy)
        return result

    async def propose(
        self,
        org: str,
        *,
        kind: str,
        account: bytes,
        operator: bytes,
        role: str,
        legal_name: str,
        registration_number: str,
    ) -> Transaction:
        signer = self._signer(org)

        def propose() -> Transaction:
            call = self._contract.functions.propose(
                KINDS.index(kind),
                _address(account),
                _address(operator),
                ROLES.index(role),
                legal_name,
                registration_number,
            )
            return self._transaction(self._send(signer, call))

        result: Transaction = await self._run(propose)
        return result

    async def vote(self, org: str, proposal_id: int) -> Transaction:
        signer = self._signer(org)

        def vote() -> Transaction:
            return self._transaction(self._send(signer, self._contract.functions.vote(proposal_id)))

        result: Transaction = await self._run(vote)
        return result

    def _signer(self, org: str) -> LocalAccount:
        self.account_for(org)
        return self._accounts[org]

    def _read_proposal(self, proposal_id: int, block: int | str = "latest") -> ChainProposal:
        p = self._contract.functions.proposal(proposal_id).call(block_identifier=block)
        return ChainProposal(
            id=proposal_id,
            kind=KINDS[int(p[0])],
            account=_raw(p[1]),
            operator=_raw(p[2]),
            role=ROLES[int(p[3])],
            legal_name=str(p[4]),
            registration_number=str(p[5]),
            proposer=_raw(p[6]),
            votes=int(p[7]),
            required=int(p[8]),
            executed=bool(p[9]),
        )

    def _read_member(self, account: bytes, block: int | str = "latest") -> ChainMember:
        m = self._contract.functions.memberOf(_address(account)).call(block_identifier=block)
        return ChainMember(bool(m[0]), str(m[1]), str(m[2]), datetime.fromtimestamp(int(m[3]), UTC))

    def _read_node(self, account: bytes, block: int | str = "latest") -> ChainNode:
        n = self._contract.functions.nodeOf(_address(account)).call(block_identifier=block)
        return ChainNode(bool(n[0]), _raw(n[1]), ROLES[int(n[2])], datetime.fromtimestamp(int(n[3]), UTC))

    async def proposal(self, proposal_id: int) -> ChainProposal:
        result: ChainProposal = await self._run(lambda: self._read_proposal(proposal_id))
        return result

    async def member(self, account: bytes) -> ChainMember:
        result: ChainMember = await self._run(lambda: self._read_member(account))
        return result

    async def node(self, account: bytes) -> ChainNode:
        result: ChainNode = await self._run(lambda: self._read_node(account))
        return result

    async def snapshot(self) -> RegistrySnapshot:
        """The registry's state and its Proposed/Voted events, all read at the latest block.

        The events are read from the registry's deployment block (recorded with
        its address): governance is a few transactions a day, and a node that
        caps log ranges fails loudly (the mirror then keeps what it has and the
        next resync tries again).
        """

        def read() -> RegistrySnapshot:
            contract = self._contract
            block = int(self.w3.eth.block_number)
            times: dict[int, datetime] = {}

            def time_of(number: int) -> datetime:
                if number not in times:
                    stamp = int(self.w3.eth.get_block(number)["timestamp"])
                    times[number] = datetime.fromtimestamp(stamp, UTC)
                return times[number]

            def event(log: Any, account: str) -> ChainEvent:
                number = int(log["blockNumber"])
                return ChainEvent(
                    proposal_id=int(log["args"]["id"]),
                    account=_raw(log["args"][account]),
                    transaction_hash=bytes(log["transactionHash"]),
                    block_number=number,
                    block_time=time_of(number),
                )

            count = int(contract.functions.proposalCount().call(block_identifier=block))
            members = contract.functions.memberAccounts().call(block_identifier=block)
            nodes = contract.functions.nodeAccounts().call(block_identifier=block)
            proposed = contract.events.Proposed().get_logs(from_block=self.deploy_block, to_block=block)
            voted = contract.events.Voted().get_logs(from_block=self.deploy_block, to_block=block)
            return RegistrySnapshot(
                block_number=block,
                proposals=tuple(self._read_proposal(i, block) for i in range(count)),
                proposed={e.proposal_id: e for e in (event(log, "proposer") for log in proposed)},
                votes=tuple(event(log, "voter") for log in voted),
                members=tuple((_raw(a), self._read_member(_raw(a), block)) for a in members),
                nodes=tuple((_raw(a), self._read_node(_raw(a), block)) for a in nodes),
            )

        result: RegistrySnapshot = await self._run(read)
        return result

    def organization_of(self, account: bytes) -> str | None:
        """The organisation whose account this is, as far as the ledger knows: one it holds
        (assigned here, or a keystore `{org}.json` whose `address` field names the account;
        keystores are not decrypted for this)."""
        for org, held in self._accounts.items():
            if _raw(held.address) == account:
                return org
        if self._chain.embedded or self._keystore_dir is None:
            return None
        for path in sorted(self._keystore_dir.glob("*.json")):
            try:
                address = str(json.loads(path.read_text()).get("address", ""))
            except (OSError, ValueError, AttributeError):
                continue
            if address.lower().removeprefix("0x") == account.hex():
                return f"orgs/{path.stem}"
        return None
