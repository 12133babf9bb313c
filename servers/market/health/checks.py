"""The health checks, pure: project, versions and advisories in, scored checks with evidence out.

Modelled on OpenSSF Scorecard: each check scores 0-10 (or -1, "not enough
known", left out of the aggregate) and carries a risk level that weighs it
in the aggregate as Scorecard weighs its checks (critical 10, high 7.5,
medium 5, low 2.5). Only what the platform holds is used: registry metadata
(release dates, licence, links, signatures, maintainers) and the OSV store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from jipan.servers.market.advisories.client import KnownAdvisory
from jipan.servers.market.catalog.model import Project, Version


class Check(Enum):
    RELEASE_RECENCY = "RELEASE_RECENCY"
    LICENCE = "LICENCE"
    SECURITY_POLICY = "SECURITY_POLICY"
    SIGNED_RELEASES = "SIGNED_RELEASES"
    VULNERABILITIES = "VULNERABILITIES"
    MAINTAINERS = "MAINTAINERS"


class Risk(Enum):
    LOW = 2.5
    MEDIUM = 5.0
    HIGH = 7.5
    CRITICAL = 10.0


class Badge(Enum):
    VERIFIED_PUBLISHER = "VERIFIED_PUBLISHER"
    OFFICIAL = "OFFICIAL"
    SIGNED = "SIGNED"
    NO_KNOWN_ADVISORIES = "NO_KNOWN_ADVISORIES"
    LICENCE_APPROVED = "LICENCE_APPROVED"
    HEALTHY = "HEALTHY"


@dataclass(frozen=True, slots=True)
class CheckResult:
    check: Check
    score: int
    risk: Risk
    reason: str
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HealthReport:
    project_id: str
    version: str
    checks: tuple[CheckResult, ...]
    score: float
    badges: tuple[Badge, ...]
    evaluate_time: datetime


HEALTHY_SCORE = 7.0


def evaluate(
    project: Project,
    latest: Version | None,
    newest_release_time: datetime | None,
    advisories: Sequence[KnownAdvisory],
    now: datetime,
) -> HealthReport:
    checks = (
        _recency(latest, newest_release_time, now),
        _licence(project),
        _security_policy(project),
        _signed(latest),
        _vulnerabilities(latest, advisories),
        _maintainers(project),
    )
    known = [c for c in checks if c.score >= 0]
    weight = sum(c.risk.value for c in known)
    score = round(sum(c.score * c.risk.value for c in known) / weight, 2) if weight else 0.0
    badges: list[Badge] = []
    if project.publisher:
        badges.append(Badge.VERIFIED_PUBLISHER)
    if project.official:
        badges.append(Badge.OFFICIAL)
    if latest is not None and latest.signed:
        badges.append(Badge.SIGNED)
    if latest is not None and not advisories:
        badges.append(Badge.NO_KNOWN_ADVISORIES)
    if project.licence.approved:
        badges.append(Badge.LICENCE_APPROVED)
    if score >= HEALTHY_SCORE:
        badges.append(Badge.HEALTHY)
    return HealthReport(project.id, project.latest_version, checks, score, tuple(badges), now)


def _day(moment: datetime) -> str:
    return moment.date().isoformat()


def _recency(latest: Version | None, newest: datetime | None, now: datetime) -> CheckResult:
    if newest is None:
        return CheckResult(
            Check.RELEASE_RECENCY, -1, Risk.HIGH, "no release date is known (a POM carries none)", ()
        )
    age = now - newest
    evidence = [f"newest release published {_day(newest)} ({age.days} days ago)"]
    if latest is not None and latest.publish_time is not None:
        evidence.append(f"latest {latest.version} published {_day(latest.publish_time)}")
    if age <= timedelta(days=90):
        return CheckResult(
            Check.RELEASE_RECENCY, 10, Risk.HIGH, "released in the last 90 days", tuple(evidence)
        )
    if age <= timedelta(days=365):
        return CheckResult(Check.RELEASE_RECENCY, 5, Risk.HIGH, "released in the last year", tuple(evidence))
    return CheckResult(Check.RELEASE_RECENCY, 0, Risk.HIGH, "no release in the last year", tuple(evidence))


def _licence(project: Project) -> CheckResult:
    licence = project.licence
    if not licence.expression:
        evidence: tuple[str, ...] = (
            (f"declared: {licence.declared}",) if licence.declared else ("no licence declared",)
        )
        return CheckResult(
            Check.LICENCE, 0, Risk.LOW, "the latest version has no SPDX licence expression", evidence
        )
    evidence = (f"SPDX expression {licence.expression}", f"family {licence.family.value.lower()}")
    if licence.approved:
        return CheckResult(Check.LICENCE, 10, Risk.LOW, "valid SPDX licence, approved by policy", evidence)
    return CheckResult(Check.LICENCE, 5, Risk.LOW, "valid SPDX licence, not on the approved list", evidence)


def _security_policy(project: Project) -> CheckResult:
    if project.security_policy:
        return CheckResult(
            Check.SECURITY_POLICY,
            10,
            Risk.MEDIUM,
            "a security policy is published",
            (f"security policy at {project.security_policy}",),
        )
    return CheckResult(Check.SECURITY_POLICY, 0, Risk.MEDIUM, "the metadata points to no security policy", ())


def _signed(latest: Version | None) -> CheckResult:
    if latest is None:
        return CheckResult(Check.SIGNED_RELEASES, -1, Risk.HIGH, "no version known", ())
    if latest.signed:
        return CheckResult(
            Check.SIGNED_RELEASES,
            10,
            Risk.HIGH,
            "the latest version is signed",
            (f"{latest.version}: signature or provenance in the registry",),
        )
    return CheckResult(
        Check.SIGNED_RELEASES,
        0,
        Risk.HIGH,
        "the latest version carries no signature or provenance",
        (f"{latest.version}: none in the registry metadata",),
    )


def _vulnerabilities(latest: Version | None, advisories: Sequence[KnownAdvisory]) -> CheckResult:
    if latest is None:
        return CheckResult(Check.VULNERABILITIES, -1, Risk.HIGH, "no version known", ())
    if not advisories:
        return CheckResult(
            Check.VULNERABILITIES,
            10,
            Risk.HIGH,
            "no known advisory affects the latest version",
            (f"{latest.purl}: 0 advisories in the OSV store",),
        )
    evidence = tuple(
        f"{a.id} ({a.severity.lower()}) open on {latest.version}"
        + (f", fixed in {a.fixed_version}" if a.fixed_version else ", no fix known")
        for a in advisories
    )
    return CheckResult(
        Check.VULNERABILITIES,
        max(0, 10 - len(advisories)),
        Risk.HIGH,
        f"{len(advisories)} known advisories affect the latest version",
        evidence,
    )


def _maintainers(project: Project) -> CheckResult:
    count = project.maintainer_count
    if count == 0:
        return CheckResult(Check.MAINTAINERS, -1, Risk.LOW, "the metadata names no maintainer", ())
    score = 10 if count >= 3 else 6 if count == 2 else 3
    return CheckResult(
        Check.MAINTAINERS,
        score,
        Risk.LOW,
        f"{count} distinct maintainers named",
        (f"{count} people in the registry metadata",),
    )
