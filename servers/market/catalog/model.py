"""What the catalog knows about a package, as the importers read it from registry metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum


class Ecosystem(Enum):
    PYPI = "PYPI"
    NPM = "NPM"
    MAVEN = "MAVEN"

    @property
    def purl_type(self) -> str:
        return self.value.lower()


class LicenceFamily(Enum):
    UNSPECIFIED = "UNSPECIFIED"
    PERMISSIVE = "PERMISSIVE"
    WEAK_COPYLEFT = "WEAK_COPYLEFT"
    STRONG_COPYLEFT = "STRONG_COPYLEFT"
    PUBLIC_DOMAIN = "PUBLIC_DOMAIN"
    OTHER = "OTHER"


@dataclass(frozen=True, slots=True)
class Licence:
    declared: str = ""
    expression: str = ""
    ids: tuple[str, ...] = ()
    valid: bool = False
    approved: bool = False
    family: LicenceFamily = LicenceFamily.UNSPECIFIED


@dataclass(frozen=True, slots=True)
class Dependency:
    purl: str
    requirement: str
    scope: str = ""


@dataclass(frozen=True, slots=True)
class PackageVersion:
    version: str
    licence: Licence = Licence()
    publish_time: datetime | None = None
    withdrawn: bool = False
    withdrawn_reason: str = ""
    signed: bool = False
    prerelease: bool = False
    dependencies: tuple[Dependency, ...] = ()


@dataclass(frozen=True, slots=True)
class PackageMetadata:
    """One registry document read: the package and the versions it describes."""

    ecosystem: Ecosystem
    name: str
    purl: str
    summary: str = ""
    homepage: str = ""
    repository: str = ""
    security_policy: str = ""
    keywords: tuple[str, ...] = ()
    maintainers: tuple[str, ...] = ()
    versions: tuple[PackageVersion, ...] = ()
    latest: str = ""
    """The version the registry calls latest (PyPI `info.version`, npm `dist-tags.latest`), if it says."""
    source_sha256: bytes = b""


@dataclass(frozen=True, slots=True)
class Project:
    id: str
    ecosystem: Ecosystem
    purl: str
    package_name: str
    description_zh: str
    description_en: str
    homepage: str
    repository: str
    categories: tuple[str, ...]
    keywords: tuple[str, ...]
    maintainer_count: int
    latest_version: str
    licence: Licence
    version_count: int
    security_policy: str
    publisher: str
    official: bool
    health_score: float
    creator: str
    creator_org: str
    create_time: datetime
    update_time: datetime


@dataclass(frozen=True, slots=True)
class Version:
    project_id: str
    version: str
    purl: str
    licence: Licence
    publish_time: datetime | None
    withdrawn: bool
    withdrawn_reason: str
    signed: bool
    prerelease: bool
    dependencies: tuple[Dependency, ...]
    source_sha256: bytes
    order: int = field(default=0, compare=False)
    """Position in the ecosystem's ordering among the project's versions (higher is newer)."""
