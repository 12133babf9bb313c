"""A version's provenance record: what is anchored on the ledger, and the check before every deploy.

The ledger anchors one digest per version: SHA-256 of a canonical record of the
version's name, the SHA-256 of its plaintext bytes, its uploader and the
SHA-256 of its model card. Before a deploy the decrypted bytes are hashed
again and the record rebuilt from them: bytes altered in the object store no
longer match the stored digest, and a stored digest altered to match them
gives a record the ledger never saw. Either way: DATA_LOSS MODEL_TAMPERED.
"""

from __future__ import annotations

import hashlib
import json

from jipan.inference.v1 import resources_pb2
from jipan.servers.inference.names import DOMAIN
from jipan.servers.runtime.errors import DataLoss
from jipan.servers.runtime.ledger_anchor import DecisionAnchor


def card_digest(card: resources_pb2.ModelCard) -> bytes:
    return hashlib.sha256(card.SerializeToString(deterministic=True)).digest()


def record_digest(version_name: str, sha256: bytes, uploader: str, card: resources_pb2.ModelCard) -> bytes:
    record = {
        "kind": "jipan.inference.v1.ModelVersion",
        "version": version_name,
        "sha256": sha256.hex(),
        "uploader": uploader,
        "card_sha256": card_digest(card).hex(),
    }
    return hashlib.sha256(json.dumps(record, sort_keys=True, separators=(",", ":")).encode()).digest()


def record_metadata(
    version_name: str, sha256: bytes, uploader: str, card: resources_pb2.ModelCard
) -> dict[str, str]:
    """What the ledger keeps beside the digest (at most 16 entries of 256 characters)."""
    return {
        "kind": "model-version",
        "version": version_name[:256],
        "sha256": sha256.hex(),
        "uploader": uploader[:256],
        "card_sha256": card_digest(card).hex(),
        "license": card.license[:256],
    }


def tampered(version_name: str, detail: str) -> DataLoss:
    return DataLoss(
        "MODEL_TAMPERED",
        f"the stored bytes of {version_name} do not match what was anchored on the ledger ({detail}); "
        "it was not deployed",
        domain=DOMAIN,
        metadata={"version": version_name, "check": detail},
    )


async def verify(
    anchor: DecisionAnchor,
    *,
    version_name: str,
    stored_sha256: bytes,
    receipt: str,
    uploader: str,
    card: resources_pb2.ModelCard,
    plaintext: bytes,
) -> None:
    """Raise MODEL_TAMPERED unless `plaintext` is the version the ledger anchored."""
    if hashlib.sha256(plaintext).digest() != stored_sha256:
        raise tampered(version_name, "sha256")
    digest = record_digest(version_name, stored_sha256, uploader, card)
    receipts = await anchor.anchored_receipts(digest)
    if receipt not in receipts:
        raise tampered(version_name, "ledger")
