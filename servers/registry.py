"""Every Jipan service a process can run, by name (`jipan serve NAME...`).

A new service adds one line to SERVICES; `jipan up` runs them all.

A process imports the code of the services it serves and no other:
`jipan serve identity` used to import all twelve (the cloud broker's
provider SDKs, privacy's OpenDP and scikit-learn, procurement's SBOM
schemas...), 12-13 s of imports on the CI machine against ~2 s for the
services it runs. Every process still loads every service's *contract*
(the generated `jipan.<service>.v1` modules, ~0.2 s): the federation
egress digests and offers methods served by other processes of the mesh,
and the gateway and the chain look methods up in the same descriptor pool.
"""

from __future__ import annotations

import functools
import importlib
from pathlib import Path

import jipan
from jipan.servers.runtime.runtime import ServiceModule

SERVICES: dict[str, str] = {
    "system": "jipan.servers.system",
    "identity": "jipan.servers.identity",
    "ledger": "jipan.servers.ledger",
    "procurement": "jipan.servers.procurement",
    "inference": "jipan.servers.inference",
    "document": "jipan.servers.document",
    "privacy": "jipan.servers.privacy",
    "dataspace": "jipan.servers.dataspace",
    "factcheck": "jipan.servers.factcheck",
    "federation": "jipan.servers.federation",
    "market": "jipan.servers.market",
    "cloud": "jipan.servers.cloud",
}
"""Service name → the package whose SERVICE is its ServiceModule, in `jipan up`'s order."""


@functools.cache
def import_contracts() -> tuple[str, ...]:
    """Import every generated contract module (`jipan.<package>.v<n>.*_pb2`) into the default
    descriptor pool, once per process; returns their names."""
    names: set[str] = set()
    for entry in jipan.__path__:
        root = Path(entry)
        if not root.is_dir():
            continue  # an editable install's path hook
        for path in root.glob("*/v*/*_pb2.py"):
            names.add(".".join(("jipan", *path.relative_to(root).with_suffix("").parts)))
    ordered = tuple(sorted(names))
    for name in ordered:
        importlib.import_module(name)
    return ordered


def _load(name: str) -> ServiceModule:
    module: ServiceModule = importlib.import_module(SERVICES[name]).SERVICE
    return module


def available_services() -> dict[str, ServiceModule]:
    """Every service, imported (what `jipan up` runs)."""
    import_contracts()
    return {name: _load(name) for name in SERVICES}


def select_services(names: list[str]) -> list[ServiceModule]:
    """The named services (system always included: every server answers it); only these are imported."""
    unknown = [name for name in names if name not in SERVICES]
    if unknown:
        raise KeyError(f"unknown service(s) {', '.join(unknown)}; known: {', '.join(sorted(SERVICES))}")
    import_contracts()
    chosen = ["system", *[name for name in names if name != "system"]]
    return [_load(name) for name in dict.fromkeys(chosen)]
