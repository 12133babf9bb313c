"""Fact-checks: the resource, its verdict mappings, ClaimReview and Cofacts interchange, the store."""
