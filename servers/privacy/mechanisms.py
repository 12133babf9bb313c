"""Differentially private statistics with OpenDP: the Laplace and Gaussian mechanisms, calibrated by OpenDP.

Neighbouring datasets differ by one record added or removed (OpenDP's
symmetric distance, d_in = 1: one record per person). OpenDP finds the
smallest noise scale whose privacy loss at d_in = 1 is at most ε
(`binary_search_param`) and states the accuracy of that scale; its
floating-point-safe sum and its samplers are why the noise is OpenDP's and
not `random`'s. Counts get the discrete Laplace (integers stay integers).

The Gaussian mechanism is OpenDP's zero-concentrated one (ρ-zCDP), turned
into (ε, δ)-DP by OpenDP's conversion (`make_zCDP_to_approxDP`) and fixed at
the release's δ (`make_fix_delta`); the scale is the smallest whose ε at
that δ is at most the release's ε. Counts and histograms get the discrete
Gaussian; a histogram's counts are measured under the L2 distance (one
record moves one count by 1).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

# OpenDP's modules, not `opendp.prelude`: the prelude also imports its
# scikit-learn, polars and other extras (~2 s before the service can serve).
import opendp.accuracy as dp_accuracy
import opendp.combinators as dp_c
import opendp.domains as dp_domains
import opendp.measurements as dp_m
import opendp.metrics as dp_metrics
import opendp.mod as dp_mod
import opendp.transformations as dp_t
import opendp.typing as dp_typing

from jipan.servers.privacy.names import DOMAIN
from jipan.servers.privacy.table import Table, normalise_date, normalise_number
from jipan.servers.privacy.types import (
    Column,
    ColumnKind,
    ColumnRole,
    Mechanism,
    NoisyResult,
    Query,
    Statistic,
)
from jipan.servers.runtime.errors import InvalidArgument

dp_mod.enable_features("contrib")

CONFIDENCE = 0.95
MAX_BOUND = 1e9
MAX_CATEGORIES = 1000
_D_IN = 1  # one record per person
# OpenDP leaves this constructor unannotated; the name gives it a type.
_then_sum: Callable[[], Any] = dp_t.then_sum


def query_invalid(problem: str) -> InvalidArgument:
    return InvalidArgument(
        "QUERY_INVALID",
        f"the release's query does not fit the dataset: {problem}",
        domain=DOMAIN,
        metadata={"problem": problem},
    )


def check_query(query: Query, columns: Sequence[Column]) -> Query:
    """The query with its categories normalised like the column's cells; refusals say what is wrong."""
    if query.statistic is Statistic.COUNT:
        if query.column:
            raise query_invalid("COUNT counts records: leave `column` empty")
        return query
    if not query.column:
        raise query_invalid(f"{query.statistic.value} needs a column")
    column = next((c for c in columns if c.name == query.column), None)
    if column is None:
        raise query_invalid(f"the dataset has no column {query.column!r}")
    if column.role is ColumnRole.IDENTIFIER:
        raise query_invalid(f"{query.column!r} is an identifier; statistics of identifiers are not released")
    if query.statistic in (Statistic.SUM, Statistic.MEAN):
        if column.kind is not ColumnKind.NUMBER:
            raise query_invalid(
                f"{query.statistic.value} needs a NUMBER column; {query.column!r} is {column.kind.value}"
            )
        if query.categories:
            raise query_invalid(f"{query.statistic.value} takes bounds, not categories")
        bounds = (query.lower, query.upper)
        if not all(math.isfinite(b) and abs(b) <= MAX_BOUND for b in bounds):
            raise query_invalid(f"bounds must be finite numbers of at most {MAX_BOUND:g} in magnitude")
        if not query.lower < query.upper:
            raise query_invalid("`lower` must be less than `upper`")
        return query
    if query.lower or query.upper:
        raise query_invalid("HISTOGRAM takes categories, not bounds")
    if not query.categories:
        raise query_invalid("HISTOGRAM needs the categories to count")
    if len(query.categories) > MAX_CATEGORIES:
        raise query_invalid(f"at most {MAX_CATEGORIES} categories")
    normalised: list[str] = []
    for category in query.categories:
        if not category:
            raise query_invalid("a category is empty; records outside the categories are counted apart")
        try:
            if column.kind is ColumnKind.NUMBER:
                category = normalise_number(category.strip())
            elif column.kind is ColumnKind.DATE:
                category = normalise_date(category.strip())
        except ValueError as exc:
            raise query_invalid(f"category {category[:50]!r} is not a {column.kind.value.lower()}") from exc
        if category in normalised:
            raise query_invalid(f"category {category[:50]!r} is declared twice")
        normalised.append(category)
    return Query(statistic=query.statistic, column=query.column, categories=tuple(normalised))


