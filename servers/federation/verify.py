"""Offline verification of a message log: trusts nothing the recording server says.

The caller brings the entries (as VerifyExchange / ListLogEntries return
them: canonical form, entry hash, signature, key id), the recording side's
log keys from its trust bundle, and optionally the anchor batch proof. Each
check is recomputed here: the entry hash is SHA-256 of the canonical form,
the signature is Ed25519 under a key of the bundle, over the hash itself or,
for an entry signed in a batch (X-Road's batch signatures: one signature per
flush of the log), over the batch's RFC 6962 Merkle root that the entry's
audit path leads to from its hash; each entry
names its predecessor's hash and the sequence grows by one, and the Merkle
audit path (RFC 6962, jipan.servers.ledger.merkle) leads from the hash to
the anchored root. Whether the ledger holds that root is then a ledger
question: `jipan.servers.ledger.verify.verify_anchor` answers it from the
chain itself. Pure Python with no server imports beyond the Merkle helpers.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from jipan.servers.ledger.merkle import verify_inclusion

ZERO_HASH = bytes(32)


class LogVerificationFailed(Exception):
    """The log does not verify; `reason` names the check, `sequence` the entry."""

    def __init__(self, reason: str, message: str, sequence: int) -> None:
        super().__init__(f"entry {sequence}: {message}")
        self.reason = reason
        self.sequence = sequence


@dataclass(frozen=True, slots=True)
class SignatureBatch:
    """The signed batch an entry belongs to: its root, the entry's leaf and audit path."""

    root: bytes
    leaf_index: int
    tree_size: int
    proof: tuple[bytes, ...]


@dataclass(frozen=True, slots=True)
class SignedEntry:
    canonical: bytes
    entry_hash: bytes
    signature: bytes
    signing_key_id: str
    batch: SignatureBatch | None = None
    """None: the signature is over `entry_hash` itself."""


def signed_entry(message: Any) -> SignedEntry:
    """The verifiable part of a `jipan.federation.v1.LogEntry` message as the recording side sent it."""
    batch = None
    if message.HasField("signature_batch"):
        sent = message.signature_batch
        batch = SignatureBatch(sent.root, sent.leaf_index, sent.tree_size, tuple(sent.proof))
    return SignedEntry(
        message.canonical, message.entry_hash, message.signature, message.signing_key_id, batch
    )


def entry_fields(canonical: bytes) -> dict[str, object]:
    fields = json.loads(canonical)
    if not isinstance(fields, dict):
        raise ValueError("a canonical entry is a JSON object")
    return fields


def verify_entry(entry: SignedEntry, log_keys: Mapping[str, Ed25519PublicKey]) -> dict[str, object]:
    """The entry's fields when its hash and signature verify; LogVerificationFailed otherwise."""
    fields = entry_fields(entry.canonical)
    sequence = int(str(fields.get("sequence", 0)))
    if hashlib.sha256(entry.canonical).digest() != entry.entry_hash:
        raise LogVerificationFailed(
            "HASH_MISMATCH", "the entry hash is not the SHA-256 of its canonical form", sequence
        )
    key = log_keys.get(entry.signing_key_id)
    if key is None:
        raise LogVerificationFailed(
            "KEY_UNKNOWN", "the signing key is not in the recording side's bundle", sequence
        )
    signed = entry.entry_hash
    if entry.batch is not None:
        batch = entry.batch
        if not verify_inclusion(entry.entry_hash, batch.leaf_index, batch.tree_size, batch.proof, batch.root):
            raise LogVerificationFailed(
                "BATCH_PROOF_INVALID", "the audit path does not lead to the signed batch root", sequence
            )
        signed = batch.root
    try:
        key.verify(entry.signature, signed)
    except InvalidSignature:
        raise LogVerificationFailed("SIGNATURE_INVALID", "the signature does not verify", sequence) from None
    return fields


def verify_chain(entries: Sequence[SignedEntry], log_keys: Mapping[str, Ed25519PublicKey]) -> int:
    """Verify consecutive entries of one peer pair's chain (from any point); returns how many."""
    previous: bytes | None = None
    previous_sequence: int | None = None
    for entry in entries:
        fields = verify_entry(entry, log_keys)
        sequence = int(str(fields["sequence"]))
        named = bytes.fromhex(str(fields["previous_hash"]))
        if previous is None:
            if sequence == 1 and named != ZERO_HASH:
                raise LogVerificationFailed(
                    "CHAIN_BROKEN", "the first entry must name the zero hash", sequence
                )
        else:
            if previous_sequence is not None and sequence != previous_sequence + 1:
                raise LogVerificationFailed(
                    "CHAIN_GAP", f"entry {previous_sequence + 1} is missing", sequence
                )
            if named != previous:
                raise LogVerificationFailed(
                    "CHAIN_BROKEN", "the entry does not name its predecessor's hash", sequence
                )
        previous, previous_sequence = entry.entry_hash, sequence
    return len(entries)


def verify_anchored(
    entry_hash: bytes, *, leaf_index: int, tree_size: int, proof: Sequence[bytes], root: bytes
) -> bool:
    """True when the audit path leads from the entry's hash to the anchor batch's root."""
    return verify_inclusion(entry_hash, leaf_index, tree_size, proof, root)
