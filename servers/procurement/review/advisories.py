"""Advisory store in OSV format, indexed by (ecosystem, package) for matching components by purl.

OSV (https://ossf.github.io/osv-schema/) ranges are lists of events. A version is
affected by a range when, walking the events sorted by version, the last event at
or below it is an `introduced` (a `fixed` closes the range before its version, a
`last_affected` after it, a `limit` caps it). Each range is compiled once, when
its record is imported (or on first lookup), into intervals of `univers` versions of the ecosystem's scheme
(Maven, PEP 440, semver, NuGet, RubyGems, ...), so comparisons follow the
ecosystem's real ordering rather than strings. `versions` lists are matched too.
Records with `withdrawn` set are kept (so that they can be stored and their
withdrawal re-evaluates listings) but never match.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import IO, Any

from packageurl import PackageURL
from univers.versions import (
    ComposerVersion,
    GolangVersion,
    MavenVersion,
    NugetVersion,
    PypiVersion,
    RubygemsVersion,
    SemverVersion,
    Version,
)

from jipan.servers.runtime.untrusted import StructuredTextRefused, parse_json, zip_members

from . import reasons
from .severity import Severity, severity_of_record

PackageKey = tuple[str, str]

# purl type -> OSV ecosystem name.
PURL_ECOSYSTEMS: Mapping[str, str] = {
    "pypi": "PyPI",
    "npm": "npm",
    "maven": "Maven",
    "golang": "Go",
    "cargo": "crates.io",
    "nuget": "NuGet",
    "gem": "RubyGems",
    "composer": "Packagist",
    "hex": "Hex",
    "pub": "Pub",
}

# OSV ecosystem -> univers version class for ECOSYSTEM ranges.
ECOSYSTEM_VERSIONS: Mapping[str, type[Version]] = {
    "PyPI": PypiVersion,
    "npm": SemverVersion,
    "Maven": MavenVersion,
    "Go": GolangVersion,
    "crates.io": SemverVersion,
    "NuGet": NugetVersion,
    "RubyGems": RubygemsVersion,
    "Packagist": ComposerVersion,
    "Hex": SemverVersion,
    "Pub": SemverVersion,
}

_ECOSYSTEM_BY_LOWER = {name.lower(): name for name in ECOSYSTEM_VERSIONS}
_PEP503 = re.compile(r"[-_.]+")
DEFAULT_MAX_DUMP_BYTES = 4 * 1024 * 1024 * 1024
DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024
DEFAULT_MAX_DUMP_RECORDS = 1_000_000
"""osv.dev's largest ecosystem dump holds a few hundred thousand records."""
MAX_RECORD_DEPTH = 32
"""JSON nesting of one OSV record: the schema nests six levels (affected, ranges,
events); database_specific may add a few."""


def canonical_ecosystem(name: str) -> str | None:
    """The OSV ecosystem this index matches for `name` ("pypi" -> "PyPI"), None if unsupported."""
    return _ECOSYSTEM_BY_LOWER.get(name.split(":", 1)[0].strip().lower())


def normalise_package_name(ecosystem: str, name: str) -> str:
    """The name under which a package is indexed, following each ecosystem's equivalence rules."""
    name = name.strip()
    if ecosystem == "PyPI":
        return _PEP503.sub("-", name).lower()
    if ecosystem in ("npm", "NuGet", "Packagist", "crates.io", "Hex"):
        return name.lower()
    return name


def package_key_of_purl(purl: str) -> tuple[PackageKey, str] | None:
    """((ecosystem, normalised name), version) of a purl, or None if it cannot be matched."""
    return _package_key_of_purl(purl)


