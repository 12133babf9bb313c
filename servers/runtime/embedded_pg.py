"""Embedded PostgreSQL: the binaries of the `pgserver` wheel, run and stopped by us.

pgserver's own `PostgresServer` is not used, only its binaries, because its
life-cycle handling does not fit a server process:

- it stops the server only from an `atexit` hook, which never runs on SIGTERM
  or SIGKILL, and it counts owners in `.handle_pids.json`: a killed owner
  stays in that list forever, so no later run ever stops the server again;
- it trusts any live pid in `postmaster.pid`, even one the OS has since given
  to an unrelated process (common in containers, where pids are small);
- as root it makes every parent of the data folder world-readable (r+x),
  where traversal (x) is all the server user needs.

What this module does instead:

- one owner per data folder, proven by an exclusive `flock` on a sibling lock
  file (`<data>.lock`). The kernel drops the lock when the owner dies, however
  it dies, so "lock free" means "any server still running here is stale";
- a stale server (from a killed run) is shut down with PostgreSQL's fast
  shutdown (SIGINT: committed data is kept) before a fresh start; leftover
  backends and a `postmaster.pid` naming a dead or unrelated pid are cleared;
- the server stops when its owner dies, however it dies (SIGKILL, a crash,
  the OOM killer): a small guard process holds the read end of a pipe whose
  only write end is the owner's. The kernel closes that end when the owner
  exits, the guard reads end-of-file and shuts the server down (fast
  shutdown), then exits. It also exits when the server does. A postmaster
  started by pg_ctl is not the owner's child, so PR_SET_PDEATHSIG on it
  would not fire; the pipe needs nothing from the server;
- `stop()` is explicit and idempotent; callers call it on every exit path
  (jipan's runtime does so from its exit stack, which a normal return, an
  exception and its SIGTERM/SIGINT handling all unwind), and an `atexit`
  hook is only the fallback;
- as root, PostgreSQL (which refuses to run as root) runs as the system user
  `pgserver`, the same user the wheel would create, with its own group only;
- the server listens on a Unix socket only, inside the data folder (mode 0700)
  when the path is short enough, so trust authentication admits only this
  user (and root): no TCP port to pick, race for or expose.

POSIX only (flock, Unix sockets, setuid).
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import importlib.util
import os
import pwd
import select
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

import psutil
import structlog

log = structlog.get_logger(__name__)


def _pginstall() -> Path:
    # find_spec locates the wheel without importing it: importing pgserver
    # runs platformdirs and fasteners set-up (and a warning without
    # XDG_RUNTIME_DIR) that this module never uses.
    spec = importlib.util.find_spec("pgserver")
    if spec is None or spec.origin is None:
        raise ImportError("the pgserver wheel (embedded PostgreSQL) is not installed")
    return Path(spec.origin).resolve().parent / "pginstall"


PGINSTALL = _pginstall()
"""The PostgreSQL build inside the pgserver wheel (bin/, lib/, share/)."""

POSTGRES_USER = "postgres"
"""The database superuser created by initdb (not a system user)."""

SYSTEM_USER = "pgserver"
"""System user the server runs as when this process is root."""

PORT = 5432
"""Only names the socket file (.s.PGSQL.5432); nothing listens on TCP."""

_SUN_PATH_MAX = 103
"""Longest Unix socket path both Linux (107) and macOS (103) accept: sun_path
holds 108 or 104 bytes including the terminating NUL."""

_LEFTOVER_KILL_WAIT_S = 5.0


class EmbeddedPostgresError(RuntimeError):
    """The embedded server could not be started or stopped."""


@dataclass(frozen=True, slots=True)
class _RunAs:
    """The system user PostgreSQL runs as when we are root."""

    name: str
    uid: int
    gid: int


class EmbeddedPostgres:
    """One PostgreSQL server on a local data folder, owned by this process.

    Usage::

        with EmbeddedPostgres(data_dir) as pg:
            pool = await create_pool(pg.dsn, ...)

    or `dsn = pg.start(data_dir)` ... `pg.stop()`. `start` and `stop` block
    (initdb, pg_ctl): call them through `asyncio.to_thread` from async code.

    `data_dir` is the PostgreSQL data folder itself (PGDATA); it is created
    (parents too) and initialised on first use. `durable=False` skips fsync
    (initdb --no-sync, fsync=off, synchronous_commit=off): for throw-away test
    servers only, a crash of the machine may then corrupt the data.
    `server_settings` become `-c name=value` options of the server.
    """

    def __init__(
        self,
        data_dir: Path | None = None,
        *,
        durable: bool = True,
        server_settings: Mapping[str, str] | None = None,
        start_timeout: float = 60.0,
        stop_timeout: float = 30.0,
    ) -> None:
        self._data_dir = data_dir
        self._durable = durable
        self._server_settings = dict(server_settings or {})
        self._start_timeout = start_timeout
        self._stop_timeout = stop_timeout
        self._mutex = threading.Lock()
        self._pgdata: Path | None = None
        self._lock_fd: int | None = None
        self._postmaster: psutil.Process | None = None
        self._socket_dir: Path | None = None
        self._temp_socket_dir = False
        self._owner_pid: int | None = None
        self._guard: subprocess.Popen[bytes] | None = None
        self._guard_pipe: int | None = None

    # -- public API ---------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._postmaster is not None

    @property
    def pgdata(self) -> Path:
        if self._pgdata is None:
            raise EmbeddedPostgresError("the embedded PostgreSQL is not started")
        return self._pgdata

    @property
    def pid(self) -> int:
        """Process id of the postmaster."""
        if self._postmaster is None:
            raise EmbeddedPostgresError("the embedded PostgreSQL is not started")
        return self._postmaster.pid

    @property
    def dsn(self) -> str:
        """DSN of the `postgres` database (the superuser's)."""
        return self.dsn_for(POSTGRES_USER)

    def dsn_for(self, database: str) -> str:
        """DSN of `database` on this server, over its Unix socket."""
        if self._socket_dir is None or self._postmaster is None:
            raise EmbeddedPostgresError("the embedded PostgreSQL is not started")
        host = quote(str(self._socket_dir), safe="/")
        return f"postgresql://{POSTGRES_USER}@/{quote(database, safe='')}?host={host}&port={PORT}"

    def start(self, data_dir: Path | None = None) -> str:
        """Start (initialising on first use) and return the DSN of the `postgres` database.

        Raises EmbeddedPostgresError when another live process owns the data
        folder, or when initdb or the server fail (the server log's tail is in
        the message).
        """
        with self._mutex:
            target = data_dir if data_dir is not None else self._data_dir
            if target is None:
                raise EmbeddedPostgresError("start() needs a data folder")
            pgdata = target.expanduser().resolve()
            if self._postmaster is not None:
                if pgdata != self._pgdata:
                    raise EmbeddedPostgresError(f"already running on {self._pgdata}, not {pgdata}")
                return self.dsn
            self._start_locked(pgdata)
            return self.dsn

    def stop(self) -> None:
        """Shut the server down (fast shutdown: sessions are cut, data is kept).

        Idempotent; safe to call from signal-handling code paths and from
        another thread than the one that started the server.
        """
        with self._mutex:
            self._stop_locked()

    def __enter__(self) -> EmbeddedPostgres:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- start ---------------------------------------------------------------

    def _start_locked(self, pgdata: Path) -> None:
        pgdata.parent.mkdir(parents=True, exist_ok=True)
        self._lock_fd = _acquire_owner_lock(pgdata)
        self._pgdata = pgdata
        try:
            run_as = _system_user()
            if run_as is not None:
                _ensure_install_readable()
                _ensure_traversable(pgdata.parent)
            _clear_stale_server(pgdata, self._stop_timeout)
            if not (pgdata / "PG_VERSION").exists():
                self._initdb(pgdata, run_as)
            elif run_as is not None:
                os.chown(pgdata, run_as.uid, run_as.gid)
            self._socket_dir, self._temp_socket_dir = _socket_dir_for(pgdata, run_as)
            self._postmaster = self._pg_ctl_start(pgdata, run_as)
            self._start_guard(self._postmaster)
        except BaseException:
            # A server that came up before the failure (or an interrupt) is
            # ours while we hold the lock: stop it rather than leave it behind.
            with contextlib.suppress(Exception):
                _clear_stale_server(pgdata, self._stop_timeout)
            self._release()
            raise
        self._owner_pid = os.getpid()
        # Fallback only: atexit does not run on SIGTERM/SIGKILL, so callers
        # stop() explicitly, and the next start() recovers from a kill.
        atexit.register(self._stop_at_exit)
        log.info(
            "embedded postgres started",
            pgdata=str(pgdata),
            pid=self._postmaster.pid,
            socket_dir=str(self._socket_dir),
            durable=self._durable,
        )

    def _initdb(self, pgdata: Path, run_as: _RunAs | None) -> None:
        if pgdata.exists():
            if any(pgdata.iterdir()):
                raise EmbeddedPostgresError(
                    f"{pgdata} is not empty and has no PG_VERSION: "
                    "not a PostgreSQL data folder, left untouched"
                )
            pgdata.rmdir()
        # initdb into a sibling and rename: a run killed half-way through
        # initdb must not leave a folder that looks initialised (PG_VERSION is
        # written early) but cannot start.
        staging = pgdata.with_name(pgdata.name + ".initdb")
        if staging.exists():
            shutil.rmtree(staging)
        staging.mkdir(mode=0o700)
        if run_as is not None:
            os.chown(staging, run_as.uid, run_as.gid)
        args = [
            str(PGINSTALL / "bin" / "initdb"),
            "-D",
            str(staging),
            "-U",
            POSTGRES_USER,
            "--auth=trust",
            "--encoding=UTF8",
            # The C locale exists everywhere; the host's LANG may name a locale
            # the container never generated, which makes initdb fail.
            "--no-locale",
        ]
        if not self._durable:
            args.append("--no-sync")
        log.info("initialising embedded postgres data folder", pgdata=str(pgdata))
        started = time.monotonic()
        _run(args, run_as, cwd=staging, timeout=self._start_timeout + 60)
        staging.rename(pgdata)
        log.info("embedded postgres data folder initialised", seconds=round(time.monotonic() - started, 2))

    def _pg_ctl_start(self, pgdata: Path, run_as: _RunAs | None) -> psutil.Process:
        assert self._socket_dir is not None
        settings = {
            "listen_addresses": "",
            "unix_socket_directories": str(self._socket_dir),
            "port": str(PORT),
        }
        if not self._durable:
            settings.update({"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"})
        settings.update(self._server_settings)
        # pg_ctl hands -o to /bin/sh, hence the quoting.
        options = " ".join(f"-c {shlex.quote(f'{name}={value}')}" for name, value in settings.items())
        log_file = pgdata / "server.log"
        args = [
            str(PGINSTALL / "bin" / "pg_ctl"),
            "start",
            "-D",
            str(pgdata),
            "-w",
            "-t",
            str(max(1, int(self._start_timeout))),
            "-l",
            str(log_file),
            "-o",
            options,
        ]
        try:
            _run(args, run_as, cwd=pgdata, timeout=self._start_timeout + 10)
        except EmbeddedPostgresError as exc:
            raise EmbeddedPostgresError(f"{exc}\nserver log ({log_file}):\n{_tail(log_file)}") from exc
        info = _read_postmaster_pid(pgdata)
        if info is None:
            raise EmbeddedPostgresError(f"pg_ctl reported a start but {pgdata}/postmaster.pid is missing")
        try:
            return psutil.Process(info.pid)
        except psutil.NoSuchProcess as exc:
            raise EmbeddedPostgresError(
                f"postgres exited right after starting; server log:\n{_tail(log_file)}"
            ) from exc

    def _start_guard(self, postmaster: psutil.Process) -> None:
        """A process that shuts `postmaster` down when this one dies (see the module doc)."""
        read_end, write_end = os.pipe()  # both close-on-exec: no other child inherits them
        try:
            self._guard = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    "from jipan.servers.runtime.embedded_pg import guard_main; guard_main()",
                    str(read_end),
                    str(postmaster.pid),
                    repr(postmaster.create_time()),
                    str(self._stop_timeout),
                ],
                pass_fds=(read_end,),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                # Its own session: a Ctrl-C or a signal to the owner's process group
                # must not take the guard down while the owner stops the server itself.
                start_new_session=True,
            )
        except BaseException:
            os.close(write_end)
            raise
        finally:
            os.close(read_end)
        self._guard_pipe = write_end

    def _stop_guard(self) -> None:
        """The owner stops the server itself: end the guard (it sees end-of-file and exits)."""
        if self._guard_pipe is not None:
            os.close(self._guard_pipe)
            self._guard_pipe = None
        if self._guard is not None:
            try:
                self._guard.wait(5)
            except subprocess.TimeoutExpired:
                self._guard.kill()
                self._guard.wait()
            self._guard = None

    # -- stop ----------------------------------------------------------------

    def _stop_at_exit(self) -> None:
        # A child forked from the owner inherits atexit hooks; it must not
        # stop the parent's server when it exits.
        if os.getpid() == self._owner_pid:
            self.stop()

    def _stop_locked(self) -> None:
        if self._postmaster is None:
            self._release()
            return
        started = time.monotonic()
        _shut_down_postmaster(self._postmaster, self._stop_timeout)
        self._stop_guard()
        log.info(
            "embedded postgres stopped",
            pgdata=str(self._pgdata),
            pid=self._postmaster.pid,
            seconds=round(time.monotonic() - started, 2),
        )
        self._postmaster = None
        atexit.unregister(self._stop_at_exit)
        self._release()

    def _release(self) -> None:
        self._stop_guard()
        if self._temp_socket_dir and self._socket_dir is not None:
            shutil.rmtree(self._socket_dir, ignore_errors=True)
        self._socket_dir = None
        self._temp_socket_dir = False
        if self._lock_fd is not None:
            # Closing drops the flock. The lock file is kept: unlinking it would
            # let two processes lock two different files of the same name.
            os.close(self._lock_fd)
            self._lock_fd = None
        self._pgdata = None
        self._owner_pid = None


