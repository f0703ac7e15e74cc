"""Exactly once without Discord's help: a Discord that ignores nonces, and is slow, gets each outbox
row once, with two delivery workers on one database and with a worker killed between "message
created" and "recorded" (issue 13, finding 6)."""

from __future__ import annotations

import asyncio
import signal
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.chat.delivery import DeliveryWorker
from storage import Store
from storage.models import Outbox
from storage.outbox import channel_of
from tests.e2e.soak import BotProcess, bot_env, digest, enqueue, title_of
from tests.fakediscord import FakeDiscord
from tests.fakediscord.harness import bot_settings, running_bot

MESSAGES = r"^/channels/\d+/messages$"


def messages_per_row(fake: FakeDiscord, rows: list[Outbox]) -> Counter[str]:
    """How many messages in its channel show each row (the rows' titles are distinct)."""
    counts: Counter[str] = Counter()
    for row in rows:
        counts[row.item_key] = sum(1 for m in fake.posted(str(channel_of(row.destination)))
                                   if m["embeds"] and m["embeds"][0].get("title") == title_of(row))
    return counts


@pytest.fixture
async def slow_fake() -> AsyncIterator[FakeDiscord]:
    """A Discord that ignores nonces and takes 0.4 s a post."""
    async with FakeDiscord(honour_nonces=False, post_delay=0.4) as server:
        yield server


async def all_delivered(store: Store) -> None:
    """Return once every outbox row is delivered (the caller bounds the wait)."""
    while True:
        if not await store.outbox_items(undelivered_only=True):
            return
        await asyncio.sleep(0.1)


async def test_a_slow_discord_and_two_workers_on_one_database_post_each_row_once(
        slow_fake: FakeDiscord, store: Store) -> None:
    # One worker leases all 24 rows, which take it 9.6 s at 0.4 s a post, far longer than its
    # 2 s lease; the other bot's background worker looks for due rows every 0.2 s meanwhile.
    # Without renewal it takes the rows still waiting over and both post them.
    await enqueue(store, slow_fake, 24)
    settings = bot_settings(slow_fake, database_url=store.database_url)
    async with Store(store.database_url) as other_store, \
            running_bot(slow_fake, settings, store=store, delivery=False, worker_id="bot-a") as one, \
            running_bot(slow_fake, settings, store=other_store, delivery=False, worker_id="bot-b") as two:
        first = DeliveryWorker(one, store, worker_id="bot-a", batch=24, lease_seconds=2)
        second = DeliveryWorker(two, other_store, worker_id="bot-b", batch=4, lease_seconds=2, interval=0.2)
        second.start()
        try:
            await first.run_once()
            await asyncio.wait_for(all_delivered(store), 60)
        finally:
            await second.stop()
    rows = await store.outbox_items()
    per_row = messages_per_row(slow_fake, rows)
    assert {key: n for key, n in per_row.items() if n != 1} == {}, "each row in exactly one message"
    assert len(slow_fake.requests_to("POST", MESSAGES)) == 24
    assert all(str(r.message_id) in {m["id"] for m in slow_fake.posted(str(channel_of(r.destination)))}
               for r in rows)


async def test_a_bot_killed_between_message_created_and_recorded_is_adopted_not_reposted(
        store: Store, tmp_path: Path) -> None:
    async with FakeDiscord(honour_nonces=False) as fake:
        await enqueue(store, fake, 1)
        (row,) = await store.outbox_items()
        channel = str(channel_of(row.destination))
        fake.stall("POST", MESSAGES)  # Discord creates the message; its answer is held
        env = bot_env(fake, store.database_url, lease_seconds=3)
        first = BotProcess("first", env, tmp_path)
        await first.start()
        try:
            await asyncio.wait_for(fake.stalled.wait(), 60)
            assert first.process is not None
            first.process.send_signal(signal.SIGKILL)  # dies after "created", before "recorded"
            await first.process.wait()
        finally:
            await first.kill()
        assert len(fake.posted(channel)) == 1
        assert [r.message_id for r in await store.outbox_items()] == [None]

        survivor = BotProcess("survivor", env, tmp_path)
        await survivor.start()
        try:
            await asyncio.wait_for(all_delivered(store), 90)
        finally:
            await survivor.stop()
        (recorded,) = await store.outbox_items()
        (message,) = fake.posted(channel)
        assert str(recorded.message_id) == message["id"], "the survivor adopted the message"
        assert len(fake.requests_to("POST", MESSAGES)) == 1, "and did not post it again"
        assert fake.requests_to("GET", MESSAGES), "it looked in the channel first"
        assert message["embeds"][0]["title"] == digest(0).title
