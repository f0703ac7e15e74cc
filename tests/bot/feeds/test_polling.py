"""The poller against the loopback server and a real database.

Each bad feed ends with its recorded one-line error and its next poll (or its disabling);
each good feed's new entries reach the pipeline exactly once; a feed's first poll records
without announcing.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
from datetime import timedelta
from types import SimpleNamespace

import pytest
from aiohttp import web
from feedserver import LIMITS, FeedServer, item, rss, static
from sqlmodel import col, select

from bot.feeds.entry import FeedEntry
from bot.feeds.policy import PollPolicy
from bot.feeds.polling import Poller, _now
from storage.models import Entry

POLICY = PollPolicy(interval=300, jitter=0.1, disable_after=3)


@dataclasses.dataclass
class Recorder:
    """The pipeline's place at the end of the poll: stores the entries it has not stored yet
    (as the pipeline does) and records what it stored, so "nothing twice" is checked on real rows."""

    calls: list[tuple[int | None, bool, list[str]]] = dataclasses.field(default_factory=list)
    handed: list[str] = dataclasses.field(default_factory=list)  # every guid handed over, stored or not
    fail: bool = False

    async def __call__(self, store, entries: list[FeedEntry], *, feed_id, announce, console=False):
        if self.fail:
            raise RuntimeError("database is locked")
        self.handed.extend(e.guid for e in entries)
        async with store.session() as session:
            stored = set(await session.exec(select(Entry.guid).where(col(Entry.guid).in_([e.guid for e in entries]))))
        entries = [e for e in entries if e.guid not in stored]  # the pipeline skips known guids, so does this
        self.calls.append((feed_id, announce, [e.guid for e in entries]))
        async with store.transaction() as session:
            for e in entries:
                session.add(Entry(guid=e.guid, link=e.link, title=e.title, feed_id=feed_id,
                                  content_hash=hashlib.sha256(e.html.encode()).hexdigest(), clean_text=e.html))
        return None

    def guids(self) -> list[str]:
        return [g for _, _, guids in self.calls for g in guids]


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
async def poller(store, session, recorder):
    """A poller on each database backend."""
    async with Poller(store, policy=POLICY, limits=LIMITS, ingest=recorder, session=session) as p:
        yield p


@pytest.fixture
async def sqlite_poller(sqlite_store, session, recorder):
    """A poller on SQLite only, for the many cases where the backend is not what is tested."""
    async with Poller(sqlite_store, policy=POLICY, limits=LIMITS, ingest=recorder, session=session) as p:
        yield p


async def poll(poller: Poller, server: FeedServer, path: str):
    feed = await poller.store.add_feed(server.url(path))
    feed = await poller.store.get_feed(feed.id)
    outcome = await poller.poll_feed(feed)
    return outcome, await poller.store.get_feed(feed.id)


async def test_a_new_feed_records_its_entries_without_announcing_then_polls_conditionally(
    poller, feed_server, recorder
):
    outcome, feed = await poll(poller, feed_server, "/rss")
    assert outcome.line().endswith("first poll: 2 entries recorded, not announced (2 in feed)")
    assert recorder.calls == [(feed.id, False, ["https://news.example/1", "https://news.example/2"])]
    assert feed.initialized and feed.etag == '"rss-v1"' and feed.failures == 0 and feed.last_status == 200
    assert feed.min_interval_seconds == 1800  # ttl 30 min beats max-age 600 s
    assert feed.next_poll_at is not None and feed.content_hash

    again = await poller.poll_feed(feed)
    assert again.kind == "not_modified" and again.line() == f"{feed.url}: not modified"
    assert feed_server.hits("/rss")[-1]["If-None-Match"] == '"rss-v1"'
    assert len(recorder.calls) == 1
    after = await poller.store.get_feed(feed.id)
    assert after.min_interval_seconds == 1800  # the 304 keeps what the feed asked for


async def test_only_entries_that_appear_after_the_first_poll_are_announced(poller, feed_server, recorder):
    _, feed = await poll(poller, feed_server, "/rss")
    feed_server.routes["/rss"] = static(rss([item(3), item(1), item(2)]), etag='"rss-v2"')
    outcome = await poller.poll_feed(feed)
    assert outcome.kind == "new" and outcome.new_entries == 1
    assert outcome.line() == f"{feed.url}: 1 new entry (3 in feed)"
    assert recorder.calls[-1] == (feed.id, True, ["https://news.example/3"])


async def test_a_feed_without_validators_that_sends_the_same_bytes_is_not_parsed_again(poller, feed_server, recorder):
    feed_server.routes["/plain"] = static(rss([item(1)]))
    _, feed = await poll(poller, feed_server, "/plain")
    outcome = await poller.poll_feed(feed)
    assert outcome.kind == "unchanged" and len(recorder.calls) == 1


async def test_good_rss_atom_and_gzip_feeds_are_all_ingested_once(poller, feed_server, recorder):
    for path in ("/rss", "/atom", "/gzip", "/no-guid", "/dupes", "/wrong-charset"):
        outcome, feed = await poll(poller, feed_server, path)
        assert outcome.kind == "new", outcome.line()
        assert feed.last_error is None
    guids = recorder.guids()
    assert len(guids) == len(set(guids))  # /gzip serves the same entries as /rss: not ingested twice
    assert "urn:a1" in guids and "https://news.example/7" in guids and "https://news.example/9" in guids


@pytest.mark.parametrize(
    ("path", "status", "error"),
    [("/404", 404, "HTTP 404 Not Found"), ("/500", 500, "HTTP 500 Internal Server Error"),
     ("/slow", None, "timed out: the server sent nothing for 0.3 s"),
     ("/huge", 200, "response larger than 1 MB"),
     ("/gzip-bomb", 200, "decompressed response larger than 2 MB (compression bomb?)"),
     ("/entity-bomb", 200, "the document declares XML entities; refused as unsafe"),
     ("/loop-a", 301, None), ("/html", 200, "not an RSS or Atom feed")],
)
async def test_a_bad_feed_gets_its_error_and_a_backed_off_schedule(
    sqlite_poller, feed_server, recorder, path, status, error
):
    before = _now()
    outcome, feed = await poll(sqlite_poller, feed_server, path)
    assert outcome.kind == "error"
    assert feed.last_status == status and feed.failures == 1 and feed.disabled_at is None
    if error:
        assert feed.last_error is not None and feed.last_error.startswith(error)
    else:
        assert feed.last_error.startswith("redirect loop")
    assert outcome.line(before).startswith(f"{feed.url}: error: {feed.last_error} (next try in ")
    assert _as_utc(feed.next_poll_at) >= before + timedelta(seconds=300)
    assert not feed.initialized and recorder.calls == []


def _as_utc(value):
    from storage.models import as_utc

    return as_utc(value)


async def test_failures_back_off_and_repeated_failures_disable_the_feed(poller, feed_server):
    _, feed = await poll(poller, feed_server, "/500")
    first_wait = _as_utc(feed.next_poll_at) - _as_utc(feed.last_polled_at)
    await poller.poll_feed(feed)
    feed = await poller.store.get_feed(feed.id)
    assert _as_utc(feed.next_poll_at) - _as_utc(feed.last_polled_at) > first_wait  # 600 s+ after 300 s+
    outcome = await poller.poll_feed(feed)
    feed = await poller.store.get_feed(feed.id)
    assert outcome.kind == "disabled"
    assert feed.disabled_reason == "disabled after 3 failures in a row; last: HTTP 500 Internal Server Error"
    assert feed.disabled_at is not None and feed.next_poll_at is None
    assert (await poller.poll_feed(feed)).kind == "disabled"  # a disabled feed is not fetched
    assert len(feed_server.hits("/500")) == 3


async def test_410_gone_disables_the_feed_at_once(poller, feed_server):
    outcome, feed = await poll(poller, feed_server, "/410")
    assert outcome.line() == f"{feed.url}: disabled: HTTP 410 Gone: feed disabled"
    assert feed.disabled_reason == "HTTP 410 Gone: feed disabled" and feed.last_error == "HTTP 410 Gone"


async def test_429_and_503_wait_at_least_as_long_as_retry_after_asks(poller, feed_server):
    before = _now()
    _, feed = await poll(poller, feed_server, "/503")
    assert _as_utc(feed.next_poll_at) >= before + timedelta(minutes=59)
    _, feed = await poll(poller, feed_server, "/429")
    assert feed.last_error == "HTTP 429 Too Many Requests"
    assert _as_utc(feed.next_poll_at) >= before + timedelta(seconds=300)


async def test_a_permanent_redirect_updates_the_stored_url(poller, feed_server, recorder):
    outcome, feed = await poll(poller, feed_server, "/moved")
    assert outcome.moved_to == feed_server.url("/rss") and feed.url == feed_server.url("/rss")
    assert outcome.line().endswith(f"(moved permanently to {feed_server.url('/rss')})")
    assert len(recorder.calls) == 1


async def test_a_temporary_redirect_keeps_the_stored_url(poller, feed_server):
    _, feed = await poll(poller, feed_server, "/temporary")
    assert feed.url == feed_server.url("/temporary")


async def test_a_redirect_to_a_feed_already_followed_disables_the_old_address(poller, feed_server):
    await poll(poller, feed_server, "/rss")
    outcome, feed = await poll(poller, feed_server, "/moved")
    reason = f"moved permanently to {feed_server.url('/rss')}, which is already followed"
    assert outcome.kind == "disabled" and feed.disabled_reason == reason and feed.url == feed_server.url("/moved")


async def test_entries_already_stored_are_not_handed_over_again(poller, feed_server, recorder):
    """The same story in two feeds (or a feed that lost its validators) is ingested once."""
    await poll(poller, feed_server, "/rss")
    outcome, _ = await poll(poller, feed_server, "/gzip")  # same entries, another URL
    assert outcome.kind == "new" and outcome.new_entries == 0
    assert len(recorder.calls) == 1


async def test_when_the_pipeline_fails_nothing_is_lost(poller, feed_server, recorder):
    recorder.fail = True
    outcome, feed = await poll(poller, feed_server, "/rss")
    assert outcome.error == "could not record the entries: database is locked"
    assert feed.etag is None and feed.content_hash is None and not feed.initialized
    recorder.fail = False
    outcome = await poller.poll_feed(feed)
    assert outcome.kind == "new" and recorder.guids() == ["https://news.example/1", "https://news.example/2"]


async def test_a_first_poll_records_every_entry_and_reads_up_to_the_cap(poller, feed_server, recorder):
    feed_server.routes["/long"] = static(rss([item(n) for n in range(30)]))
    poller.max_entries = 10
    outcome, _ = await poll(poller, feed_server, "/long")
    assert [(announce, len(guids)) for _, announce, guids in recorder.calls] == [(False, 30)]
    assert outcome.notes == ["first poll: 10 entries read, 20 older ones beyond the cap of 10 recorded unread "
                             "(never announced)"]
    async with poller.store.session() as s:
        unread = (await s.exec(select(Entry).where(Entry.guid == "https://news.example/29"))).one()
    assert unread.clean_text == ""  # recorded, not read: no page fetched, nothing extracted


async def test_what_the_first_poll_of_a_long_feed_holds_is_never_announced_later(
    store, session, feed_server, recorder
):
    """150 entries behind an ETag: the first poll used to read 100, the 304s left the rest unread, and
    the feed's first change announced the 50 old ones. Now only the one new entry is announced."""
    first = [item(n) for n in range(150)]
    feed_server.routes["/150"] = static(rss(first), etag='"v1"')
    async with Poller(store, policy=POLICY, limits=LIMITS, ingest=recorder, session=session) as poller:
        outcome, feed = await poll(poller, feed_server, "/150")
        assert (outcome.kind, outcome.entries_in_feed) == ("new", 150)
        assert (await poller.poll_feed(feed)).kind == "not_modified"
        feed_server.routes["/150"] = static(rss([item(150), *first]), etag='"v2"')
        changed = await poller.poll_feed(await store.get_feed(feed.id))
    assert changed.kind == "new" and changed.new_entries == 1
    announced = [g for _, announce, guids in recorder.calls if announce for g in guids]
    assert announced == ["https://news.example/150"]
    assert sum(len(guids) for _, announce, guids in recorder.calls if not announce) == 150


