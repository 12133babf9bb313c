"""Per-organisation ModelInfer quotas: a token bucket per organisation, in this process.

Each replica keeps its own buckets, so a mesh of N replicas admits up to N
times the configured rate; set the rate per replica accordingly.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from jipan.servers.inference.names import DOMAIN
from jipan.servers.runtime.errors import ResourceExhausted
from jipan.servers.runtime.settings import ConfigError

_MAX_BUCKETS = 100_000


def parse_overrides(text: str) -> dict[str, tuple[float, float]]:
    """ "orgs/a=10/20,orgs/b=5/5" → {"orgs/a": (10.0, 20.0), ...}; ConfigError on anything else."""
    overrides: dict[str, tuple[float, float]] = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        org, _, limits = item.partition("=")
        rate, _, burst = limits.partition("/")
        try:
            values = (float(rate), float(burst))
        except ValueError:
            values = (0.0, 0.0)
        if not org.startswith("orgs/") or not (values[0] > 0 and values[1] >= 1):
            raise ConfigError(f"JIPAN_INFERENCE_QUOTA_ORGS: {item!r} is not 'orgs/{{id}}=RATE/BURST'")
        overrides[org] = values
    return overrides


class Quotas:
    def __init__(
        self,
        rate: float,
        burst: int,
        clock: Callable[[], float] = time.monotonic,
        overrides: dict[str, tuple[float, float]] | None = None,
    ) -> None:
        self.rate = rate
        self.burst = float(burst)
        self._clock = clock
        self._overrides = overrides or {}
        self._buckets: dict[str, tuple[float, float]] = {}

    def take(self, key: str) -> None:
        """Admit one request of `key` or raise RESOURCE_EXHAUSTED with the time until one is admitted."""
        now = self._clock()
        rate, burst = self._overrides.get(key, (self.rate, self.burst))
        tokens, last = self._buckets.get(key, (burst, now))
        tokens = min(burst, tokens + (now - last) * rate)
        if tokens < 1.0:
            self._buckets[key] = (tokens, now)
            wait = (1.0 - tokens) / rate
            raise ResourceExhausted(
                "QUOTA_EXCEEDED",
                f"the organisation's inference quota ({rate:g} requests/s, bursts of {burst:g}) "
                f"is used up; retry in {wait:.3f} s",
                domain=DOMAIN,
                metadata={"quota_key": key, "rate_per_s": f"{rate:g}", "burst": f"{burst:g}"},
                retry_after_s=wait,
            )
        if len(self._buckets) >= _MAX_BUCKETS and key not in self._buckets:
            self._buckets.clear()  # a flood of keys: forget them all (each refills to a full burst)
        self._buckets[key] = (tokens - 1.0, now)
