"""A URL's secrets are masked wherever it is shown: user information, query values, fragment values."""

from __future__ import annotations

import pytest

from bot.masking import MASK, mask_url, mask_urls_in


@pytest.mark.parametrize(("url", "shown"), [
    ("https://news.example/rss?token=s3cret", "https://news.example/rss?token=***"),
    ("https://news.example/rss?page=2&key=s3cret", "https://news.example/rss?page=***&key=***"),
    ("https://bob:hunter2@news.example/rss", "https://***@news.example/rss"),
    ("https://s3cret@news.example:8443/rss", "https://***@news.example:8443/rss"),
    ("https://news.example/rss?s3cret", "https://news.example/rss?***"),
    ("https://news.example/rss?a=1;b=2", "https://news.example/rss?a=***;b=***"),
    ("https://news.example/rss#access_token=s3cret", "https://news.example/rss#access_token=***"),
    ("postgresql://root:hunter2@db.internal:5432/parley", "postgresql://***@db.internal:5432/parley"),
])
def test_credentials_and_query_values_are_masked(url: str, shown: str) -> None:
    assert mask_url(url) == shown


@pytest.mark.parametrize("url", ["https://news.example/trade.rss", "https://news.example/a/b#top",
                                 "https://[2001:db8::1]:8080/rss", "seeds/manifest.toml", ""])
def test_what_holds_no_secret_is_shown_as_it_is(url: str) -> None:
    assert mask_url(url) == url


def test_a_url_that_cannot_be_parsed_keeps_only_its_scheme() -> None:
    assert mask_url("http://[::1/rss?token=s3cret") == f"http://{MASK}"


def test_every_url_inside_a_text_is_masked_and_its_punctuation_kept() -> None:
    text = ("Client error '404 Not Found' for url 'https://news.example/rss?token=s3cret'. "
            "See <https://bob:pw@other.example/x> (or https://third.example/?k=v), then retry.")
    assert mask_urls_in(text) == (
        "Client error '404 Not Found' for url 'https://news.example/rss?token=***'. "
        "See <https://***@other.example/x> (or https://third.example/?k=***), then retry.")


def test_a_text_without_a_url_is_untouched() -> None:
    assert mask_urls_in("HTTP 410 Gone: the feed says it is gone for good") == (
        "HTTP 410 Gone: the feed says it is gone for good")