@lru_cache(maxsize=65_536)
def _package_key_of_purl(purl: str) -> tuple[PackageKey, str] | None:
    try:
        parsed = PackageURL.from_string(purl)
    except ValueError:
        return None
    ecosystem = PURL_ECOSYSTEMS.get(parsed.type)
    if ecosystem is None:
        return None
    namespace = parsed.namespace or ""
    if ecosystem == "Maven":
        name = f"{namespace}:{parsed.name}" if namespace else parsed.name
    elif ecosystem in ("npm", "Go", "Packagist") and namespace:
        name = f"{namespace}/{parsed.name}"
    else:
        name = parsed.name
    return (ecosystem, normalise_package_name(ecosystem, name)), parsed.version or ""


_VERSION_CACHE: dict[tuple[type[Version], str], Version | None] = {}
_VERSION_CACHE_MAX = 262_144


def parse_version(scheme: type[Version], text: str) -> Version | None:
    """A univers version of `scheme`, or None when `text` is not valid in that scheme (cached)."""
    key = (scheme, text)
    try:
        return _VERSION_CACHE[key]
    except KeyError:
        pass
    try:
        version: Version | None = scheme(text)
    except Exception:  # univers' schemes raise their own types (InvalidNuGetVersion is a bare Exception)
        version = None
    if len(_VERSION_CACHE) >= _VERSION_CACHE_MAX:
        _VERSION_CACHE.clear()
    _VERSION_CACHE[key] = version
    return version


def clear_caches() -> None:
    """Forget parsed versions and purls (benchmarks use it to measure a cold start)."""
    _VERSION_CACHE.clear()
    _package_key_of_purl.cache_clear()


# ----- ranges ---------------------------------------------------------------------

# Events at the same version are taken in this order. The OSV spec's evaluation
# flips a flag per event (introduced: v >= e, fixed: v >= e, last_affected: v > e);
# at a tie a `fixed` must close the interval before a `last_affected` could keep
# its version in, and an `introduced` opens before a `fixed` at the same version
# closes (an empty range). tests/procurement/test_review_advisories.py checks the
# intervals against that flag walk.
_EVENT_ORDER = {"introduced": 0, "fixed": 1, "last_affected": 2, "limit": 3}


@dataclass(frozen=True, slots=True)
class Interval:
    """Affected versions lo <= v < hi (or <= hi when `hi_inclusive`); None means unbounded."""

    lo: Version | None
    hi: Version | None
    hi_inclusive: bool
    fixed: str

    def __contains__(self, version: Version) -> bool:
        # Versions order by their scheme-specific `value` alone; comparing the
        # values directly skips attrs' tuple-building comparison (3x faster).
        value = version.value
        if self.lo is not None and value < self.lo.value:
            return False
        if self.hi is None:
            return True
        return bool(value <= self.hi.value) if self.hi_inclusive else bool(value < self.hi.value)


def sorted_events(
    events: Iterable[Mapping[str, str]], scheme: type[Version]
) -> list[tuple[str, Version | None]]:
    """Events as (kind, version) sorted by version; introduced "0" is None (before everything).

    Raises ValueError when an event version is not valid in `scheme`.
    """
    out: list[tuple[str, Version | None]] = []
    for event in events:
        for kind, text in event.items():
            if kind not in _EVENT_ORDER:
                continue
            if kind == "introduced" and text == "0":
                out.append((kind, None))
                continue
            version = parse_version(scheme, str(text))
            if version is None:
                raise ValueError(f"{kind} version {text!r} is not a valid {scheme.__name__}")
            out.append((kind, version))
    bottom = [e for e in out if e[1] is None]
    rest = [e for e in out if e[1] is not None]
    rest.sort(key=lambda e: (_value(e[1]), _EVENT_ORDER[e[0]]))
    return bottom + rest


def _value(version: Version | None) -> Any:
    assert version is not None
    return version.value


