"""`parley run` stopped by SIGTERM (a service manager's stop) leaves nothing half-done: it stops
polling, finishes the delivery in flight, records it, and exits 0."""

from __future__ import annotations

import asyncio
import signal

from sqlmodel import select

from bot.answers.answer import Answer
from bot.answers.digests import to_payload
from storage import Store
from storage.migrate import upgrade_async
from storage.models import Outbox
from storage.outbox import discord_destination
from tests.e2e.test_discord_run import ROOT, env_for, parley
from tests.fakediscord import FakeDiscord

MESSAGES = r"^/channels/\d+/messages$"


async def read_until(stream: asyncio.StreamReader, words: str, seen: list[str]) -> None:
    """Read log lines into ``seen`` until one holds ``words``."""
    while True:
        line = (await stream.readline()).decode()
        if not line:
            raise AssertionError(f"the process ended before logging {words!r}:\n{''.join(seen)[-3000:]}")
        seen.append(line)
        if words in line:
            return


async def test_sigterm_finishes_the_delivery_in_flight_then_exits_0(fake: FakeDiscord, tmp_path) -> None:
    database_url = f"sqlite:///{tmp_path / 'parley.db'}"
    await upgrade_async(database_url)
    channel = fake.channel_id("news")
    async with Store(database_url) as store:
        await store.add_subscription(guild_id=int(fake.guild_id), channel_id=int(channel), kind="all")
        async with store.transaction() as session:
            session.add(Outbox(destination=discord_destination(int(channel)), item_key="digest:round:5", kind="digest",
                               payload=to_payload(Answer(title="Round 5: Washington, 2025-06-06"))))
    release = fake.stall("POST", MESSAGES)
    process = await parley(env_for(fake, tmp_path, PYTHONPATH=str(ROOT)), tmp_path, "run")
    assert process.stderr is not None
    log: list[str] = []
    try:
        await asyncio.wait_for(fake.stalled.wait(), 60)  # Discord is creating the message; no answer yet
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(read_until(process.stderr, "finishing the delivery in flight", log), 30)
        release.set()  # Discord answers only now, after the stop was asked for
        rest = await asyncio.wait_for(process.stderr.read(), 30)
        await asyncio.wait_for(process.wait(), 30)
    finally:
        release.set()
        if process.returncode is None:
            process.kill()
            await process.wait()
    text = "".join(log) + rest.decode()
    assert process.returncode == 0, text[-3000:]
    assert "Traceback" not in text, text[-4000:]
    assert len(fake.posted(channel)) == 1
    async with Store(database_url) as store, store.session() as session:
        row = (await session.exec(select(Outbox))).one()
    assert row.status == "delivered" and row.message_id is not None  # recorded: the next start posts nothing again
