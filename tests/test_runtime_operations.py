"""servers/runtime/operations.py: an operation's end (result, error or shutdown) is recorded once."""

from __future__ import annotations

import asyncio

from jipan.servers.runtime.errors import FailedPrecondition
from jipan.servers.runtime.operations import OperationError, OperationTasks, interrupted, operation_error


async def test_results_errors_and_shutdown_are_each_recorded_once() -> None:
    ended: dict[str, tuple[OperationError | None, int | None]] = {}

    async def finish(op_id: str, result: int | None, error: OperationError | None) -> None:
        assert op_id not in ended
        ended[op_id] = (error, result)

    tasks: OperationTasks[int] = OperationTasks(
        "test-op",
        domain="test.jipan.tw",
        interrupted=interrupted("test.jipan.tw", "OPERATION_INTERRUPTED", by="shutdown"),
        finish=finish,
    )

    async def fine(_: str) -> int:
        return 42

    async def refused(_: str) -> int:
        raise FailedPrecondition("NOT_NOW", "not now", domain="test.jipan.tw", metadata={"why": "test"})

    async def broken(_: str) -> int:
        raise RuntimeError("a bug with a secret in its message")

    started = asyncio.Event()

    async def endless(_: str) -> int:
        started.set()
        await asyncio.sleep(3600)
        return 0

    for op_id, work in (("a", fine), ("b", refused), ("c", broken), ("d", endless)):
        tasks.spawn(op_id, work)
    for op_id in "abc":
        await tasks.wait(op_id)
    await started.wait()
    await tasks.close()

    assert ended["a"] == (None, 42)
    error, _ = ended["b"]
    assert error == OperationError(
        "FAILED_PRECONDITION", "not now", "NOT_NOW", "test.jipan.tw", {"why": "test"}
    )
    error, _ = ended["c"]
    assert error is not None
    assert (error.code, error.reason) == ("INTERNAL", "INTERNAL")
    assert "secret" not in error.message
    error, _ = ended["d"]
    assert error is not None
    assert (error.code, error.reason, error.domain) == ("ABORTED", "OPERATION_INTERRUPTED", "test.jipan.tw")


def test_operation_error_keeps_a_domain_error_and_hides_anything_else() -> None:
    kept = operation_error(FailedPrecondition("X", "x", domain="d.jipan.tw"), "fallback.jipan.tw")
    assert (kept.code, kept.reason, kept.domain) == ("FAILED_PRECONDITION", "X", "d.jipan.tw")
    hidden = operation_error(ValueError("internal detail"), "fallback.jipan.tw")
    assert (hidden.code, hidden.domain) == ("INTERNAL", "fallback.jipan.tw")
    assert "internal detail" not in hidden.message


async def test_an_operation_shut_down_before_its_first_step_is_recorded_interrupted() -> None:
    """A shutdown in the same event-loop turn as the spawn cancels a task that never started:
    its body (and what it records) never runs, so close records it."""
    ended: dict[str, OperationError | None] = {}

    async def finish(op_id: str, result: int | None, error: OperationError | None) -> None:
        assert op_id not in ended
        ended[op_id] = error

    tasks: OperationTasks[int] = OperationTasks(
        "test-op",
        domain="test.jipan.tw",
        interrupted=interrupted("test.jipan.tw", "OPERATION_INTERRUPTED", by="shutdown"),
        finish=finish,
    )
    ran: list[str] = []

    async def work(op_id: str) -> int:
        ran.append(op_id)
        return 1

    tasks.spawn("early", work)
    await tasks.close()
    assert ran == []
    error = ended["early"]
    assert error is not None
    assert (error.code, error.reason) == ("ABORTED", "OPERATION_INTERRUPTED")
