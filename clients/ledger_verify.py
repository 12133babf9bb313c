"""Offline verification of ledger receipts for SDK users (see jipan.servers.ledger.verify).

Nothing here trusts the ledger server: the proof is recomputed locally and the
chain itself is asked whether a trusted signer anchored the root.
"""

from __future__ import annotations

from collections.abc import Iterable

from jipan.ledger.v1 import resources_pb2
from jipan.servers.ledger.merkle import MerkleTree, leaf_hash, node_hash, root_from_proof, verify_inclusion
from jipan.servers.ledger.verify import (
    ChainLookup,
    OnChainAnchor,
    VerificationFailed,
    verify_anchor,
    web3_lookup,
)

__all__ = [
    "ChainLookup",
    "MerkleTree",
    "OnChainAnchor",
    "VerificationFailed",
    "leaf_hash",
    "node_hash",
    "root_from_proof",
    "verify_anchor",
    "verify_inclusion",
    "verify_receipt",
    "web3_lookup",
]


def verify_receipt(
    digest: bytes,
    receipt: resources_pb2.Receipt,
    *,
    trusted_signers: Iterable[bytes],
    lookup: ChainLookup,
) -> OnChainAnchor:
    """`verify_anchor` on a CONFIRMED receipt's proof, for the digest the caller computed itself.

    Only the proof's shape comes from the receipt; the digest is the caller's,
    the signers are the ones the caller trusts, and the chain answers `lookup`.
    """
    if not receipt.HasField("anchor"):
        raise VerificationFailed("NOT_ANCHORED", f"{receipt.name} is not anchored yet")
    anchor = receipt.anchor
    return verify_anchor(
        digest,
        root=anchor.root,
        leaf_index=anchor.leaf_index,
        tree_size=anchor.tree_size,
        proof=list(anchor.proof),
        trusted_signers=trusted_signers,
        lookup=lookup,
    )
