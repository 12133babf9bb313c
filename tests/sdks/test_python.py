"""The Python (grpcio) SDK example against the `jipan up` of tests/sdks/conftest.py."""

from __future__ import annotations

import subprocess
import sys

from tests.sdks.conftest import ROOT, SdkMesh, check_example_output


def test_python_grpcio_example(any_mesh: SdkMesh) -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "sdk" / "python" / "example.py")],
        env=any_mesh.env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    check_example_output(any_mesh, run.stdout)


def test_the_mtls_mesh_refuses_a_caller_without_a_client_certificate(sdk_mesh_mtls: SdkMesh) -> None:
    env = sdk_mesh_mtls.env()
    del env["JIPAN_TLS_CERT_FILE"], env["JIPAN_TLS_KEY_FILE"]
    run = subprocess.run(
        [sys.executable, str(ROOT / "sdk" / "python" / "example.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode != 0, run.stdout
    assert "whoami" not in run.stdout
    assert "UNAVAILABLE" in run.stderr, run.stderr[-2000:]
