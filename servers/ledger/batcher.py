"""AnchorBatcher: turns accepted digests into Merkle batches, one transaction each.

Every step is recorded in PostgreSQL before the next one starts, so a process
killed at any point resumes where it stopped:

1. BUILT: waiting receipts (oldest first, `FOR UPDATE SKIP LOCKED`) get a leaf
   index and their audit path, and the batch its root, in one transaction.
2. SUBMITTED: the batch is marked before its transaction is sent.
3. Before sending, the chain is asked whether this account already anchored
   the root (a transaction sent just before a crash); if so that anchor is used.
   Each transaction is recorded (batch_transactions) before it is sent; one
   that stays unmined is replaced with the same nonce and higher fees, also
   after a restart (chain.py).
4. CONFIRMED: the transaction is mined with the configured confirmations.

Replicas share one signing account, so only the replica holding the batcher
lock (a PostgreSQL advisory lock on a session of its own, store.BatcherLock)
sends transactions (nonces in order, no batch sent twice); every replica
accepts digests into the shared queue, and the holder batches all of them
(it looks at the queue every `leader_poll_s` besides its own notifications).
PostgreSQL frees the lock the moment the holder's session ends, so a replica
or a restarted process takes over within `leader_poll_s` of the holder dying,
not after a lease runs out.

An unreachable chain leaves batches BUILT/SUBMITTED and receipts PENDING; they
are retried every `retry_s`. A transaction the chain rejects marks the batch
FAILED and releases its receipts (FAILED, with the reason) to a later batch.
At start the batcher finishes unfinished batches and batches every waiting
receipt: pending work survives restarts.
"""

from __future__ import annotations

import asyncio
import contextlib
import time

import structlog

from jipan.servers.ledger.chain import (
    AnchorChain,
    AnchorRejected,
    ChainAnchor,
    ChainUnavailable,
    SentTransaction,
)
from jipan.servers.ledger.merkle import MerkleTree
from jipan.servers.ledger.store import BatcherLock, BatchRecord, LedgerStore

log = structlog.get_logger(__name__)

_POLL_S = 0.25
"""Longest the batcher sleeps without checking whether its process is closing."""


