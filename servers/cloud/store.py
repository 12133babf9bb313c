"""The cloud service's PostgreSQL schema; each bounded context's store owns its tables' SQL."""

from __future__ import annotations

from pathlib import Path

SCHEMA = "cloud"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
