"""RFC 6962 (RFC 9162 §2.1) Merkle trees over SHA-256 digests: build, prove, verify.

Domain separation keeps a leaf from ever being read as an inner node:
leaf = SHA-256(0x00 || digest), node = SHA-256(0x01 || left || right). A tree
of n leaves splits at the largest power of two below n, which is the same tree
as pairing level by level and promoting an unpaired last node unchanged; that
is how `MerkleTree` builds it, in O(n) hashes.

Pure Python with no Jipan imports, so the offline verifier (and the SDK) can
use it without a server.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from itertools import chain, repeat

LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(LEAF_PREFIX + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


class MerkleTree:
    """All levels of the tree over `leaves` (each leaf is the submitted digest)."""

    def __init__(self, leaves: Sequence[bytes]) -> None:
        if not leaves:
            raise ValueError("a Merkle tree needs at least one leaf")
        level = [leaf_hash(leaf) for leaf in leaves]
        self._levels: list[list[bytes]] = [level]
        while len(level) > 1:
            paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
            if len(level) % 2:
                paired.append(level[-1])  # promoted unchanged (RFC 6962 split)
            level = paired
            self._levels.append(level)

    @property
    def size(self) -> int:
        return len(self._levels[0])

    @property
    def root(self) -> bytes:
        return self._levels[-1][0]

    def proof(self, index: int) -> list[bytes]:
        """The audit path of leaf `index`, leaf side first (RFC 9162 §2.1.3.1)."""
        if not 0 <= index < self.size:
            raise IndexError(f"leaf {index} is outside a tree of {self.size}")
        path: list[bytes] = []
        for level in self._levels[:-1]:
            sibling = index ^ 1
            if sibling < len(level):
                path.append(level[sibling])
            index //= 2
        return path

    def proofs(self) -> list[bytes]:
        """Every leaf's audit path, concatenated: `b"".join(self.proof(i))` for each leaf i.

        Level by level rather than leaf by leaf (the batcher needs all of
        them): at level L the sibling of leaf i is node (i >> L) ^ 1, so each
        level's siblings are repeated 2**L times; a level where the node has
        no sibling (promoted unchanged) contributes nothing.
        """
        size = self.size
        columns: list[list[bytes]] = []
        for height, level in enumerate(self._levels[:-1]):
            last = len(level) - 1
            siblings = [level[j ^ 1] if j ^ 1 <= last else b"" for j in range(len(level))]
            span = 1 << height
            if span == 1:
                columns.append(siblings)
            else:
                columns.append(list(chain.from_iterable(repeat(s, span) for s in siblings))[:size])
        if not columns:
            return [b""]
        return list(map(b"".join, zip(*columns, strict=True)))


def root_from_proof(leaf: bytes, index: int, size: int, proof: Sequence[bytes]) -> bytes | None:
    """The root that `proof` leads to from `leaf` at `index` in a tree of `size`.

    None when the proof cannot belong to such a tree (wrong length, index out
    of range). RFC 9162 §2.1.3.2, step for step.
    """
    if size < 1 or not 0 <= index < size:
        return None
    fn, sn = index, size - 1
    node = leaf_hash(leaf)
    for sibling in proof:
        if len(sibling) != hashlib.sha256().digest_size or sn == 0:
            return None
        if fn & 1 or fn == sn:
            node = node_hash(sibling, node)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            node = node_hash(node, sibling)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        return None
    return node


def verify_inclusion(leaf: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes) -> bool:
    """True when `leaf` is leaf `index` of the tree of `size` leaves whose root is `root`."""
    computed = root_from_proof(leaf, index, size, proof)
    return computed is not None and computed == root
