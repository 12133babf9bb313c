"""Registry metadata formats → PackageMetadata, by the format the caller declares."""

from __future__ import annotations

from enum import Enum

from jipan.servers.market.catalog import maven, npm, pypi
from jipan.servers.market.catalog.model import PackageMetadata


class MetadataFormat(Enum):
    PYPI_JSON = "PYPI_JSON"
    NPM_PACKUMENT = "NPM_PACKUMENT"
    MAVEN_POM = "MAVEN_POM"


def read_metadata(fmt: MetadataFormat, data: bytes) -> PackageMetadata:
    """Parse one document (CPU work: run it in a thread). Raises METADATA_INVALID / _TOO_LARGE."""
    if fmt is MetadataFormat.PYPI_JSON:
        return pypi.parse(data)
    if fmt is MetadataFormat.NPM_PACKUMENT:
        return npm.parse(data)
    return maven.parse(data)
