"""OSV advisory store: real advisories, range semantics per ecosystem, zip dumps, incremental imports."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from univers.versions import PypiVersion, SemverVersion

from jipan.servers.procurement.review import AdvisoryIndex, Severity, package_key_of_purl, reasons
from jipan.servers.procurement.review.advisories import compile_intervals, parse_version, sorted_events
from jipan.servers.procurement.review.severity import cvss2_base_score, cvss3_base_score
from jipan.servers.runtime.errors import InvalidArgument

FIXTURES = Path(__file__).parent / "fixtures"
LOG4J = "GHSA-jfh8-c2jp-5v3q"
LODASH = "GHSA-35jh-r3h4-6jhm"
JINJA = "GHSA-h5c8-rqwp-cp95"
URLLIB3 = "GHSA-v845-jxx5-vc9f"


def record(ident: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((FIXTURES / f"{ident}.json").read_text())
    return loaded


def real_index() -> AdvisoryIndex:
    return AdvisoryIndex.from_records(record(i) for i in (LOG4J, LODASH, JINJA, URLLIB3))


def matched(index: AdvisoryIndex, purl: str) -> dict[str, str]:
    return {m.advisory_id: m.fixed_version for m in index.match(purl)}


LOG4J_PURL = "pkg:maven/org.apache.logging.log4j/log4j-core@{}"


@pytest.mark.parametrize(
    ("version", "fixed"),
    [
        ("2.0-beta9", "2.3.1"),
        ("2.0-rc1", "2.3.1"),
        ("2.0", "2.3.1"),
        ("2.3", "2.3.1"),
        ("2.4", "2.12.2"),
        ("2.12.1", "2.12.2"),
        ("2.13.0", "2.15.0"),
        ("2.14.1", "2.15.0"),
    ],
)
def test_log4j_affected_versions(version: str, fixed: str) -> None:
    assert matched(real_index(), LOG4J_PURL.format(version)) == {LOG4J: fixed}


@pytest.mark.parametrize(
    "version", ["2.0-beta8", "2.0-alpha1", "1.2.17", "2.3.1", "2.12.2", "2.15.0", "2.17.1"]
)
def test_log4j_unaffected_versions(version: str) -> None:
    # Maven ordering: 2.0-alpha1 < 2.0-beta8 < 2.0-beta9 < 2.0-rc1 < 2.0; string order would get these wrong.
    assert matched(real_index(), LOG4J_PURL.format(version)) == {}


def test_match_details_keep_aliases_severity_and_fix() -> None:
    (match,) = real_index().match(LOG4J_PURL.format("2.14.1"))
    assert match.aliases == ("CVE-2021-44228",)
    assert match.severity is Severity.CRITICAL
    assert match.cvss_score == 10.0
    assert match.ecosystem == "Maven"
    assert match.package == "org.apache.logging.log4j:log4j-core"


def test_npm_and_pypi_advisories() -> None:
    index = real_index()
    assert matched(index, "pkg:npm/lodash@4.17.20") == {LODASH: "4.17.21"}
    assert matched(index, "pkg:npm/lodash@4.17.21") == {}
    assert matched(index, "pkg:npm/lodash-es@4.17.15") == {LODASH: "4.17.21"}
    # PEP 503 names: Jinja2, jinja2 and jinja_2-style spellings are one package.
    assert matched(index, "pkg:pypi/Jinja2@3.1.2") == {JINJA: "3.1.3"}
    assert matched(index, "pkg:pypi/jinja2@3.1.3") == {}
    assert matched(index, "pkg:pypi/jinja2@3.1.3rc1") == {JINJA: "3.1.3"}
    # urllib3 has two affected ranges, each with its own fix.
    assert matched(index, "pkg:pypi/urllib3@1.26.16") == {URLLIB3: "1.26.17"}
    assert matched(index, "pkg:pypi/urllib3@1.26.17") == {}
    assert matched(index, "pkg:pypi/urllib3@2.0.5") == {URLLIB3: "2.0.6"}
    assert matched(index, "pkg:pypi/urllib3@2.0.6") == {}
    assert index.match("pkg:pypi/urllib3@2.0.5")[0].severity is Severity.MEDIUM  # database_specific MODERATE


def test_unmatchable_purls_match_nothing() -> None:
    index = real_index()
    assert index.match("not a purl") == []
    assert index.match("pkg:generic/lodash@4.17.20") == []
    assert index.match("pkg:npm/lodash") == []  # no version
    assert index.match("pkg:npm/lodash", "4.17.20") != []


def test_package_keys_of_purls() -> None:
    assert package_key_of_purl("pkg:npm/%40angular/core@17.0.0") == (("npm", "@angular/core"), "17.0.0")
    assert package_key_of_purl("pkg:golang/github.com/gin-gonic/gin@v1.9.0") == (
        ("Go", "github.com/gin-gonic/gin"),
        "v1.9.0",
    )
    assert package_key_of_purl("pkg:pypi/Django_Rest.Framework@3.0") == (
        ("PyPI", "django-rest-framework"),
        "3.0",
    )
    assert package_key_of_purl("pkg:nuget/Newtonsoft.Json@13.0.1") == (("NuGet", "newtonsoft.json"), "13.0.1")
    assert package_key_of_purl("pkg:cargo/smallvec@1.6.0") == (("crates.io", "smallvec"), "1.6.0")


def test_go_and_explicit_versions_lists() -> None:
    go = {
        "id": "GO-TEST-0001",
        "modified": "2024-01-01T00:00:00Z",
        "affected": [
            {
                "package": {"ecosystem": "Go", "name": "github.com/example/mod"},
                "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.4.2"}]}],
            },
            {
                "package": {"ecosystem": "PyPI", "name": "listed-only"},
                "versions": ["0.9", "1.0.0"],
            },
        ],
    }
    index = AdvisoryIndex.from_records([go])
    assert matched(index, "pkg:golang/github.com/example/mod@v1.4.1") == {"GO-TEST-0001": "1.4.2"}
    assert matched(index, "pkg:golang/github.com/example/mod@v1.4.2") == {}
    assert matched(index, "pkg:pypi/listed-only@1.0") == {"GO-TEST-0001": ""}  # PEP 440: 1.0 == 1.0.0
    assert matched(index, "pkg:pypi/listed-only@0.9") == {"GO-TEST-0001": ""}
    assert matched(index, "pkg:pypi/listed-only@1.1") == {}


def test_last_affected_has_no_fixed_version() -> None:
    rec = {
        "id": "TEST-LA",
        "modified": "2024-01-01T00:00:00Z",
        "affected": [
            {
                "package": {"ecosystem": "npm", "name": "left-pad"},
                "ranges": [
                    {"type": "ECOSYSTEM", "events": [{"introduced": "1.0.0"}, {"last_affected": "1.3.0"}]}
                ],
            }
        ],
    }
    index = AdvisoryIndex.from_records([rec])
    assert matched(index, "pkg:npm/left-pad@1.3.0") == {"TEST-LA": ""}
    assert matched(index, "pkg:npm/left-pad@1.3.1") == {}
    assert matched(index, "pkg:npm/left-pad@0.9.0") == {}


def test_withdrawn_advisories_never_match() -> None:
    index = real_index()
    withdrawn = record(LODASH)
    withdrawn["modified"] = "2025-01-01T00:00:00Z"
    withdrawn["withdrawn"] = "2025-01-01T00:00:00Z"
    result = index.import_records([withdrawn])
    assert result.updated == (LODASH,)
    assert ("npm", "lodash") in result.affected_packages
    assert matched(index, "pkg:npm/lodash@4.17.20") == {}
    # Still stored, so the store can persist the withdrawal.
    (row,) = index.rows([LODASH])
    assert row.withdrawn


def test_cvss_scores() -> None:
    assert cvss3_base_score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H") == 10.0
    assert cvss3_base_score("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H") == 7.2
    assert cvss3_base_score("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N") == 5.4
    assert cvss3_base_score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H") == 9.8
    assert cvss3_base_score("CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:N") == 0.0
    assert cvss2_base_score("AV:N/AC:L/Au:N/C:P/I:P/A:P") == 7.5


def test_zip_dump_import() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for ident in (LOG4J, LODASH, JINJA, URLLIB3):
            archive.writestr(f"{ident}.json", (FIXTURES / f"{ident}.json").read_text())
        archive.writestr("README.txt", "not an advisory")
        archive.writestr("BROKEN-1.json", "{not json")
    index = AdvisoryIndex()
    result = index.import_zip(buffer.getvalue())
    assert set(result.added) == {LOG4J, LODASH, JINJA, URLLIB3}
    assert [source for source, _ in result.rejected] == ["zip[4]"]
    assert matched(index, LOG4J_PURL.format("2.14.1")) == {LOG4J: "2.15.0"}
    # Same dump again: nothing changes, nothing to re-evaluate.
    again = index.import_zip(buffer.getvalue())
    assert (again.added, again.updated, again.unchanged, again.affected_packages) == ((), (), 4, frozenset())


def test_zip_limits() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "big.json", json.dumps({"id": "X", "modified": "2024-01-01T00:00:00Z", "pad": "a" * 5000})
        )
    with pytest.raises(InvalidArgument) as caught:
        AdvisoryIndex().import_zip(buffer.getvalue(), max_total_bytes=1000)
    assert caught.value.reason == reasons.ADVISORY_DUMP_TOO_LARGE
    with pytest.raises(InvalidArgument) as caught:
        AdvisoryIndex().import_zip(b"not a zip")
    assert caught.value.reason == reasons.ADVISORY_MALFORMED


def test_import_json_single_and_list() -> None:
    index = AdvisoryIndex()
    assert index.import_json(json.dumps(record(LOG4J))).added == (LOG4J,)
    assert index.import_json(json.dumps([record(LODASH), record(JINJA)]).encode()).added == (LODASH, JINJA)
    with pytest.raises(InvalidArgument) as caught:
        index.import_json(b"{oops")
    assert caught.value.reason == reasons.ADVISORY_MALFORMED
    bad = index.import_records([{"id": "NO-MODIFIED"}, {"modified": "2024-01-01T00:00:00Z"}, "[]"])
    assert len(bad.rejected) == 3
    assert not bad.added


def test_incremental_import_reports_affected_packages() -> None:
    index = real_index()
    newer = record(JINJA)
    newer["modified"] = "2025-02-01T00:00:00Z"
    newer["affected"][0]["ranges"][0]["events"][1]["fixed"] = "3.1.5"
    fresh = {
        "id": "GHSA-TEST-NEW1",
        "modified": "2025-02-01T00:00:00Z",
        "affected": [
            {
                "package": {"ecosystem": "npm", "name": "Minimist"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.2.6"}]}],
            }
        ],
    }
    result = index.import_records([record(LOG4J), newer, fresh])
    assert result.added == ("GHSA-TEST-NEW1",)
    assert result.updated == (JINJA,)
    assert result.unchanged == 1
    assert result.affected_packages == {("PyPI", "jinja2"), ("npm", "minimist")}
    assert matched(index, "pkg:pypi/jinja2@3.1.4") == {JINJA: "3.1.5"}
    # An older copy of a record does not replace the newer one.
    stale = index.import_records([record(JINJA)])
    assert stale.unchanged == 1
    assert not stale.affected_packages
    assert matched(index, "pkg:pypi/jinja2@3.1.4") == {JINJA: "3.1.5"}


def test_update_that_drops_a_package_reports_both() -> None:
    index = real_index()
    moved = copy.deepcopy(record(LODASH))
    moved["modified"] = "2025-01-01T00:00:00Z"
    moved["affected"] = moved["affected"][1:]  # only lodash-es now
    result = index.import_records([moved])
    assert result.affected_packages == {("npm", "lodash"), ("npm", "lodash-es")}
    assert matched(index, "pkg:npm/lodash@4.17.20") == {}


def test_ranges_compile_ahead_of_lookups() -> None:
    index = real_index()
    # log4j-core has three entries, urllib3 two, lodash, lodash-es and jinja2 one each.
    assert index.compile_ranges() == 8
    assert matched(index, LOG4J_PURL.format("2.14.1")) == {LOG4J: "2.15.0"}


def test_rows_round_trip() -> None:
    index = real_index()
    rows = list(index.rows())
    assert {r.id for r in rows} == {LOG4J, LODASH, JINJA, URLLIB3}
    log4j_row = next(r for r in rows if r.id == LOG4J)
    assert log4j_row.package_keys == (("Maven", "org.apache.logging.log4j:log4j-core"),)
    assert json.loads(log4j_row.record_json) == record(LOG4J)
    restored = AdvisoryIndex.from_records(r.record_json for r in rows)
    assert len(restored) == 4
    assert matched(restored, LOG4J_PURL.format("2.14.1")) == {LOG4J: "2.15.0"}


# ----- range semantics against a brute-force oracle --------------------------------

KINDS = ("introduced", "fixed", "last_affected", "limit")
ORDER = {k: i for i, k in enumerate(("introduced", "last_affected", "fixed", "limit"))}


def oracle(v: int, events: list[tuple[str, int | None]]) -> bool:
    """The OSV specification's evaluation, literally: walk the sorted events, flip a flag."""
    ordered = sorted(events, key=lambda e: (-1 if e[1] is None else e[1], ORDER[e[0]]))
    limits = [x for k, x in events if k == "limit" and x is not None]
    if limits and v >= min(limits):
        return False
    affected = False
    for kind, at in ordered:
        if kind == "introduced" and (at is None or v >= at):
            affected = True
        elif (kind == "fixed" and at is not None and v >= at) or (
            kind == "last_affected" and at is not None and v > at
        ):
            affected = False
    return affected


