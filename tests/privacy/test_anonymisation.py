"""Anonymisation without a server: hierarchies, the Taiwan area table, and the search against brute force."""

from __future__ import annotations

import itertools
import random
from collections import Counter

import pytest

from jipan.servers.privacy.anonymisation import taiwan_areas
from jipan.servers.privacy.anonymisation.engine import AnonymisationSpec, anonymise, resolve_hierarchies
from jipan.servers.privacy.anonymisation.hierarchies import Hierarchy, HierarchyKind, encode
from jipan.servers.privacy.assessment import assess
from jipan.servers.privacy.table import Table, read_table
from jipan.servers.privacy.types import Column, ColumnKind, ColumnRole
from jipan.servers.runtime.errors import FailedPrecondition, InvalidArgument

QI = ColumnRole.QUASI_IDENTIFIER


def test_the_area_table_has_every_county_and_district() -> None:
    rows = taiwan_areas.districts()
    assert len(taiwan_areas.counties()) == 22
    assert sum(1 for d in rows if d.administrative) == 368
    assert {d.district for d in rows if not d.administrative} == {"東沙群島", "南沙群島", "釣魚臺列嶼"}
    per_county = Counter(d.county for d in rows if d.administrative)
    assert per_county["臺北市"] == 12
    assert per_county["新北市"] == 29
    assert per_county["高雄市"] == 38
    assert per_county["連江縣"] == 4


def test_areas_parse_at_every_level() -> None:
    parse = taiwan_areas.parse_area
    assert parse("臺北市大安區龍門里") == taiwan_areas.Area("臺北市", "大安區", "龍門里")
    assert parse("台北市大安區") == taiwan_areas.Area("臺北市", "大安區", "")
    assert parse("花蓮縣") == taiwan_areas.Area("花蓮縣", "", "")
    # 嘉義市東區 is not the start of 臺中市東勢區, nor is 東區 read from 東勢區.
    assert parse("臺中市東勢區") == taiwan_areas.Area("臺中市", "東勢區", "")
    assert parse("臺北市信義區") != parse("基隆市信義區")
    assert parse("臺北市大安區龍門") is None  # a village ends in 村 or 里
    assert parse("東京都新宿区") is None
    assert parse("臺北市板橋區") is None  # 板橋 is in 新北市


def test_hierarchies_generalise_level_by_level() -> None:
    values = ["2026-01-05", "2026-01-20", "2026-02-28", "2026-04-01", "2025-12-31", ""]
    dates = encode(values, Hierarchy("d", HierarchyKind.DATE))
    assert dates.level_names == ("value", "month", "quarter", "year", "withheld")
    at = [[dates.labels[level][dates.maps[level][c]] for c in dates.codes] for level in range(dates.height)]
    assert at[1] == ["2026-01", "2026-01", "2026-02", "2026-04", "2025-12", ""]
    assert at[2] == ["2026-Q1", "2026-Q1", "2026-Q1", "2026-Q2", "2025-Q4", ""]
    assert at[3] == ["2026", "2026", "2026", "2026", "2025", ""]
    assert at[4] == ["*"] * 6
    # A level that merges none of the values is left out of the lattice.
    assert encode(["2026-01-05", "2026-02-05"], Hierarchy("d", HierarchyKind.DATE)).level_names == (
        "value",
        "quarter",
        "withheld",
    )
    ages = encode(["31", "34", "35", "49"], Hierarchy("a", HierarchyKind.NUMBER_BANDS, (5.0, 10.0)))
    assert [ages.labels[1][ages.maps[1][c]] for c in ages.codes] == [
        "[30,35)",
        "[30,35)",
        "[35,40)",
        "[45,50)",
    ]
    assert [ages.labels[2][ages.maps[2][c]] for c in ages.codes] == [
        "[30,40)",
        "[30,40)",
        "[30,40)",
        "[40,50)",
    ]
    areas = encode(
        ["臺北市大安區龍門里", "台北市大安區", "臺北市中正區"], Hierarchy("t", HierarchyKind.TAIWAN_AREA)
    )
    assert areas.level_names == ("value", "district", "county", "withheld")
    assert [areas.labels[1][areas.maps[1][c]] for c in areas.codes] == [
        "臺北市大安區",
        "臺北市大安區",
        "臺北市中正區",
    ]
    # Districts only: the village → district level merges nothing and is left out.
    only_districts = ["臺北市大安區", "臺北市中正區", "新北市板橋區"]
    districts = encode(only_districts, Hierarchy("t", HierarchyKind.TAIWAN_AREA))
    assert districts.level_names == ("value", "county", "withheld")


def test_hierarchies_that_do_not_fit_are_refused() -> None:
    columns = [Column("age", QI, ColumnKind.NUMBER), Column("city", QI, ColumnKind.TEXT)]
    cases = [
        Hierarchy("age", HierarchyKind.NUMBER_BANDS, (5.0, 12.0)),  # 12 is not a multiple of 5
        Hierarchy("age", HierarchyKind.DATE),
        Hierarchy("city", HierarchyKind.NUMBER_BANDS),
        Hierarchy("nickname", HierarchyKind.SUPPRESSION),
    ]
    for case in cases:
        with pytest.raises(InvalidArgument) as caught:
            resolve_hierarchies(columns, [case])
        assert caught.value.reason == "HIERARCHY_INVALID"
    table = Table(columns={"age": ["30"], "city": ["巴黎"]}, row_count=1)
    spec = AnonymisationSpec(
        2,
        0,
        1.0,
        (Hierarchy("age", HierarchyKind.SUPPRESSION), Hierarchy("city", HierarchyKind.TAIWAN_AREA)),
    )
    with pytest.raises(InvalidArgument) as caught:
        anonymise(table, columns, spec)
    assert caught.value.metadata["column"] == "city"