def _calibrated(
    make: Callable[[float], Any], epsilon: float, delta: float = 0.0, sensitivity: float = 1.0
) -> tuple[Any, float]:
    """The measurement with the smallest scale whose loss at d_in = 1 is ≤ ε (at δ, for Gaussian).

    Laplace: OpenDP's binary_search_param. Gaussian: a bisection over the
    scale (in log space) that counts a scale whose privacy curve OpenDP
    cannot evaluate (it overflows for scales far too small) as not private
    enough; binary_search_param gives up on those. The upper end is far above
    the scale any ε and δ ≥ 1e-12 need (sensitivity · √(2 ln(1.25/δ)) / ε <
    8 · sensitivity / ε), and is checked to fit.
    """
    if not delta:
        scale = float(dp_mod.binary_search_param(make, d_in=_D_IN, d_out=epsilon))
        measurement = make(scale)
        if measurement.map(_D_IN) > epsilon:  # binary_search_param guarantees it; checked all the same
            raise RuntimeError("calibrated measurement exceeds ε")
        return measurement, scale

    def fits(scale: float) -> bool:
        try:
            spent_epsilon, spent_delta = make(scale).map(_D_IN)
        except dp_mod.OpenDPException:
            return False
        return bool(spent_epsilon <= epsilon and spent_delta <= delta)

    low, high = 1e-9 * max(sensitivity, 1.0), 100.0 * max(sensitivity, 1.0) / epsilon
    if not fits(high):
        raise RuntimeError("no Gaussian scale fits the budget")
    for _ in range(60):  # the ratio high / low ends below 1 + 1e-9
        middle = math.sqrt(low * high)
        if fits(middle):
            high = middle
        else:
            low = middle
    return make(high), high


def _approx(measurement: Any, delta: float) -> Any:
    """A zCDP measurement as (ε, δ)-DP at the fixed δ."""
    return dp_c.make_fix_delta(dp_c.make_zCDP_to_approxDP(measurement), delta)


def _numbers(values: Sequence[str], missing: float) -> list[float]:
    return [float(v) if v else missing for v in values]