async def test_new_entries_beyond_the_cap_are_read_by_the_next_polls(poller, feed_server, recorder):
    feed_server.routes["/grows"] = static(rss([item(0)]), etag='"v1"')
    _, feed = await poll(poller, feed_server, "/grows")
    poller.max_entries = 10
    feed_server.routes["/grows"] = static(rss([item(n) for n in range(25)]), etag='"v2"')
    outcomes = [await poller.poll_feed(await poller.store.get_feed(feed.id)) for _ in range(4)]
    assert [(o.kind, o.new_entries, o.more) for o in outcomes] == [
        ("new", 10, True), ("new", 10, True), ("new", 4, False), ("not_modified", 0, False)]
    announced = [g for _, announce, guids in recorder.calls if announce for g in guids]
    assert sorted(announced) == sorted(f"https://news.example/{n}" for n in range(1, 25))


async def test_summary_only_entries_are_ingested_with_their_article_text(poller, feed_server, recorder):
    from test_article import ARTICLE

    async def page(request):
        return web.Response(text=ARTICLE, content_type="text/html")

    feed_server.routes["/article"] = page
    feed_server.routes["/teasers"] = static(rss([{"guid": "t1", "title": "Talks", "link": feed_server.url("/article"),
                                                  "description": "Akazawa met Bessent."}]))
    await poll(poller, feed_server, "/teasers")
    async with poller.store.session() as s:
        stored = (await s.exec(select(Entry).where(Entry.guid == "t1"))).one()
    assert "110-minute meeting with Lutnick" in stored.clean_text


