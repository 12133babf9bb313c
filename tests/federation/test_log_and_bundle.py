"""The message log's chain and signatures, and trust bundles, without a server."""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import json
import time
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from nacl.signing import SigningKey

from jipan.interceptors.federation import ExchangeRecord
from jipan.interceptors.tokens import jwk_thumbprint
from jipan.servers.federation.bundle import (
    BundleInvalid,
    build_document,
    fingerprint_of,
    load_certificates,
    read_bundle,
)
from jipan.servers.federation.messagelog import MessageLog, chain_and_sign
from jipan.servers.federation.verify import (
    ZERO_HASH,
    LogVerificationFailed,
    SignatureBatch,
    SignedEntry,
    verify_anchored,
    verify_chain,
)
from jipan.servers.ledger.merkle import MerkleTree
from tests.mesh import make_pki

SignedLog = tuple[list[SignedEntry], dict[str, Ed25519PublicKey]]


def _record(n: int) -> ExchangeRecord:
    return ExchangeRecord(
        peer="orgs/agency-b/peers/agency-a",
        side="provider",
        method="/jipan.system.v1.SystemService/GetWhoAmI",
        request_id=f"request-{n}",
        consumer_issuer="https://identity.a",
        consumer_principal="services/payroll-sync",
        provider_issuer="https://identity.b",
        provider_principal="orgs/agency-b/peers/agency-a",
        client_certificate="services/payroll-sync",
        request_digest=hashlib.sha256(b"request %d" % n).digest(),
        response_digest=hashlib.sha256(b"response %d" % n).digest(),
        status_code="OK",
        start_time=time.time(),
        end_time=time.time(),
    )


@pytest.fixture
def log() -> SignedLog:
    private = Ed25519PrivateKey.generate()
    kid = jwk_thumbprint(private.public_key())
    signer = SigningKey(
        private.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )
    )
    rows, root, signature = chain_and_sign([_record(n) for n in range(5)], 0, ZERO_HASH, signer)
    tree = MerkleTree([entry_hash for _, _, entry_hash, _ in rows])
    assert tree.root == root
    entries = [
        SignedEntry(canonical, entry_hash, signature, kid, SignatureBatch(root, i, 5, tuple(tree.proof(i))))
        for i, (_, canonical, entry_hash, _) in enumerate(rows)
    ]
    return entries, {kid: private.public_key()}


def test_a_chain_of_signed_entries_verifies_and_each_entry_names_its_predecessor(log: SignedLog) -> None:
    entries, keys = log
    assert verify_chain(entries, keys) == 5
    fields = [json.loads(entry.canonical) for entry in entries]
    assert [f["sequence"] for f in fields] == [1, 2, 3, 4, 5]
    assert fields[0]["previous_hash"] == ZERO_HASH.hex()
    assert fields[3]["previous_hash"] == entries[2].entry_hash.hex()
    assert "payload" not in entries[0].canonical.decode()  # digests only


def test_a_changed_entry_a_removed_entry_and_a_foreign_signature_are_each_detected(log: SignedLog) -> None:
    entries, keys = log
    changed = entries[2].canonical.replace(b'"status_code":"OK"', b'"status_code":"NOT_FOUND"')
    forged = dataclasses.replace(entries[2], canonical=changed)
    with pytest.raises(LogVerificationFailed) as mismatch:
        verify_chain([*entries[:2], forged, *entries[3:]], keys)
    assert (mismatch.value.reason, mismatch.value.sequence) == ("HASH_MISMATCH", 3)

    # Re-hashing the change does not help: the audit path leads from the old hash to the signed root,
    rehashed = dataclasses.replace(entries[2], canonical=changed, entry_hash=hashlib.sha256(changed).digest())
    with pytest.raises(LogVerificationFailed) as path:
        verify_chain([*entries[:2], rehashed], keys)
    assert path.value.reason == "BATCH_PROOF_INVALID"
    # and a new tree over the changed hash has a root the signature was never made over.
    hashes = [e.entry_hash for e in entries]
    hashes[2] = rehashed.entry_hash
    tree = MerkleTree(hashes)
    rerooted = dataclasses.replace(rehashed, batch=SignatureBatch(tree.root, 2, 5, tuple(tree.proof(2))))
    with pytest.raises(LogVerificationFailed) as signature:
        verify_chain([*entries[:2], rerooted], keys)
    assert signature.value.reason == "SIGNATURE_INVALID"

    with pytest.raises(LogVerificationFailed) as gap:
        verify_chain([*entries[:2], *entries[3:]], keys)
    assert gap.value.reason == "CHAIN_GAP"

    other = Ed25519PrivateKey.generate()
    with pytest.raises(LogVerificationFailed) as unknown:
        verify_chain(entries, {jwk_thumbprint(other.public_key()): other.public_key()})
    assert unknown.value.reason == "KEY_UNKNOWN"


