"""Disclosure control of aggregate tables: the threshold rule and the dominance rule.

A published table of sums (sales by month and product, cases by district)
discloses a contributor's own figure when a cell holds too few
contributors: one contributor's cell is its figure, two contributors can
each subtract their own. The threshold rule withholds every cell of fewer
than k distinct contributors. A cell of none holds nothing to protect and
is never withheld ("no sales" is not a secret).

Suppression alone is only safe when every figure a caller can obtain is a
sum of whole cells of one fixed table, each published or withheld the same
way in every answer: then two overlapping answers subtract to published
cells only. The caller builds its answers that way (procurement's base
cells, servers/procurement/analytics.py); this module decides the cells.

The threshold rule misses a cell of many contributors where one or two
make almost all of it: its largest contributor subtracts its own figure
from the published total and knows the rest to within a few percent. The
(n, p) dominance rule, which statistics offices apply to magnitude tables
(Hundepool et al., *Statistical Disclosure Control*, Wiley 2012, ch. 4),
withholds such cells; the caller chooses n and p.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass


def threshold_rule(contributors: Sequence[int], k: int) -> list[bool]:
    """Whether each cell, given its distinct contributors, must be withheld."""
    if k < 1:
        raise ValueError("k must be at least 1")
    return [0 < count < k for count in contributors]


@dataclass(frozen=True, slots=True)
class CellMagnitude:
    """What the dominance rule reads of one cell: its total and its largest contributions
    (largest first; no identities)."""

    contributors: int
    total: int
    largest: tuple[int, ...]


def dominance_rule(cells: Sequence[CellMagnitude], n: int, percent: int) -> list[bool]:
    """The (n, p) dominance rule: whether each cell's n largest contributions make p % or
    more of its total. Such a cell is sensitive although it may hold many contributors: its
    largest contributor reads the rest off the published total (with n = 2, either of the
    two largest reads the other's), or one contributor's own figure is most of the cell.
    A cell of total 0 has nothing to dominate. Exact integer arithmetic: no rounding at
    the boundary (85 % is sensitive at 85 %, not at 84.99...)."""
    if n < 1 or not 0 < percent <= 100:
        raise ValueError("n must be at least 1 and percent in (0, 100]")
    return [cell.total > 0 and 100 * sum(cell.largest[:n]) >= percent * cell.total for cell in cells]


def magnitude_problem(cell: CellMagnitude, n: int) -> str | None:
    """Why `cell` cannot be judged by an (n, p) dominance rule, or None when it can."""
    largest = cell.largest
    if any(value < 0 for value in largest):
        return "largest_contributions must not be negative"
    if any(a < b for a, b in itertools.pairwise(largest)):
        return "largest_contributions must be in descending order"
    if len(largest) > cell.contributors:
        return "largest_contributions has more entries than the cell has contributors"
    if len(largest) < min(n, cell.contributors):
        return f"the dominance rule needs the cell's {n} largest contributions (all when fewer)"
    if sum(largest) > cell.total:
        return "largest_contributions add up to more than total"
    return None
