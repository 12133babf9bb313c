"""The one installed package, `jipan`: every source folder is listed, and a
real wheel carries the code, the generated stubs and the SQL, and nothing else.

setuptools only ships the packages listed in pyproject.toml, so a new service
folder (or its migrations/) that nobody listed would work in the editable
install and be missing from the wheel. These tests catch that.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text())
SETUPTOOLS: dict[str, Any] = PYPROJECT["tool"]["setuptools"]
PACKAGE_DIR: dict[str, str] = SETUPTOOLS["package-dir"]
PACKAGES: list[str] = SETUPTOOLS["packages"]

# Files that ship: code, typing stubs and markers, SQL beside its store.
SHIPPED_SUFFIXES = {".py", ".pyi", ".sql"}
SHIPPED_NAMES = {"py.typed"}


def _source_dir(package: str) -> Path:
    """The folder setuptools reads `package` from, by the longest package-dir prefix."""
    parts = package.split(".")
    for cut in range(len(parts), 0, -1):
        prefix = ".".join(parts[:cut])
        if prefix in PACKAGE_DIR:
            return ROOT / PACKAGE_DIR[prefix] / Path(*parts[cut:])
    return ROOT / Path(*parts)


def _package_name(folder: Path) -> str:
    """The import name `folder` gets when installed (inverse of _source_dir)."""
    best: tuple[int, str] | None = None
    for package, directory in PACKAGE_DIR.items():
        base = ROOT / directory
        if folder == base or base in folder.parents:
            depth = len(base.parts)
            if best is None or depth > best[0]:
                rest = folder.relative_to(base).parts
                best = (depth, ".".join((package, *rest)))
    assert best is not None, f"{folder} is under no [tool.setuptools.package-dir] entry"
    return best[1]


def _ships(path: Path) -> bool:
    return path.is_file() and (path.suffix in SHIPPED_SUFFIXES or path.name in SHIPPED_NAMES)


def _source_folders() -> list[Path]:
    """Every folder under the mapped roots that holds a file that must ship."""
    folders: set[Path] = set()
    for directory in PACKAGE_DIR.values():
        for path in (ROOT / directory).rglob("*"):
            if "__pycache__" in path.parts:
                continue
            if _ships(path):
                folders.add(path.parent)
    return sorted(folders)


def test_every_source_folder_is_a_listed_package() -> None:
    missing = sorted(
        {_package_name(folder) for folder in _source_folders()} - set(PACKAGES),
    )
    assert not missing, (
        "these folders hold .py/.pyi/.sql files but are not in pyproject.toml "
        f"[tool.setuptools] packages, so a wheel would leave them out: {missing}"
    )


def test_every_listed_package_exists() -> None:
    stale = [package for package in PACKAGES if not _source_dir(package).is_dir()]
    assert not stale, f"listed in [tool.setuptools] packages but no folder: {stale}"


def _mypy_pattern(pattern: str) -> re.Pattern[str]:
    """mypy's per-module pattern: `a.*` is a and below; a `*` component in the
    middle matches zero or more components."""
    regex = ""
    for i, part in enumerate(pattern.split(".")):
        if part == "*":
            regex += r"(\.[^.]+)*" if i else r"[^.]+(\.[^.]+)*"
        else:
            regex += (r"\." if i else "") + re.escape(part)
    return re.compile(regex + "$")


def test_generated_packages_are_excluded_from_strict_mypy() -> None:
    ignored = [
        _mypy_pattern(module)
        for override in PYPROJECT["tool"]["mypy"].get("overrides", [])
        if override.get("ignore_errors")
        for module in ([override["module"]] if isinstance(override["module"], str) else override["module"])
    ]
    generated = [
        _package_name(folder) for folder in _source_folders() if (ROOT / "gen" / "python") in folder.parents
    ]
    assert generated, "no generated Python packages found under gen/python/jipan"
    for module in generated:
        assert any(p.match(f"{module}.some_pb2") for p in ignored), (
            f"generated {module} is not matched by a [[tool.mypy.overrides]] ignore_errors pattern"
        )
    hand_written = ["jipan.servers", "jipan.interceptors", "jipan.clients"]
    for module in hand_written:
        assert not any(p.match(f"{module}.anything") for p in ignored), f"{module} must stay strict"


def _copy_build_inputs(destination: Path) -> None:
    """What the build reads: pyproject.toml, its readme and the package-dir
    folders; not the rest of the repository (deploy/ may hold models), nor
    build leftovers (setuptools writes build/ and *.egg-info beside pyproject)."""
    destination.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", destination / "pyproject.toml")
    readme = PYPROJECT["project"].get("readme")
    if isinstance(readme, str):
        shutil.copy2(ROOT / readme, destination / readme)
    for directory in sorted(set(PACKAGE_DIR.values())):
        shutil.copytree(
            ROOT / directory,
            destination / directory,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
        )


@pytest.mark.timeout(120)
def test_wheel_ships_one_jipan_package(tmp_path: Path) -> None:
    source = tmp_path / "src"
    _copy_build_inputs(source)
    # SQL must ship from any listed package folder; probe it with a file the
    # tree may not have yet (the first migration of a service).
    probe = source / "servers" / "zz_packaging_probe.sql"
    probe.write_text("SELECT 1;\n")
    out = tmp_path / "dist"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(source),
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "-w",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = out.glob("jipan-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        console = archive.read(entry_points).decode()

    top_level = {name.split("/", 1)[0] for name in names}
    dist_info = {t for t in top_level if t.endswith(".dist-info")}
    assert top_level - dist_info == {"jipan"}, f"only `jipan` may be installed, got {sorted(top_level)}"
    for leaked in ("servers", "interceptors", "clients", "gen", "tests", "tools", "bench"):
        assert leaked not in top_level

    for must in (
        "jipan/servers/__init__.py",
        "jipan/interceptors/__init__.py",
        "jipan/clients/__init__.py",
        "jipan/system/v1/system_service_pb2.py",
        "jipan/system/v1/system_service_pb2.pyi",
        "jipan/system/v1/system_service_pb2_grpc.py",
        "jipan/system/v1/system_service_pb2_grpc.pyi",
        "jipan/servers/zz_packaging_probe.sql",
    ):
        assert must in names, f"{must} missing from {wheel.name}"

    # Every file that must ship from a listed package is in the wheel.
    expected = set()
    for package in PACKAGES:
        for path in _source_dir(package).iterdir():
            if path.name != probe.name and _ships(path):
                expected.add("/".join([*package.split("."), path.name]))
    assert not expected - names, f"missing from the wheel: {sorted(expected - names)}"

    assert re.search(r"^jipan = jipan\.servers\.cli:main$", console, re.MULTILINE), console