def test_an_entry_signed_alone_verifies_over_its_own_hash_and_its_signature_fits_no_batch(
    log: SignedLog,
) -> None:
    # Entries stored before batch signatures carry a signature over their own hash.
    entries, keys = log
    private = Ed25519PrivateKey.generate()
    kid = jwk_thumbprint(private.public_key())
    alone = dataclasses.replace(
        entries[0], signature=private.sign(entries[0].entry_hash), signing_key_id=kid, batch=None
    )
    assert verify_chain([alone], {kid: private.public_key()}) == 1
    # The batch's signature is over its root, not over any one entry's hash.
    with pytest.raises(LogVerificationFailed) as caught:
        verify_chain([dataclasses.replace(entries[0], batch=None)], keys)
    assert caught.value.reason == "SIGNATURE_INVALID"


def test_an_entry_is_proven_in_its_anchor_batch_and_not_in_another(log: SignedLog) -> None:
    entries, _ = log
    tree = MerkleTree([entry.entry_hash for entry in entries])
    assert verify_anchored(
        entries[3].entry_hash, leaf_index=3, tree_size=5, proof=tree.proof(3), root=tree.root
    )
    assert not verify_anchored(
        entries[2].entry_hash, leaf_index=3, tree_size=5, proof=tree.proof(3), root=tree.root
    )


def _document(sequence: int = 1) -> tuple[str, str]:
    token_key = Ed25519PrivateKey.generate().public_key()
    log_key = Ed25519PrivateKey.generate().public_key()
    certificates = load_certificates(make_pki(ca_cn="Agency A workload CA").ca_pem)
    tokens, logs = {jwk_thumbprint(token_key): token_key}, {jwk_thumbprint(log_key): log_key}
    document = build_document(tokens, certificates, logs, sequence=sequence, refresh_hint_s=300)
    return document, fingerprint_of(tokens, certificates, logs)


def test_a_bundle_reads_back_with_its_keys_certificates_and_fingerprint() -> None:
    document, fingerprint = _document(sequence=7)
    now = datetime.now(UTC)
    bundle = read_bundle(
        document,
        issuer="https://identity.a",
        audience="mesh-a",
        stated_fingerprint=fingerprint,
        issue_time=now,
        expire_time=now + timedelta(hours=1),
    )
    assert bundle.sequence == 7
    assert bundle.refresh_hint_s == 300
    assert bundle.fingerprint == fingerprint
    assert len(bundle.token_keys()) == 1
    assert len(bundle.log_keys()) == 1
    assert [c.subject.rfc4514_string() for c in bundle.ca_certificates()] == ["CN=Agency A workload CA"]
    spiffe = json.loads(document)
    assert {"spiffe_sequence", "spiffe_refresh_hint", "keys"} <= set(spiffe)
    assert {key["use"] for key in spiffe["keys"]} == {"jwt-svid", "x509-svid", "jipan-log"}


