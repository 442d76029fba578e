"""The PDF URL fetcher serves only the app's static files and data: URIs."""
import base64

import pytest

from exports.renderers.fetcher import FetchRefused, StaticOnlyFetcher

REFUSED = [
    "file:///etc/passwd",
    "FILE:///etc/passwd",
    "http://127.0.0.1:9/x.png",
    "https://example.org/x.png",
    "ftp://example.org/x",
    "//example.org/x.png",
    "/etc/passwd",
    "etc/passwd",
    "javascript:alert(1)",
    "static:exports/../../../../etc/passwd",
    "static:exports/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "static:forum/../../exports/data.py",
    "static:exports/no-such-file.svg",
    "static:exports/",
    "static:secret/x.svg",
    "static:/etc/passwd",
    "STATIC:exports/response.css",
]


@pytest.mark.parametrize("url", REFUSED)
def test_everything_but_static_files_and_data_is_refused(url):
    fetcher = StaticOnlyFetcher()
    with pytest.raises(FetchRefused):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_static_files_are_served_with_a_content_type():
    fetcher = StaticOnlyFetcher()
    response = fetcher.fetch("static:exports/easyread/tick.svg")
    assert response.content_type == "image/svg+xml"
    assert response.read().startswith(b"<svg")
    assert fetcher.fetch("static:exports/response.css").content_type == "text/css"
    assert fetcher.refused == []


def test_data_uris_are_decoded():
    fetcher = StaticOnlyFetcher()
    encoded = base64.b64encode(b"<svg/>").decode()
    assert fetcher.fetch(f"data:image/svg+xml;base64,{encoded}").read() == b"<svg/>"
    assert fetcher.fetch("data:text/plain,a%20b").read() == b"a b"
    with pytest.raises(FetchRefused):
        fetcher.fetch("data:no-comma")


def test_urllib_style_open_goes_through_the_same_checks():
    with pytest.raises(FetchRefused):
        StaticOnlyFetcher().open("http://127.0.0.1:9/")