events_strategy = st.lists(
    st.tuples(st.sampled_from(KINDS), st.integers(min_value=0, max_value=12)), min_size=1, max_size=7
).map(lambda evs: [(k, None if (k == "introduced" and x == 0) else x) for k, x in evs])


@settings(max_examples=300, deadline=None)
@given(events=events_strategy, scheme=st.sampled_from(["semver", "pypi"]))
def test_ranges_match_the_spec_oracle(events: list[tuple[str, int | None]], scheme: str) -> None:
    # Version n is "1.n.0" (semver) or "1.n" (PEP 440); n = 0 never appears as an
    # event except as introduced "0", which means "from the beginning".
    def text(n: int) -> str:
        return f"1.{n}.0" if scheme == "semver" else f"1.{n}"

    cls = SemverVersion if scheme == "semver" else PypiVersion
    osv_events = [{k: ("0" if x is None else text(x))} for k, x in events]
    intervals = compile_intervals(sorted_events(osv_events, cls))
    for n in range(14):
        version = parse_version(cls, text(n))
        assert version is not None
        assert any(version in iv for iv in intervals) == oracle(n, events), (n, events)


@settings(max_examples=100, deadline=None)
@given(events=events_strategy)
def test_index_match_agrees_with_the_oracle(events: list[tuple[str, int | None]]) -> None:
    rec = {
        "id": "PROP-1",
        "modified": "2024-01-01T00:00:00Z",
        "affected": [
            {
                "package": {"ecosystem": "npm", "name": "prop"},
                # Events in the record's own (unsorted) order: evaluation must sort them.
                "ranges": [
                    {
                        "type": "ECOSYSTEM",
                        "events": [{k: "0" if x is None else f"2.{x}.0"} for k, x in events],
                    }
                ],
            }
        ],
    }
    index = AdvisoryIndex.from_records([rec])
    for n in range(14):
        assert bool(index.match(f"pkg:npm/prop@2.{n}.0")) == oracle(n, events), (n, events)
