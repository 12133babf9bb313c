"""The listing review gate: findings from SBOM and SLA checks, a decision, and its digest.

A listing is APPROVED when no finding blocks. A reviewer with the agency role may
accept a finding's risk with a justification: the finding stays in the decision,
marked accepted, and no longer blocks. The decision's digest — a SHA-256 over a
canonical JSON of the subject's hash, the outcome and the findings — is what the
ledger anchors, so it leaves out human-readable messages (rewording one must not
change a digest) and sorts everything.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum
from typing import Any

from .advisories import AdvisoryIndex, PackageKey, package_key_of_purl
from .licences import DeclaredLicenceTerms, LicenceCategory, LicenceIssue, LicencePolicy
from .sbom import ParsedSbom, SbomComponent
from .severity import Severity
from .sla import SlaAttestation, SlaCheck, SlaPolicy, check_sla

DIGEST_FORMAT = "jipan.procurement.review.decision/1"


class Outcome(Enum):
    APPROVED = "APPROVED"
    CHANGES_REQUESTED = "CHANGES_REQUESTED"


class FindingKind(Enum):
    VULNERABILITY = "VULNERABILITY"
    LICENCE = "LICENCE"
    SLA = "SLA"


class SubjectKind(Enum):
    SBOM = "SBOM"
    SLA = "SLA"


@dataclass(frozen=True, slots=True)
class Finding:
    kind: FindingKind
    # Stable identity of the finding, what a risk acceptance names:
    #   VULNERABILITY|<purl>|<advisory id>, LICENCE|<component>|<issue>, SLA|<check>
    key: str
    message: str
    # Whether the finding blocks approval unless its risk is accepted.
    blocking: bool
    component_purl: str = ""
    component_name: str = ""
    component_version: str = ""
    advisory_id: str = ""
    aliases: tuple[str, ...] = ()
    severity: Severity | None = None
    cvss_score: float | None = None
    fixed_version: str = ""
    licence_expression: str = ""
    licence_category: LicenceCategory | None = None
    licence_issue: LicenceIssue | None = None
    sla_check: SlaCheck | None = None
    accepted: bool = False
    justification: str = ""

    @property
    def blocks(self) -> bool:
        return self.blocking and not self.accepted

    def canonical(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "key": self.key,
            "blocking": self.blocking,
            "component_purl": self.component_purl,
            "component_name": self.component_name,
            "component_version": self.component_version,
            "advisory_id": self.advisory_id,
            "aliases": sorted(self.aliases),
            "severity": self.severity.value if self.severity else None,
            "cvss_score": None if self.cvss_score is None else f"{self.cvss_score:.1f}",
            "fixed_version": self.fixed_version,
            "licence_expression": self.licence_expression,
            "licence_category": self.licence_category.value if self.licence_category else None,
            "licence_issue": self.licence_issue.value if self.licence_issue else None,
            "sla_check": self.sla_check.value if self.sla_check else None,
            "accepted": self.accepted,
            "justification": self.justification,
        }


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: Outcome
    subject_kind: SubjectKind
    # SHA-256 of the SBOM's raw bytes, or of the SLA attestation's canonical JSON.
    subject_sha256: bytes
    findings: tuple[Finding, ...]
    policy_version: str
    # Set when a valid CNS 19086 lab report stood in for the platform's SLA checks.
    lab_report_reference: str = ""

    @property
    def blocking_findings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.blocks)

    @property
    def accepted_findings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.accepted)

    def canonical(self) -> dict[str, Any]:
        return {
            "format": DIGEST_FORMAT,
            "subject_kind": self.subject_kind.value,
            "subject_sha256": self.subject_sha256.hex(),
            "outcome": self.outcome.value,
            "policy_version": self.policy_version,
            "lab_report_reference": self.lab_report_reference,
            "findings": [f.canonical() for f in sorted(self.findings, key=lambda f: f.key)],
        }


def canonical_json(decision: Decision) -> bytes:
    """The bytes that `decision_digest` hashes: sorted keys, no whitespace, UTF-8."""
    return json.dumps(
        decision.canonical(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode()


def decision_digest(decision: Decision) -> bytes:
    return hashlib.sha256(canonical_json(decision)).digest()


@dataclass(frozen=True)
class ReviewPolicy:
    # Part of every digest: a decision is reproducible only under the same policy.
    version: str = "2026-12"  # 2026-12: an unclassified licence is always a finding
    # Vulnerabilities at or above this severity block.
    block_severity: Severity = Severity.MEDIUM
    # A vulnerability whose record gives no usable severity blocks (fail closed).
    block_unknown_severity: bool = True
    licences: LicencePolicy = field(default_factory=LicencePolicy)
    sla: SlaPolicy = field(default_factory=SlaPolicy)


def _component_label(component: SbomComponent) -> str:
    if component.purl:
        return component.purl
    if component.bom_ref:
        return component.bom_ref
    return f"{component.name}@{component.version}"


def _finalise(
    findings: Iterable[Finding], accepted_risks: Mapping[str, str]
) -> tuple[tuple[Finding, ...], Outcome]:
    by_key: dict[str, Finding] = {}
    for finding in findings:
        by_key.setdefault(finding.key, finding)
    out = []
    for key in sorted(by_key):
        finding = by_key[key]
        justification = accepted_risks.get(key)
        if justification is not None and justification.strip():
            finding = replace(finding, accepted=True, justification=justification.strip())
        out.append(finding)
    outcome = Outcome.CHANGES_REQUESTED if any(f.blocks for f in out) else Outcome.APPROVED
    return tuple(out), outcome


def vulnerability_findings(
    components: Iterable[SbomComponent], index: AdvisoryIndex, policy: ReviewPolicy
) -> Iterable[Finding]:
    for component in components:
        if not component.purl:
            continue
        keyed = package_key_of_purl(component.purl)
        if keyed is None:
            continue
        key, purl_version = keyed
        version = purl_version or component.version
        for match in index.match_package(key, version):
            if match.severity is Severity.UNKNOWN:
                blocking = policy.block_unknown_severity
            else:
                blocking = match.severity.at_least(policy.block_severity)
            aliases = ", ".join(match.aliases)
            fix = f"; fixed in {match.fixed_version}" if match.fixed_version else "; no fixed version"
            yield Finding(
                kind=FindingKind.VULNERABILITY,
                key=f"VULNERABILITY|{component.purl}|{match.advisory_id}",
                message=f"{component.purl} is affected by {match.advisory_id}"
                + (f" ({aliases})" if aliases else "")
                + f", severity {match.severity.value}{fix}",
                blocking=blocking,
                component_purl=component.purl,
                component_name=component.name,
                component_version=version,
                advisory_id=match.advisory_id,
                aliases=match.aliases,
                severity=match.severity,
                cvss_score=match.cvss_score,
                fixed_version=match.fixed_version,
            )


def licence_findings(
    components: Iterable[SbomComponent], declared: DeclaredLicenceTerms, policy: LicencePolicy
) -> Iterable[Finding]:
    """Every declared licence of every component is judged, never only the first: the SPDX
    ids and expressions together (they all apply) and each free-text name on its own. One
    that the policy cannot classify is a finding whatever the distribution (blocking per
    `policy.block_unknown`), never silence."""
    for component in components:
        label = _component_label(component)
        judged: list[tuple[str, LicenceCategory, LicenceIssue]] = []
        spdx = component.licence_expression
        licences = [(spdx, policy.classify(spdx))] if spdx else []
        licences += [(name, policy.classify_name(name)) for name in component.licence_names]
        for expression, classification in licences:
            option, issue = policy.choose(classification, declared)
            if issue is not None:
                judged.append((expression, option.category if option else LicenceCategory.UNKNOWN, issue))
        if not licences:
            judged.append(("", LicenceCategory.UNKNOWN, LicenceIssue.NO_LICENCE))
        for expression, category, issue in judged:
            unknown = issue in (LicenceIssue.NO_LICENCE, LicenceIssue.UNKNOWN_LICENCE)
            yield Finding(
                kind=FindingKind.LICENCE,
                key=f"LICENCE|{label}|{issue.value}",
                message=_licence_message(label, expression, issue, declared, category),
                blocking=policy.block_unknown if unknown else True,
                component_purl=component.purl,
                component_name=component.name,
                component_version=component.version,
                licence_expression=expression,
                licence_category=category,
                licence_issue=issue,
            )


def _licence_message(
    label: str,
    expression: str,
    issue: LicenceIssue,
    declared: DeclaredLicenceTerms,
    category: LicenceCategory | None,
) -> str:
    if issue is LicenceIssue.NO_LICENCE:
        return f"{label} declares no licence"
    if issue is LicenceIssue.UNKNOWN_LICENCE:
        guess = (
            f" (its name suggests {category.value.lower().replace('_', ' ')}: a reviewer confirms)"
            if category is not None and category is not LicenceCategory.UNKNOWN
            else ""
        )
        return f"{label} is under {expression!r}, which the licence policy does not classify{guess}"
    if issue is LicenceIssue.COPYLEFT_IN_PROPRIETARY:
        return f"{label} is under {expression}, copyleft, in a product distributed as proprietary"
    if issue is LicenceIssue.NETWORK_COPYLEFT_IN_SERVICE:
        return f"{label} is under {expression}, whose copyleft reaches users of a network service"
    if issue is LicenceIssue.PROPRIETARY_IN_OPEN_SOURCE:
        return f"{label} is under a proprietary licence ({expression}) in a product released as open source"
    return f"{label} is under {expression}, strong copyleft, but the listing declares {declared.expression!r}"


def review_software(
    parsed_sbom: ParsedSbom,
    index: AdvisoryIndex,
    declared_licence_terms: DeclaredLicenceTerms,
    policy: ReviewPolicy,
    *,
    accepted_risks: Mapping[str, str] | None = None,
) -> Decision:
    """Decide a packaged-software listing from its SBOM.

    `accepted_risks` maps finding keys to the reviewer's justification.
    """
    components = parsed_sbom.components
    findings = [
        *vulnerability_findings(components, index, policy),
        *licence_findings(components, declared_licence_terms, policy.licences),
    ]
    final, outcome = _finalise(findings, accepted_risks or {})
    return Decision(
        outcome=outcome,
        subject_kind=SubjectKind.SBOM,
        subject_sha256=parsed_sbom.sha256,
        findings=final,
        policy_version=policy.version,
    )


def review_cloud(
    sla: SlaAttestation,
    policy: ReviewPolicy,
    *,
    accepted_risks: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> Decision:
    """Decide a cloud-service listing from its SLA attestation (InvalidArgument if it is malformed)."""
    lab_accepted, shortfalls = check_sla(sla, policy.sla, now=now)
    findings = [
        Finding(
            kind=FindingKind.SLA,
            key=f"SLA|{s.check.value}",
            message=s.message,
            blocking=s.blocking,
            sla_check=s.check,
        )
        for s in shortfalls
    ]
    final, outcome = _finalise(findings, accepted_risks or {})
    return Decision(
        outcome=outcome,
        subject_kind=SubjectKind.SLA,
        subject_sha256=sla.digest(),
        findings=final,
        policy_version=policy.version,
        lab_report_reference=sla.lab_report.reference if lab_accepted and sla.lab_report else "",
    )


def sbom_package_keys(parsed_sbom: ParsedSbom) -> frozenset[PackageKey]:
    """The (ecosystem, package) keys of an SBOM's components: store them beside a listing
    so that `ImportResult.affected_packages` finds the listings to re-evaluate."""
    keys = set()
    for component in parsed_sbom.components:
        if component.purl:
            keyed = package_key_of_purl(component.purl)
            if keyed is not None:
                keys.add(keyed[0])
    return frozenset(keys)
