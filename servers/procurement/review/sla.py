"""Cloud-service SLA attestation modelled on ISO/IEC 19086-1 (CNS 19086) and the checks on it.

The attestation carries the SLA components the joint supply contract asks of
cloud services: availability, recovery time and point objectives, support
hours, where customer data is stored, how fast incidents are notified, and
optionally a third-party laboratory's CNS 19086 report. By the seed's rule a
valid lab report stands in for the platform's own checks.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any

from jipan.servers.runtime.errors import FieldViolation, InvalidArgument

from . import reasons

LAB_REPORT_STANDARDS = frozenset({"CNS 19086", "ISO/IEC 19086", "ISO/IEC 19086-1"})


class SupportHours(Enum):
    """Support coverage, narrowest first."""

    BUSINESS_HOURS = "BUSINESS_HOURS"  # working days, office hours (5x8)
    EXTENDED_HOURS = "EXTENDED_HOURS"  # every day, extended hours (7x12)
    ALWAYS = "ALWAYS"  # 24x7

    @property
    def coverage(self) -> int:
        return {"BUSINESS_HOURS": 0, "EXTENDED_HOURS": 1, "ALWAYS": 2}[self.value]


@dataclass(frozen=True, slots=True)
class LabReport:
    """A third-party laboratory's CNS 19086 assessment of the service."""

    reference: str
    standard: str = "CNS 19086"
    laboratory: str = ""
    # Whether the platform (or the laboratory's registry) confirmed the report as valid.
    valid: bool = False
    expires_at: datetime | None = None

    def is_valid(self, now: datetime) -> bool:
        if not self.reference.strip() or not self.valid:
            return False
        if self.standard.strip() not in LAB_REPORT_STANDARDS:
            return False
        return self.expires_at is None or self.expires_at > now


