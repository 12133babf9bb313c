"""Generalisation hierarchies of quasi-identifiers, and columns encoded along them.

A hierarchy turns a value into coarser ones, level by level, up to "*"
(the value withheld): a date into its month, quarter and year; a number into
bands of growing width; a Taiwan area into its district and county; any text
straight into "*". Every level is a partition of the level below (the bands
nest), so the levels form a tree and generalising a record never splits a
group of records.

A column is encoded once: its distinct values get level-0 codes (pyarrow's
dictionary encoding), and each level is a small array mapping a level-0 code
to the code of its generalised value. The search (search.py) then works on
integer arrays only.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import numpy as np
import numpy.typing as npt
import pyarrow as pa  # type: ignore[import-untyped]  # pyarrow ships no type information
import pyarrow.compute as pc  # type: ignore[import-untyped]

from jipan.servers.privacy.anonymisation.taiwan_areas import parse_area
from jipan.servers.privacy.names import DOMAIN
from jipan.servers.privacy.types import Column, ColumnKind
from jipan.servers.runtime.errors import InvalidArgument

WITHHELD = "*"
MAX_BANDS = 8
DEFAULT_BAND_WIDTHS = (5.0, 10.0, 50.0, 100.0)

Codes = npt.NDArray[np.int64]
Generaliser = Callable[[Sequence[str]], list[str]]
"""The distinct level-0 values → their values one level up, in the same order."""


class HierarchyKind(StrEnum):
    DATE = "DATE"
    """day → month ("2026-01") → quarter ("2026-Q1") → year ("2026") → *"""
    NUMBER_BANDS = "NUMBER_BANDS"
    """value → a band of each width, narrowest first ("[30,35)") → *"""
    TAIWAN_AREA = "TAIWAN_AREA"
    """village (村里) → district (鄉鎮市區) → county (縣市) → *"""
    SUPPRESSION = "SUPPRESSION"
    """value → *"""


@dataclass(frozen=True)
class Hierarchy:
    """How one quasi-identifier generalises."""

    column: str
    kind: HierarchyKind
    band_widths: tuple[float, ...] = ()


@dataclass(frozen=True)
class EncodedColumn:
    """One quasi-identifier's records as level-0 codes and its hierarchy as code maps."""

    name: str
    kind: HierarchyKind
    codes: npt.NDArray[np.int32]
    """Level-0 code of each record."""
    level_names: tuple[str, ...]
    maps: tuple[Codes, ...]
    """maps[level][level-0 code] = the code at that level; maps[0] is the identity."""
    labels: tuple[tuple[str, ...], ...]
    """labels[level][code] = the generalised value."""
    leaves: tuple[Codes, ...]
    """leaves[level][code] = how many distinct level-0 values it covers (the loss metric's unit)."""

    @property
    def height(self) -> int:
        """The number of levels, the original values and "*" included."""
        return len(self.maps)

    @property
    def distinct(self) -> int:
        return len(self.labels[0])

    def cardinality(self, level: int) -> int:
        return len(self.labels[level])

    def lift(self, source: int, target: int) -> Codes:
        """Code at `source` → code at `target` (≥ source): the tree's edges, collapsed."""
        first = np.zeros(self.cardinality(source), dtype=np.int64)
        # Any level-0 value under a source code tells its target code: the levels nest.
        first[self.maps[source]] = np.arange(self.distinct, dtype=np.int64)
        return self.maps[target][first]


def hierarchy_invalid(problem: str, column: str) -> InvalidArgument:
    return InvalidArgument(
        "HIERARCHY_INVALID",
        f"the generalisation of {column[:50]!r} does not fit: {problem}",
        domain=DOMAIN,
        metadata={"problem": problem, "column": column},
    )


def check_hierarchy(hierarchy: Hierarchy, column: Column) -> Hierarchy:
    """The hierarchy with defaults filled in; refusals say what does not fit the column."""
    kind = hierarchy.kind
    if kind is HierarchyKind.DATE and column.kind is not ColumnKind.DATE:
        raise hierarchy_invalid(f"DATE needs a DATE column; it is {column.kind.value}", column.name)
    if kind is HierarchyKind.NUMBER_BANDS:
        if column.kind is not ColumnKind.NUMBER:
            raise hierarchy_invalid(
                f"NUMBER_BANDS needs a NUMBER column; it is {column.kind.value}", column.name
            )
        widths = hierarchy.band_widths or DEFAULT_BAND_WIDTHS
        if len(widths) > MAX_BANDS:
            raise hierarchy_invalid(f"at most {MAX_BANDS} band widths", column.name)
        for narrow, wide in itertools.pairwise(widths):
            ratio = wide / narrow if narrow else 0.0
            if not (ratio > 1 and math.isclose(ratio, round(ratio))):
                raise hierarchy_invalid(
                    "each band width must be a whole multiple of the one before, so the bands nest",
                    column.name,
                )
        if not all(math.isfinite(w) and w > 0 for w in widths):
            raise hierarchy_invalid("band widths must be finite and greater than 0", column.name)
        return Hierarchy(column.name, kind, tuple(float(w) for w in widths))
    if kind is HierarchyKind.TAIWAN_AREA and column.kind is not ColumnKind.TEXT:
        raise hierarchy_invalid(f"TAIWAN_AREA needs a TEXT column; it is {column.kind.value}", column.name)
    if hierarchy.band_widths:
        raise hierarchy_invalid("band_widths are for NUMBER_BANDS only", column.name)
    return Hierarchy(column.name, kind)


