"""Sealed bids: threshold encryption of a bid to a tender's evaluation committee.

Used on both sides of e-tendering: a vendor's SDK seals its bid before it
leaves the vendor, and the procurement server opens it once the committee
releases enough shares after the opening time.

Construction (format ``jipan.sealed-bid.v1``)
---------------------------------------------
1. Content encryption. A fresh random 256-bit content key (``secrets``)
   encrypts the bid with AES-256-GCM under a random 96-bit nonce. The
   associated data is the canonical header of the sealed bid: format version,
   tender name, bidder organisation, bid id, threshold, nonce and every
   recipient entry (member id, public key, share index, share hash, sealed
   share). Changing any of them after sealing makes the GCM tag fail.
2. Key splitting. The content key is split with Shamir secret sharing over
   GF(2^8), byte by byte: the AES field, reduction polynomial
   x^8 + x^4 + x^3 + x + 1 (0x11B), generator 0x03. For each of the 32 key
   bytes a polynomial of degree k-1 whose constant term is that byte and whose
   other k-1 coefficients are uniformly random is evaluated at x = 1..n. Member
   i (in the order given at sealing) gets x = i and the 32 evaluations. Any k
   shares recover the key by Lagrange interpolation at x = 0; k-1 shares are
   independent of it (information-theoretic). Not constant time: the opening
   runs once, on shares that are already public to the server.
3. Share commitments. The sealed bid carries SHA-256("jipan.sealed-bid.v1/
   share\\x00" || x || y) for every share, so a forged or mismatched share is
   rejected (``SHARE_INVALID``) before any interpolation. When more than k
   shares are presented, every extra one must lie on the polynomial the first k
   define; a bid whose shares are inconsistent (a dishonest sealer) fails as
   ``SEALED_BID_TAMPERED`` whichever members show up.
4. Share sealing. Each share is encrypted to its member's X25519 public key
   with HPKE (RFC 9180, base mode) from ``cryptography``: DHKEM(X25519,
   HKDF-SHA256), HKDF-SHA256, AES-256-GCM. The HPKE ``info`` binds the share to
   this format, tender, bidder, bid id, member id and share index.
5. Serialisation. ``SealedBid.to_bytes()`` is deterministic JSON (sorted keys,
   no whitespace, ASCII, standard base64 for bytes, integers for counts);
   ``from_bytes`` accepts only that canonical form, so one sealed bid has one
   byte string and one ``commitment`` = SHA-256 of those bytes (what is
   anchored on the ledger at submission).

Guarantee
---------
When the vendor seals on its own side (``seal_bid`` in the vendor's process):
before opening, the server -- and anyone with full access to the database,
the object store or backups -- holds only the AES-GCM ciphertext and HPKE-
sealed shares. Reading the bid needs the private keys of at least k committee
members (or k shares they released); fewer than k members cannot open it, even
together with the operator. Whoever holds k shares (normally the server after
the opening, once members release them) can decrypt; a released share belongs
to one bid only (each bid has its own content key), so releasing shares for an
opened bid exposes no other bid. The commitment lets anyone check that the
opened bid is the one anchored before the deadline.

``server_side_seal`` (convenience, weaker): a thin client may upload the
plaintext and let the server call ``seal_bid`` for it. The stored result is
identical and the at-rest guarantee above holds afterwards, but the server
process sees the plaintext once, in memory, at submission: an operator who
controls the running server at that moment can read it. Use only where the
vendor accepts that trust; say so in the receipt.

Errors are ``SealingError`` subclasses with a stable ``reason`` string; this
module does not depend on the servers, which map them to gRPC statuses
(suggested: ``SEALED_BID_MALFORMED``, ``SEALING_PARAMETERS_INVALID``,
``SHARE_INVALID``, ``MEMBER_NOT_RECIPIENT``, ``MEMBER_KEY_MISMATCH`` ->
INVALID_ARGUMENT; ``SHARES_INSUFFICIENT`` -> FAILED_PRECONDITION;
``SEALED_BID_TAMPERED`` -> FAILED_PRECONDITION or DATA_LOSS).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FORMAT: Final = "jipan.sealed-bid.v1"
SHARE_FORMAT: Final = "jipan.bid-share.v1"
SUITE: Final = "shamir-gf256+hpke-x25519-hkdf-sha256-aes256gcm+aes256gcm"

KEY_BYTES: Final = 32
NONCE_BYTES: Final = 12
TAG_BYTES: Final = 16
X25519_KEY_BYTES: Final = 32
SHARE_HASH_BYTES: Final = 32
# HPKE single-shot output: encapsulated key (32) || AEAD(x || y) with its tag.
SEALED_SHARE_BYTES: Final = X25519_KEY_BYTES + 1 + KEY_BYTES + TAG_BYTES
# "No single committee member can open a bid alone": a threshold of 1 would
# break the documented guarantee, so it is refused here rather than by policy.
MIN_THRESHOLD: Final = 2
# Share indices are non-zero elements of GF(2^8).
MAX_MEMBERS: Final = 255
MAX_NAME_CHARS: Final = 512

_HPKE_SUITE: Final = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_SHARE_HASH_DOMAIN: Final = FORMAT.encode() + b"/share\x00"
_SHARE_INFO_DOMAIN: Final = FORMAT.encode() + b"/share-seal\x00"
_CONTENT_AAD_DOMAIN: Final = FORMAT.encode() + b"/content\x00"


# --- errors ---------------------------------------------------------------------------------------


class SealingError(Exception):
    """Base of every error raised here; ``reason`` is stable, the message is not."""

    reason: str = "SEALING_ERROR"

    def __init__(self, detail: str) -> None:
        super().__init__(f"{self.reason}: {detail}")
        self.detail = detail


class SealedBidMalformed(SealingError):
    """The bytes are not a canonical ``jipan.sealed-bid.v1`` (or share) encoding."""

    reason = "SEALED_BID_MALFORMED"


class SealingParametersInvalid(SealingError):
    """Bad arguments to ``seal_bid`` (threshold, members, keys, names)."""

    reason = "SEALING_PARAMETERS_INVALID"


class SharesInsufficient(SealingError):
    """Fewer than ``threshold`` distinct valid shares were presented."""

    reason = "SHARES_INSUFFICIENT"


class ShareInvalid(SealingError):
    """A presented share is malformed, forged, or belongs to another bid or member."""

    reason = "SHARE_INVALID"


class SealedBidTampered(SealingError):
    """The sealed bid was altered after sealing (or sealed inconsistently)."""

    reason = "SEALED_BID_TAMPERED"


class MemberNotRecipient(SealingError):
    """The member id is not one of the sealed bid's recipients."""

    reason = "MEMBER_NOT_RECIPIENT"