class AnchorBatcher:
    def __init__(
        self,
        store: LedgerStore,
        chain: AnchorChain,
        *,
        batch_size: int,
        window_s: float,
        retry_s: float,
        leader_poll_s: float = 1.0,
        leader_keepalive_s: float = 10.0,
        contract_address: bytes | None = None,
    ) -> None:
        self._store = store
        self._lock = BatcherLock(store.pool, keepalive_s=leader_keepalive_s)
        self._leader_poll_s = leader_poll_s
        self._configured_contract = contract_address
        self._chain = chain
        self._batch_size = batch_size
        self._window_s = window_s
        self._retry_s = retry_s
        self._wake = asyncio.Event()
        self._full = asyncio.Event()
        self._queued = 0
        self._ready = False
        self._stopped = False
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="ledger-batcher")

    async def stop(self) -> None:
        self._stopped = True
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        # The worker thread may still be waiting for a receipt, ready to broadcast a
        # replacement: it stops before another replica may send (same account, same nonces).
        # The lock goes however that wait ends (a stop cancelled by a shutdown timeout included):
        # a lock left held would keep every other sender out for as long as its session lives.
        try:
            await self._chain.aclose()
        finally:
            await self._lock.release()

    @property
    def leader(self) -> bool:
        """Whether this replica holds the batcher lock (sends the transactions)."""
        return self._lock.held

    def notify(self, accepted: int) -> None:
        """New digests were committed: start the window, or send now if a batch is full."""
        self._queued += accepted
        if self._queued >= self._batch_size:
            self._full.set()
        self._wake.set()

    def _closing(self) -> bool:
        # stop() is the normal path (Runtime.on_shutdown); a closing pool
        # also ends the loop, for owners that never call stop().
        return self._stopped or self._store.pool.is_closing()

    async def _sleep(self, event: asyncio.Event, seconds: float) -> bool:
        """Wait for `event` at most `seconds`; False when the process is closing."""
        deadline = time.monotonic() + seconds
        while not self._closing():
            remaining = deadline - time.monotonic()
            if event.is_set() or remaining <= 0:
                return True
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), min(remaining, _POLL_S))
        return False

    async def _run(self) -> None:
        while not self._closing():
            try:
                if not self._ready:
                    await self._attach_chain()
                await self.run_once()
            except ChainUnavailable as exc:
                log.warning("chain unavailable; receipts stay PENDING", error=str(exc))
                await self._sleep(asyncio.Event(), self._retry_s)
                continue
            except Exception:
                if self._closing():
                    break
                log.exception("anchoring failed; retrying")
                await self._sleep(asyncio.Event(), self._retry_s)
                continue
            if not self._lock.held:
                # Another replica sends (and batches this one's digests too): try again
                # soon, so that its death is noticed within leader_poll_s.
                if not await self._sleep(asyncio.Event(), self._leader_poll_s):
                    break
                continue
            # Wait for new digests (or for FAILED receipts to come due), then
            # let the batch fill for at most the window unless it is full.
            if not await self._wait_for_work():
                break
            if self._wake.is_set() and not await self._sleep(self._full, self._window_s):
                break
            self._wake.clear()
            self._full.clear()
            self._queued = 0
        try:
            await self._chain.aclose()
        finally:
            await self._lock.release()

    async def _wait_for_work(self) -> bool:
        """The sender waits for digests accepted here (notify), for digests other replicas
        accepted into the shared queue (checked every leader_poll_s), or for retry_s;
        False when the process is closing."""
        deadline = time.monotonic() + self._retry_s
        while True:
            remaining = deadline - time.monotonic()
            if not await self._sleep(self._wake, min(self._leader_poll_s, max(remaining, 0.0))):
                return False
            if self._wake.is_set() or time.monotonic() >= deadline:
                return True
            try:
                if await self._store.waiting_due():
                    return True
            except Exception:
                # Unless closing, let the round find out (and log) what is wrong.
                return not self._closing()

    async def _attach_chain(self) -> None:
        chain_id = await self._chain.read_chain_id()
        recorded = await self._store.contract_address(chain_id)
        if self._configured_contract is not None:
            # Configured: exactly that contract, never a new deployment.
            address = await self._chain.attach_contract(self._configured_contract, deploy=False)
        else:
            address = await self._chain.attach_contract(recorded)
        if address != recorded:
            await self._store.record_contract(chain_id, address)
        self._ready = True

    async def run_once(self) -> int:
        """Finish unfinished batches, then batch and anchor everything waiting; batches sent.

        Only the replica holding the batcher lock sends; the others accept digests
        and leave the anchoring to it, or take over when it dies.
        """
        if not await self._lock.take():
            return 0
        sent = 0
        for unfinished in await self._store.unfinished_batches():
            await self._finish(unfinished)
            sent += 1
        while not self._closing() and await self._lock.take():
            batch = await self._build()
            if batch is None:
                break
            await self._finish(batch)
            sent += 1
        return sent

    async def _build(self) -> BatchRecord | None:
        started = time.perf_counter()
        async with self._store.pool.acquire() as conn, conn.transaction():
            waiting = await self._store.waiting_digests(conn, self._batch_size)
            if not waiting:
                return None
            tree = MerkleTree([digest for _, digest in waiting])
            members = [
                (rid, index, proof)
                for index, ((rid, _), proof) in enumerate(zip(waiting, tree.proofs(), strict=True))
            ]
            batch = await self._store.create_batch(conn, tree.root, members)
        log.info(
            "batch built",
            batch=batch.id,
            leaves=batch.leaf_count,
            seconds=round(time.perf_counter() - started, 3),
        )
        return batch

    async def _finish(self, batch: BatchRecord) -> None:
        started = time.perf_counter()
        chain = self._chain
        anchored: ChainAnchor | None = await chain.find_anchor(batch.root)
        if anchored is None:
            await self._store.mark_submitted(
                batch.id, chain.chain_id, chain.contract_address, chain.signer_address
            )
            loop = asyncio.get_running_loop()

            def record(sent: SentTransaction) -> None:
                # On the chain's worker thread: the row commits before the transaction is sent.
                asyncio.run_coroutine_threadsafe(self._store.record_transaction(batch.id, sent), loop).result(
                    timeout=30
                )

            try:
                anchored = await chain.anchor(
                    batch.root,
                    batch.leaf_count,
                    previous=await self._store.batch_transactions(batch.id),
                    on_send=record,
                )
            except AnchorRejected as exc:
                log.warning("batch rejected by the chain; its receipts will be retried", batch=batch.id)
                await self._store.fail_batch(batch.id, str(exc)[:500], self._retry_s)
                return
        await self._store.confirm_batch(
            batch.id,
            chain_id=chain.chain_id,
            contract=chain.contract_address,
            signer=chain.signer_address,
            transaction_hash=anchored.transaction_hash,
            block_number=anchored.block_number,
            block_time=anchored.block_time,
        )
        log.info(
            "batch anchored",
            batch=batch.id,
            leaves=batch.leaf_count,
            block=anchored.block_number,
            tx=anchored.transaction_hash.hex(),
            seconds=round(time.perf_counter() - started, 3),
        )
