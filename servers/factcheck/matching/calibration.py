"""From component scores to the probability that a candidate is the right fact-check.

A logistic regression over a handful of features of each candidate (dense
cosine, normalised BM25, the claim's idf-weighted term coverage, whether
query and claim share a language) fitted on the TRAIN split of the
evaluation set (bench/data/factcheck/, `bench/factcheck.py --fit`) with
scikit-learn; the fitted weights ship as calibration.json beside this file,
so serving needs only numpy. The threshold is the probability below which the
best candidate is answered as "no match"; reviewer decisions re-fit it
(`fit_threshold`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")
FEATURES = (
    "dense",
    "lexical",
    "coverage",
    "same_language",
    "dense_same",
    "bridge_cross",
)


def features(
    dense: npt.NDArray[np.float32],
    lexical: npt.NDArray[np.float32],
    coverage: npt.NDArray[np.float64],
    same_language: npt.NDArray[np.bool_],
    bridge: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """One row per candidate, in FEATURES order.

    lexical is the query's side (how much of the message the claim has),
    coverage the claim's (how much of the claim the message has, by idf).
    Cross-language pairs have lower cosines and no shared words, so the
    language flag and its product with the cosine let the model treat them
    apart. bridge_cross is, for a cross-language pair, the idf-weighted share
    of the English side's terms that the other side has in the shared
    English-stem space (bridge.py: Chinese words glossed by CC-CEDICT):
    the English side, because glossing a Chinese text adds several stems
    per word and would dilute a share taken over them (both sides, and the
    message's side alone, were tried: worse on TRAIN folds).
    Features comparing a candidate with the others (its lead over the second
    best, its cosine above the query's mean) and a second, per-message
    classifier for "no match" were tried and left out: they did not help on
    folds of TRAIN, and lead-over-the-rest features grow as the index
    shrinks, making a small index overconfident.
    """
    d = dense.astype(np.float64)
    same = same_language.astype(np.float64)
    return np.column_stack([d, lexical.astype(np.float64), coverage, same, d * same, bridge * (1.0 - same)])


@dataclass(frozen=True)
class Calibration:
    weights: tuple[float, ...]
    bias: float
    threshold: float
    """The default no-match threshold, chosen on the TRAIN split."""

    def probability(self, rows: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        # einsum, not @: a BLAS call per match costs more in thread hand-offs than the product.
        logits = np.einsum("ij,j->i", rows, np.asarray(self.weights, dtype=np.float64)) + self.bias
        out: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-logits))
        return out

    def to_json(self) -> str:
        return json.dumps(
            {"features": FEATURES, "weights": self.weights, "bias": self.bias, "threshold": self.threshold},
            indent=2,
        )

    @classmethod
    def load(cls, path: Path = CALIBRATION_FILE) -> Calibration:
        raw = json.loads(path.read_text())
        if tuple(raw["features"]) != FEATURES:
            raise ValueError(f"{path} was fitted for features {raw['features']}, not {FEATURES}")
        return cls(tuple(float(w) for w in raw["weights"]), float(raw["bias"]), float(raw["threshold"]))


def fit_calibration(rows: npt.NDArray[np.float64], labels: Sequence[bool], threshold: float) -> Calibration:
    """Logistic regression (scikit-learn, L2, lbfgs) of labels on feature rows."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=10.0, max_iter=1000)
    model.fit(rows, np.asarray(labels, dtype=bool))
    return Calibration(tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]), threshold)


@dataclass(frozen=True)
class ThresholdChoice:
    threshold: float
    precision: float
    recall: float


def precision_recall(decisions: Sequence[tuple[float, bool]], threshold: float) -> tuple[float, float]:
    """Of decisions (score, reviewer said right): precision and recall of "score >= threshold"."""
    scores = np.asarray([s for s, _ in decisions], dtype=np.float64)
    right = np.asarray([r for _, r in decisions], dtype=bool)
    accepted = scores >= threshold
    true_positive = int(np.sum(accepted & right))
    precision = true_positive / int(accepted.sum()) if accepted.any() else 1.0
    recall = true_positive / int(right.sum()) if right.any() else 1.0
    return precision, recall


def best_f1_threshold(decisions: Sequence[tuple[float, bool]]) -> ThresholdChoice:
    """The threshold with the highest F1 among the decisions' own scores (ties: the higher threshold).

    Candidate thresholds are the scores themselves: accepting score >= s for
    each observed s covers every distinct split of the decisions.
    """
    best: ThresholdChoice | None = None
    best_f1 = -1.0
    for threshold in sorted({s for s, _ in decisions}, reverse=True):
        precision, recall = precision_recall(decisions, threshold)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if f1 > best_f1 + 1e-12:
            best, best_f1 = ThresholdChoice(threshold, precision, recall), f1
    assert best is not None
    return best