def compile_intervals(events: list[tuple[str, Version | None]]) -> tuple[Interval, ...]:
    intervals: list[Interval] = []
    open_at: Version | None = None
    is_open = False
    limit: Version | None = None
    for kind, version in events:
        if kind == "introduced":
            if not is_open:
                is_open, open_at = True, version
        elif kind == "fixed" and is_open:
            intervals.append(Interval(open_at, version, False, str(version.string) if version else ""))
            is_open = False
        elif kind == "last_affected" and is_open:
            intervals.append(Interval(open_at, version, True, ""))
            is_open = False
        elif kind == "limit" and version is not None:
            limit = version if limit is None else min(limit, version)
    if is_open:
        intervals.append(Interval(open_at, None, False, ""))
    if limit is not None:
        # A limit caps every interval: versions at or above it are out of the range.
        capped = []
        for iv in intervals:
            if iv.lo is not None and iv.lo >= limit:
                continue
            if iv.hi is None or iv.hi > limit or (iv.hi == limit and iv.hi_inclusive):
                capped.append(Interval(iv.lo, limit, False, iv.fixed))
            else:
                capped.append(iv)
        intervals = capped
    return tuple(intervals)


class AffectedPackage:
    """One `affected[]` entry of a record, its ranges compiled on first use."""

    __slots__ = ("_compiled", "ecosystem", "name", "ranges", "version_strings")

    def __init__(self, ecosystem: str, name: str, ranges: list[Mapping[str, Any]], versions: list[str]):
        self.ecosystem = ecosystem
        self.name = name
        self.ranges = ranges
        self.version_strings = frozenset(versions)
        self._compiled: (
            tuple[tuple[tuple[type[Version], tuple[Interval, ...]], ...], frozenset[Version]] | None
        ) = None

    def compile(self) -> tuple[tuple[tuple[type[Version], tuple[Interval, ...]], ...], frozenset[Version]]:
        """(scheme, intervals) per evaluable range and the parsed `versions`, computed once."""
        if self._compiled is None:
            scheme = ECOSYSTEM_VERSIONS[self.ecosystem]
            compiled: list[tuple[type[Version], tuple[Interval, ...]]] = []
            for rng in self.ranges:
                kind = rng.get("type")
                if kind == "SEMVER":
                    rng_scheme: type[Version] = SemverVersion
                elif kind == "ECOSYSTEM":
                    rng_scheme = scheme
                else:
                    continue  # GIT ranges name commits, not versions
                try:
                    intervals = compile_intervals(sorted_events(rng.get("events") or (), rng_scheme))
                except (ValueError, TypeError):
                    continue  # an unparseable range cannot be evaluated; `versions` may still match
                compiled.append((rng_scheme, intervals))
            exact: frozenset[Version] = frozenset()
            if self.version_strings:
                parsed = (parse_version(scheme, v) for v in self.version_strings)
                exact = frozenset(v for v in parsed if v is not None)
            self._compiled = (tuple(compiled), exact)
        return self._compiled

    def affects(self, version_text: str) -> tuple[bool, str]:
        """(affected, fixed version or "") for a version string of this package."""
        hit, fixed = version_text in self.version_strings, ""
        ranges, exact = self.compile()
        scheme = ECOSYSTEM_VERSIONS[self.ecosystem]
        version = parse_version(scheme, version_text)
        if version is not None and version in exact:
            hit = True
        for rng_scheme, intervals in ranges:
            # A SEMVER range on an ecosystem with another scheme compares as semver.
            v = version if rng_scheme is scheme else parse_version(rng_scheme, version_text)
            if v is None:
                continue
            for interval in intervals:
                if v not in interval:
                    continue
                hit = True
                if interval.fixed and (not fixed or _lower_fixed(rng_scheme, interval.fixed, fixed)):
                    fixed = interval.fixed
        return hit, fixed


def _lower_fixed(scheme: type[Version], candidate: str, current: str) -> bool:
    a, b = parse_version(scheme, candidate), parse_version(scheme, current)
    return a is not None and b is not None and a < b


