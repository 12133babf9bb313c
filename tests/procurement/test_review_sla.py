"""Cloud SLA attestation (ISO/IEC 19086 / CNS 19086): thresholds, lab-report rule, bad values."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from jipan.servers.procurement.review import (
    FindingKind,
    LabReport,
    Outcome,
    ReviewPolicy,
    SlaAttestation,
    SlaCheck,
    SlaPolicy,
    SupportHours,
    check_sla,
    decision_digest,
    reasons,
    review_cloud,
)
from jipan.servers.runtime.errors import InvalidArgument

NOW = datetime(2026, 11, 28, tzinfo=UTC)

GOOD = SlaAttestation(
    availability_percent=99.95,
    recovery_time_objective=timedelta(hours=2),
    recovery_point_objective=timedelta(minutes=15),
    support_hours=SupportHours.ALWAYS,
    data_locations=("TW",),
    incident_notification=timedelta(minutes=30),
)

POOR = SlaAttestation(
    availability_percent=99.0,
    recovery_time_objective=timedelta(hours=24),
    recovery_point_objective=timedelta(hours=12),
    support_hours=SupportHours.BUSINESS_HOURS,
    data_locations=("TW", "US"),
    incident_notification=timedelta(hours=72),
)


def test_good_sla_is_approved() -> None:
    decision = review_cloud(GOOD, ReviewPolicy(), now=NOW)
    assert decision.outcome is Outcome.APPROVED
    assert decision.findings == ()
    assert decision.subject_sha256 == GOOD.digest()
    assert decision.lab_report_reference == ""


def test_every_shortfall_is_a_finding() -> None:
    decision = review_cloud(POOR, ReviewPolicy(), now=NOW)
    assert decision.outcome is Outcome.CHANGES_REQUESTED
    assert {f.sla_check for f in decision.findings} == {
        SlaCheck.AVAILABILITY,
        SlaCheck.RECOVERY_TIME_OBJECTIVE,
        SlaCheck.RECOVERY_POINT_OBJECTIVE,
        SlaCheck.SUPPORT_HOURS,
        SlaCheck.DATA_LOCATION,
        SlaCheck.INCIDENT_NOTIFICATION,
    }
    assert all(f.kind is FindingKind.SLA and f.blocking for f in decision.findings)
    location = next(f for f in decision.findings if f.sla_check is SlaCheck.DATA_LOCATION)
    assert location.key == "SLA|DATA_LOCATION"
    assert "US" in location.message


def test_thresholds_are_parameters() -> None:
    lenient = SlaPolicy(
        min_availability_percent=98.0,
        max_recovery_time_objective=timedelta(days=1),
        max_recovery_point_objective=timedelta(days=1),
        min_support_hours=SupportHours.BUSINESS_HOURS,
        allowed_data_locations=frozenset({"TW", "US"}),
        max_incident_notification=timedelta(days=3),
    )
    assert check_sla(POOR, lenient, now=NOW) == (False, ())
    assert review_cloud(POOR, ReviewPolicy(sla=lenient), now=NOW).outcome is Outcome.APPROVED


def test_valid_cns_19086_lab_report_skips_the_platform_checks() -> None:
    report = LabReport(
        reference="TAF-LAB-19086-2026-0042",
        standard="CNS 19086",
        laboratory="an accredited lab",
        valid=True,
        expires_at=NOW + timedelta(days=365),
    )
    decision = review_cloud(replace(POOR, lab_report=report), ReviewPolicy(), now=NOW)
    assert decision.outcome is Outcome.APPROVED
    assert decision.findings == ()
    assert decision.lab_report_reference == "TAF-LAB-19086-2026-0042"


@pytest.mark.parametrize(
    "report",
    [
        LabReport(reference="R-1", valid=False),
        LabReport(reference="", valid=True),
        LabReport(reference="R-1", standard="ISO 9001", valid=True),
        LabReport(reference="R-1", valid=True, expires_at=NOW - timedelta(days=1)),
    ],
)
def test_invalid_lab_report_does_not_skip(report: LabReport) -> None:
    decision = review_cloud(replace(POOR, lab_report=report), ReviewPolicy(), now=NOW)
    assert decision.outcome is Outcome.CHANGES_REQUESTED
    lab = next(f for f in decision.findings if f.sla_check is SlaCheck.LAB_REPORT)
    assert not lab.blocking
    assert len(decision.blocking_findings) == 6
    # With a good SLA the rejected report is only a note.
    assert review_cloud(replace(GOOD, lab_report=report), ReviewPolicy(), now=NOW).outcome is Outcome.APPROVED


def test_sla_risk_acceptance() -> None:
    accepted = {"SLA|DATA_LOCATION": "backups in a US region approved by the agency's CISO"}
    only_location = replace(GOOD, data_locations=("TW", "US"))
    decision = review_cloud(only_location, ReviewPolicy(), accepted_risks=accepted, now=NOW)
    assert decision.outcome is Outcome.APPROVED
    (finding,) = decision.accepted_findings
    assert finding.justification == accepted["SLA|DATA_LOCATION"]
    assert decision_digest(decision) != decision_digest(review_cloud(only_location, ReviewPolicy(), now=NOW))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"availability_percent": 101.0}, "sla.availability_percent"),
        ({"availability_percent": 0.0}, "sla.availability_percent"),
        ({"recovery_time_objective": timedelta(hours=-1)}, "sla.recovery_time_objective"),
        ({"data_locations": ()}, "sla.data_locations"),
        ({"data_locations": ("Taiwan",)}, "sla.data_locations[0]"),
    ],
)
def test_invalid_values_are_refused(change: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        review_cloud(replace(GOOD, **change), ReviewPolicy(), now=NOW)  # type: ignore[arg-type]
    assert caught.value.reason == reasons.SLA_INVALID
    assert [v.field for v in caught.value.field_violations] == [field]
