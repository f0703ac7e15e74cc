"""One bad item never stops its feed: text is cleaned at the door, nothing an article says can
overflow a column, and an entry the database still refuses is quarantined with its reason while
the feed's other entries are stored, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

from aiohttp import web
from sqlmodel import col, select

from bot.answers import queries
from bot.chat.chatops import status
from bot.feeds.entry import FeedEntry
from bot.feeds.fetch import FetchLimits
from bot.feeds.policy import PollPolicy
from bot.feeds.polling import Poller
from bot.knowledge.ingest import ingest_feeds
from storage import Store
from storage.models import Entry, Fact
from tests.bot.factories import entry
from tests.loopback_http import serve

ROUND = ("Japan's chief tariff negotiator Ryosei Akazawa met Commerce Secretary Howard Lutnick in Washington "
         "on Friday for the fifth round of tariff talks.")
LONG_STEP = ("The two sides agreed to hold the next ministerial meeting in Tokyo"
             + ", with officials of the trade, agriculture, energy and finance ministries taking part" * 12
             + " before the summit.")


def rss(*items: str) -> bytes:
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>' + "".join(items)
            + "</channel></rss>").encode()


def item(n: int, title: str, *paragraphs: str) -> str:
    body = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in paragraphs)
    return (f"<item><guid>urn:{n}</guid><title>{title}</title><link>https://news.example/{n}</link>"
            f"<pubDate>Fri, 06 Jun 2025 12:00:00 GMT</pubDate><description>{body}</description></item>")


async def test_a_nul_byte_and_a_long_sentence_do_not_stop_the_feed(store: Store) -> None:
    doc = rss(item(1, "Calm", ROUND + " Report one."),
              item(2, "Nul&#0; \x1b[2Jtitle", ROUND + " Report&#0; two.\x1b]0;pwned\x07"),
              item(3, "Long", ROUND + " Report three.", LONG_STEP),
              item(4, "Calm again", ROUND + " Report four."))

    async def feed(_: web.Request) -> web.Response:
        return web.Response(body=doc, content_type="application/rss+xml")

    async with serve({"/rss": feed}) as base:
        row = await store.add_feed(f"{base}/rss")
        limits = FetchLimits(allow_private=True, total_timeout=10)
        async with Poller(store, policy=PollPolicy(interval=300), limits=limits) as poller:
            outcome = await poller.poll_feed(await store.get_feed(row.id))
    assert (outcome.kind, outcome.error, outcome.new_entries) == ("new", None, 4)
    async with store.session() as session:
        entries = {e.guid: e for e in (await session.exec(select(Entry))).all()}
        steps = (await session.exec(select(Fact).where(Fact.kind == "next_step"))).all()
    assert sorted(entries) == ["urn:1", "urn:2", "urn:3", "urn:4"]
    assert entries["urn:2"].title == "Nul title" and "\x00" not in entries["urn:2"].clean_text
    assert "\x1b" not in entries["urn:2"].clean_text and "pwned" not in entries["urn:2"].clean_text
    assert all(e.quarantine is None for e in entries.values())
    assert [s.sentence for s in steps] == [LONG_STEP]  # the whole sentence is kept as the fact's evidence
    assert len(LONG_STEP) > 700


async def test_an_entry_the_database_refuses_is_quarantined_and_the_others_are_stored(store: Store) -> None:
    """Cleaning is the door; this is what happens should anything get past it (here: an entry
    handed over uncleaned, its text holding a lone surrogate, which no database can encode)."""
    bad = FeedEntry(guid="urn:bad", title="Bad \ud800", link="https://news.example/bad", html="<p>text</p>",
                    published=None, source="Wire")
    reports = await ingest_feeds(store, [([entry("good-1"), bad, entry("good-2")], None, False)])
    assert (reports[0].new, reports[0].failed) == (2, 1)
    async with store.session() as session:
        stored = {e.guid: e for e in (await session.exec(select(Entry))).all()}
        quarantined = (await session.exec(select(Entry).where(col(Entry.quarantine).is_not(None)))).all()
    assert sorted(stored) == ["good-1", "good-2", "urn:bad"]
    assert [q.guid for q in quarantined] == ["urn:bad"] and "could not" not in (quarantined[0].decision or "")
    assert quarantined[0].quarantine.startswith("the database refused it (")
    why = await queries.why(store, "https://news.example/bad")
    assert "Quarantined" in [f.name for f in why.fields] and why.fields[0].value.startswith("quarantined: ")
    again = await ingest_feeds(store, [([bad], None, False)])  # the next poll does not retry it
    assert again[0].duplicate == 1
    shown = await status(store, guild_id=None)  # the operator's view: the entries came from no feed
    assert "Quarantined entries" in [f.name for f in shown.fields]
    assert "quarantined https://news.example/bad: the database refused it" in next(
        f.value for f in shown.fields if f.name == "Errors")
    assert "postgresql://" not in str(shown) and "postgresql://" not in str(why)