# -- the guard -------------------------------------------------------------------

_GUARD_POLL_S = 1.0
"""How often the guard checks that the server still runs (so it never outlives it)."""


def guard_main() -> None:
    """Entry point of the guard process: `<pipe fd> <postmaster pid> <its create time> <stop timeout>`.

    Waits until the pipe's write end (held only by the owner) closes, or the
    postmaster exits. On end-of-file with the postmaster still running, the
    owner died without stopping it: fast shutdown, escalating like `stop()`.
    """
    fd, pid, create_time, stop_timeout = (
        int(sys.argv[1]),
        int(sys.argv[2]),
        float(sys.argv[3]),
        float(sys.argv[4]),
    )
    try:
        postmaster = psutil.Process(pid)
        if postmaster.create_time() != create_time:
            return  # the pid already went to another process
    except psutil.NoSuchProcess:
        return
    while _alive(postmaster):
        readable, _, _ = select.select([fd], [], [], _GUARD_POLL_S)
        if readable and not os.read(fd, 1):
            # End-of-file: the owner is gone. If it stopped the server first, this finds it gone.
            with contextlib.suppress(EmbeddedPostgresError):
                _shut_down_postmaster(postmaster, stop_timeout)
            return


# -- ownership -----------------------------------------------------------------


def _lock_path(pgdata: Path) -> Path:
    return pgdata.with_name(pgdata.name + ".lock")


