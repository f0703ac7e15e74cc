"""`fetch_feed` against a real server: every way a feed can go wrong ends in one line, never a crash."""

from __future__ import annotations

import dataclasses

import aiohttp
import pytest
from feedserver import GOOD_RSS, LIMITS, FeedServer

from bot.feeds.fetch import fetch_feed, make_session, parse_max_age, parse_retry_after
from bot.feeds.parse import FeedError, parse_feed
from bot.feeds.source import USER_AGENT


async def fetch(session: aiohttp.ClientSession, server: FeedServer, path: str, **kwargs):
    return await fetch_feed(session, server.url(path), limits=LIMITS, **kwargs)


async def test_a_good_rss_feed_comes_back_with_its_body_and_validators(session, feed_server):
    result = await fetch(session, feed_server, "/rss")
    assert result.ok and result.status == 200
    assert result.body == GOOD_RSS
    assert result.etag == '"rss-v1"'
    assert result.max_age == 600
    assert [e.guid for e in parse_feed(result.body).entries] == ["https://news.example/1", "https://news.example/2"]


async def test_every_request_carries_an_honest_user_agent_and_asks_for_gzip(session, feed_server):
    await fetch(session, feed_server, "/rss")
    headers = feed_server.hits("/rss")[0]
    assert headers["User-Agent"] == USER_AGENT
    assert "gzip" in headers["Accept-Encoding"]


async def test_a_conditional_get_with_the_etag_gets_a_304_and_no_body(session, feed_server):
    result = await fetch(session, feed_server, "/rss", etag='"rss-v1"')
    assert result.ok and result.not_modified and result.body is None
    assert result.etag == '"rss-v1"'
    assert feed_server.hits("/rss")[0]["If-None-Match"] == '"rss-v1"'


async def test_a_conditional_get_with_last_modified_gets_a_304(session, feed_server):
    first = await fetch(session, feed_server, "/atom")
    assert first.last_modified == "Sat, 07 Jun 2025 00:00:00 GMT"
    second = await fetch(session, feed_server, "/atom", last_modified=first.last_modified)
    assert second.not_modified and second.ok


async def test_a_good_atom_feed_parses_and_marks_summary_only_entries(session, feed_server):
    result = await fetch(session, feed_server, "/atom")
    entries = parse_feed(result.body, content_type=result.content_type).entries
    assert [(e.guid, e.summary_only) for e in entries] == [("urn:a1", False), ("urn:a2", True)]


async def test_a_gzipped_feed_is_decompressed(session, feed_server):
    result = await fetch(session, feed_server, "/gzip")
    assert result.ok and result.body == GOOD_RSS


async def test_a_permanent_redirect_reports_the_new_url(session, feed_server):
    result = await fetch(session, feed_server, "/moved-308")
    assert result.ok and result.body == GOOD_RSS
    assert result.permanent_url == feed_server.url("/rss")


async def test_a_temporary_redirect_is_followed_but_the_url_is_kept(session, feed_server):
    for path in ("/temporary", "/moved-then-temporary"):
        result = await fetch(session, feed_server, path)
        assert result.ok and result.body == GOOD_RSS
        assert result.permanent_url is None


async def test_a_redirect_loop_is_an_error_not_a_hang(session, feed_server):
    result = await fetch(session, feed_server, "/loop-a")
    assert result.error == f"redirect loop: {feed_server.url('/loop-a')} was already visited"


async def test_too_many_redirects_is_an_error(session, feed_server):
    for n in range(10):
        feed_server.routes[f"/hop{n}"] = _redirect(f"/hop{n + 1}")
    result = await fetch(session, feed_server, "/hop0")
    assert result.error == "too many redirects (more than 5)"


def _redirect(to: str):
    from aiohttp import web

    async def handler(request):
        return web.Response(status=301, headers={"Location": to})

    return handler


@pytest.mark.parametrize(
    ("path", "status", "error"),
    [("/404", 404, "HTTP 404 Not Found"), ("/410", 410, "HTTP 410 Gone"),
     ("/500", 500, "HTTP 500 Internal Server Error"), ("/429", 429, "HTTP 429 Too Many Requests"),
     ("/503", 503, "HTTP 503 Service Unavailable")],
)
async def test_http_errors_become_one_line(session, feed_server, path, status, error):
    result = await fetch(session, feed_server, path)
    assert (result.status, result.error, result.body) == (status, error, None)


async def test_429_reports_retry_after_in_seconds(session, feed_server):
    assert (await fetch(session, feed_server, "/429")).retry_after == 120


async def test_503_with_an_http_date_retry_after_reports_the_seconds_until_then(session, feed_server):
    retry_after = (await fetch(session, feed_server, "/503")).retry_after
    assert retry_after is not None and 3000 < retry_after <= 3600


async def test_a_slow_server_times_out(session, feed_server):
    result = await fetch(session, feed_server, "/slow")
    assert result.error == "timed out: the server sent nothing for 0.3 s"


async def test_a_50_mb_body_is_cut_off_at_the_cap(session, feed_server):
    result = await fetch(session, feed_server, "/huge")
    assert result.error == "response larger than 1 MB" and result.body is None