async def test_a_feed_on_a_loopback_address_is_refused_unless_allowed(store, recorder, feed_server):
    strict = dataclasses.replace(LIMITS, allow_private=False)
    async with Poller(store, policy=POLICY, limits=strict, ingest=recorder) as guarded:
        outcome, feed = await poll(guarded, feed_server, "/rss")
    assert feed.last_error == "refused: 127.0.0.1 is a loopback address (set ALLOW_PRIVATE_FEEDS=true to allow)"
    assert outcome.kind == "error" and feed_server.hits("/rss") == [] and recorder.calls == []


async def test_many_feeds_polled_together_each_get_their_outcome(poller, feed_server, recorder):
    paths = ["/rss", "/atom", "/404", "/410", "/429", "/500", "/slow", "/html", "/huge", "/moved-308"]
    feeds = [await poller.store.add_feed(feed_server.url(p)) for p in paths]
    outcomes = await poller.poll_many(feeds)
    assert [o.kind for o in outcomes] == ["new", "new", "error", "disabled", "error", "error", "error", "error",
                                          "error", "disabled"]  # /moved-308 leads to /rss, already followed
    rows = {f.url: f for f in await poller.store.list_feeds()}
    assert all(r.last_polled_at is not None for r in rows.values())
    assert all(r.next_poll_at is not None or r.disabled_at is not None for r in rows.values())
    guids = recorder.guids()
    assert len(guids) == len(set(guids))


