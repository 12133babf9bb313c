"""The deployment files agree with what the servers actually do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from jipan.servers.registry import available_services
from jipan.servers.runtime.settings import Settings

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"


def _documents() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for path in sorted((DEPLOY / "kubernetes").glob("*.yaml")):
        docs += [d for d in yaml.safe_load_all(path.read_text()) if d]
    return docs


def test_manifests_run_known_services_with_known_settings() -> None:
    deployments = [d for d in _documents() if d["kind"] == "Deployment"]
    assert deployments
    for deployment in deployments:
        container = deployment["spec"]["template"]["spec"]["containers"][0]
        command, *services = container["args"]
        assert command == "serve"
        assert set(services) <= set(available_services())
        for variable in container.get("env", []):
            name = variable["name"]
            assert name.startswith("JIPAN_")
            assert name[len("JIPAN_") :].lower() in Settings.model_fields, name
        grace = float(next(v["value"] for v in container["env"] if v["name"] == "JIPAN_GRACE_PERIOD_S"))
        assert deployment["spec"]["template"]["spec"]["terminationGracePeriodSeconds"] > grace
        assert container["readinessProbe"]["grpc"]["port"] == container["ports"][0]["containerPort"]
