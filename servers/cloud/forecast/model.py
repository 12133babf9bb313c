"""Daily cost forecasts with prediction intervals: exponential smoothing state-space
models (statsmodels' ETSModel), chosen per series by AICc as AutoETS does.

Candidates are additive-error ETS models with no trend or an additive damped
trend, with or without a weekly season (costs follow the working week). The
model with the lowest AICc gives the mean and the 80 % and 95 % prediction
intervals (analytic for these additive models). Costs are never negative, so
means and bounds are cut at 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

SEASON = 7
MIN_HISTORY = 28
"""Days of history a forecast needs: four weeks, for the weekly season to be estimated."""

# (name, trend, damped, seasonal)
_CANDIDATES: tuple[tuple[str, str | None, bool, str | None], ...] = (
    ("ETS(A,N,A)", None, False, "add"),
    ("ETS(A,Ad,A)", "add", True, "add"),
    ("ETS(A,N,N)", None, False, None),
    ("ETS(A,Ad,N)", "add", True, None),
)


@dataclass(frozen=True)
class Interval:
    mean: npt.NDArray[np.float64]
    lower_80: npt.NDArray[np.float64]
    upper_80: npt.NDArray[np.float64]
    lower_95: npt.NDArray[np.float64]
    upper_95: npt.NDArray[np.float64]


@dataclass(frozen=True)
class Prediction:
    model: str
    interval: Interval


def _fit(history: npt.NDArray[np.float64], trend: str | None, damped: bool, seasonal: str | None) -> object:
    import pandas as pd  # type: ignore[import-untyped]  # no type information
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel  # type: ignore[import-untyped]

    model = ETSModel(
        pd.Series(history, index=pd.RangeIndex(len(history))),
        error="add",
        trend=trend,
        damped_trend=damped,
        seasonal=seasonal,
        seasonal_periods=SEASON if seasonal else None,
    )
    # No convergence chatter from the optimiser (a fit that fails is skipped below), asked of
    # statsmodels itself: forecasts run in worker threads, where warnings.catch_warnings is not
    # safe (overlapping ones can leave "ignore" installed for the whole process). numpy's
    # floating-point error state is per thread.
    with np.errstate(all="ignore"):
        return model.fit(disp=False, maxiter=200, warn_convergence=False)


def predict(history: Sequence[float] | npt.NDArray[np.float64], steps: int) -> Prediction:
    """The next `steps` days after `history` (one value per day, oldest first)."""
    if len(history) < MIN_HISTORY:
        raise ValueError(f"need {MIN_HISTORY} days of history, got {len(history)}")
    series = np.asarray(history, dtype=float)
    best: tuple[float, str, object] | None = None
    for name, trend, damped, seasonal in _CANDIDATES:
        try:
            fitted = _fit(series, trend, damped, seasonal)
        except (ValueError, np.linalg.LinAlgError):
            continue
        aicc = float(fitted.aicc)  # type: ignore[attr-defined]
        if math.isfinite(aicc) and (best is None or aicc < best[0]):
            best = (aicc, name, fitted)
    if best is None:
        raise ValueError("no model could be fitted to the series")
    _, name, fitted = best
    n = len(series)
    with np.errstate(all="ignore"):
        prediction = fitted.get_prediction(start=n, end=n + steps - 1)  # type: ignore[attr-defined]
        # (lower, upper) per day; not summary_frame, whose DataFrame pandas builds in a
        # warnings.catch_warnings of its own
        band_80 = np.asarray(prediction.pred_int(alpha=0.20), dtype=float)
        band_95 = np.asarray(prediction.pred_int(alpha=0.05), dtype=float)
        mean = _at_least_0(np.asarray(prediction.predicted_mean, dtype=float))
    return Prediction(
        model=name,
        interval=Interval(
            mean=mean,
            lower_80=_at_least_0(band_80[:, 0]),
            upper_80=_at_least_0(band_80[:, 1]),
            lower_95=_at_least_0(band_95[:, 0]),
            upper_95=_at_least_0(band_95[:, 1]),
        ),
    )


def _at_least_0(values: Any) -> npt.NDArray[np.float64]:
    cut: npt.NDArray[np.float64] = np.maximum(values, 0.0)
    return cut


@dataclass(frozen=True)
class Backtest:
    origins: int
    points: int
    coverage_80: float
    coverage_95: float
    mape: float
    models: dict[str, int]


def backtest(
    series: Sequence[float] | npt.NDArray[np.float64], *, first_origin: int, horizon: int, stride: int
) -> Backtest:
    """Rolling-origin evaluation: fit on the days before each origin, forecast `horizon` days,
    and count how often the actual day falls inside the 80 % and 95 % intervals."""
    values = np.asarray(series, dtype=float)
    inside_80 = inside_95 = points = origins = 0
    errors: list[float] = []
    models: dict[str, int] = {}
    for origin in range(first_origin, len(values) - horizon + 1, stride):
        predicted = predict(values[:origin], horizon)
        actual = values[origin : origin + horizon]
        band = predicted.interval
        inside_80 += int(np.sum((actual >= band.lower_80) & (actual <= band.upper_80)))
        inside_95 += int(np.sum((actual >= band.lower_95) & (actual <= band.upper_95)))
        errors.extend(np.abs(actual - band.mean) / np.maximum(np.abs(actual), 1e-9))
        points += horizon
        origins += 1
        models[predicted.model] = models.get(predicted.model, 0) + 1
    if points == 0:
        raise ValueError("the series is too short for one backtest origin")
    return Backtest(
        origins=origins,
        points=points,
        coverage_80=inside_80 / points,
        coverage_95=inside_95 / points,
        mape=float(np.mean(errors)),
        models=models,
    )
