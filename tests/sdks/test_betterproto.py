"""The betterproto2 SDK (gen/betterproto over grpclib, sdk/python/betterproto_sdk.py):
its example against the grpc.aio servers of the `jipan up` of tests/sdks/conftest.py."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.sdks.conftest import ROOT, SdkMesh, check_example_output


def test_betterproto_example(sdk_mesh: SdkMesh) -> None:
    env = sdk_mesh.env()
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "gen" / "betterproto"), str(ROOT / "sdk" / "python")])
    run = subprocess.run(
        [sys.executable, str(ROOT / "sdk" / "python" / "example_betterproto.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    check_example_output(sdk_mesh, run.stdout)