def _acquire_owner_lock(pgdata: Path) -> int:
    path = _lock_path(pgdata)
    # O_CLOEXEC (Python's default) keeps the lock out of postgres and other
    # exec'd children: only this process's death may release it.
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        owner = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
        os.close(fd)
        raise EmbeddedPostgresError(
            f"{pgdata} is in use by another live process (pid {owner}); "
            "connect to its server instead or use another data folder"
        ) from None
    except BaseException:
        os.close(fd)
        raise
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    return fd


# -- stale servers ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _PostmasterPid:
    """The parts of `postmaster.pid` we use (line 1: pid, line 5: socket folder)."""

    pid: int
    socket_dir: Path | None


def _read_postmaster_pid(pgdata: Path) -> _PostmasterPid | None:
    try:
        lines = (pgdata / "postmaster.pid").read_text(errors="replace").splitlines()
    except FileNotFoundError:
        return None
    try:
        pid = int(lines[0].strip())
    except (IndexError, ValueError):
        # A torn write (crash while postgres wrote it): no pid to trust.
        return _PostmasterPid(pid=0, socket_dir=None)
    socket_dir = Path(lines[4].strip()) if len(lines) > 4 and lines[4].strip() else None
    return _PostmasterPid(pid=pid, socket_dir=socket_dir)


