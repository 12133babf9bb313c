"""Procurement anchors review decisions and bid commitments on the ledger
through the shared client of its gRPC contract (servers/runtime/ledger_anchor.py)."""

from __future__ import annotations

from jipan.servers.runtime.ledger_anchor import DecisionAnchor, LedgerAnchor

__all__ = ["DecisionAnchor", "LedgerAnchor"]
