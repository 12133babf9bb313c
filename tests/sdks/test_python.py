"""The Python (grpcio) SDK example against the `jipan up` of tests/sdks/conftest.py."""

from __future__ import annotations

import subprocess
import sys

from tests.sdks.conftest import ROOT, SdkMesh, check_example_output


def test_python_grpcio_example(sdk_mesh: SdkMesh) -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "sdk" / "python" / "example.py")],
        env=sdk_mesh.env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    check_example_output(sdk_mesh, run.stdout)
