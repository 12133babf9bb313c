"""Licence policy: SPDX classification, OR/AND choice, conflicts with the listing's terms."""

from __future__ import annotations

import pytest

from jipan.servers.procurement.review import (
    DeclaredLicenceTerms,
    Distribution,
    LicenceCategory,
    LicenceIssue,
    LicencePolicy,
)

PROPRIETARY = DeclaredLicenceTerms(Distribution.PROPRIETARY)
SAAS = DeclaredLicenceTerms(Distribution.SAAS)


@pytest.mark.parametrize(
    ("expression", "category"),
    [
        ("MIT", LicenceCategory.PERMISSIVE),
        ("Apache-2.0", LicenceCategory.PERMISSIVE),
        ("BSD-3-Clause", LicenceCategory.PERMISSIVE),
        ("LGPL-2.1-only", LicenceCategory.WEAK_COPYLEFT),
        ("MPL-2.0", LicenceCategory.WEAK_COPYLEFT),
        ("GPL-3.0-or-later", LicenceCategory.STRONG_COPYLEFT),
        ("GPL-2.0+", LicenceCategory.STRONG_COPYLEFT),  # deprecated id, normalised
        ("AGPL-3.0-only", LicenceCategory.STRONG_COPYLEFT),
        ("LicenseRef-Acme-Proprietary", LicenceCategory.PROPRIETARY),
        ("BUSL-1.1", LicenceCategory.PROPRIETARY),
        ("NOT-A-LICENCE-1.0", LicenceCategory.UNKNOWN),
        ("MIT AND ((", LicenceCategory.UNKNOWN),
        # The GPL with a linking exception behaves as weak copyleft.
        ("GPL-2.0-only WITH Classpath-exception-2.0", LicenceCategory.WEAK_COPYLEFT),
        # OR: the licensee takes the most favourable option.
        ("MIT OR GPL-3.0-only", LicenceCategory.PERMISSIVE),
        # AND: every licence applies, the strictest decides.
        ("MIT AND GPL-3.0-only", LicenceCategory.STRONG_COPYLEFT),
        ("(MIT OR GPL-2.0-only) AND (LGPL-2.1-only OR GPL-3.0-only)", LicenceCategory.WEAK_COPYLEFT),
    ],
)
def test_classification(expression: str, category: LicenceCategory) -> None:
    assert LicencePolicy().classify(expression).category is category


def test_options_are_the_disjunctive_normal_form() -> None:
    classification = LicencePolicy().classify("(MIT OR GPL-2.0-only) AND Apache-2.0")
    assert [o.keys for o in classification.options] == [("Apache-2.0", "MIT"), ("Apache-2.0", "GPL-2.0-only")]
    assert classification.expression == "(MIT OR GPL-2.0-only) AND Apache-2.0"


def test_proprietary_product_conflicts_with_strong_copyleft_only() -> None:
    policy = LicencePolicy()
    assert (
        policy.choose(policy.classify("GPL-3.0-only"), PROPRIETARY)[1] is LicenceIssue.COPYLEFT_IN_PROPRIETARY
    )
    assert policy.choose(policy.classify("LGPL-3.0-only"), PROPRIETARY)[1] is None
    assert policy.choose(policy.classify("MIT OR GPL-3.0-only"), PROPRIETARY) == (
        policy.classify("MIT").options[0],
        None,
    )
    strict = LicencePolicy(block_weak_copyleft_in_proprietary=True)
    assert (
        strict.choose(strict.classify("LGPL-3.0-only"), PROPRIETARY)[1]
        is LicenceIssue.COPYLEFT_IN_PROPRIETARY
    )


def test_service_conflicts_with_network_copyleft_only() -> None:
    policy = LicencePolicy()
    assert policy.choose(policy.classify("GPL-3.0-only"), SAAS)[1] is None
    assert (
        policy.choose(policy.classify("AGPL-3.0-or-later"), SAAS)[1]
        is LicenceIssue.NETWORK_COPYLEFT_IN_SERVICE
    )
    assert policy.choose(policy.classify("SSPL-1.0 OR MIT"), SAAS)[1] is None


