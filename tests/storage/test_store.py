"""The shared queries of `Store`: subscriptions, feeds, the outbox; errors as one line."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from storage import StorageError, Store, outbox
from storage.models import utcnow


async def test_one_subscription_per_channel(store: Store) -> None:
    await store.add_subscription(guild_id=1, channel_id=10, kind="digests")
    again = await store.add_subscription(guild_id=1, channel_id=10, kind="all", role_id=5)
    assert (again.kind, again.role_id) == ("all", 5)
    assert [(s.channel_id, s.kind) for s in await store.list_subscriptions()] == [(10, "all")]
    with pytest.raises(ValueError, match="digests, changes, all"):
        await store.add_subscription(guild_id=1, channel_id=11, kind="everything")


async def test_disabled_subscriptions_are_not_listed_as_active(store: Store) -> None:
    await store.add_subscription(guild_id=1, channel_id=10)
    await store.add_subscription(guild_id=2, channel_id=20)
    await store.disable_subscription(20, "missing permissions")
    assert [s.channel_id for s in await store.list_subscriptions()] == [10]
    assert len(await store.list_subscriptions(active_only=False)) == 2
    assert [s.channel_id for s in await store.list_subscriptions(guild_id=2, active_only=False)] == [20]
    assert await store.remove_subscription(10) and not await store.remove_subscription(10)


async def test_feeds_add_get_update_and_remove(store: Store) -> None:
    feed = await store.add_feed("https://news.example/rss")
    assert (await store.add_feed("https://news.example/rss")).id == feed.id  # adding twice is harmless
    assert feed.id is not None
    later = utcnow() + timedelta(hours=1)
    await store.update_feed_state(feed.id, etag='"abc"', failures=2, next_poll_at=later, initialized=True)
    got = await store.get_feed(feed.id)
    assert got is not None and (got.etag, got.failures, got.initialized) == ('"abc"', 2, True)
    assert await store.due_feeds() == []
    assert [f.id for f in await store.due_feeds(later + timedelta(seconds=1))] == [feed.id]
    with pytest.raises(ValueError, match="not feed state columns: url"):
        await store.update_feed_state(feed.id, url="https://elsewhere.example")
    assert (await store.get_feed_by_url("https://news.example/rss")).id == feed.id
    assert await store.remove_feed(feed.id) and await store.list_feeds() == []


async def _put(store: Store, destination: str, key: str, payload: dict[str, int]) -> None:
    async with store.transaction() as session:
        await outbox.put_outbox(session, destination=destination, item_key=key, kind="digest", payload=payload)


async def test_outbox_item_is_unique_per_destination_and_revised_on_change(store: Store) -> None:
    await _put(store, "discord:1", "digest:round:2", {"v": 1})
    await _put(store, "discord:1", "digest:round:2", {"v": 1})  # same payload: nothing changes
    await _put(store, "discord:2", "digest:round:2", {"v": 1})
    [row, _] = await store.outbox_items()
    assert row.revision == 1
    await store.mark_delivered(row.id, 1, message_id=555)
    await _put(store, "discord:1", "digest:round:2", {"v": 2})  # a new source: edit the message
    [row, _] = await store.outbox_items()
    assert (row.revision, row.delivered_revision, row.message_id, row.status) == (2, 1, 555, "pending")
    with pytest.raises(IntegrityError):
        async with store.transaction() as session:
            await session.exec(
                text(
                    "INSERT INTO outbox (destination, item_key, kind, payload, revision, status, attempts, "
                    "created_at, updated_at) VALUES ('discord:1', 'digest:round:2', 'digest', '{}', 1, "
                    "'pending', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                )
            )


async def test_full_disk_is_one_line(sqlite_url: str) -> None:
    async with Store(sqlite_url) as store:
        with pytest.raises(StorageError) as info:
            async with store.transaction() as session:
                pages = (await session.exec(text("PRAGMA page_count"))).one()[0]
                await session.exec(text(f"PRAGMA max_page_count = {pages}"))
                await session.exec(
                    text(
                        "INSERT INTO feed (url, added_at, initialized, failures) VALUES (:u, CURRENT_TIMESTAMP, 0, 0)"
                    ),
                    params={"u": "x" * 200_000},
                )
    message = str(info.value)
    assert (
        "\n" not in message and message.startswith("the disk holding the database at sqlite:///") and "full" in message
    )


async def test_unreachable_database_is_one_line() -> None:
    async with Store("postgresql://root@127.0.0.1:1/parley") as store:
        with pytest.raises(StorageError, match=r"^cannot reach the database at postgresql://root@127.0.0.1:1/parley"):
            await store.list_feeds()


async def test_a_reader_does_not_wait_for_an_open_write(database_url: str) -> None:
    async with Store(database_url) as writer, Store(database_url) as reader:
        await writer.add_feed("https://committed.example/rss")
        async with writer.transaction() as session:
            await session.exec(
                text(
                    "INSERT INTO feed (url, added_at, initialized, failures) VALUES ('https://open.example', "
                    "CURRENT_TIMESTAMP, false, 0)"
                )
            )
            # The write is open (SQLite: its lock is held); a reader sees the last commit at once.
            assert [f.url for f in await reader.list_feeds()] == ["https://committed.example/rss"]
        assert len(await reader.list_feeds()) == 2
