"""Where the development mesh runs: `jipan up` records it, the dev commands read it.

`jipan up` (dev mode: tokens signed with the embedded development key) writes
one small JSON file per process into `$XDG_STATE_HOME/jipan/up/` (default
`~/.local/state/jipan/up/`) once it is ready: its pid, the address clients
dial, the data dir that holds the development key, the issuer and audience
its tokens must carry, and the grants of the banner's token. It removes the
file when it stops. A process killed with SIGKILL cannot remove it, so a
reader checks that the recorded pid still runs and is the same process (its
start time, against a reused pid); a record that fails the check is stale,
reported as such and deleted.

So `jipan token --dev` in another terminal signs with the key the running
mesh trusts, without being told where it is, and never makes a key of its
own.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

RECORD_VERSION = 1

# The development person and organisation `jipan up` provides in identity
# (jipan.servers.identity.dev_principals); spelled here so that `jipan token`
# names them without importing the identity service. The person's id is fixed
# (UUIDv5 of the development issuer's person URL): tokens minted for it stay
# valid across restarts and data dirs.
DEV_PERSON_ID = uuid.uuid5(uuid.NAMESPACE_URL, "https://jipan.local/dev/people/dev")
DEV_PERSON = f"people/{DEV_PERSON_ID.hex}"
DEV_ORG_ID = "dev"
DEV_ORG = f"orgs/{DEV_ORG_ID}"


def state_dir(env: Mapping[str, str] | None = None) -> Path:
    """`$XDG_STATE_HOME/jipan/up`, or `~/.local/state/jipan/up` (XDG base directory defaults)."""
    env = os.environ if env is None else env
    base = env.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "jipan" / "up"


@dataclass(frozen=True, slots=True)
class DevMesh:
    """One running `jipan up`, as it recorded itself."""

    pid: int
    process_start: float
    """psutil's create_time of the process: a pid reused by another process does not match."""
    address: str
    data_dir: str
    token_issuer: str
    token_audience: str
    tls: bool
    dev_person: str
    dev_org: str
    scopes: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    version: int = RECORD_VERSION
    gateway: str = ""
    """The Connect gateway's URL (browsers, the portal); empty when none runs."""

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def describe(self) -> str:
        gateway = f", gateway {self.gateway}/" if self.gateway else ""
        return f"pid {self.pid} on {self.address}{gateway}, data dir {self.data_dir}"

    def is_running(self) -> bool:
        try:
            started = psutil.Process(self.pid).create_time()
        except (psutil.NoSuchProcess, psutil.ZombieProcess):
            return False
        except psutil.AccessDenied:
            return True  # another user's process with this pid exists; assume it is the one recorded
        return abs(started - self.process_start) < 1.0


def process_start(pid: int) -> float:
    return float(psutil.Process(pid).create_time())


def record(mesh: DevMesh, directory: Path | None = None) -> Path:
    """Write the record of this process atomically (a reader never sees half a file)."""
    directory = directory or state_dir()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = directory / f"{mesh.pid}.json"
    fd, tmp = tempfile.mkstemp(prefix=f".{mesh.pid}.", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(mesh.as_dict(), out, indent=2)
            out.write("\n")
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return path


def remove(path: Path) -> None:
    path.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class Survey:
    running: list[DevMesh]
    stale: list[DevMesh]
    """Records of processes that are gone (deleted by the survey)."""
    unreadable: list[Path]


def survey(directory: Path | None = None) -> Survey:
    """Every recorded `jipan up`: the running ones, and the stale ones (removed as they are found)."""
    directory = directory or state_dir()
    running: list[DevMesh] = []
    stale: list[DevMesh] = []
    unreadable: list[Path] = []
    if not directory.is_dir():
        return Survey(running, stale, unreadable)
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != RECORD_VERSION:
                raise ValueError(f"record version {data.get('version')!r}")
            mesh = DevMesh(**data)
        except FileNotFoundError:
            continue  # removed by its process while we looked
        except (OSError, ValueError, TypeError, AttributeError):
            unreadable.append(path)
            continue
        if mesh.is_running():
            running.append(mesh)
        else:
            stale.append(mesh)
            path.unlink(missing_ok=True)
    return Survey(running, stale, unreadable)