class MemberKeyMismatch(SealingError):
    """The private key given is not the one the share was sealed to."""

    reason = "MEMBER_KEY_MISMATCH"


# --- GF(2^8) and Shamir ---------------------------------------------------------------------------


def _gf_tables() -> tuple[list[int], list[int]]:
    exp = [0] * 510
    log = [0] * 256
    value = 1
    for power in range(255):
        exp[power] = value
        log[value] = power
        # Multiply by the generator 0x03: value * 2 (reduced by 0x11B) xor value.
        doubled = value << 1
        if doubled & 0x100:
            doubled ^= 0x11B
        value = doubled ^ value
    for power in range(255, 510):
        exp[power] = exp[power - 255]
    return exp, log


_EXP, _LOG = _gf_tables()


def _gf_mul(a: int, b: int) -> int:
    if a == 0 or b == 0:
        return 0
    return _EXP[_LOG[a] + _LOG[b]]


def _gf_div(a: int, b: int) -> int:
    if b == 0:
        raise ZeroDivisionError("division by zero in GF(2^8)")
    if a == 0:
        return 0
    return _EXP[(_LOG[a] - _LOG[b]) % 255]


def _split(secret: bytes, threshold: int, count: int) -> list[tuple[int, bytes]]:
    """Shamir shares (x, y) for x = 1..count; any ``threshold`` of them recover ``secret``."""
    coefficients = [secrets.token_bytes(len(secret)) for _ in range(threshold - 1)]
    shares = []
    for x in range(1, count + 1):
        y = bytearray(len(secret))
        for position, constant in enumerate(secret):
            # Horner's rule, highest degree first.
            accumulator = 0
            for row in reversed(coefficients):
                accumulator = _gf_mul(accumulator, x) ^ row[position]
            y[position] = _gf_mul(accumulator, x) ^ constant
        shares.append((x, bytes(y)))
    return shares