def _postgres_processes(pgdata: Path) -> list[psutil.Process]:
    """Every postgres process (postmaster or backend) serving `pgdata`.

    All of them chdir into the data folder, which identifies them even after
    the postmaster died and its backends were re-parented.
    """
    found: list[psutil.Process] = []
    for proc in psutil.process_iter(["name"]):
        if proc.info["name"] not in ("postgres", "postmaster"):
            continue
        try:
            if Path(proc.cwd()) == pgdata:
                found.append(proc)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return found


def _clear_stale_server(pgdata: Path, stop_timeout: float) -> None:
    """Stop whatever a killed previous owner left running on `pgdata`.

    Called with the owner lock held, so nothing found here has a live owner.
    """
    info = _read_postmaster_pid(pgdata)
    procs = _postgres_processes(pgdata)
    # Postmasters first: their fast shutdown ends their own backends cleanly.
    postmasters = [p for p in procs if _is_postmaster(p)]
    for proc in postmasters:
        log.warning(
            "stopping a postgres server left running by a previous run",
            pgdata=str(pgdata),
            pid=proc.pid,
        )
        _shut_down_postmaster(proc, stop_timeout)
    leftovers = [p for p in procs if p not in postmasters and _alive(p)]
    if leftovers:
        # Backends whose postmaster died: nothing useful left to finish, and
        # while attached to the old shared memory they block a new start.
        log.warning("killing orphaned postgres backends", pids=[p.pid for p in leftovers])
        for proc in leftovers:
            _signal(proc, signal.SIGKILL)
        for proc in leftovers:
            _wait_gone(proc, _LEFTOVER_KILL_WAIT_S)
    if info is not None and (pgdata / "postmaster.pid").exists():
        # No server of ours runs now. If the recorded pid has since gone to
        # another process, postgres would refuse to start ("lock file already
        # exists"), so the stale file goes; without a server this is safe.
        log.info("removing stale postmaster.pid", pgdata=str(pgdata), recorded_pid=info.pid)
        (pgdata / "postmaster.pid").unlink(missing_ok=True)
    socket_dirs = {pgdata} | (
        {info.socket_dir} if info is not None and info.socket_dir is not None else set()
    )
    for folder in socket_dirs:
        _remove_stale_socket(folder, pgdata)
    if info is not None and info.socket_dir is not None and info.socket_dir.name.startswith("jipan-pg-"):
        shutil.rmtree(info.socket_dir, ignore_errors=True)


