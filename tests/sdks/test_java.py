"""The Java SDK (gen/java + sdk/java): compiled with javac against Debian's jars
(sdk/java/build.sh) and its example run against the `jipan up` of tests/sdks/conftest.py."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.sdks.conftest import ROOT, SdkMesh, check_example_output


# Compiling takes minutes on a small CI machine (pyproject's default is 300 s).
@pytest.mark.timeout(1500)
def test_java_example(sdk_mesh: SdkMesh) -> None:
    out = ROOT / "build" / "sdks" / "java"
    if shutil.which("javac") is None or not Path("/usr/share/java/grpc-netty.jar").is_file():
        pytest.fail(
            "the Java SDK needs a JDK 17 and Debian's libgrpc-java, libprotobuf-java, libnetty-java, "
            "libperfmark-java (scripts/_env.sh: jipan_sdk_toolchains installs them)"
        )
    build = subprocess.run(
        [str(ROOT / "sdk" / "java" / "build.sh"), str(out)], capture_output=True, text=True, timeout=900
    )
    assert build.returncode == 0, build.stdout + build.stderr
    classpath = (out / "classpath").read_text().strip()
    run = subprocess.run(
        ["java", "-cp", classpath, "tw.jipan.sdk.example.Example"],
        env=sdk_mesh.env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    check_example_output(sdk_mesh, run.stdout)
