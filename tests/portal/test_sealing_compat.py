"""The portal seals bids in the browser; clients/sealing.py (the server's code) must open them.

portal/src/lib/sealing.ts is compiled with the portal's own TypeScript and run
in Node (whose WebCrypto has the same X25519, HKDF, AES-GCM and SHA-256 as
Chromium's); the sealed bytes go through `SealedBid.from_bytes` (which accepts
only the canonical form, byte for byte), members unseal their HPKE shares with
their private keys, and `open_bid` recovers the plaintext under the commitment
the portal computed. The browser test (test_portal_browser.py) then submits a
bid sealed in Chromium to a running server.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from jipan.clients import sealing

ROOT = Path(__file__).resolve().parents[2]
PORTAL = ROOT / "portal"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(
    NODE is None or not (PORTAL / "node_modules" / ".bin" / "tsc").exists(),
    reason="node and the portal's node_modules (scripts/bootstrap installs them) are needed",
)


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sealing-js")
    subprocess.run(
        [
            str(PORTAL / "node_modules" / ".bin" / "tsc"),
            "--outDir",
            str(out),
            "--module",
            "es2022",
            "--target",
            "es2022",
            "--lib",
            "es2022,dom",
            "--skipLibCheck",
            "--strict",
            str(PORTAL / "src" / "lib" / "sealing.ts"),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return out


def seal_in_js(compiled: Path, request: dict[str, object]) -> dict[str, str]:
    assert NODE is not None
    done = subprocess.run(
        [NODE, str(PORTAL / "test" / "seal-cli.mjs"), str(compiled)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, str] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize(("members", "threshold"), [(2, 2), (3, 2), (5, 3)])
def test_a_bid_sealed_by_the_portal_opens_with_the_servers_code(
    compiled: Path, members: int, threshold: int
) -> None:
    keys = [sealing.generate_member_key() for _ in range(members)]
    plaintext = "第1組 新臺幣 1,234,567 元 / technical proposal".encode()
    bid_id = str(uuid.uuid4())
    result = seal_in_js(
        compiled,
        {
            "tender": "agencies/moda/tenders/0f6c2b1e",
            "bidder": "vendors/acme",
            "bid_id": bid_id,
            "threshold": threshold,
            "members": [
                {"member_id": f"people/member-{i}", "public_key": base64.b64encode(public).decode()}
                for i, (_, public) in enumerate(keys)
            ],
            "plaintext": base64.b64encode(plaintext).decode(),
        },
    )
    data = base64.b64decode(result["sealed"])
    sealed = sealing.SealedBid.from_bytes(data)  # canonical form, byte for byte
    assert (sealed.tender, sealed.bidder, sealed.bid_id, sealed.threshold) == (
        "agencies/moda/tenders/0f6c2b1e",
        "vendors/acme",
        bid_id,
        threshold,
    )
    assert base64.b64decode(result["commitment"]) == sealed.commitment()
    # Any `threshold` members open it; each share checks against its sealed hash.
    chosen = list(range(members))[-threshold:]
    shares = [sealing.unseal_share(sealed, f"people/member-{i}", keys[i][0]) for i in chosen]
    for share in shares:
        sealing.check_share(sealed, share)
    assert sealing.open_bid(sealed, shares, expected_commitment=sealed.commitment()) == plaintext
    # Fewer than `threshold` do not.
    with pytest.raises(sealing.SharesInsufficient):
        sealing.open_bid(sealed, shares[: threshold - 1])


def test_a_changed_header_fails_authentication(compiled: Path) -> None:
    keys = [sealing.generate_member_key() for _ in range(2)]
    result = seal_in_js(
        compiled,
        {
            "tender": "agencies/moda/tenders/t",
            "bidder": "vendors/acme",
            "bid_id": str(uuid.uuid4()),
            "threshold": 2,
            "members": [
                {"member_id": f"m{i}", "public_key": base64.b64encode(public).decode()}
                for i, (_, public) in enumerate(keys)
            ],
            "plaintext": base64.b64encode(b"price 1").decode(),
        },
    )
    document = json.loads(base64.b64decode(result["sealed"]))
    shares_source = sealing.SealedBid.from_bytes(base64.b64decode(result["sealed"]))
    shares = [sealing.unseal_share(shares_source, f"m{i}", keys[i][0]) for i in range(2)]
    document["bidder"] = "vendors/mallory"
    forged = sealing.SealedBid.from_bytes(
        json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
    )
    with pytest.raises(sealing.SealedBidTampered):
        sealing.open_bid(forged, [sealing.Share(forged.bid_id, s.member_id, s.x, s.y) for s in shares])


def test_canonical_json_matches_pythons(compiled: Path) -> None:
    probe = {"b": '中文\u007f\n"\\ \t\u2028😀', "a": [1, {"z": "x", "y": 255}], "c": ""}
    keys = [sealing.generate_member_key() for _ in range(2)]
    result = seal_in_js(
        compiled,
        {
            "tender": "t",
            "bidder": "b",
            "bid_id": "i",
            "threshold": 2,
            "members": [
                {"member_id": f"m{i}", "public_key": base64.b64encode(k[1]).decode()}
                for i, k in enumerate(keys)
            ],
            "plaintext": "",
            "canonical_probe": probe,
        },
    )
    assert result["canonical"] == json.dumps(probe, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
