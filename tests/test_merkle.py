"""The RFC 6962 Merkle tree: proofs verify, and any change to leaf, proof or root breaks them."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jipan.servers.ledger.merkle import MerkleTree, leaf_hash, node_hash, root_from_proof, verify_inclusion

digests = st.binary(min_size=32, max_size=32)
trees = st.lists(digests, min_size=1, max_size=70)


def reference_root(leaves: list[bytes]) -> bytes:
    """MTH(D[n]) exactly as RFC 6962 §2.1 defines it (recursive split)."""
    if len(leaves) == 1:
        return leaf_hash(leaves[0])
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return node_hash(reference_root(leaves[:k]), reference_root(leaves[k:]))


def reference_path(m: int, leaves: list[bytes]) -> list[bytes]:
    """PATH(m, D[n]) of RFC 6962 §2.1.1."""
    if len(leaves) == 1:
        return []
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    if m < k:
        return [*reference_path(m, leaves[:k]), reference_root(leaves[k:])]
    return [*reference_path(m - k, leaves[k:]), reference_root(leaves[:k])]


def flip(data: bytes, bit: int) -> bytes:
    bit %= len(data) * 8
    out = bytearray(data)
    out[bit // 8] ^= 1 << (bit % 8)
    return bytes(out)


@given(trees)
def test_tree_matches_the_rfc_definition(leaves: list[bytes]) -> None:
    tree = MerkleTree(leaves)
    assert tree.root == reference_root(leaves)
    for index in range(len(leaves)):
        assert tree.proof(index) == reference_path(index, leaves)
    assert tree.proofs() == [b"".join(reference_path(i, leaves)) for i in range(len(leaves))]


@given(trees)
def test_every_leaf_proof_verifies(leaves: list[bytes]) -> None:
    tree = MerkleTree(leaves)
    for index, leaf in enumerate(leaves):
        assert verify_inclusion(leaf, index, tree.size, tree.proof(index), tree.root)


@settings(max_examples=300)
@given(trees, st.data())
def test_any_flipped_bit_fails(leaves: list[bytes], data: st.DataObject) -> None:
    tree = MerkleTree(leaves)
    index = data.draw(st.integers(0, len(leaves) - 1), label="index")
    leaf, proof, root = leaves[index], tree.proof(index), tree.root
    bit = data.draw(st.integers(0, 255), label="bit")
    assert not verify_inclusion(flip(leaf, bit), index, tree.size, proof, root)
    assert not verify_inclusion(leaf, index, tree.size, proof, flip(root, bit))
    if proof:
        which = data.draw(st.integers(0, len(proof) - 1), label="proof element")
        tampered = [*proof]
        tampered[which] = flip(tampered[which], bit)
        assert not verify_inclusion(leaf, index, tree.size, tampered, root)


@given(trees, st.data())
def test_wrong_position_or_size_fails(leaves: list[bytes], data: st.DataObject) -> None:
    tree = MerkleTree(leaves)
    index = data.draw(st.integers(0, len(leaves) - 1))
    proof = tree.proof(index)
    other = data.draw(st.integers(0, 200).filter(lambda i: i != index))
    if leaves.count(leaves[index]) == 1:
        assert not verify_inclusion(leaves[index], other, tree.size, proof, tree.root)
    assert not verify_inclusion(
        leaves[index], index, tree.size, [*proof, proof[0] if proof else tree.root], tree.root
    )


@given(digests)
def test_one_leaf_tree(leaf: bytes) -> None:
    tree = MerkleTree([leaf])
    assert tree.root == hashlib.sha256(b"\x00" + leaf).digest()
    assert tree.proof(0) == []
    assert verify_inclusion(leaf, 0, 1, [], tree.root)
    assert root_from_proof(leaf, 1, 1, []) is None


@pytest.mark.parametrize("size", [2, 3, 5, 6, 7, 9, 31, 33])
def test_odd_and_uneven_sizes(size: int) -> None:
    leaves = [hashlib.sha256(bytes([i])).digest() for i in range(size)]
    tree = MerkleTree(leaves)
    assert tree.root == reference_root(leaves)
    assert all(verify_inclusion(leaf, i, size, tree.proof(i), tree.root) for i, leaf in enumerate(leaves))


def test_known_vector() -> None:
    # Two leaves by hand: root = H(0x01 || H(0x00||a) || H(0x00||b)).
    a, b = b"\xaa" * 32, b"\xbb" * 32
    expected = hashlib.sha256(
        b"\x01" + hashlib.sha256(b"\x00" + a).digest() + hashlib.sha256(b"\x00" + b).digest()
    ).digest()
    assert MerkleTree([a, b]).root == expected


def test_empty_tree_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one leaf"):
        MerkleTree([])
