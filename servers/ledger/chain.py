"""The AnchorRegistry contract on an EVM chain, through web3.

Two backends behind one class: the in-process EVM (eth-tester on py-evm, a
fresh chain per process, funded test account) as the embedded default, and
any EVM JSON-RPC node with the signing key from an encrypted keystore file.

web3's synchronous API runs on one dedicated worker thread: py-evm is
CPU-bound and not thread-safe, and one sender thread also keeps the account's
nonces in order (the batcher is the only sender, see batcher.py).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
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
from web3 import EthereumTesterProvider, Web3
from web3.exceptions import (
    ContractLogicError,
    ProviderConnectionError,
    RequestTimedOut,
    TimeExhausted,
    Web3RPCError,
)

from jipan.servers.ledger.contract_artifacts import ARTIFACTS

log = structlog.get_logger(__name__)


_T = TypeVar("_T")


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

    def __init__(self, w3: Web3, account: LocalAccount, *, confirmations: int = 0, embedded: bool) -> None:
        self._w3 = w3
        self._account = account
        self._confirmations = confirmations
        self.embedded = embedded
        self._artifact = load_artifact()
        self._contract: Any = None
        self._executor: ThreadPoolExecutor | None = None
        self.chain_id = 0
        self.spare_keys: tuple[bytes, ...] = ()
        """Embedded chain: the other funded test accounts' keys (governance signs with them)."""

    @classmethod
    def in_process(cls) -> AnchorChain:
        """A fresh in-memory chain; the first funded eth-tester account signs."""
        backend = PyEVMBackend()
        w3 = Web3(EthereumTesterProvider(EthereumTester(backend)))
        key = backend.account_keys[0]
        chain = cls(w3, Account.from_key(key.to_bytes()), embedded=True)
        chain.spare_keys = tuple(k.to_bytes() for k in backend.account_keys[1:])
        return chain

    @classmethod
    def json_rpc(
        cls, url: str, keystore_file: Path, password: str, *, confirmations: int, timeout_s: float = 10.0
    ) -> AnchorChain:
        """A JSON-RPC node; the signing key is decrypted from the keystore and never logged."""
        key = Account.decrypt(keystore_file.read_text(), password)
        w3 = Web3(Web3.HTTPProvider(url, request_kwargs={"timeout": timeout_s}))
        return cls(w3, Account.from_key(key), confirmations=confirmations, embedded=False)

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

    async def run(self, fn: Callable[[], _T]) -> _T:
        """Run `fn` on the chain's worker thread, undecorated (exceptions as web3 raised them)."""
        loop = asyncio.get_running_loop()
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ledger-chain")
        return await loop.run_in_executor(self._executor, fn)

    async def _call(self, fn: Callable[[], _T]) -> _T:
        loop = asyncio.get_running_loop()
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ledger-chain")
        try:
            return await loop.run_in_executor(self._executor, fn)
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

    def _send(self, call: Any) -> Any:
        """Build, sign, send and wait for a contract call or deployment (worker thread only)."""
        nonce = self._w3.eth.get_transaction_count(self._account.address, "pending")
        tx = call.build_transaction({"from": self._account.address, "nonce": nonce, "chainId": self.chain_id})
        signed = self._account.sign_transaction(tx)
        tx_hash = self._w3.eth.send_raw_transaction(signed.raw_transaction)
        receipt = self._w3.eth.wait_for_transaction_receipt(tx_hash, timeout=120)
        if receipt["status"] != 1:
            raise AnchorRejected(f"transaction {tx_hash.hex()} reverted")
        return receipt

    async def anchor(self, root: bytes, leaf_count: int) -> ChainAnchor:
        """Anchor `root` in one transaction and wait for its confirmations."""

        def anchor() -> ChainAnchor:
            receipt = self._send(self._contract.functions.anchor(root, leaf_count))
            return self._confirmed(bytes(receipt["transactionHash"]), int(receipt["blockNumber"]))

        return await self._call(anchor)

    def _confirmed(self, tx_hash: bytes, block_number: int) -> ChainAnchor:
        deadline = time.monotonic() + 600
        while self._w3.eth.block_number - block_number < self._confirmations:
            if time.monotonic() > deadline:
                raise ChainUnavailable(
                    f"block {block_number} did not get {self._confirmations} confirmations"
                )
            time.sleep(1.0)
        block = self._w3.eth.get_block(block_number)
        return ChainAnchor(tx_hash, block_number, datetime.fromtimestamp(int(block["timestamp"]), UTC))

    async def find_anchor(self, root: bytes) -> ChainAnchor | None:
        """Where this account anchored `root`, from the contract's state and its event."""

        def find() -> ChainAnchor | None:
            block_number, _, _ = self._contract.functions.anchorOf(root, self._account.address).call()
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
        """Stop the worker thread (a later call starts a new one)."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
