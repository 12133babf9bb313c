"""Credentials at rest: envelope encryption under the service's key-encryption key.

Each version of an account's credentials gets a fresh 256-bit data key; the
credentials JSON is sealed with AES-256-GCM under it, and the data key is
wrapped by the KEK (the file KEK or AWS KMS, servers/runtime/key_wrapping.py)
with the account's name and the credentials' version as context. The same
context is the ciphertext's associated data, so sealed credentials copied to
another account, or an old version put back in place of a rotated one, do
not open. Envelope rather than wrapping the JSON itself: a GCP key file is
near KMS Encrypt's 4 KiB limit, and the data key stays 32 bytes whatever
the secret's size.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from jipan.servers.cloud.accounts.types import SealedCredentials
from jipan.servers.cloud.names import DOMAIN
from jipan.servers.runtime.errors import DataLoss
from jipan.servers.runtime.key_wrapping import KeyWrapper, canonical_context

_NONCE_BYTES = 12
_LABEL = b"jipan-cloud-credentials-v1\x00"


def credentials_context(account: str, version: int) -> dict[str, str]:
    return {"account": account, "purpose": "cloud-credentials", "version": str(version)}


async def seal(keys: KeyWrapper, account: str, version: int, secret: Mapping[str, str]) -> SealedCredentials:
    context = credentials_context(account, version)
    data_key = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(_NONCE_BYTES)
    plaintext = json.dumps(dict(secret), sort_keys=True).encode()
    ciphertext = nonce + AESGCM(data_key).encrypt(nonce, plaintext, _LABEL + canonical_context(context))
    return SealedCredentials(
        ciphertext=ciphertext, wrapped_key=await keys.wrap(data_key, context), version=version
    )


async def unseal(keys: KeyWrapper, account: str, sealed: SealedCredentials) -> dict[str, str]:
    context = credentials_context(account, sealed.version)
    unreadable = DataLoss(
        "CREDENTIALS_UNREADABLE",
        "sealed credentials do not open under their key and context",
        domain=DOMAIN,
        metadata={"account": account},
    )
    try:
        data_key = await keys.unwrap(sealed.wrapped_key, context)
    except DataLoss:  # a key that does not open: say which credentials
        raise unreadable from None
    nonce, body = sealed.ciphertext[:_NONCE_BYTES], sealed.ciphertext[_NONCE_BYTES:]
    try:
        plaintext = AESGCM(data_key).decrypt(nonce, body, _LABEL + canonical_context(context))
    except InvalidTag:
        raise unreadable from None
    secret: dict[str, str] = json.loads(plaintext)
    return secret