# ----- records --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Advisory:
    id: str
    aliases: tuple[str, ...]
    summary: str
    modified: str
    withdrawn: str
    severity: Severity
    cvss_score: float | None
    cvss_vector: str
    affected: tuple[AffectedPackage, ...]
    raw: Mapping[str, Any] = field(repr=False, compare=False)

    @property
    def package_keys(self) -> frozenset[PackageKey]:
        return frozenset((a.ecosystem, a.name) for a in self.affected)


@dataclass(frozen=True, slots=True)
class VulnerabilityMatch:
    advisory_id: str
    aliases: tuple[str, ...]
    summary: str
    severity: Severity
    cvss_score: float | None
    cvss_vector: str
    fixed_version: str
    ecosystem: str
    package: str


@dataclass(frozen=True, slots=True)
class AdvisoryRow:
    """What the store keeps per advisory: its id, `modified`, the raw record and the packages it names."""

    id: str
    modified: str
    withdrawn: bool
    record_json: str
    package_keys: tuple[PackageKey, ...]


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: int = 0
    # (source, reason) for records that were not imported.
    rejected: tuple[tuple[str, str], ...] = ()
    # Every (ecosystem, package) named by an added or updated record, before or
    # after the change: the listings to re-evaluate.
    affected_packages: frozenset[PackageKey] = frozenset()

    @property
    def changed(self) -> tuple[str, ...]:
        return self.added + self.updated


