"""The process's recursion limit stays where the C stack cannot overflow first.

On Python 3.11 one counter, `sys.getrecursionlimit()`, bounds both Python calls
and the C parsers' recursion (json, pickle, repr). py-evm raises it to 12,288 and
py_ecc (imported by py-evm for the embedded EVM) to 100,000 at import time;
with that limit 65,536 nested `[` in a request field overflowed the 8 MiB C
stack and the server died of SIGSEGV instead of raising RecursionError.

`SAFE_RECURSION_LIMIT` leaves room for libraries that recurse in Python
(jsonschema over a CycloneDX document, py-evm's message calls) and is far
below what overflows the C stack: 4,000 levels of nested lists through repr,
json and pickle run on a thread with the default stack; json alone goes past
50,000 before it crashes. The ledger's chain adapter restores it right after
the EVM import (chain.py), and `create_server` checks it again once every
service module is attached, so an import that raises it later is reset and
logged rather than silent. Untrusted text is bounded apart from this
(untrusted.py): the limit is the last line of defence, not the first.
"""

from __future__ import annotations

import sys

import structlog

log = structlog.get_logger(__name__)

SAFE_RECURSION_LIMIT = 4000


def enforce_safe_recursion_limit(where: str, *, expected: bool = False) -> bool:
    """Lower the recursion limit to SAFE_RECURSION_LIMIT if something raised it; True if it did.

    `where` says what was just imported or started; a raise that is `expected`
    (the EVM import in chain.py) is put back silently (at import time logging
    is not configured yet, and structlog's default would print on stdout, which
    CLI commands use for their output); any other one is logged as a warning so
    that the import that did it can be found.
    """
    current = sys.getrecursionlimit()
    if current <= SAFE_RECURSION_LIMIT:
        return False
    sys.setrecursionlimit(SAFE_RECURSION_LIMIT)
    if expected:
        return True
    log.warning(
        "recursion limit raised by an import; restored",
        where=where,
        found=current,
        restored=SAFE_RECURSION_LIMIT,
    )
    return True
