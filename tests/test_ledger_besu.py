"""deploy/besu/: the network generator writes keys and a QBFT genesis whose extraData names
exactly those validators, and the compose and Kubernetes files parse. (No besu binary
here: the network itself is not started; see deploy/besu/README.md.)"""

from __future__ import annotations

import importlib.util
import json
import stat
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import rlp  # type: ignore[import-untyped]
import yaml
from eth_keys.datatypes import PrivateKey

BESU = Path(__file__).resolve().parents[1] / "deploy" / "besu"


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("besu_generate", BESU / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_genesis_names_the_four_generated_validators(tmp_path: Path) -> None:
    out = tmp_path / "network"
    ledger_signer = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
    generator().generate(out, validators=4, chain_id=8860001, fund=[ledger_signer], namespace="jipan")
    genesis: dict[str, Any] = json.loads((out / "genesis.json").read_text())

    assert genesis["config"]["chainId"] == 8860001
    assert set(genesis["config"]["qbft"]) == {"blockperiodseconds", "epochlength", "requesttimeoutseconds"}
    # The contracts are compiled for cancun: every fork up to it is active from the start.
    assert genesis["config"]["cancunTime"] == 0
    assert genesis["config"]["shanghaiTime"] == 0
    assert genesis["config"]["londonBlock"] == 0
    # QBFT's mixHash marks the block as Istanbul-BFT-family.
    assert genesis["mixHash"] == "0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365"
    assert list(genesis["alloc"]) == [ledger_signer.lower()[2:]]

    # extraData = RLP([32-byte vanity, [validators], no vote, round 0, no seals]).
    extra = bytes.fromhex(genesis["extraData"].removeprefix("0x"))
    vanity, validators, vote, round_number, seals = rlp.decode(extra)
    assert (vanity, vote, round_number, seals) == (b"\x00" * 32, [], b"", [])
    # As `besu operator generate-blockchain-config` writes it for four validators.
    assert extra.hex().startswith("f87aa0")
    assert extra.hex().endswith("c080c0")
    nodes = sorted(out.glob("node*"))
    assert len(nodes) == len(validators) == 4
    for node, validator in zip(nodes, validators, strict=True):
        key = PrivateKey(bytes.fromhex((node / "key").read_text().removeprefix("0x")))
        assert key.public_key.to_canonical_address() == validator
        assert (node / "address").read_text() == key.public_key.to_checksum_address()
        assert stat.S_IMODE((node / "key").stat().st_mode) == 0o600
    assert generator().decode_extra_data(extra) == validators

    for peers, host in (("static-nodes.json", "172.28.0.1"), ("static-nodes.k8s.json", ".besu.jipan.svc")):
        enodes = json.loads((out / peers).read_text())
        assert len(enodes) == 4
        for node, enode in zip(nodes, enodes, strict=True):
            public = (node / "key.pub").read_text().removeprefix("0x")
            assert enode.startswith(f"enode://{public}@")
            assert host in enode


def test_generate_refuses_to_overwrite_a_network(tmp_path: Path) -> None:
    (tmp_path / "network").mkdir()
    with pytest.raises(FileExistsError):
        generator().generate(tmp_path / "network", validators=4, chain_id=1, fund=[], namespace="jipan")


def test_compose_and_kubernetes_run_four_validators_from_the_generated_files() -> None:
    compose = yaml.safe_load((BESU / "docker-compose.yml").read_text())
    services = compose["services"]
    assert sorted(services) == ["besu-1", "besu-2", "besu-3", "besu-4"]
    ips = [services[name]["networks"]["besu"]["ipv4_address"] for name in sorted(services)]
    assert ips == [f"172.28.0.{10 + i}" for i in range(1, 5)]  # as generate.py's static-nodes.json
    for i, name in enumerate(sorted(services), start=1):
        assert services[name]["environment"] == {"NODE": f"node{i}", "P2P_IP": ips[i - 1]}
        assert "--genesis-file=/network/genesis.json" in services[name]["entrypoint"][2]

    documents = list(yaml.safe_load_all((BESU / "kubernetes" / "besu.yaml").read_text()))
    (statefulset,) = [d for d in documents if d["kind"] == "StatefulSet"]
    assert statefulset["spec"]["replicas"] == 4
    assert statefulset["spec"]["serviceName"] == "besu"
    args = statefulset["spec"]["template"]["spec"]["containers"][0]["args"][0]
    assert "--node-private-key-file=/keys/key-${HOSTNAME##*-}" in args
    assert {d["metadata"]["name"] for d in documents if d["kind"] == "Service"} == {"besu", "besu-rpc"}