def release(
    table: Table, query: Query, epsilon: float, delta: float = 0.0, mechanism: Mechanism = Mechanism.LAPLACE
) -> NoisyResult:
    """Compute the statistic with fresh noise; `query` went through check_query.

    LAPLACE spends ε (delta is 0); GAUSSIAN spends ε and δ > 0."""
    records = dp_domains.vector_domain(dp_domains.atom_domain(T=str)), dp_metrics.symmetric_distance()
    reals = (
        dp_domains.vector_domain(dp_domains.atom_domain(T=float, nan=False)),
        dp_metrics.symmetric_distance(),
    )
    alpha = 1.0 - CONFIDENCE
    gaussian = mechanism is Mechanism.GAUSSIAN

    def noise(scale: float) -> Any:
        return dp_m.then_gaussian(scale) if gaussian else dp_m.then_laplace(scale)

    def finish(measurement: Any, part_delta: float) -> Any:
        return _approx(measurement, part_delta) if gaussian else measurement

    def count(scale: float, part_delta: float = delta) -> Any:
        return finish(records >> dp_t.then_count() >> noise(scale), part_delta)

    def total(scale: float, part_delta: float = delta) -> Any:
        clamped = reals >> dp_t.then_clamp((query.lower, query.upper)) >> _then_sum()
        return finish(clamped >> noise(scale), part_delta)

    def integer_accuracy(scale: float, alpha: float) -> float:
        if gaussian:
            return float(dp_accuracy.discrete_gaussian_scale_to_accuracy(scale, alpha))
        return float(dp_accuracy.discrete_laplacian_scale_to_accuracy(scale, alpha))

    def real_accuracy(scale: float, alpha: float) -> float:
        if gaussian:
            return float(dp_accuracy.gaussian_scale_to_accuracy(scale, alpha))
        return float(dp_accuracy.laplacian_scale_to_accuracy(scale, alpha))

    def result(
        value: float, bins: tuple[tuple[str, float], ...], scale: float, accuracy: float
    ) -> NoisyResult:
        return NoisyResult(
            value=value,
            bins=bins,
            noise_scale=scale,
            accuracy=accuracy,
            confidence=CONFIDENCE,
            mechanism=mechanism.value,
        )

    if query.statistic is Statistic.COUNT:
        any_column = next(iter(table.columns.values()))
        measurement, scale = _calibrated(count, epsilon, delta)
        return result(float(measurement(any_column)), (), scale, integer_accuracy(scale, alpha))
    bound = max(abs(query.lower), abs(query.upper))  # a sum's sensitivity: one record added or removed
    if query.statistic is Statistic.SUM:
        measurement, scale = _calibrated(total, epsilon, delta, bound)
        value = float(measurement(_numbers(table.columns[query.column], query.lower)))
        return result(value, (), scale, real_accuracy(scale, alpha))
    if query.statistic is Statistic.MEAN:
        return _mean(
            table, query, epsilon, delta, bound, count, total, integer_accuracy, real_accuracy, result
        )
    column = table.columns[query.column]

    def histogram(scale: float) -> Any:
        counts = dp_t.then_count_by_categories(
            categories=list(query.categories),
            null_category=True,
            MO=dp_typing.L2Distance[int] if gaussian else dp_typing.L1Distance[int],
        )
        return finish(records >> counts >> noise(scale), delta)

    measurement, scale = _calibrated(histogram, epsilon, delta)
    counts = [float(c) for c in measurement(column)]
    bins = tuple(zip([*query.categories, ""], counts, strict=True))
    return result(0.0, bins, scale, integer_accuracy(scale, alpha))


def _mean(
    table: Table,
    query: Query,
    epsilon: float,
    delta: float,
    bound: float,
    count: Callable[[float, float], Any],
    total: Callable[[float, float], Any],
    integer_accuracy: Callable[[float, float], float],
    real_accuracy: Callable[[float, float], float],
    result: Callable[[float, tuple[tuple[str, float], ...], float, float], NoisyResult],
) -> NoisyResult:
    """A noisy sum over a noisy count, ε/2 (and δ/2) each (sequential composition), clamped to the bounds.

    Each part is within its accuracy at confidence 1 - α/2, both at 1 - α
    (union bound); the stated accuracy is the farthest the exact mean can
    then be from the released one: the corners of the two intervals.
    """
    alpha = (1.0 - CONFIDENCE) / 2
    half = delta / 2
    sum_measurement, sum_scale = _calibrated(lambda scale: total(scale, half), epsilon / 2, half, bound)
    count_measurement, count_scale = _calibrated(lambda scale: count(scale, half), epsilon / 2, half)
    column = table.columns[query.column]
    noisy_sum = float(sum_measurement(_numbers(column, query.lower)))
    noisy_count = float(count_measurement(column))
    sum_accuracy = real_accuracy(sum_scale, alpha)
    count_accuracy = integer_accuracy(count_scale, alpha)
    lower, upper = query.lower, query.upper
    mean = min(max(noisy_sum / noisy_count, lower), upper) if noisy_count >= 1 else (lower + upper) / 2
    if noisy_count - count_accuracy < 1:
        accuracy = upper - lower
    else:
        corners = [
            min(max(s / c, lower), upper)
            for s in (noisy_sum - sum_accuracy, noisy_sum + sum_accuracy)
            for c in (noisy_count - count_accuracy, noisy_count + count_accuracy)
        ]
        accuracy = max(abs(corner - mean) for corner in corners)
    return result(mean, (), max(sum_scale, count_scale), accuracy)
