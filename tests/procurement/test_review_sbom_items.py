"""Large SBOM arrays validated item by item (licences once per distinct value) decide as the library does.

parse_sbom validates a large top-level array one item at a time with the
library's validator entered at the array's schema, and a component's
`licenses` apart, once per distinct value (review/sbom.py). Whatever it
accepts or refuses, cyclonedx-python-lib's own validator, run on the whole
document, must accept or refuse too; these documents are small enough for
the library's pairwise uniqueItems check.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable
from typing import Any

import pytest
from cyclonedx.schema import SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator

from jipan.servers.procurement.review import parse_sbom, reasons
from jipan.servers.procurement.review.sbom import _array_validations
from jipan.servers.runtime.errors import InvalidArgument

JSON_TYPE = "application/vnd.cyclonedx+json"
LICENCE_CHOICES: list[Any] = [
    [{"license": {"id": "MIT"}}],
    [{"license": {"id": "Apache-2.0"}}, {"license": {"name": "Custom licence"}}],
    [{"expression": "MIT OR GPL-2.0-only"}],
]


def document(spec: str, count: int) -> dict[str, Any]:
    return {
        "bomFormat": "CycloneDX",
        "specVersion": spec,
        "version": 1,
        "components": [
            {
                "type": "library",
                "bom-ref": f"pkg:npm/p{i}@1.0.{i}",
                "name": f"p{i}",
                "version": f"1.0.{i}",
                "purl": f"pkg:npm/p{i}@1.0.{i}",
                "licenses": copy.deepcopy(LICENCE_CHOICES[i % len(LICENCE_CHOICES)]),
            }
            for i in range(count)
        ],
    }


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any], int], None]:
    def mutate(doc: dict[str, Any], i: int) -> None:
        target: Any = doc["components"][i]
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return mutate


def _drop(name: str) -> Callable[[dict[str, Any], int], None]:
    def mutate(doc: dict[str, Any], i: int) -> None:
        doc["components"][i].pop(name, None)

    return mutate


def _nest(doc: dict[str, Any], i: int) -> None:
    doc["components"][i]["components"] = [
        {"type": "library", "name": "inner", "licenses": [{"license": {"id": "MIT", "colour": "red"}}]}
    ]


MUTATIONS: dict[str, Callable[[dict[str, Any], int], None]] = {
    "licences valid, another shape": _set(("licenses",), [{"license": {"id": "BSD-3-Clause"}}]),
    "licences null": _set(("licenses",), None),
    "licences empty": _set(("licenses",), []),
    "licences an object": _set(("licenses",), {"license": {"id": "MIT"}}),
    "licence with an unknown property": _set(("licenses",), [{"license": {"id": "MIT", "colour": "red"}}]),
    "licence neither id nor name": _set(("licenses",), [{"license": {"url": "https://example.test"}}]),
    "licence id not SPDX": _set(("licenses",), [{"license": {"id": "Not-A-Licence"}}]),
    "two expressions": _set(("licenses",), [{"expression": "MIT"}, {"expression": "ISC"}]),
    "expression and licence mixed": _set(("licenses",), [{"expression": "MIT"}, {"license": {"id": "MIT"}}]),
    "no licences at all": _drop("licenses"),
    "type unknown": _set(("type",), "spaceship"),
    "name missing": _drop("name"),
    "unknown component property": _set(("colour",), "red"),
    "nested component with a bad licence": _nest,
    "component not an object": lambda doc, i: doc["components"].__setitem__(i, "a string"),
}


def library_accepts(doc: dict[str, Any]) -> bool:
    validator = JsonStrictValidator(SchemaVersion.from_version(doc["specVersion"]))
    return validator.validate_str(json.dumps(doc)) is None


def we_accept(doc: dict[str, Any]) -> bool:
    reason = ""
    try:
        parse_sbom(json.dumps(doc).encode(), JSON_TYPE)
    except InvalidArgument as exc:
        reason = exc.reason
    assert reason in ("", reasons.SBOM_SCHEMA_INVALID), reason
    return not reason


@pytest.mark.parametrize("spec", ["1.4", "1.5", "1.6"])
def test_the_licence_split_applies_to_components(spec: str) -> None:
    arrays = _array_validations(SchemaVersion.from_version(spec))
    assert arrays["components"].licences is not None  # else the speed-up silently went away


@pytest.mark.parametrize("spec", ["1.4", "1.5", "1.6"])
@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_item_validation_decides_as_the_library_does(spec: str, mutation: str) -> None:
    rng = random.Random(f"{spec}{mutation}")
    doc = document(spec, 40)
    assert we_accept(doc)
    assert library_accepts(doc)
    index = rng.randrange(17, 40)  # beyond the first 16: the array is "large"
    MUTATIONS[mutation](doc, index)
    assert we_accept(doc) == library_accepts(doc), mutation


def test_a_bad_licence_names_its_component_even_when_its_value_was_seen_before() -> None:
    doc = document("1.5", 40)
    bad = [{"license": {"id": "MIT", "colour": "red"}}]
    doc["components"][20]["licenses"] = copy.deepcopy(bad)
    with pytest.raises(InvalidArgument) as first:
        parse_sbom(json.dumps(doc).encode(), JSON_TYPE)
    assert first.value.field_violations[0].field.startswith("sbom.components[20].licenses")
    # The same bad value later only: reported at the later component.
    doc["components"][20]["licenses"] = copy.deepcopy(LICENCE_CHOICES[0])
    doc["components"][33]["licenses"] = copy.deepcopy(bad)
    with pytest.raises(InvalidArgument) as second:
        parse_sbom(json.dumps(doc).encode(), JSON_TYPE)
    assert second.value.field_violations[0].field.startswith("sbom.components[33].licenses")


def test_components_differing_only_in_licences_are_not_duplicates() -> None:
    doc = document("1.5", 40)
    del doc["components"][5]["bom-ref"]  # (bom-refs must be unique, whatever the licences)
    twin = copy.deepcopy(doc["components"][5])
    twin["licenses"] = [{"license": {"id": "ISC"}}]
    doc["components"][30] = twin
    assert library_accepts(doc)
    assert we_accept(doc)