def _parse_time(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _canonical(record: Mapping[str, Any]) -> str:
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def build_advisory(record: Mapping[str, Any]) -> Advisory:
    """An Advisory from an OSV record; ValueError says why a record is not usable."""
    ident = record.get("id")
    if not isinstance(ident, str) or not ident:
        raise ValueError("record has no id")
    modified = record.get("modified")
    if not isinstance(modified, str) or _parse_time(modified) is None:
        raise ValueError(f"{ident}: modified is missing or not RFC 3339")
    affected_entries = record.get("affected") or []
    if not isinstance(affected_entries, list):
        raise ValueError(f"{ident}: affected is not a list")
    affected: list[AffectedPackage] = []
    for entry in affected_entries:
        if not isinstance(entry, dict):
            raise ValueError(f"{ident}: affected entry is not an object")
        package = entry.get("package") or {}
        ecosystem = canonical_ecosystem(str(package.get("ecosystem", "")))
        name = package.get("name")
        if ecosystem is None or not isinstance(name, str):
            # Linux distributions, purl-only entries, ...: stored, not matched.
            continue
        ranges = entry.get("ranges") or []
        versions = entry.get("versions") or []
        if not isinstance(ranges, list) or not isinstance(versions, list):
            raise ValueError(f"{ident}: ranges/versions must be lists")
        affected.append(
            AffectedPackage(
                ecosystem,
                normalise_package_name(ecosystem, name),
                [r for r in ranges if isinstance(r, dict)],
                [str(v) for v in versions],
            )
        )
    level, score, vector = severity_of_record(dict(record))
    aliases = record.get("aliases") or []
    return Advisory(
        id=ident,
        aliases=tuple(str(a) for a in aliases) if isinstance(aliases, list) else (),
        summary=str(record.get("summary") or record.get("details", ""))[:500],
        modified=modified,
        withdrawn=str(record.get("withdrawn") or ""),
        severity=level,
        cvss_score=score,
        cvss_vector=vector,
        affected=tuple(affected),
        raw=record,
    )


class AdvisoryIndex:
    """OSV advisories indexed by (ecosystem, normalised package name).

    Not thread-safe for concurrent imports; reads during a single-threaded
    asyncio loop are consistent between awaits.
    """

    def __init__(self, *, compile_on_import: bool = True) -> None:
        # Compiling ranges when records arrive keeps reviews fast (an import is
        # a background job, a review answers a vendor); without it each range
        # is compiled on its first lookup.
        self._compile_on_import = compile_on_import
        self._advisories: dict[str, Advisory] = {}
        self._canonical: dict[str, str] = {}
        self._by_package: dict[PackageKey, dict[str, list[AffectedPackage]]] = {}

    # -- construction and persistence --

    @classmethod
    def from_records(
        cls, records: Iterable[Mapping[str, Any] | str | bytes], *, compile_on_import: bool = True
    ) -> AdvisoryIndex:
        """An index of stored records (dicts, or their JSON text as kept in a row)."""
        index = cls(compile_on_import=compile_on_import)
        index.import_records(records)
        return index

    def rows(self, ids: Iterable[str] | None = None) -> Iterator[AdvisoryRow]:
        """Rows to persist: all records, or those with the given ids (e.g. ImportResult.changed)."""
        for ident in self._advisories if ids is None else ids:
            advisory = self._advisories.get(ident)
            if advisory is None:
                continue
            yield AdvisoryRow(
                id=advisory.id,
                modified=advisory.modified,
                withdrawn=bool(advisory.withdrawn),
                record_json=self._canonical[ident],
                package_keys=tuple(sorted(advisory.package_keys)),
            )

    def __len__(self) -> int:
        return len(self._advisories)

    def __contains__(self, ident: object) -> bool:
        return ident in self._advisories

    def get(self, ident: str) -> Advisory | None:
        return self._advisories.get(ident)

    # -- imports --

    def import_records(
        self, records: Iterable[Mapping[str, Any] | str | bytes], *, source: str = "records"
    ) -> ImportResult:
        """Add or replace records; a newer `modified` replaces, an older or identical one is skipped."""
        added: list[str] = []
        updated: list[str] = []
        rejected: list[tuple[str, str]] = []
        unchanged = 0
        affected: set[PackageKey] = set()
        for n, item in enumerate(records):
            try:
                record = (
                    parse_json(item, field=f"{source}[{n}]", max_depth=MAX_RECORD_DEPTH)
                    if isinstance(item, str | bytes)
                    else item
                )
                if not isinstance(record, Mapping):
                    raise ValueError("record is not a JSON object")
                advisory = build_advisory(record)
            except StructuredTextRefused as exc:
                rejected.append((f"{source}[{n}]", exc.message))
                continue
            except ValueError as exc:
                rejected.append((f"{source}[{n}]", str(exc)))
                continue
            canonical = _canonical(record)
            previous = self._advisories.get(advisory.id)
            if previous is not None:
                if self._canonical[advisory.id] == canonical:
                    unchanged += 1
                    continue
                old_time, new_time = _parse_time(previous.modified), _parse_time(advisory.modified)
                if old_time is not None and new_time is not None and new_time < old_time:
                    unchanged += 1
                    continue
                affected |= previous.package_keys
                self._unindex(previous)
                updated.append(advisory.id)
            else:
                added.append(advisory.id)
            affected |= advisory.package_keys
            self._advisories[advisory.id] = advisory
            self._canonical[advisory.id] = canonical
            if not advisory.withdrawn:
                for package in advisory.affected:
                    key = (package.ecosystem, package.name)
                    self._by_package.setdefault(key, {}).setdefault(advisory.id, []).append(package)
                    if self._compile_on_import:
                        package.compile()
        return ImportResult(
            added=tuple(added),
            updated=tuple(updated),
            unchanged=unchanged,
            rejected=tuple(rejected),
            affected_packages=frozenset(affected),
        )

    def import_json(
        self,
        data: bytes | str,
        *,
        source: str = "json",
        field: str = "osv_data",
        max_bytes: int = DEFAULT_MAX_DUMP_BYTES,
    ) -> ImportResult:
        """A single OSV record, or a JSON array of records."""
        parsed = parse_json(
            data,
            field=field,
            # An array of records is one level more than a record.
            max_depth=MAX_RECORD_DEPTH + 1,
            max_bytes=max_bytes,
            reason=reasons.ADVISORY_MALFORMED,
            domain=reasons.PROCUREMENT_DOMAIN,
        )
        records = parsed if isinstance(parsed, list) else [parsed]
        return self.import_records(records, source=source)

    def import_zip(
        self,
        source: bytes | str | os.PathLike[str] | IO[bytes],
        *,
        max_total_bytes: int = DEFAULT_MAX_DUMP_BYTES,
        max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
        max_records: int = DEFAULT_MAX_DUMP_RECORDS,
        field: str = "osv_data",
    ) -> ImportResult:
        """An osv.dev dump (`<ecosystem>/all.zip`: one `<id>.json` per advisory).

        Uncompressed sizes (per record and in total, as really expanded, not as
        the archive claims), the expansion ratio and the number of records are
        capped (untrusted.zip_members) so that a zip bomb is refused rather than
        expanded; each record's JSON is depth-bounded like any untrusted JSON.
        """
        data = source if isinstance(source, bytes) else _read_all(source)
        oversized: list[tuple[str, str]] = []
        members = zip_members(
            data,
            field=field,
            suffix=".json",
            max_member_bytes=max_record_bytes,
            max_total_bytes=max_total_bytes,
            max_members=max_records,
            reason=reasons.ADVISORY_MALFORMED,
            too_large_reason=reasons.ADVISORY_DUMP_TOO_LARGE,
            domain=reasons.PROCUREMENT_DOMAIN,
            on_oversized=lambda name: oversized.append((name, "record exceeds the size limit")),
        )
        result = self.import_records((body for _, body in members), source="zip")
        if not oversized:
            return result
        return ImportResult(
            added=result.added,
            updated=result.updated,
            unchanged=result.unchanged,
            rejected=result.rejected + tuple(oversized),
            affected_packages=result.affected_packages,
        )

    def _unindex(self, advisory: Advisory) -> None:
        for key in advisory.package_keys:
            bucket = self._by_package.get(key)
            if bucket is not None:
                bucket.pop(advisory.id, None)
                if not bucket:
                    del self._by_package[key]

    # -- matching --

    def match(self, purl: str, version: str = "") -> list[VulnerabilityMatch]:
        """Advisories that affect the package of `purl` at its version (or `version` when given)."""
        keyed = _package_key_of_purl(purl)
        if keyed is None:
            return []
        key, purl_version = keyed
        return self.match_package(key, version or purl_version)

    def match_package(self, key: PackageKey, version: str) -> list[VulnerabilityMatch]:
        bucket = self._by_package.get(key)
        if not bucket or not version:
            return []
        out: list[VulnerabilityMatch] = []
        for ident, packages in bucket.items():
            hit, fixed = False, ""
            for package in packages:
                affected, package_fixed = package.affects(version)
                if affected:
                    hit = True
                    if package_fixed and (
                        not fixed or _lower_fixed(ECOSYSTEM_VERSIONS[key[0]], package_fixed, fixed)
                    ):
                        fixed = package_fixed
            if hit:
                advisory = self._advisories[ident]
                out.append(
                    VulnerabilityMatch(
                        advisory_id=ident,
                        aliases=advisory.aliases,
                        summary=advisory.summary,
                        severity=advisory.severity,
                        cvss_score=advisory.cvss_score,
                        cvss_vector=advisory.cvss_vector,
                        fixed_version=fixed,
                        ecosystem=key[0],
                        package=key[1],
                    )
                )
        out.sort(key=lambda m: m.advisory_id)
        return out

    def packages(self) -> frozenset[PackageKey]:
        return frozenset(self._by_package)

    def compile_ranges(self) -> int:
        """Compile every range now (for an index made with compile_on_import=False).

        Returns how many affected-package entries there are. Matching compiles
        lazily anyway; calling this only moves the cost off the first reviews.
        """
        count = 0
        for bucket in self._by_package.values():
            for packages in bucket.values():
                for package in packages:
                    package.compile()
                    count += 1
        return count


def _read_all(source: str | os.PathLike[str] | IO[bytes]) -> bytes:
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as handle:
            return handle.read()
    return source.read()
