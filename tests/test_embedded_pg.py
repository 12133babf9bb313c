"""The embedded PostgreSQL: start, stop on every path, and recovery after a kill."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import psutil
import pytest

from jipan.servers.runtime.embedded_pg import EmbeddedPostgres, EmbeddedPostgresError
from tests.subprocess_mesh import process_gone


@pytest.fixture
def pgdata() -> Iterator[Path]:
    # Not under tmp_path: as root the server runs as another user that must
    # traverse every parent folder, and each new pytest session (another
    # engineer's run, say) resets /tmp/pytest-of-root to 0700.
    workdir = Path(tempfile.mkdtemp(prefix="jipan-pg-test-", dir="/tmp"))
    path = workdir / "pg"
    yield path
    # Whatever a failed test left behind must not outlive it.
    for proc in _postgres_processes(path):
        proc.kill()
    shutil.rmtree(workdir, ignore_errors=True)


def _postgres_processes(pgdata: Path) -> list[psutil.Process]:
    """Every postgres process working in `pgdata` (they all chdir into it)."""
    found = []
    for proc in psutil.process_iter(["name"]):
        if proc.info["name"] != "postgres":
            continue
        try:
            if proc.status() != psutil.STATUS_ZOMBIE and Path(proc.cwd()) == pgdata.resolve():
                found.append(proc)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


def _gone(proc: psutil.Process, timeout: float = 0.0) -> bool:
    """True once `proc` exited, waiting up to `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        if process_gone(proc):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.02)


async def _query(dsn: str, sql: str) -> object:
    conn = await asyncpg.connect(dsn)
    try:
        return await conn.fetchval(sql)
    finally:
        await conn.close()


async def test_start_connect_stop_leaves_no_process(pgdata: Path) -> None:
    engine = EmbeddedPostgres(durable=False)
    dsn = engine.start(pgdata)
    try:
        assert engine.pid > 0
        assert await _query(dsn, "SELECT 1") == 1
        assert (pgdata / "PG_VERSION").exists()
        # Unix socket only: nothing listens on TCP.
        assert await _query(dsn, "SHOW listen_addresses") == ""
        assert _postgres_processes(pgdata)
    finally:
        engine.stop()
    assert not engine.running
    assert _postgres_processes(pgdata) == []
    engine.stop()  # idempotent


async def test_context_manager_and_exclusive_ownership(pgdata: Path) -> None:
    with EmbeddedPostgres(pgdata, durable=False) as engine:
        assert await _query(engine.dsn_for("template1"), "SELECT current_database()") == "template1"
        # A second owner of the same folder is refused, not given a second server.
        with pytest.raises(EmbeddedPostgresError, match="in use by another live process"):
            EmbeddedPostgres(pgdata).start()
        assert engine.running
    assert _postgres_processes(pgdata) == []


def test_stop_on_exception_inside_context(pgdata: Path) -> None:
    with pytest.raises(RuntimeError, match="boom"), EmbeddedPostgres(pgdata, durable=False):
        raise RuntimeError("boom")
    assert _postgres_processes(pgdata) == []


_OWNER = textwrap.dedent(
    """
    import asyncio, json, sys, time
    from pathlib import Path
    import asyncpg
    from jipan.servers.runtime.embedded_pg import EmbeddedPostgres

    async def write(dsn):
        conn = await asyncpg.connect(dsn)
        await conn.execute("CREATE TABLE survivors (name text)")
        await conn.execute("INSERT INTO survivors VALUES ('before the kill')")
        await conn.close()

    engine = EmbeddedPostgres(Path(sys.argv[1]))
    dsn = engine.start()
    asyncio.run(write(dsn))
    print("READY " + json.dumps({"pid": engine.pid}), flush=True)
    time.sleep(120)
    """
)


def _guards_of(owner: psutil.Process) -> list[psutil.Process]:
    """The owner's guard processes (embedded_pg.guard_main)."""
    return [child for child in owner.children() if "guard_main" in " ".join(child.cmdline())]


def _start_owner_and_kill_it(pgdata: Path, *, guard_too: bool) -> psutil.Process:
    """Run an owner process that writes a row, then SIGKILL it (and, with `guard_too`, its
    guard first: a kill of the whole container or cgroup); return its postmaster."""
    with subprocess.Popen(
        [sys.executable, "-c", _OWNER, str(pgdata)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as owner:
        try:
            assert owner.stdout is not None
            # structlog's default output is stdout too: skip its lines.
            for line in owner.stdout:
                if line.startswith("READY "):
                    break
            else:
                raise AssertionError("the owner process died before starting postgres")
            guards = _guards_of(psutil.Process(owner.pid))
            assert len(guards) == 1, "one guard per embedded server"
            if guard_too:
                guards[0].kill()
                assert _gone(guards[0], timeout=10)
            return psutil.Process(json.loads(line.removeprefix("READY "))["pid"])
        finally:
            owner.send_signal(signal.SIGKILL)
            owner.wait(10)


def test_server_stops_when_its_owner_is_killed(pgdata: Path) -> None:
    """SIGKILL skips every exit hook of the owner; its guard sees the owner's end of the pipe
    close and shuts the server down (fast shutdown: the data is kept)."""
    postmaster = _start_owner_and_kill_it(pgdata, guard_too=False)
    killed = time.monotonic()
    assert _gone(postmaster, timeout=10), "the postmaster outlived its owner"
    print(f"postmaster gone {time.monotonic() - killed:.2f}s after the owner's SIGKILL")
    deadline = time.monotonic() + 10
    while _postgres_processes(pgdata) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _postgres_processes(pgdata) == []


async def test_start_recovers_a_server_left_by_a_killed_owner(pgdata: Path) -> None:
    postmaster = _start_owner_and_kill_it(pgdata, guard_too=True)
    # The owner and its guard are gone: the server is still running, unowned.
    assert not _gone(postmaster)

    engine = EmbeddedPostgres(durable=False)
    dsn = engine.start(pgdata)
    try:
        assert _gone(postmaster)
        assert engine.pid != postmaster.pid
        assert await _query(dsn, "SELECT name FROM survivors") == "before the kill"
    finally:
        engine.stop()
    assert _postgres_processes(pgdata) == []


async def test_start_recovers_when_the_postmaster_was_killed_too(pgdata: Path) -> None:
    postmaster = _start_owner_and_kill_it(pgdata, guard_too=True)
    # Kill -9 of the server as well (an OOM kill): backends may linger, the
    # pid file stays; the next start must clear both and replay the WAL.
    postmaster.kill()
    assert _gone(postmaster, timeout=10)
    assert (pgdata / "postmaster.pid").exists()

    with EmbeddedPostgres(pgdata, durable=False) as engine:
        assert await _query(engine.dsn, "SELECT name FROM survivors") == "before the kill"
    assert _postgres_processes(pgdata) == []


_EXIT_PATHS = {
    # The caller's SIGTERM handler turns the signal into an exception that
    # unwinds the `with` block, which stops the server.
    "sigterm": """
import signal, sys, time
from pathlib import Path
from jipan.servers.runtime.embedded_pg import EmbeddedPostgres
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
with EmbeddedPostgres(Path(sys.argv[1]), durable=False) as engine:
    print("READY", flush=True)
    time.sleep(60)
""",
    # A caller that forgets stop(): the atexit fallback catches a normal exit.
    "atexit": """
import sys
from pathlib import Path
from jipan.servers.runtime.embedded_pg import EmbeddedPostgres
EmbeddedPostgres(durable=False).start(Path(sys.argv[1]))
print("READY", flush=True)
""",
}


@pytest.mark.parametrize("path", sorted(_EXIT_PATHS))
def test_owner_exit_paths_stop_the_server(pgdata: Path, path: str) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", _EXIT_PATHS[path], str(pgdata)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as owner:
        assert owner.stdout is not None
        for line in owner.stdout:
            if line.startswith("READY"):
                break
        if path == "sigterm":
            assert _postgres_processes(pgdata)
            owner.send_signal(signal.SIGTERM)
        output = owner.stdout.read()
        assert owner.wait(30) == 0, output
    assert _postgres_processes(pgdata) == []


@pytest.mark.parametrize("recorded", ["dead pid", "unrelated live pid"])
async def test_stale_pid_file_is_cleared_and_unrelated_process_spared(pgdata: Path, recorded: str) -> None:
    with EmbeddedPostgres(pgdata, durable=False) as engine:
        await _query(engine.dsn, "CREATE TABLE kept (id int)")
    bystander = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        if recorded == "dead pid":
            gone = subprocess.Popen(["true"])
            gone.wait()
            pid = gone.pid
        else:
            # The OS gave the dead server's pid to someone else: never signal it.
            pid = bystander.pid
        (pgdata / "postmaster.pid").write_text(f"{pid}\n{pgdata}\n{int(time.time())}\n5432\n{pgdata}\n\n")
        with EmbeddedPostgres(pgdata, durable=False) as engine:
            assert await _query(engine.dsn, "SELECT count(*) FROM kept") == 0
        assert bystander.poll() is None
    finally:
        bystander.kill()
        bystander.wait()


def test_folder_that_is_not_a_data_folder_is_left_alone(pgdata: Path) -> None:
    pgdata.mkdir()
    (pgdata / "precious.txt").write_text("not postgres")
    with pytest.raises(EmbeddedPostgresError, match="not a PostgreSQL data folder"):
        EmbeddedPostgres(pgdata).start()
    assert (pgdata / "precious.txt").read_text() == "not postgres"


@pytest.mark.skipif(os.geteuid() != 0, reason="only root runs postgres as another user")
def test_as_root_server_runs_as_its_own_user(pgdata: Path) -> None:
    with EmbeddedPostgres(pgdata, durable=False) as engine:
        proc = psutil.Process(engine.pid)
        assert proc.username() == "pgserver"
        # Only the user's own group: no root group membership leaks in.
        assert 0 not in proc.gids()
        groups = next(
            line
            for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines()
            if line.startswith("Groups:")
        )
        assert "0" not in groups.split()[1:]
        assert (pgdata.stat().st_mode & 0o077) == 0


async def test_long_data_path_gets_a_short_private_socket_folder(pgdata: Path) -> None:
    deep = pgdata / ("d" * 60) / "pg"  # too long for a Unix socket path (107 bytes)
    with EmbeddedPostgres(deep, durable=False) as engine:
        socket_dir = Path(str(await _query(engine.dsn, "SHOW unix_socket_directories")))
        assert socket_dir != deep
        assert socket_dir.name.startswith("jipan-pg-")
        assert (socket_dir.stat().st_mode & 0o077) == 0
    assert not socket_dir.exists()
    assert _postgres_processes(deep) == []


def test_sigkill_of_jipan_up_stops_its_embedded_postgres() -> None:
    """The issue-9 crash: `jipan up` dies without unwinding (SIGKILL here, SIGSEGV there);
    its embedded PostgreSQL must not keep running without it."""
    data_dir = Path(tempfile.mkdtemp(prefix="jipan-up-kill-", dir="/tmp"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIPAN_")}
    env["JIPAN_DATA_DIR"] = str(data_dir)
    # Its dev-mesh record (which SIGKILL leaves behind) stays in the test's folder.
    env["XDG_STATE_HOME"] = str(data_dir / "state")
    try:
        with subprocess.Popen(
            [sys.executable, "-m", "jipan.servers.cli", "up", "--listen", "127.0.0.1:0"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        ) as up:
            assert up.stdout is not None
            try:
                lines = []
                for line in up.stdout:
                    lines.append(line)
                    if line.startswith("jipan ready on "):
                        break
                else:
                    raise AssertionError("jipan up never became ready:\n" + "".join(lines))
                (postmaster,) = [p for p in _postgres_processes(data_dir / "postgres") if _is_postmaster(p)]
            finally:
                up.send_signal(signal.SIGKILL)
                up.wait(10)
            killed = time.monotonic()
            assert _gone(postmaster, timeout=10), "the embedded postgres outlived jipan up"
            print(f"jipan up: postmaster gone {time.monotonic() - killed:.2f}s after SIGKILL")
        deadline = time.monotonic() + 10
        while _postgres_processes(data_dir / "postgres") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _postgres_processes(data_dir / "postgres") == []
    finally:
        for proc in _postgres_processes(data_dir / "postgres"):
            proc.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


def _is_postmaster(proc: psutil.Process) -> bool:
    try:
        return not proc.cmdline()[0].startswith("postgres:")
    except (psutil.NoSuchProcess, IndexError):
        return False
