"""fido2's data classes, parsed without resolving their type hints on every parse.

Every `fido2.webauthn` structure (AuthenticationResponse, the options that
`authenticate_begin` returns, CollectedClientData, ...) is a data class whose
`__post_init__` and `from_dict` call `typing.get_type_hints(cls)` each time an
object is made: the forward references in the annotations are compiled and
evaluated again for every object (`eval` of each annotation string). One
sign-in makes a few dozen of these objects; on a slow 2-vCPU host that was
~2.6 ms of the server's ~6.5 ms per ceremony (a Begin's options ~0.7 ms, a
parsed assertion ~2.2 ms), measured with bench/identity.py.

A class's resolved hints do not change once its module is loaded (fido2's
annotations name its own module-level classes), so they are resolved once
per class here and reused. fido2 still builds, parses and checks every
object exactly as before: this only remembers the answer of a pure function
of the class. Calls with any other argument (explicit namespaces, extras,
non-classes) go to `typing.get_type_hints` unchanged.
"""

from __future__ import annotations

import functools
import typing
from typing import Any

import fido2.utils

_resolve = typing.get_type_hints


@functools.lru_cache(maxsize=512)
def _class_hints(cls: type) -> dict[str, Any]:
    return _resolve(cls)


def cached_type_hints(
    obj: Any,
    globalns: dict[str, Any] | None = None,
    localns: typing.Mapping[str, Any] | None = None,
    include_extras: bool = False,
) -> dict[str, Any]:
    if isinstance(obj, type) and globalns is None and localns is None and not include_extras:
        # A copy: a caller may change what it gets back, never what the next one sees.
        return dict(_class_hints(obj))
    return _resolve(obj, globalns, localns, include_extras)


def install() -> None:
    """Make fido2 resolve each data class's type hints once (idempotent)."""
    current = getattr(fido2.utils, "get_type_hints", None)
    if current is cached_type_hints:
        return
    if current is not _resolve:
        # A fido2 that no longer calls typing.get_type_hints through this name:
        # leave it alone rather than replace something else.
        return
    fido2.utils.get_type_hints = cached_type_hints  # type: ignore[attr-defined]


def installed() -> bool:
    return getattr(fido2.utils, "get_type_hints", None) is cached_type_hints