async def test_a_fresh_process_recalls_what_a_feed_already_gave(store, session, feed_server, recorder):
    """`parley poll --once` starts with no memory: it loads the feed's stored guids, so a changed
    feed costs the parse and the hand-over of its new entries only."""
    async with Poller(store, policy=POLICY, limits=LIMITS, ingest=recorder, session=session) as first:
        _, feed = await poll(first, feed_server, "/rss")
    feed_server.routes["/rss"] = static(rss([item(3), item(1), item(2)]), etag='"rss-v2"')
    recorder.handed.clear()
    async with Poller(store, policy=POLICY, limits=LIMITS, ingest=recorder, session=session) as second:
        outcome = await second.poll_feed(feed)
    assert recorder.handed == ["https://news.example/3"]
    assert outcome.line() == f"{feed.url}: 1 new entry (3 in feed)"


@dataclasses.dataclass
class GroupRecorder:
    """The pipeline's group entry point (`ingest_feeds`): records each call's feeds and guids; the
    first call waits for ``release``, so the feeds finishing meanwhile gather into the next group."""

    calls: list[list[tuple[int | None, list[str]]]] = dataclasses.field(default_factory=list)
    release: asyncio.Event = dataclasses.field(default_factory=asyncio.Event)
    fail: bool = False

    async def __call__(self, store, batches, *, console=False):
        if not self.calls:
            self.calls.append([])
            await self.release.wait()
            self.calls[0] = [(feed_id, [e.guid for e in entries]) for entries, feed_id, _ in batches]
        else:
            self.calls.append([(feed_id, [e.guid for e in entries]) for entries, feed_id, _ in batches])
        if self.fail:
            raise RuntimeError("database is locked")
        return [SimpleNamespace(new=len(entries)) for entries, _, _ in batches]


