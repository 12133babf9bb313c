"""Licence policy: classify SPDX expressions and find conflicts with a listing's licence terms.

An expression is expanded into its options (disjunctive normal form): `A OR B`
gives the licensee two options, `A AND B` one option carrying both. An option is
as strict as its strictest licence; the licensee picks the most favourable
option — the first that does not conflict with the listing's declared terms,
the least strict among equals. Expressions are parsed with `license-expression`
against the SPDX licence list; ids it does not know are UNKNOWN unless the
policy table names them.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import Any

from license_expression import (
    AND,
    OR,
    ExpressionError,
    LicenseSymbol,
    LicenseWithExceptionSymbol,
    Licensing,
    get_spdx_licensing,
)


class LicenceCategory(Enum):
    PERMISSIVE = "PERMISSIVE"
    WEAK_COPYLEFT = "WEAK_COPYLEFT"
    STRONG_COPYLEFT = "STRONG_COPYLEFT"
    PROPRIETARY = "PROPRIETARY"
    UNKNOWN = "UNKNOWN"

    @property
    def strictness(self) -> int:
        return _STRICTNESS[self]


_STRICTNESS = {
    LicenceCategory.PERMISSIVE: 0,
    LicenceCategory.WEAK_COPYLEFT: 1,
    LicenceCategory.STRONG_COPYLEFT: 2,
    LicenceCategory.PROPRIETARY: 3,
    LicenceCategory.UNKNOWN: 4,
}


class Distribution(Enum):
    """How the listed product reaches agencies, which decides what copyleft obliges."""

    # Closed source, delivered as software (binaries, appliances, on-premises).
    PROPRIETARY = "PROPRIETARY"
    # Operated by the vendor and used over the network; nothing is conveyed.
    SAAS = "SAAS"
    # Source released under the listing's own licence expression.
    OPEN_SOURCE = "OPEN_SOURCE"


@dataclass(frozen=True, slots=True)
class DeclaredLicenceTerms:
    distribution: Distribution
    # The listing's own SPDX expression; required for OPEN_SOURCE, informative otherwise.
    expression: str = ""


class LicenceIssue(Enum):
    COPYLEFT_IN_PROPRIETARY = "COPYLEFT_IN_PROPRIETARY"
    NETWORK_COPYLEFT_IN_SERVICE = "NETWORK_COPYLEFT_IN_SERVICE"
    PROPRIETARY_IN_OPEN_SOURCE = "PROPRIETARY_IN_OPEN_SOURCE"
    COPYLEFT_INCOMPATIBLE_WITH_DECLARED = "COPYLEFT_INCOMPATIBLE_WITH_DECLARED"
    UNKNOWN_LICENCE = "UNKNOWN_LICENCE"
    NO_LICENCE = "NO_LICENCE"


_P, _W, _S, _X = (
    LicenceCategory.PERMISSIVE,
    LicenceCategory.WEAK_COPYLEFT,
    LicenceCategory.STRONG_COPYLEFT,
    LicenceCategory.PROPRIETARY,
)


def _table(category: LicenceCategory, *ids: str) -> dict[str, LicenceCategory]:
    return dict.fromkeys(ids, category)


DEFAULT_LICENCE_TABLE: Mapping[str, LicenceCategory] = {
    **_table(
        _P,
        "0BSD",
        "AFL-3.0",
        "Apache-1.0",
        "Apache-1.1",
        "Apache-2.0",
        "Artistic-2.0",
        "Beerware",
        "BlueOak-1.0.0",
        "BSD-1-Clause",
        "BSD-2-Clause",
        "BSD-3-Clause",
        "BSD-3-Clause-Clear",
        "BSD-4-Clause",
        "BSL-1.0",
        "bzip2-1.0.6",
        "CC-BY-3.0",
        "CC-BY-4.0",
        "CC0-1.0",
        "curl",
        "HPND",
        "ICU",
        "ISC",
        "Libpng",
        "libpng-2.0",
        "MIT",
        "MIT-0",
        "MIT-CMU",
        "Ms-PL",
        "NCSA",
        "OpenSSL",
        "PHP-3.01",
        "PostgreSQL",
        "PSF-2.0",
        "Python-2.0",
        "Unicode-3.0",
        "Unicode-DFS-2016",
        "Unlicense",
        "UPL-1.0",
        "W3C",
        "WTFPL",
        "X11",
        "Zlib",
        "ZPL-2.1",
    ),
    **_table(
        _W,
        "APSL-2.0",
        "CC-BY-SA-4.0",
        "CDDL-1.0",
        "CDDL-1.1",
        "CPL-1.0",
        "EPL-1.0",
        "EPL-2.0",
        "ErlPL-1.1",
        "IPL-1.0",
        "LGPL-2.0-only",
        "LGPL-2.0-or-later",
        "LGPL-2.1-only",
        "LGPL-2.1-or-later",
        "LGPL-3.0-only",
        "LGPL-3.0-or-later",
        "MPL-1.0",
        "MPL-1.1",
        "MPL-2.0",
        "MPL-2.0-no-copyleft-exception",
        "Ms-RL",
    ),
    **_table(
        _S,
        "AGPL-1.0-only",
        "AGPL-1.0-or-later",
        "AGPL-3.0-only",
        "AGPL-3.0-or-later",
        "EUPL-1.1",
        "EUPL-1.2",
        "GPL-1.0-only",
        "GPL-1.0-or-later",
        "GPL-2.0-only",
        "GPL-2.0-or-later",
        "GPL-3.0-only",
        "GPL-3.0-or-later",
        "OSL-3.0",
        "QPL-1.0",
        "RPL-1.5",
        "Sleepycat",
        "SSPL-1.0",
    ),
    # Source-available, not open source: use is restricted like a proprietary licence.
    **_table(_X, "BUSL-1.1", "Elastic-2.0", "PolyForm-Noncommercial-1.0.0", "PolyForm-Small-Business-1.0.0"),
}

# Copyleft that is triggered by offering the software over a network.
DEFAULT_NETWORK_COPYLEFT: frozenset[str] = frozenset(
    {"AGPL-1.0-only", "AGPL-1.0-or-later", "AGPL-3.0-only", "AGPL-3.0-or-later", "EUPL-1.2", "OSL-3.0",
     "RPL-1.5", "SSPL-1.0"}
)  # fmt: skip

# Exceptions that let GPL code be linked into differently licensed programs:
# GPL WITH one of these behaves as weak copyleft.
DEFAULT_LINKING_EXCEPTIONS: frozenset[str] = frozenset(
    {"Classpath-exception-2.0", "GCC-exception-2.0", "GCC-exception-3.1", "LLVM-exception",
     "Autoconf-exception-3.0", "Bison-exception-2.2", "Libtool-exception", "openvpn-openssl-exception",
     "Universal-FOSS-exception-1.0", "FLTK-exception", "Font-exception-2.0"}
)  # fmt: skip

# Free-text licence names (lower case) that mean a proprietary licence.
DEFAULT_PROPRIETARY_WORDS: tuple[str, ...] = ("proprietary", "commercial", "all rights reserved", "closed")

_MAX_OPTIONS = 256


@cache
def spdx_licensing() -> Licensing:
    return get_spdx_licensing()


@dataclass(frozen=True, slots=True)
class LicenceOption:
    """One way of taking a component: every licence in `keys` applies."""

    keys: tuple[str, ...]
    category: LicenceCategory
    network_copyleft: bool
    # Keys the policy table does not name (a `LicenseRef-…`, an id it does not list, a
    # free-text name): their category, if any, is a guess from words such as "commercial",
    # so an option with one is never taken silently (see LicencePolicy.conflict).
    unclassified: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LicenceClassification:
    expression: str
    # The options the expression offers, least strict first.
    options: tuple[LicenceOption, ...]
    unknown_keys: tuple[str, ...] = ()

    @property
    def category(self) -> LicenceCategory:
        return self.options[0].category if self.options else LicenceCategory.UNKNOWN


@dataclass(frozen=True)
class LicencePolicy:
    table: Mapping[str, LicenceCategory] = field(default_factory=lambda: dict(DEFAULT_LICENCE_TABLE))
    network_copyleft: frozenset[str] = DEFAULT_NETWORK_COPYLEFT
    linking_exceptions: frozenset[str] = DEFAULT_LINKING_EXCEPTIONS
    proprietary_words: tuple[str, ...] = DEFAULT_PROPRIETARY_WORDS
    # A component with no or an unknown licence: blocking, or only listed.
    block_unknown: bool = False
    # Weak copyleft in a proprietary product: blocking, or only listed (its
    # obligations, e.g. relinking for LGPL, can be met without opening the product).
    block_weak_copyleft_in_proprietary: bool = False
    _cache: dict[str, LicenceClassification] = field(default_factory=dict, compare=False, repr=False)

    def is_classified(self, key: str) -> bool:
        """Whether the policy table names this key's licence (a WITH exception aside)."""
        return key.partition(" WITH ")[0] in self.table

    def category_of_key(self, key: str) -> LicenceCategory:
        base, _, exception = key.partition(" WITH ")
        category = self.table.get(base)
        if category is None:
            lowered = base.lower()
            if any(word in lowered for word in self.proprietary_words):
                return LicenceCategory.PROPRIETARY
            return LicenceCategory.UNKNOWN
        if exception and category is LicenceCategory.STRONG_COPYLEFT and exception in self.linking_exceptions:
            return LicenceCategory.WEAK_COPYLEFT
        return category

    def classify(self, expression: str) -> LicenceClassification:
        """Options of an SPDX expression, least strict first (cached per expression)."""
        cached = self._cache.get(expression)
        if cached is not None:
            return cached
        result = self._classify(expression)
        self._cache[expression] = result
        return result

    def classify_name(self, name: str) -> LicenceClassification:
        """A free-text licence name: an SPDX id in disguise, a proprietary word, or UNKNOWN."""
        try:
            return (
                self.classify(name) if not spdx_licensing().unknown_license_keys(name) else self._named(name)
            )
        except ExpressionError:
            return self._named(name)

    def _named(self, name: str) -> LicenceClassification:
        lowered = name.lower()
        if any(word in lowered for word in self.proprietary_words):
            category = LicenceCategory.PROPRIETARY
        else:
            category = LicenceCategory.UNKNOWN
        return LicenceClassification(name, (LicenceOption((name,), category, False, (name,)),), (name,))

    def _classify(self, expression: str) -> LicenceClassification:
        licensing = spdx_licensing()
        try:
            parsed = licensing.parse(expression, validate=False)
        except ExpressionError:
            parsed = None
        if parsed is None:
            return LicenceClassification(
                expression,
                (LicenceOption((expression,), LicenceCategory.UNKNOWN, False, (expression,)),),
                (expression,),
            )
        unknown = tuple(sorted(set(licensing.unknown_license_keys(parsed))))
        options = []
        for keys in _options(parsed):
            categories = [self.category_of_key(k) for k in keys]
            worst = max(categories, key=lambda c: c.strictness)
            network = any(k.partition(" WITH ")[0] in self.network_copyleft for k in keys)
            unclassified = tuple(sorted(k for k in keys if not self.is_classified(k)))
            options.append(LicenceOption(tuple(sorted(keys)), worst, network, unclassified))
        options.sort(key=lambda o: (o.category.strictness, o.network_copyleft, o.keys))
        return LicenceClassification(str(parsed), tuple(options), unknown)

    def conflict(self, option: LicenceOption, declared: DeclaredLicenceTerms) -> LicenceIssue | None:
        """Why this option cannot be taken silently in a listing with the declared terms, or None.

        A conflict of its (possibly guessed) category comes first; an option the category
        allows but that holds an unclassified licence is UNKNOWN_LICENCE whatever the
        distribution: a reviewer reads it (blocking or not per `block_unknown`), since a
        licence named "LicenseRef-Acme-Commercial" may well forbid what the listing does.
        """
        issue = self._category_conflict(option, declared)
        if issue is None and option.unclassified:
            return LicenceIssue.UNKNOWN_LICENCE
        return issue

    def _category_conflict(
        self, option: LicenceOption, declared: DeclaredLicenceTerms
    ) -> LicenceIssue | None:
        category = option.category
        if category is LicenceCategory.UNKNOWN:
            return LicenceIssue.UNKNOWN_LICENCE
        if declared.distribution is Distribution.PROPRIETARY:
            if category is LicenceCategory.STRONG_COPYLEFT:
                return LicenceIssue.COPYLEFT_IN_PROPRIETARY
            if category is LicenceCategory.WEAK_COPYLEFT and self.block_weak_copyleft_in_proprietary:
                return LicenceIssue.COPYLEFT_IN_PROPRIETARY
        elif declared.distribution is Distribution.SAAS:
            if option.network_copyleft:
                return LicenceIssue.NETWORK_COPYLEFT_IN_SERVICE
        else:
            if category is LicenceCategory.PROPRIETARY:
                return LicenceIssue.PROPRIETARY_IN_OPEN_SOURCE
            if category is LicenceCategory.STRONG_COPYLEFT and not self._declared_copyleft(declared):
                return LicenceIssue.COPYLEFT_INCOMPATIBLE_WITH_DECLARED
        return None

    def _declared_copyleft(self, declared: DeclaredLicenceTerms) -> bool:
        if not declared.expression:
            return False
        classification = self.classify(declared.expression)
        # The listing can carry strong copyleft code only if every way of taking it is copyleft itself.
        return all(o.category is LicenceCategory.STRONG_COPYLEFT for o in classification.options)

    def choose(
        self, classification: LicenceClassification, declared: DeclaredLicenceTerms
    ) -> tuple[LicenceOption | None, LicenceIssue | None]:
        """The most favourable option: the least strict one without a conflict, else the least strict."""
        if not classification.options:
            return None, LicenceIssue.NO_LICENCE
        for option in classification.options:
            if self.conflict(option, declared) is None:
                return option, None
        first = classification.options[0]
        return first, self.conflict(first, declared)


def _options(node: Any) -> list[frozenset[str]]:
    if isinstance(node, LicenseWithExceptionSymbol):
        return [frozenset({f"{node.license_symbol.key} WITH {node.exception_symbol.key}"})]
    if isinstance(node, LicenseSymbol):
        return [frozenset({node.key})]
    if isinstance(node, OR):
        out: list[frozenset[str]] = []
        for arg in node.args:
            out.extend(_options(arg))
        return _dedupe(out)[:_MAX_OPTIONS]
    if isinstance(node, AND):
        combined: list[frozenset[str]] = [frozenset()]
        for arg in node.args:
            combined = _dedupe([a | b for a, b in itertools.product(combined, _options(arg))])[:_MAX_OPTIONS]
        return combined
    raise ExpressionError(f"unexpected licence expression node {node!r}")


def _dedupe(options: list[frozenset[str]]) -> list[frozenset[str]]:
    return list(dict.fromkeys(options))
