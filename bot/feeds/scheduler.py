"""Feeds polled on a schedule inside the running bot: one APScheduler job per feed.

The schedule's memory is the ``feed`` table, not APScheduler's job store: each poll writes
the feed's ``next_poll_at``, and on start every enabled feed gets a one-shot job at that
time (`bot.feeds.policy.resume_at`). So a restart resumes where the bot left off; feeds
that became due while it was down are spread over a short catch-up window instead of all
firing at once; feeds never polled get their hash slot within one interval.

Feeds added while running (``FEEDS`` at start, or a slash command writing the table) are
picked up by `FeedScheduler.add_feed` at once, or by a periodic sync of the table.

Usage from the Discord client::

    scheduler = FeedScheduler(settings)
    await scheduler.start()      # in setup_hook
    ...
    await scheduler.stop()       # in close()
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.config import Settings
from bot.feeds.fetch import FetchLimits
from bot.feeds.policy import PollPolicy, first_poll_at, resume_at
from bot.feeds.polling import Ingest, Poller, PollOutcome, _now

if TYPE_CHECKING:
    from storage import Store
    from storage.models import Feed

log = logging.getLogger(__name__)

OnOutcome = Callable[[PollOutcome], Awaitable[None] | None]
SYNC_JOB = "feeds:sync"
STOP_GRACE_SECONDS = 30.0  # how long `stop` waits for the polls in flight before cancelling them


def _job_id(feed_id: int) -> str:
    return f"feed:{feed_id}"


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


class FeedScheduler:
    """Polls every enabled feed on its own schedule until stopped."""

    def __init__(
        self,
        settings: Settings,
        *,
        store: Store | None = None,
        policy: PollPolicy | None = None,
        limits: FetchLimits | None = None,
        ingest: Ingest | None = None,
        console: bool = False,
        on_outcome: OnOutcome | None = None,
        sync_seconds: float = 60.0,
    ) -> None:
        self.settings = settings
        self.policy = policy or PollPolicy(interval=float(settings.poll_interval_seconds))
        self._limits = limits or FetchLimits(allow_private=settings.allow_private_feeds)
        self._store = store
        self._own_store = store is None
        self._ingest = ingest
        self._console = console
        self._on_outcome = on_outcome
        self._sync_seconds = sync_seconds
        self._scheduler: AsyncIOScheduler | None = None
        self._poller: Poller | None = None
        self._running: set[int] = set()
        self._in_flight: set[asyncio.Task[Any]] = set()

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the scheduler is not started")
        return self._store

    @property
    def running(self) -> bool:
        return self._scheduler is not None and self._scheduler.running

    async def start(self) -> None:
        """Open the database and HTTP session, schedule every enabled feed, start polling."""
        if self.running:
            return
        if self._store is None:
            from storage import Store

            self._store = Store.from_url(self.settings.database_url)
        self._poller = Poller(
            self._store, policy=self.policy, limits=self._limits, ingest=self._ingest, console=self._console
        )
        await self._poller.__aenter__()
        await self._poller.sync_configured(self.settings.feeds)
        self._scheduler = AsyncIOScheduler(
            timezone=UTC, job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None}
        )
        await self.sync()
        self._scheduler.add_job(self.sync, "interval", seconds=self._sync_seconds, id=SYNC_JOB, replace_existing=True)
        self._scheduler.start()
        log.info("feed scheduler started with %d feeds", len(self.next_runs()))

    async def stop(self, grace: float = STOP_GRACE_SECONDS) -> None:
        """Stop scheduling, let the polls in flight finish and record (for up to ``grace`` seconds), close.

        A poll cut short would not be lost either (its feed's validators are saved only after its
        entries are recorded, so the next start reads them again), but finishing it saves the fetch.
        """
        if self._scheduler is not None:
            if self._scheduler.running:
                self._scheduler.shutdown(wait=False)
            self._scheduler = None
        polls = {task for task in self._in_flight if not task.done()}
        if polls:
            log.info("stopping: waiting for %d poll(s) in flight", len(polls))
            _done, late = await asyncio.wait(polls, timeout=grace)
            for task in late:
                task.cancel()
            if late:
                await asyncio.wait(late)
        if self._poller is not None:
            await self._poller.close()
            self._poller = None
        if self._own_store and self._store is not None:
            await self._store.close()
            self._store = None

    def next_runs(self) -> dict[int, datetime]:
        """When each scheduled feed is polled next, by feed id."""
        if self._scheduler is None:
            return {}
        return {
            int(job.id.split(":", 1)[1]): job.next_run_time
            for job in self._scheduler.get_jobs()
            if job.id.startswith("feed:") and job.next_run_time is not None
        }

    async def sync(self) -> None:
        """Bring the jobs in line with the feed table: schedule new feeds, drop removed or disabled ones."""
        if self._scheduler is None:
            return
        feeds = await self.store.list_feeds()
        now = _now()
        wanted: set[str] = set()
        for feed in feeds:
            if feed.disabled_at is not None or feed.id is None:
                continue
            wanted.add(_job_id(feed.id))
            if feed.id in self._running or self._scheduler.get_job(_job_id(feed.id)) is not None:
                continue
            self._schedule(feed.id, resume_at(feed.url, _aware(feed.next_poll_at), now, self.policy))
        for job in self._scheduler.get_jobs():
            if job.id.startswith("feed:") and job.id not in wanted:
                job.remove()

    async def add_feed(self, url: str, *, guild_id: int | None = None, added_by: int | None = None) -> Feed:
        """Add a feed for a guild (e.g. from a slash command) or the operator, and schedule its
        first poll in its hash slot."""
        feed = await self.store.add_feed(url, guild_id=guild_id, added_by=added_by)
        self._schedule_new(feed)
        return feed

    async def schedule(self, feed_id: int) -> None:
        """Schedule a feed that was just enabled again, without waiting for the next sync."""
        feed = await self.store.get_feed(feed_id)
        if feed is not None:
            self._schedule_new(feed)

    def _schedule_new(self, feed: Feed) -> None:
        assert feed.id is not None  # a stored feed has its id
        if self._scheduler is not None and feed.disabled_at is None and self._scheduler.get_job(_job_id(feed.id)) is None:
            when = resume_at(feed.url, _aware(feed.next_poll_at), _now(), self.policy)
            if feed.next_poll_at is None:
                when = first_poll_at(feed.url, _now(), self.policy)
            self._schedule(feed.id, when)

    def _schedule(self, feed_id: int, when: datetime) -> None:
        assert self._scheduler is not None
        self._scheduler.add_job(
            self._poll, "date", run_date=when, args=[feed_id], id=_job_id(feed_id), replace_existing=True
        )

    async def _poll(self, feed_id: int) -> None:
        """The job of one feed: poll it, then schedule the next poll from what the poll decided."""
        if self._poller is None or feed_id in self._running:
            return
        self._running.add(feed_id)
        task = asyncio.current_task()
        if task is not None:
            self._in_flight.add(task)
        try:
            feed = await self.store.get_feed(feed_id)
            if feed is None or feed.disabled_at is not None:
                return
            try:
                outcome = await self._poller.poll_feed(feed)
            except Exception:  # the database is unreachable: try again after one interval
                log.exception("poll of feed %s failed", feed.url)
                self._reschedule_later(feed_id)
                return
            if outcome.next_poll_at is not None and self._scheduler is not None:
                self._schedule(feed_id, outcome.next_poll_at)
            await self._notify(outcome)
        finally:
            self._running.discard(feed_id)
            if task is not None:
                self._in_flight.discard(task)

    def _reschedule_later(self, feed_id: int) -> None:
        from datetime import timedelta

        if self._scheduler is not None:
            self._schedule(feed_id, _now() + timedelta(seconds=self.policy.interval))

    async def _notify(self, outcome: PollOutcome) -> None:
        if self._on_outcome is None:
            return
        try:
            result = self._on_outcome(outcome)
            if inspect.isawaitable(result):
                await result
        except Exception:
            log.exception("on_outcome hook failed for %s", outcome.url)


async def run_forever(settings: Settings) -> None:  # pragma: no cover - used by hand, without Discord
    """Poll on the schedule until interrupted (the scheduler without the Discord client)."""
    scheduler = FeedScheduler(settings, console=True)
    await scheduler.start()
    try:
        await asyncio.Event().wait()
    finally:
        await scheduler.stop()
