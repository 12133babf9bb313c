"""Node keys, genesis and peer lists for a Hyperledger Besu QBFT network of N validators.

Usage (from the repository root, with the project's virtual environment):

    python deploy/besu/generate.py OUT [--validators 4] [--chain-id 8860001] [--fund 0xADDRESS ...]

Writes, under OUT (which must not exist):

    node{i}/key            the node's secp256k1 private key (0x hex, mode 0600): Besu's
                           --node-private-key-file; the validator's address is its account
    node{i}/key.pub        the public key (enode id)
    node{i}/address        the validator address
    genesis.json           genesis.template.json with the QBFT extraData naming the
                           validators and `alloc` funding each --fund account
    static-nodes.json      enode URLs for docker-compose.yml (fixed IPs 172.28.0.11...)
    static-nodes.k8s.json  enode URLs for kubernetes/besu.yaml (StatefulSet DNS names)

QBFT's genesis extraData is RLP([32-byte vanity, [validator addresses], no vote,
round 0, no seals]) (Besu's QbftExtraDataCodec; what `besu operator
generate-blockchain-config` writes). Keys come from the OS's CSPRNG and are
written only to OUT: keep node{i}/key secret, one per validator host.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
from pathlib import Path

import rlp  # type: ignore[import-untyped]
from eth_keys.datatypes import PrivateKey

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "genesis.template.json"
COMPOSE_IP = "172.28.0.{}"
"""Validator i (1-based) has 172.28.0.(10 + i) on docker-compose.yml's network."""
K8S_HOST = "besu-{}.besu.{}.svc.cluster.local"
"""Pod i (0-based) of the `besu` StatefulSet behind the headless Service `besu`."""
P2P_PORT = 30303
FUND_WEI = 10**24


def qbft_extra_data(validators: list[bytes]) -> bytes:
    """The genesis extraData of a QBFT network whose validators are these 20-byte addresses."""
    return bytes(rlp.encode([b"\x00" * 32, validators, [], b"", []]))


def decode_extra_data(extra: bytes) -> list[bytes]:
    """The validator addresses in a QBFT extraData (checks its five-part shape)."""
    vanity, validators, vote, round_number, seals = rlp.decode(extra)
    if len(vanity) != 32 or vote != [] or round_number != b"" or seals != []:
        raise ValueError("not a genesis QBFT extraData (vanity, validators, no vote, round 0, no seals)")
    return [bytes(v) for v in validators]


def generate(
    out: Path, *, validators: int, chain_id: int, fund: list[str], namespace: str
) -> dict[str, object]:
    if validators < 1:
        raise ValueError("a QBFT network needs at least one validator (four tolerate one fault)")
    out.mkdir(parents=True)
    genesis: dict[str, object] = json.loads(TEMPLATE.read_text())
    addresses: list[bytes] = []
    compose_peers: list[str] = []
    k8s_peers: list[str] = []
    for i in range(1, validators + 1):
        private = PrivateKey(secrets.token_bytes(32))
        node = out / f"node{i}"
        node.mkdir()
        key_file = node / "key"
        key_file.write_text(private.to_hex())
        os.chmod(key_file, 0o600)
        public = private.public_key.to_bytes().hex()
        (node / "key.pub").write_text("0x" + public)
        (node / "address").write_text(private.public_key.to_checksum_address())
        addresses.append(private.public_key.to_canonical_address())
        compose_peers.append(f"enode://{public}@{COMPOSE_IP.format(10 + i)}:{P2P_PORT}")
        k8s_peers.append(f"enode://{public}@{K8S_HOST.format(i - 1, namespace)}:{P2P_PORT}")
    config = genesis["config"]
    assert isinstance(config, dict)
    config["chainId"] = chain_id
    genesis["extraData"] = "0x" + qbft_extra_data(addresses).hex()
    genesis["alloc"] = {account.lower().removeprefix("0x"): {"balance": hex(FUND_WEI)} for account in fund}
    (out / "genesis.json").write_text(json.dumps(genesis, indent=2) + "\n")
    (out / "static-nodes.json").write_text(json.dumps(compose_peers, indent=2) + "\n")
    (out / "static-nodes.k8s.json").write_text(json.dumps(k8s_peers, indent=2) + "\n")
    return genesis


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--validators", type=int, default=4)
    parser.add_argument("--chain-id", type=int, default=8860001)
    parser.add_argument(
        "--fund", action="append", default=[], help="0x account to fund in the genesis (the ledger's signer)"
    )
    parser.add_argument("--namespace", default="jipan", help="Kubernetes namespace of the StatefulSet")
    args = parser.parse_args()
    generate(
        args.out, validators=args.validators, chain_id=args.chain_id, fund=args.fund, namespace=args.namespace
    )
    print(f"wrote {args.validators} validators' keys and genesis.json to {args.out}")


if __name__ == "__main__":
    main()
