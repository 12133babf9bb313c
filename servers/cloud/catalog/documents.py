"""What every price-list loader checks a document with: its shape, its numbers, its refusal."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from jipan.servers.cloud.names import DOMAIN
from jipan.servers.runtime.errors import InvalidArgument


def invalid(problem: str, path: str = "") -> InvalidArgument:
    metadata = {"problem": problem}
    if path:
        metadata["path"] = path
    return InvalidArgument("PRICE_LIST_INVALID", problem, domain=DOMAIN, metadata=metadata)


def price_decimal(value: Any, path: str) -> Decimal:
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise invalid("a price is not a number", path) from None
    if not number.is_finite() or number < 0:
        raise invalid("a price is negative or not finite", path)
    return number


def json_object(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise invalid("expected a JSON object", path)
    return value


def json_array(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise invalid("expected a JSON array", path)
    return value
