"""k-anonymity, distinct ℓ-diversity and prosecutor re-identification risk of a table.

An equivalence class is the set of records with the same quasi-identifier
values (a missing value is a value of its own, as an attacker sees it). Under
the prosecutor model the attacker knows the person is in the data, so a
record's risk is 1 / |its class|.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence

from jipan.servers.privacy.table import Table
from jipan.servers.privacy.types import Assessment, Column, ColumnRole, EquivalenceClass


def assess(table: Table, columns: Sequence[Column], risk_threshold: float, max_classes: int) -> Assessment:
    quasi = tuple(c.name for c in columns if c.role is ColumnRole.QUASI_IDENTIFIER)
    sensitive = tuple(c.name for c in columns if c.role is ColumnRole.SENSITIVE)
    keys = list(zip(*(table.columns[name] for name in quasi), strict=True)) if quasi else []
    sizes: Counter[tuple[str, ...]] = Counter(keys)
    distinct: list[dict[tuple[str, ...], set[str]]] = []
    for name in sensitive:
        per_class: dict[tuple[str, ...], set[str]] = {}
        for key, value in zip(keys, table.columns[name], strict=True):
            per_class.setdefault(key, set()).add(value)
        distinct.append(per_class)
    n = table.row_count
    k = min(sizes.values(), default=0)
    diversities = tuple(
        (name, min((len(values) for values in per_class.values()), default=0))
        for name, per_class in zip(sensitive, distinct, strict=True)
    )
    at_risk = [(size, key) for key, size in sizes.items() if 1.0 / size > risk_threshold]
    violating = tuple(
        EquivalenceClass(
            values=key,
            size=size,
            distinct_sensitive_values=tuple(len(per_class[key]) for per_class in distinct),
        )
        for size, key in heapq.nsmallest(max_classes, at_risk)
    )
    return Assessment(
        quasi_identifiers=quasi,
        row_count=n,
        equivalence_class_count=len(sizes),
        k_anonymity=k,
        diversities=diversities,
        risk_threshold=risk_threshold,
        records_at_risk=sum(size for size, _ in at_risk),
        highest_risk=1.0 / k if k else 0.0,
        average_risk=len(sizes) / n if n else 0.0,
        violating_classes=violating,
        violating_class_count=len(at_risk),
    )
