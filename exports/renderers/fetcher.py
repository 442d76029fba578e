"""The only way WeasyPrint may load anything: the app's own static files and ``data:`` URIs.

Templates name static files as ``static:exports/easyread/tick.svg`` or ``static:forum/...``.
Anything else (``file://``, ``http(s)://``, ``ftp:``, other schemes, paths that climb out of
the static folders) is refused before any input or output happens, so a URL smuggled into a
document can neither read the server's files nor make it call out to the network.
"""
from __future__ import annotations

import base64
import mimetypes
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes

from weasyprint.urls import URLFetcher, URLFetcherResponse

from exports.renderers.templating import STATIC_SCHEME as _SCHEME

__all__ = ["STATIC_ROOTS", "FetchRefused", "StaticOnlyFetcher"]

_HERE = Path(__file__).resolve().parent
STATIC_ROOTS = {
    "exports": _HERE.parent / "static",
    "forum": _HERE.parent.parent / "forum" / "static",
}
_MAX_DATA_URI = 5_000_000  # a chart or pictogram is a few kB; refuse anything absurd


class FetchRefused(ValueError):
    """A URL the export fetcher will not load."""


class StaticOnlyFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves static files and ``data:`` URIs, nothing else.

    ``refused`` lists every URL it turned down, for logs and tests.
    """

    def __init__(self) -> None:
        super().__init__(allowed_protocols=(), allow_redirects=False)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        """Load ``url`` if it is a static file or a ``data:`` URI.

        Args:
            url: the absolute URL WeasyPrint asks for.
            headers: ignored (nothing goes over the network).

        Returns:
            The file's bytes with a content type.

        Raises:
            FetchRefused: for every other URL.
        """
        try:
            if url.startswith(_SCHEME):
                return self._static(url)
            if url[:5].lower() == "data:":
                return self._data(url)
        except FetchRefused:
            self.refused.append(url)
            raise
        self.refused.append(url)
        raise FetchRefused(f"Exports may only use the app's own static files, not {url[:80]!r}")

    def open(self, url, data=None, timeout=None):
        # urllib-style callers reach here; route them through the same checks.
        return self.fetch(url if isinstance(url, str) else url.full_url)

    def _static(self, url: str) -> URLFetcherResponse:
        package, _, rest = unquote(
            url[len(_SCHEME):].split("?", maxsplit=1)[0].split("#", maxsplit=1)[0]).partition("/")
        root = STATIC_ROOTS.get(package)
        if root is None or not rest:
            raise FetchRefused(f"No such static folder in {url[:80]!r}")
        root = root.resolve()
        path = (root / rest).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            raise FetchRefused(f"No such static file: {url[:80]!r}")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})

    def _data(self, url: str) -> URLFetcherResponse:
        if len(url) > _MAX_DATA_URI:
            raise FetchRefused("data: URI too large")
        header, comma, payload = url[5:].partition(",")
        if not comma:
            raise FetchRefused("Malformed data: URI")
        params = header.split(";")
        mime = params[0] or "text/plain"
        if params[-1].lower() == "base64":
            try:
                body = base64.b64decode(unquote(payload), validate=False)
            except ValueError as error:
                raise FetchRefused("Malformed base64 in data: URI") from error
        else:
            body = unquote_to_bytes(payload)
        return URLFetcherResponse(url, body, {"Content-Type": mime})
