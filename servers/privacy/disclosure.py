"""Disclosure control of aggregate tables: the threshold rule.

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
"""

from __future__ import annotations

from collections.abc import Sequence


def threshold_rule(contributors: Sequence[int], k: int) -> list[bool]:
    """Whether each cell, given its distinct contributors, must be withheld."""
    if k < 1:
        raise ValueError("k must be at least 1")
    return [0 < count < k for count in contributors]
