"""Optional full attestation verification against configured root CAs.

With JIPAN_WEBAUTHN_ATTESTATION_ROOTS_FILE set, registration asks for
`direct` attestation and fido2's attestation verifiers check the statement
(packed, TPM, Android, Apple, FIDO U2F formats); the certificate path must
chain to one of the configured roots. "none" and self attestation carry no
certificate path and are refused.
"""

from __future__ import annotations

from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from fido2.attestation.base import AttestationResult, AttestationVerifier
from fido2.webauthn import AuthenticatorData


class AttestationRoots(AttestationVerifier):
    """Trusts attestation paths that end at one of a fixed set of root certificates."""

    def __init__(self, roots: list[x509.Certificate]) -> None:
        super().__init__()
        self._roots = roots

    @classmethod
    def from_pem_file(cls, path: Path) -> AttestationRoots:
        roots = x509.load_pem_x509_certificates(path.read_bytes())
        if not roots:
            raise ValueError(f"{path} holds no PEM certificate")
        return cls(roots)

    def ca_lookup(self, attestation_result: AttestationResult, auth_data: AuthenticatorData) -> bytes | None:
        if not attestation_result.trust_path:
            return None
        issuer = x509.load_der_x509_certificate(attestation_result.trust_path[-1]).issuer
        for root in self._roots:
            if root.subject == issuer:
                return root.public_bytes(serialization.Encoding.DER)
        return None
