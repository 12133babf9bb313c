"""Sealed bids: k-of-n opening, forged shares, tampering, canonical bytes."""

from __future__ import annotations

import base64
import itertools
import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jipan.clients import sealing
from jipan.clients.sealing import SealedBid, Share

PLAINTEXT = "投標書: price 1,234,567 TWD; delivery 30 days; 雲端服務 SLA 99.95%".encode()
TENDER = "orgs/moda/tenders/2026-cloud-001"
BIDDER = "orgs/vendor-a"
BID_ID = "bid-7f3c"
N, K = 5, 3


@pytest.fixture(scope="module")
def committee() -> list[tuple[str, bytes, bytes]]:
    """(member_id, private, public) for five committee members."""
    return [(f"orgs/moda/members/m{i}", *sealing.generate_member_key()) for i in range(N)]


@pytest.fixture(scope="module")
def sealed(committee: list[tuple[str, bytes, bytes]]) -> SealedBid:
    return sealing.seal_bid(
        PLAINTEXT,
        tender=TENDER,
        bidder=BIDDER,
        bid_id=BID_ID,
        members=[(member_id, public) for member_id, _, public in committee],
        threshold=K,
    )


@pytest.fixture(scope="module")
def shares(sealed: SealedBid, committee: list[tuple[str, bytes, bytes]]) -> list[Share]:
    return [sealing.unseal_share(sealed, member_id, private) for member_id, private, _ in committee]


def _document(sealed_bid: SealedBid) -> dict[str, object]:
    document = json.loads(sealed_bid.to_bytes())
    assert isinstance(document, dict)
    return document


def _reencode(document: dict[str, object]) -> bytes:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _flip(data: bytes, index: int = 0) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]


# --- round trips ---------------------------------------------------------------------------------------


def test_k_of_n_round_trip(sealed: SealedBid, shares: list[Share]) -> None:
    assert sealing.open_bid(sealed, shares[:K]) == PLAINTEXT
    assert sealing.open_bid(sealed, shares) == PLAINTEXT


@pytest.mark.parametrize("subset", list(itertools.combinations(range(N), K)))
def test_every_k_subset_opens(sealed: SealedBid, shares: list[Share], subset: tuple[int, ...]) -> None:
    assert sealing.open_bid(sealed, [shares[i] for i in subset]) == PLAINTEXT


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_any_subset_of_at_least_k_in_any_order_opens(data: st.DataObject) -> None:
    n = data.draw(st.integers(min_value=2, max_value=7), label="n")
    k = data.draw(st.integers(min_value=2, max_value=n), label="k")
    plaintext = data.draw(st.binary(max_size=256), label="plaintext")
    keys = [sealing.generate_member_key() for _ in range(n)]
    bid = sealing.seal_bid(
        plaintext,
        tender=TENDER,
        bidder=BIDDER,
        bid_id=BID_ID,
        members=[(f"m{i}", public) for i, (_, public) in enumerate(keys)],
        threshold=k,
    )
    chosen = data.draw(
        st.lists(st.sampled_from(range(n)), min_size=1, max_size=n, unique=True), label="members"
    )
    released = [sealing.unseal_share(bid, f"m{i}", keys[i][0]) for i in chosen]
    if len(chosen) >= k:
        assert sealing.open_bid(bid, released) == plaintext
    else:
        with pytest.raises(sealing.SharesInsufficient) as caught:
            sealing.open_bid(bid, released)
        assert caught.value.reason == "SHARES_INSUFFICIENT"


def test_empty_plaintext_round_trips(committee: list[tuple[str, bytes, bytes]]) -> None:
    bid = sealing.seal_bid(
        b"",
        tender=TENDER,
        bidder=BIDDER,
        bid_id=BID_ID,
        members=[(member_id, public) for member_id, _, public in committee],
        threshold=2,
    )
    released = [sealing.unseal_share(bid, member_id, private) for member_id, private, _ in committee[:2]]
    assert sealing.open_bid(bid, released) == b""


# --- too few, forged, mismatched -------------------------------------------------------------------------


@pytest.mark.parametrize("subset", list(itertools.combinations(range(N), K - 1)))
def test_k_minus_one_shares_cannot_open(
    sealed: SealedBid, shares: list[Share], subset: tuple[int, ...]
) -> None:
    with pytest.raises(sealing.SharesInsufficient) as caught:
        sealing.open_bid(sealed, [shares[i] for i in subset])
    assert caught.value.reason == "SHARES_INSUFFICIENT"


def test_repeating_a_share_does_not_count_twice(sealed: SealedBid, shares: list[Share]) -> None:
    with pytest.raises(sealing.SharesInsufficient):
        sealing.open_bid(sealed, [shares[0], shares[0], shares[1], shares[1]])