def _interpolate(points: Sequence[tuple[int, bytes]], at: int) -> bytes:
    """The value at ``at`` of the polynomial through ``points`` (distinct non-zero x), per byte."""
    weights = []
    for j, (xj, _) in enumerate(points):
        numerator, denominator = 1, 1
        for m, (xm, _) in enumerate(points):
            if m != j:
                # Subtraction is xor in characteristic 2.
                numerator = _gf_mul(numerator, at ^ xm)
                denominator = _gf_mul(denominator, xj ^ xm)
        weights.append(_gf_div(numerator, denominator))
    length = len(points[0][1])
    out = bytearray(length)
    for weight, (_, y) in zip(weights, points, strict=True):
        for position in range(length):
            out[position] ^= _gf_mul(weight, y[position])
    return bytes(out)


# --- data -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SealedShare:
    """One recipient's entry in a sealed bid: its share, sealed to its key, and the share's hash."""

    member_id: str
    public_key: bytes
    x: int
    share_hash: bytes
    sealed_share: bytes


@dataclass(frozen=True, slots=True)
class SealedBid:
    """A bid as stored before opening: ciphertext plus one sealed share per committee member."""

    tender: str
    bidder: str
    bid_id: str
    threshold: int
    recipients: tuple[SealedShare, ...]
    nonce: bytes
    ciphertext: bytes

    def to_bytes(self) -> bytes:
        """The canonical serialisation (what ``commitment`` hashes)."""
        document = self._header()
        document["ciphertext"] = _b64(self.ciphertext)
        return _canonical_json(document)

    @classmethod
    def from_bytes(cls, data: bytes) -> SealedBid:
        """Parse a canonical serialisation; anything else raises ``SealedBidMalformed``."""
        document = _parse_canonical(data, SealedBidMalformed)
        sealed = _sealed_bid_from_document(document)
        if sealed.to_bytes() != data:
            raise SealedBidMalformed("not in canonical form")
        return sealed

    def commitment(self) -> bytes:
        """SHA-256 of ``to_bytes()``; the value anchored on the ledger."""
        return commitment(self.to_bytes())

    def recipient(self, member_id: str) -> SealedShare:
        for entry in self.recipients:
            if entry.member_id == member_id:
                return entry
        raise MemberNotRecipient(f"member {member_id!r} is not a recipient of bid {self.bid_id!r}")

    def _header(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "suite": SUITE,
            "tender": self.tender,
            "bidder": self.bidder,
            "bid_id": self.bid_id,
            "threshold": self.threshold,
            "nonce": _b64(self.nonce),
            "recipients": [
                {
                    "member_id": entry.member_id,
                    "public_key": _b64(entry.public_key),
                    "x": entry.x,
                    "share_hash": _b64(entry.share_hash),
                    "sealed_share": _b64(entry.sealed_share),
                }
                for entry in self.recipients
            ],
        }

    def _associated_data(self) -> bytes:
        return _CONTENT_AAD_DOMAIN + _canonical_json(self._header())


@dataclass(frozen=True, slots=True)
class Share:
    """What a committee member releases at opening: one Shamir share of one bid's content key."""

    bid_id: str
    member_id: str
    x: int
    y: bytes

    def to_bytes(self) -> bytes:
        return _canonical_json(
            {
                "format": SHARE_FORMAT,
                "bid_id": self.bid_id,
                "member_id": self.member_id,
                "x": self.x,
                "y": _b64(self.y),
            }
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> Share:
        """Parse a released share; anything malformed raises ``ShareInvalid``."""
        document = _parse_canonical(data, ShareInvalid)
        _expect_keys(document, {"format", "bid_id", "member_id", "x", "y"}, ShareInvalid, "share")
        if document["format"] != SHARE_FORMAT:
            raise ShareInvalid(f"unsupported share format {document['format']!r}")
        share = cls(
            bid_id=_name(document["bid_id"], "bid_id", ShareInvalid),
            member_id=_name(document["member_id"], "member_id", ShareInvalid),
            x=_index(document["x"], ShareInvalid),
            y=_unb64(document["y"], "y", KEY_BYTES, ShareInvalid),
        )
        if share.to_bytes() != data:
            raise ShareInvalid("share not in canonical form")
        return share


# --- public API -----------------------------------------------------------------------------------


def generate_member_key() -> tuple[bytes, bytes]:
    """A new committee member key pair as raw X25519 bytes: ``(private, public)``."""
    private = X25519PrivateKey.generate()
    return (
        private.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        ),
        _public_bytes(private.public_key()),
    )


def member_public_key(private_key: bytes) -> bytes:
    """The raw X25519 public key of a raw private key."""
    return _public_bytes(_load_private(private_key).public_key())