def default_hierarchy(column: Column) -> Hierarchy:
    if column.kind is ColumnKind.DATE:
        return Hierarchy(column.name, HierarchyKind.DATE)
    if column.kind is ColumnKind.NUMBER:
        return Hierarchy(column.name, HierarchyKind.NUMBER_BANDS, DEFAULT_BAND_WIDTHS)
    return Hierarchy(column.name, HierarchyKind.SUPPRESSION)


def _band_label(low: float, width: float) -> str:
    high = low + width
    if width.is_integer():
        return f"[{int(low)},{int(high)})"
    return f"[{low:g},{high:g})"


def _bands(widths: Sequence[float]) -> list[tuple[str, Generaliser]]:
    """Numbers → the band of each width holding them, computed on the distinct values at once
    (numpy; the values parsed once for all widths), each band's label formatted once."""
    parsed: list[tuple[npt.NDArray[np.bool_], npt.NDArray[np.float64]]] = []

    def numbers(distinct: Sequence[str]) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.float64]]:
        if not parsed:
            text = np.array(distinct, dtype=np.str_)
            present = text != ""
            parsed.append((present, np.where(present, text, "0").astype(np.float64)))
        return parsed[0]

    def band_of(width: float) -> Generaliser:
        def generalise(distinct: Sequence[str]) -> list[str]:
            present, values = numbers(distinct)
            lows, inverse = np.unique(np.floor(values / width) * width, return_inverse=True)
            labels = np.array([_band_label(float(low), width) for low in lows] + [""], dtype=object)
            out: list[str] = labels[np.where(present, inverse.reshape(-1), len(lows))].tolist()
            return out

        return generalise

    return [(f"band {w:g}", band_of(w)) for w in widths]


def _prefix(length: int) -> Generaliser:
    """ISO dates → their first `length` characters (the month "2026-01", the year "2026")."""

    def generalise(distinct: Sequence[str]) -> list[str]:
        out: list[str] = pc.utf8_slice_codeunits(pa.array(distinct, type=pa.string()), 0, length).to_pylist()
        return out

    return generalise


def _quarters(distinct: Sequence[str]) -> list[str]:
    out: list[str] = []
    for value in distinct:
        if value:
            day = date.fromisoformat(value)
            out.append(f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}")
        else:
            out.append("")
    return out


def _per_value(generalise: Callable[[str], str]) -> Generaliser:
    def each(distinct: Sequence[str]) -> list[str]:
        return [generalise(value) if value else "" for value in distinct]

    return each


def _levels(hierarchy: Hierarchy, column: str) -> list[tuple[str, Generaliser]]:
    """(level name, distinct level-0 values → their values at that level) above the original
    values, "*" not included; "" (missing) stays "" until "*"."""
    if hierarchy.kind is HierarchyKind.DATE:
        return [("month", _prefix(7)), ("quarter", _quarters), ("year", _prefix(4))]
    if hierarchy.kind is HierarchyKind.NUMBER_BANDS:
        return _bands(hierarchy.band_widths)
    if hierarchy.kind is HierarchyKind.TAIWAN_AREA:

        def area(value: str) -> tuple[str, str, str]:
            parsed = parse_area(value)
            if parsed is None:
                raise hierarchy_invalid(
                    f"{value[:50]!r} is not a Taiwan county, district or village the area table knows", column
                )
            return parsed.county, parsed.district, parsed.village

        def district(value: str) -> str:
            county, name, _ = area(value)
            return county + name

        def county(value: str) -> str:
            return area(value)[0]

        return [("district", _per_value(district)), ("county", _per_value(county))]
    return []


def encode(values: Sequence[str], hierarchy: Hierarchy) -> EncodedColumn:
    """The column's records as codes along its hierarchy; "" (missing) stays apart until "*"."""
    encoded = pa.array(values, type=pa.string()).dictionary_encode()
    codes = np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int32)
    distinct: list[str] = encoded.dictionary.to_pylist()
    level_names = ["value"]
    maps = [np.arange(len(distinct), dtype=np.int64)]
    labels = [tuple(distinct)]
    for name, generalise in _levels(hierarchy, hierarchy.column):
        _append_level(name, generalise(distinct), level_names, maps, labels)
    _append_level("withheld", [WITHHELD] * len(distinct), level_names, maps, labels)
    leaves = tuple(
        np.bincount(m, minlength=len(lbl)).astype(np.int64) for m, lbl in zip(maps, labels, strict=True)
    )
    return EncodedColumn(
        name=hierarchy.column,
        kind=hierarchy.kind,
        codes=codes,
        level_names=tuple(level_names),
        maps=tuple(maps),
        labels=tuple(labels),
        leaves=leaves,
    )


def _append_level(
    name: str,
    generalised: list[str],
    level_names: list[str],
    maps: list[Codes],
    labels: list[tuple[str, ...]],
) -> None:
    # pyarrow's dictionary encoding numbers the values in order of appearance, in C.
    encoded = pa.array(generalised, type=pa.string()).dictionary_encode()
    dictionary: list[str] = encoded.dictionary.to_pylist()
    if len(dictionary) == len(labels[-1]) and name != "withheld":
        # Generalises nothing here (districts already, whole months): a level of the
        # lattice that would only repeat the one below.
        return
    level_names.append(name)
    maps.append(np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int64))
    labels.append(tuple(dictionary))
