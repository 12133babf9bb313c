"""The portal's build output, served at `/` with a single-page-app fallback.

Files under the build directory are served as they are. The portal's build
(portal/scripts/compress.mjs) writes a brotli `.br` and a gzip `.gz` sibling of
every text asset; aiohttp's FileResponse sends the sibling the browser accepts
(brotli first) with its Content-Encoding, and every response of a file that has
siblings says `Vary: Accept-Encoding`, so a cache never hands a brotli body to
a client that did not ask for it. A path that names
no file and has no file extension is a client-side route: it gets
`index.html`. Vite names the files under `assets/` by their content hash, so
they are cached for a year; everything else (index.html above all) is
revalidated on every load, so a new build is picked up at once.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path, PurePosixPath
from typing import Final

from aiohttp import web

HASHED_DIR: Final = "assets"
_IMMUTABLE: Final = "public, max-age=31536000, immutable"
_REVALIDATE: Final = "no-cache"

# Types the platform's mimetypes table may lack or get wrong (Debian's
# /etc/mime.types is not always installed in containers).
_TYPES: Final = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".html": "text/html",
    ".json": "application/json",
    ".map": "application/json",
    ".svg": "image/svg+xml",
    ".wasm": "application/wasm",
    ".webmanifest": "application/manifest+json",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ico": "image/x-icon",
    ".png": "image/png",
    ".txt": "text/plain",
}

NOT_BUILT_HTML: Final = """<!doctype html>
<html lang="zh-Hant-TW">
<head><meta charset="utf-8"><title>Jipan portal: not built</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 2em auto">
<h1>入口網站尚未建置 · The portal is not built</h1>
<p>This gateway serves the portal from <code>{root}</code>, which has no <code>index.html</code>.
Build it with <code>npm --prefix portal run build</code> (or point <code>JIPAN_GATEWAY_STATIC_DIR</code>
at a build), then reload.</p>
<p>The Connect gateway itself is running: every service's methods answer at
<code>POST /&lt;package.Service&gt;/&lt;Method&gt;</code>.</p>
</body>
</html>
"""

_SECURITY_HEADERS: Final = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"}

# The portal's Content-Security-Policy: scripts, styles and calls from this origin only (the
# gateway serves both the page and the Connect API, so `connect-src 'self'` is the gateway); no
# inline script, no eval, no plugins, no framing. Preact sets style properties through the CSSOM,
# which style-src does not govern; the build has no inline <script> or style attribute.
CONTENT_SECURITY_POLICY: Final = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    )
)
_PORTAL_HEADERS: Final = {
    **_SECURITY_HEADERS,
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
}
# The pre-compressed siblings the build writes, in aiohttp's order of preference.
COMPRESSED_SUFFIXES: Final = (".br", ".gz")


def default_static_dir() -> Path:
    """`portal/dist` of the repository this package runs from."""
    return Path(__file__).resolve().parents[2] / "portal" / "dist"


def content_type(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in _TYPES:
        return _TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


class PortalFiles:
    """GET/HEAD of the build directory `root` (re-read on every request: a rebuild needs no restart)."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def _file(self, url_path: str) -> Path | None:
        relative = PurePosixPath(url_path.lstrip("/"))
        if any(part in ("..", "") or part.startswith(".") for part in relative.parts):
            return None  # no way out of the root, no dotfiles
        candidate = (self.root / relative).resolve()
        if not candidate.is_relative_to(self.root) or not candidate.is_file():
            return None
        return candidate

    async def handle(self, request: web.Request) -> web.StreamResponse:
        index = self.root / "index.html"
        if not index.is_file():
            return web.Response(
                text=NOT_BUILT_HTML.format(root=self.root),
                content_type="text/html",
                status=503 if request.path == "/" else 404,
                headers={"Cache-Control": "no-store", **_SECURITY_HEADERS},
            )
        path = request.path
        found = self._file(path) if path not in ("", "/") else index
        if found is None:
            name = PurePosixPath(path)
            if name.suffix or any(part.startswith(".") for part in name.parts):
                # A missing file (asset, image) or a dotfile: a real 404.
                raise web.HTTPNotFound(text="not found\n")
            found = index  # a client-side route
        hashed = found.parent.name == HASHED_DIR and found.parent.parent == self.root
        headers = {
            "Content-Type": content_type(found),
            "Cache-Control": _IMMUTABLE if hashed else _REVALIDATE,
            **_PORTAL_HEADERS,
        }
        if any(found.with_name(found.name + suffix).is_file() for suffix in COMPRESSED_SUFFIXES):
            headers["Vary"] = "Accept-Encoding"
        return web.FileResponse(found, headers=headers)
