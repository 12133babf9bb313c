"""The search for the transformation with the least information loss (full-domain generalisation).

A transformation picks one level of each quasi-identifier's hierarchy; the
transformations form a lattice ordered by generalisation. A transformation
is *anonymous* when the records outside equivalence classes of at least k
records (and, if asked, at least ℓ distinct values of every sensitive
column) are few enough to suppress: at most the suppression cap.

Anonymity is monotone in the lattice: generalising merges classes, so a
class that was big enough stays so, and suppressed records can only become
fewer. The search walks the lattice level by level (by total height) from
the original data; a transformation more general than an anonymous one is
anonymous without evaluation, and is not among the candidates, because it
only loses more (Samarati's k-minimal generalisations; ARX's OLA and Flash
use the same pruning). Every minimal anonymous transformation is evaluated,
and the one with the least loss is chosen (ties: the lower discernibility,
then the lower lattice level).

Loss is ARX's "Loss" metric (Iyengar's generalisation loss): a value
generalised to a node that covers m of the column's D distinct values loses
(m - 1) / (D - 1); a suppressed record loses 1 in every column; the loss is
the mean over records and quasi-identifiers, from 0 (the original data) to
1 (everything withheld). Discernibility (Bayardo & Agrawal) is reported too:
Σ|E|² over the classes kept plus n for each suppressed record.

Each evaluation keys the records by their codes at the transformation (one
int64 per record) and counts the classes. Without ℓ-diversity that is all it
needs: the loss is the whole table's (exact, from each code's frequency) less
that of the suppressed records. With ℓ the records are grouped (one row per
distinct quasi-identifier and sensitive values) and the classes read from
the groups. The records' codes are
kept per *pair* of quasi-identifiers and pair of levels (one int32 naming
both codes, made once and reused by every evaluation at those levels), so a
key takes half the passes over the records that one column at a time would.
(Remembering the groups of evaluated transformations to lift later ones from
was tried: Flash evaluates the lower, larger transformations after the higher
anonymous ones, so none had remembered groups below it.)
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from jipan.servers.privacy.anonymisation.hierarchies import Codes, EncodedColumn

# Keys denser than this (distinct combinations / key range) are grouped with
# bincount over the range; sparser ones are sorted (np.unique).
_DENSE_RANGE = 1 << 22
MAX_LATTICE = 200_000
# Two quasi-identifiers share one int32 code when their cardinalities' product fits.
_PAIR_LIMIT = 1 << 31

Node = tuple[int, ...]


@dataclass(frozen=True)
class Groups:
    """Records with equal codes at some transformation: one row per distinct combination."""

    codes: tuple[npt.NDArray[np.integer[Any]], ...]
    """Per quasi-identifier, then per sensitive column: the code of each group."""
    counts: Codes


@dataclass(frozen=True)
class Evaluation:
    node: Node
    anonymous: bool
    suppressed: int
    classes: int
    min_class: int
    """The smallest class kept (k of the output); 0 when nothing is kept."""
    min_diversity: int
    """The fewest distinct sensitive values in a class kept; 0 without sensitive columns or classes."""
    loss: float
    discernibility: int


@dataclass(frozen=True)
class SearchResult:
    best: Evaluation | None
    """None: no transformation is anonymous within the cap (not even withholding everything)."""
    evaluated: int
    lattice_size: int
    keep: npt.NDArray[np.bool_] | None
    """Per record: kept (True) or suppressed, for `best`."""


def _key(columns: Sequence[npt.NDArray[np.integer[Any]]], cardinalities: Sequence[int]) -> tuple[Codes, int]:
    """One int64 per row naming its combination of codes, and the range the keys lie in.
    Built in place: one array, not two temporaries per column."""
    key: Codes | None = None
    first: npt.NDArray[np.integer[Any]] | None = None  # widened to int64 as it is multiplied
    space = 1
    for codes, card in zip(columns, cardinalities, strict=True):
        if card == 1:  # a withheld column ("*" only) splits nothing
            continue
        if key is None and first is None:
            first = codes
        elif key is None:
            assert first is not None
            key = np.multiply(first, card, dtype=np.int64)  # < 2**62: both factors < 2**31
        else:
            if space * card >= 1 << 62:  # the key would overflow: number what is keyed so far densely
                key, space = _factorise(key, space)
            np.multiply(key, card, out=key)
        if key is not None:
            np.add(key, codes, out=key)
        space *= card
    if key is None:
        key = (
            first.astype(np.int64)
            if first is not None
            else np.zeros(len(columns[0]) if columns else 0, np.int64)
        )
    return key, space


def _factorise(key: Codes, space: int) -> tuple[Codes, int]:
    """Each key's rank among the distinct keys (0..m-1), and m."""
    if space <= max(_DENSE_RANGE, 4 * len(key)):
        seen = np.zeros(space, dtype=np.bool_)
        seen[key] = True
        rank = np.cumsum(seen, dtype=np.int64) - 1
        return rank[key], int(rank[-1]) + 1 if space else 0
    _, inverse = np.unique(key, return_inverse=True)
    inverse = inverse.reshape(-1).astype(np.int64)
    return inverse, int(inverse.max()) + 1 if len(inverse) else 0