def commitment(sealed_bid_bytes: bytes) -> bytes:
    """SHA-256 of a sealed bid's canonical bytes (32 bytes)."""
    return hashlib.sha256(sealed_bid_bytes).digest()


def verify_commitment(sealed_bid_bytes: bytes, expected: bytes) -> None:
    """Raise ``SealedBidTampered`` unless the bytes hash to the anchored commitment."""
    if not hmac.compare_digest(commitment(sealed_bid_bytes), expected):
        raise SealedBidTampered("sealed bid does not match its anchored commitment")


def seal_bid(
    plaintext: bytes,
    *,
    tender: str,
    bidder: str,
    bid_id: str,
    members: Sequence[tuple[str, bytes]],
    threshold: int,
) -> SealedBid:
    """Encrypt ``plaintext`` so that any ``threshold`` of ``members`` (id, X25519 public key) can open it.

    Members get share indices 1..n in the order given.
    """
    if not isinstance(plaintext, bytes | bytearray | memoryview):
        raise SealingParametersInvalid("plaintext must be bytes")
    tender = _name(tender, "tender", SealingParametersInvalid)
    bidder = _name(bidder, "bidder", SealingParametersInvalid)
    bid_id = _name(bid_id, "bid_id", SealingParametersInvalid)
    count = len(members)
    if not 1 <= count <= MAX_MEMBERS:
        raise SealingParametersInvalid(f"between 1 and {MAX_MEMBERS} members are required, got {count}")
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise SealingParametersInvalid("threshold must be an integer")
    if not MIN_THRESHOLD <= threshold <= count:
        raise SealingParametersInvalid(
            f"threshold must be between {MIN_THRESHOLD} and the number of members ({count}), got {threshold}"
        )
    member_ids: set[str] = set()
    public_keys: set[bytes] = set()
    loaded: list[tuple[str, bytes, X25519PublicKey]] = []
    for member_id, public_key in members:
        member_id = _name(member_id, "member_id", SealingParametersInvalid)
        if member_id in member_ids:
            raise SealingParametersInvalid(f"member {member_id!r} is listed twice")
        public_key = bytes(public_key)
        if public_key in public_keys:
            # One key holding two shares would let one person stand for two members.
            raise SealingParametersInvalid(f"member {member_id!r} reuses another member's public key")
        member_ids.add(member_id)
        public_keys.add(public_key)
        loaded.append((member_id, public_key, _load_public(public_key, member_id)))

    content_key = secrets.token_bytes(KEY_BYTES)
    recipients = []
    for (member_id, public_key, key), (x, y) in zip(
        loaded, _split(content_key, threshold, count), strict=True
    ):
        info = _share_info(tender, bidder, bid_id, member_id, x)
        try:
            sealed_share = _HPKE_SUITE.encrypt(bytes([x]) + y, key, info=info)
        except ValueError as exc:  # e.g. a low-order point: no usable shared secret
            raise SealingParametersInvalid(f"public key of member {member_id!r} is unusable") from exc
        recipients.append(
            SealedShare(
                member_id=member_id,
                public_key=public_key,
                x=x,
                share_hash=_share_hash(x, y),
                sealed_share=sealed_share,
            )
        )
    unsealed = SealedBid(
        tender=tender,
        bidder=bidder,
        bid_id=bid_id,
        threshold=threshold,
        recipients=tuple(recipients),
        nonce=secrets.token_bytes(NONCE_BYTES),
        ciphertext=b"",
    )
    ciphertext = AESGCM(content_key).encrypt(unsealed.nonce, bytes(plaintext), unsealed._associated_data())
    return SealedBid(
        tender=tender,
        bidder=bidder,
        bid_id=bid_id,
        threshold=threshold,
        recipients=unsealed.recipients,
        nonce=unsealed.nonce,
        ciphertext=ciphertext,
    )


