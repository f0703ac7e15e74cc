"""Delivery from the outbox to Discord through the loopback server: once per channel, edits on
corroboration, and Discord's errors (429, 403, 404, 5xx) survived as the issue says."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlmodel import select

from bot.answers.answer import Answer, AnswerField, Source
from bot.answers.digests import to_payload
from bot.chat.client import ParleyBot
from bot.chat.delivery import LEASE_SECONDS, DeliveryWorker
from storage import Store
from storage.models import Outbox, utcnow
from storage.outbox import discord_destination
from tests.fakediscord import FakeDiscord
from tests.fakediscord.harness import bot_settings, running_bot

MESSAGES = r"^/channels/\d+/messages$"


@pytest.fixture
async def bot(fake: FakeDiscord, store: Store) -> AsyncIterator[ParleyBot]:
    async with running_bot(fake, bot_settings(fake, database_url=store.database_url), store=store,
                           delivery=False, worker_id="bot-a") as running:
        yield running


def digest(round_no: int, *sources: str) -> Answer:
    return Answer(
        title=f"Round {round_no}: Washington, 2025-06-06",
        description="Akazawa met Lutnick for 110 minutes. @everyone should not be pinged by this text.",
        fields=[AnswerField("Participants", "Ryosei Akazawa, Howard Lutnick")],
        sources=[Source(f"Report {s}", f"https://news.example/{s}", s.upper()) for s in sources],
    )


async def enqueue(store: Store, channel_id: str, item_key: str, answer: Answer, *, role: int | None = None) -> int:
    """An outbox row as the pipeline writes it (tests of the sink write it directly)."""
    async with store.transaction() as session:
        row = Outbox(destination=discord_destination(int(channel_id)), item_key=item_key, kind="digest",
                     payload=to_payload(answer, ping_role_id=role))
        session.add(row)
        await session.flush()
        assert row.id is not None
        return row.id


async def corroborate(store: Store, row_id: int, answer: Answer) -> None:
    """What the pipeline does when a later source confirms a digest: new payload, revision + 1."""
    async with store.transaction() as session:
        row = await session.get(Outbox, row_id)
        assert row is not None
        row.payload, row.revision, row.status = to_payload(answer), row.revision + 1, "pending"
        session.add(row)


async def row(store: Store, row_id: int) -> Outbox:
    async with store.session() as session:
        found = (await session.exec(select(Outbox).where(Outbox.id == row_id))).one()
        return found


def worker(bot: ParleyBot, store: Store, name: str, **kwargs: object) -> DeliveryWorker:
    return DeliveryWorker(bot, store, worker_id=name, **kwargs)  # type: ignore[arg-type]


async def subscribe(store: Store, fake: FakeDiscord, *names: str) -> list[str]:
    channels = [fake.channel_id(n) for n in names]
    for cid in channels:
        await store.add_subscription(guild_id=int(fake.guild_id), channel_id=int(cid))
    return channels


async def test_each_digest_is_posted_once_per_channel(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    alerts, news = await subscribe(store, fake, "alerts", "news")
    ids = [await enqueue(store, cid, "digest:round:5", digest(5, "a")) for cid in (alerts, news)]
    sink = worker(bot, store, "bot-a")
    await sink.run_once()
    await sink.run_once()  # nothing is due any more: no second post
    assert [len(fake.posted(alerts)), len(fake.posted(news))] == [1, 1]
    for row_id, cid in zip(ids, (alerts, news), strict=True):
        delivered = await row(store, row_id)
        assert delivered.status == "delivered" and delivered.delivered_revision == 1
        assert str(delivered.message_id) == fake.posted(cid)[0]["id"]


async def test_posts_never_ping_except_the_subscribed_role(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    alerts, news = await subscribe(store, fake, "alerts", "news")
    await enqueue(store, alerts, "digest:round:5", digest(5, "a"))
    await enqueue(store, news, "digest:round:5", digest(5, "a"), role=424242)
    await worker(bot, store, "bot-a").run_once()
    (plain,) = fake.posted(alerts)
    assert plain["allowed_mentions"] == {"parse": []} and plain["content"] == ""
    (pinging,) = fake.posted(news)
    assert pinging["content"] == "<@&424242>"
    assert pinging["allowed_mentions"] == {"parse": [], "roles": [424242]}


async def test_two_bots_on_one_database_post_each_row_once(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    channels = await subscribe(store, fake, "general", "alerts", "news")
    for n in range(1, 8):
        for cid in channels:
            await enqueue(store, cid, f"digest:round:{n}", digest(n, "a"))
    async with Store(store.database_url) as other_store, running_bot(
            fake, bot_settings(fake, database_url=store.database_url), store=other_store, delivery=False,
            worker_id="bot-b") as second:
        one, two = worker(bot, store, "bot-a", batch=2), worker(second, other_store, "bot-b", batch=2)
        await asyncio.gather(one.run_once(), two.run_once())
    assert sorted(len(fake.posted(cid)) for cid in channels) == [7, 7, 7]
    assert len(fake.requests_to("POST", MESSAGES)) == 21


async def test_a_corroborated_digest_edits_its_message_instead_of_posting_again(
        fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    (alerts,) = await subscribe(store, fake, "alerts")
    row_id = await enqueue(store, alerts, "digest:round:5", digest(5, "kyodo"))
    sink = worker(bot, store, "bot-a")
    await sink.run_once()
    await corroborate(store, row_id, digest(5, "kyodo", "nikkei"))
    await sink.run_once()
    (message,) = fake.posted(alerts)
    assert message["edited_timestamp"] is not None
    assert "NIKKEI" in str(message["embeds"]) and "KYODO" in str(message["embeds"])
    assert len(fake.requests_to("PATCH", rf"^/channels/{alerts}/messages/\d+$")) == 1
    assert (await row(store, row_id)).delivered_revision == 2


async def test_a_rate_limit_is_waited_out_and_the_post_made_once(fake: FakeDiscord, bot: ParleyBot,
                                                                  store: Store) -> None:
    (alerts,) = await subscribe(store, fake, "alerts")
    row_id = await enqueue(store, alerts, "digest:round:5", digest(5, "a"))
    fake.fail("POST", MESSAGES, 429, retry_after=0.01)
    await worker(bot, store, "bot-a").run_once()
    assert [r.status for r in fake.requests_to("POST", MESSAGES)] == [429, 200]
    assert len(fake.posted(alerts)) == 1
    assert (await row(store, row_id)).status == "delivered"


async def test_missing_access_disables_the_subscription_and_status_shows_it(
        fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    alerts, news = await subscribe(store, fake, "alerts", "news")
    refused = [await enqueue(store, alerts, f"digest:round:{n}", digest(n, "a")) for n in (5, 6)]
    fine = await enqueue(store, news, "digest:round:5", digest(5, "a"))
    fake.fail("POST", rf"^/channels/{alerts}/messages$", 403)
    await worker(bot, store, "bot-a").run_once()
    (disabled,) = [s for s in await store.list_subscriptions(active_only=False) if s.disabled_at]
    assert disabled.channel_id == int(alerts) and "Missing Access" in (disabled.disabled_reason or "")
    assert [(await row(store, r)).status for r in refused] == ["dead", "dead"], "recorded, not dropped silently"
    assert (await row(store, fine)).status == "delivered", "other channels go on"
    assert len(fake.requests_to("POST", rf"^/channels/{alerts}/messages$")) == 1, "no retrying a closed door"
    status = await fake.interact("status")
    assert status.ephemeral
    assert f"<#{alerts}> subscription disabled" in status.text and "Missing Access" in status.text


async def test_unknown_channel_disables_the_subscription(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    gone = "1234567890123"
    await store.add_subscription(guild_id=int(fake.guild_id), channel_id=int(gone))
    row_id = await enqueue(store, gone, "digest:round:5", digest(5, "a"))
    await worker(bot, store, "bot-a").run_once()
    assert (await store.list_subscriptions()) == []
    assert "Unknown Channel" in ((await row(store, row_id)).last_error or "")


async def test_a_server_error_is_retried_later_with_backoff(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    (alerts,) = await subscribe(store, fake, "alerts")
    row_id = await enqueue(store, alerts, "digest:round:5", digest(5, "a"))
    fake.fail("POST", MESSAGES, 503)
    now = utcnow()
    await worker(bot, store, "bot-a", clock=lambda: now).run_once()
    failed = await row(store, row_id)
    assert failed.status == "failed" and failed.attempts == 1 and fake.posted(alerts) == []
    assert failed.next_attempt_at is not None
    await worker(bot, store, "bot-a", clock=lambda: now).run_once()
    assert fake.posted(alerts) == [], "not before the back-off has passed"
    later = now + timedelta(minutes=1)
    await worker(bot, store, "bot-a", clock=lambda: later).run_once()
    assert len(fake.posted(alerts)) == 1
    assert (await row(store, row_id)).status == "delivered"


async def test_a_restart_in_the_middle_of_a_delivery_neither_loses_nor_repeats_the_post(
        fake: FakeDiscord, store: Store) -> None:
    fake.honour_nonces = False  # Discord's nonce would hide a second post: this must hold without it
    settings = bot_settings(fake, database_url=store.database_url)
    (alerts,) = await subscribe(store, fake, "alerts")
    row_id = await enqueue(store, alerts, "digest:round:5", digest(5, "a"))
    fake.stall("POST", MESSAGES)  # Discord creates the message; the bot never hears back
    async with running_bot(fake, settings, store=store, delivery=False, worker_id="before") as first:
        crashed = asyncio.create_task(worker(first, store, "before").run_once())
        await asyncio.wait_for(fake.stalled.wait(), 10)
        crashed.cancel()  # the process dies here, lease held, nothing recorded
    assert len(fake.posted(alerts)) == 1
    assert (await row(store, row_id)).message_id is None
    lease_over = utcnow() + timedelta(seconds=LEASE_SECONDS + 1)
    async with running_bot(fake, settings, store=store, delivery=False, worker_id="after") as second:
        await worker(second, store, "after", clock=lambda: lease_over).run_once()
    (message,) = fake.posted(alerts)
    delivered = await row(store, row_id)
    assert delivered.status == "delivered" and str(delivered.message_id) == message["id"]
    assert len(fake.requests_to("POST", MESSAGES)) == 1, "the message was found in the channel, not posted again"
    assert len(fake.requests_to("PATCH", rf"^/channels/{alerts}/messages/\d+$")) == 1, "and brought up to date"


async def test_rows_of_a_channel_that_unsubscribed_meanwhile_are_not_posted(
        fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    (alerts,) = await subscribe(store, fake, "alerts")
    row_id = await enqueue(store, alerts, "digest:round:5", digest(5, "a"))
    await store.remove_subscription(int(alerts))
    await worker(bot, store, "bot-a").run_once()
    assert fake.posted(alerts) == []
    gone = await row(store, row_id)
    assert gone.status == "dead" and gone.last_error == "not posted: the channel unsubscribed"


async def test_the_running_bot_delivers_in_the_background_after_subscribe(fake: FakeDiscord, store: Store) -> None:
    settings = bot_settings(fake, database_url=store.database_url)
    async with running_bot(fake, settings, store=store, delivery_interval=3600) as running:
        assert running.delivery is not None, "parley run starts the delivery worker"
        alerts = fake.channel_id("alerts")
        await enqueue(store, alerts, "digest:round:5", digest(5, "a"))
        await fake.interact("subscribe", channel=alerts)  # wakes the worker; no waiting for its next tick
        (message,) = await fake.wait_for_posts(alerts, 1)
    assert message["embeds"][0]["title"].startswith("Round 5")