def test_open_source_listing() -> None:
    policy = LicencePolicy()
    mit = DeclaredLicenceTerms(Distribution.OPEN_SOURCE, "MIT")
    gpl = DeclaredLicenceTerms(Distribution.OPEN_SOURCE, "GPL-3.0-or-later")
    assert (
        policy.choose(policy.classify("GPL-3.0-only"), mit)[1]
        is LicenceIssue.COPYLEFT_INCOMPATIBLE_WITH_DECLARED
    )
    assert policy.choose(policy.classify("GPL-3.0-only"), gpl)[1] is None
    assert policy.choose(policy.classify("LicenseRef-Vendor-EULA-Proprietary"), gpl)[1] is (
        LicenceIssue.PROPRIETARY_IN_OPEN_SOURCE
    )


def test_unknown_licences() -> None:
    policy = LicencePolicy()
    assert policy.choose(policy.classify("Foo-1.0"), PROPRIETARY)[1] is LicenceIssue.UNKNOWN_LICENCE
    # A free-text name that is really an SPDX id, one that says proprietary, one that says nothing.
    assert policy.classify_name("Apache-2.0").category is LicenceCategory.PERMISSIVE
    assert (
        policy.classify_name("Commercial licence, all rights reserved").category
        is LicenceCategory.PROPRIETARY
    )
    assert policy.classify_name("The Foo Licence").category is LicenceCategory.UNKNOWN


def test_policy_table_overrides() -> None:
    table = dict(LicencePolicy().table)
    table["LicenseRef-Gov-Open"] = LicenceCategory.PERMISSIVE
    policy = LicencePolicy(table=table)
    assert policy.classify("LicenseRef-Gov-Open").category is LicenceCategory.PERMISSIVE


# Licences the policy table does not name: an unknown `LicenseRef-…`, an id it does not list,
# a free-text name, with and without a word that sounds proprietary.
UNCLASSIFIABLE = (
    "LicenseRef-Acme-1",
    "LicenseRef-Acme-Commercial",
    "LicenseRef-Vendor-EULA-Proprietary",
    "Foo-1.0",
    "MIT AND LicenseRef-Acme-1",
)
UNCLASSIFIABLE_NAMES = ("Acme Software Licence", "Commercial licence, all rights reserved", "Enclosed-1.0")
DISTRIBUTIONS = (
    PROPRIETARY,
    SAAS,
    DeclaredLicenceTerms(Distribution.OPEN_SOURCE, "Apache-2.0"),
    DeclaredLicenceTerms(Distribution.OPEN_SOURCE, "GPL-3.0-or-later"),
)


@pytest.mark.parametrize("declared", DISTRIBUTIONS, ids=lambda d: f"{d.distribution.value}-{d.expression}")
@pytest.mark.parametrize("licence", UNCLASSIFIABLE + UNCLASSIFIABLE_NAMES)
def test_an_unclassifiable_licence_is_never_taken_silently(
    declared: DeclaredLicenceTerms, licence: str
) -> None:
    policy = LicencePolicy()
    classification = (
        policy.classify_name(licence) if licence in UNCLASSIFIABLE_NAMES else policy.classify(licence)
    )
    _, issue = policy.choose(classification, declared)
    # UNKNOWN_LICENCE, or a stronger conflict of the category its name suggests.
    assert issue in (LicenceIssue.UNKNOWN_LICENCE, LicenceIssue.PROPRIETARY_IN_OPEN_SOURCE)
    if declared.distribution is not Distribution.OPEN_SOURCE:
        assert issue is LicenceIssue.UNKNOWN_LICENCE


def test_a_classified_alternative_is_taken_without_a_finding() -> None:
    policy = LicencePolicy()
    for declared in DISTRIBUTIONS:
        option, issue = policy.choose(policy.classify("MIT OR LicenseRef-Acme-1"), declared)
        assert issue is None
        assert option is not None
        assert option.keys == ("MIT",)
        assert option.unclassified == ()
    # A table entry makes a LicenseRef classified: no finding where its category fits.
    table = {**policy.table, "LicenseRef-Acme-Commercial": LicenceCategory.PROPRIETARY}
    known = LicencePolicy(table=table)
    assert known.choose(known.classify("LicenseRef-Acme-Commercial"), PROPRIETARY)[1] is None
