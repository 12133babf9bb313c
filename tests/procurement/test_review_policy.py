"""The listing review gate on SBOMs: decisions, findings, risk acceptance, digests."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from jipan.servers.procurement.review import (
    AdvisoryIndex,
    DeclaredLicenceTerms,
    Distribution,
    FindingKind,
    LicenceCategory,
    LicenceIssue,
    LicencePolicy,
    Outcome,
    ParsedSbom,
    ReviewPolicy,
    Severity,
    SubjectKind,
    canonical_json,
    decision_digest,
    parse_sbom,
    review_software,
    sbom_package_keys,
)

FIXTURES = Path(__file__).parent / "fixtures"
PROPRIETARY = DeclaredLicenceTerms(Distribution.PROPRIETARY)
ADVISORIES = ("GHSA-jfh8-c2jp-5v3q", "GHSA-35jh-r3h4-6jhm", "GHSA-h5c8-rqwp-cp95", "GHSA-v845-jxx5-vc9f")
LOG4J_KEY = "VULNERABILITY|pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1|GHSA-jfh8-c2jp-5v3q"


def index() -> AdvisoryIndex:
    return AdvisoryIndex.from_records(
        json.loads((FIXTURES / f"{ident}.json").read_text()) for ident in ADVISORIES
    )


def sbom(name: str) -> ParsedSbom:
    media = "application/vnd.cyclonedx+xml" if name.endswith(".xml") else "application/vnd.cyclonedx+json"
    return parse_sbom((FIXTURES / name).read_bytes(), media)


def test_log4j_sbom_needs_changes() -> None:
    parsed = sbom("sbom-1.5-log4j.cdx.json")
    decision = review_software(parsed, index(), PROPRIETARY, ReviewPolicy())
    assert decision.outcome is Outcome.CHANGES_REQUESTED
    assert decision.subject_kind is SubjectKind.SBOM
    assert decision.subject_sha256 == parsed.sha256
    (finding,) = decision.findings
    assert finding.kind is FindingKind.VULNERABILITY
    assert finding.key == LOG4J_KEY
    assert finding.component_purl == "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"
    assert finding.component_version == "2.14.1"
    assert finding.advisory_id == "GHSA-jfh8-c2jp-5v3q"
    assert finding.aliases == ("CVE-2021-44228",)
    assert finding.severity is Severity.CRITICAL
    assert finding.fixed_version == "2.15.0"
    assert finding.blocking
    assert finding.blocks
    assert decision.blocking_findings == (finding,)


def test_clean_sbom_is_approved() -> None:
    decision = review_software(sbom("sbom-1.5-clean.cdx.json"), index(), PROPRIETARY, ReviewPolicy())
    assert decision.outcome is Outcome.APPROVED
    assert decision.findings == ()


def test_xml_sbom_vulnerabilities_and_licence_conflict() -> None:
    decision = review_software(sbom("sbom-1.4.cdx.xml"), index(), PROPRIETARY, ReviewPolicy())
    assert decision.outcome is Outcome.CHANGES_REQUESTED
    by_kind = {(f.kind, f.advisory_id or f.component_name) for f in decision.findings}
    assert by_kind == {
        (FindingKind.VULNERABILITY, "GHSA-35jh-r3h4-6jhm"),
        (FindingKind.VULNERABILITY, "GHSA-v845-jxx5-vc9f"),
        (FindingKind.LICENCE, "readline-gpl"),
    }
    licence = next(f for f in decision.findings if f.kind is FindingKind.LICENCE)
    assert licence.licence_issue is LicenceIssue.COPYLEFT_IN_PROPRIETARY
    assert licence.licence_category is LicenceCategory.STRONG_COPYLEFT
    assert licence.licence_expression == "GPL-3.0-only"
    assert licence.key == "LICENCE|pkg:pypi/readline-gpl@1.0|COPYLEFT_IN_PROPRIETARY"
    # As a network service the GPL component conveys nothing: only the vulnerabilities remain.
    saas = review_software(
        sbom("sbom-1.4.cdx.xml"), index(), DeclaredLicenceTerms(Distribution.SAAS), ReviewPolicy()
    )
    assert {f.kind for f in saas.findings} == {FindingKind.VULNERABILITY}


def test_severity_threshold() -> None:
    policy = ReviewPolicy(block_severity=Severity.HIGH)
    decision = review_software(
        sbom("sbom-1.4.cdx.xml"), index(), DeclaredLicenceTerms(Distribution.SAAS), policy
    )
    blocking = {f.advisory_id for f in decision.blocking_findings}
    # lodash (HIGH, 7.2) blocks; urllib3 (MODERATE) is listed but does not block.
    assert blocking == {"GHSA-35jh-r3h4-6jhm"}
    assert len(decision.findings) == 2


def test_unknown_licence_blocks_only_when_the_policy_says_so() -> None:
    parsed = sbom("sbom-1.5-clean.cdx.json")
    no_licence = replace(
        parsed,
        components=(
            *parsed.components,
            replace(parsed.components[0], purl="pkg:npm/x@1.0.0", licence_ids=()),
        ),
    )
    listed = review_software(no_licence, index(), PROPRIETARY, ReviewPolicy())
    assert listed.outcome is Outcome.APPROVED
    (finding,) = listed.findings
    assert finding.licence_issue is LicenceIssue.NO_LICENCE
    assert not finding.blocking
    strict = ReviewPolicy(licences=LicencePolicy(block_unknown=True))
    assert review_software(no_licence, index(), PROPRIETARY, strict).outcome is Outcome.CHANGES_REQUESTED


def test_risk_acceptance_keeps_the_finding_but_approves() -> None:
    parsed = sbom("sbom-1.5-log4j.cdx.json")
    accepted = {LOG4J_KEY: "JNDI lookups disabled by -Dlog4j2.formatMsgNoLookups=true; upgrade in Q1"}
    decision = review_software(parsed, index(), PROPRIETARY, ReviewPolicy(), accepted_risks=accepted)
    assert decision.outcome is Outcome.APPROVED
    (finding,) = decision.findings
    assert finding.accepted
    assert not finding.blocks
    assert finding.justification == accepted[LOG4J_KEY]
    assert decision.accepted_findings == (finding,)
    # A blank justification accepts nothing; a key for another version accepts nothing.
    blank = review_software(parsed, index(), PROPRIETARY, ReviewPolicy(), accepted_risks={LOG4J_KEY: "  "})
    assert blank.outcome is Outcome.CHANGES_REQUESTED
    other = {LOG4J_KEY.replace("2.14.1", "2.14.0"): "other version"}
    assert review_software(parsed, index(), PROPRIETARY, ReviewPolicy(), accepted_risks=other).outcome is (
        Outcome.CHANGES_REQUESTED
    )


# A golden value: the digest must not drift between runs, processes or releases
# unless the decision (or DIGEST_FORMAT) changes on purpose.
# Policy 2026-12 (an unclassified licence is always a finding); under 2026-11 it was
# ef59352ba0904781e84b0932c9e2214c5947ed5f56ec41207330d36e82ec6af0: only the version changed it.
GOLDEN_LOG4J_DIGEST = "b980758f5e5c557c12bb9b64866ecf33ce20f96b2ba5c486145af1bca539186c"


def test_digest_is_stable() -> None:
    decision = review_software(sbom("sbom-1.5-log4j.cdx.json"), index(), PROPRIETARY, ReviewPolicy())
    digest = decision_digest(decision)
    assert len(digest) == 32
    assert digest == decision_digest(
        review_software(sbom("sbom-1.5-log4j.cdx.json"), index(), PROPRIETARY, ReviewPolicy())
    )
    assert digest.hex() == GOLDEN_LOG4J_DIGEST
    canonical = json.loads(canonical_json(decision))
    assert canonical["subject_sha256"] == decision.subject_sha256.hex()
    assert canonical["outcome"] == "CHANGES_REQUESTED"
    assert "message" not in canonical["findings"][0]


def test_digest_is_the_same_in_another_process() -> None:
    code = (
        "import json, pathlib, sys\n"
        "sys.path.insert(0, '.')\n"
        "from tests.procurement.test_review_policy import PROPRIETARY, index, sbom\n"
        "from jipan.servers.procurement.review import ReviewPolicy, decision_digest, review_software\n"
        "d = review_software(sbom('sbom-1.5-log4j.cdx.json'), index(), PROPRIETARY, ReviewPolicy())\n"
        "print(decision_digest(d).hex())\n"
    )
    root = Path(__file__).resolve().parents[2]
    env_hash_seed = {"PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True, env=env_hash_seed
    )
    decision = review_software(sbom("sbom-1.5-log4j.cdx.json"), index(), PROPRIETARY, ReviewPolicy())
    assert out.stdout.strip() == decision_digest(decision).hex()


def test_digest_changes_with_the_decision() -> None:
    parsed = sbom("sbom-1.5-log4j.cdx.json")
    base = review_software(parsed, index(), PROPRIETARY, ReviewPolicy())
    digest = decision_digest(base)
    changed_finding = replace(base, findings=(replace(base.findings[0], fixed_version="2.16.0"),))
    assert decision_digest(changed_finding) != digest
    assert decision_digest(replace(base, outcome=Outcome.APPROVED)) != digest
    assert decision_digest(replace(base, subject_sha256=bytes(32))) != digest
    assert decision_digest(replace(base, policy_version="other")) != digest
    accepted = review_software(parsed, index(), PROPRIETARY, ReviewPolicy(), accepted_risks={LOG4J_KEY: "ok"})
    assert decision_digest(accepted) != digest
    # Messages are for people: rewording one leaves the digest alone.
    reworded = replace(base, findings=(replace(base.findings[0], message="reworded"),))
    assert decision_digest(reworded) == digest


def test_new_advisory_flags_an_approved_sbom_incrementally() -> None:
    parsed = sbom("sbom-1.5-clean.cdx.json")
    idx = index()
    assert review_software(parsed, idx, PROPRIETARY, ReviewPolicy()).outcome is Outcome.APPROVED
    keys = sbom_package_keys(parsed)
    assert ("Maven", "org.apache.logging.log4j:log4j-core") in keys
    # Synthetic follow-up advisory for the version the clean SBOM uses.
    result = idx.import_records(
        [
            {
                "id": "TEST-LOG4J-2026",
                "modified": "2026-11-01T00:00:00Z",
                "database_specific": {"severity": "HIGH"},
                "affected": [
                    {
                        "package": {"ecosystem": "Maven", "name": "org.apache.logging.log4j:log4j-core"},
                        "ranges": [
                            {"type": "ECOSYSTEM", "events": [{"introduced": "2.17.0"}, {"fixed": "2.17.2"}]}
                        ],
                    }
                ],
            }
        ]
    )
    assert result.affected_packages & keys == {("Maven", "org.apache.logging.log4j:log4j-core")}
    again = review_software(parsed, idx, PROPRIETARY, ReviewPolicy())
    assert again.outcome is Outcome.CHANGES_REQUESTED
    assert [(f.advisory_id, f.fixed_version) for f in again.findings] == [("TEST-LOG4J-2026", "2.17.2")]


@pytest.mark.parametrize(
    ("declared", "blocking_by_default"),
    [
        (PROPRIETARY, False),
        (DeclaredLicenceTerms(Distribution.SAAS), False),
        # There, a licence whose name sounds proprietary conflicts outright.
        (DeclaredLicenceTerms(Distribution.OPEN_SOURCE, "Apache-2.0"), True),
    ],
    ids=lambda v: v.distribution.value if isinstance(v, DeclaredLicenceTerms) else str(v),
)
@pytest.mark.parametrize(
    "licensed",
    [
        {"licence_ids": ("LicenseRef-Acme-Commercial",)},
        {"licence_ids": (), "licence_names": ("Acme Commercial EULA",)},
        # A classified id beside an unclassifiable name: the name is judged too.
        {"licence_ids": ("MIT",), "licence_names": ("Acme Commercial EULA",)},
    ],
    ids=["licenseref", "free-text", "id-and-free-text"],
)
def test_an_unclassifiable_licence_is_a_finding_for_every_distribution(
    declared: DeclaredLicenceTerms, blocking_by_default: bool, licensed: dict[str, Any]
) -> None:
    parsed = sbom("sbom-1.5-clean.cdx.json")
    component = replace(parsed.components[0], purl="pkg:npm/acme-sdk@1.0.0", **licensed)
    acme = replace(parsed, components=(*parsed.components, component))
    decision = review_software(acme, index(), declared, ReviewPolicy())
    (finding,) = decision.findings
    assert finding.kind is FindingKind.LICENCE
    assert finding.component_purl == "pkg:npm/acme-sdk@1.0.0"
    assert finding.blocking is blocking_by_default
    expected = (
        LicenceIssue.PROPRIETARY_IN_OPEN_SOURCE if blocking_by_default else LicenceIssue.UNKNOWN_LICENCE
    )
    assert finding.licence_issue is expected
    strict = ReviewPolicy(licences=LicencePolicy(block_unknown=True))
    assert review_software(acme, index(), declared, strict).outcome is Outcome.CHANGES_REQUESTED