def _remove_stale_socket(folder: Path, pgdata: Path) -> None:
    """Remove the socket and its lock file left by a server of `pgdata` that no longer runs.

    postgres refuses to start while the socket's lock file names a pid that
    exists, and a killed postmaster can stay a zombie for a while (or its pid
    be reused). Only a lock file naming this data folder on its second line is
    touched, so a shared folder such as /tmp keeps other servers' sockets.
    """
    lock = folder / f".s.PGSQL.{PORT}.lock"
    try:
        lines = lock.read_text(errors="replace").splitlines()
    except OSError:
        return
    if len(lines) < 2 or Path(lines[1].strip()) != pgdata:
        return
    log.info("removing stale socket lock file", path=str(lock))
    lock.unlink(missing_ok=True)
    (folder / f".s.PGSQL.{PORT}").unlink(missing_ok=True)


def _is_postmaster(proc: psutil.Process) -> bool:
    # Backends and auxiliary processes retitle themselves ("postgres:
    # checkpointer", "postgres: postgres db [local] idle"); the postmaster
    # keeps its command line. (Parentage cannot tell: once the postmaster is
    # dead its backends are re-parented too.)
    try:
        cmdline = proc.cmdline()
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return False
    return bool(cmdline) and not cmdline[0].startswith("postgres:")


def _alive(proc: psutil.Process) -> bool:
    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _signal(proc: psutil.Process, sig: signal.Signals) -> None:
    with contextlib.suppress(psutil.NoSuchProcess):
        proc.send_signal(sig)


def _wait_gone(proc: psutil.Process, timeout: float) -> bool:
    """Wait for `proc` to exit; True when it did.

    Polls instead of psutil's wait(): when this process is pid 1 of a
    container the orphaned postmaster is re-parented to us and must be
    reaped, otherwise it lingers as a zombie that "still exists".
    """
    deadline = time.monotonic() + timeout
    delay = 0.01
    while True:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(proc.pid, os.WNOHANG)
        if not _alive(proc):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(delay)
        delay = min(delay * 2, 0.1)


