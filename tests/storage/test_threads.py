"""The thread of each round in each channel, and which channels want threads (SQLite and PostgreSQL)."""

from __future__ import annotations

from storage import Store
from storage.threads import parse_thread_destination, thread_destination


def test_a_thread_destination_names_its_channel_and_round() -> None:
    assert thread_destination(42, 8) == "discord-thread:42:8"
    assert parse_thread_destination("discord-thread:42:8") == (42, 8)
    assert parse_thread_destination("discord:42") is None
    assert parse_thread_destination("discord-thread:42:x") is None


async def test_threads_are_off_until_a_subscription_asks(store: Store) -> None:
    await store.add_subscription(guild_id=1, channel_id=42)
    assert (await store.subscription_for(42)).threads is False  # type: ignore[union-attr]
    await store.set_threads(42, True)
    assert (await store.subscription_for(42)).threads is True  # type: ignore[union-attr]


async def test_a_deleted_thread_is_replaced_in_the_record(store: Store) -> None:
    await store.record_thread(42, 8, thread_id=1001, message_id=1001)
    assert await store.round_of_thread(1001) == 8
    await store.record_thread(42, 8, thread_id=2002, message_id=None)
    recorded = await store.thread_of(42, 8)
    assert recorded is not None and (recorded.thread_id, recorded.message_id) == (2002, None)
    assert await store.round_of_thread(1001) is None
    assert await store.thread_of(42, 9) is None