async def test_a_declared_50_mb_body_is_refused_before_reading(session, feed_server):
    result = await fetch(session, feed_server, "/huge-declared")
    assert result.error == "response larger than 1 MB (52,428,800 bytes announced)"


async def test_a_gzip_bomb_is_stopped_at_the_decompressed_cap(session, feed_server):
    result = await fetch(session, feed_server, "/gzip-bomb")
    assert result.error == "decompressed response larger than 2 MB (compression bomb?)"


async def test_an_xml_entity_bomb_is_refused_by_the_parser(session, feed_server):
    result = await fetch(session, feed_server, "/entity-bomb")
    with pytest.raises(FeedError, match="declares XML entities; refused as unsafe"):
        parse_feed(result.body)


async def test_an_entity_bomb_in_utf16_is_refused_too():
    from feedserver import ENTITY_BOMB

    body = ENTITY_BOMB.decode().replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-16"?>')
    with pytest.raises(FeedError, match="declares XML entities"):
        parse_feed(body.encode("utf-16"))


async def test_html_instead_of_a_feed_is_not_a_feed(session, feed_server):
    result = await fetch(session, feed_server, "/html")
    assert result.ok
    with pytest.raises(FeedError, match=r"^not an RSS or Atom feed"):
        parse_feed(result.body, content_type=result.content_type)


async def test_a_wrong_charset_still_yields_readable_entries(session, feed_server):
    result = await fetch(session, feed_server, "/wrong-charset")
    entries = parse_feed(result.body, content_type=result.content_type).entries
    assert "Négociation à Washington: café" in entries[0].html


async def test_entries_without_guid_or_date_get_a_stable_id_and_no_date(session, feed_server):
    result = await fetch(session, feed_server, "/no-guid")
    entries = parse_feed(result.body).entries
    assert [e.published for e in entries] == [None, None]
    assert entries[1].guid == "https://news.example/linked"
    assert entries[0].guid  # title-derived, stable between polls
    assert parse_feed(result.body).entries[0].guid == entries[0].guid


async def test_duplicate_guids_in_one_feed_are_kept_once():
    from feedserver import item, rss

    entries = parse_feed(rss([item(7), item(7, text="A second copy."), item(8)])).entries
    assert [e.guid for e in entries] == ["https://news.example/7", "https://news.example/8"]


async def test_a_loopback_address_is_refused_at_connect_time(feed_server):
    async with make_session(dataclasses.replace(LIMITS, allow_private=False)) as guarded:
        result = await fetch_feed(guarded, feed_server.url("/rss"), limits=LIMITS)
    assert result.error == "refused: 127.0.0.1 is a loopback address (set ALLOW_PRIVATE_FEEDS=true to allow)"
    assert feed_server.hits("/rss") == []


async def test_a_private_range_address_is_refused_without_connecting():
    limits = dataclasses.replace(LIMITS, allow_private=False)
    async with make_session(limits) as guarded:
        result = await fetch_feed(guarded, "http://10.1.2.3/feed", limits=limits)
    assert result.error == "refused: 10.1.2.3 is a private address (set ALLOW_PRIVATE_FEEDS=true to allow)"


async def test_a_name_that_resolves_to_loopback_is_refused(feed_server):
    port = feed_server.base.rsplit(":", 1)[1]
    async with make_session(dataclasses.replace(LIMITS, allow_private=False)) as guarded:
        result = await fetch_feed(guarded, f"http://localhost:{port}/rss", limits=LIMITS)
    assert result.error is not None and result.error.startswith("refused: ")
    assert "loopback address" in result.error


async def test_a_non_http_url_is_refused(session):
    result = await fetch_feed(session, "file:///etc/passwd", limits=LIMITS)
    assert result.error == "not an http(s) URL: file:///etc/passwd"


async def test_an_unreachable_port_is_a_connect_error(session):
    result = await fetch_feed(session, "http://127.0.0.1:9/feed", limits=LIMITS)
    assert result.error is not None and result.error.startswith("cannot connect to 127.0.0.1")


async def test_no_more_than_the_per_host_limit_of_requests_at_once(session, feed_server):
    import asyncio

    from aiohttp import web

    async def slowish(request):
        await asyncio.sleep(0.05)
        return web.Response(body=GOOD_RSS)

    feed_server.routes["/slowish"] = slowish
    await asyncio.gather(*(fetch(session, feed_server, "/slowish") for _ in range(8)))
    assert feed_server.max_in_flight == LIMITS.per_host


def test_retry_after_and_max_age_header_parsing():
    assert parse_retry_after("30") == 30
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None
    assert parse_max_age("public, max-age=900") == 900
    assert parse_max_age("no-cache") is None


def test_an_entry_without_guid_or_link_keeps_its_id_when_new_entries_arrive_above_it():
    from feedserver import item, rss

    lone = {"title": "No guid", "description": "Akazawa spoke."}
    before = parse_feed(rss([lone])).entries[0].guid
    after = parse_feed(rss([item(1), lone])).entries[1].guid
    assert before == after