def unseal_share(sealed_bid: SealedBid, member_id: str, private_key: bytes) -> Share:
    """Decrypt this member's share of ``sealed_bid`` with its raw X25519 private key.

    Runs on the member's side at opening; the returned ``Share`` is what the
    member releases to the server.
    """
    entry = sealed_bid.recipient(member_id)
    key = _load_private(private_key)
    if not hmac.compare_digest(_public_bytes(key.public_key()), entry.public_key):
        raise MemberKeyMismatch(f"the key given is not member {member_id!r}'s key for this bid")
    info = _share_info(sealed_bid.tender, sealed_bid.bidder, sealed_bid.bid_id, member_id, entry.x)
    try:
        opened = _HPKE_SUITE.decrypt(entry.sealed_share, key, info=info)
    except (InvalidTag, ValueError) as exc:
        raise SealedBidTampered(f"sealed share of member {member_id!r} does not decrypt") from exc
    if len(opened) != 1 + KEY_BYTES or opened[0] != entry.x:
        raise SealedBidTampered(f"sealed share of member {member_id!r} has the wrong shape")
    y = opened[1:]
    if not hmac.compare_digest(_share_hash(entry.x, y), entry.share_hash):
        raise SealedBidTampered(f"share of member {member_id!r} does not match its commitment")
    return Share(bid_id=sealed_bid.bid_id, member_id=member_id, x=entry.x, y=y)


def check_share(sealed_bid: SealedBid, share: Share) -> None:
    """Raise ``ShareInvalid`` unless ``share`` is its member's genuine share of this bid.

    Checked against the share hash sealed in the bid, so a server can refuse a
    forged or misdirected share when it is released, long before opening.
    """
    if share.bid_id != sealed_bid.bid_id:
        raise ShareInvalid(f"share of member {share.member_id!r} belongs to bid {share.bid_id!r}")
    try:
        entry = sealed_bid.recipient(share.member_id)
    except MemberNotRecipient as exc:
        raise ShareInvalid(f"member {share.member_id!r} holds no share of this bid") from exc
    if share.x != entry.x or len(share.y) != KEY_BYTES:
        raise ShareInvalid(f"share of member {share.member_id!r} has the wrong index or length")
    if not hmac.compare_digest(_share_hash(share.x, share.y), entry.share_hash):
        raise ShareInvalid(f"share of member {share.member_id!r} does not match its commitment")


def open_bid(
    sealed_bid: SealedBid,
    shares: Iterable[Share],
    *,
    expected_commitment: bytes | None = None,
) -> bytes:
    """Recover the plaintext from at least ``threshold`` valid shares.

    Raises ``SealedBidTampered`` if ``expected_commitment`` is given and does
    not match, ``ShareInvalid`` if any share is forged or not this bid's,
    ``SharesInsufficient`` if fewer than ``threshold`` distinct members'
    shares remain, and ``SealedBidTampered`` if the ciphertext or its header
    was altered or the shares are inconsistent.
    """
    if expected_commitment is not None:
        verify_commitment(sealed_bid.to_bytes(), expected_commitment)
    accepted: dict[int, bytes] = {}
    for share in shares:
        check_share(sealed_bid, share)
        accepted[share.x] = share.y
    if len(accepted) < sealed_bid.threshold:
        raise SharesInsufficient(
            f"{len(accepted)} valid share(s), {sealed_bid.threshold} needed to open bid {sealed_bid.bid_id!r}"
        )
    points = sorted(accepted.items())
    basis = points[: sealed_bid.threshold]
    for x, y in points[sealed_bid.threshold :]:
        if not hmac.compare_digest(_interpolate(basis, x), y):
            raise SealedBidTampered("the bid's shares do not lie on one polynomial")
    content_key = _interpolate(basis, 0)
    try:
        return AESGCM(content_key).decrypt(
            sealed_bid.nonce, sealed_bid.ciphertext, sealed_bid._associated_data()
        )
    except InvalidTag as exc:
        raise SealedBidTampered(f"bid {sealed_bid.bid_id!r} fails authentication") from exc


# --- helpers --------------------------------------------------------------------------------------


def _share_hash(x: int, y: bytes) -> bytes:
    return hashlib.sha256(_SHARE_HASH_DOMAIN + bytes([x]) + y).digest()


def _share_info(tender: str, bidder: str, bid_id: str, member_id: str, x: int) -> bytes:
    return _SHARE_INFO_DOMAIN + _canonical_json(
        {"tender": tender, "bidder": bidder, "bid_id": bid_id, "member_id": member_id, "x": x}
    )


def _canonical_json(document: dict[str, Any]) -> bytes:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, field: str, length: int | None, error: type[SealingError]) -> bytes:
    if not isinstance(value, str):
        raise error(f"{field} must be a base64 string")
    try:
        decoded = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise error(f"{field} is not valid base64") from exc
    if length is not None and len(decoded) != length:
        raise error(f"{field} must be {length} bytes, got {len(decoded)}")
    return decoded


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for key, value in pairs:
        if key in document:
            raise ValueError(f"duplicate key {key!r}")
        document[key] = value
    return document


