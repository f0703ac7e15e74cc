"""`parley poll --once` end to end: loopback feeds, the real pipeline, a real database."""

from __future__ import annotations

import io

import pytest
from feedserver import LIMITS, item, rss, static
from sqlmodel import func, select

from bot.config import Settings
from bot.errors import UserError
from bot.polling import poll_once
from storage import Store
from storage.models import Entry, Fact, Outbox


def settings_for(url: str, feeds: list[str]) -> Settings:
    return Settings(database_url=url, feeds=",".join(feeds), allow_private_feeds=True, _env_file=None)


async def count(store: Store, model) -> int:
    async with store.session() as session:
        return (await session.exec(select(func.count()).select_from(model))).one()


async def test_poll_once_prints_a_line_per_feed_and_records_facts_without_announcing(database_url, feed_server):
    paths = ["/rss", "/atom", "/404", "/410", "/html"]
    settings = settings_for(database_url, [feed_server.url(p) for p in paths])
    out = io.StringIO()
    assert await poll_once(settings, out=out, limits=LIMITS) == 0
    lines = dict(line.split(": ", 1) for line in out.getvalue().splitlines())
    u = feed_server.url
    assert lines[u("/rss")] == "first poll: 2 entries recorded, not announced (2 in feed)"
    assert lines[u("/atom")].startswith("first poll: 2 entries recorded")
    assert lines[u("/404")].startswith("error: HTTP 404 Not Found (next try in ")
    assert lines[u("/410")] == "disabled: HTTP 410 Gone: feed disabled"
    assert lines[u("/html")].startswith("error: not an RSS or Atom feed")

    async with Store(database_url) as store:
        assert await count(store, Entry) == 4
        assert await count(store, Fact) > 0  # /round N knows them
        assert await count(store, Outbox) == 0  # but nothing was announced

    out = io.StringIO()
    await poll_once(settings, out=out, limits=LIMITS)
    lines = dict(line.split(": ", 1) for line in out.getvalue().splitlines())
    assert lines[u("/rss")] == "not modified"
    assert lines[u("/410")] == "disabled: HTTP 410 Gone: feed disabled"
    assert len(feed_server.hits("/410")) == 1  # a disabled feed is not fetched again


async def test_entries_that_appear_after_the_first_poll_are_announced(sqlite_url, feed_server):
    async with Store(sqlite_url) as store:
        await store.add_subscription(guild_id=1, channel_id=42, kind="all")
    settings = settings_for(sqlite_url, [feed_server.url("/rss")])
    await poll_once(settings, out=io.StringIO(), limits=LIMITS)
    fresh = item(3, text="Ryosei Akazawa met Scott Bessent in Washington on Friday for the sixth round of "
                         "tariff talks. Japan now seeks a reduction of the tariffs.")
    feed_server.routes["/rss"] = static(rss([fresh, item(1), item(2)]), etag='"v2"')
    out = io.StringIO()
    await poll_once(settings, out=out, limits=LIMITS)
    assert out.getvalue() == f"{feed_server.url('/rss')}: 1 new entry (3 in feed)\n"
    async with Store(sqlite_url) as store:
        assert await count(store, Entry) == 3
        async with store.session() as session:
            destinations = set((await session.exec(select(Outbox.destination))).all())
    assert destinations == {"discord:42"}


async def test_poll_once_without_feeds_is_a_one_line_user_error(sqlite_url):
    with pytest.raises(UserError, match="no feeds to poll: set FEEDS="):
        await poll_once(settings_for(sqlite_url, []), out=io.StringIO())
