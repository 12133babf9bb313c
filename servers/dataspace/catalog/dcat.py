"""DCAT-AP JSON-LD for the catalog (W3C DCAT 3 as the EU's DCAT-AP 3 profiles it).

The document carries its own `@context` (the prefixes and the few term
mappings it uses), so it expands to the same RDF offline as with the
published DCAT-AP context; offers are ODRL policies (`odrl:hasPolicy`), as
the Dataspace Protocol's catalog requires.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from jipan.servers.dataspace.catalog.types import Dataset

CONTEXT: dict[str, Any] = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "odrl": "http://www.w3.org/ns/odrl/2/",
    "spdx": "http://spdx.org/rdf/terms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "adms": "http://www.w3.org/ns/adms#",
    "dcat:byteSize": {"@type": "xsd:nonNegativeInteger"},
    "dcat:startDate": {"@type": "xsd:dateTime"},
    "dcat:endDate": {"@type": "xsd:dateTime"},
    "dct:issued": {"@type": "xsd:dateTime"},
    "dct:modified": {"@type": "xsd:dateTime"},
}
THEME_BASE = "http://publications.europa.eu/resource/authority/data-theme/"
FREQUENCY_BASE = "http://publications.europa.eu/resource/authority/frequency/"
FREQUENCIES = {
    "CONTINUOUS": "CONT",
    "DAILY": "DAILY",
    "WEEKLY": "WEEKLY",
    "MONTHLY": "MONTHLY",
    "QUARTERLY": "QUARTERLY",
    "ANNUAL": "ANNUAL",
    "NEVER": "NEVER",
    "IRREGULAR": "IRREG",
}
BASE = "urn:jipan:dataspace:"


def _text(value: str, language: str) -> dict[str, str]:
    return {"@value": value, "@language": language}


def dataset_json_ld(dataset: Dataset) -> dict[str, Any]:
    f = dataset.fields
    node: dict[str, Any] = {
        "@id": BASE + dataset.name,
        "@type": "dcat:Dataset",
        "dct:identifier": dataset.name,
        "dct:title": [_text(f.title, "zh-TW")] + ([_text(f.title_en, "en")] if f.title_en else []),
        "dct:publisher": {"@id": BASE + dataset.publisher, "@type": "foaf:Agent"},
        "dct:issued": dataset.create_time.isoformat(),
        "dct:modified": dataset.update_time.isoformat(),
    }
    descriptions = ([_text(f.description, "zh-TW")] if f.description else []) + (
        [_text(f.description_en, "en")] if f.description_en else []
    )
    if descriptions:
        node["dct:description"] = descriptions
    if f.themes:
        node["dcat:theme"] = [{"@id": THEME_BASE + theme} for theme in f.themes]
    if f.keywords:
        node["dcat:keyword"] = list(f.keywords)
    if f.temporal_start or f.temporal_end:
        period: dict[str, Any] = {"@type": "dct:PeriodOfTime"}
        if f.temporal_start:
            period["dcat:startDate"] = f.temporal_start.isoformat()
        if f.temporal_end:
            period["dcat:endDate"] = f.temporal_end.isoformat()
        node["dct:temporal"] = period
    if f.spatial:
        node["dct:spatial"] = {"@id": f"urn:iso:std:iso:3166:{f.spatial}"}
    if f.license:
        node["dct:license"] = {
            "@id": f.license if f.license.startswith("https://") else f"https://spdx.org/licenses/{f.license}"
        }
    if f.update_frequency in FREQUENCIES:
        node["dct:accrualPeriodicity"] = {"@id": FREQUENCY_BASE + FREQUENCIES[f.update_frequency]}
    node["dcat:distribution"] = [
        {
            "@id": f"{BASE}{dataset.name}/distributions/{d.id}",
            "@type": "dcat:Distribution",
            **({"dct:title": d.title} if d.title else {}),
            "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{d.media_type}"},
            **({"dcat:byteSize": d.byte_size} if d.byte_size else {}),
            **(
                {
                    "spdx:checksum": {
                        "@type": "spdx:Checksum",
                        "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
                        "spdx:checksumValue": d.sha256.hex(),
                    }
                }
                if d.sha256
                else {}
            ),
        }
        for d in f.distributions
    ]
    node["odrl:hasPolicy"] = [
        {
            "@id": f"{BASE}{dataset.name}/offers/{o.id}",
            "@type": "odrl:Offer",
            "odrl:uid": {"@id": f"{BASE}{dataset.name}/offers/{o.id}"},
            "dct:conformsTo": {"@id": "http://www.w3.org/ns/odrl.jsonld"},
            "spdx:checksum": {
                "@type": "spdx:Checksum",
                "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
                "spdx:checksumValue": o.policy_sha256.hex(),
            },
            "rdf:value": o.policy,
        }
        for o in f.offers
    ]
    return node


def catalog_json_ld(datasets: Sequence[Dataset], publisher: str) -> str:
    document = {
        "@context": {**CONTEXT, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
        "@id": BASE + (f"{publisher}/catalog" if publisher else "catalog"),
        "@type": "dcat:Catalog",
        "dct:title": [_text("Jipan 資料空間目錄", "zh-TW"), _text("Jipan data space catalog", "en")],
        "dcat:dataset": [dataset_json_ld(d) for d in datasets],
    }
    return json.dumps(document, ensure_ascii=False, sort_keys=True)
