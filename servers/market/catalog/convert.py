"""Catalog domain types ↔ jipan.market.v1 messages."""

from __future__ import annotations

from datetime import datetime

from google.protobuf.timestamp_pb2 import Timestamp

from jipan.market.v1 import resources_pb2 as mres
from jipan.servers.market.catalog.importers import MetadataFormat
from jipan.servers.market.catalog.model import Ecosystem, Licence, LicenceFamily, Project, Version
from jipan.servers.market.health.checks import HEALTHY_SCORE
from jipan.servers.market.names import project_name, version_name

_ECOSYSTEMS = {
    Ecosystem.PYPI: mres.ECOSYSTEM_PYPI,
    Ecosystem.NPM: mres.ECOSYSTEM_NPM,
    Ecosystem.MAVEN: mres.ECOSYSTEM_MAVEN,
}
_ECOSYSTEMS_BACK = {v: k for k, v in _ECOSYSTEMS.items()}
_FAMILIES = {
    LicenceFamily.UNSPECIFIED: mres.LICENCE_FAMILY_UNSPECIFIED,
    LicenceFamily.PERMISSIVE: mres.LICENCE_FAMILY_PERMISSIVE,
    LicenceFamily.WEAK_COPYLEFT: mres.LICENCE_FAMILY_WEAK_COPYLEFT,
    LicenceFamily.STRONG_COPYLEFT: mres.LICENCE_FAMILY_STRONG_COPYLEFT,
    LicenceFamily.PUBLIC_DOMAIN: mres.LICENCE_FAMILY_PUBLIC_DOMAIN,
    LicenceFamily.OTHER: mres.LICENCE_FAMILY_OTHER,
}
_FAMILIES_BACK = {v: k for k, v in _FAMILIES.items()}
_FORMATS = {
    mres.METADATA_FORMAT_PYPI_JSON: MetadataFormat.PYPI_JSON,
    mres.METADATA_FORMAT_NPM_PACKUMENT: MetadataFormat.NPM_PACKUMENT,
    mres.METADATA_FORMAT_MAVEN_POM: MetadataFormat.MAVEN_POM,
}


def format_from_pb(value: mres.MetadataFormat.ValueType) -> MetadataFormat:
    return _FORMATS[value]  # the contract's required + defined_only rules leave only these


def ecosystem_from_pb(value: mres.Ecosystem.ValueType) -> Ecosystem | None:
    return _ECOSYSTEMS_BACK.get(value)


def family_from_pb(value: mres.LicenceFamily.ValueType) -> LicenceFamily | None:
    family = _FAMILIES_BACK.get(value)
    return None if family is LicenceFamily.UNSPECIFIED else family


def family_to_pb(family: LicenceFamily) -> mres.LicenceFamily.ValueType:
    return _FAMILIES[family]


def timestamp(moment: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp


def licence_to_pb(licence: Licence) -> mres.Licence:
    return mres.Licence(
        declared=licence.declared,
        expression=licence.expression,
        licence_ids=list(licence.ids),
        valid=licence.valid,
        approved=licence.approved,
        family=_FAMILIES[licence.family],
    )


def project_badges(project: Project) -> list[mres.Badge.ValueType]:
    badges: list[mres.Badge.ValueType] = []
    if project.publisher:
        badges.append(mres.BADGE_VERIFIED_PUBLISHER)
    if project.official:
        badges.append(mres.BADGE_OFFICIAL)
    if project.licence.approved:
        badges.append(mres.BADGE_LICENCE_APPROVED)
    if project.health_score >= HEALTHY_SCORE:
        badges.append(mres.BADGE_HEALTHY)
    return badges


def project_to_pb(project: Project) -> mres.Project:
    return mres.Project(
        name=project_name(project.id),
        ecosystem=_ECOSYSTEMS[project.ecosystem],
        purl=project.purl,
        package_name=project.package_name,
        description=mres.LocalizedText(zh_tw=project.description_zh, en=project.description_en),
        homepage_uri=project.homepage,
        repository_uri=project.repository,
        categories=list(project.categories),
        keywords=list(project.keywords),
        maintainer_count=project.maintainer_count,
        latest_version=project.latest_version,
        licence=licence_to_pb(project.licence),
        version_count=project.version_count,
        security_policy_uri=project.security_policy,
        publisher=project.publisher.replace("orgs/", "publishers/", 1) if project.publisher else "",
        badges=project_badges(project),
        health_score=project.health_score,
        importing_organization=project.creator_org,
        create_time=timestamp(project.create_time),
        update_time=timestamp(project.update_time),
    )


def version_to_pb(version: Version) -> mres.Version:
    message = mres.Version(
        name=version_name(version.project_id, version.version),
        version=version.version,
        purl=version.purl,
        licence=licence_to_pb(version.licence),
        withdrawn=version.withdrawn,
        withdrawn_reason=version.withdrawn_reason,
        signed=version.signed,
        prerelease=version.prerelease,
        dependencies=[
            mres.Dependency(purl=d.purl, requirement=d.requirement, scope=d.scope)
            for d in version.dependencies
        ],
        source_sha256=version.source_sha256,
    )
    if version.publish_time is not None:
        message.publish_time.CopyFrom(timestamp(version.publish_time))
    return message
