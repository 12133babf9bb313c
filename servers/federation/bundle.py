"""Trust bundles: what a mesh publishes about itself and what it keeps of its peers.

The document is a SPIFFE bundle (the SPIFFE Trust Domain and Bundle spec,
§4): an RFC 7517 JWK Set with `spiffe_sequence` and `spiffe_refresh_hint`.
Token signing keys are `use: jwt-svid` (Ed25519 OKP keys, as identity's
GetKeySet publishes them), the CA certificates that the mesh's workload
certificates chain to are `use: x509-svid` with the certificate in `x5c`,
and the keys its message log is signed with are `use: jipan-log`. JWK
encoding is PyJWT's (`to_jwk`), certificate parsing `cryptography`'s.

The fingerprint a peer pins at first contact is SHA-256 over the sorted key
material (the token keys' and log keys' raw bytes, the certificates' DER),
so it changes when a key or certificate does and not when the JSON is
re-serialised. Nothing here does I/O.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from jwt.algorithms import ECAlgorithm, OKPAlgorithm, RSAAlgorithm

from jipan.interceptors.tokens import keys_from_jwks, public_jwk

TOKEN_USE = "jwt-svid"  # noqa: S105 (a name, not a secret)
CA_USE = "x509-svid"
LOG_USE = "jipan-log"


class BundleInvalid(ValueError):
    """A bundle document this service does not accept; the message says why."""


@dataclass(frozen=True, slots=True)
class TrustBundle:
    """A mesh's bundle: the document and what was read out of it."""

    issuer: str
    audience: str
    sequence: int
    refresh_hint_s: float
    document: str
    fingerprint: str
    issue_time: datetime
    expire_time: datetime

    def token_keys(self) -> dict[str, Ed25519PublicKey]:
        return keys_from_jwks({"keys": _entries(self.document, TOKEN_USE, sig=True)})

    def log_keys(self) -> dict[str, Ed25519PublicKey]:
        return keys_from_jwks({"keys": _entries(self.document, LOG_USE, sig=True)})

    def ca_certificates(self) -> list[x509.Certificate]:
        return [_certificate(entry) for entry in _entries(self.document, CA_USE)]

    def ca_pem(self) -> bytes:
        return b"".join(cert.public_bytes(serialization.Encoding.PEM) for cert in self.ca_certificates())

    def to_json(self) -> dict[str, Any]:
        """What the peers table keeps (jsonb)."""
        return {
            "issuer": self.issuer,
            "audience": self.audience,
            "sequence": self.sequence,
            "refresh_hint_s": self.refresh_hint_s,
            "document": self.document,
            "fingerprint": self.fingerprint,
            "issue_time": self.issue_time.isoformat(),
            "expire_time": self.expire_time.isoformat(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TrustBundle:
        return cls(
            issuer=data["issuer"],
            audience=data["audience"],
            sequence=int(data["sequence"]),
            refresh_hint_s=float(data["refresh_hint_s"]),
            document=data["document"],
            fingerprint=data["fingerprint"],
            issue_time=datetime.fromisoformat(data["issue_time"]),
            expire_time=datetime.fromisoformat(data["expire_time"]),
        )


def _entries(document: str, use: str, *, sig: bool = False) -> list[dict[str, Any]]:
    keys = json.loads(document).get("keys", [])
    # keys_from_jwks reads `use: sig` keys; a jwt-svid / jipan-log key is one.
    return [{**entry, "use": "sig"} if sig else entry for entry in keys if entry.get("use") == use]


def _certificate(entry: Mapping[str, Any]) -> x509.Certificate:
    chain = entry.get("x5c")
    if not isinstance(chain, list) or not chain or not isinstance(chain[0], str):
        raise BundleInvalid("an x509-svid entry needs `x5c`")
    try:
        return x509.load_der_x509_certificate(base64.b64decode(chain[0], validate=True))
    except ValueError as exc:
        raise BundleInvalid(f"an x509-svid certificate does not parse: {exc}") from None


def _raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint_of(
    token_keys: Mapping[str, Ed25519PublicKey],
    certificates: Sequence[x509.Certificate],
    log_keys: Mapping[str, Ed25519PublicKey],
) -> str:
    material = sorted(
        [b"t" + _raw(key) for key in token_keys.values()]
        + [b"c" + cert.public_bytes(serialization.Encoding.DER) for cert in certificates]
        + [b"l" + _raw(key) for key in log_keys.values()]
    )
    digest = hashlib.sha256()
    for item in material:
        digest.update(len(item).to_bytes(4, "big") + item)
    return digest.hexdigest()


def _certificate_jwk(cert: x509.Certificate) -> dict[str, Any]:
    key: Any = cert.public_key()
    jwk: dict[str, Any] = {}
    for algorithm in (ECAlgorithm, RSAAlgorithm, OKPAlgorithm):
        try:
            jwk = json.loads(algorithm.to_jwk(key))
            break
        except Exception:  # noqa: S112 - not this algorithm's key type: try the next one
            continue
    jwk["use"] = CA_USE
    jwk["x5c"] = [base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode("ascii")]
    return jwk


def load_certificates(pem: bytes) -> list[x509.Certificate]:
    try:
        return x509.load_pem_x509_certificates(pem) if pem.strip() else []
    except ValueError as exc:
        raise BundleInvalid(f"CA certificates do not parse: {exc}") from None


def build_document(
    token_keys: Mapping[str, Ed25519PublicKey],
    certificates: Sequence[x509.Certificate],
    log_keys: Mapping[str, Ed25519PublicKey],
    *,
    sequence: int,
    refresh_hint_s: float,
) -> str:
    keys: list[dict[str, Any]] = [
        {**public_jwk(key, kid), "use": TOKEN_USE} for kid, key in token_keys.items()
    ]
    keys += [_certificate_jwk(cert) for cert in certificates]
    keys += [{**public_jwk(key, kid), "use": LOG_USE} for kid, key in log_keys.items()]
    return json.dumps(
        {"keys": keys, "spiffe_sequence": sequence, "spiffe_refresh_hint": int(refresh_hint_s)},
        sort_keys=True,
        separators=(",", ":"),
    )


def read_bundle(
    document: str,
    *,
    issuer: str,
    audience: str,
    stated_fingerprint: str,
    issue_time: datetime,
    expire_time: datetime,
) -> TrustBundle:
    """A peer's bundle from its endpoint's answer; BundleInvalid when it does not hold together."""
    try:
        parsed = json.loads(document)
    except ValueError:
        raise BundleInvalid("the bundle is not JSON") from None
    if not isinstance(parsed, dict) or not isinstance(parsed.get("keys"), list):
        raise BundleInvalid("the bundle is not a JWK Set")
    sequence = parsed.get("spiffe_sequence")
    hint = parsed.get("spiffe_refresh_hint")
    if not isinstance(sequence, int) or not isinstance(hint, int | float) or hint <= 0:
        raise BundleInvalid("the bundle lacks spiffe_sequence or spiffe_refresh_hint")
    bundle = TrustBundle(
        issuer=issuer,
        audience=audience,
        sequence=sequence,
        refresh_hint_s=float(hint),
        document=document,
        fingerprint="",
        issue_time=issue_time,
        expire_time=expire_time,
    )
    try:
        token_keys = bundle.token_keys()
        log_keys = bundle.log_keys()
    except ValueError as exc:
        raise BundleInvalid(f"a key does not parse: {exc}") from None
    if not token_keys:
        raise BundleInvalid("the bundle has no token signing key")
    fingerprint = fingerprint_of(token_keys, bundle.ca_certificates(), log_keys)
    if stated_fingerprint and fingerprint != stated_fingerprint:
        raise BundleInvalid("the bundle's stated fingerprint is not that of its keys")
    if expire_time <= datetime.now(UTC):
        raise BundleInvalid("the bundle has already expired")
    return TrustBundle(
        issuer=issuer,
        audience=audience,
        sequence=sequence,
        refresh_hint_s=float(hint),
        document=document,
        fingerprint=fingerprint,
        issue_time=issue_time,
        expire_time=expire_time,
    )
