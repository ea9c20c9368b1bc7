"""`check_http_url` accepts common URLs without its full walk; the shortcut never accepts a URL
the full rules refuse, and returns what they return."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims.model.checks as model

EXAMPLES = [
    "https://news.example.com/a/1", "HTTP://x.org", "http://a.b/c?d=e#f", "http://x.org/@me",
    "http://u:p@x.org/", "http://x.org:99999/", "http://x.org:8080/", "http://x.org\\y",
    "https://x.org/a b", "ftp://x.org", "http://x.org:/", "http:///a", "http://[::1]/",
    "http://x.org/\x85", "javascript://x.org", " https://x.org/ ", "https://-x.org/",
    "https://x.org/\u202e", "https://exämple.org/", "http://x.org?q", "http://x.org#",
]


def slow(url: str, monkeypatch: pytest.MonkeyPatch) -> str | type[ValueError]:
    with monkeypatch.context() as m:
        m.setattr(model, "_PLAIN_URL", re.compile(r"(?!)"))
        try:
            return model.check_http_url(url)
        except ValueError:
            return ValueError


def fast(url: str) -> str | type[ValueError]:
    try:
        return model.check_http_url(url)
    except ValueError:
        return ValueError


@pytest.mark.parametrize("url", EXAMPLES)
def test_the_shortcut_agrees_with_the_full_rules(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert fast(url) == slow(url, monkeypatch)


@given(st.from_regex(r"\A(?i:https?)://[a-z0-9.\-:@\[\]]{0,12}[/?#]?[ -~\x85\u202e]{0,12}\Z"))
def test_any_url_like_text(url: str) -> None:
    with pytest.MonkeyPatch.context() as m:
        assert fast(url) == slow(url, m)