@dataclass(frozen=True, slots=True)
class SlaAttestation:
    availability_percent: float
    recovery_time_objective: timedelta
    recovery_point_objective: timedelta
    support_hours: SupportHours
    # ISO 3166-1 alpha-2 codes of every place customer data is stored (backups included).
    data_locations: tuple[str, ...]
    incident_notification: timedelta
    lab_report: LabReport | None = None

    def validate(self) -> None:
        """InvalidArgument(SLA_INVALID) with field violations for values no SLA can have."""
        violations: list[FieldViolation] = []

        def bad(name: str, description: str) -> None:
            violations.append(FieldViolation(name, description, reasons.SLA_INVALID))

        if not 0.0 < self.availability_percent <= 100.0:
            bad("sla.availability_percent", "must be in (0, 100]")
        for name, value in (
            ("sla.recovery_time_objective", self.recovery_time_objective),
            ("sla.recovery_point_objective", self.recovery_point_objective),
            ("sla.incident_notification", self.incident_notification),
        ):
            if value < timedelta(0):
                bad(name, "must not be negative")
        if not self.data_locations:
            bad("sla.data_locations", "at least one location is required")
        for i, code in enumerate(self.data_locations):
            if len(code) != 2 or not code.isascii() or not code.isalpha() or not code.isupper():
                bad(f"sla.data_locations[{i}]", "must be an ISO 3166-1 alpha-2 code")
        if violations:
            raise InvalidArgument(
                reasons.SLA_INVALID,
                "SLA attestation has invalid values",
                domain=reasons.PROCUREMENT_DOMAIN,
                field_violations=violations,
            )

    def canonical(self) -> dict[str, Any]:
        report = self.lab_report
        return {
            "availability_percent": repr(float(self.availability_percent)),
            "recovery_time_objective_s": int(self.recovery_time_objective.total_seconds()),
            "recovery_point_objective_s": int(self.recovery_point_objective.total_seconds()),
            "support_hours": self.support_hours.value,
            "data_locations": sorted(self.data_locations),
            "incident_notification_s": int(self.incident_notification.total_seconds()),
            "lab_report": None
            if report is None
            else {
                "reference": report.reference,
                "standard": report.standard,
                "laboratory": report.laboratory,
                "valid": report.valid,
                "expires_at": report.expires_at.isoformat() if report.expires_at else None,
            },
        }

    def digest(self) -> bytes:
        body = json.dumps(self.canonical(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(body.encode()).digest()


@dataclass(frozen=True, slots=True)
class SlaPolicy:
    min_availability_percent: float = 99.5
    max_recovery_time_objective: timedelta = timedelta(hours=4)
    max_recovery_point_objective: timedelta = timedelta(hours=1)
    min_support_hours: SupportHours = SupportHours.ALWAYS
    # Government data stays in Taiwan unless the policy says otherwise.
    allowed_data_locations: frozenset[str] = frozenset({"TW"})
    # Taiwan's Cyber Security Management Act has agencies report an incident
    # within one hour of learning of it; a supplier must tell them sooner than that.
    max_incident_notification: timedelta = timedelta(hours=1)


class SlaCheck(Enum):
    AVAILABILITY = "AVAILABILITY"
    RECOVERY_TIME_OBJECTIVE = "RECOVERY_TIME_OBJECTIVE"
    RECOVERY_POINT_OBJECTIVE = "RECOVERY_POINT_OBJECTIVE"
    SUPPORT_HOURS = "SUPPORT_HOURS"
    DATA_LOCATION = "DATA_LOCATION"
    INCIDENT_NOTIFICATION = "INCIDENT_NOTIFICATION"
    LAB_REPORT = "LAB_REPORT"


@dataclass(frozen=True, slots=True)
class SlaShortfall:
    check: SlaCheck
    message: str
    # False for notes that do not block (e.g. a lab report that was not accepted).
    blocking: bool = True
    detail: tuple[tuple[str, str], ...] = field(default=())


def _hours(value: timedelta) -> str:
    return f"{value.total_seconds() / 3600:g} h"


def check_sla(
    sla: SlaAttestation, policy: SlaPolicy, *, now: datetime | None = None
) -> tuple[bool, Sequence[SlaShortfall]]:
    """(lab report accepted, shortfalls). With an accepted lab report there are no shortfalls."""
    sla.validate()
    moment = now or datetime.now(UTC)
    shortfalls: list[SlaShortfall] = []
    if sla.lab_report is not None:
        if sla.lab_report.is_valid(moment):
            return True, ()
        shortfalls.append(
            SlaShortfall(
                SlaCheck.LAB_REPORT,
                f"lab report {sla.lab_report.reference!r} is not a valid, current CNS 19086 report; "
                "the platform's own checks apply",
                blocking=False,
                detail=(("reference", sla.lab_report.reference),),
            )
        )
    if sla.availability_percent < policy.min_availability_percent:
        shortfalls.append(
            SlaShortfall(
                SlaCheck.AVAILABILITY,
                f"availability {sla.availability_percent:g}% is below {policy.min_availability_percent:g}%",
                detail=(("minimum", f"{policy.min_availability_percent:g}"),),
            )
        )
    if sla.recovery_time_objective > policy.max_recovery_time_objective:
        shortfalls.append(
            SlaShortfall(
                SlaCheck.RECOVERY_TIME_OBJECTIVE,
                f"RTO {_hours(sla.recovery_time_objective)} exceeds "
                f"{_hours(policy.max_recovery_time_objective)}",
            )
        )
    if sla.recovery_point_objective > policy.max_recovery_point_objective:
        shortfalls.append(
            SlaShortfall(
                SlaCheck.RECOVERY_POINT_OBJECTIVE,
                f"RPO {_hours(sla.recovery_point_objective)} exceeds "
                f"{_hours(policy.max_recovery_point_objective)}",
            )
        )
    if sla.support_hours.coverage < policy.min_support_hours.coverage:
        shortfalls.append(
            SlaShortfall(
                SlaCheck.SUPPORT_HOURS,
                f"support {sla.support_hours.value} is narrower than {policy.min_support_hours.value}",
            )
        )
    outside = sorted(set(sla.data_locations) - policy.allowed_data_locations)
    if outside:
        shortfalls.append(
            SlaShortfall(
                SlaCheck.DATA_LOCATION,
                f"data stored outside the allowed locations: {', '.join(outside)}",
                detail=(("locations", ",".join(outside)),),
            )
        )
    if sla.incident_notification > policy.max_incident_notification:
        shortfalls.append(
            SlaShortfall(
                SlaCheck.INCIDENT_NOTIFICATION,
                f"incident notification within {_hours(sla.incident_notification)} exceeds "
                f"{_hours(policy.max_incident_notification)}",
            )
        )
    return False, tuple(shortfalls)