def _shut_down_postmaster(proc: psutil.Process, timeout: float) -> None:
    # SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions,
    # checkpoint, exit; committed data is on disk. SIGQUIT ("immediate")
    # skips the checkpoint (the next start replays WAL, still no loss of
    # committed data); SIGKILL is the last resort.
    for sig, wait in ((signal.SIGINT, timeout), (signal.SIGQUIT, 5.0), (signal.SIGKILL, 5.0)):
        if not _alive(proc):
            return
        if sig != signal.SIGINT:
            log.warning("postgres did not shut down in time; escalating", pid=proc.pid, signal=sig.name)
        _signal(proc, sig)
        if _wait_gone(proc, wait):
            return
    raise EmbeddedPostgresError(f"postgres (pid {proc.pid}) survived SIGKILL")


# -- users, permissions, sockets ---------------------------------------------------


def _system_user() -> _RunAs | None:
    """None when not root; else the `pgserver` user (created when missing)."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        log.info("creating system user for embedded postgres", user=SYSTEM_USER)
        useradd = shutil.which("useradd")
        if useradd is None:
            raise EmbeddedPostgresError(
                f"running as root needs a system user {SYSTEM_USER!r} for PostgreSQL and useradd is missing"
            ) from None
        subprocess.run(
            [
                useradd,
                "--system",
                "--user-group",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                SYSTEM_USER,
            ],
            check=True,
            capture_output=True,
        )
        entry = pwd.getpwnam(SYSTEM_USER)
    return _RunAs(name=SYSTEM_USER, uid=entry.pw_uid, gid=entry.pw_gid)


def _ensure_traversable(path: Path) -> None:
    """Give others search (x) permission on `path` and its parents, no more.

    The server user only needs to walk through them; unlike pgserver, no
    folder becomes listable.
    """
    for folder in (path, *path.parents):
        mode = folder.stat().st_mode
        if not mode & stat.S_IXOTH:
            log.info("allowing others to traverse a folder for the postgres user", folder=str(folder))
            folder.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)


_install_checked = False


def _ensure_install_readable() -> None:
    """The wheel's binaries, libraries and share/ must be usable by the server user."""
    global _install_checked
    if _install_checked:
        return
    _ensure_traversable(PGINSTALL)
    for root, dirs, files in os.walk(PGINSTALL):
        for name in dirs:
            _add_mode(Path(root) / name, stat.S_IROTH | stat.S_IXOTH)
        for name in files:
            path = Path(root) / name
            if path.is_symlink():
                continue
            extra = stat.S_IROTH | (stat.S_IXOTH if path.stat().st_mode & stat.S_IXUSR else 0)
            _add_mode(path, extra)
    _install_checked = True


def _add_mode(path: Path, bits: int) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & bits != bits:
        path.chmod(mode | bits)


def _socket_dir_for(pgdata: Path, run_as: _RunAs | None) -> tuple[Path, bool]:
    """Where the server's socket goes; True when it is a temporary folder.

    The data folder (0700) keeps the socket private; when its path is too long
    for a Unix socket, a fresh private folder under /tmp is used instead.
    """
    socket_path = pgdata / f".s.PGSQL.{PORT}"
    if len(os.fsencode(socket_path)) <= _SUN_PATH_MAX:
        return pgdata, False
    base = "/tmp" if Path("/tmp").is_dir() else None  # noqa: S108 - short path needed for sun_path
    folder = Path(tempfile.mkdtemp(prefix="jipan-pg-", dir=base))
    if run_as is not None:
        os.chown(folder, run_as.uid, run_as.gid)
    return folder, True


# -- subprocesses ------------------------------------------------------------------


def _run(args: list[str], run_as: _RunAs | None, *, cwd: Path, timeout: float) -> None:
    # PG* variables (PGPORT, PGDATA, ...) from the caller's shell would
    # silently change what the server tools do.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["LC_ALL"] = "C"
    # Output goes to files, not pipes: pg_ctl's backgrounded postmaster could
    # otherwise inherit a pipe and make communicate() wait forever.
    with tempfile.TemporaryFile() as out:
        try:
            subprocess.run(
                args,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=cwd,
                env=env,
                timeout=timeout,
                check=True,
                # As root: PostgreSQL's user with only its own group, so the
                # server never runs with root's group memberships.
                user=run_as.uid if run_as else None,
                group=run_as.gid if run_as else None,
                extra_groups=[] if run_as else None,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            out.seek(0)
            output = out.read().decode(errors="replace")
            raise EmbeddedPostgresError(f"{Path(args[0]).name} failed: {exc}\n{output}") from exc


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError as exc:
        return f"(cannot read: {exc})"
