"""Severity levels and CVSS base scores from vectors (v2, v3.0, v3.1).

OSV records carry a CVSS vector, not a score; the score is computed here with the
formulas of the CVSS v3.1 specification (section 7.1, with its Roundup) and of
CVSS v2 (section 3.2.1). CVSS v4 vectors are not scored: a record with only a v4
vector falls back to its database-specific severity.
"""

from __future__ import annotations

import math
from enum import Enum
from typing import Any


class Severity(Enum):
    """Qualitative severity, ordered: UNKNOWN sorts below NONE but policy treats it on its own."""

    UNKNOWN = "UNKNOWN"
    NONE = "NONE"
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    CRITICAL = "CRITICAL"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def at_least(self, other: Severity) -> bool:
        return self.rank >= other.rank


_RANK = {
    Severity.UNKNOWN: -1,
    Severity.NONE: 0,
    Severity.LOW: 1,
    Severity.MEDIUM: 2,
    Severity.HIGH: 3,
    Severity.CRITICAL: 4,
}

# GitHub's advisory database says MODERATE where CVSS says MEDIUM.
_WORDS = {
    "NONE": Severity.NONE,
    "LOW": Severity.LOW,
    "MODERATE": Severity.MEDIUM,
    "MEDIUM": Severity.MEDIUM,
    "HIGH": Severity.HIGH,
    "IMPORTANT": Severity.HIGH,
    "CRITICAL": Severity.CRITICAL,
}


def severity_from_word(word: object) -> Severity:
    if not isinstance(word, str):
        return Severity.UNKNOWN
    return _WORDS.get(word.strip().upper(), Severity.UNKNOWN)


def severity_from_score(score: float, *, v2: bool = False) -> Severity:
    if v2:
        return Severity.LOW if score < 4.0 else Severity.MEDIUM if score < 7.0 else Severity.HIGH
    if score == 0.0:
        return Severity.NONE
    if score < 4.0:
        return Severity.LOW
    if score < 7.0:
        return Severity.MEDIUM
    if score < 9.0:
        return Severity.HIGH
    return Severity.CRITICAL


def _metrics(vector: str) -> dict[str, str]:
    parts = vector.strip().split("/")
    if parts and parts[0].startswith("CVSS:"):
        parts = parts[1:]
    out: dict[str, str] = {}
    for part in parts:
        key, sep, value = part.partition(":")
        if not sep:
            raise ValueError(f"bad CVSS metric {part!r}")
        out[key] = value
    return out


def _roundup(value: float) -> float:
    # CVSS v3.1 Appendix A: avoid floating point surprises such as 4.000001 -> 4.1.
    as_int = round(value * 100_000)
    if as_int % 10_000 == 0:
        return as_int / 100_000.0
    return (math.floor(as_int / 10_000) + 1) / 10.0


def cvss3_base_score(vector: str) -> float:
    """Base score of a CVSS v3.0/v3.1 vector; ValueError if a base metric is missing or bad."""
    m = _metrics(vector)
    scope_changed = m["S"] == "C"
    if m["S"] not in ("U", "C"):
        raise ValueError("bad scope")
    av = {"N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2}[m["AV"]]
    ac = {"L": 0.77, "H": 0.44}[m["AC"]]
    pr = {"N": 0.85, "L": 0.68 if scope_changed else 0.62, "H": 0.5 if scope_changed else 0.27}[m["PR"]]
    ui = {"N": 0.85, "R": 0.62}[m["UI"]]
    cia = {"H": 0.56, "L": 0.22, "N": 0.0}
    iss = 1 - (1 - cia[m["C"]]) * (1 - cia[m["I"]]) * (1 - cia[m["A"]])
    impact = 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 if scope_changed else 6.42 * iss
    exploitability = 8.22 * av * ac * pr * ui
    if impact <= 0:
        return 0.0
    if scope_changed:
        return _roundup(min(1.08 * (impact + exploitability), 10.0))
    return _roundup(min(impact + exploitability, 10.0))


def cvss2_base_score(vector: str) -> float:
    m = _metrics(vector)
    av = {"L": 0.395, "A": 0.646, "N": 1.0}[m["AV"]]
    ac = {"H": 0.35, "M": 0.61, "L": 0.71}[m["AC"]]
    au = {"M": 0.45, "S": 0.56, "N": 0.704}[m["Au"]]
    cia = {"N": 0.0, "P": 0.275, "C": 0.660}
    impact = 10.41 * (1 - (1 - cia[m["C"]]) * (1 - cia[m["I"]]) * (1 - cia[m["A"]]))
    exploitability = 20 * av * ac * au
    f = 0.0 if impact == 0 else 1.176
    return round((0.6 * impact + 0.4 * exploitability - 1.5) * f, 1)


def severity_of_record(record: dict[str, Any]) -> tuple[Severity, float | None, str]:
    """(level, score or None, vector or "") of an OSV record.

    A scorable CVSS v3 vector wins, then v2, then `database_specific.severity`
    (GitHub: LOW/MODERATE/HIGH/CRITICAL) at the record or affected-package level.
    """
    best: tuple[Severity, float | None, str] | None = None
    entries = list(record.get("severity") or ())
    for affected in record.get("affected") or ():
        # OSV 1.5 allows a severity per affected package as well.
        if isinstance(affected, dict):
            entries.extend(affected.get("severity") or ())
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        kind, vector = entry.get("type"), entry.get("score")
        if not isinstance(vector, str):
            continue
        try:
            if kind == "CVSS_V3":
                score = cvss3_base_score(vector)
                return severity_from_score(score), score, vector
            if kind == "CVSS_V2" and best is None:
                score = cvss2_base_score(vector)
                best = (severity_from_score(score, v2=True), score, vector)
        except (KeyError, ValueError):
            continue
    words = [(record.get("database_specific") or {}).get("severity")]
    for affected in record.get("affected") or ():
        if isinstance(affected, dict):
            words.append((affected.get("database_specific") or {}).get("severity"))
            words.append((affected.get("ecosystem_specific") or {}).get("severity"))
    for word in words:
        level = severity_from_word(word)
        if level is not Severity.UNKNOWN:
            return level, (best[1] if best else None), (best[2] if best else "")
    return best if best is not None else (Severity.UNKNOWN, None, "")
