"""URL normalisation for CheckSource and source records.

w3lib (Scrapy's URL library) canonicalises what follows the host: percent-
encoding made uniform, query arguments sorted, the fragment dropped. Before
it, this module folds what w3lib leaves alone because it is not equivalence
in general but is for deciding which site a link is from: the scheme
(`http` and `https` are the same source), `www.`, default ports, a trailing
dot, tracking parameters (tracking_params.txt). Shortener hosts are listed
in shorteners.txt.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import idna
from w3lib.url import canonicalize_url

from jipan.servers.factcheck.names import DOMAIN
from jipan.servers.runtime.errors import InvalidArgument

_HERE = Path(__file__).resolve().parent
_OTHER_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")
"""A scheme ("mailto:", "ftp:"), not a host with a port ("example.com:8080")."""


def _lines(name: str) -> tuple[str, ...]:
    text = (_HERE / name).read_text(encoding="utf-8")
    return tuple(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@functools.cache
def shorteners() -> frozenset[str]:
    return frozenset(_lines("shorteners.txt"))


@functools.cache
def _tracking() -> tuple[frozenset[str], tuple[str, ...]]:
    lines = _lines("tracking_params.txt")
    return (
        frozenset(line for line in lines if not line.endswith("*")),
        tuple(line[:-1] for line in lines if line.endswith("*")),
    )


def is_tracking(parameter: str) -> bool:
    exact, prefixes = _tracking()
    key = parameter.lower()
    return key in exact or key.startswith(prefixes)


def url_invalid(problem: str, field: str) -> InvalidArgument:
    return InvalidArgument(
        "URL_INVALID", f"{field}: {problem}", domain=DOMAIN, metadata={"field": field, "problem": problem}
    )


def normalize_host(host: str, field: str = "url") -> str:
    """Lower case, IDNA (punycode) for non-ASCII labels, no trailing dot, no `www.`."""
    host = host.strip().rstrip(".").lower()
    if not host:
        raise url_invalid("no host", field)
    try:
        ascii_host = idna.encode(host, uts46=True).decode("ascii") if not host.isascii() else host
    except UnicodeError as exc:  # idna.IDNAError is one
        raise url_invalid("the host is not a valid domain name", field) from exc
    if ascii_host.startswith("www."):
        ascii_host = ascii_host[4:]
    labels = ascii_host.split(".")
    if any(not label or len(label) > 63 for label in labels) or len(ascii_host) > 253:
        raise url_invalid("the host is not a valid domain name", field)
    return ascii_host


@dataclass(frozen=True)
class NormalizedUrl:
    url: str
    host: str

    @property
    def shortener(self) -> bool:
        return self.host in shorteners()


def normalize_url(raw: str, field: str = "url") -> NormalizedUrl:
    """The URL as records are matched against it (see the module docstring)."""
    text = raw.strip()
    if not text:
        raise url_invalid("required", field)
    if _OTHER_SCHEME.match(text) and not text.lower().startswith(("http://", "https://")):
        raise url_invalid("only http and https URLs", field)
    if "://" not in text:
        text = "http://" + text.lstrip("/")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise url_invalid("not a URL", field) from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise url_invalid("only http and https URLs", field)
    host = normalize_host(parts.hostname or "", field)
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k)]
    )
    path = parts.path or "/"
    try:
        canonical = canonicalize_url(urlunsplit(("https", netloc, path, query, "")))
    except (ValueError, UnicodeError) as exc:
        raise url_invalid("not a URL", field) from exc
    return NormalizedUrl(url=canonical, host=host)


def normalize_target(raw: str, field: str = "source.target") -> tuple[str, bool]:
    """A record's target: (normalised domain, True) or (normalised URL prefix, False)."""
    text = raw.strip()
    if not text:
        raise url_invalid("required", field)
    if "://" in text or "/" in text:
        normalized = normalize_url(text, field)
        if urlsplit(normalized.url).path in ("", "/") and not urlsplit(normalized.url).query:
            return normalized.host, True  # "https://example.com/" is the whole site
        return normalized.url, False
    if ":" in text:
        raise url_invalid("a domain without a port", field)
    return normalize_host(text, field), True


def covering_hosts(host: str) -> list[str]:
    """`host` and each parent domain, closest first (a.b.example.com, b.example.com, example.com)."""
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(len(labels) - 1)] or [host]


def covering_prefixes(url: str) -> list[str]:
    """The URL and each of its path prefixes, longest first (what a URL-prefix record may have stored)."""
    parts = urlsplit(url)
    base = f"{parts.scheme}://{parts.netloc}"
    segments = [s for s in parts.path.split("/") if s]
    prefixes = [url]
    if parts.query:
        prefixes.append(base + (parts.path or "/"))
    for end in range(len(segments), 0, -1):
        path = "/" + "/".join(segments[:end])
        prefixes += [base + path, base + path + "/"]
    return list(dict.fromkeys(prefixes))


_LINK = re.compile(r"https?://[^\s<>\"'`，。、；！？「」『』【】（）《》〈〉()\[\]{}|\\^]+", re.IGNORECASE)
_LINK_TAIL = ".,;:!?…~*_-"
"""Punctuation that ends a sentence after a link rather than belonging to it."""


def links_in(text: str, limit: int = 10) -> list[str]:
    """The http(s) links in a message, as written, in order, each once and each a URL that
    normalize_url accepts (at most `limit`): what a forwarded message points to."""
    found: list[str] = []
    for match in _LINK.finditer(text):
        link = match.group().rstrip(_LINK_TAIL)
        if link in found:
            continue
        try:
            normalize_url(link)
        except InvalidArgument:
            continue
        found.append(link)
        if len(found) == limit:
            break
    return found