def _first_rows(inverse: Codes, count: int) -> Codes:
    """For each of `count` groups, one row of it (the first)."""
    first = np.empty(count, dtype=np.int64)
    first[inverse[::-1]] = np.arange(len(inverse) - 1, -1, -1, dtype=np.int64)
    return first


class LatticeSearch:
    def __init__(
        self,
        quasi: Sequence[EncodedColumn],
        sensitive: Sequence[tuple[npt.NDArray[np.int32], int]],
        *,
        k: int,
        l_diversity: int,
        max_suppressed: int,
        progress: Callable[[float], None] = lambda share: None,
    ) -> None:
        self.quasi = list(quasi)
        # ℓ-diversity needs the sensitive values inside the groups; without it they only cost.
        self.sensitive = list(sensitive) if l_diversity > 1 else []
        self.k = k
        self.l_diversity = l_diversity
        self.max_suppressed = max_suppressed
        self.progress = progress
        self.n = len(quasi[0].codes) if quasi else 0
        # The records' codes per pair of quasi-identifiers at a pair of levels.
        self._pairs: dict[tuple[int, int, int], npt.NDArray[np.int32]] = {}
        # Loss per code at each level: (leaves - 1) / (D - 1).
        self._loss = [
            [
                (leaves - 1) / (column.distinct - 1) if column.distinct > 1 else np.zeros(len(leaves))
                for leaves in column.leaves
            ]
            for column in self.quasi
        ]
        # Per column and level: the records' summed (leaves - 1), the Loss metric's exact
        # numerator over all records (from each code's frequency: no pass over the records).
        self._loss_numerators: list[list[int]] = []
        for column in self.quasi:
            frequency = np.bincount(column.codes, minlength=column.distinct).astype(np.int64)
            self._loss_numerators.append(
                [
                    int(np.dot(np.bincount(mapped, weights=frequency, minlength=len(leaves)), leaves - 1))
                    for mapped, leaves in zip(column.maps, column.leaves, strict=True)
                ]
            )

    @property
    def lattice_size(self) -> int:
        size = 1
        for column in self.quasi:
            size *= column.height
        return size

    def _classes(self, node: Node, groups: Groups) -> tuple[Codes, Codes, Codes]:
        """(class of each group, size of each class, fewest distinct sensitive values of each class)."""
        quasi_count = len(self.quasi)
        if not self.sensitive:
            sizes = groups.counts
            return np.arange(len(sizes), dtype=np.int64), sizes, np.zeros(len(sizes), dtype=np.int64)
        cards = [column.cardinality(level) for column, level in zip(self.quasi, node, strict=True)]
        key, space = _key(groups.codes[:quasi_count], cards)
        of_group, count = _factorise(key, space)
        sizes = np.bincount(of_group, weights=groups.counts, minlength=count).astype(np.int64)
        diversity = np.full(count, np.iinfo(np.int64).max, dtype=np.int64)
        for position, (_, card) in enumerate(self.sensitive):
            # Groups are distinct (class, sensitive values) combinations; a value may
            # recur across groups of one class when several sensitive columns are kept.
            pairs = np.unique(of_group * card + groups.codes[quasi_count + position])
            distinct = np.bincount(pairs // card, minlength=count).astype(np.int64)
            diversity = np.minimum(diversity, distinct)
        return of_group, sizes, diversity

    def _evaluate_records(self, node: Node, keyed: tuple[Codes, int]) -> Evaluation:
        """The node's metrics without grouping the records (no sensitive columns): the classes
        are the keys' counts, and the loss is the whole table's (from code frequencies) less
        that of the suppressed records, which are few wherever the node is anonymous. A node
        that is not anonymous is told by its class sizes alone; its other metrics stay 0."""
        key, space = keyed
        dense = space <= max(_DENSE_RANGE, 4 * len(key))
        sizes = np.bincount(key, minlength=space) if dense else np.unique(key, return_counts=True)[1]
        small = sizes < self.k
        suppressed = int(sizes[small].sum())
        if suppressed > self.max_suppressed:
            return Evaluation(node, False, suppressed, 0, 0, 0, 1.0, 0)
        kept_sizes = sizes[~small & (sizes > 0)]
        loss = 0.0
        if self.n:
            if dense:
                record_sizes = sizes[key]
            else:  # sorted again, now for each record's class: only where the node is anonymous
                _, inverse = np.unique(key, return_inverse=True)
                record_sizes = sizes[inverse.reshape(-1)]
            rows = np.flatnonzero(record_sizes < self.k)
            for index, (column, level) in enumerate(zip(self.quasi, node, strict=True)):
                if column.distinct <= 1:
                    continue
                leaves = column.leaves[level]
                numerator = self._loss_numerators[index][level]
                numerator -= int((leaves[column.maps[level][column.codes[rows]]] - 1).sum())
                loss += numerator / (column.distinct - 1)
            loss = (loss + suppressed * len(self.quasi)) / (self.n * max(len(self.quasi), 1))
        return Evaluation(
            node=node,
            anonymous=True,
            suppressed=suppressed,
            classes=len(kept_sizes),
            min_class=int(kept_sizes.min()) if len(kept_sizes) else 0,
            min_diversity=0,
            loss=loss,
            discernibility=int((kept_sizes.astype(np.float64) ** 2).sum()) + suppressed * self.n,
        )

    def _evaluate(self, node: Node, groups: Groups) -> tuple[Evaluation, int]:
        """The node's metrics, and its number of classes, suppressed ones included."""
        of_group, sizes, diversity = self._classes(node, groups)
        violating = self._violating_classes(sizes, diversity)
        suppressed = int(sizes[violating].sum())
        kept_sizes = sizes[~violating]
        group_kept = ~violating[of_group]
        loss = 0.0
        if self.n:
            per_group = np.zeros(len(groups.counts))
            for index, level in enumerate(node):
                per_group += self._loss[index][level][groups.codes[index]]
            kept_loss = float((per_group[group_kept] * groups.counts[group_kept]).sum())
            loss = (kept_loss + suppressed * len(self.quasi)) / (self.n * max(len(self.quasi), 1))
        evaluation = Evaluation(
            node=node,
            anonymous=suppressed <= self.max_suppressed,
            suppressed=suppressed,
            classes=len(kept_sizes),
            min_class=int(kept_sizes.min()) if len(kept_sizes) else 0,
            min_diversity=int(diversity[~violating].min()) if self.sensitive and len(kept_sizes) else 0,
            loss=loss,
            discernibility=int((kept_sizes.astype(np.float64) ** 2).sum()) + suppressed * self.n,
        )
        return evaluation, len(sizes)

    def _violating_classes(self, sizes: Codes, diversity: Codes) -> npt.NDArray[np.bool_]:
        violating = sizes < self.k
        if self.sensitive:
            violating |= diversity < self.l_diversity
        return violating

    def _pair_at(self, first: int, node: Node) -> tuple[npt.NDArray[np.integer[Any]], int]:
        """The records' codes of quasi-identifiers `first` and `first` + 1 at `node` as one
        code (or of `first` alone, the last of an odd number), and its cardinality."""
        column = self.quasi[first]
        card = column.cardinality(node[first])
        if first + 1 == len(self.quasi):
            key = (first, node[first], -1)
            codes = self._pairs.get(key)
            if codes is None:
                codes = column.maps[node[first]].astype(np.int32)[column.codes]
                self._pairs[key] = codes
            return codes, card
        other = self.quasi[first + 1]
        other_card = other.cardinality(node[first + 1])
        key = (first, node[first], node[first + 1])
        codes = self._pairs.get(key)
        if codes is None:
            if card * other_card >= _PAIR_LIMIT:
                wide = column.maps[node[first]][column.codes] * other_card
                wide += other.maps[node[first + 1]][other.codes]
                return wide, card * other_card
            codes = column.maps[node[first]].astype(np.int32)[column.codes]
            np.multiply(codes, other_card, out=codes)
            np.add(codes, other.maps[node[first + 1]].astype(np.int32)[other.codes], out=codes)
            self._pairs[key] = codes
        return codes, card * other_card

    def _records_keyed(self, node: Node) -> tuple[Codes, int]:
        """The records' key at `node` (with their sensitive values, for ℓ) and its range."""
        columns: list[npt.NDArray[np.integer[Any]]] = []
        cards: list[int] = []
        for first in range(0, len(self.quasi), 2):
            codes, card = self._pair_at(first, node)
            columns.append(codes)
            cards.append(card)
        columns += [codes for codes, _ in self.sensitive]
        cards += [card for _, card in self.sensitive]
        return _key(columns, cards)

    def _groups_at(self, node: Node, keyed: tuple[Codes, int]) -> Groups:
        """The records grouped by their codes at `node` (and their sensitive values, for ℓ),
        given their key there."""
        inverse, count = _factorise(*keyed)
        rows = _first_rows(inverse, count)
        codes = tuple(
            column.maps[level][column.codes[rows]] for column, level in zip(self.quasi, node, strict=True)
        ) + tuple(sensitive[rows] for sensitive, _ in self.sensitive)
        return Groups(codes=codes, counts=np.bincount(inverse, minlength=count))

    def _successors(self, node: Node) -> list[Node]:
        return [
            (*node[:i], node[i] + 1, *node[i + 1 :])
            for i in range(len(node))
            if node[i] + 1 < self.quasi[i].height
        ]

    @staticmethod
    def _predecessors(node: Node) -> list[Node]:
        return [(*node[:i], node[i] - 1, *node[i + 1 :]) for i in range(len(node)) if node[i] > 0]

    def _tag(self, tags: dict[Node, bool], node: Node, anonymous: bool) -> None:
        """Tag `node` and, by monotonicity, its up-set (anonymous) or down-set (not).

        A tagged node's whole up-set (down-set) is tagged already, so the walk
        stops at tagged nodes."""
        stack = [node]
        while stack:
            current = stack.pop()
            if current in tags:
                continue
            tags[current] = anonymous
            stack.extend(self._successors(current) if anonymous else self._predecessors(current))

    def run(self) -> SearchResult:
        """Flash's traversal (Kohlmayer et al., 2012): from the lowest untagged node, a path up
        through untagged nodes, binary-searched for its lowest anonymous node; every
        evaluation tags its up- or down-set. The evaluations stay near the border between
        anonymous and not, and every minimal anonymous node is evaluated (a node tagged by
        inference has an anonymous predecessor, so it is not minimal)."""
        if self.lattice_size > MAX_LATTICE:
            raise ValueError("lattice too large")
        heights = [column.height for column in self.quasi]
        nodes = sorted(itertools.product(*(range(h) for h in heights)), key=lambda node: (sum(node), node))
        tags: dict[Node, bool] = {}
        candidates: list[Evaluation] = []
        evaluated = 0

        def check(node: Node) -> bool:
            nonlocal evaluated
            tagged = tags.get(node)
            if tagged is not None:
                return tagged
            evaluated += 1
            keyed = self._records_keyed(node)
            if self.sensitive:
                evaluation, _ = self._evaluate(node, self._groups_at(node, keyed))
            else:
                evaluation = self._evaluate_records(node, keyed)
            if evaluation.anonymous:
                candidates.append(evaluation)
            self._tag(tags, node, evaluation.anonymous)
            self.progress(len(tags) / len(nodes))
            return evaluation.anonymous

        for start in nodes:
            if start in tags:
                continue
            path = [start]
            while True:
                ahead = [node for node in self._successors(path[-1]) if node not in tags]
                if not ahead:
                    break
                path.append(ahead[0])
            low, high = 0, len(path)  # the lowest anonymous node of the path is in [low, high)
            while low < high:
                middle = (low + high) // 2
                if check(path[middle]):
                    high = middle
                else:
                    low = middle + 1
        if not candidates:
            return SearchResult(best=None, evaluated=evaluated, lattice_size=self.lattice_size, keep=None)
        best = min(candidates, key=lambda e: (e.loss, e.discernibility, sum(e.node), e.node))
        return SearchResult(
            best=best, evaluated=evaluated, lattice_size=self.lattice_size, keep=self.kept_records(best.node)
        )

    def kept_records(self, node: Node) -> npt.NDArray[np.bool_]:
        """Per record, whether it is kept at `node` (its class has k records and ℓ values)."""
        columns = [column.maps[level][column.codes] for column, level in zip(self.quasi, node, strict=True)]
        columns += [codes.astype(np.int64) for codes, _ in self.sensitive]
        cards = [column.cardinality(level) for column, level in zip(self.quasi, node, strict=True)]
        cards += [card for _, card in self.sensitive]
        key, space = _key(columns, cards)
        of_row, count = _factorise(key, space)
        rows = _first_rows(of_row, count)
        groups = Groups(
            codes=tuple(codes[rows] for codes in columns), counts=np.bincount(of_row, minlength=count)
        )
        of_group, sizes, diversity = self._classes(node, groups)
        violating = self._violating_classes(sizes, diversity)
        return np.asarray(~violating[of_group][of_row], dtype=np.bool_)
