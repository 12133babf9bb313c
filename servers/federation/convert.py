"""Domain types → jipan.federation.v1 messages."""

from __future__ import annotations

import json
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from google.protobuf.duration_pb2 import Duration
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.federation.v1 import resources_pb2 as res
from jipan.interceptors.tokens import public_jwk
from jipan.servers.federation.bundle import TrustBundle
from jipan.servers.federation.messagelog import StoredEntry
from jipan.servers.federation.types import Approval, Peer, PeerState

_STATES = {
    PeerState.PENDING: res.PEER_STATE_PENDING,
    PeerState.ACTIVE: res.PEER_STATE_ACTIVE,
    PeerState.SUSPENDED: res.PEER_STATE_SUSPENDED,
}
_SIDES = {"provider": res.LOG_SIDE_PROVIDER, "consumer": res.LOG_SIDE_CONSUMER}


def timestamp(value: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(value)
    return stamp


def bundle_message(bundle: TrustBundle) -> res.TrustBundle:
    hint = Duration()
    hint.FromMilliseconds(int(bundle.refresh_hint_s * 1000))
    return res.TrustBundle(
        issuer=bundle.issuer,
        audience=bundle.audience,
        sequence_number=bundle.sequence,
        refresh_hint=hint,
        bundle_json=bundle.document,
        fingerprint=bundle.fingerprint,
        issue_time=timestamp(bundle.issue_time),
        expire_time=timestamp(bundle.expire_time),
    )


def peer_message(peer: Peer) -> res.Peer:
    return res.Peer(
        name=peer.name,
        display_name=peer.display_name,
        issuer=peer.issuer,
        audience=peer.audience,
        bundle_endpoint=peer.bundle_endpoint,
        bundle_endpoint_ca_pem=peer.bundle_endpoint_ca_pem,
        state=_STATES[peer.state],
        pinned_fingerprint=peer.pinned_fingerprint,
        bundle=bundle_message(peer.bundle),
        bundle_fetch_time=timestamp(peer.bundle_fetch_time),
        bundle_stale=bool(peer.bundle_error),
        bundle_error=peer.bundle_error,
        create_time=timestamp(peer.create_time),
        update_time=timestamp(peer.update_time),
    )


def approval_message(approval: Approval) -> res.Approval:
    return res.Approval(
        name=approval.name,
        consumer=approval.consumer,
        methods=list(approval.methods),
        approver=approval.approver,
        create_time=timestamp(approval.create_time),
    )


def log_entry_message(entry: StoredEntry) -> res.LogEntry:
    fields = entry.fields()
    start, end = Timestamp(), Timestamp()
    start.FromJsonString(str(fields["start_time"]).replace("+00:00", "Z"))
    end.FromJsonString(str(fields["end_time"]).replace("+00:00", "Z"))
    return res.LogEntry(
        name=entry.name,
        sequence=entry.sequence,
        side=_SIDES.get(str(fields.get("side")), res.LOG_SIDE_UNSPECIFIED),
        method=str(fields.get("method", "")),
        request_id=str(fields.get("request_id", "")),
        consumer_issuer=str(fields.get("consumer_issuer", "")),
        consumer_principal=str(fields.get("consumer_principal", "")),
        provider_issuer=str(fields.get("provider_issuer", "")),
        provider_principal=str(fields.get("provider_principal", "")),
        client_certificate=str(fields.get("client_certificate", "")),
        request_digest=bytes.fromhex(str(fields.get("request_sha256", ""))),
        response_digest=bytes.fromhex(str(fields.get("response_sha256", ""))),
        status_code=str(fields.get("status_code", "")),
        start_time=start,
        end_time=end,
        previous_hash=entry.previous_hash,
        entry_hash=entry.entry_hash,
        canonical=entry.canonical,
        signature=entry.signature,
        signing_key_id=entry.signing_key_id,
        ledger_receipt=entry.ledger_receipt,
        signature_batch=(
            res.LogSignatureBatch(
                root=entry.batch.root,
                leaf_index=entry.batch.leaf_index,
                tree_size=entry.batch.tree_size,
                proof=list(entry.batch.proof),
            )
            if entry.batch is not None
            else None
        ),
    )


def jwk_json(key: Ed25519PublicKey | None, kid: str) -> str:
    return "" if key is None else json.dumps(public_jwk(key, kid), sort_keys=True)
