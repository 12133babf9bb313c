"""The C++ SDK (gen/cpp + sdk/cpp): built with CMake against Debian's libgrpc++-dev
and its example run against the `jipan up` of tests/sdks/conftest.py.

Only the proto packages the example uses are compiled (JIPAN_PACKAGES): the
whole of gen/cpp takes many minutes on a small machine. The build tree is
build/sdks/cpp (or JIPAN_SDK_CPP_BUILD_DIR), reused between runs."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.sdks.conftest import ROOT, SdkMesh, check_example_output

PACKAGES = "common;system;identity;procurement"


@pytest.fixture(scope="module")
def cpp_example() -> Path:
    return build_cpp()


def build_cpp() -> Path:
    if shutil.which("cmake") is None or not Path("/usr/include/grpcpp/grpcpp.h").is_file():
        pytest.fail(
            "the C++ SDK needs cmake, g++ and Debian's libgrpc++-dev, protobuf-compiler-grpc, libssl-dev "
            "(scripts/_env.sh: jipan_sdk_toolchains installs them)"
        )
    build = Path(os.environ.get("JIPAN_SDK_CPP_BUILD_DIR") or ROOT / "build" / "sdks" / "cpp")
    for command in (
        ["cmake", "-S", str(ROOT / "sdk" / "cpp"), "-B", str(build), f"-DJIPAN_PACKAGES={PACKAGES}"],
        ["cmake", "--build", str(build), "-j", str(os.cpu_count() or 2), "--target", "jipan_example"],
    ):
        run = subprocess.run(command, capture_output=True, text=True, timeout=1800)
        assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]
    return build / "jipan_example"


# Compiling takes minutes on a small CI machine (pyproject's default is 300 s).
@pytest.mark.timeout(2400)
def test_cpp_example(cpp_example: Path, any_mesh: SdkMesh) -> None:
    run = subprocess.run([str(cpp_example)], env=any_mesh.env(), capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    check_example_output(any_mesh, run.stdout)
