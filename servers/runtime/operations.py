"""Long-running operations (AIP-151), the part every service runs the same way.

A service keeps its operations as rows of its own schema (what an operation
works on and what it returns differ: a model version, the pages of a
document); what they share is here: the failure an operation records for its
poller (the google.rpc.Status the call would have returned), and the asyncio
tasks that run the work, recording how each ended — its result, a domain
error as it is, anything unexpected logged and hidden as INTERNAL, and a task
cancelled by a shutdown as ABORTED, so that no row stays running forever.
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
    """What a poller sees of `exc`: a domain error as it is, anything else INTERNAL of `domain`."""
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
    """The operations running in this process, each an asyncio task; `finish` records how one ended.

    `finish(op_id, result, error)` gets exactly one of the two: the work's
    result, or the error to store (`interrupted` when the task was cancelled,
    by a shutdown). It runs shielded from that cancellation.
    """

    def __init__(
        self,
        name: str,
        *,
        domain: str,
        interrupted: OperationError,
        finish: Callable[[str, Result | None, OperationError | None], Awaitable[None]],
    ) -> None:
        self._name = name
        self._domain = domain
        self._interrupted = interrupted
        self._finish = finish
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._begun: set[str] = set()
        """Operations whose task took its first step (a task cancelled before never runs its body)."""

    def spawn(self, op_id: str, work: Callable[[str], Awaitable[Result]]) -> None:
        async def run() -> None:
            self._begun.add(op_id)
            try:
                result = await work(op_id)
            except asyncio.CancelledError:
                await asyncio.shield(self._finish(op_id, None, self._interrupted))
                raise
            except Exception as exc:
                if not isinstance(exc, DomainError):
                    log.exception("operation failed", operation=op_id, kind=self._name)
                else:
                    log.info("operation failed", operation=op_id, kind=self._name, reason=exc.reason)
                await self._finish(op_id, None, operation_error(exc, self._domain))
            else:
                await self._finish(op_id, result, None)
            finally:
                self._tasks.pop(op_id, None)
                self._begun.discard(op_id)

        self._tasks[op_id] = asyncio.get_running_loop().create_task(run(), name=f"{self._name}-{op_id}")

    async def wait(self, op_id: str) -> None:
        """Until the operation's task ends (tests, shutdown)."""
        task = self._tasks.get(op_id)
        if task is not None:
            await asyncio.wait([task])

    async def close(self) -> None:
        """Cancel every running operation (each records `interrupted`) and wait for them."""
        running = dict(self._tasks)
        for task in running.values():
            task.cancel()
        if running:
            await asyncio.wait(running.values())
        for op_id in running:
            if op_id not in self._begun and self._tasks.pop(op_id, None) is not None:
                # Cancelled before its first step (spawned in the same turn as the shutdown):
                # its body never ran, so nothing recorded how it ended.
                await self._finish(op_id, None, self._interrupted)
        self._begun.clear()
