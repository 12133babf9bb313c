"""procurement: SBOM review wall time for 1,000 and 10,000 components against >= 50,000 OSV records.

Usage:
    python bench/procurement_sbom.py [--quick] [--advisories N] [--seed S]

An advisory store of N synthetic OSV records (PyPI, npm and Maven, four per
package, ECOSYSTEM ranges with introduced/fixed/last_affected events, CVSS v3
vectors, `versions` lists on the PyPI ones) is loaded with
`AdvisoryIndex.from_records`, as the server does from its rows at start. Then
for each size a CycloneDX 1.5 JSON SBOM is generated whose components all name
packages in the store (about half at an affected version) with a mix of licence
expressions, and the clock measures `parse_sbom` (schema validation through
cyclonedx-python-lib, component extraction) plus `review_software`. Each
size's first run is on a freshly loaded index with the version and purl
caches emptied: that cold time is what the JSON reports. The validators'
modules are imported first (`validator_import_s`), as the server does in the
background at start. Ranges are compiled
when records are imported (counted in index_load_s); without --quick the run
also reports an index that compiles them lazily, on first lookup.

bench/procurement.py imports `generate_osv_records`, `generate_sbom` and
`measure` from here. The last line is JSON: sbom_1k_s, sbom_10k_s, advisories,
and the parts (parse, review, index load).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import uuid
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.host import cpu_model, load_1m
from jipan.servers.procurement.review import (
    AdvisoryIndex,
    DeclaredLicenceTerms,
    Distribution,
    ReviewPolicy,
    parse_sbom,
    review_software,
)
from jipan.servers.procurement.review.advisories import clear_caches
from jipan.servers.procurement.review.sbom import import_validators

ECOSYSTEMS = ("PyPI", "npm", "Maven")
ADVISORIES_PER_PACKAGE = 4
LICENCES = ("MIT", "Apache-2.0", "BSD-3-Clause", "ISC", "LGPL-2.1-only", "MIT OR GPL-2.0-only", "MPL-2.0")
VECTORS = (
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
    "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N",
    "CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N",
)


def package_name(ecosystem: str, i: int) -> str:
    if ecosystem == "Maven":
        return f"org.bench{i % 97}:artifact-{i}"
    return f"bench-pkg-{i}"


def purl_of(ecosystem: str, name: str, version: str) -> str:
    if ecosystem == "Maven":
        group, artifact = name.split(":")
        return f"pkg:maven/{group}/{artifact}@{version}"
    return f"pkg:{'pypi' if ecosystem == 'PyPI' else 'npm'}/{name}@{version}"


def packages_for(advisories: int) -> int:
    return (advisories + ADVISORIES_PER_PACKAGE - 1) // ADVISORIES_PER_PACKAGE


def generate_osv_records(count: int = 50_000, *, seed: int = 1) -> list[dict[str, Any]]:
    """`count` OSV records, ADVISORIES_PER_PACKAGE per package, packages spread over ECOSYSTEMS."""
    rng = random.Random(seed)
    records: list[dict[str, Any]] = []
    for n in range(count):
        i = n // ADVISORIES_PER_PACKAGE
        ecosystem = ECOSYSTEMS[i % len(ECOSYSTEMS)]
        minor = n % ADVISORIES_PER_PACKAGE * 2
        events: list[dict[str, str]] = [{"introduced": "0" if minor == 0 else f"1.{minor}.0"}]
        if rng.random() < 0.8:
            events.append({"fixed": f"1.{minor + 1}.{rng.randint(1, 9)}"})
        else:
            events.append({"last_affected": f"1.{minor + 1}.0"})
        affected: dict[str, Any] = {
            "package": {"ecosystem": ecosystem, "name": package_name(ecosystem, i)},
            "ranges": [{"type": "ECOSYSTEM", "events": events}],
        }
        if ecosystem == "PyPI":
            affected["versions"] = [f"1.{minor}.{p}" for p in range(3)]
        records.append(
            {
                "schema_version": "1.6.0",
                "id": f"BENCH-{n:07d}",
                "modified": "2026-01-01T00:00:00Z",
                "aliases": [f"CVE-2026-{n:05d}"],
                "summary": "synthetic advisory",
                "severity": [{"type": "CVSS_V3", "score": VECTORS[n % len(VECTORS)]}],
                "affected": [affected],
            }
        )
    return records


def generate_sbom(components: int, *, advisories: int = 50_000, seed: int = 2) -> bytes:
    """A CycloneDX 1.5 JSON SBOM whose components name packages of `generate_osv_records(advisories)`."""
    rng = random.Random(seed)
    packages = packages_for(advisories)
    chosen = rng.sample(range(packages), min(components, packages))
    while len(chosen) < components:
        chosen.append(packages + len(chosen))  # packages no advisory names
    items = []
    for i in chosen:
        ecosystem = ECOSYSTEMS[i % len(ECOSYSTEMS)]
        name = package_name(ecosystem, i)
        version = f"1.{rng.randint(0, 9)}.{rng.randint(0, 9)}"
        purl = purl_of(ecosystem, name, version)
        items.append(
            {
                "type": "library",
                "bom-ref": purl,
                "name": name,
                "version": version,
                "purl": purl,
                "licenses": [{"expression": rng.choice(LICENCES)}],
            }
        )
    doc = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "serialNumber": f"urn:uuid:{uuid.UUID(int=rng.getrandbits(128), version=4)}",
        "version": 1,
        "metadata": {"component": {"type": "application", "bom-ref": "bench-app", "name": "bench-app"}},
        "components": items,
    }
    return json.dumps(doc).encode()


def measure(sbom: bytes, index: AdvisoryIndex, policy: ReviewPolicy | None = None) -> dict[str, Any]:
    """Wall time of parse_sbom + review_software on one SBOM."""
    policy = policy or ReviewPolicy()
    declared = DeclaredLicenceTerms(Distribution.PROPRIETARY)
    cpu = time.process_time()
    t0 = time.perf_counter()
    parsed = parse_sbom(sbom, "application/vnd.cyclonedx+json")
    t1 = time.perf_counter()
    decision = review_software(parsed, index, declared, policy)
    t2 = time.perf_counter()
    cpu = time.process_time() - cpu
    vulnerable = {f.component_purl for f in decision.findings if f.advisory_id}
    return {
        "components": len(parsed.components),
        "parse_s": round(t1 - t0, 4),
        "review_s": round(t2 - t1, 4),
        "total_s": round(t2 - t0, 4),
        "cpu_s": round(cpu, 4),
        "findings": len(decision.findings),
        "vulnerable_components": len(vulnerable),
        "outcome": decision.outcome.value,
    }


def run(*, quick: bool, advisories: int, seed: int) -> dict[str, Any]:
    # As the server has done beside its start (reviews.py's warm-up), before any
    # SBOM it reviews: the validators' modules, not a validator, are loaded.
    t_import = time.perf_counter()
    import_validators()
    import_s = time.perf_counter() - t_import
    t0 = time.perf_counter()
    records = generate_osv_records(advisories, seed=seed)
    generated_s = time.perf_counter() - t0
    results: dict[str, Any] = {
        "advisories": len(records),
        "generate_s": round(generated_s, 3),
        "validator_import_s": round(import_s, 3),
    }
    for label, size in (("1k", 1_000), ("10k", 10_000)):
        sbom = generate_sbom(size, advisories=advisories, seed=seed + size)
        t1 = time.perf_counter()
        clear_caches()
        index = AdvisoryIndex.from_records(records)
        results["index_load_s"] = round(time.perf_counter() - t1, 3)
        cold = measure(sbom, index)
        results[f"sbom_{label}_s"] = cold["total_s"]
        results[f"sbom_{label}"] = cold
        if not quick:
            results[f"sbom_{label}_warm"] = measure(sbom, index)
            clear_caches()
            lazy = AdvisoryIndex.from_records(records, compile_on_import=False)
            results[f"sbom_{label}_lazy_compile"] = measure(sbom, lazy)
        results[f"sbom_{label}_bytes"] = len(sbom)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="cold runs only")
    parser.add_argument("--advisories", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    results = run(quick=args.quick, advisories=args.advisories, seed=args.seed)
    for key, value in results.items():
        if isinstance(value, dict):
            print(f"{key}: {json.dumps(value)}")
    summary = {
        "sbom_1k_s": results["sbom_1k_s"],
        "sbom_10k_s": results["sbom_10k_s"],
        "advisories": results["advisories"],
        "index_load_s": results["index_load_s"],
        "sbom_10k_parse_s": results["sbom_10k"]["parse_s"],
        "sbom_10k_review_s": results["sbom_10k"]["review_s"],
        "sbom_10k_cpu_s": results["sbom_10k"]["cpu_s"],
        "cpu": cpu_model(),
        "load_1m": load_1m(),
        "sbom_10k_vulnerable_components": results["sbom_10k"]["vulnerable_components"],
    }
    print(json.dumps(summary), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
