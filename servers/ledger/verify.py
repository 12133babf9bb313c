"""Offline verification of an anchored digest: trusts nothing the ledger server says.

The caller brings the digest it computed itself, the proof fields of a
receipt (root, leaf index, tree size, audit path), the signer addresses it
trusts (consortium members), and a lookup that asks the chain directly. The
proof is recomputed locally (RFC 6962) and the chain must say that a trusted
signer anchored exactly that root.

    lookup = web3_lookup(Web3(Web3.HTTPProvider(url)), contract_address)
    when = verify_anchor(digest, root=..., leaf_index=..., tree_size=..., proof=[...],
                         trusted_signers=[signer], lookup=lookup)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from jipan.servers.ledger.contract_artifacts import ARTIFACTS
from jipan.servers.ledger.merkle import root_from_proof


@dataclass(frozen=True, slots=True)
class OnChainAnchor:
    """What the AnchorRegistry contract records for (root, signer)."""

    signer: bytes
    block_number: int
    block_time: datetime
    leaf_count: int


ChainLookup = Callable[[bytes, bytes], OnChainAnchor | None]
"""(root, signer address) -> the chain's record, or None when never anchored."""


class VerificationFailed(Exception):
    """The digest is not proven anchored; `reason` says which check failed."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def verify_anchor(
    digest: bytes,
    *,
    root: bytes,
    leaf_index: int,
    tree_size: int,
    proof: Sequence[bytes],
    trusted_signers: Iterable[bytes],
    lookup: ChainLookup,
) -> OnChainAnchor:
    """The chain's record of the anchor that includes `digest`; VerificationFailed otherwise."""
    if len(digest) != 32:
        raise VerificationFailed("DIGEST_INVALID", "a digest is 32 bytes (SHA-256)")
    computed = root_from_proof(digest, leaf_index, tree_size, proof)
    if computed is None or computed != root:
        raise VerificationFailed("PROOF_INVALID", "the proof does not lead from the digest to the root")
    for signer in trusted_signers:
        record = lookup(root, signer)
        if record is not None:
            if record.leaf_count != tree_size:
                raise VerificationFailed("TREE_SIZE_MISMATCH", "the chain records another tree size")
            return record
    raise VerificationFailed("ROOT_NOT_ANCHORED", "no trusted signer anchored this root on the chain")


def web3_lookup(w3: Any, contract_address: bytes) -> ChainLookup:
    """A ChainLookup that calls AnchorRegistry.anchorOf on `w3` (a web3.Web3)."""
    abi = json.loads(ARTIFACTS["AnchorRegistry"])["abi"]
    contract = w3.eth.contract(address=w3.to_checksum_address(contract_address), abi=abi)

    def lookup(root: bytes, signer: bytes) -> OnChainAnchor | None:
        block_number, block_time, leaf_count = contract.functions.anchorOf(
            root, w3.to_checksum_address(signer)
        ).call()
        if block_number == 0:
            return None
        return OnChainAnchor(signer, int(block_number), datetime.fromtimestamp(block_time, UTC), leaf_count)

    return lookup