def test_no_shares(sealed: SealedBid) -> None:
    with pytest.raises(sealing.SharesInsufficient):
        sealing.open_bid(sealed, [])


def test_forged_share_is_rejected(sealed: SealedBid, shares: list[Share]) -> None:
    forged = replace(shares[2], y=_flip(shares[2].y, 5))
    with pytest.raises(sealing.ShareInvalid) as caught:
        sealing.open_bid(sealed, [shares[0], shares[1], forged])
    assert caught.value.reason == "SHARE_INVALID"


def test_forged_share_is_rejected_even_with_enough_valid_ones(sealed: SealedBid, shares: list[Share]) -> None:
    forged = replace(shares[4], y=bytes(32))
    with pytest.raises(sealing.ShareInvalid):
        sealing.open_bid(sealed, [*shares[:4], forged])


def test_share_under_another_members_name_is_rejected(sealed: SealedBid, shares: list[Share]) -> None:
    swapped = replace(shares[2], member_id=shares[3].member_id)
    with pytest.raises(sealing.ShareInvalid):
        sealing.open_bid(sealed, [shares[0], shares[1], swapped])


def test_share_of_unknown_member_is_rejected(sealed: SealedBid, shares: list[Share]) -> None:
    stranger = replace(shares[2], member_id="orgs/other/members/x")
    with pytest.raises(sealing.ShareInvalid):
        sealing.open_bid(sealed, [shares[0], shares[1], stranger])


def test_share_of_another_bid_is_rejected(
    sealed: SealedBid, shares: list[Share], committee: list[tuple[str, bytes, bytes]]
) -> None:
    other = sealing.seal_bid(
        b"another bid",
        tender=TENDER,
        bidder="orgs/vendor-b",
        bid_id=BID_ID,  # same id on purpose: only the share commitment tells them apart
        members=[(member_id, public) for member_id, _, public in committee],
        threshold=K,
    )
    foreign = sealing.unseal_share(other, committee[2][0], committee[2][1])
    with pytest.raises(sealing.ShareInvalid):
        sealing.open_bid(sealed, [shares[0], shares[1], foreign])
    relabelled = replace(foreign, bid_id="bid-other")
    with pytest.raises(sealing.ShareInvalid):
        sealing.open_bid(sealed, [shares[0], shares[1], relabelled])


def test_wrong_member_key_cannot_unseal(sealed: SealedBid, committee: list[tuple[str, bytes, bytes]]) -> None:
    with pytest.raises(sealing.MemberKeyMismatch) as caught:
        sealing.unseal_share(sealed, committee[0][0], committee[1][1])
    assert caught.value.reason == "MEMBER_KEY_MISMATCH"
    stranger_private, _ = sealing.generate_member_key()
    with pytest.raises(sealing.MemberKeyMismatch):
        sealing.unseal_share(sealed, committee[0][0], stranger_private)
    with pytest.raises(sealing.MemberKeyMismatch):
        sealing.unseal_share(sealed, committee[0][0], b"short")


def test_non_member_cannot_unseal(sealed: SealedBid, committee: list[tuple[str, bytes, bytes]]) -> None:
    with pytest.raises(sealing.MemberNotRecipient) as caught:
        sealing.unseal_share(sealed, "orgs/moda/members/intruder", committee[0][1])
    assert caught.value.reason == "MEMBER_NOT_RECIPIENT"


# --- tampering -------------------------------------------------------------------------------------------


def test_tampered_ciphertext_fails(sealed: SealedBid, shares: list[Share]) -> None:
    tampered = replace(sealed, ciphertext=_flip(sealed.ciphertext, 3))
    with pytest.raises(sealing.SealedBidTampered) as caught:
        sealing.open_bid(tampered, shares[:K])
    assert caught.value.reason == "SEALED_BID_TAMPERED"


def test_tampered_nonce_fails(sealed: SealedBid, shares: list[Share]) -> None:
    with pytest.raises(sealing.SealedBidTampered):
        sealing.open_bid(replace(sealed, nonce=_flip(sealed.nonce)), shares[:K])


@pytest.mark.parametrize(
    "change",
    [
        {"tender": "orgs/moda/tenders/2026-cloud-002"},
        {"bidder": "orgs/vendor-b"},
        {"threshold": 2},
    ],
    ids=["tender", "bidder", "threshold"],
)
def test_tampered_associated_data_fails(
    sealed: SealedBid, shares: list[Share], change: dict[str, object]
) -> None:
    tampered = replace(sealed, **change)  # type: ignore[arg-type]
    with pytest.raises(sealing.SealedBidTampered):
        sealing.open_bid(tampered, shares[:K])


