"""Where a project's claim file lives, and fetching it (bounded: size, time, no redirects).

The URL comes from the registry metadata's own repository or homepage,
never from curated fields. A GitHub repository's file is read from
raw.githubusercontent.com at HEAD; anything else from the homepage's
/.well-known/. Only https, except http to a loopback address when the
operator allows it (development and tests).
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import aiohttp

CLAIM_FILE = ".well-known/jipan-market-claim.txt"
MAX_BYTES = 16 * 1024
TIMEOUT_S = 10.0
_GITHUB = re.compile(r"^https://github\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?/?$")


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    status: int
    lines: tuple[str, ...]
    problem: str = ""


def claim_file_url(homepage: str, repository: str) -> str:
    """The claim file's URL, or "" when the metadata names neither a GitHub repository nor a homepage."""
    github = _GITHUB.match(repository)
    if github:
        return f"https://raw.githubusercontent.com/{github.group(1)}/{github.group(2)}/HEAD/{CLAIM_FILE}"
    if homepage:
        return homepage.rstrip("/") + "/" + CLAIM_FILE
    return ""


def _allowed(url: str, allow_http_loopback: bool) -> bool:
    parts = urlsplit(url)
    if parts.scheme == "https":
        return True
    if parts.scheme != "http" or not allow_http_loopback or parts.hostname is None:
        return False
    if parts.hostname == "localhost":
        return True
    try:
        return ipaddress.ip_address(parts.hostname).is_loopback
    except ValueError:
        return False


async def fetch_claim_file(url: str, *, allow_http_loopback: bool) -> Fetched:
    """The file's lines (stripped), or a problem saying why there are none."""
    if not _allowed(url, allow_http_loopback):
        return Fetched(url, 0, (), "only https URLs are fetched")
    timeout = aiohttp.ClientTimeout(total=TIMEOUT_S)
    try:
        async with (
            aiohttp.ClientSession(timeout=timeout) as session,
            session.get(url, allow_redirects=False) as response,
        ):
            if response.status != 200:
                return Fetched(url, response.status, (), f"HTTP {response.status}")
            body = await response.content.read(MAX_BYTES + 1)
    except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
        return Fetched(url, 0, (), f"not reachable ({type(exc).__name__})")
    if len(body) > MAX_BYTES:
        return Fetched(url, 200, (), f"larger than {MAX_BYTES} bytes")
    text = body.decode("utf-8", "replace")
    return Fetched(url, 200, tuple(line.strip() for line in text.splitlines() if line.strip()))
