"""The AnchorRegistry contract on an EVM chain, through web3.

Two backends behind one class: the in-process EVM (eth-tester on py-evm, a
fresh chain per process, funded test account) as the embedded default, and
any EVM JSON-RPC node with the signing key from an encrypted keystore file.

web3's synchronous API runs on one dedicated worker thread: py-evm is
CPU-bound and not thread-safe, and one sender thread also keeps the account's
nonces in order (the batcher is the only sender, see batcher.py).

An anchoring transaction that stays unmined for `replace_after_s` (a fee
spike, a node that dropped it) is replaced, not duplicated: the same nonce is
signed again with both EIP-1559 fees raised by 12.5% (nodes want at least
10%), so at most one of them is mined. Each transaction is reported to the
caller (`on_send`) before it is broadcast; the batcher records it, and after a
restart passes the batch's earlier transactions back (`previous`) so that the
nonce they hold is replaced rather than abandoned.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import structlog
from eth_account import Account
from eth_account.signers.local import LocalAccount
from eth_tester import EthereumTester, PyEVMBackend  # type: ignore[import-untyped]
from eth_tester.exceptions import TransactionFailed  # type: ignore[import-untyped]
from hexbytes import HexBytes
from web3 import EthereumTesterProvider, Web3
from web3.exceptions import (
    ContractLogicError,
    ProviderConnectionError,
    RequestTimedOut,
    TimeExhausted,
    TransactionNotFound,
    Web3RPCError,
)

from jipan.servers.ledger.contract_artifacts import ARTIFACTS
from jipan.servers.runtime.recursion_limit import enforce_safe_recursion_limit

# Importing eth_tester imported py-evm and py_ecc, which raise the recursion limit
# to 100,000: past the C stack (see recursion_limit.py). Put it back.
enforce_safe_recursion_limit("py-evm import (jipan.servers.ledger.chain)", expected=True)

log = structlog.get_logger(__name__)


_T = TypeVar("_T")


# Funded accounts of the embedded chain: one anchors, each member organisation of
# the consortium gets one of the rest (eth-tester's default of 10 capped a dev
# consortium at 9 organisations).
EMBEDDED_ACCOUNTS = 100


class ChainUnavailable(Exception):
    """The chain did not answer (connection refused, timeout): try again later."""


class AnchorRejected(Exception):
    """The chain answered no: the transaction reverted or could not be built."""


@dataclass(frozen=True, slots=True)
class ChainAnchor:
    """A root as the chain records it."""

    transaction_hash: bytes
    block_number: int
    block_time: datetime


@dataclass(frozen=True, slots=True)
class SentTransaction:
    """One signed transaction for a nonce; a replacement names the one it replaced."""

    transaction_hash: bytes
    nonce: int
    max_fee_per_gas: int | None
    max_priority_fee_per_gas: int | None
    gas_price: int | None
    """Legacy (pre-EIP-1559) transactions only."""
    replaces: bytes | None
    send_time: datetime


FEE_BUMP = (9, 8)
"""Replacement fees: x 9/8 (+1 wei), above the 10% that geth, Besu and anvil require."""

SEND_BUDGET_S = 45.0
"""Longest one `anchor` call waits for a receipt (replacing as it goes) before it gives up
with ChainUnavailable; the batcher's next round resumes the nonce."""

CLOSE_WAIT_S = 15.0
"""How long aclose waits for the worker thread: its polls end at once, a node request in flight
within its HTTP timeout (10 s by default)."""

_RECEIPT_POLL_S = 0.1

ANCHOR_GAS_MARGIN = (5, 4)
"""An anchoring's gas limit: the first anchoring's estimate x 5/4, kept for the next ones.
`anchor(root, leafCount)` costs the same every time (one new storage slot, one event; only
the calldata's count of zero bytes varies, by a few hundred gas), and estimating it was a
binary search of EVM executions on every batch: about a third of the embedded ledger's CPU
per anchoring."""


def _bump(value: int) -> int:
    return value * FEE_BUMP[0] // FEE_BUMP[1] + 1


def load_artifact(name: str = "AnchorRegistry") -> dict[str, Any]:
    """ABI and bytecode compiled by scripts/compile-contracts (checked in CI)."""
    artifact: dict[str, Any] = json.loads(ARTIFACTS[name])
    return artifact


