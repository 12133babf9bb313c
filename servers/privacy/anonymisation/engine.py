"""Anonymise a table: encode its quasi-identifiers, search the lattice, write the chosen transformation.

CPU work on a whole table, grpc-free; the domain runs it in a worker thread.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from jipan.servers.privacy.anonymisation.hierarchies import (
    EncodedColumn,
    Hierarchy,
    check_hierarchy,
    default_hierarchy,
    encode,
    hierarchy_invalid,
)
from jipan.servers.privacy.anonymisation.search import LatticeSearch, SearchResult
from jipan.servers.privacy.names import DOMAIN
from jipan.servers.privacy.table import Table
from jipan.servers.privacy.types import Column, ColumnKind, ColumnRole
from jipan.servers.runtime.errors import FailedPrecondition

MAX_LATTICE = 100_000


@dataclass(frozen=True)
class AnonymisationSpec:
    k: int
    l_diversity: int
    max_suppression: float
    hierarchies: tuple[Hierarchy, ...]


@dataclass(frozen=True)
class LevelChoice:
    column: str
    level: int
    level_name: str
    height: int


@dataclass(frozen=True)
class Outcome:
    """What the search chose and what it costs; the output table is apart (`Anonymised`)."""

    transformation: tuple[LevelChoice, ...]
    k: int
    achieved_k: int
    achieved_l_diversity: int
    suppressed_records: int
    row_count: int
    equivalence_class_count: int
    loss: float
    discernibility: int
    evaluated_transformations: int
    lattice_size: int


@dataclass(frozen=True)
class Anonymised:
    outcome: Outcome
    columns: tuple[Column, ...]
    csv: bytes


def resolve_hierarchies(columns: Sequence[Column], given: Sequence[Hierarchy]) -> tuple[Hierarchy, ...]:
    """One hierarchy per quasi-identifier, in schema order: the caller's, else the kind's default."""
    by_name = {column.name: column for column in columns}
    chosen: dict[str, Hierarchy] = {}
    for hierarchy in given:
        column = by_name.get(hierarchy.column)
        if column is None or column.role is not ColumnRole.QUASI_IDENTIFIER:
            raise hierarchy_invalid("not a quasi-identifier column of the dataset", hierarchy.column[:200])
        if hierarchy.column in chosen:
            raise hierarchy_invalid("generalised twice", hierarchy.column)
        chosen[hierarchy.column] = check_hierarchy(hierarchy, column)
    return tuple(
        chosen.get(column.name) or default_hierarchy(column)
        for column in columns
        if column.role is ColumnRole.QUASI_IDENTIFIER
    )


def lattice_size(encoded: Sequence[EncodedColumn]) -> int:
    size = 1
    for column in encoded:
        size *= column.height
    return size


def anonymise(
    table: Table,
    columns: Sequence[Column],
    spec: AnonymisationSpec,
    progress: Callable[[float], None] = lambda share: None,
) -> Anonymised:
    quasi = [encode(table.columns[h.column], h) for h in spec.hierarchies]
    size = lattice_size(quasi)
    if size > MAX_LATTICE:
        raise hierarchy_invalid(
            f"the hierarchies span {size} transformations, more than {MAX_LATTICE}: use fewer band widths"
            " or fewer quasi-identifiers",
            ",".join(h.column for h in spec.hierarchies)[:200],
        )
    sensitive: list[tuple[npt.NDArray[np.int32], int]] = []
    if spec.l_diversity > 1:
        for column in columns:
            if column.role is ColumnRole.SENSITIVE:
                codes, card = _dictionary_codes(table.columns[column.name])
                sensitive.append((codes, card))
    n = table.row_count
    max_suppressed = int(spec.max_suppression * n + 1e-9)
    search = LatticeSearch(
        quasi,
        sensitive,
        k=spec.k,
        l_diversity=spec.l_diversity,
        max_suppressed=max_suppressed,
        progress=progress,
    )
    result = search.run()
    if result.best is None or result.keep is None:
        raise FailedPrecondition(
            "ANONYMISATION_INFEASIBLE",
            f"no generalisation reaches k = {spec.k}"
            + (f" and ℓ = {spec.l_diversity}" if spec.l_diversity > 1 else "")
            + f" suppressing at most {max_suppressed} of {n} records",
            domain=DOMAIN,
            metadata={"k": str(spec.k), "max_suppressed": str(max_suppressed), "rows": str(n)},
        )
    return Anonymised(
        outcome=_outcome(quasi, spec, result),
        columns=output_columns(columns, quasi, result.best.node),
        csv=_write(table, columns, quasi, result.best.node, result.keep),
    )


def _dictionary_codes(values: Sequence[str]) -> tuple[npt.NDArray[np.int32], int]:
    index: dict[str, int] = {}
    codes = np.fromiter((index.setdefault(v, len(index)) for v in values), dtype=np.int32, count=len(values))
    return codes, max(len(index), 1)


def _outcome(quasi: Sequence[EncodedColumn], spec: AnonymisationSpec, result: SearchResult) -> Outcome:
    best = result.best
    assert best is not None
    return Outcome(
        transformation=tuple(
            LevelChoice(column=c.name, level=level, level_name=c.level_names[level], height=c.height)
            for c, level in zip(quasi, best.node, strict=True)
        ),
        k=spec.k,
        achieved_k=best.min_class,
        achieved_l_diversity=best.min_diversity,
        suppressed_records=best.suppressed,
        row_count=(len(quasi[0].codes) if quasi else 0) - best.suppressed,
        equivalence_class_count=best.classes,
        loss=best.loss,
        discernibility=best.discernibility,
        evaluated_transformations=result.evaluated,
        lattice_size=result.lattice_size,
    )


def output_columns(
    columns: Sequence[Column], quasi: Sequence[EncodedColumn], node: tuple[int, ...]
) -> tuple[Column, ...]:
    """The output's schema: identifiers left out, generalised quasi-identifiers TEXT."""
    levels = {c.name: level for c, level in zip(quasi, node, strict=True)}
    return tuple(
        Column(c.name, c.role, ColumnKind.TEXT if levels.get(c.name, 0) > 0 else c.kind)
        for c in columns
        if c.role is not ColumnRole.IDENTIFIER
    )


def _write(
    table: Table,
    columns: Sequence[Column],
    quasi: Sequence[EncodedColumn],
    node: tuple[int, ...],
    keep: npt.NDArray[np.bool_],
) -> bytes:
    kept = np.flatnonzero(keep)
    out_columns: list[list[str]] = []
    names: list[str] = []
    generalised = {c.name: (c, level) for c, level in zip(quasi, node, strict=True)}
    for column in columns:
        if column.role is ColumnRole.IDENTIFIER:
            continue
        names.append(column.name)
        entry = generalised.get(column.name)
        if entry is None:
            values = table.columns[column.name]
            out_columns.append([values[i] for i in kept])
        else:
            encoded, level = entry
            labels = np.asarray(encoded.labels[level], dtype=object)
            out_columns.append(labels[encoded.maps[level][encoded.codes[kept]]].tolist())
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(names)
    writer.writerows(zip(*out_columns, strict=True))
    return out.getvalue().encode()
