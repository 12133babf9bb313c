"""Version ordering and pre-release detection in each ecosystem's own scheme (univers, packaging)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from packaging.version import InvalidVersion
from packaging.version import Version as Pep440Version
from univers.versions import MavenVersion, PypiVersion, SemverVersion, Version

from jipan.servers.market.catalog.model import Ecosystem

_SCHEMES: dict[Ecosystem, type[Version]] = {
    Ecosystem.PYPI: PypiVersion,
    Ecosystem.NPM: SemverVersion,
    Ecosystem.MAVEN: MavenVersion,
}
_MAVEN_PRE = re.compile(
    r"(?i)(snapshot|alpha|beta|milestone|\brc\b|[.-]rc\d*|[.-]cr\d*|[.-]m\d+$|[.-]a\d+$|[.-]b\d+$)"
)


def is_prerelease(ecosystem: Ecosystem, version: str) -> bool:
    if ecosystem is Ecosystem.PYPI:
        try:
            return Pep440Version(version).is_prerelease
        except InvalidVersion:
            return False
    if ecosystem is Ecosystem.NPM:
        return "-" in version.split("+", 1)[0]
    return bool(_MAVEN_PRE.search(version))


def sort_key(ecosystem: Ecosystem, version: str) -> tuple[int, Any]:
    """Orders versions as the ecosystem does; versions its scheme rejects sort first, by text."""
    try:
        return (1, _SCHEMES[ecosystem](version).value)
    except Exception:  # univers raises scheme-specific exception types
        return (0, version)


def ordered(ecosystem: Ecosystem, versions: Iterable[str]) -> list[str]:
    """Oldest first."""
    keyed = []
    for v in versions:
        key = sort_key(ecosystem, v)
        keyed.append((key[0], key[1], v))
    # Values of different schemes are never compared: one ecosystem per call;
    # rejected versions (rank 0) compare as text among themselves.
    keyed.sort(key=lambda item: (item[0], item[1]) if item[0] else (0, item[2]))
    return [v for _, _, v in keyed]


def latest(ecosystem: Ecosystem, versions: Iterable[str]) -> str:
    """The newest release; the newest pre-release only when there is no release."""
    order = ordered(ecosystem, versions)
    releases = [v for v in order if not is_prerelease(ecosystem, v)]
    chosen = releases or order
    return chosen[-1] if chosen else ""
