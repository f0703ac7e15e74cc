"""/status reports feeds, polls, errors and deliveries; /replay seeds is for managers and posts here."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.chat.client import ParleyBot
from storage import Store
from tests.fakediscord import FakeDiscord


async def test_status_of_a_fresh_bot(fake: FakeDiscord, bot: ParleyBot) -> None:
    reply = await fake.interact("status", permissions=0)  # anyone may look
    assert reply.ephemeral
    assert "0 followed" in reply.text and "never" in reply.text


async def test_status_shows_feed_errors_and_the_last_poll(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    feed = await store.add_feed("https://news.example/a.rss", guild_id=int(fake.guild_id))
    polled = datetime(2025, 7, 1, 12, 0, tzinfo=UTC)
    await store.update_feed_state(feed.id, last_polled_at=polled, last_error="HTTP 503 Service Unavailable",
                                  failures=2)
    reply = await fake.interact("status")
    assert "1 followed, 1 failing" in reply.text
    assert f"<t:{int(polled.timestamp())}:f>" in reply.text
    assert "HTTP 503 Service Unavailable" in reply.text


async def test_replay_seeds_needs_manage_server(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    reply = await fake.interact("replay", subcommand=["seeds"], permissions=0)
    assert reply.ephemeral and "Manage Server" in reply.content
    assert await store.list_subscriptions() == []


async def test_replay_seeds_subscribes_the_channel_and_queues_its_digests(
        fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    channel = fake.channel_id("news")
    reply = await fake.interact("replay", subcommand=["seeds"], channel=channel, wait=60)
    assert "now subscribed" in reply.text
    assert [s.channel_id for s in await store.list_subscriptions()] == [int(channel)]
    queued = await store.outbox_items(destination=f"discord:{channel}")
    assert any(r.item_key == "digest:round:5" for r in queued)


async def test_status_shows_disabled_feeds_with_their_reason(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    await store.add_feed("https://news.example/ok.rss", guild_id=int(fake.guild_id))
    gone = await store.add_feed("https://news.example/gone.rss", guild_id=int(fake.guild_id))
    await store.update_feed_state(gone.id, disabled_at=datetime(2025, 7, 1, 12, 0, tzinfo=UTC),
                                  disabled_reason="HTTP 410 Gone: feed disabled", last_error="HTTP 410")
    reply = await fake.interact("status")
    assert "2 followed, 0 failing, 1 disabled" in reply.text
    assert f"feed #{gone.id} https://news.example/gone.rss disabled: HTTP 410 Gone: feed disabled" in reply.text


async def test_status_masks_feed_tokens_in_urls_and_errors(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    tokened = "https://news.example/a.rss?token=s3cret"
    await fake.interact("feed", [{"name": "url", "type": 3, "value": tokened}], subcommand=["add"])
    (feed,) = await store.list_feeds()
    await store.update_feed_state(feed.id, last_error=f"HTTP 404 for url '{tokened}'", failures=1)
    gone = "https://bob:hunter2@news.example/gone.rss"
    await fake.interact("feed", [{"name": "url", "type": 3, "value": gone}], subcommand=["add"])
    disabled = await store.get_feed_by_url(gone)
    await store.update_feed_state(disabled.id, disabled_at=datetime(2025, 7, 1, 12, 0, tzinfo=UTC),
                                  disabled_reason=f"HTTP 410 Gone from {gone}")
    reply = await fake.interact("status")
    assert "s3cret" not in reply.text and "hunter2" not in reply.text
    text = reply.text.replace("\\", "")  # as Discord shows it, Markdown escapes read
    assert f"feed #{feed.id} https://news.example/a.rss?token=***: HTTP 404 for url 'https://news.example/a.rss?token=***'" in text
    assert f"feed #{disabled.id} https://***@news.example/gone.rss disabled: HTTP 410 Gone from https://***@" in text