def _parse_canonical(data: bytes, error: type[SealingError]) -> dict[str, Any]:
    if not isinstance(data, bytes):
        raise error("expected bytes")
    try:
        document = json.loads(data.decode("ascii"), object_pairs_hook=_reject_duplicate_keys)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise error("not canonical ASCII JSON") from exc
    if not isinstance(document, dict):
        raise error("expected a JSON object")
    return document


def _expect_keys(document: Any, keys: set[str], error: type[SealingError], what: str) -> None:
    if not isinstance(document, dict) or set(document) != keys:
        raise error(f"{what} must have exactly the fields {sorted(keys)}")


def _name(value: Any, field: str, error: type[SealingError]) -> str:
    if not isinstance(value, str) or not value or len(value) > MAX_NAME_CHARS:
        raise error(f"{field} must be a non-empty string of at most {MAX_NAME_CHARS} characters")
    return value


def _index(value: Any, error: type[SealingError]) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_MEMBERS:
        raise error(f"share index must be an integer in 1..{MAX_MEMBERS}")
    return value


def _sealed_bid_from_document(document: dict[str, Any]) -> SealedBid:
    _expect_keys(
        document,
        {"format", "suite", "tender", "bidder", "bid_id", "threshold", "nonce", "recipients", "ciphertext"},
        SealedBidMalformed,
        "sealed bid",
    )
    if document["format"] != FORMAT:
        raise SealedBidMalformed(f"unsupported format {document['format']!r}")
    if document["suite"] != SUITE:
        raise SealedBidMalformed(f"unsupported suite {document['suite']!r}")
    raw_recipients = document["recipients"]
    if not isinstance(raw_recipients, list) or not 1 <= len(raw_recipients) <= MAX_MEMBERS:
        raise SealedBidMalformed(f"recipients must be a list of 1..{MAX_MEMBERS} entries")
    recipients = []
    for raw in raw_recipients:
        _expect_keys(
            raw,
            {"member_id", "public_key", "x", "share_hash", "sealed_share"},
            SealedBidMalformed,
            "recipient",
        )
        recipients.append(
            SealedShare(
                member_id=_name(raw["member_id"], "member_id", SealedBidMalformed),
                public_key=_unb64(raw["public_key"], "public_key", X25519_KEY_BYTES, SealedBidMalformed),
                x=_index(raw["x"], SealedBidMalformed),
                share_hash=_unb64(raw["share_hash"], "share_hash", SHARE_HASH_BYTES, SealedBidMalformed),
                sealed_share=_unb64(
                    raw["sealed_share"], "sealed_share", SEALED_SHARE_BYTES, SealedBidMalformed
                ),
            )
        )
    if [entry.x for entry in recipients] != list(range(1, len(recipients) + 1)):
        raise SealedBidMalformed("recipients must carry share indices 1..n in order")
    if len({entry.member_id for entry in recipients}) != len(recipients):
        raise SealedBidMalformed("a member appears twice among the recipients")
    threshold = document["threshold"]
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise SealedBidMalformed("threshold must be an integer")
    if not MIN_THRESHOLD <= threshold <= len(recipients):
        raise SealedBidMalformed("threshold out of range")
    ciphertext = _unb64(document["ciphertext"], "ciphertext", None, SealedBidMalformed)
    if len(ciphertext) < TAG_BYTES:
        raise SealedBidMalformed("ciphertext is shorter than its authentication tag")
    return SealedBid(
        tender=_name(document["tender"], "tender", SealedBidMalformed),
        bidder=_name(document["bidder"], "bidder", SealedBidMalformed),
        bid_id=_name(document["bid_id"], "bid_id", SealedBidMalformed),
        threshold=threshold,
        recipients=tuple(recipients),
        nonce=_unb64(document["nonce"], "nonce", NONCE_BYTES, SealedBidMalformed),
        ciphertext=ciphertext,
    )


def _public_bytes(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _load_public(public_key: bytes, member_id: str) -> X25519PublicKey:
    try:
        return X25519PublicKey.from_public_bytes(public_key)
    except (ValueError, TypeError) as exc:
        raise SealingParametersInvalid(f"public key of member {member_id!r} is not a raw X25519 key") from exc


def _load_private(private_key: bytes) -> X25519PrivateKey:
    try:
        return X25519PrivateKey.from_private_bytes(bytes(private_key))
    except (ValueError, TypeError) as exc:
        raise MemberKeyMismatch("the private key is not a raw 32-byte X25519 key") from exc
