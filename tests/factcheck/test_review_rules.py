"""When a reviewer disagrees with the AI, and which labels a decision leaves for the threshold fit."""

from __future__ import annotations

import pytest

from jipan.servers.factcheck.review.types import Outcome, Suggested, Suggestion, disagrees, labels

A, B = "orgs/x/factChecks/a", "orgs/x/factChecks/b"
MATCHED = Suggestion(
    (Suggested(A, 0.8, 0.5, 0.7), Suggested(B, 0.1, 0.0, 0.3)), no_match=False, threshold=0.5
)
UNMATCHED = Suggestion((Suggested(A, 0.3, 0.2, 0.4),), no_match=True, threshold=0.5)


@pytest.mark.parametrize(
    ("suggestion", "outcome", "chosen", "disagreement"),
    [
        (MATCHED, Outcome.MATCH_CONFIRMED, A, False),  # the AI's pick confirmed
        (MATCHED, Outcome.MATCH_CONFIRMED, B, True),  # another candidate was right
        (MATCHED, Outcome.MATCHES_REJECTED, "", True),  # the AI matched, nothing was right
        (MATCHED, Outcome.NEW_FACT_CHECK, "orgs/x/factChecks/new", True),
        (UNMATCHED, Outcome.MATCHES_REJECTED, "", False),  # no match, and there was none
        (UNMATCHED, Outcome.NEW_FACT_CHECK, "orgs/x/factChecks/new", False),
        (UNMATCHED, Outcome.MATCH_CONFIRMED, A, True),  # the AI missed one below its threshold
    ],
)
def test_disagreement(suggestion: Suggestion, outcome: Outcome, chosen: str, disagreement: bool) -> None:
    assert disagrees(suggestion, outcome, chosen) is disagreement


def test_labels_mark_only_the_confirmed_candidate() -> None:
    assert labels(MATCHED, Outcome.MATCH_CONFIRMED, B) == [(A, 0.8, False), (B, 0.1, True)]
    assert labels(MATCHED, Outcome.MATCHES_REJECTED, "") == [(A, 0.8, False), (B, 0.1, False)]
    assert labels(UNMATCHED, Outcome.NEW_FACT_CHECK, "orgs/x/factChecks/new") == [(A, 0.3, False)]


def test_a_suggestion_survives_its_json() -> None:
    assert Suggestion.from_json(MATCHED.to_json()) == MATCHED
    assert MATCHED.pick == A
    assert UNMATCHED.pick is None
