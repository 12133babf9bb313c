"""The betterproto2 SDK as its users install it: wheels built from gen/betterproto
(`jipan-betterproto`, the generated messages and grpclib stubs) and sdk/python
(`jipan-betterproto-sdk`, the thin layer), installed into a directory of their
own, and the example run from there against the grpc.aio servers of the
`jipan up` of tests/sdks/conftest.py (plaintext and mTLS)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sdks.conftest import ROOT, SdkMesh, check_example_output


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site directory holding only the two wheels (their dependencies come from the venv)."""
    work = tmp_path_factory.mktemp("betterproto-sdk")
    wheels, site = work / "wheels", work / "site"
    # Built from copies: setuptools writes build/ and *.egg-info beside the sources.
    generated = shutil.copytree(
        ROOT / "gen" / "betterproto", work / "src" / "gen", ignore=shutil.ignore_patterns("__pycache__")
    )
    layer = work / "src" / "sdk"
    layer.mkdir()
    for name in ("pyproject.toml", "jipan_betterproto_sdk.py"):
        shutil.copy2(ROOT / "sdk" / "python" / name, layer / name)
    for project in (generated, layer):
        build = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "-q",
                "--no-deps",
                "--no-build-isolation",
                "-w",
                str(wheels),
                str(project),
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert build.returncode == 0, build.stdout + build.stderr
    built = sorted(str(wheel) for wheel in wheels.glob("*.whl"))
    assert [Path(w).name.split("-")[0] for w in built] == ["jipan_betterproto", "jipan_betterproto_sdk"], (
        built
    )
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), *built],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    # What the example imports comes from the installed wheels, not from the repository.
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import jipan_betterproto.jipan.system.v1, jipan_betterproto.rpc.google.rpc;"
            "import jipan_betterproto_sdk;"
            "print(jipan_betterproto.__file__); print(jipan_betterproto_sdk.__file__)",
        ],
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        cwd=work,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert probe.returncode == 0, probe.stdout + probe.stderr
    assert all(line.startswith(str(site)) for line in probe.stdout.splitlines()), probe.stdout
    return site


# Building the wheels and starting both meshes take minutes on a loaded small machine.
@pytest.mark.timeout(900)
def test_betterproto_example(installed: Path, any_mesh: SdkMesh) -> None:
    env = any_mesh.env()
    env["PYTHONPATH"] = str(installed)
    run = subprocess.run(
        [sys.executable, str(ROOT / "sdk" / "python" / "example_betterproto.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    check_example_output(any_mesh, run.stdout)
