"""/feed add, /feed remove, /feed list: who may, which addresses, and one-line errors."""

from __future__ import annotations

from bot.chat.client import ParleyBot
from storage import Store
from storage.models import utcnow
from tests.fakediscord import FakeDiscord


def url(value: str) -> list[dict[str, object]]:
    return [{"name": "url", "type": 3, "value": value}]


async def test_feed_add_follows_a_public_feed(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    reply = await fake.interact("feed", url("https://news.example/trade.rss"), subcommand=["add"])
    assert "Feed added" in reply.text
    assert [f.url for f in await store.list_feeds()] == ["https://news.example/trade.rss"]
    again = await fake.interact("feed", url("https://news.example/trade.rss"), subcommand=["add"])
    assert "already followed" in again.text
    assert len(await store.list_feeds()) == 1


async def test_feed_add_refuses_what_is_not_a_public_http_feed(fake: FakeDiscord, bot: ParleyBot,
                                                               store: Store) -> None:
    for bad, why in (("ftp://news.example/x", "not a feed address"), ("http://127.0.0.1/feed", "loopback"),
                     ("http://10.0.0.8/feed", "private"), ("http://localhost:8080/rss", "loopback")):
        reply = await fake.interact("feed", url(bad), subcommand=["add"])
        assert reply.ephemeral and "\n" not in reply.content, bad
        assert why in reply.content, (bad, reply.content)
    assert await store.list_feeds() == []


async def test_feed_add_refuses_every_spelling_of_a_private_host(fake: FakeDiscord, bot: ParleyBot,
                                                                store: Store) -> None:
    """Spellings the resolver and the socket read as loopback, which a check of the text missed:
    the feed was added and then failed at every poll until it was disabled."""
    for bad, address in (("http://127.1/feed", "127.0.0.1"), ("http://2130706433/feed", "127.0.0.1"),
                         ("http://0x7f000001/feed", "127.0.0.1"), ("http://0177.0.0.1/feed", "127.0.0.1"),
                         ("http://localhost./feed", "localhost"), ("http://LOCALHOST/feed", "localhost"),
                         ("http://feeds.localhost/x", "feeds.localhost"), ("http://[::1]/feed", "::1"),
                         ("http://[0:0:0:0:0:0:0:1]/feed", "::1"), ("http://[::ffff:127.0.0.1]/feed", "127.0.0.1"),
                         ("http://[::ffff:7f00:1]/feed", "127.0.0.1"), ("http://10.1/feed", "10.0.0.1"),
                         ("http://0/feed", "0.0.0.0")):
        reply = await fake.interact("feed", url(bad), subcommand=["add"])
        assert reply.ephemeral and "\n" not in reply.content, bad
        assert f"refused: {address} is a" in reply.content, (bad, reply.content)
    assert await store.list_feeds() == []


async def test_feed_add_stores_the_canonical_host(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    reply = await fake.interact("feed", url("https://News.Example./trade.rss"), subcommand=["add"])
    assert "Feed added" in reply.text
    again = await fake.interact("feed", url("https://news.example/trade.rss"), subcommand=["add"])
    assert "already followed" in again.text
    assert [f.url for f in await store.list_feeds()] == ["https://news.example/trade.rss"]


async def test_feed_list_and_remove_by_number(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    feed = await store.add_feed("https://news.example/a.rss", guild_id=int(fake.guild_id))
    listed = await fake.interact("feed", subcommand=["list"])
    assert listed.ephemeral and f"#{feed.id} https://news.example/a.rss" in listed.text
    removed = await fake.interact("feed", [{"name": "feed", "type": 3, "value": f"#{feed.id}"}],
                                  subcommand=["remove"])
    assert "Feed removed" in removed.text
    assert await store.list_feeds() == []
    missing = await fake.interact("feed", [{"name": "feed", "type": 3, "value": "42"}], subcommand=["remove"])
    assert missing.ephemeral and missing.content == "no feed '42' (see /feed list)"


async def test_feed_remove_autocompletes_followed_feeds(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    a = await store.add_feed("https://news.example/a.rss", guild_id=int(fake.guild_id))
    await store.add_feed("https://other.example/b.rss", guild_id=int(fake.guild_id))
    reply = await fake.interact("feed", [{"name": "feed", "type": 3, "value": "news", "focused": True}],
                                subcommand=["remove"], itype=4)
    assert [c["value"] for c in reply.choices] == [str(a.id)]


async def test_feed_commands_need_manage_server(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    reply = await fake.interact("feed", url("https://news.example/trade.rss"), subcommand=["add"], permissions=0)
    assert reply.ephemeral and "Manage Server" in reply.content
    assert await store.list_feeds() == []


async def test_feed_add_of_a_disabled_feed_re_enables_it(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    feed = await store.add_feed("https://news.example/gone.rss", guild_id=int(fake.guild_id))
    await store.update_feed_state(feed.id, disabled_at=utcnow(), disabled_reason="HTTP 410 Gone: feed disabled",
                                  failures=3, last_error="HTTP 410", next_poll_at=None)
    reply = await fake.interact("feed", url("https://news.example/gone.rss"), subcommand=["add"])
    assert "Feed re-enabled" in reply.text and "HTTP 410 Gone" in reply.text
    again = await store.get_feed(feed.id)
    assert (again.disabled_at, again.disabled_reason, again.failures, again.last_error) == (None, None, 0, None)
    assert [f.id for f in await store.due_feeds()] == [feed.id]  # polled again
    followed = await fake.interact("feed", url("https://news.example/gone.rss"), subcommand=["add"])
    assert "already followed" in followed.text


TOKENED = "https://news.example/trade.rss?token=s3cret"


def shown(text: str) -> str:
    """Text as Discord shows it: Markdown escapes (``\\*``, ``\\#``) read as the character."""
    return text.replace("\\", "")


async def test_a_feed_token_is_masked_in_every_feed_answer(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    """The feed is stored and fetched with its token; Discord only ever shows ``token=***``."""
    added = await fake.interact("feed", url(TOKENED), subcommand=["add"])
    (feed,) = await store.list_feeds()
    assert feed.url == TOKENED
    again = await fake.interact("feed", url(TOKENED), subcommand=["add"])
    listed = await fake.interact("feed", subcommand=["list"])
    choices = await fake.interact("feed", [{"name": "feed", "type": 3, "value": "", "focused": True}],
                                  subcommand=["remove"], itype=4)
    wrong = await fake.interact("feed", [{"name": "feed", "type": 3, "value": TOKENED + "x"}],
                                subcommand=["remove"])
    removed = await fake.interact("feed", [{"name": "feed", "type": 3, "value": TOKENED}], subcommand=["remove"])
    for reply in (added, again, listed, wrong, removed):
        assert "s3cret" not in reply.text, reply.text
    assert f"#{feed.id} https://news.example/trade.rss?token=***" in shown(listed.text)
    assert "Feed removed" in removed.text and await store.list_feeds() == []
    assert wrong.ephemeral and "token=***" in shown(wrong.content)
    assert [c["name"] for c in choices.choices] == [f"#{feed.id} https://news.example/trade.rss?token=***"]