async def _five_feeds(store, server: FeedServer) -> list:
    for n in range(5):
        server.routes[f"/group{n}"] = static(rss([item(10 * n + 1), item(10 * n + 2)]), etag=f'"g{n}"')
    return [await store.add_feed(server.url(f"/group{n}")) for n in range(5)]


async def _wait_for_waiting(poller: Poller, count: int) -> None:
    while len(poller._waiting) < count:  # noqa: ASYNC110 (the poller's queue has no event to wait on)
        await asyncio.sleep(0.01)


async def test_feeds_that_finish_while_a_group_is_recorded_go_to_the_pipeline_together(sqlite_store, session,
                                                                                        feed_server):
    group = GroupRecorder()
    async with Poller(sqlite_store, policy=POLICY, limits=LIMITS, ingest_many=group, session=session) as poller:
        feeds = await _five_feeds(sqlite_store, feed_server)
        polling = asyncio.ensure_future(poller.poll_many(feeds))
        await asyncio.wait_for(_wait_for_waiting(poller, 4), 30)
        group.release.set()
        outcomes = await polling
    assert [len(call) for call in group.calls] == [1, 4]  # one feed first, the four that waited in one call
    assert [o.kind for o in outcomes] == ["new"] * 5 and [o.new_entries for o in outcomes] == [2] * 5
    guids = [g for call in group.calls for _, gs in call for g in gs]
    assert sorted(guids) == sorted(f"https://news.example/{10 * n + k}" for n in range(5) for k in (1, 2))
    assert {feed_id for call in group.calls for feed_id, _ in call} == {f.id for f in feeds}


async def test_a_group_that_cannot_be_recorded_fails_each_of_its_feeds_and_keeps_their_validators(
    sqlite_store, session, feed_server
):
    group = GroupRecorder(fail=True)
    async with Poller(sqlite_store, policy=POLICY, limits=LIMITS, ingest_many=group, session=session) as poller:
        feeds = await _five_feeds(sqlite_store, feed_server)
        polling = asyncio.ensure_future(poller.poll_many(feeds))
        await asyncio.wait_for(_wait_for_waiting(poller, 4), 30)
        group.release.set()
        outcomes = await polling
    assert [o.kind for o in outcomes] == ["error"] * 5
    assert {o.error for o in outcomes} == {"could not record the entries: database is locked"}
    rows = await sqlite_store.list_feeds()
    assert all(r.etag is None and not r.initialized and r.failures == 1 for r in rows)


def _late_doctype(padding: int, *, entities: bool = True) -> bytes:
    """A feed whose DOCTYPE follows ``padding`` bytes of comment: a guard reading only the head misses it."""
    from feedserver import ENTITY_BOMB

    head, rest = ENTITY_BOMB.split(b"\n", 1)
    if not entities:
        rest = b'<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/rss.dtd">\n' + rss([item(1)]).split(b"?>", 1)[1]
    return head + b"\n<!--" + b"x" * padding + b"-->\n" + rest


@pytest.mark.parametrize(("padding", "entities", "error"), [
    (1_100_000, True, "the document declares XML entities; refused as unsafe"),
    (3 * 1024 * 1024, True, "the document declares XML entities; refused as unsafe"),
    (1_100_000, False, "the document has a DOCTYPE (a feed needs none); refused as unsafe"),
])
async def test_a_doctype_anywhere_in_the_feed_is_refused_not_expanded(
    sqlite_store, session, recorder, feed_server, padding, entities, error
):
    feed_server.routes["/late-doctype"] = static(_late_doctype(padding, entities=entities))
    limits = dataclasses.replace(LIMITS, max_bytes=8 * 1024 * 1024, max_decompressed_bytes=8 * 1024 * 1024)
    async with Poller(sqlite_store, policy=POLICY, limits=limits, ingest=recorder, session=session) as poller:
        outcome, feed = await poll(poller, feed_server, "/late-doctype")
    assert (outcome.kind, outcome.error, feed.last_error) == ("error", error, error)
    assert recorder.handed == []
