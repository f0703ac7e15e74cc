"""Feeds belong to who follows them: guilds (``feed_guild``) and the operator (``feed.operator``).

The same URL added by two guilds is one feed, fetched once, with a hold for each; a guild sees
and drops only its own hold; the feed goes when nobody follows it. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.knowledge.ingest import quarantine
from storage import Store, knowledge
from storage.kinds import OutboxKind
from storage.migrate import upgrade
from storage.outbox import discord_destination

A, B = 111_111_111_111_111_111, 222_222_222_222_222_222
URL = "https://news.example/rss?token=s3cret"


async def test_one_url_added_by_two_guilds_is_one_feed_with_a_hold_for_each(store: Store) -> None:
    first = await store.add_feed(URL, guild_id=A, added_by=1)
    second = await store.add_feed(URL, guild_id=B, added_by=2)
    assert first.id == second.id and len(await store.list_feeds()) == 1  # fetched once
    assert await store.guilds_of(first.id) == [A, B]
    assert [f.id for f in await store.list_feeds(guild_id=A)] == [first.id]
    assert [f.id for f in await store.list_feeds(guild_id=B)] == [first.id]
    assert not first.operator
    await store.add_feed(URL, guild_id=A)  # adding twice is harmless
    assert await store.follower_counts() == {first.id: 2}


async def test_dropping_a_hold_leaves_the_other_guilds_and_the_last_one_removes_the_feed(store: Store) -> None:
    feed = await store.add_feed(URL, guild_id=A)
    await store.add_feed(URL, guild_id=B)
    assert await store.unfollow_feed(feed.id, B)
    assert not await store.unfollow_feed(feed.id, B), "B holds it no more"
    assert await store.list_feeds(guild_id=B) == []
    assert [f.id for f in await store.list_feeds(guild_id=A)] == [feed.id]
    assert await store.unfollow_feed(feed.id, A)
    assert await store.list_feeds() == [], "nobody follows it: it is no longer polled"
    assert await store.due_feeds() == []


async def test_a_guild_never_sees_a_feed_it_does_not_hold(store: Store) -> None:
    await store.add_feed(URL, guild_id=A)
    other = await store.add_feed("https://other.example/rss")  # the operator's
    assert await store.list_feeds(guild_id=B) == []
    assert not await store.follows(other.id, A)
    assert await store.count_operator_only(A) == 1 and await store.count_operator_only(B) == 1


async def test_an_operator_feed_outlives_its_guilds_and_the_operator_removes_it_for_all(store: Store) -> None:
    feed = await store.add_feed(URL)  # parley feeds add
    assert feed.operator and await store.guilds_of(feed.id) == []
    await store.add_feed(URL, guild_id=A)
    assert await store.count_operator_only(A) == 0  # A follows it itself
    assert await store.unfollow_feed(feed.id, A)
    assert [f.id for f in await store.list_feeds()] == [feed.id], "the operator still follows it"
    await store.add_feed(URL, guild_id=B)
    assert await store.remove_feed(feed.id)
    assert await store.list_feeds() == [] and await store.list_feeds(guild_id=B) == []
    assert await store.follower_counts() == {}


async def test_a_guild_adding_an_operator_feed_leaves_it_the_operators(store: Store) -> None:
    await store.add_feed(URL)
    feed = await store.add_feed(URL, guild_id=A)
    assert feed.operator and await store.guilds_of(feed.id) == [A]


async def test_feeds_listed_in_feeds_are_the_operators(store: Store) -> None:
    await store.sync_env_feeds([URL], dropped_reason="no longer in FEEDS")
    (feed,) = await store.list_feeds()
    assert feed.operator and feed.from_env


async def test_a_feed_moved_to_one_already_followed_hands_its_followers_over(store: Store) -> None:
    old = await store.add_feed("https://old.example/rss", guild_id=A)
    new = await store.add_feed("https://new.example/rss", guild_id=B)
    await store.hand_over(old.id, "https://new.example/rss")
    assert await store.guilds_of(new.id) == [B, A]


async def test_delivery_summary_of_a_guild_counts_only_its_channels(store: Store) -> None:
    await store.add_subscription(guild_id=A, channel_id=10)
    await store.add_subscription(guild_id=B, channel_id=20)
    await store.disable_subscription(20, "Missing Access")
    await store.add_once(item_key="notice:x", kind=OutboxKind.NOTICE,
                         payloads={discord_destination(10): {}, discord_destination(20): {},
                                   discord_destination(30): {}})
    assert sum((await store.delivery_summary()).counts.values()) == 3
    mine = await store.delivery_summary(guild_id=A)
    assert mine.counts == {"pending": 1} and mine.disabled == []
    theirs = await store.delivery_summary(guild_id=B)
    assert theirs.counts == {"pending": 1} and [s.channel_id for s in theirs.disabled] == [20]


async def test_quarantined_entries_of_a_guilds_feeds_only(store: Store) -> None:
    from tests.bot.factories import entry

    mine = await store.add_feed("https://mine.example/rss", guild_id=A)
    theirs = await store.add_feed("https://theirs.example/rss", guild_id=B)
    async with store.transaction() as session:
        for feed, guid in ((mine, "m1"), (theirs, "t1"), (theirs, "t2")):
            await quarantine(session, entry(guid, "text"), feed_id=feed.id, reason="refused")
    async with store.session() as session:
        assert (await knowledge.quarantined(session, latest=3))[0] == 3
        count, latest = await knowledge.quarantined(session, latest=3, feed_ids=[mine.id])
    assert count == 1 and [e.guid for e in latest] == ["m1"]


@pytest.mark.parametrize(("guilds", "held"), [([A], {A}), ([A, B], set()), ([], set())])
async def test_the_migration_gives_existing_feeds_to_their_only_guild_or_to_the_operator(
        blank_database_url: str, guilds: list[int], held: set[int]) -> None:
    """Before 0009 feeds were global: with one guild subscribed they become that guild's (FEEDS
    ones the operator's); with several, or none, nobody can tell who added them: the operator's."""
    upgrade(blank_database_url, "0008")
    async with Store(blank_database_url) as store, store.transaction() as session:
        await session.exec(text(  # type: ignore[call-overload]
            "INSERT INTO feed (url, added_at, initialized, failures, from_env) VALUES "
            "('https://hand.example/rss', CURRENT_TIMESTAMP, false, 0, false), "
            "('https://env.example/rss', CURRENT_TIMESTAMP, false, 0, true)"))
        for n, guild in enumerate(guilds):
            await session.exec(text(  # type: ignore[call-overload]
                "INSERT INTO subscription (guild_id, channel_id, kind, created_at, threads) "
                f"VALUES ({guild}, {n + 1}, 'all', CURRENT_TIMESTAMP, false)"))
    upgrade(blank_database_url)
    async with Store(blank_database_url) as store:
        hand = await store.get_feed_by_url("https://hand.example/rss")
        env = await store.get_feed_by_url("https://env.example/rss")
        assert env.operator and await store.guilds_of(env.id) == []
        assert set(await store.guilds_of(hand.id)) == held
        assert hand.operator == (not held)
