"""Licences as registries declare them → SPDX expressions, families and the platform's approval.

An SPDX expression (PEP 639 `license_expression`, npm's `license`) is parsed
and normalised by `license-expression` against the SPDX list. Free text (a
PyPI Trove classifier, a POM's <license><name>/<url>) is mapped to an SPDX id
only where the text names one licence unambiguously: "BSD License" stays
unmapped (which BSD?), "The Apache Software License, Version 2.0" is
Apache-2.0. Families and approval come from procurement's licence policy
table (servers/procurement/review/licences.py), so the market badge and the
review gate agree on what an approved licence is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from license_expression import ExpressionError

from jipan.servers.market.catalog.model import Licence, LicenceFamily
from jipan.servers.procurement.review.licences import LicenceCategory, LicencePolicy, spdx_licensing

_POLICY = LicencePolicy()
_PUBLIC_DOMAIN = frozenset({"CC0-1.0", "Unlicense", "0BSD", "WTFPL", "CC-PDDC"})
_FAMILY = {
    LicenceCategory.PERMISSIVE: LicenceFamily.PERMISSIVE,
    LicenceCategory.WEAK_COPYLEFT: LicenceFamily.WEAK_COPYLEFT,
    LicenceCategory.STRONG_COPYLEFT: LicenceFamily.STRONG_COPYLEFT,
}

# Free-text names and URLs that name exactly one SPDX licence (lower case,
# punctuation collapsed). Trove classifiers without a version ("Apache
# Software License", "BSD License", "GNU General Public License (GPL)") are
# deliberately absent: they do not say which licence.
_NAMES: dict[str, str] = {
    "mit": "MIT",
    "mit license": "MIT",
    "the mit license": "MIT",
    "isc license isclicense": "ISC",
    "isc license": "ISC",
    "apache license version 2 0": "Apache-2.0",
    "apache license 2 0": "Apache-2.0",
    "the apache software license version 2 0": "Apache-2.0",
    "the apache license version 2 0": "Apache-2.0",
    "apache 2 0": "Apache-2.0",
    "apache 2": "Apache-2.0",
    "eclipse public license 1 0": "EPL-1.0",
    "eclipse public license v1 0": "EPL-1.0",
    "eclipse public license 2 0": "EPL-2.0",
    "eclipse public license v 2 0": "EPL-2.0",
    "mozilla public license 2 0 mpl 2 0": "MPL-2.0",
    "mozilla public license 2 0": "MPL-2.0",
    "bsd 3 clause license": "BSD-3-Clause",
    "new bsd license": "BSD-3-Clause",
    "the bsd 3 clause license": "BSD-3-Clause",
    "bsd 2 clause license": "BSD-2-Clause",
    "simplified bsd license": "BSD-2-Clause",
    "gnu lesser general public license v2 1": "LGPL-2.1-only",
    "gnu general public license v2 0 only with classpath exception": (
        "GPL-2.0-only WITH Classpath-exception-2.0"
    ),
    "gnu affero general public license v3": "AGPL-3.0-only",
    "the unlicense": "Unlicense",
    "public domain cc0": "CC0-1.0",
    # Trove classifiers that do name one licence.
    "osi approved mit license": "MIT",
    "osi approved isc license isclicense": "ISC",
    "osi approved mozilla public license 2 0 mpl 2 0": "MPL-2.0",
    "osi approved apache software license": "",  # no version: unmapped on purpose
    "osi approved gnu affero general public license v3": "AGPL-3.0-only",
    "osi approved gnu lesser general public license v2 lgplv2": "LGPL-2.0-only",
    "osi approved gnu lesser general public license v3 lgplv3": "LGPL-3.0-only",
    "osi approved gnu general public license v2 gplv2": "GPL-2.0-only",
    "osi approved gnu general public license v3 gplv3": "GPL-3.0-only",
    "osi approved the unlicense unlicense": "Unlicense",
    "cc0 1 0 universal cc0 1 0 public domain dedication": "CC0-1.0",
}
_URLS: dict[str, str] = {
    "apache.org/licenses/license-2.0": "Apache-2.0",
    "apache.org/licenses/license-2.0.txt": "Apache-2.0",
    "apache.org/licenses/license-2.0.html": "Apache-2.0",
    "opensource.org/licenses/mit": "MIT",
    "opensource.org/licenses/mit-license.php": "MIT",
    "opensource.org/licenses/bsd-3-clause": "BSD-3-Clause",
    "opensource.org/licenses/bsd-2-clause": "BSD-2-Clause",
    "eclipse.org/legal/epl-2.0": "EPL-2.0",
    "eclipse.org/legal/epl-v10.html": "EPL-1.0",
    "mozilla.org/mpl/2.0": "MPL-2.0",
    "gnu.org/licenses/lgpl-2.1.html": "LGPL-2.1-only",
}
_PUNCT = re.compile(r"[^a-z0-9]+")
_TROVE = "license :: "


def _key(text: str) -> str:
    text = text.strip().lower()
    if text.startswith(_TROVE):
        text = text[len(_TROVE) :]
    return _PUNCT.sub(" ", text).strip()


def _url_key(url: str) -> str:
    url = url.strip().lower()
    url = re.sub(r"^https?://(www\.)?", "", url)
    return url.rstrip("/")


def spdx_of_name(name: str, url: str = "") -> str:
    """The SPDX expression a free-text licence name (or its URL) stands for, or ""."""
    expression = _expression(name)
    if expression:
        return expression
    mapped = _NAMES.get(_key(name), "")
    if not mapped and url:
        mapped = _URLS.get(_url_key(url), "")
    return mapped


@lru_cache(maxsize=4096)
def _expression(text: str) -> str:
    """`text` normalised when it is a valid SPDX expression naming only known licences."""
    text = text.strip()
    if not text or len(text) > 500:
        return ""
    # Licensing.validate() has a bug on some invalid keys (an AttributeError from its
    # own error path); parse() and unknown_license_keys() say the same without it.
    licensing = spdx_licensing()
    try:
        parsed = licensing.parse(text)
    except (ExpressionError, ValueError, TypeError, AttributeError):
        # Untrusted text into a third-party parser: whatever it cannot read is no expression.
        return ""
    if parsed is None or licensing.unknown_license_keys(parsed):
        return ""
    return str(parsed)


def licence_of(declared: str, expression: str) -> Licence:
    """A Licence for what was declared and the SPDX expression derived from it ("" if none)."""
    declared = declared.strip()[:500]
    if not expression:
        return Licence(declared=declared)
    classified = _POLICY.classify(expression)
    ids = sorted({key for option in classified.options for key in option.keys})
    valid = not classified.unknown_keys
    unclassified = any(option.unclassified for option in classified.options)
    category = classified.category
    family = _FAMILY.get(category, LicenceFamily.OTHER)
    if family is LicenceFamily.PERMISSIVE and ids and all(i in _PUBLIC_DOMAIN for i in ids):
        family = LicenceFamily.PUBLIC_DOMAIN
    return Licence(
        declared=declared,
        expression=classified.expression,
        ids=tuple(ids),
        valid=valid,
        approved=valid and not unclassified and category in _FAMILY,
        family=family,
    )


def licence_from_texts(candidates: Iterable[tuple[str, str]], *, joiner: str = "AND") -> Licence:
    """The licence named by several (declared text, url) pairs.

    A POM's <license> entries all apply (AND); several Trove licence
    classifiers offer a choice (OR). Texts that map to nothing stay in
    `declared` only.
    """
    declared: list[str] = []
    mapped: list[str] = []
    for text, url in candidates:
        if not text and not url:
            continue
        declared.append(text or url)
        expression = spdx_of_name(text, url)
        if expression:
            mapped.append(expression if " " not in expression else f"({expression})")
    joined = f" {joiner} ".join(dict.fromkeys(mapped))
    return licence_of("; ".join(declared), _expression(joined) if joined else "")