def _people(n: int, seed: int) -> tuple[Table, list[Column]]:
    rng = random.Random(seed)
    districts = [d.county + d.district for d in taiwan_areas.districts()[:40]]
    rows = [
        (
            f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            str(rng.randint(18, 90)),
            rng.choice(districts),
            rng.choice("FM"),
            rng.choice(["flu", "cold", "cancer", "asthma"]),
        )
        for _ in range(n)
    ]
    columns = [
        Column("visit", QI, ColumnKind.DATE),
        Column("age", QI, ColumnKind.NUMBER),
        Column("area", QI, ColumnKind.TEXT),
        Column("sex", QI, ColumnKind.TEXT),
        Column("disease", ColumnRole.SENSITIVE, ColumnKind.TEXT),
    ]
    table = Table(columns={c.name: [r[i] for r in rows] for i, c in enumerate(columns)}, row_count=n)
    return table, columns


def _brute_force(table: Table, columns: list[Column], spec: AnonymisationSpec) -> tuple[float, int]:
    """Every transformation of the lattice, evaluated with Counters: the least (loss, discernibility)."""
    encoded = [encode(table.columns[h.column], h) for h in spec.hierarchies]
    sensitive = [c.name for c in columns if c.role is ColumnRole.SENSITIVE]
    n = table.row_count
    cap = int(spec.max_suppression * n + 1e-9)
    best: tuple[float, int] | None = None
    for node in itertools.product(*(range(c.height) for c in encoded)):
        keys = [
            tuple(c.labels[level][c.maps[level][c.codes[i]]] for c, level in zip(encoded, node, strict=True))
            for i in range(n)
        ]
        sizes = Counter(keys)
        values: dict[tuple[str, ...], set[str]] = {}
        for i, key in enumerate(keys):
            for name in sensitive:
                values.setdefault(key, set()).add(name + "\x00" + table.columns[name][i])

        violating = {
            key
            for key, size in sizes.items()
            if size < spec.k or (spec.l_diversity > 1 and len(values[key]) < spec.l_diversity)
        }

        suppressed = sum(size for key, size in sizes.items() if key in violating)
        if suppressed > cap:
            continue
        loss = 0.0
        for i, key in enumerate(keys):
            if key in violating:
                loss += len(encoded)
                continue
            for c, level in zip(encoded, node, strict=True):
                leaves = c.leaves[level][c.maps[level][c.codes[i]]]
                loss += (leaves - 1) / (c.distinct - 1) if c.distinct > 1 else 0.0
        loss /= n * len(encoded)
        disc = sum(size * size for key, size in sizes.items() if key not in violating) + suppressed * n
        if best is None or (loss, disc) < best:
            best = (loss, disc)
    assert best is not None
    return best


@pytest.mark.parametrize(("k", "l_diversity", "suppression"), [(3, 0, 0.0), (5, 0, 0.05), (4, 2, 0.1)])
def test_the_search_finds_the_least_loss_that_brute_force_finds(
    k: int, l_diversity: int, suppression: float
) -> None:
    table, columns = _people(300, seed=k)
    hierarchies = resolve_hierarchies(
        columns,
        [
            Hierarchy("age", HierarchyKind.NUMBER_BANDS, (5.0, 10.0, 50.0)),
            Hierarchy("area", HierarchyKind.TAIWAN_AREA),
        ],
    )
    spec = AnonymisationSpec(k, l_diversity, suppression, hierarchies)
    result = anonymise(table, columns, spec)
    expected_loss, expected_disc = _brute_force(table, columns, spec)
    assert result.outcome.loss == pytest.approx(expected_loss)
    assert result.outcome.discernibility == expected_disc
    assert result.outcome.evaluated_transformations < result.outcome.lattice_size
    # The output is what the outcome says: assessed afresh, k holds, and ℓ where asked.
    output = read_table(result.csv, result.columns, max_rows=1000)
    assert output.row_count == result.outcome.row_count == 300 - result.outcome.suppressed_records
    assert result.outcome.suppressed_records <= int(suppression * 300)
    assessed = assess(output, result.columns, 0.5, 10)
    assert assessed.k_anonymity == result.outcome.achieved_k >= k
    assert assessed.equivalence_class_count == result.outcome.equivalence_class_count
    if l_diversity:
        assert dict(assessed.diversities)["disease"] >= l_diversity


def test_no_transformation_within_the_cap_is_infeasible() -> None:
    table, columns = _people(4, seed=1)
    spec = AnonymisationSpec(5, 0, 0.0, resolve_hierarchies(columns, []))
    with pytest.raises(FailedPrecondition) as caught:
        anonymise(table, columns, spec)
    assert caught.value.reason == "ANONYMISATION_INFEASIBLE"
