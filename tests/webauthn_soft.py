"""A software FIDO2 authenticator (ES256 on P-256) for the passkey tests.

It builds what a browser plus a platform authenticator would send, byte by
byte and independently of the server's library: CBOR (a minimal encoder
below), authenticatorData (rpIdHash, flags, counter, attested credential
data), attestation objects in the "none" format, clientDataJSON, and ECDSA
signatures over authenticatorData || SHA-256(clientDataJSON). Every knob a
test attack needs (origin, rp id, flags, counter, signing key, client data)
can be overridden per call.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

FLAG_UP = 0x01
FLAG_UV = 0x04
FLAG_AT = 0x40


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _head(major: int, length: int) -> bytes:
    if length < 24:
        return bytes([major << 5 | length])
    if length < 0x100:
        return bytes([major << 5 | 24, length])
    if length < 0x10000:
        return bytes([major << 5 | 25]) + struct.pack(">H", length)
    return bytes([major << 5 | 26]) + struct.pack(">I", length)


def cbor(value: Any) -> bytes:
    """CTAP2 canonical CBOR for ints, bytes, text, lists and maps (enough for WebAuthn)."""
    if isinstance(value, bool):
        return bytes([0xF5 if value else 0xF4])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        encoded = value.encode()
        return _head(3, len(encoded)) + encoded
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(cbor(v) for v in value)
    if isinstance(value, dict):
        items = sorted(((cbor(k), cbor(v)) for k, v in value.items()), key=lambda kv: (len(kv[0]), kv[0]))
        return _head(5, len(items)) + b"".join(k + v for k, v in items)
    raise TypeError(f"cannot CBOR-encode {type(value)}")


def cose_es256(key: ec.EllipticCurvePublicKey) -> bytes:
    numbers = key.public_numbers()
    return cbor({1: 2, 3: -7, -1: 1, -2: numbers.x.to_bytes(32, "big"), -3: numbers.y.to_bytes(32, "big")})


@dataclass
class SoftCredential:
    credential_id: bytes
    private_key: ec.EllipticCurvePrivateKey
    rp_id: str
    user_handle: bytes
    counter: int = 0


@dataclass
class SoftAuthenticator:
    """One authenticator holding discoverable credentials; `origin` is the page it runs in."""

    origin: str
    aaguid: bytes = bytes(16)
    credentials: list[SoftCredential] = field(default_factory=list)

    def _client_data(self, kind: str, challenge: str, origin: str | None) -> bytes:
        return json.dumps(
            {"type": kind, "challenge": challenge, "origin": origin or self.origin, "crossOrigin": False},
            separators=(",", ":"),
        ).encode()

    def create(
        self,
        options_json: str,
        *,
        origin: str | None = None,
        rp_id: str | None = None,
        user_verified: bool = True,
        attestation: tuple[ec.EllipticCurvePrivateKey, bytes] | None = None,
    ) -> dict[str, Any]:
        """navigator.credentials.create(): a RegistrationResponseJSON.

        "none" attestation by default; with `attestation` (the attestation
        key and its DER certificate) a "packed" statement with x5c, as
        security keys and platform authenticators with certificates make.
        """
        options = json.loads(options_json)
        rp = rp_id or options["rp"]["id"]
        key = ec.generate_private_key(ec.SECP256R1())
        credential_id = os.urandom(32)
        credential = SoftCredential(
            credential_id, key, options["rp"]["id"], b64url_decode(options["user"]["id"])
        )
        attested = (
            self.aaguid + struct.pack(">H", len(credential_id)) + credential_id + cose_es256(key.public_key())
        )
        flags = FLAG_UP | FLAG_AT | (FLAG_UV if user_verified else 0)
        auth_data = hashlib.sha256(rp.encode()).digest() + bytes([flags]) + struct.pack(">I", 0) + attested
        client_data = self._client_data("webauthn.create", options["challenge"], origin)
        statement: dict[str, Any] = {}
        fmt = "none"
        if attestation is not None:
            attestation_key, certificate = attestation
            signed = auth_data + hashlib.sha256(client_data).digest()
            signature = attestation_key.sign(signed, ec.ECDSA(hashes.SHA256()))
            fmt, statement = "packed", {"alg": -7, "sig": signature, "x5c": [certificate]}
        attestation_object = cbor({"fmt": fmt, "attStmt": statement, "authData": auth_data})
        self.credentials.append(credential)
        return {
            "id": b64url(credential_id),
            "rawId": b64url(credential_id),
            "type": "public-key",
            "authenticatorAttachment": "platform",
            "clientExtensionResults": {},
            "response": {
                "clientDataJSON": b64url(client_data),
                "attestationObject": b64url(attestation_object),
                "transports": ["internal"],
            },
        }

    def get(
        self,
        options_json: str,
        *,
        credential: SoftCredential | None = None,
        origin: str | None = None,
        rp_id: str | None = None,
        user_present: bool = True,
        user_verified: bool = True,
        counter: int | None = None,
        signing_key: ec.EllipticCurvePrivateKey | None = None,
        client_data_type: str = "webauthn.get",
        tamper_client_data: Callable[[bytes], bytes] | None = None,
    ) -> dict[str, Any]:
        """navigator.credentials.get(): an AuthenticationResponseJSON.

        Without allowCredentials (discoverable login) the newest credential for
        the relying party answers, as a platform authenticator's account picker would.
        """
        options = json.loads(options_json)
        if credential is None:
            allowed = {b64url_decode(c["id"]) for c in options.get("allowCredentials") or []}
            candidates = [
                c
                for c in self.credentials
                if c.rp_id == options["rpId"] and (not allowed or c.credential_id in allowed)
            ]
            credential = candidates[-1]
        credential.counter = credential.counter + 1 if counter is None else counter
        flags = (FLAG_UP if user_present else 0) | (FLAG_UV if user_verified else 0)
        auth_data = (
            hashlib.sha256((rp_id or credential.rp_id).encode()).digest()
            + bytes([flags])
            + struct.pack(">I", credential.counter)
        )
        client_data = self._client_data(client_data_type, options["challenge"], origin)
        signed = auth_data + hashlib.sha256(client_data).digest()
        signature = (signing_key or credential.private_key).sign(signed, ec.ECDSA(hashes.SHA256()))
        if tamper_client_data is not None:
            client_data = tamper_client_data(client_data)
        return {
            "id": b64url(credential.credential_id),
            "rawId": b64url(credential.credential_id),
            "type": "public-key",
            "authenticatorAttachment": "platform",
            "clientExtensionResults": {},
            "response": {
                "clientDataJSON": b64url(client_data),
                "authenticatorData": b64url(auth_data),
                "signature": b64url(signature),
                "userHandle": b64url(credential.user_handle),
            },
        }


def attestation_ca(
    name: str = "Soft Authenticator Root",
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A root CA for attestation certificates."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def attestation_certificate(
    ca: tuple[ec.EllipticCurvePrivateKey, x509.Certificate],
) -> tuple[ec.EllipticCurvePrivateKey, bytes]:
    """An attestation key and its certificate (WebAuthn §8.2.1 packed requirements), issued by `ca`."""
    ca_key, ca_cert = ca
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "TW"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Soft Authenticators"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Authenticator Attestation"),
            x509.NameAttribute(NameOID.COMMON_NAME, "Soft Authenticator"),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    return key, cert.public_bytes(serialization.Encoding.DER)