def test_a_bundle_that_does_not_hold_together_is_refused() -> None:
    document, fingerprint = _document()
    now = datetime.now(UTC)
    later = now + timedelta(hours=1)
    with pytest.raises(BundleInvalid, match="fingerprint"):
        read_bundle(
            document, issuer="i", audience="a", stated_fingerprint="0" * 64, issue_time=now, expire_time=later
        )
    with pytest.raises(BundleInvalid, match="expired"):
        read_bundle(
            document,
            issuer="i",
            audience="a",
            stated_fingerprint=fingerprint,
            issue_time=now,
            expire_time=now,
        )
    no_tokens = json.dumps({**json.loads(document), "keys": []})
    with pytest.raises(BundleInvalid, match="no token signing key"):
        read_bundle(
            no_tokens, issuer="i", audience="a", stated_fingerprint="", issue_time=now, expire_time=later
        )
    with pytest.raises(BundleInvalid, match="spiffe_sequence"):
        read_bundle(
            '{"keys": []}', issuer="i", audience="a", stated_fingerprint="", issue_time=now, expire_time=later
        )


async def test_a_failed_flush_keeps_every_record_not_written_and_takes_none_that_arrive_during_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One peer pair's write fails: its records and every other pair's not yet written go back to
    the head of the queue, in order; records queued while the flush runs wait for the next one."""
    log = MessageLog(None, None, None, None, anchor_interval_s=60)  # type: ignore[arg-type]
    records = [_record(n)._replace(peer=f"orgs/b/peers/{'c' if n % 2 else 'a'}") for n in range(6)]
    written: list[str] = []

    async def append(peer: str, batch: list[ExchangeRecord]) -> int:
        log.record(_record(99)._replace(peer=peer))  # arrives while the flush runs
        if peer.endswith("/c"):
            raise ConnectionError("the database went away")
        written.extend(r.request_id for r in batch)
        return len(batch)

    monkeypatch.setattr(log, "_append", append)
    for record in records:
        log.record(record)
    stored = await log.flush()
    # Peer pairs are written in the order they first appear: a (even numbers) is, c fails.
    assert stored == 3
    assert written == ["request-0", "request-2", "request-4"]
    assert [r.request_id for r in log._pending] == [
        "request-1",
        "request-3",
        "request-5",
        "request-99",
        "request-99",
    ]


async def test_a_stop_during_a_flush_lets_it_finish_and_loses_no_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The writer has taken the queue and waits for the database when the server stops: the
    graceful stop the module promises must let that flush finish (cancelled, its records would be
    neither written nor queued again), then flush what came after it."""
    log = MessageLog(None, None, None, None, anchor_interval_s=60)  # type: ignore[arg-type]
    writing, database = asyncio.Event(), asyncio.Event()
    written: list[str] = []

    async def append(peer: str, batch: list[ExchangeRecord]) -> int:
        writing.set()
        await database.wait()
        written.extend(r.request_id for r in batch)
        return len(batch)

    monkeypatch.setattr(log, "_append", append)
    for n in range(3):
        log.record(_record(n))
    log.start()
    await writing.wait()  # the writer's flush has taken the three records
    log.record(_record(3))  # arrives during it: the last flush's
    stopping = asyncio.create_task(log.stop())
    await asyncio.sleep(0)  # stop() takes its first step (without the fix: cancels the writer)
    database.set()
    await stopping
    assert written == ["request-0", "request-1", "request-2", "request-3"]
    assert log._pending == []


def test_the_canonical_form_is_sorted_json_with_the_times_datetime_would_write() -> None:
    """The canonical form is written key by key in sorted order and its times from a per-second
    cache: the bytes must be exactly what sorting with orjson and datetime.isoformat give."""
    import random
    from datetime import UTC, datetime

    import orjson

    from jipan.servers.federation.messagelog import _iso, canonical_entry

    rng = random.Random(7)
    for _ in range(20_000):
        seconds = rng.choice(
            [rng.uniform(0, 4e9), round(rng.uniform(1.7e9, 1.8e9), 6), float(rng.randint(0, 2**32))]
        )
        assert _iso(seconds) == datetime.fromtimestamp(seconds, UTC).isoformat(timespec="microseconds")
    canonical = canonical_entry(_record(1), 7, b"\x01" * 32)
    assert canonical == orjson.dumps(orjson.loads(canonical), option=orjson.OPT_SORT_KEYS)