def _is_unavailable(exc: BaseException) -> bool:
    return isinstance(
        exc, ConnectionError | ProviderConnectionError | RequestTimedOut | TimeExhausted | TimeoutError
    ) or type(exc).__module__.startswith(("requests", "urllib3"))


class AnchorChain:
    """One signing account talking to one AnchorRegistry."""

    def __init__(
        self,
        w3: Web3,
        account: LocalAccount,
        *,
        confirmations: int = 0,
        embedded: bool,
        replace_after_s: float = 60.0,
    ) -> None:
        self._w3 = w3
        self._account = account
        self._confirmations = confirmations
        self._replace_after_s = replace_after_s
        self.embedded = embedded
        self._artifact = load_artifact()
        self._contract: Any = None
        self._executor: ThreadPoolExecutor | None = None
        self._closing = threading.Event()
        """Set by close(): the worker thread's waits end, and it sends nothing more."""
        self.chain_id = 0
        self.spare_keys: tuple[bytes, ...] = ()
        """Embedded chain: the other funded test accounts' keys (governance signs with them)."""
        self._anchor_gas: int | None = None

    @classmethod
    def in_process(cls) -> AnchorChain:
        """A fresh in-memory chain; the first funded eth-tester account signs anchors, the
        other EMBEDDED_ACCOUNTS - 1 sign for member organisations (consortium.py)."""
        backend = PyEVMBackend(
            genesis_state=PyEVMBackend.generate_genesis_state(num_accounts=EMBEDDED_ACCOUNTS)
        )
        w3 = Web3(EthereumTesterProvider(EthereumTester(backend)))
        key = backend.account_keys[0]
        chain = cls(w3, Account.from_key(key.to_bytes()), embedded=True)
        chain.spare_keys = tuple(k.to_bytes() for k in backend.account_keys[1:])
        return chain

    @classmethod
    def json_rpc(
        cls,
        url: str,
        keystore_file: Path,
        password: str,
        *,
        confirmations: int,
        timeout_s: float = 10.0,
        replace_after_s: float = 60.0,
    ) -> AnchorChain:
        """A JSON-RPC node; the signing key is decrypted from the keystore and never logged."""
        key = Account.decrypt(keystore_file.read_text(), password)
        w3 = Web3(Web3.HTTPProvider(url, request_kwargs={"timeout": timeout_s}))
        return cls(
            w3,
            Account.from_key(key),
            confirmations=confirmations,
            embedded=False,
            replace_after_s=replace_after_s,
        )

    @property
    def web3(self) -> Web3:
        return self._w3

    @property
    def signer_address(self) -> bytes:
        return bytes.fromhex(self._account.address[2:])

    @property
    def contract_address(self) -> bytes:
        assert self._contract is not None, "attach_contract first"
        return bytes.fromhex(str(self._contract.address)[2:])

    def _worker(self) -> ThreadPoolExecutor:
        if self._executor is None:
            # A new worker after close(): a fresh closing flag, the old one stays set for
            # the old worker's job if it is still winding down.
            self._closing = threading.Event()
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ledger-chain")
        return self._executor

    def _submit(self, fn: Callable[[], _T]) -> asyncio.Future[_T]:
        executor = self._worker()
        closing = self._closing

        def job() -> _T:
            _job.closing = closing
            return fn()

        return asyncio.get_running_loop().run_in_executor(executor, job)

    async def run(self, fn: Callable[[], _T]) -> _T:
        """Run `fn` on the chain's worker thread, undecorated (exceptions as web3 raised them)."""
        return await self._submit(fn)

    async def _call(self, fn: Callable[[], _T]) -> _T:
        try:
            return await self._submit(fn)
        except (ChainUnavailable, AnchorRejected):
            raise
        except (ContractLogicError, TransactionFailed, Web3RPCError) as exc:
            # A revert, or the node refusing the transaction (insufficient
            # funds, gas limits): the chain answered, and answered no.
            raise AnchorRejected(str(exc)) from exc
        except Exception as exc:
            if _is_unavailable(exc):
                raise ChainUnavailable(f"{type(exc).__name__}: {exc}") from exc
            raise

    async def read_chain_id(self) -> int:
        def read() -> int:
            self.chain_id = int(self._w3.eth.chain_id)
            return self.chain_id

        return await self._call(read)

    async def attach_contract(self, known: bytes | None, *, deploy: bool = True) -> bytes:
        """Use the AnchorRegistry at `known` when its code is there, else deploy one
        (or, with `deploy=False`, raise AnchorRejected).

        Returns the contract's address (record it: the next start reuses it).
        """

        def attach() -> bytes:
            self.chain_id = int(self._w3.eth.chain_id)
            abi = self._artifact["abi"]
            runtime_code = bytes.fromhex(self._artifact["deployedBytecode"][2:])
            if known is not None:
                address = Web3.to_checksum_address(known)
                if bytes(self._w3.eth.get_code(address)) == runtime_code:
                    self._contract = self._w3.eth.contract(address=address, abi=abi)
                    return known
                if not deploy:
                    raise AnchorRejected(f"no AnchorRegistry at the configured address {address}")
                log.warning("recorded AnchorRegistry not found on chain; deploying", address=address)
            factory = self._w3.eth.contract(abi=abi, bytecode=self._artifact["bytecode"])
            receipt = self._send(factory.constructor())
            address = receipt["contractAddress"]
            self._contract = self._w3.eth.contract(address=address, abi=abi)
            log.info("AnchorRegistry deployed", address=address, chain_id=self.chain_id)
            return bytes.fromhex(str(address)[2:])

        return await self._call(attach)

    def _send(
        self,
        call: Any,
        *,
        gas: int | None = None,
        previous: Sequence[SentTransaction] = (),
        on_send: Callable[[SentTransaction], None] | None = None,
    ) -> Any:
        """Build, sign, send and wait for a contract call or deployment (worker thread only),
        replacing it (same nonce, higher fees) while it stays unmined.

        `gas`: the first transaction's gas limit (None: the node estimates it).

        `previous`: transactions already sent for this call (oldest first), by an
        earlier attempt or process; their nonce is reused while it is still open.
        `on_send` sees each transaction before it is broadcast.
        """
        sent = list(previous)
        receipt = self._receipt_of(sent)
        if receipt is None:
            if sent and self._nonce_taken(sent[-1].nonce):
                # Our nonce went to a transaction we never sent (or a receipt the node no
                # longer has): start again with a fresh nonce.
                log.warning("anchoring nonce used elsewhere; sending anew", nonce=sent[-1].nonce)
                sent = []
            known = bool(sent) and self._known(sent)
            if sent and not known and self._next_nonce() < sent[-1].nonce:
                # Recorded, unknown to the node, and beyond this account's next nonce here:
                # they went to a chain this node does not carry (an embedded chain of an
                # earlier process, a node reset, another network). A replacement with that
                # nonce would wait forever behind nonces nobody sends: send anew.
                log.warning(
                    "recorded anchoring nonce is not this chain's; sending anew", nonce=sent[-1].nonce
                )
                sent = []
            if not sent:
                fields: dict[str, Any] = {
                    "from": self._account.address,
                    "nonce": self._next_nonce(),
                    "chainId": self.chain_id,
                }
                if gas is not None:
                    fields["gas"] = gas
                tx = call.build_transaction(fields)
                sent.append(self._broadcast(tx, None, on_send))
            elif not known:
                # Recorded but unknown to the node: the process died between recording and
                # sending (or the node dropped them). Waiting replace_after_s for a
                # transaction nobody has would only delay the batch: replace it now.
                log.warning("recorded anchoring transaction not on the node; replacing", nonce=sent[-1].nonce)
                sent.append(self._replacement(call, sent[-1], on_send))
            receipt = self._wait_replacing(call, sent, on_send)
        if receipt["status"] != 1:
            raise AnchorRejected(f"transaction {bytes(receipt['transactionHash']).hex()} reverted")
        return receipt

    def _broadcast(
        self, tx: dict[str, Any], replaces: bytes | None, on_send: Callable[[SentTransaction], None] | None
    ) -> SentTransaction:
        record, raw = self._signed(tx, replaces)
        if on_send is not None:
            on_send(record)
        self._w3.eth.send_raw_transaction(raw)
        return record

    def _signed(self, tx: dict[str, Any], replaces: bytes | None) -> tuple[SentTransaction, bytes]:
        """`tx` signed: its record and its raw bytes."""
        signed = self._account.sign_transaction(tx)
        record = SentTransaction(
            transaction_hash=bytes(signed.hash),
            nonce=int(tx["nonce"]),
            max_fee_per_gas=None if "maxFeePerGas" not in tx else int(tx["maxFeePerGas"]),
            max_priority_fee_per_gas=(
                None if "maxPriorityFeePerGas" not in tx else int(tx["maxPriorityFeePerGas"])
            ),
            gas_price=None if "gasPrice" not in tx else int(tx["gasPrice"]),
            replaces=replaces,
            send_time=datetime.now(UTC),
        )
        return record, bytes(signed.raw_transaction)

    def _receipt_of(self, sent: Sequence[SentTransaction]) -> Any:
        """The receipt of whichever of `sent` was mined, or None."""
        for record in reversed(sent):
            try:
                return self._w3.eth.get_transaction_receipt(HexBytes(record.transaction_hash))
            except TransactionNotFound:
                continue
        return None

    def _known(self, sent: Sequence[SentTransaction]) -> bool:
        """Whether the node has any of `sent` (pending or mined)."""
        for record in reversed(sent):
            try:
                self._w3.eth.get_transaction(HexBytes(record.transaction_hash))
            except TransactionNotFound:
                continue
            return True
        return False

    def _nonce_taken(self, nonce: int) -> bool:
        """Whether a mined transaction of this account already used `nonce`."""
        return int(self._w3.eth.get_transaction_count(self._account.address, "latest")) > nonce

    def _next_nonce(self) -> int:
        """This account's next nonce on the node (its pending transactions counted)."""
        return int(self._w3.eth.get_transaction_count(self._account.address, "pending"))

    def _wait_replacing(
        self, call: Any, sent: list[SentTransaction], on_send: Callable[[SentTransaction], None] | None
    ) -> Any:
        deadline = time.monotonic() + SEND_BUDGET_S
        while True:
            receipt = self._receipt_of(sent)
            if receipt is not None:
                return receipt
            if time.monotonic() > deadline:
                raise ChainUnavailable(
                    f"transaction {sent[-1].transaction_hash.hex()} (nonce {sent[-1].nonce}) not mined yet"
                )
            due = sent[-1].send_time.timestamp() + self._replace_after_s
            if time.time() < due:
                _pause(_RECEIPT_POLL_S)
                continue
            if self._nonce_taken(sent[-1].nonce):
                # Mined between the receipt check and now, or by someone else: the
                # receipt check decides on the next turn; a nonce used elsewhere
                # leaves nothing to wait for.
                if self._receipt_of(sent) is None:
                    raise ChainUnavailable(f"nonce {sent[-1].nonce} was used by another transaction")
                continue
            _pause(0)  # closing: no replacement goes out
            sent.append(self._replacement(call, sent[-1], on_send))

    def _replacement(
        self, call: Any, last: SentTransaction, on_send: Callable[[SentTransaction], None] | None
    ) -> SentTransaction:
        """`last` again, same nonce, both fees up by FEE_BUMP (and at least what the chain asks now)."""
        fields: dict[str, Any] = {
            "from": self._account.address,
            "nonce": last.nonce,
            "chainId": self.chain_id,
        }
        if last.gas_price is not None:
            fields["gasPrice"] = max(_bump(last.gas_price), int(self._w3.eth.gas_price))
        else:
            priority = _bump(last.max_priority_fee_per_gas or 0)
            base = int(self._w3.eth.get_block("latest").get("baseFeePerGas", 0))
            fields["maxPriorityFeePerGas"] = priority
            fields["maxFeePerGas"] = max(_bump(last.max_fee_per_gas or 0), 2 * base + priority)
        try:
            tx = call.build_transaction(fields)
        except (ContractLogicError, Web3RPCError) as exc:
            # Gas estimation reverts once the root is anchored: `last` (or an earlier
            # one) was mined just now. The next turn finds its receipt.
            log.info("replacement not built", nonce=last.nonce, error=str(exc)[:200])
            return dataclasses.replace(last, send_time=datetime.now(UTC))
        record, raw = self._signed(tx, last.transaction_hash)
        if on_send is not None:
            on_send(record)
        try:
            self._w3.eth.send_raw_transaction(raw)
        except Web3RPCError as exc:
            # Refused (underpriced, the old one just mined, not enough funds for the
            # higher fee): keep waiting for what is out there; the next turn bumps
            # above this one.
            log.warning("replacement refused by the node", nonce=last.nonce, error=str(exc)[:200])
            return record
        log.warning(
            "anchoring transaction replaced",
            nonce=last.nonce,
            replaced=last.transaction_hash.hex(),
            replacement=record.transaction_hash.hex(),
            max_fee_per_gas=record.max_fee_per_gas,
            max_priority_fee_per_gas=record.max_priority_fee_per_gas,
            gas_price=record.gas_price,
        )
        return record

    async def anchor(
        self,
        root: bytes,
        leaf_count: int,
        *,
        previous: Sequence[SentTransaction] = (),
        on_send: Callable[[SentTransaction], None] | None = None,
    ) -> ChainAnchor:
        """Anchor `root` in one transaction and wait for its confirmations (see `_send` for
        `previous` and `on_send`)."""

        def anchor() -> ChainAnchor:
            call = self._contract.functions.anchor(root, leaf_count)
            if self._anchor_gas is None:
                # Reverts here (a zero root, an empty batch, a root already anchored) are
                # AnchorRejected before anything is sent, as they were with every estimate.
                estimate = int(call.estimate_gas({"from": self._account.address}))
                self._anchor_gas = estimate * ANCHOR_GAS_MARGIN[0] // ANCHOR_GAS_MARGIN[1]
            receipt = self._send(call, gas=self._anchor_gas, previous=previous, on_send=on_send)
            return self._confirmed(bytes(receipt["transactionHash"]), int(receipt["blockNumber"]))

        return await self._call(anchor)

    def _confirmed(self, tx_hash: bytes, block_number: int) -> ChainAnchor:
        deadline = time.monotonic() + 600
        while self._w3.eth.block_number - block_number < self._confirmations:
            if time.monotonic() > deadline:
                raise ChainUnavailable(
                    f"block {block_number} did not get {self._confirmations} confirmations"
                )
            _pause(1.0)
        block = self._w3.eth.get_block(block_number)
        return ChainAnchor(tx_hash, block_number, datetime.fromtimestamp(int(block["timestamp"]), UTC))

    async def find_anchor(self, root: bytes) -> ChainAnchor | None:
        """Where this account anchored `root`, from the contract's state and its event."""

        def find() -> ChainAnchor | None:
            # An explicit `from`: without it web3 fills one in from eth_accounts on every call
            # (the embedded chain checksums each of its test accounts: half of a lookup's CPU).
            block_number, _, _ = self._contract.functions.anchorOf(root, self._account.address).call(
                {"from": self._account.address}
            )
            if block_number == 0:
                return None
            logs = self._contract.events.Anchored().get_logs(
                from_block=block_number,
                to_block=block_number,
                argument_filters={"root": root, "submitter": self._account.address},
            )
            if not logs:
                raise ChainUnavailable(f"the Anchored event of block {block_number} is not available")
            return self._confirmed(bytes(logs[0]["transactionHash"]), int(block_number))

        return await self._call(find)

    def close(self) -> None:
        """Stop the worker thread (a later call starts a new one): a job waiting for a receipt
        or for confirmations ends with ChainUnavailable at its next poll and sends nothing more."""
        self._closing.set()
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    async def aclose(self, timeout_s: float = CLOSE_WAIT_S) -> bool:
        """close(), then wait (at most `timeout_s`) until the worker thread has stopped; whether it did.

        The batcher waits for this before it lets go of its lock: another replica sends only
        once this one's thread can no longer broadcast (replacements use the same nonce).
        """
        executor = self._executor
        self.close()
        if executor is None:
            return True
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.to_thread(executor.shutdown, wait=True), timeout_s)
            return True
        log.warning("the ledger's chain worker did not stop in time", timeout_s=timeout_s)
        return False


class _Job(threading.local):
    closing: threading.Event | None = None


_job = _Job()


def _pause(seconds: float) -> None:
    """Sleep on the chain's worker thread; ChainUnavailable at once when the chain is closing."""
    closing = _job.closing
    if closing is None:
        time.sleep(seconds)
    elif closing.wait(seconds):
        raise ChainUnavailable("the ledger is closing; the transaction is resumed at the next start")
