"""What long-running operations (AIP-151) of every service share: how a failure is recorded,
and the tasks that run them.

A service keeps its operations in its own table (each owns its schema) and
returns them in its own Operation message; what is the same everywhere is
that a failed operation stores the google.rpc.Status it would have returned
(code, reason, domain, metadata: `OperationError`), and that the work runs
as a task of this process whose end (done, failed, cancelled by shutdown) is
written back exactly once (`OperationTasks`). Inference's model operations
and privacy's anonymisations use both.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import structlog

from jipan.servers.runtime.errors import DomainError

log = structlog.get_logger(__name__)

Result = TypeVar("Result")


@dataclass(frozen=True, slots=True)
class OperationError:
    code: str
    """The gRPC code name (Code enum value of runtime.errors)."""
    message: str
    reason: str
    domain: str
    metadata: dict[str, str] = field(default_factory=dict)


def operation_error(exc: BaseException, domain: str) -> OperationError:
    """The error an operation ends with: a domain error as it is, anything else INTERNAL and hidden."""
    if isinstance(exc, DomainError):
        return OperationError(
            code=exc.code.value,
            message=exc.message,
            reason=exc.reason,
            domain=exc.domain,
            metadata=exc.metadata,
        )
    return OperationError(
        code="INTERNAL",
        message="internal error; the server log has the details",
        reason="INTERNAL",
        domain=domain,
    )


def interrupted(domain: str, reason: str, *, by: str) -> OperationError:
    """The error of an operation a shutdown (`by="shutdown"`) or a restart cut short."""
    what = "the server shut down" if by == "shutdown" else "a restart of the server interrupted it"
    return OperationError(
        code="ABORTED",
        message=f"{what} while the operation ran; start it again",
        reason=reason,
        domain=domain,
    )


class OperationTasks(Generic[Result]):
    """The running operations of this process: each a task whose end is recorded by `finish`.

    `finish(op_id, error, result)` is awaited once per operation: with the
    result, with the error it failed with, or with `interrupted` when the
    server shuts down under it (shielded, so the row is written even then).
    """

    def __init__(
        self,
        finish: Callable[[str, OperationError | None, Result | None], Awaitable[None]],
        *,
        domain: str,
        interrupted_reason: str,
        name: str,
    ) -> None:
        self._finish = finish
        self._domain = domain
        self._interrupted_reason = interrupted_reason
        self._name = name
        self._tasks: dict[str, asyncio.Task[None]] = {}

    def spawn(self, op_id: str, work: Callable[[], Awaitable[Result]]) -> None:
        async def run() -> None:
            try:
                result = await work()
            except asyncio.CancelledError:
                error = interrupted(self._domain, self._interrupted_reason, by="shutdown")
                await asyncio.shield(self._finish(op_id, error, None))
                raise
            except Exception as exc:
                if isinstance(exc, DomainError):
                    log.info("operation failed", operation=op_id, reason=exc.reason)
                else:
                    log.exception("operation failed", operation=op_id)
                await self._finish(op_id, operation_error(exc, self._domain), None)
            else:
                await self._finish(op_id, None, result)
            finally:
                self._tasks.pop(op_id, None)

        self._tasks[op_id] = asyncio.get_running_loop().create_task(run(), name=f"{self._name}-{op_id}")

    async def wait(self, op_id: str) -> None:
        """Until the operation's task ends (tests, shutdown)."""
        task = self._tasks.get(op_id)
        if task is not None:
            await asyncio.wait([task])

    async def close(self) -> None:
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks)
