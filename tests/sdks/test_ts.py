"""The TypeScript SDK (sdk/ts): compiled with tsc, its Node test runner test and
its example run against the `jipan up` of tests/sdks/conftest.py."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.sdks.conftest import ROOT, SdkMesh, check_example_output

SDK = ROOT / "sdk" / "ts"
TSC = ROOT / "node_modules" / ".bin" / "tsc"


@pytest.fixture(scope="module")
def built() -> None:
    if shutil.which("node") is None or not TSC.exists():
        pytest.fail("node and node_modules/.bin/tsc are needed (scripts/bootstrap runs npm ci)")
    run = subprocess.run(
        [str(TSC), "-p", str(SDK / "tsconfig.json")], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_ts_node_test_runner(built: None, sdk_mesh: SdkMesh) -> None:
    env = {**sdk_mesh.env(), "JIPAN_EXPECT_HITS": json.dumps(sdk_mesh.hits)}
    run = subprocess.run(
        ["node", "--test", "dist/sdk/ts/test/"], cwd=SDK, env=env, capture_output=True, text=True, timeout=180
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "# pass 1" in run.stdout, run.stdout
    assert "# skipped 0" in run.stdout, run.stdout


def test_ts_example(built: None, any_mesh: SdkMesh) -> None:
    run = subprocess.run(
        ["node", "dist/sdk/ts/example/example.js"],
        cwd=SDK,
        env=any_mesh.env(),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    check_example_output(any_mesh, run.stdout)