def test_moving_the_bid_to_another_tender_breaks_its_sealed_shares(
    sealed: SealedBid, committee: list[tuple[str, bytes, bytes]]
) -> None:
    moved = replace(sealed, tender="orgs/moda/tenders/other")
    with pytest.raises(sealing.SealedBidTampered):
        sealing.unseal_share(moved, committee[0][0], committee[0][1])


def test_tampered_sealed_share_fails(sealed: SealedBid, committee: list[tuple[str, bytes, bytes]]) -> None:
    entry = sealed.recipients[1]
    tampered = replace(
        sealed,
        recipients=(
            sealed.recipients[0],
            replace(entry, sealed_share=_flip(entry.sealed_share, 40)),
            *sealed.recipients[2:],
        ),
    )
    with pytest.raises(sealing.SealedBidTampered):
        sealing.unseal_share(tampered, entry.member_id, committee[1][1])


def test_tampered_serialised_bytes_fail_the_commitment(sealed: SealedBid, shares: list[Share]) -> None:
    anchored = sealed.commitment()
    document = _document(sealed)
    ciphertext = base64.b64decode(str(document["ciphertext"]))
    document["ciphertext"] = base64.b64encode(_flip(ciphertext, 0)).decode()
    tampered_bytes = _reencode(document)
    tampered = SealedBid.from_bytes(tampered_bytes)  # still well formed...
    assert sealing.commitment(tampered_bytes) != anchored
    with pytest.raises(sealing.SealedBidTampered):  # ...but not what was anchored
        sealing.verify_commitment(tampered_bytes, anchored)
    with pytest.raises(sealing.SealedBidTampered):
        sealing.open_bid(tampered, shares[:K], expected_commitment=anchored)
    assert sealing.open_bid(sealed, shares[:K], expected_commitment=anchored) == PLAINTEXT


def test_inconsistent_shares_from_a_dishonest_sealer_are_detected(
    committee: list[tuple[str, bytes, bytes]],
) -> None:
    """A sealer that deals shares off the polynomial cannot make the outcome depend on who shows up."""
    honest = sealing.seal_bid(
        PLAINTEXT,
        tender=TENDER,
        bidder=BIDDER,
        bid_id=BID_ID,
        members=[(member_id, public) for member_id, _, public in committee],
        threshold=K,
    )
    released = [sealing.unseal_share(honest, member_id, private) for member_id, private, _ in committee]
    # Re-deal member 4's share (and its commitment) as a dishonest sealer could.
    bad_y = _flip(released[4].y, 0)
    bad_entry = replace(honest.recipients[4], share_hash=sealing._share_hash(5, bad_y))
    dishonest = replace(honest, recipients=(*honest.recipients[:4], bad_entry))
    bad_share = replace(released[4], y=bad_y)
    with pytest.raises(sealing.SealedBidTampered):
        sealing.open_bid(dishonest, [*released[:4], bad_share])


# --- serialisation ---------------------------------------------------------------------------------------


def test_serialisation_round_trip_and_canonical_bytes(sealed: SealedBid) -> None:
    data = sealed.to_bytes()
    parsed = SealedBid.from_bytes(data)
    assert parsed == sealed
    assert parsed.to_bytes() == data
    assert sealing.commitment(data) == parsed.commitment()
    assert len(sealing.commitment(data)) == 32
    document = json.loads(data)
    assert document["format"] == "jipan.sealed-bid.v1"
    assert _reencode(document) == data


def test_same_plaintext_seals_differently_each_time(committee: list[tuple[str, bytes, bytes]]) -> None:
    members = [(member_id, public) for member_id, _, public in committee]
    first = sealing.seal_bid(
        PLAINTEXT, tender=TENDER, bidder=BIDDER, bid_id=BID_ID, members=members, threshold=K
    )
    second = sealing.seal_bid(
        PLAINTEXT, tender=TENDER, bidder=BIDDER, bid_id=BID_ID, members=members, threshold=K
    )
    assert first.commitment() != second.commitment()


def test_plaintext_is_not_in_the_serialised_bytes(sealed: SealedBid, shares: list[Share]) -> None:
    data = sealed.to_bytes()
    for needle in (
        PLAINTEXT,
        PLAINTEXT[:12],
        b"1,234,567",
        "投標書".encode(),
        "投標書".encode("utf-16-le"),
    ):
        assert needle not in data
    assert base64.b64encode(PLAINTEXT)[:16] not in data
    for share in shares:  # nor any key share: those only exist inside the sealed shares
        assert share.y not in data
        assert base64.b64encode(share.y)[:16] not in data


