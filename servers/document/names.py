"""The document service's error domain."""

from __future__ import annotations

DOMAIN = "document.jipan.tw"
