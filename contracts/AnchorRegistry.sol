// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title AnchorRegistry: Merkle roots of digest batches, anchored by their submitters.
/// @notice Jipan's ledger service anchors one root per batch of SHA-256 digests
/// (RFC 6962 Merkle tree). Anyone can later check that a root was anchored by a
/// given submitter, and when, without trusting the service that built the tree.
/// @dev Anchors are keyed by (root, submitter): another account anchoring the
/// same root first (front-running) cannot take the record of the real submitter.
contract AnchorRegistry {
    /// One anchored root, packed into a single storage slot.
    struct Anchor {
        uint64 blockNumber;
        uint64 blockTime;
        uint32 leafCount;
    }

    /// root => submitter => anchor (blockNumber 0 means not anchored).
    mapping(bytes32 => mapping(address => Anchor)) private _anchors;

    /// Emitted once per anchored root.
    event Anchored(bytes32 indexed root, address indexed submitter, uint32 leafCount, uint64 blockTime);

    /// The root is zero: never a real Merkle root.
    error ZeroRoot();
    /// A batch has at least one leaf.
    error EmptyBatch();
    /// This submitter already anchored this root (a retried transaction).
    error AlreadyAnchored(bytes32 root, address submitter);

    /// Anchors `root`, the Merkle root of `leafCount` digests, for the sender.
    function anchor(bytes32 root, uint32 leafCount) external {
        if (root == bytes32(0)) revert ZeroRoot();
        if (leafCount == 0) revert EmptyBatch();
        Anchor storage slot = _anchors[root][msg.sender];
        if (slot.blockNumber != 0) revert AlreadyAnchored(root, msg.sender);
        slot.blockNumber = uint64(block.number);
        slot.blockTime = uint64(block.timestamp);
        slot.leafCount = leafCount;
        emit Anchored(root, msg.sender, leafCount, uint64(block.timestamp));
    }

    /// When `submitter` anchored `root`: all zero when it never did.
    function anchorOf(bytes32 root, address submitter)
        external
        view
        returns (uint64 blockNumber, uint64 blockTime, uint32 leafCount)
    {
        Anchor storage slot = _anchors[root][submitter];
        return (slot.blockNumber, slot.blockTime, slot.leafCount);
    }
}
