"""The service registry: a process imports the services it serves, and every contract."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from google.protobuf import descriptor_pool

from jipan.servers.registry import SERVICES, available_services, import_contracts, select_services


def test_every_registered_package_serves_the_service_of_its_name() -> None:
    modules = available_services()
    assert list(modules) == list(SERVICES)
    for name, module in modules.items():
        assert module.name == name


def test_system_comes_first_and_once() -> None:
    assert [m.name for m in select_services(["ledger", "system", "ledger"])] == ["system", "ledger"]


def test_an_unknown_service_is_named_in_the_error() -> None:
    with pytest.raises(KeyError, match="unknown service\\(s\\) nosuch; known: cloud, dataspace"):
        select_services(["identity", "nosuch"])


def test_every_contract_is_loaded_whatever_is_served() -> None:
    contracts = import_contracts()
    pool = descriptor_pool.Default()
    for name in SERVICES:
        assert any(c.startswith(f"jipan.{name}.v1.") for c in contracts), name
    # A method of a service this process may not serve is in the pool (federation digests it).
    assert pool.FindMethodByName("jipan.procurement.v1.OrderService.CreateOrder").name == "CreateOrder"
    assert "jipan.common.v1.validation_pb2" in contracts


def _serve_in_a_fresh_interpreter(services: list[str]) -> tuple[list[str], set[str]]:
    """The services `select_services(services)` attaches, and every module then
    imported, in an interpreter that has imported nothing else."""
    script = (
        "import json, sys\n"
        "from jipan.servers.registry import select_services\n"
        f"served = [m.name for m in select_services({services!r})]\n"
        "print(json.dumps({'served': served, 'modules': sorted(sys.modules)}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=180
    )
    found = json.loads(out.stdout.strip().splitlines()[-1])
    return found["served"], set(found["modules"])


def test_serving_one_service_imports_no_other_service() -> None:
    """`jipan serve identity` must not pay for the cloud SDKs, OpenDP or
    scikit-learn, which took it from ~1.5 s to ~13 s to start on the CI machine."""
    served, modules = _serve_in_a_fresh_interpreter(["identity"])
    assert served == ["system", "identity"]
    loaded = {m.split(".")[2] for m in modules if m.startswith("jipan.servers.")}
    others = set(SERVICES) - {"system", "identity"}
    assert not loaded & others, sorted(loaded & others)
    assert not [m for m in modules if m.split(".")[0] in ("sklearn", "opendp")]


def test_importing_every_service_leaves_the_slow_optional_modules_for_later() -> None:
    """`jipan up` imports every service before it serves. Modules that took seconds
    to import and are needed only by some requests are imported when first used
    (the Azure SDKs, Google's compute client, onnxruntime's quantization tools
    with sympy) or in the background after start
    (cyclonedx-python-lib's validators with jsonschema and rfc3987-syntax's
    Earley grammar); OpenDP is imported without its prelude's scikit-learn."""
    served, modules = _serve_in_a_fresh_interpreter(list(SERVICES))
    assert set(served) == set(SERVICES)
    assert "opendp.transformations" in modules  # privacy is there, through OpenDP's own modules
    slow = (
        "sklearn",
        "rfc3987_syntax",
        "jsonschema",
        "azure.mgmt",
        "azure.identity",
        "google.cloud.compute_v1",
        "onnxruntime.quantization",
        "sympy",
    )
    assert not sorted(m for m in modules if m.startswith(slow)), "imported at start"
