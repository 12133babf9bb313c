"""Claim matching for the fact-check base: hybrid BM25 + dense retrieval with a calibrated no-match.

text.py normalises and segments (NFKC, OpenCC s2twp, jieba_fast_dat with the
Traditional big dictionary, PyStemmer), lexical.py is BM25 (bm25s),
matcher.py holds the vectors and ranks, calibration.py turns component scores
into probabilities and fits thresholds, gateway.py is the embedder as the
inference service serves it. No grpc outside gateway.py; nothing here
touches the database (the service stores claims and their vectors and
upserts them here on start and on change).
"""

from jipan.servers.factcheck.matching.gateway import gateway_embedder
from jipan.servers.factcheck.matching.matcher import (
    ClaimMatcher,
    Embedder,
    IndexedClaim,
    MatchCandidate,
    MatchOutcome,
    ThresholdFit,
)

__all__ = [
    "ClaimMatcher",
    "Embedder",
    "IndexedClaim",
    "MatchCandidate",
    "MatchOutcome",
    "ThresholdFit",
    "gateway_embedder",
]
