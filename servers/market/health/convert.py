"""Health reports and advisories → jipan.market.v1 messages."""

from __future__ import annotations

from collections.abc import Sequence

from jipan.market.v1 import resources_pb2 as mres
from jipan.servers.market.advisories.client import KnownAdvisory
from jipan.servers.market.catalog.convert import timestamp
from jipan.servers.market.health.checks import Badge, Check, HealthReport, Risk

_CHECKS = {
    Check.RELEASE_RECENCY: mres.HEALTH_CHECK_KIND_RELEASE_RECENCY,
    Check.LICENCE: mres.HEALTH_CHECK_KIND_LICENCE,
    Check.SECURITY_POLICY: mres.HEALTH_CHECK_KIND_SECURITY_POLICY,
    Check.SIGNED_RELEASES: mres.HEALTH_CHECK_KIND_SIGNED_RELEASES,
    Check.VULNERABILITIES: mres.HEALTH_CHECK_KIND_VULNERABILITIES,
    Check.MAINTAINERS: mres.HEALTH_CHECK_KIND_MAINTAINERS,
}
_RISKS = {
    Risk.LOW: mres.RISK_LEVEL_LOW,
    Risk.MEDIUM: mres.RISK_LEVEL_MEDIUM,
    Risk.HIGH: mres.RISK_LEVEL_HIGH,
    Risk.CRITICAL: mres.RISK_LEVEL_CRITICAL,
}
_BADGES = {
    Badge.VERIFIED_PUBLISHER: mres.BADGE_VERIFIED_PUBLISHER,
    Badge.OFFICIAL: mres.BADGE_OFFICIAL,
    Badge.SIGNED: mres.BADGE_SIGNED,
    Badge.NO_KNOWN_ADVISORIES: mres.BADGE_NO_KNOWN_ADVISORIES,
    Badge.LICENCE_APPROVED: mres.BADGE_LICENCE_APPROVED,
    Badge.HEALTHY: mres.BADGE_HEALTHY,
}
_SEVERITIES = {
    "LOW": mres.SEVERITY_LOW,
    "MEDIUM": mres.SEVERITY_MEDIUM,
    "HIGH": mres.SEVERITY_HIGH,
    "CRITICAL": mres.SEVERITY_CRITICAL,
}


def badges_to_pb(badges: Sequence[Badge]) -> list[mres.Badge.ValueType]:
    return [_BADGES[b] for b in badges]


def health_to_pb(report: HealthReport) -> mres.HealthReport:
    return mres.HealthReport(
        name=f"projects/{report.project_id}/health",
        version=report.version,
        checks=[
            mres.HealthCheck(
                kind=_CHECKS[c.check],
                score=c.score,
                risk=_RISKS[c.risk],
                reason=c.reason,
                evidence=list(c.evidence),
            )
            for c in report.checks
        ],
        score=report.score,
        badges=badges_to_pb(report.badges),
        evaluate_time=timestamp(report.evaluate_time),
    )


def advisory_to_pb(advisory: KnownAdvisory) -> mres.Advisory:
    return mres.Advisory(
        id=advisory.id,
        aliases=list(advisory.aliases),
        summary=advisory.summary,
        severity=_SEVERITIES.get(advisory.severity, mres.SEVERITY_UNSPECIFIED),
        cvss_score=advisory.cvss_score,
        cvss_vector=advisory.cvss_vector,
        fixed_version=advisory.fixed_version,
    )
