"""Taiwan's administrative areas from the shipped table: 村里 → 鄉鎮市區 → 縣市.

The table (data/taiwan_districts.csv, see data/README.md) holds every
county and district. An area value is a county ("臺北市"), a district with
its county ("臺北市大安區") or a village with both ("臺北市大安區龍門里");
"台" is read as "臺", as people write either.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "taiwan_districts.csv"
VILLAGE_SUFFIXES = ("村", "里")


@dataclass(frozen=True)
class Area:
    """An area value read against the table; `district` and `village` are "" above their level."""

    county: str
    district: str
    village: str


@dataclass(frozen=True)
class District:
    zipcode: str
    county: str
    district: str
    administrative: bool


@cache
def districts() -> tuple[District, ...]:
    with TABLE.open(encoding="utf-8", newline="") as f:
        return tuple(
            District(
                zipcode=row["zipcode"],
                county=row["county"],
                district=row["district"],
                administrative=row["administrative"] == "yes",
            )
            for row in csv.DictReader(f)
        )


@cache
def _by_county() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for entry in districts():
        table.setdefault(entry.county, []).append(entry.district)
    # Longest first: "東區" must not be read from the start of "東勢區".
    return {county: tuple(sorted(names, key=len, reverse=True)) for county, names in table.items()}


def counties() -> tuple[str, ...]:
    return tuple(_by_county())


def parse_area(value: str) -> Area | None:
    """The area a value names; None when the table does not know it."""
    text = value.strip().replace("台", "臺")
    county = next((c for c in _by_county() if text.startswith(c)), None)
    if county is None:
        return None
    rest = text[len(county) :]
    if not rest:
        return Area(county, "", "")
    district = next((d for d in _by_county()[county] if rest.startswith(d)), None)
    if district is None:
        return None
    village = rest[len(district) :]
    if village and (len(village) < 2 or not village.endswith(VILLAGE_SUFFIXES)):
        return None
    return Area(county, district, village)