@pytest.mark.parametrize(
    "mutate",
    [
        lambda doc: doc.pop("nonce"),
        lambda doc: doc.update(extra=1),
        lambda doc: doc.update(format="jipan.sealed-bid.v2"),
        lambda doc: doc.update(threshold=1),
        lambda doc: doc.update(threshold=True),
        lambda doc: doc.update(threshold=99),
        lambda doc: doc.update(nonce="not base64!"),
        lambda doc: doc.update(nonce=base64.b64encode(b"short").decode()),
        lambda doc: doc.update(recipients=[]),
        lambda doc: doc["recipients"].reverse(),
        lambda doc: doc["recipients"][0].update(x=7),
        lambda doc: doc["recipients"][1].update(member_id=doc["recipients"][0]["member_id"]),
        lambda doc: doc["recipients"][0].update(public_key=base64.b64encode(b"\x01" * 31).decode()),
        lambda doc: doc.update(ciphertext=""),
        lambda doc: doc.update(tender=""),
    ],
)
def test_malformed_documents_are_rejected(sealed: SealedBid, mutate: object) -> None:
    document = _document(sealed)
    mutate(document)  # type: ignore[operator]
    with pytest.raises(sealing.SealedBidMalformed) as caught:
        SealedBid.from_bytes(_reencode(document))
    assert caught.value.reason == "SEALED_BID_MALFORMED"


@pytest.mark.parametrize(
    "data",
    [b"", b"null", b"[]", b"\xff\xfe", b"{", b'{"a":1,"a":2}'],
)
def test_garbage_is_malformed(data: bytes) -> None:
    with pytest.raises(sealing.SealedBidMalformed):
        SealedBid.from_bytes(data)


def test_non_canonical_encoding_is_rejected(sealed: SealedBid) -> None:
    pretty = json.dumps(_document(sealed), sort_keys=True, indent=1).encode()
    with pytest.raises(sealing.SealedBidMalformed):
        SealedBid.from_bytes(pretty)
    with pytest.raises(sealing.SealedBidMalformed):
        SealedBid.from_bytes(sealed.to_bytes() + b"\n")


def test_share_serialisation(shares: list[Share]) -> None:
    data = shares[0].to_bytes()
    assert Share.from_bytes(data) == shares[0]
    with pytest.raises(sealing.ShareInvalid):
        Share.from_bytes(data.replace(b'"x":1', b'"x":0'))
    with pytest.raises(sealing.ShareInvalid):
        Share.from_bytes(b"not json")


def test_non_ascii_names_round_trip(committee: list[tuple[str, bytes, bytes]]) -> None:
    bid = sealing.seal_bid(
        b"x",
        tender="機關/標案/雲端-001",
        bidder="廠商甲",
        bid_id="投標-1",
        members=[(member_id, public) for member_id, _, public in committee],
        threshold=2,
    )
    assert SealedBid.from_bytes(bid.to_bytes()) == bid


# --- sealing parameters ----------------------------------------------------------------------------------


@pytest.mark.parametrize("threshold", [0, 1, N + 1])
def test_threshold_out_of_range(committee: list[tuple[str, bytes, bytes]], threshold: int) -> None:
    with pytest.raises(sealing.SealingParametersInvalid) as caught:
        sealing.seal_bid(
            PLAINTEXT,
            tender=TENDER,
            bidder=BIDDER,
            bid_id=BID_ID,
            members=[(member_id, public) for member_id, _, public in committee],
            threshold=threshold,
        )
    assert caught.value.reason == "SEALING_PARAMETERS_INVALID"


def test_duplicate_members_and_keys_are_refused(committee: list[tuple[str, bytes, bytes]]) -> None:
    (m0, _, p0), (m1, _, p1) = committee[0], committee[1]
    with pytest.raises(sealing.SealingParametersInvalid):
        sealing.seal_bid(
            b"x", tender=TENDER, bidder=BIDDER, bid_id=BID_ID, members=[(m0, p0), (m0, p1)], threshold=2
        )
    with pytest.raises(sealing.SealingParametersInvalid):
        sealing.seal_bid(
            b"x", tender=TENDER, bidder=BIDDER, bid_id=BID_ID, members=[(m0, p0), (m1, p0)], threshold=2
        )


def test_bad_public_keys_are_refused(committee: list[tuple[str, bytes, bytes]]) -> None:
    m0, _, p0 = committee[0]
    for bad in (b"\x01" * 31, bytes(32)):  # wrong length; the all-zero (low-order) point
        with pytest.raises(sealing.SealingParametersInvalid):
            sealing.seal_bid(
                b"x",
                tender=TENDER,
                bidder=BIDDER,
                bid_id=BID_ID,
                members=[(m0, p0), ("m-bad", bad)],
                threshold=2,
            )


def test_member_public_key_matches_generated_pair() -> None:
    private, public = sealing.generate_member_key()
    assert sealing.member_public_key(private) == public
    assert len(private) == len(public) == 32
