"""The Go SDK (sdk/go): built offline against Debian's Go sources (sdk/go/build.sh)
and its example run against the `jipan up` of tests/sdks/conftest.py."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.sdks.conftest import ROOT, SdkMesh, check_example_output


# Compiling takes minutes on a small CI machine (pyproject's default is 300 s).
@pytest.fixture(scope="module")
def go_example() -> Path:
    out = ROOT / "build" / "sdks" / "go"
    if shutil.which("go") is None or not Path("/usr/share/gocode/src/google.golang.org/grpc").is_dir():
        pytest.fail(
            "the Go SDK needs Debian's golang-go, golang-google-grpc-dev, golang-google-protobuf-dev, "
            "golang-google-genproto-dev and golang-github-golang-protobuf-1-5-dev "
            "(scripts/_env.sh: jipan_sdk_toolchains installs them)"
        )
    build = subprocess.run(
        [str(ROOT / "sdk" / "go" / "build.sh"), str(out)], capture_output=True, text=True, timeout=600
    )
    assert build.returncode == 0, build.stdout + build.stderr
    return out / "example"


@pytest.mark.timeout(900)
def test_go_example(go_example: Path, any_mesh: SdkMesh) -> None:
    run = subprocess.run([str(go_example)], env=any_mesh.env(), capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    check_example_output(any_mesh, run.stdout)
