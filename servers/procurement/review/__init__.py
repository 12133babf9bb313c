"""Listing review engine: SBOM intake, OSV advisories, licence and SLA policy, decisions.

Pure domain code (no gRPC, no storage): the procurement servicer and store call
it. See `policy.review_software` / `policy.review_cloud` for the entry points.
"""

from __future__ import annotations

from .advisories import (
    Advisory,
    AdvisoryIndex,
    AdvisoryRow,
    ImportResult,
    PackageKey,
    VulnerabilityMatch,
    canonical_ecosystem,
    normalise_package_name,
    package_key_of_purl,
)
from .licences import (
    DeclaredLicenceTerms,
    Distribution,
    LicenceCategory,
    LicenceClassification,
    LicenceIssue,
    LicenceOption,
    LicencePolicy,
)
from .policy import (
    Decision,
    Finding,
    FindingKind,
    Outcome,
    ReviewPolicy,
    SubjectKind,
    canonical_json,
    decision_digest,
    review_cloud,
    review_software,
    sbom_package_keys,
)
from .sbom import (
    DEFAULT_MAX_SBOM_BYTES,
    SUPPORTED_SPEC_VERSIONS,
    ParsedSbom,
    SbomComponent,
    SbomFormat,
    parse_sbom,
)
from .severity import Severity
from .sla import LabReport, SlaAttestation, SlaCheck, SlaPolicy, SupportHours, check_sla

__all__ = [
    "DEFAULT_MAX_SBOM_BYTES",
    "SUPPORTED_SPEC_VERSIONS",
    "Advisory",
    "AdvisoryIndex",
    "AdvisoryRow",
    "Decision",
    "DeclaredLicenceTerms",
    "Distribution",
    "Finding",
    "FindingKind",
    "ImportResult",
    "LabReport",
    "LicenceCategory",
    "LicenceClassification",
    "LicenceIssue",
    "LicenceOption",
    "LicencePolicy",
    "Outcome",
    "PackageKey",
    "ParsedSbom",
    "ReviewPolicy",
    "SbomComponent",
    "SbomFormat",
    "Severity",
    "SlaAttestation",
    "SlaCheck",
    "SlaPolicy",
    "SubjectKind",
    "SupportHours",
    "VulnerabilityMatch",
    "canonical_ecosystem",
    "canonical_json",
    "check_sla",
    "decision_digest",
    "normalise_package_name",
    "package_key_of_purl",
    "parse_sbom",
    "review_cloud",
    "review_software",
    "sbom_package_keys",
]
