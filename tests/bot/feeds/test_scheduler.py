"""The scheduler: one job per feed, resumed from the feed table after a restart, never all at once."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from feedserver import LIMITS
from test_polling import Recorder

from bot.config import Settings
from bot.feeds.policy import PollPolicy
from bot.feeds.polling import PollOutcome, _now
from bot.feeds.scheduler import FeedScheduler


@pytest.fixture
def settings(sqlite_url) -> Settings:
    return Settings(database_url=sqlite_url, poll_interval_seconds=300, _env_file=None)


def scheduler_for(settings, store, *, policy=None, on_outcome=None) -> FeedScheduler:
    return FeedScheduler(settings, store=store, policy=policy or PollPolicy(interval=300), limits=LIMITS,
                         ingest=Recorder(), on_outcome=on_outcome)


async def test_a_restart_resumes_each_feed_at_its_persisted_time(settings, sqlite_store):
    now = _now()
    later = (now + timedelta(minutes=42)).replace(microsecond=0)
    waiting = await sqlite_store.add_feed("https://feeds.example/waiting.xml")
    await sqlite_store.update_feed_state(waiting.id, next_poll_at=later)
    overdue = await sqlite_store.add_feed("https://feeds.example/overdue.xml")
    await sqlite_store.update_feed_state(overdue.id, next_poll_at=now - timedelta(hours=5))
    fresh = await sqlite_store.add_feed("https://feeds.example/new.xml")
    gone = await sqlite_store.add_feed("https://feeds.example/gone.xml")
    await sqlite_store.update_feed_state(gone.id, disabled_at=now, disabled_reason="HTTP 410 Gone: feed disabled")

    scheduler = scheduler_for(settings, sqlite_store)
    await scheduler.start()
    try:
        runs = scheduler.next_runs()
    finally:
        await scheduler.stop()
    assert set(runs) == {waiting.id, overdue.id, fresh.id}  # the disabled feed has no job
    assert runs[waiting.id] == later
    assert now <= runs[overdue.id] <= now + timedelta(seconds=121)  # spread over the catch-up window
    assert now <= runs[fresh.id] <= now + timedelta(seconds=301)  # its hash slot in one interval


async def test_configured_feeds_are_added_and_first_polls_spread_over_the_interval(sqlite_url, sqlite_store):
    urls = [f"https://feeds.example/{n}.xml" for n in range(50)]
    settings = Settings(database_url=sqlite_url, feeds=",".join(urls), _env_file=None)
    scheduler = scheduler_for(settings, sqlite_store)
    await scheduler.start()
    try:
        runs = sorted(scheduler.next_runs().values())
    finally:
        await scheduler.stop()
    assert len(runs) == 50 and len(set(runs)) == 50
    assert runs[-1] - runs[0] > timedelta(seconds=200)  # spread, not bunched at the start


async def test_feeds_are_polled_and_rescheduled_from_the_outcome(settings, sqlite_store, feed_server):
    polled: list[PollOutcome] = []
    done = asyncio.Event()

    def record(outcome: PollOutcome) -> None:
        polled.append(outcome)
        if len(polled) == 2:
            done.set()

    policy = PollPolicy(interval=0.2, catch_up_window=0.1, jitter=0)
    scheduler = scheduler_for(settings, sqlite_store, policy=policy, on_outcome=record)
    await scheduler.start()
    try:
        good = await scheduler.add_feed(feed_server.url("/rss"))
        bad = await scheduler.add_feed(feed_server.url("/410"))
        await asyncio.wait_for(done.wait(), 10)
        await asyncio.sleep(0)  # let the jobs re-add themselves
        runs = scheduler.next_runs()
    finally:
        await scheduler.stop()
    by_url = {o.url: o for o in polled}
    assert by_url[good.url].kind == "new" and by_url[bad.url].kind == "disabled"
    assert good.id in runs and bad.id not in runs  # the disabled feed is not polled again
    stored = await sqlite_store.get_feed(good.id)
    assert runs[good.id] == stored.next_poll_at.replace(tzinfo=runs[good.id].tzinfo)


async def test_a_feed_added_to_the_table_while_running_is_picked_up_by_the_sync(settings, sqlite_store):
    scheduler = scheduler_for(settings, sqlite_store)
    await scheduler.start()
    try:
        feed = await sqlite_store.add_feed("https://feeds.example/late.xml")  # as a slash command would
        assert feed.id not in scheduler.next_runs()
        await scheduler.sync()
        assert feed.id in scheduler.next_runs()
        await sqlite_store.remove_feed(feed.id)
        await scheduler.sync()
        assert feed.id not in scheduler.next_runs()
    finally:
        await scheduler.stop()
