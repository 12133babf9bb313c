"""Advisories per version: procurement's OSV store and matching, called over its gRPC contract.

There is one advisory store in the platform, the one procurement's review
gate keeps (servers/procurement/review/advisories.py, imported with
ListingReviewService.ImportAdvisories); market asks it
(ListingReviewService.MatchAdvisories) instead of keeping a copy.
"""
